"""Supervisors' own credentials (SupervisorQualification), recorded by program administrators.
A program can count only hours signed off by a supervisor qualified on the entry's date; the
supervisor's queue says when they are not."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from certificates.permissions import require_program_admin
from certificates.validation import clean
from lms import roles
from lms.audit import audit_record
from lms.errors import Invalid
from lms.timezones import local_date

from .models import SupervisorQualification

ERR_NOT_A_SUPERVISOR = gettext_noop("That person is not a supervisor.")
ERR_EXPIRES_BEFORE_START = gettext_noop("The expiry date can't be before the date it is valid from.")
ERR_CREDENTIAL_REQUIRED = gettext_noop("Name the credential and give its number.")

EDITABLE = ("credential", "number", "issued_by", "valid_from", "expires_on", "notes")


def _check(q: SupervisorQualification) -> None:
    if not (q.credential or "").strip() or not (q.number or "").strip():
        raise Invalid(_(ERR_CREDENTIAL_REQUIRED), field="credential")
    if q.expires_on is not None and q.valid_from is not None and q.expires_on < q.valid_from:
        raise Invalid(_(ERR_EXPIRES_BEFORE_START), field="expires_on")
    clean(q)


@transaction.atomic
def qualification_record(
    *,
    actor,
    supervisor,
    credential: str,
    number: str,
    valid_from: date,
    expires_on: date | None = None,
    issued_by: str = "",
    notes: str = "",
) -> SupervisorQualification:
    require_program_admin(actor)
    if not roles.is_supervisor(supervisor):
        raise Invalid(_(ERR_NOT_A_SUPERVISOR), field="supervisor")
    now = timezone.now()
    qualification = SupervisorQualification(
        supervisor=supervisor,
        credential=(credential or "").strip(),
        number=(number or "").strip(),
        issued_by=(issued_by or "").strip(),
        valid_from=valid_from,
        expires_on=expires_on,
        notes=notes or "",
        recorded_by=actor,
        recorded_at=now,
        recorded_on=local_date(supervisor, now),
    )
    _check(qualification)
    qualification.save()
    audit_record(
        actor=actor,
        action="supervisor_qualification.recorded",
        target=qualification,
        subject=supervisor,
        details={"credential": qualification.credential, "expires_on": str(expires_on or "")},
    )
    return qualification


@transaction.atomic
def qualification_update(
    *, actor, qualification: SupervisorQualification, **changes
) -> SupervisorQualification:
    """Correct a recorded credential (a renewal with a new number is better recorded as a new row)."""
    require_program_admin(actor)
    qualification = SupervisorQualification.objects.select_for_update().get(pk=qualification.pk)
    changed = []
    for name, value in changes.items():
        if name in ("credential", "number", "issued_by", "notes") and value is None:
            value = ""
        value = value.strip() if isinstance(value, str) else value
        if name in EDITABLE and getattr(qualification, name) != value:
            setattr(qualification, name, value)
            changed.append(name)
    if not changed:
        return qualification
    _check(qualification)
    qualification.save()
    audit_record(
        actor=actor,
        action="supervisor_qualification.updated",
        target=qualification,
        subject=qualification.supervisor,
        details={"fields": sorted(changed)},
    )
    return qualification

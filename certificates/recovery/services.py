"""Writes and audited staff reads for recovery attestations: sensitive health data. Audit events
record that something happened or was read, never the date."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from certificates.permissions import require_program_admin
from certificates.validation import clean, require_typed_name
from lms.audit import audit_record
from lms.errors import Invalid
from lms.timezones import local_today

from .models import RecoveryAttestation

ERR_RECOVERY_DATE_FUTURE = gettext_noop("Your recovery start date can't be in the future.")
ERR_RECOVERY_DATE_OLD = gettext_noop("Please check the year of your recovery start date.")
ERR_STATEMENT_REQUIRED = gettext_noop("Please confirm the statement.")

RECOVERY_STATEMENT = (
    "I attest that the recovery start date I have given is true to the best of my knowledge. I understand "
    "it is private: only I and the program's administrators can see it."
)


@transaction.atomic
def recovery_attest(
    *, user, recovery_start_date: date, typed_name: str, confirmed: bool = True
) -> RecoveryAttestation:
    """Record the trainee's recovery start date. An earlier attestation is kept as history and marked
    superseded. The audit event says that it happened, never the date."""
    today = local_today(user)
    if not confirmed:
        raise Invalid(_(ERR_STATEMENT_REQUIRED), field="confirmed")
    if recovery_start_date > today:
        raise Invalid(_(ERR_RECOVERY_DATE_FUTURE), field="recovery_start_date")
    if recovery_start_date.year < 1900:
        raise Invalid(_(ERR_RECOVERY_DATE_OLD), field="recovery_start_date")
    typed_name = require_typed_name(user, typed_name)
    now = timezone.now()
    previous = list(RecoveryAttestation.objects.select_for_update().filter(user=user, is_current=True))
    RecoveryAttestation.objects.filter(pk__in=[p.pk for p in previous]).update(
        is_current=False, superseded_at=now, superseded_on=today
    )
    attestation = RecoveryAttestation(
        user=user,
        recovery_start_date=recovery_start_date,
        statement=RECOVERY_STATEMENT,
        typed_name=typed_name,
        attested_at=now,
        attested_on=today,
        is_current=True,
    )
    clean(attestation)
    attestation.save()
    audit_record(
        actor=user,
        action="recovery.attested",
        target=attestation,
        subject=user,
        details={"supersedes": [p.pk for p in previous]},
    )
    return attestation


def recovery_attestation_read_for_staff(*, actor, user) -> list[RecoveryAttestation]:
    """A program administrator's read of `user`'s recovery attestations (current first, then history).
    Audited every time; nobody else on staff may read them."""
    require_program_admin(actor)
    rows = list(RecoveryAttestation.objects.filter(user=user).order_by("-is_current", "-attested_at", "-pk"))
    audit_record(
        actor=actor, action="recovery.read_by_staff", target=user, subject=user, details={"rows": len(rows)}
    )
    return rows

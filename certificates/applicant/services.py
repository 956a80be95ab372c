"""The applicant's own attestations: date of birth and highest education completed. Each new one
supersedes the last (history kept); audit events say that it happened, never the value."""

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

from .models import BirthDateAttestation, EducationAttestation, EducationLevel

ERR_BIRTH_FUTURE = gettext_noop("Your date of birth can't be in the future.")
ERR_BIRTH_OLD = gettext_noop("Please check the year of your date of birth.")
ERR_LEVEL = gettext_noop("Choose the highest education you have completed.")


def _attest(*, model, user, typed_name: str, action: str, **values):
    typed_name = require_typed_name(user, typed_name)
    now = timezone.now()
    today = local_today(user)
    previous = list(model.objects.select_for_update().filter(user=user, superseded_at__isnull=True))
    model.objects.filter(pk__in=[p.pk for p in previous]).update(superseded_at=now, superseded_on=today)
    attestation = model(user=user, typed_name=typed_name, attested_at=now, attested_on=today, **values)
    clean(attestation)
    attestation.save()
    audit_record(
        actor=user,
        action=action,
        target=attestation,
        subject=user,
        details={"supersedes": [p.pk for p in previous]},
    )
    return attestation


@transaction.atomic
def birth_date_attest(*, user, date_of_birth: date, typed_name: str) -> BirthDateAttestation:
    today = local_today(user)
    if date_of_birth > today:
        raise Invalid(_(ERR_BIRTH_FUTURE), field="date_of_birth")
    if date_of_birth.year < 1900:
        raise Invalid(_(ERR_BIRTH_OLD), field="date_of_birth")
    return _attest(
        model=BirthDateAttestation,
        user=user,
        typed_name=typed_name,
        action="applicant.birth_date_attested",
        date_of_birth=date_of_birth,
    )


@transaction.atomic
def education_attest(*, user, level: str, typed_name: str) -> EducationAttestation:
    if level not in EducationLevel.values:
        raise Invalid(_(ERR_LEVEL), field="level")
    return _attest(
        model=EducationAttestation,
        user=user,
        typed_name=typed_name,
        action="applicant.education_attested",
        level=level,
    )


def applicant_details_read_for_staff(*, actor, user) -> dict:
    """A program administrator's read of what `user` attested (current values), audited."""
    require_program_admin(actor)
    birth = BirthDateAttestation.objects.current().filter(user=user).first()
    education = EducationAttestation.objects.current().filter(user=user).first()
    audit_record(actor=actor, action="applicant.details_read_by_staff", target=user, subject=user)
    return {"birth": birth, "education": education}

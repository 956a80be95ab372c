"""Writes for credential programs: a trainee joining a program, an administrator's edits, and signing
the code of ethics. Import and export of program definitions are in programs.transfer."""

from __future__ import annotations

from datetime import date

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from certificates.permissions import require_program_admin
from certificates.validation import clean, require_typed_name
from lms.audit import audit_record
from lms.errors import Conflict, Forbidden
from lms.timezones import local_date

from .models import CredentialProgram, EthicsPledge, PledgeSignature, ProgramEnrollment

ERR_PROGRAM_CLOSED = gettext_noop("This program is not open to trainees.")
ERR_NO_VERSION = gettext_noop("This program has no version in effect yet.")
ERR_ALREADY_IN_PROGRAM = gettext_noop("You are already working toward this program.")
ERR_PLEDGE_SIGNED = gettext_noop("You have already signed this version of the code of ethics.")
ERR_PLEDGE_NOT_IN_EFFECT = gettext_noop("This version of the code of ethics is not in effect.")


@transaction.atomic
def program_enroll(*, user, program: CredentialProgram, on: date | None = None) -> ProgramEnrollment:
    """Start working toward `program` under the version in effect today; that version stays the one
    the trainee is evaluated against."""
    if not program.is_active:
        raise Forbidden(_(ERR_PROGRAM_CLOSED))
    version = program.current_version(on=on)
    if version is None:
        raise Conflict(_(ERR_NO_VERSION), code="no_version")
    enrollment = ProgramEnrollment(user=user, program=program, version=version)
    clean(enrollment, validate_constraints=False)
    if ProgramEnrollment.objects.filter(user=user, program=program).exists():
        raise Conflict(_(ERR_ALREADY_IN_PROGRAM), code="already_enrolled")
    try:
        with transaction.atomic():
            enrollment.save()
    except IntegrityError:
        raise Conflict(_(ERR_ALREADY_IN_PROGRAM), code="already_enrolled")
    audit_record(
        actor=user,
        action="program.enrolled",
        target=enrollment,
        subject=user,
        details={"version": version.label},
    )
    return enrollment


@transaction.atomic
def program_update(*, actor, program: CredentialProgram, **fields) -> CredentialProgram:
    require_program_admin(actor)
    allowed = {"name", "issuing_body", "jurisdiction", "description", "is_active", "certificate_languages"}
    for name, value in fields.items():
        if name in allowed and value is not None:
            setattr(program, name, value)
    clean(program)
    program.save()
    audit_record(actor=actor, action="program.updated", target=program, details={"fields": sorted(fields)})
    return program


@transaction.atomic
def pledge_sign(*, user, pledge: EthicsPledge, typed_name: str) -> PledgeSignature:
    current = pledge.program.current_pledge()
    if current is None or current.pk != pledge.pk:
        raise Conflict(_(ERR_PLEDGE_NOT_IN_EFFECT), code="pledge_not_current")
    typed_name = require_typed_name(user, typed_name)
    if PledgeSignature.objects.filter(user=user, pledge=pledge).exists():
        raise Conflict(_(ERR_PLEDGE_SIGNED), code="already_signed")
    now = timezone.now()
    signature = PledgeSignature(
        user=user, pledge=pledge, typed_name=typed_name, signed_at=now, signed_on=local_date(user, now)
    )
    clean(signature)
    signature.save()
    audit_record(
        actor=user,
        action="pledge.signed",
        target=pledge,
        subject=user,
        details={"version": pledge.version_label},
    )
    return signature

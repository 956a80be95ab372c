"""What the issuing services share: messages, checks, the pending certificate with its code and
status-list index, and the lines of certificates (one open per person and program)."""

from __future__ import annotations

import secrets

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from certificates.eligibility import eligibility_for
from certificates.models import (
    Certificate,
    CertificateApplication,
    ProgramVersion,
)
from certificates.programs.models import CertificateLanguages
from lms.errors import Conflict, Invalid
from lms.queueing import queue_on_commit

from .. import selectors
from ..codes import generate_code
from ..statuslist import LIST_SIZE

ERR_NOT_ELIGIBLE = _("Not every requirement of this program is met yet: %(missing)s")
ERR_APPLICATION_OPEN = _("There is already an application for this program waiting for a decision.")
ERR_NOT_ENROLLED = _("%(name)s is not working toward %(program)s: join the program first.")
ERR_WRONG_VERSION = _(
    "%(name)s works toward %(program)s under its %(enrolled)s rules: an application is always under the "
    "version the trainee is enrolled in."
)
ERR_ALREADY_CERTIFIED = _("%(name)s already holds a certificate for this program. Renew it instead.")
ERR_NOT_SUBMITTED = _("This application is not waiting for a decision (it is %(status)s).")
ERR_NO_FULL_NAME = _(
    "The holder's full name is missing from their account: it is printed on the certificate."
)
ERR_REASON_REQUIRED = _("Give a reason. It is recorded, and shown on the verification page.")
ERR_REASON_TOO_LONG = _("Keep the reason under 500 characters.")
ERR_SUSPEND_ONLY_ISSUED = _("Only a valid, issued certificate can be suspended.")
ERR_REINSTATE_ONLY_SUSPENDED = _("Only a suspended certificate can be reinstated.")
ERR_REVOKE_ONLY_ISSUED = _("Only an issued or suspended certificate can be revoked.")
ERR_VERSION_NOT_IN_EFFECT = _("This program version is not in effect yet.")
ERR_PROGRAM_CLOSED = _("This program is not open to applications.")
ERR_NOT_YOUR_CERTIFICATE = _("Only the holder or a program administrator can renew this certificate.")
ERR_NOT_RENEWABLE = _("This certificate can't be renewed yet: %(reasons)s")
ERR_NO_CURRENT_VERSION = _("This program has no version in effect to renew under.")
ERR_STATUS_LIST_FULL = _("The status list is full: no free index for a new certificate.")
ERR_NO_SUCH_TRAINEE = _("%(email)s is not enrolled in this program.")

REASON_MAX = 500
INDEX_ATTEMPTS = 64


def clean_model(instance, **kwargs) -> None:
    try:
        instance.full_clean(**kwargs)
    except ValidationError as exc:
        raise Invalid(" ".join(exc.messages))


def reason_text(reason: str | None) -> str:
    text = (reason or "").strip()
    if not text:
        raise Invalid(str(ERR_REASON_REQUIRED), field="reason")
    if len(text) > REASON_MAX:
        raise Invalid(str(ERR_REASON_TOO_LONG), field="reason")
    return text


def unmet_text(eligibility) -> str:
    # Redacted: recovery requirements say only "met"/"not met yet", whoever reads the message.
    return "; ".join(r.missing for r in eligibility.redacted().unmet) or "-"


def check_eligible(*, user, version: ProgramVersion):
    eligibility = eligibility_for(user=user, version=version)
    if not eligibility.eligible:
        raise Invalid(str(ERR_NOT_ELIGIBLE) % {"missing": unmet_text(eligibility)}, code="not_eligible")
    return eligibility


def _allocate_status_index() -> int:
    for _attempt in range(INDEX_ATTEMPTS):
        index = secrets.randbelow(LIST_SIZE)
        if not Certificate.objects.filter(status_list_index=index).exists():
            return index
    raise Conflict(str(ERR_STATUS_LIST_FULL))


def _allocate_code() -> str:
    while True:
        code = generate_code()
        if not Certificate.objects.filter(code=code).exists():
            return code


def _holder_name(user) -> str:
    name = (user.full_name or "").strip()
    if not name:
        raise Invalid(str(ERR_NO_FULL_NAME), code="no_full_name")
    return name


def base_snapshot(*, user, version: ProgramVersion) -> dict:
    program = version.program
    return {
        "holder_name": _holder_name(user),
        "program": program.slug,
        "program_name": program.name,
        "program_description": program.description,
        "version": version.label,
        "issuing_body": program.issuing_body,
        # Frozen with the rest: the PDF (and any re-render) prints in the languages chosen at approval
        # (the holder's own language when the program follows it).
        "languages": CertificateLanguages.for_holder(program.certificate_languages, user),
        "approved_on": selectors.today().isoformat(),
    }


def create_pending(*, application: CertificateApplication, snapshot: dict, replaces=None) -> Certificate:
    """Insert the pending certificate (inside the caller's transaction). The code and the status-list
    index are random; their unique constraints are the last word, so a rare collision retries."""
    for attempt in range(5):
        certificate = Certificate(
            application=application,
            holder=application.user,
            version=application.version,
            program_id=application.program_id,
            replaces=replaces,
            snapshot=snapshot,
            code=_allocate_code(),
            status_list_index=_allocate_status_index(),
        )
        clean_model(certificate, validate_unique=False, validate_constraints=False)
        try:
            with transaction.atomic():
                certificate.save()
            return certificate
        except IntegrityError:
            # A concurrent approval of the same application wins the OneToOne; a concurrent first
            # certificate for the same person and program wins one_open_certification_per_program;
            # anything else was a code/index collision: try again.
            if Certificate.objects.filter(application=application).exists() or attempt == 4:
                raise Conflict(str(ERR_NOT_SUBMITTED) % {"status": _("approved")}, code="already_decided")
            if replaces is None and open_lines(application.user, application.program_id).exists():
                raise Conflict(
                    str(ERR_ALREADY_CERTIFIED) % {"name": application.user.get_full_name()},
                    code="already_certified",
                )
    raise AssertionError("unreachable")


def open_lines(user, program_id):
    """First certificates whose line of renewals is still open (see Certificate.lineage_closed_at)."""
    return Certificate.objects.filter(
        holder=user, program_id=program_id, replaces__isnull=True, lineage_closed_at__isnull=True
    ).exclude(status=Certificate.Status.CANCELLED)


def close_ended_lines(*, user, program) -> None:
    """Before a fresh first certificate: refuse while a certificate for the program is current (under
    any version), else close the lines that ended (expired past grace, revoked) so the database's
    one-open-line rule lets the new one in."""
    if selectors.current_certificate_for(user=user, program=program) is not None:
        raise Conflict(str(ERR_ALREADY_CERTIFIED) % {"name": user.get_full_name()}, code="already_certified")
    open_lines(user, program.pk).update(lineage_closed_at=timezone.now())


def enqueue_issue(certificate: Certificate) -> None:
    """Queue the issuing task after commit. If the broker is unreachable the approval still stands
    (logged, not raised): the certificate stays pending and the beat sweep issues it."""
    from certificates import tasks

    queue_on_commit(tasks.issue_certificate, certificate.pk)

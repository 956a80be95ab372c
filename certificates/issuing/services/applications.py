"""Applications and decisions: a trainee applies (or an administrator puts them forward), an
administrator approves or rejects. Approval locks the application row and creates the pending
certificate; the issuing task starts after commit."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils import timezone

from certificates.models import (
    Certificate,
    CertificateApplication,
    ProgramEnrollment,
    ProgramVersion,
)
from certificates.permissions import require_program_admin
from lms import roles
from lms.audit import audit_record
from lms.errors import Conflict, Forbidden, Invalid

from .. import selectors
from ..codes import format_code
from .common import (
    ERR_ALREADY_CERTIFIED,
    ERR_APPLICATION_OPEN,
    ERR_NOT_ENROLLED,
    ERR_NOT_SUBMITTED,
    ERR_PROGRAM_CLOSED,
    ERR_VERSION_NOT_IN_EFFECT,
    ERR_WRONG_VERSION,
    base_snapshot,
    check_eligible,
    clean_model,
    close_ended_lines,
    create_pending,
    enqueue_issue,
    reason_text,
)
from .lifecycle import renewal_snapshot
from .notices import notify_application_decided


@transaction.atomic
def application_submit(*, actor, user, version: ProgramVersion) -> CertificateApplication:
    """A trainee applies for themselves, or a program administrator puts a trainee forward. Always
    under the version the trainee is enrolled in; refused while an application for the program is
    open or a certificate for the program (under any version) is current (renewal is the way
    forward then). The trainee must be eligible now; otherwise nothing is created."""
    if actor is not None and actor.pk != user.pk:
        require_program_admin(actor, system_allowed=True)
    program = version.program
    if not program.is_active and not (actor is None or roles.is_program_admin(actor)):
        raise Forbidden(str(ERR_PROGRAM_CLOSED))
    enrollment = (
        ProgramEnrollment.objects.filter(user=user, program=program).select_related("version").first()
    )
    names = {"name": user.get_full_name(), "program": program.name}
    if enrollment is None:
        raise Invalid(str(ERR_NOT_ENROLLED) % names, code="not_enrolled")
    if enrollment.version_id != version.pk:
        raise Invalid(
            str(ERR_WRONG_VERSION) % {**names, "enrolled": enrollment.version.label}, code="wrong_version"
        )
    if version.effective_date > selectors.today():
        raise Invalid(str(ERR_VERSION_NOT_IN_EFFECT))
    if CertificateApplication.objects.filter(
        user=user, program=program, status__in=CertificateApplication.OPEN_STATUSES
    ).exists():
        raise Conflict(str(ERR_APPLICATION_OPEN), code="application_open")
    if selectors.current_certificate_for(user=user, program=program) is not None:
        raise Conflict(str(ERR_ALREADY_CERTIFIED) % {"name": user.get_full_name()}, code="already_certified")
    check_eligible(user=user, version=version)
    application = CertificateApplication(
        user=user,
        version=version,
        program=program,
        kind=CertificateApplication.Kind.INITIAL,
        submitted_by=actor or None,
    )
    clean_model(application, validate_constraints=False)
    try:
        with transaction.atomic():
            application.save()
    except IntegrityError:
        raise Conflict(str(ERR_APPLICATION_OPEN), code="application_open")
    audit_record(
        actor=actor,
        action="certificate_application.submitted",
        target=application,
        subject=user,
        details={
            "version": version.label,
            "program": program.slug,
            "by_admin": actor is not None and actor != user,
        },
    )
    return application


@transaction.atomic
def application_approve(*, actor, application: CertificateApplication, enqueue: bool = True) -> Certificate:
    """Approve: re-check eligibility, freeze the snapshot, create the pending certificate with its
    code, all in one transaction holding the application's row lock; the issuing task starts after
    commit. A second approval (concurrent or later) gets Conflict and creates nothing."""
    require_program_admin(actor, system_allowed=True)
    application = (
        CertificateApplication.objects.select_for_update(of=("self",))
        .select_related("user", "version__program", "program", "renews")
        .get(pk=application.pk)
    )
    if application.status != CertificateApplication.Status.SUBMITTED:
        raise Conflict(
            str(ERR_NOT_SUBMITTED) % {"status": application.get_status_display().lower()},
            code="already_decided",
        )
    user, version = application.user, application.version
    if application.kind == CertificateApplication.Kind.RENEWAL:
        snapshot = renewal_snapshot(certificate=application.renews, version=version)
        replaces = application.renews
    else:
        close_ended_lines(user=user, program=application.program)
        eligibility = check_eligible(user=user, version=version)
        snapshot = {**eligibility.snapshot(), **base_snapshot(user=user, version=version)}
        replaces = None
    certificate = create_pending(application=application, snapshot=snapshot, replaces=replaces)
    application.status = CertificateApplication.Status.APPROVED
    application.decided_by = actor
    application.decided_at = timezone.now()
    application.save(update_fields=["status", "decided_by", "decided_at"])
    audit_record(
        actor=actor,
        action="certificate_application.approved",
        target=application,
        subject=user,
        details={"certificate": format_code(certificate.code)},
    )
    notify_application_decided(application=application)
    if enqueue:
        enqueue_issue(certificate)
    return certificate


@transaction.atomic
def application_reject(*, actor, application: CertificateApplication, reason: str) -> CertificateApplication:
    require_program_admin(actor, system_allowed=True)
    reason = reason_text(reason)
    application = CertificateApplication.objects.select_for_update(of=("self",)).get(pk=application.pk)
    if application.status != CertificateApplication.Status.SUBMITTED:
        raise Conflict(
            str(ERR_NOT_SUBMITTED) % {"status": application.get_status_display().lower()},
            code="already_decided",
        )
    application.status = CertificateApplication.Status.REJECTED
    application.decided_by = actor
    application.decided_at = timezone.now()
    application.decision_reason = reason
    application.save(update_fields=["status", "decided_by", "decided_at", "decision_reason"])
    audit_record(
        actor=actor,
        action="certificate_application.rejected",
        target=application,
        subject=application.user,
        details={"reason": reason},
    )
    notify_application_decided(application=application)
    return application


def certificate_issue_for(*, actor, user, version: ProgramVersion, enqueue: bool = True) -> Certificate:
    """An administrator puts a trainee forward and approves in one go (bulk issuing)."""
    require_program_admin(actor, system_allowed=True)
    with transaction.atomic():
        application = application_submit(actor=actor, user=user, version=version)
        return application_approve(actor=actor, application=application, enqueue=enqueue)

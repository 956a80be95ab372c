"""Writes for issuing: applications and decisions, the issuing pipeline (render -> sign -> store ->
mark issued -> email), suspension / reinstatement / revocation, renewal, reminders, bulk issuing.

Exactly once: approval locks the application row (select_for_update) and the database allows one
certificate per application (OneToOne). The pipeline runs in short steps, each idempotent and safe
to interrupt: dates are fixed first (committed), the stored PDF has a deterministic name and is
reused when a previous attempt stored it (after checking it is our intact, signed file for this
certificate), and marking issued is a single row update. Re-running a finished certificate does
nothing.

`actor=None` means the system (a management command or a task); every view passes request.user."""

from __future__ import annotations

import logging
import secrets
from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from certificates.eligibility import add_months, eligibility_for, fmt_hours
from certificates.issuing.models import HEAD_BYTES, certificate_pdf_name
from certificates.models import (
    Certificate,
    CertificateApplication,
    CertificateReminder,
    ProgramEnrollment,
    ProgramVersion,
)
from certificates.permissions import require_program_admin
from lms import roles
from lms.audit import audit_record
from lms.errors import Conflict, Forbidden, Invalid

from . import selectors, signing
from .codes import format_code, generate_code
from .pdf import CertificateFace, render_certificate_pdf
from .statuslist import LIST_SIZE

logger = logging.getLogger(__name__)

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


def _clean(instance, **kwargs) -> None:
    try:
        instance.full_clean(**kwargs)
    except ValidationError as exc:
        raise Invalid(" ".join(exc.messages))


def _reason(reason: str | None) -> str:
    text = (reason or "").strip()
    if not text:
        raise Invalid(str(ERR_REASON_REQUIRED), field="reason")
    if len(text) > REASON_MAX:
        raise Invalid(str(ERR_REASON_TOO_LONG), field="reason")
    return text


def _unmet_text(eligibility) -> str:
    # Redacted: recovery requirements say only "met"/"not met yet", whoever reads the message.
    return "; ".join(r.missing for r in eligibility.redacted().unmet) or "-"


def _check_eligible(*, user, version: ProgramVersion):
    eligibility = eligibility_for(user=user, version=version)
    if not eligibility.eligible:
        raise Invalid(str(ERR_NOT_ELIGIBLE) % {"missing": _unmet_text(eligibility)}, code="not_eligible")
    return eligibility


# --- Applications ---------------------------------------------------------------------------------


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
    _check_eligible(user=user, version=version)
    application = CertificateApplication(
        user=user,
        version=version,
        program=program,
        kind=CertificateApplication.Kind.INITIAL,
        submitted_by=actor or None,
    )
    _clean(application, validate_constraints=False)
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


def _base_snapshot(*, user, version: ProgramVersion) -> dict:
    program = version.program
    return {
        "holder_name": _holder_name(user),
        "program": program.slug,
        "program_name": program.name,
        "program_description": program.description,
        "version": version.label,
        "issuing_body": program.issuing_body,
        "approved_on": selectors.today().isoformat(),
    }


def _create_pending(*, application: CertificateApplication, snapshot: dict, replaces=None) -> Certificate:
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
        _clean(certificate, validate_unique=False, validate_constraints=False)
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
            if replaces is None and _open_lines(application.user, application.program_id).exists():
                raise Conflict(
                    str(ERR_ALREADY_CERTIFIED) % {"name": application.user.get_full_name()},
                    code="already_certified",
                )
    raise AssertionError("unreachable")


def _open_lines(user, program_id):
    """First certificates whose line of renewals is still open (see Certificate.lineage_closed_at)."""
    return Certificate.objects.filter(
        holder=user, program_id=program_id, replaces__isnull=True, lineage_closed_at__isnull=True
    ).exclude(status=Certificate.Status.CANCELLED)


def _close_ended_lines(*, user, program) -> None:
    """Before a fresh first certificate: refuse while a certificate for the program is current (under
    any version), else close the lines that ended (expired past grace, revoked) so the database's
    one-open-line rule lets the new one in."""
    if selectors.current_certificate_for(user=user, program=program) is not None:
        raise Conflict(str(ERR_ALREADY_CERTIFIED) % {"name": user.get_full_name()}, code="already_certified")
    _open_lines(user, program.pk).update(lineage_closed_at=timezone.now())


def _enqueue_issue(certificate: Certificate) -> None:
    from certificates import tasks

    pk = certificate.pk
    transaction.on_commit(lambda: tasks.issue_certificate.delay(pk))


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
        snapshot = _renewal_snapshot(certificate=application.renews, version=version)
        replaces = application.renews
    else:
        _close_ended_lines(user=user, program=application.program)
        eligibility = _check_eligible(user=user, version=version)
        snapshot = {**eligibility.snapshot(), **_base_snapshot(user=user, version=version)}
        replaces = None
    certificate = _create_pending(application=application, snapshot=snapshot, replaces=replaces)
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
    if enqueue:
        _enqueue_issue(certificate)
    return certificate


@transaction.atomic
def application_reject(*, actor, application: CertificateApplication, reason: str) -> CertificateApplication:
    require_program_admin(actor, system_allowed=True)
    reason = _reason(reason)
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
    return application


def certificate_issue_for(*, actor, user, version: ProgramVersion, enqueue: bool = True) -> Certificate:
    """An administrator puts a trainee forward and approves in one go (bulk issuing)."""
    require_program_admin(actor, system_allowed=True)
    with transaction.atomic():
        application = application_submit(actor=actor, user=user, version=version)
        return application_approve(actor=actor, application=application, enqueue=enqueue)


# --- The issuing pipeline -------------------------------------------------------------------------


@dataclass
class IssueOutcome:
    certificate: Certificate
    issued_now: bool = False
    cancelled: bool = False
    emailed: bool = False


def _expiry(*, certificate: Certificate, issued_on: date) -> date:
    validity = certificate.version.validity_months
    old = certificate.replaces
    if (
        old is not None
        and old.expires_on
        and issued_on <= old.expires_on + timedelta(days=old.version.grace_period_days)
    ):
        # Renewing on time continues the old cycle: nobody loses months by renewing early.
        return add_months(old.expires_on, validity)
    return add_months(issued_on, validity)


def _still_qualifies(certificate: Certificate) -> tuple[bool, str]:
    if certificate.replaces_id:
        status = selectors.renewal_status(certificate=certificate.replaces)
        problems = [b for b in status.blockers if b != str(_("This certificate has already been renewed."))]
        if problems or not status.ce_met:
            return False, "; ".join(problems) or str(_("Continuing-education requirements not met."))
        return True, ""
    eligibility = eligibility_for(user=certificate.holder, version=certificate.version)
    return eligibility.eligible, _unmet_text(eligibility)


def _prepare(certificate_id: int) -> Certificate | None:
    """Step 1 (committed on its own): re-check eligibility (cancel if no longer met) and fix the
    issue and expiry dates printed on the PDF, so a later retry prints the same dates."""
    with transaction.atomic():
        certificate = (
            Certificate.objects.select_for_update(of=("self",))
            .select_related("version__program", "holder", "application", "replaces__version")
            .get(pk=certificate_id)
        )
        if certificate.status != Certificate.Status.PENDING:
            return None
        ok, why = _still_qualifies(certificate)
        if not ok:
            _cancel(certificate, why)
            return None
        if certificate.issued_on is None:
            certificate.issued_on = selectors.today()
            certificate.expires_on = _expiry(certificate=certificate, issued_on=certificate.issued_on)
        certificate.issue_attempts += 1
        certificate.save(update_fields=["issued_on", "expires_on", "issue_attempts"])
        return certificate


def _cancel(certificate: Certificate, why: str) -> None:
    storage = storages["private"]
    name = certificate_pdf_name(certificate)
    if storage.exists(name):
        storage.delete(name)
    certificate.status = Certificate.Status.CANCELLED
    certificate.replaces = None  # frees the old certificate for a later renewal
    certificate.last_error = why[:2000]
    certificate.save(update_fields=["status", "replaces", "last_error"])
    application = certificate.application
    application.status = CertificateApplication.Status.REJECTED
    application.decision_reason = str(_("No longer eligible when the certificate was issued: %(why)s")) % {
        "why": why
    }
    application.save(update_fields=["status", "decision_reason"])
    audit_record(
        actor=None,
        action="certificate.cancelled",
        target=certificate,
        subject=certificate.holder,
        details={"why": "eligibility no longer met at issue time"},
    )


def certificate_face(certificate: Certificate) -> CertificateFace:
    snap = certificate.snapshot
    return CertificateFace(
        code=certificate.code,
        holder_name=snap["holder_name"],
        program_name=snap["program_name"],
        version_label=snap["version"],
        issuing_body=snap["issuing_body"],
        issued_on=certificate.issued_on,
        expires_on=certificate.expires_on,
        verify_url=selectors.verify_url(certificate.code),
        training_hours_total=snap.get("training_hours_total", "")
        if snap.get("training_hours_total") != "0"
        else "",
        is_renewal=certificate.replaces_id is not None or bool(snap.get("renews")),
    )


def render_and_sign(certificate: Certificate) -> bytes:
    pdf = render_certificate_pdf(certificate_face(certificate))
    return signing.sign_pdf(
        pdf,
        reason=f"Certificate {format_code(certificate.code)}",
        location=settings.SITE_URL,
    )


def _stored_pdf(certificate: Certificate) -> bytes | None:
    """The PDF a previous attempt stored for this certificate, if it is complete: our signature,
    intact, covering the whole file, naming this certificate. A torn or foreign file is removed."""
    storage = storages["private"]
    name = certificate_pdf_name(certificate)
    if not storage.exists(name):
        return None
    with storage.open(name, "rb") as fh:
        data = fh.read()
    check = signing.check_pdf_signature(data)
    if check.authentic and format_code(certificate.code) in check.reason:
        return data
    logger.warning("Removing incomplete stored PDF for certificate %s", certificate.pk)
    storage.delete(name)
    return None


def _store(certificate: Certificate, data: bytes) -> str:
    storage = storages["private"]
    name = certificate_pdf_name(certificate)
    saved = storage.save(name, ContentFile(data))
    if saved != name:  # never keep two files for one certificate
        storage.delete(saved)
        raise RuntimeError(f"storage refused the deterministic name {name}")
    return name


def _mark_issued(certificate: Certificate, data: bytes) -> Certificate:
    certificate.pdf_name = certificate_pdf_name(certificate)
    certificate.sha256 = signing.sha256_hex(data)
    certificate.head_sha256 = signing.sha256_hex(data[:HEAD_BYTES])
    certificate.status = Certificate.Status.ISSUED
    certificate.issued_at = timezone.now()
    certificate.last_error = ""
    certificate.save(update_fields=["pdf_name", "sha256", "head_sha256", "status", "issued_at", "last_error"])
    application = certificate.application
    application.status = CertificateApplication.Status.ISSUED
    application.save(update_fields=["status"])
    audit_record(
        actor=None,
        action="certificate.issued",
        target=certificate,
        subject=certificate.holder,
        details={"code": format_code(certificate.code), "sha256": certificate.sha256},
    )
    return certificate


def _produce(certificate_id: int) -> Certificate | None:
    """Step 2: under the row lock, reuse or render+sign+store the PDF, then mark issued."""
    with transaction.atomic():
        certificate = (
            Certificate.objects.select_for_update(of=("self",))
            .select_related("version__program", "holder", "application", "replaces")
            .get(pk=certificate_id)
        )
        if certificate.status != Certificate.Status.PENDING or certificate.issued_on is None:
            return None
        data = _stored_pdf(certificate)
        if data is None:
            data = render_and_sign(certificate)
            _store(certificate, data)
        return _mark_issued(certificate, data)


def certificate_email_holder(*, certificate_id: int) -> bool:
    """Step 3: email the holder their PDF, once (emailed_at is set in the same transaction; if the
    mail server fails nothing is recorded and a retry sends it)."""
    with transaction.atomic():
        certificate = (
            Certificate.objects.select_for_update(of=("self",))
            .select_related("holder", "version__program")
            .get(pk=certificate_id)
        )
        if certificate.status != Certificate.Status.ISSUED or certificate.emailed_at is not None:
            return False
        snap = certificate.snapshot
        context = {
            "certificate": certificate,
            "holder_name": snap.get("holder_name"),
            "program_name": snap.get("program_name"),
            "verify_url": selectors.verify_url(certificate.code),
            "dashboard_url": settings.SITE_URL + reverse("certificates:issuing:mine"),
            "SITE_NAME": settings.WAGTAIL_SITE_NAME,
        }
        message = EmailMessage(
            subject=str(_("Your certificate: %(program)s")) % {"program": snap.get("program_name")},
            body=render_to_string("certificates/issuing/email_issued.txt", context),
            to=[certificate.holder.email],
        )
        with storages["private"].open(certificate.pdf_name, "rb") as fh:
            message.attach(f"certificate-{format_code(certificate.code)}.pdf", fh.read(), "application/pdf")
        message.send()
        certificate.emailed_at = timezone.now()
        certificate.save(update_fields=["emailed_at"])
        return True


def certificate_issue_run(*, certificate_id: int) -> IssueOutcome:
    """The whole pipeline, idempotent: run it twice, or again after a crash at any point, and there
    is still exactly one certificate, one stored PDF and one email."""
    prepared = _prepare(certificate_id)
    issued = _produce(certificate_id) if prepared is not None else None
    emailed = certificate_email_holder(certificate_id=certificate_id)
    certificate = Certificate.objects.get(pk=certificate_id)
    return IssueOutcome(
        certificate=certificate,
        issued_now=issued is not None,
        cancelled=certificate.status == Certificate.Status.CANCELLED,
        emailed=emailed,
    )


def certificate_record_failure(*, certificate_id: int, error: str) -> None:
    Certificate.objects.filter(pk=certificate_id, status=Certificate.Status.PENDING).update(
        last_error=error[:2000]
    )


def certificates_needing_work(*, older_than: timedelta = timedelta(minutes=2)):
    """Pending certificates (or issued ones never emailed) left behind by an interrupted task."""
    cutoff = timezone.now() - older_than
    pending = Certificate.objects.filter(status=Certificate.Status.PENDING, created_at__lte=cutoff)
    unsent = Certificate.objects.filter(
        status=Certificate.Status.ISSUED, emailed_at__isnull=True, issued_at__lte=cutoff
    )
    return list(pending.values_list("pk", flat=True)) + list(unsent.values_list("pk", flat=True))


# --- Suspend, reinstate, revoke ---------------------------------------------------------------------


def _set_status(
    *, actor, certificate: Certificate, allowed: tuple, new_status: str, reason: str, error, action
):
    require_program_admin(actor, system_allowed=True)
    reason = _reason(reason)
    with transaction.atomic():
        certificate = Certificate.objects.select_for_update(of=("self",)).get(pk=certificate.pk)
        if certificate.status not in allowed:
            raise Conflict(str(error), code="wrong_status")
        previous = certificate.status
        certificate.status = new_status
        certificate.status_reason = reason if new_status != Certificate.Status.ISSUED else ""
        certificate.status_changed_at = timezone.now()
        certificate.status_changed_by = actor
        certificate.save(update_fields=["status", "status_reason", "status_changed_at", "status_changed_by"])
        audit_record(
            actor=actor,
            action=action,
            target=certificate,
            subject=certificate.holder,
            details={"from": previous, "to": new_status, "reason": reason},
        )
    return certificate


def certificate_suspend(*, actor, certificate: Certificate, reason: str) -> Certificate:
    return _set_status(
        actor=actor,
        certificate=certificate,
        allowed=(Certificate.Status.ISSUED,),
        new_status=Certificate.Status.SUSPENDED,
        reason=reason,
        error=ERR_SUSPEND_ONLY_ISSUED,
        action="certificate.suspended",
    )


def certificate_reinstate(*, actor, certificate: Certificate, reason: str) -> Certificate:
    return _set_status(
        actor=actor,
        certificate=certificate,
        allowed=(Certificate.Status.SUSPENDED,),
        new_status=Certificate.Status.ISSUED,
        reason=reason,
        error=ERR_REINSTATE_ONLY_SUSPENDED,
        action="certificate.reinstated",
    )


def certificate_revoke(*, actor, certificate: Certificate, reason: str) -> Certificate:
    return _set_status(
        actor=actor,
        certificate=certificate,
        allowed=(Certificate.Status.ISSUED, Certificate.Status.SUSPENDED),
        new_status=Certificate.Status.REVOKED,
        reason=reason,
        error=ERR_REVOKE_ONLY_ISSUED,
        action="certificate.revoked",
    )


# --- Renewal ----------------------------------------------------------------------------------------


def _renewal_snapshot(*, certificate: Certificate, version: ProgramVersion) -> dict:
    status = selectors.renewal_status(certificate=certificate)
    return {
        **_base_snapshot(user=certificate.holder, version=version),
        "renews": format_code(certificate.code),
        "ce_hours": fmt_hours(status.done_hours),
        "ce_topics": {t.label: fmt_hours(t.done) for t in status.topics},
        "ce_courses": sorted(status.courses),
        "cycle": [status.cycle_start.isoformat(), status.cycle_end.isoformat()],
    }


@transaction.atomic
def certificate_renew(*, actor, certificate: Certificate, enqueue: bool = True) -> Certificate:
    """Renew when the cycle's continuing-education requirements are met: an approved renewal
    application and a new pending certificate (under the program's version in effect today) linked
    to the one it replaces. The holder or an administrator may ask; the rules decide."""
    certificate = (
        Certificate.objects.select_for_update(of=("self",))
        .select_related("version__program", "holder")
        .get(pk=certificate.pk)
    )
    if actor is not None and actor.pk != certificate.holder_id and not roles.is_program_admin(actor):
        raise Forbidden(str(ERR_NOT_YOUR_CERTIFICATE))
    status = selectors.renewal_status(certificate=certificate)
    if not status.eligible:
        reasons = list(status.blockers)
        if not status.ce_met:
            reasons.append(
                str(_("%(done)s of %(required)s continuing-education hours"))
                % {"done": fmt_hours(status.done_hours), "required": fmt_hours(status.required_hours)}
            )
            reasons += [f"{t.label}: {t.text}" for t in status.topics if not t.met]
        raise Invalid(str(ERR_NOT_RENEWABLE) % {"reasons": "; ".join(reasons)}, code="not_renewable")
    version = certificate.version.program.current_version() or certificate.version
    application = CertificateApplication(
        user=certificate.holder,
        version=version,
        program_id=version.program_id,
        kind=CertificateApplication.Kind.RENEWAL,
        renews=certificate,
        submitted_by=actor,
    )
    try:
        with transaction.atomic():
            application.save()
    except IntegrityError:
        raise Conflict(str(ERR_APPLICATION_OPEN), code="application_open")
    audit_record(
        actor=actor,
        action="certificate.renewal_requested",
        target=certificate,
        subject=certificate.holder,
        details={"version": version.label},
    )
    snapshot = _renewal_snapshot(certificate=certificate, version=version)
    renewal = _create_pending(application=application, snapshot=snapshot, replaces=certificate)
    application.status = CertificateApplication.Status.APPROVED
    application.decided_at = timezone.now()
    application.decision_reason = str(_("Continuing-education requirements met."))
    application.save(update_fields=["status", "decided_at", "decision_reason"])
    if enqueue:
        _enqueue_issue(renewal)
    return renewal


# --- Expiry reminders -------------------------------------------------------------------------------

REMINDER_DAYS = (90, 30, 7)


def _reminder_due(days_left: int) -> int | None:
    """The smallest threshold not yet passed: 25 days left -> the 30-day reminder."""
    due = [t for t in REMINDER_DAYS if days_left <= t]
    return min(due) if due else None


def send_expiry_reminders(*, on: date | None = None) -> int:
    """Email holders whose certificate expires within 90, 30 or 7 days; each reminder goes once
    (a CertificateReminder row, unique per certificate and threshold, is written in the same
    transaction as the send). If a run was missed, only the most urgent reminder is sent."""
    on = on or selectors.today()
    horizon = on + timedelta(days=max(REMINDER_DAYS))
    candidates = (
        Certificate.objects.filter(
            status=Certificate.Status.ISSUED,
            expires_on__gte=on,
            expires_on__lte=horizon,
            replaced_by__isnull=True,
        )
        .select_related("holder", "version__program")
        .prefetch_related("reminders")
    )
    sent = 0
    for certificate in candidates:
        threshold = _reminder_due((certificate.expires_on - on).days)
        if threshold is None or any(r.days_before <= threshold for r in certificate.reminders.all()):
            continue
        try:
            with transaction.atomic():
                CertificateReminder.objects.create(certificate=certificate, days_before=threshold)
                _send_reminder(certificate, threshold, on=on)
        except IntegrityError:
            continue  # another run sent it
        sent += 1
    return sent


def _send_reminder(certificate: Certificate, threshold: int, *, on: date) -> None:
    snap = certificate.snapshot
    context = {
        "holder_name": snap.get("holder_name"),
        "program_name": snap.get("program_name"),
        "code": format_code(certificate.code),
        "expires_on": certificate.expires_on,
        "days_left": (certificate.expires_on - on).days,
        "dashboard_url": settings.SITE_URL + reverse("certificates:issuing:mine"),
        "SITE_NAME": settings.WAGTAIL_SITE_NAME,
    }
    EmailMessage(
        subject=str(_("Your certificate expires in %(days)s days")) % {"days": context["days_left"]},
        body=render_to_string("certificates/issuing/email_reminder.txt", context),
        to=[certificate.holder.email],
    ).send()


# --- Bulk -------------------------------------------------------------------------------------------


@dataclass
class BulkRow:
    user: object
    certificate: Certificate | None
    skipped: str = ""


def bulk_candidates(*, program, email: str | None = None):
    """The program's enrolled trainees (optionally one, by email), grouped by the version they are
    evaluated under, with their eligibility (one engine call per version)."""
    from certificates.eligibility import eligibility_for_users
    from certificates.models import ProgramEnrollment

    enrollments = ProgramEnrollment.objects.filter(program=program).select_related("user", "version__program")
    if email:
        enrollments = enrollments.filter(user__email__iexact=email.strip())
        if not enrollments.exists():
            raise Invalid(str(ERR_NO_SUCH_TRAINEE) % {"email": email})
    by_version: dict[int, list] = {}
    versions = {}
    for enrollment in enrollments:
        by_version.setdefault(enrollment.version_id, []).append(enrollment.user)
        versions[enrollment.version_id] = enrollment.version
    out = []
    for version_id, users in by_version.items():
        for elig in eligibility_for_users(users=users, version=versions[version_id]):
            out.append((elig.user, versions[version_id], elig.eligible))
    return out


def bulk_issue_one(*, actor, user, version, eligible: bool, enqueue: bool) -> BulkRow:
    if not eligible:
        return BulkRow(user=user, certificate=None, skipped=str(_("not eligible")))
    try:
        certificate = certificate_issue_for(actor=actor, user=user, version=version, enqueue=enqueue)
    except (Conflict, Invalid) as exc:
        return BulkRow(user=user, certificate=None, skipped=exc.message)
    return BulkRow(user=user, certificate=certificate)

"""After issue: suspension, reinstatement and revocation (audited, with a reason shown on the
verification page), and renewal (a new certificate continuing the line)."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from certificates.eligibility import fmt_hours
from certificates.models import (
    Certificate,
    CertificateApplication,
    ProgramVersion,
)
from certificates.permissions import require_program_admin
from lms import roles
from lms.audit import audit_record
from lms.errors import Conflict, Forbidden, Invalid

from .. import selectors
from ..codes import format_code
from .common import (
    ERR_APPLICATION_OPEN,
    ERR_NOT_RENEWABLE,
    ERR_NOT_YOUR_CERTIFICATE,
    ERR_REINSTATE_ONLY_SUSPENDED,
    ERR_REVOKE_ONLY_ISSUED,
    ERR_SUSPEND_ONLY_ISSUED,
    base_snapshot,
    create_pending,
    enqueue_issue,
    reason_text,
)
from .notices import notify_status_changed


def _set_status(
    *, actor, certificate: Certificate, allowed: tuple, new_status: str, reason: str, error, action
):
    require_program_admin(actor, system_allowed=True)
    reason = reason_text(reason)
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
        notify_status_changed(certificate=certificate, action=action, reason=reason)
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


def renewal_snapshot(*, certificate: Certificate, version: ProgramVersion) -> dict:
    status = selectors.renewal_status(certificate=certificate)
    return {
        **base_snapshot(user=certificate.holder, version=version),
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
    snapshot = renewal_snapshot(certificate=certificate, version=version)
    renewal = create_pending(application=application, snapshot=snapshot, replaces=certificate)
    application.status = CertificateApplication.Status.APPROVED
    application.decided_at = timezone.now()
    application.decision_reason = str(_("Continuing-education requirements met."))
    application.save(update_fields=["status", "decided_at", "decision_reason"])
    if enqueue:
        enqueue_issue(renewal)
    return renewal

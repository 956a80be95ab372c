"""The issuing pipeline (render -> sign -> store -> mark issued -> email), in short idempotent steps
safe to interrupt: dates are fixed first (committed), the stored PDF has a deterministic name and is
reused when a previous attempt stored it (after checking it is our intact, signed file for this
certificate), marking issued is a single row update. Re-running a finished certificate does nothing."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.db import transaction
from django.db.models import CharField, Exists, OuterRef, Value
from django.db.models.functions import Cast, Concat
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from certificates.eligibility import add_months, eligibility_for
from certificates.issuing.models import HEAD_BYTES, certificate_pdf_name
from certificates.models import (
    Certificate,
    CertificateApplication,
)
from certificates.programs.models import CertificateLanguages
from lms.audit import audit_record
from lms.notifications.models import Notification, NotificationKind
from lms.outbox.models import OutboxMessage
from lms.outbox.services import outbox_deliver

from .. import selectors, signing
from ..codes import format_code
from ..pdf import CertificateFace, render_certificate_pdf
from .common import unmet_text
from .notices import notify_application_decided, notify_certificate_issued

logger = logging.getLogger(__name__)


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
    return eligibility.eligible, unmet_text(eligibility)


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
    notify_application_decided(application=application)


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
        languages=CertificateLanguages.codes(snap.get("languages", CertificateLanguages.ENGLISH)),
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
    try:  # no separate exists() request: one fewer round trip to object storage
        with storage.open(name, "rb") as fh:
            data = fh.read()
    except FileNotFoundError:
        return None
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
    _queue_email(certificate)
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


def _queue_email(certificate: Certificate) -> OutboxMessage | None:
    """The holder's notification and email (one per certificate): written in the transaction that marks
    the certificate issued, so an issued certificate always has them waiting. The PDF is attached from
    storage when it is sent; None when the holder chose no email for issued certificates."""
    return notify_certificate_issued(certificate=certificate)


def certificate_email_holder(*, certificate_id: int) -> bool:
    """Step 3: deliver the holder's email through the outbox, at most once (the outbox claims the row
    and commits the claim before the mail server sees it). emailed_at records the outbox's
    confirmation; a send that failed is retried by the outbox sweep or the next run of this step."""
    with transaction.atomic():
        certificate = (
            Certificate.objects.select_for_update(of=("self",))
            .select_related("holder", "version__program")
            .get(pk=certificate_id)
        )
        if certificate.status != Certificate.Status.ISSUED or certificate.emailed_at is not None:
            return False
        message = _queue_email(certificate)  # certificates issued before the outbox have no row yet
    if message is None:
        return False  # the holder chose no email: the in-app notification is all there is
    delivered = outbox_deliver(message_id=message.pk, raise_errors=True)
    message.refresh_from_db()
    if message.status == OutboxMessage.Status.SENT:
        Certificate.objects.filter(pk=certificate_id, emailed_at__isnull=True).update(
            emailed_at=message.sent_at
        )
    return delivered


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
    """Pending certificates (or issued ones never emailed) left behind by an interrupted task. An
    email the outbox is sending, or has set aside for a person to check, is left to the outbox: the
    pipeline would not send it again anyway."""
    cutoff = timezone.now() - older_than
    pending = Certificate.objects.filter(status=Certificate.Status.PENDING, created_at__lte=cutoff)
    held = OutboxMessage.objects.filter(
        key=Concat(Value("certificate-issued:"), Cast(OuterRef("pk"), CharField())),
        status__in=[OutboxMessage.Status.SENDING, OutboxMessage.Status.UNKNOWN, OutboxMessage.Status.FAILED],
    )
    # The holder chose no email for it: nothing left to send.
    not_wanted = Notification.objects.filter(
        user=OuterRef("holder"),
        kind=NotificationKind.CERTIFICATE_ISSUED,
        key=Cast(OuterRef("pk"), CharField()),
        email__isnull=True,
    )
    unsent = (
        Certificate.objects.filter(
            status=Certificate.Status.ISSUED, emailed_at__isnull=True, issued_at__lte=cutoff
        )
        .exclude(Exists(held))
        .exclude(Exists(not_wanted))
    )
    return list(pending.values_list("pk", flat=True)) + list(unsent.values_list("pk", flat=True))

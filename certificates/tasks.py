"""Celery tasks for issuing. Late acknowledgement: a worker killed mid-task leaves the message
unacknowledged, so it is delivered again; every step is idempotent (certificates.issuing.services),
and a periodic sweep picks up anything still left pending."""

import logging

from celery import shared_task

logger = logging.getLogger(__name__)


@shared_task(acks_late=True, reject_on_worker_lost=True, ignore_result=True)
def issue_certificate(certificate_id: int) -> str:
    """Re-check eligibility -> render -> sign -> store -> SHA-256 -> mark issued -> email."""
    from certificates.issuing import services

    try:
        outcome = services.certificate_issue_run(certificate_id=certificate_id)
    except Exception as exc:  # recorded for administrators; the sweep retries later
        logger.exception("Issuing certificate %s failed", certificate_id)
        services.certificate_record_failure(
            certificate_id=certificate_id, error=f"{type(exc).__name__}: {exc}"
        )
        return "failed"
    if outcome.cancelled:
        return "cancelled"
    return "issued" if outcome.issued_now else "unchanged"


@shared_task(acks_late=True, ignore_result=True)
def issue_pending_certificates() -> int:
    """Periodic: re-run the pipeline for certificates left pending (or issued but not emailed)."""
    from certificates.issuing import services

    ids = services.certificates_needing_work()
    for pk in ids:
        issue_certificate.delay(pk)
    return len(ids)


@shared_task(acks_late=True, ignore_result=True)
def send_expiry_reminders() -> int:
    """Daily: 90/30/7-day expiry reminders, each sent once."""
    from certificates.issuing import services

    return services.send_expiry_reminders()

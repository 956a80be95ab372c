"""Celery tasks for issuing. Late acknowledgement: a worker killed mid-task leaves the message
unacknowledged, so it is delivered again; every step is idempotent (certificates.issuing.services),
and a periodic sweep picks up anything still left pending."""

import logging

from celery import shared_task

from certificates.issuing import pdf, signing

logger = logging.getLogger(__name__)


def warm_worker() -> dict:
    """Load what issuing needs before the first task arrives: WeasyPrint, the fonts and the compiled
    certificate template (one sample render, nothing stored), and the signing context (key, chain,
    pyHanko signer, the signature's size). lms/celery.py calls it when a worker starts: in the parent
    process (prefork children inherit it when they are forked) and in each child (a no-op when it
    inherited a warm process). A failure is logged, never fatal: the worker still runs other tasks,
    and issuing then reports the error on the certificate."""
    warmed = {"renderer": False, "signer": False}
    try:
        warmed["renderer"] = pdf.warm_up().warm
    except Exception:  # noqa: BLE001  (a broken renderer must not stop the worker)
        logger.exception("Could not warm the certificate renderer")
    try:
        warmed["signer"] = signing.signing_context() is not None
    except Exception:  # noqa: BLE001  (no signing key on this worker: issuing will say so)
        logger.exception("Could not load the certificate signing context")
    return warmed


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

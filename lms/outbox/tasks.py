"""Celery tasks for the outbox. Listed in CELERY_IMPORTS (autodiscovery only finds lms.tasks)."""

from celery import shared_task


@shared_task(ignore_result=True)
def send_outbox_message(message_id: int) -> bool:
    """Deliver one outbox email (queued on commit by outbox_enqueue). A failure is recorded on the row;
    the sweep retries it when it is due."""
    from .services import outbox_deliver

    return outbox_deliver(message_id=message_id)


@shared_task(ignore_result=True)
def sweep_outbox() -> dict:
    """Periodic (beat, every minute): deliver due emails; surface claims that were never confirmed."""
    from .services import outbox_sweep

    result = outbox_sweep()
    return {"delivered": result.delivered, "failed": result.failed, "needs_check": result.needs_check}

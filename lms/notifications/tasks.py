"""Celery tasks for notifications. Listed in CELERY_IMPORTS (autodiscovery only finds lms.tasks).

Notification emails are outbox rows, sent by lms.outbox.tasks (queued on commit, swept every minute);
what is left here is housekeeping."""

from celery import shared_task


@shared_task(ignore_result=True)
def prune_notifications() -> int:
    """Periodic (beat, daily): delete notifications read more than NOTIFICATIONS_KEEP_DAYS ago."""
    from .services import notifications_prune

    return notifications_prune()

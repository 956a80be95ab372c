"""Queue a Celery task once the current transaction has committed, without letting the broker decide
whether the write succeeded.

The write (an approval, a released result, an email in the outbox) is already committed when the task
is queued. If the broker is down or silent, raising would turn a saved change into an error page and
invite a retry that the database then refuses (409). So a failure to queue is logged, the caller's
answer stands, and the periodic sweep that owns that kind of work picks it up later
(docs/operations.md, "Failures and what happens"). The broker timeouts in settings keep the attempt
short.
"""

from __future__ import annotations

import logging

from django.db import transaction

logger = logging.getLogger(__name__)

LOG_QUEUE_FAILED = "Could not queue %s%r after commit (%s: %s); the periodic sweep will pick it up."


def queue_on_commit(task, *args, **kwargs) -> None:
    """`task.delay(*args, **kwargs)` after the current transaction commits (at once outside one);
    a broker failure is logged, never raised."""

    def send() -> None:
        try:
            task.apply_async(args=args, kwargs=kwargs)
        except Exception as exc:  # noqa: BLE001 - any broker/transport error: the sweep retries
            logger.exception(LOG_QUEUE_FAILED, task.name, args, type(exc).__name__, exc)

    # robust: should anything escape send() anyway, Django logs it and runs the other callbacks.
    transaction.on_commit(send, robust=True)

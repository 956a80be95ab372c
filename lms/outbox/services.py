"""Writing to the outbox and delivering from it, at most once per row.

States (OutboxMessage.Status):
  queued  -> waiting; delivered by the task queued on commit, by the sweep, or by the caller at once.
  sending -> claimed: the claim (status, claimed_at, attempts) is committed before the message is
             handed to the mail server, so no other process picks the row up again.
  sent    -> the mail server accepted it and we recorded that.
  queued again (with a later next_attempt_at) when the send failed in a way that proves nothing was
             accepted (connection refused, a 4xx/5xx reply before the message was taken, the attachment
             missing); after OUTBOX_MAX_ATTEMPTS such failures -> failed.
  unknown -> "needs check": the send raised something ambiguous (a timeout or disconnect mid-message),
             or the process died between the claim and the confirmation and the sweep found the claim
             older than OUTBOX_STALE_AFTER_SECONDS. Never resent automatically: the holder may already
             have it. An administrator checks the mail server's log and resends deliberately
             (`manage.py outbox --resend ID`, or the admin action).
A confirmation that arrives late (the send finished after the sweep gave up on it) still marks the row
sent.
"""

from __future__ import annotations

import logging
import smtplib
import socket
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.files.storage import storages
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Count, F
from django.utils import timezone

from lms.audit import audit_record
from lms.errors import Conflict
from lms.queueing import queue_on_commit

from .models import OutboxMessage

logger = logging.getLogger(__name__)

Status = OutboxMessage.Status

ERR_NOT_RESENDABLE = (
    "Outbox email %(id)s is %(status)s: only emails that need a check or failed can be resent."
)
STALE_NOTE = (
    "Claimed at %(claimed)s and never confirmed (the process stopped mid-send?). Not resent automatically: "
    "check the mail server's log, then resend deliberately if it was not delivered."
)
AMBIGUOUS_NOTE = "The mail server's answer was ambiguous, so it may have been delivered: %(error)s"

# Failures that prove the mail server did not take the message: safe to try again.
RETRYABLE_ERRORS = (
    ConnectionRefusedError,
    socket.gaierror,
    smtplib.SMTPConnectError,
    smtplib.SMTPHeloError,
    smtplib.SMTPAuthenticationError,
    smtplib.SMTPNotSupportedError,
    smtplib.SMTPSenderRefused,
    smtplib.SMTPRecipientsRefused,
    smtplib.SMTPDataError,
)


@dataclass(frozen=True)
class Attachment:
    """A file in one of the STORAGES, attached when the email is sent."""

    storage: str
    name: str
    filename: str
    mimetype: str


def _max_attempts() -> int:
    return getattr(settings, "OUTBOX_MAX_ATTEMPTS", 8)


def _stale_after() -> timedelta:
    return timedelta(seconds=getattr(settings, "OUTBOX_STALE_AFTER_SECONDS", 900))


def _backoff(attempts: int) -> timedelta:
    # 1, 2, 4, ... minutes, capped at an hour: a mail server outage of a few hours is ridden out.
    return timedelta(minutes=min(2 ** max(attempts - 1, 0), 60))


def outbox_enqueue(
    *,
    key: str,
    to: str,
    subject: str,
    body: str,
    attachment: Attachment | None = None,
    send_on_commit: bool = True,
) -> OutboxMessage:
    """Put a message in the outbox, inside the caller's transaction; the same key again returns the
    existing row unchanged. With send_on_commit, a task delivers it once the transaction commits
    (at once in eager mode); callers already running in a worker pass False and call outbox_deliver."""
    attach = attachment or Attachment("", "", "", "")
    message, created = OutboxMessage.objects.get_or_create(
        key=key,
        defaults={
            "to": to,
            "subject": subject[:255],
            "body": body,
            "attachment_storage": attach.storage,
            "attachment_name": attach.name,
            "attachment_filename": attach.filename,
            "attachment_mimetype": attach.mimetype,
        },
    )
    if created and send_on_commit:
        from .tasks import send_outbox_message

        queue_on_commit(send_outbox_message, message.pk)
    return message


def _claim(message_id: int) -> OutboxMessage | None:
    """Mark one queued row as sending and COMMIT, before anything reaches the mail server. durable:
    a claim inside someone else's transaction would not be visible (or final) until they commit."""
    with transaction.atomic(durable=True):
        row = OutboxMessage.objects.select_for_update(skip_locked=True).filter(pk=message_id).first()
        if row is None or row.status != Status.QUEUED:
            return None
        now = timezone.now()
        # The conditional UPDATE is the claim on databases without row locks (SQLite).
        claimed = OutboxMessage.objects.filter(pk=row.pk, status=Status.QUEUED).update(
            status=Status.SENDING, claimed_at=now, attempts=F("attempts") + 1
        )
        if not claimed:
            return None
        row.refresh_from_db()
        return row


def _email(row: OutboxMessage) -> EmailMessage:
    message = EmailMessage(subject=row.subject, body=row.body, to=[row.to])
    if row.attachment_name:
        with storages[row.attachment_storage or "default"].open(row.attachment_name, "rb") as fh:
            message.attach(row.attachment_filename, fh.read(), row.attachment_mimetype or None)
    return message


def _hand_to_mail_server(message: EmailMessage) -> None:
    """The one moment the message leaves us (tests simulate a crash right after it)."""
    message.send()


def _mark_sent(row: OutboxMessage) -> None:
    # UNKNOWN too: a send that finished after the sweep gave up on it is still a confirmation.
    OutboxMessage.objects.filter(pk=row.pk, status__in=[Status.SENDING, Status.UNKNOWN]).update(
        status=Status.SENT, sent_at=timezone.now(), last_error=""
    )


def _record_retryable(row: OutboxMessage, exc: Exception) -> None:
    give_up = row.attempts >= _max_attempts()
    OutboxMessage.objects.filter(pk=row.pk, status=Status.SENDING).update(
        status=Status.FAILED if give_up else Status.QUEUED,
        next_attempt_at=timezone.now() + _backoff(row.attempts),
        last_error=f"{type(exc).__name__}: {exc}"[:2000],
    )


def _record_ambiguous(row: OutboxMessage, exc: Exception) -> None:
    OutboxMessage.objects.filter(pk=row.pk, status=Status.SENDING).update(
        status=Status.UNKNOWN,
        last_error=(AMBIGUOUS_NOTE % {"error": f"{type(exc).__name__}: {exc}"})[:2000],
    )


def outbox_deliver(*, message_id: int, raise_errors: bool = False) -> bool:
    """Claim, send, confirm. True when this call delivered the message; False when the row was not
    queued (already sent, claimed by someone else, needs a check) or the send failed (recorded; raised
    too with raise_errors). A process that dies after the claim leaves the row `sending`: the sweep
    turns it into `unknown`, never into a second email."""
    row = _claim(message_id)
    if row is None:
        return False
    handed_over = False
    try:
        message = _email(row)
        handed_over = True
        _hand_to_mail_server(message)
    except Exception as exc:
        if not handed_over or isinstance(exc, RETRYABLE_ERRORS):
            _record_retryable(row, exc)
        else:
            _record_ambiguous(row, exc)
        logger.warning("Outbox email %s (%s) not sent: %s", row.pk, row.key, exc)
        if raise_errors:
            raise
        return False
    _mark_sent(row)
    return True


@dataclass
class SweepResult:
    delivered: int = 0
    failed: int = 0
    needs_check: int = 0


def outbox_sweep(*, limit: int = 200) -> SweepResult:
    """Periodic: claims that were never confirmed become `unknown` (surfaced, not resent); queued rows
    that are due are delivered."""
    now = timezone.now()
    result = SweepResult()
    stale = OutboxMessage.objects.filter(status=Status.SENDING, claimed_at__lte=now - _stale_after())
    for row in stale:
        result.needs_check += OutboxMessage.objects.filter(pk=row.pk, status=Status.SENDING).update(
            status=Status.UNKNOWN, last_error=STALE_NOTE % {"claimed": row.claimed_at.isoformat()}
        )
    due = list(
        OutboxMessage.objects.filter(status=Status.QUEUED, next_attempt_at__lte=now)
        .order_by("next_attempt_at", "pk")
        .values_list("pk", flat=True)[:limit]
    )
    for pk in due:
        if outbox_deliver(message_id=pk):
            result.delivered += 1
        else:
            result.failed += 1
    if result.needs_check:
        logger.error("%s outbox email(s) need a check: see `manage.py outbox`.", result.needs_check)
    return result


def outbox_resend(*, actor, message_id: int) -> bool:
    """An administrator's deliberate resend of an email that needs a check or failed (audited)."""
    with transaction.atomic():
        row = OutboxMessage.objects.select_for_update().filter(pk=message_id).first()
        if row is None or row.status not in (Status.UNKNOWN, Status.FAILED):
            status = row.get_status_display() if row else "missing"
            raise Conflict(ERR_NOT_RESENDABLE % {"id": message_id, "status": status}, code="not_resendable")
        previous = row.status
        row.status = Status.QUEUED
        row.next_attempt_at = timezone.now()
        row.save(update_fields=["status", "next_attempt_at"])
        audit_record(
            actor=actor, action="outbox.resend", target=row, details={"key": row.key, "was": previous}
        )
    return outbox_deliver(message_id=row.pk)


def outbox_counts() -> dict[str, int]:
    counts = {status: 0 for status in Status.values}
    for status, n in OutboxMessage.objects.order_by().values_list("status").annotate(n=Count("pk")):
        counts[status] = n
    return counts

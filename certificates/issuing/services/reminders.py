"""Expiry reminders: 90, 30 and 7 days before, each sent once."""

from __future__ import annotations

from datetime import date, timedelta

from django.db import IntegrityError, transaction

from certificates.models import (
    Certificate,
    CertificateReminder,
)
from lms.outbox.services import outbox_deliver

from .. import selectors
from .notices import notify_renewal_due

REMINDER_DAYS = (90, 30, 7)


def _reminder_due(days_left: int) -> int | None:
    """The smallest threshold not yet passed: 25 days left -> the 30-day reminder."""
    due = [t for t in REMINDER_DAYS if days_left <= t]
    return min(due) if due else None


def send_expiry_reminders(*, on: date | None = None) -> int:
    """Remind holders whose certificate expires within 90, 30 or 7 days (a notification, and an email
    unless they chose none); each reminder goes once (a CertificateReminder row, unique per certificate
    and threshold, is written in the same transaction as its notification and outbox row, and the
    outbox sends each row at most once). If a run was missed,
    only the most urgent reminder is sent. Returns how many reminders were queued."""
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
    queued = 0
    for certificate in candidates:
        threshold = _reminder_due((certificate.expires_on - on).days)
        if threshold is None or any(r.days_before <= threshold for r in certificate.reminders.all()):
            continue
        try:
            with transaction.atomic():
                CertificateReminder.objects.create(certificate=certificate, days_before=threshold)
                message = notify_renewal_due(certificate=certificate, threshold=threshold, on=on)
        except IntegrityError:
            continue  # another run queued it
        # Delivered now; if the mail server fails, the row stays queued and the outbox sweep retries.
        # None: the holder chose no email for reminders (the in-app notification is written).
        if message is not None:
            outbox_deliver(message_id=message.pk)
        queued += 1
    return queued

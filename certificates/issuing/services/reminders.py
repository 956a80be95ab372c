"""Expiry reminders: 90, 30 and 7 days before, each sent once."""

from __future__ import annotations

from datetime import date, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from certificates.models import (
    Certificate,
    CertificateReminder,
)
from lms.outbox.models import OutboxMessage
from lms.outbox.services import outbox_deliver, outbox_enqueue

from .. import selectors
from ..codes import format_code

REMINDER_DAYS = (90, 30, 7)


def _reminder_due(days_left: int) -> int | None:
    """The smallest threshold not yet passed: 25 days left -> the 30-day reminder."""
    due = [t for t in REMINDER_DAYS if days_left <= t]
    return min(due) if due else None


def send_expiry_reminders(*, on: date | None = None) -> int:
    """Email holders whose certificate expires within 90, 30 or 7 days; each reminder goes once
    (a CertificateReminder row, unique per certificate and threshold, is written in the same
    transaction as its outbox row, and the outbox sends each row at most once). If a run was missed,
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
                message = _queue_reminder(certificate, threshold, on=on)
        except IntegrityError:
            continue  # another run queued it
        # Delivered now; if the mail server fails, the row stays queued and the outbox sweep retries.
        outbox_deliver(message_id=message.pk)
        queued += 1
    return queued


def _queue_reminder(certificate: Certificate, threshold: int, *, on: date) -> OutboxMessage:
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
    return outbox_enqueue(
        key=f"expiry-reminder:{certificate.pk}:{threshold}",
        to=certificate.holder.email,
        subject=str(_("Your certificate expires in %(days)s days")) % {"days": context["days_left"]},
        body=render_to_string("certificates/issuing/email_reminder.txt", context),
        send_on_commit=False,  # delivered by the loop above, in this worker
    )

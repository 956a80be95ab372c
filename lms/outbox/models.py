"""The email outbox: one row per message that must reach someone exactly once.

A row is written in the same transaction as the change it reports (a certificate issued, a reminder
due, a result released), under a unique key, so a retried task finds the row instead of making a
second one. Delivery claims the row and commits the claim before the mail server sees the message;
see lms.outbox.services for the states and docs/operations.md for what an operator does with them.
"""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class OutboxMessage(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        SENDING = "sending", _("Sending (claimed)")
        SENT = "sent", _("Sent")
        # Claimed, handed (or maybe handed) to the mail server, never confirmed: the process died or the
        # server's answer was ambiguous. Never resent automatically: someone checks and resends.
        UNKNOWN = "unknown", _("Needs check: may or may not have been sent")
        FAILED = "failed", _("Failed: not sent after every retry")

    key = models.CharField(
        _("idempotency key"),
        max_length=200,
        unique=True,
        help_text=_("One row per message, e.g. certificate-issued:42 or expiry-reminder:42:30."),
    )
    to = models.EmailField(_("to"), max_length=254)
    subject = models.CharField(_("subject"), max_length=255)
    body = models.TextField(_("body"))
    # The attachment is read from storage at send time: the row holds a name, never the bytes.
    attachment_storage = models.CharField(max_length=50, blank=True)
    attachment_name = models.CharField(max_length=500, blank=True)
    attachment_filename = models.CharField(max_length=255, blank=True)
    attachment_mimetype = models.CharField(max_length=100, blank=True)

    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.QUEUED)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    next_attempt_at = models.DateTimeField(_("next attempt"), default=timezone.now)
    claimed_at = models.DateTimeField(_("claimed"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)

    class Meta:
        verbose_name = _("outbox email")
        verbose_name_plural = _("outbox emails")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="lms_outbox_status_due")]

    def __str__(self):
        return f"{self.key} -> {self.to} ({self.get_status_display()})"

"""Notifications and the per-person choice of email for each kind.

A Notification is written by lms.notifications.services.notify in the same transaction as the change
it reports, unique per (user, kind, key): a retried task or a second call finds the row instead of
making another, and the email (an outbox row) is only ever queued together with a new row.
Titles and bodies are short plain text and never carry recovery dates or health information."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class NotificationKind(models.TextChoices):
    HOURS_LOGGED = "hours_logged", _("Hours waiting for your decision")
    HOURS_DECIDED = "hours_decided", _("Decisions on your hours")
    APPLICATION_DECIDED = "application_decided", _("Outcomes of your certificate applications")
    RESULT_RELEASED = "result_released", _("Assessment results released")
    CERTIFICATE_ISSUED = "certificate_issued", _("Certificate issued")
    CERTIFICATE_SUSPENDED = "certificate_suspended", _("Certificate suspended")
    CERTIFICATE_REINSTATED = "certificate_reinstated", _("Certificate reinstated")
    CERTIFICATE_REVOKED = "certificate_revoked", _("Certificate revoked")
    RENEWAL_DUE = "renewal_due", _("Certificate renewal due")
    ACTIVITY_CONFIRMATION_REQUESTED = (
        "activity_confirmation_requested",
        _("Practice activities waiting for your confirmation"),
    )
    ACTIVITY_DECIDED = "activity_decided", _("Confirmations of your practice activities")
    JOURNAL_SHARED = "journal_shared", _("Reflections trainees share with you")
    JOURNAL_REPLIED = "journal_replied", _("Replies to the reflections you share")
    DISCUSSION_REPLY = "discussion_reply", _("Replies in course discussions you take part in")
    DISCUSSION_SAFETY = "discussion_safety", _("Discussion posts that may need a moderator's attention")


class NotificationQuerySet(models.QuerySet):
    def unread(self):
        return self.filter(read_at__isnull=True)


class Notification(models.Model):
    Kind = NotificationKind

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notifications",
        verbose_name=_("for"),
    )
    kind = models.CharField(_("kind"), max_length=40, choices=NotificationKind.choices)
    key = models.CharField(
        _("idempotency key"),
        max_length=200,
        help_text=_(
            "What the notification is about, e.g. a certificate's id: one row per person, kind and key."
        ),
    )
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"), max_length=2000, blank=True)
    link = models.CharField(
        _("link"),
        max_length=500,
        blank=True,
        help_text=_("A path on this site where the person acts or reads."),
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    read_at = models.DateTimeField(_("read"), null=True, blank=True)
    # The email queued with it (None: the person's preference said no email, or they have no address).
    email = models.ForeignKey(
        "lms.OutboxMessage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = NotificationQuerySet.as_manager()

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["user", "kind", "key"], name="lms_notification_unique_event"),
        ]
        indexes = [
            models.Index(fields=["user", "-created_at", "-id"], name="lms_notification_list"),
            models.Index(fields=["user", "read_at"], name="lms_notification_unread"),
        ]

    def __str__(self):
        return f"{self.user} · {self.title}"

    @property
    def is_read(self) -> bool:
        return self.read_at is not None


class NotificationPreference(models.Model):
    """A person's choice of email for one kind. No row: email on (the default); in-app always on."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preferences"
    )
    kind = models.CharField(_("kind"), max_length=40, choices=NotificationKind.choices)
    email = models.BooleanField(_("email"), default=True)
    updated_at = models.DateTimeField(_("updated"), default=timezone.now)

    class Meta:
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="lms_notification_pref_unique"),
        ]

    def __str__(self):
        return f"{self.user} · {self.kind}: {'email' if self.email else 'in-app only'}"

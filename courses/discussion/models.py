"""Threads, posts, their editing history and reports, and each person's discussion display name.

Posts keep what the author typed (Markdown source); it is rendered on display (formatting.py), never
stored as HTML. A post's `safety` flag says the safe-messaging check (safety.py) found words about
suicide or overdose in it: the post is published as usual and a safety item waits in the moderation
queue (a Report with no reporter)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..models import CoursePage, ModulePage

TITLE_MAX = 150
TITLE_MIN = 3
BODY_MAX = 10000
DISPLAY_NAME_MAX = 40
DISPLAY_NAME_MIN = 2
NOTE_MAX = 500


class DiscussionProfile(models.Model):
    """The name a person shows in course discussions, chosen by them. Unique regardless of case,
    accents and spacing (`name_key`), so nobody passes for someone else. Without a row, the default
    (selectors.display_name) is their preferred name, or their first name and last initial."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="discussion_profile"
    )
    display_name = models.CharField(_("display name"), max_length=DISPLAY_NAME_MAX)
    name_key = models.CharField(max_length=DISPLAY_NAME_MAX, unique=True, editable=False)
    updated_at = models.DateTimeField(_("updated"), default=timezone.now)

    class Meta:
        verbose_name = _("discussion profile")
        verbose_name_plural = _("discussion profiles")

    def __str__(self):
        return self.display_name


class Thread(models.Model):
    course = models.ForeignKey(CoursePage, on_delete=models.CASCADE, related_name="discussion_threads")
    module = models.ForeignKey(
        ModulePage,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="discussion_threads",
        verbose_name=_("module"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="discussion_threads"
    )
    title = models.CharField(_("title"), max_length=TITLE_MAX)
    created_at = models.DateTimeField(_("started"), default=timezone.now)
    last_activity_at = models.DateTimeField(_("latest activity"), default=timezone.now)
    # Replies after the opening post, kept with each reply so the list needs no count per thread.
    reply_count = models.PositiveIntegerField(_("replies"), default=0)
    pinned = models.BooleanField(_("pinned"), default=False)
    locked = models.BooleanField(_("locked"), default=False)

    class Meta:
        verbose_name = _("discussion thread")
        verbose_name_plural = _("discussion threads")
        indexes = [
            models.Index(fields=["course", "-pinned", "-last_activity_at", "-id"], name="discussion_list"),
        ]

    def __str__(self):
        return f"Thread #{self.pk}"  # never the title or text: this ends up in audit target_repr


class Post(models.Model):
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="posts")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="discussion_posts"
    )
    body = models.TextField(_("message"), max_length=BODY_MAX)
    is_opening = models.BooleanField(default=False)
    created_at = models.DateTimeField(_("posted"), default=timezone.now)
    edited_at = models.DateTimeField(_("edited"), null=True, blank=True)
    hidden = models.BooleanField(_("hidden"), default=False)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    hidden_at = models.DateTimeField(null=True, blank=True)
    safety = models.BooleanField(_("mentions suicide or overdose"), default=False)

    class Meta:
        verbose_name = _("discussion post")
        verbose_name_plural = _("discussion posts")
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["thread", "created_at", "id"], name="discussion_thread_posts")]

    def __str__(self):
        return f"Post #{self.pk}"


class PostRevision(models.Model):
    """What a post said before an edit (the title too, for an opening post): one row per edit."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="revisions")
    title = models.CharField(max_length=TITLE_MAX, blank=True)
    body = models.TextField(max_length=BODY_MAX)
    written_at = models.DateTimeField(help_text="When this text was posted or last edited.")
    replaced_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("post revision")
        verbose_name_plural = _("post revisions")
        ordering = ["-replaced_at", "-id"]

    def __str__(self):
        return f"Revision #{self.pk} of post #{self.post_id}"


class ReportReason(models.TextChoices):
    SAFETY = "safety", _("Safety: mentions suicide or overdose")
    UNKIND = "unkind", _("Unkind, harassing or hateful")
    PRIVACY = "privacy", _("Shares someone's private information")
    SPAM = "spam", _("Spam or advertising")
    MISINFORMATION = "misinformation", _("Harmful or false information")
    OTHER = "other", _("Something else")


class Report(models.Model):
    """A post raised for the course's moderators: by a reader (with a reason), or by the safe-messaging
    check (reason SAFETY, no reporter). Open until a moderator resolves or dismisses it."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        RESOLVED = "resolved", _("Resolved")
        DISMISSED = "dismissed", _("Dismissed")

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="reports")
    course = models.ForeignKey(CoursePage, on_delete=models.CASCADE, related_name="discussion_reports")
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.CharField(_("reason"), max_length=20, choices=ReportReason.choices)
    note = models.CharField(_("note"), max_length=NOTE_MAX, blank=True)
    created_at = models.DateTimeField(_("reported"), default=timezone.now)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.OPEN)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("discussion report")
        verbose_name_plural = _("discussion reports")
        constraints = [
            models.UniqueConstraint(
                fields=["post", "reporter"],
                condition=models.Q(status="open"),
                name="discussion_one_open_report",
            ),
            models.UniqueConstraint(
                fields=["post"],
                condition=models.Q(status="open", reporter__isnull=True),
                name="discussion_one_open_safety_item",
            ),
        ]
        indexes = [models.Index(fields=["course", "status", "created_at"], name="discussion_queue")]

    def __str__(self):
        return f"Report #{self.pk}"

"""Writes for notifications: `notify` (the one way any part of the LMS tells a person something), marking
read, and a person's email preferences.

notify writes the in-app row and, when the person's preference for that kind allows, the email as an
outbox row (lms.outbox: claimed before it is sent, at most once, delivered by Celery after commit), both
inside the caller's transaction, so the change, its notification and its email commit or roll back
together. The row is unique per (user, kind, key): calling again with the same key (a retried task, a
double submit) returns the first row and queues nothing. The unread count shown in the site header is
kept in the cache (selectors.unread_count) and dropped here, after commit, whenever it changes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from lms.audit import audit_record
from lms.errors import Invalid, NotFound
from lms.i18n import in_recipients_language
from lms.outbox.services import Attachment, outbox_enqueue

from .models import Notification, NotificationKind, NotificationPreference

ERR_UNKNOWN_KIND = "Unknown notification kind: %(kind)s"
ERR_NOT_FOUND = "Notification not found."
ERR_LINK_NOT_LOCAL = "A notification's link must be a path on this site: %(link)s"

TITLE_MAX = 200
BODY_MAX = 2000


def unread_cache_key(user) -> str:
    """The cache key of `user`'s unread count. The account's creation time is part of it, so an id used
    again (a restored database, a rolled-back test) never inherits another account's count."""
    return f"notifications:unread:{user.pk}:{user.date_joined.timestamp():.6f}"


def _forget_unread_count(user) -> None:
    """Drop the cached count once the change is committed (a reader in between still sees the old,
    committed count and caches it; dropping after commit means the next reader counts afresh)."""
    key = unread_cache_key(user)
    transaction.on_commit(lambda: cache.delete(key))


@dataclass(frozen=True)
class Email:
    """The email for an event whose message says more than the in-app text (an attachment, its own
    template). `key` keeps an outbox key that existed before notifications did, so an event already
    emailed is never emailed again."""

    subject: str
    body: str
    key: str = ""
    attachment: Attachment | None = None


def email_wanted(*, user, kind: str) -> bool:
    """The person's choice for this kind (no row: yes)."""
    choice = (
        NotificationPreference.objects.filter(user=user, kind=kind).values_list("email", flat=True).first()
    )
    return True if choice is None else choice


def email_key(*, user, kind: str, key: str) -> str:
    return f"notification:{kind}:{user.pk}:{key}"[:200]


def _absolute(link: str) -> str:
    return settings.SITE_URL.rstrip("/") + link if link else settings.SITE_URL


@in_recipients_language(lambda user, **kw: user)
def _default_email(*, user, title: str, body: str, link: str) -> Email:
    context = {
        "name": user.get_short_name(),
        "title": title,
        "body": body,
        "url": _absolute(link),
        "settings_url": _absolute(reverse("notifications:settings")),
        "site_name": settings.WAGTAIL_SITE_NAME,
    }
    return Email(subject=title, body=render_to_string("notifications/email.txt", context))


@transaction.atomic
def notify(
    *,
    user,
    kind: str,
    key: str,
    title: str,
    body: str = "",
    link: str = "",
    email: Email | None = None,
    send_on_commit: bool = True,
) -> Notification:
    """Tell `user` about one event of `kind`, identified by `key`: an in-app row and, if their preference
    for the kind allows (default: yes), one email through the outbox. Idempotent per (user, kind, key):
    a second call returns the first row (with the email it queued, if any) and queues nothing.

    `title` and `body` are short plain text shown in the list; `link` is the site path where the person
    acts or reads. `email` replaces the standard email (title, text, link). With send_on_commit=False
    the caller delivers the outbox row itself (a worker already running the step)."""
    if kind not in NotificationKind.values:
        raise Invalid(ERR_UNKNOWN_KIND % {"kind": kind}, field="kind")
    link = str(link or "")
    if link and (not link.startswith("/") or link.startswith(("//", "/\\"))):
        raise Invalid(ERR_LINK_NOT_LOCAL % {"link": link}, field="link")
    title = " ".join(str(title).split())[:TITLE_MAX]
    body = str(body or "").strip()[:BODY_MAX]
    notification, created = Notification.objects.select_related("email").get_or_create(
        user=user, kind=kind, key=str(key)[:200], defaults={"title": title, "body": body, "link": link}
    )
    if not created:
        return notification
    _forget_unread_count(user)
    if user.is_active and user.email and email_wanted(user=user, kind=kind):
        message = email or _default_email(user=user, title=title, body=body, link=link)
        notification.email = outbox_enqueue(
            key=message.key or email_key(user=user, kind=kind, key=notification.key),
            to=user.email,
            subject=message.subject,
            body=message.body,
            attachment=message.attachment,
            send_on_commit=send_on_commit,
        )
        notification.save(update_fields=["email"])
    return notification


@transaction.atomic
def notification_open(*, user, notification_id: int) -> Notification:
    """The owner opens a notification: it is marked read (once) and its link is where they go next.
    Anyone else's notification answers like a missing one."""
    notification = Notification.objects.filter(pk=notification_id, user=user).first()
    if notification is None:
        raise NotFound(ERR_NOT_FOUND)
    if notification.read_at is None:
        notification.read_at = timezone.now()
        Notification.objects.filter(pk=notification.pk, read_at__isnull=True).update(
            read_at=notification.read_at
        )
        _forget_unread_count(user)
    return notification


@transaction.atomic
def notifications_mark_all_read(*, user) -> int:
    """Mark every unread notification of `user` read; returns how many were unread."""
    marked = Notification.objects.filter(user=user).unread().update(read_at=timezone.now())
    if marked:
        _forget_unread_count(user)
    return marked


@transaction.atomic
def preferences_update(*, user, email: dict[str, bool]) -> dict[str, bool]:
    """Save `user`'s email choice for each kind given (in-app notifications are always on). Returns
    the choices that changed. Audited by kind and choice (nothing sensitive)."""
    unknown = sorted(set(email) - set(NotificationKind.values))
    if unknown:
        raise Invalid(ERR_UNKNOWN_KIND % {"kind": ", ".join(unknown)}, field="kind")
    current = dict(NotificationPreference.objects.filter(user=user).values_list("kind", "email"))
    changed = {}
    now = timezone.now()
    for kind, wanted in email.items():
        wanted = bool(wanted)
        if current.get(kind, True) == wanted:
            continue
        NotificationPreference.objects.update_or_create(
            user=user, kind=kind, defaults={"email": wanted, "updated_at": now}
        )
        changed[kind] = wanted
    if changed:
        audit_record(
            actor=user,
            action="notifications.preferences_updated",
            target=user,
            subject=user,
            details={"email": changed},
        )
    return changed


def notifications_prune(*, keep_days: int | None = None) -> int:
    """Delete notifications read more than `keep_days` ago (NOTIFICATIONS_KEEP_DAYS, default 365);
    unread ones stay until read. Returns how many were deleted."""
    days = keep_days if keep_days is not None else getattr(settings, "NOTIFICATIONS_KEEP_DAYS", 365)
    cutoff = timezone.now() - timedelta(days=days)
    deleted, _per_model = Notification.objects.filter(read_at__lt=cutoff).delete()
    return deleted

"""Reads for notifications: a person's own list, one of their notifications, their unread count (from the
cache, so the site header costs no query) and their email choices."""

from __future__ import annotations

from django.core.cache import cache

from lms import roles

from .models import Notification, NotificationKind, NotificationPreference
from .services import unread_cache_key

# A cached count is dropped on every change (services); the timeout only bounds how long a count
# cached by a reader racing a change can be stale.
UNREAD_CACHE_SECONDS = 600

# Kinds only people in a role receive (the others can reach anyone: a trainee, a holder).
SUPERVISOR_KINDS = (NotificationKind.HOURS_LOGGED,)


def notifications_for(*, user):
    """The person's own notifications, newest first."""
    return Notification.objects.filter(user=user).order_by("-created_at", "-id")


def unread_count(*, user) -> int:
    """How many of the person's notifications are unread: from the cache, counted (one query) only when
    the cache has no figure for them."""
    if not getattr(user, "is_authenticated", False):
        return 0
    key = unread_cache_key(user)
    count = cache.get(key)
    if count is None:
        count = Notification.objects.filter(user=user).unread().count()
        cache.set(key, count, UNREAD_CACHE_SECONDS)
    return count


def kinds_for(*, user) -> list[str]:
    """The kinds a person may receive, for their preferences page."""
    kinds = [k for k in NotificationKind.values if k not in SUPERVISOR_KINDS]
    if roles.is_supervisor(user):
        kinds = list(SUPERVISOR_KINDS) + kinds
    return kinds


def email_preferences(*, user) -> dict[str, bool]:
    """Email on/off for each kind the person may receive (no saved choice: on)."""
    saved = dict(NotificationPreference.objects.filter(user=user).values_list("kind", "email"))
    return {kind: saved.get(kind, True) for kind in kinds_for(user=user)}

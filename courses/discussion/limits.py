"""Rate limits on posting (threads, replies and edits together), per person: fixed windows of a minute
and an hour, counted in the cache (certificates.issuing.ratelimit.hit: one round trip with Redis).
Limits from DISCUSSION_RATE_LIMITS (settings: DISCUSSION_POSTS_PER_MINUTE, DISCUSSION_POSTS_PER_HOUR)."""

from __future__ import annotations

import time

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from certificates.issuing.ratelimit import hit
from lms.errors import TooMany

ERR_TOO_MANY_MINUTE = gettext_noop(
    "You are posting faster than the discussion allows ({limit} a minute). Your text is below: wait a "
    "minute, then send it again."
)
ERR_TOO_MANY_HOUR = gettext_noop(
    "You have reached the discussion's limit of {limit} posts an hour. Your text is below: keep it and "
    "send it later."
)

DEFAULTS = {"per_minute": 5, "per_hour": 40}
WINDOWS = (("per_minute", 60, ERR_TOO_MANY_MINUTE), ("per_hour", 3600, ERR_TOO_MANY_HOUR))


def limit(name: str) -> int:
    limits = getattr(settings, "DISCUSSION_RATE_LIMITS", {}) or {}
    return int(limits.get(name, DEFAULTS[name]))


def count_post(*, user) -> None:
    """Count one post by `user`; raise TooMany (429) past either limit."""
    now = time.time()
    for name, seconds, message in WINDOWS:
        window = int(now // seconds)
        allowed = limit(name)
        if hit(f"discussion:posts:{name}:{user.pk}:{window}", timeout=seconds + 5) > allowed:
            raise TooMany(_(message).format(limit=allowed), code="rate_limited")

"""A small fixed-window rate limit per client IP, shared by the verification pages and the API
(django cache counters: per process with the local-memory cache, shared with Redis in production).

Behind a reverse proxy set VERIFY_TRUSTED_PROXIES to the number of proxies that append to
X-Forwarded-For, so the client's address is used instead of the proxy's."""

import time

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

from lms.errors import TooMany

ERR_TOO_MANY = _("Too many checks from your connection. Please wait a minute and try again.")

DEFAULT_LIMITS = {"verify": 30, "verify-pdf": 10}
WINDOW_SECONDS = 60


def client_ip(request) -> str:
    proxies = int(getattr(settings, "VERIFY_TRUSTED_PROXIES", 0) or 0)
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if proxies and forwarded:
        hops = [h.strip() for h in forwarded.split(",") if h.strip()]
        if hops:
            return hops[-min(proxies, len(hops))]
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def limit_for(scope: str) -> int:
    limits = getattr(settings, "VERIFY_RATE_LIMITS", {}) or {}
    return int(limits.get(scope, DEFAULT_LIMITS[scope]))


def check_rate(request, scope: str) -> None:
    """Count this request; raise TooMany (429) past the scope's limit per minute."""
    window = int(time.time() // WINDOW_SECONDS)
    key = f"ratelimit:{scope}:{client_ip(request)}:{window}"
    cache.add(key, 0, timeout=WINDOW_SECONDS + 5)
    try:
        count = cache.incr(key)
    except ValueError:  # evicted between add and incr
        cache.set(key, 1, timeout=WINDOW_SECONDS + 5)
        count = 1
    if count > limit_for(scope):
        raise TooMany(str(ERR_TOO_MANY), code="rate_limited")

"""A small fixed-window rate limit per client, shared by the verification pages and the API (django
cache counters: per process with the local-memory cache, shared with Redis in production).

The client is lms.clientip.client_ip: behind the reverse proxies named in TRUSTED_PROXIES, the address
they forwarded, so one employer's checks never spend another's budget. Limits per minute are
VERIFY_RATE_LIMITS (from VERIFY_RATE_LIMIT_PER_MINUTE and VERIFY_PDF_RATE_LIMIT_PER_MINUTE)."""

import ipaddress
import time

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

from lms.clientip import client_ip
from lms.errors import TooMany

ERR_TOO_MANY = _("Too many checks from your connection. Please wait a minute and try again.")

DEFAULT_LIMITS = {"verify": 30, "verify-pdf": 10}
WINDOW_SECONDS = 60
IPV6_PREFIX = 64


def limit_for(scope: str) -> int:
    limits = getattr(settings, "VERIFY_RATE_LIMITS", {}) or {}
    return int(limits.get(scope, DEFAULT_LIMITS[scope]))


def client_key(request) -> str:
    """Who is counted: the client's address, or its /64 for IPv6 (one subscriber usually holds a whole
    /64, and could otherwise rotate through it; allauth counts the same way)."""
    ip = client_ip(request)
    try:
        address = ipaddress.ip_address(ip)
    except ValueError:
        return ip
    if address.version == 6:
        return str(ipaddress.ip_network(f"{address}/{IPV6_PREFIX}", strict=False).network_address)
    return ip


def check_rate(request, scope: str) -> None:
    """Count this request; raise TooMany (429) past the scope's limit per minute."""
    window = int(time.time() // WINDOW_SECONDS)
    key = f"ratelimit:{scope}:{client_key(request)}:{window}"
    cache.add(key, 0, timeout=WINDOW_SECONDS + 5)
    try:
        count = cache.incr(key)
    except ValueError:  # evicted between add and incr
        cache.set(key, 1, timeout=WINDOW_SECONDS + 5)
        count = 1
    if count > limit_for(scope):
        raise TooMany(str(ERR_TOO_MANY), code="rate_limited")

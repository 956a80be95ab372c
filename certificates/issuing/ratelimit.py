"""A small fixed-window rate limit per client, shared by the verification pages and the API (django
cache counters: per process with the local-memory cache, shared with Redis in production).

The client is lms.clientip.client_ip: behind the reverse proxies named in TRUSTED_PROXIES, the address
they forwarded, so one employer's checks never spend another's budget. Limits per minute are
VERIFY_RATE_LIMITS (from VERIFY_RATE_LIMIT_PER_MINUTE and VERIFY_PDF_RATE_LIMIT_PER_MINUTE).

Counting costs one cache round trip per request: with Redis (Django's RedisCache, or django-redis), one
EVALSHA of a three-line script that increments the counter and, for the window's first request, sets
its expiry (atomic, one command, one reply); with any other cache, incr() first and add() only when the
window's counter does not exist yet (the first request of each window)."""

import ipaddress
import time
import weakref

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

from lms.clientip import client_ip
from lms.errors import TooMany

ERR_TOO_MANY = _("Too many checks from your connection. Please wait a minute and try again.")

DEFAULT_LIMITS = {"verify": 30, "verify-pdf": 10}
WINDOW_SECONDS = 60
IPV6_PREFIX = 64
# A counter outlives its window a little, so a slow request at the boundary still finds it.
KEY_TIMEOUT = WINDOW_SECONDS + 5


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
    if hit(f"ratelimit:{scope}:{client_key(request)}:{window}") > limit_for(scope):
        raise TooMany(str(ERR_TOO_MANY), code="rate_limited")


# INCR, and EXPIRE on the window's first request: one command, run atomically by Redis.
_INCR_SCRIPT = """
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end
return count
"""


def hit(key: str, *, timeout: int = KEY_TIMEOUT) -> int:
    """Add one to the window's counter `key` and return the new count. `timeout`: seconds the counter
    lives from its first hit (a little more than its window; course discussions count per hour too)."""
    redis = _redis_client(cache)
    if redis is not None:
        # EVALSHA (EVAL once if the server has not seen the script since it started).
        return int(_script(redis)(keys=[cache.make_key(key)], args=[timeout], client=redis))
    try:
        return cache.incr(key)
    except ValueError:  # the window's first request (or its counter was evicted)
        if cache.add(key, 1, timeout=timeout):
            return 1
        return cache.incr(key)  # another request created it in between


_SCRIPT = []


def _script(redis):
    """The script object (its SHA computed once per process)."""
    if not _SCRIPT:
        _SCRIPT.append(redis.register_script(_INCR_SCRIPT))
    return _SCRIPT[0]


def _redis_client(backend):
    """The redis-py client behind Django's RedisCache or django-redis, else None. The counter is a
    plain integer, which both store as is, so cache.get() still reads it.

    Django's RedisCache builds a new redis.Redis object on every operation (about a millisecond of CPU:
    its table of response callbacks), so one client per connection pool is kept and reused; the pool
    already holds the connections, and both are safe to share between threads."""
    inner = getattr(backend, "_cache", None)  # django.core.cache.backends.redis.RedisCache
    if inner is not None and hasattr(inner, "_get_connection_pool"):
        pool = inner._get_connection_pool(True)
        client = _CLIENTS.get(pool)
        if client is None:
            client = _CLIENTS[pool] = inner._client(connection_pool=pool)
        return client
    client = getattr(backend, "client", None)  # django_redis.cache.RedisCache (keeps its clients)
    if client is not None and hasattr(client, "get_client"):
        return client.get_client(write=True)
    return None


_CLIENTS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()

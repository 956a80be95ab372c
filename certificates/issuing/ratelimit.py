"""A small fixed-window rate limit per client, shared by the verification pages and the API (django
cache counters: per process with the local-memory cache, shared with Redis in production).

The client is lms.clientip.client_ip: behind the reverse proxies named in TRUSTED_PROXIES, the address
they forwarded, so one employer's checks never spend another's budget. Limits per minute are
VERIFY_RATE_LIMITS (from VERIFY_RATE_LIMIT_PER_MINUTE, VERIFY_PDF_RATE_LIMIT_PER_MINUTE and, for the
public registry's searches, REGISTRY_RATE_LIMIT_PER_MINUTE).

Counting costs one cache round trip per request: with Redis (Django's RedisCache, or django-redis), one
EVALSHA of a three-line script that increments the counter and, for the window's first request, sets
its expiry (atomic, one command, one reply); with any other cache, incr() first and add() only when the
window's counter does not exist yet (the first request of each window).

A list of codes checked at once (bulk verification) spends one unit per distinct code, in the same one
round trip (`spend`: INCRBY n in the same script); a list that would go past the limit is refunded in
that script too and refused whole, saying how many checks remain this minute, so a list is never a way
around the limit and a refused one costs nothing."""

import ipaddress
import time
import weakref

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

from lms.clientip import client_ip
from lms.errors import TooMany

ERR_TOO_MANY = _("Too many checks from your connection. Please wait a minute and try again.")
ERR_BATCH_TOO_MANY = _(
    "This list needs {needed} checks (one for each different code), but only {remaining} remain for "
    "your connection this minute. Nothing was checked. Send at most {remaining} codes, or wait a "
    "minute and try again."
)

DEFAULT_LIMITS = {"verify": 30, "verify-pdf": 10, "registry": 30}
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


class BatchTooMany(TooMany):
    """A list of codes that would go past the client's remaining budget: refused whole, nothing spent."""

    code = "rate_limited"

    def __init__(self, *, needed: int, remaining: int):
        super().__init__(str(ERR_BATCH_TOO_MANY).format(needed=needed, remaining=remaining))
        self.needed = needed
        self.remaining = remaining


def spend(request, scope: str, units: int) -> None:
    """Spend `units` of the client's budget for `scope` at once (one round trip), or, when that would go
    past the limit, spend nothing and raise BatchTooMany saying how many remain this minute."""
    if units <= 0:
        return
    limit = limit_for(scope)
    window = int(time.time() // WINDOW_SECONDS)
    count = hit(f"ratelimit:{scope}:{client_key(request)}:{window}", units, refund_over=limit)
    if count > limit:
        raise BatchTooMany(needed=units, remaining=max(0, limit - (count - units)))


# INCRBY, and EXPIRE on the window's first request; with a limit (ARGV[3]), a count past it is taken
# back at once (DECRBY): one command, run atomically by Redis.
_INCR_SCRIPT = """
local count = redis.call('INCRBY', KEYS[1], ARGV[2])
if count == tonumber(ARGV[2]) then redis.call('EXPIRE', KEYS[1], ARGV[1]) end
if ARGV[3] and count > tonumber(ARGV[3]) then redis.call('DECRBY', KEYS[1], ARGV[2]) end
return count
"""


def hit(key: str, units: int = 1, *, refund_over: int | None = None, timeout: int = KEY_TIMEOUT) -> int:
    """Add `units` to the window's counter `key` and return the new count. With `refund_over`, a new
    count past it is taken back (the counter keeps its old value); the count returned is still the one
    the addition reached, so the caller can tell. `timeout`: seconds the counter lives from its first
    hit (a little more than its window; course discussions count per hour too)."""
    redis = _redis_client(cache)
    if redis is not None:
        args = [timeout, units] if refund_over is None else [timeout, units, refund_over]
        # EVALSHA (EVAL once if the server has not seen the script since it started).
        return int(_script(redis)(keys=[cache.make_key(key)], args=args, client=redis))
    try:
        count = cache.incr(key, units)
    except ValueError:  # the window's first request (or its counter was evicted)
        if cache.add(key, units, timeout=timeout):
            count = units
        else:
            count = cache.incr(key, units)  # another request created it in between
    if refund_over is not None and count > refund_over:
        # Only a refused list pays this second operation.
        cache.decr(key, units)
    return count


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

"""The verify path at scale (issue 10): one indexed query for the look-up, the rate limit in one cache
round trip, and cache headers that let a proxy keep public answers for VERIFY_CACHE_SECONDS (and
nothing else: not a 429, not an error that depends on the client, nothing sent to a signed-in
person); the app keeps no copy of its own, so a revocation is in the very next answer."""

import pytest
from django.core.cache import cache
from django.core.cache.backends.locmem import LocMemCache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from certificates.issuing import ratelimit, selectors, services
from certificates.issuing.codes import format_code
from lms.errors import TooMany

from .helpers import *  # noqa: F403
from .helpers import fresh_ip

pytestmark = pytest.mark.django_db

UNKNOWN = "000-0000-0000-0"


def _api(client, code, **extra):
    return client.get(f"/api/v1/verify/{code}", **extra)


def _page(client, code, **extra):
    return client.get(f"/verify/{code}/", **extra)


def _cache_control(response) -> set[str]:
    return {part.strip() for part in response.get("Cache-Control", "").split(",") if part.strip()}


# --- One query --------------------------------------------------------------------------------------


def test_the_api_look_up_is_one_query(client, issued, django_assert_num_queries):
    code = format_code(issued.code)
    _api(client, code)  # anything loaded once per process is loaded
    with django_assert_num_queries(1):
        response = _api(client, code, REMOTE_ADDR=fresh_ip())
    assert response.status_code == 200
    assert response.json()["status"] == "current"


def test_an_unknown_code_is_looked_up_in_one_query_too(client, issued):
    # (Wagtail's redirect middleware then looks for a redirect, as for any 404: its own queries.)
    with CaptureQueriesContext(connection) as queries:
        response = _api(client, UNKNOWN, REMOTE_ADDR=fresh_ip())
    assert response.status_code == 404
    look_ups = [q["sql"] for q in queries.captured_queries if "certificates_certificate" in q["sql"]]
    assert len(look_ups) == 1, look_ups


def test_the_verification_page_looks_up_in_one_query(client, issued):
    code = format_code(issued.code)
    _page(client, code)
    with CaptureQueriesContext(connection) as queries:
        response = _page(client, code, REMOTE_ADDR=fresh_ip())
    assert response.status_code == 200
    look_ups = [q["sql"] for q in queries.captured_queries if "certificates_certificate" in q["sql"]]
    assert len(look_ups) == 1, look_ups


def test_the_look_up_selects_only_what_the_answer_shows(issued):
    with CaptureQueriesContext(connection) as queries:
        selectors.verification_for_code(issued.code)
    (sql,) = [q["sql"] for q in queries.captured_queries]
    assert "ORDER BY" not in sql  # the code is unique: no sort
    assert '"snapshot" ' not in sql.replace('"snapshot" ->', "")  # only four keys of the snapshot
    assert "holder_id" not in sql and "sha256" not in sql
    assert sql.count("JOIN") == 1  # its renewal, once


@pytest.mark.postgres
def test_postgres_finds_the_code_through_an_index(issued):
    with CaptureQueriesContext(connection) as queries:
        selectors.verification_for_code(issued.code)
    sql = queries.captured_queries[0]["sql"]
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")  # a tiny table would be scanned anyway
        cursor.execute("EXPLAIN " + sql)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "Index Scan" in plan and "Seq Scan" not in plan, plan


# --- Cache headers ----------------------------------------------------------------------------------


def test_a_valid_certificate_may_be_cached_publicly_for_the_configured_time(client, issued, settings):
    settings.VERIFY_CACHE_SECONDS = 45
    code = format_code(issued.code)
    for response in (_api(client, code), _page(client, code)):
        assert response.status_code == 200
        assert _cache_control(response) == {"public", "max-age=0", "s-maxage=45"}
        assert "Cookie" in response["Vary"] and "Accept-Language" in response["Vary"]
        assert "Set-Cookie" not in response  # nothing of one visitor's in a shared copy


def test_a_revoked_certificate_is_a_public_answer_too(client, issued, admin):
    services.certificate_revoke(actor=admin, certificate=issued, reason="Ethics violation.")
    response = _api(client, format_code(issued.code))
    assert response.json()["status"] == "revoked"
    assert _cache_control(response) == {"public", "max-age=0", "s-maxage=60"}


def test_an_unknown_code_is_public_on_the_api_and_never_cached_on_the_form_page(client, issued):
    response = _api(client, UNKNOWN)
    assert response.status_code == 404
    assert _cache_control(response) == {"public", "max-age=0", "s-maxage=60"}
    page = _page(client, UNKNOWN)
    assert page.status_code == 404
    assert {"no-store", "private"} <= _cache_control(page)  # the page carries the upload form's token


def test_a_malformed_code_is_never_cached(client, issued):
    response = _api(client, "not-a-code")
    assert response.status_code == 422
    assert "no-store" in _cache_control(response) and "public" not in _cache_control(response)


def test_a_429_is_never_cached(client, issued, settings):
    settings.VERIFY_RATE_LIMITS = {"verify": 1, "verify-pdf": 1}
    ip = fresh_ip()
    code = format_code(issued.code)
    assert _api(client, code, REMOTE_ADDR=ip).status_code == 200
    for response in (_api(client, code, REMOTE_ADDR=ip), _page(client, code, REMOTE_ADDR=ip)):
        assert response.status_code == 429
        assert "no-store" in _cache_control(response)
        assert "public" not in _cache_control(response)


def test_a_signed_in_person_is_never_sent_a_cacheable_answer(client, issued):
    client.force_login(issued.holder)
    code = format_code(issued.code)
    for response in (_api(client, code), _page(client, code)):
        assert response.status_code == 200
        control = _cache_control(response)
        assert {"no-store", "private"} <= control and "public" not in control
        assert "max-age=0" in control


def test_zero_seconds_turns_proxy_caching_off(client, issued, settings):
    settings.VERIFY_CACHE_SECONDS = 0
    response = _api(client, format_code(issued.code))
    assert "public" not in _cache_control(response) and "no-store" in _cache_control(response)


def test_a_revocation_is_in_the_very_next_answer(client, issued, admin):
    """No copy in the app: the bound on a stale answer is the proxy's max-age and nothing more."""
    code = format_code(issued.code)
    assert _api(client, code).json()["status"] == "current"
    services.certificate_revoke(actor=admin, certificate=issued, reason="Ethics violation.")
    assert _api(client, code).json()["status"] == "revoked"
    assert "Revoked" in _page(client, code).content.decode()


# --- Rate limit: one round trip ---------------------------------------------------------------------


class CountingCache(LocMemCache):
    """The local-memory cache, counting the operations made on it."""

    calls: list[str] = []

    def __getattribute__(self, name):
        if name in (
            "get",
            "set",
            "add",
            "incr",
            "decr",
            "delete",
            "get_many",
            "set_many",
            "touch",
            "has_key",
        ):
            CountingCache.calls.append(name)
        return super().__getattribute__(name)


@pytest.fixture
def counting_cache(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "tests.certificates.issuing.test_verify_fast_path.CountingCache",
            "LOCATION": "verify-fast-path",
        }
    }
    CountingCache.calls.clear()
    yield CountingCache.calls
    cache.clear()


def test_the_rate_limit_costs_one_cache_operation_per_request(rf, counting_cache, settings):
    settings.VERIFY_RATE_LIMITS = {"verify": 3, "verify-pdf": 3}
    request = rf.get("/", REMOTE_ADDR=fresh_ip())
    ratelimit.check_rate(request, "verify")  # the window's first request creates the counter
    counting_cache.clear()
    ratelimit.check_rate(request, "verify")
    assert counting_cache == ["incr"]
    ratelimit.check_rate(request, "verify")
    with pytest.raises(TooMany):
        ratelimit.check_rate(request, "verify")


def test_ipv6_clients_are_counted_by_their_64(rf, counting_cache, settings):
    settings.VERIFY_RATE_LIMITS = {"verify": 1, "verify-pdf": 1}
    ratelimit.check_rate(rf.get("/", REMOTE_ADDR="2001:db8:1:2::1"), "verify")
    with pytest.raises(TooMany):
        ratelimit.check_rate(rf.get("/", REMOTE_ADDR="2001:db8:1:2:ffff::9"), "verify")
    ratelimit.check_rate(rf.get("/", REMOTE_ADDR="2001:db8:1:3::1"), "verify")  # another /64


@pytest.fixture
def redis_cache(settings):
    import os

    url = os.environ.get("CACHE_URL", "")
    if not url.startswith("redis"):
        pytest.skip("needs a Redis cache: set CACHE_URL=redis://...")
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": url,
            "KEY_PREFIX": f"test-fast-path-{fresh_ip()}",
        }
    }
    return cache


@pytest.mark.redis
def test_with_redis_each_check_is_one_round_trip_and_the_counter_expires(
    rf, redis_cache, settings, monkeypatch
):
    from redis.connection import AbstractConnection

    settings.VERIFY_RATE_LIMITS = {"verify": 2, "verify-pdf": 2}
    ip = fresh_ip()
    request = rf.get("/", REMOTE_ADDR=ip)
    ratelimit.check_rate(request, "verify")  # loads the script on the server if it is new to it
    sent = []
    original = AbstractConnection.send_packed_command
    monkeypatch.setattr(
        AbstractConnection,
        "send_packed_command",
        lambda self, command, check_health=True: sent.append(1) or original(self, command, check_health),
    )
    ratelimit.check_rate(request, "verify")
    assert len(sent) == 1
    with pytest.raises(TooMany):
        ratelimit.check_rate(request, "verify")
    key = next(k for k in redis_cache._cache.get_client().keys(f"*ratelimit:verify:{ip}:*"))
    assert 0 < redis_cache._cache.get_client().ttl(key) <= ratelimit.KEY_TIMEOUT
    assert int(redis_cache._cache.get_client().get(key)) == 3

"""Behind a reverse proxy every request arrives from the proxy's address. Login throttling (allauth),
lockouts (django-axes) and the verification rate limit must count the real client, which only a
trusted proxy may name (X-Forwarded-For); anyone else's X-Forwarded-For is ignored.

The proxy here is nginx on 127.0.0.1 with `proxy_set_header X-Forwarded-For
$proxy_add_x_forwarded_for`: it appends the address it saw to whatever the client sent."""

import secrets
import time

import pytest
from axes.models import AccessAttempt
from django.test import RequestFactory, override_settings

from certificates.issuing.codes import format_code, generate_code
from certificates.issuing.ratelimit import WINDOW_SECONDS
from lms.clientip import client_ip
from tests.accounts.factories import PASSWORD, verified_trainee
from tests.accounts.helpers import logged_in_user_id

LOGIN = "/accounts/login/"
PROXY = "127.0.0.1"
TOO_MANY_LOGINS = "Too many failed login attempts. Try again later."

behind_nginx = override_settings(TRUSTED_PROXIES=[PROXY])


def fresh_ip() -> str:
    """A client address no other test used (rate-limit counters live in a shared cache that is never
    cleared: with Redis that would wipe other workers' keys)."""
    return f"10.{secrets.randbelow(250)}.{secrets.randbelow(250)}.{secrets.randbelow(250) + 1}"


def via_nginx(client_addr: str, sent_by_client: str = "") -> dict:
    """What the app receives when nginx forwards a request from `client_addr` that carried
    X-Forwarded-For: `sent_by_client` ($proxy_add_x_forwarded_for)."""
    forwarded = f"{sent_by_client}, {client_addr}" if sent_by_client else client_addr
    return {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": forwarded}


def fail_login(client, user, **extra):
    return client.post(LOGIN, {"login": user.email, "password": "wrong-password"}, **extra)


def log_in(client, user, **extra):
    return client.post(LOGIN, {"login": user.email, "password": PASSWORD}, **extra)


# --- allauth's login throttle -----------------------------------------------------------------------

login_throttle = override_settings(ACCOUNT_RATE_LIMITS={"login_failed": "3/m/ip"})


@pytest.mark.django_db
@behind_nginx
@login_throttle
def test_login_failures_of_one_client_do_not_throttle_another_behind_the_same_proxy(client):
    user = verified_trainee()
    attacker, colleague = fresh_ip(), fresh_ip()
    for _ in range(3):
        assert fail_login(client, user, **via_nginx(attacker)).status_code == 200
    refused = log_in(client, user, **via_nginx(attacker))
    assert TOO_MANY_LOGINS in refused.content.decode()
    assert logged_in_user_id(client) is None

    response = log_in(client, user, **via_nginx(colleague))
    assert response.status_code == 302
    assert logged_in_user_id(client) == str(user.pk)


@pytest.mark.django_db
@behind_nginx
@login_throttle
def test_x_forwarded_for_from_an_untrusted_peer_does_not_escape_the_login_throttle(client):
    user = verified_trainee()
    peer = fresh_ip()  # talks to the app directly, not through the proxy
    for _ in range(3):
        fail_login(client, user, REMOTE_ADDR=peer, HTTP_X_FORWARDED_FOR=fresh_ip())
    refused = log_in(client, user, REMOTE_ADDR=peer, HTTP_X_FORWARDED_FOR=fresh_ip())
    assert TOO_MANY_LOGINS in refused.content.decode()
    assert logged_in_user_id(client) is None


@pytest.mark.django_db
@behind_nginx
@login_throttle
def test_a_spoofed_leading_entry_behind_the_proxy_does_not_escape_the_login_throttle(client):
    user = verified_trainee()
    attacker = fresh_ip()
    for _ in range(3):
        fail_login(client, user, **via_nginx(attacker, sent_by_client=fresh_ip()))
    refused = log_in(client, user, **via_nginx(attacker, sent_by_client=fresh_ip()))
    assert TOO_MANY_LOGINS in refused.content.decode()
    assert logged_in_user_id(client) is None


# --- django-axes lockouts ---------------------------------------------------------------------------

axes_on = override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=3)


@pytest.mark.django_db
@behind_nginx
@axes_on
def test_axes_locks_out_the_failing_client_not_everyone_behind_the_proxy(client):
    user = verified_trainee()
    attacker, owner = fresh_ip(), fresh_ip()
    for _ in range(3):
        fail_login(client, user, **via_nginx(attacker))
    attempt = AccessAttempt.objects.get()
    assert attempt.ip_address == attacker
    assert log_in(client, user, **via_nginx(attacker)).status_code == 429

    response = log_in(client, user, **via_nginx(owner))
    assert response.status_code == 302
    assert logged_in_user_id(client) == str(user.pk)


@pytest.mark.django_db
@behind_nginx
@axes_on
def test_axes_ignores_x_forwarded_for_from_an_untrusted_peer_and_a_spoofed_leading_entry(client):
    user = verified_trainee()
    peer, attacker = fresh_ip(), fresh_ip()
    for _ in range(3):
        fail_login(client, user, REMOTE_ADDR=peer, HTTP_X_FORWARDED_FOR=fresh_ip())
    assert log_in(client, user, REMOTE_ADDR=peer, HTTP_X_FORWARDED_FOR=fresh_ip()).status_code == 429

    for _ in range(3):
        fail_login(client, user, **via_nginx(attacker, sent_by_client=fresh_ip()))
    assert log_in(client, user, **via_nginx(attacker, sent_by_client=fresh_ip())).status_code == 429
    assert sorted(AccessAttempt.objects.values_list("ip_address", flat=True)) == sorted([peer, attacker])


# --- the verification rate limit -------------------------------------------------------------------


@pytest.fixture
def verify_limit(settings):
    settings.VERIFY_RATE_LIMITS = {"verify": 3, "verify-pdf": 2}
    # The limit counts per clock minute: do not start counting just before the minute turns over.
    left = WINDOW_SECONDS - time.time() % WINDOW_SECONDS
    if left < 5:
        time.sleep(left + 0.1)
    # An unknown code is still counted: the limit is checked before the look-up.
    return f"/api/v1/verify/{format_code(generate_code())}"


@pytest.mark.django_db
@behind_nginx
def test_verification_behind_the_proxy_is_limited_per_client(client, verify_limit):
    employer, other_employer = fresh_ip(), fresh_ip()
    assert [client.get(verify_limit, **via_nginx(employer)).status_code for _ in range(3)] == [404] * 3
    assert client.get(verify_limit, **via_nginx(employer)).status_code == 429
    assert client.get(verify_limit, **via_nginx(other_employer)).status_code == 404


@pytest.mark.django_db
@behind_nginx
def test_verification_ignores_x_forwarded_for_from_an_untrusted_peer(client, verify_limit):
    peer = fresh_ip()
    for _ in range(3):
        client.get(verify_limit, REMOTE_ADDR=peer, HTTP_X_FORWARDED_FOR=fresh_ip())
    assert client.get(verify_limit, REMOTE_ADDR=peer, HTTP_X_FORWARDED_FOR=fresh_ip()).status_code == 429


@pytest.mark.django_db
@behind_nginx
def test_verification_ignores_a_spoofed_leading_entry_behind_the_proxy(client, verify_limit):
    employer = fresh_ip()
    for _ in range(3):
        client.get(verify_limit, **via_nginx(employer, sent_by_client=fresh_ip()))
    assert client.get(verify_limit, **via_nginx(employer, sent_by_client=fresh_ip())).status_code == 429


@pytest.mark.django_db
def test_verification_counts_an_ipv6_client_by_its_slash_64(client, verify_limit):
    """One subscriber holds a whole /64: rotating through it must not buy more checks."""
    net, other_net = (f"2001:db8:{secrets.randbelow(65535):x}:{secrets.randbelow(65535):x}" for _ in range(2))
    for host in range(1, 4):
        assert client.get(verify_limit, REMOTE_ADDR=f"{net}::{host}").status_code == 404
    assert client.get(verify_limit, REMOTE_ADDR=f"{net}::ffff").status_code == 429
    assert client.get(verify_limit, REMOTE_ADDR=f"{other_net}::1").status_code == 404


# --- the rule itself --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "trusted, meta, expected",
    [
        # Nobody trusted (the default): forwarding headers are never believed.
        ([], {"REMOTE_ADDR": "198.51.100.7", "HTTP_X_FORWARDED_FOR": "203.0.113.9"}, "198.51.100.7"),
        ([], {"REMOTE_ADDR": "198.51.100.7", "HTTP_X_REAL_IP": "203.0.113.9"}, "198.51.100.7"),
        # A peer that is not a trusted proxy.
        (["127.0.0.1"], {"REMOTE_ADDR": "198.51.100.7", "HTTP_X_FORWARDED_FOR": "1.2.3.4"}, "198.51.100.7"),
        # nginx on 127.0.0.1 appending the address it saw.
        (["127.0.0.1"], {"REMOTE_ADDR": "127.0.0.1", "HTTP_X_FORWARDED_FOR": "203.0.113.9"}, "203.0.113.9"),
        (
            ["127.0.0.1"],
            {"REMOTE_ADDR": "127.0.0.1", "HTTP_X_FORWARDED_FOR": "6.6.6.6, 203.0.113.9"},
            "203.0.113.9",
        ),
        # Other headers a client could send are not read, even through a trusted proxy.
        (["127.0.0.1"], {"REMOTE_ADDR": "127.0.0.1", "HTTP_X_REAL_IP": "6.6.6.6"}, "127.0.0.1"),
        # A load balancer (10.0.0.0/8) in front of nginx: both are skipped from the right.
        (
            ["127.0.0.1", "10.0.0.0/8"],
            {"REMOTE_ADDR": "127.0.0.1", "HTTP_X_FORWARDED_FOR": "6.6.6.6, 203.0.113.9, 10.1.2.3"},
            "203.0.113.9",
        ),
        # Every hop trusted: the left-most is the best we know.
        (["10.0.0.0/8"], {"REMOTE_ADDR": "10.0.0.2", "HTTP_X_FORWARDED_FOR": "10.0.0.9"}, "10.0.0.9"),
        # Ports, IPv6 and IPv4-mapped addresses.
        (
            ["127.0.0.1"],
            {"REMOTE_ADDR": "::ffff:127.0.0.1", "HTTP_X_FORWARDED_FOR": "203.0.113.9:5555"},
            "203.0.113.9",
        ),
        (["::1"], {"REMOTE_ADDR": "::1", "HTTP_X_FORWARDED_FOR": "[2001:db8::5]:443"}, "2001:db8::5"),
        # An unreadable hop where we would have to walk past it: stop at the last proxy we trust
        # rather than let the client pick its own key.
        (
            ["127.0.0.1", "10.0.0.0/8"],
            {"REMOTE_ADDR": "127.0.0.1", "HTTP_X_FORWARDED_FOR": "203.0.113.9, garbage, 10.1.2.3"},
            "10.1.2.3",
        ),
        # Garbage to the left of the client does not matter.
        (
            ["127.0.0.1"],
            {"REMOTE_ADDR": "127.0.0.1", "HTTP_X_FORWARDED_FOR": "garbage, 203.0.113.9"},
            "203.0.113.9",
        ),
        # No usable peer address at all.
        (["127.0.0.1"], {"REMOTE_ADDR": ""}, "unknown"),
    ],
)
def test_client_ip_is_the_right_most_address_not_belonging_to_a_trusted_proxy(
    settings, trusted, meta, expected
):
    settings.TRUSTED_PROXIES = trusted
    request = RequestFactory().get("/", **meta)
    if "REMOTE_ADDR" in meta:
        request.META["REMOTE_ADDR"] = meta["REMOTE_ADDR"]
    assert client_ip(request) == expected

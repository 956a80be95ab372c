"""Settings come from the environment: production refuses to start without its secrets, and DATABASE_URL
picks the database. Each check imports the settings in a fresh interpreter with a controlled environment
(and no .env file in the way: read_env(overwrite=False) never replaces variables we set)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def run_python(code: str, **env) -> subprocess.CompletedProcess:
    clean = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "PYTHONPATH": str(ROOT), "HOME": str(ROOT)}
    clean.update(env)
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=clean, capture_output=True, text=True, timeout=120
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = run_python("import lms.settings.production", DJANGO_SECRET_KEY="")
    assert result.returncode != 0
    assert "django.core.exceptions.ImproperlyConfigured: DJANGO_SECRET_KEY must be set in production." in (
        result.stderr
    )


def test_production_refuses_to_start_without_encryption_keys():
    result = run_python(
        "import lms.settings.production", DJANGO_SECRET_KEY="s" * 50, FIELD_ENCRYPTION_KEYS=""
    )
    assert result.returncode != 0
    assert "ImproperlyConfigured: FIELD_ENCRYPTION_KEYS must be set in production" in result.stderr


def test_production_starts_when_its_secrets_are_set():
    result = run_python(
        "import lms.settings.production as s; print(s.DEBUG, s.SESSION_COOKIE_SECURE)",
        DJANGO_SECRET_KEY="s" * 50,
        FIELD_ENCRYPTION_KEYS="a" * 64,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "True"]


@pytest.mark.parametrize(
    "url, engine, name",
    [
        ("postgres://lms:secret@db.example.org:5432/lms", "django.db.backends.postgresql", "lms"),
        ("sqlite:////tmp/lms-test.sqlite3", "django.db.backends.sqlite3", "/tmp/lms-test.sqlite3"),
    ],
)
def test_database_url_selects_the_database(url, engine, name):
    result = run_python(
        "import lms.settings.base as s; d = s.DATABASES['default']; print(d['ENGINE']); print(d['NAME'])",
        DATABASE_URL=url,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [engine, name]


def test_rate_limits_and_trusted_proxies_come_from_the_environment():
    code = (
        "import lms.settings.base as s; print(s.TRUSTED_PROXIES); print(s.ACCOUNT_RATE_LIMITS['login_failed']);"
        " print(s.ACCOUNT_RATE_LIMITS['login']); print(s.ACCOUNT_RATE_LIMITS['signup']);"
        " print(s.ACCOUNT_RATE_LIMITS['reset_password']); print(s.AXES_FAILURE_LIMIT);"
        " print(int(s.AXES_COOLOFF_TIME.total_seconds())); print(s.VERIFY_RATE_LIMITS)"
    )
    defaults = run_python(code)
    assert defaults.returncode == 0, defaults.stderr
    assert defaults.stdout.splitlines() == [
        "[]",
        "10/m/ip,5/5m/key",
        "30/m/ip",
        "20/m/ip",
        "20/m/ip,5/m/key",
        "8",
        "900",
        "{'verify': 30, 'verify-pdf': 10, 'registry': 30}",
    ]
    configured = run_python(
        code,
        TRUSTED_PROXIES="127.0.0.1,10.0.0.0/8",
        LOGIN_FAILED_RATE_LIMIT="20/m/ip, 3/10m/key",
        LOGIN_RATE_LIMIT="60/m/ip",
        SIGNUP_RATE_LIMIT="5/m/ip",
        PASSWORD_RESET_RATE_LIMIT="10/m/ip,2/m/key",
        AXES_FAILURE_LIMIT="5",
        AXES_COOLOFF_MINUTES="60",
        VERIFY_RATE_LIMIT_PER_MINUTE="120",
        VERIFY_PDF_RATE_LIMIT_PER_MINUTE="4",
        REGISTRY_RATE_LIMIT_PER_MINUTE="12",
    )
    assert configured.returncode == 0, configured.stderr
    assert configured.stdout.splitlines() == [
        "['127.0.0.1', '10.0.0.0/8']",
        "20/m/ip,3/10m/key",
        "60/m/ip",
        "5/m/ip",
        "10/m/ip,2/m/key",
        "5",
        "3600",
        "{'verify': 120, 'verify-pdf': 4, 'registry': 12}",
    ]


@pytest.mark.parametrize(
    "env, message",
    [
        ({"TRUSTED_PROXIES": "127.0.0.1,nginx"}, "TRUSTED_PROXIES: 'nginx' is not an IP address or a CIDR"),
        ({"LOGIN_FAILED_RATE_LIMIT": "ten a minute"}, "LOGIN_FAILED_RATE_LIMIT='tenaminute': expected rates"),
    ],
)
def test_a_malformed_proxy_or_rate_stops_start_up(env, message):
    result = run_python("import lms.settings.base", **env)
    assert result.returncode != 0
    assert message in result.stderr


PRODUCTION_SECURITY = (
    "import lms.settings.production as s; print(s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS,"
    " s.SECURE_HSTS_INCLUDE_SUBDOMAINS, s.SECURE_HSTS_PRELOAD, s.SECURE_PROXY_SSL_HEADER,"
    " s.SECURE_REFERRER_POLICY, s.X_FRAME_OPTIONS, s.SESSION_COOKIE_SECURE, s.SESSION_COOKIE_SAMESITE,"
    " s.SESSION_COOKIE_AGE, s.CSRF_COOKIE_SECURE, s.CSRF_COOKIE_HTTPONLY, s.CSRF_COOKIE_SAMESITE, sep='|')"
)


def test_production_security_defaults_are_strict():
    result = run_python(PRODUCTION_SECURITY, DJANGO_SECRET_KEY="s" * 50, FIELD_ENCRYPTION_KEYS="a" * 64)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().split("|") == [
        "True",
        "31536000",
        "True",
        "True",
        "('HTTP_X_FORWARDED_PROTO', 'https')",
        "same-origin",
        "DENY",
        "True",
        "Lax",
        "1209600",
        "True",
        "True",
        "Lax",
    ]


def test_production_security_settings_come_from_the_environment():
    result = run_python(
        PRODUCTION_SECURITY,
        DJANGO_SECRET_KEY="s" * 50,
        FIELD_ENCRYPTION_KEYS="a" * 64,
        SECURE_SSL_REDIRECT="false",
        SECURE_HSTS_SECONDS="3600",
        SECURE_HSTS_INCLUDE_SUBDOMAINS="false",
        SECURE_HSTS_PRELOAD="false",
        SECURE_PROXY_SSL_HEADER="X-Forwarded-Ssl=on",
        SECURE_REFERRER_POLICY="strict-origin-when-cross-origin",
        X_FRAME_OPTIONS="SAMEORIGIN",
        SESSION_COOKIE_SECURE="false",
        SESSION_COOKIE_SAMESITE="Strict",
        SESSION_COOKIE_AGE="28800",
        CSRF_COOKIE_SECURE="false",
        CSRF_COOKIE_HTTPONLY="false",
        CSRF_COOKIE_SAMESITE="Strict",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().split("|") == [
        "False",
        "3600",
        "False",
        "False",
        "('HTTP_X_FORWARDED_SSL', 'on')",
        "strict-origin-when-cross-origin",
        "SAMEORIGIN",
        "False",
        "Strict",
        "28800",
        "False",
        "False",
        "Strict",
    ]
    off = run_python(
        "import lms.settings.production as s; print(s.SECURE_PROXY_SSL_HEADER)",
        DJANGO_SECRET_KEY="s" * 50,
        FIELD_ENCRYPTION_KEYS="a" * 64,
        SECURE_PROXY_SSL_HEADER="",
    )
    assert off.stdout.strip() == "None", off.stderr

"""Production's security settings: `check --deploy` finds nothing to warn about, the HTTPS header is
believed only from a trusted proxy, and the Wagtail admin sends no staff address to an avatar service."""

import re
import secrets
import subprocess
import sys

import pytest
from cryptography.fernet import Fernet
from django.test import override_settings

from tests.test_settings import ROOT, run_python

pytestmark = pytest.mark.django_db


def production_env(**extra) -> dict:
    """The least production asks for: a long random secret and a field-encryption key in the format
    lms.crypto.keys accepts (a Fernet key)."""
    return {
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(60),
        "FIELD_ENCRYPTION_KEYS": Fernet.generate_key().decode(),
        "DJANGO_SETTINGS_MODULE": "lms.settings.production",
        **extra,
    }


def test_check_deploy_with_production_settings_reports_no_issues():
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT), "HOME": str(ROOT), **production_env()}
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout, result.stdout + result.stderr


def test_the_ci_plain_http_stack_can_turn_https_enforcement_off():
    result = run_python(
        "import lms.settings.production as s; print(s.SECURE_SSL_REDIRECT, s.SESSION_COOKIE_SECURE,"
        " s.CSRF_COOKIE_SECURE, s.TRUSTED_PROXIES)",
        **production_env(
            SECURE_SSL_REDIRECT="false",
            SESSION_COOKIE_SECURE="false",
            CSRF_COOKIE_SECURE="false",
            TRUSTED_PROXIES="127.0.0.1",
        ),
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "False", "False", "['127.0.0.1']"]


# --- X-Forwarded-Proto only from a trusted proxy ----------------------------------------------------

https_behind_proxy = override_settings(
    SECURE_PROXY_SSL_HEADER=("HTTP_X_FORWARDED_PROTO", "https"),
    SECURE_SSL_REDIRECT=True,
    TRUSTED_PROXIES=["127.0.0.1"],
)


@https_behind_proxy
def test_a_direct_client_claiming_https_is_still_redirected_to_https(client):
    response = client.get("/verify/", REMOTE_ADDR="198.51.100.7", HTTP_X_FORWARDED_PROTO="https")
    assert response.status_code == 301
    assert response["Location"].startswith("https://")


@https_behind_proxy
def test_the_trusted_proxy_saying_https_is_believed(client):
    response = client.get("/verify/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_PROTO="https")
    assert response.status_code == 200


# --- No avatars from outside ------------------------------------------------------------------------


def test_the_wagtail_admin_shows_no_external_avatar(client, django_user_model):
    staff = django_user_model.objects.create_superuser(email="editor@example.org", password="x-long-pass")
    client.force_login(staff)
    for path in ("/admin/", "/admin/account/"):
        response = client.get(path)
        assert response.status_code == 200, path
        html = response.content.decode()
        assert "gravatar" not in html.lower(), path
        sources = re.findall(r'<img[^>]*\ssrc="([^"]*)"', html)
        assert sources, path  # the avatar is there, from our own static files
        assert [s for s in sources if s.startswith(("http:", "https:", "//"))] == [], path

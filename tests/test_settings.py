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

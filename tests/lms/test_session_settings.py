"""Sessions through the cache only where every process shares it (issue 10): production with Redis
reads sessions from the cache, production with the per-process default keeps them in the database;
signing out ends the session for every later request, cached or not."""

import pytest
from django.contrib.auth import SESSION_KEY
from django.test import Client
from django.urls import reverse

from tests import factories
from tests.lms.test_security_settings import production_env
from tests.test_settings import run_python

CACHED_DB = "django.contrib.sessions.backends.cached_db"
DB = "django.contrib.sessions.backends.db"


@pytest.mark.parametrize(
    "cache_url,engine",
    [
        (None, DB),  # the local-memory default: one copy per process
        ("locmemcache://", DB),
        ("dummycache://", DB),
        ("redis://127.0.0.1:6379/3", CACHED_DB),
    ],
)
def test_production_reads_sessions_from_the_cache_only_when_it_is_shared(cache_url, engine):
    env = production_env(**({"CACHE_URL": cache_url} if cache_url else {}))
    result = run_python("import lms.settings.production as s; print(s.SESSION_ENGINE)", **env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == engine


@pytest.mark.parametrize("cache_url,engine", [(None, CACHED_DB), ("locmemcache://", DB)])
def test_the_benchmarks_choose_as_production_does_for_their_cache(cache_url, engine):
    """bench.py replaces CACHES (Redis by default) after base.py chose the session engine."""
    env = {"CACHE_URL": cache_url} if cache_url else {}
    result = run_python("import lms.settings.bench as s; print(s.SESSION_ENGINE)", **env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == engine


@pytest.mark.django_db
def test_signing_out_ends_the_cached_session(settings):
    assert settings.SESSION_ENGINE == CACHED_DB  # the tests run as production does with Redis
    user = factories.TraineeFactory()
    browser = Client()
    browser.force_login(user)
    assert browser.get(reverse("courses:dashboard")).status_code == 200
    stolen = browser.cookies[settings.SESSION_COOKIE_NAME].value

    browser.post(reverse("account_logout"))
    replay = Client()
    replay.cookies[settings.SESSION_COOKIE_NAME] = stolen
    response = replay.get(reverse("courses:dashboard"))
    assert response.status_code == 302 and reverse("account_login") in response["Location"]
    assert SESSION_KEY not in replay.session

"""The test suite. SQLite in memory by default; DATABASE_URL / CELERY_BROKER_URL switch to PostgreSQL and
Redis for the CI's second pass."""

import os

from .base import *  # noqa: F401,F403
from .base import BASE_DIR, env

SECRET_KEY = "test-secret-key"
DEBUG = False
DATABASES = {"default": env.db("DATABASE_URL", default="sqlite://:memory:")}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CELERY_TASK_ALWAYS_EAGER = True
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default="memory://")
FIELD_ENCRYPTION_KEYS = ["a3c1e2b0f5d4c6e8a9b7d5f3e1c2a4b6d8f0e2c4a6b8d0f2e4c6a8b0d2f4e6a8"]
AXES_ENABLED = env.bool("AXES_ENABLED", default=False)
ACCOUNT_RATE_LIMITS = False
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
SIGNING_DIR = BASE_DIR / "var" / "test-signing"
SIGNING_KEY_FILE = str(SIGNING_DIR / "signer.key.pem")
SIGNING_CERT_FILE = str(SIGNING_DIR / "signer.cert.pem")
SIGNING_CA_CERT_FILE = str(SIGNING_DIR / "ca.cert.pem")
# Parallel workers may share one Redis: keep their keys apart.
CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://")}
CACHES["default"]["KEY_PREFIX"] = "test-" + os.environ.get("PYTEST_XDIST_WORKER", "main")
# One process per test worker: sessions through the cache, as in production with Redis.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}

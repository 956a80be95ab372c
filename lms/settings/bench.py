"""Benchmarks (`make bench`, bench/run.py): production-like where it changes the figures (DEBUG off,
PostgreSQL, Redis cache, template caching, no debug toolbars), fast where it only costs time building
the data set (MD5 password hashes for 100,000 users). Every value can still come from the
environment; the defaults point at a local `bench` database and Redis db 7."""

from .base import *  # noqa: F401,F403
from .base import BASE_DIR, env, session_engine_for

DEBUG = False
SECRET_KEY = env("DJANGO_SECRET_KEY", default="bench-secret-key-not-for-production")
ALLOWED_HOSTS = ["*"]
DATABASES = {"default": env.db("DATABASE_URL", default="postgres://postgres@127.0.0.1:5432/bench")}
# As in production (base.py): persistent connections with health checks.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
CACHES = {"default": env.cache("CACHE_URL", default="redis://127.0.0.1:6379/7")}
CACHES["default"]["KEY_PREFIX"] = "bench"
SESSION_ENGINE = session_engine_for(CACHES)  # as production chooses for the same cache
# Building 100,000 users: one hash, computed once (bench/dataset.py) and cheap to check at login.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = env("EMAIL_BACKEND", default="django.core.mail.backends.locmem.EmailBackend")
# Eager unless a section starts real workers (it passes CELERY_TASK_ALWAYS_EAGER=0 and a broker URL).
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=True)
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default="redis://127.0.0.1:6379/6")
FIELD_ENCRYPTION_KEYS = env.list(
    "FIELD_ENCRYPTION_KEYS",
    default=["5be2f0c1d7a34e9b8c6d1f2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e"],
)
# Login throttles would stop a section that signs in many times; they are not what is measured.
AXES_ENABLED = env.bool("AXES_ENABLED", default=False)
ACCOUNT_RATE_LIMITS = False
# Throughput runs must measure the verify path, not be answered 429 by the limit (its Redis round trip
# still happens on every request).
VERIFY_RATE_LIMITS = {
    "verify": env.int("VERIFY_RATE_LIMIT_PER_MINUTE", default=10_000_000),
    "verify-pdf": env.int("VERIFY_PDF_RATE_LIMIT_PER_MINUTE", default=10_000_000),
}
ACCOUNT_EMAIL_VERIFICATION = "optional"

BENCH_VAR = BASE_DIR / "var" / "bench"
PRIVATE_STORAGE_ROOT = env("PRIVATE_STORAGE_ROOT", default=str(BENCH_VAR / "private"))
STORAGES = {
    **STORAGES,  # noqa: F405
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": PRIVATE_STORAGE_ROOT, "base_url": None},
    },
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_ROOT = env("MEDIA_ROOT", default=str(BENCH_VAR / "media"))
EMAIL_FILE_PATH = str(BENCH_VAR / "mail")
# Development signing material of its own (bench/run.py creates it, as `manage.py setup_signing` does).
SIGNING_DIR = BENCH_VAR / "signing"
SIGNING_KEY_FILE = str(SIGNING_DIR / "signer.key.pem")
SIGNING_CERT_FILE = str(SIGNING_DIR / "signer.cert.pem")
SIGNING_CA_CERT_FILE = str(SIGNING_DIR / "ca.cert.pem")
SIGNING_PKCS12_FILE = ""
SIGNING_KEY_PASSPHRASE = ""
DATA_INTEGRITY_KEY_FILE = ""
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}

# bench/urls.py (lms.urls plus a bare ninja endpoint to compare the verify API with) once it exists.
ROOT_URLCONF = "bench.urls" if (BASE_DIR / "bench" / "urls.py").exists() else "lms.urls"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="ERROR")},
}

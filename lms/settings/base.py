"""Settings shared by every environment. Everything that differs between machines comes from
environment variables (django-environ), see the configuration table in README.md."""

import re
from datetime import timedelta
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from lms.clientip import trusted_networks

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

SECRET_KEY = env("DJANGO_SECRET_KEY", default="")
# Earlier secret keys, still accepted for sessions and signed values while they expire.
SECRET_KEY_FALLBACKS = env.list("DJANGO_SECRET_KEY_FALLBACKS", default=[])
DEBUG = env.bool("DJANGO_DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
# The reverse proxies in front of the app (IPs or CIDR networks, comma-separated). Only a request from
# one of them may name the client in X-Forwarded-For (lms/clientip.py); empty = believe no forwarding
# header. Checked here so a typo stops start-up instead of silently trusting nobody.
TRUSTED_PROXIES = env.list("TRUSTED_PROXIES", default=[])
trusted_networks(TRUSTED_PROXIES)

# Absolute base URL used in emails, QR codes and Open Badges identifiers.
SITE_URL = env("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")
WAGTAILADMIN_BASE_URL = SITE_URL
WAGTAIL_SITE_NAME = env("SITE_NAME", default="Peer Support Academy")

INSTALLED_APPS = [
    "lms",
    "lms.crypto",
    "cms",
    "courses",
    "assessments",
    "certificates",
    # Translating Wagtail pages (the admin's "Translate" action; courses.curriculum loads es/ files).
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_htmx",
    "allauth",
    "allauth.account",
    "axes",
    "ninja",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    # First: refuses an oversized body from its Content-Length before anything (CSRF, sessions, views)
    # reads it.
    "lms.uploads.UploadLimitMiddleware",
    # Before SecurityMiddleware: X-Forwarded-Proto counts only from TRUSTED_PROXIES.
    "lms.middleware.ProxyHeadersMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Content-Security-Policy (lms/csp.py). Early, so it answers for every response and sees the
    # X-Frame-Options a view chose.
    "lms.csp.PolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Django's LocaleMiddleware, after authentication: a signed-in person's saved language counts.
    "lms.i18n.middleware.LanguageMiddleware",
    # Cache-Control: no-store, private on everything a signed-in person is sent.
    "lms.middleware.NoStoreMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # The request's Wagtail site and home page from the cache (cms/sites.py), invalidated on page and
    # site changes.
    "lms.middleware.WagtailSiteMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Axes last, so it sees the outcome of authentication.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "lms.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "lms.context_processors.site",
            ],
        },
    },
]

WSGI_APPLICATION = "lms.wsgi.application"

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the dev server read while a Celery eager task writes.
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].setdefault("transaction_mode", "IMMEDIATE")
# Persistent connections: opening a PostgreSQL connection costs more than a verification's whole query
# (issue 10: ~31% of a web worker's time). Seconds a connection is kept (0 = close after each request;
# the default for SQLite, whose connections cost nothing); checked before reuse, so a restarted database
# costs one failed check, not a 500. Keep DATABASE_CONN_MAX_AGE x workers within max_connections.
DATABASES["default"]["CONN_MAX_AGE"] = env.int(
    "DATABASE_CONN_MAX_AGE",
    default=0 if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3" else 60,
)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
# The certificate look-up by code (every verification) runs as a prepared statement on PostgreSQL
# (certificates/issuing/selectors/lookup.py). Turn off behind a transaction-mode pooler that cannot keep
# prepared statements (PgBouncer before 1.21, or without max_prepared_statements).
VERIFY_PREPARED_LOOKUP = env.bool("VERIFY_PREPARED_LOOKUP", default=True)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Shared cache (rate limits, throttling). Use Redis in production so limits hold across machines.
CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://")}
# Sessions are read from the cache and written through to the database (one query less on every
# signed-in page; issue 10), but only where every process sees the same cache: with a per-process
# cache, one worker could go on honouring a session another has ended (sign-out). dev and test run one
# process and say so themselves.
PER_PROCESS_CACHES = (
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
)


def session_engine_for(caches: dict) -> str:
    """Sessions read through the cache only when every process shares it; settings that replace
    CACHES call this again."""
    if caches["default"]["BACKEND"] in PER_PROCESS_CACHES:
        return "django.contrib.sessions.backends.db"
    return "django.contrib.sessions.backends.cached_db"


SESSION_ENGINE = session_engine_for(CACHES)

AUTH_USER_MODEL = "lms.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    # Django's and allauth's, each loading a session's user with their roles in one query
    # (lms.auth_backends).
    "lms.auth_backends.UserBackend",
    "lms.auth_backends.AccountBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# django-allauth: trainees sign up themselves, log in by email, confirm their address.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = env("ACCOUNT_EMAIL_VERIFICATION", default="mandatory")
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_SIGNUP_FORM_CLASS = "lms.forms.SignupForm"
ACCOUNT_ADAPTER = "lms.adapters.AccountAdapter"

_RATE = re.compile(r"^\d+/\d*[smhd]?(/(ip|key|user))?$")


def rate_limit_from_env(name: str, default: str) -> str:
    """An allauth rate ("10/m/ip,5/5m/key"; empty turns the limit off) from the environment, refused at
    start-up if malformed (allauth would only notice at the first request, with a 500)."""
    value = env(name, default=default).replace(" ", "")
    if value and not all(_RATE.match(part) for part in value.split(",")):
        raise ImproperlyConfigured(f"{name}={value!r}: expected rates like 10/m/ip,5/5m/key.")
    return value


# Per-client limits (allauth's "amount/period/per" rates; the client is lms.clientip.client_ip, so
# behind a proxy each visitor has their own budget). Defaults: allauth's, with the failed-login one
# stricter per account.
ACCOUNT_RATE_LIMITS = {
    "login_failed": rate_limit_from_env("LOGIN_FAILED_RATE_LIMIT", "10/m/ip,5/5m/key"),
    "login": rate_limit_from_env("LOGIN_RATE_LIMIT", "30/m/ip"),
    "signup": rate_limit_from_env("SIGNUP_RATE_LIMIT", "20/m/ip"),
    "reset_password": rate_limit_from_env("PASSWORD_RESET_RATE_LIMIT", "20/m/ip,5/m/key"),
}
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "site:home"  # each role's home (lms.homes)
ACCOUNT_LOGOUT_REDIRECT_URL = "/"

# django-axes: lock an account+IP pair after repeated failures.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=8)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=15))
AXES_CLIENT_IP_CALLABLE = "lms.clientip.client_ip"
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_FORM_FIELD = "login"
# allauth authenticates with {"email": ..., "password": ...}; read the address from there (lower-cased),
# or every failure from one IP would share a single record with no username.
AXES_USERNAME_CALLABLE = "lms.adapters.axes_username"
AXES_LOCKOUT_TEMPLATE = "account/lockout.html"
AXES_RESET_ON_SUCCESS = True

# Certificate checks (verification pages and API together), per client and minute.
VERIFY_RATE_LIMITS = {
    "verify": env.int("VERIFY_RATE_LIMIT_PER_MINUTE", default=30),
    "verify-pdf": env.int("VERIFY_PDF_RATE_LIMIT_PER_MINUTE", default=10),
    # Searches of the public registry by name (page and API together).
    "registry": env.int("REGISTRY_RATE_LIMIT_PER_MINUTE", default=30),
}
# Course discussions: posts (threads, replies, edits) per person per minute and per hour
# (courses/discussion/limits.py).
DISCUSSION_RATE_LIMITS = {
    "per_minute": env.int("DISCUSSION_POSTS_PER_MINUTE", default=5),
    "per_hour": env.int("DISCUSSION_POSTS_PER_HOUR", default=40),
}
# Seconds a proxy or browser may keep a public verification answer (Cache-Control: public, max-age):
# a revocation shows everywhere within this bound. 0 = never cached. certificates/issuing/httpcache.py.
VERIFY_CACHE_SECONDS = env.int("VERIFY_CACHE_SECONDS", default=60)
# Bulk verification (/verify/bulk/, POST /api/v1/verify/bulk): at most this many codes in one list (a
# longer list is refused whole), in a file or body of at most VERIFY_BULK_MAX_BYTES. Each distinct code
# still spends one unit of VERIFY_RATE_LIMIT_PER_MINUTE.
VERIFY_BULK_MAX_CODES = env.int("VERIFY_BULK_MAX_CODES", default=500)
VERIFY_BULK_MAX_BYTES = env.int("VERIFY_BULK_MAX_BYTES", default=1024 * 1024)

# The interface in English and Spanish (docs/architecture.md, "Languages"). Each language is named in
# itself in the switcher. Public pages (Wagtail's pages, the certificate pages, verification) also have
# /es/ addresses (lms/urls.py); a signed-in person's saved language, then the language cookie, then the
# browser's Accept-Language choose the language elsewhere (lms.i18n.middleware).
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("es", _("Español"))]
# Pages have a Spanish tree (wagtail-localize), served under /es/ (lms/urls.py).
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
# A year: the choice outlives the session; SameSite=Lax like the session cookie.
LANGUAGE_COOKIE_AGE = 365 * 24 * 60 * 60
LANGUAGE_COOKIE_SAMESITE = "Lax"
TIME_ZONE = env("TIME_ZONE", default="America/New_York")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = env("STATIC_ROOT", default=str(BASE_DIR / "static_collected"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env("MEDIA_ROOT", default=str(BASE_DIR / "media"))
# Where private files (issued certificates, evidence) live; never served by URL directly: streamed
# by lms.storage.private_file_response after a permission check. Local disk (PRIVATE_STORAGE_ROOT)
# unless PRIVATE_STORAGE_BUCKET names a private S3-compatible bucket, which several machines share.
# MEDIA_STORAGE_BUCKET likewise moves Wagtail's images and documents off MEDIA_ROOT.
# docs/operations.md, "Files: issued PDFs and evidence".
from lms.storage import s3_storage  # noqa: E402

PRIVATE_STORAGE_ROOT = env("PRIVATE_STORAGE_ROOT", default=str(BASE_DIR / "var" / "private"))
PRIVATE_STORAGE_BUCKET = env("PRIVATE_STORAGE_BUCKET", default="")
PRIVATE_URL_EXPIRY_SECONDS = env.int("PRIVATE_URL_EXPIRY_SECONDS", default=60)
MEDIA_STORAGE_BUCKET = env("MEDIA_STORAGE_BUCKET", default="")
if PRIVATE_STORAGE_BUCKET and PRIVATE_STORAGE_BUCKET == MEDIA_STORAGE_BUCKET:
    # Images are readable by URL; certificates and evidence must never share their bucket.
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured("MEDIA_STORAGE_BUCKET must not be the PRIVATE_STORAGE_BUCKET.")
_S3_ENDPOINT = {
    "endpoint_url": env("AWS_S3_ENDPOINT_URL", default=""),
    "region_name": env("AWS_S3_REGION_NAME", default=""),
    "addressing_style": env("AWS_S3_ADDRESSING_STYLE", default=""),
}
STORAGES = {
    "default": s3_storage(
        bucket=MEDIA_STORAGE_BUCKET,
        public_urls=True,
        custom_domain=env("MEDIA_STORAGE_CUSTOM_DOMAIN", default=""),
        **_S3_ENDPOINT,
    )
    if MEDIA_STORAGE_BUCKET
    else {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": s3_storage(
        bucket=PRIVATE_STORAGE_BUCKET,
        expiry_seconds=PRIVATE_URL_EXPIRY_SECONDS,
        encryption=env("PRIVATE_STORAGE_ENCRYPTION", default=""),
        kms_key_id=env("PRIVATE_STORAGE_KMS_KEY_ID", default=""),
        **_S3_ENDPOINT,
    )
    if PRIVATE_STORAGE_BUCKET
    else {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": PRIVATE_STORAGE_ROOT, "base_url": None},
    },
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
if MEDIA_STORAGE_BUCKET:
    # Documents stream through Wagtail's view (collection privacy is checked), never a bucket URL.
    WAGTAILDOCS_SERVE_METHOD = "serve_view"
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# Email
EMAIL_BACKEND = env("EMAIL_BACKEND", default="django.core.mail.backends.smtp.EmailBackend")
# Only read by the file-based backend (e.g. the production-like CI pass reads the mails it sends).
EMAIL_FILE_PATH = env("EMAIL_FILE_PATH", default=str(BASE_DIR / "var" / "mail"))
EMAIL_HOST = env("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
EMAIL_HOST_USER = env("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=False)
# A mail server that stops answering must not hold a worker forever (the outbox then marks the
# message "needs check" rather than sending it twice).
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=30)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="Peer Support Academy <no-reply@localhost>")

# Celery
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default="memory://")
CELERY_RESULT_BACKEND = env("CELERY_RESULT_BACKEND", default=None)
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=False)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = TIME_ZONE
# Queueing happens inside web requests (after commit, lms.queueing): a broker that is down or accepts
# connections and never answers must cost seconds, not a hung worker. Connect and socket timeouts apply
# to Redis (socket_*) and RabbitMQ (connect/read/write); max_retries bounds kombu's reconnects and the
# publish retries. A request whose queueing fails still succeeds: the beat sweeps do the work later.
CELERY_BROKER_CONNECTION_TIMEOUT = env.float("CELERY_BROKER_CONNECTION_TIMEOUT", default=2.0)
_BROKER_SOCKET_TIMEOUT = env.float("CELERY_BROKER_SOCKET_TIMEOUT", default=3.0)
_BROKER_PUBLISH_RETRIES = env.int("CELERY_BROKER_PUBLISH_RETRIES", default=1)
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "socket_connect_timeout": CELERY_BROKER_CONNECTION_TIMEOUT,  # redis
    "socket_timeout": _BROKER_SOCKET_TIMEOUT,  # redis
    "read_timeout": _BROKER_SOCKET_TIMEOUT,  # amqp
    "write_timeout": _BROKER_SOCKET_TIMEOUT,  # amqp
    "max_retries": _BROKER_PUBLISH_RETRIES,
    "interval_start": 0,
    "interval_step": 0.5,
    "interval_max": 1,
}
CELERY_TASK_PUBLISH_RETRY_POLICY = {
    "max_retries": _BROKER_PUBLISH_RETRIES,
    "interval_start": 0,
    "interval_step": 0.5,
    "interval_max": 1,
}
# Autodiscovery finds <app>.tasks only; the outbox's and notifications' tasks live under lms/.
CELERY_IMPORTS = ["lms.outbox.tasks", "lms.notifications.tasks"]
# The email outbox (lms/outbox): a claim never confirmed within OUTBOX_STALE_AFTER_SECONDS is shown as
# "needs check" and never resent automatically; a send that surely failed is retried with back-off up to
# OUTBOX_MAX_ATTEMPTS times. docs/operations.md, "Failures and what happens".
OUTBOX_STALE_AFTER_SECONDS = env.int("OUTBOX_STALE_AFTER_SECONDS", default=900)
OUTBOX_MAX_ATTEMPTS = env.int("OUTBOX_MAX_ATTEMPTS", default=8)
CELERY_BEAT_SCHEDULE = {
    # Email outbox: deliver what is due, surface claims that were never confirmed.
    "lms-outbox-sweep": {"task": "lms.outbox.tasks.sweep_outbox", "schedule": 60.0},
    # Notifications: read ones older than NOTIFICATIONS_KEEP_DAYS (default 365) are deleted once a day.
    "lms-notifications-prune": {"task": "lms.notifications.tasks.prune_notifications", "schedule": 86400.0},
    # Certificates: pick up issuing left pending by an interrupted task; expiry reminders once a day.
    "certificates-issue-pending": {
        "task": "certificates.tasks.issue_pending_certificates",
        "schedule": 600.0,
    },
    "certificates-expiry-reminders": {
        "task": "certificates.tasks.send_expiry_reminders",
        "schedule": 86400.0,
    },
    # Assessments: release results whose release date has come; hand in attempts whose time ran out.
    "assessments-release-due-results": {"task": "assessments.tasks.release_due_results", "schedule": 300.0},
    "assessments-finalise-expired-attempts": {
        "task": "assessments.tasks.finalise_expired_attempts",
        "schedule": 300.0,
    },
}

# Wagtail
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt", "txt", "pptx", "xlsx", "csv"]
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True
# No avatars from gravatar.com: the admin would send a hash of every staff email address to it.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# django-ninja: ?limit= (at most 200 a page) and ?offset=, both bounded (lms/apipagination.py)
NINJA_PAGINATION_PER_PAGE = 50
NINJA_PAGINATION_MAX_LIMIT = 200
NINJA_PAGINATION_CLASS = "lms.apipagination.BoundedLimitOffsetPagination"

# Field encryption for sensitive data (recovery dates, dates of birth), independent of SECRET_KEY:
# comma-separated Fernet keys (or 64 hex characters); the first encrypts, all decrypt (lms/crypto/).
FIELD_ENCRYPTION_KEYS = env.list("FIELD_ENCRYPTION_KEYS", default=[])

# Certificate signing (pyHanko). Paths to PEM/PKCS#12 files; never stored in the database.
SIGNING_DIR = Path(env("SIGNING_DIR", default=str(BASE_DIR / "var" / "signing")))
SIGNING_KEY_FILE = env("SIGNING_KEY_FILE", default=str(SIGNING_DIR / "signer.key.pem"))
SIGNING_CERT_FILE = env("SIGNING_CERT_FILE", default=str(SIGNING_DIR / "signer.cert.pem"))
SIGNING_CA_CERT_FILE = env("SIGNING_CA_CERT_FILE", default=str(SIGNING_DIR / "ca.cert.pem"))
SIGNING_PKCS12_FILE = env("SIGNING_PKCS12_FILE", default="")
SIGNING_KEY_PASSPHRASE = env("SIGNING_KEY_PASSPHRASE", default="")
# Earlier signing or CA certificates (PEM files, comma-separated): PDFs signed before a key rotation
# are still recognised as ours. A signer is recognised by its key, never by its name.
SIGNING_PREVIOUS_CERT_FILES = env.list("SIGNING_PREVIOUS_CERT_FILES", default=[])
# The Ed25519 key of the Open Badges Data Integrity proof (eddsa-rdfc-2022), PKCS#8 PEM; empty means
# SIGNING_DIR/ed25519.key.pem. Created by `manage.py setup_signing`; created on first use only in dev.
DATA_INTEGRITY_KEY_FILE = env("DATA_INTEGRITY_KEY_FILE", default="")

# Checking an uploaded PDF (certificates/issuing/pdfcheck.py). A file in the register is recognised by
# its SHA-256 without parsing; anything else is parsed in a child process within these limits, and a
# file that exceeds them is answered "could not be checked" instead of tying up a web worker.
PDF_CHECK_MAX_OBJECTS = env.int("PDF_CHECK_MAX_OBJECTS", default=20_000)
PDF_CHECK_CPU_SECONDS = env.int("PDF_CHECK_CPU_SECONDS", default=3)
PDF_CHECK_MEMORY_MB = env.int("PDF_CHECK_MEMORY_MB", default=256)
PDF_CHECK_TIMEOUT_SECONDS = env.float("PDF_CHECK_TIMEOUT_SECONDS", default=5.0)

# Upload limits (lms/uploads.py), enforced before anything reads the body: a request whose
# Content-Length exceeds its path's limit (plus room for the other form fields) is answered 413, and a
# file over the limit is dropped while the body is parsed, so the form says so and keeps the rest.
MAX_UPLOAD_BYTES = env.int("MAX_UPLOAD_BYTES", default=20 * 1024 * 1024)
VERIFY_PDF_MAX_BYTES = env.int("VERIFY_PDF_MAX_BYTES", default=5 * 1024 * 1024)
UPLOAD_LIMITS = {
    "/verify/pdf/": VERIFY_PDF_MAX_BYTES,
    "/api/v1/verify/pdf": VERIFY_PDF_MAX_BYTES,
    "/verify/bulk/": VERIFY_BULK_MAX_BYTES,
    "/api/v1/verify/bulk": VERIFY_BULK_MAX_BYTES,
}
FILE_UPLOAD_HANDLERS = [
    "lms.uploads.LimitedUploadHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]

# Content-Security-Policy (django-csp 4; lms/csp.py relaxes it for the admin and the API docs only).
# Pages load scripts, styles, fonts and images from this site alone (images also as data: URIs, e.g.
# QR codes); no inline script or style; no plugins; never framed by another site. Video blocks embed
# YouTube or Vimeo players: CSP_FRAME_SRC lists the players allowed. CSP_REPORT_URI (optional) is where
# browsers report violations.
CSP_FRAME_SRC = env.list(
    "CSP_FRAME_SRC",
    default=["https://www.youtube.com", "https://www.youtube-nocookie.com", "https://player.vimeo.com"],
)
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "media-src": ["'self'"],
        "frame-src": ["'self'", *CSP_FRAME_SRC],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "report-uri": env("CSP_REPORT_URI", default="") or None,
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="WARNING")},
}

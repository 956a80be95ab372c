"""Production: every secret from the environment; refuses to start without one."""

from django.core.exceptions import ImproperlyConfigured

from lms.crypto.keys import parse_keys

from .base import *  # noqa: F401,F403
from .base import FIELD_ENCRYPTION_KEYS, SECRET_KEY, env

if not SECRET_KEY:
    raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set in production.")
if not FIELD_ENCRYPTION_KEYS:
    raise ImproperlyConfigured(
        "FIELD_ENCRYPTION_KEYS must be set in production (sensitive fields are encrypted)."
    )
# A malformed key stops start-up here, with a message naming its position (never the key).
parse_keys(FIELD_ENCRYPTION_KEYS)

DEBUG = False
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=True)
CSRF_COOKIE_SECURE = env.bool("CSRF_COOKIE_SECURE", default=True)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0)
SECURE_CONTENT_TYPE_NOSNIFF = True
CELERY_TASK_ALWAYS_EAGER = False
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Each web process serves the collected static files itself (hashed names, gzip/brotli, far-future
# caching), so the proxy in front needs no static configuration. Right after SecurityMiddleware, as
# whitenoise asks.
MIDDLEWARE = [*MIDDLEWARE]  # noqa: F405
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,
    "whitenoise.middleware.WhiteNoiseMiddleware",
)

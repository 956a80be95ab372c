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

# --- HTTPS, headers and cookies (docs/operations.md, "Settings that matter in production") ----------
# HTTPS only, by default: the site holds health information, so a visit must not be downgradable on a
# hostile network. HSTS for a year with subdomains and the preload flag is what the browsers' preload
# list asks for; sending the flag enrols nothing by itself (someone must submit the domain at
# hstspreload.org). Turn SECURE_HSTS_PRELOAD off when the academy is served from a registrable domain
# whose other subdomains are not all HTTPS; start with a small SECURE_HSTS_SECONDS if unsure. Plain-HTTP
# set-ups (the CI's nginx on 127.0.0.1) set SECURE_SSL_REDIRECT and the *_COOKIE_SECURE flags to false.
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)


def proxy_ssl_header(value: str) -> tuple[str, str] | None:
    """Header=value as Django wants it: X-Forwarded-Proto=https -> ("HTTP_X_FORWARDED_PROTO", "https")."""
    if not value.strip():
        return None
    name, sep, expected = value.partition("=")
    if not sep or not name.strip() or not expected.strip():
        raise ImproperlyConfigured(f"SECURE_PROXY_SSL_HEADER={value!r}: expected Header-Name=value.")
    return "HTTP_" + name.strip().upper().replace("-", "_"), expected.strip()


# How the proxy says the client used HTTPS. Believed only from TRUSTED_PROXIES: the header is dropped
# from anyone else (lms.middleware.ProxyHeadersMiddleware), so setting it is safe without a proxy too.
SECURE_PROXY_SSL_HEADER = proxy_ssl_header(env("SECURE_PROXY_SSL_HEADER", default="X-Forwarded-Proto=https"))
SECURE_CONTENT_TYPE_NOSNIFF = True
# Certificate codes are in verification URLs: never send our URLs to other sites.
SECURE_REFERRER_POLICY = env("SECURE_REFERRER_POLICY", default="same-origin")
X_FRAME_OPTIONS = env("X_FRAME_OPTIONS", default="DENY")
SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=True)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = env("SESSION_COOKIE_SAMESITE", default="Lax")
SESSION_COOKIE_AGE = env.int("SESSION_COOKIE_AGE", default=14 * 24 * 3600)
CSRF_COOKIE_SECURE = env.bool("CSRF_COOKIE_SECURE", default=True)
# No script here or in the admins reads the CSRF cookie (forms carry the token), so scripts may not.
CSRF_COOKIE_HTTPONLY = env.bool("CSRF_COOKIE_HTTPONLY", default=True)
CSRF_COOKIE_SAMESITE = env("CSRF_COOKIE_SAMESITE", default="Lax")
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

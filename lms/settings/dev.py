"""Local development: SQLite, Celery eager, console email, a local dev secret. `make demo PORT=8001` passes
SITE_URL=http://127.0.0.1:8001 so links, QR codes and emails name the port the demo runs on."""

from .base import *  # noqa: F401,F403
from .base import env

DEBUG = env.bool("DJANGO_DEBUG", default=True)
SECRET_KEY = env("DJANGO_SECRET_KEY", default="dev-only-insecure-key-do-not-use-in-production")
# Console email, attachments summarised in a line (lms/mailconsole.py): an issued certificate's PDF is not
# printed as base64 in the runserver window.
EMAIL_BACKEND = env("EMAIL_BACKEND", default="lms.mailconsole.EmailBackend")
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=True)
FIELD_ENCRYPTION_KEYS = env.list(
    "FIELD_ENCRYPTION_KEYS",
    default=["f164ec6bd6fbc4aef5647abc15199da0f9badcc1d2127bde2087ae0d794a9a0b"],
)
# The development server is one process: sessions through its cache (see base.py).
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

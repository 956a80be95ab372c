import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.dev")
application = get_asgi_application()

# As in lms/wsgi.py: keys that cannot read the stored sensitive data stop the server at start-up.
from lms.crypto.checks import verify_encrypted_data  # noqa: E402

verify_encrypted_data()

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.dev")
application = get_wsgi_application()

# Keys that cannot read the stored sensitive data stop the server here, with a message naming the
# field, rather than answering 500 on a trainee's page (lms/crypto/checks.py).
from lms.crypto.checks import verify_encrypted_data  # noqa: E402

verify_encrypted_data()

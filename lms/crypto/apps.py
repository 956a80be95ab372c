from django.apps import AppConfig


class CryptoConfig(AppConfig):
    name = "lms.crypto"
    label = "crypto"
    verbose_name = "Field encryption"

    def ready(self):
        # A malformed key list stops every process at start-up (web, worker, manage.py), never a page.
        from . import checks, keys

        keys.keyring()
        checks.register()

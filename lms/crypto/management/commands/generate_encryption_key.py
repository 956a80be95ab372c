"""manage.py generate_encryption_key: print a new Fernet key for FIELD_ENCRYPTION_KEYS."""

from django.core.management.base import BaseCommand

from lms.crypto.keys import generate_key


class Command(BaseCommand):
    help = "Print a new random key for FIELD_ENCRYPTION_KEYS (put it first to rotate; keep it secret)."
    requires_system_checks = []

    def handle(self, *args, **options):
        self.stdout.write(generate_key())

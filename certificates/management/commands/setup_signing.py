"""Create the development issuing CA and signing certificate on first run; afterwards (and in
production, where the key comes from configured files) only check and describe the key material."""

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError

from certificates.issuing import dikeys, signing


class Command(BaseCommand):
    requires_system_checks = []  # works before the database or URLs are set up
    help = (
        "Set up the certificate signing key: creates a local issuing CA and signing certificate in "
        "SIGNING_DIR when none exists (idempotent), then checks the configured key material."
    )

    def handle(self, *args, **options):
        if settings.SIGNING_PKCS12_FILE:
            self.stdout.write("Using the PKCS#12 file from SIGNING_PKCS12_FILE; nothing to create.")
            created_di = dikeys.ensure_key()
            if created_di:
                self.stdout.write(self.style.SUCCESS(f"Created the Data Integrity Ed25519 key: {created_di}"))
        else:
            try:
                created = signing.ensure_dev_material()
            except (OSError, ValueError) as exc:
                raise CommandError(str(exc))
            if created:
                self.stdout.write(self.style.SUCCESS("Created development signing material:"))
                for path in created:
                    self.stdout.write(f"  {path}")
            else:
                self.stdout.write("Signing key and certificate already present; nothing created.")
        try:
            material = signing.load_signing_material()
        except (ImproperlyConfigured, OSError, ValueError) as exc:
            raise CommandError(str(exc))
        cert = material.certificate
        self.stdout.write(f"Signer:  {cert.subject.rfc4514_string()}")
        self.stdout.write(f"Issuer:  {cert.issuer.rfc4514_string()}")
        self.stdout.write(
            f"Valid:   {cert.not_valid_before_utc:%Y-%m-%d} to {cert.not_valid_after_utc:%Y-%m-%d}"
        )
        self.stdout.write(f"SHA-256: {material.fingerprint}")
        try:
            self.stdout.write(f"Data Integrity key: {dikeys.key_path()}")
            self.stdout.write(f"  {dikeys.verification_method_id()}")
        except dikeys.DataIntegrityKeyMissing as exc:
            raise CommandError(exc.message)

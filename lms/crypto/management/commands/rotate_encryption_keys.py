"""manage.py rotate_encryption_keys [--batch-size N] [--dry-run]

After putting a new key first in FIELD_ENCRYPTION_KEYS (keeping the old ones after it), re-encrypt
every encrypted value under the new first key; then the old keys can be dropped. Safe to interrupt and
to run again: values already under the first key are skipped."""

from django.core.management.base import BaseCommand, CommandError

from lms.crypto.keys import keyring
from lms.crypto.registry import encrypted_fields
from lms.crypto.rotation import rotate_field

ERR_UNREADABLE = (
    "{count} value(s) could not be decrypted with any configured key (tried {tried}); do not drop any "
    "key until they are resolved. Rows: {rows}."
)
MSG_PROGRESS = "{field}: {seen}/{total} checked, {rotated} re-encrypted{dry}"
MSG_FIELD_DONE = (
    "{field}: {total} value(s); {current} already under the first key, {rotated} re-encrypted{dry}, "
    "{changed} changed meanwhile (left alone), {unreadable} unreadable."
)
MSG_DONE = "Done: every readable value is under key #1 (id {key_id}){dry}."


class Command(BaseCommand):
    help = "Re-encrypt every encrypted field under the first key of FIELD_ENCRYPTION_KEYS, in batches."

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=int, default=500, help="Rows per transaction (default 500).")
        parser.add_argument("--dry-run", action="store_true", help="Count what would change; write nothing.")

    def handle(self, *args, batch_size, dry_run, **options):
        if batch_size < 1:
            raise CommandError("--batch-size must be at least 1.")
        ring = keyring()
        dry = " (dry run: nothing written)" if dry_run else ""
        unreadable = []
        for model, field in encrypted_fields():
            tally = None
            for tally in rotate_field(model, field, batch_size=batch_size, dry_run=dry_run):
                self.stdout.write(
                    MSG_PROGRESS.format(
                        field=tally.field, seen=tally.seen, total=tally.total, rotated=tally.rotated, dry=dry
                    )
                )
            if tally is None:
                self.stdout.write(f"{model._meta.label}.{field.name}: no values.")
                continue
            self.stdout.write(
                MSG_FIELD_DONE.format(
                    field=tally.field,
                    total=tally.seen,
                    current=tally.current,
                    rotated=tally.rotated,
                    dry=" (would be)" if dry_run else "",
                    changed=tally.changed_meanwhile,
                    unreadable=len(tally.unreadable),
                )
            )
            unreadable += [f"{tally.field} #{pk}" for pk in tally.unreadable]
        if unreadable:
            raise CommandError(
                ERR_UNREADABLE.format(
                    count=len(unreadable), tried=ring.describe(), rows=", ".join(unreadable)
                )
            )
        self.stdout.write(self.style.SUCCESS(MSG_DONE.format(key_id=ring.ids[0], dry=dry)))

"""Rewrite sensitive values under FIELD_ENCRYPTION_KEYS: recovery dates from the old SECRET_KEY-derived
scheme, dates of birth from clear text. Rerunnable (values already under the current keys are left
alone); stops without changing anything if a value cannot be read (the message says what to set).
Reversible: back to the old scheme and to clear text."""

from django.db import migrations

from lms.crypto.legacy import downgrade_column, upgrade_column

# (table, column, encrypted before this release)
COLUMNS = [
    ("certificates_recoveryattestation", "recovery_start_date", True),
    ("certificates_birthdateattestation", "date_of_birth", False),
]


def forward(apps, schema_editor):
    for table, column, _was_encrypted in COLUMNS:
        upgrade_column(schema_editor.connection, table, column)


def backward(apps, schema_editor):
    for table, column, was_encrypted in COLUMNS:
        downgrade_column(schema_editor.connection, table, column, to_legacy=was_encrypted)


class Migration(migrations.Migration):
    dependencies = [("certificates", "0007_field_encryption_keys")]

    operations = [migrations.RunPython(forward, backward, elidable=False)]

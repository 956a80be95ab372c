"""Upgrading a database from before issue 9: recovery dates written under the old SECRET_KEY-derived
scheme (django-fernet-encrypted-fields) and dates of birth stored in clear are rewritten under
FIELD_ENCRYPTION_KEYS; a value the upgrade cannot read stops it with a message saying what to set, and
nothing is lost; migrating back restores the old formats."""

import base64
from datetime import date

import pytest
from cryptography.fernet import Fernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import override_settings

from lms.crypto.keys import keyring
from lms.crypto.legacy import ERR_UPGRADE_UNREADABLE

BEFORE = [("certificates", "0006_rules_as_data_constraints")]
RECOVERY = ("certificates_recoveryattestation", "recovery_start_date")
BIRTH = ("certificates_birthdateattestation", "date_of_birth")
EARLIER_SECRET = "the-secret-key-before-someone-rotated-it"


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def _leaf():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


def old_fernet(secret: str, salt: str) -> Fernet:
    """The library's key derivation, written out here independently of lms.crypto.legacy."""
    kdf = PBKDF2HMAC(algorithm=hashes.SHA256(), length=32, salt=salt.encode(), iterations=100_000)
    return Fernet(base64.urlsafe_b64encode(kdf.derive(secret.encode())))


def raw(table, column) -> dict:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT id, {column} FROM {table} ORDER BY id")
        return dict(cursor.fetchall())


def set_raw(table, column, pk, value):
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {table} SET {column} = %s WHERE id = %s", [value, pk])


def test_the_old_scheme_written_out_here_is_the_librarys():
    fields = pytest.importorskip("encrypted_fields.fields")
    token = old_fernet(settings.SECRET_KEY, settings.FIELD_ENCRYPTION_KEYS[0]).encrypt(b"2020-05-01").decode()
    with override_settings(SALT_KEY=settings.FIELD_ENCRYPTION_KEYS):
        assert fields.EncryptedDateField().to_python(token) == date(2020, 5, 1)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_upgrade_rewrites_old_rows_under_the_field_keys_and_back():
    salt = settings.FIELD_ENCRYPTION_KEYS[0]
    old = _migrate(BEFORE)
    try:
        User = old.get_model("lms", "User")
        Recovery = old.get_model("certificates", "RecoveryAttestation")
        Birth = old.get_model("certificates", "BirthDateAttestation")
        tess = User.objects.create(email="t@example.org", full_name="Tess Trainee")
        omar = User.objects.create(email="o@example.org", full_name="Omar Other")
        current = Recovery.objects.create(
            user=tess, recovery_start_date=date(2020, 5, 1), statement="I attest.", typed_name="Tess Trainee"
        )
        earlier = Recovery.objects.create(
            user=omar, recovery_start_date=date(2018, 1, 2), statement="I attest.", typed_name="Omar Other"
        )
        Birth.objects.create(user=tess, date_of_birth=date(1980, 2, 3), typed_name="Tess Trainee")
        # Exactly what the old release stored: one row under today's SECRET_KEY, one under an earlier one.
        set_raw(*RECOVERY, current.pk, old_fernet(settings.SECRET_KEY, salt).encrypt(b"2020-05-01").decode())
        set_raw(*RECOVERY, earlier.pk, old_fernet(EARLIER_SECRET, salt).encrypt(b"2018-01-02").decode())
        assert [str(v) for v in raw(*BIRTH).values()] == ["1980-02-03"]

        # The earlier secret is not configured: the upgrade stops, says what to set, and changes nothing.
        before = raw(*RECOVERY)
        with pytest.raises(ImproperlyConfigured) as exc:
            _migrate(_leaf())
        assert str(exc.value) == ERR_UPGRADE_UNREADABLE.format(table=RECOVERY[0], column=RECOVERY[1], count=1)
        assert "DJANGO_SECRET_KEY_FALLBACKS" in str(exc.value)
        assert raw(*RECOVERY) == before and [str(v) for v in raw(*BIRTH).values()] == ["1980-02-03"]

        with override_settings(SECRET_KEY_FALLBACKS=[EARLIER_SECRET]):
            _migrate(_leaf())
        ring = keyring()
        for token in [*raw(*RECOVERY).values(), *raw(*BIRTH).values()]:
            ring.first.decrypt(token.encode())  # under the field key now (InvalidToken otherwise)
        with override_settings(SECRET_KEY="a-new-secret-key", SECRET_KEY_FALLBACKS=[]):
            from certificates.models import BirthDateAttestation, RecoveryAttestation

            assert {a.user.email: a.recovery_start_date for a in RecoveryAttestation.objects.all()} == {
                "t@example.org": date(2020, 5, 1),
                "o@example.org": date(2018, 1, 2),
            }
            assert BirthDateAttestation.objects.get().date_of_birth == date(1980, 2, 3)

        # And back: the old scheme (under today's SECRET_KEY) and clear text.
        _migrate(BEFORE)
        legacy = old_fernet(settings.SECRET_KEY, salt)
        assert sorted(legacy.decrypt(t.encode()).decode() for t in raw(*RECOVERY).values()) == [
            "2018-01-02",
            "2020-05-01",
        ]
        assert [str(v) for v in raw(*BIRTH).values()] == ["1980-02-03"]
    finally:
        with override_settings(SECRET_KEY_FALLBACKS=[EARLIER_SECRET]):
            _migrate(_leaf())

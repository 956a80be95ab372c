"""The scheme this project used until issue 9 (django-fernet-encrypted-fields 0.4), kept only to read
and upgrade rows written under it: a Fernet key per (secret, salt) pair, derived with
PBKDF2-HMAC-SHA256(password=secret, salt=salt, 100 000 iterations, 32 bytes), where the secrets are
SECRET_KEY then SECRET_KEY_FALLBACKS and the salts were SALT_KEY, which the settings set to
FIELD_ENCRYPTION_KEYS. Its flaw: the real key came from SECRET_KEY, so rotating SECRET_KEY made every
value unreadable.

`LegacyEncryptedDateField` stands in for the library's field in the migrations that created the
column (certificates 0001), so the history replays without the library; `upgrade_column` and
`downgrade_column` are the data migration's two directions."""

from __future__ import annotations

import base64
import datetime as dt
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import models
from django.utils.dateparse import parse_date

from .fields import EncryptedFieldMixin, decrypt_text, encrypt_text

LEGACY_ITERATIONS = 100_000

ERR_UPGRADE_UNREADABLE = (
    "{table}.{column}: {count} stored value(s) can be read neither with FIELD_ENCRYPTION_KEYS nor with "
    "the old scheme (DJANGO_SECRET_KEY and DJANGO_SECRET_KEY_FALLBACKS, salted with "
    "FIELD_ENCRYPTION_KEYS). If DJANGO_SECRET_KEY or FIELD_ENCRYPTION_KEYS changed since they were "
    "written, put the earlier DJANGO_SECRET_KEY in DJANGO_SECRET_KEY_FALLBACKS and the earlier keys back "
    "in FIELD_ENCRYPTION_KEYS, then run migrate again. Nothing was changed."
)
ERR_DOWNGRADE_UNREADABLE = (
    "{table}.{column}: {count} stored value(s) cannot be decrypted with FIELD_ENCRYPTION_KEYS; "
    "nothing was changed."
)


def _secrets() -> list[str]:
    return [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]


def _salts() -> list[str]:
    salts = getattr(settings, "SALT_KEY", None) or settings.FIELD_ENCRYPTION_KEYS
    return [salts] if isinstance(salts, str) else list(salts)


@lru_cache(maxsize=4)
def _legacy_multi(secrets: tuple[str, ...], salts: tuple[str, ...]) -> MultiFernet:
    keys = []
    for secret in secrets:
        for salt in salts:
            kdf = PBKDF2HMAC(
                algorithm=hashes.SHA256(), length=32, salt=salt.encode("utf-8"), iterations=LEGACY_ITERATIONS
            )
            keys.append(Fernet(base64.urlsafe_b64encode(kdf.derive(secret.encode("utf-8")))))
    return MultiFernet(keys)


def legacy_fernet() -> MultiFernet:
    """The old key ring for the current settings (its first key is what the library encrypted with)."""
    return _legacy_multi(tuple(_secrets()), tuple(_salts()))


def legacy_decrypt(token: str) -> str:
    return legacy_fernet().decrypt(token.encode("ascii")).decode("utf-8")


def legacy_encrypt(text: str) -> str:
    return legacy_fernet().encrypt(text.encode("utf-8")).decode("ascii")


class LegacyEncryptedDateField(EncryptedFieldMixin, models.DateField):
    """The library's EncryptedDateField, for migration history only (never on a live model)."""

    def _encrypt(self, text: str) -> str:
        return legacy_encrypt(text)

    def _decrypt(self, token: str) -> str:
        return legacy_decrypt(token)

    def _describe_keys(self) -> str:
        return "the old SECRET_KEY-derived keys"

    def to_text(self, value) -> str:
        return value.isoformat()

    def from_text(self, text: str):
        return dt.date.fromisoformat(text)


def _plaintext(raw: str) -> str | None:
    """What a stored value says, by whichever scheme wrote it, or None if none can read it."""
    try:
        decrypt_text(raw)
        return None  # already under the current keys: nothing to do
    except (InvalidToken, ValueError):
        pass
    if parse_date(raw) is not None:
        return raw  # a column that was not encrypted before
    try:
        return legacy_decrypt(raw)
    except (InvalidToken, ValueError):
        raise LookupError(raw) from None


def _rows(cursor, table: str, column: str):
    cursor.execute(f"SELECT id, {column} FROM {table} WHERE {column} IS NOT NULL ORDER BY id")
    return cursor.fetchall()


def upgrade_column(connection, table: str, column: str) -> int:
    """Rewrite every value of `table.column` under FIELD_ENCRYPTION_KEYS, whether it was stored in the
    old scheme or in clear; values already under the current keys are left alone (rerunnable). Reads
    everything before writing anything, so an unreadable value changes nothing. Returns rows rewritten."""
    qn = connection.ops.quote_name
    updates, unreadable = [], 0
    with connection.cursor() as cursor:
        for pk, raw in _rows(cursor, qn(table), qn(column)):
            try:
                text = _plaintext(str(raw))
            except LookupError:
                unreadable += 1
                continue
            if text is not None:
                updates.append((encrypt_text(text), pk))
        if unreadable:
            raise ImproperlyConfigured(
                ERR_UPGRADE_UNREADABLE.format(table=table, column=column, count=unreadable)
            )
        cursor.executemany(f"UPDATE {qn(table)} SET {qn(column)} = %s WHERE id = %s", updates)
    return len(updates)


def downgrade_column(connection, table: str, column: str, *, to_legacy: bool) -> int:
    """The way back: the old scheme (`to_legacy`) or clear text (for a column that was not encrypted)."""
    qn = connection.ops.quote_name
    updates, unreadable = [], 0
    with connection.cursor() as cursor:
        for pk, raw in _rows(cursor, qn(table), qn(column)):
            try:
                text = decrypt_text(str(raw))
            except (InvalidToken, ValueError):
                unreadable += 1
                continue
            updates.append((legacy_encrypt(text) if to_legacy else text, pk))
        if unreadable:
            raise ImproperlyConfigured(
                ERR_DOWNGRADE_UNREADABLE.format(table=table, column=column, count=unreadable)
            )
        cursor.executemany(f"UPDATE {qn(table)} SET {qn(column)} = %s WHERE id = %s", updates)
    return len(updates)

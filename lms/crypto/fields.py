"""Model fields stored as Fernet tokens under FIELD_ENCRYPTION_KEYS (the first key encrypts, all
decrypt). The database only ever holds ciphertext, so these fields cannot be filtered or ordered on
in SQL: read them, then decide in Python.

A value no configured key can decrypt is read as `Unreadable` (shown as "unreadable, contact an
administrator" and logged) rather than failing the page; saving the row back keeps its ciphertext.
The start-up checks (checks.py) make sure this stays the exception of a damaged row, not the rule."""

from __future__ import annotations

import datetime as dt
import logging

from cryptography.fernet import InvalidToken
from django.db import models
from django.utils.translation import gettext_lazy as _

from .keys import keyring

logger = logging.getLogger(__name__)

UNREADABLE_LABEL = _("unreadable, contact an administrator")
LOG_UNREADABLE = "%s: a stored value cannot be decrypted with FIELD_ENCRYPTION_KEYS (tried %s)."


class Ciphertext(str):
    """A token that is already encrypted: written as it is (re-encryption, compare-and-set)."""


class Unreadable:
    """A stored value no configured key decrypts. Templates print it as UNREADABLE_LABEL (it has no
    date parts, so `|date` gives "" and `|default:value` the label); `.unreadable` is true."""

    __slots__ = ("token",)
    unreadable = True

    def __init__(self, token: str):
        self.token = token

    def __str__(self) -> str:
        return str(UNREADABLE_LABEL)

    def __repr__(self) -> str:
        return "<Unreadable encrypted value>"


def readable(value):
    """The value, or None when it cannot be decrypted (for API schemas that must stay typed)."""
    return None if isinstance(value, Unreadable) else value


def encrypt_text(text: str) -> str:
    return keyring().first.encrypt(text.encode("utf-8")).decode("ascii")


def decrypt_text(token: str) -> str:
    """Raises InvalidToken when no configured key decrypts `token`."""
    return keyring().multi.decrypt(token.encode("ascii")).decode("utf-8")


class EncryptedFieldMixin:
    """Stores `to_text(value)` encrypted in a text column; `from_text` turns it back."""

    def get_internal_type(self) -> str:
        return "TextField"

    def to_text(self, value) -> str:
        return str(value)

    def from_text(self, text: str):
        return text

    def _encrypt(self, text: str) -> str:
        return encrypt_text(text)

    def _decrypt(self, token: str) -> str:
        return decrypt_text(token)

    def _describe_keys(self) -> str:
        return keyring().describe()

    def get_prep_value(self, value):
        if isinstance(value, Unreadable):
            return value.token
        if isinstance(value, Ciphertext):
            return str(value)
        value = super().get_prep_value(value)
        if value is None or value == "":
            return None
        return self._encrypt(self.to_text(value))

    def get_db_prep_value(self, value, connection, prepared=False):
        # Skip the parent's date adaptation: the column holds the token, a string.
        return value if prepared else self.get_prep_value(value)

    def from_db_value(self, value, expression, connection):
        if value is None:
            return None
        try:
            return self.from_text(self._decrypt(value))
        except (InvalidToken, UnicodeError, ValueError, TypeError):
            logger.error(LOG_UNREADABLE, f"{self.model._meta.label}.{self.name}", self._describe_keys())
            return Unreadable(value)

    def to_python(self, value):
        if isinstance(value, Unreadable):
            return value
        return super().to_python(value)


class EncryptedDateField(EncryptedFieldMixin, models.DateField):
    """A date stored as its ISO text, encrypted."""

    def to_text(self, value: dt.date) -> str:
        return value.isoformat()

    def from_text(self, text: str) -> dt.date:
        return dt.date.fromisoformat(text)


class EncryptedTextField(EncryptedFieldMixin, models.TextField):
    """Free text stored encrypted (a trainee's written reflection: it may tell of their recovery)."""

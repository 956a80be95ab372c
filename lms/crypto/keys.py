"""FIELD_ENCRYPTION_KEYS as a key ring: the first key encrypts, every key decrypts.

Each entry is either a Fernet key (32 random bytes in URL-safe base64, 44 characters: what
`manage.py generate_encryption_key` prints) or 64 hexadecimal characters (the format this project used
before; 32 bytes from which a Fernet key is derived with HKDF-SHA256, so existing settings keep
working). Keys are never printed: messages name them by position and by a short one-way id."""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache

from cryptography.fernet import Fernet, MultiFernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

ERR_NO_KEYS = (
    "FIELD_ENCRYPTION_KEYS is empty: set at least one key (`manage.py generate_encryption_key` prints one)."
)
ERR_KEY_FORMAT = (
    "FIELD_ENCRYPTION_KEYS: key #{position} is neither a Fernet key (44 characters of URL-safe base64, "
    "as printed by `manage.py generate_encryption_key`) nor 64 hexadecimal characters."
)
ERR_DUPLICATE_KEY = "FIELD_ENCRYPTION_KEYS: key #{position} repeats key #{first}."

# Changing this would change every derived key: it is part of the stored data's format.
HKDF_INFO = b"lms.crypto field encryption key v1"
KEY_ID_PREFIX = b"lms.crypto key id v1:"
_HEX_KEY = re.compile(r"^[0-9a-fA-F]{64}$")


@dataclass(frozen=True)
class Keyring:
    fernets: tuple[Fernet, ...]
    ids: tuple[str, ...]
    multi: MultiFernet

    @property
    def first(self) -> Fernet:
        return self.fernets[0]

    def describe(self) -> str:
        """Which keys were tried, without the keys: "key #1 (id 1a2b3c4d), key #2 (id ...)"."""
        return ", ".join(f"key #{n} (id {key_id})" for n, key_id in enumerate(self.ids, start=1))


def fernet_key(value: str, *, position: int = 1) -> bytes:
    """The Fernet key for one configured entry; ImproperlyConfigured (without the value) if malformed."""
    value = (value or "").strip()
    if _HEX_KEY.match(value):
        derived = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=HKDF_INFO).derive(
            bytes.fromhex(value)
        )
        return base64.urlsafe_b64encode(derived)
    try:
        raw = base64.urlsafe_b64decode(value.encode("ascii"))
    except (binascii.Error, ValueError, UnicodeEncodeError):
        raw = b""
    if len(value) != 44 or len(raw) != 32:
        raise ImproperlyConfigured(ERR_KEY_FORMAT.format(position=position))
    return value.encode("ascii")


def key_id(key: bytes) -> str:
    """A short one-way fingerprint that names a key in messages and logs without revealing it."""
    return hashlib.sha256(KEY_ID_PREFIX + key).hexdigest()[:8]


def parse_keys(values) -> Keyring:
    if isinstance(values, str):
        values = [v for v in values.split(",")]
    values = [v for v in (values or []) if v and v.strip()]
    if not values:
        raise ImproperlyConfigured(ERR_NO_KEYS)
    keys: list[bytes] = []
    for position, value in enumerate(values, start=1):
        key = fernet_key(value, position=position)
        if key in keys:
            raise ImproperlyConfigured(ERR_DUPLICATE_KEY.format(position=position, first=keys.index(key) + 1))
        keys.append(key)
    fernets = tuple(Fernet(k) for k in keys)
    return Keyring(fernets=fernets, ids=tuple(key_id(k) for k in keys), multi=MultiFernet(fernets))


@lru_cache(maxsize=8)
def _cached(values: tuple[str, ...]) -> Keyring:
    return parse_keys(list(values))


def keyring() -> Keyring:
    """The key ring for the current settings (re-read when they change, so tests and rotations see it)."""
    values = settings.FIELD_ENCRYPTION_KEYS
    if isinstance(values, str):
        values = values.split(",")
    return _cached(tuple(values or ()))


def generate_key() -> str:
    return Fernet.generate_key().decode("ascii")

"""Re-encrypt every stored value under the first key of FIELD_ENCRYPTION_KEYS, in batches.

Resumable by construction: a value the first key already decrypts is skipped (one HMAC check and a
tiny AES decryption, no write), each batch commits on its own, and each write is a compare-and-set on
the old token, so a row someone changed meanwhile (necessarily under the first key) is left alone.
Interrupt it at any point and run it again."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from cryptography.fernet import InvalidToken
from django.db import transaction

from .fields import Ciphertext
from .keys import keyring
from .registry import label, raw_values


@dataclass
class FieldTally:
    field: str
    total: int = 0
    seen: int = 0
    current: int = 0
    rotated: int = 0
    changed_meanwhile: int = 0
    unreadable: list = field(default_factory=list)  # primary keys, never values


def rotate_field(model, model_field, *, batch_size: int, dry_run: bool = False) -> Iterator[FieldTally]:
    """Yield the running tally after each batch (committed unless `dry_run`)."""
    ring = keyring()
    values = raw_values(model, model_field)
    tally = FieldTally(label(model, model_field), total=values.count())
    last_pk = None
    while True:
        page = values.order_by("pk")
        if last_pk is not None:
            page = page.filter(pk__gt=last_pk)
        rows = list(page[:batch_size])
        if not rows:
            return
        with transaction.atomic(using=model._base_manager.db):
            for pk, token in rows:
                tally.seen += 1
                data = token.encode("ascii")
                try:
                    ring.first.decrypt(data)
                    tally.current += 1
                    continue
                except InvalidToken:
                    pass
                try:
                    new_token = ring.multi.rotate(data).decode("ascii")
                except InvalidToken:
                    tally.unreadable.append(pk)
                    continue
                if dry_run:
                    tally.rotated += 1
                    continue
                written = model._base_manager.filter(pk=pk, **{model_field.name: Ciphertext(token)}).update(
                    **{model_field.name: Ciphertext(new_token)}
                )
                if written:
                    tally.rotated += 1
                else:
                    tally.changed_meanwhile += 1
        last_pk = rows[-1][0]
        yield tally

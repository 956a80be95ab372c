"""Refuse to run with keys that cannot read the stored data, before anyone opens a page.

`verify_encrypted_data()` decrypts a sample of every encrypted column (the oldest and the newest rows:
a key dropped too early shows on the oldest, a wrong key list on all) and raises ImproperlyConfigured
naming the field and the keys tried (by position and one-way id, never the keys). lms/wsgi.py runs it
before serving and lms/celery.py before a worker takes tasks; the same test is a Django system check
tagged `database` (`manage.py check --database default`, and every `migrate`)."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from cryptography.fernet import InvalidToken
from django.core import checks
from django.core.exceptions import ImproperlyConfigured
from django.db import OperationalError, connections, router

from .fields import decrypt_text
from .keys import keyring
from .legacy import legacy_decrypt
from .registry import encrypted_fields, label, raw_values

logger = logging.getLogger(__name__)

SAMPLE_SIZE = 20
ERR_UNDECRYPTABLE = (
    "{field}: {failed} of {checked} sampled encrypted values cannot be decrypted with "
    "FIELD_ENCRYPTION_KEYS (tried {tried}). The key list is wrong, or a key still in use was removed "
    "before `manage.py rotate_encryption_keys` finished: restore the earlier key list "
    '(docs/operations.md, "Field encryption keys").'
)
LOG_SKIPPED = "Field encryption keys not checked against the data: the database is unreachable (%s)."
ERR_LEGACY = (
    "{field}: {failed} of {checked} sampled values are still in the old SECRET_KEY-derived format: "
    "run `manage.py migrate` (with the DJANGO_SECRET_KEY they were written under) before starting."
)


@dataclass(frozen=True)
class Problem:
    field: str
    checked: int
    failed: int
    legacy: bool

    @property
    def message(self) -> str:
        if self.legacy:
            return ERR_LEGACY.format(field=self.field, failed=self.failed, checked=self.checked)
        return ERR_UNDECRYPTABLE.format(
            field=self.field, failed=self.failed, checked=self.checked, tried=keyring().describe()
        )


def _sample(model, field, size: int) -> list[str]:
    values = raw_values(model, field)
    oldest = list(values.order_by("pk")[:size])
    newest = list(values.order_by("-pk")[:size])
    return [token for _pk, token in dict(oldest + newest).items()]


def _readable(token: str, decrypt) -> bool:
    try:
        decrypt(token)
    except (InvalidToken, ValueError):
        return False
    return True


def find_problems(*, sample_size: int = SAMPLE_SIZE, databases=None) -> list[Problem]:
    problems = []
    for model, field in encrypted_fields():
        alias = router.db_for_read(model)
        if databases is not None and alias not in databases:
            continue
        # Before the first migrate there is nothing to read (and nothing to protect).
        if model._meta.db_table not in connections[alias].introspection.table_names():
            continue
        tokens = _sample(model, field, sample_size)
        failed = [t for t in tokens if not _readable(t, decrypt_text)]
        if failed:
            legacy = all(_readable(t, legacy_decrypt) for t in failed)
            problems.append(Problem(label(model, field), len(tokens), len(failed), legacy))
    return problems


def verify_encrypted_data(*, sample_size: int = SAMPLE_SIZE) -> None:
    """Raise ImproperlyConfigured if the configured keys cannot read the stored data."""
    keyring()  # a malformed key list fails here, with its own message
    try:
        problems = find_problems(sample_size=sample_size)
    except OperationalError as exc:
        # No database yet (starting before it): nothing can be shown either, so don't refuse to start;
        # the next start, `check --database` or `migrate` checks the keys.
        logger.warning(LOG_SKIPPED, exc.__class__.__name__)
        return
    finally:
        # Gunicorn (--preload) and Celery fork after this: no connection may cross into the children.
        # (Inside a transaction, i.e. in a test, closing would doom it: leave that one alone.)
        for connection in connections.all(initialized_only=True):
            if not connection.in_atomic_block:
                connection.close()
    if problems:
        message = "\n".join(p.message for p in problems)
        logger.critical(message)
        raise ImproperlyConfigured(message)


def check_encrypted_data(app_configs=None, databases=None, **kwargs):
    if not databases:
        return []
    try:
        keyring()
    except ImproperlyConfigured as exc:
        return [checks.Error(str(exc), id="crypto.E001")]
    return [
        checks.Warning(p.message, id="crypto.W001") if p.legacy else checks.Error(p.message, id="crypto.E002")
        for p in find_problems(databases=databases)
    ]


def register() -> None:
    checks.register(check_encrypted_data, checks.Tags.database)

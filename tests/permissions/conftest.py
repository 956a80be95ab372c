import pytest
from django.conf import settings
from django.db import transaction
from django.test import override_settings

from .world import build_world


def rolled_back_block():
    """An atomic block to roll back, marked like Django's TestCase blocks so that services' durable
    blocks (the email outbox) may run inside it, as they do inside any test."""
    block = transaction.atomic()
    block._from_testcase = True
    return block


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, tmp_path_factory):
    """The matrix world, built once per module inside a transaction that is rolled back afterwards;
    each test (pytest-django's `db`) and each request in it roll back inside that transaction."""
    storages = {
        **settings.STORAGES,
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path_factory.mktemp("private")), "base_url": None},
        },
    }
    overrides = override_settings(
        STORAGES=storages,
        SITE_URL="https://certs.example.org",
        # One client address makes every request of the matrix: keep verification limits out of the way.
        VERIFY_RATE_LIMITS={"verify": 100_000, "verify-pdf": 100_000},
    )
    with django_db_blocker.unblock(), overrides, rolled_back_block():
        built = build_world()
        yield built
        transaction.set_rollback(True)

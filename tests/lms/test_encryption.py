"""Sensitive fields are encrypted under FIELD_ENCRYPTION_KEYS, not SECRET_KEY: changing SECRET_KEY
changes nothing; keys rotate with `manage.py rotate_encryption_keys` (resumably) without losing a
value; keys that cannot read the data stop the web server, the worker and `check --database` with a
message naming the field, never a key."""

import importlib
import io
import sys
from datetime import date

import pytest
from cryptography.fernet import Fernet, InvalidToken
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.core.management.base import CommandError, SystemCheckError
from django.db import connection
from django.test import override_settings
from django.urls import reverse

from certificates.applicant import services as applicant_services
from certificates.recovery import services as recovery_services
from lms.crypto import keys
from lms.crypto.checks import ERR_UNDECRYPTABLE
from lms.crypto.management.commands.rotate_encryption_keys import ERR_UNREADABLE

pytestmark = pytest.mark.django_db

START = date(2021, 3, 4)
BORN = date(1985, 7, 9)
OLD_KEY = settings.FIELD_ENCRYPTION_KEYS[0]  # the test settings' key, in the 64-hex format
NEW_KEY = "HG2-s7En3S8CXYdsEm2vqpzUICNgkbsqHQk5e1hii5Q="
WRONG_KEY = "IgfCao0GJwm0fzy-Fvxe3HxBWGpciSpKn_9COdhEn74="
TABLE = "certificates_recoveryattestation"


def attest(user, start=START):
    return recovery_services.recovery_attest(user=user, recovery_start_date=start, typed_name=user.full_name)


def attest_birth(user):
    return applicant_services.birth_date_attest(user=user, date_of_birth=BORN, typed_name=user.full_name)


def tokens(table=TABLE, column="recovery_start_date") -> dict[int, str]:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT id, {column} FROM {table} ORDER BY id")
        return dict(cursor.fetchall())


def under(key: str, token: str) -> bool:
    try:
        Fernet(keys.fernet_key(key)).decrypt(token.encode())
    except InvalidToken:
        return False
    return True


def pages(client, trainee, admin) -> dict:
    client.force_login(trainee)
    out = {
        "recovery": client.get(reverse("certificates:recovery")),
        "details": client.get(reverse("certificates:details")),
        "dashboard": client.get(reverse("certificates:dashboard")),
        "api_recovery": client.get("/api/v1/recovery-attestation"),
        "api_details": client.get("/api/v1/me/details"),
    }
    client.force_login(admin)
    out["admin"] = client.get(reverse("certificates:trainee", args=[trainee.pk]) + "?recovery=1&details=1")
    return out


def assert_dates_shown(responses):
    assert {name: r.status_code for name, r in responses.items()} == dict.fromkeys(responses, 200)
    assert "March 4, 2021" in responses["recovery"].content.decode()
    assert "July 9, 1985" in responses["details"].content.decode()
    admin = responses["admin"].content.decode()
    assert "March 4, 2021" in admin and "July 9, 1985" in admin
    assert responses["api_recovery"].json()["current"]["recovery_start_date"] == "2021-03-04"
    assert responses["api_details"].json()["birth_date"]["date_of_birth"] == "1985-07-09"


def test_changing_secret_key_changes_nothing(client, trainee, program_admin):
    attest(trainee)
    attest_birth(trainee)
    with override_settings(SECRET_KEY="an-entirely-new-secret-key-after-rotation", SECRET_KEY_FALLBACKS=[]):
        assert_dates_shown(pages(client, trainee, program_admin))


def test_dates_of_birth_are_encrypted_at_rest(trainee):
    attest_birth(trainee)
    [raw] = tokens("certificates_birthdateattestation", "date_of_birth").values()
    assert "1985" not in raw and under(OLD_KEY, raw)


def test_rotating_keys_loses_nothing(client, trainee, other_trainee, program_admin):
    attest(trainee, date(2020, 1, 1))
    attest(trainee)  # the first one stays, superseded: history is rotated too
    attest(other_trainee)
    attest_birth(trainee)
    with override_settings(FIELD_ENCRYPTION_KEYS=[NEW_KEY, OLD_KEY]):
        out = io.StringIO()
        call_command("rotate_encryption_keys", "--batch-size", "2", stdout=out)
    assert "3 value(s); 0 already under the first key, 3 re-encrypted" in out.getvalue()
    assert all(under(NEW_KEY, t) and not under(OLD_KEY, t) for t in tokens().values())
    [birth] = tokens("certificates_birthdateattestation", "date_of_birth").values()
    assert under(NEW_KEY, birth)
    with override_settings(FIELD_ENCRYPTION_KEYS=[NEW_KEY]):  # the old key dropped
        assert_dates_shown(pages(client, trainee, program_admin))
        call_command("check", "--database", "default", stdout=io.StringIO())


def test_rotation_is_resumable(trainee):
    from tests.factories import TraineeFactory

    for user in [trainee, *TraineeFactory.create_batch(4)]:
        attest(user)
    before = tokens()

    class Interrupted(io.StringIO):
        def write(self, text):
            if "checked" in text:  # the first batch is committed and reported: stop here, like Ctrl-C
                raise KeyboardInterrupt
            return super().write(text)

    with override_settings(FIELD_ENCRYPTION_KEYS=[NEW_KEY, OLD_KEY]):
        with pytest.raises(KeyboardInterrupt):
            call_command("rotate_encryption_keys", "--batch-size", "2", stdout=Interrupted())
        halfway = tokens()
        assert [under(NEW_KEY, t) for t in halfway.values()] == [True, True, False, False, False]
        out = io.StringIO()
        call_command("rotate_encryption_keys", "--batch-size", "2", stdout=out)
        assert "5 value(s); 2 already under the first key, 3 re-encrypted" in out.getvalue()
        again = io.StringIO()
        call_command("rotate_encryption_keys", "--batch-size", "2", stdout=again)
        assert "5 value(s); 5 already under the first key, 0 re-encrypted" in again.getvalue()
    after = tokens()
    assert {pk: after[pk] for pk in list(after)[:2]} == {pk: halfway[pk] for pk in list(halfway)[:2]}
    assert all(after[pk] != before[pk] for pk in before)
    with override_settings(FIELD_ENCRYPTION_KEYS=[NEW_KEY]):
        from certificates.models import RecoveryAttestation

        assert {a.recovery_start_date for a in RecoveryAttestation.objects.all()} == {START}


def test_dry_run_writes_nothing(trainee):
    attest(trainee)
    before = tokens()
    with override_settings(FIELD_ENCRYPTION_KEYS=[NEW_KEY, OLD_KEY]):
        out = io.StringIO()
        call_command("rotate_encryption_keys", "--dry-run", stdout=out)
    assert tokens() == before
    assert "1 re-encrypted (would be)" in out.getvalue() and "nothing written" in out.getvalue()


def test_rotation_reports_values_no_key_can_read(trainee):
    attest(trainee)
    with override_settings(FIELD_ENCRYPTION_KEYS=[NEW_KEY]):  # the old key dropped too early
        with pytest.raises(CommandError) as exc:
            call_command("rotate_encryption_keys", stdout=io.StringIO())
    ring = keys.parse_keys([NEW_KEY])
    pk = next(iter(tokens()))
    assert str(exc.value) == ERR_UNREADABLE.format(
        count=1, tried=ring.describe(), rows=f"certificates.RecoveryAttestation.recovery_start_date #{pk}"
    )


def _expected_wrong_key_message():
    return ERR_UNDECRYPTABLE.format(
        field="certificates.RecoveryAttestation.recovery_start_date",
        failed=1,
        checked=1,
        tried=keys.parse_keys([WRONG_KEY]).describe(),
    )


def test_wrong_key_stops_the_web_server_at_start_up(trainee):
    attest(trainee)
    sys.modules.pop("lms.wsgi", None)
    importlib.import_module("lms.wsgi")  # the right keys: it starts
    sys.modules.pop("lms.wsgi", None)
    with override_settings(FIELD_ENCRYPTION_KEYS=[WRONG_KEY]), pytest.raises(ImproperlyConfigured) as exc:
        importlib.import_module("lms.wsgi")
    sys.modules.pop("lms.wsgi", None)
    message = str(exc.value)
    assert message == _expected_wrong_key_message()
    assert WRONG_KEY not in message and OLD_KEY not in message
    assert "key #1 (id " in message and "docs/operations.md" in message


# Celery's Django fixup, also a worker_init receiver, warns when the signal has no worker as sender,
# and closes the database connection, as it does in a real worker: outside a test transaction (on
# PostgreSQL a connection closed inside one cannot be used again), so the check reconnects as a worker would.
@pytest.mark.filterwarnings("ignore::celery.fixups.django.FixupWarning")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_wrong_key_stops_the_celery_worker_before_it_takes_a_task(trainee):
    from celery.signals import worker_init

    attest(trainee)
    worker_init.send(sender=None)  # the right keys: nothing happens
    with override_settings(FIELD_ENCRYPTION_KEYS=[WRONG_KEY]), pytest.raises(SystemExit) as exc:
        worker_init.send(sender=None)
    assert str(exc.value) == f"ImproperlyConfigured: {_expected_wrong_key_message()}"


def test_wrong_key_fails_the_database_system_check(trainee):
    attest(trainee)
    call_command("check", "--database", "default", stdout=io.StringIO())
    with override_settings(FIELD_ENCRYPTION_KEYS=[WRONG_KEY]), pytest.raises(SystemCheckError) as exc:
        call_command("check", "--database", "default", stdout=io.StringIO())
    assert "crypto.E002" in str(exc.value) and _expected_wrong_key_message() in str(exc.value)


def test_start_up_check_samples_the_oldest_rows_too(trainee):
    """A key dropped before the rotation finished leaves the oldest rows unreadable: with a sample of
    one from each end, the check still finds the one old row among four."""
    from tests.factories import TraineeFactory

    attest(trainee)
    with override_settings(FIELD_ENCRYPTION_KEYS=[NEW_KEY, OLD_KEY]):
        for user in TraineeFactory.create_batch(3):
            attest(user)
    from lms.crypto.checks import verify_encrypted_data

    with override_settings(FIELD_ENCRYPTION_KEYS=[NEW_KEY]):
        with pytest.raises(ImproperlyConfigured, match="1 of 2 sampled"):
            verify_encrypted_data(sample_size=1)


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ([], keys.ERR_NO_KEYS),
        (["not-a-key"], keys.ERR_KEY_FORMAT.format(position=1)),
        ([NEW_KEY, "ab" * 31], keys.ERR_KEY_FORMAT.format(position=2)),
        ([NEW_KEY, OLD_KEY, NEW_KEY], keys.ERR_DUPLICATE_KEY.format(position=3, first=1)),
    ],
)
def test_malformed_keys_are_refused_with_their_position(values, message):
    with pytest.raises(ImproperlyConfigured) as exc:
        keys.parse_keys(values)
    assert str(exc.value) == message
    assert all(v not in str(exc.value) for v in values)


def test_production_refuses_a_malformed_key():
    from tests.test_settings import run_python

    result = run_python(
        "import lms.settings.production", DJANGO_SECRET_KEY="s" * 50, FIELD_ENCRYPTION_KEYS=f"{NEW_KEY},oops"
    )
    assert result.returncode != 0
    assert keys.ERR_KEY_FORMAT.format(position=2) in result.stderr and "oops" not in result.stderr


def test_generated_keys_are_fernet_keys():
    out = io.StringIO()
    call_command("generate_encryption_key", stdout=out)
    key = out.getvalue().strip()
    assert keys.parse_keys([key]).first.decrypt(Fernet(key.encode()).encrypt(b"x")) == b"x"


def test_a_server_started_before_its_database_still_starts():
    """Nothing to check and nothing to show without a database: the web process starts and says so."""
    from tests.test_settings import run_python

    result = run_python(
        "import lms.wsgi; print('started')",
        DJANGO_SETTINGS_MODULE="lms.settings.test",
        DATABASE_URL="postgres://nobody:nothing@127.0.0.1:9/none",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["started"]
    assert "Field encryption keys not checked against the data: the database is unreachable" in result.stderr

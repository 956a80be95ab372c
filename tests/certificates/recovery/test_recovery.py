"""Recovery attestation: encrypted at rest, history kept, staff reads audited (without the date), nobody
else on staff can read it, never logged."""

import logging
from datetime import date, timedelta

import pytest
from django.db import connection
from django.utils import timezone

from certificates.models import RecoveryAttestation
from certificates.recovery import selectors as recovery_selectors
from certificates.recovery import services as recovery_services
from lms.errors import Forbidden, Invalid
from lms.models import AuditEvent

from ..conftest import date_formats

pytestmark = pytest.mark.django_db
START = date(2021, 3, 4)


def attest(user, start=START, name=None):
    return recovery_services.recovery_attest(
        user=user, recovery_start_date=start, typed_name=name or user.full_name
    )


def test_date_is_encrypted_at_rest(trainee):
    attest(trainee)
    with connection.cursor() as cursor:
        cursor.execute("SELECT recovery_start_date FROM certificates_recoveryattestation")
        [(raw,)] = cursor.fetchall()
    assert all(fmt not in raw for fmt in date_formats(START))
    assert raw.startswith("gAAAA")  # a Fernet token
    assert RecoveryAttestation.objects.get().recovery_start_date == START


def test_new_attestation_supersedes_and_keeps_history(trainee):
    first = attest(trainee)
    second = attest(trainee, start=date(2023, 9, 1))
    first.refresh_from_db()
    assert not first.is_current and first.superseded_at is not None
    assert second.is_current
    assert recovery_selectors.recovery_attestation_own(user=trainee) == second
    assert list(recovery_selectors.recovery_history_own(user=trainee)) == [second, first]
    assert RecoveryAttestation.objects.filter(user=trainee, is_current=True).count() == 1


@pytest.mark.parametrize(
    ("start", "name", "message"),
    [
        (timezone.localdate() + timedelta(days=1), None, recovery_services.ERR_RECOVERY_DATE_FUTURE),
        (date(1899, 12, 31), None, recovery_services.ERR_RECOVERY_DATE_OLD),
        (START, "Someone Else", None),
    ],
)
def test_bad_attestations_change_nothing(trainee, start, name, message):
    previous = attest(trainee)
    with pytest.raises(Invalid) as exc:
        attest(trainee, start=start, name=name)
    if message:
        assert exc.value.message == message
    previous.refresh_from_db()
    assert previous.is_current and RecoveryAttestation.objects.count() == 1


def test_today_is_a_valid_start(trainee):
    assert attest(trainee, start=timezone.localdate()).is_current


def test_staff_read_only_by_program_admin_and_audited_without_the_date(
    trainee, program_admin, instructor, supervisor
):
    attest(trainee)
    for person in (instructor, supervisor, trainee):
        with pytest.raises(Forbidden):
            recovery_services.recovery_attestation_read_for_staff(actor=person, user=trainee)
    assert not AuditEvent.objects.filter(action="recovery.read_by_staff").exists()
    rows = recovery_services.recovery_attestation_read_for_staff(actor=program_admin, user=trainee)
    assert rows[0].recovery_start_date == START
    event = AuditEvent.objects.get(action="recovery.read_by_staff")
    assert event.actor == program_admin and event.subject == trainee


def test_audit_trail_and_logs_never_hold_the_date(trainee, program_admin, caplog):
    caplog.set_level(logging.DEBUG)
    attest(trainee)
    attest(trainee, start=date(2022, 11, 30))
    recovery_services.recovery_attestation_read_for_staff(actor=program_admin, user=trainee)
    text = repr(list(AuditEvent.objects.values_list("action", "target_repr", "details")))
    text += caplog.text
    for d in (START, date(2022, 11, 30)):
        for fmt in date_formats(d):
            assert fmt not in text, fmt
    assert "recovery.attested" in text  # the events are there, just not the date


def test_str_never_shows_the_date(trainee):
    a = attest(trainee)
    assert "2021" not in str(a)

"""A single stored value that no configured key can decrypt (a damaged row, a value restored from
elsewhere) never answers 500: the pages say "unreadable, contact an administrator", the API gives null,
eligibility counts it as not attested, the error is logged (without the value), and saving the row
back keeps its ciphertext."""

import logging

import pytest
from cryptography.fernet import Fernet
from django.db import connection
from django.urls import reverse

from certificates.applicant import services as applicant_services
from certificates.models import BirthDateAttestation, RecoveryAttestation
from lms.crypto.fields import LOG_UNREADABLE, UNREADABLE_LABEL

pytestmark = pytest.mark.django_db

# A token under a key the site does not have.
FOREIGN = Fernet(Fernet.generate_key()).encrypt(b"2019-01-01").decode()


def _damage(table, column, pk):
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {table} SET {column} = %s WHERE id = %s", [FOREIGN, pk])


@pytest.fixture
def damaged(world):
    """The world's trainee, whose recovery date and date of birth cannot be decrypted."""
    applicant_services.birth_date_attest(
        user=world.trainee,
        date_of_birth=world.recovery_start.replace(year=1980),
        typed_name=world.trainee.full_name,
    )
    recovery = RecoveryAttestation.objects.get(user=world.trainee)
    birth = BirthDateAttestation.objects.get(user=world.trainee)
    _damage("certificates_recoveryattestation", "recovery_start_date", recovery.pk)
    _damage("certificates_birthdateattestation", "date_of_birth", birth.pk)
    return world


def test_trainee_pages_say_unreadable_instead_of_failing(client, damaged, caplog):
    caplog.set_level(logging.ERROR, logger="lms.crypto.fields")
    client.force_login(damaged.trainee)
    label = str(UNREADABLE_LABEL)
    for name in ("certificates:recovery", "certificates:details"):
        response = client.get(reverse(name))
        assert response.status_code == 200
        assert label in response.content.decode()
    dashboard = client.get(reverse("certificates:dashboard"))
    assert dashboard.status_code == 200
    api = client.get("/api/v1/recovery-attestation")
    assert api.status_code == 200 and api.json()["current"]["recovery_start_date"] is None
    details = client.get("/api/v1/me/details")
    assert details.status_code == 200 and details.json()["birth_date"]["date_of_birth"] is None
    assert LOG_UNREADABLE.split("%s")[1].strip(": ") in caplog.text
    assert "certificates.RecoveryAttestation.recovery_start_date" in caplog.text
    assert "certificates.BirthDateAttestation.date_of_birth" in caplog.text
    assert FOREIGN not in caplog.text


def test_administrator_pages_say_unreadable_instead_of_failing(client, damaged):
    client.force_login(damaged.admin)
    page = client.get(reverse("certificates:trainee", args=[damaged.trainee.pk]) + "?recovery=1&details=1")
    assert page.status_code == 200
    assert page.content.decode().count(str(UNREADABLE_LABEL)) == 2
    cohort = client.get(reverse("certificates:cohort", args=[damaged.program.slug]))
    assert cohort.status_code == 200


def test_eligibility_counts_an_unreadable_date_as_not_attested(damaged):
    from certificates.eligibility import selectors

    [progress] = selectors.my_eligibility(user=damaged.trainee)
    [recovery] = [r for r in progress.eligibility.results if r.is_sensitive]
    assert not recovery.met and recovery.met_on is None  # readable, it would be met on recovery_met_on
    assert str(recovery.missing) == "No recovery attestation yet"


def test_saving_an_unreadable_row_back_keeps_its_ciphertext(damaged):
    attestation = RecoveryAttestation.objects.get(user=damaged.trainee)
    attestation.typed_name = "Corrected Name"
    attestation.save()
    with connection.cursor() as cursor:
        cursor.execute("SELECT recovery_start_date FROM certificates_recoveryattestation")
        [(raw,)] = cursor.fetchall()
    assert raw == FOREIGN

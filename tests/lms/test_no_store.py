"""Nothing sent to a signed-in person is stored by a browser or a shared cache (their pages carry
recovery dates, hours and certificates): `Cache-Control: no-store, private`. Anonymous public pages
(the catalogue, verification) stay cacheable."""

from datetime import timedelta

import pytest
from django.utils import timezone

from certificates.models import Requirement
from certificates.recovery import services as recovery_services
from tests.certificates.factories import VersionFactory, add_requirement, enroll

pytestmark = pytest.mark.django_db


@pytest.fixture
def program(trainee):
    version = VersionFactory(program__slug="peer-recovery", program__name="Peer Recovery")
    add_requirement(version, Requirement.Kind.RECOVERY_MONTHS, months=12)
    enroll(trainee, version)
    start = timezone.localdate() - timedelta(days=200)
    recovery_services.recovery_attest(user=trainee, recovery_start_date=start, typed_name=trainee.full_name)
    return version.program


def assert_not_stored(response):
    assert response.status_code == 200, response.status_code
    directives = {d.strip() for d in response.get("Cache-Control", "").split(",")}
    assert {"no-store", "private"} <= directives, response.get("Cache-Control")


@pytest.mark.parametrize(
    "path",
    [
        "/certification/",  # the checklist: recovery requirement and when it is met
        "/certification/recovery/",  # the recovery attestation page
        "/api/v1/eligibility",
        "/api/v1/recovery-attestation",
    ],
)
def test_trainee_pages_and_api_answers_are_not_stored(client, trainee, program, path):
    client.force_login(trainee)
    assert_not_stored(client.get(path))


def test_trainee_file_and_cohort_page_and_csv_are_not_stored_for_administrators(
    client, trainee, program_admin, program
):
    client.force_login(program_admin)
    assert_not_stored(client.get(f"/certification/manage/trainees/{trainee.pk}/"))
    assert_not_stored(client.get(f"/certification/manage/programs/{program.slug}/cohort/"))
    csv = client.get(f"/certification/manage/programs/{program.slug}/cohort.csv")
    assert csv["Content-Type"].startswith("text/csv")
    assert_not_stored(csv)
    assert_not_stored(client.get(f"/api/v1/programs/{program.slug}/eligibility"))


def test_public_pages_for_anonymous_visitors_stay_cacheable(client, catalogue):
    for path in ("/courses/", "/verify/"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert "no-store" not in response.get("Cache-Control", ""), path


def test_the_same_public_page_is_not_stored_once_signed_in(client, catalogue, trainee):
    """Signed in, the header shows the person's name: a shared cache must not keep it."""
    client.force_login(trainee)
    assert_not_stored(client.get("/courses/"))

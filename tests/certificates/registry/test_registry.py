"""The public registry: holders opt in (POST, audited, off by default) and out (at once); anyone finds
opted-in holders by the words of their name and by state, page or API, 25 a page at a constant number
of queries; bad input is a clear 422, never a 500; searches are rate-limited (scope "registry")."""

import secrets
from datetime import date, timedelta

import pytest
from django.test import Client
from django.utils import timezone
from django.utils.formats import date_format

from certificates.issuing.codes import format_code, generate_code
from certificates.models import Certificate, CertificateApplication, RegistryListing
from certificates.recovery import services as recovery_services
from certificates.registry import services
from lms.audit import AuditEvent
from tests.factories import ProgramAdminFactory, TraineeFactory

from ..factories import ProgramFactory, VersionFactory

pytestmark = pytest.mark.django_db

API = "/api/v1/registry"
PAGE = "/registry/"


def fresh_ip() -> str:
    return f"10.{secrets.randbelow(250)}.{secrets.randbelow(250)}.{secrets.randbelow(250) + 1}"


@pytest.fixture(autouse=True)
def _roomy_rate_limits(settings):
    settings.VERIFY_RATE_LIMITS = {"verify": 10_000, "verify-pdf": 10_000, "registry": 10_000}


@pytest.fixture
def ky_version(db):
    program = ProgramFactory(name="Peer Support Specialist (Kentucky)", jurisdiction="KY")
    return VersionFactory(program=program, label="2024")


@pytest.fixture
def national_version(db):
    return VersionFactory(
        program=ProgramFactory(name="National Peer Recovery", jurisdiction=""), label="2024"
    )


def certify(user, version, *, status=Certificate.Status.ISSUED, expires_on=None) -> Certificate:
    """An issued certificate row (no PDF rendered: the registry reads the register only)."""
    today = timezone.localdate()
    application = CertificateApplication.objects.create(
        user=user, version=version, program=version.program, status="issued"
    )
    return Certificate.objects.create(
        application=application,
        holder=user,
        version=version,
        program=version.program,
        code=generate_code(),
        status_list_index=9000 + Certificate.objects.count(),
        status=status,
        snapshot={"holder_name": user.full_name, "program_name": version.program.name, "version": "2024"},
        issued_on=today - timedelta(days=30),
        expires_on=expires_on if expires_on is not None else today + timedelta(days=700),
        issued_at=timezone.now(),
        sha256="0" * 64,
        pdf_name="certificates/fake.pdf",
    )


def listed_holder(name, version, **kwargs):
    user = TraineeFactory(full_name=name)
    certificate = certify(user, version, **kwargs)
    services.registry_opt_in(user=user)
    return user, certificate


def search(client=None, **params):
    return (client or Client()).get(API, params)


def names(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [r["holder_name"] for r in response.json()["results"]]


# --- Finding people ---------------------------------------------------------------------------------


def test_only_opted_in_holders_are_found_by_the_words_of_their_name(ky_version):
    listed, certificate = listed_holder("Jordan Avery Lee", ky_version)
    unlisted = TraineeFactory(full_name="Jordan Leeds")
    certify(unlisted, ky_version)
    for query in ("lee", "LEE", "jordan lee", "Jor Le", "  avery  ", "jordan\x00 lee"):
        assert names(search(name=query)) == ["Jordan Avery Lee"], query
    for query in ("ee", "ordan", "Jordan Leex", "Smith"):
        assert names(search(name=query)) == [], query
    body = search(name="lee").json()["results"][0]
    assert body == {
        "holder_name": "Jordan Avery Lee",
        "credential": "Peer Support Specialist (Kentucky)",
        "state": "KY",
        "status": "current",
        "status_label": "Valid",
        "issued_on": certificate.issued_on.isoformat(),
        "expires_on": certificate.expires_on.isoformat(),
        "code": format_code(certificate.code),
        "verify_url": f"http://testserver/verify/{format_code(certificate.code)}/"
        if body["verify_url"].startswith("http://testserver")
        else body["verify_url"],
    }
    assert body["verify_url"].endswith(f"/verify/{format_code(certificate.code)}/")
    assert listed.email not in str(search(name="lee").content)


def test_state_filters_by_the_programs_state(ky_version, national_version):
    listed_holder("Sam Rivera", ky_version)
    listed_holder("Sam Ortiz", national_version)
    assert names(search(name="sam")) == ["Sam Ortiz", "Sam Rivera"]
    assert names(search(name="sam", state="KY")) == ["Sam Rivera"]
    assert names(search(name="sam", state="ky")) == ["Sam Rivera"]
    assert names(search(name="sam", state="OH")) == []


def test_statuses_are_shown_honestly_and_unissued_ones_never(ky_version):
    today = timezone.localdate()
    user, _ = listed_holder("Casey Morgan", ky_version)

    def other():  # one certification per person and program is open at a time (a constraint)
        return VersionFactory(program=ProgramFactory(jurisdiction="KY"))

    certify(user, other(), status=Certificate.Status.REVOKED)
    certify(user, other(), status=Certificate.Status.SUSPENDED)
    certify(user, other(), expires_on=today - timedelta(days=1))
    certify(user, other(), status=Certificate.Status.PENDING)
    certify(user, other(), status=Certificate.Status.CANCELLED)
    statuses = sorted(r["status"] for r in search(name="casey").json()["results"])
    assert statuses == ["current", "expired", "revoked", "suspended"]


def test_the_page_shows_name_credential_status_dates_and_code_and_nothing_private(ky_version):
    user, certificate = listed_holder("Robin Hayes", ky_version)
    recovery_start = date(2018, 7, 9)
    recovery_services.recovery_attest(
        user=user, recovery_start_date=recovery_start, typed_name=user.full_name
    )
    response = Client().get(PAGE, {"name": "robin", "state": "KY"})
    assert response.status_code == 200
    html = response.content.decode()
    code = format_code(certificate.code)
    assert "Robin Hayes" in html and "Peer Support Specialist (Kentucky)" in html and "Kentucky" in html
    assert "Valid" in html and f'href="/verify/{code}/"' in html
    assert date_format(certificate.issued_on, "DATE_FORMAT") in html
    assert date_format(certificate.expires_on, "DATE_FORMAT") in html
    assert user.email not in html
    assert date_format(recovery_start, "DATE_FORMAT") not in html and "2018" not in html
    assert "no-store" in response["Cache-Control"]


def test_the_page_without_a_search_explains_itself():
    response = Client().get(PAGE)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Only people who chose to be listed can be found" in html and 'name="state"' in html


# --- Opting in and out --------------------------------------------------------------------------------


def test_off_by_default_then_in_and_out_at_once_audited(client, ky_version):
    user = TraineeFactory(full_name="Alex Kim")
    certify(user, ky_version)
    client.force_login(user)
    page = client.get("/certificates/").content.decode()
    assert "You are not listed" in page and "List me in the public registry" in page
    assert names(search(name="alex kim")) == []

    response = client.post("/certificates/registry/on/")
    assert response.status_code == 302 and response["Location"].endswith("/certificates/#registry")
    assert names(search(name="alex kim")) == ["Alex Kim"]
    assert "You are listed" in client.get("/certificates/").content.decode()
    client.post("/certificates/registry/on/")  # a double click lists once
    assert RegistryListing.objects.filter(user=user).count() == 1

    client.post("/certificates/registry/off/")
    assert names(search(name="alex kim")) == []
    assert Client().get(PAGE, {"name": "alex"}).content.decode().count("Alex Kim") == 0
    actions = list(
        AuditEvent.objects.filter(subject=user, action__startswith="registry.").values_list(
            "action", flat=True
        )
    )
    assert sorted(actions) == ["registry.opted_in", "registry.opted_out"]


@pytest.mark.parametrize("who", ["anonymous", "no_certificate", "holder", "program_admin"])
def test_who_may_switch_the_listing(client, ky_version, who):
    """Anonymous: to the login page. Anyone signed in switches only their own listing (there is no
    one else's to name); a person with no certificate is told why and is not listed."""
    holder = TraineeFactory(full_name="Dana Fox")
    certify(holder, ky_version)
    user = {
        "anonymous": None,
        "no_certificate": TraineeFactory(),
        "holder": holder,
        "program_admin": ProgramAdminFactory(),
    }[who]
    if user is not None:
        client.force_login(user)
    on = client.post("/certificates/registry/on/")
    assert on.status_code == 302
    if who == "anonymous":
        assert "/accounts/login/" in on["Location"]
        assert not RegistryListing.objects.exists()
        assert client.get("/certificates/registry/on/").status_code == 302  # to login, never a 500
        return
    assert RegistryListing.objects.filter(user=user).exists() is (who == "holder")
    assert not RegistryListing.objects.exclude(user=user).exists()  # nobody else was listed
    if who != "holder":
        assert "Only a certificate holder can be listed" in client.get("/certificates/").content.decode()
    assert client.get("/certificates/registry/on/").status_code == 405  # POST only


def test_the_switch_needs_the_csrf_token(ky_version):
    user = TraineeFactory()
    certify(user, ky_version)
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    assert client.post("/certificates/registry/on/").status_code == 403
    assert not RegistryListing.objects.exists()


# --- Pages and query counts -------------------------------------------------------------------------


def _many(version, n, surname="Parker"):
    for i in range(n):
        listed_holder(f"Quinn{i:03d} {surname}", version)


@pytest.mark.parametrize("n", [5, 200])
def test_pages_of_25_at_a_constant_number_of_queries(django_assert_max_num_queries, ky_version, n):
    _many(ky_version, n)
    with django_assert_max_num_queries(2):  # the count and one page of rows
        api = search(name="parker", state="KY")
    assert api.status_code == 200
    body = api.json()
    assert body["count"] == n and body["per_page"] == 25 and len(body["results"]) == min(n, 25)
    with django_assert_max_num_queries(4):  # + the session and the site (middleware)
        page = Client().get(PAGE, {"name": "parker"})
    assert page.status_code == 200 and page.content.decode().count('class="card registry-entry"') == min(
        n, 25
    )


def test_paging_through_every_match_once(ky_version):
    _many(ky_version, 60)
    seen = []
    for number in (1, 2, 3):
        seen += names(search(name="parker", page=str(number)))
    assert len(seen) == 60 == len(set(seen)) and seen == sorted(seen)
    assert names(search(name="parker", page="99")) == seen[50:]  # past the end: the last page
    assert names(search(name="parker", page="abc")) == seen[:25]
    html = Client().get(PAGE, {"name": "parker", "state": "KY", "page": "2"}).content.decode()
    assert "Showing 26–50 of 60" in html and "state=KY" in html and "name=parker" in html


# --- Bad input and the rate limit ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("params", "field", "message"),
    [
        ({}, "name", "Type the name of the person you are looking for."),
        ({"name": ""}, "name", "Type the name of the person you are looking for."),
        ({"name": "   "}, "name", "Type the name of the person you are looking for."),
        ({"name": "\x00\x00"}, "name", "Type the name of the person you are looking for."),
        ({"name": "a"}, "name", "Type at least 2 letters of the person's name."),
        ({"name": "x" * 10_240}, "name", "A name has at most 100 characters."),
        ({"name": "lee", "state": "ZZ"}, "state", "Choose a state from the list, or all states."),
        ({"name": "lee", "state": "Kentucky"}, "state", "Choose a state from the list, or all states."),
        ({"name": "lee", "state": "K\x00"}, "state", "Choose a state from the list, or all states."),
    ],
)
def test_bad_input_is_a_clear_422(params, field, message):
    api = Client().get(API, params)
    assert api.status_code == 422, api.content
    assert api.json()["detail"] == message and api.json().get("field") == field
    if params:  # the page: the form again with the message and what was typed
        page = Client().get(PAGE, params)
        assert page.status_code == 422
        html = page.content.decode()
        assert message.replace("'", "&#x27;") in html and 'aria-invalid="true"' in html


def test_searches_are_rate_limited(settings, ky_version):
    settings.VERIFY_RATE_LIMITS = {"verify": 10_000, "verify-pdf": 10_000, "registry": 2}
    ip = fresh_ip()
    statuses = [Client(REMOTE_ADDR=ip).get(API, {"name": "lee"}).status_code for _ in range(2)]
    statuses.append(Client(REMOTE_ADDR=ip).get(PAGE, {"name": "lee"}).status_code)
    assert statuses == [200, 200, 429]
    assert Client(REMOTE_ADDR=fresh_ip()).get(PAGE, {"name": "lee"}).status_code == 200


def test_the_default_limit_is_30_a_minute():
    from certificates.issuing import ratelimit

    assert ratelimit.DEFAULT_LIMITS["registry"] == 30

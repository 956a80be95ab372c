"""Open Badges 3.0 conformance: every kind of credential the site produces, fetched through the API as
its holder (the JSON and the VC-JWT payload), validates against 1EdTech's own JSON Schema for an
AchievementCredential (tests/data/, draft 2019-09, format checking on); the issuer profile validates
against the schema's Profile definition; the badge image is served to anyone."""

import base64
import json
from datetime import timedelta
from pathlib import Path

import pytest
from django.test import Client
from django.utils import timezone
from jsonschema import Draft201909Validator

from certificates.eligibility import add_months
from certificates.issuing import services
from certificates.issuing.codes import format_code
from certificates.models import Certificate, ProgramVersion
from tests.factories import DomainFactory, TraineeFactory

from ..factories import ProgramFactory, VersionFactory, add_requirement
from .helpers import *  # noqa: F403
from .helpers import Kind, issue, make_eligible

pytestmark = pytest.mark.django_db

SCHEMA = json.loads(
    (Path(__file__).resolve().parents[2] / "data" / "ob3p0-achievementcredential.schema.json").read_text()
)
VALIDATOR = Draft201909Validator(SCHEMA, format_checker=Draft201909Validator.FORMAT_CHECKER)
PROFILE_VALIDATOR = Draft201909Validator(
    {**SCHEMA["$defs"]["Profile"], "$defs": SCHEMA["$defs"]},
    format_checker=Draft201909Validator.FORMAT_CHECKER,
)
OB_SCHEMA = {
    "id": "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json",
    "type": "1EdTechJsonSchemaValidator2019",
}


def _errors(validator, document) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(document)]


def _jwt_payload(token: str) -> dict:
    payload = token.split(".")[1]
    return json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))


def _fetched_as_holder(certificate) -> tuple[dict, dict]:
    """The credential as its holder downloads it: the JSON form and the VC-JWT's payload."""
    client = Client()
    client.force_login(certificate.holder)
    url = f"/api/v1/certificates/{format_code(certificate.code)}/credential"
    body = client.get(f"{url}?format=json")
    assert body.status_code == 200, body.content
    token = client.get(url)
    assert token.status_code == 200 and token["Content-Type"] == "application/vc+jwt"
    return body.json()["credential"], _jwt_payload(token.content.decode())


def _assert_conforms(certificate) -> dict:
    credential, payload = _fetched_as_holder(certificate)
    assert _errors(VALIDATOR, credential) == []
    assert _errors(VALIDATOR, payload) == []
    # The Data Integrity form (issuer named by its did:web DID, embedded proof) conforms too.
    client = Client()
    client.force_login(certificate.holder)
    ldp = client.get(f"/api/v1/certificates/{format_code(certificate.code)}/credential?format=ldp")
    assert ldp.status_code == 200, ldp.content
    assert ldp.json()["proof"][0]["cryptosuite"] == "eddsa-rdfc-2022"
    assert _errors(VALIDATOR, ldp.json()) == []
    assert {k: v for k, v in payload.items() if k not in ("iss", "jti", "nbf", "exp", "sub")} == credential
    # The choices the schema leaves open, as docs/open-badges.md describes them.
    status = credential["credentialStatus"]
    assert isinstance(status, dict) and status["statusPurpose"] == "revocation"
    assert status["type"] == "BitstringStatusListEntry"
    assert status["statusListIndex"] == str(certificate.status_list_index)
    assert credential["credentialSchema"] == [OB_SCHEMA]
    achievement = credential["credentialSubject"]["achievement"]
    assert achievement["description"] and achievement["criteria"]["narrative"]
    image = achievement["image"]
    assert image["type"] == "Image" and image["caption"].startswith(certificate.version.program.name)
    response = Client().get(image["id"].replace("https://certs.example.org", ""))
    assert response.status_code == 200 and response["Content-Type"].startswith("image/svg+xml")
    return credential


def _credential_variants(issued, admin):
    """Yield (name, certificate) for every kind of credential, one at a time (each changes state)."""
    yield "current", issued

    today = timezone.localdate()
    Certificate.objects.filter(pk=issued.pk).update(
        issued_on=add_months(today - timedelta(days=1), -24), expires_on=today - timedelta(days=1)
    )
    issued.refresh_from_db()
    yield "expired", issued

    # Renewal window open: expires in 30 days; no continuing education asked; the holder renews
    # through the API.
    ProgramVersion.objects.filter(program=issued.version.program).update(renewal_ce_hours=0)
    Certificate.objects.filter(pk=issued.pk).update(
        issued_on=add_months(today + timedelta(days=30), -24), expires_on=today + timedelta(days=30)
    )
    client = Client()
    client.force_login(issued.holder)
    response = client.post(f"/api/v1/certificates/{format_code(issued.code)}/renew")
    assert response.status_code == 201, response.content
    renewal = Certificate.objects.get(replaces=issued)
    services.certificate_issue_run(certificate_id=renewal.pk)
    renewal.refresh_from_db()
    assert renewal.status == Certificate.Status.ISSUED
    yield "renewed (the replacement)", renewal
    issued.refresh_from_db()
    yield "replaced (the old one)", issued

    services.certificate_suspend(actor=admin, certificate=renewal, reason="Complaint under review.")
    renewal.refresh_from_db()
    yield "suspended", renewal
    services.certificate_revoke(actor=admin, certificate=renewal, reason="Falsified hours.")
    renewal.refresh_from_db()
    yield "revoked", renewal


def test_every_kind_of_credential_conforms(issued, admin):
    seen = []
    for name, certificate in _credential_variants(issued, admin):
        _assert_conforms(certificate)
        seen.append(name)
    assert len(seen) == 6


def test_long_criteria_and_a_closed_program_conform(issuing, holder, version, admin):
    certificate = issue(user=holder, version=version, actor=admin)
    for i in range(15):
        add_requirement(
            version,
            Kind.DOMAIN_TRAINING_HOURS,
            domain=DomainFactory(name=f"Domain {i}: " + "ethics, advocacy and mentoring " * 3),
            hours=12,
        )
    program = version.program
    program.description = "A long description. " * 200
    program.save()
    credential = _assert_conforms(certificate)
    criteria = credential["credentialSubject"]["achievement"]["criteria"]
    assert criteria["narrative"].count("\n- ") == 16
    assert criteria["id"] == f"https://certs.example.org/certification/programs/{program.slug}/"
    # A closed program has no public page: the criteria keep their narrative only; the image still shows.
    program.is_active = False
    program.save()
    credential = _assert_conforms(certificate)
    assert "id" not in credential["credentialSubject"]["achievement"]["criteria"]


@pytest.mark.parametrize(
    ("holder_name", "program_name", "body"),
    [
        ("José Núñez-Ødegård", "Certificación de Especialista en Apoyo entre Pares", "Junta Ñandú"),
        ("李小龙", "同伴支持专家认证", "认证委员会"),
    ],
)
def test_non_ascii_names_conform_and_render(issuing, admin, holder_name, program_name, body):
    version = VersionFactory(program=ProgramFactory(name=program_name, issuing_body=body, description=""))
    add_requirement(version, Kind.PRACTICE_HOURS, hours=10)
    user = make_eligible(TraineeFactory(full_name=holder_name), version)
    certificate = issue(user=user, version=version, actor=admin)
    credential = _assert_conforms(certificate)
    assert credential["credentialSubject"]["identifier"][0]["identityHash"] == holder_name
    achievement = credential["credentialSubject"]["achievement"]
    assert (
        achievement["name"] == program_name and achievement["image"]["caption"] == f"{program_name} ({body})"
    )
    svg = Client().get(f"/api/v1/achievements/{version.program.slug}/image").content.decode("utf-8")
    assert svg.startswith("<?xml") and "<script" not in svg
    assert program_name[:4] in svg and body in svg


def test_issuer_profile_conforms_to_the_profile_definition(client, issuing):
    profile = client.get("/api/v1/issuer").json()
    assert _errors(PROFILE_VALIDATOR, profile) == []
    assert profile["id"] == "https://certs.example.org/api/v1/issuer"
    # The check has teeth: a profile without its type is refused.
    assert _errors(PROFILE_VALIDATOR, {k: v for k, v in profile.items() if k != "type"})


def test_the_old_two_entry_status_fails_the_schema(issued):
    """What the issue reported, kept as a check that the schema test would catch it."""
    credential, _payload = _fetched_as_holder(issued)
    entry = credential["credentialStatus"]
    bad = {**credential, "credentialStatus": [entry, {**entry, "statusPurpose": "suspension"}]}
    assert [e.split(": ")[0] for e in _errors(VALIDATOR, bad)] == ["credentialStatus"]


def test_badge_image_is_public_escaped_and_cached(client, issuing):
    program = ProgramFactory(name='<script>alert(1)</script> & "Peers"', issuing_body="Board <b>")
    response = client.get(f"/api/v1/achievements/{program.slug}/image")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml; charset=utf-8"
    assert "public" in response["Cache-Control"] and "max-age" in response["Cache-Control"]
    svg = response.content.decode()
    assert "<script" not in svg and "<b>" not in svg and "&lt;script&gt;" in svg
    assert client.get("/api/v1/achievements/no-such-program/image").status_code == 404
    program.is_active = False
    program.save()
    assert client.get(f"/api/v1/achievements/{program.slug}/image").status_code == 404

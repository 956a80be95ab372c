"""Open Badges 3.0: the OpenBadgeCredential as a VC-JWT verifiable with the served key, and the
Bitstring Status Lists it points to."""

import json

import jwt
import pytest
from django.test import Client

from certificates.issuing import badges, services, statuslist
from certificates.issuing.codes import format_code

from .helpers import *  # noqa: F403

pytestmark = pytest.mark.django_db


def _credential(client, certificate) -> str:
    client.force_login(certificate.holder)
    response = client.get(f"/api/v1/certificates/{format_code(certificate.code)}/credential")
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "application/vc+jwt"
    return response.content.decode()


def _verify_with_served_key(client, token: str) -> dict:
    header = jwt.get_unverified_header(token)
    assert header["typ"] == "JWT" and header["alg"] in ("ES256", "RS256", "ES384")
    kid_url = header["kid"]
    assert kid_url.startswith("https://certs.example.org/api/v1/issuer/keys/")
    jwk = Client().get(kid_url.replace("https://certs.example.org", "")).json()
    jwks = Client().get("/api/v1/issuer/jwks").json()
    assert jwk in jwks["keys"]
    key = jwt.PyJWK(jwk).key
    return jwt.decode(token, key, algorithms=[header["alg"]])


def test_credential_is_a_signed_open_badge_certification(client, issued):
    claims = _verify_with_served_key(client, _credential(client, issued))
    assert claims["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert "https://www.w3.org/ns/credentials/v2" in claims["@context"]
    assert any("purl.imsglobal.org/spec/ob/v3p0" in c for c in claims["@context"])
    assert claims["iss"] == claims["issuer"]["id"] == "https://certs.example.org/api/v1/issuer"
    assert claims["jti"] == claims["id"] == f"urn:uuid:{issued.uuid}"
    assert claims["nbf"] <= claims["exp"]
    achievement = claims["credentialSubject"]["achievement"]
    assert achievement["achievementType"] == "Certification"
    assert achievement["name"] == issued.version.program.name
    assert "10 supervised practice hours" in achievement["criteria"]["narrative"]
    assert claims["credentialSubject"]["identifier"][0]["identityHash"] == "Jordan Lee"
    text = json.dumps(claims)
    assert issued.holder.email not in text and "recovery_" not in text and "attest" not in text
    issuer = Client().get("/api/v1/issuer").json()
    assert issuer["id"] == claims["iss"] and issuer["type"] == ["Profile"]


def test_credential_status_points_to_the_served_lists_and_revoking_flips_the_bit(client, issued, admin):
    claims = _verify_with_served_key(client, _credential(client, issued))
    # One entry (OB 3.0 allows one status object): revocation. Suspension is served on its own list
    # at the same index but kept off the credential (docs/open-badges.md).
    entry = claims["credentialStatus"]
    assert entry["statusPurpose"] == "revocation" and entry["type"] == "BitstringStatusListEntry"
    assert entry["statusListIndex"] == str(issued.status_list_index)
    assert entry["statusListCredential"] == "https://certs.example.org/api/v1/status-lists/revocation"
    entries = {
        purpose: {**entry, "statusListCredential": f"https://certs.example.org/api/v1/status-lists/{purpose}"}
        for purpose in ("revocation", "suspension")
    }

    def bit(purpose):
        url = entries[purpose]["statusListCredential"].replace("https://certs.example.org", "")
        response = Client().get(url)
        assert response.status_code == 200 and response["Content-Type"] == "application/vc+jwt"
        status_claims = _verify_with_served_key(client, response.content.decode())
        assert status_claims["type"] == ["VerifiableCredential", "BitstringStatusListCredential"]
        subject = status_claims["credentialSubject"]
        assert subject["type"] == "BitstringStatusList" and subject["statusPurpose"] == purpose
        assert subject["encodedList"].startswith("u")
        bits = statuslist.decode_bitstring(subject["encodedList"])
        assert len(bits) * 8 >= 131072
        return statuslist.bit_is_set(bits, int(entries[purpose]["statusListIndex"]))

    assert not bit("revocation") and not bit("suspension")
    services.certificate_revoke(actor=admin, certificate=issued, reason="Falsified hours.")
    assert bit("revocation") and not bit("suspension")


def test_status_list_encoding_round_trips_msb_first():
    encoded = statuslist.encode_bitstring([0, 7, 8, 131071])
    bits = statuslist.decode_bitstring(encoded)
    assert len(bits) == 16384
    assert bits[0] == 0b10000001 and bits[1] == 0b10000000 and bits[-1] == 0b00000001
    assert [i for i in (0, 1, 7, 8, 9, 131071) if statuslist.bit_is_set(bits, i)] == [0, 7, 8, 131071]
    assert "=" not in encoded and "+" not in encoded and "/" not in encoded
    with pytest.raises(ValueError):
        statuslist.encode_bitstring([131072])


def test_indices_are_random_and_unique(issuing, admin):
    from tests.factories import TraineeFactory

    from .helpers import make_eligible, program_with_practice_hours

    version = program_with_practice_hours()
    indices = []
    for _ in range(12):
        user = make_eligible(TraineeFactory(), version)
        application = services.application_submit(actor=user, user=user, version=version)
        indices.append(
            services.application_approve(
                actor=admin, application=application, enqueue=False
            ).status_list_index
        )
    assert len(set(indices)) == 12
    assert indices != sorted(indices)  # not sequential


def test_unknown_status_list_is_404(client, issuing):
    assert client.get("/api/v1/status-lists/refresh").status_code == 404
    assert client.get("/api/v1/issuer/keys/nope").status_code == 404


def test_credential_of_a_pending_certificate_is_a_clear_409(client, issuing, holder, version, admin):
    application = services.application_submit(actor=holder, user=holder, version=version)
    certificate = services.application_approve(actor=admin, application=application, enqueue=False)
    client.force_login(holder)
    response = client.get(f"/api/v1/certificates/{format_code(certificate.code)}/credential")
    assert response.status_code == 409


def test_jwt_algorithm_follows_the_key_type(signing_material):
    assert badges.public_jwk(signing_material)["alg"] == "ES256"
    token = badges.sign_vc_jwt(
        {
            "id": "urn:uuid:1",
            "issuer": {"id": "https://x"},
            "validFrom": "2026-01-01T00:00:00Z",
            "credentialSubject": {},
        }
    )
    assert badges.decode_vc_jwt(token)["iss"] == "https://x"

"""An independent round trip, as an outside verifier does it: the VC-JWT checked with jwcrypto (not
PyJWT, not project code) against only what the site serves (the key URL in the JOSE header's `kid`,
and the JWKS), and the Bitstring Status List decoded with the standard library as the W3C spec says
(multibase "u" + base64url of GZIP'd bits, index 0 = most significant bit of the first byte), without
certificates/issuing/statuslist.py. Status changes go through the admin API as a program administrator."""

import base64
import gzip
import json
import time

import pytest
from django.test import Client
from jwcrypto import jwk, jws, jwt

from certificates.issuing.codes import format_code

from .helpers import *  # noqa: F403

pytestmark = pytest.mark.django_db

SITE = "https://certs.example.org"


def _local(url: str) -> str:
    assert url.startswith(SITE), url
    return url[len(SITE) :]


def verify(token: str) -> tuple[dict, dict]:
    """Verify a VC-JWT with the key the site serves at its `kid` URL; return (header, claims)."""
    encoded_header = token.split(".")[0]
    header = json.loads(base64.urlsafe_b64decode(encoded_header + "=" * (-len(encoded_header) % 4)))
    assert header["typ"] == "JWT" and header["alg"] in ("ES256", "ES384", "ES512", "RS256")
    anonymous = Client()
    key_response = anonymous.get(_local(header["kid"]))
    assert key_response.status_code == 200
    served = key_response.json()
    assert served in anonymous.get("/api/v1/issuer/jwks").json()["keys"]
    key = jwk.JWK(**served)
    assert key.thumbprint() == served["kid"]  # the key is the one its id names (RFC 7638)
    token_obj = jwt.JWT(jwt=token, key=key, algs=[header["alg"]], expected_type="JWS", check_claims={})
    claims = json.loads(token_obj.claims)
    now = time.time()
    assert claims["nbf"] <= now + 60 and ("exp" not in claims or claims["exp"] > now)
    return header, claims


def tampered(token: str) -> str:
    header, payload, signature = token.split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    claims["name"] = "Something else"
    forged = base64.urlsafe_b64encode(json.dumps(claims).encode()).decode().rstrip("=")
    return f"{header}.{forged}.{signature}"


def bit(status_list_url: str, index: int, purpose: str) -> bool:
    """The bit at `index` of the status list credential served at `status_list_url` (VC-JWT)."""
    response = Client().get(_local(status_list_url))
    assert response.status_code == 200 and response["Content-Type"] == "application/vc+jwt"
    _header, claims = verify(response.content.decode())
    assert claims["type"] == ["VerifiableCredential", "BitstringStatusListCredential"]
    subject = claims["credentialSubject"]
    assert subject["type"] == "BitstringStatusList" and subject["statusPurpose"] == purpose
    encoded = subject["encodedList"]
    assert encoded[0] == "u"  # multibase base64url, no padding
    body = encoded[1:]
    bits = gzip.decompress(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
    assert len(bits) * 8 >= 131_072  # the spec's minimum size, for herd privacy
    return bool(bits[index // 8] & (0x80 >> (index % 8)))


def _act(client, code: str, action: str, reason: str):
    response = client.post(
        f"/api/v1/certificates/{code}/{action}",
        json.dumps({"reason": reason}),
        content_type="application/json",
    )
    assert response.status_code == 200, response.content
    return response.json()


def test_vc_jwt_verifies_with_jwcrypto_and_a_forgery_does_not(issued):
    holder = Client()
    holder.force_login(issued.holder)
    token = holder.get(f"/api/v1/certificates/{format_code(issued.code)}/credential").content.decode()
    header, claims = verify(token)
    assert header["kid"].startswith(f"{SITE}/api/v1/issuer/keys/")
    assert claims["iss"] == claims["issuer"]["id"] == f"{SITE}/api/v1/issuer"
    assert claims["jti"] == claims["id"] == f"urn:uuid:{issued.uuid}"
    assert claims["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    with pytest.raises(jws.InvalidJWSSignature):
        verify(tampered(token))


def test_revoking_flips_the_credentials_bit_and_suspension_its_own_list(issued, admin):
    code = format_code(issued.code)
    holder = Client()
    holder.force_login(issued.holder)
    _header, claims = verify(holder.get(f"/api/v1/certificates/{code}/credential").content.decode())
    status = claims["credentialStatus"]
    assert status["type"] == "BitstringStatusListEntry" and status["statusPurpose"] == "revocation"
    revocation_url, index = status["statusListCredential"], int(status["statusListIndex"])
    # Suspension is off the credential (docs/open-badges.md); its list uses the same index.
    suspension_url = f"{SITE}/api/v1/status-lists/suspension"
    assert not bit(revocation_url, index, "revocation") and not bit(suspension_url, index, "suspension")

    manager = Client()
    manager.force_login(admin)
    assert _act(manager, code, "suspend", "Complaint under review.")["status"] == "suspended"
    assert bit(suspension_url, index, "suspension") and not bit(revocation_url, index, "revocation")
    assert _act(manager, code, "reinstate", "Review closed.")["status"] == "current"
    assert not bit(suspension_url, index, "suspension") and not bit(revocation_url, index, "revocation")
    assert _act(manager, code, "revoke", "Falsified hours.")["status"] == "revoked"
    assert bit(revocation_url, index, "revocation") and not bit(suspension_url, index, "suspension")

    # The revoked credential still verifies (its signature is intact) and still names the same entry.
    _header, after = verify(holder.get(f"/api/v1/certificates/{code}/credential").content.decode())
    assert after["credentialStatus"] == status

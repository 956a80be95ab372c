"""Open Badges 3.0: an OpenBadgeCredential (achievement type Certification) per certificate, secured
as a VC-JWT (OB 3.0 section 8.2: the credential is the JWT payload, with iss/jti/nbf/exp claims), and
the BitstringStatusListCredentials its credentialStatus points to.

The signing key is the certificate signing key (ES256 for P-256, ES384 for P-384, RS256 for RSA).
The JOSE header's `kid` is a URL that returns the public JWK; the issuer's JWKS is served too."""

from __future__ import annotations

import base64
import hashlib
import json
import uuid
from datetime import UTC, date, datetime, time

import jwt
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from django.conf import settings

from . import signing, statuslist

VC_CONTEXT = "https://www.w3.org/ns/credentials/v2"
OB_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
JWT_MEDIA_TYPE = "application/vc+jwt"
# The 1EdTech JSON Schema a verifier validates the credential with (OB 3.0 section 8.1.1).
OB_SCHEMA_ID = "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json"
OB_SCHEMA_TYPE = "1EdTechJsonSchemaValidator2019"


def api_url(path: str) -> str:
    return f"{settings.SITE_URL}/api/v1{path}"


def issuer_id() -> str:
    return api_url("/issuer")


def status_list_url(purpose: str) -> str:
    return api_url(f"/status-lists/{purpose}")


def _algorithm(private_key) -> str:
    if isinstance(private_key, rsa.RSAPrivateKey):
        return "RS256"
    if isinstance(private_key, ec.EllipticCurvePrivateKey):
        return {"secp256r1": "ES256", "secp384r1": "ES384", "secp521r1": "ES512"}[private_key.curve.name]
    raise ValueError("unsupported key type")


def public_jwk(material: signing.SigningMaterial | None = None) -> dict:
    """The signing key's public JWK with `kid` (its RFC 7638 thumbprint), `alg` and `use`."""
    material = material or signing.load_signing_material()
    public = material.private_key.public_key()
    if isinstance(public, rsa.RSAPublicKey):
        jwk = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(public))
        required = {k: jwk[k] for k in ("e", "kty", "n")}
    else:
        jwk = json.loads(jwt.algorithms.ECAlgorithm.to_jwk(public))
        required = {k: jwk[k] for k in ("crv", "kty", "x", "y")}
    canonical = json.dumps(required, separators=(",", ":"), sort_keys=True).encode()
    thumbprint = base64.urlsafe_b64encode(hashlib.sha256(canonical).digest()).decode().rstrip("=")
    return {**required, "kid": thumbprint, "alg": _algorithm(material.private_key), "use": "sig"}


def achievement_image_url(program_slug: str) -> str:
    return api_url(f"/achievements/{program_slug}/image")


def key_url(kid: str) -> str:
    return api_url(f"/issuer/keys/{kid}")


def jwks() -> dict:
    return {"keys": [public_jwk()]}


def issuer_profile() -> dict:
    return {
        "@context": [VC_CONTEXT, OB_CONTEXT],
        "id": issuer_id(),
        "type": ["Profile"],
        "name": settings.WAGTAIL_SITE_NAME,
        "url": settings.SITE_URL,
    }


def _issuer_ref() -> dict:
    return {
        "id": issuer_id(),
        "type": ["Profile"],
        "name": settings.WAGTAIL_SITE_NAME,
        "url": settings.SITE_URL,
    }


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def _start_of(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=UTC)


def _end_of(day: date) -> datetime:
    return datetime.combine(day, time(23, 59, 59), tzinfo=UTC)


def sign_vc_jwt(credential: dict) -> str:
    """A VC-JWT: header {alg, typ, kid}; payload = the credential plus iss, jti, nbf, exp (and sub when
    the subject has an id)."""
    material = signing.load_signing_material()
    jwk = public_jwk(material)
    issuer = credential["issuer"]
    claims = dict(credential)
    claims["iss"] = issuer["id"] if isinstance(issuer, dict) else issuer
    claims["jti"] = credential["id"]
    claims["nbf"] = int(datetime.fromisoformat(credential["validFrom"].replace("Z", "+00:00")).timestamp())
    if credential.get("validUntil"):
        claims["exp"] = int(
            datetime.fromisoformat(credential["validUntil"].replace("Z", "+00:00")).timestamp()
        )
    subject_id = credential.get("credentialSubject", {}).get("id")
    if subject_id:
        claims["sub"] = subject_id
    return jwt.encode(
        claims,
        material.private_key,
        algorithm=jwk["alg"],
        headers={"typ": "JWT", "kid": key_url(jwk["kid"])},
    )


def decode_vc_jwt(token: str, *, verify_exp: bool = True) -> dict:
    """Verify a VC-JWT we issued (signature with our current key) and return its claims."""
    material = signing.load_signing_material()
    jwk = public_jwk(material)
    return jwt.decode(
        token,
        material.private_key.public_key(),
        algorithms=[jwk["alg"]],
        options={"verify_exp": verify_exp, "verify_aud": False},
    )


def achievement_id(*, program_slug: str, version_label: str) -> str:
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'{settings.SITE_URL}/programs/{program_slug}/{version_label}')}"


def open_badge_credential(
    *,
    certificate_uuid: uuid.UUID,
    holder_name: str,
    program_slug: str,
    program_name: str,
    program_description: str,
    version_label: str,
    issuing_body: str,
    issued_at: datetime,
    expires_on: date,
    status_list_index: int,
    verify_url: str,
    criteria: list[str],
    criteria_url: str | None = None,
) -> dict:
    """The unsigned OpenBadgeCredential. Holds what the verification page shows and the criteria the
    achievement requires; no email address, no health data. Conforms to 1EdTech's JSON Schema for an
    AchievementCredential (tests/certificates/issuing/test_ob3_conformance.py)."""
    if criteria:
        narrative = "To earn this certification a person completed:\n\n" + "\n".join(
            f"- {line}" for line in criteria
        )
    else:
        narrative = program_description or program_name
    criteria_obj = {"narrative": narrative}
    if criteria_url:
        criteria_obj = {"id": criteria_url, **criteria_obj}
    return {
        "@context": [VC_CONTEXT, OB_CONTEXT],
        "id": f"urn:uuid:{certificate_uuid}",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": program_name,
        "issuer": _issuer_ref(),
        "validFrom": _iso(issued_at),
        "validUntil": _iso(_end_of(expires_on)),
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "identifier": [
                {
                    "type": "IdentityObject",
                    "identityType": "name",
                    "hashed": False,
                    "identityHash": holder_name,
                }
            ],
            "achievement": {
                "id": achievement_id(program_slug=program_slug, version_label=version_label),
                "type": ["Achievement"],
                "achievementType": "Certification",
                "name": program_name,
                "description": program_description or program_name,
                "criteria": criteria_obj,
                "image": {
                    "id": achievement_image_url(program_slug),
                    "type": "Image",
                    "caption": f"{program_name} ({issuing_body})" if issuing_body else program_name,
                },
                "version": version_label,
                "creator": {
                    "id": f"{issuer_id()}#body-{program_slug}",
                    "type": ["Profile"],
                    "name": issuing_body,
                },
            },
        },
        "evidence": [{"id": verify_url, "type": ["Evidence"], "name": "Verification page"}],
        # One entry, as the OB 3.0 schema allows: revocation only. Suspension is reversible and the
        # revocation purpose is not, so suspension stays off the credential and shows on the verify
        # page the evidence links to (docs/open-badges.md, "Status: revocation and suspension").
        "credentialStatus": {
            "id": f"{status_list_url(statuslist.CREDENTIAL_PURPOSE)}#{status_list_index}",
            "type": "BitstringStatusListEntry",
            "statusPurpose": statuslist.CREDENTIAL_PURPOSE,
            "statusListIndex": str(status_list_index),
            "statusListCredential": status_list_url(statuslist.CREDENTIAL_PURPOSE),
        },
        "credentialSchema": [{"id": OB_SCHEMA_ID, "type": OB_SCHEMA_TYPE}],
    }


def status_list_credential(*, purpose: str, set_indices, now: datetime, ttl_seconds: int = 300) -> dict:
    url = status_list_url(purpose)
    return {
        "@context": [VC_CONTEXT],
        "id": url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": _issuer_ref(),
        "validFrom": _iso(now),
        "credentialSubject": {
            "id": f"{url}#list",
            "type": "BitstringStatusList",
            "statusPurpose": purpose,
            "encodedList": statuslist.encode_bitstring(set_indices),
            "ttl": ttl_seconds * 1000,
        },
    }

"""Open Badges credential with an embedded Data Integrity proof (eddsa-rdfc-2022): signed with the
issuer's Ed25519 key, verifiable with the key of the did:web DID document the site serves, matching the
W3C vc-di-eddsa test vector, and canonicalised without any network access."""

import copy
import hashlib
import json
from pathlib import Path

import pytest
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from django.test import Client
from pyld import jsonld

from certificates.issuing import dataintegrity, dikeys
from certificates.issuing.codes import format_code
from tests.factories import TraineeFactory

from .helpers import *  # noqa: F403

pytestmark = pytest.mark.django_db

CONTEXTS = Path(dataintegrity.__file__).parent / "contexts"
ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"


# --- an independent verifier: PyLD + cryptography, nothing from the module under test ----------------


def _b58decode(text: str) -> bytes:
    number = 0
    for char in text:
        number = number * 58 + ALPHABET.index(char)
    body = number.to_bytes((number.bit_length() + 7) // 8, "big")
    return b"\0" * (len(text) - len(text.lstrip("1"))) + body


def _loader(url, options=None):
    files = {
        "https://www.w3.org/ns/credentials/v2": "credentials-v2.jsonld",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json": "ob-context-3.0.3.json",
        "https://www.w3.org/ns/credentials/examples/v2": "credentials-examples-v2.jsonld",
    }
    document = json.loads((CONTEXTS / files[url]).read_text())
    return {"contextUrl": None, "documentUrl": url, "document": document}


def _hash(document: dict) -> bytes:
    nquads = jsonld.normalize(
        document, {"algorithm": "URDNA2015", "format": "application/n-quads", "documentLoader": _loader}
    )
    return hashlib.sha256(nquads.encode()).digest()


def the_proof(secured: dict) -> dict:
    """The one proof: an object (the spec's vector) or, as the site serves it for Open Badges, a list
    of one."""
    proof = secured["proof"]
    if isinstance(proof, list):
        assert len(proof) == 1
        proof = proof[0]
    return proof


def independent_verify(secured: dict, public_key: Ed25519PublicKey) -> bool:
    proof = dict(the_proof(secured))
    assert proof["type"] == "DataIntegrityProof" and proof["cryptosuite"] == "eddsa-rdfc-2022"
    assert proof["proofValue"].startswith("z")
    signature = _b58decode(proof.pop("proofValue")[1:])
    document = {k: v for k, v in secured.items() if k != "proof"}
    config = {**proof, "@context": document["@context"]}
    try:
        public_key.verify(signature, _hash(config) + _hash(document))
    except InvalidSignature:
        return False
    return True


def _served_public_key() -> tuple[dict, Ed25519PublicKey]:
    response = Client().get("/.well-known/did.json")
    assert response.status_code == 200, response.content
    document = response.json()
    method = document["verificationMethod"][0]
    assert method["type"] == "Multikey" and method["id"] in document["assertionMethod"]
    raw = _b58decode(method["publicKeyMultibase"][1:])
    assert method["publicKeyMultibase"].startswith("z6Mk") and raw[:2] == b"\xed\x01" and len(raw) == 34
    return document, Ed25519PublicKey.from_public_bytes(raw[2:])


def _ldp(client, certificate, user) -> dict:
    client.force_login(user)
    response = client.get(f"/api/v1/certificates/{format_code(certificate.code)}/credential?format=ldp")
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "application/vc+ld+json"
    return json.loads(response.content)


# --- through the site ---------------------------------------------------------------------------------


def test_ldp_credential_verifies_with_the_served_did_key(client, issued):
    secured = _ldp(client, issued, issued.holder)
    did_document, public_key = _served_public_key()
    assert isinstance(secured["proof"], list)  # the OB 3.0 schema's shape
    proof = the_proof(secured)
    assert proof["verificationMethod"] == did_document["verificationMethod"][0]["id"]
    assert proof["proofPurpose"] == "assertionMethod" and proof["created"] == secured["validFrom"]
    assert secured["issuer"]["id"] == did_document["id"] == "did:web:certs.example.org"
    assert secured["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert independent_verify(secured, public_key)
    assert dataintegrity.verify(secured, public_key=public_key)

    tampered = copy.deepcopy(secured)
    tampered["credentialSubject"]["identifier"][0]["identityHash"] = "Someone Else"
    assert not independent_verify(tampered, public_key)
    assert not dataintegrity.verify(tampered, public_key=public_key)
    renamed = {**copy.deepcopy(secured), "name": "Another Certification"}
    assert not independent_verify(renamed, public_key)
    assert not dataintegrity.verify(renamed, public_key=public_key)


def test_accept_header_selects_the_data_integrity_credential(client, issued):
    client.force_login(issued.holder)
    response = client.get(
        f"/api/v1/certificates/{format_code(issued.code)}/credential", HTTP_ACCEPT="application/vc+ld+json"
    )
    assert response.status_code == 200 and response["Content-Type"] == "application/vc+ld+json"
    assert "proof" in json.loads(response.content)


def test_ldp_credential_permissions(client, issued, admin):
    url = f"/api/v1/certificates/{format_code(issued.code)}/credential?format=ldp"
    assert Client().get(url).status_code == 401
    other = Client()
    other.force_login(TraineeFactory())
    assert other.get(url).status_code == 404
    assert _ldp(Client(), issued, issued.holder)["proof"]
    assert _ldp(Client(), issued, admin)["proof"]


def test_missing_key_in_production_refuses_ldp_but_jwt_still_works(client, issued, settings, tmp_path):
    settings.DATA_INTEGRITY_KEY_FILE = str(tmp_path / "absent" / "ed25519.key.pem")
    settings.DEBUG = False
    settings.SIGNING_AUTOCREATE = False
    client.force_login(issued.holder)
    base = f"/api/v1/certificates/{format_code(issued.code)}/credential"
    response = client.get(f"{base}?format=ldp")
    assert response.status_code == 503
    assert response.json()["code"] == "not_configured"
    assert "DATA_INTEGRITY_KEY_FILE" in response.json()["detail"]
    assert not (tmp_path / "absent").exists()
    assert client.get(base).status_code == 200
    assert Client().get("/.well-known/did.json").status_code == 503


def test_dev_key_is_created_on_first_use(settings, tmp_path):
    settings.DATA_INTEGRITY_KEY_FILE = str(tmp_path / "dev" / "ed25519.key.pem")
    settings.SIGNING_AUTOCREATE = True
    key = dikeys.load_private_key()
    assert isinstance(key, Ed25519PrivateKey)
    assert (tmp_path / "dev" / "ed25519.key.pem").read_bytes().startswith(b"-----BEGIN PRIVATE KEY-----")
    assert dikeys.load_private_key().public_key() == key.public_key()


@pytest.mark.parametrize(
    ("site_url", "expected"),
    [
        ("https://certs.example.org", "did:web:certs.example.org"),
        ("http://127.0.0.1:8000", "did:web:127.0.0.1%3A8000"),
        ("https://localhost:8443/", "did:web:localhost%3A8443"),
    ],
)
def test_did_document_is_public_and_names_the_site(settings, signing_material, site_url, expected):
    settings.SITE_URL = site_url.rstrip("/")
    response = Client().get("/.well-known/did.json")
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    document = response.json()
    assert document["id"] == expected
    assert document["@context"] == ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"]
    method = document["verificationMethod"][0]
    assert method["controller"] == expected and method["id"].startswith(f"{expected}#z6Mk")


# --- the cryptosuite itself ---------------------------------------------------------------------------


def test_unknown_context_is_refused_without_network(monkeypatch):
    import socket

    def no_network(*args, **kwargs):
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(socket.socket, "connect", no_network)
    document = {
        "@context": ["https://www.w3.org/ns/credentials/v2", "https://example.org/unknown-context.jsonld"],
        "type": ["VerifiableCredential"],
    }
    with pytest.raises(dataintegrity.UnknownContext, match="unknown-context.jsonld"):
        dataintegrity.canonicalize(document)
    with pytest.raises(dataintegrity.UnknownContext):
        dataintegrity.add_proof(
            document,
            private_key=Ed25519PrivateKey.generate(),
            verification_method="did:web:x#z",
            created="2024-01-01T00:00:00Z",
        )


def test_a_term_no_context_defines_is_refused(issued):
    from certificates.issuing import selectors

    credential = selectors.open_badge_for(issued)
    schema = credential.pop("credentialSchema", None)
    dataintegrity.check_terms(credential)  # every property of the signed credential is defined
    if schema:  # its type is defined by no context: the Data Integrity credential leaves it out
        with pytest.raises(dataintegrity.UndefinedTerms):
            dataintegrity.check_terms({**credential, "credentialSchema": schema})
    credential["credentialSubject"]["favouriteColour"] = "green"
    with pytest.raises(dataintegrity.UndefinedTerms, match="favouriteColour"):
        dikeys.secure_credential(credential)


# W3C vc-di-eddsa, TestVectors/keyPair.json and TestVectors/eddsa-rdfc-2022/ (signedDataInt.json,
# proofCanonDataInt.txt, combinedHashDataInt.txt).
VECTOR_PUBLIC = "z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2"
VECTOR_PRIVATE = "z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq"
VECTOR_UNSIGNED = {
    "@context": ["https://www.w3.org/ns/credentials/v2", "https://www.w3.org/ns/credentials/examples/v2"],
    "id": "urn:uuid:58172aac-d8ba-11ed-83dd-0b3aef56cc33",
    "type": ["VerifiableCredential", "AlumniCredential"],
    "name": "Alumni Credential",
    "description": "A minimum viable example of an Alumni Credential.",
    "issuer": "https://vc.example/issuers/5678",
    "validFrom": "2023-01-01T00:00:00Z",
    "credentialSubject": {"id": "did:example:abcdefgh", "alumniOf": "The School of Examples"},
}
VECTOR_PROOF = {
    "type": "DataIntegrityProof",
    "cryptosuite": "eddsa-rdfc-2022",
    "created": "2023-02-24T23:36:38Z",
    "verificationMethod": f"https://vc.example/issuers/5678#{VECTOR_PUBLIC}",
    "proofPurpose": "assertionMethod",
    "proofValue": "z21EVs3eXERqTn4acNHT9viboqgzUaQ3kTmhPT3eA8qrVPE7CrQq78WkzctnMX5W4CrzcKnHw8V6dvy5pgWYCU5e9",
}
VECTOR_PROOF_CANON = (
    '_:c14n0 <http://purl.org/dc/terms/created> "2023-02-24T23:36:38Z"'
    "^^<http://www.w3.org/2001/XMLSchema#dateTime> .\n"
    "_:c14n0 <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/security#DataIntegrityProof> .\n"
    '_:c14n0 <https://w3id.org/security#cryptosuite> "eddsa-rdfc-2022"'
    "^^<https://w3id.org/security#cryptosuiteString> .\n"
    "_:c14n0 <https://w3id.org/security#proofPurpose> <https://w3id.org/security#assertionMethod> .\n"
    "_:c14n0 <https://w3id.org/security#verificationMethod> "
    "<https://vc.example/issuers/5678#z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2> .\n"
)
VECTOR_COMBINED_HASH = (
    "4c4d3890a157f8d611b13c265c2c22f39aa0a567c7c7dd9ba3e45cd579784eeb"
    "517744132ae165a5349155bef0bb0cf2258fff99dfe1dbd914b938d775a36017"
)


def test_w3c_test_vector_is_reproduced_exactly():
    private = _b58decode(VECTOR_PRIVATE[1:])
    assert private[:2] == b"\x80\x26"  # multicodec ed25519-priv
    key = Ed25519PrivateKey.from_private_bytes(private[2:])
    assert dataintegrity.public_key_multibase(key.public_key()) == VECTOR_PUBLIC
    config = dataintegrity.proof_configuration(
        VECTOR_UNSIGNED,
        verification_method=VECTOR_PROOF["verificationMethod"],
        created=VECTOR_PROOF["created"],
    )
    assert dataintegrity.canonicalize(config) == VECTOR_PROOF_CANON
    assert (
        dataintegrity.hash_data(document=VECTOR_UNSIGNED, proof_config=config).hex() == VECTOR_COMBINED_HASH
    )
    secured = dataintegrity.add_proof(
        VECTOR_UNSIGNED,
        private_key=key,
        verification_method=VECTOR_PROOF["verificationMethod"],
        created=VECTOR_PROOF["created"],
    )
    assert secured == {**VECTOR_UNSIGNED, "proof": VECTOR_PROOF}
    public = dataintegrity.public_key_from_multibase(VECTOR_PUBLIC)
    assert dataintegrity.verify(secured, public_key=public)
    assert independent_verify(secured, public)


def test_base58_round_trip():
    for data in (b"", b"\0", b"\0\0\1", bytes(range(256)), b"\xff" * 40):
        assert dataintegrity.b58decode(dataintegrity.b58encode(data)) == data
        assert _b58decode(dataintegrity.b58encode(data)) == data


def test_an_undefined_type_or_nested_property_is_refused():
    base = copy.deepcopy(VECTOR_UNSIGNED)
    base["@context"] = ["https://www.w3.org/ns/credentials/v2"]
    del base["credentialSubject"]["alumniOf"]
    dataintegrity.check_terms({**base, "type": ["VerifiableCredential"]})
    with pytest.raises(dataintegrity.UndefinedTerms, match="AlumniCredential"):
        dataintegrity.check_terms(base)
    nested = {**base, "type": ["VerifiableCredential"], "credentialSubject": {"id": "did:example:a", "x": 1}}
    with pytest.raises(dataintegrity.UndefinedTerms, match="credentialSubject.x"):
        dataintegrity.check_terms(nested)

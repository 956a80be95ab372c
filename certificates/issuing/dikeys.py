"""The issuer's Ed25519 key for Data Integrity proofs, and the did:web DID document publishing it.

The key is a PKCS#8 PEM file named by DATA_INTEGRITY_KEY_FILE (default SIGNING_DIR/ed25519.key.pem),
kept beside the certificate signing key and never in the database. `manage.py setup_signing` creates
it; in development (DEBUG or SIGNING_AUTOCREATE) a missing key is created on first use. In production
a missing key is an error for Data Integrity proofs only: VC-JWT keeps working with the signing key.

The DID is `did:web:<host>` (a port written `%3A<port>`), resolved by wallets at
<SITE_URL>/.well-known/did.json. The key is a Multikey listed in `assertionMethod`; its id (the DID,
`#`, and the key's multibase value) is the proof's verificationMethod, so a new key is a new id.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path
from urllib.parse import urlsplit

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from django.conf import settings

from lms.errors import DomainError

from .dataintegrity import public_key_multibase

DID_CONTEXTS = ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"]

ERR_DI_NOT_CONFIGURED = (
    "Data Integrity proofs are not set up: no Ed25519 key at {path}. Run `manage.py setup_signing` or "
    "set DATA_INTEGRITY_KEY_FILE. The VC-JWT credential (format=jwt) is available meanwhile."
)


class DataIntegrityKeyMissing(DomainError):
    status_code = 503
    code = "not_configured"


_lock = threading.Lock()
_cache: dict[tuple, Ed25519PrivateKey] = {}


def key_path() -> Path:
    configured = getattr(settings, "DATA_INTEGRITY_KEY_FILE", "")
    return Path(configured) if configured else Path(settings.SIGNING_DIR) / "ed25519.key.pem"


def _passphrase() -> bytes | None:
    value = getattr(settings, "SIGNING_KEY_PASSPHRASE", "") or ""
    return value.encode() if value else None


def ensure_key() -> str | None:
    """Create the Ed25519 key when missing (idempotent); the path created, or None."""
    path = key_path()
    if path.exists():
        return None
    path.parent.mkdir(parents=True, exist_ok=True)
    passphrase = _passphrase()
    encryption = (
        serialization.BestAvailableEncryption(passphrase) if passphrase else serialization.NoEncryption()
    )
    pem = Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, encryption
    )
    # Written under a temporary name and moved into place: two first uses never leave half a key.
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(pem)
    try:
        os.link(tmp, path)  # fails if another process created the key meanwhile: keep theirs
    except FileExistsError:
        return None
    finally:
        tmp.unlink()
    return str(path)


def _autocreate_allowed() -> bool:
    return bool(getattr(settings, "SIGNING_AUTOCREATE", settings.DEBUG))


def load_private_key() -> Ed25519PrivateKey:
    path = key_path()
    with _lock:
        if not path.exists() and _autocreate_allowed():
            ensure_key()
        if not path.exists():
            raise DataIntegrityKeyMissing(ERR_DI_NOT_CONFIGURED.format(path=path))
        cache_key = (str(path), path.stat().st_mtime_ns)
        if cache_key not in _cache:
            data = path.read_bytes()
            try:
                key = serialization.load_pem_private_key(data, password=None)
            except TypeError:  # encrypted
                key = serialization.load_pem_private_key(data, password=_passphrase())
            if not isinstance(key, Ed25519PrivateKey):
                raise DataIntegrityKeyMissing(f"{path} is not an Ed25519 private key.")
            _cache.clear()
            _cache[cache_key] = key
        return _cache[cache_key]


def did() -> str:
    """did:web for SITE_URL's host (did:web spec 3.2.1: a port's colon is percent-encoded)."""
    parts = urlsplit(settings.SITE_URL)
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}%3A{parts.port}"
    return f"did:web:{host}"


def multibase() -> str:
    return public_key_multibase(load_private_key().public_key())


def verification_method_id() -> str:
    return f"{did()}#{multibase()}"


def did_document() -> dict:
    controller = did()
    method = {
        "id": verification_method_id(),
        "type": "Multikey",
        "controller": controller,
        "publicKeyMultibase": multibase(),
    }
    return {
        "@context": DID_CONTEXTS,
        "id": controller,
        "verificationMethod": [method],
        "assertionMethod": [method["id"]],
    }


def secure_credential(credential: dict) -> dict:
    """The credential with an embedded eddsa-rdfc-2022 proof by the issuer's DID key.

    Its `issuer.id` is the DID: a Data Integrity verifier (the Learner Credential Wallet, Digital
    Bazaar's vc library) requires the issuer to be the controller of the proof's verification method.
    The VC-JWT keeps the /api/v1/issuer URL. `created` is the issue time, so the answer is the same
    on every request (Ed25519 signatures are deterministic)."""
    from .dataintegrity import add_proof

    document = dict(credential)
    # credentialSchema's type "1EdTechJsonSchemaValidator2019" is defined by no context (VC 2.0 has no
    # @vocab): as a relative IRI it would be left out of the canonical form, and safe-mode verifiers
    # refuse it. The JSON Schema hint serves JSON validators of the VC-JWT; it is left out here.
    document.pop("credentialSchema", None)
    issuer = document.get("issuer")
    document["issuer"] = {**issuer, "id": did()} if isinstance(issuer, dict) else did()
    secured = add_proof(
        document,
        private_key=load_private_key(),
        verification_method=verification_method_id(),
        created=credential["validFrom"],
    )
    # The OB 3.0 schema wants `proof` as an array; in JSON-LD (proof is a @graph container) a one-item
    # array is the same statement, so the signature and Data Integrity verifiers are unaffected.
    secured["proof"] = [secured["proof"]]
    return secured

"""Data Integrity proofs, cryptosuite `eddsa-rdfc-2022` (W3C vc-di-eddsa, section 3.3).

Create: proof configuration {type, cryptosuite, created, verificationMethod, proofPurpose, @context of
the document}; canonicalise it and the unsecured document with RDFC-1.0 (URDNA2015 in PyLD); hash each
with SHA-256; sign proofConfigHash || documentHash with Ed25519; proofValue = multibase base58btc.

JSON-LD contexts come from the files in contexts/ only (`document_loader`): a credential naming any
other context is refused, so canonicalising never touches the network. PyLD has no "safe mode", so
`check_terms` does its job: a credential with a property or type that its contexts do not define is
refused rather than signed with that part silently left out of the signature.
"""

from __future__ import annotations

import copy
import hashlib
import json
from functools import cache
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from pyld import jsonld

CRYPTOSUITE = "eddsa-rdfc-2022"
PROOF_TYPE = "DataIntegrityProof"
MEDIA_TYPE = "application/vc+ld+json"

CONTEXTS_DIR = Path(__file__).parent / "contexts"
CONTEXT_FILES = {
    "https://www.w3.org/ns/credentials/v2": "credentials-v2.jsonld",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json": "ob-context-3.0.3.json",
    "https://w3id.org/security/multikey/v1": "multikey-v1.jsonld",
    "https://www.w3.org/ns/credentials/examples/v2": "credentials-examples-v2.jsonld",
}

ERR_UNKNOWN_CONTEXT = "JSON-LD context {url} is not stored locally; contexts are never fetched."
ERR_UNDEFINED_TERMS = "These terms are not defined by the credential's contexts: {terms}."


class UnknownContext(Exception):
    """A context URL outside CONTEXT_FILES."""


class UndefinedTerms(ValueError):
    """A property or type that no context defines (it would expand to the issuer-dependent vocabulary)."""


# --- base58btc / multibase ---------------------------------------------------------------------------

_B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"


def b58encode(data: bytes) -> str:
    number = int.from_bytes(data, "big")
    out = []
    while number:
        number, rem = divmod(number, 58)
        out.append(_B58[rem])
    zeros = len(data) - len(data.lstrip(b"\0"))
    return "1" * zeros + "".join(reversed(out))


def b58decode(text: str) -> bytes:
    number = 0
    for char in text:
        index = _B58.find(char)
        if index < 0:
            raise ValueError(f"not base58btc: {char!r}")
        number = number * 58 + index
    zeros = len(text) - len(text.lstrip("1"))
    body = number.to_bytes((number.bit_length() + 7) // 8, "big") if number else b""
    return b"\0" * zeros + body


def multibase_encode(data: bytes) -> str:
    return "z" + b58encode(data)


def multibase_decode(text: str) -> bytes:
    if not text.startswith("z"):
        raise ValueError("only base58btc ('z') multibase values are supported")
    return b58decode(text[1:])


ED25519_PUB_PREFIX = b"\xed\x01"  # multicodec ed25519-pub, as a varint


def public_key_multibase(public_key: Ed25519PublicKey) -> str:
    from cryptography.hazmat.primitives import serialization

    raw = public_key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return multibase_encode(ED25519_PUB_PREFIX + raw)


def public_key_from_multibase(value: str) -> Ed25519PublicKey:
    data = multibase_decode(value)
    if not data.startswith(ED25519_PUB_PREFIX) or len(data) != 34:
        raise ValueError("not an Ed25519 Multikey public key")
    return Ed25519PublicKey.from_public_bytes(data[2:])


# --- JSON-LD ------------------------------------------------------------------------------------------


@cache
def _context(url: str) -> dict:
    return json.loads((CONTEXTS_DIR / CONTEXT_FILES[url]).read_text(encoding="utf-8"))


def document_loader(url: str, options: dict | None = None) -> dict:
    """Serve the stored contexts; refuse every other URL (never a network request)."""
    if url not in CONTEXT_FILES:
        raise UnknownContext(ERR_UNKNOWN_CONTEXT.format(url=url))
    return {"contextUrl": None, "documentUrl": url, "document": copy.deepcopy(_context(url))}


def _reraise_unknown_context(exc: Exception) -> None:
    seen = exc
    for _ in range(20):
        if isinstance(seen, UnknownContext):
            raise UnknownContext(str(seen)) from exc
        seen = getattr(seen, "cause", None) or seen.__cause__ or seen.__context__
        if seen is None:
            return


def _options(**extra) -> dict:
    return {"documentLoader": document_loader, **extra}


def canonicalize(document: dict) -> str:
    """RDFC-1.0 canonical N-Quads of a JSON-LD document."""
    try:
        return jsonld.normalize(document, _options(algorithm="URDNA2015", format="application/n-quads"))
    except jsonld.JsonLdError as exc:
        _reraise_unknown_context(exc)
        raise


# Relative IRIs resolve against this during the check (PyLD's default base would hide them).
_UNRESOLVED_BASE = "https://unresolved.invalid/"


def check_terms(document: dict) -> None:
    """Refuse a document with a property or type its contexts do not define (what JSON-LD "safe mode"
    does; PyLD has none). The VC 2.0 context has no @vocab, so expansion silently drops an undefined
    property: it would be unsigned. Found by expanding and compacting again: a key that does not
    come back was dropped. An undefined type stays a relative IRI after expansion."""
    try:
        expanded = jsonld.expand(document, _options(base=_UNRESOLVED_BASE))
        compacted = jsonld.compact(
            expanded, {"@context": document.get("@context")}, _options(base=_UNRESOLVED_BASE)
        )
    except jsonld.JsonLdError as exc:
        _reraise_unknown_context(exc)
        raise
    undefined: set[str] = set()

    def single(value):
        while isinstance(value, list) and len(value) == 1:
            value = value[0]
        return value

    def dropped(original, kept, path):
        original, kept = single(original), single(kept)
        if isinstance(original, dict):
            if isinstance(kept, str):  # a node with only an id compacts to that id
                kept = {key: kept for key in original if key in ("id", "@id")}
            kept = kept if isinstance(kept, dict) else {}
            for key, value in original.items():
                if key == "@context":
                    continue
                if key not in kept:
                    undefined.add(f"{path}{key}")
                else:
                    dropped(value, kept[key], f"{path}{key}.")
        elif isinstance(original, list) and isinstance(kept, list) and len(original) == len(kept):
            for index, (a, b) in enumerate(zip(original, kept, strict=True)):
                dropped(a, b, f"{path}{index}.")

    def relative_types(node):
        if isinstance(node, list):
            for item in node:
                relative_types(item)
        elif isinstance(node, dict):
            for key, value in node.items():
                if key == "@type" and not isinstance(value, dict):
                    for kind in value if isinstance(value, list) else [value]:
                        if isinstance(kind, str) and (":" not in kind or kind.startswith(_UNRESOLVED_BASE)):
                            undefined.add(f"type {kind.removeprefix(_UNRESOLVED_BASE)}")
                relative_types(value)

    dropped(document, compacted, "")
    relative_types(expanded)
    if undefined:
        raise UndefinedTerms(ERR_UNDEFINED_TERMS.format(terms=", ".join(sorted(undefined))))


# --- the cryptosuite ----------------------------------------------------------------------------------


def _sha256(text: str) -> bytes:
    return hashlib.sha256(text.encode("utf-8")).digest()


def hash_data(*, document: dict, proof_config: dict) -> bytes:
    """proofConfigHash || transformedDocumentHash (vc-di-eddsa 3.3.4)."""
    return _sha256(canonicalize(proof_config)) + _sha256(canonicalize(document))


def proof_configuration(
    document: dict, *, verification_method: str, created: str, proof_purpose: str = "assertionMethod"
) -> dict:
    return {
        "type": PROOF_TYPE,
        "cryptosuite": CRYPTOSUITE,
        "created": created,
        "verificationMethod": verification_method,
        "proofPurpose": proof_purpose,
        "@context": document["@context"],
    }


def add_proof(
    document: dict, *, private_key: Ed25519PrivateKey, verification_method: str, created: str
) -> dict:
    """A copy of `document` with an embedded `eddsa-rdfc-2022` proof. Ed25519 is deterministic: the
    same document, key and `created` give the same proof."""
    unsecured = {k: v for k, v in document.items() if k != "proof"}
    check_terms(unsecured)
    config = proof_configuration(unsecured, verification_method=verification_method, created=created)
    signature = private_key.sign(hash_data(document=unsecured, proof_config=config))
    proof = {k: v for k, v in config.items() if k != "@context"}
    proof["proofValue"] = multibase_encode(signature)
    return {**unsecured, "proof": proof}


def verify(secured: dict, *, public_key: Ed25519PublicKey) -> bool:
    """Check an `eddsa-rdfc-2022` proof made with `public_key` (vc-di-eddsa 3.3.2)."""
    proof = secured.get("proof")
    if isinstance(proof, list) and len(proof) == 1:  # a set of one proof (as Open Badges 3.0 writes it)
        proof = proof[0]
    if not isinstance(proof, dict):
        return False
    if proof.get("type") != PROOF_TYPE or proof.get("cryptosuite") != CRYPTOSUITE:
        return False
    unsecured = {k: v for k, v in secured.items() if k != "proof"}
    config = {k: v for k, v in proof.items() if k != "proofValue"}
    if "@context" in config:
        contexts = config["@context"] if isinstance(config["@context"], list) else [config["@context"]]
        document_contexts = unsecured.get("@context")
        if not isinstance(document_contexts, list):
            document_contexts = [document_contexts]
        if document_contexts[: len(contexts)] != contexts:
            return False
    config["@context"] = unsecured.get("@context")
    try:
        signature = multibase_decode(proof.get("proofValue") or "")
        public_key.verify(signature, hash_data(document=unsecured, proof_config=config))
    except (ValueError, InvalidSignature):
        return False
    return True

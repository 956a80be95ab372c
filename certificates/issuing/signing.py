"""Signing issued certificates (PAdES with pyHanko) and checking uploaded ones.

Key material comes from files named in settings, never from the database:
- SIGNING_PKCS12_FILE (+ SIGNING_KEY_PASSPHRASE) when set, else
- SIGNING_KEY_FILE + SIGNING_CERT_FILE (PEM, optional passphrase);
- SIGNING_CA_CERT_FILE is our issuing CA: embedded in the chain and a trust root when we check an
  uploaded PDF, with the earlier signing or CA certificates listed in SIGNING_PREVIOUS_CERT_FILES
  (so rotating the key does not disown what was signed before). A signer is recognised by its key,
  never by the names a certificate carries: anyone can make a CA with our name.
In development (DEBUG, or SIGNING_AUTOCREATE) a missing key is created on first use, like
`manage.py setup_signing` does.
"""

from __future__ import annotations

import hashlib
import logging
import threading
from dataclasses import dataclass
from datetime import datetime
from io import BytesIO
from pathlib import Path

from asn1crypto import keys as asn1_keys
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

logger = logging.getLogger(__name__)

SIGNATURE_FIELD = "IssuerSignature"

ERR_NOT_CONFIGURED = (
    "The certificate signing key is not set up. Run `manage.py setup_signing` (development) or set "
    "SIGNING_KEY_FILE/SIGNING_CERT_FILE/SIGNING_CA_CERT_FILE or SIGNING_PKCS12_FILE (production)."
)


@dataclass(frozen=True)
class SigningMaterial:
    private_key: ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey
    certificate: x509.Certificate
    ca_certificates: tuple[x509.Certificate, ...]

    @property
    def organization(self) -> str:
        attrs = self.certificate.subject.get_attributes_for_oid(x509.NameOID.ORGANIZATION_NAME)
        return attrs[0].value if attrs else settings.WAGTAIL_SITE_NAME

    @property
    def common_name(self) -> str:
        attrs = self.certificate.subject.get_attributes_for_oid(x509.NameOID.COMMON_NAME)
        return attrs[0].value if attrs else self.organization

    @property
    def fingerprint(self) -> str:
        return self.certificate.fingerprint(hashes.SHA256()).hex()


_lock = threading.Lock()
_cache: dict[tuple, SigningMaterial] = {}


def _passphrase() -> bytes | None:
    value = getattr(settings, "SIGNING_KEY_PASSPHRASE", "") or ""
    return value.encode() if value else None


def _autocreate_allowed() -> bool:
    return bool(getattr(settings, "SIGNING_AUTOCREATE", settings.DEBUG)) and not settings.SIGNING_PKCS12_FILE


def ensure_dev_material() -> list[str]:
    """Create the development CA, signing key and Ed25519 Data Integrity key when missing (idempotent)."""
    from . import dikeys
    from .pki import create_dev_material, dev_paths

    created = create_dev_material(
        dev_paths(settings), organization=settings.WAGTAIL_SITE_NAME, passphrase=_passphrase()
    )
    # The Ed25519 key of the Open Badges Data Integrity proof lives beside the signing key.
    di_key = dikeys.ensure_key()
    return [*created, di_key] if di_key else created


def _files() -> list[str]:
    if settings.SIGNING_PKCS12_FILE:
        files = [settings.SIGNING_PKCS12_FILE]
    else:
        files = [settings.SIGNING_KEY_FILE, settings.SIGNING_CERT_FILE]
    if settings.SIGNING_CA_CERT_FILE:
        files.append(settings.SIGNING_CA_CERT_FILE)
    return files


def _cache_key() -> tuple:
    parts = []
    for name in _files():
        path = Path(name)
        parts.append((str(path), path.stat().st_mtime_ns if path.exists() else None))
    return tuple(parts)


def load_signing_material() -> SigningMaterial:
    """The configured key, certificate and CA chain (cached until a file changes)."""
    with _lock:
        key = _cache_key()
        if key in _cache:
            return _cache[key]
        missing = [f for f in _files() if f and not Path(f).exists()]
        if missing and _autocreate_allowed():
            ensure_dev_material()
            key = _cache_key()
            missing = [f for f in _files() if f and not Path(f).exists()]
        if missing:
            raise ImproperlyConfigured(f"{ERR_NOT_CONFIGURED} Missing: {', '.join(missing)}")
        material = _read_material()
        _cache.clear()
        _cache[key] = material
        return material


def _read_material() -> SigningMaterial:
    passphrase = _passphrase()
    ca_certs: list[x509.Certificate] = []
    if settings.SIGNING_PKCS12_FILE:
        private_key, certificate, extra = pkcs12.load_key_and_certificates(
            Path(settings.SIGNING_PKCS12_FILE).read_bytes(), passphrase
        )
        if private_key is None or certificate is None:
            raise ImproperlyConfigured("SIGNING_PKCS12_FILE holds no key and certificate.")
        ca_certs.extend(extra or [])
    else:
        private_key = serialization.load_pem_private_key(
            Path(settings.SIGNING_KEY_FILE).read_bytes(), password=passphrase
        )
        certificate = x509.load_pem_x509_certificate(Path(settings.SIGNING_CERT_FILE).read_bytes())
    if settings.SIGNING_CA_CERT_FILE and Path(settings.SIGNING_CA_CERT_FILE).exists():
        for cert in x509.load_pem_x509_certificates(Path(settings.SIGNING_CA_CERT_FILE).read_bytes()):
            if cert not in ca_certs:
                ca_certs.append(cert)
    if not isinstance(private_key, ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey):
        raise ImproperlyConfigured("The signing key must be an EC (P-256/P-384) or RSA key.")
    if private_key.public_key().public_numbers() != certificate.public_key().public_numbers():
        raise ImproperlyConfigured("The signing key does not match the signing certificate.")
    if not ca_certs:
        raise ImproperlyConfigured("No issuing CA certificate: set SIGNING_CA_CERT_FILE.")
    return SigningMaterial(private_key=private_key, certificate=certificate, ca_certificates=tuple(ca_certs))


def _asn1_cert(cert: x509.Certificate) -> asn1_x509.Certificate:
    return asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))


def _pyhanko_signer(material: SigningMaterial):
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    from .cmstemplate import TemplateSigner

    der_key = material.private_key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    return TemplateSigner(
        signing_cert=_asn1_cert(material.certificate),
        signing_key=asn1_keys.PrivateKeyInfo.load(der_key),
        cert_registry=SimpleCertificateStore.from_certs([_asn1_cert(c) for c in material.ca_certificates]),
    )


@dataclass(frozen=True)
class SigningContext:
    """What signing a certificate needs besides the PDF, built once per process and key (issue 10):
    pyHanko's signer (key and chain parsed once, and the signature container's template:
    cmstemplate.py), and the room to reserve for the signature.

    pyHanko would otherwise size the signature before every real one by making a complete dummy
    signature (building the whole CMS structure, about 40% of its signing time). The CMS of a
    certificate signature has the same size every time, to a few bytes (same chain, same signed
    attributes, an ECDSA or RSA value of near-constant length), so it is sized once here, the way
    pyHanko does (a dry-run signature, twice its length for hex), with a little slack."""

    material: SigningMaterial
    signer: object
    bytes_reserved: int


_contexts: dict[int, SigningContext] = {}
# Hex characters of room beyond the dry-run signature's size (32 bytes: an ECDSA value varies by 2).
SIGNATURE_SLACK_HEX = 64


def signing_context() -> SigningContext:
    """The context for the configured key (rebuilt when a key file changes, like the material)."""
    material = load_signing_material()
    context = _contexts.get(id(material))
    if context is None or context.material is not material:
        signer = _pyhanko_signer(material)
        signer.prepare_template(use_pades=True, signed_attr_settings=_signed_attributes())
        context = SigningContext(material=material, signer=signer, bytes_reserved=_reserve_for(signer))
        with _lock:
            _contexts.clear()
            _contexts[id(material)] = context
    return context


def _signed_attributes():
    from pyhanko.sign.signers.pdf_cms import PdfCMSSignedAttributes

    return PdfCMSSignedAttributes(signing_time=datetime.now().astimezone())


def _reserve_for(signer) -> int:
    import asyncio

    dummy = asyncio.run(
        signer.async_sign(
            hashlib.sha256().digest(),
            "sha256",
            use_pades=True,
            dry_run=True,
            signed_attr_settings=_signed_attributes(),
        )
    )
    # Tight, like pyHanko's tight_size_estimates, plus room for an ECDSA or RSA value a few bytes longer
    # than the dummy's (pyHanko's default 50% margin is for timestamp tokens from a server, which a
    # B-B signature does not carry; the unused room is written out as hex zeros, and costs time).
    return len(dummy.dump()) * 2 + SIGNATURE_SLACK_HEX


def sign_pdf(pdf_bytes: bytes, *, reason: str, location: str = "") -> bytes:
    """Sign a PDF: a PAdES baseline (B-B) certification signature with the signer certificate and the
    CA in the chain, forbidding later changes (DocMDP level 1). No revocation information is fetched
    or embedded (B-B), and the signer and the signature's size come from the process's
    SigningContext."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers

    context = signing_context()
    writer = IncrementalPdfFileWriter(BytesIO(pdf_bytes))
    meta = signers.PdfSignatureMetadata(
        field_name=SIGNATURE_FIELD,
        md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES,
        reason=reason,
        location=location or settings.SITE_URL,
        name=context.material.organization,
        certify=True,
        docmdp_permissions=fields.MDPPerm.NO_CHANGES,
    )
    out = signers.sign_pdf(
        writer, meta, signer=context.signer, bytes_reserved=context.bytes_reserved, in_place=False
    )
    return out.getvalue()


@dataclass(frozen=True)
class PdfSignatureCheck:
    """What a PDF's embedded signature says. `authentic` means: readable, signed by a certificate
    chaining to our issuing CA, cryptographically intact, covering every byte of the file, with no
    later modification."""

    readable: bool
    signed: bool = False
    ours: bool = False
    # Signed by a certificate we could read whose key, and whose issuer's key, are not ours.
    foreign: bool = False
    intact: bool = False
    trusted: bool = False
    covers_whole_file: bool = False
    signed_at: datetime | None = None
    reason: str = ""

    @property
    def authentic(self) -> bool:
        return (
            self.readable
            and self.signed
            and self.ours
            and self.intact
            and self.trusted
            and self.covers_whole_file
        )


def spki_sha256(cert: x509.Certificate) -> str:
    """SHA-256 of the certificate's SubjectPublicKeyInfo: the identity of its key, whatever names the
    certificate carries."""
    spki = cert.public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return hashlib.sha256(spki).hexdigest()


@dataclass(frozen=True)
class TrustSet:
    """The certificates whose keys are ours: the current signing certificate and CA, and the earlier
    ones listed in SIGNING_PREVIOUS_CERT_FILES."""

    certificates: tuple[x509.Certificate, ...]

    @property
    def key_fingerprints(self) -> frozenset[str]:
        return frozenset(spki_sha256(c) for c in self.certificates)

    @property
    def authorities(self) -> tuple[x509.Certificate, ...]:
        return tuple(c for c in self.certificates if _is_ca(c))

    def recognises(self, cert: x509.Certificate) -> bool:
        """The certificate's own key is one of ours, or one of our CA keys signed it (checked by
        verifying its signature, so a look-alike CA with our name but its own key is refused)."""
        if spki_sha256(cert) in self.key_fingerprints:
            return True
        for authority in self.authorities:
            try:
                cert.verify_directly_issued_by(authority)
            except (ValueError, TypeError, InvalidSignature):
                continue
            return True
        return False


def _is_ca(cert: x509.Certificate) -> bool:
    try:
        return bool(cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca)
    except x509.ExtensionNotFound:
        return False


def _previous_certificates() -> list[x509.Certificate]:
    names = [n for n in getattr(settings, "SIGNING_PREVIOUS_CERT_FILES", []) if n]
    missing = [n for n in names if not Path(n).exists()]
    if missing:
        raise ImproperlyConfigured(f"SIGNING_PREVIOUS_CERT_FILES names missing files: {', '.join(missing)}")
    return [cert for n in names for cert in x509.load_pem_x509_certificates(Path(n).read_bytes())]


def trusted_set() -> TrustSet:
    """Our keys, current and previous, for recognising the signer of an uploaded PDF."""
    material = load_signing_material()
    seen: dict[bytes, x509.Certificate] = {}
    for cert in (material.certificate, *material.ca_certificates, *_previous_certificates()):
        seen.setdefault(cert.public_bytes(serialization.Encoding.DER), cert)
    return TrustSet(certificates=tuple(seen.values()))


def check_pdf_signature(data: bytes, *, trust: TrustSet | None = None) -> PdfSignatureCheck:
    """Check the first signature of `data` against our keys (`trust`, by default the configured
    ones). Never raises for bad input, but takes as long as the file makes it: an uploaded file is
    checked through `pdfcheck.bounded_signature_check`, which runs this within hard limits."""
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.status import SignatureCoverageLevel
    from pyhanko_certvalidator import ValidationContext

    trust = trust or trusted_set()
    try:
        reader = PdfFileReader(BytesIO(data), strict=False)
        signatures = reader.embedded_signatures
    except MemoryError:
        raise  # a memory limit, not a verdict on the file: pdfcheck answers "could not be checked"
    except Exception:  # a damaged or non-PDF file: pyHanko raises many kinds of error
        return PdfSignatureCheck(readable=False)
    if not signatures:
        return PdfSignatureCheck(readable=True)
    sig = signatures[0]
    try:
        signer_cert = x509.load_der_x509_certificate(sig.signer_cert.dump())
    except Exception:
        return PdfSignatureCheck(readable=True, signed=True)
    ours = trust.recognises(signer_cert)
    try:
        reason = str(sig.sig_object.get("/Reason", ""))
    except Exception:
        reason = ""
    signed_at = None
    try:
        signed_at = sig.self_reported_timestamp
    except Exception:
        pass
    try:
        context = ValidationContext(
            trust_roots=[_asn1_cert(c) for c in trust.certificates],
            allow_fetching=False,
            # Judge the chain at signing time, so certificates signed before a key rotation or the
            # signer certificate's expiry still verify.
            moment=signed_at,
        )
        status = validate_pdf_signature(sig, context)
    except Exception:
        logger.info("PDF signature validation failed", exc_info=True)
        return PdfSignatureCheck(
            readable=True, signed=True, ours=ours, foreign=not ours, signed_at=signed_at, reason=reason
        )
    covers = status.coverage == SignatureCoverageLevel.ENTIRE_FILE and (
        status.docmdp_ok is None or bool(status.docmdp_ok)
    )
    return PdfSignatureCheck(
        readable=True,
        signed=True,
        ours=ours,
        foreign=not ours,
        intact=bool(status.intact and status.valid),
        trusted=bool(status.trusted),
        covers_whole_file=covers,
        signed_at=signed_at,
        reason=reason,
    )


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()

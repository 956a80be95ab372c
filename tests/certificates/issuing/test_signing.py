"""The signing key set-up (manage.py setup_signing), PAdES signing and the signature check, pdfsig."""

import shutil
import subprocess
from io import StringIO
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import pkcs12
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command

from certificates.issuing import signing
from certificates.issuing.pdf import render_certificate_pdf

from .helpers import *  # noqa: F403
from .helpers import sample_face, use_signing_dir

PDFSIG = shutil.which("pdfsig") or ("/usr/bin/pdfsig" if Path("/usr/bin/pdfsig").exists() else None)


@pytest.fixture(scope="module")
def signed_pdf(signing_material):
    return signing.sign_pdf(render_certificate_pdf(sample_face()), reason="Certificate HPA-QQJY-ZG9X-T")


def test_setup_signing_creates_a_ca_and_signer_once(settings, tmp_path):
    use_signing_dir(settings, tmp_path / "signing")
    out = StringIO()
    call_command("setup_signing", stdout=out)
    assert "Created development signing material" in out.getvalue()
    files = {p.name: p.read_bytes() for p in (tmp_path / "signing").glob("*.pem")}
    assert set(files) == {"ca.key.pem", "ca.cert.pem", "signer.key.pem", "signer.cert.pem", "ed25519.key.pem"}
    assert (tmp_path / "signing" / "signer.key.pem").stat().st_mode & 0o077 == 0  # private key: owner only

    ca = x509.load_pem_x509_certificate(files["ca.cert.pem"])
    signer = x509.load_pem_x509_certificate(files["signer.cert.pem"])
    assert signer.issuer == ca.subject
    ca.public_key().verify(signer.signature, signer.tbs_certificate_bytes, ec.ECDSA(hashes.SHA256()))
    assert ca.extensions.get_extension_for_class(x509.BasicConstraints).value.ca is True
    assert signer.extensions.get_extension_for_class(x509.KeyUsage).value.content_commitment is True

    again = StringIO()
    call_command("setup_signing", stdout=again)
    assert "nothing created" in again.getvalue()
    assert {p.name: p.read_bytes() for p in (tmp_path / "signing").glob("*.pem")} == files  # untouched


def test_missing_key_is_a_clear_configuration_error(settings, tmp_path):
    use_signing_dir(settings, tmp_path / "empty")
    with pytest.raises(ImproperlyConfigured, match="setup_signing"):
        signing.load_signing_material()


def test_pkcs12_key_material_is_used_for_production(settings, tmp_path, signing_material):
    p12 = pkcs12.serialize_key_and_certificates(
        b"signer",
        signing_material.private_key,
        signing_material.certificate,
        list(signing_material.ca_certificates),
        serialization.BestAvailableEncryption(b"s3cret"),
    )
    (tmp_path / "signer.p12").write_bytes(p12)
    settings.SIGNING_PKCS12_FILE = str(tmp_path / "signer.p12")
    settings.SIGNING_KEY_PASSPHRASE = "s3cret"
    settings.SIGNING_CA_CERT_FILE = ""
    material = signing.load_signing_material()
    assert material.fingerprint == signing_material.fingerprint
    signed = signing.sign_pdf(render_certificate_pdf(sample_face()), reason="Certificate HPA-QQJY-ZG9X-T")
    assert signing.check_pdf_signature(signed).authentic


def test_signed_pdf_is_authentic_and_covers_the_whole_file(signed_pdf):
    check = signing.check_pdf_signature(signed_pdf)
    assert check.readable and check.signed and check.ours and check.intact and check.trusted
    assert check.covers_whole_file
    assert check.authentic
    assert "HPA-QQJY-ZG9X-T" in check.reason


@pytest.mark.parametrize(
    "tamper",
    [
        pytest.param(
            lambda b: b[: len(b) // 2] + bytes([b[len(b) // 2] ^ 0x01]) + b[len(b) // 2 + 1 :],
            id="flip-middle",
        ),
        pytest.param(lambda b: b + b"\n%extra\n", id="append"),
        pytest.param(lambda b: b[:-10], id="truncate"),
        # The tagged PDF keeps every dictionary (document information included) in compressed object
        # streams, so the plain-text same-length edit is in the header: signed bytes, same offsets.
        pytest.param(lambda b: b.replace(b"%PDF-1.7", b"%PDF-1.6", 1), id="edit-header-same-length"),
    ],
)
def test_any_change_breaks_the_signature_check(signed_pdf, tamper):
    changed = tamper(signed_pdf)
    assert changed != signed_pdf
    assert not signing.check_pdf_signature(changed).authentic


def test_unsigned_or_foreign_files_are_not_ours(signing_material):
    unsigned = render_certificate_pdf(sample_face())
    assert not signing.check_pdf_signature(unsigned).signed
    garbage = signing.check_pdf_signature(b"not a pdf at all")
    assert not garbage.readable and not garbage.authentic


def test_a_pdf_signed_by_another_ca_is_not_ours(signing_material, settings, tmp_path):
    # A look-alike CA with the same names but a different key signs a certificate PDF.
    from certificates.issuing.pki import create_dev_material, dev_paths

    ours = {
        name: getattr(settings, name)
        for name in ("SIGNING_DIR", "SIGNING_KEY_FILE", "SIGNING_CERT_FILE", "SIGNING_CA_CERT_FILE")
    }
    use_signing_dir(settings, tmp_path / "forger")
    create_dev_material(dev_paths(settings), organization="Peer Support Academy")
    forged = signing.sign_pdf(render_certificate_pdf(sample_face()), reason="Certificate HPA-QQJY-ZG9X-T")
    for name, value in ours.items():  # back to the real key
        setattr(settings, name, value)
    check = signing.check_pdf_signature(forged)
    assert check.signed and check.intact
    assert not check.trusted
    assert not check.authentic


@pytest.mark.skipif(
    PDFSIG is None, reason="poppler's pdfsig is not installed (apt-get install poppler-utils)"
)
def test_pdfsig_reports_the_signature_valid_and_the_whole_document_signed(signed_pdf, tmp_path):
    path = tmp_path / "certificate.pdf"
    path.write_bytes(signed_pdf)
    out = subprocess.run([PDFSIG, str(path)], capture_output=True, text=True, timeout=60)
    report = out.stdout + out.stderr
    assert "Signature is Valid" in report, report
    assert "Total document signed" in report, report  # the signed ranges cover every byte: unmodified
    assert "Not total document signed" not in report

    tampered = tmp_path / "tampered.pdf"
    tampered.write_bytes(signed_pdf + b"\n%appended\n")
    out = subprocess.run([PDFSIG, str(tampered)], capture_output=True, text=True, timeout=60)
    assert "Total document signed" not in out.stdout + out.stderr

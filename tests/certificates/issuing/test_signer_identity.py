"""Who signed an uploaded PDF is decided by key, never by name: a look-alike CA (our names, its own
key) is "not issued here"; a genuine certificate changed after issue is "altered"; after a key
rotation, certificates signed under a key listed in SIGNING_PREVIOUS_CERT_FILES are still ours."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from certificates.issuing import services, signing
from certificates.issuing.pdf import render_certificate_pdf
from certificates.issuing.pki import create_dev_material, dev_paths

from .helpers import *  # noqa: F403
from .helpers import issue, stored_pdf, use_signing_dir

pytestmark = pytest.mark.django_db

SIGNING_SETTINGS = ("SIGNING_DIR", "SIGNING_KEY_FILE", "SIGNING_CERT_FILE", "SIGNING_CA_CERT_FILE")


def _use_key_material(settings, directory: Path) -> Path:
    """Point the signing settings at `directory`, creating a CA and signer there named exactly like
    ours (same organisation, so the same subject names) but with keys of their own."""
    use_signing_dir(settings, directory)
    create_dev_material(dev_paths(settings), organization=settings.WAGTAIL_SITE_NAME)
    return directory


def _upload(client, data: bytes) -> dict:
    response = client.post(
        "/api/v1/verify/pdf", {"file": SimpleUploadedFile("certificate.pdf", data, "application/pdf")}
    )
    assert response.status_code == 200, response.content
    return response.json()


def _signed_by_look_alike(settings, tmp_path, pdf: bytes, *, reason: str) -> bytes:
    ours = {name: getattr(settings, name) for name in SIGNING_SETTINGS}
    _use_key_material(settings, tmp_path / "look-alike")
    forged = signing.sign_pdf(pdf, reason=reason)
    for name, value in ours.items():
        setattr(settings, name, value)
    return forged


def test_a_look_alike_ca_is_not_ours_by_key(issued, settings, tmp_path):
    face = services.certificate_face(issued)
    forged = _signed_by_look_alike(settings, tmp_path, render_certificate_pdf(face), reason="Certificate")
    look_alike_ca = (tmp_path / "look-alike" / "ca.cert.pem").read_bytes()
    assert b"BEGIN CERTIFICATE" in look_alike_ca
    check = signing.check_pdf_signature(forged)
    assert check.signed and check.intact  # a well-made signature ...
    assert not check.ours and check.foreign  # ... by a key that is not ours, whatever its names say


def test_a_pdf_signed_by_a_look_alike_ca_is_not_issued_here(client, issued, settings, tmp_path):
    # A forgery of a real certificate of ours: same content, signed by the look-alike.
    face = services.certificate_face(issued)
    forged = _signed_by_look_alike(
        settings, tmp_path, render_certificate_pdf(face), reason=f"Certificate {issued.code}"
    )
    body = _upload(client, forged)
    assert body["result"] == "not_issued_here"
    assert body["certificate"] is None


def test_a_genuine_pdf_changed_after_issue_is_altered(client, issued):
    assert _upload(client, stored_pdf(issued) + b"%edited\n")["result"] == "altered"
    other = services.render_and_sign(issued)  # signed with our key, not the file we issued
    assert _upload(client, other)["result"] == "altered"


@pytest.fixture
def rotated(issuing, holder, version, admin, settings, tmp_path):
    """A certificate issued under an earlier key, then the signing key (and CA) rotated."""
    old = _use_key_material(settings, tmp_path / "old")
    certificate = issue(user=holder, version=version, actor=admin)
    _use_key_material(settings, tmp_path / "new")
    return certificate, old


def test_after_rotation_earlier_certificates_are_still_ours(client, rotated, settings):
    certificate, old = rotated
    settings.SIGNING_PREVIOUS_CERT_FILES = [str(old / "ca.cert.pem")]
    data = stored_pdf(certificate)
    assert _upload(client, data)["result"] == "authentic"
    check = signing.check_pdf_signature(data)
    assert check.ours and check.trusted and check.authentic
    assert _upload(client, data + b"%edited\n")["result"] == "altered"


def test_a_previous_signing_certificate_alone_is_enough(client, rotated, settings):
    certificate, old = rotated
    settings.SIGNING_PREVIOUS_CERT_FILES = [str(old / "signer.cert.pem")]
    check = signing.check_pdf_signature(stored_pdf(certificate))
    assert check.ours and check.authentic
    assert _upload(client, stored_pdf(certificate) + b"%edited\n")["result"] == "altered"


def test_without_the_previous_certificate_listed_the_old_key_is_a_stranger(client, rotated, settings):
    certificate, _old = rotated
    settings.SIGNING_PREVIOUS_CERT_FILES = []
    # The register still knows the exact file ...
    assert _upload(client, stored_pdf(certificate))["result"] == "authentic"
    # ... but a changed copy is signed by a key we no longer claim.
    assert _upload(client, stored_pdf(certificate) + b"%edited\n")["result"] == "not_issued_here"


def test_a_missing_previous_certificate_file_is_a_clear_configuration_error(rotated, settings, tmp_path):
    from django.core.exceptions import ImproperlyConfigured

    settings.SIGNING_PREVIOUS_CERT_FILES = [str(tmp_path / "nowhere.pem")]
    with pytest.raises(ImproperlyConfigured, match="SIGNING_PREVIOUS_CERT_FILES"):
        signing.trusted_set()

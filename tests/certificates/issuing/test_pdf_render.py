"""The certificate PDF as issued: one page, what it states (and what it never states), the QR code to
its verification page, and poppler's pdfsig on the stored file."""

import shutil
import subprocess

import pytest

from certificates.issuing.codes import format_code
from certificates.models import RecoveryAttestation

from .helpers import *  # noqa: F403
from .helpers import stored_pdf

pytestmark = pytest.mark.django_db


def _tool(name):
    return shutil.which(name) or (f"/usr/bin/{name}" if shutil.os.path.exists(f"/usr/bin/{name}") else None)


PDFTOTEXT, PDFINFO, PDFSIG, PDFTOPPM, ZBARIMG = (
    _tool(n) for n in ("pdftotext", "pdfinfo", "pdfsig", "pdftoppm", "zbarimg")
)


@pytest.fixture
def issued_pdf(issued, tmp_path):
    RecoveryAttestation.objects.create(
        user=issued.holder,
        recovery_start_date="2018-03-09",
        statement="I attest.",
        typed_name=issued.holder.full_name,
    )
    path = tmp_path / "certificate.pdf"
    path.write_bytes(stored_pdf(issued))
    return issued, path


@pytest.mark.skipif(not (PDFTOTEXT and PDFINFO), reason="poppler-utils (pdftotext, pdfinfo) not installed")
def test_the_pdf_states_the_certificate_and_nothing_private(issued_pdf):
    certificate, path = issued_pdf
    info = subprocess.run([PDFINFO, str(path)], capture_output=True, text=True, check=True).stdout
    assert "Pages:           1" in info
    text = subprocess.run(
        [PDFTOTEXT, "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    snap = certificate.snapshot
    for expected in (
        "Jordan Lee",
        snap["program_name"],
        snap["issuing_body"],
        f"Program version {snap['version']}",
        format_code(certificate.code),
        certificate.issued_on.strftime("%B %-d, %Y"),
        certificate.expires_on.strftime("%B %-d, %Y"),
    ):
        assert expected in text, expected
    # The URL under the QR code wraps after the host name.
    assert "https://certs.example.org/" in text and f"verify/{format_code(certificate.code)}/" in text
    assert certificate.holder.email not in text
    assert "2018" not in text and "recovery" not in text.lower().replace(snap["program_name"].lower(), "")


@pytest.mark.skipif(not (PDFTOPPM and ZBARIMG), reason="pdftoppm and zbarimg (zbar-tools) not installed")
def test_the_qr_code_opens_the_verification_page(client, issued_pdf, tmp_path):
    certificate, path = issued_pdf
    subprocess.run(
        [PDFTOPPM, "-png", "-r", "150", "-singlefile", str(path), str(tmp_path / "page")], check=True
    )
    decoded = subprocess.run(
        [ZBARIMG, "-q", "--raw", str(tmp_path / "page.png")], capture_output=True, text=True
    )
    url = decoded.stdout.strip()
    assert url == f"https://certs.example.org/verify/{format_code(certificate.code)}/"
    response = client.get(url.replace("https://certs.example.org", ""))
    assert response.status_code == 200 and "Jordan Lee" in response.content.decode()


@pytest.mark.skipif(
    PDFSIG is None, reason="poppler's pdfsig is not installed (apt-get install poppler-utils)"
)
def test_pdfsig_accepts_the_issued_pdf(issued_pdf):
    _certificate, path = issued_pdf
    out = subprocess.run([PDFSIG, str(path)], capture_output=True, text=True, timeout=60)
    report = out.stdout + out.stderr
    assert "Signature is Valid" in report, report
    assert "Total document signed" in report, report

"""Certificates in Spanish or bilingual (English with the Spanish beneath): the program's
certificate_languages decides, frozen in the snapshot at approval; the PDF stays one tagged PDF/UA
page with its language, and its signature still validates."""

import shutil
import subprocess
from io import BytesIO
from pathlib import Path

import pytest
from pyhanko.pdf_utils.reader import PdfFileReader

from certificates.issuing import signing
from certificates.issuing.codes import format_code

from .helpers import *  # noqa: F403
from .helpers import issue, stored_pdf

pytestmark = pytest.mark.django_db


def _tool(name):
    return shutil.which(name) or (f"/usr/bin/{name}" if Path(f"/usr/bin/{name}").exists() else None)


PDFTOTEXT, PDFINFO, PDFSIG = _tool("pdftotext"), _tool("pdfinfo"), _tool("pdfsig")
needs_poppler = pytest.mark.skipif(
    not (PDFTOTEXT and PDFINFO and PDFSIG), reason="poppler-utils (pdftotext, pdfinfo, pdfsig) not installed"
)

ENGLISH_LABELS = ("Certificate", "This certifies that", "has met every requirement of", "Valid until:")
SPANISH_LABELS = (
    "Certificado",
    "Se certifica que",
    "cumplió todos los requisitos de",
    "Válido hasta:",
    "Código del certificado:",
    "Versión del programa",
)


def _issue_with(languages, holder, version, admin, tmp_path):
    program = version.program
    program.certificate_languages = languages
    program.save(update_fields=["certificate_languages"])
    certificate = issue(user=holder, version=version, actor=admin)
    path = tmp_path / "certificate.pdf"
    data = stored_pdf(certificate)
    path.write_bytes(data)
    return certificate, data, path


def _text(path) -> str:
    return subprocess.run(
        [PDFTOTEXT, "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def _pages(path) -> str:
    info = subprocess.run([PDFINFO, str(path)], capture_output=True, text=True, check=True).stdout
    return next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:"))


def _pdfsig_valid(path) -> bool:
    out = subprocess.run([PDFSIG, str(path)], capture_output=True, text=True, timeout=60)
    report = out.stdout + out.stderr
    return "Signature is Valid" in report and "Total document signed" in report


@needs_poppler
def test_a_bilingual_certificate_prints_english_and_spanish_on_one_signed_page(
    issuing, holder, version, admin, tmp_path
):
    certificate, data, path = _issue_with("en+es", holder, version, admin, tmp_path)
    assert certificate.snapshot["languages"] == "en+es"
    text = _text(path)
    for label in ENGLISH_LABELS + SPANISH_LABELS:
        assert label in text, label
    day = certificate.issued_on
    assert day.strftime("%B %-d, %Y") in text  # the dates in both languages
    assert f"{day.day} de " in text and f" de {day.year}" in text
    assert format_code(certificate.code) in text and "Jordan Lee" in text
    assert _pages(path) == "1"
    root = PdfFileReader(BytesIO(data)).root
    assert str(root["/Lang"]) == "en" and "/StructTreeRoot" in root  # still tagged, English first
    check = signing.check_pdf_signature(data)
    assert check.authentic and format_code(certificate.code) in check.reason
    assert _pdfsig_valid(path)


@needs_poppler
def test_a_spanish_certificate_has_spanish_labels_and_language(issuing, holder, version, admin, tmp_path):
    certificate, data, path = _issue_with("es", holder, version, admin, tmp_path)
    text = _text(path)
    for label in SPANISH_LABELS:
        assert label in text, label
    for label in ("This certifies that", "Valid until:", "Certificate code:"):
        assert label not in text, label
    day = certificate.issued_on
    assert day.strftime("%B") not in text or day.strftime("%B") == "May"  # no English month name
    root = PdfFileReader(BytesIO(data)).root
    assert str(root["/Lang"]) == "es"
    assert signing.check_pdf_signature(data).authentic and _pdfsig_valid(path)
    assert _pages(path) == "1"


@needs_poppler
def test_an_english_program_is_unchanged(issuing, holder, version, admin, tmp_path):
    certificate, data, path = _issue_with("en", holder, version, admin, tmp_path)
    text = _text(path)
    assert "This certifies that" in text and "Se certifica que" not in text and "Certificado" not in text
    assert str(PdfFileReader(BytesIO(data)).root["/Lang"]) == "en"


def test_the_languages_are_frozen_at_approval(issuing, holder, version, admin):
    """Changing the program later does not change what an issued certificate says (or a re-render)."""
    from certificates.issuing.services.pipeline import certificate_face

    version.program.certificate_languages = "en+es"
    version.program.save()
    certificate = issue(user=holder, version=version, actor=admin)
    version.program.certificate_languages = "en"
    version.program.save()
    certificate.refresh_from_db()
    assert certificate_face(certificate).languages == ("en", "es")


@pytest.mark.parametrize(("who", "status"), [("anonymous", 401), ("trainee", 403), ("admin", 200)])
def test_only_a_program_administrator_sets_the_certificate_languages(
    client, version, holder, admin, who, status
):
    if who == "trainee":
        client.force_login(holder)
    elif who == "admin":
        client.force_login(admin)
    response = client.patch(
        f"/api/v1/programs/{version.program.slug}",
        {"certificate_languages": "en+es"},
        content_type="application/json",
    )
    assert response.status_code == status
    version.program.refresh_from_db()
    assert version.program.certificate_languages == ("en+es" if status == 200 else "en")
    if status == 200:
        assert response.json()["certificate_languages"] == "en+es"


def test_an_unknown_certificate_language_is_refused(client, version, admin):
    client.force_login(admin)
    response = client.patch(
        f"/api/v1/programs/{version.program.slug}",
        {"certificate_languages": "fr"},
        content_type="application/json",
    )
    assert response.status_code == 422
    version.program.refresh_from_db()
    assert version.program.certificate_languages == "en"


@pytest.mark.parametrize(("chosen", "printed"), [("es", "es"), ("en", "en"), ("", "en"), ("fr", "en")])
def test_a_program_following_the_holder_prints_in_the_holders_language(
    issuing, holder, version, admin, chosen, printed
):
    """The holder's saved language (the switcher's choice) decides at approval; no choice, or one the
    certificate is not printed in, prints English. The snapshot keeps the resolved language."""
    from certificates.issuing.services.pipeline import certificate_face

    holder.language = chosen
    holder.save(update_fields=["language"])
    version.program.certificate_languages = "holder"
    version.program.save(update_fields=["certificate_languages"])
    certificate = issue(user=holder, version=version, actor=admin)
    assert certificate.snapshot["languages"] == printed
    holder.language = "en" if chosen == "es" else "es"  # a later change of mind changes nothing issued
    holder.save(update_fields=["language"])
    certificate.refresh_from_db()
    assert certificate_face(certificate).languages == (printed,)


@needs_poppler
def test_a_spanish_speaking_holder_gets_a_signed_spanish_pdf(issuing, holder, version, admin, tmp_path):
    holder.language = "es"
    holder.save(update_fields=["language"])
    certificate, data, path = _issue_with("holder", holder, version, admin, tmp_path)
    assert "Se certifica que" in _text(path) and "This certifies that" not in _text(path)
    assert str(PdfFileReader(BytesIO(data)).root["/Lang"]) == "es" and _pdfsig_valid(path)


def test_the_api_sets_the_holders_language(client, version, admin):
    client.force_login(admin)
    response = client.patch(
        f"/api/v1/programs/{version.program.slug}",
        {"certificate_languages": "holder"},
        content_type="application/json",
    )
    assert response.status_code == 200 and response.json()["certificate_languages"] == "holder"

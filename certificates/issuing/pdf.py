"""Rendering a certificate to PDF with WeasyPrint from templates/certificates/certificate.html.

The template receives only what the certificate states publicly (holder's name, program, version,
issuing body, dates, code, QR code); never health or recovery data, never an email address.

The PDF is PDF/UA-1 (WeasyPrint's `pdf_variant`): tagged (a structure tree a screen reader follows,
in the template's order), marked, with the document's language (the template's `<html lang>`) and
title (shown instead of the file name). pyHanko signs it afterwards with an incremental update,
which leaves those parts as they are."""

from __future__ import annotations

import string
import threading
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import formats, translation

from .codes import ALPHABET, RANDOM_LENGTH, check_character, format_code
from .qr import qr_svg_data_uri

TEMPLATE = "certificates/certificate.html"
# WeasyPrint's PDF/UA-1 output (WeasyPrint >= 63: tags, /MarkInfo, /Lang, the title, PDF 1.7).
PDF_VARIANT = "pdf/ua-1"


@dataclass(frozen=True)
class CertificateFace:
    """Everything printed on a certificate."""

    code: str
    holder_name: str
    program_name: str
    version_label: str
    issuing_body: str
    issued_on: date
    expires_on: date
    verify_url: str
    training_hours_total: str = ""
    courses: tuple[str, ...] = ()
    is_renewal: bool = False
    # The languages printed, the main one first: ("en",), ("es",) or ("en", "es") for a bilingual
    # certificate, whose every label is in English with the Spanish beneath or beside it
    # (certificates.programs.models.CertificateLanguages).
    languages: tuple[str, ...] = ("en",)

    @property
    def display_code(self) -> str:
        return format_code(self.code)


def _long_date(day: date, language: str) -> str:
    """ "January 5, 2026" in English, "5 de enero de 2026" in Spanish (Django's DATE_FORMAT for es)."""
    with translation.override(language):
        return formats.date_format(day, "F j, Y" if language == "en" else "DATE_FORMAT")


def render_certificate_html(face: CertificateFace) -> str:
    return render_to_string(
        TEMPLATE,
        {
            "face": face,
            "bilingual": len(face.languages) > 1,
            "dates": [
                {
                    "language": language,
                    "issued": _long_date(face.issued_on, language),
                    "expires": _long_date(face.expires_on, language),
                }
                for language in face.languages
            ],
            "qr_data_uri": qr_svg_data_uri(face.verify_url),
            "SITE_NAME": settings.WAGTAIL_SITE_NAME,
            "SITE_URL": settings.SITE_URL,
        },
    )


def render_certificate_pdf(face: CertificateFace, *, language: str | None = None) -> bytes:
    """One A4/Letter-safe landscape page, in the face's main language (`language` overrides it; a
    bilingual face prints its second language too). Deterministic input -> same layout (the bytes differ only
    in WeasyPrint's timestamps, which is why a stored PDF is never re-rendered)."""
    from weasyprint import HTML

    with translation.override(language or face.languages[0] or settings.LANGUAGE_CODE):
        html = render_certificate_html(face)
    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf(
        font_config=renderer().font_config, pdf_variant=PDF_VARIANT
    )


@dataclass
class Renderer:
    """What every render in this process shares: WeasyPrint's font configuration (fontconfig and
    Pango set up once) and whether the first, slow render has happened (WeasyPrint's modules, the
    fonts, the compiled template: 1.8-3.2 s, issue 10)."""

    font_config: object
    warm: bool = False


_renderer: list[Renderer] = []
_lock = threading.Lock()


def renderer() -> Renderer:
    if not _renderer:
        with _lock:
            if not _renderer:
                from weasyprint.text.fonts import FontConfiguration

                _renderer.append(Renderer(font_config=FontConfiguration()))
    return _renderer[0]


# Every character a certificate usually prints, in every font the template uses: Pango loads glyphs
# (and looks for fallback fonts) the first time a character is drawn, so a sample in plain ASCII left
# the first real certificate 0.4 s slower than the next ones.
_SAMPLE_TEXT = string.ascii_letters + string.digits + " &()'-.,/:"


def sample_faces() -> list[CertificateFace]:
    """Faces whose codes between them hold every character of the code alphabet."""
    chunks = [ALPHABET[i : i + RANDOM_LENGTH].ljust(RANDOM_LENGTH, "0") for i in range(0, len(ALPHABET), 11)]
    return [
        CertificateFace(
            code=body + check_character(body),
            holder_name=_SAMPLE_TEXT,
            program_name=_SAMPLE_TEXT,
            version_label=_SAMPLE_TEXT,
            issuing_body=_SAMPLE_TEXT,
            issued_on=date(2000, 1, 1),
            expires_on=date(2002, 12, 31),
            verify_url="https://example.org/verify/" + body,
            training_hours_total="1234567890",
            courses=(_SAMPLE_TEXT,),
            is_renewal=renewal,
        )
        for body, renewal in zip(chunks, (False, True, False), strict=False)
    ]


def warm_up() -> Renderer:
    """Render a sample certificate once (nothing is stored), so this process's first real one costs
    what every later one does. Called when a Celery worker starts (lms/celery.py)."""
    current = renderer()
    if not current.warm:
        for face in sample_faces():
            render_certificate_pdf(face)
        current.warm = True
    return current

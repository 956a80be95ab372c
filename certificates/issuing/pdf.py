"""Rendering a certificate to PDF with WeasyPrint from templates/certificates/certificate.html.

The template receives only what the certificate states publicly (holder's name, program, version,
issuing body, dates, code, QR code); never health or recovery data, never an email address."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from .codes import format_code
from .qr import qr_svg_data_uri

TEMPLATE = "certificates/certificate.html"


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

    @property
    def display_code(self) -> str:
        return format_code(self.code)


def render_certificate_html(face: CertificateFace) -> str:
    return render_to_string(
        TEMPLATE,
        {
            "face": face,
            "qr_data_uri": qr_svg_data_uri(face.verify_url),
            "SITE_NAME": settings.WAGTAIL_SITE_NAME,
            "SITE_URL": settings.SITE_URL,
        },
    )


def render_certificate_pdf(face: CertificateFace, *, language: str | None = None) -> bytes:
    """One A4/Letter-safe landscape page. Deterministic input -> same layout (the bytes differ only
    in WeasyPrint's timestamps, which is why a stored PDF is never re-rendered)."""
    from weasyprint import HTML

    with translation.override(language or settings.LANGUAGE_CODE):
        html = render_certificate_html(face)
    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf()

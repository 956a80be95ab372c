"""Public status and verification: by code, by QR address, by uploaded PDF. Returns only what a
verifier may see: holder name, program, issuer (the academy) and the body whose requirements it meets,
issue and expiry dates, status (with the date and reason of a suspension or revocation, or the renewal
that replaced it). Never an email address, never recovery or health data."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from certificates.issuing.models import HEAD_BYTES
from certificates.models import (
    Certificate,
)
from lms.errors import NotFound

from .. import pdfcheck, signing
from ..codes import format_code, normalize_code
from .lookup import record_by_code

ERR_CERTIFICATE_NOT_FOUND = _("No certificate with this code was issued here.")
ERR_NOT_YOURS = _("This certificate is not yours.")
ERR_APPLICATION_NOT_FOUND = _("No such application.")

ZERO = Decimal("0")

# Public statuses (the verification answer).
CURRENT = "current"
EXPIRED = "expired"
SUSPENDED = "suspended"
REVOKED = "revoked"
REPLACED = "replaced"
PENDING = "pending"
NOT_ISSUED = "not_issued"

STATUS_LABELS = {
    CURRENT: _("Valid"),
    EXPIRED: _("Expired"),
    SUSPENDED: _("Suspended"),
    REVOKED: _("Revoked"),
    REPLACED: _("Replaced by a renewal"),
    PENDING: _("Being issued"),
    NOT_ISSUED: _("Not issued"),
}
STATUS_EXPLANATIONS = {
    CURRENT: _("This certificate is authentic and current."),
    EXPIRED: _("This certificate is authentic but has expired."),
    SUSPENDED: _("This certificate is authentic but is suspended: it is not valid at the moment."),
    REVOKED: _("This certificate is authentic but was revoked: it is no longer valid."),
    REPLACED: _("This certificate was replaced by a renewal: check the newer certificate."),
    PENDING: _("This certificate is being issued."),
    NOT_ISSUED: _("This certificate was not issued."),
}
STATUS_TONE = {CURRENT: "ok", EXPIRED: "warn", REPLACED: "warn", SUSPENDED: "bad", REVOKED: "bad"}


def today() -> date:
    return timezone.localdate()


def public_status(certificate: Certificate, *, on: date | None = None) -> str:
    """revoked > suspended > replaced (an issued renewal exists) > expired > current."""
    renewal = issued_renewal(certificate) if certificate.status == Certificate.Status.ISSUED else None
    return _status(certificate.status, certificate.expires_on, renewal is not None, on=on)


def _status(status: str, expires_on: date | None, replaced: bool, *, on: date | None = None) -> str:
    if status == Certificate.Status.REVOKED:
        return REVOKED
    if status == Certificate.Status.SUSPENDED:
        return SUSPENDED
    if status == Certificate.Status.PENDING:
        return PENDING
    if status == Certificate.Status.CANCELLED:
        return NOT_ISSUED
    if replaced:
        return REPLACED
    if expires_on and (on or today()) > expires_on:
        return EXPIRED
    return CURRENT


def issued_renewal(certificate: Certificate) -> Certificate | None:
    try:
        renewal = certificate.replaced_by
    except Certificate.DoesNotExist:
        return None
    if renewal is None or renewal.status in (Certificate.Status.PENDING, Certificate.Status.CANCELLED):
        return None
    return renewal


@dataclass(frozen=True)
class Verification:
    """The public record of one certificate. `as_public_dict()` is exactly what the API returns."""

    code: str
    status: str
    status_label: str
    explanation: str
    holder_name: str
    program: str
    program_version: str
    issuer: str  # the academy, which issues and signs the certificate
    requirements_set_by: str  # the program's body, whose rules the certificate was issued under
    issued_on: date | None
    expires_on: date | None
    status_changed_on: date | None
    status_reason: str
    replaced_by: str | None

    @property
    def tone(self) -> str:
        return STATUS_TONE.get(self.status, "warn")

    @property
    def verify_url(self) -> str:
        """The absolute address of this certificate's verification page (`code` is formatted already)."""
        return settings.SITE_URL + reverse("certificates:issuing:verify-code", args=[self.code])

    def as_public_dict(self) -> dict:
        return {
            "code": self.code,
            "status": self.status,
            "status_label": str(self.status_label),
            "explanation": str(self.explanation),
            "holder_name": self.holder_name,
            "program": self.program,
            "program_version": self.program_version,
            "issuer": self.issuer,
            "requirements_set_by": self.requirements_set_by,
            "issued_on": self.issued_on,
            "expires_on": self.expires_on,
            "status_changed_on": self.status_changed_on,
            "status_reason": self.status_reason,
            "replaced_by": self.replaced_by,
        }


def verification_of(certificate: Certificate, *, on: date | None = None) -> Verification:
    renewal = issued_renewal(certificate) if certificate.status == Certificate.Status.ISSUED else None
    snap = certificate.snapshot or {}
    return _verification(
        code=certificate.code,
        status=certificate.status,
        holder_name=snap.get("holder_name"),
        program=snap.get("program_name"),
        program_version=snap.get("version"),
        requirements_set_by=snap.get("issuing_body"),
        issued_on=certificate.issued_on,
        expires_on=certificate.expires_on,
        status_changed_at=certificate.status_changed_at,
        status_reason=certificate.status_reason,
        renewal_code=renewal.code if renewal else None,
        on=on,
    )


def _verification(
    *,
    code,
    status,
    holder_name,
    program,
    program_version,
    requirements_set_by,
    issued_on,
    expires_on,
    status_changed_at,
    status_reason,
    renewal_code,
    on=None,
) -> Verification:
    """The public record from exactly the fields it shows (renewal_code: an issued renewal's code)."""
    public = _status(status, expires_on, renewal_code is not None, on=on)
    shows_reason = public in (SUSPENDED, REVOKED)
    changed = status_changed_at if shows_reason else None
    return Verification(
        code=format_code(code),
        status=public,
        status_label=STATUS_LABELS[public],
        explanation=STATUS_EXPLANATIONS[public],
        holder_name=holder_name or "",
        program=program or "",
        program_version=program_version or "",
        issuer=settings.WAGTAIL_SITE_NAME,
        requirements_set_by=requirements_set_by or "",
        issued_on=issued_on,
        expires_on=expires_on,
        status_changed_on=timezone.localdate(changed) if changed else None,
        status_reason=status_reason if shows_reason else "",
        replaced_by=format_code(renewal_code) if public == REPLACED else None,
    )


def verify_url(code: str) -> str:
    """The absolute verification URL printed (as text and QR code) on the certificate."""
    return settings.SITE_URL + reverse("certificates:issuing:verify-code", args=[format_code(code)])


_NOT_IN_REGISTER = (Certificate.Status.PENDING, Certificate.Status.CANCELLED)


def _register():
    return Certificate.objects.issued().select_related("replaced_by")


def verification_for_code(raw_code: str) -> Verification:
    """Normalise the code (Invalid with a clear message when malformed) and look it up in the
    register (NotFound when no certificate with this code was issued): one query, by the unique index
    on the code, selecting only the columns the answer shows."""
    verification = verification_from_record(record_by_code(normalize_code(raw_code)))
    if verification is None:
        raise NotFound(str(ERR_CERTIFICATE_NOT_FOUND), code="certificate_not_found")
    return verification


def verification_from_record(row: dict | None) -> Verification | None:
    """The public record from the register's row for a code (lookup.record_by_code or
    records_by_codes), or None when no certificate with the code was issued (no row, or one pending or
    cancelled)."""
    if row is None or row["status"] in _NOT_IN_REGISTER:
        return None
    row = dict(row)
    renewal_status = row.pop("renewal_status")
    if renewal_status is None or renewal_status in _NOT_IN_REGISTER:
        row["renewal_code"] = None
    return _verification(**{name.removeprefix("public_"): value for name, value in row.items()})


AUTHENTIC = "authentic"
ALTERED = "altered"
NOT_ISSUED_HERE = "not_issued_here"
COULD_NOT_CHECK = "could_not_check"
PDF_RESULTS = (AUTHENTIC, ALTERED, NOT_ISSUED_HERE, COULD_NOT_CHECK)

PDF_RESULT_MESSAGES = {
    AUTHENTIC: _("This PDF is exactly as we issued it."),
    ALTERED: _(
        "This PDF has been changed since we issued it, or is damaged: do not rely on it. Ask the holder "
        "for the original, or check the certificate code instead."
    ),
    NOT_ISSUED_HERE: _("This PDF is not a certificate issued here."),
    COULD_NOT_CHECK: _(
        "This file could not be checked: it is not byte for byte a PDF we issued, and it is too large "
        "or too complex to examine further. Do not rely on it as it is; check the certificate code "
        "printed on it instead, or ask the holder for the original PDF."
    ),
}


@dataclass(frozen=True)
class PdfVerification:
    result: str
    message: str
    certificate: Verification | None

    def as_public_dict(self) -> dict:
        return {
            "result": self.result,
            "message": str(self.message),
            "certificate": self.certificate.as_public_dict() if self.certificate else None,
        }


def _codes_mentioned(data: bytes) -> set[str]:
    """Certificate codes named in the PDF as "Certificate XXX-XXXX-XXXX-X": the signature's /Reason
    and the document title, both written as PDF literal strings (where "-" may appear as the
    octal escape \\055). Used to recognise a damaged or edited copy of one of ours even when the
    file no longer parses."""
    import re

    from ..codes import looks_like_code

    found = set()
    for match in re.finditer(rb"Certificate ((?:[0-9A-Za-z]|-|\\0?55){12,24})", data):
        text = match.group(1).replace(b"\\055", b"-").replace(b"\\55", b"-").decode("ascii", "ignore")
        if looks_like_code(text):
            found.add(normalize_code(text))
    return found


def _known_certificate(data: bytes) -> tuple[Certificate | None, bool]:
    """(the certificate, whether the file is one of ours): one of our certificates this file names (by
    code) or starts like (cut short: the signature and the code are at the end, but the start is one of
    ours). Raw-byte scans: no parsing.

    The start names a certificate only when exactly one has it: the first kilobyte is the page's
    opening drawing, which two certificates of one holder (a renewal, a replacement) or of namesakes
    can share. The file is still one of ours, but it is never reported as someone else's certificate."""
    mentioned = _codes_mentioned(data)
    known = _register().filter(code__in=mentioned).first() if mentioned else None
    if known is None and len(data) >= HEAD_BYTES:
        alike = list(_register().filter(head_sha256=signing.sha256_hex(data[:HEAD_BYTES]))[:2])
        return (alike[0] if len(alike) == 1 else None), bool(alike)
    return known, known is not None


def verification_for_pdf(data: bytes) -> PdfVerification:
    """Authentic when the file's SHA-256 is in the register: it is byte for byte a file we issued
    (decided without parsing the file). Otherwise the signature is checked within hard limits
    (pdfcheck): could not be checked when a limit is reached; not issued here when the file is signed
    by a key that is not ours (however its certificates are named); altered when it carries a
    signature from one of our keys but is not such a file (one flipped byte, appended bytes, an edit
    saved by a PDF editor, a damaged download), or names one of our certificates; otherwise not
    issued here, including an intact file signed with our key that the register does not hold."""
    digest = signing.sha256_hex(data)
    certificate = _register().filter(sha256=digest).first()
    if certificate is not None:
        return PdfVerification(AUTHENTIC, PDF_RESULT_MESSAGES[AUTHENTIC], verification_of(certificate))
    known, one_of_ours = _known_certificate(data)
    try:
        check = pdfcheck.bounded_signature_check(data)
    except pdfcheck.CouldNotCheck:
        return PdfVerification(
            COULD_NOT_CHECK, PDF_RESULT_MESSAGES[COULD_NOT_CHECK], verification_of(known) if known else None
        )
    if check.foreign:
        return PdfVerification(NOT_ISSUED_HERE, PDF_RESULT_MESSAGES[NOT_ISSUED_HERE], None)
    if (check.ours and not check.authentic) or one_of_ours:
        return PdfVerification(
            ALTERED, PDF_RESULT_MESSAGES[ALTERED], verification_of(known) if known else None
        )
    return PdfVerification(NOT_ISSUED_HERE, PDF_RESULT_MESSAGES[NOT_ISSUED_HERE], None)

"""Explicit ninja schemas for issuing and verification. The public ones (VerificationOut,
PdfVerificationOut) carry exactly what issue 5 item 4 allows; nothing else can leak through them."""

from datetime import date, datetime
from typing import Literal
from uuid import UUID

from ninja import Field, Schema

from certificates.schemas import ErrorOut  # noqa: F401 (the shared error shape, re-exported for issuing.api)
from lms.converters import Id


class VerificationOut(Schema):
    code: str
    status: str
    status_label: str
    explanation: str
    holder_name: str
    program: str
    program_version: str
    issuer: str = Field(description="The academy, which issued and signed the certificate.")
    requirements_set_by: str = Field(
        description="The credential program's body, whose requirements the certificate was issued under."
    )
    issued_on: date | None
    expires_on: date | None
    status_changed_on: date | None
    status_reason: str
    replaced_by: str | None


class PdfVerificationOut(Schema):
    """`could_not_check`: the file is not one we issued byte for byte, and it was too large or too
    complex to examine within the server's limits; check the certificate code instead."""

    result: Literal["authentic", "altered", "not_issued_here", "could_not_check"]
    message: str
    certificate: VerificationOut | None


class BulkVerifyIn(Schema):
    codes: list[str] = Field(
        description=(
            "Certificate codes as printed or typed (any case, dashes and spaces optional), at most "
            "VERIFY_BULK_MAX_CODES (500 by default) and each at most 40 characters; a longer list or code "
            "is refused whole. Blank and malformed entries are answered per row."
        )
    )


class BulkVerificationRowOut(Schema):
    """One entry of the list, in order: the single look-up's public record (empty strings and nulls
    when no certificate was found), plus `row`, `input` and `duplicate_of`."""

    row: int = Field(description="The entry's position in the list, from 1.")
    input: str = Field(description="The code as sent (trimmed).")
    code: str | None = Field(description="The code in its printed form; null when the entry is malformed.")
    status: Literal["current", "expired", "suspended", "revoked", "replaced", "not_found", "malformed"]
    status_label: str
    explanation: str = Field(description="What the status means, or what is wrong with a malformed entry.")
    holder_name: str
    program: str
    program_version: str
    issuer: str = Field(description="The academy, which issued and signed the certificate.")
    requirements_set_by: str = Field(
        description="The credential program's body, whose requirements the certificate was issued under."
    )
    issued_on: date | None
    expires_on: date | None
    status_changed_on: date | None
    status_reason: str
    replaced_by: str | None
    duplicate_of: int | None = Field(description="The earlier row with the same code (answered the same).")


class BulkCountsOut(Schema):
    current: int
    expired: int
    suspended: int
    revoked: int
    replaced: int
    not_found: int
    malformed: int
    total: int = Field(description="Entries in the list.")
    checked: int = Field(
        description="Distinct well-formed codes looked up: what the list cost of the rate limit."
    )
    duplicates: int = Field(description="Entries repeating an earlier entry's code.")


class BulkVerificationOut(Schema):
    results: list[BulkVerificationRowOut]
    counts: BulkCountsOut


class ApplicationIn(Schema):
    version_id: Id
    user_id: Id | None = None


class ReasonIn(Schema):
    reason: str = ""


class ApplicationOut(Schema):
    id: int
    kind: str
    status: str
    status_label: str
    applicant: str
    program: str
    program_name: str
    version: str
    submitted_at: datetime
    decided_at: datetime | None
    decision_reason: str
    certificate_code: str | None


class CertificateOut(Schema):
    uuid: UUID
    code: str
    status: str
    status_label: str
    holder_name: str
    program: str
    program_version: str
    issuer: str = Field(description="The academy, which issued and signed the certificate.")
    requirements_set_by: str = Field(
        description="The credential program's body, whose requirements the certificate was issued under."
    )
    issued_on: date | None
    expires_on: date | None
    status_changed_on: date | None
    status_reason: str
    replaces: str | None
    replaced_by: str | None
    download_url: str | None
    credential_url: str | None
    verify_url: str


class CredentialLinkOut(Schema):
    """A link at which the holder shares their Open Badges credential (the address is the secret)."""

    id: int
    certificate_code: str
    url: str | None = Field(None, description="The VC-JWT, for anyone with the address; none once stopped.")
    json_url: str | None = Field(None, description="The same credential as JSON; none once stopped.")
    page_url: str | None = Field(
        None, description="The credential's public page, for people to open; none once stopped."
    )
    active: bool
    created_at: datetime
    revoked_at: datetime | None

"""Many certificate codes checked at once (bulk verification), in two steps so the caller can spend the
rate limit in between: `bulk_plan` normalises every row's code as the single check does (a malformed
row gets its own message and costs nothing) and lists the distinct codes; `bulk_verify` looks them all
up in one query and answers every row, duplicates included, with exactly the single check's public
record (never an email address, never recovery or health data)."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from lms.errors import Invalid

from ..codes import format_code, normalize_code
from .lookup import records_by_codes
from .verification import (
    CURRENT,
    ERR_CERTIFICATE_NOT_FOUND,
    EXPIRED,
    REPLACED,
    REVOKED,
    STATUS_LABELS,
    STATUS_TONE,
    SUSPENDED,
    Verification,
    verification_from_record,
)

NOT_FOUND = "not_found"
MALFORMED = "malformed"
BULK_STATUSES = (CURRENT, EXPIRED, SUSPENDED, REVOKED, REPLACED, NOT_FOUND, MALFORMED)
BULK_LABELS = {
    **{status: STATUS_LABELS[status] for status in BULK_STATUSES[:5]},
    NOT_FOUND: _("Not found"),
    MALFORMED: _("Not a certificate code"),
}
BULK_TONE = {**STATUS_TONE, NOT_FOUND: "bad", MALFORMED: "bad"}

ERR_BLANK_ROW = _("This row is blank.")
MSG_DUPLICATE = _("The same code as row {row}.")


@dataclass(frozen=True)
class PlannedRow:
    row: int
    typed: str
    code: str | None  # canonical, when the typed code is well formed
    error: str  # why it is not, when it is not


@dataclass(frozen=True)
class BulkPlan:
    rows: list[PlannedRow]
    codes: list[str]  # the distinct well-formed codes, in the order first met: one check each


@dataclass(frozen=True)
class BulkRow:
    """One row's answer: the public record (verification) when a certificate with the code was issued."""

    row: int
    typed: str
    code: str | None  # shown grouped, PRX-7K3M-9QD2-F
    status: str
    status_label: str
    message: str
    verification: Verification | None
    duplicate_of: int | None  # the earlier row with the same code

    @property
    def tone(self) -> str:
        return BULK_TONE.get(self.status, "warn")

    def as_public_dict(self) -> dict:
        """BulkVerificationRowOut: the single check's fields (empty for a row with no certificate),
        plus the row, the code as sent and the earlier row it repeats."""
        v = self.verification
        return {
            "row": self.row,
            "input": self.typed,
            "code": self.code,
            "status": self.status,
            "status_label": str(self.status_label),
            "explanation": self.message,
            "holder_name": v.holder_name if v else "",
            "program": v.program if v else "",
            "program_version": v.program_version if v else "",
            "issuer": v.issuer if v else "",
            "requirements_set_by": v.requirements_set_by if v else "",
            "issued_on": v.issued_on if v else None,
            "expires_on": v.expires_on if v else None,
            "status_changed_on": v.status_changed_on if v else None,
            "status_reason": v.status_reason if v else "",
            "replaced_by": v.replaced_by if v else None,
            "duplicate_of": self.duplicate_of,
        }


@dataclass(frozen=True)
class BulkVerification:
    rows: list[BulkRow]
    counts: dict[str, int]  # per status, plus "total" rows, "checked" distinct codes, "duplicates"

    @property
    def summary(self) -> list[tuple[str, str, int, str]]:
        """(status, label, rows, tone) for each status some row has, in the usual order."""
        return [(s, BULK_LABELS[s], self.counts[s], BULK_TONE[s]) for s in BULK_STATUSES if self.counts[s]]

    def as_public_dict(self) -> dict:
        return {"results": [row.as_public_dict() for row in self.rows], "counts": dict(self.counts)}


def bulk_plan(rows: list[tuple[int, str]]) -> BulkPlan:
    """Each (row number, code as typed) normalised; no query."""
    planned, codes, seen = [], [], set()
    for number, typed in rows:
        typed = typed.strip()
        try:
            code = normalize_code(typed)
        except Invalid as exc:
            message = str(ERR_BLANK_ROW) if not typed else exc.message
            planned.append(PlannedRow(number, typed, None, message))
            continue
        planned.append(PlannedRow(number, typed, code, ""))
        if code not in seen:
            seen.add(code)
            codes.append(code)
    return BulkPlan(rows=planned, codes=codes)


def bulk_verify(plan: BulkPlan) -> BulkVerification:
    """Every row answered from one query (an IN on the normalised codes), whatever the list's length."""
    records = records_by_codes(plan.codes)
    found = {code: verification_from_record(records.get(code)) for code in plan.codes}
    first_row: dict[str, int] = {}
    answered = []
    counts = dict.fromkeys(BULK_STATUSES, 0)
    for planned in plan.rows:
        if planned.code is None:
            answered.append(
                BulkRow(
                    planned.row,
                    planned.typed,
                    None,
                    MALFORMED,
                    BULK_LABELS[MALFORMED],
                    planned.error,
                    None,
                    None,
                )
            )
            counts[MALFORMED] += 1
            continue
        verification = found[planned.code]
        status = verification.status if verification else NOT_FOUND
        message = str(verification.explanation if verification else ERR_CERTIFICATE_NOT_FOUND)
        duplicate_of = first_row.setdefault(planned.code, planned.row)
        duplicate_of = None if duplicate_of == planned.row else duplicate_of
        if duplicate_of:
            message = f"{message} {MSG_DUPLICATE.format(row=duplicate_of)}"
        answered.append(
            BulkRow(
                row=planned.row,
                typed=planned.typed,
                code=format_code(planned.code),
                status=status,
                status_label=BULK_LABELS.get(status, STATUS_LABELS.get(status, status)),
                message=message,
                verification=verification,
                duplicate_of=duplicate_of,
            )
        )
        counts[status] = counts.get(status, 0) + 1
    counts["total"] = len(plan.rows)
    counts["checked"] = len(plan.codes)
    counts["duplicates"] = sum(1 for row in answered if row.duplicate_of)
    return BulkVerification(rows=answered, counts=counts)

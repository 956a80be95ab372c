"""Lists of certificate codes to check at once (bulk verification): read from a CSV file, pasted lines
or an API list into numbered rows, refused whole when the list cannot be read or is too long (nothing
checked); and the results written back as CSV, safe to open in a spreadsheet.

A row is (its number, the code as typed). In a file the number is the spreadsheet's row number (a
header, when there is one, is row 1), so an employer finds the row they typed; pasted lines are
numbered as lines; an API list from 1. A blank row in the middle of a list stays a row (reported as
blank); blank rows at the end are dropped."""

from __future__ import annotations

import base64
import csv
import io
import re
from datetime import date

from django.conf import settings
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lms import uploads
from lms.csvexport import csv_safe
from lms.errors import DomainError, Invalid

# Longest cell taken as a code: 12 characters, with dashes and spaces (the code form's limit).
MAX_CODE_CHARS = 40
HEADER_NAMES = {"code", "codes", "certificate code", "certificate_code", "certificate"}
# Starts of files people upload by mistake: spreadsheets (xlsx, ods: zip; xls: OLE), PDF, images.
_BINARY_STARTS = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0", b"%PDF", b"\x89PNG", b"\xff\xd8\xff", b"GIF8")
_DELIMITERS = (",", ";", "\t")
# Control characters no text file holds (tab, line feed and carriage return are fine).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

ERR_FILE_EMPTY = gettext_lazy("The file is empty. Choose the CSV file with the certificate codes.")
ERR_NO_CODES = gettext_lazy(
    "No certificate codes were found. Put one code on each line, or in a column headed “code”."
)
ERR_NOT_CSV = gettext_lazy(
    "This file is not a CSV file: it looks like a spreadsheet, PDF or other binary file. In your "
    "spreadsheet program choose “Save as” or “Download as” CSV, and upload that file."
)
ERR_ENCODING = gettext_lazy("This file is not UTF-8 text. Save it as “CSV UTF-8” and upload it again.")
ERR_UNREADABLE = gettext_lazy("This file could not be read as CSV: {detail}.")
ERR_TOO_LARGE = gettext_lazy("The list is larger than {size}. A list of {limit} codes is much smaller.")
ERR_TOO_MANY_CODES = gettext_lazy(
    "This list has {count} codes; at most {limit} can be checked at once. Nothing was checked. Split "
    "the list into parts of at most {limit} codes."
)
ERR_CODE_TOO_LONG = gettext_lazy(
    "Row {row} is {length} characters long, but a certificate code has 12 letters and digits (at most "
    "{max} characters with dashes and spaces). Nothing was checked. Is this the right list?"
)


class TooManyCodes(DomainError):
    """A list over VERIFY_BULK_MAX_CODES: refused whole, before anything is checked."""

    status_code = 413
    code = "too_many_codes"


class ListTooLarge(DomainError):
    status_code = 413
    code = "too_large"


def max_codes() -> int:
    return int(settings.VERIFY_BULK_MAX_CODES)


def max_bytes() -> int:
    return int(settings.VERIFY_BULK_MAX_BYTES)


def check_size(size: int, *, field: str) -> None:
    if size > max_bytes():
        raise ListTooLarge(
            _(ERR_TOO_LARGE).format(size=uploads.human_size(max_bytes()), limit=max_codes()), field=field
        )


# --- Reading -------------------------------------------------------------------------------------------


def rows_from_csv(data: bytes) -> list[tuple[int, str]]:
    """The rows of an uploaded CSV file: its `code` column when the first row is a header naming one,
    else its first column. UTF-8 with or without a byte order mark; comma, semicolon or tab separated."""
    check_size(len(data), field="file")
    if not data.strip():
        raise Invalid(_(ERR_FILE_EMPTY), field="file", code="file_empty")
    if data.startswith(_BINARY_STARTS) or b"\x00" in data:
        raise Invalid(_(ERR_NOT_CSV), field="file", code="not_csv")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise Invalid(_(ERR_ENCODING), field="file", code="encoding") from None
    if _CONTROL.search(text):
        raise Invalid(_(ERR_NOT_CSV), field="file", code="not_csv")
    first_line = text.split("\n", 1)[0]
    delimiter = next((d for d in _DELIMITERS[1:] if d in first_line and "," not in first_line), ",")
    try:
        records = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as exc:
        raise Invalid(_(ERR_UNREADABLE).format(detail=exc), field="file", code="not_csv") from None
    column, start = 0, 0
    if records:
        header = [cell.strip().lower() for cell in records[0]]
        named = [i for i, cell in enumerate(header) if cell in HEADER_NAMES]
        if named:
            column, start = named[0], 1
    rows = [
        (number, record[column] if len(record) > column else "")
        for number, record in enumerate(records, start=1)
        if number > start
    ]
    return _checked(rows, field="file")


def rows_from_text(text: str) -> list[tuple[int, str]]:
    """Pasted codes, one a line (a first line that is only a header, "code", is skipped)."""
    check_size(len(text.encode("utf-8")), field="codes")
    lines = text.splitlines()
    rows = [
        (number, line)
        for number, line in enumerate(lines, start=1)
        if not (number == 1 and line.strip().lower() in HEADER_NAMES)
    ]
    return _checked(rows, field="codes")


def rows_from_list(codes: list[str]) -> list[tuple[int, str]]:
    """An API list: rows numbered from 1, in order."""
    return _checked(list(enumerate(codes, start=1)), field="codes", keep_trailing=True)


def _checked(rows, *, field: str, keep_trailing: bool = False) -> list[tuple[int, str]]:
    """Trailing blank rows dropped; refused whole when nothing is left, when the list is longer than
    the cap (the count named) or a row is far too long to be a code."""
    if not keep_trailing:
        while rows and not rows[-1][1].strip():
            rows.pop()
    if not rows or not any(typed.strip() for _row, typed in rows):
        raise Invalid(_(ERR_NO_CODES), field=field, code="no_codes")
    if len(rows) > max_codes():
        raise TooManyCodes(
            _(ERR_TOO_MANY_CODES).format(count=_number(len(rows)), limit=_number(max_codes())), field=field
        )
    for number, typed in rows:
        length = len(typed.strip())
        if length > MAX_CODE_CHARS:
            raise Invalid(
                _(ERR_CODE_TOO_LONG).format(row=number, length=_number(length), max=MAX_CODE_CHARS),
                field=field,
                code="code_too_long",
            )
    return rows


def _number(value: int) -> str:
    """10,000 in English, 10.000 in Spanish."""
    return number_format(value, force_grouping=True)


# --- Writing -------------------------------------------------------------------------------------------


def _header() -> list[str]:
    return [
        _("Row"),
        _("Code as typed"),
        _("Certificate code"),
        _("Status"),
        _("Message"),
        _("Holder"),
        _("Program"),
        _("Program version"),
        _("Issued by"),
        _("Requirements set by"),
        _("Issue date"),
        _("Expiry date"),
        _("Suspended or revoked on"),
        _("Reason"),
        _("Replaced by"),
    ]


def _day(value: date | None) -> str:
    return value.isoformat() if value else ""


def results_csv(result) -> str:
    """The results (selectors.BulkVerification) as CSV text, one line per row of the list, with a byte
    order mark so spreadsheets read names in UTF-8. Every text cell goes through csv_safe."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out)
    writer.writerow(_header())
    for row in result.rows:
        v = row.verification
        writer.writerow(
            [
                row.row,
                csv_safe(row.typed),
                csv_safe(row.code or ""),
                csv_safe(row.status_label),
                csv_safe(row.message),
                csv_safe(v.holder_name if v else ""),
                csv_safe(v.program if v else ""),
                csv_safe(v.program_version if v else ""),
                csv_safe(v.issuer if v else ""),
                csv_safe(v.requirements_set_by if v else ""),
                _day(v.issued_on if v else None),
                _day(v.expires_on if v else None),
                _day(v.status_changed_on if v else None),
                csv_safe(v.status_reason if v else ""),
                csv_safe((v.replaced_by or "") if v else ""),
            ]
        )
    return out.getvalue()


def results_filename(on: date) -> str:
    return f"certificate-checks-{on.isoformat()}.csv"


def results_data_url(text: str) -> str:
    """The CSV as a data: address, so the results page offers the download of this very answer
    (nothing kept on the server, nothing uploaded or checked again)."""
    return "data:text/csv;charset=utf-8;base64," + base64.b64encode(text.encode("utf-8")).decode("ascii")

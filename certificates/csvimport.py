"""Reading CSV uploads for the all-or-nothing imports (historical hours, training taken elsewhere):
a report with one error per bad line; when it has any, nothing was saved."""

import csv
import io
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from lms.errors import Invalid

ERR_CSV_HEADER = gettext_noop("The file must have these columns: {columns}.")
ERR_CSV_EMPTY = gettext_noop("The file has no rows.")
ERR_CSV_ENCODING = gettext_noop("Save the file as UTF-8 CSV and try again.")


@dataclass
class ImportReport:
    """Outcome of a CSV import: `errors` is a list of (line number, message); when it is non-empty
    nothing was saved."""

    created: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


class Rollback(Exception):
    """Raised inside an import's transaction to undo every row once errors were collected."""


def read_csv(data: bytes | str, columns: list[str]) -> list[tuple[int, dict]]:
    """(line number, row) pairs with lower-cased headers and stripped values; `columns` must all be
    present."""
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise Invalid(_(ERR_CSV_ENCODING), code="encoding")
    reader = csv.DictReader(io.StringIO(data))
    header = [h.strip().lower() for h in (reader.fieldnames or [])]
    missing = [c for c in columns if c not in header]
    if missing:
        raise Invalid(_(ERR_CSV_HEADER).format(columns=", ".join(columns)), code="csv_header")
    reader.fieldnames = header
    rows = [(i, {k: (v or "").strip() for k, v in row.items() if k}) for i, row in enumerate(reader, start=2)]
    if not rows:
        raise Invalid(_(ERR_CSV_EMPTY), code="csv_empty")
    return rows


def emails_in(rows, keys) -> set[str]:
    """The lower-cased email addresses named in `keys` columns, to look the people up in one query."""
    return {row.get(k, "").lower() for _line, row in rows for k in keys if row.get(k)}

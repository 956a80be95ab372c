"""What a database id looks like in a URL, a query string or a JSON body: 1 to 2**63 - 1.

Every primary key here is a 64-bit signed integer column. A larger number reaching the ORM makes
SQLite raise OverflowError and PostgreSQL raise DataError (both 500s), so ids are bounded before they
get there: out of range is "no such thing".

- Pages and the API use the `id` path converter (`<id:pk>` in urls.py, `{id:pk}` in ninja routes): an
  out-of-range id matches no URL, so pages answer 404 and the API its JSON 404.
- The API types its id parameters and body fields as `Id`, which also documents the bounds in OpenAPI
  (body and query ids out of range answer the documented 422).
"""

from typing import Annotated

from django.urls import register_converter
from pydantic import Field

MAX_ID = 2**63 - 1
_MAX_DIGITS = len(str(MAX_ID))

# A JSON body or query id: the documented bounds; out of range is a 422 like any invalid field.
Id = Annotated[int, Field(ge=1, le=MAX_ID)]


def parse_id(value) -> int | None:
    """A query-string or form id as an int, or None when it is not one (not digits, 0, out of range)."""
    text = str(value or "").strip()
    if not text.isascii() or not text.isdigit() or len(text) > _MAX_DIGITS:
        return None
    number = int(text)
    return number if 1 <= number <= MAX_ID else None


class IdConverter:
    # No sign, no leading zero, at most 19 digits; the value check is in to_python.
    regex = f"[1-9][0-9]{{0,{_MAX_DIGITS - 1}}}"

    def to_python(self, value: str) -> int:
        number = int(value)
        if number > MAX_ID:
            # ValueError tells the resolver "this pattern does not match": the request goes on to the
            # next pattern and ends in a 404, never in a query.
            raise ValueError(value)
        return number

    def to_url(self, value) -> str:
        return str(int(value))


register_converter(IdConverter, "id")

"""POST /api/v1/verify/bulk: many certificate codes checked at once (public, no account, no CSRF:
`auth=None`, like the other verification endpoints). Mounted before the issuing router so that its fixed
path is matched before /verify/{code}. Thin: read the list, plan, spend the rate limit, look up."""

from typing import Literal

from django.http import HttpResponse
from django.utils import timezone
from ninja import Router

from . import bulkcsv, ratelimit, selectors
from .schemas import BulkVerificationOut, BulkVerifyIn, ErrorOut

router = Router(tags=["certificates"])
CSV_TYPE = "text/csv"


@router.post(
    "/verify/bulk",
    response={200: BulkVerificationOut, 413: ErrorOut, 422: ErrorOut, 429: ErrorOut},
    auth=None,
    summary="Look up many certificates by their codes at once",
    description=(
        "Every entry of `codes` is answered in order, with the same public record as "
        "`GET /verify/{code}` plus its `row`, the `input` as sent and `duplicate_of` (a repeated code is "
        "answered again, looked up once). A blank or malformed entry is answered `malformed` with what "
        "is wrong; a code never issued here `not_found`. All codes are looked up in one query.\n\n"
        "Refused whole, nothing checked: more than VERIFY_BULK_MAX_CODES entries (500 by default; 413, "
        "`too_many_codes`, naming the count and the cap), an entry over 40 characters or no code at all "
        "(422), a body over VERIFY_BULK_MAX_BYTES (413). Each distinct well-formed code spends one unit "
        "of the client's verification rate limit (VERIFY_RATE_LIMIT_PER_MINUTE): a list needing more "
        "than remain this minute is refused with 429 (`rate_limited`), saying how many remain, and "
        "spends nothing.\n\n"
        "`format=csv` (or `Accept: text/csv` without a format) answers the same results as a CSV file, "
        "with formula-like cells prefixed by an apostrophe."
    ),
)
def verify_bulk(request, payload: BulkVerifyIn, format: Literal["json", "csv"] | None = None):
    # The middleware's limit allows room for form fields; the list itself is held to the cap.
    bulkcsv.check_size(len(request.body), field="codes")
    rows = bulkcsv.rows_from_list(payload.codes)
    plan = selectors.bulk_plan(rows)
    ratelimit.spend(request, "verify", len(plan.codes))
    result = selectors.bulk_verify(plan)
    wants_csv = format == "csv" or (format is None and CSV_TYPE in request.headers.get("Accept", ""))
    if wants_csv:
        response = HttpResponse(bulkcsv.results_csv(result), content_type=f"{CSV_TYPE}; charset=utf-8")
        filename = bulkcsv.results_filename(timezone.localdate())
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response
    return result.as_public_dict()

"""/api/v1/registry: the public registry for an employer's system (no login; rate-limited per client
with the page, scope "registry")."""

from django.core.paginator import Paginator
from ninja import Query, Router, Schema

from certificates.issuing import httpcache, ratelimit
from lms.errors import ErrorOut
from lms.pagination import page_number

from . import selectors
from .schemas import RegistryPageOut

router = Router(tags=["registry"])


class RegistryQueryIn(Schema):
    # Strings, checked by the selector: one message for the page and the API, never a 500.
    name: str = ""
    state: str = ""
    page: str = "1"


@router.get(
    "/registry",
    response={200: RegistryPageOut, 422: ErrorOut, 429: ErrorOut},
    auth=None,
    summary="Search the public registry by name (and state)",
    description=(
        "Only holders who chose to be listed are found, by the words of their full name (each word of "
        "`name` starts a word of the name, any case; at least 2 characters, at most 100). `state` is a "
        "two-letter US state code (the program's state). 25 results a page (`page`, from 1; past the "
        "end gives the last page). Each result is what the verification page shows: name, credential, "
        "status, issue and expiry dates and the certificate code. 422 for a missing, short or long name "
        "or an unknown state; 429 past REGISTRY_RATE_LIMIT_PER_MINUTE."
    ),
)
def registry_search(request, filters: Query[RegistryQueryIn]):
    query = selectors.registry_query(name=filters.name, state=filters.state)
    ratelimit.check_rate(request, "registry")
    paginator = Paginator(selectors.registry_search(query), selectors.PER_PAGE)
    page = paginator.page(min(page_number(filters.page), paginator.num_pages))
    results = [
        {
            "holder_name": row.record.holder_name,
            "credential": row.record.program,
            "state": row.state,
            "status": row.record.status,
            "status_label": str(row.record.status_label),
            "issued_on": row.record.issued_on,
            "expires_on": row.record.expires_on,
            "code": row.record.code,
            "verify_url": row.record.verify_url,
        }
        for row in selectors.registry_rows(page.object_list if paginator.count else [])
    ]
    body = {
        "count": paginator.count,
        "page": page.number,
        "num_pages": paginator.num_pages,
        "per_page": selectors.PER_PAGE,
        "results": results,
    }
    from lms.api import api

    return httpcache.never(api.create_response(request, body, status=200))

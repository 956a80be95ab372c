"""The public bulk verification page (/verify/bulk/): an employer checks a list of certificate codes (a
CSV file or pasted lines) and gets a table of results and the same results as CSV. No account needed.

Refused whole, nothing checked and nothing spent: a list that cannot be read (422), one over
VERIFY_BULK_MAX_CODES codes or VERIFY_BULK_MAX_BYTES (413), one needing more checks than the client
has left this minute (429). A refused form comes back with the pasted codes. Thin: read the list
(bulkcsv), plan, spend the rate limit, look up (selectors), answer."""

from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from lms.errors import DomainError

from . import bulkcsv, forms, httpcache, ratelimit, selectors

TEMPLATE = "certificates/verify/bulk.html"


def _page(request, form, *, status=200, error=None, result=None):
    context = {
        "form": form,
        "error": error,
        "result": result,
        # What one list can hold now: each different code spends one check of the client's budget, so a
        # list longer than the budget a minute is always refused (429), whatever VERIFY_BULK_MAX_CODES.
        "max_codes": min(bulkcsv.max_codes(), ratelimit.limit_for("verify")),
        "limit_per_minute": ratelimit.limit_for("verify"),
    }
    if result is not None:
        text = bulkcsv.results_csv(result)
        context["csv_href"] = bulkcsv.results_data_url(text)
        context["csv_filename"] = bulkcsv.results_filename(timezone.localdate())
    # The page carries the form's CSRF token, and a result is one employer's list: never kept anywhere.
    return httpcache.never(TemplateResponse(request, TEMPLATE, context, status=status))


@require_http_methods(["GET", "POST"])
def verify_bulk(request):
    """GET: the form. POST: the results table (and a download of them), or with `format=csv` the CSV
    file itself."""
    if request.method == "GET":
        return _page(request, forms.BulkVerifyForm())
    form = forms.BulkVerifyForm(request.POST, request.FILES)
    if not form.is_valid():
        # A file over the upload limit was dropped while the body was read (lms.uploads): 413.
        return _page(request, form, status=413 if getattr(request, "upload_too_large", False) else 422)
    upload = form.cleaned_data.get("file")
    try:
        if upload:
            bulkcsv.check_size(upload.size, field="file")
            rows = bulkcsv.rows_from_csv(upload.read())
        else:
            rows = bulkcsv.rows_from_text(form.cleaned_data["codes"])
        plan = selectors.bulk_plan(rows)
        ratelimit.spend(request, "verify", len(plan.codes))
        result = selectors.bulk_verify(plan)
    except DomainError as exc:
        return _page(request, form, status=exc.status_code, error=exc)
    if request.POST.get("format") == "csv":
        response = HttpResponse(bulkcsv.results_csv(result), content_type="text/csv; charset=utf-8")
        filename = bulkcsv.results_filename(timezone.localdate())
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return httpcache.never(response)
    return _page(request, form, result=result)

"""The public registry page (anyone, no login, rate-limited like verification) and the holder's
switch on My certificates (POST + CSRF). Thin: parse, call one selector or service, answer."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from certificates.issuing import httpcache, ratelimit
from lms.errors import DomainError
from lms.pagination import paginate

from . import selectors, services
from .forms import RegistrySearchForm


@require_GET
def registry(request):
    """Search opted-in holders by name (and state). Without a name: the form and what it is for."""
    form = RegistrySearchForm(request.GET if "name" in request.GET else None)
    context = {"form": form, "pager": None, "rows": [], "searched": False}
    if not form.is_bound:
        return httpcache.public(TemplateResponse(request, "certificates/registry/search.html", context))
    try:
        # Read as sent, not through the form's cleaning (which drops a field holding a NUL): the
        # selector cleans and checks both, with the same messages as the API.
        query = selectors.registry_query(name=request.GET.get("name"), state=request.GET.get("state"))
        ratelimit.check_rate(request, "registry")
    except DomainError as exc:
        if exc.field in ("name", "state"):
            form.add_error(exc.field, exc.message)
        else:
            context["lookup_error"] = exc
        return httpcache.never(
            TemplateResponse(request, "certificates/registry/search.html", context, status=exc.status_code)
        )
    pager = paginate(request, selectors.registry_search(query), per_page=selectors.PER_PAGE)
    context.update(pager=pager, rows=selectors.registry_rows(pager.items), searched=True, query=query)
    # Opting out must show at once: a proxy may not keep a search (the verification page's rule is
    # for one certificate's record, which changes only with its status).
    return httpcache.never(TemplateResponse(request, "certificates/registry/search.html", context))


def _back():
    return redirect(f"{reverse('certificates:issuing:mine')}#registry")


@login_required
@require_POST
def listing_on(request):
    try:
        listed = services.registry_opt_in(user=request.user)
    except DomainError as exc:
        messages.error(request, exc.message)
        return _back()
    if listed:
        messages.success(
            request, _("You are listed in the public registry. Employers can now find you by name.")
        )
    return _back()


@login_required
@require_POST
def listing_off(request):
    if services.registry_opt_out(user=request.user):
        messages.success(request, _("You are no longer listed in the public registry."))
    return _back()

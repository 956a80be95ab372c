"""The applicant's "My details" page: date of birth and highest education completed, each signed by
typing their full name. Private: only they and program administrators see it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from certificates.web import form_error, handles_domain_errors
from lms.errors import DomainError

from . import forms, selectors, services


def _attest(user, which: str, data: dict):
    if which == "birth":
        return services.birth_date_attest(
            user=user, date_of_birth=data["date_of_birth"], typed_name=data["typed_name"]
        )
    return services.education_attest(user=user, level=data["level"], typed_name=data["typed_name"])


@login_required
@require_http_methods(["GET", "POST"])
@handles_domain_errors
def details(request):
    """Two forms on one page; a hidden `which` says which one was sent."""
    which = request.POST.get("which") if request.method == "POST" else None
    birth_form = forms.BirthDateForm(request.POST if which == "birth" else None)
    education_form = forms.EducationForm(request.POST if which == "education" else None)
    status = 200
    if request.method == "POST":
        form = {"birth": birth_form, "education": education_form}.get(which)
        if form is None:
            status = 422
            messages.error(request, _("Nothing was saved: use one of the two Sign and save buttons."))
        elif not form.is_valid():
            status = 422
        else:
            try:
                _attest(request.user, which, form.cleaned_data)
            except DomainError as exc:
                form_error(form, exc)
                status = exc.status_code
            else:
                messages.success(
                    request, _("Thank you. Saved; only you and the program's administrators see it.")
                )
                return redirect(f"{reverse('certificates:details')}#{which}-h")
    return TemplateResponse(
        request,
        "certificates/details.html",
        {
            "birth_form": birth_form,
            "education_form": education_form,
            "birth": selectors.birth_date_own(user=request.user),
            "education": selectors.education_own(user=request.user),
        },
        status=status,
    )

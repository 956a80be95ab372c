"""The trainee's private recovery attestation page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from certificates.web import form_error, handles_domain_errors
from lms.errors import DomainError

from . import forms, selectors, services


@login_required
@require_http_methods(["GET", "POST"])
@handles_domain_errors
def recovery(request):
    """The trainee's private recovery attestation: only they and program administrators see it."""
    form = forms.RecoveryAttestationForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.recovery_attest(
                    user=request.user,
                    recovery_start_date=form.cleaned_data["recovery_start_date"],
                    typed_name=form.cleaned_data["typed_name"],
                    confirmed=form.cleaned_data["confirmed"],
                )
            except DomainError as exc:
                form_error(form, exc)
                status = exc.status_code
            else:
                messages.success(request, _("Thank you. Your attestation is saved and private."))
                return redirect("certificates:recovery")
        else:
            status = 422
    history = list(selectors.recovery_history_own(user=request.user))
    current = next((a for a in history if a.is_current), None)
    return TemplateResponse(
        request,
        "certificates/recovery.html",
        {"form": form, "current": current, "history": history, "statement": services.RECOVERY_STATEMENT},
        status=status,
    )

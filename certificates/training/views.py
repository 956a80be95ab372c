"""Training taken elsewhere: evidence download, recording it on a trainee's page, and the CSV import."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from certificates.web import csv_import_page, error_page, handles_domain_errors, require_admin
from lms.errors import DomainError, Invalid
from lms.models import User

from . import forms, selectors, services


@login_required
@require_GET
@handles_domain_errors
def evidence(request, pk):
    training = selectors.external_training_for_actor(actor=request.user, pk=pk)
    if not training.evidence:
        raise Http404
    return FileResponse(
        training.evidence.open("rb"), as_attachment=True, filename=training.evidence.name.split("/")[-1]
    )


@login_required
@require_POST
@handles_domain_errors
def external_add(request, user_id):
    require_admin(request)
    trainee = get_object_or_404(User, pk=user_id)
    form = forms.ExternalTrainingForm(request.POST, request.FILES)
    back = reverse("certificates:trainee", args=[user_id])
    if not form.is_valid():
        errors = "; ".join(f"{k}: {' '.join(v)}" for k, v in form.errors.items())
        return error_page(request, Invalid(errors), back_url=back)
    data = form.cleaned_data
    try:
        services.external_training_record(
            actor=request.user,
            user=trainee,
            provider=data["provider"],
            title=data["title"],
            completed_on=data["completed_on"],
            hours=form.hours(),
            evidence=data.get("evidence"),
            notes=data["notes"],
        )
    except DomainError as exc:
        return error_page(request, exc, back_url=back)
    messages.success(request, _("Training recorded."))
    return redirect(back)


@login_required
@require_http_methods(["GET", "POST"])
@handles_domain_errors
def import_external(request):
    return csv_import_page(
        request,
        service=services.external_training_import_csv,
        title=_("Import training taken elsewhere"),
        columns=services.EXTERNAL_CSV_COLUMNS,
    )

"""What a trainee did elsewhere: evidence downloads (training taken elsewhere, board exam results),
recording either on a trainee's page, and the CSV imports."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from certificates.eligibility.views import trainee_page
from certificates.programs import selectors as program_selectors
from certificates.web import csv_import_page, form_error, handles_domain_errors, require_admin
from lms.errors import DomainError
from lms.models import User
from lms.storage import private_file_response

from . import exams, forms, selectors, services


def _download(field):
    if not field:
        raise Http404
    return private_file_response(field.name, filename=field.name.split("/")[-1], storage=field.storage)


@login_required
@require_GET
@handles_domain_errors
def evidence(request, pk):
    training = selectors.external_training_for_actor(actor=request.user, pk=pk)
    return _download(training.evidence)


@login_required
@require_GET
@handles_domain_errors
def exam_evidence(request, pk):
    """The board's notice of an exam result: for its owner and program administrators only."""
    result = selectors.outside_exam_result_for_actor(actor=request.user, pk=pk)
    return _download(result.evidence)


@login_required
@require_POST
@handles_domain_errors
def external_add(request, user_id):
    require_admin(request)
    trainee = get_object_or_404(User, pk=user_id)
    form = forms.ExternalTrainingForm(request.POST, request.FILES)
    if not form.is_valid():
        return trainee_page(request, trainee, external_form=form, status=422)
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
            delivery_mode=data["delivery_mode"],
        )
    except DomainError as exc:
        form_error(form, exc)
        return trainee_page(request, trainee, external_form=form, status=exc.status_code)
    messages.success(request, _("Training recorded."))
    return redirect(f"{reverse('certificates:trainee', args=[user_id])}#ext-h")


@login_required
@require_POST
@handles_domain_errors
def exam_result_add(request, user_id):
    """Record a board exam result on the trainee's page (with the board's notice as evidence)."""
    require_admin(request)
    trainee = get_object_or_404(User, pk=user_id)
    form = forms.ExamResultForm(request.POST, request.FILES, exams=selectors.exams_for_user(user=trainee))
    if not form.is_valid():
        return trainee_page(request, trainee, exam_form=form, status=422)
    try:
        exams.outside_exam_result_record(actor=request.user, user=trainee, **form.cleaned_data)
    except DomainError as exc:
        form_error(form, exc)
        return trainee_page(request, trainee, exam_form=form, status=exc.status_code)
    messages.success(request, _("Exam result recorded."))
    return redirect(f"{reverse('certificates:trainee', args=[user_id])}#exam-h")


@login_required
@require_http_methods(["GET", "POST"])
@handles_domain_errors
def import_external(request):
    return csv_import_page(
        request,
        service=services.external_training_import_csv,
        title=_("Import training taken elsewhere"),
        columns=services.EXTERNAL_CSV_COLUMNS,
        optional=services.EXTERNAL_CSV_OPTIONAL,
    )


@login_required
@require_http_methods(["GET", "POST"])
@handles_domain_errors
def import_exam_results(request, slug):
    """Board exam results of one program's exams, from a CSV file; all or nothing."""
    require_admin(request)
    program = program_selectors.program_get(slug=slug, user=request.user)
    return csv_import_page(
        request,
        service=lambda *, actor, data: exams.outside_exam_results_import_csv(
            actor=actor, program=program, data=data
        ),
        title=_("Import exam results: %(program)s") % {"program": program.name},
        columns=exams.CSV_COLUMNS,
        optional=exams.CSV_OPTIONAL,
        extra_context={"program": program, "exams": program.exams.all()},
        template_name="certificates/import_exam_results.html",
    )

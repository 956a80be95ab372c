"""What a trainee did elsewhere: evidence downloads (training taken elsewhere, board exam results),
recording either from a trainee's file, and the CSV imports."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

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


def _record_page(request, trainee, *, form, kind, status=200):
    """A page of its own for one record on a trainee's file (the file lists them and links here); a
    refused form comes back with what the administrator typed."""
    # Training elsewhere can always be recorded; an exam result only for an exam of their programs.
    can_record = kind != "exam" or form.fields["exam"].queryset.exists()
    return TemplateResponse(
        request,
        "certificates/trainee_record.html",
        {"trainee": trainee, "form": form, "kind": kind, "can_record": can_record},
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
@handles_domain_errors
def external_add(request, user_id):
    """Record training the trainee took elsewhere (with a certificate of attendance as evidence)."""
    require_admin(request)
    trainee = get_object_or_404(User, pk=user_id)
    if request.method == "GET":
        return _record_page(request, trainee, form=forms.ExternalTrainingForm(), kind="external")
    form = forms.ExternalTrainingForm(request.POST, request.FILES)
    if not form.is_valid():
        return _record_page(request, trainee, form=form, kind="external", status=422)
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
        return _record_page(request, trainee, form=form, kind="external", status=exc.status_code)
    messages.success(request, _("Training recorded."))
    return redirect(f"{reverse('certificates:trainee-records', args=[user_id])}#ext-h")


@login_required
@require_http_methods(["GET", "POST"])
@handles_domain_errors
def exam_result_add(request, user_id):
    """Record a board exam result (with the board's notice as evidence), for an exam of a program the
    trainee works toward."""
    require_admin(request)
    trainee = get_object_or_404(User, pk=user_id)
    exams_offered = selectors.exams_for_user(user=trainee)
    if request.method == "GET":
        form = forms.ExamResultForm(exams=exams_offered)
        return _record_page(request, trainee, form=form, kind="exam")
    form = forms.ExamResultForm(request.POST, request.FILES, exams=exams_offered)
    if not form.is_valid():
        return _record_page(request, trainee, form=form, kind="exam", status=422)
    try:
        exams.outside_exam_result_record(actor=request.user, user=trainee, **form.cleaned_data)
    except DomainError as exc:
        form_error(form, exc)
        return _record_page(request, trainee, form=form, kind="exam", status=exc.status_code)
    messages.success(request, _("Exam result recorded."))
    return redirect(f"{reverse('certificates:trainee-records', args=[user_id])}#exam-h")


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

"""The administrator's pages for hours: linking trainees to supervisors, supervisors and their
credentials, and the historical CSV import (the trainee's and supervisor's pages are in hours.views)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from certificates.eligibility.views import trainee_page
from certificates.web import csv_import_page, error_page, form_error, handles_domain_errors, require_admin
from lms import roles
from lms.errors import DomainError, Invalid
from lms.models import User
from lms.pagination import paginate
from lms.timezones import local_today

from . import forms, imports, qualifications, selectors, services
from .models import SupervisorAssignment, SupervisorQualification


@login_required
@require_POST
@handles_domain_errors
def supervisor_assign(request, user_id):
    """Link a supervisor by email; a refused link answers with the trainee's file and the form, keeping
    what was typed."""
    require_admin(request)
    trainee = get_object_or_404(User, pk=user_id)
    form = forms.SupervisorAssignForm(request.POST)
    if not form.is_valid():
        return trainee_page(request, trainee, assign_form=form, status=422)
    try:
        services.supervisor_assign(
            actor=request.user, supervisor=form.cleaned_data["supervisor"], trainee=trainee
        )
    except DomainError as exc:
        form_error(form, exc)
        return trainee_page(request, trainee, assign_form=form, status=exc.status_code)
    messages.success(request, _("Supervisor linked."))
    return redirect(f"{reverse('certificates:trainee', args=[user_id])}#sup-h")


@login_required
@require_POST
@handles_domain_errors
def supervisor_unassign(request, user_id, assignment_id):
    require_admin(request)
    assignment = get_object_or_404(SupervisorAssignment, pk=assignment_id, trainee_id=user_id)
    services.supervisor_unassign(actor=request.user, assignment=assignment)
    messages.success(request, _("Supervisor unlinked."))
    return redirect("certificates:trainee", user_id=user_id)


@login_required
@require_http_methods(["GET", "POST"])
@handles_domain_errors
def import_hours(request):
    return csv_import_page(
        request,
        service=imports.practice_logs_import_csv,
        title=_("Import historical hours"),
        columns=imports.HOURS_CSV_COLUMNS,
        optional=imports.HOURS_CSV_OPTIONAL,
    )


@login_required
@require_GET
@handles_domain_errors
def supervisors(request):
    """Program administrators: every supervisor with their recorded credentials, and a form to record
    one for each."""
    require_admin(request)
    return _supervisors_page(request)


def _qualification_form(supervisor, data=None):
    return forms.QualificationForm(data, auto_id=f"sup-{supervisor.pk}-%s")


def _supervisors_page(request, *, failed=None, status=200):
    pager = paginate(request, selectors.supervisors_with_qualifications())
    rows = []
    for person in pager.items:
        failed_here = bool(failed) and failed[0] == person.pk
        today = local_today(person)
        rows.append(
            {
                "person": person,
                "credentials": [(q, q.is_valid_on(today)) for q in person.supervisor_qualifications.all()],
                "form": failed[1] if failed_here else _qualification_form(person),
                "open": failed_here,
            }
        )
    return TemplateResponse(
        request, "certificates/supervisors.html", {"rows": rows, "pager": pager}, status=status
    )


@login_required
@require_POST
@handles_domain_errors
def qualification_add(request, user_id):
    require_admin(request)
    supervisor = get_object_or_404(User, pk=user_id)
    form = _qualification_form(supervisor, request.POST)
    if not form.is_valid():
        if not roles.is_supervisor(supervisor):
            raise Invalid(_(qualifications.ERR_NOT_A_SUPERVISOR), field="supervisor")
        return _supervisors_page(request, failed=(supervisor.pk, form), status=422)
    try:
        qualifications.qualification_record(actor=request.user, supervisor=supervisor, **form.cleaned_data)
    except DomainError as exc:
        if exc.field == "supervisor":
            return error_page(request, exc, back_url=reverse("certificates:supervisors"))
        form_error(form, exc)
        return _supervisors_page(request, failed=(supervisor.pk, form), status=exc.status_code)
    messages.success(
        request,
        _("Credential recorded for %(name)s.") % {"name": supervisor.get_full_name()},
    )
    page = request.GET.get("page", "")
    query = f"?page={page}" if page.isdigit() else ""
    return redirect(f"{reverse('certificates:supervisors')}{query}#supervisor-{supervisor.pk}")


@login_required
@require_http_methods(["GET", "POST"])
@handles_domain_errors
def qualification_edit(request, pk):
    require_admin(request)
    qualification = get_object_or_404(SupervisorQualification.objects.select_related("supervisor"), pk=pk)
    initial = {name: getattr(qualification, name) for name in qualifications.EDITABLE}
    form = forms.QualificationForm(request.POST or None, initial=initial)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                qualifications.qualification_update(
                    actor=request.user, qualification=qualification, **form.cleaned_data
                )
            except DomainError as exc:
                form_error(form, exc)
                status = exc.status_code
            else:
                messages.success(request, _("Credential updated."))
                return redirect(
                    f"{reverse('certificates:supervisors')}#supervisor-{qualification.supervisor_id}"
                )
        else:
            status = 422
    return TemplateResponse(
        request,
        "certificates/qualification_edit.html",
        {"form": form, "qualification": qualification, "supervisor": qualification.supervisor},
        status=status,
    )

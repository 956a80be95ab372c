"""HTML pages: the trainee's checklist, hours log, pledge and recovery attestation; the supervisor's
queue; the program administrator's cohort, trainee view, supervisor links and imports. Thin: parse,
call one service or selector, answer. Domain errors are shown with their status code."""

import functools

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from lms import roles
from lms.errors import DomainError
from lms.models import User

from . import forms, selectors, services
from .eligibility import requirement_label
from .models import CredentialProgram, ProgramEnrollment, SupervisorAssignment


def _error(request, exc: DomainError, *, back_url: str | None = None):
    return TemplateResponse(
        request,
        "certificates/error.html",
        {"message": exc.message, "back_url": back_url},
        status=exc.status_code,
    )


def handles_domain_errors(view):
    """Any DomainError a view lets through (not found, forbidden...) becomes a page with its status."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except DomainError as exc:
            return _error(request, exc)

    return wrapper


def _form_error(form, exc: DomainError):
    field = exc.field if exc.field in form.fields else None
    form.add_error(field, exc.message)


def _require_admin(request):
    if not roles.is_program_admin(request.user):
        raise PermissionDenied


# --- trainee --------------------------------------------------------------------------------------


@login_required
@require_GET
@handles_domain_errors
def dashboard(request):
    """The trainee's checklist: every requirement of every program they work toward."""
    progress = selectors.my_eligibility(user=request.user)
    joined = {p.enrollment.program_id for p in progress}
    available = [p for p in selectors.programs_list(user=request.user) if p.pk not in joined]
    return TemplateResponse(
        request,
        "certificates/dashboard.html",
        {
            "progress": progress,
            "available": available,
            "has_recovery": selectors.recovery_attestation_own(user=request.user) is not None,
        },
    )


@require_GET
@handles_domain_errors
def program_detail(request, slug):
    program = selectors.program_get(slug=slug, user=request.user)
    if not program.is_active and not roles.is_program_admin(request.user):
        raise Http404
    version = program.current_version()
    requirements = list(version.requirements.select_related("course", "domain")) if version else []
    rows = [(r, requirement_label(r, {r.domain_id: r.domain} if r.domain_id else {})) for r in requirements]
    enrolled = (
        request.user.is_authenticated
        and ProgramEnrollment.objects.filter(user=request.user, program=program).exists()
    )
    return TemplateResponse(
        request,
        "certificates/program_detail.html",
        {
            "program": program,
            "version": version,
            "rows": rows,
            "enrolled": enrolled,
            "pledge": program.current_pledge(),
        },
    )


@login_required
@require_POST
@handles_domain_errors
def program_enroll(request, slug):
    program = get_object_or_404(CredentialProgram, slug=slug)
    try:
        services.program_enroll(user=request.user, program=program)
    except DomainError as exc:
        return _error(request, exc, back_url=reverse("certificates:program", args=[slug]))
    messages.success(request, _("You are now working toward %(program)s.") % {"program": program.name})
    return redirect("certificates:dashboard")


@login_required
@require_http_methods(["GET", "POST"])
@handles_domain_errors
def pledge(request, slug):
    program = get_object_or_404(CredentialProgram.objects.active(), slug=slug)
    current = program.current_pledge()
    if current is None:
        raise Http404
    signed = current.signatures.filter(user=request.user).first()
    form = forms.PledgeForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            services.pledge_sign(
                user=request.user, pledge=current, typed_name=form.cleaned_data["typed_name"]
            )
        except DomainError as exc:
            _form_error(form, exc)
            status = exc.status_code
        else:
            messages.success(request, _("Thank you. Your signature is recorded."))
            return redirect("certificates:dashboard")
    elif request.method == "POST":
        status = 422
    return TemplateResponse(
        request,
        "certificates/pledge.html",
        {"program": program, "pledge": current, "signed": signed, "form": form},
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
@handles_domain_errors
def hours(request):
    supervisors = selectors.supervisors_for_trainee(trainee=request.user)
    form = forms.PracticeLogForm(request.POST or None, supervisors=supervisors)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                entry = services.practice_log_create(trainee=request.user, **data)
            except DomainError as exc:
                _form_error(form, exc)
                status = exc.status_code
            else:
                if entry.possible_duplicate:
                    messages.warning(
                        request,
                        _(
                            "Saved. It looks like another entry with the same date and hours; your supervisor will check."
                        ),
                    )
                else:
                    messages.success(request, _("Saved. Your supervisor will review it."))
                return redirect("certificates:hours")
        else:
            status = 422
    return TemplateResponse(
        request,
        "certificates/hours.html",
        {
            "form": form,
            "entries": selectors.practice_logs_for_trainee(trainee=request.user),
            "totals": selectors.practice_hours_totals(trainee=request.user),
            "supervisors": supervisors,
        },
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
@handles_domain_errors
def hours_edit(request, pk):
    entry = selectors.practice_log_for_actor(actor=request.user, pk=pk)
    if entry.trainee_id != request.user.pk:
        raise Http404
    supervisors = selectors.supervisors_for_trainee(trainee=request.user)
    initial = {
        "date": entry.date,
        "hours": entry.hours,
        "kind": entry.kind,
        "domain": entry.domain_id,
        "setting": entry.setting,
        "description": entry.description,
        "supervisor": entry.supervisor_id,
    }
    form = forms.PracticeLogForm(request.POST or None, initial=initial, supervisors=supervisors)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.practice_log_update(actor=request.user, entry=entry, **form.cleaned_data)
            except DomainError as exc:
                _form_error(form, exc)
                status = exc.status_code
            else:
                messages.success(request, _("Changes saved. Your supervisor will review the entry again."))
                return redirect("certificates:hours")
        else:
            status = 422
    return TemplateResponse(
        request, "certificates/hours_edit.html", {"form": form, "entry": entry}, status=status
    )


@login_required
@require_POST
@handles_domain_errors
def hours_withdraw(request, pk):
    entry = selectors.practice_log_for_actor(actor=request.user, pk=pk)
    if entry.trainee_id != request.user.pk:
        raise Http404
    try:
        services.practice_log_withdraw(actor=request.user, entry=entry)
    except DomainError as exc:
        return _error(request, exc, back_url=reverse("certificates:hours"))
    messages.success(request, _("Entry withdrawn."))
    return redirect("certificates:hours")


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
                _form_error(form, exc)
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


# --- supervisor -----------------------------------------------------------------------------------


@login_required
@require_GET
@handles_domain_errors
def queue(request):
    if not roles.is_supervisor(request.user):
        raise PermissionDenied
    entries = list(selectors.supervisor_queue(supervisor=request.user))
    return TemplateResponse(
        request,
        "certificates/queue.html",
        {
            "entries": entries,
            "supervisees": selectors.supervisees_for(supervisor=request.user),
            "decided": selectors.supervisor_decided(supervisor=request.user, limit=20),
        },
    )


@login_required
@require_POST
@handles_domain_errors
def decide(request, pk):
    entry = selectors.practice_log_for_actor(actor=request.user, pk=pk)
    form = forms.DecisionForm(request.POST)
    if not form.is_valid():
        return _error(
            request,
            services.Invalid(_("Choose approve or don't approve.")),
            back_url=reverse("certificates:queue"),
        )
    try:
        services.practice_log_decide(
            actor=request.user,
            entry=entry,
            approve=form.cleaned_data["decision"] == "approve",
            reason=form.cleaned_data["reason"],
        )
    except DomainError as exc:
        return _error(request, exc, back_url=reverse("certificates:queue"))
    messages.success(request, _("Decision recorded."))
    return redirect("certificates:queue")


@login_required
@require_POST
@handles_domain_errors
def decide_bulk(request):
    ids = request.POST.getlist("entries")
    form = forms.BulkDecisionForm(request.POST, entry_ids=[i for i in ids if i.isdigit()])
    if not form.is_valid():
        return _error(
            request,
            services.Invalid(_(services.ERR_NOTHING_SELECTED)),
            back_url=reverse("certificates:queue"),
        )
    try:
        done = services.practice_logs_decide_bulk(
            actor=request.user,
            entry_ids=form.cleaned_data["entries"],
            approve=form.cleaned_data["decision"] == "approve",
            reason=form.cleaned_data["reason"],
        )
    except DomainError as exc:
        return _error(request, exc, back_url=reverse("certificates:queue"))
    messages.success(
        request,
        ngettext("%(count)s decision recorded.", "%(count)s decisions recorded.", len(done))
        % {"count": len(done)},
    )
    return redirect("certificates:queue")


# --- program administrator ------------------------------------------------------------------------


@login_required
@require_GET
@handles_domain_errors
def manage(request):
    _require_admin(request)
    return TemplateResponse(
        request,
        "certificates/manage.html",
        {"programs": selectors.programs_list(user=request.user, include_inactive=True)},
    )


@login_required
@require_GET
@handles_domain_errors
def cohort(request, slug):
    _require_admin(request)
    program = selectors.program_get(slug=slug, user=request.user)
    rows = selectors.cohort_for_program(actor=request.user, program=program)
    if selectors.cohort_has_recovery_requirement(rows):
        services.recovery_status_reads_record(
            actor=request.user, users=[r.enrollment.user for r in rows], context="cohort page"
        )
    eligible = [r for r in rows if r.eligibility.eligible]
    others = [r for r in rows if not r.eligibility.eligible]
    return TemplateResponse(
        request,
        "certificates/cohort.html",
        {"program": program, "eligible": eligible, "others": others, "rows": rows},
    )


@login_required
@require_GET
@handles_domain_errors
def cohort_csv(request, slug):
    _require_admin(request)
    program = selectors.program_get(slug=slug, user=request.user)
    rows = selectors.cohort_for_program(actor=request.user, program=program)
    if selectors.cohort_has_recovery_requirement(rows):
        services.recovery_status_reads_record(
            actor=request.user, users=[r.enrollment.user for r in rows], context="cohort csv"
        )
    response = StreamingHttpResponse(
        selectors.cohort_csv_lines(rows=rows), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="cohort-{program.slug}.csv"'
    return response


@login_required
@require_GET
@handles_domain_errors
def trainee_detail(request, user_id):
    """A program administrator's view of one trainee. The recovery attestation is shown only on request
    (?recovery=1), and each such read is audited."""
    _require_admin(request)
    trainee = get_object_or_404(User, pk=user_id)
    enrollments = list(
        ProgramEnrollment.objects.filter(user=trainee).select_related("program", "version__program")
    )
    eligibilities = [
        services.eligibility_read_for_staff(actor=request.user, user=trainee, version=e.version)
        for e in enrollments
    ]
    attestations = None
    if request.GET.get("recovery") == "1":
        attestations = services.recovery_attestation_read_for_staff(actor=request.user, user=trainee)
    return TemplateResponse(
        request,
        "certificates/trainee_detail.html",
        {
            "trainee": trainee,
            "eligibilities": eligibilities,
            "attestations": attestations,
            "entries": selectors.practice_logs_for_trainee(trainee=trainee)[:100],
            "trainings": selectors.external_trainings_for(user=trainee),
            "assignments": SupervisorAssignment.objects.filter(
                trainee=trainee, is_active=True
            ).select_related("supervisor"),
            "assign_form": forms.SupervisorAssignForm(),
            "external_form": forms.ExternalTrainingForm(),
        },
    )


@login_required
@require_GET
@handles_domain_errors
def trainees(request):
    _require_admin(request)
    group_users = User.objects.filter(groups__name=roles.TRAINEE).order_by("full_name", "email")
    return TemplateResponse(request, "certificates/trainees.html", {"trainees": group_users})


@login_required
@require_POST
@handles_domain_errors
def supervisor_assign(request, user_id):
    _require_admin(request)
    trainee = get_object_or_404(User, pk=user_id)
    form = forms.SupervisorAssignForm(request.POST)
    back = reverse("certificates:trainee", args=[user_id])
    if not form.is_valid():
        return _error(request, services.Invalid(_(services.ERR_NOT_A_SUPERVISOR)), back_url=back)
    try:
        services.supervisor_assign(
            actor=request.user, supervisor=form.cleaned_data["supervisor"], trainee=trainee
        )
    except DomainError as exc:
        return _error(request, exc, back_url=back)
    messages.success(request, _("Supervisor linked."))
    return redirect(back)


@login_required
@require_POST
@handles_domain_errors
def supervisor_unassign(request, user_id, assignment_id):
    _require_admin(request)
    assignment = get_object_or_404(SupervisorAssignment, pk=assignment_id, trainee_id=user_id)
    services.supervisor_unassign(actor=request.user, assignment=assignment)
    messages.success(request, _("Supervisor unlinked."))
    return redirect("certificates:trainee", user_id=user_id)


@login_required
@require_POST
@handles_domain_errors
def external_add(request, user_id):
    _require_admin(request)
    trainee = get_object_or_404(User, pk=user_id)
    form = forms.ExternalTrainingForm(request.POST, request.FILES)
    back = reverse("certificates:trainee", args=[user_id])
    if not form.is_valid():
        errors = "; ".join(f"{k}: {' '.join(v)}" for k, v in form.errors.items())
        return _error(request, services.Invalid(errors), back_url=back)
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
        return _error(request, exc, back_url=back)
    messages.success(request, _("Training recorded."))
    return redirect(back)


def _import_view(request, *, service, title, columns, template_name="certificates/import.html"):
    _require_admin(request)
    form = forms.CSVUploadForm(request.POST or None, request.FILES or None)
    report = None
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                report = service(actor=request.user, data=form.cleaned_data["file"].read())
            except DomainError as exc:
                _form_error(form, exc)
                status = exc.status_code
            else:
                if report.ok:
                    messages.success(request, _("%(count)s records imported.") % {"count": report.created})
                else:
                    status = 422
        else:
            status = 422
    return TemplateResponse(
        request,
        template_name,
        {"form": form, "report": report, "title": title, "columns": columns},
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
@handles_domain_errors
def import_hours(request):
    return _import_view(
        request,
        service=services.practice_logs_import_csv,
        title=_("Import historical hours"),
        columns=services.HOURS_CSV_COLUMNS + services.HOURS_CSV_OPTIONAL,
    )


@login_required
@require_http_methods(["GET", "POST"])
@handles_domain_errors
def import_external(request):
    return _import_view(
        request,
        service=services.external_training_import_csv,
        title=_("Import training taken elsewhere"),
        columns=services.EXTERNAL_CSV_COLUMNS,
    )

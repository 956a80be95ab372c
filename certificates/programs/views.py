"""Pages for credential programs: a program's rules, joining it, signing its code of ethics, and the
administrator's list of programs and library of real programs (import one, or a definition file)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from certificates.eligibility.labels import requirement_label
from certificates.web import error_page, form_error, handles_domain_errors, require_admin
from lms import roles
from lms.errors import DomainError

from . import forms, library, selectors, services, transfer
from .models import CredentialProgram, ProgramEnrollment


@require_GET
@handles_domain_errors
def program_detail(request, slug):
    # The current version's rows are loaded below, once: not every version's (with_rules=False).
    program = selectors.program_get(slug=slug, user=request.user, with_rules=False)
    if not program.is_active and not roles.is_program_admin(request.user):
        raise Http404
    version = program.current_version()
    requirements = (
        list(version.requirements.select_related("course", "exam").prefetch_related("domains"))
        if version
        else []
    )
    rows = [(r, requirement_label(r)) for r in requirements]
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
        return error_page(request, exc, back_url=reverse("certificates:program", args=[slug]))
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
            form_error(form, exc)
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
@require_GET
@handles_domain_errors
def manage(request):
    require_admin(request)
    return TemplateResponse(
        request,
        "certificates/manage.html",
        {"programs": selectors.programs_list(user=request.user, include_inactive=True)},
    )


def _library_page(request, *, form=None, status=200):
    programs = selectors.programs_list(user=request.user, include_inactive=True)
    on_site = set(programs.prefetch_related(None).values_list("slug", flat=True))
    rows = [(item, item.slug in on_site) for item in library.library_programs()]
    return TemplateResponse(
        request,
        "certificates/library.html",
        {"rows": rows, "form": form or forms.ProgramFileForm()},
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
@handles_domain_errors
def program_library(request):
    """The library of real programs, each importable (or updated) in one click, and the upload of a
    program definition file. A refused file changes nothing; the importer says where it went wrong."""
    require_admin(request)
    if request.method == "GET":
        return _library_page(request)
    form = forms.ProgramFileForm(request.POST, request.FILES)
    if not form.is_valid():
        return _library_page(request, form=form, status=422)
    try:
        data = transfer.parse_program_json(form.cleaned_data["file"].read())
        program = transfer.program_import(data=data, actor=request.user)
    except DomainError as exc:
        form_error(form, exc)
        return _library_page(request, form=form, status=exc.status_code)
    messages.success(request, _("%(program)s imported.") % {"program": program.name})
    return redirect("certificates:library")


@login_required
@require_POST
@handles_domain_errors
def library_import(request, slug):
    require_admin(request)
    try:
        program = library.library_import(slug=slug, actor=request.user)
    except DomainError as exc:
        return error_page(request, exc, back_url=reverse("certificates:library"))
    messages.success(request, _("%(program)s imported from the library.") % {"program": program.name})
    return redirect("certificates:library")

"""What the certificates HTML views share: domain errors shown as a page with their status code (or
on the form), the program-administrator gate, and the CSV import page."""

import functools

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from lms import roles
from lms.errors import DomainError
from lms.forms import form_error  # noqa: F401 (re-exported for the certificates views)

from .forms import CSVUploadForm

ERROR_TEMPLATE = "certificates/error.html"


def error_page(request, exc: DomainError, *, back_url: str | None = None, template=ERROR_TEMPLATE):
    return TemplateResponse(
        request, template, {"message": exc.message, "back_url": back_url}, status=exc.status_code
    )


def domain_errors_shown_with(template: str):
    """A view decorator: any DomainError the view lets through (not found, forbidden...) becomes
    `template` with the error's status code."""

    def decorator(view):
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            try:
                return view(request, *args, **kwargs)
            except DomainError as exc:
                return error_page(request, exc, template=template)

        return wrapper

    return decorator


handles_domain_errors = domain_errors_shown_with(ERROR_TEMPLATE)


def require_admin(request):
    if not roles.is_program_admin(request.user):
        raise PermissionDenied


def csv_import_page(
    request,
    *,
    service,
    title,
    columns,
    optional=(),
    template_name="certificates/import.html",
    extra_context=None,
):
    """An all-or-nothing CSV import: upload, run `service(actor=..., data=...)`, show its report. A
    service that needs more (a program) is wrapped: `lambda *, actor, data: svc(actor=actor,
    program=program, data=data)`; `extra_context` goes to the template."""
    require_admin(request)
    form = CSVUploadForm(request.POST or None, request.FILES or None)
    report = None
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                report = service(actor=request.user, data=form.cleaned_data["file"].read())
            except DomainError as exc:
                form_error(form, exc)
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
        {
            "form": form,
            "report": report,
            "title": title,
            "columns": columns,
            "optional": optional,
            **(extra_context or {}),
        },
        status=status,
    )

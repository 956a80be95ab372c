"""What the issuing pages share: a domain error shown as a page with its status code, and the
program-administrator gate for the staff pages."""

import functools

from django.contrib.auth.decorators import login_required
from django.template.response import TemplateResponse

from certificates.permissions import require_program_admin
from lms.errors import DomainError


def error_page(request, exc: DomainError, *, template="certificates/verify/error.html", context=None):
    ctx = {"message": exc.message, "status": exc.status_code, **(context or {})}
    return TemplateResponse(request, template, ctx, status=exc.status_code)


def handles_domain_errors(view):
    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except DomainError as exc:
            return error_page(request, exc)

    return wrapper


def admin_only(view):
    """Program administrators only: anonymous -> login, anyone else -> 403 page."""

    @login_required
    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            require_program_admin(request.user)
        except DomainError as exc:
            return error_page(request, exc)
        return view(request, *args, **kwargs)

    return wrapper

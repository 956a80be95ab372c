"""What the issuing pages share: a domain error shown as the verification pages' error page with its
status code (certificates.web's handling, with that template), and the program-administrator gate for
the staff pages."""

import functools

from django.contrib.auth.decorators import login_required

from certificates import web
from certificates.permissions import require_program_admin
from lms.errors import DomainError

ERROR_TEMPLATE = "certificates/verify/error.html"

error_page = functools.partial(web.error_page, template=ERROR_TEMPLATE)
handles_domain_errors = web.domain_errors_shown_with(ERROR_TEMPLATE)


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

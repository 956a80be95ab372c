"""The one "program administrators only" guard every certificates service uses."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from lms import roles
from lms.errors import Forbidden

ERR_NOT_PROGRAM_ADMIN = gettext_noop("Only program administrators can do this.")


def require_program_admin(actor, *, system_allowed: bool = False) -> None:
    """Refuse (Forbidden) unless `actor` is a program administrator. `system_allowed` lets
    `actor=None` through: the system itself acting (a management command, a Celery task, the demo
    seed); views and API endpoints always pass the person making the request."""
    if actor is None and system_allowed:
        return
    if not roles.is_program_admin(actor):
        raise Forbidden(_(ERR_NOT_PROGRAM_ADMIN))

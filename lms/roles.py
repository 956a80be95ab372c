"""Roles are Django groups. Employers need no account."""

from django.utils.translation import gettext_lazy as _

TRAINEE = "Trainee"
INSTRUCTOR = "Instructor"
SUPERVISOR = "Supervisor"
PROGRAM_ADMIN = "Program administrator"

ALL_ROLES = [TRAINEE, INSTRUCTOR, SUPERVISOR, PROGRAM_ADMIN]
ROLE_LABELS = {
    TRAINEE: _("Trainee"),
    INSTRUCTOR: _("Instructor"),
    SUPERVISOR: _("Supervisor"),
    PROGRAM_ADMIN: _("Program administrator"),
}


def has_role(user, role: str) -> bool:
    """True when an authenticated user belongs to the role's group (one of ALL_ROLES). Cached per user
    object so a page that asks several times costs one query; the session's user arrives with the
    cache filled (lms.auth_backends), so a page costs none."""
    if not getattr(user, "is_authenticated", False):
        return False
    cache = getattr(user, "_role_cache", None)
    if cache is None:
        cache = set(user.groups.filter(name__in=ALL_ROLES).values_list("name", flat=True))
        user._role_cache = cache
    return role in cache


def is_program_admin(user) -> bool:
    return bool(getattr(user, "is_superuser", False)) or has_role(user, PROGRAM_ADMIN)


def is_instructor(user) -> bool:
    return has_role(user, INSTRUCTOR)


def is_supervisor(user) -> bool:
    return has_role(user, SUPERVISOR)


def is_trainee(user) -> bool:
    return has_role(user, TRAINEE)

"""Reads for credential programs: the catalogue of programs (active ones for trainees, all for
administrators) and a person's enrolments."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from lms import roles
from lms.errors import NotFound

from .models import CredentialProgram, ProgramEnrollment

ERR_PROGRAM_NOT_FOUND = gettext_noop("No such program.")


def programs_list(*, user=None, include_inactive: bool = False, with_rules: bool = True):
    """Programs, with their versions' rows and exams prefetched unless `with_rules=False` (a page
    that only names the programs, or evaluates them itself)."""
    qs = CredentialProgram.objects.all()
    if not (include_inactive and roles.is_program_admin(user)):
        qs = qs.active()
    if not with_rules:
        return qs
    return qs.prefetch_related(
        "versions__requirements__course",
        "versions__requirements__domains",
        "versions__requirements__exam",
        "exams",
    )


def program_get(*, slug: str, user=None, with_rules: bool = True) -> CredentialProgram:
    program = programs_list(user=user, include_inactive=True, with_rules=with_rules).filter(slug=slug).first()
    if program is None:
        raise NotFound(_(ERR_PROGRAM_NOT_FOUND))
    return program


def program_enrollments_for_user(*, user) -> list[ProgramEnrollment]:
    if not user.is_authenticated:
        return []
    return list(ProgramEnrollment.objects.filter(user=user).select_related("program", "version__program"))

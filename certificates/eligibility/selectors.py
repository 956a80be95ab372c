"""The trainee's own checklist: every program they work toward, evaluated in full (it is theirs)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from certificates.programs.models import ProgramEnrollment
from certificates.programs.selectors import program_enrollments_for_user

from .engine import Eligibility, eligibility_for_users


@dataclass
class ProgramProgress:
    enrollment: ProgramEnrollment
    eligibility: Eligibility


def my_eligibility(*, user, on: date | None = None) -> list[ProgramProgress]:
    """The trainee's own checklist for every program they work toward (full detail: it's theirs)."""
    out = []
    for enrollment in program_enrollments_for_user(user=user):
        [elig] = eligibility_for_users(users=[user], version=enrollment.version, on=on)
        out.append(ProgramProgress(enrollment=enrollment, eligibility=elig))
    return out

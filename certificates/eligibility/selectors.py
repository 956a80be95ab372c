"""The trainee's own checklist: every program they work toward, evaluated in full (it is theirs), and
the check of a date someone asks to evaluate on ("as of")."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from certificates.permissions import require_program_admin
from certificates.programs.models import ProgramEnrollment, Requirement
from certificates.programs.selectors import program_enrollments_for_user
from certificates.recovery.selectors import recovery_attestation_own
from lms import roles
from lms.errors import Invalid
from lms.models import User

from . import loads
from .engine import Eligibility, eligibility_for_versions

EARLIEST = date(1970, 1, 1)
YEARS_AHEAD = 10
ERR_EVALUATION_DATE = gettext_noop("Choose a date between {first} and {last}.")


def evaluation_date(value) -> date | None:
    """A date to evaluate on, as given (None: today), or Invalid when it is out of any sensible range.
    A future date shows what is already known, with time-based rows (recovery, age) run forward."""
    if value in (None, ""):
        return None
    if not isinstance(value, date):
        try:
            value = date.fromisoformat(str(value))
        except ValueError:
            raise Invalid(_("Enter the date as YYYY-MM-DD."), field="on")
    last = timezone.localdate().replace(year=timezone.localdate().year + YEARS_AHEAD)
    if not EARLIEST <= value <= last:
        raise Invalid(_(ERR_EVALUATION_DATE).format(first=EARLIEST, last=last), field="on")
    return value


@dataclass
class ProgramProgress:
    enrollment: ProgramEnrollment
    eligibility: Eligibility


def my_eligibility(*, user, on: date | None = None) -> list[ProgramProgress]:
    """The trainee's own checklist for every program they work toward (full detail: it's theirs), on
    `on` or the trainee's own today: all programs in one pass, so five cost the queries of one."""
    enrollments = program_enrollments_for_user(user=user)
    results = eligibility_for_versions(user=user, versions=[e.version for e in enrollments], on=on)
    return [
        ProgramProgress(enrollment=e, eligibility=elig) for e, elig in zip(enrollments, results, strict=True)
    ]


def has_recovery_attestation(*, user, progress: list[ProgramProgress]) -> bool:
    """Whether the trainee has a recovery attestation in force (for the checklist's button), read from
    the evaluation when one of their programs already loaded it (no second query)."""
    for item in progress:
        if any(r.kind == Requirement.Kind.RECOVERY_MONTHS for r in item.eligibility.results):
            return loads.RECOVERY in item.eligibility.facts.attested
    return recovery_attestation_own(user=user) is not None


def trainees_for_staff(*, actor, query: str = ""):
    """Every trainee for a program administrator, in name order, narrowed by name or email."""
    require_program_admin(actor)
    people = User.objects.filter(groups__name=roles.TRAINEE).only("pk", "full_name", "email")
    if query:
        people = people.filter(Q(full_name__icontains=query) | Q(email__icontains=query))
    return people.order_by("full_name", "email", "pk")

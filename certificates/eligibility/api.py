"""/api/v1/ endpoints for eligibility: the trainee's own checklist, and for program administrators the
cohort (redacted, audited) and one trainee in full (audited). Staff never read anything that gives
away a date of birth: the services hand them a minimum-age row as met / not met only."""

from django.shortcuts import get_object_or_404
from ninja import Router
from ninja.pagination import paginate
from ninja.security import django_auth

from certificates.permissions import require_program_admin
from certificates.programs import selectors as program_selectors
from certificates.programs.models import ProgramEnrollment
from certificates.schemas import ERRORS, ErrorOut
from lms.converters import Id

from . import selectors, services
from .cohort import Cohort, CohortFilter
from .engine import Eligibility
from .labels import fmt_hours
from .schemas import EligibilityOut

router = Router(tags=["certification"])


def _value(value):
    if value is None:
        return None
    return fmt_hours(value) if not isinstance(value, int) else str(value)


def _eligibility_out(elig: Eligibility) -> dict:
    results = elig.results
    return {
        "user_id": elig.user.pk,
        "user_name": elig.user.get_full_name(),
        "program": elig.version.program.slug,
        "version": elig.version.label,
        "evaluated_on": elig.evaluated_on,
        "eligible": elig.eligible,
        "results": [
            {
                "requirement_id": r.requirement.pk,
                "kind": r.kind,
                "label": r.label,
                "met": r.met,
                "current": _value(r.current),
                "required": _value(r.required),
                "unit": r.unit,
                "missing": r.missing,
                "met_on": r.met_on,
                "progress_percent": r.progress_percent,
            }
            for r in results
        ],
    }


@router.get("/eligibility", response={200: list[EligibilityOut], 401: ErrorOut}, auth=django_auth)
def my_eligibility(request, on: str | None = None):
    """Your own checklist for every program you work toward (with your recovery dates: it's yours), on
    your today or as of `on` (YYYY-MM-DD: what counted that day)."""
    day = selectors.evaluation_date(on)
    return [_eligibility_out(p.eligibility) for p in selectors.my_eligibility(user=request.user, on=day)]


class _CohortPages:
    """The cohort seen by ninja's @paginate: it counts the enrolments (one COUNT) and slices them (one
    LIMIT/OFFSET), so only the page asked for is evaluated; each page read is audited once."""

    def __init__(self, actor, cohort):
        self.actor, self.cohort = actor, cohort

    def all(self):
        return self

    def count(self) -> int:
        return self.cohort.count()

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, key):
        if not isinstance(key, slice):
            key = slice(key, key + 1)
        rows = services.cohort_slice_for_staff(actor=self.actor, cohort=self.cohort, key=key)
        return [_eligibility_out(r.eligibility) for r in rows]


@router.get("/programs/{slug}/eligibility", response={200: list[EligibilityOut], **ERRORS}, auth=django_auth)
@paginate
def cohort_eligibility(request, slug: str, on: str | None = None, q: str | None = None):
    """Program administrators: everyone working toward the program (paginated: ?limit=&offset=, in
    order of name and email; ?q= narrows by name or email), today or as of `on`. Recovery and minimum
    age appear as met / not met."""
    require_program_admin(request.user)
    day = selectors.evaluation_date(on)
    program = program_selectors.program_get(slug=slug, user=request.user, with_rules=False)
    filters = CohortFilter.from_query({"q": q or ""})
    return _CohortPages(request.user, Cohort(actor=request.user, program=program, on=day, filters=filters))


@router.get(
    "/programs/{slug}/eligibility/{id:user_id}", response={200: EligibilityOut, **ERRORS}, auth=django_auth
)
def trainee_eligibility(request, slug: str, user_id: Id, on: str | None = None):
    """Program administrators: one trainee in full, on their today or as of `on` (the read is
    audited)."""
    require_program_admin(request.user)
    day = selectors.evaluation_date(on)
    program = program_selectors.program_get(slug=slug, user=request.user)
    enrollment = get_object_or_404(ProgramEnrollment, program=program, user_id=user_id)
    elig = services.eligibility_read_for_staff(
        actor=request.user, user=enrollment.user, version=enrollment.version, on=day
    )
    return _eligibility_out(elig)

"""Results of the eligibility engine: one requirement row's result, a trainee's eligibility for a
version, redaction for staff, and the builders every row evaluator uses (eligibility.rows). Texts are
translated once per pass (see `_`)."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal

from django.utils.translation import gettext

from certificates.hours.models import PracticeLog
from certificates.programs.models import ProgramVersion, Requirement
from courses.models import CompetencyDomain

from . import facts as F
from .labels import fmt_hours, percent

ZERO = Decimal("0")

# Translations looked up once per pass, not once per trainee and row (a 10k cohort asked for ~110k):
# while a Pass evaluates, `_` reads the pass's own dict (plain thread-local storage, no locale lookup).
_texts = threading.local()


def _(message: str) -> str:
    cache = getattr(_texts, "cache", None)
    if cache is None:
        return gettext(message)
    text = cache.get(message)
    if text is None:
        text = cache[message] = gettext(message)
    return text


Kind = Requirement.Kind

UNIT_HOURS = "hours"
UNIT_MONTHS = "months"
UNIT_YEARS = "years"
UNIT_DONE = "done"


@dataclass
class RequirementResult:
    requirement: Requirement
    kind: str
    label: str
    met: bool
    current: Decimal | int | None
    required: Decimal | int | None
    unit: str
    missing: str
    met_on: date | None = None
    progress_percent: int = 0
    pending: Decimal | None = None  # hours logged but not yet approved, for practice/supervision

    @property
    def is_sensitive(self) -> bool:
        """Health data: recovery. Staff reads of it are audited."""
        return self.kind == Kind.RECOVERY_MONTHS

    @property
    def is_personal(self) -> bool:
        """Reveals a date of birth (the day a minimum age is reached)."""
        return self.kind == Kind.MINIMUM_AGE


@dataclass
class Eligibility:
    user: object
    version: ProgramVersion
    evaluated_on: date
    results: list[RequirementResult]
    eligible: bool
    facts: F.TraineeFacts = field(default_factory=F.TraineeFacts, repr=False)

    @property
    def met_count(self) -> int:
        return sum(1 for r in self.results if r.met)

    @property
    def unmet(self) -> list[RequirementResult]:
        return [r for r in self.results if not r.met]

    def redacted(self) -> Eligibility:
        """A copy safe for staff lists and messages: recovery and minimum-age results keep only met /
        not met (no recovery dates, no birthday)."""
        return replace(self, results=[redact_result(r) for r in self.results])

    def snapshot(self) -> dict:
        return snapshot(eligibility=self)


def redact_result(result: RequirementResult) -> RequirementResult:
    if result.is_personal:
        return replace(
            result,
            current=None,
            met_on=None,
            progress_percent=100 if result.met else 0,
            missing=_("Minimum age: met") if result.met else _("Minimum age: not met yet"),
        )
    if not result.is_sensitive:
        return result
    return replace(
        result,
        current=None,
        required=None,
        met_on=None,
        progress_percent=100 if result.met else 0,
        missing=_("Recovery time: met") if result.met else _("Recovery time: not met yet"),
    )


# --- Result builders --------------------------------------------------------------------------------


def _hours_result(req, label, current, required, unit_text, pending=None) -> RequirementResult:
    missing = _("%(current)s of %(required)s %(what)s") % {
        "current": fmt_hours(current),
        "required": fmt_hours(required),
        "what": unit_text,
    }
    if pending:
        missing += " " + _("(%(pending)s waiting for approval)") % {"pending": fmt_hours(pending)}
    return RequirementResult(
        requirement=req,
        kind=req.kind,
        label=label,
        met=current >= required,
        current=current,
        required=required,
        unit=UNIT_HOURS,
        missing=missing,
        progress_percent=percent(current, required),
        pending=pending or None,
    )


def _done_result(req, label, met, missing, met_on=None) -> RequirementResult:
    return RequirementResult(
        requirement=req,
        kind=req.kind,
        label=label,
        met=met,
        current=1 if met else 0,
        required=1,
        unit=UNIT_DONE,
        missing=missing,
        met_on=met_on,
        progress_percent=100 if met else 0,
    )


def _shortfall(result: RequirementResult, text: str) -> RequirementResult:
    """A second condition of the row is not met: say so, and never show the row as complete."""
    result.met = False
    result.missing += "; " + text
    result.progress_percent = min(result.progress_percent, 99)
    return result


# --- Evaluation, kind by kind -----------------------------------------------------------------------


def snapshot(*, eligibility: Eligibility) -> dict:
    """The non-sensitive figures a certificate freezes, as of the evaluation date: training hours per
    domain (LMS and, where counted, elsewhere), practice, directly supervised practice and supervision
    hours, courses, exams passed, pledge version. NEVER anything about recovery, age or education."""
    facts = eligibility.facts
    version = eligibility.version
    reqs = [r.requirement for r in eligibility.results]
    external_allowed = any(r.allow_external for r in reqs)
    training = [f for f in facts.training if f.source == F.LMS or external_allowed]
    per_domain = F.by_domain(training)
    counted = [pk for pk, hours in per_domain.items() if pk is not None and hours]
    domains = CompetencyDomain.objects.filter(pk__in=counted).order_by("sort_order", "name", "pk")
    domain_hours = {domain.slug: fmt_hours(per_domain[domain.pk]) for domain in domains}
    practice = [f for f in facts.approved if f.kind == PracticeLog.Kind.PRACTICE]
    course_reqs = {r.course_id: r.course for r in reqs if r.course_id}
    exam_reqs = {r.exam_id: r.exam for r in reqs if r.exam_id}
    out = {
        "program": version.program.slug,
        "program_name": version.program.name,
        "version": version.label,
        "evaluated_on": eligibility.evaluated_on.isoformat(),
        "training_hours_by_domain": domain_hours,
        "training_hours_total": fmt_hours(F.group_sum(training, lambda f: True)),
        "practice_hours": fmt_hours(F.group_sum(practice, lambda f: True)),
        "supervision_hours": fmt_hours(
            F.group_sum(facts.approved, lambda f: f.kind == PracticeLog.Kind.SUPERVISION)
        ),
        "courses_passed": sorted(c.title for cid, c in course_reqs.items() if cid in facts.courses_completed),
        "final_exams_passed": sorted(c.title for cid, c in course_reqs.items() if cid in facts.exams_passed),
        "ethics_pledge": next(
            (
                r.pledge_label
                for r in reqs
                if r.kind == Kind.ETHICS_PLEDGE and r.pledge_pk in facts.pledges_signed
            ),
            "",
        ),
    }
    if any(r.kind == Kind.DIRECT_PRACTICE_HOURS for r in reqs):
        out["directly_supervised_practice_hours"] = fmt_hours(F.group_sum(practice, lambda f: f.direct))
    passed = sorted(e.name for eid, e in exam_reqs.items() if facts.outside_passed.get(eid))
    if passed:
        out["board_exams_passed"] = passed
    return out

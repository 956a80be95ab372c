"""How each kind of requirement row is evaluated against a trainee's facts (eligibility.facts), and a
row prepared once per version (its label and scope). Used by eligibility.engine.Pass."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext_noop

from certificates.applicant.models import EDUCATION_RANK, EducationLevel
from certificates.hours.models import PracticeLog
from certificates.programs.models import Requirement
from courses.models import DELIVERY_LEVELS

from . import facts as F
from .labels import fmt_hours, percent, requirement_label
from .months import add_months, month_span, months_between
from .results import (
    UNIT_MONTHS,
    UNIT_YEARS,
    Kind,
    RequirementResult,
    _,
    _done_result,
    _hours_result,
    _shortfall,
)


@dataclass
class _Row:
    """A requirement with what the evaluation needs about it, computed once per version and pass (its
    label and wording are translated once, not once per trainee)."""

    req: Requirement
    label: str
    domain_ids: frozenset[int]
    rank: int  # the row's window rank (0: no window)
    what: str = ""  # "training hours in Advocacy", "practice hours approved"


def _in_scope(row: _Row, fact) -> bool:
    return (not row.domain_ids or fact.domain_id in row.domain_ids) and fact.bucket >= row.rank


def _training(row: _Row, facts: F.TraineeFacts) -> RequirementResult:
    req = row.req
    sources = {F.LMS, F.EXTERNAL} if req.allow_external else {F.LMS}
    counted = [f for f in facts.training if f.source in sources and _in_scope(row, f)]
    total = F.group_sum(counted, lambda f: True)
    if not req.delivery_mode:
        return _hours_result(req, row.label, total, req.hours, row.what)
    level = DELIVERY_LEVELS[req.delivery_mode]
    delivered = F.group_sum(counted, lambda f: DELIVERY_LEVELS.get(f.mode, 0) >= level)
    if req.delivery_hours is None:  # only hours delivered so count at all
        return _hours_result(req, row.label, delivered, req.hours, row.what)
    result = _hours_result(req, row.label, total, req.hours, row.what)
    if delivered < req.delivery_hours:
        mode = _("face to face") if req.delivery_mode == Requirement.Delivery.FACE_TO_FACE else _("live")
        _shortfall(
            result,
            _("%(current)s of %(required)s hours %(mode)s")
            % {"current": fmt_hours(delivered), "required": fmt_hours(req.delivery_hours), "mode": mode},
        )
    return result


def _hours(row: _Row, facts: F.TraineeFacts) -> RequirementResult:
    req = row.req
    kind = PracticeLog.Kind.SUPERVISION if req.kind == Kind.SUPERVISION_HOURS else PracticeLog.Kind.PRACTICE
    direct = req.kind == Kind.DIRECT_PRACTICE_HOURS

    def counts(f, *, decided=True) -> bool:
        return (
            f.kind == kind
            and _in_scope(row, f)
            and (f.direct or not direct)
            and (f.qualified or not req.qualified_supervisor or not decided)
        )

    approved = [f for f in facts.approved if counts(f)]
    current = F.group_sum(approved, lambda f: True)
    pending = F.group_sum(facts.pending, lambda f: counts(f, decided=False))
    result = _hours_result(req, row.label, current, req.hours, row.what, pending)
    if req.min_spread_months:
        bounds = F.month_bounds(approved)
        span = month_span(*bounds) if bounds else 0
        if span < req.min_spread_months:
            _shortfall(
                result,
                _("spread over %(span)s of %(required)s months")
                % {"span": span, "required": req.min_spread_months},
            )
    return result


def _recovery(row: _Row, start: date | None, on: date) -> RequirementResult:
    req = row.req
    required = req.months or 0
    base = {"requirement": req, "kind": req.kind, "label": row.label, "unit": UNIT_MONTHS}
    if start is None:
        return RequirementResult(
            **base, met=False, current=0, required=required, missing=_("No recovery attestation yet")
        )
    if required == 0:
        return RequirementResult(
            **base,
            met=True,
            current=0,
            required=0,
            missing=_("Lived experience attested"),
            progress_percent=100,
        )
    current = min(months_between(start, on), required)
    met_on = add_months(start, required)
    # Same words whether the date is past or to come: "9 of 12 months of recovery: met on 2027-03-04".
    missing = _("%(current)s of %(required)s months of recovery: met on %(date)s") % {
        "current": current,
        "required": required,
        "date": met_on.isoformat(),
    }
    return RequirementResult(
        **base,
        met=met_on <= on,
        current=current,
        required=required,
        missing=missing,
        met_on=met_on,
        progress_percent=percent(current, required),
    )


def _outside_exam(row: _Row, facts: F.TraineeFacts, windows: F.Windows) -> RequirementResult:
    req = row.req
    start = windows.start(req.within_months)
    dates = [d for d in facts.outside_passed.get(req.exam_id, []) if start is None or d >= start]
    if dates:
        latest = max(dates)
        return _done_result(
            req, row.label, True, _("Passed on %(date)s") % {"date": latest.isoformat()}, met_on=latest
        )
    if facts.outside_passed.get(req.exam_id):
        return _done_result(req, row.label, False, _("Passed, but longer ago than the program allows"))
    return _done_result(req, row.label, False, _("No passing result recorded yet"))


def _age(row: _Row, facts: F.TraineeFacts, on: date) -> RequirementResult:
    req = row.req
    base = {
        "requirement": req,
        "kind": req.kind,
        "label": row.label,
        "unit": UNIT_YEARS,
        "required": req.years,
    }
    if facts.birth_date is None:
        return RequirementResult(**base, met=False, current=0, missing=_("Date of birth not given yet"))
    met_on = add_months(facts.birth_date, 12 * req.years)
    age = months_between(facts.birth_date, on) // 12
    met = met_on <= on
    missing = _("Old enough") if met else _("Old enough on %(date)s") % {"date": met_on.isoformat()}
    return RequirementResult(
        **base,
        met=met,
        current=age,
        missing=missing,
        met_on=met_on,
        progress_percent=percent(min(age, req.years), req.years),
    )


def _education(row: _Row, facts: F.TraineeFacts) -> RequirementResult:
    req = row.req
    if facts.education is None:
        return _done_result(req, row.label, False, _("Education not attested yet"))
    met = EDUCATION_RANK.get(facts.education, -1) >= EDUCATION_RANK[req.education_level]
    level = EducationLevel(facts.education).label
    return _done_result(req, row.label, met, _("Attested: %(level)s") % {"level": level})


def _evaluate(row: _Row, facts: F.TraineeFacts, on: date, needs: F.Needs) -> RequirementResult:
    req = row.req
    match req.kind:
        case Kind.COURSE_PASSED:
            done = facts.courses_completed.get(req.course_id)
            text = _("Course passed") if done else _("Course not passed yet")
            return _done_result(req, row.label, done is not None, text, met_on=done)
        case Kind.FINAL_EXAM_PASSED:
            done = facts.exams_passed.get(req.course_id)
            text = _("Final exam passed") if done else _("Final exam not passed yet")
            return _done_result(req, row.label, done is not None, text, met_on=done)
        case Kind.DOMAIN_TRAINING_HOURS | Kind.TOTAL_TRAINING_HOURS:
            return _training(row, facts)
        case Kind.PRACTICE_HOURS | Kind.DIRECT_PRACTICE_HOURS | Kind.SUPERVISION_HOURS:
            return _hours(row, facts)
        case Kind.RECOVERY_MONTHS:
            return _recovery(row, facts.recovery_start, on)
        case Kind.ETHICS_PLEDGE:
            if req.pledge_pk is None:
                return _done_result(req, row.label, False, _("The code of ethics has not been published yet"))
            signed_on = facts.pledges_signed.get(req.pledge_pk)
            if signed_on:
                text = _("Signed (version %(label)s)") % {"label": req.pledge_label}
                return _done_result(req, row.label, True, text, met_on=signed_on)
            return _done_result(req, row.label, False, _("Not signed yet"))
        case Kind.OUTSIDE_EXAM_PASSED:
            return _outside_exam(row, facts, needs.windows)
        case Kind.MINIMUM_AGE:
            return _age(row, facts, on)
        case Kind.EDUCATION_ATTESTED:
            return _education(row, facts)
    return _done_result(req, row.label, False, _("Unknown requirement"))


HOURS_WHAT = {
    Kind.PRACTICE_HOURS: gettext_noop("practice hours approved"),
    Kind.DIRECT_PRACTICE_HOURS: gettext_noop("directly supervised practice hours approved"),
    Kind.SUPERVISION_HOURS: gettext_noop("supervision hours approved"),
}


def _what(req: Requirement, domains: list) -> str:
    if req.kind == Kind.DOMAIN_TRAINING_HOURS:
        return _("training hours in %(domain)s") % {"domain": ", ".join(str(d) for d in domains)}
    if req.kind == Kind.TOTAL_TRAINING_HOURS:
        return _("training hours")
    return _(HOURS_WHAT[req.kind]) if req.kind in HOURS_WHAT else ""


def _row(req: Requirement, needs: F.Needs) -> _Row:
    domains = list(req.domains.all())
    return _Row(
        req=req,
        label=requirement_label(req, domains),
        domain_ids=frozenset(d.pk for d in domains),
        rank=needs.windows.rank(req.within_months) if req.kind != Kind.OUTSIDE_EXAM_PASSED else 0,
        what=_what(req, domains),
    )

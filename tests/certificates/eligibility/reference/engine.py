"""The eligibility engine (a selector): evaluates a program version's requirement rows for one trainee
or a whole cohort on a date, and explains every result ("112 of 500 practice hours approved").

`eligibility_for_users` loads what it needs in a constant number of queries (eligibility.facts),
whatever the number of trainees and the length of their history; `eligibility_for` is the same for
one user, on their own "today" unless a date is given. What counts "as of" a date is explained in
eligibility.facts and docs/rules.md.

Recovery data is sensitive: results of kind `recovery_months` carry dates derived from the trainee's
recovery start date (the date itself is never stored on a result). Use `redacted()` before showing
results to anyone but the trainee and program administrators, and `snapshot()` (which never includes
recovery data, dates of birth or education) for what a certificate freezes.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext as _

from certificates.applicant.models import EDUCATION_RANK, EducationLevel
from certificates.eligibility.labels import fmt_hours, percent, requirement_label
from certificates.eligibility.months import add_months, month_span, months_between
from certificates.hours.models import PracticeLog
from certificates.programs.models import ProgramVersion, Requirement
from courses.models import DELIVERY_LEVELS, CompetencyDomain
from lms.timezones import local_today

from . import facts as F

ZERO = Decimal("0")
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
    domains: dict[int, CompetencyDomain] = field(default_factory=dict, repr=False)

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


@dataclass
class _Row:
    """A requirement with what the evaluation needs about it, computed once per version."""

    req: Requirement
    label: str
    domain_ids: frozenset[int]
    rank: int  # the row's window rank (0: no window)


def _in_scope(row: _Row, fact) -> bool:
    return (not row.domain_ids or fact.domain_id in row.domain_ids) and fact.bucket >= row.rank


def _training(row: _Row, facts: F.TraineeFacts) -> RequirementResult:
    req = row.req
    sources = {F.LMS, F.EXTERNAL} if req.allow_external else {F.LMS}
    counted = [f for f in facts.training if f.source in sources and _in_scope(row, f)]
    total = F.group_sum(counted, lambda f: True)
    what = _("training hours")
    if req.kind == Kind.DOMAIN_TRAINING_HOURS:
        names = ", ".join(str(d) for d in req.domains.all())
        what = _("training hours in %(domain)s") % {"domain": names}
    if not req.delivery_mode:
        return _hours_result(req, row.label, total, req.hours, what)
    level = DELIVERY_LEVELS[req.delivery_mode]
    delivered = F.group_sum(counted, lambda f: DELIVERY_LEVELS.get(f.mode, 0) >= level)
    if req.delivery_hours is None:  # only hours delivered so count at all
        return _hours_result(req, row.label, delivered, req.hours, what)
    result = _hours_result(req, row.label, total, req.hours, what)
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
    what = {
        Kind.PRACTICE_HOURS: _("practice hours approved"),
        Kind.DIRECT_PRACTICE_HOURS: _("directly supervised practice hours approved"),
        Kind.SUPERVISION_HOURS: _("supervision hours approved"),
    }[req.kind]
    result = _hours_result(req, row.label, current, req.hours, what, pending)
    if req.min_spread_months:
        months = F.month_set(approved)
        span = month_span(min(months), max(months)) if months else 0
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


def _evaluate(row: _Row, facts: F.TraineeFacts, start: date | None, on: date, loaded: F.Loaded):
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
            return _recovery(row, start, on)
        case Kind.ETHICS_PLEDGE:
            if loaded.pledge is None:
                return _done_result(req, row.label, False, _("The code of ethics has not been published yet"))
            if facts.pledge_signed_on:
                text = _("Signed (version %(label)s)") % {"label": facts.pledge_label}
                return _done_result(req, row.label, True, text, met_on=facts.pledge_signed_on)
            return _done_result(req, row.label, False, _("Not signed yet"))
        case Kind.OUTSIDE_EXAM_PASSED:
            return _outside_exam(row, facts, loaded.windows)
        case Kind.MINIMUM_AGE:
            return _age(row, facts, on)
        case Kind.EDUCATION_ATTESTED:
            return _education(row, facts)
    return _done_result(req, row.label, False, _("Unknown requirement"))


def _rows(loaded: F.Loaded) -> list[_Row]:
    return [
        _Row(
            req=req,
            label=requirement_label(req, list(req.domains.all())),
            domain_ids=frozenset(d.pk for d in req.domains.all()),
            rank=loaded.windows.rank(req.within_months) if req.kind != Kind.OUTSIDE_EXAM_PASSED else 0,
        )
        for req in loaded.requirements
    ]


def _evaluate_users(
    users: list, version: ProgramVersion, on: date, include_pending: bool
) -> list[Eligibility]:
    loaded = F.load(users=users, version=version, on=on, include_pending=include_pending)
    rows = _rows(loaded)
    out = []
    for user in users:
        facts = loaded.facts[user.pk]
        start = loaded.recovery_start.get(user.pk)
        results = [_evaluate(row, facts, start, on, loaded) for row in rows]
        out.append(
            Eligibility(
                user=user,
                version=version,
                evaluated_on=on,
                results=results,
                eligible=bool(results) and all(r.met for r in results),
                facts=facts,
                domains=loaded.domains,
            )
        )
    return out


def eligibility_for_users(*, users, version: ProgramVersion, on: date | None = None) -> list[Eligibility]:
    """Evaluate `version` for every user on `on` in a constant number of queries, whatever the number
    of users and the size of their history. Without `on`: today on the site's calendar, with hours
    still waiting for approval shown. Results keep the order of `users`."""
    users = list(users)
    if not users:
        return []
    return _evaluate_users(users, version, on or timezone.localdate(), include_pending=on is None)


def eligibility_for(*, user, version: ProgramVersion, on: date | None = None) -> Eligibility:
    """Every requirement of `version` for `user` on `on` (default: the trainee's own today, in their
    time zone, with hours waiting for approval shown): met or not, current and required values, what
    is missing, and when a time-based one will be (or was) met. A version with no requirements makes
    nobody eligible."""
    [result] = _evaluate_users([user], version, on or local_today(user), include_pending=on is None)
    return result


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
    domain_hours = {
        domain.slug: fmt_hours(per_domain[domain_id])
        for domain_id, domain in eligibility.domains.items()
        if per_domain.get(domain_id)
    }
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
        "ethics_pledge": facts.pledge_label,
    }
    if any(r.kind == Kind.DIRECT_PRACTICE_HOURS for r in reqs):
        out["directly_supervised_practice_hours"] = fmt_hours(F.group_sum(practice, lambda f: f.direct))
    passed = sorted(e.name for eid, e in exam_reqs.items() if facts.outside_passed.get(eid))
    if passed:
        out["board_exams_passed"] = passed
    return out

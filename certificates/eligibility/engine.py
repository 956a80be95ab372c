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

import threading
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext, gettext_noop

from certificates.applicant.models import EDUCATION_RANK, EducationLevel
from certificates.hours.models import PracticeLog
from certificates.programs.models import ProgramVersion, Requirement
from courses.models import DELIVERY_LEVELS, CompetencyDomain
from lms.timezones import local_today

from . import facts as F
from . import loads as L
from .labels import fmt_hours, percent, requirement_label
from .months import add_months, month_span, months_between

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


class Pass:
    """One evaluation of several versions on one date: their rows (labelled once) and what they need
    loaded (one query per kind of fact for all of them)."""

    def __init__(self, versions, on: date, include_pending: bool):
        self.versions = {v.pk: v for v in versions}
        self.on = on
        self.needs = L.needs_for(version_ids=self.versions, on=on, include_pending=include_pending)
        self.texts: dict[str, str] = {}
        self.rows: dict[int, list[_Row]] = {pk: [] for pk in self.versions}
        for req in self.needs.requirements:
            self.rows[req.version_id].append(_row(req, self.needs))

    def evaluate(self, user, version_id: int, facts: F.TraineeFacts, *, redact: bool = False) -> Eligibility:
        """`redact`: as Eligibility.redacted() (for staff lists)."""
        _texts.cache = self.texts
        try:
            results = [_evaluate(row, facts, self.on, self.needs) for row in self.rows[version_id]]
            if redact:
                results = [redact_result(r) for r in results]
        finally:
            _texts.cache = None
        return Eligibility(
            user=user,
            version=self.versions[version_id],
            evaluated_on=self.on,
            results=results,
            eligible=bool(results) and all(r.met for r in results),
            facts=facts,
        )

    def load(self, users) -> dict[int, F.TraineeFacts]:
        return L.load(needs=self.needs, users=users)


def eligibility_for_users(*, users, version: ProgramVersion, on: date | None = None) -> list[Eligibility]:
    """Evaluate `version` for every user on `on` in a constant number of queries, whatever the number
    of users and the size of their history. Without `on`: today on the site's calendar, with hours
    still waiting for approval shown. Results keep the order of `users`."""
    users = list(users)
    if not users:
        return []
    batch = Pass([version], on or timezone.localdate(), include_pending=on is None)
    facts = batch.load(users)
    return [batch.evaluate(user, version.pk, facts[user.pk]) for user in users]


def eligibility_for_versions(*, user, versions, on: date | None = None) -> list[Eligibility]:
    """One trainee under several versions (their checklist across programs) in one pass: the same
    number of queries for one program as for five. Default date: the trainee's own today, with hours
    waiting for approval shown. Results keep the order of `versions`."""
    versions = list(versions)
    if not versions:
        return []
    batch = Pass(versions, on or local_today(user), include_pending=on is None)
    facts = batch.load([user])[user.pk]
    return [batch.evaluate(user, v.pk, facts) for v in versions]


def eligibility_for(*, user, version: ProgramVersion, on: date | None = None) -> Eligibility:
    """Every requirement of `version` for `user` on `on` (default: the trainee's own today, in their
    time zone, with hours waiting for approval shown): met or not, current and required values, what
    is missing, and when a time-based one will be (or was) met. A version with no requirements makes
    nobody eligible."""
    [result] = eligibility_for_versions(user=user, versions=[version], on=on)
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

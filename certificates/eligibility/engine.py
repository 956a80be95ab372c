"""The eligibility engine (a selector): evaluates a program version's requirement rows for one trainee
or a whole cohort, and explains every result ("112 of 500 practice hours approved").

`eligibility_for_users` loads everything it needs in a constant number of queries, whatever the number
of trainees and the length of their history; `eligibility_for` is the same for one user.

Recovery data is sensitive: results of kind `recovery_months` carry dates derived from the trainee's
recovery start date (the date itself is never stored on a result). Use `redacted()` before showing
results to anyone but the trainee and program administrators, and `snapshot()` (which never includes
recovery data) for what a certificate freezes.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal

from django.db.models import Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.translation import gettext as _

from certificates.hours.models import PracticeLog
from certificates.programs.models import EthicsPledge, PledgeSignature, ProgramVersion, Requirement
from certificates.recovery.models import RecoveryAttestation
from certificates.training.models import ExternalTrainingHours
from courses.models import CompetencyDomain, ModuleProgress
from courses.selectors import completed_course_ids_for_users, training_hours_by_domain_for_users

from .labels import fmt_hours, percent, requirement_label
from .months import add_months, month_span, months_between

ZERO = Decimal("0")
Kind = Requirement.Kind

UNIT_HOURS = "hours"
UNIT_MONTHS = "months"
UNIT_DONE = "done"


# --- Results --------------------------------------------------------------------------------------


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
        return self.kind == Kind.RECOVERY_MONTHS


@dataclass
class TraineeFigures:
    """The raw totals the engine computed for one trainee (recovery data deliberately absent)."""

    lms_training_by_domain: dict[int, Decimal] = field(default_factory=dict)
    external_training_by_domain: dict[int, Decimal] = field(default_factory=dict)
    lms_training_total: Decimal = ZERO
    completed_course_ids: set[int] = field(default_factory=set)
    passed_exam_course_ids: set[int] = field(default_factory=set)
    practice_approved: dict[int | None, Decimal] = field(default_factory=dict)  # domain_id -> hours
    supervision_approved: dict[int | None, Decimal] = field(default_factory=dict)
    practice_pending: dict[int | None, Decimal] = field(default_factory=dict)
    supervision_pending: dict[int | None, Decimal] = field(default_factory=dict)
    practice_months: dict[int | None, set[date]] = field(default_factory=dict)  # approved, by domain
    pledge_signed_on: date | None = None
    pledge_label: str = ""


@dataclass
class Eligibility:
    user: object
    version: ProgramVersion
    evaluated_on: date
    results: list[RequirementResult]
    eligible: bool
    figures: TraineeFigures = field(default_factory=TraineeFigures, repr=False)
    domains: dict[int, CompetencyDomain] = field(default_factory=dict, repr=False)

    @property
    def met_count(self) -> int:
        return sum(1 for r in self.results if r.met)

    @property
    def unmet(self) -> list[RequirementResult]:
        return [r for r in self.results if not r.met]

    def redacted(self) -> Eligibility:
        """A copy safe for people who may not see recovery data: recovery results keep only met /
        not met."""
        return replace(self, results=[redact_result(r) for r in self.results])

    def snapshot(self) -> dict:
        return snapshot(eligibility=self)


def redact_result(result: RequirementResult) -> RequirementResult:
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


# --- Bulk loading ---------------------------------------------------------------------------------


@dataclass
class _Loaded:
    requirements: list[Requirement]
    domains: dict[int, CompetencyDomain]
    figures: dict[int, TraineeFigures]
    recovery_start: dict[int, date]
    pledge: EthicsPledge | None


def _passed_final_exams(user_ids: list[int], needed: bool) -> dict[int, set[int]]:
    if not needed:
        return {}
    from assessments.selectors import passed_final_exam_course_ids_for_users

    return passed_final_exam_course_ids_for_users(user_ids=user_ids)


def _load(*, user_ids: list[int], version: ProgramVersion, on: date) -> _Loaded:
    requirements = list(version.requirements.select_related("course").order_by("sort_order", "pk"))
    kinds = {r.kind for r in requirements}
    domains = {d.pk: d for d in CompetencyDomain.objects.all()}
    figures: dict[int, TraineeFigures] = {uid: TraineeFigures() for uid in user_ids}

    completed = completed_course_ids_for_users(user_ids=user_ids)
    for uid, by_domain in training_hours_by_domain_for_users(user_ids=user_ids).items():
        if uid in figures:
            figures[uid].lms_training_by_domain = dict(by_domain)
    for uid, ids in completed.items():
        if uid in figures:
            figures[uid].completed_course_ids = set(ids)
    # Total credited hours, including modules that count toward no domain.
    totals = (
        ModuleProgress.objects.filter(enrollment__user_id__in=user_ids)
        .values("enrollment__user_id")
        .annotate(hours=Sum("hours_credited"))
    )
    for row in totals:
        figures[row["enrollment__user_id"]].lms_training_total = row["hours"] or ZERO

    external = (
        ExternalTrainingHours.objects.filter(training__user_id__in=user_ids, training__completed_on__lte=on)
        .values("training__user_id", "domain_id")
        .annotate(total=Sum("hours"))
    )
    for row in external:
        figures[row["training__user_id"]].external_training_by_domain[row["domain_id"]] = row["total"] or ZERO

    for uid, ids in _passed_final_exams(user_ids, Kind.FINAL_EXAM_PASSED in kinds).items():
        if uid in figures:
            figures[uid].passed_exam_course_ids = set(ids)

    logs = (
        PracticeLog.objects.filter(
            trainee_id__in=user_ids,
            date__lte=on,
            status__in=[PracticeLog.Status.APPROVED, PracticeLog.Status.PENDING],
        )
        .annotate(month=TruncMonth("date"))
        .values("trainee_id", "kind", "status", "domain_id", "month")
        .annotate(total=Sum("hours"))
        .order_by()
    )
    for row in logs:
        fig = figures[row["trainee_id"]]
        approved = row["status"] == PracticeLog.Status.APPROVED
        if row["kind"] == PracticeLog.Kind.PRACTICE:
            bucket = fig.practice_approved if approved else fig.practice_pending
        else:
            bucket = fig.supervision_approved if approved else fig.supervision_pending
        bucket[row["domain_id"]] = bucket.get(row["domain_id"], ZERO) + (row["total"] or ZERO)
        if approved and row["kind"] == PracticeLog.Kind.PRACTICE:
            month = row["month"]
            if hasattr(month, "date"):
                month = month.date()
            fig.practice_months.setdefault(row["domain_id"], set()).add(month)

    pledge = None
    if Kind.ETHICS_PLEDGE in kinds:
        pledge = (
            EthicsPledge.objects.filter(program_id=version.program_id, effective_date__lte=on)
            .order_by("-effective_date", "-pk")
            .first()
        )
        if pledge is not None:
            signatures = PledgeSignature.objects.filter(user_id__in=user_ids, pledge=pledge).values_list(
                "user_id", "signed_at"
            )
            for uid, signed_at in signatures:
                signed_on = timezone.localdate(signed_at)
                if signed_on <= on:
                    figures[uid].pledge_signed_on = signed_on
                    figures[uid].pledge_label = pledge.version_label

    recovery_start: dict[int, date] = {}
    if Kind.RECOVERY_MONTHS in kinds:
        # Decrypted here, in Python: the database only ever holds ciphertext.
        for uid, start in (
            RecoveryAttestation.objects.current()
            .filter(user_id__in=user_ids)
            .values_list("user_id", "recovery_start_date")
        ):
            if isinstance(start, str):  # the field decrypts to a string through values_list on some backends
                start = date.fromisoformat(start)
            recovery_start[uid] = start
    return _Loaded(requirements, domains, figures, recovery_start, pledge)


# --- Evaluation -----------------------------------------------------------------------------------


def _hours_result(req, label, current, required, unit_text, pending=None) -> RequirementResult:
    met = current >= required
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
        met=met,
        current=current,
        required=required,
        unit=UNIT_HOURS,
        missing=missing,
        progress_percent=percent(current, required),
        pending=pending,
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


def _sum_domain(bucket: dict[int | None, Decimal], domain_id: int | None) -> Decimal:
    if domain_id is None:
        return sum(bucket.values(), ZERO)
    return bucket.get(domain_id, ZERO)


def _evaluate(req: Requirement, fig: TraineeFigures, start: date | None, on: date, loaded: _Loaded):
    label = requirement_label(req, loaded.domains)
    domain = loaded.domains.get(req.domain_id) if req.domain_id else None
    match req.kind:
        case Kind.COURSE_PASSED:
            met = req.course_id in fig.completed_course_ids
            return _done_result(req, label, met, _("Course passed") if met else _("Course not passed yet"))
        case Kind.FINAL_EXAM_PASSED:
            met = req.course_id in fig.passed_exam_course_ids
            return _done_result(
                req, label, met, _("Final exam passed") if met else _("Final exam not passed yet")
            )
        case Kind.DOMAIN_TRAINING_HOURS:
            current = fig.lms_training_by_domain.get(req.domain_id, ZERO)
            if req.allow_external:
                current += fig.external_training_by_domain.get(req.domain_id, ZERO)
            what = _("training hours in %(domain)s") % {"domain": domain}
            return _hours_result(req, label, current, req.hours, what)
        case Kind.TOTAL_TRAINING_HOURS:
            current = fig.lms_training_total
            if req.allow_external:
                current += sum(fig.external_training_by_domain.values(), ZERO)
            return _hours_result(req, label, current, req.hours, _("training hours"))
        case Kind.PRACTICE_HOURS:
            current = _sum_domain(fig.practice_approved, req.domain_id)
            pending = _sum_domain(fig.practice_pending, req.domain_id)
            result = _hours_result(req, label, current, req.hours, _("practice hours approved"), pending)
            if req.min_spread_months:
                if req.domain_id is None:
                    months = set().union(*fig.practice_months.values()) if fig.practice_months else set()
                else:
                    months = fig.practice_months.get(req.domain_id, set())
                span = month_span(min(months), max(months)) if months else 0
                if span < req.min_spread_months:
                    result.met = False
                    result.missing += "; " + _("spread over %(span)s of %(required)s months") % {
                        "span": span,
                        "required": req.min_spread_months,
                    }
                    result.progress_percent = min(result.progress_percent, 99)
            return result
        case Kind.SUPERVISION_HOURS:
            current = _sum_domain(fig.supervision_approved, req.domain_id)
            pending = _sum_domain(fig.supervision_pending, req.domain_id)
            return _hours_result(req, label, current, req.hours, _("supervision hours approved"), pending)
        case Kind.RECOVERY_MONTHS:
            return _recovery_result(req, label, start, on)
        case Kind.ETHICS_PLEDGE:
            if loaded.pledge is None:
                return _done_result(req, label, False, _("The code of ethics has not been published yet"))
            if fig.pledge_signed_on:
                return _done_result(
                    req,
                    label,
                    True,
                    _("Signed (version %(label)s)") % {"label": fig.pledge_label},
                    met_on=fig.pledge_signed_on,
                )
            return _done_result(req, label, False, _("Not signed yet"))
    return _done_result(req, label, False, _("Unknown requirement"))


def _recovery_result(req: Requirement, label: str, start: date | None, on: date) -> RequirementResult:
    required = req.months or 0
    if start is None:
        return RequirementResult(
            requirement=req,
            kind=req.kind,
            label=label,
            met=False,
            current=0,
            required=required,
            unit=UNIT_MONTHS,
            missing=_("No recovery attestation yet"),
            progress_percent=0,
        )
    if required == 0:
        return RequirementResult(
            requirement=req,
            kind=req.kind,
            label=label,
            met=True,
            current=0,
            required=0,
            unit=UNIT_MONTHS,
            missing=_("Lived experience attested"),
            progress_percent=100,
        )
    current = months_between(start, on)
    met_on = add_months(start, required)
    met = met_on <= on
    # Same words whether the date is past or to come: "9 of 12 months of recovery: met on 2027-03-04".
    missing = _("%(current)s of %(required)s months of recovery: met on %(date)s")
    return RequirementResult(
        requirement=req,
        kind=req.kind,
        label=label,
        met=met,
        current=min(current, required),
        required=required,
        unit=UNIT_MONTHS,
        missing=missing
        % {"current": min(current, required), "required": required, "date": met_on.isoformat()},
        met_on=met_on,
        progress_percent=percent(min(current, required), required),
    )


def eligibility_for_users(*, users, version: ProgramVersion, on: date | None = None) -> list[Eligibility]:
    """Evaluate `version` for every user in a constant number of queries, whatever the number of users
    and the size of their history (11 with every kind of requirement present, the same at 3 and 30
    users). Results keep the order of `users`."""
    on = on or timezone.localdate()
    users = list(users)
    user_ids = [u.pk for u in users]
    if not user_ids:
        return []
    loaded = _load(user_ids=user_ids, version=version, on=on)
    out = []
    for user in users:
        fig = loaded.figures[user.pk]
        start = loaded.recovery_start.get(user.pk)
        results = [_evaluate(req, fig, start, on, loaded) for req in loaded.requirements]
        out.append(
            Eligibility(
                user=user,
                version=version,
                evaluated_on=on,
                results=results,
                eligible=bool(results) and all(r.met for r in results),
                figures=fig,
                domains=loaded.domains,
            )
        )
    return out


def eligibility_for(*, user, version: ProgramVersion, on: date | None = None) -> Eligibility:
    """Every requirement of `version` for `user` on `on` (default today): met or not, current and
    required values, what is missing, and when a time-based one will be (or was) met. A version with
    no requirements makes nobody eligible."""
    return eligibility_for_users(users=[user], version=version, on=on)[0]


def snapshot(*, eligibility: Eligibility) -> dict:
    """The non-sensitive figures a certificate freezes: training hours per domain (LMS and, where
    counted, external), practice and supervision hours, courses and exams passed, pledge version.
    NEVER anything about recovery: no dates, no months."""
    fig = eligibility.figures
    version = eligibility.version
    reqs = [r.requirement for r in eligibility.results]
    external_allowed = any(r.allow_external for r in reqs)
    domain_hours = {}
    for domain_id, domain in eligibility.domains.items():
        hours = fig.lms_training_by_domain.get(domain_id, ZERO)
        if external_allowed:
            hours += fig.external_training_by_domain.get(domain_id, ZERO)
        if hours:
            domain_hours[domain.slug] = fmt_hours(hours)
    course_reqs = {r.course_id: r.course for r in reqs if r.course_id}
    return {
        "program": version.program.slug,
        "program_name": version.program.name,
        "version": version.label,
        "evaluated_on": eligibility.evaluated_on.isoformat(),
        "training_hours_by_domain": domain_hours,
        "training_hours_total": fmt_hours(
            fig.lms_training_total
            + (sum(fig.external_training_by_domain.values(), ZERO) if external_allowed else 0)
        ),
        "practice_hours": fmt_hours(sum(fig.practice_approved.values(), ZERO)),
        "supervision_hours": fmt_hours(sum(fig.supervision_approved.values(), ZERO)),
        "courses_passed": sorted(
            course.title for cid, course in course_reqs.items() if cid in fig.completed_course_ids
        ),
        "final_exams_passed": sorted(
            course.title for cid, course in course_reqs.items() if cid in fig.passed_exam_course_ids
        ),
        "ethics_pledge": fig.pledge_label,
    }

"""What the eligibility engine knows about trainees on a date, loaded in a constant number of queries
whatever the number of trainees and the length of their history.

"As of" a date means the world as it was that day: a module counts from the day it was completed,
an hour from the day it was approved (and until an edit sent it back), a result or training taken
elsewhere from the day it was recorded, a signature from the day it was signed, and each attestation
(recovery, date of birth, education) as it stood that day. Every date here is the trainee's own
calendar date (their time zone), recorded when the thing happened.

Hours come back grouped, never row by row: by source, domain, delivery mode, "directly supervised",
"supervisor qualified", window bucket and (only when a row asks for a spread) month. A window bucket
says which "within N months" windows a fact falls in (see Windows), so one grouped query serves
every window the program's rows name."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import Case, Exists, IntegerField, OuterRef, Q, Sum, Value, When
from django.db.models.functions import TruncMonth

from certificates.applicant.models import BirthDateAttestation, EducationAttestation
from certificates.eligibility.months import add_months
from certificates.hours.models import HoursApproval, PracticeLog, SupervisorQualification
from certificates.programs.models import EthicsPledge, PledgeSignature, ProgramVersion, Requirement
from certificates.recovery.models import RecoveryAttestation
from certificates.training.models import ExternalTrainingHours, OutsideExamResult
from courses.models import CompetencyDomain, Enrollment, ModuleProgress
from lms.crypto.fields import Unreadable
from lms.timezones import local_date

ZERO = Decimal("0")
Kind = Requirement.Kind

LMS = "lms"
EXTERNAL = "external"


class Windows:
    """The "within N months" windows a version's rows use, as of `on`. Window N starts on
    add_months(on, -N) (same day of the month, or the month's last day when shorter) and includes
    both that day and `on`. A fact's bucket is how many window starts are on or before its date, so
    a fact is inside the window whose start has rank r exactly when its bucket >= r."""

    def __init__(self, on: date, months: set[int]):
        self.on = on
        self.starts = sorted({add_months(on, -m) for m in months})

    def start(self, months: int | None) -> date | None:
        return add_months(self.on, -months) if months else None

    def rank(self, months: int | None) -> int:
        if not months:
            return 0
        return self.starts.index(add_months(self.on, -months)) + 1

    def bucket(self, field_name: str):
        if not self.starts:
            return Value(0, output_field=IntegerField())
        whens = [
            When(**{f"{field_name}__gte": start}, then=Value(i + 1))
            for i, start in reversed(list(enumerate(self.starts)))
        ]
        return Case(*whens, default=Value(0), output_field=IntegerField())


@dataclass(frozen=True)
class TrainingFact:
    source: str  # LMS or EXTERNAL
    domain_id: int | None
    mode: str
    bucket: int
    hours: Decimal


@dataclass(frozen=True)
class HoursFact:
    kind: str  # PracticeLog.Kind
    domain_id: int | None
    direct: bool
    qualified: bool
    bucket: int
    month: date | None
    hours: Decimal


@dataclass
class TraineeFacts:
    """One trainee's facts as of the evaluation date (recovery data is held apart, in Loaded)."""

    training: list[TrainingFact] = field(default_factory=list)
    approved: list[HoursFact] = field(default_factory=list)
    pending: list[HoursFact] = field(default_factory=list)
    courses_completed: dict[int, date] = field(default_factory=dict)  # course id -> completed on
    exams_passed: dict[int, date] = field(default_factory=dict)  # course id -> result released on
    outside_passed: dict[int, list[date]] = field(default_factory=dict)  # exam id -> dates taken
    pledge_signed_on: date | None = None
    pledge_label: str = ""
    birth_date: date | None = None
    education: str | None = None


@dataclass
class Loaded:
    requirements: list[Requirement]
    domains: dict[int, CompetencyDomain]
    windows: Windows
    facts: dict[int, TraineeFacts]
    recovery_start: dict[int, date]  # sensitive: only the engine reads it
    pledge: EthicsPledge | None


def _month(value) -> date | None:
    if value is None:
        return None
    return value.date() if hasattr(value, "date") else value


def load(*, users: list, version: ProgramVersion, on: date, include_pending: bool) -> Loaded:
    user_ids = [u.pk for u in users]
    requirements = list(
        version.requirements.select_related("course", "exam")
        .prefetch_related("domains")
        .order_by("sort_order", "pk")
    )
    kinds = {r.kind for r in requirements}
    windows = Windows(on, {r.within_months for r in requirements if r.within_months})
    facts = {uid: TraineeFacts() for uid in user_ids}
    loaded = Loaded(
        requirements=requirements,
        domains={d.pk: d for d in CompetencyDomain.objects.all()},
        windows=windows,
        facts=facts,
        recovery_start={},
        pledge=None,
    )
    _load_training(loaded, user_ids, on, external=any(r.allow_external for r in requirements))
    # Always: the certificate's snapshot reports practice and supervision hours whatever the rows.
    _load_hours(loaded, user_ids, on, include_pending=include_pending)
    if Kind.COURSE_PASSED in kinds:
        rows = Enrollment.objects.filter(
            user_id__in=user_ids, status=Enrollment.Status.COMPLETED, completed_on__lte=on
        ).values_list("user_id", "course_id", "completed_on")
        for uid, course_id, completed_on in rows:
            facts[uid].courses_completed[course_id] = completed_on
    if Kind.FINAL_EXAM_PASSED in kinds:
        _load_final_exams(loaded, users, on)
    if Kind.ETHICS_PLEDGE in kinds:
        _load_pledge(loaded, user_ids, version, on)
    if Kind.RECOVERY_MONTHS in kinds:
        _load_recovery(loaded, user_ids, on)
    if Kind.OUTSIDE_EXAM_PASSED in kinds:
        exam_ids = {r.exam_id for r in requirements if r.exam_id}
        rows = (
            OutsideExamResult.objects.known_on(on)
            .filter(user_id__in=user_ids, exam_id__in=exam_ids, passed=True)
            .values_list("user_id", "exam_id", "taken_on")
        )
        for uid, exam_id, taken_on in rows:
            facts[uid].outside_passed.setdefault(exam_id, []).append(taken_on)
    if Kind.MINIMUM_AGE in kinds:
        for uid, value in _in_force(BirthDateAttestation, "date_of_birth", user_ids, on).items():
            facts[uid].birth_date = value
    if Kind.EDUCATION_ATTESTED in kinds:
        for uid, value in _in_force(EducationAttestation, "level", user_ids, on).items():
            facts[uid].education = value
    return loaded


def _load_training(loaded: Loaded, user_ids: list[int], on: date, *, external: bool) -> None:
    windows, facts = loaded.windows, loaded.facts
    rows = (
        ModuleProgress.objects.filter(enrollment__user_id__in=user_ids, completed_on__lte=on)
        .annotate(bucket=windows.bucket("completed_on"))
        .values("enrollment__user_id", "domain_id", "delivery_mode", "bucket")
        .annotate(total=Sum("hours_credited"))
        .order_by()
    )
    for row in rows:
        facts[row["enrollment__user_id"]].training.append(
            TrainingFact(LMS, row["domain_id"], row["delivery_mode"], row["bucket"], row["total"] or ZERO)
        )
    if not external:
        return
    rows = (
        ExternalTrainingHours.objects.filter(
            training__user_id__in=user_ids, training__completed_on__lte=on, training__recorded_on__lte=on
        )
        .annotate(bucket=windows.bucket("training__completed_on"))
        .values("training__user_id", "domain_id", "training__delivery_mode", "bucket")
        .annotate(total=Sum("hours"))
        .order_by()
    )
    for row in rows:
        facts[row["training__user_id"]].training.append(
            TrainingFact(
                EXTERNAL,
                row["domain_id"],
                row["training__delivery_mode"],
                row["bucket"],
                row["total"] or ZERO,
            )
        )


def _load_hours(loaded: Loaded, user_ids: list[int], on: date, *, include_pending: bool) -> None:
    windows, facts, requirements = loaded.windows, loaded.facts, loaded.requirements
    by_month = any(r.min_spread_months for r in requirements)
    qualified = any(r.qualified_supervisor for r in requirements)
    approvals = HoursApproval.objects.in_force_on(on).filter(trainee_id__in=user_ids, date__lte=on)
    approvals = approvals.annotate(bucket=windows.bucket("date"))
    group = ["trainee_id", "kind", "domain_id", "directly_supervised", "bucket"]
    if qualified:
        credentials = SupervisorQualification.objects.filter(
            supervisor_id=OuterRef("supervisor_id"), valid_from__lte=OuterRef("date"), recorded_on__lte=on
        ).filter(Q(expires_on__isnull=True) | Q(expires_on__gte=OuterRef("date")))
        approvals = approvals.annotate(qualified=Exists(credentials))
        group.append("qualified")
    if by_month:
        approvals = approvals.annotate(month=TruncMonth("date"))
        group.append("month")
    for row in approvals.values(*group).annotate(total=Sum("hours")).order_by():
        facts[row["trainee_id"]].approved.append(
            HoursFact(
                kind=row["kind"],
                domain_id=row["domain_id"],
                direct=row["directly_supervised"],
                qualified=row.get("qualified", False),
                bucket=row["bucket"],
                month=_month(row.get("month")),
                hours=row["total"] or ZERO,
            )
        )
    if not include_pending:
        return
    pending = (
        PracticeLog.objects.pending()
        .filter(trainee_id__in=user_ids, date__lte=on)
        .annotate(bucket=windows.bucket("date"))
        .values("trainee_id", "kind", "domain_id", "directly_supervised", "bucket")
        .annotate(total=Sum("hours"))
        .order_by()
    )
    for row in pending:
        facts[row["trainee_id"]].pending.append(
            HoursFact(
                kind=row["kind"],
                domain_id=row["domain_id"],
                direct=row["directly_supervised"],
                qualified=True,  # not decided yet: shown as waiting, whoever signs it off
                bucket=row["bucket"],
                month=None,
                hours=row["total"] or ZERO,
            )
        )


def _load_final_exams(loaded: Loaded, users: list, on: date) -> None:
    from assessments.selectors import final_exams_passed_at_for_users

    by_id = {u.pk: u for u in users}
    for uid, courses in final_exams_passed_at_for_users(user_ids=list(by_id)).items():
        for course_id, released_at in courses.items():
            released_on = local_date(by_id[uid], released_at)
            if released_on <= on:
                loaded.facts[uid].exams_passed[course_id] = released_on


def _load_pledge(loaded: Loaded, user_ids: list[int], version: ProgramVersion, on: date) -> None:
    pledge = (
        EthicsPledge.objects.filter(program_id=version.program_id, effective_date__lte=on)
        .order_by("-effective_date", "-pk")
        .first()
    )
    loaded.pledge = pledge
    if pledge is None:
        return
    rows = PledgeSignature.objects.filter(user_id__in=user_ids, pledge=pledge, signed_on__lte=on).values_list(
        "user_id", "signed_on"
    )
    for uid, signed_on in rows:
        loaded.facts[uid].pledge_signed_on = signed_on
        loaded.facts[uid].pledge_label = pledge.version_label


def _in_force(model, value_field: str, user_ids: list[int], on: date) -> dict[int, object]:
    """{user_id: value} of the attestation in force on `on` (the latest made by then, not superseded
    by then)."""
    out: dict[int, tuple] = {}
    rows = (
        model.objects.in_force_on(on)
        .filter(user_id__in=user_ids)
        .values_list("user_id", value_field, "attested_at", "pk")
    )
    for uid, value, attested_at, pk in rows:
        if uid not in out or (attested_at, pk) > out[uid][1:]:
            out[uid] = (value, attested_at, pk)
    # A value that cannot be decrypted (lms.crypto.fields.Unreadable, logged there) counts as not attested.
    return {uid: item[0] for uid, item in out.items() if not isinstance(item[0], Unreadable)}


def _load_recovery(loaded: Loaded, user_ids: list[int], on: date) -> None:
    # Decrypted here, in Python: the database only ever holds ciphertext.
    for uid, start in _in_force(RecoveryAttestation, "recovery_start_date", user_ids, on).items():
        if isinstance(start, str):  # the field decrypts to a string through values_list on some backends
            start = date.fromisoformat(start)
        loaded.recovery_start[uid] = start


def month_set(facts: list[HoursFact]) -> set[date]:
    return {f.month for f in facts if f.month is not None}


def group_sum(items, predicate) -> Decimal:
    return sum((item.hours for item in items if predicate(item)), ZERO)


def by_domain(items) -> dict[int | None, Decimal]:
    out: dict[int | None, Decimal] = defaultdict(lambda: ZERO)
    for item in items:
        out[item.domain_id] += item.hours
    return dict(out)

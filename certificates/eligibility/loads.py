"""The queries behind eligibility.facts: one per kind of fact, whatever the number of trainees, the
length of their history and the number of versions evaluated together.

- training: modules completed here UNION ALL practice activities confirmed here UNION ALL training taken
  elsewhere, summed per trainee, source, domain, delivery mode and window bucket;
- hours: approvals in force UNION ALL entries waiting for approval, summed per trainee, kind, domain,
  "directly supervised", "supervisor qualified" and bucket, with the first and last day of work;
- done: courses completed UNION ALL board exams passed UNION ALL signatures of the codes of ethics in
  effect;
- final exams: the first release of a passing result per trainee and course;
- attestations: recovery UNION ALL date of birth UNION ALL education in force (decrypted here, in
  Python: the database only ever holds ciphertext).

Each query only runs when some row needs it. `load` reads them for a list of trainees into a dict;
`stream` reads them for a cohort (a subquery of user ids) in the cohort's order (name, email, id),
through server-side cursors, and merges them trainee by trainee: memory stays flat whatever the
cohort's size."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from datetime import date

from django.db import connection
from django.db.models import (
    BooleanField,
    Exists,
    F,
    IntegerField,
    Max,
    Min,
    OuterRef,
    Q,
    Subquery,
    Sum,
    TextField,
    Value,
)
from django.db.models.functions import Cast

from assessments.models import Assessment, Attempt
from certificates.applicant.models import BirthDateAttestation, EducationAttestation
from certificates.hours.models import HoursApproval, PracticeLog, SupervisorQualification
from certificates.programs.models import EthicsPledge, PledgeSignature, Requirement
from certificates.recovery.models import RecoveryAttestation
from certificates.training.models import ExternalTrainingHours, OutsideExamResult
from courses.models import ActivityRecord, Enrollment, ModuleProgress
from lms.crypto.fields import Unreadable
from lms.timezones import local_date

from . import facts as F_
from .facts import ZERO, HoursFact, Needs, TraineeFacts, TrainingFact, Windows

Kind = Requirement.Kind
ORDER = ("o_name", "o_email", "uid")
CHUNK = 2000  # rows fetched per round trip when streaming a cohort

COURSE, OUTSIDE, PLEDGE = 1, 2, 3
RECOVERY, BIRTH, EDUCATION = 1, 2, 3
ATTESTED = {
    RECOVERY: (Kind.RECOVERY_MONTHS, RecoveryAttestation, "recovery_start_date"),
    BIRTH: (Kind.MINIMUM_AGE, BirthDateAttestation, "date_of_birth"),
    EDUCATION: (Kind.EDUCATION_ATTESTED, EducationAttestation, "level"),
}


def needs_for(*, version_ids: Iterable[int], on: date, include_pending: bool) -> Needs:
    """The requirement rows of the versions (courses, exams and domains with them; each code-of-ethics
    row with the pledge in effect on `on`) and what they ask to load. Two queries."""
    pledge = EthicsPledge.objects.filter(
        program_id=OuterRef("version__program_id"), effective_date__lte=on
    ).order_by("-effective_date", "-pk")
    requirements = list(
        Requirement.objects.filter(version_id__in=list(version_ids))
        .select_related("course", "exam")
        .prefetch_related("domains")
        .annotate(
            pledge_pk=Subquery(pledge.values("pk")[:1]),
            pledge_label=Subquery(pledge.values("version_label")[:1]),
        )
        .order_by("version_id", "sort_order", "pk")
    )
    return Needs(
        on=on,
        include_pending=include_pending,
        requirements=requirements,
        windows=Windows(on, {r.within_months for r in requirements if r.within_months}),
        kinds={r.kind for r in requirements},
        external=any(r.allow_external for r in requirements),
        qualified=any(r.qualified_supervisor for r in requirements),
        course_ids={r.course_id for r in requirements if r.kind == Kind.COURSE_PASSED and r.course_id},
        exam_ids={r.exam_id for r in requirements if r.kind == Kind.OUTSIDE_EXAM_PASSED and r.exam_id},
        pledges={
            r.pledge_pk: r.pledge_label for r in requirements if r.kind == Kind.ETHICS_PLEDGE and r.pledge_pk
        },
    )


# --- The queries --------------------------------------------------------------------------------------


def _who(qs, path: str, users, ordered: bool):
    """`qs` for the trainees `users` (ids or a subquery of ids), with their id as `uid` and, to stream
    in the cohort's order, their name and email."""
    qs = qs.filter(**{f"{path}_id__in": users}).order_by()
    columns = {"uid": F(f"{path}_id")}
    if ordered:
        columns |= {"o_name": F(f"{path}__full_name"), "o_email": F(f"{path}__email")}
    return qs.annotate(**columns)


def _cols(ordered: bool, *names: str) -> list[str]:
    return [*(ORDER if ordered else ("uid",)), *names]


def _combine(arms: list, ordered: bool):
    if not arms:
        return None
    qs = arms[0].union(*arms[1:], all=True) if len(arms) > 1 else arms[0]
    return qs.order_by(*ORDER) if ordered else qs


def _int(value: int) -> Value:
    return Value(value, output_field=IntegerField())


def _training(needs: Needs, users, ordered: bool):
    on, windows = needs.on, needs.windows
    cols = _cols(ordered, "f_src", "f_dom", "f_mode", "f_bucket")
    arms = [
        _who(ModuleProgress.objects.filter(completed_on__lte=on), "enrollment__user", users, ordered)
        .annotate(
            f_src=_int(0),
            f_dom=F("domain_id"),
            f_mode=F("delivery_mode"),
            f_bucket=windows.bucket("completed_on"),
        )
        .values(*cols)
        .annotate(total=Sum("hours_credited")),
        # Practice activities count as training here once confirmed, from the day they were.
        _who(
            ActivityRecord.objects.confirmed().filter(recorded_on__lte=on), "enrollment__user", users, ordered
        )
        .annotate(
            f_src=_int(0),
            f_dom=F("domain_id"),
            f_mode=F("delivery_mode"),
            f_bucket=windows.bucket("recorded_on"),
        )
        .values(*cols)
        .annotate(total=Sum("hours")),
    ]
    if needs.external:
        external = ExternalTrainingHours.objects.filter(
            training__completed_on__lte=on, training__recorded_on__lte=on
        )
        arms.append(
            _who(external, "training__user", users, ordered)
            .annotate(
                f_src=_int(1),
                f_dom=F("domain_id"),
                f_mode=F("training__delivery_mode"),
                f_bucket=windows.bucket("training__completed_on"),
            )
            .values(*cols)
            .annotate(total=Sum("hours"))
        )
    return _combine(arms, ordered)


def _apply_training(facts: TraineeFacts, row: dict, user, needs: Needs) -> None:
    source = F_.LMS if row["f_src"] == 0 else F_.EXTERNAL
    facts.training.append(
        TrainingFact(source, row["f_dom"], row["f_mode"], row["f_bucket"], row["total"] or ZERO)
    )


def _hours(needs: Needs, users, ordered: bool):
    on, windows = needs.on, needs.windows
    cols = _cols(ordered, "f_status", "f_kind", "f_dom", "f_direct", "f_qual", "f_bucket")
    if needs.qualified:
        credentials = SupervisorQualification.objects.filter(
            supervisor_id=OuterRef("supervisor_id"), valid_from__lte=OuterRef("date"), recorded_on__lte=on
        ).filter(Q(expires_on__isnull=True) | Q(expires_on__gte=OuterRef("date")))
        qualified = Exists(credentials)
    else:
        qualified = Value(False, output_field=BooleanField())
    approved = HoursApproval.objects.in_force_on(on).filter(date__lte=on)
    arms = [
        _who(approved, "trainee", users, ordered)
        .annotate(
            f_status=_int(1),
            f_kind=F("kind"),
            f_dom=F("domain_id"),
            f_direct=F("directly_supervised"),
            f_qual=qualified,
            f_bucket=windows.bucket("date"),
        )
        .values(*cols)
        .annotate(total=Sum("hours"), first=Min("date"), last=Max("date"))
    ]
    if needs.include_pending:
        pending = PracticeLog.objects.pending().filter(date__lte=on)
        arms.append(
            _who(pending, "trainee", users, ordered)
            .annotate(
                f_status=_int(0),
                f_kind=F("kind"),
                f_dom=F("domain_id"),
                f_direct=F("directly_supervised"),
                # Not decided yet: shown as waiting, whoever signs it off.
                f_qual=Value(True, output_field=BooleanField()),
                f_bucket=windows.bucket("date"),
            )
            .values(*cols)
            .annotate(total=Sum("hours"), first=Min("date"), last=Max("date"))
        )
    return _combine(arms, ordered)


def _apply_hours(facts: TraineeFacts, row: dict, user, needs: Needs) -> None:
    approved = row["f_status"] == 1
    fact = HoursFact(
        kind=row["f_kind"],
        domain_id=row["f_dom"],
        direct=bool(row["f_direct"]),
        qualified=bool(row["f_qual"]),
        bucket=row["f_bucket"],
        first=_day(row["first"]) if approved else None,
        last=_day(row["last"]) if approved else None,
        hours=row["total"] or ZERO,
    )
    (facts.approved if approved else facts.pending).append(fact)


def _day(value) -> date | None:
    if value is None or isinstance(value, date) and not hasattr(value, "hour"):
        return value
    if isinstance(value, str):
        return date.fromisoformat(value[:10])
    return value.date()


def _done(needs: Needs, users, ordered: bool):
    on = needs.on
    cols = _cols(ordered, "f_what", "f_ref", "f_day")
    arms = []
    if needs.course_ids:
        completed = Enrollment.objects.filter(
            status=Enrollment.Status.COMPLETED, completed_on__lte=on, course_id__in=needs.course_ids
        )
        arms.append(
            _who(completed, "user", users, ordered)
            .annotate(f_what=_int(COURSE), f_ref=F("course_id"), f_day=F("completed_on"))
            .values(*cols)
        )
    if needs.exam_ids:
        passed = OutsideExamResult.objects.known_on(on).filter(exam_id__in=needs.exam_ids, passed=True)
        arms.append(
            _who(passed, "user", users, ordered)
            .annotate(f_what=_int(OUTSIDE), f_ref=F("exam_id"), f_day=F("taken_on"))
            .values(*cols)
        )
    if needs.pledges:
        signed = PledgeSignature.objects.filter(pledge_id__in=list(needs.pledges), signed_on__lte=on)
        arms.append(
            _who(signed, "user", users, ordered)
            .annotate(f_what=_int(PLEDGE), f_ref=F("pledge_id"), f_day=F("signed_on"))
            .values(*cols)
        )
    return _combine(arms, ordered)


def _apply_done(facts: TraineeFacts, row: dict, user, needs: Needs) -> None:
    what, ref, day = row["f_what"], row["f_ref"], _day(row["f_day"])
    if what == COURSE:
        facts.courses_completed[ref] = day
    elif what == OUTSIDE:
        facts.outside_passed.setdefault(ref, []).append(day)
    else:
        facts.pledges_signed[ref] = day


def _final_exams(needs: Needs, users, ordered: bool):
    if Kind.FINAL_EXAM_PASSED not in needs.kinds:
        return None
    passed = Attempt.objects.released().filter(passed=True, assessment__kind=Assessment.Kind.FINAL_EXAM)
    qs = (
        _who(passed, "user", users, ordered)
        .annotate(f_course=F("assessment__course_id"))
        .values(*_cols(ordered, "f_course"))
        .annotate(first=Min("released_at"))
    )
    return qs.order_by(*ORDER) if ordered else qs


def _apply_final_exam(facts: TraineeFacts, row: dict, user, needs: Needs) -> None:
    if row["first"] is None:
        return
    released_on = local_date(user, row["first"])  # the trainee's own calendar date
    if released_on <= needs.on:
        facts.exams_passed[row["f_course"]] = released_on


def _attestations(needs: Needs, users, ordered: bool):
    cols = _cols(ordered, "f_what", "f_value", "f_at", "f_pk")
    arms = [
        _who(model.objects.in_force_on(needs.on), "user", users, ordered)
        .annotate(
            f_what=_int(what),
            f_value=Cast(name, output_field=TextField()),  # the stored text: decrypted below
            f_at=F("attested_at"),
            f_pk=F("pk"),
        )
        .values(*cols)
        for what, (kind, model, name) in ATTESTED.items()
        if kind in needs.kinds
    ]
    return _combine(arms, ordered)


def _apply_attestation(facts: TraineeFacts, row: dict, user, needs: Needs) -> None:
    """The attestation in force is the latest made by then and not superseded by then."""
    what = row["f_what"]
    key = (row["f_at"], row["f_pk"])
    if what in facts.attested and facts.attested[what] >= key:
        return
    facts.attested[what] = key
    _kind, model, name = ATTESTED[what]
    field = model._meta.get_field(name)
    raw = row["f_value"]
    value = field.from_db_value(raw, None, connection) if hasattr(field, "from_db_value") else raw
    # A value that cannot be decrypted (lms.crypto.fields.Unreadable, logged there) counts as not attested.
    if isinstance(value, Unreadable):
        value = None
    if isinstance(value, str) and what != EDUCATION:
        value = date.fromisoformat(value)
    if what == RECOVERY:
        facts.recovery_start = value
    elif what == BIRTH:
        facts.birth_date = value
    else:
        facts.education = value


SOURCES = [
    (_training, _apply_training),
    (_hours, _apply_hours),
    (_done, _apply_done),
    (_final_exams, _apply_final_exam),
    (_attestations, _apply_attestation),
]


# --- Reading them --------------------------------------------------------------------------------------


def load(*, needs: Needs, users: list) -> dict[int, TraineeFacts]:
    """{user id: facts} for a list of users (a trainee, a page of a cohort)."""
    by_id = {u.pk: u for u in users}
    facts = {uid: TraineeFacts() for uid in by_id}
    for query, apply in SOURCES:
        qs = query(needs, list(by_id), False)
        if qs is None:
            continue
        for row in qs:
            apply(facts[row["uid"]], row, by_id[row["uid"]], needs)
    return facts


def stream(*, needs: Needs, enrollments: Iterable, user_ids) -> Iterator[tuple[object, TraineeFacts]]:
    """(enrollment, facts) for each of `enrollments` (ordered by user name, email and id; users
    `user_ids`, a subquery), merging each fact query read in the same order. Every query is sent
    before the first trainee is yielded: a constant number of queries for any cohort."""
    cursors = []
    for query, apply in SOURCES:
        qs = query(needs, user_ids, True)
        if qs is not None:
            groups = itertools.groupby(qs.iterator(chunk_size=CHUNK), key=lambda row: row["uid"])
            cursors.append([apply, groups, next(groups, None)])
    for enrollment in enrollments:
        uid, user = enrollment.user_id, enrollment.user
        facts = TraineeFacts()
        for cursor in cursors:
            apply, groups, head = cursor
            if head is not None and head[0] == uid:
                for row in head[1]:
                    apply(facts, row, user, needs)
                cursor[2] = next(groups, None)
        yield enrollment, facts

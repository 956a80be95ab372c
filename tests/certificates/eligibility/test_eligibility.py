"""The eligibility engine: month arithmetic, hour sums, boundaries, explanations, query counts."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from certificates.eligibility import (
    add_months,
    eligibility_for,
    eligibility_for_users,
    month_span,
    months_between,
    snapshot,
)
from certificates.models import (
    ExternalTraining,
    ExternalTrainingHours,
    PledgeSignature,
    PracticeLog,
    RecoveryAttestation,
    Requirement,
)
from certificates.programs import services as program_services
from certificates.recovery import services as recovery_services
from certificates.training import services as training_services
from courses.models import CompetencyDomain, Enrollment, ModuleProgress
from tests.factories import DomainFactory, make_course, make_module

from ..factories import (
    SupervisorFactory,
    TraineeFactory,
    VersionFactory,
    add_pledge,
    add_requirement,
    log,
)

Kind = Requirement.Kind
pytestmark = pytest.mark.django_db


# --- Month arithmetic -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2024, 1, 31), 1, date(2024, 2, 29)),  # leap year: clamp to Feb 29
        (date(2023, 1, 31), 1, date(2023, 2, 28)),  # clamp to Feb 28
        (date(2024, 2, 29), 12, date(2025, 2, 28)),  # Feb 29 + 1 year
        (date(2024, 2, 29), 48, date(2028, 2, 29)),  # ... and back to a leap year
        (date(2023, 3, 31), 1, date(2023, 4, 30)),
        (date(2023, 12, 15), 1, date(2024, 1, 15)),  # year boundary
        (date(2023, 3, 4), 12, date(2024, 3, 4)),
        (date(2023, 3, 4), 0, date(2023, 3, 4)),
    ],
)
def test_add_months_rule(start, months, expected):
    assert add_months(start, months) == expected


@pytest.mark.parametrize(
    ("start", "on", "expected"),
    [
        (date(2023, 3, 4), date(2024, 3, 4), 12),  # exactly 12 months: complete on the day
        (date(2023, 3, 4), date(2024, 3, 3), 11),  # the day before: not yet
        (date(2023, 1, 31), date(2023, 2, 28), 1),  # month end: Feb 28 completes the month
        (date(2023, 1, 31), date(2023, 2, 27), 0),
        (date(2023, 1, 31), date(2023, 3, 30), 1),  # Mar 31 completes month two
        (date(2023, 1, 31), date(2023, 3, 31), 2),
        (date(2024, 2, 29), date(2025, 2, 28), 12),  # Feb 29 anniversary in a common year
        (date(2024, 2, 29), date(2025, 2, 27), 11),
        (date(2024, 5, 1), date(2024, 4, 1), 0),  # start after `on`
    ],
)
def test_months_between_boundaries(start, on, expected):
    assert months_between(start, on) == expected


dates = st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 31))


@given(start=dates, on=dates)
def test_months_between_is_the_largest_n_with_add_months_before_on(start, on):
    n = months_between(start, on)
    assert n >= 0
    if on >= start:
        assert add_months(start, n) <= on < add_months(start, n + 1)
    else:
        assert n == 0


@given(start=dates, n=st.integers(min_value=0, max_value=400))
def test_add_months_round_trips_and_is_strictly_increasing(start, n):
    target = add_months(start, n)
    assert months_between(start, target) == n
    assert add_months(start, n + 1) > target
    assert target.day <= start.day


@given(first=dates, last=dates)
def test_month_span_counts_touched_months(first, last):
    if last < first:
        first, last = last, first
    span = month_span(first, last)
    assert span >= 1
    assert add_months(date(first.year, first.month, 1), span - 1) == date(last.year, last.month, 1)


# --- Engine ---------------------------------------------------------------------------------------


@pytest.fixture
def version():
    return VersionFactory()


def _attest(user, start, *, attested_on=None):
    """Attest `start`, as if the attestation had been made on `attested_on` (default: that same day)."""
    attestation = recovery_services.recovery_attest(
        user=user, recovery_start_date=start, typed_name=user.full_name
    )
    RecoveryAttestation.objects.filter(pk=attestation.pk).update(attested_on=attested_on or start)
    return attestation


def test_recovery_met_on_the_day_and_not_the_day_before(version, trainee):
    add_requirement(version, Kind.RECOVERY_MONTHS, months=12)
    _attest(trainee, date(2023, 3, 4))
    before = eligibility_for(user=trainee, version=version, on=date(2024, 3, 3))
    on_day = eligibility_for(user=trainee, version=version, on=date(2024, 3, 4))
    assert not before.eligible and on_day.eligible
    [r] = before.results
    assert r.met_on == date(2024, 3, 4)
    assert r.missing == "11 of 12 months of recovery: met on 2024-03-04"
    assert r.current == 11 and r.required == 12 and r.progress_percent == 91
    assert on_day.results[0].missing == "12 of 12 months of recovery: met on 2024-03-04"


def test_recovery_future_met_on_from_month_end_start(version, trainee):
    add_requirement(version, Kind.RECOVERY_MONTHS, months=1)
    _attest(trainee, date(2023, 1, 31))
    result = eligibility_for(user=trainee, version=version, on=date(2023, 2, 10)).results[0]
    assert result.met_on == date(2023, 2, 28) and not result.met
    assert eligibility_for(user=trainee, version=version, on=date(2023, 2, 28)).eligible


def test_recovery_zero_months_needs_only_an_attestation(version, trainee):
    add_requirement(version, Kind.RECOVERY_MONTHS, months=0)
    assert not eligibility_for(user=trainee, version=version).eligible
    _attest(trainee, timezone.localdate())
    assert eligibility_for(user=trainee, version=version).eligible


def test_latest_attestation_counts(version, trainee):
    add_requirement(version, Kind.RECOVERY_MONTHS, months=12)
    _attest(trainee, date(2015, 1, 1))
    _attest(trainee, timezone.localdate() - timedelta(days=40))  # recovery isn't a straight line
    assert not eligibility_for(user=trainee, version=version).eligible


def test_practice_hours_sum_fractions_exactly(version, trainee, supervisor):
    add_requirement(version, Kind.PRACTICE_HOURS, hours=Decimal("1.0"))
    for _ in range(10):
        log(trainee, supervisor, hours="0.1")  # binary floats would make this 0.9999...
    log(trainee, supervisor, hours="5", status=PracticeLog.Status.PENDING)
    log(trainee, supervisor, hours="5", status=PracticeLog.Status.REJECTED)
    result = eligibility_for(user=trainee, version=version).results[0]
    assert result.met and result.current == Decimal("1.0")
    assert result.pending == Decimal("5")
    assert result.missing == "1 of 1 practice hours approved (5 waiting for approval)"


def test_practice_hours_missing_text_and_domain_filter(version, trainee, supervisor):
    advocacy = CompetencyDomain.objects.get(slug="advocacy")
    add_requirement(version, Kind.PRACTICE_HOURS, hours=Decimal("500"))
    add_requirement(version, Kind.SUPERVISION_HOURS, hours=Decimal("25"), domain=advocacy)
    for day in range(1, 6):
        log(trainee, supervisor, hours="20", on=date(2024, 1, day))
    log(trainee, supervisor, hours="12.5")
    log(trainee, supervisor, hours="3", kind=PracticeLog.Kind.SUPERVISION, domain=advocacy)
    log(trainee, supervisor, hours="7", kind=PracticeLog.Kind.SUPERVISION)  # no domain: not counted
    practice, supervision = eligibility_for(user=trainee, version=version).results
    assert practice.missing == "112.5 of 500 practice hours approved"
    assert practice.progress_percent == 22
    assert supervision.current == Decimal("3") and not supervision.met


def test_entries_dated_after_evaluation_day_do_not_count(version, trainee, supervisor):
    add_requirement(version, Kind.PRACTICE_HOURS, hours=Decimal("2"))
    log(trainee, supervisor, hours="1", on=date(2024, 5, 1))
    log(trainee, supervisor, hours="1", on=date(2024, 5, 2))
    assert not eligibility_for(user=trainee, version=version, on=date(2024, 5, 1)).eligible
    assert eligibility_for(user=trainee, version=version, on=date(2024, 5, 2)).eligible  # met on the day


def test_practice_spread_over_months(version, trainee, supervisor):
    add_requirement(version, Kind.PRACTICE_HOURS, hours=Decimal("2"), min_spread_months=3)
    log(trainee, supervisor, hours="1", on=date(2024, 1, 31))
    log(trainee, supervisor, hours="1", on=date(2024, 2, 1))
    result = eligibility_for(user=trainee, version=version, on=date(2024, 6, 1)).results[0]
    assert not result.met and "spread over 2 of 3 months" in result.missing
    log(trainee, supervisor, hours="1", on=date(2024, 3, 1))
    assert eligibility_for(user=trainee, version=version, on=date(2024, 6, 1)).eligible


def test_training_hours_lms_plus_external_only_when_allowed(catalogue, trainee, program_admin):
    advocacy = CompetencyDomain.objects.get(slug="advocacy")
    course = make_course(catalogue, title="Advocacy basics")
    module = make_module(course, hours=Decimal("6.5"), domain=advocacy)
    enrollment = Enrollment.objects.create(user=trainee, course=course)
    ModuleProgress.objects.create(
        enrollment=enrollment, module=module, hours_credited=Decimal("6.5"), domain=advocacy
    )
    training_services.external_training_record(
        actor=program_admin,
        user=trainee,
        provider="State board",
        title="Advocacy day",
        completed_on=date(2024, 1, 1),
        hours={advocacy: Decimal("3.5")},
    )
    strict = VersionFactory()
    add_requirement(strict, Kind.DOMAIN_TRAINING_HOURS, domain=advocacy, hours=Decimal("10"))
    lenient = VersionFactory()
    add_requirement(
        lenient, Kind.DOMAIN_TRAINING_HOURS, domain=advocacy, hours=Decimal("10"), allow_external=True
    )
    add_requirement(lenient, Kind.TOTAL_TRAINING_HOURS, hours=Decimal("10"), allow_external=True)
    assert (
        eligibility_for(user=trainee, version=strict).results[0].missing
        == "6.5 of 10 training hours in Advocacy"
    )
    assert eligibility_for(user=trainee, version=lenient).eligible
    # Training completed after the evaluation day doesn't count yet.
    assert not eligibility_for(user=trainee, version=lenient, on=date(2023, 12, 31)).eligible


def test_course_exam_and_pledge(catalogue, trainee, version):
    course = make_course(catalogue, title="Ethics")
    add_requirement(version, Kind.COURSE_PASSED, course=course)
    add_requirement(version, Kind.FINAL_EXAM_PASSED, course=course)
    add_requirement(version, Kind.ETHICS_PLEDGE)
    elig = eligibility_for(user=trainee, version=version)
    assert [r.met for r in elig.results] == [False, False, False]
    assert elig.results[2].missing == "The code of ethics has not been published yet"
    Enrollment.objects.create(
        user=trainee, course=course, status=Enrollment.Status.COMPLETED, completed_on=timezone.localdate()
    )
    pledge = add_pledge(version.program)
    program_services.pledge_sign(user=trainee, pledge=pledge, typed_name=trainee.full_name.upper())
    elig = eligibility_for(user=trainee, version=version)
    assert [r.met for r in elig.results] == [True, False, True]
    assert elig.results[2].met_on == timezone.localdate()
    # A newer code of ethics must be signed again.
    add_pledge(version.program, label="2025", effective=timezone.localdate())
    assert not eligibility_for(user=trainee, version=version).results[2].met


def test_version_without_requirements_makes_nobody_eligible(version, trainee):
    assert eligibility_for(user=trainee, version=version).eligible is False


@given(
    hours=st.lists(st.decimals(min_value="0.01", max_value="24", places=2), min_size=0, max_size=15),
    required=st.decimals(min_value="0.01", max_value="200", places=2),
)
def test_practice_sum_property(django_db_setup, django_db_blocker, hours, required):
    """Property: the engine's total is the exact decimal sum of approved entries, met iff >= required,
    and the percentage is floor(100 * total / required) capped at 100."""
    with django_db_blocker.unblock():
        from django.db import transaction

        with transaction.atomic():
            trainee = TraineeFactory()
            supervisor = SupervisorFactory()
            version = VersionFactory()
            add_requirement(version, Kind.PRACTICE_HOURS, hours=required)
            for h in hours:
                log(trainee, supervisor, hours=str(h))
            result = eligibility_for(user=trainee, version=version).results[0]
            total = sum(hours, Decimal("0"))
            assert result.current == total
            assert result.met is (total >= required)
            assert result.progress_percent == min(100, int(total * 100 // required))
            transaction.set_rollback(True)


def test_snapshot_never_contains_recovery(version, trainee, supervisor):
    add_requirement(version, Kind.RECOVERY_MONTHS, months=1)
    add_requirement(version, Kind.PRACTICE_HOURS, hours=Decimal("1"))
    _attest(trainee, date(2021, 7, 9))
    log(trainee, supervisor, hours="2")
    elig = eligibility_for(user=trainee, version=version)
    snap = snapshot(eligibility=elig)
    text = repr(snap)
    assert snap["practice_hours"] == "2"
    assert "2021" not in text and "07-09" not in text
    assert not any("recovery" in key or "month" in key for key in snap)
    redacted = elig.redacted().results[0]
    assert redacted.met_on is None and redacted.current is None and "2021" not in redacted.missing


def _cohort(n, version, supervisor, catalogue_course, advocacy):
    users = []
    for i in range(n):
        user = TraineeFactory()
        users.append(user)
        for j in range(3):
            log(user, supervisor, hours="1.5", on=date(2024, 1 + j, 1 + i % 27), domain=advocacy)
        log(user, supervisor, hours="1", kind=PracticeLog.Kind.SUPERVISION, status=PracticeLog.Status.PENDING)
        recovery_services.recovery_attest(
            user=user, recovery_start_date=date(2020, 1, 1 + i % 27), typed_name=user.full_name
        )
        training = ExternalTraining.objects.create(
            user=user, provider="P", title="T", completed_on=date(2023, 1, 1)
        )
        ExternalTrainingHours.objects.create(training=training, domain=advocacy, hours=Decimal("2"))
        Enrollment.objects.create(user=user, course=catalogue_course, status=Enrollment.Status.COMPLETED)
        PledgeSignature.objects.create(user=user, pledge=version.program.pledges.first(), typed_name="x")
    return users


def test_bulk_query_count_is_constant(catalogue, supervisor):
    advocacy = CompetencyDomain.objects.get(slug="advocacy")
    course = make_course(catalogue, title="Core")
    version = VersionFactory()
    add_pledge(version.program)
    for kind, params in [
        (Kind.COURSE_PASSED, {"course": course}),
        (Kind.FINAL_EXAM_PASSED, {"course": course}),
        (Kind.DOMAIN_TRAINING_HOURS, {"domain": advocacy, "hours": Decimal("10"), "allow_external": True}),
        (Kind.TOTAL_TRAINING_HOURS, {"hours": Decimal("40")}),
        (Kind.PRACTICE_HOURS, {"hours": Decimal("4"), "min_spread_months": 3}),
        (Kind.SUPERVISION_HOURS, {"hours": Decimal("1")}),
        (Kind.RECOVERY_MONTHS, {"months": 12}),
        (Kind.ETHICS_PLEDGE, {}),
    ]:
        add_requirement(version, kind, **params)
    small = _cohort(3, version, supervisor, course, advocacy)
    big = small + _cohort(27, version, supervisor, course, advocacy)
    counts = []
    for users in (small, big):
        with CaptureQueriesContext(connection) as ctx:
            results = eligibility_for_users(users=users, version=version)
        counts.append(len(ctx.captured_queries))
        assert len(results) == len(users)
        assert all(r.results[4].met for r in results)  # 4.5 h over 3 months
        assert all(r.results[6].met for r in results)  # recovery since 2020
        assert all(not r.results[5].met and r.results[5].pending == 1 for r in results)
    assert counts[0] == counts[1], counts
    assert counts[0] <= 12


def test_engine_uses_domain_slug_labels(version, trainee):
    domain = DomainFactory(slug="domestic-violence", name="Domestic violence")
    add_requirement(
        version, Kind.DOMAIN_TRAINING_HOURS, domain=domain, hours=Decimal("3"), label="DV training"
    )
    result = eligibility_for(user=trainee, version=version).results[0]
    assert result.label == "DV training"
    assert result.missing == "0 of 3 training hours in Domestic violence"

"""Properties the engine must hold for any data (hypothesis):

- adding an approved hour, a module completion or a passed board exam never makes a met requirement
  unmet;
- evaluating on a date before a fact never counts that fact;
- a "within N months" window includes its first day and not the day before.
"""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from certificates.eligibility import add_months, eligibility_for
from certificates.models import OutsideExamResult, PracticeLog, ProgramExam, Requirement
from courses.models import CompetencyDomain, DeliveryMode, Enrollment, ModuleProgress
from tests.factories import SupervisorFactory, TraineeFactory, make_course, make_module

from ..factories import VersionFactory, add_requirement, log

pytestmark = pytest.mark.django_db
Kind = Requirement.Kind
D = Decimal
PROPERTY_SETTINGS = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

days = st.integers(min_value=0, max_value=1500)
hour_amounts = st.decimals(min_value="0.25", max_value="12", places=2)
windows = st.one_of(st.none(), st.integers(min_value=1, max_value=48))
BASE = date(2021, 1, 1)


def _rollback(fn):
    """Run one hypothesis example in a transaction that is always rolled back."""

    def run(django_db_blocker, *args):
        with django_db_blocker.unblock():
            with transaction.atomic():
                try:
                    fn(*args)
                finally:
                    transaction.set_rollback(True)

    return run


@st.composite
def hour_facts(draw):
    return draw(
        st.lists(
            st.tuples(
                st.sampled_from(["practice", "supervision"]),
                days,  # day of the work
                st.integers(min_value=0, max_value=60),  # approved this many days later
                hour_amounts,
                st.booleans(),  # directly supervised
            ),
            max_size=8,
        )
    )


def _hours_version(window, spread):
    version = VersionFactory()
    add_requirement(
        version, Kind.PRACTICE_HOURS, hours=D("10"), within_months=window, min_spread_months=spread
    )
    add_requirement(version, Kind.DIRECT_PRACTICE_HOURS, hours=D("4"), within_months=window)
    add_requirement(version, Kind.SUPERVISION_HOURS, hours=D("3"), within_months=window)
    return version


def _log(trainee, supervisor, fact):
    kind, day, delay, hours, direct = fact
    work = BASE + timedelta(days=day)
    log(
        trainee,
        supervisor,
        hours=str(hours),
        kind=kind,
        on=work,
        direct=direct and kind == PracticeLog.Kind.PRACTICE,
        approved_on=work + timedelta(days=delay),
    )


def _met(trainee, version, on):
    return [r.met for r in eligibility_for(user=trainee, version=version, on=on).results]


def _figures(trainee, version, on):
    return [(r.met, r.current) for r in eligibility_for(user=trainee, version=version, on=on).results]


@PROPERTY_SETTINGS
@given(
    facts=hour_facts(),
    extra=hour_facts().filter(bool),
    window=windows,
    spread=st.sampled_from([None, 2]),
    on=days,
)
def test_adding_an_approved_hour_never_unmeets_a_requirement(
    django_db_setup, django_db_blocker, facts, extra, window, spread, on
):
    @_rollback
    def example():
        trainee, supervisor = TraineeFactory(), SupervisorFactory()
        version = _hours_version(window, spread)
        for fact in facts:
            _log(trainee, supervisor, fact)
        day = BASE + timedelta(days=on)
        before = _met(trainee, version, day)
        _log(trainee, supervisor, extra[0])
        after = _met(trainee, version, day)
        assert all(a or not b for b, a in zip(before, after, strict=True)), (before, after)

    example(django_db_blocker)


@PROPERTY_SETTINGS
@given(facts=hour_facts(), extra=hour_facts().filter(bool), window=windows, on=days)
def test_a_fact_after_the_evaluation_date_is_never_counted(
    django_db_setup, django_db_blocker, facts, extra, window, on
):
    @_rollback
    def example():
        trainee, supervisor = TraineeFactory(), SupervisorFactory()
        version = _hours_version(window, None)
        for fact in facts:
            _log(trainee, supervisor, fact)
        day = BASE + timedelta(days=on)
        before = _figures(trainee, version, day)
        kind, work_day, delay, hours, direct = extra[0]
        # The same entry, approved the day after the evaluation date (work on or before it, or after).
        approved = day + timedelta(days=1)
        work = min(BASE + timedelta(days=work_day), approved)
        log(
            trainee,
            supervisor,
            hours=str(hours),
            kind=kind,
            on=work,
            direct=direct and kind == "practice",
            approved_on=approved,
        )
        assert _figures(trainee, version, day) == before

    example(django_db_blocker)


@PROPERTY_SETTINGS
@given(
    completions=st.lists(
        st.tuples(days, st.sampled_from(list(DeliveryMode.values)), hour_amounts), max_size=6
    ),
    extra=st.tuples(days, st.sampled_from(list(DeliveryMode.values)), hour_amounts),
    window=windows,
    on=days,
)
def test_completions_and_exam_results_count_only_from_their_day_and_only_add(
    django_db_setup, django_db_blocker, completions, extra, window, on
):
    @_rollback
    def example():
        advocacy = CompetencyDomain.objects.get(slug="advocacy")
        trainee = TraineeFactory()
        version = VersionFactory()
        exam = ProgramExam.objects.create(program=version.program, slug="b", name="Board")
        add_requirement(
            version, Kind.DOMAIN_TRAINING_HOURS, domain=advocacy, hours=D("6"), within_months=window
        )
        add_requirement(
            version,
            Kind.TOTAL_TRAINING_HOURS,
            hours=D("8"),
            delivery_mode="face_to_face",
            delivery_hours=D("2"),
        )
        add_requirement(version, Kind.OUTSIDE_EXAM_PASSED, exam=exam, within_months=window)
        course = make_course(_catalogue(), title="Course")
        enrollment = Enrollment.objects.create(user=trainee, course=course)
        day = BASE + timedelta(days=on)

        def complete(done_day, mode, hours):
            module = make_module(course, hours=hours, domain=advocacy)
            ModuleProgress.objects.create(
                enrollment=enrollment,
                module=module,
                hours_credited=hours,
                domain=advocacy,
                delivery_mode=mode,
                completed_on=BASE + timedelta(days=done_day),
            )

        for done_day, mode, hours in completions:
            complete(done_day, mode, hours)
        before = _figures(trainee, version, day)
        # A completion the day after the evaluation date changes nothing on that date...
        complete((day - BASE).days + 1, extra[1], extra[2])
        OutsideExamResult.objects.create(
            user=trainee, exam=exam, taken_on=day, passed=True, recorded_on=day + timedelta(days=1)
        )
        assert _figures(trainee, version, day) == before
        # ...and one on or before it only adds.
        complete(min(extra[0], (day - BASE).days), extra[1], extra[2])
        OutsideExamResult.objects.create(user=trainee, exam=exam, taken_on=day, passed=True, recorded_on=day)
        after = _met(trainee, version, day)
        assert all(a or not b for (b, _), a in zip(before, after, strict=True))
        assert after[2]  # the exam, passed and known that day

    example(django_db_blocker)


def _catalogue():
    from wagtail.models import Page

    from courses.models import CatalogPage

    existing = CatalogPage.objects.first()
    if existing:
        return existing
    root = Page.get_first_root_node()
    page = CatalogPage(title="Courses", slug="courses-prop")
    root.add_child(instance=page)
    return page


@PROPERTY_SETTINGS
@given(on=days, window=st.integers(min_value=1, max_value=120))
def test_windows_include_their_first_day_and_not_the_day_before(
    django_db_setup, django_db_blocker, on, window
):
    @_rollback
    def example():
        trainee, supervisor = TraineeFactory(), SupervisorFactory()
        version = VersionFactory()
        add_requirement(version, Kind.PRACTICE_HOURS, hours=D("1"), within_months=window)
        day = BASE + timedelta(days=on) + timedelta(days=3650)
        first = add_months(day, -window)
        entry = log(trainee, supervisor, hours="1", on=first, approved_on=first)
        assert _met(trainee, version, day) == [True]
        PracticeLog.objects.filter(pk=entry.pk).update(date=first - timedelta(days=1))
        entry.approvals.update(date=first - timedelta(days=1))
        assert _met(trainee, version, day) == [False]

    example(django_db_blocker)

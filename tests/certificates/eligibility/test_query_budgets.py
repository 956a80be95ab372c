"""Query budgets of the eligibility engine and the pages built on it (issue 10): one trainee's
evaluation, the checklist at 1 and 5 programs, the cohort page, CSV and API at two cohort sizes."""

from datetime import date, timedelta
from decimal import Decimal as D

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from certificates.eligibility import eligibility_for
from certificates.hours import qualifications
from certificates.models import OutsideExamResult, PledgeSignature, ProgramExam, Requirement
from certificates.recovery import services as recovery_services
from courses.models import CompetencyDomain, Enrollment, ModuleProgress
from tests.factories import ProgramAdminFactory, SupervisorFactory, TraineeFactory, make_course, make_module

from ..factories import VersionFactory, add_pledge, add_requirement, enroll, log

pytestmark = pytest.mark.django_db
Kind = Requirement.Kind

ONE_TRAINEE_BUDGET = 8
CHECKLIST_BUDGET = 12
COHORT_BUDGET = 20


def full_version(catalogue, *, name="Full"):
    """A version using every kind of row and every qualifier (the most queries it can cost)."""
    advocacy = CompetencyDomain.objects.get(slug="advocacy")
    ethics = CompetencyDomain.objects.get(slug="ethical-responsibility")
    course = make_course(catalogue, title=f"Core {name}")
    module = make_module(course, hours=D("2"), domain=advocacy)
    version = VersionFactory(program__name=name)
    exam = ProgramExam.objects.create(program=version.program, slug="b", name="Board")
    add_pledge(version.program)
    for kind, params in [
        (Kind.COURSE_PASSED, {"course": course}),
        (Kind.FINAL_EXAM_PASSED, {"course": course}),
        (
            Kind.DOMAIN_TRAINING_HOURS,
            {"domains": [advocacy, ethics], "hours": D("2"), "allow_external": True, "within_months": 60},
        ),
        (
            Kind.TOTAL_TRAINING_HOURS,
            {"hours": D("2"), "delivery_mode": "face_to_face", "delivery_hours": D("1")},
        ),
        (Kind.PRACTICE_HOURS, {"hours": D("4"), "min_spread_months": 2, "within_months": 36}),
        (Kind.DIRECT_PRACTICE_HOURS, {"hours": D("2"), "qualified_supervisor": True}),
        (Kind.SUPERVISION_HOURS, {"hours": D("1")}),
        (Kind.RECOVERY_MONTHS, {"months": 12}),
        (Kind.ETHICS_PLEDGE, {}),
        (Kind.OUTSIDE_EXAM_PASSED, {"exam": exam, "within_months": 24}),
        (Kind.MINIMUM_AGE, {"years": 18}),
        (Kind.EDUCATION_ATTESTED, {"education_level": "high_school"}),
    ]:
        add_requirement(version, kind, **params)
    return version, course, module, exam


def history(user, version, course, module, exam, supervisor, *, entries):
    advocacy = CompetencyDomain.objects.get(slug="advocacy")
    enroll(user, version)
    for i in range(entries):
        log(
            user,
            supervisor,
            hours="1",
            on=date(2024, 1, 1) + timedelta(days=7 * i),
            domain=advocacy,
            direct=i % 2 == 0,
        )
    enrollment, _ = Enrollment.objects.get_or_create(user=user, course=course)
    ModuleProgress.objects.create(
        enrollment=enrollment,
        module=module,
        completed_on=date(2024, 1, 5),
        hours_credited=D("2"),
        domain=advocacy,
    )
    OutsideExamResult.objects.create(
        user=user, exam=exam, taken_on=date(2024, 1, 2), passed=True, recorded_on=date(2024, 1, 3)
    )
    PledgeSignature.objects.create(user=user, pledge=version.program.pledges.first(), typed_name="x")
    recovery_services.recovery_attest(
        user=user, recovery_start_date=date(2020, 1, 1), typed_name=user.full_name
    )


@pytest.fixture
def qualified_supervisor():
    supervisor = SupervisorFactory()
    qualifications.qualification_record(
        actor=ProgramAdminFactory(),
        supervisor=supervisor,
        credential="CCS",
        number="9",
        valid_from=date(2020, 1, 1),
    )
    return supervisor


def count(fn):
    with CaptureQueriesContext(connection) as ctx:
        fn()
    return len(ctx.captured_queries)


def test_one_trainee_within_budget_whatever_the_history(catalogue, qualified_supervisor):
    version, course, module, exam = full_version(catalogue)
    short, long_ = TraineeFactory(), TraineeFactory()
    history(short, version, course, module, exam, qualified_supervisor, entries=3)
    history(long_, version, course, module, exam, qualified_supervisor, entries=30)
    counts = {}
    for name, user in (("3 entries", short), ("30 entries", long_)):
        for on in (None, date(2025, 6, 1)):
            counts[(name, on)] = count(lambda u=user, d=on: eligibility_for(user=u, version=version, on=d))
    assert len(set(counts.values())) <= 2, counts  # with or without pending hours
    assert max(counts.values()) <= ONE_TRAINEE_BUDGET, counts


def test_one_trainee_costs_the_same_in_one_or_three_programs(catalogue, qualified_supervisor):
    from certificates.eligibility.engine import eligibility_for_versions

    trainee = TraineeFactory()
    versions = []
    for name in ("A", "B", "C"):
        version, course, module, exam = full_version(catalogue, name=name)
        history(trainee, version, course, module, exam, qualified_supervisor, entries=3)
        versions.append(version)
    one = count(lambda: eligibility_for_versions(user=trainee, versions=versions[:1]))
    three = count(lambda: eligibility_for_versions(user=trainee, versions=versions))
    assert one == three <= ONE_TRAINEE_BUDGET, (one, three)

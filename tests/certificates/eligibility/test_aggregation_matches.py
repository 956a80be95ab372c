"""The aggregated engine (sums and first/last days per group, several versions per pass, streamed for
a cohort) gives exactly the results of the engine it replaced (reference/: one grouped row per month,
one pass per version), over a varied cohort and dates."""

from datetime import date, timedelta
from decimal import Decimal as D

import pytest

from certificates.applicant import services as applicant_services
from certificates.eligibility import eligibility_for, eligibility_for_users
from certificates.eligibility.cohort import Cohort
from certificates.models import PracticeLog
from certificates.training import services as training_services
from courses.models import DeliveryMode
from tests.factories import ProgramAdminFactory, TraineeFactory

from .reference import engine as reference
from .test_query_budgets import full_version, history, qualified_supervisor  # noqa: F401, F811 (a fixture)

pytestmark = pytest.mark.django_db


def _fields(elig):
    return [
        (
            r.requirement.pk,
            r.label,
            r.met,
            r.current,
            r.required,
            r.missing,
            r.met_on,
            r.progress_percent,
            r.pending,
        )
        for r in elig.results
    ], elig.eligible


@pytest.fixture
def cohort(catalogue, qualified_supervisor):  # noqa: F811
    version, course, module, exam = full_version(catalogue)
    admin = ProgramAdminFactory()
    users = []
    for i in range(12):
        user = TraineeFactory(time_zone="Pacific/Kiritimati" if i % 5 == 0 else "")
        if i % 4 == 3:  # enrolled, nothing else
            from ..factories import enroll

            enroll(user, version)
        else:
            history(user, version, course, module, exam, qualified_supervisor, entries=i * 3)
            for j in range(i):  # spread over months, some pending, some supervision, some long ago
                from ..factories import log

                log(
                    user,
                    qualified_supervisor,
                    hours=str(0.5 + j),
                    on=date(2019 + j % 6, 1 + j % 12, 1 + j % 27),
                    kind=PracticeLog.Kind.SUPERVISION if j % 3 == 0 else PracticeLog.Kind.PRACTICE,
                    status=PracticeLog.Status.PENDING if j % 4 == 0 else PracticeLog.Status.APPROVED,
                    direct=j % 2 == 1 and j % 3 != 0,  # only practice is directly supervised
                )
        if i % 2:
            training_services.external_training_record(
                actor=admin,
                user=user,
                provider="P",
                title="T",
                completed_on=date(2018 + i % 7, 3, 1),
                delivery_mode=DeliveryMode.FACE_TO_FACE if i % 3 else DeliveryMode.SELF_PACED,
                hours={version.requirements.get(kind="domain_training_hours").domains.first(): D(i)},
            )
        if i % 3 == 1:
            applicant_services.birth_date_attest(
                user=user, date_of_birth=date(2008, 6, 1), typed_name=user.full_name
            )
            applicant_services.education_attest(user=user, level="bachelor", typed_name=user.full_name)
        users.append(user)
    return version, users, admin


def test_results_match_the_reference_engine(cohort):
    version, users, admin = cohort
    for on in (None, date(2024, 1, 20), date(2025, 6, 1), date.today() + timedelta(days=400)):
        new = eligibility_for_users(users=users, version=version, on=on)
        old = reference.eligibility_for_users(users=users, version=version, on=on)
        assert [_fields(e) for e in new] == [_fields(e) for e in old], on
        for user in users[:4]:
            assert _fields(eligibility_for(user=user, version=version, on=on)) == _fields(
                reference.eligibility_for(user=user, version=version, on=on)
            )
    # The streamed cohort (name order, redacted) agrees with the reference, redacted.
    streamed = {
        row.enrollment.user_id: _fields(row.eligibility)
        for row in Cohort(actor=admin, program=version.program).rows()
    }
    old = {
        e.user.pk: _fields(e.redacted())
        for e in reference.eligibility_for_users(users=users, version=version)
    }
    assert streamed == old

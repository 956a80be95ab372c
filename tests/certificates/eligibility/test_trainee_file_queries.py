"""A program administrator's view of one trainee: every program the trainee works toward evaluated in
one pass, so the page costs the same for one program as for four; each read still audited."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from lms.models import AuditEvent
from tests.certificates.factories import ProgramFactory, VersionFactory, add_requirement, enroll
from tests.certificates.issuing.helpers import Kind
from tests.factories import ProgramAdminFactory, TraineeFactory

pytestmark = pytest.mark.django_db


def _version(*, recovery=False):
    version = VersionFactory(program=ProgramFactory())
    add_requirement(version, Kind.PRACTICE_HOURS, hours=10)
    if recovery:
        add_requirement(version, Kind.RECOVERY_MONTHS, months=24)
    return version


def _count(client, url) -> int:
    client.get(url)  # warm the site cache
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_the_trainee_file_costs_the_same_for_one_program_and_four(client):
    trainee = TraineeFactory()
    client.force_login(ProgramAdminFactory())
    url = f"/certification/manage/trainees/{trainee.pk}/"
    enroll(trainee, _version())
    one = _count(client, url)
    for _ in range(3):
        enroll(trainee, _version())
    assert _count(client, url) == one


def test_a_read_showing_recovery_rows_is_audited_once_naming_each_program(client):
    trainee = TraineeFactory()
    client.force_login(ProgramAdminFactory())
    first, second = _version(recovery=True), _version(recovery=True)
    for version in (first, second, _version()):
        enroll(trainee, version)
    events = AuditEvent.objects.filter(action="recovery.status_read_by_staff", subject=trainee)
    assert client.get(f"/certification/manage/trainees/{trainee.pk}/").status_code == 200
    [event] = list(events)
    assert event.target_id == str(trainee.pk)
    assert sorted(event.details["programs"]) == sorted([first.program.slug, second.program.slug])
    assert sorted(event.details["versions"]) == sorted([first.pk, second.pk])
    assert client.get(f"/certification/manage/trainees/{trainee.pk}/").status_code == 200
    assert events.all().count() == 2  # each read


def test_a_file_without_recovery_rows_audits_nothing(client):
    trainee = TraineeFactory()
    client.force_login(ProgramAdminFactory())
    enroll(trainee, _version())
    assert client.get(f"/certification/manage/trainees/{trainee.pk}/").status_code == 200
    assert not AuditEvent.objects.filter(action="recovery.status_read_by_staff", subject=trainee).exists()


def test_both_pages_of_the_trainee_file_meet_the_page_budget_at_two_sizes(client, world, supervisor):
    """`world`'s trainee has a program with a recovery row, a supervisor, training taken elsewhere and
    hours; more of each (another program with a recovery row, more than a page of hours) costs no
    more."""
    from certificates.training.models import ExternalTraining, ExternalTrainingHours
    from tests.certificates.factories import assign, log
    from tests.factories import SupervisorFactory

    client.force_login(world.admin)
    urls = [f"/certification/manage/trainees/{world.trainee.pk}/{tail}" for tail in ("", "records/")]
    small = [_count(client, url) for url in urls]
    enroll(world.trainee, _version(recovery=True))
    original = ExternalTraining.objects.get(user=world.trainee)
    hours = list(original.hours.all())
    for n in range(3):
        copy = ExternalTraining.objects.create(
            user=world.trainee, provider="County", title=f"Workshop {n}", completed_on=original.completed_on
        )
        ExternalTrainingHours.objects.bulk_create(
            [ExternalTrainingHours(training=copy, domain=h.domain, hours=h.hours) for h in hours]
        )
    for _ in range(3):
        assign(SupervisorFactory(), world.trainee)
    for _ in range(55):
        log(world.trainee, supervisor, hours="1")
    large = [_count(client, url) for url in urls]
    assert large == small, (small, large)
    assert max(large) <= 12, large

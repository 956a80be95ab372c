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


def test_each_program_with_a_recovery_row_is_audited_once_per_read(client):
    trainee = TraineeFactory()
    client.force_login(ProgramAdminFactory())
    enroll(trainee, _version(recovery=True))
    enroll(trainee, _version(recovery=True))
    enroll(trainee, _version())
    before = AuditEvent.objects.filter(action="recovery.status_read_by_staff", subject=trainee).count()
    assert client.get(f"/certification/manage/trainees/{trainee.pk}/").status_code == 200
    after = AuditEvent.objects.filter(action="recovery.status_read_by_staff", subject=trainee).count()
    assert after - before == 2

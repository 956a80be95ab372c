"""The holder's certificates page and a program's page stay within the page budget (12 queries) and
do not grow with the number of programs a trainee works toward or a version's rows."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.certificates.factories import add_requirement, enroll

from .helpers import *  # noqa: F403
from .helpers import Kind, issue, program_with_practice_hours

BUDGET = 12


def _count(client, url) -> int:
    client.get(url)  # warm the site cache
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_my_certificates_within_budget_and_the_same_for_one_other_program_and_four(
    client, issuing, holder, version, admin
):
    issue(user=holder, version=version, actor=admin)
    client.force_login(holder)
    assert _count(client, "/certificates/") <= BUDGET
    # Programs still worked toward are evaluated in one pass, however many there are.
    enroll(holder, program_with_practice_hours(hours="5"))
    one = _count(client, "/certificates/")
    assert one <= BUDGET
    for _ in range(3):
        enroll(holder, program_with_practice_hours(hours="5"))
    # Continuing education toward renewal and a shared credential: summed and read with the rest.
    from django.utils import timezone

    from certificates.issuing import services
    from certificates.models import Certificate, ExternalTraining, ExternalTrainingHours
    from tests.factories import DomainFactory

    for n in range(3):
        training = ExternalTraining.objects.create(
            user=holder, provider="Board", title=f"Refresher {n}", completed_on=timezone.localdate()
        )
        ExternalTrainingHours.objects.create(training=training, domain=DomainFactory(), hours=2)
    services.credential_publish(actor=holder, certificate=Certificate.objects.get(holder=holder))
    assert _count(client, "/certificates/") == one


def test_a_programs_page_costs_the_same_for_one_row_and_many(client, holder, version):
    client.force_login(holder)
    url = f"/certification/programs/{version.program.slug}/"
    few = _count(client, url)
    for _ in range(5):
        add_requirement(version, Kind.SUPERVISION_HOURS, hours=2)
    assert _count(client, url) == few <= BUDGET


def test_the_newest_twenty_applications_and_every_open_one_from_one_query(
    holder, version, django_assert_num_queries
):
    from datetime import timedelta

    from django.utils import timezone

    from certificates.issuing import selectors
    from certificates.issuing.models import CertificateApplication
    from tests.certificates.factories import VersionFactory

    now = timezone.now()
    old_open = CertificateApplication.objects.create(
        user=holder, version=version, program=version.program, submitted_at=now - timedelta(days=90)
    )
    for n in range(25):
        other = VersionFactory()
        CertificateApplication.objects.create(
            user=holder,
            version=other,
            program=other.program,
            status=CertificateApplication.Status.REJECTED,
            submitted_at=now - timedelta(days=n),
        )
    with django_assert_num_queries(1):
        recent, open_ = selectors.recent_and_open_applications(user=holder)
        assert [a.version.program.name for a in recent]  # related rows came with them
    assert len(recent) == 20 and old_open not in recent
    assert [a.submitted_at for a in recent] == sorted((a.submitted_at for a in recent), reverse=True)
    assert open_ == [old_open]

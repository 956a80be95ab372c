"""One current credential per person and program: applications are always under the version the
trainee is enrolled in; a second application or approval while a certificate of the program is current
(under any version) is refused with a clear message; renewal stays the way forward; a certification
that ended (expired past its grace period, revoked) makes way for a fresh one. The database enforces
it, including under concurrency on PostgreSQL."""

import threading
from datetime import timedelta

import pytest
from django.db import IntegrityError, connection, connections, transaction
from django.utils import timezone

from certificates.issuing import selectors, services
from certificates.models import Certificate, CertificateApplication, ProgramEnrollment
from lms.errors import Conflict, Invalid
from tests.factories import ProgramAdminFactory, TraineeFactory

from ..factories import VersionFactory, add_requirement
from .helpers import *  # noqa: F403
from .helpers import Kind, issue, make_eligible, program_with_practice_hours


def _counts():
    return CertificateApplication.objects.count(), Certificate.objects.count()


def test_an_application_is_always_under_the_enrolled_version(holder, version, admin):
    later = VersionFactory(program=version.program, label="later", effective_date=version.effective_date)
    add_requirement(later, Kind.PRACTICE_HOURS, hours=1)
    with pytest.raises(Invalid) as exc:
        services.application_submit(actor=admin, user=holder, version=later)
    assert exc.value.code == "wrong_version" and version.label in exc.value.message
    stranger = TraineeFactory()
    with pytest.raises(Invalid) as exc:
        services.application_submit(actor=admin, user=stranger, version=version)
    assert exc.value.code == "not_enrolled"
    assert _counts() == (0, 0)


def test_api_refuses_another_version_with_a_clear_4xx(client, holder, version):
    later = VersionFactory(program=version.program, label="later")
    client.force_login(holder)
    response = client.post(
        "/api/v1/certificates/applications", {"version_id": later.pk}, content_type="application/json"
    )
    assert response.status_code == 422 and response.json()["code"] == "wrong_version"
    assert _counts() == (0, 0)


def test_no_second_application_or_approval_while_a_certificate_is_current_under_any_version(
    issuing, holder, version, admin
):
    first = issue(user=holder, version=version, actor=admin)
    assert first.status == Certificate.Status.ISSUED
    # The trainee now works toward the program under a newer version (rules changed).
    newer = program_with_practice_hours()
    newer.program = version.program
    newer.label = "2026"
    newer.save()
    ProgramEnrollment.objects.filter(user=holder, program=version.program).update(version=newer)
    before = _counts()
    with pytest.raises(Conflict) as exc:
        services.application_submit(actor=holder, user=holder, version=newer)
    assert exc.value.code == "already_certified" and "Renew it instead" in exc.value.message
    # An application that got in anyway (written straight to the database) can't be approved either.
    sneaked = CertificateApplication.objects.create(user=holder, version=newer, program=version.program)
    with pytest.raises(Conflict):
        services.application_approve(actor=admin, application=sneaked, enqueue=False)
    sneaked.refresh_from_db()
    assert sneaked.status == CertificateApplication.Status.SUBMITTED
    assert Certificate.objects.count() == before[1]
    first.refresh_from_db()
    assert first.lineage_closed_at is None


def test_the_database_allows_one_open_certification_per_person_and_program(issuing, holder, version, admin):
    first = issue(user=holder, version=version, actor=admin)
    other_application = CertificateApplication.objects.create(
        user=holder, version=version, program=version.program, status="issued"
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        Certificate.objects.create(
            application=other_application,
            holder=holder,
            version=version,
            program=version.program,
            code="ABCDEFGHJK",
            status_list_index=7,
        )
    assert Certificate.objects.filter(holder=holder).count() == 1
    assert first.lineage_closed_at is None


@pytest.mark.parametrize("how", ["expired", "revoked"])
def test_an_ended_certification_makes_way_for_a_fresh_one(issuing, holder, version, admin, how):
    first = issue(user=holder, version=version, actor=admin)
    if how == "expired":
        grace = version.grace_period_days
        Certificate.objects.filter(pk=first.pk).update(
            expires_on=timezone.localdate() - timedelta(days=grace + 1)
        )
    else:
        services.certificate_revoke(actor=admin, certificate=first, reason="Ethics violation, upheld.")
    assert selectors.current_certificate_for(user=holder, program=version.program) is None
    second = issue(user=holder, version=version, actor=admin)
    assert second.status == Certificate.Status.ISSUED and second.pk != first.pk
    first.refresh_from_db()
    assert first.lineage_closed_at is not None
    assert selectors.public_status(first) in ("expired", "revoked")


def test_the_database_allows_one_open_application_per_person_and_program(holder, version):
    later = VersionFactory(program=version.program, label="later")
    CertificateApplication.objects.create(user=holder, version=version, program=version.program)
    with pytest.raises(IntegrityError), transaction.atomic():
        CertificateApplication.objects.create(user=holder, version=later, program=version.program)
    assert CertificateApplication.objects.count() == 1


def test_within_the_grace_period_renewal_is_the_way_forward(issuing, holder, version, admin):
    first = issue(user=holder, version=version, actor=admin)
    Certificate.objects.filter(pk=first.pk).update(expires_on=timezone.localdate() - timedelta(days=1))
    assert version.grace_period_days >= 1
    with pytest.raises(Conflict):
        services.application_submit(actor=holder, user=holder, version=version)


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_put_forwards_for_one_person_give_one_certificate(issuing, settings):
    """16 administrators put the same eligible trainee forward at once (apply + approve each): the
    database lets exactly one through; the others are told the trainee already holds (or has an open
    application for) the program."""
    version = program_with_practice_hours()
    trainee = make_eligible(TraineeFactory(full_name="Jordan Lee"), version)
    admins = [ProgramAdminFactory() for _ in range(16)]
    settings.CELERY_TASK_ALWAYS_EAGER = False
    barrier = threading.Barrier(len(admins))
    outcomes = []
    lock = threading.Lock()

    def put_forward(admin):
        try:
            barrier.wait(timeout=30)
            try:
                services.certificate_issue_for(actor=admin, user=trainee, version=version, enqueue=False)
                outcome = "issued"
            except Conflict as exc:
                outcome = exc.code
            with lock:
                outcomes.append(outcome)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=put_forward, args=(a,)) for a in admins]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert outcomes.count("issued") == 1, outcomes
    assert set(outcomes) <= {"issued", "application_open", "already_certified"}, outcomes
    assert Certificate.objects.filter(holder=trainee).count() == 1
    assert CertificateApplication.objects.filter(user=trainee).count() == 1
    assert connection.vendor == "postgresql"

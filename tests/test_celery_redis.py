"""Celery with a real broker: a worker consumes the issuing task from Redis (the production set-up),
not the eager mode the rest of the suite uses. Runs in CI's PostgreSQL + Redis pass."""

import time

import pytest
from celery.contrib.testing.worker import start_worker

from certificates.issuing import services
from certificates.models import Certificate
from certificates.tasks import issue_certificate
from lms.celery import app
from tests.certificates.issuing.helpers import *  # noqa: F403 (fixtures)
from tests.certificates.issuing.helpers import make_eligible, program_with_practice_hours
from tests.factories import ProgramAdminFactory, TraineeFactory

pytestmark = [
    pytest.mark.redis,
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def worker(settings):
    settings.CELERY_TASK_ALWAYS_EAGER = False
    app.conf.task_always_eager = False
    try:
        with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=20):
            yield
    finally:
        app.conf.task_always_eager = True


def test_a_worker_issues_a_certificate_from_the_redis_queue(issuing, worker, mailoutbox):
    version = program_with_practice_hours()
    holder = make_eligible(TraineeFactory(full_name="Jordan Lee"), version)
    application = services.application_submit(actor=holder, user=holder, version=version)
    certificate = services.application_approve(
        actor=ProgramAdminFactory(), application=application, enqueue=False
    )
    assert certificate.status == Certificate.Status.PENDING

    issue_certificate.delay(certificate.pk)

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        certificate.refresh_from_db()
        # The task marks the certificate issued, then emails the holder the PDF: wait for both (the
        # approval's own notification email went out when the test committed it).
        if certificate.status == Certificate.Status.ISSUED and any(m.attachments for m in mailoutbox):
            break
        time.sleep(0.2)
    assert certificate.status == Certificate.Status.ISSUED
    assert certificate.sha256 and certificate.pdf_name
    [certificate_mail] = [m for m in mailoutbox if m.attachments]
    assert certificate_mail.to == [holder.email]
    assert all(m.to == [holder.email] for m in mailoutbox)

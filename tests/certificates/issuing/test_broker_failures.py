"""A broker that is down, or that accepts connections and never answers, must not turn a saved
approval (or a released result) into an error or a hung request: the change stands, the answer says
what will follow, and the periodic sweeps do the work once the broker is back.

The Celery app is pointed at the unhealthy broker for the test (not eager), with the timeouts from
settings; transactional tests, so the on-commit hooks run inside the request as in production."""

import socket
import threading
import time
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse

from assessments import services as assessment_services
from certificates import tasks
from certificates.issuing.codes import format_code
from certificates.models import Certificate, CertificateApplication
from courses.services import enrollment_create
from lms.celery import app
from lms.outbox import tasks as outbox_tasks
from lms.outbox.models import OutboxMessage
from tests import factories as base
from tests.assessments.factories import QUIZ, answers_for, make_assessment
from tests.factories import ProgramAdminFactory

from .helpers import *  # noqa: F403 (fixtures)

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

CLOSED_PORT_URL = "redis://127.0.0.1:1/0"  # nothing listens on port 1: connection refused at once
SILENT_SERVER_LIFETIME = 12.0  # seconds; long enough that an unbounded wait shows, short enough to end
ANSWER_WITHIN = 8.0  # seconds: connect timeout + socket timeout (+ one retry) from settings, with room


def _reset_broker_pools():
    # The connection and producer pools are built on first use and cached: drop them so the next
    # publish connects to the broker configured now.
    app._pool = None
    app.amqp._producer_pool = None


@pytest.fixture
def broker(settings):
    """Point Celery at a given broker URL (not eager) for the test; restore afterwards."""
    saved = {key: app.conf[key] for key in ("broker_url", "task_always_eager")}

    def use(url):
        settings.CELERY_TASK_ALWAYS_EAGER = False
        app.conf.task_always_eager = False
        app.conf.broker_url = url
        _reset_broker_pools()

    def eager_again():
        for key, value in saved.items():
            app.conf[key] = value
        _reset_broker_pools()

    use.eager_again = eager_again
    try:
        yield use
    finally:
        eager_again()


@pytest.fixture
def silent_broker():
    """A TCP server that accepts connections and never says a word (a wedged broker, a black-holing
    proxy). It gives up after SILENT_SERVER_LIFETIME so a regression fails instead of hanging."""
    listener = socket.socket()
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    listener.settimeout(0.2)
    held, stop = [], threading.Event()
    deadline = time.monotonic() + SILENT_SERVER_LIFETIME

    def serve():
        while not stop.is_set() and time.monotonic() < deadline:
            try:
                conn, _ = listener.accept()
            except OSError:
                continue
            held.append(conn)
        listener.close()
        for conn in held:
            conn.close()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield f"redis://127.0.0.1:{listener.getsockname()[1]}/0"
    finally:
        stop.set()
        thread.join(5)


def _sweep_issues_it(broker, certificate_pk):
    """Once the broker is back (eager here), the periodic sweep issues the pending certificate."""
    broker.eager_again()
    created = Certificate.objects.get(pk=certificate_pk).created_at
    Certificate.objects.filter(pk=certificate_pk).update(created_at=created - timedelta(minutes=5))
    assert tasks.issue_pending_certificates.delay().get() == 1
    certificate = Certificate.objects.get(pk=certificate_pk)
    assert certificate.status == Certificate.Status.ISSUED and certificate.emailed_at is not None
    assert [m.to for m in mail.outbox] == [[certificate.holder.email]]
    assert OutboxMessage.objects.get(key=f"certificate-issued:{certificate.pk}").status == "sent"


def _application(holder, version):
    from certificates.issuing import services

    return services.application_submit(actor=holder, user=holder, version=version)


def test_approving_on_the_page_with_the_broker_down_succeeds_and_the_sweep_issues(
    client, issuing, holder, version, broker
):
    application = _application(holder, version)
    client.force_login(ProgramAdminFactory())
    broker(CLOSED_PORT_URL)
    response = client.post(
        reverse("certificates:issuing:application-decide", args=[application.pk, "approve"]), follow=True
    )
    assert response.status_code == 200
    certificate = Certificate.objects.get(application=application)
    assert certificate.status == Certificate.Status.PENDING
    shown = [str(m) for m in response.context["messages"]]
    assert shown == [f"Approved: certificate {format_code(certificate.code)} is being issued."]
    application.refresh_from_db()
    assert application.status == CertificateApplication.Status.APPROVED
    # A second click is refused as already decided, not approved twice.
    again = client.post(reverse("certificates:issuing:application-decide", args=[application.pk, "approve"]))
    assert again.status_code in (302, 409)
    assert Certificate.objects.filter(application=application).count() == 1
    _sweep_issues_it(broker, certificate.pk)


def test_approving_through_the_api_with_the_broker_down_answers_201_pending(
    client, issuing, holder, version, broker
):
    application = _application(holder, version)
    client.force_login(ProgramAdminFactory())
    broker(CLOSED_PORT_URL)
    response = client.post(f"/api/v1/certificates/applications/{application.pk}/approve")
    assert response.status_code == 201, response.content
    assert response.json()["status"] == "pending"
    certificate = Certificate.objects.get(application=application)
    _sweep_issues_it(broker, certificate.pk)


def test_a_silent_broker_costs_seconds_not_a_hung_request(
    client, issuing, holder, version, broker, silent_broker
):
    application = _application(holder, version)
    client.force_login(ProgramAdminFactory())
    broker(silent_broker)
    started = time.monotonic()
    response = client.post(f"/api/v1/certificates/applications/{application.pk}/approve")
    elapsed = time.monotonic() - started
    assert response.status_code == 201, response.content
    assert elapsed < ANSWER_WITHIN, f"the approval took {elapsed:.1f}s"
    assert Certificate.objects.get(application=application).status == Certificate.Status.PENDING


@pytest.fixture
def quiz(catalogue, trainee, instructor):
    """A one-module course with a quiz released at once; `trainee` is enrolled."""
    course = base.make_course(catalogue, title="Listening", instructors=[instructor])
    quiz = make_assessment(course, module=base.make_module(course, title="One"), questions=QUIZ)
    enrollment_create(user=trainee, course=course)
    return quiz


def _passing_form(attempt):
    data = {"questions": []}
    for item in answers_for(attempt):
        data["questions"].append(str(item.question_id))
        name = f"q-{item.question_id}"
        if item.choice_ids is not None:
            data[name] = [str(i) for i in item.choice_ids]
        elif item.value is not None:
            data[name] = "true" if item.value else "false"
        else:
            data[name] = item.text
    return data


def test_a_released_result_with_the_broker_down_is_emailed_by_the_outbox_sweep(client, quiz, trainee, broker):
    client.force_login(trainee)
    attempt = assessment_services.attempt_start(user=trainee, assessment=quiz)
    broker(CLOSED_PORT_URL)
    response = client.post(reverse("assessments:attempt_submit", args=[attempt.pk]), _passing_form(attempt))
    assert response.status_code == 302
    assert response["Location"] == reverse("assessments:attempt_result", args=[attempt.pk])
    row = OutboxMessage.objects.get(key=f"result-released:{attempt.pk}:1")
    assert row.status == "queued" and mail.outbox == []
    broker.eager_again()
    assert outbox_tasks.sweep_outbox.delay().get()["delivered"] == 1
    row.refresh_from_db()
    assert row.status == "sent" and [m.to for m in mail.outbox] == [[trainee.email]]


def test_a_result_email_queued_by_the_previous_release_is_still_sent_once(quiz, trainee):
    # A message for the pre-outbox task name may sit in the broker during an upgrade: the worker must
    # know the name and turn it into one outbox email, not reject it as unregistered.
    from celery import current_app

    from assessments import tasks as assessment_tasks

    assert "assessments.tasks.send_result_released_email" in current_app.tasks
    attempt = assessment_services.attempt_start(user=trainee, assessment=quiz)
    mail.outbox.clear()
    assessment_tasks.send_result_released_email.delay(attempt.pk)
    row = OutboxMessage.objects.get(key__startswith=f"result-released:{attempt.pk}:")
    assert row.status == "sent" and [m.to for m in mail.outbox] == [[trainee.email]]

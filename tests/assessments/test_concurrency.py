"""Two submits of the same attempt at the same moment give one graded attempt (PostgreSQL row locks)."""

import threading

import pytest
from django.db import connection

from assessments import services
from assessments.models import Attempt
from courses.services import enrollment_create
from lms.models import AuditEvent
from tests import factories as base

from .factories import QUIZ, answers_for, make_assessment


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_submits_grade_once(catalogue):
    trainee = base.TraineeFactory()
    course = base.make_course(catalogue, title="Race")
    module = base.make_module(course, title="Race module")
    quiz = make_assessment(course, module=module, questions=QUIZ)
    enrollment_create(user=trainee, course=course)
    attempt = services.attempt_start(user=trainee, assessment=quiz)
    right, wrong = answers_for(attempt), answers_for(attempt, correct=False)

    barrier = threading.Barrier(2)
    results, errors = [], []

    def submit(answers):
        try:
            barrier.wait()
            results.append(
                services.attempt_submit(attempt=Attempt(pk=attempt.pk), user=trainee, answers=answers)
            )
        except Exception as exc:  # noqa: BLE001 - recorded and asserted below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=submit, args=(a,)) for a in (right, wrong)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()

    assert errors == []
    assert len(results) == 2
    attempt.refresh_from_db()
    assert Attempt.objects.filter(user=trainee).count() == 1
    assert attempt.status == Attempt.Status.RELEASED
    # Both callers see the one result; it matches whichever submit took the lock first.
    assert {r.score for r in results} == {attempt.score}
    assert AuditEvent.objects.filter(action="assessment.attempt_submitted").count() == 1
    assert AuditEvent.objects.filter(action="module.completed").count() == (1 if attempt.passed else 0)

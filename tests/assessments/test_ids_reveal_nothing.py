"""The assessments pages answer "not yours" exactly like "does not exist" (same status, same body), and
check the role before any look-up (a trainee gets the same 403 for any grading id). The API's answers
are compared the same way for every operation in tests/permissions/test_api_matrix.py."""

import re

import pytest
from django.urls import reverse

from assessments import services

from .factories import answers_for

pytestmark = pytest.mark.django_db
MISSING = 2_000_000_000


@pytest.fixture
def exam_attempt(world):
    for quiz in (world.quiz1, world.quiz2):
        attempt = services.attempt_start(user=world.trainee, assessment=quiz)
        services.attempt_submit(attempt=attempt, user=world.trainee, answers=answers_for(attempt))
    attempt = services.attempt_start(user=world.trainee, assessment=world.exam)
    return services.attempt_submit(attempt=attempt, user=world.trainee, answers=answers_for(attempt))


def _unmasked(response) -> bytes:
    content = re.sub(
        rb'name="csrfmiddlewaretoken" value="[^"]*"', b'name="csrfmiddlewaretoken"', response.content
    )
    # The language switcher sends the visitor back to the address they asked for (which they know).
    return re.sub(rb'name="next" value="[^"]*"', b'name="next"', content)


def _same(client, method, name, existing, **data):
    there = getattr(client, method)(reverse(f"assessments:{name}", args=[existing]), data)
    missing = getattr(client, method)(reverse(f"assessments:{name}", args=[MISSING]), data)
    # The pages carry the site's header (its log-out form's CSRF token is masked afresh on every answer):
    # everything else must be byte for byte the same.
    assert (there.status_code, _unmasked(there)) == (missing.status_code, _unmasked(missing)), name
    return there.status_code


def test_instructor_of_another_course_gets_404_like_a_missing_id(client, world, exam_attempt):
    client.force_login(world.other_instructor)
    for method, name in [
        ("get", "grade_attempt"),
        ("post", "grade_attempt"),
        ("post", "release_attempt"),
        ("get", "regrade_attempt"),
        ("post", "regrade_attempt"),
    ]:
        assert _same(client, method, name, exam_attempt.pk) == 404
    assert _same(client, "post", "release_assessment", world.exam.pk) == 404
    assert _same(client, "get", "gradebook", world.course.pk) == 404
    assert _same(client, "get", "gradebook_csv", world.course.pk) == 404


def test_trainee_is_refused_by_role_whatever_the_id(client, world, exam_attempt):
    client.force_login(world.trainee)
    for method, name, pk in [
        ("get", "grade_attempt", exam_attempt.pk),
        ("post", "release_attempt", exam_attempt.pk),
        ("post", "release_assessment", world.exam.pk),
        ("get", "gradebook", world.course.pk),
    ]:
        assert _same(client, method, name, pk) == 403


def test_another_trainee_gets_404_like_a_missing_id(client, world, exam_attempt):
    client.force_login(world.other_trainee)
    for name in ("attempt_take", "attempt_result"):
        assert _same(client, "get", name, exam_attempt.pk) == 404
    # An assessment of a course they are not enrolled in.
    assert _same(client, "get", "detail", world.exam.pk) == 404

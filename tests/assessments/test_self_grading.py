"""No one grades, regrades or releases their own attempt: an instructor who also takes a course they
teach is refused by the service, the API and the grading pages, their attempt is not in their own
queue, and a bulk release leaves it for another instructor. Another instructor of the course may."""

import json

import pytest
from django.urls import reverse

from assessments import services
from assessments.models import Attempt
from courses.services import enrollment_create
from lms.errors import Forbidden

from .factories import answers_for, top_grades

pytestmark = pytest.mark.django_db
API = "/api/v1"


def _sit(user, assessment):
    attempt = services.attempt_start(user=user, assessment=assessment)
    return services.attempt_submit(attempt=attempt, user=user, answers=answers_for(attempt))


@pytest.fixture
def own_attempt(world):
    """The course's instructor enrols in their own course and sits its final exam (essay: awaiting
    grading)."""
    enrollment_create(user=world.instructor, course=world.course)
    _sit(world.instructor, world.quiz1)
    _sit(world.instructor, world.quiz2)
    attempt = _sit(world.instructor, world.exam)
    assert attempt.status == Attempt.Status.AWAITING_GRADING
    return attempt


def _graded_by_colleague(world, attempt):
    return services.attempt_grade(attempt=attempt, grader=world.co_instructor, essays=top_grades(attempt))


def _grade_body(attempt):
    return {
        "essays": [
            {
                "question_id": g.question_id,
                "criteria": [
                    {"criterion_id": c, "level_id": lv, "feedback": ""} for c, lv in g.levels.items()
                ],
                "feedback": "",
            }
            for g in top_grades(attempt)
        ],
        "feedback": "Mine.",
    }


# --- services ----------------------------------------------------------------------------------------


def test_service_refuses_grading_own_attempt(world, own_attempt):
    with pytest.raises(Forbidden) as exc:
        services.attempt_grade(attempt=own_attempt, grader=world.instructor, essays=top_grades(own_attempt))
    assert exc.value.code == "own_attempt" and exc.value.message == services.ERR_OWN_ATTEMPT
    own_attempt.refresh_from_db()
    assert own_attempt.status == Attempt.Status.AWAITING_GRADING and own_attempt.marker is None


def test_service_refuses_second_marking_own_attempt(world, own_attempt):
    services.attempt_grade(
        attempt=own_attempt,
        grader=world.co_instructor,
        essays=top_grades(own_attempt),
        flag_for_second_marker=True,
        flag_reason="Please check",
    )
    with pytest.raises(Forbidden) as exc:
        services.attempt_grade(attempt=own_attempt, grader=world.instructor, essays=top_grades(own_attempt))
    assert exc.value.code == "own_attempt"


def test_service_refuses_release_and_regrade_of_own_attempt(world, own_attempt):
    _graded_by_colleague(world, own_attempt)
    with pytest.raises(Forbidden) as exc:
        services.attempt_release(attempt=own_attempt, actor=world.instructor)
    assert exc.value.code == "own_attempt"
    with pytest.raises(Forbidden) as exc:
        services.attempt_regrade(attempt=own_attempt, grader=world.instructor, reason="Too harsh")
    assert exc.value.code == "own_attempt"
    own_attempt.refresh_from_db()
    assert own_attempt.status == Attempt.Status.GRADED
    # The colleague may release it.
    services.attempt_release(attempt=own_attempt, actor=world.co_instructor)
    own_attempt.refresh_from_db()
    assert own_attempt.status == Attempt.Status.RELEASED


def test_bulk_release_leaves_own_attempt_for_a_colleague(world, own_attempt):
    _graded_by_colleague(world, own_attempt)
    assert services.assessment_release_graded(assessment=world.exam, actor=world.instructor) == 0
    own_attempt.refresh_from_db()
    assert own_attempt.status == Attempt.Status.GRADED
    assert services.assessment_release_graded(assessment=world.exam, actor=world.co_instructor) == 1


def test_own_attempt_not_in_own_queue(world, own_attempt):
    from assessments import selectors

    assert own_attempt not in selectors.grading_queue(user=world.instructor).to_grade
    assert own_attempt in selectors.grading_queue(user=world.co_instructor).to_grade


# --- API ---------------------------------------------------------------------------------------------


def test_api_refuses_grading_own_attempt(client, world, own_attempt):
    client.force_login(world.instructor)
    url = f"{API}/grading/attempts/{own_attempt.pk}"
    response = client.post(
        f"{url}/grade", json.dumps(_grade_body(own_attempt)), content_type="application/json"
    )
    assert response.status_code == 403 and response.json()["code"] == "own_attempt"
    assert response.json()["detail"] == services.ERR_OWN_ATTEMPT
    assert client.get(url).status_code == 403
    assert own_attempt.pk not in [
        i["attempt_id"] for i in client.get(f"{API}/grading/queue").json()["to_grade"]
    ]
    _graded_by_colleague(world, own_attempt)
    assert client.post(f"{url}/release").json()["code"] == "own_attempt"
    regrade = client.post(f"{url}/regrade", json.dumps({"reason": "Mine"}), content_type="application/json")
    assert regrade.status_code == 403 and regrade.json()["code"] == "own_attempt"
    own_attempt.refresh_from_db()
    assert own_attempt.status == Attempt.Status.GRADED


# --- pages -------------------------------------------------------------------------------------------


def test_pages_refuse_grading_own_attempt(client, world, own_attempt):
    client.force_login(world.instructor)
    page = client.get(reverse("assessments:grade_attempt", args=[own_attempt.pk]))
    assert page.status_code == 403
    posted = client.post(reverse("assessments:grade_attempt", args=[own_attempt.pk]), {})
    assert posted.status_code == 403
    _graded_by_colleague(world, own_attempt)
    assert client.post(reverse("assessments:release_attempt", args=[own_attempt.pk])).status_code == 403
    regrade = client.post(reverse("assessments:regrade_attempt", args=[own_attempt.pk]), {"reason": "Mine"})
    assert regrade.status_code == 403
    client.post(reverse("assessments:release_assessment", args=[world.exam.pk]))
    own_attempt.refresh_from_db()
    assert own_attempt.status == Attempt.Status.GRADED
    # The colleague's grading page works.
    client.force_login(world.co_instructor)
    assert client.get(reverse("assessments:grade_attempt", args=[own_attempt.pk])).status_code == 200

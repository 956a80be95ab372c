"""The API: the same rules as the services, explicit errors, no answer key before release, and the
permission matrix (anonymous / trainee of another course / wrong instructor / right person)."""

import json
from decimal import Decimal

import pytest
from django.core import mail

from assessments import services
from assessments.models import Attempt, CriterionScore
from tests import factories as base

from .factories import answers_for, top_grades

pytestmark = pytest.mark.django_db
API = "/api/v1"


def _pass(world, quiz):
    attempt = services.attempt_start(user=world.trainee, assessment=quiz)
    return services.attempt_submit(attempt=attempt, user=world.trainee, answers=answers_for(attempt))


@pytest.fixture
def exam_attempt(world):
    _pass(world, world.quiz1)
    _pass(world, world.quiz2)
    attempt = services.attempt_start(user=world.trainee, assessment=world.exam)
    return services.attempt_submit(attempt=attempt, user=world.trainee, answers=answers_for(attempt))


def _as(client, user):
    client.logout()
    if user is not None:
        client.force_login(user)
    return client


def _call(client, method, url, body=None):
    kwargs = {"content_type": "application/json"}
    if body is not None:
        kwargs["data"] = json.dumps(body)
    return getattr(client, method)(url, **kwargs)


def _answers_json(attempt, correct=True):
    return [
        {"question_id": a.question_id, "choice_ids": a.choice_ids, "value": a.value, "text": a.text}
        for a in answers_for(attempt, correct=correct)
    ]


# --- trainee flow ----------------------------------------------------------------------------------


def test_trainee_flow_start_save_reload_submit_result(client, world, django_capture_on_commit_callbacks):
    _as(client, world.trainee)
    state = client.get(f"{API}/assessments/{world.quiz1.pk}").json()
    assert state["status"] == "available" and state["attempts_left"] == 3 and state["pass_mark"] == 80
    started = client.post(f"{API}/assessments/{world.quiz1.pk}/attempts")
    assert started.status_code == 201
    body = started.json()
    attempt = Attempt.objects.get(pk=body["id"])
    text = started.content.decode()
    assert "correct" not in text and "explanation" not in text and "Because" not in text
    assert "righting reflex" not in text
    saved = _call(
        client, "put", f"{API}/attempts/{attempt.pk}/answers", {"answers": _answers_json(attempt)[:2]}
    )
    assert saved.status_code == 200 and saved.json()["saved"] == 2
    reloaded = client.get(f"{API}/attempts/{attempt.pk}").json()
    assert reloaded["questions"] == body["questions"]  # same order, same choices order
    assert [a for a in reloaded["answers"] if a["choice_ids"] or a["value"] is not None or a["text"]]
    with django_capture_on_commit_callbacks(execute=True):
        result = _call(
            client, "post", f"{API}/attempts/{attempt.pk}/submit", {"answers": _answers_json(attempt)}
        )
    assert result.status_code == 200
    data = result.json()
    assert data["released"] and data["passed"] and Decimal(data["percent"]) == 100
    assert data["answers_revealed"]  # passed, and answers are shown once passed
    assert all(q["explanation"] for q in data["questions"])
    again = _call(
        client, "post", f"{API}/attempts/{attempt.pk}/submit", {"answers": _answers_json(attempt, False)}
    )
    assert again.status_code == 200 and Decimal(again.json()["percent"]) == 100
    assert Attempt.objects.filter(user=world.trainee).count() == 1 and len(mail.outbox) == 1


def test_failed_attempt_hides_answer_key_while_attempts_remain(client, world):
    _as(client, world.trainee)
    attempt_id = client.post(f"{API}/assessments/{world.quiz1.pk}/attempts").json()["id"]
    attempt = Attempt.objects.get(pk=attempt_id)
    data = _call(
        client, "post", f"{API}/attempts/{attempt_id}/submit", {"answers": _answers_json(attempt, False)}
    ).json()
    assert data["released"] and data["passed"] is False
    assert not data["answers_revealed"]
    assert all(q["correct_choice_ids"] is None and q["explanation"] is None for q in data["questions"])
    assert "Because" not in json.dumps(data)


def test_unreleased_result_reveals_nothing(client, world, exam_attempt):
    _as(client, world.trainee)
    data = client.get(f"{API}/attempts/{exam_attempt.pk}/result").json()
    assert data["released"] is False and data["status"] == "awaiting_grading"
    assert data["score"] is None and data["passed"] is None and data["questions"] == []


@pytest.mark.parametrize(
    "case",
    ["unknown_question", "time_up", "attempts_used", "cooldown"],
)
def test_rule_violations_are_clear_4xx_and_change_nothing(client, world, case):
    from datetime import timedelta

    from django.utils import timezone

    _as(client, world.trainee)
    if case == "unknown_question":
        attempt_id = client.post(f"{API}/assessments/{world.quiz1.pk}/attempts").json()["id"]
        other_q = world.other_quiz.questions.first()
        response = _call(
            client,
            "put",
            f"{API}/attempts/{attempt_id}/answers",
            {"answers": [{"question_id": other_q.pk, "choice_ids": []}]},
        )
        assert response.status_code == 422 and response.json()["code"] == "unknown_question"
        assert not Attempt.objects.get(pk=attempt_id).answers.filter(answered=True).exists()
    elif case == "time_up":
        world.quiz1.time_limit_minutes = 1
        world.quiz1.save()
        attempt_id = client.post(f"{API}/assessments/{world.quiz1.pk}/attempts").json()["id"]
        Attempt.objects.filter(pk=attempt_id).update(deadline=timezone.now() - timedelta(minutes=5))
        attempt = Attempt.objects.get(pk=attempt_id)
        response = _call(
            client, "post", f"{API}/attempts/{attempt_id}/submit", {"answers": _answers_json(attempt)}
        )
        assert response.status_code == 409 and response.json()["code"] == "time_up"
        attempt.refresh_from_db()
        assert attempt.status == "in_progress" and not attempt.answers.filter(answered=True).exists()
    elif case == "attempts_used":
        world.quiz1.max_attempts = 1
        world.quiz1.save()
        attempt_id = client.post(f"{API}/assessments/{world.quiz1.pk}/attempts").json()["id"]
        attempt = Attempt.objects.get(pk=attempt_id)
        _call(
            client, "post", f"{API}/attempts/{attempt_id}/submit", {"answers": _answers_json(attempt, False)}
        )
        response = client.post(f"{API}/assessments/{world.quiz1.pk}/attempts")
        assert response.status_code == 403 and response.json()["code"] == "no_attempts_left"
        assert Attempt.objects.count() == 1
    else:
        world.quiz1.cooldown_minutes = 10
        world.quiz1.save()
        attempt_id = client.post(f"{API}/assessments/{world.quiz1.pk}/attempts").json()["id"]
        attempt = Attempt.objects.get(pk=attempt_id)
        _call(
            client, "post", f"{API}/attempts/{attempt_id}/submit", {"answers": _answers_json(attempt, False)}
        )
        response = client.post(f"{API}/assessments/{world.quiz1.pk}/attempts")
        assert response.status_code == 429 and response.json()["code"] == "cooldown"
        assert "try again after" in response.json()["detail"]
        assert Attempt.objects.count() == 1


def test_malformed_body_is_422(client, world):
    _as(client, world.trainee)
    attempt_id = client.post(f"{API}/assessments/{world.quiz1.pk}/attempts").json()["id"]
    response = _call(
        client, "put", f"{API}/attempts/{attempt_id}/answers", {"answers": [{"question_id": "x"}]}
    )
    assert response.status_code == 422


# --- instructor flow --------------------------------------------------------------------------------


def _grade_body(attempt, best=True, **extra):
    return {
        "essays": [
            {
                "question_id": g.question_id,
                "criteria": [
                    {"criterion_id": c, "level_id": lv, "feedback": "ok"} for c, lv in g.levels.items()
                ],
                "feedback": "Thoughtful.",
            }
            for g in top_grades(attempt, best=best)
        ],
        "feedback": "Overall good.",
    } | extra


def test_instructor_queue_grade_release_regrade(
    client, world, exam_attempt, django_capture_on_commit_callbacks
):
    _as(client, world.instructor)
    queue = client.get(f"{API}/grading/queue").json()
    assert [i["attempt_id"] for i in queue["to_grade"]] == [exam_attempt.pk]
    detail = client.get(f"{API}/grading/attempts/{exam_attempt.pk}").json()
    essay = next(q for q in detail["questions"] if q["kind"] == "essay")
    assert essay["text_answer"] == "My essay answer." and len(essay["rubric"]) == 2
    graded = _call(
        client, "post", f"{API}/grading/attempts/{exam_attempt.pk}/grade", _grade_body(exam_attempt)
    )
    assert graded.status_code == 200 and graded.json()["status"] == "graded" and graded.json()["passed"]
    assert [i["attempt_id"] for i in client.get(f"{API}/grading/queue").json()["to_release"]] == [
        exam_attempt.pk
    ]
    with django_capture_on_commit_callbacks(execute=True):
        released = client.post(f"{API}/grading/attempts/{exam_attempt.pk}/release")
    assert released.status_code == 200 and released.json()["status"] == "released"
    assert len(mail.outbox) == 1
    bad = _call(client, "post", f"{API}/grading/attempts/{exam_attempt.pk}/regrade", {"reason": ""})
    assert bad.status_code == 422
    regraded = _call(
        client,
        "post",
        f"{API}/grading/attempts/{exam_attempt.pk}/regrade",
        _grade_body(exam_attempt, best=False, reason="Too generous") | {"feedback": None},
    )
    assert regraded.status_code == 200 and regraded.json()["passed"] is False
    _as(client, world.trainee)
    result = client.get(f"{API}/attempts/{exam_attempt.pk}/result").json()
    assert result["released"] and {c["level"] for q in result["questions"] for c in q["criteria"]} == {
        "Not yet"
    }


def test_grade_flag_for_second_marker_via_api(client, world, exam_attempt):
    _as(client, world.instructor)
    r = _call(
        client,
        "post",
        f"{API}/grading/attempts/{exam_attempt.pk}/grade",
        _grade_body(exam_attempt, flag_for_second_marker=True, flag_reason="Unsure"),
    )
    assert r.status_code == 200 and r.json()["status"] == "awaiting_second_marker"
    again = _call(
        client, "post", f"{API}/grading/attempts/{exam_attempt.pk}/grade", _grade_body(exam_attempt)
    )
    assert again.status_code == 403
    _as(client, world.co_instructor)
    assert [i["attempt_id"] for i in client.get(f"{API}/grading/queue").json()["second_marking"]] == [
        exam_attempt.pk
    ]
    done = _call(client, "post", f"{API}/grading/attempts/{exam_attempt.pk}/grade", _grade_body(exam_attempt))
    assert done.status_code == 200 and done.json()["status"] == "graded"


def test_gradebook_api(client, world, exam_attempt, program_admin):
    for user in (world.instructor, program_admin):
        _as(client, user)
        data = client.get(f"{API}/gradebook/{world.course.pk}").json()
        assert data["count"] == 1 and [a["kind"] for a in data["assessments"]] == [
            "module_quiz",
            "module_quiz",
            "final_exam",
        ]
        cells = data["rows"][0]["cells"]
        assert [c["status"] for c in cells] == ["passed", "passed", "awaiting_grading"]
        assert Decimal(cells[0]["best_percent"]) == 100 and cells[2]["attempts_used"] == 1


# --- permission matrix -------------------------------------------------------------------------------

TRAINEE_ENDPOINTS = [
    ("get", "/assessments/{quiz}", None, 200),
    ("post", "/assessments/{quiz}/attempts", None, 201),
    ("get", "/attempts/{attempt}", None, 200),
    ("put", "/attempts/{attempt}/answers", {"answers": []}, 200),
    ("get", "/attempts/{attempt}/result", None, 200),
    ("post", "/attempts/{attempt}/submit", {"answers": []}, 200),
]


@pytest.mark.parametrize("method,path,body,ok", TRAINEE_ENDPOINTS)
def test_trainee_endpoint_permissions(client, world, method, path, body, ok):
    attempt = services.attempt_start(user=world.trainee, assessment=world.quiz1)
    url = API + path.format(quiz=world.quiz1.pk, attempt=attempt.pk)
    expectations = [(None, 401), (world.other_trainee, {403, 404}), (world.other_instructor, {403, 404})]
    for user, expected in expectations:
        response = _call(_as(client, user), method, url, body)
        assert response.status_code in (expected if isinstance(expected, set) else {expected}), (
            user,
            response.content,
        )
    attempt.refresh_from_db()
    assert attempt.status == "in_progress" and Attempt.objects.count() == 1
    response = _call(_as(client, world.trainee), method, url, body)
    assert response.status_code == ok, response.content


STAFF_ENDPOINTS = [
    ("get", "/grading/queue", None),
    ("get", "/grading/attempts/{attempt}", None),
    ("post", "/grading/attempts/{attempt}/grade", "grade"),
    ("post", "/grading/attempts/{attempt}/release", "release"),
    ("post", "/grading/attempts/{attempt}/regrade", "regrade"),
    ("get", "/gradebook/{course}", None),
]


@pytest.mark.parametrize("method,path,action", STAFF_ENDPOINTS)
def test_instructor_endpoint_permissions(client, world, exam_attempt, method, path, action):
    if action in ("release", "regrade"):
        services.attempt_grade(attempt=exam_attempt, grader=world.instructor, essays=top_grades(exam_attempt))
    body = {
        "grade": _grade_body(exam_attempt),
        "regrade": {"reason": "Check"},
        "release": None,
        None: None,
    }[action]
    url = API + path.format(attempt=exam_attempt.pk, course=world.course.pk)
    exam_attempt.refresh_from_db()
    before = (exam_attempt.status, exam_attempt.score, CriterionScore.objects.count())
    for user, expected in [(None, {401}), (world.trainee, {403, 404}), (world.other_instructor, {403, 404})]:
        response = _call(_as(client, user), method, url, body)
        if path == "/grading/queue" and user == world.other_instructor:
            # An instructor always has a queue; it never contains other courses' attempts.
            assert response.status_code == 200 and response.json()["to_grade"] == []
            continue
        assert response.status_code in expected, (user, response.content)
    exam_attempt.refresh_from_db()
    assert (exam_attempt.status, exam_attempt.score, CriterionScore.objects.count()) == before
    assert _call(_as(client, world.instructor), method, url, body).status_code == 200


def test_trainee_of_other_course_cannot_start(client, world):
    response = _as(client, base.TraineeFactory()).post(f"{API}/assessments/{world.quiz1.pk}/attempts")
    assert response.status_code == 403 and response.json()["code"] == "not_enrolled"
    assert not Attempt.objects.exists()

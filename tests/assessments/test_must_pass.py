"""Must-pass rubric criteria: an essay graded below a must-pass criterion's minimum level fails the
attempt whatever the total, and the trainee's result, the marker's page, the API, the gradebook (page
and CSV) and the result email say so, naming only the criterion and the levels. A later rubric edit
never changes a grade already given; a minimum naming no level stops grading rather than being dropped."""

from decimal import Decimal

import pytest
from django.urls import reverse

from assessments import selectors, services
from assessments.models import Attempt, CriterionScore, RubricCriterion
from assessments.selectors import MustPassFailure, assessment_problems
from assessments.services import EssayGrade
from courses.services import enrollment_create
from lms.errors import Conflict
from lms.notifications.models import Notification
from lms.outbox.models import OutboxMessage
from tests import factories as base

from .factories import answers_for, make_assessment

pytestmark = pytest.mark.django_db

LEVELS = [("Not yet", 0, "a"), ("Developing", 2, "b"), ("Proficient", 4, "c")]
CRISIS_RUBRIC = [
    {"name": "Recognising warning signs", "levels": LEVELS},
    {"name": "Asking directly and listening", "levels": LEVELS},
    {"name": "Connecting to help safely", "levels": LEVELS},
    {"name": "Follow-up and self-care", "levels": LEVELS},
]
AUTO = [
    {
        "type": "single",
        "text": f"Crisis question {n}",
        "choices": [("Right", True), ("Wrong", False)],
        "explanation": "SECRET KEY EXPLANATION",
    }
    for n in range(1, 7)
]
ESSAY = {"type": "essay", "text": "Andre is leaving the group early.", "rubric": CRISIS_RUBRIC}
SAFELY = "Connecting to help safely"


@pytest.fixture
def crisis(catalogue, trainee, instructor):
    """A crisis final: six auto-marked questions of 2 points (12) and an essay scored on four criteria of
    up to 4 points (16); pass mark 70%; "Connecting to help safely" must reach "Developing"."""
    course = base.make_course(catalogue, title="Crisis response", instructors=[instructor])
    exam = make_assessment(
        course,
        questions=AUTO + [ESSAY],
        points=Decimal("2"),
        pass_mark=70,
        max_attempts=2,
        release_policy="after_grading",
    )
    criterion = RubricCriterion.objects.get(rubric__questions__assessment=exam, name=SAFELY)
    services.criterion_must_pass_set(
        actor=None, criterion=criterion, must_pass=True, minimum_level="developing"
    )
    enrollment_create(user=trainee, course=course)
    return exam


def _submit(exam, trainee):
    attempt = services.attempt_start(user=trainee, assessment=exam)
    return services.attempt_submit(attempt=attempt, user=trainee, answers=answers_for(attempt))


def _grades(attempt, **by_name):
    """Proficient on every criterion except those named (criterion name -> level label)."""
    answer = attempt.answers.get(kind="essay")
    levels = {}
    for criterion in answer.question.rubric.criteria.prefetch_related("levels"):
        label = by_name.get(criterion.name, "Proficient")
        levels[criterion.pk] = next(lv.pk for lv in criterion.levels.all() if lv.label == label)
    return [EssayGrade(question_id=answer.question_id, levels=levels, feedback="Thank you.")]


def _graded(exam, trainee, instructor, **by_name):
    attempt = _submit(exam, trainee)
    return services.attempt_grade(attempt=attempt, grader=instructor, essays=_grades(attempt, **by_name))


def test_the_minimum_is_stored_as_the_levels_own_label(crisis):
    criterion = RubricCriterion.objects.get(rubric__questions__assessment=crisis, name=SAFELY)
    assert criterion.must_pass and criterion.minimum_level == "Developing"
    assert criterion.minimum() == ("Developing", Decimal("2"))


def test_85_percent_with_a_zero_on_the_must_pass_criterion_fails_and_says_why(crisis, trainee, instructor):
    attempt = _graded(crisis, trainee, instructor, **{SAFELY: "Not yet"})
    # 12 + (4 + 4 + 0 + 4) = 24 of 28: well above the 70% pass mark.
    assert (attempt.score, attempt.max_score, attempt.percent) == (
        Decimal("24"),
        Decimal("28"),
        Decimal("85.71"),
    )
    assert attempt.passed is False and attempt.must_pass_failed is True
    view = selectors.attempt_view(attempt=attempt, for_staff=True)
    essay_number = attempt.answers.get(kind="essay").position
    assert view.must_pass_failures == [MustPassFailure(essay_number, SAFELY, "Developing", "Not yet")]
    score = CriterionScore.objects.get(answer__attempt=attempt, criterion_name=SAFELY)
    assert (score.minimum_label, score.minimum_points, score.below_minimum) == (
        "Developing",
        Decimal("2"),
        True,
    )


def test_reaching_the_minimum_passes(crisis, trainee, instructor):
    attempt = _graded(crisis, trainee, instructor, **{SAFELY: "Developing"})
    assert (
        attempt.percent == Decimal("92.86") and attempt.passed is True and attempt.must_pass_failed is False
    )
    assert selectors.attempt_view(attempt=attempt, for_staff=True).must_pass_failures == []


def test_a_low_total_still_fails_on_the_pass_mark_alone(crisis, trainee, instructor):
    attempt = services.attempt_start(user=trainee, assessment=crisis)
    attempt = services.attempt_submit(
        attempt=attempt, user=trainee, answers=answers_for(attempt, correct=False)
    )
    attempt = services.attempt_grade(
        attempt=attempt, grader=instructor, essays=_grades(attempt, **{SAFELY: "Proficient"})
    )
    assert attempt.passed is False and attempt.must_pass_failed is False  # 16 of 28: below the mark


def test_the_trainees_result_page_says_which_criterion_and_nothing_more(client, crisis, trainee, instructor):
    attempt = _graded(crisis, trainee, instructor, **{SAFELY: "Not yet"})
    services.attempt_release(attempt=attempt, actor=instructor)
    client.force_login(trainee)
    html = client.get(reverse("assessments:attempt_result", args=[attempt.pk])).content.decode()
    assert "85.71%" in html
    assert "Not passed this time, whatever the total score:" in html
    assert "A must-pass criterion was not met." in html
    number = attempt.answers.get(kind="essay").position
    assert f"Question {number}, “{SAFELY}”: graded “Not yet”, and at least “Developing” is needed." in html
    # Not the pass-mark wording (it reached the mark), and no answer key before the rules allow it.
    assert "the pass mark is 70%" not in html
    assert "SECRET KEY EXPLANATION" not in html and "correct answer" not in html
    # Another trainee cannot read it.
    client.force_login(base.TraineeFactory())
    assert client.get(reverse("assessments:attempt_result", args=[attempt.pk])).status_code == 404


def test_nothing_is_shown_to_the_trainee_before_release(client, crisis, trainee, instructor):
    attempt = _graded(crisis, trainee, instructor, **{SAFELY: "Not yet"})
    client.force_login(trainee)
    html = client.get(reverse("assessments:attempt_result", args=[attempt.pk])).content.decode()
    assert SAFELY not in html and "must-pass" not in html
    api = client.get(f"/api/v1/attempts/{attempt.pk}/result").json()
    assert api["passed"] is None and api["must_pass_failures"] == []


def test_the_passing_result_page_has_no_must_pass_message(client, crisis, trainee, instructor):
    attempt = _graded(crisis, trainee, instructor, **{SAFELY: "Developing"})
    services.attempt_release(attempt=attempt, actor=instructor)
    client.force_login(trainee)
    html = client.get(reverse("assessments:attempt_result", args=[attempt.pk])).content.decode()
    assert "Passed." in html and "A must-pass criterion was not met." not in html


def test_the_markers_page_shows_the_rule_and_the_reason(client, crisis, trainee, instructor):
    attempt = _submit(crisis, trainee)
    client.force_login(instructor)
    url = reverse("assessments:grade_attempt", args=[attempt.pk])
    assert "must pass: at least “Developing”" in client.get(url).content.decode()
    services.attempt_grade(attempt=attempt, grader=instructor, essays=_grades(attempt, **{SAFELY: "Not yet"}))
    html = client.get(url).content.decode()
    assert "A must-pass criterion was not met." in html and "graded “Not yet”" in html


def test_the_api_gives_the_reason_to_the_trainee_and_the_marker(client, crisis, trainee, instructor):
    attempt = _submit(crisis, trainee)
    client.force_login(instructor)
    grading = client.get(f"/api/v1/grading/attempts/{attempt.pk}").json()
    essay = next(q for q in grading["questions"] if q["kind"] == "essay")
    rules = {c["name"]: (c["must_pass"], c["minimum_level"]) for c in essay["rubric"]}
    assert rules[SAFELY] == (True, "Developing") and rules["Follow-up and self-care"] == (False, "")
    body = {
        "essays": [
            {
                "question_id": essay["question_id"],
                "criteria": [
                    {
                        "criterion_id": c["id"],
                        "level_id": next(
                            lv["id"]
                            for lv in c["levels"]
                            if lv["label"] == ("Not yet" if c["name"] == SAFELY else "Proficient")
                        ),
                    }
                    for c in essay["rubric"]
                ],
            }
        ]
    }
    graded = client.post(
        f"/api/v1/grading/attempts/{attempt.pk}/grade", body, content_type="application/json"
    )
    assert graded.status_code == 200, graded.content
    assert graded.json()["passed"] is False and graded.json()["must_pass_failed"] is True
    failure = {
        "number": essay["number"],
        "criterion": SAFELY,
        "minimum_level": "Developing",
        "level": "Not yet",
    }
    assert client.get(f"/api/v1/grading/attempts/{attempt.pk}").json()["must_pass_failures"] == [failure]
    assert client.post(f"/api/v1/grading/attempts/{attempt.pk}/release").status_code == 200
    client.force_login(trainee)
    result = client.get(f"/api/v1/attempts/{attempt.pk}/result").json()
    assert result["percent"] == "85.71" and result["passed"] is False
    assert result["must_pass_failures"] == [failure]
    criteria = next(q for q in result["questions"] if q["kind"] == "essay")["criteria"]
    assert {c["name"]: (c["minimum_level"], c["met"]) for c in criteria}[SAFELY] == ("Developing", False)
    assert result["questions"][0]["explanation"] is None  # the answer key stays hidden


def test_the_gradebook_and_csv_say_a_must_pass_criterion_was_not_met(client, crisis, trainee, instructor):
    attempt = _graded(crisis, trainee, instructor, **{SAFELY: "Not yet"})
    services.attempt_release(attempt=attempt, actor=instructor)
    _, _, rows = selectors.gradebook_page(course=crisis.course)
    cell = rows[0].cells[-1]
    assert (cell.status, cell.best_percent) == ("not_passed_must_pass", Decimal("85.71"))
    client.force_login(instructor)
    page = client.get(reverse("assessments:gradebook", args=[crisis.course_id])).content.decode()
    assert "Not passed: a must-pass criterion not met" in page
    csv = b"".join(
        client.get(reverse("assessments:gradebook_csv", args=[crisis.course_id])).streaming_content
    )
    assert "Not passed: a must-pass criterion not met" in csv.decode()
    api = client.get(f"/api/v1/gradebook/{crisis.course_id}").json()
    assert api["rows"][0]["cells"][-1]["status"] == "not_passed_must_pass"


def test_the_result_email_and_notification_do_not_blame_the_pass_mark(crisis, trainee, instructor):
    attempt = _graded(crisis, trainee, instructor, **{SAFELY: "Not yet"})
    services.attempt_release(attempt=attempt, actor=instructor)
    body = OutboxMessage.objects.get(key__startswith=f"result-released:{attempt.pk}:").body
    notice = Notification.objects.get(user=trainee, key__startswith=f"{attempt.pk}:").body
    for text in (body, notice):
        assert "must reach a minimum level whatever the total score" in text
        assert "did not reach the pass mark" not in text and SAFELY not in text


def test_a_later_rubric_edit_never_changes_a_grade_given(crisis, trainee, instructor):
    attempt = _graded(crisis, trainee, instructor, **{SAFELY: "Not yet"})
    criterion = RubricCriterion.objects.get(rubric__questions__assessment=crisis, name=SAFELY)
    services.criterion_must_pass_set(actor=None, criterion=criterion, must_pass=False)
    # A regrade of the automatic answers keeps the essay's scores, and the minimum they were given under.
    attempt = services.attempt_regrade(attempt=attempt, grader=instructor, reason="Answer key checked.")
    assert attempt.passed is False and attempt.must_pass_failed is True
    # New levels are judged under the rubric as it is now.
    attempt = services.attempt_regrade(
        attempt=attempt, grader=instructor, reason="Re-read.", essays=_grades(attempt, **{SAFELY: "Not yet"})
    )
    assert attempt.passed is True and attempt.must_pass_failed is False


def test_a_regrade_to_the_minimum_passes_and_credits(crisis, trainee, instructor):
    attempt = _graded(crisis, trainee, instructor, **{SAFELY: "Not yet"})
    services.attempt_release(attempt=attempt, actor=instructor)
    attempt = services.attempt_regrade(
        attempt=attempt,
        grader=instructor,
        reason="Second reading: he is connected to help.",
        essays=_grades(attempt, **{SAFELY: "Developing"}),
    )
    assert attempt.passed is True and attempt.must_pass_failed is False
    assert selectors.final_exam_status(user=trainee, course=crisis.course) == "passed"


def test_a_minimum_naming_no_level_stops_grading_and_the_exam(crisis, trainee, instructor):
    attempt = _submit(crisis, trainee)
    RubricCriterion.objects.filter(name=SAFELY).update(minimum_level="Gone")  # renamed outside the form
    with pytest.raises(Conflict) as exc:
        services.attempt_grade(attempt=attempt, grader=instructor, essays=_grades(attempt))
    assert exc.value.code == "must_pass_level_missing" and SAFELY in exc.value.message
    assert Attempt.objects.get(pk=attempt.pk).status == Attempt.Status.AWAITING_GRADING
    assert not CriterionScore.objects.exists()
    assert any("must-pass criterion" in p for p in assessment_problems(assessment=crisis))

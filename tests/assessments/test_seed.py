"""The demo seed: quizzes and final exams from the curriculum; the demo trainees' attempts made
through the services; idempotent."""

from types import SimpleNamespace

import pytest

from assessments import selectors
from assessments.models import Assessment, Attempt, Question, Rubric
from assessments.seed import seed_assessments
from courses.models import Enrollment, ModuleProgress
from courses.seed import seed_courses
from lms.seed import seed_users

from .factories import ESSAY, QUIZ

pytestmark = pytest.mark.django_db


def _module(slug, quiz):
    return {
        "slug": slug,
        "title": slug.title(),
        "estimated_minutes": 10,
        "training_hours": "1.0",
        "domain": "advocacy",
        "body": [("paragraph", "<p>Text.</p>")],
        "quiz": quiz,
    }


SMALL = SimpleNamespace(
    DOMAINS=[{"slug": "advocacy", "name": "Advocacy"}],
    COURSES=[
        {
            "slug": "first",
            "title": "First",
            "summary": "First course",
            "prerequisites": [],
            "domains": ["advocacy"],
            "modules": [_module("m-one", QUIZ), _module("m-two", QUIZ[:3])],
            "final_exam": {"title": "First final", "questions": QUIZ + [ESSAY]},
        },
        {
            "slug": "second",
            "title": "Second",
            "summary": "Second course",
            "prerequisites": ["first"],
            "domains": ["advocacy"],
            "modules": [_module("s-one", QUIZ)],
            "final_exam": {"title": "Second final", "questions": QUIZ + [ESSAY]},
        },
    ],
)


def _run(home, curriculum):
    users = seed_users()
    courses = seed_courses(home=home, users=users, curriculum=curriculum)
    result = seed_assessments(courses=courses, users=users, curriculum=curriculum)
    return users, courses, result


def _check(users, courses, curriculum):
    eligible, recovery, instructor = users["trainee_eligible"], users["trainee_recovery"], users["instructor"]
    for data in curriculum.COURSES:
        course = courses[data["slug"]]
        quizzes = Assessment.objects.filter(course=course, kind="module_quiz")
        assert quizzes.count() == len([m for m in data["modules"] if m.get("quiz")])
        assert all(q.pass_mark == 80 and q.max_attempts == 3 and q.cooldown_minutes == 10 for q in quizzes)
        exam = Assessment.objects.get(course=course, kind="final_exam")
        assert exam.release_policy == "after_grading"
        assert exam.questions_per_attempt == exam.questions.count() - 2
        assert exam.questions.filter(kind="essay", always_include=True, rubric__isnull=False).exists()
        assert not selectors.assessment_problems(assessment=exam)
        # The fully trained trainee: every course completed, final exams graded and released.
        assert Enrollment.objects.get(user=eligible, course=course).status == Enrollment.Status.COMPLETED
        assert selectors.final_exam_status(user=eligible, course=course) == "passed"
    first = courses[curriculum.COURSES[0]["slug"]]
    assert ModuleProgress.objects.filter(enrollment__user=recovery, enrollment__course=first).count() == len(
        curriculum.COURSES[0]["modules"]
    )
    queue = selectors.grading_queue(user=instructor)
    assert [a.user for a in queue.to_grade] == [recovery]
    assert Attempt.objects.filter(user=users["trainee"]).count() == 0  # left for the browser


def test_seed_small_curriculum_and_idempotent(home):
    users, courses, result = _run(home, SMALL)
    _check(users, courses, SMALL)
    counts = (
        Assessment.objects.count(),
        Question.objects.count(),
        Attempt.objects.count(),
        Rubric.objects.count(),
    )
    _run(home, SMALL)
    assert (
        Assessment.objects.count(),
        Question.objects.count(),
        Attempt.objects.count(),
        Rubric.objects.count(),
    ) == counts
    assert set(result) == {"first", "second"}


@pytest.mark.slow
def test_seed_starter_curriculum(home):
    from courses.seed_data import curriculum

    users, courses, _ = _run(home, curriculum)
    _check(users, courses, curriculum)

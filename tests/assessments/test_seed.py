"""The demo seed: quizzes and final exams from the curriculum; the demo trainees' attempts made
through the services; idempotent."""

import pytest

from assessments import selectors
from assessments.demo_essays import DemoEssay
from assessments.models import Assessment, Attempt, Question, Rubric
from assessments.seed import seed_assessments
from courses.curriculum.parse import read_curriculum
from courses.models import Enrollment, ModuleProgress
from courses.seed import seed_courses
from lms.seed import seed_users
from tests.courses.test_seed import small_curriculum

pytestmark = pytest.mark.django_db


# The small curriculum's exams ask about Dana; its rubrics grade Spirit and OARS.
DANA = DemoEssay(
    text="I would ask Dana what she wants from today and reflect her worry about her son.",
    levels={"Spirit": "Proficient", "OARS": "Proficient"},
    feedback="Respectful and focused on Dana.",
)
SMALL_ESSAYS = {"answers": {"first": DANA, "second": DANA}, "first_tries": {"first": "I would listen."}}


def _run(home, curriculum, essays=None):
    users = seed_users()
    courses = seed_courses(home=home, users=users, curriculum=curriculum)
    result = seed_assessments(courses=courses, users=users, curriculum=curriculum, **(essays or {}))
    return users, courses, result


def _check(users, courses, curriculum):
    eligible, recovery, instructor = users["trainee_eligible"], users["trainee_recovery"], users["instructor"]
    for data in curriculum.courses:
        course = courses[data.slug]
        quizzes = Assessment.objects.filter(course=course, kind="module_quiz")
        assert quizzes.count() == len([m for m in data.modules if m.quiz])
        assert [q.module.slug for q in quizzes.order_by("module__path")] == [
            m.slug for m in data.modules if m.quiz
        ]
        assert all(q.pass_mark == 80 and q.max_attempts == 3 and q.cooldown_minutes == 10 for q in quizzes)
        # The fully trained trainee: every course completed, final exams graded and released.
        assert Enrollment.objects.get(user=eligible, course=course).status == Enrollment.Status.COMPLETED
        if data.final_exam is None:
            assert not Assessment.objects.filter(course=course, kind="final_exam").exists()
            continue
        exam = Assessment.objects.get(course=course, kind="final_exam")
        assert exam.release_policy == "after_grading"
        assert exam.questions_per_attempt == exam.questions.count() - 2
        assert exam.questions.filter(kind="essay", always_include=True, rubric__isnull=False).exists()
        assert not selectors.assessment_problems(assessment=exam)
        assert selectors.final_exam_status(user=eligible, course=course) == "passed"
    first = courses[curriculum.courses[0].slug]
    assert ModuleProgress.objects.filter(enrollment__user=recovery, enrollment__course=first).count() == len(
        curriculum.courses[0].modules
    )
    queue = selectors.grading_queue(user=instructor)
    assert [a.user for a in queue.to_grade] == [recovery]
    assert Attempt.objects.filter(user=users["trainee"]).count() == 0  # left for the browser


def test_seed_small_curriculum_and_idempotent(home):
    small = small_curriculum()
    users, courses, result = _run(home, small, SMALL_ESSAYS)
    _check(users, courses, small)
    counts = (
        Assessment.objects.count(),
        Question.objects.count(),
        Attempt.objects.count(),
        Rubric.objects.count(),
    )
    _run(home, small, SMALL_ESSAYS)
    assert (
        Assessment.objects.count(),
        Question.objects.count(),
        Attempt.objects.count(),
        Rubric.objects.count(),
    ) == counts
    assert set(result) == {"first", "second"}


@pytest.mark.slow
def test_seed_starter_curriculum(home):
    curriculum = read_curriculum()  # courses/content/
    users, courses, _ = _run(home, curriculum)
    _check(users, courses, curriculum)
    # The files' questions, as written: same count, kinds, texts and right answers.
    for data in curriculum.courses:
        for module in data.modules:
            if module.quiz is not None:
                quiz = Assessment.objects.get(module__slug=module.slug, course=courses[data.slug])
                _same_questions(quiz, module.quiz)
        if data.final_exam is not None:
            exam = Assessment.objects.get(course=courses[data.slug], kind="final_exam")
            _same_questions(exam, data.final_exam)


def _same_questions(assessment, data):
    stored = list(assessment.questions.prefetch_related("choices").order_by("sort_order"))
    assert [(q.key, q.kind, q.text, q.answer_true, q.accepted_answer_list()) for q in stored] == [
        (q.key, q.kind, q.text, q.answer_true, q.accepted_answers) for q in data.questions
    ]
    assert [[(c.text, c.is_correct) for c in q.choices.all()] for q in stored] == [
        q.choices for q in data.questions
    ]

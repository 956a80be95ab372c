"""The crisis-response final exam as the real curriculum files define it (courses/content/crisis-response/
final-exam.yaml): the naloxone and safety-planning questions and the scenario essay are in every
attempt, and an essay graded "Not yet" on "Connecting to help safely" (it lets a person at risk leave)
fails the exam whatever the total. Through the loader and the attempt and grading services."""

import random
from decimal import Decimal

import pytest
from django.utils import timezone

from assessments import services
from assessments.models import Assessment, RubricCriterion
from assessments.services import EssayGrade
from courses.curriculum.load import load_curriculum
from courses.journal.services import entry_write
from courses.models import CoursePage, Enrollment, ModulePage
from courses.services import enrollment_create, module_complete
from tests import factories as base

from .factories import answers_for

pytestmark = pytest.mark.django_db

SAFELY = "Connecting to help safely"
PINNED = {"q1", "q2", "q6", "q8"}  # two naloxone questions, the safety plan, the scenario essay


@pytest.fixture
def exam(home, instructor):
    load_curriculum(home=home, instructors=[instructor])
    return Assessment.objects.get(course__slug="crisis-response", kind=Assessment.Kind.FINAL_EXAM)


def _ready(trainee, exam):
    """A trainee who finished the prerequisite course and every crisis module (each passed its quiz)."""
    for prerequisite in exam.course.specific.prerequisites.all():
        Enrollment.objects.create(
            user=trainee, course=prerequisite, status=Enrollment.Status.COMPLETED, completed_at=timezone.now()
        )
    course = CoursePage.objects.get(pk=exam.course_id)
    enrollment_create(user=trainee, course=course)
    for module in ModulePage.objects.child_of(course).live().order_by("path"):
        # A module that requires a reflection completes once its prompts are answered (the journal).
        for block_id, _prompt in module.reflection_prompts() if module.requires_reflection else ():
            entry_write(user=trainee, module=module, block_id=block_id, text="What I noticed today.")
        module_complete(user=trainee, module=module, via_assessment=True)
    return trainee


def test_the_file_pins_naloxone_safety_planning_and_the_essay_and_makes_safe_connection_must_pass(exam):
    assert set(exam.questions.filter(always_include=True).values_list("key", flat=True)) == PINNED
    naloxone = exam.questions.filter(key__in=["q1", "q2"])
    assert all("naloxone" in (q.text + q.explanation).lower() for q in naloxone)
    assert "safety plan" in exam.questions.get(key="q6").text.lower()
    criterion = RubricCriterion.objects.get(rubric__questions=exam.questions.get(key="q8"), name=SAFELY)
    assert (criterion.must_pass, criterion.minimum()) == (True, ("Developing", Decimal("2")))
    assert exam.questions_per_attempt < exam.questions.count()  # the rest is still drawn at random


def test_every_attempt_draws_the_pinned_questions(exam):
    drawn_unpinned = set()
    for seed in range(8):
        trainee = _ready(base.TraineeFactory(), exam)
        attempt = services.attempt_start(user=trainee, assessment=exam, rng=random.Random(seed))
        keys = set(attempt.answers.values_list("question__key", flat=True))
        assert PINNED <= keys, (seed, keys)
        assert len(keys) == exam.questions_per_attempt
        drawn_unpinned |= keys - PINNED
    assert len(drawn_unpinned) > exam.questions_per_attempt - len(PINNED)  # the others vary


def _graded(exam, trainee, instructor, safely: str):
    attempt = services.attempt_start(user=trainee, assessment=exam)
    attempt = services.attempt_submit(
        attempt=attempt,
        user=trainee,
        answers=answers_for(attempt, essay="I would tell Andre I hope he feels better and let him go home."),
    )
    answer = attempt.answers.get(kind="essay")
    levels = {}
    for criterion in answer.question.rubric.criteria.prefetch_related("levels"):
        label = safely if criterion.name == SAFELY else "Proficient"
        levels[criterion.pk] = next(lv.pk for lv in criterion.levels.all() if lv.label == label)
    return services.attempt_grade(
        attempt=attempt,
        grader=instructor,
        essays=[EssayGrade(question_id=answer.question_id, levels=levels, feedback="See the rubric.")],
    )


def test_an_essay_that_lets_the_person_leave_fails_whatever_the_total(exam, trainee, instructor):
    attempt = _graded(exam, _ready(trainee, exam), instructor, safely="Not yet")
    assert attempt.percent >= Decimal("80") > exam.pass_mark  # 84.62% with every other mark
    assert attempt.passed is False and attempt.must_pass_failed is True


def test_connecting_to_help_at_the_minimum_level_passes(exam, trainee, instructor):
    attempt = _graded(exam, _ready(trainee, exam), instructor, safely="Developing")
    assert attempt.passed is True and attempt.must_pass_failed is False

"""assessment_is_ready (one query, for cards on pages) agrees with assessment_problems (the authors'
full list) on every way an assessment can be unready."""

import pytest

from assessments.models import Choice, Question, RubricCriterion, RubricLevel
from assessments.selectors import assessment_is_ready, assessment_problems
from tests import factories as base
from tests.assessments.factories import ESSAY, MULTIPLE, QUIZ, SHORT, SINGLE, TRUE_FALSE, make_assessment

pytestmark = pytest.mark.django_db


def _break_single(a):
    Choice.objects.filter(question__assessment=a, question__kind="single").update(is_correct=True)


def _break_multiple(a):
    Choice.objects.filter(question__assessment=a, question__kind="multiple").update(is_correct=False)


def _one_choice(a):
    q = Question.objects.get(assessment=a, kind="single")
    Choice.objects.filter(question=q).exclude(pk=q.choices.order_by("pk").first().pk).delete()


def _no_tf_answer(a):
    Question.objects.filter(assessment=a, kind="true_false").update(answer_true=None)


def _blank_short(a):
    Question.objects.filter(assessment=a, kind="short_text").update(accepted_answers="  \n ")


def _no_rubric(a):
    Question.objects.filter(assessment=a, kind="essay").update(rubric=None)


def _criterion_without_levels(a):
    q = Question.objects.get(assessment=a, kind="essay")
    RubricCriterion.objects.create(rubric_id=q.rubric_id, name="Empty", sort_order=9)


def _no_criteria(a):
    q = Question.objects.get(assessment=a, kind="essay")
    RubricLevel.objects.filter(criterion__rubric_id=q.rubric_id).delete()
    RubricCriterion.objects.filter(rubric_id=q.rubric_id).delete()


def _draw_too_many(a):
    a.questions_per_attempt = 50
    a.save()


def _too_many_pinned(a):
    a.questions_per_attempt = 1
    a.save()
    Question.objects.filter(assessment=a).update(always_include=True)


def _must_pass_level_missing(a):
    # A level renamed outside the rubric form: the must-pass minimum names no level any more.
    q = Question.objects.get(assessment=a, kind="essay")
    RubricCriterion.objects.filter(rubric_id=q.rubric_id, name="Spirit").update(
        must_pass=True, minimum_level="Gone"
    )


def _no_questions(a):
    Question.objects.filter(assessment=a).delete()


@pytest.mark.parametrize(
    "spoil",
    [
        None,
        _break_single,
        _break_multiple,
        _one_choice,
        _no_tf_answer,
        _blank_short,
        _no_rubric,
        _criterion_without_levels,
        _no_criteria,
        _draw_too_many,
        _too_many_pinned,
        _must_pass_level_missing,
        _no_questions,
    ],
)
def test_ready_agrees_with_the_problem_list(catalogue, spoil, django_assert_num_queries):
    course = base.make_course(catalogue, title="Crisis")
    a = make_assessment(course, questions=[SINGLE, MULTIPLE, TRUE_FALSE, SHORT, ESSAY])
    if spoil:
        spoil(a)
    expected = not assessment_problems(assessment=a)
    assert expected is (spoil is None)
    with django_assert_num_queries(1):
        assert assessment_is_ready(assessment=a) is expected


def test_ready_is_one_query_whatever_the_pool(catalogue, django_assert_num_queries):
    course = base.make_course(catalogue, title="Crisis")
    a = make_assessment(course, questions=QUIZ * 6 + [ESSAY, ESSAY])
    with django_assert_num_queries(1):
        assert assessment_is_ready(assessment=a) is True


def test_a_must_pass_criterion_naming_its_level_is_ready(catalogue, django_assert_num_queries):
    course = base.make_course(catalogue, title="Crisis")
    a = make_assessment(course, questions=[SINGLE, ESSAY])
    q = Question.objects.get(assessment=a, kind="essay")
    RubricCriterion.objects.filter(rubric_id=q.rubric_id, name="Spirit").update(
        must_pass=True, minimum_level="Developing"
    )
    assert assessment_problems(assessment=a) == []
    with django_assert_num_queries(1):
        assert assessment_is_ready(assessment=a) is True

"""The demo's essays (assessments.demo_essays) tell the truth: each final exam's demo answer responds to
its own exam's scenario, the answers differ, and the seeded attempts are graded against their own
rubric with the levels the demo says the text earns, meeting every must-pass criterion."""

import re

import pytest

from assessments.demo_essays import ANSWERS, FIRST_TRIES
from assessments.models import Answer, Attempt, CriterionScore
from assessments.seed import seed_assessments
from courses.curriculum.parse import read_curriculum
from courses.seed import seed_courses
from lms.seed import seed_users

# Who each exam's scenario is about: the demo answer must be about them, and no other exam's person.
PERSON = {
    "active-listening": "Dana",
    "crisis-response": "Andre",
    "ethics-boundaries": "Jamie",
    "peer-practice": "Ana",
    "recovery-pathways": "Nia",
}


@pytest.fixture(scope="module")
def curriculum():
    return read_curriculum()  # courses/content/


def _essay(exam):
    return next(q for q in exam.questions if q.kind == "essay")


def _exams_with_essays(curriculum):
    return {
        c.slug: c.final_exam
        for c in curriculum.courses
        if c.final_exam and any(q.kind == "essay" for q in c.final_exam.questions)
    }


def _named(name: str, text: str) -> bool:
    return re.search(rf"\b{name}\b", text) is not None


def test_every_final_exam_essay_has_a_demo_answer_and_no_answer_is_left_over(curriculum):
    assert set(ANSWERS) == set(_exams_with_essays(curriculum))
    assert set(FIRST_TRIES) <= set(ANSWERS)


def test_each_answer_is_about_its_own_scenario_and_no_two_are_alike(curriculum):
    exams = _exams_with_essays(curriculum)
    for slug, answer in ANSWERS.items():
        person = PERSON[slug]
        assert _named(person, _essay(exams[slug]).text), slug
        assert _named(person, answer.text), slug
        others = [p for s, p in PERSON.items() if s != slug]
        assert not any(_named(p, answer.text) for p in others), slug
    texts = [a.text for a in ANSWERS.values()] + list(FIRST_TRIES.values())
    assert len(set(texts)) == len(texts)


def test_each_answers_marks_name_its_own_rubrics_levels_and_meet_every_must_pass(curriculum):
    exams = _exams_with_essays(curriculum)
    for slug, answer in ANSWERS.items():
        rubric = _essay(exams[slug]).rubric
        assert list(answer.levels) == [c.name for c in rubric.criteria], slug
        for criterion in rubric.criteria:
            points = {lv.label: lv.points for lv in criterion.levels}
            assert answer.levels[criterion.name] in points, (slug, criterion.name)
            if criterion.must_pass:
                given = points[answer.levels[criterion.name]]
                assert given >= points[criterion.minimum_level], (slug, criterion.name)
    # The marks are an instructor's, not a rubber stamp: not every answer is top marks everywhere.
    assert any("Developing" in a.levels.values() for a in ANSWERS.values())
    crisis = _essay(exams["crisis-response"]).rubric
    assert any(c.must_pass and c.name == "Connecting to help safely" for c in crisis.criteria)


@pytest.mark.slow
@pytest.mark.django_db
def test_the_seeded_essays_are_graded_against_their_own_rubric(home, curriculum):
    users = seed_users()
    courses = seed_courses(home=home, users=users, curriculum=curriculum)
    seed_assessments(courses=courses, users=users, curriculum=curriculum)

    eligible = users["trainee_eligible"]
    submitted = set()
    for slug, demo in ANSWERS.items():
        attempt = Attempt.objects.get(
            user=eligible, assessment__course=courses[slug], assessment__kind="final_exam"
        )
        assert attempt.passed is True and attempt.must_pass_failed is False, slug
        essay = Answer.objects.get(attempt=attempt, kind="essay")
        assert essay.text_answer == demo.text
        scores = CriterionScore.objects.filter(answer=essay).select_related("criterion", "level")
        rubric = essay.question.rubric
        assert {s.criterion.rubric_id for s in scores} == {rubric.pk}
        assert rubric.course_id == courses[slug].pk
        assert {s.criterion.name: s.level.label for s in scores} == demo.levels
        submitted.add(essay.text_answer)
    assert len(submitted) == len(ANSWERS)
    recovery = users["trainee_recovery"]
    first_try = Answer.objects.get(attempt__user=recovery, kind="essay")
    assert first_try.text_answer == FIRST_TRIES[first_try.attempt.assessment.course.slug]
    assert first_try.attempt.status == Attempt.Status.AWAITING_GRADING

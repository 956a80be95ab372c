"""Pinned questions: always drawn, the rest drawn at random from the unpinned ones; more pinned than an
attempt draws is refused (the admin form, the authoring service and the API), and pinning later never
changes a paper already drawn."""

import random
import re
from collections import Counter

import pytest
from django.urls import reverse

from assessments import rules, services
from assessments.models import Answer, Assessment, Question
from courses.services import enrollment_create
from lms.errors import Invalid
from lms.models import AuditEvent
from tests import factories as base

from .factories import MULTIPLE, SHORT, SINGLE, TRUE_FALSE, empty_formset, make_assessment

pytestmark = pytest.mark.django_db

POOL = [dict(SINGLE, text=f"Question {n}") for n in range(1, 9)]  # eight single-choice questions


@pytest.fixture
def exam(catalogue, instructor):
    course = base.make_course(catalogue, title="Crisis response", instructors=[instructor])
    exam = make_assessment(course, questions=POOL, questions_per_attempt=5, shuffle_questions=True)
    return exam


def _pin(exam, *texts):
    pinned = list(Question.objects.filter(assessment=exam, text__in=texts).values_list("pk", flat=True))
    services.assessment_pins_set(actor=None, assessment=exam, question_ids=pinned)
    return set(pinned)


# --- drawing ---------------------------------------------------------------------------------------


def test_pinned_questions_are_in_every_draw_and_the_others_vary(exam):
    pinned = _pin(exam, "Question 2", "Question 7")
    unpinned = set(exam.questions.values_list("pk", flat=True)) - pinned
    rng = random.Random(20240611)
    papers = [services.questions_draw(assessment=exam, rng=rng) for _ in range(400)]
    seen = Counter()
    for paper in papers:
        ids = [q.pk for q in paper]
        assert len(ids) == 5 and len(set(ids)) == 5
        assert pinned <= set(ids)  # always drawn
        seen.update(set(ids) - pinned)
    # Every unpinned question is sometimes drawn and sometimes left out; the papers differ.
    assert set(seen) == unpinned
    assert all(0 < count < len(papers) for count in seen.values())
    assert len({frozenset(q.pk for q in paper) for paper in papers}) == 20  # every 3 of the 6 unpinned
    # The shuffled order varies too (pinned questions are not always first).
    assert len({tuple(q.pk for q in paper) for paper in papers}) > 100


def test_the_draw_is_deterministic_with_a_seeded_rng(exam):
    _pin(exam, "Question 1")

    def papers(seed):
        rng = random.Random(seed)
        return [[q.pk for q in services.questions_draw(assessment=exam, rng=rng)] for _ in range(50)]

    assert papers(7) == papers(7)
    assert papers(7) != papers(8)


def test_without_a_draw_every_question_is_asked(exam):
    exam.questions_per_attempt = None
    exam.shuffle_questions = False
    exam.save()
    _pin(exam, "Question 3")
    paper = services.questions_draw(assessment=exam, rng=random.Random(1))
    assert [q.text for q in paper] == [f"Question {n}" for n in range(1, 9)]


def test_attempts_draw_pinned_questions_through_start(exam, trainee):
    pinned = _pin(exam, "Question 4", "Question 8")
    enrollment_create(user=trainee, course=exam.course)
    attempt = services.attempt_start(user=trainee, assessment=exam, rng=random.Random(3))
    drawn = set(attempt.answers.values_list("question_id", flat=True))
    assert len(drawn) == 5 and pinned <= drawn
    assert attempt.max_score == 5


def test_pinning_later_leaves_a_started_paper_alone(exam, trainee):
    enrollment_create(user=trainee, course=exam.course)
    attempt = services.attempt_start(user=trainee, assessment=exam, rng=random.Random(11))
    paper = list(attempt.answers.order_by("position").values_list("question_id", "choice_order"))
    left_out = set(exam.questions.values_list("pk", flat=True)) - {qid for qid, _ in paper}
    services.assessment_pins_set(actor=None, assessment=exam, question_ids=sorted(left_out)[:2])
    resumed = services.attempt_start(user=trainee, assessment=exam)
    assert resumed.pk == attempt.pk
    assert list(resumed.answers.order_by("position").values_list("question_id", "choice_order")) == paper
    assert Answer.objects.filter(attempt=attempt).count() == 5


# --- the rule and the service ----------------------------------------------------------------------


def test_too_many_pinned_is_refused_and_changes_nothing(exam):
    before = _pin(exam, "Question 1")
    ids = list(exam.questions.values_list("pk", flat=True))[:6]
    with pytest.raises(Invalid) as exc:
        services.assessment_pins_set(actor=None, assessment=exam, question_ids=ids)
    assert exc.value.code == "too_many_pinned" and exc.value.field == "question_ids"
    assert exc.value.message == rules.ERR_TOO_MANY_PINNED.format(pinned=6, drawn=5)
    assert set(exam.questions.filter(always_include=True).values_list("pk", flat=True)) == before


def test_a_question_of_another_assessment_cannot_be_pinned(exam, catalogue):
    other = make_assessment(base.make_course(catalogue, title="Other"), questions=[SINGLE])
    stranger = other.questions.get().pk
    with pytest.raises(Invalid) as exc:
        services.assessment_pins_set(actor=None, assessment=exam, question_ids=[stranger])
    assert exc.value.code == "unknown_question"
    assert not Question.objects.filter(always_include=True).exists()


def test_pinning_is_audited_and_unpins_the_rest(exam, instructor):
    from assessments import seed

    seed._grant_permissions()
    first = _pin(exam, "Question 1", "Question 2")
    ids = list(exam.questions.filter(text="Question 3").values_list("pk", flat=True))
    pinned = services.assessment_pins_set(actor=instructor, assessment=exam, question_ids=ids)
    assert pinned == ids and not first & set(
        exam.questions.filter(always_include=True).values_list("pk", flat=True)
    )
    event = AuditEvent.objects.filter(action="assessment.pins_set", actor=instructor).get()
    assert event.details == {"pinned": ids}


def test_readiness_names_too_many_pinned(exam):
    Question.objects.filter(assessment=exam).update(always_include=True)
    from assessments.selectors import assessment_problems

    assert rules.ERR_TOO_MANY_PINNED.format(pinned=8, drawn=5) in assessment_problems(assessment=exam)


# --- the admin form --------------------------------------------------------------------------------


def _form(course, *, per_attempt, pinned):
    """The final exam's add form with three single-choice questions, `pinned` of them pinned."""
    data = {
        "title": "Crisis final",
        "kind": "final_exam",
        "course": str(course.pk),
        "module": "",
        "instructions": "",
        "pass_mark": "70",
        "max_attempts": "2",
        "cooldown_minutes": "0",
        "time_limit_minutes": "",
        "questions_per_attempt": str(per_attempt),
        "release_policy": "immediately",
        "release_at": "",
        "show_answers": "when_closed",
        "questions-TOTAL_FORMS": "3",
        "questions-INITIAL_FORMS": "0",
        "questions-MIN_NUM_FORMS": "0",
        "questions-MAX_NUM_FORMS": "1000",
        **empty_formset("translations"),
    }
    for i in range(3):
        p = f"questions-{i}-"
        data.update(
            {
                p + "kind": "single",
                p + "points": "1",
                p + "text": f"Naloxone question {i}",
                p + "explanation": "",
                p + "accepted_answers": "",
                p + "answer_true": "",
                p + "rubric": "",
                p + "ORDER": str(i + 1),
                p + "id": "",
                p + "choices-TOTAL_FORMS": "2",
                p + "choices-INITIAL_FORMS": "0",
                p + "choices-MIN_NUM_FORMS": "0",
                p + "choices-MAX_NUM_FORMS": "1000",
                p + "choices-0-text": "Right",
                p + "choices-0-is_correct": "on",
                p + "choices-0-ORDER": "1",
                p + "choices-0-id": "",
                p + "choices-1-text": "Wrong",
                p + "choices-1-ORDER": "2",
                p + "choices-1-id": "",
                **empty_formset(p + "translations"),
            }
        )
        if i < pinned:
            data[p + "always_include"] = "on"
    return data


def test_admin_refuses_more_pinned_than_drawn_and_keeps_what_was_typed(client, catalogue):
    admin = base.UserFactory(is_superuser=True, is_staff=True)
    course = base.make_course(catalogue, title="Crisis response")
    client.force_login(admin)
    url = reverse("wagtailsnippets_assessments_assessment:add")
    response = client.post(url, _form(course, per_attempt=2, pinned=3))
    html = response.content.decode()
    assert response.status_code == 200
    assert rules.ERR_TOO_MANY_PINNED.format(pinned=3, drawn=2) in html
    assert not Assessment.objects.exists()
    # What was typed and ticked is still there to correct.
    assert "Naloxone question 2" in html
    assert "checked" in re.search(r'<input[^>]*name="questions-2-always_include"[^>]*>', html).group(0)
    saved = client.post(url, _form(course, per_attempt=2, pinned=2))
    assert saved.status_code == 302
    exam = Assessment.objects.get(course=course)
    assert exam.questions.filter(always_include=True).count() == 2


def test_admin_labels_the_field_pinned(client, catalogue):
    admin = base.UserFactory(is_superuser=True, is_staff=True)
    client.force_login(admin)
    page = client.get(reverse("wagtailsnippets_assessments_assessment:add")).content.decode()
    assert "Pinned (always drawn)" in page or "pinned (always drawn)" in page


def test_pinning_other_question_kinds(catalogue):
    mixed = make_assessment(
        base.make_course(catalogue, title="Mixed"),
        questions=[SINGLE, MULTIPLE, TRUE_FALSE, SHORT],
        questions_per_attempt=2,
    )
    ids = list(mixed.questions.filter(kind__in=["multiple", "short_text"]).values_list("pk", flat=True))
    services.assessment_pins_set(actor=None, assessment=mixed, question_ids=ids)
    for seed in range(20):
        paper = services.questions_draw(assessment=mixed, rng=random.Random(seed))
        assert {q.pk for q in paper} == set(ids)

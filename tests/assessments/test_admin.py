"""Authoring in the Wagtail admin: an assessment with inline questions and their choices, and a
preview that renders the quiz as a trainee sees it (no answer key)."""

import pytest
from django.urls import reverse

from assessments.models import Assessment, Choice, Question
from tests import factories as base

pytestmark = pytest.mark.django_db


def _form(course, module, *, title="Module quiz"):
    data = {
        "title": title,
        "kind": "module_quiz",
        "course": str(course.pk),
        "module": str(module.pk),
        "instructions": "Answer carefully.",
        "pass_mark": "80",
        "max_attempts": "3",
        "cooldown_minutes": "10",
        "time_limit_minutes": "",
        "questions_per_attempt": "",
        "release_policy": "immediately",
        "release_at": "",
        "show_answers": "when_closed",
        "questions-TOTAL_FORMS": "1",
        "questions-INITIAL_FORMS": "0",
        "questions-MIN_NUM_FORMS": "0",
        "questions-MAX_NUM_FORMS": "1000",
        "questions-0-kind": "single",
        "questions-0-points": "1",
        "questions-0-text": "Which is an open question?",
        "questions-0-explanation": "SECRET EXPLANATION",
        "questions-0-accepted_answers": "",
        "questions-0-answer_true": "",
        "questions-0-rubric": "",
        "questions-0-ORDER": "1",
        "questions-0-id": "",
        "questions-0-choices-TOTAL_FORMS": "2",
        "questions-0-choices-INITIAL_FORMS": "0",
        "questions-0-choices-MIN_NUM_FORMS": "0",
        "questions-0-choices-MAX_NUM_FORMS": "1000",
        "questions-0-choices-0-text": "What brings you here today?",
        "questions-0-choices-0-is_correct": "on",
        "questions-0-choices-0-ORDER": "1",
        "questions-0-choices-0-id": "",
        "questions-0-choices-1-text": "Are you sober?",
        "questions-0-choices-1-ORDER": "2",
        "questions-0-choices-1-id": "",
    }
    return data


@pytest.fixture
def author(catalogue):
    admin = base.UserFactory(is_superuser=True, is_staff=True)
    course = base.make_course(catalogue, title="Authoring")
    module = base.make_module(course, title="First")
    return admin, course, module


def test_create_assessment_with_inline_questions_and_choices(client, author):
    admin, course, module = author
    client.force_login(admin)
    add_url = reverse("wagtailsnippets_assessments_assessment:add")
    page = client.get(add_url)
    assert page.status_code == 200 and b"questions-__prefix__-choices-TOTAL_FORMS" in page.content
    assert b"Multiple choice is scored with partial credit" in page.content
    response = client.post(add_url, _form(course, module))
    assert response.status_code == 302, response.content.decode()[:3000]
    assessment = Assessment.objects.get(module=module)
    question = Question.objects.get(assessment=assessment)
    assert question.text == "Which is an open question?"
    assert list(Choice.objects.filter(question=question).values_list("text", "is_correct")) == [
        ("What brings you here today?", True),
        ("Are you sober?", False),
    ]
    edit = client.get(reverse("wagtailsnippets_assessments_assessment:edit", args=[assessment.pk]))
    assert edit.status_code == 200 and b"What brings you here today?" in edit.content


def test_admin_refuses_module_from_another_course(client, author, catalogue):
    admin, course, module = author
    other = base.make_course(catalogue, title="Elsewhere")
    client.force_login(admin)
    data = _form(other, module)
    response = client.post(reverse("wagtailsnippets_assessments_assessment:add"), data)
    assert response.status_code == 200 and b"This module belongs to another course." in response.content
    assert not Assessment.objects.exists()


def test_preview_renders_quiz_as_trainee_sees_it(client, author):
    admin, course, module = author
    client.force_login(admin)
    url = reverse("wagtailsnippets_assessments_assessment:preview_on_add")
    posted = client.post(url, _form(course, module))
    assert posted.status_code == 200 and posted.json()["is_valid"]
    preview = client.get(url)
    html = preview.content.decode()
    assert preview.status_code == 200
    assert "Which is an open question?" in html and "Are you sober?" in html
    assert 'type="radio"' in html
    assert "SECRET EXPLANATION" not in html and "correct answer" not in html


def test_preview_lists_problems(client, author):
    admin, course, module = author
    client.force_login(admin)
    data = _form(course, module)
    data.pop("questions-0-choices-0-is_correct")
    url = reverse("wagtailsnippets_assessments_assessment:preview_on_add")
    client.post(url, data)
    html = client.get(url).content.decode()
    assert "Not ready for trainees yet" in html and "exactly one correct" in html


def test_trainee_cannot_reach_admin(client, author, trainee):
    client.force_login(trainee)
    response = client.get(reverse("wagtailsnippets_assessments_assessment:list"))
    assert response.status_code in (302, 403)

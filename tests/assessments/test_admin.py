"""Authoring in the Wagtail admin: an assessment with inline questions and their choices, and a
preview that renders the quiz as a trainee sees it (no answer key)."""

import pytest
from django.urls import reverse

from assessments.models import Assessment, Choice, Question
from tests import factories as base

from .factories import empty_formset

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
        **empty_formset("translations"),
        **empty_formset("questions-0-translations"),
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


def _instructor_with_permissions(courses):
    from django.contrib.auth.models import Permission

    from lms.models import User

    user = base.InstructorFactory()
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        *Permission.objects.filter(content_type__app_label="assessments"),
    )
    for course in courses:
        course.instructors.add(user)
        course.save_revision().publish()
    return User.objects.get(pk=user.pk)


def test_instructor_authors_only_their_courses(client, author, catalogue):
    _, course, module = author
    other = base.make_course(catalogue, title="Not mine")
    other_module = base.make_module(other, title="Theirs")
    mine = Assessment.objects.create(course=course, module=module, kind="module_quiz", title="Mine")
    theirs = Assessment.objects.create(course=other, module=other_module, kind="module_quiz", title="Theirs")
    instructor = _instructor_with_permissions([course])
    client.force_login(instructor)
    listing = client.get(reverse("wagtailsnippets_assessments_assessment:list")).content.decode()
    assert "Mine" in listing and "Theirs" not in listing
    assert (
        client.get(reverse("wagtailsnippets_assessments_assessment:edit", args=[mine.pk])).status_code == 200
    )
    for name in ("edit", "delete", "preview_on_edit"):
        response = client.get(reverse(f"wagtailsnippets_assessments_assessment:{name}", args=[theirs.pk]))
        # Wagtail turns PermissionDenied into a redirect to the dashboard with a message.
        assert response.status_code in (302, 403), name
        assert response.status_code == 403 or response["Location"] == "/admin/", name
    deleted = client.post(reverse("wagtailsnippets_assessments_assessment:delete", args=[theirs.pk]))
    assert deleted.status_code in (302, 403)
    assert Assessment.objects.filter(pk=theirs.pk).exists()
    theirs.delete()
    added = client.post(reverse("wagtailsnippets_assessments_assessment:add"), _form(other, other_module))
    assert added.status_code == 200 and b"courses you teach" in added.content
    assert not Assessment.objects.filter(module=other_module).exists()

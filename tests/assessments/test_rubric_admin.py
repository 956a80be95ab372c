"""Rubrics in the Wagtail admin belong to a course: an instructor (with the seeded Instructor group's
permissions) lists, edits and deletes only the rubrics of courses they teach, creates rubrics only for
them, and cannot put another course's rubric on their essays; program administrators edit every
rubric, including shared ones (no course)."""

from decimal import Decimal

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from assessments import seed as assessments_seed
from assessments.models import Assessment, Question, Rubric, RubricLevel
from lms import roles
from tests import factories as base

from .factories import ESSAY, make_assessment, make_rubric

pytestmark = pytest.mark.django_db

LIST = "wagtailsnippets_assessments_rubric:list"
ADD = "wagtailsnippets_assessments_rubric:add"


def _url(name, rubric):
    return reverse(f"wagtailsnippets_assessments_rubric:{name}", args=[rubric.pk])


@pytest.fixture
def groups(db):
    """The demo groups' permissions, as seed_demo grants them."""
    from django.contrib.auth.models import Permission

    assessments_seed._grant_permissions()
    for role in (roles.INSTRUCTOR, roles.PROGRAM_ADMIN):
        Group.objects.get(name=role).permissions.add(Permission.objects.get(codename="access_admin"))


@pytest.fixture
def courses(catalogue, instructor, groups):
    mine = base.make_course(catalogue, title="Mine", instructors=[instructor])
    theirs = base.make_course(catalogue, title="Theirs", instructors=[base.InstructorFactory()])
    return mine, theirs


def _form(rubric=None, *, title="Rubric", course=None, points="4"):
    """The rubric edit form: one criterion with one level (existing ids kept when editing)."""
    criterion = rubric.criteria.first() if rubric else None
    level = criterion.levels.first() if criterion else None
    return {
        "title": title,
        "course": str(course.pk) if course else "",
        "description": "",
        "criteria-TOTAL_FORMS": "1",
        "criteria-INITIAL_FORMS": "1" if criterion else "0",
        "criteria-MIN_NUM_FORMS": "1",
        "criteria-MAX_NUM_FORMS": "1000",
        "criteria-0-id": str(criterion.pk) if criterion else "",
        "criteria-0-ORDER": "1",
        "criteria-0-name": "Spirit",
        "criteria-0-description": "",
        "criteria-0-levels-TOTAL_FORMS": "1",
        "criteria-0-levels-INITIAL_FORMS": "1" if level else "0",
        "criteria-0-levels-MIN_NUM_FORMS": "1",
        "criteria-0-levels-MAX_NUM_FORMS": "1000",
        "criteria-0-levels-0-id": str(level.pk) if level else "",
        "criteria-0-levels-0-ORDER": "1",
        "criteria-0-levels-0-label": "Top",
        "criteria-0-levels-0-points": points,
        "criteria-0-levels-0-descriptor": "",
    }


ONE_LEVEL = [{"name": "Spirit", "levels": [("Top", 4, "")]}]


def _refused(response):
    # Wagtail turns PermissionDenied into a redirect to the dashboard with a message.
    return response.status_code == 403 or (response.status_code == 302 and response["Location"] == "/admin/")


def test_instructor_cannot_edit_another_courses_rubric(client, instructor, courses):
    mine, theirs = courses
    other = make_rubric(ONE_LEVEL, title="Their rubric", course=theirs)
    shared = make_rubric(ONE_LEVEL, title="Shared rubric")
    client.force_login(instructor)
    for rubric in (other, shared):
        for name in ("edit", "delete", "history", "usage"):
            assert _refused(client.get(_url(name, rubric))), name
        edited = client.post(_url("edit", rubric), _form(rubric, title="Hacked", course=mine, points="400"))
        assert _refused(edited)
        assert _refused(client.post(_url("delete", rubric)))
        rubric.refresh_from_db()
        assert rubric.title != "Hacked" and rubric.course_id != mine.pk
        assert RubricLevel.objects.get(criterion__rubric=rubric).points == Decimal("4")
    listing = client.get(reverse(LIST)).content.decode()
    assert "Their rubric" not in listing and "Shared rubric" not in listing


def test_instructor_edits_and_creates_rubrics_of_their_courses(client, instructor, courses):
    mine, theirs = courses
    rubric = make_rubric(ONE_LEVEL, title="My rubric", course=mine)
    client.force_login(instructor)
    assert "My rubric" in client.get(reverse(LIST)).content.decode()
    assert client.get(_url("edit", rubric)).status_code == 200
    saved = client.post(_url("edit", rubric), _form(rubric, title="My rubric", course=mine, points="5"))
    assert saved.status_code == 302 and saved["Location"] != "/admin/"
    assert RubricLevel.objects.get(criterion__rubric=rubric).points == Decimal("5")
    # Moving it to a course they do not teach, or creating one there (or shared), is refused.
    moved = client.post(_url("edit", rubric), _form(rubric, title="My rubric", course=theirs))
    assert moved.status_code == 200 and b"Choose a course you teach" in moved.content
    for course in (theirs, None):
        added = client.post(reverse(ADD), _form(title="New", course=course))
        assert added.status_code == 200 and b"Choose a course you teach" in added.content
    assert not Rubric.objects.filter(title="New").exists()
    assert client.post(reverse(ADD), _form(title="New", course=mine)).status_code == 302
    assert Rubric.objects.get(title="New").course == mine


def test_program_admin_edits_every_rubric(client, program_admin, courses, groups):
    _, theirs = courses
    for rubric in (
        make_rubric(ONE_LEVEL, title="Theirs", course=theirs),
        make_rubric(ONE_LEVEL, title="Shared"),
    ):
        client.force_login(program_admin)
        assert client.get(_url("edit", rubric)).status_code == 200
        saved = client.post(_url("edit", rubric), _form(rubric, title=rubric.title, points="3"))
        assert saved.status_code == 302 and saved["Location"] != "/admin/"
        assert RubricLevel.objects.get(criterion__rubric=rubric).points == Decimal("3")


def test_essay_cannot_use_another_courses_rubric(courses):
    mine, theirs = courses
    module = base.make_module(mine, title="One")
    assessment = make_assessment(mine, module=module, questions=[])
    question = Question(assessment=assessment, kind="essay", text="Why?", rubric=make_rubric(course=theirs))
    with pytest.raises(Exception) as exc:
        question.full_clean()
    assert "belongs to another course" in str(exc.value)
    question.rubric = make_rubric(course=mine, title="Mine")
    question.full_clean()
    question.rubric = make_rubric(title="Shared")
    question.full_clean()


def test_seeded_rubrics_belong_to_their_course(courses):
    mine, _ = courses
    make_assessment(mine, questions=[ESSAY])
    exam = Assessment.objects.get(course=mine, kind="final_exam")
    assert {q.rubric.course_id for q in exam.questions.filter(kind="essay")} == {mine.pk}

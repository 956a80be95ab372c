"""Authoring safer exams outside the question form: the API that pins questions and makes a rubric
criterion must-pass (who may: the course's instructors and program administrators; refusals reveal
nothing), and the rubric form's must-pass checks (the minimum must be one of the criterion's levels,
not its lowest; every error keeps what was typed)."""

import re
from decimal import Decimal
from html import unescape

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from assessments import rules
from assessments import seed as assessments_seed
from assessments.models import Question, RubricCriterion
from lms.models import AuditEvent
from tests import factories as base

from .factories import ESSAY, QUIZ, make_assessment, make_rubric

pytestmark = pytest.mark.django_db

LEVELS = [("Not yet", 0, "a"), ("Developing", 2, "b"), ("Proficient", 4, "c")]


@pytest.fixture
def authoring(catalogue, instructor):
    """A course taught by `instructor` (final exam drawing 3 of 6, with an essay), another course's exam,
    and a shared rubric; the demo groups' model permissions, as seed_demo grants them."""
    assessments_seed._grant_permissions()
    course = base.make_course(catalogue, title="Crisis response", instructors=[instructor])
    exam = make_assessment(course, questions=QUIZ + [ESSAY], questions_per_attempt=3)
    other = make_assessment(
        base.make_course(catalogue, title="Elsewhere", instructors=[base.InstructorFactory()]),
        questions=QUIZ + [ESSAY],
    )
    shared = make_rubric([{"name": "Safety", "levels": LEVELS}], title="Shared rubric")
    return exam, other, shared


def _pins_url(assessment_id):
    return f"/api/v1/assessments/{assessment_id}/pinned-questions"


def _must_pass_url(criterion):
    return f"/api/v1/rubrics/{criterion.rubric_id}/criteria/{criterion.pk}/must-pass"


def _put(client, url, body):
    return client.put(url, body, content_type="application/json")


def _criterion(assessment):
    return RubricCriterion.objects.filter(rubric__questions__assessment=assessment).order_by("pk").first()


# --- pins through the API ------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["instructor", "program_admin"])
def test_authors_pin_questions(client, authoring, instructor, program_admin, who):
    exam, _, _ = authoring
    ids = list(exam.questions.filter(kind__in=["multiple", "essay"]).values_list("pk", flat=True))
    client.force_login({"instructor": instructor, "program_admin": program_admin}[who])
    response = _put(client, _pins_url(exam.pk), {"question_ids": ids})
    assert response.status_code == 200, response.content
    assert response.json() == {
        "assessment_id": exam.pk,
        "questions_per_attempt": 3,
        "pool_size": 6,
        "pinned_question_ids": ids,
    }
    assert set(exam.questions.filter(always_include=True).values_list("pk", flat=True)) == set(ids)
    assert AuditEvent.objects.filter(action="assessment.pins_set").count() == 1


def test_more_pinned_than_drawn_is_a_422_that_changes_nothing(client, authoring, instructor):
    exam, _, _ = authoring
    before = set(exam.questions.filter(always_include=True).values_list("pk", flat=True))
    client.force_login(instructor)
    ids = list(exam.questions.values_list("pk", flat=True))[:4]
    response = _put(client, _pins_url(exam.pk), {"question_ids": ids})
    assert response.status_code == 422
    body = response.json()
    assert body["code"] == "too_many_pinned" and body["field"] == "question_ids"
    assert body["detail"] == rules.ERR_TOO_MANY_PINNED.format(pinned=4, drawn=3)
    assert set(exam.questions.filter(always_include=True).values_list("pk", flat=True)) == before


def test_pinning_a_question_of_another_assessment_is_a_422(client, authoring, instructor):
    exam, other, _ = authoring
    client.force_login(instructor)
    response = _put(client, _pins_url(exam.pk), {"question_ids": [other.questions.first().pk]})
    assert response.status_code == 422 and response.json()["code"] == "unknown_question"
    bad = _put(client, _pins_url(exam.pk), {"question_ids": [0]})
    assert bad.status_code == 422  # not an id at all


def test_who_may_pin(client, authoring, trainee, supervisor):
    exam, other, _ = authoring
    body = {"question_ids": []}
    assert _put(client, _pins_url(exam.pk), body).status_code == 401
    for person in (trainee, supervisor):
        client.force_login(person)
        refused = _put(client, _pins_url(exam.pk), body)
        assert refused.status_code == 403 and refused.json()["code"] == "not_author"
        assert _put(client, _pins_url(10**9), body).json() == refused.json()  # whatever the id
    # An instructor of another course: the same 404 as for a missing assessment.
    client.force_login(other.course.instructors.first())
    theirs, missing = _put(client, _pins_url(exam.pk), body), _put(client, _pins_url(10**9), body)
    assert theirs.status_code == missing.status_code == 404 and theirs.json() == missing.json()
    assert not Question.objects.filter(assessment=exam, always_include=False, kind="essay").exists()


def test_an_instructor_without_the_change_permission_is_refused(client, authoring, instructor):
    exam, _, _ = authoring
    from django.contrib.auth.models import Group

    from lms import roles

    Group.objects.get(name=roles.INSTRUCTOR).permissions.remove(
        Permission.objects.get(codename="change_assessment")
    )
    client.force_login(instructor)
    response = _put(client, _pins_url(exam.pk), {"question_ids": []})
    assert response.status_code == 403 and response.json()["code"] == "not_author"
    assert exam.questions.filter(kind="essay", always_include=True).exists()


# --- must-pass through the API -------------------------------------------------------------------


def test_an_instructor_makes_a_criterion_must_pass(client, authoring, instructor):
    exam, _, _ = authoring
    criterion = _criterion(exam)
    client.force_login(instructor)
    response = _put(client, _must_pass_url(criterion), {"must_pass": True, "minimum_level": "  developing "})
    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["id"], body["must_pass"], body["minimum_level"]) == (criterion.pk, True, "Developing")
    assert [lv["label"] for lv in body["levels"]] == ["Not yet", "Developing", "Proficient"]
    criterion.refresh_from_db()
    assert criterion.minimum() == ("Developing", Decimal("2"))
    off = _put(client, _must_pass_url(criterion), {"must_pass": False})
    assert off.status_code == 200 and off.json()["minimum_level"] == ""


@pytest.mark.parametrize(
    "body, message",
    [
        ({"must_pass": True, "minimum_level": "Excellent"}, "is not one of this criterion's levels"),
        ({"must_pass": True, "minimum_level": "Not yet"}, "is this criterion's lowest level"),
        ({"must_pass": True, "minimum_level": ""}, "needs its minimum level"),
        ({"must_pass": False, "minimum_level": "Developing"}, "Tick “must pass”"),
    ],
)
def test_a_bad_minimum_is_a_422_that_changes_nothing(client, authoring, instructor, body, message):
    exam, _, _ = authoring
    criterion = _criterion(exam)
    client.force_login(instructor)
    response = _put(client, _must_pass_url(criterion), body)
    assert response.status_code == 422
    assert response.json()["field"] == "minimum_level" and message in response.json()["detail"]
    criterion.refresh_from_db()
    assert (criterion.must_pass, criterion.minimum_level) == (False, "")


def test_who_may_set_must_pass(client, authoring, instructor, trainee, supervisor, program_admin):
    exam, other, shared = authoring
    mine, theirs, shared_criterion = _criterion(exam), _criterion(other), shared.criteria.get()
    body = {"must_pass": True, "minimum_level": "Developing"}
    assert _put(client, _must_pass_url(mine), body).status_code == 401
    for person in (trainee, supervisor):
        client.force_login(person)
        assert _put(client, _must_pass_url(mine), body).status_code == 403
    client.force_login(instructor)
    missing = _put(client, f"/api/v1/rubrics/{mine.rubric_id}/criteria/{10**9}/must-pass", body)
    assert missing.status_code == 404
    # Another course's rubric, a shared rubric, or a criterion named under the wrong rubric: as missing.
    for url in (
        _must_pass_url(theirs),
        _must_pass_url(shared_criterion),
        f"/api/v1/rubrics/{theirs.rubric_id}/criteria/{mine.pk}/must-pass",
    ):
        refused = _put(client, url, body)
        assert refused.status_code == 404 and refused.json() == missing.json(), url
    assert not RubricCriterion.objects.filter(must_pass=True).exists()
    client.force_login(program_admin)
    for criterion in (theirs, shared_criterion):
        assert _put(client, _must_pass_url(criterion), body).status_code == 200
    assert RubricCriterion.objects.filter(must_pass=True).count() == 2


# --- the rubric form -----------------------------------------------------------------------------


def _rubric_form(course, *, must_pass, minimum, levels=LEVELS):
    data = {
        "title": "Crisis essay",
        "course": str(course.pk),
        "description": "",
        "criteria-TOTAL_FORMS": "1",
        "criteria-INITIAL_FORMS": "0",
        "criteria-MIN_NUM_FORMS": "1",
        "criteria-MAX_NUM_FORMS": "1000",
        "criteria-0-id": "",
        "criteria-0-ORDER": "1",
        "criteria-0-name": "Connecting to help safely",
        "criteria-0-description": "",
        "criteria-0-minimum_level": minimum,
        "criteria-0-levels-TOTAL_FORMS": str(len(levels)),
        "criteria-0-levels-INITIAL_FORMS": "0",
        "criteria-0-levels-MIN_NUM_FORMS": "1",
        "criteria-0-levels-MAX_NUM_FORMS": "1000",
    }
    if must_pass:
        data["criteria-0-must_pass"] = "on"
    for i, (label, points, descriptor) in enumerate(levels):
        p = f"criteria-0-levels-{i}-"
        data.update(
            {
                p + "id": "",
                p + "ORDER": str(i + 1),
                p + "label": label,
                p + "points": str(points),
                p + "descriptor": descriptor,
            }
        )
    return data


ADD = "wagtailsnippets_assessments_rubric:add"


@pytest.mark.parametrize(
    "must_pass, minimum, levels, message",
    [
        (True, "Excellent", LEVELS, "“Excellent” is not one of this criterion's levels"),
        (True, "Not yet", LEVELS, "“Not yet” is this criterion's lowest level"),
        (True, "", LEVELS, "A must-pass criterion needs its minimum level"),
        (False, "Developing", LEVELS, "Tick “must pass” to use a minimum level"),
        (True, "Developing", LEVELS + [("Developing", 3, "d")], "Two levels of this criterion are called"),
    ],
)
def test_the_rubric_form_refuses_a_bad_minimum_and_keeps_what_was_typed(
    client, authoring, instructor, must_pass, minimum, levels, message
):
    exam, _, _ = authoring
    instructor.groups.first().permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(instructor)
    data = _rubric_form(exam.course, must_pass=must_pass, minimum=minimum, levels=levels)
    response = client.post(reverse(ADD), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert message in unescape(html)
    assert not RubricCriterion.objects.filter(name="Connecting to help safely").exists()
    field = re.search(r'<input[^>]*name="criteria-0-minimum_level"[^>]*>', html).group(0)
    assert f'value="{minimum}"' in field or (not minimum and "value=" not in field)


def test_the_rubric_form_saves_a_must_pass_criterion_with_the_levels_label(client, authoring, instructor):
    exam, _, _ = authoring
    instructor.groups.first().permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(instructor)
    response = client.post(reverse(ADD), _rubric_form(exam.course, must_pass=True, minimum="proficient"))
    assert response.status_code == 302, response.content.decode()[:2000]
    criterion = RubricCriterion.objects.get(name="Connecting to help safely")
    assert (criterion.must_pass, criterion.minimum_level) == (True, "Proficient")
    assert criterion.minimum() == ("Proficient", Decimal("4"))

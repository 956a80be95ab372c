from decimal import Decimal

import pytest
from django.urls import reverse

from courses import services
from courses.models import Enrollment, ModuleProgress
from tests.factories import DomainFactory, make_course

from .factories import course_with_modules

pytestmark = pytest.mark.django_db
API = "/api/v1"


def _counts():
    return Enrollment.objects.count(), ModuleProgress.objects.count()


def test_catalogue_list_search_and_filter(client, catalogue):
    ethics = DomainFactory(slug="eth-api", name="Ethics API")
    make_course(catalogue, title="Crisis response", summary="Overdose and naloxone", ce_eligible=True)
    make_course(
        catalogue, title="Ethics", summary="Boundaries", domains=[ethics], estimated_hours=Decimal("4.5")
    )
    draft = make_course(catalogue, title="Draft")
    draft.unpublish()

    body = client.get(f"{API}/courses").json()
    assert [c["title"] for c in body] == ["Crisis response", "Ethics"]
    ethics_row = body[1]
    assert set(ethics_row) == {
        "id",
        "title",
        "slug",
        "summary",
        "estimated_hours",
        "ce_eligible",
        "domains",
        "url",
    }
    assert ethics_row["estimated_hours"] == 4.5
    assert ethics_row["domains"] == [{"slug": "eth-api", "name": "Ethics API"}]
    assert body[0]["ce_eligible"] is True

    assert [c["title"] for c in client.get(f"{API}/courses", {"q": "naloxone"}).json()] == ["Crisis response"]
    assert [c["title"] for c in client.get(f"{API}/courses", {"domain": "eth-api"}).json()] == ["Ethics"]
    assert client.get(f"{API}/courses", {"domain": "nope"}).json() == []


def test_course_detail_anonymous_has_no_progress(client, catalogue):
    course, modules = course_with_modules(catalogue, title="Listening", n=2)
    body = client.get(f"{API}/courses/{course.pk}").json()
    assert [m["id"] for m in body["modules"]] == [m.pk for m in modules]
    assert [m["position"] for m in body["modules"]] == [1, 2]
    assert all(m["state"] is None for m in body["modules"])
    assert body["enrollment"] is None


@pytest.mark.parametrize("who", ["anonymous", "other_trainee", "owner"])
def test_course_detail_progress_is_only_the_callers(client, catalogue, trainee, other_trainee, who):
    course, modules = course_with_modules(catalogue, n=3)
    services.enrollment_create(user=trainee, course=course)
    services.module_complete(user=trainee, module=modules[0])
    if who != "anonymous":
        client.force_login(trainee if who == "owner" else other_trainee)
    body = client.get(f"{API}/courses/{course.pk}").json()
    states = [m["state"] for m in body["modules"]]
    if who == "owner":
        assert states == ["done", "open", "locked"]
        assert body["enrollment"]["status"] == "active"
        assert body["enrollment"]["percent"] == 33
        assert body["enrollment"]["modules_done"] == 1
        assert body["enrollment"]["next_module_id"] == modules[1].pk
    elif who == "other_trainee":
        assert states == ["locked", "locked", "locked"]
        assert body["enrollment"] is None
    else:
        assert states == [None, None, None]
        assert body["enrollment"] is None


@pytest.mark.parametrize("course_id", ["999999", "abc"])
def test_course_detail_unknown_is_4xx_json(client, catalogue, course_id):
    response = client.get(f"{API}/courses/{course_id}")
    assert response.status_code in (404, 422)
    assert response["Content-Type"].startswith("application/json")
    if course_id == "999999":
        assert response.status_code == 404
        assert response.json()["code"] == "not_found"


def test_unpublished_course_is_404(client, catalogue, trainee):
    course, _ = course_with_modules(catalogue, n=1)
    course.unpublish()
    client.force_login(trainee)
    assert client.get(f"{API}/courses/{course.pk}").status_code == 404
    assert client.post(f"{API}/courses/{course.pk}/enrol").status_code == 404
    assert _counts() == (0, 0)


def test_enrol_201_then_409(client, catalogue, trainee):
    course, _ = course_with_modules(catalogue, n=1)
    client.force_login(trainee)
    first = client.post(f"{API}/courses/{course.pk}/enrol")
    assert first.status_code == 201
    assert first.json()["course_id"] == course.pk and first.json()["status"] == "active"
    second = client.post(f"{API}/courses/{course.pk}/enrol")
    assert second.status_code == 409
    assert second.json()["code"] == "already_enrolled"
    assert _counts() == (1, 0)


def test_enrol_anonymous_401_and_unknown_404(client, catalogue, trainee):
    course, _ = course_with_modules(catalogue, n=1)
    assert client.post(f"{API}/courses/{course.pk}/enrol").status_code == 401
    client.force_login(trainee)
    response = client.post(f"{API}/courses/999999/enrol")
    assert response.status_code == 404
    assert response.json()["detail"]
    assert _counts() == (0, 0)


def test_enrol_with_unmet_prerequisites_403(client, catalogue, trainee):
    basics, basics_modules = course_with_modules(catalogue, title="Basics", n=1)
    advanced = make_course(catalogue, title="Advanced", prerequisites=[basics])
    client.force_login(trainee)
    response = client.post(f"{API}/courses/{advanced.pk}/enrol")
    assert response.status_code == 403
    assert response.json()["code"] == "prerequisites"
    assert "Basics" in response.json()["detail"]
    assert _counts() == (0, 0)
    detail = client.get(f"{API}/courses/{advanced.pk}").json()
    assert detail["prerequisites"] == [{"id": basics.pk, "title": "Basics", "completed": False}]

    services.enrollment_create(user=trainee, course=basics)
    services.module_complete(user=trainee, module=basics_modules[0])  # completes Basics
    assert client.post(f"{API}/courses/{advanced.pk}/enrol").status_code == 201


def test_complete_module_flow(client, catalogue, trainee):
    domain = DomainFactory(slug="dom-api")
    course, modules = course_with_modules(catalogue, n=2, hours=Decimal("0.75"), domain=domain)
    client.force_login(trainee)
    assert client.post(f"{API}/modules/{modules[0].pk}/complete").status_code == 403  # not enrolled
    assert _counts() == (0, 0)
    client.post(f"{API}/courses/{course.pk}/enrol")

    locked = client.post(f"{API}/modules/{modules[1].pk}/complete")
    assert locked.status_code == 403
    assert locked.json()["code"] == "module_locked"
    assert _counts() == (1, 0)

    done = client.post(f"{API}/modules/{modules[0].pk}/complete")
    assert done.status_code == 200
    body = done.json()
    assert body["hours_credited"] == 0.75
    assert body["domain"]["slug"] == "dom-api"
    assert body["revision_id"] == modules[0].live_revision_id
    assert body["course_completed"] is False
    assert body["next_module_id"] == modules[1].pk

    twice = client.post(f"{API}/modules/{modules[0].pk}/complete")
    assert twice.status_code == 409
    assert _counts() == (1, 1)

    last = client.post(f"{API}/modules/{modules[1].pk}/complete").json()
    assert last["course_completed"] is True and last["next_module_id"] is None


def test_complete_module_anonymous_401_unknown_404(client, catalogue, trainee):
    _, modules = course_with_modules(catalogue, n=1)
    assert client.post(f"{API}/modules/{modules[0].pk}/complete").status_code == 401
    client.force_login(trainee)
    response = client.post(f"{API}/modules/999999/complete")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"
    assert _counts() == (0, 0)


@pytest.mark.parametrize("who", ["anonymous", "other_trainee", "owner"])
def test_my_progress_permission_matrix(client, catalogue, trainee, other_trainee, who):
    domain = DomainFactory(slug="dom-me")
    course, modules = course_with_modules(catalogue, title="Mine", n=4, hours=Decimal("0.25"), domain=domain)
    services.enrollment_create(user=trainee, course=course)
    services.module_complete(user=trainee, module=modules[0])
    if who != "anonymous":
        client.force_login(trainee if who == "owner" else other_trainee)
    response = client.get(f"{API}/me/progress")
    if who == "anonymous":
        assert response.status_code == 401
        return
    assert response.status_code == 200
    body = response.json()
    hours = {row["slug"]: row["hours"] for row in body["hours_by_domain"]}
    assert "advocacy" in hours  # every domain listed, zero included
    if who == "other_trainee":
        assert body["enrollments"] == [] and body["next_step"] is None
        assert body["total_hours"] == 0 and hours["dom-me"] == 0
    else:
        assert body["enrollments"][0]["course_title"] == "Mine"
        assert body["enrollments"][0]["percent"] == 25
        assert hours["dom-me"] == 0.25 and body["total_hours"] == 0.25
        assert body["next_step"]["module_id"] == modules[1].pk


def test_api_docs_render(client):
    assert client.get(reverse("api-1:openapi-json")).status_code == 200

"""The "Edit this page" link on CMS pages: only for people who may edit the page, never Wagtail's user
bar script on the front end."""

import pytest
from django.urls import reverse

from courses import seed as courses_seed
from tests import factories as base

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(catalogue):
    courses_seed._grant_permissions(catalogue)
    teacher = base.InstructorFactory()
    other_teacher = base.InstructorFactory()
    course = base.make_course(catalogue, title="Listening", instructors=[teacher])
    base.make_course(catalogue, title="Ethics", instructors=[other_teacher])
    return {
        "catalogue": catalogue,
        "course": course,
        "teacher": teacher,
        "other_teacher": other_teacher,
    }


def _edit_href(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


@pytest.mark.parametrize(
    "who,sees",
    [
        ("anonymous", False),
        ("trainee", False),
        ("supervisor", False),
        ("other_teacher", False),
        ("teacher", True),
        ("admin", True),
    ],
)
def test_edit_link_only_for_who_may_edit(client, world, who, sees):
    people = {
        "trainee": base.TraineeFactory,
        "supervisor": base.SupervisorFactory,
        "admin": base.ProgramAdminFactory,
    }
    if who in people:
        client.force_login(people[who]())
    elif who != "anonymous":
        client.force_login(world[who])
    page = world["course"]
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert (_edit_href(page) in html) is sees
    assert "wagtail-userbar" not in html
    assert "wagtailuserbar" not in html


def test_catalogue_is_edited_by_program_admins_not_instructors(client, world):
    client.force_login(world["teacher"])
    assert _edit_href(world["catalogue"]) not in client.get(world["catalogue"].url).content.decode()
    client.force_login(base.ProgramAdminFactory())
    assert _edit_href(world["catalogue"]) in client.get(world["catalogue"].url).content.decode()


def test_the_link_opens_the_editor_for_the_teacher(client, world):
    client.force_login(world["teacher"])
    assert client.get(_edit_href(world["course"])).status_code == 200
    client.force_login(world["other_teacher"])
    assert client.get(_edit_href(world["course"])).status_code in (302, 403)

import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from wagtail.models import GroupPagePermission, Revision

from courses.curriculum.parse import read_curriculum
from courses.models import CatalogPage, CompetencyDomain, CoursePage, Enrollment, ModulePage, ModuleProgress
from courses.seed import seed_courses
from lms import roles
from tests.factories import InstructorFactory, TraineeFactory

from .factories import assert_accessible_basics

pytestmark = pytest.mark.django_db

# Two courses in files (docs/authoring.md): "first" (modules one, two) and "second" (three), needing first.
SMALL = Path(__file__).resolve().parent / "curriculum_small"


def small_curriculum():
    return read_curriculum(SMALL)


def small_copy(tmp_path) -> Path:
    """A copy of the small curriculum's files to edit in a test."""
    return Path(shutil.copytree(SMALL, tmp_path / "curriculum"))


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1))


@pytest.fixture
def users(db):
    return {"trainee": TraineeFactory(), "instructor": InstructorFactory()}


def _counts():
    return {
        "catalogs": CatalogPage.objects.count(),
        "courses": CoursePage.objects.count(),
        "modules": ModulePage.objects.count(),
        "domains": CompetencyDomain.objects.count(),
        "enrollments": Enrollment.objects.count(),
        "progress": ModuleProgress.objects.count(),
        "page_perms": GroupPagePermission.objects.count(),
    }


def test_seed_small_curriculum_is_complete_and_idempotent(home, users, tmp_path):
    courses = seed_courses(home=home, users=users, curriculum=small_curriculum())
    first_counts = _counts()
    assert set(courses) == {"first", "second"}
    first, second = courses["first"], courses["second"]
    assert first.live and first.live_revision_id and first.get_parent().specific.slug == "courses"
    assert [m.slug for m in ModulePage.objects.child_of(first).live().order_by("path")] == ["one", "two"]
    assert list(second.prerequisites.all()) == [first]
    assert set(second.domains.values_list("slug", flat=True)) == {"advocacy", "test-new-domain"}
    assert users["instructor"] in first.instructors.all() and users["instructor"] in second.instructors.all()
    one = ModulePage.objects.get(slug="one")
    assert one.training_hours == Decimal("1.25") and one.domain.slug == "advocacy"
    assert [b.block_type for b in one.body] == ["heading", "paragraph", "callout", "reflection", "scenario"]
    assert CompetencyDomain.objects.get(slug="advocacy").name == "Advocacy (test)"

    enrollment = Enrollment.objects.get(user=users["trainee"])
    assert enrollment.course_id == first.pk
    progress = ModuleProgress.objects.get(enrollment=enrollment)
    assert progress.module_id == one.pk and progress.hours_credited == Decimal("1.25")
    assert progress.revision_id is not None

    instructor_group = Group.objects.get(name=roles.INSTRUCTOR)
    admin_group = Group.objects.get(name=roles.PROGRAM_ADMIN)
    catalog = CatalogPage.objects.get()
    codenames = lambda g: set(  # noqa: E731
        GroupPagePermission.objects.filter(group=g, page=catalog).values_list(
            "permission__codename", flat=True
        )
    )
    assert codenames(instructor_group) == {"add_page", "change_page"}
    assert codenames(admin_group) == {"add_page", "change_page", "publish_page"}
    assert admin_group.permissions.filter(codename="change_competencydomain").exists()
    assert not instructor_group.permissions.filter(codename="change_competencydomain").exists()

    renamed = small_copy(tmp_path)
    edit(renamed / "domains.yaml", "Advocacy (test)", "Advocacy renamed")
    again = seed_courses(home=home, users=users, curriculum=renamed)
    assert _counts() == first_counts
    assert {k: v.pk for k, v in again.items()} == {k: v.pk for k, v in courses.items()}
    assert CompetencyDomain.objects.get(slug="advocacy").name == "Advocacy renamed"  # updated in place


def test_seed_updates_edited_module_in_place(home, users, tmp_path):
    curriculum = small_copy(tmp_path)
    seed_courses(home=home, users=users, curriculum=curriculum)
    edit(curriculum / "first" / "02-two.md", "title: Two", "title: Two, revised")
    revisions_before = Revision.page_revisions.filter(
        object_id=str(ModulePage.objects.get(slug="two").pk)
    ).count()
    seed_courses(home=home, users=users, curriculum=curriculum)
    two = ModulePage.objects.get(slug="two")
    assert two.title == "Two, revised" and two.live
    assert Revision.page_revisions.filter(object_id=str(two.pk)).count() == revisions_before + 1


def test_seed_real_curriculum(client, home, users):
    curriculum = read_curriculum()  # courses/content/

    courses = seed_courses(home=home, users=users)
    counts = _counts()
    revisions = Revision.page_revisions.count()
    assert list(courses) == [c.slug for c in curriculum.courses]
    assert len(courses) >= 3
    for data in curriculum.courses:
        course = courses[data.slug]
        assert course.title == data.title and course.estimated_hours == data.estimated_hours
        modules = list(ModulePage.objects.child_of(course).live().order_by("path"))
        assert [m.slug for m in modules] == [m.slug for m in data.modules]
        assert [(m.title, m.training_hours, m.domain.slug) for m in modules] == [
            (m.title, m.training_hours, m.domain) for m in data.modules
        ]
        assert {p.slug for p in course.prerequisites.all()} == set(data.prerequisites)
        assert {d.slug for d in course.domains.all()} == set(data.domains)
    assert Enrollment.objects.filter(user=users["trainee"]).count() == 1
    assert ModuleProgress.objects.filter(enrollment__user=users["trainee"]).count() == 1

    seed_courses(home=home, users=users)
    assert _counts() == counts
    assert Revision.page_revisions.count() == revisions  # nothing changed, nothing revised

    # The demo trainee reads the real text: every course page, and the second module of the first course.
    client.force_login(users["trainee"])
    for course in courses.values():
        response = client.get(course.url)
        assert response.status_code == 200
        assert_accessible_basics(response.content.decode())
    first = courses[curriculum.courses[0].slug]
    second_module = ModulePage.objects.child_of(first).live().order_by("path")[1]
    response = client.get(second_module.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Scenario:" in html
    assert_accessible_basics(html)
    third_module = ModulePage.objects.child_of(first).live().order_by("path")[2]
    assert client.get(third_module.url).status_code == 403


def test_seeded_site_serves_catalogue_and_trainee_dashboard(client, home, users):
    seed_courses(home=home, users=users, curriculum=small_curriculum())
    response = client.get("/learn/", follow=True)
    assert response.status_code == 200
    assert "First course" in response.content.decode()
    client.force_login(users["trainee"])
    html = client.get("/learn/dashboard/").content.decode()
    assert "1 of 2 modules done" in html
    assert "Two" in html  # the next step

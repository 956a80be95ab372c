"""Gating is enforced on the server: typing a module's URL never shows its text to someone who may not
read it yet, and the 403 page explains why and where to go."""

import pytest
from django.urls import reverse

from courses import services
from courses.models import ModuleProgress
from tests.factories import InstructorFactory, UserFactory, make_course

from .factories import assert_accessible_basics, course_with_modules

pytestmark = pytest.mark.django_db


@pytest.fixture
def course(catalogue):
    return course_with_modules(catalogue, title="Listening", n=3)


def test_anonymous_is_sent_to_login(client, course):
    _, modules = course
    response = client.get(modules[0].url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert "next=" in response["Location"]


def test_not_enrolled_gets_403_without_module_text(client, course, trainee):
    course_page, modules = course
    client.force_login(trainee)
    response = client.get(modules[0].url)
    assert response.status_code == 403
    html = response.content.decode()
    assert "SECRET-TEXT" not in html
    assert "Enrol in the course first" in html
    assert f'href="{course_page.url}"' in html
    assert_accessible_basics(html)


def test_locked_module_gets_403_with_link_to_next_open_module(client, course, trainee):
    course_page, modules = course
    services.enrollment_create(user=trainee, course=course_page)
    client.force_login(trainee)
    response = client.get(modules[2].url)
    assert response.status_code == 403
    html = response.content.decode()
    assert "SECRET-TEXT" not in html
    assert "opens when you have finished the modules before it" in html
    assert f'href="{modules[0].url}"' in html


def test_open_and_done_modules_are_readable(client, course, trainee):
    course_page, modules = course
    services.enrollment_create(user=trainee, course=course_page)
    client.force_login(trainee)
    first = client.get(modules[0].url)
    assert first.status_code == 200
    html = first.content.decode()
    assert "SECRET-TEXT Listening 1" in html
    assert '<h2 class="block-heading">Heading 1</h2>' in html  # StreamField blocks rendered
    assert reverse("courses:module-complete", args=[modules[0].pk]) in html
    assert "Mark as complete" in html
    assert_accessible_basics(html)

    services.module_complete(user=trainee, module=modules[0])
    assert client.get(modules[0].url).status_code == 200  # done stays readable
    second = client.get(modules[1].url).content.decode()
    assert "SECRET-TEXT Listening 2" in second
    assert f'href="{modules[0].url}" rel="prev"' in second
    assert "opens when you finish this module" in second  # module 3 is still locked


def test_other_trainee_progress_does_not_open_modules(client, course, trainee, other_trainee):
    course_page, modules = course
    services.enrollment_create(user=other_trainee, course=course_page)
    services.module_complete(user=other_trainee, module=modules[0])
    services.enrollment_create(user=trainee, course=course_page)
    client.force_login(trainee)
    assert client.get(modules[1].url).status_code == 403


def test_complete_action_on_locked_module_is_refused_and_changes_nothing(client, course, trainee):
    course_page, modules = course
    services.enrollment_create(user=trainee, course=course_page)
    client.force_login(trainee)
    response = client.post(reverse("courses:module-complete", args=[modules[2].pk]))
    assert response.status_code == 403
    assert "Finish the previous module first." in response.content.decode()
    assert ModuleProgress.objects.count() == 0


def test_complete_action_marks_done_and_goes_to_next_module(client, course, trainee):
    course_page, modules = course
    services.enrollment_create(user=trainee, course=course_page)
    client.force_login(trainee)
    response = client.post(reverse("courses:module-complete", args=[modules[0].pk]))
    assert response.status_code == 302
    assert response["Location"] == modules[1].url
    assert ModuleProgress.objects.filter(enrollment__user=trainee, module=modules[0]).count() == 1
    again = client.post(reverse("courses:module-complete", args=[modules[0].pk]))
    assert again.status_code == 409
    assert ModuleProgress.objects.count() == 1


def test_complete_action_requires_login_and_post(client, course, trainee):
    _, modules = course
    url = reverse("courses:module-complete", args=[modules[0].pk])
    anonymous = client.post(url)
    assert anonymous.status_code == 302 and anonymous["Location"].startswith(reverse("account_login"))
    client.force_login(trainee)
    assert client.get(url).status_code == 405
    assert client.post(reverse("courses:module-complete", args=[999999])).status_code == 404
    assert ModuleProgress.objects.count() == 0


def test_unpublished_module_is_404(client, catalogue, trainee):
    course_page, modules = course_with_modules(catalogue, n=2)
    services.enrollment_create(user=trainee, course=course_page)
    modules[0].unpublish()
    client.force_login(trainee)
    assert client.post(reverse("courses:module-complete", args=[modules[0].pk])).status_code == 404


def test_editor_preview_is_not_gated(client, course):
    """Editors preview a module's revision in the Wagtail admin without being enrolled."""
    _, modules = course
    editor = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(editor)
    revision = modules[2].latest_revision
    url = reverse("wagtailadmin_pages:revisions_view", args=[modules[2].pk, revision.pk])
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "SECRET-TEXT Listening 3" in html
    assert reverse("courses:module-complete", args=[modules[2].pk]) not in html  # no action for an editor
    assert "Preview: trainees see" in html


def test_course_page_enrol_button_and_continue(client, course, trainee):
    course_page, modules = course
    client.force_login(trainee)
    html = client.get(course_page.url).content.decode()
    assert reverse("courses:enrol", args=[course_page.pk]) in html
    assert_accessible_basics(html)
    response = client.post(reverse("courses:enrol", args=[course_page.pk]))
    assert response.status_code == 302 and response["Location"] == modules[0].url
    html = client.get(course_page.url).content.decode()
    assert "Continue" in html and f'href="{modules[0].url}"' in html
    assert reverse("courses:enrol", args=[course_page.pk]) not in html


def test_course_with_unmet_prerequisite_refuses_enrolment(client, catalogue, trainee):
    first, _ = course_with_modules(catalogue, title="Basics", n=1)
    advanced = make_course(catalogue, title="Advanced", prerequisites=[first])
    client.force_login(trainee)
    html = client.get(advanced.url).content.decode()
    assert "Finish the prerequisite courses" in html
    assert "Not completed yet" in html
    response = client.post(reverse("courses:enrol", args=[advanced.pk]))
    assert response.status_code == 403
    assert "Basics" in response.content.decode()
    assert not trainee.enrollments.exists()


def test_enrol_twice_and_unknown_course(client, course, trainee):
    course_page, _ = course
    client.force_login(trainee)
    assert client.post(reverse("courses:enrol", args=[course_page.pk])).status_code == 302
    again = client.post(reverse("courses:enrol", args=[course_page.pk]))
    assert again.status_code == 409
    assert "already enrolled" in again.content.decode()
    assert client.post(reverse("courses:enrol", args=[999999])).status_code == 404
    assert trainee.enrollments.count() == 1


def test_the_courses_instructor_and_program_admins_read_every_module_without_enrolling(
    client, course, instructor, program_admin, supervisor
):
    """Staff prepare and answer questions from the text trainees read: no 'enrol first' dead end, a note
    that it is a staff view, and no way to mark it complete."""
    course_page, modules = course
    course_page.instructors.add(instructor)
    course_page.save_revision().publish()
    for person in (instructor, program_admin):
        client.force_login(person)
        response = client.get(modules[2].url)
        assert response.status_code == 200, person
        html = response.content.decode()
        assert "SECRET-TEXT Listening 3" in html
        assert "You are reading this module as staff of the course" in html
        assert "Preview: trainees see" in html and "/complete" not in html
    assert not ModuleProgress.objects.exists()


def test_other_courses_instructor_and_supervisors_still_get_the_locked_page(client, course, supervisor):
    _, modules = course
    other_instructor = InstructorFactory()
    for person in (other_instructor, supervisor):
        client.force_login(person)
        response = client.get(modules[0].url)
        assert response.status_code == 403, person
        assert "SECRET-TEXT" not in response.content.decode()

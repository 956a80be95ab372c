"""The editorial model (docs/editorial.md), through Wagtail's own admin views as each person: instructors
draft and submit the courses they teach, program administrators review and publish. Before the
cms.0002 migration the demo instructor could only "Submit to Moderators approval" (an empty group) and
the administrator then found the page locked by the workflow: these tests would fail on that."""

import importlib

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Page, Workflow, WorkflowPage, WorkflowState
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, rich_text, streamfield

from courses.models import ModulePage
from courses.seed import seed_courses
from lms import roles
from lms.seed import seed_users
from tests import factories as base
from tests.courses.test_seed import small_curriculum

pytestmark = pytest.mark.django_db

REVIEW = "Program administrator review"
EDITED = "Edited by the instructor: a new paragraph on active listening."
editorial_migration = importlib.import_module("cms.migrations.0002_editorial_workflow")


@pytest.fixture
def demo(home):
    """The demo's people (lms.seed) and catalogue permissions (courses.seed), with a small curriculum."""
    users = seed_users()
    seed_courses(home=home, users=users, curriculum=small_curriculum())
    return users


def _edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def _edit(client, page, action, text=EDITED):
    """Load the page's edit form as the logged-in person, change the body and press `action`
    ("action-submit", "action-publish" or "" for Save draft), as the browser would post it."""
    form = client.get(_edit_url(page))
    assert form.status_code == 200, form.status_code
    data = querydict_from_html(form.content.decode(), form_id="page-edit-form")
    data.update(nested_form_data({"body": streamfield([("paragraph", rich_text(f"<p>{text}</p>"))])}))
    if action:
        data[action] = "1"
    return client.post(_edit_url(page), data)


def _live_text(page) -> str:
    return str(ModulePage.objects.get(pk=page.pk).body)


def _approve_url(page):
    state = WorkflowState.objects.get(object_id=str(page.pk), status="in_progress")
    return reverse(
        "wagtailadmin_pages:workflow_action", args=[page.pk, "approve", state.current_task_state.pk]
    )


def test_every_install_has_administrators_as_reviewers_of_every_page():
    """Set by the migration, not the demo seed: the root page (and so every page) goes to review by
    the Program administrator group."""
    root = Page.get_first_root_node()
    workflow = WorkflowPage.objects.get(page=root).workflow
    assert workflow.name == REVIEW and workflow.active
    [task] = [t.specific for t in workflow.tasks]
    assert [g.name for g in task.groups.all()] == [roles.PROGRAM_ADMIN]


def test_instructor_submits_administrator_sees_it_approves_and_the_edit_is_live(client, demo):
    module = ModulePage.objects.get(slug="one")
    before = _live_text(module)

    client.force_login(demo["instructor"])
    html = client.get(_edit_url(module)).content.decode()
    assert f"Submit to {REVIEW}" in html
    assert 'name="action-publish"' not in html  # instructors do not publish (docs/editorial.md)
    response = _edit(client, module, "action-submit")
    assert response.status_code == 302
    state = WorkflowState.objects.get(object_id=str(module.pk), status="in_progress")
    assert state.workflow.name == REVIEW and state.requested_by == demo["instructor"]
    assert _live_text(module) == before  # not live until reviewed

    client.force_login(demo["admin"])
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Awaiting your review" in dashboard and "One" in dashboard
    approve = _approve_url(module)
    assert approve in dashboard  # the Approve button of the dashboard panel
    editor = client.get(_edit_url(module)).content.decode()
    assert "Locked by workflow" not in editor  # the reviewer may open and edit it
    assert client.post(approve).status_code == 302

    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    module.refresh_from_db()
    assert EDITED in _live_text(module)
    assert module.live_revision_id == module.latest_revision_id
    assert not module.has_unpublished_changes

    client.force_login(demo["trainee"])  # the demo trainee is on the first course: module one is open
    assert EDITED in client.get(module.url).content.decode()


def test_reviewer_requests_changes_and_the_instructor_can_edit_and_resubmit(client, demo):
    module = ModulePage.objects.get(slug="one")
    client.force_login(demo["instructor"])
    _edit(client, module, "action-submit")
    assert "Locked by workflow" in client.get(_edit_url(module)).content.decode()  # while in review

    client.force_login(demo["admin"])
    state = WorkflowState.objects.get(object_id=str(module.pk), status="in_progress")
    reject = reverse(
        "wagtailadmin_pages:workflow_action", args=[module.pk, "reject", state.current_task_state.pk]
    )
    assert client.post(reject, {"comment": "Please cite the source."}).status_code == 302
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert EDITED not in _live_text(module)

    client.force_login(demo["instructor"])
    assert "Locked by workflow" not in client.get(_edit_url(module)).content.decode()
    assert _edit(client, module, "action-submit", text="Second try.").status_code == 302
    assert WorkflowState.objects.filter(object_id=str(module.pk), status="in_progress").exists()


def test_instructor_cannot_publish_nor_approve_their_own_submission(client, demo):
    module = ModulePage.objects.get(slug="one")
    before = _live_text(module)
    client.force_login(demo["instructor"])

    response = _edit(client, module, "action-publish")  # a forged Publish press
    assert response.status_code in (200, 302)
    module.refresh_from_db()
    assert _live_text(module) == before and module.has_unpublished_changes  # kept as a draft only

    _edit(client, module, "action-submit")
    response = client.post(_approve_url(module))
    assert response.status_code in (302, 403)
    assert WorkflowState.objects.get(object_id=str(module.pk)).status == WorkflowState.STATUS_IN_PROGRESS
    assert _live_text(module) == before


def test_instructor_cannot_edit_a_course_they_do_not_teach(client, demo):
    other_teacher = base.InstructorFactory()
    client.force_login(other_teacher)
    module = ModulePage.objects.get(slug="one")
    response = client.get(_edit_url(module))
    assert response.status_code in (302, 403)
    assert "page-edit-form" not in response.content.decode()


@pytest.mark.parametrize("role", [roles.TRAINEE, roles.SUPERVISOR])
def test_trainees_and_supervisors_cannot_enter_the_admin(client, demo, role):
    person = {roles.TRAINEE: demo["trainee"], roles.SUPERVISOR: demo["supervisor"]}[role]
    client.force_login(person)
    module = ModulePage.objects.get(slug="one")
    for url in (reverse("wagtailadmin_home"), _edit_url(module)):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith(reverse("wagtailadmin_login"))


def test_anonymous_is_sent_to_log_in(client, demo):
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("wagtailadmin_login"))


def _run_migration():
    editorial_migration.create_editorial_workflow(apps, None)


def test_migration_replaces_wagtails_default_only_when_nobody_moderates():
    root = Page.get_first_root_node()
    default = Workflow.objects.get(name="Moderators approval")
    WorkflowPage.objects.filter(page=root).update(workflow=default)
    moderators = Group.objects.get(name="Moderators")
    base.UserFactory().groups.add(moderators)  # an install that uses Wagtail's Moderators keeps them
    _run_migration()
    assert WorkflowPage.objects.get(page=root).workflow == default

    moderators.user_set.clear()
    _run_migration()  # idempotent: one workflow, one task, administrators as reviewers
    assert WorkflowPage.objects.get(page=root).workflow.name == REVIEW
    assert Workflow.objects.filter(name=REVIEW).count() == 1


def test_migration_leaves_a_custom_root_workflow_alone():
    root = Page.get_first_root_node()
    custom = Workflow.objects.create(name="Board sign-off", active=True)
    WorkflowPage.objects.filter(page=root).update(workflow=custom)
    _run_migration()
    assert WorkflowPage.objects.get(page=root).workflow == custom

"""The editorial model on every install (docs/editorial.md): pages submitted for moderation go to the
program administrators, not to Wagtail's default "Moderators" group (which nobody is in).

Creates the "Program administrator review" workflow, one group-approval task whose reviewers are the
Program administrator group, and puts it on the root page (so every page below inherits it) in place of
Wagtail's default "Moderators approval". An install that already reassigned the root page, or that
put people in the Moderators group, keeps what it chose."""

from django.db import migrations

WORKFLOW_NAME = "Program administrator review"
REVIEWERS = "Program administrator"
DEFAULT_WORKFLOW = "Moderators approval"
DEFAULT_REVIEWERS = "Moderators"


def _root(Page):
    return Page.objects.filter(depth=1).order_by("path").first()


def create_editorial_workflow(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    reviewers, _ = Group.objects.get_or_create(name=REVIEWERS)
    task_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
    task = GroupApprovalTask.objects.filter(name=WORKFLOW_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=WORKFLOW_NAME, content_type=task_type, active=True)
    task.groups.add(reviewers)
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})

    root = _root(Page)
    if root is None:
        return
    assigned = WorkflowPage.objects.filter(page=root).select_related("workflow").first()
    moderators_in_use = Group.objects.filter(name=DEFAULT_REVIEWERS, user__isnull=False).exists()
    if assigned is None:
        WorkflowPage.objects.create(page=root, workflow=workflow)
    elif assigned.workflow.name == DEFAULT_WORKFLOW and not moderators_in_use:
        assigned.workflow = workflow
        assigned.save()


def restore_default_workflow(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    root = _root(Page)
    default = Workflow.objects.filter(name=DEFAULT_WORKFLOW).first()
    assigned = WorkflowPage.objects.filter(page=root, workflow__name=WORKFLOW_NAME).first() if root else None
    if assigned is not None:
        if default is not None:
            assigned.workflow = default
            assigned.save()
        else:
            assigned.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0001_initial"),
        ("lms", "0002_roles"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_editorial_workflow, restore_default_workflow)]

"""Generated admin permission test: every registered Wagtail snippet model
(wagtail.snippets.models.get_snippet_models), Wagtail page model (get_page_models), Django admin model
(django.contrib.admin.site._registry) and admin viewset the project's wagtail_hooks register must have a
row in admin_matrix.ADMIN_MATRIX; each row's actions (list / add / edit) are requested as each of the
five roles, with the demo groups' permissions, and must be allowed or refused as the row says. A model or
viewset registered without a row fails `test_every_admin_model_has_a_row` with its name.

Matrix size: 25 models and viewsets, 53 actions x 5 roles = 265 cases (recomputed by
test_admin_matrix_size; update this line when it changes)."""

import pytest
from django.conf import settings
from django.contrib import admin
from django.urls import reverse
from wagtail import hooks
from wagtail.models import Page, get_page_models
from wagtail.snippets.models import get_snippet_models

from certificates.models import CredentialProgram, ProgramVersion

from .admin_matrix import ADMIN_MATRIX, ADMIN_ROLES, ALLOW, DENY, SCOPED
from .conftest import rolled_back_block

PROJECT_APPS = {"lms", "cms", "courses", "assessments", "certificates"}


def _project_viewsets() -> dict:
    """Viewsets the project's wagtail_hooks register (groups expanded), by name."""
    found = {}
    for fn in hooks.get_hooks("register_admin_viewset"):
        if fn.__module__.split(".")[0] not in PROJECT_APPS:
            continue
        registered = fn()
        for viewset in getattr(registered, "registerables", None) or [registered]:
            found[viewset.name] = viewset
    return found


def _keys() -> list[str]:
    keys = [f"snippet:{m._meta.label}" for m in get_snippet_models()]
    keys += [f"page:{m._meta.label}" for m in get_page_models()]
    keys += [f"django:{m._meta.label}" for m in admin.site._registry]
    keys += [f"viewset:{name}" for name in _project_viewsets()]
    return keys


def test_every_admin_model_has_a_row():
    missing = [key for key in _keys() if key not in ADMIN_MATRIX]
    assert not missing, f"admin models/viewsets with no row in tests/permissions/admin_matrix.py: {missing}"
    gone = [key for key in ADMIN_MATRIX if key not in _keys()]
    assert not gone, f"rows for models/viewsets no longer registered: {gone}"


def test_admin_matrix_size():
    actions = sum(len(row) for row in ADMIN_MATRIX.values())
    cases = actions * len(ADMIN_ROLES)
    print(
        f"Admin permission matrix: {len(ADMIN_MATRIX)} models and viewsets, {actions} actions x "
        f"{len(ADMIN_ROLES)} roles = {cases} cases"
    )
    assert f"{len(ADMIN_MATRIX)} models and viewsets, {actions} actions x {len(ADMIN_ROLES)} roles" in __doc__


# --- what each key's actions request -------------------------------------------------------------------


def _objects(key: str, world) -> tuple:
    """(own, other) instance to edit, for an instructor's scope; the same object when not scoped."""
    label = key.split(":", 1)[1]
    pairs = {
        "assessments.Assessment": (world.exam, world.other_exam),
        "assessments.Rubric": (world.rubric, world.other_rubric),
        "courses.CompetencyDomain": (world.domain,) * 2,
        "wagtailcore.Page": (Page.get_first_root_node(),) * 2,
        "cms.HomePage": (world.home,) * 2,
        "cms.ContentPage": (world.content_page,) * 2,
        "courses.CatalogPage": (world.catalogue,) * 2,
        "courses.CoursePage": (world.course, world.other_course),
        "courses.ModulePage": (world.module_a, world.other_module),
        "credential_programs": (CredentialProgram.objects.first(),) * 2,
        "program_versions": (ProgramVersion.objects.first(),) * 2,
    }
    return pairs[label]


def _parents(key: str, world) -> tuple:
    """(own, other) parent page to add a page of this type under."""
    label = key.split(":", 1)[1]
    return {
        "cms.HomePage": (Page.get_first_root_node(),) * 2,
        "cms.ContentPage": (world.home,) * 2,
        "courses.CatalogPage": (world.home,) * 2,
        "courses.CoursePage": (world.catalogue,) * 2,
        "courses.ModulePage": (world.course, world.other_course),
    }[label]


def _url(key: str, action: str, world, *, own: bool) -> str:
    kind, label = key.split(":", 1)
    pick = 0 if own else 1
    if kind == "snippet":
        model = next(m for m in get_snippet_models() if m._meta.label == label)
        viewset = model.snippet_viewset
        if action == "edit":
            return reverse(viewset.get_url_name("edit"), args=[_objects(key, world)[pick].pk])
        return reverse(viewset.get_url_name(action))
    if kind == "page":
        if action == "edit":
            return reverse("wagtailadmin_pages:edit", args=[_objects(key, world)[pick].pk])
        app_label, model_name = label.lower().split(".")
        return reverse("wagtailadmin_pages:add", args=[app_label, model_name, _parents(key, world)[pick].pk])
    if kind == "viewset":
        viewset = _project_viewsets()[label]
        if action == "edit":
            return reverse(viewset.get_url_name("edit"), args=[_objects(key, world)[pick].pk])
        return reverse(viewset.get_url_name("index" if action == "list" else action))
    app_label, model_name = label.lower().split(".")
    return reverse(f"admin:{app_label}_{model_name}_{'changelist' if action == 'list' else action}")


def _answer(response) -> str:
    if response.status_code == 200:
        return ALLOW
    if response.status_code == 403:
        return DENY
    if response.status_code == 302:
        location = response["Location"]
        if location == "/admin/" or "login" in location or location.startswith(settings.LOGIN_URL):
            return DENY
    return f"unexpected {response.status_code} {response.get('Location', '')}"


def _get(client_factory, world, role, url):
    with rolled_back_block():
        client = client_factory()
        if world.users[role] is not None:
            client.force_login(world.users[role])
        response = client.get(url)
    return _answer(response)


@pytest.mark.django_db
@pytest.mark.parametrize("key", sorted(ADMIN_MATRIX))
def test_admin_permissions(key, world):
    from django.test import Client

    failures = []
    for action, expected_by_role in ADMIN_MATRIX[key].items():
        for role in ADMIN_ROLES:
            expected = expected_by_role[role]
            checks = [(True, ALLOW), (False, DENY)] if expected == SCOPED else [(True, expected)]
            for own, wanted in checks:
                url = _url(key, action, world, own=own)
                got = _get(Client, world, role, url)
                if got != wanted:
                    failures.append(
                        f"{action} as {role} ({'own' if own else 'other'} course): {url} "
                        f"expected {wanted}, got {got}"
                    )
    assert not failures, f"{key}:\n" + "\n".join(failures)


@pytest.mark.django_db
def test_group_permissions_cannot_hand_instructors_domains_or_programs(world):
    """Competency domains and credential programs are for program administrators by role: even a
    group permission row granting an instructor every action on them changes nothing."""
    from django.contrib.auth.models import Group, Permission
    from django.test import Client

    from lms import roles

    Group.objects.get(name=roles.INSTRUCTOR).permissions.add(
        *Permission.objects.filter(
            content_type__app_label__in=["courses", "certificates"],
            content_type__model__in=["competencydomain", "credentialprogram", "programversion"],
        )
    )
    for key, action in [
        ("snippet:courses.CompetencyDomain", "edit"),
        ("snippet:courses.CompetencyDomain", "add"),
        ("viewset:credential_programs", "edit"),
        ("viewset:program_versions", "add"),
    ]:
        assert _get(Client, world, "instructor", _url(key, action, world, own=True)) == DENY, key

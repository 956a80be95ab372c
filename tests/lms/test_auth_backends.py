"""A signed-in request loads its user and their roles in one query (lms.auth_backends): role checks on
the page cost nothing more, a role taken away counts from the next request, and both ways of signing
in (the sign-in form, a session made by Django) get it."""

import pytest
from django.contrib.auth import BACKEND_SESSION_KEY, get_user
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext

from lms import roles
from tests import factories

pytestmark = pytest.mark.django_db


def _session_user(client):
    request = type("Request", (), {"session": client.session})()
    with CaptureQueriesContext(connection) as ctx:
        user = get_user(request)
        answers = (roles.is_trainee(user), roles.is_program_admin(user), roles.is_supervisor(user))
    return user, answers, len(ctx.captured_queries)


def test_the_user_and_every_role_in_one_query(client):
    client.force_login(factories.UserFactory(roles=[roles.TRAINEE, roles.SUPERVISOR]))
    user, answers, queries = _session_user(client)
    assert user.is_authenticated and answers == (True, False, True)
    assert queries == 1


def test_a_role_taken_away_counts_from_the_next_request(client):
    admin = factories.ProgramAdminFactory()
    client.force_login(admin)
    assert client.get("/certification/manage/").status_code == 200
    admin.groups.remove(Group.objects.get(name=roles.PROGRAM_ADMIN))
    assert client.get("/certification/manage/").status_code == 403


def test_signing_in_through_the_form_uses_the_same_backend(client):
    user = factories.TraineeFactory()
    response = client.post("/accounts/login/", {"login": user.email, "password": factories.PASSWORD})
    assert response.status_code == 302
    assert client.session[BACKEND_SESSION_KEY].startswith("lms.auth_backends.")
    loaded, answers, queries = _session_user(client)
    assert loaded == user and answers[0] is True and queries == 1


def test_a_deactivated_account_is_signed_out(client):
    user = factories.TraineeFactory()
    client.force_login(user)
    user.is_active = False
    user.save(update_fields=["is_active"])
    loaded, _answers, _queries = _session_user(client)
    assert not loaded.is_authenticated


def test_a_group_that_is_not_a_role_is_not_a_role(client):
    user = factories.TraineeFactory()
    user.groups.add(Group.objects.get_or_create(name="Editors")[0])
    client.force_login(user)
    loaded, _answers, _queries = _session_user(client)
    assert loaded._role_cache == {roles.TRAINEE}
    assert roles.has_role(loaded, "Editors") is False

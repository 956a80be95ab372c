"""Trainees sign up themselves through allauth's real form, confirm their address, and are logged in."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.core import mail

from lms import roles
from lms.models import User

from .factories import PASSWORD, verified_trainee
from .helpers import h1_count, link_in, logged_in_user_id

SIGNUP = "/accounts/signup/"
NEW_PASSWORD = "a-long-unusual-passphrase-42"


def signup_data(**overrides):
    data = {
        "full_name": "Dana Whitfield",
        "email": "dana@example.org",
        "password1": NEW_PASSWORD,
        "password2": NEW_PASSWORD,
    }
    data.update(overrides)
    return data


@pytest.mark.django_db
def test_signup_page_has_labelled_fields_with_autocomplete(client):
    response = client.get(SIGNUP)
    assert response.status_code == 200
    html = response.content.decode()
    assert h1_count(html) == 1
    assert 'href="/static/css/site.css"' in html  # our layout, not allauth's bare one
    for name, autocomplete in [
        ("email", "email"),
        ("full_name", "name"),
        ("password1", "new-password"),
        ("password2", "new-password"),
    ]:
        assert f'<label for="id_{name}">' in html, name
        field = re.search(rf'<input[^>]*name="{name}"[^>]*>', html).group(0)
        assert f'autocomplete="{autocomplete}"' in field, field
        assert 'id="id_' + name + '"' in field


@pytest.mark.django_db
def test_signup_makes_a_trainee_and_the_emailed_link_confirms_and_logs_in(client):
    response = client.post(SIGNUP, signup_data())
    assert response.status_code == 302
    assert response["Location"] == "/accounts/confirm-email/"
    user = User.objects.get(email="dana@example.org")
    assert user.full_name == "Dana Whitfield"
    assert list(user.groups.values_list("name", flat=True)) == [roles.TRAINEE]
    assert user.check_password(NEW_PASSWORD)
    # Mandatory verification: not logged in until the address is confirmed.
    assert logged_in_user_id(client) is None
    assert not EmailAddress.objects.get(user=user).verified

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["dana@example.org"]
    assert "Peer Support Academy" in message.subject
    confirm_url = link_in(message)

    page = client.get(confirm_url)
    assert page.status_code == 200
    assert h1_count(page.content.decode()) == 1
    assert "dana@example.org" in page.content.decode()

    response = client.post(confirm_url)
    assert response.status_code == 302
    assert EmailAddress.objects.get(user=user).verified
    assert logged_in_user_id(client) == str(user.pk)


@pytest.mark.django_db
def test_unconfirmed_trainee_cannot_log_in_and_gets_a_new_link(client):
    client.post(SIGNUP, signup_data())
    client.logout()
    mail.outbox.clear()
    response = client.post("/accounts/login/", {"login": "dana@example.org", "password": NEW_PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/accounts/confirm-email/"
    assert logged_in_user_id(client) is None
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_a_wrong_confirmation_key_confirms_nothing(client):
    client.post(SIGNUP, signup_data())
    page = client.get("/accounts/confirm-email/not-a-real-key/")
    assert "has expired or is not valid" in page.content.decode()
    assert h1_count(page.content.decode()) == 1
    assert client.post("/accounts/confirm-email/not-a-real-key/").status_code == 404
    assert not EmailAddress.objects.get(email="dana@example.org").verified


@pytest.mark.django_db
@pytest.mark.parametrize(
    "overrides, field, message",
    [
        ({"full_name": ""}, "full_name", "This field is required."),
        ({"email": "not-an-email"}, "email", "Enter a valid email address."),
        ({"password2": "something-else-entirely"}, "password2", "You must type the same password each time."),
        ({"password1": "short", "password2": "short"}, "password1", "This password is too short."),
    ],
)
def test_bad_signup_input_shows_the_error_next_to_the_field_and_creates_nobody(
    client, overrides, field, message
):
    response = client.post(SIGNUP, signup_data(**overrides))
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert f'id="id_{field}_error"' in html
    field_tag = re.search(rf'<input[^>]*name="{field}"[^>]*>', html).group(0)
    assert 'aria-invalid="true"' in field_tag
    assert f"id_{field}_error" in field_tag  # aria-describedby points at the error
    assert not User.objects.filter(email="dana@example.org").exists()
    assert mail.outbox == []


@pytest.mark.django_db
def test_duplicate_email_signup_is_refused_without_revealing_the_account(client):
    """A second sign-up with an address already registered (in any letter case) creates nobody and changes
    nothing. The page looks the same as a fresh sign-up, so the form cannot be used to find out who studies
    here; the owner of the address is told by email instead."""
    existing = verified_trainee(email="alex@example.org", full_name="Alex Rivera")
    trainee_group = Group.objects.get(name=roles.TRAINEE)
    response = client.post(SIGNUP, signup_data(email="Alex@Example.org", full_name="Someone Else"))
    assert response.status_code == 302
    assert response["Location"] == "/accounts/confirm-email/"
    assert User.objects.filter(email__iexact="alex@example.org").count() == 1
    existing.refresh_from_db()
    assert existing.full_name == "Alex Rivera"
    assert existing.check_password(PASSWORD)
    assert not existing.check_password(NEW_PASSWORD)
    assert list(trainee_group.user_set.all()) == [existing]
    assert logged_in_user_id(client) is None
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["alex@example.org"]
    assert "already" in mail.outbox[0].body.lower()


@pytest.mark.django_db
def test_signup_asks_for_the_name_first(client):
    html = client.get(SIGNUP).content.decode()
    names = re.findall(r'<input[^>]*name="(full_name|email|password1|password2)"', html)
    assert names == ["full_name", "email", "password1", "password2"]


@pytest.mark.django_db
def test_full_name_is_stripped_and_required_to_be_more_than_spaces(client):
    response = client.post(SIGNUP, signup_data(full_name="   "))
    assert response.status_code == 200
    assert not User.objects.exists()
    client.post(SIGNUP, signup_data(full_name="  Dana Whitfield  "))
    assert User.objects.get().full_name == "Dana Whitfield"

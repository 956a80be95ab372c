"""Logging in by email, wrong passwords, logging out, and resetting a forgotten password, all through
allauth's pages rendered in the site's layout."""

import re

import pytest
from django.core import mail

from .factories import PASSWORD, verified_trainee
from .helpers import h1_count, link_in, logged_in_user_id

LOGIN = "/accounts/login/"
LOGOUT = "/accounts/logout/"
RESET = "/accounts/password/reset/"
WRONG_CREDENTIALS = "The email address and/or password you specified are not correct."


@pytest.mark.django_db
def test_login_page_is_accessible(client):
    response = client.get(LOGIN)
    assert response.status_code == 200
    html = response.content.decode()
    assert h1_count(html) == 1
    assert "<title>Log in · Peer Support Academy</title>" in html
    assert '<label for="id_login">' in html and '<label for="id_password">' in html
    assert re.search(
        r'<input[^>]*type="email"[^>]*autocomplete="email"|<input[^>]*autocomplete="email"[^>]*type="email"',
        html,
    )
    password = re.search(r'<input[^>]*name="password"[^>]*>', html).group(0)
    assert 'autocomplete="current-password"' in password
    assert 'href="/accounts/password/reset/"' in html
    assert 'href="/accounts/signup/"' in html


@pytest.mark.django_db
def test_login_with_email_logs_in_and_goes_to_the_dashboard(client):
    user = verified_trainee()
    response = client.post(LOGIN, {"login": user.email.upper(), "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/home/"  # each role's home (lms.homes): a trainee's is the dashboard
    assert client.get("/home/")["Location"] == "/learn/dashboard/"
    assert logged_in_user_id(client) == str(user.pk)


@pytest.mark.django_db
def test_wrong_password_shows_a_visible_error_and_does_not_log_in(client):
    user = verified_trainee()
    response = client.post(LOGIN, {"login": user.email, "password": "not-the-password"})
    assert response.status_code == 200
    html = response.content.decode()
    assert WRONG_CREDENTIALS in html
    assert re.search(r'role="alert"[^>]*>\s*<p>' + re.escape(WRONG_CREDENTIALS), html)
    assert f'value="{user.email}"' in html  # the address is kept, the password is not
    assert "not-the-password" not in html
    assert logged_in_user_id(client) is None


@pytest.mark.django_db
def test_unknown_email_gets_the_same_error_as_a_wrong_password(client):
    response = client.post(LOGIN, {"login": "nobody@example.org", "password": "whatever-it-is"})
    assert response.status_code == 200
    assert WRONG_CREDENTIALS in response.content.decode()


@pytest.mark.django_db
def test_inactive_account_cannot_log_in(client):
    user = verified_trainee(is_active=False)
    client.post(LOGIN, {"login": user.email, "password": PASSWORD})
    assert logged_in_user_id(client) is None


@pytest.mark.django_db
def test_logout_asks_on_get_and_logs_out_on_post(client):
    user = verified_trainee()
    client.force_login(user)
    page = client.get(LOGOUT)
    assert page.status_code == 200
    assert h1_count(page.content.decode()) == 1
    assert logged_in_user_id(client) == str(user.pk)  # a GET (a link, a prefetch) never logs out

    response = client.post(LOGOUT)
    assert response.status_code == 302
    assert response["Location"] == "/"
    assert logged_in_user_id(client) is None


@pytest.mark.django_db
def test_password_reset_by_email_link(client):
    user = verified_trainee()
    page = client.get(RESET)
    assert page.status_code == 200
    assert h1_count(page.content.decode()) == 1
    assert 'autocomplete="email"' in page.content.decode()

    response = client.post(RESET, {"email": user.email})
    assert response.status_code == 302
    assert response["Location"] == "/accounts/password/reset/done/"
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [user.email]
    reset_link = link_in(mail.outbox[0])

    # allauth moves the key into the session and redirects to a URL without it.
    response = client.get(reset_link)
    assert response.status_code == 302
    form_url = response["Location"]
    page = client.get(form_url)
    assert page.status_code == 200
    html = page.content.decode()
    assert h1_count(html) == 1 and "Choose a new password" in html
    assert re.search(r'<input[^>]*name="password1"[^>]*autocomplete="new-password"', html)

    new_password = "another-long-passphrase-77"
    response = client.post(form_url, {"password1": new_password, "password2": new_password})
    assert response.status_code == 302
    assert response["Location"] == "/accounts/password/reset/key/done/"
    user.refresh_from_db()
    assert user.check_password(new_password)

    # The link works once.
    assert "This link no longer works" in client.get(reset_link, follow=True).content.decode()
    client.logout()
    client.post(LOGIN, {"login": user.email, "password": PASSWORD})
    assert logged_in_user_id(client) is None
    client.post(LOGIN, {"login": user.email, "password": new_password})
    assert logged_in_user_id(client) == str(user.pk)


@pytest.mark.django_db
def test_password_reset_with_mismatched_passwords_changes_nothing(client):
    user = verified_trainee()
    client.post(RESET, {"email": user.email})
    form_url = client.get(link_in(mail.outbox[0]))["Location"]
    response = client.post(
        form_url, {"password1": "first-long-passphrase", "password2": "second-long-passphrase"}
    )
    assert response.status_code == 200
    assert "You must type the same password each time." in response.content.decode()
    user.refresh_from_db()
    assert user.check_password(PASSWORD)

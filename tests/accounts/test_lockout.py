"""django-axes guards allauth's login page: after AXES_FAILURE_LIMIT failures for one email address from
one IP address, even the right password is refused until the cool-off ends."""

import pytest
from axes.models import AccessAttempt
from django.test import override_settings

from .factories import PASSWORD, verified_trainee
from .helpers import logged_in_user_id

LOGIN = "/accounts/login/"


@pytest.mark.django_db
@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=3)
def test_repeated_failures_lock_the_account_on_the_login_page(client):
    user = verified_trainee()
    for _ in range(3):
        response = client.post(LOGIN, {"login": user.email, "password": "wrong-password"})
        assert logged_in_user_id(client) is None
    attempt = AccessAttempt.objects.get()
    assert attempt.username == user.email
    assert attempt.failures_since_start == 3

    response = client.post(LOGIN, {"login": user.email, "password": PASSWORD})
    assert response.status_code in (403, 429)
    assert logged_in_user_id(client) is None


@pytest.mark.django_db
@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=3)
def test_lockout_is_per_account_and_a_success_before_the_limit_resets_it(client):
    user = verified_trainee()
    other = verified_trainee()
    for _ in range(2):
        client.post(LOGIN, {"login": user.email, "password": "wrong-password"})
    response = client.post(LOGIN, {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302
    assert logged_in_user_id(client) == str(user.pk)
    client.logout()
    for _ in range(3):
        client.post(LOGIN, {"login": other.email, "password": "wrong-password"})
    # `other` is locked out; `user` from the same IP address is not.
    assert client.post(LOGIN, {"login": other.email, "password": PASSWORD}).status_code in (403, 429)
    response = client.post(LOGIN, {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302
    assert logged_in_user_id(client) == str(user.pk)


@pytest.mark.django_db
@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=2)
def test_lockout_page_explains_what_to_do_and_counts_addresses_case_insensitively(client):
    user = verified_trainee()
    client.post(LOGIN, {"login": user.email.upper(), "password": "wrong-password"})
    client.post(LOGIN, {"login": user.email, "password": "wrong-password"})
    response = client.post(LOGIN, {"login": user.email, "password": PASSWORD})
    assert response.status_code == 429
    html = response.content.decode()
    assert "Too many attempts" in html
    assert "Try again in 15 minutes." in html
    assert "/accounts/password/reset/" in html

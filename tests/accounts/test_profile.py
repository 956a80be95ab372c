"""The profile page: preferred name and time zone, for the person logged in only."""

import pytest
from django.urls import reverse

from lms.models import AuditEvent, User
from tests.factories import TraineeFactory

pytestmark = pytest.mark.django_db

URL = "/profile/"


def test_the_route_is_named():
    assert reverse("site:profile") == URL


def test_anonymous_is_sent_to_log_in(client):
    response = client.get(URL)
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    response = client.post(URL, {"preferred_name": "Sneaky", "time_zone": "America/Chicago"})
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    assert not User.objects.filter(preferred_name="Sneaky").exists()


def test_page_shows_the_settings_and_the_nav_links_to_it(client):
    user = TraineeFactory(time_zone="America/Denver")
    client.force_login(user)
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<label for="id_time_zone">' in html and '<label for="id_preferred_name">' in html
    assert '<option value="America/Denver" selected>' in html
    assert "Same as the site" in html
    assert f'href="{URL}"' in client.get(reverse("certificates:dashboard")).content.decode()


def test_saves_preferred_name_and_time_zone(client):
    user = TraineeFactory()
    client.force_login(user)
    response = client.post(URL, {"preferred_name": "Sam", "time_zone": "America/Los_Angeles"})
    assert response.status_code == 302 and response["Location"] == URL
    user.refresh_from_db()
    assert user.preferred_name == "Sam" and user.time_zone == "America/Los_Angeles"
    event = AuditEvent.objects.get(action="profile.updated", actor=user)
    assert sorted(event.details["fields"]) == ["preferred_name", "time_zone"]
    assert "Your profile is saved." in client.get(URL).content.decode()
    # Back to the site's zone.
    assert client.post(URL, {"preferred_name": "Sam", "time_zone": ""}).status_code == 302
    user.refresh_from_db()
    assert user.time_zone == ""


@pytest.mark.parametrize("zone", ["Mars/Olympus_Mons", "america/chicago", "x" * 80])
def test_an_unknown_time_zone_is_refused_and_nothing_changes(client, zone):
    user = TraineeFactory(time_zone="America/Chicago", preferred_name="Jo")
    client.force_login(user)
    response = client.post(URL, {"preferred_name": "Changed", "time_zone": zone})
    assert response.status_code == 422
    html = response.content.decode()
    assert "Choose a time zone from the list." in html
    assert 'value="Changed"' in html  # what was typed is kept
    user.refresh_from_db()
    assert user.time_zone == "America/Chicago" and user.preferred_name == "Jo"
    assert not AuditEvent.objects.filter(action="profile.updated").exists()


def test_a_zone_set_elsewhere_stays_choosable(client):
    user = TraineeFactory(time_zone="UTC")
    client.force_login(user)
    html = client.get(URL).content.decode()
    assert '<option value="UTC" selected>' in html
    assert client.post(URL, {"preferred_name": "", "time_zone": "UTC"}).status_code == 302
    user.refresh_from_db()
    assert user.time_zone == "UTC"


def test_each_person_changes_only_their_own_profile(client):
    user, other = TraineeFactory(), TraineeFactory(preferred_name="Other")
    client.force_login(user)
    client.post(URL, {"preferred_name": "Mine", "time_zone": "America/Chicago"})
    other.refresh_from_db()
    assert other.preferred_name == "Other" and other.time_zone == ""

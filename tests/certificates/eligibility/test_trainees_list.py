"""The program administrator's list of trainees: paginated in the database, searchable, constant
queries, staff only."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import InstructorFactory, ProgramAdminFactory, SupervisorFactory, TraineeFactory

pytestmark = pytest.mark.django_db
URL = reverse("certificates:trainees")


def _count(client, url):
    client.get(url)  # warm the site cache
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_fifty_a_page_in_name_order_with_constant_queries(client):
    client.force_login(ProgramAdminFactory())
    for i in range(3):
        TraineeFactory(full_name=f"Aaron {i:03d}")
    small = _count(client, URL)
    for i in range(3, 60):
        TraineeFactory(full_name=f"Aaron {i:03d}")
    assert _count(client, URL) == small <= 12
    first = client.get(URL).content.decode()
    assert "Aaron 000" in first and "Aaron 049" in first and "Aaron 050" not in first
    second = client.get(URL, {"page": 2}).content.decode()
    assert "Aaron 050" in second and "Aaron 059" in second and "Aaron 049" not in second


@pytest.mark.parametrize("page", ["abc", "0", "-1", "99999", "1.5", ""])
def test_any_page_value_gives_a_page(client, page):
    client.force_login(ProgramAdminFactory())
    TraineeFactory(full_name="Jordan Lee")
    response = client.get(URL, {"page": page})
    assert response.status_code == 200
    assert "Jordan Lee" in response.content.decode()


def test_search_by_name_or_email_and_kept_in_page_links(client):
    client.force_login(ProgramAdminFactory())
    for i in range(55):
        TraineeFactory(full_name=f"Casey {i:03d}")
    TraineeFactory(full_name="Jordan Lee", email="jordan@example.org")
    html = client.get(URL, {"q": "jordan@"}).content.decode()
    assert "Jordan Lee" in html and "Casey 000" not in html
    html = client.get(URL, {"q": "casey"}).content.decode()
    assert "q=casey" in html and "page=2" in html
    assert "No trainee matches" in client.get(URL, {"q": "nobody-at-all"}).content.decode()


def test_staff_who_are_not_administrators_and_trainees_are_refused(client):
    assert client.get(URL).status_code == 302  # to sign in
    for factory in (TraineeFactory, SupervisorFactory, InstructorFactory):
        client.force_login(factory())
        assert client.get(URL).status_code == 403

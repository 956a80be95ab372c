"""404, 403 and 500 pages in the site's layout (DEBUG off, as in production); /api/ keeps JSON; a favicon
instead of a 404 for /favicon.ico."""

import pytest
from django.contrib.staticfiles import finders
from django.test import Client, RequestFactory

from lms.api import server_error


@pytest.fixture(autouse=True)
def _production_like(settings):
    settings.DEBUG = False


def assert_site_layout(html: str):
    assert '<a class="skip-link" href="#main">' in html
    assert 'class="site-header"' in html and 'href="/static/css/site.css"' in html
    assert 'href="tel:988"' in html and 'href="sms:988"' in html  # the footer, crisis numbers included


@pytest.mark.parametrize("path_", ["/no-such-page/", "/learn/courses/nope/", "/certification/nope/"])
def test_unknown_page_is_404_in_the_site_layout(client, home, path_):
    response = client.get(path_)
    html = response.content.decode()
    assert response.status_code == 404
    assert_site_layout(html)
    assert "<h1>Page not found</h1>" in html and 'href="/verify/"' in html


def test_404_offers_my_learning_to_someone_signed_in(client, home, trainee):
    client.force_login(trainee)
    html = client.get("/no-such-page/").content.decode()
    assert "<h1>Page not found</h1>" in html and "My learning" in html and "Log out" in html


def test_api_paths_keep_json_404(client, db):
    response = client.get("/api/v1/no-such-thing")
    assert response.status_code == 404 and response["Content-Type"].startswith("application/json")
    assert response.json()["code"] == "not_found"


def test_permission_denied_is_403_in_the_site_layout(client, home, trainee):
    client.force_login(trainee)
    response = client.get("/certification/manage/")
    assert response.status_code == 403
    html = response.content.decode()
    assert_site_layout(html)
    assert "<h1>Not available to you</h1>" in html


@pytest.mark.urls("tests.lms.urls_boom")
def test_a_bug_on_a_page_is_500_in_the_site_layout(db):
    response = Client(raise_request_exception=False).get("/boom/")
    html = response.content.decode()
    assert response.status_code == 500
    assert_site_layout(html)
    assert "<h1>Something went wrong</h1>" in html and "Peer Support Academy</a>" in html
    assert "a bug" not in html and "Traceback" not in html


@pytest.mark.urls("tests.lms.urls_boom")
def test_a_bug_on_an_api_path_is_json_500(db):
    response = Client(raise_request_exception=False).get("/api/v1/boom/")
    assert response.status_code == 500 and response.json()["code"] == "server_error"


def test_500_page_needs_no_database_nor_signed_in_user(django_assert_num_queries, db):
    request = RequestFactory().get("/learn/dashboard/")  # no session, no user, no site
    with django_assert_num_queries(0):
        response = server_error(request)
    assert response.status_code == 500 and b"Something went wrong" in response.content


def test_favicon_linked_from_every_page_and_ico_path_answers(client, home):
    html = client.get("/").content.decode()
    assert '<link rel="icon" href="/static/img/favicon.svg" type="image/svg+xml">' in html
    response = client.get("/favicon.ico")
    assert response.status_code == 302 and response["Location"] == "/static/img/favicon.svg"
    found = finders.find("img/favicon.svg")
    assert found and open(found, encoding="utf-8").read().lstrip().startswith("<svg")

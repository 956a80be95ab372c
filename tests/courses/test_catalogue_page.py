from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from courses.models import CatalogPage
from tests.factories import DomainFactory, make_course

from .factories import assert_accessible_basics, course_with_modules

pytestmark = pytest.mark.django_db


def test_catalogue_lists_live_courses_with_details(client, catalogue):
    domain = DomainFactory(slug="advocacy-x", name="Advocacy X")
    make_course(
        catalogue,
        title="Listening well",
        summary="Hear people out",
        domains=[domain],
        ce_eligible=True,
        estimated_hours=Decimal("12.5"),
    )
    draft = make_course(catalogue, title="Unfinished draft course")
    draft.unpublish()

    response = client.get(catalogue.url)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Listening well" in html and "Hear people out" in html
    assert "Advocacy X" in html
    assert "12.5 hours" in html
    assert "Counts as continuing education" in html
    assert "Unfinished draft course" not in html
    assert_accessible_basics(html)


def test_catalogue_redirect_action_points_at_the_live_catalogue(client, catalogue):
    response = client.get(reverse("courses:catalogue"))
    assert response.status_code == 302
    assert response["Location"] == catalogue.url


def test_catalogue_redirect_404_without_catalogue(client, db):
    assert not CatalogPage.objects.exists()
    assert client.get(reverse("courses:catalogue")).status_code == 404


def test_search_uses_wagtail_search(client, catalogue):
    make_course(catalogue, title="Crisis response", summary="Overdose and naloxone basics")
    make_course(catalogue, title="Ethics and boundaries", summary="Confidentiality")

    html = client.get(catalogue.url, {"q": "naloxone"}).content.decode()

    assert "Crisis response" in html
    assert "Ethics and boundaries" not in html
    assert 'value="naloxone"' in html


def test_filter_by_domain(client, catalogue):
    ethics = DomainFactory(slug="ethics-z", name="Ethics Z")
    other = DomainFactory(slug="other-z", name="Other Z")
    make_course(catalogue, title="Ethics course", domains=[ethics])
    make_course(catalogue, title="Other course", domains=[other])

    html = client.get(catalogue.url, {"domain": "ethics-z"}).content.decode()

    assert "Ethics course" in html
    assert "Other course" not in html
    assert '<option value="ethics-z" selected>' in html


def test_search_without_match_says_so(client, catalogue):
    make_course(catalogue, title="Crisis response")
    html = client.get(catalogue.url, {"q": "xylophone"}).content.decode()
    assert "No course matches your search" in html


def _catalogue_queries(client, url, **params):
    client.get(url, params)  # warm: the site cache fills on the first request after a page change
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize("params", [{}, {"domain": "shared"}, {"q": "course"}])
def test_catalogue_queries_do_not_grow_with_courses(client, catalogue, trainee, params):
    client.force_login(trainee)
    domains = [DomainFactory(slug="shared"), DomainFactory()]
    for i in range(3):
        make_course(catalogue, title=f"Course {i}", domains=domains)
    _catalogue_queries(client, catalogue.url, **params)  # warm per-process caches (site root paths)
    small = _catalogue_queries(client, catalogue.url, **params)
    for i in range(3, 30):
        make_course(catalogue, title=f"Course {i}", domains=domains)
    large = _catalogue_queries(client, catalogue.url, **params)
    html = client.get(catalogue.url, params).content.decode()
    assert html.count('<li class="card">') == 24  # the first page
    assert "30 courses" in html
    rest = client.get(catalogue.url, {**params, "page": "2"}).content.decode()
    assert rest.count('<li class="card">') == 6
    assert large == small, f"{small} queries at 3 courses, {large} at 30"


@pytest.mark.parametrize("page", ["abc", "0", "-1", "99", ""])
def test_catalogue_odd_page_numbers_give_a_sane_page(client, catalogue, page):
    for i in range(26):
        make_course(catalogue, title=f"Course {i}")
    response = client.get(catalogue.url, {"page": page})
    assert response.status_code == 200
    html = response.content.decode()
    expected = 2 if page == "99" else 24  # past the end: the last page
    assert html.count('<li class="card">') == expected


def test_catalogue_pages_keep_the_filters(client, catalogue):
    domain = DomainFactory(slug="kept")
    for i in range(30):
        make_course(catalogue, title=f"Course {i}", domains=[domain])
    html = client.get(catalogue.url, {"domain": "kept", "q": "course"}).content.decode()
    assert "domain=kept" in html and "page=2" in html
    assert "q=course" in html


def test_course_page_shows_modules_and_details(client, catalogue, instructor):
    course, modules = course_with_modules(
        catalogue, title="Listening", n=3, audience="New peers", instructors=[instructor]
    )
    html = client.get(course.url).content.decode()
    assert "Listening module 1" in html and "Listening module 3" in html
    assert instructor.full_name in html
    assert "New peers" in html
    assert "Log in to enrol" in html
    assert "SECRET-TEXT" not in html
    assert_accessible_basics(html)


@pytest.mark.parametrize("q", ['"unterminated', "AND OR NOT *(", "naloxone'; DROP TABLE x;--", "x" * 500])
def test_search_survives_odd_input(client, catalogue, q):
    make_course(catalogue, title="Crisis response", summary="Overdose and naloxone basics")
    assert client.get(catalogue.url, {"q": q}).status_code == 200
    response = client.get("/api/v1/courses", {"q": q, "domain": "advocacy"})
    assert response.status_code == 200
    assert isinstance(response.json(), list)


def test_search_and_domain_filter_combine(client, catalogue):
    crisis = DomainFactory(slug="crisis-c")
    make_course(catalogue, title="Crisis response", summary="Overdose and naloxone", domains=[crisis])
    make_course(catalogue, title="Naloxone for advocates", summary="Naloxone advocacy")
    html = client.get(catalogue.url, {"q": "naloxone", "domain": "crisis-c"}).content.decode()
    assert "Crisis response" in html and "Naloxone for advocates" not in html

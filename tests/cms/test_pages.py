"""The home page and the general content pages, as a visitor sees them."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, Site

from cms.models import ContentPage, HomePage
from cms.seed import seed_site

from ..factories import TraineeFactory


def h1_count(html: str) -> int:
    return len(re.findall(r"<h1[\s>]", html))


@pytest.fixture
def site_home(db):
    return seed_site()


def test_home_page_welcomes_visitors_and_links_to_catalogue_signup_and_verification(client, site_home):
    response = client.get("/")
    assert response.status_code == 200
    assert response.context["page"].specific == site_home
    html = response.content.decode()
    assert h1_count(html) == 1
    assert "Train to become a certified peer support specialist" in html
    assert "lived experience of recovery" in html  # the intro
    assert "Learning that fits around your life" in html  # the body
    assert "How certification works, in three steps" in html
    assert 'href="/learn/"' in html  # catalogue
    assert 'href="/accounts/signup/"' in html
    assert "Employers: check a certificate" in html
    for slug in ("about", "how-certification-works", "privacy", "getting-help"):
        assert f'href="/{slug}/"' in html


def test_home_page_offers_my_learning_instead_of_signup_to_a_logged_in_trainee(client, site_home):
    client.force_login(TraineeFactory())
    html = client.get("/").content.decode()
    assert "Go to my learning" in html
    assert "Create an account" not in html


@pytest.mark.parametrize(
    "slug, must_say",
    [
        ("about", ["online school", "not a treatment or crisis service"]),
        (
            "how-certification-works",
            [
                "Supervised practice and supervision hours",
                "Recovery-time attestation",
                "code of ethics",
                "verification",
            ],
        ),
        (
            "privacy",
            [
                "Only you and the program administrators",
                "audit trail",
                "Never on certificates or verification pages",
            ],
        ),
        ("getting-help", ["988", "911", "1-800-662-4357"]),
    ],
)
def test_content_pages_render_with_one_h1_and_breadcrumbs(client, site_home, slug, must_say):
    response = client.get(f"/{slug}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert h1_count(html) == 1
    assert 'aria-label="Breadcrumb"' in html and 'aria-current="page"' in html
    for text in must_say:
        assert text in html, text


def test_draft_content_page_is_not_served_or_listed(client, site_home):
    page = ContentPage.objects.get(slug="about", locale__language_code="en")
    page.unpublish()
    assert client.get("/about/").status_code == 404
    assert 'href="/about/"' not in client.get("/").content.decode()


def test_home_page_uses_a_constant_number_of_queries(
    client,
    site_home,
):
    def render():
        client.get("/")  # warms Wagtail's site root paths cache, which publishing pages clears
        with CaptureQueriesContext(connection) as ctx:
            assert client.get("/").status_code == 200
        return len(ctx)

    few = render()
    for i in range(10):
        extra = ContentPage(title=f"Extra {i}", slug=f"extra-{i}", body=[], show_in_menus=True)
        site_home.add_child(instance=extra)
        extra.save_revision().publish()
    assert render() == few
    assert few <= 8


def test_pages_are_the_default_sites_tree(site_home):
    site = Site.objects.get(is_default_site=True)
    assert site.root_page.specific == site_home
    assert isinstance(site_home, HomePage)
    assert Page.objects.get(pk=site_home.pk).get_parent().is_root()

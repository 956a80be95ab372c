"""seed_site(): creates the home page and content pages once, replaces Wagtail's welcome page."""

import pytest
from wagtail.models import Page, Site

from cms.models import ContentPage, HomePage
from cms.seed import seed_site

SLUGS = ["about", "how-certification-works", "privacy", "getting-help"]
EN = {"locale__language_code": "en"}  # the Spanish translations (tests/cms/test_spanish_pages.py) aside


def _welcome_pages():
    return Page.objects.filter(depth=2, title__startswith="Welcome to your new Wagtail site")


@pytest.mark.django_db
def test_seed_site_replaces_the_welcome_page_and_is_idempotent():
    assert _welcome_pages().exists()  # created by Wagtail's migrations
    site_before = Site.objects.get(is_default_site=True).pk

    home = seed_site()
    counts = (
        Page.objects.count(),
        HomePage.objects.filter(**EN).count(),
        ContentPage.objects.filter(**EN).count(),
    )
    assert counts[1:] == (1, 4)
    assert home.slug == "home" and home.live and home.get_parent().is_root()
    assert not _welcome_pages().exists()
    site = Site.objects.get(is_default_site=True)
    assert site.pk == site_before  # the site was kept, only its root moved
    assert site.root_page_id == home.pk
    assert sorted(ContentPage.objects.child_of(home).live().values_list("slug", flat=True)) == sorted(SLUGS)

    again = seed_site()
    assert again.pk == home.pk
    assert (
        Page.objects.count(),
        HomePage.objects.filter(**EN).count(),
        ContentPage.objects.filter(**EN).count(),
    ) == counts
    assert Site.objects.count() == 1


@pytest.mark.django_db
def test_seed_site_keeps_editors_changes_and_restores_only_missing_pages():
    home = seed_site()
    about = ContentPage.objects.get(slug="about", **EN)
    about.title = "About us"
    about.save_revision().publish()
    ContentPage.objects.get(slug="privacy", **EN).delete()

    seed_site()
    assert ContentPage.objects.get(slug="about", **EN).title == "About us"
    assert ContentPage.objects.child_of(home).filter(slug="privacy").count() == 1
    assert ContentPage.objects.filter(**EN).count() == 4


@pytest.mark.django_db
def test_seed_site_adopts_an_existing_home_page(home):
    """The test fixture's home page (another slug) is reused, and the welcome page still goes."""
    seeded = seed_site()
    assert seeded.pk == home.pk
    assert HomePage.objects.filter(**EN).count() == 1
    assert not _welcome_pages().exists()
    assert Site.objects.get(is_default_site=True).root_page_id == home.pk


@pytest.mark.django_db
def test_seed_site_leaves_a_welcome_page_that_editors_have_built_on():
    welcome = _welcome_pages().get()
    welcome.add_child(instance=Page(title="Kept", slug="kept"))
    home = seed_site()
    assert Page.objects.filter(pk=welcome.pk, slug="home").exists()
    assert home.slug == "home-2"
    assert Site.objects.get(is_default_site=True).root_page_id == home.pk
    assert seed_site().pk == home.pk

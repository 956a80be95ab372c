"""The site's page tree outside the catalogue: the home page and the general content pages. Idempotent:
pages that exist already are left as editors made them (matched by slug), missing ones are created."""

from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from wagtail.models import Locale, Page, Site

from .models import ContentPage, HomePage
from .seed_content import CONTENT_PAGES, HOME

HOME_SLUG = "home"
# Wagtail's first migration creates a plain Page, "Welcome to your new Wagtail site!", with the slug "home"
# as the default site's root. We rename it out of the way, move the site to our home page, then delete it.
PLACEHOLDER_SLUG = "wagtail-welcome-placeholder"


def _welcome_placeholder(root: Page) -> Page | None:
    """Wagtail's untouched welcome page: a plain Page (not one of ours) with no children."""
    for page in root.get_children().filter(slug__in=[HOME_SLUG, PLACEHOLDER_SLUG]):
        if page.specific_class is Page and page.get_children_count() == 0:
            return page
    return None


def _free_slug(parent: Page, slug: str) -> str:
    """`slug`, or `slug-2`, `slug-3`... when a page editors have built on already holds it."""
    taken = set(parent.get_children().values_list("slug", flat=True))
    candidate, n = slug, 1
    while candidate in taken:
        n += 1
        candidate = f"{slug}-{n}"
    return candidate


def site_address() -> tuple[str, int]:
    """The host and port of SITE_URL (`make demo PORT=8001` sets it), for the Wagtail site: the admin's
    "view live" links and pages' full URLs then name the port the demo runs on."""
    parts = urlsplit(settings.SITE_URL)
    return parts.hostname or "localhost", parts.port or (443 if parts.scheme == "https" else 80)


@transaction.atomic
def seed_site() -> HomePage:
    """Create the home page under the tree root, make it the default site's root page, remove Wagtail's
    welcome page, and create the general content pages. Returns the home page."""
    root = Page.get_first_root_node()
    placeholder = _welcome_placeholder(root)
    # max_count = 1 in the site's language (its translations, e.g. Spanish under /es/, are not counted)
    home = HomePage.objects.filter(locale=Locale.get_default()).first()
    if home is None:
        if placeholder is not None and placeholder.slug == HOME_SLUG:
            placeholder.slug = PLACEHOLDER_SLUG  # frees the slug; the page is deleted below
            placeholder.save(clean=False)
        home = HomePage(
            title=HOME["title"],
            seo_title=HOME["seo_title"],
            slug=_free_slug(root, HOME_SLUG),
            intro=HOME["intro"],
            body=HOME["body"],
        )
        root.add_child(instance=home)
        home.save_revision().publish()

    hostname, port = site_address()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(hostname=hostname, port=port, root_page=home, is_default_site=True)
    elif (site.root_page_id, site.hostname, site.port) != (home.pk, hostname, port):
        site.root_page, site.hostname, site.port = home, hostname, port
        site.save()
    if placeholder is not None:
        # Site.root_page cascades on delete: move every site off the placeholder before deleting it.
        Site.objects.filter(root_page=placeholder).update(root_page=home)
        placeholder.delete()
    Site.clear_site_root_paths_cache()

    existing = set(home.get_children().values_list("slug", flat=True))
    for spec in CONTENT_PAGES:
        if spec["slug"] in existing:
            continue
        page = ContentPage(
            title=spec["title"],
            slug=spec["slug"],
            summary=spec["summary"],
            body=spec["body"],
            show_in_menus=True,
        )
        home.add_child(instance=page)
        page.save_revision().publish()
    # The Spanish versions (cms/content/*.es.md), served under /es/.
    from .translations import load_page_translations

    load_page_translations(home)
    return HomePage.objects.get(pk=home.pk)

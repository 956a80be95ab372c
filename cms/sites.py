"""The Wagtail site answering a request, and its root page, kept in the cache.

Wagtail looks the site up (one query) and loads the root page's specific object (another) before it
routes any page. Both change only when an editor changes a site or a page, so they are cached under a
version that every such change renews (signals below); a stale answer lives at most until the next
page or site save, publish, unpublish, move or delete, and never longer than SITE_CACHE_SECONDS.
"""

import uuid

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_migrate, post_save
from django.http.request import split_domain_port
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

SITE_CACHE_SECONDS = 300
_VERSION_KEY = "cms:site-cache:version"
_MISSING = "none"


def _version() -> str:
    version = cache.get(_VERSION_KEY)
    if version is None:
        cache.add(_VERSION_KEY, uuid.uuid4().hex, None)
        version = cache.get(_VERSION_KEY) or "unversioned"
    return version


def site_for_request(request) -> Site | None:
    """What `Site.find_for_request` answers, with `site.root_page` already the specific page."""
    hostname = split_domain_port(request._get_raw_host())[0]
    key = f"cms:site:{_version()}:{hostname}:{request.get_port()}"
    site = cache.get(key)
    if site is None:
        site = Site._find_for_request(request)
        if site is not None:
            site.root_page = site.root_page.specific
        cache.set(key, site if site is not None else _MISSING, SITE_CACHE_SECONDS)
    return None if site == _MISSING else site


def forget_sites_now() -> None:
    """Renew the version at once, outside any transaction (tests, management commands)."""
    cache.delete(_VERSION_KEY)


def forget_sites(**kwargs):
    """Renew the version: every cached site and root page is looked up again. Now, and again once the
    change is committed (a request served in between may have cached what was there before)."""
    cache.delete(_VERSION_KEY)
    transaction.on_commit(lambda: cache.delete(_VERSION_KEY))


def _forget_on_page_or_site(sender, instance=None, **kwargs):
    if isinstance(instance, (Page, Site)):
        forget_sites()


def connect_signals():
    post_save.connect(_forget_on_page_or_site, dispatch_uid="cms.sites.post_save")
    post_delete.connect(_forget_on_page_or_site, dispatch_uid="cms.sites.post_delete")
    page_published.connect(forget_sites, dispatch_uid="cms.sites.published")
    page_unpublished.connect(forget_sites, dispatch_uid="cms.sites.unpublished")
    post_page_move.connect(forget_sites, dispatch_uid="cms.sites.moved")
    # A database flushed or migrated (tests, restores) has other pages under the same addresses.
    post_migrate.connect(forget_sites, dispatch_uid="cms.sites.migrated")

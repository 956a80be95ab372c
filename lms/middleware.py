"""Two small guards every response passes through.

- ProxyHeadersMiddleware: the header that says "the client used HTTPS" (SECURE_PROXY_SSL_HEADER,
  X-Forwarded-Proto by default) is believed only from TRUSTED_PROXIES. From anyone else it is dropped
  before SecurityMiddleware looks, so a client talking to the app directly cannot claim HTTPS to skip
  the redirect or be handed secure-only cookies over plain HTTP.
- WagtailSiteMiddleware: the request's Wagtail site and root page come from the cache (cms/sites.py),
  saving the two queries Wagtail spends on them before routing every page.
- NoStoreMiddleware: nothing shown to a signed-in person is kept by a browser or a shared cache. Their
  pages, downloads, CSV exports and API answers can carry recovery dates, hours, dates of birth and
  certificates; `Cache-Control: no-store, private` keeps them off disk, out of the back button after
  logging out on a shared computer, and out of any proxy cache. Anonymous pages (the catalogue,
  verification) are left as they are, so they stay cacheable.
"""

from django.conf import settings
from django.utils.cache import add_never_cache_headers

from cms.sites import site_for_request

from .clientip import from_trusted_proxy


class ProxyHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        header = getattr(settings, "SECURE_PROXY_SSL_HEADER", None)
        if header and header[0] in request.META and not from_trusted_proxy(request):
            del request.META[header[0]]
        return self.get_response(request)


class NoStoreMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            add_never_cache_headers(response)
        return response


API_PREFIX = "/api/"


class WagtailSiteMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Site.find_for_request (routing, page URLs, the admin) answers from this attribute. Not for the
        # API: its operations rarely need a site (Wagtail looks it up itself when one does), and the
        # verification calls employers make all day should not pay two cache round trips for it.
        if not hasattr(request, "_wagtail_site") and not request.path_info.startswith(API_PREFIX):
            request._wagtail_site = site_for_request(request)
        return self.get_response(request)

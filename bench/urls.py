"""The benchmark's URLconf (lms.settings.bench): the site's own URLs, plus one bare ninja endpoint the
verify API is compared with. Same process, same middleware, same settings: the ratio between the two
is what the verify path itself costs beyond django-ninja answering a tiny JSON."""

from django.urls import path
from ninja import NinjaAPI

from lms.urls import urlpatterns as site_urlpatterns

bare_api = NinjaAPI(urls_namespace="bench-bare", docs_url=None, openapi_url=None, title="bench")


@bare_api.get("/bare/", auth=None)
def bare(request):
    return {"ok": True}


urlpatterns = [
    # Under /api/ like the verify API, so both take exactly the same path through the middleware.
    path("api/bench/", bare_api.urls),
    # The site's patterns spliced in, not include()d: its /es/ pages (i18n_patterns) must be top level.
    *site_urlpatterns,
]

# Same error pages as the site (a failure on an /api/ path answers JSON).
handler500 = "lms.api.server_error"

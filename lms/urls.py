from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from certificates.issuing import views as issuing_views

from . import converters  # noqa: F401  (registers <id:...> before any URLconf below uses it)
from .api import api, api_not_found
from .i18n import views as i18n_views

urlpatterns = [
    # The API first: employers' systems verify certificates all day, and patterns are tried in order.
    path("api/v1/", api.urls),
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("accounts/", include("allauth.urls")),
    # Any other /api/ path is a JSON 404, never a redirect (APPEND_SLASH) or Wagtail's HTML page.
    re_path(r"^api/", api_not_found, name="api-not-found"),
    # The issuer's did:web DID document (Open Badges Data Integrity proofs: certificates/issuing/dikeys.py)
    path(".well-known/did.json", issuing_views.did_document, name="did-document"),
    # The language switcher (lms.i18n.views): the cookie, and the account for a signed-in person.
    path("i18n/setlang/", i18n_views.set_language, name="set_language"),
    path("", include("lms.urls_site")),
    path("notifications/", include("lms.notifications.urls")),
    path("learn/", include("courses.urls")),
    path("assessments/", include("assessments.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Public pages in each language: English unprefixed (every existing address), Spanish under /es/.
# The certificate pages (verification among them) and Wagtail's pages (home, content pages). The
# language of the other pages comes from the account, the cookie or the browser (lms.i18n.middleware).
# Wagtail's page serving comes last: it owns every path not matched above.
urlpatterns += i18n_patterns(
    path("", include("certificates.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

# A failure outside an API operation on an /api/ path still answers JSON (pages keep the 500 page).
handler500 = "lms.api.server_error"

"""The site's URLs plus two views that fail, for the 500 page tests (tests/lms/test_error_pages.py)."""

from django.urls import path

from lms.urls import urlpatterns as site_urlpatterns

# Django reads handler500 from the root URLconf: the project's own.
handler500 = "lms.api.server_error"


def boom(request):
    raise RuntimeError("a bug")


urlpatterns = [path("boom/", boom), path("api/v1/boom/", boom), *site_urlpatterns]

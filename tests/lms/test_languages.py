"""Which language a page is in (lms.i18n): English unprefixed by default, /es/ for the public pages, the
switcher (cookie, and the account for a signed-in person), a signed-in person's saved language on any
device, the browser's Accept-Language for anonymous visitors, <html lang> and hreflang alternates."""

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from lms.models import AuditEvent, User
from tests.factories import TraineeFactory

pytestmark = pytest.mark.django_db

COOKIE = settings.LANGUAGE_COOKIE_NAME
SETLANG = "/i18n/setlang/"


def _html(response) -> str:
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def test_existing_english_addresses_are_unchanged_and_unprefixed(home):
    assert reverse("set_language") == SETLANG
    assert reverse("certificates:issuing:verify") == "/verify/"
    assert reverse("certificates:dashboard") == "/certification/"
    assert reverse("wagtail_serve", args=("",)) == "/"
    with translation.override("es"):
        assert reverse("certificates:issuing:verify") == "/es/verify/"
        assert (
            reverse("certificates:issuing:verify-code", args=["PRX-7K3M-9QD2-F"])
            == "/es/verify/PRX-7K3M-9QD2-F/"
        )
        assert reverse("wagtail_serve", args=("",)) == "/es/"
        # The API, the admin, learning pages and the sign-in pages have one address in every language.
        assert reverse("api-1:verify_code", args=["X"]).startswith("/api/v1/")
        assert reverse("courses:catalogue") == "/learn/"
        assert reverse("account_login") == "/accounts/login/"
        assert reverse("site:profile") == "/profile/"


def test_english_is_the_default(client, home):
    html = _html(client.get("/"))
    assert '<html lang="en">' in html
    assert "Skip to main content" in html
    html = _html(client.get("/verify/"))
    assert '<html lang="en">' in html and "Verify a certificate" in html


def test_the_es_prefix_gives_spanish(client, home):
    html = _html(client.get("/es/"))
    assert '<html lang="es">' in html
    assert "Saltar al contenido principal" in html
    assert 'href="/es/verify/"' in html  # links stay in Spanish
    html = _html(client.get("/es/verify/"))
    assert '<html lang="es">' in html and "Verificar un certificado" in html


def test_the_es_prefix_wins_over_cookie_and_browser(client, home):
    client.cookies[COOKIE] = "en"
    html = _html(client.get("/es/verify/", HTTP_ACCEPT_LANGUAGE="en"))
    assert '<html lang="es">' in html


@pytest.mark.parametrize("path", ["/", "/verify/"])
def test_accept_language_es_sends_an_anonymous_visitor_to_the_spanish_page(client, home, path):
    response = client.get(path, HTTP_ACCEPT_LANGUAGE="es-MX,es;q=0.9,en;q=0.5")
    assert response.status_code == 302 and response["Location"] == f"/es{path}"
    assert "Accept-Language" in response["Vary"]
    html = _html(client.get(response["Location"], HTTP_ACCEPT_LANGUAGE="es-MX,es;q=0.9"))
    assert '<html lang="es">' in html


def test_accept_language_es_on_a_page_with_one_address(client):
    """Pages outside the /es/ set (the sign-in page) answer in the browser's language at their address."""
    html = _html(client.get(reverse("account_login"), HTTP_ACCEPT_LANGUAGE="es"))
    assert '<html lang="es">' in html and "Iniciar sesión" in html
    html = _html(client.get(reverse("account_login"), HTTP_ACCEPT_LANGUAGE="en-US,en"))
    assert '<html lang="en">' in html


def test_the_cookie_wins_over_the_browser(client, home):
    client.cookies[COOKIE] = "en"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="es").status_code == 200
    client.cookies[COOKIE] = "es"
    response = client.get("/verify/?code=X", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 302 and response["Location"] == "/es/verify/?code=X"


def test_the_api_is_never_redirected(client):
    client.cookies[COOKIE] = "es"
    response = client.get("/api/v1/verify/PRX-7K3M-9QD2-F", HTTP_ACCEPT_LANGUAGE="es")
    assert response.status_code != 302
    assert response["Content-Type"].startswith("application/json")


def test_the_switcher_is_a_labelled_form_in_the_header(client, home):
    html = _html(client.get("/verify/"))
    header = html.split('<header class="site-header">', 1)[1].split("</header>", 1)[0]
    assert f'<form method="post" action="{SETLANG}" class="language-switcher">' in header
    assert 'name="csrfmiddlewaretoken"' in header
    assert '<label for="language-switcher-select">Language</label>' in header
    assert '<input type="hidden" name="next" value="/verify/">' in header
    # Each language named in itself, whatever the page's language.
    assert '<option value="en" lang="en" selected>English</option>' in header
    assert '<option value="es" lang="es">Español</option>' in header
    assert '<button type="submit" class="button button--small">Change language</button>' in header


def test_the_switcher_sets_the_cookie_and_returns_to_the_page_in_that_language(client, home):
    response = client.post(SETLANG, {"language": "es", "next": "/verify/"})
    assert response.status_code == 302 and response["Location"] == "/es/verify/"
    assert response.cookies[COOKIE].value == "es"
    assert '<html lang="es">' in _html(client.get(response["Location"]))
    # And back: from a Spanish address to its English one, even with the Spanish cookie.
    response = client.post(SETLANG, {"language": "en", "next": "/es/verify/"})
    assert response.status_code == 302 and response["Location"] == "/verify/"
    assert response.cookies[COOKIE].value == "en"
    assert '<html lang="en">' in _html(client.get("/verify/", HTTP_ACCEPT_LANGUAGE="es"))


def test_the_switcher_refuses_an_unknown_language_and_an_outside_address(client, home):
    response = client.post(SETLANG, {"language": "xx", "next": "/verify/"})
    assert response.status_code == 302 and response["Location"] == "/verify/"
    assert COOKIE not in response.cookies
    response = client.post(SETLANG, {"language": "es", "next": "https://evil.example/"})
    assert response.status_code == 302 and not response["Location"].startswith("https://evil")


def test_the_switcher_changes_nothing_on_get(client):
    assert client.get(SETLANG + "?language=es&next=/verify/").status_code == 405


def test_a_signed_in_persons_choice_is_saved_on_their_account(client, home):
    user = TraineeFactory()
    client.force_login(user)
    response = client.post(SETLANG, {"language": "es", "next": reverse("courses:dashboard")})
    assert response.status_code == 302 and response["Location"] == "/learn/dashboard/"
    assert response.cookies[COOKIE].value == "es"
    user.refresh_from_db()
    assert user.language == "es"
    assert AuditEvent.objects.filter(action="profile.updated", actor=user).exists()
    html = _html(client.get(reverse("courses:dashboard")))
    assert '<html lang="es">' in html and "Mi aprendizaje" in html


def test_the_saved_language_applies_on_a_fresh_device(client, home):
    """Another browser: no cookie, an English Accept-Language; the account's language wins, and the
    device keeps it (the cookie) after logging out."""
    user = TraineeFactory(language="es")
    client.force_login(user)
    response = client.get(reverse("courses:dashboard"), HTTP_ACCEPT_LANGUAGE="en-US,en")
    html = _html(response)
    assert '<html lang="es">' in html
    assert response.cookies[COOKIE].value == "es"
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 302 and response["Location"] == "/es/"


def test_signing_in_applies_the_saved_language(client, home):
    from tests.factories import PASSWORD

    user = TraineeFactory(language="es")
    response = client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD}, follow=True)
    assert response.status_code == 200
    assert '<html lang="es">' in response.content.decode()


def test_blank_follows_the_browser(client, home):
    user = TraineeFactory(language="")
    client.force_login(user)
    assert '<html lang="es">' in _html(client.get(reverse("courses:dashboard"), HTTP_ACCEPT_LANGUAGE="es"))
    assert '<html lang="en">' in _html(client.get(reverse("courses:dashboard"), HTTP_ACCEPT_LANGUAGE="en"))


def test_the_profile_form_offers_the_language(client):
    user = TraineeFactory(language="es")
    client.force_login(user)
    html = _html(client.get(reverse("site:profile")))
    assert '<select name="language"' in html and '<option value="es" selected>Español</option>' in html
    response = client.post(reverse("site:profile"), {"preferred_name": "", "time_zone": "", "language": ""})
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.language == ""
    response = client.post(reverse("site:profile"), {"preferred_name": "", "time_zone": "", "language": "xx"})
    assert response.status_code == 422
    assert "Elige un idioma de la lista." in response.content.decode()  # the page is still in Spanish
    user.refresh_from_db()
    assert user.language == ""


def test_the_profile_sets_english_for_a_spanish_browser(client):
    user = TraineeFactory()
    client.force_login(user)
    response = client.post(
        reverse("site:profile"),
        {"preferred_name": "", "time_zone": "", "language": "en"},
        HTTP_ACCEPT_LANGUAGE="es",
    )
    assert response.status_code == 302 and response.cookies[COOKIE].value == "en"
    assert User.objects.get(pk=user.pk).language == "en"
    assert '<html lang="en">' in _html(client.get(reverse("site:profile"), HTTP_ACCEPT_LANGUAGE="es"))


def test_public_pages_name_their_alternates(client, home):
    html = _html(client.get("/es/verify/"))
    assert '<link rel="alternate" hreflang="en" href="http://testserver/verify/">' in html
    assert '<link rel="alternate" hreflang="es" href="http://testserver/es/verify/">' in html
    assert '<link rel="alternate" hreflang="x-default" href="http://testserver/verify/">' in html
    html = _html(client.get("/"))
    assert '<link rel="alternate" hreflang="es" href="http://testserver/es/">' in html


def test_pages_with_one_address_name_no_alternates(client):
    assert 'hreflang="' not in _html(client.get(reverse("account_login")))


def test_the_home_link_stays_in_the_language(client, home):
    assert '<a class="brand" href="/es/">' in _html(client.get("/es/verify/"))
    assert '<a class="brand" href="/">' in _html(client.get("/verify/"))


def test_wagtail_pages_in_spanish_link_in_spanish(client, catalogue):
    from tests import factories

    course = factories.make_course(catalogue, title="Listening well")
    assert course.url == "/courses/listening-well/"
    html = _html(client.get("/es/courses/"))
    assert '<html lang="es">' in html
    # A course with no Spanish translation (wagtail-localize) is linked at its own address; translated
    # pages link under /es/ (tests/courses/test_spanish_content.py).
    assert 'href="/courses/listening-well/"' in html
    html = _html(client.get("/es/courses/listening-well/"))
    assert '<html lang="es">' in html and "Listening well" in html  # course content is not translated here
    assert '<link rel="alternate" hreflang="en" href="http://testserver/courses/listening-well/">' in html


def test_opening_an_es_page_changes_no_ones_language(client, home):
    """Someone checking a translation (an instructor reading a Spanish module) keeps their language on
    every other page: an /es/ address sets no cookie and saves nothing."""
    user = TraineeFactory(language="")
    client.force_login(user)
    response = client.get("/es/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200 and COOKIE not in response.cookies
    assert '<html lang="en">' in _html(client.get(reverse("courses:dashboard"), HTTP_ACCEPT_LANGUAGE="en"))
    assert _html(client.get("/", HTTP_ACCEPT_LANGUAGE="en"))
    user.refresh_from_db()
    assert user.language == ""


def test_a_saved_language_is_not_overridden_by_an_es_page(client, home):
    user = TraineeFactory(language="en")
    client.force_login(user)
    response = client.get("/es/")
    assert response.cookies[COOKIE].value == "en"  # the account's choice, as on every page
    assert '<html lang="en">' in _html(client.get(reverse("courses:dashboard")))


def test_an_anonymous_es_page_sets_no_cookie(client, home):
    response = client.get("/es/")
    assert response.status_code == 200 and COOKIE not in response.cookies

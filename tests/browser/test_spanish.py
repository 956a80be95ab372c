"""The site in Spanish, in a browser: a visitor on a phone chooses Español in the header (by keyboard),
sees the home and verification pages in Spanish, and the choice holds on the next page; a signed-in
trainee's choice is saved on their account. axe finds no serious or critical violation on the Spanish
pages, and they fit 375 px."""

import pytest

from lms.models import User
from tests import factories

from .a11y import check_page
from .conftest import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def visitor(_browser, live_server):
    """A phone whose browser asks for English, able to take axe's script (bypass_csp)."""
    context = _browser.new_context(
        viewport={"width": 375, "height": 800},
        base_url=live_server.url,
        bypass_csp=True,
        locale="en-US",
    )
    context.set_default_timeout(20000)
    yield context.new_page()
    context.close()


def _accessible(page, label):
    check = check_page(page, role="visitor (es)", label=label)
    assert not check.violations, "\n".join(v.describe() for v in check.violations)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"], f"{label} is {width}px wide"


def _lang(page):
    return page.evaluate("document.documentElement.lang")


def test_a_visitor_switches_to_spanish_and_it_stays(visitor, catalogue):
    page = visitor
    page.goto("/")
    assert _lang(page) == "en"
    switcher = page.get_by_label("Language")
    switcher.focus()
    switcher.select_option("es")
    page.keyboard.press("Tab")  # to the button, by keyboard
    assert page.evaluate("document.activeElement.textContent.trim()") == "Change language"
    page.keyboard.press("Enter")
    page.wait_for_url("**/es/")
    assert _lang(page) == "es"
    assert page.get_by_role("link", name="Saltar al contenido principal").count() == 1
    assert page.get_by_label("Idioma").input_value() == "es"
    _accessible(page, "home (es)")

    page.get_by_role("navigation", name="Principal").get_by_role(
        "link", name="Verificar un certificado"
    ).click()
    page.wait_for_url("**/es/verify/")
    assert _lang(page) == "es"
    assert page.get_by_role("heading", name="Verificar un certificado").is_visible()
    assert page.get_by_role("button", name="Verificar el código").is_visible()
    _accessible(page, "verify (es)")

    # The choice holds on a page with one address (the cookie), and on an English address.
    page.goto("/accounts/login/")
    assert _lang(page) == "es"
    assert page.get_by_role("heading", name="Iniciar sesión").count() >= 1
    page.goto("/verify/")
    page.wait_for_url("**/es/verify/")
    assert _lang(page) == "es"

    # And back to English.
    page.get_by_label("Idioma").select_option("en")
    page.get_by_role("button", name="Cambiar idioma").click()
    page.wait_for_url("**/verify/")
    assert "/es/" not in page.url and _lang(page) == "en"


def test_a_trainees_choice_is_saved_on_their_account(visitor, catalogue):
    trainee = factories.TraineeFactory(full_name="Ana Torres")
    page = visitor
    login(page, trainee.email, factories.PASSWORD)
    assert _lang(page) == "en"
    page.get_by_label("Language").select_option("es")
    page.get_by_role("button", name="Change language").click()
    page.wait_for_load_state()
    assert _lang(page) == "es"
    assert User.objects.get(pk=trainee.pk).language == "es"
    page.get_by_role("link", name="Perfil").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name="Mi perfil").is_visible()
    assert page.get_by_label("Idioma", exact=True).last.input_value() == "es"
    _accessible(page, "profile (es)")

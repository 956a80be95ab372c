"""A trainee on a phone reads a crisis-response module in Spanish at /es/: the Spanish page, in Spanish
(lang="es"), from the English course they are enrolled in, with no axe-core serious or critical
violation and no sideways scrolling."""

import pytest

from courses.models import CoursePage, Enrollment, ModulePage
from tests import factories

from .a11y import check_page
from .conftest import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def spanish_module(home, trainee):
    from courses.seed import seed_courses

    seed_courses(home=home, users={})
    course = CoursePage.objects.get(slug="crisis-response", locale__language_code="en")
    Enrollment.objects.create(user=trainee, course=course)
    return ModulePage.objects.get(slug="suicide-warning-signs", locale__language_code="es")


def test_a_trainee_reads_a_crisis_module_in_spanish_on_a_phone(spanish_module, phone, trainee):
    page = phone
    login(page, trainee.email, factories.PASSWORD)
    response = page.goto(spanish_module.url)
    assert response.status == 200
    assert page.locator("html").get_attribute("lang") == "es"
    heading = page.get_by_role("heading", level=1).inner_text()
    assert heading == "Riesgo de suicidio: notar las señales de alerta y preguntar directamente"
    assert page.get_by_role("heading", name="Pregunta directamente").is_visible()
    assert page.get_by_role("link", name="988").first.get_attribute("href") == "tel:988"
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    check = check_page(page, role="trainee", label="Spanish crisis module")
    assert not check.violations, [v.describe() for v in check.violations]

    page.goto("/es/courses/crisis-response/")
    assert page.locator("html").get_attribute("lang") == "es"
    assert page.get_by_role("heading", level=1).inner_text().startswith("Respuesta a crisis")
    check = check_page(page, role="trainee", label="Spanish crisis course")
    assert not check.violations, [v.describe() for v in check.violations]

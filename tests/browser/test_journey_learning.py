"""A trainee on a phone: logs in, finds a course, enrols, works through modules in order, sees hours."""

from decimal import Decimal

import pytest

from courses.models import CompetencyDomain, ModuleProgress
from tests import factories

from .conftest import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def course(catalogue):
    domain = CompetencyDomain.objects.get(slug="mentoring-education")
    course = factories.make_course(catalogue, title="Listening well", domains=[domain])
    factories.make_module(course, title="Open questions", hours=Decimal("1.5"), domain=domain)
    factories.make_module(course, title="Reflections", hours=Decimal("2"), domain=domain)
    return course


def _no_horizontal_scroll(page):
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


def test_trainee_enrols_and_completes_modules_on_a_phone(phone, course, trainee):
    page = phone
    login(page, trainee.email, factories.PASSWORD)

    page.goto("/learn/")
    page.get_by_role("link", name="Listening well").first.click()
    assert page.get_by_role("heading", level=1).inner_text() == "Listening well"
    assert _no_horizontal_scroll(page)
    page.get_by_role("button", name="Enrol").click()
    page.wait_for_load_state()

    # The second module is locked until the first is done: typing its URL does not open it.
    second_url = course.get_children().live().specific().last().url
    response = page.goto(second_url)
    assert response.status == 403
    assert "Text of Reflections" not in page.content()

    page.goto(course.url)
    page.get_by_role("link", name="Continue").first.click()
    assert page.get_by_role("heading", level=1).inner_text() == "Open questions"
    assert _no_horizontal_scroll(page)
    page.get_by_role("button", name="Mark as complete").click()
    page.wait_for_load_state()

    response = page.goto(second_url)
    assert response.status == 200
    page.get_by_role("button", name="Mark as complete").click()
    page.wait_for_load_state()

    page.goto("/learn/dashboard/")
    body = page.locator("main").inner_text()
    assert "3.5" in body  # 1.5 + 2 hours of Mentoring and Education
    assert "Mentoring and Education" in body
    assert _no_horizontal_scroll(page)
    assert ModuleProgress.objects.filter(enrollment__user=trainee).count() == 2


def test_keyboard_user_reaches_skip_link_first_and_sees_focus(laptop, course):
    page = laptop
    page.goto(course.url)
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Skip to main content"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"

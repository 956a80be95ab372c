"""The private journal in a browser: a trainee on a phone writes under a module's "Pause and reflect"
prompt and shares it; the course's instructor reads it on the shared reflections page and replies; the
trainee reads the reply under the prompt and in "My journal". axe checks each page at 375 px."""

from decimal import Decimal

import pytest

from courses import services as course_services
from courses.models import CompetencyDomain
from tests import factories

from .a11y import check_page
from .conftest import login, logout, off_the_event_loop

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PROMPT = "What feelings come up when you imagine asking someone about suicide?"


def _world():
    home = factories.make_home()
    from courses.models import CatalogPage

    catalogue = CatalogPage(title="Courses", slug="courses")
    home.add_child(instance=catalogue)
    catalogue.save_revision().publish()
    domain = CompetencyDomain.objects.get(slug="advocacy")
    instructor = factories.InstructorFactory(full_name="Ina Structor")
    trainee = factories.TraineeFactory(full_name="Tara Trainee")
    course = factories.make_course(
        catalogue, title="Crisis response", instructors=[instructor], domains=[domain]
    )
    module = factories.make_module(
        course,
        title="Asking directly",
        hours=Decimal("0.5"),
        domain=domain,
        body=[("paragraph", "<p>Ask plainly.</p>"), ("reflection", {"prompt": PROMPT})],
        requires_reflection=True,
    )
    course_services.enrollment_create(user=trainee, course=course)
    return trainee, instructor, course, module.url


@pytest.fixture
def world(db):
    return off_the_event_loop(_world)


def _accessible(page, label):
    check = check_page(page, role="journal", label=label)
    assert not check.violations, "\n".join(v.describe() for v in check.violations)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"], f"{label} is {width}px wide"


def test_write_share_reply_and_read_the_reply(world, phone):
    trainee, instructor, course, module_url = world
    page = phone
    login(page, trainee.email, factories.PASSWORD)
    page.goto(module_url)
    _accessible(page, "module page with a journal form")

    # Completing before writing: refused on the module page, with a way to the prompt.
    page.get_by_role("button", name="Mark as complete").click()
    page.wait_for_load_state()
    alert = page.get_by_role("alert").filter(has_text="Write your reflection")
    assert alert.is_visible()

    page.get_by_label("Your reflection").fill("I freeze, because nobody asked me when I needed it.")
    page.get_by_role("button", name="Save to my journal").click()
    page.wait_for_load_state()
    assert "Private: only you can read it." in page.locator("main").inner_text()
    page.get_by_role("button", name="Share with the course's instructors").click()
    page.wait_for_load_state()
    assert "Shared with the course's instructors." in page.locator("main").inner_text()
    _accessible(page, "module page with a shared entry")
    logout(page)

    login(page, instructor.email, factories.PASSWORD)
    page.goto(f"/learn/courses/{course.pk}/journal/")
    main = page.locator("main")
    assert "I freeze, because nobody asked me" in main.inner_text()
    assert "Tara Trainee" in main.inner_text()
    _accessible(page, "shared reflections")
    page.get_by_label("Your reply").fill("Thank you for trusting us with this. Let's practise together.")
    page.get_by_role("button", name="Send reply").click()
    page.wait_for_load_state()
    assert "Reply sent." in page.locator("main").inner_text()
    logout(page)

    login(page, trainee.email, factories.PASSWORD)
    page.goto(module_url)
    assert "Let's practise together." in page.locator("main").inner_text()
    page.goto("/learn/journal/")
    main = page.locator("main")
    assert "Crisis response" in main.inner_text() and "Let's practise together." in main.inner_text()
    _accessible(page, "my journal")

    page.goto(module_url)
    page.get_by_role("button", name="Mark as complete").click()
    page.wait_for_load_state()
    assert "Module complete" in page.locator("body").inner_text()

"""Two trainees discuss a module on phones (375 px, scripts off, by keyboard where it matters), and the
course's instructor hides a post and locks the thread. axe checks each page on the way."""

from decimal import Decimal

import pytest

from courses import services as course_services
from courses.discussion.models import Post, Thread
from tests import factories

from .a11y import check_page
from .conftest import login, logout

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def cohort(catalogue):
    instructor = factories.InstructorFactory(full_name="Ina Structor")
    course = factories.make_course(catalogue, title="Listening well", instructors=[instructor])
    module = factories.make_module(course, title="Open questions", hours=Decimal("1"))
    ana = factories.TraineeFactory(full_name="Ana Lopez", preferred_name="Ana")
    ben = factories.TraineeFactory(full_name="Ben Okafor")
    for person in (ana, ben):
        course_services.enrollment_create(user=person, course=course)
    return {"course": course, "module": module, "ana": ana, "ben": ben, "instructor": instructor}


@pytest.fixture
def no_script_phone(_browser, live_server):
    context = _browser.new_context(
        viewport={"width": 375, "height": 740}, base_url=live_server.url, java_script_enabled=False
    )
    context.set_default_timeout(15000)
    page = context.new_page()
    yield page
    context.close()


def _fits(page):
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, f"{page.url} is {width}px wide at 375px"


def _axe(page, role, label):
    check = check_page(page, role=role, label=label)
    assert not check.violations, [f"{v.rule}: {v.help}" for v in check.violations]


def test_two_trainees_discuss_a_module_and_the_instructor_moderates(cohort, phone, no_script_phone):
    ana, ben, instructor, module = cohort["ana"], cohort["ben"], cohort["instructor"], cohort["module"]

    # Ana, without scripts: from the module page, "Discuss this module" opens the form with it chosen.
    page = no_script_phone
    login(page, ana.email, factories.PASSWORD)
    page.goto(module.url)
    page.get_by_role("link", name="Discuss this module").click()
    page.wait_for_load_state()
    assert page.get_by_label("Module (optional)").input_value() == str(module.pk)
    page.get_by_label("Title").fill("Open or closed questions?")
    page.get_by_label("Message").fill("When do you use a **closed** question? <b>not bold</b>")
    page.get_by_role("button", name="Post thread").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == "Open or closed questions?"
    post = page.locator("article.discussion-post").first
    assert post.locator("strong").inner_text() == "closed"
    assert "<b>not bold</b>" in post.inner_text()  # HTML typed is shown as text
    assert "Ana" in post.inner_text() and "Lopez" not in page.content()
    _fits(page)
    logout(page)

    # Ben, on a phone with scripts: replies by keyboard, and his reply mentions an overdose.
    page = phone
    login(page, ben.email, factories.PASSWORD)
    page.goto(cohort["course"].url)
    page.get_by_role("link", name="Go to the discussion").click()
    page.wait_for_load_state()
    _axe(page, "trainee", "discussion list")
    page.get_by_role("link", name="Open or closed questions?").click()
    page.wait_for_load_state()
    reply = page.get_by_label("Your reply")
    reply.focus()
    page.keyboard.type("Closed ones help after an overdose scare, to check facts fast.")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Post reply"
    with page.expect_navigation(url="**/discussion/*/#post-*"):
        page.keyboard.press("Enter")
    page.wait_for_load_state()
    crisis = page.locator(".crisis-panel")
    assert crisis.count() == 1, list(Post.objects.values_list("body", "safety"))
    assert crisis.get_attribute("role") == "alert"
    assert crisis.get_by_role("heading", name="Support is here, right now").count() == 1
    assert crisis.get_by_role("link", name="Call 988").get_attribute("href") == "tel:988"
    assert "Ben O." in page.locator("main").inner_text()
    _fits(page)
    _axe(page, "trainee", "thread with crisis resources")
    logout(page)

    # The instructor: the safety item waits in the queue; hides Ben's reply and locks the thread.
    login(page, instructor.email, factories.PASSWORD)
    page.goto(f"/learn/courses/{cohort['course'].pk}/discussion/")
    page.get_by_role("link", name="Moderation queue (1 open)").click()
    page.wait_for_load_state()
    assert "Safety" in page.locator("main").inner_text()
    _axe(page, "instructor", "moderation queue")
    page.get_by_role("link", name="Post by Ben O. in “Open or closed questions?”").click()
    page.wait_for_load_state()
    page.get_by_role("button", name="Hide the post by Ben O.").click()
    page.wait_for_load_state()
    page.get_by_role("button", name="Lock thread").click()
    page.wait_for_load_state()
    assert "A moderator has locked this thread" in page.locator("main").inner_text()
    _fits(page)
    _axe(page, "instructor", "locked thread")
    logout(page)

    # Ana sees the reply hidden and no reply form.
    page = no_script_phone
    login(page, ana.email, factories.PASSWORD)
    thread = Thread.objects.get()
    page.goto(f"/learn/courses/{cohort['course'].pk}/discussion/{thread.pk}/")
    main = page.locator("main").inner_text()
    assert "Hidden by a moderator." in main and "overdose scare" not in main
    assert page.get_by_role("button", name="Post reply").count() == 0
    assert Post.objects.filter(hidden=True).count() == 1 and thread.locked

"""A trainee's notifications on a phone (375 px): the header's count, the list, opening one by keyboard
(it is marked read and leads where it points), marking all read, and the email choices, with scripts
switched off (nothing here needs one) and nothing wider than the screen."""

import pytest

from lms.notifications import services
from lms.notifications.models import NotificationKind
from tests import factories

from .conftest import login, off_the_event_loop

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def _with_notifications():
    user = factories.TraineeFactory(full_name="Sam Rivera")
    for i, kind in enumerate([NotificationKind.HOURS_DECIDED, NotificationKind.CERTIFICATE_REVOKED]):
        services.notify(
            user=user,
            kind=kind,
            key=str(i),
            title=["Hours approved: 2.5 h", "Your certificate for Peer Recovery is revoked"][i],
            body="Certificate PR-ABCD-EFGH-JKLM was revoked on March 3, 2026.\nReason: Board order",
            link="/certification/hours/" if i == 0 else "/certificates/",
        )
    return user


@pytest.fixture
def trainee(db):
    """Sam Rivera with two unread notifications. Written in a worker thread on this thread's connection:
    Playwright's sync API keeps an asyncio loop running in this one, where Django refuses queries."""
    return off_the_event_loop(_with_notifications)


@pytest.fixture
def no_script_phone(_browser, live_server):
    context = _browser.new_context(
        viewport={"width": 375, "height": 740}, base_url=live_server.url, java_script_enabled=False
    )
    context.set_default_timeout(15000)
    page = context.new_page()
    yield page
    context.close()


def _no_overflow(page):
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, f"{page.url} is {width}px wide at 375px"


def test_notifications_on_a_phone_by_keyboard_without_script(trainee, no_script_phone, phone):
    page = no_script_phone
    login(page, trainee.email, factories.PASSWORD)
    header = page.get_by_role("navigation", name="Main")
    link = header.get_by_role("link", name="Notifications (2 unread)")
    assert link.inner_text().startswith("Notifications (2)")
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/notifications/")
    assert page.get_by_text("Unread", exact=True).count() == 2

    # Tab to the newest notification's link and open it with Enter: it is read, and we are where it points.
    newest = page.get_by_role("link", name="Your certificate for Peer Recovery is revoked")
    for _ in range(40):
        page.keyboard.press("Tab")
        if newest.evaluate("el => el === document.activeElement"):
            break
    else:
        pytest.fail("the notification's link is not reachable by keyboard")
    page.keyboard.press("Enter")
    page.wait_for_url("**/certificates/")
    assert page.get_by_role("link", name="Notifications (1 unread)").count() == 1

    page.goto("/notifications/")
    page.get_by_role("button", name="Mark all as read").click()
    page.wait_for_load_state()
    assert page.get_by_text("Unread", exact=True).count() == 0
    assert page.get_by_role("link", name="Notifications", exact=True).count() == 1

    page.get_by_role("link", name="Choose which ones are emailed to you").click()
    box = page.get_by_label("Certificate revoked")
    assert box.is_checked()
    box.uncheck()
    page.get_by_role("button", name="Save").click()
    page.wait_for_load_state()
    assert page.get_by_text("Your notification choices are saved.").count() == 1
    assert not page.get_by_label("Certificate revoked").is_checked()

    # The same pages at 375 px with scripts on, for measuring: nothing wider than the screen.
    login(phone, trainee.email, factories.PASSWORD)
    for url in ("/notifications/", "/notifications/settings/"):
        phone.goto(url)
        _no_overflow(phone)

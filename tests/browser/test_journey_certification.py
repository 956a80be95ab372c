"""Issue 4's journey on a phone: a trainee logs practice hours, their supervisor approves them, the
trainee's checklist moves, and a program administrator sees who is eligible in the cohort."""

import re
from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from certificates.models import PracticeLog, Requirement
from certificates.programs import services as program_services
from tests import factories
from tests.certificates.factories import (
    ProgramFactory,
    VersionFactory,
    add_pledge,
    add_requirement,
    assign,
    enroll,
    log,
)

from .conftest import login, logout

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

Kind = Requirement.Kind


@pytest.fixture
def certification():
    """A program needing 10 approved practice hours and the signed code of ethics. Alex (the trainee
    of the journey) has a supervisor and nothing else yet; Sam already meets every requirement."""
    program = ProgramFactory(slug="peer-recovery", name="Peer Recovery Specialist")
    version = VersionFactory(program=program, label="2024")
    add_requirement(version, Kind.PRACTICE_HOURS, hours=Decimal("10"))
    add_requirement(version, Kind.ETHICS_PLEDGE)
    pledge = add_pledge(program)
    supervisor = factories.SupervisorFactory(full_name="Morgan Blake")
    trainee = factories.TraineeFactory(full_name="Alex Rivera")
    assign(supervisor, trainee)
    enroll(trainee, version)

    eligible = factories.TraineeFactory(full_name="Sam Okoye")
    other_supervisor = factories.SupervisorFactory(full_name="Dana Frost")
    assign(other_supervisor, eligible)
    enroll(eligible, version)
    log(eligible, other_supervisor, hours="10")
    program_services.pledge_sign(user=eligible, pledge=pledge, typed_name="Sam Okoye")

    admin = factories.ProgramAdminFactory(full_name="Riley Okafor")
    return program, trainee, supervisor, eligible, admin


def _main(page) -> str:
    return page.locator("main").inner_text()


def _no_horizontal_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


def _practice_item(page):
    return page.locator(".checklist__item").filter(has_text="10 supervised practice hours")


def test_hours_logged_approved_and_counted_then_cohort_shows_eligible(phone, laptop, certification):
    program, trainee, supervisor, eligible, admin = certification
    page = phone
    today = timezone.localdate()
    worked_on = today - timedelta(days=2)

    # The trainee starts from an empty checklist.
    login(page, trainee.email, factories.PASSWORD)
    page.goto("/certification/")
    item = _practice_item(page)
    assert "0 of 10 practice hours approved" in item.inner_text()
    assert item.get_by_role("progressbar").get_attribute("aria-valuenow") == "0"
    page.get_by_role("link", name="Log practice hours").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == "My practice hours"
    assert _no_horizontal_scroll(page)

    # A date in the future is refused with a clear message, and nothing is saved.
    form = page.get_by_role("region", name="Log hours")
    form.get_by_label("Date").fill((today + timedelta(days=1)).isoformat())
    form.get_by_label("Hours").fill("3")
    with page.expect_navigation() as nav:
        page.get_by_role("button", name="Send to my supervisor").click()
    assert nav.value.status == 422
    assert "The date can't be in the future." in _main(page)
    assert not PracticeLog.objects.filter(trainee=trainee).exists()

    # The real entry: three hours two days ago; the only supervisor is already chosen.
    form = page.get_by_role("region", name="Log hours")
    form.get_by_label("Date").fill(worked_on.isoformat())
    form.get_by_label("Hours").fill("3")
    form.get_by_label("Setting").fill("Harbor House")
    form.get_by_label("What you did").fill("Ran the evening peer support group.")
    assert form.get_by_label("Supervisor").locator("option:checked").inner_text() == "Morgan Blake"
    page.get_by_role("button", name="Send to my supervisor").click()
    page.wait_for_load_state()
    assert "Saved. Your supervisor will review it." in _main(page)
    row = page.get_by_role("row").filter(has_text=worked_on.isoformat())
    assert "Waiting for approval" in row.inner_text()
    entry = PracticeLog.objects.get(trainee=trainee)
    assert (entry.hours, entry.status, entry.supervisor_id) == (
        Decimal("3"),
        PracticeLog.Status.PENDING,
        supervisor.pk,
    )

    # Pending hours are shown as waiting, not counted.
    page.goto("/certification/")
    assert "0 of 10 practice hours approved (3 waiting for approval)" in _practice_item(page).inner_text()
    logout(page)

    # The supervisor finds the entry in their queue and approves it.
    login(page, supervisor.email, factories.PASSWORD)
    page.get_by_role("link", name="Hours to review").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == "Hours to review"
    queued = page.get_by_role("listitem").filter(has_text="Alex Rivera").filter(has_text="Decide this entry")
    assert worked_on.isoformat() in queued.inner_text()
    assert "Harbor House: Ran the evening peer support group." in queued.inner_text()
    assert "Sam Okoye" not in _main(page)  # not theirs to supervise
    page.get_by_label(
        f"Select Alex Rivera, {worked_on.isoformat()} for a decision on several entries"
    ).check()
    bulk = page.get_by_role("group", name="Decision on several entries")
    assert bulk.get_by_label("Approve", exact=True).is_checked()
    page.get_by_role("button", name="Record decision", exact=True).click()
    page.wait_for_load_state()
    assert "Nothing waiting for you." in _main(page)
    entry.refresh_from_db()
    assert entry.status == PracticeLog.Status.APPROVED
    assert entry.decided_by_id == supervisor.pk
    logout(page)

    # Back to the trainee: the figure moved from 0 to 3 of 10.
    login(page, trainee.email, factories.PASSWORD)
    page.goto("/certification/")
    item = _practice_item(page)
    assert "3 of 10 practice hours approved" in item.inner_text()
    assert "waiting for approval" not in item.inner_text()
    assert item.get_by_role("progressbar").get_attribute("aria-valuenow") == "30"
    assert _no_horizontal_scroll(page)

    # A program administrator (on a laptop) opens the cohort: exactly one eligible trainee, Sam.
    desk = laptop
    login(desk, admin.email, factories.PASSWORD)
    # The header's link (the administrator's home also links to the programs).
    desk.get_by_role("navigation", name="Main").get_by_role("link", name="Programs", exact=True).click()
    desk.wait_for_load_state()
    # The link's hidden ": <program>" is absolutely positioned, so the accessible name has a space.
    desk.get_by_role("link", name=re.compile(r"^Cohort\s*: Peer Recovery Specialist$")).click()
    desk.wait_for_load_state()
    assert desk.url.endswith(f"/certification/manage/programs/{program.slug}/cohort/")
    sam = desk.get_by_role("row").filter(has_text="Sam Okoye")
    assert "Eligible" in sam.inner_text() and "2024" in sam.inner_text()
    still = desk.get_by_role("row").filter(has_text="Alex Rivera")
    assert "0 / 2" in still.inner_text()  # the practice hours are not met yet; neither is the pledge
    assert "3 of 10 practice hours approved" in still.inner_text()
    # Filtered to the eligible: exactly one, Sam (the filter and its page links keep each other).
    desk.get_by_label("Status").select_option("eligible")
    desk.get_by_role("button", name="Filter").click()
    desk.wait_for_load_state()
    assert "1 person matches." in _main(desk)
    names = desk.get_by_role("rowheader").all_inner_texts()
    assert names == ["Sam Okoye"]

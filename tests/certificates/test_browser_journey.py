"""In a browser: the trainee logs hours on a phone, the supervisor approves them, the checklist moves;
the program administrator sees the cohort with one eligible trainee."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from certificates.hours import services as hours_services
from certificates.programs import services as program_services
from certificates.recovery import services as recovery_services
from certificates.training import services as training_services
from courses.models import CompetencyDomain
from tests import factories
from tests.browser.conftest import _browser, laptop, login, logout, phone  # noqa: F401

from .factories import enroll, log

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def _eligible_trainee(world):
    person = factories.TraineeFactory(full_name="Jordan Eligible")
    enroll(person, world.version)
    hours_services.supervisor_assign(actor=world.admin, supervisor=world.supervisor, trainee=person)
    recovery_services.recovery_attest(
        user=person, recovery_start_date=date(2020, 1, 15), typed_name=person.full_name
    )
    log(person, world.supervisor, hours="10")
    training_services.external_training_record(
        actor=world.admin,
        user=person,
        provider="Board",
        title="Advocacy",
        completed_on=date(2024, 1, 1),
        hours={CompetencyDomain.objects.get(slug="advocacy"): Decimal("3")},
    )
    program_services.pledge_sign(
        user=person, pledge=world.program.current_pledge(), typed_name=person.full_name
    )
    return person


def _fits(page) -> bool:
    """No sideways scrolling at phone width."""
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


def test_log_approve_checklist_and_cohort(phone, world):  # noqa: F811
    page = phone
    eligible = _eligible_trainee(world)

    login(page, world.trainee.email, factories.PASSWORD)
    page.goto("/certification/")
    assert "4 of 10 practice hours approved (2 waiting for approval)" in page.locator("main").inner_text()
    page.get_by_role("link", name="Log practice hours").click()
    page.get_by_label("Date").fill((timezone.localdate() - timedelta(days=2)).isoformat())
    page.get_by_role("spinbutton", name="Hours").fill("4")
    page.get_by_label("Setting").fill("Drop-in center")
    page.get_by_role("button", name="Send to my supervisor").click()
    page.wait_for_load_state()
    assert "Saved. Your supervisor will review it." in page.locator("main").inner_text()
    assert _fits(page)
    logout(page)

    login(page, world.supervisor.email, factories.PASSWORD)
    page.goto("/certification/supervision/")
    assert _fits(page)
    for checkbox in page.get_by_role("checkbox").all():
        checkbox.check()
    page.get_by_role("button", name="Record decision").click()
    page.wait_for_load_state()
    assert "2 decisions recorded." in page.locator("main").inner_text()
    logout(page)

    login(page, world.trainee.email, factories.PASSWORD)
    page.goto("/certification/")
    assert "10 of 10 practice hours approved" in page.locator("main").inner_text()
    assert _fits(page)
    page.goto("/certification/recovery/")
    assert _fits(page)
    logout(page)

    login(page, world.admin.email, factories.PASSWORD)
    page.goto(f"/certification/manage/programs/{world.program.slug}/cohort/")
    main = page.locator("main").inner_text()
    assert eligible.full_name in main
    assert "Recovery time: not met yet" in main
    page.goto(f"/certification/manage/programs/{world.program.slug}/cohort/?status=eligible")
    main = page.locator("main").inner_text()
    assert "1 person matches." in main and eligible.full_name in main
    assert _fits(page)
    page.goto(f"/certification/manage/trainees/{world.trainee.pk}/")
    assert _fits(page)

"""The rules journey: a program administrator imports Kentucky's registration from the library; a trainee
logs directly supervised hours on a phone; their supervisor (no credential on record) sees the warning
and approves; the administrator records the board exam result; the trainee gives their date of birth
and education; the checklist says exactly what Kentucky's board would."""

from datetime import timedelta

import pytest
from django.utils import timezone

from certificates.models import CredentialProgram, OutsideExamResult, PracticeLog
from tests import factories
from tests.certificates.factories import assign

from .conftest import login, logout

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def _main(page) -> str:
    return page.locator("main").inner_text()


def _no_horizontal_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


def _row(page, text):
    return page.locator(".checklist__item").filter(has_text=text)


def test_kentucky_from_the_library_to_the_checklist(phone, laptop):
    admin = factories.ProgramAdminFactory(full_name="Riley Okafor")
    supervisor = factories.SupervisorFactory(full_name="Morgan Blake")
    trainee = factories.TraineeFactory(full_name="Alex Rivera")
    assign(supervisor, trainee)

    # The administrator imports the program from the library.
    desk = laptop
    login(desk, admin.email, factories.PASSWORD)
    desk.goto("/certification/manage/library/")
    desk.get_by_role("button", name="Registered Alcohol and Drug Peer Support Specialist (Kentucky)").click()
    desk.wait_for_load_state()
    assert "imported from the library" in _main(desk)
    program = CredentialProgram.objects.get(slug="ky-kbadc-peer-support")

    # The trainee joins it on a phone and logs six directly supervised hours.
    page = phone
    login(page, trainee.email, factories.PASSWORD)
    page.goto(f"/certification/programs/{program.slug}/")
    page.get_by_role("button", name="Work toward this credential").click()
    page.wait_for_load_state()
    assert "25 of those hours under direct supervision" in _main(page)
    page.goto("/certification/hours/")
    worked_on = timezone.localdate() - timedelta(days=2)
    form = page.get_by_role("region", name="Log hours")
    form.get_by_label("Date").fill(worked_on.isoformat())
    form.get_by_label("Hours").fill("6")
    form.get_by_label("Directly supervised").check()
    form.get_by_label("What you did").fill("Co-facilitated the morning recovery group.")
    form.get_by_role("button", name="Send to my supervisor").click()
    page.wait_for_load_state()
    entry = PracticeLog.objects.get(trainee=trainee)
    assert entry.directly_supervised and entry.status == PracticeLog.Status.PENDING
    assert _no_horizontal_scroll(page)
    logout(page)

    # The supervisor has no credential on record: the queue says so; they approve all the same.
    login(page, supervisor.email, factories.PASSWORD)
    page.goto("/certification/supervision/")
    card = page.get_by_role("listitem").filter(has_text="Alex Rivera").filter(has_text="Decide this entry")
    assert "logged as directly supervised" in card.inner_text()
    assert "No valid supervisor credential of yours is on record for this date" in card.inner_text()
    card.get_by_text("Decide this entry").click()
    assert card.get_by_label("I directly supervised this").is_checked()
    card.get_by_label("Approve", exact=True).check()
    card.get_by_role("button", name="Record decision").click()
    page.wait_for_load_state()
    entry.refresh_from_db()
    assert entry.status == PracticeLog.Status.APPROVED and entry.direct_supervision_confirmed is True
    assert _no_horizontal_scroll(page)
    logout(page)

    # The administrator records the board's written exam result from its notice.
    desk.goto(f"/certification/manage/trainees/{trainee.pk}/")
    desk.get_by_role("link", name="Records and hours").click()
    desk.get_by_role("link", name="Record an exam result").click()
    desk.wait_for_load_state()
    exam_form = desk.locator("form").filter(has=desk.get_by_role("button", name="Record result"))
    exam_form.get_by_label("Exam").select_option(
        label="KBADC peer support specialist written exam (Registered Alcohol and Drug Peer Support Specialist (Kentucky))"
    )
    exam_form.get_by_label("Taken on").fill((timezone.localdate() - timedelta(days=5)).isoformat())
    exam_form.get_by_label("Passed", exact=True).check()
    exam_form.get_by_role("button", name="Record result").click()
    desk.wait_for_load_state()
    assert "Exam result recorded." in _main(desk)
    assert OutsideExamResult.objects.filter(user=trainee, passed=True).count() == 1

    # The trainee gives their date of birth and education, and reads their checklist.
    login(page, trainee.email, factories.PASSWORD)
    page.goto("/certification/details/")
    birth = page.get_by_role("region", name="Date of birth")
    birth.get_by_label("Date of birth").fill("1990-04-02")
    birth.get_by_label("Type your full name to sign").fill("Alex Rivera")
    birth.get_by_role("button", name="Sign and save").click()
    page.wait_for_load_state()
    education = page.get_by_role("region", name="Highest education completed")
    education.get_by_label("Highest education completed").select_option("high_school")
    education.get_by_label("Type your full name to sign").fill("alex rivera")
    education.get_by_role("button", name="Sign and save").click()
    page.wait_for_load_state()
    assert _no_horizontal_scroll(page)
    page.goto("/certification/")
    assert "Old enough" in _row(page, "Be at least 18 years old").inner_text()
    assert "Attested" in _row(page, "Education: High-school").inner_text()
    assert "Passed on" in _row(page, "KBADC").inner_text()
    # Direct hours signed off by a supervisor with no credential on record don't count for Kentucky.
    direct = _row(page, "25 of those hours under direct supervision").inner_text()
    assert "0 of 25 directly supervised practice hours approved" in direct
    assert "6 of 500 practice hours approved" in _row(page, "500 hours of experience").inner_text()
    assert _no_horizontal_scroll(page)

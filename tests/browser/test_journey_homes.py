"""Issue 11, items 1 and 2 in a browser: each role logs in and lands on its own home (a phone and a
laptop), acts from it in one click, and axe finds no serious or critical violation there; a new trainee
joins a credential program from their dashboard; an instructor's edit submitted in the Wagtail admin is
approved by a program administrator from their dashboard and goes live."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import WorkflowState

from assessments.models import Attempt
from certificates.issuing.models import CertificateApplication
from certificates.models import PracticeLog, ProgramEnrollment
from courses.models import ModulePage
from courses.seed import _grant_permissions
from tests import factories
from tests.assessments.factories import QUIZ, make_assessment
from tests.certificates.factories import ProgramFactory, VersionFactory, assign, enroll, log

from .a11y import check_page
from .conftest import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def world(catalogue):
    _grant_permissions(catalogue)  # the catalogue's page permissions, as the demo seed grants them
    w = {
        "instructor": factories.InstructorFactory(full_name="Morgan Ellis"),
        "supervisor": factories.SupervisorFactory(full_name="Casey Brooks"),
        "admin": factories.ProgramAdminFactory(full_name="Riley Okafor"),
        "newcomer": factories.TraineeFactory(full_name="Alex Rivera"),
        "jamie": factories.TraineeFactory(full_name="Jamie Ortiz"),
        "sam": factories.TraineeFactory(full_name="Sam Okoye"),
    }
    course = factories.make_course(catalogue, title="Listening well", instructors=[w["instructor"]])
    w["module"] = factories.make_module(course, title="Open questions")
    Attempt.objects.create(
        assessment=make_assessment(course, questions=QUIZ),
        user=w["jamie"],
        number=1,
        status=Attempt.Status.AWAITING_GRADING,
        pass_mark=70,
        submitted_at=timezone.now() - timedelta(hours=3),
    )
    assign(w["supervisor"], w["jamie"])
    log(w["jamie"], w["supervisor"], status=PracticeLog.Status.PENDING)
    version = VersionFactory(program=ProgramFactory(name="Peer Recovery Specialist", issuing_body="IC&RC"))
    enroll(w["sam"], version)
    CertificateApplication.objects.create(user=w["sam"], version=version, program=version.program)
    w["program"] = version.program
    return w


@pytest.fixture
def screens(_browser, live_server):
    """A phone and a laptop, each able to take axe's script (bypass_csp)."""
    contexts = [
        _browser.new_context(viewport={"width": w, "height": 800}, base_url=live_server.url, bypass_csp=True)
        for w in (375, 1280)
    ]
    pages = []
    for context in contexts:
        context.set_default_timeout(20000)
        pages.append(context.new_page())
    yield pages
    for context in contexts:
        context.close()


def _accessible(page, role, label):
    check = check_page(page, role=role, label=label)
    assert not check.violations, "\n".join(v.describe() for v in check.violations)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"], f"{label} is {width}px wide"


def _eventually(page, query, seconds=15):
    """The query once it finds something: the browser's request may still be on its way."""
    for _ in range(seconds * 4):
        if query().exists():
            return query()
        page.wait_for_timeout(250)
    raise AssertionError("never happened")


def _logged_in(page, person):
    page.context.clear_cookies()
    login(page, person.email, factories.PASSWORD)


def test_each_role_lands_on_its_home_and_acts_from_it(screens, world):
    for page in screens:
        _logged_in(page, world["instructor"])
        assert page.url.endswith("/home/")
        assert page.get_by_role("heading", level=1).inner_text() == "Home"
        nav = page.get_by_role("navigation", name="Main")
        assert nav.get_by_role("link", name="Home", exact=True).count() == 1
        assert page.get_by_role("heading", name="Teaching").count() == 1
        _accessible(page, "instructor", "home")
        page.get_by_role("link", name=re.compile(r"^Grade\s*: Jamie Ortiz")).click()
        page.wait_for_load_state()
        assert "/assessments/grading/" in page.url

        _logged_in(page, world["supervisor"])
        assert page.url.endswith("/home/")
        assert "1 entry of hours is waiting for your decision." in page.locator("main").inner_text()
        _accessible(page, "supervisor", "home")
        page.get_by_role("link", name="Jamie Ortiz").click()
        page.wait_for_load_state()
        assert f"trainee={world['jamie'].pk}" in page.url

        _logged_in(page, world["admin"])
        assert page.url.endswith("/home/")
        main = page.locator("main").inner_text()
        assert "Sam Okoye" in main and "Peer Recovery Specialist" in main
        _accessible(page, "program administrator", "home")
        page.get_by_role("link", name="Decide on applications").click()
        page.wait_for_load_state()
        assert page.url.endswith("/certificates/manage/")


def test_new_trainee_joins_a_credential_program_in_one_click(screens, world):
    page = screens[0]  # a phone
    _logged_in(page, world["newcomer"])
    assert page.url.endswith("/learn/dashboard/")
    nav = page.get_by_role("navigation", name="Main")
    assert nav.get_by_role("link", name="My learning").count() == 1
    main = page.locator("main")
    assert "Choose the credential you are working toward" in main.inner_text()
    assert "Start by choosing the credential" in main.inner_text()
    _accessible(page, "trainee", "my learning (no program)")

    page.get_by_role(
        "button", name=re.compile(r"^Work toward this credential\s*: Peer Recovery Specialist$")
    ).click()
    page.wait_for_load_state()
    assert page.url.endswith("/certification/")
    assert "You are now working toward Peer Recovery Specialist." in page.locator("main").inner_text()
    assert ProgramEnrollment.objects.filter(user=world["newcomer"], program=world["program"]).exists()

    page.goto("/learn/dashboard/")
    assert page.get_by_role("heading", name="Working toward a certificate").count() == 1
    assert page.get_by_role("button", name="Work toward this credential").count() == 0


def test_instructor_edit_goes_live_once_an_administrator_approves_it(screens, world):
    page = screens[1]  # a laptop
    module = world["module"]
    _logged_in(page, world["instructor"])
    page.goto(f"/admin/pages/{module.pk}/edit/")
    page.locator("#id_title").fill("Open questions, revised")
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Submit to Program administrator review").click()
    _eventually(page, lambda: WorkflowState.objects.filter(object_id=str(module.pk), status="in_progress"))
    assert ModulePage.objects.get(pk=module.pk).title == "Open questions"  # not live yet

    _logged_in(page, world["admin"])
    assert "waiting for your review before it goes live" in page.locator("main").inner_text()
    page.get_by_role("link", name="Review them in the editor").click()
    page.wait_for_load_state()
    review = page.get_by_role("region", name="Awaiting your review")
    assert "Open questions, revised" in review.inner_text() and "Morgan Ellis" in review.inner_text()
    review.get_by_role("button", name="Actions").click()
    page.get_by_role("button", name="Approve", exact=True).click()
    page.wait_for_load_state()

    live = _eventually(page, lambda: ModulePage.objects.filter(pk=module.pk, title="Open questions, revised"))
    assert live.get().live and not live.get().has_unpublished_changes

"""The pages people use break no rule of the Content-Security-Policy: Chromium reports no violation on
the main public, trainee and staff pages of the demo site (and none on the admin and API docs under
their relaxed policies)."""

import pytest
from django.core.management import call_command

from assessments import services as assessment_services
from assessments.models import Assessment
from certificates.models import CredentialProgram
from courses.models import CatalogPage, CoursePage, ModulePage
from courses.services import enrollment_create
from lms.seed import DEMO_USERS
from tests import factories

from .conftest import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PASSWORDS = {key: password for key, _email, _name, _role, password in DEMO_USERS}
EMAILS = {key: email for key, email, _name, _role, _password in DEMO_USERS}

# Recorded by the page itself, whatever reports it: the init script runs before any page script and is
# not subject to the page's policy.
LISTEN = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`);
});
"""


@pytest.fixture
def demo():
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115


@pytest.fixture
def watched(laptop):
    """The laptop page, recording CSP violations from the console and from the DOM event."""
    page = laptop
    page.context.add_init_script(LISTEN)
    console: list[str] = []
    page.on(
        "console",
        lambda msg: (
            console.append(msg.text)
            if "Content Security Policy" in msg.text or msg.text.startswith("Refused to")
            else None
        ),
    )
    page.csp_console = console
    return page


def visit(page, url, problems):
    response = page.goto(url)
    assert response is not None and response.status < 500, (url, response and response.status)
    assert "Content-Security-Policy" in {k.title(): v for k, v in response.headers.items()}, url
    page.wait_for_load_state("networkidle")
    for violation in page.evaluate("window.__csp || []"):
        problems.append(f"{url}: {violation}")
    for message in page.csp_console:
        problems.append(f"{url}: {message}")
    page.csp_console.clear()


def test_pages_break_no_csp_rule(watched, demo, live_server):
    page = watched
    problems: list[str] = []
    course = CoursePage.objects.live().order_by("path").first()
    module = ModulePage.objects.live().child_of(course).order_by("path").first()
    catalogue = CatalogPage.objects.live().first()
    program = CredentialProgram.objects.order_by("slug").first()

    # Anyone.
    for url in (
        "/accounts/login/",
        "/accounts/signup/",
        catalogue.url,
        course.url,
        "/verify/",
        "/verify/XXXX-XXXX-XXXX/",
    ):
        visit(page, url, problems)

    # A trainee taking a quiz (attempt.js runs on the take page).
    trainee = factories.TraineeFactory()
    enrollment_create(user=trainee, course=course)
    quiz = Assessment.objects.filter(module=module).first()
    attempt = assessment_services.attempt_start(user=trainee, assessment=quiz)
    login(page, trainee.email, factories.PASSWORD)
    for url in (
        "/learn/dashboard/",
        course.url,
        module.url,
        f"/assessments/{quiz.pk}/",
        f"/assessments/attempts/{attempt.pk}/",
        "/certification/",
        "/certification/hours/",
        "/certification/recovery/",
        "/certificates/",
        "/profile/",
    ):
        visit(page, url, problems)
    page.context.clear_cookies()

    # An instructor: the grading queue, a gradebook, and a page with Wagtail's user bar.
    login(page, EMAILS["instructor"], PASSWORDS["instructor"])
    for url in ("/assessments/grading/", f"/assessments/gradebook/{course.pk}/", course.url):
        visit(page, url, problems)
    page.context.clear_cookies()

    # A supervisor's queue; a program administrator's cohort, trainees and the relaxed admin and docs.
    login(page, EMAILS["supervisor"], PASSWORDS["supervisor"])
    visit(page, "/certification/supervision/", problems)
    page.context.clear_cookies()
    login(page, EMAILS["admin"], PASSWORDS["admin"])
    for url in (
        "/certification/manage/",
        f"/certification/manage/programs/{program.slug}/cohort/",
        "/certification/manage/trainees/",
        "/certificates/manage/",
        "/admin/",
        "/api/v1/docs",
    ):
        visit(page, url, problems)

    assert problems == []

"""Every page each role can reach, at 375 px and at 1280 px, checked by axe-core (WCAG 2.x A and AA):
no serious or critical violation outside Wagtail's and Django's own admin, and every such page under
150 KB (the document and every same-origin file it loads). The demo's data (seed_demo) plus an issued,
a revoked and a pending certificate give each page something real to show.

The pages are data: one list per role in a11y_pages.py; append a page to the list of the role that
reaches it. The run ends with a summary per role (pages, violations, heaviest page), also written to
test-results/a11y.json."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.management import call_command

from assessments import services as assessment_services
from assessments.models import Assessment, Attempt
from certificates.issuing import services as issuing_services
from certificates.issuing.codes import format_code, generate_code
from certificates.models import Certificate, CredentialProgram, Requirement
from certificates.seed import ICRC_SLUG
from courses.models import CatalogPage, CoursePage, ModulePage
from courses.selectors import course_modules
from lms.seed import DEMO_USERS
from tests import factories
from tests.certificates.factories import ProgramFactory, VersionFactory, add_requirement
from tests.certificates.issuing.helpers import (  # noqa: F401 (fixtures)
    _roomy_rate_limits,
    issue,
    issuing,
    issuing_storage,
    make_eligible,
    signing_material,
    stored_pdf,
)

from .a11y import AXE_JS_DEFAULT, LEDGER, Ledger, PageCheck, axe_path, check_page
from .a11y_pages import PAGES, VISITORS, WIDTHS, Visit
from .conftest import login, off_the_event_loop


def journey(test):
    """A browser test on the live server (skipped unless RUN_BROWSER=1)."""
    return pytest.mark.browser(pytest.mark.django_db(transaction=True, serialized_rollback=True)(test))


# Violations found in pages another piece of work owns, to be fixed there: (role, page label, axe rule).
# Each must still occur (the test fails when one no longer does, so the list only shrinks); the
# coordinator empties it as those fixes land.
KNOWN: set[tuple[str, str, str]] = set()

# Non-admin pages still over the weight limit, owned elsewhere: (role, page label).
KNOWN_HEAVY: set[tuple[str, str]] = set()


def _role(visitor: str) -> str:
    return visitor.split(" (")[0]


@pytest.fixture
def world(issuing, tmp_path):  # noqa: F811
    axe_path()  # before the data: fails (never skips) at once when axe-core is missing
    return off_the_event_loop(lambda: _build_world(tmp_path))


def _build_world(tmp_path) -> dict:
    """The demo site and people (seed_demo), plus: Jordan (eligible) holds an issued IC&RC certificate;
    another trainee's certificate of a second program was revoked; a third trainee's application waits;
    Alex is part-way through a quiz; Sam's final exam waits in the instructor's queue."""
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    from lms.models import User

    users = {key: User.objects.get(email=email) for key, email, *_ in DEMO_USERS}
    passwords = {key: password for key, _e, _n, _r, password in DEMO_USERS}
    admin = users["admin"]

    icrc = CredentialProgram.objects.get(slug=ICRC_SLUG)
    certificate = issue(user=users["trainee_eligible"], version=icrc.current_version(), actor=admin)

    family = VersionFactory(
        program=ProgramFactory(
            slug="family-peer-support", name="Family Peer Support Specialist", issuing_body="State Peer Board"
        ),
        label="2024",
    )
    add_requirement(family, Requirement.Kind.PRACTICE_HOURS, hours=Decimal("10"))
    revoked_holder = make_eligible(factories.TraineeFactory(full_name="Taylor Reed"), family)
    revoked = issue(user=revoked_holder, version=family, actor=admin)
    revoked = issuing_services.certificate_revoke(
        actor=admin, certificate=revoked, reason="Board decision 12: supervised hours could not be confirmed."
    )
    waiting = make_eligible(factories.TraineeFactory(full_name="Dana Cruz"), family)
    issuing_services.application_submit(actor=waiting, user=waiting, version=family)

    catalogue = CatalogPage.objects.live().first()
    course = CoursePage.objects.live().child_of(catalogue).order_by("path").first()
    modules = list(course_modules(course=course))
    module = modules[1] if len(modules) > 1 else modules[0]
    quiz = Assessment.objects.filter(module=module).first()
    attempt = assessment_services.attempt_start(user=users["trainee"], assessment=quiz)
    released = (
        Attempt.objects.filter(user=users["trainee_eligible"], status=Attempt.Status.RELEASED)
        .order_by("pk")
        .first()
    )
    to_grade = Attempt.objects.filter(status=Attempt.Status.AWAITING_GRADING).order_by("pk").first()
    assert released is not None and to_grade is not None, (
        "seed_demo no longer leaves a released and a queued attempt"
    )

    pdf = tmp_path / "certificate.pdf"
    pdf.write_bytes(stored_pdf(certificate))
    unknown = generate_code()
    assert not Certificate.objects.filter(code=unknown).exists()
    users["revoked_holder"] = revoked_holder
    users["newcomer"] = factories.TraineeFactory(full_name="Robin Vega")
    passwords["revoked_holder"] = passwords["newcomer"] = factories.PASSWORD
    return {
        "users": users,
        "passwords": passwords,
        "course": course,
        "module": ModulePage.objects.get(pk=module.pk),
        "quiz": quiz,
        "attempt": attempt,
        "released": released,
        "to_grade": to_grade,
        "certificate": certificate,
        "revoked": revoked,
        "valid_code": format_code(certificate.code),
        "revoked_code": format_code(revoked.code),
        "unknown_code": format_code(unknown),
        "pdf": str(pdf),
    }


@pytest.fixture
def ledger():
    """The run's ledger: every check is summarised after the run (tests/browser/conftest.py)."""
    return LEDGER


def _visit_all(browser, base_url: str, world: dict, visitor: str, pages: list[Visit], ledger: Ledger):
    """Open each page at each width in one browser context (signed in as the visitor) and check it."""
    context = browser.new_context(viewport={"width": WIDTHS[0], "height": 800}, base_url=base_url)
    context.set_default_timeout(20000)
    page = context.new_page()
    checks: list[tuple[Visit, PageCheck]] = []
    wrong_status: list[str] = []
    try:
        who = VISITORS[visitor]
        if who is not None:
            login(page, world["users"][who].email, world["passwords"][who])
            assert "/accounts/login/" not in page.url, f"{visitor} could not log in"
        for visit in pages:
            # Opened (and acted on) once, at the phone's width, then widened: the same document is
            # laid out and checked again at each width.
            page.set_viewport_size({"width": WIDTHS[0], "height": 800})
            url = visit.url(world)
            response = page.goto(url)
            status = response.status if response else None
            if visit.act is not None:
                status = visit.act(page, world)
            if status != visit.status:
                wrong_status.append(
                    f"{visitor} · {visit.label} {url}: HTTP {status}, expected {visit.status}"
                )
            for width in WIDTHS:
                page.set_viewport_size({"width": width, "height": 800})
                check = check_page(page, role=_role(visitor), label=visit.label, ledger=ledger)
                checks.append((visit, check))
    finally:
        context.close()
    return checks, wrong_status


@journey
def test_every_page_of_every_role_passes_axe_and_stays_light(_browser, live_server, world, ledger):
    problems: list[str] = []
    seen_known: set[tuple[str, str, str]] = set()
    seen_heavy: set[tuple[str, str]] = set()
    for visitor, pages in PAGES.items():
        checks, wrong_status = _visit_all(_browser, live_server.url, world, visitor, pages, ledger)
        problems += wrong_status
        for visit, check in checks:
            if check.admin:
                continue
            for violation in check.violations:
                key = (visitor, visit.label, violation.rule)
                if key in KNOWN:
                    seen_known.add(key)
                    continue
                problems.append(f"{check.where()}: {violation.describe()}")
            if check.weight >= 150 * 1024:
                if (visitor, visit.label) in KNOWN_HEAVY:
                    seen_heavy.add((visitor, visit.label))
                    continue
                heavy = sorted(check.files, key=lambda f: -f[1])[:3]
                problems.append(f"{check.where()}: weighs {check.weight / 1024:.0f} KB (largest: {heavy})")
    problems += [f"KNOWN entry no longer occurs, remove it: {key}" for key in sorted(KNOWN - seen_known)]
    problems += [
        f"KNOWN_HEAVY entry no longer occurs, remove it: {key}" for key in sorted(KNOWN_HEAVY - seen_heavy)
    ]
    assert not problems, "\n".join(problems)


@journey
def test_the_check_finds_what_it_should(_browser, live_server):
    """The checker is not blind, under the site's own Content-Security-Policy: a page with an unlabelled
    field, an image without text and grey-on-white text gets those violations, and its weight counts
    its files."""
    context = _browser.new_context(base_url=live_server.url)
    page = context.new_page()
    try:
        page.goto("/accounts/login/")
        page.evaluate(
            """() => {
              const main = document.querySelector('main');
              main.insertAdjacentHTML('beforeend',
                '<input type="text" id="bad-field"><img src="/static/css/site.css" id="bad-img">' +
                '<p id="bad-text">Faint text</p>');
              // Through the CSSOM: the policy refuses style attributes written in markup.
              Object.assign(document.getElementById('bad-text').style, {color: '#bbb', background: '#fff'});
            }"""
        )
        check = check_page(page, role="self-test", label="broken on purpose", ledger=Ledger())
    finally:
        context.close()
    rules = {v.rule for v in check.violations}
    assert {"label", "image-alt", "color-contrast"} <= rules, rules
    assert check.weight > 0 and any(path.endswith("site.css") for path, _ in check.files)


@pytest.mark.browser
def test_missing_axe_fails_rather_than_skips(monkeypatch, tmp_path):
    """A browser run without axe-core fails, naming the way to install it."""
    monkeypatch.setenv("AXE_JS", str(tmp_path / "nowhere" / "axe.min.js"))
    with pytest.raises(pytest.fail.Exception, match="axe-core not found") as failure:
        axe_path()
    assert "make test-browser" in str(failure.value)
    monkeypatch.setenv("AXE_JS", str(AXE_JS_DEFAULT))
    if AXE_JS_DEFAULT.is_file():
        assert axe_path() == AXE_JS_DEFAULT

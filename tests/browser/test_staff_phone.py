"""Staff pages on a phone (375 px) and a laptop (1280 px), issue 11 item 3: the supervisor, the
instructor and the program administrator each visit their pages; none scrolls sideways as a page,
each page's key action is on screen, any table region that scrolls is reachable by keyboard and named,
pages stay under 150 KB. The supervisor ticks a whole page at once (a script-enhanced box; without
script the "all matching, on every page" choice does it) and a refused decision comes back on the
queue with every tick kept."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from assessments.models import Attempt
from certificates.models import PracticeLog, Requirement
from courses.models import CompetencyDomain
from courses.services import enrollment_create
from tests import factories
from tests.assessments.factories import ESSAY, QUIZ, SINGLE, make_assessment
from tests.certificates.factories import ProgramFactory, VersionFactory, add_requirement, assign, enroll, log

from .conftest import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PENDING = PracticeLog.Status.PENDING
# Long words are what push a page sideways on a phone.
LONG_NAME = "Maximiliana Esperanza Montgomery-Vandersloot"
LONG_EMAIL = "maximiliana.esperanza.montgomery-vandersloot@regional-recovery-community-services.example.org"
MODULES = [
    "The peer relationship and the spirit of motivational interviewing",
    "Open questions and affirmations",
    "Reflective listening and summaries",
    "Change talk, discord and sharing your story with purpose",
    "Words that respect: person-first language and self-advocacy",
    "Boundaries, dual relationships and confidentiality in small communities",
]
WEIGHT_LIMIT = 150 * 1024


@pytest.fixture
def staff(catalogue):
    """A supervisor with 30 entries waiting (two pages: 25 + 5) from two trainees, one with a long name
    and address; an instructor's course with six module quizzes and a final exam, one attempt waiting
    for a grade; a program both trainees work toward; a program administrator."""
    today = timezone.localdate()
    domain = CompetencyDomain.objects.get(slug="advocacy")
    supervisor = factories.SupervisorFactory(full_name="Morgan Blake")
    long = factories.TraineeFactory(full_name=LONG_NAME, email=LONG_EMAIL)
    ana = factories.TraineeFactory(full_name="Ana Ruiz")
    assign(supervisor, long)
    assign(supervisor, ana)
    for i in range(3):
        log(ana, supervisor, hours="2", status=PENDING, on=today - timedelta(days=i + 1), domain=domain)
    for i in range(27):
        log(long, supervisor, hours="1.5", status=PENDING, on=today - timedelta(days=i + 1), domain=domain)

    instructor = factories.InstructorFactory(full_name="Robin Hale")
    course = factories.make_course(catalogue, title="Active listening", instructors=[instructor])
    for title in MODULES:
        make_assessment(course, module=factories.make_module(course, title=title), questions=[SINGLE])
    exam = make_assessment(course, questions=QUIZ + [ESSAY], pass_mark=70)
    for person in (long, ana):
        enrollment_create(user=person, course=course)
    Attempt.objects.create(
        assessment=exam,
        user=long,
        number=1,
        status=Attempt.Status.AWAITING_GRADING,
        pass_mark=70,
        submitted_at=timezone.now() - timedelta(hours=2),
    )

    program = ProgramFactory(slug="peer-recovery", name="Peer Recovery Specialist")
    version = VersionFactory(program=program, label="2024")
    add_requirement(version, Requirement.Kind.PRACTICE_HOURS, hours=Decimal("500"))
    add_requirement(version, Requirement.Kind.DOMAIN_TRAINING_HOURS, domain=domain, hours=Decimal("10"))
    add_requirement(version, Requirement.Kind.ETHICS_PLEDGE)
    enroll(long, version)
    enroll(ana, version)
    admin = factories.ProgramAdminFactory(full_name="Riley Okafor")
    return {
        "supervisor": supervisor,
        "long": long,
        "ana": ana,
        "instructor": instructor,
        "course": course,
        "program": program,
        "admin": admin,
    }


# --- What every page is checked for ------------------------------------------------------------------

_SCROLLERS = """() => [...document.querySelectorAll('body *')].filter((el) => {
  const s = getComputedStyle(el);
  return (s.overflowX === 'auto' || s.overflowX === 'scroll') && el.scrollWidth > el.clientWidth + 1;
}).map((el) => {
  const ids = (el.getAttribute('aria-labelledby') || '').split(/\\s+/).filter(Boolean);
  const name = el.getAttribute('aria-label')
    || ids.map((i) => (document.getElementById(i) || {}).textContent || '').join(' ').trim();
  return {html: el.outerHTML.slice(0, 120), tabindex: el.getAttribute('tabindex'),
          role: el.getAttribute('role'), name};
})"""

_WEIGHT = """() => {
  const size = (e) => e.encodedBodySize || 0;
  const nav = performance.getEntriesByType('navigation')[0];
  const files = performance.getEntriesByType('resource').filter((r) => new URL(r.name).origin === location.origin);
  return (nav ? size(nav) : document.documentElement.outerHTML.length) + files.reduce((t, r) => t + size(r), 0);
}"""


def check_page(page, path, *, actions=()):
    """Visit `path`; no sideways scrolling of the page, each action (a locator factory) on screen,
    every scrolling region focusable and named, under the weight limit. Returns the page's text."""
    response = page.goto(path)
    assert response.status == 200, (path, response.status)
    width = page.viewport_size["width"]
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= width, f"{path} at {width} px is {scroll_width} px wide"
    for action in actions:
        # Where it is as the page opens: nothing scrolled sideways, neither the page nor a table region
        # (Playwright's own scrolling into view would scroll a region and hide the problem).
        box = action(page).first.evaluate(
            "(el) => { const r = el.getBoundingClientRect(); return {left: r.left, right: r.right, width: r.width}; }"
        )
        assert box["width"] > 0 and box["left"] >= 0 and box["right"] <= width, (path, width, box)
    for region in page.evaluate(_SCROLLERS):
        assert region["tabindex"] == "0" and region["role"] == "region" and region["name"], (path, region)
    weight = page.evaluate(_WEIGHT)
    assert weight < WEIGHT_LIMIT, f"{path}: {weight} bytes"
    return page.locator("main").inner_text()


def button(name):
    return lambda page: page.locator("main").get_by_role("button", name=name)


def link(name):
    return lambda page: page.locator("main").get_by_role("link", name=name)


def grade_button(page):
    return page.locator("main tbody a.button", has_text="Grade")


def ticked(page) -> list[bool]:
    return [box.is_checked() for box in page.locator('main input[name="entries"]').all()]


# --- Each role's pages at both sizes -----------------------------------------------------------------


def test_staff_pages_fit_a_phone_and_a_laptop(phone, laptop, staff):
    s = staff
    trainee_path = f"/certification/manage/trainees/{s['long'].pk}/"
    visits = {
        "supervisor": [
            ("/certification/supervision/", [button("Record decision"), lambda p: p.locator("summary")]),
            ("/certification/supervision/?page=2", [button("Record decision")]),
        ],
        "instructor": [
            ("/assessments/grading/", [grade_button]),
            ("/assessments/gradebook/", [link("Active listening")]),
            (f"/assessments/gradebook/{s['course'].pk}/", [link("Download CSV")]),
        ],
        "admin": [
            ("/certification/manage/", []),
            (
                f"/certification/manage/programs/{s['program'].slug}/cohort/",
                [button("Filter"), link(LONG_NAME)],
            ),
            ("/certification/manage/trainees/", [button("Search"), link(LONG_NAME)]),
            (f"/certification/manage/trainees/?q={LONG_NAME[:12]}", [link(LONG_NAME)]),
            (trainee_path, [button("Link supervisor"), link("Records and hours")]),
            (
                f"{trainee_path}records/",
                [link("Record training taken elsewhere"), link("Record an exam result")],
            ),
            (f"{trainee_path}external/", [button("Record training")]),
            ("/certification/manage/supervisors/", [lambda p: p.locator("main summary")]),
            ("/certification/manage/import/hours/", [button("Import")]),
            ("/certification/manage/import/external/", [button("Import")]),
            (f"/certification/manage/programs/{s['program'].slug}/import/exam-results/", [button("Import")]),
            (f"/assessments/gradebook/{s['course'].pk}/", [link("Download CSV")]),
        ],
        "long": [("/certification/hours/", [button("Send to my supervisor"), link("Edit the entry")])],
    }
    for page in (phone, laptop):
        for who, paths in visits.items():
            page.context.clear_cookies()
            login(page, s[who].email, factories.PASSWORD)
            for path, actions in paths:
                text = check_page(page, path, actions=actions)
                assert "That didn't work" not in text


def test_grading_queue_card_and_gradebook_region_on_a_phone(phone, laptop, staff):
    page = phone
    login(page, staff["instructor"].email, factories.PASSWORD)
    check_page(page, "/assessments/grading/")
    # One card per attempt: the trainee, labelled facts, and the Grade button under them.
    grade = grade_button(page)
    card = page.locator("main tbody tr").first
    labels = card.locator("td[data-label]").evaluate_all(
        "(tds) => tds.map((td) => getComputedStyle(td, '::before').content)"
    )
    assert labels == ['"Assessment: "', '"Submitted: "']
    cells = [card.locator(sel).first.bounding_box() for sel in ("th", "td >> nth=0", "td >> nth=1")]
    assert cells[0]["y"] < cells[1]["y"] < cells[2]["y"]  # stacked, not side by side
    assert grade.bounding_box()["y"] > card.locator("th").bounding_box()["y"]

    check_page(page, f"/assessments/gradebook/{staff['course'].pk}/")
    region = page.get_by_role(
        "region", name="Best score, attempts used and status per trainee and assessment"
    )
    assert region.evaluate("(el) => el.scrollWidth > el.clientWidth")  # it does scroll on a phone
    # Reachable by keyboard: Tab lands on it, the arrow keys scroll it.
    page.locator("main").focus()
    for _ in range(40):
        page.keyboard.press("Tab")
        if region.evaluate("(el) => el === document.activeElement"):
            break
    else:
        pytest.fail("the gradebook's scrolling region is never reached by Tab")
    for _ in range(8):
        page.keyboard.press("ArrowRight")
    # Arrow-key scrolling may be animated: wait for it (up to 3 s) rather than read it at once.
    page.wait_for_function("(el) => el.scrollLeft > 0", arg=region.element_handle(), timeout=3000)
    assert region.evaluate("(el) => el.scrollLeft") > 0
    # Scrolled to the far end, the trainee's name is still in view at the region's left edge.
    region.evaluate("(el) => { el.scrollLeft = el.scrollWidth; }")
    name = page.locator("main tbody th", has_text=LONG_NAME).first
    region_box, name_box = region.bounding_box(), name.bounding_box()
    assert abs(name_box["x"] - region_box["x"]) <= 1 and name_box["x"] + name_box["width"] <= 375

    # On a laptop the whole gradebook fits: nothing scrolls sideways.
    login(laptop, staff["instructor"].email, factories.PASSWORD)
    check_page(laptop, f"/assessments/gradebook/{staff['course'].pk}/")
    assert not laptop.locator("main .table-wrap").evaluate("(el) => el.scrollWidth > el.clientWidth + 1")


def test_tick_all_on_a_page_decides_that_page_only(phone, staff):
    page = phone
    login(page, staff["supervisor"].email, factories.PASSWORD)
    check_page(page, "/certification/supervision/?page=2")
    tick_all = page.get_by_label("Tick all 5 entries on this page")
    assert tick_all.is_visible()
    assert "This page only." in page.locator("main").inner_text()
    tick_all.check()
    assert ticked(page) == [True] * 5
    assert page.locator("[data-tick-count]").inner_text() == "(5 ticked)"
    page.locator('main input[name="entries"]').nth(2).uncheck()
    assert tick_all.evaluate("(el) => el.indeterminate && !el.checked")
    assert page.locator("[data-tick-count]").inner_text() == "(4 ticked)"
    tick_all.check()
    assert ticked(page) == [True] * 5
    ids = [
        int(v)
        for v in page.locator('main input[name="entries"]').evaluate_all("(els) => els.map((e) => e.value)")
    ]

    bulk = page.locator("#bulk-decision")
    with page.expect_navigation():
        bulk.get_by_role("button", name="Record decision").click()
    assert "5 decisions recorded." in page.locator("main").inner_text()
    approved = set(
        PracticeLog.objects.filter(status=PracticeLog.Status.APPROVED).values_list("pk", flat=True)
    )
    assert approved == set(ids)
    # The first page: its 25, nothing left ticked from before.
    page.goto("/certification/supervision/")
    assert ticked(page) == [False] * 25
    page.get_by_label("Tick all 25 entries on this page").check()
    assert ticked(page) == [True] * 25


def test_without_script_every_matching_entry_is_decided_across_pages(_browser, live_server, staff):
    context = _browser.new_context(
        viewport={"width": 375, "height": 740}, base_url=live_server.url, java_script_enabled=False
    )
    try:
        page = context.new_page()
        login(page, staff["supervisor"].email, factories.PASSWORD)
        check_page(page, f"/certification/supervision/?trainee={staff['long'].pk}")
        tick_all = page.locator("#tick-all")
        assert tick_all.count() == 1 and not tick_all.is_visible()  # it needs the script
        bulk = page.locator("#bulk-decision")
        bulk.get_by_label("All 27 entries matching the filter, on every page").check()
        with page.expect_navigation():
            bulk.get_by_role("button", name="Record decision").click()
        assert "27 decisions recorded." in page.locator("main").inner_text()
        assert not PracticeLog.objects.filter(trainee=staff["long"], status=PENDING).exists()
        assert PracticeLog.objects.filter(trainee=staff["ana"], status=PENDING).count() == 3
    finally:
        context.close()


def test_refused_decisions_come_back_on_the_queue_with_the_ticks(phone, staff):
    page = phone
    login(page, staff["supervisor"].email, factories.PASSWORD)
    page.goto("/certification/supervision/?page=2")
    boxes = page.locator('main input[name="entries"]')
    boxes.nth(0).check()
    boxes.nth(3).check()
    bulk = page.locator("#bulk-decision")
    bulk.get_by_role("radio", name="Don't approve").check()
    with page.expect_navigation() as sent:
        bulk.get_by_role("button", name="Record decision").click()
    assert sent.value.status == 422
    assert page.get_by_role("heading", level=1).inner_text() == "Hours to review"
    summary = page.locator("#queue-problems")
    assert summary.is_visible() and summary.bounding_box()["y"] < 740  # where the page opens (#queue-h)
    assert "Give a reason when you don't approve an entry." in summary.inner_text()
    assert ticked(page) == [True, False, False, True, False]
    assert bulk.get_by_role("radio", name="Don't approve").is_checked()
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    # The summary leads to the field; with a reason the same two entries are decided.
    summary.get_by_role("link").click()
    reason = bulk.get_by_label("Reason (needed if you don't approve)")
    assert -2 < reason.bounding_box()["y"] < 740
    reason.fill("Dates don't match the rota")
    with page.expect_navigation():
        bulk.get_by_role("button", name="Record decision").click()
    assert "2 decisions recorded." in page.locator("main").inner_text()
    assert PracticeLog.objects.filter(status=PracticeLog.Status.REJECTED).count() == 2

    # A single entry's refusal keeps the ticks made for a decision on several.
    page.goto("/certification/supervision/")
    boxes = page.locator('main input[name="entries"]')
    boxes.nth(1).check()
    boxes.nth(2).check()
    entry = page.locator("main li.queue-entry").nth(4)
    entry.locator("summary").click()
    entry.get_by_role("radio", name="Don't approve").check()
    with page.expect_navigation() as sent:
        entry.get_by_role("button", name="Record decision").click()
    assert sent.value.status == 422
    assert ticked(page)[:5] == [False, True, True, False, False]
    assert "Give a reason" in page.locator("#queue-problems").inner_text()
    assert page.locator("main li.queue-entry").nth(4).locator("details").get_attribute("open") is not None
    assert not PracticeLog.objects.exclude(status__in=[PENDING, PracticeLog.Status.REJECTED]).exists()

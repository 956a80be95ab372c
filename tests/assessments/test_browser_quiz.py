"""In a phone-sized browser: a trainee fails a module quiz, retries, autosave keeps an answer across a
reload, passes, and the module completes. An instructor grades an essay and releases it."""

import pytest

from assessments import services
from assessments.models import Attempt
from courses.models import ModuleProgress
from courses.services import enrollment_create
from tests import factories as base
from tests.browser.conftest import _browser, laptop, login, phone  # noqa: F401 (fixtures)

from .factories import ESSAY, make_assessment

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

QUESTIONS = [
    {
        "type": "single",
        "text": "Which is an open question?",
        "choices": [("What brings you here?", True), ("Are you ok?", False)],
    },
    {"type": "true_false", "text": "Reflections are statements.", "answer": True},
]


@pytest.fixture
def quiz_world(catalogue, trainee, instructor):
    course = base.make_course(catalogue, title="Listening well", instructors=[instructor])
    module = base.make_module(course, title="Open questions")
    quiz = make_assessment(course, module=module, questions=QUESTIONS, pass_mark=100, cooldown_minutes=0)
    enrollment_create(user=trainee, course=course)
    return course, module, quiz


def _answer(page, *, right):
    page.get_by_label("What brings you here?" if right else "Are you ok?").check()
    page.get_by_label("True" if right else "False").check()


def test_trainee_fails_then_passes_a_quiz_on_a_phone(phone, quiz_world, trainee):  # noqa: F811
    course, module, quiz = quiz_world
    page = phone
    login(page, trainee.email, base.PASSWORD)
    page.goto(module.url)
    assert "Pass mark: 100%" in page.locator("main").inner_text()
    page.get_by_role("button", name="Start").click()
    page.wait_for_load_state()
    _answer(page, right=False)
    page.get_by_role("button", name="Submit answers").click()
    page.wait_for_load_state()
    assert "Not passed this time" in page.locator("main").inner_text()
    assert not ModuleProgress.objects.filter(module=module).exists()

    page.get_by_role("button", name="Start a new attempt").click()
    page.wait_for_load_state()
    page.get_by_label("What brings you here?").check()
    page.get_by_text("Answers saved at").wait_for()  # autosave (fetch) ran
    page.reload()
    assert page.get_by_label("What brings you here?").is_checked()
    page.get_by_label("True").check()
    page.get_by_role("button", name="Submit answers").click()
    page.wait_for_load_state()
    body = page.locator("main").inner_text()
    assert "Passed." in body and "100%" in body
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    assert ModuleProgress.objects.filter(module=module, enrollment__user=trainee).exists()
    assert Attempt.objects.filter(user=trainee).count() == 2


def test_instructor_grades_and_releases_an_essay(laptop, catalogue, trainee, instructor):  # noqa: F811
    course = base.make_course(catalogue, title="Scenarios", instructors=[instructor])
    exam = make_assessment(course, questions=[ESSAY], release_policy="after_grading", pass_mark=50)
    base.make_module(course, title="Only module")
    enrollment_create(user=trainee, course=course)
    module = course.get_children().specific().first()
    from courses.services import module_complete

    module_complete(user=trainee, module=module)
    attempt = services.attempt_start(user=trainee, assessment=exam)
    services.attempt_submit(
        attempt=attempt,
        user=trainee,
        answers=[services.AnswerInput(question_id=exam.questions.get().pk, text="I listen.")],
    )
    page = laptop
    login(page, instructor.email, base.PASSWORD)
    page.goto("/assessments/grading/")
    page.locator(f"a[href='/assessments/grading/{attempt.pk}/']").click()
    page.wait_for_load_state()
    assert "I listen." in page.locator("main").inner_text()
    for label in page.get_by_label("Proficient").all():
        label.check()
    page.get_by_label("Overall feedback to the trainee").fill("Clear and kind.")
    page.get_by_role("button", name="Save grade").click()
    page.wait_for_load_state()
    page.get_by_role("button", name="Release result").click()
    page.wait_for_load_state()
    attempt.refresh_from_db()
    assert attempt.status == "released" and attempt.passed

"""HTML pages: the trainee's take/save/submit/result journey, the calls to action other apps include,
instructor grading pages, the gradebook (page and streamed CSV), and the permission matrix."""

from datetime import timedelta

import pytest
from django.core import mail
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from assessments import services
from assessments.models import Attempt, CriterionScore
from courses.models import Enrollment, ModuleProgress
from lms.models import AuditEvent
from tests import factories as base

from .factories import answers_for, form_for, top_grades

pytestmark = pytest.mark.django_db


def _form(attempt, *, correct=True):
    return form_for(attempt, correct=correct)


def _pass(user, quiz):
    attempt = services.attempt_start(user=user, assessment=quiz)
    return services.attempt_submit(attempt=attempt, user=user, answers=answers_for(attempt))


@pytest.fixture
def exam_attempt(world):
    _pass(world.trainee, world.quiz1)
    _pass(world.trainee, world.quiz2)
    attempt = services.attempt_start(user=world.trainee, assessment=world.exam)
    return services.attempt_submit(attempt=attempt, user=world.trainee, answers=answers_for(attempt))


# --- trainee journey --------------------------------------------------------------------------------


def test_take_save_reload_submit_result(client, world, django_capture_on_commit_callbacks):
    client.force_login(world.trainee)
    detail = client.get(reverse("assessments:detail", args=[world.quiz1.pk]))
    assert detail.status_code == 200 and b"You pass with 80% or more" in detail.content
    started = client.post(reverse("assessments:start", args=[world.quiz1.pk]))
    attempt = Attempt.objects.get(user=world.trainee)
    assert started.status_code == 302 and started["Location"] == reverse(
        "assessments:attempt_take", args=[attempt.pk]
    )
    page = client.get(started["Location"])
    html = page.content.decode()
    assert page.status_code == 200 and "Pick A and B" in html
    assert "Because" not in html and "correct answer" not in html and "righting reflex" not in html
    # Autosave (fetch) keeps answers across a reload.
    form = _form(attempt)
    saved = client.post(
        reverse("assessments:attempt_save", args=[attempt.pk]), form, headers={"X-Requested-With": "fetch"}
    )
    assert saved.status_code == 200 and "saved_at" in saved.json()
    reloaded = client.get(reverse("assessments:attempt_take", args=[attempt.pk])).content.decode()
    assert reloaded.count(" checked") >= 3 and 'value="righting reflex"' in reloaded
    # Save without JavaScript: redirect back to the page.
    plain = client.post(reverse("assessments:attempt_save", args=[attempt.pk]), form)
    assert plain.status_code == 302
    with django_capture_on_commit_callbacks(execute=True):
        submitted = client.post(reverse("assessments:attempt_submit", args=[attempt.pk]), form)
    assert submitted["Location"] == reverse("assessments:attempt_result", args=[attempt.pk])
    # A second submit (double click) changes nothing and lands on the same result.
    again = client.post(
        reverse("assessments:attempt_submit", args=[attempt.pk]), _form(attempt, correct=False)
    )
    assert again.status_code == 302 and Attempt.objects.count() == 1
    result = client.get(submitted["Location"]).content.decode()
    assert "100%" in result and "Passed." in result and "Because" in result
    assert ModuleProgress.objects.filter(module=world.module1, enrollment__user=world.trainee).exists()
    assert len(mail.outbox) == 1


def test_fail_then_cooldown_shown_and_start_refused(client, world):
    world.quiz1.cooldown_minutes = 10
    world.quiz1.save()
    client.force_login(world.trainee)
    client.post(reverse("assessments:start", args=[world.quiz1.pk]))
    attempt = Attempt.objects.get()
    client.post(reverse("assessments:attempt_submit", args=[attempt.pk]), _form(attempt, correct=False))
    result = client.get(reverse("assessments:attempt_result", args=[attempt.pk])).content.decode()
    assert "Not passed this time" in result and "You can try again after" in result
    assert "Because" not in result  # answer key hidden while attempts remain
    refused = client.post(reverse("assessments:start", args=[world.quiz1.pk]))
    assert refused.status_code == 429 and b"You can try again after" in refused.content
    assert Attempt.objects.count() == 1


def test_late_submit_page_is_409_and_hand_in_grades_saved_answers(client, world):
    world.quiz1.time_limit_minutes = 2
    world.quiz1.save()
    client.force_login(world.trainee)
    client.post(reverse("assessments:start", args=[world.quiz1.pk]))
    attempt = Attempt.objects.get()
    Attempt.objects.filter(pk=attempt.pk).update(deadline=timezone.now() - timedelta(minutes=3))
    late = client.post(reverse("assessments:attempt_submit", args=[attempt.pk]), _form(attempt))
    assert (
        late.status_code == 409
        and b"time limit" in late.content
        and b"Hand in my saved answers" in late.content
    )
    attempt.refresh_from_db()
    assert attempt.status == "in_progress" and not attempt.answers.filter(answered=True).exists()
    late_save = client.post(
        reverse("assessments:attempt_save", args=[attempt.pk]),
        _form(attempt),
        headers={"X-Requested-With": "fetch"},
    )
    assert late_save.status_code == 409 and late_save.json()["code"] == "time_up"
    handed = client.post(reverse("assessments:attempt_hand_in", args=[attempt.pk]))
    assert handed.status_code == 302
    attempt.refresh_from_db()
    assert attempt.status == "released" and attempt.passed is False


def test_bad_form_answer_is_422_and_changes_nothing(client, world):
    client.force_login(world.trainee)
    client.post(reverse("assessments:start", args=[world.quiz1.pk]))
    attempt = Attempt.objects.get()
    other_q = world.other_quiz.questions.first()
    for data in ({"questions": [str(other_q.pk)]}, {"questions": ["abc"]}):
        response = client.post(reverse("assessments:attempt_submit", args=[attempt.pk]), data)
        assert response.status_code == 422
    attempt.refresh_from_db()
    assert attempt.status == "in_progress"


# --- includes other apps render ----------------------------------------------------------------------


def _cta(template, user, **context):
    request = RequestFactory().get("/")
    request.user = user
    return render_to_string(template, {"user": user, "request": request, **context}, request=request)


def test_module_cta_states(world):
    html = _cta("assessments/includes/module_cta.html", world.trainee, assessment=world.quiz1)
    assert "Pass mark: 80%" in html and "Attempts used: 0 of 3" in html and ">Start<" in html
    attempt = services.attempt_start(user=world.trainee, assessment=world.quiz1)
    html = _cta("assessments/includes/module_cta.html", world.trainee, assessment=world.quiz1)
    assert "Resume attempt" in html and reverse("assessments:attempt_take", args=[attempt.pk]) in html
    world.quiz1.cooldown_minutes = 30
    world.quiz1.save()
    services.attempt_submit(attempt=attempt, user=world.trainee, answers=answers_for(attempt, correct=False))
    html = _cta("assessments/includes/module_cta.html", world.trainee, assessment=world.quiz1)
    assert "You can try again after" in html and "Best result:" in html and "(2 left)" in html
    assert _cta("assessments/includes/module_cta.html", world.trainee, assessment="").strip() == ""
    locked = _cta("assessments/includes/module_cta.html", world.trainee, assessment=world.quiz2)
    assert "Finish the earlier modules" in locked


def test_final_exam_cta_pending_then_passed(world, exam_attempt):
    html = _cta("assessments/includes/final_exam_cta.html", world.trainee, course=world.course)
    assert "Results pending grading." in html
    services.attempt_grade(attempt=exam_attempt, grader=world.instructor, essays=top_grades(exam_attempt))
    services.attempt_release(attempt=exam_attempt, actor=world.instructor)
    html = _cta("assessments/includes/final_exam_cta.html", world.trainee, course=world.course)
    assert "Passed" in html and "Best result:" in html
    assert (
        _cta("assessments/includes/final_exam_cta.html", world.trainee, course=world.other_course).strip()
        == ""
    )


def test_module_page_shows_quiz_cta(client, world):
    client.force_login(world.trainee)
    response = client.get(world.module1.url)
    assert response.status_code == 200
    assert b"Pass mark: 80%" in response.content


# --- instructor pages ---------------------------------------------------------------------------------


def _grade_form(attempt, best=True, **extra):
    data = {"feedback": "Overall fine."}
    for grade in top_grades(attempt, best=best):
        for criterion_id, level_id in grade.levels.items():
            data[f"level-{grade.question_id}-{criterion_id}"] = str(level_id)
            data[f"cfb-{grade.question_id}-{criterion_id}"] = "note"
        data[f"feedback-{grade.question_id}"] = "Essay feedback."
    return data | extra


def test_grading_queue_grade_release_regrade_pages(
    client, world, exam_attempt, django_capture_on_commit_callbacks
):
    client.force_login(world.instructor)
    queue = client.get(reverse("assessments:grading_queue")).content.decode()
    assert (
        str(world.trainee) in queue and reverse("assessments:grade_attempt", args=[exam_attempt.pk]) in queue
    )
    page = client.get(reverse("assessments:grade_attempt", args=[exam_attempt.pk])).content.decode()
    assert "My essay answer." in page and "Proficient" in page and "Save grade" in page
    incomplete = client.post(reverse("assessments:grade_attempt", args=[exam_attempt.pk]), {"feedback": "x"})
    assert incomplete.status_code == 422 and not CriterionScore.objects.exists()
    graded = client.post(
        reverse("assessments:grade_attempt", args=[exam_attempt.pk]), _grade_form(exam_attempt)
    )
    assert graded.status_code == 302
    exam_attempt.refresh_from_db()
    assert exam_attempt.status == "graded" and exam_attempt.passed
    with django_capture_on_commit_callbacks(execute=True):
        released = client.post(reverse("assessments:release_attempt", args=[exam_attempt.pk]))
    assert released.status_code == 302 and len(mail.outbox) == 1
    assert Enrollment.objects.get(user=world.trainee, course=world.course).status == "completed"
    no_reason = client.post(
        reverse("assessments:regrade_attempt", args=[exam_attempt.pk]), _grade_form(exam_attempt)
    )
    assert no_reason.status_code == 422
    form = client.get(reverse("assessments:regrade_attempt", args=[exam_attempt.pk]))
    assert b"Reason for the regrade" in form.content
    done = client.post(
        reverse("assessments:regrade_attempt", args=[exam_attempt.pk]),
        _grade_form(exam_attempt, best=False, reason="Second look"),
    )
    assert done.status_code == 302
    assert AuditEvent.objects.filter(action="assessment.regraded", actor=world.instructor).count() == 1
    # The trainee sees the released rubric feedback.
    client.force_login(world.trainee)
    result = client.get(reverse("assessments:attempt_result", args=[exam_attempt.pk])).content.decode()
    assert "Essay feedback." in result and "Not yet" in result


def test_flag_for_second_marker_page(client, world, exam_attempt):
    client.force_login(world.instructor)
    no_reason = client.post(
        reverse("assessments:grade_attempt", args=[exam_attempt.pk]), _grade_form(exam_attempt, flag="on")
    )
    assert no_reason.status_code == 422
    client.post(
        reverse("assessments:grade_attempt", args=[exam_attempt.pk]),
        _grade_form(exam_attempt, flag="on", flag_reason="Borderline"),
    )
    exam_attempt.refresh_from_db()
    assert exam_attempt.status == "awaiting_second_marker"
    own = client.get(reverse("assessments:grade_attempt", args=[exam_attempt.pk])).content.decode()
    assert "You asked for a second marker" in own and "Save grade" not in own
    client.force_login(world.co_instructor)
    assert b"Borderline" in client.get(reverse("assessments:grading_queue")).content
    client.post(reverse("assessments:grade_attempt", args=[exam_attempt.pk]), _grade_form(exam_attempt))
    exam_attempt.refresh_from_db()
    assert exam_attempt.status == "graded" and exam_attempt.second_marker == world.co_instructor


def test_release_all_page(client, world):
    world.quiz1.release_policy = "after_grading"
    world.quiz1.save()
    _pass(world.trainee, world.quiz1)
    client.force_login(world.other_instructor)
    # Another course's assessment answers like a missing one (ids reveal nothing).
    assert client.post(reverse("assessments:release_assessment", args=[world.quiz1.pk])).status_code == 404
    client.force_login(world.instructor)
    assert client.post(reverse("assessments:release_assessment", args=[world.quiz1.pk])).status_code == 302
    assert Attempt.objects.get().status == "released"


# --- gradebook ----------------------------------------------------------------------------------------


def _enrol_many(course, n):
    users = [base.TraineeFactory() for _ in range(n)]
    Enrollment.objects.bulk_create([Enrollment(user=u, course=course) for u in users])
    return users


def test_gradebook_page_and_csv(client, world, exam_attempt):
    client.force_login(world.instructor)
    page = client.get(reverse("assessments:gradebook", args=[world.course.pk])).content.decode()
    assert str(world.trainee) in page and "Awaiting grading" in page and "100%" in page
    response = client.get(reverse("assessments:gradebook_csv", args=[world.course.pk]))
    assert response.status_code == 200 and response.streaming
    assert response["Content-Type"].startswith("text/csv")
    lines = b"".join(response.streaming_content).decode().splitlines()
    assert lines[0].startswith("Name,Email,Enrolment,")
    assert len(lines) == 2 and world.trainee.email in lines[1]
    # Words, as on the page, never the stored codes.
    assert ",In progress," in lines[1] and ",Passed," in lines[1] and "Awaiting grading" in lines[1]
    assert "awaiting_grading" not in lines[1] and ",passed," not in lines[1] and ",active," not in lines[1]


def test_gradebook_csv_escapes_formulas(client, world):
    user = base.TraineeFactory(full_name="=HYPERLINK(1)")
    Enrollment.objects.create(user=user, course=world.course)
    client.force_login(world.instructor)
    body = b"".join(
        client.get(reverse("assessments:gradebook_csv", args=[world.course.pk])).streaming_content
    )
    assert b"'=HYPERLINK(1)" in body


def test_gradebook_query_count_is_constant(client, world, django_assert_max_num_queries):
    client.force_login(world.instructor)
    url = reverse("assessments:gradebook", args=[world.course.pk])
    _enrol_many(world.course, 3)
    client.get(url)  # warm caches (site root paths, etc.)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as small:
        client.get(url)
    _enrol_many(world.course, 30)
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get(url)
    assert response.content.decode().count("<tr>") >= 31


def test_grading_queue_query_count_is_constant(client, world, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from assessments.models import Answer

    def add_pending(n):
        for _ in range(n):
            user = base.TraineeFactory()
            attempt = Attempt.objects.create(
                assessment=world.exam,
                user=user,
                number=1,
                status="awaiting_grading",
                pass_mark=70,
                submitted_at=timezone.now(),
            )
            Answer.objects.create(attempt=attempt, position=1, kind="essay")

    client.force_login(world.instructor)
    url = reverse("assessments:grading_queue")
    add_pending(3)
    client.get(url)
    with CaptureQueriesContext(connection) as small:
        client.get(url)
    add_pending(30)
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get(url)
    assert response.content.decode().count("Grade<span") == 33


# --- permission matrix ---------------------------------------------------------------------------------

TRAINEE_PAGES = [
    ("get", "assessments:detail", "quiz", 200),
    ("post", "assessments:start", "quiz", 302),
    ("get", "assessments:attempt_take", "attempt", 200),
    ("post", "assessments:attempt_save", "attempt", 302),
    ("get", "assessments:attempt_result", "attempt", 302),  # open attempt: result redirects to take
    ("post", "assessments:attempt_submit", "attempt", 302),
    ("post", "assessments:attempt_hand_in", "attempt", 409),  # time left: refused, with the page
]


@pytest.mark.parametrize("method,name,arg,ok", TRAINEE_PAGES)
def test_trainee_page_permissions(client, world, method, name, arg, ok):
    attempt = services.attempt_start(user=world.trainee, assessment=world.quiz1)
    url = reverse(name, args=[world.quiz1.pk if arg == "quiz" else attempt.pk])
    response = getattr(client, method)(url)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    for user in (world.other_trainee, world.other_instructor):
        client.force_login(user)
        assert getattr(client, method)(url).status_code in (403, 404)
    attempt.refresh_from_db()
    assert attempt.status == "in_progress" and Attempt.objects.count() == 1
    client.force_login(world.trainee)
    assert getattr(client, method)(url).status_code == ok


STAFF_PAGES = [
    ("get", "assessments:grading_queue", None),
    ("get", "assessments:grade_attempt", "attempt"),
    ("post", "assessments:grade_attempt", "attempt"),
    ("post", "assessments:release_attempt", "graded"),
    ("get", "assessments:regrade_attempt", "graded"),
    ("post", "assessments:regrade_attempt", "graded"),
    ("post", "assessments:release_assessment", "exam"),
    ("get", "assessments:gradebook_index", None),
    ("get", "assessments:gradebook", "course"),
    ("get", "assessments:gradebook_csv", "course"),
]


@pytest.mark.parametrize("method,name,arg", STAFF_PAGES)
def test_instructor_page_permissions(client, world, exam_attempt, method, name, arg):
    if arg == "graded":
        services.attempt_grade(attempt=exam_attempt, grader=world.instructor, essays=top_grades(exam_attempt))
    args = {
        None: [],
        "attempt": [exam_attempt.pk],
        "graded": [exam_attempt.pk],
        "exam": [world.exam.pk],
        "course": [world.course.pk],
    }[arg]
    url = reverse(name, args=args)
    data = _grade_form(exam_attempt, reason="r") if method == "post" else None
    exam_attempt.refresh_from_db()
    before = (exam_attempt.status, exam_attempt.score, CriterionScore.objects.count())
    response = getattr(client, method)(url, data)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    wrong = [world.trainee, world.other_trainee]
    if arg is not None:
        wrong.append(world.other_instructor)
    for user in wrong:
        client.force_login(user)
        assert getattr(client, method)(url, data).status_code in (403, 404), user
    exam_attempt.refresh_from_db()
    assert (exam_attempt.status, exam_attempt.score, CriterionScore.objects.count()) == before
    client.force_login(world.instructor)
    assert getattr(client, method)(url, data).status_code in (200, 302)


def test_program_admin_sees_gradebook_but_cannot_grade(client, world, exam_attempt, program_admin):
    client.force_login(program_admin)
    assert client.get(reverse("assessments:gradebook", args=[world.course.pk])).status_code == 200
    # Not teaching the course: the attempt is not theirs to grade, answered like a missing one.
    assert client.get(reverse("assessments:grade_attempt", args=[exam_attempt.pk])).status_code == 404

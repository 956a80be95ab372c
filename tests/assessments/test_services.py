from datetime import timedelta
from decimal import Decimal

import pytest
from django.core import mail
from django.utils import timezone

from assessments import selectors, services
from assessments.models import Answer, Assessment, Attempt, CriterionScore
from assessments.services import AnswerInput
from courses.models import Enrollment, ModuleProgress
from lms.errors import Conflict, Forbidden, Invalid, NotFound, TooMany
from lms.models import AuditEvent
from tests import factories as base

from .factories import ESSAY, QUIZ, SINGLE, answers_for, make_assessment, top_grades

pytestmark = pytest.mark.django_db


def _pass_quiz(user, quiz):
    attempt = services.attempt_start(user=user, assessment=quiz)
    return services.attempt_submit(attempt=attempt, user=user, answers=answers_for(attempt))


def _fail_quiz(user, quiz):
    attempt = services.attempt_start(user=user, assessment=quiz)
    return services.attempt_submit(attempt=attempt, user=user, answers=answers_for(attempt, correct=False))


def _snapshot(attempt):
    attempt.refresh_from_db()
    answers = list(
        Answer.objects.filter(attempt=attempt).values_list(
            "selected_choice_ids", "bool_answer", "text_answer"
        )
    )
    return attempt.status, attempt.score, answers, Attempt.objects.count()


# --- starting --------------------------------------------------------------------------------------


def test_start_creates_stable_paper(world):
    attempt = services.attempt_start(user=world.trainee, assessment=world.quiz1)
    assert attempt.number == 1 and attempt.status == Attempt.Status.IN_PROGRESS
    first = list(attempt.answers.values_list("question_id", "choice_order"))
    assert len(first) == len(QUIZ)
    # Starting again resumes the same attempt with the same order.
    again = services.attempt_start(user=world.trainee, assessment=world.quiz1)
    assert again.pk == attempt.pk
    assert list(again.answers.values_list("question_id", "choice_order")) == first
    assert attempt.max_score == Decimal("5")


def test_draw_n_of_m_with_shuffle_keeps_essay(world):
    exam = world.exam
    exam.questions_per_attempt = 3
    exam.shuffle_questions = True
    exam.shuffle_choices = True
    exam.save()
    _pass_quiz(world.trainee, world.quiz1)
    _pass_quiz(world.trainee, world.quiz2)
    attempt = services.attempt_start(user=world.trainee, assessment=exam)
    kinds = list(attempt.answers.values_list("kind", flat=True))
    assert len(kinds) == 3 and "essay" in kinds
    for answer in attempt.answers.exclude(choice_order=[]):
        assert sorted(answer.choice_order) == sorted(answer.question.choices.values_list("pk", flat=True))


def test_start_requires_enrolment_and_unlocked_module(world):
    with pytest.raises(Forbidden):
        services.attempt_start(user=world.other_trainee, assessment=world.quiz1)
    with pytest.raises(Forbidden) as exc:
        services.attempt_start(user=world.trainee, assessment=world.quiz2)
    assert exc.value.code == "module_locked"
    with pytest.raises(Forbidden) as exc:
        services.attempt_start(user=world.trainee, assessment=world.exam)
    assert exc.value.code == "modules_incomplete"
    assert Attempt.objects.count() == 0


def test_start_refuses_broken_assessment(world):
    world.quiz1.questions.all().delete()
    with pytest.raises(Conflict):
        services.attempt_start(user=world.trainee, assessment=world.quiz1)


def test_cooldown_blocks_start_and_changes_nothing(world):
    world.quiz1.cooldown_minutes = 10
    world.quiz1.save()
    _fail_quiz(world.trainee, world.quiz1)
    before = Attempt.objects.count()
    with pytest.raises(TooMany) as exc:
        services.attempt_start(user=world.trainee, assessment=world.quiz1)
    assert exc.value.status_code == 429
    assert Attempt.objects.count() == before
    state = selectors.assessment_state(user=world.trainee, assessment=world.quiz1)
    assert state.status == "cooldown" and state.cooldown_until is not None
    Attempt.objects.update(submitted_at=timezone.now() - timedelta(minutes=11))
    assert services.attempt_start(user=world.trainee, assessment=world.quiz1).number == 2


def test_attempts_used_up(world):
    world.quiz1.max_attempts = 2
    world.quiz1.save()
    _fail_quiz(world.trainee, world.quiz1)
    _fail_quiz(world.trainee, world.quiz1)
    with pytest.raises(Forbidden) as exc:
        services.attempt_start(user=world.trainee, assessment=world.quiz1)
    assert exc.value.message == services.ERR_NO_ATTEMPTS_LEFT.format(count=2)
    assert Attempt.objects.filter(user=world.trainee).count() == 2
    assert selectors.assessment_state(user=world.trainee, assessment=world.quiz1).status == "no_attempts_left"


def test_cannot_retake_after_passing(world):
    _pass_quiz(world.trainee, world.quiz1)
    with pytest.raises(Conflict):
        services.attempt_start(user=world.trainee, assessment=world.quiz1)


# --- answering -------------------------------------------------------------------------------------


def test_save_answers_survives_and_validates(world):
    attempt = services.attempt_start(user=world.trainee, assessment=world.quiz1)
    answers = answers_for(attempt)
    services.attempt_save_answers(attempt=attempt, user=world.trainee, answers=answers[:2])
    saved = {a.question_id: a for a in attempt.answers.all()}
    assert saved[answers[0].question_id].selected_choice_ids == answers[0].choice_ids
    assert saved[answers[0].question_id].answered
    # Clearing an answer works too.
    services.attempt_save_answers(
        attempt=attempt,
        user=world.trainee,
        answers=[AnswerInput(question_id=answers[0].question_id, choice_ids=[])],
    )
    assert not Answer.objects.get(attempt=attempt, question_id=answers[0].question_id).answered


@pytest.mark.parametrize(
    "bad",
    [
        "unknown_question",
        "foreign_choice",
        "two_for_single",
        "text_for_choice",
        "duplicate",
        "too_long",
    ],
)
def test_bad_answers_are_rejected_and_change_nothing(world, bad):
    attempt = services.attempt_start(user=world.trainee, assessment=world.quiz1)
    services.attempt_save_answers(attempt=attempt, user=world.trainee, answers=answers_for(attempt)[:1])
    good = answers_for(attempt)
    single = attempt.answers.get(position=1)
    other_q = world.other_quiz.questions.first()
    payload = {
        "unknown_question": [good[1], AnswerInput(question_id=other_q.pk, choice_ids=[])],
        "foreign_choice": [
            AnswerInput(question_id=single.question_id, choice_ids=[other_q.choices.first().pk])
        ],
        "two_for_single": [AnswerInput(question_id=single.question_id, choice_ids=single.choice_order[:2])],
        "text_for_choice": [AnswerInput(question_id=single.question_id, text="A")],
        "duplicate": [good[0], good[0]],
        "too_long": [
            AnswerInput(question_id=attempt.answers.get(kind="short_text").question_id, text="x" * 501)
        ],
    }[bad]
    before = _snapshot(attempt)
    with pytest.raises(Invalid) as exc:
        services.attempt_save_answers(attempt=attempt, user=world.trainee, answers=payload)
    assert exc.value.status_code == 422
    assert _snapshot(attempt) == before
    with pytest.raises(Invalid):
        services.attempt_submit(attempt=attempt, user=world.trainee, answers=payload)
    assert _snapshot(attempt) == before


def test_someone_elses_attempt_is_not_found(world):
    attempt = services.attempt_start(user=world.trainee, assessment=world.quiz1)
    with pytest.raises(NotFound):
        services.attempt_save_answers(attempt=attempt, user=world.other_trainee, answers=[])
    with pytest.raises(NotFound):
        services.attempt_submit(attempt=attempt, user=world.other_trainee)
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.IN_PROGRESS


# --- submitting ------------------------------------------------------------------------------------


def test_passing_quiz_completes_module_and_credits_hours(world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        attempt = _pass_quiz(world.trainee, world.quiz1)
    assert attempt.status == Attempt.Status.RELEASED
    assert attempt.score == Decimal("5.00") and attempt.percent == Decimal("100.00") and attempt.passed
    progress = ModuleProgress.objects.get(enrollment__user=world.trainee, module=world.module1)
    assert progress.hours_credited == world.module1.training_hours
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [world.trainee.email]
    assert "/assessments/attempts/" in mail.outbox[0].body
    assert AuditEvent.objects.filter(
        action="assessment.attempt_submitted", target_id=str(attempt.pk)
    ).exists()
    assert AuditEvent.objects.filter(action="assessment.result_released", target_id=str(attempt.pk)).exists()


def test_failing_quiz_does_not_complete_module(world):
    attempt = _fail_quiz(world.trainee, world.quiz1)
    assert attempt.passed is False and attempt.score == Decimal("0.00")
    assert not ModuleProgress.objects.filter(module=world.module1).exists()


def test_double_submit_gives_one_graded_attempt(world, django_capture_on_commit_callbacks):
    attempt = services.attempt_start(user=world.trainee, assessment=world.quiz1)
    with django_capture_on_commit_callbacks(execute=True):
        first = services.attempt_submit(attempt=attempt, user=world.trainee, answers=answers_for(attempt))
        second = services.attempt_submit(
            attempt=attempt, user=world.trainee, answers=answers_for(attempt, correct=False)
        )
    assert first.pk == second.pk and second.score == first.score == Decimal("5.00")
    assert Attempt.objects.filter(user=world.trainee).count() == 1
    assert AuditEvent.objects.filter(action="assessment.attempt_submitted").count() == 1
    assert len(mail.outbox) == 1


def test_submit_after_time_limit_is_refused_and_changes_nothing(world):
    world.quiz1.time_limit_minutes = 5
    world.quiz1.save()
    attempt = services.attempt_start(user=world.trainee, assessment=world.quiz1)
    assert attempt.deadline is not None
    services.attempt_save_answers(attempt=attempt, user=world.trainee, answers=answers_for(attempt)[:2])
    Attempt.objects.filter(pk=attempt.pk).update(deadline=timezone.now() - timedelta(minutes=1))
    before = _snapshot(attempt)
    with pytest.raises(Conflict) as exc:
        services.attempt_submit(attempt=attempt, user=world.trainee, answers=answers_for(attempt))
    assert exc.value.code == "time_up"
    with pytest.raises(Conflict):
        services.attempt_save_answers(attempt=attempt, user=world.trainee, answers=answers_for(attempt))
    assert _snapshot(attempt) == before
    # Handing in grades only what was saved in time (2 of 5 right).
    handed = services.attempt_finalise_expired(attempt=attempt, user=world.trainee)
    assert handed.status == Attempt.Status.RELEASED and handed.score == Decimal("2.00")


def test_within_grace_submit_is_accepted(world):
    world.quiz1.time_limit_minutes = 5
    world.quiz1.save()
    attempt = services.attempt_start(user=world.trainee, assessment=world.quiz1)
    Attempt.objects.filter(pk=attempt.pk).update(deadline=timezone.now() - timedelta(seconds=5))
    assert services.attempt_submit(attempt=attempt, user=world.trainee, answers=answers_for(attempt)).passed


def test_finalise_refuses_attempt_with_time_left(world):
    world.quiz1.time_limit_minutes = 5
    world.quiz1.save()
    attempt = services.attempt_start(user=world.trainee, assessment=world.quiz1)
    with pytest.raises(Conflict):
        services.attempt_finalise_expired(attempt=attempt, user=world.trainee)


def test_expired_attempts_are_finalised_by_task_and_by_next_start(world):
    from assessments.tasks import finalise_expired_attempts

    world.quiz1.time_limit_minutes = 5
    world.quiz1.save()
    attempt = services.attempt_start(user=world.trainee, assessment=world.quiz1)
    Attempt.objects.filter(pk=attempt.pk).update(deadline=timezone.now() - timedelta(minutes=2))
    assert finalise_expired_attempts.delay().get() == 1
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.RELEASED and attempt.passed is False
    # The next start begins attempt 2.
    assert services.attempt_start(user=world.trainee, assessment=world.quiz1).number == 2


# --- final exam, human grading --------------------------------------------------------------------


def _ready_for_exam(world):
    _pass_quiz(world.trainee, world.quiz1)
    _pass_quiz(world.trainee, world.quiz2)


def _submit_exam(world, user=None, correct=True):
    user = user or world.trainee
    attempt = services.attempt_start(user=user, assessment=world.exam)
    return services.attempt_submit(attempt=attempt, user=user, answers=answers_for(attempt, correct=correct))


def test_essay_waits_for_grading_then_release_completes_course(world, django_capture_on_commit_callbacks):
    _ready_for_exam(world)
    enrollment = Enrollment.objects.get(user=world.trainee, course=world.course)
    assert enrollment.status == Enrollment.Status.ACTIVE  # final exam not passed yet
    attempt = _submit_exam(world)
    assert attempt.status == Attempt.Status.AWAITING_GRADING and attempt.score is None
    assert selectors.final_exam_status(user=world.trainee, course=world.course) == "not_passed"
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        graded = services.attempt_grade(
            attempt=attempt, grader=world.instructor, essays=top_grades(attempt), feedback="Great."
        )
    assert graded.status == Attempt.Status.GRADED  # after_grading: waits for release
    assert graded.score == graded.max_score == Decimal("13.00") and graded.passed
    assert mail.outbox == []
    assert selectors.final_exam_status(user=world.trainee, course=world.course) == "not_passed"
    with django_capture_on_commit_callbacks(execute=True):
        services.attempt_release(attempt=attempt, actor=world.instructor)
    assert len(mail.outbox) == 1
    assert selectors.final_exam_status(user=world.trainee, course=world.course) == "passed"
    enrollment.refresh_from_db()
    assert enrollment.status == Enrollment.Status.COMPLETED
    assert selectors.passed_final_exam_course_ids_for_users(user_ids=[world.trainee.pk]) == {
        world.trainee.pk: {world.course.pk}
    }
    scores = CriterionScore.objects.filter(answer__attempt=attempt)
    assert {s.criterion_name for s in scores} == {"Spirit", "OARS"}
    assert AuditEvent.objects.filter(action="assessment.graded", actor=world.instructor).exists()


def test_grading_course_one_does_not_teach_is_forbidden(world):
    _ready_for_exam(world)
    attempt = _submit_exam(world)
    for person in (world.other_instructor, world.trainee):
        with pytest.raises(Forbidden):
            services.attempt_grade(attempt=attempt, grader=person, essays=top_grades(attempt))
        with pytest.raises(Forbidden):
            services.attempt_release(attempt=attempt, actor=person)
        with pytest.raises(Forbidden):
            services.attempt_regrade(attempt=attempt, grader=person, reason="x")
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.AWAITING_GRADING and attempt.marker is None
    assert not CriterionScore.objects.exists()


def test_incomplete_or_foreign_rubric_levels_are_rejected(world):
    _ready_for_exam(world)
    attempt = _submit_exam(world)
    grades = top_grades(attempt)
    criterion_id = next(iter(grades[0].levels))
    grades[0].levels.pop(criterion_id)
    with pytest.raises(Invalid):
        services.attempt_grade(attempt=attempt, grader=world.instructor, essays=grades)
    grades = top_grades(attempt)
    other_levels = list(grades[0].levels.values())
    grades[0].levels = dict(zip(grades[0].levels, reversed(other_levels), strict=True))
    with pytest.raises(Invalid):
        services.attempt_grade(attempt=attempt, grader=world.instructor, essays=grades)
    with pytest.raises(Invalid):
        services.attempt_grade(attempt=attempt, grader=world.instructor, essays=[])
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.AWAITING_GRADING and not CriterionScore.objects.exists()


def test_second_marker_flow(world):
    _ready_for_exam(world)
    attempt = _submit_exam(world)
    with pytest.raises(Invalid):
        services.attempt_grade(
            attempt=attempt, grader=world.instructor, essays=top_grades(attempt), flag_for_second_marker=True
        )
    services.attempt_grade(
        attempt=attempt,
        grader=world.instructor,
        essays=top_grades(attempt, best=False),
        flag_for_second_marker=True,
        flag_reason="Borderline; please check.",
    )
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.AWAITING_SECOND_MARKER and attempt.marker == world.instructor
    queue = selectors.grading_queue(user=world.co_instructor)
    assert [a.pk for a in queue.second_marking] == [attempt.pk]
    assert [a.pk for a in selectors.grading_queue(user=world.instructor).flagged_by_me] == [attempt.pk]
    with pytest.raises(Forbidden):
        services.attempt_grade(attempt=attempt, grader=world.instructor, essays=top_grades(attempt))
    with pytest.raises(Forbidden):
        services.attempt_grade(attempt=attempt, grader=world.other_instructor, essays=top_grades(attempt))
    done = services.attempt_grade(attempt=attempt, grader=world.co_instructor, essays=top_grades(attempt))
    assert done.status == Attempt.Status.GRADED and done.second_marker == world.co_instructor
    event = AuditEvent.objects.get(action="assessment.second_marked")
    assert event.details["first_marker_score"] == "5.00" and event.actor == world.co_instructor


def test_regrade_needs_reason_and_is_audited(world, django_capture_on_commit_callbacks):
    _ready_for_exam(world)
    attempt = _submit_exam(world)
    services.attempt_grade(attempt=attempt, grader=world.instructor, essays=top_grades(attempt, best=False))
    attempt.refresh_from_db()
    assert attempt.passed is False  # 5 auto points of 13 = 38%
    with pytest.raises(Invalid):
        services.attempt_regrade(
            attempt=attempt, grader=world.instructor, reason="  ", essays=top_grades(attempt)
        )
    attempt.refresh_from_db()
    assert attempt.score == Decimal("5.00")
    services.attempt_release(attempt=attempt, actor=world.instructor)
    with django_capture_on_commit_callbacks(execute=True):
        regraded = services.attempt_regrade(
            attempt=attempt,
            grader=world.co_instructor,
            reason="Misread criterion 1",
            essays=top_grades(attempt),
        )
    assert regraded.passed and regraded.score == Decimal("13.00")
    event = AuditEvent.objects.get(action="assessment.regraded")
    assert event.details == {
        "reason": "Misread criterion 1",
        "old_score": "5.00",
        "score": "13.00",
        "old_passed": False,
        "passed": True,
    }
    assert (
        Enrollment.objects.get(user=world.trainee, course=world.course).status == Enrollment.Status.COMPLETED
    )
    assert "updated" in mail.outbox[-1].subject


def test_regrade_rescores_auto_answers_after_key_fix(world):
    attempt = services.attempt_start(user=world.trainee, assessment=world.quiz1)
    short = attempt.answers.get(kind="short_text")
    answers = answers_for(attempt)
    for a in answers:
        if a.question_id == short.question_id:
            a.text = "  Righting-REFLEX!! "
    services.attempt_submit(attempt=attempt, user=world.trainee, answers=answers)
    attempt.refresh_from_db()
    assert attempt.score == Decimal("5.00")  # normalised match
    q = short.question
    q.accepted_answers = "something else"
    q.save()
    services.attempt_regrade(attempt=attempt, grader=world.instructor, reason="Key changed")
    attempt.refresh_from_db()
    assert attempt.score == Decimal("4.00") and attempt.passed is True


def test_release_and_grade_state_errors(world):
    _ready_for_exam(world)
    attempt = _submit_exam(world)
    with pytest.raises(Conflict):
        services.attempt_release(attempt=attempt, actor=world.instructor)
    with pytest.raises(Conflict):
        services.attempt_regrade(attempt=attempt, grader=world.instructor, reason="r")
    services.attempt_grade(attempt=attempt, grader=world.instructor, essays=top_grades(attempt))
    with pytest.raises(Conflict):
        services.attempt_grade(attempt=attempt, grader=world.instructor, essays=top_grades(attempt))
    services.attempt_release(attempt=attempt, actor=world.instructor)
    with pytest.raises(Conflict):
        services.attempt_release(attempt=attempt, actor=world.instructor)


def test_new_attempt_blocked_while_result_pending(world):
    _ready_for_exam(world)
    _submit_exam(world, correct=False)
    with pytest.raises(Conflict) as exc:
        services.attempt_start(user=world.trainee, assessment=world.exam)
    assert exc.value.code == "result_pending"


def test_release_on_date(world, django_capture_on_commit_callbacks):
    quiz = world.quiz1
    quiz.release_policy = Assessment.Release.ON_DATE
    quiz.release_at = timezone.now() + timedelta(days=1)
    quiz.save()
    attempt = _pass_quiz(world.trainee, quiz)
    assert attempt.status == Attempt.Status.GRADED
    assert not ModuleProgress.objects.filter(module=world.module1).exists()
    assert services.release_due_results() == 0
    Assessment.objects.filter(pk=quiz.pk).update(release_at=timezone.now() - timedelta(minutes=1))
    with django_capture_on_commit_callbacks(execute=True):
        assert services.release_due_results() == 1
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.RELEASED
    assert ModuleProgress.objects.filter(module=world.module1).exists()
    assert len(mail.outbox) == 1


def test_release_all_graded(world):
    quiz = world.quiz1
    quiz.release_policy = Assessment.Release.AFTER_GRADING
    quiz.save()
    _pass_quiz(world.trainee, quiz)
    with pytest.raises(Forbidden):
        services.assessment_release_graded(assessment=quiz, actor=world.other_instructor)
    assert services.assessment_release_graded(assessment=quiz, actor=world.instructor) == 1
    assert ModuleProgress.objects.filter(module=world.module1).exists()


def test_final_exam_status_none_without_exam(world, catalogue):
    course = base.make_course(catalogue, title="No exam")
    assert selectors.final_exam_status(user=world.trainee, course=course) == "none"


def test_passed_final_exam_bulk_is_one_query(world, django_assert_num_queries):
    with django_assert_num_queries(1):
        assert selectors.passed_final_exam_course_ids_for_users(user_ids=[world.trainee.pk, 999]) == {}


def test_assessment_model_rules(world):
    from django.core.exceptions import ValidationError

    dup = Assessment(course=world.course, kind="final_exam", title="Second final")
    with pytest.raises(ValidationError):
        dup.full_clean()
    wrong = Assessment(course=world.other_course, module=world.module1, kind="module_quiz", title="x")
    with pytest.raises(ValidationError):
        wrong.full_clean()
    dated = Assessment(course=world.course, kind="final_exam", title="x", release_policy="on_date")
    with pytest.raises(ValidationError) as exc:
        dated.full_clean()
    assert "release_at" in exc.value.message_dict


def test_assessment_problems_reports_broken_questions(world):
    bad = make_assessment(
        world.other_course,
        questions=[
            {"type": "single", "text": "no right", "choices": [("a", False), ("b", False)]},
            {"type": "short_text", "text": "no answers", "accepted_answers": []},
            dict(SINGLE),
            dict(ESSAY),
        ],
        questions_per_attempt=9,
    )
    problems = selectors.assessment_problems(assessment=bad)
    assert len(problems) == 3

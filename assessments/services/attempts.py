"""Attempts: starting (access, the draw), answering, submitting, automatic scoring, finishing, and
releasing a result (which credits the module or course)."""

import random
from datetime import timedelta
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from courses import selectors as course_selectors
from courses import services as course_services
from courses.models import Enrollment
from lms.audit import audit_record
from lms.errors import Conflict, DomainError, Forbidden, Invalid, NotFound, TooMany
from lms.timezones import format_local

from .. import scoring
from ..models import Answer, Assessment, Attempt, Question, QuestionTranslation
from ..selectors import assessment_problems
from .common import (
    ERR_ALREADY_PASSED,
    ERR_ATTEMPT_CLOSED,
    ERR_BAD_CHOICE,
    ERR_COOLDOWN,
    ERR_DUPLICATE_QUESTION,
    ERR_FINAL_LOCKED,
    ERR_MODULE_LOCKED,
    ERR_NO_ATTEMPTS_LEFT,
    ERR_NOT_ENROLLED,
    ERR_NOT_EXPIRED,
    ERR_NOT_FOUND,
    ERR_NOT_READY,
    ERR_ONE_CHOICE,
    ERR_RESULT_PENDING,
    ERR_TIME_UP,
    ERR_TOO_LONG,
    ERR_UNKNOWN_QUESTION,
    ERR_WRONG_ANSWER_TYPE,
    MAX_ESSAY_TEXT,
    MAX_SHORT_TEXT,
    SUBMIT_GRACE,
    AnswerInput,
)
from .drawing import questions_draw
from .mustpass import must_pass_failed


def _require_access(*, user, assessment: Assessment) -> Enrollment:
    course = assessment.course
    enrollment = course_selectors.enrollment_for(user=user, course=course)
    if enrollment is None:
        raise Forbidden(_(ERR_NOT_ENROLLED), code="not_enrolled")
    if assessment.kind == Assessment.Kind.MODULE_QUIZ:
        module = assessment.module
        if not module.live:
            raise NotFound(_(ERR_NOT_READY), code="not_ready")
        if not course_selectors.module_is_unlocked(user=user, module=module):
            raise Forbidden(_(ERR_MODULE_LOCKED), code="module_locked")
    else:
        module_ids = set(course_selectors.course_modules(course=course).values_list("pk", flat=True))
        if not module_ids <= course_selectors.completed_module_ids(enrollment=enrollment):
            raise Forbidden(_(ERR_FINAL_LOCKED), code="modules_incomplete")
    return enrollment


@transaction.atomic
def attempt_start(*, user, assessment: Assessment, rng: random.Random | None = None) -> Attempt:
    """Start (or resume) the user's attempt. Draws the questions (pinned ones always; see
    drawing.questions_draw) and fixes their order and the order of each question's choices for this
    attempt, so reloading shows the same paper. `rng` is for tests; attempts use the system's."""
    if assessment_problems(assessment=assessment):
        raise Conflict(_(ERR_NOT_READY), code="not_ready")
    _require_access(user=user, assessment=assessment)
    # Serialise starts by the same user: lock their enrolment row.
    Enrollment.objects.select_for_update().filter(user=user, course_id=assessment.course_id).first()
    now = timezone.now()
    attempts = list(Attempt.objects.filter(assessment=assessment, user=user).order_by("number"))
    for attempt in attempts:
        if attempt.status == Attempt.Status.IN_PROGRESS:
            if attempt.deadline is None or now <= attempt.deadline + SUBMIT_GRACE:
                return attempt
            _grade_submission(attempt, now=now, expired=True)
    if any(a.status == Attempt.Status.RELEASED and a.passed for a in attempts):
        raise Conflict(_(ERR_ALREADY_PASSED), code="already_passed")
    if any(a.status != Attempt.Status.RELEASED for a in attempts):
        raise Conflict(_(ERR_RESULT_PENDING), code="result_pending")
    if len(attempts) >= assessment.max_attempts:
        raise Forbidden(
            _(ERR_NO_ATTEMPTS_LEFT).format(count=assessment.max_attempts), code="no_attempts_left"
        )
    if attempts and assessment.cooldown_minutes:
        last_submit = max(a.submitted_at or a.started_at for a in attempts)
        until = last_submit + timedelta(minutes=assessment.cooldown_minutes)
        if now < until:
            when = format_local(until, user=user)  # in their zone, named: "3:15 a.m. CST."
            raise TooMany(_(ERR_COOLDOWN).format(time=when), code="cooldown")

    rng = rng or random.SystemRandom()
    questions = questions_draw(assessment=assessment, rng=rng)
    max_score = sum((q.max_points for q in questions), Decimal("0"))
    attempt = Attempt(
        assessment=assessment,
        user=user,
        number=len(attempts) + 1,
        started_at=now,
        deadline=now + timedelta(minutes=assessment.time_limit_minutes)
        if assessment.time_limit_minutes
        else None,
        max_score=max_score,
        pass_mark=assessment.pass_mark,
    )
    attempt.full_clean()
    try:
        with transaction.atomic():
            attempt.save()
    except IntegrityError:
        # A concurrent start won the race: resume theirs.
        existing = Attempt.objects.filter(
            assessment=assessment, user=user, status=Attempt.Status.IN_PROGRESS
        ).first()
        if existing is None:
            raise Conflict(_(ERR_RESULT_PENDING), code="result_pending")
        return existing
    answers = []
    for position, question in enumerate(questions, start=1):
        choice_ids = [c.pk for c in question.choices.all()] if question.kind in ("single", "multiple") else []
        if assessment.shuffle_choices:
            rng.shuffle(choice_ids)
        answers.append(
            Answer(
                attempt=attempt,
                question=question,
                position=position,
                kind=question.kind,
                choice_order=choice_ids,
                max_points=question.max_points,
            )
        )
    Answer.objects.bulk_create(answers)
    audit_record(
        actor=user,
        action="assessment.attempt_started",
        target=attempt,
        subject=user,
        details={"assessment": assessment.pk, "number": attempt.number},
    )
    return attempt


# ---------------------------------------------------------------------------------------------------
# Answering and submitting


def _lock_own_open_attempt(*, attempt: Attempt, user) -> Attempt:
    locked = Attempt.objects.select_for_update().filter(pk=attempt.pk, user=user).first()
    if locked is None:
        raise NotFound(_(ERR_NOT_FOUND))
    return locked


def _check_time(attempt: Attempt, now) -> None:
    if attempt.deadline is not None and now > attempt.deadline + SUBMIT_GRACE:
        raise Conflict(_(ERR_TIME_UP), code="time_up")


def _validated_changes(attempt: Attempt, answers: list[AnswerInput]) -> list[tuple[Answer, dict]]:
    """Check every answer before writing any, so bad input changes nothing."""
    by_question = {a.question_id: a for a in attempt.answers.all()}
    seen = set()
    changes = []
    for item in answers:
        qid = item.question_id
        if qid in seen:
            raise Invalid(_(ERR_DUPLICATE_QUESTION).format(id=qid), code="duplicate_question")
        seen.add(qid)
        answer = by_question.get(qid)
        if answer is None:
            raise Invalid(
                _(ERR_UNKNOWN_QUESTION).format(id=qid), code="unknown_question", field="question_id"
            )
        kind = answer.kind
        values = {"selected_choice_ids": [], "bool_answer": None, "text_answer": ""}
        if kind in (Question.Kind.SINGLE, Question.Kind.MULTIPLE):
            if item.value is not None or item.text:
                raise Invalid(_(ERR_WRONG_ANSWER_TYPE).format(id=qid), code="wrong_answer_type")
            ids = list(dict.fromkeys(item.choice_ids or []))
            if any(i not in answer.choice_order for i in ids):
                raise Invalid(_(ERR_BAD_CHOICE).format(id=qid), code="bad_choice")
            if kind == Question.Kind.SINGLE and len(ids) > 1:
                raise Invalid(_(ERR_ONE_CHOICE).format(id=qid), code="one_choice")
            values["selected_choice_ids"] = ids
            answered = bool(ids)
        elif kind == Question.Kind.TRUE_FALSE:
            if item.choice_ids or item.text:
                raise Invalid(_(ERR_WRONG_ANSWER_TYPE).format(id=qid), code="wrong_answer_type")
            values["bool_answer"] = item.value
            answered = item.value is not None
        else:
            if item.choice_ids or item.value is not None:
                raise Invalid(_(ERR_WRONG_ANSWER_TYPE).format(id=qid), code="wrong_answer_type")
            text = (item.text or "").strip()
            limit = MAX_ESSAY_TEXT if kind == Question.Kind.ESSAY else MAX_SHORT_TEXT
            if len(text) > limit:
                raise Invalid(_(ERR_TOO_LONG).format(id=qid, limit=limit), code="too_long")
            values["text_answer"] = text
            answered = bool(text)
        values["answered"] = answered
        changes.append((answer, values))
    return changes


@transaction.atomic
def attempt_save_answers(*, attempt: Attempt, user, answers: list[AnswerInput]) -> Attempt:
    """Autosave: store answers on an open attempt (only the questions given; others keep theirs)."""
    locked = _lock_own_open_attempt(attempt=attempt, user=user)
    if locked.status != Attempt.Status.IN_PROGRESS:
        raise Conflict(_(ERR_ATTEMPT_CLOSED), code="attempt_closed")
    now = timezone.now()
    _check_time(locked, now)
    _apply_answers_with_time(locked, answers, now)
    locked.save(update_fields=["updated_at"])
    return locked


def _apply_answers_with_time(attempt: Attempt, answers: list[AnswerInput], now) -> None:
    changes = _validated_changes(attempt, answers)
    for answer, values in changes:
        for name, value in values.items():
            setattr(answer, name, value)
        answer.updated_at = now  # auto_now is not applied by bulk_update
    if changes:
        Answer.objects.bulk_update(
            [a for a, _ in changes],
            ["selected_choice_ids", "bool_answer", "text_answer", "answered", "updated_at"],
        )


@transaction.atomic
def attempt_submit(*, attempt: Attempt, user, answers: list[AnswerInput] | None = None) -> Attempt:
    """Submit an attempt (with any last answers) and grade it. Idempotent: the attempt row is locked
    (select_for_update), so a double click or a retry finds it already submitted and returns it
    unchanged; there is only ever one graded attempt."""
    locked = _lock_own_open_attempt(attempt=attempt, user=user)
    if locked.status != Attempt.Status.IN_PROGRESS:
        return locked
    now = timezone.now()
    _check_time(locked, now)
    if answers:
        _apply_answers_with_time(locked, answers, now)
    _grade_submission(locked, now=now, expired=False)
    return locked


@transaction.atomic
def attempt_finalise_expired(*, attempt: Attempt, user=None) -> Attempt:
    """Hand in an attempt whose time ran out, with the answers saved before the limit."""
    qs = Attempt.objects.select_for_update().filter(pk=attempt.pk)
    if user is not None:
        qs = qs.filter(user=user)
    locked = qs.first()
    if locked is None:
        raise NotFound(_(ERR_NOT_FOUND))
    if locked.status != Attempt.Status.IN_PROGRESS:
        return locked
    now = timezone.now()
    if locked.deadline is None or now <= locked.deadline + SUBMIT_GRACE:
        raise Conflict(_(ERR_NOT_EXPIRED), code="not_expired")
    _grade_submission(locked, now=now, expired=True)
    return locked


def _auto_score(answer: Answer, question: Question | None, *, also_accepted=()) -> Decimal:
    """`also_accepted`: a short-text question's answers accepted in its translations."""
    if question is None:
        # The question was deleted after the attempt began: nobody can earn or lose its points.
        return Decimal("0")
    points = answer.max_points
    if answer.kind == Question.Kind.SINGLE:
        correct = [c.pk for c in question.choices.all() if c.is_correct]
        return scoring.score_single(
            points=points, correct_ids=correct, selected_ids=answer.selected_choice_ids
        )
    if answer.kind == Question.Kind.MULTIPLE:
        correct = [c.pk for c in question.choices.all() if c.is_correct]
        return scoring.score_multiple(
            points=points, correct_ids=correct, selected_ids=answer.selected_choice_ids
        )
    if answer.kind == Question.Kind.TRUE_FALSE:
        return scoring.score_true_false(
            points=points, answer_true=question.answer_true, given=answer.bool_answer
        )
    if answer.kind == Question.Kind.SHORT_TEXT:
        return scoring.score_short_text(
            points=points,
            accepted=[*question.accepted_answer_list(), *also_accepted],
            given=answer.text_answer,
        )
    raise ValueError("essays are graded by a person")


def _score_auto_answers(attempt: Attempt) -> list[Answer]:
    answers = list(attempt.answers.select_related("question").prefetch_related("question__choices"))
    also_accepted = _translated_accepted_answers(answers)
    changed = []
    for answer in answers:
        if answer.kind == Question.Kind.ESSAY:
            continue
        answer.points_awarded = _auto_score(
            answer, answer.question, also_accepted=also_accepted.get(answer.question_id, ())
        )
        changed.append(answer)
    if changed:
        Answer.objects.bulk_update(changed, ["points_awarded"])
    return answers


def _translated_accepted_answers(answers: list[Answer]) -> dict[int, list[str]]:
    """Short-text questions' answers accepted in any of their translations, whichever language the
    trainee read (one query, none without short-text answers)."""
    ids = [a.question_id for a in answers if a.kind == Question.Kind.SHORT_TEXT and a.question_id]
    result: dict[int, list[str]] = {}
    if ids:
        rows = QuestionTranslation.objects.filter(question_id__in=ids).exclude(accepted_answers="")
        for translation in rows.only("question_id", "accepted_answers"):
            result.setdefault(translation.question_id, []).extend(translation.accepted_answer_list())
    return result


def _grade_submission(attempt: Attempt, *, now, expired: bool) -> None:
    answers = _score_auto_answers(attempt)
    attempt.submitted_at = now
    has_essays = any(a.kind == Question.Kind.ESSAY for a in answers)
    if has_essays:
        attempt.status = Attempt.Status.AWAITING_GRADING
        attempt.save(update_fields=["submitted_at", "status", "updated_at"])
    else:
        _finish(attempt, answers=answers, now=now)
    audit_record(
        actor=attempt.user,
        action="assessment.attempt_expired" if expired else "assessment.attempt_submitted",
        target=attempt,
        subject=attempt.user,
        details={"status": attempt.status, "score": _str(attempt.score)},
    )
    if attempt.status == Attempt.Status.GRADED:
        _maybe_release(attempt, actor=None, now=now)


def _str(value) -> str | None:
    return None if value is None else str(value)


def _finish(attempt: Attempt, *, answers: list[Answer], now) -> None:
    """Total the points and decide pass/fail (a must-pass criterion below its minimum fails whatever the
    total); the attempt becomes graded."""
    score = sum((a.points_awarded or Decimal("0") for a in answers), Decimal("0"))
    max_score = sum((a.max_points for a in answers), Decimal("0"))
    attempt.score = scoring.quantize(max(Decimal("0"), min(score, max_score)))
    attempt.max_score = max_score
    attempt.percent = scoring.percent(score=attempt.score, max_score=max_score)
    attempt.must_pass_failed = must_pass_failed(answers=answers)
    attempt.passed = scoring.is_pass(
        percent_value=attempt.percent, pass_mark=attempt.pass_mark, must_pass_met=not attempt.must_pass_failed
    )
    if attempt.status != Attempt.Status.RELEASED:
        attempt.status = Attempt.Status.GRADED
    attempt.graded_at = now
    attempt.full_clean()
    attempt.save()


# ---------------------------------------------------------------------------------------------------
# Release


def _maybe_release(attempt: Attempt, *, actor, now) -> None:
    policy = attempt.assessment.release_policy
    if policy == Assessment.Release.IMMEDIATELY or (
        policy == Assessment.Release.ON_DATE
        and attempt.assessment.release_at
        and attempt.assessment.release_at <= now
    ):
        _release(attempt, actor=actor, now=now)


def _release(attempt: Attempt, *, actor, now) -> None:
    attempt.status = Attempt.Status.RELEASED
    attempt.released_at = now
    attempt.save(update_fields=["status", "released_at", "updated_at"])
    audit_record(
        actor=actor,
        action="assessment.result_released",
        target=attempt,
        subject=attempt.user,
        details={"score": _str(attempt.score), "percent": _str(attempt.percent), "passed": attempt.passed},
    )
    if attempt.passed:
        _credit(attempt)
    from ..tasks import result_released_notify

    result_released_notify(attempt=attempt)  # notification and outbox row now, sent after commit


def _credit(attempt: Attempt) -> None:
    """Passing a module quiz completes the module (and credits its hours); passing a final exam may
    complete the course. A withdrawn enrolment or an unpublished module is skipped, not an error."""
    assessment = attempt.assessment
    try:
        if assessment.kind == Assessment.Kind.MODULE_QUIZ:
            course_services.module_complete(user=attempt.user, module=assessment.module, via_assessment=True)
        else:
            enrollment = (
                Enrollment.objects.active().filter(user=attempt.user, course_id=assessment.course_id).first()
            )
            if enrollment is not None:
                course_services.enrollment_refresh_completion(enrollment=enrollment)
    except DomainError as exc:
        audit_record(
            actor=None,
            action="assessment.credit_skipped",
            target=attempt,
            subject=attempt.user,
            details={"code": exc.code},
        )

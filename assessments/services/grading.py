"""Human grading: who may grade (never their own attempt), rubric scores, second marking, regrades,
releasing results one by one or in bulk, and the periodic release/hand-in housekeeping."""

from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lms.audit import audit_record
from lms.errors import Conflict, Forbidden, Invalid, NotFound

from .. import scoring
from ..models import Answer, Assessment, Attempt, CriterionScore, Question
from ..selectors import is_course_instructor
from .attempts import (
    _credit,
    _finish,
    _maybe_release,
    _release,
    _score_auto_answers,
    _str,
    attempt_finalise_expired,
)
from .common import (
    ERR_ALREADY_RELEASED,
    ERR_BAD_LEVEL,
    ERR_ESSAYS_MISSING,
    ERR_FLAG_REASON,
    ERR_NOT_AWAITING,
    ERR_NOT_FOUND,
    ERR_NOT_GRADED,
    ERR_NOT_INSTRUCTOR,
    ERR_OWN_ATTEMPT,
    ERR_REGRADE_REASON,
    ERR_RUBRIC_INCOMPLETE,
    ERR_SAME_MARKER,
    ERR_UNKNOWN_ESSAY,
    SUBMIT_GRACE,
    EssayGrade,
)
from .mustpass import must_pass_minimum


def _require_instructor(*, user, assessment: Assessment) -> None:
    if not is_course_instructor(user=user, course_id=assessment.course_id):
        raise Forbidden(_(ERR_NOT_INSTRUCTOR), code="not_instructor")


def _lock_for_staff(*, attempt: Attempt, user) -> Attempt:
    locked = Attempt.objects.select_for_update().select_related("assessment").filter(pk=attempt.pk).first()
    if locked is None:
        raise NotFound(_(ERR_NOT_FOUND))
    _require_instructor(user=user, assessment=locked.assessment)
    _refuse_own(attempt=locked, user=user)
    return locked


def _refuse_own(*, attempt: Attempt, user) -> None:
    """A marker never decides their own result (an instructor taking a course they teach, a staff
    member with an attempt): their score feeds eligibility, so someone else must grade and release."""
    if attempt.user_id == user.pk:
        raise Forbidden(_(ERR_OWN_ATTEMPT), code="own_attempt")


@transaction.atomic
def attempt_release(*, attempt: Attempt, actor) -> Attempt:
    """An instructor of the course releases a graded result (and its feedback) to the trainee."""
    locked = _lock_for_staff(attempt=attempt, user=actor)
    if locked.status == Attempt.Status.RELEASED:
        raise Conflict(_(ERR_ALREADY_RELEASED), code="already_released")
    if locked.status != Attempt.Status.GRADED:
        raise Conflict(_(ERR_NOT_GRADED), code="not_graded")
    _release(locked, actor=actor, now=timezone.now())
    return locked


@transaction.atomic
def assessment_release_graded(*, assessment: Assessment, actor) -> int:
    """Release every graded, unreleased attempt of an assessment, except the actor's own. Returns how
    many."""
    _require_instructor(user=actor, assessment=assessment)
    now = timezone.now()
    attempts = list(
        Attempt.objects.select_for_update()
        .select_related("assessment", "user")
        .filter(assessment=assessment, status=Attempt.Status.GRADED)
        .exclude(user=actor)  # their own result waits for another instructor (see _refuse_own)
    )
    for attempt in attempts:
        _release(attempt, actor=actor, now=now)
    return len(attempts)


def release_due_results(*, now=None) -> int:
    """Release graded attempts of assessments whose release date has come (run periodically)."""
    now = now or timezone.now()
    ids = list(
        Attempt.objects.filter(
            status=Attempt.Status.GRADED,
            assessment__release_policy=Assessment.Release.ON_DATE,
            assessment__release_at__lte=now,
        ).values_list("pk", flat=True)
    )
    released = 0
    for pk in ids:
        with transaction.atomic():
            attempt = Attempt.objects.select_for_update().select_related("assessment").get(pk=pk)
            if attempt.status == Attempt.Status.GRADED:
                _release(attempt, actor=None, now=now)
                released += 1
    return released


def finalise_expired_attempts(*, now=None) -> int:
    """Hand in every open attempt whose time limit (plus grace) has passed (run periodically)."""
    now = now or timezone.now()
    ids = list(
        Attempt.objects.filter(
            status=Attempt.Status.IN_PROGRESS, deadline__lt=now - SUBMIT_GRACE
        ).values_list("pk", flat=True)
    )
    for pk in ids:
        attempt_finalise_expired(attempt=Attempt(pk=pk))
    return len(ids)


# ---------------------------------------------------------------------------------------------------
# Human grading


def _validated_essay_scores(
    attempt: Attempt, grades: list[EssayGrade]
) -> list[tuple[Answer, EssayGrade, list]]:
    essays = {
        a.question_id: a
        for a in attempt.answers.filter(kind=Question.Kind.ESSAY).select_related("question__rubric")
    }
    given = {}
    for grade in grades:
        if grade.question_id not in essays or grade.question_id in given:
            raise Invalid(_(ERR_UNKNOWN_ESSAY).format(id=grade.question_id), code="unknown_essay")
        given[grade.question_id] = grade
    if set(given) != set(essays):
        raise Invalid(_(ERR_ESSAYS_MISSING), code="essays_missing")
    result = []
    for qid, answer in essays.items():
        grade = given[qid]
        rubric = answer.question.rubric if answer.question else None
        criteria = list(rubric.criteria.prefetch_related("levels")) if rubric else []
        if set(grade.levels) != {c.pk for c in criteria}:
            raise Invalid(_(ERR_RUBRIC_INCOMPLETE).format(id=qid), code="rubric_incomplete")
        rows = []
        for criterion in criteria:
            levels = {lv.pk: lv for lv in criterion.levels.all()}
            level = levels.get(grade.levels[criterion.pk])
            if level is None:
                raise Invalid(_(ERR_BAD_LEVEL), code="bad_level")
            rows.append((criterion, level, must_pass_minimum(criterion)))
        result.append((answer, grade, rows))
    return result


def _store_essay_scores(validated) -> None:
    for answer, grade, rows in validated:
        CriterionScore.objects.filter(answer=answer).delete()
        scores = [
            CriterionScore(
                answer=answer,
                criterion=criterion,
                criterion_name=criterion.name,
                level=level,
                level_label=level.label,
                points=level.points,
                max_points=criterion.max_points,
                feedback=(grade.criterion_feedback.get(criterion.pk) or "").strip(),
                minimum_label=minimum[0] if minimum else "",
                minimum_points=minimum[1] if minimum else None,
            )
            for criterion, level, minimum in rows
        ]
        CriterionScore.objects.bulk_create(scores)
        answer.points_awarded = scoring.score_rubric(
            chosen_points=[s.points for s in scores], max_points=answer.max_points
        )
        answer.feedback = (grade.feedback or "").strip()
        answer.save(update_fields=["points_awarded", "feedback", "updated_at"])


@transaction.atomic
def attempt_grade(
    *,
    attempt: Attempt,
    grader,
    essays: list[EssayGrade],
    feedback: str = "",
    flag_for_second_marker: bool = False,
    flag_reason: str = "",
) -> Attempt:
    """Score an attempt's essays against their rubrics. The first marker may instead flag it for a
    second marker (their scores are kept as provisional); another instructor of the course then
    completes the grading. Every step is audited."""
    locked = _lock_for_staff(attempt=attempt, user=grader)
    now = timezone.now()
    if locked.status == Attempt.Status.AWAITING_GRADING:
        if flag_for_second_marker and not (flag_reason or "").strip():
            raise Invalid(_(ERR_FLAG_REASON), code="flag_reason_required", field="flag_reason")
        validated = _validated_essay_scores(locked, essays)
        _store_essay_scores(validated)
        locked.marker = grader
        locked.feedback = (feedback or "").strip()
        answers = list(locked.answers.all())
        provisional = sum((a.points_awarded or Decimal("0") for a in answers), Decimal("0"))
        if flag_for_second_marker:
            locked.status = Attempt.Status.AWAITING_SECOND_MARKER
            locked.flag_reason = flag_reason.strip()
            locked.save(update_fields=["status", "marker", "feedback", "flag_reason", "updated_at"])
            audit_record(
                actor=grader,
                action="assessment.flagged_for_second_marker",
                target=locked,
                subject=locked.user,
                details={"provisional_score": str(provisional), "reason": locked.flag_reason},
            )
            return locked
        _finish(locked, answers=answers, now=now)
        audit_record(
            actor=grader,
            action="assessment.graded",
            target=locked,
            subject=locked.user,
            details={"score": _str(locked.score), "percent": _str(locked.percent), "passed": locked.passed},
        )
    elif locked.status == Attempt.Status.AWAITING_SECOND_MARKER:
        if locked.marker_id == grader.pk:
            raise Forbidden(_(ERR_SAME_MARKER), code="same_marker")
        first_score = sum((a.points_awarded or Decimal("0") for a in locked.answers.all()), Decimal("0"))
        validated = _validated_essay_scores(locked, essays)
        _store_essay_scores(validated)
        locked.second_marker = grader
        if (feedback or "").strip():
            locked.feedback = feedback.strip()
        _finish(locked, answers=list(locked.answers.all()), now=now)
        audit_record(
            actor=grader,
            action="assessment.second_marked",
            target=locked,
            subject=locked.user,
            details={
                "first_marker_score": str(first_score),
                "score": _str(locked.score),
                "percent": _str(locked.percent),
                "passed": locked.passed,
            },
        )
    else:
        raise Conflict(_(ERR_NOT_AWAITING), code="not_awaiting_grading")
    _maybe_release(locked, actor=grader, now=now)
    return locked


@transaction.atomic
def attempt_regrade(
    *,
    attempt: Attempt,
    grader,
    reason: str,
    essays: list[EssayGrade] | None = None,
    feedback: str | None = None,
) -> Attempt:
    """Regrade a graded (or released) attempt, with a reason: automatically scored answers are scored
    again against the questions as they are now (an author may have fixed an answer key), and essays
    get the new rubric levels given. A result that becomes a pass credits the module or course; a pass
    that becomes a fail does not undo a completion already credited (see docs/assessments.md)."""
    locked = _lock_for_staff(attempt=attempt, user=grader)
    if locked.status not in (Attempt.Status.GRADED, Attempt.Status.RELEASED):
        raise Conflict(_(ERR_NOT_GRADED), code="not_graded")
    reason = (reason or "").strip()
    if not reason:
        raise Invalid(_(ERR_REGRADE_REASON), code="reason_required", field="reason")
    validated = _validated_essay_scores(locked, essays) if essays is not None else None
    old_score, old_passed = locked.score, locked.passed
    _score_auto_answers(locked)
    if validated is not None:
        _store_essay_scores(validated)
    if feedback is not None:
        locked.feedback = feedback.strip()
    _finish(locked, answers=list(locked.answers.all()), now=timezone.now())
    audit_record(
        actor=grader,
        action="assessment.regraded",
        target=locked,
        subject=locked.user,
        details={
            "reason": reason,
            "old_score": _str(old_score),
            "score": _str(locked.score),
            "old_passed": old_passed,
            "passed": locked.passed,
        },
    )
    if locked.status == Attempt.Status.RELEASED:
        if locked.passed and not old_passed:
            _credit(locked)
        from ..tasks import result_released_notify

        result_released_notify(attempt=locked, updated=True)  # notification, outbox row sent after commit
    return locked

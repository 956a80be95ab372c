"""Assessments API (mounted at /api/v1/). Trainee: assessment state, start, save answers, submit,
result. Instructor: grading queue, an attempt to grade, grade, release, regrade, gradebook; authoring
(pinned questions, must-pass criteria) in authoring_api.py. Same services and rules as the pages;
session authentication."""

from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from ninja import Query, Router, Schema, Status
from ninja.security import django_auth

from lms import roles
from lms.converters import Id
from lms.errors import Forbidden, NotFound, errors

from . import selectors, services
from .authoring_api import router as authoring_router
from .models import Assessment, Attempt
from .schemas import (
    AnswersIn,
    AssessmentOut,
    AttemptOut,
    GradebookOut,
    GradeIn,
    GradeResultOut,
    GradingAttemptOut,
    QueueOut,
    RegradeIn,
    ResultOut,
    SavedOut,
    SubmitIn,
)

router = Router(tags=["assessments"], auth=django_auth)
router.add_router("/", authoring_router)  # pinned questions, must-pass criteria (authoring_api.py)

ERR_NOT_STAFF = gettext_noop("Only instructors have a grading queue.")
ERR_NO_GRADEBOOK = gettext_noop("Only the course's instructors and program administrators see its gradebook.")
ERR_NOT_MARKER = gettext_noop("Only instructors grade attempts.")
ERR_ASSESSMENT_NOT_FOUND = gettext_noop("Assessment not found.")
ERR_COURSE_NOT_FOUND = gettext_noop("Course not found.")


# ---------------------------------------------------------------------------------------------------
# Payload builders (shared with nothing else: pages render the same selector views)


def assessment_payload(state: selectors.AssessmentState) -> dict:
    a = state.assessment
    return {
        "id": a.pk,
        "title": a.title,
        "kind": a.kind,
        "course_id": a.course_id,
        "module_id": a.module_id,
        "instructions": a.instructions,
        "pass_mark": a.pass_mark,
        "max_attempts": a.max_attempts,
        "cooldown_minutes": a.cooldown_minutes,
        "time_limit_minutes": a.time_limit_minutes,
        "questions_per_attempt": a.questions_per_attempt,
        "release_policy": a.release_policy,
        "release_at": a.release_at,
        "status": state.status,
        "attempts_used": state.attempts_used,
        "attempts_left": state.attempts_left,
        "best_percent": state.best_percent,
        "passed": state.passed,
        "cooldown_until": state.cooldown_until,
        "open_attempt_id": state.open_attempt.pk if state.open_attempt else None,
        "pending_attempt_id": state.pending_attempt.pk if state.pending_attempt else None,
    }


def attempt_payload(attempt: Attempt) -> dict:
    view = selectors.attempt_view(attempt=attempt)
    return {
        "id": attempt.pk,
        "assessment_id": attempt.assessment_id,
        "number": attempt.number,
        "status": attempt.status,
        "started_at": attempt.started_at,
        "deadline": attempt.deadline,
        "seconds_left": view.seconds_left,
        "submitted_at": attempt.submitted_at,
        "questions": [
            {
                "question_id": q.question_id,
                "number": q.number,
                "kind": q.kind,
                "text": q.text,
                "max_points": q.max_points,
                "choices": [{"id": c.id, "text": c.text} for c in q.choices],
            }
            for q in view.questions
            if q.question_id is not None
        ],
        "answers": [
            {
                "question_id": q.question_id,
                "choice_ids": [c.id for c in q.choices if c.selected],
                "value": q.bool_answer,
                "text": q.text_answer,
            }
            for q in view.questions
            if q.question_id is not None
        ],
    }


def result_payload(attempt: Attempt) -> dict:
    view = selectors.attempt_view(attempt=attempt)
    released = view.show_result
    questions = []
    if released:
        for q in view.questions:
            questions.append(
                {
                    "question_id": q.question_id,
                    "number": q.number,
                    "kind": q.kind,
                    "text": q.text,
                    "max_points": q.max_points,
                    "points_awarded": q.points_awarded,
                    "feedback": q.feedback,
                    "criteria": [c.__dict__ for c in q.criteria],
                    "correct_choice_ids": [c.id for c in q.choices if c.correct]
                    if view.reveal_answers
                    else None,
                    "answer_true": q.answer_true if view.reveal_answers else None,
                    "accepted_answers": q.accepted_answers if view.reveal_answers else None,
                    "explanation": q.explanation if view.reveal_answers else None,
                }
            )
    return {
        "attempt_id": attempt.pk,
        "assessment_id": attempt.assessment_id,
        "number": attempt.number,
        "status": attempt.status,
        "released": released,
        "submitted_at": attempt.submitted_at,
        "released_at": attempt.released_at,
        "score": attempt.score if released else None,
        "max_score": attempt.max_score if released else None,
        "percent": attempt.percent if released else None,
        "pass_mark": attempt.pass_mark,
        "passed": attempt.passed if released else None,
        "feedback": attempt.feedback if released else "",
        "answers_revealed": view.reveal_answers,
        "must_pass_failures": [f.__dict__ for f in view.must_pass_failures] if released else [],
        "questions": questions,
    }


def _queue_item(attempt: Attempt) -> dict:
    return {
        "attempt_id": attempt.pk,
        "assessment_id": attempt.assessment_id,
        "assessment_title": attempt.assessment.title,
        "course_id": attempt.assessment.course_id,
        "course_title": attempt.assessment.course.title,
        "trainee_name": str(attempt.user),
        "number": attempt.number,
        "status": attempt.status,
        "submitted_at": attempt.submitted_at,
        "first_marker": str(attempt.marker) if attempt.marker_id else None,
        "flag_reason": attempt.flag_reason,
    }


def grading_payload(attempt: Attempt) -> dict:
    view = selectors.attempt_view(attempt=attempt, for_staff=True)
    questions = []
    for q in view.questions:
        rubric = None
        if q.rubric is not None:
            rubric = [
                {
                    "id": c.pk,
                    "name": c.name,
                    "description": c.description,
                    "max_points": c.max_points,
                    "must_pass": c.must_pass,
                    "minimum_level": c.minimum_level,
                    "levels": [
                        {"id": lv.pk, "label": lv.label, "points": lv.points, "descriptor": lv.descriptor}
                        for lv in c.levels.all()
                    ],
                }
                for c in q.rubric.criteria.all()
            ]
        questions.append(
            {
                "question_id": q.question_id,
                "number": q.number,
                "kind": q.kind,
                "text": q.text,
                "max_points": q.max_points,
                "choices": [{"id": c.id, "text": c.text} for c in q.choices],
                "selected_choice_ids": [c.id for c in q.choices if c.selected],
                "value": q.bool_answer,
                "text_answer": q.text_answer,
                "points_awarded": q.points_awarded,
                "feedback": q.feedback,
                "criteria_scores": [c.__dict__ for c in q.criteria],
                "rubric": rubric,
            }
        )
    return {
        "attempt_id": attempt.pk,
        "assessment_id": attempt.assessment_id,
        "assessment_title": attempt.assessment.title,
        "course_id": attempt.assessment.course_id,
        "trainee_name": str(attempt.user),
        "number": attempt.number,
        "status": attempt.status,
        "submitted_at": attempt.submitted_at,
        "score": attempt.score,
        "max_score": attempt.max_score,
        "percent": attempt.percent,
        "passed": attempt.passed,
        "feedback": attempt.feedback,
        "first_marker": str(attempt.marker) if attempt.marker_id else None,
        "second_marker": str(attempt.second_marker) if attempt.second_marker_id else None,
        "flag_reason": attempt.flag_reason,
        "must_pass_failures": [f.__dict__ for f in view.must_pass_failures],
        "questions": questions,
    }


def _grade_result(attempt: Attempt) -> dict:
    return {
        "attempt_id": attempt.pk,
        "status": attempt.status,
        "score": attempt.score,
        "max_score": attempt.max_score,
        "percent": attempt.percent,
        "passed": attempt.passed,
        "must_pass_failed": attempt.must_pass_failed,
    }


def _answers(items) -> list[services.AnswerInput]:
    return [
        services.AnswerInput(question_id=i.question_id, choice_ids=i.choice_ids, value=i.value, text=i.text)
        for i in items
    ]


def _essays(items) -> list[services.EssayGrade]:
    return [
        services.EssayGrade(
            question_id=e.question_id,
            levels={c.criterion_id: c.level_id for c in e.criteria},
            criterion_feedback={c.criterion_id: c.feedback for c in e.criteria},
            feedback=e.feedback,
        )
        for e in items
    ]


def _own_attempt(request, attempt_id: int) -> Attempt:
    attempt = selectors.attempt_for_owner(user=request.user, attempt_id=attempt_id)
    if attempt is None:
        raise NotFound(_(services.ERR_NOT_FOUND))
    return attempt


def _require_staff_role(request) -> None:
    """Role first: a trainee or supervisor gets the same 403 whatever the id they name."""
    if not (roles.is_instructor(request.user) or roles.is_program_admin(request.user)):
        raise Forbidden(_(ERR_NOT_MARKER), code="not_instructor")


def _staff_attempt(request, attempt_id: int) -> Attempt:
    """An attempt in a course the user teaches. Another course's attempt answers exactly like a missing
    one (404, same body); the marker's own attempt is refused (403) with why."""
    _require_staff_role(request)
    attempt = selectors.attempt_for_staff(user=request.user, attempt_id=attempt_id)
    if attempt is None:
        raise NotFound(_(services.ERR_NOT_FOUND))
    if attempt.user_id == request.user.pk:
        raise Forbidden(_(services.ERR_OWN_ATTEMPT), code="own_attempt")
    return attempt


# ---------------------------------------------------------------------------------------------------
# Trainee endpoints


@router.get(
    "/assessments/{id:assessment_id}", response=AssessmentOut, summary="An assessment and my standing"
)
def assessment_detail(request, assessment_id: Id):
    # Not enrolled (nor teaching) answers like a missing assessment: ids reveal nothing.
    assessment = selectors.assessment_for_viewer(user=request.user, assessment_id=assessment_id)
    if assessment is None:
        raise NotFound(_(ERR_ASSESSMENT_NOT_FOUND))
    return assessment_payload(selectors.assessment_state(user=request.user, assessment=assessment))


@router.post(
    "/assessments/{id:assessment_id}/attempts",
    response={201: AttemptOut, **errors(409, 429)},
    summary="Start an attempt (or resume the open one)",
)
def attempt_start(request, assessment_id: Id):
    assessment = get_object_or_404(Assessment.objects.select_related("course", "module"), pk=assessment_id)
    attempt = services.attempt_start(user=request.user, assessment=assessment)
    return Status(201, attempt_payload(attempt))


@router.get(
    "/attempts/{id:attempt_id}", response=AttemptOut, summary="My attempt: questions and saved answers"
)
def attempt_detail(request, attempt_id: Id):
    return attempt_payload(_own_attempt(request, attempt_id))


@router.put(
    "/attempts/{id:attempt_id}/answers",
    response={200: SavedOut, **errors(409)},
    summary="Save answers (autosave)",
)
def attempt_save(request, attempt_id: Id, payload: AnswersIn):
    attempt = services.attempt_save_answers(
        attempt=_own_attempt(request, attempt_id), user=request.user, answers=_answers(payload.answers)
    )
    view = selectors.AttemptView(attempt=attempt, questions=[], show_result=False, reveal_answers=False)
    return {
        "attempt_id": attempt.pk,
        "saved": len(payload.answers),
        "saved_at": timezone.now(),
        "seconds_left": view.seconds_left,
    }


@router.post(
    "/attempts/{id:attempt_id}/submit",
    response={200: ResultOut, **errors(409)},
    summary="Submit (idempotent)",
)
def attempt_submit(request, attempt_id: Id, payload: SubmitIn | None = None):
    answers = _answers(payload.answers) if payload else None
    attempt = services.attempt_submit(
        attempt=_own_attempt(request, attempt_id), user=request.user, answers=answers
    )
    return result_payload(attempt)


@router.get("/attempts/{id:attempt_id}/result", response=ResultOut, summary="My result (once released)")
def attempt_result(request, attempt_id: Id):
    return result_payload(_own_attempt(request, attempt_id))


# ---------------------------------------------------------------------------------------------------
# Instructor endpoints


@router.get(
    "/grading/queue",
    response={200: QueueOut, **errors(403)},
    summary="Attempts waiting for me (courses I teach)",
)
def grading_queue(request):
    if not (roles.is_instructor(request.user) or roles.is_program_admin(request.user)):
        raise Forbidden(_(ERR_NOT_STAFF))
    queue = selectors.grading_queue(user=request.user)
    return {
        "to_grade": [_queue_item(a) for a in queue.to_grade],
        "second_marking": [_queue_item(a) for a in queue.second_marking],
        "flagged_by_me": [_queue_item(a) for a in queue.flagged_by_me],
        "to_release": [_queue_item(a) for a in queue.to_release],
    }


@router.get(
    "/grading/attempts/{id:attempt_id}",
    response={200: GradingAttemptOut, **errors(403)},
    summary="An attempt to grade",
)
def grading_attempt(request, attempt_id: Id):
    return grading_payload(_staff_attempt(request, attempt_id))


@router.post(
    "/grading/attempts/{id:attempt_id}/grade",
    response={200: GradeResultOut, **errors(409)},
    summary="Grade essays",
)
def grading_grade(request, attempt_id: Id, payload: GradeIn):
    attempt = services.attempt_grade(
        attempt=_staff_attempt(request, attempt_id),
        grader=request.user,
        essays=_essays(payload.essays),
        feedback=payload.feedback,
        flag_for_second_marker=payload.flag_for_second_marker,
        flag_reason=payload.flag_reason,
    )
    return _grade_result(attempt)


@router.post(
    "/grading/attempts/{id:attempt_id}/release",
    response={200: GradeResultOut, **errors(409)},
    summary="Release a result",
)
def grading_release(request, attempt_id: Id):
    attempt = services.attempt_release(attempt=_staff_attempt(request, attempt_id), actor=request.user)
    return _grade_result(attempt)


@router.post(
    "/grading/attempts/{id:attempt_id}/regrade",
    response={200: GradeResultOut, **errors(409)},
    summary="Regrade with a reason",
)
def grading_regrade(request, attempt_id: Id, payload: RegradeIn):
    attempt = services.attempt_regrade(
        attempt=_staff_attempt(request, attempt_id),
        grader=request.user,
        reason=payload.reason,
        essays=_essays(payload.essays) if payload.essays is not None else None,
        feedback=payload.feedback,
    )
    return _grade_result(attempt)


class GradebookQuery(Schema):
    page: int = 1
    per_page: int = 50


@router.get(
    "/gradebook/{id:course_id}",
    response={200: GradebookOut, **errors(403)},
    summary="A course's gradebook (paginated)",
)
def gradebook(request, course_id: Id, query: Query[GradebookQuery]):
    if not (roles.is_instructor(request.user) or roles.is_program_admin(request.user)):
        raise Forbidden(_(ERR_NO_GRADEBOOK))
    # A course the instructor does not teach answers like a missing one.
    course = selectors.gradebook_course_for(user=request.user, course_id=course_id)
    if course is None:
        raise NotFound(_(ERR_COURSE_NOT_FOUND))
    per_page = max(1, min(query.per_page, 500))
    assessments, page, rows = selectors.gradebook_page(
        course=course, page_number=query.page, per_page=per_page
    )
    return {
        "course_id": course.pk,
        "assessments": [{"id": a.pk, "title": a.title, "kind": a.kind} for a in assessments],
        "count": page.paginator.count,
        "page": page.number,
        "pages": page.paginator.num_pages,
        "rows": [
            {
                "user_id": r.user_id,
                "name": r.name,
                "email": r.email,
                "enrollment_status": r.enrollment_status,
                "cells": [
                    {
                        "assessment_id": a.pk,
                        "attempts_used": c.attempts_used,
                        "best_percent": c.best_percent,
                        "status": c.status,
                    }
                    for a, c in zip(assessments, r.cells, strict=True)
                ],
            }
            for r in rows
        ],
    }

"""HTML pages for assessments. Thin: parse the request, call one service or selector, render. Domain
errors are shown on the page with their own status code."""

import csv
import functools

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, JsonResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from courses.models import CoursePage
from lms import roles
from lms.errors import DomainError, Invalid
from lms.pagination import paginate
from lms.timezones import format_local

from . import selectors, services
from .models import Assessment, Attempt, Question
from .selectors import grading as grading_selectors

ERR_BAD_NUMBER = gettext_noop("Invalid answer submitted.")
GRADEBOOK_PER_PAGE = 50  # trainees per gradebook page


def _assessment(pk: int) -> Assessment:
    return get_object_or_404(Assessment.objects.select_related("course", "module"), pk=pk)


def _own_attempt(request, pk: int) -> Attempt:
    attempt = selectors.attempt_for_owner(user=request.user, attempt_id=pk)
    if attempt is None:
        raise Http404(services.ERR_NOT_FOUND)
    return attempt


class OwnAttempt(Exception):
    """Raised by _staff_attempt for the marker's own attempt; the grading views answer 403 with why."""


def _staff_attempt(request, pk: int) -> Attempt:
    """The role is checked first (403 whatever the id); then an attempt outside the courses the user
    teaches answers exactly like a missing one (404), so ids reveal nothing."""
    _require_instructor_role(request)
    attempt = selectors.attempt_for_staff(user=request.user, attempt_id=pk)
    if attempt is None:
        raise Http404(services.ERR_NOT_FOUND)
    if attempt.user_id == request.user.pk:
        raise OwnAttempt
    return attempt


def _refused_own(request):
    return render(request, "assessments/refused.html", {"message": _(services.ERR_OWN_ATTEMPT)}, status=403)


def _grading_view(view):
    """Grading views: the marker's own attempt gets a 403 page that says why."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except OwnAttempt:
            return _refused_own(request)

    return wrapper


def _wants_json(request) -> bool:
    return request.headers.get("X-Requested-With") == "fetch" or "application/json" in request.headers.get(
        "Accept", ""
    )


def _int(value) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        raise Invalid(_(ERR_BAD_NUMBER), code="invalid_answer")


def answers_from_post(post, attempt: Attempt) -> list[services.AnswerInput]:
    """Form fields -> answers. The form lists its questions in hidden `questions` inputs so an emptied
    checkbox group still clears the saved answer."""
    kinds = dict(attempt.answers.values_list("question_id", "kind"))
    result = []
    for raw in post.getlist("questions"):
        qid = _int(raw)
        name = f"q-{qid}"
        kind = kinds.get(qid)
        item = services.AnswerInput(question_id=qid)
        if kind == Question.Kind.SINGLE:
            value = post.get(name)
            item.choice_ids = [_int(value)] if value else []
        elif kind == Question.Kind.MULTIPLE:
            item.choice_ids = [_int(v) for v in post.getlist(name)]
        elif kind == Question.Kind.TRUE_FALSE:
            value = post.get(name)
            item.value = {"true": True, "false": False}.get(value) if value else None
            if value and item.value is None:
                raise Invalid(_(ERR_BAD_NUMBER), code="invalid_answer")
        elif kind in (Question.Kind.SHORT_TEXT, Question.Kind.ESSAY):
            item.text = post.get(name, "")
        result.append(item)
    return result


# ---------------------------------------------------------------------------------------------------
# Trainee pages


def _detail_context(request, assessment):
    state = selectors.assessment_state(user=request.user, assessment=assessment)
    return {
        "assessment": assessment,
        "assessment_text": selectors.assessment_text(assessment=assessment),
        "state": state,
        "course": assessment.course,
    }


@login_required
@require_GET
def assessment_detail(request, pk: int):
    # Not enrolled (nor teaching) answers like a missing assessment: ids reveal nothing.
    assessment = selectors.assessment_for_viewer(user=request.user, assessment_id=pk)
    if assessment is None:
        raise Http404
    return render(request, "assessments/detail.html", _detail_context(request, assessment))


@login_required
@require_POST
def attempt_start(request, pk: int):
    assessment = _assessment(pk)
    try:
        attempt = services.attempt_start(user=request.user, assessment=assessment)
    except DomainError as exc:
        context = _detail_context(request, assessment) | {"error": exc.message}
        return render(request, "assessments/detail.html", context, status=exc.status_code)
    return redirect("assessments:attempt_take", pk=attempt.pk)


def _take_context(attempt, **extra):
    return {
        "attempt": attempt,
        "view": selectors.attempt_view(attempt=attempt),
        "assessment": attempt.assessment,
        "assessment_text": selectors.assessment_text(assessment=attempt.assessment),
    } | extra


@login_required
@require_GET
def attempt_take(request, pk: int):
    attempt = _own_attempt(request, pk)
    if attempt.status != Attempt.Status.IN_PROGRESS:
        return redirect("assessments:attempt_result", pk=attempt.pk)
    return render(request, "assessments/take.html", _take_context(attempt))


@login_required
@require_POST
def attempt_save(request, pk: int):
    attempt = _own_attempt(request, pk)
    try:
        attempt = services.attempt_save_answers(
            attempt=attempt, user=request.user, answers=answers_from_post(request.POST, attempt)
        )
    except DomainError as exc:
        if _wants_json(request):
            return JsonResponse({"detail": exc.message, "code": exc.code}, status=exc.status_code)
        attempt.refresh_from_db()
        if attempt.status != Attempt.Status.IN_PROGRESS:
            messages.error(request, exc.message)
            return redirect("assessments:attempt_result", pk=attempt.pk)
        return render(
            request,
            "assessments/take.html",
            _take_context(attempt, error=exc.message),
            status=exc.status_code,
        )
    if _wants_json(request):
        saved_at = format_local(timezone.now(), user=request.user, fmt="TIME_FORMAT")
        return JsonResponse({"saved_at": saved_at})
    messages.success(request, _("Your answers are saved. You can come back and finish later."))
    return redirect("assessments:attempt_take", pk=attempt.pk)


@login_required
@require_POST
def attempt_submit(request, pk: int):
    attempt = _own_attempt(request, pk)
    try:
        attempt = services.attempt_submit(
            attempt=attempt, user=request.user, answers=answers_from_post(request.POST, attempt)
        )
    except DomainError as exc:
        attempt.refresh_from_db()
        return render(
            request,
            "assessments/take.html",
            _take_context(attempt, error=exc.message),
            status=exc.status_code,
        )
    return redirect("assessments:attempt_result", pk=attempt.pk)


@login_required
@require_POST
def attempt_hand_in(request, pk: int):
    """Hand in an attempt whose time ran out, with the answers saved in time."""
    attempt = _own_attempt(request, pk)
    try:
        services.attempt_finalise_expired(attempt=attempt, user=request.user)
    except DomainError as exc:
        return render(
            request,
            "assessments/take.html",
            _take_context(attempt, error=exc.message),
            status=exc.status_code,
        )
    return redirect("assessments:attempt_result", pk=attempt.pk)


@login_required
@require_GET
def attempt_result(request, pk: int):
    attempt = _own_attempt(request, pk)
    if attempt.status == Attempt.Status.IN_PROGRESS:
        return redirect("assessments:attempt_take", pk=attempt.pk)
    state = selectors.assessment_state(user=request.user, assessment=attempt.assessment)
    return render(
        request,
        "assessments/result.html",
        {
            "attempt": attempt,
            "view": selectors.attempt_view(attempt=attempt),
            "assessment": attempt.assessment,
            "assessment_text": selectors.assessment_text(assessment=attempt.assessment),
            "state": state,
        },
    )


# ---------------------------------------------------------------------------------------------------
# Instructor pages


def _require_instructor_role(request):
    if not (roles.is_instructor(request.user) or roles.is_program_admin(request.user)):
        raise PermissionDenied


@login_required
@require_GET
def grading_queue(request):
    _require_instructor_role(request)
    queue = grading_selectors.grading_queue_page(request, user=request.user)
    return render(request, "assessments/grading_queue.html", {"queue": queue})


def essays_from_post(post, view: selectors.AttemptView) -> list[services.EssayGrade]:
    grades = []
    for q in view.questions:
        if q.kind != Question.Kind.ESSAY or q.question_id is None:
            continue
        levels, notes = {}, {}
        criteria = list(q.rubric.criteria.all()) if q.rubric else []
        for c in criteria:
            raw = post.get(f"level-{q.question_id}-{c.pk}")
            if raw:
                levels[c.pk] = _int(raw)
            notes[c.pk] = post.get(f"cfb-{q.question_id}-{c.pk}", "")
        grades.append(
            services.EssayGrade(
                question_id=q.question_id,
                levels=levels,
                criterion_feedback=notes,
                feedback=post.get(f"feedback-{q.question_id}", ""),
            )
        )
    return grades


def _grade_context(request, attempt, **extra):
    view = selectors.attempt_view(attempt=attempt, for_staff=True)
    return {
        "attempt": attempt,
        "view": view,
        "assessment": attempt.assessment,
        "assessment_text": selectors.assessment_text(assessment=attempt.assessment),
        "is_second_marking": attempt.status == Attempt.Status.AWAITING_SECOND_MARKER,
        "is_own_flag": attempt.marker_id == request.user.pk,
        "post": request.POST if request.method == "POST" else None,
    } | extra


@login_required
@require_http_methods(["GET", "POST"])
@_grading_view
def grade_attempt(request, pk: int):
    attempt = _staff_attempt(request, pk)
    if request.method == "POST":
        view = selectors.attempt_view(attempt=attempt, for_staff=True)
        try:
            services.attempt_grade(
                attempt=attempt,
                grader=request.user,
                essays=essays_from_post(request.POST, view),
                feedback=request.POST.get("feedback", ""),
                flag_for_second_marker=request.POST.get("flag") == "on",
                flag_reason=request.POST.get("flag_reason", ""),
            )
        except DomainError as exc:
            attempt.refresh_from_db()
            return render(
                request,
                "assessments/grade.html",
                _grade_context(request, attempt, error=exc.message),
                status=exc.status_code,
            )
        messages.success(request, _("Grading saved."))
        return redirect("assessments:grade_attempt", pk=attempt.pk)
    return render(request, "assessments/grade.html", _grade_context(request, attempt))


@login_required
@require_POST
@_grading_view
def release_attempt(request, pk: int):
    attempt = _staff_attempt(request, pk)
    try:
        services.attempt_release(attempt=attempt, actor=request.user)
    except DomainError as exc:
        return render(
            request,
            "assessments/grade.html",
            _grade_context(request, attempt, error=exc.message),
            status=exc.status_code,
        )
    messages.success(request, _("Result released; the trainee has been emailed."))
    return redirect("assessments:grade_attempt", pk=attempt.pk)


@login_required
@require_http_methods(["GET", "POST"])
@_grading_view
def regrade_attempt(request, pk: int):
    attempt = _staff_attempt(request, pk)
    if request.method == "POST":
        view = selectors.attempt_view(attempt=attempt, for_staff=True)
        has_essays = any(q.kind == Question.Kind.ESSAY for q in view.questions)
        try:
            services.attempt_regrade(
                attempt=attempt,
                grader=request.user,
                reason=request.POST.get("reason", ""),
                essays=essays_from_post(request.POST, view) if has_essays else None,
                feedback=request.POST.get("feedback", ""),
            )
        except DomainError as exc:
            attempt.refresh_from_db()
            return render(
                request,
                "assessments/grade.html",
                _grade_context(request, attempt, error=exc.message, regrade=True),
                status=exc.status_code,
            )
        messages.success(request, _("Regrade saved."))
        return redirect("assessments:grade_attempt", pk=attempt.pk)
    return render(request, "assessments/grade.html", _grade_context(request, attempt, regrade=True))


@login_required
@require_POST
def release_assessment(request, pk: int):
    _require_instructor_role(request)
    assessment = selectors.assessment_for_instructor(user=request.user, assessment_id=pk)
    if assessment is None:
        raise Http404
    try:
        count = services.assessment_release_graded(assessment=assessment, actor=request.user)
    except DomainError as exc:
        if exc.status_code == 403:
            raise PermissionDenied(exc.message)
        messages.error(request, exc.message)
        return redirect("assessments:grading_queue")
    messages.success(request, _("%(count)s results released.") % {"count": count})
    return redirect("assessments:grading_queue")


# ---------------------------------------------------------------------------------------------------
# Gradebook


@login_required
@require_GET
def gradebook_index(request):
    _require_instructor_role(request)
    return render(
        request,
        "assessments/gradebook_index.html",
        {"courses": selectors.courses_for_gradebook(user=request.user)},
    )


def _gradebook_course(request, course_id: int) -> CoursePage:
    """Role first (403 whatever the id), then a course the user may not see answers like a missing one."""
    _require_instructor_role(request)
    course = selectors.gradebook_course_for(user=request.user, course_id=course_id)
    if course is None:
        raise Http404
    return course


@login_required
@require_GET
def gradebook(request, course_id: int):
    """One page of trainees (GRADEBOOK_PER_PAGE) with every assessment's cell; the CSV has them all."""
    course = _gradebook_course(request, course_id)
    assessments = selectors.gradebook_assessments(course=course)
    pager = paginate(request, selectors.gradebook_trainees(course=course), per_page=GRADEBOOK_PER_PAGE)
    rows = selectors.gradebook_rows(trainees=pager.items, assessments=assessments)
    return render(
        request,
        "assessments/gradebook.html",
        {"course": course, "assessments": assessments, "pager": pager, "rows": rows},
    )


class _Echo:
    """A file-like object whose write returns the line, for csv.writer in a streaming response."""

    def write(self, value):
        return value


@login_required
@require_GET
def gradebook_csv(request, course_id: int):
    course = _gradebook_course(request, course_id)
    writer = csv.writer(_Echo())
    response = StreamingHttpResponse(
        (writer.writerow(row) for row in selectors.gradebook_csv_rows(course=course)),
        content_type="text/csv; charset=utf-8",
    )
    filename = f"gradebook-{slugify(course.slug or course.title)}-{timezone.localdate():%Y%m%d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response

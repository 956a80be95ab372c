"""Reads about assessments and attempts.

Contract functions used by other apps: `final_exam_status` (courses.services) and
`final_exams_passed_at_for_users` (certificates' eligibility engine).

Nothing here returns correct answers or explanations for a trainee before the rules allow it: the
trainee-facing views are built by `attempt_view`, which only fills those fields when `reveal_answers`."""

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal

from django.core.paginator import Paginator
from django.db.models import Count, Max, Min, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from courses import selectors as course_selectors
from courses.models import CoursePage, Enrollment
from lms import roles

from .models import Answer, Assessment, Attempt, Choice, Question

FINAL_NONE = "none"
FINAL_PASSED = "passed"
FINAL_NOT_PASSED = "not_passed"

FINISHED = [Attempt.Status.GRADED, Attempt.Status.RELEASED]
MARKING = [Attempt.Status.AWAITING_GRADING, Attempt.Status.AWAITING_SECOND_MARKER]


# ---------------------------------------------------------------------------------------------------
# Contract reads


def final_exam_status(*, user, course) -> str:
    """ "none" when the course has no final exam, "passed" when the user has a released passing
    attempt at it, "not_passed" otherwise."""
    exam = Assessment.objects.filter(course=course, kind=Assessment.Kind.FINAL_EXAM).only("pk").first()
    if exam is None:
        return FINAL_NONE
    if getattr(user, "is_authenticated", False) and (
        Attempt.objects.released().filter(assessment=exam, user=user, passed=True).exists()
    ):
        return FINAL_PASSED
    return FINAL_NOT_PASSED


def passed_final_exam_course_ids_for_users(*, user_ids) -> dict[int, set[int]]:
    """{user_id: {course_id, ...}} of courses whose final exam each user has passed (released). One
    query however many users."""
    result: dict[int, set[int]] = defaultdict(set)
    rows = (
        Attempt.objects.released()
        .filter(user_id__in=list(user_ids), passed=True, assessment__kind=Assessment.Kind.FINAL_EXAM)
        .values_list("user_id", "assessment__course_id")
        .distinct()
    )
    for user_id, course_id in rows:
        result[user_id].add(course_id)
    return result


def final_exams_passed_at_for_users(*, user_ids) -> dict[int, dict[int, datetime]]:
    """{user_id: {course_id: when the first passing result was released}} for final exams. One query
    however many users; the eligibility engine turns the moments into each trainee's own dates."""
    result: dict[int, dict[int, datetime]] = defaultdict(dict)
    rows = (
        Attempt.objects.released()
        .filter(user_id__in=list(user_ids), passed=True, assessment__kind=Assessment.Kind.FINAL_EXAM)
        .values("user_id", "assessment__course_id")
        .annotate(first=Min("released_at"))
        .order_by()
    )
    for row in rows:
        if row["first"] is not None:
            result[row["user_id"]][row["assessment__course_id"]] = row["first"]
    return result


# ---------------------------------------------------------------------------------------------------
# Authoring checks


def assessment_problems(*, assessment: Assessment, questions=None) -> list[str]:
    """What stops an assessment being taken (empty list = ready). Works on unsaved, in-memory data too
    (the admin preview passes the questions being edited)."""
    if questions is None:
        questions = list(
            Question.objects.filter(assessment=assessment)
            .select_related("rubric")
            .prefetch_related("choices", "rubric__criteria__levels")
        )
    problems = []
    if not questions:
        problems.append(_("Add at least one question."))
    for number, q in enumerate(questions, start=1):
        choices = list(q.choices.all())
        correct = [c for c in choices if c.is_correct]
        if q.kind == Question.Kind.SINGLE and (len(choices) < 2 or len(correct) != 1):
            problems.append(
                _("Question %(n)s needs two or more choices, exactly one correct.") % {"n": number}
            )
        elif q.kind == Question.Kind.MULTIPLE and (len(choices) < 2 or not correct):
            problems.append(
                _("Question %(n)s needs two or more choices, at least one correct.") % {"n": number}
            )
        elif q.kind == Question.Kind.TRUE_FALSE and q.answer_true is None:
            problems.append(_("Question %(n)s needs its correct answer (true or false).") % {"n": number})
        elif q.kind == Question.Kind.SHORT_TEXT and not q.accepted_answer_list():
            problems.append(_("Question %(n)s needs at least one accepted answer.") % {"n": number})
        elif q.kind == Question.Kind.ESSAY:
            criteria = list(q.rubric.criteria.all()) if q.rubric_id else []
            if not criteria or any(not list(c.levels.all()) for c in criteria):
                problems.append(_("Question %(n)s (essay) needs a rubric with levels.") % {"n": number})
    wanted = assessment.questions_per_attempt
    if wanted and questions:
        if wanted > len(questions):
            problems.append(
                _("Only %(m)s questions in the pool; cannot draw %(n)s.") % {"m": len(questions), "n": wanted}
            )
        if sum(1 for q in questions if q.always_include) > wanted:
            problems.append(_("More questions are marked 'always include' than are drawn."))
    return problems


def is_course_instructor(*, user, course_id) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    return CoursePage.objects.filter(pk=course_id, instructors=user).exists()


def can_view_gradebook(*, user, course_id) -> bool:
    return roles.is_program_admin(user) or is_course_instructor(user=user, course_id=course_id)


# Object look-ups for pages and the API: None both when the id does not exist and when the user may not
# see it, so the answer (404) is the same and ids reveal nothing.


def gradebook_course_for(*, user, course_id) -> CoursePage | None:
    course = CoursePage.objects.filter(pk=course_id).first()
    if course is None or not can_view_gradebook(user=user, course_id=course.pk):
        return None
    return course


def assessment_for_instructor(*, user, assessment_id) -> Assessment | None:
    """An assessment of a course the user teaches."""
    if not getattr(user, "is_authenticated", False):
        return None
    return (
        Assessment.objects.select_related("course", "module")
        .filter(pk=assessment_id, course__instructors=user)
        .first()
    )


# ---------------------------------------------------------------------------------------------------
# A trainee's standing on one assessment


@dataclass
class AssessmentState:
    assessment: Assessment
    attempts: list[Attempt]
    enrolled: bool
    unlocked: bool
    ready: bool
    now: datetime = field(default_factory=timezone.now)

    @property
    def attempts_used(self) -> int:
        return len(self.attempts)

    @property
    def attempts_left(self) -> int:
        return max(0, self.assessment.max_attempts - self.attempts_used)

    @property
    def open_attempt(self) -> Attempt | None:
        return next((a for a in self.attempts if a.status == Attempt.Status.IN_PROGRESS), None)

    @property
    def released(self) -> list[Attempt]:
        return [a for a in self.attempts if a.status == Attempt.Status.RELEASED]

    @property
    def best_percent(self) -> Decimal | None:
        values = [a.percent for a in self.released if a.percent is not None]
        return max(values) if values else None

    @property
    def passed(self) -> bool:
        return any(a.passed for a in self.released)

    @property
    def pending_attempt(self) -> Attempt | None:
        return next(
            (
                a
                for a in self.attempts
                if a.status not in (Attempt.Status.IN_PROGRESS, Attempt.Status.RELEASED)
            ),
            None,
        )

    @property
    def pending(self) -> bool:
        return self.pending_attempt is not None

    @property
    def last_attempt(self) -> Attempt | None:
        return self.attempts[-1] if self.attempts else None

    @property
    def cooldown_until(self) -> datetime | None:
        minutes = self.assessment.cooldown_minutes
        if not minutes or not self.attempts or self.open_attempt:
            return None
        until = max(a.submitted_at or a.started_at for a in self.attempts) + timedelta(minutes=minutes)
        return until if until > self.now else None

    @property
    def status(self) -> str:
        """One word for templates and the API: the next thing the trainee can do or is waiting for."""
        if not self.ready:
            return "not_ready"
        if self.open_attempt:
            return "in_progress"
        if self.passed:
            return "passed"
        if self.pending:
            return "pending"
        if not self.enrolled:
            return "not_enrolled"
        if not self.unlocked:
            return "locked"
        if self.attempts_left == 0:
            return "no_attempts_left"
        if self.cooldown_until:
            return "cooldown"
        return "available"

    @property
    def can_start(self) -> bool:
        return self.status in ("available", "in_progress")


def assessment_state(*, user, assessment: Assessment) -> AssessmentState:
    attempts = []
    enrolled = unlocked = False
    if getattr(user, "is_authenticated", False):
        attempts = list(Attempt.objects.filter(assessment=assessment, user=user).order_by("number"))
        enrollment = course_selectors.enrollment_for(user=user, course=assessment.course)
        enrolled = enrollment is not None
        if enrolled:
            if assessment.kind == Assessment.Kind.MODULE_QUIZ:
                unlocked = assessment.module.live and course_selectors.module_is_unlocked(
                    user=user, module=assessment.module
                )
            else:
                module_ids = set(
                    course_selectors.course_modules(course=assessment.course).values_list("pk", flat=True)
                )
                unlocked = module_ids <= course_selectors.completed_module_ids(enrollment=enrollment)
    return AssessmentState(
        assessment=assessment,
        attempts=attempts,
        enrolled=enrolled,
        unlocked=unlocked,
        ready=not assessment_problems(assessment=assessment),
    )


def final_exam_for(*, course) -> Assessment | None:
    return (
        Assessment.objects.select_related("course")
        .filter(course=course, kind=Assessment.Kind.FINAL_EXAM)
        .first()
    )


def assessment_for_viewer(*, user, assessment_id) -> Assessment | None:
    """An assessment the user may see (see can_view_assessment)."""
    assessment = Assessment.objects.select_related("course", "module").filter(pk=assessment_id).first()
    if assessment is None or not can_view_assessment(user=user, assessment=assessment):
        return None
    return assessment


def can_view_assessment(*, user, assessment: Assessment) -> bool:
    """Trainees enrolled in the course, its instructors and program administrators."""
    if not getattr(user, "is_authenticated", False):
        return False
    if roles.is_program_admin(user) or is_course_instructor(user=user, course_id=assessment.course_id):
        return True
    return course_selectors.enrollment_for(user=user, course=assessment.course) is not None


# ---------------------------------------------------------------------------------------------------
# What a trainee (or marker) sees of an attempt


@dataclass
class ChoiceView:
    id: int
    text: str
    selected: bool = False
    correct: bool | None = None  # only filled when answers are revealed


@dataclass
class CriterionView:
    name: str
    level: str
    points: Decimal
    max_points: Decimal
    feedback: str


@dataclass
class QuestionView:
    number: int
    question_id: int | None
    kind: str
    text: str
    max_points: Decimal
    choices: list[ChoiceView] = field(default_factory=list)
    bool_answer: bool | None = None
    text_answer: str = ""
    answered: bool = False
    # Result fields: only filled once the result is released (or for staff).
    points_awarded: Decimal | None = None
    feedback: str = ""
    criteria: list[CriterionView] = field(default_factory=list)
    # Answer key: only filled when answers may be revealed.
    answer_true: bool | None = None
    accepted_answers: list[str] = field(default_factory=list)
    explanation: str = ""
    rubric: object = None  # staff only: the Rubric with criteria and levels

    @property
    def is_choice(self) -> bool:
        return self.kind in (Question.Kind.SINGLE, Question.Kind.MULTIPLE)

    @property
    def field_name(self) -> str:
        return f"q-{self.question_id}"

    @property
    def is_full_marks(self) -> bool:
        return self.points_awarded is not None and self.points_awarded >= self.max_points


@dataclass
class AttemptView:
    attempt: Attempt
    questions: list[QuestionView]
    show_result: bool
    reveal_answers: bool

    @property
    def seconds_left(self) -> int | None:
        if self.attempt.deadline is None or self.attempt.status != Attempt.Status.IN_PROGRESS:
            return None
        return max(0, int((self.attempt.deadline - timezone.now()).total_seconds()))

    @property
    def expired(self) -> bool:
        return self.attempt.status == Attempt.Status.IN_PROGRESS and self.attempt.is_expired()


def attempt_for_owner(*, user, attempt_id: int) -> Attempt | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return (
        Attempt.objects.select_related("assessment", "assessment__course", "assessment__module")
        .filter(pk=attempt_id, user=user)
        .first()
    )


def attempt_for_staff(*, user, attempt_id: int) -> Attempt | None:
    """An attempt in a course the user teaches (None otherwise)."""
    if not getattr(user, "is_authenticated", False):
        return None
    return (
        Attempt.objects.select_related("assessment", "assessment__course", "user", "marker", "second_marker")
        .filter(pk=attempt_id, assessment__course__instructors=user)
        .first()
    )


def answers_revealed(*, attempt: Attempt) -> bool:
    if attempt.status != Attempt.Status.RELEASED:
        return False
    policy = attempt.assessment.show_answers
    if policy == Assessment.ShowAnswers.WITH_RESULT:
        return True
    if policy == Assessment.ShowAnswers.NEVER:
        return False
    if attempt.passed:
        return True
    used = Attempt.objects.filter(assessment_id=attempt.assessment_id, user_id=attempt.user_id).count()
    return used >= attempt.assessment.max_attempts


def attempt_view(*, attempt: Attempt, for_staff: bool = False) -> AttemptView:
    """The attempt's questions in the order the trainee saw them, with their saved answers. Scores and
    feedback only once released (or for staff); the answer key only when `answers_revealed` (or for
    staff). A fixed number of queries."""
    show_result = for_staff or attempt.status == Attempt.Status.RELEASED
    reveal = for_staff or answers_revealed(attempt=attempt)
    answers = list(
        Answer.objects.filter(attempt=attempt)
        .select_related("question", "question__rubric")
        .prefetch_related("criterion_scores")
        .order_by("position")
    )
    choice_ids = {cid for a in answers for cid in a.choice_order}
    choices = {c.pk: c for c in Choice.objects.filter(pk__in=choice_ids)}
    rubrics = {}
    if for_staff:
        rubric_ids = {a.question.rubric_id for a in answers if a.question and a.question.rubric_id}
        from .models import Rubric

        rubrics = {
            r.pk: r for r in Rubric.objects.filter(pk__in=rubric_ids).prefetch_related("criteria__levels")
        }
    views = []
    for answer in answers:
        q = answer.question
        selected = set(answer.selected_choice_ids)
        view = QuestionView(
            number=answer.position,
            question_id=answer.question_id,
            kind=answer.kind,
            text=q.text if q else _("(This question was removed.)"),
            max_points=answer.max_points,
            choices=[
                ChoiceView(
                    id=cid,
                    text=choices[cid].text,
                    selected=cid in selected,
                    correct=choices[cid].is_correct if reveal else None,
                )
                for cid in answer.choice_order
                if cid in choices
            ],
            bool_answer=answer.bool_answer,
            text_answer=answer.text_answer,
            answered=answer.answered,
        )
        if show_result:
            view.points_awarded = answer.points_awarded
            view.feedback = answer.feedback
            view.criteria = [
                CriterionView(s.criterion_name, s.level_label, s.points, s.max_points, s.feedback)
                for s in answer.criterion_scores.all()
            ]
        if reveal and q is not None:
            view.answer_true = q.answer_true
            view.accepted_answers = (
                q.accepted_answer_list() if answer.kind == Question.Kind.SHORT_TEXT else []
            )
            view.explanation = q.explanation
        if for_staff and q is not None and q.rubric_id:
            view.rubric = rubrics.get(q.rubric_id)
        views.append(view)
    return AttemptView(attempt=attempt, questions=views, show_result=show_result, reveal_answers=reveal)


def preview_questions(*, assessment: Assessment) -> list[QuestionView]:
    """The pool as a trainee would see it (no answer key), from the possibly unsaved editor data."""
    views = []
    for number, q in enumerate(assessment.questions.all(), start=1):
        views.append(
            QuestionView(
                number=number,
                question_id=q.pk or number,
                kind=q.kind,
                text=q.text,
                max_points=q.max_points if q.kind != Question.Kind.ESSAY or q.rubric_id else Decimal("0"),
                choices=[
                    ChoiceView(id=c.pk or i, text=c.text) for i, c in enumerate(q.choices.all(), start=1)
                ],
            )
        )
    return views


# ---------------------------------------------------------------------------------------------------
# Grading queue


@dataclass
class GradingQueue:
    to_grade: list[Attempt]
    second_marking: list[Attempt]
    flagged_by_me: list[Attempt]
    to_release: list[Attempt]

    @property
    def total(self) -> int:
        return len(self.to_grade) + len(self.second_marking) + len(self.to_release)


QUEUE_LIMIT = 200


def grading_queue(*, user) -> GradingQueue:
    """Attempts needing a person in the courses the user teaches, oldest first, never the user's own
    (nobody grades or releases their own attempt). Four queries."""
    if not getattr(user, "is_authenticated", False):
        return GradingQueue(to_grade=[], second_marking=[], flagged_by_me=[], to_release=[])
    base = (
        Attempt.objects.filter(assessment__course__instructors=user)
        .exclude(user=user)
        .select_related("assessment", "assessment__course", "user", "marker")
        .order_by("submitted_at", "pk")
    )
    second = base.filter(status=Attempt.Status.AWAITING_SECOND_MARKER)
    return GradingQueue(
        to_grade=list(base.filter(status=Attempt.Status.AWAITING_GRADING)[:QUEUE_LIMIT]),
        second_marking=list(second.exclude(marker=user)[:QUEUE_LIMIT]),
        flagged_by_me=list(second.filter(marker=user)[:QUEUE_LIMIT]),
        to_release=list(base.filter(status=Attempt.Status.GRADED)[:QUEUE_LIMIT]),
    )


def courses_for_gradebook(*, user) -> list[CoursePage]:
    if roles.is_program_admin(user):
        return list(CoursePage.objects.order_by("title"))
    if not getattr(user, "is_authenticated", False):
        return []
    return list(CoursePage.objects.filter(instructors=user).order_by("title"))


# ---------------------------------------------------------------------------------------------------
# Gradebook

STATUS_LABELS = {
    "not_started": gettext_lazy("Not started"),
    "in_progress": gettext_lazy("In progress"),
    "awaiting_grading": gettext_lazy("Awaiting grading"),
    "graded": gettext_lazy("Graded, not released"),
    "passed": gettext_lazy("Passed"),
    "not_passed": gettext_lazy("Not passed"),
}


@dataclass
class Cell:
    attempts_used: int = 0
    best_percent: Decimal | None = None
    status: str = "not_started"

    @property
    def status_label(self) -> str:
        return str(STATUS_LABELS[self.status])


@dataclass
class GradebookRow:
    user_id: int
    name: str
    email: str
    enrollment_status: str
    cells: list[Cell]


def gradebook_assessments(*, course: CoursePage) -> list[Assessment]:
    """Module quizzes in module order, then the final exam."""
    items = list(Assessment.objects.filter(course=course).select_related("module"))
    return sorted(
        items, key=lambda a: (a.kind == Assessment.Kind.FINAL_EXAM, a.module.path if a.module else "", a.pk)
    )


def _cells(*, user_ids: list[int], assessments: list[Assessment]) -> dict[tuple[int, int], Cell]:
    if not user_ids or not assessments:
        return {}
    rows = (
        Attempt.objects.filter(user_id__in=user_ids, assessment_id__in=[a.pk for a in assessments])
        .values("user_id", "assessment_id")
        .annotate(
            used=Count("pk"),
            best=Max("percent", filter=Q(status__in=FINISHED)),
            passed_released=Count("pk", filter=Q(status=Attempt.Status.RELEASED, passed=True)),
            graded=Count("pk", filter=Q(status=Attempt.Status.GRADED)),
            marking=Count("pk", filter=Q(status__in=MARKING)),
            open=Count("pk", filter=Q(status=Attempt.Status.IN_PROGRESS)),
        )
        .order_by()
    )
    result = {}
    for row in rows:
        if row["passed_released"]:
            status = "passed"
        elif row["marking"]:
            status = "awaiting_grading"
        elif row["graded"]:
            status = "graded"
        elif row["open"]:
            status = "in_progress"
        else:
            status = "not_passed"
        result[(row["user_id"], row["assessment_id"])] = Cell(
            attempts_used=row["used"], best_percent=row["best"], status=status
        )
    return result


def _rows(chunk, assessments) -> list[GradebookRow]:
    cells = _cells(user_ids=[r[0] for r in chunk], assessments=assessments)
    return [
        GradebookRow(
            user_id=user_id,
            name=name or email,
            email=email,
            enrollment_status=status,
            cells=[cells.get((user_id, a.pk), Cell()) for a in assessments],
        )
        for user_id, name, email, status in chunk
    ]


def _enrolled(course: CoursePage):
    return (
        Enrollment.objects.active()
        .filter(course=course)
        .order_by("user__full_name", "user__email", "pk")
        .values_list("user_id", "user__full_name", "user__email", "status")
    )


def gradebook_page(*, course: CoursePage, page_number=1, per_page: int = 50):
    """(assessments, page, rows) for one page of trainees. A fixed number of queries per page."""
    assessments = gradebook_assessments(course=course)
    page = Paginator(_enrolled(course), per_page).get_page(page_number)
    return assessments, page, _rows(list(page.object_list), assessments)


def gradebook_csv_rows(*, course: CoursePage, chunk_size: int = 2000) -> Iterator[list[str]]:
    """The gradebook as CSV rows, streamed: trainees are read with a server-side cursor (.iterator())
    and their attempts fetched chunk by chunk, so memory stays flat however many trainees there are."""
    assessments = gradebook_assessments(course=course)
    header = [_("Name"), _("Email"), _("Enrolment")]
    for a in assessments:
        header += [
            _("%(title)s: best %%") % {"title": a.title},
            _("%(title)s: attempts") % {"title": a.title},
            _("%(title)s: status") % {"title": a.title},
        ]
    yield header
    chunk = []
    for row in _enrolled(course).iterator(chunk_size=chunk_size):
        chunk.append(row)
        if len(chunk) >= chunk_size:
            yield from _csv_lines(_rows(chunk, assessments))
            chunk = []
    if chunk:
        yield from _csv_lines(_rows(chunk, assessments))


def _csv_safe(value: str) -> str:
    """Stop spreadsheet formula injection from names a trainee typed."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def _csv_lines(rows: list[GradebookRow]) -> Iterator[list[str]]:
    for row in rows:
        line = [_csv_safe(row.name), _csv_safe(row.email), row.enrollment_status]
        for cell in row.cells:
            line += [
                "" if cell.best_percent is None else str(cell.best_percent),
                str(cell.attempts_used),
                cell.status,
            ]
        yield line

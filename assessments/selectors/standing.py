"""A trainee's standing on an assessment and what they (or a marker) see of an attempt; nothing
reveals answers before the rules allow."""

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from courses import selectors as course_selectors
from lms import roles

from ..models import Answer, Assessment, Attempt, Choice, Question
from . import translated
from .access import assessment_is_ready, is_course_instructor

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


def assessment_state(*, user, assessment: Assessment, enrolled=None, unlocked=None) -> AssessmentState:
    """`enrolled` and `unlocked` may be given by a page that already knows them (the module and course
    pages), saving their look-ups."""
    attempts = []
    known = enrolled is not None and unlocked is not None
    if not known:
        enrolled = unlocked = False
    if getattr(user, "is_authenticated", False):
        attempts = list(Attempt.objects.filter(assessment=assessment, user=user).order_by("number"))
    if getattr(user, "is_authenticated", False) and not known:
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
        enrolled=bool(enrolled),
        unlocked=bool(unlocked),
        ready=assessment_is_ready(assessment=assessment),
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
    # Must-pass: the minimum level's label when graded (empty: not must-pass) and whether it was met.
    minimum_level: str = ""
    met: bool = True


@dataclass
class MustPassFailure:
    """Why an attempt failed whatever its total: question `number`'s criterion `criterion` was graded
    `level`, below the `minimum_level` it must reach. Nothing else of the rubric."""

    number: int
    criterion: str
    minimum_level: str
    level: str


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
    def must_pass_failures(self) -> list[MustPassFailure]:
        """The must-pass criteria graded below their minimum (empty until the result is shown)."""
        return [
            MustPassFailure(q.number, c.name, c.minimum_level, c.level)
            for q in self.questions
            for c in q.criteria
            if not c.met
        ]

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
    staff). Texts in the active language where translated (selectors.translated, read with the
    answers). A fixed number of queries."""
    show_result = for_staff or attempt.status == Attempt.Status.RELEASED
    reveal = for_staff or answers_revealed(attempt=attempt)
    language = translated.reading_language()
    answers = list(
        translated.with_question_translations(
            Answer.objects.filter(attempt=attempt)
            .select_related("question", "question__rubric")
            .prefetch_related("criterion_scores")
            .order_by("position"),
            language=language,
        )
    )
    choice_ids = {cid for a in answers for cid in a.choice_order}
    # A translated question's choices are matched to the English ones by position: all of them.
    in_translation = [a.question_id for a in answers if translated.is_translated(a)]
    wanted = (
        Q(pk__in=choice_ids) | Q(question_id__in=in_translation) if in_translation else Q(pk__in=choice_ids)
    )
    choices = {c.pk: c for c in Choice.objects.filter(wanted)}
    by_question = {}
    for choice in choices.values():
        by_question.setdefault(choice.question_id, []).append(choice)
    rubrics = {}
    if for_staff:
        rubric_ids = {a.question.rubric_id for a in answers if a.question and a.question.rubric_id}
        from ..models import Rubric

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
                CriterionView(
                    s.criterion_name,
                    s.level_label,
                    s.points,
                    s.max_points,
                    s.feedback,
                    minimum_level=s.minimum_label if s.minimum_points is not None else "",
                    met=not s.below_minimum,
                )
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
        translated.localize_question_view(view, answer, choices_by_question=by_question, reveal=reveal)
        views.append(view)
    return AttemptView(attempt=attempt, questions=views, show_result=show_result, reveal_answers=reveal)


def preview_questions(*, assessment: Assessment) -> list[QuestionView]:
    """The pool as a trainee would see it (no answer key), from the possibly unsaved editor data."""
    views = []
    language = translated.reading_language()
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
        translated.localize_preview(views[-1], q, language=language)
    return views

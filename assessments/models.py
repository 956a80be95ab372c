"""Assessments (module quizzes and final exams), their questions, rubrics, and trainees' attempts.

Authoring models are ClusterableModels so the Wagtail admin edits an assessment with its questions and
each question's choices inline (and previews it). Attempt data keeps snapshots (question kind, points,
criterion names) so editing an assessment later never changes a grade already given."""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, PreviewableMixin
from wagtail.search import index

from . import rules, scoring

# The partial-credit rule for multiple-choice questions, shown to authors and in docs/assessments.md.
MULTIPLE_CHOICE_RULE = _(
    "Multiple choice is scored with partial credit: (correct choices selected - incorrect choices "
    "selected) / number of correct choices, never below 0, times the question's points. Selecting every "
    "choice therefore earns nothing unless every choice is correct."
)


ERR_RUBRIC_OTHER_COURSE = _("This rubric belongs to another course: choose one of this course's rubrics.")


class Rubric(ClusterableModel):
    """A marking rubric for essay / scenario questions: criteria, each with levels worth points. A
    person picks one level per criterion; the essay's score is the sum of the chosen levels' points."""

    title = models.CharField(_("title"), max_length=200)
    # Who may change the rubric: its course's instructors (and program administrators). A rubric's
    # points decide essay scores, so instructors of other courses must not edit it (docs/assessments.md).
    course = models.ForeignKey(
        "courses.CoursePage",
        verbose_name=_("course"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="rubrics",
        help_text=_(
            "The course whose instructors may edit this rubric and use it in their essays. Empty: a "
            "shared rubric that only program administrators edit."
        ),
    )
    description = models.TextField(_("guidance for markers"), blank=True)

    panels = [
        FieldPanel("title"),
        FieldPanel("course"),
        FieldPanel("description"),
        InlinePanel("criteria", label=_("Criteria"), min_num=1),
    ]

    class Meta:
        ordering = ["title"]
        verbose_name = _("rubric")
        verbose_name_plural = _("rubrics")

    def __str__(self):
        return self.title

    @property
    def max_points(self) -> Decimal:
        return sum((c.max_points for c in self.criteria.all()), Decimal("0"))


class RubricCriterion(Orderable, ClusterableModel):
    """One criterion of a rubric. A must-pass criterion fails the attempt when an essay is graded below
    its minimum level on it, whatever the total (assessments.rules)."""

    rubric = ParentalKey(Rubric, on_delete=models.CASCADE, related_name="criteria")
    name = models.CharField(_("criterion"), max_length=200)
    description = models.TextField(_("what it looks for"), blank=True)
    must_pass = models.BooleanField(
        _("must pass"),
        default=False,
        help_text=_(
            "An answer below the minimum level on this criterion fails the attempt whatever the total."
        ),
    )
    minimum_level = models.CharField(
        _("minimum level"),
        max_length=100,
        blank=True,
        help_text=_("Must-pass only: the label of the lowest of this criterion's levels that passes."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("must_pass"), FieldPanel("minimum_level")]),
        InlinePanel("levels", label=_("Levels"), min_num=1),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("rubric criterion")
        verbose_name_plural = _("rubric criteria")

    def __str__(self):
        return self.name

    def clean(self):
        # Without the levels: in the admin form they are being edited alongside (saved ones could be
        # stale), so the form judges the level against them (assessments.wagtail_hooks), and the
        # authoring service against the saved ones (services.criterion_must_pass_set).
        problem = rules.must_pass_setting_problem(must_pass=self.must_pass, minimum_level=self.minimum_level)
        if problem:
            raise ValidationError({"minimum_level": problem})

    @property
    def max_points(self) -> Decimal:
        return max((level.points for level in self.levels.all()), default=Decimal("0"))

    def minimum(self) -> tuple[str, Decimal] | None:
        """The minimum level as (label, points) when the criterion is must-pass and names one of its
        levels (by its exact label, as the form and the authoring service store it), else None."""
        if not self.must_pass:
            return None
        return next(
            ((lv.label, lv.points) for lv in self.levels.all() if lv.label == self.minimum_level), None
        )


class RubricLevel(Orderable):
    criterion = ParentalKey(RubricCriterion, on_delete=models.CASCADE, related_name="levels")
    label = models.CharField(_("level"), max_length=100)
    points = models.DecimalField(
        _("points"), max_digits=6, decimal_places=2, default=Decimal("0"), validators=[MinValueValidator(0)]
    )
    descriptor = models.TextField(
        _("descriptor"), blank=True, help_text=_("What an answer at this level does.")
    )

    panels = [FieldRowPanel([FieldPanel("label"), FieldPanel("points")]), FieldPanel("descriptor")]

    class Meta(Orderable.Meta):
        verbose_name = _("rubric level")
        verbose_name_plural = _("rubric levels")

    def __str__(self):
        return f"{self.label} ({self.points})"


class Assessment(PreviewableMixin, index.Indexed, ClusterableModel):
    """A module quiz (completing the module when passed) or a course's final exam (needed to complete
    the course). Settings are data an author edits; the services enforce them."""

    class Kind(models.TextChoices):
        MODULE_QUIZ = "module_quiz", _("Module quiz")
        FINAL_EXAM = "final_exam", _("Final exam")

    class Release(models.TextChoices):
        IMMEDIATELY = "immediately", _("At once, when the attempt is graded")
        AFTER_GRADING = "after_grading", _("When an instructor releases them, after grading")
        ON_DATE = "on_date", _("On a date (once graded)")

    class ShowAnswers(models.TextChoices):
        WITH_RESULT = "with_result", _("With the result")
        WHEN_CLOSED = "when_closed", _("Once the trainee has passed or used every attempt")
        NEVER = "never", _("Never")

    title = models.CharField(_("title"), max_length=255)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.MODULE_QUIZ)
    course = models.ForeignKey(
        "courses.CoursePage", verbose_name=_("course"), on_delete=models.CASCADE, related_name="assessments"
    )
    module = models.OneToOneField(
        "courses.ModulePage",
        verbose_name=_("module"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="assessment",
        help_text=_("For a module quiz: the module it completes. Leave empty for a final exam."),
    )
    instructions = models.TextField(_("instructions"), blank=True)
    pass_mark = models.PositiveSmallIntegerField(
        _("pass mark (%)"), default=80, validators=[MinValueValidator(0), MaxValueValidator(100)]
    )
    max_attempts = models.PositiveSmallIntegerField(
        _("attempts allowed"), default=3, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    cooldown_minutes = models.PositiveIntegerField(
        _("cool-down between attempts (minutes)"), default=0, help_text=_("0 = may retry at once.")
    )
    time_limit_minutes = models.PositiveIntegerField(
        _("time limit (minutes)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Enforced on the server. Empty = no limit."),
    )
    questions_per_attempt = models.PositiveSmallIntegerField(
        _("questions per attempt"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_(
            "Draw this many questions from the pool for each attempt: pinned questions are always drawn, "
            "the rest at random from the unpinned ones. Empty = every question."
        ),
    )
    shuffle_questions = models.BooleanField(_("shuffle questions"), default=False)
    shuffle_choices = models.BooleanField(_("shuffle choices"), default=False)
    release_policy = models.CharField(
        _("release results and feedback"), max_length=20, choices=Release.choices, default=Release.IMMEDIATELY
    )
    release_at = models.DateTimeField(_("release date"), null=True, blank=True)
    show_answers = models.CharField(
        _("show correct answers and explanations"),
        max_length=20,
        choices=ShowAnswers.choices,
        default=ShowAnswers.WHEN_CLOSED,
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    panels = [
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("course"), FieldPanel("module")]),
        FieldPanel("instructions"),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("pass_mark"), FieldPanel("max_attempts"), FieldPanel("cooldown_minutes")]
                ),
                FieldRowPanel([FieldPanel("time_limit_minutes"), FieldPanel("questions_per_attempt")]),
                FieldRowPanel([FieldPanel("shuffle_questions"), FieldPanel("shuffle_choices")]),
                FieldRowPanel([FieldPanel("release_policy"), FieldPanel("release_at")]),
                FieldPanel("show_answers"),
            ],
            heading=_("Settings"),
        ),
        InlinePanel("questions", label=_("Questions"), help_text=MULTIPLE_CHOICE_RULE),
        InlinePanel(
            "translations",
            label=_("Translations"),
            help_text=_("The title and instructions in another language; each question has its own below."),
        ),
    ]
    search_fields = [index.SearchField("title"), index.AutocompleteField("title")]

    class Meta:
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")
        ordering = ["course_id", "kind", "title"]
        constraints = [
            models.UniqueConstraint(
                fields=["course"], condition=Q(kind="final_exam"), name="one_final_exam_per_course"
            ),
            models.CheckConstraint(
                condition=(
                    Q(kind="module_quiz", module__isnull=False) | Q(kind="final_exam", module__isnull=True)
                ),
                name="assessment_kind_matches_module",
            ),
            models.CheckConstraint(condition=Q(pass_mark__lte=100), name="assessment_pass_mark_max_100"),
        ]

    def __str__(self):
        return self.title

    def clean(self):
        errors = {}
        if self.kind == self.Kind.MODULE_QUIZ:
            if self.module_id is None:
                errors["module"] = _("A module quiz needs its module.")
            elif self.course_id and self.module.get_parent().pk != self.course_id:
                errors["module"] = _("This module belongs to another course.")
        elif self.module_id is not None:
            errors["module"] = _("A final exam belongs to the course, not to a module.")
        if self.kind == self.Kind.FINAL_EXAM and self.course_id:
            others = Assessment.objects.filter(course_id=self.course_id, kind=self.Kind.FINAL_EXAM)
            if self.pk:
                others = others.exclude(pk=self.pk)
            if others.exists():
                errors["kind"] = _("This course already has a final exam.")
        if self.release_policy == self.Release.ON_DATE and self.release_at is None:
            errors["release_at"] = _("Choose the release date.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_final_exam(self) -> bool:
        return self.kind == self.Kind.FINAL_EXAM

    def get_preview_template(self, request, mode_name):
        return "assessments/preview.html"

    def get_preview_context(self, request, mode_name):
        context = super().get_preview_context(request, mode_name)
        from .selectors import assessment_problems, assessment_text, preview_questions

        context["assessment"] = self
        context["assessment_text"] = assessment_text(assessment=self)
        context["questions"] = preview_questions(assessment=self)
        context["problems"] = assessment_problems(assessment=self, questions=list(self.questions.all()))
        return context


class Question(Orderable, ClusterableModel):
    """One question in an assessment's pool."""

    class Kind(models.TextChoices):
        SINGLE = "single", _("Single choice")
        MULTIPLE = "multiple", _("Multiple choice (partial credit)")
        TRUE_FALSE = "true_false", _("True / false")
        SHORT_TEXT = "short_text", _("Short text")
        ESSAY = "essay", _("Essay / scenario response (graded by a person)")

    assessment = ParentalKey(Assessment, on_delete=models.CASCADE, related_name="questions")
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices, default=Kind.SINGLE)
    text = models.TextField(_("question"))
    points = models.DecimalField(
        _("points"),
        max_digits=6,
        decimal_places=2,
        default=Decimal("1"),
        validators=[MinValueValidator(Decimal("0.01"))],
        help_text=_("Ignored for essays: their points come from the rubric."),
    )
    answer_true = models.BooleanField(
        _("correct answer is 'true'"), null=True, blank=True, help_text=_("True / false questions only.")
    )
    accepted_answers = models.TextField(
        _("accepted answers"),
        blank=True,
        help_text=_("Short text only: one per line. Matching ignores case, punctuation and extra spaces."),
    )
    rubric = models.ForeignKey(
        Rubric,
        verbose_name=_("rubric"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="questions",
        help_text=_("Essays only: the rubric a marker scores the answer against."),
    )
    # "Pinned" to authors (assessments.rules); the field keeps its first name for data already written.
    always_include = models.BooleanField(
        _("pinned (always drawn)"),
        default=False,
        help_text=_(
            "Drawn in every attempt; the other questions are drawn at random from the unpinned ones."
        ),
    )
    explanation = models.TextField(
        _("explanation"), blank=True, help_text=_("Shown with the correct answer once answers are shown.")
    )
    # The question's `id` in its curriculum file (courses/content/, assessments.curriculum): how a load
    # finds it again to update it in place. Empty for questions written in the admin.
    key = models.SlugField(_("id in the curriculum files"), max_length=64, blank=True, editable=False)

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("points"), FieldPanel("always_include")]),
        FieldPanel("text"),
        InlinePanel(
            "choices", label=_("Choices (single and multiple choice)"), help_text=MULTIPLE_CHOICE_RULE
        ),
        FieldPanel("answer_true"),
        FieldPanel("accepted_answers"),
        FieldPanel("rubric"),
        FieldPanel("explanation"),
        InlinePanel(
            "translations",
            label=_("Translations"),
            help_text=_(
                "What readers of another language see. Answers and points are the English question's."
            ),
        ),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "key"], condition=~Q(key=""), name="unique_question_key_per_assessment"
            )
        ]

    def __str__(self):
        return self.text[:80]

    def clean(self):
        # A course's essays use its own rubrics (or shared ones), so an edit by one course's instructor
        # never changes another course's scores. The assessment may be unsaved (admin add form).
        assessment = getattr(self, "assessment", None) if self.rubric_id else None
        if assessment is not None and assessment.course_id:
            if self.rubric.course_id not in (None, assessment.course_id):
                raise ValidationError({"rubric": ERR_RUBRIC_OTHER_COURSE})

    @property
    def is_auto_graded(self) -> bool:
        return self.kind != self.Kind.ESSAY

    @property
    def max_points(self) -> Decimal:
        if self.kind == self.Kind.ESSAY:
            return self.rubric.max_points if self.rubric_id else Decimal("0")
        return self.points

    def accepted_answer_list(self) -> list[str]:
        return [line.strip() for line in (self.accepted_answers or "").splitlines() if line.strip()]


class Choice(Orderable):
    question = ParentalKey(Question, on_delete=models.CASCADE, related_name="choices")
    text = models.CharField(_("choice"), max_length=500)
    is_correct = models.BooleanField(_("correct"), default=False)

    panels = [FieldRowPanel([FieldPanel("text"), FieldPanel("is_correct")])]

    class Meta(Orderable.Meta):
        verbose_name = _("choice")
        verbose_name_plural = _("choices")

    def __str__(self):
        return self.text


class AttemptQuerySet(models.QuerySet):
    def finished(self):
        """Attempts whose score is final (graded, released or not)."""
        return self.filter(status__in=[Attempt.Status.GRADED, Attempt.Status.RELEASED])

    def released(self):
        return self.filter(status=Attempt.Status.RELEASED)

    def needs_marking(self):
        return self.filter(
            status__in=[Attempt.Status.AWAITING_GRADING, Attempt.Status.AWAITING_SECOND_MARKER]
        )


class Attempt(models.Model):
    """One try at an assessment. Lifecycle: in progress -> (submit) auto-graded -> awaiting grading
    (essays) -> [awaiting a second marker] -> graded -> released. Scores are computed on the server."""

    class Status(models.TextChoices):
        IN_PROGRESS = "in_progress", _("In progress")
        AWAITING_GRADING = "awaiting_grading", _("Awaiting grading")
        AWAITING_SECOND_MARKER = "awaiting_second_marker", _("Awaiting a second marker")
        GRADED = "graded", _("Graded, not yet released")
        RELEASED = "released", _("Released")

    assessment = models.ForeignKey(Assessment, on_delete=models.PROTECT, related_name="attempts")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="assessment_attempts"
    )
    number = models.PositiveSmallIntegerField(_("attempt number"))
    status = models.CharField(_("status"), max_length=30, choices=Status.choices, default=Status.IN_PROGRESS)
    started_at = models.DateTimeField(_("started"), default=timezone.now)
    deadline = models.DateTimeField(_("deadline"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    graded_at = models.DateTimeField(_("graded"), null=True, blank=True)
    released_at = models.DateTimeField(_("released"), null=True, blank=True)
    score = models.DecimalField(_("score"), max_digits=8, decimal_places=2, null=True, blank=True)
    max_score = models.DecimalField(_("maximum score"), max_digits=8, decimal_places=2, default=Decimal("0"))
    percent = models.DecimalField(_("score (%)"), max_digits=5, decimal_places=2, null=True, blank=True)
    pass_mark = models.PositiveSmallIntegerField(_("pass mark (%)"), help_text=_("Snapshot at start."))
    passed = models.BooleanField(_("passed"), null=True, blank=True)
    feedback = models.TextField(_("overall feedback"), blank=True)
    marker = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    second_marker = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    flag_reason = models.TextField(_("reason for a second marker"), blank=True)
    # Set with the pass decision: graded below the minimum level of a must-pass rubric criterion (the
    # criterion scores say which). Lets the gradebook tell this failure apart without reading them.
    must_pass_failed = models.BooleanField(_("failed a must-pass criterion"), default=False)
    updated_at = models.DateTimeField(auto_now=True)

    objects = AttemptQuerySet.as_manager()

    class Meta:
        verbose_name = _("attempt")
        verbose_name_plural = _("attempts")
        ordering = ["assessment_id", "user_id", "number"]
        constraints = [
            models.UniqueConstraint(fields=["assessment", "user", "number"], name="unique_attempt_number"),
            models.UniqueConstraint(
                fields=["assessment", "user"], condition=Q(status="in_progress"), name="one_open_attempt"
            ),
        ]
        indexes = [
            models.Index(fields=["assessment", "status"]),
            models.Index(fields=["user", "assessment"]),
        ]

    def __str__(self):
        return f"{self.assessment} #{self.number} ({self.user})"

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.IN_PROGRESS

    @property
    def is_released(self) -> bool:
        return self.status == self.Status.RELEASED

    def is_expired(self, now=None) -> bool:
        return self.deadline is not None and (now or timezone.now()) > self.deadline


class Answer(models.Model):
    """A trainee's answer to one drawn question, with the order they saw it (and its choices) in."""

    attempt = models.ForeignKey(Attempt, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, null=True, on_delete=models.SET_NULL, related_name="answers")
    position = models.PositiveSmallIntegerField()
    kind = models.CharField(max_length=20, choices=Question.Kind.choices)
    choice_order = models.JSONField(default=list, blank=True)
    selected_choice_ids = models.JSONField(default=list, blank=True)
    bool_answer = models.BooleanField(null=True, blank=True)
    text_answer = models.TextField(blank=True)
    answered = models.BooleanField(default=False)
    points_awarded = models.DecimalField(max_digits=8, decimal_places=2, null=True, blank=True)
    max_points = models.DecimalField(max_digits=8, decimal_places=2, default=Decimal("0"))
    feedback = models.TextField(_("feedback"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["attempt_id", "position"]
        constraints = [
            models.UniqueConstraint(fields=["attempt", "question"], name="unique_answer_per_question")
        ]

    def __str__(self):
        return f"Answer {self.position} of {self.attempt}"


class CriterionScore(models.Model):
    """A marker's level and feedback for one rubric criterion of an essay answer (names snapshotted)."""

    answer = models.ForeignKey(Answer, on_delete=models.CASCADE, related_name="criterion_scores")
    criterion = models.ForeignKey(RubricCriterion, null=True, on_delete=models.SET_NULL, related_name="+")
    criterion_name = models.CharField(max_length=200)
    level = models.ForeignKey(RubricLevel, null=True, on_delete=models.SET_NULL, related_name="+")
    level_label = models.CharField(max_length=100)
    points = models.DecimalField(max_digits=6, decimal_places=2)
    max_points = models.DecimalField(max_digits=6, decimal_places=2)
    feedback = models.TextField(blank=True)
    # The criterion's must-pass minimum when graded (empty / null: not must-pass), so a later rubric edit
    # never changes why this attempt passed or failed.
    minimum_label = models.CharField(max_length=100, blank=True)
    minimum_points = models.DecimalField(max_digits=6, decimal_places=2, null=True, blank=True)

    class Meta:
        ordering = ["answer_id", "id"]
        constraints = [
            models.UniqueConstraint(fields=["answer", "criterion"], name="unique_score_per_criterion")
        ]

    def __str__(self):
        return f"{self.criterion_name}: {self.level_label}"

    @property
    def below_minimum(self) -> bool:
        return scoring.below_minimum(points=self.points, minimum=self.minimum_points)


# The translations' models (assessments.translations), here so Django finds them with the app's models.
from .translations import AssessmentTranslation, QuestionTranslation  # noqa: E402, F401

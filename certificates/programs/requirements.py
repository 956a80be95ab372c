"""A program's rules: its board exams and the typed requirement rows of a version (which parameters
each kind uses, and the checks that keep a row meaning one thing). docs/rules.md explains them; the
eligibility engine (certificates.eligibility) evaluates them."""

from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable

from certificates.applicant.models import EducationLevel

HOURS_FIELD = {"max_digits": 7, "decimal_places": 2, "validators": [MinValueValidator(Decimal("0"))]}


class ProgramExam(Orderable):
    """An exam the program's body sets and runs itself (the IC&RC exam, a state board's written test).
    Results are recorded by a program administrator (certificates.training); a requirement row of
    kind "outside exam passed" names one of these."""

    program = ParentalKey("certificates.CredentialProgram", on_delete=models.CASCADE, related_name="exams")
    slug = models.SlugField(_("short name"), max_length=80)
    name = models.CharField(_("name"), max_length=200)
    passing_score = models.DecimalField(
        _("passing score"),
        max_digits=7,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("When set, a recorded pass must have at least this score (if a score is given)."),
    )
    score_scale = models.CharField(
        _("score scale"), max_length=60, blank=True, help_text=_('For example "200-800 (scaled)".')
    )
    description = models.TextField(_("description"), blank=True)

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("slug")]),
        FieldRowPanel([FieldPanel("passing_score"), FieldPanel("score_scale")]),
        FieldPanel("description"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("exam taken with the board")
        verbose_name_plural = _("exams taken with the board")
        constraints = [models.UniqueConstraint(fields=["program", "slug"], name="unique_program_exam_slug")]

    def __str__(self):
        return self.name


class Requirement(Orderable, ClusterableModel):
    """One typed rule of a program version. Which parameters a row may use depends on `kind`
    (PARAMETERS; clean() refuses a row that sets one its kind does not use, so a row means one thing
    only). docs/rules.md explains every kind and qualifier with an example."""

    class Kind(models.TextChoices):
        COURSE_PASSED = "course_passed", _("Course passed")
        DOMAIN_TRAINING_HOURS = "domain_training_hours", _("Training hours in a domain (or any of several)")
        TOTAL_TRAINING_HOURS = "total_training_hours", _("Total training hours")
        PRACTICE_HOURS = "practice_hours", _("Supervised practice hours")
        DIRECT_PRACTICE_HOURS = "direct_practice_hours", _("Directly supervised practice hours")
        SUPERVISION_HOURS = "supervision_hours", _("Supervision hours")
        RECOVERY_MONTHS = "recovery_months", _("Continuous recovery time")
        ETHICS_PLEDGE = "ethics_pledge", _("Code of ethics signed")
        FINAL_EXAM_PASSED = "final_exam_passed", _("Final exam of one of our courses passed")
        OUTSIDE_EXAM_PASSED = "outside_exam_passed", _("Exam taken with the board passed")
        MINIMUM_AGE = "minimum_age", _("Minimum age")
        EDUCATION_ATTESTED = "education_attested", _("Education level attested")

    class Delivery(models.TextChoices):
        LIVE = "live_online", _("Live: live online or face to face")
        FACE_TO_FACE = "face_to_face", _("Face to face only")

    version = ParentalKey(
        "certificates.ProgramVersion", on_delete=models.CASCADE, related_name="requirements"
    )
    kind = models.CharField(_("kind"), max_length=40, choices=Kind.choices)
    course = models.ForeignKey(
        "courses.CoursePage",
        verbose_name=_("course"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    domains = ParentalManyToManyField(
        "courses.CompetencyDomain",
        verbose_name=_("domains"),
        blank=True,
        related_name="+",
        help_text=_("One domain, or several: hours in any of them count. None: hours in any domain."),
    )
    hours = models.DecimalField(_("hours"), null=True, blank=True, **HOURS_FIELD)
    months = models.PositiveIntegerField(
        _("months"), null=True, blank=True, help_text=_("Recovery months; 0 means lived experience attested.")
    )
    min_spread_months = models.PositiveIntegerField(
        _("spread over at least (months)"),
        null=True,
        blank=True,
        help_text=_("Practice hours must span at least this many calendar months."),
    )
    within_months = models.PositiveIntegerField(
        _("completed within (months)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Count only what was done in the N months up to the evaluation date (inclusive)."),
    )
    delivery_mode = models.CharField(
        _("delivered"),
        max_length=20,
        choices=Delivery.choices,
        blank=True,
        help_text=_("Training rows: how the hours (or the number below) must have been delivered."),
    )
    delivery_hours = models.DecimalField(
        _("of which delivered so (hours)"),
        null=True,
        blank=True,
        help_text=_("Empty: every hour counted must be delivered so. A number: at least that many of them."),
        **HOURS_FIELD,
    )
    allow_external = models.BooleanField(
        _("count training taken elsewhere"), default=False, help_text=_("For training-hour requirements.")
    )
    qualified_supervisor = models.BooleanField(
        _("supervisor must be qualified"),
        default=False,
        help_text=_(
            "Count only hours approved by a supervisor holding a valid credential on the entry's date."
        ),
    )
    exam = models.ForeignKey(
        ProgramExam,
        verbose_name=_("exam"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="requirements",
    )
    years = models.PositiveIntegerField(_("minimum age (years)"), null=True, blank=True)
    education_level = models.CharField(
        _("education at least"), max_length=20, choices=EducationLevel.choices, blank=True
    )
    label = models.CharField(_("custom label"), max_length=200, blank=True)

    panels = [
        FieldPanel("kind"),
        FieldRowPanel([FieldPanel("course"), FieldPanel("exam")]),
        FieldPanel("domains", widget=forms.CheckboxSelectMultiple),
        FieldRowPanel([FieldPanel("hours"), FieldPanel("months"), FieldPanel("years")]),
        FieldRowPanel([FieldPanel("within_months"), FieldPanel("min_spread_months")]),
        FieldRowPanel([FieldPanel("delivery_mode"), FieldPanel("delivery_hours")]),
        FieldRowPanel([FieldPanel("allow_external"), FieldPanel("qualified_supervisor")]),
        FieldPanel("education_level"),
        FieldPanel("label"),
    ]

    # For each kind: the parameters it needs, then the ones it may also use. Everything else must be
    # left empty (booleans: off).
    _TRAINING = {"within_months", "delivery_mode", "delivery_hours", "allow_external"}
    _HOURS = {"domains", "within_months", "qualified_supervisor"}
    PARAMETERS = {
        Kind.COURSE_PASSED: ({"course"}, set()),
        Kind.FINAL_EXAM_PASSED: ({"course"}, set()),
        Kind.DOMAIN_TRAINING_HOURS: ({"domains", "hours"}, _TRAINING),
        Kind.TOTAL_TRAINING_HOURS: ({"hours"}, _TRAINING),
        Kind.PRACTICE_HOURS: ({"hours"}, _HOURS | {"min_spread_months"}),
        Kind.DIRECT_PRACTICE_HOURS: ({"hours"}, _HOURS | {"min_spread_months"}),
        Kind.SUPERVISION_HOURS: ({"hours"}, _HOURS),
        Kind.RECOVERY_MONTHS: ({"months"}, set()),
        Kind.ETHICS_PLEDGE: (set(), set()),
        Kind.OUTSIDE_EXAM_PASSED: ({"exam"}, {"within_months"}),
        Kind.MINIMUM_AGE: ({"years"}, set()),
        Kind.EDUCATION_ATTESTED: ({"education_level"}, set()),
    }

    class Meta(Orderable.Meta):
        verbose_name = _("requirement")
        verbose_name_plural = _("requirements")

    def __str__(self):
        return self.label or self.get_kind_display()

    def present_parameters(self) -> set[str]:
        values = {
            "course": self.course_id,
            "hours": self.hours,
            "months": self.months,
            "min_spread_months": self.min_spread_months,
            "within_months": self.within_months,
            "delivery_mode": self.delivery_mode or None,
            "delivery_hours": self.delivery_hours,
            "allow_external": self.allow_external or None,
            "qualified_supervisor": self.qualified_supervisor or None,
            "exam": self.exam_id,
            "years": self.years,
            "education_level": self.education_level or None,
        }
        present = {name for name, value in values.items() if value is not None}
        if self.domains.all():
            present.add("domains")
        return present

    def clean(self):
        super().clean()
        if self.kind not in self.PARAMETERS:
            return
        needs, may = self.PARAMETERS[self.kind]
        present = self.present_parameters()
        errors = {}
        for name in sorted(needs - present):
            errors[name] = _("Required for this kind of requirement.")
        for name in sorted(present - needs - may):
            errors[name] = _("Leave empty for this kind of requirement.")
        if self.hours is not None and self.hours <= 0:
            errors["hours"] = _("Enter more than zero hours.")
        if self.delivery_hours is not None and "delivery_hours" not in errors:
            if not self.delivery_mode:
                errors["delivery_mode"] = _("Say how the hours must be delivered.")
            elif self.delivery_hours <= 0 or (self.hours is not None and self.delivery_hours > self.hours):
                errors["delivery_hours"] = _(
                    "Enter a number of hours above zero and at most the row's hours."
                )
        if self.years is not None and not 1 <= self.years <= 120:
            errors["years"] = _("Enter an age in years.")
        if self.exam_id and self.version_id and self.exam.program_id != self.version.program_id:
            errors["exam"] = _("Choose an exam of this program.")
        if errors:
            raise ValidationError(errors)

"""Credential programs as data: a program has versions (each with an effective date, validity, grace
period and renewal rules) and each version has typed requirement rows an administrator edits in the
Wagtail admin. Code evaluates them (certificates.eligibility.engine); nothing here names a particular body."""

from datetime import date
from decimal import Decimal

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from certificates.applicant.models import EducationLevel
from certificates.programs.panels import RequirementsPanel
from courses.models import today_on_site

HOURS_FIELD = {"max_digits": 7, "decimal_places": 2, "validators": [MinValueValidator(Decimal("0"))]}


class CredentialProgramQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)


class CredentialProgram(ClusterableModel):
    """A credential a body awards (e.g. a peer recovery certification). Its rules live in versions."""

    slug = models.SlugField(_("slug"), unique=True, max_length=80)
    name = models.CharField(_("name"), max_length=200)
    issuing_body = models.CharField(_("issuing body"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    is_active = models.BooleanField(
        _("open to trainees"), default=True, help_text=_("Inactive programs are hidden from trainees.")
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)

    objects = CredentialProgramQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("issuing_body"),
        FieldPanel("description"),
        FieldPanel("is_active"),
        InlinePanel("pledges", heading=_("Code of ethics (versioned)"), label=_("Pledge text")),
        InlinePanel(
            "exams",
            heading=_("Exams taken with the board"),
            label=_("Exam"),
            help_text=_("Exams the trainee takes outside the LMS; administrators record the results."),
        ),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("credential program")
        verbose_name_plural = _("credential programs")

    def __str__(self):
        return self.name

    def current_version(self, on: date | None = None) -> "ProgramVersion | None":
        """The version in effect on `on` (default today): the latest effective_date <= on."""
        on = on or timezone.localdate()
        return self.versions.filter(effective_date__lte=on).order_by("-effective_date", "-pk").first()

    def current_pledge(self, on: date | None = None) -> "EthicsPledge | None":
        on = on or timezone.localdate()
        return self.pledges.filter(effective_date__lte=on).order_by("-effective_date", "-pk").first()


class ProgramVersion(ClusterableModel):
    """One edition of a program's rules. A trainee is evaluated against the version they enrolled
    under, so later editions never move the goalposts for people already working toward it."""

    program = models.ForeignKey(
        CredentialProgram, on_delete=models.CASCADE, related_name="versions", verbose_name=_("program")
    )
    label = models.CharField(_("version label"), max_length=40, help_text=_('For example "2024".'))
    effective_date = models.DateField(_("effective from"))
    validity_months = models.PositiveIntegerField(
        _("certificate valid for (months)"), default=24, validators=[MinValueValidator(1)]
    )
    grace_period_days = models.PositiveIntegerField(_("grace period after expiry (days)"), default=0)
    renewal_ce_hours = models.DecimalField(
        _("continuing-education hours per renewal cycle"), default=Decimal("0"), **HOURS_FIELD
    )
    renewal_cycle_months = models.PositiveIntegerField(
        _("renewal cycle (months)"), default=24, validators=[MinValueValidator(1)]
    )
    notes = models.TextField(_("notes"), blank=True)

    panels = [
        FieldPanel("program"),
        FieldRowPanel([FieldPanel("label"), FieldPanel("effective_date")]),
        MultiFieldPanel(
            [
                FieldPanel("validity_months"),
                FieldPanel("grace_period_days"),
                FieldPanel("renewal_ce_hours"),
                FieldPanel("renewal_cycle_months"),
            ],
            heading=_("Validity and renewal"),
        ),
        RequirementsPanel("requirements", heading=_("Requirements"), label=_("Requirement")),
        InlinePanel("renewal_topic_minimums", heading=_("Renewal topic minimums"), label=_("Topic minimum")),
        FieldPanel("notes"),
    ]

    class Meta:
        ordering = ["program__name", "-effective_date"]
        verbose_name = _("program version")
        verbose_name_plural = _("program versions")
        constraints = [
            models.UniqueConstraint(fields=["program", "label"], name="unique_program_version_label")
        ]

    def __str__(self):
        return f"{self.program.name} ({self.label})"


class ProgramExam(Orderable):
    """An exam the program's body sets and runs itself (the IC&RC exam, a state board's written test).
    Results are recorded by a program administrator (certificates.training); a requirement row of
    kind "outside exam passed" names one of these."""

    program = ParentalKey(CredentialProgram, on_delete=models.CASCADE, related_name="exams")
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

    version = ParentalKey(ProgramVersion, on_delete=models.CASCADE, related_name="requirements")
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
    PARAMETER_NAMES = (
        "course",
        "domains",
        "hours",
        "months",
        "min_spread_months",
        "within_months",
        "delivery_mode",
        "delivery_hours",
        "allow_external",
        "qualified_supervisor",
        "exam",
        "years",
        "education_level",
    )

    class Meta(Orderable.Meta):
        verbose_name = _("requirement")
        verbose_name_plural = _("requirements")

    def __str__(self):
        return self.label or self.get_kind_display()

    def domain_ids(self) -> list[int]:
        return [d.pk for d in self.domains.all()]

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


class RenewalTopicMinimum(Orderable):
    """Renewal: at least `hours` of continuing education in a domain or a named topic per cycle."""

    version = ParentalKey(ProgramVersion, on_delete=models.CASCADE, related_name="renewal_topic_minimums")
    domain = models.ForeignKey(
        "courses.CompetencyDomain",
        verbose_name=_("domain"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    topic = models.CharField(_("topic"), max_length=120, blank=True, help_text=_('For example "Ethics".'))
    hours = models.DecimalField(_("hours"), **HOURS_FIELD)

    panels = [FieldRowPanel([FieldPanel("domain"), FieldPanel("topic"), FieldPanel("hours")])]

    class Meta(Orderable.Meta):
        verbose_name = _("renewal topic minimum")
        verbose_name_plural = _("renewal topic minimums")

    def __str__(self):
        return f"{self.topic or self.domain}: {self.hours} h"

    def clean(self):
        super().clean()
        if self.domain_id is None and not self.topic:
            raise ValidationError(_("Choose a domain or name a topic."))


class EthicsPledge(Orderable):
    """A program's code of ethics, versioned: the text in effect on a date is the latest whose
    effective_date is on or before it. Trainees sign the text in effect."""

    program = ParentalKey(CredentialProgram, on_delete=models.CASCADE, related_name="pledges")
    version_label = models.CharField(_("version"), max_length=40)
    effective_date = models.DateField(_("effective from"))
    text = models.TextField(_("text of the pledge"))

    panels = [FieldRowPanel([FieldPanel("version_label"), FieldPanel("effective_date")]), FieldPanel("text")]

    class Meta(Orderable.Meta):
        verbose_name = _("code of ethics pledge")
        verbose_name_plural = _("code of ethics pledges")
        constraints = [
            models.UniqueConstraint(fields=["program", "version_label"], name="unique_pledge_version_label")
        ]

    def __str__(self):
        return f"{self.program.name}: code of ethics {self.version_label}"


class PledgeSignature(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="pledge_signatures"
    )
    pledge = models.ForeignKey(EthicsPledge, on_delete=models.PROTECT, related_name="signatures")
    signed_at = models.DateTimeField(_("signed"), default=timezone.now)
    signed_on = models.DateField(
        _("signed on"), default=today_on_site, help_text=_("In the trainee's own time zone.")
    )
    typed_name = models.CharField(_("full name as typed"), max_length=200)

    class Meta:
        verbose_name = _("pledge signature")
        verbose_name_plural = _("pledge signatures")
        constraints = [models.UniqueConstraint(fields=["user", "pledge"], name="unique_signature_per_pledge")]

    def __str__(self):
        return f"{self.user} signed {self.pledge}"


class ProgramEnrollment(models.Model):
    """A trainee working toward a program, under the version in effect when they enrolled. The cohort
    report lists these; eligibility is evaluated against `version`."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="program_enrollments"
    )
    program = models.ForeignKey(CredentialProgram, on_delete=models.PROTECT, related_name="enrollments")
    version = models.ForeignKey(ProgramVersion, on_delete=models.PROTECT, related_name="enrollments")
    enrolled_at = models.DateTimeField(_("enrolled"), default=timezone.now)

    class Meta:
        verbose_name = _("program enrolment")
        verbose_name_plural = _("program enrolments")
        ordering = ["program__name", "user__full_name"]
        constraints = [models.UniqueConstraint(fields=["user", "program"], name="unique_program_enrollment")]

    def __str__(self):
        return f"{self.user} in {self.version}"

    def clean(self):
        super().clean()
        if self.version_id and self.program_id and self.version.program_id != self.program_id:
            raise ValidationError({"version": _("This version belongs to another program.")})

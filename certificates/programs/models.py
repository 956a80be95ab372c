"""Credential programs as data: a program has versions (each with an effective date, validity, grace
period and renewal rules) and each version has typed requirement rows an administrator edits in the
Wagtail admin. Code evaluates them (certificates.eligibility.engine); nothing here names a particular body."""

from datetime import date
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

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
        InlinePanel("requirements", heading=_("Requirements"), label=_("Requirement")),
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


class Requirement(Orderable):
    """One typed rule of a program version. Which parameters matter depends on `kind` (see clean())."""

    class Kind(models.TextChoices):
        COURSE_PASSED = "course_passed", _("Course passed")
        DOMAIN_TRAINING_HOURS = "domain_training_hours", _("Training hours in a domain")
        TOTAL_TRAINING_HOURS = "total_training_hours", _("Total training hours")
        PRACTICE_HOURS = "practice_hours", _("Supervised practice hours")
        SUPERVISION_HOURS = "supervision_hours", _("Supervision hours")
        RECOVERY_MONTHS = "recovery_months", _("Continuous recovery time")
        ETHICS_PLEDGE = "ethics_pledge", _("Code of ethics signed")
        FINAL_EXAM_PASSED = "final_exam_passed", _("Final exam passed")

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
    domain = models.ForeignKey(
        "courses.CompetencyDomain",
        verbose_name=_("domain"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
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
    allow_external = models.BooleanField(
        _("count training taken elsewhere"), default=False, help_text=_("For training-hour requirements.")
    )
    label = models.CharField(_("custom label"), max_length=200, blank=True)

    panels = [
        FieldPanel("kind"),
        FieldRowPanel([FieldPanel("course"), FieldPanel("domain")]),
        FieldRowPanel([FieldPanel("hours"), FieldPanel("months"), FieldPanel("min_spread_months")]),
        FieldPanel("allow_external"),
        FieldPanel("label"),
    ]

    # Which parameters each kind needs; the rest must be empty so a row means one thing only.
    NEEDS = {
        Kind.COURSE_PASSED: {"course"},
        Kind.DOMAIN_TRAINING_HOURS: {"domain", "hours"},
        Kind.TOTAL_TRAINING_HOURS: {"hours"},
        Kind.PRACTICE_HOURS: {"hours"},
        Kind.SUPERVISION_HOURS: {"hours"},
        Kind.RECOVERY_MONTHS: {"months"},
        Kind.ETHICS_PLEDGE: set(),
        Kind.FINAL_EXAM_PASSED: {"course"},
    }
    ALLOWED = {
        Kind.COURSE_PASSED: {"course"},
        Kind.DOMAIN_TRAINING_HOURS: {"domain", "hours"},
        Kind.TOTAL_TRAINING_HOURS: {"hours"},
        Kind.PRACTICE_HOURS: {"hours", "domain", "min_spread_months"},
        Kind.SUPERVISION_HOURS: {"hours", "domain"},
        Kind.RECOVERY_MONTHS: {"months"},
        Kind.ETHICS_PLEDGE: set(),
        Kind.FINAL_EXAM_PASSED: {"course"},
    }

    class Meta(Orderable.Meta):
        verbose_name = _("requirement")
        verbose_name_plural = _("requirements")

    def __str__(self):
        return self.label or self.get_kind_display()

    def clean(self):
        super().clean()
        errors = {}
        if self.kind not in self.NEEDS:
            return
        present = {
            "course": self.course_id is not None,
            "domain": self.domain_id is not None,
            "hours": self.hours is not None,
            "months": self.months is not None,
            "min_spread_months": self.min_spread_months is not None,
        }
        for name in self.NEEDS[self.kind]:
            if not present[name]:
                errors[name] = _("Required for this kind of requirement.")
        for name, is_set in present.items():
            if is_set and name not in self.ALLOWED[self.kind]:
                errors[name] = _("Leave empty for this kind of requirement.")
        if self.hours is not None and self.hours <= 0:
            errors["hours"] = _("Enter more than zero hours.")
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

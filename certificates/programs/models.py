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

from certificates.programs.jurisdictions import US_STATES
from certificates.programs.panels import RequirementsPanel

# The rules themselves (board exams, requirement rows) live in programs.requirements; re-exported here.
from certificates.programs.requirements import HOURS_FIELD, ProgramExam, Requirement  # noqa: F401
from courses.models import today_on_site


class CertificateLanguages(models.TextChoices):
    """The language(s) a program's certificates are printed in (certificates/issuing/pdf.py)."""

    ENGLISH = "en", _("English")
    SPANISH = "es", _("Spanish")
    BILINGUAL = "en+es", _("Bilingual: English and Spanish")
    HOLDER = "holder", _("The holder's language (English or Spanish, as their account is set)")

    @classmethod
    def codes(cls, value: str) -> tuple[str, ...]:
        """The language codes printed, first the main one: "en+es" -> ("en", "es")."""
        if value == cls.HOLDER:  # resolved at approval (for_holder); an unresolved value prints English
            return (cls.ENGLISH.value,)
        return tuple(value.split("+")) if value in cls.values else (cls.ENGLISH.value,)

    @classmethod
    def for_holder(cls, value: str, user) -> str:
        """What a certificate of a program set to `value` prints for `user`: the program's choice, or
        for HOLDER the language the holder chose for the site and their emails (English when they have
        chosen none, or one certificates are not printed in)."""
        if value != cls.HOLDER:
            return value
        chosen = (getattr(user, "language", "") or "").split("-")[0]
        return chosen if chosen in (cls.ENGLISH.value, cls.SPANISH.value) else cls.ENGLISH.value


class CredentialProgramQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)


class CredentialProgram(ClusterableModel):
    """A credential a body awards (e.g. a peer recovery certification). Its rules live in versions."""

    slug = models.SlugField(_("slug"), unique=True, max_length=80)
    name = models.CharField(_("name"), max_length=200)
    issuing_body = models.CharField(_("issuing body"), max_length=200)
    jurisdiction = models.CharField(
        _("state"),
        max_length=2,
        blank=True,
        choices=US_STATES,
        help_text=_(
            "The US state whose credential this is; leave blank for a national or international one."
        ),
    )
    description = models.TextField(_("description"), blank=True)
    is_active = models.BooleanField(
        _("open to trainees"), default=True, help_text=_("Inactive programs are hidden from trainees.")
    )
    certificate_languages = models.CharField(
        _("certificate language"),
        max_length=10,
        choices=CertificateLanguages.choices,
        default=CertificateLanguages.ENGLISH,
        help_text=_(
            "Bilingual certificates print every label in English with the Spanish beneath it. The holder's "
            "language is fixed when the certificate is approved."
        ),
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)

    objects = CredentialProgramQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("issuing_body"),
        FieldPanel("jurisdiction"),
        FieldPanel("description"),
        FieldPanel("is_active"),
        FieldPanel("certificate_languages"),
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

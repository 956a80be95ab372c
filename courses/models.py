from decimal import Decimal

from django import forms
from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.blocks import BodyBlock


class CompetencyDomain(models.Model):
    """A competency domain that training hours count toward (e.g. the four IC&RC Peer Recovery
    domains). Data, not code: administrators add more."""

    slug = models.SlugField(_("slug"), unique=True)
    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"), blank=True)
    sort_order = models.PositiveIntegerField(_("order"), default=0)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description"), FieldPanel("sort_order")]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("competency domain")
        verbose_name_plural = _("competency domains")

    def __str__(self):
        return self.name


class CatalogPage(Page):
    """The course catalogue: lists live courses, searchable and filterable by domain."""

    intro = RichTextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["courses.CoursePage"]

    class Meta:
        verbose_name = _("course catalogue")


class CoursePage(Page):
    """A course: a sequence of module pages, taken in order, optionally gated by prerequisite courses."""

    summary = models.CharField(_("summary"), max_length=400)
    audience = models.CharField(_("who it is for"), max_length=300, blank=True)
    intro = RichTextField(_("introduction"), blank=True)
    estimated_hours = models.DecimalField(
        _("estimated hours"), max_digits=6, decimal_places=2, default=Decimal("0"), validators=[MinValueValidator(0)]
    )
    ce_eligible = models.BooleanField(_("counts as continuing education"), default=False)
    domains = ParentalManyToManyField(CompetencyDomain, blank=True, related_name="courses", verbose_name=_("domains"))
    prerequisites = ParentalManyToManyField(
        "self",
        blank=True,
        symmetrical=False,
        related_name="required_by",
        verbose_name=_("prerequisite courses"),
        help_text=_("Courses a trainee must complete before this one opens."),
    )
    instructors = ParentalManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="courses_taught", verbose_name=_("instructors")
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("audience"),
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("estimated_hours"),
                FieldPanel("ce_eligible"),
                FieldPanel("domains", widget=forms.CheckboxSelectMultiple),
                FieldPanel("prerequisites"),
                FieldPanel("instructors"),
            ],
            heading=_("Course details"),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("audience"),
        index.SearchField("intro"),
        index.FilterField("ce_eligible"),
    ]
    parent_page_types = ["courses.CatalogPage"]
    subpage_types = ["courses.ModulePage"]

    class Meta:
        verbose_name = _("course")


class ModulePage(Page):
    """One module of a course. Completing it credits `training_hours` toward `domain`."""

    body = StreamField(BodyBlock(), use_json_field=True)
    estimated_minutes = models.PositiveIntegerField(_("estimated minutes"), default=30)
    training_hours = models.DecimalField(
        _("training hours credited"),
        max_digits=5,
        decimal_places=2,
        default=Decimal("0"),
        validators=[MinValueValidator(0)],
    )
    domain = models.ForeignKey(
        CompetencyDomain,
        verbose_name=_("competency domain"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="modules",
        help_text=_("The domain the training hours count toward."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("estimated_minutes"), FieldPanel("training_hours"), FieldPanel("domain")],
            heading=_("Credit"),
        ),
    ]
    search_fields = Page.search_fields + [index.SearchField("body")]
    parent_page_types = ["courses.CoursePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("module")


class EnrollmentQuerySet(models.QuerySet):
    def active(self):
        return self.exclude(status=Enrollment.Status.WITHDRAWN)


class Enrollment(models.Model):
    class Status(models.TextChoices):
        ACTIVE = "active", _("In progress")
        COMPLETED = "completed", _("Completed")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="enrollments")
    course = models.ForeignKey(CoursePage, on_delete=models.PROTECT, related_name="enrollments")
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.ACTIVE)
    enrolled_at = models.DateTimeField(_("enrolled"), default=timezone.now)
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)

    objects = EnrollmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        constraints = [models.UniqueConstraint(fields=["user", "course"], name="unique_enrollment_per_course")]
        indexes = [models.Index(fields=["course", "status"])]

    def __str__(self):
        return f"{self.user} in {self.course}"


class ModuleProgress(models.Model):
    """A completed module. Hours and domain are a snapshot at completion, so later edits to the module
    never change what a trainee was credited; `revision` records exactly what they read."""

    enrollment = models.ForeignKey(Enrollment, on_delete=models.CASCADE, related_name="progress")
    module = models.ForeignKey(ModulePage, on_delete=models.PROTECT, related_name="progress")
    completed_at = models.DateTimeField(_("completed"), default=timezone.now)
    revision = models.ForeignKey(
        "wagtailcore.Revision", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    hours_credited = models.DecimalField(_("hours credited"), max_digits=5, decimal_places=2, default=Decimal("0"))
    domain = models.ForeignKey(
        CompetencyDomain, null=True, blank=True, on_delete=models.PROTECT, related_name="credited_progress"
    )

    class Meta:
        verbose_name = _("module completion")
        verbose_name_plural = _("module completions")
        constraints = [models.UniqueConstraint(fields=["enrollment", "module"], name="unique_progress_per_module")]

    def __str__(self):
        return f"{self.enrollment.user} completed {self.module}"

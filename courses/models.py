from dataclasses import replace
from decimal import Decimal

from django import forms
from django.apps import apps
from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import prefetch_related_objects
from django.template import TemplateDoesNotExist
from django.template.loader import select_template
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.blocks import BodyBlock
from cms.routing import LineagePageMixin
from lms.pagination import paginate
from lms.search import search_text

from . import localized


def _optional_template(names: list[str]) -> str | None:
    """The first of `names` that exists, or None: lets course pages include another app's fragment
    (e.g. the assessments app's call to action) without depending on that app being installed."""
    try:
        return select_template(names).template.name
    except TemplateDoesNotExist:
        return None


class DeliveryMode(models.TextChoices):
    """How training was delivered. Ordered from least to most interactive: a requirement that asks for
    "live" hours counts live online and face-to-face hours; one that asks for "face to face" counts
    only those (see certificates.programs.models.Requirement)."""

    SELF_PACED = "self_paced", _("Online, self-paced")
    LIVE_ONLINE = "live_online", _("Live online (interactive)")
    FACE_TO_FACE = "face_to_face", _("Face to face")


DELIVERY_LEVELS = {DeliveryMode.SELF_PACED: 0, DeliveryMode.LIVE_ONLINE: 1, DeliveryMode.FACE_TO_FACE: 2}


def today_on_site():
    return timezone.localdate()


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


class CatalogPage(LineagePageMixin, Page):
    """The course catalogue: lists live courses, searchable and filterable by domain."""

    intro = RichTextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["courses.CoursePage"]
    courses_per_page = 24

    class Meta:
        verbose_name = _("course catalogue")

    def get_context(self, request, *args, **kwargs):
        from . import selectors

        context = super().get_context(request, *args, **kwargs)
        query = search_text(request.GET.get("q"), max_length=200)
        domain = search_text(request.GET.get("domain"), max_length=50)
        pager = paginate(
            request,
            selectors.catalogue_search(catalog=self, query=query, domain=domain),
            per_page=self.courses_per_page,
        )
        courses = list(pager.items)
        prefetch_related_objects(courses, "domains")
        context.update(
            query=query,
            selected_domain=domain,
            domains=list(CompetencyDomain.objects.all()),
            courses=courses,
            pager=pager,
        )
        return context


class CoursePage(LineagePageMixin, Page):
    """A course: a sequence of module pages, taken in order, optionally gated by prerequisite courses."""

    summary = models.CharField(_("summary"), max_length=400)
    audience = models.CharField(_("who it is for"), max_length=300, blank=True)
    intro = RichTextField(_("introduction"), blank=True)
    estimated_hours = models.DecimalField(
        _("estimated hours"),
        max_digits=6,
        decimal_places=2,
        default=Decimal("0"),
        validators=[MinValueValidator(0)],
    )
    ce_eligible = models.BooleanField(_("counts as continuing education"), default=False)
    domains = ParentalManyToManyField(
        CompetencyDomain, blank=True, related_name="courses", verbose_name=_("domains")
    )
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
    final_exam_cta_templates = ["assessments/includes/final_exam_cta.html"]

    class Meta:
        verbose_name = _("course")

    def get_context(self, request, *args, **kwargs):
        from . import selectors

        context = super().get_context(request, *args, **kwargs)
        # A translation (/es/) shows the English course's records, with its modules in this language.
        source = localized.original(self)
        overview = selectors.course_overview(user=request.user, course=source)
        if source is not self:
            modules = localized.localized([row.module for row in overview.modules], self.locale_id)
            overview.modules = [
                replace(row, module=m) for row, m in zip(overview.modules, modules, strict=True)
            ]
        context["overview"] = overview
        context["final_exam_cta_template"] = _optional_template(self.final_exam_cta_templates)
        if getattr(request.user, "is_authenticated", False):
            # What the page knows, so the final exam's call to action does not look it up again: the
            # exam opens to an enrolled trainee once every live module is done.
            context["assessment_facts"] = {
                "final_exam_of": source.pk,
                "enrolled": overview.enrollment is not None,
                "unlocked": overview.enrollment is not None and overview.done_count == len(overview.modules),
            }
        return context


class ModulePage(LineagePageMixin, Page):
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
    delivery_mode = models.CharField(
        _("delivery"),
        max_length=20,
        choices=DeliveryMode.choices,
        default=DeliveryMode.SELF_PACED,
        help_text=_(
            "How trainees take this module; some programs need hours delivered live or face to face."
        ),
    )
    requires_reflection = models.BooleanField(
        _("requires a written reflection"),
        default=False,
        help_text=_(
            "Trainees write an answer to every “Pause and reflect” prompt of the module (in their private "
            "journal) before they can complete it."
        ),
    )

    content_panels = Page.content_panels + [
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("estimated_minutes"),
                FieldPanel("training_hours"),
                FieldPanel("domain"),
                FieldPanel("delivery_mode"),
                FieldPanel("requires_reflection"),
            ],
            heading=_("Credit"),
        ),
    ]
    search_fields = Page.search_fields + [index.SearchField("body")]
    parent_page_types = ["courses.CoursePage"]
    subpage_types = []

    # Shown instead of the module when the viewer may not read it yet (HTTP 403).
    locked_template = "courses/module_locked.html"
    assessment_cta_templates = ["assessments/includes/module_cta.html"]

    class Meta:
        verbose_name = _("module")

    def reflection_prompts(self) -> list[tuple[str, str]]:
        """The module's "Pause and reflect" prompts in order: (block id, prompt text)."""
        return [
            (block.id, block.value["prompt"])
            for block in self.body
            if block.block_type == "reflection" and block.id
        ]

    def clean(self):
        super().clean()
        if self.requires_reflection and not any(b.block_type == "reflection" for b in self.body):
            raise ValidationError(
                {
                    "requires_reflection": _(
                        "The module has no reflection prompt: add one to its body, or untick this box."
                    )
                }
            )

    def get_assessment(self):
        """The module's assessment (assessments app), or None when it has none or the app is absent."""
        try:
            Assessment = apps.get_model("assessments", "Assessment")
        except LookupError:
            return None
        assessment = Assessment.objects.select_related("course").filter(module=self).first()
        if assessment is not None:
            assessment.module = self
        return assessment

    def _overview(self, request):
        """The course (the parent page as routing loaded it: title and address are all a module page
        shows of it) and the viewer's overview of it, computed once per request."""
        from . import selectors

        cache = request.__dict__.setdefault("_module_overviews", {})
        if self.pk not in cache:
            course = self.get_parent()
            # A translation (/es/) reads and records against the English module and course.
            source = localized.original(self)
            records = course if source is self else localized.original(course.specific)
            overview = selectors.course_overview(user=request.user, course=records, details=False)
            row = next((row for row in overview.modules if row.module.pk == source.pk), None)
            if row is not None and self.domain_id == row.module.domain_id:
                self.domain = row.module.domain  # loaded with the module list: no query of its own
            cache[self.pk] = (course, overview)
        return cache[self.pk]

    def get_context(self, request, *args, **kwargs):
        from . import selectors
        from .activities.selectors import module_practice
        from .journal.selectors import module_journal

        context = super().get_context(request, *args, **kwargs)
        course, overview = self._overview(request)
        source = localized.original(self)
        journal = module_journal(
            module=source,
            user=request.user,
            enrolled=overview.enrollment is not None and not getattr(request, "module_staff_view", False),
            forms=getattr(request, "journal_forms", None),
        )
        if source is not self and journal:
            # A translation's prompts are the original's, in the same order: entries belong to the
            # original module (one record per trainee, whichever language they read).
            own = [block_id for block_id, _prompt in self.reflection_prompts()]
            originals = [block_id for block_id, _prompt in source.reflection_prompts()]
            journal = {
                mine: journal[theirs]
                for mine, theirs in zip(own, originals, strict=False)
                if theirs in journal
            }
        modules = [row.module for row in overview.modules]
        index_ = next((i for i, m in enumerate(modules) if m.pk == source.pk), None)
        next_module = modules[index_ + 1] if index_ is not None and index_ + 1 < len(modules) else None
        previous_module = modules[index_ - 1] if index_ else None
        if source is not self:  # a translation's neighbours in its own language
            previous_module, next_module_shown = (
                localized.localized_one(previous_module, self.locale_id),
                localized.localized_one(next_module, self.locale_id),
            )
        else:
            next_module_shown = next_module
        assessment = source.get_assessment()
        state = overview.state_by_id.get(source.pk)
        staff_view = getattr(request, "module_staff_view", False)
        context.update(
            course=course,
            # "Discuss this module": enrolled trainees, and staff who are the course's instructors.
            can_discuss=overview.enrollment is not None
            or (staff_view and self._discussion_staff(request, course)),
            overview=overview,
            state=state,
            staff_view=staff_view,
            previous_module=previous_module,
            next_module=next_module_shown,
            next_state=overview.state_by_id.get(next_module.pk) if next_module else None,
            # Practice activities with the trainee's records; a refused form comes back as typed (views).
            # A translation shows their text in its language (the active one under /es/), the English
            # page in English.
            practice=module_practice(
                module=source,
                enrollment=overview.enrollment,
                forms=getattr(request, "activity_forms", None),
                language=settings.LANGUAGE_CODE if source is self else None,
            ),
            # The trainee's journal under each reflection prompt, by block id (a refused form as typed),
            # and the first prompt still to answer when the module requires a reflection.
            journal=journal,
            reflection_missing=next((slot for slot in journal.values() if slot.entry is None), None)
            if source.requires_reflection
            else None,
            journal_module=source,
            complete_error=getattr(request, "module_complete_error", None),
            assessment=assessment,
            assessment_cta_template=_optional_template(self.assessment_cta_templates) if assessment else None,
            # What the page already knows about the viewer, so the assessment's call to action does not
            # look it up again: enrolled, and whether this module is open to them.
            assessment_facts=(
                {
                    "assessment_id": assessment.pk,
                    "enrolled": overview.enrollment is not None,
                    "unlocked": self.live and state in (selectors.DONE, selectors.OPEN),
                }
                if assessment is not None and getattr(request.user, "is_authenticated", False)
                else None
            ),
        )
        return context

    @staticmethod
    def _discussion_staff(request, course) -> bool:
        from .discussion.selectors import is_course_instructor

        return is_course_instructor(user=request.user, course=course)

    @staticmethod
    def readable_by_staff(user, course) -> bool:
        """The course's instructors and the program administrators read every module without enrolling
        (to prepare, answer questions, review what trainees read); they never get progress or hours."""
        from lms import roles

        if user.is_superuser or roles.is_program_admin(user):
            return True
        return roles.is_instructor(user) and course.specific.instructors.filter(pk=user.pk).exists()

    def serve(self, request, *args, **kwargs):
        """Gating, on the server: only an enrolled trainee whose previous modules are done reads the
        module, besides the course's instructors and program administrators (readable_by_staff). Editors'
        previews go through serve_preview, which is not gated."""
        from . import selectors

        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        course, overview = self._overview(request)
        state = overview.state_by_id.get(localized.original(self).pk)
        if overview.enrollment is None and self.readable_by_staff(request.user, overview.course):
            request.module_staff_view = True  # the page says whose view this is (get_context)
            return super().serve(request, *args, **kwargs)
        if overview.enrollment is None or state not in (selectors.DONE, selectors.OPEN):
            return TemplateResponse(
                request,
                self.locked_template,
                {
                    "page": self,
                    "course": course,
                    "overview": overview,
                    "reason": "not_enrolled" if overview.enrollment is None else "locked",
                },
                status=403,
            )
        return super().serve(request, *args, **kwargs)


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
    # The trainee's own calendar date of completion (their time zone), for "as of a date" evaluation.
    completed_on = models.DateField(_("completed on"), null=True, blank=True)

    objects = EnrollmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        constraints = [
            models.UniqueConstraint(fields=["user", "course"], name="unique_enrollment_per_course")
        ]
        indexes = [models.Index(fields=["course", "status"])]

    def __str__(self):
        return f"{self.user} in {self.course}"


class ModuleProgress(models.Model):
    """A completed module. Hours and domain are a snapshot at completion, so later edits to the module
    never change what a trainee was credited; `revision` records exactly what they read."""

    enrollment = models.ForeignKey(Enrollment, on_delete=models.CASCADE, related_name="progress")
    module = models.ForeignKey(ModulePage, on_delete=models.PROTECT, related_name="progress")
    completed_at = models.DateTimeField(_("completed"), default=timezone.now)
    # The trainee's own calendar date of completion (their time zone): what "as of a date" and
    # "completed within N months" compare.
    completed_on = models.DateField(_("completed on"), default=today_on_site)
    revision = models.ForeignKey(
        "wagtailcore.Revision", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    hours_credited = models.DecimalField(
        _("hours credited"), max_digits=5, decimal_places=2, default=Decimal("0")
    )
    domain = models.ForeignKey(
        CompetencyDomain, null=True, blank=True, on_delete=models.PROTECT, related_name="credited_progress"
    )
    delivery_mode = models.CharField(
        _("delivery"), max_length=20, choices=DeliveryMode.choices, default=DeliveryMode.SELF_PACED
    )

    class Meta:
        verbose_name = _("module completion")
        verbose_name_plural = _("module completions")
        constraints = [
            models.UniqueConstraint(fields=["enrollment", "module"], name="unique_progress_per_module")
        ]
        indexes = [models.Index(fields=["enrollment", "completed_on"])]

    def __str__(self):
        return f"{self.enrollment.user} completed {self.module}"


from .activities.models import (  # noqa: E402,F401  (Django finds them)
    ActivityKind,
    ActivityRecord,
    ModuleActivity,
    ModuleActivityTranslation,
)
from .discussion.models import (  # noqa: E402,F401  (Django finds them)
    DiscussionProfile,
    Post,
    PostRevision,
    Report,
    Thread,
)
from .journal.models import JournalEntry, JournalReply  # noqa: E402,F401

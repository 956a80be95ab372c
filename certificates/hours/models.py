"""Supervised practice and supervision hours, logged by the trainee and decided by their supervisor."""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from courses.models import today_on_site


class SupervisorAssignment(models.Model):
    """An administrator links a supervisor to a trainee; only then may the supervisor see and decide
    the trainee's hours."""

    supervisor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="supervisees",
        verbose_name=_("supervisor"),
    )
    trainee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="supervisors",
        verbose_name=_("trainee"),
    )
    is_active = models.BooleanField(_("active"), default=True)
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    assigned_at = models.DateTimeField(_("assigned"), default=timezone.now)

    class Meta:
        verbose_name = _("supervisor assignment")
        verbose_name_plural = _("supervisor assignments")
        constraints = [
            models.UniqueConstraint(fields=["supervisor", "trainee"], name="unique_supervisor_trainee"),
            models.CheckConstraint(
                condition=~models.Q(supervisor=models.F("trainee")), name="no_self_supervision"
            ),
        ]

    def __str__(self):
        return f"{self.supervisor} supervises {self.trainee}"


class PracticeLogQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(status=PracticeLog.Status.APPROVED)

    def pending(self):
        return self.filter(status=PracticeLog.Status.PENDING)

    def counting_toward_day_total(self):
        """Entries that use up the trainee's 24 hours of a day (everything not withdrawn or rejected)."""
        return self.filter(status__in=[PracticeLog.Status.PENDING, PracticeLog.Status.APPROVED])


class PracticeLog(models.Model):
    """One entry of practice or supervision hours. Any edit returns it to pending."""

    class Kind(models.TextChoices):
        PRACTICE = "practice", _("Practice")
        SUPERVISION = "supervision", _("Supervision")

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for approval")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Not approved")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    class Source(models.TextChoices):
        ENTERED = "entered", _("Entered by the trainee")
        IMPORTED = "imported", _("Imported")

    trainee = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="practice_logs"
    )
    date = models.DateField(_("date"))
    hours = models.DecimalField(
        _("hours"),
        max_digits=4,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.01")), MaxValueValidator(Decimal("24"))],
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.PRACTICE)
    domain = models.ForeignKey(
        "courses.CompetencyDomain",
        verbose_name=_("domain"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    setting = models.CharField(
        _("setting"), max_length=200, blank=True, help_text=_("Where, e.g. a recovery center.")
    )
    description = models.TextField(_("short description"), max_length=2000, blank=True)
    directly_supervised = models.BooleanField(
        _("directly supervised"),
        default=False,
        help_text=_("The supervisor was present and overseeing the work (practice hours only)."),
    )
    # The supervisor's word on the trainee's "directly supervised": set with the decision (None until
    # then). Only a confirmed entry counts toward "directly supervised practice hours".
    direct_supervision_confirmed = models.BooleanField(
        _("direct supervision confirmed"), null=True, blank=True
    )
    supervisor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="practice_logs_supervised"
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PENDING)
    possible_duplicate = models.BooleanField(
        _("possible duplicate"),
        default=False,
        help_text=_("Another entry has the same date, hours and kind."),
    )
    source = models.CharField(_("source"), max_length=20, choices=Source.choices, default=Source.ENTERED)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decision_reason = models.TextField(_("reason"), blank=True)
    created_at = models.DateTimeField(_("logged"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), default=timezone.now)

    objects = PracticeLogQuerySet.as_manager()

    class Meta:
        verbose_name = _("practice log entry")
        verbose_name_plural = _("practice log entries")
        ordering = ["-date", "-pk"]
        indexes = [
            models.Index(fields=["trainee", "date"]),
            models.Index(fields=["supervisor", "status"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind="practice") | models.Q(directly_supervised=False),
                name="only_practice_directly_supervised",
            )
        ]

    def __str__(self):
        return f"{self.trainee}: {self.hours} h {self.get_kind_display()} on {self.date}"


class HoursApprovalQuerySet(models.QuerySet):
    def in_force_on(self, on):
        """Approvals that stood on `on`: given on or before it, not yet ended by then."""
        return self.filter(approved_on__lte=on).exclude(ended_on__lte=on)


class HoursApproval(models.Model):
    """What a supervisor approved, as it stood: a copy of the entry's figures made at approval, from
    the day of approval until an edit sends the entry back to the supervisor (`ended_on`). Eligibility
    counts these, so an evaluation "as of" a date sees exactly the approvals in force that day, and a
    later edit never rewrites what was true before it."""

    entry = models.ForeignKey(PracticeLog, on_delete=models.CASCADE, related_name="approvals")
    trainee = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    supervisor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    date = models.DateField(_("date of the work"))
    hours = models.DecimalField(_("hours"), max_digits=4, decimal_places=2)
    kind = models.CharField(_("kind"), max_length=20, choices=PracticeLog.Kind.choices)
    domain = models.ForeignKey(
        "courses.CompetencyDomain", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    directly_supervised = models.BooleanField(_("directly supervised (confirmed)"), default=False)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_at = models.DateTimeField(_("approved"), default=timezone.now)
    approved_on = models.DateField(
        _("approved on"), default=today_on_site, help_text=_("In the trainee's own time zone.")
    )
    ended_at = models.DateTimeField(_("ended"), null=True, blank=True)
    ended_on = models.DateField(_("ended on"), null=True, blank=True)

    objects = HoursApprovalQuerySet.as_manager()

    class Meta:
        verbose_name = _("hours approval")
        verbose_name_plural = _("hours approvals")
        ordering = ["-approved_at", "-pk"]
        indexes = [models.Index(fields=["trainee", "approved_on"])]
        constraints = [
            models.UniqueConstraint(
                fields=["entry"], condition=models.Q(ended_at__isnull=True), name="one_standing_approval"
            )
        ]

    def __str__(self):
        return f"Approval of {self.hours} h ({self.get_kind_display()}) on {self.date}"


class SupervisorQualificationQuerySet(models.QuerySet):
    def valid_on(self, day):
        return self.filter(valid_from__lte=day).filter(
            models.Q(expires_on__isnull=True) | models.Q(expires_on__gte=day)
        )


class SupervisorQualification(models.Model):
    """A supervisor's own credential (for example a clinical supervisor certification): what it is,
    its number, and the dates it is valid. A program can count only hours whose supervisor held a
    valid one on the entry's date. Recorded by a program administrator; history is kept (a renewed
    credential is a new row)."""

    supervisor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="supervisor_qualifications",
        verbose_name=_("supervisor"),
    )
    credential = models.CharField(
        _("credential"), max_length=200, help_text=_('For example "Certified Clinical Supervisor (CCS)".')
    )
    number = models.CharField(_("credential number"), max_length=80)
    issued_by = models.CharField(_("issued by"), max_length=200, blank=True)
    valid_from = models.DateField(_("valid from"))
    expires_on = models.DateField(_("expires on"), null=True, blank=True, help_text=_("Empty: no expiry."))
    notes = models.TextField(_("notes"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(_("recorded"), default=timezone.now)
    recorded_on = models.DateField(_("recorded on"), default=today_on_site)

    objects = SupervisorQualificationQuerySet.as_manager()

    class Meta:
        verbose_name = _("supervisor qualification")
        verbose_name_plural = _("supervisor qualifications")
        ordering = ["-valid_from", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(expires_on__isnull=True)
                | models.Q(expires_on__gte=models.F("valid_from")),
                name="qualification_expires_after_start",
            )
        ]

    def __str__(self):
        return f"{self.credential} {self.number}"

    def is_valid_on(self, day) -> bool:
        return self.valid_from <= day and (self.expires_on is None or day <= self.expires_on)

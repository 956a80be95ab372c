"""Supervised practice and supervision hours, logged by the trainee and decided by their supervisor."""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


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

    def __str__(self):
        return f"{self.trainee}: {self.hours} h {self.get_kind_display()} on {self.date}"

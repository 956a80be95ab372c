"""What a trainee did outside the LMS, recorded by a program administrator with evidence: training
taken elsewhere (hours per domain, how it was delivered) and results of exams the board runs itself."""

from decimal import Decimal

from django.conf import settings
from django.core.files.storage import storages
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from courses.models import DeliveryMode, today_on_site


def _private_storage():
    return storages["private"]


def evidence_upload_to(instance, filename):
    return f"evidence/{instance.user_id}/{timezone.now():%Y%m%d%H%M%S}-{filename}"


class ExternalTraining(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="external_trainings"
    )
    provider = models.CharField(_("provider"), max_length=200)
    title = models.CharField(_("course title"), max_length=200)
    completed_on = models.DateField(_("completed on"))
    delivery_mode = models.CharField(
        _("delivery"), max_length=20, choices=DeliveryMode.choices, default=DeliveryMode.SELF_PACED
    )
    evidence = models.FileField(
        _("evidence"), storage=_private_storage, upload_to=evidence_upload_to, blank=True, max_length=300
    )
    notes = models.TextField(_("notes"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(_("recorded"), default=timezone.now)
    # The trainee's calendar date when it was recorded: before that day the LMS did not know of it.
    recorded_on = models.DateField(_("recorded on"), default=today_on_site)

    class Meta:
        verbose_name = _("training taken elsewhere")
        verbose_name_plural = _("training taken elsewhere")
        ordering = ["-completed_on", "-pk"]

    def __str__(self):
        return f"{self.title} ({self.provider})"


class ExternalTrainingHours(models.Model):
    training = models.ForeignKey(ExternalTraining, on_delete=models.CASCADE, related_name="hours")
    domain = models.ForeignKey("courses.CompetencyDomain", on_delete=models.PROTECT, related_name="+")
    hours = models.DecimalField(
        _("hours"), max_digits=6, decimal_places=2, validators=[MinValueValidator(Decimal("0.01"))]
    )

    class Meta:
        verbose_name = _("hours in a domain")
        verbose_name_plural = _("hours per domain")
        constraints = [models.UniqueConstraint(fields=["training", "domain"], name="unique_external_domain")]

    def __str__(self):
        return f"{self.domain}: {self.hours} h"


def exam_evidence_upload_to(instance, filename):
    return f"exam-results/{instance.user_id}/{timezone.now():%Y%m%d%H%M%S}-{filename}"


class OutsideExamResultQuerySet(models.QuerySet):
    def known_on(self, on):
        """Results of exams taken on or before `on` and recorded by then."""
        return self.filter(taken_on__lte=on, recorded_on__lte=on)


class OutsideExamResult(models.Model):
    """A trainee's result in an exam the program's body runs (ProgramExam), recorded by a program
    administrator from the board's notice. Pass or fail as the board decided; the score when given."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="outside_exam_results"
    )
    exam = models.ForeignKey(
        "certificates.ProgramExam", on_delete=models.PROTECT, related_name="results", verbose_name=_("exam")
    )
    taken_on = models.DateField(_("taken on"))
    passed = models.BooleanField(_("passed"))
    score = models.DecimalField(_("score"), max_digits=7, decimal_places=2, null=True, blank=True)
    evidence = models.FileField(
        _("evidence"), storage=_private_storage, upload_to=exam_evidence_upload_to, blank=True, max_length=300
    )
    notes = models.TextField(_("notes"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(_("recorded"), default=timezone.now)
    recorded_on = models.DateField(_("recorded on"), default=today_on_site)

    objects = OutsideExamResultQuerySet.as_manager()

    class Meta:
        verbose_name = _("exam result")
        verbose_name_plural = _("exam results")
        ordering = ["-taken_on", "-pk"]
        indexes = [models.Index(fields=["user", "exam"])]

    def __str__(self):
        outcome = _("passed") if self.passed else _("not passed")
        return f"{self.exam}: {outcome} ({self.taken_on})"

"""Training taken outside the LMS, recorded by an administrator with hours per domain and evidence."""

from decimal import Decimal

from django.conf import settings
from django.core.files.storage import storages
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


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
    evidence = models.FileField(
        _("evidence"), storage=_private_storage, upload_to=evidence_upload_to, blank=True, max_length=300
    )
    notes = models.TextField(_("notes"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(_("recorded"), default=timezone.now)

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

"""What an applicant attests about themselves for programs that ask: date of birth (for a minimum
age) and highest education completed. Personal, not health data: only the person and program
administrators see it, never an employer or a certificate. Each change makes a new row and
supersedes the earlier one, so "as of a date" reads what was attested then."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from courses.models import today_on_site
from lms.crypto.fields import EncryptedDateField


class EducationLevel(models.TextChoices):
    """Ordered: a requirement of "high school" is met by any level at or above it."""

    NONE = "none", _("No diploma yet")
    HIGH_SCHOOL = "high_school", _("High-school diploma or equivalent (GED, HiSET)")
    ASSOCIATE = "associate", _("Associate degree")
    BACHELOR = "bachelor", _("Bachelor's degree")
    MASTER = "master", _("Master's degree")
    DOCTORATE = "doctorate", _("Doctorate")


EDUCATION_RANK = {level: rank for rank, level in enumerate(EducationLevel.values)}


class AttestationQuerySet(models.QuerySet):
    def current(self):
        return self.filter(superseded_at__isnull=True)

    def in_force_on(self, on):
        """Attested on or before `on` and not superseded by then (a same-day correction wins)."""
        return self.filter(attested_on__lte=on).exclude(superseded_on__lte=on)


class Attestation(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    typed_name = models.CharField(_("full name as typed"), max_length=200)
    attested_at = models.DateTimeField(_("attested"), default=timezone.now)
    attested_on = models.DateField(
        _("attested on"), default=today_on_site, help_text=_("In the person's own time zone.")
    )
    superseded_at = models.DateTimeField(_("superseded"), null=True, blank=True)
    superseded_on = models.DateField(_("superseded on"), null=True, blank=True)

    objects = AttestationQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["-attested_at", "-pk"]


class BirthDateAttestation(Attestation):
    # Encrypted at rest like the recovery date: read only in Python (the age rule), never queried on.
    date_of_birth = EncryptedDateField(_("date of birth"))

    class Meta(Attestation.Meta):
        verbose_name = _("date of birth attestation")
        verbose_name_plural = _("date of birth attestations")
        constraints = [
            models.UniqueConstraint(
                fields=["user"], condition=Q(superseded_at__isnull=True), name="one_current_birth_date"
            )
        ]

    def __str__(self):
        return f"Date of birth attestation #{self.pk}"


class EducationAttestation(Attestation):
    level = models.CharField(_("highest education completed"), max_length=20, choices=EducationLevel.choices)

    class Meta(Attestation.Meta):
        verbose_name = _("education attestation")
        verbose_name_plural = _("education attestations")
        constraints = [
            models.UniqueConstraint(
                fields=["user"], condition=Q(superseded_at__isnull=True), name="one_current_education"
            )
        ]

    def __str__(self):
        return f"Education attestation #{self.pk}"

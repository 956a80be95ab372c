"""Recovery attestation: sensitive health data. The start date is encrypted at rest (lms.crypto, under
FIELD_ENCRYPTION_KEYS, not SECRET_KEY); only the trainee and program administrators ever see it, and
every staff read is audited (certificates.recovery.services)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from courses.models import today_on_site
from lms.crypto.fields import EncryptedDateField


class RecoveryAttestationQuerySet(models.QuerySet):
    def current(self):
        return self.filter(is_current=True)

    def in_force_on(self, on):
        """The attestation that stood on `on`: made on or before it and not superseded by then (a
        correction made the same day wins). A later attestation never changes an earlier date's answer."""
        return self.filter(attested_on__lte=on).exclude(superseded_on__lte=on)


class RecoveryAttestation(models.Model):
    """A trainee's signed statement of their recovery start date. A later change makes a new row and
    marks the earlier one superseded, so the history is kept (and stays private)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="recovery_attestations"
    )
    recovery_start_date = EncryptedDateField(_("recovery start date"))
    attested_at = models.DateTimeField(_("attested"), default=timezone.now)
    attested_on = models.DateField(
        _("attested on"), default=today_on_site, help_text=_("In the trainee's own time zone.")
    )
    statement = models.TextField(_("statement"))
    typed_name = models.CharField(_("full name as typed"), max_length=200)
    is_current = models.BooleanField(_("current"), default=True)
    superseded_at = models.DateTimeField(_("superseded"), null=True, blank=True)
    superseded_on = models.DateField(_("superseded on"), null=True, blank=True)

    objects = RecoveryAttestationQuerySet.as_manager()

    class Meta:
        verbose_name = _("recovery attestation")
        verbose_name_plural = _("recovery attestations")
        ordering = ["-attested_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["user"], condition=models.Q(is_current=True), name="one_current_recovery_attestation"
            )
        ]

    def __str__(self):
        # Never the date: this string ends up in audit target_repr and admin lists.
        return f"Recovery attestation #{self.pk}"

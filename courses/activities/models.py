"""A module's practice activities (synced from the curriculum files) and trainees' records of them.

A record is a snapshot, like ModuleProgress: hours, domain and delivery mode as they were when it was
made, so a later edit of the file never changes what a trainee was credited. A reflection's text may
tell of the trainee's recovery: it is encrypted at rest and shown to no one but the trainee."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lms.crypto.fields import EncryptedTextField
from lms.i18n.content import translation_languages

from ..models import CompetencyDomain, DeliveryMode, Enrollment, ModulePage


class ActivityKind(models.TextChoices):
    REFLECTION = "reflection", _("Written reflection")
    ROLE_PLAY = "role_play", _("Role-play with a partner")
    ATTENDANCE = "attendance", _("Attendance")


class ModuleActivity(models.Model):
    """One practice activity of a module, found by `key` (its id in the module's file)."""

    Kind = ActivityKind

    module = models.ForeignKey(ModulePage, on_delete=models.CASCADE, related_name="activities")
    key = models.SlugField(_("id"), max_length=100)
    kind = models.CharField(_("kind"), max_length=20, choices=ActivityKind.choices)
    title = models.CharField(_("title"), max_length=255)
    instructions = models.TextField(_("instructions"))
    hours = models.DecimalField(
        _("hours"),
        max_digits=4,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.25")), MaxValueValidator(Decimal("8"))],
    )
    min_words = models.PositiveIntegerField(_("minimum words"), null=True, blank=True)
    delivery_mode = models.CharField(
        _("delivery"), max_length=20, choices=DeliveryMode.choices, default=DeliveryMode.SELF_PACED
    )
    sort_order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("practice activity")
        verbose_name_plural = _("practice activities")
        ordering = ["sort_order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["module", "key"], name="unique_activity_key_per_module")
        ]

    def __str__(self):
        return self.title

    @property
    def shown(self):
        """What a reader sees of the activity (`.title`, `.instructions`): its translation into the
        reader's language when the read that loaded it fetched one (selectors.with_translation puts it
        in `translated`), else the English. Hours, kind and records are the activity's own."""
        found = getattr(self, "translated", None)
        return found[0] if found else self


class ModuleActivityTranslation(models.Model):
    """An activity's title and instructions in another language (`activities:` in the module's `.es.md`
    front matter, loaded by courses.activities.sync). Only what a reader sees: everything that counts
    (kind, hours, records) stays on the English activity."""

    activity = models.ForeignKey(ModuleActivity, on_delete=models.CASCADE, related_name="translations")
    language = models.CharField(_("language"), max_length=10, choices=translation_languages())
    title = models.CharField(_("title"), max_length=255)
    instructions = models.TextField(_("instructions"))

    class Meta:
        verbose_name = _("practice activity translation")
        verbose_name_plural = _("practice activity translations")
        ordering = ["language", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["activity", "language"], name="one_activity_translation_per_language"
            )
        ]

    def __str__(self):
        return self.title


class ActivityRecordQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(status=ActivityRecord.Status.CONFIRMED)

    def standing(self):
        """Records that stand (waiting or confirmed): a declined role-play may be logged again."""
        return self.exclude(status=ActivityRecord.Status.DECLINED)


class ActivityRecord(models.Model):
    """A trainee's record of one activity. Its hours count once `status` is confirmed: at once for a
    reflection, when the partner confirms a role-play, when an instructor confirms an attendance."""

    class Status(models.TextChoices):
        WAITING = "waiting", _("Waiting for confirmation")
        CONFIRMED = "confirmed", _("Confirmed")
        DECLINED = "declined", _("Declined")

    enrollment = models.ForeignKey(Enrollment, on_delete=models.CASCADE, related_name="activity_records")
    activity = models.ForeignKey(ModuleActivity, on_delete=models.PROTECT, related_name="records")
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.WAITING)
    reflection = EncryptedTextField(_("reflection"), null=True, blank=True)
    partner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="activity_partnerships",
        verbose_name=_("partner"),
    )
    created_at = models.DateTimeField(_("recorded"), default=timezone.now)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    confirmed_at = models.DateTimeField(_("decided"), null=True, blank=True)
    # The trainee's own calendar date the hours count from (confirmation), for "as of a date".
    recorded_on = models.DateField(_("credited on"), null=True, blank=True)
    hours = models.DecimalField(_("hours"), max_digits=4, decimal_places=2)
    domain = models.ForeignKey(
        CompetencyDomain, null=True, blank=True, on_delete=models.PROTECT, related_name="credited_activities"
    )
    delivery_mode = models.CharField(
        _("delivery"), max_length=20, choices=DeliveryMode.choices, default=DeliveryMode.SELF_PACED
    )

    objects = ActivityRecordQuerySet.as_manager()

    class Meta:
        verbose_name = _("activity record")
        verbose_name_plural = _("activity records")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["enrollment", "activity"],
                condition=~models.Q(status="declined"),
                name="one_standing_record_per_activity",
            )
        ]
        indexes = [
            models.Index(fields=["enrollment", "status", "recorded_on"]),
            models.Index(fields=["partner", "status"]),
        ]

    def __str__(self):
        # Never the reflection: this string ends up in audit target_repr and admin lists.
        return f"Activity record #{self.pk}"

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .timezones import validate_time_zone


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra):
        if not email:
            raise ValueError("An email address is required.")
        email = self.normalize_email(email).lower()
        user = self.model(email=email, **extra)
        user.set_password(password)
        user.full_clean(exclude=["password"])
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra):
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra)

    def create_superuser(self, email, password=None, **extra):
        extra["is_staff"] = True
        extra["is_superuser"] = True
        return self._create_user(email, password, **extra)

    def get_by_natural_key(self, username):
        return self.get(email__iexact=username)


class User(AbstractBaseUser, PermissionsMixin):
    """A person with an account. Logs in by email; roles are groups (see lms.roles)."""

    email = models.EmailField(_("email address"), unique=True)
    full_name = models.CharField(_("full name"), max_length=200, blank=True)
    preferred_name = models.CharField(
        _("preferred name"), max_length=100, blank=True, help_text=_("What we call you on screen.")
    )
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        blank=True,
        validators=[validate_time_zone],
        help_text=_("Your dates (today, when you signed, when hours were approved) are in this time zone."),
    )
    language = models.CharField(
        _("language"),
        max_length=10,
        blank=True,
        # A database default too: rows written by code that predates the column (a rolling upgrade, a
        # migration test's historical models) get "follow the browser" instead of failing.
        default="",
        db_default="",
        choices=settings.LANGUAGES,
        help_text=_("The language of the site and your emails. Blank: the one your browser asks for."),
    )
    is_staff = models.BooleanField(
        _("staff status"), default=False, help_text=_("Can log into the Django and Wagtail admin.")
    )
    is_active = models.BooleanField(_("active"), default=True)
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["full_name", "email"]

    def __str__(self):
        return self.full_name or self.email

    def get_full_name(self):
        return self.full_name or self.email

    def get_short_name(self):
        return self.preferred_name or (self.full_name.split(" ")[0] if self.full_name else self.email)

    # Wagtail's admin shows these.
    @property
    def first_name(self):
        return self.get_short_name()

    @property
    def last_name(self):
        return ""


class AuditEvent(models.Model):
    """One thing that happened: who did what to which object, when, with details. Append-only.

    Details must never hold sensitive values (recovery dates, health data): record that a read or change
    happened, not the value."""

    created_at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("who"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="audit_events",
    )
    action = models.CharField(_("what"), max_length=100, db_index=True)
    target_type = models.ForeignKey(ContentType, null=True, blank=True, on_delete=models.SET_NULL)
    target_id = models.CharField(max_length=64, blank=True, db_index=True)
    target_repr = models.CharField(_("object"), max_length=255, blank=True)
    subject = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("about whom"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="audit_events_about",
        help_text=_("The person the event concerns, when it is not the actor."),
    )
    details = models.JSONField(_("details"), default=dict, blank=True)

    class Meta:
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["target_type", "target_id"])]

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.actor} {self.action} {self.target_repr}"


# The outbox's model lives in its own package; imported here so Django finds it under the lms app.
from .notifications.models import Notification, NotificationPreference  # noqa: E402,F401 (same: notifications)
from .outbox.models import OutboxMessage  # noqa: E402,F401 (the outbox's model, under the lms app)

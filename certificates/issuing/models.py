"""Issued certificates (issue 5): applications, certificates, expiry reminders.

A certificate is created in the pending state when an application is approved, with a snapshot of
what it certifies frozen at that moment; a task renders, signs and stores the PDF and marks it
issued. The database guarantees the invariants: one certificate per application, unique codes and
status-list indices, one renewal per certificate, one open application per person and version."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

HEAD_BYTES = 1024


def certificate_pdf_name(certificate) -> str:
    """Deterministic: one certificate, one file name, whatever the number of attempts."""
    return f"certificates/{certificate.uuid}.pdf"


class CertificateApplication(models.Model):
    """A request for a certificate under one program version: made by the trainee, or put forward by
    a program administrator; decided by a program administrator."""

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Waiting for a decision")
        APPROVED = "approved", _("Approved: certificate being issued")
        REJECTED = "rejected", _("Not approved")
        ISSUED = "issued", _("Certificate issued")

    class Kind(models.TextChoices):
        INITIAL = "initial", _("First certificate")
        RENEWAL = "renewal", _("Renewal")

    OPEN_STATUSES = (Status.SUBMITTED, Status.APPROVED)

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="certificate_applications",
        verbose_name=_("applicant"),
    )
    version = models.ForeignKey(
        "certificates.ProgramVersion",
        on_delete=models.PROTECT,
        related_name="certificate_applications",
        verbose_name=_("program version"),
    )
    # The version's program, kept on the row so the database can allow one open application per person
    # and program, whatever the version.
    program = models.ForeignKey(
        "certificates.CredentialProgram",
        on_delete=models.PROTECT,
        related_name="certificate_applications",
        verbose_name=_("program"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.INITIAL)
    renews = models.ForeignKey(
        "certificates.Certificate",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="renewal_applications",
        verbose_name=_("certificate renewed"),
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.SUBMITTED)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("submitted by"),
    )
    submitted_at = models.DateTimeField(_("submitted"), default=timezone.now)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decision_reason = models.TextField(_("reason"), blank=True)

    class Meta:
        verbose_name = _("certificate application")
        verbose_name_plural = _("certificate applications")
        ordering = ["-submitted_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "program"],
                condition=Q(status__in=["submitted", "approved"]),
                name="one_open_application_per_program",
            ),
            models.CheckConstraint(
                condition=Q(kind="initial", renews__isnull=True) | Q(kind="renewal", renews__isnull=False),
                name="renewal_application_names_certificate",
            ),
        ]
        indexes = [models.Index(fields=["status", "submitted_at"])]

    def __str__(self):
        return f"Application #{self.pk} ({self.get_kind_display()}, {self.get_status_display()})"

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN_STATUSES


class CertificateQuerySet(models.QuerySet):
    def issued(self):
        """Issued at some point (whatever happened since): the register."""
        return self.exclude(status__in=[Certificate.Status.PENDING, Certificate.Status.CANCELLED])

    def pending(self):
        return self.filter(status=Certificate.Status.PENDING)

    def for_program(self, program):
        return self.filter(version__program=program)


class Certificate(models.Model):
    """A certificate. `status` is what administrators set; "expired" and "replaced" are computed from
    the dates and the renewal link (see certificates.issuing.selectors.public_status)."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Being issued")
        ISSUED = "issued", _("Issued")
        SUSPENDED = "suspended", _("Suspended")
        REVOKED = "revoked", _("Revoked")
        CANCELLED = "cancelled", _("Not issued")

    uuid = models.UUIDField(_("identifier"), default=uuid.uuid4, unique=True, editable=False)
    code = models.CharField(_("certificate code"), max_length=12, unique=True, editable=False)
    application = models.OneToOneField(
        CertificateApplication,
        on_delete=models.PROTECT,
        related_name="certificate",
        verbose_name=_("application"),
    )
    holder = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="certificates",
        verbose_name=_("holder"),
    )
    version = models.ForeignKey(
        "certificates.ProgramVersion",
        on_delete=models.PROTECT,
        related_name="certificates",
        verbose_name=_("program version"),
    )
    program = models.ForeignKey(
        "certificates.CredentialProgram",
        on_delete=models.PROTECT,
        related_name="certificates",
        verbose_name=_("program"),
    )
    replaces = models.OneToOneField(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="replaced_by",
        verbose_name=_("renews certificate"),
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PENDING)
    # Frozen at approval: holder's name, program, version, issuing body, hours, courses, dates.
    # Never recovery or other health data, never an email address.
    snapshot = models.JSONField(_("what it certifies"), default=dict, editable=False)
    status_list_index = models.PositiveIntegerField(_("status list index"), unique=True, editable=False)
    created_at = models.DateTimeField(_("approved"), default=timezone.now, editable=False)
    issued_on = models.DateField(_("issue date"), null=True, blank=True)
    expires_on = models.DateField(_("expiry date"), null=True, blank=True)
    issued_at = models.DateTimeField(_("issued"), null=True, blank=True)
    # Name of the signed PDF in the "private" storage (resolved at run time, never a public URL).
    pdf_name = models.CharField(_("signed PDF"), max_length=200, blank=True, editable=False)
    sha256 = models.CharField(_("SHA-256 of the PDF"), max_length=64, blank=True, db_index=True)
    # SHA-256 of the PDF's first HEAD_BYTES: recognises a truncated copy of one of ours as "altered".
    head_sha256 = models.CharField(_("SHA-256 of the PDF's start"), max_length=64, blank=True, db_index=True)
    emailed_at = models.DateTimeField(_("emailed to the holder"), null=True, blank=True)
    status_reason = models.TextField(_("reason for the status"), blank=True)
    status_changed_at = models.DateTimeField(_("status changed"), null=True, blank=True)
    status_changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # On a first certificate (replaces is None): when its line of renewals ended for good (expired past
    # its grace period, or revoked, with nothing current after it) and the holder was certified
    # afresh. Until then the line is open, and the database allows one open line per holder and program.
    lineage_closed_at = models.DateTimeField(_("certification ended"), null=True, blank=True)
    issue_attempts = models.PositiveIntegerField(_("issuing attempts"), default=0)
    last_error = models.TextField(_("last issuing error"), blank=True)

    objects = CertificateQuerySet.as_manager()

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["pending", "cancelled"])
                | (Q(issued_at__isnull=False) & ~Q(sha256="")),
                name="issued_certificate_has_pdf",
            ),
            models.CheckConstraint(
                condition=Q(status_list_index__lt=131072), name="status_list_index_in_range"
            ),
            # One current credential per person and program: a first certificate opens a line that its
            # renewals continue (each renews one certificate, see `replaces`); a second first
            # certificate needs the earlier line closed (issuing.services.application_approve).
            models.UniqueConstraint(
                fields=["holder", "program"],
                condition=Q(replaces__isnull=True, lineage_closed_at__isnull=True) & ~Q(status="cancelled"),
                name="one_open_certification_per_program",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "expires_on"]),
            models.Index(fields=["holder", "status"]),
            models.Index(fields=["holder", "program"]),
        ]

    def __str__(self):
        from certificates.issuing.codes import format_code

        return f"Certificate {format_code(self.code)}"

    @property
    def display_code(self) -> str:
        from certificates.issuing.codes import format_code

        return format_code(self.code)


class CertificateReminder(models.Model):
    """An expiry reminder sent to the holder (90, 30 or 7 days before): recorded so each goes once."""

    certificate = models.ForeignKey(Certificate, on_delete=models.CASCADE, related_name="reminders")
    days_before = models.PositiveSmallIntegerField(_("days before expiry"))
    sent_at = models.DateTimeField(_("sent"), default=timezone.now)

    class Meta:
        verbose_name = _("expiry reminder")
        verbose_name_plural = _("expiry reminders")
        constraints = [
            models.UniqueConstraint(fields=["certificate", "days_before"], name="one_reminder_per_threshold")
        ]

    def __str__(self):
        return f"{self.certificate}: {self.days_before}-day reminder"


class PublishedCredentialQuerySet(models.QuerySet):
    def active(self):
        return self.filter(revoked_at__isnull=True)


class PublishedCredential(models.Model):
    """A link at which the holder publishes their Open Badges credential, for a wallet or an employer
    to fetch without logging in (`/api/v1/credentials/<token>`). Only the holder publishes; the holder
    or a program administrator stops it. At most one active link per certificate (the database says
    so): publishing again while one is active gives back that link, so a double click never breaks an
    address already handed out; a holder who wants a fresh address stops sharing and shares again.

    The token is kept (not only its hash) so the holder's page can show the address again: it is 256
    random bits, unique, and revocable, and it only ever unlocks what the holder chose to make public."""

    certificate = models.ForeignKey(
        Certificate,
        on_delete=models.CASCADE,
        related_name="published_credentials",
        verbose_name=_("certificate"),
    )
    token = models.CharField(_("token"), max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("published"), default=timezone.now, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("published by"),
    )
    revoked_at = models.DateTimeField(_("stopped"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("stopped by"),
    )

    objects = PublishedCredentialQuerySet.as_manager()

    class Meta:
        verbose_name = _("published credential link")
        verbose_name_plural = _("published credential links")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["certificate"],
                condition=Q(revoked_at__isnull=True),
                name="one_active_credential_link_per_certificate",
            ),
        ]

    def __str__(self):
        return f"Published link {self.pk} of {self.certificate}"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None

"""Reads for issuing: public status and verification, the holder's and administrators' lists,
renewal (continuing-education) progress, uploaded-PDF checks.

Verification returns only what issue 5 item 4 allows: holder name, program, issuer, issue and
expiry dates, status (with the date and reason of a suspension or revocation, or the renewal that
replaced it). Never an email address, never recovery or health data."""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from django.conf import settings
from django.db.models import Prefetch, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from certificates.eligibility import add_months, fmt_hours
from certificates.issuing.models import HEAD_BYTES
from certificates.models import (
    Certificate,
    CertificateApplication,
    CredentialProgram,
    ExternalTraining,
    ProgramEnrollment,
    ProgramVersion,
)
from certificates.permissions import require_program_admin
from courses.models import Enrollment, ModuleProgress
from lms import roles
from lms.errors import NotFound

from . import signing
from .codes import format_code, normalize_code

ZERO = Decimal("0")

ERR_CERTIFICATE_NOT_FOUND = _("No certificate with this code was issued here.")
ERR_NOT_YOURS = _("This certificate is not yours.")
ERR_APPLICATION_NOT_FOUND = _("No such application.")

# Public statuses (the verification answer).
CURRENT = "current"
EXPIRED = "expired"
SUSPENDED = "suspended"
REVOKED = "revoked"
REPLACED = "replaced"
PENDING = "pending"
NOT_ISSUED = "not_issued"

STATUS_LABELS = {
    CURRENT: _("Valid"),
    EXPIRED: _("Expired"),
    SUSPENDED: _("Suspended"),
    REVOKED: _("Revoked"),
    REPLACED: _("Replaced by a renewal"),
    PENDING: _("Being issued"),
    NOT_ISSUED: _("Not issued"),
}
STATUS_EXPLANATIONS = {
    CURRENT: _("This certificate is authentic and current."),
    EXPIRED: _("This certificate is authentic but has expired."),
    SUSPENDED: _("This certificate is authentic but is suspended: it is not valid at the moment."),
    REVOKED: _("This certificate is authentic but was revoked: it is no longer valid."),
    REPLACED: _("This certificate was replaced by a renewal: check the newer certificate."),
    PENDING: _("This certificate is being issued."),
    NOT_ISSUED: _("This certificate was not issued."),
}
STATUS_TONE = {CURRENT: "ok", EXPIRED: "warn", REPLACED: "warn", SUSPENDED: "bad", REVOKED: "bad"}


def today() -> date:
    return timezone.localdate()


def public_status(certificate: Certificate, *, on: date | None = None) -> str:
    """revoked > suspended > replaced (an issued renewal exists) > expired > current."""
    on = on or today()
    status = certificate.status
    if status == Certificate.Status.REVOKED:
        return REVOKED
    if status == Certificate.Status.SUSPENDED:
        return SUSPENDED
    if status == Certificate.Status.PENDING:
        return PENDING
    if status == Certificate.Status.CANCELLED:
        return NOT_ISSUED
    renewal = _issued_renewal(certificate)
    if renewal is not None:
        return REPLACED
    if certificate.expires_on and on > certificate.expires_on:
        return EXPIRED
    return CURRENT


def _issued_renewal(certificate: Certificate) -> Certificate | None:
    try:
        renewal = certificate.replaced_by
    except Certificate.DoesNotExist:
        return None
    if renewal is None or renewal.status in (Certificate.Status.PENDING, Certificate.Status.CANCELLED):
        return None
    return renewal


@dataclass(frozen=True)
class Verification:
    """The public record of one certificate. `as_public_dict()` is exactly what the API returns."""

    code: str
    status: str
    status_label: str
    explanation: str
    holder_name: str
    program: str
    program_version: str
    issuer: str
    issued_on: date | None
    expires_on: date | None
    status_changed_on: date | None
    status_reason: str
    replaced_by: str | None

    @property
    def tone(self) -> str:
        return STATUS_TONE.get(self.status, "warn")

    def as_public_dict(self) -> dict:
        return {
            "code": self.code,
            "status": self.status,
            "status_label": str(self.status_label),
            "explanation": str(self.explanation),
            "holder_name": self.holder_name,
            "program": self.program,
            "program_version": self.program_version,
            "issuer": self.issuer,
            "issued_on": self.issued_on,
            "expires_on": self.expires_on,
            "status_changed_on": self.status_changed_on,
            "status_reason": self.status_reason,
            "replaced_by": self.replaced_by,
        }


def verification_of(certificate: Certificate, *, on: date | None = None) -> Verification:
    status = public_status(certificate, on=on)
    snap = certificate.snapshot or {}
    renewal = _issued_renewal(certificate) if status == REPLACED else None
    shows_reason = status in (SUSPENDED, REVOKED)
    changed = certificate.status_changed_at if shows_reason else None
    return Verification(
        code=format_code(certificate.code),
        status=status,
        status_label=STATUS_LABELS[status],
        explanation=STATUS_EXPLANATIONS[status],
        holder_name=snap.get("holder_name", ""),
        program=snap.get("program_name", ""),
        program_version=snap.get("version", ""),
        issuer=snap.get("issuing_body", ""),
        issued_on=certificate.issued_on,
        expires_on=certificate.expires_on,
        status_changed_on=timezone.localdate(changed) if changed else None,
        status_reason=certificate.status_reason if shows_reason else "",
        replaced_by=format_code(renewal.code) if renewal else None,
    )


def verify_url(code: str) -> str:
    """The absolute verification URL printed (as text and QR code) on the certificate."""
    return settings.SITE_URL + reverse("certificates:issuing:verify-code", args=[format_code(code)])


def _register():
    return Certificate.objects.issued().select_related("replaced_by")


def verification_for_code(raw_code: str) -> Verification:
    """Normalise the code (Invalid with a clear message when malformed) and look it up in the
    register (NotFound when no certificate with this code was issued)."""
    code = normalize_code(raw_code)
    certificate = _register().filter(code=code).first()
    if certificate is None:
        raise NotFound(str(ERR_CERTIFICATE_NOT_FOUND), code="certificate_not_found")
    return verification_of(certificate)


# --- Checking an uploaded PDF -------------------------------------------------------------------

AUTHENTIC = "authentic"
ALTERED = "altered"
NOT_ISSUED_HERE = "not_issued_here"

PDF_RESULT_MESSAGES = {
    AUTHENTIC: _("This PDF is exactly as we issued it."),
    ALTERED: _(
        "This PDF has been changed since we issued it, or is damaged: do not rely on it. Ask the holder "
        "for the original, or check the certificate code instead."
    ),
    NOT_ISSUED_HERE: _("This PDF is not a certificate issued here."),
}


@dataclass(frozen=True)
class PdfVerification:
    result: str
    message: str
    certificate: Verification | None

    def as_public_dict(self) -> dict:
        return {
            "result": self.result,
            "message": str(self.message),
            "certificate": self.certificate.as_public_dict() if self.certificate else None,
        }


def _codes_mentioned(data: bytes) -> set[str]:
    """Certificate codes named in the PDF as "Certificate XXX-XXXX-XXXX-X": the signature's /Reason
    and the document title, both written as PDF literal strings (where "-" may appear as the
    octal escape \\055). Used to recognise a damaged or edited copy of one of ours even when the
    file no longer parses."""
    import re

    from .codes import looks_like_code

    found = set()
    for match in re.finditer(rb"Certificate ((?:[0-9A-Za-z]|-|\\0?55){12,24})", data):
        text = match.group(1).replace(b"\\055", b"-").replace(b"\\55", b"-").decode("ascii", "ignore")
        if looks_like_code(text):
            found.add(normalize_code(text))
    return found


def verification_for_pdf(data: bytes) -> PdfVerification:
    """Authentic when the file's SHA-256 is in the register: it is byte for byte a file we issued.
    Altered when it carries a signature from our CA or names one of our certificate codes but is
    not such a file (one flipped byte, appended bytes, an edit saved by a PDF editor, a damaged
    download). Otherwise not issued here, including an intact file signed with our key that the
    register does not hold."""
    digest = signing.sha256_hex(data)
    certificate = _register().filter(sha256=digest).first()
    if certificate is not None:
        return PdfVerification(AUTHENTIC, PDF_RESULT_MESSAGES[AUTHENTIC], verification_of(certificate))
    check = signing.check_pdf_signature(data)
    mentioned = _codes_mentioned(data)
    known = _register().filter(code__in=mentioned).first() if mentioned else None
    if known is None and len(data) >= HEAD_BYTES:
        # Cut short: the signature and the code are at the end, but the start is one of ours.
        known = _register().filter(head_sha256=signing.sha256_hex(data[:HEAD_BYTES])).first()
    if (check.ours and not check.authentic) or known is not None:
        return PdfVerification(
            ALTERED, PDF_RESULT_MESSAGES[ALTERED], verification_of(known) if known else None
        )
    return PdfVerification(NOT_ISSUED_HERE, PDF_RESULT_MESSAGES[NOT_ISSUED_HERE], None)


# --- People's certificates ------------------------------------------------------------------------


def certificates_for_holder(*, user):
    if not user.is_authenticated:
        return Certificate.objects.none()
    return (
        Certificate.objects.filter(holder=user)
        .exclude(status=Certificate.Status.CANCELLED)
        .select_related("version__program", "replaced_by", "replaces")
        .order_by("-created_at", "-pk")
    )


def applications_for_user(*, user):
    return (
        CertificateApplication.objects.filter(user=user)
        .select_related("version__program", "certificate")
        .order_by("-submitted_at", "-pk")
    )


def can_manage(user) -> bool:
    return roles.is_program_admin(user)


def certificate_for_viewer(*, user, uuid) -> Certificate:
    """A certificate its holder or a program administrator may see (download, credential).
    Anyone else gets NotFound, so the existence of someone else's certificate is not revealed."""
    certificate = (
        Certificate.objects.select_related("version__program", "holder", "replaced_by", "replaces")
        .filter(uuid=uuid)
        .first()
    )
    if certificate is None or not (certificate.holder_id == user.pk or can_manage(user)):
        raise NotFound(str(ERR_CERTIFICATE_NOT_FOUND))
    return certificate


def certificate_for_viewer_by_code(*, user, code: str) -> Certificate:
    canonical = normalize_code(code)
    certificate = (
        Certificate.objects.select_related("version__program", "holder", "replaced_by", "replaces")
        .filter(code=canonical)
        .first()
    )
    if certificate is None or not (certificate.holder_id == user.pk or can_manage(user)):
        raise NotFound(str(ERR_CERTIFICATE_NOT_FOUND), code="certificate_not_found")
    return certificate


def applications_queue(*, actor, status: str | None = CertificateApplication.Status.SUBMITTED):
    require_program_admin(actor)
    qs = CertificateApplication.objects.select_related(
        "user", "version__program", "submitted_by", "renews"
    ).order_by("submitted_at", "pk")
    if status:
        qs = qs.filter(status=status)
    return qs


def application_for_manager(*, actor, pk: int) -> CertificateApplication:
    require_program_admin(actor)
    application = (
        CertificateApplication.objects.select_related("user", "version__program").filter(pk=pk).first()
    )
    if application is None:
        raise NotFound(str(ERR_APPLICATION_NOT_FOUND))
    return application


def program_register(*, actor, program: CredentialProgram):
    """Every certificate of a program that was issued (whatever happened since), for administrators."""
    require_program_admin(actor)
    return (
        Certificate.objects.issued()
        .for_program(program)
        .select_related("holder", "version", "replaced_by")
        .order_by("-issued_at", "-pk")
    )


def programs_for_manager(*, actor):
    require_program_admin(actor)
    return CredentialProgram.objects.order_by("name")


def current_certificate_for(
    *, user, program: CredentialProgram, on: date | None = None
) -> Certificate | None:
    """The holder's certificate for `program` that still stands (issued or suspended, not expired
    beyond the grace period, not replaced)."""
    on = on or today()
    candidates = (
        Certificate.objects.filter(
            holder=user,
            version__program=program,
            status__in=[Certificate.Status.ISSUED, Certificate.Status.SUSPENDED, Certificate.Status.PENDING],
        )
        .select_related("version", "replaced_by")
        .order_by("-created_at")
    )
    for certificate in candidates:
        if certificate.status == Certificate.Status.PENDING:
            return certificate
        if _issued_renewal(certificate) is not None:
            continue
        grace = timedelta(days=certificate.version.grace_period_days)
        if certificate.expires_on is None or on <= certificate.expires_on + grace:
            return certificate
    return None


# --- Renewal --------------------------------------------------------------------------------------


@dataclass
class TopicProgress:
    label: str
    required: Decimal
    done: Decimal

    @property
    def met(self) -> bool:
        return self.done >= self.required

    @property
    def text(self) -> str:
        return f"{fmt_hours(self.done)} / {fmt_hours(self.required)}"


@dataclass
class RenewalStatus:
    """Whether a certificate can be renewed now, and the continuing education counted for it."""

    certificate: Certificate
    on: date
    cycle_start: date
    cycle_end: date
    opens_on: date
    renew_by: date
    required_hours: Decimal
    done_hours: Decimal
    topics: list[TopicProgress] = field(default_factory=list)
    courses: list[str] = field(default_factory=list)
    blockers: list[str] = field(default_factory=list)

    @property
    def ce_met(self) -> bool:
        return self.done_hours >= self.required_hours and all(t.met for t in self.topics)

    @property
    def eligible(self) -> bool:
        return not self.blockers and self.ce_met

    @property
    def window_open(self) -> bool:
        return self.opens_on <= self.on <= self.renew_by


RENEWAL_OPENS_DAYS_DEFAULT = 180


def _ce_figures(*, user, start: date, end: date):
    """CE hours from (a) CE-eligible LMS courses whose enrolment was completed in [start, end]
    (their credited module hours, by domain) and (b) training recorded as taken elsewhere in that
    period (hours by domain). Three queries."""
    tz = timezone.get_current_timezone()
    start_dt = timezone.make_aware(timezone.datetime.combine(start, timezone.datetime.min.time()), tz)
    end_dt = timezone.make_aware(timezone.datetime.combine(end, timezone.datetime.max.time()), tz)
    enrollments = list(
        Enrollment.objects.filter(
            user=user,
            status=Enrollment.Status.COMPLETED,
            course__ce_eligible=True,
            completed_at__gte=start_dt,
            completed_at__lte=end_dt,
        ).select_related("course")
    )
    by_enrollment: dict[int, list] = defaultdict(list)
    for row in ModuleProgress.objects.filter(enrollment__in=enrollments).select_related("domain"):
        by_enrollment[row.enrollment_id].append(row)
    items = []  # (title, {domain_id: hours}, [domain names])
    for enrollment in enrollments:
        hours: dict[int | None, Decimal] = defaultdict(lambda: ZERO)
        names = set()
        for row in by_enrollment[enrollment.pk]:
            hours[row.domain_id] += row.hours_credited
            if row.domain:
                names.add(row.domain.name)
        items.append((enrollment.course.title, dict(hours), names))
    external = ExternalTraining.objects.filter(
        user=user, completed_on__gte=start, completed_on__lte=end
    ).prefetch_related(Prefetch("hours", to_attr="domain_hours"))
    for training in external:
        hours = defaultdict(lambda: ZERO)
        names = set()
        for row in training.domain_hours:
            hours[row.domain_id] += row.hours
        items.append((training.title, dict(hours), names))
    return items


def renewal_status(*, certificate: Certificate, on: date | None = None) -> RenewalStatus:
    """The renewal rules of the certificate's program version, applied to the certificate's cycle.

    Required CE = `renewal_ce_hours` per `renewal_cycle_months`, times the number of cycles in the
    certificate's validity (at least one); topic minimums likewise. A topic minimum tied to a domain
    counts hours credited in that domain; a named topic counts courses whose title (or a module's
    domain) contains the topic's name. Renewal opens RENEWAL_OPENS_DAYS before expiry and closes at
    the end of the grace period."""
    on = on or today()
    version: ProgramVersion = certificate.version
    issued_on = certificate.issued_on or on
    expires_on = certificate.expires_on or add_months(issued_on, version.validity_months)
    cycles = max(1, math.ceil(version.validity_months / version.renewal_cycle_months))
    items = _ce_figures(
        user=certificate.holder,
        start=issued_on,
        end=min(on, expires_on + timedelta(days=version.grace_period_days)),
    )
    done = sum((sum(hours.values(), ZERO) for _t, hours, _n in items), ZERO)
    topics = []
    for minimum in version.renewal_topic_minimums.select_related("domain").order_by("sort_order", "pk"):
        if minimum.domain_id:
            got = sum((hours.get(minimum.domain_id, ZERO) for _t, hours, _n in items), ZERO)
            label = minimum.domain.name
        else:
            needle = minimum.topic.casefold()
            got = sum(
                (
                    sum(hours.values(), ZERO)
                    for title, hours, names in items
                    if needle in title.casefold() or any(needle in n.casefold() for n in names)
                ),
                ZERO,
            )
            label = minimum.topic
        topics.append(TopicProgress(label=label, required=minimum.hours * cycles, done=got))
    opens_days = getattr(settings, "CERTIFICATE_RENEWAL_OPENS_DAYS", RENEWAL_OPENS_DAYS_DEFAULT)
    status = RenewalStatus(
        certificate=certificate,
        on=on,
        cycle_start=issued_on,
        cycle_end=expires_on,
        opens_on=expires_on - timedelta(days=opens_days),
        renew_by=expires_on + timedelta(days=version.grace_period_days),
        required_hours=version.renewal_ce_hours * cycles,
        done_hours=done,
        topics=topics,
        courses=[title for title, _h, _n in items],
    )
    if certificate.status != Certificate.Status.ISSUED:
        status.blockers.append(str(_("Only a valid certificate can be renewed.")))
    elif _issued_renewal(certificate) is not None or _open_renewal_exists(certificate):
        status.blockers.append(str(_("This certificate has already been renewed.")))
    if on < status.opens_on:
        status.blockers.append(str(_("Renewal opens on %(date)s.") % {"date": status.opens_on.isoformat()}))
    elif on > status.renew_by:
        status.blockers.append(str(_("The renewal period has ended: apply for a new certificate.")))
    return status


def _open_renewal_exists(certificate: Certificate) -> bool:
    return CertificateApplication.objects.filter(
        renews=certificate, status__in=CertificateApplication.OPEN_STATUSES
    ).exists()


# --- For the dashboard ----------------------------------------------------------------------------


@dataclass
class ApplyOption:
    enrollment: ProgramEnrollment
    eligible: bool
    open_application: CertificateApplication | None
    current: Certificate | None


def apply_options(*, user) -> list[ApplyOption]:
    """For each program the trainee works toward: can they apply now?"""
    from certificates.eligibility import eligibility_for

    options = []
    enrollments = ProgramEnrollment.objects.filter(user=user).select_related("program", "version__program")
    open_apps = {
        a.version_id: a
        for a in CertificateApplication.objects.filter(
            user=user, status__in=CertificateApplication.OPEN_STATUSES
        )
    }
    for enrollment in enrollments:
        current = current_certificate_for(user=user, program=enrollment.program)
        open_app = open_apps.get(enrollment.version_id)
        eligible = False
        if current is None and open_app is None:
            eligible = eligibility_for(user=user, version=enrollment.version).eligible
        options.append(ApplyOption(enrollment, eligible, open_app, current))
    return options


def register_filter(qs, *, query: str = ""):
    if query:
        qs = qs.filter(
            Q(holder__full_name__icontains=query) | Q(code__icontains=query.replace("-", "").upper())
        )
    return qs


# --- Open Badges --------------------------------------------------------------------------------------


def _criteria(certificate: Certificate) -> list[str]:
    """The requirements in words ("46 training hours in total"), as the eligibility engine labels them."""
    from certificates.eligibility import requirement_label

    reqs = list(
        certificate.version.requirements.select_related("course", "exam")
        .prefetch_related("domains")
        .order_by("sort_order", "pk")
    )
    return [str(requirement_label(r)) for r in reqs]


def open_badge_for(certificate: Certificate) -> dict:
    """The certificate as an (unsigned) OpenBadgeCredential; see badges.sign_vc_jwt."""
    from .badges import open_badge_credential

    snap = certificate.snapshot or {}
    program = certificate.version.program
    return open_badge_credential(
        certificate_uuid=certificate.uuid,
        holder_name=snap.get("holder_name", ""),
        program_slug=program.slug,
        program_name=snap.get("program_name", program.name),
        program_description=snap.get("program_description", program.description),
        version_label=snap.get("version", certificate.version.label),
        issuing_body=snap.get("issuing_body", program.issuing_body),
        issued_at=certificate.issued_at or timezone.now(),
        expires_on=certificate.expires_on,
        status_list_index=certificate.status_list_index,
        verify_url=verify_url(certificate.code),
        criteria=_criteria(certificate),
    )


STATUS_FOR_PURPOSE = {"revocation": Certificate.Status.REVOKED, "suspension": Certificate.Status.SUSPENDED}


def status_list_credential(*, purpose: str) -> dict | None:
    """The status list for `purpose`, built from the register now: bit i is set when the
    certificate with index i is revoked (revocation list) or suspended (suspension list)."""
    from .badges import status_list_credential as build

    status = STATUS_FOR_PURPOSE.get(purpose)
    if status is None:
        return None
    indices = Certificate.objects.filter(status=status).values_list("status_list_index", flat=True)
    return build(purpose=purpose, set_indices=list(indices), now=timezone.now())

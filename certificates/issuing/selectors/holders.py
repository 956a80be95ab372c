"""People's certificates and applications: the holder's own, what administrators manage, the
certificate of a program that still stands for a person, and what a trainee may apply for."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Q

from certificates.models import (
    Certificate,
    CertificateApplication,
    CredentialProgram,
    ProgramEnrollment,
)
from certificates.permissions import require_program_admin
from lms import roles
from lms.errors import NotFound

from ..codes import normalize_code
from .verification import (
    CURRENT,
    ERR_APPLICATION_NOT_FOUND,
    ERR_CERTIFICATE_NOT_FOUND,
    EXPIRED,
    REPLACED,
    REVOKED,
    SUSPENDED,
    issued_renewal,
    today,
)


def certificates_for_holder(*, user):
    if not user.is_authenticated:
        return Certificate.objects.none()
    return (
        Certificate.objects.filter(holder=user)
        .exclude(status=Certificate.Status.CANCELLED)
        .select_related("version__program", "holder", "replaced_by", "replaces")
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


# While a certificate is suspended or revoked, its holder is offered nothing that would let it pass
# for a valid one: no signed PDF to download, no Open Badge, no new sharing address. Program
# administrators keep the stored PDF as issued (records, disputes); it is never altered, so a copy
# already handed out still checks as authentic, and as suspended or revoked.
WITHDRAWN_FROM_HOLDER = (Certificate.Status.SUSPENDED, Certificate.Status.REVOKED)


def withdrawn_from(certificate: Certificate, *, user) -> bool:
    """Whether `user` (the holder, or an administrator) is refused the PDF and badge of `certificate`."""
    return certificate.status in WITHDRAWN_FROM_HOLDER and not can_manage(user)


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
    return current_certificates_for(user=user, program_ids=[program.pk], on=on).get(program.pk)


def current_certificates_for(*, user, program_ids, on: date | None = None) -> dict[int, Certificate]:
    """{program id: the holder's certificate that still stands} for several programs, in one query
    (the newest pending one, else the newest issued or suspended one neither renewed nor past its
    grace period)."""
    candidates = (
        Certificate.objects.filter(
            holder=user,
            version__program_id__in=list(program_ids),
            status__in=_STANDING_STATUSES,
        )
        .select_related("version", "replaced_by")
        .order_by("-created_at", "-pk")
    )
    return standing_certificates(candidates, on=on)


_STANDING_STATUSES = (Certificate.Status.ISSUED, Certificate.Status.SUSPENDED, Certificate.Status.PENDING)


def standing_certificates(certificates, *, on: date | None = None) -> dict[int, Certificate]:
    """current_certificates_for over certificates already loaded (newest first, with version and
    replaced_by), such as the holder's whole list."""
    on = on or today()
    current: dict[int, Certificate] = {}
    for certificate in certificates:
        program_id = certificate.version.program_id
        if program_id in current or certificate.status not in _STANDING_STATUSES:
            continue
        if certificate.status == Certificate.Status.PENDING:
            current[program_id] = certificate
            continue
        if issued_renewal(certificate) is not None:
            continue
        grace = timedelta(days=certificate.version.grace_period_days)
        if certificate.expires_on is None or on <= certificate.expires_on + grace:
            current[program_id] = certificate
    return current


@dataclass
class ApplyOption:
    enrollment: ProgramEnrollment
    eligible: bool
    open_application: CertificateApplication | None
    current: Certificate | None


def recent_and_open_applications(*, user, recent: int = 20):
    """The holder's `recent` newest applications, and every open one however old, from one query:
    (recent, open). The newest `recent` rows of (open or among the newest) are the newest overall."""
    newest = CertificateApplication.objects.filter(user=user).order_by("-submitted_at", "-pk")
    rows = list(
        applications_for_user(user=user).filter(
            Q(status__in=CertificateApplication.OPEN_STATUSES) | Q(pk__in=newest.values("pk")[:recent])
        )
    )
    return rows[:recent], [a for a in rows if a.status in CertificateApplication.OPEN_STATUSES]


def open_applications_for(*, user) -> list[CertificateApplication]:
    return list(
        CertificateApplication.objects.filter(user=user, status__in=CertificateApplication.OPEN_STATUSES)
    )


def apply_options(*, user, open_applications=None, certificates=None) -> list[ApplyOption]:
    """For each program the trainee works toward: can they apply now? `open_applications` and
    `certificates` (all the holder's, newest first, as certificates_for_holder gives them): when the
    caller has loaded them already."""
    from certificates.eligibility.engine import eligibility_for_versions

    enrollments = list(
        ProgramEnrollment.objects.filter(user=user).select_related("program", "version__program")
    )
    if not enrollments:
        return []
    if open_applications is None:
        open_applications = open_applications_for(user=user)
    open_apps = {a.version_id: a for a in open_applications}
    if certificates is None:
        currents = current_certificates_for(user=user, program_ids=[e.program_id for e in enrollments])
    else:
        currents = standing_certificates(certificates)
    # Whoever has neither a standing certificate nor an open application: all their programs evaluated
    # in one pass (the same queries for one program as for five).
    candidates = [e for e in enrollments if e.program_id not in currents and e.version_id not in open_apps]
    results = eligibility_for_versions(user=user, versions=[e.version for e in candidates])
    eligible = {e.pk: r.eligible for e, r in zip(candidates, results, strict=True)}
    return [
        ApplyOption(e, eligible.get(e.pk, False), open_apps.get(e.version_id), currents.get(e.program_id))
        for e in enrollments
    ]


# The register's status filter, in the words of the verification page (public_status).
REGISTER_STATUSES = (CURRENT, EXPIRED, SUSPENDED, REVOKED, REPLACED)


def register_filter(qs, *, query: str = "", status: str = "", on: date | None = None):
    """The register narrowed by a name or code and by the status a verifier would see on `on`
    (default today): current ("Valid"), expired, suspended, revoked or replaced (an issued renewal
    exists). An unknown status filters nothing."""
    if query:
        qs = qs.filter(
            Q(holder__full_name__icontains=query) | Q(code__icontains=query.replace("-", "").upper())
        )
    if status not in REGISTER_STATUSES:
        return qs
    S = Certificate.Status
    if status in (SUSPENDED, REVOKED):
        return qs.filter(status=S.SUSPENDED if status == SUSPENDED else S.REVOKED)
    replaced = Q(replaced_by__isnull=False) & ~Q(replaced_by__status__in=[S.PENDING, S.CANCELLED])
    qs = qs.filter(status=S.ISSUED)
    if status == REPLACED:
        return qs.filter(replaced)
    on = on or today()
    in_date = Q(expires_on__isnull=True) | Q(expires_on__gte=on)
    return qs.exclude(replaced).filter(in_date if status == CURRENT else ~in_date)

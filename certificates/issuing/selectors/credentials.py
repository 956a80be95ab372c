"""Open Badges: the certificate as an (unsigned) OpenBadgeCredential and the status lists."""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from certificates.models import (
    Certificate,
    CredentialProgram,
)
from lms.errors import NotFound

from .verification import verify_url


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
    from ..badges import open_badge_credential

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
        criteria_url=_program_page_url(program),
    )


def _program_page_url(program: CredentialProgram) -> str | None:
    """The public page describing the program (anyone may read it while the program is active)."""
    if not program.is_active:
        return None
    return settings.SITE_URL + reverse("certificates:program", args=[program.slug])


ERR_NO_ACHIEVEMENT = _("No such achievement.")


def achievement_image_program(*, slug: str) -> CredentialProgram:
    """The program whose badge image may be shown to anyone: an active program, or one that has
    issued credentials (their image URL must keep answering after the program closes)."""
    program = CredentialProgram.objects.filter(slug=slug).first()
    if program is None:
        raise NotFound(str(ERR_NO_ACHIEVEMENT))
    if program.is_active:
        return program
    issued = Certificate.objects.filter(version__program=program).exclude(
        status__in=(Certificate.Status.PENDING, Certificate.Status.CANCELLED)
    )
    if not issued.exists():
        raise NotFound(str(ERR_NO_ACHIEVEMENT))
    return program


STATUS_FOR_PURPOSE = {"revocation": Certificate.Status.REVOKED, "suspension": Certificate.Status.SUSPENDED}


def status_list_credential(*, purpose: str) -> dict | None:
    """The status list for `purpose`, built from the register now: bit i is set when the
    certificate with index i is revoked (revocation list) or suspended (suspension list)."""
    from ..badges import status_list_credential as build

    status = STATUS_FOR_PURPOSE.get(purpose)
    if status is None:
        return None
    indices = Certificate.objects.filter(status=status).values_list("status_list_index", flat=True)
    return build(purpose=purpose, set_indices=list(indices), now=timezone.now())

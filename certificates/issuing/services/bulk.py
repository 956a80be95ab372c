"""Bulk issuing: every eligible trainee of a program put forward and approved in one go."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from certificates.models import (
    Certificate,
    ProgramEnrollment,
)
from lms.errors import Conflict, Invalid

from .applications import certificate_issue_for
from .common import ERR_NO_SUCH_TRAINEE


@dataclass
class BulkRow:
    user: object
    certificate: Certificate | None
    skipped: str = ""


def bulk_candidates(*, program, email: str | None = None):
    """The program's enrolled trainees (optionally one, by email), grouped by the version they are
    evaluated under, with their eligibility (one engine call per version)."""
    from certificates.eligibility import eligibility_for_users

    enrollments = ProgramEnrollment.objects.filter(program=program).select_related("user", "version__program")
    if email:
        enrollments = enrollments.filter(user__email__iexact=email.strip())
        if not enrollments.exists():
            raise Invalid(str(ERR_NO_SUCH_TRAINEE) % {"email": email})
    by_version: dict[int, list] = {}
    versions = {}
    for enrollment in enrollments:
        by_version.setdefault(enrollment.version_id, []).append(enrollment.user)
        versions[enrollment.version_id] = enrollment.version
    out = []
    for version_id, users in by_version.items():
        for elig in eligibility_for_users(users=users, version=versions[version_id]):
            out.append((elig.user, versions[version_id], elig.eligible))
    return out


def bulk_issue_one(*, actor, user, version, eligible: bool, enqueue: bool) -> BulkRow:
    if not eligible:
        return BulkRow(user=user, certificate=None, skipped=str(_("not eligible")))
    try:
        certificate = certificate_issue_for(actor=actor, user=user, version=version, enqueue=enqueue)
    except (Conflict, Invalid) as exc:
        return BulkRow(user=user, certificate=None, skipped=exc.message)
    return BulkRow(user=user, certificate=certificate)

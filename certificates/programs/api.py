"""/api/v1/ endpoints for credential programs: their rules (public), an administrator's create, edit and
export, joining a program and signing its code of ethics."""

from django.utils.translation import gettext as _
from ninja import Router, Status
from ninja.security import django_auth

from certificates.permissions import require_program_admin
from certificates.schemas import ERRORS, ErrorOut
from lms import roles
from lms.errors import NotFound

from . import selectors, services, transfer
from .schemas import (
    PledgeSignatureOut,
    PledgeSignIn,
    ProgramEnrollmentOut,
    ProgramIn,
    ProgramOut,
    ProgramPatchIn,
)

router = Router(tags=["certification"])


def _program_out(program, *, user=None) -> dict:
    current = program.current_version()
    return {
        "slug": program.slug,
        "name": program.name,
        "issuing_body": program.issuing_body,
        "description": program.description,
        "is_active": program.is_active,
        "current_version": current.label if current else None,
        "versions": [
            {
                "id": v.pk,
                "label": v.label,
                "effective_date": v.effective_date,
                "validity_months": v.validity_months,
                "grace_period_days": v.grace_period_days,
                "renewal_ce_hours": v.renewal_ce_hours,
                "renewal_cycle_months": v.renewal_cycle_months,
                "requirements": [
                    {
                        "id": r.pk,
                        "kind": r.kind,
                        "label": r.label,
                        "course_slug": r.course.slug if r.course_id else None,
                        "course_title": r.course.title if r.course_id else None,
                        "domain_slug": r.domain.slug if r.domain_id else None,
                        "hours": r.hours,
                        "months": r.months,
                        "min_spread_months": r.min_spread_months,
                        "allow_external": r.allow_external,
                    }
                    for r in v.requirements.all()
                ],
                "renewal_topic_minimums": [
                    {
                        "domain_slug": m.domain.slug if m.domain_id else None,
                        "topic": m.topic,
                        "hours": m.hours,
                    }
                    for m in v.renewal_topic_minimums.all()
                ],
            }
            for v in program.versions.all()
        ],
    }


@router.get("/programs", response=list[ProgramOut], auth=None, summary="Credential programs and their rules")
def programs_list(request):
    return [_program_out(p) for p in selectors.programs_list(user=request.user, include_inactive=True)]


@router.get("/programs/{slug}", response={200: ProgramOut, 404: ErrorOut}, auth=None)
def program_detail(request, slug: str):
    program = selectors.program_get(slug=slug, user=request.user)
    if not program.is_active and not roles.is_program_admin(request.user):
        raise NotFound(_(selectors.ERR_PROGRAM_NOT_FOUND))
    return _program_out(program)


@router.post("/programs", response={201: ProgramOut, **ERRORS}, auth=django_auth, summary="Create or replace")
def program_create(request, payload: ProgramIn):
    require_program_admin(request.user)
    data = {"format": transfer.EXPORT_FORMAT, **payload.dict()}
    program = transfer.program_import(data=_jsonable(data), actor=request.user)
    return Status(201, _program_out(selectors.program_get(slug=program.slug, user=request.user)))


def _jsonable(value):
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


@router.patch("/programs/{slug}", response={200: ProgramOut, **ERRORS}, auth=django_auth)
def program_patch(request, slug: str, payload: ProgramPatchIn):
    require_program_admin(request.user)
    program = selectors.program_get(slug=slug, user=request.user)
    services.program_update(actor=request.user, program=program, **payload.dict(exclude_unset=True))
    return _program_out(selectors.program_get(slug=slug, user=request.user))


@router.get("/programs/{slug}/export", response={200: dict, **ERRORS}, auth=django_auth)
def program_export(request, slug: str):
    require_program_admin(request.user)
    return transfer.program_export(program=selectors.program_get(slug=slug, user=request.user))


@router.post("/programs/{slug}/enroll", response={201: ProgramEnrollmentOut, **ERRORS}, auth=django_auth)
def program_enroll(request, slug: str):
    program = selectors.program_get(slug=slug, user=request.user)
    enrollment = services.program_enroll(user=request.user, program=program)
    return Status(
        201,
        {"program": program.slug, "version": enrollment.version.label, "enrolled_at": enrollment.enrolled_at},
    )


@router.post("/programs/{slug}/pledge", response={201: PledgeSignatureOut, **ERRORS}, auth=django_auth)
def pledge_sign(request, slug: str, payload: PledgeSignIn):
    program = selectors.program_get(slug=slug, user=request.user)
    pledge = program.current_pledge()
    if pledge is None:
        raise NotFound("This program has no code of ethics yet.")
    signature = services.pledge_sign(user=request.user, pledge=pledge, typed_name=payload.typed_name)
    return Status(
        201,
        {"program": program.slug, "pledge_version": pledge.version_label, "signed_at": signature.signed_at},
    )

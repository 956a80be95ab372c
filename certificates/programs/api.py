"""/api/v1/ endpoints for credential programs: their rules (public), an administrator's create, edit and
export, the library of real programs to import, joining a program and signing its code of ethics."""

from django.utils.translation import gettext as _
from ninja import Router, Status
from ninja.security import django_auth

from certificates.eligibility.labels import requirement_label
from certificates.permissions import require_program_admin
from certificates.schemas import ERRORS, ErrorOut
from lms import roles
from lms.errors import NotFound

from . import library, selectors, services, transfer
from .schemas import (
    LibraryProgramOut,
    PledgeSignatureOut,
    PledgeSignIn,
    ProgramEnrollmentOut,
    ProgramOut,
    ProgramPatchIn,
)

router = Router(tags=["certification"])
# /programs/library/... has its own router, mounted before `router` (certificates/api.py): ninja tries
# routers in the order they are mounted, and /programs/{slug} would otherwise take "library" as a slug.
library_router = Router(tags=["certification"])


def _requirement_out(r) -> dict:
    return {
        "id": r.pk,
        "kind": r.kind,
        "label": r.label,
        "text": requirement_label(r),
        "course_slug": r.course.slug if r.course_id else None,
        "course_title": r.course.title if r.course_id else None,
        "domain_slugs": [d.slug for d in r.domains.all()],
        "hours": r.hours,
        "months": r.months,
        "years": r.years,
        "min_spread_months": r.min_spread_months,
        "within_months": r.within_months,
        "delivery_mode": r.delivery_mode or None,
        "delivery_hours": r.delivery_hours,
        "allow_external": r.allow_external,
        "qualified_supervisor": r.qualified_supervisor,
        "exam_slug": r.exam.slug if r.exam_id else None,
        "education_level": r.education_level or None,
    }


def _program_out(program) -> dict:
    current = program.current_version()
    return {
        "slug": program.slug,
        "name": program.name,
        "issuing_body": program.issuing_body,
        "jurisdiction": program.jurisdiction,
        "description": program.description,
        "is_active": program.is_active,
        "certificate_languages": program.certificate_languages,
        "current_version": current.label if current else None,
        "exams": [
            {"slug": e.slug, "name": e.name, "passing_score": e.passing_score, "score_scale": e.score_scale}
            for e in program.exams.all()
        ],
        "versions": [
            {
                "id": v.pk,
                "label": v.label,
                "effective_date": v.effective_date,
                "validity_months": v.validity_months,
                "grace_period_days": v.grace_period_days,
                "renewal_ce_hours": v.renewal_ce_hours,
                "renewal_cycle_months": v.renewal_cycle_months,
                "requirements": [_requirement_out(r) for r in v.requirements.all()],
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


@router.post(
    "/programs",
    response={201: ProgramOut, **ERRORS},
    auth=django_auth,
    summary="Create or update a program from a definition",
    openapi_extra={
        "requestBody": {
            "required": True,
            "description": "A program definition, exactly as `manage.py export_program` writes it "
            "(docs/program-format.schema.json). Every key is required; unknown keys are refused.",
            "content": {"application/json": {"schema": {"type": "object"}}},
        }
    },
)
def program_create(request):
    require_program_admin(request.user)
    data = transfer.parse_program_json(request.body or b"null")
    program = transfer.program_import(data=data, actor=request.user)
    return Status(201, _program_out(selectors.program_get(slug=program.slug, user=request.user)))


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


@library_router.get("/programs/library", response={200: list[LibraryProgramOut], **ERRORS}, auth=django_auth)
def library_list(request):
    """Program administrators: the real programs this LMS ships definitions for, and which are on
    the site already."""
    require_program_admin(request.user)
    on_site = set(
        selectors.programs_list(user=request.user, include_inactive=True).values_list("slug", flat=True)
    )
    return [
        {"slug": p.slug, "name": p.name, "issuing_body": p.issuing_body, "on_site": p.slug in on_site}
        for p in library.library_programs()
    ]


@library_router.post(
    "/programs/library/{slug}/import", response={201: ProgramOut, **ERRORS}, auth=django_auth
)
def library_program_import(request, slug: str):
    """Program administrators: create (or update) a program from the library's definition."""
    require_program_admin(request.user)
    program = library.library_import(slug=slug, actor=request.user)
    return Status(201, _program_out(selectors.program_get(slug=program.slug, user=request.user)))

"""/api/v1/ endpoints for programs, eligibility, practice hours, supervision decisions, pledges and
the trainee's own recovery attestation. Thin: parse, call a service or selector, shape the answer."""

from decimal import Decimal

from django.shortcuts import get_object_or_404
from ninja import Router, Status
from ninja.pagination import paginate
from ninja.security import django_auth

from courses.models import CompetencyDomain
from lms import roles
from lms.errors import Forbidden, Invalid, NotFound
from lms.models import User

from . import selectors, services
from .eligibility import Eligibility, fmt_hours
from .models import PracticeLog, ProgramEnrollment
from .schemas import (
    BulkDecisionIn,
    DecisionIn,
    EligibilityOut,
    ErrorOut,
    PledgeSignatureOut,
    PledgeSignIn,
    PracticeLogIn,
    PracticeLogOut,
    PracticeLogPatchIn,
    ProgramEnrollmentOut,
    ProgramIn,
    ProgramOut,
    ProgramPatchIn,
    RecoveryAttestationIn,
    RecoveryOut,
    SupervisorOut,
)

router = Router(tags=["certification"])
ERRORS = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut}


# --- shaping --------------------------------------------------------------------------------------


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


def _value(value):
    if value is None:
        return None
    return fmt_hours(value) if not isinstance(value, int) else str(value)


def _eligibility_out(elig: Eligibility) -> dict:
    return {
        "user_id": elig.user.pk,
        "user_name": elig.user.get_full_name(),
        "program": elig.version.program.slug,
        "version": elig.version.label,
        "evaluated_on": elig.evaluated_on,
        "eligible": elig.eligible,
        "results": [
            {
                "requirement_id": r.requirement.pk,
                "kind": r.kind,
                "label": r.label,
                "met": r.met,
                "current": _value(r.current),
                "required": _value(r.required),
                "unit": r.unit,
                "missing": r.missing,
                "met_on": r.met_on,
                "progress_percent": r.progress_percent,
            }
            for r in elig.results
        ],
    }


def _log_out(entry: PracticeLog) -> dict:
    return {
        "id": entry.pk,
        "trainee_id": entry.trainee_id,
        "trainee_name": entry.trainee.get_full_name(),
        "date": entry.date,
        "hours": Decimal(entry.hours).quantize(Decimal("0.01")),
        "kind": entry.kind,
        "domain": entry.domain.slug if entry.domain_id else None,
        "setting": entry.setting,
        "description": entry.description,
        "supervisor_id": entry.supervisor_id,
        "supervisor_name": entry.supervisor.get_full_name(),
        "status": entry.status,
        "possible_duplicate": entry.possible_duplicate,
        "decision_reason": entry.decision_reason,
        "decided_at": entry.decided_at,
    }


def _domain(slug):
    if slug in (None, ""):
        return None
    domain = CompetencyDomain.objects.filter(slug=slug).first()
    if domain is None:
        raise Invalid(services.ERR_UNKNOWN_DOMAIN.format(slug=slug), field="domain")
    return domain


def _kind(kind):
    if kind not in PracticeLog.Kind.values:
        raise Invalid("kind: use practice or supervision.", field="kind")
    return kind


def _user(pk):
    user = User.objects.filter(pk=pk).first()
    if user is None:
        raise Invalid(services.ERR_NOT_YOUR_SUPERVISOR, field="supervisor_id")
    return user


def _require_admin(request):
    if not roles.is_program_admin(request.user):
        raise Forbidden(services.ERR_NOT_PROGRAM_ADMIN)


# --- programs -------------------------------------------------------------------------------------


@router.get("/programs", response=list[ProgramOut], auth=None, summary="Credential programs and their rules")
def programs_list(request):
    return [_program_out(p) for p in selectors.programs_list(user=request.user, include_inactive=True)]


@router.get("/programs/{slug}", response={200: ProgramOut, 404: ErrorOut}, auth=None)
def program_detail(request, slug: str):
    program = selectors.program_get(slug=slug, user=request.user)
    if not program.is_active and not roles.is_program_admin(request.user):
        raise NotFound(selectors.ERR_PROGRAM_NOT_FOUND)
    return _program_out(program)


@router.post("/programs", response={201: ProgramOut, **ERRORS}, auth=django_auth, summary="Create or replace")
def program_create(request, payload: ProgramIn):
    _require_admin(request)
    data = {"format": services.EXPORT_FORMAT, **payload.dict()}
    program = services.program_import(data=_jsonable(data), actor=request.user)
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
    _require_admin(request)
    program = selectors.program_get(slug=slug, user=request.user)
    services.program_update(actor=request.user, program=program, **payload.dict(exclude_unset=True))
    return _program_out(selectors.program_get(slug=slug, user=request.user))


@router.get("/programs/{slug}/export", response={200: dict, **ERRORS}, auth=django_auth)
def program_export(request, slug: str):
    _require_admin(request)
    return services.program_export(program=selectors.program_get(slug=slug, user=request.user))


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


# --- eligibility ----------------------------------------------------------------------------------


@router.get("/eligibility", response={200: list[EligibilityOut], 401: ErrorOut}, auth=django_auth)
def my_eligibility(request):
    """Your own checklist for every program you work toward (with your recovery dates: it's yours)."""
    return [_eligibility_out(p.eligibility) for p in selectors.my_eligibility(user=request.user)]


@router.get("/programs/{slug}/eligibility", response={200: list[EligibilityOut], **ERRORS}, auth=django_auth)
def cohort_eligibility(request, slug: str):
    """Program administrators: everyone working toward the program. Recovery appears as met / not met."""
    _require_admin(request)
    program = selectors.program_get(slug=slug, user=request.user)
    rows = selectors.cohort_for_program(actor=request.user, program=program)
    if selectors.cohort_has_recovery_requirement(rows):
        services.recovery_status_reads_record(
            actor=request.user, users=[r.enrollment.user for r in rows], context="cohort api"
        )
    return [_eligibility_out(r.eligibility) for r in rows]


@router.get(
    "/programs/{slug}/eligibility/{user_id}", response={200: EligibilityOut, **ERRORS}, auth=django_auth
)
def trainee_eligibility(request, slug: str, user_id: int):
    """Program administrators: one trainee in full (the read is audited)."""
    _require_admin(request)
    program = selectors.program_get(slug=slug, user=request.user)
    enrollment = get_object_or_404(ProgramEnrollment, program=program, user_id=user_id)
    elig = services.eligibility_read_for_staff(
        actor=request.user, user=enrollment.user, version=enrollment.version
    )
    return _eligibility_out(elig)


# --- hours ----------------------------------------------------------------------------------------


@router.get("/hours", response={200: list[PracticeLogOut], 401: ErrorOut}, auth=django_auth)
@paginate
def hours_list(request, status: str | None = None):
    return [_log_out(e) for e in selectors.practice_logs_for_trainee(trainee=request.user, status=status)]


@router.get("/hours/supervisors", response={200: list[SupervisorOut], 401: ErrorOut}, auth=django_auth)
def my_supervisors(request):
    return [
        {"id": s.pk, "name": s.get_full_name()}
        for s in selectors.supervisors_for_trainee(trainee=request.user)
    ]


@router.post("/hours", response={201: PracticeLogOut, **ERRORS}, auth=django_auth)
def hours_create(request, payload: PracticeLogIn):
    entry = services.practice_log_create(
        trainee=request.user,
        date=payload.date,
        hours=payload.hours,
        kind=_kind(payload.kind),
        domain=_domain(payload.domain),
        setting=payload.setting,
        description=payload.description,
        supervisor=_user(payload.supervisor_id),
    )
    return Status(201, _log_out(entry))


@router.get("/hours/{entry_id}", response={200: PracticeLogOut, **ERRORS}, auth=django_auth)
def hours_detail(request, entry_id: int):
    return _log_out(selectors.practice_log_for_actor(actor=request.user, pk=entry_id))


@router.patch("/hours/{entry_id}", response={200: PracticeLogOut, **ERRORS}, auth=django_auth)
def hours_edit(request, entry_id: int, payload: PracticeLogPatchIn):
    entry = selectors.practice_log_for_actor(actor=request.user, pk=entry_id)
    changes = payload.dict(exclude_unset=True)
    if "domain" in changes:
        changes["domain"] = _domain(changes["domain"])
    if "kind" in changes:
        changes["kind"] = _kind(changes["kind"])
    if "supervisor_id" in changes:
        changes["supervisor"] = _user(changes.pop("supervisor_id"))
    entry = services.practice_log_update(actor=request.user, entry=entry, **changes)
    return _log_out(selectors.practice_log_for_actor(actor=request.user, pk=entry.pk))


@router.post("/hours/{entry_id}/withdraw", response={200: PracticeLogOut, **ERRORS}, auth=django_auth)
def hours_withdraw(request, entry_id: int):
    entry = selectors.practice_log_for_actor(actor=request.user, pk=entry_id)
    return _log_out(services.practice_log_withdraw(actor=request.user, entry=entry))


@router.get("/supervision/queue", response={200: list[PracticeLogOut], 401: ErrorOut}, auth=django_auth)
@paginate
def supervision_queue(request):
    """Entries waiting for your decision, from trainees you supervise (empty for anyone else)."""
    return [_log_out(e) for e in selectors.supervisor_queue(supervisor=request.user)]


@router.post("/hours/{entry_id}/decision", response={200: PracticeLogOut, **ERRORS}, auth=django_auth)
def hours_decide(request, entry_id: int, payload: DecisionIn):
    entry = selectors.practice_log_for_actor(actor=request.user, pk=entry_id)
    entry = services.practice_log_decide(
        actor=request.user, entry=entry, approve=payload.approve, reason=payload.reason
    )
    return _log_out(entry)


@router.post("/supervision/decisions", response={200: list[PracticeLogOut], **ERRORS}, auth=django_auth)
def hours_decide_bulk(request, payload: BulkDecisionIn):
    entries = services.practice_logs_decide_bulk(
        actor=request.user, entry_ids=payload.entry_ids, approve=payload.approve, reason=payload.reason
    )
    return [_log_out(e) for e in entries]


# --- recovery attestation (own only) --------------------------------------------------------------


def _attestation_out(a):
    return {
        "id": a.pk,
        "recovery_start_date": a.recovery_start_date,
        "attested_at": a.attested_at,
        "is_current": a.is_current,
        "statement": a.statement,
    }


@router.get("/recovery-attestation", response={200: RecoveryOut, 401: ErrorOut}, auth=django_auth)
def recovery_own(request):
    """Your own recovery attestation and its history. Nobody else can read it through the API."""
    history = list(selectors.recovery_history_own(user=request.user))
    current = next((a for a in history if a.is_current), None)
    return {
        "current": _attestation_out(current) if current else None,
        "history": [_attestation_out(a) for a in history],
    }


@router.post("/recovery-attestation", response={201: RecoveryOut, **ERRORS}, auth=django_auth)
def recovery_attest(request, payload: RecoveryAttestationIn):
    services.recovery_attest(
        user=request.user,
        recovery_start_date=payload.recovery_start_date,
        typed_name=payload.typed_name,
        confirmed=payload.confirmed,
    )
    return Status(201, recovery_own(request))


# Issuing, verification and Open Badges (certificates/issuing/api.py).
from .issuing.api import router as issuing_router  # noqa: E402

router.add_router("", issuing_router)

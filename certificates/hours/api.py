"""/api/v1/ endpoints for hours: the trainee's log, edits and withdrawals, their supervisors, and the
supervisor's queue and decisions (singly or in bulk)."""

from decimal import Decimal

from ninja import Router, Status
from ninja.pagination import paginate
from ninja.security import django_auth

from certificates.programs.transfer import ERR_UNKNOWN_DOMAIN
from certificates.schemas import ERRORS, ErrorOut
from courses.models import CompetencyDomain
from lms.errors import Invalid
from lms.models import User

from . import selectors, services
from .models import PracticeLog
from .schemas import (
    BulkDecisionIn,
    DecisionIn,
    PracticeLogIn,
    PracticeLogOut,
    PracticeLogPatchIn,
    SupervisorOut,
)

router = Router(tags=["certification"])


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
        raise Invalid(ERR_UNKNOWN_DOMAIN.format(slug=slug), field="domain")
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

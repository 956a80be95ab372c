"""/api/v1/ endpoints for hours: the trainee's log, edits and withdrawals, their supervisors, the
supervisor's queue and decisions (singly or in bulk), and supervisors' own credentials (recorded by
program administrators, readable by the supervisor)."""

from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from ninja import Router, Status
from ninja.pagination import paginate
from ninja.security import django_auth

from certificates.permissions import require_program_admin
from certificates.programs.transfer import ERR_UNKNOWN_DOMAIN
from certificates.schemas import ERRORS, ErrorOut
from courses.models import CompetencyDomain
from lms.converters import Id
from lms.errors import Invalid, NotFound
from lms.models import User
from lms.pagination import Mapped
from lms.timezones import local_today

from . import qualifications, selectors, services
from .models import PracticeLog, SupervisorQualification
from .schemas import (
    BulkDecisionIn,
    DecisionIn,
    PracticeLogIn,
    PracticeLogOut,
    PracticeLogPatchIn,
    QualificationIn,
    QualificationOut,
    QualificationPatchIn,
    SupervisionQueueEntryOut,
    SupervisorOut,
    SupervisorQualificationsOut,
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
        "directly_supervised": entry.directly_supervised,
        "direct_supervision_confirmed": entry.direct_supervision_confirmed,
        "status": entry.status,
        "possible_duplicate": entry.possible_duplicate,
        "decision_reason": entry.decision_reason,
        "decided_at": entry.decided_at,
    }


def _queue_entry_out(entry: PracticeLog) -> dict:
    """An entry of supervisor_queue, which annotates both flags."""
    return {
        **_log_out(entry),
        "supervisor_qualified": entry.supervisor_qualified,
        "qualification_required": entry.qualification_required,
    }


def _qualification_out(q: SupervisorQualification, supervisor) -> dict:
    return {
        "id": q.pk,
        "supervisor_id": q.supervisor_id,
        "credential": q.credential,
        "number": q.number,
        "issued_by": q.issued_by,
        "valid_from": q.valid_from,
        "expires_on": q.expires_on,
        "valid_today": q.is_valid_on(local_today(supervisor)),
        "notes": q.notes,
        "recorded_at": q.recorded_at,
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
    entries = selectors.practice_logs_for_trainee(trainee=request.user, status=status)
    return Mapped(entries, _log_out)  # one page read and serialised, not the whole log


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
        directly_supervised=payload.directly_supervised,
    )
    return Status(201, _log_out(entry))


@router.get("/hours/{id:entry_id}", response={200: PracticeLogOut, **ERRORS}, auth=django_auth)
def hours_detail(request, entry_id: Id):
    return _log_out(selectors.practice_log_for_actor(actor=request.user, pk=entry_id))


@router.patch("/hours/{id:entry_id}", response={200: PracticeLogOut, **ERRORS}, auth=django_auth)
def hours_edit(request, entry_id: Id, payload: PracticeLogPatchIn):
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


@router.post("/hours/{id:entry_id}/withdraw", response={200: PracticeLogOut, **ERRORS}, auth=django_auth)
def hours_withdraw(request, entry_id: Id):
    entry = selectors.practice_log_for_actor(actor=request.user, pk=entry_id)
    return _log_out(services.practice_log_withdraw(actor=request.user, entry=entry))


@router.get(
    "/supervision/queue", response={200: list[SupervisionQueueEntryOut], 401: ErrorOut}, auth=django_auth
)
@paginate
def supervision_queue(request):
    """Entries waiting for your decision, from trainees you supervise (empty for anyone else), each
    saying whether you were qualified on its date and whether the trainee's program requires it."""
    return Mapped(selectors.supervisor_queue(supervisor=request.user), _queue_entry_out)


@router.post("/hours/{id:entry_id}/decision", response={200: PracticeLogOut, **ERRORS}, auth=django_auth)
def hours_decide(request, entry_id: Id, payload: DecisionIn):
    entry = selectors.practice_log_for_actor(actor=request.user, pk=entry_id)
    entry = services.practice_log_decide(
        actor=request.user,
        entry=entry,
        approve=payload.approve,
        reason=payload.reason,
        directly_supervised=payload.directly_supervised,
    )
    return _log_out(entry)


@router.post("/supervision/decisions", response={200: list[PracticeLogOut], **ERRORS}, auth=django_auth)
def hours_decide_bulk(request, payload: BulkDecisionIn):
    entries = services.practice_logs_decide_bulk(
        actor=request.user, entry_ids=payload.entry_ids, approve=payload.approve, reason=payload.reason
    )
    return [_log_out(e) for e in entries]


# --- Supervisors' own credentials ------------------------------------------------------------------

ERR_NO_SUCH_SUPERVISOR = gettext_noop("No such supervisor.")
ERR_NO_SUCH_QUALIFICATION = gettext_noop("No such qualification.")


def _supervisor_get(user_id: int) -> User:
    """The person in the path (called after require_program_admin, so nobody else learns who exists).
    Whether they hold the supervisor role is the service's rule (422)."""
    user = User.objects.filter(pk=user_id).first()
    if user is None:
        raise NotFound(_(ERR_NO_SUCH_SUPERVISOR))
    return user


@router.get("/supervisors", response={200: list[SupervisorQualificationsOut], **ERRORS}, auth=django_auth)
def supervisors_list(request):
    """Program administrators: every supervisor with their recorded credentials."""
    require_program_admin(request.user)
    return [
        {
            "id": s.pk,
            "name": s.get_full_name(),
            "email": s.email,
            "qualifications": [_qualification_out(q, s) for q in s.supervisor_qualifications.all()],
        }
        for s in selectors.supervisors_with_qualifications()
    ]


@router.post(
    "/supervisors/{id:user_id}/qualifications", response={201: QualificationOut, **ERRORS}, auth=django_auth
)
def qualification_create(request, user_id: Id, payload: QualificationIn):
    """Program administrators: record a supervisor's credential."""
    require_program_admin(request.user)
    supervisor = _supervisor_get(user_id)
    qualification = qualifications.qualification_record(
        actor=request.user, supervisor=supervisor, **payload.dict()
    )
    return Status(201, _qualification_out(qualification, supervisor))


@router.patch(
    "/supervisors/{id:user_id}/qualifications/{id:qualification_id}",
    response={200: QualificationOut, **ERRORS},
    auth=django_auth,
)
def qualification_edit(request, user_id: Id, qualification_id: Id, payload: QualificationPatchIn):
    """Program administrators: correct a recorded credential (a renewal is better recorded anew)."""
    require_program_admin(request.user)
    supervisor = _supervisor_get(user_id)
    qualification = selectors.qualifications_for(supervisor=supervisor).filter(pk=qualification_id).first()
    if qualification is None:
        raise NotFound(_(ERR_NO_SUCH_QUALIFICATION))
    changes = payload.dict(exclude_unset=True)
    # null clears a text field ("" is what the model stores); the service can't store None there.
    for name in ("credential", "number", "issued_by", "notes"):
        if name in changes and changes[name] is None:
            changes[name] = ""
    qualification = qualifications.qualification_update(
        actor=request.user, qualification=qualification, **changes
    )
    return _qualification_out(qualification, supervisor)


@router.get(
    "/supervision/qualifications", response={200: list[QualificationOut], 401: ErrorOut}, auth=django_auth
)
def my_qualifications(request):
    """Your own credentials as recorded by program administrators (empty for anyone else)."""
    return [
        _qualification_out(q, request.user) for q in selectors.qualifications_for(supervisor=request.user)
    ]

"""Writes for supervised practice and supervision hours: an administrator links supervisors to
trainees; trainees log, edit and withdraw entries; supervisors approve or reject them, singly or in
bulk. Every rule holds alike for the form, the API and the CSV import (hours.imports)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from certificates.permissions import require_program_admin
from certificates.validation import clean
from lms import roles
from lms.audit import audit_record
from lms.errors import Conflict, Forbidden, Invalid, NotFound
from lms.models import User
from lms.timezones import local_date, local_today

from .models import HoursApproval, PracticeLog, SupervisorAssignment
from .notices import notify_decisions, notify_entry_waiting
from .selectors import can_see_entry, supervisor_queue_entries

# "Decide all matching" decides at most this many entries per request (oldest in the queue's order
# first); the supervisor repeats it for the rest. One decision writes the entry, its approval and its
# audit row, so this bounds one request's work.
BULK_LIMIT = 200

ERR_FUTURE_DATE = gettext_noop("The date can't be in the future.")
ERR_HOURS_POSITIVE = gettext_noop("Enter more than zero hours.")
ERR_DAY_LIMIT = gettext_noop(
    "That would make more than 24 hours on {date}: {logged} hours are already logged that day."
)
ERR_NOT_YOUR_SUPERVISOR = gettext_noop("Choose one of your supervisors.")
ERR_NOT_YOUR_ENTRY = gettext_noop("This entry is not yours.")
ERR_CANT_EDIT_WITHDRAWN = gettext_noop("A withdrawn entry can't be changed.")
ERR_ONLY_PENDING_WITHDRAW = gettext_noop("Only entries waiting for approval can be withdrawn.")
ERR_ONLY_PENDING_DECIDE = gettext_noop("This entry is not waiting for a decision.")
ERR_NOT_SUPERVISOR_OF = gettext_noop("You don't supervise this trainee.")
ERR_REASON_REQUIRED = gettext_noop("Give a reason when you don't approve an entry.")
ERR_NOTHING_SELECTED = gettext_noop("Select at least one entry.")
ERR_TOO_MANY_SELECTED = gettext_noop(
    "Select at most {limit} entries at once, or choose all matching entries."
)
ERR_NOT_A_SUPERVISOR = gettext_noop("That person is not a supervisor.")
ERR_NOT_A_TRAINEE = gettext_noop("That person is not a trainee.")
ERR_SELF_SUPERVISION = gettext_noop("Nobody can supervise themselves.")
ERR_DIRECT_ONLY_PRACTICE = gettext_noop("Only practice hours can be directly supervised.")
ERR_DIRECT_NOT_CLAIMED = gettext_noop(
    "The trainee did not log this entry as directly supervised; approve it without direct supervision."
)


@transaction.atomic
def supervisor_assign(*, actor, supervisor, trainee) -> SupervisorAssignment:
    require_program_admin(actor)
    if supervisor.pk == trainee.pk:
        raise Invalid(_(ERR_SELF_SUPERVISION))
    if not roles.is_supervisor(supervisor):
        raise Invalid(_(ERR_NOT_A_SUPERVISOR), field="supervisor")
    if not roles.is_trainee(trainee):
        raise Invalid(_(ERR_NOT_A_TRAINEE), field="trainee")
    assignment, created = SupervisorAssignment.objects.get_or_create(
        supervisor=supervisor, trainee=trainee, defaults={"assigned_by": actor}
    )
    if not created and not assignment.is_active:
        assignment.is_active = True
        assignment.assigned_by = actor
        assignment.assigned_at = timezone.now()
        assignment.save(update_fields=["is_active", "assigned_by", "assigned_at"])
    audit_record(actor=actor, action="supervisor.assigned", target=assignment, subject=trainee)
    return assignment


@transaction.atomic
def supervisor_unassign(*, actor, assignment: SupervisorAssignment) -> SupervisorAssignment:
    require_program_admin(actor)
    assignment.is_active = False
    assignment.save(update_fields=["is_active"])
    audit_record(actor=actor, action="supervisor.unassigned", target=assignment, subject=assignment.trainee)
    return assignment


def _supervises(supervisor, trainee) -> bool:
    return SupervisorAssignment.objects.filter(
        supervisor=supervisor, trainee=trainee, is_active=True
    ).exists()


def validate_entry(
    *, trainee, entry_date: date, hours: Decimal, supervisor, exclude_pk=None, extra_day_hours=None
):
    """The rules every entry obeys, from the form, the API and the CSV import alike."""
    if entry_date > local_today(trainee):
        raise Invalid(_(ERR_FUTURE_DATE), field="date")
    if hours is None or hours <= 0:
        raise Invalid(_(ERR_HOURS_POSITIVE), field="hours")
    logged = PracticeLog.objects.counting_toward_day_total().filter(trainee=trainee, date=entry_date).exclude(
        pk=exclude_pk
    ).aggregate(total=Sum("hours"))["total"] or Decimal("0")
    logged += extra_day_hours or Decimal("0")
    if logged + hours > 24:
        raise Invalid(
            _(ERR_DAY_LIMIT).format(date=entry_date.isoformat(), logged=logged.normalize()), field="hours"
        )
    if supervisor is None or not _supervises(supervisor, trainee):
        raise Invalid(_(ERR_NOT_YOUR_SUPERVISOR), field="supervisor")


def validate_direct(*, kind: str, directly_supervised: bool) -> None:
    if directly_supervised and kind != PracticeLog.Kind.PRACTICE:
        raise Invalid(_(ERR_DIRECT_ONLY_PRACTICE), field="directly_supervised")


def approval_record(*, entry: PracticeLog, actor, now, directly_supervised: bool) -> HoursApproval:
    """The standing approval of `entry` as approved now (see HoursApproval)."""
    approval = HoursApproval(
        entry=entry,
        trainee_id=entry.trainee_id,
        supervisor_id=entry.supervisor_id,
        date=entry.date,
        hours=entry.hours,
        kind=entry.kind,
        domain_id=entry.domain_id,
        directly_supervised=directly_supervised,
        approved_by=actor,
        approved_at=now,
        approved_on=local_date(entry.trainee, now),
    )
    approval.save()
    return approval


def _end_approval(entry: PracticeLog, now) -> None:
    """An approved entry was changed: its approval stops counting from today (the trainee's date)."""
    HoursApproval.objects.filter(entry=entry, ended_at__isnull=True).update(
        ended_at=now, ended_on=local_date(entry.trainee, now)
    )


def is_duplicate(*, trainee, entry_date, hours, kind, exclude_pk=None) -> bool:
    return (
        PracticeLog.objects.counting_toward_day_total()
        .filter(trainee=trainee, date=entry_date, hours=hours, kind=kind)
        .exclude(pk=exclude_pk)
        .exists()
    )


@transaction.atomic
def practice_log_create(
    *,
    trainee,
    date: date,
    hours: Decimal,
    kind: str,
    supervisor,
    domain=None,
    setting: str = "",
    description: str = "",
    directly_supervised: bool = False,
) -> PracticeLog:
    """Log hours for the supervisor's approval. An entry with the same date, hours and kind as another
    is accepted but flagged as a possible duplicate for the supervisor to check. Practice hours can be
    marked "directly supervised"; the supervisor confirms it (or not) with the decision."""
    # Lock the trainee's row so two simultaneous entries can't both squeeze under 24 hours.
    User.objects.select_for_update().filter(pk=trainee.pk).first()
    hours = Decimal(hours)
    directly_supervised = bool(directly_supervised)
    validate_direct(kind=kind, directly_supervised=directly_supervised)
    validate_entry(trainee=trainee, entry_date=date, hours=hours, supervisor=supervisor)
    entry = PracticeLog(
        trainee=trainee,
        date=date,
        hours=hours,
        kind=kind,
        domain=domain,
        setting=setting or "",
        description=description or "",
        supervisor=supervisor,
        directly_supervised=directly_supervised,
        possible_duplicate=is_duplicate(trainee=trainee, entry_date=date, hours=hours, kind=kind),
    )
    clean(entry)
    entry.save()
    audit_record(
        actor=trainee,
        action="practice_log.created",
        target=entry,
        subject=trainee,
        details={
            "hours": str(entry.hours),
            "kind": entry.kind,
            "duplicate": entry.possible_duplicate,
            "directly_supervised": entry.directly_supervised,
        },
    )
    notify_entry_waiting(entry=entry)
    return entry


EDITABLE_FIELDS = (
    "date",
    "hours",
    "kind",
    "domain",
    "setting",
    "description",
    "supervisor",
    "directly_supervised",
)


@transaction.atomic
def practice_log_update(*, actor, entry: PracticeLog, **changes) -> PracticeLog:
    """The trainee changes an entry. Any change to an approved or rejected entry sends it back to the
    supervisor (pending again); an approval it had stops counting from today, and stays in the
    history for evaluations of earlier dates."""
    entry = PracticeLog.objects.select_for_update().select_related("trainee").get(pk=entry.pk)
    if entry.trainee_id != actor.pk:
        raise Forbidden(_(ERR_NOT_YOUR_ENTRY))
    if entry.status == PracticeLog.Status.WITHDRAWN:
        raise Conflict(_(ERR_CANT_EDIT_WITHDRAWN), code="withdrawn")
    changed = []
    for name, value in changes.items():
        if name not in EDITABLE_FIELDS or value is None and name not in ("domain",):
            continue
        if name == "hours":
            value = Decimal(value)
        if name == "directly_supervised":
            value = bool(value)
        if getattr(entry, name) != value:
            setattr(entry, name, value)
            changed.append(name)
    if not changed:
        return entry
    validate_direct(kind=entry.kind, directly_supervised=entry.directly_supervised)
    validate_entry(
        trainee=entry.trainee,
        entry_date=entry.date,
        hours=entry.hours,
        supervisor=entry.supervisor,
        exclude_pk=entry.pk,
    )
    previous_status = entry.status
    now = timezone.now()
    if previous_status == PracticeLog.Status.APPROVED:
        _end_approval(entry, now)
    entry.status = PracticeLog.Status.PENDING
    entry.decided_by = None
    entry.decided_at = None
    entry.decision_reason = ""
    entry.direct_supervision_confirmed = None
    entry.updated_at = now
    entry.possible_duplicate = is_duplicate(
        trainee=entry.trainee, entry_date=entry.date, hours=entry.hours, kind=entry.kind, exclude_pk=entry.pk
    )
    clean(entry)
    entry.save()
    audit_record(
        actor=actor,
        action="practice_log.updated",
        target=entry,
        subject=entry.trainee,
        details={"fields": sorted(changed), "previous_status": previous_status},
    )
    notify_entry_waiting(entry=entry, changed=True)
    return entry


@transaction.atomic
def practice_log_withdraw(*, actor, entry: PracticeLog) -> PracticeLog:
    entry = PracticeLog.objects.select_for_update().get(pk=entry.pk)
    if entry.trainee_id != actor.pk:
        raise Forbidden(_(ERR_NOT_YOUR_ENTRY))
    if entry.status != PracticeLog.Status.PENDING:
        raise Conflict(_(ERR_ONLY_PENDING_WITHDRAW), code="not_pending")
    entry.status = PracticeLog.Status.WITHDRAWN
    entry.updated_at = timezone.now()
    entry.save(update_fields=["status", "updated_at"])
    audit_record(actor=actor, action="practice_log.withdrawn", target=entry, subject=entry.trainee)
    return entry


def _decide(
    *, actor, entry: PracticeLog, approve: bool, reason: str, now, directly_supervised: bool | None
) -> PracticeLog:
    if entry.supervisor_id != actor.pk or not _supervises(actor, entry.trainee):
        raise Forbidden(_(ERR_NOT_SUPERVISOR_OF))
    if entry.status != PracticeLog.Status.PENDING:
        raise Conflict(_(ERR_ONLY_PENDING_DECIDE), code="not_pending")
    reason = (reason or "").strip()
    if not approve and not reason:
        raise Invalid(_(ERR_REASON_REQUIRED), field="reason")
    confirmed = None
    if approve:
        # The supervisor confirms the trainee's "directly supervised" (None: as the trainee logged it)
        # or approves the hours without it; they can't add it to an entry the trainee did not mark.
        confirmed = entry.directly_supervised if directly_supervised is None else bool(directly_supervised)
        if confirmed and not entry.directly_supervised:
            raise Invalid(_(ERR_DIRECT_NOT_CLAIMED), field="directly_supervised")
    entry.status = PracticeLog.Status.APPROVED if approve else PracticeLog.Status.REJECTED
    entry.decided_by = actor
    entry.decided_at = now
    entry.decision_reason = reason
    entry.direct_supervision_confirmed = confirmed if entry.directly_supervised else None
    entry.save(
        update_fields=[
            "status",
            "decided_by",
            "decided_at",
            "decision_reason",
            "direct_supervision_confirmed",
        ]
    )
    if approve:
        approval_record(entry=entry, actor=actor, now=now, directly_supervised=bool(confirmed))
    details = {"hours": str(entry.hours), "kind": entry.kind}
    if entry.directly_supervised and approve:
        details["direct_supervision_confirmed"] = bool(confirmed)
    audit_record(
        actor=actor,
        action="practice_log.approved" if approve else "practice_log.rejected",
        target=entry,
        subject=entry.trainee,
        details=details,
    )
    return entry


@transaction.atomic
def practice_log_decide(
    *, actor, entry: PracticeLog, approve: bool, reason: str = "", directly_supervised: bool | None = None
) -> PracticeLog:
    """The trainee's supervisor approves or rejects a pending entry (a reason is required to reject).
    `directly_supervised` is the supervisor's word on an entry logged as directly supervised: None
    confirms it as logged, False approves the hours without direct supervision."""
    entry = PracticeLog.objects.select_for_update().select_related("trainee").get(pk=entry.pk)
    now = timezone.now()
    entry = _decide(
        actor=actor,
        entry=entry,
        approve=approve,
        reason=reason,
        now=now,
        directly_supervised=directly_supervised,
    )
    notify_decisions(entries=[entry], approve=approve, reason=entry.decision_reason, decided_at=now)
    return entry


@transaction.atomic
def practice_logs_decide_bulk(*, actor, entry_ids, approve: bool, reason: str = "") -> list[PracticeLog]:
    """Decide several entries at once; all or nothing (one entry the actor may not decide stops all).
    Entries logged as directly supervised are confirmed as logged."""
    ids = sorted({int(i) for i in entry_ids})
    if not ids:
        raise Invalid(_(ERR_NOTHING_SELECTED), field="entries")
    entries = list(PracticeLog.objects.select_for_update().select_related("trainee").filter(pk__in=ids))
    # An entry the actor may not see counts as missing: the same answer, so ids reveal nothing.
    if len(entries) != len(ids) or not all(can_see_entry(actor, e) for e in entries):
        raise NotFound(_("Some entries were not found."))
    now = timezone.now()
    decided = [
        _decide(actor=actor, entry=e, approve=approve, reason=reason, now=now, directly_supervised=None)
        for e in entries
    ]
    notify_decisions(entries=decided, approve=approve, reason=(reason or "").strip(), decided_at=now)
    return decided


@dataclass
class QueueDecision:
    """What a decision from the queue page did: the entries decided, how many were skipped because
    they changed after the page was shown (edited, withdrawn, decided elsewhere, or no longer
    supervised), and how many matching entries still wait (beyond BULK_LIMIT, or skipped)."""

    decided: list[PracticeLog] = field(default_factory=list)
    skipped: int = 0
    remaining: int = 0


@transaction.atomic
def practice_logs_decide_from_queue(
    *,
    actor,
    approve: bool,
    reason: str = "",
    entry_ids=None,
    trainee_id: int | None = None,
    kind: str | None = None,
    shown_at: datetime | None = None,
    limit: int | None = None,
) -> QueueDecision:
    """The supervisor queue's decision on several entries: the ticked `entry_ids`, or (entry_ids None)
    every entry of the actor's queue matching the filter (trainee, kind), re-selected here by the same
    filter and the actor's own queue, at most `limit` of them. An id outside the actor's own entries
    answers like a missing one (NotFound, nothing decided). Entries changed since `shown_at` (the time
    the page was shown) or no longer waiting are skipped, never decided unseen."""
    limit = limit or BULK_LIMIT
    reason = (reason or "").strip()
    if not approve and not reason:
        raise Invalid(_(ERR_REASON_REQUIRED), field="reason")
    queue = supervisor_queue_entries(supervisor=actor, trainee_id=trainee_id, kind=kind)
    if entry_ids is not None:
        ids = sorted({int(i) for i in entry_ids})
        if not ids:
            raise Invalid(_(ERR_NOTHING_SELECTED), field="entries")
        if len(ids) > limit:
            raise Invalid(_(ERR_TOO_MANY_SELECTED).format(limit=limit), field="entries")
        if PracticeLog.objects.filter(pk__in=ids, supervisor=actor).count() != len(ids):
            raise NotFound(_("Some entries were not found."))
        wanted = len(ids)
        queue = supervisor_queue_entries(supervisor=actor).filter(pk__in=ids)
        ids = list(queue.values_list("pk", flat=True))
    else:
        ids = list(queue.values_list("pk", flat=True)[:limit])
        wanted = len(ids)
    entries = PracticeLog.objects.select_for_update().select_related("trainee").filter(pk__in=ids)
    outcome = QueueDecision()
    now = timezone.now()
    for entry in entries.order_by("pk"):
        changed = shown_at is not None and max(entry.created_at, entry.updated_at) > shown_at
        if changed or entry.status != PracticeLog.Status.PENDING:
            continue
        outcome.decided.append(
            _decide(
                actor=actor, entry=entry, approve=approve, reason=reason, now=now, directly_supervised=None
            )
        )
    outcome.skipped = wanted - len(outcome.decided)
    notify_decisions(entries=outcome.decided, approve=approve, reason=reason, decided_at=now)
    if entry_ids is None:
        outcome.remaining = supervisor_queue_entries(
            supervisor=actor, trainee_id=trainee_id, kind=kind
        ).count()
    return outcome

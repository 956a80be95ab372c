"""Practice and supervision hours: the entry rules, supervisor decisions, edits, withdrawals, audit,
and the all-or-nothing CSV import."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from certificates.hours import imports as hours_imports
from certificates.hours import services as hours_services
from certificates.models import PracticeLog
from lms.errors import Conflict, Forbidden, Invalid, NotFound
from lms.models import AuditEvent

from ..factories import SupervisorFactory, TraineeFactory, assign

pytestmark = pytest.mark.django_db
P = PracticeLog.Kind.PRACTICE
S = PracticeLog.Kind.SUPERVISION


@pytest.fixture
def linked(trainee, supervisor):
    assign(supervisor, trainee)
    return trainee, supervisor


def yesterday():
    return timezone.localdate() - timedelta(days=1)


def create(trainee, supervisor, hours="2", day=None, kind=P):
    return hours_services.practice_log_create(
        trainee=trainee, supervisor=supervisor, date=day or yesterday(), hours=Decimal(hours), kind=kind
    )


def test_create_is_pending_and_audited(linked):
    trainee, supervisor = linked
    entry = create(trainee, supervisor)
    assert entry.status == PracticeLog.Status.PENDING
    event = AuditEvent.objects.get(action="practice_log.created")
    assert event.actor == trainee and event.subject == trainee


def test_today_is_allowed_future_is_not(linked):
    trainee, supervisor = linked
    create(trainee, supervisor, day=timezone.localdate())
    with pytest.raises(Invalid) as exc:
        create(trainee, supervisor, day=timezone.localdate() + timedelta(days=1))
    assert exc.value.message == hours_services.ERR_FUTURE_DATE
    assert PracticeLog.objects.count() == 1


@pytest.mark.parametrize("hours", ["0", "-1", "0.00"])
def test_zero_or_negative_hours_rejected(linked, hours):
    trainee, supervisor = linked
    with pytest.raises(Invalid) as exc:
        create(trainee, supervisor, hours=hours)
    assert exc.value.message == hours_services.ERR_HOURS_POSITIVE
    assert not PracticeLog.objects.exists()


def test_at_most_24_hours_a_day_summed(linked):
    trainee, supervisor = linked
    create(trainee, supervisor, hours="16.25")
    create(trainee, supervisor, hours="7.75", kind=S)  # exactly 24
    with pytest.raises(Invalid) as exc:
        create(trainee, supervisor, hours="0.01")
    assert "more than 24 hours" in exc.value.message
    # Withdrawn and rejected entries free the day again.
    create(trainee, supervisor, hours="1", day=yesterday() - timedelta(days=1))
    assert PracticeLog.objects.count() == 3


def test_day_limit_ignores_withdrawn_entries(linked):
    trainee, supervisor = linked
    entry = create(trainee, supervisor, hours="20")
    hours_services.practice_log_withdraw(actor=trainee, entry=entry)
    create(trainee, supervisor, hours="20")


def test_duplicates_are_flagged_not_refused(linked):
    trainee, supervisor = linked
    first = create(trainee, supervisor, hours="3")
    second = create(trainee, supervisor, hours="3")
    third = create(trainee, supervisor, hours="3", kind=S)
    assert not first.possible_duplicate and second.possible_duplicate and not third.possible_duplicate


def test_supervisor_must_be_linked(trainee, supervisor):
    with pytest.raises(Invalid) as exc:
        create(trainee, supervisor)
    assert exc.value.message == hours_services.ERR_NOT_YOUR_SUPERVISOR


def test_only_own_supervisor_decides(linked):
    trainee, supervisor = linked
    entry = create(trainee, supervisor)
    stranger = SupervisorFactory()
    assign(stranger, TraineeFactory())
    with pytest.raises(Forbidden):
        hours_services.practice_log_decide(actor=stranger, entry=entry, approve=True)
    with pytest.raises(Forbidden):
        hours_services.practice_log_decide(actor=trainee, entry=entry, approve=True)
    entry.refresh_from_db()
    assert entry.status == PracticeLog.Status.PENDING


def test_unlinked_supervisor_can_no_longer_decide(linked, program_admin):
    trainee, supervisor = linked
    entry = create(trainee, supervisor)
    assignment = supervisor.supervisees.get()
    hours_services.supervisor_unassign(actor=program_admin, assignment=assignment)
    with pytest.raises(Forbidden):
        hours_services.practice_log_decide(actor=supervisor, entry=entry, approve=True)


def test_reject_needs_a_reason_and_is_audited(linked):
    trainee, supervisor = linked
    entry = create(trainee, supervisor)
    with pytest.raises(Invalid) as exc:
        hours_services.practice_log_decide(actor=supervisor, entry=entry, approve=False, reason="  ")
    assert exc.value.message == hours_services.ERR_REASON_REQUIRED
    hours_services.practice_log_decide(
        actor=supervisor, entry=entry, approve=False, reason="Not on the rota that day"
    )
    entry.refresh_from_db()
    assert entry.status == PracticeLog.Status.REJECTED and entry.decided_by == supervisor
    assert AuditEvent.objects.filter(
        action="practice_log.rejected", actor=supervisor, subject=trainee
    ).exists()
    with pytest.raises(Conflict):
        hours_services.practice_log_decide(actor=supervisor, entry=entry, approve=True)


def test_edit_after_approval_returns_to_pending(linked):
    trainee, supervisor = linked
    entry = create(trainee, supervisor, hours="2")
    hours_services.practice_log_decide(actor=supervisor, entry=entry, approve=True)
    hours_services.practice_log_update(actor=trainee, entry=entry, hours=Decimal("2.5"))
    entry.refresh_from_db()
    assert entry.status == PracticeLog.Status.PENDING and entry.decided_by is None
    assert entry.hours == Decimal("2.5")
    event = AuditEvent.objects.get(action="practice_log.updated")
    assert event.details == {"fields": ["hours"], "previous_status": "approved"}


def test_edit_with_no_change_keeps_approval(linked):
    trainee, supervisor = linked
    entry = create(trainee, supervisor, hours="2")
    hours_services.practice_log_decide(actor=supervisor, entry=entry, approve=True)
    hours_services.practice_log_update(actor=trainee, entry=entry, hours=Decimal("2.00"))
    entry.refresh_from_db()
    assert entry.status == PracticeLog.Status.APPROVED


def test_edit_follows_the_same_rules(linked, other_trainee):
    trainee, supervisor = linked
    entry = create(trainee, supervisor, hours="2")
    create(trainee, supervisor, hours="20")
    with pytest.raises(Invalid):
        hours_services.practice_log_update(actor=trainee, entry=entry, hours=Decimal("5"))
    with pytest.raises(Invalid):
        hours_services.practice_log_update(
            actor=trainee, entry=entry, date=timezone.localdate() + timedelta(days=2)
        )
    with pytest.raises(Forbidden):
        hours_services.practice_log_update(actor=other_trainee, entry=entry, hours=Decimal("1"))
    entry.refresh_from_db()
    assert entry.hours == Decimal("2") and entry.date == yesterday()


def test_withdraw_only_pending_and_only_own(linked, other_trainee):
    trainee, supervisor = linked
    entry = create(trainee, supervisor)
    with pytest.raises(Forbidden):
        hours_services.practice_log_withdraw(actor=other_trainee, entry=entry)
    hours_services.practice_log_withdraw(actor=trainee, entry=entry)
    entry.refresh_from_db()
    assert entry.status == PracticeLog.Status.WITHDRAWN
    approved = create(trainee, supervisor)
    hours_services.practice_log_decide(actor=supervisor, entry=approved, approve=True)
    with pytest.raises(Conflict):
        hours_services.practice_log_withdraw(actor=trainee, entry=approved)
    with pytest.raises(Conflict):
        hours_services.practice_log_update(actor=trainee, entry=entry, hours=Decimal("1"))


def test_bulk_decision_is_all_or_nothing(linked):
    trainee, supervisor = linked
    mine = [create(trainee, supervisor, hours="1", day=yesterday() - timedelta(days=i)) for i in range(3)]
    other_trainee = TraineeFactory()
    other_supervisor = SupervisorFactory()
    assign(other_supervisor, other_trainee)
    theirs = create(other_trainee, other_supervisor)
    # Another supervisor's entry is answered like a missing one (ids reveal nothing).
    with pytest.raises(NotFound):
        hours_services.practice_logs_decide_bulk(
            actor=supervisor, entry_ids=[e.pk for e in mine] + [theirs.pk], approve=True
        )
    assert not PracticeLog.objects.approved().exists()
    done = hours_services.practice_logs_decide_bulk(
        actor=supervisor, entry_ids=[e.pk for e in mine], approve=True
    )
    assert len(done) == 3 and PracticeLog.objects.approved().count() == 3
    assert AuditEvent.objects.filter(action="practice_log.approved").count() == 3


# --- CSV import -----------------------------------------------------------------------------------


def _csv(*rows):
    header = "trainee_email,date,hours,kind,supervisor_email,domain,status\n"
    return (header + "\n".join(rows) + "\n").encode()


def test_import_hours_all_or_nothing_with_row_errors(linked, program_admin):
    trainee, supervisor = linked
    d = yesterday().isoformat()
    future = (timezone.localdate() + timedelta(days=3)).isoformat()
    data = _csv(
        f"{trainee.email},{d},3,practice,{supervisor.email},advocacy,approved",
        f"{trainee.email},{future},3,practice,{supervisor.email},,approved",
        f"nobody@example.org,{d},1,practice,{supervisor.email},,",
        f"{trainee.email},{d},0,practice,{supervisor.email},,",
        f"{trainee.email},{d},2,meeting,{supervisor.email},,",
        f"{trainee.email},not-a-date,2,practice,{supervisor.email},,",
        f"{trainee.email},{d},22,practice,{supervisor.email},,",  # 3 + 22 > 24 that day
    )
    report = hours_imports.practice_logs_import_csv(actor=program_admin, data=data)
    assert report.created == 0
    assert [line for line, _ in report.errors] == [3, 4, 5, 6, 7, 8]
    assert "future" in report.errors[0][1]
    assert "24 hours" in report.errors[5][1]
    assert not PracticeLog.objects.exists()


def test_import_hours_success(linked, program_admin):
    trainee, supervisor = linked
    d = (yesterday() - timedelta(days=400)).isoformat()
    report = hours_imports.practice_logs_import_csv(
        actor=program_admin,
        data=_csv(
            f"{trainee.email.upper()},{d},3.25,practice,{supervisor.email},advocacy,approved",
            f"{trainee.email},{d},1,supervision,{supervisor.email},,pending",
        ),
    )
    assert report.ok and report.created == 2
    approved = PracticeLog.objects.get(kind=P)
    assert approved.status == PracticeLog.Status.APPROVED and approved.source == PracticeLog.Source.IMPORTED
    assert approved.hours == Decimal("3.25") and approved.domain.slug == "advocacy"
    assert AuditEvent.objects.filter(action="practice_log.imported", details={"rows": 2}).exists()


def test_import_hours_bad_header_and_permission(linked, program_admin, instructor):
    with pytest.raises(Invalid):
        hours_imports.practice_logs_import_csv(actor=program_admin, data=b"email,date\nx,y\n")
    with pytest.raises(Forbidden):
        hours_imports.practice_logs_import_csv(actor=instructor, data=_csv())
    with pytest.raises(Invalid):
        hours_imports.practice_logs_import_csv(actor=program_admin, data=b"\xff\xfe\x00bad")

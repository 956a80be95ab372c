"""Reads for hours and supervision. Access rules live here so pages and API answer the same way: an
entry a person may not see is "not found"."""

from __future__ import annotations

from django.db.models import BooleanField, Case, Count, Exists, OuterRef, Prefetch, Q, Sum, When
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from certificates.eligibility.labels import fmt_hours
from certificates.programs.models import ProgramEnrollment, Requirement
from lms import roles
from lms.errors import NotFound
from lms.models import User

from .models import PracticeLog, SupervisorAssignment, SupervisorQualification

ERR_ENTRY_NOT_FOUND = gettext_noop("No such entry.")


def practice_logs_for_trainee(*, trainee, status: str | None = None):
    """The trainee's entries, newest first (the (trainee, date) index serves the order; pk breaks
    ties so a page never repeats or skips a row)."""
    qs = (
        PracticeLog.objects.filter(trainee=trainee)
        .select_related("trainee", "domain", "supervisor", "decided_by")
        .order_by("-date", "-pk")
    )
    if status:
        qs = qs.filter(status=status)
    return qs


def practice_hours_totals(*, trainee) -> dict[str, dict[str, str]]:
    """{kind: {status: hours}} for the trainee's log page."""
    rows = PracticeLog.objects.filter(trainee=trainee).values("kind", "status").annotate(total=Sum("hours"))
    out: dict[str, dict[str, str]] = {}
    for row in rows:
        out.setdefault(row["kind"], {})[row["status"]] = fmt_hours(row["total"])
    return out


def supervisors_for_trainee(*, trainee):
    return User.objects.filter(supervisees__trainee=trainee, supervisees__is_active=True).distinct()


def supervisees_for(*, supervisor):
    return (
        User.objects.filter(supervisors__supervisor=supervisor, supervisors__is_active=True)
        .annotate(
            pending_count=Count(
                "practice_logs",
                filter=Q(
                    practice_logs__status=PracticeLog.Status.PENDING, practice_logs__supervisor=supervisor
                ),
            )
        )
        .distinct()
    )


def qualification_flags(qs):
    """Annotate entries with `supervisor_qualified` (their supervisor held a valid credential on the
    entry's date, as recorded) and `qualification_required` (a program the trainee works toward, under
    their version, counts only hours signed off by a qualified supervisor)."""
    valid = SupervisorQualification.objects.filter(
        supervisor_id=OuterRef("supervisor_id"), valid_from__lte=OuterRef("date")
    ).filter(Q(expires_on__isnull=True) | Q(expires_on__gte=OuterRef("date")))

    def required(kinds):
        return Exists(
            ProgramEnrollment.objects.filter(
                user_id=OuterRef("trainee_id"),
                version__requirements__qualified_supervisor=True,
                version__requirements__kind__in=kinds,
            )
        )

    Kind = Requirement.Kind
    return qs.annotate(
        supervisor_qualified=Exists(valid),
        qualification_required=Case(
            When(kind=PracticeLog.Kind.SUPERVISION, then=required([Kind.SUPERVISION_HOURS])),
            default=required([Kind.PRACTICE_HOURS, Kind.DIRECT_PRACTICE_HOURS]),
            output_field=BooleanField(),
        ),
    )


def qualifications_for(*, supervisor):
    return SupervisorQualification.objects.filter(supervisor=supervisor).order_by("-valid_from", "-pk")


def supervisors_with_qualifications():
    """Everyone with the supervisor role, with their recorded credentials (two queries a page)."""
    return (
        User.objects.filter(groups__name=roles.SUPERVISOR)
        .prefetch_related(
            Prefetch(
                "supervisor_qualifications",
                queryset=SupervisorQualification.objects.order_by("-valid_from", "-pk"),
            )
        )
        .order_by("full_name", "email", "pk")
        .distinct()
    )


def supervisor_queue_entries(*, supervisor, trainee_id: int | None = None, kind: str | None = None):
    """Pending entries addressed to `supervisor` by trainees they currently supervise, optionally of
    one trainee and one kind, in the queue's order. The one definition of "the supervisor's queue":
    the page lists it and "decide all matching" re-selects it (hours.services)."""
    qs = PracticeLog.objects.pending().filter(
        supervisor=supervisor,
        trainee__supervisors__supervisor=supervisor,
        trainee__supervisors__is_active=True,
    )
    if trainee_id:
        qs = qs.filter(trainee_id=trainee_id)
    if kind:
        qs = qs.filter(kind=kind)
    return qs.order_by("trainee__full_name", "date", "pk")


def supervisor_queue(*, supervisor, trainee_id: int | None = None, kind: str | None = None):
    """The supervisor's queue (see supervisor_queue_entries) with what a row shows, each flagged
    when the trainee's program needs a qualified supervisor for that kind of hours and none was on
    record for its date."""
    return qualification_flags(
        supervisor_queue_entries(supervisor=supervisor, trainee_id=trainee_id, kind=kind).select_related(
            "trainee", "supervisor", "domain"
        )
    )


def flag_entries(entries: list[PracticeLog]) -> list[PracticeLog]:
    """Set the qualification_flags on already loaded entries (one query for the lot): a page of the
    queue is read first, and only its rows are flagged, never the whole queue before sorting."""
    flags = {
        pk: (qualified, required)
        for pk, qualified, required in qualification_flags(
            PracticeLog.objects.filter(pk__in=[e.pk for e in entries])
        ).values_list("pk", "supervisor_qualified", "qualification_required")
    }
    for entry in entries:
        entry.supervisor_qualified, entry.qualification_required = flags.get(entry.pk, (False, False))
    return entries


def supervisor_decided(*, supervisor, limit: int = 50):
    return (
        PracticeLog.objects.filter(decided_by=supervisor)
        .select_related("trainee", "domain")
        .order_by("-decided_at")[:limit]
    )


def practice_log_for_actor(*, actor, pk: int) -> PracticeLog:
    """The entry if `actor` is its trainee, its supervisor (currently assigned) or a program
    administrator; otherwise NotFound (we don't confirm that it exists)."""
    entry = PracticeLog.objects.select_related("trainee", "supervisor", "domain").filter(pk=pk).first()
    if entry is None or not can_see_entry(actor, entry):
        raise NotFound(_(ERR_ENTRY_NOT_FOUND))
    return entry


def can_see_entry(actor, entry) -> bool:
    """Its trainee, its currently assigned supervisor, or a program administrator."""
    if not actor.is_authenticated:
        return False
    if entry.trainee_id == actor.pk or roles.is_program_admin(actor):
        return True
    return (
        entry.supervisor_id == actor.pk
        and SupervisorAssignment.objects.filter(
            supervisor=actor, trainee_id=entry.trainee_id, is_active=True
        ).exists()
    )

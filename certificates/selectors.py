"""Reads for programs, hours, supervision, recovery and the cohort report. Access rules live here so
pages and API answer the same way: a record a person may not see is "not found"."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from lms import roles
from lms.errors import Forbidden, NotFound
from lms.models import User

from .eligibility import Eligibility, eligibility_for_users, fmt_hours
from .models import (
    CredentialProgram,
    ExternalTraining,
    PracticeLog,
    ProgramEnrollment,
    RecoveryAttestation,
    SupervisorAssignment,
)

ERR_PROGRAM_NOT_FOUND = gettext_noop("No such program.")
ERR_ENTRY_NOT_FOUND = gettext_noop("No such entry.")


# --- Programs -------------------------------------------------------------------------------------


def programs_list(*, user=None, include_inactive: bool = False):
    qs = CredentialProgram.objects.all()
    if not (include_inactive and roles.is_program_admin(user)):
        qs = qs.active()
    return qs.prefetch_related("versions__requirements__course", "versions__requirements__domain")


def program_get(*, slug: str, user=None) -> CredentialProgram:
    program = programs_list(user=user, include_inactive=True).filter(slug=slug).first()
    if program is None:
        raise NotFound(_(ERR_PROGRAM_NOT_FOUND))
    return program


def program_enrollments_for_user(*, user) -> list[ProgramEnrollment]:
    if not user.is_authenticated:
        return []
    return list(ProgramEnrollment.objects.filter(user=user).select_related("program", "version__program"))


@dataclass
class ProgramProgress:
    enrollment: ProgramEnrollment
    eligibility: Eligibility


def my_eligibility(*, user, on: date | None = None) -> list[ProgramProgress]:
    """The trainee's own checklist for every program they work toward (full detail: it's theirs)."""
    out = []
    for enrollment in program_enrollments_for_user(user=user):
        [elig] = eligibility_for_users(users=[user], version=enrollment.version, on=on)
        out.append(ProgramProgress(enrollment=enrollment, eligibility=elig))
    return out


# --- Hours ----------------------------------------------------------------------------------------


def practice_logs_for_trainee(*, trainee, status: str | None = None):
    qs = PracticeLog.objects.filter(trainee=trainee).select_related("domain", "supervisor", "decided_by")
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


def supervisor_queue(*, supervisor):
    """Pending entries addressed to `supervisor` by trainees they currently supervise."""
    return (
        PracticeLog.objects.pending()
        .filter(
            supervisor=supervisor,
            trainee__supervisors__supervisor=supervisor,
            trainee__supervisors__is_active=True,
        )
        .select_related("trainee", "domain")
        .order_by("trainee__full_name", "date", "pk")
    )


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
    if entry is None or not _can_see_entry(actor, entry):
        raise NotFound(_(ERR_ENTRY_NOT_FOUND))
    return entry


def _can_see_entry(actor, entry) -> bool:
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


# --- Recovery (owner only: staff reads go through services.recovery_attestation_read_for_staff) ----


def recovery_attestation_own(*, user) -> RecoveryAttestation | None:
    if not user.is_authenticated:
        return None
    return RecoveryAttestation.objects.current().filter(user=user).first()


def recovery_history_own(*, user):
    if not user.is_authenticated:
        return RecoveryAttestation.objects.none()
    return RecoveryAttestation.objects.filter(user=user).order_by("-attested_at", "-pk")


# --- Training taken elsewhere ---------------------------------------------------------------------


def external_trainings_for(*, user):
    return ExternalTraining.objects.filter(user=user).prefetch_related("hours__domain")


def external_training_for_actor(*, actor, pk: int) -> ExternalTraining:
    training = ExternalTraining.objects.filter(pk=pk).first()
    if training is None or not (training.user_id == actor.pk or roles.is_program_admin(actor)):
        raise NotFound(_("No such record."))
    return training


# --- Cohort ---------------------------------------------------------------------------------------


@dataclass
class CohortRow:
    enrollment: ProgramEnrollment
    eligibility: Eligibility  # redacted: no recovery dates or months


def cohort_for_program(*, actor, program: CredentialProgram, on: date | None = None) -> list[CohortRow]:
    """Everyone working toward `program`, evaluated against their own version, for a program
    administrator. Results are redacted (recovery: met / not met only). A constant number of queries
    per version, whatever the cohort size."""
    if not roles.is_program_admin(actor):
        raise Forbidden(_("Only program administrators can see a cohort."))
    enrollments = list(
        ProgramEnrollment.objects.filter(program=program)
        .select_related("user", "program", "version__program")
        .order_by("user__full_name", "user__email")
    )
    by_version: dict[int, list[ProgramEnrollment]] = {}
    for e in enrollments:
        by_version.setdefault(e.version_id, []).append(e)
    evaluated: dict[int, Eligibility] = {}
    for group in by_version.values():
        results = eligibility_for_users(users=[e.user for e in group], version=group[0].version, on=on)
        for e, elig in zip(group, results, strict=True):
            evaluated[e.pk] = elig.redacted()
    return [CohortRow(enrollment=e, eligibility=evaluated[e.pk]) for e in enrollments]


def cohort_has_recovery_requirement(rows: list[CohortRow]) -> bool:
    return any(r.is_sensitive for row in rows for r in row.eligibility.results)


class _Echo:
    def write(self, value):
        return value


def cohort_csv_lines(*, rows: list[CohortRow]) -> Iterator[str]:
    """The cohort as CSV lines, for a streamed download. Recovery appears only as met / not met."""
    writer = csv.writer(_Echo())
    yield writer.writerow(
        [
            "name",
            "email",
            "program",
            "version",
            "eligible",
            "requirements_met",
            "requirements_total",
            "missing",
        ]
    )
    for row in rows:
        elig = row.eligibility
        missing = "; ".join(f"{r.label}: {r.missing}" for r in elig.unmet)
        yield writer.writerow(
            [
                _csv_safe(row.enrollment.user.full_name),
                _csv_safe(row.enrollment.user.email),
                row.enrollment.program.slug,
                row.enrollment.version.label,
                "yes" if elig.eligible else "no",
                elig.met_count,
                len(elig.results),
                _csv_safe(missing),
            ]
        )


def _csv_safe(value: str) -> str:
    """Neutralise spreadsheet formulas in user-controlled cells."""
    value = str(value or "")
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def today() -> date:
    return timezone.localdate()

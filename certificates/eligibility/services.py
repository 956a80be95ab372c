"""Staff reads of eligibility that must be audited: a program administrator's view of one trainee, and
of a program's whole cohort (page, CSV and API alike). The audit records that recovery status was
seen, never a date."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from certificates.permissions import require_program_admin
from certificates.programs.models import CredentialProgram, ProgramVersion
from certificates.recovery.services import recovery_status_reads_record
from lms.audit import audit_record

from .cohort import CohortRow, cohort_for_program, cohort_has_recovery_requirement
from .engine import Eligibility, eligibility_for, redact_result


def eligibility_read_for_staff(
    *, actor, user, version: ProgramVersion, on: date | None = None
) -> Eligibility:
    """A program administrator's full view of one trainee's eligibility (recovery dates included when
    the program has a recovery requirement); the read is audited, without the date. A minimum-age row
    says only met / not met: the date of birth is read on request, audited on its own
    (applicant.services.applicant_details_read_for_staff)."""
    require_program_admin(actor)
    elig = eligibility_for(user=user, version=version, on=on)
    elig = replace(elig, results=[redact_result(r) if r.is_personal else r for r in elig.results])
    if any(r.is_sensitive for r in elig.results):
        audit_record(
            actor=actor,
            action="recovery.status_read_by_staff",
            target=version,
            subject=user,
            details={"context": "trainee eligibility"},
        )
    return elig


def cohort_read_for_staff(
    *, actor, program: CredentialProgram, context: str, on: date | None = None
) -> list[CohortRow]:
    """Everyone working toward `program`, for a program administrator (redacted: recovery as met / not
    met). When the program has a recovery requirement, one audit event per trainee records that their
    recovery status was seen, with `context` saying where (cohort page, cohort csv, cohort api)."""
    rows = cohort_for_program(actor=actor, program=program, on=on)
    if cohort_has_recovery_requirement(rows):
        recovery_status_reads_record(actor=actor, users=[r.enrollment.user for r in rows], context=context)
    return rows

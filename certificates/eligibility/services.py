"""Staff reads of eligibility that must be audited: a program administrator's view of one trainee (one
event per read), and of a program's cohort: one event per read of the page, the CSV or the API (who,
which program, how many trainees, where, with which filter), never one per trainee. The audit records
that recovery status was seen, never a date."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from certificates.permissions import require_program_admin
from certificates.programs.models import CredentialProgram, ProgramVersion
from lms.audit import audit_record

from .cohort import Cohort, CohortFilter, CohortPage, CohortRow
from .engine import Eligibility, eligibility_for_versions, redact_result

RECOVERY_READ = "recovery.status_read_by_staff"
COHORT_PAGE, COHORT_CSV, COHORT_API = "cohort page", "cohort csv", "cohort api"


def eligibility_read_for_staff(
    *, actor, user, version: ProgramVersion, on: date | None = None
) -> Eligibility:
    """A program administrator's full view of one trainee's eligibility (recovery dates included when
    the program has a recovery requirement); the read is audited, without the date. A minimum-age row
    says only met / not met: the date of birth is read on request, audited on its own
    (applicant.services.applicant_details_read_for_staff)."""
    [elig] = eligibilities_read_for_staff(actor=actor, user=user, versions=[version], on=on)
    return elig


def eligibilities_read_for_staff(*, actor, user, versions, on: date | None = None) -> list[Eligibility]:
    """eligibility_read_for_staff for each of `versions` (the trainee's file: every program they work
    toward), evaluated in one pass; a read that shows any recovery requirement is audited once, naming
    those programs."""
    require_program_admin(actor)
    versions = list(versions)
    out, read = [], []
    for version, elig in zip(
        versions, eligibility_for_versions(user=user, versions=versions, on=on), strict=True
    ):
        elig = replace(elig, results=[redact_result(r) if r.is_personal else r for r in elig.results])
        if any(r.is_sensitive for r in elig.results):
            read.append(version)
        out.append(elig)
    if read:
        # One event for the read, naming every program whose recovery row it showed.
        audit_record(
            actor=actor,
            action=RECOVERY_READ,
            target=user,
            subject=user,
            details={
                "context": "trainee eligibility",
                "programs": [v.program.slug for v in read],
                "versions": [v.pk for v in read],
            },
        )
    return out


def _audit_cohort_read(*, actor, cohort: Cohort, context: str, trainees: int, **extra) -> None:
    if not cohort.has_recovery_requirement:
        return
    details = {"context": context, "program": cohort.program.slug, "trainees": trainees, **extra}
    if cohort.filters.query():
        details["filter"] = cohort.filters.query()
    audit_record(actor=actor, action=RECOVERY_READ, target=cohort.program, details=details)


def cohort_page_for_staff(
    *,
    actor,
    program: CredentialProgram,
    page=None,
    filters: CohortFilter | None = None,
    on: date | None = None,
) -> tuple[Cohort, CohortPage]:
    """One page of the cohort (redacted: recovery as met / not met) for a program administrator. When
    the program has a recovery requirement, one audit event records the read: how many trainees the
    page showed."""
    cohort = Cohort(actor=actor, program=program, on=on, filters=filters)
    result = cohort.page(page)
    _audit_cohort_read(actor=actor, cohort=cohort, context=COHORT_PAGE, trainees=len(result.rows))
    return cohort, result


def cohort_export_for_staff(
    *, actor, program: CredentialProgram, filters: CohortFilter | None = None, on: date | None = None
):
    """The whole cohort as a stream of rows, for the CSV. The read is audited once, before the first
    row, with the number of trainees evaluated for it."""
    cohort = Cohort(actor=actor, program=program, on=on, filters=filters)
    _audit_cohort_read(actor=actor, cohort=cohort, context=COHORT_CSV, trainees=cohort.count())
    return cohort.rows()


def cohort_slice_for_staff(*, actor, cohort: Cohort, key: slice) -> list[CohortRow]:
    """A slice of the cohort's enrolments, evaluated (the API's page), audited once."""
    rows = cohort.evaluate(cohort.enrollments[key])
    _audit_cohort_read(actor=actor, cohort=cohort, context=COHORT_API, trainees=len(rows))
    return rows

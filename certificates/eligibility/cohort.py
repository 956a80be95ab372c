"""The cohort report: everyone working toward a program, each evaluated against their own version,
redacted for staff (recovery as met / not met), as a page or a streamed CSV. Staff reads go through
eligibility.services.cohort_read_for_staff, which audits them."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from certificates.permissions import require_program_admin
from certificates.programs.models import CredentialProgram, ProgramEnrollment

from .engine import Eligibility, eligibility_for_users


@dataclass
class CohortRow:
    enrollment: ProgramEnrollment
    eligibility: Eligibility  # redacted: no recovery dates or months


def cohort_for_program(*, actor, program: CredentialProgram, on: date | None = None) -> list[CohortRow]:
    """Everyone working toward `program`, evaluated against their own version, for a program
    administrator. Results are redacted (recovery: met / not met only). A constant number of queries
    per version, whatever the cohort size."""
    require_program_admin(actor)
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

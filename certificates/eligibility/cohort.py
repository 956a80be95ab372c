"""The cohort report: everyone working toward a program, each evaluated against their own version,
redacted for staff (recovery and minimum age as met / not met), as a page (50 people, with filters)
or a streamed CSV. Staff reads go through eligibility.services, which audits them once per read.

Order: the trainee's name, then email, then id (stable across pages and in the CSV). Costs: a page
without an eligibility filter reads only its 50 people; a filtered page and the CSV evaluate the
whole cohort, streamed trainee by trainee through one query per kind of fact (eligibility.loads), so
neither the number of queries nor the memory grows with the cohort."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date

from django.core.paginator import Paginator
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from certificates.permissions import require_program_admin
from certificates.programs.models import CredentialProgram, ProgramEnrollment, ProgramVersion, Requirement
from lms.csvexport import csv_safe as _csv_safe
from lms.pagination import page_number
from lms.search import search_text

from . import loads
from .engine import Eligibility, Pass

PER_PAGE = 50
ELIGIBLE = "eligible"
NOT_ELIGIBLE = "not_eligible"
STATUSES = (ELIGIBLE, NOT_ELIGIBLE)


@dataclass(frozen=True)
class CohortFilter:
    """What the administrator narrowed the cohort to (?status=, ?missing=<requirement id>, ?q=).
    Anything unknown is ignored, never an error: a bad link still shows the cohort."""

    status: str = ""
    missing: int | None = None
    q: str = ""

    @classmethod
    def from_query(cls, params) -> CohortFilter:
        status = params.get("status", "")
        missing = str(params.get("missing", "")).strip()
        return cls(
            status=status if status in STATUSES else "",
            missing=int(missing) if missing.isdigit() and len(missing) < 10 else None,
            q=search_text(params.get("q")),
        )

    @property
    def needs_evaluation(self) -> bool:
        """Whether finding the matching people means evaluating everyone."""
        return bool(self.status or self.missing)

    def matches(self, elig: Eligibility) -> bool:
        if self.status == ELIGIBLE and not elig.eligible:
            return False
        if self.status == NOT_ELIGIBLE and elig.eligible:
            return False
        if self.missing is not None:
            return any(r.requirement.pk == self.missing for r in elig.unmet)
        return True

    def query(self) -> dict[str, str]:
        out = {"status": self.status, "missing": str(self.missing or ""), "q": self.q}
        return {k: v for k, v in out.items() if v}


@dataclass
class CohortRow:
    enrollment: ProgramEnrollment
    eligibility: Eligibility  # redacted: no recovery dates or months, no birthday


@dataclass
class CohortPage:
    rows: list[CohortRow]
    count: int  # people matching the filter
    number: int
    num_pages: int
    per_page: int = PER_PAGE
    requirements: list = field(default_factory=list)  # every row of every version, for the filter

    @property
    def start(self) -> int:
        return (self.number - 1) * self.per_page + 1 if self.rows else 0

    @property
    def end(self) -> int:
        return self.start + len(self.rows) - 1 if self.rows else 0


def cohort_enrollments(*, program: CredentialProgram, q: str = ""):
    """The program's enrolments in the report's order, narrowed by a name or email search."""
    qs = ProgramEnrollment.objects.filter(program=program)
    if q:
        qs = qs.filter(Q(user__full_name__icontains=q) | Q(user__email__icontains=q))
    return qs.select_related("user", "version").order_by("user__full_name", "user__email", "user_id")


class Cohort:
    """One read of a program's cohort on a date (default: the site's today, with hours waiting for
    approval shown), for a program administrator."""

    def __init__(self, *, actor, program: CredentialProgram, on: date | None = None, filters=None):
        require_program_admin(actor)
        self.program = program
        self.filters = filters or CohortFilter()
        self.enrollments = cohort_enrollments(program=program, q=self.filters.q)
        versions = list(ProgramVersion.objects.filter(program=program).order_by("effective_date", "pk"))
        for version in versions:
            version.program = program  # the rows and the CSV name it: no query per version
        self.batch = Pass(versions, on or timezone.localdate(), include_pending=on is None)

    @property
    def requirements(self) -> list:
        """(requirement, label, version) for every row of every version: the 'missing' filter."""
        return [
            (row.req, row.label, self.batch.versions[row.req.version_id])
            for rows in self.batch.rows.values()
            for row in rows
        ]

    @property
    def has_recovery_requirement(self) -> bool:
        return any(r.kind == Requirement.Kind.RECOVERY_MONTHS for r in self.batch.needs.requirements)

    def count(self) -> int:
        return self.enrollments.count()

    def _row(self, enrollment, facts) -> CohortRow:
        enrollment.version.program = self.program
        elig = self.batch.evaluate(enrollment.user, enrollment.version_id, facts, redact=True)
        return CohortRow(enrollment=enrollment, eligibility=elig)

    def evaluate(self, enrollments) -> list[CohortRow]:
        """These enrolments (a page, an API slice), evaluated together."""
        enrollments = list(enrollments)
        facts = self.batch.load([e.user for e in enrollments])
        return [self._row(e, facts[e.user_id]) for e in enrollments]

    def rows(self) -> Iterator[CohortRow]:
        """Everyone matching the filter, evaluated trainee by trainee (a stream)."""
        user_ids = self.enrollments.values("user_id")
        stream = loads.stream(
            needs=self.batch.needs,
            enrollments=self.enrollments.iterator(chunk_size=loads.CHUNK),
            user_ids=user_ids,
        )
        for enrollment, facts in stream:
            row = self._row(enrollment, facts)
            if self.filters.matches(row.eligibility):
                yield row

    def page(self, raw_number) -> CohortPage:
        """One page of 50 (a number that is not one is page 1; past the end, the last page)."""
        number = page_number(raw_number)
        if not self.filters.needs_evaluation:
            paginator = Paginator(self.enrollments, PER_PAGE)
            number = min(number, paginator.num_pages)
            rows = self.evaluate(paginator.page(number).object_list)
            return CohortPage(rows, paginator.count, number, paginator.num_pages)
        # Evaluate everyone (streamed), keeping only the page asked for, or the last one.
        count, wanted, last = 0, [], []
        first_index = (number - 1) * PER_PAGE
        for row in self.rows():
            if count % PER_PAGE == 0:
                last = []
            last.append(row)
            if first_index <= count < first_index + PER_PAGE:
                wanted.append(row)
            count += 1
        num_pages = max(1, -(-count // PER_PAGE))
        if number > num_pages:
            number, wanted = num_pages, last
        return CohortPage(wanted, count, number, num_pages)


class _Echo:
    def write(self, value):
        return value


# Column titles in words, translated: the file is opened by people, in a spreadsheet.
CSV_HEADER = [
    gettext_lazy("Name"),
    gettext_lazy("Email"),
    gettext_lazy("Program"),
    gettext_lazy("Version"),
    gettext_lazy("Eligible"),
    gettext_lazy("Requirements met"),
    gettext_lazy("Requirements in all"),
    gettext_lazy("Still missing"),
]


def cohort_csv_lines(*, rows) -> Iterator[str]:
    """The cohort as CSV lines, written as the rows come (a stream). Recovery appears only as met /
    not met."""
    writer = csv.writer(_Echo())
    yield writer.writerow([str(title) for title in CSV_HEADER])
    answer = {True: _("Yes"), False: _("No")}
    for row in rows:
        elig = row.eligibility
        missing = "; ".join(f"{r.label}: {r.missing}" for r in elig.unmet)
        yield writer.writerow(
            [
                _csv_safe(row.enrollment.user.full_name),
                _csv_safe(row.enrollment.user.email),
                _csv_safe(row.enrollment.version.program.name),
                _csv_safe(row.enrollment.version.label),
                answer[bool(elig.eligible)],
                elig.met_count,
                len(elig.results),
                _csv_safe(missing),
            ]
        )

"""What the eligibility engine knows about trainees on a date, and what a set of program versions
needs to know (Needs), so that one query per kind of fact serves every version at once: a trainee's
checklist across all their programs, or a whole cohort under several versions.

"As of" a date means the world as it was that day: a module counts from the day it was completed,
an hour from the day it was approved (and until an edit sent it back), a result or training taken
elsewhere from the day it was recorded, a signature from the day it was signed, and each attestation
(recovery, date of birth, education) as it stood that day. Every date here is the trainee's own
calendar date (their time zone), recorded when the thing happened.

Hours come back summed in the database, never row by row: by source, domain, delivery mode,
"directly supervised", "supervisor qualified" and window bucket, with the first and last day of each
group (all a spread of months needs). A window bucket says which "within N months" windows a fact
falls in (see Windows), so one grouped query serves every window the versions' rows name. The queries
themselves are in eligibility.loads."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import Case, IntegerField, Value, When

from certificates.programs.models import Requirement

from .months import add_months

ZERO = Decimal("0")
Kind = Requirement.Kind

LMS = "lms"
EXTERNAL = "external"


class Windows:
    """The "within N months" windows rows use, as of `on`. Window N starts on add_months(on, -N)
    (same day of the month, or the month's last day when shorter) and includes both that day and
    `on`. A fact's bucket is how many window starts are on or before its date, so a fact is inside
    the window whose start has rank r exactly when its bucket >= r (whatever other windows the set
    holds: ranks and buckets count the same starts)."""

    def __init__(self, on: date, months: set[int]):
        self.on = on
        self.starts = sorted({add_months(on, -m) for m in months})

    def start(self, months: int | None) -> date | None:
        return add_months(self.on, -months) if months else None

    def rank(self, months: int | None) -> int:
        if not months:
            return 0
        return self.starts.index(add_months(self.on, -months)) + 1

    def bucket(self, field_name: str):
        if not self.starts:
            return Value(0, output_field=IntegerField())
        whens = [
            When(**{f"{field_name}__gte": start}, then=Value(i + 1))
            for i, start in reversed(list(enumerate(self.starts)))
        ]
        return Case(*whens, default=Value(0), output_field=IntegerField())


@dataclass
class Needs:
    """What the requirement rows of one or more versions ask for, as of `on`: which facts to load and
    with which qualifiers. Built once per evaluation (eligibility.loads.needs_for)."""

    on: date
    include_pending: bool
    requirements: list[Requirement]
    windows: Windows
    kinds: set[str]
    external: bool  # some training row counts training taken elsewhere
    qualified: bool  # some hours row needs a qualified supervisor
    course_ids: set[int]
    exam_ids: set[int]
    pledges: dict[int, str]  # the codes of ethics in effect the rows name: pledge id -> version label


@dataclass(frozen=True)
class TrainingFact:
    source: str  # LMS or EXTERNAL
    domain_id: int | None
    mode: str
    bucket: int
    hours: Decimal


@dataclass(frozen=True)
class HoursFact:
    kind: str  # PracticeLog.Kind
    domain_id: int | None
    direct: bool
    qualified: bool
    bucket: int
    first: date | None  # the earliest and latest day of work in the group (for a spread of months)
    last: date | None
    hours: Decimal


@dataclass
class TraineeFacts:
    """One trainee's facts as of the evaluation date, for every version evaluated in the pass."""

    training: list[TrainingFact] = field(default_factory=list)
    approved: list[HoursFact] = field(default_factory=list)
    pending: list[HoursFact] = field(default_factory=list)
    courses_completed: dict[int, date] = field(default_factory=dict)  # course id -> completed on
    exams_passed: dict[int, date] = field(default_factory=dict)  # course id -> result released on
    outside_passed: dict[int, list[date]] = field(default_factory=dict)  # exam id -> dates taken
    pledges_signed: dict[int, date] = field(default_factory=dict)  # pledge id -> signed on
    birth_date: date | None = None
    education: str | None = None
    # Sensitive: only the engine reads it, and no result carries the date itself.
    recovery_start: date | None = None
    # (attested_at, pk) of the attestation in force, by kind (loads.RECOVERY, BIRTH, EDUCATION), even
    # when its value cannot be read: whether one was made at all.
    attested: dict[int, tuple] = field(default_factory=dict, repr=False)


def month_bounds(facts: list[HoursFact]) -> tuple[date, date] | None:
    """The first and last day of work among `facts` (None when there is none)."""
    firsts = [f.first for f in facts if f.first is not None]
    lasts = [f.last for f in facts if f.last is not None]
    return (min(firsts), max(lasts)) if firsts and lasts else None


def group_sum(items, predicate) -> Decimal:
    return sum((item.hours for item in items if predicate(item)), ZERO)


def by_domain(items) -> dict[int | None, Decimal]:
    out: dict[int | None, Decimal] = defaultdict(lambda: ZERO)
    for item in items:
        out[item.domain_id] += item.hours
    return dict(out)

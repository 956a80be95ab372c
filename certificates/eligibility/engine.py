"""The eligibility engine (a selector): evaluates a program version's requirement rows for one trainee
or a whole cohort on a date, and explains every result ("112 of 500 practice hours approved").

`eligibility_for_users` loads what it needs in a constant number of queries (eligibility.facts),
whatever the number of trainees and the length of their history; `eligibility_for` is the same for
one user, on their own "today" unless a date is given. What counts "as of" a date is explained in
eligibility.facts and docs/rules.md.

Recovery data is sensitive: results of kind `recovery_months` carry dates derived from the trainee's
recovery start date (the date itself is never stored on a result). Use `redacted()` before showing
results to anyone but the trainee and program administrators, and `snapshot()` (which never includes
recovery data, dates of birth or education) for what a certificate freezes.
"""

from __future__ import annotations

from datetime import date

from django.utils import timezone

from certificates.programs.models import ProgramVersion
from lms.timezones import local_today

from . import facts as F
from . import loads as L
from .results import Eligibility, RequirementResult, _texts, redact_result, snapshot
from .rows import _evaluate, _Row, _row

# Results and their redaction live in eligibility.results; callers import them from here too.
__all__ = [
    "Eligibility",
    "Pass",
    "RequirementResult",
    "eligibility_for",
    "eligibility_for_users",
    "eligibility_for_versions",
    "redact_result",
    "snapshot",
]


class Pass:
    """One evaluation of several versions on one date: their rows (labelled once) and what they need
    loaded (one query per kind of fact for all of them)."""

    def __init__(self, versions, on: date, include_pending: bool):
        self.versions = {v.pk: v for v in versions}
        self.on = on
        self.needs = L.needs_for(version_ids=self.versions, on=on, include_pending=include_pending)
        self.texts: dict[str, str] = {}
        self.rows: dict[int, list[_Row]] = {pk: [] for pk in self.versions}
        for req in self.needs.requirements:
            self.rows[req.version_id].append(_row(req, self.needs))

    def evaluate(self, user, version_id: int, facts: F.TraineeFacts, *, redact: bool = False) -> Eligibility:
        """`redact`: as Eligibility.redacted() (for staff lists)."""
        _texts.cache = self.texts
        try:
            results = [_evaluate(row, facts, self.on, self.needs) for row in self.rows[version_id]]
            if redact:
                results = [redact_result(r) for r in results]
        finally:
            _texts.cache = None
        return Eligibility(
            user=user,
            version=self.versions[version_id],
            evaluated_on=self.on,
            results=results,
            eligible=bool(results) and all(r.met for r in results),
            facts=facts,
        )

    def load(self, users) -> dict[int, F.TraineeFacts]:
        return L.load(needs=self.needs, users=users)


def eligibility_for_users(*, users, version: ProgramVersion, on: date | None = None) -> list[Eligibility]:
    """Evaluate `version` for every user on `on` in a constant number of queries, whatever the number
    of users and the size of their history. Without `on`: today on the site's calendar, with hours
    still waiting for approval shown. Results keep the order of `users`."""
    users = list(users)
    if not users:
        return []
    batch = Pass([version], on or timezone.localdate(), include_pending=on is None)
    facts = batch.load(users)
    return [batch.evaluate(user, version.pk, facts[user.pk]) for user in users]


def eligibility_for_versions(*, user, versions, on: date | None = None) -> list[Eligibility]:
    """One trainee under several versions (their checklist across programs) in one pass: the same
    number of queries for one program as for five. Default date: the trainee's own today, with hours
    waiting for approval shown. Results keep the order of `versions`."""
    versions = list(versions)
    if not versions:
        return []
    batch = Pass(versions, on or local_today(user), include_pending=on is None)
    facts = batch.load([user])[user.pk]
    return [batch.evaluate(user, v.pk, facts) for v in versions]


def eligibility_for(*, user, version: ProgramVersion, on: date | None = None) -> Eligibility:
    """Every requirement of `version` for `user` on `on` (default: the trainee's own today, in their
    time zone, with hours waiting for approval shown): met or not, current and required values, what
    is missing, and when a time-based one will be (or was) met. A version with no requirements makes
    nobody eligible."""
    [result] = eligibility_for_versions(user=user, versions=[version], on=on)
    return result

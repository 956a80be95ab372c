"""Eligibility: the engine that evaluates a program version's requirement rows for a trainee or a
cohort (engine), the month rule (months), how rows and figures read (labels), the cohort report
(cohort), audited reads by staff (services), and the checklist and cohort pages and API.

The names below are the package's public interface for the other concerns (issuing, seed, tests)."""

from .engine import Eligibility, RequirementResult, eligibility_for, eligibility_for_users, snapshot
from .labels import fmt_hours, requirement_label
from .months import add_months, month_span, months_between

__all__ = [
    "Eligibility",
    "RequirementResult",
    "add_months",
    "eligibility_for",
    "eligibility_for_users",
    "fmt_hours",
    "month_span",
    "months_between",
    "requirement_label",
    "snapshot",
]

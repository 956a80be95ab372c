"""API schemas for eligibility results. Recovery results reach staff redacted (met / not met only)."""

import datetime as dt

from ninja import Schema


class RequirementResultOut(Schema):
    requirement_id: int
    kind: str
    label: str
    met: bool
    current: str | None
    required: str | None
    unit: str
    missing: str
    met_on: dt.date | None
    progress_percent: int


class EligibilityOut(Schema):
    user_id: int
    user_name: str
    program: str
    version: str
    evaluated_on: dt.date
    eligible: bool
    results: list[RequirementResultOut]

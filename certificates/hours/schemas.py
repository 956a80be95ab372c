"""API schemas for practice and supervision hours and supervisors' decisions."""

import datetime as dt
from decimal import Decimal

from ninja import Field, Schema


class PracticeLogIn(Schema):
    date: dt.date
    hours: Decimal = Field(..., gt=0, le=24, decimal_places=2)
    kind: str = "practice"
    domain: str | None = Field(None, description="Domain slug")
    setting: str = Field("", max_length=200)
    description: str = Field("", max_length=2000)
    supervisor_id: int


class PracticeLogPatchIn(Schema):
    date: dt.date | None = None
    hours: Decimal | None = Field(None, gt=0, le=24, decimal_places=2)
    kind: str | None = None
    domain: str | None = None
    setting: str | None = Field(None, max_length=200)
    description: str | None = Field(None, max_length=2000)
    supervisor_id: int | None = None


class PracticeLogOut(Schema):
    id: int
    trainee_id: int
    trainee_name: str
    date: dt.date
    hours: Decimal
    kind: str
    domain: str | None
    setting: str
    description: str
    supervisor_id: int
    supervisor_name: str
    status: str
    possible_duplicate: bool
    decision_reason: str
    decided_at: dt.datetime | None


class DecisionIn(Schema):
    approve: bool
    reason: str = Field("", max_length=2000)


class BulkDecisionIn(DecisionIn):
    entry_ids: list[int]


class SupervisorOut(Schema):
    id: int
    name: str

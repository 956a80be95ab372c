"""API schemas for practice and supervision hours and supervisors' decisions."""

import datetime as dt
from decimal import Decimal

from ninja import Field, Schema

from lms.converters import Id


class PracticeLogIn(Schema):
    date: dt.date
    hours: Decimal = Field(..., gt=0, le=24, decimal_places=2)
    kind: str = "practice"
    domain: str | None = Field(None, description="Domain slug")
    setting: str = Field("", max_length=200)
    description: str = Field("", max_length=2000)
    supervisor_id: Id
    directly_supervised: bool = Field(
        False, description="Practice hours only: the supervisor was present (they confirm it when deciding)."
    )


class PracticeLogPatchIn(Schema):
    date: dt.date | None = None
    hours: Decimal | None = Field(None, gt=0, le=24, decimal_places=2)
    kind: str | None = None
    domain: str | None = None
    setting: str | None = Field(None, max_length=200)
    description: str | None = Field(None, max_length=2000)
    supervisor_id: Id | None = None
    directly_supervised: bool | None = None


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
    directly_supervised: bool = Field(..., description="As the trainee logged it.")
    direct_supervision_confirmed: bool | None = Field(
        ...,
        description="The supervisor's word on direct supervision when approving: true confirmed, false "
        "approved without it, null not decided (or not logged as directly supervised).",
    )
    status: str
    possible_duplicate: bool
    decision_reason: str
    decided_at: dt.datetime | None


class SupervisionQueueEntryOut(PracticeLogOut):
    """An entry in the supervisor's queue, with what their own credentials mean for it."""

    supervisor_qualified: bool = Field(
        ..., description="You held a recorded, valid qualification on the entry's date."
    )
    qualification_required: bool = Field(
        ..., description="A program the trainee works toward counts only hours from a qualified supervisor."
    )


class DecisionIn(Schema):
    approve: bool
    reason: str = Field("", max_length=2000)
    directly_supervised: bool | None = Field(
        None,
        description="For an entry logged as directly supervised: null confirms it as logged, false "
        "approves the hours without direct supervision.",
    )


class BulkDecisionIn(Schema):
    """Entries logged as directly supervised are confirmed as logged."""

    approve: bool
    reason: str = Field("", max_length=2000)
    entry_ids: list[Id]


class SupervisorOut(Schema):
    id: int
    name: str


class QualificationIn(Schema):
    credential: str = Field(..., max_length=200)
    number: str = Field(..., max_length=80)
    valid_from: dt.date
    expires_on: dt.date | None = Field(None, description="Empty: no expiry.")
    issued_by: str = Field("", max_length=200)
    notes: str = Field("", max_length=2000)


class QualificationPatchIn(Schema):
    credential: str | None = Field(None, max_length=200)
    number: str | None = Field(None, max_length=80)
    valid_from: dt.date | None = None
    expires_on: dt.date | None = Field(None, description="null: no expiry.")
    issued_by: str | None = Field(None, max_length=200)
    notes: str | None = Field(None, max_length=2000)


class QualificationOut(Schema):
    id: int
    supervisor_id: int
    credential: str
    number: str
    issued_by: str
    valid_from: dt.date
    expires_on: dt.date | None
    valid_today: bool = Field(..., description="Valid on today's date where the supervisor lives.")
    notes: str
    recorded_at: dt.datetime


class SupervisorQualificationsOut(Schema):
    id: int
    name: str
    email: str
    qualifications: list[QualificationOut]

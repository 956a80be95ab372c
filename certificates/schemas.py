"""API schemas for programs, eligibility, hours and recovery attestations. Fields are listed
explicitly: recovery data is sensitive and only RecoveryAttestationOut (the owner's own) carries it."""

import datetime as dt
from decimal import Decimal

from ninja import Field, Schema


class RequirementOut(Schema):
    id: int
    kind: str
    label: str = Field(..., description="Custom label, empty when the default wording is used.")
    course_slug: str | None = None
    course_title: str | None = None
    domain_slug: str | None = None
    hours: Decimal | None = None
    months: int | None = None
    min_spread_months: int | None = None
    allow_external: bool


class RenewalTopicMinimumOut(Schema):
    domain_slug: str | None = None
    topic: str
    hours: Decimal


class ProgramVersionOut(Schema):
    id: int
    label: str
    effective_date: dt.date
    validity_months: int
    grace_period_days: int
    renewal_ce_hours: Decimal
    renewal_cycle_months: int
    requirements: list[RequirementOut]
    renewal_topic_minimums: list[RenewalTopicMinimumOut]


class ProgramOut(Schema):
    slug: str
    name: str
    issuing_body: str
    description: str
    is_active: bool
    current_version: str | None = None
    versions: list[ProgramVersionOut]


class RequirementIn(Schema):
    kind: str
    course: str | None = Field(None, description="Course slug")
    domain: str | None = Field(None, description="Domain slug")
    hours: Decimal | None = None
    months: int | None = None
    min_spread_months: int | None = None
    allow_external: bool = False
    label: str = ""


class RenewalTopicMinimumIn(Schema):
    domain: str | None = None
    topic: str = ""
    hours: Decimal


class ProgramVersionIn(Schema):
    label: str
    effective_date: dt.date
    validity_months: int = 24
    grace_period_days: int = 0
    renewal_ce_hours: Decimal = Decimal("0")
    renewal_cycle_months: int = 24
    notes: str = ""
    requirements: list[RequirementIn] = []
    renewal_topic_minimums: list[RenewalTopicMinimumIn] = []


class PledgeIn(Schema):
    version_label: str
    effective_date: dt.date
    text: str


class ProgramIn(Schema):
    """The same shape as `manage.py export_program` writes (without the "format" marker)."""

    slug: str
    name: str
    issuing_body: str
    description: str = ""
    is_active: bool = True
    pledges: list[PledgeIn] = []
    versions: list[ProgramVersionIn] = []


class ProgramPatchIn(Schema):
    name: str | None = None
    issuing_body: str | None = None
    description: str | None = None
    is_active: bool | None = None


class ProgramEnrollmentOut(Schema):
    program: str
    version: str
    enrolled_at: dt.datetime


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


class RecoveryAttestationIn(Schema):
    recovery_start_date: dt.date
    typed_name: str = Field(..., max_length=200)
    confirmed: bool


class RecoveryAttestationOut(Schema):
    """The owner's own attestation: the only schema that carries the date."""

    id: int
    recovery_start_date: dt.date
    attested_at: dt.datetime
    is_current: bool
    statement: str


class RecoveryOut(Schema):
    current: RecoveryAttestationOut | None
    history: list[RecoveryAttestationOut]


class PledgeSignIn(Schema):
    typed_name: str = Field(..., max_length=200)


class PledgeSignatureOut(Schema):
    program: str
    pledge_version: str
    signed_at: dt.datetime


class SupervisorOut(Schema):
    id: int
    name: str


class ErrorOut(Schema):
    detail: str
    code: str

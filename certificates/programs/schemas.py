"""API schemas for credential programs, enrolment and the code of ethics. Fields are listed explicitly."""

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


class PledgeSignIn(Schema):
    typed_name: str = Field(..., max_length=200)


class PledgeSignatureOut(Schema):
    program: str
    pledge_version: str
    signed_at: dt.datetime

"""API schemas for credential programs, enrolment and the code of ethics. Fields are listed explicitly."""

import datetime as dt
from decimal import Decimal
from typing import Literal

from ninja import Field, Schema


class RequirementOut(Schema):
    id: int
    kind: str
    label: str = Field(..., description="Custom label, empty when the default wording is used.")
    text: str = Field(..., description="The row in words, as trainees read it.")
    course_slug: str | None = None
    course_title: str | None = None
    domain_slugs: list[str] = Field(..., description="None: any domain; several: any of them.")
    hours: Decimal | None = None
    months: int | None = None
    years: int | None = None
    min_spread_months: int | None = None
    within_months: int | None = None
    delivery_mode: str | None = None
    delivery_hours: Decimal | None = None
    allow_external: bool
    qualified_supervisor: bool
    exam_slug: str | None = None
    education_level: str | None = None


class ProgramExamOut(Schema):
    slug: str
    name: str
    passing_score: Decimal | None = None
    score_scale: str


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
    jurisdiction: str = Field("", description="Two-letter US state code; empty for a national credential.")
    description: str
    is_active: bool
    certificate_languages: str = Field(
        "en", description='"en", "es", "en+es" (bilingual) or "holder" (each holder\'s own language).'
    )
    current_version: str | None = None
    exams: list[ProgramExamOut]
    versions: list[ProgramVersionOut]


class ProgramPatchIn(Schema):
    name: str | None = None
    issuing_body: str | None = None
    jurisdiction: str | None = Field(None, max_length=2, description="Two-letter US state code, or empty.")
    description: str | None = None
    is_active: bool | None = None
    certificate_languages: Literal["en", "es", "en+es", "holder"] | None = None


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


class LibraryProgramOut(Schema):
    slug: str
    name: str
    issuing_body: str
    on_site: bool = Field(..., description="A program with this slug exists on the site.")

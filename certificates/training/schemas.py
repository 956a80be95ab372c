"""API schemas for results of exams a program's board runs itself. Fields are listed explicitly."""

import datetime as dt
from decimal import Decimal

from ninja import Field, Schema

from lms.converters import Id


class ExamResultIn(Schema):
    user_id: Id
    exam: str = Field(..., description="Short name (slug) of one of the program's exams.")
    taken_on: dt.date
    passed: bool
    score: Decimal | None = Field(None, description="As the board reported it, when it gives one.")
    notes: str = Field("", max_length=2000)


class ExamResultOut(Schema):
    id: int
    user_id: int
    user_name: str
    program: str
    exam: str
    exam_name: str
    taken_on: dt.date
    passed: bool
    score: Decimal | None
    notes: str
    has_evidence: bool
    recorded_at: dt.datetime
    recorded_on: dt.date


class ImportErrorLineOut(Schema):
    line: int
    message: str


class ExamResultsImportOut(Schema):
    created: int
    errors: list[ImportErrorLineOut]


class ExamResultsImportFailedOut(Schema):
    """Some rows were wrong: nothing was saved; `errors` lists every bad row (empty when the file
    itself could not be read)."""

    detail: str
    code: str
    created: int = 0
    errors: list[ImportErrorLineOut] = []

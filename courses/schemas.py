"""API schemas for the catalogue, enrolment and progress. Fields are listed explicitly: progress is
personal data, so nothing reaches a client by accident."""

from datetime import datetime

from ninja import Schema


class DomainOut(Schema):
    slug: str
    name: str


class CourseListOut(Schema):
    id: int
    title: str
    slug: str
    summary: str
    estimated_hours: float
    ce_eligible: bool
    domains: list[DomainOut]
    url: str


class PrerequisiteOut(Schema):
    id: int
    title: str
    completed: bool | None  # None for an anonymous caller


class ModuleOut(Schema):
    id: int
    position: int
    title: str
    slug: str
    estimated_minutes: int
    training_hours: float
    domain: DomainOut | None
    url: str
    state: str | None  # done / open / locked for an authenticated caller; None for anonymous


class EnrollmentOut(Schema):
    id: int
    course_id: int
    status: str
    enrolled_at: datetime
    completed_at: datetime | None


class CourseEnrollmentOut(EnrollmentOut):
    percent: int
    modules_done: int
    modules_total: int
    next_module_id: int | None


class CourseDetailOut(CourseListOut):
    audience: str
    instructors: list[str]
    prerequisites: list[PrerequisiteOut]
    modules: list[ModuleOut]
    enrollment: CourseEnrollmentOut | None


class ModuleCompletionOut(Schema):
    module_id: int
    course_id: int
    completed_at: datetime
    hours_credited: float
    domain: DomainOut | None
    revision_id: int | None
    course_completed: bool
    next_module_id: int | None


class DomainHoursOut(Schema):
    slug: str
    name: str
    hours: float


class NextStepOut(Schema):
    course_id: int
    course_title: str
    module_id: int
    module_title: str
    url: str


class ProgressEnrollmentOut(Schema):
    course_id: int
    course_title: str
    course_url: str
    status: str
    percent: int
    modules_done: int
    modules_total: int
    enrolled_at: datetime
    completed_at: datetime | None


class ProgressOut(Schema):
    enrollments: list[ProgressEnrollmentOut]
    hours_by_domain: list[DomainHoursOut]
    total_hours: float
    next_step: NextStepOut | None

"""Reads for the Wagtail admin: the dashboard's monthly activity figures."""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count, Q
from django.utils import timezone

from courses.models import Enrollment
from lms import roles


@dataclass(frozen=True)
class CourseActivity:
    course_id: int
    title: str
    enrolments: int
    completions: int


@dataclass(frozen=True)
class MonthActivity:
    month_start: datetime
    courses: list[CourseActivity]
    total_enrolments: int
    total_completions: int


def month_bounds(now: datetime | None = None) -> tuple[datetime, datetime]:
    """Start of this calendar month and of the next one, in the site's time zone."""
    now = timezone.localtime(now or timezone.now())
    start = now.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    if start.month == 12:
        end = start.replace(year=start.year + 1, month=1)
    else:
        end = start.replace(month=start.month + 1)
    return start, end


def monthly_activity(*, user, now: datetime | None = None) -> MonthActivity | None:
    """Enrolments started and courses completed this calendar month, per course and in total, in one
    query. Program administrators see every course; instructors see the courses they teach; anyone else
    gets None. Enrolments later withdrawn still count as enrolments made this month."""
    if roles.is_program_admin(user):
        scope = Enrollment.objects.all()
    elif roles.is_instructor(user):
        scope = Enrollment.objects.filter(course__instructors=user)
    else:
        return None
    start, end = month_bounds(now)
    enrolled = Q(enrolled_at__gte=start, enrolled_at__lt=end)
    completed = Q(completed_at__gte=start, completed_at__lt=end)
    rows = (
        scope.filter(enrolled | completed)
        .values("course_id", "course__title")
        .annotate(enrolments=Count("id", filter=enrolled), completions=Count("id", filter=completed))
        .order_by("course__title", "course_id")
    )
    courses = [
        CourseActivity(
            course_id=row["course_id"],
            title=row["course__title"],
            enrolments=row["enrolments"],
            completions=row["completions"],
        )
        for row in rows
    ]
    return MonthActivity(
        month_start=start,
        courses=courses,
        total_enrolments=sum(c.enrolments for c in courses),
        total_completions=sum(c.completions for c in courses),
    )

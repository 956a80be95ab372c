"""Reads about practice activities: a module's activities with the viewer's records, the role-plays
waiting for a partner, the attendance an instructor can confirm, and hours credited per domain. Each
takes a fixed number of queries whatever the number of activities, records or trainees."""

from __future__ import annotations

from dataclasses import dataclass

from lms import roles

from ..models import CoursePage, Enrollment, ModulePage
from .models import ActivityKind, ActivityRecord, ModuleActivity

TODO, WAITING, CONFIRMED, DECLINED = "todo", "waiting", "confirmed", "declined"


@dataclass
class ActivityRow:
    activity: ModuleActivity
    record: ActivityRecord | None = None  # the standing record (waiting or confirmed)
    declined: ActivityRecord | None = None  # the latest declined one, when none stands
    form: object = None  # the bound form of a failed attempt (views), else None

    @property
    def entry_form(self):
        """The form that records the activity: the refused one as typed, else a blank one."""
        if self.form is None:
            from .forms import ReflectionForm, RolePlayForm

            form_class = ReflectionForm if self.activity.kind == ActivityKind.REFLECTION else RolePlayForm
            self.form = form_class(activity=self.activity)
        return self.form

    @property
    def state(self) -> str:
        if self.record is not None:
            return CONFIRMED if self.record.status == ActivityRecord.Status.CONFIRMED else WAITING
        return DECLINED if self.declined is not None else TODO


def module_practice(*, module: ModulePage, enrollment: Enrollment | None, forms=None) -> list[ActivityRow]:
    """The module's activities in order, each with the enrolment's record of it. Two queries at most."""
    forms = forms or {}
    rows = [
        ActivityRow(activity=a, form=forms.get(a.pk)) for a in ModuleActivity.objects.filter(module=module)
    ]
    if enrollment is None or not rows:
        return rows
    by_id = {row.activity.pk: row for row in rows}
    records = (
        ActivityRecord.objects.filter(enrollment=enrollment, activity_id__in=list(by_id))
        .select_related("partner", "confirmed_by")
        .order_by("created_at", "pk")
    )
    for record in records:
        row = by_id[record.activity_id]
        if record.status == ActivityRecord.Status.DECLINED:
            row.declined = record
        else:
            row.record = record
    return rows


def confirmations_for(*, user):
    """Role-plays waiting for `user` to confirm or decline, oldest first."""
    return (
        ActivityRecord.objects.filter(partner=user, status=ActivityRecord.Status.WAITING)
        .select_related("enrollment__user", "enrollment__course", "activity__module")
        .order_by("created_at", "pk")
    )


def record_for_partner(*, user, record_id: int) -> ActivityRecord | None:
    """A role-play naming `user` as the partner (any status), or None: no one else sees it here."""
    if not getattr(user, "is_authenticated", False):
        return None
    return (
        ActivityRecord.objects.filter(pk=record_id, partner=user, activity__kind=ActivityKind.ROLE_PLAY)
        .select_related("enrollment__user", "enrollment__course", "activity__module")
        .first()
    )


def attendance_courses(*, user) -> list[CoursePage]:
    """Live courses with attendance activities whose attendance `user` may confirm: the courses they
    teach, or every one for a program administrator."""
    courses = CoursePage.objects.live().order_by("title")
    if not roles.is_program_admin(user):
        if not roles.is_instructor(user):
            return []
        courses = courses.filter(instructors=user)
    with_attendance = ModuleActivity.objects.filter(kind=ActivityKind.ATTENDANCE, module__live=True)
    paths = {p[: -ModulePage.steplen] for p in with_attendance.values_list("module__path", flat=True)}
    return [c for c in courses if c.path in paths]


@dataclass
class AttendanceRow:
    enrollment: Enrollment
    record: ActivityRecord | None  # the confirmation, once given
    key: str  # "<activity id>-<enrolment id>": the tick box's value


@dataclass
class AttendanceSheet:
    activity: ModuleActivity
    rows: list[AttendanceRow]

    @property
    def waiting(self) -> int:
        return sum(1 for row in self.rows if row.record is None)


def attendance_sheets(*, course: CoursePage) -> list[AttendanceSheet]:
    """Each attendance activity of the course's live modules with every active enrolment and whether
    its attendance is confirmed. Three queries."""
    activities = list(
        ModuleActivity.objects.filter(
            kind=ActivityKind.ATTENDANCE,
            module__live=True,
            module__path__startswith=course.path,
            module__depth=course.depth + 1,
        )
        .select_related("module")
        .order_by("module__path", "sort_order", "pk")
    )
    if not activities:
        return []
    enrollments = list(
        Enrollment.objects.active()
        .filter(course=course)
        .select_related("user")
        .order_by("user__full_name", "user__email")
    )
    records = (
        ActivityRecord.objects.standing()
        .filter(enrollment__course=course, activity__in=activities)
        .select_related("confirmed_by")
    )
    found = {(r.enrollment_id, r.activity_id): r for r in records}
    return [
        AttendanceSheet(
            activity=activity,
            rows=[
                AttendanceRow(
                    enrollment=e, record=found.get((e.pk, activity.pk)), key=f"{activity.pk}-{e.pk}"
                )
                for e in enrollments
            ],
        )
        for activity in activities
    ]

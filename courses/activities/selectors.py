"""Reads about practice activities: a module's activities with the viewer's records, the role-plays
waiting for a partner, the attendance an instructor can confirm, and hours credited per domain. Each
takes a fixed number of queries whatever the number of activities, records or trainees."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Prefetch
from django.utils.translation import get_language

from lms import roles
from lms.i18n.content import translated_language

from ..models import CoursePage, Enrollment, ModulePage
from .models import (
    ActivityKind,
    ActivityRecord,
    ModuleActivity,
    ModuleActivityTranslation,
)

TODO, WAITING, CONFIRMED, DECLINED = "todo", "waiting", "confirmed", "declined"


def with_translation(queryset, language: str | None, *, lookup: str = "translations"):
    """`queryset` with each activity's translation into `language` (default: the active language)
    fetched in one more query, for ModuleActivity.shown; unchanged for the default language.
    `lookup` reaches the activities' translations from the queryset's model."""
    code = translated_language(language or get_language())
    if code is None:
        return queryset
    translations = ModuleActivityTranslation.objects.filter(language=code)
    return queryset.prefetch_related(Prefetch(lookup, queryset=translations, to_attr="translated"))


def shown_in_language(activity: ModuleActivity, language: str | None = None):
    """What a reader of `language` (default: the active language) sees of one activity (`.title`,
    `.instructions`): its translation, else the activity. One query at most, for a single activity (a
    notice); lists use with_translation."""
    code = translated_language(language or get_language())
    if code is None:
        return activity
    return ModuleActivityTranslation.objects.filter(activity=activity, language=code).first() or activity


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


def module_practice(
    *, module: ModulePage, enrollment: Enrollment | None, forms=None, language: str | None = None
) -> list[ActivityRow]:
    """The module's activities in order, each with the enrolment's record of it, their text in
    `language` where translated (the English page passes the default language). Three queries at most."""
    forms = forms or {}
    activities = with_translation(ModuleActivity.objects.filter(module=module), language)
    rows = [ActivityRow(activity=a, form=forms.get(a.pk)) for a in activities]
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
    records = (
        ActivityRecord.objects.filter(partner=user, status=ActivityRecord.Status.WAITING)
        .select_related("enrollment__user", "enrollment__course", "activity__module")
        .order_by("created_at", "pk")
    )
    return with_translation(records, None, lookup="activity__translations")


def record_for_partner(*, user, record_id: int) -> ActivityRecord | None:
    """A role-play naming `user` as the partner (any status), or None: no one else sees it here."""
    if not getattr(user, "is_authenticated", False):
        return None
    records = ActivityRecord.objects.filter(
        pk=record_id, partner=user, activity__kind=ActivityKind.ROLE_PLAY
    ).select_related("enrollment__user", "enrollment__course", "activity__module")
    return with_translation(records, None, lookup="activity__translations").first()


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
    """Each attendance activity of the course's live modules (its text in the active language) with
    every active enrolment and whether its attendance is confirmed. Four queries at most."""
    activities = list(
        with_translation(
            ModuleActivity.objects.filter(
                kind=ActivityKind.ATTENDANCE,
                module__live=True,
                module__path__startswith=course.path,
                module__depth=course.depth + 1,
            )
            .select_related("module")
            .order_by("module__path", "sort_order", "pk"),
            None,
        )
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

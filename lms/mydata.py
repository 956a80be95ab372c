""" "Download my data": everything the academy keeps that a person wrote or earned, as one JSON
document for them alone (their profile, enrolments, module completions, practice activities and their
journal with instructors' replies). Every row is filtered by the signed-in person: no one else's entry,
reply thread or record can appear in it. A fixed number of queries; each download is audited."""

from __future__ import annotations

from django.db.models import Prefetch
from django.utils import timezone

from courses.activities.models import ActivityRecord
from courses.journal.models import JournalEntry, JournalReply
from courses.models import CoursePage, Enrollment, ModulePage, ModuleProgress

from . import roles
from .audit import audit_record

FORMAT = 1


def _when(value):
    return value.isoformat() if value else None


def _text(value):
    """Decrypted text; a value no key decrypts is said to be so rather than failing the download."""
    return None if value is None else str(value)


def _course_titles(paths: set[str]) -> dict[str, str]:
    return dict(CoursePage.objects.filter(path__in=paths).values_list("path", "title"))


def _journal(user) -> list[dict]:
    entries = list(
        JournalEntry.objects.filter(trainee=user)
        .select_related("module")
        .defer("module__body")
        .prefetch_related(
            Prefetch(
                "replies", queryset=JournalReply.objects.select_related("author").order_by("created_at", "pk")
            )
        )
        .order_by("module__path", "created_at", "pk")
    )
    titles = _course_titles({e.module.path[: -ModulePage.steplen] for e in entries})
    return [
        {
            "course": titles.get(e.module.path[: -ModulePage.steplen]),
            "module": e.module.title,
            "prompt": e.prompt,
            "text": _text(e.text),
            "written": _when(e.created_at),
            "last_changed": _when(e.updated_at),
            "shared_with_instructors": e.shared_with_instructors,
            "shared": _when(e.shared_at),
            "replies": [
                {
                    "from": r.author.get_full_name() if r.author else None,
                    "text": _text(r.text),
                    "written": _when(r.created_at),
                }
                for r in e.replies.all()
            ],
        }
        for e in entries
    ]


def personal_data(*, user) -> dict:
    enrollments = list(
        Enrollment.objects.filter(user=user).select_related("course").order_by("enrolled_at", "pk")
    )
    progress = (
        ModuleProgress.objects.filter(enrollment__user=user)
        .select_related("module", "domain", "enrollment__course")
        .defer("module__body")
        .order_by("completed_at", "pk")
    )
    activities = (
        ActivityRecord.objects.filter(enrollment__user=user)
        .select_related("activity__module", "partner", "domain")
        .order_by("created_at", "pk")
    )
    return {
        "format": FORMAT,
        "exported": _when(timezone.now()),
        "profile": {
            "email": user.email,
            "full_name": user.full_name,
            "preferred_name": user.preferred_name,
            "time_zone": user.time_zone,
            "joined": _when(user.date_joined),
            "roles": [role for role in roles.ALL_ROLES if roles.has_role(user, role)],
        },
        "enrolments": [
            {
                "course": e.course.title,
                "status": e.status,
                "enrolled": _when(e.enrolled_at),
                "completed": _when(e.completed_at),
                "completed_on": _when(e.completed_on),
            }
            for e in enrollments
        ],
        "module_completions": [
            {
                "course": p.enrollment.course.title,
                "module": p.module.title,
                "completed": _when(p.completed_at),
                "completed_on": _when(p.completed_on),
                "hours_credited": str(p.hours_credited),
                "domain": p.domain.name if p.domain else None,
                "delivery": p.delivery_mode,
            }
            for p in progress
        ],
        "practice_activities": [
            {
                "module": r.activity.module.title,
                "activity": r.activity.title,
                "kind": r.activity.kind,
                "status": r.status,
                "recorded": _when(r.created_at),
                "credited_on": _when(r.recorded_on),
                "hours": str(r.hours),
                "partner": r.partner.get_full_name() if r.partner else None,
                "reflection": _text(r.reflection),
            }
            for r in activities
        ],
        "journal": _journal(user),
    }


def export_personal_data(*, user) -> dict:
    """The person's data (personal_data), the download audited (counts only, never content)."""
    data = personal_data(user=user)
    audit_record(
        actor=user,
        action="personal_data.exported",
        target=user,
        subject=user,
        details={
            "enrolments": len(data["enrolments"]),
            "journal_entries": len(data["journal"]),
            "practice_activities": len(data["practice_activities"]),
        },
    )
    return data

"""The demo's practice activities, recorded through the services as people would: Jordan
(`trainee_eligible`) has written every reflection, done every role-play with the demo instructor (who
confirmed each) and attended every session (confirmed by the instructor); Alex (`trainee`) has logged
the first role-play of their course with Jordan, waiting in Jordan's notifications. Idempotent."""

from __future__ import annotations

from django.db import transaction

from lms.errors import DomainError

from ..models import Enrollment
from . import services
from .models import ActivityKind, ActivityRecord, ModuleActivity

# One demo text serves every prompt (the longest asks for 250 words); it says it is a demo.
DEMO_REFLECTION = " ".join(
    """(A demo reflection, written for the sample data.) When I started this course I thought being a peer
    worker meant telling people what worked for me. Reading this module and practising it showed me something
    different. The most useful thing I can bring is attention: listening long enough that the other person
    hears their own words, and asking what they want before I offer anything. I noticed how often I want to
    fix things. In my own recovery the people who helped most were the ones who stayed curious and did not
    rush me, and I want to be that for someone else. I also thought about the limits of my role. There are
    moments when the right thing is to bring in a clinician, a crisis line or my supervisor, and doing that
    is not a failure of peer support; it is part of it. I want to be honest about what I know and what I do
    not know, to keep my boundaries clear even when I care a lot, and to look after my own recovery so I can
    keep showing up. Next week I will try one change at work: before I share any of my story, I will ask
    myself whose need it serves. If it serves mine, I will wait. If it might help the person in front of me,
    I will keep it short and hand the conversation back to them. I will write down what happens, talk it over
    in supervision, and notice how it feels when I listen more than I speak. I expect it to be harder than
    it sounds, and I want to learn from the times I get it wrong as much as from the times I get it right.""".split()
)


def _record(*, trainee, instructor, activity: ModuleActivity) -> None:
    if activity.kind == ActivityKind.REFLECTION:
        services.reflection_record(user=trainee, activity=activity, text=DEMO_REFLECTION)
    elif activity.kind == ActivityKind.ROLE_PLAY:
        record = services.role_play_log(user=trainee, activity=activity, partner_email=instructor.email)
        services.role_play_confirm(user=instructor, record=record)
    else:
        services.attendance_confirm(actor=instructor, activity=activity, trainee=trainee)


@transaction.atomic
def seed_activities(*, users) -> None:
    eligible, instructor, trainee = (
        users.get("trainee_eligible"),
        users.get("instructor"),
        users.get("trainee"),
    )
    if eligible is None or instructor is None:
        return
    course_paths = list(
        Enrollment.objects.active().filter(user=eligible).values_list("course__path", flat=True)
    )
    done = set(
        ActivityRecord.objects.standing()
        .filter(enrollment__user=eligible)
        .values_list("activity_id", flat=True)
    )
    activities = (
        ModuleActivity.objects.filter(module__live=True)
        .select_related("module")
        .order_by("module__path", "sort_order")
    )
    for activity in activities:
        if activity.pk in done or activity.module.path[: -activity.module.steplen] not in course_paths:
            continue
        try:
            _record(trainee=eligible, instructor=instructor, activity=activity)
        except DomainError:
            continue  # a module the demo has not opened to Jordan (not taken): nothing to record there
    if trainee is None:
        return
    first = (
        ModuleActivity.objects.filter(
            kind=ActivityKind.ROLE_PLAY, module__live=True, module__progress__enrollment__user=trainee
        )
        .order_by("module__path", "sort_order")
        .first()
    )
    if (
        first is not None
        and not ActivityRecord.objects.filter(activity=first, enrollment__user=trainee).exists()
    ):
        try:
            services.role_play_log(user=trainee, activity=first, partner_email=eligible.email)
        except DomainError:
            pass  # Jordan is not in that course in this data: no demo request

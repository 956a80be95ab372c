"""The demo's course discussion: the demo trainee (Alex) asks about the first module of their course,
the demo instructor answers and pins a welcome thread. Through the services, as people would;
idempotent (nothing is added to a course that already has threads)."""

from __future__ import annotations

from django.db import transaction

from .. import selectors as course_selectors
from ..models import Enrollment
from . import selectors, services
from .models import Thread

WELCOME_TITLE = "Welcome: introduce yourself"
WELCOME = (
    "Welcome to the course discussion. Say hello, tell us what brought you to peer support, and ask "
    "anything about the modules.\n\n"
    "- Be kind: everyone here is learning.\n"
    "- Keep other people's stories private.\n"
    "- If something worries you, use **Report**: the instructors read every report.\n\n"
    "If you or someone you support is in crisis, call or text 988."
)
QUESTION_TITLE = "Staying quiet when someone pauses"
QUESTION = (
    "In the listening module I noticed how hard it is for me to stay quiet when someone pauses. "
    "Does anyone have a trick for *not* filling the silence?"
)
ANSWER = (
    "A good question. Many peer workers count slowly to five in their head before speaking. "
    "Try it in the role-play this week and tell us how it went."
)


@transaction.atomic
def seed_discussion(*, users) -> None:
    trainee, instructor = users.get("trainee"), users.get("instructor")
    if trainee is None or instructor is None:
        return
    enrollment = Enrollment.objects.active().filter(user=trainee).select_related("course").first()
    if enrollment is None:
        return
    course = enrollment.course
    if (
        Thread.objects.filter(course=course).exists()
        or not selectors.access_for(user=instructor, course=course).can_moderate
    ):
        return
    welcome, _ = services.thread_start(user=instructor, course=course, title=WELCOME_TITLE, body=WELCOME)
    services.thread_set(actor=instructor, thread=welcome, pinned=True)
    module = course_selectors.course_modules(course=course).first()
    question, _ = services.thread_start(
        user=trainee, course=course, title=QUESTION_TITLE, body=QUESTION, module=module
    )
    services.reply_create(user=instructor, thread=question, body=ANSWER)

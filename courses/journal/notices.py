"""What people are told about journal entries (lms.notifications.notify, in the write's transaction):
the course's instructors, that a trainee shared an entry; the trainee, that an instructor replied. They
name the module and the people, never quote an entry or a reply (emails leave the site)."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from lms.notifications.models import NotificationKind
from lms.notifications.services import notify

from .models import JournalEntry, JournalReply
from .selectors import course_of


def notify_shared(*, entry: JournalEntry) -> None:
    course = course_of(entry.module)
    trainee = entry.trainee
    link = reverse("courses:journal-shared", args=[course.pk]) + f"#entry-{entry.pk}"
    for instructor in course.instructors.filter(is_active=True):
        if instructor.pk == trainee.pk:
            continue
        notify(
            user=instructor,
            kind=NotificationKind.JOURNAL_SHARED,
            key=str(entry.pk),
            title=_("%(name)s shared a reflection on “%(module)s”")
            % {"name": trainee.get_full_name(), "module": entry.module.title},
            body=_("Read it, and reply if you wish, on the course's shared reflections page."),
            link=link,
        )


def notify_replied(*, reply: JournalReply) -> None:
    entry = reply.entry
    notify(
        user=entry.trainee,
        kind=NotificationKind.JOURNAL_REPLIED,
        key=str(reply.pk),
        title=_("%(name)s replied to your reflection on “%(module)s”")
        % {"name": reply.author.get_full_name(), "module": entry.module.title},
        body=_("Read the reply in your journal."),
        link=reverse("courses:journal") + f"#entry-{entry.pk}",
    )

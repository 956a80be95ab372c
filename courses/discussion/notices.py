"""What people are told about course discussions (lms.notifications.notify, in the transaction of the
write): a reply in a thread they started or posted in; a post that mentions suicide or overdose, to the
course's instructors (or, with none, the program administrators). Titles name the thread, never a post's text (emails quote nothing more)."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _

from lms import roles
from lms.notifications.models import NotificationKind
from lms.notifications.services import notify

from . import selectors
from .models import Post, Report, Thread


def thread_url(thread: Thread, *, post: Post | None = None, page: int = 1) -> str:
    url = reverse("courses:discussion-thread", args=[thread.course_id, thread.pk])
    if page > 1:
        url += f"?page={page}"
    return url + (f"#post-{post.pk}" if post is not None else "")


def notify_reply(*, post: Post, course) -> None:
    thread = post.thread
    page = thread.reply_count // selectors.POSTS_PER_PAGE + 1  # the reply is the thread's newest post
    link = thread_url(thread, post=post, page=page)
    name = selectors.display_name(post.author)
    for person in selectors.participants(thread=thread, course=course, exclude_id=post.author_id):
        notify(
            user=person,
            kind=NotificationKind.DISCUSSION_REPLY,
            key=str(post.pk),
            title=_("New reply in “%(title)s”") % {"title": thread.title},
            body=_("%(name)s replied in the %(course)s discussion. Open it to read the reply.")
            % {"name": name, "course": course.title},
            link=link,
        )


def notify_safety(*, report: Report, course) -> None:
    """Tell the course's instructors a post needs a look (what it says stays in the discussion); a
    course with no active instructor tells the program administrators, who moderate every discussion."""
    link = reverse("courses:discussion-moderation", args=[course.pk])
    moderators = list(course.instructors.filter(is_active=True, groups__name=roles.INSTRUCTOR).distinct())
    if not moderators:
        moderators = list(
            get_user_model()
            .objects.filter(is_active=True)
            .filter(Q(groups__name=roles.PROGRAM_ADMIN) | Q(is_superuser=True))
            .distinct()
        )
    for moderator in moderators:
        notify(
            user=moderator,
            kind=NotificationKind.DISCUSSION_SAFETY,
            key=str(report.pk),
            title=_("A post in the %(course)s discussion may need your attention") % {"course": course.title},
            body=_(
                "It mentions suicide or overdose. Its author was shown crisis resources. The safety item is "
                "at the top of the moderation queue."
            ),
            link=link,
        )

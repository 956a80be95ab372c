"""Reads for course discussions: who may read and moderate a course's discussion, display names, the
thread list, a thread's posts and the moderation queue. Each page costs the same number of queries
whatever the number of threads or posts (tests/courses/discussion/test_queries.py)."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Case, Count, IntegerField, Q, Value, When
from django.utils.translation import gettext as _

from lms import roles

from .. import localized
from ..models import CoursePage, Enrollment
from .models import DiscussionProfile, Post, PostRevision, Report, Thread

THREADS_PER_PAGE = 20
POSTS_PER_PAGE = 50
REPORTS_PER_PAGE = 20


@dataclass(frozen=True)
class Access:
    """What a person may do in one course's discussion."""

    can_read: bool
    can_moderate: bool
    can_post: bool = False


NO_ACCESS = Access(can_read=False, can_moderate=False)


def is_course_instructor(*, user, course: CoursePage) -> bool:
    """An instructor of this course (in the Instructor role and named on the course page)."""
    return roles.is_instructor(user) and CoursePage.objects.filter(pk=course.pk, instructors=user.pk).exists()


def access_for(*, user, course: CoursePage) -> Access:
    """The course's enrolled trainees (in progress or completed) read and post; its instructors also
    moderate. Program administrators moderate every course's discussion (read, hide, lock, pin, decide
    reports: a course without an instructor still has someone to act on a safety item) but do not post
    in a cohort they neither teach nor take. Nobody else: not other courses' trainees or instructors,
    nor supervisors (the space is the cohort's own)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return NO_ACCESS
    if is_course_instructor(user=user, course=course):
        return Access(can_read=True, can_moderate=True, can_post=True)
    enrolled = Enrollment.objects.active().filter(user=user, course=course).exists()
    if roles.is_program_admin(user):
        return Access(can_read=True, can_moderate=True, can_post=enrolled)
    return Access(can_read=enrolled, can_moderate=False, can_post=enrolled)


def default_display_name(user) -> str:
    """Preferred name, else first name and last initial ("Maria G."); never the email address."""
    if user.preferred_name.strip():
        return user.preferred_name.strip()
    parts = user.full_name.split()
    if len(parts) >= 2:
        return f"{parts[0]} {parts[-1][0]}."
    if parts:
        return parts[0]
    return _("Member %(number)s") % {"number": user.pk}


def display_name(user) -> str:
    """The name a person shows in discussions. `user` should come with `discussion_profile` selected
    (select_related), or this costs a query."""
    try:
        profile = user.discussion_profile
    except DiscussionProfile.DoesNotExist:
        profile = None
    return profile.display_name if profile is not None else default_display_name(user)


def threads_for(*, course: CoursePage):
    """The course's threads: pinned first, then latest activity, with what the list shows."""
    return (
        Thread.objects.filter(course=course)
        .select_related("author__discussion_profile", "module")
        .only(
            "title",
            "created_at",
            "last_activity_at",
            "reply_count",
            "pinned",
            "locked",
            "course_id",
            "module__title",
            "module__id",
            "author__full_name",
            "author__preferred_name",
            "author__id",
            "author__discussion_profile__display_name",
        )
        .order_by("-pinned", "-last_activity_at", "-id")
    )


def thread_in(*, course: CoursePage, thread_id: int) -> Thread | None:
    return Thread.objects.select_related("module").filter(course=course, pk=thread_id).first()


def posts_for(*, thread: Thread):
    return (
        Post.objects.filter(thread=thread)
        .select_related("author__discussion_profile")
        .order_by("created_at", "id")
    )


def post_in(*, course: CoursePage, post_id: int) -> Post | None:
    return (
        Post.objects.select_related("thread", "author__discussion_profile")
        .filter(thread__course=course, pk=post_id)
        .first()
    )


def instructor_ids(*, course: CoursePage) -> set[int]:
    """The course's instructors (one query), to label their posts."""
    return set(course.instructors.values_list("pk", flat=True))


def queue_for(*, course: CoursePage):
    """Open reports of the course: safety items first, then the oldest first."""
    return (
        Report.objects.filter(course=course, status=Report.Status.OPEN)
        .select_related("post__thread", "post__author__discussion_profile", "reporter__discussion_profile")
        .annotate(
            safety_first=Case(
                When(reason="safety", then=Value(0)), default=Value(1), output_field=IntegerField()
            )
        )
        .order_by("safety_first", "created_at", "id")
    )


def open_report_count(*, course: CoursePage) -> int:
    return Report.objects.filter(course=course, status=Report.Status.OPEN).count()


def history_of(*, post: Post) -> list[PostRevision]:
    return list(PostRevision.objects.filter(post=post).order_by("-replaced_at", "-id"))


def visible_text(*, post: Post, user, can_moderate: bool) -> bool:
    """Whether `user` reads a hidden post's text: its author and the moderators do."""
    return not post.hidden or can_moderate or post.author_id == user.pk


def participants(*, thread: Thread, course: CoursePage, exclude_id: int) -> list:
    """Who to tell about a reply: the thread's starter and everyone who posted in it, who can still
    read the course's discussion, except `exclude_id` (the one replying)."""
    from django.contrib.auth import get_user_model

    User = get_user_model()
    posted = Post.objects.filter(thread=thread).values("author_id")
    readers = Q(enrollments__course=course) & ~Q(enrollments__status=Enrollment.Status.WITHDRAWN)
    teaching = Q(courses_taught=course, groups__name=roles.INSTRUCTOR)
    return list(
        User.objects.filter(Q(pk__in=posted) | Q(pk=thread.author_id))
        .filter(readers | teaching)
        .filter(is_active=True)
        .exclude(pk=exclude_id)
        .distinct()
    )


def page_of_post(post: Post) -> int:
    """The thread page a post is on (posts in the order they were written, POSTS_PER_PAGE a page)."""
    before = Post.objects.filter(thread_id=post.thread_id, created_at__lt=post.created_at).count()
    return before // POSTS_PER_PAGE + 1


def moderated_courses(*, user) -> list[CoursePage]:
    """The courses whose discussion `user` moderates, each with `open_reports` and `open_safety` (its
    open reports, and how many of them are safety items), those needing attention first: every live
    course (in its default language, where the discussion lives) for a program administrator, the
    courses they teach for an instructor. One query."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return []
    if roles.is_program_admin(user):
        courses = CoursePage.objects.live()
    elif roles.is_instructor(user):
        courses = CoursePage.objects.live().filter(instructors=user.pk)
    else:
        return []
    default = localized.default_locale_id()
    if default is not None:
        courses = courses.filter(locale_id=default)
    is_open = Q(discussion_reports__status=Report.Status.OPEN)
    return list(
        courses.annotate(
            open_reports=Count("discussion_reports", filter=is_open),
            open_safety=Count("discussion_reports", filter=is_open & Q(discussion_reports__reason="safety")),
        )
        .only("pk", "title", "url_path", "path", "depth", "locale_id")
        .order_by("-open_safety", "-open_reports", "title", "pk")
    )

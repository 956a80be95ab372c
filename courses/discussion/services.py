"""Writes for course discussions: display names, threads, replies, edits (history kept), moderation
(hide, lock, pin), reports and their decisions. Keyword-only, transactional; moderation is audited.

Every post (a new thread, a reply, an edit) is counted against the posting rate limits (limits.py) and
checked for safe messaging (safety.py): a post that mentions suicide or overdose is published as usual,
raises a safety item for the moderators and tells the course's instructors; the view shows its author
the crisis resources."""

from __future__ import annotations

import re

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from lms.audit import audit_record
from lms.errors import Conflict, Forbidden, Invalid

from ..models import CoursePage, ModulePage
from . import limits, notices, safety, selectors
from .models import (
    BODY_MAX,
    DISPLAY_NAME_MAX,
    DISPLAY_NAME_MIN,
    NOTE_MAX,
    TITLE_MAX,
    TITLE_MIN,
    DiscussionProfile,
    Post,
    PostRevision,
    Report,
    ReportReason,
    Thread,
)

ERR_NO_ACCESS = gettext_noop(
    "Only the course's enrolled trainees and its instructors take part in its discussion."
)
ERR_NOT_MODERATOR = gettext_noop(
    "Only the course's instructors and program administrators moderate its discussion."
)
ERR_NOT_POSTER = gettext_noop(
    "Only the course's trainees and instructors post in its discussion. As a program administrator you can "
    "read and moderate it."
)
ERR_TITLE_SHORT = gettext_noop("Give the thread a title of at least {minimum} characters.")
ERR_TITLE_LONG = gettext_noop("Keep the title to {maximum} characters or fewer (it has {count}).")
ERR_BODY_EMPTY = gettext_noop("Write a message.")
ERR_BODY_LONG = gettext_noop("Keep the message to {maximum} characters or fewer (it has {count}).")
ERR_MODULE = gettext_noop("Choose a module of this course, or none.")
ERR_LOCKED = gettext_noop("This thread is locked: it takes no new replies or edits.")
ERR_NOT_AUTHOR = gettext_noop("Only the person who wrote a post can edit it.")
ERR_HIDDEN = gettext_noop("A moderator has hidden this post: it can no longer be edited.")
ERR_UNCHANGED = gettext_noop("Nothing changed: edit the text, then save.")
ERR_NAME_SHORT = gettext_noop("Use at least {minimum} characters.")
ERR_NAME_LONG = gettext_noop("Use {maximum} characters or fewer.")
ERR_NAME_CHARS = gettext_noop(
    "Use letters, numbers, spaces and . - ' _ only (no email address or web address)."
)
ERR_NAME_RESERVED = gettext_noop("That name could be mistaken for the course staff: choose another.")
ERR_NAME_TAKEN = gettext_noop("Someone already uses that name in discussions: choose another.")
ERR_REPORT_OWN = gettext_noop("This is your own post: edit it instead of reporting it.")
ERR_REPORT_TWICE = gettext_noop("You have already reported this post; a moderator will look at it.")
ERR_REPORT_REASON = gettext_noop("Choose a reason.")
ERR_NOTE_LONG = gettext_noop("Keep the note to {maximum} characters or fewer.")
ERR_REPORT_DECIDED = gettext_noop("This report has already been dealt with.")

_NAME_CHARS = re.compile(r"^[\w .'\-]+$")
RESERVED_WORDS = ("instructor", "moderator", "admin", "staff", "instructora", "moderadora", "moderador")


# --- checks ------------------------------------------------------------------------------------------


def _require_reader(*, user, course) -> selectors.Access:
    access = selectors.access_for(user=user, course=course)
    if not access.can_read:
        raise Forbidden(_(ERR_NO_ACCESS), code="no_access")
    return access


def _require_poster(*, user, course) -> None:
    access = _require_reader(user=user, course=course)
    if not access.can_post:
        raise Forbidden(_(ERR_NOT_POSTER), code="not_poster")


def _require_moderator(*, user, course) -> None:
    if not selectors.access_for(user=user, course=course).can_moderate:
        raise Forbidden(_(ERR_NOT_MODERATOR), code="not_moderator")


def _clean_title(title: str) -> str:
    title = " ".join((title or "").split())
    if len(title) < TITLE_MIN:
        raise Invalid(_(ERR_TITLE_SHORT).format(minimum=TITLE_MIN), code="title_short", field="title")
    if len(title) > TITLE_MAX:
        raise Invalid(
            _(ERR_TITLE_LONG).format(maximum=TITLE_MAX, count=len(title)), code="title_long", field="title"
        )
    return title


def _clean_body(body: str) -> str:
    body = (body or "").replace("\r\n", "\n").strip()
    if not body:
        raise Invalid(_(ERR_BODY_EMPTY), code="body_empty", field="body")
    if len(body) > BODY_MAX:
        raise Invalid(
            _(ERR_BODY_LONG).format(maximum=BODY_MAX, count=len(body)), code="body_long", field="body"
        )
    return body


def _course_of(thread: Thread) -> CoursePage:
    return CoursePage.objects.get(pk=thread.course_id)


# --- display names -----------------------------------------------------------------------------------


def name_key(name: str) -> str:
    """What makes two display names the same: case, accents and spacing aside."""
    return " ".join(safety.normalise(name).split())[:DISPLAY_NAME_MAX]


@transaction.atomic
def display_name_set(*, user, display_name: str) -> DiscussionProfile:
    name = " ".join((display_name or "").split())
    if len(name) < DISPLAY_NAME_MIN:
        raise Invalid(_(ERR_NAME_SHORT).format(minimum=DISPLAY_NAME_MIN), field="display_name")
    if len(name) > DISPLAY_NAME_MAX:
        raise Invalid(_(ERR_NAME_LONG).format(maximum=DISPLAY_NAME_MAX), field="display_name")
    if not _NAME_CHARS.match(name) or "@" in name or "www." in name.casefold():
        raise Invalid(_(ERR_NAME_CHARS), field="display_name")
    key = name_key(name)
    if any(re.search(rf"\b{word}\b", key) for word in RESERVED_WORDS):
        raise Invalid(_(ERR_NAME_RESERVED), field="display_name")
    if DiscussionProfile.objects.filter(name_key=key).exclude(user=user).exists():
        raise Conflict(_(ERR_NAME_TAKEN), code="name_taken", field="display_name")
    try:
        with transaction.atomic():
            profile, _created = DiscussionProfile.objects.update_or_create(
                user=user, defaults={"display_name": name, "name_key": key, "updated_at": timezone.now()}
            )
    except IntegrityError:
        raise Conflict(_(ERR_NAME_TAKEN), code="name_taken", field="display_name")
    return profile


# --- posting -----------------------------------------------------------------------------------------


def _check_safety(*, post: Post, course: CoursePage, texts: tuple[str, ...]) -> bool:
    """Flag the post and raise one open safety item (and its notification) when it mentions suicide or
    overdose. Returns whether it does."""
    if not safety.mentions_crisis(*texts):
        return False
    if not post.safety:
        post.safety = True
        Post.objects.filter(pk=post.pk).update(safety=True)
    report = Report.objects.filter(post=post, reporter__isnull=True, status=Report.Status.OPEN).first()
    if report is None:
        report = Report.objects.create(post=post, course=course, reason=ReportReason.SAFETY)
        notices.notify_safety(report=report, course=course)
    return True


def _module_of(course: CoursePage, module: ModulePage | None) -> ModulePage | None:
    if module is None:
        return None
    if not (module.live and module.path.startswith(course.path) and module.depth == course.depth + 1):
        raise Invalid(_(ERR_MODULE), code="module", field="module")
    return module


@transaction.atomic
def thread_start(
    *, user, course: CoursePage, title: str, body: str, module: ModulePage | None = None
) -> tuple[Thread, bool]:
    """Start a thread (its opening post). Returns the thread and whether it mentions a crisis."""
    _require_poster(user=user, course=course)
    title, body = _clean_title(title), _clean_body(body)
    module = _module_of(course, module)
    limits.count_post(user=user)
    now = timezone.now()
    thread = Thread(
        course=course, module=module, author=user, title=title, created_at=now, last_activity_at=now
    )
    thread.full_clean()
    thread.save()
    post = Post.objects.create(thread=thread, author=user, body=body, is_opening=True, created_at=now)
    return thread, _check_safety(post=post, course=course, texts=(title, body))


@transaction.atomic
def reply_create(*, user, thread: Thread, body: str) -> tuple[Post, bool]:
    """Reply in a thread; tells the thread's other participants. Returns the post and whether it
    mentions a crisis."""
    course = _course_of(thread)
    _require_poster(user=user, course=course)
    body = _clean_body(body)
    thread = Thread.objects.select_for_update().get(pk=thread.pk)
    if thread.locked:
        raise Conflict(_(ERR_LOCKED), code="locked")
    limits.count_post(user=user)
    now = timezone.now()
    post = Post.objects.create(thread=thread, author=user, body=body, created_at=now)
    thread.reply_count += 1
    thread.last_activity_at = now
    thread.save(update_fields=["reply_count", "last_activity_at"])
    post.thread = thread
    notices.notify_reply(post=post, course=course)
    return post, _check_safety(post=post, course=course, texts=(body,))


@transaction.atomic
def post_edit(*, user, post: Post, body: str, title: str | None = None) -> tuple[Post, bool]:
    """The author edits their post (and the title, for a thread's opening post); what it said before is
    kept as a PostRevision. Not in a locked thread, not once hidden."""
    post = Post.objects.select_for_update().select_related("thread").get(pk=post.pk)
    thread = post.thread
    course = _course_of(thread)
    _require_poster(user=user, course=course)
    if post.author_id != user.pk:
        raise Forbidden(_(ERR_NOT_AUTHOR), code="not_author")
    if thread.locked:
        raise Conflict(_(ERR_LOCKED), code="locked")
    if post.hidden:
        raise Conflict(_(ERR_HIDDEN), code="hidden")
    body = _clean_body(body)
    new_title = _clean_title(title) if post.is_opening and title is not None else thread.title
    if body == post.body and new_title == thread.title:
        raise Invalid(_(ERR_UNCHANGED), code="unchanged", field="body")
    limits.count_post(user=user)
    now = timezone.now()
    PostRevision.objects.create(
        post=post,
        title=thread.title if post.is_opening else "",
        body=post.body,
        written_at=post.edited_at or post.created_at,
        replaced_at=now,
    )
    post.body, post.edited_at = body, now
    post.save(update_fields=["body", "edited_at"])
    if new_title != thread.title:
        thread.title = new_title
        thread.save(update_fields=["title"])
    texts = (new_title, body) if post.is_opening else (body,)
    return post, _check_safety(post=post, course=course, texts=texts)


# --- moderation --------------------------------------------------------------------------------------


def _audit(actor, action: str, target, *, subject=None, **details) -> None:
    audit_record(actor=actor, action=action, target=target, subject=subject, details=details)


@transaction.atomic
def post_hide(*, actor, post: Post, hidden: bool) -> Post:
    """A moderator hides a post (others see "hidden by a moderator"; its author still reads it) or shows
    it again."""
    course = _course_of(post.thread)
    _require_moderator(user=actor, course=course)
    post = Post.objects.select_for_update().get(pk=post.pk)
    if post.hidden != hidden:
        post.hidden = hidden
        post.hidden_by, post.hidden_at = (actor, timezone.now()) if hidden else (None, None)
        post.save(update_fields=["hidden", "hidden_by", "hidden_at"])
        _audit(
            actor,
            "discussion.post_hidden" if hidden else "discussion.post_shown",
            post,
            subject=post.author,
            course=course.pk,
            thread=post.thread_id,
        )
    return post


@transaction.atomic
def thread_set(*, actor, thread: Thread, locked: bool | None = None, pinned: bool | None = None) -> Thread:
    """A moderator locks or unlocks a thread (no new replies), pins or unpins it (listed first)."""
    course = _course_of(thread)
    _require_moderator(user=actor, course=course)
    thread = Thread.objects.select_for_update().get(pk=thread.pk)
    for field, value, on, off in (
        ("locked", locked, "discussion.thread_locked", "discussion.thread_unlocked"),
        ("pinned", pinned, "discussion.thread_pinned", "discussion.thread_unpinned"),
    ):
        if value is None or getattr(thread, field) == value:
            continue
        setattr(thread, field, value)
        thread.save(update_fields=[field])
        _audit(actor, on if value else off, thread, course=course.pk)
    return thread


@transaction.atomic
def report_create(*, user, post: Post, reason: str, note: str = "") -> Report:
    """Anyone who reads the discussion raises a post for the moderators, with a reason."""
    course = _course_of(post.thread)
    _require_reader(user=user, course=course)
    if post.author_id == user.pk:
        raise Invalid(_(ERR_REPORT_OWN), code="own_post")
    if reason not in ReportReason.values:
        raise Invalid(_(ERR_REPORT_REASON), code="reason", field="reason")
    note = (note or "").strip()
    if len(note) > NOTE_MAX:
        raise Invalid(_(ERR_NOTE_LONG).format(maximum=NOTE_MAX), code="note_long", field="note")
    if Report.objects.filter(post=post, reporter=user, status=Report.Status.OPEN).exists():
        raise Conflict(_(ERR_REPORT_TWICE), code="already_reported")
    try:
        with transaction.atomic():
            return Report.objects.create(post=post, course=course, reporter=user, reason=reason, note=note)
    except IntegrityError:
        raise Conflict(_(ERR_REPORT_TWICE), code="already_reported")


@transaction.atomic
def report_decide(*, actor, report: Report, status: str) -> Report:
    """A moderator resolves (acted on it) or dismisses (nothing to do) an open report."""
    _require_moderator(user=actor, course=report.course)
    if status not in (Report.Status.RESOLVED, Report.Status.DISMISSED):
        raise Invalid(_(ERR_REPORT_REASON), code="status", field="status")
    report = Report.objects.select_for_update().get(pk=report.pk)
    if report.status != Report.Status.OPEN:
        raise Conflict(_(ERR_REPORT_DECIDED), code="decided")
    report.status, report.decided_by, report.decided_at = status, actor, timezone.now()
    report.save(update_fields=["status", "decided_by", "decided_at"])
    _audit(
        actor,
        f"discussion.report_{status}",
        report,
        course=report.course_id,
        post=report.post_id,
        reason=report.reason,
    )
    return report

"""Course discussions through the pages people use: display names and labels, formatting, length limits,
the posting rate limit, moderation (hide, lock, pin), reports and the queue, edit history, safe
messaging and notifications."""

import re

import pytest
from django.test import override_settings
from django.urls import reverse

from courses.discussion import services
from courses.discussion.models import DiscussionProfile, Post, PostRevision, Report, Thread
from lms.models import AuditEvent
from lms.notifications.models import Notification, NotificationKind, NotificationPreference
from lms.outbox.models import OutboxMessage

from ..factories import assert_accessible_basics

pytestmark = pytest.mark.django_db


def _as(client, user):
    client.force_login(user)
    return client


def _thread_url(world):
    return reverse("courses:discussion-thread", args=[world.course.pk, world.thread.pk])


def test_the_thread_shows_display_names_labels_and_formatting_never_names_or_emails(client, world):
    services.reply_create(user=world.instructor, thread=world.thread, body="Silence is a skill.")
    page = _as(client, world.classmate).get(_thread_url(world)).content.decode()
    assert_accessible_basics(page)
    assert "Maria G." in page and ">Cal" in page  # defaults: first name + initial; the preferred name
    assert "Gonzalez" not in page and "maria@example.org" not in page and "Cal Mate" not in page
    assert re.search(r"Ina S\. <span class=\"tag tag--ok\">Instructor</span>", page)
    assert "I find <strong>silence</strong> hard." in page and "<em>Counting to five</em>" in page
    assert "About the module “Listening”" in page


def test_html_typed_in_a_reply_is_shown_as_text(client, world):
    client = _as(client, world.classmate)
    response = client.post(_thread_url(world), {"body": "<script>alert('x')</script> **ok**"})
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; <strong>ok</strong>" in page.replace(
        "'", "&#x27;"
    )
    assert "<script>alert" not in page


def test_starting_a_thread_from_a_module_and_refusals_keep_what_was_typed(client, world):
    client = _as(client, world.classmate)
    url = reverse("courses:discussion-new", args=[world.course.pk])
    module_page = client.get(world.module.url).content.decode()
    assert f"{url}?module={world.module.pk}" in module_page and "Discuss this module" in module_page
    form = client.get(url, {"module": world.module.pk}).content.decode()
    assert f'<option value="{world.module.pk}" selected>Listening</option>' in form

    long_title = "T" * 151
    response = client.post(url, {"title": long_title, "module": world.second.pk, "body": "My *typed* text"})
    page = response.content.decode()
    assert response.status_code == 422
    assert "Keep the title to 150 characters or fewer (it has 151)." in page
    assert long_title in page and "My *typed* text" in page
    assert f'<option value="{world.second.pk}" selected>' in page
    response = client.post(url, {"title": "Fine title", "body": "x" * 10001})
    assert response.status_code == 422
    assert "Keep the message to 10000 characters or fewer (it has 10001)." in response.content.decode()
    response = client.post(url, {"title": "Fine title", "body": "   "})
    assert response.status_code == 422 and "Write a message." in response.content.decode()
    response = client.post(url, {"title": "Fine title", "module": 999999, "body": "ok"})
    assert response.status_code == 422 and "Choose a module of this course" in response.content.decode()
    assert Thread.objects.count() == 1

    response = client.post(url, {"title": "Boundaries with friends", "module": world.second.pk, "body": "Hi"})
    thread = Thread.objects.get(title="Boundaries with friends")
    assert response.status_code == 302 and thread.module == world.second


@override_settings(DISCUSSION_RATE_LIMITS={"per_minute": 2, "per_hour": 10})
def test_posting_too_fast_answers_429_with_the_text_kept(client, world):
    client = _as(client, world.classmate)
    for i in range(2):
        assert client.post(_thread_url(world), {"body": f"Reply {i}"}).status_code == 302
    response = client.post(_thread_url(world), {"body": "My third, **unsent** reply"})
    page = response.content.decode()
    assert response.status_code == 429
    assert "You are posting faster than the discussion allows (2 a minute)." in page
    assert "My third, **unsent** reply</textarea>" in page
    assert Post.objects.filter(thread=world.thread).count() == 4  # opening, fixture's reply, two more
    # Another person is not slowed down by it.
    assert _as(client, world.author).post(_thread_url(world), {"body": "Mine"}).status_code == 302


@override_settings(DISCUSSION_RATE_LIMITS={"per_minute": 100, "per_hour": 2})
def test_the_hourly_limit(client, world):
    client = _as(client, world.classmate)
    for i in range(2):
        assert client.post(_thread_url(world), {"body": f"Reply {i}"}).status_code == 302
    response = client.post(_thread_url(world), {"body": "later"})
    assert response.status_code == 429 and "limit of 2 posts an hour" in response.content.decode()


def test_hiding_a_post(client, world):
    reply_url = reverse("courses:discussion-post-moderate", args=[world.course.pk, world.reply.pk])
    assert _as(client, world.instructor).post(reply_url, {"action": "hide"}).status_code == 302
    author_view = _as(client, world.author).get(_thread_url(world)).content.decode()
    assert "Hidden by a moderator." in author_view and "Counting to five" not in author_view
    own_view = _as(client, world.classmate).get(_thread_url(world)).content.decode()
    assert "Hidden by a moderator." in own_view and "Counting to five" in own_view
    assert reverse("courses:discussion-post-edit", args=[world.course.pk, world.reply.pk]) not in own_view
    edit = client.post(
        reverse("courses:discussion-post-edit", args=[world.course.pk, world.reply.pk]), {"body": "changed"}
    )
    assert edit.status_code == 409
    moderator_view = _as(client, world.instructor).get(_thread_url(world)).content.decode()
    assert "Counting to five" in moderator_view and "Show again" in moderator_view
    client.post(reply_url, {"action": "show"})
    assert "Counting to five" in _as(client, world.author).get(_thread_url(world)).content.decode()
    actions = list(
        AuditEvent.objects.filter(action__startswith="discussion.").values_list("action", flat=True)
    )
    assert sorted(actions) == ["discussion.post_hidden", "discussion.post_shown"]


def test_locking_and_pinning(client, world):
    newer, _ = services.thread_start(
        user=world.classmate, course=world.course, title="Newer thread", body="Hi"
    )
    list_url = reverse("courses:discussion", args=[world.course.pk])
    page = _as(client, world.author).get(list_url).content.decode()
    assert page.index("Newer thread") < page.index("How do you listen?")  # latest activity first
    moderate = reverse("courses:discussion-thread-moderate", args=[world.course.pk, world.thread.pk])
    client = _as(client, world.instructor)
    assert client.post(moderate, {"action": "pin"}).status_code == 302
    assert client.post(moderate, {"action": "lock"}).status_code == 302
    page = _as(client, world.author).get(list_url).content.decode()
    assert page.index("How do you listen?") < page.index("Newer thread")  # pinned first
    thread_page = client.get(_thread_url(world)).content.decode()
    assert "A moderator has locked this thread" in thread_page and "Post reply" not in thread_page
    refused = client.post(_thread_url(world), {"body": "Late reply"})
    assert refused.status_code == 409 and "This thread is locked" in refused.content.decode()
    assert ">Late reply</textarea>" in refused.content.decode()  # what was typed, to keep
    edit = reverse("courses:discussion-post-edit", args=[world.course.pk, world.opening.pk])
    assert client.get(edit).status_code == 409
    client = _as(client, world.instructor)
    client.post(moderate, {"action": "unlock"})
    client.post(moderate, {"action": "unpin"})
    assert _as(client, world.author).post(_thread_url(world), {"body": "Open again"}).status_code == 302
    actions = set(
        AuditEvent.objects.filter(action__startswith="discussion.").values_list("action", flat=True)
    )
    assert actions == {
        "discussion.thread_pinned",
        "discussion.thread_locked",
        "discussion.thread_unlocked",
        "discussion.thread_unpinned",
    }


def test_editing_keeps_history_for_moderators(client, world):
    edit = reverse("courses:discussion-post-edit", args=[world.course.pk, world.opening.pk])
    client = _as(client, world.author)
    form = client.get(edit).content.decode()
    assert "How do you listen?" in form and "I find **silence** hard." in form
    same = client.post(edit, {"title": "How do you listen?", "body": "I find **silence** hard."})
    assert same.status_code == 422 and "Nothing changed" in same.content.decode()
    too_long = client.post(edit, {"title": "How do you listen?", "body": "y" * 10001})
    assert too_long.status_code == 422 and "y" * 10001 in too_long.content.decode()
    assert (
        client.post(edit, {"title": "Listening well", "body": "Silence is **easier** now."}).status_code
        == 302
    )
    revision = PostRevision.objects.get()
    assert (revision.title, revision.body) == ("How do you listen?", "I find **silence** hard.")
    world.thread.refresh_from_db()
    assert world.thread.title == "Listening well"
    assert "edited" in client.get(_thread_url(world)).content.decode()
    history_url = reverse("courses:discussion-post-history", args=[world.course.pk, world.opening.pk])
    history = _as(client, world.instructor).get(history_url).content.decode()
    assert (
        "Silence is <strong>easier</strong> now." in history
        and "I find <strong>silence</strong> hard." in history
    )
    assert history.index("easier") < history.index("I find")  # newest first
    # Someone else's post is not theirs to edit.
    other = reverse("courses:discussion-post-edit", args=[world.course.pk, world.reply.pk])
    assert client.post(other, {"body": "hijack"}).status_code == 403


def test_reports_go_to_the_queue_and_are_decided(client, world):
    report_url = reverse("courses:discussion-post-report", args=[world.course.pk, world.reply.pk])
    client = _as(client, world.author)
    refused = client.post(report_url, {"note": "no reason given"})
    assert refused.status_code == 422 and "Choose a reason." in refused.content.decode()
    assert "no reason given" in refused.content.decode()
    assert client.post(report_url, {"reason": "unkind", "note": "This felt dismissive"}).status_code == 302
    again = client.post(report_url, {"reason": "spam"})
    assert again.status_code == 409 and "already reported" in again.content.decode()
    services.reply_create(
        user=world.classmate, thread=world.thread, body="Sometimes I think about an overdose"
    )
    queue_url = reverse("courses:discussion-moderation", args=[world.course.pk])
    queue = _as(client, world.instructor).get(queue_url).content.decode()
    assert_accessible_basics(queue)
    assert queue.index("Safety: mentions suicide or overdose") < queue.index("Unkind, harassing or hateful")
    assert "Reported by Maria G." in queue and "This felt dismissive" in queue
    report = Report.objects.get(reason="unkind")
    decide = reverse("courses:discussion-report-decide", args=[world.course.pk, report.pk])
    assert client.post(decide, {"action": "resolve", "next": queue_url}).status_code == 302
    report.refresh_from_db()
    assert report.status == "resolved" and report.decided_by == world.instructor
    assert client.post(decide, {"action": "dismiss"}).status_code == 409
    assert "This felt dismissive" not in client.get(queue_url).content.decode()
    assert AuditEvent.objects.filter(action="discussion.report_resolved").count() == 1


def test_a_post_about_suicide_is_published_shows_crisis_resources_and_alerts_moderators(client, world):
    client = _as(client, world.classmate)
    response = client.post(_thread_url(world), {"body": "Last night I thought about suicide."})
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "Last night I thought about suicide." in page  # published as usual
    for link in ('href="tel:988"', 'href="sms:988"', 'href="tel:911"', 'href="tel:+18006624357"'):
        assert link in page
    assert "Support is here, right now" in page
    assert "Support is here" not in client.get(_thread_url(world)).content.decode()  # once
    post = Post.objects.get(body="Last night I thought about suicide.")
    assert post.safety and Report.objects.get(post=post).reason == "safety"
    alert = Notification.objects.get(kind=NotificationKind.DISCUSSION_SAFETY)
    assert alert.user == world.instructor
    email = OutboxMessage.objects.get(pk=alert.email_id)
    assert "suicide" not in email.body.split("It mentions")[0] and "Last night" not in email.body
    # The other course's instructor is not told; the classmate's own post never notifies them.
    assert not Notification.objects.filter(user__in=[world.other_instructor, world.classmate]).exists()


def test_a_spanish_edit_that_mentions_overdose_is_flagged(client, world):
    edit = reverse("courses:discussion-post-edit", args=[world.course.pk, world.opening.pk])
    client = _as(client, world.author)
    response = client.post(edit, {"title": "How do you listen?", "body": "Tuve miedo de una SOBREDOSIS."})
    assert response.status_code == 302
    assert "Support is here, right now" in client.get(response["Location"]).content.decode()
    assert Report.objects.filter(post=world.opening, reason="safety", reporter=None).count() == 1


def test_a_new_thread_without_crisis_words_raises_nothing(client, world):
    client = _as(client, world.classmate)
    response = client.post(
        reverse("courses:discussion-new", args=[world.course.pk]),
        {"title": "Trip to Odessa", "body": "That was odd but fun."},
    )
    assert "Support is here" not in client.get(response["Location"]).content.decode()
    assert not Report.objects.exists()


def test_replies_notify_who_started_or_replied_without_quoting_the_post(client, world):
    # The fixture's reply (by the classmate) told the author.
    first = Notification.objects.get(kind=NotificationKind.DISCUSSION_REPLY)
    assert first.user == world.author and first.title == "New reply in “How do you listen?”"
    assert (
        "Counting" not in first.body and "Counting" not in OutboxMessage.objects.get(pk=first.email_id).body
    )
    NotificationPreference.objects.create(
        user=world.classmate, kind=NotificationKind.DISCUSSION_REPLY, email=False
    )
    _as(client, world.instructor).post(_thread_url(world), {"body": "A private thought about listening"})
    told = Notification.objects.filter(kind=NotificationKind.DISCUSSION_REPLY).exclude(pk=first.pk)
    assert sorted(n.user_id for n in told) == sorted([world.author.pk, world.classmate.pk])
    classmate_note = told.get(user=world.classmate)
    assert classmate_note.email_id is None  # their choice: in-app only
    assert re.fullmatch(re.escape(_thread_url(world)) + r"#post-\d+", classmate_note.link)
    assert "A private thought" not in "".join(OutboxMessage.objects.values_list("body", flat=True))
    assert not Notification.objects.filter(user__in=[world.instructor, world.other_trainee]).exists()


def test_choosing_a_display_name(client, world):
    url = reverse("courses:discussion-name")
    client = _as(client, world.classmate)
    assert 'value="Cal"' in client.get(url).content.decode()
    DiscussionProfile.objects.create(user=world.author, display_name="Sunrise", name_key="sunrise")
    for typed, error in [
        ("SUNRÍSE", "Someone already uses that name"),
        ("me@example.org", "no email address"),
        ("Course Instructor", "could be mistaken for the course staff"),
        ("x", "at least 2 characters"),
    ]:
        response = client.post(url, {"display_name": typed})
        assert response.status_code in (409, 422) and error in response.content.decode(), typed
        assert typed in response.content.decode()
    back = reverse("courses:discussion", args=[world.course.pk])
    response = client.post(url, {"display_name": "Morning Star", "next": back})
    assert response.status_code == 302 and response["Location"] == back
    page = client.get(_thread_url(world)).content.decode()
    assert "Morning Star" in page and "Sunrise" in page and "Maria G." not in page


def test_pages_outline_and_course_page_link(client, world):
    from tests.outline import Outline

    services.reply_create(user=world.classmate, thread=world.thread, body="An overdose scared me")
    post_edit = services.post_edit
    post_edit(user=world.author, post=world.opening, body="Edited", title="How do you listen?")
    c, t, p = world.course.pk, world.thread.pk, world.opening.pk
    trainee_pages = [
        reverse("courses:discussion", args=[c]),
        reverse("courses:discussion-thread", args=[c, t]),
        reverse("courses:discussion-new", args=[c]),
        reverse("courses:discussion-post-edit", args=[c, p]),
        reverse("courses:discussion-post-report", args=[c, world.reply.pk]),
        reverse("courses:discussion-name"),
    ]
    instructor_pages = [
        reverse("courses:discussion-moderation", args=[c]),
        reverse("courses:discussion-post-history", args=[c, p]),
        reverse("courses:discussion-thread", args=[c, t]),
    ]
    for user, urls in ((world.author, trainee_pages), (world.instructor, instructor_pages)):
        client.force_login(user)
        for url in urls:
            response = client.get(url)
            assert response.status_code == 200, url
            outline = Outline(response.content.decode())
            assert outline.skips() == [], (url, outline.headings)
    # The crisis panel keeps the outline (h1, then its h2).
    client.force_login(world.classmate)
    response = client.post(reverse("courses:discussion-thread", args=[c, t]), {"body": "suicidal thoughts"})
    html = client.get(response["Location"]).content.decode()
    assert "crisis-panel" in html and Outline(html).skips() == []
    # The course page links to its discussion for its trainees and instructors, not for others.
    for user, shown in ((world.classmate, True), (world.instructor, True), (world.other_trainee, False)):
        client.force_login(user)
        page = client.get(world.course.url).content.decode()
        assert (reverse("courses:discussion", args=[c]) in page) is shown, user

"""Who may open each discussion page and send each form: anonymous visitors go to the login page, people
outside the course get 403, the course's trainees and instructors get in; moderation is the
instructors' and the program administrators' (who read and moderate but do not post in a cohort they
neither take nor teach), editing the author's alone."""

import pytest
from django.urls import reverse

from courses.discussion import services
from courses.discussion.models import Report

pytestmark = pytest.mark.django_db

PEOPLE = [
    "anonymous",
    "other_trainee",
    "other_instructor",
    "supervisor",
    "admin",
    "classmate",
    "author",
    "instructor",
]
READERS = {"classmate", "author", "instructor"}
MODERATORS = {"instructor", "admin"}
VIEWERS = READERS | MODERATORS


def _expected(who, allowed, ok):
    if who == "anonymous":
        return 302
    return ok if who in allowed else 403


def _client(client, world, who):
    person = world.person(who)
    if person is not None:
        client.force_login(person)
    return client


def _pages(world):
    c, t, p = world.course.pk, world.thread.pk, world.opening.pk
    return {
        "list": ("get", reverse("courses:discussion", args=[c]), {}, VIEWERS, 200),
        "thread": ("get", reverse("courses:discussion-thread", args=[c, t]), {}, VIEWERS, 200),
        "new": ("get", reverse("courses:discussion-new", args=[c]), {}, READERS, 200),
        "new-post": (
            "post",
            reverse("courses:discussion-new", args=[c]),
            {"title": "A question", "body": "Hello all"},
            READERS,
            302,
        ),
        "reply": (
            "post",
            reverse("courses:discussion-thread", args=[c, t]),
            {"body": "Thanks"},
            READERS,
            302,
        ),
        "edit": ("get", reverse("courses:discussion-post-edit", args=[c, p]), {}, {"author"}, 200),
        "edit-post": (
            "post",
            reverse("courses:discussion-post-edit", args=[c, p]),
            {"title": "How do you listen, really?", "body": "Changed"},
            {"author"},
            302,
        ),
        "report": ("get", reverse("courses:discussion-post-report", args=[c, p]), {}, VIEWERS, 200),
        "report-post": (
            "post",
            reverse("courses:discussion-post-report", args=[c, world.reply.pk]),
            {"reason": "unkind"},
            {
                "author",
                "instructor",
                "admin",
            },  # the classmate wrote the reply: reporting one's own post is refused
            302,
        ),
        "history": ("get", reverse("courses:discussion-post-history", args=[c, p]), {}, MODERATORS, 200),
        "queue": ("get", reverse("courses:discussion-moderation", args=[c]), {}, MODERATORS, 200),
        "hide": (
            "post",
            reverse("courses:discussion-post-moderate", args=[c, p]),
            {"action": "hide"},
            MODERATORS,
            302,
        ),
        "lock": (
            "post",
            reverse("courses:discussion-thread-moderate", args=[c, t]),
            {"action": "lock"},
            MODERATORS,
            302,
        ),
        "pin": (
            "post",
            reverse("courses:discussion-thread-moderate", args=[c, t]),
            {"action": "pin"},
            MODERATORS,
            302,
        ),
    }


PAGES = [
    "list",
    "thread",
    "new",
    "new-post",
    "reply",
    "edit",
    "edit-post",
    "report",
    "report-post",
    "history",
    "queue",
    "hide",
    "lock",
    "pin",
]


@pytest.mark.parametrize("who", PEOPLE)
def test_permission_matrix(client, world, who):
    """Every page and form for one person, in an order where each write leaves the next one possible
    (moderation last). All mismatches are reported together."""
    client = _client(client, world, who)
    wrong = []
    for page in PAGES:
        method, url, data, allowed, ok = _pages(world)[page]
        response = getattr(client, method)(url, data)
        expected = _expected(who, allowed, ok)
        if who == "classmate" and page == "report-post":
            expected = 422  # a reader, refused with a reason: their own post
        if response.status_code != expected:
            wrong.append((page, response.status_code, expected))
        elif expected == 302 and who == "anonymous":
            assert response["Location"].startswith(reverse("account_login"))
    assert wrong == []


@pytest.mark.parametrize("who", PEOPLE)
def test_deciding_a_report(client, world, who):
    report = services.report_create(user=world.classmate, post=world.opening, reason="spam")
    url = reverse("courses:discussion-report-decide", args=[world.course.pk, report.pk])
    response = _client(client, world, who).post(url, {"action": "dismiss"})
    assert response.status_code == _expected(who, MODERATORS, 302)
    report.refresh_from_db()
    assert report.status == ("dismissed" if who in MODERATORS else "open")


@pytest.mark.parametrize("who", ["anonymous", "other_trainee", "author"])
def test_display_name_page(client, world, who):
    response = _client(client, world, who).get(reverse("courses:discussion-name"))
    assert response.status_code == (302 if who == "anonymous" else 200)


def test_another_courses_thread_and_post_are_not_found_under_this_course(client, world):
    """The other course's instructor, in their own course's URLs, cannot reach this course's objects."""
    client.force_login(world.other_instructor)
    c = world.other_course.pk
    assert client.get(reverse("courses:discussion", args=[c])).status_code == 200
    assert client.get(reverse("courses:discussion-thread", args=[c, world.thread.pk])).status_code == 404
    assert (
        client.get(reverse("courses:discussion-post-report", args=[c, world.opening.pk])).status_code == 404
    )
    hide = client.post(
        reverse("courses:discussion-post-moderate", args=[c, world.opening.pk]), {"action": "hide"}
    )
    assert hide.status_code == 404
    world.opening.refresh_from_db()
    assert not world.opening.hidden


def test_a_withdrawn_trainee_is_out(client, world):
    from courses.models import Enrollment

    Enrollment.objects.filter(user=world.classmate).update(status="withdrawn")
    client.force_login(world.classmate)
    assert client.get(reverse("courses:discussion", args=[world.course.pk])).status_code == 403


def test_an_instructor_named_on_the_course_without_the_role_is_not_a_moderator(client, world):
    world.instructor.groups.clear()
    client.force_login(world.instructor)
    assert client.get(reverse("courses:discussion", args=[world.course.pk])).status_code == 403


def test_a_made_up_action_is_not_found(client, world):
    client.force_login(world.instructor)
    url = reverse("courses:discussion-thread-moderate", args=[world.course.pk, world.thread.pk])
    assert client.post(url, {"action": "delete"}).status_code == 404
    assert client.post(url, {"action": "hide"}).status_code == 404
    assert Report.objects.count() == 0

"""Program administrators moderate every course's discussion (without posting in it), and the list of
discussions a person moderates: who may open it, what it counts, safety items first; a safety item in a
course with no active instructor goes to the administrators."""

import pytest
from django.urls import reverse

from courses.discussion import selectors, services
from courses.discussion.models import Report
from lms.notifications.models import Notification, NotificationKind
from tests.factories import make_course

pytestmark = pytest.mark.django_db

URL = reverse("courses:discussion-moderated")


@pytest.mark.parametrize(
    ("who", "status"),
    [("other_trainee", 403), ("author", 403), ("supervisor", 403), ("instructor", 200), ("admin", 200)],
)
def test_who_may_open_the_list(client, world, who, status):
    client.force_login(world.person(who))
    assert client.get(URL).status_code == status


def test_anonymous_goes_to_the_login_page(client, world):
    response = client.get(URL)
    assert response.status_code == 302 and response["Location"].startswith(reverse("account_login"))


def test_an_instructor_sees_their_courses_and_an_administrator_every_course(client, world):
    services.report_create(user=world.classmate, post=world.opening, reason="spam")
    client.force_login(world.instructor)
    html = client.get(URL).content.decode()
    assert "Peer course" in html and "Other course" not in html
    assert reverse("courses:discussion-moderation", args=[world.course.pk]) in html
    client.force_login(world.admin)
    html = client.get(URL).content.decode()
    assert "Peer course" in html and "Other course" in html


def test_counts_and_safety_items_first(world, catalogue):
    make_course(catalogue, title="Quiet course")
    services.report_create(user=world.classmate, post=world.opening, reason="spam")
    _thread, crisis = services.thread_start(
        user=world.other_trainee,
        course=world.other_course,
        title="Hard week",
        body="I thought about suicide.",
    )
    assert crisis
    rows = {c.title: c for c in selectors.moderated_courses(user=world.admin)}
    assert [c.title for c in selectors.moderated_courses(user=world.admin)][0] == "Other course"
    assert (rows["Other course"].open_safety, rows["Other course"].open_reports) == (1, 1)
    assert (rows["Peer course"].open_safety, rows["Peer course"].open_reports) == (0, 1)
    assert (rows["Quiet course"].open_safety, rows["Quiet course"].open_reports) == (0, 0)
    Report.objects.update(status=Report.Status.RESOLVED)
    assert all(c.open_reports == 0 for c in selectors.moderated_courses(user=world.admin))


def test_the_list_is_one_query_whatever_the_number_of_courses(world, catalogue, django_assert_num_queries):
    selectors.moderated_courses(user=world.admin)  # the person's roles and the default locale, read once
    with django_assert_num_queries(1):
        assert len(selectors.moderated_courses(user=world.admin)) == 2
    for n in range(3):
        make_course(catalogue, title=f"Course {n}")
    with django_assert_num_queries(1):
        assert len(selectors.moderated_courses(user=world.admin)) == 5


def test_an_administrator_reads_and_moderates_but_does_not_post(client, world):
    client.force_login(world.admin)
    listing = client.get(reverse("courses:discussion", args=[world.course.pk])).content.decode()
    assert reverse("courses:discussion-new", args=[world.course.pk]) not in listing
    assert reverse("courses:discussion-moderation", args=[world.course.pk]) in listing
    thread = client.get(reverse("courses:discussion-thread", args=[world.course.pk, world.thread.pk]))
    assert 'id="reply"' not in thread.content.decode()
    refused = client.post(
        reverse("courses:discussion-thread", args=[world.course.pk, world.thread.pk]), {"body": "Hello"}
    )
    assert refused.status_code == 403
    assert world.thread.posts.count() == 2  # the opening post and the classmate's reply: nothing added
    hidden = client.post(
        reverse("courses:discussion-post-moderate", args=[world.course.pk, world.reply.pk]),
        {"action": "hide"},
    )
    assert hidden.status_code == 302
    world.reply.refresh_from_db()
    assert world.reply.hidden


def test_a_safety_item_without_an_instructor_goes_to_the_administrators(world):
    world.instructor.is_active = False  # has left: named on the course, but reads nothing now
    world.instructor.save(update_fields=["is_active"])
    services.reply_create(user=world.classmate, thread=world.thread, body="Last night I nearly overdosed.")
    alerts = Notification.objects.filter(kind=NotificationKind.DISCUSSION_SAFETY)
    assert [n.user_id for n in alerts] == [world.admin.pk]


def test_a_safety_item_goes_to_the_instructors_alone_when_the_course_has_one(world):
    services.reply_create(user=world.classmate, thread=world.thread, body="Last night I nearly overdosed.")
    alerts = Notification.objects.filter(kind=NotificationKind.DISCUSSION_SAFETY)
    assert [n.user_id for n in alerts] == [world.instructor.pk]

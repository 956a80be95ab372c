"""The discussion list and a thread page cost the same number of queries at 5 and at 500 threads or
posts (paginated, authors and their display names loaded with the rows)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from courses import services as course_services
from courses.discussion.models import DiscussionProfile, Post, Thread
from tests.factories import TraineeFactory

pytestmark = pytest.mark.django_db


def _people(world, count=4):
    people = [world.author, world.classmate, world.instructor]
    for i in range(count):
        person = TraineeFactory()
        course_services.enrollment_create(user=person, course=world.course)
        if i % 2:
            DiscussionProfile.objects.create(user=person, display_name=f"Name {i}", name_key=f"name {i}")
        people.append(person)
    return people


def _add_threads(world, people, count):
    now = timezone.now()
    threads = Thread.objects.bulk_create(
        Thread(
            course=world.course,
            module=world.module if i % 2 else None,
            author=people[i % len(people)],
            title=f"Thread {i}",
            last_activity_at=now,
            pinned=i == 3,
            locked=i == 4,
        )
        for i in range(count)
    )
    Post.objects.bulk_create(
        Post(thread=t, author=t.author, body=f"Opening {t.title}", is_opening=True) for t in threads
    )


def _add_posts(world, people, count):
    Post.objects.bulk_create(
        Post(thread=world.thread, author=people[i % len(people)], body=f"**Reply** {i}", hidden=i % 7 == 0)
        for i in range(count)
    )
    Thread.objects.filter(pk=world.thread.pk).update(reply_count=count + 1)


def _count(client, url) -> int:
    client.get(url)  # warm: the site and roles caches, as on any later request
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("who", ["classmate", "instructor"])
def test_the_list_costs_the_same_at_5_and_500_threads(client, world, who, django_assert_num_queries):
    people = _people(world)
    client.force_login(getattr(world, who))
    url = reverse("courses:discussion", args=[world.course.pk])
    _add_threads(world, people, 4)  # with the fixture's thread: 5
    small = _count(client, url)
    _add_threads(world, people, 495)
    with django_assert_num_queries(small):
        page = client.get(url)
    assert page.content.decode().count('class="discussion-list__title"') == 20
    with django_assert_num_queries(small):
        client.get(url, {"page": 25})


@pytest.mark.parametrize("who", ["classmate", "instructor"])
def test_a_thread_costs_the_same_at_5_and_500_posts(client, world, who, django_assert_num_queries):
    people = _people(world)
    client.force_login(getattr(world, who))
    url = reverse("courses:discussion-thread", args=[world.course.pk, world.thread.pk])
    _add_posts(world, people, 3)  # with the fixture's two posts: 5
    small = _count(client, url)
    _add_posts(world, people, 495)
    with django_assert_num_queries(small):
        page = client.get(url)
    assert page.content.decode().count('class="card discussion-post') == 50
    with django_assert_num_queries(small):
        client.get(url, {"page": 10})

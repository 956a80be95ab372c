"""A course with two modules and the people the permission tests need: two enrolled trainees (the
author of the thread and a classmate), a trainee of another course, the course's instructor, an
instructor of another course, a supervisor and a program administrator (neither enrolled)."""

from dataclasses import dataclass

import pytest
from django.core.cache import cache

from certificates.issuing.ratelimit import _redis_client
from courses import services as course_services
from courses.discussion import services
from courses.discussion.models import Post, Thread
from courses.models import CoursePage, ModulePage
from tests.factories import (
    InstructorFactory,
    ProgramAdminFactory,
    SupervisorFactory,
    TraineeFactory,
    make_course,
    make_module,
)


@dataclass
class World:
    course: CoursePage
    other_course: CoursePage
    module: ModulePage
    second: ModulePage
    author: object
    classmate: object
    other_trainee: object
    instructor: object
    other_instructor: object
    supervisor: object
    admin: object
    thread: Thread
    opening: Post
    reply: Post

    def person(self, who):
        return None if who == "anonymous" else getattr(self, who)


def _clear_this_workers_cache():
    """Posting counters start at zero. With Redis, only this test process's keys (its KEY_PREFIX) are
    deleted: cache.clear() would flush the whole database, other xdist workers' warm caches included."""
    redis = _redis_client(cache)
    if redis is None:
        cache.clear()  # the local-memory cache belongs to this process alone
        return
    keys = list(redis.scan_iter(match=cache.make_key("*")))
    if keys:
        redis.delete(*keys)


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    _clear_this_workers_cache()
    yield
    _clear_this_workers_cache()


@pytest.fixture
def world(catalogue):
    instructor = InstructorFactory(full_name="Ina Structor")
    other_instructor = InstructorFactory(full_name="Otto Other")
    course = make_course(catalogue, title="Peer course", instructors=[instructor])
    other_course = make_course(catalogue, title="Other course", instructors=[other_instructor])
    module = make_module(course, title="Listening")
    second = make_module(course, title="Boundaries")
    make_module(other_course, title="Elsewhere")
    author = TraineeFactory(full_name="Maria Gonzalez", email="maria@example.org")
    classmate = TraineeFactory(full_name="Cal Mate", preferred_name="Cal")
    other_trainee = TraineeFactory(full_name="Olga Outside")
    for person in (author, classmate):
        course_services.enrollment_create(user=person, course=course)
    course_services.enrollment_create(user=other_trainee, course=other_course)
    thread, _ = services.thread_start(
        user=author, course=course, title="How do you listen?", body="I find **silence** hard.", module=module
    )
    reply, _ = services.reply_create(user=classmate, thread=thread, body="Me too. _Counting to five_ helps.")
    _clear_this_workers_cache()
    return World(
        course=course,
        other_course=other_course,
        module=module,
        second=second,
        author=author,
        classmate=classmate,
        other_trainee=other_trainee,
        instructor=instructor,
        other_instructor=other_instructor,
        supervisor=SupervisorFactory(),
        admin=ProgramAdminFactory(),
        thread=Thread.objects.get(pk=thread.pk),
        opening=Post.objects.get(thread=thread, is_opening=True),
        reply=Post.objects.get(pk=reply.pk),
    )

import pytest

from courses.discussion.models import Post, Thread
from courses.discussion.seed import QUESTION_TITLE, WELCOME_TITLE, seed_discussion

pytestmark = pytest.mark.django_db


def test_the_demo_discussion_is_seeded_once(world):
    Thread.objects.all().delete()
    users = {"trainee": world.classmate, "instructor": world.instructor}
    seed_discussion(users=users)
    seed_discussion(users=users)
    threads = list(Thread.objects.order_by("-pinned", "pk"))
    assert [(t.title, t.pinned) for t in threads] == [(WELCOME_TITLE, True), (QUESTION_TITLE, False)]
    assert threads[1].module == world.module and threads[1].reply_count == 1
    assert Post.objects.count() == 3

"""The grading queue paginated in the database: each list pages on its own parameter (the others'
pages kept in the links), counts over every attempt, bad ?page= values, the same query count at 3
and 60 attempts, and never another course's attempts or the instructor's own."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from assessments.models import Attempt
from tests import factories as base

pytestmark = pytest.mark.django_db
URL = reverse("assessments:grading_queue")


def waiting(assessment, n, *, status="awaiting_grading", marker=None, start=0):
    """`n` attempts by new trainees, submitted one minute apart (oldest first)."""
    now = timezone.now()
    return [
        Attempt.objects.create(
            assessment=assessment,
            user=base.TraineeFactory(),
            number=1,
            status=status,
            pass_mark=70,
            marker=marker,
            submitted_at=now - timedelta(minutes=1000 - start - i),
        )
        for i in range(n)
    ]


def section(page, name):
    return page.split(f'id="{name}"')[1].split("</section>")[0]


def grade_ids(html):
    return [int(i) for i in re.findall(r'href="/assessments/grading/(\d+)/"', html)]


def get(client, **params):
    response = client.get(URL, params)
    assert response.status_code == 200
    return response.content.decode()


def test_to_grade_pages_oldest_first_with_the_count_of_all(client, world):
    attempts = waiting(world.exam, 60)
    client.force_login(world.instructor)
    first, second = get(client), get(client, page=2)
    listed = [grade_ids(section(p, "to_grade")) for p in (first, second)]
    assert sum(listed, []) == [a.pk for a in attempts]
    assert [len(ids) for ids in listed] == [50, 10]
    assert '<span class="tag">60</span>' in section(first, "to_grade")
    assert "Showing 51–60 of 60" in second


def test_each_list_pages_on_its_own_and_links_keep_the_others(client, world):
    to_grade = waiting(world.exam, 55)
    to_release = waiting(world.exam, 55, status="graded", start=500)
    client.force_login(world.instructor)
    page = get(client, page=2, release=2)
    assert grade_ids(section(page, "to_grade")) == [a.pk for a in to_grade[50:]]
    assert grade_ids(section(page, "to_release")) == [a.pk for a in to_release[50:]]
    assert 'href="?release=2#to_grade"' in page  # to_grade's page 1 keeps the other list's page
    assert 'href="?page=2#to_release"' in page


@pytest.mark.parametrize("raw", ["abc", "0", "-1", "99999", "9" * 40])
def test_any_page_number_gives_a_page(client, world, raw):
    waiting(world.exam, 55)
    client.force_login(world.instructor)
    page = get(client, page=raw, second=raw, release=raw, flagged=raw)
    assert len(grade_ids(section(page, "to_grade"))) == (5 if raw in ("99999", "9" * 40) else 50)


def test_second_marking_lists_split_by_who_asked(client, world):
    mine = waiting(world.exam, 3, status="awaiting_second_marker", marker=world.instructor)
    theirs = waiting(world.exam, 4, status="awaiting_second_marker", marker=world.co_instructor, start=100)
    client.force_login(world.instructor)
    page = get(client)
    assert grade_ids(section(page, "second_marking")) == [a.pk for a in theirs]
    assert grade_ids(section(page, "flagged_by_me")) == [a.pk for a in mine]


def test_never_another_course_or_the_instructors_own_attempt(client, world):
    waiting(world.other_quiz, 5)
    own = Attempt.objects.create(
        assessment=world.exam,
        user=world.instructor,
        number=1,
        status="awaiting_grading",
        pass_mark=70,
        submitted_at=timezone.now(),
    )
    client.force_login(world.instructor)
    page = get(client)
    assert grade_ids(page) == [] and '<span class="tag">0</span>' in section(page, "to_grade")
    client.force_login(world.co_instructor)
    assert grade_ids(get(client)) == [own.pk]


def test_query_count_is_the_same_for_3_and_60_attempts(client, world):
    client.force_login(world.instructor)

    def measure(**params):
        with CaptureQueriesContext(connection) as ctx:
            get(client, **params)
        return len(ctx.captured_queries)

    waiting(world.exam, 3)
    waiting(world.exam, 1, status="graded", start=300)
    waiting(world.exam, 1, status="awaiting_second_marker", marker=world.co_instructor, start=400)
    get(client)
    small = measure()
    waiting(world.exam, 57, start=10)
    waiting(world.exam, 59, status="graded", start=310)
    waiting(world.exam, 59, status="awaiting_second_marker", marker=world.co_instructor, start=410)
    assert measure() == small == measure(page=2, release=2, second=2)
    assert small <= 12


def test_only_instructors_and_administrators(client, world):
    assert client.get(URL).status_code == 302
    client.force_login(world.trainee)
    assert client.get(URL).status_code == 403
    client.force_login(base.SupervisorFactory())
    assert client.get(URL).status_code == 403
    client.force_login(base.ProgramAdminFactory())
    assert client.get(URL).status_code == 200

"""The Wagtail dashboard panel: enrolments and completions this calendar month, per course and in total."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from cms.selectors import month_bounds
from cms.wagtail_hooks import MonthlyActivityPanel
from courses.models import Enrollment
from lms.models import User

from ..factories import InstructorFactory, ProgramAdminFactory, TraineeFactory, make_course


def this_month():
    start, _ = month_bounds()
    return start + timedelta(hours=2)


def last_month():
    start, _ = month_bounds()
    return start - timedelta(days=3)


def enrol(course, *, enrolled_at, completed_at=None):
    return Enrollment.objects.create(
        user=TraineeFactory(),
        course=course,
        enrolled_at=enrolled_at,
        completed_at=completed_at,
        status=Enrollment.Status.COMPLETED if completed_at else Enrollment.Status.ACTIVE,
    )


def panel_rows(html):
    """{course id or "total": (enrolments, completions)} as shown in the panel."""
    rows = {}
    for key, body in re.findall(r'<tr data-(course="\d+"|total)>(.*?)</tr>', html, re.S):
        numbers = (
            int(re.search(r"data-enrolments>(\d+)<", body).group(1)),
            int(re.search(r"data-completions>(\d+)<", body).group(1)),
        )
        rows["total" if key == "total" else int(key.split('"')[1])] = numbers
    return rows


@pytest.fixture
def courses(catalogue):
    return [make_course(catalogue, title=f"Course {name}") for name in "ABC"]


@pytest.mark.django_db
def test_dashboard_shows_this_months_enrolments_and_completions(client, courses):
    a, b, c = courses
    enrol(a, enrolled_at=this_month())
    enrol(a, enrolled_at=this_month())
    enrol(a, enrolled_at=last_month(), completed_at=this_month())  # completion counts, enrolment does not
    enrol(b, enrolled_at=this_month(), completed_at=this_month())
    enrol(b, enrolled_at=last_month())  # nothing this month
    enrol(c, enrolled_at=last_month(), completed_at=last_month())  # nothing this month: row left out

    client.force_login(ProgramAdminFactory())
    response = client.get("/admin/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Enrolments and completions this month" in html
    assert panel_rows(html) == {a.pk: (2, 1), b.pk: (1, 1), "total": (3, 2)}


@pytest.mark.django_db
def test_instructor_sees_only_the_courses_they_teach(client, catalogue):
    instructor = InstructorFactory()
    mine = make_course(catalogue, title="Mine", instructors=[instructor])
    other = make_course(catalogue, title="Other")
    enrol(mine, enrolled_at=this_month())
    enrol(other, enrolled_at=this_month())
    enrol(other, enrolled_at=this_month())

    client.force_login(instructor)
    html = client.get("/admin/").content.decode()
    assert panel_rows(html) == {mine.pk: (1, 0), "total": (1, 0)}
    assert "Other" not in html


@pytest.mark.django_db
def test_panel_is_not_shown_to_other_staff(client, courses):
    enrol(courses[0], enrolled_at=this_month())
    editor = User.objects.create_user("editor@example.org", "pw", is_superuser=False, is_staff=True)
    from django.contrib.auth.models import Permission

    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    response = client.get("/admin/")
    assert response.status_code == 200
    assert "Enrolments and completions this month" not in response.content.decode()


@pytest.mark.django_db
def test_empty_month_says_so(client, courses):
    enrol(courses[0], enrolled_at=last_month())
    client.force_login(ProgramAdminFactory())
    html = client.get("/admin/").content.decode()
    assert "No enrolments or completions yet this month." in html
    assert panel_rows(html) == {"total": (0, 0)}


def _panel_queries(user_pk):
    user = User.objects.get(pk=user_pk)  # fresh object: no cached roles
    with CaptureQueriesContext(connection) as ctx:
        html = MonthlyActivityPanel(user).render_html({})
    return len(ctx), html


@pytest.mark.django_db
def test_panel_query_count_is_the_same_for_3_and_30_courses(catalogue):
    admin = ProgramAdminFactory()
    courses = [make_course(catalogue, title=f"Course {i:02d}") for i in range(30)]
    for course in courses[:3]:
        enrol(course, enrolled_at=this_month(), completed_at=this_month())
    few, html = _panel_queries(admin.pk)
    assert len(panel_rows(html)) == 4

    for course in courses[3:]:
        enrol(course, enrolled_at=this_month())
        enrol(course, enrolled_at=last_month(), completed_at=this_month())
    many, html = _panel_queries(admin.pk)
    assert len(panel_rows(html)) == 31
    assert panel_rows(html)["total"] == (30, 30)
    assert many == few == 2  # the user's groups, then one aggregate query


@pytest.mark.django_db
def test_month_bounds_follow_the_site_time_zone():
    # 00:30 on 1 March in New York is still February in UTC; the month is New York's.
    moment = timezone.make_aware(timezone.datetime(2026, 3, 1, 0, 30))
    start, end = month_bounds(moment)
    assert (start.month, start.day, start.hour) == (3, 1, 0)
    assert (end.year, end.month) == (2026, 4)
    december = timezone.make_aware(timezone.datetime(2026, 12, 31, 23, 0))
    assert month_bounds(december)[1].year == 2027

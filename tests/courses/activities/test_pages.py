"""Practice activities through the pages a person uses: the module page's section and forms, the
partner's confirmation page and the instructors' attendance sheet, with who may see and do what."""

from decimal import Decimal

import pytest
from django.urls import reverse

from courses.activities import services
from courses.activities.models import ActivityRecord
from courses.hours import training_hours_by_domain_for_users

from ..factories import assert_accessible_basics
from .conftest import WORDS

pytestmark = pytest.mark.django_db


def _hours(user) -> Decimal:
    return sum(training_hours_by_domain_for_users(user_ids=[user.pk]).get(user.pk, {}).values(), Decimal("0"))


def _as(client, user):
    client.force_login(user)
    return client


# --- the module page ---------------------------------------------------------------------------------


def test_the_module_page_lists_activities_with_hours_and_forms(client, world):
    page = _as(client, world.trainee).get(world.module.url).content.decode()
    assert_accessible_basics(page)
    assert 'id="practice-title">Practice activities</h2>' in page
    for activity, hours in ((world.reflection, "0.5"), (world.role_play, "1"), (world.attendance, "4")):
        assert f'id="activity-{activity.key}-title">{activity.title}</h3>' in page
        assert f"{hours} training hours" in page
    assert reverse("courses:activity-reflection", args=[world.reflection.pk]) in page
    assert reverse("courses:activity-role-play", args=[world.role_play.pk]) in page
    assert "An instructor of the course confirms your attendance" in page
    # headings in order: h1 (module), h2 (section), h3 (each activity)
    assert page.index("<h1") < page.index('id="practice-title"') < page.index('id="activity-reflect-title"')


def test_writing_a_reflection_on_the_page(client, world):
    client = _as(client, world.trainee)
    url = reverse("courses:activity-reflection", args=[world.reflection.pk])
    response = client.post(url, {f"activity-{world.reflection.pk}-text": WORDS})
    assert response.status_code == 302 and response["Location"].endswith("#activity-reflect")
    page = client.get(world.module.url).content.decode()
    assert "0.5 hours credited" in page and "Read what you wrote" in page and WORDS in page
    assert url not in page  # recorded once: no form any more
    assert _hours(world.trainee) == Decimal("0.5")
    again = client.post(url, {f"activity-{world.reflection.pk}-text": WORDS})
    assert again.status_code == 409 and ActivityRecord.objects.count() == 1


def test_a_refused_reflection_comes_back_as_typed_with_its_error(client, world):
    client = _as(client, world.trainee)
    url = reverse("courses:activity-reflection", args=[world.reflection.pk])
    response = client.post(url, {f"activity-{world.reflection.pk}-text": "My few honest words"})
    assert response.status_code == 422
    page = response.content.decode()
    assert "My few honest words</textarea>" in page
    assert "Write at least 20 words (you wrote 4)." in page
    assert 'aria-invalid="true"' in page
    assert_accessible_basics(page)
    assert not ActivityRecord.objects.exists()


def test_logging_a_role_play_and_the_partner_confirming(client, world, django_user_model):
    client = _as(client, world.trainee)
    url = reverse("courses:activity-role-play", args=[world.role_play.pk])
    field = f"activity-{world.role_play.pk}-partner_email"

    refused = client.post(url, {field: "nobody@example.org"})
    assert refused.status_code == 422
    assert 'value="nobody@example.org"' in refused.content.decode()
    assert "No trainee or instructor of this course has that email address" in refused.content.decode()

    assert client.post(url, {field: world.classmate.email}).status_code == 302
    page = client.get(world.module.url).content.decode()
    assert "Waiting for Cal Mate to confirm it." in page and _hours(world.trainee) == 0
    record = ActivityRecord.objects.get()

    partner = _as(client, world.classmate)
    listed = partner.get(reverse("courses:activity-confirmations")).content.decode()
    assert reverse("courses:activity-confirm", args=[record.pk]) in listed
    confirm_url = reverse("courses:activity-confirm", args=[record.pk])
    page = partner.get(confirm_url).content.decode()
    assert "Tara Trainee says they did this role-play with you" in page
    assert_accessible_basics(page)
    assert partner.post(confirm_url, {"decision": "confirm"}).status_code == 302
    assert _hours(world.trainee) == Decimal("1")
    assert "You confirmed it on" in partner.get(confirm_url).content.decode()
    assert partner.post(confirm_url, {"decision": "decline"}).status_code == 409

    trainee_page = _as(client, world.trainee).get(world.module.url).content.decode()
    assert "Confirmed by Cal Mate on" in trainee_page


def test_the_partner_may_decline(client, world):
    record = services.role_play_log(
        user=world.trainee, activity=world.role_play, partner_email=world.classmate.email
    )
    url = reverse("courses:activity-confirm", args=[record.pk])
    assert _as(client, world.classmate).post(url, {"decision": "decline"}).status_code == 302
    page = _as(client, world.trainee).get(world.module.url).content.decode()
    assert "Cal Mate did not confirm this role-play" in page
    assert reverse("courses:activity-role-play", args=[world.role_play.pk]) in page  # may log it again
    assert _hours(world.trainee) == 0


@pytest.mark.parametrize(
    "who, status",
    [
        (None, 302),
        ("trainee", 404),
        ("stranger", 404),
        ("instructor", 404),
        ("admin", 404),
        ("classmate", 200),
    ],
)
def test_only_the_partner_sees_the_confirmation_page(client, world, who, status):
    record = services.role_play_log(
        user=world.trainee, activity=world.role_play, partner_email=world.classmate.email
    )
    url = reverse("courses:activity-confirm", args=[record.pk])
    if who:
        client.force_login(getattr(world, who))
    assert client.get(url).status_code == status
    assert client.post(url, {"decision": "confirm"}).status_code == (
        302 if who in (None, "classmate") else 404
    )
    record.refresh_from_db()
    assert record.status == ("confirmed" if who == "classmate" else "waiting")


@pytest.mark.parametrize("who", [None, "stranger", "other_instructor", "instructor", "admin"])
def test_forms_are_refused_to_anyone_not_taking_the_module(client, world, who):
    """Only an enrolled trainee records: anyone else is sent to log in or refused, and nothing is saved."""
    if who:
        client.force_login(getattr(world, who))
    for url, data in (
        (
            reverse("courses:activity-reflection", args=[world.reflection.pk]),
            {f"activity-{world.reflection.pk}-text": WORDS},
        ),
        (
            reverse("courses:activity-role-play", args=[world.role_play.pk]),
            {f"activity-{world.role_play.pk}-partner_email": world.classmate.email},
        ),
    ):
        response = client.post(url, data)
        if who is None:
            assert response.status_code == 302 and "/login/" in response["Location"]
        else:
            assert response.status_code == 403
            assert "Enrol in the course first." in response.content.decode()
    assert not ActivityRecord.objects.exists()


def test_staff_reading_the_module_see_the_activities_without_forms(client, world):
    page = _as(client, world.instructor).get(world.module.url).content.decode()
    assert "Practice activities" in page and "Trainees record this activity here." in page
    assert reverse("courses:activity-reflection", args=[world.reflection.pk]) not in page


# --- the attendance sheet ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "who, status",
    [
        (None, 302),
        ("trainee", 403),
        ("stranger", 403),
        ("classmate", 403),
        ("other_instructor", 403),
        ("instructor", 200),
        ("admin", 200),
    ],
)
def test_who_sees_a_courses_attendance_sheet(client, world, who, status):
    if who:
        client.force_login(getattr(world, who))
    url = reverse("courses:activity-attendance-course", args=[world.course.pk])
    assert client.get(url).status_code == status
    key = f"{world.attendance.pk}-{world.trainee.enrollments.get().pk}"
    posted = client.post(url, {"attended": [key]})
    assert posted.status_code == (302 if status in (200, 302) else 403)
    assert ActivityRecord.objects.exists() == (status == 200)


def test_instructors_tick_who_attended(client, world):
    client = _as(client, world.instructor)
    index = client.get(reverse("courses:activity-attendance")).content.decode()
    url = reverse("courses:activity-attendance-course", args=[world.course.pk])
    assert (
        url in index
        and reverse("courses:activity-attendance-course", args=[world.other_course.pk]) not in index
    )
    page = client.get(url).content.decode()
    assert_accessible_basics(page)
    assert "Tara Trainee" in page and "Cal Mate" in page
    trainee_key = f"{world.attendance.pk}-{world.trainee.enrollments.get().pk}"
    classmate_key = f"{world.attendance.pk}-{world.classmate.enrollments.get().pk}"

    nothing = client.post(url, {})
    assert nothing.status_code == 422 and "Tick at least one person who attended." in nothing.content.decode()
    assert client.post(url, {"attended": [trainee_key, classmate_key]}).status_code == 302
    assert _hours(world.trainee) == Decimal("4") and _hours(world.classmate) == Decimal("4")
    page = client.get(url).content.decode()
    assert "Tara Trainee: confirmed" in page and f'value="{trainee_key}"' not in page
    # A second tick of the same person (a stale page) is refused: the box is no longer a choice.
    assert client.post(url, {"attended": [trainee_key]}).status_code == 422
    assert ActivityRecord.objects.count() == 2


def test_the_dashboard_says_where_hours_come_from(client, world):
    services.reflection_record(user=world.trainee, activity=world.reflection, text=WORDS)
    page = _as(client, world.trainee).get(reverse("courses:dashboard")).content.decode()
    assert "0.5 hours of practice activities you recorded" in page


# --- query counts ------------------------------------------------------------------------------------


def _count(client, url) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)  # warm per-process caches
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_the_attendance_sheet_costs_the_same_for_more_trainees(client, world):
    from courses import services as course_services
    from tests.factories import TraineeFactory

    client = _as(client, world.instructor)
    url = reverse("courses:activity-attendance-course", args=[world.course.pk])
    small = _count(client, url)
    for _ in range(6):
        course_services.enrollment_create(user=TraineeFactory(), course=world.course)
    services.attendance_confirm(actor=world.instructor, activity=world.attendance, trainee=world.trainee)
    assert _count(client, url) == small


def test_the_module_page_costs_the_same_with_records(client, world):
    client = _as(client, world.trainee)
    before = _count(client, world.module.url)
    services.reflection_record(user=world.trainee, activity=world.reflection, text=WORDS)
    services.role_play_log(user=world.trainee, activity=world.role_play, partner_email=world.classmate.email)
    services.attendance_confirm(actor=world.instructor, activity=world.attendance, trainee=world.trainee)
    assert _count(client, world.module.url) == before

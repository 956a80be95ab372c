"""Recording practice activities through the services: who may record what, once, and when hours count."""

from datetime import date
from decimal import Decimal

import pytest
from django.db import connection
from django.utils import timezone

from courses import services as course_services
from courses.activities import services
from courses.activities.models import ActivityRecord
from courses.hours import training_hours_by_domain_for_users
from lms.errors import Conflict, Forbidden, Invalid
from lms.models import AuditEvent
from lms.notifications.models import Notification, NotificationKind

from .conftest import WORDS

pytestmark = pytest.mark.django_db


def _hours(user) -> Decimal:
    return sum(training_hours_by_domain_for_users(user_ids=[user.pk]).get(user.pk, {}).values(), Decimal("0"))


# --- reflection --------------------------------------------------------------------------------------


def test_a_reflection_counts_at_once_with_a_snapshot_and_is_encrypted(world):
    record = services.reflection_record(user=world.trainee, activity=world.reflection, text=WORDS)
    assert record.status == ActivityRecord.Status.CONFIRMED
    assert (record.hours, record.domain, record.delivery_mode) == (Decimal("0.5"), world.domain, "self_paced")
    assert record.recorded_on == timezone.localdate() and record.confirmed_by == world.trainee
    assert _hours(world.trainee) == Decimal("0.5")
    with connection.cursor() as cursor:
        cursor.execute("SELECT reflection FROM courses_activityrecord WHERE id = %s", [record.pk])
        stored = cursor.fetchone()[0]
    assert "word" not in stored  # ciphertext only
    assert ActivityRecord.objects.get(pk=record.pk).reflection == WORDS
    event = AuditEvent.objects.get(action="activity.reflection_recorded")
    assert "word" not in str(event.details) and event.subject == world.trainee


def test_a_reflection_is_recorded_once(world):
    services.reflection_record(user=world.trainee, activity=world.reflection, text=WORDS)
    with pytest.raises(Conflict) as raised:
        services.reflection_record(user=world.trainee, activity=world.reflection, text=WORDS + " more")
    assert raised.value.message == services.ERR_ALREADY_RECORDED
    assert ActivityRecord.objects.count() == 1 and _hours(world.trainee) == Decimal("0.5")


def test_a_short_reflection_is_refused_with_the_count(world):
    with pytest.raises(Invalid) as raised:
        services.reflection_record(user=world.trainee, activity=world.reflection, text="too few words")
    assert raised.value.message == services.ERR_TOO_SHORT.format(minimum=20, count=3)
    assert raised.value.field == "text" and not ActivityRecord.objects.exists()


def test_only_an_enrolled_trainee_with_the_module_open_records(world):
    with pytest.raises(Forbidden) as raised:
        services.reflection_record(user=world.stranger, activity=world.reflection, text=WORDS)
    assert raised.value.message == services.ERR_NOT_ENROLLED
    later = world.reflection
    later.pk, later.key, later.module = None, "later", world.second
    later.save()
    with pytest.raises(Forbidden) as raised:
        services.reflection_record(user=world.trainee, activity=later, text=WORDS)
    assert raised.value.message == services.ERR_MODULE_LOCKED
    enrollment = world.trainee.enrollments.get()
    enrollment.status = enrollment.Status.WITHDRAWN
    enrollment.save()
    with pytest.raises(Forbidden):
        services.reflection_record(
            user=world.trainee, activity=world.module.activities.get(key="reflect"), text=WORDS
        )
    assert not ActivityRecord.objects.exists()


def test_an_activity_is_recorded_its_own_way(world):
    with pytest.raises(Invalid) as raised:
        services.reflection_record(user=world.trainee, activity=world.role_play, text=WORDS)
    assert raised.value.message == services.ERR_WRONG_KIND


# --- role-play ---------------------------------------------------------------------------------------


def test_a_role_play_counts_only_once_the_partner_confirms(world):
    record = services.role_play_log(
        user=world.trainee, activity=world.role_play, partner_email=world.classmate.email.upper()
    )
    assert record.status == ActivityRecord.Status.WAITING and record.partner == world.classmate
    assert record.recorded_on is None and _hours(world.trainee) == 0
    note = Notification.objects.get(
        user=world.classmate, kind=NotificationKind.ACTIVITY_CONFIRMATION_REQUESTED
    )
    assert note.link == f"/learn/activities/confirmations/{record.pk}/" and "Tara Trainee" in note.title

    with pytest.raises(Forbidden) as raised:
        services.role_play_confirm(user=world.trainee, record=record)  # not oneself
    assert raised.value.message == services.ERR_NOT_PARTNER
    with pytest.raises(Forbidden):
        services.role_play_confirm(user=world.instructor, record=record)

    record = services.role_play_confirm(user=world.classmate, record=record)
    assert record.status == ActivityRecord.Status.CONFIRMED and record.confirmed_by == world.classmate
    assert record.recorded_on == timezone.localdate()
    assert _hours(world.trainee) == Decimal("1") and _hours(world.classmate) == 0
    assert Notification.objects.filter(user=world.trainee, kind=NotificationKind.ACTIVITY_DECIDED).exists()

    with pytest.raises(Conflict) as raised:
        services.role_play_decline(user=world.classmate, record=record)
    assert raised.value.message == services.ERR_ALREADY_DECIDED
    with pytest.raises(Conflict):
        services.role_play_log(
            user=world.trainee, activity=world.role_play, partner_email=world.classmate.email
        )


def test_a_declined_role_play_counts_nothing_and_may_be_logged_again(world):
    record = services.role_play_log(
        user=world.trainee, activity=world.role_play, partner_email=world.classmate.email
    )
    services.role_play_decline(user=world.classmate, record=record)
    assert _hours(world.trainee) == 0
    note = Notification.objects.get(user=world.trainee, kind=NotificationKind.ACTIVITY_DECIDED)
    assert "not confirmed" in note.title
    again = services.role_play_log(
        user=world.trainee, activity=world.role_play, partner_email=world.instructor.email
    )
    services.role_play_confirm(user=world.instructor, record=again)  # an instructor of the course may partner
    assert _hours(world.trainee) == Decimal("1")


@pytest.mark.parametrize(
    "who, message",
    [
        ("trainee", services.ERR_PARTNER_SELF),
        ("stranger", services.ERR_PARTNER_UNKNOWN),  # a trainee of no course
        ("other_instructor", services.ERR_PARTNER_UNKNOWN),  # an instructor of another course
        ("nobody", services.ERR_PARTNER_UNKNOWN),  # no account: the same answer
    ],
)
def test_the_partner_is_someone_else_in_the_course(world, who, message):
    email = "nobody@example.org" if who == "nobody" else getattr(world, who).email
    with pytest.raises(Invalid) as raised:
        services.role_play_log(user=world.trainee, activity=world.role_play, partner_email=email)
    assert raised.value.message == message and raised.value.field == "partner_email"
    assert not ActivityRecord.objects.exists() and not Notification.objects.exists()


# --- attendance --------------------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["instructor", "admin"])
def test_attendance_confirmed_by_the_course_staff_counts_face_to_face(world, who):
    record = services.attendance_confirm(
        actor=getattr(world, who), activity=world.attendance, trainee=world.trainee
    )
    assert record.status == ActivityRecord.Status.CONFIRMED and record.delivery_mode == "face_to_face"
    assert _hours(world.trainee) == Decimal("4")
    with pytest.raises(Conflict) as raised:
        services.attendance_confirm(actor=world.instructor, activity=world.attendance, trainee=world.trainee)
    assert raised.value.message == services.ERR_ALREADY_CONFIRMED


@pytest.mark.parametrize("who", ["other_instructor", "classmate", "trainee"])
def test_attendance_is_not_confirmed_by_anyone_else(world, who):
    with pytest.raises(Forbidden) as raised:
        services.attendance_confirm(
            actor=getattr(world, who), activity=world.attendance, trainee=world.trainee
        )
    assert raised.value.message == services.ERR_NOT_COURSE_STAFF and not ActivityRecord.objects.exists()


def test_attendance_needs_an_enrolled_trainee(world):
    with pytest.raises(Invalid) as raised:
        services.attendance_confirm(actor=world.instructor, activity=world.attendance, trainee=world.stranger)
    assert raised.value.message == services.ERR_TRAINEE_NOT_ENROLLED


def test_the_date_is_the_trainees_own(world, settings):
    world.trainee.time_zone = "Pacific/Kiritimati"  # UTC+14: already tomorrow there most of the day
    world.trainee.save()
    record = services.attendance_confirm(
        actor=world.instructor, activity=world.attendance, trainee=world.trainee
    )
    from lms.timezones import local_date

    assert record.recorded_on == local_date(world.trainee, record.confirmed_at)
    assert isinstance(record.recorded_on, date)


def test_module_completion_is_untouched_by_activities(world):
    progress = course_services.module_complete(user=world.trainee, module=world.module)
    assert progress.hours_credited == Decimal("0.5")
    services.reflection_record(user=world.trainee, activity=world.reflection, text=WORDS)
    assert _hours(world.trainee) == Decimal("1.0")

"""The one notification service: an in-app row per (person, kind, key), an email through the outbox when
the person's preference allows, the unread count cached and dropped on every change."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.cache import cache
from django.utils import timezone

from lms.errors import Invalid, NotFound
from lms.models import AuditEvent
from lms.notifications import selectors, services
from lms.notifications.models import Notification, NotificationKind, NotificationPreference
from lms.notifications.tasks import prune_notifications
from lms.outbox.models import OutboxMessage
from lms.outbox.services import Attachment
from tests.factories import SupervisorFactory, TraineeFactory

pytestmark = pytest.mark.django_db

Kind = NotificationKind


def _notify(user, key="1", kind=Kind.RESULT_RELEASED, **extra):
    fields = {
        "title": "Your result is ready",
        "body": "You passed.",
        "link": "/assessments/attempts/1/result/",
    }
    fields.update(extra)
    return services.notify(user=user, kind=kind, key=key, **fields)


def test_one_row_and_one_email_sent_once_after_commit(trainee, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first = _notify(trainee)
        again = _notify(trainee, title="Something else")
    assert first.pk == again.pk and again.title == "Your result is ready"
    assert Notification.objects.count() == 1 and OutboxMessage.objects.count() == 1
    assert [m.to for m in mail.outbox] == [[trainee.email]]
    message = mail.outbox[0]
    assert message.subject == "Your result is ready"
    assert "You passed." in message.body and "/assessments/attempts/1/result/" in message.body
    assert "/notifications/settings/" in message.body  # where to stop these emails
    first.email.refresh_from_db()
    assert first.email.status == OutboxMessage.Status.SENT


def test_same_key_for_another_person_or_kind_is_another_notification(trainee, other_trainee):
    _notify(trainee)
    _notify(other_trainee)
    _notify(trainee, kind=Kind.CERTIFICATE_ISSUED)
    assert Notification.objects.count() == 3 and OutboxMessage.objects.count() == 3


def test_email_off_still_writes_the_in_app_row(trainee, django_capture_on_commit_callbacks):
    services.preferences_update(user=trainee, email={Kind.RESULT_RELEASED: False})
    with django_capture_on_commit_callbacks(execute=True):
        notification = _notify(trainee)
        other = _notify(trainee, kind=Kind.CERTIFICATE_ISSUED)  # another kind: still emailed
    assert notification.email is None and Notification.objects.filter(user=trainee).count() == 2
    assert other.email is not None and len(mail.outbox) == 1


def test_no_email_for_a_deactivated_account(trainee):
    trainee.is_active = False
    trainee.save()
    assert _notify(trainee).email is None and not OutboxMessage.objects.exists()


def test_a_custom_email_keeps_its_key_subject_and_attachment(trainee):
    email = services.Email(
        subject="Your certificate",
        body="Attached.",
        key="certificate-issued:9",
        attachment=Attachment("private", "a.pdf", "c.pdf", "application/pdf"),
    )
    notification = _notify(trainee, kind=Kind.CERTIFICATE_ISSUED, key="9", email=email, send_on_commit=False)
    row = notification.email
    assert (row.key, row.subject, row.body, row.attachment_name) == (
        "certificate-issued:9",
        "Your certificate",
        "Attached.",
        "a.pdf",
    )
    assert row.status == OutboxMessage.Status.QUEUED  # the caller delivers it


def test_an_email_queued_before_notifications_existed_is_not_sent_again(trainee):
    old = OutboxMessage.objects.create(
        key="certificate-issued:9", to=trainee.email, subject="s", body="b", status="sent"
    )
    email = services.Email(subject="Your certificate", body="Attached.", key="certificate-issued:9")
    notification = _notify(trainee, kind=Kind.CERTIFICATE_ISSUED, key="9", email=email)
    assert notification.email == old and OutboxMessage.objects.count() == 1


@pytest.mark.parametrize(
    "link", ["https://evil.example/", "//evil.example/x", "/\\evil.example/x", "javascript:alert(1)"]
)
def test_links_are_paths_on_this_site(trainee, link):
    with pytest.raises(Invalid):
        _notify(trainee, link=link)
    assert not Notification.objects.exists()


def test_an_unknown_kind_is_refused(trainee):
    with pytest.raises(Invalid):
        _notify(trainee, kind="gossip")


def test_a_notification_rolls_back_with_the_write_it_reports(trainee):
    from django.db import transaction

    with pytest.raises(RuntimeError), transaction.atomic():
        _notify(trainee)
        raise RuntimeError("the write failed")
    assert not Notification.objects.exists() and not OutboxMessage.objects.exists()


# --- read state and the cached count --------------------------------------------------------------


def test_unread_count_is_cached_and_dropped_on_create_and_on_read(
    trainee, django_assert_num_queries, django_capture_on_commit_callbacks
):
    cache.delete(services.unread_cache_key(trainee))
    with django_assert_num_queries(1):
        assert selectors.unread_count(user=trainee) == 0
    with django_assert_num_queries(0):
        assert selectors.unread_count(user=trainee) == 0
    with django_capture_on_commit_callbacks(execute=True):
        first = _notify(trainee, key="1")
        _notify(trainee, key="2")
    assert selectors.unread_count(user=trainee) == 2
    with django_capture_on_commit_callbacks(execute=True):
        services.notification_open(user=trainee, notification_id=first.pk)
    assert selectors.unread_count(user=trainee) == 1
    with django_capture_on_commit_callbacks(execute=True):
        assert services.notifications_mark_all_read(user=trainee) == 1
    with django_assert_num_queries(1):
        assert selectors.unread_count(user=trainee) == 0


def test_the_count_is_dropped_only_once_the_change_commits(trainee, django_capture_on_commit_callbacks):
    assert selectors.unread_count(user=trainee) == 0
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        _notify(trainee)
    assert cache.get(services.unread_cache_key(trainee)) == 0  # not committed yet
    for callback in callbacks:
        callback()
    assert selectors.unread_count(user=trainee) == 1


def test_opening_marks_read_once_and_only_for_the_owner(trainee, other_trainee):
    notification = _notify(trainee)
    with pytest.raises(NotFound):
        services.notification_open(user=other_trainee, notification_id=notification.pk)
    notification.refresh_from_db()
    assert notification.read_at is None
    opened = services.notification_open(user=trainee, notification_id=notification.pk)
    first_read = opened.read_at
    assert first_read is not None
    again = services.notification_open(user=trainee, notification_id=notification.pk)
    assert again.read_at == first_read


def test_mark_all_read_touches_only_the_owners_rows(trainee, other_trainee):
    _notify(trainee, key="1")
    _notify(trainee, key="2")
    _notify(other_trainee, key="1")
    assert services.notifications_mark_all_read(user=trainee) == 2
    assert Notification.objects.filter(user=other_trainee, read_at__isnull=True).count() == 1


# --- preferences ------------------------------------------------------------------------------------


def test_preferences_default_on_and_save_only_changes(trainee):
    assert all(selectors.email_preferences(user=trainee).values())
    changed = services.preferences_update(
        user=trainee, email={Kind.RESULT_RELEASED: False, Kind.CERTIFICATE_ISSUED: True}
    )
    assert changed == {Kind.RESULT_RELEASED: False}
    assert NotificationPreference.objects.filter(user=trainee).count() == 1
    assert selectors.email_preferences(user=trainee)[Kind.RESULT_RELEASED] is False
    assert services.email_wanted(user=trainee, kind=Kind.RESULT_RELEASED) is False
    assert services.email_wanted(user=trainee, kind=Kind.CERTIFICATE_REVOKED) is True
    event = AuditEvent.objects.get(action="notifications.preferences_updated")
    assert event.details == {"email": {"result_released": False}}
    with pytest.raises(Invalid):
        services.preferences_update(user=trainee, email={"gossip": False})


def test_supervisors_see_the_hours_logged_kind_and_trainees_do_not():
    assert Kind.HOURS_LOGGED in selectors.email_preferences(user=SupervisorFactory())
    assert Kind.HOURS_LOGGED not in selectors.email_preferences(user=TraineeFactory())


# --- housekeeping -------------------------------------------------------------------------------------


def test_prune_deletes_only_notifications_read_long_ago(trainee, settings):
    settings.NOTIFICATIONS_KEEP_DAYS = 30
    old_read = _notify(trainee, key="1")
    old_unread = _notify(trainee, key="2")
    recent = _notify(trainee, key="3")
    long_ago = timezone.now() - timedelta(days=31)
    Notification.objects.filter(pk=old_read.pk).update(read_at=long_ago, created_at=long_ago)
    Notification.objects.filter(pk=old_unread.pk).update(created_at=long_ago)
    Notification.objects.filter(pk=recent.pk).update(read_at=timezone.now())
    assert prune_notifications.delay().get() == 1
    assert set(Notification.objects.values_list("pk", flat=True)) == {old_unread.pk, recent.pk}

"""The email outbox: one row per message, claimed (and committed) before the mail server sees it, so
a worker killed mid-send never makes a second email; what could not be confirmed is shown to
administrators and resent only on purpose."""

import smtplib
from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend as LocmemBackend
from django.core.management import CommandError, call_command
from django.db import transaction
from django.utils import timezone

from certificates import tasks as certificate_tasks
from certificates.issuing import services
from certificates.models import Certificate
from lms.models import AuditEvent
from lms.outbox.models import OutboxMessage
from lms.outbox.services import ERR_NOT_RESENDABLE, outbox_deliver, outbox_enqueue, outbox_sweep
from tests.certificates.issuing.helpers import *  # noqa: F403 (fixtures)
from tests.factories import PASSWORD, InstructorFactory, ProgramAdminFactory, UserFactory

pytestmark = pytest.mark.django_db

Status = OutboxMessage.Status
BACKENDS = "tests.lms.test_outbox"


class CrashAfterHandOffBackend(LocmemBackend):
    """The mail server takes the message (it lands in mail.outbox), then the worker is killed before
    it can record that: SystemExit, like a SIGTERM'd or OOM-killed process, is no Exception."""

    def send_messages(self, messages):
        sent = super().send_messages(messages)
        raise SystemExit("worker killed after the SMTP hand-off")
        return sent  # pragma: no cover


class RefusingBackend(LocmemBackend):
    def send_messages(self, messages):
        raise ConnectionRefusedError("mail server down")


class DisconnectingBackend(LocmemBackend):
    """Drops the connection while the message is being sent: it may or may not have been taken."""

    def send_messages(self, messages):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")


def _queued(key="test:1", to="someone@example.org"):
    with transaction.atomic():
        return outbox_enqueue(key=key, to=to, subject="Hello", body="Body", send_on_commit=False)


def _age_claim(row, minutes=16):
    OutboxMessage.objects.filter(pk=row.pk).update(claimed_at=timezone.now() - timedelta(minutes=minutes))


def _make_due(row):
    OutboxMessage.objects.filter(pk=row.pk).update(next_attempt_at=timezone.now() - timedelta(seconds=1))


def _command(*args):
    out = StringIO()
    call_command("outbox", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


# --- The finding: a worker killed during the hand-off ------------------------------------------------


def test_a_worker_killed_after_the_hand_off_never_sends_the_certificate_twice(
    issuing, holder, version, admin, settings
):
    application = services.application_submit(actor=holder, user=holder, version=version)
    certificate = services.application_approve(actor=admin, application=application, enqueue=False)
    assert outbox_sweep().delivered == 1  # the applicant's "approved" email, before issuing starts
    mail.outbox.clear()
    settings.EMAIL_BACKEND = f"{BACKENDS}.CrashAfterHandOffBackend"
    with pytest.raises(SystemExit):
        services.certificate_issue_run(certificate_id=certificate.pk)
    assert len(mail.outbox) == 1  # the holder has it

    # The task is delivered again (acks_late) and the periodic sweeps run: nothing is sent again.
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    services.certificate_issue_run(certificate_id=certificate.pk)
    assert len(mail.outbox) == 1
    Certificate.objects.filter(pk=certificate.pk).update(issued_at=timezone.now() - timedelta(minutes=5))
    assert certificate_tasks.issue_pending_certificates.delay().get() == 0
    row = OutboxMessage.objects.get(key=f"certificate-issued:{certificate.pk}")
    assert row.status == Status.SENDING and row.attempts == 1
    assert outbox_sweep().delivered == 0
    _age_claim(row)
    assert outbox_sweep().needs_check == 1
    assert outbox_sweep().needs_check == 0
    assert len(mail.outbox) == 1

    row.refresh_from_db()
    assert row.status == Status.UNKNOWN and "never confirmed" in row.last_error
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.ISSUED and certificate.emailed_at is None
    assert row.attachment_name == certificate.pdf_name  # the PDF is read from storage at send time


def test_what_needs_a_check_is_listed_and_resent_only_on_purpose(issuing, issued, settings):
    row = OutboxMessage.objects.get(key=f"certificate-issued:{issued.pk}")
    assert row.status == Status.SENT and len(mail.outbox) == 1
    OutboxMessage.objects.filter(pk=row.pk).update(
        status=Status.UNKNOWN, last_error="claimed, never confirmed"
    )

    listing = _command()
    assert "unknown: 1" in listing and f"{row.pk}\tunknown\tcertificate-issued:{issued.pk}" in listing
    with pytest.raises(CommandError, match="1 outbox email"):
        _command("--check")

    assert f"{row.pk}\tsent" in _command("--resend", str(row.pk))
    assert len(mail.outbox) == 2  # a deliberate second copy, with the PDF attached from storage
    [(filename, content, mimetype)] = mail.outbox[1].attachments
    assert filename.endswith(".pdf") and content.startswith(b"%PDF") and mimetype == "application/pdf"
    assert AuditEvent.objects.filter(action="outbox.resend", target_id=str(row.pk)).exists()
    assert "unknown: 0" in _command("--check")

    with pytest.raises(CommandError):
        _command("--resend", str(row.pk))  # sent: refused
    assert len(mail.outbox) == 2


def test_a_sent_row_is_not_resendable_and_says_why(issuing, issued):
    row = OutboxMessage.objects.get(key=f"certificate-issued:{issued.pk}")
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("outbox", "--resend", str(row.pk), stdout=StringIO(), stderr=err)
    assert err.getvalue().strip() == ERR_NOT_RESENDABLE % {"id": row.pk, "status": "Sent"}


# --- Failures that prove nothing was sent are retried; ambiguous ones are not -----------------------------


def test_a_refused_connection_is_retried_with_back_off_then_given_up(settings):
    settings.OUTBOX_MAX_ATTEMPTS = 2
    settings.EMAIL_BACKEND = f"{BACKENDS}.RefusingBackend"
    row = _queued()
    assert outbox_deliver(message_id=row.pk) is False
    row.refresh_from_db()
    assert row.status == Status.QUEUED and row.attempts == 1 and "mail server down" in row.last_error
    assert row.next_attempt_at > timezone.now()
    assert outbox_sweep().delivered == 0 and OutboxMessage.objects.get(pk=row.pk).attempts == 1  # not due

    _make_due(row)
    outbox_sweep()
    row.refresh_from_db()
    assert row.status == Status.FAILED and row.attempts == 2
    _make_due(row)
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert outbox_sweep().delivered == 0 and mail.outbox == []  # failed rows wait for a person

    assert f"{row.pk}\tsent" in _command("--resend", str(row.pk))
    assert [m.to for m in mail.outbox] == [["someone@example.org"]]


def test_a_refused_connection_after_recovery_is_delivered_by_the_sweep(settings):
    settings.EMAIL_BACKEND = f"{BACKENDS}.RefusingBackend"
    row = _queued()
    outbox_deliver(message_id=row.pk)
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    _make_due(row)
    assert outbox_sweep().delivered == 1
    assert OutboxMessage.objects.get(pk=row.pk).status == Status.SENT and len(mail.outbox) == 1
    assert outbox_sweep().delivered == 0 and len(mail.outbox) == 1


def test_an_ambiguous_smtp_error_needs_a_check_and_is_not_retried(settings):
    settings.EMAIL_BACKEND = f"{BACKENDS}.DisconnectingBackend"
    row = _queued()
    with pytest.raises(smtplib.SMTPServerDisconnected):
        outbox_deliver(message_id=row.pk, raise_errors=True)
    row.refresh_from_db()
    assert row.status == Status.UNKNOWN and "may have been delivered" in row.last_error
    _make_due(row)
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert outbox_sweep().delivered == 0 and mail.outbox == []


def test_a_missing_attachment_is_retried_not_sent_without_it(issuing, issued):
    from django.core.files.storage import storages

    row = OutboxMessage.objects.get(key=f"certificate-issued:{issued.pk}")
    OutboxMessage.objects.filter(pk=row.pk).update(status=Status.QUEUED)
    storages["private"].delete(issued.pdf_name)
    mail.outbox.clear()
    assert outbox_deliver(message_id=row.pk) is False
    row.refresh_from_db()
    assert row.status == Status.QUEUED and "FileNotFoundError" in row.last_error and mail.outbox == []


# --- One row per message ------------------------------------------------------------------------------


def test_the_same_key_is_one_row_and_one_email():
    first = _queued(key="expiry-reminder:7:30")
    second = _queued(key="expiry-reminder:7:30", to="someone-else@example.org")
    assert first.pk == second.pk and second.to == "someone@example.org"
    assert outbox_deliver(message_id=first.pk) is True
    assert outbox_deliver(message_id=first.pk) is False
    assert len(mail.outbox) == 1


def test_eager_mode_sends_once_the_transaction_commits(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        with transaction.atomic():
            row = outbox_enqueue(key="test:eager", to="a@example.org", subject="S", body="B")
            assert mail.outbox == []  # nothing leaves before the commit
    assert len(mail.outbox) == 1 and OutboxMessage.objects.get(pk=row.pk).status == Status.SENT


def test_expiry_reminders_go_through_the_outbox_once(issued):
    day = issued.expires_on - timedelta(days=25)
    mail.outbox.clear()
    assert services.send_expiry_reminders(on=day) == 1
    assert services.send_expiry_reminders(on=day) == 0
    row = OutboxMessage.objects.get(key=f"expiry-reminder:{issued.pk}:30")
    assert row.status == Status.SENT and [m.subject for m in mail.outbox] == [row.subject]


# --- The admin list -------------------------------------------------------------------------------------


def _changelist(client):
    return client.get("/django-admin/lms/outboxmessage/")


@pytest.mark.parametrize(
    "who, expected",
    [("anonymous", 302), ("instructor", 403), ("program_admin", 403), ("superuser", 200)],
)
def test_the_outbox_admin_is_for_superusers_only(client, who, expected):
    row = _queued()
    OutboxMessage.objects.filter(pk=row.pk).update(status=Status.UNKNOWN)
    users = {
        "instructor": InstructorFactory,
        "program_admin": ProgramAdminFactory,
        "superuser": lambda: UserFactory(is_staff=True, is_superuser=True),
    }
    if who != "anonymous":
        client.login(username=users[who]().email, password=PASSWORD)
    response = _changelist(client)
    assert response.status_code == expected
    if expected == 200:
        assert (
            "Needs check" in response.content.decode() and "someone@example.org" in response.content.decode()
        )


def test_the_admin_resend_action_sends_what_needs_a_check(client):
    row = _queued()
    OutboxMessage.objects.filter(pk=row.pk).update(status=Status.UNKNOWN)
    sent = _queued(key="test:sent")
    outbox_deliver(message_id=sent.pk)
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    response = client.post(
        "/django-admin/lms/outboxmessage/",
        {"action": "resend", "_selected_action": [row.pk, sent.pk]},
        follow=True,
    )
    assert response.status_code == 200
    assert OutboxMessage.objects.get(pk=row.pk).status == Status.SENT
    assert len(mail.outbox) == 2  # the deliberate resend and the earlier one; the sent row was refused
    assert "only emails that need a check or failed can be resent" in response.content.decode()

"""Every event the LMS tells people about, through the service that performs it: exactly one in-app
notification and one outbox email per event (a retry or a second call adds none), no email but still
the notification when the person turned email off for that kind, and nothing sensitive in either."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core import mail
from django.utils import timezone
from django.utils.formats import date_format

from assessments import services as assessment_services
from certificates.hours import services as hours_services
from certificates.hours.notices import notify_entry_waiting
from certificates.issuing import services as issuing_services
from certificates.models import Certificate, PracticeLog
from lms.errors import Conflict
from lms.notifications import services
from lms.notifications.models import Notification, NotificationKind
from lms.outbox.models import OutboxMessage
from lms.timezones import local_date
from tests import factories as base
from tests.assessments.factories import QUIZ, answers_for, make_assessment
from tests.certificates.factories import assign
from tests.certificates.issuing.helpers import *  # noqa: F403
from tests.certificates.issuing.helpers import issue, make_eligible

pytestmark = pytest.mark.django_db

Kind = NotificationKind
# Free text a trainee may write about their day: never in a notification or an email.
NOTES = "Talked with Sam about my relapse last spring"


def rows(user, kind):
    return list(Notification.objects.filter(user=user, kind=kind))


def emails_to(user):
    return [m for m in mail.outbox if m.to == [user.email]]


def email_off(user, kind):
    services.preferences_update(user=user, email={kind: False})


@pytest.fixture
def supervised(trainee, supervisor):
    assign(supervisor, trainee)
    return trainee


def _log(trainee, supervisor, **extra):
    fields = {
        "date": timezone.localdate() - timedelta(days=2),
        "hours": Decimal("2.5"),
        "kind": PracticeLog.Kind.PRACTICE,
        "supervisor": supervisor,
        "description": NOTES,
        "setting": "Hope Recovery Center",
    }
    fields.update(extra)
    return hours_services.practice_log_create(trainee=trainee, **fields)


# --- hours ------------------------------------------------------------------------------------------


def test_logging_hours_tells_the_supervisor_once(supervised, supervisor, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        entry = _log(supervised, supervisor)
        notify_entry_waiting(entry=entry)  # a retry of the same event
    [row] = rows(supervisor, Kind.HOURS_LOGGED)
    assert supervised.get_full_name() in row.title and "2.5 h of practice" in row.body
    assert row.link == f"/certification/supervision/?trainee={supervised.pk}"
    [email] = emails_to(supervisor)
    for text in (row.title, row.body, email.body):
        assert NOTES not in text and "Hope Recovery Center" not in text
    assert not rows(supervised, Kind.HOURS_LOGGED) and not emails_to(supervised)


def test_changing_an_entry_tells_the_supervisor_again(supervised, supervisor):
    entry = _log(supervised, supervisor)
    hours_services.practice_log_update(actor=supervised, entry=entry, hours=Decimal("3"))
    name = supervised.get_full_name()
    assert sorted(r.title for r in rows(supervisor, Kind.HOURS_LOGGED)) == [
        f"{name} changed hours for your decision",
        f"{name} logged hours for your decision",
    ]
    assert OutboxMessage.objects.filter(to=supervisor.email).count() == 2


def test_hours_logged_email_off_keeps_the_notification(supervised, supervisor):
    email_off(supervisor, Kind.HOURS_LOGGED)
    _log(supervised, supervisor)
    assert len(rows(supervisor, Kind.HOURS_LOGGED)) == 1
    assert not OutboxMessage.objects.filter(to=supervisor.email).exists()


def test_an_approval_tells_the_trainee_once(supervised, supervisor, django_capture_on_commit_callbacks):
    entry = _log(supervised, supervisor)
    with django_capture_on_commit_callbacks(execute=True):
        hours_services.practice_log_decide(actor=supervisor, entry=entry, approve=True)
        with pytest.raises(Conflict):  # deciding twice: refused, and nothing more sent
            hours_services.practice_log_decide(actor=supervisor, entry=entry, approve=True)
    [row] = rows(supervised, Kind.HOURS_DECIDED)
    assert row.title == "Hours approved: 2.5 h"
    assert (
        row.body == f"2.5 h of practice on {entry.date.isoformat()}." and row.link == "/certification/hours/"
    )
    [email] = emails_to(supervised)
    assert email.subject == row.title and NOTES not in email.body


def test_a_rejection_says_why(supervised, supervisor):
    entry = _log(supervised, supervisor)
    hours_services.practice_log_decide(actor=supervisor, entry=entry, approve=False, reason="Wrong date")
    [row] = rows(supervised, Kind.HOURS_DECIDED)
    assert row.title == "Hours not approved: 2.5 h" and "Reason: Wrong date" in row.body
    assert "Reason: Wrong date" in row.email.body and NOTES not in row.email.body


def test_a_bulk_decision_is_one_notification_per_trainee(supervised, supervisor, other_trainee):
    assign(supervisor, other_trainee)
    mine = [
        _log(supervised, supervisor, hours=Decimal(h), date=date.today() - timedelta(days=d))
        for h, d in ((1, 1), (2, 2), (3, 3))
    ]
    theirs = _log(other_trainee, supervisor, hours=Decimal("4"))
    outcome = hours_services.practice_logs_decide_from_queue(
        actor=supervisor, approve=True, entry_ids=[e.pk for e in mine] + [theirs.pk]
    )
    assert len(outcome.decided) == 4
    [row] = rows(supervised, Kind.HOURS_DECIDED)
    assert row.title == "Hours approved: 6 h in 3 entries" and row.body.count(" h of practice on ") == 3
    assert len(rows(other_trainee, Kind.HOURS_DECIDED)) == 1
    assert OutboxMessage.objects.filter(to=supervised.email).count() == 1


def test_the_bulk_service_notifies_too_and_email_off_keeps_the_row(supervised, supervisor):
    email_off(supervised, Kind.HOURS_DECIDED)
    entries = [_log(supervised, supervisor, hours=Decimal("1")) for _ in range(2)]
    hours_services.practice_logs_decide_bulk(
        actor=supervisor, entry_ids=[e.pk for e in entries], approve=False, reason="No sign-in sheet"
    )
    [row] = rows(supervised, Kind.HOURS_DECIDED)
    assert "in 2 entries" in row.title and row.email is None
    assert not OutboxMessage.objects.filter(to=supervised.email).exists()


# --- applications -------------------------------------------------------------------------------------


def test_an_approved_application_tells_the_applicant_once(issuing, holder, version, admin):
    application = issuing_services.application_submit(actor=holder, user=holder, version=version)
    issuing_services.application_approve(actor=admin, application=application, enqueue=False)
    with pytest.raises(Conflict):
        issuing_services.application_approve(actor=admin, application=application, enqueue=False)
    [row] = rows(holder, Kind.APPLICATION_DECIDED)
    assert row.title == f"Your application for {version.program.name} is approved"
    assert row.link == "/certificates/" and row.email.to == holder.email


def test_a_refused_application_points_to_the_reason_without_emailing_it(holder, version, admin):
    application = issuing_services.application_submit(actor=holder, user=holder, version=version)
    reason = "Your recovery attestation is too recent"
    issuing_services.application_reject(actor=admin, application=application, reason=reason)
    [row] = rows(holder, Kind.APPLICATION_DECIDED)
    assert "was not approved" in row.title
    assert reason not in row.body and reason not in row.email.body
    assert OutboxMessage.objects.filter(to=holder.email).count() == 1


def test_application_email_off(holder, version, admin):
    email_off(holder, Kind.APPLICATION_DECIDED)
    application = issuing_services.application_submit(actor=holder, user=holder, version=version)
    issuing_services.application_reject(actor=admin, application=application, reason="Missing papers")
    assert len(rows(holder, Kind.APPLICATION_DECIDED)) == 1 and not OutboxMessage.objects.exists()


# --- results ----------------------------------------------------------------------------------------------


@pytest.fixture
def quiz(catalogue, trainee, instructor):
    from courses.services import enrollment_create

    course = base.make_course(catalogue, title="Listening", instructors=[instructor])
    quiz = make_assessment(course, module=base.make_module(course, title="One"), questions=QUIZ)
    enrollment_create(user=trainee, course=course)
    return quiz


def _pass(trainee, quiz):
    attempt = assessment_services.attempt_start(user=trainee, assessment=quiz)
    return assessment_services.attempt_submit(attempt=attempt, user=trainee, answers=answers_for(attempt))


def test_a_released_result_tells_the_trainee_once(trainee, quiz, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        attempt = _pass(trainee, quiz)
        assessment_services.attempt_submit(attempt=attempt, user=trainee)  # a double submit
    [row] = rows(trainee, Kind.RESULT_RELEASED)
    assert row.key == f"{attempt.pk}:1" and row.body == "You passed."
    assert row.link == f"/assessments/attempts/{attempt.pk}/result/"
    [email] = emails_to(trainee)
    assert email.subject == row.title and f"/assessments/attempts/{attempt.pk}/" in email.body
    assert row.email.key == f"result-released:{attempt.pk}:1"


def test_a_regrade_is_a_second_notification(trainee, quiz, instructor):
    attempt = _pass(trainee, quiz)
    assessment_services.attempt_regrade(attempt=attempt, grader=instructor, reason="Key fixed")
    keys = sorted(r.key for r in rows(trainee, Kind.RESULT_RELEASED))
    assert keys == [f"{attempt.pk}:1", f"{attempt.pk}:2"]
    assert OutboxMessage.objects.filter(key__startswith=f"result-released:{attempt.pk}:").count() == 2


def test_result_email_off_keeps_counting_releases(trainee, quiz, instructor):
    email_off(trainee, Kind.RESULT_RELEASED)
    attempt = _pass(trainee, quiz)
    assessment_services.attempt_regrade(attempt=attempt, grader=instructor, reason="Key fixed")
    assert len(rows(trainee, Kind.RESULT_RELEASED)) == 2 and not OutboxMessage.objects.exists()


# --- certificates --------------------------------------------------------------------------------------


def test_an_issued_certificate_is_one_notification_and_one_email_with_the_pdf(
    issuing, holder, version, admin
):
    certificate = issue(user=holder, version=version, actor=admin)
    issuing_services.certificate_issue_run(certificate_id=certificate.pk)  # a retry
    [row] = rows(holder, Kind.CERTIFICATE_ISSUED)
    assert row.title == f"Your certificate for {version.program.name} is issued"
    assert certificate.display_code in row.body and row.link == "/certificates/"
    issued_emails = [m for m in emails_to(holder) if m.subject.startswith("Your certificate:")]
    assert len(issued_emails) == 1 and issued_emails[0].attachments
    assert row.email.key == f"certificate-issued:{certificate.pk}"


def test_issued_email_off_leaves_nothing_for_the_sweep(issuing, holder, version, admin):
    email_off(holder, Kind.CERTIFICATE_ISSUED)
    certificate = issue(user=holder, version=version, actor=admin)
    assert certificate.status == Certificate.Status.ISSUED and certificate.emailed_at is None
    assert len(rows(holder, Kind.CERTIFICATE_ISSUED)) == 1
    assert not [m for m in mail.outbox if m.subject.startswith("Your certificate:")]
    Certificate.objects.filter(pk=certificate.pk).update(issued_at=timezone.now() - timedelta(hours=1))
    assert certificate.pk not in issuing_services.certificates_needing_work()


@pytest.mark.parametrize(
    "steps,kind,words",
    [
        (["suspend"], Kind.CERTIFICATE_SUSPENDED, "is suspended"),
        (["suspend", "reinstate"], Kind.CERTIFICATE_REINSTATED, "is valid again"),
        (["revoke"], Kind.CERTIFICATE_REVOKED, "is revoked"),
    ],
)
def test_status_changes_tell_the_holder_with_reason_and_date(issued, admin, steps, kind, words):
    for step in steps:
        getattr(issuing_services, f"certificate_{step}")(
            actor=admin, certificate=issued, reason=f"Board order {step}"
        )
        with pytest.raises(Conflict):  # the same change twice is refused and tells nobody again
            getattr(issuing_services, f"certificate_{step}")(actor=admin, certificate=issued, reason="again")
    [row] = rows(issued.holder, kind)
    issued.refresh_from_db()
    assert words in row.title and f"Reason: Board order {steps[-1]}" in row.body
    day = local_date(issued.holder, issued.status_changed_at)  # the holder's own date
    assert date_format(day, "F j, Y") in row.body and issued.display_code in row.body
    assert row.email.subject == row.title and f"Board order {steps[-1]}" in row.email.body


def test_suspension_email_off(issued, admin):
    email_off(issued.holder, Kind.CERTIFICATE_SUSPENDED)
    before = OutboxMessage.objects.count()
    issuing_services.certificate_suspend(actor=admin, certificate=issued, reason="Complaint under review")
    assert (
        len(rows(issued.holder, Kind.CERTIFICATE_SUSPENDED)) == 1 and OutboxMessage.objects.count() == before
    )


def test_renewal_due_is_one_notification_and_email_per_threshold(issued):
    day = issued.expires_on - timedelta(days=30)
    assert issuing_services.send_expiry_reminders(on=day) == 1
    assert issuing_services.send_expiry_reminders(on=day) == 0
    [row] = rows(issued.holder, Kind.RENEWAL_DUE)
    assert row.key == f"{issued.pk}:30" and "expires in 30 days" in row.body
    reminders = [m for m in mail.outbox if "expires in" in m.subject]
    assert [m.subject for m in reminders] == ["Your certificate expires in 30 days"]
    assert row.email.key == f"expiry-reminder:{issued.pk}:30"


def test_renewal_email_off_still_reminds_in_app_once(issued):
    email_off(issued.holder, Kind.RENEWAL_DUE)
    day = issued.expires_on - timedelta(days=7)
    assert issuing_services.send_expiry_reminders(on=day) == 1
    assert issuing_services.send_expiry_reminders(on=day) == 0
    assert len(rows(issued.holder, Kind.RENEWAL_DUE)) == 1
    assert not [m for m in mail.outbox if "expires in" in m.subject]


def test_no_notification_carries_a_recovery_date(issuing, version, admin, supervisor):
    """A holder with an attested recovery start: nothing they are told, in-app or by email, names it."""
    from certificates.models import RecoveryAttestation

    holder = make_eligible(base.TraineeFactory(full_name="Jordan Lee"), version)
    start = date(2019, 3, 17)
    RecoveryAttestation.objects.create(
        user=holder, recovery_start_date=start, statement="I attest.", typed_name="Jordan Lee"
    )
    certificate = issue(user=holder, version=version, actor=admin)
    issuing_services.certificate_suspend(actor=admin, certificate=certificate, reason="Review")
    issuing_services.certificate_revoke(actor=admin, certificate=certificate, reason="Board order")
    texts = [f"{n.title} {n.body}" for n in Notification.objects.filter(user=holder)]
    texts += [m.body for m in OutboxMessage.objects.filter(to=holder.email)]
    assert len(texts) >= 6
    for needle in ("2019", "March 17", "recovery"):
        assert not any(needle in t for t in texts), needle

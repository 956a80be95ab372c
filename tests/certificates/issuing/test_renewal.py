"""Renewal (continuing education in the cycle, topic minimums, a new certificate linked to the old)
and the 90/30/7-day expiry reminders (each sent once)."""

from datetime import datetime, time, timedelta
from decimal import Decimal

import pytest
from django.core import mail
from django.utils import timezone

from certificates.eligibility import add_months
from certificates.issuing import selectors, services
from certificates.issuing.codes import format_code
from certificates.models import (
    Certificate,
    CertificateReminder,
    ExternalTraining,
    ExternalTrainingHours,
    RenewalTopicMinimum,
)
from courses.models import Enrollment, ModuleProgress
from lms.errors import Invalid
from tests.factories import DomainFactory, make_course, make_module

from .helpers import *  # noqa: F403

pytestmark = pytest.mark.django_db


@pytest.fixture
def due(issued):
    """The certificate, moved back in time so it expires in 30 days (renewal window open)."""
    today = timezone.localdate()
    Certificate.objects.filter(pk=issued.pk).update(
        issued_on=add_months(today + timedelta(days=30), -24), expires_on=today + timedelta(days=30)
    )
    issued.refresh_from_db()
    RenewalTopicMinimum.objects.create(version=issued.version, topic="Ethics", hours=Decimal("6"))
    return issued


def _aware(day):
    return timezone.make_aware(datetime.combine(day, time(12)))


def complete_ce_course(user, catalogue, *, title, hours, on, ce=True):
    course = make_course(catalogue, title=title, ce_eligible=ce)
    domain = DomainFactory()
    module = make_module(course, title=f"{title} 1", hours=Decimal(hours), domain=domain)
    enrollment = Enrollment.objects.create(
        user=user, course=course, status=Enrollment.Status.COMPLETED, completed_at=_aware(on)
    )
    ModuleProgress.objects.create(
        enrollment=enrollment, module=module, hours_credited=Decimal(hours), domain=domain
    )
    return course


def record_external(user, *, title, hours, on):
    training = ExternalTraining.objects.create(
        user=user, provider="State board", title=title, completed_on=on
    )
    ExternalTrainingHours.objects.create(training=training, domain=DomainFactory(), hours=Decimal(hours))


def test_continuing_education_counts_only_in_the_cycle(due, catalogue):
    user = due.holder
    inside = due.issued_on + timedelta(days=10)
    complete_ce_course(user, catalogue, title="Ethics and boundaries", hours="6", on=inside)
    complete_ce_course(user, catalogue, title="Not CE", hours="30", on=inside, ce=False)
    complete_ce_course(
        user, catalogue, title="Before the cycle", hours="30", on=due.issued_on - timedelta(days=1)
    )
    record_external(user, title="Trauma-informed care", hours="10", on=inside)
    status = selectors.renewal_status(certificate=due)
    assert status.window_open and not status.blockers
    assert status.done_hours == Decimal("16") and status.required_hours == Decimal("20")
    assert [(t.label, t.done, t.met) for t in status.topics] == [("Ethics", Decimal("6"), True)]
    assert not status.eligible
    with pytest.raises(Invalid) as exc:
        services.certificate_renew(actor=user, certificate=due)
    assert "16 of 20" in exc.value.message
    assert not Certificate.objects.filter(replaces=due).exists()


def test_continuing_education_costs_two_queries_however_much_there_is(
    due, catalogue, django_assert_num_queries
):
    """Hours summed in the database (courses and training elsewhere in one query, then the topic
    minimums); a completed course without credited hours is listed with none."""
    user = due.holder
    inside = due.issued_on + timedelta(days=10)
    for n in range(3):
        complete_ce_course(user, catalogue, title=f"Ethics part {n}", hours="2", on=inside)
        record_external(user, title=f"Workshop {n}", hours="1.5", on=inside)
    bare = make_course(catalogue, title="Orientation", ce_eligible=True)
    Enrollment.objects.create(
        user=user, course=bare, status=Enrollment.Status.COMPLETED, completed_at=_aware(inside)
    )
    # As the holder's page loads it (certificates_for_holder, the open applications).
    due = Certificate.objects.select_related("version", "holder", "replaced_by").get(pk=due.pk)
    with django_assert_num_queries(2):
        status = selectors.renewal_status(certificate=due, open_applications=[])
    assert status.done_hours == Decimal("10.5")
    assert [(t.label, t.done) for t in status.topics] == [("Ethics", Decimal("6"))]
    assert sorted(status.courses) == sorted(
        ["Orientation", *(f"Ethics part {n}" for n in range(3)), *(f"Workshop {n}" for n in range(3))]
    )


def test_topic_minimum_must_be_met_too(due, catalogue):
    record_external(
        due.holder, title="Peer support refresher", hours="25", on=due.issued_on + timedelta(days=3)
    )
    status = selectors.renewal_status(certificate=due)
    assert status.done_hours == Decimal("25")
    assert not status.ce_met and [t.met for t in status.topics] == [False]


def test_renewal_gives_a_new_certificate_linked_to_the_old_one(client, due, catalogue):
    user = due.holder
    complete_ce_course(
        user, catalogue, title="Ethics refresher", hours="6", on=timezone.localdate() - timedelta(days=5)
    )
    record_external(user, title="Advocacy workshop", hours="14", on=timezone.localdate() - timedelta(days=40))
    client.force_login(user)
    response = client.post(f"/api/v1/certificates/{format_code(due.code)}/renew")
    assert response.status_code == 201, response.content
    renewal = Certificate.objects.get(replaces=due)
    assert response.json()["replaces"] == format_code(due.code)
    assert renewal.application.kind == "renewal" and renewal.application.renews == due
    assert renewal.snapshot["renews"] == format_code(due.code) and renewal.snapshot["ce_hours"] == "20"
    services.certificate_issue_run(certificate_id=renewal.pk)
    renewal.refresh_from_db()
    assert renewal.status == Certificate.Status.ISSUED
    # Renewing on time continues the cycle from the old expiry date.
    assert renewal.expires_on == add_months(due.expires_on, renewal.version.validity_months)

    old = client.get(f"/api/v1/verify/{format_code(due.code)}").json()
    assert old["status"] == "replaced" and old["replaced_by"] == format_code(renewal.code)
    new = client.get(f"/api/v1/verify/{format_code(renewal.code)}").json()
    assert new["status"] == "current"
    page = client.get(f"/verify/{format_code(due.code)}/").content.decode()
    assert "Replaced by a renewal" in page and format_code(renewal.code) in page

    again = client.post(f"/api/v1/certificates/{format_code(due.code)}/renew")
    assert again.status_code == 422
    assert Certificate.objects.filter(replaces=due).count() == 1


def test_renewal_window(due):
    status = selectors.renewal_status(certificate=due, on=due.expires_on - timedelta(days=181))
    assert not status.window_open and status.blockers
    grace = due.version.grace_period_days
    assert selectors.renewal_status(certificate=due, on=due.expires_on + timedelta(days=grace)).window_open
    late = selectors.renewal_status(certificate=due, on=due.expires_on + timedelta(days=grace + 1))
    assert not late.window_open and "ended" in late.blockers[0]


def test_someone_else_cannot_renew(client, due):
    from tests.factories import TraineeFactory

    client.force_login(TraineeFactory())
    assert client.post(f"/api/v1/certificates/{format_code(due.code)}/renew").status_code == 404
    assert client.post(f"/certificates/{due.uuid}/renew/").status_code == 404
    assert not Certificate.objects.filter(replaces=due).exists()


def test_renew_page_shows_progress_and_button(client, due, catalogue):
    client.force_login(due.holder)
    page = client.get("/certificates/").content.decode()
    assert "continuing-education hours" in page and "Renew this certificate" not in page
    complete_ce_course(due.holder, catalogue, title="Ethics", hours="20", on=timezone.localdate())
    page = client.get("/certificates/").content.decode()
    assert "Renew this certificate" in page
    response = client.post(f"/certificates/{due.uuid}/renew/")
    assert response.status_code == 302
    assert Certificate.objects.filter(replaces=due).count() == 1


# --- Reminders ---------------------------------------------------------------------------------------


def test_reminders_90_30_7_days_each_sent_once(issued):
    expires = issued.expires_on
    sent_on = []
    for days_before in range(120, -2, -1):
        day = expires - timedelta(days=days_before)
        if services.send_expiry_reminders(on=day):
            sent_on.append(days_before)
        services.send_expiry_reminders(on=day)  # a second run the same day sends nothing
    assert sent_on == [90, 30, 7]
    assert sorted(CertificateReminder.objects.values_list("days_before", flat=True)) == [7, 30, 90]
    reminders = [m for m in mail.outbox if "expires in" in m.subject]
    assert [m.subject for m in reminders] == [
        "Your certificate expires in 90 days",
        "Your certificate expires in 30 days",
        "Your certificate expires in 7 days",
    ]
    assert all(m.to == [issued.holder.email] for m in reminders)
    assert format_code(issued.code) in reminders[0].body


def test_a_missed_run_sends_only_the_most_urgent_reminder(issued):
    assert services.send_expiry_reminders(on=issued.expires_on - timedelta(days=20)) == 1
    assert list(CertificateReminder.objects.values_list("days_before", flat=True)) == [30]
    assert services.send_expiry_reminders(on=issued.expires_on - timedelta(days=19)) == 0


def test_no_reminders_for_revoked_or_renewed_certificates(issued, admin):
    services.certificate_revoke(actor=admin, certificate=issued, reason="Falsified hours.")
    assert services.send_expiry_reminders(on=issued.expires_on - timedelta(days=5)) == 0


def test_reminder_task_runs(issued):
    from certificates import tasks

    Certificate.objects.filter(pk=issued.pk).update(expires_on=timezone.localdate() + timedelta(days=6))
    assert tasks.send_expiry_reminders.delay().get() == 1
    assert tasks.send_expiry_reminders.delay().get() == 0

"""Issuing exactly once: application -> approval (pending certificate, snapshot, code) -> the task
(eligibility again, render, sign, store, SHA-256, mark issued, email). Idempotent and crash-safe."""

import threading
from datetime import timedelta

import pytest
from django.core import mail
from django.core.files.storage import storages
from django.db import connection, connections

from certificates.eligibility import add_months
from certificates.hours import services as hours_services
from certificates.issuing import services, signing
from certificates.issuing.codes import format_code, normalize_code
from certificates.issuing.services import pipeline
from certificates.models import Certificate, CertificateApplication, PracticeLog, RecoveryAttestation
from lms.errors import Conflict, Forbidden, Invalid
from lms.models import AuditEvent
from tests.factories import PASSWORD, ProgramAdminFactory, TraineeFactory

from ..factories import assign, enroll
from .helpers import *  # noqa: F403
from .helpers import issue, make_eligible, program_with_practice_hours, stored_pdf

pytestmark = pytest.mark.django_db


def _pdf_files(root):
    return (
        sorted(p.name for p in (root / "certificates").glob("*")) if (root / "certificates").exists() else []
    )


# --- Applications and approval ----------------------------------------------------------------------


def _send_back_to_supervisor(holder):
    """The trainee edits their approved entry: it goes back to the supervisor, and its approval stops
    counting from today."""
    entry = PracticeLog.objects.get(trainee=holder)
    assign(entry.supervisor, holder)
    hours_services.practice_log_update(actor=holder, entry=entry, description="Corrected the setting")


def test_approval_creates_one_pending_certificate_with_snapshot_and_code(issuing, holder, version, admin):
    RecoveryAttestation.objects.create(
        user=holder, recovery_start_date="2020-02-29", statement="I attest.", typed_name=holder.full_name
    )
    application = services.application_submit(actor=holder, user=holder, version=version)
    assert application.status == CertificateApplication.Status.SUBMITTED
    certificate = services.application_approve(actor=admin, application=application, enqueue=False)

    assert certificate.status == Certificate.Status.PENDING
    assert normalize_code(format_code(certificate.code)) == certificate.code
    assert certificate.uuid and 0 <= certificate.status_list_index < 131072
    snap = certificate.snapshot
    assert snap["holder_name"] == "Jordan Lee"
    assert snap["program_name"] == version.program.name and snap["version"] == version.label
    assert snap["issuing_body"] == version.program.issuing_body
    assert snap["practice_hours"] == "10"
    assert not [key for key in snap if "recovery" in key or "months" in key]
    text = repr(snap)
    assert "2020" not in text and holder.email not in text
    application.refresh_from_db()
    assert application.status == CertificateApplication.Status.APPROVED and application.decided_by == admin
    assert AuditEvent.objects.filter(action="certificate_application.approved", actor=admin).exists()


def test_a_second_approval_is_refused_and_creates_nothing(issuing, holder, version, admin):
    application = services.application_submit(actor=holder, user=holder, version=version)
    services.application_approve(actor=admin, application=application, enqueue=False)
    with pytest.raises(Conflict):
        services.application_approve(actor=admin, application=application, enqueue=False)
    assert Certificate.objects.count() == 1


def test_only_one_open_application_per_version(holder, version):
    services.application_submit(actor=holder, user=holder, version=version)
    with pytest.raises(Conflict):
        services.application_submit(actor=holder, user=holder, version=version)
    assert CertificateApplication.objects.count() == 1


def test_not_eligible_trainee_cannot_apply(version):
    trainee = TraineeFactory()
    enroll(trainee, version)
    with pytest.raises(Invalid) as exc:
        services.application_submit(actor=trainee, user=trainee, version=version)
    assert "0 of 10" in exc.value.message
    assert not CertificateApplication.objects.exists()


def test_a_trainee_cannot_apply_for_someone_else_or_approve(holder, version):
    other = TraineeFactory()
    with pytest.raises(Forbidden):
        services.application_submit(actor=other, user=holder, version=version)
    application = services.application_submit(actor=holder, user=holder, version=version)
    with pytest.raises(Forbidden):
        services.application_approve(actor=holder, application=application)
    assert not Certificate.objects.exists()


def test_approval_rechecks_eligibility(issuing, holder, version, admin):
    application = services.application_submit(actor=holder, user=holder, version=version)
    _send_back_to_supervisor(holder)
    with pytest.raises(Invalid):
        services.application_approve(actor=admin, application=application, enqueue=False)
    assert not Certificate.objects.exists()
    application.refresh_from_db()
    assert application.status == CertificateApplication.Status.SUBMITTED


def test_rejection_needs_a_reason(holder, version, admin):
    application = services.application_submit(actor=holder, user=holder, version=version)
    with pytest.raises(Invalid):
        services.application_reject(actor=admin, application=application, reason="  ")
    services.application_reject(actor=admin, application=application, reason="Missing documents.")
    application.refresh_from_db()
    assert application.status == CertificateApplication.Status.REJECTED


# --- The pipeline ----------------------------------------------------------------------------------


def test_pipeline_issues_a_signed_stored_pdf_and_emails_it(issuing, holder, version, admin):
    certificate = issue(user=holder, version=version, actor=admin)
    assert certificate.status == Certificate.Status.ISSUED
    assert certificate.issued_on is not None
    assert certificate.expires_on == add_months(certificate.issued_on, version.validity_months)
    data = stored_pdf(certificate)
    assert certificate.sha256 == signing.sha256_hex(data)
    assert signing.check_pdf_signature(data).authentic
    assert _pdf_files(issuing) == [f"{certificate.uuid}.pdf"]
    assert certificate.application.status == CertificateApplication.Status.ISSUED

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [holder.email]
    assert format_code(certificate.code) in message.body
    assert "https://certs.example.org/verify/" in message.body
    [(filename, content, mimetype)] = message.attachments
    assert content == data and mimetype == "application/pdf"
    assert certificate.emailed_at is not None


def test_running_the_pipeline_again_changes_nothing(issuing, issued):
    before = stored_pdf(issued)
    outcome = services.certificate_issue_run(certificate_id=issued.pk)
    assert not outcome.issued_now and not outcome.emailed
    issued.refresh_from_db()
    assert stored_pdf(issued) == before and issued.sha256 == signing.sha256_hex(before)
    assert len(mail.outbox) == 1
    assert _pdf_files(issuing) == [f"{issued.uuid}.pdf"]


def test_killed_after_storing_then_run_again_gives_one_certificate_and_one_pdf(
    issuing, holder, version, admin, monkeypatch
):
    application = services.application_submit(actor=holder, user=holder, version=version)
    certificate = services.application_approve(actor=admin, application=application, enqueue=False)

    real_mark = pipeline._mark_issued
    rendered = []
    real_render = pipeline.render_and_sign

    def render_spy(cert):
        rendered.append(cert.pk)
        return real_render(cert)

    def killed(*args, **kwargs):
        raise SystemExit("worker killed")

    monkeypatch.setattr(pipeline, "render_and_sign", render_spy)
    monkeypatch.setattr(pipeline, "_mark_issued", killed)
    with pytest.raises(SystemExit):
        services.certificate_issue_run(certificate_id=certificate.pk)
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.PENDING
    assert _pdf_files(issuing) == [f"{certificate.uuid}.pdf"]  # stored before the kill
    assert not mail.outbox

    monkeypatch.setattr(pipeline, "_mark_issued", real_mark)
    services.certificate_issue_run(certificate_id=certificate.pk)
    services.certificate_issue_run(certificate_id=certificate.pk)
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.ISSUED
    assert Certificate.objects.filter(application=application).count() == 1
    assert _pdf_files(issuing) == [f"{certificate.uuid}.pdf"]
    assert rendered == [certificate.pk]  # the stored PDF was reused, not rendered again
    assert certificate.sha256 == signing.sha256_hex(stored_pdf(certificate))
    assert len(mail.outbox) == 1


def test_a_torn_stored_file_is_replaced(issuing, holder, version, admin):
    application = services.application_submit(actor=holder, user=holder, version=version)
    certificate = services.application_approve(actor=admin, application=application, enqueue=False)
    storage = storages["private"]
    storage.save(f"certificates/{certificate.uuid}.pdf", __import__("io").BytesIO(b"%PDF-1.7 torn"))
    services.certificate_issue_run(certificate_id=certificate.pk)
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.ISSUED
    assert signing.check_pdf_signature(stored_pdf(certificate)).authentic
    assert _pdf_files(issuing) == [f"{certificate.uuid}.pdf"]


def test_eligibility_lost_before_issuing_cancels_the_certificate(issuing, holder, version, admin):
    application = services.application_submit(actor=holder, user=holder, version=version)
    certificate = services.application_approve(actor=admin, application=application, enqueue=False)
    _send_back_to_supervisor(holder)
    outcome = services.certificate_issue_run(certificate_id=certificate.pk)
    assert outcome.cancelled
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.CANCELLED
    assert not certificate.sha256 and _pdf_files(issuing) == []
    application.refresh_from_db()
    assert application.status == CertificateApplication.Status.REJECTED
    assert not mail.outbox


def test_a_failing_mail_server_leaves_the_email_for_a_retry(issuing, holder, version, admin, monkeypatch):
    application = services.application_submit(actor=holder, user=holder, version=version)
    certificate = services.application_approve(actor=admin, application=application, enqueue=False)

    def down(self, *a, **k):
        raise ConnectionRefusedError("smtp down")

    monkeypatch.setattr("django.core.mail.EmailMessage.send", down)
    with pytest.raises(ConnectionRefusedError):
        services.certificate_issue_run(certificate_id=certificate.pk)
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.ISSUED and certificate.emailed_at is None
    monkeypatch.undo()
    assert certificate.pk in services.certificates_needing_work(older_than=timedelta(0))
    services.certificate_issue_run(certificate_id=certificate.pk)
    certificate.refresh_from_db()
    assert certificate.emailed_at is not None and len(mail.outbox) == 1


def test_the_task_after_commit_issues_and_the_sweep_finds_leftovers(
    issuing, holder, version, admin, django_capture_on_commit_callbacks
):
    from certificates import tasks

    application = services.application_submit(actor=holder, user=holder, version=version)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        certificate = services.application_approve(actor=admin, application=application)
    # The issuing task, and the applicant's "approved" notification (its email, its unread count).
    assert len(callbacks) == 3
    # The worker died before running it: the periodic sweep picks it up (once it is a few minutes old,
    # so it does not race a task that is merely queued).
    assert tasks.issue_pending_certificates.delay().get() == 0
    Certificate.objects.filter(pk=certificate.pk).update(
        created_at=certificate.created_at - timedelta(minutes=5)
    )
    assert tasks.issue_pending_certificates.delay().get() == 1  # eager: runs issue_certificate too
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.ISSUED
    assert services.certificates_needing_work(older_than=timedelta(0)) == []
    assert tasks.issue_certificate.delay(certificate.pk).get() == "unchanged"


def test_the_task_records_failures_instead_of_crashing(issuing, holder, version, admin, monkeypatch):
    from certificates import tasks

    application = services.application_submit(actor=holder, user=holder, version=version)
    certificate = services.application_approve(actor=admin, application=application, enqueue=False)
    monkeypatch.setattr(pipeline, "render_and_sign", lambda c: (_ for _ in ()).throw(RuntimeError("fonts")))
    assert tasks.issue_certificate.delay(certificate.pk).get() == "failed"
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.PENDING and "fonts" in certificate.last_error


# --- Through the API and the pages (forged requests) ---------------------------------------------------


def test_api_apply_then_approve_issues(
    client, issuing, holder, version, admin, django_capture_on_commit_callbacks
):
    client.force_login(holder)
    response = client.post(
        "/api/v1/certificates/applications", {"version_id": version.pk}, content_type="application/json"
    )
    assert response.status_code == 201, response.content
    application_id = response.json()["id"]
    client.force_login(admin)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/api/v1/certificates/applications/{application_id}/approve")
    assert response.status_code == 201, response.content
    body = response.json()
    certificate = Certificate.objects.get()
    assert body["code"] == format_code(certificate.code)
    assert certificate.status == Certificate.Status.ISSUED  # eager task ran after commit
    assert client.post(f"/api/v1/certificates/applications/{application_id}/approve").status_code == 409
    assert Certificate.objects.count() == 1


def test_forged_api_requests_by_a_trainee_who_is_not_eligible_give_nothing(client, issuing, version):
    trainee = TraineeFactory()
    enroll(trainee, version)
    client.force_login(trainee)
    response = client.post(
        "/api/v1/certificates/applications", {"version_id": version.pk}, content_type="application/json"
    )
    assert response.status_code == 422
    assert response.json()["code"] == "not_eligible"
    # An application that got in somehow (e.g. eligible then, not now) can't be approved by its applicant...
    application = CertificateApplication.objects.create(
        user=trainee, version=version, program=version.program
    )
    response = client.post(f"/api/v1/certificates/applications/{application.pk}/approve")
    assert response.status_code == 403
    # ...nor by an administrator while the trainee is not eligible.
    client.force_login(ProgramAdminFactory())
    response = client.post(f"/api/v1/certificates/applications/{application.pk}/approve")
    assert response.status_code == 422
    assert not Certificate.objects.exists()


def test_forged_form_post_by_a_trainee_who_is_not_eligible_gives_nothing(client, issuing, version):
    trainee = TraineeFactory()
    enroll(trainee, version)
    client.force_login(trainee)
    response = client.post("/certificates/apply/", {"version": version.pk})
    assert response.status_code == 422
    assert "Not every requirement" in response.content.decode()
    assert not CertificateApplication.objects.exists()
    application = CertificateApplication.objects.create(
        user=trainee, version=version, program=version.program
    )
    response = client.post(f"/certificates/manage/applications/{application.pk}/approve/")
    assert response.status_code == 403
    assert not Certificate.objects.exists()


def test_form_apply_and_admin_approval_through_the_pages(
    client, issuing, holder, version, admin, django_capture_on_commit_callbacks
):
    client.force_login(holder)
    page = client.get("/certificates/")
    assert page.status_code == 200 and "Apply for the certificate" in page.content.decode()
    response = client.post("/certificates/apply/", {"version": version.pk})
    assert response.status_code == 302
    application = CertificateApplication.objects.get()
    client.force_login(admin)
    assert application.user.full_name in client.get("/certificates/manage/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/certificates/manage/applications/{application.pk}/approve/")
    assert response.status_code == 302
    certificate = Certificate.objects.get()
    assert certificate.status == Certificate.Status.ISSUED
    client.force_login(holder)
    page = client.get("/certificates/").content.decode()
    assert (
        format_code(certificate.code) in page
        and f"/certificates/{certificate.uuid}/download/?inline=1" in page
    )


def test_admin_can_put_a_trainee_forward(client, holder, version, admin):
    client.force_login(admin)
    response = client.post(
        "/api/v1/certificates/applications",
        {"version_id": version.pk, "user_id": holder.pk},
        content_type="application/json",
    )
    assert response.status_code == 201
    application = CertificateApplication.objects.get()
    assert application.user == holder and application.submitted_by == admin


# --- Concurrency ---------------------------------------------------------------------------------------


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_32_concurrent_approvals_give_exactly_one_certificate(issuing, settings):
    from django.test import Client

    version = program_with_practice_hours()
    trainee = make_eligible(TraineeFactory(full_name="Jordan Lee"), version)
    admin = ProgramAdminFactory()
    application = services.application_submit(actor=trainee, user=trainee, version=version)
    settings.CELERY_TASK_ALWAYS_EAGER = False  # the race is about approval; no worker needed
    barrier = threading.Barrier(32)
    statuses = []
    lock = threading.Lock()

    def approve():
        try:
            client = Client()
            client.force_login(admin)
            barrier.wait(timeout=30)
            response = client.post(f"/api/v1/certificates/applications/{application.pk}/approve")
            with lock:
                statuses.append(response.status_code)
        finally:
            connections.close_all()

    from unittest import mock

    with mock.patch("certificates.tasks.issue_certificate.delay"):
        threads = [threading.Thread(target=approve) for _ in range(32)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=120)
    assert sorted(statuses) == [201] + [409] * 31, statuses
    assert Certificate.objects.filter(application=application).count() == 1
    assert Certificate.objects.count() == 1
    assert connection.vendor == "postgresql"


def test_login_is_required_to_apply(client, version):
    response = client.post("/certificates/apply/", {"version": version.pk})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert (
        client.post(
            "/api/v1/certificates/applications", {"version_id": version.pk}, content_type="application/json"
        ).status_code
        == 401
    )
    assert PASSWORD  # the factories' password, used by the login journeys elsewhere

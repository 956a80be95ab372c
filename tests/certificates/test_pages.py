"""HTML pages: permission matrix, the journeys (log hours, approve, checklist moves; cohort), imports,
and query counts that don't grow with the cohort."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from certificates.hours import services as hours_services
from certificates.models import ExternalTraining, PracticeLog, ProgramEnrollment, SupervisorAssignment
from certificates.recovery import services as recovery_services
from lms.models import AuditEvent

from .factories import TraineeFactory, enroll, log

pytestmark = pytest.mark.django_db

LOGIN = "/accounts/login/"


def as_user(client, user):
    client.logout()
    if user is not None:
        client.force_login(user)
    return client


# (method, url name, kwargs builder, post data, {role: status})
PAGES = [
    ("get", "dashboard", {}, None, {"anonymous": 302, "trainee": 200, "instructor": 200}),
    ("get", "program", {"slug": "slug"}, None, {"anonymous": 200, "trainee": 200}),
    ("post", "enroll", {"slug": "slug"}, {}, {"anonymous": 302}),
    ("get", "pledge", {"slug": "slug"}, None, {"anonymous": 302, "trainee": 200}),
    ("get", "hours", {}, None, {"anonymous": 302, "trainee": 200, "supervisor": 200}),
    (
        "get",
        "hours-edit",
        {"pk": "pending"},
        None,
        {"anonymous": 302, "other_trainee": 404, "supervisor": 404, "admin": 404, "trainee": 200},
    ),
    (
        "post",
        "hours-withdraw",
        {"pk": "pending"},
        {},
        {"anonymous": 302, "other_trainee": 404, "supervisor": 404, "trainee": 302},
    ),
    ("get", "recovery", {}, None, {"anonymous": 302, "other_trainee": 200, "trainee": 200}),
    ("get", "details", {}, None, {"anonymous": 302, "other_trainee": 200, "trainee": 200}),
    (
        "get",
        "evidence",
        {"pk": "training"},
        None,
        {
            "anonymous": 302,
            "other_trainee": 404,
            "supervisor": 404,
            "instructor": 404,
            "trainee": 200,
            "admin": 200,
        },
    ),
    ("get", "queue", {}, None, {"anonymous": 302, "trainee": 403, "instructor": 403, "supervisor": 200}),
    (
        "post",
        "decide",
        {"pk": "pending"},
        {"decision": "approve"},
        {"anonymous": 302, "other_supervisor": 404, "instructor": 404, "trainee": 403, "supervisor": 302},
    ),
    (
        "post",
        "decide-bulk",
        {},
        {"decision": "approve", "entries": "pending"},
        {"anonymous": 302, "other_supervisor": 404, "trainee": 403, "supervisor": 302},
    ),
]
ADMIN_ONLY = [
    ("get", "manage", {}, None),
    ("get", "cohort", {"slug": "slug"}, None),
    ("get", "cohort-csv", {"slug": "slug"}, None),
    ("get", "trainees", {}, None),
    ("get", "trainee", {"user_id": "trainee"}, None),
    ("get", "import-hours", {}, None),
    ("get", "import-external", {}, None),
    ("get", "supervisors", {}, None),
    ("get", "library", {}, None),
    ("get", "import-exam-results", {"slug": "slug"}, None),
    ("get", "trainee-records", {"user_id": "trainee"}, None),
    ("get", "external-add", {"user_id": "trainee"}, None),
    ("get", "exam-result-add", {"user_id": "trainee"}, None),
    ("post", "assign", {"user_id": "other_trainee"}, {"supervisor": "supervisor_email"}),
    ("post", "unassign", {"user_id": "trainee", "assignment_id": "assignment"}, {}),
    ("post", "external-add", {"user_id": "trainee"}, {}),
]
for method, name, kwargs, data in ADMIN_ONLY:
    ok = 302 if method == "post" else 200
    if method == "post" and name == "external-add":
        ok = 422  # an empty form: the admin gets the error page, nothing recorded
    PAGES.append(
        (
            method,
            name,
            kwargs,
            data,
            {"anonymous": 302, "trainee": 403, "instructor": 403, "supervisor": 403, "admin": ok},
        )
    )


def _resolve(world, value):
    return {
        "slug": world.program.slug,
        "pending": world.pending.pk,
        "training": world.training.pk,
        "trainee": world.trainee.pk,
        "other_trainee": world.other_trainee.pk,
        "assignment": world.assignment.pk,
        "supervisor": world.supervisor.pk,
        "supervisor_email": world.supervisor.email,
    }.get(value, value)


def _cases():
    for method, name, kwargs, data, expected in PAGES:
        for role, status in expected.items():
            yield pytest.param(method, name, kwargs, data, role, status, id=f"{method} {name} as {role}")


@pytest.mark.parametrize(("method", "name", "kwargs", "data", "role", "status"), list(_cases()))
def test_page_permission_matrix(client, world, method, name, kwargs, data, role, status):
    user = None if role == "anonymous" else getattr(world, role)
    url = reverse(f"certificates:{name}", kwargs={k: _resolve(world, v) for k, v in kwargs.items()})
    as_user(client, user)
    before = (
        PracticeLog.objects.filter(status=PracticeLog.Status.PENDING).count(),
        SupervisorAssignment.objects.filter(is_active=True).count(),
        ExternalTraining.objects.count(),
        ProgramEnrollment.objects.count(),
    )
    if method == "get":
        response = client.get(url)
    else:
        response = client.post(url, {k: _resolve(world, v) for k, v in (data or {}).items()})
    assert response.status_code == status, (url, response.status_code)
    if role == "anonymous" and status == 302:
        assert response["Location"].startswith(LOGIN)
    if status >= 400 or role == "anonymous":
        after = (
            PracticeLog.objects.filter(status=PracticeLog.Status.PENDING).count(),
            SupervisorAssignment.objects.filter(is_active=True).count(),
            ExternalTraining.objects.count(),
            ProgramEnrollment.objects.count(),
        )
        assert after == before


def test_journey_log_approve_checklist_moves(client, world):
    as_user(client, world.trainee)
    page = client.get(reverse("certificates:dashboard")).content.decode()
    assert "4 of 10 practice hours approved (2 waiting for approval)" in page
    response = client.post(
        reverse("certificates:hours"),
        {
            "date": (timezone.localdate() - timedelta(days=2)).isoformat(),
            "hours": "4",
            "kind": "practice",
            "supervisor": world.supervisor.pk,
            "setting": "Drop-in center",
        },
    )
    assert response.status_code == 302
    new = PracticeLog.objects.get(setting="Drop-in center")

    as_user(client, world.supervisor)
    queue = client.get(reverse("certificates:queue")).content.decode()
    assert "Drop-in center" in queue and world.other_trainee.get_full_name() not in queue
    response = client.post(
        reverse("certificates:decide-bulk"), {"decision": "approve", "entries": [new.pk, world.pending.pk]}
    )
    assert response.status_code == 302

    as_user(client, world.trainee)
    page = client.get(reverse("certificates:dashboard")).content.decode()
    assert "10 of 10 practice hours approved" in page


def test_hours_form_shows_rule_errors_and_saves_nothing(client, world):
    as_user(client, world.trainee)
    before = PracticeLog.objects.count()
    response = client.post(
        reverse("certificates:hours"),
        {
            "date": (timezone.localdate() + timedelta(days=1)).isoformat(),
            "hours": "2",
            "kind": "practice",
            "supervisor": world.supervisor.pk,
        },
    )
    assert response.status_code == 422
    assert escape(hours_services.ERR_FUTURE_DATE) in response.content.decode()
    response = client.post(
        reverse("certificates:hours"),
        {
            "date": timezone.localdate().isoformat(),
            "hours": "2",
            "kind": "practice",
            "supervisor": world.other_supervisor.pk,
        },
    )
    assert response.status_code == 422
    assert PracticeLog.objects.count() == before


def test_edit_page_resubmits(client, world):
    as_user(client, world.trainee)
    url = reverse("certificates:hours-edit", args=[world.entry.pk])
    assert "goes back to your supervisor" in client.get(url).content.decode()
    response = client.post(
        url,
        {
            "date": world.entry.date.isoformat(),
            "hours": "5",
            "kind": "practice",
            "supervisor": world.supervisor.pk,
        },
    )
    assert response.status_code == 302
    world.entry.refresh_from_db()
    assert world.entry.status == PracticeLog.Status.PENDING and world.entry.hours == Decimal("5")


def test_reject_without_reason_is_refused(client, world):
    as_user(client, world.supervisor)
    response = client.post(reverse("certificates:decide", args=[world.pending.pk]), {"decision": "reject"})
    assert response.status_code == 422
    world.pending.refresh_from_db()
    assert world.pending.status == PracticeLog.Status.PENDING


def test_recovery_page_wording_and_update(client, world):
    as_user(client, world.trainee)
    page = client.get(reverse("certificates:recovery")).content.decode()
    assert "Recovery isn&#x27;t a straight line" in page or "Recovery isn't a straight line" in page
    assert f"{world.recovery_start:%B} {world.recovery_start.day}, {world.recovery_start.year}" in page
    new_start = timezone.localdate() - timedelta(days=30)
    response = client.post(
        reverse("certificates:recovery"),
        {
            "recovery_start_date": new_start.isoformat(),
            "typed_name": world.trainee.full_name,
            "confirmed": "on",
        },
    )
    assert response.status_code == 302
    page = client.get(reverse("certificates:recovery")).content.decode()
    assert "Earlier attestations (private)" in page
    response = client.post(
        reverse("certificates:recovery"),
        {"recovery_start_date": "2999-01-01", "typed_name": world.trainee.full_name, "confirmed": "on"},
    )
    assert response.status_code == 422


def test_admin_trainee_page_shows_recovery_only_on_request_and_audits(client, world):
    as_user(client, world.admin)
    url = reverse("certificates:trainee", args=[world.trainee.pk])
    iso = world.recovery_start.isoformat()
    long = f"{world.recovery_start:%B} {world.recovery_start.day}, {world.recovery_start.year}"
    page = client.get(url).content.decode()
    assert long not in page and iso not in page
    assert not AuditEvent.objects.filter(action="recovery.read_by_staff").exists()
    page = client.get(url + "?recovery=1").content.decode()
    assert long in page
    assert AuditEvent.objects.filter(
        action="recovery.read_by_staff", actor=world.admin, subject=world.trainee
    ).exists()


def test_admin_records_external_training_with_private_evidence(client, world, private_storage):
    as_user(client, world.admin)
    response = client.post(
        reverse("certificates:external-add", args=[world.other_trainee.pk]),
        {
            "provider": "County",
            "title": "HIV basics",
            "completed_on": "2024-02-01",
            "hours_advocacy": "2.5",
            "evidence": SimpleUploadedFile("cert.pdf", b"%PDF-1.4 x", content_type="application/pdf"),
        },
    )
    assert response.status_code == 302
    training = ExternalTraining.objects.get(user=world.other_trainee)
    assert training.evidence.storage is private_storage
    assert private_storage.exists(training.evidence.name)
    assert training.hours.get().hours == Decimal("2.5")
    as_user(client, world.other_trainee)
    response = client.get(reverse("certificates:evidence", args=[training.pk]))
    assert response.status_code == 200 and b"".join(response.streaming_content) == b"%PDF-1.4 x"


def test_import_pages_report_rows_and_import_nothing(client, world):
    as_user(client, world.admin)
    d = (timezone.localdate() - timedelta(days=10)).isoformat()
    bad = (
        "email,provider,title,completed_on,domain,hours\n"
        f"{world.other_trainee.email},Board,Ethics,{d},ethical-responsibility,4\n"
        f"{world.other_trainee.email},Board,Ethics,{d},no-such-domain,4\n"
    )
    response = client.post(
        reverse("certificates:import-external"), {"file": SimpleUploadedFile("x.csv", bad.encode())}
    )
    assert response.status_code == 422
    assert "Line 3: Unknown domain: no-such-domain." in response.content.decode()
    assert not ExternalTraining.objects.filter(user=world.other_trainee).exists()
    good = bad.splitlines()[0] + "\n" + bad.splitlines()[1] + "\n"
    response = client.post(
        reverse("certificates:import-external"), {"file": SimpleUploadedFile("x.csv", good.encode())}
    )
    assert response.status_code == 200
    assert ExternalTraining.objects.get(user=world.other_trainee).hours.get().hours == Decimal("4")

    hours_csv = (
        "trainee_email,date,hours,kind,supervisor_email\n"
        f"{world.other_trainee.email},{d},3,practice,{world.other_supervisor.email}\n"
        f"{world.other_trainee.email},{d},3,practice,{world.supervisor.email}\n"
    )
    response = client.post(
        reverse("certificates:import-hours"), {"file": SimpleUploadedFile("h.csv", hours_csv.encode())}
    )
    assert response.status_code == 422
    assert f"Line 3: {hours_services.ERR_NOT_YOUR_SUPERVISOR}" in response.content.decode()
    assert not PracticeLog.objects.filter(trainee=world.other_trainee).exists()


def test_cohort_page_and_csv(client, world, supervisor):
    eligible = TraineeFactory()
    enroll(eligible, world.version)
    as_user(client, world.admin)
    page = client.get(reverse("certificates:cohort", args=[world.program.slug])).content.decode()
    assert world.trainee.get_full_name() in page and "Recovery time: not met yet" in page
    response = client.get(reverse("certificates:cohort-csv", args=[world.program.slug]))
    body = b"".join(response.streaming_content).decode()
    assert response["Content-Type"].startswith("text/csv")
    lines = body.strip().splitlines()
    # Column titles and answers in words; the program by its name, not its slug.
    assert lines[0] == (
        "Name,Email,Program,Version,Eligible,Requirements met,Requirements in all,Still missing"
    )
    assert len(lines) == 4
    assert all(f",{world.program.name}," in line for line in lines[1:])
    assert all(",No," in line or ",Yes," in line for line in lines[1:])
    assert ",no," not in body and f",{world.program.slug}," not in body
    assert world.recovery_met_on.isoformat() not in body and world.recovery_start.isoformat() not in body


def _cohort_queries(client, world, n):
    for _ in range(n):
        user = TraineeFactory()
        enroll(user, world.version)
        recovery_services.recovery_attest(
            user=user, recovery_start_date=world.recovery_start, typed_name=user.full_name
        )
        log(user, world.supervisor, hours="3")
    client.get(reverse("certificates:manage"))  # warm up the session and caches
    counts = {}
    for name in ("cohort", "cohort-csv"):
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(reverse(f"certificates:{name}", args=[world.program.slug]))
            if name == "cohort-csv":
                b"".join(response.streaming_content)
        assert response.status_code == 200
        counts[name] = len(ctx.captured_queries)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(f"/api/v1/programs/{world.program.slug}/eligibility")
    assert response.status_code == 200
    counts["api"] = len(ctx.captured_queries)
    return counts


def test_cohort_query_count_constant(client, world):
    as_user(client, world.admin)
    small = _cohort_queries(client, world, 1)  # 3 enrolled
    big = _cohort_queries(client, world, 27)  # 30 enrolled
    assert ProgramEnrollment.objects.count() == 30
    assert small == big, (small, big)


def test_checklist_and_queue_query_counts_constant(client, world):
    def measure():
        counts = []
        for user, name in (
            (world.trainee, "dashboard"),
            (world.supervisor, "queue"),
            (world.trainee, "hours"),
        ):
            as_user(client, user)
            client.get(reverse(f"certificates:{name}"))  # warm the site cache
            with CaptureQueriesContext(connection) as ctx:
                assert client.get(reverse(f"certificates:{name}")).status_code == 200
            counts.append(len(ctx.captured_queries))
        return counts

    small = measure()
    for i in range(30):
        log(world.trainee, world.supervisor, hours="0.5", on=timezone.localdate() - timedelta(days=10 + i))
        log(
            world.trainee,
            world.supervisor,
            hours="0.5",
            on=timezone.localdate() - timedelta(days=10 + i),
            status=PracticeLog.Status.PENDING,
        )
    assert measure() == small

"""The /api/v1/ endpoints: permission matrix, behaviour, bad input changing nothing."""

import json
from datetime import timedelta

import pytest
from django.utils import timezone

from certificates.models import CredentialProgram, PracticeLog, RecoveryAttestation
from certificates.programs.library import library_definition
from lms.models import AuditEvent

pytestmark = pytest.mark.django_db
API = "/api/v1"


def call(client, user, method, path, body=None):
    client.logout()
    if user is not None:
        client.force_login(user)
    kwargs = {"content_type": "application/json"}
    if body is not None:
        kwargs["data"] = json.dumps(body)
    return getattr(client, method)(API + path, **kwargs)


def who(world, name):
    return None if name == "anonymous" else getattr(world, name)


# (method, path template, body, {role: status})
MATRIX = [
    ("get", "/programs", None, {"anonymous": 200, "trainee": 200}),
    ("get", "/programs/{slug}", None, {"anonymous": 200}),
    (
        "get",
        "/programs/{slug}/export",
        None,
        {"anonymous": 401, "trainee": 403, "supervisor": 403, "admin": 200},
    ),
    (
        "get",
        "/programs/{slug}/eligibility",
        None,
        {"anonymous": 401, "trainee": 403, "instructor": 403, "supervisor": 403, "admin": 200},
    ),
    (
        "get",
        "/programs/{slug}/eligibility/{trainee_id}",
        None,
        {"anonymous": 401, "other_trainee": 403, "instructor": 403, "supervisor": 403, "admin": 200},
    ),
    ("patch", "/programs/{slug}", {"description": "x"}, {"anonymous": 401, "trainee": 403, "admin": 200}),
    ("get", "/eligibility", None, {"anonymous": 401, "trainee": 200}),
    ("get", "/hours", None, {"anonymous": 401, "trainee": 200}),
    ("get", "/hours/supervisors", None, {"anonymous": 401, "trainee": 200}),
    (
        "get",
        "/hours/{entry_id}",
        None,
        {
            "anonymous": 401,
            "other_trainee": 404,
            "other_supervisor": 404,
            "instructor": 404,
            "trainee": 200,
            "supervisor": 200,
            "admin": 200,
        },
    ),
    (
        "patch",
        "/hours/{pending_id}",
        {"description": "changed"},
        {"anonymous": 401, "other_trainee": 404, "supervisor": 403, "trainee": 200},
    ),
    (
        "post",
        "/hours/{pending_id}/withdraw",
        None,
        {"anonymous": 401, "other_trainee": 404, "supervisor": 403, "trainee": 200},
    ),
    (
        "post",
        "/hours/{pending_id}/decision",
        {"approve": True},
        {"anonymous": 401, "other_supervisor": 404, "trainee": 403, "admin": 403, "supervisor": 200},
    ),
    (
        "post",
        "/supervision/decisions",
        {"approve": True, "entry_ids": ["{pending_id}"]},
        {"anonymous": 401, "other_supervisor": 404, "trainee": 403, "supervisor": 200},
    ),
    ("get", "/supervision/queue", None, {"anonymous": 401, "trainee": 200, "supervisor": 200}),
    ("get", "/recovery-attestation", None, {"anonymous": 401, "other_trainee": 200, "trainee": 200}),
]


def _cases():
    for method, path, body, expected in MATRIX:
        for role, status in expected.items():
            yield pytest.param(method, path, body, role, status, id=f"{method} {path} as {role}")


def _fill(world, value):
    params = {
        "slug": world.program.slug,
        "trainee_id": world.trainee.pk,
        "entry_id": world.entry.pk,
        "pending_id": world.pending.pk,
    }
    if isinstance(value, str):
        if value.startswith("{") and value.endswith("}") and value[1:-1] in params and "/" not in value:
            return params[value[1:-1]]
        return value.format(**params)
    if isinstance(value, dict):
        return {k: _fill(world, v) for k, v in value.items()}
    if isinstance(value, list):
        return [_fill(world, v) for v in value]
    return value


@pytest.mark.parametrize(("method", "path", "body", "role", "status"), list(_cases()))
def test_permission_matrix(client, world, method, path, body, role, status):
    response = call(client, who(world, role), method, _fill(world, path), _fill(world, body))
    assert response.status_code == status, response.content[:500]
    if status >= 400:
        assert "detail" in response.json()
        world.pending.refresh_from_db()
        assert world.pending.status == PracticeLog.Status.PENDING and world.pending.description == ""


def test_lists_show_only_own_records(client, world):
    other_entry = PracticeLog.objects.create(
        trainee=world.other_trainee,
        supervisor=world.other_supervisor,
        date=timezone.localdate(),
        hours=1,
    )
    ids = {e["id"] for e in call(client, world.trainee, "get", "/hours").json()["items"]}
    assert ids == {world.entry.pk, world.pending.pk}
    queue = call(client, world.supervisor, "get", "/supervision/queue").json()["items"]
    assert [e["id"] for e in queue] == [world.pending.pk]
    assert (
        call(client, world.other_supervisor, "get", "/supervision/queue").json()["items"][0]["id"]
        == other_entry.pk
    )
    assert call(client, world.trainee, "get", "/supervision/queue").json()["items"] == []
    assert call(client, world.other_trainee, "get", "/recovery-attestation").json() == {
        "current": None,
        "history": [],
    }


def test_create_hours_and_bad_input_changes_nothing(client, world):
    good = {
        "date": (timezone.localdate() - timedelta(days=3)).isoformat(),
        "hours": "2.5",
        "kind": "supervision",
        "domain": "advocacy",
        "supervisor_id": world.supervisor.pk,
    }
    response = call(client, world.trainee, "post", "/hours", good)
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["status"] == "pending" and body["domain"] == "advocacy" and body["hours"] == "2.50"
    before = PracticeLog.objects.count()
    for bad in (
        {**good, "hours": "0"},
        {**good, "hours": "-1"},
        {**good, "hours": "24.5"},
        {**good, "date": (timezone.localdate() + timedelta(days=1)).isoformat()},
        {**good, "kind": "meeting"},
        {**good, "domain": "nope"},
        {**good, "supervisor_id": world.other_supervisor.pk},
        {**good, "supervisor_id": 999999},
        {**good, "hours": "22.5"},  # with 2.5 already that day: 25 > 24
    ):
        response = call(client, world.trainee, "post", "/hours", bad)
        assert response.status_code == 422, (bad, response.content)
    assert PracticeLog.objects.count() == before


def test_edit_approved_entry_via_api_returns_to_pending(client, world):
    response = call(client, world.trainee, "patch", f"/hours/{world.entry.pk}", {"hours": "3"})
    assert response.status_code == 200
    assert response.json()["status"] == "pending" and response.json()["hours"] == "3.00"


def test_decision_reject_needs_reason(client, world):
    response = call(
        client, world.supervisor, "post", f"/hours/{world.pending.pk}/decision", {"approve": False}
    )
    assert response.status_code == 422
    response = call(
        client,
        world.supervisor,
        "post",
        f"/hours/{world.pending.pk}/decision",
        {"approve": False, "reason": "Wrong day"},
    )
    assert response.status_code == 200 and response.json()["status"] == "rejected"
    response = call(
        client, world.supervisor, "post", f"/hours/{world.pending.pk}/decision", {"approve": True}
    )
    assert response.status_code == 409


def test_own_eligibility_and_staff_views(client, world):
    mine = call(client, world.trainee, "get", "/eligibility").json()
    [program] = mine
    recovery = program["results"][0]
    assert recovery["kind"] == "recovery_months" and recovery["met_on"] == world.recovery_met_on.isoformat()
    assert program["results"][1]["missing"] == "4 of 10 practice hours approved (2 waiting for approval)"

    cohort = call(client, world.admin, "get", f"/programs/{world.program.slug}/eligibility").json()
    assert cohort["count"] == 2
    assert {row["user_id"] for row in cohort["items"]} == {world.trainee.pk, world.other_trainee.pk}
    for row in cohort["items"]:
        rec = row["results"][0]
        assert rec["met_on"] is None and rec["current"] is None
    # One event for the cohort read (who, which program, how many trainees), none per trainee.
    [event] = AuditEvent.objects.filter(action="recovery.status_read_by_staff")
    assert event.actor == world.admin and event.subject is None
    assert event.details == {"context": "cohort api", "program": world.program.slug, "trainees": 2}

    one = call(
        client, world.admin, "get", f"/programs/{world.program.slug}/eligibility/{world.trainee.pk}"
    ).json()
    assert one["results"][0]["met_on"] == world.recovery_met_on.isoformat()
    assert (
        AuditEvent.objects.filter(action="recovery.status_read_by_staff", subject=world.trainee).count() == 1
    )


def test_recovery_attestation_api(client, world):
    response = call(
        client,
        world.other_trainee,
        "post",
        "/recovery-attestation",
        {"recovery_start_date": "2020-02-29", "typed_name": world.other_trainee.full_name, "confirmed": True},
    )
    assert response.status_code == 201
    assert response.json()["current"]["recovery_start_date"] == "2020-02-29"
    bad = {
        "recovery_start_date": "2999-01-01",
        "typed_name": world.other_trainee.full_name,
        "confirmed": True,
    }
    assert call(client, world.other_trainee, "post", "/recovery-attestation", bad).status_code == 422
    unconfirmed = {**bad, "recovery_start_date": "2020-01-01", "confirmed": False}
    assert call(client, world.other_trainee, "post", "/recovery-attestation", unconfirmed).status_code == 422
    assert RecoveryAttestation.objects.filter(user=world.other_trainee).count() == 1


def test_program_write_api(client, world):
    data = library_definition("icrc-peer-recovery")
    response = call(client, world.admin, "post", "/programs", data)
    assert response.status_code == 201, response.content
    assert response.json()["current_version"] == "2024"
    broken = {
        **data,
        "slug": "broken",
        "versions": [{**data["versions"][0], "requirements": [{"kind": "course_passed"}]}],
    }
    response = call(client, world.admin, "post", "/programs", broken)
    assert response.status_code == 422
    assert not CredentialProgram.objects.filter(slug="broken").exists()
    assert call(client, world.trainee, "post", "/programs", {**data, "slug": "mine"}).status_code == 403
    assert not CredentialProgram.objects.filter(slug="mine").exists()


def test_enroll_and_pledge_api(client, world):
    world.program.versions.update()
    response = call(
        client, world.other_trainee, "post", f"/programs/{world.program.slug}/pledge", {"typed_name": "x"}
    )
    assert response.status_code == 422
    response = call(
        client,
        world.other_trainee,
        "post",
        f"/programs/{world.program.slug}/pledge",
        {"typed_name": world.other_trainee.full_name},
    )
    assert response.status_code == 201
    assert (
        call(client, world.other_trainee, "post", f"/programs/{world.program.slug}/enroll").status_code == 409
    )
    assert call(client, None, "post", f"/programs/{world.program.slug}/enroll").status_code == 401

"""The /api/v1/ endpoints for the rules-as-data features: directly supervised hours and supervisors'
qualifications, board exam results, the applicant's own details and profile, and the program library.
Permission matrix, behaviour, bad input changing nothing, and dates of birth reaching nobody but
their owner."""

import json
import re
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.conf import settings
from django.utils import timezone

from certificates.applicant import services as applicant_services
from certificates.applicant.models import BirthDateAttestation, EducationAttestation
from certificates.eligibility import add_months
from certificates.hours import qualifications
from certificates.models import (
    CredentialProgram,
    PracticeLog,
    ProgramExam,
    Requirement,
    SupervisorQualification,
)
from certificates.training import exams
from certificates.training.models import OutsideExamResult
from lms.models import AuditEvent, User
from tests.factories import TraineeFactory

from .factories import add_requirement, log

pytestmark = pytest.mark.django_db
API = "/api/v1"
Kind = Requirement.Kind
LIBRARY_SLUG = "icrc-peer-recovery"


def call(client, user, method, path, body=None, *, files=None):
    client.logout()
    if user is not None:
        client.force_login(user)
    if files is not None:
        return getattr(client, method)(API + path, data=files)
    kwargs = {"content_type": "application/json"}
    if body is not None:
        kwargs["data"] = json.dumps(body)
    return getattr(client, method)(API + path, **kwargs)


@dataclass
class Rules:
    world: object
    exam: ProgramExam
    qualification: SupervisorQualification
    result: OutsideExamResult
    dob: date
    outsider: User  # a trainee working toward no program


@pytest.fixture
def rules(world):
    """`world` plus a board exam with one recorded result, a minimum age and a qualified-supervisor
    practice requirement, a credential for the supervisor, and a date of birth the trainee attested
    (17 years and 10 days ago: old enough in under a year, so the engine knows the 18th birthday)."""
    w = world
    exam = ProgramExam.objects.create(
        program=w.program, slug="board-written", name="Board written exam", passing_score=Decimal("70")
    )
    add_requirement(w.version, Kind.MINIMUM_AGE, years=18)
    add_requirement(w.version, Kind.PRACTICE_HOURS, hours=Decimal("5"), qualified_supervisor=True)
    add_requirement(w.version, Kind.OUTSIDE_EXAM_PASSED, exam=exam)
    qualification = qualifications.qualification_record(
        actor=w.admin,
        supervisor=w.supervisor,
        credential="Certified Clinical Supervisor",
        number="CCS-1",
        valid_from=date(2020, 1, 1),
    )
    result = exams.outside_exam_result_record(
        actor=w.admin, user=w.trainee, exam=exam, taken_on=date(2024, 5, 1), passed=True, score=Decimal("80")
    )
    dob = add_months(timezone.localdate(), -12 * 17) - timedelta(days=10)
    applicant_services.birth_date_attest(user=w.trainee, date_of_birth=dob, typed_name=w.trainee.full_name)
    return Rules(
        world=w, exam=exam, qualification=qualification, result=result, dob=dob, outsider=TraineeFactory()
    )


def snapshot():
    """Everything these endpoints could write, to prove a refused request changed nothing."""
    return {
        "results": list(OutsideExamResult.objects.order_by("pk").values_list("pk", "passed", "score")),
        "qualifications": list(
            SupervisorQualification.objects.order_by("pk").values_list(
                "pk", "credential", "number", "valid_from", "expires_on", "notes"
            )
        ),
        "programs": list(CredentialProgram.objects.order_by("pk").values_list("slug", "name")),
        "birth": list(BirthDateAttestation.objects.order_by("pk").values_list("pk", "superseded_at")),
        "education": list(EducationAttestation.objects.order_by("pk").values_list("pk", "superseded_at")),
        "users": list(User.objects.order_by("pk").values_list("pk", "preferred_name", "time_zone")),
        "logs": list(
            PracticeLog.objects.order_by("pk").values_list(
                "pk", "status", "directly_supervised", "direct_supervision_confirmed"
            )
        ),
    }


def who(rules, name):
    if name == "anonymous":
        return None
    if name == "outsider":
        return rules.outsider
    return getattr(rules.world, name)


def _params(rules):
    w = rules.world
    return {
        "slug": w.program.slug,
        "trainee_id": w.trainee.pk,
        "other_trainee_id": w.other_trainee.pk,
        "supervisor_id": w.supervisor.pk,
        "qualification_id": rules.qualification.pk,
        "library_slug": LIBRARY_SLUG,
        "yesterday": (timezone.localdate() - timedelta(days=1)).isoformat(),
    }


def _fill(rules, value):
    params = _params(rules)
    if isinstance(value, str):
        if value.startswith("{") and value.endswith("}") and value[1:-1] in params and "/" not in value:
            return params[value[1:-1]]
        return value.format(**params)
    if isinstance(value, dict):
        return {k: _fill(rules, v) for k, v in value.items()}
    if isinstance(value, list):
        return [_fill(rules, v) for v in value]
    return value


NEW_RESULT = {
    "user_id": "{other_trainee_id}",
    "exam": "board-written",
    "taken_on": "{yesterday}",
    "passed": False,
}
NEW_QUALIFICATION = {"credential": "CADC", "number": "9", "valid_from": "2021-01-01"}
STAFF_ONLY = {"anonymous": 401, "trainee": 403, "supervisor": 403, "instructor": 403}

# (method, path template, body, {role: status})
MATRIX = [
    ("get", "/exam-results", None, {"anonymous": 401, "trainee": 200, "other_trainee": 200, "admin": 200}),
    ("get", "/programs/{slug}/exam-results", None, {**STAFF_ONLY, "admin": 200}),
    ("get", "/programs/{slug}/exam-results?user_id={trainee_id}", None, {"trainee": 403, "admin": 200}),
    ("post", "/programs/{slug}/exam-results", NEW_RESULT, {**STAFF_ONLY, "other_trainee": 403, "admin": 201}),
    ("post", "/programs/nope/exam-results", NEW_RESULT, {"trainee": 403, "admin": 404}),
    ("get", "/supervisors", None, {**STAFF_ONLY, "admin": 200}),
    ("post", "/supervisors/{supervisor_id}/qualifications", NEW_QUALIFICATION, {**STAFF_ONLY, "admin": 201}),
    ("post", "/supervisors/999999/qualifications", NEW_QUALIFICATION, {"supervisor": 403, "admin": 404}),
    (
        "patch",
        "/supervisors/{supervisor_id}/qualifications/{qualification_id}",
        {"notes": "checked"},
        {**STAFF_ONLY, "other_supervisor": 403, "admin": 200},
    ),
    (
        # The qualification is not the other supervisor's: not found under their id.
        "patch",
        "/supervisors/{other_supervisor.pk}/qualifications/{qualification_id}",
        {"notes": "checked"},
        {"supervisor": 403, "admin": 404},
    ),
    (
        "get",
        "/supervision/qualifications",
        None,
        {"anonymous": 401, "supervisor": 200, "other_supervisor": 200, "trainee": 200},
    ),
    ("get", "/me/details", None, {"anonymous": 401, "trainee": 200, "other_trainee": 200, "admin": 200}),
    (
        "post",
        "/me/details/date-of-birth",
        {"date_of_birth": "1990-01-01", "typed_name": "x"},
        {"anonymous": 401},
    ),
    ("post", "/me/details/education", {"level": "bachelor", "typed_name": "x"}, {"anonymous": 401}),
    ("get", "/me/profile", None, {"anonymous": 401, "trainee": 200, "supervisor": 200, "admin": 200}),
    ("patch", "/me/profile", {"preferred_name": "Sam"}, {"anonymous": 401, "trainee": 200}),
    ("get", "/programs/library", None, {**STAFF_ONLY, "admin": 200}),
    ("post", "/programs/library/{library_slug}/import", None, {**STAFF_ONLY, "admin": 201}),
    ("post", "/programs/library/nope/import", None, {"trainee": 403, "admin": 404}),
]


def _cases():
    for method, path, body, expected in MATRIX:
        for role, status in expected.items():
            yield pytest.param(method, path, body, role, status, id=f"{method} {path} as {role}")


def _fill_path(rules, path):
    w = rules.world
    return path.replace("{other_supervisor.pk}", str(w.other_supervisor.pk)).format(**_params(rules))


@pytest.mark.parametrize(("method", "path", "body", "role", "status"), list(_cases()))
def test_permission_matrix(client, rules, method, path, body, role, status):
    before = snapshot()
    response = call(client, who(rules, role), method, _fill_path(rules, path), _fill(rules, body))
    assert response.status_code == status, response.content[:500]
    if status >= 400:
        assert "detail" in response.json()
        assert snapshot() == before


# --- Hours: directly supervised, qualification flags ------------------------------------------------


def _new_entry(supervisor_id, **extra):
    return {
        "date": (timezone.localdate() - timedelta(days=2)).isoformat(),
        "hours": "1.5",
        "supervisor_id": supervisor_id,
        **extra,
    }


def test_directly_supervised_hours_round_trip(client, rules):
    w = rules.world
    response = call(
        client, w.trainee, "post", "/hours", _new_entry(w.supervisor.pk, directly_supervised=True)
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["directly_supervised"] is True and body["direct_supervision_confirmed"] is None
    assert "supervisor_qualified" not in body and "qualification_required" not in body
    entry_id = body["id"]

    listed = call(client, w.trainee, "get", "/hours").json()["items"]
    assert {e["id"]: e["directly_supervised"] for e in listed}[entry_id] is True

    # The supervisor approves the hours without direct supervision.
    response = call(
        client,
        w.supervisor,
        "post",
        f"/hours/{entry_id}/decision",
        {"approve": True, "directly_supervised": False},
    )
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "approved"
    assert response.json()["direct_supervision_confirmed"] is False

    # An edit sends it back: the supervisor's word is cleared; then confirmed as logged (null).
    response = call(client, w.trainee, "patch", f"/hours/{entry_id}", {"hours": "2"})
    assert response.json()["status"] == "pending" and response.json()["direct_supervision_confirmed"] is None
    response = call(client, w.supervisor, "post", f"/hours/{entry_id}/decision", {"approve": True})
    assert response.json()["direct_supervision_confirmed"] is True

    # The trainee can unmark it on a later edit.
    response = call(client, w.trainee, "patch", f"/hours/{entry_id}", {"directly_supervised": False})
    assert response.status_code == 200
    assert response.json()["directly_supervised"] is False and response.json()["status"] == "pending"


def test_directly_supervised_bad_input_changes_nothing(client, rules):
    w = rules.world
    before = snapshot()
    response = call(
        client,
        w.trainee,
        "post",
        "/hours",
        _new_entry(w.supervisor.pk, kind="supervision", directly_supervised=True),
    )
    assert response.status_code == 422 and "directly supervised" in response.json()["detail"]
    # The supervisor can't confirm direct supervision the trainee did not log.
    response = call(
        client,
        w.supervisor,
        "post",
        f"/hours/{w.pending.pk}/decision",
        {"approve": True, "directly_supervised": True},
    )
    assert response.status_code == 422 and response.json()["detail"]
    # Switching a directly supervised entry to supervision hours is refused.
    direct = log(w.trainee, w.supervisor, status=PracticeLog.Status.PENDING, direct=True, hours="1")
    before = snapshot()
    response = call(client, w.trainee, "patch", f"/hours/{direct.pk}", {"kind": "supervision"})
    assert response.status_code == 422
    response = call(client, w.trainee, "patch", f"/hours/{direct.pk}", {"directly_supervised": "maybe"})
    assert response.status_code == 422 and "detail" in response.json()
    assert snapshot() == before


def test_queue_flags_supervisor_qualification(client, rules):
    w = rules.world
    queue = call(client, w.supervisor, "get", "/supervision/queue").json()["items"]
    [item] = queue
    assert item["id"] == w.pending.pk
    assert item["supervisor_qualified"] is True and item["qualification_required"] is True

    # The other supervisor has no credential; their trainee's program needs one too.
    other = log(w.other_trainee, w.other_supervisor, status=PracticeLog.Status.PENDING)
    [item] = call(client, w.other_supervisor, "get", "/supervision/queue").json()["items"]
    assert item["id"] == other.pk
    assert item["supervisor_qualified"] is False and item["qualification_required"] is True

    # A credential that expired before the entry's date does not count.
    qualifications.qualification_update(
        actor=w.admin, qualification=rules.qualification, expires_on=date(2020, 12, 31)
    )
    [item] = call(client, w.supervisor, "get", "/supervision/queue").json()["items"]
    assert item["supervisor_qualified"] is False


def test_bulk_decision_confirms_direct_supervision_as_logged(client, rules):
    w = rules.world
    direct = log(w.trainee, w.supervisor, status=PracticeLog.Status.PENDING, direct=True, hours="1")
    response = call(
        client,
        w.supervisor,
        "post",
        "/supervision/decisions",
        {"approve": True, "entry_ids": [direct.pk, w.pending.pk]},
    )
    assert response.status_code == 200, response.content
    by_id = {e["id"]: e for e in response.json()}
    assert by_id[direct.pk]["direct_supervision_confirmed"] is True
    assert by_id[w.pending.pk]["direct_supervision_confirmed"] is None


@pytest.mark.parametrize("path", ["/hours", "/supervision/queue"])
def test_hour_lists_take_constant_queries(client, rules, django_assert_max_num_queries, path):
    w = rules.world
    counts = []
    for _round in range(2):
        for _ in range(5):
            log(w.trainee, w.supervisor, status=PracticeLog.Status.PENDING, hours="0.25")
        user = w.trainee if path == "/hours" else w.supervisor
        client.force_login(user)
        with django_assert_max_num_queries(20) as ctx:
            response = client.get(API + path)
        assert response.status_code == 200
        counts.append(len(ctx.captured_queries))
    assert counts[0] == counts[1]


# --- Board exam results -----------------------------------------------------------------------------


def _result_body(rules, **changes):
    return {
        "user_id": rules.world.other_trainee.pk,
        "exam": "board-written",
        "taken_on": (timezone.localdate() - timedelta(days=5)).isoformat(),
        "passed": True,
        "score": "75",
        "notes": "From the board's letter",
        **changes,
    }


def test_exam_result_create_and_lists(client, rules):
    w = rules.world
    response = call(client, w.admin, "post", f"/programs/{w.program.slug}/exam-results", _result_body(rules))
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["user_id"] == w.other_trainee.pk and body["exam"] == "board-written"
    assert body["program"] == w.program.slug and body["passed"] is True and body["score"] == "75.00"
    assert body["has_evidence"] is False
    assert AuditEvent.objects.filter(action="outside_exam_result.recorded", subject=w.other_trainee).exists()

    listed = call(client, w.admin, "get", f"/programs/{w.program.slug}/exam-results").json()
    assert listed["count"] == 2 and {r["user_id"] for r in listed["items"]} == {
        w.trainee.pk,
        w.other_trainee.pk,
    }
    one = call(
        client, w.admin, "get", f"/programs/{w.program.slug}/exam-results?user_id={w.trainee.pk}"
    ).json()
    assert [r["id"] for r in one["items"]] == [rules.result.pk]
    page = call(client, w.admin, "get", f"/programs/{w.program.slug}/exam-results?limit=1&offset=1").json()
    assert page["count"] == 2 and len(page["items"]) == 1

    mine = call(client, w.trainee, "get", "/exam-results").json()
    assert [r["id"] for r in mine] == [rules.result.pk]
    assert [r["id"] for r in call(client, w.other_trainee, "get", "/exam-results").json()] == [body["id"]]
    assert call(client, rules.outsider, "get", "/exam-results").json() == []


@pytest.mark.parametrize(
    ("changes", "status", "words"),
    [
        ({"exam": "no-such-exam"}, 422, "no-such-exam"),
        ({"user_id": 999999}, 422, "999999"),
        ({"user_id": "outsider"}, 422, "is not working toward"),
        ({"taken_on": "2999-01-01"}, 422, "future"),
        ({"taken_on": "1960-01-01"}, 422, "year"),
        ({"score": "50"}, 422, "below"),
        ({"score": "90", "passed": False}, 422, "reaches"),
        ({"score": "-1"}, 422, "negative"),
        ({"score": "12345678.9"}, 422, "score"),
        ({"score": "NaN"}, 422, ""),
        ({"taken_on": "someday"}, 422, ""),
        ({"passed": None}, 422, ""),
        ({"notes": "x" * 2001}, 422, ""),
        ({"user_id": "trainee", "taken_on": "2024-05-01"}, 409, "already recorded"),
    ],
)
def test_exam_result_bad_input_changes_nothing(client, rules, changes, status, words):
    w = rules.world
    named = {"outsider": rules.outsider.pk, "trainee": w.trainee.pk}
    changes = {k: named.get(v, v) if isinstance(v, str) else v for k, v in changes.items()}
    before = snapshot()
    response = call(
        client, w.admin, "post", f"/programs/{w.program.slug}/exam-results", _result_body(rules, **changes)
    )
    assert response.status_code == status, response.content
    detail = response.json()["detail"]
    assert detail
    if words:
        assert words in str(detail)
    assert snapshot() == before


def test_exam_result_of_another_programs_exam_is_unknown(client, rules):
    w = rules.world
    other = CredentialProgram.objects.create(slug="other", name="Other", issuing_body="Board")
    ProgramExam.objects.create(program=other, slug="other-exam", name="Other exam")
    before = snapshot()
    response = call(
        client,
        w.admin,
        "post",
        f"/programs/{w.program.slug}/exam-results",
        _result_body(rules, exam="other-exam"),
    )
    assert response.status_code == 422 and "other-exam" in response.json()["detail"]
    assert snapshot() == before


def _csv(*rows, header="email,exam,taken_on,result,score,notes"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    text = "\n".join([header, *rows]) + "\n"
    return {"file": SimpleUploadedFile("results.csv", text.encode(), content_type="text/csv")}


def test_exam_results_import(client, rules):
    w = rules.world
    path = f"/programs/{w.program.slug}/exam-results/import"
    good = _csv(
        f"{w.other_trainee.email},board-written,2024-06-01,pass,88,",
        f"{w.trainee.email},board-written,2024-07-01,fail,,retake",
    )
    response = call(client, w.admin, "post", path, files=good)
    assert response.status_code == 200, response.content
    assert response.json() == {"created": 2, "errors": []}
    assert OutsideExamResult.objects.count() == 3


def test_exam_results_import_is_all_or_nothing(client, rules):
    w = rules.world
    path = f"/programs/{w.program.slug}/exam-results/import"
    before = snapshot()
    bad = _csv(
        f"{w.other_trainee.email},board-written,2024-06-01,pass,88,",
        "nobody@example.org,board-written,2024-06-01,pass,,",
        f"{w.other_trainee.email},nope,2024-06-01,pass,,",
        f"{rules.outsider.email},board-written,2024-06-01,pass,,",
        f"{w.trainee.email},board-written,2024-05-01,pass,,",
    )
    response = call(client, w.admin, "post", path, files=bad)
    assert response.status_code == 422, response.content
    body = response.json()
    assert body["created"] == 0 and body["detail"]
    assert [e["line"] for e in body["errors"]] == [3, 4, 5, 6]
    assert "Unknown email" in body["errors"][0]["message"] and "nope" in body["errors"][1]["message"]
    assert snapshot() == before

    for files, words in (
        (_csv("a,b", header="name,score"), "columns"),
        (_csv(), "no rows"),
        ({}, "CSV file"),
        ({"file": _csv()["file"].__class__("x.csv", b"\xff\xfe\x00bad", content_type="text/csv")}, "UTF-8"),
    ):
        response = call(client, w.admin, "post", path, files=files)
        assert response.status_code == 422, response.content
        assert words in response.json()["detail"]
    assert snapshot() == before

    for user, status in ((None, 401), (w.trainee, 403), (w.supervisor, 403), (w.instructor, 403)):
        response = call(
            client, user, "post", path, files=_csv(f"{w.trainee.email},board-written,2024-06-01,pass,,")
        )
        assert response.status_code == status and "detail" in response.json()
    assert (
        call(client, w.admin, "post", "/programs/nope/exam-results/import", files=_csv()).status_code == 404
    )
    assert snapshot() == before


@pytest.mark.parametrize("path", ["/programs/{slug}/exam-results", "/exam-results"])
def test_exam_result_lists_take_constant_queries(client, rules, django_assert_max_num_queries, path):
    w = rules.world
    counts = []
    for round_ in range(2):
        for i in range(4):
            exams.outside_exam_result_record(
                actor=w.admin,
                user=w.trainee,
                exam=rules.exam,
                taken_on=date(2023, 1 + round_, 1 + i),
                passed=False,
            )
        client.force_login(w.admin if "{slug}" in path else w.trainee)
        with django_assert_max_num_queries(20) as ctx:
            response = client.get(API + path.format(slug=w.program.slug))
        assert response.status_code == 200
        counts.append(len(ctx.captured_queries))
    assert counts[0] == counts[1]


# --- Supervisors' qualifications --------------------------------------------------------------------


def test_qualifications_record_edit_and_read(client, rules):
    w = rules.world
    response = call(
        client,
        w.admin,
        "post",
        f"/supervisors/{w.other_supervisor.pk}/qualifications",
        {"credential": " CADC ", "number": "77", "valid_from": "2022-01-01", "expires_on": "2030-01-01"},
    )
    assert response.status_code == 201, response.content
    created = response.json()
    assert created["credential"] == "CADC" and created["supervisor_id"] == w.other_supervisor.pk
    assert created["valid_today"] is True and created["expires_on"] == "2030-01-01"

    response = call(
        client,
        w.admin,
        "patch",
        f"/supervisors/{w.other_supervisor.pk}/qualifications/{created['id']}",
        {"expires_on": None, "issued_by": "State board", "notes": "Checked with the board"},
    )
    assert response.status_code == 200, response.content
    assert response.json()["expires_on"] is None and response.json()["issued_by"] == "State board"
    # null clears a text field.
    response = call(
        client,
        w.admin,
        "patch",
        f"/supervisors/{w.other_supervisor.pk}/qualifications/{created['id']}",
        {"notes": None},
    )
    assert response.status_code == 200, response.content
    assert response.json()["notes"] == "" and response.json()["issued_by"] == "State board"

    supervisors = {s["id"]: s for s in call(client, w.admin, "get", "/supervisors").json()}
    assert {w.supervisor.pk, w.other_supervisor.pk} <= set(supervisors)
    assert [q["number"] for q in supervisors[w.supervisor.pk]["qualifications"]] == ["CCS-1"]
    assert [q["id"] for q in supervisors[w.other_supervisor.pk]["qualifications"]] == [created["id"]]
    assert w.trainee.pk not in supervisors

    mine = call(client, w.other_supervisor, "get", "/supervision/qualifications").json()
    assert [q["id"] for q in mine] == [created["id"]]
    assert call(client, w.trainee, "get", "/supervision/qualifications").json() == []


@pytest.mark.parametrize(
    ("method", "target", "body", "status", "words"),
    [
        ("post", "supervisor", {**NEW_QUALIFICATION, "expires_on": "2020-01-01"}, 422, "expiry"),
        ("post", "supervisor", {**NEW_QUALIFICATION, "credential": "  "}, 422, "credential"),
        ("post", "supervisor", {**NEW_QUALIFICATION, "number": ""}, 422, "number"),
        ("post", "supervisor", {"credential": "CADC", "number": "1"}, 422, ""),
        ("post", "supervisor", {**NEW_QUALIFICATION, "valid_from": "soon"}, 422, ""),
        ("post", "trainee", NEW_QUALIFICATION, 422, "not a supervisor"),
        ("patch", "supervisor", {"expires_on": "2019-12-31"}, 422, "expiry"),
        ("patch", "supervisor", {"credential": ""}, 422, "credential"),
        ("patch", "supervisor", {"valid_from": None}, 422, ""),
        ("patch", "supervisor", {"credential": None}, 422, "credential"),
        ("patch", "supervisor", {"number": "x" * 81}, 422, ""),
    ],
)
def test_qualification_bad_input_changes_nothing(client, rules, method, target, body, status, words):
    w = rules.world
    user_id = getattr(w, target).pk
    path = f"/supervisors/{user_id}/qualifications"
    if method == "patch":
        path += f"/{rules.qualification.pk}"
    before = snapshot()
    response = call(client, w.admin, method, path, body)
    assert response.status_code == status, response.content
    assert response.json()["detail"]
    if words:
        assert words in response.json()["detail"]
    assert snapshot() == before


# --- The applicant's own details and profile --------------------------------------------------------


def test_own_details_attest_and_read(client, rules):
    w = rules.world
    mine = call(client, w.trainee, "get", "/me/details").json()
    assert mine["birth_date"]["date_of_birth"] == rules.dob.isoformat() and mine["education"] is None

    someone = w.other_trainee
    assert call(client, someone, "get", "/me/details").json() == {"birth_date": None, "education": None}
    response = call(
        client,
        someone,
        "post",
        "/me/details/date-of-birth",
        {"date_of_birth": "1990-02-28", "typed_name": someone.full_name.upper()},
    )
    assert response.status_code == 201, response.content
    assert response.json()["birth_date"]["date_of_birth"] == "1990-02-28"
    response = call(
        client,
        someone,
        "post",
        "/me/details/education",
        {"level": "associate", "typed_name": someone.full_name},
    )
    assert response.status_code == 201, response.content
    education = response.json()["education"]
    assert education["level"] == "associate" and education["level_label"] == "Associate degree"
    assert response.json()["birth_date"]["date_of_birth"] == "1990-02-28"

    # A correction supersedes the last one.
    response = call(
        client,
        someone,
        "post",
        "/me/details/date-of-birth",
        {"date_of_birth": "1990-03-01", "typed_name": someone.full_name},
    )
    assert response.json()["birth_date"]["date_of_birth"] == "1990-03-01"
    assert BirthDateAttestation.objects.filter(user=someone).count() == 2
    assert BirthDateAttestation.objects.current().filter(user=someone).count() == 1
    # The audit trail says that it happened, never the value.
    events = AuditEvent.objects.filter(subject=someone, action__startswith="applicant.")
    assert events.count() == 3
    assert not any("1990" in json.dumps(e.details) for e in events)


@pytest.mark.parametrize(
    ("path", "body", "words"),
    [
        ("/me/details/date-of-birth", {"date_of_birth": "2999-01-01", "typed_name": "{name}"}, "future"),
        ("/me/details/date-of-birth", {"date_of_birth": "1850-01-01", "typed_name": "{name}"}, "year"),
        (
            "/me/details/date-of-birth",
            {"date_of_birth": "1990-01-01", "typed_name": "Someone Else"},
            "full name",
        ),
        ("/me/details/date-of-birth", {"date_of_birth": "1990-01-01", "typed_name": ""}, "full name"),
        ("/me/details/date-of-birth", {"date_of_birth": "01/02/1990", "typed_name": "{name}"}, ""),
        ("/me/details/date-of-birth", {"typed_name": "{name}"}, ""),
        ("/me/details/education", {"level": "phd", "typed_name": "{name}"}, "highest education"),
        ("/me/details/education", {"level": "bachelor", "typed_name": "Nobody"}, "full name"),
        ("/me/details/education", {"level": "bachelor"}, ""),
    ],
)
def test_own_details_bad_input_changes_nothing(client, rules, path, body, words):
    w = rules.world
    body = {k: v.format(name=w.trainee.full_name) for k, v in body.items()}
    before = snapshot()
    response = call(client, w.trainee, "post", path, body)
    assert response.status_code == 422, response.content
    assert response.json()["detail"]
    if words:
        assert words in response.json()["detail"]
    assert snapshot() == before
    assert (
        call(client, w.trainee, "get", "/me/details").json()["birth_date"]["date_of_birth"]
        == rules.dob.isoformat()
    )


def test_profile_read_and_edit(client, rules):
    w = rules.world
    response = call(client, w.trainee, "get", "/me/profile")
    assert response.json() == {
        "email": w.trainee.email,
        "full_name": w.trainee.full_name,
        "preferred_name": "",
        "time_zone": "",
        "effective_time_zone": settings.TIME_ZONE,
    }
    response = call(
        client,
        w.trainee,
        "patch",
        "/me/profile",
        {"preferred_name": "  Sam ", "time_zone": "America/Chicago"},
    )
    assert response.status_code == 200, response.content
    assert response.json()["preferred_name"] == "Sam"
    assert response.json()["time_zone"] == response.json()["effective_time_zone"] == "America/Chicago"
    w.trainee.refresh_from_db()
    assert (w.trainee.preferred_name, w.trainee.time_zone) == ("Sam", "America/Chicago")
    assert AuditEvent.objects.filter(action="profile.updated", subject=w.trainee).count() == 1

    # "" is the site's time zone; an untouched field stays as it was.
    response = call(client, w.trainee, "patch", "/me/profile", {"time_zone": ""})
    assert response.json()["time_zone"] == "" and response.json()["effective_time_zone"] == settings.TIME_ZONE
    assert response.json()["preferred_name"] == "Sam"
    # Only your own: nobody else's profile changed.
    assert User.objects.exclude(pk=w.trainee.pk).exclude(preferred_name="").count() == 0


@pytest.mark.parametrize(
    "body",
    [
        {"time_zone": "Mars/Olympus_Mons"},
        {"time_zone": "america/chicago"},
        {"time_zone": "x" * 65},
        {"preferred_name": "x" * 101},
        {"preferred_name": ["Sam"]},
        {"time_zone": "Europe/Paris", "preferred_name": "y" * 101},
    ],
)
def test_profile_bad_input_changes_nothing(client, rules, body):
    w = rules.world
    before = snapshot()
    response = call(client, w.trainee, "patch", "/me/profile", body)
    assert response.status_code == 422, response.content
    assert response.json()["detail"]
    assert snapshot() == before


# --- Dates of birth reach nobody but their owner ----------------------------------------------------


def _dob_texts(rules):
    dob = rules.dob
    eighteenth = add_months(dob, 12 * 18)
    return [
        dob.isoformat(),
        dob.strftime("%m/%d/%Y"),
        f"{dob:%B} {dob.day}, {dob.year}",
        eighteenth.isoformat(),  # the day a minimum age is met gives the birthday away
        f"{eighteenth:%B} {eighteenth.day}, {eighteenth.year}",
    ]


def _every_get_path(client, rules):
    """Every GET operation of the whole API, with its path parameters pointing at the trainee."""
    w = rules.world
    values = {
        "slug": w.program.slug,
        "user_id": w.trainee.pk,
        "trainee_id": w.trainee.pk,
        "entry_id": w.entry.pk,
        "code": "NOPE",
        "purpose": "revocation",
    }
    schema = client.get(API + "/openapi.json").json()
    for path, operations in schema["paths"].items():
        if "get" not in operations:
            continue
        yield re.sub(r"\{(\w+)\}", lambda m: str(values.get(m.group(1), 1)), path)
    yield f"{API}/programs/{w.program.slug}/exam-results?user_id={w.trainee.pk}"


@pytest.mark.parametrize("role", ["admin", "supervisor", "instructor", "other_trainee", "anonymous"])
def test_nobody_but_the_owner_reads_a_date_of_birth(client, rules, role):
    user = who(rules, role)
    paths = list(_every_get_path(client, rules))
    assert f"{API}/me/details" in paths and f"{API}/programs/{rules.world.program.slug}/eligibility" in paths
    client.logout()
    if user is not None:
        client.force_login(user)
    for path in paths:
        response = client.get(path)
        assert response.status_code < 500, (path, response.content[:300])
        text = response.content.decode("utf-8", "replace")
        for leaked in _dob_texts(rules):
            assert leaked not in text, (path, leaked)


def test_the_owner_reads_their_date_of_birth_and_staff_see_age_as_met_or_not(client, rules):
    w = rules.world
    eighteenth = add_months(rules.dob, 12 * 18)
    assert (
        call(client, w.trainee, "get", "/me/details").json()["birth_date"]["date_of_birth"]
        == rules.dob.isoformat()
    )
    [own] = call(client, w.trainee, "get", "/eligibility").json()
    [age] = [r for r in own["results"] if r["kind"] == "minimum_age"]
    assert age["met"] is False and age["met_on"] == eighteenth.isoformat() and age["current"] == "17"

    staff_views = [
        call(client, w.admin, "get", f"/programs/{w.program.slug}/eligibility/{w.trainee.pk}").json(),
        next(
            row
            for row in call(client, w.admin, "get", f"/programs/{w.program.slug}/eligibility").json()["items"]
            if row["user_id"] == w.trainee.pk
        ),
    ]
    for view in staff_views:
        [age] = [r for r in view["results"] if r["kind"] == "minimum_age"]
        assert age == {
            **age,
            "met": False,
            "met_on": None,
            "current": None,
            "missing": "Minimum age: not met yet",
        }


def test_the_api_schema_carries_a_date_of_birth_only_on_the_owners_endpoints(client):
    schema = client.get(API + "/openapi.json").json()
    components = schema["components"]["schemas"]
    with_dob = {name for name, s in components.items() if "date_of_birth" in s.get("properties", {})}
    assert with_dob == {"BirthDateIn", "BirthDateOwnOut"}
    referencing = set()
    for path, operations in schema["paths"].items():
        text = json.dumps(operations)
        if "BirthDateIn" in text or "BirthDateOwnOut" in text or "ApplicantDetailsOut" in text:
            referencing.add(path)
    assert referencing == {
        f"{API}/me/details",
        f"{API}/me/details/date-of-birth",
        f"{API}/me/details/education",
    }


def test_putting_a_trainee_forward_does_not_give_their_birthday_away(client, rules):
    w = rules.world
    response = call(
        client,
        w.admin,
        "post",
        "/certificates/applications",
        {"version_id": w.version.pk, "user_id": w.trainee.pk},
    )
    assert response.status_code == 422
    for leaked in _dob_texts(rules):
        assert leaked not in response.json()["detail"]


# --- The program library ----------------------------------------------------------------------------


def test_library_list_and_import(client, rules):
    w = rules.world
    listed = call(client, w.admin, "get", "/programs/library").json()
    by_slug = {p["slug"]: p for p in listed}
    assert LIBRARY_SLUG in by_slug and set(by_slug[LIBRARY_SLUG]) == {
        "slug",
        "name",
        "issuing_body",
        "on_site",
    }
    assert by_slug[LIBRARY_SLUG]["on_site"] is False

    response = call(client, w.admin, "post", f"/programs/library/{LIBRARY_SLUG}/import")
    assert response.status_code == 201, response.content
    assert response.json()["slug"] == LIBRARY_SLUG and response.json()["current_version"]
    assert CredentialProgram.objects.filter(slug=LIBRARY_SLUG).exists()
    listed = {p["slug"]: p for p in call(client, w.admin, "get", "/programs/library").json()}
    assert listed[LIBRARY_SLUG]["on_site"] is True
    # Importing again updates the same program.
    assert call(client, w.admin, "post", f"/programs/library/{LIBRARY_SLUG}/import").status_code == 201
    assert CredentialProgram.objects.filter(slug=LIBRARY_SLUG).count() == 1


def test_library_path_is_not_taken_for_a_program_slug(client, rules):
    """/programs/library is the library, not a program called "library" (anonymous: 401, not 404)."""
    assert call(client, None, "get", "/programs/library").status_code == 401
    CredentialProgram.objects.create(slug="library", name="A program called library", issuing_body="B")
    assert call(client, None, "get", "/programs/library").status_code == 401
    assert call(client, rules.world.admin, "get", "/programs/library").json()[0].keys() == {
        "slug",
        "name",
        "issuing_body",
        "on_site",
    }
    assert call(client, None, "get", f"/programs/{rules.world.program.slug}").status_code == 200


# --- The schema ---------------------------------------------------------------------------------------


def test_openapi_builds_with_unique_operation_ids(client):
    response = client.get(API + "/openapi.json")
    assert response.status_code == 200
    schema = response.json()
    ids = [op["operationId"] for ops in schema["paths"].values() for op in ops.values()]
    assert len(ids) == len(set(ids))
    for path in (
        "/programs/library",
        "/programs/library/{slug}/import",
        "/programs/{slug}/exam-results",
        "/programs/{slug}/exam-results/import",
        "/exam-results",
        "/supervisors",
        "/supervisors/{user_id}/qualifications",
        "/supervisors/{user_id}/qualifications/{qualification_id}",
        "/supervision/qualifications",
        "/me/details",
        "/me/details/date-of-birth",
        "/me/details/education",
        "/me/profile",
    ):
        assert API + path in schema["paths"], path
    queue = schema["paths"][f"{API}/supervision/queue"]["get"]
    assert "SupervisionQueueEntryOut" in json.dumps(queue)
    log_out = schema["components"]["schemas"]["PracticeLogOut"]["properties"]
    assert {"directly_supervised", "direct_supervision_confirmed"} <= set(log_out)
    assert "supervisor_qualified" not in log_out
    assert "directly_supervised" in schema["components"]["schemas"]["DecisionIn"]["properties"]

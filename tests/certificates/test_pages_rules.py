"""HTML pages for the rules-as-data features: directly supervised hours (trainee and supervisor),
supervisors' credentials and the queue's warning, board exam results (form, list, evidence, CSV),
delivery of training taken elsewhere, what an applicant attests (their page, the administrator's
audited read, the checklist's links) and the library of programs."""

import json
import re
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from certificates.applicant import services as applicant_services
from certificates.applicant.models import BirthDateAttestation, EducationAttestation, EducationLevel
from certificates.hours import qualifications
from certificates.hours import services as hours_services
from certificates.hours.models import PracticeLog, SupervisorQualification
from certificates.models import CredentialProgram, ExternalTraining, Requirement
from certificates.programs import transfer
from certificates.programs.models import ProgramExam
from certificates.training import exams as exam_services
from certificates.training.models import OutsideExamResult
from certificates.validation import ERR_TYPED_NAME
from lms.models import AuditEvent
from tests.factories import SupervisorFactory

from .factories import VersionFactory, add_requirement, enroll, log

pytestmark = pytest.mark.django_db

LOGIN = "/accounts/login/"
Kind = Requirement.Kind
WARNING = (
    "No valid supervisor credential of yours is on record for this date: the trainee's program counts "
    "only hours signed off by a qualified supervisor. Ask the program administrator to record your credential."
)


@pytest.fixture(autouse=True)
def exam_evidence_storage(private_storage, monkeypatch):
    """Board notices go to the same temporary private storage as other evidence."""
    monkeypatch.setattr(OutsideExamResult._meta.get_field("evidence"), "storage", private_storage)
    return private_storage


@pytest.fixture
def exam(world):
    return ProgramExam.objects.create(
        program=world.program, slug="pr-exam", name="Peer Recovery exam", passing_score=Decimal("70")
    )


@pytest.fixture
def result(world, exam):
    return exam_services.outside_exam_result_record(
        actor=world.admin,
        user=world.trainee,
        exam=exam,
        taken_on=timezone.localdate() - timedelta(days=20),
        passed=True,
        score=Decimal("80"),
        evidence=ContentFile(b"%PDF-1.4 board notice", name="notice.pdf"),
    )


@pytest.fixture
def credential(world):
    return qualifications.qualification_record(
        actor=world.admin,
        supervisor=world.supervisor,
        credential="Certified Clinical Supervisor",
        number="CCS-1",
        valid_from=date(2020, 1, 1),
    )


def as_user(client, user):
    client.logout()
    if user is not None:
        client.force_login(user)
    return client


def page(response) -> str:
    return response.content.decode()


def input_tag(html: str, element_id: str) -> str:
    """The whole <input ...> tag with this id."""
    match = re.search(rf'<input[^>]*id="{re.escape(element_id)}"[^>]*>', html)
    assert match, element_id
    return match.group(0)


def _counts():
    return (
        SupervisorQualification.objects.count(),
        OutsideExamResult.objects.count(),
        CredentialProgram.objects.count(),
        BirthDateAttestation.objects.count(),
        EducationAttestation.objects.count(),
        ExternalTraining.objects.count(),
        PracticeLog.objects.filter(status=PracticeLog.Status.PENDING).count(),
    )


# --- Permission matrix ----------------------------------------------------------------------------

VALID_CREDENTIAL = {"credential": "CCS", "number": "N-9", "valid_from": "2021-01-01"}


def _exam_result_data(world, exam):
    return {
        "exam": exam.pk,
        "taken_on": (timezone.localdate() - timedelta(days=3)).isoformat(),
        "passed": "yes",
        "score": "75",
    }


# (method, url name, kwargs, post data builder, {role: status}); "admin" success changes things.
MATRIX = [
    ("get", "details", {}, None, {"anonymous": 302, "trainee": 200, "supervisor": 200}),
    (
        "get",
        "exam-evidence",
        {"pk": "result"},
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
    (
        "get",
        "supervisors",
        {},
        None,
        {"anonymous": 302, "trainee": 403, "instructor": 403, "supervisor": 403, "admin": 200},
    ),
    (
        "post",
        "qualification-add",
        {"user_id": "supervisor"},
        lambda world, exam: VALID_CREDENTIAL,
        {"anonymous": 302, "trainee": 403, "instructor": 403, "supervisor": 403, "admin": 302},
    ),
    (
        "get",
        "qualification-edit",
        {"pk": "credential"},
        None,
        {"anonymous": 302, "trainee": 403, "supervisor": 403, "admin": 200},
    ),
    (
        "post",
        "qualification-edit",
        {"pk": "credential"},
        lambda world, exam: {**VALID_CREDENTIAL, "number": "CHANGED"},
        {"anonymous": 302, "trainee": 403, "supervisor": 403, "admin": 302},
    ),
    (
        "get",
        "library",
        {},
        None,
        {"anonymous": 302, "trainee": 403, "instructor": 403, "supervisor": 403, "admin": 200},
    ),
    (
        "post",
        "library-import",
        {"slug": "icrc-peer-recovery"},
        lambda world, exam: {},
        {"anonymous": 302, "trainee": 403, "supervisor": 403},
    ),
    (
        "get",
        "import-exam-results",
        {"slug": "slug"},
        None,
        {"anonymous": 302, "trainee": 403, "instructor": 403, "supervisor": 403, "admin": 200},
    ),
    (
        "post",
        "exam-result-add",
        {"user_id": "trainee"},
        _exam_result_data,
        {"anonymous": 302, "trainee": 403, "instructor": 403, "supervisor": 403, "admin": 302},
    ),
]


def _cases():
    for method, name, kwargs, data, expected in MATRIX:
        for role, status in expected.items():
            yield pytest.param(method, name, kwargs, data, role, status, id=f"{method} {name} as {role}")


@pytest.mark.parametrize(("method", "name", "kwargs", "data", "role", "status"), list(_cases()))
def test_permission_matrix(client, world, exam, result, credential, method, name, kwargs, data, role, status):
    values = {
        "result": result.pk,
        "credential": credential.pk,
        "supervisor": world.supervisor.pk,
        "trainee": world.trainee.pk,
        "slug": world.program.slug,
    }
    url = reverse(f"certificates:{name}", kwargs={k: values.get(v, v) for k, v in kwargs.items()})
    as_user(client, None if role == "anonymous" else getattr(world, role))
    before = _counts()
    number_before = SupervisorQualification.objects.get(pk=credential.pk).number
    if method == "get":
        response = client.get(url)
    else:
        response = client.post(url, data(world, exam))
    assert response.status_code == status, (url, response.status_code)
    if role == "anonymous":
        assert response["Location"].startswith(LOGIN)
    if role != "admin" or status >= 400:
        assert _counts() == before
        assert SupervisorQualification.objects.get(pk=credential.pk).number == number_before


def test_unknown_objects_are_not_found(client, world):
    as_user(client, world.admin)
    assert client.get(reverse("certificates:qualification-edit", args=[999999])).status_code == 404
    assert client.get(reverse("certificates:import-exam-results", args=["no-such"])).status_code == 404
    assert client.post(reverse("certificates:exam-result-add", args=[999999]), {}).status_code == 404
    assert client.post(reverse("certificates:qualification-add", args=[999999]), {}).status_code == 404
    before = CredentialProgram.objects.count()
    assert client.post(reverse("certificates:library-import", args=["no-such-program"])).status_code == 404
    assert CredentialProgram.objects.count() == before


# --- Directly supervised hours ------------------------------------------------------------------


def _hours_data(world, **changes):
    data = {
        "date": (timezone.localdate() - timedelta(days=2)).isoformat(),
        "hours": "3",
        "kind": "practice",
        "supervisor": world.supervisor.pk,
        "setting": "Peer center",
        "directly_supervised": "on",
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def test_trainee_logs_directly_supervised_hours_and_sees_waiting(client, world):
    as_user(client, world.trainee)
    form = page(client.get(reverse("certificates:hours")))
    assert "Directly supervised" in form
    assert (
        "Your supervisor was there, overseeing the work. Practice hours only; your supervisor confirms it."
        in form
    )
    response = client.post(reverse("certificates:hours"), _hours_data(world))
    assert response.status_code == 302
    entry = PracticeLog.objects.get(setting="Peer center")
    assert entry.directly_supervised and entry.direct_supervision_confirmed is None
    assert "directly supervised · waiting" in page(client.get(reverse("certificates:hours")))


def test_directly_supervised_supervision_hours_are_refused_keeping_input(client, world):
    as_user(client, world.trainee)
    before = PracticeLog.objects.count()
    response = client.post(
        reverse("certificates:hours"), _hours_data(world, kind="supervision", setting="Kept setting")
    )
    assert response.status_code == 422
    assert escape(hours_services.ERR_DIRECT_ONLY_PRACTICE) in page(response)
    assert 'value="Kept setting"' in page(response)
    assert PracticeLog.objects.count() == before


def test_edit_page_keeps_and_changes_directly_supervised(client, world):
    entry = log(world.trainee, world.supervisor, hours="2", status=PracticeLog.Status.PENDING, direct=True)
    as_user(client, world.trainee)
    url = reverse("certificates:hours-edit", args=[entry.pk])
    form = page(client.get(url))
    assert " checked" in input_tag(form, "id_directly_supervised")
    response = client.post(
        url, _hours_data(world, date=entry.date.isoformat(), hours="2", directly_supervised=None)
    )
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.directly_supervised is False


def _direct_entry(world):
    return log(world.trainee, world.supervisor, hours="3", status=PracticeLog.Status.PENDING, direct=True)


def test_queue_shows_direct_supervision_checked_by_default(client, world):
    entry = _direct_entry(world)
    as_user(client, world.supervisor)
    html = page(client.get(reverse("certificates:queue")))
    assert "logged as directly supervised" in html
    assert "I directly supervised this" in html
    assert " checked" in input_tag(html, f"entry-{entry.pk}-directly_supervised")
    # The entry not logged so has no such box.
    assert f'id="entry-{world.pending.pk}-directly_supervised"' not in html


def test_supervisor_unticks_direct_supervision_and_approves_without_it(client, world):
    entry = _direct_entry(world)
    as_user(client, world.supervisor)
    response = client.post(reverse("certificates:decide", args=[entry.pk]), {"decision": "approve"})
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.status == PracticeLog.Status.APPROVED
    assert entry.direct_supervision_confirmed is False
    assert entry.approvals.get().directly_supervised is False
    as_user(client, world.trainee)
    assert "directly supervised · not confirmed" in page(client.get(reverse("certificates:hours")))


def test_supervisor_confirms_direct_supervision(client, world):
    entry = _direct_entry(world)
    as_user(client, world.supervisor)
    response = client.post(
        reverse("certificates:decide", args=[entry.pk]), {"decision": "approve", "directly_supervised": "on"}
    )
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.direct_supervision_confirmed is True
    as_user(client, world.trainee)
    assert "directly supervised · confirmed" in page(client.get(reverse("certificates:hours")))


def test_refused_decision_shows_on_the_queue_keeping_the_choice(client, world):
    entry = _direct_entry(world)
    as_user(client, world.supervisor)
    response = client.post(
        reverse("certificates:decide", args=[entry.pk]), {"decision": "reject", "reason": "  "}
    )
    assert response.status_code == 422
    html = page(response)
    assert escape(hours_services.ERR_REASON_REQUIRED) in html
    assert 'value="reject"' in input_tag(html, f"entry-{entry.pk}-decision_1")
    assert " checked" in input_tag(html, f"entry-{entry.pk}-decision_1")
    assert " checked" not in input_tag(html, f"entry-{entry.pk}-decision_0")
    entry.refresh_from_db()
    assert entry.status == PracticeLog.Status.PENDING
    # Ticking "directly supervised" on an entry not logged so is refused too.
    response = client.post(
        reverse("certificates:decide", args=[world.pending.pk]),
        {"decision": "approve", "directly_supervised": "on"},
    )
    assert response.status_code == 422
    assert escape(hours_services.ERR_DIRECT_NOT_CLAIMED) in page(response)
    world.pending.refresh_from_db()
    assert world.pending.status == PracticeLog.Status.PENDING
    # No decision chosen at all.
    response = client.post(reverse("certificates:decide", args=[entry.pk]), {"decision": "maybe"})
    assert response.status_code == 422
    entry.refresh_from_db()
    assert entry.status == PracticeLog.Status.PENDING


# --- Supervisors' credentials and the queue's warning ----------------------------------------------


def test_queue_warns_until_the_admin_records_a_credential(client, world):
    add_requirement(world.version, Kind.PRACTICE_HOURS, hours=Decimal("5"), qualified_supervisor=True)
    as_user(client, world.supervisor)
    html = page(client.get(reverse("certificates:queue")))
    assert WARNING in html and "Warning:" in html
    assert "None recorded." in html

    as_user(client, world.admin)
    response = client.post(
        reverse("certificates:qualification-add", args=[world.supervisor.pk]),
        {
            "credential": "Certified Clinical Supervisor",
            "number": "CCS-77",
            "issued_by": "State board",
            "valid_from": (world.pending.date - timedelta(days=30)).isoformat(),
        },
    )
    assert response.status_code == 302
    admin_page = page(client.get(reverse("certificates:supervisors")))
    assert "Certified Clinical Supervisor" in admin_page and "CCS-77" in admin_page

    as_user(client, world.supervisor)
    html = page(client.get(reverse("certificates:queue")))
    assert WARNING not in html
    assert "CCS-77" in html and "valid today" in html


def test_no_warning_when_the_program_does_not_ask(client, world):
    as_user(client, world.supervisor)
    assert WARNING not in page(client.get(reverse("certificates:queue")))


def test_recording_a_bad_credential_shows_the_error_and_keeps_input(client, world):
    as_user(client, world.admin)
    url = reverse("certificates:qualification-add", args=[world.supervisor.pk])
    response = client.post(
        url,
        {
            "credential": "Kept credential",
            "number": "K-1",
            "valid_from": "2024-05-01",
            "expires_on": "2024-01-01",
        },
    )
    assert response.status_code == 422
    html = page(response)
    assert escape(qualifications.ERR_EXPIRES_BEFORE_START) in html
    assert 'value="Kept credential"' in html
    response = client.post(url, {"credential": "", "number": "", "valid_from": "not a date"})
    assert response.status_code == 422
    assert "This field is required." in page(response)
    # Someone who is not a supervisor.
    response = client.post(
        reverse("certificates:qualification-add", args=[world.trainee.pk]), VALID_CREDENTIAL
    )
    assert response.status_code == 422
    assert escape(qualifications.ERR_NOT_A_SUPERVISOR) in page(response)
    assert not SupervisorQualification.objects.exists()


def test_admin_corrects_a_credential(client, world, credential):
    as_user(client, world.admin)
    url = reverse("certificates:qualification-edit", args=[credential.pk])
    html = page(client.get(url))
    assert 'value="CCS-1"' in html
    response = client.post(
        url, {"credential": credential.credential, "number": "CCS-2", "valid_from": "2020-01-01"}
    )
    assert response.status_code == 302
    credential.refresh_from_db()
    assert credential.number == "CCS-2"
    response = client.post(
        url,
        {"credential": "Typed", "number": "CCS-3", "valid_from": "2020-01-01", "expires_on": "2019-01-01"},
    )
    assert response.status_code == 422
    assert escape(qualifications.ERR_EXPIRES_BEFORE_START) in page(response)
    assert 'value="Typed"' in page(response)
    credential.refresh_from_db()
    assert credential.number == "CCS-2" and credential.expires_on is None


def test_supervisors_page_query_count_constant(client, world, django_assert_max_num_queries):
    as_user(client, world.admin)
    client.get(reverse("certificates:manage"))  # warm up the session

    def measure():
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(reverse("certificates:supervisors"))
        assert response.status_code == 200
        return len(ctx.captured_queries), page(response)

    def add_supervisor():
        person = SupervisorFactory()
        qualifications.qualification_record(
            actor=world.admin, supervisor=person, credential="CCS", number="1", valid_from=date(2020, 1, 1)
        )
        return person

    add_supervisor()  # with the world's two: 3 supervisors
    small, html = measure()
    assert html.count('action="/certification/manage/supervisors/') == 3
    for _ in range(27):
        add_supervisor()
    big, html = measure()
    assert html.count('action="/certification/manage/supervisors/') == 30
    assert small == big, (small, big)
    with django_assert_max_num_queries(small):
        client.get(reverse("certificates:supervisors"))


# --- Board exam results, delivery, attested details on the trainee page --------------------------


def test_admin_records_an_exam_result_with_evidence(client, world, exam, exam_evidence_storage):
    as_user(client, world.admin)
    url = reverse("certificates:trainee-records", args=[world.trainee.pk])
    record_url = reverse("certificates:exam-result-add", args=[world.trainee.pk])
    # The file's records page links to a page of its own, which offers the exams of the trainee's
    # programs.
    assert f'href="{record_url}"' in page(client.get(url))
    html = page(client.get(record_url))
    assert "Record an exam result" in html and "Peer Recovery exam" in html
    response = client.post(
        record_url,
        {
            **_exam_result_data(world, exam),
            "notes": "Board letter of March",
            "evidence": SimpleUploadedFile("notice.pdf", b"%PDF-1.4 notice", content_type="application/pdf"),
        },
    )
    assert response.status_code == 302
    result = OutsideExamResult.objects.get(user=world.trainee)
    assert result.passed and result.score == Decimal("75") and result.recorded_by == world.admin
    assert exam_evidence_storage.exists(result.evidence.name)
    html = page(client.get(url))
    assert "Board letter of March" in html
    evidence_url = reverse("certificates:exam-evidence", args=[result.pk])
    assert evidence_url in html
    response = client.get(evidence_url)
    assert response.status_code == 200 and b"".join(response.streaming_content) == b"%PDF-1.4 notice"
    # The owner sees it on their checklist page and can download it; nobody else.
    as_user(client, world.trainee)
    assert evidence_url in page(client.get(reverse("certificates:dashboard")))
    assert client.get(evidence_url).status_code == 200
    as_user(client, world.other_trainee)
    assert client.get(evidence_url).status_code == 404


def test_bad_exam_results_are_refused_keeping_input(client, world, exam):
    as_user(client, world.admin)
    url = reverse("certificates:exam-result-add", args=[world.trainee.pk])
    data = {**_exam_result_data(world, exam), "score": "50", "notes": "Kept note"}
    response = client.post(url, data)
    assert response.status_code == 422
    html = page(response)
    assert escape(exam_services.ERR_PASS_BELOW_SCORE.format(score="50", passing="70")) in html
    assert "Kept note" in html
    future = (timezone.localdate() + timedelta(days=5)).isoformat()
    response = client.post(url, {**data, "score": "", "taken_on": future})
    assert response.status_code == 422
    assert escape(exam_services.ERR_TAKEN_IN_FUTURE) in page(response)
    # An exam of a program the trainee doesn't work toward is not a choice.
    other = ProgramExam.objects.create(program=VersionFactory().program, slug="other", name="Other exam")
    response = client.post(url, {**data, "score": "", "exam": other.pk})
    assert response.status_code == 422
    assert "Select a valid choice" in page(response)
    assert not OutsideExamResult.objects.exists()
    # The same result twice: a conflict.
    assert client.post(url, {**data, "score": "90"}).status_code == 302
    response = client.post(url, {**data, "score": "90"})
    assert response.status_code == 409
    assert "is already recorded" in page(response)
    assert OutsideExamResult.objects.count() == 1


def test_external_training_records_its_delivery(client, world):
    as_user(client, world.admin)
    url = reverse("certificates:external-add", args=[world.other_trainee.pk])
    assert "Face to face" in page(client.get(url))
    data = {
        "provider": "County",
        "title": "Group facilitation",
        "completed_on": "2024-02-01",
        "delivery_mode": "face_to_face",
        "hours_advocacy": "2",
    }
    response = client.post(url, {**data, "hours_advocacy": ""})
    assert response.status_code == 422
    assert "Give hours for at least one domain." in page(response)
    assert 'value="Group facilitation"' in page(response)
    response = client.post(url, {**data, "delivery_mode": "carrier_pigeon"})
    assert response.status_code == 422
    assert not ExternalTraining.objects.filter(user=world.other_trainee).exists()
    assert client.post(url, data).status_code == 302
    training = ExternalTraining.objects.get(user=world.other_trainee)
    assert training.delivery_mode == "face_to_face"
    html = page(client.get(reverse("certificates:trainee-records", args=[world.other_trainee.pk])))
    assert "Group facilitation (County), 2024-02-01, Face to face" in html


def test_attested_details_shown_only_on_request_and_audited(client, world):
    applicant_services.birth_date_attest(
        user=world.trainee, date_of_birth=date(1980, 7, 4), typed_name=world.trainee.full_name
    )
    applicant_services.education_attest(
        user=world.trainee, level=EducationLevel.ASSOCIATE, typed_name=world.trainee.full_name
    )
    as_user(client, world.admin)
    url = reverse("certificates:trainee", args=[world.trainee.pk])
    html = page(client.get(url))
    assert "July 4, 1980" not in html and "Associate degree" not in html
    assert "Show what they attested (date of birth, education)" in html
    assert not AuditEvent.objects.filter(action="applicant.details_read_by_staff").exists()
    html = page(client.get(url + "?details=1"))
    assert "July 4, 1980" in html and "Associate degree" in html
    assert AuditEvent.objects.filter(
        action="applicant.details_read_by_staff", actor=world.admin, subject=world.trainee
    ).exists()


# --- Exam results CSV -----------------------------------------------------------------------------


def test_exam_results_csv_import(client, world, exam):
    as_user(client, world.admin)
    url = reverse("certificates:import-exam-results", args=[world.program.slug])
    html = page(client.get(url))
    assert "pr-exam" in html and "email, exam, taken_on, result" in html
    d = (timezone.localdate() - timedelta(days=10)).isoformat()
    bad = (
        "email,exam,taken_on,result,score\n"
        f"{world.trainee.email},pr-exam,{d},pass,88\n"
        f"{world.other_trainee.email},pr-exam,{d},maybe,\n"
    )
    response = client.post(url, {"file": SimpleUploadedFile("r.csv", bad.encode())})
    assert response.status_code == 422
    assert f"Line 3: {exam_services.ERR_RESULT_WORD}" in page(response)
    assert not OutsideExamResult.objects.exists()
    response = client.post(url, {"file": SimpleUploadedFile("r.csv", bad.replace("maybe", "fail").encode())})
    assert response.status_code == 200
    assert "2 records imported." in page(response)
    assert OutsideExamResult.objects.filter(exam=exam).count() == 2
    manage = page(client.get(reverse("certificates:manage")))
    assert url in manage


# --- My details and the checklist ---------------------------------------------------------------


def test_my_details_page_saves_each_attestation(client, world):
    as_user(client, world.trainee)
    url = reverse("certificates:details")
    html = page(client.get(url))
    assert "Only you and the program's administrators see this." in html
    response = client.post(
        url,
        {"which": "birth", "birth-date_of_birth": "1985-03-02", "birth-typed_name": world.trainee.full_name},
    )
    assert response.status_code == 302
    assert BirthDateAttestation.objects.current().get(user=world.trainee).date_of_birth == date(1985, 3, 2)
    response = client.post(
        url,
        {
            "which": "education",
            "education-level": "bachelor",
            "education-typed_name": world.trainee.full_name,
        },
    )
    assert response.status_code == 302
    assert EducationAttestation.objects.current().get(user=world.trainee).level == "bachelor"
    html = page(client.get(url))
    assert "March 2, 1985" in html and "Bachelor&#x27;s degree" in html


def test_my_details_refuses_bad_input_and_saves_nothing(client, world):
    as_user(client, world.trainee)
    url = reverse("certificates:details")
    response = client.post(
        url, {"which": "birth", "birth-date_of_birth": "1985-03-02", "birth-typed_name": "Somebody Else"}
    )
    assert response.status_code == 422
    assert escape(ERR_TYPED_NAME.format(name=world.trainee.full_name)) in page(response)
    assert 'value="1985-03-02"' in page(response)
    future = (timezone.localdate() + timedelta(days=1)).isoformat()
    response = client.post(
        url, {"which": "birth", "birth-date_of_birth": future, "birth-typed_name": world.trainee.full_name}
    )
    assert response.status_code == 422
    assert escape(applicant_services.ERR_BIRTH_FUTURE) in page(response)
    response = client.post(
        url,
        {"which": "education", "education-level": "wizard", "education-typed_name": world.trainee.full_name},
    )
    assert response.status_code == 422
    assert "Select a valid choice" in page(response)
    response = client.post(
        url, {"birth-date_of_birth": "1985-03-02", "birth-typed_name": world.trainee.full_name}
    )
    assert response.status_code == 422
    assert not BirthDateAttestation.objects.exists() and not EducationAttestation.objects.exists()


def test_checklist_links_to_my_details_and_explains_board_exams(client, world, exam):
    version = VersionFactory()
    board = ProgramExam.objects.create(program=version.program, slug="written", name="Written exam")
    add_requirement(version, Kind.MINIMUM_AGE, years=18)
    add_requirement(version, Kind.EDUCATION_ATTESTED, education_level=EducationLevel.HIGH_SCHOOL)
    add_requirement(version, Kind.OUTSIDE_EXAM_PASSED, exam=board)
    enroll(world.trainee, version)
    as_user(client, world.trainee)
    html = page(client.get(reverse("certificates:dashboard")))
    details = reverse("certificates:details")
    assert f'href="{details}#birth-h"' in html and f'href="{details}#education-h"' in html
    assert "Your program administrator records your result when the board sends it." in html
    # The administrator's view of the same checklist has no links meant for the trainee.
    as_user(client, world.admin)
    html = page(client.get(reverse("certificates:trainee", args=[world.trainee.pk])))
    assert f'href="{details}#birth-h"' not in html


# --- Library of programs ------------------------------------------------------------------------


def test_library_lists_and_imports_programs(client, world):
    as_user(client, world.admin)
    url = reverse("certificates:library")
    assert url in page(client.get(reverse("certificates:manage")))
    html = page(client.get(url))
    assert escape("Peer Recovery (PR)") in html and "Not on this site yet" in html
    response = client.post(reverse("certificates:library-import", args=["icrc-peer-recovery"]))
    assert response.status_code == 302
    assert CredentialProgram.objects.filter(slug="icrc-peer-recovery").exists()
    html = page(client.get(url))
    assert "On this site" in html and "Update" in html
    assert client.post(reverse("certificates:library-import", args=["icrc-peer-recovery"])).status_code == 302
    assert CredentialProgram.objects.filter(slug="icrc-peer-recovery").count() == 1


def test_library_upload_imports_a_definition_file(client, world):
    as_user(client, world.admin)
    data = transfer.program_export(program=world.program)
    data.update(slug="copied-program", name="Copied program")
    upload = SimpleUploadedFile("p.json", json.dumps(data).encode(), content_type="application/json")
    response = client.post(reverse("certificates:library"), {"file": upload})
    assert response.status_code == 302
    assert CredentialProgram.objects.get(slug="copied-program").name == "Copied program"


def test_library_upload_refuses_bad_files_and_saves_nothing(client, world):
    as_user(client, world.admin)
    url = reverse("certificates:library")
    before = (CredentialProgram.objects.count(), AuditEvent.objects.filter(action="program.imported").count())
    response = client.post(url, {"file": SimpleUploadedFile("p.json", b"{not json")})
    assert response.status_code == 422
    assert "The file is not valid JSON" in page(response)
    data = transfer.program_export(program=world.program)
    data.update(slug="broken-program")
    data["versions"][0]["requirements"][0]["domian"] = "advocacy"
    response = client.post(url, {"file": SimpleUploadedFile("p.json", json.dumps(data).encode())})
    assert response.status_code == 422
    assert escape("unknown key 'domian'") in page(response)
    assert "versions[0]" in page(response)
    response = client.post(url, {"file": SimpleUploadedFile("p.json", b'{"format": "something else"}')})
    assert response.status_code == 422
    assert escape(transfer.ERR_IMPORT_FORMAT.format(expected=transfer.EXPORT_FORMAT)) in page(response)
    response = client.post(url, {})
    assert response.status_code == 422
    after = (CredentialProgram.objects.count(), AuditEvent.objects.filter(action="program.imported").count())
    assert after == before

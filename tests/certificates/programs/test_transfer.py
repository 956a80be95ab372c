"""Program definitions as JSON (format 2): every qualifier survives export and import, unknown keys and
missing flags are refused naming the row, nothing is half-imported, format 1 files still load, and
the API and commands answer the same way."""

import copy
import json

import pytest
from django.core.management import CommandError, call_command

from certificates.models import CredentialProgram, ProgramExam, ProgramVersion, Requirement
from certificates.programs import services as program_services
from certificates.programs import transfer
from certificates.programs.library import library_definition
from courses.models import CompetencyDomain
from lms.errors import Conflict, Forbidden, Invalid
from tests.factories import make_course

pytestmark = pytest.mark.django_db
Kind = Requirement.Kind


def _row(kind, **values):
    row = dict.fromkeys(transfer.REQUIREMENT_KEYS)
    row.update(kind=kind, label="", domains=[], allow_external=False, qualified_supervisor=False)
    row.update(values)
    return row


def every_qualifier(course_slug=None) -> dict:
    """A program using every kind and qualifier the format has."""
    rows = [
        _row("minimum_age", years=18),
        _row("education_attested", education_level="high_school"),
        _row("recovery_months", months=12),
        _row("total_training_hours", hours="40", allow_external=True, label="40 classroom hours"),
        _row(
            "domain_training_hours",
            domains=["ethical-responsibility"],
            hours="16",
            delivery_mode="face_to_face",
            delivery_hours="8",
            allow_external=True,
        ),
        _row(
            "domain_training_hours",
            domains=["advocacy", "crisis-care"],
            hours="10",
            delivery_mode="live_online",
        ),
        _row(
            "domain_training_hours", domains=["crisis-care"], hours="3", within_months=72, allow_external=True
        ),
        _row("practice_hours", hours="500", min_spread_months=6, within_months=36),
        _row("direct_practice_hours", hours="25", qualified_supervisor=True),
        _row("supervision_hours", domains=["advocacy"], hours="25", qualified_supervisor=True),
        _row("outside_exam_passed", exam="board-exam", within_months=24),
        _row("ethics_pledge"),
    ]
    if course_slug:
        rows += [_row("course_passed", course=course_slug), _row("final_exam_passed", course=course_slug)]
    return {
        "format": transfer.EXPORT_FORMAT,
        "slug": "everything",
        "name": "Every rule",
        "issuing_body": "Test board",
        "jurisdiction": "KY",
        "certificate_languages": "en+es",
        "description": "All kinds.",
        "is_active": True,
        "domains": [
            {"slug": "advocacy", "name": "Advocacy", "description": ""},
            {"slug": "crisis-care", "name": "Crisis care", "description": "Suicide prevention and crisis."},
            {"slug": "ethical-responsibility", "name": "Ethical Responsibility", "description": ""},
        ],
        "exams": [
            {
                "slug": "board-exam",
                "name": "Board written exam",
                "passing_score": "70",
                "score_scale": "percent",
                "description": "",
            }
        ],
        "pledges": [{"version_label": "2024", "effective_date": "2024-01-01", "text": "I will be ethical."}],
        "versions": [
            {
                "label": "2024",
                "effective_date": "2024-01-01",
                "validity_months": 12,
                "grace_period_days": 30,
                "renewal_ce_hours": "10",
                "renewal_cycle_months": 12,
                "notes": "Test.",
                "requirements": rows,
                "renewal_topic_minimums": [
                    {"domain": "ethical-responsibility", "topic": "Ethics", "hours": "3"}
                ],
            }
        ],
    }


def test_every_qualifier_survives_export_and_import_through_the_commands(catalogue, tmp_path):
    course = make_course(catalogue, title="Ethics basics")
    data = every_qualifier(course.slug)
    path = tmp_path / "in.json"
    path.write_text(json.dumps(data))
    call_command("import_program", str(path), stdout=open("/dev/null", "w"))
    out = tmp_path / "out.json"
    call_command("export_program", "everything", output=str(out), stderr=open("/dev/null", "w"))
    exported = json.loads(out.read_text())
    # Domains the site already had keep the site's wording; everything else is exactly the input.
    assert {**exported, "domains": data["domains"]} == data
    assert CompetencyDomain.objects.get(slug="crisis-care").description == "Suicide prevention and crisis."
    # Import the export under a new slug: an identical program; importing twice changes nothing.
    exported["slug"] = "copy"
    path.write_text(json.dumps(exported))
    call_command("import_program", str(path), stdout=open("/dev/null", "w"))
    call_command("import_program", str(path), stdout=open("/dev/null", "w"))
    copy_ = transfer.program_export(program=CredentialProgram.objects.get(slug="copy"))
    assert copy_ == exported
    assert ProgramVersion.objects.filter(program__slug="copy").count() == 1
    assert Requirement.objects.filter(version__program__slug="copy").count() == len(
        data["versions"][0]["requirements"]
    )


def _fails(data, *expected) -> str:
    before = (CredentialProgram.objects.count(), Requirement.objects.count(), ProgramExam.objects.count())
    with pytest.raises(Invalid) as exc:
        transfer.program_import(data=data)
    for text in expected:
        assert text in exc.value.message, exc.value.message
    assert (
        CredentialProgram.objects.count(),
        Requirement.objects.count(),
        ProgramExam.objects.count(),
    ) == before
    return exc.value.message


def test_unknown_keys_and_missing_flags_are_errors_naming_the_row():
    data = every_qualifier()
    rows = data["versions"][0]["requirements"]
    rows[7]["domian"] = "advocacy"
    del rows[8]["qualified_supervisor"]
    del rows[2]["allow_external"]
    message = _fails(
        data,
        "versions[0] (2024), requirements[7] (practice_hours): unknown key 'domian'",
        "versions[0] (2024), requirements[8] (direct_practice_hours): missing key 'qualified_supervisor'",
        "requirements[2] (recovery_months): missing key 'allow_external'",
    )
    assert message.count(";") == 2


def test_top_level_and_version_keys_are_checked_too():
    data = every_qualifier()
    data["colour"] = "blue"
    del data["exams"]
    del data["versions"][0]["grace_period_days"]
    _fails(
        data,
        "unknown key 'colour'",
        "missing key 'exams'",
        "versions[0] (2024): missing key 'grace_period_days'",
    )


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            lambda rows: rows[5].update(domains=["no-such-domain"]),
            "requirements[5] (domain_training_hours): Unknown domain: no-such-domain",
        ),
        (
            lambda rows: rows[10].update(exam="other-exam"),
            "requirements[10] (outside_exam_passed): Unknown exam: other-exam",
        ),
        (
            lambda rows: rows[2].update(within_months=6),
            "requirements[2] (recovery_months): within_months: Leave empty",
        ),
        (lambda rows: rows[0].update(kind="minimum_height"), "requirements[0]"),
        (
            lambda rows: rows[4].update(delivery_hours="20"),
            "requirements[4] (domain_training_hours): delivery_hours",
        ),
        (lambda rows: rows[3].update(hours="-5"), "requirements[3] (total_training_hours)"),
        (lambda rows: rows[11].update(course="no-such-course"), "Unknown course: no-such-course"),
        (lambda rows: rows[1].update(education_level="phd"), "requirements[1] (education_attested)"),
    ],
)
def test_bad_rows_are_refused_and_nothing_is_imported(change, expected):
    data = every_qualifier()
    change(data["versions"][0]["requirements"])
    _fails(data, expected)


def test_a_failing_second_version_leaves_the_first_untouched():
    data = every_qualifier()
    transfer.program_import(data=data)
    before = transfer.program_export(program=CredentialProgram.objects.get(slug="everything"))
    changed = copy.deepcopy(data)
    changed["versions"][0]["requirements"][0]["years"] = 21
    second = copy.deepcopy(changed["versions"][0])
    second.update(label="2026", effective_date="2026-01-01")
    second["requirements"][7]["hours"] = None
    changed["versions"].append(second)
    _fails(changed, "versions[1] (2026), requirements[7] (practice_hours): hours: Required")
    assert transfer.program_export(program=CredentialProgram.objects.get(slug="everything")) == before


def test_duplicates_other_formats_and_people_who_may_not_import():
    data = every_qualifier()
    data["versions"].append(copy.deepcopy(data["versions"][0]))
    _fails(data, "Version 2024 appears twice")
    with pytest.raises(Invalid, match="not a program definition"):
        transfer.program_import(data={"slug": "x"})
    with pytest.raises(Invalid, match="not a program definition"):
        transfer.program_import(data=["not", "a", "dict"])
    from tests.factories import TraineeFactory

    with pytest.raises(Forbidden):
        transfer.program_import(data=every_qualifier(), actor=TraineeFactory())
    assert not CredentialProgram.objects.exists()


def test_format_1_files_still_import(catalogue):
    legacy = {
        "format": "peer-lms.program/1",
        "slug": "old",
        "name": "Old export",
        "issuing_body": "Board",
        "versions": [
            {
                "label": "2020",
                "effective_date": "2020-01-01",
                "requirements": [
                    {
                        "kind": "domain_training_hours",
                        "domain": "advocacy",
                        "hours": "10.00",
                        "allow_external": True,
                    },
                    {
                        "kind": "practice_hours",
                        "course": None,
                        "domain": None,
                        "hours": "500.00",
                        "months": None,
                    },
                ],
                "renewal_topic_minimums": [],
            }
        ],
    }
    program = transfer.program_import(data=legacy)
    rows = list(program.versions.get().requirements.order_by("sort_order"))
    assert [d.slug for d in rows[0].domains.all()] == ["advocacy"] and rows[0].allow_external
    assert rows[1].hours == 500 and not rows[1].domains.exists()
    assert transfer.program_export(program=program)["format"] == transfer.EXPORT_FORMAT
    legacy["versions"][0]["requirements"][0]["typo"] = 1
    legacy["slug"] = "old-2"
    _fails(legacy, "unknown key 'typo'")


def test_signed_pledge_text_is_locked(trainee):
    data = library_definition("icrc-peer-recovery")
    program = transfer.program_import(data=data)
    program_services.pledge_sign(user=trainee, pledge=program.current_pledge(), typed_name=trainee.full_name)
    data["pledges"][0]["text"] = "Changed"
    with pytest.raises(Conflict, match=r"pledges\[0\] \(2024\)"):
        transfer.program_import(data=data)
    assert program.current_pledge().text != "Changed"


def test_commands_report_errors_and_the_library(tmp_path):
    path = tmp_path / "bad.json"
    data = every_qualifier()
    data["versions"][0]["requirements"][0]["extra"] = True
    path.write_text(json.dumps(data))
    with pytest.raises(CommandError, match="unknown key 'extra'"):
        call_command("import_program", str(path))
    path.write_text("{not json")
    with pytest.raises(CommandError, match="Can't read"):
        call_command("import_program", str(path))
    with pytest.raises(CommandError):
        call_command("import_program")
    with pytest.raises(CommandError, match="No program nope in the library"):
        call_command("import_program", library="nope")
    with pytest.raises(CommandError):
        call_command("export_program", "nope")
    assert not CredentialProgram.objects.exists()
    call_command("import_program", library="ky-kbadc-peer-support", stdout=open("/dev/null", "w"))
    program = CredentialProgram.objects.get(slug="ky-kbadc-peer-support")
    kinds = {r.kind for r in program.versions.get().requirements.all()}
    assert {"direct_practice_hours", "outside_exam_passed", "minimum_age", "education_attested"} <= kinds


def test_api_takes_the_same_document_and_names_the_row(client, program_admin):
    client.force_login(program_admin)
    data = every_qualifier()
    data["versions"][0]["requirements"][8]["qualified_supervisr"] = True
    response = client.post("/api/v1/programs", data, content_type="application/json")
    assert response.status_code == 422
    assert (
        "requirements[8] (direct_practice_hours): unknown key 'qualified_supervisr'"
        in response.json()["detail"]
    )
    assert not CredentialProgram.objects.exists()
    response = client.post("/api/v1/programs", "{nope", content_type="application/json")
    assert response.status_code == 422
    response = client.post("/api/v1/programs", every_qualifier(), content_type="application/json")
    assert response.status_code == 201, response.content
    body = response.json()
    direct = body["versions"][0]["requirements"][8]
    assert direct["kind"] == "direct_practice_hours" and direct["qualified_supervisor"] is True
    assert body["exams"][0]["slug"] == "board-exam"


def test_schema_file_is_the_one_the_importer_uses():
    schema = transfer.program_schema()
    assert schema["properties"]["format"]["const"] == transfer.EXPORT_FORMAT
    assert set(schema["$defs"]["requirement"]["required"]) == set(transfer.REQUIREMENT_KEYS)
    kinds = set(schema["$defs"]["requirement"]["properties"]["kind"]["enum"])
    assert kinds == set(Requirement.Kind.values)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (b"[" * 100000 + b"]" * 100000, "nested too deeply"),
        (b'{"format": NaN}', "not valid JSON"),
        (b"\xff\xfe{}", "not text"),
        (b'{"format": "peer-lms.program/2",}', "line 1"),
    ],
)
def test_hostile_files_are_refused_clearly_everywhere(client, program_admin, tmp_path, body, expected):
    client.force_login(program_admin)
    response = client.post("/api/v1/programs", body, content_type="application/json")
    assert response.status_code == 422 and expected in response.json()["detail"]
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client.post("/certification/manage/library/", {"file": SimpleUploadedFile("p.json", body)})
    assert response.status_code == 422 and expected in response.content.decode()
    path = tmp_path / "p.json"
    path.write_bytes(body)
    with pytest.raises(CommandError, match=expected):
        call_command("import_program", str(path))
    assert not CredentialProgram.objects.exists()

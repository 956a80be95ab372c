"""Programs as data: requirement validation, current version, JSON export/import round trip through the
management commands, and administration in the Wagtail admin without code changes."""

import json
from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command

from certificates.models import CredentialProgram, ProgramVersion, Requirement
from certificates.programs import services as program_services
from certificates.programs import transfer
from certificates.seed import program_definitions
from courses.models import CompetencyDomain
from lms.errors import Conflict, Forbidden, Invalid
from tests.factories import make_course

from ..factories import ProgramFactory, TraineeFactory, VersionFactory, add_pledge

pytestmark = pytest.mark.django_db
Kind = Requirement.Kind


def test_current_version_is_latest_effective_on_date():
    program = ProgramFactory()
    v1 = VersionFactory(program=program, label="2020", effective_date=date(2020, 1, 1))
    v2 = VersionFactory(program=program, label="2024", effective_date=date(2024, 7, 1))
    assert program.current_version(on=date(2019, 12, 31)) is None
    assert program.current_version(on=date(2024, 6, 30)) == v1
    assert program.current_version(on=date(2024, 7, 1)) == v2


@pytest.mark.parametrize(
    ("kind", "params", "error_field"),
    [
        (Kind.COURSE_PASSED, {}, "course"),
        (Kind.DOMAIN_TRAINING_HOURS, {"hours": Decimal("3")}, "domain"),
        (Kind.PRACTICE_HOURS, {}, "hours"),
        (Kind.PRACTICE_HOURS, {"hours": Decimal("0")}, "hours"),
        (Kind.RECOVERY_MONTHS, {}, "months"),
        (Kind.RECOVERY_MONTHS, {"months": 12, "hours": Decimal("1")}, "hours"),
        (Kind.ETHICS_PLEDGE, {"min_spread_months": 2}, "min_spread_months"),
    ],
)
def test_requirement_parameters_are_checked(kind, params, error_field):
    req = Requirement(version=VersionFactory(), kind=kind, **params)
    with pytest.raises(ValidationError) as exc:
        req.full_clean()
    assert error_field in exc.value.message_dict


def test_export_import_round_trip_via_commands(catalogue, tmp_path):
    course = make_course(catalogue, title="Ethics basics")
    data = program_definitions(course_slugs={course.slug})
    for item in data:
        item["versions"][0]["requirements"].append({"kind": "course_passed", "course": course.slug})
    for domain in ("domestic-violence", "hiv-aids", "suicide-prevention"):
        CompetencyDomain.objects.create(slug=domain, name=domain)
    transfer.program_import(data=data[1])
    path = tmp_path / "ky.json"
    call_command("export_program", data[1]["slug"], output=str(path))
    exported = json.loads(path.read_text())
    assert exported["versions"][0]["requirements"][0] == {
        "kind": "recovery_months",
        "course": None,
        "domain": None,
        "hours": None,
        "months": 12,
        "min_spread_months": None,
        "allow_external": False,
        "label": "",
    }
    assert exported["versions"][0]["requirements"][-1]["course"] == course.slug
    # Import under a new slug: an identical program.
    exported["slug"] = "copy"
    path.write_text(json.dumps(exported))
    call_command("import_program", str(path))
    copy = transfer.program_export(program=CredentialProgram.objects.get(slug="copy"))
    assert {**copy, "slug": exported["slug"]} == exported
    # Importing twice changes nothing.
    call_command("import_program", str(path))
    assert transfer.program_export(program=CredentialProgram.objects.get(slug="copy")) == copy
    assert ProgramVersion.objects.filter(program__slug="copy").count() == 1


def test_import_unknown_course_aborts_everything(tmp_path):
    data = program_definitions(course_slugs=set())[0]
    data["versions"][0]["requirements"].append({"kind": "course_passed", "course": "no-such-course"})
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data))
    with pytest.raises(CommandError, match="Unknown course: no-such-course"):
        call_command("import_program", str(path))
    assert not CredentialProgram.objects.exists()
    with pytest.raises(CommandError):
        call_command("export_program", "nope")
    path.write_text("{not json")
    with pytest.raises(CommandError):
        call_command("import_program", str(path))


def test_import_refuses_other_formats_and_non_admins(trainee):
    with pytest.raises(Invalid):
        transfer.program_import(data={"slug": "x"})
    data = program_definitions(course_slugs=set())[0]
    with pytest.raises(Forbidden):
        transfer.program_import(data=data, actor=trainee)


def test_signed_pledge_text_is_locked(trainee):
    data = program_definitions(course_slugs=set())[0]
    program = transfer.program_import(data=data)
    program_services.pledge_sign(user=trainee, pledge=program.current_pledge(), typed_name=trainee.full_name)
    data["pledges"][0]["text"] = "Changed"
    with pytest.raises(Conflict):
        transfer.program_import(data=data)
    assert program.current_pledge().text != "Changed"


def test_enroll_fixes_the_version(trainee):
    program = ProgramFactory()
    with pytest.raises(Conflict):
        program_services.program_enroll(user=trainee, program=program)
    v1 = VersionFactory(program=program, effective_date=date(2020, 1, 1))
    enrollment = program_services.program_enroll(user=trainee, program=program)
    VersionFactory(program=program, effective_date=date(2021, 1, 1))
    enrollment.refresh_from_db()
    assert enrollment.version == v1
    with pytest.raises(Conflict):
        program_services.program_enroll(user=trainee, program=program)
    program.is_active = False
    program.save()
    with pytest.raises(Forbidden):
        program_services.program_enroll(user=TraineeFactory(), program=program)


def test_pledge_sign_rules(trainee):
    program = ProgramFactory()
    old = add_pledge(program, label="2020", effective=date(2020, 1, 1))
    new = add_pledge(program, label="2024", effective=date(2024, 1, 1))
    with pytest.raises(Conflict):
        program_services.pledge_sign(user=trainee, pledge=old, typed_name=trainee.full_name)
    with pytest.raises(Invalid):
        program_services.pledge_sign(user=trainee, pledge=new, typed_name="Somebody Else")
    program_services.pledge_sign(user=trainee, pledge=new, typed_name=f"  {trainee.full_name.lower()} ")
    with pytest.raises(Conflict):
        program_services.pledge_sign(user=trainee, pledge=new, typed_name=trainee.full_name)


# --- Wagtail admin --------------------------------------------------------------------------------


def _inline(prefix, rows):
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(rows)),
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    for i, row in enumerate(rows):
        for key, value in row.items():
            data[f"{prefix}-{i}-{key}"] = value
        data[f"{prefix}-{i}-ORDER"] = str(i + 1)
        data[f"{prefix}-{i}-DELETE"] = ""
        data[f"{prefix}-{i}-id"] = ""
    return data


def test_program_admin_adds_a_program_and_version_in_wagtail(client, program_admin):
    client.force_login(program_admin)
    response = client.get("/admin/credentials/programs/")
    assert response.status_code == 200
    response = client.post(
        "/admin/credentials/programs/new/",
        {
            "name": "Florida CRPS",
            "slug": "fl-crps",
            "issuing_body": "Florida Certification Board",
            "description": "",
            "is_active": "on",
            **_inline(
                "pledges", [{"version_label": "2024", "effective_date": "2024-01-01", "text": "Be ethical."}]
            ),
        },
    )
    assert response.status_code == 302, response.content[:2000]
    program = CredentialProgram.objects.get(slug="fl-crps")
    assert program.pledges.get().version_label == "2024"
    advocacy = CompetencyDomain.objects.get(slug="advocacy")
    response = client.post(
        "/admin/credentials/versions/new/",
        {
            "program": program.pk,
            "label": "2024",
            "effective_date": "2024-01-01",
            "validity_months": "24",
            "grace_period_days": "0",
            "renewal_ce_hours": "20",
            "renewal_cycle_months": "24",
            "notes": "",
            **_inline(
                "requirements",
                [
                    {"kind": "recovery_months", "months": "24", "label": ""},
                    {
                        "kind": "domain_training_hours",
                        "domain": advocacy.pk,
                        "hours": "10",
                        "allow_external": "on",
                    },
                ],
            ),
            **_inline("renewal_topic_minimums", [{"topic": "Ethics", "hours": "3"}]),
        },
    )
    assert response.status_code == 302, response.content[:3000]
    version = program.versions.get()
    assert [(r.kind, r.months, r.hours) for r in version.requirements.all()] == [
        ("recovery_months", 24, None),
        ("domain_training_hours", None, Decimal("10.00")),
    ]


def test_wagtail_program_admin_views_refuse_other_staff(client, instructor):
    client.force_login(instructor)
    response = client.get("/admin/credentials/programs/")
    assert response.status_code in (302, 403)
    response = client.post("/admin/credentials/programs/new/", {"name": "X", "slug": "x"})
    assert response.status_code in (302, 403)
    assert not CredentialProgram.objects.exists()

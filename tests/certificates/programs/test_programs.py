"""Programs as data: requirement validation, current version, JSON export/import round trip through the
management commands, and administration in the Wagtail admin without code changes."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from certificates.models import CredentialProgram, ProgramVersion, Requirement
from certificates.programs import services as program_services
from courses.models import CompetencyDomain
from lms.errors import Conflict, Forbidden, Invalid

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
        (Kind.DOMAIN_TRAINING_HOURS, {"hours": Decimal("3")}, "domains"),
        (
            Kind.TOTAL_TRAINING_HOURS,
            {"hours": Decimal("3"), "qualified_supervisor": True},
            "qualified_supervisor",
        ),
        (Kind.PRACTICE_HOURS, {"hours": Decimal("3"), "delivery_mode": "face_to_face"}, "delivery_mode"),
        (Kind.TOTAL_TRAINING_HOURS, {"hours": Decimal("3"), "delivery_hours": Decimal("1")}, "delivery_mode"),
        (
            Kind.TOTAL_TRAINING_HOURS,
            {"hours": Decimal("3"), "delivery_mode": "face_to_face", "delivery_hours": Decimal("4")},
            "delivery_hours",
        ),
        (Kind.OUTSIDE_EXAM_PASSED, {}, "exam"),
        (Kind.MINIMUM_AGE, {}, "years"),
        (Kind.MINIMUM_AGE, {"years": 0}, "years"),
        (Kind.EDUCATION_ATTESTED, {}, "education_level"),
        (Kind.RECOVERY_MONTHS, {"months": 12, "within_months": 6}, "within_months"),
        (Kind.SUPERVISION_HOURS, {"hours": Decimal("3"), "min_spread_months": 2}, "min_spread_months"),
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
            data[f"{prefix}-{i}-{key}"] = [str(v) for v in value] if isinstance(value, list) else value
        data[f"{prefix}-{i}-ORDER"] = str(i + 1)
        data[f"{prefix}-{i}-DELETE"] = ""
        data[f"{prefix}-{i}-id"] = ""
    return data


def test_program_admin_adds_a_program_and_version_in_wagtail(client, program_admin):
    """Every kind of rule is data entry in the Wagtail admin: a board exam on the program, then a
    version with "any of" domains, a face-to-face minimum, a window, directly supervised hours signed
    off by a qualified supervisor, the board exam, an age and an education level."""
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
            "certificate_languages": "en+es",
            **_inline(
                "pledges", [{"version_label": "2024", "effective_date": "2024-01-01", "text": "Be ethical."}]
            ),
            **_inline(
                "exams",
                [{"name": "CRPS exam", "slug": "crps-exam", "passing_score": "70", "score_scale": "percent"}],
            ),
        },
    )
    assert response.status_code == 302, response.content[:2000]
    program = CredentialProgram.objects.get(slug="fl-crps")
    assert program.certificate_languages == "en+es"  # the certificate's language, chosen in the admin
    assert program.pledges.get().version_label == "2024"
    exam = program.exams.get()
    advocacy = CompetencyDomain.objects.get(slug="advocacy")
    ethics = CompetencyDomain.objects.get(slug="ethical-responsibility")
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
                        "domains": [advocacy.pk, ethics.pk],
                        "hours": "16",
                        "delivery_mode": "face_to_face",
                        "delivery_hours": "8",
                        "within_months": "60",
                        "allow_external": "on",
                    },
                    {"kind": "direct_practice_hours", "hours": "25", "qualified_supervisor": "on"},
                    {"kind": "outside_exam_passed", "exam": exam.pk, "within_months": "24"},
                    {"kind": "minimum_age", "years": "18"},
                    {"kind": "education_attested", "education_level": "high_school"},
                ],
            ),
            **_inline("renewal_topic_minimums", [{"topic": "Ethics", "hours": "3"}]),
        },
    )
    assert response.status_code == 302, response.content[:3000]
    version = program.versions.get()
    rows = list(version.requirements.order_by("sort_order"))
    assert [(r.kind, r.months, r.hours) for r in rows[:2]] == [
        ("recovery_months", 24, None),
        ("domain_training_hours", None, Decimal("16.00")),
    ]
    training = rows[1]
    assert set(training.domains.all()) == {advocacy, ethics}
    assert (training.delivery_mode, training.delivery_hours, training.within_months) == (
        "face_to_face",
        Decimal("8.00"),
        60,
    )
    assert rows[2].qualified_supervisor and rows[3].exam == exam and rows[4].years == 18
    assert rows[5].education_level == "high_school"


def test_admin_form_refuses_a_qualifier_the_kind_does_not_use(client, program_admin):
    client.force_login(program_admin)
    program = ProgramFactory()
    response = client.post(
        "/admin/credentials/versions/new/",
        {
            "program": program.pk,
            "label": "2024",
            "effective_date": "2024-01-01",
            "validity_months": "24",
            "grace_period_days": "0",
            "renewal_ce_hours": "0",
            "renewal_cycle_months": "24",
            "notes": "",
            **_inline("requirements", [{"kind": "recovery_months", "months": "12", "within_months": "6"}]),
            **_inline("renewal_topic_minimums", []),
        },
    )
    assert response.status_code == 200
    assert "Leave empty for this kind of requirement." in response.content.decode()
    assert not ProgramVersion.objects.filter(program=program).exists()


def test_wagtail_program_admin_views_refuse_other_staff(client, instructor):
    client.force_login(instructor)
    response = client.get("/admin/credentials/programs/")
    assert response.status_code in (302, 403)
    response = client.post("/admin/credentials/programs/new/", {"name": "X", "slug": "x"})
    assert response.status_code in (302, 403)
    assert not CredentialProgram.objects.exists()

"""The library of real programs (certificates/programs/library/*.json): every file is a valid program
definition that names its sources, imports on a site without its extra domains, exports back to exactly
the file and imports twice without change; and spot checks of the rules in the domain brief
(../shared/domain.md)."""

import json
from decimal import Decimal

import pytest

from certificates.models import CredentialProgram, ProgramVersion, Requirement
from certificates.programs.library import LIBRARY_DIR, library_definition, library_import, library_programs
from certificates.programs.transfer import program_export, validate_program_data
from courses.models import CompetencyDomain

pytestmark = pytest.mark.django_db
Kind = Requirement.Kind

FILES = sorted(LIBRARY_DIR.glob("*.json"))
# Seeded by courses/migrations/0002_icrc_domains on every site.
ICRC_DOMAINS = ("advocacy", "mentoring-education", "recovery-wellness-support", "ethical-responsibility")


def _read(path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _all_definitions() -> list[dict]:
    return [_read(path) for path in FILES]


def _site_without_extra_domains(data: dict) -> None:
    """A fresh site: the seeded IC&RC domains and none of the file's other domains. The seed leaves the
    IC&RC descriptions empty and an import never rewrites a domain the site already has, so the seeded
    rows are given the library's wording (the same in every file, see below) for an exact comparison."""
    for item in data["domains"]:
        if item["slug"] in ICRC_DOMAINS:
            CompetencyDomain.objects.filter(slug=item["slug"]).update(
                name=item["name"], description=item["description"]
            )
    extra = [item["slug"] for item in data["domains"] if item["slug"] not in ICRC_DOMAINS]
    CompetencyDomain.objects.filter(slug__in=extra).delete()


def _import(slug: str, actor) -> CredentialProgram:
    _site_without_extra_domains(library_definition(slug))
    return library_import(slug=slug, actor=actor)


def _rows(program: CredentialProgram, kind: str) -> list[Requirement]:
    version = program.versions.order_by("-effective_date").first()
    return list(version.requirements.filter(kind=kind).select_related("exam").order_by("sort_order"))


# --- Every file -----------------------------------------------------------------------------------


def test_library_has_the_programs_of_the_domain_brief():
    slugs = {data["slug"] for data in _all_definitions()}
    assert {
        "icrc-peer-recovery",
        "ky-kbadc-peer-support",
        "ky-dbhdid-adult-pss",
        "pa-pcb-cps",
        "fl-fcb-crps",
        "nc-cpss",
        "wa-doh-cps",
        "ga-dbhdd-cps-ad",
        "md-mabpcb-cprs",
        "naadac-ncprss",
        "tx-tcb-prss",
        "oh-mhas-prs",
        "ks-kdads-cps",
        "il-icb-crss",
    } <= slugs


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_library_file_is_a_valid_definition_naming_its_sources(path):
    text = path.read_text(encoding="utf-8")
    data = json.loads(text)
    assert validate_program_data(data) == data
    assert text == json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    assert path.stem == data["slug"]
    assert data["pledges"], "every program has a code of ethics"
    for version in data["versions"]:
        assert "source" in version["notes"].lower()
        for row in version["requirements"]:
            # Real boards don't require the academy's own courses.
            assert row["course"] is None
            assert row["kind"] not in (Kind.COURSE_PASSED, Kind.FINAL_EXAM_PASSED)


def test_library_slugs_are_unique():
    slugs = [data["slug"] for data in _all_definitions()]
    assert len(slugs) == len(set(slugs))


def test_library_files_describe_shared_domains_alike():
    """The first import creates a domain and later ones keep it: every file must word it the same."""
    seen = {}
    for data in _all_definitions():
        for item in data["domains"]:
            assert seen.setdefault(item["slug"], item) == item, (data["slug"], item["slug"])


def test_library_programs_lists_every_file():
    listed = {item.slug: item for item in library_programs()}
    assert set(listed) == {data["slug"] for data in _all_definitions()}
    for path in FILES:
        data = _read(path)
        assert listed[data["slug"]].path == path
        assert library_definition(data["slug"]) == data


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_library_file_imports_and_exports_unchanged(path, program_admin):
    data = _read(path)
    _site_without_extra_domains(data)
    extra = {item["slug"] for item in data["domains"]} - set(ICRC_DOMAINS)
    assert not CompetencyDomain.objects.filter(slug__in=extra).exists()

    program = library_import(slug=data["slug"], actor=program_admin)
    exported = program_export(program=program)
    assert exported == data
    assert set(CompetencyDomain.objects.filter(slug__in=extra).values_list("slug", flat=True)) == extra

    rows = Requirement.objects.filter(version__program=program).count()
    assert rows == sum(len(version["requirements"]) for version in data["versions"])
    assert ProgramVersion.objects.filter(program=program).count() == len(data["versions"]) == 1

    # Importing twice changes nothing.
    again = library_import(slug=data["slug"], actor=program_admin)
    assert again.pk == program.pk
    assert program_export(program=again) == exported
    assert ProgramVersion.objects.filter(program=program).count() == 1
    assert Requirement.objects.filter(version__program=program).count() == rows
    assert CredentialProgram.objects.filter(slug=data["slug"]).count() == 1


# --- Rules from the domain brief -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("slug", "months"),
    [
        ("ky-kbadc-peer-support", 12),
        ("nc-cpss", 12),
        ("wa-doh-cps", 12),
        ("fl-fcb-crps", 24),
        ("ga-dbhdd-cps-ad", 24),
        ("md-mabpcb-cprs", 24),
        ("naadac-ncprss", 24),
        ("tx-tcb-prss", 0),
        ("pa-pcb-cps", 0),
        ("ky-dbhdid-adult-pss", 0),
    ],
)
def test_recovery_minimums_follow_the_domain_brief(slug, months, program_admin):
    program = _import(slug, program_admin)
    assert [row.months for row in _rows(program, Kind.RECOVERY_MONTHS)] == [months]


@pytest.mark.parametrize(
    ("slug", "score"),
    [
        ("oh-mhas-prs", "70"),
        ("ky-dbhdid-adult-pss", "70"),
        ("wa-doh-cps", "80"),
        ("ks-kdads-cps", "80"),
        ("il-icb-crss", "68"),
    ],
)
def test_pass_marks_follow_the_domain_brief(slug, score, program_admin):
    program = _import(slug, program_admin)
    exams = [row.exam for row in _rows(program, Kind.OUTSIDE_EXAM_PASSED)]
    assert exams
    assert {exam.passing_score for exam in exams} == {Decimal(score)}


def test_ky_dbhdid_lived_experience_two_tests_and_yearly_ce(program_admin):
    program = _import("ky-dbhdid-adult-pss", program_admin)
    assert [row.months for row in _rows(program, Kind.RECOVERY_MONTHS)] == [0]
    exams = [row.exam.slug for row in _rows(program, Kind.OUTSIDE_EXAM_PASSED)]
    assert sorted(exams) == ["ky-dbhdid-apss-oral", "ky-dbhdid-apss-written"]
    assert program.exams.count() == 2
    assert [row.hours for row in _rows(program, Kind.TOTAL_TRAINING_HOURS)] == [Decimal("30")]
    version = program.versions.get()
    assert (version.validity_months, version.renewal_ce_hours, version.renewal_cycle_months) == (
        12,
        Decimal("6"),
        12,
    )
    # Supervision twice a month applies once working: not an eligibility row.
    assert not _rows(program, Kind.SUPERVISION_HOURS)
    assert "twice a month" in version.notes


def test_fl_requires_two_years_and_counts_only_the_academys_training(program_admin):
    program = _import("fl-fcb-crps", program_admin)
    assert [row.months for row in _rows(program, Kind.RECOVERY_MONTHS)] == [24]
    training = _rows(program, Kind.TOTAL_TRAINING_HOURS) + _rows(program, Kind.DOMAIN_TRAINING_HOURS)
    assert training
    assert not any(row.allow_external for row in training)
    assert "approved provider" in program.versions.get().notes


def test_pa_has_no_recovery_minimum_and_ethics_in_renewal(program_admin):
    program = _import("pa-pcb-cps", program_admin)
    recovery = _rows(program, Kind.RECOVERY_MONTHS)
    assert recovery
    assert all(row.months == 0 for row in recovery)
    version = program.versions.get()
    assert (version.renewal_ce_hours, version.renewal_cycle_months) == (Decimal("36"), 24)
    ethics = version.renewal_topic_minimums.get(topic="Ethics")
    assert ethics.hours == Decimal("3")


def test_il_exam_passes_at_68_of_100(program_admin):
    program = _import("il-icb-crss", program_admin)
    (row,) = _rows(program, Kind.OUTSIDE_EXAM_PASSED)
    assert row.exam.passing_score == Decimal("68")
    assert row.exam.score_scale == "of 100 items"


def test_oh_renewal_topic_minimums(program_admin):
    program = _import("oh-mhas-prs", program_admin)
    version = program.versions.get()
    assert (version.renewal_ce_hours, version.renewal_cycle_months) == (Decimal("30"), 24)
    minimums = {m.topic: m.hours for m in version.renewal_topic_minimums.all()}
    assert minimums["Ethics"] == Decimal("3")
    assert minimums["Boundaries"] == Decimal("3")
    assert minimums["Diversity"] == Decimal("2")
    assert minimums["Trauma-informed care"] == Decimal("2")
    assert version.renewal_topic_minimums.get(topic="Ethics").domain.slug == "ethical-responsibility"

"""Loading the curriculum files into the site (courses.curriculum, `manage.py load_curriculum`):
idempotent, one revision per changed page, and all-or-nothing when a file is wrong."""

import pytest
from django.core.management import call_command
from wagtail.models import Page, Revision

from assessments.models import Assessment, Choice, Question, Rubric
from courses.curriculum.data import CurriculumError
from courses.curriculum.load import load_curriculum
from courses.curriculum.parse import read_curriculum
from courses.management.commands.load_curriculum import Command
from courses.models import CatalogPage, CompetencyDomain, CoursePage, ModulePage

from .test_seed import edit, small_copy

pytestmark = pytest.mark.django_db


def _revisions() -> dict[str, int]:
    """Page revisions per page slug."""
    result = {}
    for page in Page.objects.exclude(depth=1):
        result[page.slug] = Revision.page_revisions.filter(object_id=str(page.pk)).count()
    return result


def _snapshot() -> dict:
    """Everything a load writes, to show it did (or did not) change."""
    return {
        "revisions": _revisions(),
        "pages": list(Page.objects.order_by("path").values_list("slug", "path", "title", "live")),
        "domains": list(CompetencyDomain.objects.values_list("slug", "name", "description", "sort_order")),
        "assessments": list(Assessment.objects.order_by("pk").values_list("pk", "title", "updated_at")),
        "questions": list(Question.objects.order_by("pk").values_list("pk", "key", "text", "sort_order")),
        "choices": list(Choice.objects.order_by("pk").values_list("pk", "text", "is_correct")),
        "rubrics": list(Rubric.objects.order_by("pk").values_list("pk", "title")),
    }


def test_load_creates_everything_once_and_loading_again_changes_nothing(home, tmp_path):
    path = small_copy(tmp_path)
    result = load_curriculum(path, home=home)
    assert CatalogPage.objects.child_of(home).get().slug == "courses"
    assert list(CoursePage.objects.order_by("path").values_list("slug", flat=True)) == ["first", "second"]
    assert [m.slug for m in ModulePage.objects.order_by("path")] == ["one", "two", "three"]
    loaded = ["courses", "first", "one", "two", "second", "three"]
    assert {slug: n for slug, n in _revisions().items() if slug in loaded} == dict.fromkeys(loaded, 1)
    assert Assessment.objects.filter(kind="module_quiz").count() == 3
    assert Assessment.objects.filter(kind="final_exam").count() == 2
    assert "course first (first/course.md)" in result.report.created
    assert result.report.updated == ["domain advocacy"]  # the migration's domain takes the file's text
    second = CoursePage.objects.get(slug="second")
    assert [c.slug for c in second.prerequisites.all()] == ["first"]
    assert second.live and second.live_revision_id

    before = _snapshot()
    again = load_curriculum(path, home=home)
    assert _snapshot() == before
    assert not again.report.changed
    assert again.report.unchanged == 2 + 1 + 2 + 3 + 5  # domains, catalogue, courses, modules, assessments


def test_editing_one_module_file_makes_one_new_revision_of_that_page_only(home, tmp_path):
    path = small_copy(tmp_path)
    load_curriculum(path, home=home)
    before = _revisions()
    edit(path / "first" / "02-two.md", "Text of two.", "Text of two, **revised**.")

    result = load_curriculum(path, home=home)

    after = _revisions()
    assert after == dict(before, two=before["two"] + 1)
    two = ModulePage.objects.get(slug="two")
    assert two.live and not two.has_unpublished_changes
    assert two.body[1].block_type == "paragraph"
    assert str(two.body[1].value) == "<p>Text of two, <strong>revised</strong>.</p>"
    assert two.live_revision_id == Revision.page_revisions.filter(object_id=str(two.pk)).latest("pk").pk
    assert [line for line in result.report.lines() if line.startswith("updated")] == [
        "updated module first/two (first/02-two.md)"
    ]


def test_course_fields_and_module_order_follow_the_files(home, tmp_path):
    path = small_copy(tmp_path)
    load_curriculum(path, home=home)
    before = _revisions()
    edit(path / "first" / "course.md", "summary: The first.", "summary: The first, revised.")
    edit(path / "first" / "01-one.md", "order: 1", "order: 3")

    load_curriculum(path, home=home)

    first = CoursePage.objects.get(slug="first")
    assert first.summary == "The first, revised."
    assert [m.slug for m in ModulePage.objects.child_of(first).order_by("path")] == ["two", "one"]
    assert _revisions() == dict(before, first=before["first"] + 1)  # moving is not a new revision


def test_a_page_no_file_describes_is_left_alone_and_reported(home, tmp_path):
    path = small_copy(tmp_path)
    load_curriculum(path, home=home)
    extra = ModulePage(title="Written in the admin", slug="extra", body=[("heading", "Extra")])
    CoursePage.objects.get(slug="first").add_child(instance=extra)

    result = load_curriculum(path, home=home)

    assert ModulePage.objects.filter(slug="extra").exists()
    assert "warning: module first/extra is not in the files" in "\n".join(result.report.lines())


# --- malformed files: refused with file:line and what is wrong; nothing written ---------------------

MALFORMED = [
    (
        "bad YAML",
        "first/01-one.md",
        "domain: advocacy",
        "domain: [advocacy",
        "first/01-one.md:7: not valid YAML",
    ),
    (
        "unknown block",
        "first/01-one.md",
        "::: reflection",
        "::: quote",
        "first/01-one.md:18: unknown block 'quote': use one of callout, reflection, scenario, video",
    ),
    (
        "missing field",
        "first/02-two.md",
        "title: Two\n",
        "",
        "first/02-two.md:2: 'title' is missing",
    ),
    (
        "bad domain slug",
        "second/01-three.md",
        "domain: advocacy",
        "domain: advocacyy",
        "second/01-three.md:7: unknown domain 'advocacyy' (domains.yaml has: advocacy, test-new-domain)",
    ),
    (
        "duplicate slug",
        "first/02-two.md",
        "slug: two",
        "slug: one",
        "first/02-two.md:2: module slug 'one' is also used by first/01-one.md",
    ),
    (
        "wrong answer index",
        "first/01-one.quiz.yaml",
        "    choices: [A, B, C]\n    answer: 1\n",
        "    choices: [A, B, C]\n    answer: 4\n",
        "first/01-one.quiz.yaml:6: 'answer' is 4, but this question has 3 choices (number them from 1 to 3)",
    ),
    (
        "unclosed bold",
        "first/course.md",
        "\nIntro\n",
        "\nAn **intro\n",
        "first/course.md:13: bold (**) opened at column 4 is never closed",
    ),
    (
        "prerequisite cycle",
        "first/course.md",
        "prerequisites: []",
        "prerequisites: [second]",
        "first/course.md:8: prerequisites go round in a circle",
    ),
]


@pytest.mark.parametrize("case", MALFORMED, ids=[c[0] for c in MALFORMED])
def test_a_malformed_file_is_refused_with_its_line_and_nothing_is_written(home, tmp_path, case):
    _name, file, old, new, expected = case
    path = small_copy(tmp_path)
    load_curriculum(path, home=home)
    # Other changes in the same load, in files that are fine: none of them may be written either.
    edit(path / "first" / "02-two.md", "Text of two.", "Text of two, changed.")
    edit(path / "domains.yaml", "Speaking up.", "Speaking up, changed.")
    edit(path / file, old, new)
    before = _snapshot()

    with pytest.raises(CurriculumError) as raised:
        load_curriculum(path, home=home)

    assert any(str(p).startswith(expected) for p in raised.value.problems), raised.value.problems
    assert _snapshot() == before


def test_every_problem_is_reported_at_once(tmp_path):
    path = small_copy(tmp_path)
    edit(path / "first" / "01-one.md", "estimated_minutes: 75", "estimated_minutes: soon")
    edit(path / "second" / "01-three.md", "::: callout tip Tip", "::: callout loud Tip")
    (path / "first" / "notes.txt").write_text("draft")
    with pytest.raises(CurriculumError) as raised:
        read_curriculum(path)
    assert [str(p) for p in raised.value.problems] == [
        "first/01-one.md:5: 'estimated_minutes' must be a whole number",
        "first/notes.txt:1: not part of the format (a course folder holds course.md, modules *.md, "
        "*.quiz.yaml and final-exam.yaml)",
        "second/01-three.md:14: a callout starts '::: callout TONE Title' with TONE one of info, tip, warning",
    ]


# --- the command ------------------------------------------------------------------------------------


def test_command_loads_reports_and_a_second_run_says_nothing_changed(home, tmp_path, capsys):
    path = small_copy(tmp_path)
    call_command("load_curriculum", "--path", str(path))
    out = capsys.readouterr().out
    assert "created course first (first/course.md)" in out
    assert "created quiz of first/one (first/01-one.quiz.yaml)" in out
    assert "Curriculum loaded." in out

    call_command("load_curriculum", "--path", str(path))
    out = capsys.readouterr().out
    assert "0 created, 0 updated, 13 unchanged" in out
    assert "the site already matched the files" in out


def test_command_dry_run_reports_and_saves_nothing(home, tmp_path, capsys):
    path = small_copy(tmp_path)
    load_curriculum(path, home=home)
    edit(path / "second" / "course.md", "title: Second course", "title: Second course, renamed")
    before = _snapshot()
    call_command("load_curriculum", "--path", str(path), "--dry-run")
    out = capsys.readouterr().out
    assert "updated course second (second/course.md)" in out
    assert "Dry run: nothing was saved." in out
    assert _snapshot() == before
    assert CoursePage.objects.get(slug="second").title == "Second course"


def test_command_exits_1_with_file_and_line_on_a_malformed_file(home, tmp_path, capsys, monkeypatch):
    path = small_copy(tmp_path)
    edit(path / "first" / "01-one.quiz.yaml", "answer: [1, 2]", "answer: [1, 7]")
    # run_from_argv closes every database connection when it ends, as a process would; the test's
    # connection holds its transaction (on PostgreSQL, closing it loses the test's data and cursor).
    monkeypatch.setattr("django.core.management.base.connections.close_all", lambda: None)
    with pytest.raises(SystemExit) as exit_:
        Command().run_from_argv(["manage.py", "load_curriculum", "--path", str(path)])
    assert exit_.value.code == 1
    err = capsys.readouterr().err
    assert f"The curriculum in {path} was not loaded (1 problem; nothing was changed)" in err
    assert "first/01-one.quiz.yaml:12: 'answer' is 7, but this question has 4 choices" in err
    assert not CoursePage.objects.exists()


def test_command_needs_a_site(db, tmp_path):
    from wagtail.models import Site

    Site.objects.all().delete()
    with pytest.raises(SystemExit) as exit_:
        Command().run_from_argv(["manage.py", "load_curriculum", "--path", str(small_copy(tmp_path))])
    assert exit_.value.code == 1

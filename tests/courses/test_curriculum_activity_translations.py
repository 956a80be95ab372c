"""Practice activities translated in a module's Spanish file (`activities:` in its front matter: the
English ids with a Spanish title and instructions): read with every problem as file:line, loaded as
ModuleActivityTranslation rows that a load of unchanged files leaves alone, an edit updates and a
removal deletes; the real crisis-response course has every activity translated."""

import re
from collections import Counter
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from courses.activities.models import ModuleActivity, ModuleActivityTranslation
from courses.curriculum.data import CurriculumError
from courses.curriculum.load import load_curriculum
from courses.curriculum.parse import read_curriculum

from .test_curriculum_activities import ACTIVITIES
from .test_seed import edit, small_copy

MODULE_ES = """---
title: Uno en español
activities:
  - id: reflect-one
    title: Tu propia historia
    instructions: >-
      Escribe sobre un cambio que hiciste.
  - id: practise-one
    title: Practica con tu pareja de práctica
    instructions: Haz tres preguntas abiertas.
  - id: workshop-one
    title: Día de taller
    instructions: Ven al centro.
---

## Un encabezado

Texto de uno.

::: reflection
Piensa en ello.
:::
"""
SPANISH = {
    "reflect-one": ("Tu propia historia", "Escribe sobre un cambio que hiciste."),
    "practise-one": ("Practica con tu pareja de práctica", "Haz tres preguntas abiertas."),
    "workshop-one": ("Día de taller", "Ven al centro."),
}
ES_FILE = "first/01-one.es.md"


def with_translated_activities(tmp_path) -> Path:
    """The small curriculum, its first module with three activities translated in its Spanish file."""
    path = small_copy(tmp_path)
    edit(path / "first" / "01-one.md", "training_hours: 1.25\n", ACTIVITIES)
    (path / ES_FILE).write_text(MODULE_ES, encoding="utf-8")
    return path


def _problems(path) -> list[str]:
    with pytest.raises(CurriculumError) as raised:
        read_curriculum(path)
    return [str(p) for p in raised.value.problems]


def _rows() -> dict:
    return {
        t.activity.key: (t.language, t.title, t.instructions)
        for t in ModuleActivityTranslation.objects.select_related("activity")
    }


# --- reading -----------------------------------------------------------------------------------------


def test_a_translation_reads_its_activities_by_the_english_ids(tmp_path):
    module = read_curriculum(with_translated_activities(tmp_path)).course("first").modules[0]
    spanish = module.translations.get("es")
    assert spanish.fields == {"title": "Uno en español"}  # activities are not a text field
    assert [(a.key, a.title, a.instructions, a.line) for a in spanish.activities] == [
        ("reflect-one", *SPANISH["reflect-one"], 4),
        ("practise-one", *SPANISH["practise-one"], 8),
        ("workshop-one", *SPANISH["workshop-one"], 11),
    ]
    # The English activities are untouched: kinds, hours and text stay the English file's.
    assert [a.title for a in module.activities] == [
        "Your own story",
        "Practise with a partner",
        "Workshop day",
    ]


def test_an_activity_left_out_of_the_translation_is_no_problem(tmp_path):
    path = with_translated_activities(tmp_path)
    edit(
        path / ES_FILE,
        "  - id: workshop-one\n    title: Día de taller\n    instructions: Ven al centro.\n",
        "",
    )
    spanish = read_curriculum(path).course("first").modules[0].translations.get("es")
    assert [a.key for a in spanish.activities] == ["reflect-one", "practise-one"]


@pytest.mark.parametrize(
    "old, new, problem",
    [
        (
            "id: practise-one",
            "id: practise-two",
            f"{ES_FILE}:8: 'practise-two' is not an activity of the English file (01-one.md has: "
            "reflect-one, practise-one, workshop-one)",
        ),
        (
            "    title: Día de taller\n",
            "    title: Día de taller\n    kind: attendance\n    hours: 2\n",
            f"{ES_FILE}:13: unknown field 'kind' (the activity translation may have: id, title, instructions)",
        ),
        ("title: Tu propia historia", "title: ''", f"{ES_FILE}:5: 'title' is empty"),
        ("    title: Día de taller\n", "", f"{ES_FILE}:11: 'title' is missing"),
        (
            "instructions: Haz tres preguntas abiertas.",
            "instructions: ' '",
            f"{ES_FILE}:10: 'instructions' is empty",
        ),
        (
            "title: Día de taller",
            "title: " + "x" * 256,
            f"{ES_FILE}:12: 'title' is 256 characters long; at most 255",
        ),
        (
            "id: workshop-one",
            "id: reflect-one",
            f"{ES_FILE}:11: activity 'reflect-one' is also translated on line 4",
        ),
        (
            "activities:\n",
            "activities:\n  nope: 1\nother:\n",
            f"{ES_FILE}:4: 'activities' must be a list ('- ...' entries)",
        ),
    ],
    ids=[
        "unknown id",
        "unknown fields",
        "empty title",
        "no title",
        "empty instructions",
        "long title",
        "twice",
        "not a list",
    ],
)
def test_each_problem_of_a_translated_activity_is_reported_at_its_line(tmp_path, old, new, problem):
    path = with_translated_activities(tmp_path)
    edit(path / ES_FILE, old, new)
    problems = _problems(path)
    assert problem in problems, problems


def test_a_module_without_activities_has_none_to_translate(tmp_path):
    path = with_translated_activities(tmp_path)
    edit(path / "first" / "01-one.md", ACTIVITIES, "training_hours: 1.25\n")
    problems = _problems(path)
    assert (
        f"{ES_FILE}:4: 'reflect-one' is not an activity of the English file (01-one.md has none)" in problems
    )


def test_only_a_module_translation_may_hold_activities(tmp_path):
    path = with_translated_activities(tmp_path)
    (path / "first" / "course.es.md").write_text(
        "---\ntitle: Primer curso\nsummary: El primero.\nactivities: []\n---\n\nIntroducción\n",
        encoding="utf-8",
    )
    assert any(p.startswith("first/course.es.md:4: unknown field 'activities'") for p in _problems(path))


# --- loading -----------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_load_keeps_each_translation_beside_its_activity(home, tmp_path):
    result = load_curriculum(with_translated_activities(tmp_path), home=home)
    assert _rows() == {key: ("es", *text) for key, text in SPANISH.items()}
    assert all(
        t.activity.module.locale.language_code == "en" for t in ModuleActivityTranslation.objects.all()
    )
    assert f"es translation of activity first/one/reflect-one ({ES_FILE})" in result.report.created
    # The English activities keep their English text.
    assert ModuleActivity.objects.get(key="reflect-one").title == "Your own story"


@pytest.mark.django_db
def test_loading_unchanged_files_writes_no_translation(home, tmp_path):
    path = with_translated_activities(tmp_path)
    load_curriculum(path, home=home)
    before = list(ModuleActivityTranslation.objects.order_by("pk").values_list("pk", "title", "instructions"))
    with CaptureQueriesContext(connection) as ctx:
        again = load_curriculum(path, home=home)
    writes = [
        q["sql"]
        for q in ctx.captured_queries
        if "moduleactivitytranslation" in q["sql"].lower()
        and q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
    ]
    assert writes == [] and not again.report.changed
    after = list(ModuleActivityTranslation.objects.order_by("pk").values_list("pk", "title", "instructions"))
    assert after == before


@pytest.mark.django_db
def test_an_edited_translation_is_updated_in_place(home, tmp_path):
    path = with_translated_activities(tmp_path)
    load_curriculum(path, home=home)
    row = ModuleActivityTranslation.objects.get(activity__key="practise-one")
    edit(path / ES_FILE, "Haz tres preguntas abiertas.", "Haz cuatro preguntas abiertas.")
    result = load_curriculum(path, home=home)
    assert result.report.updated == [f"es translation of activity first/one/practise-one ({ES_FILE})"]
    row.refresh_from_db()
    assert row.instructions == "Haz cuatro preguntas abiertas." and row.title == SPANISH["practise-one"][0]


@pytest.mark.django_db
def test_a_translation_removed_from_the_file_is_deleted(home, tmp_path):
    path = with_translated_activities(tmp_path)
    load_curriculum(path, home=home)
    edit(
        path / ES_FILE,
        "  - id: workshop-one\n    title: Día de taller\n    instructions: Ven al centro.\n",
        "",
    )
    result = load_curriculum(path, home=home)
    assert (
        "es translation of activity first/one/workshop-one removed (first/01-one.md)" in result.report.updated
    )
    assert set(_rows()) == {"reflect-one", "practise-one"}
    assert ModuleActivity.objects.filter(key="workshop-one").exists()  # the activity itself stays

    # The whole list gone: no translation left; the activities stay.
    (path / ES_FILE).write_text("---\ntitle: Uno en español\n---\n" + MODULE_ES.split("---\n", 2)[2])
    load_curriculum(path, home=home)
    assert not ModuleActivityTranslation.objects.exists()
    assert ModuleActivity.objects.count() == 3


@pytest.mark.django_db
def test_a_wrong_translation_writes_nothing(home, tmp_path):
    path = with_translated_activities(tmp_path)
    load_curriculum(path, home=home)
    edit(path / ES_FILE, "title: Tu propia historia", "title: ''")
    edit(path / ES_FILE, "Haz tres preguntas abiertas.", "Haz cuatro preguntas abiertas.")
    with pytest.raises(CurriculumError):
        load_curriculum(path, home=home)
    assert _rows() == {key: ("es", *text) for key, text in SPANISH.items()}


# --- the real course -----------------------------------------------------------------------------------


def test_every_crisis_response_activity_is_translated():
    """Every activity of the five crisis-response modules has its Spanish title and instructions, with
    the English file's numbers (durations, steps, crisis lines) and 988's Spanish route."""
    course = read_curriculum().course("crisis-response")
    assert len(course.modules) == 5
    for module in course.modules:
        spanish = module.translations.get("es")
        assert module.activities, module.source
        assert [a.key for a in spanish.activities] == [a.key for a in module.activities], spanish.source
        for english, translated in zip(module.activities, spanish.activities, strict=True):
            assert translated.title and translated.title != english.title, (spanish.source, english.key)
            numbers = Counter(re.findall(r"\d+", english.instructions))
            assert numbers <= Counter(re.findall(r"\d+", translated.instructions)), (
                spanish.source,
                english.key,
            )
            if "988" in english.instructions:
                assert "oprime 2 para español" in translated.instructions, (spanish.source, english.key)


@pytest.mark.django_db
def test_the_real_curriculum_loads_with_every_crisis_activity_translated(home):
    course = read_curriculum().course("crisis-response")
    load_curriculum(home=home)
    activities = ModuleActivity.objects.filter(module__url_path__contains="/crisis-response/")
    assert activities.count() == sum(len(m.activities) for m in course.modules) == 12
    spanish = {
        t.activity.key: t.title
        for t in ModuleActivityTranslation.objects.filter(
            activity__in=activities, language="es"
        ).select_related("activity")
    }
    assert set(spanish) == set(activities.values_list("key", flat=True))
    assert (
        spanish["practise-overdose-response"]
        == "Simulacro de respuesta a una sobredosis, con una pareja de práctica"
    )
    assert not load_curriculum(home=home).report.changed

"""Spanish versions of quiz and final-exam files (`01-x.quiz.es.yaml`, `final-exam.es.yaml` beside the
English file): read and checked with the English file (every problem as file:line, nothing written),
loaded into AssessmentTranslation / QuestionTranslation rows by load_curriculum (and seed_demo, through
the same assessments loader), written only when they change, removed with their file."""

import pytest

from assessments.models import Assessment, AssessmentTranslation, QuestionTranslation
from courses.curriculum.data import CurriculumError
from courses.curriculum.load import load_curriculum
from courses.curriculum.parse import read_curriculum
from tests.courses.test_seed import edit, small_copy

pytestmark = pytest.mark.django_db

QUIZ_ES = """\
# Spanish text of 01-one.quiz.yaml. Ids and choice order follow the English file; answers, points and settings come from it.
instructions: Lee cada pregunta con calma.
questions:
  - id: pick-a
    text: Elige A
    choices:
      - Opción A
      - Opción B
      - Opción C
    explanation: Porque A es la correcta.

  - id: sky
    text: El cielo es azul
    explanation: Porque lo es.

  - id: two-words
    text: Dos palabras
    accepted_answers: [reflejo de corrección]
"""
FINAL_ES = """\
title: Examen final del primer curso
instructions: Tienes tiempo de sobra.
questions:
  - id: dana
    text: Escribe sobre Dana
"""
MODULE_ES = """---
title: Uno en español
---

Texto de uno.
"""
QUIZ = "first/01-one.quiz.es.yaml"
FINAL = "first/final-exam.es.yaml"


@pytest.fixture
def files(tmp_path):
    path = small_copy(tmp_path)
    (path / QUIZ).write_text(QUIZ_ES, encoding="utf-8")
    (path / FINAL).write_text(FINAL_ES, encoding="utf-8")
    (path / "first" / "01-one.es.md").write_text(MODULE_ES, encoding="utf-8")
    return path


def _quiz():
    return Assessment.objects.get(module__slug="one", module__locale__language_code="en")


def _final():
    return Assessment.objects.get(course__slug="first", kind="final_exam")


def _rows():
    return sorted(
        QuestionTranslation.objects.values_list(
            "pk", "question__key", "question__assessment__kind", "text", "choices", "explanation"
        )
    )


def test_the_files_are_read_with_the_english_ones(files):
    curriculum = read_curriculum(files)
    quiz = curriculum.course("first").modules[0].quiz
    spanish = quiz.translations["es"]
    assert spanish.source == QUIZ and spanish.instructions == "Lee cada pregunta con calma."
    assert [q.key for q in spanish.questions] == ["pick-a", "sky", "two-words"]
    assert spanish.questions[0].choices == ["Opción A", "Opción B", "Opción C"]
    assert spanish.questions[2].accepted_answers == ["reflejo de corrección"]
    assert curriculum.course("first").final_exam.translations["es"].title == "Examen final del primer curso"
    assert not curriculum.course("first").modules[1].quiz.translations


def test_load_writes_the_translations(home, files):
    load_curriculum(files, home=home)
    quiz = _quiz()
    title = AssessmentTranslation.objects.get(assessment=quiz, language="es")
    # A quiz's title is made from its module's Spanish title, as the English one is.
    assert title.title == "Cuestionario: Uno en español"
    assert title.instructions == "Lee cada pregunta con calma."
    pick = QuestionTranslation.objects.get(question__assessment=quiz, question__key="pick-a")
    assert pick.language == "es" and pick.text == "Elige A"
    assert pick.choices == ["Opción A", "Opción B", "Opción C"]
    assert pick.explanation == "Porque A es la correcta."
    words = QuestionTranslation.objects.get(question__assessment=quiz, question__key="two-words")
    assert words.accepted_answer_list() == ["reflejo de corrección"] and words.choices == []
    # Left out of the translation: no row, the question shows in English.
    assert not QuestionTranslation.objects.filter(question__key="pick-a-and-b").exists()
    final = AssessmentTranslation.objects.get(assessment=_final())
    assert (final.title, final.instructions) == ("Examen final del primer curso", "Tienes tiempo de sobra.")
    assert QuestionTranslation.objects.get(question__assessment=_final()).text == "Escribe sobre Dana"
    # The English rows are the English file's.
    assert quiz.questions.get(key="pick-a").text == "Pick A"


def test_a_second_load_writes_nothing(home, files):
    load_curriculum(files, home=home)
    before = _rows(), sorted(AssessmentTranslation.objects.values_list("pk", "title", "instructions"))
    again = load_curriculum(files, home=home)
    assert not again.report.changed, again.report.lines()
    after = _rows(), sorted(AssessmentTranslation.objects.values_list("pk", "title", "instructions"))
    assert after == before


def test_a_changed_translation_updates_its_rows_in_place(home, files):
    load_curriculum(files, home=home)
    pick = QuestionTranslation.objects.get(question__key="pick-a", question__assessment=_quiz())
    edit(files / QUIZ, "text: Elige A", "text: Elige la A")
    edit(files / QUIZ, "      - Opción B", "      - Opción Be")
    edit(files / QUIZ, "  - id: sky\n    text: El cielo es azul\n    explanation: Porque lo es.\n", "")
    result = load_curriculum(files, home=home)
    pick.refresh_from_db()
    assert pick.text == "Elige la A" and pick.choices == ["Opción A", "Opción Be", "Opción C"]
    assert not QuestionTranslation.objects.filter(question__key="sky").exists()
    line = next(u for u in result.report.updated if u.startswith("es translation of quiz of first/one"))
    assert "'pick-a' updated" in line and "'sky' removed" in line


def test_a_removed_translation_file_removes_its_rows(home, files):
    load_curriculum(files, home=home)
    (files / QUIZ).unlink()
    (files / FINAL).unlink()
    result = load_curriculum(files, home=home)
    assert not QuestionTranslation.objects.exists() and not AssessmentTranslation.objects.exists()
    assert any("es translation of final exam of first (file removed)" in u for u in result.report.updated)


def test_a_dry_run_keeps_nothing(home, files):
    load_curriculum(files, home=home, dry_run=True)
    assert not QuestionTranslation.objects.exists() and not AssessmentTranslation.objects.exists()


def _problem(path, old, new, *, name=QUIZ):
    edit(path / name, old, new)
    with pytest.raises(CurriculumError) as error:
        read_curriculum(path)
    return str(error.value)


@pytest.mark.parametrize(
    "old,new,expected",
    [
        (
            "  - id: sky",
            "  - id: cloud",
            f"{QUIZ}:12: unknown question id 'cloud': first/01-one.quiz.yaml has",
        ),
        (
            "      - Opción C\n",
            "",
            f"{QUIZ}:7: question 'pick-a' has 3 choices in first/01-one.quiz.yaml, but 2 choices here",
        ),
        (
            "    explanation: Porque lo es.",
            "    choices: [Sí, No]",
            f"{QUIZ}:14: question 'sky' is a true_false question in first/01-one.quiz.yaml: it has no "
            "choices to translate",
        ),
        (
            "    explanation: Porque A es la correcta.",
            "    answer: 2",
            f"{QUIZ}:10: unknown field 'answer' (the question may have: id, text, choices, explanation, "
            "accepted_answers)",
        ),
        ("instructions:", "settings: {}\ninstructions:", f"{QUIZ}:2: unknown field 'settings'"),
        ("text: Elige A", "text: ''", f"{QUIZ}:5: 'text' is empty"),
        ("    text: Dos palabras\n", "", f"{QUIZ}:16: 'text' is missing"),
        (
            "instructions:",
            "title: Cuestionario\ninstructions:",
            f"{QUIZ}:2: a quiz's title is not translated",
        ),
        (
            "    choices:\n      - Opción A\n      - Opción B\n      - Opción C\n",
            "",
            f"{QUIZ}:4: 'choices' is missing: question 'pick-a' has 3 choices in first/01-one.quiz.yaml",
        ),
        (
            "    text: Dos palabras\n",
            "    text: Dos palabras\n    choices: [a, b]\n",
            f"{QUIZ}:18: question 'two-words' is a short_text question",
        ),
        (
            "    text: El cielo es azul\n",
            "    text: El cielo es azul\n    accepted_answers: [sí]\n",
            f"{QUIZ}:14: question 'sky' is a true_false question in first/01-one.quiz.yaml: only short_text "
            "questions have 'accepted_answers'",
        ),
        ("  - id: sky", "  - id: pick-a", f"{QUIZ}:12: question id 'pick-a' is also used on line 4"),
    ],
    ids=[
        "unknown id",
        "choice count",
        "choices on true_false",
        "unknown question key",
        "unknown file key",
        "empty text",
        "no text",
        "quiz title",
        "choices missing",
        "choices on short_text",
        "accepted answers on true_false",
        "id twice",
    ],
)
def test_a_wrong_translation_is_refused_at_its_line(files, old, new, expected):
    assert expected in _problem(files, old, new)


def test_choices_on_an_essay_are_refused(files):
    message = _problem(
        files,
        "    text: Escribe sobre Dana\n",
        "    text: Escribe sobre Dana\n    choices: [a]\n",
        name=FINAL,
    )
    assert f"{FINAL}:6: question 'dana' is an essay question in first/final-exam.yaml: it has no choices" in (
        message
    )


def test_a_translation_without_its_english_file_is_refused(files):
    (files / "second" / "final-exam.yaml").unlink()
    (files / "second" / "final-exam.es.yaml").write_text(FINAL_ES, encoding="utf-8")
    (files / "second" / "09-none.quiz.es.yaml").write_text(QUIZ_ES, encoding="utf-8")
    with pytest.raises(CurriculumError) as error:
        read_curriculum(files)
    message = str(error.value)
    assert (
        "second/final-exam.es.yaml:1: a Spanish file needs the English file it translates (final-exam.yaml)"
        in message
    )
    assert "second/09-none.quiz.es.yaml:1: a Spanish file needs the English file it translates" in message


def test_a_misnamed_translation_is_refused(files):
    (files / QUIZ).rename(files / "first" / "01-one.es.quiz.yaml")
    with pytest.raises(CurriculumError) as error:
        read_curriculum(files)
    assert "first/01-one.es.quiz.yaml:1: a translated quiz is named after the English quiz" in str(
        error.value
    )
    assert "01-one.quiz.es.yaml" in str(error.value)


def test_an_empty_translation_is_refused(files):
    (files / QUIZ).write_text("# nothing yet\n", encoding="utf-8")
    with pytest.raises(CurriculumError) as error:
        read_curriculum(files)
    assert f"{QUIZ}:1: the file is empty" in str(error.value)


def test_a_wrong_translation_writes_nothing(home, files):
    load_curriculum(files, home=home)
    before = _rows()
    edit(files / QUIZ, "text: Elige A", "text: Elige la A")
    edit(files / FINAL, "  - id: dana", "  - id: nobody")
    with pytest.raises(CurriculumError):
        load_curriculum(files, home=home)
    assert _rows() == before


def test_seed_demo_loads_the_translations_with_the_quizzes(home, files):
    from assessments.seed import seed_assessments
    from courses.seed import seed_courses
    from lms.seed import seed_users

    from .test_seed import SMALL_ESSAYS

    users = seed_users()
    courses = seed_courses(home=home, users=users, curriculum=files)
    seed_assessments(courses=courses, users=users, curriculum=files, **SMALL_ESSAYS)
    assert AssessmentTranslation.objects.get(assessment=_quiz()).title == "Cuestionario: Uno en español"
    assert QuestionTranslation.objects.filter(question__assessment=_quiz()).count() == 3
    assert AssessmentTranslation.objects.get(assessment=_final()).title == "Examen final del primer curso"

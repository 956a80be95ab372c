"""Translations of quiz and final-exam files: a Spanish version lives beside its English original, with
the language before the extension (docs/authoring.md, "Spanish versions"):

    crisis-response/01-warning-signs.quiz.yaml   crisis-response/01-warning-signs.quiz.es.yaml
    crisis-response/final-exam.yaml             crisis-response/final-exam.es.yaml

A translation holds only what a reader sees, question by question, found by the English file's ids:
the text, the choices (as many as the English question's, in the same order), the explanation, and for
short text any answers accepted in Spanish besides the English ones. Answers, points, kinds and
settings come from the English file. A question left out shows in English. Every problem is reported
as file:line, like the English files'. No Django imports (like parse.py)."""

from __future__ import annotations

from pathlib import Path

from .data import AssessmentData, AssessmentTranslationData, Problem, QuestionTranslationData
from .fields import Fields
from .questions import CHOICE_MAX
from .translations import LANGUAGES, translated_path

FILE_FIELDS = ("title", "instructions", "questions")
QUESTION_FIELDS = ("id", "text", "choices", "explanation", "accepted_answers")
CHOICE_KINDS = ("single", "multiple")


def _a(kind: str) -> str:
    return f"{'an' if kind[:1] in 'aeiou' else 'a'} {kind}"


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _choices(f: Fields, key: str, english, source: str) -> list[str]:
    """The translated choices of question `key` (checked against the English question)."""
    kind = english.kind if english is not None else None
    if "choices" not in f.data:
        if kind in CHOICE_KINDS:
            f.problem(
                None,
                f"'choices' is missing: question '{key}' has {_plural(len(english.choices), 'choice')} in "
                f"{source}; give each in the same order",
            )
        return []
    if kind is not None and kind not in CHOICE_KINDS:
        f.problem(
            "choices", f"question '{key}' is {_a(kind)} question in {source}: it has no choices to translate"
        )
        return []
    choices = f.texts("choices", max_length=CHOICE_MAX)
    if english is not None and len(choices) != len(english.choices):
        f.problem(
            "choices",
            f"question '{key}' has {_plural(len(english.choices), 'choice')} in {source}, but "
            f"{_plural(len(choices), 'choice')} here: give one for each, in the same order",
        )
    return choices


def _accepted(f: Fields, key: str, english, source: str) -> list[str]:
    if "accepted_answers" not in f.data:
        return []
    if english is not None and english.kind != "short_text":
        f.problem(
            "accepted_answers",
            f"question '{key}' is {_a(english.kind)} question in {source}: only short_text questions have "
            "'accepted_answers'",
        )
        return []
    return f.texts("accepted_answers")


def read_assessment_translation(
    data, path: str, problems: list[Problem], *, english: AssessmentData, language: str, final: bool
) -> AssessmentTranslationData:
    """A quiz (`final=False`) or final exam's translation, checked against its English file."""
    f = Fields(data, path, problems, FILE_FIELDS, what="file")
    if not final and "title" in f.data:
        f.problem(
            "title",
            "a quiz's title is not translated here: it is made from its module's title in the module's "
            "translation (the .es.md file); 'title' is for final exams",
        )
    title = f.text("title", required=False, max_length=255) if final else ""
    instructions = f.text("instructions", required=False)
    by_key = {q.key: q for q in english.questions if q.key}
    questions, seen = [], {}
    items = f.items("questions", required=False)
    for index, raw in enumerate(items):
        qf = Fields(raw, path, problems, QUESTION_FIELDS, line=items.line_of(index), what="question")
        key = qf.text("id", max_length=64)
        question = by_key.get(key)
        if key and question is None:
            known = ", ".join(by_key) or "none"
            qf.problem("id", f"unknown question id '{key}': {english.source} has {known}")
        if key in seen:
            qf.problem("id", f"question id '{key}' is also used on line {seen[key]}")
        seen.setdefault(key, qf.line)
        questions.append(
            QuestionTranslationData(
                key=key,
                text=qf.text("text"),
                choices=_choices(qf, key, question, english.source),
                explanation=qf.text("explanation", required=False),
                accepted_answers=_accepted(qf, key, question, english.source),
                line=qf.line,
            )
        )
    return AssessmentTranslationData(
        language=language, title=title, instructions=instructions, questions=questions, source=path
    )


def read_assessment_translations(reader, path: Path, english: AssessmentData, *, final: bool) -> dict:
    """The translations of the quiz or final exam at `path` (reader: parse._Reader, which records
    problems), by language."""
    result = {}
    for language in LANGUAGES:
        other = translated_path(path, language)
        if not other.is_file():
            continue
        found = len(reader.problems)
        data = reader.yaml_file(other)
        if data is None:
            if len(reader.problems) == found:
                reader.add(other, 1, "the file is empty: it needs at least 'questions' or 'instructions'")
            continue
        result[language] = read_assessment_translation(
            data, reader.rel(other), reader.problems, english=english, language=language, final=final
        )
    return result

"""Translations of curriculum files: a Spanish version lives beside its English original, with the
language before the extension (docs/authoring.md, "Spanish versions"):

    catalogue.md                          catalogue.es.md
    crisis-response/course.md             crisis-response/course.es.md
    crisis-response/01-warning-signs.md   crisis-response/01-warning-signs.es.md

Quizzes and final exams are translated the same way (`01-x.quiz.es.yaml`, `final-exam.es.yaml`), read
by quiz_translations.py. A translation holds only what a reader sees: its front matter has the
translated title (and, for a course, summary and audience; for a module, its activities' titles and
instructions, by the English activities' ids) and its body the translated text, in the same Markdown.
Everything else (slug, order, hours, domain, the activities' kinds and hours, the quizzes' answers)
comes from the English file, so grading, hours and trainees' records are the same whichever language
they read in. A translation without its English
file is an error at its line 1. No Django imports (like parse.py)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .activities import read_activity_translations

# The languages a file may be translated into (the site's other content language).
LANGUAGES = ("es",)
LANGUAGE_NAMES = {"es": "Spanish"}

# What a translation's front matter may hold, by kind of file: texts, and a module's `activities`
# (a list of {id, title, instructions}, the ids the English file's: activities.read_activity_translations).
TRANSLATED_FIELDS = {
    "catalogue": ("title",),
    "course": ("title", "summary", "audience"),
    "module": ("title", "activities"),
}
LISTS = ("activities",)
MAX_LENGTHS = {"title": 255, "summary": 400, "audience": 300}


@dataclass
class Translation:
    """One file's translation: `fields` (title, summary...), `content` (rich text HTML for the
    catalogue and courses; a module's body blocks) and a module's `activities` (data.ActivityTranslation)."""

    language: str
    fields: dict[str, str]
    content: object
    source: str
    line: int = 1
    activities: list = field(default_factory=list)


@dataclass
class Translations:
    by_language: dict[str, Translation] = field(default_factory=dict)

    def __iter__(self):
        return iter(self.by_language.values())

    def __len__(self):
        return len(self.by_language)

    def get(self, language: str) -> Translation | None:
        return self.by_language.get(language)


def translated_path(path: Path, language: str) -> Path:
    """`01-x.md` -> `01-x.es.md`."""
    return path.with_name(f"{path.stem}.{language}{path.suffix}")


def translation_language(path: Path) -> str | None:
    """The language of a translation file (`course.es.md`, `01-x.quiz.es.yaml` -> "es"), None for an
    original."""
    if path.suffix not in (".md", ".yaml"):
        return None
    stem_suffix = Path(path.stem).suffix.lstrip(".")
    return stem_suffix if stem_suffix in LANGUAGES else None


def original_path(path: Path) -> Path:
    """`01-x.es.md` -> `01-x.md`, `01-x.quiz.es.yaml` -> `01-x.quiz.yaml`."""
    return path.with_name(Path(path.stem).stem + path.suffix)


def orphan_message(path: Path) -> str:
    language = translation_language(path)
    return (
        f"a {LANGUAGE_NAMES.get(language, language)} file needs the English file it translates "
        f"({original_path(path).name}), in the same folder"
    )


def read_translations(reader, path: Path, kind: str, convert, *, default, activities=()) -> Translations:
    """The translations of the original at `path` (reader: parse._Reader, which records problems);
    `activities`: a module's English activities, which its translations' `activities` name."""
    result = Translations()
    for language in LANGUAGES:
        other = translated_path(path, language)
        if not other.is_file():
            continue
        fields, body = reader.markdown_file(other, TRANSLATED_FIELDS[kind], f"{kind} translation")
        if fields is None:
            continue
        values = {
            key: fields.text(key, required=key in ("title", "summary"), max_length=MAX_LENGTHS[key])
            for key in TRANSLATED_FIELDS[kind]
            if key not in LISTS
        }
        translated = (
            read_activity_translations(fields, list(activities), path.name) if kind == "module" else []
        )
        found = len(reader.problems)
        content = reader.markup(other, convert, body, default)
        if kind == "module" and not content and len(reader.problems) == found:
            reader.add(other, body[0][0] if body else 1, "the translation has no text after its front matter")
        result.by_language[language] = Translation(
            language=language,
            fields=values,
            content=content,
            source=reader.rel(other),
            activities=translated,
        )
    return result

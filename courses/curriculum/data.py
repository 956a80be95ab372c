"""The curriculum as read from its files: plain values, validated, each with the file (and line) it came
from. `parse.read_curriculum` builds these; `load` writes them into the Wagtail tree and the
assessments app. No Django imports: the files can be checked anywhere."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    path: str
    line: int
    message: str

    def __str__(self):
        return f"{self.path}:{self.line}: {self.message}" if self.path else self.message


class CurriculumError(Exception):
    """The files are not a valid curriculum. `problems` lists every one found, in file order."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


@dataclass
class Domain:
    slug: str
    name: str
    description: str
    source: str


@dataclass
class Catalogue:
    slug: str
    title: str
    intro: str
    source: str
    translations: object = None  # translations.Translations (catalogue.es.md)


@dataclass
class Level:
    label: str
    points: Decimal
    descriptor: str


@dataclass
class Criterion:
    name: str
    description: str
    levels: list[Level]
    # A must-pass criterion fails the attempt when an essay is graded below `minimum_level` (the exact
    # label of one of its levels) on it, whatever the total (assessments.rules).
    must_pass: bool = False
    minimum_level: str = ""


@dataclass
class RubricData:
    title: str
    description: str
    criteria: list[Criterion]


@dataclass
class QuestionData:
    """One question. `key` is its stable id in the file: the loader updates the question with that key
    in place, so trainees' answers keep pointing at it."""

    key: str
    kind: str  # single | multiple | true_false | short_text | essay
    text: str
    points: Decimal | None = None  # None: the assessment's default
    explanation: str = ""
    choices: list[tuple[str, bool]] = field(default_factory=list)
    answer_true: bool | None = None
    accepted_answers: list[str] = field(default_factory=list)
    rubric: RubricData | None = None
    always_include: bool = False  # 'pinned' in the file: drawn in every attempt
    line: int = 1


@dataclass
class QuestionTranslationData:
    """One question of a quiz's translation, found by its English `key`."""

    key: str
    text: str
    choices: list[str] = field(default_factory=list)  # one for each English choice, in their order
    explanation: str = ""
    accepted_answers: list[str] = field(default_factory=list)  # short text: accepted besides English
    line: int = 1


@dataclass
class AssessmentTranslationData:
    """A quiz or final exam's translation (`NN-slug.quiz.es.yaml`, `final-exam.es.yaml`): what a reader
    sees; answers, points and settings stay the English file's. Questions left out show in English."""

    language: str
    title: str  # final exams only; "": the default
    instructions: str
    questions: list[QuestionTranslationData]
    source: str


@dataclass
class AssessmentData:
    title: str | None  # None: the default ("Quiz: <module title>")
    settings: dict
    questions: list[QuestionData]
    source: str  # the file
    translations: dict[str, AssessmentTranslationData] = field(default_factory=dict)  # by language


@dataclass
class Activity:
    """A practice activity of a module (`activities:` in its front matter). `key` is its stable id in the
    file: the loader updates the activity with that key in place, so trainees' records keep pointing at
    it. Its hours count toward the module's domain once recorded (courses.activities)."""

    key: str
    kind: str  # reflection | role_play | attendance
    title: str
    instructions: str
    hours: Decimal
    min_words: int | None = None  # reflections only
    delivery_mode: str = "self_paced"  # attendance: face_to_face | live_online
    line: int = 1


@dataclass
class ActivityTranslation:
    """An activity's title and instructions in another language (`activities:` in a module's `.es.md`
    front matter), found by the English activity's `key`."""

    key: str
    title: str
    instructions: str
    line: int = 1


@dataclass
class Module:
    slug: str
    title: str
    order: int
    estimated_minutes: int
    training_hours: Decimal
    domain: str
    delivery_mode: str
    body: list[tuple[str, object]]
    quiz: AssessmentData | None
    source: str
    activities: list[Activity] = field(default_factory=list)
    # Trainees write every reflection prompt of the module (their journal) before completing it.
    requires_reflection: bool = False
    translations: object = None  # translations.Translations (NN-slug.es.md)

    @property
    def hours(self) -> Decimal:
        """All the hours the module can credit: its own and its activities'."""
        return self.training_hours + sum((a.hours for a in self.activities), Decimal("0"))


@dataclass
class Course:
    slug: str
    title: str
    order: int
    summary: str
    audience: str
    domains: list[str]
    prerequisites: list[str]
    ce_eligible: bool
    estimated_hours: Decimal
    intro: str
    modules: list[Module]
    final_exam: AssessmentData | None
    source: str
    translations: object = None  # translations.Translations (course.es.md)


@dataclass
class Curriculum:
    root: Path
    domains: list[Domain]
    catalogue: Catalogue
    courses: list[Course]

    def course(self, slug: str) -> Course:
        return next(c for c in self.courses if c.slug == slug)

    def hours_by_domain(self, *, delivery_mode: str | None = None) -> dict[str, Decimal]:
        """Training hours the curriculum can credit per domain (every module and its activities, every
        course); with `delivery_mode`, only the hours delivered that way."""
        totals: dict[str, Decimal] = {}
        for course in self.courses:
            for module in course.modules:
                parts = [(module.delivery_mode, module.training_hours)]
                parts += [(a.delivery_mode, a.hours) for a in module.activities]
                for mode, hours in parts:
                    if delivery_mode is None or mode == delivery_mode:
                        totals[module.domain] = totals.get(module.domain, Decimal("0")) + hours
        return totals

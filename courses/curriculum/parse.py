"""Read a curriculum directory (docs/authoring.md) into validated data, or report everything wrong with it.

    courses/content/
      domains.yaml                  the competency domains
      catalogue.md                  the catalogue page: slug, title; the body is its introduction
      <course>/course.md            a course: front matter, the body is its introduction
      <course>/NN-<module>.md       a module: front matter, the body is the module text
      <course>/NN-<module>.quiz.yaml  the module's quiz (optional)
      <course>/final-exam.yaml      the course's final exam (optional)
      *.es.md                       the Spanish version of the .md file of the same name (translations.py)
      *.quiz.es.yaml, final-exam.es.yaml  the Spanish version of a quiz or final exam (quiz_translations.py)

Every file is read and checked before anything is written; problems come back together, each as
"path:line: what is wrong", the path relative to the directory."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from . import markup
from .activities import check_training_hours, read_activities
from .data import Catalogue, Course, Curriculum, CurriculumError, Domain, Module, Problem
from .fields import Fields
from .questions import read_assessment
from .quiz_translations import read_assessment_translations
from .translations import original_path, orphan_message, read_translations, translation_language
from .yamlsrc import LocatedList, SourceError, load_yaml, split_front_matter

DEFAULT_DIR = Path(__file__).resolve().parent.parent / "content"
DOMAINS_FILE, CATALOGUE_FILE, COURSE_FILE, FINAL_FILE = (
    "domains.yaml",
    "catalogue.md",
    "course.md",
    "final-exam.yaml",
)
QUIZ_SUFFIX = ".quiz.yaml"
DELIVERY_MODES = ("self_paced", "live_online", "face_to_face")
COURSE_FIELDS = (
    "slug",
    "title",
    "order",
    "summary",
    "audience",
    "domains",
    "prerequisites",
    "ce_eligible",
    "estimated_hours",
)
MODULE_FIELDS = (
    "slug",
    "title",
    "order",
    "estimated_minutes",
    "training_hours",
    "domain",
    "delivery_mode",
    "requires_reflection",
    "activities",
)


def original_path_exists(path: Path) -> bool:
    return original_path(path).is_file()


class _Reader:
    def __init__(self, root: Path):
        self.root = root
        self.problems: list[Problem] = []
        self.fields_of: dict[str, Fields] = {}  # front matter by file, for errors found later

    def rel(self, path: Path) -> str:
        return path.relative_to(self.root).as_posix()

    def add(self, path: Path, line: int, message: str) -> None:
        self.problems.append(Problem(self.rel(path), line, message))

    def text_of(self, path: Path) -> str | None:
        try:
            return path.read_text(encoding="utf-8")
        except UnicodeDecodeError as error:
            self.add(path, 1, f"not UTF-8 text ({error.reason} at byte {error.start})")
        except OSError as error:
            self.add(path, 1, f"cannot be read: {error.strerror}")
        return None

    def yaml_file(self, path: Path):
        text = self.text_of(path)
        if text is None:
            return None
        try:
            return load_yaml(text)
        except SourceError as error:
            self.add(path, error.line, error.message)
            return None

    def markdown_file(self, path: Path, allowed, what: str):
        """(Fields of the front matter, body lines [(number, text)]) or (None, None)."""
        text = self.text_of(path)
        if text is None:
            return None, None
        try:
            front, first, body, body_first = split_front_matter(text)
            data = load_yaml(front, first_line=first)
        except SourceError as error:
            self.add(path, error.line, error.message)
            return None, None
        if data is None:
            self.add(path, 1, "the front matter is empty")
            return None, None
        fields = Fields(data, self.rel(path), self.problems, allowed, what=what)
        self.fields_of[self.rel(path)] = fields
        return fields, [(body_first + i, line) for i, line in enumerate(body)]

    def markup(self, path: Path, convert, lines, default):
        try:
            return convert(lines)
        except SourceError as error:
            self.add(path, error.line, error.message)
            return default

    # -----------------------------------------------------------------------------------------------

    def domains(self) -> list[Domain]:
        path = self.root / DOMAINS_FILE
        if not path.is_file():
            self.add(path, 1, "missing: the list of competency domains")
            return []
        data = self.yaml_file(path)
        if data is None:
            return []
        if not isinstance(data, LocatedList):
            self.add(path, getattr(data, "line", 1), "must be a list of domains ('- slug: ...')")
            return []
        result, seen = [], set()
        for index, item in enumerate(data):
            f = Fields(
                item,
                self.rel(path),
                self.problems,
                ("slug", "name", "description"),
                line=data.line_of(index),
                what="domain",
            )
            domain = Domain(
                slug=f.slug("slug"),
                name=f.text("name", max_length=120),
                description=f.text("description", required=False),
                source=self.rel(path),
            )
            if domain.slug in seen:
                f.problem("slug", f"domain '{domain.slug}' is listed twice")
            seen.add(domain.slug)
            result.append(domain)
        return result

    def catalogue(self) -> Catalogue | None:
        path = self.root / CATALOGUE_FILE
        if not path.is_file():
            self.add(path, 1, "missing: the catalogue page (slug, title, introduction)")
            return None
        fields, body = self.markdown_file(path, ("slug", "title"), "catalogue")
        if fields is None:
            return None
        return Catalogue(
            slug=fields.slug("slug"),
            title=fields.text("title", max_length=255),
            intro=self.markup(path, markup.rich_text, body, ""),
            source=self.rel(path),
            translations=read_translations(self, path, "catalogue", markup.rich_text, default=""),
        )

    def _check_domain(self, fields: Fields, key: str, slug: str, domains: set[str]) -> None:
        if slug and domains and slug not in domains:
            fields.problem(key, f"unknown domain '{slug}' (domains.yaml has: {', '.join(sorted(domains))})")

    def module(self, path: Path, domains: set[str]) -> Module | None:
        fields, body = self.markdown_file(path, MODULE_FIELDS, "module")
        if fields is None:
            return None
        module = Module(
            slug=fields.slug("slug"),
            title=fields.text("title", max_length=255),
            order=fields.integer("order", minimum=0, maximum=10000, default=0),
            estimated_minutes=fields.integer("estimated_minutes", minimum=1, maximum=100000, default=30),
            training_hours=fields.decimal("training_hours", maximum=Decimal("999.99"), default=Decimal("0")),
            domain=fields.slug("domain"),
            delivery_mode=fields.choice("delivery_mode", DELIVERY_MODES, default="self_paced"),
            requires_reflection=fields.boolean("requires_reflection"),
            body=[],
            quiz=None,
            source=self.rel(path),
            activities=read_activities(fields),
        )
        minutes = fields.data.get("estimated_minutes")
        if isinstance(minutes, int) and not isinstance(minutes, bool) and minutes >= 1:
            check_training_hours(fields, training_hours=module.training_hours, minutes=minutes)
        self._check_domain(fields, "domain", module.domain, domains)
        found = len(self.problems)
        module.body = self.markup(path, markup.module_body, body, [])
        if not module.body and len(self.problems) == found:
            self.add(path, body[0][0] if body else 1, "the module has no text after its front matter")
        if module.requires_reflection and module.body and not any(k == "reflection" for k, _v in module.body):
            fields.problem(
                "requires_reflection",
                "the module requires a reflection but has no '::: reflection' block: add one, or remove "
                "'requires_reflection'",
            )
        module.translations = read_translations(
            self, path, "module", markup.module_body, default=[], activities=module.activities
        )
        quiz_path = path.with_name(path.name[: -len(".md")] + QUIZ_SUFFIX)
        if quiz_path.is_file():
            data = self.yaml_file(quiz_path)
            if data is not None:
                module.quiz = read_assessment(data, self.rel(quiz_path), self.problems, final=False)
                module.quiz.translations = read_assessment_translations(
                    self, quiz_path, module.quiz, final=False
                )
        return module

    def course(self, folder: Path, domains: set[str], lines: dict) -> Course | None:
        path = folder / COURSE_FILE
        if not path.is_file():
            self.add(path, 1, "missing: every course folder has a course.md")
            return None
        fields, body = self.markdown_file(path, COURSE_FIELDS, "course")
        if fields is None:
            return None
        course = Course(
            slug=fields.slug("slug"),
            title=fields.text("title", max_length=255),
            order=fields.integer("order", minimum=0, maximum=10000, default=0),
            summary=fields.text("summary", max_length=400),
            audience=fields.text("audience", required=False, max_length=300),
            domains=fields.slugs("domains"),
            prerequisites=fields.slugs("prerequisites"),
            ce_eligible=fields.boolean("ce_eligible"),
            estimated_hours=fields.decimal("estimated_hours", required=False, maximum=Decimal("9999")),
            intro=self.markup(path, markup.rich_text, body, ""),
            modules=[],
            final_exam=None,
            source=self.rel(path),
            translations=read_translations(self, path, "course", markup.rich_text, default=""),
        )
        for slug in course.domains:
            self._check_domain(fields, "domains", slug, domains)
        lines.setdefault(course.slug, (fields, course))
        for child in sorted(folder.iterdir()):
            if child.name.startswith(".") or child.name == COURSE_FILE:
                continue
            if translation_language(child):  # read with its English original
                if not original_path_exists(child):
                    self.add(child, 1, orphan_message(child))
                continue
            if child.name == FINAL_FILE:
                data = self.yaml_file(child)
                if data is not None:
                    course.final_exam = read_assessment(data, self.rel(child), self.problems, final=True)
                    course.final_exam.translations = read_assessment_translations(
                        self, child, course.final_exam, final=True
                    )
            elif child.is_file() and child.suffix == ".md":
                module = self.module(child, domains)
                if module is not None:
                    course.modules.append(module)
            elif child.name.endswith(QUIZ_SUFFIX):
                module_file = child.with_name(child.name[: -len(QUIZ_SUFFIX)] + ".md")
                if translation_language(module_file):
                    english = original_path(module_file).name[: -len(".md")]
                    self.add(
                        child,
                        1,
                        f"a translated quiz is named after the English quiz with the language before "
                        f".yaml: {english}.quiz.{translation_language(module_file)}.yaml",
                    )
                elif not module_file.is_file():
                    self.add(
                        child,
                        1,
                        f"a quiz file needs a module file of the same name ({child.name[: -len(QUIZ_SUFFIX)]}.md)",
                    )
            else:
                self.add(
                    child,
                    1,
                    f"not part of the format (a course folder holds {COURSE_FILE}, modules *.md, *{QUIZ_SUFFIX} and {FINAL_FILE})",
                )
        self._check_modules(course)
        if course.estimated_hours is None:
            course.estimated_hours = sum((m.hours for m in course.modules), Decimal("0"))
        course.modules.sort(key=lambda m: (m.order, m.slug))
        return course

    def _check_modules(self, course: Course) -> None:
        slugs, orders = {}, {}
        for module in course.modules:
            fields = self.fields_of[module.source]
            if module.slug in slugs:
                fields.problem("slug", f"module slug '{module.slug}' is also used by {slugs[module.slug]}")
            if module.order in orders:
                fields.problem("order", f"order {module.order} is also used by {orders[module.order]}")
            slugs.setdefault(module.slug, module.source)
            orders.setdefault(module.order, module.source)

    def courses(self, domains: set[str]) -> list[Course]:
        result, lines = [], {}
        for child in sorted(self.root.iterdir()) if self.root.is_dir() else []:
            if child.name.startswith(".") or child.name in (DOMAINS_FILE, CATALOGUE_FILE):
                continue
            if child.is_file() and child.suffix == ".md" and translation_language(child):
                if (
                    not original_path_exists(child)
                    or child.name != f"{Path(CATALOGUE_FILE).stem}.{translation_language(child)}.md"
                ):
                    self.add(child, 1, orphan_message(child))
                continue
            if not child.is_dir():
                self.add(
                    child,
                    1,
                    f"not part of the format (the top folder holds {DOMAINS_FILE}, {CATALOGUE_FILE} and one folder per course)",
                )
                continue
            slugs = [c.slug for c in result]
            course = self.course(child, domains, lines)
            if course is None:
                continue
            if course.slug in slugs:
                other = result[slugs.index(course.slug)]
                self.fields_of[course.source].problem(
                    "slug", f"course slug '{course.slug}' is also used by {other.source}"
                )
            result.append(course)
        self._check_prerequisites(result, lines)
        orders: dict[int, str] = {}
        for course in result:
            if course.order in orders:
                fields = lines[course.slug][0]
                fields.problem("order", f"order {course.order} is also used by {orders[course.order]}")
            orders.setdefault(course.order, course.source)
        result.sort(key=lambda c: (c.order, c.slug))
        return result

    def _check_prerequisites(self, courses: list[Course], lines: dict) -> None:
        known = {c.slug for c in courses}
        for course in courses:
            fields = lines[course.slug][0]
            for slug in course.prerequisites:
                if slug == course.slug:
                    fields.problem("prerequisites", "a course cannot be its own prerequisite")
                elif slug not in known:
                    fields.problem("prerequisites", f"unknown course '{slug}' in prerequisites")
        # A cycle (a needs b, b needs a) would lock every course in it.
        needs = {c.slug: set(c.prerequisites) & known for c in courses}
        done: set[str] = set()
        while True:
            ready = {slug for slug, pre in needs.items() if slug not in done and pre <= done}
            if not ready:
                break
            done |= ready
        for course in courses:
            if course.slug not in done and course.slug not in course.prerequisites:
                lines[course.slug][0].problem(
                    "prerequisites", "prerequisites go round in a circle: no one could ever start this course"
                )


def read_curriculum(path: str | Path | None = None) -> Curriculum:
    """The curriculum in `path` (default: courses/content/), validated. Raises CurriculumError listing
    every problem found ("file:line: message")."""
    root = Path(path) if path is not None else DEFAULT_DIR
    reader = _Reader(root)
    if not root.is_dir():
        raise CurriculumError([Problem(str(root), 1, "no such folder")])
    domains = reader.domains()
    catalogue = reader.catalogue()
    courses = reader.courses({d.slug for d in domains})
    if reader.problems:
        raise CurriculumError(reader.problems)
    return Curriculum(root=root, domains=domains, catalogue=catalogue, courses=courses)

"""Quiz and final-exam files (YAML): settings, questions with their answers, essay rubrics."""

from __future__ import annotations

from decimal import Decimal

from .data import AssessmentData, Criterion, Level, Problem, QuestionData, RubricData
from .fields import SLUG, Fields
from .yamlsrc import LocatedDict

KINDS = ("single", "multiple", "true_false", "short_text", "essay")
QUESTION_FIELDS = (
    "id",
    "kind",
    "text",
    "choices",
    "answer",
    "accepted",
    "rubric",
    "points",
    "pinned",
    "explanation",
)
# What a file may set; anything left out keeps the defaults in docs/authoring.md.
SETTINGS = {
    "pass_mark": ("integer", 0, 100),
    "max_attempts": ("integer", 1, 100),
    "cooldown_minutes": ("integer", 0, 100000),
    "time_limit_minutes": ("integer", 1, 100000),
    "questions_per_attempt": ("integer", 1, 1000),
    "shuffle_questions": ("boolean",),
    "shuffle_choices": ("boolean",),
    "release_policy": ("choice", ("immediately", "after_grading")),
    "show_answers": ("choice", ("with_result", "when_closed", "never")),
}
CHOICE_MAX = 500


def _settings(fields: Fields) -> dict:
    raw = fields.mapping("settings")
    if raw is None:
        return {}
    sub = Fields(
        raw, fields.path, fields.problems, tuple(SETTINGS), line=fields.line_of("settings"), what="settings"
    )
    result = {}
    for key, (kind, *args) in SETTINGS.items():
        if key not in sub.data:
            continue
        if kind == "integer":
            value = sub.integer(key, minimum=args[0], maximum=args[1])
        elif kind == "boolean":
            value = sub.boolean(key)
        else:
            value = sub.choice(key, args[0])
        if value is not None:
            result[key] = value
    return result


def _rubric(raw, path: str, problems: list[Problem], line: int) -> RubricData | None:
    fields = Fields(raw, path, problems, ("title", "description", "criteria"), line=line, what="rubric")
    title = fields.text("title", max_length=200)
    description = fields.text("description", required=False)
    criteria = []
    items = fields.items("criteria")
    if not items and "criteria" in fields.data:
        fields.problem("criteria", "a rubric needs at least one criterion")
    for index, item in enumerate(items):
        cf = Fields(
            item,
            path,
            problems,
            ("name", "description", "must_pass", "minimum_level", "levels"),
            line=items.line_of(index),
            what="criterion",
        )
        name = cf.text("name", max_length=200)
        levels = []
        level_items = cf.items("levels")
        for j, level in enumerate(level_items):
            lf = Fields(
                level,
                path,
                problems,
                ("label", "points", "descriptor"),
                line=level_items.line_of(j),
                what="level",
            )
            label = lf.text("label", max_length=100)
            points = lf.decimal("points", default=Decimal("0"))
            levels.append(Level(label=label, points=points, descriptor=lf.text("descriptor", required=False)))
        if not levels and "levels" in cf.data:
            cf.problem("levels", f"criterion '{name}' needs at least one level")
        must_pass = cf.boolean("must_pass")
        minimum = _minimum_level(cf, name, must_pass, levels)
        criteria.append(
            Criterion(
                name=name,
                description=cf.text("description", required=False),
                levels=levels,
                must_pass=must_pass,
                minimum_level=minimum,
            )
        )
    return RubricData(title=title, description=description, criteria=criteria)


def _level_key(label: str) -> str:
    return " ".join(label.split()).casefold()


def _minimum_level(cf: Fields, name: str, must_pass: bool, levels: list[Level]) -> str:
    """The exact label of a must-pass criterion's minimum level ('' when not must-pass), checked by the
    rules the admin applies (assessments.rules): one of the criterion's own levels, named by its label
    (case and spacing ignored), and not its lowest (which could never fail anyone)."""
    minimum = cf.text("minimum_level", required=False, max_length=100)
    if not must_pass:
        if minimum:
            cf.problem(
                "minimum_level",
                f"criterion '{name}' has a 'minimum_level' but is not must-pass: add 'must_pass: true', "
                "or remove 'minimum_level'",
            )
        return ""
    labels = ", ".join(f"'{level.label}'" for level in levels)
    if not minimum:
        cf.problem(
            "must_pass",
            f"must-pass criterion '{name}' needs 'minimum_level': the label of the lowest of its levels "
            f"that passes ({labels})",
        )
        return ""
    matches = [level for level in levels if _level_key(level.label) == _level_key(minimum)]
    if not matches:
        cf.problem(
            "minimum_level",
            f"'minimum_level' is '{minimum}', but criterion '{name}' has no level called that (its "
            f"levels: {labels})",
        )
        return ""
    if len(matches) > 1:
        cf.problem("minimum_level", f"criterion '{name}' has two levels called '{minimum}'")
        return ""
    if matches[0].points <= min(level.points for level in levels):
        cf.problem(
            "minimum_level",
            f"'minimum_level' '{matches[0].label}' is the lowest level of criterion '{name}', so it "
            "could never fail an attempt: name a higher level",
        )
        return ""
    return matches[0].label


def _answer_index(fields: Fields, value, count: int, index_line: int) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int):
        fields.problems.append(
            Problem(fields.path, index_line, "'answer' must be the number of a choice (1 for the first)")
        )
        return None
    if not 1 <= value <= count:
        fields.problems.append(
            Problem(
                fields.path,
                index_line,
                f"'answer' is {value}, but this question has {count} choice{'s' if count != 1 else ''} "
                f"(number them from 1 to {count})",
            )
        )
        return None
    return value


def _question(raw, path: str, problems: list[Problem], line: int) -> QuestionData:
    f = Fields(raw, path, problems, QUESTION_FIELDS, line=line, what="question")
    key = f.text("id", max_length=64)
    if key and not SLUG.match(key):
        f.problem("id", f"'id' must be lower-case letters, digits and hyphens (not '{key}')")
    kind = f.choice("kind", KINDS, required=True)
    question = QuestionData(
        key=key,
        kind=kind or "single",
        text=f.text("text"),
        points=f.decimal("points", required=False, maximum=Decimal("9999")),
        explanation=f.text("explanation", required=False),
        always_include=f.boolean("pinned"),
        line=f.line,
    )
    if question.points is not None and question.points <= 0:
        f.problem("points", "'points' must be more than 0")
    allowed = {
        "single": {"choices", "answer"},
        "multiple": {"choices", "answer"},
        "true_false": {"answer"},
        "short_text": {"accepted"},
        "essay": {"rubric"},
        None: set(),
    }[kind]
    for extra in {"choices", "answer", "accepted", "rubric"} - allowed:
        if extra in f.data:
            f.problem(extra, f"a {kind or 'question'} question has no '{extra}'")
    if kind in ("single", "multiple"):
        choices = f.texts("choices", required=True, minimum=2, max_length=CHOICE_MAX)
        answer = f.data.get("answer")
        answer_line = f.line_of("answer")
        correct: set[int] = set()
        if answer is None:
            f.problem(None, "'answer' is missing: the number of the right choice (1 for the first)")
        elif kind == "single":
            if isinstance(answer, list):
                f.problem(
                    "answer", "a single-choice question has one answer: use 'kind: multiple' for several"
                )
            elif (index := _answer_index(f, answer, len(choices), answer_line)) is not None:
                correct = {index}
        elif not isinstance(answer, list) or not answer:
            f.problem("answer", "a multiple-choice answer is a list of choice numbers, e.g. [1, 3]")
        else:
            for position, value in enumerate(answer):
                index = _answer_index(f, value, len(choices), answer.line_of(position))
                if index is not None:
                    if index in correct:
                        f.problem("answer", f"choice {index} is listed twice in 'answer'")
                    correct.add(index)
        question.choices = [(text, i + 1 in correct) for i, text in enumerate(choices)]
    elif kind == "true_false":
        answer = f.data.get("answer")
        if not isinstance(answer, bool):
            f.problem(
                "answer" if "answer" in f.data else None,
                "a true/false question needs 'answer: true' or 'answer: false'",
            )
        else:
            question.answer_true = answer
    elif kind == "short_text":
        question.accepted_answers = f.texts("accepted", required=True, minimum=1)
    elif kind == "essay":
        raw_rubric = f.mapping("rubric", required=True)
        if raw_rubric is not None:
            question.rubric = _rubric(raw_rubric, path, problems, f.line_of("rubric"))
    return question


def read_assessment(data, path: str, problems: list[Problem], *, final: bool) -> AssessmentData:
    """A quiz (`final=False`) or final-exam file's content."""
    f = Fields(data, path, problems, ("title", "settings", "questions"), what="file")
    title = f.text("title", required=final, max_length=255, default=None) or None
    settings = _settings(f)
    items = f.items("questions")
    questions = []
    seen: dict[str, int] = {}
    for index, raw in enumerate(items):
        question = _question(raw, path, problems, items.line_of(index))
        if question.key:
            if question.key in seen:
                problems.append(
                    Problem(
                        path,
                        question.line,
                        f"question id '{question.key}' is also used on line {seen[question.key]}",
                    )
                )
            seen.setdefault(question.key, question.line)
        questions.append(question)
    if not questions and isinstance(data, LocatedDict) and "questions" in data:
        f.problem("questions", "the file has no questions")
    drawn = settings.get("questions_per_attempt")
    if drawn is not None and questions and drawn > len(questions):
        f.problem(
            "settings", f"questions_per_attempt is {drawn}, but there are only {len(questions)} questions"
        )
    return AssessmentData(title=title, settings=settings, questions=questions, source=path)

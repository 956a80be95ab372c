"""Practice activities in a module's front matter, and the honest-hours rules (docs/authoring.md).

A module credits its reading time on completion (`training_hours`, at most `estimated_minutes` rounded
up to the quarter hour); practice that takes longer is an activity whose hours count only once it is
recorded: a reflection when the trainee writes it, a role-play when the named partner confirms it, an
attendance when an instructor of the course confirms it."""

from __future__ import annotations

from decimal import ROUND_CEILING, Decimal

from .data import Activity, ActivityTranslation
from .fields import Fields

KINDS = ("reflection", "role_play", "attendance")
ACTIVITY_FIELDS = ("id", "kind", "title", "hours", "instructions", "min_words", "delivery_mode")
# What a translation (`.es.md`) says of an activity: the reader's text, found by the English id.
TRANSLATED_ACTIVITY_FIELDS = ("id", "title", "instructions")
MAX_TITLE, MAX_INSTRUCTIONS = 255, 4000
# The hours one activity may carry, by kind (inclusive), in quarter hours.
HOURS_RANGE = {
    "reflection": (Decimal("0.25"), Decimal("1")),
    "role_play": (Decimal("0.25"), Decimal("2")),
    "attendance": (Decimal("0.25"), Decimal("8")),
}
ATTENDANCE_MODES = ("face_to_face", "live_online")
DEFAULT_MIN_WORDS = 100
MIN_WORDS_RANGE = (20, 2000)
QUARTER = Decimal("0.25")


def reading_hours(minutes: int) -> Decimal:
    """`minutes` in hours, rounded up to the next quarter hour (45 -> 0.75, 50 -> 1.00)."""
    return (Decimal(minutes) / 15).to_integral_value(rounding=ROUND_CEILING) * QUARTER


def check_training_hours(fields: Fields, *, training_hours: Decimal, minutes: int) -> None:
    ceiling = reading_hours(minutes)
    if training_hours is not None and training_hours > ceiling:
        fields.problem(
            "training_hours",
            f"'training_hours' is {training_hours}, but the module takes {minutes} minutes: at most "
            f"{ceiling} (its reading and quiz time, rounded up to the quarter hour). Practice that takes "
            "longer goes in 'activities', whose hours count once they are recorded",
        )


def _hours(f: Fields, kind: str) -> Decimal:
    hours = f.decimal("hours", maximum=Decimal("99"))
    if kind not in HOURS_RANGE or hours is None:  # (a wrong kind or number is reported already)
        return hours or Decimal("0")
    low, high = HOURS_RANGE[kind]
    if not low <= hours <= high:
        article = "an" if kind[0] in "aeiou" else "a"
        f.problem("hours", f"{article} {kind} activity carries between {low} and {high} hours (not {hours})")
    elif hours % QUARTER:
        f.problem("hours", f"'hours' must be in quarter hours (0.25, 0.5, 0.75, 1...), not {hours}")
    return hours


def read_activities(fields: Fields) -> list[Activity]:
    """The `activities:` list of a module's front matter (`fields`), every problem recorded."""
    if fields.mapping("activities") is None:
        return []
    items = fields.items("activities")
    result: list[Activity] = []
    seen: dict[str, int] = {}
    for index, raw in enumerate(items):
        line = items.line_of(index)
        f = Fields(raw, fields.path, fields.problems, ACTIVITY_FIELDS, line=line, what="activity")
        key = f.slug("id")
        kind = f.choice("kind", KINDS, required=True, default="")
        title = f.text("title", max_length=MAX_TITLE)
        instructions = f.text("instructions", max_length=MAX_INSTRUCTIONS)
        hours = _hours(f, kind)
        min_words = None
        if kind == "reflection":
            low, high = MIN_WORDS_RANGE
            min_words = f.integer("min_words", required=False, minimum=low, maximum=high)
            min_words = DEFAULT_MIN_WORDS if min_words is None else min_words
        elif "min_words" in f.data:
            f.problem("min_words", "'min_words' is for reflections only")
        mode = "self_paced"
        if kind == "attendance":
            mode = f.choice("delivery_mode", ATTENDANCE_MODES, required=True, default="face_to_face")
        elif "delivery_mode" in f.data:
            f.problem("delivery_mode", "'delivery_mode' is for attendance only (how the session was held)")
        if key and key in seen:
            f.problem("id", f"activity id '{key}' is also used on line {seen[key]}")
        seen.setdefault(key, f.line)
        result.append(
            Activity(
                key=key,
                kind=kind,
                title=title,
                instructions=instructions,
                hours=hours,
                min_words=min_words,
                delivery_mode=mode,
                line=f.line,
            )
        )
    return result


def read_activity_translations(
    fields: Fields, english: list[Activity], original: str
) -> list[ActivityTranslation]:
    """The `activities:` list of a translation's front matter (`fields`): each item the title and
    instructions of one of the English file's activities (`english`, read from `original`), by its id.
    An activity left out is shown in English."""
    if fields.mapping("activities") is None:
        return []
    items = fields.items("activities")
    known = [a.key for a in english if a.key]
    result: list[ActivityTranslation] = []
    seen: dict[str, int] = {}
    for index, raw in enumerate(items):
        f = Fields(
            raw,
            fields.path,
            fields.problems,
            TRANSLATED_ACTIVITY_FIELDS,
            line=items.line_of(index),
            what="activity translation",
        )
        key = f.slug("id")
        title = f.text("title", max_length=MAX_TITLE)
        instructions = f.text("instructions", max_length=MAX_INSTRUCTIONS)
        if key and key not in known:
            has = f"{original} has: {', '.join(known)}" if known else f"{original} has none"
            f.problem("id", f"'{key}' is not an activity of the English file ({has})")
        elif key in seen:
            f.problem("id", f"activity '{key}' is also translated on line {seen[key]}")
        if key:
            seen.setdefault(key, f.line)
        result.append(ActivityTranslation(key=key, title=title, instructions=instructions, line=f.line))
    return result

"""Practice activities in a module's front matter, and the honest-hours rules (docs/authoring.md).

A module credits its reading time on completion (`training_hours`, at most `estimated_minutes` rounded
up to the quarter hour); practice that takes longer is an activity whose hours count only once it is
recorded: a reflection when the trainee writes it, a role-play when the named partner confirms it, an
attendance when an instructor of the course confirms it."""

from __future__ import annotations

from decimal import ROUND_CEILING, Decimal

from .data import Activity
from .fields import Fields

KINDS = ("reflection", "role_play", "attendance")
ACTIVITY_FIELDS = ("id", "kind", "title", "hours", "instructions", "min_words", "delivery_mode")
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
        title = f.text("title", max_length=255)
        instructions = f.text("instructions", max_length=4000)
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

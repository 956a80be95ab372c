"""The authoring rules for safer exams, in one place: the Wagtail forms, the model checks, the authoring
services (and so the API and the curriculum loader) and the readiness checks all take their decisions and
messages from here. Pure functions: no database.

- **Pinned questions**: a question marked pinned (`Question.always_include`) is drawn in every attempt;
  the rest of the paper is drawn at random from the unpinned ones. More pinned questions than an attempt
  draws is an error (the paper could not hold them).
- **Must-pass criteria**: a rubric criterion can be must-pass with a minimum level (one of its own levels,
  named by its label). An essay graded below that level on that criterion fails the attempt whatever the
  total. The minimum cannot be the criterion's lowest level (it could never fail anyone), and a minimum
  without "must pass" ticked is refused rather than silently ignored."""

from collections.abc import Iterable
from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

ERR_TOO_MANY_PINNED = gettext_noop(
    "{pinned} questions are pinned but each attempt draws only {drawn}: draw at least {pinned} "
    "questions per attempt, or unpin some."
)
ERR_MINIMUM_REQUIRED = gettext_noop(
    "A must-pass criterion needs its minimum level: type the label of one of its levels."
)
ERR_MINIMUM_NOT_A_LEVEL = gettext_noop(
    "“{level}” is not one of this criterion's levels ({levels}): type one of them."
)
ERR_MINIMUM_LOWEST = gettext_noop(
    "“{level}” is this criterion's lowest level, so it could never fail an attempt: choose a higher level."
)
ERR_MINIMUM_AMBIGUOUS = gettext_noop(
    "Two levels of this criterion are called “{level}”: give them different labels first."
)
ERR_MINIMUM_WITHOUT_MUST_PASS = gettext_noop(
    "Tick “must pass” to use a minimum level, or leave the minimum level empty."
)


def pins_problem(*, drawn: int | None, pinned: int) -> str | None:
    """Why `pinned` questions cannot all be drawn when an attempt draws `drawn` (None: the whole pool,
    which always holds them), or None."""
    if drawn and pinned > drawn:
        return _(ERR_TOO_MANY_PINNED).format(pinned=pinned, drawn=drawn)
    return None


def _key(label: str) -> str:
    return " ".join((label or "").split()).casefold()


def minimum_level_match(
    *, minimum_level: str, levels: Iterable[tuple[str, Decimal]]
) -> tuple[str, Decimal] | None:
    """The (label, points) of the level `minimum_level` names (case and spacing ignored), or None."""
    matches = [(label, points) for label, points in levels if _key(label) == _key(minimum_level)]
    return matches[0] if len(matches) == 1 else None


def must_pass_setting_problem(*, must_pass: bool, minimum_level: str) -> str | None:
    """What is wrong with a criterion's must-pass setting on its own (without its levels), or None."""
    minimum_level = (minimum_level or "").strip()
    if not must_pass:
        return _(ERR_MINIMUM_WITHOUT_MUST_PASS) if minimum_level else None
    if not minimum_level:
        return _(ERR_MINIMUM_REQUIRED)
    return None


def minimum_level_problem(
    *, must_pass: bool, minimum_level: str, levels: Iterable[tuple[str, Decimal]]
) -> str | None:
    """What is wrong with a criterion's must-pass setting given its levels as (label, points), or None."""
    problem = must_pass_setting_problem(must_pass=must_pass, minimum_level=minimum_level)
    if problem or not must_pass:
        return problem
    levels = [(label, Decimal(points)) for label, points in levels]
    minimum_level = minimum_level.strip()
    matches = [points for label, points in levels if _key(label) == _key(minimum_level)]
    if not matches:
        names = ", ".join(f"“{label}”" for label, _points in levels) or "—"
        return _(ERR_MINIMUM_NOT_A_LEVEL).format(level=minimum_level, levels=names)
    if len(matches) > 1:
        return _(ERR_MINIMUM_AMBIGUOUS).format(level=minimum_level)
    if matches[0] <= min(points for _label, points in levels):
        return _(ERR_MINIMUM_LOWEST).format(level=minimum_level)
    return None

"""Scoring rules, as pure functions (no database), so they can be tested property-style.

- Single choice: full points when exactly the one correct choice is selected, else 0.
- Multiple choice (partial credit): points x max(0, (correct selected - incorrect selected) / correct
  choices). Selecting everything earns nothing unless every choice is correct; never below 0.
- True / false: full points when the answer matches, else 0. No answer scores 0.
- Short text: full points when the normalised answer equals a normalised accepted answer. Normalising
  folds case (casefold), turns punctuation into spaces (apostrophes are dropped: "don't" = "dont"),
  and collapses whitespace.
- Essay: the sum of the rubric levels a person chose, one per criterion.
- An attempt's percent is score / maximum x 100, rounded half-up to 2 places; it passes when the percent
  is at least the pass mark and no must-pass rubric criterion was graded below its minimum level (fewer
  points than that level), whatever the total.
"""

import unicodedata
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")
ZERO = Decimal("0")
HUNDRED = Decimal("100")
_APOSTROPHES = {"'", "\u2019", "\u2018", "\u02bc", "`"}


def quantize(value: Decimal) -> Decimal:
    return Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)


def normalise_text(value: str) -> str:
    value = unicodedata.normalize("NFKC", value or "").casefold()
    chars = []
    for ch in value:
        if ch in _APOSTROPHES:
            continue
        chars.append(" " if unicodedata.category(ch).startswith("P") else ch)
    return " ".join("".join(chars).split())


def score_single(*, points: Decimal, correct_ids: Iterable[int], selected_ids: Iterable[int]) -> Decimal:
    selected = set(selected_ids)
    correct = set(correct_ids)
    if len(selected) == 1 and selected <= correct:
        return quantize(points)
    return ZERO


def multiple_fraction(*, correct_ids: Iterable[int], selected_ids: Iterable[int]) -> Decimal:
    correct = set(correct_ids)
    selected = set(selected_ids)
    if not correct:
        return ZERO
    right = len(selected & correct)
    wrong = len(selected - correct)
    return max(ZERO, Decimal(right - wrong) / Decimal(len(correct)))


def score_multiple(*, points: Decimal, correct_ids: Iterable[int], selected_ids: Iterable[int]) -> Decimal:
    fraction = multiple_fraction(correct_ids=correct_ids, selected_ids=selected_ids)
    return min(quantize(points), quantize(Decimal(points) * fraction))


def score_true_false(*, points: Decimal, answer_true: bool | None, given: bool | None) -> Decimal:
    if given is None or answer_true is None:
        return ZERO
    return quantize(points) if given == answer_true else ZERO


def score_short_text(*, points: Decimal, accepted: Iterable[str], given: str) -> Decimal:
    given_n = normalise_text(given)
    if not given_n:
        return ZERO
    accepted_n = {normalise_text(a) for a in accepted}
    return quantize(points) if given_n in accepted_n else ZERO


def score_rubric(*, chosen_points: Iterable[Decimal], max_points: Decimal) -> Decimal:
    total = quantize(sum((Decimal(p) for p in chosen_points), ZERO))
    return max(ZERO, min(total, quantize(max_points)))


def percent(*, score: Decimal, max_score: Decimal) -> Decimal:
    if not max_score or max_score <= 0:
        return ZERO
    value = quantize(Decimal(score) * HUNDRED / Decimal(max_score))
    return max(ZERO, min(HUNDRED, value))


def is_pass(*, percent_value: Decimal, pass_mark: int, must_pass_met: bool = True) -> bool:
    return must_pass_met and Decimal(percent_value) >= Decimal(pass_mark)


def below_minimum(*, points: Decimal, minimum: Decimal | None) -> bool:
    """Whether a must-pass criterion's points fall below its minimum level's (None: not must-pass)."""
    return minimum is not None and Decimal(points) < Decimal(minimum)

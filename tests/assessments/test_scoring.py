"""Scoring rules, property-style: scores stay within [0, max]; the pass decision is monotone."""

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from assessments import scoring

points_st = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("1000"), places=2)


@st.composite
def choice_question(draw):
    n = draw(st.integers(min_value=2, max_value=8))
    ids = list(range(1, n + 1))
    correct = draw(st.sets(st.sampled_from(ids), min_size=1))
    selected = draw(st.sets(st.sampled_from(ids)))
    return ids, correct, selected


@given(points_st, choice_question())
def test_multiple_choice_score_within_bounds(points, question):
    _, correct, selected = question
    score = scoring.score_multiple(points=points, correct_ids=correct, selected_ids=selected)
    assert Decimal("0") <= score <= points


@given(points_st, choice_question())
def test_multiple_choice_all_correct_is_full_and_extra_wrong_never_helps(points, question):
    ids, correct, selected = question
    assert scoring.score_multiple(points=points, correct_ids=correct, selected_ids=correct) == points
    wrong = set(ids) - correct
    if wrong:
        worse = selected | {next(iter(wrong))}
        assert scoring.score_multiple(
            points=points, correct_ids=correct, selected_ids=worse
        ) <= scoring.score_multiple(points=points, correct_ids=correct, selected_ids=selected)


@given(points_st, choice_question())
def test_single_choice_is_all_or_nothing(points, question):
    _, correct, selected = question
    score = scoring.score_single(points=points, correct_ids=correct, selected_ids=selected)
    assert score in (Decimal("0"), points)
    assert (score == points) == (len(selected) == 1 and selected <= correct)


@given(st.lists(points_st, min_size=1, max_size=30), st.data())
def test_attempt_percent_within_bounds(maxima, data):
    awarded = [data.draw(st.decimals(min_value=0, max_value=m, places=2)) for m in maxima]
    pct = scoring.percent(score=sum(awarded), max_score=sum(maxima))
    assert Decimal("0") <= pct <= Decimal("100")


@given(
    st.decimals(min_value=0, max_value=100, places=2),
    st.decimals(min_value=0, max_value=100, places=2),
    st.integers(min_value=0, max_value=100),
)
def test_pass_decision_is_monotone(a, b, pass_mark):
    low, high = sorted([a, b])
    if scoring.is_pass(percent_value=low, pass_mark=pass_mark):
        assert scoring.is_pass(percent_value=high, pass_mark=pass_mark)


@given(st.integers(min_value=1, max_value=200), st.integers(min_value=0, max_value=200), st.integers(0, 100))
def test_pass_iff_percent_reaches_mark(max_score, raw, pass_mark):
    score = Decimal(min(raw, max_score))
    pct = scoring.percent(score=score, max_score=Decimal(max_score))
    assert scoring.is_pass(percent_value=pct, pass_mark=pass_mark) == (pct >= pass_mark)


@given(
    st.lists(st.tuples(st.integers(0, 10), st.integers(0, 10)), min_size=1, max_size=6).map(
        lambda pairs: [(min(a, b), max(a, b)) for a, b in pairs]
    )
)
def test_rubric_score_within_bounds(pairs):
    chosen = [Decimal(p) for p, _ in pairs]
    maximum = sum((Decimal(m) for _, m in pairs), Decimal("0"))
    assert Decimal("0") <= scoring.score_rubric(chosen_points=chosen, max_points=maximum) <= maximum


def test_multiple_choice_rule_examples():
    correct = {1, 2}
    assert scoring.score_multiple(points=Decimal("2"), correct_ids=correct, selected_ids={1}) == Decimal(
        "1.00"
    )
    assert scoring.score_multiple(points=Decimal("2"), correct_ids=correct, selected_ids={1, 3}) == Decimal(
        "0.00"
    )
    assert scoring.score_multiple(points=Decimal("2"), correct_ids=correct, selected_ids={1, 2, 3, 4}) == 0
    assert scoring.score_multiple(points=Decimal("3"), correct_ids={1, 2, 3}, selected_ids={1, 2}) == Decimal(
        "2.00"
    )


def test_short_text_normalisation():
    accepted = ["righting reflex", "don't know"]
    for given_text in [
        "Righting Reflex",
        "  righting-reflex. ",
        "RIGHTING\treflex!",
        "dont know",
        "Don’t know",
    ]:
        assert scoring.score_short_text(points=Decimal("1"), accepted=accepted, given=given_text) == Decimal(
            "1.00"
        )
    for given_text in ["", "   ", "righting", "reflex righting"]:
        assert scoring.score_short_text(points=Decimal("1"), accepted=accepted, given=given_text) == 0


def test_true_false():
    assert scoring.score_true_false(points=Decimal("1"), answer_true=False, given=False) == Decimal("1.00")
    assert scoring.score_true_false(points=Decimal("1"), answer_true=False, given=True) == 0
    assert scoring.score_true_false(points=Decimal("1"), answer_true=False, given=None) == 0


def test_percent_rounding_and_boundary():
    assert scoring.percent(score=Decimal("2"), max_score=Decimal("3")) == Decimal("66.67")
    assert scoring.is_pass(
        percent_value=scoring.percent(score=Decimal("4"), max_score=Decimal("5")), pass_mark=80
    )
    assert scoring.percent(score=Decimal("0"), max_score=Decimal("0")) == 0

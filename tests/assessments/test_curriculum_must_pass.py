"""Must-pass rubric criteria written in the curriculum files (courses.curriculum.questions reads them,
assessments.curriculum loads them): `must_pass: true` with `minimum_level: <a level's label>` on a
criterion, loaded idempotently, and a wrong setting refused with its file and line."""

import pytest

from assessments.models import RubricCriterion
from courses.curriculum.data import CurriculumError
from courses.curriculum.load import load_curriculum
from courses.curriculum.parse import read_curriculum
from tests.courses.test_seed import edit, small_copy

pytestmark = pytest.mark.django_db

FINAL = "first/final-exam.yaml"
SPIRIT = "        - name: Spirit\n"


def _must_pass(path, *lines: str) -> None:
    """Write `lines` (criterion fields) under the Spirit criterion of the small final exam."""
    edit(path / FINAL, SPIRIT, SPIRIT + "".join(f"          {line}\n" for line in lines))


def _spirit():
    return RubricCriterion.objects.get(rubric__course__slug="first", name="Spirit")


def test_a_must_pass_criterion_is_loaded_with_its_levels_own_label(home, tmp_path):
    path = small_copy(tmp_path)
    _must_pass(path, "must_pass: true", "minimum_level: '  developing '")

    load_curriculum(path, home=home)

    spirit = _spirit()
    assert (spirit.must_pass, spirit.minimum_level) == (True, "Developing")
    assert spirit.minimum() == ("Developing", 2)
    other = RubricCriterion.objects.get(rubric=spirit.rubric, name="OARS")
    assert (other.must_pass, other.minimum_level) == (False, "")


def test_loading_again_changes_nothing_and_an_edit_updates_the_criterion_in_place(home, tmp_path):
    path = small_copy(tmp_path)
    _must_pass(path, "must_pass: true", "minimum_level: Developing")
    load_curriculum(path, home=home)
    pk = _spirit().pk

    again = load_curriculum(path, home=home)
    assert not any("final exam" in line for line in again.report.updated), again.report.updated

    edit(path / FINAL, "minimum_level: Developing", "minimum_level: Proficient")
    result = load_curriculum(path, home=home)
    assert "final exam of first (first/final-exam.yaml): 1 question(s) changed" in result.report.updated
    spirit = _spirit()
    assert (spirit.pk, spirit.must_pass, spirit.minimum_level) == (pk, True, "Proficient")

    edit(path / FINAL, "          must_pass: true\n          minimum_level: Proficient\n", "")
    load_curriculum(path, home=home)
    spirit = _spirit()
    assert (spirit.pk, spirit.must_pass, spirit.minimum_level) == (pk, False, "")


# Spirit's levels: Not yet (0), Developing (2), Proficient (4). The criterion's fields start on line 39.
WRONG = [
    (
        "not a level",
        ["must_pass: true", "minimum_level: Good"],
        f"{FINAL}:40: 'minimum_level' is 'Good', but criterion 'Spirit' has no level called that (its "
        "levels: 'Not yet', 'Developing', 'Proficient')",
    ),
    (
        "points instead of a label",
        ["must_pass: true", "minimum_level: 2"],
        f"{FINAL}:40: 'minimum_level' is '2', but criterion 'Spirit' has no level called that",
    ),
    (
        "the lowest level",
        ["must_pass: true", "minimum_level: not yet"],
        f"{FINAL}:40: 'minimum_level' 'Not yet' is the lowest level of criterion 'Spirit', so it could "
        "never fail an attempt: name a higher level",
    ),
    (
        "no minimum",
        ["must_pass: true"],
        f"{FINAL}:39: must-pass criterion 'Spirit' needs 'minimum_level': the label of the lowest of its "
        "levels that passes ('Not yet', 'Developing', 'Proficient')",
    ),
    (
        "a minimum without must-pass",
        ["minimum_level: Developing"],
        f"{FINAL}:39: criterion 'Spirit' has a 'minimum_level' but is not must-pass: add 'must_pass: "
        "true', or remove 'minimum_level'",
    ),
    (
        "must_pass not true or false",
        ["must_pass: always", "minimum_level: Developing"],
        f"{FINAL}:39: 'must_pass' must be true or false",
    ),
]


@pytest.mark.parametrize("case", WRONG, ids=[c[0] for c in WRONG])
def test_a_wrong_must_pass_setting_is_refused_with_file_and_line_and_nothing_is_loaded(home, tmp_path, case):
    _name, lines, expected = case
    path = small_copy(tmp_path)
    load_curriculum(path, home=home)
    _must_pass(path, *lines)

    with pytest.raises(CurriculumError) as raised:
        read_curriculum(path)
    assert any(str(p).startswith(expected) for p in raised.value.problems), raised.value.problems

    with pytest.raises(CurriculumError):
        load_curriculum(path, home=home)
    spirit = _spirit()
    assert (spirit.must_pass, spirit.minimum_level) == (False, "")

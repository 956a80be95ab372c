"""The `activities:` front matter and the honest-hours rules (docs/authoring.md), as the parser reads
them: every problem with its file and line."""

from decimal import Decimal

import pytest

from courses.curriculum.activities import reading_hours
from courses.curriculum.data import CurriculumError
from courses.curriculum.parse import read_curriculum

from .test_seed import edit, small_copy

ACTIVITIES = """training_hours: 1.25
activities:
  - id: reflect-one
    kind: reflection
    title: Your own story
    hours: 0.5
    min_words: 150
    instructions: >-
      Write about a change you made.
  - id: practise-one
    kind: role_play
    title: Practise with a partner
    hours: 1
    instructions: Ask three open questions.
  - id: workshop-one
    kind: attendance
    title: Workshop day
    hours: 4
    delivery_mode: face_to_face
    instructions: Come to the centre.
"""


def _with(tmp_path, front: str):
    path = small_copy(tmp_path)
    edit(path / "first" / "01-one.md", "training_hours: 1.25\n", front)
    return path


def _problems(path) -> list[str]:
    with pytest.raises(CurriculumError) as raised:
        read_curriculum(path)
    return [str(p) for p in raised.value.problems]


@pytest.mark.parametrize(
    "minutes, hours",
    [(1, "0.25"), (15, "0.25"), (16, "0.5"), (45, "0.75"), (50, "1"), (60, "1"), (61, "1.25")],
)
def test_reading_hours_round_up_to_the_quarter(minutes, hours):
    assert reading_hours(minutes) == Decimal(hours)


def test_activities_are_read_with_their_defaults_and_count_toward_the_course(tmp_path):
    curriculum = read_curriculum(_with(tmp_path, ACTIVITIES))
    one = curriculum.course("first").modules[0]
    assert [(a.key, a.kind, a.hours, a.min_words, a.delivery_mode) for a in one.activities] == [
        ("reflect-one", "reflection", Decimal("0.5"), 150, "self_paced"),
        ("practise-one", "role_play", Decimal("1"), None, "self_paced"),
        ("workshop-one", "attendance", Decimal("4"), None, "face_to_face"),
    ]
    assert one.activities[0].instructions == "Write about a change you made."
    assert one.hours == Decimal("6.75")
    assert curriculum.course("first").estimated_hours == Decimal("3")  # as its file says
    assert curriculum.hours_by_domain()["advocacy"] == Decimal("1.25") + Decimal("1.5") + Decimal("5.5")
    assert curriculum.hours_by_domain(delivery_mode="face_to_face") == {"advocacy": Decimal("4")}


def test_a_course_without_estimated_hours_adds_its_modules_and_activities(tmp_path):
    path = _with(tmp_path, ACTIVITIES)
    edit(path / "first" / "course.md", "estimated_hours: 3\n", "")
    # modules one (1.25) and two (1.5), and one's activities (0.5 + 1 + 4)
    assert read_curriculum(path).course("first").estimated_hours == Decimal("8.25")


def test_a_reflection_without_min_words_needs_100(tmp_path):
    front = ACTIVITIES.replace("    min_words: 150\n", "")
    assert read_curriculum(_with(tmp_path, front)).course("first").modules[0].activities[0].min_words == 100


def test_training_hours_above_the_reading_time_are_refused(tmp_path):
    path = small_copy(tmp_path)
    edit(path / "first" / "01-one.md", "training_hours: 1.25", "training_hours: 1.5")
    assert _problems(path) == [
        "first/01-one.md:6: 'training_hours' is 1.5, but the module takes 75 minutes: at most 1.25 (its "
        "reading and quiz time, rounded up to the quarter hour). Practice that takes longer goes in "
        "'activities', whose hours count once they are recorded"
    ]


@pytest.mark.parametrize(
    "old, new, expected",
    [
        (
            "    hours: 0.5\n",
            "    hours: 1.5\n",
            "first/01-one.md:11: a reflection activity carries between 0.25 and 1",
        ),
        (
            "    hours: 1\n",
            "    hours: 2.25\n",
            "first/01-one.md:18: a role_play activity carries between 0.25 and 2",
        ),
        ("    hours: 4\n", "    hours: 8.5\n", "first/01-one.md:23: an attendance activity carries between"),
        ("    hours: 4\n", "    hours: 0.3\n", "first/01-one.md:23: 'hours' must be in quarter hours"),
        ("    hours: 4\n", "    hours: four\n", "first/01-one.md:23: 'hours' must be a number"),
        (
            "kind: role_play",
            "kind: roleplay",
            "first/01-one.md:16: 'kind' must be one of reflection, role_play",
        ),
        ("id: practise-one", "id: Practise_One", "first/01-one.md:15: 'id' must be lower-case letters"),
        (
            "id: practise-one",
            "id: reflect-one",
            "first/01-one.md:15: activity id 'reflect-one' is also used on",
        ),
        ("    delivery_mode: face_to_face\n", "", "first/01-one.md:20: 'delivery_mode' is missing"),
        (
            "delivery_mode: face_to_face",
            "delivery_mode: self_paced",
            "first/01-one.md:24: 'delivery_mode' must be",
        ),
        ("    title: Practise with a partner\n", "", "first/01-one.md:15: 'title' is missing"),
        (
            "    instructions: Ask three open questions.\n",
            "",
            "first/01-one.md:15: 'instructions' is missing",
        ),
        (
            "    min_words: 150\n",
            "    min_words: 5\n",
            "first/01-one.md:12: 'min_words' must be between 20 and 2000",
        ),
        (
            "    instructions: Ask three open questions.\n",
            "    instructions: Ask.\n    min_words: 50\n",
            "first/01-one.md:20: 'min_words' is for reflections only",
        ),
        (
            "    instructions: Ask three open questions.\n",
            "    instructions: Ask.\n    delivery_mode: live_online\n",
            "first/01-one.md:20: 'delivery_mode' is for attendance only",
        ),
        (
            "    title: Workshop day\n",
            "    title: Workshop day\n    room: 4\n",
            "first/01-one.md:23: unknown field 'room'",
        ),
    ],
)
def test_a_malformed_activity_is_refused_with_its_line(tmp_path, old, new, expected):
    front = ACTIVITIES.replace(old, new, 1)
    assert front != ACTIVITIES
    problems = _problems(_with(tmp_path, front))
    assert any(p.startswith(expected) for p in problems), problems


def test_activities_must_be_a_list(tmp_path):
    problems = _problems(_with(tmp_path, "training_hours: 1.25\nactivities: soon\n"))
    assert problems == ["first/01-one.md:7: 'activities' must be a list ('- ...' entries)"]


def test_the_academy_curriculum_keeps_the_rule():
    curriculum = read_curriculum()  # courses/content/
    for course in curriculum.courses:
        for module in course.modules:
            assert module.training_hours <= reading_hours(module.estimated_minutes), module.source

"""The curriculum loader keeps modules' activities in line with the files: idempotent, updated in place,
and refusing (with the file, and nothing written) what would lose a trainee's record."""

from decimal import Decimal

import pytest
from wagtail.models import Revision

from courses import services as course_services
from courses.activities import services
from courses.activities.models import ActivityRecord, ModuleActivity
from courses.curriculum.data import CurriculumError
from courses.curriculum.load import load_curriculum
from courses.models import ModulePage
from tests.factories import TraineeFactory

from ..test_seed import edit, small_copy
from .conftest import WORDS

pytestmark = pytest.mark.django_db

ACTIVITIES = """training_hours: 1.25
activities:
  - id: reflect-one
    kind: reflection
    title: Your own story
    hours: 0.5
    min_words: 20
    instructions: Write about a change you made.
  - id: workshop-one
    kind: attendance
    title: Workshop day
    hours: 4
    delivery_mode: face_to_face
    instructions: Come to the centre.
"""


@pytest.fixture
def path(tmp_path):
    path = small_copy(tmp_path)
    edit(path / "first" / "01-one.md", "training_hours: 1.25\n", ACTIVITIES)
    return path


def _state():
    return (
        sorted(
            ModuleActivity.objects.values_list("module__slug", "key", "kind", "title", "hours", "sort_order")
        ),
        Revision.page_revisions.count(),
        ActivityRecord.objects.count(),
    )


def test_loading_creates_activities_and_loading_again_changes_nothing(home, path):
    first = load_curriculum(path, home=home)
    assert "activity first/one/reflect-one (first/01-one.md)" in first.report.created
    one = ModulePage.objects.get(slug="one")
    assert [(a.key, a.kind, a.hours, a.min_words, a.delivery_mode) for a in one.activities.all()] == [
        ("reflect-one", "reflection", Decimal("0.50"), 20, "self_paced"),
        ("workshop-one", "attendance", Decimal("4.00"), None, "face_to_face"),
    ]
    before = _state()
    again = load_curriculum(path, home=home)
    assert not again.report.changed, again.report.lines()
    assert _state() == before


def test_editing_an_activity_updates_it_in_place_without_revising_the_page(home, path):
    load_curriculum(path, home=home)
    activity = ModuleActivity.objects.get(key="reflect-one")
    revisions = Revision.page_revisions.count()
    edit(path / "first" / "01-one.md", "title: Your own story", "title: Your own story of change")
    report = load_curriculum(path, home=home).report
    assert report.updated == ["activity first/one/reflect-one (first/01-one.md)"]
    assert ModuleActivity.objects.get(pk=activity.pk).title == "Your own story of change"
    assert Revision.page_revisions.count() == revisions


def test_an_activity_no_one_recorded_is_removed(home, path):
    load_curriculum(path, home=home)
    edit(path / "first" / "01-one.md", "  - id: workshop-one\n", "  - id: workshop-two\n")
    report = load_curriculum(path, home=home).report
    assert "activity first/one/workshop-one removed (first/01-one.md)" in report.updated
    assert set(ModuleActivity.objects.values_list("key", flat=True)) == {"reflect-one", "workshop-two"}


def _recorded(home, path):
    courses = load_curriculum(path, home=home).courses
    trainee = TraineeFactory()
    course_services.enrollment_create(user=trainee, course=courses["first"])
    services.reflection_record(
        user=trainee, activity=ModuleActivity.objects.get(key="reflect-one"), text=WORDS
    )


@pytest.mark.parametrize(
    "old, new, expected",
    [
        (
            "  - id: reflect-one\n",
            "  - id: reflect-renamed\n",
            "first/01-one.md:1: activity 'reflect-one' is no longer in the file, but trainees have recorded it",
        ),
        (
            "    kind: reflection\n    title: Your own story\n    hours: 0.5\n    min_words: 20\n",
            "    kind: role_play\n    title: Your own story\n    hours: 0.5\n",
            "first/01-one.md:8: activity 'reflect-one' is a reflection that trainees have recorded: its kind cannot",
        ),
    ],
)
def test_a_load_that_would_lose_a_record_is_refused_and_writes_nothing(home, path, old, new, expected):
    _recorded(home, path)
    edit(path / "first" / "01-one.md", old, new)
    edit(path / "first" / "02-two.md", "Text of two.", "Text of two, changed.")  # fine on its own
    before = _state()
    with pytest.raises(CurriculumError) as raised:
        load_curriculum(path, home=home)
    assert any(str(p).startswith(expected) for p in raised.value.problems), raised.value.problems
    assert _state() == before
    assert "changed" not in str(ModulePage.objects.get(slug="two").body.raw_data)


def test_a_malformed_activity_is_refused_with_file_and_line_and_nothing_written(home, path):
    load_curriculum(path, home=home)
    edit(path / "first" / "01-one.md", "    hours: 4\n", "    hours: 9\n")
    before = _state()
    with pytest.raises(CurriculumError) as raised:
        load_curriculum(path, home=home)
    assert [str(p) for p in raised.value.problems] == [
        "first/01-one.md:17: an attendance activity carries between 0.25 and 8 hours (not 9)"
    ]
    assert _state() == before

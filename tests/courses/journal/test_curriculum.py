"""The curriculum files and the journal: `requires_reflection` in a module's front matter (checked and
loaded), and reflection prompts keeping their block ids when a changed file is loaded again, so
trainees' entries stay under their prompt."""

import pytest

from courses.curriculum.data import CurriculumError
from courses.curriculum.load import load_curriculum
from courses.curriculum.parse import read_curriculum
from courses.models import ModulePage

from ..test_seed import edit, small_copy

pytestmark = pytest.mark.django_db

ONE = "first/01-one.md"


def test_requires_reflection_is_read_and_loaded(home, tmp_path):
    path = small_copy(tmp_path)
    edit(path / ONE, "domain: advocacy\n", "domain: advocacy\nrequires_reflection: true\n")
    load_curriculum(path, home=home)
    assert ModulePage.objects.get(slug="one").requires_reflection
    assert not ModulePage.objects.get(slug="two").requires_reflection


def test_requires_reflection_without_a_prompt_is_refused_at_its_line(tmp_path):
    path = small_copy(tmp_path)
    edit(path / ONE, "domain: advocacy\n", "domain: advocacy\nrequires_reflection: true\n")
    edit(path / ONE, "::: reflection\nThink about it.\n:::\n", "")
    with pytest.raises(CurriculumError) as exc:
        read_curriculum(path)
    assert "first/01-one.md:8: the module requires a reflection but has no '::: reflection' block" in str(
        exc.value
    )


def test_a_reworded_prompt_keeps_its_block_id_across_loads(home, tmp_path):
    path = small_copy(tmp_path)
    load_curriculum(path, home=home)
    [(block_id, prompt)] = ModulePage.objects.get(slug="one").reflection_prompts()
    assert prompt == "Think about it."
    edit(path / ONE, "Think about it.", "Think about it again, slowly.")
    edit(path / ONE, "Text of one.", "Text of one, revised.")
    load_curriculum(path, home=home)
    assert ModulePage.objects.get(slug="one").reflection_prompts() == [
        (block_id, "Think about it again, slowly.")
    ]


def test_a_prompt_with_the_same_text_keeps_its_id_wherever_it_moves(home, tmp_path):
    path = small_copy(tmp_path)
    load_curriculum(path, home=home)
    [(block_id, _prompt)] = ModulePage.objects.get(slug="one").reflection_prompts()
    edit(path / ONE, "Text of one.", "Text of one.\n\n::: reflection\nA new first question.\n:::")
    load_curriculum(path, home=home)
    prompts = dict((p, i) for i, p in ModulePage.objects.get(slug="one").reflection_prompts())
    assert prompts["Think about it."] == block_id
    assert prompts["A new first question."] != block_id

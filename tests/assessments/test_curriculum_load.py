"""Quizzes and final exams from the curriculum files (assessments.curriculum): questions updated in
place by their id; what would lose trainees' answers is refused and nothing is written."""

import pytest

from assessments.models import Answer, Assessment, Attempt, Question
from courses.curriculum.data import CurriculumError
from courses.curriculum.load import load_curriculum
from courses.models import ModulePage
from tests.courses.test_seed import edit, small_copy
from tests.factories import TraineeFactory

from .factories import make_assessment

pytestmark = pytest.mark.django_db

QUIZ = "first/01-one.quiz.yaml"


def _quiz():
    return Assessment.objects.get(module__slug="one")


def _answer(question):
    attempt = Attempt.objects.create(
        assessment=question.assessment, user=TraineeFactory(), number=1, pass_mark=80
    )
    return Answer.objects.create(attempt=attempt, question=question, position=0, kind=question.kind)


@pytest.fixture
def loaded(home, tmp_path):
    path = small_copy(tmp_path)
    load_curriculum(path, home=home)
    return path


def test_questions_carry_the_files_ids_answers_and_rubrics(loaded):
    questions = list(_quiz().questions.order_by("sort_order"))
    assert [q.key for q in questions] == ["pick-a", "pick-a-and-b", "sky", "two-words", "pick-a-again"]
    assert [(c.text, c.is_correct) for c in questions[1].choices.all()] == [
        ("A", True),
        ("B", True),
        ("C", False),
        ("D", False),
    ]
    assert questions[2].answer_true is True and questions[3].accepted_answer_list() == ["righting reflex"]
    final = Assessment.objects.get(course__slug="first", kind="final_exam")
    assert final.questions_per_attempt == 4  # 6 questions, the pool less 2
    essay = final.questions.get(key="dana")
    assert essay.always_include and essay.rubric.title == "First course: scenario rubric"
    assert essay.rubric.course.slug == "first" and essay.rubric.max_points == 8


def test_an_edited_question_is_updated_in_place_and_keeps_its_answers(home, loaded):
    question = _quiz().questions.get(key="sky")
    answer = _answer(question)
    edit(loaded / QUIZ, "text: Sky is blue", "text: The sky is blue")
    edit(
        loaded / QUIZ,
        "    choices: [A, B, C, D]\n    answer: [1, 2]",
        "    choices: [A, B, C, D]\n    answer: [1, 3]",
    )

    result = load_curriculum(loaded, home=home)

    question.refresh_from_db()
    assert question.text == "The sky is blue"
    assert Answer.objects.get(pk=answer.pk).question_id == question.pk
    multiple = _quiz().questions.get(key="pick-a-and-b")
    assert [c.is_correct for c in multiple.choices.all()] == [True, False, True, False]
    assert "quiz of first/one (first/01-one.quiz.yaml): 2 question(s) changed" in result.report.updated


def test_removing_an_answered_question_is_refused_and_nothing_is_written(home, loaded):
    question = _quiz().questions.get(key="sky")
    _answer(question)
    text = (loaded / QUIZ).read_text()
    edit(loaded / QUIZ, text[text.index("  - id: sky") : text.index("  - id: two-words")], "")
    edit(loaded / "first" / "01-one.md", "Text of one.", "Text of one, changed.")  # valid, same load
    before = (Question.objects.count(), ModulePage.objects.get(slug="one").latest_revision_id)

    with pytest.raises(CurriculumError) as raised:
        load_curriculum(loaded, home=home)

    assert [str(p) for p in raised.value.problems] == [
        "first/01-one.quiz.yaml:1: question 'sky' is no longer in the file, but trainees have answered it, "
        "so it is not deleted: put it back (with the same id), or remove it in the admin (Assessments) if "
        "you are sure"
    ]
    assert (Question.objects.count(), ModulePage.objects.get(slug="one").latest_revision_id) == before
    assert "Text of one, changed" not in str(ModulePage.objects.get(slug="one").body)


def test_removing_an_unanswered_question_deletes_it(home, loaded):
    text = (loaded / QUIZ).read_text()
    edit(loaded / QUIZ, text[text.index("  - id: sky") : text.index("  - id: two-words")], "")
    load_curriculum(loaded, home=home)
    assert list(_quiz().questions.order_by("sort_order").values_list("key", flat=True)) == [
        "pick-a",
        "pick-a-and-b",
        "two-words",
        "pick-a-again",
    ]


def test_an_answered_question_cannot_change_kind(home, loaded):
    _answer(_quiz().questions.get(key="sky"))
    edit(
        loaded / QUIZ,
        "    kind: true_false\n    text: Sky is blue\n    answer: true",
        "    kind: short_text\n    text: Sky is blue\n    accepted: [blue]",
    )
    with pytest.raises(CurriculumError) as raised:
        load_curriculum(loaded, home=home)
    assert "question 'sky' has answers as a true_false question: its kind cannot change" in str(raised.value)
    assert _quiz().questions.get(key="sky").kind == "true_false"


def test_questions_made_before_files_had_ids_are_adopted_not_duplicated(home, tmp_path):
    """An assessment written by the old seed (or the admin) without ids: the first load matches its
    questions by position and kind, keeping their rows (and so their answers)."""
    path = small_copy(tmp_path)
    load_curriculum(path, home=home)
    quiz = _quiz()
    quiz.questions.update(key="")
    pks = list(quiz.questions.order_by("sort_order").values_list("pk", flat=True))

    load_curriculum(path, home=home)

    assert list(quiz.questions.order_by("sort_order").values_list("pk", "key")) == list(
        zip(pks, ["pick-a", "pick-a-and-b", "sky", "two-words", "pick-a-again"], strict=True)
    )


def test_an_assessment_written_in_the_admin_is_updated_not_duplicated(home, tmp_path):
    path = small_copy(tmp_path)
    load_curriculum(path, home=home)
    module = ModulePage.objects.get(slug="three")
    Assessment.objects.filter(module=module).delete()
    make_assessment(module.get_parent().specific, module=module)  # five unkeyed questions, like the file's
    load_curriculum(path, home=home)
    assert Assessment.objects.filter(module=module).count() == 1
    assert Assessment.objects.get(module=module).questions.exclude(key="").count() == 5

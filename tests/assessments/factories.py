"""Builders for assessments in tests. Question specs use the curriculum's shape:
{"type": "single"|"multiple"|"true_false"|"short_text"|"essay", "text", "choices": [(text, correct)],
"answer": bool, "accepted_answers": [...], "rubric": [{"name", "levels": [(label, points, descriptor)]}]}."""

from decimal import Decimal

from assessments.models import Assessment, Choice, Question, Rubric, RubricCriterion, RubricLevel
from assessments.services import AnswerInput, EssayGrade

SINGLE = {"type": "single", "text": "Pick A", "choices": [("A", True), ("B", False), ("C", False)]}
MULTIPLE = {
    "type": "multiple",
    "text": "Pick A and B",
    "choices": [("A", True), ("B", True), ("C", False), ("D", False)],
}
TRUE_FALSE = {"type": "true_false", "text": "Sky is blue", "answer": True}
SHORT = {"type": "short_text", "text": "Two words", "accepted_answers": ["righting reflex"]}
RUBRIC = [
    {"name": "Spirit", "levels": [("Not yet", 0, "x"), ("Developing", 2, "y"), ("Proficient", 4, "z")]},
    {"name": "OARS", "levels": [("Not yet", 0, "x"), ("Proficient", 4, "z")]},
]
ESSAY = {"type": "essay", "text": "Write about Dana", "rubric": RUBRIC}
QUIZ = [SINGLE, MULTIPLE, TRUE_FALSE, SHORT, dict(SINGLE, text="Pick A again")]


def make_rubric(criteria=RUBRIC, title="Rubric", course=None) -> Rubric:
    rubric = Rubric.objects.create(title=title, course=course)
    for i, data in enumerate(criteria):
        criterion = RubricCriterion.objects.create(rubric=rubric, name=data["name"], sort_order=i)
        for j, (label, points, descriptor) in enumerate(data["levels"]):
            RubricLevel.objects.create(
                criterion=criterion,
                label=label,
                points=Decimal(str(points)),
                descriptor=descriptor,
                sort_order=j,
            )
    return rubric


def make_assessment(course, *, module=None, questions=QUIZ, points=Decimal("1"), **settings) -> Assessment:
    kind = Assessment.Kind.MODULE_QUIZ if module is not None else Assessment.Kind.FINAL_EXAM
    defaults = {"pass_mark": 80, "max_attempts": 3, "cooldown_minutes": 0}
    defaults.update(settings)
    assessment = Assessment.objects.create(
        course=course, module=module, kind=kind, title=f"{kind} of {module or course}", **defaults
    )
    for order, data in enumerate(questions):
        q = Question(
            assessment=assessment,
            kind=data["type"],
            text=data["text"],
            points=Decimal(str(data.get("points", points))),
            explanation=data.get("explanation", f"Because {data['text']}"),
            sort_order=order,
            always_include=data.get("always_include", data["type"] == "essay"),
        )
        if data["type"] == "true_false":
            q.answer_true = data["answer"]
        if data["type"] == "short_text":
            q.accepted_answers = "\n".join(data["accepted_answers"])
        if data["type"] == "essay":
            q.rubric = make_rubric(data["rubric"], title=f"Rubric {order}", course=course)
        q.save()
        for i, (text, correct) in enumerate(data.get("choices", [])):
            Choice.objects.create(question=q, text=text, is_correct=correct, sort_order=i)
    return assessment


def answers_for(attempt, *, correct=True, essay="My essay answer.") -> list[AnswerInput]:
    """Inputs answering every question of the attempt right (or wrong)."""
    result = []
    for answer in attempt.answers.select_related("question").prefetch_related("question__choices"):
        q = answer.question
        item = AnswerInput(question_id=q.pk)
        if q.kind in ("single", "multiple"):
            item.choice_ids = [c.pk for c in q.choices.all() if c.is_correct == correct][
                : 1 if q.kind == "single" else None
            ]
        elif q.kind == "true_false":
            item.value = q.answer_true if correct else not q.answer_true
        elif q.kind == "short_text":
            item.text = q.accepted_answer_list()[0] if correct else "something else"
        else:
            item.text = essay
        result.append(item)
    return result


def form_for(attempt, *, correct=True, short_text=None) -> dict:
    """The take page's form data answering every question (answers_for); `short_text` replaces the
    answer typed to short-text questions."""
    short_ids = set(attempt.answers.filter(kind="short_text").values_list("question_id", flat=True))
    data = {"questions": []}
    for item in answers_for(attempt, correct=correct):
        data["questions"].append(str(item.question_id))
        name = f"q-{item.question_id}"
        if item.choice_ids is not None:
            data[name] = [str(i) for i in item.choice_ids]
        elif item.value is not None:
            data[name] = "true" if item.value else "false"
        elif short_text is not None and item.question_id in short_ids:
            data[name] = short_text
        else:
            data[name] = item.text
    return data


def top_grades(attempt, *, best=True) -> list[EssayGrade]:
    grades = []
    for answer in attempt.answers.filter(kind="essay").select_related("question__rubric"):
        levels = {}
        for criterion in answer.question.rubric.criteria.all():
            chosen = sorted(criterion.levels.all(), key=lambda lv: lv.points)
            levels[criterion.pk] = (chosen[-1] if best else chosen[0]).pk
        grades.append(EssayGrade(question_id=answer.question_id, levels=levels, feedback="Good work."))
    return grades


def empty_formset(prefix: str) -> dict:
    """The management form of an admin inline left empty (e.g. an assessment's translations)."""
    return {
        f"{prefix}-TOTAL_FORMS": "0",
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }

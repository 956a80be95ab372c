"""Load the curriculum files' quizzes and final exams (courses.curriculum) into assessments.

An assessment is found by its module (a quiz) or its course (the final exam) and updated in place;
its questions by their `id` in the file (`Question.key`), so a trainee's answers keep pointing at the
question they answered. Nothing is written when the database already says what the file says. What
would lose trainees' work is refused, with the file and what to do, and the whole load rolls back:
removing a question (or a choice, a rubric criterion or level) that has answers or grades, or changing
an answered question's kind. Their Spanish versions follow (assessments.curriculum_translations)."""

from __future__ import annotations

from decimal import Decimal

from courses.curriculum.data import AssessmentData, CurriculumError, Problem, QuestionData, RubricData
from courses.curriculum.report import LoadReport
from courses.models import CoursePage, ModulePage

from .curriculum_translations import load_assessment_translations
from .models import Answer, Assessment, Choice, CriterionScore, Question, Rubric, RubricCriterion, RubricLevel

# Settings a file leaves out (docs/authoring.md lists them).
QUIZ_DEFAULTS = {
    "pass_mark": 80,
    "max_attempts": 3,
    "cooldown_minutes": 10,
    "time_limit_minutes": None,
    "questions_per_attempt": None,
    "shuffle_questions": False,
    "shuffle_choices": True,
    "release_policy": Assessment.Release.IMMEDIATELY,
    "show_answers": Assessment.ShowAnswers.WHEN_CLOSED,
}
FINAL_DEFAULTS = {
    "pass_mark": 70,
    "max_attempts": 2,
    "cooldown_minutes": 60,
    "time_limit_minutes": 90,
    "questions_per_attempt": None,  # the pool less FINAL_LEFT_OUT, unless the file says
    "shuffle_questions": True,
    "shuffle_choices": True,
    "release_policy": Assessment.Release.AFTER_GRADING,
    "show_answers": Assessment.ShowAnswers.WHEN_CLOSED,
}
QUIZ_POINTS, FINAL_POINTS = Decimal("1"), Decimal("2")
FINAL_LEFT_OUT = 2


class _Loader:
    def __init__(self, report: LoadReport):
        self.report = report
        self.problems: list[Problem] = []

    def refuse(self, data: AssessmentData, line: int, message: str) -> None:
        self.problems.append(Problem(data.source, line, message))

    # -- the assessment -----------------------------------------------------------------------------

    def assessment(self, *, course, module, data: AssessmentData) -> Assessment:
        final = module is None
        kind = Assessment.Kind.FINAL_EXAM if final else Assessment.Kind.MODULE_QUIZ
        settings = dict(FINAL_DEFAULTS if final else QUIZ_DEFAULTS)
        settings.update(data.settings)
        if final and "questions_per_attempt" not in data.settings:
            settings["questions_per_attempt"] = max(1, len(data.questions) - FINAL_LEFT_OUT)
        title = (data.title or f"Quiz: {module.title}")[:255]
        if final:
            existing = Assessment.objects.filter(course=course, kind=kind).first()
        else:
            existing = Assessment.objects.filter(module=module).first()
        what = f"final exam of {course.slug}" if final else f"quiz of {course.slug}/{module.slug}"
        if existing is None:
            assessment = Assessment(course=course, module=module, kind=kind, title=title, **settings)
            assessment.full_clean()
            assessment.save()
            changed = True
            self.report.created.append(f"{what} ({data.source})")
        else:
            assessment = existing
            wanted = dict(settings, title=title)
            changed = any(getattr(assessment, k) != v for k, v in wanted.items())
            if changed:
                for key, value in wanted.items():
                    setattr(assessment, key, value)
                assessment.full_clean()
                assessment.save()
        default_points = FINAL_POINTS if final else QUIZ_POINTS
        questions_changed = self.questions(assessment, data, default_points)
        if existing is not None:
            if changed or questions_changed:
                detail = f": {questions_changed} question(s) changed" if questions_changed else ""
                self.report.updated.append(f"{what} ({data.source}){detail}")
            else:
                self.report.unchanged += 1
        return assessment

    # -- questions ----------------------------------------------------------------------------------

    def questions(self, assessment: Assessment, data: AssessmentData, default_points: Decimal) -> int:
        existing = list(assessment.questions.prefetch_related("choices").order_by("sort_order", "pk"))
        answered = set(
            Answer.objects.filter(question__assessment=assessment)
            .values_list("question_id", flat=True)
            .distinct()
        )
        by_key = {q.key: q for q in existing if q.key}
        if not by_key:
            # First load over questions made before files had ids (the old seed, or the admin): a
            # question of the same kind at the same position is the file's question.
            for old, new in zip(existing, data.questions, strict=False):
                if old.kind == new.kind:
                    by_key[new.key] = old
        matched = set()
        changed = 0
        for order, item in enumerate(data.questions):
            question = by_key.get(item.key)
            if question is not None:
                matched.add(question.pk)
            if self.question(assessment, question, item, order, default_points, answered, data):
                changed += 1
        for question in existing:
            if question.pk in matched:
                continue
            if question.pk in answered:
                self.refuse(
                    data,
                    1,
                    f"question '{question.key or question.text[:60]}' is no longer in the file, but trainees "
                    "have answered it, so it is not deleted: put it back (with the same id), or remove it "
                    "in the admin (Assessments) if you are sure",
                )
            else:
                question.delete()
                changed += 1
        return changed

    def question(
        self, assessment, question, item: QuestionData, order, default_points, answered, data
    ) -> bool:
        wanted = {
            "key": item.key,
            "kind": item.kind,
            "text": item.text,
            "points": item.points if item.points is not None else default_points,
            "explanation": item.explanation,
            "sort_order": order,
            "answer_true": item.answer_true if item.kind == Question.Kind.TRUE_FALSE else None,
            "accepted_answers": "\n".join(item.accepted_answers),
            "always_include": item.always_include,
        }
        has_answers = question is not None and question.pk in answered
        if question is None:
            question = Question(assessment=assessment)
            changed = True
        else:
            if has_answers and question.kind != item.kind:
                self.refuse(
                    data,
                    item.line,
                    f"question '{item.key}' has answers as a {question.kind} question: its kind cannot "
                    f"change to {item.kind} (give the new question a new id)",
                )
                return False
            changed = any(getattr(question, k) != v for k, v in wanted.items())
        rubric_changed = False
        if item.kind == Question.Kind.ESSAY:
            rubric, rubric_changed = self.rubric(
                assessment.course, question.rubric if question.pk else None, item, data
            )
            if question.rubric_id != rubric.pk:
                question.rubric, changed = rubric, True
        elif question.rubric_id is not None:
            question.rubric, changed = None, True
        if changed:
            for key, value in wanted.items():
                setattr(question, key, value)
            question.full_clean(exclude=["assessment"])
            question.save()
        choices_changed = self.choices(question, item, has_answers, data)
        return changed or rubric_changed or choices_changed

    def choices(self, question: Question, item: QuestionData, has_answers: bool, data) -> bool:
        existing = list(question.choices.order_by("sort_order", "pk")) if question.pk else []
        wanted = list(item.choices)
        # A choice keeps its row when its text is unchanged (answers store choice ids), else by position.
        pairs: dict[int, Choice] = {}
        free = list(existing)
        for index, (text, _correct) in enumerate(wanted):
            same = next((c for c in free if c.text == text), None)
            if same is not None:
                pairs[index] = same
                free.remove(same)
        for index in range(len(wanted)):
            if index not in pairs and free:
                pairs[index] = free.pop(0)
        changed = False
        for index, (text, correct) in enumerate(wanted):
            choice = pairs.get(index)
            if choice is None:
                Choice(question=question, text=text, is_correct=correct, sort_order=index).save()
                changed = True
            elif (choice.text, choice.is_correct, choice.sort_order) != (text, correct, index):
                choice.text, choice.is_correct, choice.sort_order = text, correct, index
                choice.save()
                changed = True
        for choice in free:
            if has_answers:
                self.refuse(
                    data,
                    item.line,
                    f"question '{item.key}' has answers: its choice '{choice.text[:60]}' cannot be removed",
                )
            else:
                choice.delete()
                changed = True
        return changed

    # -- rubrics ------------------------------------------------------------------------------------

    def rubric(
        self, course: CoursePage, rubric: Rubric | None, item: QuestionData, data
    ) -> tuple[Rubric, bool]:
        spec: RubricData = item.rubric
        changed = False
        if rubric is None or rubric.course_id not in (None, course.pk):
            rubric = Rubric(title=spec.title, description=spec.description, course=course)
            rubric.full_clean()
            rubric.save()
            changed = True
        elif (rubric.title, rubric.description) != (spec.title, spec.description):
            rubric.title, rubric.description = spec.title, spec.description
            rubric.full_clean()
            rubric.save()
            changed = True
        criteria = list(rubric.criteria.prefetch_related("levels").order_by("sort_order", "pk"))
        graded_criteria = set(
            CriterionScore.objects.filter(criterion__rubric=rubric).values_list("criterion_id", flat=True)
        )
        graded_levels = set(
            CriterionScore.objects.filter(criterion__rubric=rubric).values_list("level_id", flat=True)
        )
        for index, spec_criterion in enumerate(spec.criteria):
            criterion = criteria[index] if index < len(criteria) else None
            wanted = {
                "name": spec_criterion.name,
                "description": spec_criterion.description,
                "must_pass": spec_criterion.must_pass,
                # The parser checked it names one of the criterion's levels, by its exact label.
                "minimum_level": spec_criterion.minimum_level,
                "sort_order": index,
            }
            if criterion is None:
                criterion = RubricCriterion(rubric=rubric, **wanted)
                criterion.save()
                changed = True
            elif any(getattr(criterion, k) != v for k, v in wanted.items()):
                for key, value in wanted.items():
                    setattr(criterion, key, value)
                criterion.save()
                changed = True
            levels = list(criterion.levels.order_by("sort_order", "pk")) if criterion.pk else []
            for j, level_spec in enumerate(spec_criterion.levels):
                level = levels[j] if j < len(levels) else None
                wanted_level = {
                    "label": level_spec.label,
                    "points": level_spec.points,
                    "descriptor": level_spec.descriptor,
                    "sort_order": j,
                }
                if level is None:
                    RubricLevel(criterion=criterion, **wanted_level).save()
                    changed = True
                elif any(getattr(level, k) != v for k, v in wanted_level.items()):
                    for key, value in wanted_level.items():
                        setattr(level, key, value)
                    level.save()
                    changed = True
            for level in levels[len(spec_criterion.levels) :]:
                if level.pk in graded_levels:
                    self.refuse(
                        data,
                        item.line,
                        f"rubric level '{level.label}' of '{criterion.name}' has been used in grading: it "
                        "cannot be removed",
                    )
                else:
                    level.delete()
                    changed = True
        for criterion in criteria[len(spec.criteria) :]:
            if criterion.pk in graded_criteria:
                self.refuse(
                    data,
                    item.line,
                    f"rubric criterion '{criterion.name}' has been used in grading: it cannot be removed",
                )
            else:
                criterion.delete()
                changed = True
        return rubric, changed


def load_assessments(curriculum, *, courses: dict[str, CoursePage], report: LoadReport) -> dict[str, list]:
    """Every quiz and final exam in the files, for the courses given (pages already loaded). Returns
    the assessments by course slug (quizzes in module order, then the final exam). Raises
    CurriculumError, after everything has been checked, if the load would lose trainees' work."""
    loader = _Loader(report)
    result: dict[str, list[Assessment]] = {}
    for data in curriculum.courses:
        course = courses.get(data.slug)
        if course is None:
            continue
        modules = {m.slug: m for m in ModulePage.objects.child_of(course)}
        found = []
        for module_data in data.modules:
            module = modules.get(module_data.slug)
            if module is not None and module_data.quiz is not None:
                quiz = loader.assessment(course=course, module=module, data=module_data.quiz)
                load_assessment_translations(
                    quiz,
                    module_data.quiz,
                    module=module_data,
                    what=f"quiz of {course.slug}/{module.slug}",
                    report=report,
                )
                found.append(quiz)
        if data.final_exam is not None:
            exam = loader.assessment(course=course, module=None, data=data.final_exam)
            load_assessment_translations(
                exam, data.final_exam, module=None, what=f"final exam of {course.slug}", report=report
            )
            found.append(exam)
        result[data.slug] = found
    if loader.problems:
        raise CurriculumError(loader.problems)
    return result

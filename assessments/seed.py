"""Demo assessments from the starter curriculum (the files in courses/content/, loaded by
assessments.curriculum): a quiz per module and a final exam (with an essay scenario graded against a
rubric) per course. Demo trainees take them through the same services a browser uses. Idempotent:
assessments are found by module / course and updated in place only where the files changed; a
trainee who already has attempts at an assessment is not given more."""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from courses import selectors as course_selectors
from courses import services as course_services
from courses.curriculum.report import LoadReport
from courses.journal import selectors as journal_selectors
from courses.journal import services as journal_services
from courses.models import CoursePage
from courses.seed import read
from lms import roles

from . import services
from .curriculum import load_assessments
from .demo_essays import ANSWERS, FIRST_TRIES, DemoEssay
from .models import Assessment, Attempt, Question, Rubric

PERMISSIONS = {
    roles.INSTRUCTOR: ["add", "change", "delete", "view"],
    roles.PROGRAM_ADMIN: ["add", "change", "delete", "view"],
}


def _grant_permissions() -> None:
    cts = [ContentType.objects.get_for_model(m) for m in (Assessment, Rubric)]
    for role, actions in PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=role)
        for ct in cts:
            group.permissions.add(
                *Permission.objects.filter(content_type=ct, codename__in=[f"{a}_{ct.model}" for a in actions])
            )


# ---------------------------------------------------------------------------------------------------
# Demo trainees' attempts, through the services


def _correct_answers(attempt: Attempt, essay_text: str) -> list[services.AnswerInput]:
    result = []
    for answer in attempt.answers.select_related("question").prefetch_related("question__choices"):
        q = answer.question
        item = services.AnswerInput(question_id=q.pk)
        if q.kind in (Question.Kind.SINGLE, Question.Kind.MULTIPLE):
            item.choice_ids = [c.pk for c in q.choices.all() if c.is_correct]
        elif q.kind == Question.Kind.TRUE_FALSE:
            item.value = q.answer_true
        elif q.kind == Question.Kind.SHORT_TEXT:
            item.text = q.accepted_answer_list()[0]
        else:
            item.text = essay_text
        result.append(item)
    return result


def _take(*, user, assessment: Assessment, essay_text: str | None = None) -> Attempt | None:
    """Take the assessment with every answer right and `essay_text` for its essays. An exam with an
    essay and no text written for it is not taken: the demo never submits an answer to a scenario it
    was not written for."""
    if Attempt.objects.filter(user=user, assessment=assessment).exists():
        return None
    if essay_text is None and assessment.questions.filter(kind=Question.Kind.ESSAY).exists():
        return None
    attempt = services.attempt_start(user=user, assessment=assessment)
    services.attempt_save_answers(
        attempt=attempt, user=user, answers=_correct_answers(attempt, essay_text)[:1]
    )
    return services.attempt_submit(attempt=attempt, user=user, answers=_correct_answers(attempt, essay_text))


def _grade(*, attempt: Attempt, grader, essay: DemoEssay) -> None:
    """Grade the essays as the demo essay's marks say: on each criterion, the level its text earns."""
    essays = []
    for answer in attempt.answers.filter(kind=Question.Kind.ESSAY).select_related("question__rubric"):
        levels = {}
        for criterion in answer.question.rubric.criteria.prefetch_related("levels"):
            label = essay.levels[criterion.name]
            levels[criterion.pk] = next(lv.pk for lv in criterion.levels.all() if lv.label == label)
        essays.append(
            services.EssayGrade(question_id=answer.question_id, levels=levels, feedback=essay.feedback)
        )
    services.attempt_grade(attempt=attempt, grader=grader, essays=essays)
    services.attempt_release(attempt=attempt, actor=grader)


def _ordered(courses: dict[str, CoursePage], data) -> list[tuple[object, CoursePage]]:
    """Courses in an order that respects prerequisites."""
    pending = [d for d in data if d.slug in courses]
    done: set[str] = set()
    ordered = []
    while pending:
        ready = [d for d in pending if set(d.prerequisites) <= done | {d.slug}] or pending[:1]
        for d in ready:
            ordered.append((d, courses[d.slug]))
            done.add(d.slug)
            pending.remove(d)
    return ordered


DEMO_JOURNAL = (
    "(A demo journal entry, written for the sample data.) I noticed my own nerves reading this. "
    "I want to practise the words out loud with my supervisor before I need them."
)


def _reflect(*, user, module) -> None:
    """A module that requires a reflection is completed by its quiz only once it is written."""
    if module is None or not module.requires_reflection:
        return
    for block_id in journal_selectors.missing_reflections(user=user, module=module):
        journal_services.entry_write(user=user, module=module, block_id=block_id, text=DEMO_JOURNAL)


def _work_through(
    *, user, course: CoursePage, quizzes: list[Assessment], exam: Assessment | None, essay_text
):
    if course_selectors.missing_prerequisites(user=user, course=course):
        return None
    if course_selectors.enrollment_for(user=user, course=course) is None:
        course_services.enrollment_create(user=user, course=course)
    for quiz in quizzes:
        _reflect(user=user, module=quiz.module)
        _take(user=user, assessment=quiz)
    if exam is not None:
        return _take(user=user, assessment=exam, essay_text=essay_text)
    return None


@transaction.atomic
def seed_assessments(
    *,
    courses: dict[str, CoursePage],
    users,
    curriculum=None,
    answers: dict[str, DemoEssay] | None = None,
    first_tries: dict[str, str] | None = None,
) -> dict[str, list[Assessment]]:
    """Create the quizzes and final exams; leave `trainee_eligible` with every course passed (final
    exams answered with each course's own demo essay, graded by the demo instructor as the essay's marks
    say, and released) and `trainee_recovery` with the first course's modules passed and its final exam
    waiting in the instructor's queue. `answers` / `first_tries` (by course slug) default to
    assessments.demo_essays. Returns assessments by course slug."""
    answers = ANSWERS if answers is None else answers
    first_tries = FIRST_TRIES if first_tries is None else first_tries
    curriculum = read(curriculum)
    data = curriculum.courses
    result = load_assessments(curriculum, courses=courses, report=LoadReport())
    quizzes_by_course = {slug: [a for a in found if a.module_id] for slug, found in result.items()}
    exams = {slug: next((a for a in found if not a.module_id), None) for slug, found in result.items()}
    _grant_permissions()

    instructor = users.get("instructor")
    eligible = users.get("trainee_eligible")
    recovery = users.get("trainee_recovery")
    ordered = _ordered(courses, data)
    if eligible is not None and instructor is not None:
        for course_data, course in ordered:
            slug = course_data.slug
            essay = answers.get(slug)
            attempt = _work_through(
                user=eligible,
                course=course,
                quizzes=quizzes_by_course.get(slug, []),
                exam=exams.get(slug),
                essay_text=essay.text if essay else None,
            )
            if attempt is not None and attempt.status == Attempt.Status.AWAITING_GRADING:
                if instructor in course.instructors.all():
                    _grade(attempt=attempt, grader=instructor, essay=essay)
    if recovery is not None and ordered:
        course_data, course = ordered[0]
        slug = course_data.slug
        _work_through(
            user=recovery,
            course=course,
            quizzes=quizzes_by_course.get(slug, []),
            exam=exams.get(slug),
            essay_text=first_tries.get(slug),
        )
    return result

"""Contract reads for other apps, authoring checks, and object look-ups that answer None both for
"does not exist" and "not yours"."""

from collections import defaultdict
from datetime import datetime

from django.db.models import Count, Exists, IntegerField, Min, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from courses.models import CoursePage
from lms import roles

from .. import rules
from ..models import Assessment, Attempt, Choice, Question, Rubric, RubricCriterion, RubricLevel
from .common import FINAL_NONE, FINAL_NOT_PASSED, FINAL_PASSED

# ---------------------------------------------------------------------------------------------------
# Contract reads


def final_exam_status(*, user, course) -> str:
    """ "none" when the course has no final exam, "passed" when the user has a released passing
    attempt at it, "not_passed" otherwise."""
    exam = Assessment.objects.filter(course=course, kind=Assessment.Kind.FINAL_EXAM).only("pk").first()
    if exam is None:
        return FINAL_NONE
    if getattr(user, "is_authenticated", False) and (
        Attempt.objects.released().filter(assessment=exam, user=user, passed=True).exists()
    ):
        return FINAL_PASSED
    return FINAL_NOT_PASSED


def passed_final_exam_course_ids_for_users(*, user_ids) -> dict[int, set[int]]:
    """{user_id: {course_id, ...}} of courses whose final exam each user has passed (released). One
    query however many users."""
    result: dict[int, set[int]] = defaultdict(set)
    rows = (
        Attempt.objects.released()
        .filter(user_id__in=list(user_ids), passed=True, assessment__kind=Assessment.Kind.FINAL_EXAM)
        .values_list("user_id", "assessment__course_id")
        .distinct()
    )
    for user_id, course_id in rows:
        result[user_id].add(course_id)
    return result


def final_exams_passed_at_for_users(*, user_ids) -> dict[int, dict[int, datetime]]:
    """{user_id: {course_id: when the first passing result was released}} for final exams. One query
    however many users; the eligibility engine turns the moments into each trainee's own dates."""
    result: dict[int, dict[int, datetime]] = defaultdict(dict)
    rows = (
        Attempt.objects.released()
        .filter(user_id__in=list(user_ids), passed=True, assessment__kind=Assessment.Kind.FINAL_EXAM)
        .values("user_id", "assessment__course_id")
        .annotate(first=Min("released_at"))
        .order_by()
    )
    for row in rows:
        if row["first"] is not None:
            result[row["user_id"]][row["assessment__course_id"]] = row["first"]
    return result


# ---------------------------------------------------------------------------------------------------
# Authoring checks


def assessment_problems(*, assessment: Assessment, questions=None) -> list[str]:
    """What stops an assessment being taken (empty list = ready). Works on unsaved, in-memory data too
    (the admin preview passes the questions being edited)."""
    if questions is None:
        questions = list(
            Question.objects.filter(assessment=assessment)
            .select_related("rubric")
            .prefetch_related("choices", "rubric__criteria__levels")
        )
    problems = []
    if not questions:
        problems.append(_("Add at least one question."))
    for number, q in enumerate(questions, start=1):
        choices = list(q.choices.all())
        correct = [c for c in choices if c.is_correct]
        if q.kind == Question.Kind.SINGLE and (len(choices) < 2 or len(correct) != 1):
            problems.append(
                _("Question %(n)s needs two or more choices, exactly one correct.") % {"n": number}
            )
        elif q.kind == Question.Kind.MULTIPLE and (len(choices) < 2 or not correct):
            problems.append(
                _("Question %(n)s needs two or more choices, at least one correct.") % {"n": number}
            )
        elif q.kind == Question.Kind.TRUE_FALSE and q.answer_true is None:
            problems.append(_("Question %(n)s needs its correct answer (true or false).") % {"n": number})
        elif q.kind == Question.Kind.SHORT_TEXT and not q.accepted_answer_list():
            problems.append(_("Question %(n)s needs at least one accepted answer.") % {"n": number})
        elif q.kind == Question.Kind.ESSAY:
            criteria = list(q.rubric.criteria.all()) if q.rubric_id else []
            if not criteria or any(not list(c.levels.all()) for c in criteria):
                problems.append(_("Question %(n)s (essay) needs a rubric with levels.") % {"n": number})
            elif any(c.must_pass and c.minimum() is None for c in criteria):
                problems.append(
                    _(
                        "Question %(n)s (essay): a must-pass criterion of its rubric names a minimum level it "
                        "does not have."
                    )
                    % {"n": number}
                )
    wanted = assessment.questions_per_attempt
    if wanted and questions:
        if wanted > len(questions):
            problems.append(
                _("Only %(m)s questions in the pool; cannot draw %(n)s.") % {"m": len(questions), "n": wanted}
            )
        pinned = rules.pins_problem(drawn=wanted, pinned=sum(1 for q in questions if q.always_include))
        if pinned:
            problems.append(pinned)
    return problems


def _count(queryset):
    return Coalesce(
        Subquery(queryset.order_by().values("question").annotate(n=Count("pk")).values("n")[:1]),
        0,
        output_field=IntegerField(),
    )


def assessment_is_ready(*, assessment: Assessment) -> bool:
    """``not assessment_problems(assessment=...)`` in one query: each question with its choice counts
    and whether its rubric is complete, judged by the same rules without loading choices or rubrics
    (pages show a card per assessment; the full list of problems is for authors)."""
    choices = Choice.objects.filter(question=OuterRef("pk"))
    criteria = RubricCriterion.objects.filter(rubric_id=OuterRef("rubric_id"))
    rows = list(
        Question.objects.filter(assessment=assessment)
        .annotate(
            n_choices=_count(choices),
            n_correct=_count(choices.filter(is_correct=True)),
            has_criteria=Exists(criteria),
            criterion_without_levels=Exists(
                criteria.filter(~Exists(RubricLevel.objects.filter(criterion_id=OuterRef("pk"))))
            ),
            # Saved through the form or the authoring service, a minimum is one level's exact label.
            must_pass_level_missing=Exists(
                criteria.filter(must_pass=True).filter(
                    ~Exists(
                        RubricLevel.objects.filter(
                            criterion_id=OuterRef("pk"), label=OuterRef("minimum_level")
                        )
                    )
                )
            ),
        )
        .values(
            "kind",
            "answer_true",
            "accepted_answers",
            "always_include",
            "rubric_id",
            "n_choices",
            "n_correct",
            "has_criteria",
            "criterion_without_levels",
            "must_pass_level_missing",
        )
    )
    if not rows:
        return False
    for q in rows:
        kind = q["kind"]
        if kind == Question.Kind.SINGLE and (q["n_choices"] < 2 or q["n_correct"] != 1):
            return False
        if kind == Question.Kind.MULTIPLE and (q["n_choices"] < 2 or not q["n_correct"]):
            return False
        if kind == Question.Kind.TRUE_FALSE and q["answer_true"] is None:
            return False
        if kind == Question.Kind.SHORT_TEXT and not (q["accepted_answers"] or "").strip():
            return False
        if kind == Question.Kind.ESSAY and (
            not q["rubric_id"]
            or not q["has_criteria"]
            or q["criterion_without_levels"]
            or q["must_pass_level_missing"]
        ):
            return False
    wanted = assessment.questions_per_attempt
    if wanted and (wanted > len(rows) or sum(1 for q in rows if q["always_include"]) > wanted):
        return False
    return True


def is_course_instructor(*, user, course_id) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    return CoursePage.objects.filter(pk=course_id, instructors=user).exists()


def can_view_gradebook(*, user, course_id) -> bool:
    return roles.is_program_admin(user) or is_course_instructor(user=user, course_id=course_id)


# Object look-ups for pages and the API: None both when the id does not exist and when the user may not
# see it, so the answer (404) is the same and ids reveal nothing.


def gradebook_course_for(*, user, course_id) -> CoursePage | None:
    course = CoursePage.objects.filter(pk=course_id).first()
    if course is None or not can_view_gradebook(user=user, course_id=course.pk):
        return None
    return course


def can_author(*, user, obj: Assessment | Rubric) -> bool:
    """Who may change an assessment or a rubric, the Wagtail admin's rule (assessments.wagtail_hooks) for
    the API and the authoring services: the model's change permission, and for an instructor a course
    they teach (a shared rubric, without a course, is program administrators' only)."""
    if not getattr(user, "is_authenticated", False):
        return False
    if not user.has_perm(f"assessments.change_{obj._meta.model_name}"):
        return False
    if roles.is_program_admin(user):
        return True
    return obj.course_id is not None and is_course_instructor(user=user, course_id=obj.course_id)


def assessment_for_author(*, user, assessment_id) -> Assessment | None:
    """An assessment the user may see as an author: any for program administrators, their courses'
    for instructors (None otherwise, as for a missing id)."""
    if not getattr(user, "is_authenticated", False):
        return None
    qs = Assessment.objects.select_related("course").filter(pk=assessment_id)
    return qs.first() if roles.is_program_admin(user) else qs.filter(course__instructors=user).first()


def criterion_for_author(*, user, rubric_id, criterion_id) -> RubricCriterion | None:
    """A criterion of a rubric the user may see as an author (program administrators: any; instructors:
    their courses' rubrics, never shared ones), None otherwise, as for a missing id."""
    if not getattr(user, "is_authenticated", False):
        return None
    qs = RubricCriterion.objects.select_related("rubric").filter(pk=criterion_id, rubric_id=rubric_id)
    if not roles.is_program_admin(user):
        qs = qs.filter(rubric__course__instructors=user)
    return qs.first()


def assessment_for_instructor(*, user, assessment_id) -> Assessment | None:
    """An assessment of a course the user teaches."""
    if not getattr(user, "is_authenticated", False):
        return None
    return (
        Assessment.objects.select_related("course", "module")
        .filter(pk=assessment_id, course__instructors=user)
        .first()
    )

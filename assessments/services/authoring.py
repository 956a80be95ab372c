"""Authoring writes for safer exams, outside the Wagtail admin: which questions of an assessment are
pinned, and whether a rubric criterion is must-pass and with what minimum level. Used by the API and by
anything that configures assessments as data (the curriculum loader), with the same rules as the admin
forms (assessments.rules). Attempts already started or graded keep their paper and their result: the
draw is fixed when an attempt starts, and criterion scores keep the minimum they were graded against."""

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from lms.audit import audit_record
from lms.errors import Forbidden, Invalid

from .. import rules
from ..models import Assessment, Question, RubricCriterion
from ..selectors import can_author

ERR_NOT_AUTHOR = gettext_noop("You may not edit this assessment or rubric.")
ERR_PIN_UNKNOWN = gettext_noop("Question {id} is not in this assessment's pool.")


def _require_author(*, actor, obj) -> None:
    # actor=None is the system (a management command loading content), not a person.
    if actor is not None and not can_author(user=actor, obj=obj):
        raise Forbidden(_(ERR_NOT_AUTHOR), code="not_author")


@transaction.atomic
def assessment_pins_set(*, actor, assessment: Assessment, question_ids: list[int]) -> list[int]:
    """Pin exactly `question_ids` (every other question of the pool is unpinned). Refused, changing
    nothing, when an id is not in the pool or when more are pinned than an attempt draws. Returns the
    pinned ids, in pool order."""
    _require_author(actor=actor, obj=assessment)
    locked = Assessment.objects.select_for_update().get(pk=assessment.pk)
    pool = list(
        Question.objects.filter(assessment=locked).order_by("sort_order", "pk").values_list("pk", flat=True)
    )
    wanted = list(dict.fromkeys(question_ids))
    for qid in wanted:
        if qid not in pool:
            raise Invalid(_(ERR_PIN_UNKNOWN).format(id=qid), code="unknown_question", field="question_ids")
    problem = rules.pins_problem(drawn=locked.questions_per_attempt, pinned=len(wanted))
    if problem:
        raise Invalid(problem, code="too_many_pinned", field="question_ids")
    Question.objects.filter(assessment=locked, pk__in=wanted).update(always_include=True)
    Question.objects.filter(assessment=locked).exclude(pk__in=wanted).update(always_include=False)
    pinned = [qid for qid in pool if qid in wanted]
    audit_record(actor=actor, action="assessment.pins_set", target=locked, details={"pinned": pinned})
    return pinned


@transaction.atomic
def criterion_must_pass_set(
    *, actor, criterion: RubricCriterion, must_pass: bool, minimum_level: str = ""
) -> RubricCriterion:
    """Make a rubric criterion must-pass with a minimum level (the label of one of its levels, matched
    ignoring case and spacing, stored as the level's own label), or not must-pass (`must_pass=False`,
    no minimum). Refused, changing nothing, with the rule's message (assessments.rules)."""
    _require_author(actor=actor, obj=criterion.rubric)
    locked = RubricCriterion.objects.select_for_update().get(pk=criterion.pk)
    levels = [(lv.label, lv.points) for lv in locked.levels.all()]
    problem = rules.minimum_level_problem(must_pass=must_pass, minimum_level=minimum_level, levels=levels)
    if problem:
        raise Invalid(problem, code="bad_minimum_level", field="minimum_level")
    match = rules.minimum_level_match(minimum_level=minimum_level, levels=levels) if must_pass else None
    locked.must_pass = bool(must_pass)
    locked.minimum_level = match[0] if match else ""
    locked.full_clean(exclude=["rubric"])
    locked.save(update_fields=["must_pass", "minimum_level"])
    audit_record(
        actor=actor,
        action="assessment.criterion_must_pass_set",
        target=locked.rubric,
        details={
            "criterion": locked.pk,
            "must_pass": locked.must_pass,
            "minimum_level": locked.minimum_level,
        },
    )
    return locked

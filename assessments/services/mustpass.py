"""Must-pass rubric criteria at grading time: each criterion score keeps the criterion's minimum level
as it was when graded (so a later rubric edit never changes why an attempt passed or failed), and an
attempt with any score below its minimum fails whatever the total (assessments.rules)."""

from django.db.models import F
from django.utils.translation import gettext as _

from lms.errors import Conflict

from ..models import Answer, CriterionScore, Question, RubricCriterion
from .common import ERR_MUST_PASS_LEVEL_MISSING


def must_pass_minimum(criterion: RubricCriterion) -> tuple[str, object] | None:
    """(label, points) of a must-pass criterion's minimum level, None when it is not must-pass. A
    must-pass criterion whose minimum names none of its levels (a level renamed outside the rubric form)
    refuses the grading rather than dropping the rule: 409, the rubric must be fixed first."""
    if not criterion.must_pass:
        return None
    minimum = criterion.minimum()
    if minimum is None:
        raise Conflict(
            _(ERR_MUST_PASS_LEVEL_MISSING).format(criterion=criterion.name), code="must_pass_level_missing"
        )
    return minimum


def must_pass_failed(*, answers: list[Answer]) -> bool:
    """Whether any essay among `answers` was graded below a must-pass criterion's minimum. No query for
    an attempt without essays."""
    essay_ids = [a.pk for a in answers if a.kind == Question.Kind.ESSAY]
    if not essay_ids:
        return False
    return CriterionScore.objects.filter(
        answer_id__in=essay_ids, minimum_points__isnull=False, points__lt=F("minimum_points")
    ).exists()

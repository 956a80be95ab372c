"""Authoring API for safer exams (mounted under the assessments router at /api/v1/): which questions of
an assessment are pinned, and whether a rubric criterion is must-pass with what minimum level. The same
services and rules as the Wagtail admin (assessments.rules): a bad request is a 422 that changes nothing.

Who: the course's instructors and program administrators, with the model's change permission (as in
the admin). The role is checked first (a trainee or supervisor gets 403 whatever the id); an
assessment or rubric the instructor may not author answers like a missing one (404)."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from ninja import Router
from ninja.security import django_auth

from lms import roles
from lms.converters import Id
from lms.errors import Forbidden, NotFound, errors

from . import selectors, services
from .models import Question, RubricCriterion
from .schemas import CriterionMustPassOut, MustPassIn, PinsIn, PinsOut

router = Router(tags=["assessments: authoring"], auth=django_auth)

ERR_NOT_AUTHOR_ROLE = gettext_noop("Only instructors and program administrators author assessments.")
ERR_ASSESSMENT_NOT_FOUND = gettext_noop("Assessment not found.")
ERR_CRITERION_NOT_FOUND = gettext_noop("Rubric criterion not found.")


def _require_author_role(request) -> None:
    if not (roles.is_instructor(request.user) or roles.is_program_admin(request.user)):
        raise Forbidden(_(ERR_NOT_AUTHOR_ROLE), code="not_author")


def _criterion_payload(criterion: RubricCriterion) -> dict:
    return {
        "id": criterion.pk,
        "rubric_id": criterion.rubric_id,
        "name": criterion.name,
        "must_pass": criterion.must_pass,
        "minimum_level": criterion.minimum_level,
        "levels": [
            {"id": lv.pk, "label": lv.label, "points": lv.points, "descriptor": lv.descriptor}
            for lv in criterion.levels.all()
        ],
    }


@router.put(
    "/assessments/{id:assessment_id}/pinned-questions",
    response={200: PinsOut, **errors(403)},
    summary="Pin questions (always drawn); the others are drawn at random",
)
def assessment_pins(request, assessment_id: Id, payload: PinsIn):
    _require_author_role(request)
    assessment = selectors.assessment_for_author(user=request.user, assessment_id=assessment_id)
    if assessment is None:
        raise NotFound(_(ERR_ASSESSMENT_NOT_FOUND))
    pinned = services.assessment_pins_set(
        actor=request.user, assessment=assessment, question_ids=payload.question_ids
    )
    return {
        "assessment_id": assessment.pk,
        "questions_per_attempt": assessment.questions_per_attempt,
        "pool_size": Question.objects.filter(assessment=assessment).count(),
        "pinned_question_ids": pinned,
    }


@router.put(
    "/rubrics/{id:rubric_id}/criteria/{id:criterion_id}/must-pass",
    response={200: CriterionMustPassOut, **errors(403)},
    summary="Make a rubric criterion must-pass (with its minimum level), or not",
)
def criterion_must_pass(request, rubric_id: Id, criterion_id: Id, payload: MustPassIn):
    _require_author_role(request)
    criterion = selectors.criterion_for_author(
        user=request.user, rubric_id=rubric_id, criterion_id=criterion_id
    )
    if criterion is None:
        raise NotFound(_(ERR_CRITERION_NOT_FOUND))
    criterion = services.criterion_must_pass_set(
        actor=request.user,
        criterion=criterion,
        must_pass=payload.must_pass,
        minimum_level=payload.minimum_level,
    )
    return _criterion_payload(criterion)

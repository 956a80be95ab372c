"""Template helpers for the calls to action that course and module pages include. Reads only."""

from django import template

from .. import selectors

register = template.Library()


@register.simple_tag
def assessment_state(assessment, user, facts=None):
    """The user's standing on an assessment (see selectors.AssessmentState); None without one. `facts`:
    what the including page already knows about the viewer ({"assessment_id" or "final_exam_of",
    "enrolled", "unlocked"}), used when it is about this assessment."""
    if not assessment:
        return None
    if facts and (
        facts.get("assessment_id") == assessment.pk
        or (facts.get("final_exam_of") == assessment.course_id and assessment.kind == "final_exam")
    ):
        return selectors.assessment_state(
            user=user, assessment=assessment, enrolled=facts["enrolled"], unlocked=facts["unlocked"]
        )
    return selectors.assessment_state(user=user, assessment=assessment)


@register.simple_tag
def assessment_text(assessment):
    """The assessment's title and instructions in the reader's language (selectors.assessment_text)."""
    return selectors.assessment_text(assessment=assessment) if assessment else None


@register.simple_tag
def final_exam(course):
    if not course:
        return None
    return selectors.final_exam_for(course=course)


@register.filter
def percent(value):
    """80.00 -> "80", 66.67 -> "66.67"."""
    if value is None or value == "":
        return ""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return f"{text}%"


@register.filter
def is_selected_level(post, key):
    return bool(post) and post.get(key, "")

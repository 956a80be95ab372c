"""Reads about assessments and attempts. Contract functions used by other apps:
`final_exam_status` (courses.services) and `passed_final_exam_course_ids_for_users` (certificates)."""

from collections import defaultdict

from .models import Assessment, Attempt

FINAL_NONE = "none"
FINAL_PASSED = "passed"
FINAL_NOT_PASSED = "not_passed"


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

"""Statuses the reads share."""

from ..models import Attempt

FINAL_NONE = "none"
FINAL_PASSED = "passed"
FINAL_NOT_PASSED = "not_passed"

FINISHED = [Attempt.Status.GRADED, Attempt.Status.RELEASED]
MARKING = [Attempt.Status.AWAITING_GRADING, Attempt.Status.AWAITING_SECOND_MARKER]

"""Reads about assessments and attempts (`access`: contracts, checks, look-ups; `standing`: a trainee's
standing and attempt views; `gradebook`: the grading queue and gradebook).

Contract functions used by other apps: `final_exam_status` (courses.services) and
`final_exams_passed_at_for_users` (certificates' eligibility engine).

Nothing here returns correct answers or explanations for a trainee before the rules allow it: the
trainee-facing views are built by `attempt_view`, which only fills those fields when `reveal_answers`."""

from .access import (
    assessment_for_instructor,
    assessment_is_ready,
    assessment_problems,
    can_view_gradebook,
    final_exam_status,
    final_exams_passed_at_for_users,
    gradebook_course_for,
    is_course_instructor,
    passed_final_exam_course_ids_for_users,
)
from .common import (
    FINAL_NONE,
    FINAL_NOT_PASSED,
    FINAL_PASSED,
    FINISHED,
    MARKING,
)
from .gradebook import (
    QUEUE_LIMIT,
    STATUS_LABELS,
    Cell,
    GradebookRow,
    GradingQueue,
    courses_for_gradebook,
    gradebook_assessments,
    gradebook_csv_rows,
    gradebook_page,
    gradebook_rows,
    gradebook_trainees,
    grading_queue,
)
from .standing import (
    AssessmentState,
    AttemptView,
    ChoiceView,
    CriterionView,
    QuestionView,
    answers_revealed,
    assessment_for_viewer,
    assessment_state,
    attempt_for_owner,
    attempt_for_staff,
    attempt_view,
    can_view_assessment,
    final_exam_for,
    preview_questions,
)

__all__ = [
    "FINAL_NONE",
    "FINAL_PASSED",
    "FINAL_NOT_PASSED",
    "FINISHED",
    "MARKING",
    "final_exam_status",
    "passed_final_exam_course_ids_for_users",
    "final_exams_passed_at_for_users",
    "assessment_is_ready",
    "assessment_problems",
    "is_course_instructor",
    "can_view_gradebook",
    "gradebook_course_for",
    "assessment_for_instructor",
    "AssessmentState",
    "ChoiceView",
    "CriterionView",
    "QuestionView",
    "AttemptView",
    "assessment_state",
    "final_exam_for",
    "assessment_for_viewer",
    "can_view_assessment",
    "attempt_for_owner",
    "attempt_for_staff",
    "answers_revealed",
    "attempt_view",
    "preview_questions",
    "QUEUE_LIMIT",
    "STATUS_LABELS",
    "GradingQueue",
    "Cell",
    "GradebookRow",
    "grading_queue",
    "courses_for_gradebook",
    "gradebook_assessments",
    "gradebook_page",
    "gradebook_rows",
    "gradebook_trainees",
    "gradebook_csv_rows",
]

"""API schemas for assessments. Every field is listed explicitly: trainee-facing outputs never carry
the answer key unless the rules allow it (see selectors.attempt_view)."""

from datetime import datetime
from decimal import Decimal

from ninja import Field, Schema

from lms.converters import Id

# ---------------------------------------------------------------------------------------------------
# Trainee


class AssessmentOut(Schema):
    id: int
    title: str
    kind: str
    course_id: int
    module_id: int | None
    instructions: str
    pass_mark: int
    max_attempts: int
    cooldown_minutes: int
    time_limit_minutes: int | None
    questions_per_attempt: int | None
    release_policy: str
    release_at: datetime | None
    status: str = Field(
        description="available, in_progress, pending, passed, cooldown, no_attempts_left, locked, "
        "not_enrolled or not_ready"
    )
    attempts_used: int
    attempts_left: int
    best_percent: Decimal | None
    passed: bool
    cooldown_until: datetime | None
    open_attempt_id: int | None
    pending_attempt_id: int | None


class ChoiceOut(Schema):
    id: int
    text: str


class QuestionOut(Schema):
    question_id: int
    number: int
    kind: str = Field(description="single, multiple, true_false, short_text or essay")
    text: str
    max_points: Decimal
    choices: list[ChoiceOut]


class SavedAnswerOut(Schema):
    question_id: int
    choice_ids: list[int]
    value: bool | None
    text: str


class AttemptOut(Schema):
    id: int
    assessment_id: int
    number: int
    status: str
    started_at: datetime
    deadline: datetime | None
    seconds_left: int | None
    submitted_at: datetime | None
    questions: list[QuestionOut]
    answers: list[SavedAnswerOut]


class AnswerIn(Schema):
    question_id: Id
    choice_ids: list[Id] | None = Field(None, max_length=50, description="single and multiple choice")
    value: bool | None = Field(None, description="true / false")
    text: str | None = Field(None, max_length=20000, description="short text and essay")


class AnswersIn(Schema):
    answers: list[AnswerIn] = Field(..., max_length=500)


class SubmitIn(Schema):
    answers: list[AnswerIn] = Field(default_factory=list, max_length=500)


class SavedOut(Schema):
    attempt_id: int
    saved: int
    saved_at: datetime
    seconds_left: int | None


class CriterionScoreOut(Schema):
    name: str
    level: str
    points: Decimal
    max_points: Decimal
    feedback: str
    minimum_level: str = Field(description="Must-pass criteria: the level it must reach; empty otherwise.")
    met: bool = Field(description="False when graded below a must-pass criterion's minimum level.")


class MustPassFailureOut(Schema):
    number: int = Field(description="The question's number in the attempt.")
    criterion: str
    minimum_level: str
    level: str


class ResultQuestionOut(Schema):
    question_id: int | None
    number: int
    kind: str
    text: str
    max_points: Decimal
    points_awarded: Decimal | None
    feedback: str
    criteria: list[CriterionScoreOut]
    # The answer key: null until answers may be shown.
    correct_choice_ids: list[int] | None
    answer_true: bool | None
    accepted_answers: list[str] | None
    explanation: str | None


class ResultOut(Schema):
    attempt_id: int
    assessment_id: int
    number: int
    status: str
    released: bool
    submitted_at: datetime | None
    released_at: datetime | None
    score: Decimal | None
    max_score: Decimal | None
    percent: Decimal | None
    pass_mark: int
    passed: bool | None
    feedback: str
    answers_revealed: bool
    must_pass_failures: list[MustPassFailureOut] = Field(
        description="Why the attempt failed whatever its total: must-pass criteria graded below their "
        "minimum (empty until released)."
    )
    questions: list[ResultQuestionOut]


# ---------------------------------------------------------------------------------------------------
# Instructor


class QueueItemOut(Schema):
    attempt_id: int
    assessment_id: int
    assessment_title: str
    course_id: int
    course_title: str
    trainee_name: str
    number: int
    status: str
    submitted_at: datetime | None
    first_marker: str | None
    flag_reason: str


class QueueOut(Schema):
    to_grade: list[QueueItemOut]
    second_marking: list[QueueItemOut]
    flagged_by_me: list[QueueItemOut]
    to_release: list[QueueItemOut]


class LevelOut(Schema):
    id: int
    label: str
    points: Decimal
    descriptor: str


class RubricCriterionOut(Schema):
    id: int
    name: str
    description: str
    max_points: Decimal
    must_pass: bool
    minimum_level: str
    levels: list[LevelOut]


class GradingQuestionOut(Schema):
    question_id: int | None
    number: int
    kind: str
    text: str
    max_points: Decimal
    choices: list[ChoiceOut]
    selected_choice_ids: list[int]
    value: bool | None
    text_answer: str
    points_awarded: Decimal | None
    feedback: str
    criteria_scores: list[CriterionScoreOut]
    rubric: list[RubricCriterionOut] | None


class GradingAttemptOut(Schema):
    attempt_id: int
    assessment_id: int
    assessment_title: str
    course_id: int
    trainee_name: str
    number: int
    status: str
    submitted_at: datetime | None
    score: Decimal | None
    max_score: Decimal
    percent: Decimal | None
    passed: bool | None
    feedback: str
    first_marker: str | None
    second_marker: str | None
    flag_reason: str
    must_pass_failures: list[MustPassFailureOut]
    questions: list[GradingQuestionOut]


class CriterionGradeIn(Schema):
    criterion_id: Id
    level_id: Id
    feedback: str = Field("", max_length=5000)


class EssayGradeIn(Schema):
    question_id: Id
    criteria: list[CriterionGradeIn] = Field(..., max_length=50)
    feedback: str = Field("", max_length=10000)


class GradeIn(Schema):
    essays: list[EssayGradeIn] = Field(..., max_length=50)
    feedback: str = Field("", max_length=10000)
    flag_for_second_marker: bool = False
    flag_reason: str = Field("", max_length=2000)


class RegradeIn(Schema):
    reason: str = Field(..., max_length=2000)
    essays: list[EssayGradeIn] | None = Field(None, max_length=50)
    feedback: str | None = Field(None, max_length=10000)


class GradeResultOut(Schema):
    attempt_id: int
    status: str
    score: Decimal | None
    max_score: Decimal
    percent: Decimal | None
    passed: bool | None
    must_pass_failed: bool


class GradebookAssessmentOut(Schema):
    id: int
    title: str
    kind: str


class GradebookCellOut(Schema):
    assessment_id: int
    attempts_used: int
    best_percent: Decimal | None
    status: str = Field(
        description="not_started, in_progress, awaiting_grading, graded, passed, not_passed or "
        "not_passed_must_pass (a must-pass rubric criterion was not met)"
    )


class GradebookRowOut(Schema):
    user_id: int
    name: str
    email: str
    enrollment_status: str
    cells: list[GradebookCellOut]


class GradebookOut(Schema):
    course_id: int
    assessments: list[GradebookAssessmentOut]
    count: int
    page: int
    pages: int
    rows: list[GradebookRowOut]


# ---------------------------------------------------------------------------------------------------
# Authoring (instructors of the course, program administrators)


class PinsIn(Schema):
    question_ids: list[Id] = Field(
        ..., max_length=500, description="Every question to pin (always drawn); the others are unpinned."
    )


class PinsOut(Schema):
    assessment_id: int
    questions_per_attempt: int | None
    pool_size: int
    pinned_question_ids: list[int]


class MustPassIn(Schema):
    must_pass: bool
    minimum_level: str = Field(
        "",
        max_length=100,
        description="Must-pass: the label of one of the criterion's levels (not its lowest).",
    )


class CriterionMustPassOut(Schema):
    id: int
    rubric_id: int
    name: str
    must_pass: bool
    minimum_level: str
    levels: list[LevelOut]

"""What the attempt and grading services share: limits, error messages (constants, so tests can
assert them) and the inputs clients send."""

from dataclasses import dataclass, field
from datetime import timedelta

from django.utils.translation import gettext_noop

# Network and clock slack allowed after a time limit before a submit is refused.
SUBMIT_GRACE = timedelta(seconds=30)
MAX_SHORT_TEXT = 500
MAX_ESSAY_TEXT = 20000

ERR_NOT_FOUND = gettext_noop("Attempt not found.")
ERR_NOT_READY = gettext_noop("This assessment is not ready yet.")
ERR_NOT_ENROLLED = gettext_noop("Enrol in the course first.")
ERR_MODULE_LOCKED = gettext_noop("Finish the earlier modules of this course first.")
ERR_FINAL_LOCKED = gettext_noop("Complete every module of the course before the final exam.")
ERR_ALREADY_PASSED = gettext_noop("You have already passed this assessment.")
ERR_RESULT_PENDING = gettext_noop("Your last attempt is waiting for its result.")
ERR_NO_ATTEMPTS_LEFT = gettext_noop("You have used all {count} attempts allowed.")
ERR_COOLDOWN = gettext_noop("You can try again after {time}.")
ERR_ATTEMPT_CLOSED = gettext_noop("This attempt has already been submitted.")
ERR_TIME_UP = gettext_noop(
    "The time limit for this attempt has passed, so answers can no longer be changed or submitted."
)
ERR_NOT_EXPIRED = gettext_noop("This attempt still has time left; submit it instead.")
ERR_UNKNOWN_QUESTION = gettext_noop("Question {id} is not part of this attempt.")
ERR_DUPLICATE_QUESTION = gettext_noop("Question {id} is answered twice.")
ERR_BAD_CHOICE = gettext_noop("That is not one of the choices for question {id}.")
ERR_ONE_CHOICE = gettext_noop("Choose only one answer for question {id}.")
ERR_WRONG_ANSWER_TYPE = gettext_noop("Question {id} takes a different kind of answer.")
ERR_TOO_LONG = gettext_noop("The answer to question {id} is too long (at most {limit} characters).")
ERR_NOT_INSTRUCTOR = gettext_noop("You do not teach this course.")
ERR_NOT_AWAITING = gettext_noop("This attempt is not waiting for grading.")
ERR_SAME_MARKER = gettext_noop("A different instructor of the course must do the second marking.")
ERR_RUBRIC_INCOMPLETE = gettext_noop("Choose a level for every rubric criterion of question {id}.")
ERR_BAD_LEVEL = gettext_noop("That level does not belong to this criterion.")
ERR_ESSAYS_MISSING = gettext_noop("Grade every essay in the attempt.")
ERR_UNKNOWN_ESSAY = gettext_noop("Question {id} is not an essay in this attempt.")
ERR_FLAG_REASON = gettext_noop("Say why a second marker is needed.")
ERR_REGRADE_REASON = gettext_noop("Give a reason for the regrade.")
ERR_NOT_GRADED = gettext_noop("Only graded attempts can be released or regraded.")
ERR_ALREADY_RELEASED = gettext_noop("This result has already been released.")
ERR_MUST_PASS_LEVEL_MISSING = gettext_noop(
    "The rubric's must-pass criterion “{criterion}” names a minimum level it does not have: fix the "
    "rubric before grading."
)
ERR_OWN_ATTEMPT = gettext_noop(
    "You cannot grade, regrade or release your own attempt: another instructor of the course must."
)


@dataclass
class AnswerInput:
    """One answer as a client sends it. Only the field matching the question's type may be set."""

    question_id: int
    choice_ids: list[int] | None = None
    value: bool | None = None
    text: str | None = None


@dataclass
class EssayGrade:
    """A marker's scoring of one essay answer: a level per rubric criterion, optional feedback."""

    question_id: int
    levels: dict[int, int]  # criterion id -> level id
    criterion_feedback: dict[int, str] = field(default_factory=dict)
    feedback: str = ""


# ---------------------------------------------------------------------------------------------------
# Starting an attempt

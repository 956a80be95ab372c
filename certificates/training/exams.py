"""Results of exams a program's body runs itself (ProgramExam): recorded by a program administrator
from the board's notice, one at a time (with evidence) or from a CSV file, all or nothing. Only for
trainees working toward the exam's program."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from certificates.csvimport import ImportReport, Rollback, emails_in, read_csv
from certificates.permissions import require_program_admin
from certificates.programs.models import CredentialProgram, ProgramEnrollment, ProgramExam
from certificates.validation import clean, parse_date, parse_decimal
from lms.audit import audit_record
from lms.errors import Conflict, Invalid
from lms.models import User
from lms.timezones import local_date, local_today

from .models import OutsideExamResult

ERR_NOT_IN_PROGRAM = gettext_noop(
    "{name} is not working toward {program}. Record exam results only for the program's trainees."
)
ERR_TAKEN_IN_FUTURE = gettext_noop("The exam date can't be in the future.")
ERR_TAKEN_TOO_EARLY = gettext_noop("Check the year of the exam date.")
ERR_SCORE_NEGATIVE = gettext_noop("A score can't be negative.")
ERR_PASS_BELOW_SCORE = gettext_noop(
    "A score of {score} is below this exam's passing score ({passing}), but the result says passed."
)
ERR_FAIL_ABOVE_SCORE = gettext_noop(
    "A score of {score} reaches this exam's passing score ({passing}), but the result says not passed."
)
ERR_ALREADY_RECORDED = gettext_noop("A result of this exam on {date} is already recorded for {name}.")
ERR_UNKNOWN_EXAM = gettext_noop("Unknown exam for this program: {slug}.")
ERR_RESULT_WORD = gettext_noop("result: use pass or fail.")

RESULT_WORDS = {"pass": True, "passed": True, "fail": False, "failed": False, "not passed": False}
CSV_COLUMNS = ["email", "exam", "taken_on", "result"]
CSV_OPTIONAL = ["score", "notes"]


def _plain(number: Decimal) -> str:
    """70.00 -> "70", 72.50 -> "72.5"."""
    return format(number.normalize(), "f")


def _validate(*, user, exam: ProgramExam, taken_on: date, passed: bool, score: Decimal | None) -> None:
    if not ProgramEnrollment.objects.filter(user=user, program_id=exam.program_id).exists():
        raise Invalid(
            _(ERR_NOT_IN_PROGRAM).format(name=user.get_full_name(), program=exam.program.name),
            code="not_in_program",
            field="user",
        )
    if taken_on > local_today(user):
        raise Invalid(_(ERR_TAKEN_IN_FUTURE), field="taken_on")
    if taken_on.year < 1970:
        raise Invalid(_(ERR_TAKEN_TOO_EARLY), field="taken_on")
    if score is not None:
        if score < 0:
            raise Invalid(_(ERR_SCORE_NEGATIVE), field="score")
        passing = exam.passing_score
        shown = {"score": _plain(score), "passing": _plain(passing)} if passing is not None else {}
        if passing is not None and passed and score < passing:
            raise Invalid(_(ERR_PASS_BELOW_SCORE).format(**shown), field="score")
        if passing is not None and not passed and score >= passing:
            raise Invalid(_(ERR_FAIL_ABOVE_SCORE).format(**shown), field="score")
    if OutsideExamResult.objects.filter(user=user, exam=exam, taken_on=taken_on).exists():
        raise Conflict(
            _(ERR_ALREADY_RECORDED).format(date=taken_on.isoformat(), name=user.get_full_name()),
            code="already_recorded",
        )


@transaction.atomic
def outside_exam_result_record(
    *,
    actor,
    user,
    exam: ProgramExam,
    taken_on: date,
    passed: bool,
    score: Decimal | None = None,
    evidence=None,
    notes: str = "",
) -> OutsideExamResult:
    """Record one result. It counts toward "outside exam passed" from the day it is recorded (the
    trainee's date), for an evaluation on or after the exam date."""
    require_program_admin(actor)
    score = None if score in (None, "") else Decimal(score)
    _validate(user=user, exam=exam, taken_on=taken_on, passed=bool(passed), score=score)
    now = timezone.now()
    result = OutsideExamResult(
        user=user,
        exam=exam,
        taken_on=taken_on,
        passed=bool(passed),
        score=score,
        notes=notes or "",
        recorded_by=actor,
        recorded_at=now,
        recorded_on=local_date(user, now),
    )
    clean(result)
    if evidence is not None:
        result.evidence.save(evidence.name, evidence, save=False)
    result.save()
    audit_record(
        actor=actor,
        action="outside_exam_result.recorded",
        target=result,
        subject=user,
        details={"exam": exam.slug, "passed": result.passed, "taken_on": taken_on.isoformat()},
    )
    return result


def outside_exam_results_import_csv(*, actor, program: CredentialProgram, data: bytes | str) -> ImportReport:
    """Import results of `program`'s exams. Columns: email, exam (the exam's short name), taken_on
    (YYYY-MM-DD), result (pass/fail), and optionally score and notes. Every row is checked like a
    single entry; any error means nothing is saved and the report lists every bad row."""
    require_program_admin(actor)
    rows = read_csv(data, CSV_COLUMNS)
    report = ImportReport()
    users = {u.email.lower(): u for u in User.objects.filter(email__in=emails_in(rows, ("email",)))}
    exams = {e.slug: e for e in ProgramExam.objects.filter(program=program).select_related("program")}
    try:
        with transaction.atomic():
            for line, row in rows:
                try:
                    _import_row(actor=actor, row=row, users=users, exams=exams)
                    report.created += 1
                except (Invalid, Conflict) as exc:
                    report.errors.append((line, exc.message))
            if report.errors:
                raise Rollback
            audit_record(
                actor=actor,
                action="outside_exam_result.imported",
                target=program,
                details={"rows": report.created},
            )
    except Rollback:
        report.created = 0
    return report


def _import_row(*, actor, row, users, exams) -> None:
    user = users.get(row.get("email", "").lower())
    if user is None:
        raise Invalid(_("Unknown email."))
    exam = exams.get(row.get("exam", ""))
    if exam is None:
        raise Invalid(_(ERR_UNKNOWN_EXAM).format(slug=row.get("exam", "")))
    taken_on = parse_date(row.get("taken_on"), "taken_on")
    word = row.get("result", "").strip().lower()
    if word not in RESULT_WORDS:
        raise Invalid(_(ERR_RESULT_WORD))
    score = parse_decimal(row["score"], "score") if row.get("score") else None
    outside_exam_result_record(
        actor=actor,
        user=user,
        exam=exam,
        taken_on=taken_on,
        passed=RESULT_WORDS[word],
        score=score,
        notes=row.get("notes", ""),
    )

"""/api/v1/ endpoints for results of exams a program's board runs itself: program administrators
record them (one at a time or from a CSV file, all or nothing) and list a program's; each person
reads their own."""

from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from ninja import File, Router, Status
from ninja.files import UploadedFile
from ninja.pagination import paginate
from ninja.security import django_auth

from certificates.permissions import require_program_admin
from certificates.programs import selectors as program_selectors
from certificates.schemas import ERRORS, ErrorOut
from lms.converters import Id
from lms.errors import DomainError, Invalid
from lms.models import User

from . import exams, selectors
from .models import OutsideExamResult
from .schemas import ExamResultIn, ExamResultOut, ExamResultsImportFailedOut, ExamResultsImportOut

router = Router(tags=["certification"])

MAX_CSV_BYTES = 2 * 1024 * 1024
ERR_UNKNOWN_USER = gettext_noop("No such person: {user_id}.")
ERR_CSV_MISSING = gettext_noop("Choose the CSV file to upload.")
ERR_CSV_TOO_LARGE = gettext_noop("The file is larger than 2 MB; split it into smaller files.")
ERR_IMPORT_ROWS = gettext_noop("Nothing was imported: {count} rows have errors.")


class CsvTooLarge(DomainError):
    status_code = 413
    code = "file_too_large"


def _result_out(r: OutsideExamResult) -> dict:
    return {
        "id": r.pk,
        "user_id": r.user_id,
        "user_name": r.user.get_full_name(),
        "program": r.exam.program.slug,
        "exam": r.exam.slug,
        "exam_name": r.exam.name,
        "taken_on": r.taken_on,
        "passed": r.passed,
        "score": None if r.score is None else Decimal(r.score).quantize(Decimal("0.01")),
        "notes": r.notes,
        "has_evidence": bool(r.evidence),
        "recorded_at": r.recorded_at,
        "recorded_on": r.recorded_on,
    }


@router.post("/programs/{slug}/exam-results", response={201: ExamResultOut, **ERRORS}, auth=django_auth)
def exam_result_create(request, slug: str, payload: ExamResultIn):
    """Program administrators: record one trainee's result from the board's notice."""
    require_program_admin(request.user)
    program = program_selectors.program_get(slug=slug, user=request.user)
    exam = next((e for e in program.exams.all() if e.slug == payload.exam), None)
    if exam is None:
        raise Invalid(_(exams.ERR_UNKNOWN_EXAM).format(slug=payload.exam), field="exam")
    user = User.objects.filter(pk=payload.user_id).first()
    if user is None:
        raise Invalid(_(ERR_UNKNOWN_USER).format(user_id=payload.user_id), field="user_id")
    result = exams.outside_exam_result_record(
        actor=request.user,
        user=user,
        exam=exam,
        taken_on=payload.taken_on,
        passed=payload.passed,
        score=payload.score,
        notes=payload.notes,
    )
    return Status(201, _result_out(result))


@router.get("/programs/{slug}/exam-results", response={200: list[ExamResultOut], **ERRORS}, auth=django_auth)
@paginate
def exam_results_for_program(request, slug: str, user_id: Id | None = None):
    """Program administrators: the program's recorded results, newest first (one person's with
    `user_id`)."""
    require_program_admin(request.user)
    program = program_selectors.program_get(slug=slug, user=request.user)
    results = selectors.outside_exam_results_for_program(program=program, user_id=user_id)
    return [_result_out(r) for r in results.select_related("exam__program")]


@router.get("/exam-results", response={200: list[ExamResultOut], 401: ErrorOut}, auth=django_auth)
def my_exam_results(request):
    """Your own board exam results, newest first."""
    return [
        _result_out(r) for r in selectors.outside_exam_results_for(user=request.user).select_related("user")
    ]


@router.post(
    "/programs/{slug}/exam-results/import",
    response={
        200: ExamResultsImportOut,
        **ERRORS,
        413: ErrorOut,
        422: ExamResultsImportFailedOut,
    },
    auth=django_auth,
    summary="Import board exam results from a CSV file (all or nothing)",
)
def exam_results_import(request, slug: str, file: UploadedFile = File(None)):  # noqa: B008 (ninja declares params this way)
    """Program administrators: columns email, exam (the exam's short name), taken_on (YYYY-MM-DD),
    result (pass/fail), and optionally score and notes. Any bad row means nothing is saved: 422 with
    every bad row."""
    require_program_admin(request.user)
    program = program_selectors.program_get(slug=slug, user=request.user)
    if file is None or not file.size:
        raise Invalid(_(ERR_CSV_MISSING), field="file")
    if file.size > MAX_CSV_BYTES:
        raise CsvTooLarge(_(ERR_CSV_TOO_LARGE))
    report = exams.outside_exam_results_import_csv(actor=request.user, program=program, data=file.read())
    errors = [{"line": line, "message": message} for line, message in report.errors]
    if errors:
        return Status(
            422,
            {
                "detail": _(ERR_IMPORT_ROWS).format(count=len(errors)),
                "code": "import_errors",
                "created": 0,
                "errors": errors,
            },
        )
    return {"created": report.created, "errors": []}

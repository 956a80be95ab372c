"""Pages built on eligibility: the trainee's checklist, the administrator's cohort (page and CSV),
trainee list and one trainee's file (recording on it is in training.views and hours.staff_views)."""

from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import StreamingHttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET

from certificates.applicant.services import applicant_details_read_for_staff
from certificates.hours import selectors as hours_selectors
from certificates.hours.forms import SupervisorAssignForm
from certificates.hours.models import SupervisorAssignment
from certificates.programs import selectors as program_selectors
from certificates.programs.models import ProgramEnrollment
from certificates.recovery.services import recovery_attestation_read_for_staff
from certificates.training import selectors as training_selectors
from certificates.web import handles_domain_errors, require_admin
from lms.models import User
from lms.pagination import paginate
from lms.search import search_text

from . import cohort as cohort_report
from . import selectors, services


@login_required
@require_GET
@handles_domain_errors
def dashboard(request):
    """The trainee's checklist: every requirement of every program they work toward."""
    progress = selectors.my_eligibility(user=request.user)
    joined = {p.enrollment.program_id for p in progress}
    available = [
        p for p in program_selectors.programs_list(user=request.user, with_rules=False) if p.pk not in joined
    ]
    return TemplateResponse(
        request,
        "certificates/dashboard.html",
        {
            "progress": progress,
            "available": available,
            "has_recovery": selectors.has_recovery_attestation(user=request.user, progress=progress),
            "exam_results": training_selectors.outside_exam_results_for(user=request.user),
        },
    )


@login_required
@require_GET
@handles_domain_errors
def cohort(request, slug):
    """A program's cohort, 50 people a page, narrowed by ?status= (eligible / not_eligible),
    ?missing=<requirement> and ?q= (name or email); the filters travel in the page links."""
    require_admin(request)
    on = selectors.evaluation_date(request.GET.get("on"))
    program = program_selectors.program_get(slug=slug, user=request.user, with_rules=False)
    filters = cohort_report.CohortFilter.from_query(request.GET)
    report, page = services.cohort_page_for_staff(
        actor=request.user, program=program, page=request.GET.get("page"), filters=filters, on=on
    )
    keep = {**filters.query(), **({"on": on.isoformat()} if on else {})}
    return TemplateResponse(
        request,
        "certificates/cohort.html",
        {
            "program": program,
            "page": page,
            "pager": CohortPager(page, keep),
            "filters": filters,
            "requirements": report.requirements,
            "on": on,
            "csv_query": urlencode(keep),
        },
    )


class CohortPager:
    """The cohort page's links, for templates/includes/pagination.html (same fields as
    lms.pagination.Pager)."""

    param = "page"

    def __init__(self, page, keep: dict):
        self.page, self.keep = page, keep
        self.count, self.number, self.num_pages = page.count, page.number, page.num_pages
        self.start, self.end = page.start, page.end
        self.has_other_pages = page.num_pages > 1

    def url(self, number: int) -> str:
        query = {**self.keep, **({"page": str(number)} if number > 1 else {})}
        return f"?{urlencode(query)}"

    @property
    def previous_url(self):
        return self.url(self.number - 1) if self.number > 1 else None

    @property
    def next_url(self):
        return self.url(self.number + 1) if self.number < self.num_pages else None

    @property
    def links(self) -> list[dict]:
        paginator = Paginator(range(self.num_pages), 1)
        out = []
        for n in paginator.get_elided_page_range(self.number, on_each_side=2, on_ends=1):
            if n == Paginator.ELLIPSIS:
                out.append({"gap": True})
            else:
                out.append({"number": n, "url": self.url(n), "current": n == self.number})
        return out


@login_required
@require_GET
@handles_domain_errors
def cohort_csv(request, slug):
    """The whole cohort (every page, the same filters) as CSV, streamed as it is evaluated."""
    require_admin(request)
    on = selectors.evaluation_date(request.GET.get("on"))
    program = program_selectors.program_get(slug=slug, user=request.user, with_rules=False)
    filters = cohort_report.CohortFilter.from_query(request.GET)
    rows = services.cohort_export_for_staff(actor=request.user, program=program, filters=filters, on=on)
    response = StreamingHttpResponse(
        cohort_report.cohort_csv_lines(rows=rows), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="cohort-{program.slug}.csv"'
    return response


@login_required
@require_GET
@handles_domain_errors
def trainees(request):
    """Every trainee, 50 a page, found by name or email (?q=)."""
    require_admin(request)
    query = search_text(request.GET.get("q"))
    pager = paginate(request, selectors.trainees_for_staff(actor=request.user, query=query))
    return TemplateResponse(
        request, "certificates/trainees.html", {"trainees": pager.items, "pager": pager, "query": query}
    )


@login_required
@require_GET
@handles_domain_errors
def trainee_detail(request, user_id):
    """A program administrator's view of one trainee. The recovery attestation (?recovery=1) and what
    they attested about themselves (?details=1) are shown only on request, and each such read is
    audited."""
    require_admin(request)
    trainee = get_object_or_404(User, pk=user_id)
    return trainee_page(request, trainee)


def trainee_page(request, trainee, *, assign_form=None, status=200):
    """The trainee's file: their checklist for each program, what they attested (on request) and their
    supervisors. Linking a supervisor (hours.staff_views) answers with this page and the refused form,
    keeping what the administrator typed. Their records are the file's second page (trainee_records)."""
    on = selectors.evaluation_date(request.GET.get("on"))
    enrollments = list(
        ProgramEnrollment.objects.filter(user=trainee).select_related("program", "version__program")
    )
    eligibilities = services.eligibilities_read_for_staff(
        actor=request.user, user=trainee, versions=[e.version for e in enrollments], on=on
    )
    attestations = None
    if request.GET.get("recovery") == "1":
        attestations = recovery_attestation_read_for_staff(actor=request.user, user=trainee)
    details = None
    if request.GET.get("details") == "1":
        details = applicant_details_read_for_staff(actor=request.user, user=trainee)
    return TemplateResponse(
        request,
        "certificates/trainee_detail.html",
        {
            "trainee": trainee,
            "on": on,
            "keep": [(k, v) for k, v in request.GET.items() if k in ("recovery", "details")],
            "eligibilities": eligibilities,
            "attestations": attestations,
            "details": details,
            "assignments": SupervisorAssignment.objects.filter(
                trainee=trainee, is_active=True
            ).select_related("supervisor"),
            "assign_form": assign_form or SupervisorAssignForm(),
        },
        status=status,
    )


@login_required
@require_GET
@handles_domain_errors
def trainee_records(request, user_id):
    """The trainee file's second page: training taken elsewhere, board exam results (each recorded on
    a page of its own, training.views) and the hours log, 50 entries a page."""
    require_admin(request)
    trainee = get_object_or_404(User, pk=user_id)
    logs = hours_selectors.practice_logs_for_trainee(trainee=trainee)
    return TemplateResponse(
        request,
        "certificates/trainee_records.html",
        {
            "trainee": trainee,
            "trainings": training_selectors.external_trainings_for(user=trainee),
            "exam_results": training_selectors.outside_exam_results_for(user=trainee),
            "pager": paginate(request, logs, fragment="#hours-h"),
        },
    )

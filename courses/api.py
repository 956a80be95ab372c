"""Catalogue, enrolment and progress API (mounted at /api/v1/). Endpoints parse, call one selector or
service, and map the result onto an explicit schema. Domain errors become 4xx JSON in lms.api."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from ninja import Router, Status
from ninja.security import django_auth

from lms.converters import Id
from lms.errors import NotFound, errors
from lms.search import search_text

from . import selectors, services
from .models import CoursePage, ModulePage
from .schemas import (
    CourseDetailOut,
    CourseListOut,
    EnrollmentOut,
    ModuleCompletionOut,
    ProgressOut,
)

router = Router(tags=["courses"])

ERR_COURSE_NOT_FOUND = gettext_noop("No such course.")
ERR_MODULE_NOT_FOUND = gettext_noop("No such module.")


def _domain(domain):
    return {"slug": domain.slug, "name": domain.name} if domain else None


def _url(request, page) -> str:
    return page.get_url(request) or ""


def _course_summary(request, course, domains) -> dict:
    return {
        "id": course.pk,
        "title": course.title,
        "slug": course.slug,
        "summary": course.summary,
        "estimated_hours": course.estimated_hours,
        "ce_eligible": course.ce_eligible,
        "domains": [_domain(d) for d in domains],
        "url": _url(request, course),
    }


def _live_course(course_id: int) -> CoursePage:
    course = CoursePage.objects.live().filter(pk=course_id).first()
    if course is None:
        raise NotFound(_(ERR_COURSE_NOT_FOUND))
    return course


def _live_module(module_id: int) -> ModulePage:
    module = ModulePage.objects.live().filter(pk=module_id).first()
    if module is None:
        raise NotFound(_(ERR_MODULE_NOT_FOUND))
    return module


@router.get("/courses", response=list[CourseListOut], summary="The course catalogue")
def course_list(request, q: str = "", domain: str = ""):
    """Live courses; `q` searches titles, summaries and introductions, `domain` filters by a domain slug."""
    courses = selectors.catalogue_courses(
        query=search_text(q, max_length=200), domain=search_text(domain, max_length=50)
    )
    return [_course_summary(request, c, c.domains.all()) for c in courses]


@router.get(
    "/courses/{id:course_id}", response=CourseDetailOut, summary="A course, its modules and your progress"
)
def course_detail(request, course_id: Id):
    course = _live_course(course_id)
    authenticated = request.user.is_authenticated
    overview = selectors.course_overview(user=request.user, course=course)
    enrollment = overview.enrollment
    next_module = overview.next_module
    return {
        **_course_summary(request, course, overview.domains),
        "audience": course.audience,
        "instructors": [person.full_name or _("Instructor") for person in overview.instructors],
        "prerequisites": [
            {
                "id": row.course.pk,
                "title": row.course.title,
                "completed": row.completed if authenticated else None,
            }
            for row in overview.prerequisites
        ],
        "modules": [
            {
                "id": row.module.pk,
                "position": row.number,
                "title": row.module.title,
                "slug": row.module.slug,
                "estimated_minutes": row.module.estimated_minutes,
                "training_hours": row.module.training_hours,
                "domain": _domain(row.module.domain),
                "url": _url(request, row.module),
                "state": row.state if authenticated else None,
            }
            for row in overview.modules
        ],
        "enrollment": None
        if enrollment is None
        else {
            "id": enrollment.pk,
            "course_id": course.pk,
            "status": enrollment.status,
            "enrolled_at": enrollment.enrolled_at,
            "completed_at": enrollment.completed_at,
            "percent": 100 if enrollment.status == enrollment.Status.COMPLETED else overview.percent,
            "modules_done": overview.done_count,
            "modules_total": len(overview.modules),
            "next_module_id": next_module.pk if next_module else None,
        },
    }


@router.post(
    "/courses/{id:course_id}/enrol",
    auth=django_auth,
    response={201: EnrollmentOut, **errors(409)},
    summary="Enrol in a course",
)
def course_enrol(request, course_id: Id):
    """201 on success; 409 when already enrolled; 403 when prerequisite courses are not done."""
    course = _live_course(course_id)
    enrollment = services.enrollment_create(user=request.user, course=course)
    return Status(201, enrollment)


@router.post(
    "/modules/{id:module_id}/complete",
    auth=django_auth,
    response={200: ModuleCompletionOut, **errors(409)},
    summary="Mark a module (without an assessment) complete",
)
def module_complete(request, module_id: Id):
    """403 when the module is locked, you are not enrolled or it is completed by an assessment; 409 when
    already done."""
    module = _live_module(module_id)
    progress = services.module_complete(user=request.user, module=module)
    enrollment = progress.enrollment
    enrollment.refresh_from_db(fields=["status"])
    overview = selectors.course_overview(user=request.user, course=enrollment.course)
    next_module = overview.next_module
    return {
        "module_id": module.pk,
        "course_id": enrollment.course_id,
        "completed_at": progress.completed_at,
        "hours_credited": progress.hours_credited,
        "domain": _domain(progress.domain),
        "revision_id": progress.revision_id,
        "course_completed": enrollment.status == enrollment.Status.COMPLETED,
        "next_module_id": next_module.pk if next_module else None,
    }


@router.get(
    "/me/progress", auth=django_auth, response=ProgressOut, summary="Your enrolments, hours and next step"
)
def my_progress(request):
    progress = selectors.progress_for(user=request.user)
    step = progress.next_step
    return {
        "enrollments": [
            {
                "course_id": row.course.pk,
                "course_title": row.course.title,
                "course_url": _url(request, row.course),
                "status": row.enrollment.status,
                "percent": row.percent,
                "modules_done": row.done_count,
                "modules_total": row.total,
                "enrolled_at": row.enrollment.enrolled_at,
                "completed_at": row.enrollment.completed_at,
            }
            for row in progress.enrollments
        ],
        "hours_by_domain": [
            {"slug": d.slug, "name": d.name, "hours": h} for d, h in progress.hours_by_domain
        ],
        "total_hours": progress.total_hours,
        "next_step": None
        if step is None
        else {
            "course_id": step[0].course.pk,
            "course_title": step[0].course.title,
            "module_id": step[1].pk,
            "module_title": step[1].title,
            "url": _url(request, step[1]),
        },
    }

"""HTML actions around the Wagtail course pages: the catalogue shortcut, the trainee dashboard (their
home; other roles' homes are lms.homes), enrol and complete a module. Thin: parse, call one service or
selector, answer."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from lms.errors import DomainError
from lms.homes import selectors as home_selectors

from . import localized, selectors, services
from .models import CatalogPage, CoursePage, ModulePage


def error_page(request, exc: DomainError, *, back_url: str | None = None):
    return TemplateResponse(
        request,
        "courses/error.html",
        {"message": exc.message, "back_url": back_url},
        status=exc.status_code,
    )


@require_GET
def catalogue(request):
    """The navigation's "Courses" link: wherever editors put the live catalogue page."""
    page = CatalogPage.objects.live().order_by("path").first()
    if page is None:
        raise Http404(_("There is no course catalogue yet."))
    return redirect(page.get_url(request) or "/")


@login_required
@require_GET
def dashboard(request):
    """The trainee's home ("My learning"): their next step, courses, the credential they work toward
    (or the live ones they can join in one click) and, with no course in progress, what to take."""
    progress = selectors.progress_for(user=request.user)
    programs = home_selectors.trainee_programs(user=request.user)
    to_start = (
        home_selectors.courses_to_start(user=request.user) if programs.joined and not progress.active else []
    )
    return TemplateResponse(
        request,
        "courses/dashboard.html",
        {"progress": progress, "programs": programs, "to_start": to_start},
    )


@login_required
@require_POST
def enrol(request, course_id: int):
    posted = get_object_or_404(CoursePage.objects.live(), pk=course_id)
    course = localized.original(posted)  # a translation's form enrols in the English course
    try:
        services.enrollment_create(user=request.user, course=course)
    except DomainError as exc:
        return error_page(request, exc, back_url=course.get_url(request))
    messages.success(request, _("You are enrolled in %(course)s.") % {"course": posted.title})
    overview = selectors.course_overview(user=request.user, course=course)
    target = overview.next_module or course
    return redirect(localized.localized_one(target, posted.locale_id).get_url(request))


@login_required
@require_POST
def module_complete(request, module_id: int):
    posted = get_object_or_404(ModulePage.objects.live(), pk=module_id)
    module = localized.original(posted)  # a translation's progress is the English module's
    try:
        services.module_complete(user=request.user, module=module)
    except DomainError as exc:
        if exc.code == "reflection_required":
            # On the module page itself, next to the prompt still to answer.
            request.module_complete_error = exc.message
            return localized.serve_again(posted, request, status=exc.status_code)
        return error_page(request, exc, back_url=posted.get_parent().get_url(request))
    messages.success(request, _("Module complete: %(module)s.") % {"module": posted.title})
    course = module.get_parent().specific
    overview = selectors.course_overview(user=request.user, course=course)
    target = overview.next_module or course
    return redirect(localized.localized_one(target, posted.locale_id).get_url(request))

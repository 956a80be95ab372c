"""The moderators' pages and actions in a course discussion (its instructors and the program
administrators): the courses they moderate with their open reports, hide or show a post, lock or pin a
thread, the report queue (safety items first) and its decisions, a post's edit history."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from lms import roles
from lms.errors import DomainError
from lms.pagination import local_next, paginate

from ..views import error_page
from . import forms, selectors, services
from .models import Report
from .notices import thread_url
from .views import _moderator, _post


@login_required
@require_GET
def moderated(request):
    """Every discussion the person moderates, with its open reports and safety items."""
    if not (roles.is_program_admin(request.user) or roles.is_instructor(request.user)):
        raise PermissionDenied
    courses = selectors.moderated_courses(user=request.user)
    return TemplateResponse(request, "courses/discussion/moderated.html", {"courses": courses})


@login_required
@require_GET
def post_history(request, course_id: int, post_id: int):
    """A post's earlier versions, for the moderators."""
    course = _moderator(request, course_id)
    post = _post(course, post_id)
    return TemplateResponse(
        request,
        "courses/discussion/history.html",
        {
            "course": course,
            "thread": post.thread,
            "post": post,
            "name": selectors.display_name(post.author),
            "revisions": selectors.history_of(post=post),
        },
    )


# --- moderation --------------------------------------------------------------------------------------


def _action(request, allowed: tuple[str, ...]) -> str:
    form = forms.ModerateForm(request.POST)
    if not form.is_valid() or form.cleaned_data["action"] not in allowed:
        raise Http404  # a hand-made request: there is no such action here
    return form.cleaned_data["action"]


@login_required
@require_POST
def moderate_post(request, course_id: int, post_id: int):
    course = _moderator(request, course_id)
    post = _post(course, post_id)
    action = _action(request, ("hide", "show"))
    try:
        services.post_hide(actor=request.user, post=post, hidden=action == "hide")
    except DomainError as exc:
        return error_page(request, exc, back_url=thread_url(post.thread))
    messages.success(request, _("The post is hidden.") if action == "hide" else _("The post is shown again."))
    target = thread_url(post.thread, post=post, page=selectors.page_of_post(post))
    return redirect(local_next(request, request.POST.get("next"), default=target))


@login_required
@require_POST
def moderate_thread(request, course_id: int, thread_id: int):
    course = _moderator(request, course_id)
    thread = selectors.thread_in(course=course, thread_id=thread_id)
    if thread is None:
        raise Http404
    action = _action(request, ("lock", "unlock", "pin", "unpin"))
    changes = {
        "lock": {"locked": True},
        "unlock": {"locked": False},
        "pin": {"pinned": True},
        "unpin": {"pinned": False},
    }[action]
    try:
        services.thread_set(actor=request.user, thread=thread, **changes)
    except DomainError as exc:
        return error_page(request, exc, back_url=thread_url(thread))
    messages.success(
        request,
        {
            "lock": _("The thread is locked: no new replies."),
            "unlock": _("The thread is open for replies again."),
            "pin": _("The thread is pinned to the top of the list."),
            "unpin": _("The thread is no longer pinned."),
        }[action],
    )
    return redirect(thread_url(thread))


@login_required
@require_GET
def moderation_queue(request, course_id: int):
    course = _moderator(request, course_id)
    pager = paginate(request, selectors.queue_for(course=course), per_page=selectors.REPORTS_PER_PAGE)
    rows = [
        (
            report,
            selectors.display_name(report.post.author),
            selectors.display_name(report.reporter) if report.reporter else "",
        )
        for report in pager.items
    ]
    return TemplateResponse(
        request, "courses/discussion/queue.html", {"course": course, "pager": pager, "rows": rows}
    )


@login_required
@require_POST
def report_decide(request, course_id: int, report_id: int):
    course = _moderator(request, course_id)
    report = get_object_or_404(Report.objects.select_related("course"), pk=report_id, course=course)
    action = _action(request, ("resolve", "dismiss"))
    status = Report.Status.RESOLVED if action == "resolve" else Report.Status.DISMISSED
    queue = reverse("courses:discussion-moderation", args=[course.pk])
    try:
        services.report_decide(actor=request.user, report=report, status=status)
    except DomainError as exc:
        return error_page(request, exc, back_url=queue)
    messages.success(request, _("Report resolved.") if action == "resolve" else _("Report dismissed."))
    return redirect(local_next(request, request.POST.get("next"), default=queue))

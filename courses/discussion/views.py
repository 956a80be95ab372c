"""HTML for course discussions: the list, a thread with its replies, new thread, edit, report and the
display-name page (the moderators' pages: moderation.py). Thin: parse, call one service or selector,
answer. A refused form comes back as typed, with its errors (422; 409 locked; 429 too many posts).

Who: the course's enrolled trainees and its instructors (selectors.access_for); anyone else signed in
gets 403, a thread or post of another course 404, anonymous visitors the login page."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from lms.errors import Conflict, DomainError, Invalid
from lms.forms import form_error
from lms.pagination import local_next, paginate

from .. import selectors as course_selectors
from ..models import CoursePage
from ..views import error_page
from . import forms, selectors, services
from .models import Post
from .notices import thread_url

CRISIS_SESSION_KEY = "discussion_crisis"


def _course(course_id: int) -> CoursePage:
    return get_object_or_404(CoursePage.objects.live(), pk=course_id)


def _reader(request, course_id: int) -> tuple[CoursePage, selectors.Access]:
    course = _course(course_id)
    access = selectors.access_for(user=request.user, course=course)
    if not access.can_read:
        raise PermissionDenied
    return course, access


def _moderator(request, course_id: int) -> CoursePage:
    course, access = _reader(request, course_id)
    if not access.can_moderate:
        raise PermissionDenied
    return course


def _post(course, post_id: int) -> Post:
    post = selectors.post_in(course=course, post_id=post_id)
    if post is None:
        raise Http404
    return post


def _refused(form, exc: DomainError) -> int:
    """Put a service's refusal on the form; the status to answer with."""
    if isinstance(exc, Invalid):
        form_error(form, exc)
    else:
        form.add_error(None, exc.message)
    return exc.status_code


def _after_post(request, *, crisis: bool, message: str) -> None:
    messages.success(request, message)
    if crisis:
        # Shown once, on the page the author lands on (the thread), above everything else.
        request.session[CRISIS_SESSION_KEY] = True


def _crisis_shown(request) -> bool:
    return bool(request.session.pop(CRISIS_SESSION_KEY, False))


@dataclass
class PostRow:
    post: Post
    name: str
    instructor: bool
    show_text: bool
    mine: bool


# --- the list and a thread ---------------------------------------------------------------------------


@login_required
@require_GET
def thread_list(request, course_id: int):
    course, access = _reader(request, course_id)
    pager = paginate(request, selectors.threads_for(course=course), per_page=selectors.THREADS_PER_PAGE)
    threads = [(thread, selectors.display_name(thread.author)) for thread in pager.items]
    return TemplateResponse(
        request,
        "courses/discussion/list.html",
        {
            "course": course,
            "access": access,
            "pager": pager,
            "threads": threads,
            "open_reports": selectors.open_report_count(course=course) if access.can_moderate else 0,
            "my_name": selectors.display_name(request.user),
            "crisis": _crisis_shown(request),
        },
    )


def _thread_page(request, course, access, thread, *, reply_form, status=200):
    pager = paginate(
        request, selectors.posts_for(thread=thread), per_page=selectors.POSTS_PER_PAGE, drop=("body",)
    )
    teachers = selectors.instructor_ids(course=course)
    rows = [
        PostRow(
            post=post,
            name=selectors.display_name(post.author),
            instructor=post.author_id in teachers,
            show_text=selectors.visible_text(post=post, user=request.user, can_moderate=access.can_moderate),
            mine=post.author_id == request.user.pk,
        )
        for post in pager.items
    ]
    return TemplateResponse(
        request,
        "courses/discussion/thread.html",
        {
            "course": course,
            "access": access,
            "thread": thread,
            "pager": pager,
            "rows": rows,
            "reply_form": reply_form,
            "crisis": _crisis_shown(request),
        },
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def thread_detail(request, course_id: int, thread_id: int):
    """A thread's posts, 50 a page, and the reply form at the end (POST here replies)."""
    course, access = _reader(request, course_id)
    thread = selectors.thread_in(course=course, thread_id=thread_id)
    if thread is None:
        raise Http404
    if request.method == "GET":
        return _thread_page(request, course, access, thread, reply_form=forms.ReplyForm())
    form = forms.ReplyForm(request.POST)
    if not form.is_valid():
        return _thread_page(request, course, access, thread, reply_form=form, status=422)
    try:
        post, crisis = services.reply_create(user=request.user, thread=thread, body=form.cleaned_data["body"])
    except DomainError as exc:
        status = _refused(form, exc)
        thread.refresh_from_db()
        return _thread_page(request, course, access, thread, reply_form=form, status=status)
    _after_post(request, crisis=crisis, message=_("Your reply is posted."))
    page = post.thread.reply_count // selectors.POSTS_PER_PAGE + 1
    return redirect(thread_url(thread, post=post, page=page))


@login_required
@require_http_methods(["GET", "POST"])
def thread_new(request, course_id: int):
    course, access = _reader(request, course_id)
    if not access.can_post:
        raise PermissionDenied
    modules = [
        row.module
        for row in course_selectors.course_overview(user=request.user, course=course, details=False).modules
    ]
    initial = {}
    wanted = request.GET.get("module", "")
    if wanted.isdigit() and int(wanted) in {m.pk for m in modules}:
        initial["module"] = int(wanted)
    form = forms.ThreadForm(request.POST or None, modules=modules, initial=initial)
    status = 200
    if request.method == "POST":
        status = 422
        if form.is_valid():
            data = form.cleaned_data
            try:
                thread, crisis = services.thread_start(
                    user=request.user,
                    course=course,
                    title=data["title"],
                    body=data["body"],
                    module=form.modules.get(data["module"]),
                )
            except DomainError as exc:
                status = _refused(form, exc)
            else:
                _after_post(request, crisis=crisis, message=_("Your thread is started."))
                return redirect(thread_url(thread))
    return TemplateResponse(
        request,
        "courses/discussion/new.html",
        {"course": course, "access": access, "form": form},
        status=status,
    )


# --- a post: edit, history, report -------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def post_edit(request, course_id: int, post_id: int):
    course, access = _reader(request, course_id)
    post = _post(course, post_id)
    if post.author_id != request.user.pk:
        raise PermissionDenied
    thread = post.thread
    if thread.locked or post.hidden:
        exc = Conflict(_(services.ERR_LOCKED if thread.locked else services.ERR_HIDDEN))
        return error_page(request, exc, back_url=thread_url(thread, post=post))
    initial = {"body": post.body, "title": thread.title}
    form = forms.EditForm(request.POST or None, initial=initial, with_title=post.is_opening)
    status = 200
    if request.method == "POST":
        status = 422
        if form.is_valid():
            try:
                _post_, crisis = services.post_edit(
                    user=request.user,
                    post=post,
                    body=form.cleaned_data["body"],
                    title=form.cleaned_data.get("title"),
                )
            except DomainError as exc:
                status = _refused(form, exc)
            else:
                _after_post(request, crisis=crisis, message=_("Your post is updated."))
                return redirect(thread_url(thread, post=post, page=selectors.page_of_post(post)))
    return TemplateResponse(
        request,
        "courses/discussion/edit.html",
        {"course": course, "thread": thread, "post": post, "form": form},
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def post_report(request, course_id: int, post_id: int):
    course, access = _reader(request, course_id)
    post = _post(course, post_id)
    form = forms.ReportForm(request.POST or None)
    status = 200
    if request.method == "POST":
        status = 422
        if form.is_valid():
            try:
                services.report_create(
                    user=request.user,
                    post=post,
                    reason=form.cleaned_data["reason"],
                    note=form.cleaned_data["note"],
                )
            except DomainError as exc:
                status = _refused(form, exc)
            else:
                messages.success(request, _("Thank you: the moderators will look at this post."))
                return redirect(thread_url(post.thread, post=post, page=selectors.page_of_post(post)))
    return TemplateResponse(
        request,
        "courses/discussion/report.html",
        {
            "course": course,
            "post": post,
            "thread": post.thread,
            "name": selectors.display_name(post.author),
            "show_text": selectors.visible_text(
                post=post, user=request.user, can_moderate=access.can_moderate
            ),
            "form": form,
        },
        status=status,
    )


# --- display name ------------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def display_name(request):
    current = selectors.display_name(request.user)
    form = forms.DisplayNameForm(request.POST or None, initial={"display_name": current})
    back = local_next(request, request.POST.get("next") or request.GET.get("next"), default="")
    status = 200
    if request.method == "POST":
        status = 422
        if form.is_valid():
            try:
                services.display_name_set(user=request.user, display_name=form.cleaned_data["display_name"])
            except DomainError as exc:
                status = _refused(form, exc)
            else:
                messages.success(request, _("Your display name is saved."))
                return redirect(back or reverse("courses:discussion-name"))
    return TemplateResponse(
        request,
        "courses/discussion/display_name.html",
        {"form": form, "current": current, "next": back},
        status=status,
    )

"""HTML for the journal: the trainee's form under each prompt of a module page (a refused one comes back
on that page, as typed), sharing, "My journal", and the instructors' page of shared entries with their
replies. Thin: parse, call one service or selector, answer. Nobody else's entries are ever reachable:
another person's entry answers 404, exactly like a missing one."""

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
from lms.errors import DomainError, Invalid
from lms.forms import form_error
from lms.pagination import paginate

from .. import localized
from ..models import CoursePage, ModulePage
from ..views import error_page
from . import forms, selectors, services

PER_PAGE = 20


def _module_again(request, page: ModulePage, block_id: str, form, *, status: int):
    """The module page again (in the language it was read in), the refused form under its prompt with
    what was typed and its error."""
    request.journal_forms = {block_id: form}
    return localized.serve_again(page, request, status=status)


@login_required
@require_POST
def write(request, module_id: int, block_id: str):
    module = get_object_or_404(ModulePage.objects.live(), pk=module_id)
    page = localized.shown(module, request.POST.get("page"))  # the English module or its translation
    form = forms.EntryForm(request.POST, block_id=block_id)
    form.is_valid()  # every text is valid to the form: the service says what is wrong with it
    try:
        services.entry_write(
            user=request.user, module=module, block_id=block_id, text=form.cleaned_data.get("text", "")
        )
    except Invalid as exc:
        form_error(form, exc)
        return _module_again(request, page, block_id, form, status=exc.status_code)
    except DomainError as exc:
        return error_page(request, exc, back_url=page.get_url(request))
    messages.success(request, _("Saved in your journal. Only you can read it unless you share it."))
    return redirect(f"{page.get_url(request)}#journal-{block_id}")


def _back(request, entry) -> str:
    if request.POST.get("back") == "module":
        url = localized.shown(entry.module, request.POST.get("page")).get_url(request)
        if url:
            return f"{url}#journal-{entry.block_id}"
    return reverse("courses:journal") + f"#entry-{entry.pk}"


@login_required
@require_POST
def share(request, entry_id: int):
    entry = selectors.entry_for_author(user=request.user, entry_id=entry_id)
    if entry is None:
        raise Http404
    sharing = request.POST.get("share") == "1"
    try:
        if sharing:
            services.entry_share(user=request.user, entry=entry)
        else:
            services.entry_unshare(user=request.user, entry=entry)
    except DomainError as exc:
        return error_page(request, exc)
    messages.success(
        request,
        _("Shared with the course's instructors. You can stop sharing it at any time.")
        if sharing
        else _("No longer shared: only you can read it."),
    )
    return redirect(_back(request, entry))


@login_required
@require_GET
def my_journal(request):
    """The person's own entries, by course and module, with instructors' replies."""
    pager = paginate(request, selectors.entries_of(user=request.user), per_page=PER_PAGE)
    entries = selectors.with_courses(list(pager.items))
    return TemplateResponse(request, "courses/journal/my_journal.html", {"pager": pager, "entries": entries})


@login_required
@require_GET
def shared_index(request):
    """The courses an instructor teaches, with how many reflections were shared in each."""
    if not roles.is_instructor(request.user):
        raise PermissionDenied
    return TemplateResponse(
        request, "courses/journal/shared_index.html", {"courses": selectors.courses_taught(user=request.user)}
    )


def _shared_page(request, course: CoursePage, *, reply_forms=None, status=200):
    pager = paginate(request, selectors.shared_entries(course=course), per_page=PER_PAGE)
    entries = selectors.with_replies(list(pager.items))
    reply_forms = reply_forms or {}
    for entry in entries:
        entry.reply_form = reply_forms.get(entry.pk) or forms.ReplyForm(entry_id=entry.pk)
    return TemplateResponse(
        request,
        "courses/journal/shared.html",
        {"course": course, "pager": pager, "entries": entries},
        status=status,
    )


def _taught_course(request, course_id: int) -> CoursePage:
    course = get_object_or_404(CoursePage.objects.live(), pk=course_id)
    if not selectors.teaches(user=request.user, course=course):
        raise PermissionDenied
    return course


@login_required
@require_GET
def shared(request, course_id: int):
    """The reflections trainees shared with this course's instructors (only those: never an unshared one)."""
    return _shared_page(request, _taught_course(request, course_id))


@login_required
@require_POST
def reply(request, course_id: int, entry_id: int):
    course = _taught_course(request, course_id)
    entry = selectors.shared_entry_for_instructor(user=request.user, course=course, entry_id=entry_id)
    if entry is None:
        raise Http404
    form = forms.ReplyForm(request.POST, entry_id=entry.pk)
    form.is_valid()
    try:
        services.reply_create(user=request.user, entry=entry, text=form.cleaned_data.get("text", ""))
    except Invalid as exc:
        form_error(form, exc)
        return _shared_page(request, course, reply_forms={entry.pk: form}, status=exc.status_code)
    except DomainError as exc:
        return error_page(request, exc)
    messages.success(
        request, _("Reply sent. %(name)s is notified.") % {"name": entry.trainee.get_full_name()}
    )
    page = request.GET.get("page")
    url = reverse("courses:journal-shared", args=[course.pk])
    return redirect(f"{url}{'?page=' + page if page and page.isdigit() else ''}#entry-{entry.pk}")

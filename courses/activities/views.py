"""HTML for practice activities: the trainee's forms on the module page (a refused form comes back on
that page, as typed, with its errors), the partner's confirmation page, and the attendance sheet of
a course's instructors. Thin: parse, call one service or selector, answer."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from lms import roles
from lms.errors import DomainError, Invalid
from lms.forms import form_error

from .. import localized
from ..models import CoursePage
from ..views import error_page
from . import forms, selectors, services
from .models import ActivityKind, ModuleActivity


def _activity(activity_id: int, kind: str) -> ModuleActivity:
    return get_object_or_404(
        ModuleActivity.objects.select_related("module"), pk=activity_id, kind=kind, module__live=True
    )


def _module_page(request, activity: ModuleActivity):
    """The activity's module page the form was sent from: the English module or its translation (the
    form's "page"), so a Spanish reader comes back to the Spanish page."""
    return localized.shown(activity.module, request.POST.get("page"))


def _module_again(request, activity: ModuleActivity, form, *, status: int):
    """The module page again, in its language, the refused form in place with what was typed and its
    errors."""
    request.activity_forms = {activity.pk: form}
    return localized.serve_again(_module_page(request, activity), request, status=status)


def _record(request, activity: ModuleActivity, form, save, success: str):
    if form.is_valid():
        try:
            save(form.cleaned_data)
        except Invalid as exc:
            form_error(form, exc)
            return _module_again(request, activity, form, status=exc.status_code)
        except DomainError as exc:
            return error_page(request, exc, back_url=_module_page(request, activity).get_url(request))
        messages.success(request, success)
        return redirect(f"{_module_page(request, activity).get_url(request)}#activity-{activity.key}")
    return _module_again(request, activity, form, status=422)


@login_required
@require_POST
def reflection(request, activity_id: int):
    activity = _activity(activity_id, ActivityKind.REFLECTION)
    form = forms.ReflectionForm(request.POST, activity=activity)
    return _record(
        request,
        activity,
        form,
        lambda data: services.reflection_record(user=request.user, activity=activity, text=data["text"]),
        _("Reflection saved: its hours count toward your training."),
    )


@login_required
@require_POST
def role_play(request, activity_id: int):
    activity = _activity(activity_id, ActivityKind.ROLE_PLAY)
    form = forms.RolePlayForm(request.POST, activity=activity)
    return _record(
        request,
        activity,
        form,
        lambda data: services.role_play_log(
            user=request.user, activity=activity, partner_email=data["partner_email"]
        ),
        _("Role-play logged: we have asked your partner to confirm it."),
    )


@login_required
@require_GET
def confirmations(request):
    """The role-plays waiting for the person to confirm or decline."""
    return TemplateResponse(
        request,
        "courses/activities/confirmations.html",
        {"records": list(selectors.confirmations_for(user=request.user))},
    )


@login_required
@require_http_methods(["GET", "POST"])
def confirm(request, record_id: int):
    """The partner named in a role-play confirms or declines it. Anyone else: not found."""
    record = selectors.record_for_partner(user=request.user, record_id=record_id)
    if record is None:
        raise Http404
    form = forms.DecisionForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            service = (
                services.role_play_confirm
                if form.cleaned_data["decision"] == "confirm"
                else services.role_play_decline
            )
            try:
                service(user=request.user, record=record)
            except DomainError as exc:
                return error_page(request, exc)
            messages.success(
                request,
                _("Thank you: the role-play is confirmed.")
                if form.cleaned_data["decision"] == "confirm"
                else _("Thank you: the role-play is declined."),
            )
            return redirect(reverse("courses:activity-confirmations"))
        status = 422
    return TemplateResponse(
        request, "courses/activities/confirm.html", {"record": record, "form": form}, status=status
    )


@login_required
@require_GET
def attendance_index(request):
    if not (roles.is_program_admin(request.user) or roles.is_instructor(request.user)):
        raise PermissionDenied
    courses = selectors.attendance_courses(user=request.user)
    return TemplateResponse(request, "courses/activities/attendance_index.html", {"courses": courses})


@login_required
@require_http_methods(["GET", "POST"])
def attendance(request, course_id: int):
    """A course's attendance sheet: its instructors (and program administrators) tick who attended."""
    course = get_object_or_404(CoursePage.objects.live(), pk=course_id)
    if not services.can_confirm_attendance(user=request.user, course=course):
        raise PermissionDenied
    sheets = selectors.attendance_sheets(course=course)
    pairs = [row.key for sheet in sheets for row in sheet.rows if row.record is None]
    form = forms.AttendanceForm(request.POST if request.method == "POST" else None, pairs=pairs)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            wanted = {tuple(map(int, p.split("-"))) for p in form.cleaned_data["attended"]}
            by_id = {s.activity.pk: s for s in sheets}
            try:
                with transaction.atomic():
                    for activity_id, enrollment_id in sorted(wanted):
                        sheet = by_id[activity_id]
                        row = next(r for r in sheet.rows if r.enrollment.pk == enrollment_id)
                        services.attendance_confirm(
                            actor=request.user, activity=sheet.activity, trainee=row.enrollment.user
                        )
            except DomainError as exc:
                form.add_error(None, exc.message)
                status = exc.status_code
            else:
                messages.success(request, _("Attendance confirmed for %(count)s.") % {"count": len(wanted)})
                return redirect(reverse("courses:activity-attendance-course", args=[course.pk]))
        else:
            status = 422
    return TemplateResponse(
        request,
        "courses/activities/attendance.html",
        {
            "course": course,
            "sheets": sheets,
            "form": form,
            "ticked": set(form.data.getlist("attended")) if form.is_bound else set(),
        },
        status=status,
    )

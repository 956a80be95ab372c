"""A person's own notifications: the list, opening one (marks it read, follows its link), marking all
read, and their email preferences. Everyone signed in has these pages; each shows only its owner's
rows (another person's notification answers 404)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from lms.errors import NotFound
from lms.pagination import local_next, paginate
from lms.timezones import user_time_zone

from . import selectors, services
from .forms import PreferencesForm

PER_PAGE = 20


@login_required
@require_GET
def notification_list(request):
    pager = paginate(request, selectors.notifications_for(user=request.user), per_page=PER_PAGE)
    return TemplateResponse(
        request,
        "notifications/list.html",
        {"pager": pager, "notifications": pager.items, "tz": user_time_zone(request.user)},
    )


@login_required
@require_GET
def notification_open(request, pk):
    """A link in the list: mark the notification read and go where it points. A GET on purpose (a plain
    link, openable in a new tab, no script): its only effect is marking the owner's own row read."""
    try:
        notification = services.notification_open(user=request.user, notification_id=pk)
    except NotFound:
        raise Http404(services.ERR_NOT_FOUND)
    return redirect(local_next(request, notification.link, default=reverse("notifications:list")))


@login_required
@require_POST
def mark_all_read(request):
    marked = services.notifications_mark_all_read(user=request.user)
    if marked:
        messages.success(
            request,
            ngettext("%(n)s notification marked as read.", "%(n)s notifications marked as read.", marked)
            % {"n": marked},
        )
    else:
        messages.info(request, _("Nothing was unread."))
    return redirect("notifications:list")


@login_required
@require_http_methods(["GET", "POST"])
def preferences(request):
    # Bound on every POST: a form with every box unticked posts nothing but the token, and still says "no".
    data = request.POST if request.method == "POST" else None
    form = PreferencesForm(data, choices=selectors.email_preferences(user=request.user))
    if request.method == "POST" and form.is_valid():
        services.preferences_update(user=request.user, email=form.choices())
        messages.success(request, _("Your notification choices are saved."))
        return redirect("notifications:settings")
    return TemplateResponse(request, "notifications/settings.html", {"form": form})

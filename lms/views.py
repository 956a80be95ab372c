from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.templatetags.static import static
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from . import services
from .errors import DomainError
from .forms import ProfileForm, form_error


def healthz(request):
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


@require_GET
def favicon(request):
    """Browsers ask for /favicon.ico whatever a page links to (feed readers, bookmarks, the 500 page
    of a proxy): send them to the site's SVG icon instead of a 404."""
    response = redirect(static("img/favicon.svg"))
    patch_cache_control(response, public=True, max_age=86400)
    return response


@login_required
@require_http_methods(["GET", "POST"])
def profile(request):
    """The person's own settings: the name we call them on screen and their time zone. Changing the
    time zone never moves a date already recorded (lms.timezones)."""
    form = ProfileForm(request.POST or None, user=request.user)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                updated = services.profile_update(user=request.user, **form.cleaned_data)
            except DomainError as exc:
                form_error(form, exc)
                status = exc.status_code
            else:
                request.user.language = updated.language  # the language cookie follows (lms.i18n.middleware)
                messages.success(request, _("Your profile is saved."))
                return redirect("site:profile")
        else:
            status = 422
    return TemplateResponse(request, "lms/profile.html", {"form": form}, status=status)


@login_required
@require_GET
def my_data(request):
    """ "Download my data": the signed-in person's own data as a JSON file (lms.mydata), audited."""
    from .mydata import export_personal_data

    response = JsonResponse(
        export_personal_data(user=request.user), json_dumps_params={"indent": 2, "ensure_ascii": False}
    )
    response["Content-Disposition"] = 'attachment; filename="my-data.json"'
    return response

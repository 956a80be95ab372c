"""Where each person lands after logging in and from the header's home link (LOGIN_REDIRECT_URL)."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET

from . import selectors


@login_required
@require_GET
def home(request):
    """Staff (instructors, supervisors, program administrators) get one page with a section per role
    they have; a trainee's home is their learning dashboard, which has its own address."""
    if not selectors.is_staff_home(request.user):
        return redirect("courses:dashboard")
    return TemplateResponse(request, "lms/home.html", {"home": selectors.home_for(user=request.user)})

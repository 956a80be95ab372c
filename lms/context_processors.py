from django.conf import settings

from . import roles


def site(request):
    user = getattr(request, "user", None)
    return {
        "SITE_NAME": settings.WAGTAIL_SITE_NAME,
        "user_is_trainee": roles.is_trainee(user),
        "user_is_instructor": roles.is_instructor(user),
        "user_is_supervisor": roles.is_supervisor(user),
        "user_is_program_admin": roles.is_program_admin(user),
    }

from urllib.parse import urlsplit

from django.conf import settings
from django.utils import translation
from django.views.decorators.http import require_POST
from django.views.i18n import LANGUAGE_QUERY_PARAMETER
from django.views.i18n import set_language as django_set_language

from lms import services


@require_POST
def set_language(request):
    """The language switcher: Django's set_language (the cookie, and back to the page in the chosen
    language), and for a signed-in person the choice saved on their account, so every device follows
    it."""
    next_url = request.POST.get("next") or ""
    # Django translates `next` by resolving it in the active language, which is this request's (the
    # cookie's, the browser's), not necessarily the page's: resolve it in the language of its address.
    page_language = translation.get_language_from_path(urlsplit(next_url).path) or settings.LANGUAGE_CODE
    with translation.override(page_language):
        response = django_set_language(request)
    code = request.POST.get(LANGUAGE_QUERY_PARAMETER, "")
    if request.user.is_authenticated and code in dict(settings.LANGUAGES) and request.user.language != code:
        services.profile_update(user=request.user, language=code)
        request.user.language = code  # this response's cookie follows it (lms.i18n.middleware)
    return response

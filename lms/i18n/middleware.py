"""Which language a request is answered in.

Django's LocaleMiddleware, with one difference: with `prefix_default_language=False`, Django answers
every unprefixed address in English, whatever the browser or the cookie asks for. Here:

1. an /es/ address is in Spanish (the address wins: it is what was linked or bookmarked);
2. else a signed-in person's saved language (User.language), on every device;
3. else the language cookie (set by the switcher, lms.i18n.views.set_language);
4. else the browser's Accept-Language; else English.

When that gives Spanish on an unprefixed public page (Wagtail's pages, certificate pages, verification:
the i18n_patterns in lms/urls.py), the address does not resolve in Spanish (404) and the visitor is
redirected to its /es/ address, as Django does for prefixed default languages (307 for a form sent to the
English address, so the browser sends it again to the Spanish one). Pages outside the
i18n_patterns (learning, notifications, the sign-in pages) answer in that language at their one address.

A signed-in person's saved language is also written to the cookie, so the device keeps it after
logging out. Opening an /es/ page sets nothing: someone checking a translation (an instructor reading
the Spanish module) keeps their own language everywhere else.
"""

from django.conf import settings
from django.conf.urls.i18n import is_language_prefix_patterns_used
from django.http import HttpResponseRedirect
from django.middleware.locale import LocaleMiddleware
from django.urls import get_script_prefix, is_valid_path
from django.utils import translation
from django.utils.cache import patch_vary_headers

API_PREFIX = "/api/"


def saved_language(request) -> str:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return ""
    code = getattr(user, "language", "") or ""
    return code if code in dict(settings.LANGUAGES) else ""


class LanguageMiddleware(LocaleMiddleware):
    def process_request(self, request):
        urlconf = getattr(request, "urlconf", settings.ROOT_URLCONF)
        i18n_patterns_used, _prefixed = is_language_prefix_patterns_used(urlconf)
        language = translation.get_language_from_path(request.path_info) if i18n_patterns_used else None
        if not language:
            language = saved_language(request) or translation.get_language_from_request(
                request, check_path=False
            )
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()

    def process_response(self, request, response):
        language = translation.get_language()
        language_from_path = translation.get_language_from_path(request.path_info)
        urlconf = getattr(request, "urlconf", settings.ROOT_URLCONF)
        i18n_patterns_used, _prefixed = is_language_prefix_patterns_used(urlconf)
        if (
            response.status_code == 404
            and i18n_patterns_used
            and not language_from_path
            and language != settings.LANGUAGE_CODE
            and not request.path_info.startswith(API_PREFIX)
        ):
            redirect = self.redirect_to_prefixed(request, language, urlconf)
            if redirect is not None:
                return redirect
        saved = saved_language(request)
        if saved and request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) != saved:
            self.set_cookie(response, saved)
        if not (i18n_patterns_used and language_from_path):
            patch_vary_headers(response, ("Accept-Language", "Cookie"))
        response.headers.setdefault("Content-Language", language)
        return response

    def redirect_to_prefixed(self, request, language, urlconf):
        language_path = f"/{language}{request.path_info}"
        path_valid = is_valid_path(language_path, urlconf)
        path_needs_slash = not path_valid and (
            settings.APPEND_SLASH
            and not language_path.endswith("/")
            and is_valid_path(f"{language_path}/", urlconf)
        )
        if not (path_valid or path_needs_slash):
            return None
        script_prefix = get_script_prefix()
        language_url = request.get_full_path(force_append_slash=path_needs_slash).replace(
            script_prefix, f"{script_prefix}{language}/", 1
        )
        if request.method in ("GET", "HEAD"):
            redirect = self.response_redirect_class(language_url)
        else:
            # 307: the browser sends the same form again to the Spanish address (a 302 would turn a
            # POST into a GET and lose what was typed).
            redirect = HttpResponseRedirect(language_url, status=307)
        patch_vary_headers(redirect, ("Accept-Language", "Cookie"))
        return redirect

    @staticmethod
    def set_cookie(response, language):
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            language,
            max_age=settings.LANGUAGE_COOKIE_AGE,
            path=settings.LANGUAGE_COOKIE_PATH,
            domain=settings.LANGUAGE_COOKIE_DOMAIN,
            secure=settings.LANGUAGE_COOKIE_SECURE,
            httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
            samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        )

"""The one NinjaAPI, at /api/v1/. Each app mounts its Router here. Every error it answers, whoever raises
it (a service, ninja's validation, the CSRF check, the URL resolver, a bug), is JSON in one documented
shape, lms.errors.ErrorOut: {"detail", "code", "field"?, "errors"?}."""

import logging
from functools import wraps

from django.conf import settings
from django.core.exceptions import PermissionDenied, RequestDataTooBig, SuspiciousOperation
from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.signals import got_request_exception
from django.http import Http404, HttpResponseServerError, JsonResponse, UnreadablePostError
from django.http.multipartparser import MultiPartParserError
from django.template import TemplateDoesNotExist, loader
from django.urls import URLPattern
from django.views import defaults
from django.views.decorators.csrf import csrf_exempt
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError

from .errors import DomainError, document_errors

logger = logging.getLogger(__name__)

ERR_NOT_FOUND = "Not found."
ERR_FORBIDDEN = "You do not have permission."
ERR_UNAUTHENTICATED = "Log in first."
ERR_CSRF = "CSRF check failed: send the csrftoken cookie's value in the X-CSRFToken header."
ERR_METHOD = "Method not allowed here."
ERR_TOO_LARGE = "The request is too large."
ERR_BAD_REQUEST = "Bad request."
ERR_SERVER = "Something went wrong on our side. It has been logged; please try again later."
ERR_INVALID_MORE = "and {count} more"

# ninja's session auth raises HttpError(403, this) when the CSRF token is missing or wrong.
NINJA_CSRF_MESSAGE = "CSRF check Failed"
HTTP_CODES = {
    400: "bad_request",
    401: "unauthenticated",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "too_large",
    422: "invalid",
    429: "too_many_requests",
}
# ninja's loc starts with where the value came from, then (for bodies) the parameter's name.
_SOURCES = ("body", "form", "file", "query", "path", "header", "cookie")
_SUMMARY_ITEMS = 5


def error_body(detail: str, code: str, *, field: str | None = None, errors=None) -> dict:
    body = {"detail": str(detail), "code": code}
    if field:
        body["field"] = field
    if errors is not None:
        body["errors"] = errors
    return body


def _error_response(status: int, detail: str, code: str) -> JsonResponse:
    """For answers given outside an operation (no ninja renderer at hand): same shape."""
    return JsonResponse(error_body(detail, code), status=status)


def _json_fallbacks(view):
    """ninja answers a wrong method with a plain-text 405 and its root (/api/v1/) with an HTML 404:
    make both JSON. csrf_exempt and the other view attributes carry over (wraps copies __dict__)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            response = view(request, *args, **kwargs)
        except Http404:
            return _error_response(404, ERR_NOT_FOUND, "not_found")
        is_json = response.get("Content-Type", "").startswith("application/json")
        if response.status_code == 405 and not is_json:
            allowed = response.get("Allow", "")
            response = _error_response(405, ERR_METHOD, "method_not_allowed")
            response["Allow"] = allowed
        return response

    return wrapper


class LmsAPI(NinjaAPI):
    def get_openapi_schema(self, *, path_prefix=None, path_params=None):
        schema = super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
        return document_errors(schema)

    def _get_urls(self):
        return [
            URLPattern(p.pattern, _json_fallbacks(p.callback), p.default_args, p.name)
            if isinstance(p, URLPattern)
            else p
            for p in super()._get_urls()
        ]


api = LmsAPI(
    title="Peer Support Academy API",
    version="1.0.0",
    urls_namespace="api-1",
    description=(
        "Catalogue, enrolment and progress, assessments, practice hours, eligibility, certificates and "
        "public certificate verification. Personal endpoints use the session cookie (log in first) and, "
        "for POST, PUT, PATCH and DELETE, the csrftoken cookie's value in the X-CSRFToken header; "
        "verification endpoints need no account. Every error is JSON in the ErrorOut shape."
    ),
    docs_url="/docs",
)


@api.exception_handler(DomainError)
def _domain_error(request, exc: DomainError):
    body = error_body(exc.message, exc.code, field=exc.field)
    return api.create_response(request, body, status=exc.status_code)


@api.exception_handler(Http404)
def _not_found(request, exc):
    return api.create_response(request, error_body(ERR_NOT_FOUND, "not_found"), status=404)


@api.exception_handler(PermissionDenied)
def _forbidden(request, exc):
    return api.create_response(request, error_body(str(exc) or ERR_FORBIDDEN, "forbidden"), status=403)


@api.exception_handler(AuthenticationError)
def _unauthenticated(request, exc):
    return api.create_response(request, error_body(ERR_UNAUTHENTICATED, "unauthenticated"), status=401)


@api.exception_handler(HttpError)
def _http_error(request, exc: HttpError):
    """ninja's own refusals: the CSRF check of session auth, throttling, HttpError raised by views."""
    status = exc.status_code
    if status == 403 and str(exc) == NINJA_CSRF_MESSAGE:
        body = error_body(ERR_CSRF, "csrf_failed")
    else:
        body = error_body(str(exc) or ERR_BAD_REQUEST, HTTP_CODES.get(status, "error"))
    return api.create_response(request, body, status=status)


def _field_name(loc) -> str:
    parts = list(loc)
    if parts and parts[0] in _SOURCES:
        if parts[0] in ("body", "form", "file") and len(parts) > 2:
            parts = parts[1:]  # the parameter's name ("payload") says nothing to a client
        parts = parts[1:]
    return ".".join(str(p) for p in parts) or str(loc[0] if loc else "")


@api.exception_handler(ValidationError)
def _validation_error(request, exc: ValidationError):
    """ninja's 422 says {"detail": [...]}; here it is a readable summary plus each error (loc, msg,
    type; never the input, which may be personal)."""
    items = [
        {"loc": list(e.get("loc", ())), "msg": str(e.get("msg", "")), "type": str(e.get("type", ""))}
        for e in exc.errors
    ]
    parts = [f"{_field_name(i['loc'])}: {i['msg']}" for i in items[:_SUMMARY_ITEMS]]
    if len(items) > _SUMMARY_ITEMS:
        parts.append(ERR_INVALID_MORE.format(count=len(items) - _SUMMARY_ITEMS))
    field = _field_name(items[0]["loc"]) if len(items) == 1 else None
    body = error_body("; ".join(parts), "invalid", field=field, errors=items)
    return api.create_response(request, body, status=422)


@api.exception_handler(DjangoValidationError)
def _invalid(request, exc: DjangoValidationError):
    if hasattr(exc, "message_dict"):
        detail = "; ".join(f"{k}: {' '.join(v)}" for k, v in exc.message_dict.items())
    else:
        detail = " ".join(exc.messages)
    return api.create_response(request, error_body(detail, "invalid"), status=422)


@api.exception_handler(RequestDataTooBig)
def _too_large(request, exc):
    return api.create_response(request, error_body(ERR_TOO_LARGE, "too_large"), status=413)


@api.exception_handler(SuspiciousOperation)
def _suspicious(request, exc):
    # Django answers these 400 on pages; the reason is for the logs, not the client.
    logger.warning("Suspicious API request %s %s: %s", request.method, request.path, exc)
    return api.create_response(request, error_body(ERR_BAD_REQUEST, "bad_request"), status=400)


@api.exception_handler(MultiPartParserError)
@api.exception_handler(UnreadablePostError)
def _malformed_body(request, exc):
    # A multipart body without a boundary, or one the client broke off: the client's fault (Django's
    # pages answer 400 too), whether ninja's CSRF check or a File parameter met it first.
    logger.info("Malformed API request body %s %s: %s", request.method, request.path, exc)
    return api.create_response(request, error_body(ERR_BAD_REQUEST, "bad_request"), status=400)


@api.exception_handler(Exception)
def _server_error(request, exc):
    """The last resort: a bug. Logged with its traceback; the client learns nothing about it."""
    logger.error("Unhandled error in API %s %s", request.method, request.path, exc_info=exc)
    # As Django does for an uncaught exception (error reporting, the test client re-raising it).
    got_request_exception.send(sender=None, request=request)
    return api.create_response(request, error_body(ERR_SERVER, "server_error"), status=500)


@csrf_exempt
def api_not_found(request, *args, **kwargs):
    """Every /api/ path no operation matches (an unknown path, an out-of-range id)."""
    return _error_response(404, ERR_NOT_FOUND, "not_found")


def server_error(request, *args, **kwargs):
    """handler500: a failure outside an operation (middleware, URL resolution) on an API path is JSON
    too; pages get templates/500.html in the site's layout, rendered without the request or any context
    processor (no session, user or database: the failure may be the database)."""
    if request.path.startswith("/api/"):
        return _error_response(500, ERR_SERVER, "server_error")
    try:
        template = loader.get_template(defaults.ERROR_500_TEMPLATE_NAME)
    except TemplateDoesNotExist:
        return defaults.server_error(request, *args, **kwargs)
    return HttpResponseServerError(template.render({"SITE_NAME": settings.WAGTAIL_SITE_NAME}))


def _mount():
    from assessments.api import router as assessments_router
    from certificates.api import router as certificates_router
    from courses.api import router as courses_router

    # Certificates first: public verification is the busiest route (URL patterns are tried in order).
    api.add_router("/", certificates_router)
    api.add_router("/", courses_router)
    api.add_router("/", assessments_router)


_mount()

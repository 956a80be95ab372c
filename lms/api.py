"""The one NinjaAPI, at /api/v1/. Each app mounts its Router here; domain errors become 4xx here."""

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from ninja import NinjaAPI
from ninja.errors import AuthenticationError

from .errors import DomainError

api = NinjaAPI(
    title="Peer Support Academy API",
    version="1.0.0",
    urls_namespace="api-1",
    description=(
        "Catalogue, enrolment and progress, assessments, practice hours, eligibility, certificates and "
        "public certificate verification. Personal endpoints use the session cookie (log in first); "
        "verification endpoints need no account."
    ),
    docs_url="/docs",
)


@api.exception_handler(DomainError)
def _domain_error(request, exc: DomainError):
    body = {"detail": exc.message, "code": exc.code}
    if exc.field:
        body["field"] = exc.field
    return api.create_response(request, body, status=exc.status_code)


@api.exception_handler(Http404)
def _not_found(request, exc):
    return api.create_response(request, {"detail": "Not found.", "code": "not_found"}, status=404)


@api.exception_handler(PermissionDenied)
def _forbidden(request, exc):
    return api.create_response(
        request, {"detail": str(exc) or "You do not have permission.", "code": "forbidden"}, status=403
    )


@api.exception_handler(AuthenticationError)
def _unauthenticated(request, exc):
    return api.create_response(request, {"detail": "Log in first.", "code": "unauthenticated"}, status=401)


@api.exception_handler(DjangoValidationError)
def _invalid(request, exc: DjangoValidationError):
    if hasattr(exc, "message_dict"):
        detail = "; ".join(f"{k}: {' '.join(v)}" for k, v in exc.message_dict.items())
    else:
        detail = " ".join(exc.messages)
    return api.create_response(request, {"detail": detail, "code": "invalid"}, status=422)


def _mount():
    from assessments.api import router as assessments_router
    from certificates.api import router as certificates_router
    from courses.api import router as courses_router

    api.add_router("/", courses_router)
    api.add_router("/", assessments_router)
    api.add_router("/", certificates_router)


_mount()

"""Upload size limits, enforced before a body is read, site-wide.

Two layers, both configured in settings (MAX_UPLOAD_BYTES for every path, UPLOAD_LIMITS for smaller
per-path limits such as the verify-PDF upload):

- `UploadLimitMiddleware` (first in MIDDLEWARE) answers 413 when a request's Content-Length is over
  its path's limit, before CSRF, sessions or a view read the body: JSON `{"detail", "code":
  "too_large"}` under /api/, a short HTML page elsewhere. The request limit is the file limit plus
  room for the form's other fields, so a file just over the limit reaches the second layer, where the
  form can say so and keep what the user typed.
- `LimitedUploadHandler` (first in FILE_UPLOAD_HANDLERS) counts each file's bytes while the body is
  parsed. A file over the limit is kept as an empty `TooLargeUpload`: no partial content ever reaches
  a view. Asking its size raises `FileTooLarge`, which is both a ValidationError (a Django form shows
  it on the file's field and keeps the other fields) and a DomainError (the API answers 413 with
  code "file_too_large"); views can also test `is_too_large(upload)`.

A body sent without Content-Length (chunked) is not read by Django at all, so needs no third layer;
nginx's client_max_body_size is the outer limit in production.
"""

from __future__ import annotations

from io import BytesIO

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.files.uploadhandler import FileUploadHandler
from django.http import HttpResponse, JsonResponse
from django.utils.html import escape
from django.utils.translation import gettext as _

from lms.errors import DomainError

# Room for the multipart boundaries and the form's other fields on top of the file limit.
FORM_OVERHEAD_BYTES = 64 * 1024

ERR_REQUEST_TOO_LARGE = "The upload is too large: at most {size} is accepted here."
ERR_FILE_TOO_LARGE = "The file is too large: at most {size} is accepted here."
TOO_LARGE_PAGE = (
    "<!doctype html><html lang=en><meta charset=utf-8><title>{title}</title>"
    "<h1>{title}</h1><p>{message}</p><p><a href=javascript:history.back()>{back}</a></p></html>"
)


def human_size(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):g} MB"
    if size >= 1024:
        return f"{size / 1024:g} KB"
    return f"{size} bytes"


def file_limit_for(path: str) -> int:
    """The largest file accepted at `path`: the longest matching UPLOAD_LIMITS prefix, else
    MAX_UPLOAD_BYTES."""
    limits = getattr(settings, "UPLOAD_LIMITS", {}) or {}
    for prefix in sorted(limits, key=len, reverse=True):
        if path.startswith(prefix):
            return int(limits[prefix])
    return int(settings.MAX_UPLOAD_BYTES)


def request_limit_for(path: str) -> int:
    return file_limit_for(path) + FORM_OVERHEAD_BYTES


class FileTooLarge(DomainError, ValidationError):
    """An uploaded file over its limit: a form field error (ValidationError) and, in the API, 413."""

    status_code = 413

    def __init__(self, message: str):
        super().__init__(message, code="file_too_large", field="file")
        # ValidationError.__init__ set these to its own defaults; keep the domain error's.
        self.message = str(message)
        self.code = "file_too_large"


class TooLargeUpload(UploadedFile):
    """Stands in for a file that went over the limit: it holds nothing, and asking its size raises
    FileTooLarge, which every Django form (FileField reads .size) turns into an error on the field."""

    def __init__(self, *, name: str, content_type: str, limit: int):
        super().__init__(BytesIO(), name=name, content_type=content_type, size=0)
        self.limit = limit

    @property
    def message(self) -> str:
        return _(ERR_FILE_TOO_LARGE).format(size=human_size(self.limit))

    @property
    def size(self):
        raise FileTooLarge(self.message)

    @size.setter
    def size(self, value):  # UploadedFile.__init__ assigns it
        pass

    def __len__(self):
        return 0


def is_too_large(upload) -> bool:
    return isinstance(upload, TooLargeUpload)


def reject_too_large(upload) -> None:
    """For views that read request.FILES without a form (the API): raise FileTooLarge."""
    if is_too_large(upload):
        raise FileTooLarge(upload.message)


class LimitedUploadHandler(FileUploadHandler):
    """Counts each file's bytes; past the limit it swallows the rest, so later handlers (memory,
    temporary file) never hold a partial file, and hands the view a TooLargeUpload instead."""

    def new_file(
        self, field_name, file_name, content_type, content_length, charset=None, content_type_extra=None
    ):
        super().new_file(field_name, file_name, content_type, content_length, charset, content_type_extra)
        self.limit = file_limit_for(self.request.path)
        self.too_large = False

    def receive_data_chunk(self, raw_data, start):
        if self.too_large:
            return None
        if start + len(raw_data) > self.limit:
            self.too_large = True
            self.request.upload_too_large = True
            return None
        return raw_data

    def file_complete(self, file_size):
        if not self.too_large:
            return None  # the next handler builds the real file
        return TooLargeUpload(name=self.file_name, content_type=self.content_type, limit=self.limit)


def too_large_response(request, limit: int) -> HttpResponse:
    message = _(ERR_REQUEST_TOO_LARGE).format(size=human_size(limit))
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": message, "code": "too_large"}, status=413)
    page = TOO_LARGE_PAGE.format(
        title=escape(_("Upload too large")), message=escape(message), back=escape(_("Go back"))
    )
    return HttpResponse(page, status=413, content_type="text/html; charset=utf-8")


class UploadLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0  # Django reads no body for a malformed length
        if length > request_limit_for(request.path):
            return too_large_response(request, file_limit_for(request.path))
        return self.get_response(request)

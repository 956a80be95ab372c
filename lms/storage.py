"""Private files (issued certificate PDFs, evidence): where they are kept and how they reach the people
allowed to read them.

They live on local disk by default, or in a private S3-compatible bucket when PRIVATE_STORAGE_BUCKET is
set, so that every web and worker machine sees the same files (`s3_storage` builds that entry of
STORAGES; docs/operations.md, "Files: issued PDFs and evidence").

A private file is always streamed through the application by `private_file_response`, after the view
has checked who is asking, never handed out as a redirect to a signed bucket URL, because:
- a signed URL is a bearer token: whoever holds it (a forwarded link, a proxy log, a Referer header)
  can fetch the file until it expires, with no permission check and no audit record;
- the bucket's address, its name and the object key (the certificate's UUID) never reach a browser;
- our headers hold for every byte: Content-Disposition, `no-store`, `nosniff`, and the certificate
  page can frame its own PDF without allowing the bucket's host in the Content-Security-Policy;
- the files are small (a certificate is ~100 KB, evidence at most the upload limit), so streaming
  them costs a web worker little.
The S3 backend is still configured with query-string signing and a short expiry
(PRIVATE_URL_EXPIRY_SECONDS), so that if code ever calls `.url()` on a private file it gets a URL
that dies within a minute, never a public one.
"""

from __future__ import annotations

import logging

from django.core.exceptions import ImproperlyConfigured
from django.core.files.storage import Storage, storages
from django.http import FileResponse, Http404

logger = logging.getLogger(__name__)

S3_BACKEND = "storages.backends.s3.S3Storage"
CACHE_CONTROL_PRIVATE = "private, no-store"
# Only these are served with their own type (and, for PDFs, may be shown inline); anything else an
# administrator uploaded as evidence is offered as an opaque download, so a browser never renders
# an uploaded HTML or SVG file on our origin.
SAFE_CONTENT_TYPES = {
    "pdf": "application/pdf",
    "png": "image/png",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
}
OPAQUE_CONTENT_TYPE = "application/octet-stream"
MISSING_FILE_LOG = "Private file %s is recorded but missing from the %s storage."
ENCRYPTION_CHOICES = ("", "AES256", "aws:kms")
ERR_ENCRYPTION = "PRIVATE_STORAGE_ENCRYPTION must be empty, AES256 or aws:kms (got %r)."


def s3_storage(
    *,
    bucket: str,
    public_urls: bool = False,
    expiry_seconds: int = 60,
    encryption: str = "",
    kms_key_id: str = "",
    endpoint_url: str | None = None,
    region_name: str | None = None,
    addressing_style: str | None = None,
    custom_domain: str | None = None,
) -> dict:
    """A STORAGES entry for django-storages' S3 backend. Credentials are not settings: boto3 finds
    AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY in the environment, or the machine's role.

    Private (the default): no ACL is sent (the bucket, which blocks public access, decides), URLs are
    signed and expire after `expiry_seconds`, objects are encrypted at rest when `encryption` says so.
    `public_urls` is for Wagtail's images: stable unsigned URLs, readable where the bucket policy
    allows it (images/ only; documents are streamed through Wagtail's own permission check)."""
    if encryption not in ENCRYPTION_CHOICES:
        raise ImproperlyConfigured(ERR_ENCRYPTION % encryption)
    object_parameters = {}
    if encryption:
        object_parameters["ServerSideEncryption"] = encryption
        if encryption == "aws:kms" and kms_key_id:
            object_parameters["SSEKMSKeyId"] = kms_key_id
    return {
        "BACKEND": S3_BACKEND,
        "OPTIONS": {
            "bucket_name": bucket,
            "endpoint_url": endpoint_url or None,
            "region_name": region_name or None,
            "addressing_style": addressing_style or None,
            "signature_version": "s3v4",
            "default_acl": None,
            # As on disk: a second file under a taken name gets a new name, never overwrites one.
            "file_overwrite": False,
            "querystring_auth": not public_urls,
            "querystring_expire": expiry_seconds,
            "custom_domain": (custom_domain or None) if public_urls else None,
            "object_parameters": object_parameters,
        },
    }


def private_file_response(
    name: str, *, filename: str, inline: bool = False, storage: Storage | None = None
) -> FileResponse:
    """Stream a private file to someone the calling view has already allowed to read it.

    `name` is the file's name in `storage` (the private storage by default); `filename` what the
    browser saves it as. A record naming a file that is not there answers 404 (and is logged: it
    means a lost file, see docs/operations.md on backups)."""
    if not name:
        raise Http404
    storage = storage if storage is not None else storages["private"]
    try:
        fh = storage.open(name, "rb")
    except FileNotFoundError:
        logger.error(MISSING_FILE_LOG, name, type(storage).__name__)
        raise Http404 from None
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    content_type = SAFE_CONTENT_TYPES.get(extension, OPAQUE_CONTENT_TYPE)
    response = FileResponse(
        fh,
        content_type=content_type,
        as_attachment=not (inline and content_type == "application/pdf"),
        filename=filename,
    )
    response["Cache-Control"] = CACHE_CONTROL_PRIVATE
    response["X-Content-Type-Options"] = "nosniff"
    return response

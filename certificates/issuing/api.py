"""/api/v1/ endpoints for verification (public, rate-limited), Open Badges (credential, status
lists, issuer profile and keys), applications, decisions, lifecycle actions and the holder's
certificates. Thin: parse, call one service or selector, shape onto an explicit schema."""

import json

from django.conf import settings
from django.http import HttpResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from ninja import File, Router, Status
from ninja.files import UploadedFile
from ninja.security import django_auth

from certificates.models import Certificate, CertificateApplication, ProgramVersion
from certificates.permissions import require_program_admin
from certificates.schemas import ERRORS
from lms import uploads
from lms.converters import Id
from lms.errors import Conflict, DomainError, Invalid, NotFound
from lms.models import User

from . import badgeimage, badges, dataintegrity, dikeys, httpcache, ratelimit, selectors, services
from .codes import format_code
from .schemas import (
    ApplicationIn,
    ApplicationOut,
    CertificateOut,
    CredentialLinkOut,
    ErrorOut,
    PdfVerificationOut,
    ReasonIn,
    VerificationOut,
)
from .selectors import credentials as credential_selectors
from .selectors import publishing as publishing_selectors

router = Router(tags=["certificates"])
PUBLIC_ERRORS = {404: ErrorOut, 413: ErrorOut, 422: ErrorOut, 429: ErrorOut}

ERR_FILE_TOO_LARGE = _("The file is larger than {size}. A certificate PDF from us is much smaller.")
ERR_FILE_EMPTY = _("Choose the certificate's PDF file to upload.")
ERR_NOT_ISSUED_YET = _("This certificate is still being issued. Try again in a few minutes.")
ERR_VERSION_NOT_FOUND = _("No such program version.")
ERR_USER_NOT_FOUND = _("No such person.")
ERR_BAD_PURPOSE = _("No such status list.")
ERR_KEY_NOT_FOUND = _("No such key.")


class FileTooLarge(DomainError):
    status_code = 413
    code = "file_too_large"


# --- shaping --------------------------------------------------------------------------------------


def certificate_out(certificate: Certificate) -> dict:
    verification = selectors.verification_of(certificate)
    issued = certificate.status not in (Certificate.Status.PENDING, Certificate.Status.CANCELLED)
    return {
        "uuid": certificate.uuid,
        "code": format_code(certificate.code),
        "status": verification.status,
        "status_label": str(verification.status_label),
        "holder_name": verification.holder_name,
        "program": verification.program,
        "program_version": verification.program_version,
        "issuer": verification.issuer,
        "requirements_set_by": verification.requirements_set_by,
        "issued_on": certificate.issued_on,
        "expires_on": certificate.expires_on,
        "status_changed_on": verification.status_changed_on,
        "status_reason": verification.status_reason,
        "replaces": format_code(certificate.replaces.code) if certificate.replaces_id else None,
        "replaced_by": verification.replaced_by,
        "download_url": reverse("certificates:issuing:download", args=[certificate.uuid]) if issued else None,
        "credential_url": reverse("api-1:certificate_credential", args=[format_code(certificate.code)])
        if issued
        else None,
        "verify_url": selectors.verify_url(certificate.code),
    }


def application_out(application: CertificateApplication) -> dict:
    try:
        code = format_code(application.certificate.code)
    except Certificate.DoesNotExist:
        code = None
    return {
        "id": application.pk,
        "kind": application.kind,
        "status": application.status,
        "status_label": str(application.get_status_display()),
        "applicant": application.user.get_full_name(),
        "program": application.version.program.slug,
        "program_name": application.version.program.name,
        "version": application.version.label,
        "submitted_at": application.submitted_at,
        "decided_at": application.decided_at,
        "decision_reason": application.decision_reason,
        "certificate_code": code,
    }


# --- Verification (public) --------------------------------------------------------------------------


@router.post(
    "/verify/pdf",
    response={200: PdfVerificationOut, **PUBLIC_ERRORS},
    auth=None,
    summary="Check an uploaded certificate PDF: authentic, altered, not issued here or could not be checked",
    description=(
        "A file we issued is recognised by its SHA-256 at once. Any other file is examined within "
        "server limits (time, memory, object counts); one that exceeds them is answered "
        "`could_not_check`. A request body over the upload limit is refused with 413 (`too_large`) "
        "before it is read; a file over it with 413 (`file_too_large`)."
    ),
)
def verify_pdf(request, file: UploadedFile = File(...)):  # noqa: B008 (ninja declares params this way)
    ratelimit.check_rate(request, "verify-pdf")
    if uploads.is_too_large(file) or (file.size or 0) > settings.VERIFY_PDF_MAX_BYTES:
        raise FileTooLarge(
            str(ERR_FILE_TOO_LARGE).format(size=uploads.human_size(settings.VERIFY_PDF_MAX_BYTES))
        )
    if not file.size:
        raise Invalid(str(ERR_FILE_EMPTY), field="file")
    return selectors.verification_for_pdf(file.read()).as_public_dict()


@router.get(
    "/verify/{code}",
    response={200: VerificationOut, **PUBLIC_ERRORS},
    auth=None,
    summary="Look up a certificate by its code",
    description=(
        "The answer (200, or 404 for a code never issued) is the same for every anonymous client and "
        "says `Cache-Control: public, max-age=0, s-maxage=N` (VERIFY_CACHE_SECONDS, 60 by default): a "
        "shared proxy may keep it N seconds, a browser asks again; a status change "
        "shows within N seconds. A 429 or any other error is never cached."
    ),
)
def verify_code(request, code: str):
    from lms.api import api, error_body

    try:
        ratelimit.check_rate(request, "verify")
        verification = selectors.verification_for_code(code)
    except DomainError as exc:
        body = error_body(exc.message, exc.code, field=exc.field)
        answer = api.create_response(request, body, status=exc.status_code)
        return httpcache.public(answer) if isinstance(exc, NotFound) else httpcache.never(answer)
    # Verification.as_public_dict() is exactly VerificationOut (tests compare the two): rendered as is,
    # without validating it again on every call (the busiest endpoint; issue 10).
    return httpcache.public(api.create_response(request, verification.as_public_dict(), status=200))


# --- Open Badges 3.0 --------------------------------------------------------------------------------


@router.get(
    "/certificates/{code}/credential",
    response={200: None, 503: ErrorOut, **ERRORS},
    auth=django_auth,
    url_name="certificate_credential",
    summary="The certificate as an Open Badges 3.0 OpenBadgeCredential (VC-JWT)",
    description=(
        "`format=jwt` (default): the VC-JWT. `format=json`: the credential and the JWT. `format=ldp` "
        "(or `Accept: application/vc+ld+json`): the credential with an embedded Data Integrity proof "
        "(eddsa-rdfc-2022) by the issuer's did:web key; 503 when that key is not configured."
    ),
)
def certificate_credential(request, code: str, format: str = "jwt"):
    certificate = selectors.certificate_for_viewer_by_code(user=request.user, code=code)
    if certificate.status in (Certificate.Status.PENDING, Certificate.Status.CANCELLED):
        raise Conflict(str(ERR_NOT_ISSUED_YET), code="not_issued")
    return _credential_response(
        request,
        selectors.open_badge_for(certificate),
        format,
        download=f"credential-{format_code(certificate.code)}",
    )


def _credential_response(request, credential: dict, format: str, *, download: str | None = None):
    """The credential in the form asked for: `ldp` (or `Accept: application/vc+ld+json` without a
    format) with its Data Integrity proof, `json` the credential beside its VC-JWT, otherwise the
    VC-JWT. With `download`, as an attachment of that name."""
    wants_ldp = format == "ldp" or (
        "format" not in request.GET and dataintegrity.MEDIA_TYPE in request.headers.get("Accept", "")
    )
    if wants_ldp:
        secured = dikeys.secure_credential(credential)
        response = HttpResponse(json.dumps(secured, indent=2), content_type=dataintegrity.MEDIA_TYPE)
        extension = "json"
    elif format == "json":
        token = badges.sign_vc_jwt(credential)
        return HttpResponse(
            json.dumps({"credential": credential, "jwt": token}, indent=2), content_type="application/json"
        )
    else:
        response = HttpResponse(badges.sign_vc_jwt(credential), content_type=badges.JWT_MEDIA_TYPE)
        extension = "jwt"
    if download:
        response["Content-Disposition"] = f'attachment; filename="{download}.{extension}"'
    return response


@router.get(
    "/status-lists/{purpose}",
    response={200: None, 404: ErrorOut},
    auth=None,
    url_name="status_list",
    summary="Bitstring Status List credential (revocation or suspension), as a VC-JWT",
    description=(
        "A credential's `credentialStatus` names the revocation list only; the suspension list (same "
        "index) is served for verifiers who ask. See docs/open-badges.md."
    ),
)
def status_list(request, purpose: str, format: str = "jwt"):
    credential = selectors.status_list_credential(purpose=purpose)
    if credential is None:
        raise NotFound(str(ERR_BAD_PURPOSE))
    if format == "json":
        return HttpResponse(json.dumps(credential), content_type="application/json")
    response = HttpResponse(badges.sign_vc_jwt(credential), content_type=badges.JWT_MEDIA_TYPE)
    response["Cache-Control"] = "public, max-age=60"
    return response


@router.get(
    "/achievements/{slug}/image",
    response={200: None, 404: ErrorOut},
    auth=None,
    url_name="achievement_image",
    summary="The achievement's badge image (SVG), rendered from the program's name and issuing body",
)
def achievement_image(request, slug: str):
    program = credential_selectors.achievement_image_program(slug=slug)
    body = badgeimage.render_svg(name=program.name, issuing_body=program.issuing_body)
    response = HttpResponse(body, content_type=badgeimage.MEDIA_TYPE)
    response["Cache-Control"] = "public, max-age=86400"
    return response


@router.get("/issuer", response={200: dict}, auth=None, summary="Issuer profile (Open Badges Profile)")
def issuer(request):
    return badges.issuer_profile()


@router.get(
    "/issuer/jwks", response={200: dict}, auth=None, summary="The issuer's public signing keys (JWKS)"
)
def issuer_jwks(request):
    return badges.jwks()


@router.get(
    "/issuer/keys/{kid}", response={200: dict, 404: ErrorOut}, auth=None, summary="One public key (JWK)"
)
def issuer_key(request, kid: str):
    for key in badges.jwks()["keys"]:
        if key["kid"] == kid:
            return key
    raise NotFound(str(ERR_KEY_NOT_FOUND))


# --- Applications and decisions ---------------------------------------------------------------------


@router.post("/certificates/applications", response={201: ApplicationOut, **ERRORS}, auth=django_auth)
def application_create(request, payload: ApplicationIn):
    version = ProgramVersion.objects.select_related("program").filter(pk=payload.version_id).first()
    if version is None:
        raise NotFound(str(ERR_VERSION_NOT_FOUND))
    user = request.user
    if payload.user_id is not None and payload.user_id != request.user.pk:
        require_program_admin(request.user)
        user = User.objects.filter(pk=payload.user_id).first()
        if user is None:
            raise NotFound(str(ERR_USER_NOT_FOUND))
    application = services.application_submit(actor=request.user, user=user, version=version)
    return Status(201, application_out(application))


@router.get("/certificates/applications", response={200: list[ApplicationOut], **ERRORS}, auth=django_auth)
def application_list(request, scope: str = "mine", status: str | None = None):
    if scope == "all":
        qs = selectors.applications_queue(actor=request.user, status=status or None)
    else:
        qs = selectors.applications_for_user(user=request.user)
        if status:
            qs = qs.filter(status=status)
    return [application_out(a) for a in qs.select_related("user", "version__program", "certificate")[:500]]


@router.post(
    "/certificates/applications/{id:application_id}/approve",
    response={201: CertificateOut, **ERRORS},
    auth=django_auth,
)
def application_approve(request, application_id: Id):
    application = selectors.application_for_manager(actor=request.user, pk=application_id)
    certificate = services.application_approve(actor=request.user, application=application)
    certificate.refresh_from_db()
    return Status(201, certificate_out(certificate))


@router.post(
    "/certificates/applications/{id:application_id}/reject",
    response={200: ApplicationOut, **ERRORS},
    auth=django_auth,
)
def application_reject(request, application_id: Id, payload: ReasonIn):
    application = selectors.application_for_manager(actor=request.user, pk=application_id)
    application = services.application_reject(
        actor=request.user, application=application, reason=payload.reason
    )
    return application_out(application)


# --- Certificates -------------------------------------------------------------------------------------


@router.get("/certificates", response={200: list[CertificateOut], 401: ErrorOut}, auth=django_auth)
def my_certificates(request):
    return [certificate_out(c) for c in selectors.certificates_for_holder(user=request.user)]


@router.get("/certificates/{code}", response={200: CertificateOut, **ERRORS}, auth=django_auth)
def certificate_detail(request, code: str):
    return certificate_out(selectors.certificate_for_viewer_by_code(user=request.user, code=code))


def _managed(request, code: str) -> Certificate:
    require_program_admin(request.user)
    return selectors.certificate_for_viewer_by_code(user=request.user, code=code)


@router.post("/certificates/{code}/suspend", response={200: CertificateOut, **ERRORS}, auth=django_auth)
def certificate_suspend(request, code: str, payload: ReasonIn):
    certificate = services.certificate_suspend(
        actor=request.user, certificate=_managed(request, code), reason=payload.reason
    )
    return certificate_out(certificate)


@router.post("/certificates/{code}/reinstate", response={200: CertificateOut, **ERRORS}, auth=django_auth)
def certificate_reinstate(request, code: str, payload: ReasonIn):
    certificate = services.certificate_reinstate(
        actor=request.user, certificate=_managed(request, code), reason=payload.reason
    )
    return certificate_out(certificate)


@router.post("/certificates/{code}/revoke", response={200: CertificateOut, **ERRORS}, auth=django_auth)
def certificate_revoke(request, code: str, payload: ReasonIn):
    certificate = services.certificate_revoke(
        actor=request.user, certificate=_managed(request, code), reason=payload.reason
    )
    return certificate_out(certificate)


@router.post("/certificates/{code}/renew", response={201: CertificateOut, **ERRORS}, auth=django_auth)
def certificate_renew(request, code: str):
    certificate = selectors.certificate_for_viewer_by_code(user=request.user, code=code)
    renewal = services.certificate_renew(actor=request.user, certificate=certificate)
    renewal.refresh_from_db()
    return Status(201, certificate_out(renewal))


# --- Published credentials (the holder shares their Open Badge at an unguessable address) ------------

PUBLISHED_ERRORS = {404: ErrorOut, 429: ErrorOut}


def credential_link_out(link) -> dict:
    url = publishing_selectors.published_url(link) if link.is_active else None
    return {
        "id": link.pk,
        "certificate_code": format_code(link.certificate.code),
        "url": url,
        "json_url": f"{url}?format=json" if url else None,
        "page_url": publishing_selectors.public_page_url(link) if link.is_active else None,
        "active": link.is_active,
        "created_at": link.created_at,
        "revoked_at": link.revoked_at,
    }


def _cors(response: HttpResponse) -> HttpResponse:
    # Public data the holder chose to share: any web wallet may read it (no cookies are involved).
    response["Access-Control-Allow-Origin"] = "*"
    response["Access-Control-Expose-Headers"] = "X-Certificate-Status"
    # A stopped link or a changed status must show soon: caches revalidate every time.
    response["Cache-Control"] = "no-cache"
    return response


@router.get(
    "/credentials/{token}",
    response={200: None, **PUBLISHED_ERRORS},
    auth=None,
    url_name="published_credential",
    summary="A credential its holder shared: the OpenBadgeCredential (VC-JWT); `?format=json`, `?format=ldp`",
    description=(
        "`?format=json` gives the credential and its JWT as JSON; `?format=ldp` the credential with a Data "
        "Integrity proof. No login: the address is the key, and its holder can stop it (then 404, the same answer as for "
        "an address that never existed). A suspended, revoked or expired certificate still answers: its "
        "status is in the credential's `credentialStatus` (the status lists) and in the "
        "`X-Certificate-Status` header. `?download=1` sends it as a file to save. Readable from any origin "
        "(CORS); rate-limited per client like verification (429). People open the page at "
        "`/credentials/{token}/`."
    ),
)
def published_credential(request, token: str, format: str = "jwt", download: bool = False):
    from lms.api import api, error_body

    try:
        ratelimit.check_rate(request, "verify")
        certificate = publishing_selectors.published_certificate_for_token(token=token)
    except DomainError as exc:
        body = error_body(exc.message, exc.code, field=exc.field)
        return _cors(api.create_response(request, body, status=exc.status_code))
    response = _credential_response(request, selectors.open_badge_for(certificate), format)
    if download:
        # The public page's "Download" link: a file to keep or import into a wallet.
        extension = "jwt" if response["Content-Type"] == badges.JWT_MEDIA_TYPE else "json"
        name = f"open-badge-{format_code(certificate.code)}.{extension}"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["X-Certificate-Status"] = selectors.verification_of(certificate).status
    return _cors(response)


@router.post(
    "/certificates/{code}/credential/links",
    response={200: CredentialLinkOut, 201: CredentialLinkOut, **ERRORS},
    auth=django_auth,
    summary="Share my credential at an unguessable address (the holder only)",
    description=(
        "201 with a new link; 200 with the link already active (one per certificate). 403 for a program "
        "administrator (only the holder shares), 404 for anyone else, 409 while the certificate is not "
        "issued yet, is suspended or was revoked (a link already shared keeps answering, with the status)."
    ),
)
def credential_link_create(request, code: str):
    certificate = selectors.certificate_for_viewer_by_code(user=request.user, code=code)
    link, created = services.credential_publish(actor=request.user, certificate=certificate)
    return Status(201 if created else 200, credential_link_out(link))


@router.delete(
    "/credential-links/{id:link_id}",
    response={200: CredentialLinkOut, **ERRORS},
    auth=django_auth,
    summary="Stop sharing a credential (its holder or a program administrator)",
    description="The address answers 404 from now on. Stopping a stopped link changes nothing.",
)
def credential_link_delete(request, link_id: Id):
    link = publishing_selectors.credential_link_for_viewer(user=request.user, pk=link_id)
    link = services.credential_unpublish(actor=request.user, link=link)
    return credential_link_out(link)

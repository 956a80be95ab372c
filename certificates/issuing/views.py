"""HTML pages: public verification (by code, QR target, PDF upload) and the holder's certificates
(status, preview, download, Open Badge, sharing, apply, renew). The program administrator's pages
are in staff_views. Thin: parse, call one service or selector, answer; domain errors are shown with
their status code."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from certificates.models import Certificate, ProgramVersion
from certificates.registry import selectors as registry_selectors
from lms import uploads
from lms.audit import audit_record
from lms.converters import parse_id
from lms.errors import DomainError, Invalid
from lms.storage import private_file_response

from . import forms, httpcache, ratelimit, selectors, services
from .codes import format_code
from .qr import qr_svg_data_uri
from .selectors import linkedin
from .selectors import publishing as publishing_selectors

ERR_PDF_TOO_LARGE = "The file is larger than {size}. A certificate PDF from us is much smaller."


# --- Public verification ------------------------------------------------------------------------------


@require_GET
def verify(request):
    """The form: type a code (GET, so the result has a shareable URL) or upload the PDF."""
    code_form = forms.CodeForm(request.GET if "code" in request.GET else None)
    if code_form.is_bound and code_form.is_valid():
        try:
            ratelimit.check_rate(request, "verify")
            verification = selectors.verification_for_code(code_form.cleaned_data["code"])
        except DomainError as exc:
            if exc.field:
                code_form.add_error("code", exc.message)
            return TemplateResponse(
                request,
                "certificates/verify/form.html",
                {
                    "code_form": code_form,
                    "pdf_form": forms.PdfUploadForm(),
                    "lookup_error": None if exc.field else exc,
                },
                status=exc.status_code,
            )
        return redirect("certificates:issuing:verify-code", code=verification.code)
    return TemplateResponse(
        request,
        "certificates/verify/form.html",
        {"code_form": code_form, "pdf_form": forms.PdfUploadForm()},
        status=422 if code_form.is_bound else 200,
    )


@require_GET
def verify_code(request, code):
    """The QR code's target: the public record of one certificate."""
    try:
        ratelimit.check_rate(request, "verify")
        verification = selectors.verification_for_code(code)
    except DomainError as exc:
        # The form page carries the upload form's CSRF token: never kept by a proxy.
        return httpcache.never(
            TemplateResponse(
                request,
                "certificates/verify/form.html",
                {
                    "code_form": forms.CodeForm(initial={"code": code}),
                    "pdf_form": forms.PdfUploadForm(),
                    "lookup_error": exc,
                },
                status=exc.status_code,
            )
        )
    # The register's public record, the same for every anonymous visitor (no form token on it).
    return httpcache.public(TemplateResponse(request, "certificates/verify/result.html", {"v": verification}))


@require_GET
def credential_page(request, token):
    """A credential its holder shares, as a page for people (the address is the key, no login): the
    public record, a QR code to the verification page, the Open Badges file and "Add to LinkedIn".
    Once the holder stops sharing, the address answers 404 for everyone, with a kind word."""
    try:
        ratelimit.check_rate(request, "verify")
        certificate = publishing_selectors.published_certificate_for_token(token=token)
    except DomainError as exc:
        return httpcache.never(
            TemplateResponse(
                request, "certificates/issuing/credential_gone.html", {"error": exc}, status=exc.status_code
            )
        )
    verification = selectors.verification_of(certificate)
    verify_url = verification.verify_url
    context = {
        "v": verification,
        "verify_url": verify_url,
        "qr": qr_svg_data_uri(verify_url),
        "download_url": publishing_selectors.credential_download_path(token),
        "linkedin_url": linkedin.linkedin_add_url(verification)
        if linkedin.linkedin_offered(verification)
        else None,
    }
    # Never served from a cache without asking: stopping sharing takes effect at once.
    return httpcache.revalidate(
        TemplateResponse(request, "certificates/issuing/credential_page.html", context)
    )


@require_http_methods(["GET", "POST"])
def verify_pdf(request):
    if request.method == "GET":
        return redirect("certificates:issuing:verify")
    pdf_form = forms.PdfUploadForm(request.POST, request.FILES)
    status = 200
    result = None
    if pdf_form.is_valid():
        upload = pdf_form.cleaned_data["file"]
        try:
            ratelimit.check_rate(request, "verify-pdf")
            if upload.size > settings.VERIFY_PDF_MAX_BYTES:
                raise Invalid(
                    _(ERR_PDF_TOO_LARGE).format(size=uploads.human_size(settings.VERIFY_PDF_MAX_BYTES)),
                    field="file",
                )
            result = selectors.verification_for_pdf(upload.read())
        except DomainError as exc:
            status = 413 if exc.field == "file" else exc.status_code
            pdf_form.add_error("file" if exc.field == "file" else None, exc.message)
    else:
        # A file over the upload limit was dropped while the body was read (lms.uploads): 413.
        status = 413 if getattr(request, "upload_too_large", False) else 422
    if result is not None:
        return TemplateResponse(request, "certificates/verify/pdf_result.html", {"r": result})
    return TemplateResponse(
        request,
        "certificates/verify/form.html",
        {"code_form": forms.CodeForm(), "pdf_form": pdf_form},
        status=status,
    )


# --- The holder ---------------------------------------------------------------------------------------


def _mine_context(user):
    certificates = list(
        registry_selectors.with_holder_listed(
            publishing_selectors.with_active_link_token(selectors.certificates_for_holder(user=user))
        )
    )
    applications, open_applications = selectors.recent_and_open_applications(user=user)
    rows = []
    renewable_programs = set()
    for certificate in certificates:
        renewal = None
        program_id = certificate.version.program_id
        # Only the newest issued certificate of each program can be renewed: one check per program.
        if certificate.status == Certificate.Status.ISSUED and program_id not in renewable_programs:
            renewable_programs.add(program_id)
            renewal = selectors.renewal_status(certificate=certificate, open_applications=open_applications)
        rows.append(
            {
                "c": certificate,
                "v": selectors.verification_of(certificate),
                "renewal": renewal,
                # Suspended or revoked: no PDF, no badge, no new sharing address (the page says why).
                "withdrawn": certificate.status in selectors.WITHDRAWN_FROM_HOLDER,
            }
        )
    for row in rows:
        token = row["c"].active_link_token
        row["link"] = bool(token)
        row["link_url"] = publishing_selectors.published_url(token) if token else None
        row["page_url"] = publishing_selectors.public_page_url(token) if token else None
        row["linkedin_url"] = (
            linkedin.linkedin_add_url(row["v"]) if linkedin.linkedin_offered(row["v"]) else None
        )
    return {
        "rows": rows,
        "listed": any(certificate.holder_listed for certificate in certificates),
        "options": selectors.apply_options(
            user=user, open_applications=open_applications, certificates=certificates
        ),
        "applications": applications,
    }


@login_required
@require_GET
def mine(request):
    """My certificates: preview, download, Open Badge, renewal; applying when eligible."""
    return TemplateResponse(request, "certificates/issuing/mine.html", _mine_context(request.user))


def _mine_error(request, exc: DomainError):
    ctx = _mine_context(request.user)
    ctx["error"] = exc.message
    return TemplateResponse(request, "certificates/issuing/mine.html", ctx, status=exc.status_code)


@login_required
@require_POST
def apply(request):
    # A posted id that is not one (empty, letters, out of range) is no such version, not a 500.
    version_id = parse_id(request.POST.get("version"))
    version = (
        ProgramVersion.objects.select_related("program").filter(pk=version_id).first() if version_id else None
    )
    if version is None:
        raise Http404
    try:
        services.application_submit(actor=request.user, user=request.user, version=version)
    except DomainError as exc:
        return _mine_error(request, exc)
    messages.success(request, _("Application sent. A program administrator will review it."))
    return redirect("certificates:issuing:mine")


@login_required
@require_POST
def renew(request, uuid):
    try:
        certificate = selectors.certificate_for_viewer(user=request.user, uuid=uuid)
        services.certificate_renew(actor=request.user, certificate=certificate)
    except DomainError as exc:
        return _mine_error(request, exc)
    messages.success(request, _("Renewal approved: your new certificate is being issued."))
    return redirect("certificates:issuing:mine")


@login_required
@require_POST
def share(request, uuid):
    """Share my Open Badge at an unguessable address (only the holder: see services.credential_publish)."""
    try:
        certificate = selectors.certificate_for_viewer(user=request.user, uuid=uuid)
        _link, created = services.credential_publish(actor=request.user, certificate=certificate)
    except DomainError as exc:
        return _mine_error(request, exc)
    if created:
        messages.success(request, _("Your credential is shared. Copy the address below and send it."))
    return redirect(f"{reverse('certificates:issuing:mine')}#share-{certificate.pk}")


@login_required
@require_POST
def share_stop(request, uuid):
    """Stop sharing: the address stops working for everyone who has it."""
    try:
        certificate = selectors.certificate_for_viewer(user=request.user, uuid=uuid)
        stopped = services.credential_stop_sharing(actor=request.user, certificate=certificate)
    except DomainError as exc:
        return _mine_error(request, exc)
    if stopped:
        messages.success(request, _("Sharing stopped. The old address no longer works."))
    return redirect(f"{reverse('certificates:issuing:mine')}#share-{certificate.pk}")


@login_required
@require_GET
@xframe_options_sameorigin
def download(request, uuid):
    """The stored PDF exactly as issued (never re-rendered, never stamped), to the holder and program
    admins. Withdrawn from the holder while the certificate is revoked (410 Gone) or suspended (403):
    a page says so, with the date and the reason, instead of a file that looks valid."""
    try:
        certificate = selectors.certificate_for_viewer(user=request.user, uuid=uuid)
    except DomainError:
        raise Http404
    if not certificate.pdf_name:
        raise Http404
    if selectors.withdrawn_from(certificate, user=request.user):
        revoked = certificate.status == Certificate.Status.REVOKED
        return TemplateResponse(
            request,
            "certificates/issuing/withdrawn.html",
            {"c": certificate, "v": selectors.verification_of(certificate)},
            status=410 if revoked else 403,
        )
    if certificate.holder_id != request.user.pk:
        audit_record(
            actor=request.user,
            action="certificate.downloaded",
            target=certificate,
            subject=certificate.holder,
        )
    return private_file_response(
        certificate.pdf_name,
        filename=f"certificate-{format_code(certificate.code)}.pdf",
        inline=request.GET.get("inline") == "1",
    )


@require_GET
def did_document(request):
    """The issuer's did:web DID document (public): the Ed25519 key of the Data Integrity proofs."""
    import json

    from django.http import HttpResponse

    from . import dikeys

    try:
        body, status = dikeys.did_document(), 200
    except dikeys.DataIntegrityKeyMissing as exc:
        body, status = {"detail": exc.message, "code": exc.code}, 503
    response = HttpResponse(json.dumps(body, indent=2), content_type="application/json", status=status)
    response["Access-Control-Allow-Origin"] = "*"
    response["Cache-Control"] = "public, max-age=300"
    return response

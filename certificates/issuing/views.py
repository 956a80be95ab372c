"""HTML pages: public verification (by code, QR target, PDF upload), the holder's certificates
(preview, download, apply, renew), and the program administrator's pages (decisions, register,
suspend/reinstate/revoke, bulk issue, ZIP download). Thin: parse, call one service or selector,
answer; domain errors are shown with their status code."""

import functools
import zipfile

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.files.storage import storages
from django.http import Http404, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from certificates.models import Certificate, CredentialProgram, ProgramVersion
from certificates.permissions import require_program_admin
from lms import uploads
from lms.audit import audit_events_for, audit_record
from lms.converters import parse_id
from lms.errors import DomainError, Invalid
from lms.pagination import paginate
from lms.storage import private_file_response

from . import forms, httpcache, ratelimit, selectors, services
from .codes import format_code
from .selectors import publishing as publishing_selectors

ERR_PDF_TOO_LARGE = "The file is larger than {size}. A certificate PDF from us is much smaller."


def _error(request, exc: DomainError, *, template="certificates/verify/error.html", context=None):
    ctx = {"message": exc.message, "status": exc.status_code, **(context or {})}
    return TemplateResponse(request, template, ctx, status=exc.status_code)


def handles_domain_errors(view):
    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except DomainError as exc:
            return _error(request, exc)

    return wrapper


def admin_only(view):
    """Program administrators only: anonymous -> login, anyone else -> 403 page."""

    @login_required
    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            require_program_admin(request.user)
        except DomainError as exc:
            return _error(request, exc)
        return view(request, *args, **kwargs)

    return wrapper


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
    certificates = list(selectors.certificates_for_holder(user=user))
    open_applications = selectors.open_applications_for(user=user) if user.is_authenticated else []
    rows = []
    renewable_programs = set()
    for certificate in certificates:
        renewal = None
        program_id = certificate.version.program_id
        # Only the newest issued certificate of each program can be renewed: one check per program.
        if certificate.status == Certificate.Status.ISSUED and program_id not in renewable_programs:
            renewable_programs.add(program_id)
            renewal = selectors.renewal_status(certificate=certificate, open_applications=open_applications)
        rows.append({"c": certificate, "v": selectors.verification_of(certificate), "renewal": renewal})
    links = publishing_selectors.active_links_for(certificates)
    for row in rows:
        link = links.get(row["c"].pk)
        row["link"] = link
        row["link_url"] = publishing_selectors.published_url(link) if link else None
    return {
        "rows": rows,
        "options": selectors.apply_options(user=user, open_applications=open_applications),
        "applications": list(selectors.applications_for_user(user=user)[:20]),
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
    """The stored PDF exactly as issued (never re-rendered), to the holder and program admins."""
    try:
        certificate = selectors.certificate_for_viewer(user=request.user, uuid=uuid)
    except DomainError:
        raise Http404
    if not certificate.pdf_name:
        raise Http404
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


# --- Program administrators -----------------------------------------------------------------------------


@admin_only
@require_GET
def manage(request):
    pager = paginate(request, selectors.applications_queue(actor=request.user))
    return TemplateResponse(
        request,
        "certificates/issuing/manage.html",
        {
            "applications": pager.items,
            "pager": pager,
            "programs": list(selectors.programs_for_manager(actor=request.user)),
            "reason_form": forms.ReasonForm(),
        },
    )


@admin_only
@require_POST
def application_decide(request, pk, decision):
    if decision not in ("approve", "reject"):
        raise Http404
    try:
        application = selectors.application_for_manager(actor=request.user, pk=pk)
        if decision == "approve":
            certificate = services.application_approve(actor=request.user, application=application)
            messages.success(
                request,
                _("Approved: certificate %(code)s is being issued.")
                % {"code": format_code(certificate.code)},
            )
        else:
            services.application_reject(
                actor=request.user, application=application, reason=request.POST.get("reason", "")
            )
            messages.success(request, _("Application not approved; the applicant can see the reason."))
    except DomainError as exc:
        return _error(request, exc)
    return redirect("certificates:issuing:manage")


@admin_only
@require_GET
def register(request, slug):
    program = get_object_or_404(CredentialProgram, slug=slug)
    query = request.GET.get("q", "").strip()[:100]
    status = request.GET.get("status", "")
    certificates = selectors.register_filter(
        selectors.program_register(actor=request.user, program=program), query=query, status=status
    )
    pager = paginate(request, certificates)
    rows = [{"c": c, "v": selectors.verification_of(c)} for c in pager.items]
    return TemplateResponse(
        request,
        "certificates/issuing/register.html",
        {
            "program": program,
            "rows": rows,
            "query": query,
            "pager": pager,
            "status": status if status in selectors.REGISTER_STATUSES else "",
            "statuses": [(s, selectors.STATUS_LABELS[s]) for s in selectors.REGISTER_STATUSES],
        },
    )


@admin_only
@require_GET
def certificate_admin(request, uuid):
    certificate = selectors.certificate_for_viewer(user=request.user, uuid=uuid)
    return TemplateResponse(
        request,
        "certificates/issuing/certificate_admin.html",
        {
            "c": certificate,
            "v": selectors.verification_of(certificate),
            "events": list(audit_events_for(certificate)[:50]),
            "reason_form": forms.ReasonForm(),
        },
    )


STATUS_ACTIONS = {
    "suspend": services.certificate_suspend,
    "reinstate": services.certificate_reinstate,
    "revoke": services.certificate_revoke,
}


@admin_only
@require_POST
def certificate_action(request, uuid, action):
    if action not in STATUS_ACTIONS:
        raise Http404
    try:
        certificate = selectors.certificate_for_viewer(user=request.user, uuid=uuid)
        STATUS_ACTIONS[action](
            actor=request.user, certificate=certificate, reason=request.POST.get("reason", "")
        )
    except DomainError as exc:
        return _error(request, exc)
    messages.success(request, _("Done. The verification page shows the new status now."))
    return redirect("certificates:issuing:certificate-admin", uuid=uuid)


@admin_only
@require_http_methods(["GET", "POST"])
def bulk_issue(request, slug):
    """Issue for every eligible trainee of a program (the tasks render and sign in the background)."""
    program = get_object_or_404(CredentialProgram, slug=slug)
    candidates = services.bulk_candidates(program=program)
    results = None
    if request.method == "POST":
        results = [
            services.bulk_issue_one(
                actor=request.user, user=user, version=version, eligible=eligible, enqueue=True
            )
            for user, version, eligible in candidates
        ]
    return TemplateResponse(
        request,
        "certificates/issuing/bulk.html",
        {
            "program": program,
            "eligible": [(u, v) for u, v, ok in candidates if ok],
            "not_eligible_count": sum(1 for _u, _v, ok in candidates if not ok),
            "results": results,
        },
    )


class _Sink:
    """A write-only file for zipfile that hands out what was written since the last call."""

    def __init__(self):
        self.chunks = []
        self.offset = 0

    def write(self, data):
        self.chunks.append(bytes(data))
        self.offset += len(data)
        return len(data)

    def tell(self):
        return self.offset

    def flush(self):
        pass

    def take(self) -> bytes:
        data = b"".join(self.chunks)
        self.chunks = []
        return data


def _zip_stream(certificates):
    sink = _Sink()
    storage = storages["private"]
    with zipfile.ZipFile(sink, mode="w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for certificate in certificates:
            name = f"{format_code(certificate.code)}-{certificate.holder.get_full_name()}.pdf".replace(
                "/", "-"
            )
            with storage.open(certificate.pdf_name, "rb") as src, archive.open(name, mode="w") as dst:
                for chunk in iter(lambda: src.read(64 * 1024), b""):
                    dst.write(chunk)
                    yield sink.take()
            yield sink.take()
    yield sink.take()


@admin_only
@require_GET
def register_zip(request, slug):
    """Every issued certificate of a program, as stored, in one streamed ZIP."""
    program = get_object_or_404(CredentialProgram, slug=slug)
    certificates = list(selectors.program_register(actor=request.user, program=program).exclude(pdf_name=""))
    audit_record(
        actor=request.user,
        action="certificates.zip_downloaded",
        details={"program": program.slug, "count": len(certificates)},
    )
    response = StreamingHttpResponse(_zip_stream(certificates), content_type="application/zip")
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="{program.slug}-certificates-{stamp}.zip"'
    return response


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

"""The program administrator's issuing pages: the applications queue and decisions, a program's
register, one certificate's page (public record, history in plain words, status changes asked for
on a confirmation page of their own), bulk issue and the register as a ZIP. Thin: parse, call one
service or selector, answer; domain errors are shown with their status code."""

import zipfile

from django.contrib import messages
from django.core.files.storage import storages
from django.http import Http404, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from certificates.models import CredentialProgram
from certificates.web import form_error
from lms.audit import audit_record
from lms.errors import DomainError
from lms.pagination import paginate
from lms.search import search_text

from . import forms, selectors, services, statuschange
from .codes import format_code
from .guards import admin_only, error_page, handles_domain_errors
from .selectors.history import certificate_history


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
        return error_page(request, exc)
    return redirect("certificates:issuing:manage")


@admin_only
@require_GET
def register(request, slug):
    program = get_object_or_404(CredentialProgram, slug=slug)
    query = search_text(request.GET.get("q"))
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
@handles_domain_errors
def certificate_admin(request, uuid):
    certificate = selectors.certificate_for_viewer(user=request.user, uuid=uuid)
    return TemplateResponse(
        request,
        "certificates/issuing/certificate_admin.html",
        {
            "c": certificate,
            "v": selectors.verification_of(certificate),
            "history": certificate_history(certificate),
            "actions": statuschange.actions_for(certificate),
        },
    )


@admin_only
@require_http_methods(["GET", "POST"])
@handles_domain_errors
def certificate_action(request, uuid, action):
    """Suspend, reinstate or revoke, asked first: GET shows what the change does with the form (a
    reason and a box to tick); a POST without both shows the page again with the errors and what was
    typed (422); only a complete POST changes the status. No script needed."""
    change = statuschange.ACTIONS.get(action)
    if change is None:
        raise Http404
    certificate = selectors.certificate_for_viewer(user=request.user, uuid=uuid)
    form = forms.StatusChangeForm(request.POST if request.method == "POST" else None, action=change)
    status = 200
    if certificate.status not in change.allowed_from:
        form, status = None, 409  # nothing to confirm: the page says why
    elif form.is_bound:
        status = 422
        if form.is_valid():
            try:
                change.run(actor=request.user, certificate=certificate, reason=form.cleaned_data["reason"])
            except DomainError as exc:
                form_error(form, exc)
                status = exc.status_code
            else:
                messages.success(request, str(change.done) % {"code": format_code(certificate.code)})
                return redirect("certificates:issuing:certificate-admin", uuid=uuid)
    return TemplateResponse(
        request,
        "certificates/issuing/status_confirm.html",
        {
            "c": certificate,
            "v": selectors.verification_of(certificate),
            "change": change,
            "title": str(change.title) % {"code": format_code(certificate.code)},
            "form": form,
        },
        status=status,
    )


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

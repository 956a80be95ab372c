"""Pages for hours: the trainee's log and the supervisor's queue and decisions (the administrator's
pages for supervisors are in hours.staff_views)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from certificates.web import error_page, form_error, handles_domain_errors
from lms import roles
from lms.errors import DomainError, Invalid
from lms.pagination import local_next, paginate
from lms.timezones import local_today

from . import forms, selectors, services
from .models import PracticeLog


@login_required
@require_http_methods(["GET", "POST"])
@handles_domain_errors
def hours(request):
    supervisors = selectors.supervisors_for_trainee(trainee=request.user)
    form = forms.PracticeLogForm(request.POST or None, supervisors=supervisors)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                entry = services.practice_log_create(trainee=request.user, **data)
            except DomainError as exc:
                form_error(form, exc)
                status = exc.status_code
            else:
                if entry.possible_duplicate:
                    messages.warning(
                        request,
                        _(
                            "Saved. It looks like another entry with the same date and hours; your supervisor will check."
                        ),
                    )
                else:
                    messages.success(request, _("Saved. Your supervisor will review it."))
                return redirect("certificates:hours")
        else:
            status = 422
    filters = forms.HoursFilterForm(request.GET)
    pager = paginate(
        request,
        selectors.practice_logs_for_trainee(trainee=request.user, status=filters.value("status")),
        fragment="#log-list",
    )
    return TemplateResponse(
        request,
        "certificates/hours.html",
        {
            "form": form,
            "filters": filters,
            "pager": pager,
            "entries": pager.items,
            # Over every entry, whatever the page and filter (one grouped query).
            "totals": _totals_rows(selectors.practice_hours_totals(trainee=request.user)),
            "supervisors": supervisors,
            "back": request.get_full_path(),
        },
        status=status,
    )


def _totals_rows(totals):
    """[(kind label, [(status label, hours)])] in the models' order, for the summary table."""
    return [
        (
            label,
            [(s_label, totals[kind][st]) for st, s_label in PracticeLog.Status.choices if st in totals[kind]],
        )
        for kind, label in PracticeLog.Kind.choices
        if kind in totals
    ]


def _back_to_hours(request):
    """Where the trainee came from (the page and filter of their log), if it is our hours page."""
    default = reverse("certificates:hours")
    back = local_next(request, request.POST.get("next") or request.GET.get("next"), default=default)
    return back if back.split("?")[0] == default else default


@login_required
@require_http_methods(["GET", "POST"])
@handles_domain_errors
def hours_edit(request, pk):
    entry = selectors.practice_log_for_actor(actor=request.user, pk=pk)
    if entry.trainee_id != request.user.pk:
        raise Http404
    supervisors = selectors.supervisors_for_trainee(trainee=request.user)
    initial = {
        "date": entry.date,
        "hours": entry.hours,
        "kind": entry.kind,
        "directly_supervised": entry.directly_supervised,
        "domain": entry.domain_id,
        "setting": entry.setting,
        "description": entry.description,
        "supervisor": entry.supervisor_id,
    }
    form = forms.PracticeLogForm(request.POST or None, initial=initial, supervisors=supervisors)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.practice_log_update(actor=request.user, entry=entry, **form.cleaned_data)
            except DomainError as exc:
                form_error(form, exc)
                status = exc.status_code
            else:
                messages.success(request, _("Changes saved. Your supervisor will review the entry again."))
                return redirect(_back_to_hours(request))
        else:
            status = 422
    return TemplateResponse(
        request,
        "certificates/hours_edit.html",
        {"form": form, "entry": entry, "back": _back_to_hours(request)},
        status=status,
    )


@login_required
@require_POST
@handles_domain_errors
def hours_withdraw(request, pk):
    entry = selectors.practice_log_for_actor(actor=request.user, pk=pk)
    if entry.trainee_id != request.user.pk:
        raise Http404
    back = _back_to_hours(request)
    try:
        services.practice_log_withdraw(actor=request.user, entry=entry)
    except DomainError as exc:
        return error_page(request, exc, back_url=back)
    messages.success(request, _("Entry withdrawn."))
    return redirect(back)


def _decision_form(entry, data=None):
    # One form per entry on the page: ids must be unique, names stay those the decide view reads.
    return forms.DecisionForm(
        data,
        auto_id=f"entry-{entry.pk}-%s",
        initial={"decision": "approve", "directly_supervised": entry.directly_supervised},
    )


QUEUE_PARAMS = ("trainee", "kind", "page")
# Each entry carries its own decision form: 25 a page keeps a page's rendering well under 300 ms.
QUEUE_PER_PAGE = 25


def _queue_url(request) -> str:
    """The queue as the supervisor left it: same filter, same page (a page now past the end shows
    the last one)."""
    query = request.GET.copy()
    for key in list(query):
        if key not in QUEUE_PARAMS:
            del query[key]
    encoded = query.urlencode()
    return reverse("certificates:queue") + (f"?{encoded}" if encoded else "")


def _queue_page(request, *, failed=None, bulk_form=None, notice=None, status=200):
    """The supervisor's queue, one page of it, filtered by ?trainee= and ?kind=. Forms on it post to
    their URL with the same query string, so a refused decision comes back to this very page:
    `failed` is (entry pk, bound form) of a refused single decision, `bulk_form` a refused decision
    on several entries, both shown with what the supervisor chose, ticked and typed; `notice` a
    refusal that belongs to no field (an entry decided or withdrawn meanwhile). Every refusal is also
    listed at the top of the queue, linked to the field to correct."""
    if not roles.is_supervisor(request.user):
        raise PermissionDenied
    today = local_today(request.user)
    supervisees = list(selectors.supervisees_for(supervisor=request.user).order_by("full_name", "pk"))
    filters = forms.QueueFilterForm(request.GET, supervisees=supervisees)
    trainee_id, kind = filters.value("trainee"), filters.value("kind")
    pager = paginate(
        request,
        selectors.supervisor_queue_entries(
            supervisor=request.user, trainee_id=trainee_id, kind=kind
        ).select_related("trainee", "supervisor", "domain"),
        per_page=QUEUE_PER_PAGE,
        fragment="#queue-h",
    )
    rows = []
    # The credential flags for this page's rows only (not for the whole queue before it is sorted).
    for entry in selectors.flag_entries(list(pager.items)):
        form = failed[1] if failed and failed[0] == entry.pk else _decision_form(entry)
        rows.append((entry, form))
    if bulk_form is None:
        bulk_form = forms.BulkDecisionForm(initial={"shown_at": timezone.now()})
    # From what was sent, not cleaned_data: a refusal on the "entries" field drops them from there.
    # Only this page's rows are shown, so an id that is not the supervisor's is never echoed back.
    ticked = (
        {int(i) for i in bulk_form.data.getlist("entries") if i.isdigit()} if bulk_form.is_bound else set()
    )
    return TemplateResponse(
        request,
        "certificates/queue.html",
        {
            "rows": rows,
            "pager": pager,
            "filters": filters,
            "filtered": bool(trainee_id or kind),
            "bulk_form": bulk_form,
            "ticked": ticked,
            "bulk_limit": services.BULK_LIMIT,
            "here": pager.current_url,
            "credentials": [
                (q, q.is_valid_on(today)) for q in selectors.qualifications_for(supervisor=request.user)
            ],
            "supervisees": supervisees,
            "decided": selectors.supervisor_decided(supervisor=request.user, limit=20),
            "problems": _problems(rows=rows, failed=failed, bulk_form=bulk_form, notice=notice),
        },
        status=status,
    )


# Where each refused field of a decision form is, to link the summary at the top of the queue to it.
_BULK_ANCHORS = {"reason": "bulk_reason", "decision": "bulk_decision_0", "scope": "bulk-scope"}
_ENTRY_ANCHORS = {"reason": "reason", "decision": "decision_0", "directly_supervised": "directly_supervised"}


def _problems(*, rows, failed, bulk_form, notice) -> list[tuple[str, str]]:
    """(message, link target) for every refusal of the decision just posted, in page order."""
    problems = [(notice, "")] if notice else []
    if failed:
        pk, form = failed
        entry = next((e for e, _form in rows if e.pk == pk), None)
        for field, errors in form.errors.items():
            anchor = f"entry-{pk}-{_ENTRY_ANCHORS[field]}" if field in _ENTRY_ANCHORS else f"entry-{pk}"
            for message in errors:
                if entry is not None:
                    message = _("%(name)s, %(date)s: %(message)s") % {
                        "name": entry.trainee.get_full_name(),
                        "date": entry.date.isoformat(),
                        "message": message,
                    }
                problems.append((message, anchor if entry is not None else ""))
    if bulk_form is not None and bulk_form.is_bound:
        for field, errors in bulk_form.errors.items():
            anchor = _BULK_ANCHORS.get(field, "queue-entries" if field == "entries" else "bulk-errors")
            problems.extend((message, anchor) for message in errors)
    return problems


@login_required
@require_GET
@handles_domain_errors
def queue(request):
    return _queue_page(request)


@login_required
@require_POST
@handles_domain_errors
def decide(request, pk):
    entry = selectors.practice_log_for_actor(actor=request.user, pk=pk)
    form = _decision_form(entry, request.POST)
    if not form.is_valid():
        if entry.supervisor_id != request.user.pk:
            raise PermissionDenied
        return _queue_page(request, failed=(entry.pk, form), status=422)
    try:
        services.practice_log_decide(
            actor=request.user,
            entry=entry,
            approve=form.cleaned_data["decision"] == "approve",
            reason=form.cleaned_data["reason"],
            directly_supervised=form.cleaned_data["directly_supervised"],
        )
    except Invalid as exc:
        # Refused input (a reason missing...): back on the queue, next to what was typed.
        form_error(form, exc)
        return _queue_page(request, failed=(entry.pk, form), status=exc.status_code)
    except DomainError as exc:
        # Decided or withdrawn meanwhile, no longer supervised...: the queue as it is now, saying so.
        return _queue_page(request, notice=exc.message, status=exc.status_code)
    messages.success(request, _("Decision recorded."))
    return redirect(_queue_url(request))


@login_required
@require_POST
@handles_domain_errors
def decide_bulk(request):
    """A decision on the ticked entries of the page, or on all entries matching the page's filter
    (re-selected by the server within the supervisor's own queue, at most services.BULK_LIMIT)."""
    if not roles.is_supervisor(request.user):
        raise PermissionDenied
    ids = request.POST.getlist("entries")
    form = forms.BulkDecisionForm(request.POST, entry_ids=[i for i in ids if i.isdigit()])
    if not form.is_valid():
        return _queue_page(request, bulk_form=form, status=422)
    data = form.cleaned_data
    every = data["scope"] == form.ALL
    filters = forms.QueueFilterForm(request.GET)
    try:
        outcome = services.practice_logs_decide_from_queue(
            actor=request.user,
            approve=data["decision"] == "approve",
            reason=data["reason"],
            entry_ids=None if every else data["entries"],
            trainee_id=filters.value("trainee") if every else None,
            kind=filters.value("kind") if every else None,
            shown_at=data.get("shown_at"),
        )
    except Invalid as exc:
        form_error(form, exc)
        return _queue_page(request, bulk_form=form, status=exc.status_code)
    except DomainError as exc:
        # An entry ticked that is no longer in the queue: nothing decided, the ticks kept.
        return _queue_page(request, bulk_form=form, notice=exc.message, status=exc.status_code)
    done = len(outcome.decided)
    messages.success(
        request,
        ngettext("%(count)s decision recorded.", "%(count)s decisions recorded.", done) % {"count": done},
    )
    if outcome.skipped:
        messages.warning(
            request,
            ngettext(
                "%(count)s entry changed after the page was shown (edited, withdrawn or decided) and was left as it is: check it.",
                "%(count)s entries changed after the page was shown (edited, withdrawn or decided) and were left as they are: check them.",
                outcome.skipped,
            )
            % {"count": outcome.skipped},
        )
    if every and outcome.remaining:
        messages.info(
            request,
            ngettext(
                "%(count)s matching entry is still waiting.",
                "%(count)s matching entries are still waiting (at most %(limit)s are decided at once).",
                outcome.remaining,
            )
            % {"count": outcome.remaining, "limit": services.BULK_LIMIT},
        )
    return redirect(_queue_url(request))

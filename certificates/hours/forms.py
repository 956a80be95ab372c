"""Forms for hours and decisions. They check input shape only; the rules live in hours.services."""

from django import forms
from django.utils.translation import gettext_lazy as _

from certificates.forms import DateInput
from courses.models import CompetencyDomain
from lms.models import User

from .models import PracticeLog


class PracticeLogForm(forms.Form):
    date = forms.DateField(label=_("Date"), widget=DateInput)
    hours = forms.DecimalField(
        label=_("Hours"),
        max_digits=4,
        decimal_places=2,
        min_value=0,
        help_text=_("For example 1.5 for an hour and a half."),
    )
    kind = forms.ChoiceField(label=_("Kind"), choices=PracticeLog.Kind.choices)
    directly_supervised = forms.BooleanField(
        label=_("Directly supervised"),
        required=False,
        help_text=_(
            "Your supervisor was there, overseeing the work. Practice hours only; your supervisor confirms it."
        ),
    )
    domain = forms.ModelChoiceField(
        label=_("Domain"),
        queryset=CompetencyDomain.objects.all(),
        required=False,
        empty_label=_("Not specific"),
    )
    setting = forms.CharField(
        label=_("Setting"), max_length=200, required=False, help_text=_("Where you worked.")
    )
    description = forms.CharField(
        label=_("What you did"), max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    supervisor = forms.ModelChoiceField(label=_("Supervisor"), queryset=User.objects.none())

    def __init__(self, *args, supervisors=None, **kwargs):
        super().__init__(*args, **kwargs)
        if supervisors is not None:
            self.fields["supervisor"].queryset = supervisors
            if not self.is_bound and not self.initial.get("supervisor"):
                only = list(supervisors[:2])
                if len(only) == 1:
                    self.fields["supervisor"].initial = only[0].pk


class DecisionForm(forms.Form):
    """One entry's decision. `directly_supervised` is the supervisor's word on an entry the trainee
    logged as directly supervised: ticked confirms it, unticked (or absent) approves the hours
    without it."""

    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("approve", _("Approve")), ("reject", _("Don't approve"))],
        widget=forms.RadioSelect,
        initial="approve",
    )
    directly_supervised = forms.BooleanField(
        label=_("I directly supervised this"),
        required=False,
        help_text=_("Untick to approve the hours without direct supervision."),
    )
    reason = forms.CharField(
        label=_("Reason (needed if you don't approve)"),
        required=False,
        max_length=2000,
        widget=forms.TextInput,
    )


class BulkDecisionForm(DecisionForm):
    """A decision on the entries ticked on the queue's page, or on every entry matching its filter
    ("scope" all: re-selected by the server, see hours.services.practice_logs_decide_from_queue).
    Bulk decisions confirm "directly supervised" as the trainee logged it."""

    SELECTED, ALL = "selected", "all"

    directly_supervised = None
    entries = forms.TypedMultipleChoiceField(label=_("Entries"), coerce=int, choices=(), required=False)
    scope = forms.ChoiceField(
        label=_("Apply to"),
        choices=[(SELECTED, _("The entries I ticked")), (ALL, _("All matching entries"))],
        widget=forms.RadioSelect,
        initial=SELECTED,
        required=False,
    )
    # When the page was shown: entries changed after it are skipped, not decided unseen.
    shown_at = forms.DateTimeField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, entry_ids=(), **kwargs):
        kwargs.setdefault("auto_id", "bulk_%s")
        super().__init__(*args, **kwargs)
        self.fields["entries"].choices = [(i, i) for i in entry_ids]

    def clean(self):
        data = super().clean()
        if data.get("scope") != self.ALL:
            data["scope"] = self.SELECTED
            if not data.get("entries") and "entries" not in self.errors:
                self.add_error("entries", _("Select at least one entry."))
        if data.get("decision") == "reject" and not (data.get("reason") or "").strip():
            self.add_error("reason", _("Give a reason when you don't approve an entry."))
        return data


class FilterForm(forms.Form):
    """A list's filters from the query string; a value that is not one is shown with its error and
    otherwise ignored (the list is shown unfiltered on that field)."""

    def value(self, name):
        self.is_valid()  # cleaned_data then holds the valid fields only
        return self.cleaned_data.get(name) or None


class QueueFilterForm(FilterForm):
    """The supervisor queue's filters (?trainee=&kind=)."""

    # Any id is accepted: the queue is always the supervisor's own, so another trainee's id lists nothing.
    trainee = forms.IntegerField(
        label=_("Trainee"), required=False, min_value=1, max_value=2**63 - 1, widget=forms.Select
    )
    kind = forms.ChoiceField(
        label=_("Kind"), choices=[("", _("All kinds")), *PracticeLog.Kind.choices], required=False
    )

    def __init__(self, *args, supervisees=(), **kwargs):
        kwargs.setdefault("auto_id", "filter-%s")
        super().__init__(*args, **kwargs)
        self.fields["trainee"].widget.choices = [("", _("All trainees"))] + [
            (p.pk, p.get_full_name()) for p in supervisees
        ]


class HoursFilterForm(FilterForm):
    """The trainee's log by status (?status=)."""

    status = forms.ChoiceField(
        label=_("Show"),
        choices=[("", _("All entries")), *PracticeLog.Status.choices],
        required=False,
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "filter-%s")
        super().__init__(*args, **kwargs)


class SupervisorAssignForm(forms.Form):
    """Link a supervisor by the email they sign in with (a list of every supervisor would be unusable
    at a state's scale; the supervisors page lists them). The service checks the role."""

    ERR_UNKNOWN = _("No account has that email address.")

    supervisor = forms.EmailField(
        label=_("Supervisor's email"),
        help_text=_("The email address they sign in with."),
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "assign-%s")
        super().__init__(*args, **kwargs)

    def clean_supervisor(self):
        user = User.objects.filter(email__iexact=self.cleaned_data["supervisor"]).first()
        if user is None:
            raise forms.ValidationError(self.ERR_UNKNOWN)
        return user


class QualificationForm(forms.Form):
    """A supervisor's own credential (shape only; the rules live in hours.qualifications)."""

    credential = forms.CharField(
        label=_("Credential"),
        max_length=200,
        help_text=_('For example "Certified Clinical Supervisor (CCS)".'),
    )
    number = forms.CharField(label=_("Credential number"), max_length=80)
    issued_by = forms.CharField(label=_("Issued by"), max_length=200, required=False)
    valid_from = forms.DateField(label=_("Valid from"), widget=DateInput)
    expires_on = forms.DateField(
        label=_("Expires on"),
        widget=DateInput,
        required=False,
        help_text=_("Leave empty if it doesn't expire."),
    )
    notes = forms.CharField(label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

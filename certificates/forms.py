"""HTML forms. They parse and validate input shape only; the rules live in certificates.services."""

from django import forms
from django.contrib.auth.models import Group
from django.utils.translation import gettext_lazy as _

from courses.models import CompetencyDomain
from lms import roles
from lms.models import User

from .models import PracticeLog


class DateInput(forms.DateInput):
    input_type = "date"


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


class RecoveryAttestationForm(forms.Form):
    recovery_start_date = forms.DateField(label=_("Recovery start date"), widget=DateInput)
    typed_name = forms.CharField(label=_("Type your full name to sign"), max_length=200)
    confirmed = forms.BooleanField(label=_("I confirm the statement above."), required=True)


class PledgeForm(forms.Form):
    typed_name = forms.CharField(label=_("Type your full name to sign"), max_length=200)
    agree = forms.BooleanField(
        label=_("I have read the code of ethics and agree to follow it."), required=True
    )


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(choices=[("approve", _("Approve")), ("reject", _("Don't approve"))])
    reason = forms.CharField(
        label=_("Reason (needed if you don't approve)"),
        required=False,
        max_length=2000,
        widget=forms.TextInput,
    )


class BulkDecisionForm(DecisionForm):
    entries = forms.TypedMultipleChoiceField(label=_("Entries"), coerce=int, choices=())

    def __init__(self, *args, entry_ids=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["entries"].choices = [(i, i) for i in entry_ids]


class CSVUploadForm(forms.Form):
    file = forms.FileField(label=_("CSV file"))


class SupervisorAssignForm(forms.Form):
    supervisor = forms.ModelChoiceField(label=_("Supervisor"), queryset=User.objects.none())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        group = Group.objects.filter(name=roles.SUPERVISOR).first()
        self.fields["supervisor"].queryset = group.user_set.all() if group else User.objects.none()


class ExternalTrainingForm(forms.Form):
    provider = forms.CharField(label=_("Provider"), max_length=200)
    title = forms.CharField(label=_("Course title"), max_length=200)
    completed_on = forms.DateField(label=_("Completed on"), widget=DateInput)
    evidence = forms.FileField(label=_("Evidence (certificate, transcript)"), required=False)
    notes = forms.CharField(label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.domains = list(CompetencyDomain.objects.all())
        for domain in self.domains:
            self.fields[f"hours_{domain.slug}"] = forms.DecimalField(
                label=_("Hours in %(domain)s") % {"domain": domain.name},
                required=False,
                min_value=0,
                max_digits=6,
                decimal_places=2,
            )

    def hours(self):
        return {
            d: self.cleaned_data.get(f"hours_{d.slug}")
            for d in self.domains
            if self.cleaned_data.get(f"hours_{d.slug}")
        }

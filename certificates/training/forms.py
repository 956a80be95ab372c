"""Recording training taken elsewhere (shape only; the rules live in training.services)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from certificates.forms import DateInput
from courses.models import CompetencyDomain


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

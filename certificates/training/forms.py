"""Recording what a trainee did elsewhere: training taken elsewhere and board exam results (shape
only; the rules live in training.services and training.exams)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from certificates.forms import DateInput
from certificates.programs.models import ProgramExam
from courses.models import CompetencyDomain, DeliveryMode


class ExternalTrainingForm(forms.Form):
    provider = forms.CharField(label=_("Provider"), max_length=200)
    title = forms.CharField(label=_("Course title"), max_length=200)
    completed_on = forms.DateField(label=_("Completed on"), widget=DateInput)
    delivery_mode = forms.ChoiceField(
        label=_("Delivery"),
        choices=DeliveryMode.choices,
        initial=DeliveryMode.SELF_PACED,
        required=False,
        help_text=_("How it was delivered; some programs ask for hours delivered live or face to face."),
    )
    evidence = forms.FileField(label=_("Evidence (certificate, transcript)"), required=False)
    notes = forms.CharField(label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "ext-%s")
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

    def clean_delivery_mode(self):
        # Not sent (an older form, a script): the record's default, self-paced.
        return self.cleaned_data.get("delivery_mode") or DeliveryMode.SELF_PACED

    def hours(self):
        return {
            d: self.cleaned_data.get(f"hours_{d.slug}")
            for d in self.domains
            if self.cleaned_data.get(f"hours_{d.slug}")
        }


class ExamResultForm(forms.Form):
    """One board exam result, for an exam of a program the trainee works toward."""

    exam = forms.ModelChoiceField(label=_("Exam"), queryset=ProgramExam.objects.none())
    taken_on = forms.DateField(label=_("Taken on"), widget=DateInput)
    passed = forms.TypedChoiceField(
        label=_("Result"),
        choices=[("yes", _("Passed")), ("no", _("Not passed"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )
    score = forms.DecimalField(
        label=_("Score"),
        required=False,
        max_digits=7,
        decimal_places=2,
        help_text=_("Optional: as the board reported it."),
    )
    evidence = forms.FileField(label=_("Evidence (the board's notice)"), required=False)
    notes = forms.CharField(label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, exams=None, **kwargs):
        kwargs.setdefault("auto_id", "exam-%s")
        super().__init__(*args, **kwargs)
        if exams is not None:
            self.fields["exam"].queryset = exams
            self.fields["exam"].label_from_instance = lambda e: f"{e.name} ({e.program.name})"

"""The shapes of the activity forms (services validate and save). Each form on a module page has its
activity's prefix, so several can sit on one page with their own ids."""

from django import forms
from django.utils.translation import gettext_lazy as _


def prefix_for(activity) -> str:
    return f"activity-{activity.pk}"


class ReflectionForm(forms.Form):
    text = forms.CharField(
        label=_("Your reflection"),
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=20000,
        help_text=_("Only you can read it. It is kept private and encrypted."),
    )

    def __init__(self, *args, activity, **kwargs):
        super().__init__(*args, prefix=prefix_for(activity), **kwargs)
        if activity.min_words:
            self.fields["text"].help_text = _(
                "At least %(count)s words. Only you can read it: it is kept private and encrypted."
            ) % {"count": activity.min_words}


class RolePlayForm(forms.Form):
    partner_email = forms.EmailField(
        label=_("Your partner's email address"),
        max_length=254,
        help_text=_(
            "The address of their academy account: another trainee of this course or one of its "
            "instructors. We ask them to confirm the role-play took place."
        ),
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )

    def __init__(self, *args, activity, **kwargs):
        super().__init__(*args, prefix=prefix_for(activity), **kwargs)


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(choices=[("confirm", _("Confirm")), ("decline", _("Decline"))])


class AttendanceForm(forms.Form):
    """Ticked boxes: "<activity id>-<enrolment id>" pairs (checked against the course by the view)."""

    attended = forms.MultipleChoiceField(
        label=_("Attended"),
        error_messages={"required": _("Tick at least one person who attended.")},
    )

    def __init__(self, *args, pairs, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attended"].choices = [(p, p) for p in pairs]

"""A Wagtail admin panel for a version's requirement rows that validates each row with the domains the
administrator ticked. Wagtail's inline forms give a row its many-to-many values (a requirement's
domains, a ParentalManyToManyField) only when saving, after the model has been validated; without
this, Requirement.clean() could not tell "no domain" from "not assigned yet"."""

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import InlinePanel
from wagtail.admin.panels.base import get_form_for_model


class ParentalM2MBeforeValidation:
    """Form mixin: put the cleaned many-to-many choices on the instance before model validation."""

    def _post_clean(self):
        for field in self.instance._meta.many_to_many:
            if isinstance(field, ParentalManyToManyField) and field.name in getattr(self, "cleaned_data", {}):
                field.save_form_data(self.instance, self.cleaned_data[field.name])
        super()._post_clean()


class RequirementsPanel(InlinePanel):
    def get_form_options(self):
        options = super().get_form_options()
        formset = options["formsets"][self.relation_name]
        base = formset.get("form") or get_form_for_model(
            self.db_field.related_model, form_class=WagtailAdminModelForm
        )
        formset["form"] = type(base)(f"{base.__name__}Validated", (ParentalM2MBeforeValidation, base), {})
        return options

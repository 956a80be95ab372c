"""Competency domains are data that administrators edit in the Wagtail admin (Snippets > Competency
domains). Who may add or change them is ordinary Wagtail snippet permissions, granted by courses.seed."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import CompetencyDomain


class CompetencyDomainViewSet(SnippetViewSet):
    model = CompetencyDomain
    icon = "tag"
    menu_label = _("Competency domains")
    list_display = ["name", "slug", "sort_order"]
    search_fields = ["name", "description"]
    ordering = ["sort_order", "name"]


register_snippet(CompetencyDomainViewSet)

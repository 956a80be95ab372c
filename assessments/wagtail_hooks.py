"""Authoring in the Wagtail admin: assessments (with inline questions and each question's choices,
and a preview as trainees see it) and rubrics (criteria with levels), grouped under one menu."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Assessment, Rubric


class AssessmentViewSet(SnippetViewSet):
    model = Assessment
    icon = "tasks"
    menu_label = _("Assessments")
    list_display = ["title", "course", "kind", "pass_mark", "max_attempts", "release_policy"]
    list_filter = ["kind", "release_policy"]
    search_fields = ["title"]
    ordering = ["course__title", "kind", "title"]

    def get_queryset(self, request):
        return Assessment.objects.select_related("course", "module")


class RubricViewSet(SnippetViewSet):
    model = Rubric
    icon = "list-ol"
    menu_label = _("Rubrics")
    list_display = ["title"]
    search_fields = ["title"]


class AssessmentsGroup(SnippetViewSetGroup):
    items = (AssessmentViewSet, RubricViewSet)
    menu_icon = "tasks"
    menu_label = _("Assessments")
    menu_name = "assessments"


register_snippet(AssessmentsGroup)

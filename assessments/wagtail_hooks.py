"""Authoring in the Wagtail admin: assessments (with inline questions and each question's choices,
and a preview as trainees see it) and rubrics (criteria with levels), grouped under one menu.

Instructors author only the assessments of courses they teach (a permission policy for editing and
deleting, a filtered listing, and a form check on the course); program administrators author all."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import ObjectList
from wagtail.permission_policies.base import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import (
    DeleteView,
    EditView,
    PreviewOnEditView,
    SnippetViewSet,
    SnippetViewSetGroup,
)

from lms import roles

from .models import Assessment, Rubric
from .selectors import is_course_instructor

ERR_NOT_YOUR_COURSE = _("You can only author assessments for courses you teach.")


def _sees_all(user) -> bool:
    return bool(getattr(user, "is_superuser", False)) or roles.is_program_admin(user)


class AssessmentPermissionPolicy(ModelPermissionPolicy):
    """Django model permissions as usual, narrowed for instructors to the courses they teach."""

    def user_has_permission_for_instance(self, user, action, instance):
        if not self.user_has_permission(user, action):
            return False
        return _sees_all(user) or is_course_instructor(user=user, course_id=instance.course_id)

    def instances_user_has_any_permission_for(self, user, actions):
        qs = super().instances_user_has_any_permission_for(user, actions)
        return qs if _sees_all(user) else qs.filter(course__instructors=user)


register_permission_policy(Assessment, AssessmentPermissionPolicy(Assessment))


class AssessmentAdminForm(WagtailAdminModelForm):
    def clean_course(self):
        course = self.cleaned_data.get("course")
        user = self.for_user
        if course is not None and user is not None and not _sees_all(user):
            if not is_course_instructor(user=user, course_id=course.pk):
                raise ValidationError(ERR_NOT_YOUR_COURSE)
        return course


class _TaughtCourseOnly:
    """Refuse (403) an assessment of a course the instructor does not teach."""

    def get_object(self, *args, **kwargs):
        obj = super().get_object(*args, **kwargs)
        if not _sees_all(self.request.user) and not is_course_instructor(
            user=self.request.user, course_id=obj.course_id
        ):
            raise PermissionDenied
        return obj


class AssessmentEditView(_TaughtCourseOnly, EditView):
    pass


class AssessmentDeleteView(_TaughtCourseOnly, DeleteView):
    pass


class AssessmentPreviewOnEditView(_TaughtCourseOnly, PreviewOnEditView):
    pass


class AssessmentViewSet(SnippetViewSet):
    model = Assessment
    icon = "tasks"
    menu_label = _("Assessments")
    list_display = ["title", "course", "kind", "pass_mark", "max_attempts", "release_policy"]
    list_filter = ["kind", "release_policy"]
    search_fields = ["title"]
    ordering = ["course__title", "kind", "title"]
    edit_handler = ObjectList(Assessment.panels, base_form_class=AssessmentAdminForm)
    edit_view_class = AssessmentEditView
    delete_view_class = AssessmentDeleteView
    preview_on_edit_view_class = AssessmentPreviewOnEditView

    def get_queryset(self, request):
        qs = Assessment.objects.select_related("course", "module")
        return qs if _sees_all(request.user) else qs.filter(course__instructors=request.user)


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

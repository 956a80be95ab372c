"""Authoring in the Wagtail admin: assessments (with inline questions and each question's choices,
and a preview as trainees see it) and rubrics (criteria with levels), grouped under one menu.

Instructors author only the assessments and rubrics of courses they teach (a permission policy for
editing and deleting, a filtered listing, refused object views and a form check on the course); a
rubric without a course is shared and only program administrators edit it. Program administrators
author all. Model permissions (granted by assessments.seed) still decide who may use the menu at all."""

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
    HistoryView,
    PreviewOnEditView,
    SnippetViewSet,
    SnippetViewSetGroup,
    UsageView,
)

from lms import roles

from . import rules
from .models import Assessment, Rubric
from .selectors import is_course_instructor
from .translations import choices_problem

ERR_NOT_YOUR_COURSE = _("You can only author assessments for courses you teach.")
ERR_RUBRIC_COURSE = _("Choose a course you teach: its instructors are the ones who may edit this rubric.")


def _sees_all(user) -> bool:
    return bool(getattr(user, "is_superuser", False)) or roles.is_program_admin(user)


def _teaches(user, course_id) -> bool:
    return course_id is not None and is_course_instructor(user=user, course_id=course_id)


class CourseScopedPermissionPolicy(ModelPermissionPolicy):
    """Django model permissions as usual, narrowed for instructors to the objects of courses they
    teach (the model's `course` field)."""

    def user_has_permission_for_instance(self, user, action, instance):
        if not self.user_has_permission(user, action):
            return False
        return _sees_all(user) or _teaches(user, instance.course_id)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return any(self.user_has_permission_for_instance(user, a, instance) for a in actions)

    def instances_user_has_any_permission_for(self, user, actions):
        qs = super().instances_user_has_any_permission_for(user, actions)
        return qs if _sees_all(user) else qs.filter(course__instructors=user)


# Kept under its old name: tests and docs refer to it.
AssessmentPermissionPolicy = CourseScopedPermissionPolicy

register_permission_policy(Assessment, CourseScopedPermissionPolicy(Assessment))
register_permission_policy(Rubric, CourseScopedPermissionPolicy(Rubric))


def _kept_forms(formset):
    """The inline forms that will be saved: filled in and not marked for deletion (each validated, so
    its cleaned data is there; its errors stay on it and show as usual)."""
    kept = []
    for form in formset.forms:
        form.is_valid()
        if formset.can_delete and formset._should_delete_form(form):
            continue
        if form.has_changed() or form.instance.pk:
            kept.append(form)
    return kept


class AssessmentAdminForm(WagtailAdminModelForm):
    def clean_course(self):
        course = self.cleaned_data.get("course")
        user = self.for_user
        if course is not None and user is not None and not _sees_all(user):
            if not is_course_instructor(user=user, course_id=course.pk):
                raise ValidationError(ERR_NOT_YOUR_COURSE)
        return course

    def clean(self):
        # Pinned questions against the questions drawn, from what is being edited (assessments.rules).
        cleaned = super().clean()
        questions = _kept_forms(self.formsets["questions"])
        pinned = sum(1 for form in questions if form.is_valid() and form.cleaned_data.get("always_include"))
        problem = rules.pins_problem(drawn=cleaned.get("questions_per_attempt"), pinned=pinned)
        if problem:
            self.add_error("questions_per_attempt", problem)
        for form in questions:
            if form.is_valid():
                _check_question_translations(form)
        return cleaned


def _check_question_translations(question_form) -> None:
    """Each translation of a question against the choices being edited with it (the saved ones could
    be stale): one translated choice for each English choice."""
    translations = _kept_forms(question_form.formsets["translations"])
    kind = question_form.cleaned_data.get("kind")
    choice_count = len(_kept_forms(question_form.formsets["choices"]))
    for form in translations:
        if not form.is_valid():
            continue
        given = len(form.cleaned_data.get("choices") or [])
        problem = choices_problem(kind=kind, choice_count=choice_count, given=given)
        if problem:
            form.add_error("choices", problem)


class RubricAdminForm(WagtailAdminModelForm):
    def clean_course(self):
        course = self.cleaned_data.get("course")
        user = self.for_user
        if user is not None and not _sees_all(user):
            # An instructor's rubric needs a course they teach, or they could not edit it afterwards.
            if course is None or not is_course_instructor(user=user, course_id=course.pk):
                raise ValidationError(ERR_RUBRIC_COURSE)
        return course

    def clean(self):
        # Each must-pass criterion's minimum against the levels being edited with it (assessments.rules);
        # stored as the level's own label. Levels with errors of their own are left to show those.
        cleaned = super().clean()
        for form in _kept_forms(self.formsets["criteria"]):
            if not form.is_valid():
                continue
            levels = _kept_forms(form.formsets["levels"])
            if not levels or not all(level.is_valid() for level in levels):
                continue
            pairs = [(level.cleaned_data["label"], level.cleaned_data["points"]) for level in levels]
            must_pass, minimum = (
                form.cleaned_data.get("must_pass"),
                form.cleaned_data.get("minimum_level", ""),
            )
            problem = rules.minimum_level_problem(must_pass=must_pass, minimum_level=minimum, levels=pairs)
            if problem:
                form.add_error("minimum_level", problem)
            elif must_pass:
                form.instance.minimum_level = rules.minimum_level_match(minimum_level=minimum, levels=pairs)[
                    0
                ]
        return cleaned


class _TaughtCourseOnly:
    """Refuse (403) an assessment or rubric of a course the instructor does not teach (a shared
    rubric, without a course, is for program administrators)."""

    def get_object(self, *args, **kwargs):
        obj = super().get_object(*args, **kwargs)
        if not _sees_all(self.request.user) and not _teaches(self.request.user, obj.course_id):
            raise PermissionDenied
        return obj


class AssessmentEditView(_TaughtCourseOnly, EditView):
    pass


class AssessmentDeleteView(_TaughtCourseOnly, DeleteView):
    pass


class AssessmentPreviewOnEditView(_TaughtCourseOnly, PreviewOnEditView):
    pass


class AssessmentHistoryView(_TaughtCourseOnly, HistoryView):
    pass


class AssessmentUsageView(_TaughtCourseOnly, UsageView):
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
    history_view_class = AssessmentHistoryView
    usage_view_class = AssessmentUsageView

    def get_queryset(self, request):
        qs = Assessment.objects.select_related("course", "module")
        return qs if _sees_all(request.user) else qs.filter(course__instructors=request.user)


class RubricEditView(_TaughtCourseOnly, EditView):
    pass


class RubricDeleteView(_TaughtCourseOnly, DeleteView):
    pass


class RubricHistoryView(_TaughtCourseOnly, HistoryView):
    pass


class RubricUsageView(_TaughtCourseOnly, UsageView):
    pass


class RubricViewSet(SnippetViewSet):
    model = Rubric
    icon = "list-ol"
    menu_label = _("Rubrics")
    list_display = ["title", "course"]
    search_fields = ["title"]
    edit_handler = ObjectList(Rubric.panels, base_form_class=RubricAdminForm)
    edit_view_class = RubricEditView
    delete_view_class = RubricDeleteView
    history_view_class = RubricHistoryView
    usage_view_class = RubricUsageView

    def get_queryset(self, request):
        qs = Rubric.objects.select_related("course")
        return qs if _sees_all(request.user) else qs.filter(course__instructors=request.user)


class AssessmentsGroup(SnippetViewSetGroup):
    items = (AssessmentViewSet, RubricViewSet)
    menu_icon = "tasks"
    menu_label = _("Assessments")
    menu_name = "assessments"


register_snippet(AssessmentsGroup)

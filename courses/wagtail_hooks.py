"""Course pages and competency domains in the Wagtail admin, scoped to who may touch them.

- Competency domains are data that only program administrators edit (Snippets > Competency domains):
  a role-based policy, so no group permission row can hand them to an instructor.
- Course and module pages: Wagtail grants page permissions on the catalogue (courses.seed). For an
  instructor who is not a program administrator, those grants are narrowed to the courses they teach
  (each course and its modules), so they cannot edit, delete, move or add pages of anyone else's course,
  nor create courses (program administrators create a course and name its instructors)."""

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.models import GroupPagePermission
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from lms import roles

from .models import CatalogPage, CompetencyDomain, CoursePage, ModulePage


class ProgramAdminOnlyPolicy(BasePermissionPolicy):
    """Every action for program administrators (and superusers), none for anyone else."""

    def user_has_permission(self, user, action):
        return bool(getattr(user, "is_active", False)) and roles.is_program_admin(user)

    def user_has_any_permission(self, user, actions):
        return self.user_has_permission(user, None)

    def users_with_any_permission(self, actions):
        return (
            get_user_model()
            .objects.filter(Q(is_superuser=True) | Q(groups__name=roles.PROGRAM_ADMIN), is_active=True)
            .distinct()
        )

    def users_with_permission(self, action):
        return self.users_with_any_permission([action])


class TaughtCoursesPagePolicy(PagePermissionPolicy):
    """Wagtail's page policy, with an instructor's grants moved from where they were given (the
    catalogue) to each course they teach. Wagtail asks the policy of a page's own class, so this one
    decides for the catalogue, courses and modules; other pages keep the default policy."""

    # Not Wagtail's default cache attribute: the default policy caches the unscoped grants there.
    permission_cache_name = "_taught_course_page_permission_cache"

    def get_all_permissions_for_user(self, user):
        grants = super().get_all_permissions_for_user(user)
        if not getattr(user, "is_authenticated", False) or roles.is_program_admin(user):
            return grants
        if not roles.is_instructor(user):
            return grants
        courses = list(CoursePage.objects.filter(instructors=user))
        scoped = []
        for grant in grants:
            if isinstance(grant.page.specific_class, type) and issubclass(
                grant.page.specific_class, (CoursePage, ModulePage)
            ):
                scoped.append(grant)  # granted on a course or module itself: keep as given
                continue
            for course in courses:
                if course.path.startswith(grant.page.path):
                    # An unsaved copy of the grant, anchored at the course.
                    scoped.append(
                        GroupPagePermission(group_id=grant.group_id, page=course, permission=grant.permission)
                    )
        return scoped


for _model in (CatalogPage, CoursePage, ModulePage):
    register_permission_policy(_model, TaughtCoursesPagePolicy(_model))
register_permission_policy(CompetencyDomain, ProgramAdminOnlyPolicy(CompetencyDomain), exact_class=True)


class CompetencyDomainViewSet(SnippetViewSet):
    model = CompetencyDomain
    icon = "tag"
    menu_label = _("Competency domains")
    list_display = ["name", "slug", "sort_order"]
    search_fields = ["name", "description"]
    ordering = ["sort_order", "name"]


register_snippet(CompetencyDomainViewSet)

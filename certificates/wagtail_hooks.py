"""Credential programs in the Wagtail admin (menu "Credentials"): programs with their versioned code of
ethics; program versions with inline requirement rows and renewal topic minimums. (Supervisor links
are made on the site's trainee page, through the audited service.)
Adding a program is data entry, never a code change. Only program administrators may use these views
(a role-based permission policy, so no per-model permission rows need granting)."""

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.permissions import register_permission_policy

from lms import roles

from .models import CredentialProgram, ProgramVersion


class ProgramAdminPermissionPolicy(BasePermissionPolicy):
    """Full rights for program administrators (and superusers), nothing for anyone else."""

    def user_has_permission(self, user, action):
        return roles.is_program_admin(user)

    def user_has_any_permission(self, user, actions):
        return roles.is_program_admin(user)

    def users_with_any_permission(self, actions):
        return (
            get_user_model()
            .objects.filter(Q(is_superuser=True) | Q(groups__name=roles.PROGRAM_ADMIN), is_active=True)
            .distinct()
        )

    def users_with_permission(self, action):
        return self.users_with_any_permission([action])


for _model in (CredentialProgram, ProgramVersion):
    register_permission_policy(_model, ProgramAdminPermissionPolicy(_model), exact_class=True)


class CredentialProgramViewSet(ModelViewSet):
    model = CredentialProgram
    name = "credential_programs"
    url_prefix = "credentials/programs"
    icon = "doc-full"
    menu_label = _("Programs")
    list_display = ["name", "issuing_body", "jurisdiction", "slug", "is_active"]
    list_filter = ["is_active", "jurisdiction"]
    search_fields = ["name", "issuing_body", "slug"]
    add_to_admin_menu = False


class ProgramVersionViewSet(ModelViewSet):
    model = ProgramVersion
    name = "program_versions"
    url_prefix = "credentials/versions"
    icon = "list-ol"
    menu_label = _("Program versions and requirements")
    list_display = ["program", "label", "effective_date", "validity_months"]
    list_filter = ["program"]
    add_to_admin_menu = False


class CredentialsGroup(ModelViewSetGroup):
    menu_label = _("Credentials")
    menu_icon = "success"
    menu_order = 250
    items = (CredentialProgramViewSet, ProgramVersionViewSet)


@hooks.register("register_admin_viewset")
def register_credentials_viewsets():
    return CredentialsGroup()

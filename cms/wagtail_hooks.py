"""Wagtail admin additions: the monthly activity panel on the dashboard and the read-only audit trail."""

import django_filters
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.components import Component
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.permissions import register_permission_policy

import lms.converters  # noqa: F401  (registers the <id:...> converter: 1 to 2**63 - 1)
from lms import roles
from lms.models import AuditEvent

from .selectors import monthly_activity

# --- Audit trail -------------------------------------------------------------------------------------


class AuditTrailPermissionPolicy(BasePermissionPolicy):
    """Program administrators (and superusers) may read the audit trail; nobody may add, change or
    delete an event, whatever Django permissions their groups hold: the trail is append-only."""

    READ_ACTIONS = {"view"}

    def user_has_permission(self, user, action):
        return (
            action in self.READ_ACTIONS and getattr(user, "is_active", False) and roles.is_program_admin(user)
        )

    def users_with_any_permission(self, actions):
        users = get_user_model().objects.filter(is_active=True)
        if not self.READ_ACTIONS.intersection(actions):
            return users.none()
        return users.filter(Q(is_superuser=True) | Q(groups__name=roles.PROGRAM_ADMIN)).distinct()


# Must be registered before anything asks Wagtail for AuditEvent's policy (it would create a fallback).
register_permission_policy(AuditEvent, AuditTrailPermissionPolicy(AuditEvent))


def _action_choices():
    actions = AuditEvent.objects.order_by("action").values_list("action", flat=True).distinct()
    return [(action, action) for action in actions]


class AuditEventFilterSet(WagtailFilterSet):
    action = django_filters.ChoiceFilter(
        label=_("What"), choices=_action_choices, empty_label=_("All actions")
    )
    created_at = django_filters.DateFromToRangeFilter(label=_("When"), widget=DateRangePickerWidget)

    class Meta:
        model = AuditEvent
        fields = ["action", "created_at"]


class AuditEventIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("actor", "subject")


class AuditEventInspectView(InspectView):
    def get_object(self, queryset=None):
        return (
            AuditEvent.objects.select_related("actor", "subject", "target_type").filter(pk=self.pk).first()
            or super().get_object()
        )


class AuditTrailViewSet(ModelViewSet):
    """A read-only listing of lms.AuditEvent: only the index and inspect views exist, so there is no URL
    that could create, edit or delete an event."""

    model = AuditEvent
    name = "audit-trail"
    icon = "history"
    menu_label = _("Audit trail")
    add_to_admin_menu = True
    menu_order = 900
    index_view_class = AuditEventIndexView
    inspect_view_class = AuditEventInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    add_to_reference_index = False
    list_display = ["created_at", "actor", "action", "target_repr", "subject"]
    filterset_class = AuditEventFilterSet
    search_fields = ["action", "target_repr", "actor__email", "actor__full_name"]
    search_backend_name = None
    list_per_page = 50
    inspect_view_fields = [
        "created_at",
        "actor",
        "action",
        "target_type",
        "target_id",
        "target_repr",
        "subject",
        "details",
    ]

    def get_common_view_kwargs(self, **kwargs):
        view_kwargs = super().get_common_view_kwargs(**kwargs)
        for name in ("add", "edit", "delete", "history", "usage", "copy"):
            if f"{name}_url_name" in view_kwargs:
                view_kwargs[f"{name}_url_name"] = None
        return view_kwargs

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<id:pk>/", self.inspect_view, name="inspect"),
        ]


@hooks.register("register_admin_viewset")
def register_audit_trail_viewset():
    return AuditTrailViewSet()


# --- Dashboard ---------------------------------------------------------------------------------------


class MonthlyActivityPanel(Component):
    """Enrolments and course completions this calendar month, per course and in total."""

    name = "monthly_activity"
    template_name = "cms/admin/monthly_activity_panel.html"
    order = 50

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context=None):
        return {"activity": monthly_activity(user=self.user)}


@hooks.register("construct_homepage_panels")
def add_monthly_activity_panel(request, panels):
    if roles.is_program_admin(request.user) or roles.is_instructor(request.user):
        panels.append(MonthlyActivityPanel(request.user))

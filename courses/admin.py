"""Enrolments and completions in the Django admin, read-mostly: support staff look things up and may
withdraw an enrolment; completions and credited hours are written only by courses.services."""

from django.contrib import admin

from .models import Enrollment, ModuleProgress


class ModuleProgressInline(admin.TabularInline):
    model = ModuleProgress
    extra = 0
    can_delete = False
    fields = ["module", "completed_at", "hours_credited", "domain", "revision"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Enrollment)
class EnrollmentAdmin(admin.ModelAdmin):
    list_display = ["user", "course", "status", "enrolled_at", "completed_at"]
    list_filter = ["status", "course"]
    search_fields = ["user__email", "user__full_name", "course__title"]
    list_select_related = ["user", "course"]
    readonly_fields = ["user", "course", "enrolled_at", "completed_at"]
    fields = ["user", "course", "status", "enrolled_at", "completed_at"]
    inlines = [ModuleProgressInline]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(ModuleProgress)
class ModuleProgressAdmin(admin.ModelAdmin):
    list_display = ["enrollment", "module", "completed_at", "hours_credited", "domain"]
    list_filter = ["domain"]
    search_fields = ["enrollment__user__email", "module__title"]
    list_select_related = ["enrollment__user", "enrollment__course", "module", "domain"]
    readonly_fields = ["enrollment", "module", "completed_at", "hours_credited", "domain", "revision"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

"""The outbox in the Django admin: read-only, filterable by state, with a deliberate resend for
emails that need a check or failed. Superusers only (the rows hold addresses and message text)."""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _

from lms.errors import DomainError

from .models import OutboxMessage
from .services import outbox_resend


@admin.register(OutboxMessage)
class OutboxMessageAdmin(admin.ModelAdmin):
    list_display = ["created_at", "key", "to", "status", "attempts", "claimed_at", "sent_at"]
    list_filter = ["status"]
    search_fields = ["key", "to"]
    readonly_fields = [f.name for f in OutboxMessage._meta.fields]
    actions = ["resend"]

    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_superuser

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        # Needed for the resend action; every field is read-only.
        return request.user.is_active and request.user.is_superuser

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.action(description=_("Resend (only emails that need a check or failed)"))
    def resend(self, request, queryset):
        for row in queryset:
            try:
                sent = outbox_resend(actor=request.user, message_id=row.pk)
            except DomainError as exc:
                self.message_user(request, exc.message, messages.WARNING)
                continue
            level = messages.SUCCESS if sent else messages.ERROR
            self.message_user(
                request, f"{row.key}: {'sent' if sent else 'not sent, see its last error'}", level
            )

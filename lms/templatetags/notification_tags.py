"""The site header's "Notifications (3)" link. The count comes from the cache
(lms.notifications.selectors.unread_count), so the header adds no query to a page."""

from django import template

from lms.notifications.selectors import unread_count

register = template.Library()


@register.inclusion_tag("notifications/_nav_link.html", takes_context=True)
def notifications_nav_link(context):
    request = context.get("request")
    user = getattr(request, "user", None)
    return {"unread": unread_count(user=user) if user is not None else 0}

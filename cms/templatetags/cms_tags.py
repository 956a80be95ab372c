"""Template helpers shared by every front-end page."""

from django import template
from wagtail.admin.templatetags.wagtailuserbar import get_page_instance, wagtailuserbar

from lms import roles

register = template.Library()


def _may_edit(user, page) -> bool:
    if page is None or not getattr(user, "is_authenticated", False):
        return False
    # Cheap first: only staff roles ever edit pages. Trainees and supervisors (most requests) stop here
    # without the permission queries Wagtail's user bar runs on every page.
    if not (user.is_staff or roles.is_instructor(user) or roles.is_program_admin(user)):
        return False
    # The page permission first (one query): Wagtail's tag then checks admin access itself.
    return page.permissions_for_user(user).can_edit()


@register.simple_tag(takes_context=True)
def editor_userbar(context, position="bottom-right"):
    """Wagtail's user bar (edit, preview, accessibility checks; about 1 MB of script), only on a CMS page
    and only for someone allowed to edit that page. App pages (gradebook, hours, ...) have nothing to
    edit in Wagtail and never get it."""
    request = context.get("request")
    page = get_page_instance(context)
    if request is None or not _may_edit(getattr(request, "user", None), page):
        return ""
    return wagtailuserbar(context, position)

"""Template helpers shared by every front-end page."""

from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from wagtail.admin.templatetags.wagtailuserbar import get_page_instance

from courses.models import CatalogPage, CoursePage, ModulePage
from lms import roles

register = template.Library()


def may_edit(user, page, overview=None, course=None) -> bool:
    """Whether to offer `user` an "Edit this page" link on `page`, without the permission queries
    Wagtail's user bar runs on every page. Course pages follow courses/wagtail_hooks.py's policy:
    program administrators edit the catalogue, courses and modules; an instructor the courses they
    teach and their modules (known from the page's own overview when the page has loaded it). Other
    CMS pages ask Wagtail. The admin checks permissions again when the link is followed."""
    if page is None or not getattr(user, "is_authenticated", False):
        return False
    # Cheap first: only staff roles ever edit pages. Trainees and supervisors (most requests) stop here.
    if not (user.is_superuser or roles.is_instructor(user) or roles.is_program_admin(user)):
        return False
    if isinstance(page, (CatalogPage, CoursePage, ModulePage)):
        if user.is_superuser or roles.is_program_admin(user):
            return True
        if isinstance(page, CatalogPage):
            return False
        instructors = getattr(overview, "instructors", None) if isinstance(page, CoursePage) else None
        if instructors:
            return any(person.pk == user.pk for person in instructors)
        if isinstance(page, CoursePage):
            course_id = page.pk
        else:
            course_id = course.pk if course is not None else page.get_parent().pk
        return CoursePage.objects.filter(pk=course_id, instructors=user).exists()
    return page.permissions_for_user(user).can_edit()


@register.simple_tag(takes_context=True)
def editor_link(context):
    """A plain "Edit this page" link to the Wagtail editor, only on a CMS page and only for someone
    who may edit it. No script: Wagtail's user bar (about 1 MB) is not loaded on the front end."""
    request = context.get("request")
    page = get_page_instance(context)
    if request is None or not may_edit(
        getattr(request, "user", None), page, context.get("overview"), context.get("course")
    ):
        return ""
    return format_html(
        '<p class="editor-link"><a href="{}">{}</a></p>',
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        _("Edit this page"),
    )

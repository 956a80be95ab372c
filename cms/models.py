from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from .blocks import BodyBlock
from .routing import LineagePageMixin, RootRoutingMixin


class HomePage(RootRoutingMixin, Page):
    """The site's front page: a welcome, calls to action and links into the catalogue."""

    intro = RichTextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), blank=True, use_json_field=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["cms.ContentPage", "courses.CatalogPage"]
    max_count = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # One query: the general pages listed on the front page ("About", "Getting help", ...).
        context["content_pages"] = (
            ContentPage.objects.child_of(self).live().public().in_menu().order_by("path")
        )
        return context


class ContentPage(LineagePageMixin, Page):
    """A general page: about, privacy, how certification works, getting help."""

    summary = models.CharField(_("summary"), max_length=300, blank=True)
    body = StreamField(BodyBlock(), use_json_field=True)

    content_panels = Page.content_panels + [FieldPanel("summary"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("summary"), index.SearchField("body")]

    parent_page_types = ["cms.HomePage", "cms.ContentPage"]
    subpage_types = ["cms.ContentPage"]

    class Meta:
        verbose_name = _("content page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["related_pages"] = (
            ContentPage.objects.sibling_of(self, inclusive=False).live().public().in_menu().order_by("path")
        )
        return context

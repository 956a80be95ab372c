"""Page routing and the per-page lookups every front-end page pays, in a constant number of queries.

Wagtail's default routing walks the URL one slug at a time: two queries per level (the child, then its
specific page), two more for view restrictions (the ancestors, then their restrictions) and one more for
breadcrumbs (the ancestors again). A module page five levels deep paid eleven queries before the course
app did anything. Here the site's root page resolves the whole path in one query that also brings each
page's ancestors and whether any of them carries a view restriction; the served page keeps that
lineage, so its view restriction check and its breadcrumbs need no further query.

Behaviour is Wagtail's: an intermediate page may be a draft, the page served must be live, a page type
that routes its own sub-paths (e.g. RoutablePageMixin) is handed the rest of the path, aliases fall back
to Wagtail's own restriction lookup.
"""

from django.db.models import Exists, OuterRef, Q
from django.http import Http404
from wagtail.models import Page, PageViewRestriction
from wagtail.url_routing import RouteResult


def _ancestor_paths(page) -> list[str]:
    """The tree paths of `page` and every ancestor (treebeard: fixed-width steps)."""
    step = page.steplen
    return [page.path[: step * i] for i in range(1, page.depth + 1)]


def route_from(root, request, path_components):
    """Wagtail's `Page.route` for `root`, in one query for the whole path. Returns a RouteResult or
    raises Http404, exactly as the default does."""
    depth = root.depth
    wanted = Q(path__in=_ancestor_paths(root))
    if path_components:
        wanted |= Q(
            path__startswith=root.path,
            depth__gt=depth,
            depth__lte=depth + len(path_components),
            slug__in=set(path_components),
        )
    restricted = Exists(PageViewRestriction.objects.filter(page_id=OuterRef("pk")))
    rows = list(Page.objects.filter(wanted).annotate(restricted=restricted).order_by("depth", "path"))
    by_depth: dict[int, list[Page]] = {}
    for row in rows:
        by_depth.setdefault(row.depth, []).append(row)
    lineage = [row for row in rows if row.depth <= depth]  # the root and its ancestors
    parent = root
    for i, slug in enumerate(path_components):
        child = next(
            (
                row
                for row in by_depth.get(depth + i + 1, ())
                if row.slug == slug and row.path.startswith(parent.path)
            ),
            None,
        )
        if child is None:
            raise Http404
        child._cached_parent_obj = parent
        lineage.append(child)
        if child.specific_class is not None and child.specific_class.route is not Page.route:
            # This page type routes the rest of the path itself (and may have sub-pages of its own).
            return child.specific.route(request, path_components[i + 1 :])
        parent = child
    page = parent.specific if path_components else root
    if path_components:
        page._cached_parent_obj = parent._cached_parent_obj
    if not page.live:
        raise Http404
    page._routed_lineage = lineage
    return RouteResult(page)


class LineagePageMixin:
    """For page models: the view restriction check and the breadcrumbs reuse what routing loaded. A
    page reached another way (previews, the admin, a page loaded by id) asks the database as usual."""

    def _lineage(self):
        lineage = getattr(self, "_routed_lineage", None)
        if lineage is None or any(row.alias_of_id for row in lineage):
            return None
        return lineage

    def get_view_restrictions(self):
        lineage = self._lineage()
        if lineage is None:
            return super().get_view_restrictions()
        ids = [row.pk for row in lineage if row.restricted]
        if not ids:
            return PageViewRestriction.objects.none()
        return PageViewRestriction.objects.filter(page_id__in=ids)

    def breadcrumb_ancestors(self):
        """The page's ancestors from the tree root down to its parent."""
        lineage = self._lineage()
        if lineage is None:
            return list(self.get_ancestors())
        return lineage[:-1]


class RootRoutingMixin(LineagePageMixin):
    """For the page model at a site's root: resolves the whole URL path in one query."""

    def route(self, request, path_components):
        return route_from(self, request, path_components)

"""One way to paginate an HTML list: in the database (LIMIT/OFFSET and one COUNT), in a stable order,
tolerant of any ?page= a person or a crawler sends, with links that keep the page's filters.

    pager = paginate(request, queryset)            # ?page=
    pager = paginate(request, qs, param="done")    # a second list on the same page: ?done=
    {% include "includes/pagination.html" with pager=pager label=_("Pages of entries") %}

The page size is the view's decision, never the query string's (no ?per_page=): a page costs the same
whoever asks for it.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.utils.http import url_has_allowed_host_and_scheme

PER_PAGE = 50
MAX_PER_PAGE = 200


def page_number(raw) -> int:
    """A page number from user input: anything that is not a positive whole number is page 1."""
    try:
        number = int(str(raw).strip())
    except (TypeError, ValueError):
        return 1
    return number if number >= 1 else 1


def stable(queryset: QuerySet) -> QuerySet:
    """The queryset with the primary key as the last ordering term, so rows with equal sort keys
    never move between pages (or appear on two)."""
    query = queryset.query
    ordering = list(query.order_by) or (list(queryset.model._meta.ordering) if query.default_ordering else [])
    names = {str(term).lstrip("-") for term in ordering}
    if names & {"pk", "id", queryset.model._meta.pk.name}:
        return queryset
    last = str(ordering[-1]) if ordering else ""
    return queryset.order_by(*ordering, "-pk" if last.startswith("-") else "pk")


@dataclass
class Pager:
    """A page and the links around it, for templates/includes/pagination.html."""

    page: Page
    param: str
    query: dict[str, list[str]]
    fragment: str = ""

    @property
    def items(self):
        # An empty list is not read at all (its count said so).
        return self.page.object_list if self.count else []

    @property
    def count(self) -> int:
        return self.page.paginator.count

    @property
    def number(self) -> int:
        return self.page.number

    @property
    def num_pages(self) -> int:
        return self.page.paginator.num_pages

    @property
    def has_other_pages(self) -> bool:
        return self.page.has_other_pages()

    @property
    def start(self) -> int:
        return self.page.start_index()

    @property
    def end(self) -> int:
        return self.page.end_index()

    def url(self, number: int) -> str:
        """?<filters>&<param>=<number>: the same list, another page (page 1 drops the parameter)."""
        query = {k: v for k, v in self.query.items() if k != self.param}
        if number > 1:
            query[self.param] = [str(number)]
        encoded = urlencode(query, doseq=True)
        return f"?{encoded}{self.fragment}"

    @property
    def current_url(self) -> str:
        return self.url(self.number)

    @property
    def previous_url(self) -> str | None:
        return self.url(self.number - 1) if self.page.has_previous() else None

    @property
    def next_url(self) -> str | None:
        return self.url(self.number + 1) if self.page.has_next() else None

    @property
    def links(self) -> list[dict]:
        """Page links with gaps: 1 … 4 5 [6] 7 8 … 100."""
        out = []
        for n in self.page.paginator.get_elided_page_range(self.number, on_each_side=2, on_ends=1):
            if n == Paginator.ELLIPSIS:
                out.append({"gap": True})
            else:
                out.append({"number": n, "url": self.url(n), "current": n == self.number})
        return out


def paginate(
    request,
    queryset,
    *,
    per_page: int = PER_PAGE,
    param: str = "page",
    drop: tuple[str, ...] = (),
    fragment: str = "",
    count: int | None = None,
) -> Pager:
    """One page of `queryset` for ?<param>=: a number that is not one (abc, 0, -1) is page 1, a number
    past the end is the last page. Filters in the query string are kept in the links, except `drop`
    (for example the parameters of a form that was just posted). `count`, when the caller has it,
    saves the COUNT query."""
    per_page = max(1, min(int(per_page), MAX_PER_PAGE))
    if isinstance(queryset, QuerySet):
        queryset = stable(queryset)
    paginator = Paginator(queryset, per_page)
    if count is not None:
        # Counted already (several lists' counts in one query): Paginator.count is a cached_property.
        paginator.__dict__["count"] = count
    number = min(page_number(request.GET.get(param)), paginator.num_pages)
    query = {k: request.GET.getlist(k) for k in request.GET if k not in drop}
    return Pager(page=paginator.page(number), param=param, query=query, fragment=fragment)


def local_next(request, raw: str | None, *, default: str) -> str:
    """A `next` address a form may send the person back to: a path on this site only (never another
    host, never a scheme), else `default`."""
    if (
        raw
        and raw.startswith("/")
        and url_has_allowed_host_and_scheme(
            raw, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        )
    ):
        return raw
    return default


class Mapped:
    """A queryset seen through `fn`, for ninja's @paginate: it counts and slices this like a queryset
    (one COUNT, one LIMIT/OFFSET), so only the page asked for is read and turned into dicts."""

    def __init__(self, queryset: QuerySet, fn):
        self.queryset = stable(queryset)
        self.fn = fn

    def all(self):
        return self

    def count(self) -> int:
        return self.queryset.count()

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, key):
        if isinstance(key, slice):
            return [self.fn(row) for row in self.queryset[key]]
        return self.fn(self.queryset[key])

    def __iter__(self):
        return (self.fn(row) for row in self.queryset.iterator())

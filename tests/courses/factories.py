"""Helpers for the courses tests: courses with modules under the `catalogue` fixture."""

from decimal import Decimal
from html.parser import HTMLParser

from tests.factories import DomainFactory, make_course, make_module


def course_with_modules(
    catalogue, *, title="Course", n=3, hours=Decimal("1.5"), domain=None, **course_fields
):
    domain = domain or DomainFactory()
    course = make_course(catalogue, title=title, domains=[domain], **course_fields)
    modules = [
        make_module(course, title=f"{title} module {i}", hours=hours, domain=domain, body=_body(title, i))
        for i in range(1, n + 1)
    ]
    return course, modules


def _body(title, i):
    return [
        ("heading", f"Heading {i}"),
        ("paragraph", f"<p>SECRET-TEXT {title} {i}: the module's teaching text.</p>"),
    ]


class _A11yParser(HTMLParser):
    """Collects what the accessibility checks need: h1 count, form fields and their labels."""

    def __init__(self):
        super().__init__()
        self.h1 = 0
        self.label_for = set()
        self.fields = []  # (tag, attrs) of fields a person fills in
        self._label_depth = 0
        self.fields_inside_label = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "h1":
            self.h1 += 1
        elif tag == "label":
            self._label_depth += 1
            if attrs.get("for"):
                self.label_for.add(attrs["for"])
        elif tag in ("input", "select", "textarea"):
            if attrs.get("type") in ("hidden", "submit", "button"):
                return
            if self._label_depth:
                self.fields_inside_label += 1
                return
            self.fields.append((tag, attrs))

    def handle_endtag(self, tag):
        if tag == "label":
            self._label_depth -= 1


def assert_accessible_basics(html: str):
    """Exactly one h1; every visible form field has a label (for=id, wrapping label or aria-label)."""
    parser = _A11yParser()
    parser.feed(html)
    assert parser.h1 == 1, f"expected exactly one <h1>, found {parser.h1}"
    for tag, attrs in parser.fields:
        labelled = (
            attrs.get("id") in parser.label_for or attrs.get("aria-label") or attrs.get("aria-labelledby")
        )
        assert labelled, f"<{tag} name={attrs.get('name')!r}> has no label"

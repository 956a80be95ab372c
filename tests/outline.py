"""The structure of a rendered page, for tests: its heading levels in order and its lists of cards."""

from html.parser import HTMLParser


class Outline(HTMLParser):
    def __init__(self, html: str):
        super().__init__()
        self.headings: list[int] = []
        self.card_lists: list[dict] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if len(tag) == 2 and tag[0] == "h" and tag[1] in "123456":
            self.headings.append(int(tag[1]))
        classes = (attrs.get("class") or "").split()
        if tag in ("ul", "ol") and ({"cards", "checklist"} & set(classes)):
            self.card_lists.append(attrs)

    def skips(self) -> list[str]:
        """Where the outline jumps a level (h1 then h3), or does not start at h1."""
        out, previous = [], 0
        for level in self.headings:
            if (previous == 0 and level != 1) or level > previous + 1:
                out.append(f"h{previous} > h{level}")
            previous = level
        return out

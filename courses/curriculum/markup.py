"""The Markdown that course files are written in, and the blocks it becomes (docs/authoring.md).

A small, strict dialect rather than full Markdown, because what it produces is limited to what the
site's rich-text blocks accept: ``<p>``, ``<strong>``, ``<em>``, ``<ul>``, ``<ol>``, ``<li>`` and
``<a href>``. Anything outside it (HTML tags, deeper headings, unknown blocks, an unclosed ``**``) is an
error at its line instead of a surprise on the page.

Rich text: paragraphs separated by blank lines (wrapped lines are joined), ``- item`` and ``1. item``
lists, ``**bold**``, ``*italic*``, ``[text](https://...)``, and ``\\`` before punctuation to keep it
literal. A module body adds ``## Heading`` and the blocks ``::: callout TONE Title``,
``::: reflection``, ``::: scenario Title`` (sections ``:: situation``, ``:: questions``,
``:: discussion``) and ``::: video URL``, each closed by a line ``:::``."""

from __future__ import annotations

import html
import re

from .yamlsrc import SourceError

CALLOUT_TONES = ("info", "tip", "warning")
SCENARIO_PARTS = ("situation", "questions", "discussion")
BLOCKS = ("callout", "reflection", "scenario", "video")
LINK_SCHEMES = ("https://", "http://", "mailto:", "tel:")

_UL = re.compile(r"^[-*] +(.*)$")
_OL = re.compile(r"^\d{1,3}\. +(.*)$")
_TAG = re.compile(r"</?[A-Za-z!]")
_PUNCTUATION = set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")


# ---------------------------------------------------------------------------------------------------
# Inline: **bold**, *italic*, [text](url), \escapes


class _Frame:
    def __init__(self, kind: str, column: int):
        self.kind, self.column, self.parts = kind, column, []


_NAMES = {"**": "bold (**)", "*": "italic (*)", "[": "link ([)"}


def inline(text: str, line: int) -> str:
    """One paragraph's or list item's text as HTML."""
    if match := _TAG.search(text):
        raise SourceError(
            line,
            f"HTML is not allowed ('{text[match.start() : match.start() + 12]}...'): "
            "write **bold**, *italic* or [text](https://...) instead",
        )
    stack = [_Frame("root", 0)]
    i = 0
    while i < len(text):
        char = text[i]
        if char == "\\" and i + 1 < len(text) and text[i + 1] in _PUNCTUATION:
            stack[-1].parts.append(html.escape(text[i + 1], quote=False))
            i += 2
            continue
        if char == "*":
            double = text.startswith("**", i)
            # Like Markdown: a marker right after a non-space closes, one right before a non-space opens.
            can_close = i > 0 and not text[i - 1].isspace()
            after = i + (2 if double else 1)
            can_open = after < len(text) and not text[after].isspace()
            top = stack[-1].kind
            if can_close and (top == "*" or (top == "**" and double)):
                marker = top
                frame = stack.pop()
                tag = "strong" if marker == "**" else "em"
                if not frame.parts:
                    raise SourceError(line, f"empty {_NAMES[marker]} at column {frame.column + 1}")
                stack[-1].parts.append(f"<{tag}>{''.join(frame.parts)}</{tag}>")
                i += len(marker)
            elif can_open:
                marker = "**" if double else "*"
                stack.append(_Frame(marker, i))
                i += len(marker)
            else:
                raise SourceError(
                    line,
                    f"a '*' at column {i + 1} neither opens nor closes *italic* or **bold** "
                    "(write \\* for a literal star)",
                )
            continue
        if char == "[":
            stack.append(_Frame("[", i))
            i += 1
            continue
        if char == "]" and any(f.kind == "[" for f in stack):
            if stack[-1].kind != "[":
                raise SourceError(
                    line,
                    f"{_NAMES[stack[-1].kind]} opened at column {stack[-1].column + 1} is not closed "
                    "inside the link text",
                )
            frame = stack.pop()
            if text.startswith("(", i + 1):
                end = text.find(")", i + 2)
                url = text[i + 2 : end] if end != -1 else ""
                if end == -1 or not url or any(c.isspace() for c in url):
                    raise SourceError(line, f"link at column {frame.column + 1}: write [text](address)")
                if not (url.startswith(LINK_SCHEMES) or (url.startswith("/") and not url.startswith("//"))):
                    raise SourceError(
                        line,
                        f"link address '{url}' must start with {', '.join(LINK_SCHEMES)} or / (a page of this site)",
                    )
                if not frame.parts:
                    raise SourceError(line, f"link at column {frame.column + 1} has no text")
                href = html.escape(url, quote=True)
                stack[-1].parts.append(f'<a href="{href}">{"".join(frame.parts)}</a>')
                i = end + 1
            else:  # [plain brackets] in text
                stack[-1].parts.extend(["[", *frame.parts, "]"])
                i += 1
            continue
        stack[-1].parts.append(html.escape(char, quote=False))
        i += 1
    if len(stack) > 1:
        frame = stack[-1]
        raise SourceError(line, f"{_NAMES[frame.kind]} opened at column {frame.column + 1} is never closed")
    return "".join(stack[0].parts)


# ---------------------------------------------------------------------------------------------------
# Rich text: paragraphs and lists


def rich_text(lines: list[tuple[int, str]]) -> str:
    """Lines (number, text) of rich text as the restricted HTML of a RichText block."""
    out: list[str] = []
    paragraph: list[tuple[int, str]] = []
    items: list[list[tuple[int, str]]] = []
    list_tag = ""

    def flush_paragraph():
        if paragraph:
            text = " ".join(t.strip() for _, t in paragraph)
            out.append(f"<p>{inline(text, paragraph[0][0])}</p>")
            paragraph.clear()

    def flush_list():
        nonlocal list_tag
        if items:
            body = "".join(f"<li>{inline(' '.join(t.strip() for _, t in it), it[0][0])}</li>" for it in items)
            out.append(f"<{list_tag}>{body}</{list_tag}>")
            items.clear()
        list_tag = ""

    blank_before = False
    for number, raw in lines:
        if not raw.strip():
            flush_paragraph()
            blank_before = True
            continue
        stripped = raw.strip()
        ul, ol = _UL.match(stripped), _OL.match(stripped)
        if (ul or ol) and raw[:1].isspace() and items:
            raise SourceError(number, "lists inside lists are not supported: keep every item at the left")
        if ul or ol:
            flush_paragraph()
            tag = "ul" if ul else "ol"
            if tag != list_tag:
                flush_list()
                list_tag = tag
            items.append([(number, (ul or ol).group(1))])
        elif items and not (blank_before and not raw[:1].isspace()):
            items[-1].append((number, stripped))  # a wrapped list item
        else:
            flush_list()
            paragraph.append((number, stripped))
        blank_before = False
    flush_paragraph()
    flush_list()
    return "".join(out)


# ---------------------------------------------------------------------------------------------------
# A module body: headings, rich text and blocks


def _directive(lines: list[tuple[int, str]], start: int) -> tuple[str, str, list[tuple[int, str]], int]:
    """The block opened at lines[start]: (name, arguments, inner lines, index after the closing ':::')."""
    number, raw = lines[start]
    head = raw.strip()[3:].strip()
    name, _, args = head.partition(" ")
    for index in range(start + 1, len(lines)):
        text = lines[index][1].strip()
        if text == ":::":
            return name, args.strip(), lines[start + 1 : index], index + 1
        if text.startswith(":::"):
            raise SourceError(
                lines[index][0],
                f"a new block starts before the '{name}' block opened on line {number} is closed "
                "(close it with a line ':::')",
            )
    raise SourceError(number, f"the '{name}' block is never closed: end it with a line ':::'")


def _required_rich(lines, number: int, what: str) -> str:
    value = rich_text(lines)
    if not value:
        raise SourceError(number, f"{what} is empty")
    return value


def _plain(lines: list[tuple[int, str]]) -> str:
    """Plain text (a reflection prompt): wrapped lines joined, a blank line keeps a line break."""
    paragraphs, current = [], []
    for _, raw in lines:
        if raw.strip():
            current.append(raw.strip())
        elif current:
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    return "\n".join(paragraphs)


def _scenario(number: int, title: str, inner) -> dict:
    if not title:
        raise SourceError(number, "a scenario needs a title: '::: scenario The title'")
    parts: dict[str, list] = {}
    current = None
    for line_number, raw in inner:
        text = raw.strip()
        if text.startswith("::") and not text.startswith(":::"):
            part = text[2:].strip()
            if part not in SCENARIO_PARTS:
                raise SourceError(
                    line_number, f"unknown scenario part '{part}': use {', '.join(SCENARIO_PARTS)}"
                )
            if part in parts:
                raise SourceError(line_number, f"the scenario has two ':: {part}' parts")
            current = parts[part] = []
        elif current is None:
            if text:
                raise SourceError(line_number, "scenario text must follow a ':: situation' line")
        else:
            current.append((line_number, raw))
    value = {"title": title}
    for part in SCENARIO_PARTS:
        if part == "questions" and part not in parts:
            value[part] = ""
            continue
        if part not in parts:
            raise SourceError(number, f"the scenario needs a ':: {part}' part")
        value[part] = _required_rich(parts[part], number, f"the scenario's '{part}'")
    return value


def _block(name: str, args: str, inner, number: int) -> tuple[str, object]:
    if name == "callout":
        tone, _, title = args.partition(" ")
        if tone not in CALLOUT_TONES:
            raise SourceError(
                number,
                f"a callout starts '::: callout TONE Title' with TONE one of {', '.join(CALLOUT_TONES)}",
            )
        return "callout", {
            "tone": tone,
            "title": title.strip(),
            "text": _required_rich(inner, number, "the callout"),
        }
    if name == "reflection":
        prompt = _plain(inner)
        if not prompt:
            raise SourceError(number, "the reflection prompt is empty")
        return "reflection", {"prompt": prompt}
    if name == "scenario":
        return "scenario", _scenario(number, args, inner)
    if name == "video":
        if not args.startswith(("https://", "http://")) or " " in args:
            raise SourceError(number, "a video starts '::: video https://...' (a YouTube or Vimeo address)")
        return "video", {"video": args, "transcript": rich_text(inner)}
    raise SourceError(
        number,
        f"unknown block '{name}': use one of {', '.join(BLOCKS)}"
        + (" (downloadable files are attached in the admin)" if name == "resource" else ""),
    )


def module_body(lines: list[tuple[int, str]]) -> list[tuple[str, object]]:
    """A module's Markdown body as StreamField blocks [(type, value)], in order."""
    blocks: list[tuple[str, object]] = []
    text: list[tuple[int, str]] = []

    def flush_text():
        value = rich_text(text)
        if value:
            blocks.append(("paragraph", value))
        text.clear()

    index = 0
    while index < len(lines):
        number, raw = lines[index]
        stripped = raw.strip()
        if stripped.startswith(":::"):
            if stripped == ":::":
                raise SourceError(number, "':::' closes a block, but no block is open here")
            flush_text()
            name, args, inner, index = _directive(lines, index)
            blocks.append(_block(name, args, inner, number))
            continue
        if stripped.startswith("#") and not raw[:1].isspace():
            if not stripped.startswith("## ") or stripped.startswith("###"):
                raise SourceError(
                    number, "write section headings as '## Heading' (other levels are not used in modules)"
                )
            flush_text()
            heading = stripped[3:].strip()
            if not heading:
                raise SourceError(number, "the heading is empty")
            blocks.append(("heading", heading))
        elif stripped.startswith("::") and not raw[:1].isspace():
            raise SourceError(number, f"'{stripped}' belongs inside a '::: scenario' block")
        else:
            text.append((number, raw))
        index += 1
    flush_text()
    return blocks

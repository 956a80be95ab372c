"""YAML that remembers where each value came from, for errors an author can act on ("file:line: ...").

A strict subset of YAML 1.1 as PyYAML reads it, with two changes that matter for course text:
only ``true`` / ``false`` are booleans (so a choice reading "No" or "Off" stays text), and numbers with
a decimal point are read as exact ``Decimal`` (training hours, points). Mappings and lists carry the
line of every value; a key given twice is an error rather than the last one silently winning."""

from __future__ import annotations

import re
from decimal import Decimal

import yaml


class SourceError(Exception):
    """One thing wrong at a line of a file (the path is added by the caller that knows it)."""

    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line, self.message = line, message


class LocatedDict(dict):
    """A mapping whose values know their line (`line_of(key)`) and which knows its own (`line`)."""

    line: int = 1
    lines: dict

    def line_of(self, key) -> int:
        return self.lines.get(key, self.line)


class LocatedList(list):
    line: int = 1
    lines: list

    def line_of(self, index: int) -> int:
        return self.lines[index] if 0 <= index < len(self.lines) else self.line


class _Loader(yaml.SafeLoader):
    pass


# Only true/false are booleans: drop YAML 1.1's yes/no/on/off.
_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def _line(loader, node) -> int:
    return node.start_mark.line + 1 + getattr(loader, "line_offset", 0)


def _mapping(loader, node):
    loader.flatten_mapping(node)
    result = LocatedDict()
    result.line, result.lines = _line(loader, node), {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, str):
            raise SourceError(_line(loader, key_node), f"a key must be a word, not {key!r}")
        if key in result:
            raise SourceError(_line(loader, key_node), f"'{key}' is given twice")
        result[key] = loader.construct_object(value_node, deep=True)
        result.lines[key] = _line(loader, value_node)
    return result


def _sequence(loader, node):
    result = LocatedList(loader.construct_object(child, deep=True) for child in node.value)
    result.line, result.lines = _line(loader, node), [_line(loader, child) for child in node.value]
    return result


def _decimal(loader, node):
    text = loader.construct_scalar(node).replace("_", "")
    try:
        return Decimal(text)
    except ArithmeticError:
        raise SourceError(_line(loader, node), f"'{text}' is not a number")


def _timestamp(loader, node):
    return loader.construct_scalar(node)  # dates are not part of the format: keep the text


_Loader.add_constructor("tag:yaml.org,2002:map", _mapping)
_Loader.add_constructor("tag:yaml.org,2002:seq", _sequence)
_Loader.add_constructor("tag:yaml.org,2002:float", _decimal)
_Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)


def load_yaml(text: str, *, first_line: int = 1):
    """Parse one YAML document. Raises SourceError with the line (counted from `first_line`)."""
    loader = _Loader(text)
    loader.line_offset = first_line - 1  # lines in the file, not in the front matter
    try:
        return loader.get_single_data()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = (mark.line + 1 if mark else 1) + first_line - 1
        raise SourceError(line, f"not valid YAML: {error.problem or error.context}")
    except yaml.YAMLError as error:
        raise SourceError(first_line, f"not valid YAML: {error}")
    finally:
        loader.dispose()


def split_front_matter(text: str) -> tuple[str, int, list[str], int]:
    """A Markdown file's front matter and body: (YAML text, its first line, body lines, the body's
    first line). The file must start with a line '---' and the front matter end with another."""
    lines = text.splitlines()
    if not lines or lines[0].strip() != "---":
        raise SourceError(1, "the file must start with front matter: a line '---', the fields, then '---'")
    for index in range(1, len(lines)):
        if lines[index].strip() == "---":
            return "\n".join(lines[1:index]), 2, lines[index + 1 :], index + 2
    raise SourceError(1, "the front matter opened by '---' on line 1 is never closed by another '---'")

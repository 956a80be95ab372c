"""Checking the fields of one YAML mapping, recording every problem with its file and line and going on,
so an author sees all that is wrong with a file at once rather than one error per run."""

from __future__ import annotations

import re
from decimal import Decimal

from .data import Problem
from .yamlsrc import LocatedDict, LocatedList

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_MISSING = object()


class Fields:
    """The fields of `data` (a mapping read from `path`), limited to `allowed`."""

    def __init__(self, data, path: str, problems: list[Problem], allowed, *, line: int = 1, what="file"):
        self.path, self.problems = path, problems
        if not isinstance(data, LocatedDict):
            problems.append(Problem(path, getattr(data, "line", line), f"the {what} must be a set of fields"))
            data = LocatedDict()
            data.line, data.lines = line, {}
        self.data = data
        for key in data:
            if key not in allowed:
                self.problem(key, f"unknown field '{key}' (the {what} may have: {', '.join(allowed)})")

    @property
    def line(self) -> int:
        return self.data.line

    def line_of(self, key) -> int:
        return self.data.line_of(key)

    def problem(self, key, message: str) -> None:
        self.problems.append(Problem(self.path, self.line_of(key) if key else self.line, message))

    def _get(self, key, required: bool):
        value = self.data.get(key, _MISSING)
        if value is _MISSING or value is None:
            if required:
                self.problem(None, f"'{key}' is missing")
            return _MISSING
        return value

    def text(self, key, *, required=True, max_length=None, default="") -> str:
        value = self._get(key, required)
        if value is _MISSING:
            return default
        if isinstance(value, (LocatedDict, LocatedList, bool)):
            self.problem(key, f"'{key}' must be text")
            return default
        value = str(value).strip()
        if required and not value:
            self.problem(key, f"'{key}' is empty")
        if max_length and len(value) > max_length:
            self.problem(key, f"'{key}' is {len(value)} characters long; at most {max_length}")
        return value

    def slug(self, key, *, required=True) -> str:
        value = self.text(key, required=required)
        if value and not SLUG.match(value):
            self.problem(key, f"'{key}' must be lower-case letters, digits and hyphens (not '{value}')")
        return value

    def integer(self, key, *, required=True, minimum=None, maximum=None, default=None):
        value = self._get(key, required)
        if value is _MISSING:
            return default
        if isinstance(value, bool) or not isinstance(value, int):
            self.problem(key, f"'{key}' must be a whole number")
            return default
        if (minimum is not None and value < minimum) or (maximum is not None and value > maximum):
            bounds = f"between {minimum} and {maximum}" if maximum is not None else f"at least {minimum}"
            self.problem(key, f"'{key}' must be {bounds} (not {value})")
        return value

    def decimal(self, key, *, required=True, places=2, maximum=Decimal("9999"), default=None):
        value = self._get(key, required)
        if value is _MISSING:
            return default
        if isinstance(value, bool) or not isinstance(value, (int, Decimal)):
            self.problem(key, f"'{key}' must be a number")
            return default
        value = Decimal(value)
        if value < 0 or value > maximum:
            self.problem(key, f"'{key}' must be between 0 and {maximum} (not {value})")
        elif value != value.quantize(Decimal(1).scaleb(-places)):
            self.problem(key, f"'{key}' has more than {places} decimal places ({value})")
        return value

    def boolean(self, key, *, required=False, default=False) -> bool:
        value = self._get(key, required)
        if value is _MISSING:
            return default
        if not isinstance(value, bool):
            self.problem(key, f"'{key}' must be true or false")
            return default
        return value

    def choice(self, key, choices, *, required=False, default=None):
        value = self._get(key, required)
        if value is _MISSING:
            return default
        if value not in choices:
            self.problem(key, f"'{key}' must be one of {', '.join(map(str, choices))} (not '{value}')")
            return default
        return value

    def texts(self, key, *, required=False, minimum=0, max_length=None) -> list[str]:
        """A list of texts (each line kept for errors)."""
        value = self._get(key, required)
        if value is _MISSING:
            if minimum and not required:  # (a required one was reported by _get)
                self.problem(None, f"'{key}' is missing")
            return []
        if not isinstance(value, LocatedList):
            self.problem(key, f"'{key}' must be a list ('- item' lines)")
            return []
        result = []
        for index, item in enumerate(value):
            if isinstance(item, (LocatedDict, LocatedList, bool)) or item is None or not str(item).strip():
                self.problems.append(
                    Problem(self.path, value.line_of(index), f"'{key}' item {index + 1} must be text")
                )
                continue
            item = str(item).strip()
            if max_length and len(item) > max_length:
                self.problems.append(
                    Problem(
                        self.path,
                        value.line_of(index),
                        f"'{key}' item {index + 1} is {len(item)} characters long; at most {max_length}",
                    )
                )
            result.append(item)
        if len(result) < minimum:
            self.problem(key, f"'{key}' needs at least {minimum} item{'s' if minimum > 1 else ''}")
        return result

    def slugs(self, key) -> list[str]:
        result = self.texts(key)
        for slug in result:
            if not SLUG.match(slug):
                self.problem(key, f"'{slug}' in '{key}' is not a slug (lower-case letters, digits, hyphens)")
        if len(set(result)) != len(result):
            self.problem(key, f"'{key}' names the same thing twice")
        return result

    def mapping(self, key, *, required=False):
        value = self._get(key, required)
        return None if value is _MISSING else value

    def items(self, key, *, required=True) -> LocatedList:
        value = self._get(key, required)
        if value is _MISSING:
            return LocatedList()
        if not isinstance(value, LocatedList):
            self.problem(key, f"'{key}' must be a list ('- ...' entries)")
            return LocatedList()
        return value

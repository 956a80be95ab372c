"""The library of real programs: JSON definitions (certificates/programs/library/*.json, format
peer-lms.program/2) an administrator can import one by one, from the programs page or with
`manage.py import_program --library SLUG`. Each file names its sources in its version notes."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from lms.errors import NotFound

from .models import CredentialProgram
from .transfer import program_import

LIBRARY_DIR = Path(__file__).resolve().parent / "library"
ERR_NOT_IN_LIBRARY = gettext_noop("No program {slug} in the library.")


@dataclass(frozen=True)
class LibraryProgram:
    slug: str
    name: str
    issuing_body: str
    description: str
    path: Path


@lru_cache(maxsize=1)
def library_programs() -> tuple[LibraryProgram, ...]:
    out = []
    for path in sorted(LIBRARY_DIR.glob("*.json")):
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
        out.append(
            LibraryProgram(data["slug"], data["name"], data["issuing_body"], data["description"], path)
        )
    return tuple(sorted(out, key=lambda p: p.name))


def library_definition(slug: str) -> dict:
    for item in library_programs():
        if item.slug == slug:
            with open(item.path, encoding="utf-8") as fh:
                return json.load(fh)
    raise NotFound(_(ERR_NOT_IN_LIBRARY).format(slug=slug))


def library_import(*, slug: str, actor=None) -> CredentialProgram:
    """Import (or update) one library program through the same importer as a file."""
    return program_import(data=library_definition(slug), actor=actor)

"""manage.py import_program FILE | --library SLUG | --list-library: create or update a credential
program from a definition (format peer-lms.program/2, docs/program-format.schema.json), from a file,
standard input or the library of real programs. Any problem aborts the whole import and says where
in the file it is."""

import sys

from django.core.management.base import BaseCommand, CommandError

from certificates.programs.library import library_definition, library_programs
from certificates.programs.transfer import parse_program_json, program_import
from lms.errors import DomainError


class Command(BaseCommand):
    help = "Import a credential program from JSON made by export_program, or from the library."

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", help="Path to the JSON file, or - for standard input.")
        parser.add_argument("--library", metavar="SLUG", help="Import this program from the library.")
        parser.add_argument("--list-library", action="store_true", help="List the library's programs.")

    def handle(self, *args, file=None, library=None, list_library=False, **options):
        if list_library:
            for item in library_programs():
                self.stdout.write(f"{item.slug}\t{item.name} ({item.issuing_body})")
            return
        if bool(file) == bool(library):
            raise CommandError("Give a FILE or --library SLUG (one of them).")
        try:
            data = library_definition(library) if library else self._read(file)
            program = program_import(data=data)
        except DomainError as exc:
            raise CommandError(exc.message)
        versions = ", ".join(program.versions.values_list("label", flat=True))
        self.stdout.write(self.style.SUCCESS(f"Imported {program.slug} (versions: {versions})."))

    def _read(self, file):
        try:
            if file == "-":
                raw = sys.stdin.buffer.read()
            else:
                with open(file, "rb") as fh:
                    raw = fh.read()
        except OSError as exc:
            raise CommandError(f"Can't read {file}: {exc}")
        try:
            return parse_program_json(raw)
        except DomainError as exc:
            raise CommandError(f"Can't read {file}: {exc.message}")

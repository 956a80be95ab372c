"""manage.py import_program FILE: create or update a credential program from export_program JSON.
Courses and domains are matched by slug; any problem aborts the whole import."""

import json

from django.core.management.base import BaseCommand, CommandError

from certificates.programs.transfer import program_import
from lms.errors import DomainError


class Command(BaseCommand):
    help = "Import a credential program from JSON made by export_program."

    def add_arguments(self, parser):
        parser.add_argument("file", help="Path to the JSON file, or - for standard input.")

    def handle(self, *args, file, **options):
        try:
            if file == "-":
                import sys

                data = json.load(sys.stdin)
            else:
                with open(file, encoding="utf-8") as fh:
                    data = json.load(fh)
        except (OSError, json.JSONDecodeError) as exc:
            raise CommandError(f"Can't read {file}: {exc}")
        try:
            program = program_import(data=data)
        except DomainError as exc:
            raise CommandError(exc.message)
        versions = ", ".join(program.versions.values_list("label", flat=True))
        self.stdout.write(self.style.SUCCESS(f"Imported {program.slug} (versions: {versions})."))

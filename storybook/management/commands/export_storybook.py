"""``manage.py export_storybook --output DIR [--dry-run]``: the storybook as static files."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from codex_django.storybook.discovery import get_collection
from codex_django.storybook.export import export_storybook


class Command(BaseCommand):
    help = (
        "Export the component storybook (UI, every story in every combination, HTMX stubs) as static files."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--output", "-o", default="storybook-export", help="Folder to write (default: %(default)s)."
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="List what would be written, write nothing."
        )
        parser.add_argument(
            "--allow-broken", action="store_true", help="Export even when some stories fail validation."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        errors = get_collection().errors
        if errors and not options["allow_broken"]:
            raise CommandError(
                "Broken stories (fix them or pass --allow-broken):\n" + "\n".join(map(str, errors))
            )
        output = Path(options["output"]).resolve()
        result = export_storybook(output, dry_run=options["dry_run"])
        if options["dry_run"]:
            for page in result.pages:
                self.stdout.write(page)
            self.stdout.write(f"(dry run) would write {result.summary()}")
        else:
            self.stdout.write(self.style.SUCCESS(f"Exported {result.summary()}"))

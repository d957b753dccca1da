"""Load the demo organisation, its users, and the sample reports.

The reports go through ``import_reports``, the same path as any import, and
themes are then built in this process. Safe to run again.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser

from reporting.demo import DEMO_ORGANISATION, create_demo_organisation

SAMPLE = Path(settings.BASE_DIR) / "demo" / "sample_reports.jsonl"


class Command(BaseCommand):
    help = "Create the demo organisation and users, import the sample reports and build themes."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--file", default=str(SAMPLE), help="JSON Lines reports to import.")
        parser.add_argument("--allow-production", action="store_true", help="Run even with DEBUG off.")

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEBUG and not options["allow_production"]:
            raise CommandError("The demo users have a published password; refusing to run with DEBUG off.")
        create_demo_organisation()
        call_command("import_reports", options["file"], organisation=DEMO_ORGANISATION, stdout=self.stdout)
        call_command("build_themes", organisation=DEMO_ORGANISATION, sync=True, stdout=self.stdout)

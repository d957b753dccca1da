"""Export an organisation's current themes and report labels as JSON (CONTRACTS.md).

manage.py export_themes --organisation SLUG --format json
"""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from reporting.models import Organisation
from reporting.themes import export_themes


class Command(BaseCommand):
    help = "Write the organisation's themes and report labels to standard output."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--organisation", required=True, help="Organisation slug.")
        parser.add_argument("--format", choices=["json"], default="json")

    def handle(self, *args: Any, **options: Any) -> None:
        organisation = Organisation.objects.filter(slug=options["organisation"]).first()
        if organisation is None:
            raise CommandError(f"No organisation with slug {options['organisation']!r}.")
        self.stdout.write(json.dumps(export_themes(organisation=organisation)))

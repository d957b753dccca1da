"""Export current themes and report labels as JSON (CONTRACTS.md).

    manage.py export_themes --organisation SLUG --format json
    manage.py export_themes --partnership SLUG --format json

A partnership export has the same shape: the partnership's themes, and every
report of its organisations ("ref" is the source reference, else the receipt
reference) with its theme in the partnership.
"""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from reporting.models import Organisation, Partnership
from reporting.themes import export_themes


class Command(BaseCommand):
    help = "Write an organisation's or a partnership's themes and report labels to standard output."

    def add_arguments(self, parser: CommandParser) -> None:
        scope = parser.add_mutually_exclusive_group(required=True)
        scope.add_argument("--organisation", help="Organisation slug.")
        scope.add_argument("--partnership", help="Partnership slug.")
        parser.add_argument("--format", choices=["json"], default="json")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["organisation"] is not None:
            organisation = Organisation.objects.filter(slug=options["organisation"]).first()
            if organisation is None:
                raise CommandError(f"No organisation with slug {options['organisation']!r}.")
            document = export_themes(organisation=organisation)
        else:
            partnership = Partnership.objects.filter(slug=options["partnership"]).first()
            if partnership is None:
                raise CommandError(f"No partnership with slug {options['partnership']!r}.")
            document = export_themes(partnership=partnership)
        self.stdout.write(json.dumps(document))

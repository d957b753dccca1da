"""Build an organisation's themes (CONTRACTS.md).

    manage.py build_themes --organisation SLUG [--sync]

With ``--sync`` the build runs in this process and the command returns once
the new themes are committed; without it the same work is queued on Celery.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from reporting.models import Organisation
from reporting.themes import BuildAlreadyRunning, build_themes_for_scope


class Command(BaseCommand):
    help = "Build the theme set of an organisation."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--organisation", required=True, help="Organisation slug.")
        parser.add_argument("--sync", action="store_true", help="Run here and wait for the commit.")
        parser.add_argument("--seed", type=int, default=0, help="Random seed of the build (default 0).")

    def handle(self, *args: Any, **options: Any) -> None:
        organisation = Organisation.objects.filter(slug=options["organisation"]).first()
        if organisation is None:
            raise CommandError(f"No organisation with slug {options['organisation']!r}.")
        if not options["sync"]:
            from reporting.tasks import build_themes

            build_themes.delay(organisation.pk)
            self.stdout.write(f"queued theme build for {organisation.slug}")
            return
        try:
            result = build_themes_for_scope(organisation=organisation, seed=options["seed"])
        except BuildAlreadyRunning as exc:
            raise CommandError(f"A theme build for {organisation.slug} is already running.") from exc
        self.stdout.write(
            f"built {result.themes} themes from {result.reports} reports for {organisation.slug} "
            f"({result.unthemed} unthemed, {result.created} new, {result.retired} retired)"
        )

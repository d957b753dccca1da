"""Build the themes of an organisation (CONTRACTS.md) or of a partnership.

    manage.py build_themes --organisation SLUG [--sync]
    manage.py build_themes --partnership SLUG [--sync]

With ``--sync`` the build runs in this process and the command returns once
the new themes are committed; without it the same work is queued on Celery.
A partnership build clusters the reports of all its organisations into the
partnership's own themes; the organisations' themes are not touched.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from reporting.models import Organisation, Partnership
from reporting.themes import BuildAlreadyRunning, build_themes_for_scope


class Command(BaseCommand):
    help = "Build the theme set of an organisation or a partnership."

    def add_arguments(self, parser: CommandParser) -> None:
        scope = parser.add_mutually_exclusive_group(required=True)
        scope.add_argument("--organisation", help="Organisation slug.")
        scope.add_argument("--partnership", help="Partnership slug (its organisations' reports together).")
        parser.add_argument("--sync", action="store_true", help="Run here and wait for the commit.")
        parser.add_argument("--seed", type=int, default=0, help="Random seed of the build (default 0).")

    def handle(self, *args: Any, **options: Any) -> None:
        organisation = partnership = None
        if options["organisation"] is not None:
            organisation = Organisation.objects.filter(slug=options["organisation"]).first()
            if organisation is None:
                raise CommandError(f"No organisation with slug {options['organisation']!r}.")
            slug = organisation.slug
        else:
            partnership = Partnership.objects.filter(slug=options["partnership"]).first()
            if partnership is None:
                raise CommandError(f"No partnership with slug {options['partnership']!r}.")
            slug = partnership.slug
        if not options["sync"]:
            from reporting.tasks import build_partnership_themes, build_themes

            if organisation is not None:
                build_themes.delay(organisation.pk)
            else:
                assert partnership is not None
                build_partnership_themes.delay(partnership.pk)
            self.stdout.write(f"queued theme build for {slug}")
            return
        try:
            result = build_themes_for_scope(organisation=organisation, partnership=partnership, seed=options["seed"])
        except BuildAlreadyRunning as exc:
            raise CommandError(f"A theme build for {slug} is already running.") from exc
        self.stdout.write(
            f"built {result.themes} themes from {result.reports} reports for {slug} "
            f"({result.unthemed} unthemed, {result.created} new, {result.retired} retired)"
        )

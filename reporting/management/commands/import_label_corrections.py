"""Apply panel label corrections from a JSON Lines file (CONTRACTS.md).

    manage.py import_label_corrections FILE --organisation SLUG [--dry-run]

Each line ``{"id": source reference, "westrum_aspect": ..., "westrum_orientation":
..., "learning_together": ...}`` (any subset of the three labels) goes through
``reporting.themes.correct_labels``, the service behind the panel's UI, so the
labeller learns from it. Unknown references and bad values are reported on
stderr by line number and skipped. Prints a one-line summary. FILE may be ``-``.
"""

from __future__ import annotations

import json
import sys
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db.models import Q

from reporting.models import Organisation, Report
from reporting.themes import DIMENSIONS, correct_labels, queue_retrain


class Command(BaseCommand):
    help = "Apply label corrections from a JSON Lines file."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file")
        parser.add_argument("--organisation", required=True, help="Organisation slug.")
        parser.add_argument("--dry-run", action="store_true", help="Check every line, change nothing.")

    def handle(self, *args: Any, **options: Any) -> None:
        organisation = Organisation.objects.filter(slug=options["organisation"]).first()
        if organisation is None:
            raise CommandError(f"No organisation with slug {options['organisation']!r}.")
        try:
            if options["file"] == "-":
                lines = sys.stdin.read().splitlines()
            else:
                with open(options["file"], encoding="utf-8") as handle:
                    lines = handle.read().splitlines()
        except OSError as exc:
            raise CommandError(f"Cannot read {options['file']}: {exc.strerror}") from exc
        applied = skipped = 0
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                if not isinstance(row, dict) or "id" not in row:
                    raise ValueError("not an object with an id")
            except ValueError as exc:
                self.stderr.write(f"line {number}: invalid JSON ({exc})")
                skipped += 1
                continue
            ref = str(row["id"])
            report = (
                Report.objects.filter(organisation=organisation)
                .filter(Q(source_reference=ref) | Q(reference=ref))
                .first()
            )
            if report is None:
                self.stderr.write(f"line {number}: unknown reference")
                skipped += 1
                continue
            changes = {d: row[d] for d in DIMENSIONS if row.get(d)}
            if not changes:
                self.stderr.write(f"line {number}: no label to correct")
                skipped += 1
                continue
            try:
                if not options["dry_run"]:
                    correct_labels(actor=None, report=report, changes=changes, retrain=False)
            except ValidationError as exc:
                fields = ", ".join(sorted(getattr(exc, "message_dict", {}) or ["value"]))
                self.stderr.write(f"line {number}: bad value for {fields}")
                skipped += 1
                continue
            applied += 1
        if applied and not options["dry_run"]:
            queue_retrain(organisation_id=organisation.pk)
        verb = "would apply" if options["dry_run"] else "applied"
        self.stdout.write(f"{verb} {applied} corrections, skipped {skipped}")

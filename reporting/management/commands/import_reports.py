"""Import learning reports from a JSON Lines file (format: docs/CONTRACTS.md).

    manage.py import_reports FILE --organisation SLUG [--dry-run]

Each line goes through ``reporting.services.submit_report`` exactly as a web
submission does (de-identification, live-concern screen, background
processing), as an anonymous report with the line's ``id`` as its source
reference. A line whose ``id`` is already present in the organisation is
skipped, so importing the same file twice creates nothing new. A bad line is
reported on stderr with its number and reason and the rest carries on. The
organisation is created if it does not exist. Exits non-zero only if the file
cannot be read at all. FILE may be ``-`` for standard input.

Nothing here prints or logs report text: reasons name fields, never values.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.core.validators import validate_slug
from django.db import IntegrityError, transaction
from django.utils import timezone

from reporting.choices import IdentityMode, ReportKind
from reporting.models import Organisation, Report
from reporting.outbox import bulk_publishing
from reporting.services import Draft, submit_report, validate_draft

SOURCE_REFERENCE_MAX = Report._meta.get_field("source_reference").max_length or 100
# The import format makes ``kind`` optional; most imported learning reports are near misses.
DEFAULT_KIND = ReportKind.NEAR_MISS
# Lines per transaction; a crash loses at most one batch, which a re-import then adds.
BATCH_SIZE = 50


class BadLine(Exception):
    """A line that cannot be imported; the message is safe to print (no report text)."""


@dataclass(frozen=True)
class ImportLine:
    source_reference: str
    draft: Draft
    submitted_on: dt.date | None


def parse_line(raw: str) -> ImportLine:
    """One JSON Lines record as the arguments of submit_report. Raises BadLine."""
    try:
        record = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise BadLine(f"not valid JSON ({exc.msg} at column {exc.colno})") from None
    if not isinstance(record, dict):
        raise BadLine("not a JSON object")
    source_reference = _source_reference(record.get("id"))
    narrative = record.get("narrative")
    if narrative is None:
        raise BadLine("missing narrative")
    if not isinstance(narrative, str):
        raise BadLine("narrative is not a string")
    draft = Draft(
        kind=_optional_string(record, "kind") or DEFAULT_KIND,
        narrative=narrative,
        what_would_help=_optional_string(record, "what_would_help"),
        service_area=_optional_string(record, "service_area"),
    )
    return ImportLine(
        source_reference=source_reference,
        draft=draft,
        submitted_on=_submitted_on(record.get("submitted_at")),
    )


def _source_reference(value: Any) -> str:
    if value is None:
        raise BadLine("missing id")
    # bool is an int in Python, but true/false is no reference.
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise BadLine("id is not a string")
    reference = str(value).strip()
    if not reference:
        raise BadLine("id is blank")
    if len(reference) > SOURCE_REFERENCE_MAX:
        raise BadLine(f"id is longer than {SOURCE_REFERENCE_MAX} characters")
    return reference


def _optional_string(record: dict[str, Any], key: str) -> str:
    value = record.get(key)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise BadLine(f"{key} is not a string")
    return value.strip() if key in {"kind", "service_area"} else value


def _submitted_on(value: Any) -> dt.date | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise BadLine("submitted_at is not an ISO 8601 timestamp")
    try:
        moment = dt.datetime.fromisoformat(value.strip())
    except ValueError:
        raise BadLine("submitted_at is not an ISO 8601 timestamp") from None
    if timezone.is_naive(moment):
        return moment.date()
    # Only the day is kept; take it in the product's own time zone.
    return timezone.localtime(moment).date()


def describe_validation_error(error: ValidationError) -> str:
    """Field errors as one line, e.g. "kind: “x” is not one of the options."."""
    if hasattr(error, "error_dict"):
        return "; ".join(f"{field}: {' '.join(messages)}" for field, messages in error.message_dict.items())
    return " ".join(error.messages)


class Command(BaseCommand):
    help = "Import learning reports from a JSON Lines file into an organisation (created if missing)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="JSON Lines file, one report per line; '-' reads standard input.")
        parser.add_argument("--organisation", required=True, help="Slug of the organisation to import into.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Check every line and print the summary, writing nothing."
        )

    def handle(self, *args: Any, file: str, organisation: str, dry_run: bool, **options: Any) -> None:
        try:
            validate_slug(organisation)
        except ValidationError:
            raise CommandError(
                f"--organisation must be a slug (letters, numbers, - and _), got {organisation!r}"
            ) from None
        lines = self._read_lines(file)

        org = Organisation.objects.filter(slug=organisation).first()
        if org is None and not dry_run:
            org = Organisation.objects.create(slug=organisation, name=organisation.replace("-", " ").title())
        present: set[str] = set()
        if org is not None:
            present = {
                reference
                for reference in Report.objects.filter(organisation=org).values_list("source_reference", flat=True)
                if reference
            }

        imported = skipped = rejected = 0
        with bulk_publishing() as flush:
            for start in range(0, len(lines), BATCH_SIZE):
                # One commit per batch, not per line: on SQLite each commit is an fsync.
                # Each line still runs in its own savepoint, so a bad one rolls back alone.
                with transaction.atomic():
                    counts = self._import(lines[start : start + BATCH_SIZE], org, present, dry_run=dry_run)
                flush()
                imported, skipped, rejected = (
                    a + b for a, b in zip((imported, skipped, rejected), counts, strict=True)
                )

        summary = f"imported {imported}, skipped {skipped} already present, rejected {rejected}"
        if dry_run:
            summary += " (dry run: nothing written)"
        self.stdout.write(summary)

    def _import(
        self, lines: list[tuple[int, str | None]], org: Organisation | None, present: set[str], *, dry_run: bool
    ) -> tuple[int, int, int]:
        imported = skipped = rejected = 0
        for lineno, raw in lines:
            if raw is not None and not raw.strip():
                continue  # blank lines (a trailing newline, a gap) are not records
            try:
                if raw is None:
                    raise BadLine("not UTF-8 text")
                line = parse_line(raw)
                if line.source_reference in present:
                    skipped += 1
                    continue
                if dry_run:
                    validate_draft(line.draft)
                else:
                    assert org is not None
                    submit_report(
                        organisation=org,
                        author=None,
                        identity_mode=IdentityMode.ANONYMOUS,
                        draft=line.draft,
                        source_reference=line.source_reference,
                        submitted_on=line.submitted_on,
                    )
            except BadLine as exc:
                rejected += 1
                self.stderr.write(f"line {lineno}: {exc}")
                continue
            except ValidationError as exc:
                rejected += 1
                self.stderr.write(f"line {lineno}: {describe_validation_error(exc)}")
                continue
            except IntegrityError:
                # Another import of the same source reference committed first.
                skipped += 1
                continue
            present.add(line.source_reference)
            imported += 1
        return imported, skipped, rejected

    def _read_lines(self, file: str) -> list[tuple[int, str | None]]:
        """All lines with their numbers, read before anything is written so an
        unreadable file changes nothing. Undecodable lines become rejections."""
        try:
            if file == "-":
                data = sys.stdin.buffer.read()
            else:
                with open(file, "rb") as handle:
                    data = handle.read()
        except OSError as exc:
            raise CommandError(f"cannot read {file}: {exc.strerror or exc}") from None
        return list(_numbered_lines(data))


def _numbered_lines(data: bytes) -> Iterator[tuple[int, str | None]]:
    for lineno, raw in enumerate(data.splitlines(), start=1):
        try:
            yield lineno, raw.decode("utf-8-sig" if lineno == 1 else "utf-8")
        except UnicodeDecodeError:
            yield lineno, None

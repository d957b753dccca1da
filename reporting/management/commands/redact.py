"""De-identify JSON Lines from standard input (format: docs/CONTRACTS.md).

    manage.py redact < in.jsonl > out.jsonl

Reads ``{"id": ..., "text": str}`` per line and writes ``{"id": ...,
"redacted": str, "spans": [{"start", "end", "type"}]}`` per line, with span
offsets into the input text. Needs no database: it runs no system checks and
never opens a connection, so it works with the database down. A bad line is
reported on stderr with its number (never its text) and the rest carries on.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import Any, BinaryIO

from django.core.management.base import BaseCommand

from reporting.deid.jsonl import BadLine, redact_jsonl


class Command(BaseCommand):
    help = "Redact JSON Lines {id, text} from stdin to JSON Lines {id, redacted, spans} on stdout. No database."
    # System checks may touch the database (and every app's URLs); this command needs neither.
    requires_system_checks: list[str] = []
    requires_migrations_checks = False

    def handle(self, *args: Any, **options: Any) -> None:
        stdout = sys.stdout
        if getattr(self.stdout, "_out", None) is stdout and isinstance(stdout, io.TextIOWrapper):
            # Redacted text keeps its accents and scripts; don't depend on the terminal's locale.
            stdout.reconfigure(encoding="utf-8")
        bad = 0

        def report(error: BadLine) -> None:
            nonlocal bad
            bad += 1
            self.stderr.write(f"line {error.lineno}: {error.message}")

        for output in redact_jsonl(self._decoded_lines(sys.stdin.buffer, report), on_bad_line=report):
            self.stdout.write(output)
            self.stdout.flush()
        if bad:
            self.stderr.write(f"{bad} line(s) could not be redacted")

    def _decoded_lines(self, stream: BinaryIO, report: Callable[[BadLine], None]) -> Iterator[str]:
        """Text lines from a byte stream, one at a time so large inputs stream
        through. A line that is not UTF-8 is reported and passed on as blank,
        which keeps the line numbering of the rest intact."""
        for lineno, raw in enumerate(_lines(stream), start=1):
            try:
                yield raw.decode("utf-8-sig" if lineno == 1 else "utf-8")
            except UnicodeDecodeError:
                report(BadLine(lineno, "not UTF-8 text"))
                yield ""


def _lines(stream: BinaryIO) -> Iterable[bytes]:
    return iter(stream.readline, b"")

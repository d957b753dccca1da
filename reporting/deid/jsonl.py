"""The core of ``manage.py redact``: JSON Lines in, redacted JSON Lines out, no database."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator

from reporting.deid.engine import redact_text


class BadLine(ValueError):
    """A line that is not a JSON object with a string ``text``; carries its 1-based line number."""

    def __init__(self, lineno: int, message: str) -> None:
        super().__init__(f"line {lineno}: {message}")
        self.lineno = lineno
        self.message = message


def redact_jsonl(lines: Iterable[str], *, on_bad_line: Callable[[BadLine], None] | None = None) -> Iterator[str]:
    """Redact each ``{"id": ..., "text": str}`` line into ``{"id", "redacted", "spans"}``.

    Yields one output line (JSON, no trailing newline) per input line; blank lines are
    skipped. Span offsets are character offsets into the input ``text``; ``type`` is one
    of the README's personal-detail types. Each line is redacted on its own (placeholder
    numbering restarts per line); other keys of the input are not copied.

    A line that is not valid JSON, not an object, or lacks a string ``text`` is a
    ``BadLine(lineno, message)`` (line numbers count from 1, blank lines included):
    - with ``on_bad_line`` given, it is passed there and the remaining lines are still
      processed (what ``manage.py redact`` wants: report the line number and carry on);
    - without it, the ``BadLine`` is raised and the generator ends there.
    The message never contains the line's text, because that may hold personal details.
    """
    for lineno, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            result = redact_jsonl_line(line, lineno)
        except BadLine as error:
            if on_bad_line is None:
                raise
            on_bad_line(error)
            continue
        yield result


def redact_jsonl_line(line: str, lineno: int = 1) -> str:
    """Redact one JSON Lines record; raise ``BadLine`` if it is malformed (see ``redact_jsonl``)."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise BadLine(lineno, f"not valid JSON ({error.msg} at column {error.colno})") from None
    if not isinstance(record, dict):
        raise BadLine(lineno, "not a JSON object")
    text = record.get("text")
    if not isinstance(text, str):
        raise BadLine(lineno, 'missing or non-string "text"')
    redaction = redact_text(text)
    return json.dumps(
        {
            "id": record.get("id"),
            "redacted": redaction.text,
            "spans": [{"start": s.start, "end": s.end, "type": s.type} for s in redaction.spans],
        },
        ensure_ascii=False,
    )

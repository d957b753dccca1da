"""The stretch of a report around a matched cue, shown to people as the reason for a label or a flag.

Plain Python over plain strings. The stretch is always a verbatim substring of the text (so a reader
can find it in the report), runs out to the nearest break character or ``reach`` characters either
side, and is never cut inside a word or inside a de-identification placeholder such as "[CHILD 1]".
"""

from __future__ import annotations

import re

#: A placeholder left by de-identification: "[CHILD 1]", "[DATE 2]", "[PERSON]".
PLACEHOLDER = re.compile(r"\[[A-Z][A-Z_]*(?: \d+)?\]")
_STRIP = " ,-–—\"'“”"


def _inside_placeholder(text: str, index: int) -> re.Match[str] | None:
    window = max(0, index - 24)
    for match in PLACEHOLDER.finditer(text, window, min(len(text), index + 24)):
        if match.start() < index < match.end():
            return match
    return None


def clause_around(text: str, start: int, end: int, *, reach: int, breaks: re.Pattern[str]) -> str:
    """``text[start:end]`` widened to its clause: to the nearest character matching ``breaks`` on each
    side, or to ``reach`` characters and then back to a whole word or placeholder."""
    left = start
    while left > max(0, start - reach) and not breaks.match(text[left - 1]):
        left -= 1
    if left > 0 and not breaks.match(text[left - 1]) and not text[left - 1].isspace():
        space = text.find(" ", left, start)
        left = space + 1 if space != -1 else start
    if placeholder := _inside_placeholder(text, left):
        left = placeholder.start()
    right = end
    while right < min(len(text), end + reach) and not breaks.match(text[right]):
        right += 1
    if right < len(text) and not breaks.match(text[right]) and not text[right].isspace():
        space = text.rfind(" ", end, right)
        right = space if space != -1 else end
    if placeholder := _inside_placeholder(text, right):
        right = placeholder.end()
    return text[left:right].strip(_STRIP)

"""Letter classes and accent folding, so names in any Latin, Greek or Cyrillic spelling are found.

Python's ``re`` has no ``\\p{Lu}``; the classes here are built once from ``unicodedata`` over
the blocks whose scripts have letter case (Latin with all its extensions, including the
Vietnamese block, Greek, Cyrillic, Armenian, Georgian). Scripts without case (Arabic,
Devanagari, Chinese) have no capitalised names to find, so they need no class.

``fold`` is for look-ups only ("Zoë", "Zoe\\u0308" and "Zoe" all give "Zoe"): spans always
index the original text, which is never normalised.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

# Blocks with cased letters: Basic Latin .. Georgian, Latin Extended Additional and Greek
# Extended, Latin Extended-C/D/E, Cyrillic Extended-B/C, fullwidth forms.
_CASED_BLOCKS = (
    (0x0041, 0x10FF),
    (0x1C80, 0x1CBF),
    (0x1E00, 0x1FFF),
    (0x2C00, 0x2DFF),
    (0xA640, 0xA7FF),
    (0xAB30, 0xAB6F),
    (0xFF21, 0xFF5A),
)


def _char_class(categories: tuple[str, ...]) -> str:
    chars = (chr(c) for lo, hi in _CASED_BLOCKS for c in range(lo, hi + 1))
    members = sorted(ord(c) for c in chars if unicodedata.category(c) in categories)
    ranges: list[tuple[int, int]] = []
    for code in members:
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1] = (ranges[-1][0], code)
        else:
            ranges.append((code, code))

    def esc(code: int) -> str:
        return f"\\u{code:04x}"

    return "[" + "".join(esc(a) if a == b else f"{esc(a)}-{esc(b)}" for a, b in ranges) + "]"


# Upper-case (and title-case: "ǅ") letters, lower-case letters, and combining marks (the
# decomposed accents of "Zoe\u0308", "Sio\u0301bha\u0301n"); \w matches none of the marks.
UPPER = _char_class(("Lu", "Lt"))
LOWER = _char_class(("Ll",))
MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
MARK = f"[{MARKS}]"
# A capital and a run of small letters, each letter with any accents that follow it.
CAP = f"{UPPER}{MARK}*"
SMALL = f"(?:{LOWER}{MARK}*)+"
# A letter of any script, with its accents: for word boundaries.
WORD_CHAR = f"[\\w{MARKS}]"

# Letters NFKD does not take apart: "Łukasz", "Søren", "Đorđe", "Straße", "Æthelred".
_NOT_DECOMPOSED = str.maketrans(
    {
        "Ł": "L",
        "ł": "l",
        "Ø": "O",
        "ø": "o",
        "Đ": "D",
        "đ": "d",
        "Ð": "D",
        "ð": "d",
        "Ħ": "H",
        "ħ": "h",
        "ı": "i",
        "ß": "ss",
        "Æ": "Ae",
        "æ": "ae",
        "Œ": "Oe",
        "œ": "oe",
        "Þ": "Th",
        "þ": "th",
        "’": "'",
        "‘": "'",
        "ʼ": "'",
    }
)


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """``word`` without accents, for looking it up: "Zoë" and "Zoe\\u0308" give "Zoe", "D’Souza" "D'Souza"."""
    if word.isascii():
        return word
    decomposed = unicodedata.normalize("NFKD", word.translate(_NOT_DECOMPOSED))
    return "".join(c for c in decomposed if not unicodedata.combining(c))

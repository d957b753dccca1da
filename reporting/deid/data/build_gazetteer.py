"""Regenerate the name lists in this folder (a developer tool, not run by the product).

Sources, both free to redistribute:
- first names and surnames: the person providers of the Faker package (MIT licence),
  taken from the locales whose names UK children's-services caseloads commonly carry;
- "ambiguous" first names: those that are also ordinary lower-case English words in
  Debian's ``wbritish`` word list (``/usr/share/dict/british-english``, public domain
  derived SCOWL), so the engine can ask for more evidence before treating e.g. "Will"
  or "Grace" as a name.

``first_names_extra.txt`` and ``surnames_extra.txt`` are kept by hand (popular UK first
names and nicknames, and surnames common in UK communities, that the Faker lists lack) and
are not touched by this script. ``english_words.txt`` is the lower-case part of the
same ``wbritish`` list.

Run with ``.venv/bin/python reporting/deid/data/build_gazetteer.py`` after
``pip install Faker`` and ``apt-get install wbritish``; commit the three .txt files.
"""

from __future__ import annotations

import importlib
import re
from pathlib import Path

LOCALES = [
    "en_GB",
    "en_US",
    "en_IE",
    "en_NZ",
    "en",
    "en_IN",
    "en_NG",
    "en_KE",
    "en_PK",
    "pl_PL",
    "ro_RO",
    "vi_VN",
    "yo_NG",
    "ig_NG",
    "ha_NG",
    "tw_GH",
    "sw",
    "zu_ZA",
    "tr_TR",
    "lt_LT",
    "lv_LV",
    "cs_CZ",
    "sk_SK",
    "hu_HU",
    "it_IT",
    "es_ES",
    "pt_PT",
    "fr_FR",
    "de_DE",
]
FIRST_ATTRS = ("first_names", "first_names_male", "first_names_female", "first_names_nonbinary")
LAST_ATTRS = ("last_names", "last_names_male", "last_names_female")
# Only names written in plain Latin letters can appear capitalised in an English report.
NAME_SHAPE = re.compile(r"[A-Z][a-z]+(?:[-'][A-Z][a-z]+)*|Mc[A-Z][a-z]+|O'[A-Z][a-z]+")
HERE = Path(__file__).resolve().parent
WORD_LIST = Path("/usr/share/dict/british-english")


def _collect(attrs: tuple[str, ...]) -> set[str]:
    names: set[str] = set()
    for locale in LOCALES:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        for attr in attrs:
            values = getattr(provider, attr, None) or ()
            names.update(v for v in values if NAME_SHAPE.fullmatch(v) and len(v) > 1)
    return names


def main() -> None:
    first = _collect(FIRST_ATTRS)
    last = _collect(LAST_ATTRS)
    lower_words = {w.strip() for w in WORD_LIST.read_text(encoding="utf-8").split() if w.islower()}
    ambiguous = {n for n in first | last if n.lower() in lower_words}
    (HERE / "first_names.txt").write_text("\n".join(sorted(first)) + "\n", encoding="utf-8")
    (HERE / "surnames.txt").write_text("\n".join(sorted(last)) + "\n", encoding="utf-8")
    (HERE / "ambiguous_names.txt").write_text("\n".join(sorted(ambiguous)) + "\n", encoding="utf-8")
    # english_words.txt: every lower-case word of two letters or more, so the name detector
    # can tell an unseen capitalised word ("Prydderch") from an ordinary one ("Attends").
    english = sorted(w for w in lower_words if len(w) > 1 and w.isalpha() and w.isascii())
    (HERE / "english_words.txt").write_text("\n".join(english) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()

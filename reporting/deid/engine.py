"""Putting the detectors together: one consistent set of placeholders per report.

Pure Python over strings, no Django: the service that stores reports calls
``redact_fields`` and keeps its output; benchmarks and tests call it directly.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from reporting.deid.lexicon import english_words
from reporting.deid.names import Mention, find_name_mentions, is_named_place, place_words, propagate
from reporting.deid.patterns import PLACEHOLDER, address_repeats, find_structured

# The README's personal-detail types, which are what ``Span.type`` may hold.
SPAN_TYPES = (
    "PERSON",
    "DATE",
    "ADDRESS",
    "POSTCODE",
    "PHONE",
    "EMAIL",
    "NHS_NUMBER",
    "NI_NUMBER",
    "CASE_ID",
    "SCHOOL",
)
# Overlapping structured matches: the earlier type here wins (an email beats the name in it).
_PRIORITY = {
    t: i
    for i, t in enumerate(
        ("EMAIL", "NI_NUMBER", "NHS_NUMBER", "PHONE", "POSTCODE", "ADDRESS", "DATE", "SCHOOL", "CASE_ID")
    )
}


@dataclass(frozen=True)
class Span:
    """A redacted stretch of the input text: ``text[start:end]`` became ``placeholder``."""

    start: int
    end: int
    type: str
    placeholder: str


@dataclass(frozen=True)
class Redaction:
    """The redacted text and the spans of the input it replaced, in order."""

    text: str
    spans: tuple[Span, ...]


@dataclass
class _Entity:
    kind: str  # FULL ("Leo Hartley"), SINGLE ("Leo"), TITLED ("Mrs Tesfaye"), FAMILY ("the Rahman family")
    words: tuple[str, ...]
    first_seen: tuple[int, int]
    roles: list[str] = field(default_factory=list)
    placeholder: str = ""


def redact_text(text: str) -> Redaction:
    """Redact a single text (see ``redact_fields``)."""
    return redact_fields({"text": text})["text"]


def redact_fields(fields: Mapping[str, str]) -> dict[str, Redaction]:
    """Redact each field of one report, numbering placeholders consistently across the fields.

    The same person, date or identifier gets the same placeholder wherever it appears in
    any field ("Leo Hartley" and a later "Leo" both become "[CHILD 1]"). Placeholders
    already in the text ("[CHILD 1]") are left alone and new ones are numbered after them,
    so redacting a redacted (and perhaps edited) preview again changes nothing already done.
    """
    names = list(fields)
    texts = [fields[n] or "" for n in names]
    taken = _numbers_in_use(texts)

    protected = [[(m.start(), m.end()) for m in PLACEHOLDER.finditer(t)] for t in texts]
    structured = [_structured_spans(t, p) for t, p in zip(texts, protected, strict=True)]
    addresses = [t[s:e] for t, st in zip(texts, structured, strict=True) for s, e, kind in st if kind == "ADDRESS"]
    for i, text in enumerate(texts):
        taken_spans = protected[i] + [(s, e) for s, e, _ in structured[i]]
        repeats = [
            (s, e, kind)
            for s, e, kind in address_repeats(text, addresses)
            if not any(s < te and ts < e for ts, te in taken_spans)
        ]
        structured[i] = sorted(structured[i] + repeats)
    blocked = [p + [(s, e) for s, e, _ in st] for p, st in zip(protected, structured, strict=True)]

    mentions = [find_name_mentions(t, b) for t, b in zip(texts, blocked, strict=True)]
    # A word the report uses as a place elsewhere ("into Ferrisham") is that place throughout.
    places = frozenset().union(*(place_words(t) for t in texts))
    mentions = [[m for m in ms if not is_named_place(m, places)] for ms in mentions]
    entities, mention_entity = _resolve_people(mentions)
    aliases = {w for e in entities for w in _alias_words(e)}
    for i, text in enumerate(texts):
        taken_ranges = blocked[i] + [(m.start, m.end) for m in mentions[i]]
        extra = propagate(text, taken_ranges, aliases)
        mentions[i].extend(extra)
        for m in extra:
            mention_entity[(i, m.start)] = _entity_for_single(entities, m, (i, m.start))
    _number_people(entities, mentions, mention_entity, taken)

    value_placeholders: dict[tuple[str, str], str] = {}
    results: dict[str, Redaction] = {}
    for i, (name, text) in enumerate(zip(names, texts, strict=True)):
        spans = [Span(m.start, m.end, "PERSON", mention_entity[(i, m.start)].placeholder) for m in mentions[i]]
        for start, end, kind in structured[i]:
            key = (kind, _normalise(kind, text[start:end]))
            if key not in value_placeholders:
                label = kind.replace("_", " ")
                taken[label] = taken.get(label, 0) + 1
                value_placeholders[key] = f"[{label} {taken[label]}]"
            spans.append(Span(start, end, kind, value_placeholders[key]))
        spans.sort(key=lambda s: s.start)
        results[name] = Redaction(_apply(text, spans), tuple(spans))
    return results


def _structured_spans(text: str, protected: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    candidates = sorted(find_structured(text), key=lambda c: (_PRIORITY[c[2]], c[0] - c[1], c[0]))
    chosen: list[tuple[int, int, str]] = []
    occupied = list(protected)
    for start, end, kind in candidates:
        if start < end and not any(start < e and s < end for s, e in occupied):
            chosen.append((start, end, kind))
            occupied.append((start, end))
    return sorted(chosen)


def _resolve_people(mentions: list[list[Mention]]) -> tuple[list[_Entity], dict[tuple[int, int], _Entity]]:
    """Group mentions into people: full names first, then single words matched to them."""
    entities: list[_Entity] = []
    by_words: dict[tuple[str, ...], _Entity] = {}
    mention_entity: dict[tuple[int, int], _Entity] = {}
    ordered = sorted(((i, m) for i, ms in enumerate(mentions) for m in ms), key=lambda x: (x[0], x[1].start))
    for i, m in ordered:
        if len(m.words) > 1:
            entity = by_words.get(m.words)
            if entity is None:
                entity = _Entity("FULL", m.words, (i, m.start))
                by_words[m.words] = entity
                entities.append(entity)
            entity.roles.append(m.role)
            mention_entity[(i, m.start)] = entity
    for i, m in ordered:
        if len(m.words) == 1:
            mention_entity[(i, m.start)] = _entity_for_single(entities, m, (i, m.start))
    return entities, mention_entity


def _entity_for_single(entities: list[_Entity], mention: Mention, where: tuple[int, int]) -> _Entity:
    """The person a one-word mention refers to: the only full name starting (or ending) with it."""
    word = mention.words[0]
    kind = "FAMILY" if mention.role == "FAMILY" else "TITLED" if mention.titled else "SINGLE"
    if kind == "SINGLE":
        full = [e for e in entities if e.kind == "FULL"]
        by_first = [e for e in full if e.words[0] == word]
        by_last = [e for e in full if e.words[-1] == word]
        match = by_first if by_first else by_last
        if len(match) == 1:
            match[0].roles.append(mention.role)
            return match[0]
    # A bare "Tesfaye" after "Mrs Tesfaye" is most likely her: share her placeholder.
    kinds = (kind, "TITLED", "FAMILY") if kind == "SINGLE" else (kind,)
    for wanted in kinds:
        for entity in entities:
            if entity.kind == wanted and entity.words == (word,):
                entity.roles.append(mention.role)
                return entity
    entity = _Entity(kind, (word,), where, [mention.role])
    entities.append(entity)
    return entity


def _alias_words(entity: _Entity) -> set[str]:
    # A bare name or a full name makes every other capitalised use of its words a name.
    # "Mrs Tesfaye" or "the Kowalski family" does so only for a word that is no ordinary
    # English word: a later bare "Tesfaye" is a leak, but "Mrs Long" says nothing of "Long".
    if entity.kind in ("FAMILY", "TITLED"):
        english = english_words()
        return {w for w in entity.words if w.lower() not in english}
    return {entity.words[0], entity.words[-1]}


def _number_people(
    entities: list[_Entity],
    mentions: list[list[Mention]],
    mention_entity: dict[tuple[int, int], _Entity],
    taken: dict[str, int],
) -> None:
    first_mention: dict[int, tuple[int, int]] = {}
    for (i, start), entity in mention_entity.items():
        key = id(entity)
        first_mention[key] = min(first_mention.get(key, (i, start)), (i, start))
    used = [e for e in entities if id(e) in first_mention]
    for entity in sorted(used, key=lambda e: first_mention[id(e)]):
        if entity.kind == "FAMILY":
            label = "FAMILY"
        else:
            label = next((r for r in entity.roles if r not in ("PERSON", "FAMILY")), "PERSON")
        taken[label] = taken.get(label, 0) + 1
        entity.placeholder = f"[{label} {taken[label]}]"


def _numbers_in_use(texts: list[str]) -> dict[str, int]:
    """Highest number already used per placeholder label, so new ones never collide."""
    taken: dict[str, int] = {}
    for text in texts:
        for m in PLACEHOLDER.finditer(text):
            label, _, number = m.group()[1:-1].rpartition(" ")
            taken[label] = max(taken.get(label, 0), int(number))
    return taken


def _normalise(kind: str, value: str) -> str:
    """One key per real value, so "07700 900123" and "+44 7700 900123" share a placeholder."""
    value = re.sub(r"[\s\-().]", "", value).lower()
    if kind == "PHONE":
        value = re.sub(r"^(?:\+44|0044)0?", "0", value)
    return value


def _apply(text: str, spans: list[Span]) -> str:
    out, cursor = [], 0
    for span in spans:
        out.append(text[cursor : span.start])
        out.append(span.placeholder)
        cursor = span.end
    out.append(text[cursor:])
    return "".join(out)

"""The reason shown for a label or a flag is a readable, verbatim stretch of the report."""

from __future__ import annotations

import re

from reporting.analysis.clauses import clause_around

BREAKS = re.compile(r"[.!?;\n]")


def _around(text: str, cue: str, reach: int) -> str:
    start = text.index(cue)
    phrase = clause_around(text, start, start + len(cue), reach=reach, breaks=BREAKS)
    assert phrase in text
    return phrase


def test_stops_at_punctuation_on_both_sides() -> None:
    assert _around("Visit done. Dad was drunk again; mum left.", "drunk", 40) == "Dad was drunk again"


def test_a_cut_at_the_space_inside_a_placeholder_keeps_the_placeholder_whole() -> None:
    text = "Home visit for [CHILD 1] (DOB [DATE 1]) was missed again and again"
    left_cut = text.index("missed") - text.index("1]")  # the reach ends just after "[CHILD "
    assert _around(text, "missed", left_cut).startswith("[CHILD 1] (DOB")
    text = "It was missed and nobody told [SOCIAL_WORKER 2] about it"
    right_cut = text.index(" 2]") - text.index(" and")  # the reach ends just before " 2]"
    assert _around(text, "missed", right_cut).endswith("told [SOCIAL_WORKER 2]")


def test_a_cut_inside_a_word_drops_the_partial_word_and_a_cut_at_a_space_keeps_the_next() -> None:
    text = "abcdefghij words going home tonight to dad"
    start = text.index("tonight")
    assert _around(text, "tonight", start - text.index("defg")) == "words going home tonight to dad"
    assert _around(text, "tonight", start - text.index("words")) == "words going home tonight to dad"
    assert _around(text, "tonight", start - text.index("going")) == "going home tonight to dad"

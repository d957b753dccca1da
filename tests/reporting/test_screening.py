"""Behaviour of the live-concern screen and the blame detector (examples written for the tests)."""

from __future__ import annotations

import pytest

from reporting.analysis.screening import Screen, detect_blame, screen_live_concern

LIVE = [
    "Dad was released on bail yesterday and the children are still living with him at the flat. "
    "Nobody from our side has visited since the arrest.",
    "A 9-year-old told his teacher his stepdad hits him with a belt. The referral has not been screened "
    "and he goes home to his stepdad tonight.",
    "The 15-year-old ran from her placement on Sunday. We have not been able to find her and her phone is off.",
    "Baby on a CP plan has not been seen since the start of last month. Mum cancels every visit.",
    "She disclosed that her uncle comes into her room at night and as far as I know she is at home with him now. "
    "I don't think this can wait until Monday.",
]
PAST = [
    "The police notification arrived nine days late. We only found out because the school rang. "
    "The child was fine in the end, but it should not depend on luck.",
    "The recording system timed out so I wrote notes on paper and typed them up on Friday.",
    "With 28 cases I did the statutory visit by phone. The children were seen in person the following week.",
    "Strategy discussion went ahead without health. The medical happened the next day and nothing was found.",
]


@pytest.mark.parametrize("text", LIVE)
def test_current_risk_is_flagged_with_reasons_from_the_text(text: str) -> None:
    screen = screen_live_concern(text=text)
    assert isinstance(screen, Screen)
    assert screen.flagged
    assert screen.reasons
    for reason in screen.reasons:
        assert reason in text


@pytest.mark.parametrize("text", PAST)
def test_past_near_misses_are_not_flagged(text: str) -> None:
    screen = screen_live_concern(text=text)
    assert not screen.flagged
    assert screen.reasons == ()


def test_reporter_saying_risk_is_ongoing_flags_even_bland_text() -> None:
    screen = screen_live_concern(text="The assessment was late.", reached_child="ongoing")
    assert screen.flagged
    assert screen.reasons[0] == "reporter said the risk to the child is ongoing"


def test_unknown_reached_child_answer_is_ignored() -> None:
    assert not screen_live_concern(text=PAST[1], reached_child="banana").flagged


def test_uncertain_answer_lowers_the_bar_for_weak_cues() -> None:
    text = "I rang mum this morning. The disclosure was made at school."
    assert not screen_live_concern(text=text).flagged
    assert screen_live_concern(text=text, reached_child="not_sure").flagged


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("It was [PROFESSIONAL 1]'s fault that the visit was missed.", "[PROFESSIONAL 1]'s fault"),
        ("[PROFESSIONAL 2] couldn't be bothered to ring the school back.", "couldn't be bothered"),
        ("Honestly my manager is useless and never reads anything.", "my manager is useless"),
        ("The duty worker was lazy and closed it without checking.", "lazy"),
        ("[PERSON 1] is completely incompetent at chairing these meetings.", "incompetent"),
    ],
)
def test_blaming_a_colleague_is_detected(text: str, fragment: str) -> None:
    phrases = detect_blame(text)
    assert phrases
    assert any(fragment in phrase for phrase in phrases)
    assert all(phrase in text for phrase in phrases)


@pytest.mark.parametrize(
    "text",
    [
        "Instead of hunting for someone to blame, the manager ran a short review with the team.",
        "It was not her fault: the system showed the wrong date.",
        "Nobody's fault really, the form has no field for it.",
        "The recording system is useless on a slow connection.",
        "The team manager thanked [PROFESSIONAL 1] for flagging it.",
    ],
)
def test_system_descriptions_and_defences_are_not_blame(text: str) -> None:
    assert detect_blame(text) == ()


@pytest.mark.parametrize(
    "text",
    [
        "The boy is still having weekend contact with his stepfather even though the allegation is open.",
        "No emergency placement has been found and the 13-year-old has nowhere to sleep.",
        "Her allegation has still not been passed on to the police and nobody has visited since.",
        "The 14-year-old hasn't come home and no one knows where she is.",
        "Unexplained bruises on the toddler's arm at nursery and she was sent home as usual.",
    ],
)
def test_broader_current_risk_cues_flag(text: str) -> None:
    assert screen_live_concern(text=text).flagged


def test_ending_well_does_not_outweigh_a_strong_current_cue() -> None:
    text = (
        "Last year a similar referral was resolved in the end and the child was fine. "
        "This time the children are still living with him and nobody has visited since Friday."
    )
    assert screen_live_concern(text=text).flagged


def test_ending_well_suppresses_weak_cues() -> None:
    text = "The baby was sent home from hospital late. She was seen the next day by the health visitor and was fine."
    assert not screen_live_concern(text=text).flagged

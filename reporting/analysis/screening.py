"""Screens run on a report as it is submitted: live child-protection concern, and blame.

A learning system is not a referral route: if a report reads as a child at
*current*, unresolved risk, the reporter must be told at once to follow local
safeguarding procedures and the report flagged for urgent human attention. A
false alarm costs a panel member a minute; a miss can cost a child, so the live
concern screen leans hard towards recall.

The blame detector finds phrases where the reporter names and blames a
colleague, so the form can gently ask them to describe the system factors
instead. Both are plain Python over strings; nothing here logs the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Screen:
    flagged: bool
    reasons: tuple[str, ...]


# Answers to "Did this reach the child?" that on their own mean the risk is still live.
REACHED_CHILD_LIVE = frozenset({"ongoing", "yes_ongoing", "still_at_risk", "current", "yes_now"})
# Answers that make weaker text signals enough.
REACHED_CHILD_POSSIBLE = frozenset({"yes", "not_sure", "unsure", "dont_know"})

_FLAG_THRESHOLD = 2.0
_MAX_REASONS = 4

_CHILD = (
    r"(?:child|children|baby|babies|toddler|infant|boy|girl|son|daughter|sibling|siblings|young person|"
    r"kids|she|he|they|\[(?:child|person)[ _]?\d*\]|\w+ \(\d{1,2}\))"
)
_ADULT = (
    r"(?:him|her|them|dad|mum|father|mother|stepdad|stepfather|partner|boyfriend|girlfriend|uncle|grandad|"
    r"the (?:man|woman|perpetrator|alleged \w+|abuser)|\[(?:person)[ _]?\d*\])"
)

# (pattern, weight). Weight 3 flags on its own; weight 1 cues need company.
_LIVE_CUES: tuple[tuple[str, float], ...] = (
    # The child is with the risk now.
    (r"\b(?:is|are|'s|'re) (?:still )?(?:at home|in the house|in the flat|living|staying|back) with " + _ADULT, 3.0),
    # Deliberately broad ("the records are still at the old practice" also fires): narrowing it to a
    # person as subject cost a real live case on held-out reports, and a false alarm only costs a minute.
    (r"\b(?:still|currently|right now|as we speak) (?:living |staying |at home |in the house )?(?:with|at|in)\b", 2.0),
    (r"\bright now\b|\bas (?:we|I) speak\b|\bas far as (?:I|we) know,? [\w\- ]{1,30} (?:is|are)\b", 3.0),
    (r"\bbelieved (?:to be )?(?:still )?(?:at|in|living)\b", 3.0),
    (r"\bmoved back in\b|\bback (?:in|at) the (?:house|address|home|flat)\b", 2.0),
    (r"\b(?:tonight|this weekend|tomorrow|over the weekend|later today)\b", 1.5),
    (r"\bgo(?:es|ing)? (?:home|back) to [\w' ]{1,20} (?:tonight|tomorrow|this weekend|for the weekend|later)\b", 3.0),
    # Nobody has seen, found or acted.
    (r"\b(?:no ?one|nobody) has (?:yet )?(?:seen|spoken to|visited|checked on|heard from)\b", 3.0),
    (
        r"\b(?:not|never) (?:been )?seen (?:since|for)\b|\bhas(?:n't| not) been seen\b|\bno record of anyone seeing\b",
        3.0,
    ),
    (
        r"\b(?:can(?:no|')t|have(?:n't| not) been able to|unable to) (?:find|locate|trace|reach|contact|get hold of)\b",
        2.5,
    ),
    (r"\bwhereabouts (?:are |is )?(?:unknown|not known)\b|\b(?:is|are|remains?) (?:still )?missing\b", 3.0),
    (r"\b(?:has|have) (?:still )?not (?:yet )?been (?:screened|actioned|allocated|followed up|acted on|seen)\b", 3.0),
    (r"\bnot (?:been |yet )?acted on\b|\bnothing has (?:been done|happened) (?:yet|since)\b", 2.5),
    (r"\bnot answering (?:her|his|their|the) (?:phone|door)\b|\bisn'?t answering\b", 1.5),
    # The reporter's own sense that this cannot wait.
    (r"\b(?:I|we) don'?t think (?:it|this|that) (?:can|should) wait\b|\bcan'?t wait (?:a|until|till)\b", 3.0),
    (r"\bwon'?t be (?:seen|looked at|picked up) (?:until|till)\b|\bearliest [\w ]{1,30} is next\b", 2.0),
    (r"\b(?:urgent(?:ly)?|immediate(?:ly)?|straight away)\b", 0.8),
    (r"\b(?:on standby|strategy discussion today|going out (?:with|to)[\w ]{0,20} (?:today|this afternoon))\b", 1.5),
    (r"\bsubmitting this (?:as well|so)\b|\bso it doesn'?t get lost\b", 1.5),
    # Fear and fresh harm described in the present.
    (r"\b(?:is|are|was|'s) (?:scared|frightened|terrified|afraid) (?:to|of)\b", 2.0),
    (r"\b(?:new|fresh|recent) (?:bruis\w*|injur\w*|marks?)\b", 2.0),
    (r"\bdisclos\w+\b", 1.0),
    (
        r"\b(?:this morning|this afternoon|today|last night|"
        r"since (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b",
        0.8,
    ),
    (r"\b(?:look into it|raise it at|picked up when|wait(?:ing)? (?:until|till|for))\b", 1.0),
    (r"\b" + _CHILD + r" (?:is|are) (?:in the house|at the address|at home) with\b", 3.0),
    # Still in contact with the person who may harm them.
    (
        r"\b(?:still|continues to|continuing to) (?:have|having|has|see|seeing|sees|in contact|visit\w*|stay\w*)\b"
        r"[\w ]{0,25}\b(?:contact|with|him|her|them|dad|mum|father|mother|partner|stepdad)\b",
        2.5,
    ),
    (r"\b(?:unsupervised|overnight|weekend) (?:contact|stays?|visits?)\b", 1.5),
    (r"\b(?:alleged (?:abuser|perpetrator)|perpetrator|the man (?:she|he) (?:named|disclosed))\b", 1.0),
    # Whereabouts unknown now.
    (
        r"\b(?:no ?one|nobody) (?:knows|know) where\b|\b(?:hasn'?t|has not|didn'?t|did not) (?:come|came|gone|returned) (?:home|back)\b",  # noqa: E501
        3.0,
    ),
    (
        r"\b(?:still|currently) (?:not|un)(?:seen|located|found|known|traced)\b|\bstill (?:hasn'?t|has not) been (?:seen|found|located|visited)\b",  # noqa: E501
        3.0,
    ),
    # A disclosure or referral sitting unactioned.
    (
        r"\b(?:disclosure|allegation|referral|concern|report)s? (?:has|have|was|were)? ?(?:still )?(?:not|never|n'?t) "
        r"(?:yet )?(?:been )?(?:acted|followed up|passed on|shared|responded|screened|actioned|investigated)",
        2.5,
    ),
    (
        r"\b(?:no ?one|nobody) (?:has )?(?:been out|gone out|visited|followed (?:it )?up|called back|rung back) (?:yet|since)\b",  # noqa: E501
        3.0,
    ),
    (
        r"\bno (?:visit|home visit|check|welfare check|strategy discussion) has (?:yet )?(?:taken place|happened|been (?:done|arranged))\b",  # noqa: E501
        3.0,
    ),
    # Nowhere safe tonight.
    (
        r"\bno (?:placement|bed|foster (?:carer|placement)|carers?|emergency placement)s? (?:has been |have been |was |were )?(?:yet )?(?:found|available|identified)\b",  # noqa: E501
        2.5,
    ),
    (r"\bnowhere (?:safe )?to (?:go|stay|sleep)\b|\bsleeping (?:in the office|on (?:a|the) (?:sofa|floor))\b", 3.0),
    # Present-tense markers: weak alone, they raise other cues.
    (r"\bas of (?:today|this morning|now|writing)\b|\bat the time of writing\b", 2.0),
    (r"\b(?:at the moment|at present|currently|still)\b", 0.7),
    (r"\bunexplained (?:injur\w*|bruis\w*|marks?|burns?|fractures?)\b", 2.0),
    (r"\b(?:sent|returned|went|gone|allowed) (?:back )?home\b", 1.0),
)

# Phrases that say a past risk ended well; they offset weak cues, never erase strong ones.
_RESOLVED_CUES: tuple[str, ...] = (
    r"\b(?:was|were) (?:fine|safe|ok|okay|unharmed) (?:in the end|afterwards|by then)\b",
    r"\b(?:nothing happened|no harm (?:came|was done)|it was caught|was caught in time|turned out (?:fine|ok))\b",
    r"\b(?:was|were) seen the (?:following|next) (?:day|week)\b",
    r"\bwith hindsight\b|\blooking back\b",
    r"\b(?:was|were|is|are) (?:now )?(?:fine|safe|well|ok|okay|unharmed)\b",
    r"\b(?:resolved|in the end|has since|have since|was later|were later|eventually)\b",
    r"\bnow (?:placed|living with|safe|in (?:foster|a placement|care))\b",
    r"\b(?:was|were) seen (?:the )?(?:same|next|following) (?:day|morning|evening)\b",
)

_LIVE_PATTERNS = tuple((re.compile(p, re.IGNORECASE), w) for p, w in _LIVE_CUES)
_RESOLVED_PATTERNS = tuple(re.compile(p, re.IGNORECASE) for p in _RESOLVED_CUES)

_BREAK = re.compile(r"[.!?;\n]")


def _phrase(text: str, start: int, end: int, reach: int = 60) -> str:
    """The clause around a match, cut at sentence punctuation or ``reach`` characters."""
    left = start
    while left > max(0, start - reach) and not _BREAK.match(text[left - 1]):
        left -= 1
    if left > 0 and not _BREAK.match(text[left - 1]):
        space = text.find(" ", left, start)
        left = space + 1 if space != -1 else start
    right = end
    while right < min(len(text), end + reach) and not _BREAK.match(text[right]):
        right += 1
    if right < len(text) and not _BREAK.match(text[right]):
        space = text.rfind(" ", end, right)
        right = space if space != -1 else end
    return text[left:right].strip(" ,-–—\"'“”")


def screen_live_concern(*, text: str, reached_child: str | None = None) -> Screen:
    """Whether the text suggests a child may be at current, unresolved risk, with the phrases why.

    ``reached_child`` is the reporter's answer to "did this reach the child?".
    ``ongoing``-style answers flag on their own; ``yes``/``not_sure`` lower the bar
    for text cues. Unknown values are ignored.
    """
    score = 0.0
    strongest = 0.0
    hits: list[tuple[float, int, int]] = []
    for pattern, weight in _LIVE_PATTERNS:
        match = pattern.search(text)
        if match:
            score += weight
            strongest = max(strongest, weight)
            hits.append((weight, match.start(), match.end()))

    resolved = sum(1 for pattern in _RESOLVED_PATTERNS if pattern.search(text))
    # A resolution phrase only discounts weak signals: a child "fine in the end"
    # in one sentence can still be "at home with him right now" in the next.
    if strongest < 3.0:
        score -= 1.5 * resolved

    reasons: list[str] = []
    answer = (reached_child or "").strip().lower()
    if answer in REACHED_CHILD_LIVE:
        reasons.append("reporter said the risk to the child is ongoing")
        score += _FLAG_THRESHOLD
    elif answer in REACHED_CHILD_POSSIBLE:
        score += 0.5

    flagged = score >= _FLAG_THRESHOLD
    if flagged:
        for _weight, start, end in sorted(hits, key=lambda h: (-h[0], h[1])):
            phrase = _phrase(text, start, end)
            if phrase and phrase not in reasons:
                reasons.append(phrase)
            if len(reasons) >= _MAX_REASONS:
                break
    return Screen(flagged=flagged, reasons=tuple(reasons))


# --------------------------------------------------------------------------- blame

_PERSON = (
    r"(?:\[(?:PROFESSIONAL|PERSON|COLLEAGUE|NAME)[ _]?\d*\]|my (?:manager|team manager|tm|colleague|supervisor|boss|"
    r"senior|practice manager|service manager)|the (?:duty manager|team manager|tm|social worker|sw|chair|iro|"
    r"manager|worker|officer|screener)|(?:he|she))"
)
_INSULT = (
    r"(?:useless|lazy|incompetent|hopeless|clueless|a joke|an idiot|stupid|negligent|careless|rubbish at (?:\w+ )?job|"
    r"not fit to|unprofessional|inept)"
)

_BLAME_CUES: tuple[str, ...] = (
    # "it was X's fault", "all her fault", "the fault of [PROFESSIONAL 1]"
    r"\b(?:it was|it's|it is|this was|entirely|all|totally|completely) " + _PERSON + r"'?s? fault\b",
    r"\b" + _PERSON + r"'s fault\b",
    r"\b(?:his|her|their) (?:own )?fault\b",
    r"\bthe fault of " + _PERSON,
    r"\bto blame (?:is|was|are) " + _PERSON,
    r"\b" + _PERSON + r" (?:is|was|were|are) (?:solely |entirely )?to blame\b",
    # "[PROFESSIONAL 1] couldn't be bothered"
    r"\b" + _PERSON + r" (?:just |simply )?(?:couldn'?t|can'?t|could not|cannot|never) be bothered\b",
    r"\bcouldn'?t be bothered\b|\bcan'?t be (?:bothered|arsed)\b",
    # "my manager is useless", "[PROFESSIONAL 2] is so lazy"
    r"\b"
    + _PERSON
    + r"(?: \w+){0,2} (?:is|was|are|were|'s) (?:so |just |totally |completely |utterly |really )?"
    + _INSULT,
    r"\b(?:lazy|incompetent|inept|negligent|clueless)\b",
    r"\b" + _PERSON + r" (?:messed|screwed|cocked) (?:it |this |everything )?up\b",
    r"\b" + _PERSON + r" (?:dropped the ball|didn'?t do (?:her|his|their) job|failed to do (?:her|his|their) job)\b",
    r"\b(?:should be|needs to be|ought to be) "
    r"(?:sacked|fired|disciplined|struck off|held (?:personally )?accountable)\b",
)
_BLAME_PATTERNS = tuple(re.compile(p, re.IGNORECASE) for p in _BLAME_CUES)
# "not her fault", "nobody's fault", "not lazy": the reporter is defending, not blaming.
_DEFENDED = re.compile(r"(?:\bnot|n't|\bnever|\bnobody'?s|\bno one'?s|\bno)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)


def detect_blame(text: str) -> tuple[str, ...]:
    """Phrases where the reporter blames a named colleague, in order of appearance."""
    spans: list[tuple[int, int]] = []
    for pattern in _BLAME_PATTERNS:
        for match in pattern.finditer(text):
            preceding = text[max(0, match.start() - 25) : match.start()]
            if _DEFENDED.search(preceding) or re.match(r"(?i)not\b", match.group(0)):
                continue
            spans.append((match.start(), match.end()))
    phrases: list[str] = []
    for start, end in sorted(spans):
        phrase = _phrase(text, start, end, reach=40)
        if phrase and not any(phrase in p or p in phrase for p in phrases):
            phrases.append(phrase)
    return tuple(phrases)

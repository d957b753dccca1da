"""Detectors for the structured personal-detail types (everything except PERSON).

Each detector yields ``(start, end, type)`` candidates; the engine resolves overlaps.
The patterns are deliberately UK-specific: the reports come from English children's
services, so UK phone, postcode, NHS and National Insurance formats are what occur.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from reporting.deid.lexicon import FUNCTION_WORDS

Candidate = tuple[int, int, str]

# A placeholder the engine wrote earlier ("[CHILD 1]", "[DATE 2]"). The reporter may edit
# the redacted preview and submit it, so these must be left exactly as they are.
PLACEHOLDER = re.compile(r"\[[A-Z][A-Z_]*(?: [A-Z][A-Z_]*)* \d+\]")

EMAIL = re.compile(
    r"(?<![\w.+-])[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+"
)

# UK numbers: +44 / 0044 / 0 prefix, then 9-10 digits in the usual groupings, with spaces,
# hyphens or a bracketed area code. Mobile 07xxx, geographic 01/02 (incl. the 01632 and
# 020 7946 drama ranges), 03, 08. Digits must not continue on either side.
PHONE = re.compile(
    r"(?<![\w+])"
    r"(?:(?:\+44|0044)\s?(?:\(0\)\s?)?|\(0|0)"
    r"(?:\d[\s\-)]{0,2}){8,9}\d"
    r"(?![\w])"
)

# NHS number: 10 digits, usually written 3-3-4. Leading zero would make it a phone number.
NHS_NUMBER = re.compile(r"(?<![\w+])[1-9]\d{2}[ -]?\d{3}[ -]?\d{4}(?![\w])")
NHS_CUE = re.compile(r"\bNHS\b(?:\s*(?:no\.?|number|num|#))?[\s:.]*$", re.IGNORECASE)

# National Insurance number: two prefix letters (D, F, I, Q, U, V never used; O not second),
# six digits, suffix A-D; commonly written in pairs.
NI_NUMBER = re.compile(
    r"(?<![\w])(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]"
    r"\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-D](?![\w])"
)

# UK postcode: outward code (A9, A99, A9A, AA9, AA99, AA9A) and inward code (9AA).
POSTCODE = re.compile(
    r"(?<![\w-])(?:[A-PR-UWYZ][0-9][0-9A-HJKMNPR-Y]?|[A-PR-UWYZ][A-HK-Y][0-9][0-9ABEHMNPRVWXY]?)"
    r"\s?[0-9][ABD-HJLNP-UW-Z]{2}(?![\w-])"
)

# Case, record, court and system identifiers.
CASE_ID_PATTERNS = (
    # Prefix + number: LCS-448120, CLA-20931, MASH-118830, CH-23-04417, CP/2023/0456.
    re.compile(r"(?<![\w/-])[A-Z]{2,6}(?:[-/]\d{2,4})?[-/]\d{4,}(?![\w/-])"),
    # Family-court case numbers: LS23C50112, NE24C00517 (court code, year, C, serial).
    re.compile(r"(?<![\w-])[A-Z]{2}\d{2}[A-Z]\d{4,6}(?![\w-])"),
    # Any other token mixing letters and at least four digits: ABC123456, 12345AB.
    re.compile(r"(?<![\w-])(?=[A-Z0-9]*\d{4})(?=[A-Z0-9]*[A-Z])[A-Z0-9]{6,14}(?![\w-])"),
    # Police and crime references: 13/45678/23, 123456/2023 (dates win where both could match).
    re.compile(r"(?<![\w/.-])(?=(?:\d[/-]?){7,})\d{1,6}[/-]\d{4,6}(?:[/-]\d{2,4})?(?![\w/-])"),
    # Bare system numbers (Mosaic/LCS person ids are 6-9 digits). Shorter numbers are
    # counts, years and page numbers; longer ones are caught as phone/NHS above.
    re.compile(r"(?<![\w.,/£$-])\d{6,9}(?![\w/%-]|[.,]\d)"),
)

MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_DAY = r"(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d{2}"
DATE_PATTERNS = (
    # 03/03/2024, 3/3/24, 03-03-2024, 03.03.2024
    re.compile(r"(?<![\w/.-])(?:0?[1-9]|[12]\d|3[01])([/.-])(?:0?[1-9]|1[0-2])\1(?:\d{4}|\d{2})(?![\w/-])"),
    # 14/03 (day and month only). Both parts two digits, so 24/7 and 1/2 are not dates.
    re.compile(r"(?<![\w/.-])(?:0[1-9]|[12]\d|3[01])/(?:0[1-9]|1[0-2])(?![\w/-])"),
    # ISO 2024-03-03
    re.compile(r"(?<![\w-])" + _YEAR + r"-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?![\w-])"),
    # 3 March, 3rd March 2024, 3rd of March, 3 Mar 24
    re.compile(
        r"(?<![\w])" + _DAY + r"\s+(?:of\s+)?" + MONTHS + r"(?:,?\s+(?:" + _YEAR + r"|'?\d{2}(?![\w:])))?(?![\w])"
    ),
    # March 3rd, March 3, 2024 ("May 3" needs the day so the verb "may" never matches)
    re.compile(r"(?<![\w])" + MONTHS + r"\s+" + _DAY + r"(?:,?\s+" + _YEAR + r")?(?![\w:,.]\d)(?![\w])"),
)

STREET_TYPES = (
    r"(?:Road|Rd|Street|St|Lane|Ln|Avenue|Ave|Drive|Dr|Close|Way|Crescent|Cres|Grove|Place|Pl"
    r"|Court|Ct|Gardens|Gdns|Terrace|Walk|Park|Square|Sq|Hill|Row|Mews|View|Rise|Green|Parade"
    r"|Vale|Fold|Croft|Meadows?|Bank|Side|Gate|Wharf|Estate|Yard|Boulevard)"
)
_CAP = r"[A-Z][a-z'’]+(?:-[A-Z][a-z]+)?"
ADDRESS = re.compile(
    # Optional flat/house-name prefix: "Flat 3, ", "The Willows, "
    r"(?:(?:Flat|Apartment|Unit|Room)\s+\d+[A-Za-z]?,?\s+|(?:The\s+)?" + _CAP + r"(?:\s+" + _CAP + r")?,\s+)?"
    r"(?<![\w])\d{1,4}[A-Za-z]?,?\s+"
    r"(?:" + _CAP + r"\s+){1,3}" + STREET_TYPES + r"\b"
    # Optional town: ", Bexton" (one or two capitalised words, not a sentence's next subject)
    r"(?:,\s+(?!Flat\b|Apartment\b|Unit\b|Room\b)"
    + _CAP
    + r"(?:\s+(?!Mum\b|Dad\b|She\b|He\b|They\b|The\b|We\b|I\b)"
    + _CAP
    + r")?(?![\w-]|\s+\d))?"
)
# A house-name prefix is only trusted when it looks like one ("The Willows", "Rose Cottage");
# otherwise "Visited Jodie Brennan, 22 Ashgrove Road" would swallow the name.
HOUSE_NAME_PREFIX = re.compile(r"^(?:The\s|Flat|Apartment|Unit|Room|[A-Z][a-z]+\s(?:House|Cottage|Lodge|Farm)\b)")

SCHOOL_WORDS = r"(?:Primary|Junior|Infants?|Secondary|High|Academy|College|Nursery|School|Pre-?[Ss]chool|Preschool)"
SCHOOL = re.compile(
    r"(?<![\w])"
    r"(?:St\.?\s+|Saint\s+|Holy\s+|Our\s+Lady(?:'s)?\s+)?"
    r"(?:[A-Z][a-z'’]+(?:-[A-Z][a-z]+)?\s+){1,4}"
    r"(?:(?:C\s?of\s?E|CE|RC|C\.E\.|R\.C\.|Catholic|Church\s+of\s+England|Community|Day|Free|Church|Methodist"
    r"|Foundation|Special|Infant|Junior|Primary|High)\s+)*" + SCHOOL_WORDS + r"(?:\s+(?:School|Academy|Unit))?\b"
)
# Capitalised words that make "X School" generic or a council function, not a named school.
SCHOOL_NOT_A_NAME = frozenset(
    [
        "The",
        "A",
        "An",
        "Our",
        "Their",
        "His",
        "Her",
        "My",
        "Virtual",
        "Forest",
        "Sunday",
        "Special",
        "Secondary",
        "Primary",
        "High",
        "Junior",
        "Infant",
        "Infants",
        "Nursery",
        "School",
        "Academy",
        "College",
        "Day",
        "Local",
        "Mainstream",
        "New",
        "Previous",
        "Current",
        "Old",
        "Each",
        "Every",
        "This",
        "That",
        "Which",
        "Her",
        "His",
        "Both",
        "Any",
        "Boarding",
        "Residential",
        "Independent",
        "State",
        "Grammar",
        "Sixth",
        "Further",
        "Hospital",
        "Alternative",
    ]
)


def find_structured(text: str) -> Iterator[Candidate]:
    """All structured candidates in priority order; the engine keeps the first of any overlap."""
    for m in EMAIL.finditer(text):
        yield m.start(), m.end(), "EMAIL"
    for m in NI_NUMBER.finditer(text):
        yield m.start(), m.end(), "NI_NUMBER"
    for m in NHS_NUMBER.finditer(text):
        grouped = " " in m.group() or "-" in m.group()
        if grouped or NHS_CUE.search(text[max(0, m.start() - 20) : m.start()]) or _nhs_checksum_ok(m.group()):
            yield m.start(), m.end(), "NHS_NUMBER"
    for m in PHONE.finditer(text):
        start = m.start()
        if m.group().startswith("(") and ")" not in m.group():
            start += 1  # "(07700 900482)": the bracket encloses the number, it is not an area code
        digits = re.sub(r"\D", "", m.group())
        if digits.startswith("44"):
            digits = "0" + digits[2:].lstrip("0")
        if 10 <= len(digits) <= 11:
            yield start, m.end(), "PHONE"
    for m in POSTCODE.finditer(text):
        yield m.start(), m.end(), "POSTCODE"
    for m in ADDRESS.finditer(text):
        start = m.start()
        number = re.search(r"\d", m.group())
        if number and number.start() > 0 and not HOUSE_NAME_PREFIX.match(m.group()):
            start += number.start()
        yield start, m.end(), "ADDRESS"
    for pattern in DATE_PATTERNS:
        for m in pattern.finditer(text):
            if m.group() != "10/10":  # a score out of ten, not the 10th of October
                yield m.start(), m.end(), "DATE"
    for pattern in CASE_ID_PATTERNS:
        for m in pattern.finditer(text):
            yield m.start(), m.end(), "CASE_ID"
    for m in SCHOOL.finditer(text):
        named_from = _trim_school(text, m.start(), m.end())
        if named_from is not None:
            yield named_from, m.end(), "SCHOOL"


def _trim_school(text: str, start: int, end: int) -> int | None:
    """Drop leading generic words ("The", "Her") from a school match; None if nothing named is left."""
    words = list(re.finditer(r"\S+", text[start:end]))
    for i, word in enumerate(words[:-1]):
        if word.group() not in SCHOOL_NOT_A_NAME and word.group() not in FUNCTION_WORDS:
            return start + words[i].start()
    return None


def _nhs_checksum_ok(number: str) -> bool:
    """Modulus-11 check digit, so an unspaced 10-digit number is called an NHS number only if valid."""
    digits = [int(c) for c in number if c.isdigit()]
    total = sum(d * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    check = 0 if check == 11 else check
    return check != 10 and check == digits[9]

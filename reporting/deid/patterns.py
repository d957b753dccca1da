"""Detectors for the structured personal-detail types (everything except PERSON).

Each detector yields ``(start, end, type)`` candidates; the engine resolves overlaps.
The patterns are deliberately UK-specific: the reports come from English children's
services, so UK phone, postcode, NHS and National Insurance formats are what occur.

Decisions on borderline forms (kept consistent across detectors):
- a children's centre, family hub or youth club is a service, not a SCHOOL; pupil referral
  units (PRU), nurseries, pre-schools and playgroups are schools;
- an estate or a district alone ("the Ferndale estate") is a place, not an ADDRESS; it is one
  with a house number or a named street, or a named street someone lives on;
- "on the 3rd" (no month) and "March 2024" are not DATEs; a one-digit day/month ("9/10") is
  one only after a word that introduces a date ("on", "dated", "DOB"), and a month and year
  only as a birth ("born in June 2016");
- an NI-shaped token written solid with no word saying it is an NI number is a CASE_ID.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from reporting.deid.letters import CAP, LOWER, MARK, SMALL, fold
from reporting.deid.lexicon import DOMAIN_WORDS, FUNCTION_WORDS, ORG_WORDS, PLACE_NAMES, english_words, gazetteer

Candidate = tuple[int, int, str]

# Endings of English street and district names written as one word: Kingsway, Northgate,
# Highfield, Moorside, Woodlands.
_PLACE_ENDING = re.compile(
    r"(?:way|gate|field|fields|side|lands|wood|dale|bank|croft|hurst|moor|holme|lea|ley|mead|ridge|brook|"
    r"hill|view|green|row|mount|garth|fold|acre|acres|park|vale|court|grove|lane|leigh)$"
)

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
# six digits, suffix A-D; commonly written in pairs, by some with hyphens or dots, and on a phone
# in lower case (which counts only after a word saying what it is).
NI_NUMBER = re.compile(
    r"(?<![\w])(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]"
    r"[\s.-]?\d{2}[\s.-]?\d{2}[\s.-]?\d{2}[\s.-]?[A-D](?![\w])",
    re.IGNORECASE,
)

# After a word saying what it is, any two letters and six digits, however grouped, with or without the
# suffix: a number with an invalid prefix or a dropped suffix is still someone's NI number.
NI_NUMBER_CUED = re.compile(r"(?<![\w])[A-Z]{2}(?:[\s.-]?\d){6}(?:[\s.-]?[A-D])?(?![\w])", re.IGNORECASE)

# Written in the pairs of the card ("QQ 47 19 82 C"), it is an NI number whatever its prefix letters:
# no other identifier is grouped that way.
NI_NUMBER_GROUPED = re.compile(r"(?<![\w])[A-Z]{2} \d{2} \d{2} \d{2} [A-D](?![\w])")

NI_CUE = re.compile(r"\b(?:NI|N\.I\.?|NINO|national\s+insurance|insurance)\b", re.IGNORECASE)

# UK postcode: outward code (A9, A99, A9A, AA9, AA99, AA9A) and inward code (9AA).
POSTCODE = re.compile(
    r"(?<![\w-])(?:[A-PR-UWYZ][0-9][0-9A-HJKMNPR-Y]?|[A-PR-UWYZ][A-HK-Y][0-9][0-9ABEHMNPRVWXY]?)"
    r"\s?[0-9][ABD-HJLNP-UW-Z]{2}(?![\w-])"
)
# The same shape with any letters, as people type them from memory or with a slip ("TF9 4KM" breaks
# the Royal Mail letter rules but still points at a street). Capitals and the space are required, so
# ordinary words and codes never match.
POSTCODE_LOOSE = re.compile(r"(?<![\w-])[A-Z]{1,2}[0-9][0-9A-Z]? [0-9][A-Z]{2}(?![\w-])")
# Typed in a hurry: "em4 7qt", "Bx12 3rt". Needs the space, so a lower-case word never matches.
POSTCODE_ANY_CASE = re.compile(
    r"(?<![\w-])(?:[a-pr-uwyz][0-9][0-9a-hjkmnpr-y]?|[a-pr-uwyz][a-hk-y][0-9][0-9abehmnprvwxy]?)"
    r" [0-9][abd-hjlnp-uw-z]{2}(?![\w-])",
    re.IGNORECASE,
)

# Case, record, court and system identifiers.
_YEAR_ONLY = r"(?!(?:19|20)\d{2}(?![\w/-]))"
CASE_ID_PATTERNS = (
    # Prefix + number: LCS-448120, CLA-20931, MASH-118830, CH-23-04417, CP/2023/0456,
    # LL-0042, CP-2291, CR/0091234/24 (not COVID-19: three digits at least).
    # The prefix may hold digits or several parts: S47-0042, BCC/CS/44812.
    re.compile(
        r"(?<![\w/-])(?!COVID)[A-Z][A-Z0-9]{0,5}(?:[-/][A-Z]{1,6}){0,2}(?:[-/]\d{2,4})?[-/]\d{3,}(?:[-/]\d{2,4})?"
        r"(?:[-/][A-Z]{1,3})?(?![\w/-])"
    ),
    # Typed in lower case: lcs-448120, cin/20931 (four digits at least, and no year: "mid-2024").
    re.compile(r"(?<![\w/-])[a-z]{2,6}[-/]" + _YEAR_ONLY + r"\d{4,}(?:[-/]\d{2,4})?(?![\w/-])"),
    # System prefix, a space, then the number: MOS 7751203, LCS 4481, CAD 1234 (a year is no id).
    re.compile(r"(?<![\w/-])(?!NHS\b|NI\b|ID\b|KS|AD\b|BC\b)[A-Z]{2,5} " + _YEAR_ONLY + r"\d{4,9}(?![\w/%-]|[.,]\d)"),
    # Letters and digits interleaved: A1B2C3D4, TC648219A-like references, 4 digits at least.
    re.compile(r"(?<![\w-])(?=(?:[A-Z]*\d){4})(?=[A-Z0-9]*[A-Z])[A-Z0-9]{6,14}(?![\w-])"),
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
# After a word that says an identifier follows ("case ref 22/1187", "Mosaic ID: 40412",
# "crime no. 3319/24", "case number: 12 3456 789"), any token holding three digits or more is
# one (a bare year is not).
_ID_TOKEN = (
    _YEAR_ONLY + r"(?=[A-Za-z0-9/-]*(?:\d[/ -]?){3})[A-Za-z]{0,6}[-/ ]?\d[A-Za-z0-9]*(?:[-/][A-Za-z0-9]+)*"
    r"(?:(?<=\d) \d{3,6}(?![\w/-])){0,2}"
)
_ID_LEAD = r"\s*[:#.]?\s*(?:(?:is|was|of)\s+)?#?"
CASE_ID_CUE = re.compile(
    r"(?<![\w-])(?:ref(?:erence)?s?\.?(?:\s*(?:no\.?|number))?|(?:case|crime|incident|log|record|file|court|claim|"
    r"client|person|child|system|mosaic|lcs|ics|ehm|cad|police|occurrence|urn|id|serial|eclipse|liquidlogic|cms|"
    r"storm|reference|index|application|episode|ticket|job|referral|family|account|emis|systmone|rio|carefirst|"
    r"frameworki|synergy|niche|athena|datix)"
    r"\s*(?:ref(?:erence)?\.?|no\.?|nos\.?|numbers?|num|#|id)|urn|id|cad|storm|upn|uln|uci|crn|pnc)"
    + _ID_LEAD
    + r"(?P<id>"
    + _ID_TOKEN
    + r")"
    r"(?![\w/-])",
    re.IGNORECASE,
)
# Weaker cues need four digits: a record noun alone ("case 44913", "incident log 1123",
# "Datix 12345") or a bare "number"/"no."/"#" ("its number is 0042-221", "Ref. No. 1234").
CASE_ID_WEAK_CUE = re.compile(
    r"(?<![\w-])(?:(?:case|contact|referral|record|file|log|incident|episode|crime|claim|application|ticket|"
    r"occurrence|datix|complaint)\s*[:#.]?\s*#?|(?:no\.|number|num|#)"
    + _ID_LEAD
    + r")(?P<id>(?=[A-Za-z0-9/-]*(?:\d[/ -]?){4})"
    + _ID_TOKEN
    + r")(?![\w/-]|[.,]\d|\s*%)",
    re.IGNORECASE,
)
# A second identifier written the same way right after a first ("44821, not 44812").
_ID_ALONGSIDE = re.compile(
    r"^\s*(?:,\s*(?:and|or|not|nor)?|and|or|not|nor|&|/|vs\.?|instead\s+of|rather\s+than)\s*(?:not\s+)?([\w/-]+)"
)

MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_DAY = r"(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_WEEKDAY = r"(?:Mon|Tues?|Weds?|Wednes|Thu(?:rs?)?|Fri|Sat(?:ur)?|Sun)(?:day)?"
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
    # As systems print them: 12-Mar-2015, 3-Jan-24.
    re.compile(r"(?<![\w-])(?:[12][0-9]|3[01]|0?[1-9])-" + MONTHS + r"-(?:" + _YEAR + r"|\d{2})(?![\w-])", re.I),
    # March 3rd, March 3, 2024 ("May 3" needs the day so the verb "may" never matches)
    re.compile(r"(?<![\w])" + MONTHS + r"\s+" + _DAY + r"(?:,?\s+" + _YEAR + r")?(?![\w:,.]\d)(?![\w])"),
    # A weekday and an ordinal day, the month left unsaid: "on Tuesday 12th", "Fri the 3rd". The
    # suffix is required, so "Monday 12 children" is no date.
    re.compile(
        r"(?<![\w])" + _WEEKDAY + r"\.?\s+(?:the\s+)?"
        r"(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)(?![\w])"
    ),
)

# Dates that need the word before them, in the group "d": "on 9/10", "DOB 4/5" (24/7 and
# 1/2 alone are not dates) and the month and year of a birth ("born in March 2015").
DATE_CUED = (
    re.compile(
        r"\b(?:on|dated|from|until|till|by|since|DOB|born|w/c|wc|" + _WEEKDAY + r")[:.]?\s+"
        r"(?P<d>(?:0?[1-9]|[12]\d|3[01])/(?:0?[1-9]|1[0-2]))(?![\w/-]|\.\d)",
        re.IGNORECASE,
    ),
    re.compile(r"\b(?:born(?:\s+in)?|DOB)[:.]?\s+(?P<d>" + MONTHS + r"\.?\s+" + _YEAR + r")(?![\w])", re.IGNORECASE),
)

STREET_TYPES = (
    r"(?:Road|Rd|Street|St|Lane|Ln|Avenue|Ave|Drive|Dr|Close|Cl|Way|Crescent|Cres|Grove|Gr|Place|Pl"
    r"|Court|Ct|Gardens|Gdns|Terrace|Tce|Walk|Park|Square|Sq|Hill|Row|Mews|View|Rise|Green|Parade|Pde"
    r"|Vale|Fold|Croft|Meadows?|Bank|Side|Gate|Wharf|Estate|Yard|Boulevard|Chase|Mount|Heights|Approach"
    r"|Broadway|Quay|Garth|Drove|Hollow|Brow|Leys|Wynd|Circus|Top|End|Cross|Ridge|Lea|Fields|Orchard|Paddock"
    r"|Spinney|Copse|Dell|Dene|Glade|Nook|Crest|Parkway|Causeway|Esplanade|Promenade|Embankment|Lawns?|Pastures"
    r"|Hey|Brae|Circle)"
)
# "Queens Road West", "Mill Lane North": a part of a long street.
_STREET_PART = r"(?:\s+(?:North|South|East|West|Upper|Lower)\b)?"
# Street words no organisation or meeting name ends with, for a street named without a number.
_PLAIN_STREET = (
    r"(?:Road|Rd|Street|Lane|Avenue|Ave|Drive|Close|Crescent|Grove|Terrace|Gardens|Mews|Rise|Way|Wynd|Garth)"
)
# Where people stay that are not homes of their own: "the Parkside Hostel", "Seaview B&B".
_LODGING = r"(?:Hostel|B\s?&\s?B|Bed\s+and\s+Breakfast|Guest\s?[Hh]ouse|Hotel|Foyer)"
# Parks and sites where families live in caravans or chalets.
_HOLIDAY_SITE = (
    r"(?:(?:Holiday|Caravan|Leisure|Country|Residential|Mobile\s+Home)\s+(?:Park|Village|Site|Camp)|Park|Site)"
)
# Named buildings of flats and cottages: "19 Tennyson House", "Flat 2, Aspen Court", "Rose Cottage".
BUILDING_TYPES = (
    r"(?:House|Court|Mansions|Tower|Point|Lodge|Heights|Buildings|Cottages?|Farm|Barn|Villas?|Bungalow|Flats|Block"
    r"|Rectory|Vicarage|Grange)"
)
# A capitalised word in any cased script ("Bretón", "Thérèse's"), as in names.NAME_TOKEN.
_CAP = rf"{CAP}(?:{LOWER}|{MARK}|['’])+(?:-{CAP}{SMALL})?"
_FLAT = r"(?:Flat|Apartment|Unit|Room)\s+\d+[A-Za-z]?,?\s+"
_NUMBER = r"\d{1,4}[A-Za-z]?(?:[-–]\d{1,4}[A-Za-z]?)?"
# Words that start the next sentence after a street, never a town: "on Station Road, She said ...".
_NOT_A_TOWN = r"(?!(?:Mum|Dad|She|He|They|The|We|I|It|This|But|And|So|Then)\b)"
_TOWN = (
    r"(?:,\s+(?!Flat\b|Apartment\b|Unit\b|Room\b)"
    + _NOT_A_TOWN
    + _CAP
    + r"(?:\s+(?:(?:St\.?|Saint)\s+)?"
    + _NOT_A_TOWN
    + _CAP
    + r")?(?![\w-]|\s+\d|\s+estate\b))?"
)
# A town that must follow (", Marshby"): what makes a street or house without a number an address.
_THEN_TOWN = r"(?=,\s+" + _NOT_A_TOWN + CAP + r")" + _TOWN
# The street (or named building) part of an address: "... Mill Lane", "... Aspen Court".
_STREET_OR_BUILDING = r"(?:" + STREET_TYPES + r"\b" + _STREET_PART + r"|" + BUILDING_TYPES + r"\b)"
ADDRESS = re.compile(
    # Optional flat/house-name prefix: "Flat 3, ", "The Willows, "
    r"(?:(?:Flat|Apartment|Unit|Room)\s+\d+[A-Za-z]?,?\s+|(?:The\s+)?" + _CAP + r"(?:\s+" + _CAP + r")?,\s+)?"
    r"(?<![\w-])" + _NUMBER + r",?\s+"
    r"(?:(?:St\.\s+)?" + _CAP + r"\s+){1,3}" + _STREET_OR_BUILDING + _TOWN
)
# Address forms the main pattern misses, each in the group "a":
ADDRESS_EXTRA = (
    # A house or block name before a street: "Rose Cottage, Low Lane", "Room 6, Oak House, Station Road".
    re.compile(
        rf"(?P<a>(?:{_FLAT})?(?:{_CAP}\s+){{1,2}}{BUILDING_TYPES},?\s+(?:{_CAP}\s+){{1,3}}{STREET_TYPES}\b{_TOWN})"
    ),
    # A flat in a named block: "Flat 2, Aspen Court", "Apartment 14 Kingfisher House".
    re.compile(rf"(?P<a>(?:Flat|Apartment|Unit)\s+\d+[A-Za-z]?,?\s+(?:{_CAP}\s+){{1,3}}{BUILDING_TYPES}\b{_TOWN})"),
    # A number before "the X": "116 the Broadway", "at 5 The Green".
    re.compile(
        r"\b(?:at|to|from|address(?:\s+is)?:?|no\.?|number|above|near|outside)\s+"
        r"(?P<a>" + _NUMBER + r",?\s+[Tt]he\s+" + _CAP + r"(?:\s+" + _CAP + r")?" + _TOWN + r")"
    ),
    # A named street where someone lives, without the number: "lives on Birch Grove".
    re.compile(
        r"\b(?:lives?|living|lived|moved|moving|staying|stays|stayed|resides|residing|relocated|rehoused|placed|"
        r"address(?:\s+is)?)\s+(?:at|on|in|into|to|is|was)?\s*"
        r"(?P<a>(?:" + _CAP + r"\s+){1,3}" + _STREET_OR_BUILDING + _TOWN + r")"
    ),
    # A street with its town but no number, after "on" or "off": "a B&B on Station Parade, Marshby", "her flat
    # on Wren Court, Eastby". The town after the comma says it is an address, whatever the street word.
    re.compile(
        r"\b(?:on|off)\s+(?!(?:Family|Crown|Magistrates['’]?|County|Youth|High|Combined)\s+Court\b)(?P<a>(?:"
        + _CAP
        + r"\s+){1,3}"
        + STREET_TYPES
        + r"\b"
        + _STREET_PART
        + _THEN_TOWN
        + r")"
    ),
    # A pitch, plot or caravan on a named park, either way round: "Pitch 112, Seaview Holiday Village",
    # "Sandpiper Holiday Park, Caravan 61". A caravan on a site is someone's home.
    re.compile(
        r"(?P<a>(?:Pitch|Plot|Caravan|Chalet|Static|Lodge|Berth|Mooring)\s+\d+[A-Za-z]?,?\s+(?:[Tt]he\s+)?(?:"
        + _CAP
        + r"\s+){1,3}"
        + _HOLIDAY_SITE
        + r"\b"
        + _TOWN
        + r")"
    ),
    # The unit and its number told in a sentence, in any case: "in caravan 12 at Sandpiper Holiday Park",
    # "plot 4 at the Cowfold site", "pitch 7 of Redmoor site". The number makes it one home.
    re.compile(
        r"(?P<a>(?i:pitch|plot|caravan|chalet|static|lodge|berth|mooring)\s+\d+[A-Za-z]?\s+(?:at|on|of|in)\s+"
        r"(?:[Tt]he\s+)?(?:" + _CAP + r"\s+){1,3}(?:" + _HOLIDAY_SITE + r"|site|park)\b)"
    ),
    re.compile(
        r"(?P<a>(?:" + _CAP + r"\s+){1,3}" + _HOLIDAY_SITE + r",?\s+(?:Pitch|Plot|Caravan|Chalet|Static|Lodge|Berth|"
        r"Mooring)\s+(?:No\.?\s*)?\d+[A-Za-z]?)(?![\w-])"
    ),
    # A farm or cottages named as where workers' families are housed: "the Cliff Top Farm accommodation".
    re.compile(
        r"(?P<a>(?:" + _CAP + r"\s+){1,3}(?:Farm|Cottages?|Barns?))\s+(?:accommodation|caravans?|cottages?|"
        r"bunkhouse|chalets?|housing|lodgings)\b"
    ),
    # A house by its number alone, where someone goes or lives: "went to number 8 today", "lives
    # at number 23" (not "at number 47 on the defects list").
    re.compile(
        r"\b(?i:went|go|goes|going|gone|back|moved|lives?|living|lived|staying|stays|stayed|visited|visit|"
        r"knocked|door|round|(?:is|are|was|were)(?=\s+at))\s+(?:(?:to|at|on|into|round\s+to|round\s+at)\s+)?"
        r"(?P<a>[Nn]umber\s+\d{1,3}[A-Za-z]?)(?![\w.,]\d|\s+(?:stand|stop|bus|platform|gate|route)\b)"
        r"(?!\s+(?:on|of|in)\s+(?:\w+\s+){0,2}"
        r"(?:list|agenda|queue|rota|league|table|chart|register)\b)(?![\w-])"
    ),
    # A one-word street after the word "address": "Address: 12 Ropewalk, Porthby".
    re.compile(r"\b(?i:address)(?:\s+is)?\s*[:\-]\s*(?P<a>" + _NUMBER + r",?\s+" + _CAP + r")(?![\w'’-])"),
    # Typed in lower case after a word that introduces an address: "lives at 14 harrow close".
    re.compile(
        r"\b(?:at|to|from|address(?:\s+is)?:?)\s+(?P<a>\d{1,4}[a-z]?,?\s+(?:[a-z]{3,}\s+){1,2}"
        r"(?:road|street|avenue|crescent|drive|lane|grove|terrace|gardens|close))\b"
    ),
)
# Address forms whose words must first be checked to be no ordinary words (``_place_words``),
# each in the group "a" with the words to check in the group "w":
ADDRESS_CHECKED = (
    # A number and a one-word street after a word that introduces an address, ending a phrase:
    # "at 8 Kingsway." but not "4 Eastby schools" or "at 2 Eastby Civic Centre".
    re.compile(
        r"\b(?:at|to|address(?:\s+is)?:?|no\.?|number|above|near|outside|opposite)\s+"
        r"(?P<a>" + _NUMBER + r",?\s+(?P<w>" + _CAP + r"(?:\s+" + _CAP + r")?)(?![\w'’-])" + _TOWN + r")"
        r"(?=\s*(?:[,.;:)!?]|$)|\s+(?:and|with|in|on|at|for|where|which|who|was|is|has|had|to|from|since|until|"
        r"but|so|when|while|after|before|because|last|this|yesterday|today)\b)"
    ),
    # A flat in a block whatever its name: "Flat 3 Moorview", "Apartment 5, The Maltings".
    re.compile(
        r"(?P<a>(?:Flat|Apartment)\s+\d+[A-Za-z]?,?\s+(?:[Tt]he\s+)?(?P<w>" + _CAP + r"(?:\s+" + _CAP + r"){0,2})"
        r"(?![\w'’-])" + _TOWN + r")"
    ),
    # A hostel, B&B or guest house by name: "the Parkside Hostel", "Seaview B&B".
    re.compile(r"(?<![\w'’-])(?P<a>(?P<w>(?:" + _CAP + r"\s+){1,3})" + _LODGING + r")(?![\w&])"),
    # A house name after a word that says someone lives there: "lives at The Willows".
    re.compile(
        r"\b(?:lives?|living|lived|moved|moving|staying|stays|stayed|resides|residing|placed)\s+(?:at|in|into|to)\s+"
        r"(?P<a>The\s+(?P<w>" + _CAP + r"(?:\s+" + _CAP + r")?))(?![\w'’-])(?!\s+" + CAP + r")"
    ),
    # A housing estate by its proper name, which places a family as surely as a street: "half of
    # Cokeworks Estate" (not "Trading Estate", "Industrial Estate", where nobody lives). A lower-case
    # "the Clifftop estate" is left alone: the sets label it as often as not.
    re.compile(
        r"(?<![\w'’-])(?P<a>(?P<w>(?:" + _CAP + r"\s+){1,2})(?<!Industrial\s)(?<!Trading\s)(?<!Business\s)"
        r"(?<!Retail\s)(?<!Enterprise\s)(?<!Country\s)(?<!Council\s)(?<!Housing\s)Estate)(?![\w'’-])"
    ),
    # A named house, farm or home with its village, as rural and residential addresses are written
    # without a number: "at Hagg Top Farm, Mossgill", "placed at Beckside House, Pellingford".
    re.compile(
        r"\b(?:at|to|from|into|in|near|outside|visit(?:ed|ing)?)\s+(?P<a>(?P<w>(?:"
        + _CAP
        + r"\s+){1,3})"
        + BUILDING_TYPES
        + _THEN_TOWN
        + r")"
    ),
    # A house named like a place before its street: "at Windy Nook, Fell Lane, Castle Yarrow" (not
    # "at Sarah Jones, Mill Lane": the house name ends in a street or building word).
    re.compile(
        r"\bat\s+(?P<a>(?P<w>(?:"
        + _CAP
        + r"\s+){1,2})(?:"
        + STREET_TYPES
        + "|"
        + BUILDING_TYPES
        + r"),\s+(?:"
        + _CAP
        + r"\s+){1,2}"
        + _PLAIN_STREET
        + r"\b"
        + _TOWN
        + r")"
    ),
    # A one-word street where someone lives, with an ending streets have: "lives off Kirkgate",
    # "staying on Westfield" (not "lives on benefits", "lives in Eastby": a town is no address).
    re.compile(
        r"\b(?i:lives?|living|lived|staying|stays|stayed|moved|resides|residing|flat|house|home)\s+(?:on|off)\s+"
        r"(?P<a>(?P<w>" + CAP + SMALL + r"(?:way|gate|side|field|fields|croft|fold|garth|moor|dale|bank|lands|mount)))"
        r"(?![\w'’-])(?!\s+" + CAP + r")"
    ),
    # A street named without a number: "the flat on Beech Road", "a house off Millbrook Way"
    # (not "Marsh Lane Academy" or "Mill Road Surgery", which go on with a capital).
    re.compile(
        r"\b(?:on|off|along|in|at|near|opposite|into|down|up|from|to|of|attended|visited|behind|past)\s+"
        r"(?P<a>(?P<w>(?:"
        + _CAP
        + r"\s+){1,3})"
        + _PLAIN_STREET
        + r"\b"
        + _STREET_PART
        + r"(?!\s+"
        + CAP
        + r")"
        + _TOWN
        + r")"
    ),
    # A block of flats by its name, as families in towers and courts are placed without a flat
    # number: "a flat in Harbury Court", "lifts at Cavell Tower" (not "in the High Court", "at Gull
    # Point Park": a block is named without "the" and nothing capitalised follows it).
    re.compile(
        r"\b(?:at|in|on|into|from|to|outside)\s+(?P<a>(?P<w>(?:"
        + _CAP
        + r"\s+){1,2})(?<!High\s)(?<!Crown\s)(?<!County\s)(?<!Family\s)(?<!Combined\s)(?<!Town\s)"
        r"(?:Tower|Heights|House|Court|Mansions|Point|Flats))(?![\w'’-])(?!\s+" + CAP + r")"
    ),
    # A walk, row or approach that a flat or B&B is on, as estates' paths and station streets are
    # written: "a flat on Sorrel Walk", "the B&B on Station Approach".
    re.compile(
        r"\b(?:on|off)\s+(?P<a>(?P<w>(?:" + _CAP + r"\s+){1,2})(?:Walk|Approach|Row))(?![\w'’-])(?!\s+" + CAP + r")"
    ),
    # A farm or cottages by name, which is how a rural home is written, with or without its village:
    # "the owner of Dune Cottages", "at the Hollins Farm address" (not "Brook Farm Nursery", which goes
    # on with a capital, nor "the Lockkeeper's Cottage drop-in", a venue named for its keeper).
    re.compile(
        r"(?<![\w'’-])(?P<a>(?P<w>(?:" + CAP + SMALL + r"\s+){1,2})(?:Farm|Cottages?|Barns))(?![\w'’-])"
        r"(?!\s+(?:" + CAP + r"|drop-in|shop|caf[eé]|park|trust|school|nursery)\b)"
    ),
    # Caravans or chalets at a named holding, where seasonal workers' families live: "the caravans at
    # Hollins Top" (a holiday park or a Traveller site by name is a place: "caravans at Gull Point Park").
    re.compile(
        r"\b(?i:caravans?|chalets?|statics?|mobile\s+homes?|cabins?|portakabins?)\s+(?:at|on)\s+"
        r"(?P<a>(?P<w>(?:" + CAP + SMALL + r"\s+){1,2})(?:Top|End|Fold|Croft|Garth|Nook|Yard|Paddock|Orchard|Bottom|"
        r"Head|Side|Edge|Barns?))(?![\w'’-])(?!\s+" + CAP + r")"
    ),
)
# (strict, any_word) for ``_place_words``: a lone word after a number is checked hardest; a
# flat's block must not start with a first name; a hostel or a street may be named after anyone.
_ADDRESS_CHECKS = dict(
    zip(
        ADDRESS_CHECKED,
        (
            (True, False),  # "at 8 Kingsway."
            (False, False),  # "Flat 3 Moorview"
            (False, True),  # "the Parkside Hostel"
            (False, False),  # "lives at The Willows"
            (False, False),  # "Cokeworks Estate"
            (False, False),  # "at Hagg Top Farm, Mossgill"
            (False, True),  # "at Windy Nook, Fell Lane"
            (True, False),  # "lives off Kirkgate"
            (False, True),  # "on Beech Road"
            (False, True),  # "lifts at Cavell Tower"
            (False, True),  # "on Sorrel Walk"
            (False, True),  # "Dune Cottages"
            (False, True),  # "caravans at Hollins Top"
        ),
        strict=True,
    )
)
# A house-name prefix is only trusted when it looks like one ("The Willows", "Rose Cottage");
# otherwise "Visited Jodie Brennan, 22 Ashgrove Road" would swallow the name.
HOUSE_NAME_PREFIX = re.compile(r"^(?:The\s|Flat|Apartment|Unit|Room|[A-Z][a-z]+\s(?:House|Cottage|Lodge|Farm)\b)")

# A unit word just before a house number ("plot 9, Cowley Lane").
_UNIT_BEFORE = re.compile(r"(?<![\w-])(?:flat|apartment|unit|room|plot|pitch|caravan|chalet|berth|mooring)\s+$")

SCHOOL_WORDS = (
    r"(?:Primary|Juniors?|Infants?|Secondary|High|Academy|College|Nursery|School|Pre-?[Ss]chool|Preschool"
    r"|PRU|Pupil\s+Referral\s+Unit|Playgroup|Montessori|Sixth\s+Form|UTC|Learning\s+Centre)"
)
SCHOOL = re.compile(
    r"(?<![\w])"
    r"(?:St\.?\s+|Saint\s+|Holy\s+|Our\s+Lady(?:'s)?\s+)?"
    r"(?:" + _CAP + r"\s+){1,4}"
    r"(?:(?:C\s?of\s?E|CE|RC|C\.E\.|R\.C\.|Catholic|Church\s+of\s+England|Community|Day|Free|Church|Methodist"
    r"|Foundation|Special|Infant|Junior|Primary|High)\s+)*" + SCHOOL_WORDS + r"(?:\s+(?:School|Academy|Unit))?\b"
)
# A school known by its saint alone, after a word for going there: "attends St Bede's".
SCHOOL_BY_SAINT = re.compile(
    r"\b(?:attends?|attended|attending|goes\s+to|went\s+to|pupil\s+at|excluded\s+from|started\s+at|moved\s+to)\s+"
    r"(?P<s>(?:St\.?|Saint)\s+" + _CAP + r"(?:['’]s)?)(?![\w'’-])(?!\s+(?:" + CAP + r"|church|hospice|hospital))"
)
# The school word typed in lower case after the name: "Greenhill primary", "Busy Bees nursery",
# "St Mary's RC primary school". The name in "n" is checked by ``_school_name_words``.
SCHOOL_LOWER = re.compile(
    r"(?<![\w'’-])(?P<n>(?:St\.?\s+)?(?:" + _CAP + r"\s+){1,3})(?:(?:RC|CE|C\s?of\s?E)\s+)?"
    r"(?:primary|nursery|academy|infants|juniors|pre-?school)(?:\s+(?:school|academy))?(?![\w-]|\s+(?:schools|academies))"
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


# The street or block inside a found address ("27 Rowan Close" -> "Rowan Close").
_ADDRESS_NAME = re.compile(r"(?:" + _CAP + r"\s+){1,3}" + _STREET_OR_BUILDING)


def address_repeats(text: str, addresses: Iterable[str]) -> Iterator[Candidate]:
    """The streets and blocks of addresses found elsewhere in the report, named again on their own.

    Staff give the number once and then the street alone ("moved from 27 Rowan Close ... the plan
    still says Rowan Close"); the repeat places the family as surely as the first mention.
    """
    names = {m.group() for a in addresses for m in _ADDRESS_NAME.finditer(a)}
    for name in sorted(names, key=len, reverse=True):
        for m in re.finditer(r"(?<![\w'’-])" + re.escape(name) + r"(?![\w'’-])", text):
            yield m.start(), m.end(), "ADDRESS"


def find_structured(text: str) -> Iterator[Candidate]:
    """All structured candidates in priority order; the engine keeps the first of any overlap."""
    for m in EMAIL.finditer(text):
        yield m.start(), m.end(), "EMAIL"
    for m in NI_NUMBER.finditer(text):
        # Written solid with no word saying so ("ref TC648219A"), it is a reference, not an NI number.
        spaced = any(not c.isalnum() for c in m.group())
        cued = NI_CUE.search(text[max(0, m.start() - 40) : m.start()]) is not None
        if cued or m.group().isupper():
            yield m.start(), m.end(), "NI_NUMBER" if spaced or cued else "CASE_ID"
    for m in NI_NUMBER_GROUPED.finditer(text):
        yield m.start(), m.end(), "NI_NUMBER"
    for m in NI_NUMBER_CUED.finditer(text):
        if NI_CUE.search(text[max(0, m.start() - 40) : m.start()]):
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
    for pattern in (POSTCODE, POSTCODE_LOOSE, POSTCODE_ANY_CASE):
        for m in pattern.finditer(text):
            yield m.start(), m.end(), "POSTCODE"
    for m in ADDRESS.finditer(text):
        start = m.start()
        number = re.search(r"\d", m.group())
        if number and number.start() > 0 and not HOUSE_NAME_PREFIX.match(m.group()):
            start += number.start()
        # "flat 6 Ingot House", "plot 9, Cowley Lane": the unit typed in lower case is part of it.
        unit = _UNIT_BEFORE.search(text, max(0, start - 12), start)
        if unit and start == m.start() + (number.start() if number else 0):
            start = unit.start()
        yield start, m.end(), "ADDRESS"
    for pattern in ADDRESS_EXTRA:
        for m in pattern.finditer(text):
            yield m.start("a"), m.end("a"), "ADDRESS"
    for pattern in ADDRESS_CHECKED:
        for m in pattern.finditer(text):
            checks = _ADDRESS_CHECKS[pattern]
            if _place_words(m.group("w").split(), strict=checks[0], any_word=checks[1]):
                yield m.start("a"), m.end("a"), "ADDRESS"
    for pattern in DATE_PATTERNS:
        for m in pattern.finditer(text):
            if m.group() != "10/10":  # a score out of ten, not the 10th of October
                yield m.start(), m.end(), "DATE"
    for pattern in DATE_CUED:
        for m in pattern.finditer(text):
            yield m.start("d"), m.end("d"), "DATE"
    yield from _case_ids(text)
    for m in SCHOOL.finditer(text):
        named_from = _trim_school(text, m.start(), m.end())
        if named_from is not None:
            yield named_from, m.end(), "SCHOOL"
    for m in SCHOOL_BY_SAINT.finditer(text):
        yield m.start("s"), m.end("s"), "SCHOOL"
    for m in SCHOOL_LOWER.finditer(text):
        # "her Eastby nursery", "the local Polish school": a kind of school in a place, not a name.
        owned = re.search(r"\b(?:her|his|their|our|my|your|a|an|local)\s+$", text[max(0, m.start() - 8) : m.start()])
        if not owned and _school_name_words(m.group("n").split()):
            yield m.start(), m.end(), "SCHOOL"


def _case_ids(text: str) -> Iterator[Candidate]:
    found = [(m.start(), m.end()) for pattern in CASE_ID_PATTERNS for m in pattern.finditer(text)]
    found += [(m.start("id"), m.end("id")) for cue in (CASE_ID_CUE, CASE_ID_WEAK_CUE) for m in cue.finditer(text)]
    for start, end in found:
        yield start, end, "CASE_ID"
        other = _ID_ALONGSIDE.match(text[end : end + 40])
        if other and _id_shape(other.group(1)) == _id_shape(text[start:end]):
            yield end + other.start(1), end + other.end(1), "CASE_ID"


def _place_words(words: list[str], *, strict: bool, any_word: bool) -> bool:
    """Whether capitalised words can name a street or a building, not a person, service or time.

    Unless ``any_word``, they must not start with a first name ("Flat 3, Sarah Jones said") nor
    hold an organisation word ("moved to The Family Centre");
    with ``strict`` they stand alone after a house number ("8 Kingsway"), so none of them may be
    a first name or an ordinary word that is no place name ("at 3 Leo arrived").
    """
    folded = [fold(w) for w in words]
    if any(w in FUNCTION_WORDS or w in DOMAIN_WORDS for w in folded):
        return False
    first_names = gazetteer()[0]
    if strict:
        english = english_words()
        return all(
            w not in first_names and w not in PLACE_NAMES and (w.lower() not in english or _PLACE_ENDING.search(w))
            for w in folded
        )
    return any_word or (folded[0] not in first_names and not any(w in ORG_WORDS for w in folded))


def _school_name_words(words: list[str]) -> bool:
    """Whether the words before a lower-case "primary" or "nursery" name one ("Greenhill", not "Polish")."""
    folded = [fold(w) for w in words if w not in ("St", "St.")]
    return bool(folded) and not any(
        w in FUNCTION_WORDS or w in DOMAIN_WORDS or w in PLACE_NAMES or w in SCHOOL_NOT_A_NAME or w in ORG_WORDS
        for w in folded
    )


def _id_shape(token: str) -> str:
    return re.sub(r"[A-Za-z]", "A", re.sub(r"\d", "9", token))


# Verbs that start a sentence before a school's name ("Attends Hillcrest Academy").
_LEADING_VERB = re.compile(
    r"(?:Attend(?:s|ed|ing)|Join(?:s|ed|ing)|Start(?:s|ed|ing)|Leav(?:es|ing)|Left|Rang|Told|Said|Sent|Asked|Via|Re|Per"
    r"|Visit(?:ed|ing)|Contact(?:ed|ing)|Phoned|Called|Emailed|Excluded|Moved|Referred|Informed|Transferred"
    r"|Enrolled|Collected|Dropped|Spoke|Met|Saw|Chased|Missed|Liaised|Updated|Inform|Ring|Call|Email|Contact)"
)


def _trim_school(text: str, start: int, end: int) -> int | None:
    """Drop leading generic words ("The", "Her") from a school match; None if nothing named is left."""
    words = list(re.finditer(r"\S+", text[start:end]))
    for i, word in enumerate(words[:-1]):
        w = word.group()
        if w not in SCHOOL_NOT_A_NAME and w not in FUNCTION_WORDS and not _LEADING_VERB.fullmatch(w):
            return start + words[i].start()
    return None


def _nhs_checksum_ok(number: str) -> bool:
    """Modulus-11 check digit, so an unspaced 10-digit number is called an NHS number only if valid."""
    digits = [int(c) for c in number if c.isdigit()]
    total = sum(d * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    check = 0 if check == 11 else check
    return check != 10 and check == digits[9]

"""Finding people's names: a gazetteer plus the cues case talk gives around a name.

A name is found when a capitalised run looks like one (a known first name, a known first
name and surname, a known surname after a title) or when the context says a person is
meant whatever the word ("Mrs X", "the X family", "X, 15,", "dad, X", "X (DOB ..."). Names
found that way are then propagated: every later bare "Leo" of a "Leo Hartley" is the same
person. Roles (child, parent, carer, professional) are read from the same cues.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from reporting.deid.letters import CAP, LOWER, MARK, MARKS, SMALL, UPPER, fold
from reporting.deid.lexicon import (
    ACRONYMS,
    CARER_CUES,
    CHILD_CUES,
    DOMAIN_WORDS,
    FUNCTION_WORDS,
    LOCAL_AUTHORITIES,
    NEVER_SINGLE_NAMES,
    ORG_SURNAMES,
    ORG_WORDS,
    PARENT_CUES,
    PERSON_CUES,
    PLACE_NAMES,
    PROFESSIONAL_CUES,
    STRONG_ORG_WORDS,
    TITLES,
    VIRTUE_NAMES,
    english_words,
    gazetteer,
)

# A capitalised word in any cased script: Leo, Zoë (or Zoe + combining diaeresis), Łukasz,
# Ellie-May, O'Brien, D’Souza, N'Golo, McDonald, MacDonald-Smith, al-Hassan, Abdul-Rahman.
# Possessive 's is not part of it. Look-ups use ``fold(word)``; offsets stay on the original.
_HYPHEN_PARTICLE = r"(?:al|el|ul|ibn|bin|abu|abd|ben|bint)-"
# An apostrophe only blocks a token inside a word ("O'Brien" gives no "Brien"); after a space
# it opens a quotation ("He wrote 'Leon knows'").
NAME_TOKEN = re.compile(
    rf"(?<![\w{MARKS}-])(?<![\w{MARKS}]['’])(?:[DNO]['’]|{_HYPHEN_PARTICLE})?{CAP}(?:{SMALL}{CAP}{SMALL}|{SMALL})"
    rf"(?:-(?:{_HYPHEN_PARTICLE})?{CAP}{SMALL})*(?![\w{MARKS}-])"
)
# Lower-case particles inside a name ("Maria de Souza", "Ruud van der Berg", "Omar bin Said",
# "Seán Ó Murchú"): they join the capitalised words around them into one name.
_PARTICLES = r"(?:de|da|das|dos|du|di|del|della|der|la|le|van|von|ter|ten|bin|binti|bint|ibn|ben|al|el|Ó|Ua)"
_PARTICLE_GAP = re.compile(rf" (?:{_PARTICLES} ){{1,2}}")
_PARTICLES_BEFORE = re.compile(rf"(?<![\w'’-])(?:{_PARTICLES} ){{1,2}}$")

NOT_NAME_WORDS = FUNCTION_WORDS | DOMAIN_WORDS
FAMILY_NOUNS = frozenset(
    [
        "family",
        "families",
        "children",
        "kids",
        "household",
        "home",
        "case",
        "siblings",
        "boys",
        "girls",
        "twins",
        "brothers",
        "sisters",
        "parents",
        "grandparents",
        "proceedings",
    ]
)
# An age, a school year or a date of birth right after a name: "Leo, 6,", "Leo (6yrs)",
# "Leo age 6", "Leo (m, 6)", "Leo (aged six)", "Leo, Year 6,", "Leo (born 2015)", "Leo (DOB ...".
# Only digit groups capture (the role reads the age from them); a worded age is a child's.
_WORDED_AGE = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen)"
)
AGE_AFTER = re.compile(
    r"^(?:,\s*|\s*\(\s*)(?:aged?\s*)?(\d{1,2})\s*"
    r"(?:\)|,|\s+(?:and|years?|yrs?|months?|weeks?)\b|(?:yo|y|yrs?|years?|m|mths?|months?|wks?|weeks?)\b|-year|"
    r"[.;]?\s*$)"
    r"|^(?:,\s*|\s+is\s+|\s+was\s+)an?\s+(?:[a-z]+\s+){0,3}?(\d{1,2})[- ](?:year|yr|month)s?[- ]old"
    r"|^,?\s*\(?\s*(?:DOB|[Dd]\.?[Oo]\.?[Bb]\.?)(?![a-z])"
    r"|^\s+aged?\s+(\d{1,2})\b|^,\s*who\s+is\s+(\d{1,2})\b"
    r"|^\s*\(\s*(?:[MFmf]|male|female|boy|girl)\s*[,/]\s*(\d{1,2})\b"
    rf"|^(?:,\s*|\s*\(\s*)(?:aged?\s+)?{_WORDED_AGE}(?:\s*\)|,|\s+(?:years?|months?|weeks?)\b)"
    r"|^(?:,\s*|\s*\(\s*)(?:[Yy]ear|[Yy]r|Y)\s?\d{1,2}\b"
    r"|^\s+(?:is|was)\s+(?:now\s+|only\s+)?(\d{1,2})(?:\s*(?:years?|yrs?|months?)\b|\s*[.,;)]|\s+(?:and|but|so)\b)"
    r"|^\s*\(\s*(?:born|b\.)\s*(?:in\s+)?(?:\d{1,2}[./-]\d{1,2}[./-])?20\d\d\b|^\s*\(\s*unborn\b"
)
# The age given just before the name: "a 2 yr old, Brooklyn Ward,", "the 14-year-old (Kai Lane)".
AGE_BEFORE = re.compile(
    r"\b(?:(?:\d{1,2}|" + _WORDED_AGE + r")[- ]?(?:years?|yrs?|months?|mths?|weeks?|wks?)[- ]?old|\d{1,2}\s?yo)"
    r"(?:\s+(?:boy|girl|child|baby|son|daughter|sibling|brother|sister))?\s*[,:(–-]?\s*$",
    re.I,
)
# Named as the holder of a role: "lists "Gav" as the SW", "Kez as her key worker".
AS_ROLE_AFTER = re.compile(
    r"^[\"”’']?\s+as\s+(?:the|his|her|their|a|an|our|my|your)\s+(?:allocated\s+|named\s+|new\s+|current\s+)?"
    r"((?:[\w-]+\s+)?[\w-]+)\b",
    re.I,
)
PARENT_AFTER = re.compile(
    r"^\s*(?:\(|,\s*)(?:the\s+|her\s+|his\s+|their\s+)?(?:birth\s+)?(mum|dad|mother|father|stepdad|stepmum|parent)\b(?!['’]s)",
    re.I,
)
ROLE_AFTER = re.compile(r"^\s*,\s*(?:the|our|my|their|her|his|a)\s+((?:[\w-]+\s+){0,3}?[\w-]+)\s*[,.)]", re.I)
# "(DOB ...", "(NHS ...", or a case number in brackets: records are opened for children.
# "Ms Amoako (maternal aunt)", "Charlie (foster carer)".
ROLE_IN_BRACKETS = re.compile(r"^\s*\(\s*((?:[\w'’-]+\s+){0,2}[\w'’-]+)\s*\)")
CHILD_AFTER = re.compile(r"^\s*,?\s*\(?\s*(?:DOB|NHS)\b|^\s*\(\s*[A-Z]{0,6}[-/]?\d{5,}")
# "Oluwaseun's mum", "X's placement": what only a person has.
PERSONAL_POSSESSION_AFTER = re.compile(
    r"^['’]s\s+(?:birth\s+|foster\s+|social\s+|allocated\s+|new\s+|own\s+)?(?:mum|dad|mother|father|parents?|"
    r"carers?|nan|gran|grandmother|grandfather|sister|brother|siblings?|aunt|uncle|partner|baby|son|daughter|"
    r"placement|pathway|worker|sw|plan|voice|views|wishes|bedroom|school|nursery|medication|birthday|"
    r"behaviour|presentation|file|case|contact|injur(?:y|ies)|disclosure|needs|teacher|class|friends?|boyfriend|"
    r"girlfriend|phone|mobile|room|flat|house|home|address|car|keyworker|key\s+worker|ehcp|bruis(?:e|es|ing)|account|attendance|statement|"
    r"allegation|safety|care|health|weight|diagnosis|stepdad|stepmum|cousin|grandparents)\b",
    re.I,
)
# "Précieuse and her brother", "Tadhg and his mum": only a person comes with relatives.
_AND_RELATIVE_AFTER = re.compile(
    r"^\s+(?:and|&|with)\s+(?:his|her|their)\s+(?:(?:little|big|older|younger|baby|twin|half|step|birth)[\s-])?"
    r"(?:mum|mother|dad|father|brother|sister|siblings?|twin|son|daughter|nan|gran|grandmother|grandfather|"
    r"aunt|auntie|uncle|cousin|stepdad|stepmum|partner|boyfriend|girlfriend|baby|friend)s?\b",
    re.I,
)
# "Dad (Gethin)", "mum (Ngozi)": a name given in brackets after a relation.
NAME_IN_BRACKETS_AFTER_ROLE = re.compile(
    r"\b(?:mum|dad|mother|father|carer|sibling|brother|sister|son|daughter|partner)\s*\(\s*$", re.I
)
_NOT_BROUGHT = (
    r"^\s+(?:(?:was|is|has\s+been)\s+not|wasn['’]t|isn['’]t)\s+brought\b"
    r"|^\s+(?:did\s+not|didn['’]t|does\s+not|doesn['’]t|has\s+not|hasn['’]t)\s+(?:attend|attended)\s+"
    r"(?:school|nursery|college|pre-?school|his|her|their|the\s+(?:appointment|clinic|session|dentist))\b"
)
# "Precious left the team", "Sky went off sick": a member of staff coming and going.
_STAFF_MOVES = (
    r"^\s+(?:has\s+|had\s+)?(?:left|joined)\s+(?:the|our|my|this|that|their)\s+"
    r"(?:team|service|department|authority|council|agency)\b"
    r"|^\s+(?:has\s+|had\s+)?(?:resigned|retired)\b"
    r"|^\s+(?:went|was|is|has\s+been|had\s+been)\s+(?:off\s+sick|signed\s+off|on\s+(?:maternity|sick|long-term\s+sick)\s+leave)\b"
    r"|^\s+(?:handed|has\s+handed|had\s+handed)\s+in\s+(?:her|his|their)\s+notice\b"
)
# "Mercy hit me": only a person strikes someone.
_STRUCK = (
    r"(?:hits?|punche[sd]|kick(?:s|ed)|slap(?:s|ped)|push(?:es|ed)|grab(?:s|bed)|bit(?:es)?|smack(?:s|ed)|"
    r"strangle[sd]|choke[sd]|threaten(?:s|ed))"
)
_STRUCK_AFTER = rf"^\s+{_STRUCK}\s+(?:me|him|her|them|us|mum|dad|his|their)\b"
# Only people do these: an unknown word (no dictionary word, no gazetteer name) before them
# is a name even at the start of a sentence ("Tadhg was seen alone", "pat said").
PERSON_VERB_AFTER = re.compile(
    r"^\s+(?:said|says|told|tells|asked|disclosed|explained|refused|agreed|denied|cried|shouted|screamed|"
    r"admitted|reported|replied|stated|wants|wanted|likes|loves|hates|feels|felt|seemed|appeared|presented|"
    r"(?:was|is|has\s+been|had\s+been)\s+(?:not\s+)?(?:seen|upset|crying|asleep|happy|sad|scared|quiet|angry|"
    r"distressed|withdrawn|missing|spoken|taken|placed|excluded|born|aged|\d|pregnant|arrested|interviewed|"
    r"visited|collected|settled|unwell|poorly|tired|hungry|in\s+(?:[Yy]ear|[Yy]r|[Rr]eception)))\b"
    # "was not brought" (to an appointment), "did not attend school": said of a child;
    # "hit me": of a person.
    rf"|{_NOT_BROUGHT}|{_STRUCK_AFTER}|{_STAFF_MOVES}"
    # "did not want to talk", "kept asking for his mum": wishes and pleas.
    r"|^\s+(?:did|does|would)\s*(?:not|n['’]t)\s+(?:(?:want|like)\s+(?:to|it|him|her|them|me)|speak|talk|engage|answer|eat|sleep)\b"
    r"|^\s+(?:kept|keeps|was|is)\s+(?:asking|crying|screaming|shouting|saying|begging)\b"
    # Where a child lives, learns and sleeps: "Tadhg lives with his nan", "Tadhg attends nursery".
    r"|^\s+(?:lives|lived|living|stays|stayed)\s+with\b|^\s+(?:attends|attended|goes\s+to|went\s+to)\s+"
    r"(?:school|nursery|college|pre-?school|playgroup|sixth\s+form)\b|^\s+(?:slept|sleeps|wet\s+the\s+bed)\b"
)
# Said only of a person, whatever the word before: enough for a name that is also an ordinary
# word ("Summer was not brought to clinic", "Sky disclosed", "King was arrested").
_HUMAN_ONLY_AFTER = re.compile(
    rf"{_NOT_BROUGHT}|{_STAFF_MOVES}|^\s+(?:was|has\s+been|had\s+been)\s+(?:excluded|arrested|born|interviewed)\b"
    r"|^\s+(?:disclosed|cried|screamed|slept|lives\s+with|lived\s+with)\b"
)
# Where one lives or sleeps: with a person ("staying with Nyakuoth", "left them with Auntie").
_LIVES_WITH_BEFORE = re.compile(
    r"\b(?:lives?|lived|living|stays?|stayed|staying|sleeps?|slept|sleeping|left\s+(?:him|her|them|the\s+\w+))"
    r"\s+with\s+$",
    re.I,
)
# "put Deji in a B&B", "placed Tadhg with foster carers": someone placed somewhere.
_PLACED_BEFORE = re.compile(r"\b(?:put|placed|moved|housed|rehoused|accommodated)\s+$", re.I)
_PLACED_IN_AFTER = re.compile(
    r"^\s+(?:in|into|with)\s+(?:a|an|the|emergency|temporary|foster|supported|respite|his|her|their)\b", re.I
)
# Verbs and phrases before a person ("I spoke to Tadhg", "a boy called Rhydian").
PERSON_CUE_BEFORE = re.compile(
    r"\b(?:spoke\s+(?:to|with)|speaking\s+(?:to|with)|talked\s+(?:to|with)|told|asked|rang|phoned|called|"
    r"texted|emailed|messaged|interviewed|named|saw|met\s+with|visit\s+to|seen\s+by|cc'?d|copied\s+in|"
    r"and\s+(?:his|her|their)\s+\w+|baby\s+of)\s+$",
    re.I,
)
# A lower-case first name as the subject of a verb ("mum said tyler was", "pat said") or
# after a speech cue ("spoke to kenny"); checked against the gazetteer and the dictionary.
LOWER_SUBJECT = re.compile(
    rf"(?<![\w'’{MARKS}-])({LOWER}(?:{LOWER}|{MARK}|['’-]){{2,}})(?=\s+(?:said|says|told|asked|disclosed|explained|refused|was|is|wants|"
    r"wanted|came|went|ran|left|lives|stayed|kicked|hit|punched|threw|cried|shouted|screamed|slept|started|"
    r"seemed|looked|needs|needed|has|had|did|didn['’]t|doesn['’]t|won['’]t|can['’]t|wouldn['’]t|keeps|kept|"
    # Notes drop the verb: "tyler-jay missing again", "kayleigh not home since fri".
    r"missing|not|isn['’]?t|wasn['’]?t|ain['’]?t|still|back|home|gone|staying|stayin)\b)"
)
# Lower-case words the name lists hold that notes use as words: drugs' street names, kin terms
# in community languages, slang ("selling charlie", "with amma", "the resi unit").
_LOWER_NOT_NAMES = frozenset(
    [
        "charlie",
        "mandy",
        "molly",
        "henny",
        "resi",
        "baba",
        "amma",
        "abba",
        "oma",
        "opa",
        "dede",
        "darl",
        "missy",
        "nonna",
    ]
)
LOWER_AFTER_CUE = re.compile(
    r"\b(?i:spoke\s+(?:to|with)|told|asked|rang|phoned|called|texted|seen|saw|visited|met|baby|mum|dad|nan|"
    # Text-speak: "spoke 2 jaxon", "said kayleigh not home".
    r"(?:spoke|spoken|talked|speak|chatted)\s+(?:2|w/)|said|says|"
    # "visit to demi", "stayed with kian", "child: amelia" (a record label, often in capitals).
    r"visit\s+to|with|for|from|about|(?:child|name|mother|father|sibling|subject|carer)\s*:|"
    r"gran|grandad|sister|brother|son|daughter|partner|boyfriend|girlfriend|stepdad|uncle|aunt|auntie|carer)\s+"
    rf"({LOWER}(?:{LOWER}|{MARK}|['’-]){{2,}})(?=['’]s\b|(?![\w'’{MARKS}-]))"
)
# "rang kacper's mum": a lower-case word owning what only a person has.
LOWER_POSSESSIVE = re.compile(rf"(?<![\w'’{MARKS}-])({LOWER}(?:{LOWER}|{MARK}|-){{2,}})(?=['’]s\s)")
# "jayden and tayo", "tayo, kian and mo": lower-case names joined to a found one.
_LOWER_BEFORE_AND = re.compile(rf"(?<![\w'’{MARKS}-])({LOWER}(?:{LOWER}|{MARK}|-){{2,}})(?:,|,?\s+(?:and|&))\s+$")
_LOWER_AFTER_AND = re.compile(rf"^(?:,|,?\s+(?:and|&))\s+({LOWER}(?:{LOWER}|{MARK}|-){{2,}})(?![\w'’{MARKS}-])")
# "rang dad (gary)": a lower-case first name in brackets after a relation, as in quick notes.
LOWER_IN_BRACKETS = re.compile(
    r"\b(?i:mum|dad|mother|father|carer|nan|gran|sibling|brother|sister|son|daughter|partner|boyfriend|girlfriend)"
    rf"\s*\(\s*({LOWER}(?:{LOWER}|{MARK}|['’-]){{1,}})\s*\)"
)
# "mrs okafor rang", "sw kerry visited": a title or a role's initials before a lower-case name.
LOWER_AFTER_TITLE = re.compile(
    rf"\b(?i:(mr|mrs|ms|miss|mx|dr)\.?|(sw|hv|pc|dc|ds|iro|tm|sgt))\s+({LOWER}(?:{LOWER}|{MARK}|-){{2,}})(?![\w'’{MARKS}-])"
)
_VERB_FORM = re.compile(r"(?:(?<!e)ed|said|says|made|told|gave)$")
# "known as 'Tink'", "nicknamed Bugsy", "calls herself Roxy": what follows is a (nick)name.
NICKNAME_BEFORE = re.compile(
    r"\b(?:(?:known\s+as|goes\s+by|aka|a\.k\.a\.)\s*[“\"‘']|(?:nicknamed|calls\s+(?:himself|herself|themselves)|call(?:s|ed)?\s+(?:him|her|them))\s*[“\"‘']?"
    # "a man called Spud", "a lad known as Tink": a person introduced by name, however ordinary the word.
    r"|(?:a|an|the|one|another)\s+(?:man|woman|male|female|lad|boy|girl|person|adult|friend|guy|bloke)\s+"
    r"(?:called|named|known\s+as|who\s+goes\s+by)\s*[“\"‘']?)$",
    re.I,
)
_AT_OR_IN_BEFORE = re.compile(r"\b(?:at|in)\s+$")
_SPEECH_AFTER = re.compile(r"^\s+(?:said|says|told|asked|disclosed|explained|refused)\b")
_DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an|his|her|their|my|our|your|this|no|any|some)\s+$", re.I)
# What follows a place or a service rather than a person ("Kirklees duty team", "Calderdale EDT");
# the acronym must be in capitals ("Kirklees MASH", not "Kowalczyk by phone").
_SERVICE_AFTER = re.compile(
    r"^\s+(?:(?-i:[A-Z]{2,})\b|(?:duty|youth|social|children['’]s|early|family|housing|health|police|council|team|"
    r"service|services|club|advocacy|project|charity|office|hub|staff|colleagues|school|nursery|college|"
    r"hospital|surgery|practice|centre|center|group|front|mash|edt|triage|safeguarding|reception)\b)",
    re.I,
)
_CLAUSE_END = re.compile(r"^\s*(?:[^\w\s]|$)")
# Endings of English place names; an unknown word with one needs more than a verb before it.
_PLACE_ENDING = re.compile(
    r"(?:dale|field|mere|ham|by|wick|ford|bury|borough|burgh|worth|stead|thorpe|port|mouth|minster|chester|"
    r"caster|pool|bridge|moor|wood|path|side|gate|lees|shire|ington|hurst|combe|holme|haven|well|stow|"
    r"cliffe|dean|den|stoke|ton|ley)$"
)

# Features of the land that end a place name: "Oxley Dale", "Thornton Heath", "Walton Bridge".
_LANDSCAPE_WORDS = frozenset(
    [
        "Dale",
        "Vale",
        "Moor",
        "Fell",
        "Heath",
        "Bridge",
        "Green",
        "Hill",
        "Wood",
        "Beck",
        "Gill",
        "Common",
        "Marsh",
        "Bottom",
        "Top",
        "End",
        "Head",
        "Cross",
        "Edge",
    ]
)

# What only a person has: "Chester's mum".
_KIN_POSSESSION_AFTER = re.compile(
    r"^['’]s\s+(?:mum|dad|mother|father|nan|gran|sister|brother|aunt|auntie|uncle|stepdad|stepmum|boyfriend|"
    r"girlfriend|foster\s+carers?|social\s+worker|teacher|bedroom)\b",
    re.I,
)
# Endings of Romanian, Polish, Ukrainian, Baltic, Balkan, Turkish and Greek surnames, which the
# gazetteer cannot list in all their spellings ("Vasilescu", "Vasilesku"; "Wróblewski").
_SURNAME_ENDING = re.compile(
    r"(?:escu|esku|escou|eanu|ski|cki|dzki|wicz|czyk|czak|enko|chuk|ović|ovic|ević|evic|auskas|"
    r"auskienė|auskiene|aitis|aitė|ienė|ytė|evičius|evicius|avičius|avicius|oğlu|oglu|opoulos|akis|idis)$"
)


def _foreign_surname_shape(word: str) -> bool:
    folded = fold(word)
    return (
        len(folded) >= 6
        and _SURNAME_ENDING.search(word) is not None
        and folded.lower() not in english_words()
        and folded not in PLACE_NAMES
        and folded not in LOCAL_AUTHORITIES
        and folded not in NOT_NAME_WORDS
    )


def _double_barrelled(word: str, first_names: frozenset[str], surnames: frozenset[str]) -> bool:
    """ "Fairweather-Lowe", "Osei-Bonsu": capitalised parts that are names or no English word, one
    at least no English word ("Walk-In", "Step-Down", "Multi-Agency" are all words)."""
    parts = word.split("-")
    if len(parts) < 2 or not all(p[:1].isupper() for p in parts):
        return False
    english = english_words()
    # "Co-Ordinator", "Re-Referral": a word written with a hyphen.
    if "".join(parts).lower() in english or word.lower() in english:
        return False
    return (
        all(p in surnames or p in first_names or p.lower() not in english for p in parts)
        and any(p.lower() not in english for p in parts)
        and not any(p in PLACE_NAMES or p in LOCAL_AUTHORITIES or p in NOT_NAME_WORDS or p in ORG_WORDS for p in parts)
    )


# Words that start the names of districts and villages ("North Elvet", "Lower Fenby"); no first
# name in use in UK case talk, though the gazetteer lists "North" and "West".
_PLACE_PREFIXES = frozenset(["North", "South", "East", "West", "Upper", "Lower", "Nether", "Great"])

# Verbs that follow a person as the subject ("Destiny moved", "Maisie told me").
SUBJECT_VERB_AFTER = re.compile(
    r"^\s+(?:told|said|says|asked|disclosed|explained|moved|went|came|rang|called|texted|was|is|has|had|"
    r"wants|wanted|refused|agreed|denied|returned|ran|left|arrived|stayed|lives|lived|attends|attended)\b"
)


@dataclass(frozen=True)
class Mention:
    """One occurrence of a person's name: where it is, the words, and the role its context gives."""

    start: int
    end: int
    words: tuple[str, ...]
    role: str  # CHILD, PARENT, CARER, PROFESSIONAL, FAMILY or PERSON
    titled: bool  # "Mrs Tesfaye": a surname behind a title names its own person


def find_name_mentions(text: str, blocked: Sequence[tuple[int, int]]) -> list[Mention]:
    """Names in ``text`` found from the gazetteer and context, outside the ``blocked`` ranges."""
    first_names, surnames, ambiguous = gazetteer()
    # "Ellie-May", "Tyler-Jay": a compound of first names is a first name.
    compounds = {_key(t) for t in NAME_TOKEN.finditer(text) if "-" in t.group()}
    compounds = {c for c in compounds if _compound_first_name(c.split("-"), first_names)}
    if compounds:
        first_names = first_names | compounds
    tokens = [m for m in NAME_TOKEN.finditer(text) if not _inside(m.start(), m.end(), blocked)]
    mentions: list[Mention] = []
    for chain in _chains(text, tokens):
        mentions.extend(_judge_chain(text, chain, first_names, surnames, ambiguous))
    mentions.extend(_lower_case_names(_lower_shouted(text), blocked, first_names))
    mentions = _capitalised_surnames(text, blocked, mentions, surnames)
    mentions.extend(_initials(text, [*blocked, *((m.start, m.end) for m in mentions)]))
    mentions.sort(key=lambda m: m.start)
    return _add_coordinated(text, blocked, mentions, first_names)


# Given names that are also months or modal verbs, so the gazetteer leaves them out; inside a
# compound of first names ("Ellie-May", "Lily-June") they are names.
_WORD_FIRST_NAMES = frozenset(["May", "Mae", "June", "April", "August", "Will", "Jan"])


def _compound_first_name(parts: Sequence[str], first_names: frozenset[str]) -> bool:
    return parts[0] in first_names and all(p in first_names or p in _WORD_FIRST_NAMES for p in parts[1:])


# A surname in capitals, as case-management systems print it: "Kerry JONES", "Mr O'BRIEN".
_CAPS_SURNAME = re.compile(rf"[ \t]({UPPER}{MARK}*(?:['’-]?{UPPER}{MARK}*)+)(?![\w{MARKS}'’-])")


_CLAUSE_GOES_ON = re.compile(r"^\s+(?:he|she|it|they|we|i|you|that|to|the|a|an|not|him|her|them|me|us)\b")


def _capitalised_surnames(
    text: str, blocked: Sequence[tuple[int, int]], mentions: list[Mention], surnames: frozenset[str]
) -> list[Mention]:
    """Extend a found name over a surname in capitals after it, and take one after a title.

    After a first name, an acronym is more often a role or service ("Sarah SW", "Leo CAMHS")
    than a surname, so only a known surname or a long word no dictionary knows is taken; and
    a surname that is an English word is not one when a clause runs on ("Leo SAID he ...").
    """
    english = english_words()
    found = []
    for mention in mentions:
        caps = _CAPS_SURNAME.match(text, mention.end)
        if caps and caps.group(1) not in ACRONYMS and not _inside(caps.start(1), caps.end(1), blocked):
            word = fold(caps.group(1).title())
            shouted = word.lower() in english and _CLAUSE_GOES_ON.match(text[caps.end(1) : caps.end(1) + 8])
            if (word in surnames and not shouted) or (
                len(word) >= 5
                and word.lower() not in english
                and word not in NOT_NAME_WORDS
                and re.search("[aeiouy]", word.lower()) is not None
                and _role_of_words([word.lower()]) is None
            ):
                mention = replace(mention, end=caps.end(1), words=(*mention.words, word))
        found.append(mention)
    for caps in _CAPS_SURNAME.finditer(text):
        start, end = caps.start(1), caps.end(1)
        word = fold(caps.group(1).title())
        if (
            (_titled(text, start) or re.search(r"\b(?:MR|MRS|MS|MISS|DR)\.?\s+$", text[max(0, start - 6) : start]))
            and caps.group(1) not in ACRONYMS
            and word not in NOT_NAME_WORDS
            and word not in TITLES
            and not _inside(start, end, blocked)
            and not any(m.start < end and start < m.end for m in found)
        ):
            found.append(Mention(start, end, (word,), _role(text, start, end), True))
    return found


# A person named by an initial behind a title: "Mrs K's case", "Mr B said" (not "Mr A. Nowak" or
# "Mr J Nowak", where the initial belongs to the surname after it).
_TITLED_INITIAL = re.compile(rf"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+({UPPER})(?![\w{MARKS}-])")
_NEXT_CAPITALISED = re.compile(rf"^\.?\s*({CAP}{SMALL})")
# A person written as initials, as staff do to keep a name out of a note: "JB is back living at
# the house", "mum's partner (DK)". Acronyms say things too ("IT said"), so only a relation before
# or after, or what only a person does (lives somewhere, is released, is arrested), makes one.
_INITIALS = re.compile(rf"(?<![\w{MARKS}&/.-])({UPPER}{{2,3}})(?![\w{MARKS}&/-]|['’](?:s|d)\b)")
# Capitals notes use that the acronym list lacks: "her son SEN support", "Dad DNA'd".
_NOT_INITIALS = frozenset(
    ["YP", "UK", "EU", "TV", "OK", "SEN", "DNA", "WFH", "IVF", "HGV", "RIP", "OCD", "HIV", "STI", "TB", "ID", "PE"]
)
_OWNED_RELATION_BEFORE = re.compile(
    r"\b(?:her|his|their|the|my|our|your|\w+['’]s)\s+(?:new\s+|ex-?\s*|birth\s+|step-?)?"
    r"(?:partner|boyfriend|girlfriend|husband|wife|dad|father|mum|mother|stepdad|stepfather|stepmum|uncle|aunt|"
    r"auntie|cousin|brother|sister|son|daughter|grandad|grandfather|nan|gran|grandmother|lodger|friend|neighbour|"
    r"fella|bloke)\s*,?\s*$",
    re.I,
)
_INITIALS_PERSON_AFTER = re.compile(
    r"^\s+(?:(?:is|was|has\s+been|had\s+been)\s+(?:back\s+|now\s+|still\s+|currently\s+)?"
    r"(?:living|staying|sleeping|released|arrested|remanded|charged|bailed)"
    r"|lives|moved\s+(?:back\s+)?in|came\s+out\s+of\s+prison|got\s+out)\b"
)
_KIN_ROLES = frozenset(["PARENT", "CARER", "PERSON"])


def _initials(text: str, blocked: Sequence[tuple[int, int]]) -> list[Mention]:
    """People written as initials: one letter behind a title, or two or three capitals that a
    relation or a person's doings mark as someone; every other use of the same initials goes too."""
    found = []
    for m in _TITLED_INITIAL.finditer(text):
        surname = _NEXT_CAPITALISED.match(text[m.end(1) : m.end(1) + 30])
        if surname and fold(surname.group(1)) not in NOT_NAME_WORDS:
            continue
        if not _inside(m.start(1), m.end(1), blocked):
            found.append(Mention(m.start(1), m.end(1), (m.group(1),), _role(text, m.start(1), m.end(1)), True))
    english = english_words()
    confirmed = set()
    for m in _INITIALS.finditer(text):
        word, start, end = m.group(1), m.start(1), m.end(1)
        if word in ACRONYMS or word.lower() in english or word in _NOT_INITIALS:
            continue
        after = text[end : end + 50]
        # "(dad)", ", her partner,": a relation in brackets or apposition ("DKA, mum not
        # collecting" is a diagnosis and a new clause).
        # "her partner JB", "mum's boyfriend (DK)": a relation with its owner; a bare "Dad DNA'd",
        # "nan WFH today" is a note's shorthand.
        relation = (
            _OWNED_RELATION_BEFORE.search(text[max(0, start - 40) : start]) is not None
            or NAME_IN_BRACKETS_AFTER_ROLE.search(text[max(0, start - 20) : start]) is not None
        ) or (_role_in_apposition(text, end) and _role(text, start, end) in _KIN_ROLES)
        if relation or _INITIALS_PERSON_AFTER.match(after) or _HUMAN_ONLY_AFTER.match(after):
            confirmed.add(word)
    for m in _INITIALS.finditer(text):
        start, end = m.start(1), m.end(1)
        if m.group(1) in confirmed and not _inside(start, end, blocked):
            found.append(Mention(start, end, (m.group(1),), _role(text, start, end), False))
    return found


_SHOUTED_WORD = re.compile(rf"(?<![\w{MARKS}])({UPPER}{MARK}*(?:['’-]?{UPPER}{MARK}*)+)(?![\w{MARKS}])")


def _lower_shouted(text: str) -> str:
    """``text`` with words in capitals lowered ("DAD JORDAN WAS DRUNK"), offsets kept, so the
    cue-bound rules for names typed in lower case read them too; acronyms of the trade stay."""

    def lower(m: re.Match[str]) -> str:
        word = m.group()
        low = word.lower()
        return low if len(low) == len(word) and word not in ACRONYMS else word

    return _SHOUTED_WORD.sub(lower, text)


def _lower_case_names(text: str, blocked: Sequence[tuple[int, int]], first_names: frozenset[str]) -> list[Mention]:
    """First names typed in lower case, trusted only where a verb or a cue says a person is meant."""
    english = english_words()
    found: dict[int, Mention] = {}
    candidates = [(m, "subject") for m in LOWER_SUBJECT.finditer(text)]
    candidates += [(m, "cue") for m in LOWER_AFTER_CUE.finditer(text)]
    candidates += [(m, "brackets") for m in LOWER_IN_BRACKETS.finditer(text)]
    candidates += [
        (m, "possessive")
        for m in LOWER_POSSESSIVE.finditer(text)
        if PERSONAL_POSSESSION_AFTER.match(text[m.end(1) : m.end(1) + 40])
    ]
    surnames = gazetteer()[1]
    for m in LOWER_AFTER_TITLE.finditer(text):
        word = m.group(3)
        name = fold(word.capitalize())
        ordinary = fold(word) in english
        known = (name in first_names or name in surnames) and not (ordinary and _VERB_FORM.search(word))
        # After "mrs" any surname ("mrs hill", not "dr said"); after "sw" only a name no
        # dictionary knows; an unknown word needs to be no English word either way.
        if (known and (m.group(1) or not ordinary)) or (not ordinary and len(word) >= 4):
            start = m.start(3)
            if start not in found and name not in NOT_NAME_WORDS and not _inside(start, m.end(3), blocked):
                titled = m.group(1) is not None
                found[start] = Mention(start, m.end(3), (name,), _role(text, start, m.end(3)), titled)
    for m, evidence in candidates:
        start, end = m.start(1), m.end(1)
        word = m.group(1)
        name = _lower_to_name(word)
        if (
            start in found
            or word in _LOWER_NOT_NAMES
            or not _is_first_name(name, first_names)
            or name in NOT_NAME_WORDS
            or name in TITLES
            or _role_of_words([word]) is not None
            or _inside(start, end, blocked)
            or _DETERMINER_BEFORE.search(text[max(0, start - 8) : start])
        ):
            continue
        # "pat said": an ordinary word needs the start of a sentence and a verb of speech.
        spoken = evidence == "subject" and _sentence_initial(text, start) and _SPEECH_AFTER.match(text[end : end + 15])
        if fold(word) in english and not spoken and evidence != "brackets":
            continue
        found[start] = Mention(start, end, (name,), _role(text, start, end), False)
    # "seen jayden and tayo": a first name no dictionary knows, listed with a found one.
    todo = list(found.values())
    while todo:
        mention = todo.pop()
        before = _LOWER_BEFORE_AND.search(text[max(0, mention.start - 30) : mention.start])
        after = _LOWER_AFTER_AND.match(text[mention.end : mention.end + 30])
        spans = []
        if before:
            offset = max(0, mention.start - 30)
            spans.append((offset + before.start(1), offset + before.end(1)))
        if after:
            spans.append((mention.end + after.start(1), mention.end + after.end(1)))
        for start, end in spans:
            word = text[start:end]
            name = _lower_to_name(word)
            if (
                start not in found
                and _is_first_name(name, first_names)
                and fold(word) not in english
                and name not in NOT_NAME_WORDS
                and _role_of_words([word]) is None
                and not _inside(start, end, blocked)
            ):
                found[start] = Mention(start, end, (name,), mention.role, False)
                todo.append(found[start])
    return list(found.values())


def _lower_to_name(word: str) -> str:
    """ "ruby-mae" gives "Ruby-Mae", as the gazetteer spells it."""
    return "-".join(fold(part.capitalize()) for part in word.split("-"))


def _is_first_name(name: str, first_names: frozenset[str]) -> bool:
    return name in first_names or ("-" in name and _compound_first_name(name.split("-"), first_names))


# Joined by "and", "&" or the comma of a list ("Oakley, Brooklyn and Harlow").
_BEFORE_AND = re.compile(rf"(?<![\w'’{MARKS}-])({CAP}{SMALL}(?:-{CAP}{SMALL})*)(,|,?\s+(?:and|&))\s+$")
_AFTER_AND = re.compile(rf"^(,|,?\s+(?:and|&))\s+({CAP}{SMALL}(?:-{CAP}{SMALL})*)(?![\w{MARKS}-])")


def _add_coordinated(
    text: str, blocked: Sequence[tuple[int, int]], mentions: list[Mention], first_names: frozenset[str]
) -> list[Mention]:
    """A first name joined by "and" to a found name is a name too ("Mark and Janet Dyson").

    A bare comma is weaker evidence ("Leo, Will you sit down", "Kerry, Preston and Leeds"):
    it joins no word that is too common as an ordinary word, or a place, to be a name alone.
    """
    found = list(mentions)
    todo = list(mentions)
    while todo:
        mention = todo.pop()
        candidates = []
        before = _BEFORE_AND.search(text[max(0, mention.start - 40) : mention.start])
        if before:
            offset = max(0, mention.start - 40)
            candidates.append((offset + before.start(1), offset + before.end(1), before.group(2)))
        after = _AFTER_AND.match(text[mention.end : mention.end + 40])
        if after:
            candidates.append((mention.end + after.start(2), mention.end + after.end(2), after.group(1)))
        for start, end, joiner in candidates:
            word = fold(text[start:end])
            if (
                (word in first_names or _unlisted_name_shape(text, start, end))
                and word not in NOT_NAME_WORDS
                and (joiner != "," or word not in NEVER_SINGLE_NAMES | PLACE_NAMES | LOCAL_AUTHORITIES)
                and not _inside(start, end, blocked)
                and not any(m.start < end and start < m.end for m in found)
            ):
                role = _role(text, start, end)
                new = Mention(start, end, (word,), mention.role if role == "PERSON" else role, _titled(text, start))
                found.append(new)
                todo.append(new)
    found.sort(key=lambda m: m.start)
    # "foster carers Mark and Janet Dyson": both share the role the cue gives the first.
    for _ in range(2):
        for i in range(len(found) - 1):
            left, right = found[i], found[i + 1]
            if text[left.end : right.start].strip() in ("and", "&") and (left.role == "PERSON") != (
                right.role == "PERSON"
            ):
                role = right.role if left.role == "PERSON" else left.role
                found[i], found[i + 1] = replace(left, role=role), replace(right, role=role)
    return found


def _unlisted_name_shape(text: str, start: int, end: int) -> bool:
    """Whether a capitalised word no list knows could be a name ("Abdiwali, Mwajuma and Thuy"):
    no dictionary word, place, authority or organisation, and no organisation word after it."""
    word = fold(text[start:end])
    following = _next_word(text, end)
    return (
        len(word) >= 3
        and word.lower() not in english_words()
        and word not in PLACE_NAMES
        and word not in LOCAL_AUTHORITIES
        and word not in ORG_WORDS
        and _PLACE_ENDING.search(word.lower()) is None
        and following not in ORG_WORDS
        and following.capitalize() not in STRONG_ORG_WORDS
    )


# A word all in lower case or all in capitals: "tadhg said", "JONES".
_ONE_CASE_WORD = re.compile(
    rf"(?<![\w'’{MARKS}-])(?:{LOWER}(?:{LOWER}|{MARK}){{2,}}|{UPPER}(?:{UPPER}|{MARK}){{2,}})(?![\w{MARKS}-])"
)


def propagate(text: str, blocked: Sequence[tuple[int, int]], aliases: Iterable[str]) -> list[Mention]:
    """Every occurrence of an already-known name word, as a mention (role from context).

    Capitalised occurrences always count; one typed in lower case or in capitals ("tadhg",
    "OKAFOR") counts when the word is no English word and no acronym of the trade.
    """
    known = frozenset(aliases) - NOT_NAME_WORDS
    if not known:
        return []
    english = english_words()
    found = []
    for m in NAME_TOKEN.finditer(text):
        word = fold(m.group())
        if _inside(m.start(), m.end(), blocked):
            continue
        if word in known:
            found.append(
                Mention(m.start(), m.end(), (word,), _role(text, m.start(), m.end()), _titled(text, m.start()))
            )
        elif _plural_of_known(text, m, known, english):
            # "Stacey Whitmore ... the Whitmores were visited": the household of a known name.
            found.append(Mention(m.start(), m.end(), (word,), "FAMILY", False))
    for m in _ONE_CASE_WORD.finditer(text):
        word = fold(m.group()).capitalize()
        if (
            word in known
            and word.lower() not in english
            and m.group() not in ACRONYMS
            and not _inside(m.start(), m.end(), blocked)
        ):
            found.append(
                Mention(m.start(), m.end(), (word,), _role(text, m.start(), m.end()), _titled(text, m.start()))
            )
    return sorted(found, key=lambda m: m.start)


def _plural_of_known(text: str, token: re.Match[str], known: frozenset[str], english: frozenset[str]) -> bool:
    """ "Whitmores" for a known "Whitmore"; an English-word stem needs "the" before ("the Greens")."""
    word = fold(token.group())
    stem = next((w for w in (word[:-1], word[:-2]) if word.endswith("s") and w in known), None)
    if stem is None:
        return False
    return (
        stem.lower() not in english
        or re.search(r"\bthe\s+$", text[max(0, token.start() - 5) : token.start()], re.I) is not None
    )


def _key(token: re.Match[str]) -> str:
    """The word a token is looked up (and matched to other mentions) by: "Zoë" gives "Zoe"."""
    return fold(token.group())


def _particle_start(text: str, start: int) -> int:
    """Where "Mrs de Souza" starts for the name "Souza": particles after a title belong to the name."""
    window = text[max(0, start - 16) : start]
    particles = _PARTICLES_BEFORE.search(window)
    if particles is None:
        return start
    begin = start - len(window) + particles.start()
    return begin if _titled(text, begin) else start


def _inside(start: int, end: int, ranges: Sequence[tuple[int, int]]) -> bool:
    return any(start < r_end and r_start < end for r_start, r_end in ranges)


def _chains(text: str, tokens: list[re.Match[str]]) -> Iterable[list[re.Match[str]]]:
    """Runs of capitalised words separated by single spaces ("Ellie-May Grant", "Mrs Tesfaye")."""
    chain: list[re.Match[str]] = []
    for token in tokens:
        gap = text[chain[-1].end() : token.start()] if chain else ""
        if chain and (gap == " " or _PARTICLE_GAP.fullmatch(gap)):
            chain.append(token)
            continue
        if chain:
            yield chain
        chain = [token]
    if chain:
        yield chain


def _judge_chain(
    text: str,
    chain: list[re.Match[str]],
    first_names: frozenset[str],
    surnames: frozenset[str],
    ambiguous: frozenset[str],
) -> list[Mention]:
    # A chain holding an organisation or place word ("Leeds City Council") is no person.
    # "Evie Chambers" and "Jo Hall" are people, though Chambers and Hall are also organisation
    # words: a surname-like last word after a first name is kept unless it is a street or service.
    # In a job title ("Team Manager Gill Foster", "School Nurse Bernie") the word names no place.
    # After a title, or with an age or relation after it, a surname-like last word is a surname
    # ("Mrs Lane", "Evie Lane (6)", "Kerry Court (mum)").
    end = chain[-1].end()
    personal = (
        _key(chain[0]) in TITLES
        or _titled(text, chain[0].start())
        or AGE_AFTER.search(text[end : end + 45]) is not None
        or AGE_BEFORE.search(text[max(0, chain[0].start() - 30) : chain[0].start()]) is not None
        or PARENT_AFTER.search(text[end : end + 30]) is not None
    )
    org_at = [
        i
        for i, t in enumerate(chain)
        if _key(t) in ORG_WORDS
        and not (
            i == len(chain) - 1
            and i > 0
            and _key(t) in surnames
            and _key(t) not in STRONG_ORG_WORDS
            and _key(chain[i - 1]) in first_names
        )
        and not (i + 1 < len(chain) and _key(chain[i + 1]).lower() in PROFESSIONAL_CUES)
        and not (personal and i == len(chain) - 1 and i > 0 and _key(t) in ORG_SURNAMES)
    ]
    following = _next_word(text, chain[-1].end())
    # "took Reece home": a lower-case "home" is where a person goes, not part of a name.
    if org_at or following in ORG_WORDS or (following != "home" and following.capitalize() in STRONG_ORG_WORDS):
        return []
    # "Will said", "May told me": a modal or a month is never the subject of a verb of speech.
    if (
        len(chain) == 1
        and _key(chain[0]) in _WORD_FIRST_NAMES
        and _SPEECH_AFTER.match(text[end : end + 15])
        and not _DETERMINER_BEFORE.search(text[max(0, chain[0].start() - 8) : chain[0].start()])
        and _DATE_BEFORE.search(text[max(0, chain[0].start() - 12) : chain[0].start()]) is None
    ):
        return [Mention(chain[0].start(), end, (_key(chain[0]),), _role(text, chain[0].start(), end), False)]
    # Split at words that are never names; the word before a part is a cue for it ("Baby Isla").
    parts: list[list[re.Match[str]]] = [[]]
    for i, token in enumerate(chain):
        if (
            (_key(token) in NOT_NAME_WORDS or _key(token) in TITLES)
            and not _month_as_name(text, chain, i, surnames)
            and not _role_word_as_surname(text, chain, i, first_names)
        ):
            parts.append([])
        else:
            parts[-1].append(token)
    mentions = []
    for part in parts:
        # Drop a leading verb or noun that merely starts the sentence ("Rang Sandra Okafor").
        # "Blodwen Llewellyn" keeps its unknown first word: only an ordinary word is dropped,
        # and never a month or modal that starts a name here ("May Chen was seen").
        english = english_words()
        while (
            len(part) >= 2
            and not _month_as_name(text, part, 0, surnames)
            and _key(part[0]) not in first_names
            and _key(part[0]) not in surnames
            # "South Fenwold said": a compass word opening a sentence is part of the place.
            and _key(part[0]) not in _PLACE_PREFIXES
            and (_key(part[1]) in first_names or _sentence_initial(text, part[0].start()))
            and (_key(part[0]).lower() in english or _key(part[0]) in PLACE_NAMES)
        ):
            part = part[1:]
        if not part or len(part) > 3:
            continue
        mention = _judge_part(text, part, first_names, surnames, ambiguous)
        if mention is not None:
            mentions.append(mention)
    return mentions


_NAME_MONTHS = frozenset(["Jan", "April", "May", "June", "August"])
_DATE_BEFORE = re.compile(
    r"(?:\d|\b(?:in|on|of|since|until|till|by|from|during|last|next|this|early|late|mid|end|before|after|"
    r"throughout|between|and|or|to))\W*$",
    re.I,
)


def _month_as_name(text: str, chain: list[re.Match[str]], i: int, surnames: frozenset[str]) -> bool:
    """Whether a month that is also a first name starts a name here ("inspector Jan Pike").

    Only before a known surname, and never where a date reads ("4 June", "in May Smith moved").
    """
    token = chain[i]
    # "Will Okafor": the modal only before a surname no dictionary knows ("Will Green attend?").
    will = _key(token) == "Will" and i + 1 < len(chain) and _key(chain[i + 1]).lower() not in english_words()
    return (
        (_key(token) in _NAME_MONTHS or will)
        and i + 1 < len(chain)
        and _key(chain[i + 1]) in surnames
        and not re.match(r"^\W*\d", text[chain[i + 1].end() : chain[i + 1].end() + 4])
        and _DATE_BEFORE.search(text[max(0, token.start() - 12) : token.start()]) is None
    )


# Words of the trade that are also common surnames.
_SURNAME_ROLE_WORDS = frozenset(["Foster", "Judge", "Constable", "Lord"])
_CARE_NOUN_AFTER = re.compile(
    r"^\s+(?:carers?|care|placements?|parents?|family|home|agency|panel|team|mum|dad)\b", re.I
)


def _role_word_as_surname(text: str, chain: list[re.Match[str]], i: int, first_names: frozenset[str]) -> bool:
    """Whether "Foster" in "Gill Foster agreed" is her surname, not "foster carer"."""
    token = chain[i]
    return (
        _key(token) in _SURNAME_ROLE_WORDS
        and i == len(chain) - 1
        and i > 0
        and (_key(chain[i - 1]) in first_names or _key(chain[i - 1]) in gazetteer()[2])
        and _CARE_NOUN_AFTER.match(text[token.end() : token.end() + 20]) is None
    )


def _judge_part(
    text: str,
    part: list[re.Match[str]],
    first_names: frozenset[str],
    surnames: frozenset[str],
    ambiguous: frozenset[str],
) -> Mention | None:
    start, end = _particle_start(text, part[0].start()), part[-1].end()
    # "the Herbert Protocol", "her Philomena grab pack": a scheme named after someone, not a person here.
    if len(part) == 1 and _SCHEME_AFTER.match(text[end : end + 15]):
        return None
    words = tuple(_key(t) for t in part)
    head, tail = words[0], words[-1]
    titled = _titled(text, start)
    strong_cue = (
        titled
        or AGE_AFTER.search(text[end : end + 45]) is not None
        or AGE_BEFORE.search(text[max(0, start - 30) : start]) is not None
        or _role_word_before(text, start) is not None
        or _family_noun_after(text, start, end)
        # "Trần Văn Minh (dad)": a relation given right after a run of capitalised words.
        or (len(words) >= 2 and PARENT_AFTER.search(text[end : end + 30]) is not None)
        # "Frank, the maternal grandfather,", "Rose (foster carer)": a role in apposition. Only
        # for one word: a run before one is as often a service ("Sure Start, our partner,").
        or (len(words) == 1 and _role_in_apposition(text, end))
        # "Dad (Jordan)", "mum (Chelsea)": a name in brackets after a relation, whatever the word.
        or (
            NAME_IN_BRACKETS_AFTER_ROLE.search(text[max(0, start - 20) : start]) is not None
            and re.match(r"^\s*\)", text[end : end + 3]) is not None
        )
    )
    if len(words) >= 2:
        # A month or "Will" heads a part only where it starts a name ("May Chen"): see the split.
        head_first = head in first_names or head in _WORD_FIRST_NAMES
        tail_surname = tail in surnames or tail in _SURNAME_ROLE_WORDS
        tail_name = tail_surname or tail in first_names
        english = english_words()
        # Words no dictionary and no place list knows ("Anwen Prydderch") read as a name.
        unknown_shape = all(
            w.lower() not in english and w not in PLACE_NAMES and w.removesuffix("s") not in PLACE_NAMES for w in words
        )
        # A double-barrelled surname ("Okonjo-Adebayo") after a capitalised word is a name.
        double_barrelled = "-" in tail and head not in ambiguous and head not in PLACE_NAMES
        # "Hope Nkemelu": a virtue name before a word no dictionary or place list knows (not
        # "Summer Fayre", "Royal Brompton": seasons and titles are left to the other rules).
        virtue_name = (
            head in VIRTUE_NAMES
            and tail.lower() not in english
            and tail not in PLACE_NAMES
            and tail not in LOCAL_AUTHORITIES
        )
        # "Nguyen Van Minh", "Zhang Wei": the family name first, as Vietnamese and Chinese
        # names are written; both ends must be names no dictionary knows.
        family_name_first = (
            head in surnames
            and tail in first_names
            and head not in ambiguous
            and head.lower() not in english
            and tail.lower() not in english
        )
        is_name = (
            (head_first and (tail_name or virtue_name or head not in NEVER_SINGLE_NAMES))
            or (tail_surname and head not in ambiguous)
            or family_name_first
            or double_barrelled
            or strong_cue
            or unknown_shape
        )
        # Two ordinary English words ("Rose Hill", "Will Young") need a cue, unless they read
        # as a first name and a surname ("Bob Smith").
        if head in ambiguous and tail in ambiguous and not strong_cue:
            is_name = head_first and tail_surname and not (head in NEVER_SINGLE_NAMES and tail in NEVER_SINGLE_NAMES)
        # A place before a word that is no surname is a place ("Chester Zoo").
        if head in PLACE_NAMES and tail not in surnames and not strong_cue:
            is_name = False
        # "North Elvet", "Upper Marsham": a compass or height word heads a place, not a person.
        if head in _PLACE_PREFIXES and not strong_cue:
            is_name = False
        # "Oxley Dale", "Thornton Heath": a word shaped like a place name that is no first name,
        # before a word for a feature of the land, is a place, even as "the Oxley Dale family".
        if (
            len(words) == 2
            and head not in first_names
            and _PLACE_ENDING.search(head) is not None
            and tail in _LANDSCAPE_WORDS
            and not (titled or AGE_AFTER.search(text[end : end + 45]) or PARENT_AFTER.search(text[end : end + 30]))
            # "Kingsley Hill said", "spoke to Ripley Green": what only a person does keeps the name.
            and SUBJECT_VERB_AFTER.match(text[end : end + 20]) is None
            and PERSON_VERB_AFTER.match(text[end : end + 40]) is None
            and PERSON_CUE_BEFORE.search(text[max(0, start - 25) : start]) is None
        ):
            is_name = False
    else:
        possessive = text[end : end + 2] in ("'s", "’s")
        mid_sentence = not _sentence_initial(text, start)
        if head in first_names:
            if head in PLACE_NAMES or head in LOCAL_AUTHORITIES:
                # "Chester was excluded", "Harlow and her mum": what no town does or has.
                is_name = strong_cue or (
                    (
                        _HUMAN_ONLY_AFTER.match(text[end : end + 50]) is not None
                        or _AND_RELATIVE_AFTER.match(text[end : end + 40]) is not None
                        or _KIN_POSSESSION_AFTER.match(text[end : end + 20]) is not None
                    )
                    and not _DETERMINER_BEFORE.search(text[max(0, start - 8) : start])
                )
            elif head in NEVER_SINGLE_NAMES:
                # "Hope told me", "Will said", "Hope and her brother": the word as the speaker
                # of a verb of speech, or with relatives, is a name.
                # A virtue name ("Hope has been excluded") also by what only people do.
                is_name = strong_cue or (
                    (
                        _SPEECH_AFTER.match(text[end : end + 15]) is not None
                        or _AND_RELATIVE_AFTER.match(text[end : end + 40]) is not None
                        or (head in VIRTUE_NAMES and PERSON_VERB_AFTER.match(text[end : end + 40]) is not None)
                        or _HUMAN_ONLY_AFTER.match(text[end : end + 50]) is not None
                    )
                    and not _DETERMINER_BEFORE.search(text[max(0, start - 8) : start])
                )
            elif head in ambiguous:
                is_name = (
                    strong_cue
                    or mid_sentence
                    or possessive
                    or _AND_RELATIVE_AFTER.match(text[end : end + 40]) is not None
                )
            else:
                is_name = True
        elif head in surnames and head.lower() in english_words():
            # "Green", "Hill": an ordinary word needs a cue; "Okafor" is weighed like an unknown word.
            is_name = strong_cue
        elif _plural_family(text, start, end, surnames):
            is_name = True
        else:
            # An unknown word is a name only where the context leaves no doubt.
            is_name = (
                titled
                or _family_noun_after(text, start, end)
                # "Priority (2)", "Risk is 8,": an ordinary word with a number is no child.
                or (
                    head not in LOCAL_AUTHORITIES
                    and head.lower() not in english_words()
                    and AGE_AFTER.search(text[end : end + 45]) is not None
                )
                or (head not in LOCAL_AUTHORITIES and PERSONAL_POSSESSION_AFTER.match(text[end : end + 40]) is not None)
                or _AND_RELATIVE_AFTER.match(text[end : end + 40]) is not None
                or NAME_IN_BRACKETS_AFTER_ROLE.search(text[max(0, start - 20) : start]) is not None
                or NICKNAME_BEFORE.search(text[max(0, start - 30) : start]) is not None
                or (
                    head.lower() not in english_words()
                    and head not in PLACE_NAMES
                    and head not in LOCAL_AUTHORITIES
                    and _as_role_after(text, end)
                )
                or (head in surnames and _INITIAL_BEFORE.search(text[max(0, start - 4) : start]) is not None)
                # "Maguire (grandad)", "Nwankwo, the stepdad,": a relation or role in apposition.
                or (
                    (head in surnames or head.lower() not in english_words())
                    and head not in PLACE_NAMES
                    and head not in LOCAL_AUTHORITIES
                    and head not in ORG_WORDS
                    and _role_noun_in_apposition(text, end)
                )
                # "spoke to Fairweather-Lowe", "Osei-Bonsu family": a double-barrelled surname.
                or _double_barrelled(head, first_names, surnames)
                # "Vasilescu", "Wróblewski", "Kazlauskienė": a surname by its ending, not in any list.
                # ("flew to Alaska": not where a place is gone to or from).
                or (
                    _foreign_surname_shape(head)
                    and not re.search(r"\b(?:to|from|in|into|at|via|near)\s+$", text[max(0, start - 6) : start], re.I)
                )
            )
            # "Child: Ozzy", "Father - Bogumił": a role as the label of a record field.
            labelled = re.search(r"[:–-]\s*$", text[max(0, start - 3) : start]) is not None
            is_name = (
                is_name
                or (
                    head not in PLACE_NAMES
                    and head not in LOCAL_AUTHORITIES
                    and (
                        (
                            (mid_sentence or labelled)
                            and _role_word_before(text, start) is not None
                            # "Neighbourhood Inspector, Eastby." opening a report: the writer's role and
                            # where they work, a sign-off rather than a name.
                            and not _sign_off(text, start, end)
                            # "Marcus Oyelaran (TM, Garthwaite)": a named person's role and base.
                            and not _role_and_base(text, start, end)
                            # "Legal Gateway", "Duty Desk": a role word in title case before an
                            # ordinary word names a service ("DS Farrow" is a person).
                            and not (
                                head.lower() in english_words()
                                and _TITLE_CASE_WORD_BEFORE.search(text[max(0, start - 20) : start]) is not None
                            )
                        )
                        or (
                            mid_sentence
                            and head.lower() not in english_words()  # "Sure Start ran the group"
                            and SUBJECT_VERB_AFTER.match(text[end : end + 20]) is not None
                            and not _DETERMINER_BEFORE.search(text[max(0, start - 8) : start])
                            # "the unit at Eastbrook has closed": at or in, it is a place.
                            and not _AT_OR_IN_BEFORE.search(text[max(0, start - 4) : start])
                        )
                    )
                )
            )
            # "stayed with Nyakuoth overnight": one lives and sleeps with people, not places;
            # "I put Deji in a B&B": one places people somewhere.
            is_name = is_name or (
                _unlisted_name_shape(text, start, end)
                and (
                    _LIVES_WITH_BEFORE.search(text[max(0, start - 25) : start]) is not None
                    or (
                        _PLACED_BEFORE.search(text[max(0, start - 15) : start]) is not None
                        and _PLACED_IN_AFTER.match(text[end : end + 25]) is not None
                    )
                )
            )
            # A word no dictionary knows, doing what only people do ("Tadhg was seen alone",
            # "I spoke to Tadhg").
            is_name = (
                is_name
                or (
                    head.lower() not in english_words()
                    and head not in PLACE_NAMES
                    and head not in LOCAL_AUTHORITIES
                    and (
                        # "The Xbox was taken": a thing after a determiner; "the officer at
                        # Wharfmoor asked us": the subject is before the place.
                        (
                            PERSON_VERB_AFTER.match(text[end : end + 40]) is not None
                            and not _DETERMINER_BEFORE.search(text[max(0, start - 8) : start])
                            and not _AT_OR_IN_BEFORE.search(text[max(0, start - 4) : start])
                        )
                        or (
                            PERSON_CUE_BEFORE.search(text[max(0, start - 25) : start]) is not None
                            and _PLACE_ENDING.search(head) is None
                            # "rang Nacro about housing": unless the word is a known surname, an
                            # agency is as likely, so the name must end the clause ("spoke to Tadhg.").
                            and (
                                _SERVICE_AFTER.match(text[end : end + 30]) is None
                                if head in surnames
                                else _CLAUSE_END.match(text[end : end + 3]) is not None
                            )
                        )
                    )
                )
            )
        if not is_name and head in first_names and head in ambiguous and head not in NEVER_SINGLE_NAMES:
            # Sentence-initial "Destiny moved ...", "Ruby goes to nursery": a name-word acting as
            # the subject of a verb, or doing what only people do.
            is_name = (
                SUBJECT_VERB_AFTER.match(text[end : end + 20]) is not None
                or PERSON_VERB_AFTER.match(text[end : end + 40]) is not None
            )
    if not is_name:
        return None
    family = len(words) == 1 and (_family_noun_after(text, start, end) or _plural_family(text, start, end, surnames))
    role = "FAMILY" if family else _role(text, start, end)
    return Mention(start, end, words, role, titled)


# The first line of a report giving the writer's role and then a place or team: "PC, missing persons
# coordinator, Eastby." Only words of a job title come before (no "I visited with the SW, X.").
_SIGN_OFF_BEFORE = re.compile(r"^\s*(?:[\w'’-]+[ ,]+){1,6}$")
_SIGN_OFF_AFTER = re.compile(r"^\s*(?:[.\n]|$)")


# After a name, its holder's role and base in brackets: "Marcus Oyelaran (TM, Garthwaite)".
_ROLE_AND_BASE_BEFORE = re.compile(rf"{CAP}{SMALL}\s*\(\s*(?:[\w'’-]+\s+){{0,2}}[\w'’-]+\s*,\s*$")


def _role_and_base(text: str, start: int, end: int) -> bool:
    return (
        _ROLE_AND_BASE_BEFORE.search(text[max(0, start - 50) : start]) is not None
        and re.match(r"^\s*\)", text[end : end + 3]) is not None
    )


def _sign_off(text: str, start: int, end: int) -> bool:
    before = text[:start]
    if not _SIGN_OFF_BEFORE.match(before) or not before.rstrip().endswith(",") or not _SIGN_OFF_AFTER.match(text[end:]):
        return False
    return not any(w.lower() in _NOT_IN_A_JOB_TITLE for w in re.findall(r"[\w'’-]+", before))


_NOT_IN_A_JOB_TITLE = frozenset(
    [
        "i",
        "we",
        "you",
        "he",
        "she",
        "they",
        "it",
        "my",
        "our",
        "his",
        "her",
        "their",
        "the",
        "a",
        "an",
        "with",
        "to",
        "by",
        "from",
        "at",
        "was",
        "is",
        "were",
        "are",
        "had",
        "has",
        "have",
        "met",
        "saw",
        "visited",
        "spoke",
        "rang",
        "called",
        "told",
        "asked",
        "and",
        "or",
        "but",
        "this",
        "that",
    ]
)
_SCHEME_AFTER = re.compile(r"^\s+(?:Protocol|grab\s+pack)\b")
_TITLE_CASE_WORD_BEFORE = re.compile(rf"(?<![\w{MARKS}]){CAP}{SMALL} $")


def _role_in_apposition(text: str, end: int) -> bool:
    after = text[end : end + 60]
    described = ROLE_AFTER.search(after) or ROLE_IN_BRACKETS.search(after)
    return described is not None and _role_of_words(described.group(1).lower().split()) is not None


def _role_noun_in_apposition(text: str, end: int) -> bool:
    """A role that ends the phrase in apposition: "(grandad)", ", the stepdad," (not ", the lead authority,")."""
    after = text[end : end + 60]
    described = ROLE_AFTER.search(after) or ROLE_IN_BRACKETS.search(after)
    return described is not None and _role_of_words(described.group(1).lower().split()[-1:]) is not None


def _as_role_after(text: str, end: int) -> bool:
    named = AS_ROLE_AFTER.match(text[end : end + 50])
    if named is None:
        return False
    # "as her key worker", or "as the SW and ...": the role word ends the phrase, so "as the
    # lead authority" names no role.
    words = named.group(1).lower().split()
    if _role_of_words(words[-1:]) is not None:
        return True
    return len(words) == 2 and words[1].capitalize() in FUNCTION_WORDS and _role_of_words(words[:1]) is not None


def _role(text: str, start: int, end: int) -> str:
    """Who the name belongs to, from the words right after it, then right before it."""
    after = text[end : end + 60]
    age = AGE_AFTER.search(after)
    if age:
        years = next((int(g) for g in age.groups() if g), None)
        if years is None or years < 18 or re.match(r"^[^.]{0,40}month", after):
            return "CHILD"
        return "PERSON"
    if PARENT_AFTER.search(after):
        return "PARENT"
    if CHILD_AFTER.search(after):
        return "CHILD"
    described = ROLE_AFTER.search(after) or ROLE_IN_BRACKETS.search(after)
    if described:
        role = _role_of_words(described.group(1).lower().split())
        if role:
            return role
    bracketed = NAME_IN_BRACKETS_AFTER_ROLE.search(text[max(0, start - 20) : start])
    if bracketed:
        return _role_of_words(bracketed.group().lower().strip(" (").split()[-1:]) or "PERSON"
    before = _role_word_before(text, start)
    return before or "PERSON"


def _role_word_before(text: str, start: int) -> str | None:
    """The role named just before a name: "dad, X", "HV X", "the allocated SW, X", "Baby X"."""
    window = text[max(0, start - 50) : start]
    # "the foster carer, Mrs Jean Cartwright": the role sits before the title.
    if re.search(r"\b(?:Dr|Prof|Sgt|Insp|Supt)\.\s*$", window):
        return "PROFESSIONAL"
    window = _TRAILING_TITLE.sub("", window) or window
    # "the support worker concerned, Jordan,": the role stands before a word saying which one.
    window = _ROLE_QUALIFIER.sub(",", window)
    window = re.sub(r"\s+[–—-]\s*$", ": ", window)  # "Father - X" reads as "Father: X"
    match = re.search(r"((?:[\w'’-]+\s+){0,2}[\w'’-]+)\s*[,:]?\s*$", window)
    if not match:  # the words matched hold no punctuation, so they never cross a sentence end
        return None
    words = [w.lower().strip("'’") for w in match.group(1).split()]
    # Only the word touching the name, or a role phrase ending there ("health visitor").
    return _role_of_words(words[-1:]) or (_role_of_words(words[-2:]) if words[-1] in {"visitor", "worker"} else None)


_ROLE_QUALIFIER = re.compile(r"\s+(?:concerned|involved|in question|responsible|on duty|on shift)\s*,\s*$", re.I)
_TRAILING_TITLE = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Mx)\.?\s*$")


def _role_of_words(words: list[str]) -> str | None:
    for word in reversed(words):
        # "step-father", "ex-partner" are the cue words without the hyphen.
        word = word.removesuffix("'s").removesuffix("’s").replace("-", "")
        if word in PARENT_CUES:
            return "PARENT"
        if word in CARER_CUES:
            return "CARER"
        if word in PROFESSIONAL_CUES:
            return "PROFESSIONAL"
        if word in CHILD_CUES:
            return "CHILD"
        if word in PERSON_CUES:
            return "PERSON"
    return None


# "Mrs Okafor", and with initials "Ms A. Okafor", "Mr J P Nowak".
_TITLE_BEFORE = re.compile(r"\b(?:" + "|".join(sorted(TITLES)) + rf")\.?\s+(?:{UPPER}\.?\s*){{0,2}}$")
# "J. Nowak (father)": an initial before a known surname.
_INITIAL_BEFORE = re.compile(rf"(?<![\w.]){UPPER}\.\s?$")


def _titled(text: str, start: int) -> bool:
    return _TITLE_BEFORE.search(text[max(0, start - 18) : start]) is not None


_PLURAL_SPEECH_AFTER = re.compile(r"^\s+(?:said|told|asked|explained|reported|agreed|denied|refused)\b")


def _plural_family(text: str, start: int, end: int, surnames: frozenset[str]) -> bool:
    """ "the Nowaks", "the Okafors'": a surname in the plural for a household.

    A plural that is also an English word ("the Bells", "the Browns") needs a verb of speech
    after it ("the Smiths said").
    """
    word = fold(text[start:end])
    if not word.endswith("s") or not re.search(r"\bthe\s+$", text[max(0, start - 5) : start], re.I):
        return False
    stem = word[:-2] if word.endswith("es") and word[:-2] in surnames else word[:-1]
    if stem not in surnames or stem in PLACE_NAMES:
        return False
    return word.lower() not in english_words() or _PLURAL_SPEECH_AFTER.match(text[end : end + 12]) is not None


_FAMILY_SERVICE_AFTER = re.compile(
    r"^\s+(?:centres?|centers?|hubs?)\b",
    re.I,
)


def _family_noun_after(text: str, start: int, end: int) -> bool:
    """ "the Kowalski family", "the Adeyemi children", "the Haskins case", or, opening a
    sentence, a known surname that is no English word: "Nowak family were known"."""
    word = re.match(r"^(?:['’]s)?\s+([a-z]+)", text[end : end + 20])
    if not word or word.group(1) not in FAMILY_NOUNS:
        return False
    # "the Brantholme family centre", "the Eastby family hub": a service named after a place.
    if _FAMILY_SERVICE_AFTER.match(text[end + word.end() : end + word.end() + 20]):
        return False
    name = fold(text[start:end])
    # "the Tregarthen proceedings" are a family's; "the Children Act proceedings", "the Hague
    # proceedings" are a law's or a court's: only one word that no dictionary or place list knows.
    if word.group(1) == "proceedings" and (
        " " in text[start:end] or name.lower() in english_words() or name in PLACE_NAMES or name in LOCAL_AUTHORITIES
    ):
        return False
    # "the Royal's children's ward": a place's children's ward or service, not a household; only
    # for an ordinary word, as "the Okafors' children's school" is still a family.
    if (
        word.group(1) == "children"
        and text[end + word.end() : end + word.end() + 2] in ("'s", "’s")
        and name.lower() in english_words()
    ):
        return False
    if re.search(r"\bthe\s+$", text[max(0, start - 5) : start], re.I):
        return True
    return (
        word.group(1) in ("family", "household")
        and _sentence_initial(text, start)
        and name in gazetteer()[1]
        and name.lower() not in english_words()
    )


def _next_word(text: str, end: int) -> str:
    """The capitalised word after a name, across a possessive ("Clare's Law" gives "Law")."""
    match = _NEXT_WORD.match(text[end : end + 30])
    # After a possessive only a capitalised word counts ("Clare's Law" but "Leo's school").
    return fold(match.group(1) or match.group(2) or "") if match else ""


_NEXT_WORD = re.compile(rf"^(?:['’]s ({CAP}[\w{MARKS}'’-]*)| (\w[\w{MARKS}'’-]*))")


def _sentence_initial(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \t\"'“‘(")
    return not before or before[-1] in ".!?\n:;•*–-"


_PLACE_WORD = rf"({CAP}{SMALL})(?!['’]s\b)(?![\w{MARKS}'’-])"
# Where a writer uses a word as a place: "moved into Ferrisham", "onto the Dunmarsh moorings",
# "lives in Canalside", "Dunmarsh's housing department", "HMP Wharfmoor". ("ran into Tadhg",
# "Tadhg's room" and "born to Tadhg" are not among them.)
_PLACE_CONTEXTS = (
    re.compile(rf"(?<!\bran )(?<!\brun )(?<!\bbumped )\b(?:into|onto|across|via|within)\s+(?:the\s+)?{_PLACE_WORD}"),
    re.compile(
        rf"\b(?:lives?|living|lived|moved|moving|based|located|resident|housed|rehoused)\s+(?:in|to|into|near)\s+"
        rf"{_PLACE_WORD}"
    ),
    re.compile(
        rf"\bthe\s+({CAP}{SMALL})\s+(?:moorings|borough|boundary|border|area|patch|council|authority|towpath|canal)\b"
    ),
    re.compile(
        rf"(?<![\w{MARKS}-])({CAP}{SMALL})['’]s\s+(?:housing\s+(?:department|team|options|office)|"
        r"children['’]s\s+services|duty\s+team|MASH|EDT|front\s+door|council|boundary|border|moorings)\b"
    ),
    re.compile(rf"\b(?:HMP|HMYOI|HMPYOI)\s+({CAP}{SMALL})(?![\w{MARKS}'’-])"),
)


def place_words(text: str) -> frozenset[str]:
    """Words ``text`` uses as places and that no name list knows, so "Ferrisham said" in the
    same report is the authority, not a person.

    A known first name or surname is never among them: "moved into Leo's room" or "the Ward
    area" say nothing about a later "Leo" or "Ward".
    """
    first_names, surnames, _ = gazetteer()
    found = set()
    for pattern in _PLACE_CONTEXTS:
        for m in pattern.finditer(text):
            word = fold(m.group(1))
            if word not in first_names and word not in surnames and word not in NOT_NAME_WORDS:
                found.add(word)
    return frozenset(found)


def is_named_place(mention: Mention, places: frozenset[str]) -> bool:
    """Whether a one-word mention found on weak evidence is a word the report uses as a place.

    A title ("Mrs Ferrisham") or a role cue ("dad, Ferrisham"), which set the mention's role,
    keep it a person.
    """
    return len(mention.words) == 1 and not mention.titled and mention.role == "PERSON" and mention.words[0] in places

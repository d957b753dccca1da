"""Per-report text representation for the theme engine.

A report is turned ONCE into a sparse bag of hashed features and stored as
bytes; every later build reads the stored bytes and never re-tokenises the
whole corpus. Hashing (rather than a vocabulary frozen at fit time) keeps the
representation stable across builds and lets any worker vectorise a report
without shared state; the IDF weighting is computed per build from document
frequencies over the stored vectors (see ``reporting.analysis.themes``).

The text is first normalised with a hand-written lexicon of children's social
care language (acronyms, synonyms, concept groups). The lexicon is written from
general domain knowledge of English children's services, not from any sample
data set: short, jargon-dense narratives ("ICPC quorate without CAIT, SWET
due at IRH") share almost no surface words with a report about the same
system issue written by someone else, so mapping jargon onto shared concept
tokens is what lets reports about one systemic issue find each other.

Plain Python over plain data: no ORM, no I/O, no logging of text.
"""

from __future__ import annotations

import itertools
import re
import struct
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from scipy import sparse
from sklearn.utils import murmurhash3_32

#: Dimension of the hashed feature space. 2**18 keeps collisions rare for a
#: vocabulary of a few tens of thousands of unigrams + bigrams.
N_FEATURES: int = 1 << 18
#: Bumped whenever tokenisation/weighting changes: stored vectors of another
#: version must be recomputed (the sweep does this), never mixed.
REPRESENTATION_VERSION: int = 15

#: Relative weights of the report's parts. The reporter's suggestion names the
#: system fix, which is the clearest statement of the *systemic* issue; it is
#: usually one sentence against a paragraph of narrative full of incidental
#: detail (who, where, which child), so it is weighted up to be heard. (3.0
#: let a suggestion that strays to a second topic pull too hard: theme
#: recovery was better at 2.0 on the development and the check halves alike.)
WEIGHT_NARRATIVE: float = 1.0
WEIGHT_HELP: float = 2.0
WEIGHT_CONCEPT: float = 1.5
WEIGHT_BIGRAM: float = 0.6
WEIGHT_SERVICE_AREA: float = 1.0

# ---------------------------------------------------------------------------
# Domain lexicon. Keys are regular expressions (case-insensitive, matched on
# word boundaries); values are expansions. Acronyms are expanded to words so
# "TM" and "team manager" count as the same thing. An expansion names its
# concept once: "MASH" matching both "multi agency safeguarding hub" and
# "front door" made the jargon count twice as much as the plain words.
# ---------------------------------------------------------------------------
_ACRONYMS: dict[str, str] = {
    r"icpcs?": "initial child protection conference",
    r"rcpcs?": "review child protection conference",
    r"cpcs?": "child protection conference",
    r"cp": "child protection",
    r"cin": "child in need",
    r"cla|lac|cic": "looked after child",
    r"iros?": "independent reviewing officer",
    r"tms?": "team manager",
    r"hos": "head of service",
    r"pract(?:ice)? sup(?:ervisor)?": "practice supervisor",
    r"sws?": "social worker",
    r"swet": "social work evidence template court statement",
    r"hvs?": "health visitor",
    r"gps?": "gp doctor",
    r"dsls?": "designated safeguarding lead school",
    r"senco": "special educational needs coordinator school",
    r"mash": "multi agency safeguarding hub",
    r"edt": "emergency duty team",
    r"camhs": "child mental health service",
    r"idvas?": "independent domestic violence adviser",
    r"isvas?": "independent sexual violence adviser",
    r"marac": "multi agency risk assessment conference",
    r"mappa": "multi agency public protection arrangements",
    r"lado": "local authority designated officer allegation",
    r"cait": "child abuse investigation team police",
    r"ppu": "public protection unit police",
    r"s47|section 47": "section47 child protection enquiry",
    r"s17|section 17": "section17 child in need",
    r"s20|section 20": "section20 voluntary accommodation",
    r"s31|section 31": "section31 care order",
    r"plo": "public law outline pre proceedings court",
    r"irh": "issues resolution hearing court",
    r"ffh": "final hearing court",
    r"cmh": "case management hearing court",
    r"epo": "emergency protection order court",
    r"ico": "interim care order court",
    r"sgo": "special guardianship order",
    r"cafcass": "children guardian court",
    r"ehcps?": "education health care plan",
    r"asd": "autism",
    r"adhd": "adhd neurodevelopmental",
    r"bsl": "british sign language interpreter",
    r"eal": "english additional language",
    r"uasc": "unaccompanied asylum seeking child",
    r"cse": "child sexual exploitation",
    r"cce": "child criminal exploitation",
    r"rhi": "return home interview missing",
    r"nrm": "national referral mechanism exploitation",
    r"yot|yjs": "youth justice service",
    r"nfa": "no further action",
    r"tac|taf": "team around family meeting",
    r"ehm|eha": "early help assessment",
    r"c&f|c and f": "child and family assessment",
    r"gcp2?": "graded care profile neglect tool",
    r"csprs?|lcsprs?|scrs?": "safeguarding practice review serious incident",
    r"dob": "date of birth",
    r"wfh": "working from home",
    r"dv": "domestic abuse",
    r"a&e|a and e": "emergency department hospital",
    r"sui": "serious incident",
    r"psws?": "principal social worker",
    r"nqsws?": "newly qualified social worker",
    r"asye": "newly qualified social worker assessed year",
    r"dcs": "director of children's services",
    r"adm": "agency decision maker",
    r"ssws?": "supervising social worker",
    r"h&s": "health and safety",
    r"pnd": "police national database",
    r"peps?": "personal education plan",
    r"ehe": "elective home education",
    r"cme": "child missing education",
    r"neet": "not in education employment training",
    r"pru": "pupil referral unit",
    r"ihas?|rhas?": "health assessment looked after child",
    r"fgcs?": "family group conference meeting",
    r"nrpf": "no recourse to public funds",
    r"asc": "adult social care",
    r"dols": "deprivation of liberty",
    r"dbs": "disclosure and barring check",
    r"csc": "children's social care",
    r"nai": "non accidental injury",
    r"fii": "fabricated or induced illness",
    r"sudi": "sudden unexpected death infancy",
    r"cdop": "child death overview panel",
    r"hsb": "harmful sexual behaviour",
    r"ppns?": "police notification",
    r"dol": "deprivation of liberty",
    r"pams": "parenting assessment",
    r"sdq": "strengths and difficulties questionnaire",
    r"fdac": "family drug and alcohol court",
    r"cpps?": "child protection plan",
    r"pfa": "preparing for adulthood",
    r"yps?": "young person",
    r"cyp": "children and young people",
    r"fsws?": "family support worker",
    r"mh": "mental health",
    r"ehcna": "education health care plan needs assessment",
    r"sarc": "sexual abuse forensic examination",
    r"l?scps?|lscbs?": "local safeguarding children partnership",
    r"apva|cpv": "child to parent violence",
}

#: Acronyms that are also ordinary English words ("it", "send", "dash", "la",
#: "hr" as in hours): matched only as written in capitals, on the original
#: text, so the pronoun "it" never becomes "information technology".
_CASED_ACRONYMS: dict[str, str] = {
    r"SMs?": "service manager",
    r"DASH": "domestic abuse risk checklist",
    r"DA": "domestic abuse",
    r"DVDS": "domestic violence disclosure scheme",
    r"DS|DC|PC": "police officer",
    r"ABE": "achieving best evidence interview police",
    r"LAs?": "local authority",
    r"SEND": "special educational needs disability",
    r"PAs?": "personal adviser care leaver",
    r"SI": "serious incident",
    r"HR": "human resources",
    r"PR": "parental responsibility",
    r"IT": "information technology",
    r"ED": "emergency department hospital",
    r"OOH": "out of hours",
    r"VSH?": "virtual school",
    r"SEN": "special educational needs",
    r"OT": "occupational therapist",
}

#: Concept groups: a report mentioning any cue gets the concept token. Groups
#: span the whole field (including areas with no report yet), so no group is
#: shaped around one department's themes.
_CONCEPTS: dict[str, tuple[str, ...]] = {
    "meeting": (
        r"strategy (?:discussion|meeting|call)s?",
        r"strateg(?:y|ies)",
        r"(?:child protection )?conferences?",
        r"core groups?",
        r"child in need (?:meeting|review)s?",
        r"looked after child reviews?",
        r"professionals'? meetings?",
        r"network meetings?",
        r"multi agency meetings?",
        r"team around family meeting",
        # Minutes of a meeting, not minutes of time.
        r"minuted|minute takers?|(?:meeting|conference|strategy) minutes",
        r"minutes (?:of|from) (?:the )?(?:meeting|conference)|(?:read|sent|circulated|agreed|draft|the) minutes",
        r"quorate|quoracy",
        r"chair(?:ed|s|ing)?",
        r"invit(?:e|ed|es|ation)",
        # Attending a meeting, not a pupil attending school.
        r"attend(?:ed|ance|ing|s)?(?! (?:school|data|leads?|officers?|figures|orders?))",
        r"dial(?:led)? in",
        r"agenda",
        r"adjourn(?:ed|ment)?",
    ),
    "partner_agency": (
        r"police(?: officer)?s?",
        r"health visitors?",
        r"gp doctor",
        r"midwi(?:fe|ves)",
        r"school nurses?",
        r"paediatrician",
        r"probation",
        r"housing officer",
        # "Partners" is also a parent's partner (see domestic_abuse): only the
        # agency sense here.
        r"partner agenc(?:y|ies)|(?:safeguarding|statutory|local|multi agency|other) partners|partnership",
        r"other agenc(?:y|ies)",
        r"health colleagues",
        r"education",
    ),
    "recording_system": (
        r"(?:case )?recording systems?",
        r"(?:electronic|case management|client) (?:record|system)s?",
        r"lcs|mosaic|liquid ?logic|eclipse|carefirst|azeus|frameworki|paris|protocol",
        r"database",
        r"on the system|the system (?:crashed|was down|went down|froze)",
        r"uploads?(?:ed|ing)?",
        r"autosave|auto save|unsaved|not saved|didn't save",
        r"time[sd]? ?out|timeout|crash(?:ed|es)?|froze|freez(?:e|es|ing)",
        r"log(?:ged)? ?(?:in|on|out)|login|password",
        r"laptops?|tablets?|computers?|pcs",
        r"information technology|helpdesk|service desk",
        r"drop ?down|mandatory fields?|tick ?box(?:es)?|free text",
        r"workflows?|episodes?",
        r"typ(?:e|ed|ing) (?:it |them |everything |my notes )?up|retyp(?:e|ed|ing)",
        r"word document|paper notes|on paper",
        r"pdfs?|scann(?:ed|er|ing)",
        r"software|licen[cs]es?|vpn|wifi|mobile signal|no signal",
        r"(?:electronic )?records? (?:show|shows|showed|said)",
        r"duplicate records?|merged records?|records? (?:aren't|are not|weren't|not) linked",
        r"systems? teams?|business analysts?|it team",
        r"search(?:es|ed|ing)?|wildcard",
        r"apps?|feeds?|imports?|exports?",
        r"alerts? (?:on|flag)|flags? on (?:the )?(?:system|record)",
        r"document (?:categor(?:y|ies)|types?)",
        r"data (?:quality|entry)|performance data|dashboards?|reports? (?:logic|run)",
        r"copy and paste|cop(?:y|ied) (?:and|&) past(?:e|ed)|pasted",
        r"placeholders?|recorded as",
        # Moving to a new case system: a data migration, not people migrating.
        r"(?:new|old|legacy|case) (?:case )?systems?|(?:data |system |records? )?migration(?! status)|post ?migration",
        r"migrated (?:records?|data|cases?|under|as|into the)|go ?live|went live|cut ?over|dual record(?:ing)?",
        r"templates?|note types?|(?:form|system|record|address|mandatory|required) fields?",
    ),
    "workload": (
        r"caseloads?",
        r"cases? allocated|allocated cases?",
        r"unallocated",
        r"allocations?",
        r"workloads?",
        r"(?<!mental )capacity",
        r"vacanc(?:y|ies)",
        r"agency (?:staff|workers?|social workers?)",
        r"locums?",
        r"covering",
        r"sickness|off sick",
        # Staff away and who covers their work.
        r"(?:on|annual|sick|maternity|paternity|study) leave|leave (?:cover|trackers?|rotas?)",
        r"no cover|cover (?:plans?|workers?|arrangements?|rotas?|system)|(?:for|holding|held|provide|providing) cover",
        # Working into evenings and weekends, not when something happened.
        r"overtime|unpaid hours|evenings and weekends|work(?:ed|ing|s)? (?:in the )?(?:evenings?|weekends?)",
        r"\d+ (?:children|cases|families|young people|households)",
        r"(?:too )?many cases",
        r"drowning|swamped|overwhelm(?:ed|ing)|stretched|firefighting",
        r"backlogs?|overdue|behind (?:on|with)|catch(?:ing|es)? up",
        r"(?:short|under) ?staffed|staff(?:ing)? shortages?|not enough (?:staff|workers|social workers|time)",
        r"reallocat(?:e|ed|ion|ions)",
        r"protected (?:time|caseloads?|day|morning|afternoon)",
        r"work(?:ed|ing)? (?:late|until)",
        r"cut(?:ting)? corners|skip(?:ped|ping|s)?|rushed|no time",
        r"timeliness",
        r"video (?:calls?|visits?)",
        r"doorstep",
        r"by phone|phone visits?",
        r"shortcuts?",
        r"statutory visits?",
        r"timescales?",
        r"performance (?:figures|data|targets?|indicators?)",
        r"targets?",
    ),
    # What managers do with decisions, not every mention of a manager: a
    # manager is the actor in most reports, whatever they are about.
    "management": (
        r"(?:management|managerial|manager'?s?) (?:oversight|decisions?|direction|agreement|approval|grip)",
        r"oversight",
        r"supervisions?",
        r"reflective",
        r"practice supervisor",
        r"sign(?:ed|s|ing)? ?off",
        r"authoris(?:e|ed|es|ing|ation)|authoriz(?:e|ed|es|ing|ation)",
        r"approv(?:e|ed|es|ing|al)",
        r"escalat(?:e|ed|es|ion|ions|ing)",
        r"rationale",
        r"case discussions?",
        r"decision (?:making|makers?|records?|logs?)|agency decision maker",
        r"(?:recorded|written|agreed) decisions?",
        r"decisions? (?:was|were|wasn't|weren't|not|never) (?:recorded|written down|made)",
        r"accountab(?:le|ility)",
    ),
    "front_door": (
        r"referr(?:al|als|ed|er|ers|ing)",
        r"multi agency safeguarding hub",
        r"front door",
        # A contact to the front door, not a child's contact with family.
        r"(?:a|the|each|every|new|repeat|previous|police|school|health) contacts?"
        r"(?! (?:with|arrangements?|sessions?|centre|visits?))",
        r"contact history",
        r"early help",
        r"screen(?:ed|er|ers|ing)",
        r"triage",
        r"duty (?:desk|team|worker|social worker|manager|rota)",
        r"(?:case|cases) (?:was |were )?closed|closed (?:the case|it|with advice|without)|case closures?",
    ),
    # Threshold and eligibility decisions: whose door a need goes through.
    "threshold": (
        r"thresholds?",
        r"eligib(?:le|ility)|criteria",
        r"level (?:of need|[1-4])|continuum of need",
        r"(?:doesn't|didn't|does not|did not|not|never) (?:meet|met)",
        r"no further action",
        r"step(?:ped|ping|s)? (?:down|up)",
        r"re ?referr(?:al|als|ed)|over ?refer(?:ral|rals|red|ring)?",
        r"(?:sent|passed|bounced|referred) (?:it |them |him |her )?back|back and forth|ping ?pong",
        r"low level|grad(?:e|ed|ing)",
        r"(?:inappropriate|accepted|rejected|refused) referrals?",
        r"referrals? (?:was |were )?(?:accepted|rejected|refused)",
    ),
    "placement": (
        r"placements?",
        r"foster(?:ing)? carers?|(?<!young )(?<!male )carers?(?! assessment)",
        # A private fostering arrangement is made by a parent, not the local authority.
        r"(?<!private )(?<!privately )foster(?:ing)?",
        r"residential",
        r"children'?s homes?",
        # A child's move between homes, not anyone moving anything.
        r"placement (?:moves?|changes?|endings?|breakdowns?|disruptions?)",
        r"(?:move|moves|moved|moving) (?:placements?|carers|homes?|(?:to|into) (?:a |an |another |the |new )?"
        r"(?:placement|foster|carers|residential|children's home|supported))",
        r"disruptions?|placement ended|broke down",
        r"matching|matched",
        r"sufficiency",
        r"out of area",
        r"emergency placements?",
        r"supported accommodation|semi independent",
        r"respite",
        r"(?:separated|split up) from (?:his|her|their) (?:siblings?|brothers?|sisters?)|placed (?:apart|separately)",
        r"sibling (?:assessments?|groups?)|together or apart",
        r"kinship|connected persons?",
        r"special guardianship order",
    ),
    "court": (
        r"courts?",
        r"judges?|magistrates?",
        r"children guardian|guardians?",
        r"public law outline",
        r"pre proceedings",
        r"(?:care )?proceedings",
        r"hearings?(?! (?:impair|loss|aids?))",
        r"bundles?",
        r"(?:court|witness|final|evidence|sworn|written) statements?|statements? (?:for|to) (?:the )?court",
        r"legal",
        r"solicitors?|barristers?|counsel",
        r"(?:court|case management) directions?|directions? (?:hearing|of the court|from the court)",
        r"26 weeks?",
        r"parenting assessments?",
        r"chronolog(?:y|ies)",
        r"care order|section31|interim care order|emergency protection order",
        r"filed|filing|(?:court|filing) deadlines?",
        r"expert",
    ),
    "language": (
        r"interpret(?:er|ers|ing|ed)",
        r"translat(?:e|ed|ion|or|ors|ing)",
        r"languages?",
        r"dialects?",
        r"british sign language",
        r"deaf|hearing impair(?:ed|ment)",
        r"english additional language|english (?:is|was) not|limited english|no english",
        r"language line",
        r"communicat(?:e|ion) needs?",
        r"easy read",
        r"speech and language",
        # Signing, not signing off or signs of harm.
        r"non ?verbal|makaton|signers?|sign(?:ing|ed)? (?:interpreters?|language)|pecs",
        r"arabic|urdu|polish|romanian|somali|tigrinya|amharic|farsi|pashto|kurdish|punjabi|bengali|portuguese|lithuanian|tamil|dari",
    ),
    "domestic_abuse": (
        r"domestic (?:abuse|violence)",
        r"domestic abuse risk checklist",
        r"multi agency risk assessment conference",
        r"independent domestic violence adviser",
        r"perpetrators?",
        r"coercive|controlling|coercion",
        r"strangulation|strangled|choking",
        r"assault(?:ed|s)?",
        r"call ?outs?",
        r"(?:ex|new|abusive|violent|intimate|current|former|her|his|mum'?s|mother'?s|dad'?s|father'?s) partners?",
        r"violen(?:t|ce)",
        r"non molestation|injunction|bail conditions?",
        r"refuge",
        r"operation encompass",
        r"(?:child|adolescent) to parent (?:violence|abuse)",
        r"victims?",
        r"safety plan",
        r"domestic violence disclosure scheme",
        r"multi agency public protection arrangements",
    ),
    "learning_culture": (
        r"serious incident",
        r"safeguarding practice review",
        r"rapid reviews?",
        r"learning reviews?",
        r"lessons? learn(?:ed|t)",
        r"learn(?:ing|t|ed)?(?! disabilit)",
        r"blam(?:e|ed|ing)|defensive(?:ness)?",
        # A member of staff suspended, not a pupil suspended from school.
        r"suspend(?:ed|sion)(?! from school)",
        r"disciplinar(?:y|ies)",
        r"(?:internal|hr|disciplinary) investigations?",
        r"debrief(?:s|ed|ing)?|huddles?",
        r"reflect(?:ion|ive)?",
        r"complaints?",
        r"scapegoat(?:ed|ing)?",
        r"human resources",
        r"review of what happened|what (?:went wrong|happened)|root cause",
        r"after (?:the|a|an|this|that) (?:incident|death|serious incident|review|near miss|complaint|inspection)",
        r"action plans?",
        r"new (?:rule|procedure|policy|protocol|checklist)s?",
        r"apolog(?:y|ies|ise|ised|ize|ized)",
        r"data breach(?:es)?|incident (?:forms?|reports?|reporting)",
        r"near miss(?:es)?",
        r"feedback",
        r"culture",
    ),
    "child_voice": (
        r"seen alone|on (?:their|his|her) own",
        r"wishes and feelings",
        r"voice",
        r"direct work",
        r"lived experience|daily life",
        r"(?:the )?(?:child|young person)'s (?:views?|words|wishes|experience)|(?:his|her|their) (?:own )?views",
        r"nobody (?:had )?(?:asked|spoke to|spoken to) (?:him|her|them|the child|the children|the young person)",
        r"advoca(?:te|tes|cy)|independent visitors?|participation",
    ),
    "mental_health_substance": (
        r"mental health",
        r"drink(?:ing)?|alcohol|drunk",
        r"drugs?|substance(?: misuse)?|cannabis|heroin|cocaine",
        r"overdose|self harm|suicid(?:e|al)",
        r"child mental health service",
        r"depress(?:ed|ion)|anxiety|psycho(?:sis|tic)|eating disorders?|sectioned|mental health act",
        r"crisis (?:team|line)|(?:mental health|psychiatric) (?:beds?|wards?|admissions?)|tier 4",
    ),
    "exploitation_missing": (
        # A child going missing, not missing information.
        r"(?:go|goes|went|gone|going|reported|found) missing|missing (?:for|overnight)",
        r"missing (?:from (?:home|care|school|placement)|episodes?|person|children|child|young people)",
        r"exploit(?:ed|ation)",
        r"county lines",
        r"return home interview missing",
        r"traffick(?:ed|ing)|modern slavery",
        r"gangs?",
        r"cuckoo(?:ed|ing)|drug (?:running|dealing|debts?)|knives|knife|stabb(?:ed|ing)|weapons?",
        r"contextual safeguarding|extra familial|(?:child|peer) on (?:child|peer) abuse",
        # Signs of a child being used to carry or sell drugs.
        r"(?:carrying|running|working|dealing) (?:drugs )?for (?:a|the) (?:line|gang|dealers?)",
        r"do(?:ing)? (?:a|the) runs?",
        r"child abduction warning notices?|(?:two|second|extra|multiple|several) (?:mobile )?phones",
        r"(?:large amounts of|unexplained) (?:cash|money)|(?:new|expensive) (?:trainers|clothes) (?:from|nobody)",
    ),
    "disability": (
        r"disab(?:led|ility|ilities)",
        r"autis(?:m|tic)",
        r"learning disabilit(?:y|ies)",
        r"education health care plan",
        r"short breaks?",
        r"transitions?",
        r"wheelchair|complex needs|medical needs",
        r"direct payments?|personal budgets?|continuing (?:health )?care|occupational therap(?:y|ists?)",
        r"(?:home )?adaptations|hoists?|specialist equipment|preparing for adulthood",
    ),
    "care_leaving": (
        r"care leavers?",
        r"leaving care",
        r"personal adviser",
        r"pathway plans?",
        r"staying put",
        r"(?:welfare |housing )?benefits? (?:claims?|sanctions?|stopped|cut)|universal credit",
        r"local offer|staying close|setting up home|leaving care grant|council tax",
        r"universit(?:y|ies)|apprenticeships?|bursar(?:y|ies)|independen(?:t living|ce skills)",
    ),
    # A family's home: homelessness, temporary and insecure housing (for any
    # family, not only care leavers).
    "housing": (
        r"housing|homeless(?:ness)?|tenanc(?:y|ies)|rent|arrears|evict(?:ed|ion|ions)|landlords?",
        r"temporary accommodation|bed and breakfast|hostels?|overcrowd(?:ed|ing)|sofa surf(?:ing|ed)?",
        r"no fixed (?:abode|address)|(?:winter|holiday|short|private) lets?",
    ),
    # Moving into adulthood: the handover to adult services at 18.
    "transition_adulthood": (
        r"transition(?:s|ing)? (?:to|into) adult(?:hood|s)?",
        r"transition (?:plans?|planning|assessments?|workers?|teams?)",
        r"adult(?:s')? (?:social care|services|teams?|social workers?|mental health services)",
        r"preparing for adulthood|transitional safeguarding",
        r"turn(?:ed|s|ing)? 18|18th birthday|(?:at|after|over|under|approaching) 18\b",
    ),
    # Families on the move: whereabouts unknown, seasonal or mobile homes.
    "mobile_families": (
        r"whereabouts (?:unknown|not known)|no forwarding address|(?:highly )?mobile famil(?:y|ies)|transient",
        r"moved (?:out of (?:the )?area|away|on) (?:without|with no|and)",
        r"(?:lost|losing) track of (?:the )?famil(?:y|ies)",
        r"caravans?|holiday (?:lets?|parks?|villages?)|campsites?|(?:traveller|gypsy|roma) (?:sites?|families|family)",
    ),
    # Children placed in one area by another local authority.
    "cross_border_placement": (
        r"placing (?:local )?authorit(?:y|ies)|placing (?:social )?workers?|host (?:local )?authorit(?:y|ies)",
        r"placed (?:[a-z]+ ){0,3}(?:by|from) (?:an?|another|other|the|a different|a neighbouring)(?: [a-z]+)?"
        r" (?:local authorit(?:y|ies)|authorit(?:y|ies)|boroughs?|councils?)",
        r"children (?:placed|living) (?:here|in (?:our|the) area) (?:by|from)|regulation 13|reg 13",
    ),
    "out_of_hours": (
        r"out of hours",
        r"emergency duty team",
        r"on call",
        r"bank holiday",
        r"after hours|(?:evening|night|weekend) duty|night duty",
    ),
    "information_sharing": (
        r"information shar(?:e|ed|ing)",
        r"shar(?:e|ed|ing)",
        r"consent",
        r"data protection|gdpr",
        r"emails?|emailed|inbox",
        r"copied in|cc'?d",
        r"handovers?",
        r"notif(?:y|ied|ication|ications)",
        r"records? (?:from|request(?:ed)?)",
        r"(?:police|agency|background|dbs) checks?",
        r"nobody (?:told|knew|informed)|wasn't told|weren't told|not told|not informed",
    ),
    "child_health_injury": (
        r"bruis(?:e|es|ed|ing)",
        r"injur(?:y|ies|ed)",
        r"fractur(?:e|es|ed)",
        r"child protection medical|medicals?",
        r"non ?mobile|non accidental injur(?:y|ies)|head injur(?:y|ies)|skeletal surveys?|shaken",
        r"fabricated or induced illness|perplexing presentations?",
        r"physical(?:ly)? (?:abuse|abused|chastisement|punishment)|smack(?:ed|ing)|hit (?:him|her|them) with",
        r"hospital",
        r"emergency department hospital",
    ),
    "resources": (
        r"budgets?",
        r"funding|funded|fund",
        r"commission(?:ed|ing)?",
        r"procurement",
        r"cost(?:s)?",
        r"(?:budget|funding|service|spending) cuts?|cuts? (?:to|in) (?:the )?(?:budget|funding|services?)",
        r"admin(?:istrator|istration)?s?",
        # The panels that decide on money and placements: waiting for them is a common delay.
        r"(?:resource|resources|funding|placement|high cost|joint funding|complex case|access to resources) panels?",
        r"business support",
    ),
    "education": (
        r"(?:permanent|fixed term|school) exclusions?|excluded from school|exclu(?:ded|sion) from (?:school|class)",
        r"(?:school )?attendance at school|school attendance|persistent(?:ly)? absen(?:ce|t)|absent from school",
        r"personal education plan|virtual school|designated teacher",
        r"elective home education|home educat(?:ed|ion)|child missing education|off ?rolled|off ?rolling",
        r"not in education employment training",
        r"part time timetables?|reduced timetables?|alternative provision|pupil referral unit",
        r"school places?|school admissions?|(?:changed|changing|new|moved) schools?",
        r"suspen(?:ded|sions?) from school|(?:school|fixed term) suspensions?",
        r"bull(?:ied|ying)",
        # A child out of school: absence, its follow-up and the orders behind it.
        r"out of (?:school|education)|(?:not|never) (?:in|attending|at|back (?:in|at)) school|missing from school",
        r"attendance (?:data|leads?|officers?|figures|guidance|team|service|orders?)|(?:first day|school) absences?",
        r"education (?:supervision orders?|welfare)|traveller education|school uniforms?",
    ),
    "neglect": (
        r"neglect(?:ed|ful)?",
        r"home conditions|(?:poor|personal) hygiene|unkempt|hungry|no food",
        r"(?:was |were )?not brought|missed (?:health |medical |dental )?appointments?",
        r"cumulative harm|chronic(?:ally)? (?:neglect|concerns?)",
        r"failure to thrive|faltering growth|head lice|nappy rash|(?:tooth|dental) decay",
        r"(?:dirty|soiled) (?:clothes|nappies)",
    ),
    # A looked-after child's time with their family, not a contact to the front door.
    "family_time": (
        r"(?:supervised|unsupervised|sibling|letterbox|direct|indirect|face to face) contact",
        r"contact (?:arrangements?|sessions?|centres?|supervisors?|plans?|visits?)",
        r"contact with (?:(?:his|her|their) )?(?:mum|dad|mother|father|parents?|siblings?|brothers?|sisters?)",
        r"contact with (?:(?:his|her|their) )?birth family",
        r"family time",
    ),
    "permanence_adoption": (
        r"adopt(?:ed|ion|ions|ers?|ive)",
        r"placement orders?",
        r"early permanence|fostering for adoption|permanence",
        r"life story (?:work|books?)|later life letters?",
        r"birth (?:family|parents?|mother|father)",
    ),
    # Tools and forms of assessment, not every mention of an assessment or plan.
    "assessment_tools": (
        r"risk assessments?",
        r"assessment (?:tools?|frameworks?|forms?|templates?)",
        r"tools?|toolkit",
        r"checklists?",
        r"graded care profile neglect tool",
        r"scor(?:e|ed|es|ing)",
        r"genogram",
    ),
    # The groups below are systemic topics common across children's social care
    # (serious case review themes, inspection findings, everyday near misses)
    # that a department's reports may centre on; each cue is specific enough
    # not to fire on ordinary narrative.
    # Families who keep professionals at arm's length, and self-reported
    # accounts taken on trust (a recurring national review finding).
    "family_engagement": (
        r"disguised compliance|non ?complian(?:ce|t)",
        r"(?:non|dis) ?engag(?:e|ed|ement|ing)",
        r"(?:not|wouldn't|won't|didn't|did not|refus(?:e|ed|es|ing) to) engag(?:e|ing)",
        r"no access visits?|no answer at the door|(?:didn't|did not|wouldn't|would not) (?:answer|open) the door",
        r"refused (?:entry|access)|(?:wouldn't|would not|won't|didn't|did not) let (?:us|me|the worker|anyone) in",
        r"cancel(?:led|s|ling)? (?:the |our |my |another )?(?:home )?(?:visits?|appointments?|sessions?)",
        r"self ?report(?:ed|s|ing)?|took (?:her|his|their|mum's|dad's) word|(?:own|parents'?|parent's) accounts?",
        r"triangulat(?:e|ed|ion|ing)|corroborat(?:e|ed|ion|ing)",
        r"hard to reach|reluctan(?:t|ce)|sporadic",
    ),
    # Who lives in or visits the household: a new partner, an adult back from prison.
    "household_change": (
        r"new (?:partner|boyfriend|girlfriend)s?",
        r"moved (?:back )?in(?: with (?:her|him|them|mum|dad))?",
        r"(?:released|came out|out) (?:from|of) (?:prison|custody)|prison release",
        r"household (?:members?|composition)",
        r"(?:who|anyone|adults?|men) (?:else )?(?:was |were )?(?:living|lives|staying|stays)"
        r" (?:there|at the (?:house|home|address|flat))",
        r"(?:unknown|unrelated|other) (?:adults?|males?|men) (?:in|at|visiting)",
        r"(?:sex )?offenders?|risk to children",
    ),
    # Moves between teams, workers and local authorities.
    "transfers": (
        r"transfer(?:s|red|ring)?",
        r"(?:another|other|neighbouring|different|receiving|home|previous)"
        r" (?:local authorit(?:y|ies)|councils?|boroughs?)",
        r"cross (?:border|boundary)",
        r"moved (?:out of|into) (?:the|our|their|another) (?:area|authority|borough|county)",
        r"(?:change|changes|changed|changing) of (?:social )?workers?|new (?:social )?worker",
        r"handed (?:over|on)|inherit(?:ed|s)?",
    ),
    "workforce": (
        r"training|trained|untrained",
        r"induction|new starters?|shadow(?:ed|ing)",
        r"newly qualified social worker|assessed year|students?",
        r"turnover|retention|recruit(?:ed|ing|ment)|(?:left|leaving|leave) the (?:team|authority|council|service)",
        r"mentor(?:ed|ing|s)?|coaching|continuing professional development",
    ),
    "staff_safety": (
        r"lone work(?:ing|er|ers)?",
        r"(?:personal|staff|worker|workers'|my|our|their own) safety",
        # Threats to staff, not the risks a child faces.
        r"threaten(?:ed|ing|s)? (?:to [a-z]+ )?(?:me|us|staff|(?:[a-z]+ ){0,2}(?:workers?|colleagues?))",
        r"threats? (?:to|against|towards) (?:me|us|staff|(?:[a-z]+ ){0,2}(?:workers?|colleagues?))",
        r"aggressi(?:ve|on)|hostil(?:e|ity)|intimidat(?:e|ed|ing|ion)",
        r"verbal(?:ly)? abus(?:e|ed|ive)",
        r"dogs?",
        r"panic alarms?|personal alarms?|lone worker (?:devices?|apps?)",
        r"joint visits?|visit(?:ed|ing)? in pairs",
        r"warning markers?",
    ),
    "transport": (
        r"transport(?:ed|ing)?",
        r"taxis?|cabs?|escorts?",
        r"car seats?|mileage|pool cars?",
        r"journeys?|drove|driving",
    ),
    # Looked-after children's health care, not injuries (child_health_injury).
    "health_care": (
        r"health assessments?(?: looked after child)?|initial health|review health|health passports?",
        r"medicat(?:ion|ions|ed)|prescri(?:bed|ption|ptions)",
        r"dentists?|dental|immunis(?:ation|ations|ed)|vaccinat(?:ion|ions|ed)|opticians?",
        r"(?:medical|health) (?:consent|records?|appointments?|histor(?:y|ies))",
        r"consent (?:to|for) (?:treatment|medical)|gillick|fraser (?:guidelines|competen(?:t|ce))",
        r"strengths and difficulties questionnaire|therapeutic (?:support|parenting|input)",
        r"(?:looked after child(?:ren)?'?s?|specialist|designated) (?:nurses?|doctors?)",
    ),
    "immigration": (
        r"unaccompanied|asylum|refugees?",
        r"home office|immigration|visas?|leave to remain|settled status",
        r"age assessments?|age disput(?:e|es|ed)|disputed age",
        r"no recourse to public funds",
        r"national transfer scheme",
    ),
    # Concerns about adults who work with children (staff, carers, volunteers).
    "allegations": (
        r"local authority designated officer allegation",
        r"allegations? (?:against|about) (?:a |the |our |their )?"
        r"(?:staff|carers?|foster carers?|teachers?|workers?|professionals?|members? of staff|coach|volunteers?)",
        r"safer recruitment|positions? of trust|disclosure and barring check|barred",
        r"standards of care",
    ),
    "online_harm": (
        r"online (?:abuse|harm|safety|grooming|contact|exploitation|activity|friends?|games?|gaming)",
        r"social media|snapchat|instagram|tiktok",
        r"sexting|nudes|(?:indecent|explicit|sexual) (?:images?|photos?|pictures?)",
        r"groom(?:ed|ing)",
        r"sextortion|blackmail(?:ed|ing)? (?:over|with) (?:images?|photos?|pictures?)",
        r"nude (?:images?|photos?|pictures?)",
        r"(?:youth produced|self generated) (?:sexual )?(?:images?|imagery)|screenshots? of (?:the )?messages",
        r"(?:befriended|met|groomed|talking to (?:adults?|men|strangers)|hours a day|time) online",
    ),
    "sexual_abuse": (
        r"sexual(?:ly)? (?:abuse|abused|harm|harmed|assault|assaulted|activity|behaviour)",
        r"harmful sexual behaviours?|child sexual exploitation",
        r"rape|raped|inappropriate touching|touched (?:her|him|them) inappropriately",
    ),
    "youth_justice": (
        r"youth justice service|youth offending",
        r"police custody|police cells?|(?:held|kept) in custody|remand(?:ed)?|appropriate adults?",
        r"charged (?:with)|convict(?:ed|ion|ions)|offending|criminal records?|criminalis(?:e|ed|ing|ation)",
    ),
    # Residential and foster care behaviour support.
    "restraint_behaviour": (
        r"restrain(?:t|ts|ed|ing)|physical interventions?|held (?:him|her|them) down",
        r"de ?escalat(?:e|ed|ion|ing)",
        r"(?:challenging|aggressive|violent|risky) behaviours?|behaviour (?:management|support|plans?)",
        r"sanctions? (?:for|after|on) (?:him|her|them|the young person|the young people|the child)",
    ),
    "harmful_practices": (
        r"female genital mutilation|fgm|forced marriage|honour based",
        r"radicalis(?:ed|ation)|extremis(?:m|t|ts)|prevent (?:referral|team|duty)|channel panel",
    ),
    "pre_birth": (
        r"unborn|pre ?birth|antenatal|ante natal|post ?natal|newborn|new born",
        r"pregnan(?:t|cy|cies)|maternity|birth plans?|due date",
        r"(?:discharge|discharged) from (?:the )?(?:hospital|ward)|special care baby unit",
    ),
    # Everyday decisions for a child in care: who may consent to what.
    "delegated_authority": (
        r"delegated authority",
        r"parental responsibility",
        r"consent forms?|(?:signed|sign|signing) (?:the )?(?:consent|permission)",
        r"sleepovers?|school trips?|haircuts?|passports?",
    ),
    # Supporting and approving foster carers, apart from any one placement.
    "carer_support": (
        r"supervising social worker",
        r"fostering (?:panel|team|service|assessments?|households?)",
        r"(?<!young )(?:carer|carers'?|fostering) (?:support|training|reviews?|allowances?|assessments?)",
        r"form f|skills to foster|allowances?",
    ),
    "inspection_regulation": (
        r"ofsted|inspect(?:ion|ions|ors?)",
        r"regulation (?:40|44|45)|notifiable events?|registered managers?",
        r"(?:un)?registered (?:homes?|provision|placements?)",
        r"regulat(?:or|ory|ions)",
    ),
    # Family hardship as a systemic pressure, not a judgement on parents.
    "poverty": (
        r"poverty|cost of living|hardship|debts?",
        r"food ?banks?|vouchers?|(?:section17|emergency|hardship|cash) payments?",
        r"no money|(?:gas|electric(?:ity)?|heating) (?:meter|bills?|cut off)|no heating",
    ),
    # Personal details going to the wrong place: common near misses in any service.
    "data_breach": (
        r"data breach(?:es)?|breach(?:ed|es)? (?:of )?(?:confidentiality|data)",
        r"(?:sent|emailed|posted|went|given) to the wrong (?:person|family|address|parent|school|agency|email)",
        r"wrong (?:address|recipient|email address)|another child's (?:details|name|information|records?)",
        r"(?:un)?redact(?:ed|ion|ing)?|subject access requests?",
        r"(?:disclosed|shared|gave|revealed|leaked) (?:the |her |their |his )?(?:new )?address|refuge address",
    ),
    # Fathers and male carers left out of assessments and plans (the national
    # panel's "invisible men"). "Dad" and "father" are stop words: only their
    # being missed from the work counts here.
    "fathers_men": (
        r"invisible men|hidden men|absent fathers?|men in (?:the |her |his )?(?:child's |children's )?li(?:fe|ves)",
        r"(?:father|dad|fathers|dads|male carers?|stepfathers?|step dads?)"
        r" (?:was |were )?(?:never |not |wasn't |weren't )"
        r"(?:assessed|contacted|invited|included|involved|seen|spoken to)",
        r"(?:engag(?:e|ed|ing)|involv(?:e|ed|ing)|includ(?:e|ed|ing)|assess(?:ed|ing)?|invit(?:e|ed|ing)) (?:the )?"
        r"(?:fathers?|dads?|male carers?)",
        r"male carers?|paternity",
    ),
    # A child's identity and the service's response to it (race, faith, culture).
    # "Culture" alone is an organisation's culture (learning_culture).
    "identity_diversity": (
        r"racis(?:m|t)|racial(?:ly)?|ethnic(?:ity|ities)?|adultifi(?:cation|ed)|discriminat(?:ed|ion|ory)",
        r"cultural (?:needs|identity|background|heritage|competence|norms|practices)|heritage|religio(?:n|us)",
        # Faith as belief, not acting in good faith.
        r"(?<!good )faith(?: groups?| communit(?:y|ies)| leaders?)?",
        r"(?:unconscious|implicit|racial) bias",
        r"lgbt(?:q)?\+?|gender identity|transgender|sexual(?:ity| orientation)",
        r"gypsy|travell?er (?:families|community|site)|roma",
    ),
    # Human reasoning in a case (a Learning Together pattern): the view formed
    # too early, the optimism, the account not questioned.
    "reasoning_bias": (
        r"professional curiosity|(?:not|more|wasn't|weren't|lack of) curious",
        r"rule of optimism|over ?optimis(?:m|tic)|optimism bias|confirmation bias|hindsight bias",
        r"start again syndrome|fixed (?:view|mindset|idea)|tunnel vision|face value",
        r"(?:wrong|false|unchecked|untested) assumptions?|assumptions? (?:were|was) (?:made|wrong)",
        r"critical thinking|challenge (?:our|my|their) (?:own )?(?:thinking|view|hypothesis)|hypothes(?:is|es|ise)",
    ),
    # How a child protection enquiry is carried out with the police, and removal
    # in an emergency. The enquiry named alone is the setting of many reports
    # about something else (an interpreter, a late notification), as a manager
    # is their actor: it is no cue.
    "cp_enquiry": (
        r"joint (?:investigations?|enquir(?:y|ies)|visits? with (?:the )?police|working with (?:the )?police)",
        r"achieving best evidence|video recorded interviews?|police (?:investigations?|interviews?)",
        r"police protection|(?:emergency|urgent) removals?|removed (?:from|under|into) (?:the home|police protection)",
        r"single agency (?:investigations?|enquir(?:y|ies))",
    ),
    # Child protection and child in need plans that stall or come round again.
    "plan_drift": (
        r"drift(?:ed|ing|s)?|(?:plan|plans|case|work|progress) (?:had )?stalled",
        r"no progress (?:on|against|with) the plan",
        r"repeat(?:ed)? (?:child protection )?plans?|second (?:or subsequent )?(?:child protection )?plans?",
        r"plans? (?:ended|closed) too (?:early|soon)|stepped down too (?:early|soon)",
        r"(?:on|subject to) (?:a|the) (?:child protection )?plan for (?:over |more than )?(?:\d+|a|two|three)",
    ),
    "secure_dol": (
        r"deprivation of liberty|dol orders?|inherent jurisdiction|high court",
        r"secure (?:units?|children's homes?|accommodation|orders?|placements?|beds?|welfare)|welfare secure",
    ),
    # Planning for a child in care: the care plan, its review, its legal basis.
    # Most reports about a child in care mention the care plan, the review or
    # the legal status as their setting: only the plan's own failings are cues
    # (the independent reviewing officer chairs the review: see meeting).
    "care_planning": (
        r"care planning",
        r"(?:no|out of date|outdated|unsigned|generic) (?:care|placement|permanence|pathway) plans?",
        r"(?:care|placement|permanence) plans? (?:was |were |is |are |had )?(?:not|never|wasn't|weren't|isn't|hadn't)"
        r" (?:been )?(?:updated|reviewed|written|shared|signed|completed|in place|followed)",
        r"(?:drift(?:ed|ing)?|stuck|left|years?|months?) (?:in|under) section20",
        r"section20 for (?:years|months|too long)",
    ),
    # Relatives and friends caring for a child, and their assessment and support.
    "kinship_care": (
        r"kinship (?:carers?|care|assessments?|allowances?|support)",
        r"viability assessments?|regulation 24|temporary approval|connected persons? (?:assessments?|carers?)",
        r"family and friends (?:carers?|care)|special guardians?(?:hip)? (?:assessments?|support|allowances?)",
        r"(?:grandparents?|aunts?|uncles?|grandmother|grandfather|nan) (?:caring|looking after|stepped in)",
    ),
    # Children living with someone other than a parent by private arrangement.
    "private_fostering": (
        r"private(?:ly)? foster(?:ed|ing)|private fostering (?:arrangements?|notifications?|assessments?)",
        r"(?:staying|living) with (?:a )?(?:family friends?|friends? of the family|friend's (?:family|parents))",
    ),
    # Disputes between separated parents that reach the local authority.
    "private_law": (
        r"private law|child arrangements? orders?|section (?:7|37) reports?|prohibited steps|specific issue orders?",
        r"(?:parental|inter ?parental|high) conflict|separated parents|acrimonious|(?:custody|residence) disputes?",
        r"parental alienation|alienating (?:behaviours?|the child(?:ren)?)",
        r"(?:refus(?:ed|ing)|stopp(?:ed|ing)) (?:him|her|them|dad|mum) (?:seeing|from seeing)",
    ),
    # The worker's own wellbeing, apart from the caseload that strains it.
    "staff_wellbeing": (
        r"burn(?:ed|t)? ?out|vicarious trauma|secondary trauma|compassion fatigue",
        # The worker's wellbeing, not a child's (own or emotional) wellbeing.
        r"(?:staff|worker|workers'?|my|our|team) wellbeing|morale",
        r"(?:work|workplace|work related) stress|emotional(?:ly)? (?:toll|impact|drained|exhausted)",
        r"(?:i|we|staff|colleagues|the team|workers?) (?:was|were|am|are|felt|feel)"
        r" (?:so |really )?(?:stressed|exhausted|burnt out)",
        r"employee assistance|occupational health|counselling for staff|(?:went|go|signed) off with stress",
    ),
    # Organisational change: restructures, new models, merged or split teams.
    "restructure": (
        r"restructur(?:e|ed|es|ing)|reorganis(?:e|ed|ation)|reorganiz(?:e|ed|ation)|service redesign",
        r"new (?:service |practice )?(?:model|structure)|practice model|transformation (?:programme|plan)",
        r"teams? (?:was |were |had been )?(?:merged|split|disbanded|reconfigured)",
    ),
    # Procedures that are missing, out of date, unclear or in conflict.
    "procedures_guidance": (
        r"(?:out of date|outdated|unclear|conflicting|local|written|no clear) (?:procedures?|protocols?|guidance)",
        r"procedures? (?:manual|was|were|said|says|did not|didn't)|(?:policy|procedure|guidance) (?:says|said|states)",
        r"working together (?:to safeguard children|guidance|20\d\d)|statutory guidance",
        r"practice (?:standards?|guidance)",
        r"(?:didn't|did not|don't|do not) know (?:the|what the|which) (?:procedure|process|protocol|policy)",
    ),
    # Residential care rotas: shifts, night staff, the handover between them.
    "residential_shifts": (
        r"(?:on|night|day|late|early|long|next|previous|weekend) shifts?",
        r"shift (?:patterns?|leaders?|handovers?|changes?)",
        r"waking nights?|sleep ?ins?|night staff|staffing ratios?|staff ratios?|(?:relief|bank) staff",
        r"house (?:rules|meetings?)|daily logs?|log ?books?",
    ),
    # Infant deaths and the safe-sleep advice that prevents them.
    "safe_sleep": (
        r"safe sleep(?:ing)?|co ?sleep(?:ing|s)?|bed ?shar(?:e|ed|ing)|cot deaths?|moses baskets?",
        r"sudden (?:unexpected )?(?:infant )?deaths?|sudden unexpected death infancy",
        r"child death (?:overview panel|reviews?)|(?:fell|fallen|falling) asleep (?:with|on the sofa)",
    ),
    # Early help and family support below the statutory threshold.
    # "Early help" alone is a front-door route (see front_door); the cues here
    # are the early help work itself.
    "early_help": (
        r"lead professionals?|family hubs?|family support workers?|children's centres?",
        r"parenting (?:programmes?|courses?|support|groups?)|supporting families",
    ),
    # Children who look after a parent or sibling.
    "young_carers": (
        r"young carers?(?: assessments?)?",
        r"caring for (?:her|his|their) (?:mum|dad|mother|father|parents?|siblings?|brothers?|sisters?)",
    ),
    # Challenge between professionals and agencies about a decision.
    "professional_challenge": (
        r"professional (?:disagreements?|challenge|differences?)",
        r"(?:resolution|escalation) (?:protocols?|polic(?:y|ies)|process(?:es)?)",
        r"challeng(?:e|ed|ing) (?:the |their |a |this |that )?(?:decision|outcome|threshold decision)",
    ),
    # Checking the quality of practice: audits and their follow-up.
    "quality_assurance": (
        r"audit(?:s|ed|ing|ors?)?|quality assurance|quality assur(?:e|ed|ing)",
        r"dip sampl(?:e|es|ed|ing)|moderat(?:ed|ion) (?:of|panel)|case file (?:audits?|reviews?)",
        r"performance clinics?|practice (?:weeks?|observations?)",
    ),
    # The office and the tools of hybrid work, apart from the case system.
    "workplace": (
        r"hot ?desk(?:s|ing)?|no desks?|office (?:space|move|closed|closure)|(?:open plan|shared) office",
        r"working from home|hybrid working|(?:private|confidential) (?:rooms?|space|calls?)",
        r"(?:was|were|be|being|get|got) overheard",
        r"work (?:mobiles?|phones?)|(?:no|a) work phone|phone (?:contract|allowance)",
    ),
}

_TOKEN_RE = re.compile(r"[a-z0-9][a-z0-9']*[a-z0-9]|[a-z0-9]")

_STOPWORD_TEXT = """
a about above after again against all am an and any are as at be because been before being below
between both but by can could did do does doing down during each few for from further had has have having
he her here hers herself him himself his how i if in into is it its itself just me more most my myself no nor
not now of off on once only or other our ours ourselves out over own same she should so some such than that
the their theirs them themselves then there these they this those through to too under until up very was we
were what when where which while who whom why will with would you your yours yourself yourselves also
got get gets getting went go goes going said says say told asked one two three four five six seven eight
nine ten first second last next week weeks day days month months year years time times still even
back around already never always often sometimes usually really much many lot lots way thing things
us it's i'm i've i'd didn't don't wasn't weren't couldn't wouldn't can't won't isn't aren't doesn't hadn't
hasn't haven't that's there's we'd we're we've they're they'd they've he'd she'd he's she's let's
mum dad mother father boy girl son daughter baby child children family families parent parents
ended end made make makes making came come comes coming took take takes taking put puts saw see seen
done able need needed needs want wanted wants know knew think thought felt feel
"""
_STOPWORDS: frozenset[str] = frozenset(_STOPWORD_TEXT.split())


@dataclass(frozen=True, slots=True)
class SparseVector:
    """Hashed feature counts of one report: sorted unique indices and weights."""

    indices: np.ndarray  # int32, sorted, unique, in [0, N_FEATURES)
    values: np.ndarray  # float32, > 0

    @property
    def nnz(self) -> int:
        return int(self.indices.shape[0])


def _compile_acronyms() -> list[tuple[re.Pattern[str], str]]:
    return [(re.compile(r"(?<![a-z0-9&])(?:" + pat + r")(?![a-z0-9&])"), repl) for pat, repl in _ACRONYMS.items()]


def _compile_cased_acronyms() -> list[tuple[re.Pattern[str], str]]:
    bound = r"(?<![A-Za-z0-9&])(?:{})(?![A-Za-z0-9&])"
    return [(re.compile(bound.format(pat)), repl) for pat, repl in _CASED_ACRONYMS.items()]


def _compile_concepts() -> list[tuple[str, re.Pattern[str]]]:
    return [
        (name, re.compile(r"(?<![a-z0-9])(?:" + "|".join(cues) + r")(?![a-z0-9])")) for name, cues in _CONCEPTS.items()
    ]


@lru_cache(maxsize=1)
def _compiled() -> tuple[list[tuple[re.Pattern[str], str]], list[tuple[str, re.Pattern[str]]]]:
    return _compile_acronyms(), _compile_concepts()


@lru_cache(maxsize=1)
def _compiled_cased() -> list[tuple[re.Pattern[str], str]]:
    return _compile_cased_acronyms()


def normalise(text: str) -> str:
    """Lower-case, unify punctuation and expand the domain's acronyms."""
    acronyms, _ = _compiled()
    out = text
    for pattern, replacement in _compiled_cased():
        out = pattern.sub(replacement, out)
    out = out.lower().replace("\u2019", "'").replace("\u2018", "'")
    out = re.sub(r"[\u2010-\u2015]", "-", out)
    out = re.sub(r"(?<=[a-z])-(?=[a-z])", " ", out)  # "multi-agency" == "multi agency"
    out = re.sub(r"\s+", " ", out)
    for pattern, replacement in acronyms:
        out = pattern.sub(replacement, out)
    return out


def concepts(normalised_text: str) -> dict[str, int]:
    """Count the concept-group cues present in already normalised text."""
    _, groups = _compiled()
    found: dict[str, int] = {}
    for name, pattern in groups:
        hits = len(pattern.findall(normalised_text))
        if hits:
            found[name] = hits
    return found


def _stem(word: str) -> str:
    # A deliberately light suffix stripper: plurals and common verb endings.
    # Heavy stemmers merge domain words that mean different things here.
    if len(word) <= 4 or not word.isalpha():
        return word
    for suffix, keep in (("ies", "y"), ("sses", "ss"), ("ing", ""), ("ed", ""), ("es", "e"), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            if suffix == "s" and word.endswith(("ss", "us", "is")):
                return word
            stem = word[: len(word) - len(suffix)] + keep
            # "stopped" and "stop", "planning" and "plan" are one word; a
            # doubled l, s or z is kept ("called" -> "call", "missed" -> "miss").
            if suffix in ("ed", "ing") and len(stem) > 3 and stem[-1] == stem[-2] and stem[-1] not in "aeioulsz":
                stem = stem[:-1]
            return stem
    return word


def words(normalised_text: str) -> list[str]:
    """Content words (stop words removed, lightly stemmed) in reading order."""
    return [
        _stem(w) for w in _TOKEN_RE.findall(normalised_text) if w not in _STOPWORDS and not w.isdigit() and len(w) > 1
    ]


def features(*, narrative: str, what_would_help: str = "", service_area: str = "") -> dict[str, float]:
    """Weighted feature bag of one report (feature string -> weight).

    Readable feature strings are what keyword extraction shows a panel:
    ``w:`` unigrams, ``b:`` bigrams, ``c:`` concept groups, ``s:`` service area.
    """
    bag: dict[str, float] = {}
    for text, weight in ((narrative, WEIGHT_NARRATIVE), (what_would_help, WEIGHT_HELP)):
        if not text:
            continue
        norm = normalise(text)
        toks = words(norm)
        for tok in toks:
            key = "w:" + tok
            bag[key] = bag.get(key, 0.0) + weight
        for first, second in itertools.pairwise(toks):
            key = "b:" + first + " " + second
            bag[key] = bag.get(key, 0.0) + weight * WEIGHT_BIGRAM
        for name, hits in concepts(norm).items():
            key = "c:" + name
            bag[key] = bag.get(key, 0.0) + weight * WEIGHT_CONCEPT * hits
    if service_area:
        bag["s:" + service_area] = WEIGHT_SERVICE_AREA
    return bag


def _hash_column(feature: str, seed: int = 0) -> int:
    return int(murmurhash3_32(feature, seed=seed, positive=True)) % N_FEATURES


@lru_cache(maxsize=1)
def _reserved_columns() -> frozenset[int]:
    return frozenset(_hash_column("c:" + name) for name in _CONCEPTS)


def feature_index(feature: str) -> int:
    """Stable hashed column of a feature string (murmur3, seed 0).

    Concept columns are reserved: the build weights the concept block apart
    from the words, so a word hashed onto a concept's column would be weighted
    as that concept in every report using it ("line" landed on a group's
    column). Such a word is re-hashed with the next seed instead.
    """
    if feature.startswith("c:"):
        return _hash_column(feature)
    reserved = _reserved_columns()
    seed = 0
    col = _hash_column(feature, seed)
    while col in reserved:
        seed += 1
        col = _hash_column(feature, seed)
    return col


# How each concept group reads in a theme title.
CONCEPT_TITLES: dict[str, str] = {
    "meeting": "Multi-agency meetings",
    "partner_agency": "Working with partner agencies",
    "recording_system": "Recording systems and forms",
    "workload": "Workload and caseloads",
    "management": "Management oversight",
    "front_door": "Referrals and the front door",
    "threshold": "Thresholds and eligibility",
    "placement": "Placements",
    "court": "Court work",
    "language": "Language and interpreters",
    "domestic_abuse": "Domestic abuse",
    "learning_culture": "Learning after incidents",
    "child_voice": "The child's voice",
    "mental_health_substance": "Parental mental health and substance use",
    "exploitation_missing": "Exploitation and missing children",
    "disability": "Disabled children",
    "care_leaving": "Leaving care",
    "out_of_hours": "Out of hours",
    "information_sharing": "Information sharing",
    "child_health_injury": "Health and injuries",
    "resources": "Resources",
    "assessment_tools": "Assessment tools",
    "education": "Education and schools",
    "neglect": "Neglect",
    "family_time": "Family time and contact",
    "permanence_adoption": "Permanence and adoption",
    "family_engagement": "Engaging reluctant families",
    "household_change": "Changes in the household",
    "transfers": "Transfers between teams and areas",
    "workforce": "Training and the workforce",
    "staff_safety": "Staff safety",
    "transport": "Transport",
    "health_care": "Health care of children in care",
    "immigration": "Asylum and immigration",
    "allegations": "Allegations against staff and carers",
    "online_harm": "Online harm",
    "sexual_abuse": "Sexual abuse",
    "youth_justice": "Youth justice",
    "restraint_behaviour": "Behaviour support and restraint",
    "harmful_practices": "Harmful practices and radicalisation",
    "pre_birth": "Pre-birth and newborns",
    "data_breach": "Data breaches",
    "fathers_men": "Fathers and men in the family",
    "identity_diversity": "Identity, culture and discrimination",
    "reasoning_bias": "Professional curiosity and bias",
    "cp_enquiry": "Joint police enquiries and emergency removal",
    "plan_drift": "Drift and repeat plans",
    "secure_dol": "Secure care and deprivation of liberty",
    "care_planning": "Care planning and reviews",
    "kinship_care": "Kinship and connected carers",
    "private_fostering": "Private fostering",
    "private_law": "Private law and separated parents",
    "staff_wellbeing": "Staff wellbeing",
    "restructure": "Restructures and service change",
    "procedures_guidance": "Procedures and guidance",
    "residential_shifts": "Residential shifts and staffing",
    "safe_sleep": "Safe sleep and infant deaths",
    "early_help": "Early help and family support",
    "young_carers": "Young carers",
    "professional_challenge": "Professional challenge and escalation",
    "workplace": "Office and hybrid working",
    "quality_assurance": "Audit and quality assurance",
    "delegated_authority": "Delegated authority and consent",
    "carer_support": "Supporting foster carers",
    "inspection_regulation": "Inspection and regulation",
    "poverty": "Poverty and hardship",
    "housing": "Housing and homelessness",
    "transition_adulthood": "Transition to adulthood",
    "mobile_families": "Families on the move",
    "cross_border_placement": "Children placed from other areas",
}


@lru_cache(maxsize=1)
def concept_of_column() -> dict[int, str]:
    """Hashed column -> concept-group name, for naming themes."""
    return {feature_index("c:" + name): name for name in _CONCEPTS}


@lru_cache(maxsize=1)
def concept_columns() -> np.ndarray:
    """Sorted hashed columns of the concept-group features (``c:`` tokens).

    The theme build weights this block apart from the word block, so the
    shared concept vocabulary is not drowned by a report's many surface words.
    """
    return np.unique(np.fromiter((feature_index("c:" + name) for name in _CONCEPTS), dtype=np.int32))


def vectorise(*, narrative: str, what_would_help: str = "", service_area: str = "") -> SparseVector:
    """The stored representation of one report (call on de-identified text)."""
    bag = features(narrative=narrative, what_would_help=what_would_help, service_area=service_area)
    acc: dict[int, float] = {}
    for feat, weight in bag.items():
        col = feature_index(feat)
        acc[col] = acc.get(col, 0.0) + weight
    if not acc:
        return SparseVector(np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.float32))
    cols = np.fromiter(sorted(acc), dtype=np.int32, count=len(acc))
    vals = np.fromiter((acc[int(c)] for c in cols), dtype=np.float32, count=len(acc))
    return SparseVector(cols, vals)


_HEADER = struct.Struct("<BBI")  # format tag, representation version, nnz
_FORMAT_TAG = 0x4C  # "L"


def encode(vector: SparseVector) -> bytes:
    """Serialise for storage in a BinaryField (little-endian, versioned)."""
    return (
        _HEADER.pack(_FORMAT_TAG, REPRESENTATION_VERSION, vector.nnz)
        + vector.indices.astype("<i4", copy=False).tobytes()
        + vector.values.astype("<f4", copy=False).tobytes()
    )


def representation_version(blob: bytes) -> int:
    """Version a stored blob was written with (0 if unreadable)."""
    if len(blob) < _HEADER.size:
        return 0
    tag, version, _ = _HEADER.unpack_from(blob)
    return int(version) if tag == _FORMAT_TAG else 0


def decode(blob: bytes) -> SparseVector:
    """Inverse of :func:`encode`; raises ValueError on a foreign blob."""
    tag, version, nnz = _HEADER.unpack_from(blob)
    if tag != _FORMAT_TAG or version != REPRESENTATION_VERSION:
        raise ValueError("representation of another format or version")
    start = _HEADER.size
    idx = np.frombuffer(blob, dtype="<i4", count=nnz, offset=start)
    vals = np.frombuffer(blob, dtype="<f4", count=nnz, offset=start + 4 * nnz)
    return SparseVector(idx.astype(np.int32, copy=False), vals.astype(np.float32, copy=False))


def stack(vectors: Sequence[SparseVector] | Iterable[SparseVector]) -> sparse.csr_matrix:
    """Rows of a CSR matrix (float32) from stored vectors, without copies per row."""
    vecs = list(vectors)
    indptr = np.zeros(len(vecs) + 1, dtype=np.int64)
    if vecs:
        np.cumsum([v.nnz for v in vecs], out=indptr[1:])
    indices = np.concatenate([v.indices for v in vecs]) if vecs else np.zeros(0, np.int32)
    data = np.concatenate([v.values for v in vecs]) if vecs else np.zeros(0, np.float32)
    return sparse.csr_matrix((data.astype(np.float32, copy=False), indices, indptr), shape=(len(vecs), N_FEATURES))


def stack_blobs(blobs: Iterable[bytes]) -> sparse.csr_matrix:
    """CSR matrix straight from stored bytes (the build's input)."""
    return stack(decode(b) for b in blobs)

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

import bisect
import re
import string
from dataclasses import dataclass

from reporting.analysis.clauses import clause_around


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
# Who a child may be at risk from. A bare "her" is only the person when nothing follows it, so that
# "with her foster carers" or "to her manager" does not read as "with her".
_ADULT = (
    r"(?:(?:(?:her|his|their|the|an?|mum'?s|mam'?s|mother'?s) )?(?:new )?(?:dad|da|tad|faither|mum|mam|maw|fella|"
    r"father|mother|stepdad|step-da|step-dad|"
    r"stepfather|stepmum|"
    r"stepmother|partner|boyfriend|girlfriend|uncle|grandad|grandfather|brother|cousin|ex)\b(?:'s)?|him\b|"
    r"them\b|her\b(?! (?:\w+ )?(?:carers?|foster|aunt\w*|grand\w*|nan\w*|placement|school|teacher|manager|worker|"
    r"parents|family|friends?)\b)|"
    r"the (?:man|woman|adult|perpetrator|abuser|offender|alleged \w+)\b|"
    r"an? (?:\d{2}-year-old |older )?(?:man|male|adult|boy)\b|\[person[ _]?\d*\])"
)
# Safe carers: "still living with her foster carers" is the good news, not the risk.
_NOT_SAFE_CARER = (
    r"(?!(?:(?:her|his) (?:own )?parents\b)|(?:(?:her|his|their|the|a|an) )?(?:new )?(?:foster|kinship|adoptive|"
    r"connected|approved|respite|carers?\b|"
    r"aunt\w*|grandparents|grandmother|nan\w*|placement|residential|friends?\b))"
)
# "Staying with his brother in another town": the adult is away from the child.
_NOT_ELSEWHERE = r"(?![^.;]{0,25}\b(?:in another|abroad|elsewhere|out of the area|in prison|in custody)\b)"
# Where papers and processes sit ("his records are still at the old practice"), not where a child lives.
_NOT_AN_OFFICE = (
    r"(?!(?:the |a |an |her |his |their |our |my )?(?:previous |old |new |same |other |last )?(?:practice|surgery|gp|"
    r"office|authority|council|la\b|team|department|court|panel|stage|draft|process|system|post|inbox|tray|"
    r"school|college|nursery|university|uni|work|asye|training|probation(?:ary)?(?: period)?|role|job|first year)\b)"
)
# Papers, not a child, that are missing ("when notifications are missing", "missing records").
_PAPERS = (
    "notifications",
    "notification",
    "records",
    "record",
    "forms",
    "form",
    "documents",
    "papers",
    "files",
    "file",
    "details",
    "reports",
    "pages",
    "data",
    "fields",
    "information",
    "attachments",
)
_NOT_PAPERS = "".join(f"(?<!{word} )(?<!{word} are )(?<!{word} is )" for word in _PAPERS)
# Staff and services one fails to reach ("can't get hold of anyone in legal"): a system problem.
_NOT_A_PROFESSIONAL = (
    r"(?! (?:anyone|anybody|someone|somebody|a manager|(?:the|my|our|a|an|his|her|their) (?:\w+ )?(?:team|service|"
    r"duty|manager|worker|gp|school|dsl|police|helpdesk|interpreter|legal|it|court|office|line|adviser|officer|"
    r"colleague|supervisor|iro|chair|panel|provider|department|desk|hub|mash))\b)"
)
# Where a lone worker is ("nobody knows where we are"): staff safety, not a missing child.
_NOT_STAFF_WHEREABOUTS = (
    r"(?! (?:we|i|staff|workers?|the worker|you|our (?:\w+ )?(?:staff|workers?)) (?:are|am|is|was|were|go)\b)"
)
_NOW = (
    r"(?:tonight|tomorrow|at half (?:past )?\w+|this (?:weekend|evening|afternoon)|later today|after school|"
    r"in the morning|at midnight|any day|"
    r"at the weekend|"
    r"for the weekend|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|next week|"
    r"at \d{1,2}(?:[.:]\d\d)? ?(?:am|pm)?|at (?:home time|pick-?up))"
)
_SAFEGUARDING_STEP = (
    r"(?:strategy (?:discussion|meeting)|strat|s\.? ?47(?: enquiry)?|section 47(?: enquiry)?|"
    r"(?:child protection |cp )?medical|(?:home |joint )?visit|welfare check|referral|(?:risk |pre-birth )?assessment|"
    r"checks?)"
)
# Checks on staff and volunteers ("no checks on the new minibus driver") are recruitment, not safeguarding.
_NOT_ON_STAFF = (
    r"(?![\w ]{0,20}? on (?:the |a |an |our |this )?(?:new )?(?:\w+ )?(?:driver|staff|worker|volunteer|employee|"
    r"applicant|contractor)s?\b)"
)
_ACTED = (
    r"(?:passed on|passed to|shared|referred|reported|screened|allocated|actioned|followed up|acted on|looked at|"
    r"picked up|escalated|triaged|investigated|responded to)"
)

# Thoughts of ending one's life, in the words young people post and say. "Won't be around much longer"
# is theirs only when quoted or told ("posted that he won't be here much longer"); unquoted it is as
# often a locum or a manager leaving.
_ENDING_LIFE = (
    r"(?:\b(?:sa(?:id|ys|ying)|post(?:ed|s|ing)|text(?:ed|s|ing)|messag(?:ed|es|ing)|wr(?:ote|ites|iting)|told \w+|"
    r"about)(?: that)?[:,]? [\"“']?(?:(?:she|he|they|i)(?:'s| is| was|'ll| will|'d| would)? )?|(?<=[\"“']))"
    r"(?:not (?:being|be|going to be)|won'?t be) (?:here|around) (?:much longer|for (?:much )?longer|for long|"
    r"any ?more|by \w+)|"
    r"\b(?:(?:want(?:s|ed)?|going) to end it(?: all)?|end(?:ing)? it all|better off without (?:me|her|him|them)|"
    r"(?:take|taking) (?:my|her|his|their) own life|no point (?:in )?(?:living|being alive|going on)|can'?t go on "
    r"(?:like this|any ?more)|goodbye (?:note|message|post|letter)s?|unalive\w*)"
)

# "The boat was last seen heading north": where a family's home or car went, not a missing child.
_NOT_A_VEHICLE = "".join(
    f"(?<!{thing} {verb} )" for thing in ("boat", "car", "van", "caravan", "vehicle") for verb in ("was", "were")
)

# (pattern, weight). Weight 3 flags on its own; weaker cues need company. Each family is written in
# the tenses staff use for "now" (present, present perfect, going to); the past is left to _PAST_FRAME.
_LIVE_CUES: tuple[tuple[str, float], ...] = (
    # The child is with the risk now, or goes back to it soon.
    (
        r"\b(?:is|are|'s|'re|remains?|still|now|currently|(?:has|have|'s) been) (?:still |now |currently )?"
        r"(?:at home|in the house|"
        r"in the flat|living|staying|sleeping|back|back living|left|alone|home|there|inside|upstairs|biding) "
        r"(?:with|wi') " + _NOT_SAFE_CARER + _ADULT + _NOT_ELSEWHERE,
        3.0,
    ),
    (
        r"\b(?:continues? to|continuing to) (?:reside|live|stay|sleep|be cared for)\b[^.;]{0,15}? with "
        + _NOT_SAFE_CARER
        + _ADULT
        + r"|\bresid(?:es|ing) with "
        + _NOT_SAFE_CARER
        + _ADULT,
        3.0,
    ),
    # Deliberately broad ("the records are still at the old practice" also fires): narrowing it to a
    # person as subject cost a real live case on held-out reports, and a false alarm only costs a minute.
    (
        r"\b(?:still|currently|right now|as we speak) (?:lives? |living |stays? |staying |sleeps? |sleeping |at home |"
        r"in the house )?(?:with|at|in)\b " + _NOT_SAFE_CARER + _NOT_AN_OFFICE,
        2.0,
    ),
    (
        r"(?<!all )\bright now\b|\bas (?:we|i) (?:speak|type|write)\b|"
        r"\bas far as (?:i|we) know,? [\w\- \[\]]{1,30} (?:is|are)\b",
        3.0,
    ),
    (r"\bbelieved (?:to be )?(?:still )?(?:\w+ing )?(?:at|in|living|with)\b", 3.0),
    (
        r"\b(?:remains?|remaining|left|still|back|gone back|going back|returning) (?:in|into|to) (?:the )?"
        r"(?:care|home|household) of (?!the local authority|the la\b|foster|(?:her|his|their) (?:foster|aunt|grand))",
        2.5,
    ),
    (
        r"\b(?:has|have|'s|is|are|'re) (?:now )?(?:gone|going|moved|been sent|returned|returning) back (?:home )?to "
        r"(?:live with |stay with )?" + _ADULT,
        3.0,
    ),
    (
        r"\b(?:go(?:es|ing)?|return(?:s|ing)?|due (?:to )?(?:go|return)|be(?:ing)? sent)(?:(?: back)?(?: home)"
        r"(?: to [\w' \[\]]{1,25}?)?| back(?: to [\w' \[\]]{1,25}?)?| to (?:" + _ADULT + r"(?:'s)?|his|hers|theirs|"
        r"[\w]+'s)(?: [\w ]{1,20}?)?) " + _NOW + r"\b",
        3.0,
    ),
    (
        r"\b(?:moved (?:[\w']+ ){0,3}back in|(?:has|have) (?:now )?moved in|"
        r"back (?:in|at) the (?:house|address|home|flat))\b",
        2.0,
    ),
    (
        r"\b(?:remains?|still|is|are) (?:living )?(?:in|at) the (?:family home|same (?:house|address|flat|"
        r"household))\b|\blives? (?:at|in) the same (?:address|house|flat|household)\b",
        2.5,
    ),
    (r"\b(?:unassessed|unknown|unvetted|unchecked) (?:adult|man|male|partner|boyfriend|lodger)s?\b", 2.5),
    (
        r"\b(?:has|have)(?:n'?t| not)(?: yet)? been (?:assessed|checked|vetted)\b|\bnever (?:been )?(?:assessed|"
        r"checked|vetted)\b|"
        r"\b(?:nobody|no one|no-one) (?:has )?(?:checked|assessed|vetted|met)\b",
        1.5,
    ),
    # The person the child named, spoken of in the present ("who she says hurt her"), and what they do now.
    (r"\b(?:who|whom) (?:she|he|they) (?:says|say|alleges|allege|has named|has disclosed)\b", 1.5),
    (
        r"\b(?:collects|picks (?:her|him|them|the \w+) up|looks after|babysits|minds|bathes|"
        r"puts (?:her|him|them) to bed)\b",
        1.0,
    ),
    # An adult who may harm the child has access to them now.
    (
        r"\b(?:has|have|having|gets?|given) (?:unsupervised |unrestricted |unfettered |regular |daily |free |open )?"
        r"access to "
        r"(?:the |her |his |their )?(?:child|children|kids|baby|girls?|boys?|house|home|flat)\b",
        2.5,
    ),
    (
        r"\b(?:is|are|has been|keeps?|still) (?:still |regularly |often )?(?:visiting|coming (?:round|over|to the "
        r"(?:house|flat))|staying over|at the (?:house|flat|home)|turning up|around at the)",
        2.0,
    ),
    (
        r"\b(?:let|lets|letting|allowed|allowing|allows) (?:him|her|them|dad|mum|the \w+) (?:back|in|stay|into|see|"
        r"visit|go to)\b",
        1.5,
    ),
    (r"\b(?:unsupervised|overnight|weekend) (?:contact|stays?|visits?)\b", 1.5),
    (
        r"\b(?:contact|visit|overnight|stay)s? (?:is |are )?(?:still )?(?:due|booked|planned|arranged|going ahead)\b",
        1.5,
    ),
    (r"\b(?:alleged (?:abuser|perpetrator)|perpetrator|the man (?:she|he) (?:named|disclosed))\b", 1.0),
    (
        r"(?<!professional )(?<!worker )(?<!\bi )(?<!\bwe )(?<!i'm )(?<!i am )(?<!we're )"
        r"\b(?:still|continues to|continuing to) (?:have|having|has|see|seeing|sees|in contact|visit\w*|stay\w*)\b"
        r"[\w ]{0,25}\b(?:contact|with|him|her|them|dad|mum|father|mother|partner|stepdad)\b",
        2.5,
    ),
    (r"\b(?:every|each) (?:day|night|weekend|evening)\b|\bmost (?:days|nights|weekends|evenings)\b", 0.7),
    # Nobody has seen the child; whereabouts unknown; missing now.
    (
        r"\b(?:no[- ]?one|no-one|nobody|no professional|no agency|no worker|none of us)"
        r"(?: from [\w' ]{1,25}?)?(?: has|'s) "
        r"(?:yet |actually |since )?(?:seen|laid eyes on|set eyes on|had sight of|(?:had |got )?eyes on|spoken to|"
        r"visited|checked on|heard from|been able to see)\b"
        # A thing unseen ("nobody has seen it for a year", of a bedroom or a form) is not a child.
        r"(?! (?:it|this|that|the (?:form|file|report|email|referral|notes?|plan|letter|paperwork|minutes))\b)",
        3.0,
    ),
    (
        r"\b(?:not|never) (?:been )?seen (?:since|for)\b|\bhas(?:n't| not) been seen\b|\bno record of anyone seeing\b",
        3.0,
    ),
    (
        r"\blast time anyone (?:saw|had sight of|spoke to)\b|\b"
        + _NOT_A_VEHICLE
        + r"last (?:seen|sighting) (?:was|on)\b",
        2.5,
    ),
    (
        r"\b(?:can(?:no|')t|have(?:n't| not) been able to|unable to) (?:find|locate|trace|reach|contact|get hold of)\b"
        + _NOT_A_PROFESSIONAL,
        2.5,
    ),
    (
        r"\bwhereabouts (?:are |is )?(?:still )?(?:unknown|unk|not known|unclear)\b|"
        + _NOT_PAPERS
        + r"\b(?:is|are|remains?) (?:still )?missing\b(?! from (?:the |our |his |her |their )?(?:file|record|system|"
        r"bundle|form|report|paperwork|chronology|plan|minutes|agenda|list))|"
        r"\b(?:has|have) been missing (?:for|since)\b",
        3.0,
    ),
    (
        r"\b(?:no[- ]?one|nobody) (?:knows|know) where\b" + _NOT_STAFF_WHEREABOUTS + "|"
        r"\b(?:do|does)(?:n'?t| not) know where [\w' \[\]]{1,25} (?:is|are)\b|"
        r"\b(?:hasn'?t|has not|didn'?t|did not) (?:come|came|gone|returned) (?:home|back)\b",
        3.0,
    ),
    (r"\blost (?:track|touch|contact) (?:of|with)\b", 2.5),
    # Missing now: "he's still not back", "still isn't home".
    (
        r"\bstill (?:not|isn'?t|is not|hasn'?t (?:come|got)|has not (?:come|got)) (?:back|home|returned|been found)\b",
        3.0,
    ),
    (
        r"\b(?:still|currently) (?:not|un)(?:seen|located|found|known|traced)\b|"
        r"\bstill (?:hasn'?t|has not) been (?:seen|found|located|visited)\b",
        3.0,
    ),
    (r"\bnot (?:in|attending) school\b|\bmissing (?:from )?education\b|\boff (?:the )?(?:school )?roll\b", 1.0),
    (
        r"\b(?:not|n't) answering (?:her|his|their|the) (?:phone|door)\b|\b(?:isn|aren)'?t (?:answering|responding)\b",
        1.5,
    ),
    # A disclosure, injury or referral that nobody has acted on yet.
    (
        r"\b(?:still no|no|not yet a|yet to (?:have )?an?) " + _SAFEGUARDING_STEP + r"s? (?:has|have) (?:yet )?been "
        r"(?:held|arranged|booked|convened|made|done|started|completed|carried out|opened)\b" + _NOT_ON_STAFF,
        3.0,
    ),
    (r"\bthere(?:'s| has| have) (?:still )?been no " + _SAFEGUARDING_STEP, 3.0),
    # A note's terse clause ("Nothing since. No pre-birth assessment, nobody has met her.").
    # Only the named steps: a bare "no visits, no meetings" is a list of what a protected morning leaves out.
    (
        r"(?:^|[.;:\n] *)(?:still )?no (?:strategy (?:discussion|meeting)|s\.? ?47(?: enquiry)?|"
        r"section 47(?: enquiry)?|(?:child protection |cp )?medical|(?:home |joint )visit|welfare check|"
        r"(?:risk |pre-birth )assessment)s?"
        r"(?= *[.;\n]| *$| *, *(?!no\b))|(?:^|[.;\n] *)nothing since\b",
        2.0,
    ),
    (r"\bstill no " + _SAFEGUARDING_STEP + r"|\bno " + _SAFEGUARDING_STEP + r"s? (?:yet|booked|planned)\b", 2.5),
    (
        _SAFEGUARDING_STEP
        + r" (?:hasn'?t|has not|haven'?t|have not) (?:yet )?(?:happened|started|begun|taken place|been (?:held|"
        r"done|arranged|booked))",
        3.0,
    ),
    (
        r"\b(?:disclos\w*|allegation|referral|concern|notification|injur\w*|bruis\w*)s?\b[^.;]{0,40}?"
        r"\b(?:hasn'?t|has not|have not|haven'?t|still not|not yet|is yet to|was never|were never|never)(?: yet)? "
        r"(?:been )?" + _ACTED,
        3.0,
    ),
    (
        # "Nobody from our side has been out", not "nobody from IT has been out".
        r"\b(?:no[- ]?one|nobody)(?: from (?!it\b|facilities|estates|hr\b|finance|payroll|the helpdesk)[\w' ]{1,25}?)? "
        r"(?:has )?(?:been out|gone out|been (?:round |out )?to the (?:house|flat|home|address|property)|"
        r"visited|followed (?:it |this )?up|picked (?:it|this) up|"
        r"taken (?:it|this) (?:up|on)|called back|rung back|(?:called|rung|phoned|contacted|told|warned) "
        r"(?:the family|her|him|them|mum|dad)|(?:booked|arranged|requested|organised) (?:one|it|(?:a|an|the) "
        r"(?:visit|medical|strategy|check)))\b",
        2.5,
    ),
    (
        r"\bno (?:visit|home visit|check|welfare check|strategy discussion) has (?:yet )?(?:taken place|happened|"
        r"been (?:done|arranged))\b",
        3.0,
    ),
    (
        r"\b(?:sitting|waiting|stuck|left) (?:in|on) (?:the |a |an |our )?(?:[\w-]+ )?(?:queue|inbox|tray|in-tray|"
        r"pile|folder)\b",
        1.5,
    ),
    (r"\bdisclos\w+\b", 1.0),
    (r"\b(?:unexplained|non-accidental|suspicious) (?:injur\w*|bruis\w*|marks?|burns?|fractures?)\b", 2.0),
    (r"\b(?:new|fresh|recent) (?:bruis\w*|injur\w*|marks?)\b", 2.0),
    (
        r"\b(?:sent|returned|went|gone|goes|going|allowed|discharged) (?:her |him |them |the \w+ )?(?:back )?home\b|"
        r"\bdischarged (?:her |him |them )?(?:back )?to\b",
        1.0,
    ),
    (
        r"\b(?:closed|nfa(?:'?d)?|no further action|stepped down)\b[^.;]{0,80}?\b(?:still|remains?|even though|"
        r"although|despite|nothing has changed|while)\b",
        1.5,
    ),
    # Nowhere safe to sleep tonight.
    (
        r"\bno (?:placement|bed|foster (?:carer|placement)|carers?|emergency placement)s? (?:has been |have been |"
        r"was |were )?(?:yet )?(?:found|available|identified)\b",
        2.5,
    ),
    (
        r"\bnowhere (?:safe )?(?:for (?:her|him|them|the \w+) )?to (?:go|stay|sleep|live|put (?:her|him|them))\b|"
        r"\bsofa[- ]?surf\w*|\bstreet homeless\b|"
        r"\bsleep(?:s|ing)? (?:rough|on the streets?|in (?:a|the|his|her|their|mum's) car(?! seat)|"
        r"in a (?:tent|park|stairwell)|"
        r"at the station|in the office|on (?:a|the) (?:sofa|floor))\b|"
        r"\b(?:liv(?:e|es|ing)|stay(?:s|ing)?|sleep(?:s|ing)?|doss(?:es|ing)?|kip(?:s|ping)?) in "
        r"(?:a|an|the|his|her|their) (?:\w+'s )?"
        r"(?:tent|car(?! seat)|shed|garage|van)\b",
        3.0,
    ),
    (
        r"\bno (?:bed|placement|foster placement|accommodation|roof|safe (?:place|bed|accommodation))\b[^.;]{0,25}?"
        r"\b(?:tonight|today|yet)\b",
        3.0,
    ),
    (r"\b(?:is|are|will be|now|being made) homeless\b", 2.0),
    # A plan that rests on a protective measure that is failing now.
    (
        r"\b(?:safety plan|safety agreement|written agreement|working agreement|bail conditions?|non-molestation order|"
        r"protective order|dvp[on]|restraining order|injunction)\b[^.;]{0,20}?\b(?:is|are|keeps?|has been|have been|"
        r"being)(?: still)?(?: being)? (?:breached|broken|ignored|failing|not (?:being )?(?:followed|kept|adhered|"
        r"working|enforced|stuck))",
        3.0,
    ),
    (
        r"\b(?:breach(?:ing|ed|es)?|broke|broken|breaking) (?:of )?(?:the |his |her |their )?(?:safety plan|"
        r"written agreement|bail|non-molestation|order|dvp[on]|injunction|agreement|conditions)\b",
        2.0,
    ),
    (r"\b(?:dvp[on]|order|injunction|bail)\b[^.;]{0,20}?\b(?:expired|ran out|run out|lapsed)\b", 2.0),
    (
        r"\b(?:relies|relying|depends|depending|dependent|rests) (?:entirely |solely |wholly )?on [\w' ]{1,25}?"
        r"(?:keeping|stopping|not letting|supervising|preventing|protecting)\b",
        1.5,
    ),
    # Exploitation going on now.
    (
        r"\b(?:still|keeps?|kept|continues? to|continuing to|regularly|repeatedly|frequently) (?:going|go|goes|being "
        r"reported|getting reported|running) (?:off |away )?missing\b|\bgo(?:es|ing)? missing (?:most|every|each|"
        r"several|a few|two|three) (?:nights?|weekends?|days?|times)\b",
        3.0,
    ),
    (
        r"\b(?:picked up|collected|driven (?:off|away)|taken away|getting into cars?)(?: [\w ]{1,20}?)? (?:by|with) "
        r"(?:an? )?(?:older|adult|unknown|much older) (?:males?|men|man|boys|adults?|youths)\b|"
        r"\b(?:picked up|collected)(?: [\w ]{1,20}?)? by an? (?:man|male|adult)\b",
        2.5,
    ),
    (
        r"\b(?:man|male|adult|boyfriend)'? (?:in his|aged|is|who is) (?:20s|30s|40s|twenties|thirties|[2-6]\d)\b|"
        r"\btwice (?:her|his|their) age\b",
        2.0,
    ),
    (
        r"\b(?:is|are|'s|'re) (?:still |currently |now )?(?:being )?(?:sexually |criminally )?(?:exploited|groomed|"
        r"trafficked)\b|"
        r"\bbeing used to (?:run|sell|carry|hold|move|deal)\b",
        3.0,
    ),
    (r"\bgo(?:es|ing|ne)? country\b|\bcounty lines?\b|\bcuckoo(?:ed|ing)\b|\btrap house\b", 1.5),
    (
        r"\b(?:still|continues? to be|remains?) (?:in contact|in touch|talking|messaging|meeting) with|"
        r"\bwho groomed (?:her|him|them)\b",
        2.0,
    ),
    # The reporter's own worry, urgency or sense that this cannot wait.
    (
        r"\b(?:(?:(?:i|we) (?:am|are|remain|feel|still feel)|i'm|we're)\s(?:(?:really|very|extremely|seriously|"
        r"genuinely|so|still|quite|deeply|increasingly) )*(?:worried|concerned|scared|frightened|afraid|fearful|"
        r"anxious)|(?:i|we) (?:really |genuinely )?(?:fear|worry))\b[^.;]{0,40}?\b(?:not safe|unsafe|"
        r"(?<!staff )(?<!my )(?<!our )(?<!own )(?<!worker )(?<!lone-working )safety|"
        r"at risk|harm\w*|hurt|injur\w*|happen to|for (?:her|him|them|(?:the|this|these|that) (?:little |young )?"
        r"(?:child|children|baby|girls?|boys?|young person|kids|family)))\b",
        3.0,
    ),
    (
        r"\b(?:i|we) (?:don'?t|do not|can'?t|cannot) (?:think|believe|feel|say|be sure|be confident) (?:that )?"
        r"[\w' \[\]]{1,40}? (?:is|are|will be|would be|'s|'re) (?:safe|protected)\b|"
        r"\b(?:i am|we are|i'm|we're) (?:still )?not (?:comfortable|happy|satisfied|reassured|convinced|confident) "
        r"(?:that )?[\w' \[\]]{1,40}? (?:is|are|will be|would be|'s|'re) (?:safe|protected)\b",
        3.0,
    ),
    (
        r"\b(?:she|he|they|child|children|baby|boy|girl|kids|siblings|\]|\)) (?:is|are)(?: not|n't) safe\b|"
        r"\b(?:is|are) in (?:immediate |real )?danger\b",
        3.0,
    ),
    (r"\b(?:is|are|'s|'re) (?:at (?:immediate |serious |real |significant |high )?risk)\b", 1.5),
    (r"\b(?:i|we) (?:think|believe|feel|suspect|know) (?:that )?(?:she|he|they|the (?:child|children|baby))\b", 1.0),
    (
        r"\b(?:needs?|need to be|has to be|must be|should be) (?:looking at|looked at|seen|visited|checked|acted on|"
        r"picked up|followed up|escalated)\b[^.;]{0,30}?\b(?:today|tonight|now|urgently|straight away|immediately|"
        r"asap|before (?:the weekend|tonight))\b|\b(?:someone|somebody|a social worker|a worker|we) (?:needs?|has|"
        r"have|must|should) (?:to )?(?:see|visit|check on|go out to|speak to|look at|pick up)\b[^.;]{0,40}?"
        r"\b(?:today|tonight|now|urgently|straight away|immediately|asap)\b",
        3.0,
    ),
    (r"\b(?:i|we) don'?t think (?:it|this|that) (?:can|should) wait\b|\bcan'?t wait (?:a|until|till)\b", 3.0),
    (r"\bwon'?t be (?:seen|looked at|picked up) (?:until|till)\b|\bearliest [\w ]{1,30} is next\b", 2.0),
    (r"\b(?:urgent(?:ly)?|immediate(?:ly)?|straight away)\b", 0.8),
    (
        r"\b(?:please|can someone|could someone|can somebody) (?:urgently )?(?:check|look|follow|pick|visit|escalate)",
        1.5,
    ),
    (r"\b(?:on standby|strategy discussion today|going out (?:with|to)[\w ]{0,20} (?:today|this afternoon))\b", 1.5),
    (r"\bsubmitting this (?:as well|so)\b|\bso it doesn'?t get lost\b", 1.5),
    # The child's fear, not the reporter's ("what I was afraid of was a telling-off").
    (
        r"(?<!\bi )(?<!\bwe )\b(?:is|are|was|'s) (?:too |very |really |so )?(?:scared|frightened|terrified|afraid|"
        r"feart) "
        r"(?:to|of)\b",
        2.0,
    ),
    # More ways of saying the same things, each in words any team would use.
    (
        r"\b(?:is|are|'s|'re|has been|have been|'s been) (?:still |now )?(?:staying|sleeping|living|stopping) "
        r"(?:over )?(?:at|in|with) "
        + _NOT_SAFE_CARER
        + r"(?:"
        + _ADULT
        + r"|the (?:flat|house|home|address|property))"
        + _NOT_ELSEWHERE,
        2.5,
    ),
    (
        r"\b(?:hasn'?t|has not|haven'?t|have not) been (?:home|back|visited|seen|in school|in|at (?:school|nursery|"
        r"college)) (?:for|since|in)\b",
        3.0,
    ),
    (r"\bphone (?:goes straight to voicemail|is (?:off|switched off|dead))\b", 1.5),
    (r"\b(?:no[- ]?one|nobody) (?:is )?(?:available|free|able) to (?:do|visit|see|go|pick)\b", 2.5),
    (
        r"\bwhere (?:she|he|they|this \w+|the \w+|[\w\[\] ]{1,20}) (?:is|are|will be) (?:sleeping|staying|living)"
        r"(?: tonight| now)?\b|\bnot (?:confident|sure|clear) (?:that )?(?:anyone|anybody|we|i) (?:knows?|know)\b",
        3.0,
    ),
    (
        r"\b(?:leaves|leaving|left) (?:the |her |his |their )?(?:child|children|kids|baby|them|her|him) alone with\b",
        3.0,
    ),
    (r"\b(?:meant|supposed) to (?:be )?supervis\w+\b", 1.5),
    (r"\bcoming (?:back|home) (?:drunk|intoxicated|high|smelling of)\b", 1.5),
    (r"\b(?:returned|gone back|moved back|back) to (?:live with )?(?:the )?(?:perpetrator|abuser|offender)\b", 3.0),
    (r"\b(?:left|leaving|has left) (?:the )?refuge\b", 2.0),
    (
        r"\b(?:keeps?|still|continues? to|repeatedly) (?:running|runs?|going|goes) (?:off|away)\b|\babscond\w*",
        2.5,
    ),
    (r"\b(?:meet|meeting|meets) (?:adults|men|older \w+|people) (?:he|she|they) (?:met|meets|has met) online\b", 2.0),
    (r"\bmy (?:main |biggest |real )?(?:worry|concern|fear) is\b", 1.5),
    (r"\bdue to (?:be )?(?:returned|go(?:ing)? (?:back|home)|move back|return)\b", 2.0),
    (
        r"\b(?:is|are|'s|'re) (?:still |now )?spending (?:the )?(?:nights?|weekends?|time|evenings?) (?:at|with) "
        + _NOT_SAFE_CARER
        + _ADULT,
        2.5,
    ),
    (
        r"\bhang(?:s|ing)? (?:around|about|out)\b[^.;]{0,30}?\bwith (?:older |adult |unknown )?(?:men|males|adults)\b",
        2.5,
    ),
    (
        r"\bdespite (?:the |a |his |her |their )?(?:non-molestation order|restraining order|bail(?: conditions?)?|"
        r"injunction|dvp[on])\b",
        2.0,
    ),
    (r"\bif (?:we|someone|no[- ]?one|nobody) (?:don'?t|doesn'?t|do not|does not) (?:act|do something|step in)\b", 1.5),
    (r"\b(?:will|would|is going to|'ll) (?:kill|hurt|harm) (?:herself|himself|themselves|myself)\b", 3.0),
    (r"\bwill (?:kill|hurt|hit|beat|harm) (?:her|him|them|me)\b|\bif (?:she|he|they) tells? anyone\b", 3.0),
    (
        r"\b(?:(?:doesn'?t|does not|don'?t|do not) want to|won'?t|refuses to|refusing to) go (?:back )?"
        r"(?:home|to (?:his|her|their) (?:dad|father|mum|mother|stepdad|stepfather|parents|family))\b",
        2.5,
    ),
    (
        # Not professionals who do not come to meetings or to school ("nobody comes to either").
        r"\b(?:no[- ]?one|nobody) (?:comes|answers|is looking after|is caring for|is feeding)\b"
        r"(?! to (?:either|both|any|(?:the |our )?(?:meetings?|reviews?|core groups?|conferences?|school|panel)\b))",
        2.0,
    ),
    (r"\b(?:is|are|'s|'re) (?:very |really |often |always )?(?:drunk|intoxicated|high|under the influence)\b", 2.5),
    (r"\b(?:meeting|seeing|meets|sees) (?:him|them|the man|this man|an? (?:man|adult|older \w+)) " + _NOW + r"\b", 2.5),
    (r"\bafter (?:her|his|my|their) (?:leave|holiday|annual leave)\b|\b(?:two|three|\d+) weeks away\b", 1.5),
    (r"\b(?:out|missing) all night\b", 1.5),
    (
        r"\b(?:large amounts of|unexplained) (?:cash|money|gifts)\b|\bnew (?:phones?|clothes|trainers)(?: that)? "
        r"(?:no[- ]?one|nobody)\b",
        1.5,
    ),
    (r"\b(?:trying|tried|been unable) to (?:get hold of|contact|reach|find|trace)\b", 1.5),
    (r"\b(?:house|flat|home) (?:looks|is|seems) (?:empty|abandoned)\b|\boff school\b", 1.5),
    (r"\bclosed without (?:a visit|being seen|seeing|an assessment|a strategy|anyone)\b", 2.0),
    (r"\b(?:no[- ]?one|nobody|no-one) to (?:take|look after|care for|collect|have) (?:her|him|them|the \w+)\b", 3.0),
    (r"\bwith " + _ADULT + r" alone\b", 2.0),
    (
        r"\b(?:is|are|'s|'re) (?:still |now )?with "
        + _NOT_SAFE_CARER
        + _ADULT
        + r" (?:now|right now|tonight|at the moment|as we speak)\b",
        3.0,
    ),
    (
        r"\b(?:man|male|adult|partner|boyfriend|lodger)s? (?:who is |who's )?(?:now |currently )?(?:living|staying|"
        r"sleeping) (?:with|at|in) (?:the|this|her|their) (?:family|house|home|flat|household)\b",
        2.0,
    ),
    (
        r"\b(?:(?:has|have)n'?t|(?:has|have) not|not) been able to (?:get in|see (?:her|him|them|the \w+)|"
        r"gain (?:access|entry))\b(?!'s)",
        3.0,
    ),
    (r"\b(?:is|are) (?:now )?(?:caring for|looking after|minding|babysitting)\b", 1.5),
    # "He's not known to police" is the check coming back clear.
    (
        r"\b(?:child protection|cp|safeguarding|criminal|violent) history\b|"
        r"(?<!not )(?<!n't )(?<!never )\bknown to (?:police|the police)\b",
        1.5,
    ),
    (r"\b(?:storing|holding|carrying|hiding|keeping) (?:a |the )?(?:knife|knives|weapons?|drugs|gun|package)\b", 2.0),
    (r"\bbeing (?:bullied|forced|made|pressured|threatened|groomed) into\b", 1.5),
    (r"\bknow where (?:he|she|they) lives?\b", 1.5),
    (r"\bwithout (?:anyone|anybody) (?:looking at|picking up|reading|seeing|checking)\b", 2.0),
    (r"\beven though (?:she|he|they) (?:says?|said|told)\b", 1.5),
    (
        r"\b(?:is|are|'s|'re) (?:out drinking|drinking (?:heavily|again|daily|every)|using (?:again|drugs|heroin|"
        r"crack|cocaine|cannabis)|taking drugs)\b",
        2.0,
    ),
    (r"\bcaring for (?:his|her|their) (?:[\w]+ ){0,2}(?:siblings|brothers|sisters)\b", 1.0),
    (
        r"\btake (?:the |her |his |their )?(?:children|kids|child|baby|her|him|them) (?:abroad|out of the country)\b",
        2.5,
    ),
    # Not "stopped using the agency without telling us why": that is a decision's reasons, not a child's whereabouts.
    (r"\bwithout telling (?:us|anyone|anybody|the school|children's services)\b(?! why\b)", 2.0),
    # Alone now with no adult able to care; the home without the basics.
    (
        r"\bno (?:other |responsible )?(?:adult|carer|grown-up)s? (?:at home|in the (?:house|flat)|present|there|"
        r"around|with (?:her|him|them))\b|\bno (?:other )?(?:adult|carer)\b(?= *[.,;])",
        2.5,
    ),
    (r"\bno (?:food|heating|electricity|gas|nappies|milk|formula|beds?)\b(?: in the (?:house|flat|home))?", 1.5),
    # An adult who is a danger finding, waiting for or coming back for the child.
    (
        r"\b(?:sitting|waiting|parked|parking|hanging around) (?:\w+ )?(?:outside|near|at the end of) (?:(?:the |our |"
        r"her |his |their )?(?:house|home|school|placement|address|flat|nursery|gates?)|in (?:a|his|her|their) car)\b|"
        r"\bfound out (?:our|the|her|his|their) (?:address|school|placement)\b|"
        r"\bknows? where (?:he|she|they|his|her|their) (?:\w+ )?(?:lives?|is placed|goes to school)\b",
        2.0,
    ),
    (
        r"\b(?:expected|due|coming|will be|would be|'ll be|said (?:he|she) would be|going to be) (?:back|home|round)"
        r"\b[^.;]{0,20}?\b(?:" + _NOW + r"|this evening|later)\b",
        2.5,
    ),
    (r"\b(?:no|nothing) (?:order |one |court )?(?:to stop|stopping|preventing) (?:him|her|them)\b", 2.0),
    (r"\b(?:nobody|no one|no-one) has (?:cancelled|stopped|suspended|postponed|called off) (?:it|the)\b", 2.0),
    (
        r"\b(?:contact|overnight|visit|stay|handover)s? (?:with (?:dad|mum|\w+) )?(?:is |are )?(?:still )?"
        r"(?:on |planned |booked |due |arranged )?" + _NOW + r"\b",
        1.5,
    ),
    (
        r"\b(?:see|seeing|sees|meets?|meeting|with) (?:their|his|her) (?:dad|father|mum|mother|stepdad|brother|uncle)"
        r" (?:alone|on (?:their|his|her) own|unsupervised)\b|\bmust be supervised\b",
        2.0,
    ),
    (r"\bbeing (?:made|forced|pressured|told|used) to (?:carry|sell|hold|deliver|run|hide|move|deal)\b", 2.5),
    (
        r"\b(?:do|does)(?:n'?t| not)? (?:think|believe|feel) (?:that )?(?:the|this|our|their) (?:\w+ )?"
        r"(?:plan|arrangement|agreement)s? (?:is |are )?(?:protects?|protecting|keeps?|keeping|safe|enough)\b",
        3.0,
    ),
    (r"\b(?:is|are|'s) (?:getting worse|escalating|deteriorating)\b", 1.5),
    (
        r"\b(?:is|are|'s|'re) still (?:living|staying|sleeping) (?:there|at the (?:address|house|flat|home))\b",
        2.0,
    ),
    # Further families met in staff writing: the harmer's presence seen, harm repeating, a child with an
    # adult nobody knows, a plan already broken, a debt being worked off.
    (
        r"\b(?:his|her|their|dad's|the \w+'s) (?:car|van|motorbike) (?:is|has been|keeps being) (?:\w+ )?"
        r"(?:outside|on the drive|parked|there)\b",
        2.0,
    ),
    (
        r"\b(?:bruis\w*|marks|injur\w*|burns|handprints?)\b[^.;]{0,30}?\b(?:again|twice|three times|several times|"
        r"repeatedly|more than once)\b|\b(?:each|every) time,? the (?:explanation|story|account) is\b",
        2.0,
    ),
    (r"\b(?:the (?:one|man|person|adult)|who) (?:who )?(?:caused|inflicted) (?:the|her|his|their)\b", 1.5),
    (r"\b(?:the one|is the (?:man|person|adult)) who (?:hurt|broke|injured|abused|assaulted|hit|did)\b", 1.5),
    (r"\b(?:living|staying|sleeping|back) with\b[^.;]{0,30}?\bagain\b", 2.0),
    (r"\b(?:it is|it's) (?:now )?(?:\d{1,2}(?:[.:]\d\d)? ?(?:am|pm)|after \d|past \d|gone \d)\b", 1.5),
    (
        r"\b(?:wanted|decided|chose|agreed|going|said) to (?:wait|see how|monitor it|leave it|watch it)\b|"
        r"\bwait and see\b|\bbefore (?:calling|ringing|telling|contacting|referring) (?:anyone|anybody|us)\b",
        1.5,
    ),
    (
        r"\b(?:no[- ]?one|nobody|no-one) (?:actually |really |seems to |even )?knows? "
        r"(?:where"
        + _NOT_STAFF_WHEREABOUTS
        + "|whether (?:she|he|they|the) |if (?:she|he|they) (?:is|are)|for (?:sure|certain))|"
        r"\b(?:no[- ]?one|nobody|no-one) (?:actually|really) knows\b",
        2.5,
    ),
    (r"\b(?:stopped|stop) (?:answering|engaging|responding)\b|\bdisengaged\b", 1.5),
    (
        r"\b(?:do|does)(?:n'?t| not) have (?:an|a current|any|a) address\b|\bno (?:known |current |fixed )?address\b"
        r"(?! (?:visited|given|recorded|provided|listed|held|on (?:file|the system|the form|the referral)))",
        2.0,
    ),
    (
        r"\b(?:have|has)(?:n'?t| not) (?:yet )?(?:found|identified|got|located) (?:a |an |any )?(?:bed|placement|"
        r"foster|carers?|emergency|accommodation|anywhere)\b",
        2.5,
    ),
    (
        r"\b(?:neighbour|friend|man|woman|adult|relative|lodger)s? (?:we|nobody|no one|no-one) (?:know|knows) "
        r"(?:nothing|very little|little|anything) about\b|\b(?:we|i) (?:know|knew) nothing about (?:him|her|them|"
        r"this (?:man|woman|adult|person))\b",
        2.0,
    ),
    (
        r"\b(?:no[- ]?one|nobody|no-one) has (?:done|carried out|completed|run) (?:any |the )?(?:checks|an assessment|"
        r"police checks|dbs)\b|\bno checks (?:have been|were|on)\b" + _NOT_ON_STAFF,
        2.0,
    ),
    (r"\blodgers?\b", 1.0),
    (
        # A sleepover, not the form or consent for one (delegated authority is paperwork).
        r"\bsleepovers?\b(?! (?:requests?|forms?|consents?|permissions?|sign-?offs?))|"
        r"\b(?:having|has|have) (?:the \w+|them|her|him) (?:for (?:the )?(?:night|weekend)|to stay)\b",
        1.5,
    ),
    (
        r"\b(?:agreed|said|says|plan (?:says|is)|expectation (?:is|was)) (?:that )?[\w' ]{1,45}? (?:would|will|should|"
        r"must|is to|was to) not (?:have (?:any )?contact|see|visit|return|be (?:at|in|around|alone))\b",
        1.5,
    ),
    (
        r"\b(?:stayed|slept|stopped|been staying|staying) (?:over )?(?:at|with) "
        + _NOT_SAFE_CARER
        + r"(?:him|his|dad|dad's|their (?:dad|"
        r"father|mum|mother)|her (?:dad|father|mum|mother)(?:'s)?)\b" + _NOT_ELSEWHERE,
        1.5,
    ),
    (
        r"\b(?:owes?|owing) (?:someone|somebody|people|them|money|a debt)\b|\bwork (?:it|the debt|that) off\b|"
        r"\bdrug debt\b",
        2.0,
    ),
    (
        r"\bcom(?:es|ing) (?:back|home) with (?:cuts|injuries|cash|money|gifts|bruises|new)\b|\bcom(?:es|ing) back "
        r"from (?:contact|visits?|(?:her|his|their) \w+'s)\b[^.;]{0,30}?\b(?:terrified|scared|distressed|scratch\w*|"
        r"bruis\w*|marks|hungry)\b",
        1.5,
    ),
    (
        r"\b(?:he|she|they|dad|mum|partner|stepdad|boyfriend)(?:'s| is|'re| are) still (?:there|at the (?:house|"
        r"address|flat|home|property)|in the (?:house|home|flat|property))\b",
        2.0,
    ),
    (
        r"\b(?:asked|begged|told) (?:me|us|her|him|them) not to tell (?:anyone|anybody|her mum|his mum|mum|dad)\b",
        1.5,
    ),
    (
        r"\b(?:have|has)(?:n'?t| not) (?:yet )?(?:spoken to|told|informed|contacted|rung|called|passed it (?:on )?to)"
        r" (?:anyone|anybody|the dsl|the mash|the front door|children's services|social care|police)\b",
        2.5,
    ),
    (
        r"\b(?:come|comes|coming) (?:in|into school|to school|to nursery) with (?:a |an )?(?:\w+ )?(?:bruis\w*|"
        r"marks?|cuts?|burns?|injur\w*|black eye|split lip|cut lip|scratch\w*)\b",
        2.0,
    ),
    (
        r"\bself[- ]harm\w* (?:daily|every day|again|most days|every night)\b|\b(?:says|said) (?:she|he|they) "
        r"(?:has|have) a plan\b",
        2.5,
    ),
    (
        r"\b(?:don'?t|do not) think (?:anyone|anybody|we|anyone else) (?:is|are) (?:holding|managing|picking|"
        r"dealing with|on top of|aware of|following)\b",
        2.5,
    ),
    (
        r"\b(?:staying|stays|stay|stopping|out) (?:out )?(?:until|till) (?:\d{1,2} ?(?:am)?|all hours)\b|"
        r"\bcan'?t stop (?:her|him|them)\b",
        2.0,
    ),
    (r"\bit'?s been \d+ (?:days|weeks)\b|\bit has been \d+ (?:days|weeks)\b", 1.0),
    (
        r"\b(?:visit|medical|strategy \w+|check|s47|section 47)\b[^.;]{0,40}?\bstill (?:hasn'?t|has not|haven'?t|"
        r"have not) (?:yet )?(?:happened|taken place|been done)\b",
        2.5,
    ),
    (
        r"\bthreat\w* to (?:take|snatch|remove|abduct|kill|hurt|harm|run off with)\b|\bno (?:order|court order|"
        r"protection|safety plan|plan) (?:is )?in place\b",
        2.5,
    ),
    (r"\bafter (?:every|each) (?:contact|visit|weekend)\b", 1.5),
    (r"\bcontact (?:continues|is continuing|carries on|goes ahead|is still happening)\b", 1.5),
    (r"\b(?:outside|out) alone (?:late|at night)\b|\bwandering (?:alone|on|in the|the streets)\b", 2.0),
    (
        r"\b(?:there is|there's) (?:currently |still )?no (?:safety plan|plan|protection plan|safety agreement)\b|"
        r"\bno safety plan\b",
        2.5,
    ),
    (r"\b(?:does not|doesn'?t|do not|don'?t) believe (?:her|his|their) (?:daughter|son|child|children|kids)\b", 2.0),
    (r"\b(?:is|are) (?:at risk of|suffering|likely to suffer) significant harm\b", 2.5),
    (
        r"\b(?:deferred|put off|postponed|pushed back|delayed) (?:to|until|till) (?:next|monday|tuesday|"
        r"wednesday|thursday|friday|after)\b",
        1.5,
    ),
    (r"\b(?:has sat|has been|sitting|remains?|still|left) unallocated\b", 2.0),
    (r"\b(?:we|i) (?:have|'ve got|'ve) no idea where\b|\b(?:vanishes|disappears|goes off the radar)\b", 3.0),
    (r"\b(?:the only (?:other )?adult|only adult)\b", 1.0),
    (
        r"\brisks? (?:remains?|is still|are still|continues? to be) (?:very |extremely )?(?:high|significant|serious|"
        r"unchanged|the same)\b|\bnothing [\w ]{0,20}has changed\b",
        2.5,
    ),
    (r"\b(?:back on the scene|resurfaced|reappeared|back in the picture)\b", 2.0),
    # Bailed to where the child lives: the arrest is past, the adult being there is now.
    (
        r"\bbail(?:ed)? (?:him |her |them )?(?:back )?(?:home|to (?:the )?(?:same|family|home|mum's|her|his|their) "
        r"(?:address|home|house|flat))\b",
        2.5,
    ),
    (r"\b(?:post|mail|letters|clothes|things) (?:is |are )?(?:arriving|delivered|turning up) (?:at|to)\b", 1.5),
    (
        r"\b(?:is|are|'s) (?:there|round|over|at the (?:house|flat|address)) (?:most|every|each|several) "
        r"(?:nights|evenings|days|weekends|night|evening|day|weekend)\b",
        2.5,
    ),
    (
        # "I'm worried sick about the little lad in that house": the worry, its strength and the child in any words.
        r"\b(?:i am|i'm|we are|we're) (?:(?:very|really|still|increasingly|deeply|so|genuinely|honestly) )*(?:uneasy|"
        r"troubled|uncomfortable|worried|concerned|scared|frightened)(?: sick| stiff| to death)? (?:about|for) "
        r"(?:this|the|that|these) (?:\w+ )?(?:case|child|children|family|baby|girls?|boys?|young person|lad|lass|kids|"
        r"little ones?|bairns?|toddler|twins|siblings)\b(?! ?(?:load|protection|in care (?:team|service)))",
        2.0,
    ),
    (
        r"\b(?:have|has)(?:n'?t| not) (?:yet )?had (?:a |an )?(?:medical|cp medical|child protection medical|"
        r"strategy|visit|paediatric)\w*",
        2.5,
    ),
    (r"\b(?:is|are|'s) (?:back )?(?:at )?home now\b|\bback home now\b", 1.5),
    (
        r"\b(?:falls?|falling|fell) asleep (?:with|holding|while (?:holding|feeding|caring for)) (?:the |her |his )?"
        r"(?:baby|child|toddler)\b|\bself-medicating\b",
        2.5,
    ),
    (r"\b(?:has|have) (?:just |now |today )?disclosed\b", 2.0),
    (r"\blives? with (?:them|her|him|the (?:child|children|family|girls?|boys?))\b", 1.5),
    (r"\b(?:no[- ]?one|nobody) is (?:checking|monitoring|seeing|visiting|watching)\b", 2.5),
    (
        r"\b(?:hasn'?t|has not|haven'?t|have not) (?:got|gotten|been) in(?:to the (?:house|flat|home))? "
        r"(?:since|for)\b",
        2.5,
    ),
    (r"\b(?:is|are|'s|'re) (?:now )?back (?:living|staying|sleeping) (?:there|at|in)\b", 2.5),
    (r"\bflinch\w*|\bdon'?t tell (?:daddy|mummy|mum|dad|mam|anyone|anybody)\b", 1.5),
    (
        r"\b(?:no[- ]?one|nobody) has (?:looked at|thought about|considered|asked|checked|worked out) (?:who (?:cares|"
        r"is caring|looks|is looking|will look|will care) (?:for|after)|where (?:she|he|they|the \w+) (?:is|are|"
        r"sleeps?|stays?|lives?)|whether (?:she|he|they|the (?:child|children|baby|kids)) (?:is|are) (?:safe|ok|"
        r"okay|being))",
        2.5,
    ),
    (
        r"\b(?:children|kids|baby|child|girls?|boys?|siblings|little ones) (?:is|are) (?:still )?(?:there|in there|"
        r"inside)\b",
        2.0,
    ),
    (r"\bwanted (?:by (?:the )?police|on a warrant)\b|\bon the run\b", 1.5),
    (
        r"\b(?:let|lets|letting|allowed|allowing) (?:them|him|her|the parents|parents|dad|mum) (?:have )?"
        r"(?:unsupervised|alone|time alone)\b",
        2.5,
    ),
    (r"\b(?:different|differing|changing|inconsistent) (?:stories|accounts|explanations)\b", 1.5),
    (r"\bdischarge (?:planning|is planned|is being planned)\b|\bplan(?:s|ning)? to discharge\b", 1.5),
    (
        r"\b(?:haven'?t|have not|hasn'?t|has not|not|never) (?:been able to )?(?:see|seen|speak to|spoken to|spoken "
        r"with) (?:(?:her|him|them|the (?:child|children|\w+)) )?(?:on (?:her|his|their) own|alone)\b",
        2.5,
    ),
    (r"\banswers for (?:her|him|them)\b|\bsits in on\b|\balways sits in\b", 1.5),
    # Structural families, for phrasing nobody has written a cue for. A child not seen, with how long
    # ("no visits have been undertaken since August", "whereabouts have not been confirmed since Friday"):
    # a seeing word and a negation in one clause, then a span of time.
    (
        r"\b(?:not|n't|never|no|nobody|no[- ]one)\b[^.;]{0,50}?\b(?:seen|sighted|sight|sighting|visits?|visited|"
        r"eyes on|whereabouts|spoken to|heard from)\b[^.;]{0,40}?\b(?:since|for (?:a |an |\d+ |two |three |four |"
        r"five |six |several |some |over (?:a |\d+ )?)?(?:days?|weeks?|wks|months?|fortnight))\b|"
        r"\b(?:sight(?:ing)? of|eyes on|whereabouts(?: of)?|visits? to)\b[^.;]{0,40}?\b(?:has|have)(?:n't| not)"
        r"(?: yet)? been (?:achieved|possible|had|gained|confirmed|made|undertaken)\b",
        2.5,
    ),
    (
        r"\bno (?:visits?|home visits?|sightings?|direct work|face[- ]to[- ]face (?:contact|visits?)|assessment|"
        r"checks?)\b[^.;]{0,35}? (?:has|have) (?:yet )?(?:been )?(?:undertaken|made|completed|carried out|taken place|"
        r"happened|occurred|achieved)\b" + _NOT_ON_STAFF,
        3.0,
    ),
    (
        r"\b(?:unable to|can'?t|cannot|could(?:n'?t| not)|(?:has|have) been unable to) (?:gain|get) (?:access|entry|"
        r"in)\b|\brefused (?:us |me |her |him |them |the \w+ )?(?:entry|access)\b|\b(?:refus\w+|declin\w+) "
        r"(?:all )?(?:contact|visits|to let (?:us|anyone|the \w+) (?:in|see))\b|\b(?:not|no'|won'?t|isn'?t|aren'?t) "
        r"let(?:ting)? (?:us|anyone|anybody|me|professionals|the \w+) (?:in|see)\b",
        2.5,
    ),
    # An adult of unknown or known risk living there now, or a check on them still not done.
    (
        r"\b(?:still|now|remains?|currently) (?:resident|residing)\b|\bresid(?:es|ing|ent) (?:at|in) (?:the )?"
        r"(?:address|home|house|property|household|flat)\b|\b" + _ADULT + r" (?:remains?|is still|still|now) "
        r"(?:lives? |living )?(?:in|at) the (?:home|house|household|property|address|flat)\b",
        2.5,
    ),
    (
        r"\bchecks? (?:on|for|into) (?:the |her |his |their |mum's |this )?(?:new )?(?:adult|man|partner|boyfriend|"
        r"girlfriend|lodger|male|household|stepdad|stepfather|dad|father|uncle|friend|him|her|them)\b[^.;]{0,40}?"
        r"(?:(?:has|have)n'?t|(?:has|have) not|not)(?: yet)? (?:been )?(?:completed|done|"
        r"carried out|come back|returned|started)\b|\bchecks? (?:are |is |still )*(?:outstanding|pending)\b|"
        r"\boutstanding checks\b",
        1.5,
    ),
    (
        r"\b(?:no[- ]?one|nobody) has (?:done|written|made|put in place|agreed|drawn up|completed) "
        r"(?:a |an |the |any )?(?:safety plan|plan|risk assessment|assessment|checks?)\b",
        2.0,
    ),
    # The reporter's hedged worry ("I'm not convinced she's safe", "it doesn't sit right").
    (
        r"\b(?:not (?:convinced|sure|confident|certain|satisfied|reassured)|doubt|don'?t (?:think|believe|feel)|"
        r"can'?t (?:be sure|say)|wonder(?:ing)? (?:if|whether)) (?:that )?(?:she|he|they|(?:the|these|those|this|that|"
        r"her|his|their) (?:\w+ )?(?:child|children|kids|baby|girls?|boys?|twins|siblings|little ones?|young person|"
        r"lad|lass|bairns?|weans?)|\[child[ _]?\d*\])(?:'s|'re| is| are| will be| would be) (?:\w+ )?(?:safe|okay|ok|"
        r"alright|all right|protected)\b",
        3.0,
    ),
    (
        r"\b(?:(?:doesn'?t|does not|don'?t|do not) sit right|gut (?:feeling|instinct)|bad feeling|(?:can'?t|cannot) "
        r"put my finger on|something(?:'s| is) (?:not right|wrong|off)|alarm bells|uneasy|niggl\w+|feels? wrong|not "
        r"(?:comfortable|happy) (?:with|about) how)\b",
        1.5,
    ),
    (
        r"\b(?:keeps?|kept|keep on) (?:cancelling|missing|refusing|avoiding|putting off)\b|\bcancels (?:every|each|"
        r"all)\b|\b(?:refus(?:es|ing)|(?:is|are) not|now not) (?:to )?(?:engag(?:e|ing)|cooperat(?:e|ing))\b",
        1.5,
    ),
    # Going home, or released, at a near time; a protective order ending at one.
    (
        r"\b(?:(?:go(?:es|ing)?|sent|send(?:ing)?|discharg\w+|return(?:s|ing)?|taken|taking (?:her|him|them))(?: "
        r"(?:her|him|them))? (?:straight |right )?(?:back )?home|discharg\w+ (?:herself|himself|themselves))\b"
        r"[^.;]{0,40}?\b(?:today|tonight|tomorrow|this "
        r"(?:afternoon|evening|weekend)|on (?:mon|tues|wednes|thurs|fri|satur|sun)day|in the morning|at \d)",
        1.5,
    ),
    (
        r"\b(?:go(?:es)?|return(?:s)?|is going|are going|will go|'ll go|will be going) (?:straight |right )?back "
        r"(?:home )?to (?:live with )?" + _ADULT,
        2.0,
    ),
    (
        r"\b(?:bail|order|conditions|injunction|dvp[on])\b[^.;]{0,20}?\b(?:ends?|expires?|lapses?|runs? out|is "
        r"lifted) (?:at midnight|tonight|today|tomorrow|this week|on (?:mon|tues|wednes|thurs|fri|satur|sun)day|"
        r"next week)\b|\bif the order (?:isn'?t|is not) (?:renewed|granted|extended|made)\b",
        2.5,
    ),
    (
        r"\b(?:won'?t|will not|can'?t|cannot) (?:happen|be (?:held|seen|done|visited|looked at|allocated|convened)|"
        r"take place|start) (?:until|till)\b",
        2.0,
    ),
    (
        r"\bno (?:safety |birth |protection |pre-birth |care )?plan (?:agreed|on file|yet|made|in place)\b|"
        r"\bno (?:medical )?(?:attention|treatment|help|advice) (?:was |has been |been )?sought\b",
        2.5,
    ),
    (r"\b(?:leav(?:e|ing)) (?:them|her|him|the (?:child|children|kids|baby)) (?:there|at home)\b", 1.5),
    (r"\bprevious (?:removals?|children (?:were )?removed)\b|\b(?:older|other) (?:children|siblings) removed\b", 1.5),
    (r"\b(?:awaiting|await) (?:a |the )?(?:call ?back|response|reply|decision|strategy|visit|allocation)\b", 1.5),
    (
        r"\bexplanations? (?:is |are |was |were |seems? )?(?:inconsistent|implausible|changing|not consistent)\b|"
        r"\b(?:inconsistent|implausible) (?:explanation|account|story)\b",
        1.5,
    ),
    # A child alone with nobody able to care for them.
    (
        r"\b(?:alone|on (?:her|his|their) own) (?:in|at) (?:the |a )?(?:flat|house|home|car|property|address|"
        r"\[address\])(?!\w)(?! with\b)|"
        r"\bleft (?:\w+ ){0,4}"
        r"?on (?:her|his|their) own\b(?! for (?:an? |\d+ |two )?(?:hour|minute))|\b(?:is|are) (?:now )?alone with\b",
        2.5,
    ),
    (
        r"\b(?:is|are|'s) (?:picking|collecting|having|taking) (?:the \w+|them|her|him)(?: up)?\b[^.;]{0,40}?"
        + _NOW
        + r"\b",
        1.5,
    ),
    (r"\b(?:can'?t|cannot) stand (?:the sight of )?|\bwants? (?:him|her|them|the baby) (?:gone|out|dead|taken)\b", 2.0),
    (
        r"\b(?:hear|heard|hears|hearing) (?:the |a |her |his |their )?(?:baby|child|children|kids|toddler|girl|boy|"
        r"little one)s? (?:screaming|crying|sobbing)\b|\bcould be heard (?:screaming|crying)\b",
        2.0,
    ),
    # Missing from care now, in the words of the logs.
    (
        r"\b(?:is|are|remains?|still|currently) (?:still )?(?:awol|absent without (?:leave|authority))\b|"
        r"\bmissing episode (?:is )?(?:ongoing|open|continuing)\b|\b"
        + _NOT_A_VEHICLE
        + r"last (?:seen|sighting|sighted)\b",
        2.5,
    ),
    # An adult met online, in contact now.
    (
        r"\b(?:man|men|adult|adults|someone|somebody|person|stranger)s? (?:(?:she|he|they) (?:met|knows|talks to|chats "
        r"to) )?(?:online|on (?:a |an |the )?(?:\w+ )?(?:app|game|site|snapchat|instagram|tiktok|discord|whatsapp|"
        r"facebook|roblox|xbox))\b|\b(?:from|by) (?:an? )?(?:adult|man|older man|stranger)s? (?:asking|telling|wanting|"
        r"offering)\b",
        1.5,
    ),
    # Present-tense markers: weak alone, they raise other cues.
    (
        r"\b(?:tonight|this weekend|tomorrow|over the weekend|later today|this evening|(?:another|one more) night)\b",
        1.5,
    ),
    (
        r"\b(?:this morning|this afternoon|today|last night|"
        r"since (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b",
        0.8,
    ),
    (r"\b(?:look into it|raise it at|picked up when|(?<!n't )(?<!not )wait(?:ing)? (?:until|till|for))\b", 1.0),
    (
        r"\b" + _CHILD + r" (?:is|are) (?:in the house|at the address|at home) with\b(?! (?:an? |the )?(?:cp |child "
        r"protection |safety |support |care )?(?:plan|package|support)\b)",
        3.0,
    ),
    (r"\bas of (?:today|this morning|now|writing)\b|\bat the time of writing\b", 2.0),
    # A young person's own words about ending their life: a risk now, however the sentence is hedged.
    (_ENDING_LIFE + r"\b", 2.0),
    # Not the reporter's own "still" ("I still work here", "we're still waiting for the review").
    (r"\b(?:at the moment|at present|currently|(?<!\bi )(?<!\bwe )(?<!'re )(?<!'m )still)\b", 0.7),
)

# Nothing done, no reply, still waiting: live only when the thing waiting is a harm to someone (an IT
# ticket or an expenses claim "still not actioned" is not), so these count only in a text naming a harm
# or a child-protection matter.
_UNACTIONED_CUES: tuple[tuple[str, float], ...] = (
    (r"\bnot (?:been |yet )?acted on\b|\bnothing has (?:been done|happened|changed) (?:yet|since)\b", 2.5),
    (r"\bthere(?:'s| has| have) (?:still )?been no (?:follow[- ]?up|response|action)\b", 2.0),
    (
        r"\bnothing (?:seems to have|appears to have|has) (?:happened|been done)\b"
        r"(?!,? (?:that (?:i|we) (?:know|am aware|are aware) of|to (?:her|him|them|the \w+)))",
        2.5,
    ),
    (r"\bwaiting to be (?:screened|allocated|seen|triaged|picked up|looked at)\b", 2.0),
    (r"\bnot (?:been |yet )?(?:referred|reported|passed on|escalated)\b", 2.0),
    (r"\bnothing has (?:gone|been sent|been passed|been referred|been reported)\b", 2.5),
    (r"\b(?:no[- ]?one|nobody|no-one) has (?:rung|called|phoned|contacted|got back to|come back to) (?:me|us)\b", 2.0),
    (
        r"\bstill (?:waiting|awaiting)(?: for| on)? (?:a |the )?(?:response|reply|decision|call back|strategy|visit|"
        r"medical|police|mash|duty|front door|screening)|\b(?:haven'?t|hasn'?t|have not|has not) (?:yet )?"
        r"(?:heard back|had a (?:response|reply|call back))\b|\b(?:had|got|received|'ve had) no (?:reply|response|"
        r"call back|callback)\b|\b(?:nobody|no one) (?:is )?(?:picking up|answering)\b",
        1.5,
    ),
)

# Beyond the phrase families: a sentence that names a harm and places it now ("her ex is sleeping at
# the flat again", "mum is using again and is the only carer") is evidence too, in whatever words it
# comes. One present marker is weak evidence; two in the same sentence are as strong as a phrase cue.
_HARM = re.compile(
    r"\b(?:hit(?:s|ting)?|hurts?|chok\w+|strangl\w+|punch\w*|kick(?:s|ing|ed)?|slap\w*|beat(?:s|ing|ings|en)?|bruis\w*|"
    r"black eye|fractur\w*|burns?|burnt|marks|injur\w*|bleed\w*|assault\w*|abus\w*|violen\w*|threat\w*|kill|"
    r"stab(?:s|bed|bing|bings)?|weapons?|"
    r"knife|sexual\w*|touch(?:es|ed|ing)|rap(?:e|ed|ing)|groom\w*|exploit\w*|traffick\w*|indecent\w*|offences?|"
    r"offender|charged|drunk|drinking|intoxicated|collapsed|batter\w*|threw (?:her|him|them) out|rude things|sores|"
    r"can'?t cope|do something stupid|kill (?:myself|herself|himself)|unconscious|overdos\w*|drugs?|using again|"
    r"alcohol|vodka|cannabis|heroin|"
    r"neglect\w*|hungry|no food|unfed|no (?:electricity|heating|gas)|home alone|left alone|alone with|unsupervised|"
    + _NOT_PAPERS
    + r"missing\b(?![- ](?:from[- ](?:home|care|education)[- ])?(?:protocol|policy|procedures?|coordinator|team|"
    r"panel|data|meetings?))(?! from (?:the |our |his |her |their )?(?:file|record|system|bundle|form|report|paperwork|"
    r"chronology|plan|minutes|agenda|list))|"
    r"run(?:s|ning)? away|ran away|kicked out|thrown out|hanging around|older (?:men|males?|man|boys)|"
    r"men who|adults? (?:he|she|they) met online|in (?:his|her|their) (?:20s|30s|40s|twenties|thirties|forties)|"
    r"county lines?|debt|perpetrator'?s?|abuser|bail|non-molestation|dvp[on]|suicid\w*|self[- ]harm\w*|ligature|"
    r"(?:can'?t|doesn'?t want to|won'?t|scared to|afraid to) go home|handprints?|hand prints?|finger ?(?:tip )?marks|"
    r"threw (?:a|the|things|\w+) at|shook|shaken|flinch\w*|"
    r"punish\w*|locked in|valium|diazepam|benzos?|spice|ketamine|cocaine|crack|"
    r"methadone|forces? (?:her|him|them) to|sex with|wandering|messages from adults|"
    r"told (?:her|him|them) not to come (?:back|home)|comes? into (?:her|his|their|the) "
    r"(?:room|bedroom|bathroom|bed)|lock(?:s|ed|ing)? (?:her|him|them) (?:in|out)|"
    # Regional and everyday words for the same harms.
    r"lamp(?:s|ed|ing)|belt(?:s|ed|ing)|leather(?:s|ed|ing)|skelp\w*|wallop\w*|clout\w*|battered|steaming|"
    r"bladdered|paralytic|off (?:his|her|their) (?:face|head)|on the (?:drink|booze|gear)|feart|"
    r"(?:scared|frightened|terrified|afraid) of|screaming|shout(?:s|ing) at|restrain\w*|"
    r"sit(?:s|ting) on (?:her|him|them)|"
    r"injecting|psychotic|psychosis|in crisis|sectioned|nappy rash|same clothes|losing weight|weight loss|"
    r"(?:medication|medicine|insulin|inhaler)s?\b[^.;]{0,20}?(?:not|n't) (?:been )?(?:collected|given|taken)|"
    r"told to leave|taken over by|offending|cruelty|scald\w*|scratch(?:es|ed)|terrified|being left|pressure sores|"
    r"biting (?:himself|herself|themselves)|older lads|twice (?:her|his|their) age|mature for (?:her|his|their) age|"
    r"asking (?:her|him|them) to (?:video call|meet|send|keep)|"
    r"keep (?:it|this|them) (?:a )?secret|"
    r"(?:asking|asks|asked) (?:her |him |them )?for (?:pictures|photos|images|pics)|"
    r"nudes|indecent images|blackmail\w*|sextort\w*|"
    r"sending (?:her|him|them) (?:gifts|money|presents)|asking to meet|wants? to die|" + _ENDING_LIFE + r"|"
    r"(?:released|out) (?:from|of) (?:custody|prison|jail)|on licence)\b"
)
_NOW_WORD = re.compile(
    r"\b(?:tonight|today|this (?:morning|afternoon|evening|week|weekend)|now|right now|at the moment|currently|still|"
    r"again|yet|next week|until|before anyone|as we speak|'ll|will|won'?t|can'?t|doesn'?t|due to|goes|keeps|"
    r"(?:is|are|'s|'re) (?:[\w-]+ing|being|there|out|back|now)|(?:has|have)n'?t|(?:has|have) not|'s been|'ve been|"
    r"no one|nobody|nothing (?:has|seems)|there'?s been no|there has been no|no follow-up|never assessed|"
    r"unallocated|not confident|only carer|"
    # A harm verb in the present simple is itself ongoing ("hits her"), as is what someone says now, a
    # state that runs since an event, and terse notes' "ongoing"/"outstanding".
    r"(?:hits|hurts|beats|kicks|punches|slaps|chokes|touches|lamps|belts|locks|shouts at|screams at) (?:her|him|them|"
    r"me)|says|is saying|keeps saying|tells (?:us|me|staff)|since|ongoing|outstanding|continues?|continuing|"
    r"(?:is|are) (?:now |still )?(?:left|alone|home|with)|"
    r"all (?:week|day|night|the time)|every (?:day|night|time|week|weekend|morning|evening)|each (?:day|night|time)|"
    r"daily|nightly|for hours|(?:has|have|'s|'ve) been (?!missing)\w+ing)\b"
)
# Just before a harm word, these say it has stopped or never happened ("hasn't gone missing since").
_NEGATED = re.compile(r"(?:n't|\bnot|\bno longer|\bnever)\s+(?:\w+\s+){0,2}$|\b(?:nobody|no[- ]one)\s+$")
_PROTECTION_MATTER = re.compile(
    r"\b(?:disclos\w*|allegations?|police|child protection|cp plan|strategy|s47|section 47)\b"
)
_HARM_NOW_CAP = 2.0
_HISTORY_CAP = 1.5


# Rules over one sentence: every part must occur somewhere in the same sentence, in any order, and the
# sentence must not be told as past, denied or hypothetical. Each names a shape of present risk that
# staff write in countless words, so the parts are small lexicons rather than phrases.
_KID = (
    r"\b(?:child|children|kids?|bab(?:y|ies)|toddlers?|infants?|newborn|twins|siblings?|boys?|girls?|"
    r"lads?|lass(?:es)?|bairns?|"
    r"weans?|young (?:'un|un|person|people)|little (?:'un|one)s?|teen(?:ager)?s?|pupils?|y(?:ear )?\d{1,2} pupil|"
    r"sons?|daughters?|\d{1,2} ?yo|\d{1,2}[- ](?:day|week|month)[- ]olds?|(?:\d{1,2}|one|two|three|four|"
    r"five|six|seven|eight|nine|ten|eleven|twelve|"
    r"thirteen|fourteen|fifteen|sixteen|seventeen)[- ]year[- ]olds?|\[child[ _]?\d*\]|\((?:[1-9]|1[0-7])\)|"
    r"she|he|her|him)\b(?!'s (?:services|social care|centre|team|hub|guardian|commissioner))"
)
# An event within the last hours is present whatever the tense ("went missing an hour ago"). A clock
# time is not: logs stamp every past step with one ("strategy discussion at 02:10").
_RECENT = (
    r"\b(?:(?:an?|one|two|three|four|five|ten|fifteen|twenty|thirty|forty|a few|a couple of|couple of|\d{1,2}) "
    r"(?:hours?|hrs?|minutes?|mins?) ago|"
    r"(?:about|around|half) an hour ago|this (?:morning|afternoon|evening)|earlier today|today|tonight|last night|"
    r"just now|(?:have|has|'ve|'s) just|just been)\b"
)
# Exposure that repeats now ("the uncle visits daily", "at every feed").
_HABITUAL = (
    r"\b(?:daily|nightly|every (?:day|night|morning|evening|weekend|time|feed|visit|contact|handover|other day)|"
    r"each (?:day|night|morning|evening|weekend|time|feed|visit)|most (?:days|nights|evenings|mornings|weekends)|"
    r"all the time|several times a (?:day|week)|(?:\w+ )?times a (?:day|night)|every (?:mon|tues|wednes|thurs|fri|"
    r"satur|sun)day)\b"
)
# A near time, for a release, discharge, return or visit that has not happened yet.
# "Later" after a span ("readmitted a fortnight later", "two days later") tells a story, not what comes next.
_SOON = (
    r"\b(?:" + _NOW + r"|tomorrow|today|this (?:afternoon|evening|weekend|week)|"
    r"(?<!days )(?<!weeks )(?<!months )(?<!years )(?<!hours )(?<!fortnight )(?<!week )(?<!month )(?<!day )"
    r"later|imminently|shortly)\b"
)
_ARRIVES = (
    r"\b(?:released|releasing|discharg\w+|gets? out|getting out|let out|bailed|moving (?:back )?in|move (?:\w+ )?"
    r"(?:back )?in|moves in|coming (?:home|back|round|over|to (?:pick|collect|get|take|meet|stay))|comes? (?:home|"
    r"back|round)|visit(?:s|ing)?|return(?:s|ing)? (?:home|to)|going (?:back )?home|go(?:es)? (?:back )?home|"
    r"collect(?:s|ing)?|pick(?:s|ing)? (?:her|him|them) up|staying over|stay(?:s)? over|to care for|"
    r"hav(?:e|ing) (?:the (?:kids|children|baby)|them|her|him) (?:for|overnight))\b"
)
# Someone who has harmed a child, or an adult around one whom nobody has assessed.
_HARMER = (
    r"\b(?:perpetrator(?! programme)|abuser|(?:sex )?offender|schedule 1|convicted|who (?:hurt|hit|abused|"
    r"assaulted|raped|"
    r"attacked|injured|strangled)|where (?:she|he|they) (?:tried|hurt|hit|attacked|assaulted)|"
    r"un(?:vetted|assessed|checked)|(?:adult|man|male|partner|boyfriend|girlfriend|lodger|step-?\w+|uncle|friend|"
    r"cousin|grandad)\b[^.;]{0,20}?\b(?:not (?:yet )?(?:been )?(?:vetted|checked|assessed)|never (?:been )?"
    r"(?:vetted|checked|assessed)))"
)
# A child's basic needs unmet: food, warmth, shelter, supervision, cleanliness, clothing.
_NEEDS = (
    r"\b(?:not (?:being )?fed|(?:nobody|no one|no-one) (?:has )?fed|(?:hasn'?t|has not|haven'?t|have not|not) "
    r"(?:had|eaten) (?:any ?thing|any food|breakfast|tea|dinner|lunch|a (?:proper )?meal|properly|for)|"
    r"starv\w+|half-starved|(?:cupboards?|fridge)s? (?:is |are |was |were )?(?:\w+ )?(?:bare|empty)|no (?:food|"
    r"breakfast|tea|coat|shoes|mattress|cot|bed|heating|electric\w*|gas|nappies|milk|formula|clean clothes)|"
    r"(?:electric\w*|gas|meter) (?:has )?(?:run out|been cut off|off)|after dark|alone at night|out (?:alone )?"
    r"(?:late )?at night|locked (?:out|in)|on the doorstep|in (?:his|her|their|just a|only a) (?:pyjamas|nappy|"
    r"pants|vest)|(?:left|home|alone) (?:alone|on (?:her|his|their) own|by (?:herself|himself|themselves))|"
    r"left in charge of|(?:dog|cat|human) (?:mess|faeces|excrement)|faeces|filthy|soiled|unwashed|untreated|"
    r"(?:hasn'?t|has not|not) been treated|kept (?:off|home from) school|wandering|sleep(?:s|ing)? in the car|"
    r"(?:walking|wandering|out|outside) alone|begs? (?:for )?food|begging (?:for )?food|same (?:clothes|"
    r"nappy)|smells)\b"
)
# Medical neglect now: growth falling, treatment or appointments refused or missed.
_MEDICAL = (
    r"\b(?:weight (?:is )?(?:dropping|falling|dropped|down)|lost weight|(?:hasn'?t|has not|haven'?t|have not|not) "
    r"(?:been )?taken (?:her |him |them )?to (?:a |the )?(?:doctor|gp|hospital|a&e|dentist)|dropp(?:ed|"
    r"ing) (?:\w+ )?centiles?|faltering growth|"
    r"ftt|failure to thrive|losing weight|(?:declin(?:es|ing)|refus(?:es|ing)|(?:has|have) refused|won'?t (?:take|"
    r"bring|attend|collect|give)|not (?:taking|bringing|attending|collecting|giving)|keeps? (?:missing|cancelling))"
    r"\b[^.;]{0,40}?\b(?:appointments?|clinic|a&e|hospital|gp|doctor|treatment|medical|prescriptions?|medication|"
    r"insulin|inhaler|dentist|paediatric\w*)|(?:hasn'?t|has not|not) had (?:his |her |their |any )?(?:insulin|"
    r"medication|medicine|inhaler|treatment))\b"
)
# An adult, or someone unknown, reaching a child online, in contact now or asking to meet.
_ONLINE = (
    r"\b(?:online|snapchat|snap|tiktok|instagram|insta|roblox|discord|whatsapp|xbox|playstation|fortnite|minecraft|"
    r"facebook|messenger|kik|telegram|gam(?:e|er|ing)|app|dms?|messag\w+|texts?|texting|chats?|chatting)\b"
)
_ADULT_OR_MEETING = (
    r"\b(?:grown (?:man|men|woman|adult)|(?:older |adult |unknown )?(?:man|men|male|adult|stranger)s?|[2-6]\d[- ]"
    r"?year[- ]old|in (?:his|her|their) (?:20s|30s|40s|50s|twenties|thirties|forties|fifties)|(?:wants?|asking|"
    r"asks?|trying|keeps asking|offer(?:s|ing|ed)?) (?:her |him |them )?to (?:meet|come and meet|send|pick|collect|"
    r"visit|video)|meet up|come and meet|send (?:her|him|them) (?:an uber|a taxi|money|gifts|a ticket|train)|"
    r"sending (?:her|him|them) (?:money|gifts|presents))\b"
)
# An injury or event now, in the words that _HARM does not already hold.
_HARM_EXTRA = (
    r"\b(?:went missing|gone missing|grabb\w+|(?:fresh|new|deep) cuts|cuts (?:on|to) (?:her|his|"
    r"their) (?:arms?|legs?|wrists?|face|body)|ran (?:off )?from|run (?:off )?from|(?:isn'?t|is not|"
    r"not) back|swollen|"
    r"swelling|smother\w*|suffocat\w*|cutting (?:her|his|their)(?:self|selves| arms| legs| wrists)|"
    r"cutting (?:him|them)sel\w+|overdos\w*|doesn'?t see the point|adult (?:males?|men)|psychiatric (?:ward|unit|"
    r"hospital)|locked (?:out|in))\b"
)
# A sentence that is a what-if, a rule or a wish is not a report of now.
_HYPOTHETICAL = re.compile(r"\b(?:if|unless|whenever|in case|would|could|might|should|imagine|what if)\b")
# Dated history, for these rules only: the phrase cues weigh it through _PAST_FRAME instead.
_DATED = re.compile(
    r"\b(?:last (?:week|month|year)|(?:weeks?|months?|years?) ago|when (?:she|he|they|i|we) (?:lived|was|were|"
    r"used))\b"
)
# The adult is away from the child ("the perpetrator is now in prison").
_AWAY = re.compile(r"\b(?:in (?:prison|custody|jail)|abroad|moved away|no contact|no longer)\b")

_PRESENT = _NOW_WORD.pattern + "|" + _HABITUAL + "|" + _RECENT

# (parts that must all occur in one sentence, weight). The first part is quoted as the reason.
_SENTENCE_RULES: tuple[tuple[tuple[re.Pattern[str], ...], float], ...] = tuple(
    (tuple(re.compile(part) for part in parts), weight)
    for parts, weight in (
        # A harm within the last hours, to a child.
        ((_HARM.pattern + "|" + _HARM_EXTRA, _RECENT, _KID), 3.0),
        # A release, discharge, return or visit soon, with a harm or a harmer in view.
        ((_ARRIVES, _SOON, _HARM.pattern + "|" + _HARM_EXTRA + "|" + _HARMER), 3.0),
        # Exposure that repeats now, with a harm or a harmer in view.
        ((_HARM.pattern + "|" + _HARM_EXTRA + "|" + _HARMER, _HABITUAL, _KID), 3.0),
        # An adult nobody has assessed, with the child now.
        ((_HARMER, _NOW_WORD.pattern, _KID), 2.5),
        # Basic needs unmet now.
        ((_NEEDS, _PRESENT, _KID), 2.5),
        # Medical neglect now.
        ((_MEDICAL, _KID), 2.5),
        # An adult online in contact now, or someone online asking to meet.
        ((_ADULT_OR_MEETING, _ONLINE, _NOW_WORD.pattern + "|" + _HABITUAL + r"|\bwants?\b", _KID), 2.5),
    )
)


# A cue in the same sentence as one of these describes something over or told with hindsight, a
# case from another time or place, a what-if, or a statement about children in general.
_PAST_FRAME = re.compile(
    r"\b(?:at the time|back then|last year|(?:years?|months?) ago|in (?:19|20)\d\d|(?<!being )used to|previously|"
    r"(?:my|a|the) (?:previous|last|old|first) (?:authority|team|role|job|post|council|year|years|placement)|"
    r"a case (?:from|in|where|i (?:had|worked|once))|"
    r"risk that (?:a|any|another|one of our) (?:child|baby|young person)|"
    r"(?:a|any) (?:child|baby|young person) (?:goes|gets|is left|falls|slips)|"
    r"(?:when|whenever|if|once) (?:a|an|any) (?:child|young person|baby|parent|family)\b|"
    r"\bany (?:child|children|teenagers?|young (?:person|people)|bab(?:y|ies)|famil(?:y|ies)) (?:with|who)\b|"
    r"\b(?:would|'d) have (?:seen|known|done|acted|picked|spotted|noticed|set|been)\b|"
    r"some (?:children|babies|injuries|"
    r"families|cases|referrals|young people)|should (?:never|always)|"
    r"(?<!the )(?<!these )(?<!those )(?<!both )(?<!our )(?<!two )(?<!three )(?<!four )"
    r"\b(?:children|babies|young people|infants|teenagers) who (?:are|have|go|do|live|don't|can)|"
    # A group named by its need ("a plan for teenagers with nowhere to go"), not one child.
    r"(?<!the )(?<!these )(?<!those )(?<!both )(?<!our )(?<!her )(?<!his )(?<!their )(?<!two )(?<!three )"
    r"\b(?:children|babies|young people|infants|teenagers|teens|kids|families) with (?:nowhere|no)\b|"
    r"when i (?:reviewed|audited)|"
    r"(?:the|an|for the) audit|"
    r"one day|sooner or later|imagine|what if|in (?:the )?future|(?:a|any|another) (?:child|baby|young person) "
    r"(?:could|might|would|will)|could (?:easily )?(?:lead|result|end)|"
    r"(?:children|babies|young people|staff|families|parents|workers) (?:are|can be|may be) (?:\w+ )?"
    r"(?:at risk|vulnerable|harmed) (?:when|if|because|of)|"
    r"historic\w*|(?:had|'d) (?:been|gone|moved|not|never|no|already|seen|visited|heard)|hadn'?t|"
    r"that (?:night|evening|afternoon|morning|day|week|weekend)|in the end|"
    # Nobody acted, for a span that has closed ("Nobody picked it up for 16 days"): with "has" it is still open.
    r"(?:no[- ]?one|nobody) (?:picked|followed|took|looked|rang|called|visited|checked|noticed)\b[^.;]{0,20}? for "
    r"(?:\d+|two|three|four|five|six|several|a few) (?:hours|days|weeks|months)|"
    # A learning or case review looks back on what happened.
    r"(?:learning|case|practice|incident|rapid) review|since then|was (?:placed|removed|found|remanded)|"
    r"(?<!who )was arrested(?! for)|were (?:placed|removed|found)|"
    r"police attended|(?:strategy discussion|strategy meeting|s47|section 47)(?: was)? (?:held|convened|started)|"
    r"(?:is|are) now (?:safe|settled)|now safe|no harm came)\b"
)

# A sentence that tells what someone passed on, or what a procedure says, reports a concern as it
# stood then ("I submitted a PPN for a 6 year old found wandering", "EDT sent a handover about a 16
# year old sofa-surfing", "the procedure says ring police if whereabouts unknown"), unless it also
# says the matter is still open ("I made a referral about her last week and nobody has called").
_TOLD_THEN = re.compile(
    r"\b(?:sent|submitted|made|raised|logged|filed|put in|wrote|completed) (?:a |an |the |my |our |in )?(?:\w+ )?"
    r"(?:handover|ppn|referral|intel(?:ligence)? (?:log|report)|log|report|notification|merlin|contact)s? "
    r"(?:about|for|on|regarding|re|concerning)\b|"
    r"\btold (?:my|the|our|a) (?:\w+ )?(?:sergeant|manager|supervisor|tm|dsl|team|inspector|senior|colleague)s? "
    r"(?:that|about)\b|"
    r"\b(?:procedure|policy|guidance|protocol|threshold(?: document)?|rules?) (?:says?|states?|requires?)\b"
)
_STILL_OPEN = re.compile(
    r"\b(?:still|nothing|no[- ]one|nobody|not yet|yet|(?:has|have)(?:n't| not)|no (?:response|reply|answer)|is|are|"
    r"now|today|tonight)\b|'s\b|'re\b"
)

# A sentence opening like this tells when or where the sentence before it happened.
_LOOKS_BACK = re.compile(r"\s*(?:this|that|these|all (?:of )?this) (?:was|were|is what|is how|is the|happened)\b")

# Earlier in the same sentence, these deny the cue that follows.
_DENIED = re.compile(
    r"\b(?:no (?:suggestion|evidence|indication|sign|reason to (?:think|believe|suspect))|nothing to (?:suggest|"
    r"indicate)|(?:no[- ]?one|nobody|no-one) (?:thinks|believes|suggests|is saying)|it is not (?:true|the case))\b"
)

# The reporter judges the child not at risk now ("so i don't think he's at risk now").
_JUDGED_SAFE_NOW = (
    r"\b(?:i|we) (?:don'?t|do not) (?:think|believe|feel) (?:that )?(?:she|he|they|the (?:child|children|baby|young "
    r"person))(?:'s| is| are|'re) (?:at risk|in danger|unsafe) (?:now|any ?more)\b"
)
# Phrases that say a past risk ended well; they offset weak cues, never erase strong ones.
_RESOLVED_CUES: tuple[str, ...] = (
    # A report that opens by saying it tells of good practice ("Good example.", "Good news.") tells of
    # something that went right.
    r"^\W*(?:(?:a |another |some )?(?:really |very )?(?:good|great|positive) (?:example|news|practice|one|story|"
    r"experience|work)|shout[- ]?out|praise|credit where)\b",
    r"\b(?:was|were) (?:fine|safe|ok|okay|unharmed) (?:in the end|afterwards|by then)\b",
    r"\b(?:nothing (?:bad |untoward |serious )?happened|no harm (?:came|was done)|it was caught|was caught in time|"
    r"turned out (?:to be )?(?:fine|ok|okay|nothing|unfounded|unsubstantiated)|turned out [^.;]{0,30}?\b(?:was|were) "
    r"(?:unfounded|unsubstantiated|false|malicious))\b",
    # The reporter's own word that the child is not at risk now.
    _JUDGED_SAFE_NOW,
    r"\b(?:was|were) seen the (?:following|next) (?:day|week)\b",
    r"\b(?:brought|taken|came|come|returned) (?:back|home)\b[^.;]{0,30}?\b(?:safe|safely|unharmed|fine)\b|"
    r"\bsafe and well\b|\bwith hindsight\b|\blooking back\b|\b(?:has|have) been (?:seen|visited) since\b",
    r"\b(?:was|were|is|are) (?:now )?(?:fine|safe|well|ok|okay|unharmed)\b|"
    # A note's "still on the ward so safe".
    r"(?<!not )(?<!never )\bso (?:(?:was|were|is|are) )?(?:safe|unharmed)\b",
    r"\b(?:has|have) no contact\b|\blives? abroad\b|\bexcluded from the (?:family )?(?:home|house|address)\b|"
    r"\b(?:conditions|agreement|order|plan) (?:have|has) been (?:kept|adhered to|followed)\b",
    r"\b(?:resolved|in the end|was later|were later|eventually)\b|\b(?:has|have) since (?:been (?:placed|"
    r"seen|moved|found|removed|returned|assessed|adopted)|moved|settled|stopped|ended|left|improved|gone)\b",
    r"\bnow (?:placed|living with|safe|in (?:foster|a placement|care))\b|"
    r"\b(?:is|are) now on (?:a|an) (?:(?:cin|cp|child protection|child in need|protection|safety) )?plan\b",
    r"\b(?:is|are) (?:now )?(?:doing (?:well|all right|alright|fine)|going well|thriving|settled|happy)\b|"
    r"\bassessed as (?:safe|suitable)\b|"
    r"\b(?:the |an? )?assessment recommended\b|\bon the recommendation of\b",
    r"\b(?:was|were) seen (?:the )?(?:same|next|following) (?:day|morning|evening)\b",
    r"\b(?:was|were) (?:placed|removed|remanded)\b|(?<!who )\bwas arrested\b(?! for)|\bpolice attended\b|"
    r"(?<!no )(?<!no safety )(?<!no safeguarding )(?<!no protection )\b(?:safety )?plan (?:is )?in place\b",
    r"\bstrategy (?:discussion|meeting) (?:was )?(?:held|convened)\b",
    # Also in note form, without the verb ("Refuge found by the evening.").
    r"(?<!no )(?<!not )\b(?:placement|foster (?:home|carers?)|bed|refuge(?: place| space)?|safe house) "
    r"(?:(?:was|were|has been|have been) )?(?:found|secured|identified)\b",
    # A harm that has not come back ("She hasn't been readmitted since", "not gone missing since").
    r"\b(?:hasn'?t|has not|haven'?t|have not|not) (?:been )?(?:re-?admitted|admitted|back in hospital|gone missing|"
    r"been missing|missing|run away|self-harmed|harmed (?:her|him|them)sel\w+)(?: again)? since\b",
    # Recovered, and now with safe carers ("Baby has recovered and is in a kinship placement").
    r"\b(?:has|have) (?:fully |since )?recovered\b|\b(?:is|are) (?:now )?in (?:a |an )?(?:kinship|foster|"
    r"connected persons?|residential|adoptive) (?:placement|care|home|carers?)\b",
    # A protective step taken ("Contact moved to a supervised venue", "contact is now supervised").
    r"\bcontact (?:was |has been |is now |now )?(?:moved to (?:a |the )?supervised|supervised (?:only|from now)|"
    r"suspended|stopped)\b|\bcontact is now supervised\b",
)


# A report only about adults (a care leaver's housing, a parent's own safety) is not a child at risk:
# its text cues do not count unless a child under 18 is also in it.
_ADULTS_ONLY = re.compile(
    r"\b(?:care leavers?|pathway plan|personal adviser|turned (?:1[89]|2\d)|"
    r"(?:1[89]|2\d)[- ]year[- ]old|aged (?:1[89]|2\d)|children are (?:adults|grown)|adult "
    r"(?:children|son|daughter)|(?:has|have) no children)\b"
)
_A_CHILD = re.compile(
    r"\b(?:bab(?:y|ies)|toddlers?|infants?|newborn|unborn|pregnan\w*|nursery|pupils?|siblings?|younger (?:brother|"
    r"sister)s?|(?:her|his|their) (?:sons?|daughters?)|(?:[1-9]|1[0-7])(?: ?yo|[- ]year[- ]old| years? old)|"
    r"(?<=\()(?:[1-9]|1[0-7])(?=\))|"
    # An age between commas after a name ("Jay, 17, who").
    r"(?<=\w, |\], )(?:[1-9]|1[0-7])(?=, )|"
    r"(?:is|'s|aged) (?:[1-9]|1[0-7])\b(?! ?(?:am|pm|weeks|days|months|minutes|miles)))"
)

# Facts about a person that stay true however long ago they arose ("convicted of ... in 2015").
_TIMELESS_CUES: tuple[tuple[str, float], ...] = (
    (
        r"\b(?:schedule 1|registered sex offender|convictions? for|convicted of|poses? a risk to children|"
        r"offending histor(?:y|ies)|history of (?:violence|offending|sexual offences|harming)|on licence for)\b",
        1.5,
    ),
)

# (pattern, weight, counts only in a text naming a harm, counts as present whatever the sentence's tense)
_LIVE_PATTERNS = (
    tuple((re.compile(p), w, False, False) for p, w in _LIVE_CUES)
    + tuple((re.compile(p), w, True, False) for p, w in _UNACTIONED_CUES)
    + tuple((re.compile(p), w, False, True) for p, w in _TIMELESS_CUES)
)
_RESOLVED_PATTERNS = tuple(re.compile(p) for p in _RESOLVED_CUES)
# The cues are written in lower case and run on this folded copy of the text (case-insensitive
# matching over this many patterns costs twice the time). Same length as the original, so match
# positions point into the reporter's own text. Curly
# apostrophes (from phones and word processors) become straight ones, or "hasn’t" would never match.
_FOLD = str.maketrans(string.ascii_uppercase + "\u2019\u2018", string.ascii_lowercase + "''")

# Words that name a thing rather than tell of a child: a quoted label before a noun ('a "whereabouts
# unknown" list', 'a "must know tonight" box'), the return home interview after a missing episode, and
# a harm that names a team, a procedure or a caseload ("the police exploitation team", "the missing
# procedure", "my neglect caseload", "the missing list"): staff name their services after the harm.
# Blanked to spaces, so positions still point into the reporter's text.
_NAMES_A_THING = re.compile(
    r"\b(?:a|an|the|our|their)\s+(?:[a-z-]+\s+)?[\"“]([^\"“”\n]{1,40})[\"”](?=\s+[a-z])|"
    r"\b(return home) (?:interview|conversation)|"
    # The label a case or referral was given ('closed as "moved out of area"', 'sent back as "incomplete - no
    # address"'); not how someone was described ('described him as "always drunk"').
    r"\b(?:clos(?:e|ed|ing)|sent back|return(?:ed|ing)|record(?:ed|ing)|logg(?:ed|ing)|cod(?:ed|ing)|mark(?:ed|ing)|"
    r"reject(?:ed|ing)|fil(?:ed|ing)|list(?:ed|ing)|flagg(?:ed|ing)|class(?:ed|ified)|categori[sz]ed|screened out|"
    r"graded|queried)\b[^.;\"“]{0,50}?\bas\s+[\"“]([^\"“”\n]{1,40})[\"”]|"
    # Not the verb: "she keeps missing meetings" is about her.
    r"(?<!keeps )(?<!keep )(?<!kept )(?<!been )(?<!is )(?<!are )(?<!was )(?<!were )(?<!'s )(?<!'re )"
    r"\b((?:child |criminal |sexual |domestic )?(?:exploitation|neglect|abuse|violence|self[- ]harm|missing(?: from "
    r"(?:home|care|education))?))(?= (?:team|unit|hub|panel|procedures?|protocols?|polic(?:y|ies)|screening|"
    r"tool(?:kit)?s?|caseloads?|leads?|co-?ordinators?|meetings?|lists?|registers?|training|services?|pathways?|"
    r"forums?|checklists?|forms?|officers?|champions?|subgroups?|(?:data|figures|returns|audit)\b|"
    r"episodes?\b(?! (?:is |are )?(?:ongoing|open|continuing))))|"
    # A category a child is put in, not where they are ("treating him as a missing child").
    r"\b(?:treat\w*|class\w*|categori[sz]\w*|record\w*|log\w*|count\w*|label\w*|flag\w*|code\w*) (?:(?:him|her|them|"
    r"it|this|these|those|each|every \w+) )?as (?:an? )?(missing|absent)\b"
)


def _neutralise(folded: str) -> str:
    def blank(match: re.Match[str]) -> str:
        whole = match.group(0)
        group = next(g for g in (1, 2, 3, 4, 5) if match.group(g) is not None)
        start, end = match.start(group) - match.start(), match.end(group) - match.start()
        return whole[:start] + " " * (end - start) + whole[end:]

    return _NAMES_A_THING.sub(blank, folded)


_BREAK = re.compile(r"[.!?;\n]")
_SENTENCE_END = re.compile(r"[.!?\n]")


class _Sentences:
    """The sentences of a text: which are told as over or in hindsight (each checked once), and
    whether a cue is denied earlier in its own sentence."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._starts = [0] + [m.end() for m in _SENTENCE_END.finditer(text)]
        self._past: dict[int, bool] = {}

    def harm_now(self) -> tuple[float, list[tuple[float, int, int]]]:
        """Evidence from sentences, not told as past, that name a harm and place it now, with where
        each such sentence names the harm (so a flag resting on this still quotes the reporter)."""
        evidence = 0.0
        spans: list[tuple[float, int, int]] = []
        bounds = [*self._starts, len(self._text)]
        for index in range(len(self._starts)):
            sentence = self._text[bounds[index] : bounds[index + 1]]
            harms = [m for m in _HARM.finditer(sentence) if not _NEGATED.search(sentence, 0, m.start())]
            if not harms or self.past(bounds[index]):
                continue
            markers = {match.group(0) for match in _NOW_WORD.finditer(sentence)}
            weight = 2.0 if len(markers) >= 2 else 1.0 if markers else 0.0
            if weight:
                evidence += weight
                spans.append((weight, bounds[index] + harms[0].start(), bounds[index] + harms[0].end()))
        return evidence, spans

    def shapes_now(self) -> list[tuple[float, int, int]]:
        """Each sentence that holds every part of a sentence rule (the first that fits, the strongest
        coming first) and is not told as past, dated, hypothetical, resolved, denied or with the adult
        away; with where it names the rule's first part, so the reason quotes the reporter."""
        bounds = [*self._starts, len(self._text)]
        hits: list[tuple[float, int, int]] = []
        for index in range(len(self._starts)):
            sentence = self._text[bounds[index] : bounds[index + 1]]
            # One sentence is one piece of evidence, however many rules it fits.
            for parts, weight in _SENTENCE_RULES:
                lead = parts[0].search(sentence)
                if lead is None or not all(part.search(sentence) for part in parts[1:]):
                    continue
                if _NEGATED.search(sentence, 0, lead.start()) or _DENIED.search(sentence, 0, lead.start()):
                    continue
                if _HYPOTHETICAL.search(sentence) or _AWAY.search(sentence) or _DATED.search(sentence):
                    continue
                if self.past(bounds[index]):
                    continue
                if any(pattern.search(sentence) for pattern in _RESOLVED_PATTERNS):
                    continue
                hits.append((weight, bounds[index] + lead.start(), bounds[index] + lead.end()))
                break
        return hits

    def denied(self, position: int) -> bool:
        """Whether the sentence so far denies what follows ("no suggestion that dad has access")."""
        start = self._starts[bisect.bisect_right(self._starts, position) - 1]
        return bool(_DENIED.search(self._text[start:position]))

    def past(self, position: int) -> bool:
        """Whether the sentence is told as past (or a what-if), itself or by the next sentence looking
        back on it ("That was in my previous authority")."""
        index = bisect.bisect_right(self._starts, position) - 1
        if self._framed(index):
            return True
        following = self._sentence(index + 1)
        return bool(_LOOKS_BACK.match(following)) and self._framed(index + 1)

    def _sentence(self, index: int) -> str:
        if index >= len(self._starts):
            return ""
        end = self._starts[index + 1] if index + 1 < len(self._starts) else len(self._text)
        return self._text[self._starts[index] : end]

    def _framed(self, index: int) -> bool:
        if index not in self._past:
            sentence = self._sentence(index)
            self._past[index] = bool(
                _PAST_FRAME.search(sentence) or (_TOLD_THEN.search(sentence) and not _STILL_OPEN.search(sentence))
            )
        return self._past[index]


def screen_live_concern(*, text: str, reached_child: str | None = None) -> Screen:
    """Whether the text suggests a child may be at current, unresolved risk, with the phrases why.

    ``reached_child`` is the reporter's answer to "did this reach the child?".
    ``ongoing``-style answers flag on their own; ``yes``/``not_sure`` lower the bar
    for text cues. Unknown values are ignored.
    """
    folded = _neutralise(text.translate(_FOLD))
    score = 0.0
    history = 0.0
    strongest = 0.0
    hits: list[tuple[float, int, int]] = []
    sentences = _Sentences(folded)
    names_harm = bool(_HARM.search(folded) or _PROTECTION_MATTER.search(folded))
    for pattern, weight, needs_harm, timeless in _LIVE_PATTERNS:
        if needs_harm and not names_harm:
            continue
        best: tuple[float, int, int] | None = None
        for match in pattern.finditer(folded):
            if sentences.denied(match.start()):
                continue
            # "She was living with him at the time but was placed the same day" is history, not a live risk.
            past = not timeless and sentences.past(match.start())
            hit = (weight / 2 if past else weight, match.start(), match.end())
            if best is None or hit[0] > best[0]:
                best = hit
            if not past:
                break
        if best:
            if not timeless and sentences.past(best[1]):
                history += best[0]
            else:
                score += best[0]
            strongest = max(strongest, best[0])
            hits.append(best)

    # Left out of ``strongest``: a report that also says the child was found safe is discounted.
    for shape in sentences.shapes_now():
        score += shape[0]
        hits.append(shape)

    # History adds to present evidence but never flags alone, however many cues a past account holds.
    harm_evidence, harm_spans = sentences.harm_now()
    score += min(_HISTORY_CAP, history) + min(_HARM_NOW_CAP, harm_evidence)
    hits.extend(harm_spans)

    if _ADULTS_ONLY.search(folded) and not _A_CHILD.search(folded):
        score = 0.0

    resolved = sum(1 for pattern in _RESOLVED_PATTERNS if pattern.search(folded))
    # A resolution phrase only discounts weak signals: a child "fine in the end"
    # in one sentence can still be "at home with him right now" in the next.
    if strongest < 3.0:
        score -= 1.5 * resolved
        # The reporter's own judgement that the child is not at risk now outweighs every weak cue.
        if re.search(_JUDGED_SAFE_NOW, folded):
            score = 0.0

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
            phrase = clause_around(text, start, end, reach=60, breaks=_BREAK)
            if not phrase or any(phrase in reason for reason in reasons):
                continue
            # A longer quote of the same clause replaces the shorter one.
            reasons = [reason for reason in reasons if reason not in phrase] + [phrase]
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
        phrase = clause_around(text, start, end, reach=40, breaks=_BREAK)
        if phrase and not any(phrase in p or p in phrase for p in phrases):
            phrases.append(phrase)
    return tuple(phrases)

# ruff: noqa: E501  (long regex cue tables read better unbroken)
"""Cue phrases for the zero-shot labeller, written from the domain definitions.

Each class of each dimension gets a list of ``(regex, weight)`` cues. They come
from DOMAIN.md's Westrum table (how information, messengers, responsibility,
bridging, failure and new ideas are treated) and the SCIE Learning Together
groups, phrased the way social-care staff write. They must stay generic: no cue
may name a person, place, team or incident from any particular data set, because
the labeller is judged on reports it has never seen.

Weights are rough log-odds: about 1 for a hint, 2 for a clear signal, 3 for a
phrase that on its own almost settles the class. Patterns are matched
case-insensitively against the (de-identified) text.
"""

from __future__ import annotations

Cue = tuple[str, float]

# Optional "the/a/our/my" before a noun; kept short so cues stay readable.
_DET = r"(?:(?:the|a|an|our|my|their|his|her|this|that)\s+)?"
_WHO = r"(?:me|us|her|him|them|the team|staff|the worker|the sw)"
_AGENCY = (
    r"(?:police|school|schools|health|gp|nurse|health visitor|hv|camhs|housing|probation|"
    r"education|legal|court|cafcass|guardian|iro|early help|mash|edt|placements|fostering|"
    r"residential|the home|partners?|agenc(?:y|ies)|team|teams|services?|midwife|idva|dsl)"
)

ORIENTATION: dict[str, list[Cue]] = {
    # Performance-oriented: messengers thanked, failure leads to inquiry, new ideas adopted.
    "generative": [
        (r"\bthank(?:ed|s|ing)?\s+" + _WHO, 3.0),
        (r"\b(?:was|were|got)\s+thanked\b", 3.0),
        (r"\b(?:appreciated|grateful)\b", 1.5),
        (r"\bno\s+(?:finger[- ]?pointing|blame|names on)\b", 3.0),
        (r"\bblame[- ]free\b|\bjust culture\b", 3.0),
        (
            r"\b(?:instead of|rather than|not to)\s+(?:blam\w*|hunt\w*|look\w* for (?:someone|who)|"
            r"(?:a|the) [\"'“]?who\b)",
            3.0,
        ),
        (r"\bnobody was (?:defensive|blamed)\b|\bdid(?:n'?t| not) get defensive\b", 3.0),
        (r"\bdid(?:n'?t| not) treat (?:it|this) as (?:a )?disciplinary\b", 3.0),
        (r"\b(?:learning|systems|joint|short)\s+(?:review|session|event|debrief)\b", 2.0),
        (r"\b(?:debrief|huddle)\b", 1.2),
        (r"\bwhat (?:we'?d|we would|would we) change\b|\bwhat could we learn\b", 2.0),
        (r"\b(?:rolled|rolling|roll)\s+(?:it\s+)?out\b", 2.5),
        # An idea adopted, not a child adopted ("adopted children", "who were adopted separately").
        (
            r"\b(?:trialling|piloting)\b|(?<!\bwere )(?<!\bwas )(?<!\bbe )(?<!\bbeen )(?<!\bget )(?<!\bgot )(?<!\bis )(?<!\bare )\badopted\b(?! (?:children|child|son|daughter|sons|daughters|young|people|person|siblings?|family|families|adults?|boys?|girls?|teenagers?|separately|together|from)\b)",
            2.0,
        ),
        (r"\bnow (?:the )?standard\b|\bmade (?:it|this) (?:the )?standard\b", 1.5),
        (r"\b(?:it|this|that) (?:has )?worked\b|\bused it (?:twice|again)\b|\bbeen used\b", 1.5),
        (r"\btook ownership\b|\bbacked (?:it|the idea|us|me)\b|\bagreed (?:both|to try)\b", 2.5),
        (r"\basked (?:us |me |them )?what (?:else )?(?:would|could|might) help\b", 2.5),
        (r"\b(?:fixed|sorted|resolved) (?:in|within|the same|that|by)\b", 1.5),
        (r"\bcame forward\b|\bfelt able to\b|\bfor being honest\b", 2.0),
        (r"\bapologi[sz]ed\b", 1.5),
        (r"\bfeeds? back\b|\byou said,? we did\b", 1.5),
        (r"\b(?:other|more) (?:teams|services|areas) (?:are |have )?(?:now )?(?:asking|using|adopt)", 2.0),
        (r"\b(?:listened|welcomed|encouraged)\b", 1.5),
        (r"\b(?:has|have) since\b|\bsince then,? (?:we|the)\b", 0.8),
        (r"\bwe(?:'ve| have) (?:now )?(?:added|changed|set up|started|agreed)\b", 1.2),
        (r"\b(?:within|in) (?:a|one|two|48|24) (?:hours|days|weeks?|month)\b", 0.5),
        (r"\basked (?:around|the team)\b|\bwent round\b", 0.8),
        (r"\bfirst time (?:I|we|she|he|they)\b", 1.0),
        (r"\b(?:informal|simple|practical)\s+(?:fix|meeting|form|route)\b", 0.8),
        (
            r"\bnow (?:checks|asks|includes|involves|invites|sends|uses|has|have|hold|holds|runs|meet|meets|starts)\b",
            1.5,
        ),
        (r"\b(?:liked|loved|welcomed) (?:it|the idea|the approach)\b", 2.0),
        (r"\b(?:has|have|had) (?:really |already )?improved\b|\bmore useful\b", 1.5),
        (r"\bstarted (?:a|an) (?:weekly|fortnightly|monthly|daily|regular|joint)\b", 1.5),
        (r"\basked (?:me|us|her|him|them) to (?:show|share|present|talk|lead|train)\b", 2.0),
        (r"\bexpect\w* (?:to be )?(?:told off|blamed|disciplined|in trouble|a hunt)\b", 2.0),
        (r"(?:^|[.!?]\s+)Instead,? (?:my|our|the|she|he|they|we)\b", 1.5),
        (r"\b(?:offered|volunteered) to\b|\bhas offered\b", 1.0),
    ],
    # Power-oriented: information hidden, messengers shot, responsibility shirked, scapegoats.
    "pathological": [
        (r"\bblam(?:e|ed|ing)\b", 1.5),
        # Bare "fault" is as often an admission ("through our fault") or a wish ("without hunting for
        # whose fault it is") as blame; blame on a person is "her fault" below.
        (r"\bscapegoat\w*", 2.0),
        (r"\b(?:disciplinary|capability (?:process|procedure)|written warning|sanction(?:ed)?)\b", 2.5),
        (r"\b(?:told|asked|instructed) " + _WHO + r" (?:not to|to stop|to withdraw|to drop|to keep)", 3.0),
        (r"\b(?:was|were|been) told (?:not to|to stop|to withdraw)", 3.0),
        (r"\b(?:shouldn'?t|should not) (?:say|raise|make|talk|ask|bring)", 2.5),
        (r"\b(?:rock the boat|make waves|a moan|moaning|troublemaker|fuss|bigger deal)\b", 3.0),
        (r"\bnot (?:our|my|your|their|his|her) (?:job|problem|decision|responsibility|role|place)\b", 3.0),
        (r"\b(?:wasn'?t|isn'?t|is not|was not) (?:theirs|ours|mine|his|hers)\b", 2.5),
        (r"\bnot up for (?:debate|discussion)\b|\bisn'?t up for\b", 3.0),
        (
            r"\b(?:won'?t|wouldn'?t|would not|will not|refused to|refuse to) (?:share|tell|say|disclose|"
            r"release|let|explain|consult|invite|adjourn)",
            2.0,
        ),
        (r"\b(?:can'?t|cannot) share\b|\bnot to disclose\b|\bdon'?t (?:release|consult|share)\b", 2.0),
        (r"\b(?:don'?t|doesn'?t) need to (?:see|know)\b|\bdon'?t need them\b", 2.0),
        (r"\b(?:league table|in front of (?:the team|partners|everyone)|named as)\b", 2.0),
        (r"\bother \w+ manage\b|\bothers manage\b", 2.5),
        (r"\b(?:be more careful|take it personally|made (?:their|her|his) choice)\b", 2.0),
        (r"\bchanged (?:it|my \w+) back\b|\bwe'?re not a\b", 2.0),
        (r"\b(?:precedent|wasn'?t approved|not approved)\b", 1.5),
        (r"\bthreat(?:s|ened)?\b", 1.5),
        (r"\b(?:hid|hidden|hiding|cover(?:ed)? up)\b", 1.0),
        (r"\b(?:dismissed|brushed off|shut down|defensive)\b", 1.5),
        (r"\b(?:doesn'?t|don'?t|didn'?t|nobody [\w ]{0,20}) wants? to know\b", 2.0),
        (r"\b(?:say|says|said) (?:it'?s|it is|it was) an? \w+ (?:issue|problem)\b", 2.0),
        (r"\b(?:back and forth|ping[- ]?pong|passing it back|passed it back)\b", 1.5),
        (r"\b(?:\w+s|parents|families|they) always (?:over|exaggerat|complain|moan)", 2.0),
        (r"\b(?:told|was told) (?:me|us)? ?to\b", 0.6),
        (r"\bjust (?:send|do|sign|ring|read)\b|\ba formality\b", 1.5),
        (r"\b(?:told|said) (?:me )?(?:that )?(?:there was|it was) no (?:time|budget|need)\b", 1.0),
        (r"\b(?:not|never|wasn'?t|weren'?t) (?:consulted|listened to)\b", 1.5),
        (r"\bhaven'?t (?:said|raised) anything\b|\bafraid to\b|\bscared to (?:say|raise)\b", 1.5),
        # A person named (blamed), not "a named worker/contact" (a role, mostly in what would help).
        (r"\b(?:was|were|been|being|got|get|be) named\b|\b(?:singled out|humiliat\w+)\b", 1.0),
        (r"\b(?:each|everyone) said it wasn'?t\b|\beach side thought\b", 1.5),
        (r"\bdidn'?t pass (?:it|this|that|them) on\b|\bkept (?:it|this) to themselves\b", 2.0),
        (r"\bwe don'?t (?:wait|consult|invite|need|involve|share)\b", 2.5),
        (
            r"\b(?:closed|decided|went ahead) (?:it |this )?without (?:contacting|consulting|speaking to|asking|telling)\b",
            1.5,
        ),
        (r"\b(?:aren'?t|are not|isn'?t|is not) (?:professionals|relevant|needed|necessary|our concern)\b", 2.0),
        (r"\bsaid (?:it'?s|it is|it was) (?:the )?\w+'s\b", 1.5),
        (r"\b(?:asked|told) (?:me|us) to (?:sign|close|use|copy|drop)\b", 2.0),
        (
            r"\b(?:manager|(?-i:TM)|chair|(?-i:HoS)|lawyer|supervisor|counsel|head of service|(?-i:DCS))\b[^.]{0,40}"
            r"\b(?:said|told (?:me|us|her|him))\b[^.]{0,25}[\"“']",
            1.5,
        ),
        (
            r"\b(?:said|told (?:me|us|her|him)) (?:that )?(?:there wasn'?t|there was no|it was) (?:time|a formality)\b",
            1.5,
        ),
    ],
    # Rule-oriented: formal channels, narrow remits, new rules after failure, neglected messengers.
    "bureaucratic": [
        (r"\bnew (?:rule|requirement|checklist|mandatory|template|form|process)\b", 2.5),
        (r"\b(?:mandatory|compliance|compliant|tick(?:ed|box)?|box[- ]ticking)\b", 1.5),
        (r"\bchecklist\b", 1.2),
        (r"\b(?:criteria|eligib\w+|thresholds?)\b", 1.0),
        (r"\bstandard (?:route|letter|process|procedure)\b|\bformal (?:route|channel|request|escalations?)\b", 1.5),
        (r"\b(?:queue|waiting list|change request|impact assessment|information governance|budget code)\b", 1.5),
        (r"\b(?:no|without(?: a| any)?) (?:response|reply|acknowledg\w+|feedback)\b", 2.0),
        (r"\b(?:hasn'?t|haven'?t|has not) had a (?:response|reply)\b|\bnobody acknowledged\b", 2.0),
        (r"\bnobody (?:has )?(?:reviewed|checked|audited|asked|looked at) (?:whether|if|what)\b", 2.0),
        (r"\brecorded it\b|\bnoted it\b", 1.5),
        (r"\bassum(?:ed|ing)\b", 1.0),
        (r"\b(?:nobody|no one) told\b|\b(?:wasn'?t|weren'?t|not) told\b", 1.0),
        (r"\b(?:sitting|sat|stuck) (?:in|with|on)\b|\bawaiting\b", 1.2),
        (r"\b(?:after|following|since) (?:an?|the) (?:audit|inspection|rapid review|data breach)\b", 1.5),
        (r"\bthe (?:response|answer) (?:was|has been|is)\b", 1.5),
        (r"\b(?:has|have|had|needs?) to be (?:requested|approved|checked|authori[sz]ed|signed)\b", 1.5),
        (r"\b(?:policy|regulations?|guidance|procedure) says\b|\bthe policy\b", 1.2),
        (r"\b(?:in timescale|timescales?|dashboard|figures|targets?)\b", 0.8),
        (r"\b(?:office hours|generic inbox|mailbox|only (?:goes|go|sent) to)\b", 1.0),
        (r"\bonly [\w ]{1,25} can (?:authori[sz]e|approve|reassign|sign)\b", 1.5),
        (r"\b(?:signed off|sign[- ]off)\b", 0.8),
        (r"\bno (?:process|procedure|route|way of)\b", 1.0),
        (r"\b(?:every|each) (?:letter|move|visit|case|contact|screening|\d+ weeks)\b", 0.8),
        (r"\b(?:template|form)s?\b", 0.5),
        (r"\bnobody (?:seems to )?own\b|\bnobody'?s job\b|\bno one'?s job\b", 1.0),
        (r"\bworkaround\b|\bin the meantime\b|\bit works but\b", 0.8),
        (r"\bthe same (?:again|thing)\b|\bagain\.", 0.4),
    ],
}

ASPECT: dict[str, list[Cue]] = {
    # How information moves: sought, shared through formal channels, or withheld.
    "cooperation": [
        (r"\binformation[- ]sharing\b|\bsharing (?:information|intelligence)\b", 2.5),
        (
            r"\bshar(?:e|ed|ing)\b[\w ,]{0,25}\b(?:information|intelligence|minutes|records?|details|notes|logic|actions)\b",
            2.0,
        ),
        (r"\b(?:didn'?t|did not|wouldn'?t|won'?t|never|don'?t) (?:pass|send|share|tell|release|disclose)\w*", 1.5),
        (r"\b(?:intelligence|consent|disclosure)\b", 1.0),
        (r"\b(?:nobody|no one) (?:in the room )?knew\b|\bknew more\b|\bdidn'?t know (?:about|that)\b", 1.5),
        (
            r"\b(?:minutes|notes|summary|updates?|reports?|notifications?|records?) (?:go|went|sent|reach|came|arrived|only)\b",
            1.2,
        ),
        (r"\bfound out (?:from|when|later|weeks|three|two|afterwards)\b|\bonly found out\b", 1.2),
        (r"\b(?:in|on) (?:the |their |our )?(?:police )?system\b", 0.6),
        (r"\b(?:checks?|records?|files?|history)\b", 0.4),
        (r"\bwithout (?:the |any )?(?:police|health|education|school|gp)? ?(?:report|information|checks?)\b", 1.5),
        (r"\b(?:asked|rang|called) (?:for|round)\b|\bread out\b", 0.8),
        (r"\bwon'?t tell\b|\bwouldn'?t say\b", 1.5),
        # Information that did not reach someone ("nobody told the school") is an information flow;
        # on the write sets it was cooperation or responsibilities, hardly ever bridging.
        (r"\b(?:nobody|no one) (?:had )?(?:told|informed|let) (?:the |his |her |their )?\w+", 1.0),
        (r"\brecorded (?:on|in)\b|\bnever recorded\b|\bnot (?:written|recorded)\b", 1.0),
    ],
    # What happens to people who raise problems.
    "messengers": [
        (
            # A person who flagged something is a messenger; a system, bank or school that "flagged" an
            # account or a record is an information flow.
            r"\b(?:raised|raising|pointed out|escalat\w+|challeng\w+|spoke up|speak up|whistle\w*)\b"
            r"|\b(?:I|we|she|he|who|kept|been|I'?ve|we'?ve) flagg(?:ed|ing)\b",
            2.0,
        ),
        (r"\bI (?:said|told|asked|mentioned|reported|emailed)\b", 0.6),
        (r"\b(?:came forward|for being honest|admitted|told (?:me|us) in supervision)\b", 1.5),
        (r"\bthank(?:ed|ing)? (?:me|us|her|him|them)\b|\b(?:was|were) thanked\b", 2.0),
        (r"\b(?:told|asked) (?:me|us|her|him) (?:not to|to stop|to withdraw)", 2.0),
        (r"\b(?:a moan|moaning|rock the boat|make waves|bigger deal|troublemaker|fuss)\b", 2.5),
        (r"\b(?:no response|hasn'?t had a response|not acknowledged|nobody acknowledged)\b", 1.5),
        (r"\brecorded it\b|\bsaid (?:it )?at (?:team meeting|huddle)\b", 1.2),
        (r"\bat (?:team meeting|huddle|supervision|managers'? meeting)\b", 1.0),
        (r"\b(?:several|many|most) of us have said\b|\bfor months\b", 1.0),
        (r"\b(?:shouldn'?t|should not) (?:say|raise)\b", 2.0),
        (r"\bother \w+ manage\b|\bothers manage\b", 1.5),
    ],
    # Who owns a task: shared, narrow, or shirked.
    "responsibilities": [
        (r"\bnot (?:our|my|your|their|his|her) (?:job|problem|responsibility|role)\b", 3.0),
        (r"\b(?:wasn'?t|isn'?t|is not|was not) (?:theirs|ours|mine)\b", 2.5),
        (r"\beach (?:side|team|agency|said|thought)\b|\beach [\w ]{1,20} (?:thought|said|assumed) the other\b", 2.5),
        (r"\bassum\w+ (?:someone|somebody|the other|each other|that|they|we|police|fostering|the \w+ would)\b", 1.5),
        (r"\beveryone assumed\b|\bboth of us\b|\brel(?:ying|ied) on (?:the other|each other)\b", 2.0),
        (r"\b(?:nobody'?s|no one'?s) job\b|\bjob description\b|\bnobody (?:seems to )?own", 2.5),
        (r"\b(?:back and forth|ping[- ]?pong|sent it back|passed it back)\b", 2.0),
        # "own" as a verb or noun of ownership, not the adjective ("her own IRO", "our own policy").
        (
            r"\b(?:ownership|owns|owned)\b|(?<!\bmy )(?<!\bour )(?<!\bher )(?<!\bhis )(?<!\bits )(?<!\byour )(?<!\btheir )\bown\b",
            1.2,
        ),
        (r"\bsign(?:s|ed|ing)? (?:off|it)\b|\bsign[- ]off\b", 1.0),
        (r"\b(?:reallocat\w+|allocated|handovers?|covering|transfer summar\w+)\b", 1.0),
        (r"\bwho should (?:have|be|do)\b|\bnamed person\b|\bwith no name\b", 1.8),
        (r"\bresponsib\w+\b", 1.5),
        (r"\b(?:statutory visits?|caseload|my cases)\b", 0.6),
        (r"\b(?:say|says|said) (?:it'?s|it is|it was) an? \w+ (?:issue|problem)\b", 2.0),
        (r"\ba formality\b", 1.5),
    ],
    # Links between teams and agencies.
    "bridging": [
        (
            r"\b(?:not|never|wasn'?t|weren'?t|hadn'?t been|without) (?:being )?(?:invited|consulted|involved|included)\b",
            2.5,
        ),
        (r"\binvit\w+\b", 1.0),
        (r"\b(?:joint|jointly) (?:visit|triage|meeting|debrief|review|working)\b|\bjoint\b", 1.2),
        (r"\bbetween (?:teams|agencies|services|the \w+ and)\b|\bacross (?:teams|agencies|services)\b", 1.5),
        (r"\bstep(?:ped|s)?[- ]?(?:down|up)\b|\btransition\w*\b", 1.5),
        (r"\b(?:round (?:the|this) table|multi-agency)\b", 1.0),
        (r"\b(?:nobody|no one) told " + _DET + _AGENCY + r"\b", 2.0),
        (r"\b(?:go(?:ing)?|went) (?:round|around) us\b", 2.0),
        # Partner agencies, not a parent's partner ("mum's new partner", "her ex-partner").
        (r"\bpartners\b|\bpartnership\b|\bpartner (?:agenc\w+|organi[sz]ations?|services?)\b", 0.7),
        (r"\b(?:don'?t|didn'?t|not) (?:consult|talk to|involve)\b", 1.5),
        (r"\bescalation (?:procedure|route|process)\b", 1.0),
        (r"\bas standard\b|\bnamed contact\b|\bliaison\b|\blink worker\b", 1.2),
        (r"\b(?:contacted|told|informed) (?:me|us) as\b", 1.0),
        (r"\b(?:they|we) (?:know|knew) (?:her|him|them|this young \w+) best\b", 1.5),
        (r"\bsame day\b.{0,30}\bmove\b|\bmoved? (?:carers|placement|out of the area)\b", 0.8),
        (r"\bwithout (?:contacting|consulting|telling|involving|asking) (?:me|us|the|his|her|their)\b", 2.0),
        (r"\b(?:we|I) (?:only )?find out when\b|\bfirst (?:I|we) heard\b", 1.5),
        (r"\bseparate (?:database|system|teams?|records?|process)\b|\btyped again\b", 1.2),
    ],
    # What happens after something goes wrong.
    "failure": [
        (
            r"\b(?:after|following|since) (?:an?|the|one of|our) ?(?:audit|inspection|complaint|incident|"
            r"rapid review|review|judge'?s?|judgment|data breach|near miss|restraint|lcspr|scr|outage)",
            2.5,
        ),
        (r"\bthe response (?:was|has been|to)\b|\bresponse to one problem\b", 2.5),
        (r"\bnew rule\b|\b(?:now|every) [\w ]{0,20}(?:needs|must|has to)\b", 1.5),
        (r"\b(?:blame|blamed|blaming|scapegoat\w*|disciplinary|written warning|capability)\b", 2.0),
        (r"\b(?:learning review|systems review|debrief|huddle|lessons learn\w*|learning session|joint review)\b", 2.5),
        (r"\b(?:went wrong|near miss|what happened|going wrong|nearly happened)\b", 1.2),
        (r"\b(?:complain\w*|criticis\w+|critical)\b", 1.5),
        (r"\b(?:nobody|no one) has (?:reviewed|checked|audited)\b", 1.5),
        (r"\b(?:data breach|outage|went down|was missed)\b", 1.0),
        (r"\b(?:investigat\w+|inquiry|root cause)\b", 1.2),
        (r"\bexpect(?:ed|ing) (?:to be told off|a hunt|nothing)\b|\btold off\b", 2.0),
        (r"\b(?:mistake|error)s?\b|\bby mistake\b", 1.0),
    ],
    # What happens to new ideas.
    "novelty": [
        (r"\b(?:suggest\w*|idea|proposed|innovat\w*|new way)\b", 2.0),
        (r"\b(?:tried|trial\w*|pilot\w*)\b", 1.8),
        # Something the worker made, not "I made a referral / an assumption / it anyway", "I wrote in the
        # assessment" or "when I started here".
        (
            r"\bI (?:made|built|wrote|created|designed) (?:a|an|my own|our own|some)\s+(?!(?:assumption|mistake|referral|decision|call|error|judge?ment|complaint|note|visit)s?\b)\w+"
            r"|\bI (?:started|began) (?:\w+ing|a|an)\b|\bcame up with\b",
            2.0,
        ),
        (r"\b(?:built|designed|created|started)\s+(?:a|an|writing|typing|using|doing)\b", 1.5),
        (
            r"\brolled out\b|\brolling (?:it )?out\b|(?<!\bwere )(?<!\bwas )(?<!\bbe )(?<!\bbeen )(?<!\bget )(?<!\bgot )(?<!\bis )(?<!\bare )\badopted\b(?! (?:children|child|son|daughter|sons|daughters|young|people|person|siblings?|family|families|adults?|boys?|girls?|teenagers?|separately|together|from)\b)",
            2.0,
        ),
        (r"\basked (?:whether|if) [\w ,']{0,50} could (?:be|change)\b|\bchange request\b", 2.0),
        (r"\b(?:not approved|wasn'?t approved|precedent|not a pilot|isn'?t up for)\b", 2.0),
        (r"\b(?:wanted|want) to (?:use|try|do|make)\b", 1.5),
        (r"\b(?:crib sheet|prompt card|guide|tracker|one-page)\b", 0.8),
        (r"\binstead of the usual\b|\bfor the first time\b", 1.0),
        (r"\btraining\b", 0.6),
        (r"\b(?:approach|model|tool)\b", 0.5),
        (r"\bapproved (?:tool|app)\b|\brequest for an? approved\b", 1.5),
    ],
}

LEARNING_TOGETHER: dict[str, list[Cue]] = {
    "multi_agency_incidents": [
        (r"\bstrateg(?:y|ies)\b", 2.5),
        (r"\bs\.?\s?47\b|\bsection 47\b|\b(?-i:ABE)\b", 2.0),
        (r"\b(?:EDT|out of hours|out-of-hours|overnight|emergency|crisis|at night)\b", 1.5),
        (r"\bmissing\b", 1.0),
        (r"\b(?:police|CAIT|officer|arrest\w*|(?-i:DS)|PND)\b", 0.8),
        (r"\b(?:notification|DA incident|call-out|DVPO|Clare'?s Law|MARAC|DASH)\b", 1.0),
        (r"\bICPC\b|\binitial (?:child protection )?conference\b", 1.5),
        (r"\b(?:injur\w+|bruis\w+|marks|assault\w*|exploitation|CSE)\b", 1.0),
        (r"\b(?:medical|A&E|hospital|paediatric\w*)\b", 1.0),
        (r"\b(?:MASH|front door|screen(?:ed|ing|er)?)\b", 0.4),
        (r"\b(?:triage|same morning|within (?:two|2|24|48) hours)\b", 0.8),
    ],
    "multi_agency_longer_term": [
        (r"\b(?:core groups?|CIN (?:plan|review|meeting)s?|child in need|RCPC|review conference|CP plan)\b", 2.0),
        (r"\b(?:school|DSL|virtual school|PEP|college|education|nursery)\b", 0.8),
        (r"\b(?:health visitor|GP|CAMHS|therapist|housing|probation|early help|IDVA|midwife|school nurse)\b", 1.0),
        (r"\bstep(?:ped|s)?[- ]?(?:down|up)\b", 1.5),
        (r"\b(?:partners?|multi-agency|partnership|agencies)\b", 1.0),
        (r"\b(?:moved? (?:carers|placement)|moves|placement move)\b", 1.0),
        (r"\b(?:guardian|Cafcass|private law)\b", 1.0),
        (r"\b(?:care leavers?|pathway plan|personal adviser|(?-i:PAs?))\b", 1.0),
        (r"\b(?:plan|actions?) (?:agreed|from|for the)\b|\baction plan\b", 0.8),
        (r"\b(?:invited|round this table|not consulted|wasn'?t consulted)\b", 0.8),
    ],
    "human_reasoning": [
        (r"\b(?:anchor\w*|bias\w*|objectivity|tunnel vision|fixat\w*|optimism|confirmation)\b", 3.0),
        (r"\bassum\w+\b", 0.8),
        (r"\b(?:took|take|taken) my eye off\b|\bdropped out of my head\b|\bforgot\b|\bslipped my mind\b", 3.0),
        (r"\b(?:I|we) (?:hadn'?t|had not|didn'?t|never) (?:thought|considered|questioned|noticed)\b", 2.0),
        (r"\bdidn'?t (?:re-?look|question|think|check|re-?do|re-?assess)\b", 1.5),
        (r"\b(?:pattern|cumulative|together|on (?:its|their) own merits|in isolation)\b", 1.2),
        (r"\b(?:colouring|dread\w*|frightened|overwhelm\w*|gut feeling)\b", 1.5),
        (r"\b(?:realised|I thought|thinking of|we all missed|it didn'?t occur)\b", 1.5),
        (r"\bcop(?:y|ied) (?:previous|forward|the last)\b|\bcopy previous\b", 1.0),
        (r"\b(?:hindsight|looking back)\b", 1.5),
        (r"\b(?:discounted|not believed|taken at face value|accepted (?:mum|dad|the parents?)'?s?)\b", 1.5),
        (r"\b(?:analysis|judg(?:e)?ment|decision[- ]making|reasoning)\b", 1.0),
        (r"\b(?:on his own|on her own|seen alone|own words)\b", 0.8),
        (r"\bnobody had asked\b|\bnobody asked (?:who|what|why)\b", 1.2),
    ],
    "family_professional": [
        # "interpreted her silence" and a court "hearing" are about reasoning and the court, not a language gap.
        (r"\binterpreters?\b|\binterpret(?:ed|ing|s)? for\b|\binterpreting service\b|\btranslat\w*\b", 2.5),
        (r"\b(?:language|dialect|BSL|Makaton|sign language|speech|literacy|read English|easy[- ]read)\b", 2.0),
        (
            r"\b(?:English|Welsh|Bengali|Sylheti|Urdu|Hindi|Gujarati|Punjabi|Tamil|Polish|Romanian|Bulgarian|"
            r"Czech|Slovak|Arabic|Dari|Pashto|Farsi|Somali|Tigrinya|Amharic|Kurdish|Vietnamese|Portuguese|"
            r"Spanish|French|Lithuanian|Latvian|Russian|Ukrainian|Turkish|Albanian|Cantonese|Mandarin|Twi|"
            r"Yoruba|Igbo|Swahili)\b",
            1.2,
        ),
        (r"\b(?:engag\w+|disguised compliance|hostile|resist\w*|trust(?:ed|s)?|avoid\w*)\b", 1.2),
        (
            r"\b(?:advocate|learning disability|adapted|autis\w+|non-?verbal|deaf|hearing (?:loss|aids?|impair\w*))\b",
            1.5,
        ),
        (r"\b(?:communicat\w+|views|wishes and feelings|the child'?s voice)\b", 1.0),
        (r"\b(?:famil(?:y|ies)|parents?)\b", 0.5),
        (r"\b(?:mum|dad|mother|father|carers?)\b", 0.3),
        (r"\b(?:letters?|appointments?|home visit)\b", 0.5),
        (r"\b(?:understood|understand|explain\w*)\b", 0.8),
    ],
    "tools": [
        (r"\b(?:system|database|software|app|tablet|portal|login|workflow|spreadsheet|dashboard)\b", 1.5),
        (r"\b(?:template|form|field|box|button|drop-?down|search)s?\b", 1.0),
        (r"\b(?:upload\w*|inbox|mailbox|email feed|feed|import|error folder|(?-i:IT)|systems team)\b", 1.2),
        (r"\bmandatory (?:box|field)s?\b|\brecords? (?:aren'?t|not) linked\b|\bduplicate\w*\b|\bmerge\b", 2.0),
        (r"\b(?:copy and paste|pasted|typed|typing)\b", 1.0),
        (r"\b(?:screening tool|assessment tool|tool)\b", 1.2),
        (r"\b(?:recording system|case record|on the file|the record)\b", 0.8),
        (r"\b(?:checklist|category|categories|folder|report)\b", 0.4),
        # The tool itself failing or forcing a workaround is the heart of this pattern.
        (
            r"\b(?:system|app|form|template|feed|database|search|report|workflow|tool|line|software|phone)s? "
            r"(?:won'?t|doesn'?t|didn'?t|can'?t|only|crashed|went down|was down|(?:has been |was )?failing|"
            r"times? out|timed out|lost|loses|losing|drops|dropped|shows|showed|needs|makes|forces)\b",
            2.5,
        ),
        (r"\b(?:there'?s|there is|there was|with) no (?:import|field|box|option|way to record|link)\b", 2.0),
        (r"\b(?:copied|copying|copy) (?:last year'?s|forward|across|the previous)\b", 1.5),
        (r"\b(?:uploaded|saved|filed|recorded) (?:to|under|in|on) (?:the wrong|a different|\")", 1.5),
        (r"\b(?:referral|record|form|template|summary) (?:said|says|had|has)\b", 1.0),
    ],
    "management_systems": [
        (r"\b(?:caseloads?|workload|\d+ cases|cases each)\b", 2.0),
        (r"\bsupervis\w+\b", 1.2),
        (
            r"\b(?:(?-i:TM)|team manager|service manager|(?-i:HoS)|head of service|(?-i:DCS)|senior management|managers?)\b",
            0.7,
        ),
        (
            r"\b(?:staffing|vacanc\w+|sickness|agency (?:staff|SW|worker)|recruit\w*|on leave|off sick|long-term sick)\b",
            1.3,
        ),
        (r"\b(?:targets?|timeliness|performance|audit\w*|league table|figures|KPI|in timescale)\b", 1.3),
        (r"\b(?:budget|mileage|capacity|no time|short of time|over time|wasn'?t time|protected time)\b", 1.3),
        (r"\b(?:sign[- ]?off|signs? off|authori[sz]\w+|approv\w+|oversight)\b", 1.0),
        (r"\b(?:procedure|polic(?:y|ies)|rules?|process)\b", 0.6),
        (r"\b(?:reallocat\w+|handovers?|covering)\b", 1.0),
        (r"\b(?:disciplinary|capability|written warning)\b", 1.0),
        (r"\b(?:team meeting|huddle|managers'? meeting)\b", 0.6),
    ],
}

# --------------------------------------------------------------------------- broader paraphrases
# Written from the domain definitions (Westrum's table, the SCIE Learning Together groups and
# the Panel's recurring themes) to generalise beyond any one department's wording.

_SYSTEMS = (
    r"(?:mosaic|liquid ?logic|(?-i:LCS)|(?-i:EHM)|eclipse|carefirst|care first|frameworki|azeus|protocol|"
    r"case management system|recording system|electronic (?:record|file)s?|(?-i:ICS))"
)


def _as_hints(entries: list[Cue]) -> list[Cue]:
    """Half weight for the broad paraphrases of the *setting*-led Learning Together groups.

    A pattern is the underlying cause that made practice harder (workload, a tool, a bias,
    the family relationship), not the setting a report happens in. The broad multi-agency and
    family paraphrases mostly name a setting (a strategy meeting, a core group, a home visit, a
    disclosure) that reports of every pattern share, and many repeat vocabulary the main lists
    already score, so at full weight they double-count and pull reports towards those groups.
    The cause-led paraphrases (human reasoning, tools, management systems) keep full weight.
    """
    return [(pattern, weight * 0.5) for pattern, weight in entries]


ORIENTATION["generative"] += [
    (r"\b(?:praised|commended|credited|recogni[sz]ed (?:my|our|the) (?:work|effort))\b", 2.0),
    (r"\b(?:shared|circulated|cascaded) (?:the )?(?:learning|lessons?|what we learned)\b", 2.5),
    (r"\bwhat (?:can|could|should) we (?:change|do differently|learn)\b", 2.5),
    (
        r"\b(?:fixed|sorted|changed|resolved|amended) (?:it )?(?:quickly|straight away|immediately|the same (?:day|week)|within)\b",
        2.0,
    ),
    (r"\b(?:encouraged|invited) (?:us|me|them|everyone|staff) to\b", 2.0),
    (r"\b(?:took|taken) (?:it|this|my concern|the concern) seriously\b", 2.5),
    (r"\b(?:good|great|helpful) (?:catch|spot|idea)\b|\bwell spotted\b", 2.5),
    (r"\b(?:supportive|reassur\w+)\b", 1.2),
    (r"\bopen (?:conversation|discussion|culture)\b|\bsafe (?:space|to (?:say|raise|admit))\b", 2.0),
    (r"\b(?:new idea|suggestion) (?:was )?(?:adopted|taken up|implemented|agreed)\b", 2.5),
    (r"\b(?:implemented|put in place|taken forward)\b", 1.0),
    (r"\b(?:working together|worked together|joined[- ]up)\b", 1.0),
    (r"\b(?:learning|reflective) (?:culture|conversation|discussion)\b", 1.5),
]
# Plain words of a performance-oriented outcome (people thanked or listened to, things fixed or
# better). Each is only a hint, well under any specific cue, but on the development half they
# were the one family of common words whose precision for "generative" was well above its base
# rate (pathological and bureaucratic everyday words were not, and are left out), and they reach
# reports that name a good outcome in words no specific cue covers. Negated uses ("nothing has
# improved") are dropped like any orientation cue.
ORIENTATION["generative"] += [
    (r"\b(?:thank\w*|grateful|appreciat\w+|prais\w+|welcom\w+|listened|supportive|encourag\w+|reassur\w+)\b", 0.7),
    (r"\b(?:improv\w+|better|works well|worked well|helpful|useful|positive|good practice|proactive\w*)\b", 0.5),
    (
        r"\b(?:fixed|resolved|sorted|changed|introduced|set up|trialled|piloted)\b|(?<!\bwere )(?<!\bwas )(?<!\bbe )(?<!\bbeen )(?<!\bget )(?<!\bgot )(?<!\bis )(?<!\bare )\badopted\b(?! (?:children|child|son|daughter|sons|daughters|young|people|person|siblings?|family|families|adults?|boys?|girls?|teenagers?|separately|together|from)\b)",
        0.4,
    ),
]
# The reporter framing the report as a good-news story ("Good news.", "Really positive.", "Worth
# saying out loud", "it made a big difference", "More days like this"): staff write these about
# practice that worked, which is the performance-oriented column whatever the aspect.
ORIENTATION["generative"] += [
    (
        r"\bgood (?:news|example|story)\b|\bpositive (?:story|example|one)\b|\breally (?:good|positive)\b"
        r"|\bworth (?:saying|sharing|recording|noting)\b|\bfor once\b"
        r"|\b(?:made|makes|make) (?:a |all the |such a )?(?:big |real |huge |massive )?difference\b"
        r"|\bmore (?:days|weeks) like (?:this|that)\b|\b(?:started|set up|organised) (?:it|this|that) (?:herself|himself|themselves)\b"
        r"|\boff (?:her|his|their) own back\b|\bown initiative\b|\bnow (?:sits|phones|rings|joins)\b",
        2.0,
    ),
]
# Being told: the reporter on the receiving end of an instruction or a ruling ("I was told to
# close it", "we were told residential staff aren't professionals"). On the write sets this was
# power-oriented in 27 of 33 reports; the neglect form is "nobody told us", not this one.
ORIENTATION["pathological"] += [
    (r"\b(?:I|we|she|he|they) (?:was|were) told\b", 1.5),
    # The reporter questioning a decision ("when I asked", "asked why"): on the write sets the answer
    # that follows was power-oriented in 21 of 27 reports. A hint only.
    (r"\bwhen (?:I|we) asked\b|\basked why\b", 1.0),
]
ORIENTATION["pathological"] += [
    (r"\b(?:told off|tell(?:ing)? off|hauled|carpeted|reprimand\w*|shouted at|snapped at)\b", 2.5),
    (r"\b(?:kept (?:quiet|my head down|it quiet)|keep (?:quiet|my head down|your head down))\b", 2.5),
    (r"\b(?:covered|cover) (?:it|this|that) up\b|\bswept under\b|\bbrushed under\b", 3.0),
    (r"\b(?:fear|scared|frightened|afraid) (?:of|that|to)\b", 1.0),
    (r"\b(?:told|warned) (?:me|us) not to\b|\bnot to (?:put (?:it|that) in writing|email|write)\b", 3.0),
    (r"\b(?:my|her|his|their) (?:fault|mistake)\b|\bpointed the finger\b|\bfinger[- ]pointing\b", 1.5),
    (r"\b(?:undermined|belittled|ridiculed|mocked|made an example)\b", 2.5),
    (r"\b(?:career|job) (?:on the line|at risk)\b|\bmarked (?:card|out)\b", 2.5),
    (r"\bnot (?:welcome|wanted)\b|\bover my head\b", 1.0),
    (r"\b(?:deleted|removed|altered|changed) (?:it|the (?:record|entry|note|minutes))\b", 1.5),
]
ORIENTATION["bureaucratic"] += [
    (r"\bnot (?:within )?(?:my|our|their|his|her) remit\b|\bout(?:side)? (?:of )?(?:our|their|my) remit\b", 2.5),
    (r"\b(?:followed|following) (?:the )?(?:procedure|process|policy|protocol)\b", 1.5),
    (r"\b(?:referred|sent|passed) (?:it |us |me )?back\b", 1.5),
    (r"\b(?:acknowledged|noted) (?:but|and nothing)\b|\bnothing (?:has )?changed\b|\bnothing came of it\b", 2.5),
    (r"\b(?:no one|nobody) (?:got|came) back\b|\bnever heard back\b|\bheard nothing\b", 2.5),
    (r"\b(?:fill in|filled in|complete|completed) (?:a|the|another) (?:form|referral|template|incident form)\b", 1.2),
    (r"\b(?:wrong|correct|proper) (?:form|channel|route|template|process)\b", 1.5),
    (r"\b(?:put|logged|added) (?:it )?(?:on|in) (?:the )?(?:risk register|log|system)\b", 1.0),
    (r"\b(?:more|another|extra) (?:form|forms|paperwork|sign-?off|layer|step)\b", 1.5),
    (r"\bit'?s the (?:rules|process|policy)\b|\bthat'?s the (?:process|procedure|policy|rule)\b", 2.5),
]

ASPECT["cooperation"] += [
    (r"\b(?:held|hold|holds|kept) (?:back )?(?:the )?information\b|\bwithheld\b", 2.0),
    (r"\b(?:chased|chasing) (?:for|the|up)\b|\bwaiting for (?:the )?(?:information|report|notes|checks)\b", 1.2),
    (r"\b(?:checks?|information) (?:with|from) (?:the )?(?:police|health|gp|school|probation|housing)\b", 1.5),
    (r"\bcould(?:n'?t| not) (?:see|access)\b|\bno access to\b", 1.2),
]
# Whether information reached the people who needed it, in the plain verbs staff use for it:
# someone was or was not told or notified, found out late or by chance, had to tell the story
# again. Aspect only: who did the telling says nothing about orientation.
ASPECT["cooperation"] += [
    (
        r"\b(?:not|never|wasn'?t|weren'?t|nobody (?:\w+ )?(?:was|were)|no one (?:\w+ )?(?:was|were)) (?:told|notified|informed|copied in|updated)\b"
        r"|\b(?:doesn'?t|don'?t|didn'?t|does not|do not|did not|never) (?:notify|inform|tell|update|copy in)\b",
        1.5,
    ),
    (r"\b(?:found|find|finding) out (?:at|on|from|when|by|later|weeks|months|days|afterwards|through)\b", 1.2),
    (
        r"\b(?:tell|telling|told|repeat|go over|going over)\b[^.]{0,25}\b(?:story|history|it all)\b[^.]{0,10}\bagain\b"
        r"|\bnothing (?:transfers|transferred|carries over|came across)\b|\bwhat (?:we'?re|we are|we were|they'?re) sent\b",
        2.0,
    ),
]
ASPECT["messengers"] += [
    (r"\b(?:reported|reporting) (?:it|this|that|the)\b|\b(?:I|we) (?:told|warned|alerted)\b", 1.0),
    (r"\b(?:told|warned) (?:my )?(?:manager|team manager|supervisor)\b", 1.5),
    (r"\b(?:told off|shouted at|thanked|praised)\b", 1.5),
    (r"\b(?:nobody|no one) (?:listened|got back)\b|\bnever heard back\b", 1.5),
    (r"\bwhistleblow\w*|\bconcern (?:was )?(?:raised|ignored|dismissed)\b", 2.0),
]
ASPECT["responsibilities"] += [
    (r"\bnot (?:within )?(?:my|our|their|his|her) remit\b|\bremit\b", 2.5),
    (r"\b(?:fell|falls|slipped) (?:between|through) (?:the )?(?:gaps?|cracks|two stools)\b", 3.0),
    (r"\bwho (?:was|is) (?:responsible|accountable|meant to|supposed to)\b", 2.5),
    (r"\b(?:lead professional|case holder|allocated worker|key worker|unallocated)\b", 1.5),
    (r"\b(?:duty|role|task) (?:of|for) (?:the|each)\b|\bshared (?:the )?(?:load|responsibility)\b", 1.5),
]
# A task passed between parties in reported speech: each says it is someone else's decision,
# matter or lead, or that the other side would do it, or nobody had decided who would.
ASPECT["responsibilities"] += [
    (
        r"\b(?:say|says|said)\b[^.]{0,40}\b(?:(?:a|an|the|their|our|\w+'s) (?:[\w-]+ ){0,2}(?:matter|decision)|(?:to|would|should) lead)\b",
        2.0,
    ),
    (
        r"\b(?:the others?|each other|the other (?:team|agency|service|side)) (?:would|should|to|will) (?:lead|pick (?:it )?up|do it|deal with|take)\b"
        r"|\b(?:nobody|no one) (?:had )?(?:decided|agreed|knew|was clear) (?:who|whose)\b"
        r"|\b(?:says?|said) (?:it'?s|it is|it was|its) (?:the |their |our )?\w+'s\b",
        2.0,
    ),
]
ASPECT["bridging"] += [
    (r"\b(?:other|different) (?:agenc(?:y|ies)|teams?|services?|local authority|borough|area)\b", 1.2),
    (r"\b(?:cross[- ]border|out of (?:area|borough|county))\b", 1.5),
    (
        r"\b(?:rang|called|contacted|emailed) (?:the )?(?:police|school|gp|health visitor|hospital|housing|probation|camhs)\b",
        1.0,
    ),
    (r"\b(?:silos?|working in isolation|between the two)\b", 2.0),
    (r"\b(?:hand(?:ed)? over|handover|transfer(?:red)?) (?:to|from|between)\b", 1.2),
]
ASPECT["failure"] += [
    (r"\b(?:serious (?:case|incident)|(?-i:SCR)|(?-i:CSPR)|(?-i:LCSPR)|practice review)\b", 2.5),
    (r"\b(?:lessons?|learning) (?:from|after)\b|\bafter (?:that|this),? (?:the|we|they|a)\b", 1.2),
    (r"\b(?:warning|sanction\w*|capability|investigated)\b", 1.2),
    (r"\b(?:got|gone|went) wrong\b|\bmissed\b", 0.8),
]
ASPECT["novelty"] += [
    (r"\b(?:new (?:idea|approach|process|tool|way|form|template)|different way)\b", 1.5),
    (r"\b(?:set up|created|devised|developed) (?:a|an|my own|our own)\b", 1.5),
    (r"\b(?:try|trying) (?:it|something|a new|out)\b|\bexperiment\w*\b", 1.5),
    (r"\bworkaround\b|\bwork-around\b", 1.0),
]

LEARNING_TOGETHER["multi_agency_incidents"] += _as_hints(
    [
        (r"\b(?:strategy (?:discussion|meeting)|immediate protection|police protection|(?-i:PPO)|(?-i:EPO))\b", 2.5),
        (r"\b(?:A&E|emergency department|out of hours|(?-i:EDT)|duty (?:team|worker|manager|social worker))\b", 1.2),
        (r"\b(?:arrested|arrest|bail|custody|999|blue light)\b", 1.5),
        (r"\b(?:went|goes|gone|reported) missing\b|\bmissing (?:episode|from (?:home|care))\b", 2.0),
        (r"\b(?:referral|contact) (?:came in|received|from the police|from the school|from health)\b", 1.0),
        (r"\b(?:disclos\w+|allegation)\b", 1.0),
    ]
)
LEARNING_TOGETHER["multi_agency_longer_term"] += _as_hints(
    [
        (r"\b(?:core group|CIN meeting|child in need meeting|CP plan|child protection plan|review conference)\b", 2.0),
        (
            r"\b(?:LAC review|looked after review|CLA review|health assessment|(?-i:EHCP)|(?-i:PEP)|school attendance)\b",
            2.0,
        ),
        (r"\b(?:transition|leaving care|18th birthday|adult services)\b", 1.5),
        (r"\b(?:long[- ]term|over (?:months|the months|a year)|for months)\b", 1.0),
        (r"\b(?:team around the (?:family|child)|(?-i:TAF)|(?-i:TAC))\b", 2.0),
    ]
)
LEARNING_TOGETHER["human_reasoning"] += [
    (r"\b(?:assumed|assumption)\b", 1.5),
    (r"\b(?:took|taken|take|accepted) (?:it |this |that |what \w+ said )?at face value\b", 3.0),
    (
        r"\b(?:anchored|fixed on|stuck with|locked into) (?:the|our|my|an?) (?:first|initial|original|view|idea)",
        3.0,
    ),
    (r"\b(?:didn'?t|did not|never) (?:question|challenge|probe|test)\b", 2.0),
    (r"\brule of optimism\b|\boptimis\w+\b|\bconfirmation bias\b|\bstart again syndrome\b|\bstarting again\b", 3.0),
    (r"\bdisguised compliance\b", 2.0),
    (r"\b(?:gut (?:feeling|instinct)|instinct|intuition|hunch)\b", 2.0),
    (
        r"\b(?:self[- ]report\w*|(?:her|his|their|mum'?s|dad'?s|the parents?'?s?) (?:own )?(?:account|word|version))\b",
        2.0,
    ),
    (r"\b(?:not|never|wasn'?t|weren'?t) (?:checked|triangulated|verified|corroborated)\b", 1.5),
    (r"\b(?:triangulat\w+|corroborat\w+|professional curiosity|curious)\b", 2.0),
    (r"\b(?:believed|reassured by|convinced|persuaded)\b", 1.2),
    (r"\b(?:missed the (?:signs|pattern|significance)|didn'?t (?:see|join up) the)\b", 2.0),
    (r"\b(?:hindsight|tired|stressed|exhausted|overwhelmed|burn\w* out)\b", 1.2),
    (r"\b(?:(?:I|we) should have|in my mind|I felt|I didn'?t want to)\b", 1.2),
    (r"\b(?:over-?reli\w+|reli\w+ (?:on|heavily on)) (?:one|a single|the (?:mother|father|parent)'?s?)\b", 2.5),
]
# Agencies working together over time: a standing arrangement that meets on a rhythm or shares a
# list, and children placed by one authority in another's area, whose care depends on the two
# authorities' links long after any single incident.
LEARNING_TOGETHER["multi_agency_longer_term"] += [
    (
        r"\b(?:meets?|meeting|met|joins?) (?:\w+ ){0,3}(?:monthly|weekly|fortnightly|every (?:week|month|fortnight|monday|tuesday|wednesday|thursday|friday))\b"
        r"|\bstanding item\b|\bshared (?:list|tracker|mailbox|spreadsheet|inbox|protocol)\b",
        1.5,
    ),
    (
        r"\b(?:placing|host|responsible|receiving) (?:authority|authorities|LA|local authority|council)\b"
        r"|\bplaced (?:by|from|with us by|in|into) (?:another|a different|other|out of)\b|\bout of (?:area|county|borough) placements?\b",
        1.5,
    ),
]
# How the worker's own reading of a case was formed: a view settled early, a frame that decided
# what was seen, something not noticed, an account taken whole. Reports of this pattern are
# written in the first person about the writer's or the team's thinking, and name the frame
# rather than any bias by its textbook name.
LEARNING_TOGETHER["human_reasoning"] += [
    (
        r"\b(?:already|more or less|had) (?:decided|made up (?:our|my|their) minds?)\b|\bma(?:de|ke) (?:up )?(?:our|my|their) minds? up\b"
        r"|\b(?:framed?|framing)\b(?: it| this| him| her)? as\b",
        3.0,
    ),
    (
        r"\b(?:stopped|started|kept) seeing (?:him|her|them|it)\b|\b(?:saw|see) (?:it|this|choices|him|her|them) as\b"
        r"|\btreated (?:it|this|the \w+(?: \w+)?) as\b|\btook (?:\w+'s |(?:her|his|their|the) )?(?:account|word|explanation|version)s? (?:as|at)\b",
        2.5,
    ),
    (
        r"\bwithout (?:really )?(?:noticing|realising|thinking|questioning)\b|\bhad(?:n'?t| not) (?:really )?noticed\b"
        r"|\bnone of us (?:had )?(?:really )?(?:noticed|saw|questioned|thought)\b|\bwe all (?:missed|assumed)\b",
        2.5,
    ),
    (
        r"\b(?:the way|how) (?:we|I) (?:had )?(?:described|wrote about|written about|talked about|read|interpreted|framed|saw|thought about)\b"
        r"|\bdid(?:n'?t| not) (?:feel|seem) (?:relevant|necessary|important)\b|\bdidn'?t think to\b"
        r"|\b(?:I|we) (?:had|'d) (?:been )?(?:reasoning|assuming)\b",
        2.0,
    ),
    (r"\b(?:presented|presents) (?:so |very )?well\b|\b(?:articulate|charming|plausible|convincing)\b", 1.5),
]
LEARNING_TOGETHER["family_professional"] += _as_hints(
    [
        (r"\b(?:engag\w+|hostil\w+|avoidan\w+|aggressi\w+|intimidat\w+|threatening)\b", 1.5),
        (
            r"\b(?:cancel\w+ (?:the |every |another )?visits?|not in (?:when|for)|no answer at the door|closed (?:the )?door)\b",
            2.0,
        ),
        (
            r"\b(?:parents?|mum|dad|mother|father|carers?|family) (?:refused|declined|wouldn'?t let|would not let|won'?t let)\b",
            2.5,
        ),
        (
            r"\b(?:relationship|rapport|trust) (?:with|between) (?:the )?(?:family|parents?|mum|dad|mother|father|child|young person)\b",
            2.0,
        ),
        (r"\b(?:cultur\w+|faith|religio\w+|first language)\b", 1.5),
        (r"\b(?:home visits?|unannounced|door[- ]?step)\b", 1.0),
        (r"\b(?:seen alone|voice of the child|child'?s (?:voice|views|wishes))\b", 1.5),
    ]
)
LEARNING_TOGETHER["tools"] += [
    (r"\b" + _SYSTEMS + r"\b", 2.5),
    (
        r"\b(?:timed out|times out|logged (?:me )?out|login|log in|password|laptop|(?-i:IT) (?:team|helpdesk|support)|crash\w*|glitch\w*)\b",
        2.0,
    ),
    (
        r"\b(?:drop-?down|mandatory field|free[- ]text|tick[- ]?box|pick[- ]?list|workflow|step in the system)\b",
        2.0,
    ),
    (
        r"\b(?:screening tool|assessment tool|risk (?:matrix|tool)|(?-i:DASH)(?: form| checklist)?|graded care profile|risk assessment form)\b",
        2.0,
    ),
    (r"\b(?:spreadsheet|e-?mail inbox|shared drive|shared inbox|portal)\b", 1.5),
    (
        r"\b(?:the )?(?:form|template|record|system) (?:didn'?t|doesn'?t|does not|did not) (?:have|allow|let|show|include)\b",
        2.5,
    ),
]
LEARNING_TOGETHER["management_systems"] += [
    (r"\b(?:high|heavy|unmanageable|full) (?:caseloads?|workloads?)\b|\bcaseloads? of\b", 2.5),
    (r"\b(?:manager(?:'s)? (?:sign[- ]?off|approval|oversight)|management oversight|(?-i:QA) process)\b", 2.0),
    (
        r"\b(?:agency (?:workers?|staff|social workers?|locums?)|locum|vacan\w+|understaffed|short[- ]staffed|rota)\b",
        2.0,
    ),
    (r"\b(?:timescales?|deadlines?|performance (?:targets?|indicators?))\b", 1.3),
    (r"\b(?:no|cancelled|missed|rushed) supervision\b|\breflective supervision\b", 2.0),
    (r"\b(?:restructur\w+|reorgani[sz]\w+|turnover|new starters?|training (?:budget|place))\b", 1.5),
]


# --------------------------------------------------------------------------- Westrum cells
# Paraphrase families for each aspect x orientation cell of Westrum's table: a phrase that names
# both the object of a report (information, a messenger, a task, a boundary, a failure, an idea)
# and how the organisation treated it. Each family is written in several grammatical forms
# (active, passive, reported speech) from the everyday language of children's social care, so
# that it does not depend on any one department's phrasing. An entry is
# ``(regex, aspect weight, orientation weight)``; a zero weight leaves that dimension alone.

_BOSS = (
    r"(?:(?:my|our|the|her|his|their|team|service|registered|senior|duty|practice|deputy) )?"
    r"(?:manager|managers|(?-i:TM)|supervisor|head of service|leadership|director|chair)"
)
_RAISE = r"(?:raised|raising|flagged|flagging|challenged|questioned|complained|reported|spoke up|speaking up|pointed (?:it |this |that )?out|whistle\w*)"
_CONTACT = r"(?:contact\w*|speak\w* to|talk\w* to|ring\w*|rang|phon\w*|call\w*|email\w*|involv\w+|approach\w*|invit\w+|liais\w+ with|go(?:ing)? to|went to)"
_AN_IDEA = r"(?:(?:the|my|our|her|his|their|this|that|a|an) )?(?:new )?(?:idea|suggestion|proposal|pilot|plan|approach|tracker|tool|trial)"

_CELLS: dict[tuple[str, str], list[tuple[str, float, float]]] = {
    # Information hidden or hoarded.
    ("cooperation", "pathological"): [
        (r"\bkept (?:it|this|that|the \w+|information|things) to (?:her|him|them|my|our|your)sel(?:f|ves)\b", 2.5, 2.0),
        (r"\bneed[- ]to[- ]know(?: basis)?\b|\bkept (?:us|me|them|staff|the \w+) in the dark\b", 2.0, 2.0),
        (
            r"\b(?:held|holds|hold|holding|sat|sits|sitting) on (?:to )?(?:the )?(?:information|results|figures|report|records?|notes|details|audit)\b",
            2.0,
            2.0,
        ),
        (
            r"\b(?:will not|won'?t|wouldn'?t|would not|refused to|refuses to|refusing to) (?:circulate|pass (?:it |this |that )?on|"
            r"let (?:us|me|them) (?:see|have|read|look)|give (?:us|me|them) (?:the|their|access)|show (?:us|me))",
            2.0,
            1.5,
        ),
        (
            r"\b(?:closely guarded|hoard\w*|protective of (?:their|her|his) (?:information|cases?|families|data))\b",
            1.5,
            2.0,
        ),
        (
            r"\b(?:did not|didn'?t|don'?t|doesn'?t|do not|does not) need (?:to (?:know|see|have)|the (?:full|whole) (?:history|picture|story)|all the)\b|\bin case it (?:put|puts|would put) (?:us|them|me|her|him) off\b",
            2.0,
            2.0,
        ),
    ],
    # Information through formal channels only.
    ("cooperation", "bureaucratic"): [
        (
            r"\b(?:formal|written|disclosure|information|data|subject access) (?:request|application)s?\b|\brequest(?:ed)? (?:it |them )?in writing\b",
            2.0,
            2.0,
        ),
        (
            r"\b(?:data protection|(?-i:GDPR)|information governance|confidentiality) (?:said|says|meant|means|reasons|rules|grounds|concerns)\b"
            r"|\bon (?:data protection|(?-i:GDPR)|confidentiality) grounds\b",
            2.0,
            2.0,
        ),
        (r"\b(?:information|data)[- ]sharing (?:agreement|protocol)\b", 1.5, 1.5),
        (
            r"\bonly (?:through|via|by|in) (?:the |a )?(?:portal|inbox|form|request|writing|secure email|post|practice manager|single point)",
            1.0,
            2.0,
        ),
        (r"\b(?:once|twice) a (?:term|quarter|month|year)\b", 0.0, 0.8),
        (
            r"\b(?:locked|restricted) (?:to|for)\b|\baccess (?:is |was )?(?:restricted|locked)\b|\b(?:could(?:n'?t| not)|can'?t|cannot) (?:open|access|see) (?:the|their|her|his|our) (?:notes|records?|file|case file|system)\b",
            2.0,
            1.5,
        ),
    ],
    # Information actively sought and offered.
    ("cooperation", "generative"): [
        (
            r"\b(?:kept|keep|keeping|keeps) (?:us|me|them|everyone|the team) (?:updated|informed|in the loop|posted)\b",
            1.5,
            1.5,
        ),
        (
            r"\b(?:emailed|sent|shared|passed|forwarded) (?:over|across|on) (?:her|his|their|the|all) (?:notes|records|summary|report|chronology|information|details)\b",
            1.5,
            0.8,
        ),
        (r"\bto find out what (?:they|she|he|the \w+(?: \w+)?) (?:knew|know|had)\b", 2.0, 1.5),
        (r"\bto (?:talk|go) (?:it|this|me|us) through\b", 1.0, 1.0),
        (
            r"\b(?:sent|shared|submitted|provided) (?:their |her |his |the )?(?:written )?(?:reports?|information|notes|chronolog\w+) (?:early|in advance|ahead|before (?:we|I) asked)\b|\b(?:rang|phoned|called|emailed) (?:again )?to add\b",
            2.0,
            2.0,
        ),
    ],
    # Messengers shot: labelled, moved, punished, silenced.
    ("messengers", "pathological"): [
        (
            r"\b(?:said|told (?:me|us|her|him)|called me|labelled|seen as|branded|made out)\b[^.]{0,20}\b(?:being )?"
            r"(?:negative|difficult|a troublemaker|a trouble-maker|a problem|disloyal|a moaner|awkward|obstructive|a whinger)\b",
            2.0,
            2.5,
        ),
        (
            r"\bnot a team player\b|\bwhether (?:this|the) (?:job|role|team|work|place) (?:is|was) (?:for|right for) (?:me|you|her|him)\b",
            2.5,
            3.0,
        ),
        (r"\b(?:if you don'?t like it|careful what (?:I|you|we) (?:say|put))\b", 1.5, 2.5),
        (
            r"\b(?:after|since|because|for) (?:I|we|she|he|they) "
            + _RAISE
            + r"\b[^.]{0,80}\b(?:moved|transferred|taken off|removed|"
            r"given the worst|left off|frozen out|sidelined|performance managed|warned|disciplined|in trouble)\b",
            3.0,
            3.0,
        ),
        (
            r"\b(?:speak(?:s|ing)? up|rais(?:e|es|ing) (?:it|concerns?|issues?|things)|complain(?:s|ing)?)\b[^.]{0,30}\b(?:worst|punish\w*|penalis\w*|trouble|frozen out|marked)\b",
            2.5,
            2.5,
        ),
        (
            r"\b(?:stopped|stop) (?:saying|raising|reporting|speaking up|mentioning|complaining)\b|\b(?:nobody|no one) (?:dares|dared) \w+\b|\bdare(?:n'?t|d not)\b",
            2.5,
            2.5,
        ),
        (
            r"\b(?:did(?: not|n'?t)|never) (?:bring|brought|raise|raised|mention|mentioned|say|said) (?:it|this|that|anything) (?:up )?again\b|\bhaven'?t (?:raised|mentioned|said) (?:it|anything) since\b",
            2.5,
            2.5,
        ),
        (
            r"\b(?:go(?:ing)?|went) looking for (?:problems|trouble)\b|\b(?:causing|making|stirring(?: up)?) (?:problems|trouble)\b|\bstirr(?:ing|er)\b",
            2.0,
            2.5,
        ),
    ],
    # Messengers neglected: noted, queued, never answered.
    ("messengers", "bureaucratic"): [
        (
            r"\b(?:nobody|no one) has (?:ever )?(?:got|come|came) back\b|\bnever (?:got|had|received) (?:a |any )?(?:reply|response|answer)\b|\bstill (?:waiting to hear|not heard|no (?:reply|answer|response))\b",
            2.0,
            2.5,
        ),
        (
            r"\b(?:minuted|noted in the minutes|put in the minutes|logged|added to the (?:risk )?(?:log|register)|put on the agenda)\b[^.]{0,60}\b(?:nothing|left (?:there|it)|no (?:action|change)|never)\b",
            2.5,
            2.5,
        ),
        (
            r"\b(?:put|send|sent|raise|raised|go|went) (?:it |this |that )?(?:through|via) (?:the )?(?:proper|formal|correct|right|usual|official) (?:channels?|route|process|procedure)\b",
            2.0,
            2.5,
        ),
        (r"\b(?:told|asked) (?:me |us |her |him )?to put (?:it|this|that|my concerns?) in writing\b", 1.5, 2.0),
        (r"\b(?:went|goes|go|disappeared) into (?:a|the) (?:queue|black hole|void|system)\b|\bblack hole\b", 1.5, 2.0),
        (
            r"\b(?:an? )?auto(?:mated|matic)?[- ]?(?:reply|response)\b|\b(?:was|were|got) forwarded (?:to|on to)\b",
            2.0,
            2.0,
        ),
        (
            r"\b(?:\w+ )?(?:months?|weeks?|years?) (?:on|later)\b[^.]{0,40}\b(?:still|the same|unchanged|no different|nothing)\b",
            1.0,
            2.0,
        ),
        (
            r"\bnothing (?:happened|was done|more was heard|came of (?:it|that))\b(?! to)|\bno action (?:was )?taken\b",
            1.0,
            2.0,
        ),
    ],
    # Messengers thanked and their concern acted on.
    ("messengers", "generative"): [
        (r"\bmade a point of (?:thanking|praising|saying)\b|\b(?:to say|said) thank you\b", 2.0, 3.0),
        (r"\b(?:was|were|got|been) (?:thanked|praised|credited) for\b", 3.0, 3.0),
        (r"\b(?:praised|thanked|credited) (?:her|him|me|us|them|the \w+) (?:publicly|in front of)\b", 2.0, 3.0),
        (
            r"\b(?:thank(?:ed|ing|s)?|praised|credited) (?:her|him|me|us|them|everyone|the \w+(?: \w+)?) for (?:raising|flagging|reporting|spotting|"
            r"speaking|saying|pointing|being (?:honest|open)|telling|bringing|challenging)\b",
            3.0,
            3.0,
        ),
        (r"\b(?:good|great) (?:challenge|question)\b|\bright to (?:raise|challenge|flag|say)\b", 2.0, 2.5),
    ],
    # Responsibility shirked.
    ("responsibilities", "pathological"): [
        (
            r"\b(?:passed|passing|pass|passes) the buck\b|\bbuck[- ]passing\b|\bwash(?:ed|es|ing)? (?:their|his|her|our|my) hands\b",
            3.0,
            2.5,
        ),
        (r"\b(?:not|nothing) (?:on|down to|to do with) (?:me|us|them|her|him|my team|our team)\b", 2.5, 2.0),
        (
            r"\b(?:nobody|no one|neither (?:team|service|agency|of them)) (?:would|will|wanted to|was willing to) (?:take|own|pick|lead|do|accept)\b",
            2.5,
            1.5,
        ),
        (
            r"\b(?:refused|refuses|refusing|wouldn'?t|would not|won'?t|will not) (?:to )?(?:take (?:it|this|the case|the lead|responsibility|ownership)|"
            r"sign (?:it |this )?off|own (?:it|this)|pick (?:it|this) up|accept (?:it|the case|the referral|responsibility))\b",
            2.5,
            1.5,
        ),
        (r"\bsaid (?:that )?(?:it was|it'?s|it is) (?:ours|hers|his|theirs|yours|mine)\b", 2.5, 1.5),
        (
            r"\b(?:said|says) (?:it was|it'?s|it is) (?:the )?[\w-]+(?: [\w-]+)?'s\b[^.]{0,80}\b(?:said|says) (?:it was|it'?s|it is)\b",
            2.5,
            2.5,
        ),
        (r"\bin the end,? (?:nobody|no one|neither)\b", 2.0, 1.0),
        (
            r"\bsaid (?:that )?(?:it|this|the [\w-]+(?: [\w-]+)?) (?:was|is|were) (?:for|down to|up to|a matter for|a job for) (?:the )?[\w-]+ (?:team|service|agency)\b",
            2.0,
            1.0,
        ),
    ],
    # Responsibility narrowed to a remit.
    ("responsibilities", "bureaucratic"): [
        (
            r"\b(?:outside|beyond|not (?:within|part of|in)) (?:my|our|her|his|their|the) (?:role|job description|contract|service specification|specification|brief)\b",
            2.5,
            2.5,
        ),
        (r"\b(?:their|her|his|our|my) (?:role|job|remit) (?:was|is) (?:only |just |simply |purely )?to\b", 2.0, 1.5),
        (
            r"\bonly (?:responsible|accountable) for (?:their|our|my|her|his) own\b|\b(?:only|just) (?:records?|minutes|notes) (?:them|it|the actions)\b",
            2.5,
            2.0,
        ),
        (
            r"\b(?:could|can|would|will) only (?:do|cover|offer|deliver|work on|provide) (?:what|the sessions|the work|tasks|things)\b",
            2.0,
            2.0,
        ),
        (r"\bhad to go back to (?:the )?(?:social worker|allocated worker|manager|referrer|case holder)\b", 1.5, 1.5),
        (
            r"\bonly (?:records?|writes? up|reports? on|deals? with|covers?|looks? at) (?:what|them|it|the)\b|\band nothing else\b",
            2.0,
            2.0,
        ),
    ],
    # Responsibility shared.
    ("responsibilities", "generative"): [
        (r"\b(?:pitched|mucked|chipped) in\b|\bstepped in\b|\btook (?:a|their|his|her|my|our) share\b", 2.5, 2.5),
        (
            r"\b(?:the whole team|everyone|colleagues|the team) (?:helped|rallied|offered)\b|\bcovered (?:my|her|his|their) (?:duty|visits|cases|caseload|shifts?)\b",
            2.5,
            2.0,
        ),
        (
            r"\b(?:shared|split|divided) (?:out )?(?:the|her|his|their) (?:visits|cases|work|load|calls|tasks|actions)\b",
            2.5,
            2.0,
        ),
        (
            # "between them" is left out: families agree arrangements between themselves too.
            r"\bagreed (?:between (?:us|ourselves) )?(?:who|which (?:of us|team|agency)) (?:would|will|should)\b|\bagreed between (?:us|ourselves)\b",
            2.5,
            2.0,
        ),
        (
            r"\bput (?:their|our|his|her) names? to\b|\bjoint(?:ly)? (?:owned|ownership|responsib\w+|accountab\w+)\b|\bshared (?:ownership|accountability)\b",
            2.5,
            2.0,
        ),
    ],
    # Bridging discouraged.
    ("bridging", "pathological"): [
        (r"\b(?:told|instructed|warned|asked) (?:me |us |staff |them |her |him )?not to " + _CONTACT + r"\b", 3.0, 1.0),
        (r"\bnot allowed to " + _CONTACT + r"\b", 2.0, 1.0),
        (
            r"\b(?:go|goes|went|has to go|had to go|must go|going) through (?:me|him|her|my manager|the manager|our manager|management)\b",
            2.0,
            1.5,
        ),
        (
            r"\b(?:doesn'?t|don'?t|didn'?t) like (?:us|me|staff|people|workers) (?:speaking|talking|going|contacting|working|ringing)\b",
            2.0,
            2.0,
        ),
        (
            r"\b(?:won'?t|will not|refused? to|refuses to|wouldn'?t|would not) work (?:with|alongside)\b|\b(?:us and them|them and us|turf wars?)\b",
            2.5,
            2.0,
        ),
        (
            r"\b(?:told off|criticised|reprimanded|pulled up|in trouble|warned) (?:for|about) " + _CONTACT + r"\b",
            3.0,
            2.0,
        ),
        (r"\b(?:gets?|got|is|was|are|were) (?:annoyed|cross|irritated|angry|furious)\b", 0.0, 2.0),
        (
            r"\b(?:makes?|made|making) (?:the team|us|the service|the department|her|him|them) look (?:bad|disorganised|incompetent|stupid)\b|\b(?:our|the team'?s|the service'?s) (?:image|reputation)\b",
            0.0,
            2.0,
        ),
        (
            r"\b(?:concentrate|focus|stick) (?:on|to) (?:your|their|our|my|his|her) own\b|\bmind (?:your|their|our) own\b",
            0.0,
            2.0,
        ),
    ],
    # Bridging tolerated: allowed, within limits and through set routes.
    ("bridging", "bureaucratic"): [
        (
            r"\bonly (?:as (?:an? )?observers?|once a (?:quarter|month|term|year)|if there'?s an agenda item|by invitation|(?:through|via|with) (?:a )?(?:formal )?referral)\b",
            2.0,
            2.0,
        ),
        (
            r"\b(?:through|via) (?:the )?(?:designated|named|single point of|liaison|central) (?:liaison|contact|officer|route|channel|mailbox|inbox|point)",
            2.0,
            2.0,
        ),
        (r"\bsingle point of contact\b|\b(?-i:SPOC)\b", 1.5, 1.5),
        (
            r"\bonly (?:after|once|following) (?:a|an|the) (?:\w+ )?(?:panel|referral|transfer|approval|assessment)\b|\b(?:transfer|allocation|resource|access) panel\b",
            1.5,
            2.0,
        ),
        (r"\b(?:allowed|permitted) to (?:attend|come|join|sit in)\b[^.]{0,40}\bbut\b", 1.5, 1.5),
        (r"\b(?:eat|eats|eating) into\b|\btakes? time (?:away )?from (?:visits|casework|the caseload)\b", 0.0, 1.0),
    ],
    # Bridging encouraged.
    ("bridging", "generative"): [
        (
            r"\b(?:rang|called|phoned|went|asked) (?:round|around)\b[^.]{0,60}\buntil (?:she|he|they|we|I) (?:found|got|reached|tracked)\b",
            3.0,
            2.0,
        ),
        (
            r"\b(?:invited|invites|invite) (?:us|me|the \w+(?: \w+)?) (?:to|into) (?:their|the|our) (?:ward round|meetings?|team meeting|training|huddle|briefing|planning|handover)",
            2.5,
            2.0,
        ),
        (r"\bco-?located\b|\b(?:sit|sits|sat|based|work|works) (?:with|alongside) the [\w ]{1,20}team\b", 2.0, 1.5),
        (
            r"\b(?:regular|weekly|fortnightly|monthly) (?:meetings?|catch[- ]ups?|drop[- ]ins?|slots?) with (?:the )?\w+",
            2.0,
            1.5,
        ),
        (r"\bmeet(?:ing|s)? (?:with )?the [\w ]{1,25} (?:every|each) (?:week|fortnight|month)\b", 1.5, 1.0),
        (r"\b(?:came|come|joined|joins) (?:me |us )?(?:on|to) (?:the|a|our|my) (?:home |joint )?visits?\b", 1.0, 0.8),
        (r"\b(?:asked|encouraged|told) (?:the )?other teams to (?:do the same|follow|copy|join)\b", 1.0, 2.0),
        (
            r"\b(?:three|four)-way (?:visit|meeting|call|conversation)\b|\bagreed (?:one|a single|a shared|a joint) plan\b",
            2.5,
            2.0,
        ),
        (
            r"\bset up (?:a|an) (?:\w+ )?(?:slot|forum|meeting|huddle|drop-in|catch-up)\b[^.]{0,40}\b(?:teams|agencies|services|both|together|shared)\b",
            2.0,
            2.0,
        ),
    ],
    # Failure met with scapegoating.
    ("failure", "pathological"): [
        # "Nobody asked why" after something went wrong is said of an inquiry that looked only at
        # the person (their missed visit) and not at the conditions (their 31 cases): blame.
        (r"\b(?:nobody|no one) (?:asked|looked at|explored) (?:why|how come)\b", 1.5, 1.5),
        (
            r"\b(?:wanted|want|wants|looking for|looked for|needed) (?:a name|someone to blame|a scapegoat|a head|heads)\b|\b(?:looked|looking|look) for (?:who|someone|somebody) (?:to blame|had|was)\b",
            2.5,
            3.0,
        ),
        (
            r"\bcarr(?:y|ied) the can\b|\bhung out to dry\b|\bthrown under the bus\b|\bfall guy\b|\bheads? (?:will|would|must) roll\b|\bpinned (?:it|the blame) on\b",
            2.5,
            3.0,
        ),
        (
            r"\b(?:was|were|got|been) (?:suspended(?! from (?:the )?(?:school|college|class|nursery))|sacked|let go)\b",
            1.5,
            1.5,
        ),
        (
            r"\b(?:relieved|glad|thankful) (?:it|that it) (?:wasn'?t|was not|isn'?t) (?:them|me|us|her|him)\b|\bnamed (?:at|in front of|in) (?:the )?(?:\w+'? )?(?:meeting|team|briefing)\b",
            2.0,
            2.5,
        ),
        (r"\b(?:performance )?improvement plan\b|\bperformance[- ]managed\b", 1.5, 1.5),
    ],
    # Failure met with "justice": a person at fault, a sanction, one more rule.
    ("failure", "bureaucratic"): [
        (
            r"\b(?:had not|hadn'?t|did not|didn'?t|failed to) follow(?:ed)? (?:the )?(?:procedure|policy|process|protocol|guidance)\b|\bbreach(?:ed|es)? (?:of )?(?:the )?(?:policy|procedure|protocol)\b",
            1.5,
            1.5,
        ),
        (
            r"\b(?:outcome|finding|conclusion|recommendation)s? (?:of|from) the (?:review|investigation|audit|inquiry)\b|\bthe (?:review|investigation|audit|inquiry) (?:found|concluded|recommended)\b",
            2.5,
            0.0,
        ),
        (r"\b(?:further|more|refresher) training\b", 0.5, 1.0),
        (
            r"\b(?:extra|additional|another|a further|one more) (?:checklist|form|sign[- ]?off|step|layer|template|check|audit|rule)\b",
            1.0,
            2.0,
        ),
        (
            r"\breminded (?:everyone|all staff|staff|us|the team|workers) (?:of|about|to follow)\b|\b(?:memo|email|briefing) (?:went out|was sent)\b",
            1.5,
            2.0,
        ),
        (
            r"\ban? audit of (?:who|which|whether)\b|\bthe only (?:change|response|outcome|thing that changed)\b",
            2.0,
            1.5,
        ),
        (
            r"\b(?:policy|procedure) reminder\b|\breminder (?:email|memo|to all staff)\b|\b(?:email|memo) to all staff\b",
            1.5,
            2.0,
        ),
    ],
    # Failure met with inquiry into the system.
    ("failure", "generative"): [
        (
            r"\bwhat (?:made|makes|had made) (?:it|this|that) (?:easy|easier|hard|harder|likely|more likely|possible)\b|\bwhat got in the way\b"
            r"|\bnot who\b|\brather than who\b|\bwhole system\b|\bsystems? (?:view|approach|thinking|lens)\b",
            2.5,
            2.5,
        ),
        (
            r"\b(?:nobody|no one|no individual) was (?:named|singled out|blamed)\b|\bwithout (?:naming|blaming) (?:anyone|individuals|anybody)\b",
            2.0,
            2.0,
        ),
        (r"\basked (?:all of us|everyone|each of us|us all|the staff|staff|the team) (?:what|how|why)\b", 1.0, 2.0),
        (r"\bchanged (?:how|the way)\b", 0.0, 1.5),
        (
            r"\breflective (?:session|discussion|meeting|review|workshop)\b|\bmapped (?:out )?(?:the|what|our)\b|\bwhat (?:we could|could we|we can|can we) learn\b",
            2.0,
            2.0,
        ),
        (
            r"\b(?:rewritten|rewrote|redesigned|revised|reviewed) (?:it )?(?:with|alongside) (?:the )?(?:carers|families|parents|young people|children|staff|us)\b|\bco-?produc\w+\b",
            0.5,
            2.0,
        ),
        (r"\b(?:got|get|gets) (?:it|the \w+(?: \w+)?|this|that) wrong\b", 1.5, 0.0),
    ],
    # New ideas crushed.
    ("novelty", "pathological"): [
        (
            r"\b(?:we|they) don'?t do (?:things|it|that) (?:like that|that way|here)\b|\bnot how we do (?:things|it)\b|\bthat'?s not how\b",
            2.5,
            2.5,
        ),
        (r"\b(?:always|have always) (?:done|been done) (?:it )?(?:this|that) way\b", 2.0, 1.5),
        (r"\btold (?:me |us |her |him |them )?to stop (?:using|doing|sending|running|it)\b", 2.0, 1.0),
        (
            r"\b(?:shot down|dismissed out of hand|laughed at|laughed off|knocked back|squashed|stamped on|quashed)\b",
            1.5,
            2.0,
        ),
        (
            r"\b"
            + _AN_IDEA
            + r"s? (?:was |were |got )?(?:dismissed|rejected|shot down|laughed at|ignored|binned|killed)\b",
            2.5,
            2.0,
        ),
        (
            r"\b(?:delete|deleted|scrap|scrapped|bin|binned) (?:it|the (?:tracker|log|spreadsheet|template|tool|form))\b",
            1.5,
            1.0,
        ),
        (r"\bin trouble if\b|\bwould be in trouble\b", 0.0, 2.0),
    ],
    # New ideas run into approvals and governance.
    ("novelty", "bureaucratic"): [
        (
            r"\b(?:waiting|awaiting|waited|wait) (?:for )?(?:(?-i:IT) |governance |legal |procurement |security |senior |formal |board |panel )?"
            r"(?:approval|sign[- ]off|permission|clearance|authorisation)\b",
            2.0,
            2.5,
        ),
        (
            r"\bbusiness case\b|\b(?:data protection impact assessment|(?-i:DPIA)|equality impact assessment)\b|\bprocurement\b|\bred tape\b",
            2.0,
            2.0,
        ),
        (r"\b(?:stalled|parked|shelved|bogged down|long grass)\b|\bheld up (?:in|by|at)\b", 1.0, 1.5),
        (
            r"\b(?:sign[- ]off|approval|agreement) from (?:three|two|four|several|multiple|different|various|each|every) "
            r"(?:different )?(?:boards?|panels?|committees?|managers?|heads?|directors?|groups?)\b",
            2.0,
            2.5,
        ),
        (
            r"\b(?:each|every) (?:one|meeting|time|board|panel)\b[^.]{0,30}\b(?:asked for|wanted|needed) (?:another|a further|more|a new)\b",
            1.5,
            2.5,
        ),
        (
            r"\b(?:asked|ask|asking|applied|apply) for (?:permission|approval|sign[- ]off|agreement) (?:to|for)\b|\b(?:seek|sought|get|got) permission to\b",
            2.0,
            1.5,
        ),
        (r"\bthen back to (?:the )?\w+\b|\b(?:went|goes) to (?:the )?[\w ]{1,20} board\b", 1.0, 1.5),
        (
            r"\b(?:not|isn'?t|wasn'?t) (?:an? )?(?:recognised|approved|accredited|evidence[- ]based) (?:tool|approach|model|method|format|app)\b",
            2.0,
            1.5,
        ),
    ],
    # New ideas implemented.
    ("novelty", "generative"): [
        (
            r"\b(?:give|gave|giving) it a (?:go|try)\b|\blet (?:us|me|them) (?:try|trial|pilot|test|run with)\b|\b(?:run|ran) with it\b",
            2.5,
            2.5,
        ),
        (r"\bnow (?:part of|built into|embedded in|included in|standard in) (?:every|the|our|all)\b", 1.5, 2.0),
        (
            r"\b(?:wrote|written|built|put) (?:it )?into (?:the )?(?:service plan|procedures?|guidance|policy|practice standards|training)\b|\bused (?:it )?in (?:our|the) (?:next )?training\b",
            1.5,
            2.0,
        ),
        (
            r"\b(?:attendance|uptake|take-up|engagement|numbers) (?:has |have )?(?:doubled|tripled|rose|risen|went up|gone up|improved|increased)\b",
            1.5,
            1.5,
        ),
        (
            r"\b(?:other|two|three|several|more) (?:other )?(?:hubs|teams|areas|localities|homes|services|offices) (?:now|have now|are now) (?:do|doing|use|using|run|running|follow|following|copy|copying)\b",
            1.5,
            2.5,
        ),
        (
            r"\b(?:the )?(?:whole|entire|rest of the|wider) (?:team|service|department|directorate|council|home|authority)\b[^.]{0,25}"
            r"\b(?:uses?|using|adopted|took (?:it )?on|takes (?:it )?on|copied|followed)\b",
            2.0,
            2.5,
        ),
        (
            r"\b(?:backed|supported|championed|funded|embraced) (?:our|my|the|her|his|their) (?:idea|suggestion|proposal|pilot|plan)\b|\bfound (?:the )?(?:money|budget|funding)\b",
            2.5,
            2.5,
        ),
    ],
}

# What happens to the person after they speak, and what a working change looks like afterwards.
# Reports from departments the cues were not written against name a shot messenger by its
# consequence (suspended, a note on their review, moved off duties, a threat about their future)
# or by the label put on them ("dramatic", "difficult to work with"), and often by the chilling
# effect on everyone else; and they name a generative outcome by the change spreading or running
# on, or by the reporter asking for it to continue. Each family is phrased for any department.
_CELLS[("messengers", "pathological")] += [
    (
        r"\bsuspended (?:\"|“)?(?:pending|from (?:work|duty|duties|practice|(?:my|her|his|their) (?:role|post|job)))\b|\b(?:pulled|called|hauled) into a meeting\b",
        0.0,
        2.5,
    ),
    (
        r"\bif (?:I|you|we|she|he|they) (?:kept|keep|carried on|carry on|continued?|wanted? to (?:progress|get on|keep))\b"
        r"|\bwhether (?:you'?re|you are|I'?m|I am|I was|she was|he was) (?:the )?right (?:worker|person|fit)\b",
        0.0,
        2.5,
    ),
    (
        r"\b(?:stop|stopped) (?:escalating|making|raising|pushing|going on|complaining|emailing|chasing)\b"
        r"|\b(?:being|too|so|be) (?:over-?protective|dramatic|emotional|negative|precious|alarmist|hysterical)\b"
        r"|\bdifficult to work with\b|\bmade (?:out to be )?the problem\b",
        0.0,
        2.5,
    ),
    (
        r"\b(?:stopped|stop|don'?t|haven'?t|no longer|won'?t) (?:putting|writing|posting|raising|recording|reporting|saying|"
        r"flagging|write|post|raise|record|report|say|flag|put)\b[^.]{0,40}\b(?:since|anymore|any more|after that|I don'?t have to)\b"
        r"|\bnot worth (?:getting|raising|the hassle)\b|\bget(?:ting)? a reputation\b",
        0.0,
        2.5,
    ),
    (
        r"\bin front of (?:the |all (?:the )?|\d+ )?(?:team|everyone|colleagues|people|staff|partners|panel|meeting|room|whole \w+|other \w+|(?-i:[A-Z]{2,5}))\b",
        0.0,
        2.0,
    ),
]
# Reputation put before the child: the message is judged by how it makes the organisation look.
_CELLS[("cooperation", "pathological")] += [
    (
        r"\b(?:comes? back on|reflects? badly|reflected badly|damage the relationship|exposed the (?:school|service|council|team|authority)|embarrass\w*)\b"
        r"|\bmak(?:e|es|ing) (?:us|the \w+) look\b",
        0.0,
        2.5,
    ),
]
_CELLS[("responsibilities", "pathological")] += [
    (
        r"\bnot (?:\w+'s |(?:our|my|their|his|her) )(?:role|job|place) to\b|\b(?:it'?s|it is|it was|that'?s) not for (?:\w+ ){1,2}to\b"
        r"|\b(?:he|she|they|it)(?:'s| is| was| are| were) not (?:ours|theirs|mine)\b",
        0.0,
        2.5,
    ),
]
# Power-oriented responses told by their effect on the one person: the blame for a failure
# lands on the worker who was there ("the focus was entirely on me", "upheld against me
# personally", "had her contract ended"), the reporter is told they should not have acted, is
# overruled or told a question is not theirs to ask, or the other side simply stops talking.
_CELLS[("failure", "pathological")] += [
    (
        r"\b(?:because of me|against me(?: personally)?|me personally)\b"
        r"|\b(?:focus|lesson|blame|questions?)\w* (?:was |were )?(?:entirely |all |only )?(?:on|about) (?:me|her|him|the worker|the (?:agency |locum )?(?:sw|social worker|worker))\b"
        r"|\bhad (?:her|his|their|my) contract (?:ended|terminated)\b|\bcontract was (?:ended|terminated)\b|\b(?:was|were|got) sacked\b",
        1.0,
        2.0,
    ),
]
_CELLS[("messengers", "pathological")] += [
    (
        r"\b(?:said|told (?:me|us|her|him)) (?:that )?(?:I|we|she|he|you) (?:should(?:n'?t)? have|shouldn'?t)\b|\boverrul\w+",
        0.0,
        1.5,
    ),
    (r"\bnot for (?:\w+ ){1,2}to (?:comment|question|challenge|interfere)\b", 0.0, 2.0),
]
_CELLS[("cooperation", "pathological")] += [
    (
        r"\b(?:stopped (?:replying|returning (?:my |our )?(?:calls|emails))|ended the call|hung up|put the phone down|cold with me|frozen out)\b",
        0.0,
        1.5,
    ),
]
_CELLS[("novelty", "generative")] += [
    (
        r"\b(?:I'?ve|we'?ve|I have|we have|I|we|she|he|they) (?:started|began|set up) (?:\w+ing\b|meeting|a\b|an\b)",
        0.0,
        1.5,
    ),
    (
        r"\b(?:write|wrote|writing) (?:it|this) up\b|\b(?:take|took|taken) (?:it|the idea|this) to (?:the )?(?:other|panel|head|DMT|SMT|leadership|senior)"
        r"|\b(?:other|the other|more) (?:teams|services|areas|homes|hubs|localities|councils|authorities|schools) (?:can|could|to) (?:copy|use|adopt|do|follow)",
        0.0,
        2.0,
    ),
    (r"\b(?:supported|backed|approved|agreed) the (?:trial|pilot|idea|change|proposal|scheme)\b", 0.0, 2.0),
    # The reporter asking for a thing to carry on is asking for more of something that works.
    (
        r"(?:^|[.!?]\s+)(?:Repeat|Extend|Continue|Spread|Roll out) (?:it|this|the|doing)\b|(?:^|[.!?]\s+)Keep (?:it|this|doing)\b"
        r"|\bkeep (?:it|this|the \w+(?: \w+)?) (?:going|running|up to date)\b|\bmore of (?:these|this|them)\b|\banother one\b",
        0.0,
        2.0,
    ),
]
_CELLS[("failure", "generative")] += [
    (r"\b(?:has|have|had) (?:\w+ )?(?:dropped|fallen|halved|come down|gone down)\b", 0.0, 1.5),
    (
        r"\b(?:it'?s|it has|has) (?:been )?(?:running|working|used|downloaded)\b|\bstayed (?:on roll|in (?:school|placement))\b"
        r"|\bto (?:their|her|his|our) credit\b|\bsmall win\b|\bgot on with it\b"
        r"|\b(?:had )?never (?:been )?asked (?:for )?(?:this|that|them|us)? ?before\b|\b(?:nobody|no one) had ever asked\b",
        0.0,
        2.0,
    ),
    (
        r"\bnow (?:\w+ )?(?:comes|come|hand|hands|use|uses|meet|meets|ask|asks|allocate\w*|invite\w*|attend\w*|gets|share\w*|sends?|check\w*|rings|calls)\b",
        0.0,
        1.2,
    ),
]

for (_aspect, _orientation), _entries in _CELLS.items():
    for _pattern, _aspect_weight, _orientation_weight in _entries:
        if _aspect_weight:
            ASPECT[_aspect].append((_pattern, _aspect_weight))
        if _orientation_weight:
            ORIENTATION[_orientation].append((_pattern, _orientation_weight))


LEXICON: dict[str, dict[str, list[Cue]]] = {
    "westrum_aspect": ASPECT,
    "westrum_orientation": ORIENTATION,
    "learning_together": LEARNING_TOGETHER,
}

# --------------------------------------------------------------------------- what the report is about
# Westrum's aspect is decided by the *object* of the report: an information flow, a person who
# raised a concern, the ownership of a task, a crossing of a team or agency boundary, the
# organisation's response after something went wrong, or a new idea. These cues name the object.
# The second part of each list is broad, weak vocabulary of the object, so that a report in
# unfamiliar wording still leans towards the thing it is about. These cues feed the zero-shot
# prior only, not the learned model's cue features (which stay the cue tables above).
ASPECT_OBJECT: dict[str, list[Cue]] = {
    "cooperation": [
        (
            r"\b(?:arrived|came through|came in|was sent|were sent|got to us) (?:too )?(?:late|after|days later|weeks later)\b",
            1.5,
        ),
        (
            r"\b(?:didn'?t|did not|never) (?:get|receive|see|have) (?:the |a |any |their )?(?:information|report|copy|minutes|notes|updates?|checks)\b",
            1.5,
        ),
        (
            r"\b(?:asked|requested|sought|seeking) (?:for )?(?:the |their |any )?(?:information|records|checks|history|views)\b",
            1.2,
        ),
        (r"\b(?:sent|shared|passed) (?:on|across|over) (?:to|the)\b|\bcopied (?:in|into)\b", 1.0),
        (r"\b(?:information|info)\b", 0.8),
        (r"\b(?:informed|aware|let (?:us|me|them) know|kept (?:us|me|them) (?:informed|updated))\b", 0.8),
        (r"\b(?:updates?|copy|copies|notes|minutes|emails?)\b", 0.4),
        (r"\b(?:know|knew|heard)\b", 0.4),
    ],
    "messengers": [
        (
            r"\b(?:my|our|her|his|their) concerns? (?:was|were|had been) (?:dismissed|ignored|noted|brushed|taken)\b",
            2.0,
        ),
        (r"\bfell on deaf ears\b|\b(?:nobody|no one) (?:wanted to hear|took (?:it|me) seriously)\b", 2.0),
        (r"\bfor (?:saying|raising|speaking|pointing) (?:it|this|that|up|out)\b", 2.0),
        (r"\bconcerns?\b", 0.6),
        (r"\b(?:my|the|our) (?:manager|(?-i:TM)|supervisor|team manager|senior)\b", 0.4),
    ],
    "responsibilities": [
        (r"\b(?:nobody|no one) (?:had )?(?:done|did|picked (?:it |this )?up|followed (?:it |this )?up|chased)\b", 1.5),
        (r"\b(?:it'?s|it is|it was) (?:the )?\w+'?s? (?:job|responsibility|role|task) to\b", 1.5),
        (r"\bwithout anyone (?:deciding|agreeing|taking)\b|\b(?:named|single) (?:owner|person responsible)\b", 2.0),
        (r"\b(?:job|role|task|duty|remit)\b", 0.6),
        (r"\b(?:accountab\w+|whose|picked up|pick (?:it |this )?up)\b", 1.0),
        (r"\b(?:nobody|no one|anyone)\b", 0.4),
    ],
    "bridging": [
        (
            r"\b(?:told|informed|notified|contacted) (?:the )?(?:new|receiving|other|previous|old|home) (?:school|authority|team|gp|practice|area|la|council)\b",
            2.0,
        ),
        (
            r"\bmoved? (?:out of (?:the )?(?:area|county|borough)|to (?:another|a different) (?:area|authority|borough))\b",
            1.5,
        ),
        (r"\b(?:went|go|goes|going) out of (?:her|his|their|my|our|the) way\b", 2.0),
        (
            r"\b(?:duty to (?:locality|long[- ]term)|locality team|day team|night team|hand-?offs?|handed (?:it )?over)\b",
            1.2,
        ),
        (r"\b(?:join(?:ed)?|attend(?:ed)?) (?:the |our |their )?(?:core groups?|meetings?|visits?|strategy)\b", 0.8),
        (
            r"\b(?:agenc(?:y|ies)|partners|partner agenc\w+|between|across|each other|both (?:teams|agencies|services))\b",
            0.5,
        ),
        (r"\b(?:liais\w+|link(?:ed|s)?|connect\w*|introduc\w+|transfer\w*|hand(?:ed)? (?:over|on))\b", 0.6),
        (r"\b(?:new|receiving|previous|old) (?:school|area|authority|team|gp|placement|worker|practice)\b", 0.8),
    ],
    "failure": [
        (r"\b(?:is|are|was) now (?:required|mandatory|compulsory)\b|\bnow required\b", 2.0),
        (r"\bafterwards,? (?:the |we |they |a |police |our )?\w*\s?(?:held|had|did|ran|reviewed)\b", 1.5),
        (
            r"\b(?:was|were|got|been) (?:disciplined|suspended(?! from (?:the )?(?:school|college|class|nursery))|named and|moved off|taken off)\b",
            2.0,
        ),
        (r"\b(?:incident|wrong|harm\w*|near[- ]miss)\b", 0.8),
        (r"\b(?:review\w*|learn(?:ing|t|ed)|lessons?|afterwards|happened)\b", 0.5),
    ],
    "novelty": [
        (
            r"\b(?:shot down|knocked back|turned down|rejected|refused|vetoed) (?:the |my |our |her |his )?(?:idea|suggestion|request|proposal)\b",
            2.5,
        ),
        (r"\b(?:now|started|began) (?:using|trialling|piloting)\b", 1.0),
        (r"\b(?:new|started|instead|better way|improve\w*|permission|allowed|develop\w*|design\w*)\b", 0.5),
        (r"\b(?:app|tablet|video|text messag\w+|whatsapp|online)\b", 0.5),
    ],
}

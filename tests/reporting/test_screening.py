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


BROADER_LIVE = [
    "The boy is still having weekend contact with his stepfather even though the allegation is open.",
    "No emergency placement has been found and the 13-year-old has nowhere to sleep.",
    "Her allegation has still not been passed on to the police and nobody has visited since.",
    "The 14-year-old hasn't come home and no one knows where she is.",
    "Unexplained bruises on the toddler's arm at nursery and she was sent home as usual.",
]


def test_ending_well_does_not_outweigh_a_strong_current_cue() -> None:
    text = (
        "Last year a similar referral was resolved in the end and the child was fine. "
        "This time the children are still living with him and nobody has visited since Friday."
    )
    assert screen_live_concern(text=text).flagged


def test_ending_well_suppresses_weak_cues() -> None:
    text = "The baby was sent home from hospital late. She was seen the next day by the health visitor and was fine."
    assert not screen_live_concern(text=text).flagged


# Live concerns in the families staff use for a child at risk now; each must flag on its own.
LIVE_FAMILIES = [
    # Still with, back with or going home to the person who harmed them, or an unassessed adult.
    "He is back living with mum's partner, the man who broke his arm.",
    "The children remain in the care of their mother's boyfriend while police decide what to do.",
    "She has gone back to her father's this week even though the allegation is still open.",
    "They are due to go back to dad's on Friday and no one has spoken to him about the bruising.",
    "Mum's new partner has moved in. He has not been assessed and has a conviction for offences against children.",
    "The 7-year-old is staying with a man in his twenties that nobody has checked.",
    "The stepfather remains in the family home.",
    "The man she named lives at the same address as her.",
    "Her grandad, who she says abused her, collects her from school every day.",
    "The 12-year-old is going home to her stepdad after school today.",
    # Not seen, whereabouts unknown, missing now.
    "No professional has laid eyes on the baby for six weeks.",
    "We do not know where the family are living now.",
    "She was reported missing on Tuesday and still hasn't been found.",
    "He has been missing for three days.",
    "The family have moved out of the area and we have lost track of them.",
    "Nobody has had sight of the children since the start of term and they are not in school.",
    "The last time anyone saw him was at the end of July.",
    # Disclosure or injury not yet acted on.
    "She told her teacher her brother touches her. No strategy discussion has been held yet.",
    "The toddler has a burn on his hand that nobody can explain, and there has been no strategy meeting.",
    "He disclosed on Monday and it still hasn't been passed to children's services.",
    "The referral about the bruising is still sitting in the MASH queue, three days on.",
    "The disclosure is waiting to be screened and the child is at home.",
    "I rang the front door twice and still haven't heard back. Nobody has picked it up.",
    "No home visit has been booked and the child protection medical hasn't happened.",
    # Nowhere safe tonight.
    "The 16-year-old has nowhere to stay tonight.",
    "He has been sofa surfing for a fortnight.",
    "She is sleeping in a car with her mum's boyfriend.",
    "We have no bed for her tonight and the out-of-hours team have nothing.",
    "He's sleeping rough near the station.",
    # A plan that rests on a measure failing now.
    "The safety plan relies on mum keeping him away and she has already let him back.",
    "The written agreement is being breached: dad is at the house most evenings.",
    "His bail conditions are not being kept to and he is seen at the flat.",
    "The non-molestation order has expired and he is back at the house.",
    # An adult who poses a risk has access now.
    "He still has access to the children whenever mum is at work.",
    "The Schedule 1 offender is visiting the home.",
    "Dad has unsupervised contact booked for this Saturday despite what she told us.",
    # The reporter's own worry, in the present.
    "I am worried this child is not safe.",
    "I think she is at risk right now.",
    "This needs looking at today.",
    "I don't believe the children are safe at home.",
    "I'm really frightened something is going to happen to him.",
    "Someone needs to see this baby today.",
    # Closed while the risk stands.
    "The referral was closed as NFA even though he still lives with the man she named.",
    "The case was stepped down to early help despite the disclosure and nothing has changed at home.",
    # Exploitation going on now.
    "He is still going missing most weekends and comes back with cash and new trainers.",
    "She keeps getting picked up by older men in cars outside the home.",
    "He is being used to run drugs out of town.",
    "She is still in contact with the adult who groomed her online.",
    "We think he is currently going country for a line and no one has done a NRM.",
]

# Alarming but over, historical, safe, or about the system rather than a child; none may flag.
RESOLVED_OR_SYSTEM = [
    "She was living with him at the time but was placed with her aunt the same day.",
    "He had been missing for two days but was found safe by police and is back in placement.",
    "The strategy discussion was held the same afternoon and a section 47 enquiry started.",
    "Police attended and dad was arrested; the children are now safe with their grandmother.",
    "In the end no harm came to the baby, but the delay should never have happened.",
    "She went missing a lot last year; since then she has settled well in her placement.",
    "The referral sat for four days before it was screened. The child was seen that week.",
    "When I visited, mum said her partner had moved back in, so we assessed him and he is part of the plan.",
    "Two years ago he slept on a friend's sofa for a month before housing found him a flat.",
    "An emergency placement was found by nine that evening.",
    "Supervision keeps getting cancelled and I still have no date for the next one.",
    "We still have a long waiting list for CAMHS and the form is not available in Polish.",
    "Dad sees the children every other weekend at the contact centre, and contact goes well.",
    "She is still living with her foster carers, who have been brilliant.",
    "He is currently living with his grandparents under a special guardianship order and doing well.",
    "I am still waiting for IT to fix my laptop, which has not been actioned for a month.",
    "The safety plan is working and mum has kept to the written agreement.",
    "The case was closed after the assessment found no concerns.",
    "The worker was worried about the child at the time, and a strategy discussion was held the next morning.",
    "I was worried the plan would not hold, but the child was removed under police protection that night.",
    "He used to go missing and be picked up by older boys; that stopped once he moved schools.",
    "Nobody had seen the baby for three weeks, which we only found out at the review; she has been seen since.",
    "My manager is not worried about the backlog.",
    "Health visitors no longer attend the meeting, which means information is shared late.",
]


def test_curly_apostrophes_match_like_straight_ones() -> None:
    assert screen_live_concern(text="She hasn\u2019t been seen since the start of term.").flagged


def test_reasons_quote_the_reporters_own_casing() -> None:
    text = "NOBODY HAS SEEN the baby since March."
    assert "NOBODY HAS SEEN the baby since March" in screen_live_concern(text=text).reasons


# Further live concerns in other words (three more rounds of examples written for the tests).
MORE_LIVE = [
    "Mum told me today that her ex is sleeping at the flat again and the girls are there with him.",
    "The baby came in with a spiral fracture; the hospital discharged her home with parents this "
    "afternoon before anyone from our team saw her.",
    "The 14-year-old has not been home for two nights and her phone goes straight to voicemail.",
    "He told the school nurse that his dad chokes him. I have passed it to the DSL but nothing "
    "seems to have happened and he goes home at 3.",
    "There's no one available to do a visit until next week and the referral is about a 2-year-old with a burn.",
    "I'm not confident anyone knows where this child is sleeping tonight.",
    "Grandmother is meant to supervise every contact but she leaves the children alone with him.",
    "Our young person is being picked up after school by a man in his 30s and is coming back intoxicated.",
    "She has been staying at her boyfriend's flat; he is 24 and she is 14.",
    "The family have left the refuge and returned to the perpetrator's address.",
    "This child is at serious risk and needs a strategy discussion today.",
    "He's 15 and has been kicked out by his stepdad; tonight he'll be sleeping at a friend's house "
    "whose parents we know nothing about.",
    "The MASH closed it with no further action, but the bruises are still there and dad still lives in the house.",
    "Nobody has followed up the school's call about the marks on her neck.",
    "The children are still at home with mum, who was drunk and unconscious when police visited last night.",
    "He keeps running away from his placement to meet adults he met online.",
    "The case is unallocated and the children haven't been visited for eight weeks.",
    "My worry is that she is being sexually exploited right under our noses.",
    "Dad is out on bail with a condition not to contact the children, but the kids say he picks them up from school.",
    "She is due to be returned to her mother's care on Monday and the risk assessment hasn't been done.",
    "The 3-month-old has a bruise on her cheek and mum can't say how it happened; they've gone home "
    "and no medical has been arranged.",
    "I found out at the core group that the children are spending nights at their uncle's, and he "
    "is the one with the sexual offence.",
    "She's 13 and is hanging around the takeaway with men who give her vodka and lifts.",
    "Dad has turned up at the school gates twice this week despite the non-molestation order.",
    "Nobody at the hospital told us about the overdose and she's been discharged to the same home where it started.",
    "The boys are living in a flat with no electricity or food and mum has not been seen by anyone for a fortnight.",
    "No strategy meeting happened and she is still in the house with him.",
    "The police took a statement but there's been no follow-up and the child is back with the family.",
    "Mum is using again and is the only carer for a 1-year-old.",
    "He's being threatened by older boys over a drug debt and says he can't go home.",
    "Our care leaver's younger sister, aged 12, is now living with the man who was arrested for "
    "assaulting our care leaver.",
    "The EDT said they would pass it on but no one has called the family back.",
    "She rang the office crying, saying her stepdad will kill her if she tells anyone, and hung up.",
    "Eight weeks on, the referral about the toddler with the cigarette burns is still waiting for allocation.",
    "The kids are staying with an uncle we have never assessed.",
    "He was excluded today and will be at home all afternoon with dad, who hit him last week.",
    "We've got a 15-year-old in A&E who doesn't want to go home and nowhere to put her.",
    "I think this needs a CP medical before the bruises fade, and nobody has booked one.",
    "Her mum's boyfriend, who she says hurts her, is picking her up from school tomorrow.",
    "The twins haven't been at nursery for three weeks and the family aren't answering the door.",
    "A neighbour rang to say the toddler is crying on the balcony every night and no one comes.",
    "I'm writing this from the car outside the house: the girls are inside with dad and he is very drunk.",
    "The young person told me the man she calls her boyfriend is 31 and she is meeting him this weekend.",
    "The social worker says she'll get to the referral after her leave, which is two weeks away, "
    "and the bruises were on his face.",
    "He says he's scared of his mum's new partner and he's still living there.",
    "The baby was brought in with bleeding on the brain and is going home with both parents tomorrow.",
    "Mum has moved her boyfriend back in even though he is a registered sex offender.",
    "She self-harmed again last night and is back at home with no safety plan and no CAMHS appointment.",
    "Police shared a DA incident from the weekend; dad strangled mum in front of the kids and he is "
    "still at the address.",
    "He is 14 and is out all night, carrying large amounts of cash, and has a new phone no one bought him.",
    "I've been trying to get hold of the family for a week; the kids are off school and the house looks empty.",
    "We've had three referrals in a month about this family and each has been closed without a visit.",
    "The children said their father locks them in their room and they are going to his for the holidays on Saturday.",
    "There is nobody to take the 10-year-old tonight because his mum has been arrested and grandma has refused.",
    "The parenting assessment relies on grandad supervising, but he works nights so the children are with mum alone.",
    "I am really worried about this girl's safety and I don't think anyone else is picking it up.",
    "The child told the nurse that mummy's friend touched her, and they are staying with that friend this week.",
    "No one has checked on the 8-year-old who was left with a neighbour when mum was sectioned yesterday.",
    "The school nurse saw finger-tip bruising on the 5-year-old's upper arms this morning and he's "
    "due to be collected by his stepmum at 3.15.",
    "Our 16-year-old has been staying with a 27-year-old man she met at a party and won't tell us the address.",
    "The health visitor hasn't been able to get in for six weeks and mum says the baby is 'asleep' every time.",
    "Mum rang at 4pm saying she can't cope and will hurt the baby if someone doesn't come.",
    "Dad's new partner has a child protection history in another authority and is now caring for "
    "the children while dad works.",
    "He's being bullied into storing a knife for older lads and they know where he lives.",
    "The referral from the GP about the 9-year-old's weight loss and bruising has been in the inbox "
    "since Tuesday without anyone looking at it.",
    "The CP plan relies on nan being there, but nan is in hospital and the kids are home with mum and her partner.",
    "I have just found out the child we placed with her father last week is sleeping on the floor "
    "and not being fed properly.",
    "The 11-year-old is caring for his three younger siblings most nights while mum is out drinking.",
    "Nobody from children's services has been out since the DA incident on Friday, and he is back at the house.",
    "She's missing from care for the third night running and her phone is being answered by an unknown man.",
    "The older brother, who has been charged with sexually assaulting her, still lives in the family home.",
    "The boy keeps turning up at school hungry, with the same clothes on, and says there's no food at home.",
    "Mum has told the contact supervisor she plans to take the children abroad this weekend and not come back.",
    "There's a 13-year-old in the police station who can't go home and no placement has been identified.",
    "I can't shake the feeling that this little girl is not safe and no one is listening.",
    "The family moved to a new area without telling us and the new authority hasn't accepted the transfer.",
    "The toddler's injuries were only photographed; no one has asked for a child protection medical "
    "and he is home with dad.",
]
MORE_NOT_LIVE = [
    "Last winter a teenager was sleeping on friends' floors for a week; the housing protocol has since fixed that.",
    "The child was found by police within two hours and returned to placement safe and well.",
    "We held a strategy discussion that afternoon, and the child went to stay with her aunt while police investigated.",
    "The baby's bruise was explained by the paediatrician and the family were given support.",
    "Our team still struggles with the number of referrals from the police.",
    "I'm worried about how we record consent on the new system.",
    "Contact with dad is supervised at the family centre and the reports are positive.",
    "The young person is now in a stable placement and attends college.",
    "She used to go missing every weekend but hasn't since the disruption plan.",
    "The case was closed appropriately after the assessment.",
    "Mum's partner was assessed as safe and the plan was stepped down to child in need.",
    "I don't think the training covered neglect well enough.",
    "It took eleven days for the transfer meeting to happen, which delayed the plan.",
    "The interpreter did not turn up and the visit had to be rebooked for the next day, when the child was seen.",
    "The IRO was not told about the move until after it had happened.",
    "Looking back, the disclosure should have gone to MASH that day rather than the next; the child "
    "was safe with her grandparents throughout.",
    "Our duty rota is still short of two workers and the backlog keeps growing.",
    "She went missing from care twice in the spring but has been settled since the summer.",
    "Mum's partner moved out in March and the children are thriving.",
    "The burn was assessed at the hospital and found to be accidental.",
    "The home visit was late because the car pool had no cars available.",
    "We need better ways of getting children's voices into plans.",
    "Court ordered supervised contact, which has gone well at the centre.",
    "The allegation was investigated under section 47 and no further action was needed.",
    "Dad's bail conditions were respected throughout the investigation, which has now concluded.",
    "I am worried that newly qualified workers are carrying too many cases.",
    "The teenager was found by police that night and taken back to her carers.",
    "The 17-year-old is in supported accommodation and doing well at college.",
    "I still think of this case when I read a referral from that school.",
    "A strategy discussion was held within the hour and the children went to a foster placement.",
    "The child told the nurse about the touching and was safeguarded that day; the man was arrested and charged.",
    "When he went missing in 2022 the police found him within hours.",
    "I'm worried that our team meetings keep getting cancelled.",
    "She has had no contact with the man since the court made the order last year.",
    "The referral was screened and allocated the same morning, and a visit took place that afternoon.",
    "Mum still finds it hard to engage with services, but the children are safe and well cared for.",
    "The strategy meeting went ahead without health, which meant the medical history was missing.",
    "Dad has finished the perpetrator programme and the children are doing well in his care.",
    "The IT system still crashes when we upload large documents.",
    "Looking back, we should have escalated sooner, but the children were already safe with grandparents.",
    "He used to sleep on friends' sofas before he moved into the supported lodgings, where he is now settled.",
    "The police welfare check found the family at home and well.",
    "I'd like the duty rota to include a second senior for complex strategy discussions.",
    "The baby's fracture was found to be from a rare bone condition and the family were supported.",
    "She was scared to go home at the time, so she stayed with her aunt and has remained there.",
    "The school nurse's concern was passed on that morning and a strategy discussion followed within two hours.",
    "The young person stayed with an older man for a week last spring; police recovered her and she "
    "has been safe since.",
    "We were unable to get into the house for weeks in 2023 before the family moved away and the case transferred.",
    "Mum rang feeling overwhelmed and the duty worker arranged a family support worker for the next day.",
    "The placement breakdown was handled well by the out of hours team.",
    "Staff vacancies mean we are still relying on agency workers in the assessment team.",
    "The referral sat in the inbox over the bank holiday weekend, which we have now fixed with a rota.",
    "His sister used to care for the younger ones, but mum now has a support package and the children are well.",
    "I think the risk assessment template needs a section for fathers.",
    "The older brother was charged and moved to live with his grandparents, and there is a safety plan in place.",
    "The training on exploitation was helpful and I now feel more confident.",
    "A worker is allocated and visiting weekly, and the children say they feel safe.",
    "There were long delays in getting the transfer accepted, but the new authority did see the children in the end.",
    "The baby had a bruise that was explained by a birthmark, confirmed at the medical.",
    "Our chronology tool doesn't show police contacts, which made the review slow.",
]


DENIED_OR_NEGATED = [
    "I am not worried that she is unsafe at home.",
    "I do not think the children are at risk now.",
    "There is no suggestion that dad has access to the children.",
    "Nobody thinks he is in danger; he lives with his aunt.",
    "There is no evidence that she is still in contact with the man.",
    "She is not missing; she is at her aunt's with our agreement.",
    "He is no longer living with his stepfather, who has moved away.",
]


# Fourth round: live risk in terse notes, in the middle of a long reflection, in passing in a report
# about a system problem, and in the reporter's own worry; and the usual false-alarm traps.
TERSE_REFLECTIVE_AND_IN_PASSING_LIVE = [
    "OOH. 9yo at home, mum collapsed, no other adult. Police en route? Nobody picking up at EDT.",
    "Baby 6 wks. Bruise to ear. Seen at GP today. Not referred. Family home now.",
    "YP disclosed to me at 4pm that uncle comes into her room at night. Uncle lives there. Can't reach duty.",
    "Contact tomorrow with dad - he was charged last week with assaulting mum. Nobody has cancelled it.",
    "Sibling (7) says there's been no food in the house since Sunday.",
    "Strategy meeting requested Monday, not convened. Child back at school with new marks on her arms.",
    "I have been reflecting on how our team handles transfers between the assessment and long-term teams. The "
    "handover meeting is often squeezed into the last ten minutes of a Friday and key information is lost. In "
    "one family I am working with now, the handover notes did not mention that the mother's new partner has a "
    "conviction for offences against a child, and he has been living in the home with the two girls for about a "
    "month. I only found this out from the health visitor yesterday. More generally, I think a structured "
    "handover template would help, and protected time for it.",
    "Supervision has been cancelled three times this quarter, and I think that matters because I am carrying "
    "decisions alone. For example, there is a teenage boy on my caseload whose mother tells me he is fine, but "
    "he told his youth worker on Tuesday that he is being made to carry packages for some older lads and that "
    "they know where his family lives. I have not had a chance to talk this through with anyone. I would like "
    "to see supervision treated as protected time.",
    "Our recording system logs you out after fifteen minutes, which means case notes get written up days later "
    "from memory. Last week this nearly caused a real problem. This week it has: the note of a phone call from "
    "a neighbour saying she hears a toddler screaming and a man shouting at night next door was never typed up, "
    "and as far as I can tell no one has followed it up. The family are not open to us. I have put it in "
    "writing today.",
    "I want to record a concern about how we respond to children missing from care. The return home interviews "
    "are done by an external provider and we rarely see them. A 15-year-old girl in one of our residential "
    "homes has gone missing four times this month and is coming back with alcohol and a new phone. The staff "
    "are worried she is being exploited and no one has called a meeting. More widely, the contract should "
    "require interviews to be shared within 72 hours.",
    "The out-of-hours rota has only one worker covering three boroughs on a Saturday, which is unsafe. On "
    "Saturday night I had to choose between two calls; I went to the one with police present. The other family, "
    "where a 4-year-old was reported as left on his own, I still have not been able to get to, and I do not "
    "know if he is on his own again tonight.",
    "The interpreter booking system needs three days' notice, so we cannot use it for urgent visits. We visited "
    "a Romanian-speaking family using the 12-year-old son as interpreter. I am not convinced we heard what the "
    "younger children wanted to say, and the injuries the nursery reported are still unexplained. The children "
    "remain at home.",
    "Our MASH inbox is not being monitored over bank holidays. A referral from A&E about a 3-year-old who "
    "swallowed methadone was sent on Friday and was only opened today; the child was discharged home to the "
    "same parents and no one has seen him since.",
    "The placement finding team closes at 5pm. Tonight we have a 13-year-old boy in the office who refuses to "
    "go back to his father because of the beatings, and there is nowhere for him to go.",
    "Honestly I'm frightened for this little girl. Every time I visit she is more withdrawn and mum's boyfriend "
    "is always there, answering for her.",
    "I can't shake the feeling that something is badly wrong in that house. The baby has lost weight again and "
    "the parents cancel every health appointment. I am worried the baby is being harmed and we are waiting for "
    "the next review in six weeks.",
    "I'm anxious that we have left these children in a home where dad's drinking is getting worse, and I don't "
    "think the plan protects them.",
    "From the school DSL: the boy came in today with a black eye and says his stepdad did it. He is due to be "
    "collected by the stepdad at 3.15. I have emailed the front door but had no reply.",
    "Foster carer here. The children's birth father has found out our address and has been sitting outside in "
    "his car in the evenings. The social worker is on leave and I've had no call back.",
    "Health visitor: the mother disclosed on my visit that her partner strangled her last night while holding "
    "the baby. He has gone out but is expected back this evening.",
    "Residential worker: one of our girls (14) is getting into a car with a man we don't know most evenings. "
    "Police say there's nothing they can do. It's happening again tonight, I'm sure of it.",
    "The youth offending worker told me that our young person is holding drugs for a local gang and has been "
    "threatened with a knife over a debt. He won't tell the police. We are the only people who know.",
    "IRO: the plan says contact must be supervised, but the children have told me that mum lets them see their "
    "dad alone at the park on Sundays. The social worker says she will look into it when she is back.",
    "Dad turned up at nursery drunk trying to collect the twins. Staff refused but he said he would be back "
    "tomorrow, and there is no order stopping him.",
    "I am a newly qualified social worker and I'm not sure this is the right place, but a 16-year-old care "
    "leaver's younger sister (10) is staying with her in a flat with adult men coming and going and nobody "
    "seems to know she is there.",
    "The child protection conference was adjourned because the police report was not ready. In the meantime "
    "there is no plan and the children are living with the man who was arrested for hurting their brother.",
    "Police notification came in 9 days late about DV at the address. The incident was on the 3rd; the children "
    "were in the house. He's still living there as far as I know.",
    "Children missing from nursery for two weeks, family not answering the door, landlord says they may have "
    "left. Nobody has tried to find out where they are.",
]
TRAPS = [
    "It's 2019. I'm a student social worker and a boy tells me his dad hits him. I don't know what to do and I "
    "wait a day before telling my practice educator. Looking back, I wish the induction had covered this.",
    "Picture the scene: Friday, 4.45pm, a referral lands about a baby with a bruise. The duty manager has gone "
    "home. That was how it was in my first team five years ago; we now have a late duty manager.",
    "The child is at home with dad, the bruise is unexplained, and nobody has visited. That is what the case "
    "file showed when I reviewed it for the audit; the events were in 2021 and the child was later adopted.",
    "She goes missing every weekend, comes back with gifts, and nobody joins the dots. This was the pattern in "
    "a case I worked on in my previous authority, which led to a serious case review.",
    "The referral about bruising sat in the queue for two days. When it was picked up, a strategy discussion "
    "was held the same day, the child was seen and the bruising was found to be accidental.",
    "Dad breached his bail by coming to the house. Police arrested him that night, he has been remanded, and "
    "the children are safe with mum.",
    "The young person went missing on Saturday and was found by police on Sunday morning. She is back in "
    "placement and a return interview has been done.",
    "We struggled to find a placement for a 15-year-old one evening, but a foster carer from a neighbouring "
    "authority took him and he has settled well.",
    "The GP letter about the toddler's weight loss was filed without being read. It was spotted at the next "
    "review, the child was seen by a paediatrician and is gaining weight.",
    "A father threatened me in the car park after a conference. I felt unsafe walking to my car and there is no "
    "security after 6pm. I would like lone-working procedures reviewed.",
    "Our duty worker was verbally abused on the phone for twenty minutes and no one stepped in. Staff are at "
    "risk when the call system has no way to transfer an abusive caller.",
    "A colleague was followed home by a parent. She is still frightened to come into the office and HR have not "
    "been in touch.",
    "Mum is a victim of domestic abuse and is still living with her partner; the children are adults and have "
    "moved out. The adult social care team are aware.",
    "The grandmother, who is the kinship carer, has a heart condition and I worry about her health. The "
    "children are well cared for.",
    "A 19-year-old care leaver is sofa surfing because the housing team say he is not a priority. He has no "
    "children. The pathway plan has not been updated.",
    "Our 20-year-old care leaver is in unsuitable B&B accommodation and still has not been offered a tenancy. "
    "This keeps happening to care leavers.",
    "Care leavers turning 21 lose their personal adviser at short notice and some end up homeless. We need a "
    "better transition protocol.",
    "The request to fix the chronology export has still not been actioned after six weeks.",
    "Still no response from IT about the laptops that won't connect to the VPN. Nobody has picked up the ticket.",
    "The form for recording consent still has not been updated and nobody has looked at my suggestion.",
    "Our team's mileage claims have been sitting in the finance queue for two months.",
    "The new case management system still doesn't let us record a child's voice separately; it has been raised "
    "at three meetings and nothing has happened.",
    "I reported that the shared drive permissions were wrong and it has not been acted on.",
    "If we don't fix the duty rota, a child could be hurt because a referral is missed.",
    "What worries me is that one day a baby will be sent home with an unexplained injury because the hospital "
    "and the MASH don't talk to each other.",
    "Imagine a child disclosing abuse at 4.55pm on a Friday: under our current system it might not be seen "
    "until Monday. That needs to change.",
    "If the police notifications keep arriving late, sooner or later we will miss a child who is at home with a "
    "violent adult.",
    "Should a parent refuse entry, we currently have no clear guidance on when to escalate. It would help to have one.",
    "Children are at risk when professionals accept parents' accounts without checking with school or health.",
    "Babies are most vulnerable in the first year, and our pre-birth assessments often start too late.",
    "Young people who go missing are at risk of exploitation, and our return interviews are patchy.",
    "Research shows that children living with domestic abuse are harmed even when they are not hit. Training "
    "should reflect this.",
    "Disclosures are often made to trusted adults such as teachers, so schools need a fast line to the front door.",
    "Supervision is still being cancelled because of caseloads. I feel I'm making decisions alone and I'm "
    "worried about the quality of my work.",
    "I am concerned that the new threshold document is being read differently by each team.",
    "We still wait weeks for health assessments for children coming into care; the delay is with the provider.",
    "The strategy discussion was held promptly but the police did not attend, and we had to reconvene the next "
    "day. It went well the second time.",
    "The team manager praised how the school rang round until they found the right worker; it worked well and "
    "the child was seen that day.",
    "Nobody from housing attends our panels, which makes planning for families in temporary accommodation hard.",
    "I still don't understand the new recording template, and nobody has trained us on it.",
    "The family were seen at home on Tuesday, the children were fine, and the case remains open for support.",
    "Contact between the children and their mum is going well and is now unsupervised on the recommendation of "
    "the assessment.",
    "Dad has moved back in after completing a domestic abuse programme; the assessment recommended this and the "
    "children are happy.",
]


# Live concerns in staff words the cues were not first written for, often inside a longer account
# of a system problem (a fourth round of examples written for the tests).
STAFF_WORDED_LIVE = [
    "I picked this up on a Friday afternoon. Mum's ex-partner, who put her in hospital in the spring, is "
    "back in the house with her and the three children. The DV worker only found out because the eldest "
    "said so at school. We have a written agreement that says he will not return; it is clearly not worth "
    "the paper.",
    "Following the ICPC the children went home with mum on the basis that dad had moved to his brother's. "
    "Neighbours tell me his van is on the drive every night.",
    "The 6-year-old went back to her father's care at the end of the proceedings, and the school has "
    "since noticed bruising twice. Each time the explanation is that she fell over at the park.",
    "Since the case closed, the baby has been living with both parents again, and the father is the one "
    "who caused the fracture.",
    "A Year 9 girl told our learning mentor at lunchtime that her mum's boyfriend comes into the bathroom "
    "when she is in the shower. The DSL is off sick, the deputy is on a trip, and it is now 4pm. Nothing "
    "has gone to the front door.",
    "At the end of a session a boy (10) said his dad punches him in the stomach where nobody can see. I "
    "logged it on the portal but the portal says the referral is 'pending' and no one has rung me.",
    "Nursery staff saw a handprint on the toddler's back at nappy change. The manager wanted to 'see how "
    "it looks tomorrow' before calling anyone.",
    "The sister's account was taken by police on Wednesday, but the strategy meeting is not until next "
    "Thursday and both girls are at home with the uncle she named.",
    "Our 14-year-old in residential has been missing since Sunday evening. Police have graded it medium "
    "risk and we have had no sightings.",
    "The family have stopped answering and the school say the children have not been in for a fortnight. "
    "The health visitor thinks they may have moved to Birmingham, but no one actually knows.",
    "The unborn baby's mother has disengaged from all services and is due to give birth next week. We do "
    "not have an address for her.",
    "I have been to the house three times this week. Curtains shut, no answer, and the baby has not been "
    "seen by any professional since the six-week check.",
    "Twelve-year-old reported missing by mum overnight; she's still not back and her phone is off.",
    "It is 6.30pm and a 15-year-old is sitting in our reception because her dad told her not to come "
    "back. EDT have not found a bed and I have to leave at 7.",
    "Dad has been arrested and mum is in hospital, so the two little ones are with a neighbour we know "
    "nothing about. Nobody has checked the neighbour.",
    "The 16-year-old was thrown out by her stepmum this afternoon and is going to stay with her boyfriend, who is 23.",
    "Mum has a new partner who is living at the address and looking after the baby while she works. We "
    "have not done any checks on him and she won't give us his surname.",
    "The lodger, a man in his fifties, shares the bathroom with the two girls. No one has done any checks.",
    "Grandad has started having the boys for sleepovers. He was convicted of indecent images in 2015.",
    "The discharge went ahead on Friday without the safety plan we agreed. She is at home with access to "
    "her mum's medication and the CAMHS follow-up is in three weeks.",
    "We agreed at the strategy meeting that dad would not have contact until the police interview. The "
    "children told their teacher they saw him at the weekend and stayed at his flat.",
    "I keep coming back to this family. I'm not comfortable that the children are safe with mum's current "
    "partner and I don't feel my concerns have been heard.",
    "I'm genuinely scared for this baby. Dad is volatile, mum is frightened of him, and we are all "
    "waiting for the next review.",
    "My gut says this boy is being hurt at home and I have nothing I can point to that the manager will accept.",
    "Kid still at home with the abuser. No visit yet.",
    "nobody's seen the baby for weeks and mum keeps fobbing us off",
    "12yo said stepdad hits her. she goes home at 3. MASH not answering.",
    "Still no CP medical for the 2-year-old with the burns, and he's back at home.",
    "Our 15-year-old has started going out at night and coming back with cuts and cash. He told a carer "
    "he owes someone money and has to 'work it off'.",
    "A 13-year-old girl in our care has an older 'boyfriend' who buys her alcohol and she's meeting him on Saturday.",
    "Police were called to the address again last night; dad threw a chair at mum while the baby was in "
    "the room. He's still there and mum says she won't make a statement.",
    "Mum told the health visitor she's scared of her partner and he checks her phone. The children are 2 "
    "and 4 and they all live together.",
    "Every time I visit there is no food in the fridge, the baby is in the same nappy, and mum is asleep "
    "at midday. The case is still at CIN and nothing changes.",
    "The children are coming to school hungry and in dirty clothes and the 7-year-old is looking after "
    "his baby sister when mum goes out.",
    "Our electronic referral form crashes if you attach photos, so the school emailed the photos "
    "separately and they went to a generic inbox. The photos show belt marks on a 7-year-old's legs. As "
    "of this afternoon nobody in the MASH has opened that email, and he will be going home at half three "
    "as usual.",
    "This is partly a reflection on how we handle repeat referrals. This family have had five contacts "
    "this year, each screened out on its own. The latest is from the neighbour, who says the little boy "
    "is often outside alone late at night in his pyjamas. No-one has been out to see him yet.",
    "I'm using this form because I don't know what else to do. I raised with my manager last week that a "
    "toddler on my caseload is being looked after by mum's brother, who has a conviction for assaulting a "
    "child. She said we would discuss it in supervision, which was then cancelled.",
    "The handover from the hospital social worker said mum would be staying with her sister on discharge. "
    "When I visited yesterday she was back at the flat with the baby and her partner, and he was "
    "aggressive at the door. I could not see the baby.",
    "Contact supervisor here. Dad whispered to his daughter (8) during contact that she would be in "
    "trouble if she told anyone what happens at his house. She goes there for overnight contact on Friday "
    "under the court order.",
    "The young person disclosed to me, her personal tutor at college, that she is 16 and her older cousin "
    "forces her to have sex with his friends. She asked me not to tell anyone. I have not yet spoken to "
    "anyone about it because I'm not sure of our process.",
    "He is 13 and we found a second phone in his room with messages from adults telling him where to go. "
    "He's gone out again this evening and isn't responding.",
    "Mum has taken the baby and left the mother and baby unit without telling anyone. Staff think she has "
    "gone to her partner, who the unit were told she must not see.",
    "We closed the case at the end of the assessment because mum said dad had left. The school now tells "
    "me dad picks the children up most days and the youngest has come in with a cut lip.",
    "The 2-year-old was seen at the walk-in centre on Saturday with a burn to the palm. The centre didn't "
    "refer because the explanation seemed plausible. The nursery have since noticed a second burn. No one "
    "has been out.",
    "I work in the leaving care team, but this is about the younger brother (11) of one of my young "
    "people. He is living with their mum, who is drinking heavily again, and he told his brother he "
    "hasn't eaten properly for days.",
    "Sibling group of three placed with a connected person under reg 24. We haven't done the viability "
    "yet, and I've just found out her partner has a record for domestic violence and is staying there "
    "most nights.",
    "CAMHS discharged her because she didn't attend two appointments. She is 15, self-harming daily and "
    "says she has a plan. Her mum doesn't know and I don't think anyone is holding this.",
    "Police called out of hours: a 4-year-old found wandering on the main road at 2am. Returned to mum, "
    "who was asleep and smelled of alcohol. Nobody from our side has followed this up and it's been three "
    "days.",
    "The baby is 5 weeks old and has a torn frenulum. Parents say the bottle did it. Hospital plan to "
    "discharge him tomorrow morning. There is no strategy discussion booked.",
    "Teacher phoned: the girl (9) told her she doesn't want to go home because mummy's boyfriend hurts "
    "mummy and she's scared he'll hurt her too. School finishes in an hour.",
    "The eldest has started staying out until 3am, often at the home of an 'uncle' no one in the family "
    "can name. Mum says she can't stop her.",
    "I've been off for a week and came back to find the CP visit for a baby on a plan still hasn't "
    "happened; it's been 17 days.",
    "Dad rang me threatening to take the children from school today and disappear. He has parental "
    "responsibility and there is no order in place.",
    "Foster carer reports that after every contact the 4-year-old wets the bed and says 'daddy's game' "
    "hurts. Contact continues twice a week.",
]
# Near misses: over, counterfactual, about papers or staff, or about children in general; none may flag.
NEAR_MISSES = [
    "The children had been living with their father, who had a history of violence, when the referral "
    "came in. They were moved to their aunt's that evening and remain there under an interim care order.",
    "The 14-year-old went missing for a night in March. She was found at a friend's house the next "
    "morning and the return home interview picked up that she had argued with her carer. It hasn't "
    "happened since.",
    "A disclosure made to a teaching assistant was not passed on for two days because she didn't know who "
    "the DSL was. Once it reached us a strategy discussion was held and the child has been safe with mum, "
    "who ended the relationship.",
    "The baby was discharged before our checks were complete, but the health visitor saw her at home the "
    "next morning and there were no concerns.",
    "Dad breached the non-molestation order in the summer and was recalled to prison. Mum and the "
    "children have moved and are settled.",
    "The boy was at risk of exploitation last year, but since moving placement he has been attending "
    "college and has cut contact with that group.",
    "He told us years ago that his stepdad hit him; it was investigated, the stepdad left, and he now "
    "talks about it openly in therapy.",
    "Had the school not rung back that afternoon, the child would have gone home to her stepfather "
    "without anyone knowing about the disclosure.",
    "If the night duty worker hadn't checked the police log, a baby could have been left with a parent who was drunk.",
    "Children could be left at risk if the referral form keeps timing out before it is submitted.",
    "We could have missed the bruising altogether if the nursery manager hadn't been so persistent.",
    "There is a real risk that a child goes missing and nobody notices, because the placements team and "
    "the missing coordinator don't share a list.",
    "The foster carer has been waiting four months for her allowance to be corrected, and she is thinking "
    "of resigning. The children are very settled with her and it would be a huge loss.",
    "Our team's laptops still haven't been upgraded and nobody from IT has been out. We can't open the "
    "court bundles at home.",
    "I can't get hold of anyone in the legal team before 10am, which makes it hard to prepare for hearings.",
    "The chronology is still missing from the file and no one has updated it since the worker left.",
    "The referral form still hasn't been changed to include a field for the child's first language.",
    "The GP has not been able to see the child's records because they are still with the previous "
    "practice; the child is well and attending school.",
    "Her paperwork is still at the old authority and we are waiting on the transfer; she is happy in placement.",
    "The 17-year-old's pathway plan hasn't been reviewed for eight months because the personal adviser "
    "post is vacant. She is living in supported lodgings and doing well at college.",
    "Our 19-year-old care leaver has been sofa surfing and we cannot find him a tenancy; the housing "
    "panel meets monthly.",
    "The young person has been placed 60 miles from home and can't see her friends. She is safe but "
    "unhappy about the distance.",
    "Contact with dad is still supervised at the centre, as the court ordered, and the children look forward to it.",
    "Mum is still living with her parents, who are the children's kinship carers, and the plan is working.",
    "I was followed to my car by a father after a core group. I'm still anxious about visiting that "
    "estate alone and I don't think lone-working is taken seriously.",
    "The dad shouted at me in reception and nobody came to help. I'm worried about staff safety in that building.",
    "Babies who are not yet mobile should never have bruises, and that message still isn't reaching all "
    "our partner agencies.",
    "Young people who go missing from care are at increased risk of exploitation, so the return interview "
    "timescale matters.",
    "I still think about a case from my first year where a child was left at home with an unassessed "
    "adult. It's why I push for checks now.",
    "I worry that our threshold for neglect has crept up over the years.",
    "We all know that disclosures are rarely made in one go, but our forms assume they are.",
    "The children are currently living with their grandparents under an SGO and have been seen weekly.",
    "He is currently staying with his aunt while mum is in rehab, and the arrangement has been assessed.",
    "She returned home to mum last month after the assessment recommended it, and the school report she is happier.",
    "The family were visited the same day, the children were seen alone and there were no concerns.",
    "I'm still waiting for a reply from the court about the hearing date, which has now been adjourned twice.",
    "The strategy meeting minutes still haven't been circulated two weeks on, which makes the police "
    "investigation harder to track.",
    "Nobody has picked up my request for a student placement, and it has been in the queue since June.",
    "The panel still hasn't agreed the funding for the residential placement, so the young person stays "
    "in his current foster home, where he is safe but the carers want more support.",
    "The assessment was late because the worker was off sick and nobody reallocated it; the children were "
    "seen by the family support worker in the meantime and were fine.",
    "I spent the afternoon trying to get hold of the interpreter service and couldn't reach anyone, so we "
    "rearranged the visit for the next day.",
    "Every Monday the duty team inherits everything the out-of-hours service logged at the weekend, but "
    "the log comes as a PDF with no structure. Last month a note about a child left home alone was on "
    "page 14 and wasn't read until Wednesday. By then police had done a welfare check on the Saturday and "
    "the child was fine. A structured handover would fix this.",
    "We had a 15-year-old who had been missing for three days last spring. The police risk grading "
    "changed twice, and each time the notification came to a different mailbox. She came back safe and is "
    "doing well now, but the missing protocol needs one inbox.",
    "Our team has been without a senior practitioner for five months. Duty is still being covered by "
    "newly qualified workers, who are doing their best but are anxious about thresholds. Nobody has told "
    "us when the post will be filled.",
    "Mum was living with a violent partner when the case opened. Over six months she worked with the "
    "IDVA, moved to a refuge and then to her own tenancy. He has no contact. The case is now closed to us "
    "and the children are doing well at school.",
    "The court asked for a parenting assessment by the end of the month and the independent assessor "
    "could not start until week three. We were granted an extension. The children remain with their "
    "foster carers in the meantime.",
    "I was asked to do a return home interview for a boy who went missing overnight. By the time I got "
    "the request he had been back for nine days and couldn't remember much. The 72-hour standard is "
    "meaningless if the requests arrive late.",
    "When a child discloses at school at the end of the day, teachers don't know whether to keep them "
    "behind. Our guidance is silent. In one recent case the teacher kept the child until a social worker "
    "arrived, which worked, but it was luck.",
    "The new threshold document says 'consider a strategy discussion' where the old one said 'must'. "
    "Managers are reading it differently and I worry that some injuries to babies will be screened out.",
    "I still can't access the police systems from home, so on out-of-hours shifts I have to ring the "
    "control room, which can take forty minutes. It hasn't been fixed despite three tickets.",
    "A family moved into our area from another authority while subject to a CP plan. The transfer-in "
    "conference happened within 15 days and the children were visited in the first week, but the records "
    "arrived in three separate batches.",
    "We struggled to get an interpreter for a family who speak Tigrinya. In the end the visit went ahead "
    "with a telephone interpreter and the children were seen alone with an interpreter the next day.",
    "The foster carer rang the out-of-hours number about a 12-year-old who hadn't come back by curfew. "
    "The call handler didn't know the placement. He came back at 11pm and was fine, but the carer was "
    "left on her own for two hours.",
    "Supervision notes are supposed to record the rationale for case decisions, but mine are usually a "
    "list of actions. I don't feel I am reflecting on risk, and I'm worried that matters for my practice.",
    "A student asked me whether she should report a disclosure from a child at her placement school. We "
    "went through it together and she referred it the same morning. It made me think induction should "
    "cover this in week one.",
    "Two different workers visited the same family on the same day because the diary wasn't shared. The "
    "family were understandably annoyed. Nobody had checked the system first.",
    "Mum's ex-partner was convicted of assaulting her in 2019. He has no contact with the family, lives "
    "in another county, and the children are subject to a child in need plan for support with school.",
    "The strategy discussion was delayed by a day because the police sergeant was on a course. The child "
    "was staying with her nan the whole time, and the joint visit happened the next morning.",
    "The child protection medical was done at the wrong hospital because the paediatric rota wasn't "
    "updated. The family had to travel an extra hour with a baby. The findings were consistent with the "
    "explanation given.",
    "The local authority's emergency placement list is out of date. Last Friday we spent three hours "
    "ringing carers who had retired. A bed was found at 9pm and the girl was settled by 10.",
    "Young people placed out of area often lose their CAMHS support and we need a protocol. For one boy "
    "the gap was eleven weeks. He has now started with the new team and says it's helping.",
    "I can't get hold of anyone at the housing department, which makes it hard to plan discharge for "
    "families in temporary accommodation.",
    "Case recording is weeks behind because of the caseloads. The risk is that when someone is off sick "
    "nobody knows what's happening on their cases.",
    "Dad has unsupervised contact every other weekend, as agreed by the court after a full assessment, "
    "and the children say they enjoy it.",
    "The baby was born at 32 weeks and is still in the neonatal unit. The pre-birth plan is in place and "
    "mum visits daily with a family support worker.",
    "The previous worker left without writing up her last three visits. I had to ring the family to ask "
    "what was agreed, which was embarrassing. A leavers' checklist would help.",
]


# Live concerns in case-record language or said obliquely (a fifth round).
FORMAL_AND_OBLIQUE_LIVE = [
    "The child continues to reside with the alleged perpetrator pending the outcome of the police investigation.",
    "The alleged perpetrator has not been asked to leave the home and the girls share a bedroom next to his.",
    "There is currently no safety plan, and mum has told us she does not believe her daughter.",
    "In my professional view this child is at risk of significant harm and the threshold for a section 47 "
    "is met, but the decision has been deferred to next week's allocation meeting.",
    "The referral has sat unallocated for twelve days; it concerns a 6-year-old who told school her dad "
    "burns her with a lighter.",
    "We have no idea where the 15-year-old is staying; she comes to school some days and then vanishes.",
    "She hasn't been sighted since Thursday and the police haven't graded her as missing.",
    "He has unrestricted access to the baby because mum goes to work at six and he is the only other adult.",
    "The risks remain high and nothing in the plan has changed since the incident.",
    "Mum refused the visit and wouldn't let us see the children. We are going back on Monday.",
    "Dad is alone with the kids every evening while mum works, and the older one has told us he is scared of him.",
    "The boyfriend is back on the scene. Mum denies it but his post is arriving at the address.",
    "A child protection plan was ended at the last conference, but the same boyfriend has resurfaced and "
    "is there most nights.",
    "I'm very uneasy about this case. The bruise on the baby's ear was put down to a cot bumper and we "
    "have not had a medical opinion.",
    "At the moment the children are being looked after by their 14-year-old sister because mum hasn't "
    "come home since Saturday.",
    "The baby's dad has been released from prison and is staying at mum's. Probation say he is high risk "
    "to children. We weren't told.",
    "The girl told the nurse she gets 'punished' by being locked in the cupboard. That was this morning "
    "and she is back home now. I've emailed duty.",
    "Mum is self-medicating with street valium and falling asleep with the baby in her arms on the sofa.",
    "The 4-year-old has disclosed that Uncle J 'plays doctors' with her. Uncle J lives with them.",
    "Police have just rung to say they are not taking any further action, but the child is still saying "
    "her stepfather touches her and she still lives with him.",
    "Nobody is checking whether the 17-year-old mum is feeding the baby; the health visitor hasn't got in "
    "since the birth.",
    "There's a 9-year-old at the school office who is refusing to go home because dad 'goes mental' when "
    "he drinks, and dad is on his way to collect him.",
]
# Their near misses: the same words with the risk over, away or managed.
FORMAL_NEAR_MISSES = [
    "The child continues to reside with his maternal grandmother under a child arrangements order and is thriving.",
    "The alleged perpetrator was excluded from the home under bail conditions and is staying with his "
    "brother in another town; the bail conditions have been kept.",
    "The risks have reduced considerably since the family started working with the intensive support team.",
    "The referral sat unallocated for a week in August during the leave period; once allocated, the visit "
    "happened the same day and the case was closed with advice.",
    "Mum refused the first visit but agreed to one the next day, when both children were seen and spoken to alone.",
    "She had not been sighted for a day last month, and the police found her at her friend's. The missing "
    "protocol worked well.",
    "I used to worry about how the team handled neglect cases, but the new graded care profile has helped a lot.",
    "We need a better way of recording who lives in the household, because in one case last year a lodger "
    "was not known to us until the review.",
    "The family support worker could not get hold of mum for a week because her phone was cut off. Mum "
    "rang from the library and a visit was booked.",
    "Probation didn't tell us that a man on licence had moved into the area. When we checked, he had no "
    "contact with any children and police were managing the risk.",
    "The CP medical was delayed by two days because the paediatrician was off; the child stayed with her "
    "aunt in the meantime, as agreed at the strategy discussion.",
    "The strategy discussion agreed that dad would not have contact until the police interview, and the "
    "contact centre confirmed that none took place.",
    "Dad still has a lot of anger about the proceedings and rings the office to complain, which takes up "
    "a lot of duty time.",
    "The eldest is still at school in the old area, which means a long taxi journey each day. It is "
    "costly but he wants to stay.",
    "Staff are still working late most nights to keep up with recording and nobody has looked at the workload model.",
    "Mum is frightened of her ex-partner, who lives abroad and has no contact. The children are aware and "
    "we have done safety work with them.",
    "The house was cold and untidy when I visited, but mum had already contacted the energy company and "
    "the children were warm, fed and clean.",
]


# Live concerns said plainly, in regional words or through what the child does (a sixth round).
PLAIN_AND_REGIONAL_LIVE = [
    "Mam's fella is back living there again, the kids told school.",
    "The little one keeps saying 'don't tell daddy' and flinches when anyone raises a hand. She goes to "
    "his every weekend.",
    "Mum has been found collapsed twice this month and the 8-year-old is the one ringing the ambulance. "
    "Nobody has looked at who cares for him when she is in hospital.",
    "We've just been told by the police that dad is wanted on a warrant and is believed to be hiding at "
    "the family home. The children are there.",
    "Young person in our home (15) is being sent money by someone online who wants photos. She's sent "
    "some already and is meeting him next week.",
    "Baby (7 weeks) admitted with a skull fracture, parents giving different stories. The ward are "
    "letting them have unsupervised time with her and discharge planning has started.",
    "There's a child on my caseload I haven't been able to see alone for three months; dad always sits in "
    "and answers for her.",
    "We are unable to verify who is living in the property. Neighbours report several men coming and "
    "going at all hours, and the 12-year-old has been seen letting them in.",
    "The young carer (13) is giving his mum her insulin and missing school; mum is drinking again. No "
    "young carers assessment, no plan.",
    "The girl has told us that if she is sent back to her stepfather's she will kill herself. The court "
    "hearing about her return is on Thursday.",
    "I'm writing this because I'm worried nobody else will: the referral about the bruised 10-month-old "
    "was closed by the screener as 'accidental' without anyone seeing the baby.",
    "Dad's partner is pregnant and dad is the father who shook his first baby. The pre-birth assessment "
    "hasn't started and she is 34 weeks.",
]
# Long accounts of system problems that use the screen's words with no child at risk now.
LONG_SYSTEM_NEAR_MISSES = [
    "When a young person has disclosed abuse, our recording system forces you to choose a single "
    "category, so sexual and physical abuse in the same account get split across two forms. Last month "
    "this meant the second form was deferred until the next day. The strategy discussion covered both in "
    "the end. A multi-category field would fix it.",
    "Our fostering team recruits carers who can take sibling groups, but the panel is deferred until next "
    "month because two members are on leave. Meanwhile the three brothers are settled in two placements "
    "close together and see each other at school every day.",
    "I supervise a newly qualified worker who has a family where mum has disengaged from early help. She "
    "wanted to close it. We talked it through, did a joint visit the same week, and mum re-engaged. The "
    "children are doing well. I'd like more time for joint visits like this.",
    "It's been 14 days since I asked for a laptop replacement and I am still working from my own phone, "
    "which isn't secure. Nobody from IT has got back to me.",
    "The family had no fixed address for a while when they were evicted last year. Housing found them a "
    "flat and the children have been at the same school since September.",
    "A teenager in one of our children's homes has a lodger-style arrangement with an older sibling at "
    "weekends, which was assessed and approved. The problem is that the paperwork for it is three forms "
    "long.",
    "The birth parents have no idea where the children are placed, as the court ordered. A letter was "
    "accidentally sent with the carers' postcode on it; it was caught by the admin team before posting.",
    "We run sleepovers for looked-after children at the activity centre every summer, and the risk "
    "assessments take weeks because each one goes to a different manager. One form would do.",
    "Mum lives with them in a mother and baby foster placement, which is going well; the issue is that "
    "the carer's allowance doesn't cover the extra adult.",
    "The health visitor hasn't been able to visit for three weeks because of staff sickness in her team, "
    "but the GP saw the baby for her immunisations and the family are well known to the children's "
    "centre.",
    "Managers still treat the missing-from-home protocol as a police matter. In one of my cases a "
    "14-year-old went missing overnight last term; she was found the next morning and the return "
    "interview was done but nobody looked at the pattern. She hasn't gone missing since she moved "
    "schools.",
    "Tonight's duty rota has one worker for the whole county, which is not safe for staff or families. I "
    "raised it at the team meeting and was told it is a budget issue.",
    "I'm worried about this family's housing. The landlord has served notice and mum is anxious. The "
    "children are well cared for and school has no concerns.",
    "The child's dad has a conviction for drink-driving from ten years ago, which came up on the checks. "
    "It was discussed at panel and he was approved as a kinship carer.",
    "Every night after 10pm the out-of-hours team has to ring round hospitals to find out whether a child "
    "has been admitted, because there is no shared system. It wastes time on every shift.",
    "The 15-year-old is staying with her friend's family for the weekend, which her carers agreed after "
    "speaking to the friend's mum. The delegated authority form made that decision easier.",
    "At the moment we can't see CAMHS notes, so I rely on phoning the clinician. In one case that took "
    "four days, though the young person was already being seen weekly by our own nurse.",
    "We had a conference where the police report arrived on the morning, which meant the family had not "
    "seen it. The chair adjourned for an hour. Parents were upset but the plan was agreed.",
    "Our young people in supported accommodation are often the only adult in the flat once staff leave at "
    "night; they're 17 and the provider's policy is being reviewed.",
    "I still remember the first time a child disclosed to me; I had no idea what to do and my manager was "
    "out. That's why I think every new worker should shadow duty for a week.",
    "Nobody has checked whether the new screening checklist changes a single decision.",
    "Nobody has asked whether parents understand the letters we send them.",
]


def test_history_alone_never_flags_however_many_cues_it_holds() -> None:
    history = "Back then the child was at home with dad, the bruise was unexplained and nobody had visited for weeks."
    assert not screen_live_concern(text=history).flagged
    assert screen_live_concern(text=history + " He is back with dad again tonight.").flagged


def test_a_sentence_looking_back_puts_the_one_before_it_in_the_past() -> None:
    text = "He goes missing every weekend and nobody joins the dots. That was in my previous authority."
    assert not screen_live_concern(text=text).flagged
    assert screen_live_concern(text=text.split(" That")[0]).flagged


def test_nothing_done_counts_only_when_a_harm_is_named() -> None:
    assert not screen_live_concern(text="I reported the broken printer and it has not been acted on.").flagged
    assert screen_live_concern(text="I reported the bruising on her arm and it has not been acted on.").flagged


def test_a_report_only_about_adults_does_not_flag_unless_a_child_is_in_it() -> None:
    adult = "Our 19-year-old care leaver is sofa surfing and nobody is available to see him."
    assert not screen_live_concern(text=adult).flagged
    assert screen_live_concern(text=adult + " His baby daughter is with him.").flagged


def test_a_conviction_counts_however_long_ago_it_was() -> None:
    access = "Grandad has started having the boys for sleepovers."
    assert not screen_live_concern(text=access).flagged
    assert screen_live_concern(text=access + " He was convicted of indecent images in 2015.").flagged


def test_papers_and_services_out_of_reach_are_not_a_child_out_of_reach() -> None:
    assert not screen_live_concern(text="The chronology is still missing from the file.").flagged
    assert not screen_live_concern(text="I can't get hold of anyone in the legal team.").flagged
    assert screen_live_concern(text="She is still missing and we can't get hold of mum.").flagged


# A seventh round, in styles the rounds above barely use: terse case notes, a risk buried in a systems
# story, hedged worry, reported speech, imminent returns, passive and nominalised forms, Scottish, Welsh
# and Northern English words, 16-17-year-olds, unborn and newborn babies, disabled children, children in
# care missing now, and adults in contact online. Before the structural rules added with them, the screen
# missed 46 of the first 66 of these.
UNSEEN_STYLES_LIVE = [
    "CP plan. Stepfather still resident. Checks outstanding. Statutory visit overdue by 3 wks.",
    "YP 15. Disclosed DA in the home on Weds. Not yet discussed with police. Goes home every day.",
    "Baby 10/52. Both parents using heroin. No PLO. HV unable to gain access x3.",
    "Girl 6 - marks to both wrists noted by TA. Mum's explanation inconsistent. Awaiting call back from duty.",
    "Dad on licence for child cruelty; now residing at the address per neighbour. Probation unaware.",
    "2 children under 5 alone in flat per police log. Mum's whereabouts unk. Awaiting EDT.",
    "Allegation against stepdad made 3/11. Stepdad remains in the home. Strat not held.",
    "I want to raise how the fostering and assessment teams share diaries, because visits get duplicated and "
    "families are frustrated. On Tuesday I went out with a colleague from the other team. While we were there "
    "the eldest girl, who is 12, took me aside and said her mum's boyfriend hits her when mum is on shift, and "
    "he is living there. We each left thinking the other would record it. A shared calendar would help.",
    "The pool car system is a constant problem: cars are double booked and nobody checks the log. Last month I "
    "lost three afternoons to it. The toddler I was meant to see a fortnight ago has still not been seen by "
    "anyone, because the visit was never rebooked and nursery say he has not been in since half term. I think "
    "we should be able to claim mileage for our own cars without a form.",
    "Supervision in our team is mostly about timescales. Nobody asks how the work feels or what I am unsure "
    "about. In one family the 14-year-old continues to be driven about by men in their twenties and comes home "
    "after midnight, and I have not had the chance to discuss it. Reflective supervision would help me think "
    "these things through.",
    "Our panel paperwork has grown from four pages to eleven in two years and most of it is copied from the "
    "assessment. It takes a day to prepare for each panel. I'm raising this now because one of the families "
    "waiting for panel has a baby whose father was released last week and is turning up at the house, and the "
    "paperwork is what is holding up the plan.",
    "I'm not convinced she's safe with him and I can't put my finger on why.",
    "Something about this family doesn't sit right with me. The baby is very quiet and mum keeps cancelling "
    "the health visitor.",
    "I've got a bad feeling about the little boy; every time I visit he has a new mark and a new story.",
    "Call it gut instinct, but I don't think those kids are okay at home.",
    "I'm uneasy. The girl went very quiet when dad walked in and she hasn't been seen alone once.",
    "I can't shake off the worry that we are missing something with the twins; they are losing weight and "
    "nobody seems to be looking at it.",
    "Nursery rang to say the little one is coming in with nappy rash so bad it bleeds and the same clothes all week.",
    "The neighbour told police she can hear the baby screaming for hours and the mother shouting at it.",
    "Her friend told the youth worker that [CHILD 1] is stopping at a man's flat and he gives her drugs.",
    "According to the GP, mum said she can't stand the sight of the baby and wants him gone.",
    "The school say he's coming in with bruises on his legs and won't get changed for PE.",
    "Health visitor reports that mum's partner answered the door and refused entry; the baby could be heard crying.",
    "The ward plan to send her home with dad on Friday and no one has done a safety plan.",
    "The hearing is in the morning and if the order isn't renewed he goes straight back to his stepfather.",
    "Dad is picking the kids up from school on Friday for the weekend, and he was arrested for assaulting mum "
    "on Saturday.",
    "His bail conditions end at midnight and he has told her he is coming home.",
    "She turns 16 next week and the hostel will take her, but it houses adult men with offending histories.",
    "No visits have been undertaken since allocation in August and the children remain at home with both parents.",
    "Sight of the baby has not been achieved by any professional since the birth.",
    "The disclosure has not been responded to and the child continues to have contact with the named adult.",
    "A referral was submitted by the school on the 4th and no response has been received; the child is "
    "attending with fresh injuries.",
    "Checks on the new adult in the household have not been completed and he is caring for the children.",
    "The child's whereabouts have not been confirmed since Friday.",
    "The wean's been left wi' her da again and he's steaming.",
    "Mam's new fella's been stopping over and the bairns are feart of him.",
    "The lad's been kipping at his mate's since his dad lamped him.",
    "The bairn's been left in the flat on her own while the mam's oot.",
    "Lassie's saying her step-da hurts her and she's still biding wi' him.",
    "Tad's back in the house, the little ones told the teacher, and he's on the drink again.",
    "She is 16, has been told to leave by mum, and is staying with whoever will have her.",
    "The 17-year-old is holding drugs for a dealer who says he owes him £800.",
    "The 16-year-old's supported flat has been taken over by dealers and he is too frightened to go back.",
    "He's 17 and was stabbed last month; the people who did it have found out where he is staying.",
    "She's 16, pregnant and living in a tent with her 25-year-old boyfriend.",
    "Mum is 38 weeks and the pre-birth conference won't happen until after the due date. Dad has a conviction "
    "for harming a previous baby.",
    "The newborn is going home from the ward with her parents today despite two previous removals.",
    "Unborn baby: mum is injecting and has not engaged with antenatal care; due any day.",
    "The baby is 3 days old; mum has left the hospital with her and we have no address for them.",
    "The 12-year-old with autism is being restrained by his dad sitting on him; he is non-verbal and can't tell us.",
    "The 14-year-old wheelchair user has had her chair taken away by her stepmum as a punishment and is left "
    "in bed all day.",
    "Respite carer noticed bruises on the inner thighs of a non-verbal 10-year-old; she goes back to the "
    "family tonight.",
    "The girl's epilepsy medication hasn't been collected for a month and she is having fits at school.",
    "Our looked-after 13-year-old absconded from the children's home at lunchtime and her phone's off.",
    "The boy didn't come back to his foster home last night and he's been seen at a known trap address.",
    "Missing episode ongoing: 14yo female from residential, last sighting 22:00 with two adult males.",
    "She is AWOL from placement for a second night.",
    "He's been chatting on Snapchat to a man who says he's 19 and has asked him to keep it secret; they talk "
    "every night.",
    "A man she met on a gaming app is sending her gifts and asking to meet; she's 12.",
    "Mum found messages on her 11-year-old's tablet from an adult asking for pictures, and they're still coming.",
    "The 13-year-old is being blackmailed over images by someone online and says she wants to die.",
    "No one has eyes on these children at the moment.",
    "The family are refusing all contact with professionals and school say the youngest hasn't been in for weeks.",
    "Dad was released from custody on Monday and has been back at mum's every night since, with the kids there.",
    "The boy is frightened of his older brother, who beats him, and they share a room.",
    "The mother is in a psychotic episode and is alone with the 2-year-old.",
    "Father remains at the property despite the allegation. No joint visit arranged.",
    "Toddler (2) - scald to foot, 4 days old, no medical attention sought. Parents now not engaging.",
    "Mum's partner (unknown to LA) answering the door at each visit. Children not seen alone since June.",
    "I wanted to write about how the MASH phone line works, because callers are on hold for up to an hour. "
    "While I was waiting yesterday I was holding information about a 7-year-old who had told a dinner lady "
    "that her brother makes her do things in the shed, and the brother is still at home with her. In the end I "
    "gave up and emailed. A call-back option would save so much time.",
    "I'm just not comfortable with how things are for the baby at the moment.",
    "It feels wrong leaving them there another night.",
    "The youth worker said he's been sleeping in a stairwell and running errands for a man called T.",
    "Grandma told me the children are being left with a different boyfriend of mum's every weekend.",
    "The foster carer says the 10-year-old comes back from contact with dad terrified and with scratches.",
    "Mum and baby are due to leave the mother and baby unit on Monday and go back to the partner who assaulted her.",
    "The court has said the child goes home to father next Tuesday; the report on his drinking hasn't arrived.",
    "No assessment of the new partner has been undertaken and he is now the main carer.",
    "The children have not been spoken to by anyone since the incident on the 3rd.",
    "The wee one's been greetin' all night and the da's no' letting anyone in.",
    "Our lass is knocking about with lads twice her age and stopping out till all hours.",
    "He's 17, been kicked out by his mum, and is dossing in a mate's garage with older lads who deal.",
    "She's 16 and her 'boyfriend' is 29; he's moved her into his flat and she's stopped going to college.",
    "Pre-birth: mum 35/40, previous child died in suspicious circumstances, no plan agreed, dad refusing to engage.",
    "The baby was born yesterday and mum wants to discharge herself tonight; there's no birth plan on file.",
    "The 11-year-old with cerebral palsy is being left in her wheelchair for hours and has pressure sores.",
    "The 14-year-old in our care didn't return from school today and was last seen getting into a car.",
    "Our looked-after girl is missing again and her carer thinks she's with the men from the takeaway.",
    "An adult on Instagram has been messaging our 12-year-old telling her she's mature for her age and asking "
    "her to video call.",
    "The young person is currently talking to someone on Discord who's sent him money and wants to meet up.",
    "He's due back at his dad's on Sunday night and dad's partner was charged with assaulting him in June.",
    "There has been no contact with the family since the referral, and the children are believed to be at home.",
    "Safety planning has not taken place and the alleged abuser continues to visit.",
    "The bairns are still in that house wi' him and naebody's been oot to see them.",
    "She's 17, street homeless since Friday, and the only offer is a bed at an adult night shelter.",
    "The 16-year-old tells me he's running for a line out of Manchester and can't stop because they've "
    "threatened his mum.",
    "Unborn due in 2 weeks; father has a history of shaking a baby and is living with mum.",
    "The lad from the residential unit hasn't come back and his phone is pinging in a town 40 miles away.",
]
# Their near misses: resolved, historical, hypothetical, adult-only, a risk to staff, or a system complaint.
UNSEEN_STYLES_NEAR_MISSES = [
    "Child remained in the household with the alleged perpetrator for two days in 2021 before the s47 concluded.",
    "Strat held 3/11. S47 started. Child placed with grandparents. Stepdad bailed to an address in another town.",
    "YP 15 discloses historical DA; parents separated in 2019 and there has been no contact since.",
    "Baby 10/52. HV visited today, weight good, mum coping well.",
    "If the discharge had gone ahead without a plan, the baby would have gone home to a dad with a conviction.",
    "Dad threatened to stab me at the last visit, and I'm not convinced it's safe for staff to go out alone.",
    "I don't feel safe in the contact centre: the panic alarm hasn't worked for weeks.",
    "The school said he has settled really well and eats breakfast at the breakfast club every day.",
    "The ward discharged the baby to mum with a full plan in place and the health visitor saw her the next day.",
    "I'm not convinced the new form is any better than the old one.",
    "It doesn't sit right with me that families have to pay for copies of their own records.",
    "The wean was stopping wi' her granny while her mam was in hospital; she's hame now and doing grand.",
    "The lad had been kipping at his mate's for a week last summer; he's back home and things are sorted.",
    "The pre-birth assessment was completed at 28 weeks and mum and baby went to a parent and baby placement.",
    "The accessible taxi didn't turn up, so the 14-year-old missed her respite weekend; she was disappointed "
    "but fine at home.",
    "She absconded from the children's home at teatime and was brought back by police at 9pm, safe.",
    "The man who messaged her online was identified by police and charged; she has no contact with him.",
    "A child could be groomed online for months before anyone notices, given how little we ask about phones.",
    "Fathers are not being invited to child protection conferences, and I worry we are not assessing them.",
    "The transfer was delayed because the new authority would not accept our assessment.",
    "Her behaviour at school was worrying last term, but since the new support plan started she is doing much better.",
    "Police told us the man who had been visiting the flat has been recalled to prison.",
    "Nobody has updated the chronology since the case transferred.",
    "No supervision has been undertaken since August, which I have raised with my manager.",
    "I'm worried about my own wellbeing after the case review and I've been signed off with stress.",
    "Mum told me her own father abused her when she was a child; she has never told anyone and wants counselling.",
    "The 16-year-old got a place at college and his supported lodgings provider is brilliant.",
    "There was a time last year when we couldn't find him for three days; he has been stable since moving to "
    "his uncle's.",
    "In the training scenario a baby was discharged home with nothing in place, and we talked about what we would do.",
    "Nobody had checked the lodger before the placement was approved, which panel caught; the placement was "
    "paused until the checks came back clear.",
    "I think the duty manager should be able to authorise taxis without a form.",
    "She told me she is frightened of her ex-boyfriend; she is 22 and has no children.",
    "The family asked for the assessment in Welsh and it took three weeks to find a Welsh-speaking worker; the "
    "children were seen in English in the meantime and are well.",
    "The young person's uncle was checked and approved, and she stays with him on Saturdays.",
    "Our 17-year-old's personal adviser left and no one has been allocated, so her pathway plan is late; she "
    "is happy in her flat.",
    "The bail hostel next to our office has had police outside twice this week, which staff find unsettling.",
    "Visits to the unborn baby's family were all done on time and the pre-birth plan is agreed with the midwife.",
    "The referral was closed after the social worker saw the children alone and found them well cared for.",
    "The school nurse says she is worried about the number of referrals she makes that never get a reply.",
    "Mum was anxious about dad's release, so a safety plan was agreed and he has kept to it; the children have "
    "not seen him.",
    "The deaf 9-year-old waited six weeks for a BSL interpreter for his review, which isn't acceptable; he is "
    "well and happy in placement.",
    "The online safety session at the children's home was cancelled again, which is a shame because the young "
    "people asked for it.",
    "He was AWOL from placement twice last year, but he hasn't been missing since he started at the new college.",
    "No checks have been done on the new minibus driver, who is an agency worker, so the trip was postponed.",
    "Father was at the property during the allegation in 2020; he left the area and the case closed.",
    "Toddler (2) scald to foot was treated at A&E the same day and an accident was confirmed.",
    "I'm just not comfortable with how long the new case management system takes to load.",
    "It feels wrong that foster carers aren't invited to the review meetings.",
    "The youth worker said he's doing really well at the boxing club and has a part-time job.",
    "The court returned the child home to father after a positive assessment last year and things have gone well.",
    "No assessment of the new partner had been done when the case was transferred, but one was completed the "
    "following week and he was found suitable.",
    "The wee one was poorly last week and mum took her to the GP; she's fine now.",
    "He's 17, doing an apprenticeship, and lives with his nan, who is a great support.",
    "Pre-birth assessment completed; mum is engaging and the plan is agreed with midwifery.",
    "The 11-year-old with cerebral palsy had a great respite week and the carers sent photos.",
    "The 14-year-old in our care was late back from school because of a detention; the school forgot to ring.",
    "An adult on the training course asked how we handle online safety with foster carers.",
    "Staff are being left alone on shift at the unit, which is not safe for them.",
    "I would like more training on working with fathers who are hostile to social workers.",
    "Step-parent was vetted and cleared in March and the family have been stepped down.",
    "Infant weight has improved steadily since the feeding support started; the HV is pleased.",
    "I'm not at all sure the new rota is fairer than the old one.",
    "Honestly, I'm worried sick about my own caseload numbers.",
    "He went back to his dad's last year after a positive assessment and the school say he's thriving.",
    "There has been no contact from the court about the hearing date since the adjournment.",
    "The bairns were seen at school today and are doing grand.",
    "She's 17 and moved into her supported lodgings on Friday; she says she loves it.",
    "A grown man shouted at our receptionist about his parking ticket, which upset her.",
    "The training on online grooming was excellent and I'd recommend it to all foster carers.",
]
# Written after the rules of round 2 and missed by them; caught now by general rules (an event in the last
# hours, a release or visit soon, habitual exposure, basic needs or medical care unmet now, an adult online).
NOW_WAS_MISSED_ON_UNSEEN_PHRASING = [
    "The non-verbal boy has started biting himself and screaming when his uncle visits, and the uncle visits daily.",
    "Step-parent not yet vetted and now sharing a bedroom wall with the girls. No strategy discussion.",
    "Infant 4/12, FTT, weight dropping since last weigh-in. Parents declining the paediatric appointment.",
    "The PCSO said the 9-year-old is out on the estate after dark most nights and looks half-starved.",
    "I'm not at all sure the kids are being fed properly at the moment; the cupboards were bare again today.",
    "Honestly, I'm worried sick about the little lad in that house.",
    "Mum is being released from hospital this afternoon to the flat where she tried to smother the baby.",
    "The young 'un's been stood on the doorstep in his pyjamas since teatime and nobody's answering.",
    "Newborn on the ward; mum smelling of alcohol at every feed and staff have concerns about her handling.",
    "The 13-year-old with a learning disability is being sent to the shop alone at night by mum's boyfriend.",
    "Our child in care went missing from her foster home an hour ago with an 'older friend' in a car.",
    "A grown man has been sending her messages on TikTok every night and she's now talking about running off with him.",
    "The 10-year-old showed me messages from a 'gamer friend' who wants to send him an Uber to come and meet.",
]


# Round 3's fresh batches. The first 30 (with the overdose still missed below) were written before its rules
# and 22 were missed then; the last 15 were written after the rules and 7 were missed until the lexicons
# widened (for medical neglect, recent injury, weekday visits and begging for food).
FRESH_LIVE_ROUND_3 = [
    "Foster carer rang at 7pm: the 14-year-old ran from placement about two hours ago and isn't picking up.",
    "Baby was dropped by dad this morning and has a swollen arm; he has refused to take her to A&E.",
    "Toddler found wandering by the main road at 6am today in just a nappy. Parents asleep.",
    "Dad gets out of prison on Friday and the plan is for him to move straight back in with the kids.",
    "Paternal uncle, who has never been checked, stays over most weekends and shares a room with the boys.",
    "She told her teacher this morning that mum's boyfriend strangled her last night.",
    "Girl (12) cutting her arms every night, says she doesn't see the point any more.",
    "Nobody fed the twins yesterday, the fridge is empty and the electric has run out.",
    "Mum won't take the baby to the weight clinic and he has dropped two centiles.",
    "Boy is being messaged on Snapchat by a 30-year-old who is sending him money.",
    "Just been told the 6yo was locked out in the rain for hours after school today.",
    "Mum is being discharged from the psychiatric ward tomorrow to care for her newborn alone.",
    "Stepdad was arrested for hitting the kids last month but police have bailed him home to the same address.",
    "He has been left in charge of his three younger siblings overnight again while mum works.",
    "Y7 pupil came in with no coat, no breakfast, and said he hasn't had tea for two days.",
    "The 15yo was picked up by a man in a Mercedes outside school at lunchtime and hasn't come back.",
    "Child disclosed at lunch that grandad touches her at bedtime; she goes to his after school every day.",
    "Baby's cot has no mattress, the flat has dog mess on the floor and the toddler has a nasty burn that "
    "hasn't been treated.",
    "Mum's new partner is a Schedule 1 offender and he is moving in this weekend.",
    "Child says she is starving and keeps taking food from other children's lunchboxes.",
    "Dad turned up drunk to collect the 4-year-old at 3.15 and drove off with her.",
    "Teen in residential went out at 9pm last night with two adult males and still isn't back.",
    "Insulin-dependent 8yo hasn't had insulin since Monday because mum won't collect the prescription.",
    "The girls are alone in the flat tonight; mum has gone to Manchester.",
    "Neighbour reports the baby has been screaming for three hours and no adult is answering the door.",
    "Eleven-year-old told staff a man she met on Roblox is coming to pick her up on Saturday.",
    "Mum hit the 2-year-old in front of me during the visit an hour ago.",
    "The boy sleeps in the car with dad most nights since they were evicted.",
    "Worried: the 16-year-old is being kept off school to look after mum and hasn't eaten properly in days.",
    "Contact supervisor here: dad grabbed the 5-year-old by the throat in the contact room twenty minutes ago.",
    "Lad's been sat in reception since 4, says he's been kicked out and has nowhere to go tonight.",
    "The 3-year-old is still in the same nappy from yesterday and has sores; mum's asleep on the sofa.",
    "Grandad, who abused mum as a child, picks the girls up from school every Tuesday.",
    "Teenager in our home is getting lifts from men in their thirties most evenings.",
    "Baby's mum is being let out of custody tomorrow and is going straight to the mother and baby unit with no plan.",
    "HV visit today: 6-week-old has lost weight again and parents won't attend the feeding clinic.",
    "Pupil has been in the same clothes all week, smells, and begs for food at break.",
    "A man on Instagram keeps asking our 13yo for photos and says he loves her.",
    "She showed me fresh cuts on her legs in the toilets just now.",
    "The boys are being left with their 14-year-old cousin overnight while mum goes out drinking.",
    "Police found the 7yo walking alone on the dual carriageway this afternoon.",
    "Stepfather with a conviction for child cruelty is babysitting the baby every weekend.",
    "Toddler has a burn on her hand that mum hasn't taken to a doctor.",
    "The 15-year-old has been sending money to a man she met on Discord who says they'll run away together.",
]


# Round 3's not-live batches and traps for its rules: history, dated or told as past, hypotheticals, good news,
# adults only, staff and services that use the same words.
FRESH_NOT_LIVE_ROUND_3 = [
    "The laptop kept crashing during the visit so I typed notes up afterwards.",
    "In 2019 a toddler was found wandering near a road; the family has since moved away and the case closed.",
    "Training on neglect recognition would help newly qualified workers spot cupboards that are bare.",
    "Dad was released from prison last year and has had no contact with the children since.",
    "The baby was weighed today and has gained well; health visitor is happy.",
    "Care leaver (19) has not eaten properly since losing her job and is struggling with rent.",
    "If a child goes missing from a foster home, the carer should ring police within the hour.",
    "The team meeting ran late every night this week, which affected our lone working.",
    "Mum's new partner was fully checked and assessed as suitable in March.",
    "The child was seen this morning, spoke to me alone, and is safe with her grandmother.",
    "The missing-from-care protocol hasn't been updated since 2020.",
    "Our duty rota has nobody on Friday afternoon, which is a recurring staffing gap.",
    "An overdose in a previous placement led to a review; she is now settled and doing well.",
    "We found out this morning that the court bundle had gone to the wrong solicitor.",
    "Looking back, the signs of neglect were there in the chronology long before removal.",
    "The strategy discussion was held the same day and the children were placed with their aunt.",
    "My manager visits the team daily, which has helped morale.",
    "Uncle used to visit daily but moved abroad in the summer.",
    "Supervision was cancelled again this afternoon because my manager was off sick.",
    "A gamer friend of the foster carer's son came round for tea; all fine, carer supervised.",
    "Every weekend the out-of-hours team is short of a manager, so decisions wait until Monday.",
    "The baby who lost weight last spring is now thriving and the case has closed.",
    "Our policy says staff should check on children every night at 11pm.",
    "Dad was bailed to his mother's address in Leeds, a long way from the children, who have no contact.",
    "Mum attended the feeding clinic today and the baby has put on 200g.",
    "I was worried about the handover template because it drops the chronology.",
    "Two years ago a teen in our home was groomed online; we now run digital safety sessions every term.",
    "The IT team messages us daily about password resets.",
    "If a parent declines a medical for a baby, the worker should escalate to the manager.",
    "The care leaver, 20, has no food until payday and we topped up her gas.",
    "The budget cuts announced this morning mean the children's centre closes.",
    "On Mondays the team reviews abuse cases with the children's services manager.",
    "The 6-week-old was weighed today and has not lost weight.",
    "Staff training this afternoon covered bruising in babies who are not mobile.",
    "The foster carer told me this morning that the girls were hit by their father when they lived at home.",
    "Mum says dad used to hit her every night before he left.",
    "A man on Facebook messaged our team page asking to meet the manager.",
    "Dad is being released tomorrow; he will live in Scotland and has no contact with the children.",
    "She was left alone every night in 2019, before she came into care.",
]


# Live and still missed: a clock time ("at 3am") is not read as recent, since logs stamp every past step with
# one, and nothing reads discharge "without a plan" after self-harm as live. Move an example to
# FRESH_LIVE_ROUND_3 when a general rule catches it.
# Round 4 (two departments' development sets): written afresh for each rule, not copied from them.
FRESH_LIVE_ROUND_4 = [
    # Missing now, told as the reporter types.
    "Mum rang at midnight as he was not home. He's still not back as I type this and his phone is off.",
    # "(8)" after a placeholder marks a child even where an adult son is named.
    "[CHILD 1] (8) told school that the carer's adult son hurts him at bath time. He is there again tonight "
    "and the adult son still lives there.",
    # "I have emailed ... since then" keeps going; a safeguarding plan that is not in place is no plan.
    "She is 37 weeks pregnant and her violent partner moved back in with her. I have rung the social worker "
    "four times since then. There is still no safeguarding plan in place.",
    # Ambiguous words kept in their live sense.
    "Right now she is at home with him and nobody has been out.",
    "Dad is still seeing her every weekend despite the order.",
    "The baby is at home with him tonight.",
    "Her records are missing and she is missing again tonight, last seen with older men.",
    "She is going for a sleepover at her uncle's tonight, the man she says hurt her.",
    "The baby should have been seen today and still has not been seen. Nobody has been out.",
]
FRESH_NOT_LIVE_ROUND_4 = [
    "He survived the assault and has moved away with his family; he is doing all right now.",
    "He turned 18 last month. I'm the only professional still seeing him and the adult panel has closed.",
    "I was told to be careful as I was still in my ASYE. I have not raised it since.",
    "Baby is at home with a CP plan and doing well after the assessment restarted.",
    "I drove out and brought him back, alone in a car with a distressed boy for two hours, against our policy.",
    "We ask placing councils to chase when notifications are missing from the file.",
    "I chased the return home interview on Monday; the provider only covers its own children.",
    'A regional "whereabouts unknown" list that the front door can search would help.',
    'A "must know tonight" box on the emergency placement form would have helped. Nobody hurt, but luck.',
    "He is still there in the week but restraint has stopped, he has been seen by his GP and the LADO is "
    "involved, so I don't think he's at risk now. We are still waiting for the logs.",
    "What I was afraid of was a telling-off; instead we reviewed our case notes together.",
    "Sleepover requests for foster children no longer wait a fortnight for a signature.",
    "He started coming home with new trainers; looking back we would have seen it as exploitation straight away "
    "in another child. Nothing bad happened. Use the tool on any teenager with unexplained money.",
]

STILL_MISSED_ON_UNSEEN_PHRASING = [
    "Our young person took an overdose at 3am and has been sent back to the unit without a plan.",
]


@pytest.mark.parametrize(
    "text",
    LIVE
    + BROADER_LIVE
    + LIVE_FAMILIES
    + MORE_LIVE
    + TERSE_REFLECTIVE_AND_IN_PASSING_LIVE
    + STAFF_WORDED_LIVE
    + FORMAL_AND_OBLIQUE_LIVE
    + PLAIN_AND_REGIONAL_LIVE
    + UNSEEN_STYLES_LIVE
    + NOW_WAS_MISSED_ON_UNSEEN_PHRASING
    + FRESH_LIVE_ROUND_3
    + FRESH_LIVE_ROUND_4,
)
def test_current_risk_in_any_words_or_voice_flags_with_reasons_quoted_from_the_text(text: str) -> None:
    screen = screen_live_concern(text=text)
    assert isinstance(screen, Screen)
    assert screen.flagged
    assert screen.reasons
    assert all(reason in text for reason in screen.reasons)


@pytest.mark.parametrize(
    "text",
    PAST
    + DENIED_OR_NEGATED
    + RESOLVED_OR_SYSTEM
    + MORE_NOT_LIVE
    + TRAPS
    + NEAR_MISSES
    + FORMAL_NEAR_MISSES
    + LONG_SYSTEM_NEAR_MISSES
    + UNSEEN_STYLES_NEAR_MISSES
    + FRESH_NOT_LIVE_ROUND_3
    + FRESH_NOT_LIVE_ROUND_4,
)
def test_history_good_news_adults_admin_what_ifs_and_general_statements_do_not_flag(text: str) -> None:
    screen = screen_live_concern(text=text)
    assert not screen.flagged
    assert screen.reasons == ()


@pytest.mark.xfail(strict=True, reason="known gap: live phrasing no cue or structural rule covers yet")
@pytest.mark.parametrize("text", STILL_MISSED_ON_UNSEEN_PHRASING)
def test_known_misses_on_unseen_phrasing(text: str) -> None:
    assert screen_live_concern(text=text).flagged


def test_a_flag_resting_on_a_harm_sentence_still_quotes_the_reporter() -> None:
    text = "The lad's been kipping at his mate's since his dad lamped him."
    screen = screen_live_concern(text=text)
    assert screen.flagged
    assert screen.reasons == ("The lad's been kipping at his mate's since his dad lamped him",)


def test_checks_on_staff_are_recruitment_not_an_unassessed_adult() -> None:
    assert not screen_live_concern(text="No checks have been done on the new minibus driver.").flagged
    assert screen_live_concern(text="No checks have been done on mum's new partner, who is minding the baby.").flagged


def test_reasons_do_not_quote_the_same_clause_twice() -> None:
    text = "Her stepdad still drinks every night and he is at home with the baby on his own now."
    reasons = screen_live_concern(text=text).reasons
    assert reasons
    assert not any(a != b and a in b for a in reasons for b in reasons)


@pytest.mark.parametrize(
    "text",
    [
        # A terse note: the step not taken, then nothing since.
        "Referred to the front door a fortnight ago. Nothing since. No strategy discussion, nobody has met mum.",
        "Unborn, mum 37 weeks. No pre-birth assessment. Nobody has met her and the baby is due any day.",
        # Children on their own at an address and nobody has gone.
        "Two children, four and six, are on their own at [ADDRESS] and mum is not answering.",
        "A neighbour rang at 1am about the children. Nobody has been to the house.",
    ],
)
def test_terse_notes_of_a_step_not_taken_and_children_alone_flag(text: str) -> None:
    assert screen_live_concern(text=text).flagged


@pytest.mark.parametrize(
    "text",
    [
        # A harm that names a team, a list or a caseload, or a category a child is put in.
        "The police exploitation team now share their weekly list with us, and two kids have come off the missing "
        "list since.",
        "The school rings me every Monday with an update on the three kids on my neglect caseload.",
        "We still record her as missing every time she stays at her dad's.",
        # What someone passed on then, or what a procedure says.
        "EDT sent a handover about a 15 year old sofa-surfing after a row at home.",
        "I told my sergeant that a group of 13 year olds were being used to run drugs from the flats.",
        "The out of hours procedure says ring police after an hour if whereabouts unknown.",
        # Staff whereabouts, a thing unseen, reassurance, a report of good practice.
        "Nobody knows where we are when we're out on the moor and there's no signal.",
        "A girl said at her review that nobody has seen it for a year, meaning her bedroom.",
        "Dad was arrested for the assault last year. Nothing has happened that I know of since he left.",
        "Good example. The day duty worker rang me at 9 and saw the boy by 2pm; he was back at the house by teatime.",
        # Harm words that only look like harm ("stable").
        "He keeps going home to the one stable adult he has, most weekends.",
    ],
)
def test_services_named_for_a_harm_past_referrals_staff_and_good_news_do_not_flag(text: str) -> None:
    assert not screen_live_concern(text=text).flagged


@pytest.mark.parametrize(
    "text",
    [
        "I made a referral about the bruise to her cheek on Monday and nobody has been out to see her.",
        "I sent a referral about the baby's bruising and nobody has followed it up.",
        "I told my manager that she is still staying at her stepdad's flat with him.",
    ],
)
def test_a_concern_passed_on_but_still_open_is_not_put_in_the_past(text: str) -> None:
    assert screen_live_concern(text=text).flagged


@pytest.mark.parametrize(
    "text",
    [
        # A young person's own words about ending their life, quoted or told, however hedged.
        "A care leaver, Jay, 17, has not come out of his room since Sunday and messaged a friend last night "
        "saying he won't be around much longer.",
        'Our 16 year old posted "not going to be here much longer" on her story and nobody can reach her.',
        "[PERSON], 15, said this afternoon everyone would be better off without her.",
        "Kayden, 16, texted his sister an hour ago that he can't go on like this.",
        "She told me today she wants to end it all.",
    ],
)
def test_a_young_person_speaking_of_ending_their_life_flags(text: str) -> None:
    screen = screen_live_concern(text=text)
    assert screen.flagged
    assert all(reason in text for reason in screen.reasons)


@pytest.mark.parametrize(
    "text",
    [
        # Staff leaving, not a young person's words.
        "My manager is retiring and won't be here much longer, so supervision is patchy.",
        # The label a referral was sent back or closed with, and an address missing from a form.
        'The referral was sent back as "incomplete - no address" and I had to chase admin for a week.',
        "The form was returned with no address given and I had to chase admin for a week.",
        # A vehicle last seen, not a child; a group named by its need; a child now on a plan.
        "The caravan was last seen on the lay-by; we need a way to reach families who travel.",
        "We need an agreed plan with A&E for teenagers with nowhere to go at night.",
        "She said her dad hits her and she went home to him. She was seen by a paediatrician on Tuesday and is now "
        "on a CP plan.",
    ],
)
def test_staff_leaving_labels_vehicles_groups_and_children_on_a_plan_do_not_flag(text: str) -> None:
    assert not screen_live_concern(text=text).flagged


def test_an_age_between_commas_marks_a_child_in_a_report_about_a_care_leaver() -> None:
    text = "A care leaver, [PERSON], 17, posted last night about not being here much longer."
    assert screen_live_concern(text=text).flagged
    assert not screen_live_concern(text=text.replace(", 17,", ", 19,")).flagged


def test_a_placement_found_ends_a_night_with_nowhere_to_go() -> None:
    text = (
        "At 10pm the ward said she would be discharged to the waiting room. A placement was found the next "
        "afternoon. We need a plan for teenagers with nowhere to go."
    )
    assert not screen_live_concern(text=text).flagged
    assert screen_live_concern(text=text.replace(" A placement was found the next afternoon.", "")).flagged


# Each pair: the report as resolved or told as past (no flag), and the same report with that part changed
# so the risk is live (flag). Written for the tests in the shapes seen on new sets: note-form resolutions,
# a closed span of inaction, a clear police check, a car seat, a story's "later".
RESOLVED_OR_PAST_WITH_LIVE_TWIN = [
    (
        "Toddler with unexplained bruising brought in by nan. Child still on the ward so safe. Front door took "
        "four hours to open the email.",
        "Toddler with unexplained bruising brought in by nan. Child still at home. Front door took four hours to "
        "open the email.",
    ),
    (
        "Dad turned up at contact and was seen waiting outside in a car. Contact moved to a supervised venue.",
        "Dad turned up at contact and was seen waiting outside in a car.",
    ),
    (
        "Baby was sleeping in a car seat as there was no cot. Cot donated and checked.",
        "Baby is sleeping in the car with mum most nights as there was no cot.",
    ),
    (
        "An 8yo with asthma, mum not collecting prescriptions, third admission. We agreed a plan with the GP. "
        "He hasn't been readmitted since.",
        "An 8yo with asthma, mum not collecting prescriptions, third admission. We agreed a plan with the GP.",
    ),
    (
        "A 3-month-old with an unexplained fracture was sent home from A&E. Baby has recovered and is in a foster "
        "placement.",
        "A 3-month-old with an unexplained fracture was sent home from A&E.",
    ),
    (
        "A baby was discharged from A&E with a bruise and readmitted a fortnight later with a fracture.",
        "A baby with a bruise is being discharged from A&E later and nobody has rung the social worker.",
    ),
    (
        "The family on a CP plan had a visit due that week. Nobody picked it up for 12 days.",
        "The family on a CP plan has a visit due this week. Nobody has picked it up for 12 days.",
    ),
    (
        "I didn't check the man at the door. He's not known to police as it turns out, and the lodger moved out.",
        "I didn't check the man at the door. He's known to police and the lodger is still there.",
    ),
    (
        "After a 15yo absconded from the ward, the manager ran a learning review with everyone involved.",
        "A 15yo absconded from the ward and nobody knows where she is.",
    ),
]


@pytest.mark.parametrize(("resolved", "live"), RESOLVED_OR_PAST_WITH_LIVE_TWIN)
def test_note_form_resolutions_and_closed_spans_do_not_flag_but_their_live_twins_do(resolved: str, live: str) -> None:
    assert not screen_live_concern(text=resolved).flagged
    assert screen_live_concern(text=live).flagged


@pytest.mark.parametrize(
    "text",
    [
        "The council stopped using the agency without telling us why, and three matches were left hanging.",
    ],
)
def test_a_decision_made_without_saying_why_is_not_a_child_moved_without_telling_anyone(text: str) -> None:
    assert not screen_live_concern(text=text).flagged


def test_an_allegation_that_turned_out_unfounded_is_resolved() -> None:
    text = "A 12yo disclosed that her stepdad hit her and she was sent home."
    assert screen_live_concern(text=text).flagged
    assert not screen_live_concern(text=text + " It turned out the allegation was unfounded.").flagged


@pytest.mark.parametrize(
    "text",
    [
        # Nobody has warned the family that the man they fled has their address.
        "The refuge address went to dad in the court bundle. He has previous for strangulation. Nobody has told "
        "mum or the refuge.",
        # A child told he will sleep in the shed, gone home for the weekend.
        "[PERSON] (11) said dad makes him sleep in the shed when he gets excluded. He went home in the taxi.",
    ],
)
def test_a_family_not_warned_and_a_child_put_out_to_sleep_flag(text: str) -> None:
    assert screen_live_concern(text=text).flagged

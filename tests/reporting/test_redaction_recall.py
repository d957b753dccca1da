"""Recall of the de-identification engine on identifier, address and name forms beyond the sample.

Each case is written from how children's-services staff write these details, not from the
sample reports; the negative cases guard the precision the new forms could cost.
"""

from __future__ import annotations

import pytest

from reporting.deid import redact_text


def found(source: str, kind: str) -> list[str]:
    return [source[s.start : s.end] for s in redact_text(source).spans if s.type == kind]


def covered(source: str, value: str, kind: str) -> bool:
    """Whether some span of ``kind`` covers the whole of ``value`` in ``source``."""
    start = source.index(value)
    end = start + len(value)
    return any(s.type == kind and s.start <= start and end <= s.end for s in redact_text(source).spans)


@pytest.mark.parametrize(
    ("source", "value"),
    [
        ("See incident log 1123 of 12/03 for detail.", "1123"),
        ("Case 44913 was reallocated.", "44913"),
        ("Case C1234 was reallocated.", "C1234"),
        ("Contact 4491 was closed without a visit.", "4491"),
        ("A Datix 12345 was completed.", "12345"),
        ("Police log 0498 of 12 March was read.", "0498"),
        ("Reference number #44821 was added.", "44821"),
        ("Ref. No. 1234 was on the letter.", "1234"),
        ("Its number is 0042-221 on the old system.", "0042-221"),
        ("Index number 2024/ab/113 was missing.", "2024/ab/113"),
        ("Case number: 12 3456 789 was quoted.", "12 3456 789"),
        ("The EMIS number 44821 was wrong.", "44821"),
        ("A crime ref of 0443/25 was given.", "0443/25"),
        ("His UPN is A12345678901B.", "A12345678901B"),
        ("The S47-0042 enquiry was late.", "S47-0042"),
        ("Local authority ref: BCC/CS/44812 was used.", "BCC/CS/44812"),
        ("lcs-448120 was opened twice.", "lcs-448120"),
        ("Her Mosaic number is 44821 not 44812.", "44812"),
        ("Record 22104, or 22140, was merged.", "22140"),
    ],
)
def test_case_references_in_many_shapes(source: str, value: str) -> None:
    assert covered(source, value, "CASE_ID")


@pytest.mark.parametrize(
    "source",
    [
        "In case 2024 goes the same way, we will review.",
        "There were 1500 contacts in the quarter; case numbers were 450.",
        "A log of 12 visits was kept; case 3 was the worst.",
        "The file was 3000 pages long.",
        "Call 101 or 999 in an emergency; no 2 days were the same.",
        "The case went to court in mid-2024 and pre-2020 records were lost.",
        "Our record number of contacts was 1800 in March, 12.5% up.",
        "Room 101 and room 4 were booked; case 12 of 40 was late.",
    ],
)
def test_counts_years_and_rooms_are_not_case_references(source: str) -> None:
    assert found(source, "CASE_ID") == []


@pytest.mark.parametrize(
    ("source", "value"),
    [
        ("The home at 8 Kingsway was cold.", "8 Kingsway"),
        ("They moved to 12 Highfield, Eastby last week.", "12 Highfield, Eastby"),
        ("The home at 8 Northgate was cold.", "8 Northgate"),
        ("They moved into Ivy Cottage in May.", "Ivy Cottage"),
        ("He was placed at the Parkside Hostel for a week.", "Parkside Hostel"),
        ("Mum was moved to the Seaview B&B by housing.", "Seaview B&B"),
        ("He is at Apartment 5, The Maltings.", "Apartment 5, The Maltings"),
        ("She stays at Flat 3 Moorview most nights.", "Flat 3 Moorview"),
        ("He was at his nan's, 5 Hill Top.", "5 Hill Top"),
        ("They live at 22 Queens Road West.", "22 Queens Road West"),
        ("He is at 1 St. Mary's Close.", "1 St. Mary's Close"),
        ("Stayed at The Old Rectory, Low Lane.", "The Old Rectory, Low Lane"),
        ("Nan's house on Hawthorn Avenue was full.", "Hawthorn Avenue"),
        ("A house off Millbrook Way was raided.", "Millbrook Way"),
        ("mum lives at 14 harrow close with him.", "14 harrow close"),
        ("The home at 9 Keepers Paddock was cold.", "9 Keepers Paddock"),
    ],
)
def test_addresses_without_a_classic_street_word(source: str, value: str) -> None:
    assert covered(source, value, "ADDRESS")


@pytest.mark.parametrize(
    "source",
    [
        "We met at 2 Eastby Civic Centre for the review.",
        "Referrals from 4 Eastby schools rose.",
        "At 10 Mum arrived and at 3 Leo was collected.",
        "He rang at 5 Monday morning.",
        "The DSL at Marsh Lane Academy challenged us.",
        "The family hub on Mosaic Way and the Front Door Way process.",
        "She was placed in a Premier Inn by housing and then the Travelodge.",
        "Flat 3, Sarah Jones said, was cold.",
    ],
)
def test_times_services_and_names_are_not_addresses(source: str) -> None:
    assert found(source, "ADDRESS") == []


@pytest.mark.parametrize(
    ("source", "name"),
    [
        ("I visited Maisie at home after school.", "Maisie"),
        ("Cerys was upset when we arrived.", "Cerys"),
        ("The plan for Rayyan was not updated.", "Rayyan"),
        ("We gave Huw a lift to contact.", "Huw"),
        ("A strategy discussion about Fjolla took place.", "Fjolla"),
        ("The worker checked on Mahnoor twice.", "Mahnoor"),
        ("Hope told me she wanted to go home.", "Hope"),
    ],
)
def test_common_uk_first_names_without_a_cue(source: str, name: str) -> None:
    assert name in found(source, "PERSON")


@pytest.mark.parametrize("source", ["I hope said services will help.", "The Hope said nothing new."])
def test_a_word_that_is_also_a_name_needs_to_be_the_speaker(source: str) -> None:
    assert found(source, "PERSON") == []


@pytest.mark.parametrize(
    ("source", "value"),
    [
        ("Mum lives at The Willows now.", "The Willows"),
        ("He attends Greenhill primary and is settled.", "Greenhill primary"),
        ("Busy Bees nursery called duty.", "Busy Bees nursery"),
        ("St Mary's RC primary school rang.", "St Mary's RC primary school"),
    ],
)
def test_house_names_and_schools_written_in_lower_case(source: str, value: str) -> None:
    kind = "ADDRESS" if "Willows" in value else "SCHOOL"
    assert covered(source, value, kind)


@pytest.mark.parametrize(
    "source",
    [
        "He moved to The Family Centre.",
        "The Polish nursery and Leeds primary schools were full.",
        "We went to a Catholic primary; her Eastby nursery rang.",
        "Muslim primary school places and the Tuesday nursery group.",
    ],
)
def test_services_and_kinds_of_school_are_not_named_places(source: str) -> None:
    assert [s for s in redact_text(source).spans if s.type in ("ADDRESS", "SCHOOL")] == []


@pytest.mark.parametrize(
    ("source", "value", "kind"),
    [
        ("We did a home visit on Tuesday 12th, curtains shut.", "Tuesday 12th", "DATE"),
        ("Seen at school on Fri the 3rd by the DSL.", "Fri the 3rd", "DATE"),
        ('He said "half of Cokeworks Estate lives like that".', "Cokeworks Estate", "ADDRESS"),
        ("Head of the PRU (Moorside Learning Centre) rang.", "Moorside Learning Centre", "SCHOOL"),
        ("The crew attended a 2 yr old, Brooklyn Ward, who had a fit.", "Brooklyn Ward", "PERSON"),
        ("A 14-year-old boy, Tyler Park, was seen.", "Tyler Park", "PERSON"),
        ('His pathway plan lists "Gav" as the SW and a number.', "Gav", "PERSON"),
        ("They named Kez as her key worker.", "Kez", "PERSON"),
    ],
)
def test_weekday_dates_named_estates_learning_centres_and_cued_names(source: str, value: str, kind: str) -> None:
    assert covered(source, value, kind)


@pytest.mark.parametrize(
    "source",
    [
        "Monday 12 children came to the group.",
        "He works on Ashby Trading Estate now.",
        "They were from a good family on the Clifftop estate.",
        "He was moved to Rainbow Ward at the hospital.",
        "Kirklees as the lead authority agreed.",
        "We used Mosaic as the system for it.",
    ],
)
def test_counts_workplaces_wards_and_authorities_stay(source: str) -> None:
    assert [s for s in redact_text(source).spans if s.type in ("DATE", "ADDRESS", "PERSON")] == []


@pytest.mark.parametrize(
    ("source", "value"),
    [
        ("Visited Reuben (10) at Hagg Top Farm, Mossgill ten days ago.", "Hagg Top Farm, Mossgill"),
        ("She is missing from her placement at Beckside House, Pellingford.", "Beckside House, Pellingford"),
        ("The two boys at Crag End Cottage, Low Scarth were seen.", "Crag End Cottage, Low Scarth"),
        ("Lacey, on a CP plan, at Windy Nook, Fell Lane, Castle Yarrow. Seen.", "Windy Nook, Fell Lane"),
    ],
)
def test_rural_addresses_named_without_a_number(source: str, value: str) -> None:
    assert covered(source, value, "ADDRESS")


@pytest.mark.parametrize(
    "source",
    [
        "Body-worn footage from a call-out in Oxley Dale could not be uploaded.",
        "After the review into the Oxley Dale family (children not seen), we met.",
        "They see mum at the Brantholme family centre each week.",
        "Marcus Oyelaran (TM, Garthwaite) set up a shared map.",
    ],
)
def test_places_services_and_bases_are_not_people(source: str) -> None:
    people = [source[s.start : s.end] for s in redact_text(source).spans if s.type == "PERSON"]
    assert all(p not in ("Oxley Dale", "Brantholme", "Garthwaite") for p in people)


@pytest.mark.parametrize(
    ("source", "name"),
    [
        ("I saw Sarah Jones, Mill Lane, at the door.", "Sarah Jones"),
        ("Ashley Dale said she was fine.", "Ashley Dale"),
        ("The Kowalski family were seen at home.", "Kowalski"),
        ("Mum (Ngozi) rang the office.", "Ngozi"),
    ],
)
def test_people_near_the_new_place_rules_stay_people(source: str, name: str) -> None:
    assert name in found(source, "PERSON")


@pytest.mark.parametrize(
    ("source", "name"),
    [
        ("Kingsley Hill said he was fine.", "Kingsley Hill"),
        ("I spoke to Ripley Green.", "Ripley Green"),
        ("We held the Nowak family group conference.", "Nowak"),
        ("A 2yo, Brooklyn Ward, had a fit.", "Brooklyn Ward"),
    ],
)
def test_a_person_doing_what_people_do_outweighs_a_place_shape(source: str, name: str) -> None:
    assert name in found(source, "PERSON")


def test_a_number_and_old_without_a_unit_is_no_age() -> None:
    assert found("There were a two old, Mill House and the rest.", "PERSON") == []


@pytest.mark.parametrize(
    ("source", "value", "kind"),
    [
        ("The strategy meeting is on Weds 5th.", "Weds 5th", "DATE"),
        ("DOB: 12-Mar-2015.", "12-Mar-2015", "DATE"),
        ("We met Mon 4/11.", "4/11", "DATE"),
        ("We met on 4/11.", "4/11", "DATE"),
        ("Police attended Mill Street again.", "Mill Street", "ADDRESS"),
        ("Nan lives at the bottom of Acre Lane.", "Acre Lane", "ADDRESS"),
        ("She lives off Kirkgate.", "Kirkgate", "ADDRESS"),
        ("Staying on Westfield now.", "Westfield", "ADDRESS"),
        ("He attends St Bede's.", "St Bede's", "SCHOOL"),
        ("The lodger, a man called Spud, left.", "Spud", "PERSON"),
    ],
)
def test_odd_dates_one_word_streets_saint_schools_and_introduced_names(source: str, value: str, kind: str) -> None:
    assert covered(source, value, kind)


@pytest.mark.parametrize(
    "source",
    [
        "She lives on benefits and he lives in Eastby.",
        "Ratio on 3/4.5 scale.",
        "Review on 1st.",
    ],
)
def test_towns_ratios_and_bare_ordinals_are_not_addresses_or_dates(source: str) -> None:
    assert [s for s in redact_text(source).spans if s.type in ("DATE", "ADDRESS")] == []


def test_a_saint_before_a_church_is_no_school() -> None:
    assert found("He went to St Mary's church.", "SCHOOL") == []


@pytest.mark.parametrize(
    ("source", "value"),
    [
        ("Mum and the baby live in a flat in Ashby Court and the lift is broken.", "Ashby Court"),
        ("The concierge at Nelson Tower would not let the visitor up.", "Nelson Tower"),
        ("Police were called to a balcony at Hilltop Heights last night.", "Hilltop Heights"),
        ("The boy was seen going into a flat on Lupin Walk after school.", "Lupin Walk"),
        ("The only room was a B&B on Station Approach, shared with adults.", "Station Approach"),
        ("The family moved from 12 Ferndale Close; the plan still says Ferndale Close.", "still says Ferndale Close"),
    ],
)
def test_blocks_walks_and_repeated_streets_without_a_number(source: str, value: str) -> None:
    target = value.removeprefix("still says ")
    start = source.rindex(target) if value != target else source.index(target)
    spans = redact_text(source).spans
    assert any(s.type == "ADDRESS" and s.start <= start and start + len(target) <= s.end for s in spans)


@pytest.mark.parametrize(
    "source",
    [
        "The order was made in the High Court last month.",
        "Hearing listed at Crown Court on the Monday.",
        "The children were at Gull Point Park with their uncle.",
        "We met the team at the Foundry Court offices.",
        "Staff went on a sponsored walk on Saturday.",
    ],
)
def test_courts_parks_and_walks_that_are_no_home_stay(source: str) -> None:
    assert found(source, "ADDRESS") == []


@pytest.mark.parametrize(
    ("source", "value"),
    [
        # A farm or cottages by name is a rural home.
        ("The landlord of Gorse Cottages rang about the boys.", "Gorse Cottages"),
        ("There is no signal at the Brackenrigg Farm address.", "Brackenrigg Farm"),
        # Caravans at a named holding.
        ("I visited the caravans at Moss Top and met two children.", "Moss Top"),
        # A unit typed in lower case before the number belongs to the address.
        ("Family on pitch 4, Quarry Lane moved on.", "pitch 4, Quarry Lane"),
    ],
)
def test_farms_cottages_holdings_and_lower_case_units_are_addresses(source: str, value: str) -> None:
    assert covered(source, value, "ADDRESS")


@pytest.mark.parametrize(
    "source",
    [
        "Brook Farm Nursery rang to say he was absent.",
        "Sessions at the Lockkeeper's Cottage drop-in went well.",
        "Three families live in static caravans at Gull Point Park.",
        "The Home Farm Trust runs the respite beds.",
    ],
)
def test_named_venues_and_parks_are_not_rural_homes(source: str) -> None:
    assert found(source, "ADDRESS") == []


@pytest.mark.parametrize(
    ("source", "value"),
    [
        # A unit and its number on a named site, told in a sentence.
        ("They're in caravan 12 at Sandpiper Holiday Park.", "caravan 12 at Sandpiper Holiday Park"),
        ("They were on pitch 7 of Redmoor site.", "pitch 7 of Redmoor site"),
        # A house by its number alone, where someone goes or lives.
        ("Went to number 8 today about rent.", "number 8"),
        ("Mum is at number 23.", "number 23"),
        # A one-word street after the word "address".
        ("Address: 12 Ropewalk, Porthby.", "12 Ropewalk"),
        # Converted barns by name.
        ("They live in a converted barn at Highcross Barns.", "Highcross Barns"),
    ],
)
def test_site_units_house_numbers_and_addressed_streets_are_addresses(source: str, value: str) -> None:
    assert covered(source, value, "ADDRESS")


@pytest.mark.parametrize(
    "source",
    [
        "Data team say it is on the defects list at number 47.",
        "The referral was at number 3 on the waiting list.",
        "The bus goes to number 4 stand.",
        "Caravan 3 is the one we use for staff at the Gull Point event.",
    ],
)
def test_list_positions_and_bus_stands_are_not_addresses(source: str) -> None:
    assert found(source, "ADDRESS") == []

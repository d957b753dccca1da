"""Behaviour of the de-identification engine (quality figures live in benchmarks/redaction.py)."""

from __future__ import annotations

import json

import pytest

from reporting.deid import SPAN_TYPES, Redaction, Span, redact_fields, redact_text
from reporting.deid.jsonl import BadLine, redact_jsonl


def spans_of(redaction: Redaction, source: str) -> list[tuple[str, str]]:
    return [(source[s.start : s.end], s.type) for s in redaction.spans]


def test_span_offsets_point_into_the_input_and_text_is_rebuilt_from_them() -> None:
    source = "Visited Jodie Brennan at 22 Ashgrove Road, Middleton M24 6QB on 3rd March 2024."
    result = redact_text(source)
    assert spans_of(result, source) == [
        ("Jodie Brennan", "PERSON"),
        ("22 Ashgrove Road, Middleton", "ADDRESS"),
        ("M24 6QB", "POSTCODE"),
        ("3rd March 2024", "DATE"),
    ]
    rebuilt, cursor = [], 0
    for span in result.spans:
        rebuilt += [source[cursor : span.start], span.placeholder]
        cursor = span.end
    assert "".join([*rebuilt, source[cursor:]]) == result.text
    assert all(isinstance(s, Span) and s.type in SPAN_TYPES for s in result.spans)


def test_same_person_gets_same_placeholder_across_fields_and_by_first_name() -> None:
    result = redact_fields(
        {
            "narrative": "Strategy discussion for Leo Hartley (LCS-448120) was late. Leo was fine.",
            "what_would_help": "Ask Leo Hartley's school first.",
        }
    )
    narrative, help_ = result["narrative"], result["what_would_help"]
    leo = narrative.spans[0].placeholder
    assert [s.placeholder for s in narrative.spans if s.type == "PERSON"] == [leo, leo]
    assert [s.placeholder for s in help_.spans] == [leo]
    assert "Leo" not in narrative.text + help_.text


def test_different_people_get_different_numbers_and_roles_are_inferred() -> None:
    source = (
        "Ellie-May Grant (7) told her teacher that her stepdad Dean Walsh hurts her. "
        "The health visitor, Sandra Okafor, was not told. Her friend Priya Chandra rang."
    )
    result = redact_text(source)
    assert [s.placeholder for s in result.spans if s.type == "PERSON"] == [
        "[CHILD 1]",
        "[PARENT 1]",
        "[PROFESSIONAL 1]",
        "[PERSON 1]",
    ]


def test_redacting_redacted_text_is_a_no_op() -> None:
    source = (
        "Mum, Sarah Pickering, rang from 07700 900731 about Tyler (DOB 19/07/2011, NHS 252 760 1898) "
        "at Greenhill Primary School; email k.mensah.isw@outlook.com, NI JR 63 44 18 C, case CLA-20931."
    )
    once = redact_text(source)
    twice = redact_text(once.text)
    assert twice.text == once.text
    assert twice.spans == ()


def test_new_names_added_to_a_redacted_preview_are_numbered_after_existing_placeholders() -> None:
    edited = "[CHILD 1] was seen by [PROFESSIONAL 1]. Later Kieran Pope, 15, was moved."
    result = redact_text(edited)
    assert result.text == "[CHILD 1] was seen by [PROFESSIONAL 1]. Later [CHILD 2], 15, was moved."


@pytest.mark.parametrize(
    ("source", "found", "kind"),
    [
        ("Mum's mobile is 07700 900731 if needed.", "07700 900731", "PHONE"),
        ("Call +44 7700 900123 today.", "+44 7700 900123", "PHONE"),
        ("The office is on (01632) 960123.", "(01632) 960123", "PHONE"),
        ("Landline 020 7946 0123 rang out.", "020 7946 0123", "PHONE"),
        ("Sent to cpconference@northvale.gov.uk yesterday.", "cpconference@northvale.gov.uk", "EMAIL"),
        ("Medication (NHS no 628 194 8211) changed.", "628 194 8211", "NHS_NUMBER"),
        ("NHS number 6281948211 on the letter.", "6281948211", "NHS_NUMBER"),
        ("His NI number, JM 82 41 07 D, was wrong.", "JM 82 41 07 D", "NI_NUMBER"),
        ("NI JR634418C on file.", "JR634418C", "NI_NUMBER"),
        ("National insurance: JR-63-44-18-C, not on the form.", "JR-63-44-18-C", "NI_NUMBER"),
        ("her ni no is jr 63 44 18 c apparently", "jr 63 44 18 c", "NI_NUMBER"),
        ("NI number QQ 12 34 56 C (the example prefix).", "QQ 12 34 56 C", "NI_NUMBER"),
        ("NI no. JR 63 44 18, suffix not given.", "JR 63 44 18", "NI_NUMBER"),
        ("NI: JR 634 418 C", "JR 634 418 C", "NI_NUMBER"),
        ("They live at Thorne DN8 4JR now.", "DN8 4JR", "POSTCODE"),
        ("A contact (MASH-118830) was closed.", "MASH-118830", "CASE_ID"),
        ("Court number LS23C50112 was misfiled.", "LS23C50112", "CASE_ID"),
        ("He has a second record (1183047) too.", "1183047", "CASE_ID"),
        ("CH-23-04417 was NFA'd.", "CH-23-04417", "CASE_ID"),
        ("Seen on 14/03 by the nurse.", "14/03", "DATE"),
        ("DOB 22/09/2015 recorded.", "22/09/2015", "DATE"),
        ("The hearing on 3rd March 2024 moved.", "3rd March 2024", "DATE"),
        ("The hearing on March 3rd moved.", "March 3rd", "DATE"),
        ("Filed on 2024-03-03 late.", "2024-03-03", "DATE"),
        (
            "Evicted from Flat 3, 41 Victoria Street, Grimsby on Monday.",
            "Flat 3, 41 Victoria Street, Grimsby",
            "ADDRESS",
        ),
        ("Nobody told Greenhill Primary School about it.", "Greenhill Primary School", "SCHOOL"),
        ("The DSL at St Anne's C of E Primary rang.", "St Anne's C of E Primary", "SCHOOL"),
        ("Contact from Little Acorns Day Nursery came in.", "Little Acorns Day Nursery", "SCHOOL"),
    ],
)
def test_structured_types_are_found_with_their_boundaries(source: str, found: str, kind: str) -> None:
    result = redact_text(source)
    assert (found, kind) in spans_of(result, source)
    assert found not in result.text


@pytest.mark.parametrize(
    "source",
    [
        "My team manager and the health visitor agreed with the IRO and the DSL.",
        "The ICPC and RCPC went ahead; MASH, LADO and PLO were discussed with CAIT.",
        "Police and the NHS trust were invited; Cafcass replied last Tuesday.",
        "The social worker visited on Friday and again in the summer, 24/7 support was offered.",
        "We may ask the Virtual School and the Family Court about page 214 of 350.",
    ],
)
def test_job_titles_agencies_acronyms_and_vague_dates_are_kept(source: str) -> None:
    result = redact_text(source)
    assert result.spans == ()
    assert result.text == source


def test_names_found_from_context_cues() -> None:
    source = (
        "For an unannounced visit to Mrs Tesfaye I used the phone line. "
        "Before the RCPC for the Adeyemi children we met. Yonas Haile, 19, speaks Tigrinya."
    )
    result = redact_text(source)
    assert [t for t, k in spans_of(result, source) if k == "PERSON"] == ["Tesfaye", "Adeyemi", "Yonas Haile"]


def test_empty_and_missing_fields() -> None:
    result = redact_fields({"narrative": "", "what_would_help": ""})
    assert result == {"narrative": Redaction("", ()), "what_would_help": Redaction("", ())}


def test_redact_jsonl_outputs_contract_and_reports_bad_lines_by_number() -> None:
    lines = [
        json.dumps({"id": "a", "text": "Rang Sandra Okafor on 07700 900123."}),
        "not json",
        "",
        json.dumps({"id": "b"}),
        json.dumps({"id": "c", "text": "Nothing personal."}),
    ]
    errors: list[BadLine] = []
    out = [json.loads(line) for line in redact_jsonl(lines, on_bad_line=errors.append)]
    assert out[0] == {
        "id": "a",
        "redacted": "Rang [PERSON 1] on [PHONE 1].",
        "spans": [{"start": 5, "end": 18, "type": "PERSON"}, {"start": 22, "end": 34, "type": "PHONE"}],
    }
    assert out[1] == {"id": "c", "redacted": "Nothing personal.", "spans": []}
    assert [e.lineno for e in errors] == [2, 4]
    assert "not json" not in str(errors[0])  # the offending text may be personal: never echoed


def test_redact_jsonl_raises_without_a_handler() -> None:
    with pytest.raises(BadLine) as caught:
        list(redact_jsonl(["[1, 2]"]))
    assert caught.value.lineno == 1


def test_one_value_written_two_ways_keeps_one_placeholder() -> None:
    result = redact_text("Mum rang from 07700 900123; later from +44 7700 900123 and 07700 900124.")
    assert [s.placeholder for s in result.spans] == ["[PHONE 1]", "[PHONE 1]", "[PHONE 2]"]


def test_names_joined_by_and_and_roles_behind_titles() -> None:
    source = (
        "An allegation against foster carers Mark and Janet Dyson was unfounded. "
        "The foster carer, Mrs Jean Cartwright, rang."
    )
    result = redact_text(source)
    assert spans_of(result, source) == [("Mark", "PERSON"), ("Janet Dyson", "PERSON"), ("Jean Cartwright", "PERSON")]
    assert [s.placeholder for s in result.spans] == ["[CARER 1]", "[CARER 2]", "[CARER 3]"]


@pytest.mark.parametrize(
    "source",
    [
        "Victoria line delays made me late for Rowan House.",
        "We used Signs of Safety and a Family Group Conference at Chester Zoo.",
        "Father: Unknown.",
        "The 10/10 rating and 16:30-17:00 slot, s47 and COVID-19, 64% of 518.",
    ],
)
def test_places_organisations_and_numbers_that_are_not_personal(source: str) -> None:
    assert redact_text(source).spans == ()


def test_names_outside_the_gazetteer_found_from_what_only_people_have() -> None:
    source = "Oluwaseun's mum rang. Dad (Gethin) refused entry. Zephyrine Okonjo-Adebayo was not seen."
    result = redact_text(source)
    assert spans_of(result, source) == [
        ("Oluwaseun", "PERSON"),
        ("Gethin", "PERSON"),
        ("Zephyrine Okonjo-Adebayo", "PERSON"),
    ]
    assert result.spans[1].placeholder == "[PARENT 1]"


@pytest.mark.parametrize(
    ("source", "found", "kind"),
    [
        ("The new address is ky9 2wd, not the old one.", "ky9 2wd", "POSTCODE"),
        # Letters Royal Mail never issues in those places, as typed from memory: still a postcode.
        ("Moved to TF9 4KM with her nan.", "TF9 4KM", "POSTCODE"),
        ("Her old postcode QV1 2CI is on the form.", "QV1 2CI", "POSTCODE"),
        ("Ticket ref Q7R3T9W2 was raised.", "Q7R3T9W2", "CASE_ID"),
        ("The form had reference PW518263B on it.", "PW518263B", "CASE_ID"),
        ("Merged with ECL 5520931 by mistake.", "ECL 5520931", "CASE_ID"),
        ("Recorded under case ref 23/4471 on the system.", "23/4471", "CASE_ID"),
        ("Duplicate file HB-0917 found.", "HB-0917", "CASE_ID"),
        ("Crime number KX/0081562/23 was quoted.", "KX/0081562/23", "CASE_ID"),
        ("Private law case WR23P00871 was listed.", "WR23P00871", "CASE_ID"),
        ("His person ID: 30918 was wrong.", "30918", "CASE_ID"),
        ("Mosaic no. 77402 is the right one.", "77402", "CASE_ID"),
        ("Seen on 8/11 with her brother.", "8/11", "DATE"),
        ("He was born in June 2016 abroad.", "June 2016", "DATE"),
        ("Letter dated 5.6.23 arrived.", "5.6.23", "DATE"),
        ("Moved into Flat 2, Heron Court last month.", "Flat 2, Heron Court", "ADDRESS"),
        ("Staying at Ivy Cottage, Marsh Lane with friends.", "Ivy Cottage, Marsh Lane", "ADDRESS"),
        ("Placed at Room 4, Beech House, Mill Road overnight.", "Room 4, Beech House, Mill Road", "ADDRESS"),
        ("They are at 15-17 Cedar Cres now.", "15-17 Cedar Cres", "ADDRESS"),
        ("Visits were to 42 the Parade, Hollinby.", "42 the Parade, Hollinby", "ADDRESS"),
        ("Dad now lives on Thistle Grove.", "Thistle Grove", "ADDRESS"),
        ("He was moved to Westbrook PRU after that.", "Westbrook PRU", "SCHOOL"),
        ("Referred to Elmside Pupil Referral Unit in May.", "Elmside Pupil Referral Unit", "SCHOOL"),
        ("Ashdown Juniors phoned duty.", "Ashdown Juniors", "SCHOOL"),
        ("Attends Farley Grammar School.", "Farley Grammar School", "SCHOOL"),
        ("A B&B on Kiln Parade, Otterby for now.", "Kiln Parade, Otterby", "ADDRESS"),
        # The next sentence's first word is not a town ("She", "The" after a comma typed for a full stop).
        ("Mum moved to 14 Station Road, The landlord refused.", "14 Station Road", "ADDRESS"),
        ("We visited him at 3 Wren Close, She said he was out.", "3 Wren Close", "ADDRESS"),
        ("Sent home to her flat on Larch Court, Hollinby with a leaflet.", "Larch Court, Hollinby", "ADDRESS"),
        ("They are at 9 Mere End, Thorpe St Edmund tonight.", "9 Mere End, Thorpe St Edmund", "ADDRESS"),
        ("Families at Pitch 40, Gull Point Holiday Park get lost.", "Pitch 40, Gull Point Holiday Park", "ADDRESS"),
        ("A call from Dune View Caravan Park, Caravan 12 came in.", "Dune View Caravan Park, Caravan 12", "ADDRESS"),
        ("Pickers' families live in the Low Moss Farm caravans.", "Low Moss Farm", "ADDRESS"),
        ("His NI number, on the tenancy, was QQ 12 34 56 B.", "QQ 12 34 56 B", "NI_NUMBER"),
        ("Dad (QQ 12 34 56 B on the claim) was there.", "QQ 12 34 56 B", "NI_NUMBER"),
    ],
)
def test_more_structured_forms_are_found(source: str, found: str, kind: str) -> None:
    result = redact_text(source)
    assert (found, kind) in spans_of(result, source)


def test_solid_ni_number_with_a_cue_stays_ni() -> None:
    source = "Her National Insurance number is PW518263B."
    assert spans_of(redact_text(source), source) == [("PW518263B", "NI_NUMBER")]


def test_lower_case_letters_and_digits_are_an_ni_number_only_after_a_cue() -> None:
    source = "We agreed it at 10 am. Room ab 12 34 56 c was booked."
    assert spans_of(redact_text(source), source) == []


@pytest.mark.parametrize(
    "source",
    [
        "COVID-19 meant 12 visits in 2024; see page 214 and para 4.2.",
        "On the 3rd we met again, and the Ferndale estate was mentioned.",
        "Kingsway Children's Centre offered a course; they moved to Leeds.",
        "Meeting in Room 4 at 10:30 with the CP team, scored 9/10.",
        "The ICPC in 2023 and RCPC in 2024 were late.",
        "The hearing on Family Court, Otterby lists was moved.",
        "A farm visit on Monday went well; the farm shop is closed.",
    ],
)
def test_new_structured_patterns_leave_ordinary_text(source: str) -> None:
    assert redact_text(source).spans == ()


@pytest.mark.parametrize(
    ("source", "name"),
    [
        ("I spoke to Gwenllian Prosser-Vaughn's neighbour.", "Gwenllian Prosser-Vaughn"),
        ("Yesterday I met Ffion Bythwood at the office.", "Ffion Bythwood"),
        ("Cathal was seen alone in his room.", "Cathal"),
        ("I spoke to Ruairi about the move.", "Ruairi"),
        ("Mehwish's teacher raised it.", "Mehwish"),
        ("Carer Eirlys Llewellyn rang duty.", "Eirlys Llewellyn"),
        ("mum said jayden was at his dad's.", "Jayden"),
        ("bill said he had not been told.", "Bill"),
        ("I spoke to kyle on the phone.", "Kyle"),
    ],
)
def test_names_without_gazetteer_or_capitals_found_from_shape_and_cues(source: str, name: str) -> None:
    result = redact_text(source)
    assert name.lower() in [source[s.start : s.end].lower() for s in result.spans if s.type == "PERSON"]


@pytest.mark.parametrize(
    "source",
    [
        "Spoke to Kirklees duty team and told Calderdale EDT.",
        "Asked Ferndale about the youth worker; moved to Eastmere.",
        "Snapchat was used; Ofsted said the service needs work.",
        "then rose said nothing and the baby was seen.",
        "Staff said everyone was tired; police said they would attend.",
    ],
)
def test_name_shape_rules_leave_places_services_and_words(source: str) -> None:
    assert [s for s in redact_text(source).spans if s.type == "PERSON"] == []


# Names in every spelling: accents, decomposed marks, apostrophes, particles.
@pytest.mark.parametrize(
    ("source", "names"),
    [
        ("Home visit to Zoë Okonkwo-Hale today.", ["Zoë Okonkwo-Hale"]),
        ("Saoirse Ní Dhomhnaill rang the duty team.", ["Saoirse Ní Dhomhnaill"]),
        ("Dad (Andrés) said Inés had not slept.", ["Andrés", "Inés"]),
        ("Wiesława Dąbrowska, mum, was not told.", ["Wiesława Dąbrowska"]),
        ("Trần Văn Minh (dad) needed an interpreter.", ["Trần Văn Minh"]),
        ("Mr D’Cruz and Ms O'Loughlin attended.", ["D’Cruz", "O'Loughlin"]),
        ("Mrs McAllister-Ruiz was seen.", ["McAllister-Ruiz"]),
        ("I spoke to Faisal al-Rashidi and Nasser bin Khalid.", ["Faisal al-Rashidi", "Nasser bin Khalid"]),
        ("Anouk van der Heijden, the aunt, attended.", ["Anouk van der Heijden"]),
        ("Mrs de Carvalho rang twice.", ["de Carvalho"]),
        ("Pádraig Ó Ceallaigh, dad, was present.", ["Pádraig Ó Ceallaigh"]),
        ("Bérénice and her brother Ødegård were seen alone.", ["Bérénice", "Ødegård"]),
        ("mum said rené was at school.", ["rené"]),
        ("Young carer Ağaoğlu Şükrü rang.", ["Ağaoğlu Şükrü"]),
        ("Σοφία Παπαδοπούλου (mum) attended.", ["Σοφία Παπαδοπούλου"]),
        ("Дмитрий Иванов, dad, rang.", ["Дмитрий Иванов"]),
    ],
)
def test_names_with_non_ascii_letters_are_found(source: str, names: list[str]) -> None:
    result = redact_text(source)
    assert [source[s.start : s.end] for s in result.spans if s.type == "PERSON"] == names
    for name in names:
        assert name not in result.text


def test_decomposed_accents_stay_inside_the_span_and_offsets_index_the_original() -> None:
    precomposed = "I visited Zoë Brennan and Ms Núñez."
    decomposed = "I visited Zoe\u0308 Brennan and Ms Nu\u0301n\u0303ez."
    for source in (precomposed, decomposed):
        result = redact_text(source)
        assert result.text == "I visited [PERSON 1] and Ms [PERSON 2]."
        zoe, nunez = source.index("Zo"), source.index("Ms ") + 3
        assert [(s.start, s.end) for s in result.spans] == [
            (zoe, source.index(" and")),
            (nunez, len(source) - 1),
        ]
        assert "\u0308" not in result.text and "\u0301" not in result.text


def test_accent_folded_mentions_of_one_person_share_a_placeholder() -> None:
    source = "Zoë Brennan (8) was seen. Later Zoe said Zoe\u0308 was hungry; Zoë's mum agreed."
    result = redact_text(source)
    people = [s for s in result.spans if s.type == "PERSON"]
    assert len(people) == 4
    assert {s.placeholder for s in people} == {"[CHILD 1]"}
    fields = redact_fields({"narrative": "Mum (Chloé) was upset.", "what_would_help": "Ask Chloe first."})
    assert fields["narrative"].spans[0].placeholder == fields["what_would_help"].spans[0].placeholder


@pytest.mark.parametrize(
    "source",
    [
        "The family moved to Zürich in May.",
        "Mum took the children on a visit to Kraków and Łódź.",
        "They met at Café Nero; déjà vu for the IRO.",
        "Dad works at the Crèche on Tuesdays.",
        "The NSPCC, CAMHS and Ofsted were told; the Müller yoghurt was out of date.",
        "Résumé sent to the Jobcentre; she speaks Français and Polish.",
        "The Head of Service and the Team Manager met the Designated Officer.",
    ],
)
def test_accented_places_words_and_agencies_stay(source: str) -> None:
    assert [s for s in redact_text(source).spans if s.type == "PERSON"] == []


@pytest.mark.parametrize(
    ("source", "found", "kind"),
    [
        ("She attends St Thérèse Catholic Primary School in Leeds.", "St Thérèse Catholic Primary School", "SCHOOL"),
        ("They live at 14 Bretón Road, Hulme.", "14 Bretón Road, Hulme", "ADDRESS"),
    ],
)
def test_accented_schools_and_streets_are_found_whole(source: str, found: str, kind: str) -> None:
    assert spans_of(redact_text(source), source) == [(found, kind)]

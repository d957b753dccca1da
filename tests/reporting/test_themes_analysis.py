"""Behaviour of the pure theme-engine analysis code (no database)."""

from __future__ import annotations

import numpy as np
import pytest

from reporting.analysis import themes as th
from reporting.analysis import vectorise as vz

# Three invented topics, written for these tests (not taken from any data set).
TOPICS = {
    "interp": [
        "The {a} interpreter booked for the visit spoke the wrong dialect so the parent did not understand.",
        "No interpreter was available at short notice; we used the phone language line on speaker at the door.",
        "Interpreter cancelled again and the child translated for the parent, which should never happen.",
        "The translation of the plan arrived weeks late and the family could not read the {a} version.",
    ],
    "court": [
        "The court bundle was filed late because the statement was written the night before the hearing.",
        "Judge criticised the chronology at the hearing; legal asked for the statement two days before.",
        "Care proceedings timetable slipped because the parenting assessment was not filed by the deadline.",
        "The guardian raised the late statement at the hearing and the court adjourned for {a} weeks.",
    ],
    "it": [
        "The recording system timed out and the visit notes were lost before they could be saved.",
        "Laptop would not log in so I typed the notes on paper and uploaded them at the office later.",
        "The case management system crashed during upload and the form had to be typed up again.",
        "Autosave does not work on the {a} form, so notes are lost whenever the session times out.",
    ],
}


def _corpus(copies: int = 3) -> tuple[list[th.ThemeDoc], dict[th.DocId, str]]:
    docs: list[th.ThemeDoc] = []
    truth: dict[th.DocId, str] = {}
    fillers = ["first", "second", "third", "new", "old", "short", "long"]
    for topic, lines in TOPICS.items():
        for c in range(copies):
            for j, line in enumerate(lines):
                doc_id = f"{topic}-{c}-{j}"
                text = line.format(a=fillers[(c + j) % len(fillers)])
                docs.append(th.ThemeDoc(doc_id, vz.encode(vz.vectorise(narrative=text))))
                truth[doc_id] = topic
    return docs, truth


def test_vector_roundtrip_and_stability() -> None:
    v1 = vz.vectorise(narrative="ICPC went ahead without the police", what_would_help="invite CAIT")
    v2 = vz.vectorise(narrative="ICPC went ahead without the police", what_would_help="invite CAIT")
    blob = vz.encode(v1)
    back = vz.decode(blob)
    assert np.array_equal(back.indices, v2.indices)
    assert np.allclose(back.values, v2.values)
    assert vz.representation_version(blob) == vz.REPRESENTATION_VERSION


def test_acronyms_and_concepts_link_jargon_to_plain_words() -> None:
    jargon = vz.vectorise(narrative="The TM said the ICPC was quorate without the HV.")
    plain = vz.vectorise(narrative="The team manager said the conference went ahead without the health visitor.")
    unrelated = vz.vectorise(narrative="The foster carers were not told about the placement move.")
    assert th.cosine(jargon, plain) > th.cosine(jargon, unrelated)


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        # "Partner" is an agency in one sense and a parent's partner in the other.
        ("We shared it with partner agencies at the partnership meeting.", "partner_agency", "domestic_abuse"),
        ("Mum's partner was arrested after the call out.", "domestic_abuse", "partner_agency"),
        # A learning disability is not learning from incidents.
        ("He has a learning disability and an EHCP.", "disability", "learning_culture"),
        # A child's contact with a parent is not a contact to the front door.
        ("Supervised contact with dad went well.", "family_time", "front_door"),
        # Areas with no report in the sample still have their shared vocabulary.
        ("The PEP was late and he is on a part-time timetable.", "education", None),
        ("Baby was not brought to appointments; home conditions were poor.", "neglect", None),
        ("The school contact was screened at the MASH.", "front_door", None),
        # A manager as the actor says nothing; what managers do with decisions does.
        ("My team manager visited the family with me.", None, "management"),
        ("The TM signed off the plan without reading it.", "management", None),
        ("The referral did not meet the threshold and was stepped down.", "threshold", None),
        ("After the incident we held a debrief with no blame.", "learning_culture", None),
        # Everyday words that are also jargon: only the jargon sense counts.
        ("The TM signed off the plan ten minutes later.", None, "language"),
        ("We booked a sign language interpreter.", "language", None),
        ("The information was missing from the file.", None, "exploitation_missing"),
        ("She went missing from her placement overnight.", "exploitation_missing", None),
        ("Dad moved the car and the call ended.", None, "placement"),
        ("He has a hearing impairment.", "language", "court"),
        ("The call came in at 11pm on a Friday.", None, "out_of_hours"),
        # Systemic topics a department's reports may centre on, beyond any one sample.
        ("Mum's new partner moved in the week he was released from prison.", "household_change", None),
        ("The case transferred in from another local authority without the file.", "transfers", None),
        ("Dad threatened the last worker and there are two dogs; I visited alone.", "staff_safety", None),
        ("The assessment was sent to the wrong address, unredacted.", "data_breach", None),
        ("Mum kept cancelling visits and we took her word that things were fine.", "family_engagement", None),
        ("His initial health assessment was late and his medication ran out.", "health_care", None),
        ("The UASC's age assessment was disputed and the Home Office lost his papers.", "immigration", None),
        ("The carers had no delegated authority to sign for the school trip.", "delegated_authority", None),
        ("The family had no heating and were using a food bank.", "poverty", None),
        ("Nobody asked him what he wanted; he has never had an advocate.", "child_voice", None),
        ("He was cuckooed and carrying a knife.", "exploitation_missing", None),
        # An allegation against a parent is not an allegation against staff.
        ("The girl made an allegation against her stepfather.", None, "allegations"),
        ("There was an allegation against a foster carer and the LADO was told.", "allegations", None),
        # Round two of coverage: topics across the field, each with a word in another sense.
        ("Dad was never contacted and nobody assessed the male carer.", "fathers_men", None),
        ("Her religion and cultural needs were not considered; she was adultified.", "identity_diversity", None),
        ("The team's culture is defensive.", "learning_culture", "identity_diversity"),
        ("We took mum's account at face value: the rule of optimism.", "reasoning_bias", None),
        ("The police would not agree to a joint investigation and the ABE slipped.", "cp_enquiry", None),
        # The enquiry as the setting of a report about something else.
        ("During the S47 the interpreter did not arrive.", "language", "cp_enquiry"),
        ("The plan drifted and this is her second child protection plan.", "plan_drift", None),
        ("There was no secure bed, so a DoL order was sought from the High Court.", "secure_dol", None),
        ("The minutes went by secure email.", None, "secure_dol"),
        ("The care plan was not updated and he has drifted under S20 for years.", "care_planning", None),
        ("His EHCP was reviewed at school.", None, "care_planning"),
        ("The viability assessment took months and there was no Reg 24 temporary approval.", "kinship_care", None),
        ("Nobody knew she was privately fostered by a family friend.", "private_fostering", "placement"),
        ("The section 7 report in private law was late; the parental conflict was high.", "private_law", None),
        ("I was burnt out and team morale is low.", "staff_wellbeing", None),
        ("Mum was stressed and exhausted.", None, "staff_wellbeing"),
        ("His emotional wellbeing was not assessed.", None, "staff_wellbeing"),
        ("The worker acted in good faith.", None, "identity_diversity"),
        ("The child overheard the argument.", None, "workplace"),
        ("The health visitor noted faltering growth and head lice.", "neglect", None),
        ("The referral came in after hours and night duty had no one free.", "out_of_hours", None),
        ("She was trafficked for modern slavery.", "exploitation_missing", None),
        ("After the restructure the two teams were merged.", "restructure", None),
        ("The local procedures were out of date and contradicted Working Together 2023.", "procedures_guidance", None),
        ("The agencies were working together well.", None, "procedures_guidance"),
        ("The night staff did not pass it on at shift handover.", "residential_shifts", None),
        ("Baby died while co-sleeping on the sofa; CDOP looked at safe sleep advice.", "safe_sleep", None),
        ("The family support worker from the family hub became lead professional.", "early_help", None),
        ("She is a young carer for her mum.", "young_carers", "placement"),
        ("The young carer assessment was late.", "young_carers", "carer_support"),
        ("The school used the escalation policy after a professional disagreement.", "professional_challenge", None),
        ("There was no private room at the hot desk office, so the call was overheard.", "workplace", None),
        ("The case file audit found the plan was out of date.", "quality_assurance", None),
        ("We waited three weeks for resource panel to agree the funding.", "resources", None),
        ("NAI in a non-mobile baby; a skeletal survey was done.", "child_health_injury", None),
        # A pupil suspended from school is not a member of staff suspended.
        ("He was suspended from school for a week.", "education", "learning_culture"),
        ("The worker was suspended pending the investigation.", "learning_culture", "education"),
        ("The YP told her FSW about the APVA at home.", "domestic_abuse", None),
        ("The YP told her FSW about the APVA at home.", "early_help", None),
        # An acronym names its own concept only: a SARC is not a referral or a domestic assault.
        ("The SARC appointment was missed.", "sexual_abuse", "front_door"),
        ("The SARC appointment was missed.", None, "domestic_abuse"),
        # Round three: topics departments report on that had no group of their own.
        ("After the data migration the new system went live with the sibling links missing.", "recording_system", None),
        ("The family migrated to the UK and her migration status is unclear.", None, "recording_system"),
        ("An adult he met online blackmailed him over images: sextortion.", "online_harm", None),
        ("The family were evicted and placed in temporary accommodation.", "housing", None),
        ("The parent attended the review.", None, "housing"),
        ("He turned 18 and his transition to adult social care was not planned.", "transition_adulthood", None),
        ("Her transition to secondary school went well.", None, "transition_adulthood"),
        ("Whereabouts unknown: the family had moved on to a caravan on a holiday park.", "mobile_families", None),
        ("Her mobile phone was broken.", None, "mobile_families"),
        (
            "He was placed here by another local authority and the placing social worker never rang.",
            "cross_border_placement",
            None,
        ),
        ("She was placed with foster carers near her school.", None, "cross_border_placement"),
        ("Half the team were on annual leave and there was no cover plan.", "workload", None),
        ("He was granted leave to remain.", None, "workload"),
        ("Children placed by other LAs were not on our list.", "cross_border_placement", None),
        (
            "He has been out of school for two years and nobody sought an education supervision order.",
            "education",
            None,
        ),
        ("The attendance data showed 40% this term.", "education", "meeting"),
        ("She attended the strategy meeting.", "meeting", "education"),
        ("He was found at the station with two phones and large amounts of cash.", "exploitation_missing", None),
        ("I made two phone calls to the school.", None, "exploitation_missing"),
        ("Dad was doing the school run.", None, "exploitation_missing"),
    ],
)
def test_concept_cues_follow_the_domain_sense(text: str, present: str | None, absent: str | None) -> None:
    found = vz.concepts(vz.normalise(text))
    if present:
        assert present in found
    if absent:
        assert absent not in found


def test_the_reporters_suggestion_weighs_more_than_narrative_words() -> None:
    bag = vz.features(narrative="caseload", what_would_help="supervision")
    assert bag["w:supervision"] > bag["w:caseload"]


def test_build_recovers_distinct_topics_and_chooses_k() -> None:
    docs, truth = _corpus()
    build = th.build_themes(docs)
    assert 2 <= build.chosen_k <= len(docs) // th.MIN_THEME_SIZE
    # Each sizeable theme is dominated by one topic.
    for theme in build.themes:
        topics = [truth[m] for m in theme.member_ids]
        top = max(set(topics), key=topics.count)
        assert topics.count(top) / len(topics) >= 0.75
    themed = sum(len(t.member_ids) for t in build.themes)
    assert themed + len(build.unthemed_ids) == len(docs)


def test_identity_survives_a_rebuild_with_more_reports() -> None:
    docs, _ = _corpus(copies=3)
    first = th.build_themes(docs, k=3)
    previous = [th.PreviousTheme(id=f"T{t.key}", member_ids=frozenset(t.member_ids)) for t in first.themes]
    more, _ = _corpus(copies=4)
    second = th.build_themes(more, previous, k=3)
    before = {m: f"T{t.key}" for t in first.themes for m in t.member_ids}
    after = {m: t.id for t in second.themes for m in t.member_ids}
    kept = sum(1 for m, tid in before.items() if after.get(m) == tid)
    assert kept / len(before) >= 0.9
    assert {link.kind for link in second.lineage} <= {"continued", "split", "merged", "retired"}
    assert any(link.kind == "continued" for link in second.lineage)


def test_constraints_pins_excluded_and_locked_themes() -> None:
    docs, _ = _corpus()
    excluded = frozenset({"court-0-0"})
    pinned: dict[th.DocId, th.ThemeId] = {"it-0-0": "PANEL-A", "interp-0-0": "PANEL-A"}  # the panel put these together
    locked = th.PreviousTheme(id="LOCKED", member_ids=frozenset({"court-1-1", "court-2-2", "it-1-1"}), locked=True)
    build = th.build_themes(docs, [locked], th.Constraints(pinned=pinned, excluded=excluded))
    members = {t.id: set(t.member_ids) for t in build.themes if t.id is not None}
    assert {"it-0-0", "interp-0-0"} <= members["PANEL-A"]
    assert {"court-1-1", "court-2-2", "it-1-1"} <= members["LOCKED"]
    everywhere = {m for t in build.themes for m in t.member_ids} | set(build.unthemed_ids)
    assert "court-0-0" not in everywhere


def test_lineage_records_a_split() -> None:
    docs, truth = _corpus()
    # Previous build had interpreters and court as one theme: it must be split now.
    prev = [
        th.PreviousTheme(id="MIXED", member_ids=frozenset(d for d, t in truth.items() if t in ("interp", "court"))),
        th.PreviousTheme(id="IT", member_ids=frozenset(d for d, t in truth.items() if t == "it")),
    ]
    build = th.build_themes(docs, prev, k=3)
    from_mixed = [link for link in build.lineage if link.parent == "MIXED"]
    assert len(from_mixed) >= 2
    assert any(link.kind == "split" for link in from_mixed)
    new_keys = {t.key: f"new-{t.key}" for t in build.themes if t.id is None}
    resolved = th.resolve_lineage(build, new_keys)
    assert all(not isinstance(link.child, th.NewTheme) for link in resolved)


def test_assignment_model_roundtrip_and_nearest_theme() -> None:
    docs, truth = _corpus()
    build = th.build_themes(docs, k=3)
    model = th.decode_model(th.encode_model(build.model))
    assert model.theme_keys == build.model.theme_keys
    # Worded like the theme's members: in this toy corpus every member is a
    # near-copy of a few lines, so the cut-off (the least typical 8% of themed
    # members) sits above 0.9 and a free paraphrase can fall just under it.
    new = vz.vectorise(narrative=TOPICS["interp"][1] + " The family waited.")
    got = th.assign_to_theme(new, model)
    assert got.theme_key is not None
    theme = next(t for t in build.themes if t.key == got.theme_key)
    assert sum(truth[m] == "interp" for m in theme.member_ids) > len(theme.member_ids) / 2
    off_topic = vz.vectorise(narrative="Quarterly budget spreadsheet for the canteen refurbishment.")
    assert th.assign_to_theme(off_topic, model).theme_key is None


def test_near_duplicates_found_but_not_same_topic_reports() -> None:
    a = vz.vectorise(narrative="The recording system timed out and the visit notes were lost before saving.")
    b = vz.vectorise(narrative="The recording system timed out and the visit notes were lost before saving!")
    c = vz.vectorise(narrative="Laptop would not log in so I typed the notes on paper.")
    hits = th.find_near_duplicates(a, [("b", b), ("c", c)])
    assert [h[0] for h in hits] == ["b"]


def test_keywords_title_and_excerpts_are_readable() -> None:
    docs, truth = _corpus()
    build = th.build_themes(docs, k=3)
    texts: dict[th.DocId, str] = {}
    for topic, lines in TOPICS.items():
        for c in range(3):
            for j, line in enumerate(lines):
                texts[f"{topic}-{c}-{j}"] = line.format(a="x")
    theme = max(build.themes, key=lambda t: sum(truth[m] == "court" for m in t.member_ids))
    kw = th.keywords(theme, {d: (texts[d], "", "") for d in theme.representative_ids})
    assert kw and all(isinstance(k, str) and k for k in kw)
    assert any(k in ("court", "hearing", "statement", "bundle", "filed") or "court" in k for k in kw)
    assert th.title_from_keywords(kw)[0].isupper()
    excerpts = th.representative_excerpts(theme, texts, count=3)
    assert len(excerpts) == 3
    assert all(len(e) <= 220 for _, e in excerpts)


def test_excerpt_cuts_at_sentence_end() -> None:
    text = "First sentence here. " * 30
    out = th.excerpt(text, max_chars=60)
    assert out.endswith(".") and len(out) <= 60


def test_candidate_ks_grow_with_n_and_are_bounded() -> None:
    assert th.candidate_ks(3) == [1]
    small, large = th.candidate_ks(240), th.candidate_ks(1_000_000)
    assert min(small) >= 2 and max(small) <= 240 // th.MIN_THEME_SIZE
    assert max(large) <= th.MAX_THEMES


def test_an_acronym_counts_its_concept_once() -> None:
    # The jargon must not outweigh the plain words for the same thing.
    assert vz.concepts(vz.normalise("MASH")) == vz.concepts(vz.normalise("the front door")) == {"front_door": 1}
    assert vz.concepts(vz.normalise("EDT"))["out_of_hours"] == 1


def test_stemming_merges_doubled_consonants_but_keeps_short_words() -> None:
    assert vz._stem("stopped") == vz._stem("stopping") == vz._stem("stop") == "stop"
    assert vz._stem("planned") == "plan"
    assert vz._stem("called") == "call"
    assert vz._stem("missed") == "miss"
    assert vz._stem("added") == "add"


def test_a_word_never_shares_a_concept_column() -> None:
    # The build weights concept columns apart from words, so a word hashed onto
    # one would be weighted as that concept in every report using it.
    reserved = set(vz.concept_columns().tolist())
    assert len(reserved) == len(vz._CONCEPTS)
    colliding = next(f"w:x{i}" for i in range(10**6) if vz._hash_column(f"w:x{i}") in reserved)
    moved = vz.feature_index(colliding)
    assert moved not in reserved
    assert moved == vz.feature_index(colliding)  # stable: stored vectors must not change between calls


def test_every_concept_group_has_a_title() -> None:
    assert set(vz.CONCEPT_TITLES) == set(vz._CONCEPTS)


def test_acronyms_that_are_english_words_only_match_in_capitals() -> None:
    assert "information technology" not in vz.normalise("It said it would send it later.")
    assert "information technology" in vz.normalise("IT said the laptop was faulty.")
    assert "special educational needs" not in vz.normalise("Please send the minutes.")
    assert "special educational needs" in vz.normalise("She has SEND and an EHCP.")


def test_concept_block_carries_its_share_of_the_weight() -> None:
    counts = vz.stack([vz.vectorise(narrative="The interpreter spoke the wrong dialect at the conference.")])
    compact, columns = th._compact(counts)
    x = th._tfidf(compact, np.ones(len(columns), np.float32), th._concept_mask(columns))
    mask = th._concept_mask(columns)[x.indices]
    assert np.isclose(float((x.data[mask] ** 2).sum()), th.CONCEPT_SHARE, atol=1e-4)
    assert np.isclose(float((x.data**2).sum()), 1.0, atol=1e-4)


def _built(top_features: tuple[int, ...]) -> th.BuiltTheme:
    return th.BuiltTheme(
        key=0, id=None, member_ids=("a",), similarities=(1.0,), representative_ids=("a",), top_features=top_features
    )


def test_theme_titles_name_the_most_distinctive_concept_in_plain_words() -> None:
    columns = {name: column for column, name in vz.concept_of_column().items()}
    built = _built((123, columns["placement"], 456, columns["court"]))

    title = th.theme_title(built, ["hearing", "placements", "parent", "carer", "move"])

    assert title == "Placements: hearing, parent, carer"


def test_theme_titles_fall_back_to_keywords_without_a_concept() -> None:
    assert th.theme_title(_built((1, 2, 3)), ["inbox", "police", "late"]) == "Inbox, police, late"
    assert th.theme_title(_built(()), []) == "Untitled theme"


def test_keywords_prefer_a_phrase_to_its_words_and_skip_vague_ones() -> None:
    text = "A near miss: the manager's decision happened several times without a near miss review."
    ranked = ["w:several", "w:near", "w:miss", "w:manager's", "b:near miss", "w:happen", "w:decision"]
    theme = th.BuiltTheme(
        key=0,
        id=None,
        member_ids=("a",),
        similarities=(1.0,),
        representative_ids=("a",),
        top_features=tuple(vz.feature_index(f) for f in ranked),
    )
    assert th.keywords(theme, {"a": (text, "", "")}) == ["near miss", "manager", "decision"]


def test_the_build_space_averages_the_concept_and_word_views() -> None:
    rng = np.random.default_rng(0)
    concept, words = rng.normal(size=(6, 5)).astype(np.float32), rng.normal(size=(6, 4)).astype(np.float32)

    def cosines(view: np.ndarray) -> np.ndarray:
        unit = view / np.linalg.norm(view, axis=1, keepdims=True)
        return unit @ unit.T

    joined = th._join([concept, words])
    expected = (1 - th.WORD_VIEW) * cosines(concept) + th.WORD_VIEW * cosines(words)
    assert 0 < th.WORD_VIEW < 1
    assert np.allclose(joined @ joined.T, expected, atol=1e-5)
    # The consensus clusters truncations: each view is cut to its leading components.
    assert np.allclose(th._join([concept, words], 2), th._join([concept[:, :2], words[:, :2]]))

"""Behaviour of the label suggester: answers, evidence, confidence, learning, serialisation.

Texts here are written for the tests, not taken from the sample data.
"""

from __future__ import annotations

import pytest

from reporting.analysis.labels import (
    CHOICES,
    DIMENSIONS,
    LabelInput,
    LabelModel,
    Suggestion,
    suggest,
    suggest_many,
    train,
)

THANKED = (
    "I flagged that the out-of-hours rota had no cover on bank holidays. The duty manager thanked me "
    "for raising it and the rota was changed the same week."
)
SHOT = (
    "When I raised at team meeting that the screening target meant we skipped health checks, I was "
    "told not to make a fuss and that other screeners manage it."
)
NEUTRAL = "Visit to the family went ahead as planned. The carer was at home and the child was at school."


def test_every_dimension_gets_a_valid_suggestion() -> None:
    result = suggest(LabelInput(text=THANKED))
    assert set(result) == set(DIMENSIONS)
    for dim, suggestion in result.items():
        assert isinstance(suggestion, Suggestion)
        assert suggestion.value in CHOICES[dim]
        assert 0.0 <= suggestion.confidence <= 1.0


def test_text_cues_drive_orientation() -> None:
    assert suggest(LabelInput(text=THANKED))["westrum_orientation"].value == "generative"
    assert suggest(LabelInput(text=SHOT))["westrum_orientation"].value == "pathological"


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ("thanked_acted_on", "generative"),
        ("criticised_blamed", "pathological"),
        ("not_able_to_raise", "pathological"),
        ("ignored", "bureaucratic"),
        ("acknowledged_no_change", "bureaucratic"),
    ],
)
def test_reporters_answer_dominates_orientation(answer: str, expected: str) -> None:
    # The text points the other way; the reporter's own account of how it was received wins.
    text = SHOT if expected == "generative" else THANKED
    result = suggest(LabelInput(text=text, raised_at_time=answer))
    assert result["westrum_orientation"].value == expected
    assert any(answer in phrase for phrase in result["westrum_orientation"].evidence)


def test_blamed_answer_points_to_messengers() -> None:
    result = suggest(LabelInput(text=NEUTRAL, raised_at_time="criticised_blamed"))
    assert result["westrum_aspect"].value == "messengers"


def test_text_evidence_is_quoted_from_the_text() -> None:
    for text in (THANKED, SHOT):
        result = suggest(LabelInput(text=text))
        for suggestion in result.values():
            for phrase in suggestion.evidence:
                if phrase.startswith(("reporter answered", "contributing factor")):
                    continue
                assert phrase in text
        assert result["westrum_orientation"].evidence, "a cue-driven label must say why"


def test_empty_text_still_returns_low_confidence_suggestions() -> None:
    result = suggest(LabelInput(text=""))
    for dim, suggestion in result.items():
        assert suggestion.value in CHOICES[dim]
        assert suggestion.confidence < 0.6
        assert suggestion.evidence == ()


def test_suggest_many_matches_suggest() -> None:
    items = [LabelInput(text=THANKED), LabelInput(text=SHOT, raised_at_time="ignored"), LabelInput(text=NEUTRAL)]
    assert suggest_many(items) == [suggest(item) for item in items]
    assert suggest_many([]) == []


def _corrections(n: int) -> list[tuple[LabelInput, dict[str, str]]]:
    """A panel that keeps correcting reports about the recording app to the 'tools' pattern."""
    examples: list[tuple[LabelInput, dict[str, str]]] = []
    for i in range(n):
        examples.append(
            (
                LabelInput(text=f"The mobile recording app crashed again during visit {i} and notes were lost."),
                {"learning_together": "tools", "westrum_aspect": "novelty"},
            )
        )
        examples.append(
            (
                LabelInput(text=f"Supervision was cancelled for the {i}th time because the manager had 40 cases."),
                {"learning_together": "management_systems", "westrum_aspect": "responsibilities"},
            )
        )
    return examples


def test_training_shifts_predictions_towards_corrections() -> None:
    probe = LabelInput(text="The recording app crashed and the visit notes were lost.")
    before = suggest(probe)["westrum_aspect"]
    model = train(_corrections(15))
    after = suggest(probe, model)["westrum_aspect"]
    assert after.value == "novelty"
    if before.value == "novelty":
        assert after.confidence > before.confidence


def test_model_weight_grows_with_corrections() -> None:
    probe = LabelInput(text="The recording app crashed and the visit notes were lost.")
    few = suggest(probe, train(_corrections(2)))["westrum_aspect"]
    many = suggest(probe, train(_corrections(20)))["westrum_aspect"]
    confidence_few = few.confidence if few.value == "novelty" else 0.0
    assert many.value == "novelty"
    assert many.confidence > confidence_few


def test_training_with_a_subset_of_dimensions_leaves_others_to_the_prior() -> None:
    model = train(_corrections(5))
    assert "westrum_orientation" not in model.dimensions
    result = suggest(LabelInput(text=SHOT), model)
    assert result["westrum_orientation"].value == suggest(LabelInput(text=SHOT))["westrum_orientation"].value


def test_model_round_trips_through_bytes() -> None:
    model = train(_corrections(6))
    data = model.to_bytes()
    assert isinstance(data, bytes)
    restored = LabelModel.from_bytes(data)
    items = [LabelInput(text=THANKED), LabelInput(text="The app lost my notes again.")]
    assert suggest_many(items, restored) == suggest_many(items, model)
    assert restored.n_examples == model.n_examples


def test_from_bytes_rejects_foreign_data() -> None:
    with pytest.raises(Exception):  # noqa: B017 - any refusal will do, as long as nothing is loaded
        LabelModel.from_bytes(b"not a model")


def test_negated_blame_is_not_pathological_evidence() -> None:
    text = "No one was blamed when the referral went missing; the manager thanked us and we changed the rota."
    result = suggest(LabelInput(text=text))["westrum_orientation"]
    assert result.value == "generative"
    # "No one was blamed" may itself be quoted as generative evidence; a bare "blamed" may not.
    assert all("No one was blamed" in phrase or "blamed" not in phrase for phrase in result.evidence)


def test_a_good_outcome_in_plain_words_reads_as_generative() -> None:
    text = (
        "The carer said the contact times clashed with school. The rota was sorted and the arrangement "
        "is working better for the children."
    )
    result = suggest(LabelInput(text=text))["westrum_orientation"]
    assert result.value == "generative"
    assert all(phrase in text for phrase in result.evidence)
    assert any("sorted" in phrase or "better" in phrase for phrase in result.evidence)


def test_nothing_improving_is_not_a_good_outcome() -> None:
    result = suggest(LabelInput(text="Nothing has improved since I raised it."))["westrum_orientation"]
    assert result.value != "generative"


def test_negation_changes_the_orientation_but_not_what_the_report_is_about() -> None:
    # "never" right before the tool cue must not hide that the report is about a tool.
    result = suggest(LabelInput(text="The worker never opened the database before the visit."))
    assert result["learning_together"].value == "tools"
    assert any("database" in phrase for phrase in result["learning_together"].evidence)
    # ... while a negated orientation cue still does not count for its class.
    assert suggest(LabelInput(text="Nobody was blamed for the missed visit."))["westrum_orientation"].value != (
        "pathological"
    )


@pytest.mark.parametrize(
    ("text", "dim", "expected"),
    [
        (
            "The case management system timed out twice and the mandatory field would not save.",
            "learning_together",
            "tools",
        ),
        (
            "We took the mother's account at face value and never triangulated it with the school.",
            "learning_together",
            "human_reasoning",
        ),
        (
            "Dad refused entry again and was hostile on the doorstep, so the relationship with the family broke down.",
            "learning_together",
            "family_professional",
        ),
        (
            "With agency staff covering vacancies and caseloads of 30, supervision kept being cancelled.",
            "learning_together",
            "management_systems",
        ),
        (
            "I was told off in front of the team and told not to put it in writing.",
            "westrum_orientation",
            "pathological",
        ),
        (
            "The housing officer said it was not within their remit and referred it back to us.",
            "westrum_orientation",
            "bureaucratic",
        ),
    ],
)
def test_domain_paraphrases_are_recognised(text: str, dim: str, expected: str) -> None:
    assert suggest(LabelInput(text=text))[dim].value == expected


def test_few_corrections_do_not_drag_the_prior_down() -> None:
    """A handful of noisy corrections must not overturn clear cue evidence."""
    noisy = [
        (
            LabelInput(text=f"Routine note {i} about the weekly team meeting and the diary."),
            {"westrum_orientation": ("bureaucratic", "generative")[i % 2]},
        )
        for i in range(6)
    ]
    model = train(noisy)
    probe = LabelInput(text=SHOT)
    assert suggest(probe, model)["westrum_orientation"].value == "pathological"


def test_untrained_model_is_the_prior() -> None:
    model = train([])
    items = [LabelInput(text=THANKED), LabelInput(text=SHOT)]
    assert [{d: s.value for d, s in r.items()} for r in suggest_many(items, model)] == [
        {d: s.value for d, s in r.items()} for r in suggest_many(items)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The hospital discharge summary arrived three weeks late and the GP never received a copy, "
            "so nobody knew about the new medication.",
            "cooperation",
        ),
        (
            "I raised my worry about the rota with my manager and was told not to rock the boat.",
            "messengers",
        ),
        (
            "The placement plan was nobody's job: the team said it was the carers' responsibility and the "
            "carers said it was ours.",
            "responsibilities",
        ),
        (
            "When the family moved out of the area nobody told the receiving authority, and the hand-over "
            "between the two teams never happened.",
            "bridging",
        ),
        (
            "After the incident the response was a new rule and a disciplinary for the worker involved.",
            "failure",
        ),
        (
            "I suggested trialling a one-page plan written with the young person; the idea was knocked back "
            "because it was not approved.",
            "novelty",
        ),
    ],
)
def test_aspect_follows_what_the_report_is_about(text: str, expected: str) -> None:
    assert suggest(LabelInput(text=text))["westrum_aspect"].value == expected


def test_other_dimensions_only_tip_a_report_without_clear_aspect_cues() -> None:
    # Strong multi-agency-incident wording must not override a clear messenger story.
    text = (
        "At the strategy discussion with police after the child went missing overnight, I raised that the "
        "school had not been invited, and I was told not to make a fuss."
    )
    assert suggest(LabelInput(text=text))["westrum_aspect"].value == "messengers"


def test_corrections_unrelated_to_the_text_do_not_overturn_the_prior() -> None:
    """Labels the text cannot predict may soften confidence in the cues, never flip a suggestion."""
    texts = [THANKED, SHOT, NEUTRAL]
    aspects = CHOICES["westrum_aspect"]
    noise = [
        (LabelInput(text=f"{texts[i % 3]} Entry {i}."), {"westrum_aspect": aspects[(i // 3) % len(aspects)]})
        for i in range(48)
    ]
    model = train(noise)
    probes = [LabelInput(text=t) for t in texts]
    assert [r["westrum_aspect"].value for r in suggest_many(probes, model)] == [
        r["westrum_aspect"].value for r in suggest_many(probes)
    ]


# One report per cell of Westrum's table (aspect x orientation), each worded as staff might write it.
WESTRUM_CELLS = [
    (
        "The hospital social worker knew about the previous admission and kept it to herself; she said we "
        "were on a need to know basis.",
        "cooperation",
        "pathological",
    ),
    (
        "The police would only share the call-out log once a formal disclosure request was signed off, "
        "which took eleven days.",
        "cooperation",
        "bureaucratic",
    ),
    (
        "The midwife rang us as soon as baby was born and kept us updated every day until discharge.",
        "cooperation",
        "generative",
    ),
    (
        "I challenged the decision to close the case and was told in supervision that I was not a team player. "
        "I did not bring it up again.",
        "messengers",
        "pathological",
    ),
    (
        "We mentioned the parking problem at every team meeting for a year; it was minuted each time and nothing "
        "happened.",
        "messengers",
        "bureaucratic",
    ),
    (
        "The foster carer spoke up about the contact arrangements and the IRO made a point of thanking her.",
        "messengers",
        "generative",
    ),
    (
        "Education said it was social care's job to arrange the review, the virtual school said it was the SEN "
        "team's, and in the end nobody arranged it.",
        "responsibilities",
        "pathological",
    ),
    (
        "The IRO said chasing the actions was outside her role and that she only records them.",
        "responsibilities",
        "bureaucratic",
    ),
    (
        "When my colleague went off sick the rest of the team pitched in and we agreed who would lead each visit.",
        "responsibilities",
        "generative",
    ),
    (
        "I was told not to contact the school directly and to go through my manager for anything with education.",
        "bridging",
        "pathological",
    ),
    (
        "We can attend the youth offending panel, but only as observers and only if it does not eat into visit time.",
        "bridging",
        "bureaucratic",
    ),
    (
        "The school's safeguarding lead rang round the teams until she found the right worker, and then came to "
        "the home visit with me.",
        "bridging",
        "generative",
    ),
    (
        "When the recording error came to light the senior manager wanted a name, and the admin officer carried "
        "the can.",
        "failure",
        "pathological",
    ),
    (
        "The outcome of the review was that the worker had not followed procedure; she got a written warning and "
        "we all have an extra checklist.",
        "failure",
        "bureaucratic",
    ),
    (
        "After the near miss we had a learning session about what made it easy to miss, not who missed it.",
        "failure",
        "generative",
    ),
    (
        "I suggested a text reminder for core group dates and was told we don't do things like that here.",
        "novelty",
        "pathological",
    ),
    (
        "Our pilot of video reviews has been waiting for information governance approval for five months.",
        "novelty",
        "bureaucratic",
    ),
    (
        "I put forward a one-page profile written with the young person, my manager said give it a go, and it is "
        "now part of every pathway plan.",
        "novelty",
        "generative",
    ),
    # An inquiry that looked at the worker and not at the conditions: blame, not a rule-bound response.
    (
        "After the child was hurt, the review went through the visits I had missed. Nobody asked why I was "
        "carrying 30 cases.",
        "failure",
        "pathological",
    ),
]


@pytest.mark.parametrize(("text", "aspect", "orientation"), WESTRUM_CELLS)
def test_westrum_cells_are_recognised(text: str, aspect: str, orientation: str) -> None:
    result = suggest(LabelInput(text=text))
    assert (result["westrum_aspect"].value, result["westrum_orientation"].value) == (aspect, orientation)
    for dim in ("westrum_aspect", "westrum_orientation"):
        assert result[dim].evidence, "a cue-driven label must say why"
        assert all(phrase in text for phrase in result[dim].evidence)


@pytest.mark.parametrize(
    ("text", "dim", "not_expected"),
    [
        # "nothing happened to the baby" is an outcome, not a concern left unanswered.
        ("The bottle was caught in time and nothing happened to the baby.", "westrum_aspect", "messengers"),
        # A family's own arrangement says nothing about how staff share work.
        ("The parents agreed between themselves who would collect the children.", "westrum_orientation", "generative"),
        # Praise in front of the team is not humiliation.
        ("The manager praised her in front of everyone for spotting it.", "westrum_orientation", "pathological"),
    ],
)
def test_cell_cues_do_not_fire_on_look_alikes(text: str, dim: str, not_expected: str) -> None:
    assert suggest(LabelInput(text=text))[dim].value != not_expected


# What happens to a messenger afterwards, and a change that carries on, in words no department
# owns. Each ambiguous word has a case where it must not count.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "I asked for a second worker on the rota. My manager said I was being dramatic and that if I "
            "kept pushing it she would have to think about my probation.",
            "pathological",
        ),
        (
            "After the review the worker who had flagged the gap was suspended pending investigation. "
            "Two colleagues have stopped writing concerns in supervision notes since.",
            "pathological",
        ),
        (
            "The head said the report would reflect badly on the service and that it was not for our team to "
            "share it with health.",
            "pathological",
        ),
        (
            "Two of us started meeting monthly with the adult team and the service manager asked us to write "
            "it up so other teams can copy it. Keep the monthly meeting going.",
            "generative",
        ),
    ],
)
def test_consequence_and_continuation_families(text: str, expected: str) -> None:
    assert suggest(LabelInput(text=text))["westrum_orientation"].value == expected


@pytest.mark.parametrize(
    "text",
    [
        # A child suspended from school is not a suspended worker.
        "The boy was suspended from school for a week and the school sent a letter home.",
        # "Keep" in a narrative sentence, not a request to continue something that works.
        "Keep the parents informed, the letter said, but nobody had their new address.",
    ],
)
def test_ambiguous_words_stay_in_their_domain_sense(text: str) -> None:
    from reporting.analysis.labels import _score_cues

    scores = _score_cues(text).scores["westrum_orientation"]
    pathological, generative = (
        CHOICES["westrum_orientation"].index("pathological"),
        CHOICES["westrum_orientation"].index("generative"),
    )
    assert scores[pathological] < 1.0
    assert scores[generative] < 1.0


@pytest.mark.parametrize(
    "text",
    [
        "I had more or less decided the baby was safe before the visit, and I took mum's account as the whole "
        "picture. None of us noticed how we had framed it as a housing problem.",
        "Looking back, we stopped seeing him as a child who could be hurt because of his diagnosis. It didn't "
        "feel relevant to ring the school.",
    ],
)
def test_a_worker_reflecting_on_their_own_reading_is_human_reasoning(text: str) -> None:
    assert suggest(LabelInput(text=text))["learning_together"].value == "human_reasoning"


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # Not a language gap: a court hearing, a signed form, a reading of someone's silence.
        ("The final hearing was moved twice and the order was signed by the manager.", "hearing"),
        ("We interpreted her silence as hostility.", "interpreted"),
    ],
)
def test_family_professional_words_keep_their_domain_sense(text: str, word: str) -> None:
    from reporting.analysis.labels import _score_cues

    result = _score_cues(text)
    family = CHOICES["learning_together"].index("family_professional")
    assert not any(word in text[start:end] for _, start, end in result.hits["learning_together"][family])


def test_information_that_never_arrived_is_about_cooperation() -> None:
    text = (
        "The family moved and nobody in the team was told. I found out at the review when the school said he "
        "had left, and mum had to tell the whole history again to the new worker."
    )
    assert suggest(LabelInput(text=text))["westrum_aspect"].value == "cooperation"


def test_a_standing_arrangement_between_agencies_is_longer_term_multi_agency() -> None:
    text = (
        "Since the spring the housing officer joins our team meeting every Tuesday and we keep a shared list of "
        "families at risk of eviction with the school."
    )
    assert suggest(LabelInput(text=text))["learning_together"].value == "multi_agency_longer_term"


def test_a_task_passed_between_parties_is_about_responsibilities() -> None:
    text = (
        "School said the timetable was the local authority's decision. The attendance team said schools would "
        "lead, and nobody had decided who would review it."
    )
    assert suggest(LabelInput(text=text))["westrum_aspect"].value == "responsibilities"


def test_it_does_not_matter_is_not_a_passed_task() -> None:
    from reporting.analysis.labels import _score_cues

    text = "She said it did not matter much and that the visit could wait."
    responsibilities = CHOICES["westrum_aspect"].index("responsibilities")
    assert not _score_cues(text).hits["westrum_aspect"][responsibilities]

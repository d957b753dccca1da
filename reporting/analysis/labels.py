"""Suggest Westrum and Learning Together labels for one learning report.

Two layers, both plain Python over plain data (no ORM):

* a zero-shot prior built from cue phrases written from the domain definitions
  (``_lexicon_labels``), plus the reporter's own answers to the culture questions,
  which are the strongest evidence we have about how their messages were received;
* an optional supervised model (``train``) fitted on the panel's corrections. It
  sees TF-IDF word and character n-grams *and* the cue scores, so it can learn how
  far to trust each cue family in this organisation. Its output is blended with
  the prior, with more weight as corrections per class accumulate.

Every suggestion carries the phrases that drove it, so a panel member can see why
it was given and correct it. Input text is never logged.
"""

from __future__ import annotations

import io
import json
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from scipy import sparse

from reporting.analysis._lexicon_labels import LEXICON

DIMENSIONS: tuple[str, ...] = ("westrum_aspect", "westrum_orientation", "learning_together")

CHOICES: dict[str, tuple[str, ...]] = {
    "westrum_aspect": ("cooperation", "messengers", "responsibilities", "bridging", "failure", "novelty"),
    "westrum_orientation": ("pathological", "bureaucratic", "generative"),
    "learning_together": (
        "multi_agency_incidents",
        "multi_agency_longer_term",
        "human_reasoning",
        "family_professional",
        "tools",
        "management_systems",
    ),
}

RAISED_AT_TIME_CHOICES = (
    "thanked_acted_on",
    "acknowledged_no_change",
    "ignored",
    "criticised_blamed",
    "not_able_to_raise",
)
GOT_WHAT_NEEDED_CHOICES = ("yes", "partly", "no", "not_applicable")
HAPPENED_BEFORE_CHOICES = ("yes", "no", "not_sure")

MAX_EVIDENCE = 3


@dataclass(frozen=True)
class LabelInput:
    text: str
    kind: str = ""
    service_area: str = ""
    contributing_factors: tuple[str, ...] = ()
    raised_at_time: str | None = None
    got_what_needed: str | None = None
    happened_before: str | None = None


@dataclass(frozen=True)
class Suggestion:
    value: str
    confidence: float
    evidence: tuple[str, ...]


# --------------------------------------------------------------------------- zero-shot prior

# Small class priors where the domain gives a default: with no cue at all, an
# organisation that "handles it through the usual channels" is rule-oriented, and
# most systemic reports in children's social care land in management systems.
_PRIOR_LOGITS: dict[str, dict[str, float]] = {
    "westrum_orientation": {"bureaucratic": 0.3},
    "learning_together": {"management_systems": 0.8, "multi_agency_longer_term": 0.3},
    "westrum_aspect": {},
}

# Cue scores are rough log-odds; this softens them into calibrated-ish probabilities.
_ZERO_SHOT_TEMPERATURE = 1.6

# The reporter's answers. Westrum's messengers row maps directly onto how a
# raised concern was received, and the reporter saw it first hand, so the answer
# outweighs any combination of text cues (which top out around 6 log-odds).
_RAISED_BOOSTS: dict[str, dict[str, dict[str, float]]] = {
    "thanked_acted_on": {"westrum_orientation": {"generative": 8.0}, "westrum_aspect": {"messengers": 1.5}},
    "acknowledged_no_change": {"westrum_orientation": {"bureaucratic": 8.0}, "westrum_aspect": {"messengers": 1.0}},
    "ignored": {"westrum_orientation": {"bureaucratic": 8.0}, "westrum_aspect": {"messengers": 1.5}},
    "criticised_blamed": {"westrum_orientation": {"pathological": 8.0}, "westrum_aspect": {"messengers": 3.0}},
    "not_able_to_raise": {"westrum_orientation": {"pathological": 8.0}, "westrum_aspect": {"messengers": 3.0}},
}
_GOT_WHAT_NEEDED_BOOSTS: dict[str, dict[str, dict[str, float]]] = {
    "yes": {"westrum_orientation": {"generative": 1.0}},
    "partly": {"westrum_orientation": {"bureaucratic": 0.5}},
    "no": {"westrum_orientation": {"pathological": 0.5, "bureaucratic": 0.5}},
}
# A problem that keeps recurring is one the organisation has not learned from.
_HAPPENED_BEFORE_BOOSTS: dict[str, dict[str, dict[str, float]]] = {
    "yes": {"westrum_orientation": {"bureaucratic": 0.5, "generative": -0.5}, "westrum_aspect": {"failure": 0.3}},
}

# Structured fields give a weak nudge to the Learning Together pattern.
_SERVICE_AREA_BOOSTS: dict[str, dict[str, float]] = {
    "out_of_hours": {"multi_agency_incidents": 0.8},
    "front_door": {"multi_agency_incidents": 0.5},
    "care_leavers": {"multi_agency_longer_term": 0.3},
    "children_in_care": {"multi_agency_longer_term": 0.2},
}
_FACTOR_KEYWORDS: tuple[tuple[str, str, float], ...] = (
    ("workload", "management_systems", 1.0),
    ("caseload", "management_systems", 1.0),
    ("staff", "management_systems", 0.8),
    ("supervision", "management_systems", 1.0),
    ("management", "management_systems", 0.8),
    ("procedure", "management_systems", 0.5),
    ("system", "tools", 0.8),
    ("it_", "tools", 0.8),
    ("tool", "tools", 1.0),
    ("form", "tools", 0.6),
    ("record", "tools", 0.6),
    ("communication", "family_professional", 0.6),
    ("language", "family_professional", 1.0),
    ("interpret", "family_professional", 1.0),
    ("family", "family_professional", 0.8),
    ("information_sharing", "multi_agency_longer_term", 0.6),
    ("multi_agency", "multi_agency_longer_term", 0.6),
    ("partner", "multi_agency_longer_term", 0.6),
    ("out_of_hours", "multi_agency_incidents", 0.8),
    ("judgement", "human_reasoning", 1.0),
    ("judgment", "human_reasoning", 1.0),
    ("decision", "human_reasoning", 0.5),
    ("bias", "human_reasoning", 1.0),
)


@dataclass(frozen=True)
class _Cue:
    dimension: str
    class_index: int
    pattern: re.Pattern[str]
    weight: float


def _compile_cues() -> dict[str, list[_Cue]]:
    compiled: dict[str, list[_Cue]] = {}
    for dim in DIMENSIONS:
        cues: list[_Cue] = []
        for class_name, entries in LEXICON[dim].items():
            index = CHOICES[dim].index(class_name)
            for pattern, weight in entries:
                cues.append(_Cue(dim, index, re.compile(pattern, re.IGNORECASE), weight))
        compiled[dim] = cues
    return compiled


_CUES = _compile_cues()
_PRIOR_VECTORS = {
    dim: np.array([_PRIOR_LOGITS[dim].get(c, 0.0) for c in CHOICES[dim]], dtype=float) for dim in DIMENSIONS
}

# A hit is (weight, start, end) in the text.
_Hit = tuple[float, int, int]


_N_CUES = sum(len(cues) for cues in _CUES.values())


@dataclass
class _CueResult:
    scores: dict[str, np.ndarray]
    hits: dict[str, list[list[_Hit]]]
    fired: np.ndarray  # one 0/1 entry per cue, in _CUES order: lets the learned model reweight cues


def _score_cues(text: str) -> _CueResult:
    scores: dict[str, np.ndarray] = {}
    hits: dict[str, list[list[_Hit]]] = {}
    fired = np.zeros(_N_CUES)
    position = -1
    for dim in DIMENSIONS:
        dim_scores = np.zeros(len(CHOICES[dim]))
        dim_hits: list[list[_Hit]] = [[] for _ in CHOICES[dim]]
        for cue in _CUES[dim]:
            position += 1
            matches = list(cue.pattern.finditer(text))
            if not matches:
                continue
            fired[position] = 1.0
            # Repeats add a little: "system" five times says more than once, not five times more.
            dim_scores[cue.class_index] += cue.weight * math.sqrt(min(len(matches), 4))
            first = matches[0]
            dim_hits[cue.class_index].append((cue.weight, first.start(), first.end()))
        scores[dim] = dim_scores
        hits[dim] = dim_hits
    return _CueResult(scores, hits, fired)


def _answer_logits(item: LabelInput) -> tuple[dict[str, np.ndarray], dict[str, dict[str, list[str]]]]:
    """Log-odds boosts from the reporter's answers and structured fields, with their evidence."""
    logits = {dim: np.zeros(len(CHOICES[dim])) for dim in DIMENSIONS}
    evidence: dict[str, dict[str, list[str]]] = {dim: {} for dim in DIMENSIONS}

    def apply(table: Mapping[str, Mapping[str, Mapping[str, float]]], answer: str | None, label: str) -> None:
        if not answer or answer not in table:
            return
        for dim, boosts in table[answer].items():
            for class_name, boost in boosts.items():
                logits[dim][CHOICES[dim].index(class_name)] += boost
                if boost > 0:
                    evidence[dim].setdefault(class_name, []).append(f"reporter answered {label}: {answer}")

    apply(_RAISED_BOOSTS, item.raised_at_time, "raised at the time")
    apply(_GOT_WHAT_NEEDED_BOOSTS, item.got_what_needed, "got what they needed")
    apply(_HAPPENED_BEFORE_BOOSTS, item.happened_before, "happened before")

    lt = "learning_together"
    for class_name, boost in _SERVICE_AREA_BOOSTS.get(item.service_area, {}).items():
        logits[lt][CHOICES[lt].index(class_name)] += boost
    for factor in item.contributing_factors:
        lowered = factor.lower()
        for keyword, class_name, boost in _FACTOR_KEYWORDS:
            if keyword in lowered:
                logits[lt][CHOICES[lt].index(class_name)] += boost
                evidence[lt].setdefault(class_name, []).append(f"contributing factor: {factor}")
                break
    return logits, evidence


def _softmax(logits: np.ndarray) -> np.ndarray:
    shifted = logits - logits.max(axis=-1, keepdims=True)
    exp = np.exp(shifted)
    return exp / exp.sum(axis=-1, keepdims=True)


_CLAUSE_BREAK = re.compile(r"[.!?;:\n\"“”()]")


def _clause(text: str, start: int, end: int, reach: int = 70) -> str:
    """The short stretch of text around a cue, cut at punctuation, so staff see it in context."""
    left_limit = max(0, start - reach)
    left = start
    while left > left_limit and not _CLAUSE_BREAK.match(text[left - 1]):
        left -= 1
    if left == left_limit and left > 0:
        space = text.find(" ", left, start)
        left = space + 1 if space != -1 else start
    right_limit = min(len(text), end + reach)
    right = end
    while right < right_limit and not _CLAUSE_BREAK.match(text[right]):
        right += 1
    if right == right_limit and right < len(text):
        space = text.rfind(" ", end, right)
        right = space if space != -1 else end
    return text[left:right].strip(" ,-–—'")


def _text_evidence(text: str, hits: list[_Hit]) -> list[str]:
    phrases: list[str] = []
    for _weight, start, end in sorted(hits, key=lambda h: -h[0]):
        phrase = _clause(text, start, end)
        if phrase and phrase not in phrases:
            phrases.append(phrase)
        if len(phrases) >= MAX_EVIDENCE:
            break
    return phrases


# --------------------------------------------------------------------------- supervised model

_WORD_NGRAMS = (1, 2)
_CHAR_NGRAMS = (3, 5)
_MAX_WORD_FEATURES = 20000
_MAX_CHAR_FEATURES = 0  # char n-grams cost seconds to train and did not help on the development half
# The cue block is dense and few-dimensional; scaling it up lets the regulariser
# treat it as the strong feature it is relative to thousands of sparse n-grams.
_CUE_SCORE_SCALE = 2.0
_CUE_FIRED_SCALE = 1.0
# Weight of the learned model = n / (n + _BLEND_HALF) where n is corrections per class.
_BLEND_HALF = 20.0
_C = 1.0
_MIN_PROB = 1e-4


def _cue_feature_row(result: _CueResult) -> np.ndarray:
    # log1p keeps the dense block on the same scale as the tf-idf block, which the solver needs to converge fast.
    scores = np.log1p(np.concatenate([result.scores[dim] for dim in DIMENSIONS])) * _CUE_SCORE_SCALE
    return np.concatenate([scores, result.fired * _CUE_FIRED_SCALE])


@dataclass
class _DimensionModel:
    classes: tuple[str, ...]
    coef: np.ndarray  # (n_classes, n_features)
    intercept: np.ndarray  # (n_classes,)
    counts: dict[str, int]


@dataclass
class LabelModel:
    """A fitted correction model. Built only by ``train``; round-trips through bytes without pickle."""

    word_vocabulary: tuple[str, ...]
    word_idf: np.ndarray
    char_vocabulary: tuple[str, ...]
    char_idf: np.ndarray
    dimensions: dict[str, _DimensionModel]
    _vectorisers: Any = field(default=None, repr=False, compare=False)

    @property
    def n_examples(self) -> dict[str, int]:
        return {dim: sum(m.counts.values()) for dim, m in self.dimensions.items()}

    def to_bytes(self) -> bytes:
        # numpy's .npz with plain numeric/text arrays only, loaded with allow_pickle=False,
        # so stored bytes can never execute code when read back.
        meta = {
            "format": "lantern-label-model/1",
            "word_vocabulary": list(self.word_vocabulary),
            "char_vocabulary": list(self.char_vocabulary),
            "dimensions": {dim: {"classes": list(m.classes), "counts": m.counts} for dim, m in self.dimensions.items()},
        }
        arrays: dict[str, np.ndarray] = {
            "meta": np.frombuffer(json.dumps(meta).encode("utf-8"), dtype=np.uint8),
            "word_idf": self.word_idf.astype(np.float32),
            "char_idf": self.char_idf.astype(np.float32),
        }
        for dim, model in self.dimensions.items():
            arrays[f"{dim}__coef"] = model.coef.astype(np.float32)
            arrays[f"{dim}__intercept"] = model.intercept.astype(np.float32)
        buffer = io.BytesIO()
        np.savez_compressed(buffer, **arrays)
        return buffer.getvalue()

    @classmethod
    def from_bytes(cls, data: bytes) -> LabelModel:
        with np.load(io.BytesIO(data), allow_pickle=False) as archive:
            meta = json.loads(archive["meta"].tobytes().decode("utf-8"))
            if meta.get("format") != "lantern-label-model/1":
                raise ValueError("not a label model")
            dimensions = {
                dim: _DimensionModel(
                    classes=tuple(info["classes"]),
                    coef=archive[f"{dim}__coef"].astype(np.float64),
                    intercept=archive[f"{dim}__intercept"].astype(np.float64),
                    counts={k: int(v) for k, v in info["counts"].items()},
                )
                for dim, info in meta["dimensions"].items()
            }
            return cls(
                word_vocabulary=tuple(meta["word_vocabulary"]),
                word_idf=archive["word_idf"].astype(np.float64),
                char_vocabulary=tuple(meta["char_vocabulary"]),
                char_idf=archive["char_idf"].astype(np.float64),
                dimensions=dimensions,
            )

    # -- featurising

    def _get_vectorisers(self) -> tuple[Any, Any]:
        if self._vectorisers is None:
            from sklearn.feature_extraction.text import CountVectorizer

            word = CountVectorizer(
                ngram_range=_WORD_NGRAMS, vocabulary={t: i for i, t in enumerate(self.word_vocabulary)}
            )
            char = (
                CountVectorizer(
                    analyzer="char_wb",
                    ngram_range=_CHAR_NGRAMS,
                    vocabulary={t: i for i, t in enumerate(self.char_vocabulary)},
                )
                if self.char_vocabulary
                else None
            )
            self._vectorisers = (word, char)
        return self._vectorisers

    def features(self, texts: Sequence[str], cue_rows: np.ndarray) -> sparse.csr_matrix:
        word, char = self._get_vectorisers()
        char_counts = char.transform(texts) if char is not None else sparse.csr_matrix((len(texts), 0))
        return _assemble_features(word.transform(texts), self.word_idf, char_counts, self.char_idf, cue_rows)


def _tfidf(counts: sparse.spmatrix, idf: np.ndarray) -> sparse.csr_matrix:
    matrix = sparse.csr_matrix(counts, dtype=np.float64)
    matrix.data = np.log1p(matrix.data)  # sublinear tf
    matrix = matrix @ sparse.diags(idf)
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1))).ravel()
    norms[norms == 0] = 1.0
    return sparse.csr_matrix(sparse.diags(1.0 / norms) @ matrix)


def _assemble_features(
    word_counts: sparse.spmatrix,
    word_idf: np.ndarray,
    char_counts: sparse.spmatrix,
    char_idf: np.ndarray,
    cue_rows: np.ndarray,
) -> sparse.csr_matrix:
    return sparse.hstack(
        [_tfidf(word_counts, word_idf), _tfidf(char_counts, char_idf), sparse.csr_matrix(cue_rows)],
        format="csr",
    )


def _fit_vocabulary(texts: Sequence[str], **kwargs: Any) -> tuple[tuple[str, ...], np.ndarray, sparse.spmatrix]:
    from sklearn.feature_extraction.text import CountVectorizer

    min_df = 2 if len(texts) >= 20 else 1
    vectoriser = CountVectorizer(min_df=min_df, **kwargs)
    try:
        counts = vectoriser.fit_transform(texts)
    except ValueError:  # every term below min_df (tiny training sets)
        vectoriser = CountVectorizer(min_df=1, **kwargs)
        counts = vectoriser.fit_transform(texts)
    vocabulary = tuple(sorted(vectoriser.vocabulary_, key=vectoriser.vocabulary_.__getitem__))
    document_frequency = np.bincount(sparse.csr_matrix(counts).indices, minlength=len(vocabulary))
    idf = np.log((1 + len(texts)) / (1 + document_frequency)) + 1.0
    return vocabulary, idf, counts


def train(examples: Sequence[tuple[LabelInput, Mapping[str, str]]]) -> LabelModel:
    """Fit a correction model on labelled reports; each mapping may hold any subset of DIMENSIONS.

    Unknown label values are ignored. A dimension with fewer than two distinct
    corrected classes gets no learned model (the prior is used alone).
    """
    from sklearn.linear_model import LogisticRegression

    texts = [item.text for item, _ in examples]
    n_cue_features = 3 * 6 - 3 + _N_CUES  # 15 class scores + one per cue
    # A report corrected on several occasions appears several times; score its cues once.
    cue_cache: dict[str, np.ndarray] = {}
    for text in texts:
        if text not in cue_cache:
            cue_cache[text] = _cue_feature_row(_score_cues(text))
    cue_rows = np.vstack([cue_cache[t] for t in texts]) if texts else np.zeros((0, n_cue_features))
    if texts:
        word_vocab, word_idf, word_counts = _fit_vocabulary(
            texts, ngram_range=_WORD_NGRAMS, max_features=_MAX_WORD_FEATURES
        )
        if _MAX_CHAR_FEATURES:
            char_vocab, char_idf, char_counts = _fit_vocabulary(
                texts, analyzer="char_wb", ngram_range=_CHAR_NGRAMS, max_features=_MAX_CHAR_FEATURES
            )
        else:
            char_vocab, char_idf, char_counts = (), np.zeros(0), sparse.csr_matrix((len(texts), 0))
        features = _assemble_features(word_counts, word_idf, char_counts, char_idf, cue_rows)
    else:
        word_vocab, char_vocab = (), ()
        word_idf = char_idf = np.zeros(0)
        features = sparse.csr_matrix((0, n_cue_features))

    dimensions: dict[str, _DimensionModel] = {}
    for dim in DIMENSIONS:
        rows = [i for i, (_, labels) in enumerate(examples) if labels.get(dim) in CHOICES[dim]]
        targets = [examples[i][1][dim] for i in rows]
        present = sorted(set(targets), key=CHOICES[dim].index)
        if len(present) < 2:
            continue
        classifier = LogisticRegression(C=_C, class_weight="balanced", max_iter=200, tol=1e-3)
        classifier.fit(features[rows], targets)
        coef = np.asarray(classifier.coef_, dtype=np.float64)
        intercept = np.asarray(classifier.intercept_, dtype=np.float64)
        classes = tuple(str(c) for c in classifier.classes_)
        if len(classes) == 2:  # binary LR keeps one row; expand to softmax form
            coef = np.vstack([np.zeros_like(coef[0]), coef[0]])
            intercept = np.array([0.0, intercept[0]])
        counts = {c: targets.count(c) for c in classes}
        dimensions[dim] = _DimensionModel(classes=classes, coef=coef, intercept=intercept, counts=counts)

    return LabelModel(
        word_vocabulary=word_vocab,
        word_idf=word_idf,
        char_vocabulary=char_vocab,
        char_idf=char_idf,
        dimensions=dimensions,
    )


def _model_weight(model: _DimensionModel, n_classes: int) -> float:
    """How far to trust the learned model: grows with the corrections per class."""
    per_class = [model.counts.get(c, 0) for c in model.classes]
    # Classes never corrected count as zero, which keeps the prior in charge of them.
    mean_per_class = sum(per_class) / n_classes
    return mean_per_class / (mean_per_class + _BLEND_HALF)


def _model_probabilities(model: _DimensionModel, rows: sparse.csr_matrix, choices: tuple[str, ...]) -> np.ndarray:
    logits = rows @ model.coef.T + model.intercept
    probs = _softmax(np.asarray(logits))
    full = np.full((rows.shape[0], len(choices)), _MIN_PROB)
    for j, class_name in enumerate(model.classes):
        full[:, choices.index(class_name)] = probs[:, j]
    return full / full.sum(axis=1, keepdims=True)


def _model_evidence(model: LabelModel, dim: str, class_name: str, text: str, row: sparse.csr_matrix) -> list[str]:
    """Words of this text that pushed the learned model towards the class, as they appear in the text."""
    dim_model = model.dimensions[dim]
    if class_name not in dim_model.classes:
        return []
    coef = dim_model.coef[dim_model.classes.index(class_name)]
    n_word = len(model.word_vocabulary)
    row = row.tocsr()
    contributions = [(row.data[k] * coef[j], j) for k, j in enumerate(row.indices) if j < n_word and coef[j] > 0]
    phrases: list[str] = []
    for _score, j in sorted(contributions, reverse=True):
        term = model.word_vocabulary[j]
        found = re.search(r"\b" + r"\W+".join(map(re.escape, term.split())) + r"\b", text, re.IGNORECASE)
        if found:
            phrases.append(text[found.start() : found.end()])
        if len(phrases) >= MAX_EVIDENCE:
            break
    return phrases


# --------------------------------------------------------------------------- public entry points


def suggest(item: LabelInput, model: LabelModel | None = None) -> dict[str, Suggestion]:
    """Suggested label, confidence and evidence for each dimension of one report."""
    return suggest_many([item], model)[0]


def suggest_many(items: Sequence[LabelInput], model: LabelModel | None = None) -> list[dict[str, Suggestion]]:
    """Like ``suggest`` for many reports; the learned model is applied as one matrix product."""
    if not items:
        return []
    cue_results = [_score_cues(item.text) for item in items]
    answers = [_answer_logits(item) for item in items]
    features = None
    if model is not None and model.dimensions:
        cue_rows = np.vstack([_cue_feature_row(r) for r in cue_results])
        features = model.features([item.text for item in items], cue_rows)

    results: list[dict[str, Suggestion]] = [{} for _ in items]
    for dim in DIMENSIONS:
        choices = CHOICES[dim]
        prior_logits = np.vstack([_PRIOR_VECTORS[dim] + r.scores[dim] / _ZERO_SHOT_TEMPERATURE for r in cue_results])
        log_probs = np.log(_softmax(prior_logits))
        model_weight = 0.0
        dim_model = model.dimensions.get(dim) if model is not None else None
        if dim_model is not None and features is not None:
            model_weight = _model_weight(dim_model, len(choices))
            model_log_probs = np.log(_model_probabilities(dim_model, features, choices))
            log_probs = (1 - model_weight) * log_probs + model_weight * model_log_probs
        # The reporter's own answers sit on top of both, so they dominate whichever layer spoke.
        answer_logits = np.vstack([a[0][dim] for a in answers])
        probs = _softmax(log_probs + answer_logits)

        for i, item in enumerate(items):
            best = int(np.argmax(probs[i]))
            class_name = choices[best]
            evidence = list(answers[i][1][dim].get(class_name, []))
            evidence += _text_evidence(item.text, cue_results[i].hits[dim][best])
            if dim_model is not None and features is not None and model_weight > 0.3:
                for phrase in _model_evidence(model, dim, class_name, item.text, features[i]):  # type: ignore[arg-type]
                    if len(evidence) >= MAX_EVIDENCE + 1:
                        break
                    if not any(phrase.lower() in e.lower() for e in evidence):
                        evidence.append(phrase)
            results[i][dim] = Suggestion(
                value=class_name,
                confidence=float(round(min(1.0, max(0.0, probs[i, best])), 4)),
                evidence=tuple(evidence[: MAX_EVIDENCE + 1]),
            )
    return results

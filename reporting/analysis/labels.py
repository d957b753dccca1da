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

import importlib
import io
import itertools
import json
import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, cast

import numpy as np
from scipy import sparse
from scipy.optimize import minimize
from threadpoolctl import threadpool_limits

from reporting.analysis._lexicon_labels import ASPECT_OBJECT, LEXICON
from reporting.analysis.clauses import clause_around

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
    "westrum_orientation": {"bureaucratic": 0.2},
    "learning_together": {"management_systems": 0.5, "multi_agency_longer_term": 0.3},
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


# Words that, shortly before a cue, say the opposite: "no one was blamed", "wasn't thanked",
# "nothing has improved".
_NEGATION_BEFORE = re.compile(
    r"(?:\b(?:not|no|never|nobody|no one|none|nothing|without|nor)|n'?t)\s+(?:[\w']+\s+){0,2}$", re.IGNORECASE
)
# Cues that are themselves about a negation ("not our job", "no response") are never negated again.
_NEGATIVE_CUE = re.compile(
    r"\bnot\b|\bno\b|\bnothing\b|n'\?t|n't|never|nobody|no ?one|without|\bnor\b|won|wouldn|can'?t|cannot"
)
_NEGATION_REACH = 30
# A negation flips how a thing was treated ("no one was blamed" is not a blame culture), which is
# the orientation; it does not change what the report is about: "we didn't check the system" is
# still about a tool, "nobody shared the minutes" still about information. So only orientation
# cues are negated; aspect and Learning Together cues count wherever they occur.
_NEGATABLE_DIMENSIONS = frozenset({"westrum_orientation"})


@dataclass(frozen=True)
class _Cue:
    dimension: str
    class_index: int
    pattern: re.Pattern[str]
    weight: float
    # Lower-case strings of which at least one must occur in the text for the cue to match
    # (None: no such guarantee). Checking them is far cheaper than running the regex.
    needles: tuple[str, ...] | None
    negatable: bool


_parser: Any = importlib.import_module("re._parser")


def _needles(items: Any) -> set[str] | None:
    """Literal strings, one of which every match of the parsed pattern must contain."""
    candidates: list[set[str]] = []
    run = ""
    for op, av in items:
        if op is _parser.LITERAL:
            run += chr(av).lower()
            continue
        if run:
            candidates.append({run})
            run = ""
        sub: set[str] | None = None
        if op is _parser.SUBPATTERN:
            sub = _needles(av[-1])
        elif op is _parser.BRANCH:
            alternatives = [_needles(branch) for branch in av[1]]
            if all(alternatives):
                sub = set().union(*alternatives)  # type: ignore[arg-type]
        elif op in (_parser.MAX_REPEAT, _parser.MIN_REPEAT) and av[0] >= 1:
            sub = _needles(av[2])
        if sub:
            candidates.append(sub)
    if run:
        candidates.append({run})
    if not candidates:
        return None
    return max(candidates, key=lambda c: (min(len(s) for s in c), -len(c)))


def _compile_cue(dim: str, index: int, pattern: str, weight: float) -> _Cue:
    compiled = re.compile(pattern, re.IGNORECASE)
    try:
        needles = _needles(_parser.parse(pattern, re.IGNORECASE))
    except Exception:  # an unusual construct: just always run the regex
        needles = None
    return _Cue(
        dim,
        index,
        compiled,
        weight,
        tuple(sorted(needles)) if needles else None,
        negatable=dim in _NEGATABLE_DIMENSIONS and _NEGATIVE_CUE.search(pattern) is None,
    )


def _compile_cues() -> dict[str, list[_Cue]]:
    compiled: dict[str, list[_Cue]] = {}
    for dim in DIMENSIONS:
        cues: list[_Cue] = []
        for class_name, entries in LEXICON[dim].items():
            index = CHOICES[dim].index(class_name)
            for pattern, weight in entries:
                cues.append(_compile_cue(dim, index, pattern, weight))
        compiled[dim] = cues
    return compiled


_CUES = _compile_cues()
# Cues naming what a report is about (its Westrum aspect): scored into the zero-shot prior only.
_OBJECT_CUES = [
    _compile_cue("westrum_aspect", CHOICES["westrum_aspect"].index(class_name), pattern, weight)
    for class_name, entries in ASPECT_OBJECT.items()
    for pattern, weight in entries
]
_ALL_NEEDLES = tuple(sorted({n for cues in (*_CUES.values(), _OBJECT_CUES) for cue in cues for n in cue.needles or ()}))
_PRIOR_VECTORS = {
    dim: np.array([_PRIOR_LOGITS[dim].get(c, 0.0) for c in CHOICES[dim]], dtype=float) for dim in DIMENSIONS
}

# A hit is (weight, start, end) in the text.
_Hit = tuple[float, int, int]


@dataclass
class _CueResult:
    scores: dict[str, np.ndarray]
    hits: dict[str, list[list[_Hit]]]
    # Aspect scores from the object cues and the other dimensions (zero-shot prior only).
    aspect_object: np.ndarray = field(default_factory=lambda: np.zeros(len(CHOICES["westrum_aspect"])))


def _negated(text: str, start: int) -> bool:
    before = text[max(0, start - _NEGATION_REACH) : start]
    cut = max(before.rfind(ch) for ch in ".;:!?,\n")
    if cut != -1:
        before = before[cut + 1 :]
    return _NEGATION_BEFORE.search(before) is not None


def _score_cues(text: str) -> _CueResult:
    scores: dict[str, np.ndarray] = {}
    hits: dict[str, list[list[_Hit]]] = {}
    lowered = text.lower()
    present = {needle for needle in _ALL_NEEDLES if needle in lowered}
    # A Westrum cell cue scores both aspect and orientation: match its pattern once.
    seen: dict[tuple[str, bool], list[re.Match[str]]] = {}
    for dim in DIMENSIONS:
        dim_scores = np.zeros(len(CHOICES[dim]))
        dim_hits: list[list[_Hit]] = [[] for _ in CHOICES[dim]]
        _apply_cues(text, present, _CUES[dim], dim_scores, dim_hits, seen)
        scores[dim] = dim_scores
        hits[dim] = dim_hits
    aspect_object = np.zeros(len(CHOICES["westrum_aspect"]))
    _apply_cues(text, present, _OBJECT_CUES, aspect_object, hits["westrum_aspect"], seen)
    return _CueResult(scores, hits, aspect_object + _aspect_object(scores))


def _apply_cues(
    text: str,
    present: set[str],
    cues: Sequence[_Cue],
    dim_scores: np.ndarray,
    dim_hits: list[list[_Hit]],
    seen: dict[tuple[str, bool], list[re.Match[str]]],
) -> None:
    for cue in cues:
        if cue.needles is not None and present.isdisjoint(cue.needles):
            continue
        key = (cue.pattern.pattern, cue.negatable)
        matches = seen.get(key)
        if matches is None:
            matches = [m for m in cue.pattern.finditer(text) if not (cue.negatable and _negated(text, m.start()))]
            seen[key] = matches
        if not matches:
            continue
        # Repeats add a little: "system" five times says more than once, not five times more.
        dim_scores[cue.class_index] += cue.weight * math.sqrt(min(len(matches), 4))
        first = matches[0]
        dim_hits[cue.class_index].append((cue.weight, first.start(), first.end()))


# Westrum's aspect is about the *object* of a report (an information flow, a person who raised a
# concern, task ownership, a boundary crossing, the response to a failure, a new idea). The other
# dimensions' cues are weak evidence of that object: a report that reads as a multi-agency incident
# is usually about whether information moved, one about longer-term multi-agency work about the
# links between teams, a power-oriented one about what happened to a messenger. Each signal is
# squashed (tanh) so it can tip a report with few aspect cues but never outweigh a clear one.
_ASPECT_FROM_OTHER_DIMENSIONS: dict[tuple[str, str], dict[str, float]] = {
    ("learning_together", "multi_agency_incidents"): {"cooperation": 0.6, "bridging": 0.3},
    ("learning_together", "multi_agency_longer_term"): {"bridging": 0.6, "cooperation": 0.3},
    ("learning_together", "management_systems"): {"responsibilities": 0.5},
    ("learning_together", "tools"): {"cooperation": 0.3, "novelty": 0.3},
    ("learning_together", "human_reasoning"): {"failure": 0.3},
    ("learning_together", "family_professional"): {"bridging": 0.2},
    ("westrum_orientation", "generative"): {"novelty": 0.3, "failure": 0.2},
    ("westrum_orientation", "pathological"): {"messengers": 0.4},
    ("westrum_orientation", "bureaucratic"): {"responsibilities": 0.2},
}
_CROSS_SCALE = 4.0
_CROSS_ROWS = tuple(
    (dim, CHOICES[dim].index(class_name), np.array([row.get(c, 0.0) for c in CHOICES["westrum_aspect"]]))
    for (dim, class_name), row in _ASPECT_FROM_OTHER_DIMENSIONS.items()
)


def _aspect_object(scores: Mapping[str, np.ndarray]) -> np.ndarray:
    """The other dimensions' weak evidence about what the report is about, as aspect cue scores."""
    extra = np.zeros(len(CHOICES["westrum_aspect"]))
    for dim, index, row in _CROSS_ROWS:
        extra += math.tanh(scores[dim][index] / _CROSS_SCALE) * row
    return extra


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


def _text_evidence(text: str, hits: list[_Hit]) -> list[str]:
    phrases: list[str] = []
    for _weight, start, end in sorted(hits, key=lambda h: -h[0]):
        phrase = clause_around(text, start, end, reach=70, breaks=_CLAUSE_BREAK)
        if phrase and phrase not in phrases:
            phrases.append(phrase)
        if len(phrases) >= MAX_EVIDENCE:
            break
    return phrases


# --------------------------------------------------------------------------- supervised model

# The learned layer is a *residual* on the prior: logits = prior + answers + W·x + b,
# fitted by L2-regularised, class-balanced multinomial logistic regression with the
# prior as a fixed offset. With W = b = 0 it is the zero-shot labeller, so a handful
# of corrections can only move it as far as the evidence pays for; the penalty is
# chosen by cross-validation on the corrections themselves, "no change" (the prior
# alone) is one of the candidates, and a more flexible candidate has to beat the
# best by more than the noise of the estimate (one standard error) to be chosen.

_FORMAT = "lantern-label-model/2"
_WORD_NGRAMS = (1, 2)
_MAX_WORD_FEATURES = 4000
_CUE_SCORE_SCALE = 1.0
_PENALTIES = (30.0, 10.0, 3.0, 1.0)  # strongest first, so each fit warm-starts the next
_DEFAULT_PENALTY = 10.0  # too few corrections to cross-validate
_MIN_FOR_CV = 12
_CV_FOLDS = 3
_CV_ONE_FOLD_FROM = 200  # with this many corrections one held-out third is evidence enough
_MAX_ITER = 100
_PRIOR_ONLY = float("inf")


def _cue_feature_row(result: _CueResult) -> np.ndarray:
    # log1p keeps the dense block on the same scale as the tf-idf block; the model can use it
    # to learn how far each cue family is trusted in this organisation.
    return np.log1p(np.concatenate([result.scores[dim] for dim in DIMENSIONS])) * _CUE_SCORE_SCALE


_N_CUE_FEATURES = sum(len(CHOICES[dim]) for dim in DIMENSIONS)


@dataclass
class _DimensionModel:
    classes: tuple[str, ...]
    coef: np.ndarray  # (n_classes, n_features), classes in CHOICES order
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
            "format": _FORMAT,
            "word_vocabulary": list(self.word_vocabulary),
            "char_vocabulary": list(self.char_vocabulary),
            "n_cue_features": _N_CUE_FEATURES,
            "dimensions": {dim: {"classes": list(m.classes), "counts": m.counts} for dim, m in self.dimensions.items()},
        }
        arrays: dict[str, Any] = {
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
            if meta.get("format") != _FORMAT or meta.get("n_cue_features") != _N_CUE_FEATURES:
                raise ValueError("not a label model of this version")
            dimensions = {
                dim: _DimensionModel(
                    classes=tuple(info["classes"]),
                    coef=archive[f"{dim}__coef"].astype(np.float64),
                    intercept=archive[f"{dim}__intercept"].astype(np.float64),
                    counts={k: int(v) for k, v in info["counts"].items()},
                )
                for dim, info in meta["dimensions"].items()
                if dim in CHOICES and tuple(info["classes"]) == CHOICES[dim]
            }
            return cls(
                word_vocabulary=tuple(meta["word_vocabulary"]),
                word_idf=archive["word_idf"].astype(np.float64),
                char_vocabulary=tuple(meta["char_vocabulary"]),
                char_idf=archive["char_idf"].astype(np.float64),
                dimensions=dimensions,
            )

    # -- featurising

    def _index(self) -> dict[str, int]:
        if self._vectorisers is None:
            self._vectorisers = {t: i for i, t in enumerate(self.word_vocabulary)}
        return cast(dict[str, int], self._vectorisers)

    def features(self, texts: Sequence[str], cue_rows: np.ndarray) -> sparse.csr_matrix:
        return _assemble_features(_count_matrix(texts, self._index()), self.word_idf, cue_rows)


_TOKEN = re.compile(r"\b\w\w+\b")


def _terms(text: str) -> list[str]:
    """Lower-cased words of two or more characters and their bigrams."""
    words = _TOKEN.findall(text.lower())
    return words + [f"{a} {b}" for a, b in itertools.pairwise(words)]


def _count_matrix(texts: Sequence[str], index: Mapping[str, int]) -> sparse.csr_matrix:
    data: list[float] = []
    indices: list[int] = []
    indptr = [0]
    for text in texts:
        counts: dict[int, int] = {}
        for term in _terms(text):
            j = index.get(term)
            if j is not None:
                counts[j] = counts.get(j, 0) + 1
        indices.extend(counts)
        data.extend(counts.values())
        indptr.append(len(indices))
    return sparse.csr_matrix((data, indices, indptr), shape=(len(texts), len(index)), dtype=np.float64)


def _tfidf(counts: sparse.spmatrix, idf: np.ndarray) -> sparse.csr_matrix:
    matrix = sparse.csr_matrix(counts, dtype=np.float64)
    matrix.data = np.log1p(matrix.data)  # sublinear tf
    matrix = matrix @ sparse.diags(idf)
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1))).ravel()
    norms[norms == 0] = 1.0
    return sparse.csr_matrix(sparse.diags(1.0 / norms) @ matrix)


def _assemble_features(word_counts: sparse.spmatrix, word_idf: np.ndarray, cue_rows: np.ndarray) -> sparse.csr_matrix:
    return sparse.hstack([_tfidf(word_counts, word_idf), sparse.csr_matrix(cue_rows)], format="csr")


def _fit_vocabulary(texts: Sequence[str]) -> tuple[tuple[str, ...], np.ndarray, sparse.csr_matrix]:
    document_frequency: Counter[str] = Counter()
    for text in texts:
        document_frequency.update(set(_terms(text)))
    min_df = 2 if len(texts) >= 20 else 1
    kept = [t for t, df in document_frequency.items() if df >= min_df] or list(document_frequency)
    kept.sort(key=lambda t: (-document_frequency[t], t))
    vocabulary = tuple(sorted(kept[:_MAX_WORD_FEATURES]))
    idf = np.array([math.log((1 + len(texts)) / (1 + document_frequency[t])) + 1.0 for t in vocabulary])
    counts = _count_matrix(texts, {t: i for i, t in enumerate(vocabulary)})
    return vocabulary, idf, counts


def _prior_logits(cue_results: Sequence[_CueResult], answers: Sequence[np.ndarray], dim: str) -> np.ndarray:
    """Zero-shot log-odds (before softmax) for each report: class prior + cue scores + reporter's answers."""
    rows = [
        _PRIOR_VECTORS[dim]
        + (r.scores[dim] + (r.aspect_object if dim == "westrum_aspect" else 0.0)) / _ZERO_SHOT_TEMPERATURE
        + a
        for r, a in zip(cue_results, answers, strict=True)
    ]
    return np.vstack(rows) if rows else np.zeros((0, len(CHOICES[dim])))


def _fit_residual(
    features: sparse.csr_matrix,
    offset: np.ndarray,
    targets: np.ndarray,
    weights: np.ndarray,
    penalty: float,
    start: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Class-weighted multinomial LR with a fixed offset; returns (coef, intercept)."""

    n, n_features = features.shape
    n_classes = offset.shape[1]
    onehot = np.zeros((n, n_classes))
    onehot[np.arange(n), targets] = 1.0
    transposed = features.T.tocsr()

    def objective(theta: np.ndarray) -> tuple[float, np.ndarray]:
        coef = theta[: n_classes * n_features].reshape(n_classes, n_features)
        intercept = theta[n_classes * n_features :]
        logits = offset + np.asarray(features @ coef.T) + intercept
        logits -= logits.max(axis=1, keepdims=True)
        log_norm = np.log(np.exp(logits).sum(axis=1))
        log_probs = logits - log_norm[:, None]
        loss = -float(np.sum(weights * log_probs[np.arange(n), targets]))
        loss += 0.5 * penalty * (float(np.sum(coef * coef)) + float(np.sum(intercept * intercept)))
        residual = weights[:, None] * (np.exp(log_probs) - onehot)
        grad_coef = np.asarray(transposed @ residual).T + penalty * coef
        grad_intercept = residual.sum(axis=0) + penalty * intercept
        return loss, np.concatenate([grad_coef.ravel(), grad_intercept])

    theta0 = start if start is not None else np.zeros(n_classes * (n_features + 1))
    result = minimize(objective, theta0, jac=True, method="L-BFGS-B", options={"maxiter": _MAX_ITER, "gtol": 1e-3})
    theta = result.x
    return theta[: n_classes * n_features].reshape(n_classes, n_features), theta[n_classes * n_features :]


def _balanced_weights(targets: np.ndarray, n_classes: int) -> np.ndarray:
    counts = np.bincount(targets, minlength=n_classes).astype(float)
    present = int(np.count_nonzero(counts))
    return len(targets) / (present * counts[targets])


def _held_out_losses(
    features: sparse.csr_matrix, offset: np.ndarray, targets: np.ndarray, coef: np.ndarray, intercept: np.ndarray
) -> np.ndarray:
    """Log-loss of each held-out report, before class balancing."""
    logits = offset + np.asarray(features @ coef.T) + intercept
    log_probs = np.log(_softmax(logits) + 1e-12)
    return -log_probs[np.arange(len(targets)), targets]


def _choose_penalty(features: sparse.csr_matrix, offset: np.ndarray, targets: np.ndarray) -> float:
    """The most cautious candidate whose held-out loss is within one standard error of the best.

    Candidates run from the prior alone to the weakest penalty. With a few dozen corrections
    the cross-validated losses of neighbouring candidates differ by less than their noise, and
    picking the bare minimum then overfits the choice itself; the one-standard-error rule
    (Breiman et al.) keeps the simpler model unless the evidence for a more flexible one is clear.
    """
    n = len(targets)
    if n < _MIN_FOR_CV:
        return _DEFAULT_PENALTY
    n_classes = offset.shape[1]
    candidates = (_PRIOR_ONLY, *_PENALTIES)
    losses = {penalty: np.zeros(n) for penalty in candidates}
    order = np.random.default_rng(0).permutation(n)
    folds = [order[k::_CV_FOLDS] for k in range(_CV_FOLDS)]
    if n >= _CV_ONE_FOLD_FROM:
        folds = folds[:1]
    for held in folds:
        _score_fold(features, offset, targets, held, losses)
    scored = np.concatenate(folds)
    weights = _balanced_weights(targets[scored], n_classes)
    weights /= weights.sum()
    means = {p: float(np.sum(weights * losses[p][scored])) for p in candidates}
    best = min(candidates, key=lambda p: means[p])
    # Standard error of the best candidate's (class-balanced) mean held-out loss.
    spread = losses[best][scored] - means[best]
    variance = float(np.sum(weights * weights * spread * spread)) * len(scored) / max(1, len(scored) - 1)
    return next(p for p in candidates if means[p] <= means[best] + math.sqrt(variance))


def _score_fold(
    features: sparse.csr_matrix,
    offset: np.ndarray,
    targets: np.ndarray,
    held: np.ndarray,
    losses: dict[float, np.ndarray],
) -> None:
    """Fill in each candidate's loss on the held-out reports of one fold."""
    n_classes = offset.shape[1]
    mask = np.ones(len(targets), dtype=bool)
    mask[held] = False
    fit_rows = np.flatnonzero(mask)
    zero_coef = np.zeros((n_classes, features.shape[1]))
    losses[_PRIOR_ONLY][held] = _held_out_losses(
        features[held], offset[held], targets[held], zero_coef, np.zeros(n_classes)
    )
    if len(set(targets[fit_rows].tolist())) < 2:
        for penalty in _PENALTIES:
            losses[penalty][held] = math.inf
        return
    weights = _balanced_weights(targets[fit_rows], n_classes)
    start = None
    for penalty in _PENALTIES:
        coef, intercept = _fit_residual(
            features[fit_rows], offset[fit_rows], targets[fit_rows], weights, penalty, start
        )
        start = np.concatenate([coef.ravel(), intercept])
        losses[penalty][held] = _held_out_losses(features[held], offset[held], targets[held], coef, intercept)


def train(examples: Sequence[tuple[LabelInput, Mapping[str, str]]]) -> LabelModel:
    """Fit a correction model on labelled reports; each mapping may hold any subset of DIMENSIONS.

    Unknown label values are ignored. A dimension with fewer than two distinct
    corrected classes gets no learned model (the prior is used alone).
    """
    # The optimiser works on small vectors: BLAS threads only add overhead, and on a busy
    # server their spin-waiting made training an order of magnitude slower.
    with threadpool_limits(limits=1):
        return _train(examples)


def _train(examples: Sequence[tuple[LabelInput, Mapping[str, str]]]) -> LabelModel:
    texts = [item.text for item, _ in examples]
    # A report corrected on several occasions appears several times; score its cues once.
    cue_cache: dict[str, _CueResult] = {}
    for text in texts:
        if text not in cue_cache:
            cue_cache[text] = _score_cues(text)
    cue_results = [cue_cache[t] for t in texts]
    answers = [_answer_logits(item)[0] for item, _ in examples]
    cue_rows = np.vstack([_cue_feature_row(r) for r in cue_results]) if texts else np.zeros((0, _N_CUE_FEATURES))
    word_vocab, word_idf, word_counts = _fit_vocabulary(texts)
    features = _assemble_features(word_counts, word_idf, cue_rows)

    dimensions: dict[str, _DimensionModel] = {}
    for dim in DIMENSIONS:
        choices = CHOICES[dim]
        rows = [i for i, (_, labels) in enumerate(examples) if labels.get(dim) in choices]
        names = [examples[i][1][dim] for i in rows]
        if len(set(names)) < 2:
            continue
        targets = np.array([choices.index(name) for name in names])
        offset = _prior_logits([cue_results[i] for i in rows], [answers[i][dim] for i in rows], dim)
        dim_features = features[rows]
        penalty = _choose_penalty(dim_features, offset, targets)
        if penalty == _PRIOR_ONLY:
            coef, intercept = np.zeros((len(choices), features.shape[1])), np.zeros(len(choices))
        else:
            weights = _balanced_weights(targets, len(choices))
            coef, intercept = _fit_residual(dim_features, offset, targets, weights, penalty)
        counts = {c: names.count(c) for c in choices if c in names}
        dimensions[dim] = _DimensionModel(classes=choices, coef=coef, intercept=intercept, counts=counts)

    return LabelModel(
        word_vocabulary=word_vocab,
        word_idf=word_idf,
        char_vocabulary=(),
        char_idf=np.zeros(0),
        dimensions=dimensions,
    )


def _model_evidence(model: LabelModel, dim: str, class_name: str, text: str, row: sparse.csr_matrix) -> list[str]:
    """Words of this text that pushed the learned model towards the class, as they appear in the text."""
    dim_model = model.dimensions[dim]
    coef = dim_model.coef[dim_model.classes.index(class_name)]
    n_word = len(model.word_vocabulary)
    row = row.tocsr()
    contributions = [
        (row.data[k] * coef[j], j) for k, j in enumerate(row.indices) if j < n_word and row.data[k] * coef[j] > 0.05
    ]
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
        logits = _prior_logits(cue_results, [a[0][dim] for a in answers], dim)
        dim_model = model.dimensions.get(dim) if model is not None else None
        learned = None
        if dim_model is not None and features is not None:
            learned = np.asarray(features @ dim_model.coef.T) + dim_model.intercept
            logits = logits + learned
        probs = _softmax(logits)

        for i, item in enumerate(items):
            best = int(np.argmax(probs[i]))
            class_name = choices[best]
            evidence = list(answers[i][1][dim].get(class_name, []))
            evidence += _text_evidence(item.text, cue_results[i].hits[dim][best])
            if model is not None and learned is not None and features is not None and learned[i, best] > 0.5:
                for phrase in _model_evidence(model, dim, class_name, item.text, features[i]):
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

"""Theme building: clustering stored report vectors into systemic themes.

Plain Python over plain data (dataclasses in, dataclasses out), no ORM.

The build, for N reports:

1. Stack the stored hashed vectors (``reporting.analysis.vectorise``) into one
   sparse matrix, weight them with sublinear TF and an IDF computed from this
   build's document frequencies, and L2-normalise, in two views: one where the
   concept groups carry ``CONCEPT_SHARE`` of each report's weight, and one of
   the report's own words alone.
2. Fit a low-rank (LSA) projection of each view on a bounded random sample of
   at most ``FIT_SAMPLE`` reports and project every report in batches:
   O(N * nnz). A report's position joins both, the words view weighted
   ``WORD_VIEW``.
3. Choose the number of themes and their centres by consensus on a bounded
   sample: many cheap k-means runs (several ranks, numbers of themes and
   seeds, and the previous build's themes) vote on which reports belong
   together; the vote matrix is cut by average linkage at the number of
   themes with the best silhouette. Then k-means steps on the fit sample,
   started from the previous build's themes (recomputed in the new space) so
   themes that still exist come back where they were.
4. Every report is assigned to its nearest centroid in batches; reports whose
   similarity falls below the build's affinity cut-off are left unthemed, and
   clusters too small to be a theme dissolve.
5. Theme identity: new clusters are matched to previous themes by member
   overlap (Jaccard) with the Hungarian algorithm; a matched cluster keeps the
   previous id, the rest are new. Where members came from / went to is
   recorded as lineage (split, merge, continued, retired).
6. Panel decisions are constraints: excluded reports are never themed, pinned
   reports stay in their theme, and members of locked themes (merged or split
   by the panel) are pinned, so the panel's grouping survives every rebuild.

No step is O(N^2): everything quadratic runs on bounded samples, so the
same code path handles 240 or 1,000,000 reports.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
from scipy import sparse
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.optimize import linear_sum_assignment
from scipy.spatial.distance import squareform
from sklearn.metrics import silhouette_score
from sklearn.utils.extmath import randomized_svd

from reporting.analysis import vectorise as vz

DocId = Hashable
ThemeId = Hashable

#: Reports used to fit the projection and the final clustering.
FIT_SAMPLE: int = 20_000
#: Share of a report's (squared) weight carried by its concept-group features.
#: Concept groups are the shared domain vocabulary that links reports written
#: in different words; left to plain TF-IDF they are a handful among a report's
#: hundred surface words and barely move the similarity.
CONCEPT_SHARE: float = 0.8
#: Share of the similarity between two reports that comes from their own words alone (a second
#: LSA view with no concept features), beside the concept-weighted view. The concept groups link
#: reports that describe one systemic problem in different words; a department's own subjects (a
#: local population, a place, one service) live in its words, which the concept weighting drowns.
#: Both views vote in the consensus and both make up the space reports are assigned in.
WORD_VIEW: float = 0.3
#: Reports in the consensus clustering (its co-association matrix is quadratic).
CONSENSUS_SAMPLE: int = 1_500
#: LSA ranks and k-means seeds of the ensemble that votes in the consensus.
ENSEMBLE_DIMS: tuple[int, ...] = (8, 10, 12, 15, 20, 30)
ENSEMBLE_SEEDS: int = 3
#: Weight of the previous build's themes among the consensus votes.
PREVIOUS_VOTE: float = 0.25
#: k-means steps that settle the consensus centroids on the fit sample.
REFINE_ITERS: int = 10
#: k-means steps of a rebuild started from the previous build's themes.
WARM_ITERS: int = 10
#: Smallest k whose consensus silhouette is this close to the best is chosen.
#: (0.01 merged two real themes whenever the smaller k scored a hair under the
#: best: sample even-half NMI 0.625 at 9 themes against 0.671 at the best 10,
#: one development department's odd half 0.595 -> 0.605; only exact ties now
#: go to the smaller k.)
K_PARSIMONY: float = 0.0
#: LSA dimensions.
N_COMPONENTS: int = 40
#: Largest number of themes a build proposes; a panel cannot triage more.
MAX_THEMES: int = 60
#: Silhouette a new k must gain over the previous build's k to replace it.
K_TOLERANCE: float = 0.02
#: Smallest cluster that becomes a theme.
MIN_THEME_SIZE: int = 3
#: Share of the least typical members left unthemed, and an absolute floor.
UNTHEMED_QUANTILE: float = 0.08
MIN_AFFINITY: float = 0.10
#: Minimum member overlap for a new cluster to inherit a previous theme's id.
MIN_IDENTITY_JACCARD: float = 0.2
#: Share of a cluster that must come from a previous theme to record lineage.
LINEAGE_SHARE: float = 0.2
#: Terms kept per sparse centroid of the stored assignment model.
CENTROID_TERMS: int = 400
BATCH: int = 50_000
#: Distinctive features kept per theme (keywords are chosen from them) and
#: most typical members kept as candidates for its excerpts.
TOP_FEATURES: int = 40
REPRESENTATIVES: int = 10


# ----------------------------------------------------------------------------
# Input and output types
# ----------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class ThemeDoc:
    """One report as the build sees it: its id and stored representation."""

    id: DocId
    representation: bytes


@dataclass(frozen=True, slots=True)
class PreviousTheme:
    """A theme of the last committed build and its current members."""

    id: ThemeId
    member_ids: frozenset[DocId]
    locked: bool = False  # merged/split/curated by the panel: membership is pinned


@dataclass(frozen=True, slots=True)
class Constraints:
    """The panel's decisions, which a build must respect."""

    pinned: Mapping[DocId, ThemeId] = field(default_factory=dict)
    excluded: frozenset[DocId] = frozenset()


@dataclass(frozen=True, slots=True)
class LineageLink:
    """Reports moved from ``parent`` to ``child`` in this build.

    ``kind`` is ``continued`` (same id), ``split`` (a previous theme's reports
    now sit in several themes), ``merged`` (a theme gathers several previous
    themes) or ``retired`` (``child`` is None: the previous theme dissolved).
    """

    parent: ThemeId
    child: ThemeId | None
    kind: str
    shared_reports: int


@dataclass(frozen=True, slots=True)
class BuiltTheme:
    """A theme of the new build.

    ``id`` is the previous theme's id when identity carried over, else None
    (the caller creates a row); ``key`` is unique within the build.
    """

    key: int
    id: ThemeId | None
    member_ids: tuple[DocId, ...]
    similarities: tuple[float, ...]  # to the centroid, aligned with member_ids
    representative_ids: tuple[DocId, ...]  # most typical first
    top_features: tuple[int, ...]  # hashed columns, most distinctive first


@dataclass(frozen=True, slots=True)
class ThemeModel:
    """What per-report assignment needs between builds (stored as bytes)."""

    theme_keys: tuple[int, ...]
    columns: np.ndarray  # int32 hashed columns with an idf
    idf: np.ndarray  # float32 aligned with columns
    centroids: sparse.csr_matrix  # (k, len(columns)) L2-normalised
    threshold: float  # minimum cosine to join a theme

    def to_bytes(self) -> bytes:
        return encode_model(self)


@dataclass(frozen=True, slots=True)
class ThemeBuild:
    """The result of one build (nothing is stored by the analysis code)."""

    themes: tuple[BuiltTheme, ...]
    unthemed_ids: tuple[DocId, ...]
    lineage: tuple[LineageLink, ...]
    model: ThemeModel
    k_candidates: tuple[tuple[int, float], ...]  # (k, silhouette) tried
    chosen_k: int


# ----------------------------------------------------------------------------
# Weighting
# ----------------------------------------------------------------------------
def _compact(matrix: sparse.csr_matrix) -> tuple[sparse.csr_matrix, np.ndarray]:
    """Drop all-zero hashed columns; return the matrix and the kept columns."""
    cols, inverse = np.unique(matrix.indices, return_inverse=True)
    compact = sparse.csr_matrix(
        (matrix.data, inverse.astype(np.int32), matrix.indptr), shape=(matrix.shape[0], len(cols))
    )
    return compact, cols.astype(np.int32)


def _block_scale(values: np.ndarray, is_concept: np.ndarray, row: np.ndarray, n_rows: int) -> np.ndarray:
    """Per-entry factors giving each row's concept block a squared norm of
    ``CONCEPT_SHARE`` and its word block the rest (a row with one block only
    is simply unit length)."""
    sq = values.astype(np.float64) ** 2
    nc = np.bincount(row, weights=sq * is_concept, minlength=n_rows)
    nw = np.bincount(row, weights=sq * ~is_concept, minlength=n_rows)
    both = (nc > 0) & (nw > 0)
    share_c = np.where(both, CONCEPT_SHARE, 1.0)
    share_w = np.where(both, 1.0 - CONCEPT_SHARE, 1.0)
    scale_c = np.sqrt(share_c / np.where(nc > 0, nc, 1.0))
    scale_w = np.sqrt(share_w / np.where(nw > 0, nw, 1.0))
    return np.where(is_concept, scale_c[row], scale_w[row]).astype(np.float32)


def _tfidf(counts: sparse.csr_matrix, idf: np.ndarray, concept_mask: np.ndarray | None = None) -> sparse.csr_matrix:
    """Sublinear TF x IDF, each row unit length with the concept block weighted apart."""
    out = counts.copy().astype(np.float32)
    out.data = np.log1p(out.data) * idf[out.indices]
    if concept_mask is None:
        concept_mask = np.zeros(out.shape[1], dtype=bool)
    row = np.repeat(np.arange(out.shape[0]), np.diff(out.indptr))
    out.data = out.data * _block_scale(out.data, concept_mask[out.indices], row, out.shape[0])
    return out


def _concept_mask(columns: np.ndarray) -> np.ndarray:
    """Which of the (sorted hashed) ``columns`` are concept-group features."""
    return np.isin(columns, vz.concept_columns())


def _idf(counts: sparse.csr_matrix) -> np.ndarray:
    n = counts.shape[0]
    df = np.bincount(counts.indices, minlength=counts.shape[1]).astype(np.float64)
    idf = np.log((1.0 + n) / (1.0 + df)) + 1.0
    # A feature seen in a single report cannot link two reports; zeroing it
    # also keeps near-unique identifiers (names the redactor missed) out.
    idf[df < 2] = 0.0
    return idf.astype(np.float32)


def _normalise_rows(z: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(z, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return z / norms


# ----------------------------------------------------------------------------
# The build
# ----------------------------------------------------------------------------
def candidate_ks(n: int) -> list[int]:
    """Numbers of themes tried for ``n`` reports: a band around sqrt(n/2)."""
    if n < 2 * MIN_THEME_SIZE:
        return [1]
    upper = min(MAX_THEMES, n // MIN_THEME_SIZE)
    # Past the cap the band slides under it rather than collapsing to one value.
    centre = min(float(np.sqrt(n / 2.0)), upper / 1.5)
    ks = {round(centre * f) for f in (0.6, 0.75, 0.9, 1.0, 1.15, 1.3, 1.5)}
    return sorted(k for k in ks if 2 <= k <= upper) or [max(1, min(2, upper))]


def _warm_start(
    z: np.ndarray,
    index_of: Mapping[DocId, int],
    previous: Sequence[PreviousTheme],
    k: int,
    fresh: np.ndarray,
) -> np.ndarray | None:
    """Initial centroids: previous themes (in the new space), topped up with fresh ones."""
    prev_cents = []
    for theme in sorted(previous, key=lambda t: -len(t.member_ids)):
        rows = [index_of[m] for m in theme.member_ids if m in index_of]
        if len(rows) >= MIN_THEME_SIZE:
            prev_cents.append(z[rows].mean(axis=0))
    if not prev_cents:
        return None
    init = _normalise_rows(np.asarray(prev_cents[:k], dtype=np.float32))
    if init.shape[0] < k:
        # Add the fresh centroids least like any previous theme: new topics.
        sims = (fresh @ init.T).max(axis=1)
        extra = fresh[np.argsort(sims)[: k - init.shape[0]]]
        init = np.vstack([init, extra])
    return init


def _lloyd(z: np.ndarray, k: int, rng: np.random.Generator, iters: int = 25) -> np.ndarray:
    """Labels of a quick cosine k-means (k-means++ seeding) on unit rows.

    The consensus runs many small k-means; this avoids sklearn's per-call
    overhead, which dominates at a few hundred rows.
    """
    m = z.shape[0]
    cents = np.empty((k, z.shape[1]), dtype=np.float32)
    cents[0] = z[rng.integers(m)]
    closest = np.maximum(0.0, 1.0 - z @ cents[0])
    for c in range(1, k):
        cum = np.cumsum(closest, dtype=np.float64)
        i = int(np.searchsorted(cum, rng.random() * cum[-1], side="right")) if cum[-1] > 0 else int(rng.integers(m))
        i = min(i, m - 1)
        cents[c] = z[i]
        closest = np.minimum(closest, np.maximum(0.0, 1.0 - z @ cents[c]))
    lab = np.full(m, -1, dtype=np.int64)
    for _ in range(iters):
        new = np.argmax(z @ cents.T, axis=1)
        if np.array_equal(new, lab):
            break
        lab = new
        onehot = np.zeros((m, k), dtype=np.float32)
        onehot[np.arange(m), lab] = 1.0
        sums = onehot.T @ z
        empty = ~sums.any(axis=1)
        sums[empty] = cents[empty]
        cents = _normalise_rows(sums)
    return lab


def _refine(z: np.ndarray, cents: np.ndarray, iters: int) -> np.ndarray:
    """A few cosine k-means steps from ``cents``; a centroid left empty stays put."""
    for _ in range(iters):
        lab = np.empty(z.shape[0], dtype=np.int64)
        for start in range(0, z.shape[0], BATCH):
            lab[start : start + BATCH] = np.argmax(z[start : start + BATCH] @ cents.T, axis=1)
        sums = np.zeros_like(cents)
        for c in range(cents.shape[0]):
            rows = lab == c
            if rows.any():
                sums[c] = z[rows].sum(axis=0)
        empty = ~sums.any(axis=1)
        sums[empty] = cents[empty]
        cents = _normalise_rows(sums)
    return cents


def _lsa(x: sparse.csr_matrix, fit_rows: np.ndarray, seed: int) -> np.ndarray:
    """Rows of ``x`` projected on its leading ``N_COMPONENTS`` singular vectors, fitted on
    ``fit_rows`` (raw: not normalised, so a truncation is the lower-rank LSA)."""
    n_comp = min(N_COMPONENTS, len(fit_rows) - 1, x.shape[1] - 1)
    if n_comp < 2:
        return np.asarray(x.toarray(), dtype=np.float32)
    _, _, vt = randomized_svd(x[fit_rows], n_components=n_comp, n_iter=3, random_state=seed)
    basis = vt.astype(np.float32).T
    z = np.empty((x.shape[0], n_comp), dtype=np.float32)
    for start in range(0, x.shape[0], BATCH):
        z[start : start + BATCH] = x[start : start + BATCH] @ basis
    return z


def _join(views: Sequence[np.ndarray], dims: int | None = None) -> np.ndarray:
    """Unit rows whose dot products are the views' cosines (each view cut to ``dims``
    components) averaged with weights concept ``1 - WORD_VIEW``, words ``WORD_VIEW``."""
    weights = (1.0 - WORD_VIEW, WORD_VIEW)
    parts = [_normalise_rows(view[:, :dims]) * np.float32(np.sqrt(w)) for view, w in zip(views, weights, strict=True)]
    return _normalise_rows(np.hstack(parts))


def _ensemble_dims(n_comp: int) -> list[int]:
    return sorted({min(d, n_comp) for d in ENSEMBLE_DIMS if min(d, n_comp) >= 2}) or [n_comp]


def _consensus_centroids(
    views: Sequence[np.ndarray],
    zs: np.ndarray,
    *,
    seed: int,
    k: int | None,
    previous_k: int,
    previous_label: np.ndarray,
    n_total: int,
) -> tuple[np.ndarray, int, list[tuple[int, float]]]:
    """Consensus (evidence accumulation) clustering of a bounded sample.

    Many cheap k-means partitions (several LSA ranks, numbers of clusters and
    seeds) vote on which reports belong together; the previous build's themes
    vote too, with a fixed weight, so a rebuild does not reshuffle themes the
    evidence still supports. The co-association matrix is cut by average
    linkage. The number of themes is the smallest k whose silhouette on the
    consensus distance is within ``K_PARSIMONY`` of the best (on a tie, the
    smaller: over-splitting a theme costs a panel more than a looser theme).

    Returns unit centroids (in the full LSA space) of the consensus clusters,
    the chosen k and the (k, silhouette) candidates.
    """
    m = zs.shape[0]
    band = candidate_ks(n_total)
    ens_ks = sorted({kk for kk in [*band, *([k] if k else [])] if 2 <= kk < m})
    if not ens_ks:
        return _normalise_rows(zs.mean(axis=0, keepdims=True)), 1, [(1, 0.0)]
    # Vote counts (uint16) first, then rebound to the float vote share below.
    co: np.ndarray = np.zeros((m, m), dtype=np.uint16)
    votes = 0
    for d in _ensemble_dims(views[0].shape[1]):
        zd = _join(views, d)
        for kk in ens_ks:
            for rep in range(ENSEMBLE_SEEDS):
                lab = _lloyd(zd, kk, np.random.default_rng(seed * 7919 + 101 * d + 13 * kk + rep))
                co += lab[:, None] == lab[None, :]
                votes += 1
    co = co.astype(np.float32) / votes
    if (previous_label >= 0).sum() >= 2 * MIN_THEME_SIZE:
        same = (previous_label[:, None] == previous_label[None, :]) & (previous_label[:, None] >= 0)
        co = (1.0 - PREVIOUS_VOTE) * co + PREVIOUS_VOTE * same.astype(np.float32)
    dist = 1.0 - co
    np.fill_diagonal(dist, 0.0)
    dist = np.clip((dist + dist.T) / 2.0, 0.0, 1.0)
    tree = linkage(squareform(dist, checks=False), method="average")

    def cut(kk: int) -> np.ndarray:
        return fcluster(tree, kk, criterion="maxclust") - 1

    scores: list[tuple[int, float]] = []
    if k is not None:
        chosen = k
        scores = [(k, 0.0)]
    else:
        cands = sorted({kk for kk in [*band, previous_k] if 2 <= kk < m})
        for kk in cands:
            lab = cut(kk)
            if len(set(lab.tolist())) < 2:
                continue
            scores.append((kk, float(silhouette_score(dist, lab, metric="precomputed"))))
        if not scores:
            chosen = band[0]
        else:
            best = max(s for _, s in scores)
            kept = [s for kk, s in scores if kk == previous_k]
            if kept and kept[0] >= best - K_TOLERANCE:
                chosen = previous_k
            else:
                chosen = min(kk for kk, s in scores if s >= best - K_PARSIMONY)
    lab = cut(chosen)
    cents = []
    for c in range(int(lab.max()) + 1):
        rows = np.flatnonzero(lab == c)
        if len(rows) >= min(MIN_THEME_SIZE, max(1, m // 50)):
            cents.append(zs[rows].mean(axis=0))
    if not cents:
        cents = [zs.mean(axis=0)]
    return _normalise_rows(np.asarray(cents, dtype=np.float32)), chosen, scores


def build_themes(
    docs: Sequence[ThemeDoc],
    previous: Sequence[PreviousTheme] = (),
    constraints: Constraints | None = None,
    *,
    seed: int = 0,
    k: int | None = None,
) -> ThemeBuild:
    """Cluster ``docs`` into themes, keeping previous identities and panel decisions.

    ``k`` forces the number of free themes (benchmarks only); by default the
    build chooses it. Deterministic for the same input and ``seed``.
    """
    constraints = constraints or Constraints()
    rng = np.random.default_rng(seed)
    excluded = constraints.excluded
    docs = [d for d in docs if d.id not in excluded]
    ids = [d.id for d in docs]
    index_of = {doc_id: i for i, doc_id in enumerate(ids)}
    n = len(ids)

    # Pins: explicit ones, plus every member of a locked theme.
    pins: dict[DocId, ThemeId] = {}
    for theme in previous:
        if theme.locked:
            for member in theme.member_ids:
                pins[member] = theme.id
    pins.update({d: t for d, t in constraints.pinned.items() if d not in excluded})
    pins = {d: t for d, t in pins.items() if d in index_of}

    counts, columns = _compact(vz.stack_blobs(d.representation for d in docs))
    idf = _idf(counts)
    is_concept = _concept_mask(columns)
    x = _tfidf(counts, idf, is_concept)
    x_words = _tfidf(counts[:, ~is_concept], idf[~is_concept])
    del counts

    if n == 0:
        empty = ThemeModel((), np.zeros(0, np.int32), np.zeros(0, np.float32), sparse.csr_matrix((0, 0)), 1.0)
        return ThemeBuild((), (), (), empty, (), 0)

    # 2. LSA of each view, fitted on a bounded sample, applied to all in batches.
    fit_rows = np.sort(rng.choice(n, size=min(n, FIT_SAMPLE), replace=False))
    views = [_lsa(x, fit_rows, seed), _lsa(x_words, fit_rows, seed)]
    del x_words
    # The consensus step clusters truncations of each view (the leading d
    # components are the rank-d LSA), so keep the raw views for its sample.
    z = _join(views)

    # 3. Number of themes and centroids, on free (unpinned) reports.
    free_rows = np.array([i for i, d in enumerate(ids) if d not in pins], dtype=np.int64)
    locked_ids = sorted({t for t in pins.values()}, key=str)
    locked_cents = (
        _normalise_rows(
            np.asarray(
                [z[[index_of[d] for d, t in pins.items() if t == lt]].mean(axis=0) for lt in locked_ids],
                dtype=np.float32,
            )
        )
        if locked_ids
        else np.zeros((0, z.shape[1]), np.float32)
    )
    scores: list[tuple[int, float]] = []
    free_cents = np.zeros((0, z.shape[1]), np.float32)
    chosen_k = 0
    if len(free_rows) >= 2 * MIN_THEME_SIZE:
        unlocked_prev = [t for t in previous if not t.locked]
        sample = np.sort(rng.choice(free_rows, size=min(len(free_rows), CONSENSUS_SAMPLE), replace=False))
        prev_label = np.full(len(sample), -1, dtype=np.int64)
        pos_of = {int(r): j for j, r in enumerate(sample)}
        for b, theme in enumerate(unlocked_prev):
            for member in theme.member_ids:
                j = pos_of.get(index_of.get(member, -1))
                if j is not None:
                    prev_label[j] = b
        free_cents, chosen_k, scores = _consensus_centroids(
            [view[sample] for view in views],
            z[sample],
            seed=seed,
            k=k,
            previous_k=len(unlocked_prev),
            previous_label=prev_label,
            n_total=len(free_rows),
        )
        fit = z[np.sort(rng.choice(free_rows, size=min(len(free_rows), FIT_SAMPLE), replace=False))]
        init = _warm_start(z, index_of, unlocked_prev, free_cents.shape[0], free_cents)
        if init is not None:
            # A rebuild starts from the previous themes (in the new space),
            # topped up with the consensus themes least like any of them, so
            # themes the evidence still supports come back where they were.
            free_cents = _refine(fit, init, WARM_ITERS)
        elif REFINE_ITERS:
            # The consensus saw a sample; k-means steps on the larger fit sample
            # settle the centroids near a fixed point, so the next rebuild
            # (which refines from them) does not drift.
            free_cents = _refine(fit, free_cents, REFINE_ITERS)
    del views

    # 4. Assignment of free reports to the nearest centroid (free or locked).
    all_cents = np.vstack([locked_cents, free_cents]).astype(np.float32)
    n_locked = len(locked_ids)
    label = np.full(n, -1, dtype=np.int64)
    sim = np.zeros(n, dtype=np.float32)
    if all_cents.shape[0] and len(free_rows):
        for start in range(0, len(free_rows), BATCH):
            rows = free_rows[start : start + BATCH]
            s = z[rows] @ all_cents.T
            label[rows] = np.argmax(s, axis=1)
            sim[rows] = s[np.arange(len(rows)), label[rows]]
    for d, t in pins.items():
        i = index_of[d]
        label[i] = locked_ids.index(t)
        sim[i] = float(z[i] @ all_cents[label[i]])

    # Leave the least typical free reports unthemed, and dissolve tiny clusters.
    if len(free_rows):
        cut = max(MIN_AFFINITY, float(np.quantile(sim[free_rows], UNTHEMED_QUANTILE)))
        low = free_rows[sim[free_rows] < cut]
        label[low] = -1
    sizes = np.bincount(label[label >= 0], minlength=all_cents.shape[0])
    for c in range(n_locked, all_cents.shape[0]):
        if sizes[c] < MIN_THEME_SIZE:
            label[label == c] = -1

    # 5. Identity and lineage.
    clusters = [c for c in range(all_cents.shape[0]) if c < n_locked or (label == c).any()]
    members_of: dict[int, np.ndarray] = {c: np.flatnonzero(label == c) for c in clusters}
    key_of_cluster = {c: key for key, c in enumerate(clusters)}
    identity, lineage = _match_identity(
        clusters=[c for c in clusters if c >= n_locked],
        members_of=members_of,
        ids=ids,
        previous=[t for t in previous if not t.locked],
        key_of_cluster=key_of_cluster,
    )
    for c in range(n_locked):
        identity[c] = locked_ids[c]

    # Keywords need the distinctive features of each cluster.
    themes: list[BuiltTheme] = []
    col_mean = np.asarray(x.mean(axis=0)).ravel() + 1e-9
    for key, c in enumerate(clusters):
        rows = members_of[c]
        if len(rows) == 0:
            continue
        order = rows[np.argsort(-sim[rows])]
        top = _distinctive(np.asarray(x[rows].mean(axis=0)).ravel(), col_mean)
        themes.append(
            BuiltTheme(
                key=key,
                id=identity.get(c),
                member_ids=tuple(ids[i] for i in order),
                similarities=tuple(float(sim[i]) for i in order),
                representative_ids=tuple(ids[i] for i in order[:REPRESENTATIVES]),
                top_features=tuple(int(columns[t]) for t in top),
            )
        )
    model = _assignment_model(x, columns, idf, label, clusters, key_of_cluster, free_rows)
    return ThemeBuild(
        themes=tuple(themes),
        unthemed_ids=tuple(ids[i] for i in np.flatnonzero(label < 0)),
        lineage=tuple(lineage),
        model=model,
        k_candidates=tuple(scores),
        chosen_k=chosen_k,
    )


def _distinctive(mean: np.ndarray, col_mean: np.ndarray) -> np.ndarray:
    """Columns most distinctive of a group whose mean weighted row is ``mean``:
    mean weight times its log ratio to the corpus mean, best first, positive only."""
    score = mean * np.log(mean / col_mean + 1e-9).clip(min=0)
    top = np.argsort(-score, kind="stable")[:TOP_FEATURES]
    return top[score[top] > 0]


@dataclass(frozen=True)
class KeywordCorpus:
    """What a group's keywords are measured against between builds: the scope's
    idf and mean weighted row over every hashed column."""

    idf: np.ndarray
    concept_mask: np.ndarray
    column_mean: np.ndarray


def keyword_corpus(blobs: Sequence[bytes]) -> KeywordCorpus:
    """The build's weighting over these stored representations (uncompacted,
    which changes no weight)."""
    counts = vz.stack_blobs(blobs)
    idf = _idf(counts)
    mask = _concept_mask(np.arange(counts.shape[1], dtype=np.int32))
    weighted = _tfidf(counts, idf, mask)
    return KeywordCorpus(idf, mask, np.asarray(weighted.mean(axis=0)).ravel() + 1e-9)


def describe_members(members: Sequence[tuple[DocId, bytes]], corpus: KeywordCorpus) -> BuiltTheme:
    """A group of reports described as a build describes a theme (for ``keywords``
    and ``theme_title``): the same distinctive features, and its most typical
    members, which the build ranks in its LSA projection and this ranks by cosine
    to the members' mean weighted row. Used to keep a theme's keywords current
    as reports join it between builds."""
    ids = [pk for pk, _blob in members]
    weighted = _tfidf(vz.stack_blobs(blob for _pk, blob in members), corpus.idf, corpus.concept_mask)
    mean = np.asarray(weighted.mean(axis=0)).ravel()
    similarity = np.asarray(weighted @ mean).ravel()
    order = np.argsort(-similarity, kind="stable")
    return BuiltTheme(
        key=0,
        id=None,
        member_ids=tuple(ids[i] for i in order),
        similarities=tuple(float(similarity[i]) for i in order),
        representative_ids=tuple(ids[i] for i in order[:REPRESENTATIVES]),
        top_features=tuple(int(c) for c in _distinctive(mean, corpus.column_mean)),
    )


def _match_identity(
    *,
    clusters: Sequence[int],
    members_of: Mapping[int, np.ndarray],
    ids: Sequence[DocId],
    previous: Sequence[PreviousTheme],
    key_of_cluster: Mapping[int, int],
) -> tuple[dict[int, ThemeId], list[LineageLink]]:
    """Hungarian matching of new clusters to previous themes by Jaccard overlap.

    Lineage children that have no id yet are given as :class:`NewTheme` keys.
    """
    identity: dict[int, ThemeId] = {}
    lineage: list[LineageLink] = []
    if not previous:
        return identity, lineage
    # Contingency table by counting label pairs: O(N), no set operations.
    index_of = {doc_id: i for i, doc_id in enumerate(ids)}
    prev_label = np.full(len(ids), -1, dtype=np.int64)
    for b, theme in enumerate(previous):
        for member in theme.member_ids:
            i = index_of.get(member)
            # Only reports present in this build count: an excluded or deleted
            # report should not make a theme look different from its successor.
            if i is not None:
                prev_label[i] = b
    new_label = np.full(len(ids), -1, dtype=np.int64)
    for a, c in enumerate(clusters):
        new_label[members_of[c]] = a
    both = (new_label >= 0) & (prev_label >= 0)
    inter = np.bincount(
        new_label[both] * len(previous) + prev_label[both], minlength=len(clusters) * len(previous)
    ).reshape(len(clusters), len(previous))
    new_sizes = np.bincount(new_label[new_label >= 0], minlength=len(clusters))
    old_sizes = np.bincount(prev_label[prev_label >= 0], minlength=len(previous))
    union = new_sizes[:, None] + old_sizes[None, :] - inter
    jac = np.where(union > 0, inter / np.maximum(union, 1), 0.0)
    if clusters:
        rows, cols = linear_sum_assignment(-jac)
        for a, b in zip(rows, cols, strict=True):
            if jac[a, b] >= MIN_IDENTITY_JACCARD:
                identity[clusters[a]] = previous[b].id
    # Edges parent -> child carrying a real share of either side.
    edges: dict[int, list[int]] = defaultdict(list)  # cluster index -> parents
    children: dict[int, list[int]] = defaultdict(list)  # parent -> cluster indices
    for a in range(len(clusters)):
        for b in range(len(previous)):
            if not inter[a, b]:
                continue
            if (
                inter[a, b] / max(1, old_sizes[b]) >= LINEAGE_SHARE
                or inter[a, b] / max(1, new_sizes[a]) >= LINEAGE_SHARE
            ):
                edges[a].append(b)
                children[b].append(a)
    for b, theme in enumerate(previous):
        if not children[b]:
            lineage.append(LineageLink(theme.id, None, "retired", 0))
            continue
        for a in children[b]:
            child: ThemeId = identity.get(clusters[a], NewTheme(key_of_cluster[clusters[a]]))
            if identity.get(clusters[a]) == theme.id:
                kind = "continued"
            elif len(edges[a]) > 1:
                kind = "merged"
            else:
                kind = "split"
            lineage.append(LineageLink(theme.id, child, kind, int(inter[a, b])))
    return identity, lineage


@dataclass(frozen=True, slots=True)
class NewTheme:
    """Lineage placeholder for a theme created by this build (by build key)."""

    key: int


def resolve_lineage(build: ThemeBuild, new_ids: Mapping[int, ThemeId]) -> list[LineageLink]:
    """Lineage with :class:`NewTheme` placeholders replaced by ids (``new_ids``: key -> id)."""
    out = []
    for link in build.lineage:
        child = link.child
        if isinstance(child, NewTheme):
            child = new_ids.get(child.key)
        out.append(LineageLink(link.parent, child, link.kind, link.shared_reports))
    return out


def _assignment_model(
    x: sparse.csr_matrix,
    columns: np.ndarray,
    idf: np.ndarray,
    label: np.ndarray,
    clusters: Sequence[int],
    key_of_cluster: Mapping[int, int],
    free_rows: np.ndarray,
) -> ThemeModel:
    """Sparse TF-IDF centroids (top terms only) + idf for between-build assignment."""
    cents = []
    keys = []
    for c in clusters:
        rows = np.flatnonzero(label == c)
        if len(rows) == 0:
            continue
        mean = np.asarray(x[rows].mean(axis=0)).ravel()
        top = np.argsort(-mean)[:CENTROID_TERMS]
        vec = np.zeros_like(mean)
        vec[top] = mean[top]
        cents.append(vec)
        keys.append(key_of_cluster[c])
    if not cents:
        return ThemeModel((), np.zeros(0, np.int32), np.zeros(0, np.float32), sparse.csr_matrix((0, 0)), 1.0)
    dense = _normalise_rows(np.asarray(cents, dtype=np.float32))
    used = np.flatnonzero(dense.any(axis=0))
    cent = sparse.csr_matrix(dense[:, used])
    model = ThemeModel(tuple(keys), columns[used].astype(np.int32), idf[used].astype(np.float32), cent, 0.0)
    # Threshold: the same share of least typical members as the build leaves out.
    themed = np.flatnonzero(label >= 0)
    themed = np.intersect1d(themed, free_rows) if len(free_rows) else themed
    if len(themed) == 0:
        return model
    sample = themed[:: max(1, len(themed) // 20_000)]
    sims = np.asarray((x[sample][:, used] @ cent.T).max(axis=1).toarray()).ravel()
    threshold = float(np.quantile(sims, UNTHEMED_QUANTILE))
    return ThemeModel(model.theme_keys, model.columns, model.idf, cent, threshold)


# ----------------------------------------------------------------------------
# Between builds: nearest theme and near-duplicates for one new report
# ----------------------------------------------------------------------------
def _weighted(vector: vz.SparseVector, columns: np.ndarray, idf: np.ndarray) -> np.ndarray:
    """Dense TF-IDF vector of ``vector`` over ``columns`` (unit length)."""
    pos = np.searchsorted(columns, vector.indices)
    pos = np.clip(pos, 0, max(0, len(columns) - 1))
    hit = (len(columns) > 0) & (columns[pos] == vector.indices) if len(columns) else np.zeros(0, bool)
    out = np.zeros(len(columns), dtype=np.float32)
    if len(columns):
        out[pos[hit]] = np.log1p(vector.values[hit]) * idf[pos[hit]]
        nz = np.flatnonzero(out)
        if len(nz):
            out[nz] *= _block_scale(out[nz], _concept_mask(columns[nz]), np.zeros(len(nz), np.int64), 1)
    norm = float(np.linalg.norm(out))
    return out / norm if norm else out


@dataclass(frozen=True, slots=True)
class Assignment:
    theme_key: int | None
    similarity: float


def assign_to_theme(vector: vz.SparseVector, model: ThemeModel) -> Assignment:
    """Nearest theme of a new report if close enough, else None (wait for the build)."""
    if not model.theme_keys:
        return Assignment(None, 0.0)
    # The model's columns are sorted (they come from np.unique).
    vec = _weighted(vector, model.columns, model.idf)
    sims = model.centroids @ vec
    best = int(np.argmax(sims))
    score = float(sims[best])
    if score < max(model.threshold, 1e-6):
        return Assignment(None, score)
    return Assignment(model.theme_keys[best], score)


def cosine(a: vz.SparseVector, b: vz.SparseVector) -> float:
    """Cosine of two stored vectors with sublinear TF (no corpus weighting needed)."""
    common, ia, ib = np.intersect1d(a.indices, b.indices, assume_unique=True, return_indices=True)
    if len(common) == 0:
        return 0.0
    va, vb = np.log1p(a.values), np.log1p(b.values)
    return float((va[ia] * vb[ib]).sum() / (np.linalg.norm(va) * np.linalg.norm(vb)))


#: Two reports this similar describe the same incident (same words, same order of
#: facts). Set well above the similarity of two reports on one theme.
NEAR_DUPLICATE: float = 0.8


def find_near_duplicates(
    vector: vz.SparseVector,
    candidates: Sequence[tuple[DocId, vz.SparseVector]],
    *,
    threshold: float = NEAR_DUPLICATE,
) -> list[tuple[DocId, float]]:
    """Candidates that are near-duplicates of ``vector``, most similar first."""
    hits = [(cid, cosine(vector, cvec)) for cid, cvec in candidates]
    return sorted([(c, s) for c, s in hits if s >= threshold], key=lambda h: -h[1])


# ----------------------------------------------------------------------------
# What a theme tells a panel: keywords, title, excerpts
# ----------------------------------------------------------------------------
_SURFACE_RE = re.compile(r"[A-Za-z][A-Za-z'&-]*[A-Za-z]|[A-Za-z]")
_POSSESSIVE = re.compile(r"'s\b")
#: Words that can be distinctive of a theme by chance but tell a panel nothing on their own
#: (display only: they stay in the representation).
_VAGUE_WORDS = frozenset(
    [
        "several",
        "happened",
        "happen",
        "happens",
        "thing",
        "things",
        "lot",
        "lots",
        "still",
        "really",
        "also",
        "even",
        "already",
        "ever",
        "every",
        "much",
        "many",
        "way",
        "went",
        "got",
        "get",
        "said",
        "told",
        "asked",
        "just",
        "quite",
        "back",
        "make",
        "made",
        "know",
        "knew",
        "want",
        "wanted",
        "tried",
        "going",
        "anyone",
        "someone",
        "something",
        "nothing",
        "everyone",
        "nobody",
    ]
)


def keywords(
    theme: BuiltTheme,
    texts: Mapping[DocId, tuple[str, str, str]],
    *,
    limit: int = 8,
) -> list[str]:
    """Readable distinctive keywords of ``theme``.

    ``texts`` maps some members (the representatives are enough) to
    ``(narrative, what_would_help, service_area)`` of their de-identified text;
    hashed features are mapped back to words found in those texts.
    """
    wanted = {col: rank for rank, col in enumerate(theme.top_features)}
    found: dict[str, int] = {}
    surface: dict[str, Counter[str]] = defaultdict(Counter)
    for narrative, help_text, area in texts.values():
        for feat in vz.features(narrative=narrative, what_would_help=help_text, service_area=area):
            if feat[:2] in ("w:", "b:"):
                col = vz.feature_index(feat)
                if col in wanted:
                    found[feat] = wanted[col]
        for raw in _SURFACE_RE.findall(vz.normalise(narrative + " " + help_text)):
            surface[vz._stem(raw.lower())][raw.lower()] += 1
    ranked = sorted(found, key=lambda f: found[f])
    out: list[str] = []
    for feat in ranked:
        parts = feat[2:].split(" ")
        label = _POSSESSIVE.sub("", " ".join(surface[p].most_common(1)[0][0] if surface.get(p) else p for p in parts))
        words = set(label.split())
        if len(words) == 1 and words <= _VAGUE_WORDS:
            continue
        shown = [kept for kept in out if words & set(kept.split())]
        if shown:
            # A bigram takes the place of its words already shown ("near", "miss" -> "near miss");
            # a word already inside a shown bigram adds nothing.
            if len(words) > 1 and all(" " not in kept for kept in shown):
                at = out.index(shown[0])
                out = [kept for kept in out if kept not in shown]
                out.insert(at, label)
            continue
        out.append(label)
        if len(out) >= limit:
            break
    return out


def title_from_keywords(words: Sequence[str]) -> str:
    """A provisional title from keywords alone; the panel renames it at will."""
    if not words:
        return "Untitled theme"
    head = ", ".join(words[:3])
    return head[0].upper() + head[1:]


def theme_title(theme: BuiltTheme, words: Sequence[str]) -> str:
    """A readable provisional title: the theme's most distinctive concept group
    in plain words, then its top keywords, e.g. "Court work: hearing, parent".
    Falls back to keywords when no concept stands out. (A second concept was
    tried and read as noise more often than not.)"""
    by_column = vz.concept_of_column()
    concept = next((by_column[c] for c in theme.top_features if by_column.get(c) in vz.CONCEPT_TITLES), None)
    if concept is None:
        return title_from_keywords(words)
    head = vz.CONCEPT_TITLES[concept]
    tail = [w for w in words if w.lower() not in head.lower()][:3]
    return f"{head}: {', '.join(tail)}" if tail else head


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def excerpt(text: str, *, max_chars: int = 220) -> str:
    """The opening sentences of a de-identified narrative, cut at a sentence end."""
    text = " ".join(text.split())
    if len(text) <= max_chars:
        return text
    out = ""
    for sentence in _SENTENCE_END.split(text):
        if len(out) + len(sentence) + 1 > max_chars:
            break
        out = (out + " " + sentence).strip()
    if not out:
        out = text[: max_chars - 1].rsplit(" ", 1)[0] + "\u2026"
    return out


def representative_excerpts(
    theme: BuiltTheme,
    texts: Mapping[DocId, str],
    representations: Mapping[DocId, vz.SparseVector] | None = None,
    *,
    count: int = 3,
) -> list[tuple[DocId, str]]:
    """``count`` typical members' excerpts, skipping near-duplicates of ones already chosen."""
    chosen: list[tuple[DocId, str]] = []
    chosen_vecs: list[vz.SparseVector] = []
    for doc_id in theme.representative_ids:
        if doc_id not in texts:
            continue
        vec = representations.get(doc_id) if representations else None
        if vec is not None and any(cosine(vec, other) >= NEAR_DUPLICATE for other in chosen_vecs):
            continue
        chosen.append((doc_id, excerpt(texts[doc_id])))
        if vec is not None:
            chosen_vecs.append(vec)
        if len(chosen) >= count:
            break
    return chosen


# ----------------------------------------------------------------------------
# Model (de)serialisation for storage in the database
# ----------------------------------------------------------------------------
def encode_model(model: ThemeModel) -> bytes:
    import io

    buf = io.BytesIO()
    cent = model.centroids.tocsr() if model.centroids.shape[0] else sparse.csr_matrix((0, len(model.columns)))
    np.savez_compressed(
        buf,
        keys=np.asarray(model.theme_keys, dtype=np.int64),
        columns=model.columns.astype(np.int32),
        idf=model.idf.astype(np.float32),
        data=cent.data.astype(np.float32),
        indices=cent.indices.astype(np.int32),
        indptr=cent.indptr.astype(np.int64),
        shape=np.asarray(cent.shape, dtype=np.int64),
        threshold=np.asarray([model.threshold], dtype=np.float64),
    )
    return buf.getvalue()


def decode_model(blob: bytes) -> ThemeModel:
    import io

    with np.load(io.BytesIO(blob), allow_pickle=False) as arrays:
        shape = tuple(int(v) for v in arrays["shape"])
        cent = sparse.csr_matrix((arrays["data"], arrays["indices"], arrays["indptr"]), shape=shape)
        return ThemeModel(
            theme_keys=tuple(int(k) for k in arrays["keys"]),
            columns=arrays["columns"],
            idf=arrays["idf"],
            centroids=cent,
            threshold=float(arrays["threshold"][0]),
        )


def member_key_map(build: ThemeBuild) -> dict[DocId, int]:
    """Report id -> theme key of the build (unthemed reports absent)."""
    return {m: t.key for t in build.themes for m in t.member_ids}


__all__ = [
    "Assignment",
    "BuiltTheme",
    "Constraints",
    "LineageLink",
    "NewTheme",
    "PreviousTheme",
    "ThemeBuild",
    "ThemeDoc",
    "ThemeModel",
    "assign_to_theme",
    "build_themes",
    "candidate_ks",
    "cosine",
    "decode_model",
    "encode_model",
    "excerpt",
    "find_near_duplicates",
    "keywords",
    "member_key_map",
    "representative_excerpts",
    "resolve_lineage",
    "title_from_keywords",
]

"""Value of the AI-chat signal: ranking quality against the simulation's true interests and AUC
on held-out clicks, with and without the signal, overall and per region, bootstrap CIs over people.

Everything is vectorised: one multiplicity matrix (resamples × people) per region and metric
drives its bootstrap, processed in blocks of resamples so a call stays within a few tens of MB.
Scenario-independent pieces (true-interest top-k, the held-out rows) are cached per dataset.
"""

from __future__ import annotations

import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from adlens import ranking, schema
from adlens.ranking import rank, rankable_topics
from adlens.scenario import Scenario
from adlens.signals import Features, chat_rules, features

if TYPE_CHECKING:
    from scipy import sparse

VARIANTS = ("with AI chat", "without AI chat", "difference")
METRICS = ("precision@k", "ndcg@k", "auc")
REGIONS = ("All", *schema.REGIONS)
MAX_AUC_CELLS = 20_000_000  # positives × people above which AUC gets no bootstrap interval
# Resamples × columns held at once in a bootstrap block: 1M float64 cells = 8 MB per array,
# a few arrays at a time keep one evaluate under ~50 MB extra whatever the population.
BOOT_CELLS = 1_000_000
HELDOUT_MAX_ROWS = ranking.HELDOUT_MAX_ROWS
_PER_DATASET_ENTRIES = 4  # of each kind, per dataset (e.g. sensitive lists seen)


@dataclass(frozen=True)
class QualityReport:
    """Long-form summary: region ('All' or a schema.REGIONS id), metric ('precision@k',
    'ndcg@k', 'auc'), variant (VARIANTS), value, ci_low, ci_high (95% bootstrap over people),
    n_people. 'difference' is with minus without, paired over the same resampled people."""

    summary: pd.DataFrame
    k: int
    n_boot: int

    def value(self, metric: str, variant: str = "with AI chat", region: str = "All") -> float:
        s = self.summary
        row = s[(s["metric"] == metric) & (s["variant"] == variant) & (s["region"] == region)]
        return float(row["value"].iloc[0]) if len(row) else float("nan")


# --- per-dataset cache ------------------------------------------------------------------------
# Keyed by the Prepared object itself (weakly): entries vanish with the dataset, and nothing
# cached is ever mutated (arrays are made read-only).
_CACHE: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_LOCK = threading.Lock()


def _cached(prepared, kind: str, key: Hashable, build: Callable[[], object]) -> object:
    with _LOCK:
        store = _CACHE.setdefault(prepared, {}).setdefault(kind, {})
        if key in store:
            return store[key]
    value = build()
    with _LOCK:
        store[key] = value
        while len(store) > _PER_DATASET_ENTRIES:
            store.pop(next(iter(store)))
    return value


def _frozen(*arrays: np.ndarray) -> tuple[np.ndarray, ...]:
    for a in arrays:
        a.flags.writeable = False
    return arrays


@dataclass(frozen=True, eq=False)
class _Truth:
    """Per person: which topics are in their true top k (ties included), the ideal DCG and
    whether their interests are known, for one set of rankable topics."""

    in_truth: np.ndarray  # (n_users, N_TOPICS) bool
    ideal: np.ndarray
    known: np.ndarray
    k_eff: int


def _truth(prepared, allowed: np.ndarray, k: int) -> _Truth:
    def build() -> _Truth:
        interests = prepared.interests
        k_eff = int(min(k, allowed.sum()))
        truth = np.where(allowed[None, :], np.nan_to_num(interests, nan=-np.inf), -np.inf)
        top_true = -np.partition(-truth, k_eff - 1, axis=1)[:, :k_eff]
        top_true = -np.sort(-top_true, axis=1)
        in_truth = truth >= top_true[:, -1:]  # ties at the cut-off count as relevant
        discount = 1.0 / np.log2(np.arange(2, k_eff + 2))
        ideal = (np.clip(top_true, 0, None) * discount).sum(axis=1)
        known = ~np.isnan(interests).all(axis=1)
        return _Truth(*_frozen(in_truth, ideal, known), k_eff=k_eff)

    return _cached(prepared, "truth", (allowed.tobytes(), k), build)


def _per_person_topk(prepared, scenario: Scenario, k: int, allowed: np.ndarray
                     ) -> tuple[np.ndarray, np.ndarray]:
    """precision@k and NDCG@k per person (NaN without true interests), averaged over ad apps
    (used by adlens.whatif too)."""
    feats = features(prepared.codes, scenario, rules=chat_rules(prepared.codes, scenario))
    return _topk_metrics(prepared, feats, k, allowed)


def _topk_metrics(prepared, feats: Features, k: int, allowed: np.ndarray
                  ) -> tuple[np.ndarray, np.ndarray]:
    """precision@k and NDCG@k per person from the scenario's features."""
    n_users = prepared.codes.n_users
    nan = np.full(n_users, np.nan)
    interests = prepared.interests
    if interests is None or n_users == 0 or allowed.sum() == 0:
        return nan, nan.copy()
    truth = _truth(prepared, allowed, k)
    picks = rank(feats, prepared.click_model, allowed, k)
    slot = picks.user * len(schema.AD_APPS) + picks.app
    n_slots = n_users * len(schema.AD_APPS)
    hits = np.bincount(slot, truth.in_truth[picks.user, picks.topic], minlength=n_slots)
    gain = np.clip(interests[picks.user, picks.topic], 0, None) / np.log2(picks.rank + 1)
    dcg = np.bincount(slot, np.nan_to_num(gain), minlength=n_slots)
    precision = (hits / truth.k_eff).reshape(n_users, -1).mean(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        ndcg = (dcg.reshape(n_users, -1) / truth.ideal[:, None]).mean(axis=1)
    precision[~truth.known] = np.nan
    ndcg[~truth.known | (truth.ideal <= 0)] = np.nan
    return precision, ndcg


def _without_ai_chat(feats: Features) -> Features:
    """The features with the AI-chat switch off: chat_rules then blocks every chat, so the chat
    feature is all zeros and the other signals are untouched (tested)."""
    return Features(by_signal=feats.by_signal,
                    ai_chat=np.broadcast_to(np.zeros((), dtype=feats.ai_chat.dtype),
                                            feats.ai_chat.shape))


# --- bootstrap ----------------------------------------------------------------------------------
_BOOT_CACHE: OrderedDict[tuple, np.ndarray] = OrderedDict()
BOOT_CACHE_BYTES = 16_000_000  # multiplicities kept for reuse: every stream of the sample


def _multiplicities(n: int, n_boot: int, stream: tuple[int, ...]) -> np.ndarray:
    """(n_boot, n) how often each person is drawn in each resample: read-only, uint8 (counts
    above 255 do not happen in practice; float32 then). Cached by bytes (least recently used
    first out), as the same streams come back for every scenario of a dataset."""
    key = (n, n_boot, stream)
    with _LOCK:
        if key in _BOOT_CACHE:
            _BOOT_CACHE.move_to_end(key)
            return _BOOT_CACHE[key]
    out = _draw_multiplicities(n, n_boot, stream)
    with _LOCK:
        _BOOT_CACHE[key] = out
        while sum(a.nbytes for a in _BOOT_CACHE.values()) > BOOT_CACHE_BYTES and _BOOT_CACHE:
            _BOOT_CACHE.popitem(last=False)
    return out


def _multiplicity_blocks(n: int, n_boot: int, stream: tuple[int, ...]
                         ) -> Iterator[tuple[int, np.ndarray]]:
    """(first resample, counts) per block of resamples, drawn in blocks whose size depends
    only on n, so the draws are fixed by (n, n_boot, stream) and the int64 draws never exceed
    one block."""
    rng = np.random.default_rng(stream)
    rows = max(1, BOOT_CELLS // 4 // max(n, 1))  # three int64 temporaries per block
    for start in range(0, n_boot, rows):
        b = min(rows, n_boot - start)
        draws = rng.integers(0, n, (b, n))
        flat = (np.arange(b)[:, None] * n + draws).ravel()
        yield start, np.bincount(flat, minlength=b * n).reshape(b, n)


def _draw_multiplicities(n: int, n_boot: int, stream: tuple[int, ...]) -> np.ndarray:
    """Every block of `_multiplicity_blocks` in one (n_boot, n) array."""
    out = np.empty((n_boot, n), dtype=np.uint8)
    for start, counts in _multiplicity_blocks(n, n_boot, stream):
        if out.dtype == np.uint8 and counts.max(initial=0) > 255:
            out = out.astype(np.float32)
        out[start:start + len(counts)] = counts
    out.flags.writeable = False
    return out


def _streamed_means_with_ci(a: np.ndarray, b: np.ndarray, n_boot: int,
                            stream: tuple[int, ...]) -> list[tuple[float, float, float]]:
    """`_paired_means_with_ci` with the multiplicities of `_multiplicities(len(a), n_boot,
    stream)` drawn block by block and never held whole: the same resamples, so the same
    intervals (to float rounding), at a memory set by BOOT_CELLS instead of n_boot × people
    bytes (2 GB for 10M people and 200 resamples)."""
    ab = np.column_stack([a, b])
    boot = np.empty((n_boot, 2))
    for start, counts in _multiplicity_blocks(len(a), n_boot, stream):
        boot[start:start + len(counts)] = counts.astype(np.float64) @ ab
    return _means_and_intervals(a, b, boot / len(a))


def _means_and_intervals(a: np.ndarray, b: np.ndarray, boot: np.ndarray
                         ) -> list[tuple[float, float, float]]:
    """(mean, 2.5%, 97.5%) of a, b and a - b, from the resampled means of a and b (columns
    of `boot`, one row per resample)."""
    means = [float(a.mean()), float(b.mean()), float((a - b).mean())]
    boots = (boot[:, 0], boot[:, 1], boot[:, 0] - boot[:, 1])
    return [(v, *(float(q) for q in np.percentile(x, [2.5, 97.5])))
            for v, x in zip(means, boots, strict=True)]


def _stream(seed: int, region: str, metric: str) -> tuple[int, ...]:
    """Each (region, metric) resamples from its own stream, so asking for fewer regions or
    metrics gives the same numbers for those asked."""
    return (seed, REGIONS.index(region), METRICS.index(metric))


def _boot_rows(n_boot: int, n_cols: int, max_cells: int) -> int:
    return max(1, min(n_boot, max_cells // max(n_cols, 1)))


def _paired_means_with_ci(a: np.ndarray, b: np.ndarray, m: np.ndarray,
                          max_cells: int = BOOT_CELLS) -> list[tuple[float, float, float]]:
    """(mean, 2.5%, 97.5%) of a, b and a - b over people, the difference paired: one product
    of each block of resamples with both columns."""
    if len(a) == 0:
        return [(float("nan"),) * 3] * 3
    if not m.size:
        return [(v, float("nan"), float("nan"))
                for v in (float(a.mean()), float(b.mean()), float((a - b).mean()))]
    rows = _boot_rows(len(m), m.shape[1], max_cells)
    ab = np.column_stack([a, b])
    boot = np.concatenate([m[s:s + rows].astype(np.float64) @ ab
                           for s in range(0, len(m), rows)]) / len(a)
    return _means_and_intervals(a, b, boot)


@dataclass(frozen=True, eq=False)
class _AucParts:
    """One AUC problem with scores sorted once: `at` (levels × people) holds the positive
    weight at each distinct positive score (a level); `under` ((levels + 1) × people) holds
    each negative's weight at the first level at or above its score (half of it if tied with
    that level) and `tied` the other half of tied ones, which counts from the next level up;
    a cumulative sum over levels is then the negative weight under each level (ties half)."""

    at: sparse.csr_matrix
    under: sparse.csr_matrix
    tied: sparse.csr_matrix
    n_levels: int

    def boot(self, m: np.ndarray, max_cells: int = BOOT_CELLS) -> np.ndarray:
        """AUC per resample (rows of m: multiplicity per person), in blocks of resamples of
        at most `max_cells` (levels or people × resamples) cells per array."""
        out = np.empty(len(m))
        rows = _boot_rows(len(m), max(self.n_levels + 1, m.shape[1]), max_cells)
        for s in range(0, len(m), rows):
            mb = np.ascontiguousarray(m[s:s + rows].T, dtype=np.float64)  # (people, block)
            out[s:s + rows] = self._auc(mb)
        return out

    def point(self) -> float:
        return float(self._auc(np.ones((self.at.shape[1], 1)))[0])

    def _auc(self, mb: np.ndarray) -> np.ndarray:
        pos_w = self.at @ mb  # (levels, block)
        neg = self.under @ mb
        if self.tied.nnz:
            neg[1:] += (self.tied @ mb)[:-1]
        neg_cum = np.cumsum(neg, axis=0)  # last row: all negative weight
        numerator = np.einsum("lb,lb->b", pos_w, neg_cum[:self.n_levels])
        with np.errstate(invalid="ignore", divide="ignore"):
            return numerator / (pos_w.sum(axis=0) * neg_cum[-1])


def _auc_parts(score: np.ndarray, label: np.ndarray, person: np.ndarray, weight: np.ndarray,
               n_people: int) -> _AucParts:
    """Rows must come sorted by score (ascending). Levels then only grow along the rows, so
    the matrices are built directly in CSR order: no further sort, no hashing."""
    pos = label.astype(bool)
    n = len(score)
    new = np.ones(n, dtype=bool)
    new[1:] = score[1:] != score[:-1]
    group = np.cumsum(new, dtype=np.int32) - 1  # int32: these arrays are one per row
    group_pos = np.bincount(group, weights=pos, minlength=int(group[-1]) + 1 if n else 0) > 0
    below = np.cumsum(group_pos) - group_pos  # positive levels strictly under each group
    n_levels = int(group_pos.sum())
    level = below[group]
    tied = group_pos[group] & ~pos

    at = _csr_in_row_order(level[pos], person[pos], weight[pos], n_levels, n_people)
    # A negative tied with level l counts half under l and fully from l + 1: half its weight
    # goes in `under` at l and half in `tied`, which `_AucParts` adds one level up.
    neg = ~pos
    half = np.where(tied[neg], 0.5, 1.0) * weight[neg]
    under = _csr_in_row_order(level[neg], person[neg], half, n_levels + 1, n_people)
    tied_neg = neg & tied
    shifted = _csr_in_row_order(level[tied_neg], person[tied_neg], 0.5 * weight[tied_neg],
                                n_levels + 1, n_people)
    return _AucParts(at=at, under=under, tied=shifted, n_levels=n_levels)


def _csr_in_row_order(rows: np.ndarray, cols: np.ndarray, data: np.ndarray, n_rows: int,
                      n_cols: int) -> sparse.csr_matrix:
    """CSR from entries already in row order, adjacent repeats of a (row, column) merged.
    Rows sorted by score keep each person's tied rows adjacent (the held-out rows are in
    person order and the sort is stable), so this merges most repeats without a sort."""
    new = np.ones(len(rows), dtype=bool)
    new[1:] = (rows[1:] != rows[:-1]) | (cols[1:] != cols[:-1])
    first = np.flatnonzero(new)
    summed = np.add.reduceat(data, first) if len(first) else data[:0]
    indptr = np.concatenate([[0], np.cumsum(np.bincount(rows[first], minlength=n_rows))])
    # Imported here: SciPy's import (about 0.3 s, with NumPy submodules it pulls in) is not
    # needed by the Overview's figures, which use this module's bootstrap helpers only.
    from scipy import sparse  # noqa: PLC0415

    return sparse.csr_matrix((summed, cols[first], indptr), shape=(n_rows, n_cols))


def weighted_auc_boot(score: np.ndarray, label: np.ndarray, person: np.ndarray,
                      weight: np.ndarray, m: np.ndarray, max_cells: int = BOOT_CELLS
                      ) -> np.ndarray:
    """AUC of each bootstrap resample (rows of m: multiplicity per person), ties counting half.

    The scores are sorted once; each resample's AUC is then two sparse products (see
    `_AucParts`), resamples going in blocks of `max_cells` cells. Exact in float64.
    """
    order = np.argsort(score, kind="stable")
    parts = _auc_parts(score[order], label[order], person[order], weight[order], m.shape[1])
    return parts.boot(m, max_cells)


# --- held-out clicks ------------------------------------------------------------------------------
@dataclass(frozen=True, eq=False)
class _HeldOutRows:
    """The rows of ranking.heldout_data (person, allowed topic, ad app) without features:
    they depend only on the dataset and the sensitive list, so they are cached."""

    user: np.ndarray  # int32; narrow dtypes: this stays cached, ~7 bytes a row
    topic: np.ndarray  # int16
    app: np.ndarray  # int8
    y: np.ndarray
    keep_rate: float  # share of non-clicked rows kept
    cut: int

    @property
    def weight(self) -> np.ndarray:
        """Undoes the subsampling of non-clicked rows (as ranking.heldout_data)."""
        return np.where(self.y, 1.0, 1.0 / self.keep_rate)


def _heldout_rows(prepared, sensitive_topics: tuple[str, ...],
                  max_rows: int = HELDOUT_MAX_ROWS, seed: int = 0) -> _HeldOutRows | None:
    """Same cells, labels and weights as ranking.heldout_data (tested), built once per dataset
    and sensitive list; None without impressions or people."""

    def build() -> _HeldOutRows | None:
        codes, imp = prepared.codes, prepared.impressions
        if len(imp) == 0 or codes.n_users == 0:
            return None
        _, cut, hi = ranking._cuts(imp)
        keep_rate = ranking._keep_rate(codes.n_users, sensitive_topics, 1, max_rows)
        cells = ranking.window_cells(codes.n_users, imp, sensitive_topics, cut, hi, keep_rate,
                                     np.random.default_rng(seed))
        y = cells.label
        app = cells.app.astype(np.int8)
        topic = cells.topic.astype(np.int16)
        user = cells.user.astype(np.int32)
        return _HeldOutRows(*_frozen(user, topic, app, y), keep_rate=keep_rate, cut=cut)

    return _cached(prepared, "heldout", (sensitive_topics, max_rows, seed), build)


def _heldout_scores(prepared, scenario: Scenario, rows: _HeldOutRows
                    ) -> tuple[np.ndarray, np.ndarray]:
    """Click log-odds of the held-out rows with and without the AI-chat signal (features as of
    the held-out cut). Without the signal the chat feature is zero, so one feature build
    serves both."""
    codes, model = prepared.codes, prepared.click_model
    with_ai = scenario.with_(ai_chat=True)
    feats = features(codes, with_ai, cut_ms=rows.cut, rules=chat_rules(codes, with_ai))
    without = np.full(len(rows.user), model.intercept)
    for signal in schema.SIGNALS:
        w = model.weight[signal]
        if signal != "ai_chat" and w != 0.0:
            without += w * feats.by_signal[signal][rows.user, rows.topic]
    with_ = without + model.weight["ai_chat"] * feats.ai_chat[rows.app, rows.user, rows.topic]
    return with_, without


def _auc_by_region(prepared, scenario: Scenario, regions: list[str], n_boot: int, seed: int
                   ) -> dict[str, list[tuple]]:
    """AUC rows per region. One variant at a time is sorted and held (the held-out rows are
    the largest arrays here), each region only masking the sorted rows; the difference is
    paired through the same multiplicities, which are fixed by region and seed."""
    rows = _heldout_rows(prepared, tuple(scenario.sensitive_topics))
    if rows is None:
        return {r: [(r, "auc", v, np.nan, np.nan, np.nan, 0) for v in VARIANTS] for r in regions}
    n_users = prepared.codes.n_users
    masks, local, n_people, usable = {}, {}, {}, {}
    for region in regions:
        in_region = np.ones(n_users, dtype=bool) if region == "All" else np.asarray(
            prepared.codes.region == region)
        present = np.zeros(n_users, dtype=bool)
        present[rows.user[in_region[rows.user]]] = True
        masks[region] = in_region
        local[region] = np.cumsum(present) - 1  # people in sorted order, as np.unique
        n_people[region] = int(present.sum())
        label = rows.y[in_region[rows.user]]
        usable[region] = bool(label.any() and not label.all())
    results: dict[str, list[tuple[float, np.ndarray | None]]] = {r: [] for r in regions}
    boot_ok: dict[str, bool] = {}
    scores = list(_heldout_scores(prepared, scenario, rows))
    weight = rows.weight
    # Each region's rows as one contiguous slice of the score order (a stable sort by region
    # keeps them sorted by score), so a region costs a slice, not a mask over every row.
    code = np.full(n_users, len(regions), dtype=np.int8)
    for j, region in enumerate(regions):
        if region != "All":
            code[masks[region]] = j
    for i in range(2):
        score, scores[i] = scores[i], None  # unsorted scores go as soon as sorted
        order = np.argsort(score, kind="stable")
        score, user, y, w = score[order], rows.user[order], rows.y[order], weight[order]
        del order
        row_code = code[user]
        by_region = np.argsort(row_code, kind="stable")
        bounds = np.searchsorted(row_code[by_region], np.arange(len(regions) + 1))
        del row_code
        for j, region in enumerate(regions):
            if not usable[region]:
                continue
            if region == "All":
                person = user if n_people[region] == n_users else local[region][user]
                parts = _auc_parts(score, y, person, w, n_people[region])
            else:
                sl = by_region[bounds[j]:bounds[j + 1]]
                parts = _auc_parts(score[sl], y[sl], local[region][user[sl]], w[sl],
                                   n_people[region])
            if i == 0:
                boot_ok[region] = bool(
                    n_boot and parts.n_levels * n_people[region] <= MAX_AUC_CELLS)
            boot = None
            if boot_ok[region]:
                m = _multiplicities(n_people[region], n_boot, _stream(seed, region, "auc"))
                boot = parts.boot(m)
            results[region].append((parts.point(), boot))
        del score, user, y, w, by_region
    out = {}
    for region in regions:
        if not usable[region]:
            out[region] = [(region, "auc", v, np.nan, np.nan, np.nan, n_people[region])
                           for v in VARIANTS]
            continue
        (p_with, b_with), (p_without, b_without) = results[region]
        points = (p_with, p_without, p_with - p_without)
        if b_with is not None:
            cis = [np.nanpercentile(b, [2.5, 97.5])
                   for b in (b_with, b_without, b_with - b_without)]
        else:
            cis = [(np.nan, np.nan)] * 3
        out[region] = [(region, "auc", v, p, float(ci[0]), float(ci[1]), n_people[region])
                       for v, p, ci in zip(VARIANTS, points, cis, strict=True)]
    return out


# --- public -------------------------------------------------------------------------------------
def summary_rows(region_of: np.ndarray, per_person: dict[str, tuple[np.ndarray, np.ndarray]],
                 regions: list[str], metrics: list[str], auc: dict[str, list[tuple]],
                 n_boot: int, seed: int) -> list[tuple]:
    """The report's rows from per-person values: `per_person[metric]` = (with, without) per
    person (NaN where unknown), `region_of` each person's region, `auc` the AUC rows per region.
    Only the per-person vectors and their order matter, so the engine in blocks of people
    (adlens.block_commands) gives the same rows from its concatenated per-person values."""
    out = []
    for region in regions:
        people = (np.arange(len(region_of)) if region == "All"
                  else np.flatnonzero(region_of == region))
        for metric in metrics:
            if metric == "auc":
                out.extend(auc[region])
                continue
            a, b = per_person[metric]
            keep = people[~np.isnan(a[people]) & ~np.isnan(b[people])]
            stream = _stream(seed, region, metric)
            if len(keep) and n_boot and len(keep) * n_boot > BOOT_CACHE_BYTES:
                # Too many to keep for reuse anyway: drawn and used block by block.
                cis = _streamed_means_with_ci(a[keep], b[keep], n_boot, stream)
            else:
                m = (_multiplicities(len(keep), n_boot, stream)
                     if len(keep) and n_boot else np.zeros((0, 0), dtype=np.float32))
                cis = _paired_means_with_ci(a[keep], b[keep], m)
            for variant, (value, lo, hi) in zip(VARIANTS, cis, strict=True):
                out.append((region, metric, variant, value, lo, hi, len(keep)))
    return out


def per_person_topk(prepared, scenario: Scenario, k: int
                    ) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """precision@k and NDCG@k per person, with and without the AI-chat signal (the rest of the
    scenario unchanged): {metric: (with, without)}."""
    allowed = rankable_topics(scenario, prepared.topic_ads_count > 0)
    with_ai = scenario.with_(ai_chat=True)
    feats = features(prepared.codes, with_ai, rules=chat_rules(prepared.codes, with_ai))
    both = [_topk_metrics(prepared, f, k, allowed) for f in (feats, _without_ai_chat(feats))]
    return {metric: (both[0][i], both[1][i])
            for i, metric in enumerate(("precision@k", "ndcg@k"))}


def evaluate(prepared, scenario: Scenario, k: int = 5, n_boot: int = 200, seed: int = 0,
             metrics: Iterable[str] = METRICS, regions: Iterable[str] | None = None
             ) -> QualityReport:
    """Quality with and without the AI-chat signal (the rest of the scenario unchanged).

    `metrics` (subset of METRICS) and `regions` ('All' and/or schema.REGIONS ids; default
    'All' plus every region present) limit the work; the rows asked for are the same numbers
    as in the full report.
    """
    metrics = [m for m in METRICS if m in set(metrics)]
    codes = prepared.codes
    present = ["All", *[r for r in schema.REGIONS if (codes.region == r).any()]]
    wanted = present if regions is None else [r for r in present if r in set(regions)]
    per_person: dict[str, tuple[np.ndarray, np.ndarray]] = {}
    if {"precision@k", "ndcg@k"} & set(metrics):
        per_person = {m: v for m, v in per_person_topk(prepared, scenario, k).items()
                      if m in metrics}
    auc = _auc_by_region(prepared, scenario, wanted, n_boot, seed) if "auc" in metrics else {}
    region_of = np.asarray(codes.region, dtype=object)
    out = summary_rows(region_of, per_person, wanted, metrics, auc, n_boot, seed)
    summary = pd.DataFrame(out, columns=["region", "metric", "variant", "value", "ci_low",
                                         "ci_high", "n_people"])
    return QualityReport(summary=summary, k=k, n_boot=n_boot)


def headline(prepared, scenario: Scenario, k: int = 5, n_boot: int = 200, seed: int = 0
             ) -> QualityReport:
    """The Overview's figure only: precision@k with and without AI chat for 'All', with its
    interval; the same numbers as those rows of `evaluate`."""
    return evaluate(prepared, scenario, k=k, n_boot=n_boot, seed=seed,
                    metrics=("precision@k",), regions=("All",))

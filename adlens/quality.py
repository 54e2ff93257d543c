"""Value of the AI-chat signal: ranking quality against the simulation's true interests and AUC
on held-out clicks, with and without the signal, overall and per region, bootstrap CIs over people.

Everything is vectorised. The bootstrap is the Poisson bootstrap with each person's weight
fixed by their id (see `poisson_weights`), so precision@k and NDCG@k reduce to weighted sums
that add over blocks of people (`topk_sums`): the engine in blocks (adlens.block_commands) and
the whole dataset in memory give the same intervals. Scenario-independent pieces (true-interest
top-k, the held-out rows, the people's keys) are cached per dataset.
"""

from __future__ import annotations

import dataclasses
import threading
import weakref
from collections.abc import Callable, Hashable, Iterable
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
# Resamples × columns held at once in an AUC bootstrap block: 1M float64 cells = 8 MB per
# array, a few arrays at a time keep one evaluate under ~50 MB extra whatever the population.
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


# --- bootstrap: Poisson weights per person ------------------------------------------------------
# The Poisson bootstrap (Hanley & MacGibbon 2006, "Creating non-parametric bootstrap samples
# using Poisson frequencies", Computer Methods and Programs in Biomedicine 83:57-62; Chamandy,
# Muralidharan, Najmi & Naidu 2012, "Estimating uncertainty for massive data streams", Google
# technical report): in each resample every person gets an independent Poisson(1) weight
# instead of a multinomial count, and a mean becomes Σ weight × value / Σ weight. The weight is
# fixed by (seed, the person's id, the resample number) through a counter-based hash, not drawn
# from a random stream, so a person weighs the same whichever block, block size or order they
# are summed in: a block of people hands back its weighted sums per resample (a few KB), the
# blocks' sums add up, and one block, many blocks and the whole dataset in memory give the same
# intervals (tested to 1e-9). Resample sizes vary (Σ weight ≈ n ± √n); for means of n people
# the intervals match the multinomial bootstrap's to O(1/n) (tested).
_GOLDEN = 0x9E3779B97F4A7C15  # splitmix64's increment (Steele, Lea & Flood 2014)
PERSON_CHUNK = 5_000  # people whose weights are drawn at once: 200 resamples ≈ 8 MB of uint64


def _mix64(x: np.ndarray) -> np.ndarray:
    """splitmix64's finaliser, in place on a uint64 array (a bijection with full avalanche:
    neighbouring inputs give unrelated outputs); returns x."""
    x ^= x >> np.uint64(30)
    x *= np.uint64(0xBF58476D1CE4E5B9)
    x ^= x >> np.uint64(27)
    x *= np.uint64(0x94D049BB133111EB)
    x ^= x >> np.uint64(31)
    return x


def _poisson_thresholds() -> np.ndarray:
    """uint64 cut points of Poisson(1)'s CDF scaled to 2**64: a uniform 64-bit draw x has weight
    k when thresholds[k - 1] <= x < thresholds[k] (inverse-CDF sampling). Stops where the CDF
    rounds to 1 in float64 (k = 18: a larger weight has probability below 1e-16)."""
    cuts, cdf, pmf, k = [], 0.0, np.exp(-1.0), 0
    while cdf + pmf < 1.0:
        cdf += pmf
        cuts.append(int(cdf * 2.0**64))
        k += 1
        pmf /= k
    return np.array(cuts, dtype=np.uint64)


_POISSON_CUTS = _poisson_thresholds()
_COUNTED_CUTS = 6  # cut points compared one by one in poisson_weights (weights 0 to 6)


def person_keys(user_ids: np.ndarray) -> np.ndarray:
    """A stable 64-bit key per person id (pandas' SipHash of the id's UTF-8 text, the hash
    `engine.person_turns` reduces), whatever rows or blocks the people come in."""
    if len(user_ids) == 0:
        return np.zeros(0, dtype=np.uint64)
    return pd.util.hash_array(np.asarray(user_ids, dtype=object).astype(str).astype(object))


def _keys(prepared) -> np.ndarray:
    """`person_keys` of a prepared dataset's people, cached (read-only)."""
    return _cached(prepared, "person_keys", None,
                   lambda: _frozen(person_keys(prepared.codes.user_ids))[0])


def poisson_weights(keys: np.ndarray, start: int, count: int, seed: int) -> np.ndarray:
    """(count, people) uint8: each person's Poisson(1) weight in resamples start .. start +
    count - 1, a function of (seed, key, resample) only."""
    resample = np.arange(start, start + count, dtype=np.uint64) + np.uint64(1)
    salt = _mix64(np.full(1, seed % 2**64, dtype=np.uint64) + np.uint64(_GOLDEN))
    salt = _mix64(resample * np.uint64(_GOLDEN) ^ salt)
    x = _mix64(np.asarray(keys, dtype=np.uint64)[None, :] ^ salt[:, None])
    # The inverse CDF as a count of the cut points at or below x: weights of 0 to 6 from six
    # comparisons (a third of `searchsorted`'s time, the same weights); the rare larger ones
    # (P(weight ≥ 7) ≈ 8e-5) are looked up exactly.
    weight = (x >= _POISSON_CUTS[0]).view(np.uint8)
    for cut in _POISSON_CUTS[1:_COUNTED_CUTS]:
        weight += x >= cut
    large = np.flatnonzero(x >= _POISSON_CUTS[_COUNTED_CUTS])
    if large.size:
        weight.flat[large] = np.searchsorted(_POISSON_CUTS, x.flat[large], side="right")
    return weight


def poisson_sums(keys: np.ndarray, values: np.ndarray, n_boot: int, seed: int) -> np.ndarray:
    """(n_boot, columns): Σ over people of weight × values[person, column] in each resample,
    the weights of `poisson_weights`, drawn for PERSON_CHUNK people at a time."""
    values = np.asarray(values, dtype=np.float64)
    out = np.zeros((n_boot, values.shape[1]))
    if not n_boot:
        return out
    for s in range(0, len(keys), PERSON_CHUNK):
        w = poisson_weights(keys[s:s + PERSON_CHUNK], 0, n_boot, seed)
        out += w.astype(np.float64) @ values[s:s + PERSON_CHUNK]
    return out


def ratio_intervals(total: np.ndarray, boot: np.ndarray) -> list[tuple[float, float, float]]:
    """(value, 2.5%, 97.5%) of Σ with / Σ count, Σ without / Σ count and their difference
    (paired: the same weights), from `total` = (Σ with, Σ without, Σ count) and `boot` =
    the same sums weighted, one row per resample. A mean over people is the case count = 1."""
    count = total[2]
    if count == 0:
        return [(float("nan"),) * 3] * 3
    points = (total[0] / count, total[1] / count, (total[0] - total[1]) / count)
    if not len(boot):
        return [(float(v), float("nan"), float("nan")) for v in points]
    with np.errstate(invalid="ignore", divide="ignore"):
        a, b = boot[:, 0] / boot[:, 2], boot[:, 1] / boot[:, 2]
    out = []
    for v, draws in zip(points, (a, b, a - b), strict=True):
        draws = draws[~np.isnan(draws)]  # a resample that weighs nobody (tiny groups only)
        lo, hi = np.percentile(draws, [2.5, 97.5]) if len(draws) else (np.nan, np.nan)
        out.append((float(v), float(lo), float(hi)))
    return out


TOPK_METRICS = ("precision@k", "ndcg@k")


@dataclass(frozen=True, eq=False)
class TopkSums:
    """precision@k / NDCG@k of some people, as sums that add over blocks of people.

    Per group (REGIONS: 'All', then schema.REGIONS): `people` in it; per group and metric:
    `total` (Σ with, Σ without and how many people have both values) and per resample `boot`
    the same sums weighted by the people's Poisson weights. (n_boot, groups, metrics, 3)
    floats whatever the number of people: 58 KB for 200 resamples of both metrics."""

    metrics: tuple[str, ...]
    n_boot: int
    seed: int
    people: np.ndarray  # (groups,)
    total: np.ndarray  # (groups, metrics, 3)
    boot: np.ndarray  # (n_boot, groups, metrics, 3)

    def __add__(self, other: TopkSums) -> TopkSums:
        if (self.metrics, self.n_boot, self.seed) != (other.metrics, other.n_boot, other.seed):
            raise ValueError("Sums of different metrics, resamples or seeds do not add.")
        return TopkSums(self.metrics, self.n_boot, self.seed, self.people + other.people,
                        self.total + other.total, self.boot + other.boot)

    @classmethod
    def empty(cls, metrics: Iterable[str], n_boot: int, seed: int) -> TopkSums:
        metrics = tuple(metrics)
        g, m = len(REGIONS), len(metrics)
        return cls(metrics, n_boot, seed, np.zeros(g, dtype=np.int64), np.zeros((g, m, 3)),
                   np.zeros((n_boot, g, m, 3)))


def topk_sums(keys: np.ndarray, region_code: np.ndarray,
              per_person: dict[str, tuple[np.ndarray, np.ndarray]], n_boot: int, seed: int
              ) -> TopkSums:
    """The sums of `per_person[metric]` = (with, without) per person (NaN where unknown), for
    people with these `keys` (`person_keys`) and `region_code`s (index in schema.REGIONS)."""
    metrics = tuple(m for m in TOPK_METRICS if m in per_person)
    out = TopkSums.empty(metrics, n_boot, seed)
    region_code = np.asarray(region_code, dtype=np.int64)
    people = np.bincount(region_code + 1, minlength=len(REGIONS))
    people[0] = len(region_code)
    n_cols = len(REGIONS) * len(metrics) * 3
    total, boot = np.zeros(n_cols), np.zeros((n_boot, n_cols))
    for s in range(0, len(keys), PERSON_CHUNK):  # (people, groups, metrics, 3) a chunk at once
        sl = slice(s, s + PERSON_CHUNK)
        n = len(keys[sl])
        values = np.zeros((n, len(REGIONS), len(metrics), 3))
        rows = np.arange(n)
        for j, metric in enumerate(metrics):
            a, b = (np.asarray(x, dtype=np.float64)[sl] for x in per_person[metric])
            ok = ~np.isnan(a) & ~np.isnan(b)
            column = np.column_stack([np.where(ok, a, 0.0), np.where(ok, b, 0.0), ok])
            values[:, 0, j] = column
            values[rows, region_code[sl] + 1, j] = column
        values = values.reshape(n, n_cols)
        total += values.sum(axis=0)
        boot += poisson_sums(keys[sl], values, n_boot, seed)
    shape = (len(REGIONS), len(metrics), 3)
    return dataclasses.replace(out, people=people, total=total.reshape(shape),
                               boot=boot.reshape((n_boot, *shape)))


def _boot_rows(n_boot: int, n_cols: int, max_cells: int) -> int:
    return max(1, min(n_boot, max_cells // max(n_cols, 1)))


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

    def boot(self, weights: Callable[[int, int], np.ndarray], n_boot: int,
             max_cells: int = BOOT_CELLS) -> np.ndarray:
        """AUC per resample; `weights(start, count)` gives resamples start .. start + count - 1
        as rows of a weight per person. In blocks of resamples of at most `max_cells` (levels
        or people × resamples) cells per array."""
        out = np.empty(n_boot)
        rows = _boot_rows(n_boot, max(self.n_levels + 1, self.at.shape[1]), max_cells)
        for s in range(0, n_boot, rows):
            count = min(rows, n_boot - s)
            mb = np.ascontiguousarray(weights(s, count).T, dtype=np.float64)  # (people, block)
            out[s:s + count] = self._auc(mb)
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
    return parts.boot(lambda start, count: m[start:start + count], len(m), max_cells)


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
    paired through the same Poisson weights, fixed by person and seed."""
    rows = _heldout_rows(prepared, tuple(scenario.sensitive_topics))
    if rows is None:
        return {r: [(r, "auc", v, np.nan, np.nan, np.nan, 0) for v in VARIANTS] for r in regions}
    n_users = prepared.codes.n_users
    keys = _keys(prepared)
    masks, local, n_people, usable, who = {}, {}, {}, {}, {}
    for region in regions:
        in_region = np.ones(n_users, dtype=bool) if region == "All" else np.asarray(
            prepared.codes.region == region)
        present = np.zeros(n_users, dtype=bool)
        present[rows.user[in_region[rows.user]]] = True
        masks[region] = in_region
        local[region] = np.cumsum(present) - 1  # people in sorted order, as np.unique
        who[region] = keys[present]
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
                boot = parts.boot(lambda start, count, k=who[region]: poisson_weights(
                    k, start, count, seed), n_boot)
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
def summary_rows(sums: TopkSums | None, regions: list[str], metrics: list[str],
                 auc: dict[str, list[tuple]]) -> list[tuple]:
    """The report's rows: precision@k and NDCG@k from `sums` (`topk_sums` of everyone, or the
    sum of every block's: the same rows either way), AUC from `auc`'s rows per region."""
    out = []
    for region in regions:
        g = REGIONS.index(region)
        for metric in metrics:
            if metric == "auc":
                out.extend(auc[region])
                continue
            j = sums.metrics.index(metric)
            cis = ratio_intervals(sums.total[g, j], sums.boot[:, g, j])
            for variant, (value, lo, hi) in zip(VARIANTS, cis, strict=True):
                out.append((region, metric, variant, value, lo, hi, int(sums.total[g, j, 2])))
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
    sums = (topk_sums(_keys(prepared), codes.region_code, per_person, n_boot, seed)
            if per_person else None)
    out = summary_rows(sums, wanted, metrics, auc)
    summary = pd.DataFrame(out, columns=["region", "metric", "variant", "value", "ci_low",
                                         "ci_high", "n_people"])
    return QualityReport(summary=summary, k=k, n_boot=n_boot)


def headline(prepared, scenario: Scenario, k: int = 5, n_boot: int = 200, seed: int = 0
             ) -> QualityReport:
    """The Overview's figure only: precision@k with and without AI chat for 'All', with its
    interval; the same numbers as those rows of `evaluate`."""
    return evaluate(prepared, scenario, k=k, n_boot=n_boot, seed=seed,
                    metrics=("precision@k",), regions=("All",))

"""Value of the AI-chat signal: ranking quality against the simulation's true interests and AUC
on held-out clicks, with and without the signal, overall and per region, bootstrap CIs over people.

Everything is vectorised: one multiplicity matrix (resamples × people) drives every bootstrap.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from adlens import schema
from adlens.ranking import heldout_data, rank, rankable_topics, score_rows
from adlens.scenario import Scenario
from adlens.signals import chat_rules, features

VARIANTS = ("with AI chat", "without AI chat", "difference")
MAX_AUC_CELLS = 20_000_000  # positives × people above which AUC gets no bootstrap interval


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


def _per_person_topk(prepared, scenario: Scenario, k: int, allowed: np.ndarray
                     ) -> tuple[np.ndarray, np.ndarray]:
    """precision@k and NDCG@k per person (NaN without true interests), averaged over ad apps."""
    n_users = prepared.codes.n_users
    nan = np.full(n_users, np.nan)
    interests = prepared.interests
    if interests is None or n_users == 0 or allowed.sum() == 0:
        return nan, nan.copy()
    feats = features(prepared.codes, scenario, rules=chat_rules(prepared.codes, scenario))
    picks = rank(feats, prepared.click_model, allowed, k)
    k_eff = int(min(k, allowed.sum()))
    truth = np.where(allowed[None, :], np.nan_to_num(interests, nan=-np.inf), -np.inf)
    top_true = np.sort(truth, axis=1)[:, ::-1][:, :k_eff]
    cutoff = top_true[:, -1:]
    in_truth = truth >= cutoff  # ties at the cut-off count as relevant
    discount = 1.0 / np.log2(np.arange(2, k_eff + 2))
    ideal = (np.clip(top_true, 0, None) * discount).sum(axis=1)
    slot = picks.user * len(schema.AD_APPS) + picks.app
    n_slots = n_users * len(schema.AD_APPS)
    hits = np.bincount(slot, in_truth[picks.user, picks.topic].astype(float), minlength=n_slots)
    gain = np.clip(interests[picks.user, picks.topic], 0, None) / np.log2(picks.rank + 1)
    dcg = np.bincount(slot, np.nan_to_num(gain), minlength=n_slots)
    precision = (hits / k_eff).reshape(n_users, -1).mean(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        ndcg = (dcg.reshape(n_users, -1) / ideal[:, None]).mean(axis=1)
    known = ~np.isnan(interests).all(axis=1)
    precision[~known] = np.nan
    ndcg[~known | (ideal <= 0)] = np.nan
    return precision, ndcg


def _multiplicities(n: int, n_boot: int, rng: np.random.Generator) -> np.ndarray:
    """(n_boot, n) how often each person is drawn in each resample."""
    draws = rng.integers(0, n, (n_boot, n))
    flat = (np.arange(n_boot)[:, None] * n + draws).ravel()
    return np.bincount(flat, minlength=n_boot * n).reshape(n_boot, n).astype(float)


def _mean_with_ci(values: np.ndarray, m: np.ndarray) -> tuple[float, float, float]:
    if len(values) == 0:
        return (float("nan"),) * 3
    boot = (m @ values) / len(values) if m.size else np.zeros(0)
    lo, hi = (np.percentile(boot, [2.5, 97.5]) if len(boot) else (np.nan, np.nan))
    return float(values.mean()), float(lo), float(hi)


def weighted_auc_boot(score: np.ndarray, label: np.ndarray, person: np.ndarray,
                      weight: np.ndarray, m: np.ndarray) -> np.ndarray:
    """AUC of each bootstrap resample (rows of m: multiplicity per person), ties counting half.

    For each distinct positive score, the per-person negative weight strictly below and at or
    below it is built with one bincount and a cumulative sum, so a resample's AUC is a pair of
    matrix products; no loop over resamples or rows.
    """
    n_people = m.shape[1]
    pos = label.astype(bool)
    levels, pos_level = np.unique(score[pos], return_inverse=True)
    neg_score, neg_person, neg_w = score[~pos], person[~pos], weight[~pos]
    n_levels = len(levels)
    below = np.searchsorted(levels, neg_score, side="right")  # first level strictly above
    at_or_below = np.searchsorted(levels, neg_score, side="left")  # first level at or above

    def table(first_level: np.ndarray) -> np.ndarray:
        counts = np.bincount(first_level * n_people + neg_person, weights=neg_w,
                             minlength=(n_levels + 1) * n_people)
        return np.cumsum(counts.reshape(n_levels + 1, n_people), axis=0)[:n_levels]

    under = 0.5 * (table(below) + table(at_or_below))  # (levels, people)
    neg_below_pos = under[pos_level]  # (positives, people)
    pos_mult = m[:, person[pos]] * weight[pos]  # (boot, positives)
    numerator = np.einsum("bi,bi->b", pos_mult, m @ neg_below_pos.T)
    neg_total = np.bincount(neg_person, weights=neg_w, minlength=n_people)
    denominator = pos_mult.sum(axis=1) * (m @ neg_total)
    with np.errstate(invalid="ignore", divide="ignore"):
        return numerator / denominator


def _auc_point(score, label, weight) -> float:
    ones = np.ones((1, 1))
    return float(weighted_auc_boot(score, label, np.zeros(len(score), dtype=np.int64), weight,
                                   ones)[0])


def evaluate(prepared, scenario: Scenario, k: int = 5, n_boot: int = 200, seed: int = 0
             ) -> QualityReport:
    """Quality with and without the AI-chat signal (the rest of the scenario unchanged)."""
    rng = np.random.default_rng(seed)
    codes = prepared.codes
    with_ai, without_ai = scenario.with_(ai_chat=True), scenario.with_(ai_chat=False)
    allowed = rankable_topics(scenario, prepared.topic_ads_count > 0)
    per_person = {
        "precision@k": [_per_person_topk(prepared, s, k, allowed)[0] for s in (with_ai,
                                                                                  without_ai)],
    }
    ndcg = [_per_person_topk(prepared, s, k, allowed)[1] for s in (with_ai, without_ai)]
    per_person["ndcg@k"] = ndcg
    held = [heldout_data(codes, prepared.impressions, s) for s in (with_ai, without_ai)]
    regions = ["All", *[r for r in schema.REGIONS if (codes.region == r).any()]]
    rows = []
    for region in regions:
        people = np.arange(codes.n_users) if region == "All" else np.flatnonzero(
            codes.region == region)
        for metric, (a, b) in per_person.items():
            keep = people[~np.isnan(a[people]) & ~np.isnan(b[people])]
            m = _multiplicities(len(keep), n_boot, rng) if len(keep) else np.zeros((0, 0))
            for variant, values in zip(VARIANTS, (a[keep], b[keep], a[keep] - b[keep]),
                                       strict=True):
                value, lo, hi = _mean_with_ci(values, m)
                rows.append((region, metric, variant, value, lo, hi, len(keep)))
        rows.extend(_auc_rows(prepared, held, people, region, n_boot, rng))
    summary = pd.DataFrame(rows, columns=["region", "metric", "variant", "value", "ci_low",
                                          "ci_high", "n_people"])
    return QualityReport(summary=summary, k=k, n_boot=n_boot)


def _auc_rows(prepared, held, people: np.ndarray, region: str, n_boot: int,
              rng: np.random.Generator) -> list[tuple]:
    model = prepared.click_model
    in_region = np.zeros(prepared.codes.n_users, dtype=bool)
    in_region[people] = True
    data = []
    for h in held:
        keep = in_region[h.user]
        data.append((score_rows(model, h.x[keep]), h.y[keep], h.user[keep], h.weight[keep]))
    label = data[0][1]
    n_people = len(np.unique(data[0][2]))
    if len(label) == 0 or label.all() or not label.any():
        return [(region, "auc", v, np.nan, np.nan, np.nan, n_people) for v in VARIANTS]
    points = [_auc_point(d[0], d[1], d[3]) for d in data]
    points.append(points[0] - points[1])
    local, person = np.unique(data[0][2], return_inverse=True)
    n_levels = len(np.unique(data[0][0][label]))
    if n_boot and n_levels * len(local) <= MAX_AUC_CELLS:
        m = _multiplicities(len(local), n_boot, rng)
        boots = [weighted_auc_boot(d[0], d[1], person, d[3], m) for d in data]
        boots.append(boots[0] - boots[1])
        cis = [np.nanpercentile(b, [2.5, 97.5]) for b in boots]
    else:
        cis = [(np.nan, np.nan)] * 3
    return [(region, "auc", v, p, float(ci[0]), float(ci[1]), n_people)
            for v, p, ci in zip(VARIANTS, points, cis, strict=True)]

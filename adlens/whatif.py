"""What-if: how the ranked ads, the signals' shares, the quality and the rule exclusions change
from one scenario to another on the same dataset.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from adlens import schema
from adlens.quality import _per_person_topk
from adlens.ranking import rankable_topics


@dataclass(frozen=True)
class Comparison:
    """Scenario a ("before") against b ("after").

    people: user_id, app, region, changed (ads in b's top-k not in a's), jaccard (of the two
      top-k ad sets; 1 when both are empty).
    by_region: region, people, share_changed (share of person-app feeds with any change),
      mean_changed, mean_jaccard.
    signal_shares: signal, before, after, change (shares of the positive contributions).
    quality: metric, before, after, change (precision@k and NDCG@k against true interests,
      point estimates; NaN without true interests).
    exclusions: reason, before, after (events each rule excluded).
    """

    people: pd.DataFrame
    by_region: pd.DataFrame
    signal_shares: pd.DataFrame
    quality: pd.DataFrame
    exclusions: pd.DataFrame
    differences_before: tuple[str, ...]
    differences_after: tuple[str, ...]


def _slots(result) -> tuple[np.ndarray, np.ndarray]:
    """Slot id (person × ad app) and ad index of every recommendation row."""
    rec = result.recommendations
    slot = result.user_code * len(schema.AD_APPS) + rec["app"].cat.codes.to_numpy(np.int64)
    ad = rec["ad_id"].cat.codes.to_numpy(np.int64)
    return slot, ad


def compare(a, b) -> Comparison:
    """Which people's top-k ads changed and by how much, per region; signal shares, quality and
    exclusion counts before (a) and after (b)."""
    if a.prepared is not b.prepared:
        raise ValueError("Both scenarios must be run on the same prepared dataset.")
    prepared = a.prepared
    codes = prepared.codes
    n_ads = len(prepared.ad_ids)
    n_slots = codes.n_users * len(schema.AD_APPS)
    slot_a, ad_a = _slots(a)
    slot_b, ad_b = _slots(b)
    pair_a = np.unique(slot_a * n_ads + ad_a)
    pair_b = np.unique(slot_b * n_ads + ad_b)
    common = np.intersect1d(pair_a, pair_b, assume_unique=True)
    size_a = np.bincount(pair_a // n_ads, minlength=n_slots) if n_ads else np.zeros(n_slots)
    size_b = np.bincount(pair_b // n_ads, minlength=n_slots) if n_ads else np.zeros(n_slots)
    both = np.bincount(common // n_ads, minlength=n_slots) if n_ads else np.zeros(n_slots)
    present = np.flatnonzero((size_a > 0) | (size_b > 0))
    union = size_a + size_b - both
    with np.errstate(invalid="ignore", divide="ignore"):
        jaccard = np.where(union > 0, both / np.maximum(union, 1), 1.0)
    user = present // len(schema.AD_APPS)
    people = pd.DataFrame({
        "user_id": codes.user_ids[user].astype(str),
        "app": np.asarray(schema.AD_APPS, dtype=object)[present % len(schema.AD_APPS)],
        "region": codes.region[user].astype(str),
        "changed": (size_b - both)[present].astype(np.int64),
        "jaccard": jaccard[present].astype(float),
    })
    if people.empty:
        by_region = pd.DataFrame(columns=["region", "people", "share_changed", "mean_changed",
                                          "mean_jaccard"])
    else:
        by_region = (people.assign(any_change=people["changed"] > 0)
                     .groupby("region", sort=True)
                     .agg(people=("user_id", "nunique"), share_changed=("any_change", "mean"),
                          mean_changed=("changed", "mean"), mean_jaccard=("jaccard", "mean"))
                     .reset_index())
    share_a = a.signal_shares().iloc[0]
    share_b = b.signal_shares().iloc[0]
    signal_shares = pd.DataFrame({
        "signal": list(schema.SIGNALS),
        "before": [float(share_a[s]) for s in schema.SIGNALS],
        "after": [float(share_b[s]) for s in schema.SIGNALS],
    })
    signal_shares["change"] = signal_shares["after"] - signal_shares["before"]
    return Comparison(
        people=people, by_region=by_region, signal_shares=signal_shares,
        quality=_quality_change(a, b), exclusions=_exclusion_change(a, b),
        differences_before=tuple(a.scenario.differences()),
        differences_after=tuple(b.scenario.differences()))


def _quality_change(a, b) -> pd.DataFrame:
    rows = []
    values = []
    for result in (a, b):
        allowed = rankable_topics(result.scenario, result.prepared.topic_ads_count > 0)
        precision, ndcg = _per_person_topk(result.prepared, result.scenario, result.top_k,
                                           allowed)
        values.append({"precision@k": _nanmean(precision), "ndcg@k": _nanmean(ndcg)})
    for metric in ("precision@k", "ndcg@k"):
        before, after = values[0][metric], values[1][metric]
        rows.append((metric, before, after, after - before))
    return pd.DataFrame(rows, columns=["metric", "before", "after", "change"])


def _nanmean(values: np.ndarray) -> float:
    values = values[~np.isnan(values)]
    return float(values.mean()) if len(values) else float("nan")


def _exclusion_change(a, b) -> pd.DataFrame:
    from adlens.signals import REASONS

    count_a = a.exclusions["reason"].value_counts()
    count_b = b.exclusions["reason"].value_counts()
    return pd.DataFrame({
        "reason": list(REASONS),
        "before": [int(count_a.get(r, 0)) for r in REASONS],
        "after": [int(count_b.get(r, 0)) for r in REASONS],
    })


# --- the sensitive-topic detector's threshold ------------------------------------------------
THRESHOLD_STEPS = np.round(np.arange(0.01, 1.0, 0.01), 2)  # the What-if slider's values


def threshold_tradeoffs(model) -> dict[str, pd.DataFrame]:
    """Leakage (sensitive chats that would be used) and everyday chats held back at every
    slider threshold, on each labelled validation set: the generated held-out set and, when
    present, the hand-written one (columns as `text_model.threshold_tradeoff`)."""
    from adlens import text_model as tm

    sets = {tm.SET_GENERATED: tm.heldout_set(), tm.SET_HANDWRITTEN: tm.handwritten_set()}
    return {name: tm.threshold_tradeoff(model, labelled.texts, labelled.topics,
                                        thresholds=THRESHOLD_STEPS, kinds=labelled.kinds)
            for name, labelled in sets.items() if labelled is not None and len(labelled)}


def at_threshold(tradeoff: pd.DataFrame, threshold: float) -> pd.Series:
    """The row of a trade-off table nearest to `threshold`."""
    return tradeoff.iloc[int(np.abs(tradeoff["threshold"].to_numpy() - threshold).argmin())]


def sensitive_chats_held_back(prepared, scenario) -> int:
    """AI chats of this dataset the sensitive rule holds back as of the scenario's day (chats
    an earlier rule already stops, such as the region rule, are not counted again)."""
    from adlens.signals import REASONS, as_of_ms, chat_rules

    rules = chat_rules(prepared.codes, scenario)
    chats = prepared.codes.signals["ai_chat"]
    held = (rules.reason_code == REASONS.index("sensitive") + 1) & (chats.ms < as_of_ms(scenario))
    return int(held.sum())


def sensitive_held_back(exclusions: pd.DataFrame) -> dict[str, int]:
    """Events the sensitive-topic rule keeps out of ads, split into AI chats and every other
    signal (likes, site visits, watches… on a sensitive topic are held back too, so the rule's
    total is not a count of chats)."""
    sensitive = exclusions["event_type"][exclusions["reason"] == "sensitive"].astype(str)
    chats = int((sensitive == "ai_chat").sum())
    return {"ai_chats": chats, "other_signals": len(sensitive) - chats}

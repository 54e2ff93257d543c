"""Recall aggregates from per-block pieces (adlens.recall.aggregate_pieces / aggregates_from):
the pandas group-bys they replace give the same figures, and any split of the coincidences into
blocks gives exactly the same aggregates, the median lead time included."""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np
import pandas as pd
import pytest

from adlens import recall, schema

N_GROUPS = len(recall.AGGREGATE_GROUPS)


def _coincidences(n: int, seed: int, regions: tuple[str, ...] = (*schema.REGIONS, "Mars")
                  ) -> pd.DataFrame:
    """Random coincidences with the columns the aggregates read: leads with NaNs, ties and
    whole hours; a region that is none of schema.REGIONS (counted in 'All' only)."""
    rng = np.random.default_rng(seed)
    lead = rng.uniform(0, 48, n)
    lead[rng.random(n) < 0.1] = 12.0  # ties, on a whole hour
    rounded = rng.random(n) < 0.1
    lead[rounded] = np.round(lead[rounded], 1)
    lead[rng.random(n) < 0.2] = np.nan
    p_recall = rng.random(n) ** 3
    p_recall[rng.random(n) < 0.3] = 0.0
    return pd.DataFrame({
        "region": rng.choice(regions, n),
        "kind": rng.choice(["conversation", "ai_chat"], n),
        "label": rng.choice([*recall.LABELS, "unknown"], n),
        "label_ai_chat_on": rng.choice(recall.LABELS, n),
        "label_ai_chat_off": rng.choice(recall.LABELS, n),
        "forgotten_prior": rng.random(n) < 0.4,
        "n_prior_exposures": rng.integers(0, 4, n),
        "lead_hours": lead,
        "top_signal_ai_chat_on": rng.choice([*schema.SIGNALS, ""], n),
        "p_recall_max": p_recall,
        "priming": rng.random(n) * 10.0 ** rng.integers(-12, 0, n),
    })


def _reference(co: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """The aggregates as pandas group-bys over every coincidence (how they were computed before
    the per-block pieces)."""
    both = pd.concat([co.assign(region=recall.ALL), co], ignore_index=True)
    known = both["region"].where(both["region"].isin(recall.AGGREGATE_GROUPS))
    both["region"] = pd.Categorical(known, categories=recall.AGGREGATE_GROUPS)
    by = both.assign(has_prior=both["n_prior_exposures"] > 0,
                     forgotten_prior=both["forgotten_prior"].astype(float)
                     ).groupby("region", observed=False)

    def count(mask: pd.Series) -> pd.Series:
        return mask.groupby(both["region"], observed=False).sum().astype(np.int64)

    summary = pd.DataFrame({
        "n_coincidences": by.size(),
        "n_conversation": count(both["kind"].eq("conversation")),
        "n_ai_chat": count(both["kind"].eq("ai_chat")),
        "share_forgotten_prior": by["forgotten_prior"].mean(),
        "share_with_prior": by["has_prior"].mean(),
        "median_lead_hours": by["lead_hours"].median(),
        "mean_p_recall_max": by["p_recall_max"].mean(),
        "mean_priming": by["priming"].mean(),
        "n_ai_chat_explains": count(both["top_signal_ai_chat_on"].eq("ai_chat")),
        "n_label_ai_chat_on": count(both["label_ai_chat_on"].eq(recall.AI_CHAT_ITSELF)),
        "n_label_ai_chat_off": count(both["label_ai_chat_off"].eq(recall.AI_CHAT_ITSELF)),
    }).reset_index()
    full = pd.MultiIndex.from_product([recall.AGGREGATE_GROUPS, recall.LABELS],
                                      names=["region", "label"])

    def per_label(column: str) -> pd.Series:
        counts = both.groupby(["region", column], observed=False).size()
        return counts.set_axis(counts.index.set_names(["region", "label"])).reindex(
            full, fill_value=0)

    labels = per_label("label").rename("count").reset_index()
    totals = labels.groupby("region")["count"].transform("sum")
    labels["share"] = np.where(totals > 0, labels["count"] / totals.where(totals > 0, 1), 0.0)
    switch = pd.DataFrame({"ai_chat_on": per_label("label_ai_chat_on"),
                           "ai_chat_off": per_label("label_ai_chat_off")}).reset_index()
    leads = both[both["lead_hours"].notna()]
    day = np.floor(leads["lead_hours"].to_numpy() / 24).astype(np.int64)
    grid = pd.MultiIndex.from_product([recall.AGGREGATE_GROUPS,
                                       range(int(day.max()) + 1 if len(day) else 1)],
                                      names=["region", "lead_days"])
    lead = (pd.DataFrame({"region": leads["region"].to_numpy(), "lead_days": day})
            .groupby(["region", "lead_days"], observed=False).size().rename("count")
            .reindex(grid, fill_value=0).reset_index())
    lt = lead.groupby("region")["count"].transform("sum")
    lead["share"] = np.where(lt > 0, lead["count"] / lt.where(lt > 0, 1), 0.0)
    return {"summary": summary, "labels": labels, "ai_chat_switch": switch, "lead_time": lead}


def _same(a: dict[str, pd.DataFrame], b: dict[str, pd.DataFrame], exact: bool) -> None:
    assert a.keys() == b.keys()
    for name in a:
        left, right = a[name].copy(), b[name].copy()
        for frame in (left, right):
            frame["region"] = frame["region"].astype(str)
        pd.testing.assert_frame_equal(left, right, check_exact=exact, rtol=1e-12, atol=0,
                                      check_dtype=exact, obj=name)


@pytest.mark.parametrize("n, seed", [(0, 0), (1, 1), (2, 2), (7, 3), (500, 4), (4001, 5)])
def test_pieces_give_the_group_bys_figures(n: int, seed: int) -> None:
    co = _coincidences(n, seed)
    _same(recall.aggregates(co), _reference(co), exact=False)


def test_an_empty_region_has_no_median_or_means() -> None:
    co = _coincidences(300, 6, regions=("US", "EU"))
    summary = recall.aggregates(co)["summary"].set_index("region")
    assert summary.loc["KR", "n_coincidences"] == 0
    assert summary.loc[["KR", "UK", "Other"], ["median_lead_hours", "mean_p_recall_max",
                                                "share_with_prior"]].isna().all().all()
    assert summary.loc["US", "median_lead_hours"] == co.loc[co["region"] == "US",
                                                            "lead_hours"].median()


@pytest.mark.parametrize("seed", [7, 8])
def test_any_split_into_blocks_gives_exactly_the_same_aggregates(seed: int) -> None:
    co = _coincidences(3000, seed)
    whole = recall.aggregates(co)
    rng = np.random.default_rng(seed)
    shuffled = co.iloc[rng.permutation(len(co))].reset_index(drop=True)
    for n_blocks in (1, 2, 17, 150):
        cuts = np.sort(rng.choice(np.arange(1, len(co)), n_blocks - 1, replace=False))
        edges = [0, *cuts, len(co)]
        chunks = [shuffled.iloc[lo:hi] for lo, hi in zip(edges[:-1], edges[1:], strict=True)]
        pieces = [recall.aggregate_pieces(c) for c in chunks]
        total = pieces[0]
        for p in pieces[1:]:
            total = total + p
        split = recall.aggregates_from(
            total, lambda chunks=chunks: ((c["region"], c["lead_hours"]) for c in chunks))
        _same(split, whole, exact=True)


def test_the_median_reads_only_its_hours_and_notices_leads_that_do_not_match() -> None:
    co = _coincidences(1000, 10)
    pieces = recall.aggregate_pieces(co)
    passes = []

    def leads():
        passes.append(1)
        yield co["region"], co["lead_hours"]

    medians = recall.lead_medians(pieces.lead_hours, leads)
    assert len(passes) == 1
    expected = [co["lead_hours"].median(), *(co.loc[co["region"] == r, "lead_hours"].median()
                                             for r in schema.REGIONS)]
    np.testing.assert_allclose(medians, expected, rtol=1e-15)
    # Leads read back that are not the ones counted (a block's file changed) are refused.
    fewer = co[np.floor(co["lead_hours"]) != np.floor(co["lead_hours"].median())]
    with pytest.raises(ValueError, match="do not match"):
        recall.lead_medians(pieces.lead_hours, lambda: [(fewer["region"], fewer["lead_hours"])])


def test_the_two_middle_leads_in_different_hours_are_averaged() -> None:
    co = _coincidences(4, 11, regions=("US",))
    co["lead_hours"] = [1.25, 3.5, 9.0, 40.75]
    summary = recall.aggregates(co)["summary"].set_index("region")
    assert summary.loc["All", "median_lead_hours"] == summary.loc["US", "median_lead_hours"] \
        == (3.5 + 9.0) / 2
    co["lead_hours"] = [1.25, 3.5, 9.0, np.nan]
    assert recall.aggregates(co)["summary"].set_index("region").loc["US",
                                                                     "median_lead_hours"] == 3.5


def test_exact_sums_do_not_depend_on_order_or_grouping() -> None:
    rng = np.random.default_rng(12)
    values = rng.normal(size=5000) * 10.0 ** rng.integers(-300, 300, 5000)
    values[:50] = 0.0
    values[50:60] = [np.nan, np.inf, -np.inf, 5e-324, -5e-324, 1e300, 3.0, -3.0, -1e300,
                     2.0 ** -1074]
    keys = rng.integers(0, 4, values.size)
    whole = recall.ExactSums.of(values, keys)
    order = rng.permutation(values.size)
    parts = [recall.ExactSums.of(values[i], keys[i]) for i in np.array_split(order, 13)]
    merged = parts[0]
    for p in parts[1:]:
        merged = p + merged
    for key in range(4):
        finite = values[(keys == key) & np.isfinite(values)]
        exact = sum((Fraction(float(v)) for v in finite), Fraction(0))
        assert whole.total(key) == merged.total(key) == exact
        assert float(exact) == math.fsum(finite)
    # It can come out the other way: a plain float sum of the same values in another order
    # does differ.
    plain = {float(np.sum(values[i][np.isfinite(values[i])])) for i in
             (order, np.sort(order), order[::-1])}
    assert len(plain) > 1


def test_means_are_the_exact_mean_rounded_once() -> None:
    co = _coincidences(2000, 13)
    summary = recall.aggregates(co)["summary"].set_index("region")
    values = co["p_recall_max"].to_numpy()
    exact = sum((Fraction(float(v)) for v in values), Fraction(0)) / len(values)
    assert summary.loc["All", "mean_p_recall_max"] == float(exact)

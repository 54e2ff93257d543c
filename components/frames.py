"""Figure-ready frames computed from a dataset or a scenario result: small pure pandas helpers.

No Streamlit here, so each helper is tested on its own; pages cache them by dataset_id.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from adlens import recall, schema
from adlens.scenario import Scenario


def regions(countries: pd.Series) -> pd.Series:
    """Each country's reporting region (US, EU, UK, KR, Other), mapped once per distinct value."""
    mapping = {c: schema.region_of(c) for c in pd.unique(countries.astype("str"))}
    return countries.astype("str").map(mapping)


def people_by_region(users: pd.DataFrame) -> pd.DataFrame:
    """region, uses_meta_ai, people — every region and both groups, zeros included."""
    frame = pd.DataFrame({"region": regions(users["country"]),
                          "uses_meta_ai": users["uses_meta_ai"].astype(bool)})
    counts = frame.groupby(["region", "uses_meta_ai"]).size()
    full = pd.MultiIndex.from_product([schema.REGIONS, [True, False]],
                                      names=["region", "uses_meta_ai"])
    out = counts.reindex(full, fill_value=0).rename("people").reset_index()
    present = out.groupby("region")["people"].transform("sum") > 0
    return out[present].reset_index(drop=True)


def rules_in_force(scenario: Scenario) -> pd.DataFrame:
    """One row per rule: the rule, this view's setting, the announced setting, whether it
    differs (a counterfactual)."""
    announced = Scenario.announced(as_of=scenario.as_of)

    def regions_text(s: Scenario) -> str:
        names = [schema.EXCLUDABLE_REGIONS[r][0] for r in s.excluded_regions]
        return ", ".join(names) if names else "none"

    rows = [
        ("AI-chat signal used for ads and content",
         "on" if scenario.ai_chat else "off", "on" if announced.ai_chat else "off"),
        ("AI chats used from", f"{scenario.policy_start:%d %b %Y}",
         f"{announced.policy_start:%d %b %Y}"),
        ("Regions where AI chats are not used", regions_text(scenario), regions_text(announced)),
        ("Sensitive topics never used for ads", schema.SENSITIVE_LIST_LABELS[
            scenario.sensitive_list], schema.SENSITIVE_LIST_LABELS[announced.sensitive_list]),
        ("A chat shapes ads in another app only if linked in Accounts Center",
         "yes" if scenario.link_rule else "no", "yes" if announced.link_rule else "no"),
        ("Microphone", "never a signal", "never a signal"),
    ]
    frame = pd.DataFrame(rows, columns=["rule", "this view", "announced policy"])
    frame["counterfactual"] = frame["this view"] != frame["announced policy"]
    return frame


def headline_shares(shares_all: pd.DataFrame) -> dict[str, float]:
    """From the engine's everyone-shares: the share of recommended ads with an AI-chat
    contribution and where it is the largest contributor (NaN when no ad is ranked)."""
    if shares_all.empty or int(shares_all["n_ads"].sum()) == 0:
        return {"ai_share": float("nan"), "ai_largest": float("nan"), "ads": 0}
    row = shares_all.iloc[0]
    return {"ai_share": float(row["ads_with_ai_chat"]), "ai_largest": float(row["ai_chat_largest"]),
            "ads": int(row["n_ads"])}


def shares_matrix(shares: pd.DataFrame, by: str | None) -> pd.DataFrame:
    """The engine's signal-share table as a matrix: index = group (as text), one column per
    signal; groups without any ranked ad are dropped."""
    signals = [s for s in schema.SIGNALS if s in shares.columns]
    if shares.empty:
        return pd.DataFrame(columns=signals)
    kept = shares[shares["n_ads"] > 0]
    matrix = kept[signals].copy()
    matrix.index = (["All"] * len(kept) if by is None else kept[by].astype("str").tolist())
    return matrix


def top_ads_changed(a: pd.DataFrame, b: pd.DataFrame, users: pd.DataFrame) -> pd.DataFrame:
    """region, people, changed, share: people whose set of top ads (any app) differs."""
    def fingerprints(recs: pd.DataFrame) -> pd.Series:
        # An order-free fingerprint of each person's (app, ad) set: the wrapped sum of hashes.
        if recs.empty:
            return pd.Series(dtype="uint64")
        keys = recs["app"].astype("str") + ":" + recs["ad_id"].astype("str")
        hashed = pd.util.hash_pandas_object(keys, index=False).to_numpy(dtype=np.uint64)
        return pd.Series(hashed, index=recs["user_id"].to_numpy()).groupby(level=0).sum()

    everyone = users[["user_id", "country"]].copy()
    everyone["region"] = regions(everyone["country"])
    ids = everyone["user_id"].to_numpy()
    left = fingerprints(a).reindex(ids)
    right = fingerprints(b).reindex(ids)
    changed = ~((left.to_numpy() == right.to_numpy()) | (left.isna() & right.isna()).to_numpy())
    everyone["changed"] = changed
    out = everyone.groupby("region").agg(people=("user_id", "size"),
                                         changed=("changed", "sum")).reset_index()
    out["share"] = out["changed"] / out["people"].where(out["people"] > 0)
    order = {r: i for i, r in enumerate(schema.REGIONS)}
    return out.sort_values("region", key=lambda s: s.map(order)).reset_index(drop=True)


def chance(logodds: float) -> float:
    """A click log-odds as a chance of a click."""
    return float(1.0 / (1.0 + np.exp(-float(logodds))))


def chance_steps(ad: pd.Series) -> pd.DataFrame:
    """One ad's score as steps a stakeholder reads: signal, logodds (the exact contribution),
    before, after (chance of a click before and after adding it) — baseline first, then the
    signals largest first; the last `after` is the chance at the ad's score."""
    contribs = [(s, float(ad.get(f"contrib_{s}", 0.0) or 0.0)) for s in schema.SIGNALS]
    contribs = sorted(((s, v) for s, v in contribs if abs(v) > 1e-12), key=lambda sv: -abs(sv[1]))
    baseline = float(ad["baseline"])
    logits = np.cumsum([baseline] + [v for _, v in contribs])
    chances = 1.0 / (1.0 + np.exp(-logits))
    return pd.DataFrame({
        "signal": ["baseline", *[s for s, _ in contribs]],
        "logodds": [baseline, *[v for _, v in contribs]],
        "before": np.concatenate([[0.0], chances[:-1]]),
        "after": chances,
    })


def chance_text(value: float, signed: bool = False) -> str:
    """A chance of a click in as few digits as stay honest: 0.0064 -> '0.64%',
    0.00013 -> '0.013%'; signed for a signal's part ('+0.31%')."""
    percent = float(value) * 100
    if abs(percent) < 0.0005:
        return "±0%" if signed else "0%"
    digits = max(0, min(3, 1 - int(np.floor(np.log10(abs(percent))))))
    sign = "+" if signed and percent > 0 else ""
    return f"{sign}{percent:.{digits}f}%"


def rank_at(scored: pd.DataFrame, k: int, blocked_topics: tuple[str, ...] = (),
            prefer_ad: str | None = None) -> pd.DataFrame:
    """Top-k ads per app from ads scored at one moment (engine.attribute_at's rows for one
    person): one ad per topic, never a blocked topic, ties broken towards `prefer_ad` (the ad
    the person actually saw) and then by ad id; adds `rank`."""
    kept = scored[scored["score"].notna() & ~scored["topic"].isin(blocked_topics)].copy()
    kept["_preferred"] = kept["ad_id"].astype("str") == (prefer_ad or "")
    kept = kept.sort_values(["app", "score", "_preferred", "ad_id"],
                            ascending=[True, False, False, True])
    kept = kept.drop_duplicates(["app", "topic"])
    kept["rank"] = kept.groupby("app", sort=False).cumcount() + 1
    return kept[kept["rank"] <= k].drop(columns="_preferred").reset_index(drop=True)


def interesting_people(users: pd.DataFrame, events: pd.DataFrame,
                       recommendations: pd.DataFrame) -> dict[str, str]:
    """Quick picks: 'typical' (the US Meta AI chatter whose AI-chat part of their ads' positive
    contributions is the median among US chatters with any), 'strongest' (the largest part),
    'eu' (the EU person with the most AI chats). A pick the data cannot give is left out."""
    region = pd.Series(regions(users["country"]).to_numpy(), index=users["user_id"].astype("str"))
    chats = events.loc[events["event_type"] == "ai_chat", "user_id"].astype("str").value_counts()
    picks: dict[str, str] = {}
    if len(recommendations) and "contrib_ai_chat" in recommendations:
        cols = [c for c in recommendations.columns if c.startswith("contrib_")]
        positive = recommendations[cols].clip(lower=0)
        per_person = pd.DataFrame({"user_id": recommendations["user_id"].astype("str"),
                                   "ai": positive["contrib_ai_chat"],
                                   "all": positive.sum(axis=1)}).groupby("user_id").sum()
        part = (per_person["ai"] / per_person["all"].where(per_person["all"] > 0)).dropna()
        part = part[(part > 0) & (part.index.map(region) == "US")]
        if len(part):
            part = part.sort_index()  # a stable choice among ties
            picks["typical"] = str((part - part.median()).abs().idxmin())
            picks["strongest"] = str(part.idxmax())
    if "typical" not in picks:
        us = chats[chats.index.map(region) == "US"]
        if len(us):
            picks["typical"] = str(us.index[0])
    eu = chats[chats.index.map(region) == "EU"]
    if len(eu):
        picks["eu"] = str(eu.index[0])
    elif (region == "EU").any():
        picks["eu"] = str(region.index[region == "EU"][0])
    return picks


def primed_by_a_seen_ad(coincidences: pd.DataFrame, prior: pd.DataFrame,
                        truth: pd.DataFrame | None) -> pd.Series:
    """Per coincidence: the simulation's truth says an ad exposure prompted the conversation,
    and that very exposure is among the coincidence's prior exposures. All False without a
    truth table (an analyst's own data)."""
    co = coincidences
    if truth is None or co.empty or not {"event_id", "cause", "source_event_id"} <= set(truth):
        return pd.Series(False, index=co.index)
    cause = truth.drop_duplicates("event_id").set_index(truth.drop_duplicates("event_id")[
        "event_id"].astype(str))
    conv = co["conversation_event_id"].astype(str)
    primed = conv.map(cause["cause"].astype(str)).to_numpy() == recall.PRIMED
    source = conv.map(cause["source_event_id"]).astype(str).to_numpy()
    seen = pd.MultiIndex.from_arrays([prior["coincidence_id"].to_numpy(),
                                      prior["event_id"].astype(str).to_numpy()])
    found = seen.get_indexer(pd.MultiIndex.from_arrays([co["coincidence_id"].to_numpy(),
                                                        source])) >= 0
    return pd.Series(primed & found, index=co.index)


def typical_coincidence(coincidences: pd.DataFrame,
                        confirmed: pd.Series | None = None) -> pd.Series | None:
    """A clear, typical 'it's listening' moment: an offline conversation, an earlier ad on the
    topic most likely forgotten, then the ad — the one with the median time to the ad among
    those, first among the ones `confirmed` (primed_by_a_seen_ad) when given (falling back to
    any forgotten one, then any). None without coincidences."""
    if coincidences.empty:
        return None
    co = coincidences
    clear = ((co["label"] == recall.FORGOTTEN) & (co["kind"] == "conversation")
             & (co["n_prior_exposures"] > 0))
    sure = clear & (confirmed if confirmed is not None else False)
    for mask in (sure, clear,
                 co["label"] == recall.FORGOTTEN,
                 pd.Series(True, index=co.index)):
        chosen = co[mask]
        if len(chosen):
            gap = (chosen["hours_to_ad"] - chosen["hours_to_ad"].median()).abs()
            return chosen.loc[gap.sort_values(kind="stable").index[0]]
    return None


def exposure_spread(prior: pd.DataFrame, coincidence_ids, lookback_hours: float,
                    bin_hours: float = 4.0, threshold: float = 0.5) -> pd.DataFrame:
    """When the earlier ads of these coincidences came: prior exposures (recall's
    `prior_exposures`: coincidence_id, hours_before, p_recall) counted in `bin_hours` bins
    before the conversation, as likely remembered (chance ≥ `threshold`) or forgotten.
    Columns start, end (hours from the conversation, negative), remembered, forgotten; every
    bin of the look-back, empty ones included."""
    n_bins = max(int(np.ceil(lookback_hours / bin_hours)), 1)
    edges = -bin_hours * np.arange(n_bins, -1, -1, dtype=float)
    part = prior[prior["coincidence_id"].isin(list(coincidence_ids))]
    hours = part["hours_before"].to_numpy(dtype=float)
    # Bin i covers [edges[i], edges[i + 1]) hours from the conversation (an exposure exactly
    # `lookback_hours` before falls into the first bin).
    at = np.clip(np.searchsorted(edges, -hours, side="right") - 1, 0, n_bins - 1)
    kept = part["p_recall"].to_numpy(dtype=float) >= threshold
    return pd.DataFrame({
        "start": edges[:-1], "end": edges[1:],
        "remembered": np.bincount(at[kept], minlength=n_bins).astype(np.int64),
        "forgotten": np.bincount(at[~kept], minlength=n_bins).astype(np.int64),
    })

"""Figure-ready frames computed from a dataset or a scenario result: small pure pandas helpers.

No Streamlit here, so each helper is tested on its own; pages cache them by dataset_id.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from adlens import schema
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


def events_by_week(events: pd.DataFrame) -> pd.DataFrame:
    """day (Monday of the week, UTC), event_type, events, per_day — per_day divides by the
    days of that week inside the data window, so a partial first or last week does not dip."""
    if events.empty:
        return pd.DataFrame({"day": pd.Series(dtype="datetime64[ns]"),
                             "event_type": pd.Series(dtype="str"),
                             "events": pd.Series(dtype="int64"),
                             "per_day": pd.Series(dtype="float64")})
    ts = events["ts"].dt.tz_convert("UTC").dt.tz_localize(None).dt.normalize()
    monday = ts - pd.to_timedelta(ts.dt.day_of_week, unit="D")
    frame = pd.DataFrame({"day": monday, "event_type": events["event_type"].astype("str")})
    out = frame.groupby(["day", "event_type"]).size().rename("events").reset_index()
    first, last = ts.min(), ts.max()
    start = out["day"].where(out["day"] > first, first)
    end = (out["day"] + pd.Timedelta(days=6)).where(out["day"] + pd.Timedelta(days=6) < last,
                                                    last)
    covered = ((end - start).dt.days + 1).clip(lower=1)
    out["per_day"] = out["events"] / covered
    return out


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

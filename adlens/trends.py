"""Trends over time: how much the AI-chat signal weighs in the ads people were actually shown,
week by week and per region, scored as of each ad's own moment.

Feeds the Overview's chart that moves at the policy date; vectorised over impressions.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from adlens import engine, schema
from adlens.scenario import Scenario

SIGNAL = "ai_chat"
MAX_IMPRESSIONS = 40_000  # a seeded sample: weekly shares need thousands, not millions


def _regions(countries: pd.Series) -> pd.Series:
    mapping = {c: schema.region_of(c) for c in pd.unique(countries.astype("str"))}
    return countries.astype("str").map(mapping)


def weekly_signal_share(prepared: engine.Prepared, scenario: Scenario, users: pd.DataFrame,
                        events: pd.DataFrame, signal: str = SIGNAL,
                        max_impressions: int = MAX_IMPRESSIONS,
                        seed: int = 0) -> pd.DataFrame:
    """week (its first day, UTC, naive), region (a region id or 'All'), impressions, share — the
    signal's part of the positive contributions to the scores of the ads shown that week,
    each scored with the events strictly before it under `scenario`'s rules (its as-of day is
    ignored: every impression is scored at its own time). Weeks start on the weekday AI chats
    start to count (`scenario.policy_start`), so no week mixes days before and after it: a
    week starting on Mondays would hold the day before a Tuesday start and the days after,
    and its point would show AI chats counting before they do."""
    columns = ["week", "region", "impressions", "share"]
    shown = events.loc[events["event_type"] == "ad_impression", ["user_id", "ad_id", "app", "ts"]]
    shown = shown[shown["ad_id"].notna() & shown["app"].isin(schema.AD_APPS)]
    if shown.empty:
        return pd.DataFrame(columns=columns)
    if len(shown) > max_impressions:
        shown = shown.sample(max_impressions, random_state=seed)
    scored = engine.attribute_at(prepared, scenario, shown)
    scored = scored[scored["score"].notna()]
    if scored.empty:
        return pd.DataFrame(columns=columns)
    contribs = scored[[f"contrib_{s}" for s in schema.SIGNALS]].to_numpy(dtype=float)
    positive = np.clip(contribs, 0.0, None)
    part = positive[:, schema.SIGNALS.index(signal)]
    ts = pd.to_datetime(scored["ts"], utc=True).dt.tz_localize(None).dt.normalize()
    start = pd.Timestamp(scenario.policy_start)
    country = scored["user_id"].astype("str").map(
        users.set_index(users["user_id"].astype("str"))["country"])
    frame = pd.DataFrame({
        "week": (ts - pd.to_timedelta((ts - start).dt.days % 7, unit="D")).to_numpy(),
        "region": _regions(country.fillna("")).to_numpy(),
        "part": part, "total": positive.sum(axis=1)})
    by_region = frame.groupby(["week", "region"], as_index=False).agg(
        impressions=("part", "size"), part=("part", "sum"), total=("total", "sum"))
    everyone = frame.groupby("week", as_index=False).agg(
        impressions=("part", "size"), part=("part", "sum"), total=("total", "sum"))
    everyone["region"] = "All"
    out = pd.concat([everyone, by_region], ignore_index=True)
    out["share"] = out["part"] / out["total"].where(out["total"] > 0)
    return out[columns].sort_values(["region", "week"]).reset_index(drop=True)

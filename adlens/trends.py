"""Trends over time: how much the AI-chat signal weighs in the ads people were actually shown,
week by week and per region, scored as of each ad's own moment.

Feeds the Overview's chart that moves at the policy date; vectorised over impressions. The
bundled sample's result under the announced policy is stored (`python -m adlens.trends`), so a
fresh server draws the Overview without scoring 40,000 impressions first.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd

from adlens import artifacts, engine, schema
from adlens.scenario import Scenario

STORED_PATH = Path(__file__).resolve().parent / "weekly_ai_share.json"

SIGNAL = "ai_chat"
MAX_IMPRESSIONS = 40_000  # a seeded sample: weekly shares need thousands, not millions


def _regions(countries: pd.Series) -> pd.Series:
    mapping = {c: schema.region_of(c) for c in pd.unique(countries.astype("str"))}
    return countries.astype("str").map(mapping)


def weekly_signal_share(prepared: engine.Prepared, scenario: Scenario, users: pd.DataFrame,
                        events: pd.DataFrame, signal: str = SIGNAL,
                        max_impressions: int = MAX_IMPRESSIONS,
                        seed: int = 0) -> pd.DataFrame:
    """week (Monday, UTC, naive), region (a region id or 'All'), impressions, share — the
    signal's part of the positive contributions to the scores of the ads shown that week,
    each scored with the events strictly before it under `scenario`'s rules (its as-of day is
    ignored: every impression is scored at its own time)."""
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
    country = scored["user_id"].astype("str").map(
        users.set_index(users["user_id"].astype("str"))["country"])
    frame = pd.DataFrame({
        "week": (ts - pd.to_timedelta(ts.dt.day_of_week, unit="D")).to_numpy(),
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


# --- the stored result for the bundled sample ---------------------------------------------------
def stored_key(dataset_id: str, scenario: Scenario) -> dict:
    """What a stored weekly share must have been computed with to be used: the dataset, the
    scenario, this module's source and everything the prepared work's artifacts are keyed by
    (the producing modules' source, the text model, library and Python versions)."""
    return {**artifacts.expected_manifest(dataset_id),
            "trends_version": hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16],
            "scenario": json.loads(scenario.to_json())}


def _frame(records: list[dict]) -> pd.DataFrame:
    columns = ["week", "region", "impressions", "share"]
    frame = pd.DataFrame.from_records(records, columns=columns)
    return frame.astype({"week": "datetime64[us]", "region": "str", "impressions": "int64",
                         "share": "float64"})


def stored_weekly_share(dataset_id: str, scenario: Scenario,
                        path: Path = STORED_PATH) -> pd.DataFrame | None:
    """The stored `weekly_signal_share` when it was computed for exactly this dataset, scenario
    and code (see `stored_key`), else None (missing, unreadable or stale: compute it)."""
    try:
        data = json.loads(Path(path).read_text())
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("key") != stored_key(dataset_id, scenario):
        return None
    return _frame(data.get("weeks", []))


def store_weekly_share(prepared: engine.Prepared, scenario: Scenario, users: pd.DataFrame,
                       events: pd.DataFrame, path: Path = STORED_PATH) -> dict:
    """Compute the weekly share and write it with its key; returns what was written."""
    frame = weekly_signal_share(prepared, scenario, users, events)
    weeks = [{"week": w.isoformat(), "region": str(r), "impressions": int(n),
              "share": None if pd.isna(v) else float(v)}
             for w, r, n, v in frame[["week", "region", "impressions", "share"]].itertuples(
                 index=False)]
    data = {"key": stored_key(prepared.dataset_id, scenario), "weeks": weeks}
    Path(path).write_text(json.dumps(data, indent=1, sort_keys=True) + "\n")
    return data


def main() -> int:
    """Store the bundled sample's weekly AI-chat share under the announced policy, with the
    view's as-of day the app keys it by (make sample runs this)."""
    from adlens import contract  # noqa: PLC0415 — only the command line reads the sample here

    dataset = contract.load_dataset(contract.SAMPLE_DIR)
    data = store_weekly_share(engine.prepare(dataset), Scenario.announced(), dataset.users,
                              dataset.events)
    print(f"stored {STORED_PATH.name} for dataset {data['key']['dataset_id']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

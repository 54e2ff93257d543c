"""The weekly AI-chat share of shown ads' scores moves at the policy date, stays zero where the
rules keep chats out, and follows the scenario's switches."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from adlens import contract, engine, simulate, trends
from adlens.scenario import Scenario


@pytest.fixture(scope="module")
def world():
    frames = simulate.generate_frames(400, 11)
    dataset = contract.from_frames(frames, source="test")
    return dataset, engine.prepare(dataset)


def _share(table: pd.DataFrame, region: str, before: dt.date | None = None,
           after: dt.date | None = None) -> pd.Series:
    rows = table[table["region"] == region]
    if before is not None:
        # a week counts as "before" only when it ends before the day
        rows = rows[rows["week"] + pd.Timedelta(days=7) <= pd.Timestamp(before)]
    if after is not None:
        rows = rows[rows["week"] >= pd.Timestamp(after)]
    return rows["share"].fillna(0.0)


def test_share_is_zero_before_the_policy_and_positive_after(world) -> None:
    dataset, prepared = world
    scenario = Scenario.announced()
    table = trends.weekly_signal_share(prepared, scenario, dataset.users, dataset.events)
    assert set(table.columns) == {"week", "region", "impressions", "share"}
    assert (_share(table, "All", before=scenario.policy_start) == 0).all()
    assert _share(table, "All", after=scenario.policy_start + dt.timedelta(days=7)).mean() > 0
    for region in ("EU", "UK", "KR"):  # excluded regions never have the signal
        assert (_share(table, region) == 0).all()
    # Shares are shares.
    assert table["share"].dropna().between(0, 1).all()



@pytest.mark.parametrize("start", [dt.date(2025, 12, 16), dt.date(2026, 1, 9)])
def test_weeks_start_on_the_day_ai_chats_start_to_count(world, start) -> None:
    """No week mixes days before and after the start: the first week with a share is the one
    starting that very day (a Monday week would hold the day before a Tuesday start)."""
    dataset, prepared = world
    table = trends.weekly_signal_share(prepared, Scenario.announced().with_(policy_start=start),
                                       dataset.users, dataset.events)
    weeks = pd.to_datetime(table["week"])
    assert (weeks.dt.day_of_week == start.weekday()).all()
    assert ((weeks - pd.Timestamp(start)).dt.days % 7 == 0).all()
    rising = table[(table["region"] == "All") & (table["share"].fillna(0) > 0)]
    assert pd.Timestamp(rising["week"].min()) == pd.Timestamp(start)

def test_switches_move_the_curve(world) -> None:
    dataset, prepared = world
    off = trends.weekly_signal_share(prepared, Scenario.announced().with_(ai_chat=False),
                                     dataset.users, dataset.events)
    assert (off["share"].fillna(0) == 0).all()
    later = dt.date(2026, 1, 12)
    moved = trends.weekly_signal_share(prepared, Scenario.announced().with_(policy_start=later),
                                       dataset.users, dataset.events)
    assert (_share(moved, "All", before=later) == 0).all()
    assert _share(moved, "All", after=later + dt.timedelta(days=7)).mean() > 0
    eu_in = trends.weekly_signal_share(prepared, Scenario.announced().with_(
        excluded_regions=("UK", "KR")), dataset.users, dataset.events)
    assert _share(eu_in, "EU", after=dt.date(2026, 1, 1)).mean() > 0


def test_no_impressions_gives_an_empty_table(world) -> None:
    dataset, prepared = world
    events = dataset.events[dataset.events["event_type"] != "ad_impression"]
    assert trends.weekly_signal_share(prepared, Scenario.announced(), dataset.users,
                                      events).empty

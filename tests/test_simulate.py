"""Tests for the simulated population generator (adlens.simulate) and the bundled sample."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from adlens import schema
from adlens.dataset import TRUTH_CAUSES, TRUTH_COLUMNS
from adlens.simulate import (
    BLOCK_USERS,
    SimParams,
    add_listening,
    generate_at_thinning,
    generate_frames,
    generate_to_dir,
    listening_meta,
    population_meta,
    with_listening,
)

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "sample_data"
TABLES = ("users", "ads", "events", "interests", "truth")
POLICY = pd.Timestamp(schema.POLICY_START, tz="UTC")


@pytest.fixture(scope="module")
def population() -> dict[str, pd.DataFrame]:
    return generate_frames(20_000, 11)


def _excluded(users: pd.DataFrame) -> pd.Series:
    """Per user_id: True where the AI-chat signal is not used (EU, UK, KR)."""
    regions = users["country"].map(schema.region_of)
    return pd.Series(regions.isin(list(schema.EXCLUDABLE_REGIONS)).to_numpy(),
                     index=users["user_id"])


# --- reproducibility ---------------------------------------------------------------------------
def test_same_seed_same_frames_and_other_seed_differs() -> None:
    a, b = generate_frames(1_500, 5), generate_frames(1_500, 5)
    for name in TABLES:
        pd.testing.assert_frame_equal(a[name], b[name])
    c = generate_frames(1_500, 6)
    assert not a["users"]["country"].equals(c["users"]["country"])
    assert len(a["events"]) != len(c["events"])


def test_chunk_size_does_not_change_the_population(tmp_path: Path) -> None:
    n = BLOCK_USERS + 1_000  # two blocks, the last one partial
    in_memory = generate_frames(n, 3)
    for chunk in (BLOCK_USERS, 15_000):  # 15,000 is rounded up to 20,000: one chunk
        out = tmp_path / f"chunk{chunk}"
        counts = generate_to_dir(n, 3, out, chunk_users=chunk)
        assert counts["users"] == n
        for name in TABLES:
            pd.testing.assert_frame_equal(pd.read_parquet(out / f"{name}.parquet"),
                                          in_memory[name], obj=f"{name} (chunk {chunk})")


def test_generated_csv_and_parquet_load_through_the_contract(tmp_path: Path) -> None:
    from adlens.contract import load_dataset

    generate_to_dir(500, 4, tmp_path / "csv", fmt="csv")
    generate_to_dir(500, 4, tmp_path / "parquet", fmt="parquet")
    from_csv = load_dataset(tmp_path / "csv")
    from_parquet = load_dataset(tmp_path / "parquet")
    assert from_csv.n_events == from_parquet.n_events > 0
    assert from_csv.events["dwell_ms"].isna().sum() == from_parquet.events["dwell_ms"].isna().sum()
    assert (from_csv.events["ts"] == from_parquet.events["ts"]).all()
    assert load_dataset(SAMPLE).n_users == 5000


def _slow_echo(value: int, seconds: float) -> int:
    import time

    time.sleep(seconds)
    return value


def test_blocks_made_on_a_two_worker_cluster_give_the_same_files(tmp_path: Path) -> None:
    """`generate --workers N`: the blocks are made on Dask workers and numbered and written by
    the caller in order, so the files are the same bytes; the workers start without Dask's
    MALLOC_TRIM_THRESHOLD_, which made a block take half as long again."""
    import os

    from adlens import blocks

    n = 2 * BLOCK_USERS + 300  # three blocks, the last one partial
    generate_to_dir(n, 7, tmp_path / "here", chunk_users=BLOCK_USERS)
    client = blocks.dask_client(workers=2)
    try:
        env = client.run(lambda: {k: os.environ.get(k)
                                  for k in ("MALLOC_TRIM_THRESHOLD_", "OMP_NUM_THREADS")})
        # The first task is the slowest: results still come back in the order of the work.
        echoed = list(blocks.in_order_on_dask(client, _slow_echo, [
            (i, 0.6 if i == 0 else 0.0) for i in range(7)], "echo"))
        counts = generate_to_dir(n, 7, tmp_path / "there", chunk_users=BLOCK_USERS,
                                 client=client)
    finally:
        blocks.close_client(client)
    assert echoed == list(range(7))
    assert list(env.values()) == [{"MALLOC_TRIM_THRESHOLD_": None, "OMP_NUM_THREADS": "1"}] * 2
    assert counts["users"] == n
    for name in (*(f"{t}.parquet" for t in TABLES), "dataset.json"):
        there, here = (tmp_path / "there" / name), (tmp_path / "here" / name)
        assert there.read_bytes() == here.read_bytes(), name


def test_event_ids_are_nine_digits_and_grow_past_them() -> None:
    from adlens.simulate import _event_ids

    ids = _event_ids(np.array([1, 42, 999_999_999])).to_pylist()
    assert ids == ["e000000001", "e000000042", "e999999999"]
    assert _event_ids(np.array([7, 1_000_000_001])).to_pylist() == ["e000000007", "e1000000001"]
    assert _event_ids(np.array([], dtype=np.int64)).to_pylist() == []


def test_csv_output_has_the_same_rows(tmp_path: Path) -> None:
    frames = generate_frames(300, 9)
    generate_to_dir(300, 9, tmp_path, fmt="csv")
    events = pd.read_csv(tmp_path / "events.csv", keep_default_na=False)
    assert events["event_id"].tolist() == frames["events"]["event_id"].tolist()
    assert (pd.to_datetime(events["ts"]) == frames["events"]["ts"]).all()
    assert events["text"].tolist() == frames["events"]["text"].tolist()
    assert (events["dwell_ms"] == "").sum() == frames["events"]["dwell_ms"].isna().sum()
    users = pd.read_csv(tmp_path / "users.csv", keep_default_na=False)
    assert users["uses_meta_ai"].tolist() == frames["users"]["uses_meta_ai"].tolist()


def test_documented_command_reproduces_the_bundled_sample(tmp_path: Path) -> None:
    cmd = [sys.executable, "-m", "adlens", "generate", "--users", "5000", "--seed", "20251216",
           "--out", str(tmp_path), "--format", "parquet"]
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "5,000 of 5,000 people" in done.stderr  # progress goes to stderr
    for name in TABLES:
        pd.testing.assert_frame_equal(pd.read_parquet(tmp_path / f"{name}.parquet"),
                                      pd.read_parquet(SAMPLE / f"{name}.parquet"), obj=name)
    meta = json.loads((tmp_path / "dataset.json").read_text())
    assert json.loads((SAMPLE / "dataset.json").read_text()) == meta
    assert meta["counterfactual"] == [] and meta["listening_rate"] == 0
    assert sum(p.stat().st_size for p in SAMPLE.glob("*.parquet")) <= 8 * 2**20


def test_an_empty_population_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="at least 1"):
        generate_frames(0, 1)
    with pytest.raises(ValueError, match="at least 1"):
        generate_to_dir(0, 1, tmp_path)


def test_cli_rejects_bad_arguments(tmp_path: Path) -> None:
    cmd = [sys.executable, "-m", "adlens", "generate", "--users", "0", "--seed", "1",
           "--out", str(tmp_path)]
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode != 0 and "--users" in done.stderr
    for bad, said in ((["--workers", "0"], "--workers: expected a whole number of at least 1"),
                      (["--workers", "2", "--scheduler", "tcp://x:1"], "not allowed with")):
        done = subprocess.run([*cmd[:5], "5", *cmd[6:], *bad], cwd=ROOT, capture_output=True,
                              text=True, timeout=60)
        assert done.returncode == 2 and said in done.stderr, done.stderr
    assert not any(tmp_path.iterdir())


# --- the data contract -------------------------------------------------------------------------
def test_tables_have_the_contract_columns_and_types(population: dict[str, pd.DataFrame]) -> None:
    for name in ("users", "ads", "events"):
        frame = population[name]
        assert list(frame.columns[:len(schema.REQUIRED_COLUMNS[name])]) == list(
            schema.REQUIRED_COLUMNS[name]), name
        for col in frame.columns:
            if col in ("ts", "dwell_ms", "uses_meta_ai"):
                continue
            assert pd.api.types.is_string_dtype(frame[col]), (name, col)
            assert not frame[col].isna().any(), (name, col)  # absent means ""
    events = population["events"]
    assert isinstance(events["ts"].dtype, pd.DatetimeTZDtype) and str(events["ts"].dt.tz) == "UTC"
    assert events["dwell_ms"].dtype == np.float64
    assert population["users"]["uses_meta_ai"].dtype == bool
    assert events["event_id"].is_unique and population["users"]["user_id"].is_unique
    assert population["ads"]["ad_id"].is_unique
    assert events["event_id"].str.fullmatch(r"e\d{9}").all()
    assert population["users"]["user_id"].str.fullmatch(r"u\d{6}").all()


def test_values_follow_the_vocabulary(population: dict[str, pd.DataFrame]) -> None:
    users, events, ads = population["users"], population["events"], population["ads"]
    assert users["country"].isin(schema.ISO_COUNTRIES).all()
    assert users["age_band"].isin(schema.AGE_BANDS).all()
    tokens = users["linked_apps"].str.split("|").explode()
    assert tokens[tokens != ""].isin(schema.APPS).all()
    assert (users["linked_apps"] == "").mean() > 0.03  # some people link nothing
    assert (users["linked_apps"].str.count(r"\|") >= 2).mean() > 0.1  # some link many
    assert events["event_type"].isin(schema.EVENT_TYPES).all()
    assert set(events["event_type"]) == set(schema.EVENT_TYPES)
    assert events["app"].isin((*schema.APPS, "")).all()
    assert events["topic"].isin((*schema.ALL_TOPICS, "")).all()
    assert events["modality"].isin((*schema.MODALITIES, "")).all()
    assert events["ad_id"].isin((*ads["ad_id"], "")).all()
    assert ads["topic"].isin(schema.ALL_TOPICS).all()
    start, end = pd.Timestamp("2025-11-01", tz="UTC"), pd.Timestamp("2026-02-01", tz="UTC")
    assert events["ts"].between(start, end, inclusive="left").all()


def test_each_event_type_carries_what_it_needs(population: dict[str, pd.DataFrame]) -> None:
    ev = population["events"]
    kind = ev["event_type"]
    off = kind.isin(schema.OFF_APP_EVENT_TYPES)
    assert (ev.loc[off, "app"] == "").all() and (ev.loc[~off, "app"] != "").all()
    chats = ev[kind == "ai_chat"]
    assert (chats["topic"] == "").all() and (chats["text"] != "").all()
    assert chats["true_topic"].isin((*schema.ALL_TOPICS, "")).all()  # '': no ad topic
    glasses = chats["app"] == "glasses"
    assert chats.loc[glasses, "modality"].isin(("voice", "image", "video")).all()
    assert chats.loc[~glasses, "modality"].isin(("text", "voice")).all()
    assert glasses.any() and (chats["modality"] == "voice").mean() > 0.15
    conv = ev[kind == "conversation"]
    assert (conv["topic"] != "").all() and (conv["text"] != "").all()
    assert (conv["true_topic"] == conv["topic"]).all()
    with_topic = kind.isin(("like", "follow", "post", "watch", "friend_like", "site_visit",
                            "ad_impression", "ad_click"))
    assert (ev.loc[with_topic, "topic"] != "").all()
    imp = ev[kind == "ad_impression"]
    assert imp["app"].isin(schema.AD_APPS).all() and (imp["ad_id"] != "").all()
    assert imp["dwell_ms"].gt(0).all()
    assert ev.loc[kind == "watch", "dwell_ms"].gt(0).all()
    assert ev.loc[~kind.isin(("ad_impression", "watch")), "dwell_ms"].isna().all()
    assert (ev.loc[kind == "site_visit", "advertiser"] != "").all()
    assert (ev.loc[kind != "site_visit", "advertiser"] == "").all()
    # Each ad's topic is the event's topic.
    ad_topic = population["ads"].set_index("ad_id")["topic"]
    ads_ev = ev[ev["ad_id"] != ""]
    assert (ads_ev["ad_id"].map(ad_topic) == ads_ev["topic"]).all()


def test_clicks_follow_an_impression_of_the_same_ad(population: dict[str, pd.DataFrame]) -> None:
    ev = population["events"]
    imp = ev[ev["event_type"] == "ad_impression"][["user_id", "ad_id", "ts"]]
    clicks = ev[ev["event_type"] == "ad_click"][["event_id", "user_id", "ad_id", "ts"]]
    pairs = clicks.merge(imp, on=["user_id", "ad_id"], suffixes=("", "_imp"))
    gap = pairs["ts"] - pairs["ts_imp"]
    ok = pairs[(gap > pd.Timedelta(0)) & (gap < pd.Timedelta(minutes=10))]
    assert ok["event_id"].nunique() == len(clicks)
    ctr = len(clicks) / len(imp)
    assert 0.005 < ctr < 0.05


def test_clicks_rise_with_interest_and_dwell(population: dict[str, pd.DataFrame]) -> None:
    ev, truth = population["events"], population["interests"].set_index("user_id")
    imp = ev[ev["event_type"] == "ad_impression"][["user_id", "ad_id", "ts", "dwell_ms", "topic"]]
    clicked = ev[ev["event_type"] == "ad_click"][["user_id", "ad_id"]].drop_duplicates()
    imp = imp.merge(clicked.assign(clicked=True), how="left", on=["user_id", "ad_id"])
    imp["clicked"] = imp["clicked"].fillna(False).astype(bool)
    rows = truth.index.get_indexer(imp["user_id"])
    cols = truth.columns.get_indexer(imp["topic"])
    interest = truth.to_numpy()[rows, cols]
    high = interest > np.quantile(interest, 0.75)
    low = interest < np.quantile(interest, 0.25)
    assert imp.loc[high, "clicked"].mean() > 2 * imp.loc[low, "clicked"].mean()
    long = imp["dwell_ms"] > 5_000
    short = imp["dwell_ms"] < 500
    assert imp.loc[long, "clicked"].mean() > 2 * imp.loc[short, "clicked"].mean()


def test_interests_table_is_the_truth(population: dict[str, pd.DataFrame]) -> None:
    truth = population["interests"]
    assert list(truth.columns) == ["user_id", *schema.ALL_TOPICS]
    assert truth["user_id"].tolist() == population["users"]["user_id"].tolist()
    values = truth[list(schema.ALL_TOPICS)]
    assert values.ge(0).all().all() and values.le(1).all().all()
    sensitive = values[list(schema.SENSITIVE_GDPR9)]
    assert sensitive.median().max() < 0.2  # most people are low on sensitive topics
    assert values[list(schema.EVERYDAY_TOPICS)].max(axis=1).median() > 0.6
    # Likes follow interests: people like what they care about.
    ev = population["events"]
    likes = ev[ev["event_type"] == "like"]
    t = truth.set_index("user_id")
    liked = t.to_numpy()[t.index.get_indexer(likes["user_id"]),
                         t.columns.get_indexer(likes["topic"])]
    assert liked.mean() > values[list(schema.EVERYDAY_TOPICS)].to_numpy().mean() + 0.2


def test_ad_catalogue() -> None:
    ads = generate_frames(10, 1)["ads"]
    pd.testing.assert_frame_equal(ads, generate_frames(10, 2)["ads"])
    per_topic = ads["topic"].value_counts()
    assert per_topic[list(schema.EVERYDAY_TOPICS)].between(6, 10).all()
    assert per_topic.reindex(schema.SENSITIVE_GDPR9).fillna(0).ge(1).all()
    assert ads["ad_id"].str.fullmatch(r"ad_\d{4}").all()
    assert ads["title"].str.contains("hiking boots").any()
    assert (ads.apply(lambda r: r["title"].startswith(r["advertiser"]), axis=1)).all()


# --- population shares ----------------------------------------------------------------------
def test_population_shares(population: dict[str, pd.DataFrame]) -> None:
    # The calibrated figures themselves are checked in test_calibration.py.
    users = population["users"]
    eu = users.loc[users["country"].map(schema.region_of) == "EU", "country"]
    assert eu.nunique() >= 15
    regions = users["country"].map(schema.region_of).value_counts()
    assert set(regions.index) == set(schema.REGIONS)  # every region has people
    assert users["age_band"].value_counts(normalize=True).min() > 0.05


def test_only_meta_ai_users_chat_with_it(population: dict[str, pd.DataFrame]) -> None:
    users, ev = population["users"], population["events"]
    chatters = set(ev.loc[ev["event_type"] == "ai_chat", "user_id"])
    ai_users = set(users.loc[users["uses_meta_ai"], "user_id"])
    assert chatters <= ai_users
    assert len(chatters) > 0.8 * len(ai_users)


def test_events_per_person(population: dict[str, pd.DataFrame]) -> None:
    per_person = len(population["events"]) / len(population["users"])
    assert 30 <= per_person <= 60


def test_dwell_of_ad_exposures(population: dict[str, pd.DataFrame]) -> None:
    ev = population["events"]
    dwell = ev.loc[ev["event_type"] == "ad_impression", "dwell_ms"]
    assert abs(dwell.mean() - SimParams().dwell_mean_ms) <= 0.08 * SimParams().dwell_mean_ms
    assert dwell.median() < 0.7 * dwell.mean()  # most exposures are short ...
    assert (dwell < 500).mean() >= 0.20
    assert dwell.quantile(0.95) > 4 * dwell.median()  # ... with a long tail


def test_sensitive_chat_share(population: dict[str, pd.DataFrame]) -> None:
    chats = population["events"].query("event_type == 'ai_chat' and true_topic != ''")
    sensitive = chats["true_topic"].isin(schema.SENSITIVE_GDPR9)
    assert 0.03 <= sensitive.mean() <= 0.12
    assert chats.loc[sensitive, "true_topic"].value_counts().index[0] == "health"


# --- the mechanisms the dashboard explains --------------------------------------------------------
def test_priming_makes_conversations(population: dict[str, pd.DataFrame]) -> None:
    # Ads seen prime a share of conversations (calibration.PRIMED_SHARE); without priming
    # there are none, and every other conversation is the same.
    truth = population["truth"]
    conv = truth[truth["event_type"] == "conversation"]
    assert (conv["cause"] == "primed_by_ad").mean() > 0.1
    unprimed = generate_frames(20_000, 11, params=SimParams(priming_rate=0.0))
    truth0 = unprimed["truth"]
    conv0 = truth0[truth0["event_type"] == "conversation"]
    assert (conv0["cause"] != "primed_by_ad").all()
    assert len(conv0) == (conv["cause"] != "primed_by_ad").sum()


def _chat_matched_share(frames: dict[str, pd.DataFrame], excluded: bool,
                        post_policy: bool) -> float:
    """Share of impressions on a topic the person chatted about with Meta AI in the 14 days
    before."""
    ev, users = frames["events"], frames["users"]
    who = _excluded(users)
    people = who.index[who == excluded]
    chats = ev[ev["event_type"] == "ai_chat"][["user_id", "true_topic", "ts"]]
    chats = chats.rename(columns={"true_topic": "topic"})
    imp = ev[(ev["event_type"] == "ad_impression") & ev["user_id"].isin(people)]
    # Skip the first 14 days of each period: no chat history yet to match against.
    first = POLICY if post_policy else ev["ts"].min()
    last = ev["ts"].max() if post_policy else POLICY
    imp = imp[(imp["ts"] >= first + pd.Timedelta(days=14)) & (imp["ts"] < last)]
    pairs = imp[["event_id", "user_id", "topic", "ts"]].merge(
        chats, on=["user_id", "topic"], suffixes=("", "_chat"))
    age = pairs["ts"] - pairs["ts_chat"]
    matched = pairs.loc[(age > pd.Timedelta(0)) & (age <= pd.Timedelta(days=14)), "event_id"]
    return matched.nunique() / len(imp)


def test_ai_chats_shape_ads_after_the_policy_date_outside_excluded_regions(
        population: dict[str, pd.DataFrame]) -> None:
    before = _chat_matched_share(population, excluded=False, post_policy=False)
    after = _chat_matched_share(population, excluded=False, post_policy=True)
    ex_before = _chat_matched_share(population, excluded=True, post_policy=False)
    ex_after = _chat_matched_share(population, excluded=True, post_policy=True)
    # Calibrated Meta AI use and no-ad-topic chats leave fewer chats to match than before.
    assert after - before > 0.015
    assert abs(ex_after - ex_before) < 0.01


def test_sensitive_chats_never_shape_ads(population: dict[str, pd.DataFrame]) -> None:
    ev = population["events"]
    imp = ev[(ev["event_type"] == "ad_impression") & ev["topic"].isin(schema.SENSITIVE_META7)]
    # Sensitive ads are untargeted: their share does not move with the policy.
    share = imp.groupby(imp["ts"] >= POLICY).size() / ev[
        ev["event_type"] == "ad_impression"].groupby(ev["ts"] >= POLICY).size()
    assert abs(share[True] - share[False]) < 0.01


# --- invariants for any size, seed and window -------------------------------------------------
@settings(max_examples=12, deadline=None)
@given(n_users=st.integers(1, 60), seed=st.integers(0, 2**32 - 1),
       start=st.dates(dt.date(2025, 6, 1), dt.date(2026, 6, 1)),
       days=st.integers(1, 120))
def test_invariants_hold_for_any_population(n_users: int, seed: int, start: dt.date,
                                            days: int) -> None:
    end = start + dt.timedelta(days=days - 1)
    frames = generate_frames(n_users, seed, start, end)
    users, events = frames["users"], frames["events"]
    assert len(users) == len(frames["interests"]) == n_users
    assert users["user_id"].is_unique and events["event_id"].is_unique
    assert events["user_id"].isin(users["user_id"]).all()
    lo = pd.Timestamp(start, tz="UTC")
    assert events["ts"].between(lo, lo + pd.Timedelta(days=days), inclusive="left").all()
    ai_users = set(users.loc[users["uses_meta_ai"], "user_id"])
    assert set(events.loc[events["event_type"] == "ai_chat", "user_id"]) <= ai_users
    assert (events.loc[events["event_type"] == "ai_chat", "topic"] == "").all()
    assert events[["user_id", "ts"]].equals(
        events[["user_id", "ts"]].sort_values(["user_id", "ts"], kind="stable"))


def _chat_click_lift(frames: dict[str, pd.DataFrame], days: int = 7) -> float:
    """Click rate of impressions on a topic the person asked Meta AI about in the `days`
    before, relative to the other impressions."""
    ev = frames["events"]
    imp = ev[ev["event_type"] == "ad_impression"][["event_id", "user_id", "ad_id", "topic", "ts"]]
    clk = ev[ev["event_type"] == "ad_click"][["user_id", "ad_id", "ts"]]
    hits = imp.merge(clk, on=["user_id", "ad_id"], suffixes=("", "_click"))
    gap = hits["ts_click"] - hits["ts"]
    clicked = imp["event_id"].isin(
        hits.loc[(gap > pd.Timedelta(0)) & (gap < pd.Timedelta(hours=1)), "event_id"])
    chats = ev[ev["event_type"] == "ai_chat"][["user_id", "true_topic", "ts"]]
    pairs = imp.merge(chats.rename(columns={"true_topic": "topic"}), on=["user_id", "topic"],
                      suffixes=("", "_chat"))
    age = pairs["ts"] - pairs["ts_chat"]
    recent = imp["event_id"].isin(
        pairs.loc[(age > pd.Timedelta(0)) & (age <= pd.Timedelta(days=days)), "event_id"])
    return clicked[recent].mean() / clicked[~recent].mean()


def test_a_recent_chat_predicts_a_click_on_its_topic(population: dict[str, pd.DataFrame]) -> None:
    # People ask the assistant about what they are about to do or buy, and click on it then.
    lift = _chat_click_lift(population)
    no_episodes = _chat_click_lift(generate_frames(20_000, 11, params=SimParams(episodes=0.0)))
    assert lift > 1.5
    assert lift > no_episodes + 0.4


def test_friends_reveal_the_tastes_of_light_users(population: dict[str, pd.DataFrame]) -> None:
    ev, truth = population["events"], population["interests"].set_index("user_id")
    own = ev[ev["event_type"].isin(("like", "follow", "post"))].groupby("user_id").size()
    own = own.reindex(truth.index, fill_value=0)
    light = own.index[own <= 1]
    assert len(light) > 0.05 * len(truth)  # many people barely like anything themselves
    liked = ev[(ev["event_type"] == "friend_like") & ev["user_id"].isin(light)
               & ev["topic"].isin(schema.EVERYDAY_TOPICS)]
    cols = [schema.ALL_TOPICS.index(t) for t in liked["topic"]]
    values = truth.to_numpy()[truth.index.get_indexer(liked["user_id"]), cols]
    everyday = truth.loc[light, list(schema.EVERYDAY_TOPICS)].to_numpy().mean()
    assert values.mean() > everyday + 0.1


# --- the simulation's truth --------------------------------------------------------------------
def _sources(frames: dict[str, pd.DataFrame], cause: str) -> pd.DataFrame:
    """Truth rows of `cause` with a recorded source, joined to the event and its source."""
    ev = frames["events"].set_index("event_id")
    rows = frames["truth"]
    rows = rows[(rows["cause"] == cause) & (rows["source_event_id"] != "")]
    cols = ["user_id", "ts", "event_type", "topic", "true_topic"]
    event = ev.loc[rows["event_id"], cols].reset_index(drop=True)
    source = ev.loc[rows["source_event_id"], cols].reset_index(drop=True)
    return event.join(source.add_suffix("_src")).assign(
        true_topic_truth=rows["true_topic"].to_numpy())


def test_truth_table_describes_every_chat_and_conversation(
        population: dict[str, pd.DataFrame]) -> None:
    truth, ev = population["truth"], population["events"]
    assert list(truth.columns) == list(TRUTH_COLUMNS)
    described = ev[ev["event_type"].isin(("ai_chat", "conversation"))]
    assert sorted(truth["event_id"]) == sorted(described["event_id"])
    assert truth["event_id"].is_unique
    assert truth["cause"].isin(TRUTH_CAUSES).all()
    assert truth["event_type"].tolist() == ev.set_index("event_id").loc[
        truth["event_id"], "event_type"].tolist()
    # The truth table's topic is the events' true_topic, which is empty for a chat with no
    # ad topic (left for the text model to find out).
    true_topic = ev.set_index("event_id").loc[truth["event_id"], "true_topic"]
    assert (truth["true_topic"].to_numpy()
            == true_topic.replace("", schema.NO_AD_TOPIC).to_numpy()).all()
    assert (truth.loc[truth["event_type"] == "conversation", "true_topic"]
            != schema.NO_AD_TOPIC).all()
    by = truth.groupby(["event_type", "cause"]).size()
    assert set(by.index) == {("ai_chat", "interest"), ("ai_chat", "intent"),
                             ("ai_chat", "after_conversation"), ("conversation", "interest"),
                             ("conversation", "intent"), ("conversation", "primed_by_ad")}
    # Only primed conversations and follow-up chats name a source.
    has_source = truth["source_event_id"] != ""
    assert truth.loc[has_source, "cause"].isin(("primed_by_ad", "after_conversation")).all()
    assert (truth["cause"] != "listening").all()  # R = 0: no listening at all


@pytest.fixture(scope="module")
def finely_thinned() -> dict[str, pd.DataFrame]:
    """A population recording 1 in 10 impressions: more primers are in the data."""
    return generate_frames(3_000, 21, params=SimParams(impression_thinning=10))


def test_primed_conversations_come_after_an_impression_on_their_topic(
        finely_thinned: dict[str, pd.DataFrame]) -> None:
    pairs = _sources(finely_thinned, "primed_by_ad")
    truth = finely_thinned["truth"]
    primed = truth[truth["cause"] == "primed_by_ad"]
    # 1 in 10 primers is recorded (a binomial count, within 4 standard deviations).
    assert abs(len(pairs) - 0.1 * len(primed)) < 4 * np.sqrt(0.09 * len(primed))
    assert len(pairs) > 50
    assert (pairs["event_type_src"] == "ad_impression").all()
    assert (pairs["user_id"] == pairs["user_id_src"]).all()
    assert (pairs["topic"] == pairs["topic_src"]).all()
    gap = pairs["ts"] - pairs["ts_src"]
    assert gap.between(pd.Timedelta(days=1), pd.Timedelta(days=10)).all()


def test_follow_up_chats_come_after_their_conversation(
        population: dict[str, pd.DataFrame]) -> None:
    pairs = _sources(population, "after_conversation")
    assert len(pairs) > 200
    assert (pairs["event_type_src"] == "conversation").all()
    assert (pairs["user_id"] == pairs["user_id_src"]).all()
    assert (pairs["true_topic"] == pairs["topic_src"]).all()
    assert (pairs["ts"] > pairs["ts_src"]).all()
    assert (pairs["ts"] - pairs["ts_src"] <= pd.Timedelta(days=3)).all()
    truth = population["truth"]
    assert (truth.loc[truth["cause"] == "after_conversation", "source_event_id"] != "").all()


def test_intent_chats_fall_in_an_episode_and_primed_share_drops_without_priming(
        population: dict[str, pd.DataFrame]) -> None:
    truth = population["truth"]
    chats = truth[(truth["event_type"] == "ai_chat")
                  & (truth["true_topic"] != schema.NO_AD_TOPIC)]["cause"].value_counts(
                      normalize=True)
    # Most chats on an ad topic are asked during an intent episode (chat_in_episode).
    assert chats["intent"] > 0.5
    unprimed = generate_frames(3_000, 11, params=SimParams(priming_rate=0.0))["truth"]
    assert (unprimed["cause"] != "primed_by_ad").all()


# --- worlds built to make a measure fail ---------------------------------------------------------
def _without_ids(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.drop(columns="event_id").reset_index(drop=True)


def test_listening_world_adds_ads_after_conversations_and_nothing_else() -> None:
    base = generate_frames(3_000, 8)
    world = generate_frames(3_000, 8, params=SimParams(listening_rate=0.5))
    truth = world["truth"]
    listening = truth[truth["cause"] == "listening"]
    n_conv = (world["events"]["event_type"] == "conversation").sum()
    # Poisson(0.5) per conversation: the count is within 4 standard deviations of R x N
    # (a few ads after conversations on the last evening fall outside the window).
    assert abs(len(listening) - 0.5 * n_conv) < 4 * np.sqrt(0.5 * n_conv)
    pairs = _sources(world, "listening")
    assert len(pairs) == len(listening)
    assert (pairs["event_type"] == "ad_impression").all()
    assert (pairs["event_type_src"] == "conversation").all()
    assert (pairs["user_id"] == pairs["user_id_src"]).all()
    assert (pairs["topic"] == pairs["topic_src"]).all()
    gap = pairs["ts"] - pairs["ts_src"]
    assert (gap >= pd.Timedelta(minutes=10)).all() and gap.median() < pd.Timedelta(hours=4)
    # Everything else is the world without listening, event for event.
    ev = world["events"]
    rest = ev[~ev["event_id"].isin(listening["event_id"])]
    pd.testing.assert_frame_equal(_without_ids(rest), _without_ids(base["events"]))
    for name in ("users", "interests"):
        pd.testing.assert_frame_equal(world[name], base[name])
    assert population_meta(3_000, 8, params=SimParams(listening_rate=0.5))["counterfactual"]
    assert population_meta(3_000, 8)["counterfactual"] == []


def test_listening_rate_zero_is_the_default_world() -> None:
    a = generate_frames(1_200, 4)
    b = generate_frames(1_200, 4, params=SimParams(listening_rate=0.0))
    for name in TABLES:
        pd.testing.assert_frame_equal(a[name], b[name])
    added = add_listening(a, 0.0, seed=1)
    assert len(added["events"]) == len(added["truth"]) == 0
    with pytest.raises(ValueError, match="listening_rate"):
        SimParams(listening_rate=-1)


def test_listening_can_be_added_to_a_generated_population() -> None:
    from adlens.contract import from_frames

    base = generate_frames(2_000, 6)
    added = add_listening(base, 1.0, seed=3)
    again = add_listening(base, 1.0, seed=3)
    pd.testing.assert_frame_equal(added["events"], again["events"])
    assert not added["events"]["ts"].equals(add_listening(base, 1.0, seed=4)["events"]["ts"])
    ev = base["events"]
    n_conv = (ev["event_type"] == "conversation").sum()
    assert abs(len(added["events"]) - n_conv) < 4 * np.sqrt(n_conv)
    assert list(added["events"].columns) == list(ev.columns)
    assert (added["events"].dtypes == ev.dtypes).all()
    conv = ev.set_index("event_id").loc[added["truth"]["source_event_id"]]
    assert (conv["event_type"] == "conversation").all()
    assert (conv["user_id"].to_numpy() == added["events"]["user_id"].to_numpy()).all()
    assert (conv["topic"].to_numpy() == added["events"]["topic"].to_numpy()).all()
    # The person's own apps: every listening ad is in an app they see ads in.
    seen = set(zip(ev.loc[ev["event_type"] == "ad_impression", "user_id"],
                   ev.loc[ev["event_type"] == "ad_impression", "app"], strict=True))
    new = added["events"]
    assert all(pair in seen for pair in zip(new["user_id"], new["app"], strict=True))
    merged = with_listening(base, 1.0, seed=3)
    meta = listening_meta(population_meta(2_000, 6), 1.0, seed=3)
    dataset = from_frames(merged, meta=meta)
    assert dataset.n_events == len(ev) + len(new)
    assert (dataset.truth["cause"] == "listening").sum() == len(new)
    assert dataset.meta["listening_rate"] == 1.0 and dataset.meta["listening_seed"] == 3
    assert dataset.meta["counterfactual"] == population_meta(
        2_000, 6, params=SimParams(listening_rate=1.0))["counterfactual"]
    # Built again on a listening world, it names one listening rate, the new one.
    again = listening_meta(meta, 0.25, seed=4)["counterfactual"]
    assert len(again) == 1 and "0.25" in again[0]
    assert listening_meta(meta, 0.0, seed=4)["counterfactual"] == []


def test_without_chat_targeting_chats_shape_no_impression() -> None:
    # With chat_boost 0 the impressions are the same whatever the chats are.
    off = SimParams(chat_boost=0.0)
    a = generate_frames(3_000, 12, params=off)["events"]
    b = generate_frames(3_000, 12, params=dataclasses.replace(off, ai_chats=0.0))["events"]
    assert (b["event_type"] == "ai_chat").sum() < (a["event_type"] == "ai_chat").sum() / 5
    cols = ["user_id", "ts", "app", "topic", "ad_id", "dwell_ms"]
    imp_a = a.loc[a["event_type"] == "ad_impression", cols].reset_index(drop=True)
    imp_b = b.loc[b["event_type"] == "ad_impression", cols].reset_index(drop=True)
    pd.testing.assert_frame_equal(imp_a, imp_b)
    # ... and with the default boost they are not.
    on = generate_frames(3_000, 12)["events"]
    imp_on = on.loc[on["event_type"] == "ad_impression", cols].reset_index(drop=True)
    assert not imp_on.equals(imp_a)


def _in_episode_share(frames: dict[str, pd.DataFrame]) -> float:
    """Share of chats on a topic the person had an episode-driven conversation on within
    20 days (a proxy for asking about current plans)."""
    ev, truth = frames["events"], frames["truth"]
    intents = truth.loc[(truth["event_type"] == "conversation") & (truth["cause"] == "intent"),
                        "event_id"]
    conv = ev[ev["event_id"].isin(intents)][["user_id", "topic", "ts"]]
    chats = ev[ev["event_type"] == "ai_chat"][["event_id", "user_id", "true_topic", "ts"]]
    pairs = chats.merge(conv.rename(columns={"topic": "true_topic"}),
                        on=["user_id", "true_topic"], suffixes=("", "_conv"))
    near = (pairs["ts"] - pairs["ts_conv"]).abs() <= pd.Timedelta(days=20)
    return pairs.loc[near, "event_id"].nunique() / len(chats)


def test_chats_that_carry_only_likes() -> None:
    intent = generate_frames(4_000, 13)
    likes = generate_frames(4_000, 13, params=SimParams(chat_mode="likes"))
    n_intent = (intent["events"]["event_type"] == "ai_chat").sum()
    n_likes = (likes["events"]["event_type"] == "ai_chat").sum()
    assert abs(n_likes / n_intent - 1) < 0.05  # the same number of chats
    assert set(likes["truth"].loc[likes["truth"]["event_type"] == "ai_chat", "cause"]) == {
        "interest"}
    # Chats no longer follow the person's plans ...
    assert _in_episode_share(likes) < 0.5 * _in_episode_share(intent)
    # ... and are about what the person likes, as much as their likes are.
    ev, interests = likes["events"], likes["interests"].set_index("user_id")

    def interest_in(kind: str, column: str) -> float:
        rows = ev[(ev["event_type"] == kind) & (ev[column] != "")]  # chats with an ad topic
        return interests.to_numpy()[interests.index.get_indexer(rows["user_id"]),
                                    interests.columns.get_indexer(rows[column])].mean()

    assert abs(interest_in("ai_chat", "true_topic") - interest_in("like", "topic")) < 0.05
    with pytest.raises(ValueError, match="chat_mode"):
        SimParams(chat_mode="dreams")


def test_truth_and_meta_load_through_the_contract(tmp_path: Path) -> None:
    import json

    from adlens.contract import ContractError, load_dataset, load_uploaded

    generate_to_dir(400, 2, tmp_path / "w", params=SimParams(listening_rate=0.3))
    dataset = load_dataset(tmp_path / "w")
    assert dataset.truth is not None and len(dataset.truth) > 0
    assert dataset.meta["listening_rate"] == 0.3 and dataset.meta["n_users"] == 400
    assert dataset.meta["seed"] == 2 and dataset.meta["counterfactual"]
    meta = json.loads((tmp_path / "w" / "dataset.json").read_text())
    assert meta == dataset.meta
    # A truth row naming an event the data does not have is refused.
    truth = pd.read_parquet(tmp_path / "w" / "truth.parquet")
    truth.loc[0, "source_event_id"] = "e999999999"
    truth.to_parquet(tmp_path / "w" / "truth.parquet")
    with pytest.raises(ContractError, match="source_event_id"):
        load_dataset(tmp_path / "w")
    (tmp_path / "w" / "truth.parquet").unlink()
    without = load_dataset(tmp_path / "w")
    assert without.truth is None and without.meta is not None
    # Uploaded together, the description comes along; a broken one is named.
    files = {f.name: f.read_bytes() for f in (tmp_path / "w").iterdir()}
    assert load_uploaded(files).meta == meta
    with pytest.raises(ContractError, match="dataset.json"):
        load_uploaded({**files, "dataset.json": b"[1, 2"})


# --- impression thinning ------------------------------------------------------------------------
def test_another_thinning_is_the_same_world() -> None:
    coarse = generate_frames(2_000, 17)  # the default: 1 in 100
    fine = generate_at_thinning(2_000, 17, 20)
    for name in ("users", "interests"):
        pd.testing.assert_frame_equal(coarse[name], fine[name])
    cols = ["user_id", "ts", "app", "event_type", "topic", "text", "modality", "true_topic"]
    for kind in ("ai_chat", "like", "follow", "post", "watch", "friend_like", "conversation"):
        a, b = (f["events"] for f in (coarse, fine))
        pd.testing.assert_frame_equal(a.loc[a["event_type"] == kind, cols].reset_index(drop=True),
                                      b.loc[b["event_type"] == kind, cols].reset_index(drop=True),
                                      obj=kind)
    assert coarse["truth"]["cause"].tolist() == fine["truth"]["cause"].tolist()
    n_imp = [(f["events"]["event_type"] == "ad_impression").sum() for f in (coarse, fine)]
    assert 4.5 < n_imp[1] / n_imp[0] < 5.5
    # The primers a coarser thinning records are among those a finer one records.
    def primers(frames: dict[str, pd.DataFrame]) -> set[tuple]:
        sources = frames["truth"].loc[frames["truth"]["cause"] == "primed_by_ad",
                                      "source_event_id"]
        ev = frames["events"].set_index("event_id").loc[sources[sources != ""]]
        return set(zip(ev["user_id"], ev["ts"], ev["ad_id"], strict=True))

    assert primers(coarse) and primers(coarse) <= primers(fine)
    assert len(primers(fine)) > 2 * len(primers(coarse))
    with pytest.raises(ValueError, match="impression_thinning"):
        SimParams(impression_thinning=0)

"""Property tests: the policy invariants hold for random scenarios on a generated population.

The AI-chat rules are re-derived here independently, from the raw events and users tables.
"""

from __future__ import annotations

import datetime as dt
import functools

import numpy as np
import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from adlens import engine, schema
from adlens.scenario import Scenario
from adlens.simulate import generate_frames

SETTINGS = settings(max_examples=25, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])


@functools.lru_cache(maxsize=1)
def prepared() -> engine.Prepared:
    return engine.prepare(engine.dataset_from_frames(generate_frames(300, seed=2024)))


scenarios = st.builds(
    Scenario,
    as_of=st.dates(dt.date(2025, 12, 1), dt.date(2026, 1, 31)),
    ai_chat=st.booleans(),
    policy_start=st.dates(dt.date(2025, 11, 1), dt.date(2026, 1, 31)),
    excluded_regions=st.lists(st.sampled_from(sorted(schema.EXCLUDABLE_REGIONS))).map(tuple),
    sensitive_list=st.sampled_from(sorted(schema.SENSITIVE_LISTS)),
    link_rule=st.booleans(),
    half_lives=st.dictionaries(st.sampled_from(schema.SIGNALS),
                               st.sampled_from([3.0, 14.0, 60.0, 365.0])),
)


def eligible_chats(p: engine.Prepared, s: Scenario) -> set[tuple[str, str, str]]:
    """(user_id, ad app, topic) triples with at least one chat the rules let count."""
    events, users = p.dataset.events, p.dataset.users.set_index("user_id")
    chats = events[events["event_type"] == "ai_chat"].copy()
    # A chat read as having no ad topic (code -1) counts for nothing.
    chats = chats[p.codes.event_topic[chats.index.to_numpy()] >= 0]
    chats["topic_used"] = np.asarray(schema.ALL_TOPICS, dtype=object)[
        p.codes.event_topic[chats.index.to_numpy()]]
    detected = pd.Series(False, index=events.index)
    signal = p.codes.signals["ai_chat"]
    detected.iloc[signal.row] = signal.sensitive[s.sensitive_list]
    end = pd.Timestamp(s.as_of, tz="UTC") + pd.Timedelta(days=1)
    start = pd.Timestamp(s.policy_start, tz="UTC")
    country = users.loc[chats["user_id"], "country"].to_numpy()
    region = np.array([schema.region_of(c) for c in country], dtype=object)
    ok = ((chats["ts"] < end) & (chats["ts"] >= start) & s.ai_chat
          & ~np.isin(region, s.excluded_regions)
          & ~chats["topic_used"].isin(s.sensitive_topics) & ~detected[chats.index])
    chats = chats[ok]
    linked = users.loc[chats["user_id"], "linked_apps"].fillna("").str.split("|").to_numpy()
    out = set()
    for (uid, app, topic), apps in zip(chats[["user_id", "app", "topic_used"]].itertuples(
            index=False, name=None), linked, strict=True):
        for target in schema.AD_APPS:
            if not s.link_rule or app == target or (app in apps and target in apps):
                out.add((uid, target, topic))
    return out


@SETTINGS
@given(scenarios)
def test_policy_invariants(s):
    p = prepared()
    result = engine.run_scenario(p, s, top_k=4)
    rec = result.recommendations
    total = rec["baseline"] + rec[list(engine.CONTRIB_COLUMNS)].sum(axis=1)
    assert (total - rec["score"]).abs().max() <= 1e-9
    assert not rec["topic"].astype(str).isin(s.sensitive_topics).any()
    ai = rec["contrib_ai_chat"].to_numpy()
    if not s.ai_chat:
        assert (ai == 0).all()
    region = p.codes.region[result.user_code]
    assert (ai[np.isin(region, s.excluded_regions)] == 0).all()
    # Exactly the (person, app, topic) cells with a chat the rules let count get a
    # contribution (the weight is positive on the bundled sample's defaults and here).
    allowed = eligible_chats(p, s)
    keys = zip(rec["user_id"].astype(str), rec["app"].astype(str), rec["topic"].astype(str),
               strict=True)
    has = np.array([k in allowed for k in keys], dtype=bool)
    if p.click_model.weight["ai_chat"] > 0:
        assert ((ai > 0) == has).all()
    else:
        assert (ai == 0).all()


@SETTINGS
@given(scenarios)
def test_switching_ai_chat_off_changes_nothing_for_people_who_never_chat(s):
    p = prepared()
    chatters = p.dataset.events.loc[p.dataset.events["event_type"] == "ai_chat", "user_id"]
    on = engine.run_scenario(p, s.with_(ai_chat=True)).recommendations
    off = engine.run_scenario(p, s.with_(ai_chat=False)).recommendations
    quiet_on = on[~on["user_id"].isin(chatters)].reset_index(drop=True)
    quiet_off = off[~off["user_id"].isin(chatters)].reset_index(drop=True)
    assert len(quiet_on) > 0
    pd.testing.assert_frame_equal(quiet_on, quiet_off)


@SETTINGS
@given(scenarios, st.integers(0, 10_000))
def test_attribute_at_is_exact_and_respects_the_rules(s, seed):
    p = prepared()
    rng = np.random.default_rng(seed)
    n = 40
    ts = pd.Timestamp("2025-11-01", tz="UTC") + pd.to_timedelta(
        rng.uniform(0, 92, n), unit="D")
    pairs = pd.DataFrame({
        "user_id": rng.choice(p.codes.user_ids.astype(str), n),
        "ad_id": rng.choice(p.ad_ids.astype(str), n),
        "app": rng.choice(schema.AD_APPS, n),
        "ts": ts,
    })
    out = engine.attribute_at(p, s, pairs)
    total = out["baseline"] + out[list(engine.CONTRIB_COLUMNS)].sum(axis=1)
    assert (total - out["score"]).abs().max() <= 1e-9
    users = p.dataset.users.set_index("user_id")
    region = np.array([schema.region_of(c) for c in users.loc[out["user_id"], "country"]])
    ai = out["contrib_ai_chat"].to_numpy()
    assert (ai[np.isin(region, s.excluded_regions)] == 0).all()
    assert (ai[out["ts"] <= pd.Timestamp(s.policy_start, tz="UTC")] == 0).all()
    assert (ai[out["topic"].isin(s.sensitive_topics)] == 0).all()
    if not s.ai_chat:
        assert (ai == 0).all()

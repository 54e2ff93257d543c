"""Recall timelines: coincidences, their labels, aggregates, the excess over placebo moments,
label validity against the simulation's truth, and the CLI."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from adlens import recall, schema
from adlens.memory import MemoryParams
from adlens.scenario import Scenario

T = pd.Timestamp("2026-01-10 18:00", tz="UTC")
HOUR = pd.Timedelta(hours=1)
DAY = pd.Timedelta(days=1)
SCENARIO = Scenario(as_of=dt.date(2026, 1, 31))

ADS = pd.DataFrame({
    "ad_id": ["boots", "tent", "beans"],
    "advertiser": ["TrailCo", "CampCo", "BeanCo"],
    "topic": ["hiking", "camping", "coffee"],
    "title": ["Hiking boots", "A tent", "Coffee beans"],
})


def _users(*ids: str, country: str = "US") -> pd.DataFrame:
    return pd.DataFrame({"user_id": list(ids), "country": country, "age_band": "25-34",
                         "uses_meta_ai": True, "linked_apps": "facebook|instagram"})


def _events(rows: list[dict]) -> pd.DataFrame:
    base = {"app": "", "topic": "", "text": "", "modality": "text", "ad_id": "",
            "dwell_ms": np.nan}
    frame = pd.DataFrame([{**base, **r} for r in rows])
    frame.insert(0, "event_id", [f"e{i}" for i in range(len(frame))])
    frame["ts"] = pd.to_datetime(frame["ts"], utc=True)
    frame["dwell_ms"] = frame["dwell_ms"].astype(float)
    return frame


def _imp(user: str, ts: pd.Timestamp, dwell: float, ad: str = "boots",
         app: str = "instagram") -> dict:
    return {"user_id": user, "ts": ts, "event_type": "ad_impression", "app": app, "ad_id": ad,
            "dwell_ms": dwell}


def _fake_attribution(contributions: dict[str, dict[str, float]]):
    """Per person, the contribution of each signal to any ad shown to them; the AI-chat
    contribution vanishes when the scenario switches that signal off."""
    calls = []

    def attribute(scenario: Scenario, pairs: pd.DataFrame) -> pd.DataFrame:
        calls.append((scenario, pairs.copy()))
        out = pd.DataFrame(index=pairs.index)
        for s in schema.SIGNALS:
            values = pairs["user_id"].map(lambda u, s=s: contributions.get(u, {}).get(s, 0.0))
            if s == "ai_chat" and not scenario.ai_chat:
                values = values * 0.0
            out[f"contrib_{s}"] = values.astype(float)
        out["baseline"] = 0.1
        out["score"] = out.sum(axis=1)
        return out

    attribute.calls = calls
    return attribute


def _analyse(events, users, contributions, **kwargs):
    return recall.analyse_recall(None, SCENARIO, frames=(events, ADS, users),
                                 attribute=_fake_attribution(contributions), n_boot=50, **kwargs)


def test_issue_example_is_seen_before_and_forgotten():
    events = _events([
        {"user_id": "ana", "ts": T - 21 * DAY, "event_type": "like", "app": "facebook",
         "topic": "hiking"},
        _imp("ana", T - 3 * DAY, 300),
        {"user_id": "ana", "ts": T, "event_type": "conversation", "topic": "hiking"},
        _imp("ana", T + DAY, 2500),
    ])
    # Three days back is outside the default two-day lookback (Meta's recall question).
    short = _analyse(events, _users("ana"), {"ana": {"like": 0.8}})
    assert short.coincidences.iloc[0]["n_prior_exposures"] == 0
    assert short.lookback_days == 2
    result = _analyse(events, _users("ana"), {"ana": {"like": 0.8, "similar_people": 0.1}},
                      lookback_days=14)
    co = result.coincidences
    assert len(co) == 1
    row = co.iloc[0]
    assert (row["user_id"], row["topic"], row["kind"], row["ad_id"]) == (
        "ana", "hiking", "conversation", "boots")
    assert row["conversation_ts"] == T and row["ad_ts"] == T + DAY
    assert row["n_prior_exposures"] == 1
    assert row["p_recall_max"] < 0.2
    assert row["priming"] > row["p_recall_max"]  # the implicit trace outlasts the memory
    assert row["label"] == recall.FORGOTTEN
    assert "like" in row["explained_by"] and "ai_chat" not in row["explained_by"]
    assert row["explained_by"][0] == "like"
    prior = result.prior_exposures
    assert len(prior) == 1
    assert prior.iloc[0]["dwell_ms"] == 300
    assert prior.iloc[0]["hours_before"] == pytest.approx(72)


def test_attribution_is_asked_at_the_moment_of_the_later_ad():
    events = _events([
        {"user_id": "ana", "ts": T, "event_type": "conversation", "topic": "hiking"},
        _imp("ana", T + 5 * HOUR, 2500, app="facebook"),
    ])
    fake = _fake_attribution({"ana": {"like": 1.0}})
    recall.analyse_recall(None, SCENARIO, frames=(events, ADS, _users("ana")), attribute=fake,
                          n_boot=0)
    # Once, with the AI-chat signal on: the labels with it off come from the same
    # attribution (tests/test_recall_labels.py).
    assert [sc.ai_chat for sc, _ in fake.calls] == [True]
    pairs = fake.calls[0][1]
    assert list(pairs.columns) == ["user_id", "ad_id", "app", "ts"]
    assert pairs.iloc[0].to_dict() == {"user_id": "ana", "ad_id": "boots", "app": "facebook",
                                       "ts": T + 5 * HOUR}


def test_one_timeline_per_label():
    events = _events([
        # remembered: a long look two hours before the conversation
        _imp("rem", T - 2 * HOUR, 3000),
        {"user_id": "rem", "ts": T, "event_type": "conversation", "topic": "hiking"},
        _imp("rem", T + 6 * HOUR, 1500),
        # forgotten: a glance a day and a half before
        _imp("forg", T - 36 * HOUR, 400),
        {"user_id": "forg", "ts": T, "event_type": "conversation", "topic": "hiking"},
        _imp("forg", T + 6 * HOUR, 1500),
        # the AI chat itself: chatted with Meta AI about tents, then saw a tent ad
        {"user_id": "chat", "ts": T, "event_type": "ai_chat", "app": "meta_ai",
         "topic": "camping", "text": "best tent for two?"},
        _imp("chat", T + 20 * HOUR, 1800, ad="tent"),
        # other signals: no earlier exposure, site visits explain it
        {"user_id": "other", "ts": T, "event_type": "conversation", "topic": "coffee"},
        {"user_id": "other", "ts": T + 30 * HOUR, "event_type": "ad_click", "app": "facebook",
         "ad_id": "beans"},
        # chance: nothing explains it; an imperceptible 100 ms flick before does not count
        _imp("luck", T - DAY, 100),
        {"user_id": "luck", "ts": T, "event_type": "conversation", "topic": "hiking"},
        _imp("luck", T + 40 * HOUR, 1200),
    ])
    users = _users("rem", "forg", "chat", "other", "luck")
    contributions = {
        "rem": {"like": 0.5}, "forg": {"follow": 0.5},
        "chat": {"ai_chat": 0.9, "like": 0.2}, "other": {"site_visit": 0.7, "ai_chat": 0.01},
        "luck": {},
    }
    result = _analyse(events, users, contributions)
    labels = result.coincidences.set_index("user_id")["label"].to_dict()
    assert labels == {"rem": recall.REMEMBERED, "forg": recall.FORGOTTEN,
                      "chat": recall.AI_CHAT_ITSELF, "other": recall.OTHER_SIGNALS,
                      "luck": recall.CHANCE}
    co = result.coincidences.set_index("user_id")
    assert co.loc["chat", "kind"] == "ai_chat"
    assert co.loc["rem", "p_recall_max"] >= 0.5 > co.loc["forg", "p_recall_max"]
    assert co.loc["luck", "n_prior_exposures"] == 1 and not co.loc["luck", "forgotten_prior"]
    assert co.loc["other", "explained_by"] == ["site_visit"]  # 0.01 is below the 5% share
    assert co.loc["other", "ad_event_type"] == "ad_click"
    # Switching the AI-chat signal off turns the chat case into "other signals".
    assert co.loc["chat", "label_ai_chat_off"] == recall.OTHER_SIGNALS
    switch = result.aggregates["ai_chat_switch"].set_index(["region", "label"])
    assert switch.loc[("All", recall.AI_CHAT_ITSELF), "ai_chat_on"] == 1
    assert switch.loc[("All", recall.AI_CHAT_ITSELF), "ai_chat_off"] == 0
    assert switch.loc[("All", recall.OTHER_SIGNALS), "ai_chat_off"] == 2
    summary = result.aggregates["summary"].set_index("region")
    assert summary.loc["All", "n_coincidences"] == 5
    assert summary.loc["All", "n_ai_chat_explains"] == 1
    assert summary.loc["All", "share_forgotten_prior"] == pytest.approx(1 / 5)
    assert [r["label"] for r in recall.LABEL_RULES] == list(recall.LABELS)


def test_window_lookback_and_noticing_thresholds():
    events = _events([
        _imp("ana", T - 15 * DAY, 2000),  # outside the lookback
        _imp("ana", T - 2 * DAY, 600),
        _imp("ana", T - 1 * DAY, 800, ad="beans"),  # another topic
        {"user_id": "ana", "ts": T, "event_type": "conversation", "topic": "hiking"},
        _imp("ana", T + 2 * HOUR, 900),  # not noticed: below 1,000 ms
        _imp("ana", T + 10 * HOUR, 1000),  # noticed: the first after the conversation
        _imp("ana", T + 11 * HOUR, 5000),
        {"user_id": "bob", "ts": T, "event_type": "conversation", "topic": "hiking"},
        _imp("bob", T + 49 * HOUR, 4000),  # too late for the 48-hour window
    ])
    result = _analyse(events, _users("ana", "bob"), {"ana": {"like": 1.0}})
    co = result.coincidences
    assert list(co["user_id"]) == ["ana"]
    assert co.iloc[0]["ad_ts"] == T + 10 * HOUR
    assert co.iloc[0]["n_prior_exposures"] == 1
    wider = _analyse(events, _users("ana", "bob"), {}, window_hours=50, lookback_days=20)
    counts = wider.coincidences.set_index("user_id")["n_prior_exposures"].to_dict()
    assert counts == {"ana": 2, "bob": 0}


def test_repeated_exposures_and_latest_conversation_kept():
    events = _events([
        _imp("ana", T - 30 * HOUR, 1500),
        _imp("ana", T - 20 * HOUR, 1500),
        _imp("ana", T - 10 * HOUR, 1500),
        {"user_id": "ana", "ts": T - 5 * HOUR, "event_type": "conversation", "topic": "hiking"},
        {"user_id": "ana", "ts": T, "event_type": "conversation", "topic": "hiking"},
        _imp("ana", T + 3 * HOUR, 3000),
    ])
    result = _analyse(events, _users("ana"), {"ana": {"like": 1.0}})
    assert len(result.coincidences) == 1
    row = result.coincidences.iloc[0]
    assert row["conversation_ts"] == T
    prior = result.prior_exposures.sort_values("ts")
    assert list(prior["n_prior"]) == [0, 1, 2]
    assert row["p_recall_any"] > row["p_recall_max"]
    assert row["lead_hours"] == pytest.approx(10)


def test_as_of_cuts_later_events():
    events = _events([
        {"user_id": "ana", "ts": T, "event_type": "conversation", "topic": "hiking"},
        _imp("ana", T + DAY, 2500),
    ])
    early = Scenario(as_of=(T + HOUR).date())
    result = recall.analyse_recall(None, early, frames=(events, ADS, _users("ana")),
                                   attribute=_fake_attribution({}), n_boot=0)
    assert result.coincidences.empty
    assert set(result.aggregates["labels"]["count"]) == {0}


def test_regions_in_aggregates():
    events = _events([
        _imp("de", T - 30 * HOUR, 300),
        {"user_id": "de", "ts": T, "event_type": "conversation", "topic": "hiking"},
        _imp("de", T + DAY, 2500),
        {"user_id": "us", "ts": T, "event_type": "conversation", "topic": "hiking"},
        _imp("us", T + DAY, 2500),
    ])
    users = pd.concat([_users("de", country="DE"), _users("us")], ignore_index=True)
    result = _analyse(events, users, {"us": {"like": 1.0}, "de": {"like": 1.0}})
    summary = result.aggregates["summary"].set_index("region")
    assert summary.loc["EU", "share_forgotten_prior"] == 1.0
    assert summary.loc["US", "share_forgotten_prior"] == 0.0
    assert summary.loc["All", "n_coincidences"] == 2
    lead = result.aggregates["lead_time"]
    eu = lead[lead["region"] == "EU"].set_index("lead_days")["count"]
    assert eu.loc[1] == 1 and eu.sum() == 1


def test_bad_settings_are_refused_with_a_sentence():
    events = _events([{"user_id": "ana", "ts": T, "event_type": "conversation",
                       "topic": "hiking"}])
    with pytest.raises(ValueError, match="window"):
        _analyse(events, _users("ana"), {}, window_hours=-1)
    with pytest.raises(ValueError, match="lookback"):
        _analyse(events, _users("ana"), {}, lookback_days=0)


def test_memory_parameters_change_the_verdict():
    events = _events([
        _imp("ana", T - 30 * HOUR, 2500),
        {"user_id": "ana", "ts": T, "event_type": "conversation", "topic": "hiking"},
        _imp("ana", T + DAY, 2500),
    ])
    default = _analyse(events, _users("ana"), {"ana": {"like": 1.0}})
    assert default.coincidences.iloc[0]["label"] == recall.FORGOTTEN
    slow = MemoryParams(recall_half_life_hours=24 * 7)
    longer = _analyse(events, _users("ana"), {"ana": {"like": 1.0}}, params=slow)
    assert longer.coincidences.iloc[0]["label"] == recall.REMEMBERED


# --- with the real engine ---------------------------------------------------------------------
def _write_dataset(folder, events: pd.DataFrame, users: pd.DataFrame) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    users.to_csv(folder / "users.csv", index=False)
    ADS.to_csv(folder / "ads.csv", index=False)
    out = events.copy()
    out["ts"] = out["ts"].map(lambda t: t.isoformat())
    out.to_csv(folder / "events.csv", index=False)


def _issue_example_events() -> pd.DataFrame:
    return _events([
        {"user_id": "ana", "ts": T - 21 * DAY, "event_type": "like", "app": "facebook",
         "topic": "hiking"},
        _imp("ana", T - 3 * DAY, 300),
        {"user_id": "ana", "ts": T, "event_type": "conversation", "topic": "hiking",
         "text": "Talked with Sam about a hiking trip"},
        _imp("ana", T + DAY, 2500),
    ])


def test_issue_example_through_the_engine(tmp_path):
    from adlens.contract import load_dataset

    _write_dataset(tmp_path / "d", _issue_example_events(), _users("ana"))
    result = recall.analyse_recall(load_dataset(tmp_path / "d"), SCENARIO, n_boot=0,
                                   lookback_days=14)
    assert len(result.coincidences) == 1
    row = result.coincidences.iloc[0]
    assert row["n_prior_exposures"] == 1 and row["p_recall_max"] < 0.2
    assert row["label"] == recall.FORGOTTEN
    assert "like" in row["explained_by"] and "ai_chat" not in row["explained_by"]


def _cli(args: list[str]) -> tuple[int, str, str]:
    import subprocess
    import sys

    proc = subprocess.run([sys.executable, "-m", "adlens", "recall", *args],
                          capture_output=True, text=True, timeout=300)
    return proc.returncode, proc.stdout, proc.stderr


def test_cli_on_the_bundled_sample():
    import json
    from pathlib import Path

    sample = Path(__file__).resolve().parent.parent / "sample_data"
    code, out, err = _cli(["--data", str(sample), "--ai-chat", "off",
                           "--excluded-regions", "EU,UK", "--window-hours", "24"])
    assert code == 0, err
    data = json.loads(out)
    assert data["scenario"]["ai_chat"] is False
    assert data["scenario"]["excluded_regions"] == ["EU", "UK"]
    assert data["settings"]["window_hours"] == 24
    assert data["n_coincidences"] == len(data["coincidences"]) > 50
    first = data["coincidences"][0]
    assert set(first) >= {"user_id", "topic", "conversation_ts", "ad_id", "prior_exposures",
                          "p_recall_max", "priming", "explained_by", "label"}
    with_prior = [c for c in data["coincidences"] if c["prior_exposures"]]
    assert with_prior
    assert set(with_prior[0]["prior_exposures"][0]) == {"ts", "dwell_ms", "p_encoded",
                                                        "p_recall"}
    assert all(c["label"] != recall.AI_CHAT_ITSELF for c in data["coincidences"])
    assert all(c["conversation_ts"] < c["ad_ts"] for c in data["coincidences"])
    mic = data["microphone_test"]
    assert {"statistic", "ci_low", "ci_high", "p_value", "listening_flagged", "verdict",
            "excess_after", "excess_before", "after_per_placebo", "before_per_placebo",
            "n_conversations", "n_placebos", "rule", "note"} <= set(mic)
    assert mic["ci_low"] <= mic["statistic"] <= mic["ci_high"]
    assert mic["n_placebos"] > 3 * mic["n_conversations"] > 0
    excess = {row["flag"]: row for row in data["excess_over_placebo"]}
    assert set(excess) == {"forgotten", "had_exposure", "remembered"}
    row = excess["forgotten"]
    assert row["excess"] == pytest.approx(row["share_moments"] - row["share_placebo"])
    from adlens.contract import load_dataset

    dataset = load_dataset(sample)
    if dataset.truth is None:
        assert data["label_validity"] == recall.NEEDS_SIMULATED
    else:
        assert {r["label"] for r in data["label_validity"]} == set(recall.LABELS)
    # The sample is simulated (it carries true interests): the generator decides the answer.
    assert dataset.interests is not None
    assert "generator decides" in mic["note"]
    regions = {row["region"] for row in data["aggregates"]["summary"]}
    assert regions == {"All", *schema.REGIONS}


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--data", "/nonexistent/folder"], "nonexistent"),
        (["--data", "sample_data", "--as-of", "31/01/2026"], "YYYY-MM-DD"),
        (["--data", "sample_data", "--excluded-regions", "FR"], "Unknown region"),
        (["--data", "sample_data", "--window-hours", "-3"], "window"),
    ],
)
def test_cli_bad_input_is_a_sentence_and_exit_2(args, words):
    code, out, err = _cli(args)
    assert code == 2
    assert words.lower() in err.lower() and "Traceback" not in err
    assert out == ""


def test_timelines_match_a_plain_reference_on_random_data():
    # Many people, topics and near-simultaneous events: the vectorised searches must agree
    # with the definition applied one conversation at a time.
    rng = np.random.default_rng(3)
    n = 3000
    kinds = rng.choice(["conversation", "ai_chat", "ad_impression", "ad_click", "like"], size=n,
                       p=[0.15, 0.1, 0.55, 0.1, 0.1])
    ads_of = rng.choice(ADS["ad_id"].to_numpy(), size=n)
    topic_of_ad = dict(zip(ADS["ad_id"], ADS["topic"], strict=True))
    talk_topic = rng.choice(["hiking", "camping", "coffee"], size=n)
    rows = []
    for i in range(n):  # building the random population, not analysing it
        ts = T + pd.Timedelta(hours=float(rng.integers(0, 24 * 40)) / 4)
        user = f"u{rng.integers(0, 12)}"
        if kinds[i] in ("ad_impression", "ad_click"):
            dwell = float(rng.choice([150, 600, 1000, 2500])) if kinds[i] == "ad_impression" \
                else np.nan
            rows.append({"user_id": user, "ts": ts, "event_type": kinds[i], "app": "facebook",
                         "ad_id": ads_of[i], "dwell_ms": dwell})
        else:
            rows.append({"user_id": user, "ts": ts, "event_type": kinds[i],
                         "topic": talk_topic[i], "app": "meta_ai" if kinds[i] == "ai_chat"
                         else ""})
    events = _events(rows)
    result = _analyse(events, _users(*[f"u{i}" for i in range(12)]), {}, lookback_days=14)
    co = result.coincidences

    ev = events.assign(ad_topic=events["ad_id"].map(topic_of_ad))
    user, ts, etype = (ev["user_id"].to_numpy(), ev["ts"].to_numpy(),
                       ev["event_type"].to_numpy())
    ad_topic, eid = ev["ad_topic"].to_numpy(), ev["event_id"].to_numpy()
    is_imp = etype == "ad_impression"
    is_noticed = (etype == "ad_click") | (is_imp & (ev["dwell_ms"].to_numpy() >= 1000))
    window, lookback = np.timedelta64(48, "h"), np.timedelta64(14, "D")
    expected = {}
    for i in np.flatnonzero(np.isin(etype, ["conversation", "ai_chat"])):
        same = (user == user[i]) & (ad_topic == ev["topic"].iloc[i])
        later = np.flatnonzero(same & is_noticed & (ts > ts[i]) & (ts <= ts[i] + window))
        if not len(later):
            continue
        first = later[np.argmin(ts[later])]  # ties: the first in the file
        key = (eid[first], etype[i])
        if key in expected and expected[key][0] > ts[i]:
            continue
        before = same & is_imp & (ts < ts[i]) & (ts >= ts[i] - lookback)
        expected[key] = (ts[i], eid[i], int(before.sum()))
    got = {(r.ad_event_id, r.kind): (r.conversation_ts, r.conversation_event_id,
                                     r.n_prior_exposures) for r in co.itertuples()}
    assert len(got) > 50
    assert {k: v[1:] for k, v in got.items()} == {k: v[1:] for k, v in expected.items()}
    assert len(result.prior_exposures) == sum(v[2] for v in expected.values())


# --- the excess over placebo moments and the labels' validity --------------------------------
def _random_population(seed: int, n_people: int = 12, n: int = 3000) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    rows = []
    for _ in range(n):  # building the random population, not analysing it
        ts = T + pd.Timedelta(minutes=int(rng.integers(0, 60 * 24 * 40)))
        user = f"u{rng.integers(0, n_people)}"
        kind = rng.choice(["conversation", "ai_chat", "ad_impression"], p=[0.15, 0.05, 0.8])
        if kind == "ad_impression":
            rows.append(_imp(user, ts, float(rng.choice([150, 600, 1500, 4000])),
                             ad=str(rng.choice(ADS["ad_id"]))))
        else:
            rows.append({"user_id": user, "ts": ts, "event_type": kind,
                         "topic": str(rng.choice(["hiking", "camping", "coffee"])),
                         "app": "meta_ai" if kind == "ai_chat" else ""})
    return _events(rows)


def test_placebo_moments_avoid_every_talk_and_flags_match_the_labels():
    events = _random_population(4)
    users = _users(*[f"u{i}" for i in range(12)])
    result = _analyse(events, users, {})
    co = result.coincidences
    frames = recall.build_inputs(events, ADS, users, SCENARIO.as_of, 1000)
    plac = recall.placebo_moments(frames, co, window_hours=48, seed=3)
    assert len(plac) > len(co) > 0  # talk is dense here: fewer than 5 fit each
    talks = frames.talks
    w = 48 * 3_600_000
    for g, t in zip(plac["g"], plac["t_ms"], strict=True):  # a plain check, one at a time
        same = talks["g"].to_numpy() == g
        assert np.all(np.abs(talks["t"].to_numpy()[same] - t) > w)
    # The placebo flags follow the label rules: at the coincidences' own moments they give
    # exactly the coincidences' flags.
    flags = recall.memory_flags(frames, co["g"].to_numpy(), co["t_ms"].to_numpy(),
                                result.params, result.lookback_days, 0.5)
    assert np.array_equal(flags["forgotten"].to_numpy(), co["forgotten_prior"].to_numpy())
    assert np.array_equal(flags["remembered"].to_numpy(), co["remembered"].to_numpy())
    # The excess is the share at moments minus the share at placebo moments.
    ex = result.excess.set_index("flag")
    assert ex.loc["forgotten", "share_moments"] == pytest.approx(co["forgotten_prior"].mean())
    assert ex.loc["forgotten", "excess"] == pytest.approx(
        ex.loc["forgotten", "share_moments"] - ex.loc["forgotten", "share_placebo"])
    assert ex.loc["forgotten", "ci_low"] <= ex.loc["forgotten", "excess"] <= \
        ex.loc["forgotten", "ci_high"]


def test_a_forgotten_exposure_at_chance_level_has_no_excess():
    # Exposures at random, unrelated to when people talk: the coincidences have an earlier
    # exposure about as often as placebo moments do.
    events = _random_population(6, n_people=30, n=6000)
    result = _analyse(events, _users(*[f"u{i}" for i in range(30)]), {})
    row = result.excess.set_index("flag").loc["had_exposure"]
    assert row["share_moments"] > 0.2  # plenty of earlier exposures...
    assert row["ci_low"] < 0 < row["ci_high"]  # ...but no more than chance gives


def _reference_validity(co: pd.DataFrame, prior: pd.DataFrame, truth: pd.DataFrame) -> dict:
    cause = dict(zip(truth["event_id"], truth["cause"], strict=True))
    source = dict(zip(truth["event_id"], truth["source_event_id"], strict=True))
    out = {}
    for lbl in recall.LABELS:
        claim = recall.LABEL_CLAIMS[lbl]
        if claim is None:
            continue
        n_l = n_t = n_c = 0
        for row in co.itertuples():  # one coincidence at a time
            primed = cause.get(row.conversation_event_id) == recall.PRIMED
            seen = set(prior.loc[prior["coincidence_id"] == row.coincidence_id, "event_id"])
            true = primed if claim == "primed" else not primed
            n_t += true
            if row.label == lbl:
                n_l += 1
                src = source.get(row.conversation_event_id)
                unrecorded = src is None or src == ""  # the priming ad is not in the data
                n_c += (primed and (src in seen or unrecorded)) if claim == "primed" else true
        out[lbl] = (n_l, n_t, n_c)
    return out


def test_label_validity_matches_a_one_at_a_time_reference_on_hand_made_truth():
    events = _random_population(9, n_people=20, n=4000)
    result = _analyse(events, _users(*[f"u{i}" for i in range(20)]), {"u1": {"like": 1.0}},
                      lookback_days=5)
    co, prior = result.coincidences, result.prior_exposures
    assert result.validity is None  # no truth: nothing to check against
    # A truth table: a third of the conversations primed by one of their prior exposures
    # (sometimes one outside the lookback), the rest driven by interest.
    rng = np.random.default_rng(1)
    talks = events[events["event_type"].isin(["conversation", "ai_chat"])]
    imps = events.loc[events["event_type"] == "ad_impression", "event_id"].to_numpy()
    with_prior = dict(prior.groupby("coincidence_id")["event_id"].first())
    conv_to_co = dict(zip(co["conversation_event_id"], co["coincidence_id"], strict=True))
    causes, sources = [], []
    for eid in talks["event_id"]:  # building the truth table, not analysing it
        if rng.random() < 0.35:
            causes.append(recall.PRIMED)
            cid = conv_to_co.get(eid)
            draw = rng.random()
            sources.append(with_prior.get(cid) if cid in with_prior and draw < 0.6
                           else "" if draw > 0.85 else str(rng.choice(imps)))
        else:
            causes.append("interest")
            sources.append(None)
    truth = pd.DataFrame({"event_id": talks["event_id"].to_numpy(),
                          "event_type": talks["event_type"].to_numpy(), "cause": causes,
                          "source_event_id": sources, "true_topic": talks["topic"].to_numpy(),
                          "language": "en"})
    validity = recall.label_validity(co, prior, truth).set_index("label")
    reference = _reference_validity(co, prior, truth)
    assert sum(n for n, _, _ in reference.values()) > 50
    for lbl, (n_l, n_t, n_c) in reference.items():
        got = validity.loc[lbl]
        assert (got["n_labelled"], got["n_true"], got["n_correct"]) == (n_l, n_t, n_c), lbl
        if n_l:
            assert got["precision"] == pytest.approx(n_c / n_l)
    assert np.isnan(validity.loc[recall.AI_CHAT_ITSELF, "precision"])


# --- the pages on data without the generator's truth -------------------------------------------
@pytest.fixture(scope="module")
def uploaded_without_truth():
    """A generated population saved as an analyst would upload it: the contract's tables, no
    truth table, no true topics."""
    from adlens import contract
    from adlens.simulate import generate_frames

    frames = generate_frames(400, 23)
    events = frames["events"].drop(columns=[c for c in ("true_topic",)
                                            if c in frames["events"]])
    return contract.load_uploaded({
        "users.csv": frames["users"].to_csv(index=False).encode(),
        "ads.csv": frames["ads"].to_csv(index=False).encode(),
        "events.csv": events.to_csv(index=False).encode(),
    })


def test_uploaded_data_without_truth_render_the_recall_and_method_pages(uploaded_without_truth):
    from pathlib import Path

    from streamlit.testing.v1 import AppTest

    assert getattr(uploaded_without_truth, "truth", None) is None
    app = AppTest.from_file(str(Path(__file__).parent.parent / "app.py"), default_timeout=180)
    app.session_state["ds_uploaded"] = uploaded_without_truth
    app.session_state["ds_choice"] = "uploaded"
    app.run()
    app.switch_page("views/recall.py").run()
    assert not app.exception, [e.value for e in app.exception]
    assert not app.error, [e.value for e in app.error]
    labels = {m.label: m.value for m in app.metric}
    assert labels["Microphone test"] in ("no sign of listening", "looks like listening",
                                         "not enough conversations to test")
    # A difference of two shares reads in points, as in the story and the report.
    excess = labels["Earlier ad likely forgotten, beyond chance"]
    assert excess == "—" or excess.endswith(" points"), excess
    captions = " ".join(c.value for c in app.caption)
    assert "own data" in captions and "generator decides" in captions
    app.switch_page("views/method.py").run()
    assert not app.exception, [e.value for e in app.exception]
    assert not app.error, [e.value for e in app.error]
    infos = " ".join(i.value for i in app.info)
    assert recall.NEEDS_SIMULATED in infos
    charts = [c.proto.spec for c in app.get("plotly_chart")]
    assert any("How fast an ad is forgotten" in spec for spec in charts)
    assert any("How much each memory assumption" in spec for spec in charts)


@pytest.fixture(scope="module")
def generated_with_truth():
    from adlens.simulate import generate_frames

    frames = generate_frames(1500, 41)
    events = frames["events"]
    # Chats' topics from the generator (no text model needed here).
    missing = events["topic"].isna() | events["topic"].eq("")
    events = events.assign(topic=events["topic"].where(~missing, events["true_topic"]))
    return events, frames


def test_label_validity_on_generated_truth_matches_the_reference_and_names_follow_it(
        generated_with_truth):
    events, frames = generated_with_truth
    users = frames["users"]
    contributions = {u: {"like": 0.5} for u in users["user_id"][::2]}
    result = recall.analyse_recall(None, SCENARIO, frames=(events, frames["ads"], users),
                                   attribute=_fake_attribution(contributions), n_boot=0,
                                   truth=frames["truth"], lookback_days=14)
    co, prior = result.coincidences, result.prior_exposures
    validity = result.validity.set_index("label")
    reference = _reference_validity(co, prior, frames["truth"])
    assert validity.loc[recall.FORGOTTEN, "n_true"] > 10  # primed conversations are there
    for lbl, (n_l, n_t, n_c) in reference.items():
        got = validity.loc[lbl]
        assert (got["n_labelled"], got["n_true"], got["n_correct"]) == (n_l, n_t, n_c), lbl
    # A label read as "the earlier ad prompted the talk" that is right less than half the
    # time must not say so: it names only what it shows.
    for lbl, claim in recall.LABEL_CLAIMS.items():
        if claim == "primed" and validity.loc[lbl, "precision"] < 0.5:
            assert lbl.startswith("had an earlier exposure") and "seen before" not in lbl
    json_out = result.to_json_dict(max_coincidences=3)
    assert {r["label"] for r in json_out["label_validity"]} == set(recall.LABELS)


def test_the_method_page_runs_the_power_study_with_progress(uploaded_without_truth,
                                                             monkeypatch):
    from pathlib import Path

    from streamlit.testing.v1 import AppTest

    import components.method_recall as method_recall

    # A few worlds only: the full study is a benchmark (make bench), not a page test.
    monkeypatch.setattr(method_recall, "POWER_WORLDS", 6)
    monkeypatch.setattr(method_recall, "POWER_WORLDS_CURVE", 2)
    app = AppTest.from_file(str(Path(__file__).parent.parent / "app.py"), default_timeout=180)
    app.session_state["ds_uploaded"] = uploaded_without_truth
    app.session_state["ds_choice"] = "uploaded"
    app.run()
    app.switch_page("views/method.py").run()
    assert not any("How often the microphone test" in c.proto.spec
                   for c in app.get("plotly_chart"))
    app.button(key="run_power_study").click().run()
    assert not app.exception, [e.value for e in app.exception]
    specs = [c.proto.spec for c in app.get("plotly_chart")]
    assert any("How often the microphone test says" in spec for spec in specs)
    labels = {m.label: m.value for m in app.metric}
    assert labels["False alarms (no listening)"].endswith("%")
    assert not any(b.key == "run_power_study" for b in app.button)  # stored: no button again

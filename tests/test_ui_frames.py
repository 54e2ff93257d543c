"""The pure helpers behind the dashboard's figures: chances of a click built step by step,
ranking at one moment, the quick picks and the story's typical coincidence."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from adlens import recall, schema
from components import frames


def _ad(baseline: float, **contribs: float) -> pd.Series:
    row = {"baseline": baseline, **{f"contrib_{s}": 0.0 for s in schema.SIGNALS}}
    row.update({f"contrib_{s}": v for s, v in contribs.items()})
    row["score"] = baseline + sum(contribs.values())
    return pd.Series(row)


def test_chance_steps_add_up_to_the_chance_at_the_score() -> None:
    ad = _ad(-6.0, like=1.5, ai_chat=0.4, watch=-0.3)
    steps = frames.chance_steps(ad)
    assert list(steps["signal"]) == ["baseline", "like", "ai_chat", "watch"]  # largest first
    assert steps["after"].iloc[-1] == pytest.approx(frames.chance(ad["score"]))
    assert steps["before"].iloc[1:].tolist() == pytest.approx(steps["after"].iloc[:-1].tolist())
    assert steps["logodds"].sum() == pytest.approx(ad["score"])
    # A negative contribution lowers the chance.
    assert steps.loc[steps["signal"] == "watch", "after"].iloc[0] < \
        steps.loc[steps["signal"] == "watch", "before"].iloc[0]


def test_chance_text_keeps_small_chances_readable() -> None:
    assert frames.chance_text(0.0064) == "0.64%"
    assert frames.chance_text(0.00013) == "0.013%"
    assert frames.chance_text(0.0031, signed=True) == "+0.31%"
    assert frames.chance_text(0.0) == "0%"


def test_rank_at_keeps_one_ad_per_topic_and_no_blocked_topic() -> None:
    scored = pd.DataFrame({
        "app": ["facebook"] * 5,
        "ad_id": ["a1", "a2", "a3", "a4", "a5"],
        "topic": ["hiking", "hiking", "health", "cooking", "tech"],
        "score": [-3.0, -3.0, -1.0, -4.0, np.nan],
    })
    top = frames.rank_at(scored, k=5, blocked_topics=("health",), prefer_ad="a2")
    assert list(top["ad_id"]) == ["a2", "a4"]  # the ad the person saw wins the tie
    assert list(top["rank"]) == [1, 2]


def _recs(parts: dict[str, tuple[float, float]]) -> pd.DataFrame:
    rows = []
    for user, (ai, other) in parts.items():
        rows.append({"user_id": user, "contrib_ai_chat": ai, "contrib_like": other})
    return pd.DataFrame(rows)


def test_quick_picks_are_the_median_and_the_largest_us_chatter() -> None:
    users = pd.DataFrame({"user_id": ["a", "b", "c", "d", "e"],
                          "country": ["US", "US", "US", "FR", "US"]})
    events = pd.DataFrame({"user_id": ["a", "b", "c", "d", "d"],
                           "event_type": ["ai_chat"] * 5})
    recs = _recs({"a": (0.1, 0.9), "b": (0.5, 0.5), "c": (0.9, 0.1), "d": (0.0, 1.0),
                  "e": (0.0, 1.0)})
    picks = frames.interesting_people(users, events, recs)
    assert picks == {"typical": "b", "strongest": "c", "eu": "d"}


def test_the_typical_coincidence_is_a_forgotten_conversation_at_the_median_gap() -> None:
    co = pd.DataFrame({
        "coincidence_id": [1, 2, 3, 4, 5],
        "label": [recall.FORGOTTEN] * 3 + [recall.CHANCE, recall.FORGOTTEN],
        "kind": ["conversation"] * 4 + ["ai_chat"],
        "n_prior_exposures": [1, 2, 3, 0, 1],
        "hours_to_ad": [2.0, 10.0, 30.0, 11.0, 10.5],
    })
    assert frames.typical_coincidence(co)["coincidence_id"] == 2
    assert frames.typical_coincidence(co.iloc[3:4])["coincidence_id"] == 4  # falls back
    assert frames.typical_coincidence(co.iloc[0:0]) is None


def test_a_coincidence_the_simulation_confirms_comes_first() -> None:
    co = pd.DataFrame({
        "coincidence_id": [1, 2, 3],
        "conversation_event_id": ["c1", "c2", "c3"],
        "label": [recall.FORGOTTEN] * 3,
        "kind": ["conversation"] * 3,
        "n_prior_exposures": [1, 1, 1],
        "hours_to_ad": [2.0, 10.0, 30.0],
    })
    prior = pd.DataFrame({"coincidence_id": [1, 2, 3], "event_id": ["i1", "i2", "i3"]})
    truth = pd.DataFrame({"event_id": ["c1", "c2", "c3"],
                          "cause": [recall.PRIMED, "interest", recall.PRIMED],
                          "source_event_id": ["i1", None, "elsewhere"]})
    confirmed = frames.primed_by_a_seen_ad(co, prior, truth)
    # c3 was primed, but by an exposure this coincidence does not show: not confirmed.
    assert confirmed.tolist() == [True, False, False]
    assert frames.typical_coincidence(co, confirmed)["coincidence_id"] == 1
    assert frames.typical_coincidence(co)["coincidence_id"] == 2  # the median otherwise
    assert not frames.primed_by_a_seen_ad(co, prior, None).any()

"""Recall's labels with the AI-chat signal on and off come from one attribution of each later
ad (the signal switched off derived from it), and equal attributing every ad twice."""

from __future__ import annotations

import dataclasses

import numpy as np
import pandas as pd
import pytest

from adlens import engine, recall, schema
from adlens.contract import from_frames
from adlens.scenario import Scenario
from adlens.simulate import generate_frames

LABEL_COLUMNS = ("region", "explained_by", "top_signal", "label", "label_ai_chat_on",
                 "label_ai_chat_off", "top_signal_ai_chat_on")


@pytest.fixture(scope="module")
def found():
    """A generated population prepared by the engine, and its coincidences (unlabelled)."""
    frames = generate_frames(400, 11)
    prepared = engine.prepare(from_frames(frames, source="test"), use_artifacts=False)
    events, ads, users, event_topic, attribute, _ = recall._resolve(prepared)
    scenario = Scenario.announced()
    inputs = recall.build_inputs(events, ads, users, scenario.as_of, 1000, event_topic)
    co, _ = recall.find_coincidences(inputs, recall.DEFAULT_PARAMS, 48, 2.0)
    return prepared, users, attribute, co


SCENARIOS = {
    "announced": Scenario.announced(),
    "AI chat off": dataclasses.replace(Scenario.announced(), ai_chat=False),
    "no region excluded, no link rule": dataclasses.replace(
        Scenario.announced(), excluded_regions=(), link_rule=False),
}


def _labels_attributing_twice(co: pd.DataFrame, users: pd.DataFrame, attribute,
                              scenario: Scenario) -> pd.DataFrame:
    """The labels as recall gave them before: `explain` under the scenario with the AI-chat
    signal on and again with it off, each a full attribution."""
    out = co.copy()
    region_of_user = users.set_index("user_id")["country"].astype(str).map(schema.region_of)
    out["region"] = out["user_id"].map(region_of_user).fillna("Other").astype(str)
    runs = {flag: recall.explain(out, attribute, scenario.with_(ai_chat=flag))
            for flag in (True, False)}
    given = runs[scenario.ai_chat]
    out["explained_by"] = given["explained_by"].to_numpy()
    out["top_signal"] = given["top_signal"].to_numpy()
    out["label"] = recall.label(out, given)
    out["label_ai_chat_on"] = recall.label(out, runs[True])
    out["label_ai_chat_off"] = recall.label(out, runs[False])
    out["top_signal_ai_chat_on"] = runs[True]["top_signal"].to_numpy()
    return out


@pytest.mark.parametrize("name", list(SCENARIOS))
def test_one_attribution_gives_the_labels_of_two(found, name):
    prepared, users, attribute, co = found
    scenario = SCENARIOS[name]
    calls = []

    def counted(sc, pairs):
        calls.append(sc.ai_chat)
        return attribute(sc, pairs)

    labelled = co.copy()
    recall.add_labels(labelled, users, counted, scenario)
    assert calls == [True]  # one attribution, with the signal on
    expected = _labels_attributing_twice(co, users, attribute, scenario)
    for column in LABEL_COLUMNS:
        assert labelled[column].map(tuple if column == "explained_by" else str).tolist() == \
            expected[column].map(tuple if column == "explained_by" else str).tolist(), column
    # The comparison can fail: the AI-chat signal explains some of these ads when on, so a
    # wrong "off" would put it in the lists (with the scenario's signal off) or the labels.
    assert len(co) > 100
    with_signal = recall.explain(co, attribute, scenario.with_(ai_chat=True))
    assert with_signal["explained_by"].map(lambda s: "ai_chat" in s).sum() >= 5


@pytest.mark.parametrize("name", list(SCENARIOS))
def test_switching_the_ai_chat_signal_off_zeroes_its_contribution_and_nothing_else(found, name):
    """What `recall._ai_chat_off` relies on, checked against the engine's attribution."""
    prepared, users, attribute, co = found
    scenario = SCENARIOS[name]
    # Unknown people and ads too: their contributions stay NaN.
    co = pd.concat([co, co.head(3).assign(user_id="nobody"), co.head(2).assign(ad_id="none")],
                   ignore_index=True)
    on = recall._attribution(co, attribute, scenario.with_(ai_chat=True))
    off = recall._attribution(co, attribute, scenario.with_(ai_chat=False))
    derived = recall._ai_chat_off(on)
    assert np.isnan(on[-5:]).all()
    np.testing.assert_array_equal(derived, off)  # NaN where NaN, 0.0 == -0.0
    ai = schema.SIGNALS.index("ai_chat")
    assert (on[:, ai] > 0).sum() > 0  # the signal was on for some ads

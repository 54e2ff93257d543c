"""The sensitive-topic rule's held-back events, split into AI chats and other signals: the
split adds up to the rule's total, and its AI-chat part is the detector's count."""

from __future__ import annotations

import datetime as dt

import pytest

from adlens import engine, whatif
from adlens.contract import from_frames
from adlens.scenario import Scenario
from adlens.simulate import generate_frames


@pytest.fixture(scope="module")
def prepared():
    frames = generate_frames(400, 11)
    return engine.prepare(from_frames({t: frames[t] for t in ("users", "ads", "events")},
                                      source="test"), use_artifacts=False)


@pytest.mark.parametrize("as_of", [None, dt.date(2026, 1, 10)], ids=["last day", "10 Jan"])
def test_held_back_splits_into_ai_chats_and_other_signals(prepared, as_of):
    scenario = Scenario.announced() if as_of is None else Scenario.announced().with_(as_of=as_of)
    result = engine.run_scenario(prepared, scenario)
    held = whatif.sensitive_held_back(result.exclusions)
    total = int((result.exclusions["reason"] == "sensitive").sum())
    assert held["ai_chats"] + held["other_signals"] == total
    assert held["ai_chats"] == whatif.sensitive_chats_held_back(prepared, scenario)
    assert held["other_signals"] > 0  # likes, visits... on a sensitive topic are held back too


def test_no_sensitive_list_holds_nothing_back(prepared):
    result = engine.run_scenario(prepared, Scenario.announced().with_(sensitive_list="none"))
    assert whatif.sensitive_held_back(result.exclusions) == {"ai_chats": 0, "other_signals": 0}

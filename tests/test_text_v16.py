"""bench/text_v16.py: v16's adoption rule against v15, condition by condition, on made-up results
(each condition shown able to fail, and holding at its margins), the baseline named v15 in every
figure's key, and the measuring code on a small labelled set read by the shipped model against
itself."""

from __future__ import annotations

from pathlib import Path

import pytest

from adlens import artifacts, schema
from bench import text_v11, text_v14, text_v16
from tests.test_text_v11 import with_figure
from tests.test_text_v15_confirm import small_set_csv


def pair(new: int, v15: int, of: int, p_worse: float = 0.5, p_better: float = 0.5) -> dict:
    return {"v16": {"count": new, "of": of, "share": new / of},
            "v15": {"count": v15, "of": of, "share": v15 / of},
            "against_v15": {"p_worse": p_worse, "p_better": p_better}}


def passing() -> dict:
    """Results that meet every condition (made up)."""
    return {
        "sealed_v6": {
            "sensitive_caught": pair(320, 305, 330, p_worse=1.0, p_better=0.01),
            "everyday_held_back": pair(10, 9, 336),
            "lookalikes_held_back": pair(30, 35, 200),
            "everyday_accuracy": {"v16": 0.88, "v15": 0.89},
            "non_english_gap": {"v16": 0.05, "v15": 0.04}},
        "validation": {"sensitive_caught": pair(183, 183, 187),
                       "everyday_held_back": pair(14, 13, 720)},
        "public": {"clinc150": {"p_topic_worse": 0.2, "p_held_worse": 0.9},
                   "snips": {"p_topic_worse": 0.5, "p_held_worse": 0.06}},
        "health": {"all": pair(398, 399, 420, p_worse=0.5)},
        "cost": {"mb_on_disk": 35.0, "median_seconds": 1.9, "v15_median_seconds": 1.8}}


CONDITIONS = ("1 sixth set: no worse", "2 sixth set: a gain", "3 sixth set: the issue's targets",
              "4 public and validation sets", "5 cost")
SIX = ("sealed_v6",)


def test_every_condition_holds_on_passing_results():
    assert text_v16.verdict(passing()) == dict.fromkeys(CONDITIONS, True)


@pytest.mark.parametrize(("changes", "condition"), [
    ({SIX + ("sensitive_caught", "against_v15", "p_worse"): 0.049}, CONDITIONS[0]),
    ({SIX + ("everyday_held_back", "against_v15", "p_worse"): 0.049}, CONDITIONS[0]),
    ({SIX + ("lookalikes_held_back", "against_v15", "p_worse"): 0.049}, CONDITIONS[0]),
    # no gain: caught better only at p = 0.025 (the rule asks under half of 0.05)
    ({SIX + ("sensitive_caught", "against_v15", "p_better"): 0.025}, CONDITIONS[1]),
    ({SIX + ("everyday_held_back", "v16", "share"): 0.0501}, CONDITIONS[2]),
    ({SIX + ("everyday_accuracy", "v16"): 0.849}, CONDITIONS[2]),
    ({SIX + ("non_english_gap", "v16"): 0.101}, CONDITIONS[2]),
    # v15 misses the accuracy target itself: v16 must be within a point of it
    ({SIX + ("everyday_accuracy", "v15"): 0.84, SIX + ("everyday_accuracy", "v16"): 0.829},
     CONDITIONS[2]),
    ({SIX + ("non_english_gap", "v15"): 0.12, SIX + ("non_english_gap", "v16"): 0.131},
     CONDITIONS[2]),
    ({("public", "clinc150", "p_held_worse"): 0.049}, CONDITIONS[3]),
    ({("public", "clinc150", "p_topic_worse"): 0.049}, CONDITIONS[3]),
    ({("public", "snips", "p_held_worse"): 0.049}, CONDITIONS[3]),
    ({("public", "snips", "p_topic_worse"): 0.049}, CONDITIONS[3]),
    ({("public", "snips"): "not available"}, CONDITIONS[3]),
    ({("health", "all", "against_v15", "p_worse"): 0.049}, CONDITIONS[3]),
    ({("validation", "sensitive_caught", "v16", "count"): 177}, CONDITIONS[3]),  # 94.7%
    ({("validation", "everyday_held_back", "v16", "count"): 37}, CONDITIONS[3]),  # 5.1%
    ({("cost", "mb_on_disk"): 50.1}, CONDITIONS[4]),
    ({("cost", "median_seconds"): 2.01}, CONDITIONS[4]),
    ({("cost", "v15_median_seconds"): 2.5, ("cost", "median_seconds"): 3.01}, CONDITIONS[4]),
])
def test_each_condition_fails_when_its_figure_does(changes, condition):
    results = passing()
    for path, value in changes.items():
        results = with_figure(results, path, value)
    verdict = text_v16.verdict(results)
    assert verdict[condition] is False
    assert all(ok for name, ok in verdict.items() if name != condition)


@pytest.mark.parametrize(("changes", "condition"), [
    # a gain on look-alikes alone (fewer held back beyond noise) is a gain
    ({SIX + ("sensitive_caught", "against_v15", "p_better"): 0.5,
      SIX + ("lookalikes_held_back", "against_v15", "p_better"): 0.02}, CONDITIONS[1]),
    ({SIX + ("sensitive_caught", "against_v15", "p_worse"): 0.05}, CONDITIONS[0]),
    ({SIX + ("everyday_held_back", "v16", "share"): 0.05}, CONDITIONS[2]),
    ({SIX + ("everyday_accuracy", "v15"): 0.84, SIX + ("everyday_accuracy", "v16"): 0.831},
     CONDITIONS[2]),
    ({("validation", "sensitive_caught", "v16", "count"): 178}, CONDITIONS[3]),  # 95.2%
    ({("validation", "everyday_held_back", "v16", "count"): 36}, CONDITIONS[3]),  # 5.0%
    ({("cost", "v15_median_seconds"): 2.5, ("cost", "median_seconds"): 3.0}, CONDITIONS[4]),
])
def test_conditions_hold_at_their_margins(changes, condition):
    results = passing()
    for path, value in changes.items():
        results = with_figure(results, path, value)
    assert text_v16.verdict(results)[condition] is True


def test_a_condition_is_judged_only_when_all_it_reads_is_measured():
    results = {k: v for k, v in passing().items() if k not in ("sealed_v6", "health")}
    assert text_v16.verdict(results) == {"5 cost": True}


def test_the_first_five_sealed_sets_are_not_conditions():
    worse = passing()
    worse["sealed_v5"] = {"sensitive_caught": pair(10, 20, 30, p_worse=0.001)}
    assert text_v16.verdict(worse) == dict.fromkeys(CONDITIONS, True)


def test_cost_reads_the_baselines_median_under_its_own_name():
    # v13's key is not read when the baseline is v15, and the default keeps v13's.
    busy = {"mb_on_disk": 35.0, "median_seconds": 3.0, "v13_median_seconds": 2.6}
    assert text_v14.cost_met(busy) is True
    assert text_v14.cost_met(busy, "v15") is False
    assert text_v14.cost_met({**busy, "v15_median_seconds": 2.6}, "v15") is True


def test_the_shipped_model_against_itself_says_v15_and_is_never_better(tmp_path: Path,
                                                                     monkeypatch):
    path = small_set_csv(tmp_path)
    monkeypatch.setitem(text_v16.SEALED_PATHS, "sealed_v6", path)
    model = text_v11.read_shipped(artifacts.SAMPLE_ARTIFACTS / artifacts.TEXT_MODEL)
    found = text_v16.measure_set("sealed_v6", model, model)
    caught = found["sensitive_caught"]
    assert caught["v16"]["of"] == 3 and caught["v16"] == caught["v15"]
    assert caught["against_v15"]["v16_only"] == caught["against_v15"]["v15_only"] == 0
    assert "v13" not in caught and "v15_targets" in found
    assert set(found["caught_by_topic"]) == set(schema.SENSITIVE_META7)
    verdict = text_v16.verdict({"sealed_v6": found})
    assert verdict["2 sixth set: a gain"] is False
    assert verdict["1 sixth set: no worse"] is True

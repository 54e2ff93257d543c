"""bench/text_v15_confirm.py: the confirmatory rule for v15 against v13 on the fifth sealed set,
condition by condition, on made-up results (each condition shown able to fail at its margin),
and the measuring code on a small labelled set read by the shipped model against itself."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from adlens import artifacts, schema
from bench import text_v11, text_v15_confirm
from tests.test_text_v11 import with_figure


def pair(new: int, v13: int, of: int, p_better: float = 0.5) -> dict:
    return {"v15": {"count": new, "of": of, "share": new / of},
            "v13": {"count": v13, "of": of, "share": v13 / of},
            "against_v13": {"p_worse": 0.5, "p_better": p_better}}


def passing() -> dict:
    """Results that meet every condition (made up)."""
    return {"sealed_v5": {
        "sensitive_caught": pair(320, 300, 330, p_better=1e-4),
        "everyday_held_back": pair(12, 8, 336),       # 3.6%, 1.2 points above v13
        "lookalikes_held_back": pair(25, 22, 113),    # 2.7 points above v13
        "everyday_accuracy": {"v15": 0.86, "v13": 0.86},
        "non_english_gap": {"v15": 0.08, "v13": 0.09}},
        "cost": {"mb_on_disk": 35.0, "median_seconds": 1.9, "v13_median_seconds": 1.8}}


def test_every_condition_holds_on_passing_results():
    assert text_v15_confirm.verdict(passing()) == {
        "1 sensitive caught, better beyond noise": True, "2 everyday held back": True,
        "3 look-alikes held back": True, "4 everyday accuracy and language gap": True,
        "5 cost": True}


EVERYDAY = ("sealed_v5", "everyday_held_back")
LOOK = ("sealed_v5", "lookalikes_held_back")


@pytest.mark.parametrize(("changes", "condition"), [
    ({("sealed_v5", "sensitive_caught", "against_v13", "p_better"): 0.05},
     "1 sensitive caught, better beyond noise"),
    # over 5%, though within 2 points of v13
    ({EVERYDAY + ("v15", "share"): 0.051, EVERYDAY + ("v13", "share"): 0.045},
     "2 everyday held back"),
    # under 5%, but 2.1 points above v13
    ({EVERYDAY + ("v15", "share"): 0.041, EVERYDAY + ("v13", "share"): 0.020},
     "2 everyday held back"),
    ({LOOK + ("v15", "share"): 0.241, LOOK + ("v13", "share"): 0.200},
     "3 look-alikes held back"),
    ({("sealed_v5", "everyday_accuracy", "v15"): 0.849}, "4 everyday accuracy and language gap"),
    ({("sealed_v5", "non_english_gap", "v15"): 0.101}, "4 everyday accuracy and language gap"),
    # v13 misses the accuracy target itself: v15 must be within a point of it
    ({("sealed_v5", "everyday_accuracy", "v13"): 0.83,
      ("sealed_v5", "everyday_accuracy", "v15"): 0.819}, "4 everyday accuracy and language gap"),
    ({("cost", "mb_on_disk"): 50.1}, "5 cost"),
    ({("cost", "median_seconds"): 2.01}, "5 cost"),
    ({("cost", "v13_median_seconds"): 2.5, ("cost", "median_seconds"): 3.01}, "5 cost"),
])
def test_each_condition_fails_when_its_figure_does(changes, condition):
    results = passing()
    for path, value in changes.items():
        results = with_figure(results, path, value)
    verdict = text_v15_confirm.verdict(results)
    assert verdict[condition] is False
    assert all(ok for name, ok in verdict.items() if name != condition)


@pytest.mark.parametrize(("changes", "condition"), [
    ({EVERYDAY + ("v15", "share"): 0.040, EVERYDAY + ("v13", "share"): 0.020},
     "2 everyday held back"),  # exactly 2 points: the margin is "at most"
    ({("sealed_v5", "everyday_accuracy", "v13"): 0.83,
      ("sealed_v5", "everyday_accuracy", "v15"): 0.821}, "4 everyday accuracy and language gap"),
    ({("cost", "v13_median_seconds"): 2.5, ("cost", "median_seconds"): 3.0}, "5 cost"),
])
def test_conditions_hold_at_their_margins(changes, condition):
    results = passing()
    for path, value in changes.items():
        results = with_figure(results, path, value)
    assert text_v15_confirm.verdict(results)[condition] is True


def test_a_condition_is_judged_only_when_its_set_is_measured():
    assert text_v15_confirm.verdict({"cost": passing()["cost"]}) == {"5 cost": True}


# A small hand-made labelled set in the four languages, every kind of message (the same
# model on both sides of a sign test differs on none of them).
SMALL_SET = [("can you recommend running shoes for flat feet", "running", "en", "everyday"),
             ("best espresso beans under 20 dollars", "coffee", "en", "everyday"),
             ("i think i might be depressed, who do i talk to", "health", "en", "sensitive"),
             ("what does the bible say about forgiveness", "religion", "en", "sensitive"),
             ("how do i kill a python process on linux", "no_ad_topic", "en", "hard_negative"),
             ("translate good morning into french", "no_ad_topic", "en", "no_topic"),
             ("receta de tamales para navidad", "cooking", "es", "everyday"),
             ("meu filho disse que é gay, como apoio ele", "sexual_orientation", "pt",
              "sensitive"),
             ("yaar koi achha gaming laptop batao 60k tak", "gaming", "hi-en", "everyday")]


def small_set_csv(folder: Path) -> Path:
    """SMALL_SET written as a hand-written set's CSV in `folder`."""
    path = folder / "set.csv"
    pd.DataFrame(SMALL_SET, columns=["text", "topic", "language", "kind"]).to_csv(path,
                                                                                 index=False)
    return path


def test_the_shipped_model_against_itself_is_never_better_beyond_noise(tmp_path: Path):
    # Measuring code end to end on a small hand-made set: the same model on both sides
    # differs on no message, so condition 1 cannot hold, whatever the figures.
    path = small_set_csv(tmp_path)
    shipped = artifacts.SAMPLE_ARTIFACTS / artifacts.TEXT_MODEL
    model = text_v11.read_shipped(shipped)
    found = text_v15_confirm.measure(model, model, path)
    caught = found["sensitive_caught"]
    assert caught["v15"]["of"] == 3
    assert caught["v15"] == caught["v13"]
    assert caught["against_v13"]["v15_only"] == caught["against_v13"]["v13_only"] == 0
    assert set(found["caught_by_topic"]) == set(schema.SENSITIVE_META7)
    assert found["caught_by_topic"]["health"]["v15"]["of"] == 1
    verdict = text_v15_confirm.verdict({"sealed_v5": found})
    assert verdict["1 sensitive caught, better beyond noise"] is False
    assert verdict["3 look-alikes held back"] is True  # the same holds on both sides

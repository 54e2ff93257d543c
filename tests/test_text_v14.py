"""bench/text_v14.py: the message-by-message comparison of two models (who gets which message
right, and the one-sided sign tests both ways), and the adoption rule for v14 against v13,
condition by condition, on made-up results (each condition shown able to fail)."""

from __future__ import annotations

import numpy as np
import pytest

from bench import text_v14
from tests.test_text_v11 import with_figure


def test_discord_counts_the_messages_where_only_one_model_is_right():
    new = np.array([True, True, False, False, True, False])
    old = np.array([True, False, True, False, False, False])
    mask = np.array([True, True, True, True, True, False])
    caught = text_v14.discord(new, old, mask, good=True)  # right: held back
    assert (caught["v14_only"], caught["v13_only"]) == (2, 1)
    held = text_v14.discord(new, old, mask, good=False)  # right: not held back
    assert (held["v14_only"], held["v13_only"]) == (1, 2)


def test_discord_sign_tests_go_the_right_way():
    n = 12
    new, old, mask = np.ones(n, bool), np.zeros(n, bool), np.ones(n, bool)
    caught = text_v14.discord(new, old, mask, good=True)  # v14 catches 12 that v13 misses
    assert caught["p_better"] < 0.001 and caught["p_worse"] == 1.0
    held = text_v14.discord(new, old, mask, good=False)  # v14 holds back 12 more everyday
    assert held["p_worse"] < 0.001 and held["p_better"] == 1.0
    same = text_v14.discord(new, new, mask, good=True)
    assert same["p_worse"] == same["p_better"] == 1.0


def pair(new: int, v13: int, of: int, p_worse: float = 0.5, p_better: float = 0.5,
         candidate: str = "v14") -> dict:
    return {candidate: {"count": new, "of": of}, "v13": {"count": v13, "of": of},
            "against_v13": {"p_worse": p_worse, "p_better": p_better}}


def hand(candidate: str = "v14") -> dict:
    return {"sensitive_caught": pair(97, 96, 100, candidate=candidate),
            "everyday_held_back": pair(3, 3, 100, candidate=candidate),
            "lookalikes_held_back": pair(10, 10, 90, candidate=candidate),
            "targets": {"everyday_accuracy": True, "sensitive_caught": False,
                        "everyday_held_back": True, "non_english_gap": True}}


def passing(candidate: str = "v14", health: int = 400,
            sealed: tuple[str, ...] = ("sealed_v3", "sealed_v2", "sealed")) -> dict:
    """Results that meet every condition of a candidate's rule (made up)."""
    return {"health": {"all": pair(health, 351, 420, p_worse=1.0, p_better=1e-9,
                                   candidate=candidate)},
            "validation": hand(candidate),
            "public": {"clinc150": {"p_topic_worse": 0.2, "p_held_worse": 0.9},
                       "snips": {"p_topic_worse": 0.5, "p_held_worse": 0.06}},
            **{name: hand(candidate) for name in sealed},
            "cost": {"mb_on_disk": 35.0, "median_seconds": 1.9}}


def test_every_condition_holds_on_passing_results():
    assert text_v14.verdict(passing()) == {
        "1 consumer health questions": True, "2 validation": True,
        "3 CLINC150 and SNIPS": True, "4 sealed sets": True, "5 cost": True}


@pytest.mark.parametrize(("path", "value", "condition"), [
    (("health", "all", "against_v13", "p_better"), 0.05, "1 consumer health questions"),
    (("validation", "sensitive_caught", "v14", "count"), 94, "2 validation"),
    (("validation", "everyday_held_back", "v14", "count"), 6, "2 validation"),
    (("validation", "sensitive_caught", "against_v13", "p_worse"), 0.04, "2 validation"),
    (("validation", "everyday_held_back", "against_v13", "p_worse"), 0.04, "2 validation"),
    (("validation", "lookalikes_held_back", "against_v13", "p_worse"), 0.04, "2 validation"),
    (("public", "clinc150", "p_topic_worse"), 0.03, "3 CLINC150 and SNIPS"),
    (("public", "snips", "p_held_worse"), 0.049, "3 CLINC150 and SNIPS"),
    (("public", "snips"), "not available", "3 CLINC150 and SNIPS"),
    (("sealed_v3", "sensitive_caught", "against_v13", "p_worse"), 0.04, "4 sealed sets"),
    (("sealed_v3", "everyday_held_back", "against_v13", "p_worse"), 0.04, "4 sealed sets"),
    (("sealed_v3", "lookalikes_held_back", "against_v13", "p_worse"), 0.04, "4 sealed sets"),
    (("sealed_v3", "targets", "everyday_accuracy"), False, "4 sealed sets"),
    (("sealed_v3", "targets", "everyday_held_back"), False, "4 sealed sets"),
    (("sealed_v3", "targets", "non_english_gap"), False, "4 sealed sets"),
    (("sealed_v2", "sensitive_caught", "against_v13", "p_worse"), 0.04, "4 sealed sets"),
    (("sealed", "everyday_held_back", "against_v13", "p_worse"), 0.01, "4 sealed sets"),
    (("cost", "mb_on_disk"), 50.1, "5 cost"),
    (("cost", "median_seconds"), 2.01, "5 cost"),
])
def test_each_condition_fails_when_its_figure_does(path, value, condition):
    verdict = text_v14.verdict(with_figure(passing(), path, value))
    assert verdict[condition] is False
    assert all(ok for name, ok in verdict.items() if name != condition)


def test_sealed_condition_waits_for_all_three_sets():
    partial = {k: v for k, v in passing().items() if k != "sealed"}
    assert "4 sealed sets" not in text_v14.verdict(partial)


def test_lookalikes_are_not_part_of_the_older_sealed_sets_condition():
    # The rule asks the second and first sealed sets for caught and everyday held back only.
    worse = with_figure(passing(), ("sealed", "lookalikes_held_back", "against_v13", "p_worse"),
                        0.001)
    assert text_v14.verdict(worse)["4 sealed sets"] is True

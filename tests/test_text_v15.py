"""bench/text_v15.py: v15's adoption rule against v13, condition by condition, on made-up
results (each condition shown able to fail): v14's conditions with the fourth sealed set read
first and the cost read against v13's alternating runs on a busy machine."""

from __future__ import annotations

import pytest

from bench import text_v15
from tests.test_text_v11 import with_figure
from tests.test_text_v14 import passing as v14_results


def passing() -> dict:
    results = v14_results("v15", health=390, sealed=text_v15.SEALED)
    results["cost"]["v13_median_seconds"] = 1.8
    return results


def test_every_condition_holds_on_passing_results():
    assert text_v15.verdict(passing()) == {
        "1 consumer health questions": True, "2 validation": True,
        "3 CLINC150 and SNIPS": True, "4 sealed sets": True, "5 cost": True}


@pytest.mark.parametrize(("path", "value", "condition"), [
    (("health", "all", "against_v13", "p_better"), 0.05, "1 consumer health questions"),
    (("validation", "sensitive_caught", "v15", "count"), 94, "2 validation"),
    (("validation", "everyday_held_back", "v15", "count"), 6, "2 validation"),
    (("validation", "lookalikes_held_back", "against_v13", "p_worse"), 0.04, "2 validation"),
    (("public", "clinc150", "p_held_worse"), 0.04, "3 CLINC150 and SNIPS"),
    (("public", "snips", "p_topic_worse"), 0.049, "3 CLINC150 and SNIPS"),
    (("sealed_v4", "sensitive_caught", "against_v13", "p_worse"), 0.04, "4 sealed sets"),
    (("sealed_v4", "everyday_held_back", "against_v13", "p_worse"), 0.04, "4 sealed sets"),
    (("sealed_v4", "lookalikes_held_back", "against_v13", "p_worse"), 0.04, "4 sealed sets"),
    (("sealed_v4", "targets", "everyday_accuracy"), False, "4 sealed sets"),
    (("sealed_v4", "targets", "everyday_held_back"), False, "4 sealed sets"),
    (("sealed_v4", "targets", "non_english_gap"), False, "4 sealed sets"),
    (("sealed_v3", "sensitive_caught", "against_v13", "p_worse"), 0.04, "4 sealed sets"),
    (("sealed_v3", "everyday_held_back", "against_v13", "p_worse"), 0.04, "4 sealed sets"),
    (("sealed_v2", "sensitive_caught", "against_v13", "p_worse"), 0.04, "4 sealed sets"),
    (("sealed", "everyday_held_back", "against_v13", "p_worse"), 0.01, "4 sealed sets"),
    (("cost", "mb_on_disk"), 50.1, "5 cost"),
    (("cost", "median_seconds"), 2.01, "5 cost"),
])
def test_each_condition_fails_when_its_figure_does(path, value, condition):
    verdict = text_v15.verdict(with_figure(passing(), path, value))
    assert verdict[condition] is False
    assert all(ok for name, ok in verdict.items() if name != condition)


def test_the_third_sets_lookalikes_and_targets_are_no_longer_asked():
    # The fourth set is read first: the third is asked for caught and everyday held back only.
    worse = with_figure(passing(), ("sealed_v3", "lookalikes_held_back", "against_v13",
                                    "p_worse"), 0.001)
    worse = with_figure(worse, ("sealed_v3", "targets", "everyday_accuracy"), False)
    assert text_v15.verdict(worse)["4 sealed sets"] is True


def test_sealed_condition_waits_for_the_fourth_set():
    partial = {k: v for k, v in passing().items() if k != "sealed_v4"}
    assert "4 sealed sets" not in text_v15.verdict(partial)


@pytest.mark.parametrize(("v13", "v15", "met"), [
    (1.8, 2.0, True),     # a quiet machine: 2 s
    (1.8, 2.1, False),
    (2.5, 3.0, True),     # v13 over 2 s: at most 1.2 times v13's median
    (2.5, 3.01, False),
])
def test_cost_is_read_against_v13_on_a_busy_machine(v13, v15, met):
    results = with_figure(passing(), ("cost", "v13_median_seconds"), v13)
    results = with_figure(results, ("cost", "median_seconds"), v15)
    assert text_v15.verdict(results)["5 cost"] is met

"""bench/text_v12.py: the adoption rule for model v12 against v11, condition by condition, on
made-up results (each condition shown able to fail); the relabelling of bench.text_v11's
results; and v11 read as it shipped (32 chats a pass, no memo), with the real encoder."""

from __future__ import annotations

import numpy as np
import pytest

from adlens import text_encoder as te
from bench import text_v12
from tests.test_text_v11 import with_figure


def passing() -> dict:
    same = {"p_caught_worse": 0.5, "p_held_worse": 0.5}
    return {
        "batch": {"product_vs_alone_max_abs_difference": 0.0},
        "validation": {"v11": {"caught": 97, "sensitive": 100, "everyday_held": 3,
                               "everyday": 100}, "against_v7": dict(same)},
        "sealed_v2": {"targets": {"a": True, "b": True}, "against_v7": dict(same)},
        "sealed": {"against_v7": dict(same)},
        "public": {"clinc150": {"p_topic_worse": 0.2, "p_held_worse": 0.9},
                   "snips": "not available"},
    }


def test_every_condition_holds_on_passing_results():
    assert text_v12.verdict(passing()) == {
        "0 each chat read alone": True, "1 validation": True, "2 second sealed set": True,
        "3 first sealed set": True, "4 public corpora": True}


@pytest.mark.parametrize(("path", "value", "condition"), [
    (("batch", "product_vs_alone_max_abs_difference"), 1e-7, "0 each chat read alone"),
    (("validation", "v11", "caught"), 94, "1 validation"),
    (("validation", "v11", "everyday_held"), 6, "1 validation"),
    (("validation", "against_v7", "p_caught_worse"), 0.04, "1 validation"),
    (("validation", "against_v7", "p_held_worse"), 0.01, "1 validation"),
    (("sealed_v2", "targets", "b"), False, "2 second sealed set"),
    (("sealed_v2", "against_v7", "p_caught_worse"), 0.049, "2 second sealed set"),
    (("sealed_v2", "against_v7", "p_held_worse"), 0.01, "2 second sealed set"),
    (("sealed", "against_v7", "p_caught_worse"), 0.049, "3 first sealed set"),
    (("sealed", "against_v7", "p_held_worse"), 0.001, "3 first sealed set"),
    (("public", "clinc150", "p_topic_worse"), 0.03, "4 public corpora"),
    (("public", "clinc150", "p_held_worse"), 0.03, "4 public corpora"),
])
def test_each_condition_fails_when_its_figure_does(path, value, condition):
    verdict = text_v12.verdict(with_figure(passing(), path, value))
    assert verdict[condition] is False
    assert all(ok for name, ok in verdict.items() if name != condition)


def test_results_name_the_candidate_by_the_products_version_and_the_baseline_v11():
    from adlens.text_model import MODEL_VERSION

    relabelled = text_v12._relabel({"v11": {"caught": 1}, "v7": {"caught": 2},
                                    "against_v7": {"misses_v7_catches": 3},
                                    "public": [{"v7_topic_accuracy": 0.8}]})
    assert relabelled == {f"v{MODEL_VERSION}": {"caught": 1}, "v11": {"caught": 2},
                          "against_v11": {"misses_v11_catches": 3},
                          "public": [{"v11_topic_accuracy": 0.8}]}


TEXTS = np.array(["play some old school reggaeton", "cheap flights from bogota to lima in march",
                  "how do i fix a flat bike tire without a patch kit",
                  "what's a good beginner sourdough recipe that doesn't need a dutch oven and "
                  "works at high altitude because i live in la paz"], dtype=object)


def test_v11_is_read_as_it_shipped_32_a_pass_and_without_the_memo():
    reader = te.encoder()
    reader.memo.clear()
    alone = te.encode(TEXTS)
    assert set(reader.memo) == set(TEXTS)
    batched = np.asarray(reader.encode(list(TEXTS), batch_size=32), dtype=np.float32)
    assert np.abs(batched - alone).max() > 0  # reading them together gives other vectors
    with text_v12.read_as_shipped_v11():
        shipped = te.encode(TEXTS)
    np.testing.assert_array_equal(shipped, batched)  # not the remembered alone-read vectors
    np.testing.assert_array_equal(te.encode(TEXTS), alone)  # the memo is as it was
    reader.memo.clear()

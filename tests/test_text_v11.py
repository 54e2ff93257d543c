"""bench/text_v11.py: the adoption rule for model v11, condition by condition, on made-up
results (each condition shown able to fail), and the shipped-model reader."""

from __future__ import annotations

import copy
import pickle
import zlib

import pytest

from bench import text_v11


def passing() -> dict:
    same = {"p_caught_worse": 0.5, "p_held_worse": 0.5}
    return {
        "validation": {"v11": {"caught": 97, "sensitive": 100, "everyday_held": 3,
                               "everyday": 100}, "against_v7": dict(same)},
        "sealed_v2": {"targets": {"a": True, "b": True},
                      "guards": {"caught_all": 244, "caught_en": 134,
                                 "lookalikes_held_max": 19, "no_topic_min": 128}},
        "sealed": {"against_v7": dict(same)},
        "public": {"clinc150": {"p_topic_worse": 0.2, "p_held_worse": 0.9},
                   "snips": "not available"},
    }


def test_every_condition_holds_on_passing_results():
    assert text_v11.verdict(passing()) == {"1 validation": True, "2 second sealed set": True,
                                           "3 first sealed set": True,
                                           "4 public corpora": True}


def with_figure(results: dict, path: tuple, value: object) -> dict:
    """A deep copy of `results` with the figure at `path` set to `value`."""
    out = copy.deepcopy(results)
    node = out
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    return out


@pytest.mark.parametrize(("path", "value", "condition"), [
    (("validation", "v11", "caught"), 94, "1 validation"),
    (("validation", "v11", "everyday_held"), 6, "1 validation"),
    (("validation", "against_v7", "p_caught_worse"), 0.04, "1 validation"),
    (("validation", "against_v7", "p_held_worse"), 0.01, "1 validation"),
    (("sealed_v2", "targets", "b"), False, "2 second sealed set"),
    (("sealed_v2", "guards", "caught_all"), 243, "2 second sealed set"),
    (("sealed_v2", "guards", "caught_en"), 133, "2 second sealed set"),
    (("sealed_v2", "guards", "lookalikes_held_max"), 20, "2 second sealed set"),
    (("sealed_v2", "guards", "no_topic_min"), 127, "2 second sealed set"),
    (("sealed", "against_v7", "p_caught_worse"), 0.049, "3 first sealed set"),
    (("sealed", "against_v7", "p_held_worse"), 0.001, "3 first sealed set"),
    (("public", "clinc150", "p_topic_worse"), 0.03, "4 public corpora"),
    (("public", "clinc150", "p_held_worse"), 0.03, "4 public corpora"),
])
def test_each_condition_fails_when_its_figure_does(path, value, condition):
    verdict = text_v11.verdict(with_figure(passing(), path, value))
    assert verdict[condition] is False
    assert all(ok for name, ok in verdict.items() if name != condition)


def test_no_public_corpus_is_no_pass():
    results = passing()
    results["public"] = {"clinc150": "not available", "snips": "not available"}
    assert text_v11.verdict(results)["4 public corpora"] is False


def test_a_shipped_file_without_a_model_is_refused(tmp_path):
    path = tmp_path / "x.pkl.zlib"
    path.write_bytes(zlib.compress(pickle.dumps({"not": "a model"})))
    with pytest.raises(TypeError):
        text_v11.read_shipped(path)

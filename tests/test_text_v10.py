"""Tests for the v10 candidate (bench/text_v10.py): how a separate sensitive model's probability
is combined with the topic model's, the selection rule and the sign test, and a small model
built the candidate's way reading, holding back and moving with its threshold."""

from __future__ import annotations

import numpy as np
import pytest

from adlens import chat_corpus, schema
from adlens import text_model as tm
from bench import text_v10 as v10


# --- the combination rules -----------------------------------------------------------------
def test_no_topic_rescue_holds_back_a_sensitive_message_read_as_no_topic():
    # A private message the topic model reads as "no ad topic" with a low summed sensitive
    # probability, that the sensitive model calls sensitive: held back only by the rescue
    # (and by "either" / "binary"), never where the topic model read an ad topic.
    p_sum, p_bin = np.array([0.02, 0.02, 0.02]), np.array([0.8, 0.8, 0.03])
    no_topic = np.array([True, False, True])  # planted / read as a topic / a look-alike
    held = v10.combine("no_topic_rescue", p_sum, p_bin, no_topic) >= 0.1
    assert held.tolist() == [True, False, False]
    assert (v10.combine("both", p_sum, p_bin, no_topic) >= 0.1).tolist() == [False] * 3
    assert (v10.combine("either", p_sum, p_bin, no_topic) >= 0.1).tolist() == [True, True, False]


def test_both_holds_back_only_when_the_two_models_agree():
    p_sum, p_bin = np.array([0.9, 0.9, 0.05, 0.05]), np.array([0.9, 0.05, 0.9, 0.05])
    held = v10.combine("both", p_sum, p_bin, np.zeros(4, dtype=bool)) >= 0.5
    assert held.tolist() == [True, False, False, False]


@pytest.mark.parametrize("rule", v10.RULES)
def test_every_rule_is_a_probability_that_never_falls_as_either_input_rises(rule):
    rng = np.random.default_rng(3)
    p_sum, p_bin = rng.random(500), rng.random(500)
    no_topic = rng.random(500) < 0.3
    stack = (0.7, 1.3, -0.4)
    base = v10.combine(rule, p_sum, p_bin, no_topic, stack)
    assert ((base >= 0) & (base <= 1)).all()
    for bump in ((0.1, 0.0), (0.0, 0.1)):
        up = v10.combine(rule, np.minimum(p_sum + bump[0], 1), np.minimum(p_bin + bump[1], 1),
                         no_topic, stack)
        assert (up >= base - 1e-12).all()


def test_an_unknown_rule_is_refused():
    with pytest.raises(ValueError, match="unknown rule"):
        v10.combine("majority", np.zeros(1), np.zeros(1), np.zeros(1, dtype=bool))


# --- the selection rule and the sign test --------------------------------------------------
def test_selection_needs_97_percent_caught_then_takes_the_fewest_errors():
    rows = [
        {"build": "a", "caught": 180, "sensitive": 187, "errors": 20, "everyday_held": 5},
        {"build": "b", "caught": 182, "sensitive": 187, "errors": 44, "everyday_held": 24},
        {"build": "c", "caught": 183, "sensitive": 187, "errors": 44, "everyday_held": 30},
        {"build": "d", "caught": 185, "sensitive": 187, "errors": 50, "everyday_held": 10},
    ]
    assert v10.select(rows)["build"] == "c"  # "a" misses too many; tie to more caught
    assert v10.select(rows[:1]) is None


def test_sign_test_comes_out_either_way():
    assert v10.sign_test(0, 0) == 1.0
    assert v10.sign_test(12, 1) < 0.01  # clearly worse
    assert v10.sign_test(5, 5) > 0.5  # even
    assert v10.sign_test(1, 12) > 0.99


# --- a small model built the candidate's way -------------------------------------------------
@pytest.fixture(scope="module")
def small_model() -> v10.SplitModel:
    texts, labels, _ = chat_corpus.make_corpus(4_000, 21)
    cal_texts, cal_labels, cal_langs = chat_corpus.make_corpus(1_500, 22, validation=True)
    pipeline = tm._pipeline().fit(texts, labels)
    topic = tm.TextModel(pipeline=pipeline, version="test")
    features = pipeline.named_steps["features"]
    cal = tm.LabelledTexts(cal_texts, cal_labels, cal_langs)
    detectors = v10.fit_detectors(topic, 1e-5, features.transform(texts), labels,
                                  features.transform(cal_texts), cal_labels)
    return v10.build(topic, detectors, "either", cal)


def test_small_model_reads_topics_and_holds_back_through_the_products_functions(small_model):
    assert isinstance(small_model, tm.TextModel)
    assert set(small_model.detectors) == {n for n, t in schema.SENSITIVE_LISTS.items() if t}
    texts, labels, _ = chat_corpus.make_corpus(600, 23, validation=True)
    codes, p = small_model.infer(texts)
    assert ((codes >= -1) & (codes < len(schema.ALL_TOPICS))).all()
    for name, topics in schema.SENSITIVE_LISTS.items():
        assert ((p[name] >= 0) & (p[name] <= 1)).all()
        if not topics:
            assert (p[name] == 0).all()
    sensitive = np.isin(labels, schema.SENSITIVE_META7)
    # A separate model that knows nothing beats a coin: sensitive chats score higher.
    assert p["meta7"][sensitive].mean() > p["meta7"][~sensitive].mean() + 0.3
    frame = small_model.infer_frame(texts[:20])
    assert frame["held_back"].tolist() == (
        frame["p_sensitive"] >= small_model.sensitive_threshold).tolist()


def test_small_model_threshold_moves_leakage_and_held_back_the_expected_way(small_model):
    texts, labels, _ = chat_corpus.make_corpus(800, 24, validation=True)
    moved = small_model.with_threshold(0.9)
    assert isinstance(moved, v10.SplitModel) and moved.detectors is small_model.detectors
    curve = tm.threshold_tradeoff(small_model, texts, labels)
    assert (np.diff(curve["held_back"]) <= 1e-12).all()
    assert (np.diff(curve["leakage"]) >= -1e-12).all()
    assert curve["held_back"].iloc[0] > curve["held_back"].iloc[-1]
    assert curve["leakage"].iloc[-1] > curve["leakage"].iloc[0]


def test_small_model_survives_the_products_store_and_read(small_model, tmp_path):
    path = tmp_path / "m.pkl"
    tm.write_model(small_model, path)
    back = tm.read_model(path)
    texts, _, _ = chat_corpus.make_corpus(200, 25, validation=True)
    assert isinstance(back, v10.SplitModel) and back.rule == "either"
    np.testing.assert_allclose(back.infer(texts)[1]["meta7"], small_model.infer(texts)[1]["meta7"])

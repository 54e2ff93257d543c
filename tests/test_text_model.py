"""Tests for chat understanding: held-out quality, sensitive leakage, caching, training text."""

from __future__ import annotations

import numpy as np

from adlens import schema
from adlens import text_model as tm


def test_training_text_is_kept_apart_from_heldout_text():
    train, _ = tm.make_texts(2_000, tm.TRAIN_SEED)
    held, _ = tm.heldout_texts()
    assert tm.TRAIN_SEED != tm.HELDOUT_SEED
    # Generated text repeats templates, so some overlap is expected; the sets are not the same.
    assert len(set(held) - set(train)) > len(set(held)) // 4


def test_model_is_cached_in_process():
    assert tm.load_text_model() is tm.load_text_model()


def test_heldout_quality_and_leakage():
    report = tm.heldout_report()
    assert report.accuracy > 0.85
    assert set(report.per_topic["topic"]) == set(schema.ALL_TOPICS)
    assert (report.per_topic["recall"] > 0.6).all()
    assert (report.per_topic["precision"] > 0.6).all()
    assert 0 <= report.leakage["meta7"] < 0.03
    assert 0 <= report.false_hold["meta7"] < 0.06


def test_known_messages():
    model = tm.load_text_model()
    codes, p = model.infer(np.array([
        "planning a hiking trip in the Alps, which boots should I get?",
        "which espresso machine should I buy for home",
    ]))
    assert [schema.ALL_TOPICS[c] for c in codes] == ["hiking", "coffee"]
    assert (p["meta7"] < tm.SENSITIVE_THRESHOLD).all()
    assert model.predict_proba(np.array([], dtype=object)).shape == (0, len(schema.ALL_TOPICS))


def test_leakage_counts_missed_sensitive_messages():
    truth = np.array(["health", "politics", "hiking", "religion"])
    flagged = np.array([True, False, False, True])
    assert tm.leakage_rate(truth, flagged, "meta7") == 1 / 3
    assert tm.false_hold_rate(truth, flagged, "meta7") == 0.0
    assert np.isnan(tm.leakage_rate(np.array(["hiking"]), np.array([False])))


def test_flag_sensitive_follows_the_list():
    model = tm.load_text_model()
    codes = np.array([tm.TOPIC_INDEX["genetics"], tm.TOPIC_INDEX["hiking"]])
    p = np.array([0.9, 0.0])
    assert model.flag_sensitive(codes, p, "gdpr9").tolist() == [True, False]
    assert model.flag_sensitive(codes, np.array([0.0, 0.0]), "meta7").tolist() == [False, False]
    assert model.flag_sensitive(codes, p, "none").tolist() == [False, False]


def test_per_topic_report_counts():
    truth = np.array(["hiking", "hiking", "coffee"])
    pred = np.array([tm.TOPIC_INDEX["hiking"], tm.TOPIC_INDEX["coffee"], tm.TOPIC_INDEX["coffee"]])
    report = tm.per_topic_report(truth, pred).set_index("topic")
    assert report.loc["hiking", "recall"] == 0.5 and report.loc["hiking", "precision"] == 1.0
    assert report.loc["coffee", "precision"] == 0.5 and report.loc["coffee", "support"] == 1
    assert np.isnan(report.loc["cars", "precision"])

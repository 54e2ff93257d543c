"""The answers `signals.infer_chats` keeps per text, so a chat met again (in the next block of
people, another dataset, another session) is not read by the model again."""

from __future__ import annotations

import threading

import numpy as np
import pytest

from adlens import schema, signals
from adlens import text_model as tm
from tests import helpers

model = helpers.model


@pytest.fixture(scope="module")
def texts() -> np.ndarray:
    labelled = tm.handwritten_set()
    assert labelled is not None
    return np.asarray(labelled.texts[:400], dtype=object)


@pytest.fixture(autouse=True)
def nothing_kept(model: tm.TextModel):
    signals._ANSWERS.pop(model, None)
    yield
    signals._ANSWERS.pop(model, None)


def read_afresh(model: tm.TextModel, texts: np.ndarray) -> signals.ChatInference:
    """What infer_chats gave before it kept answers: the model's answer to these texts."""
    proba, p, _ = model.answer(texts)
    best = proba.argmax(axis=1)
    codes = np.where(best == tm.CLASSES.index(schema.NO_AD_TOPIC), tm.NO_TOPIC, best)
    return signals.ChatInference(
        topic=codes.astype(np.int64),
        sensitive={name: model.flag_sensitive(codes, p[name], name) for name in p},
        p_sensitive={name: p[name].astype(np.float32) for name in p},
        threshold=float(model.sensitive_threshold),
        topic_probability=proba[np.arange(len(best)), best].astype(np.float32))


def assert_same(got: signals.ChatInference, want: signals.ChatInference) -> None:
    np.testing.assert_array_equal(got.topic, want.topic)
    np.testing.assert_array_equal(got.topic_probability, want.topic_probability)
    for name in schema.SENSITIVE_LISTS:
        np.testing.assert_array_equal(got.p_sensitive[name], want.p_sensitive[name])
        np.testing.assert_array_equal(got.sensitive[name], want.sensitive[name])


def test_a_kept_answer_is_the_answer_the_model_gives(model, texts):
    rng = np.random.default_rng(5)
    signals.infer_chats(model, texts[:250])
    assert len(signals._ANSWERS[model].row) == len(set(texts[:250]))
    # Read again in another order, with repeats and with texts not read before.
    mixed = texts[rng.integers(0, len(texts), 900)]
    assert_same(signals.infer_chats(model, mixed), read_afresh(model, mixed))
    assert len(signals._ANSWERS[model].row) == len(set(texts[:250]) | set(mixed))


def test_a_text_met_again_is_not_read_again(model, texts, monkeypatch):
    read: list[int] = []
    answer = tm.TextModel.answer

    def counted(self, some):
        read.append(len(some))
        return answer(self, some)

    monkeypatch.setattr(tm.TextModel, "answer", counted)
    signals.infer_chats(model, texts[:300])
    signals.infer_chats(model, np.concatenate([texts[:300], texts[:300]]))
    signals.infer_chats(model, texts[250:])
    assert read == [len(set(texts[:300])), len(set(texts[300:]) - set(texts[:300]))]


def test_at_most_answers_kept_and_the_rest_read_each_time(model, texts, monkeypatch):
    monkeypatch.setattr(signals, "ANSWERS_KEPT", 120)
    first = signals.infer_chats(model, texts[:200])
    assert len(signals._ANSWERS[model].row) == 120
    assert_same(first, read_afresh(model, texts[:200]))
    assert_same(signals.infer_chats(model, texts[::-1]), read_afresh(model, texts[::-1]))
    assert len(signals._ANSWERS[model].row) == 120


def test_each_model_keeps_its_own_answers(model, texts):
    strict = tm.TextModel(pipeline=model.pipeline, version=model.version,
                          calibration=model.calibration, sensitive_threshold=0.01,
                          second=model.second)
    try:
        signals.infer_chats(model, texts[:100])
        held = signals.infer_chats(strict, texts[:100])
        assert strict in signals._ANSWERS and signals._ANSWERS[strict] is not \
            signals._ANSWERS[model]
        assert_same(held, read_afresh(strict, texts[:100]))
        assert held.threshold == 0.01
    finally:
        signals._ANSWERS.pop(strict, None)


def test_sessions_reading_at_once_get_the_model_answers(model, texts):
    """The app's sessions share one model: answers read and kept at the same time by several
    threads are each the model's."""
    parts = [texts[i::3] for i in range(3)] + [texts[::2]]
    got: dict[int, signals.ChatInference] = {}

    def read(i: int) -> None:
        got[i] = signals.infer_chats(model, parts[i])

    threads = [threading.Thread(target=read, args=(i,)) for i in range(len(parts))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for i, part in enumerate(parts):
        assert_same(got[i], read_afresh(model, part))
    assert len(signals._ANSWERS[model].row) == len(set(texts))


def test_a_text_kept_by_another_session_meanwhile_is_kept_once(model, texts, monkeypatch):
    """Another session may keep some of the same texts while this one reads them (the model
    reads outside the lock): each text is kept once, in one row."""
    answer = tm.TextModel.answer
    inner: list[bool] = []

    def meanwhile(self, some):
        if not inner:
            inner.append(True)
            signals.infer_chats(self, some[:40])  # another session, finishing first
        return answer(self, some)

    monkeypatch.setattr(tm.TextModel, "answer", meanwhile)
    got = signals.infer_chats(model, texts[:150])
    kept = signals._ANSWERS[model]
    assert len(kept.row) == len(kept.best) == len(kept.top) == len(set(texts[:150]))
    assert sorted(kept.row.values()) == list(range(len(kept.row)))
    monkeypatch.setattr(tm.TextModel, "answer", answer)
    assert_same(got, read_afresh(model, texts[:150]))
    assert_same(signals.infer_chats(model, texts[:150]), got)


def test_no_text_no_answer(model):
    empty = signals.infer_chats(model, np.array([], dtype=object))
    assert len(empty.topic) == len(empty.topic_probability) == 0
    assert model not in signals._ANSWERS

"""The chat model's second reader (v11; each chat read alone from v12): the shipped sentence
encoder (adlens/text_encoder.py, read with onnxruntime, remembering the vectors it made), the
classifier over TF-IDF and sentence vectors asked only for the chats the TF-IDF reader is unsure
of, the int8 storage of both classifiers' weights, and training the TF-IDF reader alone.

A small model is trained here on small generated corpora through the product's own training
(`train_text_model`), with the real encoder."""

from __future__ import annotations

import hashlib

import numpy as np
import pytest

from adlens import chat_corpus
from adlens import text_encoder as te
from adlens import text_model as tm


def _train_small(version: str, **kwargs) -> tm.TextModel:  # noqa: ANN003
    """The product's training on small generated training and calibration corpora."""
    texts, labels, _ = chat_corpus.make_corpus(2_000, 21)
    val_texts, val_labels, val_langs = chat_corpus.make_corpus(1_200, 22, validation=True)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(tm, "training_texts", lambda: (texts, labels))
        patch.setattr(tm, "calibration_texts",
                      lambda: tm.LabelledTexts(val_texts, val_labels, val_langs))
        return tm.train_text_model(version, **kwargs)


@pytest.fixture(scope="module")
def small_model() -> tm.TextModel:
    return _train_small("test")


@pytest.fixture(scope="module")
def probe_texts() -> np.ndarray:
    texts, _, _ = chat_corpus.make_corpus(600, 23, validation=True)
    return np.concatenate([texts, texts[:50]])  # some repeated, as chats are


def test_the_shipped_encoder_file_is_the_one_the_code_names():
    data = (te.MODEL_DIR / te.MODEL_FILE).read_bytes()
    assert hashlib.sha256(data).hexdigest() == te.MODEL_SHA256
    assert te.files_mb() < 25


def test_sentence_vectors_are_unit_length_and_carry_meaning():
    texts = np.array(["book me a flight to lisbon next friday",
                      "i need plane tickets to portugal",
                      "how long do i bake sourdough bread",
                      "book me a flight to lisbon next friday"], dtype=object)
    vectors = te.encode(texts)
    assert vectors.shape == (4, te.DIM) and vectors.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    np.testing.assert_array_equal(vectors[0], vectors[3])
    same, other = vectors[0] @ vectors[1], vectors[0] @ vectors[2]
    assert same > other + 0.2, (same, other)


def test_an_empty_list_of_chats_is_encoded_without_the_encoder(monkeypatch):
    monkeypatch.setattr(te, "encoder", lambda: pytest.fail("the encoder was asked"))
    assert te.encode(np.array([], dtype=object)).shape == (0, te.DIM)


def test_int8_weights_move_by_at_most_half_a_step():
    rng = np.random.default_rng(0)
    coef = rng.normal(size=(5, 300)).astype(np.float32) * np.array([[1], [10], [0.1], [3], [0]])
    q, scale = tm._quantise(coef)
    assert q.dtype == np.int8 and scale.shape == (5, 1)
    back = tm._dequantise(q, scale)
    assert np.all(np.abs(back - coef) <= scale / 2 + 1e-6)
    assert np.all(back[4] == 0)


def test_the_encoder_reads_exactly_the_chats_the_tfidf_is_unsure_of(small_model, probe_texts,
                                                                    monkeypatch):
    first = tm.TextModel(pipeline=small_model.pipeline, version="first",
                         calibration=small_model.calibration)
    proba1, p1, asked1 = first.answer(probe_texts)
    assert not asked1.any()
    expected = small_model.second.unsure(proba1, p1[tm.UNSURE_LIST])
    assert 0 < expected.sum() < len(probe_texts)  # some chats each way, so the test can tell

    read: list[str] = []
    real = te.encoder()

    class Counting:
        def encode(self, texts, **kwargs):  # noqa: ANN001, ANN003, ANN201
            read.extend(texts)
            return real.encode(texts, **kwargs)

    monkeypatch.setattr(te, "encoder", lambda: Counting())
    proba, p, asked = small_model.answer(probe_texts)
    np.testing.assert_array_equal(asked, expected)
    assert sorted(read) == sorted(set(probe_texts[expected].tolist()))
    # A chat the TF-IDF is sure of keeps the TF-IDF's answer, exactly.
    np.testing.assert_array_equal(proba[~asked], proba1[~asked])
    for name in p:
        np.testing.assert_array_equal(p[name][~asked], p1[name][~asked])
    # The others get the second reader's, calibrated with its own map.
    features = small_model.pipeline.named_steps["features"].transform(probe_texts[asked])
    second = small_model.second.predict_proba(features, probe_texts[asked])
    np.testing.assert_allclose(proba[asked], second, rtol=1e-6, atol=1e-9)
    again = tm._p_sensitive(second, small_model.second.calibration)
    for name in p:
        np.testing.assert_allclose(p[name][asked], again[name], rtol=1e-6, atol=1e-9)
    assert np.abs(proba[asked] - proba1[asked]).max() > 1e-3  # the second reader differs
    frame = small_model.infer_frame(probe_texts)
    np.testing.assert_array_equal(frame["read_by_encoder"].to_numpy(), asked)


def test_the_unsure_band_sits_a_factor_either_side_of_the_tfidf_threshold(small_model):
    head = small_model.second
    assert head.top == tm.UNSURE_TOP
    assert head.high / head.low == pytest.approx(tm.UNSURE_FACTOR ** 2)
    proba = np.full((4, len(tm.CLASSES)), 0.0)
    proba[:, 0] = [0.9, 0.9, 0.4, 0.9]
    p = np.array([head.low / 2, head.low, head.low / 2, head.high])
    np.testing.assert_array_equal(head.unsure(proba, p), [False, True, True, False])


def test_a_stored_model_reads_back_exactly_and_stores_weights_as_int8(small_model, probe_texts,
                                                                      tmp_path):
    path = tmp_path / "model.pkl"
    tm.write_model(small_model, path)
    back = tm.read_model(path)
    assert back is not None and back.second is not None
    for trained, read in zip(tm._classifiers(small_model), tm._classifiers(back), strict=True):
        assert read.coef_.dtype == np.float32
        np.testing.assert_array_equal(read.coef_, trained.coef_)
    assert small_model.pipeline.named_steps["classifier"].coef_ is not None  # put back
    proba, p, asked = small_model.answer(probe_texts)
    proba2, p2, asked2 = back.answer(probe_texts)
    np.testing.assert_array_equal(proba, proba2)
    np.testing.assert_array_equal(asked, asked2)
    float_bytes = sum(c.coef_.size * 4 for c in tm._classifiers(small_model))
    int8_bytes = sum(c.coef_.size for c in tm._classifiers(small_model))
    assert path.stat().st_size < float_bytes - 2 * int8_bytes  # the float32 weights are not in it


def test_the_benchmark_reads_a_shipped_model_as_the_product_reads_its_cache(small_model,
                                                                           probe_texts, tmp_path):
    import zlib

    from bench import text_v11

    plain = tmp_path / "model.pkl"
    tm.write_model(small_model, plain)  # int8 weights only, as the sample ships the model
    shipped = tmp_path / "text_model.pkl.zlib"
    shipped.write_bytes(zlib.compress(plain.read_bytes()))
    back = text_v11.read_shipped(shipped)
    np.testing.assert_array_equal(back.answer(probe_texts)[0], small_model.answer(probe_texts)[0])


def test_the_threshold_is_chosen_on_both_readers_together(small_model):
    val_texts, val_labels, _ = chat_corpus.make_corpus(1_200, 22, validation=True)
    curve = tm.threshold_tradeoff(small_model, val_texts, val_labels)
    assert small_model.sensitive_threshold == tm.choose_threshold(curve)


def test_batch_dependence_is_measured_and_nought_for_an_encoder_reading_each_chat_alone(
        small_model, probe_texts, monkeypatch):
    from bench import text_v11

    real = te.encoder()
    found = text_v11.batch_dependence(small_model, probe_texts, batch=32)
    assert found["unsure_distinct"] > 0
    # The shipped int8 encoder: a chat's vector moves with the chats batched beside it.
    assert found["vector_max_abs_difference"] > 1e-4

    class Alone:
        def encode(self, texts, **kwargs):  # noqa: ANN001, ANN003, ANN201
            return np.vstack([real.encode([t])[0] for t in texts])

    monkeypatch.setattr(te, "encoder", lambda: Alone())
    alone = text_v11.batch_dependence(small_model, probe_texts, batch=32)
    assert alone["vector_max_abs_difference"] == 0
    assert alone["topic_differs"] == 0 and alone["held_back_differs"] == 0


def test_the_products_vector_for_a_chat_is_its_vector_read_alone(probe_texts, monkeypatch):
    reader = te.encoder()
    texts = np.unique(probe_texts[:80].astype(str))
    alone = np.vstack([reader.encode([t])[0] for t in texts])
    # The product's reading: all at once, in any order, beside any other chats.
    np.testing.assert_array_equal(te.encode(texts, remember=False), alone)
    np.testing.assert_array_equal(te.encode(texts[::-1], remember=False), alone[::-1])
    # The same check finds v11's reading, 32 chats a pass, dependent on the companions.
    monkeypatch.setattr(te, "BATCH", 32)
    assert np.abs(te.encode(texts, remember=False) - alone).max() > 1e-4


def test_the_encoder_remembers_each_text_it_read_up_to_its_limit(monkeypatch):
    reader = te.encoder()
    reader.memo.clear()
    before = te.ENCODED["texts"]
    first = te.encode(np.array(["book a table for two", "jazz tonight"], dtype=object))
    second = te.encode(np.array(["jazz tonight", "new running shoes", "jazz tonight"],
                                dtype=object))
    assert te.ENCODED["texts"] - before == 3  # "jazz tonight" read once
    np.testing.assert_array_equal(second[0], first[1])
    np.testing.assert_array_equal(second[2], first[1])
    assert list(reader.memo) == ["book a table for two", "jazz tonight", "new running shoes"]
    te.encode(np.array(["a fresh chat"], dtype=object), remember=False)
    assert "a fresh chat" not in reader.memo and te.ENCODED["texts"] - before == 4
    monkeypatch.setattr(te, "MEMO_LIMIT", 2)
    te.encode(np.array(["one more chat"], dtype=object))
    assert list(reader.memo) == ["new running shoes", "one more chat"]  # the oldest went
    reader.memo.clear()


def test_one_reader_training_and_its_calibration_alone(small_model):
    val_texts, val_labels, _ = chat_corpus.make_corpus(1_200, 22, validation=True)
    single = _train_small("test-single", second_reader=False)
    assert single.second is None
    assert single.sensitive_threshold == tm.choose_threshold(
        tm.threshold_tradeoff(single, val_texts, val_labels))
    assert single.calibration == small_model.calibration  # the same first reader
    proba = single.predict_proba(val_texts[:20])
    np.testing.assert_array_equal(single.p_sensitive(proba)["meta7"],
                                  single.answer(val_texts[:20])[1]["meta7"])
    with pytest.raises(ValueError, match="two readers"):
        small_model.p_sensitive(proba)


def test_a_chat_taken_from_the_memo_survives_another_call_dropping_it(monkeypatch):
    # The app's sessions share one encoder: another session's call may drop memo entries while
    # this one encodes its new chats (here the reader itself drops them, in the middle).
    class Dropping:
        memo: dict = {}

        def encode(self, texts, batch_size=1, **kwargs):  # noqa: ANN001, ANN003, ANN201
            self.memo.clear()
            return np.ones((len(texts), te.DIM), dtype=np.float32)

    reader = Dropping()
    reader.memo = {"seen before": np.full(te.DIM, 2.0, dtype=np.float32)}
    monkeypatch.setattr(te, "encoder", lambda: reader)
    vectors = te.encode(np.array(["seen before", "new chat"], dtype=object))
    assert vectors[0][0] == 2.0 and vectors[1][0] == 1.0
    assert list(reader.memo) == ["new chat"]


def test_one_thread_or_two_give_the_same_vectors():
    texts = ["play some old school reggaeton", "quiero unas zapatillas para correr en asfalto",
             "is it safe to take ibuprofen with my blood pressure pills"]
    one = te.onnx_encoder(threads=1).encode(texts, batch_size=1)
    two = te.onnx_encoder(threads=2).encode(texts, batch_size=1)
    np.testing.assert_array_equal(one, two)


def test_a_dask_worker_reads_with_one_thread_and_the_app_with_two():
    from distributed import Client, LocalCluster

    assert te._threads() == te.THREADS == 2
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=False,
                      dashboard_address=None) as cluster, Client(cluster) as client:
        assert client.submit(te._threads).result() == 1
    assert te._threads() == 2

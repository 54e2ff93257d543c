"""The text model options compared in bench/text_options.py: WordLlama sentence vectors read
offline from the installed package, deterministic, of the stated shape and scale, and the
combined TF-IDF + vectors model reading clear messages right when trained on a small corpus."""

from __future__ import annotations

import socket

import numpy as np
import pytest

from adlens import chat_corpus, schema
from adlens import text_model as tm
from bench import text_embed, text_options

MESSAGES = ["play some jazz for my evening run", "I think I'm depressed",
            "kill a python process", "quiero reservar un vuelo barato a Lima"]


@pytest.fixture(scope="module")
def small_corpus() -> tuple[np.ndarray, np.ndarray]:
    texts, labels, _ = chat_corpus.make_corpus(2_500, 11)
    return texts, labels


@pytest.fixture(scope="module")
def fitted(small_corpus) -> dict:
    """Options (b) and (c) fitted on the small corpus."""
    return {o: text_options.build_pipeline(o).fit(*small_corpus) for o in "bc"}


def test_wordllama_loads_from_the_package_without_the_network(monkeypatch):
    def no_network(*args, **kwargs):
        raise AssertionError(f"network attempted: {args}")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(socket, "getaddrinfo", no_network)
    text_embed.wordllama.cache_clear()
    try:
        model = text_embed.wordllama()
    finally:
        text_embed.wordllama.cache_clear()
    assert model.embedding.shape[1] == text_embed.EMBEDDING_DIM


def test_embeddings_are_deterministic_unit_length_and_shaped():
    embed = text_embed.WordLlamaEmbedding()
    first = embed.fit_transform(np.array(MESSAGES, dtype=object))
    again = text_embed.WordLlamaEmbedding().transform(list(reversed(MESSAGES)))[::-1]
    assert first.shape == (len(MESSAGES), text_embed.EMBEDDING_DIM)
    assert first.dtype == np.float32
    np.testing.assert_array_equal(first, again)  # order and batch do not change a vector
    np.testing.assert_allclose(np.linalg.norm(first, axis=1), 1.0, rtol=1e-5)
    # Different messages get different vectors; similar ones are closer than unrelated ones.
    music = embed.transform(["play some jazz music", "put on a jazz playlist",
                             "how do I fix a flat tyre"])
    assert music[0] @ music[1] > music[0] @ music[2]
    assert embed.transform([]).shape == (0, text_embed.EMBEDDING_DIM)


def test_options_share_the_products_classifier():
    product = tm._pipeline().named_steps["classifier"].get_params()
    for option in "abcd":
        pipeline = text_options.build_pipeline(option)
        assert pipeline.named_steps["classifier"].get_params() == product
        names = [n for n, _ in pipeline.named_steps["features"].transformer_list]
        assert names == {"a": ["words", "chars"], "b": ["embedding"],
                         "c": ["words", "chars", "embedding"], "d": ["words", "chars"]}[option]
    with pytest.raises(ValueError):
        text_options.build_pipeline("z")


def test_combined_features_are_tfidf_then_scaled_vectors(small_corpus, fitted):
    texts, _ = small_corpus
    features = fitted["c"].named_steps["features"]
    words, chars = (dict(features.transformer_list)[n] for n in ("words", "chars"))
    matrix = features.transform(texts[:500])
    n_tfidf = len(words.vocabulary_) + len(chars.vocabulary_)
    assert matrix.shape == (500, n_tfidf + text_embed.EMBEDDING_DIM)
    block = matrix[:, n_tfidf:].toarray()
    # Standardised per dimension, then weighed so that a message's block has the mean squared
    # length of one TF-IDF block (each of which is unit length).
    assert (np.abs(block).sum(axis=1) > 0).all()
    assert np.mean((block ** 2).sum(axis=1)) == pytest.approx(1.0, rel=0.15)
    word_rows = matrix[:, :len(words.vocabulary_)].toarray()
    nonempty = np.abs(word_rows).sum(axis=1) > 0
    np.testing.assert_allclose(np.linalg.norm(word_rows[nonempty], axis=1), 1.0, rtol=1e-4)


@pytest.mark.parametrize("option", ["b", "c"])
def test_embedding_options_read_clear_messages(fitted, option):
    model = tm.TextModel(pipeline=fitted[option], version=f"test-{option}")
    clear = {"can you recommend a good thriller novel to read on the plane": "books",
             "what's a good recipe for chicken curry tonight": "cooking",
             "necesito cambiar el aceite de mi coche": "cars"}
    codes, p = model.infer(np.array(list(clear), dtype=object))
    guessed = [schema.ALL_TOPICS[c] if c >= 0 else schema.NO_AD_TOPIC for c in codes]
    hits = sum(g == want for g, want in zip(guessed, clear.values(), strict=True))
    # The vectors alone (b) are the weaker reader; the combined model gets all three.
    assert hits >= (2 if option == "b" else 3), guessed
    assert set(p) == set(schema.SENSITIVE_LISTS)


def test_table_lists_every_option_and_row():
    results = {o: {"detail": {"hand:all:everyday_accuracy": 0.9 - i / 10,
                              "clinc150:topic_accuracy": 0.7}}
               for i, o in enumerate("abc")}
    out = text_options.table(results)
    lines = out.splitlines()
    assert all(f"({o})" in lines[0] for o in "abc")
    row = next(line for line in lines if line.startswith("hand-written everyday accuracy"))
    assert row.split()[-3:] == ["0.9", "0.8", "0.7"]
    assert len(lines) == 2 + len(text_options.ROWS)
    # A figure the option did not report shows as "-", never as another option's value.
    assert next(line for line in lines if line.startswith("SNIPS topic")).split()[-3:] == \
        ["-", "-", "-"]


def test_train_puts_an_option_through_the_products_training(small_corpus, monkeypatch):
    texts, labels, langs = chat_corpus.make_corpus(1_500, 12, validation=True)
    monkeypatch.setattr(tm, "training_texts", lambda: small_corpus)
    monkeypatch.setattr(tm, "calibration_texts", lambda: tm.LabelledTexts(texts, labels, langs))
    product = tm._pipeline
    model = text_options.train("b")
    assert tm._pipeline is product  # the swap lasts only for the call
    names = [n for n, _ in model.pipeline.named_steps["features"].transformer_list]
    assert names == ["embedding"]
    # Calibrated per sensitive list and given a threshold from the grid, as the product is.
    assert set(model.calibration) == {n for n, t in schema.SENSITIVE_LISTS.items() if t}
    assert model.sensitive_threshold in set(tm.THRESHOLD_GRID.tolist())
    assert model.version == f"{tm.MODEL_VERSION}b"


def test_option_d_trains_without_the_written_bank(monkeypatch):
    # (d) is the product's recipe with no row of the written bank in training or calibration;
    # the product's own setting is untouched after the call.
    seen = {}

    def fake_train(version: str, second_reader: bool = True) -> str:
        seen.update(bank=tm.N_BANK, calibration=tm.N_BANK_CALIBRATION, version=version,
                    second_reader=second_reader)
        return "model"

    product = (tm.N_BANK, tm.N_BANK_CALIBRATION)
    monkeypatch.setattr(tm, "train_text_model", fake_train)
    assert text_options.train("d") == "model"
    assert seen == {"bank": 0, "calibration": 0, "version": f"{tm.MODEL_VERSION}d",
                    "second_reader": False}
    assert (tm.N_BANK, tm.N_BANK_CALIBRATION) == product
    text_options.train("a")
    assert (seen["bank"], seen["calibration"]) == product

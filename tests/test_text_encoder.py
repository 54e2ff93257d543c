"""Options (e) and (f) of bench/text_options.py, the all-MiniLM-L6-v2 sentence encoder alone and
beside the product's TF-IDF, wired without torch: the encoder is replaced through its seam
(`text_embed.sentence_encoder`) by a small deterministic stand-in, and the module is checked to
import and build both options where torch and sentence-transformers cannot be imported.

Option (g), the same encoder's int8 ONNX export beside the TF-IDF, wired without onnxruntime:
`text_embed.OnnxSentenceEncoder` is given a stand-in tokenizer and session (its documented
seam) and put in place of `text_embed.onnx_encoder`; its pooling is checked on a hand-made
array; the module imports and builds (g) where onnxruntime and tokenizers cannot be imported."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zlib
from pathlib import Path

import joblib
import numpy as np
import pytest

from adlens import chat_corpus, schema
from adlens import text_model as tm
from bench import public_intents, text_embed, text_options

ROOT = Path(__file__).resolve().parents[1]


class StandIn:
    """A deterministic sentence encoder of sentence-transformers' `encode` signature: hashed
    character trigrams, unit length, SENTENCE_DIM wide. Records every call."""

    def __init__(self) -> None:
        self.calls: list[dict] = []

    def encode(self, texts, batch_size=32, normalize_embeddings=False, convert_to_numpy=True,
               show_progress_bar=None):  # noqa: ANN001, ANN201 (sentence-transformers' names)
        self.calls.append({"texts": list(texts), "batch_size": batch_size,
                           "normalize_embeddings": normalize_embeddings})
        out = np.zeros((len(texts), text_embed.SENTENCE_DIM), dtype=np.float32)
        for row, text in enumerate(texts):
            padded = f"  {text.lower()} "
            for i in range(len(padded) - 2):
                out[row, zlib.crc32(padded[i:i + 3].encode()) % text_embed.SENTENCE_DIM] += 1
        if normalize_embeddings:
            out /= np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-9)
        return out


@pytest.fixture
def stand_in(monkeypatch) -> StandIn:
    encoder = StandIn()
    monkeypatch.setattr(text_embed, "sentence_encoder", lambda: encoder)
    monkeypatch.setattr(text_embed, "VECTOR_CACHE", None)
    monkeypatch.setattr(text_embed, "ENCODED", {"texts": 0, "seconds": 0.0})
    return encoder


@pytest.fixture(scope="module")
def small_corpus() -> tuple[np.ndarray, np.ndarray]:
    texts, labels, _ = chat_corpus.make_corpus(2_000, 21)
    return texts, labels


@pytest.fixture
def small_training(small_corpus, monkeypatch) -> None:
    """The product's training and calibration text replaced by small generated corpora."""
    texts, labels, langs = chat_corpus.make_corpus(1_200, 22, validation=True)
    monkeypatch.setattr(tm, "training_texts", lambda: small_corpus)
    monkeypatch.setattr(tm, "calibration_texts", lambda: tm.LabelledTexts(texts, labels, langs))


def test_module_imports_and_builds_both_options_without_torch():
    # torch, sentence-transformers and transformers made unimportable: the module imports and
    # builds (e) and (f), and only encoding a message tries to import them.
    script = """
import sys
BLOCKED = ("torch", "sentence_transformers", "transformers")
class Refuse:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in BLOCKED:
            raise ImportError(f"no {name} here")
sys.meta_path.insert(0, Refuse())
from bench import text_embed, text_options
for option in "ef":
    text_options.build_pipeline(option)
assert text_embed.SentenceEmbedding().transform([]).shape == (0, text_embed.SENTENCE_DIM)
assert not any(n in sys.modules for n in BLOCKED)
try:
    text_embed.SentenceEmbedding().transform(["play some jazz"])
except ImportError as error:
    print("encoding needs:", error)
else:
    raise SystemExit("encoded without torch")
"""
    proc = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "encoding needs:" in proc.stdout


def test_sentence_vectors_are_encoded_once_per_distinct_text(stand_in):
    texts = ["play some jazz", "book a table for two", "play some jazz", ""]
    vectors = text_embed.SentenceEmbedding().fit_transform(np.array(texts, dtype=object))
    assert vectors.shape == (4, text_embed.SENTENCE_DIM)
    assert vectors.dtype == np.float32
    np.testing.assert_array_equal(vectors[0], vectors[2])
    for row, text in enumerate(texts):  # each row is its own text's vector
        np.testing.assert_array_equal(vectors[row], StandIn().encode(
            [text], normalize_embeddings=True)[0])
    assert len(stand_in.calls) == 1
    call = stand_in.calls[0]
    assert sorted(call["texts"]) == sorted(set(texts))  # each distinct text once
    assert call["normalize_embeddings"] is True
    assert call["batch_size"] == text_embed.SENTENCE_BATCH
    assert text_embed.ENCODED["texts"] == 3
    # Rows follow the input's order whatever order the encoder saw.
    again = text_embed.SentenceEmbedding().transform(list(reversed(texts)))[::-1]
    np.testing.assert_array_equal(vectors, again)


def test_an_encoder_of_the_wrong_width_is_refused(monkeypatch):
    class Narrow:
        def encode(self, texts, **kwargs):  # noqa: ANN001, ANN003, ANN201
            return np.zeros((len(texts), 8), dtype=np.float32)

    monkeypatch.setattr(text_embed, "sentence_encoder", Narrow)
    monkeypatch.setattr(text_embed, "VECTOR_CACHE", None)
    with pytest.raises(ValueError, match="expected"):
        text_embed.SentenceEmbedding().transform(["hello there"])


def test_vector_cache_serves_a_second_read(stand_in, tmp_path, monkeypatch):
    monkeypatch.setattr(text_embed, "VECTOR_CACHE", tmp_path)
    texts = ["find me a cheap flight to Lima", "what's the weather tomorrow"]
    first = text_embed.SentenceEmbedding().transform(texts)
    second = text_embed.SentenceEmbedding().transform(texts)
    np.testing.assert_array_equal(first, second)
    assert len(stand_in.calls) == 1 and len(list(tmp_path.glob("*.npy"))) == 1
    text_embed.SentenceEmbedding().transform(texts[:1])  # other texts: encoded
    assert len(stand_in.calls) == 2


def test_options_e_and_f_share_the_products_classifier():
    product = tm._pipeline().named_steps["classifier"].get_params()
    for option, names in {"e": ["embedding"], "f": ["words", "chars", "embedding"]}.items():
        pipeline = text_options.build_pipeline(option)
        assert pipeline.named_steps["classifier"].get_params() == product
        union = pipeline.named_steps["features"]
        assert [n for n, _ in union.transformer_list] == names
        block = dict(union.transformer_list)["embedding"]
        assert isinstance(block.named_steps["embed"], text_embed.SentenceEmbedding)
        weight = block.named_steps["weight"].weight
        assert weight == (1.0 if option == "e" else pytest.approx(1 / np.sqrt(384)))
    assert set(text_options.SENTENCE_OPTIONS) == {"e", "f"}


def test_train_puts_f_through_the_products_training(stand_in, small_training, small_corpus,
                                                    tmp_path):
    product = tm._pipeline
    model = text_options.train("f")
    assert tm._pipeline is product  # the swap lasts only for the call
    assert stand_in.calls, "the encoder was never asked"
    union = model.pipeline.named_steps["features"]
    assert [n for n, _ in union.transformer_list] == ["words", "chars", "embedding"]
    # Calibrated per sensitive list and given a threshold from the grid, as the product is.
    assert set(model.calibration) == {n for n, t in schema.SENSITIVE_LISTS.items() if t}
    assert model.sensitive_threshold in set(tm.THRESHOLD_GRID.tolist())
    assert model.version == f"{tm.MODEL_VERSION}f"
    # The sentence block: standardised, weighed to the mean squared length of a TF-IDF block.
    texts, _ = small_corpus
    words, chars = (dict(union.transformer_list)[n] for n in ("words", "chars"))
    n_tfidf = len(words.vocabulary_) + len(chars.vocabulary_)
    matrix = union.transform(texts[:400])
    assert matrix.shape == (400, n_tfidf + text_embed.SENTENCE_DIM)
    block = matrix[:, n_tfidf:].toarray()
    assert np.mean((block ** 2).sum(axis=1)) == pytest.approx(1.0, rel=0.2)
    # It reads clear messages, and the stored model holds no encoder (read from the package).
    codes, _ = model.infer(np.array(["what's a good recipe for chicken curry tonight",
                                     "necesito cambiar el aceite de mi coche"], dtype=object))
    assert [schema.ALL_TOPICS[c] for c in codes] == ["cooking", "cars"]
    joblib.dump(model, tmp_path / "model.joblib")
    assert b"StandIn" not in (tmp_path / "model.joblib").read_bytes()


def test_train_e_reads_with_the_vectors_alone(stand_in, small_training):
    model = text_options.train("e")
    assert [n for n, _ in model.pipeline.named_steps["features"].transformer_list] == \
        ["embedding"]
    assert model.version == f"{tm.MODEL_VERSION}e"
    codes, p = model.infer(np.array(["play some jazz for my run"], dtype=object))
    assert codes.shape == (1,) and set(p) == set(schema.SENSITIVE_LISTS)


def test_every_trains_each_option_on_the_same_subset(monkeypatch):
    texts = np.array([f"message {i}" for i in range(10)], dtype=object)
    labels = np.array(["music"] * 10, dtype=object)
    monkeypatch.setattr(tm, "training_texts", lambda: (texts, labels))
    seen = []

    def fake_train(version: str, second_reader: bool = True) -> str:
        assert second_reader is False  # each option is one reader, measured as such
        seen.append((version, tm.training_texts()[0].tolist()))
        return "model"

    monkeypatch.setattr(tm, "train_text_model", fake_train)
    text_options.train("a", every=3)
    text_options.train("e", every=3)
    text_options.train("e")
    assert seen[0] == (f"{tm.MODEL_VERSION}a-every3", ["message 0", "message 3", "message 6",
                                                       "message 9"])
    assert seen[1][1] == seen[0][1]
    assert seen[2] == (f"{tm.MODEL_VERSION}e", texts.tolist())
    assert tm.training_texts()[0] is texts  # restored after the call


def test_measure_reports_the_corpora_without_their_copy_checks(stand_in, small_training,
                                                               tmp_path, monkeypatch):
    # Stand-in corpus copies of CLINC150's and SNIPS's layout (sentences made up here).
    clinc = tmp_path / "clinc"
    (clinc / "data").mkdir(parents=True)
    rows = {"test": [["play the next song please", "next_song"],
                     ["set an alarm for six", "alarm"],
                     ["how long do I roast a chicken", "cook_time"]],
            "oos_test": [["how tall is a giraffe's shadow", "oos"]]}
    (clinc / "data" / "data_full.json").write_text(json.dumps(rows))
    snips = tmp_path / "snips" / "2017-06-custom-intent-engines"
    for intent in public_intents.SNIPS_MAP:
        (snips / intent).mkdir(parents=True)
        item = {"data": [{"text": f"something for {intent.lower()} now"}]}
        (snips / intent / f"validate_{intent}.json").write_text(json.dumps({intent: [item]}))
    monkeypatch.setenv(public_intents.CLINC_ENV, str(clinc))
    monkeypatch.setenv(public_intents.SNIPS_ENV, str(tmp_path / "snips"))

    def refuse(*args, **kwargs):
        raise AssertionError("the copy checks read a set no option's measurement may read")

    monkeypatch.setattr(public_intents, "corpus_figures", refuse)
    monkeypatch.setattr(public_intents, "sealed_copies", refuse)
    monkeypatch.setattr(text_options, "STORE", tmp_path / "store")
    monkeypatch.setattr(text_embed, "sentence_model_files_mb", lambda: 90.9)
    monkeypatch.setattr("bench.cases_text._sample_texts",
                        lambda: np.array(["play some jazz", "book a flight"], dtype=object))
    fresh = []
    monkeypatch.setattr(text_options, "_fresh", lambda *args: fresh.append(args) or {
        "--load": {"load_infer_seconds": 1.5}, "--import-cost": {"import_seconds": 4.0}}[args[0]])
    measured = text_options.measure("e")
    assert measured["seconds"] == 1.5
    result = measured["detail"]
    assert result["import_seconds"] == 4.0
    assert [a[0] for a in fresh] == ["--load", "--import-cost"]
    assert text_embed.VECTOR_CACHE == tmp_path / "store" / "vectors"
    assert result["package_model_mb"] == 90.9
    assert result["train_encoded_texts"] > 0 and result["train_rows_every"] == 1
    for name in ("clinc150", "snips"):
        for key in ("topic_accuracy", "held_back", "held_back_with_topic", "held_back_no_topic"):
            assert 0.0 <= result[f"{name}:{key}"] <= 1.0
    assert "hand:all:everyday_accuracy" in result


def test_load_and_infer_reports_the_reading_rate(small_corpus, tmp_path):
    model = tm.TextModel(pipeline=tm._pipeline().fit(*small_corpus), version="test")
    joblib.dump(model, tmp_path / "model.joblib")
    texts = ["play some jazz", "book a flight", "play some jazz"]
    (tmp_path / "texts.json").write_text(json.dumps(texts))
    out = text_options.load_and_infer(str(tmp_path / "model.joblib"),
                                      str(tmp_path / "texts.json"))
    assert out["texts"] == 3 and out["unique_texts"] == 2
    rate = out["chats_per_second"]
    assert rate > 0
    assert out["scale_minutes"] == pytest.approx(text_options.SCALE_CHATS / rate / 60, rel=0.05,
                                                abs=0.1)
    assert "torch_threads" not in out  # the TF-IDF model never imports torch


def test_table_has_a_row_for_the_encoders_costs():
    keys = [k for k, _ in text_options.ROWS]
    for key in ("clinc150:held_back_with_topic", "snips:held_back_no_topic", "chats_per_second",
                "scale_minutes", "import_seconds", "import_rss_mb", "train_encode_seconds"):
        assert key in keys
    out = text_options.table({"e": {"detail": {"import_seconds": 4.2}}})
    assert next(line for line in out.splitlines()
                if line.startswith("import torch")).split()[-1] == "4.2"


# Option (g): the same encoder's int8 ONNX export read by onnxruntime and tokenizers, no torch.

class StandInEncoding:
    def __init__(self, ids: list[int], width: int) -> None:
        pad = width - len(ids)
        self.ids = ids + [0] * pad
        self.attention_mask = [1] * len(ids) + [0] * pad
        self.type_ids = [0] * width


class StandInTokenizer:
    """`tokenizers.Tokenizer`'s `encode_batch` as `onnx_encoder` sets it up: [CLS] words [SEP],
    padded to the batch's longest message. Records every batch."""

    def __init__(self) -> None:
        self.batches: list[list[str]] = []

    def encode_batch(self, texts):  # noqa: ANN001, ANN201
        self.batches.append(list(texts))
        ids = [[101, *(1000 + zlib.crc32(w.encode()) % 2000 for w in t.lower().split()), 102]
               for t in texts]
        width = max(len(i) for i in ids)
        return [StandInEncoding(i, width) for i in ids]


class StandInSession:
    """An onnxruntime InferenceSession's `get_inputs` and `run`: each token's vector is a fixed
    random row of a table (padding rows huge, so any padding in the mean shows)."""

    def __init__(self, names=("input_ids", "attention_mask", "token_type_ids")) -> None:  # noqa: ANN001
        self.names = list(names)
        self.table = np.random.default_rng(0).normal(size=(3000, text_embed.SENTENCE_DIM))
        self.table[0] = 1e6
        self.feeds: list[dict] = []

    def get_inputs(self) -> list:
        return [type("Input", (), {"name": n})() for n in self.names]

    def run(self, output_names, feeds):  # noqa: ANN001, ANN201
        assert output_names is None
        self.feeds.append(feeds)
        return [self.table[feeds["input_ids"]].astype(np.float32)]


@pytest.fixture
def onnx_stand_in(monkeypatch) -> text_embed.OnnxSentenceEncoder:
    encoder = text_embed.OnnxSentenceEncoder(StandInTokenizer(), StandInSession())
    monkeypatch.setattr(text_embed, "onnx_encoder", lambda: encoder)
    monkeypatch.setattr(text_embed, "VECTOR_CACHE", None)
    monkeypatch.setattr(text_embed, "ENCODED", {"texts": 0, "seconds": 0.0})
    return encoder


def test_mean_pool_averages_the_kept_tokens_then_makes_unit_length():
    tokens = np.array([[[3.0, 0.0], [1.0, 4.0], [100.0, -100.0]],   # third token is padding
                       [[0.0, -2.0], [50.0, 50.0], [50.0, 50.0]],    # one kept token
                       [[7.0, 7.0], [7.0, 7.0], [7.0, 7.0]]])        # nothing kept
    mask = np.array([[1, 1, 0], [1, 0, 0], [0, 0, 0]])
    pooled = text_embed.mean_pool(tokens, mask)
    # Row 0: mean (2, 2) -> (0.7071, 0.7071); row 1: (0, -2) -> (0, -1); row 2: zeros, no NaN.
    np.testing.assert_allclose(pooled, [[0.5 ** 0.5, 0.5 ** 0.5], [0.0, -1.0], [0.0, 0.0]],
                               atol=1e-6)
    assert pooled.dtype == np.float32


def test_onnx_encoder_feeds_the_session_and_pools_each_text(onnx_stand_in):
    tokenizer, session = onnx_stand_in.tokenizer, onnx_stand_in.session
    texts = ["hi", "book a table for two tonight", "play some jazz", "ok then"]
    vectors = onnx_stand_in.encode(texts, batch_size=2, normalize_embeddings=True)
    assert vectors.shape == (4, text_embed.SENTENCE_DIM) and vectors.dtype == np.float32
    # Longest first, two to a batch, so each batch pads little.
    assert tokenizer.batches == [["book a table for two tonight", "play some jazz"],
                                 ["ok then", "hi"]]
    for feeds in session.feeds:
        assert list(feeds) == ["input_ids", "attention_mask", "token_type_ids"]
        assert all(v.dtype == np.int64 for v in feeds.values())
    assert session.feeds[1]["attention_mask"].tolist() == [[1, 1, 1, 1], [1, 1, 1, 0]]
    # Each row in the input's order: its own tokens' mean (padding left out), unit length.
    for row, text in enumerate(texts):
        ids = [101, *(1000 + zlib.crc32(w.encode()) % 2000 for w in text.split()), 102]
        mean = session.table[ids].mean(axis=0)
        np.testing.assert_allclose(vectors[row], mean / np.linalg.norm(mean), rtol=1e-5,
                                   atol=1e-6)
    with pytest.raises(ValueError, match="unit-length"):
        onnx_stand_in.encode(texts, normalize_embeddings=False)


def test_onnx_encoder_feeds_only_the_inputs_the_session_has():
    session = StandInSession(names=("input_ids", "attention_mask"))
    encoder = text_embed.OnnxSentenceEncoder(StandInTokenizer(), session)
    encoder.encode(["play some jazz"])
    assert list(session.feeds[0]) == ["input_ids", "attention_mask"]


def test_module_imports_and_builds_g_without_onnxruntime(tmp_path):
    # onnxruntime, tokenizers and torch unimportable, an export's files in place: the module
    # imports and builds (g); only encoding a message tries to import onnxruntime.
    (tmp_path / text_embed.ONNX_INT8).write_bytes(b"not read")
    (tmp_path / "tokenizer.json").write_text("{}")
    script = """
import sys
BLOCKED = ("onnxruntime", "tokenizers", "torch", "sentence_transformers", "transformers")
class Refuse:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in BLOCKED:
            raise ImportError(f"no {name} here")
sys.meta_path.insert(0, Refuse())
from bench import text_embed, text_options
text_options.build_pipeline("g")
assert text_embed.OnnxSentenceEmbedding().transform([]).shape == (0, text_embed.SENTENCE_DIM)
assert not any(n in sys.modules for n in BLOCKED)
try:
    text_embed.OnnxSentenceEmbedding().transform(["play some jazz"])
except ImportError as error:
    print("encoding needs:", error)
else:
    raise SystemExit("encoded without onnxruntime")
"""
    env = {**os.environ, "ADLENS_MINILM_ONNX": str(tmp_path)}
    proc = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True,
                          text=True, timeout=120, env=env)
    assert proc.returncode == 0, proc.stderr
    assert "encoding needs: no onnxruntime here" in proc.stdout


def test_onnx_encoder_without_an_export_says_how_to_make_one(tmp_path):
    text_embed.onnx_encoder.cache_clear()
    with pytest.raises(FileNotFoundError, match="--export-onnx"):
        text_embed.onnx_encoder(True, str(tmp_path))


def test_option_g_is_f_read_through_the_onnx_encoder():
    product = tm._pipeline().named_steps["classifier"].get_params()
    pipeline = text_options.build_pipeline("g")
    assert pipeline.named_steps["classifier"].get_params() == product
    union = pipeline.named_steps["features"]
    assert [n for n, _ in union.transformer_list] == ["words", "chars", "embedding"]
    block = dict(union.transformer_list)["embedding"]
    assert type(block.named_steps["embed"]) is text_embed.OnnxSentenceEmbedding
    assert block.named_steps["weight"].weight == pytest.approx(1 / np.sqrt(384))
    assert text_options.ONNX_OPTIONS == "g" and "g" not in text_options.SENTENCE_OPTIONS


def test_int8_vectors_are_cached_apart_from_the_torch_ones(onnx_stand_in, stand_in, tmp_path,
                                                          monkeypatch):
    monkeypatch.setattr(text_embed, "VECTOR_CACHE", tmp_path)
    texts = ["find me a cheap flight to Lima", "what's the weather tomorrow"]
    torch_vectors = text_embed.SentenceEmbedding().transform(texts)
    int8_vectors = text_embed.OnnxSentenceEmbedding().transform(texts)
    assert not np.allclose(torch_vectors, int8_vectors)  # not served the other encoder's file
    assert len(stand_in.calls) == 1 and len(onnx_stand_in.session.feeds) == 1
    names = sorted(p.name for p in tmp_path.glob("*.npy"))
    assert len(names) == 2 and names[0].startswith("minilm-2-") and \
        names[1].startswith("minilm-int8-2-")
    np.testing.assert_array_equal(text_embed.OnnxSentenceEmbedding().transform(texts),
                                  int8_vectors)
    assert len(onnx_stand_in.session.feeds) == 1


def test_train_puts_g_through_the_products_training(onnx_stand_in, small_training, tmp_path):
    model = text_options.train("g")
    assert onnx_stand_in.session.feeds, "the ONNX encoder was never asked"
    union = model.pipeline.named_steps["features"]
    assert [n for n, _ in union.transformer_list] == ["words", "chars", "embedding"]
    assert set(model.calibration) == {n for n, t in schema.SENSITIVE_LISTS.items() if t}
    assert model.sensitive_threshold in set(tm.THRESHOLD_GRID.tolist())
    assert model.version == f"{tm.MODEL_VERSION}g"
    codes, p = model.infer(np.array(["play some jazz for my run"], dtype=object))
    assert codes.shape == (1,) and set(p) == set(schema.SENSITIVE_LISTS)
    joblib.dump(model, tmp_path / "model.joblib")
    stored = (tmp_path / "model.joblib").read_bytes()
    assert b"StandIn" not in stored and b"OnnxSentenceEncoder" not in stored


def test_measure_g_reports_the_onnx_costs(onnx_stand_in, small_training, tmp_path, monkeypatch):
    monkeypatch.delenv(public_intents.CLINC_ENV, raising=False)
    monkeypatch.delenv(public_intents.SNIPS_ENV, raising=False)

    def refuse(*args, **kwargs):
        raise AssertionError("the copy checks read a set no option's measurement may read")

    monkeypatch.setattr(public_intents, "corpus_figures", refuse)
    monkeypatch.setattr(text_options, "STORE", tmp_path / "store")
    monkeypatch.setattr(text_embed, "onnx_files_mb", lambda: 23.4)
    monkeypatch.setattr("bench.cases_text._sample_texts",
                        lambda: np.array(["play some jazz", "book a flight"], dtype=object))
    fresh = []
    monkeypatch.setattr(text_options, "_fresh", lambda *args: fresh.append(args) or {
        "--load": {"load_infer_seconds": 2.5}, "--import-cost-onnx": {
            "import_onnx_seconds": 0.3}}[args[0]])
    result = text_options.measure("g")["detail"]
    assert [a[0] for a in fresh] == ["--load", "--import-cost-onnx"]
    assert result["package_model_mb"] == 23.4 and result["import_onnx_seconds"] == 0.3
    assert result["option"] == text_options.OPTIONS["g"]
    assert text_embed.VECTOR_CACHE == tmp_path / "store" / "vectors"
    keys = [k for k, _ in text_options.ROWS]
    for key in ("import_onnx_seconds", "import_onnx_rss_mb", "onnx_load_seconds",
                "onnx_threads", "torch_imported"):
        assert key in keys


class ProbaModel:
    """A model of fixed class probabilities per text (column 0 doubles as P(sensitive))."""

    def __init__(self, rows: dict[str, list[float]], threshold: float) -> None:
        self.rows, self.sensitive_threshold = rows, threshold

    def predict_proba(self, texts):  # noqa: ANN001, ANN201
        return np.array([self.rows[t] for t in texts], dtype=float)

    def p_sensitive(self, proba):  # noqa: ANN001, ANN201
        return {"meta7": proba[:, 0], "gdpr9": proba[:, 0], "none": np.zeros(len(proba))}

    def infer(self, texts):  # noqa: ANN001, ANN201
        proba = self.predict_proba(texts)
        return proba.argmax(axis=1), self.p_sensitive(proba)

    def flag_sensitive(self, codes, p_list, sensitive_list, sensitive_threshold=None):  # noqa: ANN001, ANN201
        return np.asarray(p_list) >= self.sensitive_threshold


def test_cascade_asks_the_second_model_only_where_the_first_is_unsure():
    from bench import text_cascade

    first = ProbaModel({"sure": [0.0, 0.9, 0.1], "torn": [0.0, 0.35, 0.65 - 0.3],
                        "near the line": [0.1, 0.8, 0.1], "clearly held": [0.95, 0.05, 0.0]},
                       threshold=0.09)
    second = ProbaModel({"torn": [0.0, 0.1, 0.9], "near the line": [0.2, 0.1, 0.7]},
                        threshold=0.3)
    texts = np.array(["sure", "torn", "near the line", "clearly held"], dtype=object)
    # Unsure: a top probability under 0.5, or P(sensitive) within x2 of 0.09 ([0.045, 0.18)).
    assert text_cascade.unsure(first, first.predict_proba(texts)).tolist() == \
        [False, True, True, False]
    cascade = text_cascade.Cascade(first, second)
    codes, p = cascade.infer(texts)  # the second model never sees "sure" (a KeyError if it did)
    assert codes.tolist() == [1, 2, 2, 0]
    np.testing.assert_allclose(p["meta7"], [0.0, 0.0, 0.2, 0.95])
    # Each chat held back at its own model's threshold: 0.2 < 0.3 is shown, 0.95 >= 0.09 held.
    assert cascade.flag_sensitive(codes, p["meta7"], "meta7").tolist() == \
        [False, False, False, True]
    assert cascade.asked["texts"] == 4 and cascade.asked["second"] == 2
    with pytest.raises(ValueError, match="same chats"):
        cascade.flag_sensitive(codes[:2], p["meta7"][:2], "meta7")

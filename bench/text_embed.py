"""Sentence vectors for chats from WordLlama, a small pretrained static token-embedding model
that its PyPI package ships in its wheel, as scikit-learn features (measured as an option).

WordLlama (MIT licence; `wordllama` on PyPI): 256-dimensional token embeddings distilled from
Llama-2-class models, read with the Llama-2 tokenizer; a message's vector is the mean of its
tokens' vectors. Nothing is downloaded: both files are read from the installed package.
bench/text_options.py compares the chat topic model with and without these features.
"""

from __future__ import annotations

import functools
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


def embedding_features(weight: float = 1.0) -> Pipeline:
    """WordLlama vectors standardised per dimension (SGD wants features on one scale), times
    `weight`. With weight 1/sqrt(256) a message's block has a mean squared length of 1, the
    length of each TF-IDF block (whose rows are unit length), so neither swamps the other."""
    return Pipeline([("embed", WordLlamaEmbedding()), ("scale", StandardScaler()),
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

"""Sentence vectors for chats: all-MiniLM-L6-v2 (Apache-2.0), read without torch.

The transformer is shipped in the repository as an int8 ONNX file (adlens/models/minilm/,
23 MB; how it was built and its licence are in NOTICE.md there) with its tokenizer.json, and
read by `onnxruntime` and `tokenizers` on the CPU: the tokenizer (truncating at the model's 256
tokens, padding each batch to its longest message), the transformer, then the mean of the token
vectors over the attention mask, at unit length (as sentence-transformers' modules for this
model compute a sentence vector). Nothing is downloaded.

The chat model (adlens/text_model.py) asks for these vectors only for the chats its word and
character TF-IDF is unsure of; onnxruntime is imported and the file opened at the first such
chat, not at start-up.
"""

from __future__ import annotations

import functools
import time
from pathlib import Path

import numpy as np

MODEL_DIR = Path(__file__).with_name("models") / "minilm"
MODEL_FILE = "model_int8.onnx"
TOKENIZER_FILE = "tokenizer.json"
# The shipped file's SHA-256 (tests/test_text_encoder.py checks it): a different file changes
# this module, and so the text model's cache key and the sample's artifacts.
MODEL_SHA256 = "ec17ef536b74e51814c2e00ddd1d6bb1560add8c81914b3b4be79f4341f87c7d"
DIM = 384  # the vectors' length
MAX_TOKENS = 256  # the model's max_seq_length: longer messages are truncated
THREADS = 2  # onnxruntime intra-op threads (2 cores)
# Messages per forward pass, longest first so a batch pads little. 32: as fast as 128 on the
# sample's chats and 180 MB less memory at start-up (docs/ARCHITECTURE.md).
BATCH = 32
# Messages encoded and seconds spent encoding in this process.
ENCODED = {"texts": 0, "seconds": 0.0}


def mean_pool(token_vectors: np.ndarray, attention_mask: np.ndarray) -> np.ndarray:
    """Sentence vectors from token vectors (batch, tokens, dimensions): the mean over the tokens
    the attention mask keeps (padding left out), then unit length (floors: at least 1e-9
    tokens, a norm of at least 1e-12)."""
    mask = np.asarray(attention_mask, dtype=np.float32)[:, :, None]
    summed = (np.asarray(token_vectors, dtype=np.float32) * mask).sum(axis=1)
    pooled = summed / np.maximum(mask.sum(axis=1), 1e-9)
    return pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)


class OnnxSentenceEncoder:
    """A tokenizer and an ONNX session, then `mean_pool`. `encode` has sentence-transformers'
    signature and encodes the messages sorted by length, longest first.

    The seam for tests: any `tokenizer` with `encode_batch(texts)` giving objects with `ids`,
    `attention_mask` and `type_ids`, and any `session` with `get_inputs()` (objects with
    `name`) and `run(None, feeds)` giving [token vectors (batch, tokens, 384)]."""

    def __init__(self, tokenizer, session) -> None:  # noqa: ANN001
        self.tokenizer = tokenizer
        self.session = session
        self.input_names = [i.name for i in session.get_inputs()]

    def encode(self, texts, batch_size: int = BATCH, normalize_embeddings: bool = True,
               convert_to_numpy: bool = True, show_progress_bar=None) -> np.ndarray:  # noqa: ANN001
        if not normalize_embeddings:
            raise ValueError("the ONNX encoder gives unit-length vectors only")
        texts = [str(t) for t in texts]
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        order = np.argsort([-len(t) for t in texts], kind="stable")
        for start in range(0, len(texts), batch_size):
            rows = order[start:start + batch_size]
            encodings = self.tokenizer.encode_batch([texts[i] for i in rows])
            columns = {"input_ids": [e.ids for e in encodings],
                       "attention_mask": [e.attention_mask for e in encodings],
                       "token_type_ids": [e.type_ids for e in encodings]}
            feeds = {name: np.asarray(columns[name], dtype=np.int64)
                     for name in self.input_names}
            tokens = self.session.run(None, feeds)[0]
            out[rows] = mean_pool(tokens, np.asarray(columns["attention_mask"]))
        return out


def files_mb(folder: Path | str | None = None) -> float:
    """Size on disk of what the encoder reads: the int8 transformer and tokenizer.json."""
    folder = Path(folder or MODEL_DIR)
    return sum((folder / name).stat().st_size for name in (MODEL_FILE, TOKENIZER_FILE)) / 1e6


@functools.lru_cache(maxsize=4)
def onnx_encoder(folder: str | None = None, file: str = MODEL_FILE) -> OnnxSentenceEncoder:
    """The shipped encoder (or `file` in `folder`, with its tokenizer.json), read by
    onnxruntime with THREADS threads; onnxruntime and tokenizers are imported here only."""
    folder_path = Path(folder or MODEL_DIR)
    model = folder_path / file
    if not model.exists():
        raise FileNotFoundError(f"{model} is missing: the sentence encoder ships with AdLens "
                                "(adlens/models/minilm/); restore it from the repository")
    import onnxruntime
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(folder_path / TOKENIZER_FILE))
    tokenizer.enable_truncation(max_length=MAX_TOKENS)
    tokenizer.enable_padding(pad_id=0, pad_type_id=0, pad_token="[PAD]")  # to the batch's longest
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = THREADS
    options.inter_op_num_threads = 1
    session = onnxruntime.InferenceSession(str(model), options,
                                           providers=["CPUExecutionProvider"])
    return OnnxSentenceEncoder(tokenizer, session)


def encoder() -> OnnxSentenceEncoder:
    """The encoder the product reads with. The seam for tests: replace this function."""
    return onnx_encoder()


def encode(texts: np.ndarray) -> np.ndarray:
    """Unit-length sentence vectors (float32, one row per text); identical texts encoded once."""
    texts = np.asarray(texts, dtype=object).astype(str)
    if not len(texts):
        return np.zeros((0, DIM), dtype=np.float32)
    uniq, inverse = np.unique(texts, return_inverse=True)
    start = time.perf_counter()
    vectors = np.asarray(encoder().encode(uniq.tolist(), batch_size=BATCH), dtype=np.float32)
    ENCODED["seconds"] += time.perf_counter() - start
    ENCODED["texts"] += len(uniq)
    if vectors.shape != (len(uniq), DIM):
        raise ValueError(f"the encoder gave shape {vectors.shape} for {len(uniq)} texts, "
                         f"expected ({len(uniq)}, {DIM})")
    return vectors[inverse.ravel()]

"""Sentence vectors for chats: all-MiniLM-L6-v2 (Apache-2.0), read without torch.

The transformer is shipped in the repository as an int8 ONNX file (adlens/models/minilm/,
23 MB; how it was built and its licence are in NOTICE.md there) with its tokenizer.json, and
read by `onnxruntime` and `tokenizers` on the CPU: the tokenizer (truncating at the model's 256
tokens), the transformer, then the mean of the token vectors over the attention mask, at unit
length (as sentence-transformers' modules for this model compute a sentence vector). Nothing is
downloaded.

From model v13 the product reads each chat alone (BATCH = 1): the int8 transformer quantises each
layer's input with one scale for the whole batch, so a chat read beside others got a slightly
different vector (docs/ARCHITECTURE.md, "Model v13"). Alone, a chat's vector is a function of
its text only, so each encoder remembers the vectors it has made (up to MEMO_LIMIT) and a chat
seen again, in another block of people or on another page, is not read twice. Training still
reads its messages TRAIN_BATCH at a time, as v11 was trained, so it gives v11's weights.

The chat model (adlens/text_model.py) asks for these vectors only for the chats its word and
character TF-IDF is unsure of; onnxruntime is imported and the file opened at the first such
chat, not at start-up.
"""

from __future__ import annotations

import functools
import itertools
import sys
import threading
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
THREADS = 2  # onnxruntime intra-op threads (2 cores); one in a Dask worker (`_threads`)
# Messages per forward pass in the product: one, so that a chat's vector does not depend on the
# chats read with it (see the module docstring). On the sample's short chats no slower than 32 at
# a time (no padding): 0.78 s against 1.12 s for its 105 unsure chats.
BATCH = 1
# Messages per forward pass when training (longest first, so a batch pads little): v11's
# setting, kept so that training reproduces v11's classifier. Retrained with each message read
# alone (v12), the model read public requests' topics worse beyond noise and was not adopted.
TRAIN_BATCH = 32
# Vectors each encoder keeps, by text (1.5 KB each: 30 MB at most); the oldest go first.
MEMO_LIMIT = 20_000
# The app's sessions read chats in threads of one process: the memos change under this lock.
_MEMO_LOCK = threading.Lock()
# Messages encoded (not found in the memo) and seconds spent encoding them in this process.
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
    signature and encodes the messages sorted by length, longest first. `memo` holds vectors by
    text for `encode` (module level) to reuse; it is only valid while batch_size is 1.

    The seam for tests: any `tokenizer` with `encode_batch(texts)` giving objects with `ids`,
    `attention_mask` and `type_ids`, and any `session` with `get_inputs()` (objects with
    `name`) and `run(None, feeds)` giving [token vectors (batch, tokens, 384)]."""

    def __init__(self, tokenizer, session) -> None:  # noqa: ANN001
        self.tokenizer = tokenizer
        self.session = session
        self.input_names = [i.name for i in session.get_inputs()]
        self.memo: dict[str, np.ndarray] = {}

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


def _threads() -> int:
    """THREADS, or one in a Dask worker: the block pipeline runs a worker per core, and two
    workers each spinning two onnxruntime threads on the two cores took 2.2 times as long as
    one thread each (800 chats: 9.5 s against 4.3 s). The vectors are the same bit for bit."""
    if "distributed" not in sys.modules:  # not imported: not a worker (and no import here)
        return THREADS
    from distributed import get_worker

    try:
        get_worker()
    except ValueError:
        return THREADS
    return 1


@functools.lru_cache(maxsize=4)
def onnx_encoder(folder: str | None = None, file: str = MODEL_FILE,
                 threads: int | None = None) -> OnnxSentenceEncoder:
    """The shipped encoder (or `file` in `folder`, with its tokenizer.json), read by
    onnxruntime with `threads` threads (`_threads()` unless given); onnxruntime and tokenizers
    are imported here only."""
    folder_path = Path(folder or MODEL_DIR)
    model = folder_path / file
    if not model.exists():
        raise FileNotFoundError(f"{model} is missing: the sentence encoder ships with AdLens "
                                "(adlens/models/minilm/); restore it from the repository")
    import onnxruntime
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(folder_path / TOKENIZER_FILE))
    tokenizer.enable_truncation(max_length=MAX_TOKENS)
    # Pads a batch to its longest message (for measuring batches; the product reads one at a time).
    tokenizer.enable_padding(pad_id=0, pad_type_id=0, pad_token="[PAD]")
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = _threads() if threads is None else threads
    options.inter_op_num_threads = 1
    session = onnxruntime.InferenceSession(str(model), options,
                                           providers=["CPUExecutionProvider"])
    return OnnxSentenceEncoder(tokenizer, session)


def encoder() -> OnnxSentenceEncoder:
    """The encoder the product reads with. The seam for tests: replace this function."""
    return onnx_encoder()


def encode(texts: np.ndarray, remember: bool = True, batch_size: int | None = None) -> np.ndarray:
    """Unit-length sentence vectors (float32, one row per text), each text read alone (or
    `batch_size` at a time: training). Identical texts are encoded once, and texts this encoder
    has read alone before are taken from its memo; `remember=False`, or reading in batches,
    neither reads nor fills it."""
    texts = np.asarray(texts, dtype=object).astype(str)
    if not len(texts):
        return np.zeros((0, DIM), dtype=np.float32)
    uniq, inverse = np.unique(texts, return_inverse=True)
    batch_size = BATCH if batch_size is None else batch_size
    reader = encoder()
    memo = getattr(reader, "memo", None) if remember and batch_size == 1 else None
    with _MEMO_LOCK:  # what this call takes from the memo, kept even if another call drops it
        known = {t: memo[t] for t in uniq.tolist() if t in memo} if memo is not None else {}
    missing = [t for t in uniq.tolist() if t not in known]
    fresh: dict[str, np.ndarray] = {}
    if missing:
        start = time.perf_counter()
        vectors = np.asarray(reader.encode(missing, batch_size=batch_size), dtype=np.float32)
        ENCODED["seconds"] += time.perf_counter() - start
        ENCODED["texts"] += len(missing)
        if vectors.shape != (len(missing), DIM):
            raise ValueError(f"the encoder gave shape {vectors.shape} for {len(missing)} texts, "
                             f"expected ({len(missing)}, {DIM})")
        fresh = dict(zip(missing, vectors.copy(), strict=True))
        if memo is not None:
            with _MEMO_LOCK:
                _remember(memo, fresh)
    out = np.vstack([fresh[t] if t in fresh else known[t] for t in uniq.tolist()])
    return out[inverse.ravel()]


def _remember(memo: dict[str, np.ndarray], fresh: dict[str, np.ndarray]) -> None:
    """Add `fresh` to `memo`, then drop the oldest entries beyond MEMO_LIMIT."""
    memo.update(fresh)
    for text in list(itertools.islice(memo, max(0, len(memo) - MEMO_LIMIT))):
        del memo[text]

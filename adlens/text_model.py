"""Chat understanding: the topic of a message to Meta AI or a diary note ("no ad topic" is an
answer), and a calibrated probability that it is about a sensitive topic.

Trained once per process (and cached on disk) on the project's training corpus
(`adlens.chat_corpus`: generated messages and the written message bank) plus dataset-style
text (`adlens.chat_text`, own seed); calibrated and its sensitive threshold chosen on a split
of held-out phrasings and held-out bank messages; measured on held-out
dataset-style text, on the hand-written validation set (tests/data/chat_validation.csv) and on
the sealed test set (tests/data/chat_sealed.csv), which is only ever read to report figures.
"""

from __future__ import annotations

import functools
import hashlib
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from adlens import chat_corpus, chat_text, schema
from adlens.chat_text import make_chat_texts, make_conversation_texts

if TYPE_CHECKING:  # scikit-learn (with SciPy, ~1.4 s) is imported only when a model is needed
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.pipeline import Pipeline

# Bump when the training recipe changes: it keys the in-process and the on-disk cache.
# v14: v13's recipe on training text with a broad health vocabulary (chat_corpus/health.py).
# v15: v14 without the single health words whose everyday sense is the common one
# (chat_corpus/health.EVERYDAY_WORDS), with look-alikes of them in that sense.
MODEL_VERSION = "15"
TRAIN_SEED = 7_000_001  # never used by the generator, so training text is not dataset text
HELDOUT_SEED = 7_000_002
CALIBRATION_SEED = 7_000_003
N_CORPUS = 90_000  # messages from the training corpus
N_DATASET_STYLE = 30_000  # dataset-style messages (chat_text with its own seed)
# Rows drawn from the written message bank's training split (about 3,500 whole messages, each
# once as written and then in styled forms): about 30% of the training rows. Chosen for v5
# among 24,000, 48,000 and 96,000 rows on the hand-written validation set (never on the public
# corpora): 48,000 read everyday topics as well as 96,000 and caught the most sensitive chats.
# v6 and v7 keep it; v6's bank adds sittings of terse, name-heavy commands, v7's terse
# sensitive commands and their look-alikes (see docs/ARCHITECTURE.md). A v8 bank (sittings in
# chat_corpus/bank_candidate_v8/, not trained on) was measured and not adopted: it caught
# fewer sealed sensitive chats (see docs/ARCHITECTURE.md).
N_BANK = 48_000
N_CALIBRATION = 20_000
# Rows from the bank's held-out split (about 700 messages) in the calibration split, so the
# calibration and the threshold also see whole messages the model never saw.
N_BANK_CALIBRATION = 3_000
CONVERSATION_SHARE = 0.25
# Share of each language in dataset-style text the model is trained and tested on
# (assumption, like the generator's: English first, then the Latin American and Indian markets).
LANGUAGE_SHARES: dict[str, float] = {"en": 0.55, "es": 0.15, "pt": 0.15, "hi-en": 0.15}
NO_TOPIC_SHARE = 0.25  # of dataset-style chats (assumption; most assistant chats carry no ad)
# The stated trade-off for the default threshold: the highest threshold (fewest everyday chats
# held back) at which at most this share of sensitive chats on the generated validation split
# is not held back. Privacy first: a missed sensitive chat reaches ad targeting, a held-back
# everyday chat only costs a little relevance. 3%: the target is at most 5% missed on
# real messages; 2 points of margin for real text being harder than generated text.
TARGET_LEAKAGE = 0.03
THRESHOLD_GRID = np.round(np.arange(0.02, 0.99, 0.01), 2)
VALIDATION_CSV = Path(__file__).resolve().parents[1] / "tests" / "data" / "chat_validation.csv"
# Written after the model was tuned, by a different author. Read only to report figures, once
# per model version: never to choose a threshold, a training setting or a word list.
SEALED_CSV = VALIDATION_CSV.with_name("chat_sealed.csv")
# The targets for chats real people write (issue 11): everyday topic accuracy, share
# of sensitive chats caught, share of everyday chats held back, and the largest gap between
# English and any other language's everyday accuracy.
TARGETS: dict[str, float] = {"everyday_accuracy": 0.85, "sensitive_caught": 0.95,
                             "everyday_held_back": 0.05, "non_english_gap": 0.10}

CLASSES: tuple[str, ...] = chat_corpus.CLASSES  # ALL_TOPICS then NO_AD_TOPIC
TOPIC_INDEX: dict[str, int] = {t: i for i, t in enumerate(schema.ALL_TOPICS)}
NO_TOPIC = -1  # the topic code of "no ad topic"
# v11: a chat the TF-IDF model is unsure of is read again with its sentence vector
# (adlens.text_encoder). Unsure: the top class probability under UNSURE_TOP (a guess between
# topics), or the calibrated P(sensitive) on Meta's list within a factor UNSURE_FACTOR of the
# TF-IDF model's own threshold (near the line between held back and used). Fixed before any
# figure of the cascade was read (docs/ARCHITECTURE.md, "The encoder only where the TF-IDF is
# unsure"); not tuned. v13: v11's training, and each chat's sentence vector read alone
# (adlens.text_encoder.BATCH), so that a chat's answer depends on the chat only.
UNSURE_TOP = 0.5
UNSURE_FACTOR = 2.0
UNSURE_LIST = "meta7"


def topic_code(labels: np.ndarray) -> np.ndarray:
    """Topic ids (or NO_AD_TOPIC) to codes: index in ALL_TOPICS, -1 for no ad topic, -2 unknown."""
    lookup = {**TOPIC_INDEX, schema.NO_AD_TOPIC: NO_TOPIC}
    return pd.Series(np.asarray(labels, dtype=object)).map(lookup).fillna(-2).to_numpy(
        dtype=np.int64)


@dataclass(frozen=True)
class LabelledTexts:
    """Messages with their true label (topic id or NO_AD_TOPIC), language and kind."""

    texts: np.ndarray
    topics: np.ndarray
    languages: np.ndarray | None = None  # codes of schema.CHAT_LANGUAGES; None: unknown
    kinds: np.ndarray | None = None  # everyday / sensitive / no_topic / hard_negative

    def __len__(self) -> int:
        return len(self.texts)


def _dataset_style(n: int, seed: int) -> LabelledTexts:
    """Messages as the generator writes them (chats and conversation notes, four languages,
    some with no ad topic)."""
    rng = np.random.default_rng(seed)
    codes = rng.integers(0, len(schema.ALL_TOPICS), n)
    codes[rng.random(n) < NO_TOPIC_SHARE] = NO_TOPIC
    langs = np.array(schema.CHAT_LANGUAGES, dtype=object)[rng.choice(
        len(schema.CHAT_LANGUAGES), n, p=[LANGUAGE_SHARES[c] for c in schema.CHAT_LANGUAGES])]
    n_conv = int(n * CONVERSATION_SHARE)
    # A second clause stays on the same side of the sensitive line as the message's label:
    # an everyday chat that also reveals a sensitive topic would be labelled with that topic
    # (the labelling rule of the hand-written set), which the generator's label does not do.
    everyday = np.array([schema.ALL_TOPICS.index(t) for t in schema.EVERYDAY_TOPICS])
    sensitive = np.array([schema.ALL_TOPICS.index(t) for t in schema.SENSITIVE_GDPR9])
    secondary = np.where(np.isin(codes, sensitive), rng.choice(sensitive, n),
                         rng.choice(everyday, n))
    texts = np.concatenate([
        make_conversation_texts(codes[:n_conv], rng, languages=langs[:n_conv]),
        make_chat_texts(codes[n_conv:], rng, languages=langs[n_conv:],
                        secondary=secondary[n_conv:]),
    ])
    labels = np.where(codes < 0, schema.NO_AD_TOPIC,
                      np.array(schema.ALL_TOPICS, dtype=object)[np.maximum(codes, 0)])
    return LabelledTexts(texts.astype(str), labels.astype(str), langs.astype(str))


def make_texts(n: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """`n` labelled dataset-style messages: (texts, labels)."""
    out = _dataset_style(n, seed)
    return out.texts, out.topics


def training_texts() -> tuple[np.ndarray, np.ndarray]:
    """The training text: the corpus, the written bank's training split and dataset-style
    messages, each with its own seed."""
    texts, labels, _ = chat_corpus.make_corpus(N_CORPUS, TRAIN_SEED)
    written, written_labels, _ = chat_corpus.make_bank(N_BANK, TRAIN_SEED + 20)
    style = _dataset_style(N_DATASET_STYLE, TRAIN_SEED + 10)
    return (np.concatenate([texts, written, style.texts]),
            np.concatenate([labels, written_labels, style.topics]))


def calibration_texts() -> LabelledTexts:
    """The labelled, generated validation split: corpus messages built from phrasings held
    out of training, dataset-style messages with their own seed, then the written bank's
    messages held out of training."""
    texts, labels, langs = chat_corpus.make_corpus(N_CALIBRATION, CALIBRATION_SEED,
                                                   validation=True)
    style = _dataset_style(N_CALIBRATION // 4, CALIBRATION_SEED + 10)
    written = chat_corpus.make_bank(N_BANK_CALIBRATION, CALIBRATION_SEED + 20, validation=True)
    return LabelledTexts(np.concatenate([texts, style.texts, written[0]]),
                         np.concatenate([labels, style.topics, written[1]]),
                         np.concatenate([langs, style.languages, written[2]]))


def _pipeline() -> Pipeline:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import SGDClassifier
    from sklearn.pipeline import FeatureUnion, Pipeline

    from adlens.char_tfidf import CharTfidf, char_ngrams

    # Words carry the topic; character n-grams survive misspellings, slang spellings, missing
    # accents and shared roots across Spanish, Portuguese and English.
    features = FeatureUnion([
        ("words", TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True,
                                  max_features=60_000, dtype=np.float32)),
        ("chars", CharTfidf(analyzer=char_ngrams, min_df=3, sublinear_tf=True,
                            max_features=90_000, dtype=np.float32)),
    ])
    # SGD with log loss: probabilities for every class, trained in seconds; measured against
    # modified Huber loss and LogisticRegression (lbfgs, C=10) on the calibration split, it
    # read everyday topics as well or better and held back fewer everyday chats. alpha 1e-6
    # (weaker than 3e-6): two-word phrases can then outweigh a sensitive-sounding word, and
    # held-out look-alikes and public assistant requests were held back less often. Averaged
    # SGD: the mean of the iterates varies less from one training run to the next.
    classifier = SGDClassifier(loss="log_loss", alpha=1e-6, max_iter=30, tol=1e-4,
                               average=True, random_state=0)
    return Pipeline([("features", features), ("classifier", classifier)])


def _quantise(coef: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """A weight matrix as int8 with one float32 scale per row (class): a quarter of the size
    on disk; each weight moves by at most half a step (1/254 of its row's largest)."""
    coef = np.asarray(coef, dtype=np.float32)
    scale = np.abs(coef).max(axis=1, keepdims=True) / 127
    scale[scale == 0] = 1.0
    return np.rint(coef / scale).astype(np.int8), scale.astype(np.float32)


def _dequantise(q: np.ndarray, scale: np.ndarray) -> np.ndarray:
    return q.astype(np.float32) * scale


def _slim(classifier) -> None:  # noqa: ANN001 (a fitted SGDClassifier)
    """Store a fitted classifier's weights as int8 (`_int8`) and use exactly what they give;
    drop what averaged SGD keeps only to go on training (partial_fit)."""
    classifier._int8 = _quantise(classifier.coef_)
    classifier.coef_ = _dequantise(*classifier._int8)
    for name in ("_standard_coef", "_standard_intercept", "_average_coef",
                 "_average_intercept"):
        classifier.__dict__.pop(name, None)


def _class_columns(classifier) -> np.ndarray:  # noqa: ANN001
    return np.array([CLASSES.index(c) for c in classifier.classes_])


@dataclass(frozen=True, eq=False)
class EncoderHead:
    """The second reader of a chat: a classifier over the first one's TF-IDF features and the
    chat's sentence vector (standardised per dimension with the training text's mean and
    scale, weighed 1/sqrt(384) so the block has the length of a TF-IDF block), asked only for
    the chats the first is unsure of: top class probability under `top`, or calibrated
    P(sensitive) on UNSURE_LIST from `low` to `high`."""

    classifier: object  # a fitted SGDClassifier (weights int8, see `_slim`)
    mean: np.ndarray  # (384,) float32
    scale: np.ndarray  # (384,) float32
    calibration: dict[str, tuple[float, float]]
    top: float
    low: float
    high: float

    def unsure(self, proba: np.ndarray, p_list: np.ndarray) -> np.ndarray:
        """Per row: the first reader's answer is unsure (see the class docstring)."""
        return (proba.max(axis=1) < self.top) | ((p_list >= self.low) & (p_list < self.high))

    def features(self, tfidf, vectors: np.ndarray):  # noqa: ANN001, ANN201 (sparse matrices)
        """The classifier's input: TF-IDF features beside the scaled sentence vectors."""
        from scipy import sparse

        from adlens import text_encoder

        scaled = (np.asarray(vectors, dtype=np.float32) - self.mean) / self.scale
        scaled = (scaled / np.sqrt(text_encoder.DIM)).astype(np.float32)
        return sparse.hstack([tfidf, sparse.csr_matrix(scaled)], format="csr")

    def predict_proba(self, tfidf, texts: np.ndarray | None = None,  # noqa: ANN001
                      vectors: np.ndarray | None = None) -> np.ndarray:
        """Probabilities over CLASSES for `texts`, whose TF-IDF features are `tfidf` (their
        sentence vectors encoded here unless given as `vectors`)."""
        from adlens import text_encoder

        if vectors is None:
            vectors = text_encoder.encode(texts)
        out = np.zeros((tfidf.shape[0], len(CLASSES)))
        out[:, _class_columns(self.classifier)] = self.classifier.predict_proba(
            self.features(tfidf, vectors))
        return out


@dataclass(frozen=True, eq=False)
class TextModel:
    """A fitted topic classifier over CLASSES, with a calibrated P(sensitive) per list; and,
    from v11, a second reader (`second`) for the chats the first is unsure of."""

    pipeline: Pipeline
    version: str
    # Per sensitive list: (slope, intercept) of the logistic map from the logit of the summed
    # classifier probability of the list's topics to a calibrated probability.
    calibration: dict[str, tuple[float, float]] = field(default_factory=dict)
    sensitive_threshold: float = 0.5
    second: EncoderHead | None = None

    def answer(self, texts: np.ndarray) -> tuple[np.ndarray, dict[str, np.ndarray], np.ndarray]:
        """Per text: probabilities over CLASSES (columns in that order), the calibrated
        P(about a topic of the list) per sensitive list, and whether the second reader answered
        (each reader's probabilities calibrated with its own map). Identical texts are read
        once: generated chats repeat a lot."""
        texts = np.asarray(texts, dtype=object).astype(str)
        if len(texts) == 0:
            return (np.zeros((0, len(CLASSES))),
                    {name: np.zeros(0) for name in schema.SENSITIVE_LISTS},
                    np.zeros(0, dtype=bool))
        uniq, inverse = np.unique(texts, return_inverse=True)
        features = self.pipeline.named_steps["features"].transform(uniq)
        proba = _first_proba(self.pipeline, features)
        p = _p_sensitive(proba, self.calibration)
        asked = np.zeros(len(uniq), dtype=bool)
        if self.second is not None:
            asked = self.second.unsure(proba, p[UNSURE_LIST])
            if asked.any():
                proba[asked] = self.second.predict_proba(features[asked], uniq[asked])
                again = _p_sensitive(proba[asked], self.second.calibration)
                for name in p:
                    p[name][asked] = again[name]
        rows = inverse.ravel()
        return proba[rows], {name: values[rows] for name, values in p.items()}, asked[rows]

    def predict_proba(self, texts: np.ndarray) -> np.ndarray:
        """Probabilities over CLASSES (columns in that order), one row per text."""
        return self.answer(texts)[0]

    def p_sensitive(self, proba: np.ndarray) -> dict[str, np.ndarray]:
        """Calibrated P(about a topic of the list) per sensitive list, from class probabilities,
        for a model of one reader. A model with a second reader calibrates each chat with the
        map of the reader that answered it: use `answer`."""
        if self.second is not None:
            raise ValueError("this model has two readers, each with its own calibration: "
                             "use TextModel.answer")
        return _p_sensitive(proba, self.calibration)

    def infer(self, texts: np.ndarray) -> tuple[np.ndarray, dict[str, np.ndarray]]:
        """Topic codes (index in ALL_TOPICS; -1 = no ad topic) and, per sensitive list, the
        calibrated probability that the text is about one of its topics."""
        proba, p, _ = self.answer(texts)
        best = proba.argmax(axis=1) if len(proba) else np.zeros(0, dtype=np.int64)
        codes = np.where(best == CLASSES.index(schema.NO_AD_TOPIC), NO_TOPIC, best)
        return codes.astype(np.int64), p

    def infer_frame(self, texts: np.ndarray, sensitive_list: str = "meta7",
                    sensitive_threshold: float | None = None) -> pd.DataFrame:
        """Per text: the model's guess (topic id or NO_AD_TOPIC) and its probability, the
        calibrated P(sensitive) on the list, whether it is held back at the threshold, and
        whether the sentence encoder read it (the TF-IDF was unsure)."""
        proba, p_all, asked = self.answer(texts)
        best = proba.argmax(axis=1) if len(proba) else np.zeros(0, dtype=np.int64)
        p = p_all[sensitive_list]
        return pd.DataFrame({
            "text": np.asarray(texts, dtype=object),
            "topic": np.array(CLASSES, dtype=object)[best],
            "topic_probability": proba[np.arange(len(best)), best],
            "p_sensitive": p,
            "held_back": self.flag_sensitive(best, p, sensitive_list, sensitive_threshold),
            "read_by_encoder": asked,
        })

    def flag_sensitive(self, codes: np.ndarray, p_list: np.ndarray, sensitive_list: str,
                       sensitive_threshold: float | None = None) -> np.ndarray:
        """Held back as sensitive: the list's calibrated probability reaches the threshold
        (the model's chosen one unless given). `codes` only fixes the length."""
        if not schema.SENSITIVE_LISTS[sensitive_list]:
            return np.zeros(len(codes), dtype=bool)
        threshold = self.sensitive_threshold if sensitive_threshold is None else \
            sensitive_threshold
        return np.asarray(p_list) >= threshold

    def with_threshold(self, sensitive_threshold: float) -> TextModel:
        """The same model holding chats back at another threshold (what-if)."""
        return TextModel(pipeline=self.pipeline, version=self.version,
                         calibration=self.calibration, sensitive_threshold=sensitive_threshold,
                         second=self.second)

    @property
    def word_vectorizer(self) -> TfidfVectorizer:
        """The word TF-IDF step (used to match chats to ad titles)."""
        return self.pipeline.named_steps["features"].transformer_list[0][1]


def _first_proba(pipeline: Pipeline, features) -> np.ndarray:  # noqa: ANN001 (sparse matrix)
    """The first (TF-IDF) reader's probabilities over CLASSES, from its features."""
    classifier = pipeline.named_steps["classifier"]
    proba = np.zeros((features.shape[0], len(CLASSES)))
    proba[:, _class_columns(classifier)] = classifier.predict_proba(features)
    return proba


def _p_sensitive(proba: np.ndarray, calibration: dict[str, tuple[float, float]]
                 ) -> dict[str, np.ndarray]:
    """Calibrated P(about a topic of the list) per sensitive list, from class probabilities."""
    out = {}
    for name, topics in schema.SENSITIVE_LISTS.items():
        if not topics:
            out[name] = np.zeros(len(proba))
            continue
        raw = proba[:, [CLASSES.index(t) for t in topics]].sum(axis=1)
        out[name] = _calibrated(raw, *calibration.get(name, (1.0, 0.0)))
    return out


def _logit(p: np.ndarray) -> np.ndarray:
    p = np.clip(p, 1e-6, 1 - 1e-6)
    return np.log(p / (1 - p))


def _calibrated(raw: np.ndarray, slope: float, intercept: float) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-(slope * _logit(raw) + intercept)))


def fit_calibration(raw: np.ndarray, truly: np.ndarray) -> tuple[float, float]:
    """Platt scaling: a logistic map from the logit of the raw summed probability to the
    observed chance of being sensitive, on a labelled validation split."""
    from sklearn.linear_model import LogisticRegression

    if truly.all() or not truly.any():
        return 1.0, 0.0
    fit = LogisticRegression(C=100.0).fit(_logit(raw)[:, None], truly)
    return float(fit.coef_[0, 0]), float(fit.intercept_[0])


def _cache_path(version: str) -> Path:
    import sklearn

    # The training text comes from chat_corpus and chat_text: a change there must retrain.
    corpus = Path(chat_corpus.__file__).parent
    sources = sorted(corpus.glob("*.py")) + chat_corpus.bank.files() + [
        Path(chat_text.__file__), Path(chat_text.__file__).with_name("chat_text_langs.py"),
        Path(__file__), Path(__file__).with_name("char_tfidf.py"),
        Path(__file__).with_name("text_encoder.py")]
    digest = hashlib.sha1(b"".join(p.read_bytes() for p in sources)).hexdigest()[:10]
    root = Path(os.environ.get("ADLENS_CACHE", Path(tempfile.gettempdir()) / "adlens-cache"))
    return root / (f"text_model-v{version}-sk{sklearn.__version__}-n{N_CORPUS}-"
                   f"text{digest}.pkl")


def _classifier():  # noqa: ANN202 (an unfitted SGDClassifier)
    return _pipeline().named_steps["classifier"]


def _calibrations(proba: np.ndarray, topics: np.ndarray) -> dict[str, tuple[float, float]]:
    out = {}
    for name, list_topics in schema.SENSITIVE_LISTS.items():
        if list_topics:
            raw = proba[:, [CLASSES.index(t) for t in list_topics]].sum(axis=1)
            out[name] = fit_calibration(raw, np.isin(topics, list_topics))
    return out


def train_encoder_head(pipeline: Pipeline, texts: np.ndarray, labels: np.ndarray,
                       val: LabelledTexts, first_threshold: float) -> EncoderHead:
    """The second reader: the same classifier recipe over `pipeline`'s fitted TF-IDF features
    and the standardised sentence vectors of the training text, calibrated on the whole
    validation split (as the first reader is); asked where the first is unsure, a factor
    UNSURE_FACTOR either side of `first_threshold`."""
    from adlens import text_encoder

    features = pipeline.named_steps["features"]
    # Each message encoded once, TRAIN_BATCH at a time (as v11 was trained), not remembered.
    vectors = text_encoder.encode(texts, remember=False, batch_size=text_encoder.TRAIN_BATCH)
    mean = vectors.mean(axis=0).astype(np.float32)
    scale = vectors.std(axis=0).astype(np.float32)
    scale[scale == 0] = 1.0
    head = EncoderHead(classifier=None, mean=mean, scale=scale, calibration={},
                       top=UNSURE_TOP, low=first_threshold / UNSURE_FACTOR,
                       high=first_threshold * UNSURE_FACTOR)
    training = head.features(features.transform(texts), vectors)
    del vectors
    classifier = _classifier().fit(training, labels)
    del training
    _slim(classifier)
    head = EncoderHead(**{**head.__dict__, "classifier": classifier})
    proba = head.predict_proba(features.transform(val.texts),
                               vectors=text_encoder.encode(val.texts, remember=False,
                                                           batch_size=text_encoder.TRAIN_BATCH))
    return EncoderHead(**{**head.__dict__, "calibration": _calibrations(proba, val.topics)})


def train_text_model(version: str = MODEL_VERSION, second_reader: bool = True) -> TextModel:
    """Train, calibrate and choose the sensitive threshold (the TF-IDF reader in about a
    minute on 2 cores; the sentence encoder's reader, which reads every training message
    once, in about five more). `second_reader=False`: the TF-IDF reader alone, with its own
    threshold (how the benchmark measures single-reader options)."""
    texts, labels = training_texts()
    pipeline = _pipeline().fit(texts, labels)
    _slim(pipeline.named_steps["classifier"])
    val = calibration_texts()
    first = _first_proba(pipeline, pipeline.named_steps["features"].transform(val.texts))
    model = TextModel(pipeline=pipeline, version=version,
                      calibration=_calibrations(first, val.topics))
    model = model.with_threshold(
        choose_threshold(threshold_tradeoff(model, val.texts, val.topics)))
    if not second_reader:
        return model
    second = train_encoder_head(pipeline, texts, labels, val, model.sensitive_threshold)
    model = TextModel(pipeline=pipeline, version=version, calibration=model.calibration,
                      second=second)
    # The threshold of the two readers together (each chat's probability from the reader that
    # answered it), chosen on the same split for the same stated trade-off.
    threshold = choose_threshold(threshold_tradeoff(model, val.texts, val.topics))
    return model.with_threshold(threshold)


def _classifiers(model: TextModel) -> list:
    found = [model.pipeline.named_steps["classifier"]]
    if model.second is not None:
        found.append(model.second.classifier)
    return found


def read_model(path: Path) -> TextModel | None:
    """A model stored by `write_model`, or None when the file is missing, half written or not
    a model. Read with the C unpickler: joblib's reader is pure Python and took 1.2 s for
    what this reads in 0.05 s (the two vocabularies' 129,000 entries). The classifiers'
    weights are stored as int8 and read back to exactly the float32 weights trained."""
    import pickle

    try:
        with open(path, "rb") as f:
            model = pickle.load(f)
    except Exception:  # a stale, truncated or foreign file: the caller retrains
        return None
    if not isinstance(model, TextModel):
        return None
    for classifier in _classifiers(model):
        if getattr(classifier, "coef_", None) is None and hasattr(classifier, "_int8"):
            classifier.coef_ = _dequantise(*classifier._int8)
    return model


def write_model(model: TextModel, path: Path) -> None:
    """Store a model for `read_model`, atomically (a concurrent reader never sees half a
    file): the classifiers' weights as their int8 form only (a quarter of the float32 size).
    The vocabularies' indices are stored as Python ints rather than NumPy scalars: a tenth
    smaller and twice as fast to read, the same features."""
    import pickle

    for _, vectorizer in model.pipeline.named_steps["features"].transformer_list:
        vectorizer.vocabulary_ = {k: int(i) for k, i in vectorizer.vocabulary_.items()}
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    weights = {}
    for classifier in _classifiers(model):
        if hasattr(classifier, "_int8"):
            weights[id(classifier)] = classifier.coef_
            classifier.coef_ = None
    try:
        with open(tmp, "wb") as f:
            pickle.dump(model, f, protocol=5)
    finally:
        for classifier in _classifiers(model):
            if id(classifier) in weights:
                classifier.coef_ = weights[id(classifier)]
    tmp.replace(path)


@functools.lru_cache(maxsize=2)
def load_text_model(version: str = MODEL_VERSION) -> TextModel:
    """The trained text model: from the on-disk cache if present, else trained and cached."""
    path = _cache_path(version)
    model = read_model(path) if path.exists() else None
    if model is not None:
        return model
    model = train_text_model(version)
    try:
        write_model(model, path)
    except OSError:
        pass  # caching is an optimisation only
    return model


def model_path(version: str = MODEL_VERSION) -> Path:
    """Where the trained model is cached on disk (for measuring its size)."""
    return _cache_path(version)


# --- measuring -------------------------------------------------------------------------------
@functools.lru_cache(maxsize=2)
def heldout_texts(n: int = 8_000, seed: int = HELDOUT_SEED) -> tuple[np.ndarray, np.ndarray]:
    """Held-out labelled dataset-style messages, generated apart from the training text."""
    return make_texts(n, seed)


@functools.lru_cache(maxsize=2)
def heldout_set(n: int = 8_000, seed: int = HELDOUT_SEED) -> LabelledTexts:
    """`heldout_texts` with languages and kinds."""
    out = _dataset_style(n, seed)
    return LabelledTexts(out.texts, out.topics, out.languages, _kinds(out.topics))


def _kinds(topics: np.ndarray) -> np.ndarray:
    topics = np.asarray(topics, dtype=object)
    return np.where(topics == schema.NO_AD_TOPIC, "no_topic",
                    np.where(np.isin(topics, schema.SENSITIVE_GDPR9), "sensitive", "everyday"))


def handwritten_set(path: Path = VALIDATION_CSV) -> LabelledTexts | None:
    """A hand-written labelled set (evaluation only; never used to train): the validation set,
    or the sealed test set with `path=SEALED_CSV`; None when the file is not there."""
    if not path.exists():
        return None
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    return LabelledTexts(frame["text"].to_numpy(dtype=object), frame["topic"].to_numpy(
        dtype=object), frame["language"].to_numpy(dtype=object),
        frame["kind"].to_numpy(dtype=object))


def per_topic_report(true_topics: np.ndarray, predicted_codes: np.ndarray) -> pd.DataFrame:
    """Precision, recall and support per topic (columns: topic, sensitive, precision, recall,
    support); "no ad topic" is the last row. Topics with no true or predicted examples get NaN
    precision/recall."""
    n = len(schema.ALL_TOPICS) + 1  # code -1 (no ad topic) counted in the last slot
    true_codes = topic_code(true_topics)
    keep = true_codes >= -1
    true_slot = np.where(true_codes[keep] < 0, n - 1, true_codes[keep])
    pred = np.asarray(predicted_codes)[keep]
    pred_slot = np.where(pred < 0, n - 1, pred)
    support = np.bincount(true_slot, minlength=n).astype(float)
    predicted = np.bincount(pred_slot, minlength=n).astype(float)
    hits = np.bincount(true_slot[true_slot == pred_slot], minlength=n).astype(float)
    with np.errstate(invalid="ignore", divide="ignore"):
        precision = np.where(predicted > 0, hits / predicted, np.nan)
        recall = np.where(support > 0, hits / support, np.nan)
    return pd.DataFrame({
        "topic": list(CLASSES),
        "sensitive": [t in schema.SENSITIVE_GDPR9 for t in CLASSES],
        "precision": precision, "recall": recall, "support": support.astype(int),
    })


def leakage_rate(true_topics: np.ndarray, flagged: np.ndarray,
                 sensitive_list: str = "meta7", predicted_codes: np.ndarray | None = None
                 ) -> float:
    """Share of truly sensitive messages that would reach ad targeting: not held back (and,
    when predicted codes are given, not judged to carry no ad topic); NaN when there are none."""
    truly = np.isin(np.asarray(true_topics, dtype=str), schema.SENSITIVE_LISTS[sensitive_list])
    if not truly.any():
        return float("nan")
    used = ~np.asarray(flagged, dtype=bool)
    if predicted_codes is not None:
        used &= np.asarray(predicted_codes) != NO_TOPIC
    return float(used[truly].mean())


def false_hold_rate(true_topics: np.ndarray, flagged: np.ndarray,
                    sensitive_list: str = "meta7") -> float:
    """Share of everyday messages (true topic an everyday topic) wrongly held back as
    sensitive; NaN when there are none."""
    everyday = np.isin(np.asarray(true_topics, dtype=str), schema.EVERYDAY_TOPICS)
    if not everyday.any():
        return float("nan")
    return float(np.asarray(flagged, dtype=bool)[everyday].mean())


def threshold_tradeoff(model: TextModel, texts: np.ndarray, topics: np.ndarray,
                       sensitive_list: str = "meta7",
                       thresholds: np.ndarray = THRESHOLD_GRID,
                       kinds: np.ndarray | None = None) -> pd.DataFrame:
    """Leakage and everyday-held-back at each threshold on a labelled set (columns:
    threshold, leakage, held_back, caught, lookalikes_held_back). Raising the threshold never
    raises held_back and never lowers leakage.

    With `kinds` (a set that marks its look-alikes "hard_negative"), look-alikes are left out
    of held_back and counted in lookalikes_held_back, as `language_report` counts them, so a
    set shows one everyday figure wherever it is shown; without, every chat on an everyday
    topic counts and lookalikes_held_back is NaN."""
    codes, p = model.infer(texts)
    p_list = p[sensitive_list]
    topics = np.asarray(topics, dtype=str)
    hard = (np.zeros(len(topics), dtype=bool) if kinds is None
            else np.asarray(kinds, dtype=str) == "hard_negative")
    everyday_topics = np.where(hard, "", topics)  # "" is no label: out of every rate
    rows = []
    for t in np.asarray(thresholds, dtype=float):
        flagged = model.flag_sensitive(codes, p_list, sensitive_list, float(t))
        leak = leakage_rate(topics, flagged, sensitive_list, codes)
        strict = leakage_rate(topics, flagged, sensitive_list)
        lookalikes = float(flagged[hard].mean()) if hard.any() else float("nan")
        rows.append((float(t), leak, false_hold_rate(everyday_topics, flagged, sensitive_list),
                     1.0 - strict, lookalikes))
    return pd.DataFrame(rows, columns=["threshold", "leakage", "held_back", "caught",
                                       "lookalikes_held_back"])


def choose_threshold(tradeoff: pd.DataFrame, target_leakage: float = TARGET_LEAKAGE) -> float:
    """The highest threshold at which the share of sensitive chats not held back stays within
    the target (fewest everyday chats held back for that privacy level); the lowest threshold
    when none does."""
    ok = tradeoff[1.0 - tradeoff["caught"] <= target_leakage + 1e-12]
    return float(ok["threshold"].max() if len(ok) else tradeoff["threshold"].min())


def language_report(model: TextModel, labelled: LabelledTexts, sensitive_list: str = "meta7",
                    sensitive_threshold: float | None = None) -> pd.DataFrame:
    """Per language (and "all"): messages, everyday topic accuracy, sensitive caught (held
    back), leakage (sensitive and still used: not held back and given an ad topic), everyday
    held back, no-topic accuracy, hard negatives read right and held back (when the set marks
    them; they are then left out of the everyday columns), and accuracy over all labels."""
    codes, p = model.infer(labelled.texts)
    flagged = model.flag_sensitive(codes, p[sensitive_list], sensitive_list,
                                   sensitive_threshold)
    true = topic_code(labelled.topics)
    topics = np.asarray(labelled.topics, dtype=str)
    langs = (np.full(len(topics), "") if labelled.languages is None
             else np.asarray(labelled.languages, dtype=str))
    everyday = np.isin(topics, schema.EVERYDAY_TOPICS)
    hard = np.zeros(len(topics), dtype=bool)
    if labelled.kinds is not None:
        # Hard negatives (a topic word in another sense) are reported on their own.
        hard = np.asarray(labelled.kinds, dtype=str) == "hard_negative"
        everyday &= ~hard
    on_list = np.isin(topics, schema.SENSITIVE_LISTS[sensitive_list])
    no_topic = topics == schema.NO_AD_TOPIC
    rows = []
    for lang in ("all", *schema.CHAT_LANGUAGES):
        sel = np.ones(len(langs), dtype=bool) if lang == "all" else langs == lang
        if not sel.any():
            continue

        def share(mask: np.ndarray, hit: np.ndarray, sel: np.ndarray = sel) -> float:
            m = sel & mask
            return float(hit[m].mean()) if m.any() else float("nan")

        rows.append({
            "language": lang, "messages": int(sel.sum()),
            "everyday_accuracy": share(everyday, codes == true),
            "sensitive_caught": share(on_list, flagged),
            "leakage": share(on_list, ~flagged & (codes != NO_TOPIC)),
            "everyday_held_back": share(everyday, flagged),
            "no_topic_accuracy": share(no_topic, codes == NO_TOPIC),
            "hard_negative_accuracy": share(hard, codes == true),
            "hard_negative_held_back": share(hard, flagged),
            "topic_accuracy": share(true >= -1, codes == true),
        })
    return pd.DataFrame(rows)


@dataclass(frozen=True)
class TextReport:
    """How well chats are understood: per-topic precision/recall, sensitive leakage, and a
    per-language table on each labelled set."""

    per_topic: pd.DataFrame  # on the held-out generated set
    accuracy: float
    leakage: dict[str, float]  # sensitive list -> leakage on the held-out set
    false_hold: dict[str, float]
    per_topic_dataset: pd.DataFrame | None = None  # on the dataset's chats with a true topic
    accuracy_dataset: float | None = None
    leakage_dataset: dict[str, float] | None = None
    n_dataset: int = 0
    # Rows per (set, language): set is "generated held-out", "hand-written validation",
    # "sealed test" or "this dataset"; columns as `language_report`.
    by_language: pd.DataFrame | None = None
    threshold: float = float("nan")
    # Leakage and held-back at each threshold on the hand-written set (generated held-out
    # text when that file is missing), for the Method page's trade-off chart.
    tradeoff: pd.DataFrame | None = None


def evaluate(model: TextModel, texts: np.ndarray, true_topics: np.ndarray
             ) -> tuple[pd.DataFrame, float, dict[str, float], dict[str, float]]:
    """Per-topic report, accuracy, leakage and false-hold rates on labelled texts."""
    codes, p_sensitive = model.infer(texts)
    true_codes = topic_code(true_topics)
    accuracy = float((codes == true_codes).mean()) if len(codes) else float("nan")
    leak, hold = {}, {}
    for name in ("meta7", "gdpr9"):
        flagged = model.flag_sensitive(codes, p_sensitive[name], name)
        leak[name] = leakage_rate(true_topics, flagged, name, codes)
        hold[name] = false_hold_rate(true_topics, flagged, name)
    return per_topic_report(true_topics, codes), accuracy, leak, hold


SET_GENERATED = "generated held-out"
SET_HANDWRITTEN = "hand-written validation"
SET_SEALED = "sealed test"
SET_DATASET = "this dataset"


def by_language_table(model: TextModel, sets: dict[str, LabelledTexts]) -> pd.DataFrame:
    """`language_report` for each named labelled set, stacked with a `set` column first."""
    frames = [language_report(model, labelled).assign(set=name)
              for name, labelled in sets.items() if labelled is not None and len(labelled)]
    if not frames:
        return pd.DataFrame()
    out = pd.concat(frames, ignore_index=True)
    return out[["set", *[c for c in out.columns if c != "set"]]]


def non_english_gap(report: pd.DataFrame) -> float:
    """How far the weakest other language's everyday topic accuracy falls below English's, in
    a `language_report` indexed by language (0 when none is below; NaN without English or
    without another language)."""
    everyday = report["everyday_accuracy"]
    others = [lang for lang in schema.CHAT_LANGUAGES if lang != "en" and lang in report.index]
    if "en" not in report.index or not others:
        return float("nan")
    return max(0.0, float(max(everyday["en"] - everyday[lang] for lang in others)))


def target_checks(report: pd.DataFrame) -> dict[str, bool]:
    """Whether a `language_report` (indexed by language) meets each of `TARGETS`."""
    return {
        "everyday_accuracy": bool(report.loc["all", "everyday_accuracy"]
                                  >= TARGETS["everyday_accuracy"]),
        "sensitive_caught": bool(report.loc["all", "sensitive_caught"]
                                 >= TARGETS["sensitive_caught"]),
        "everyday_held_back": bool(report.loc["all", "everyday_held_back"]
                                   <= TARGETS["everyday_held_back"]),
        # 1e-9 of slack so "exactly 10 points" is not lost to float rounding.
        "non_english_gap": bool(non_english_gap(report) <= TARGETS["non_english_gap"] + 1e-9),
    }


def heldout_report(model: TextModel | None = None) -> TextReport:
    """Quality on held-out dataset-style text, with the per-language table on it, on the
    hand-written validation set and on the sealed test set (the trade-off curve is on the
    validation set: the sealed set only reports)."""
    model = model or load_text_model()
    held = heldout_set()
    per_topic, accuracy, leak, hold = evaluate(model, held.texts, held.topics)
    hand = handwritten_set()
    curve_set = hand if hand is not None else held
    return TextReport(per_topic=per_topic, accuracy=accuracy, leakage=leak, false_hold=hold,
                      by_language=by_language_table(model, {
                          SET_GENERATED: held, SET_HANDWRITTEN: hand,
                          SET_SEALED: handwritten_set(SEALED_CSV)}),
                      threshold=model.sensitive_threshold,
                      tradeoff=threshold_tradeoff(model, curve_set.texts, curve_set.topics,
                                                  kinds=curve_set.kinds))

"""The sentence encoder only where the product's TF-IDF is unsure: how many chats that is, and
what reading them so gives (a measurement, not a product feature).

A chat is *unsure* for a model when its top class probability is under TOP (a guess between
topics) or its calibrated P(sensitive) on Meta's list is within a factor FACTOR of the model's
threshold (near the line between held back and shown). `shares` gives the unsure share of a
list of chats for a few such bands; `Cascade` answers each chat with the first model (the
product's (a)) unless it is unsure, and with the second (option (g): TF-IDF + int8 ONNX
sentence vectors) if it is, so the second model reads only those chats.

Run (after `python -m bench.text_options --options ag` stored both models):
`python -m bench.text_cascade --shares` (the sample's chats, model (a) only; no encoder), and
`python -m bench.text_cascade --measure` (the cascade on the hand-written set and the public
corpora, as bench/text_options.py measures an option), `python -m bench.text_cascade --load`
(start-up: both models loaded and the sample's chats read through the cascade).
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path

import numpy as np

from bench.text_options import STORE, handwritten_figures

TOP = 0.5  # top class probability under this: unsure of the topic
FACTOR = 2.0  # P(sensitive) within [threshold / FACTOR, threshold * FACTOR]: unsure of holding
LIST = "meta7"  # the app's default sensitive list


def unsure(model, proba: np.ndarray, top: float = TOP, factor: float = FACTOR) -> np.ndarray:  # noqa: ANN001
    """Per row of `proba` (the model's class probabilities): unsure of the topic or of holding
    the chat back (see the module docstring)."""
    p = model.p_sensitive(proba)[LIST]
    t = model.sensitive_threshold
    return (proba.max(axis=1) < top) | ((p >= t / factor) & (p < t * factor))


def shares(model, texts: np.ndarray) -> dict:  # noqa: ANN001
    """The unsure share of `texts` (all, and distinct ones) for a few bands, the chosen one
    (TOP, FACTOR) first."""
    uniq = np.unique(np.asarray(texts, dtype=object).astype(str))
    proba_all, proba_uniq = model.predict_proba(texts), model.predict_proba(uniq)
    out: dict = {"texts": len(texts), "distinct": len(uniq),
                 "threshold": round(model.sensitive_threshold, 3)}
    for top, factor in ((TOP, FACTOR), (0.4, 1.5), (0.6, 3.0), (TOP, 1.0), (0.0, FACTOR)):
        key = f"top<{top}|p~x{factor}"
        out[key] = round(float(unsure(model, proba_all, top, factor).mean()), 4)
        out[key + ":distinct"] = round(float(unsure(model, proba_uniq, top, factor).mean()), 4)
    return out


class Cascade:
    """`first`'s answers, except for the chats it is unsure of, which `second` answers (each
    model holding chats back at its own threshold). Has what the measurements call:
    `infer`, then `flag_sensitive` on the same chats."""

    def __init__(self, first, second) -> None:  # noqa: ANN001
        self.first, self.second = first, second
        self.sensitive_threshold = first.sensitive_threshold
        self.asked = {"texts": 0, "second": 0, "second_seconds": 0.0}
        self._unsure = np.zeros(0, dtype=bool)

    def infer(self, texts: np.ndarray) -> tuple[np.ndarray, dict[str, np.ndarray]]:
        texts = np.asarray(texts, dtype=object)
        codes, p = self.first.infer(texts)
        mask = unsure(self.first, self.first.predict_proba(texts))
        if mask.any():
            start = time.perf_counter()
            codes2, p2 = self.second.infer(texts[mask])
            self.asked["second_seconds"] += time.perf_counter() - start
            codes = codes.copy()
            codes[mask] = codes2
            p = {name: np.where(mask, 0.0, values) for name, values in p.items()}
            for name in p:
                p[name][mask] = p2[name]
        self.asked["texts"] += len(texts)
        self.asked["second"] += int(mask.sum())
        self._unsure = mask
        return codes, p

    def flag_sensitive(self, codes: np.ndarray, p_list: np.ndarray, sensitive_list: str,
                       sensitive_threshold: float | None = None) -> np.ndarray:
        if sensitive_threshold is not None:
            raise ValueError("each model holds back at its own threshold")
        if len(self._unsure) != len(codes):
            raise ValueError("call infer on the same chats first")
        first = self.first.flag_sensitive(codes, p_list, sensitive_list)
        second = self.second.flag_sensitive(codes, p_list, sensitive_list)
        return np.where(self._unsure, second, first)


def measure(first_path: Path, second_path: Path) -> dict:
    """The cascade of two stored models on the hand-written set (per language) and the public
    corpora (their figures only, as `text_options.measure`), and the share sent to the second."""
    import joblib

    from bench import public_intents

    cascade = Cascade(joblib.load(first_path), joblib.load(second_path))
    out: dict = {"top": TOP, "factor": FACTOR}
    out.update(handwritten_figures(cascade))
    out["hand:second_share"] = round(cascade.asked["second"] / cascade.asked["texts"], 4)
    for name, (env, loader) in public_intents.CORPORA.items():
        folder = os.environ.get(env, "")
        if not folder or not Path(folder).exists():
            out[name] = "not available"
            continue
        before = dict(cascade.asked)
        figures = public_intents.measure(cascade, loader(Path(folder)))
        asked = {k: cascade.asked[k] - before[k] for k in before}
        out[f"{name}:second_share"] = round(asked["second"] / max(asked["texts"], 1), 4)
        for key in ("topic_accuracy", "no_topic_recall", "held_back", "held_back_with_topic",
                    "held_back_no_topic"):
            out[f"{name}:{key}"] = round(figures[key], 3)
    return out


def load_and_infer(first_path: Path, second_path: Path, texts_path: Path) -> dict:
    """In this (fresh) process, as `text_options.load_and_infer` measures one model: load both
    models and read the given chats (a JSON list) through the cascade; seconds, peak memory
    added, and the share (and seconds) the second model read."""
    import joblib
    from sklearn.linear_model import SGDClassifier  # noqa: F401 (imported as the app has it)
    from sklearn.pipeline import Pipeline  # noqa: F401

    import adlens.char_tfidf  # noqa: F401
    from adlens import text_model  # noqa: F401
    from bench.rss import own_peak_mb

    texts = np.array(json.loads(Path(texts_path).read_text()), dtype=object)
    before = own_peak_mb()
    start = time.perf_counter()
    cascade = Cascade(joblib.load(first_path), joblib.load(second_path))
    loaded = time.perf_counter() - start
    cascade.infer(texts)
    seconds = time.perf_counter() - start
    return {"load_infer_seconds": round(seconds, 3), "load_seconds": round(loaded, 3),
            "second_seconds": round(cascade.asked["second_seconds"], 3),
            "second_share": round(cascade.asked["second"] / len(texts), 4),
            "peak_rss_added_mb": round(own_peak_mb() - before, 1), "texts": len(texts),
            "chats_per_second": round(len(texts) / (seconds - loaded))}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.text_cascade",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("--shares", action="store_true")
    parser.add_argument("--measure", action="store_true")
    parser.add_argument("--load", action="store_true", help="load both models and read the "
                        "chats through the cascade (run it in a fresh process)")
    parser.add_argument("--first", default=str(STORE / "text_model_a.joblib"))
    parser.add_argument("--second", default=str(STORE / "text_model_g.joblib"))
    parser.add_argument("--texts", default=str(STORE / "sample_chats.json"))
    args = parser.parse_args(argv)
    if args.shares:
        import joblib

        texts = np.array(json.loads(Path(args.texts).read_text()), dtype=object)
        print(json.dumps(shares(joblib.load(args.first), texts)))
    if args.load:
        print(json.dumps(load_and_infer(Path(args.first), Path(args.second), Path(args.texts))))
    if args.measure:
        print(json.dumps(measure(Path(args.first), Path(args.second))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

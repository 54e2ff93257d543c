"""Candidate model v10: v8's training text (v7's bank plus the sittings of
`adlens/chat_corpus/bank_candidate_v8/`) and a separate calibrated "sensitive or not" model per
sensitive list beside the topic model, combined with its summed probability in one of the ways
fixed in docs/ARCHITECTURE.md ("Model v10"), each build measured on the validation set.

Run: `python -m bench.text_v10` (trains the topic model through `text_model.train_text_model`,
then the sensitive models and the six builds; about 5-8 minutes on 2 shared cores; prints and
writes `/tmp/adlens-v10/builds.json`, stores each build under /tmp/adlens-v10/).
`python -m bench.text_v10 --measure NAME --set sealed|sealed_v2|public` reads a stored build
on another set (each only once the choice is made).
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import json
import os
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from adlens import schema
from adlens import text_model as tm
from adlens.chat_corpus import bank
from adlens.engine import SEALED_V2_CSV

STORE = Path(os.environ.get("ADLENS_V10_STORE", Path(tempfile.gettempdir()) / "adlens-v10"))
CANDIDATE_FOLDER = bank.FOLDER.with_name("bank_candidate_v8")
# The five ways of combining the two probabilities into one (see `combine`).
RULES: tuple[str, ...] = ("binary", "both", "either", "no_topic_rescue", "stack")
ALPHA = 1e-5  # the sensitive model's SGD alpha in builds 1-5 (v6's measurement)
ALPHA_LAST = 1e-6  # build 6: the chosen rule with the topic model's alpha
MIN_CAUGHT = 0.97  # selection: validation sensitive caught at least this share


def v8_files() -> list[Path]:
    """v7's sittings and the v8 candidate sittings, in a stable order."""
    return sorted(bank.FOLDER.glob("*.txt")) + sorted(CANDIDATE_FOLDER.glob("*.txt"))


@contextlib.contextmanager
def v8_text() -> Iterator[None]:
    """Within: the written bank reads the v8 sittings too (training and calibration splits)."""
    from unittest import mock

    bank._load.cache_clear()
    try:
        with mock.patch.object(bank, "files", v8_files):
            yield
    finally:
        bank._load.cache_clear()


def _logit(p: np.ndarray) -> np.ndarray:
    p = np.clip(np.asarray(p, dtype=float), 1e-6, 1 - 1e-6)
    return np.log(p / (1 - p))


def combine(rule: str, p_sum: np.ndarray, p_bin: np.ndarray, no_topic: np.ndarray,
            stack: tuple[float, float, float] = (1.0, 1.0, 0.0)) -> np.ndarray:
    """One probability of being sensitive from the topic model's calibrated summed probability
    (`p_sum`) and the sensitive model's (`p_bin`); `no_topic` marks texts the topic model reads
    as "no ad topic". Held back when it reaches the threshold, so a higher threshold never holds
    back more: every rule is monotone in both probabilities."""
    p_sum, p_bin = np.asarray(p_sum, dtype=float), np.asarray(p_bin, dtype=float)
    if rule == "binary":
        return p_bin
    if rule == "both":
        return np.minimum(p_sum, p_bin)
    if rule == "either":
        return np.maximum(p_sum, p_bin)
    if rule == "no_topic_rescue":
        return np.where(np.asarray(no_topic, dtype=bool), np.maximum(p_sum, p_bin), p_sum)
    if rule == "stack":
        a, b, c = stack
        return 1.0 / (1.0 + np.exp(-(a * _logit(p_sum) + b * _logit(p_bin) + c)))
    raise ValueError(f"unknown rule {rule!r}; one of {RULES}")


def summed(model: tm.TextModel, proba: np.ndarray) -> dict[str, np.ndarray]:
    """The topic model's calibrated summed probability per sensitive list (`p_sum`)."""
    out = {}
    for name, topics in schema.SENSITIVE_LISTS.items():
        raw = proba[:, [tm.CLASSES.index(t) for t in topics]].sum(axis=1)
        out[name] = (tm._calibrated(raw, *model.calibration.get(name, (1.0, 0.0))) if topics
                     else np.zeros(len(proba)))
    return out


@dataclass(frozen=True, eq=False)
class SplitModel(tm.TextModel):
    """The topic model with a calibrated sensitive model per list on the same features."""

    detectors: dict[str, Any] = field(default_factory=dict)  # list -> calibrated classifier
    rule: str = "binary"
    stacks: dict[str, tuple[float, float, float]] = field(default_factory=dict)

    def read(self, texts: np.ndarray) -> tuple[np.ndarray, dict[str, np.ndarray]]:
        """Probabilities over CLASSES and each list's sensitive-model probability (one pass of
        the features; identical texts scored once)."""
        texts = np.asarray(texts, dtype=object).astype(str)
        proba = np.zeros((len(texts), len(tm.CLASSES)))
        p_bin = {name: np.zeros(len(texts)) for name in schema.SENSITIVE_LISTS}
        if len(texts) == 0:
            return proba, p_bin
        uniq, inverse = np.unique(texts, return_inverse=True)
        inverse = inverse.ravel()
        x = self.pipeline.named_steps["features"].transform(uniq)
        clf = self.pipeline.named_steps["classifier"]
        cols = np.array([tm.CLASSES.index(c) for c in clf.classes_])
        proba[:, cols] = clf.predict_proba(x)[inverse]
        for name, detector in self.detectors.items():
            p_bin[name] = detector.predict_proba(x)[:, 1][inverse]
        return proba, p_bin

    def combined(self, proba: np.ndarray, p_bin: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
        """Per list, the combined probability of being sensitive."""
        p_sum = summed(self, proba)
        no_topic = proba.argmax(axis=1) == tm.CLASSES.index(schema.NO_AD_TOPIC) if len(
            proba) else np.zeros(0, dtype=bool)
        return {name: (p_sum[name] if name not in self.detectors else
                       combine(self.rule, p_sum[name], p_bin[name], no_topic,
                               self.stacks.get(name, (1.0, 1.0, 0.0))))
                for name in p_sum}

    def infer(self, texts: np.ndarray) -> tuple[np.ndarray, dict[str, np.ndarray]]:
        proba, p_bin = self.read(texts)
        best = proba.argmax(axis=1) if len(proba) else np.zeros(0, dtype=np.int64)
        codes = np.where(best == tm.CLASSES.index(schema.NO_AD_TOPIC), tm.NO_TOPIC, best)
        return codes.astype(np.int64), self.combined(proba, p_bin)

    def with_threshold(self, sensitive_threshold: float) -> SplitModel:
        return dataclasses.replace(self, sensitive_threshold=sensitive_threshold)


def train_topic_model() -> tm.TextModel:
    """v8 build 3's topic model, through the product's own training path."""
    with v8_text():
        return tm.train_text_model(version="10")


def fit_detectors(topic: tm.TextModel, alpha: float, train_x=None, train_labels=None,
                  cal_x=None, cal_labels=None) -> dict[str, Any]:
    """Per sensitive list, an SGD log-loss "sensitive or not" model on the topic model's fitted
    features of the training rows, calibrated (sigmoid) on the calibration split."""
    from sklearn.calibration import CalibratedClassifierCV
    from sklearn.frozen import FrozenEstimator
    from sklearn.linear_model import SGDClassifier

    out = {}
    for name, topics in schema.SENSITIVE_LISTS.items():
        if not topics:
            continue
        clf = SGDClassifier(loss="log_loss", alpha=alpha, max_iter=30, tol=1e-4, average=True,
                            random_state=0).fit(train_x, np.isin(train_labels, topics))
        clf.coef_ = clf.coef_.astype(np.float32)
        for attr in ("_standard_coef", "_standard_intercept", "_average_coef",
                     "_average_intercept"):
            clf.__dict__.pop(attr, None)
        out[name] = CalibratedClassifierCV(FrozenEstimator(clf), method="sigmoid").fit(
            cal_x, np.isin(cal_labels, topics))
    return out


def fit_stacks(model: SplitModel, cal: tm.LabelledTexts) -> dict[str, tuple[float, float, float]]:
    """Per list, the logistic regression on (logit p_sum, logit p_bin) on the calibration split."""
    from sklearn.linear_model import LogisticRegression

    proba, p_bin = model.read(cal.texts)
    p_sum = summed(model, proba)
    out = {}
    for name in model.detectors:
        xs = np.column_stack([_logit(p_sum[name]), _logit(p_bin[name])])
        fit = LogisticRegression(C=100.0).fit(xs, np.isin(cal.topics,
                                                          schema.SENSITIVE_LISTS[name]))
        out[name] = (float(fit.coef_[0, 0]), float(fit.coef_[0, 1]), float(fit.intercept_[0]))
    return out


def build(topic: tm.TextModel, detectors: dict[str, Any], rule: str,
          cal: tm.LabelledTexts) -> SplitModel:
    """A build: the rule's combined probability, the threshold by the product's rule on the
    calibration split."""
    model = SplitModel(pipeline=topic.pipeline, version=topic.version,
                       calibration=topic.calibration, detectors=detectors, rule=rule)
    if rule == "stack":
        model = dataclasses.replace(model, stacks=fit_stacks(model, cal))
    threshold = tm.choose_threshold(tm.threshold_tradeoff(model, cal.texts, cal.topics))
    return model.with_threshold(threshold)


def errors(model: tm.TextModel, labelled: tm.LabelledTexts) -> dict[str, Any]:
    """Counts on a labelled set: sensitive caught, everyday and look-alikes held back, and the
    per-message flags (for sign tests)."""
    codes, p = model.infer(labelled.texts)
    flagged = model.flag_sensitive(codes, p["meta7"], "meta7")
    topics = np.asarray(labelled.topics, dtype=str)
    hard = np.asarray(labelled.kinds, dtype=str) == "hard_negative"
    sensitive = np.isin(topics, schema.SENSITIVE_META7)
    everyday = np.isin(topics, schema.EVERYDAY_TOPICS) & ~hard
    return {"caught": int(flagged[sensitive].sum()), "sensitive": int(sensitive.sum()),
            "everyday_held": int(flagged[everyday].sum()), "everyday": int(everyday.sum()),
            "lookalikes_held": int(flagged[hard].sum()), "lookalikes": int(hard.sum()),
            "errors": int((~flagged[sensitive]).sum() + flagged[everyday].sum()
                          + flagged[hard].sum()),
            "flags": flagged, "sensitive_mask": sensitive, "hold_mask": everyday | hard}


def sign_test(worse: int, better: int) -> float:
    """One-sided exact sign test: the chance of at least `worse` of the `worse + better`
    discordant messages going against the candidate if either way were equally likely."""
    from scipy.stats import binomtest

    n = worse + better
    return 1.0 if n == 0 else float(binomtest(worse, n, 0.5, alternative="greater").pvalue)


def compare(candidate: dict[str, Any], baseline: dict[str, Any]) -> dict[str, Any]:
    """Message by message against a baseline: sensitive misses and holds, with sign tests."""
    c, b = candidate["flags"], baseline["flags"]
    s, h = candidate["sensitive_mask"], candidate["hold_mask"]
    missed_only = int((s & ~c & b).sum())
    caught_only = int((s & c & ~b).sum())
    held_only = int((h & c & ~b).sum())
    spared_only = int((h & ~c & b).sum())
    return {"misses_v7_catches": missed_only, "catches_v7_misses": caught_only,
            "p_caught_worse": sign_test(missed_only, caught_only),
            "holds_v7_does_not": held_only, "spares_v7_holds": spared_only,
            "p_held_worse": sign_test(held_only, spared_only)}


def select(rows: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The selection rule: among builds catching at least MIN_CAUGHT of the sensitive
    messages, the fewest errors; ties to more caught, then fewer everyday held back."""
    ok = [r for r in rows if r["caught"] >= MIN_CAUGHT * r["sensitive"] - 1e-9]
    if not ok:
        return None
    return min(ok, key=lambda r: (r["errors"], -r["caught"], r["everyday_held"]))


def _summary(name: str, model: tm.TextModel, counts: dict[str, Any],
             report: pd.DataFrame) -> dict[str, Any]:
    keep = {k: v for k, v in counts.items() if not isinstance(v, np.ndarray)}
    return {"build": name, "threshold": float(model.sensitive_threshold), **keep,
            "by_language": report.round(4).to_dict(orient="records")}


def store(model: tm.TextModel, name: str) -> Path:
    path = STORE / f"{name}.pkl"
    tm.write_model(model, path)
    return path


def grid() -> list[dict[str, Any]]:
    """Train the topic model and the sensitive models, then the six builds on the validation
    set (the sixth is the chosen rule of the first five with ALPHA_LAST)."""
    started = time.perf_counter()
    topic = train_topic_model()
    print(f"topic model trained in {time.perf_counter() - started:.0f} s", flush=True)
    store(topic, "topic")
    with v8_text():
        texts, labels = tm.training_texts()
        cal = tm.calibration_texts()
    features = topic.pipeline.named_steps["features"]
    train_x = features.transform(texts)
    cal_x = features.transform(cal.texts)
    del texts
    validation = tm.handwritten_set()
    v7 = tm.load_text_model()
    base = errors(v7, validation)
    rows: list[dict[str, Any]] = []
    reference = errors(topic, validation)
    rows_ref = _summary("v8 topic model alone (reference)", topic, reference,
                        tm.language_report(topic, validation))
    print(json.dumps({k: v for k, v in rows_ref.items() if k != "by_language"}), flush=True)

    def run(rule: str, alpha: float, number: int) -> dict[str, Any]:
        model = build(topic, detectors[alpha], rule, cal)
        counts = errors(model, validation)
        row = {**_summary(f"{number}: {rule}, alpha {alpha:g}", model, counts,
                          tm.language_report(model, validation)),
               "rule": rule, "alpha": alpha, **compare(counts, base)}
        store(model, f"build{number}")
        print(json.dumps({k: v for k, v in row.items() if k != "by_language"}), flush=True)
        return row

    detectors = {ALPHA: fit_detectors(topic, ALPHA, train_x, labels, cal_x, cal.topics)}
    for number, rule in enumerate(RULES, start=1):
        rows.append(run(rule, ALPHA, number))
    chosen = select(rows)
    last_rule = chosen["rule"] if chosen else "binary"
    detectors[ALPHA_LAST] = fit_detectors(topic, ALPHA_LAST, train_x, labels, cal_x, cal.topics)
    rows.append(run(last_rule, ALPHA_LAST, 6))
    final = select(rows)
    out = {"v7": _summary("v7 (in force)", v7, base, tm.language_report(v7, validation)),
           "reference": rows_ref, "builds": rows,
           "chosen": None if final is None else final["build"],
           "seconds": round(time.perf_counter() - started, 1), "load": os.getloadavg()}
    (STORE / "builds.json").write_text(json.dumps(out, indent=1, default=float))
    print("chosen:", out["chosen"], flush=True)
    return rows


def public_figures(model: tm.TextModel) -> dict[str, dict[str, Any]]:
    """`bench.public_intents` figures on each corpus present, and, request by request against
    v7, the sign tests on topics read right and on requests held back."""
    from bench import public_intents

    v7 = tm.load_text_model()  # the model in force: v7 when v10 was measured, v11 since
    out = {}
    for name, (env, loader) in public_intents.CORPORA.items():
        figures = public_intents.corpus_figures(name, model)
        if figures is None:
            continue
        frame = loader(Path(os.environ[env]))
        mapped = pd.notna(frame["label"]).to_numpy()
        label = frame["label"].to_numpy(dtype=object)
        topic = mapped & (label != public_intents.NO_TOPIC)
        (right, held) = public_intents.read_right_and_held(model, frame)
        (right7, held7) = public_intents.read_right_and_held(v7, frame)
        worse_t = int((topic & ~right & right7).sum())
        better_t = int((topic & right & ~right7).sum())
        worse_h, better_h = int((mapped & held & ~held7).sum()), int((mapped & ~held & held7).sum())
        figures.update({
            "v7_topic_accuracy": float(right7[topic].mean()), "v7_held_back": float(
                held7[mapped].mean()),
            "topic_wrong_v7_right": worse_t, "topic_right_v7_wrong": better_t,
            "p_topic_worse": sign_test(worse_t, better_t),
            "held_v7_not": worse_h, "not_held_v7_held": better_h,
            "p_held_worse": sign_test(worse_h, better_h)})
        out[name] = figures
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--measure", help="a stored build's name (e.g. build3)")
    parser.add_argument("--set", choices=("validation", "sealed", "sealed_v2", "public"),
                        default="validation")
    args = parser.parse_args(argv)
    STORE.mkdir(parents=True, exist_ok=True)
    if not args.measure:
        grid()
        return 0
    model = tm.read_model(STORE / f"{args.measure}.pkl") if args.measure != "v7" else \
        tm.load_text_model()
    if args.set == "public":
        for name, figures in public_figures(model).items():
            print(name, json.dumps(figures, indent=1))
        return 0
    path = {"validation": tm.VALIDATION_CSV, "sealed": tm.SEALED_CSV,
            "sealed_v2": SEALED_V2_CSV}[args.set]
    labelled = tm.handwritten_set(path)
    if labelled is None:
        print(f"{path} is not there")
        return 1
    counts = errors(model, labelled)
    print(json.dumps({k: v for k, v in counts.items() if not isinstance(v, np.ndarray)}))
    if args.measure != "v7":
        print("against v7:", json.dumps(compare(counts, errors(tm.load_text_model(), labelled))))
    print(tm.language_report(model, labelled).round(4).to_string())
    return 0


if __name__ == "__main__":
    # Run from the imported module, so stored builds name `bench.text_v10.SplitModel` (a class
    # of `__main__` could not be read back by another process).
    from bench.text_v10 import main as _main

    raise SystemExit(_main())

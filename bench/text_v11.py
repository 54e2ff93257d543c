"""Model v11 (the sentence encoder for the chats the TF-IDF is unsure of) against v7, under the
adoption rule stated in docs/ARCHITECTURE.md ("Model v11") before any sealed read.

`python -m bench.text_v11 --v7 FILE --sets validation,sealed,sealed_v2,public` reads the
product's model (`text_model.load_text_model()`) and v7 from FILE (v7's shipped model: `git show
ec55ba1:sample_data/prepared/text_model.pkl.zlib > FILE`), measures both on each named set
(message by message, with one-sided exact sign tests; the sealed sets and the public corpora
only ever print figures) and says, condition by condition, whether the rule holds. The public
corpora are read from the local copies named by ADLENS_CLINC150 and ADLENS_SNIPS.

`python -m bench.text_v11 --batch-dependence` measures a defect found after adoption: the int8
encoder's vector for a chat depends on the chats encoded in the same batch (see
docs/ARCHITECTURE.md, "Model v11").
"""

from __future__ import annotations

import argparse
import json
import os
import zlib
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from adlens import schema
from adlens import text_model as tm
from bench.text_v10 import compare, errors, sign_test

NOISE = 0.05  # a one-sided sign test under this: worse than v7 beyond noise
# tests/test_chat_sealed_v2.py's guards at v7's level (count, of how many).
SEALED_V2_GUARDS = {"caught_all": 244, "caught_en": 134, "lookalikes_held_max": 19,
                    "no_topic_min": 128}


def read_shipped(path: Path) -> tm.TextModel:
    """A model as the sample ships it (a zlib-compressed cache file), read as the product reads
    its cache (`text_model.read_model`: int8 weights restored)."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        plain = Path(folder) / "model.pkl"
        plain.write_bytes(zlib.decompress(Path(path).read_bytes()))
        model = tm.read_model(plain)
    if model is None:
        raise TypeError(f"{path} holds no text model")
    return model


def hand_set(name: str) -> tm.LabelledTexts:
    from adlens.engine import SEALED_V2_CSV

    path = {"validation": tm.VALIDATION_CSV, "sealed": tm.SEALED_CSV,
            "sealed_v2": SEALED_V2_CSV}[name]
    labelled = tm.handwritten_set(path)
    if labelled is None:
        raise FileNotFoundError(path)
    return labelled


def _plain(counts: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in counts.items() if not isinstance(v, np.ndarray)}


def measure_hand(name: str, model: tm.TextModel, v7: tm.TextModel) -> dict[str, Any]:
    """Counts, the comparison with v7 and the issue's targets on one hand-written set."""
    labelled = hand_set(name)
    counts, base = errors(model, labelled), errors(v7, labelled)
    report = tm.language_report(model, labelled).set_index("language")
    out = {"v11": _plain(counts), "v7": _plain(base), "against_v7": compare(counts, base),
           "targets": tm.target_checks(report),
           "by_language": report.round(4).reset_index().to_dict("records")}
    if name == "sealed_v2":
        codes, p = model.infer(labelled.texts)
        flagged = model.flag_sensitive(codes, p["meta7"], "meta7")
        topics = np.asarray(labelled.topics, dtype=str)
        langs = np.asarray(labelled.languages, dtype=str)
        on_list = np.isin(topics, schema.SENSITIVE_META7)
        hard = np.asarray(labelled.kinds, dtype=str) == "hard_negative"
        no_topic = topics == schema.NO_AD_TOPIC
        out["guards"] = {
            "caught_all": int(flagged[on_list].sum()),
            "caught_en": int(flagged[on_list & (langs == "en")].sum()),
            "lookalikes_held_max": int(flagged[hard].sum()),
            "no_topic_min": int((codes[no_topic] == tm.NO_TOPIC).sum())}
    return out


def measure_public(model: tm.TextModel, v7: tm.TextModel) -> dict[str, Any]:
    """Per public corpus with a local copy: ad topic read right and requests with an ad topic
    held back, v11 against v7 request by request."""
    from bench import public_intents

    out: dict[str, Any] = {}
    for name, (env, loader) in public_intents.CORPORA.items():
        folder = os.environ.get(env, "")
        if not folder or not Path(folder).exists():
            out[name] = "not available"
            continue
        frame = loader(Path(folder))
        label = frame["label"].to_numpy(dtype=object)
        topic = pd.notna(frame["label"]).to_numpy() & (label != public_intents.NO_TOPIC)
        (right, held) = public_intents.read_right_and_held(model, frame)
        (right7, held7) = public_intents.read_right_and_held(v7, frame)
        worse_t = int((topic & ~right & right7).sum())
        better_t = int((topic & right & ~right7).sum())
        worse_h = int((topic & held & ~held7).sum())
        better_h = int((topic & ~held & held7).sum())
        out[name] = {
            "requests_with_topic": int(topic.sum()),
            "topic_accuracy": round(float(right[topic].mean()), 4),
            "v7_topic_accuracy": round(float(right7[topic].mean()), 4),
            "held_back_with_topic": round(float(held[topic].mean()), 4),
            "v7_held_back_with_topic": round(float(held7[topic].mean()), 4),
            "topic_wrong_v7_right": worse_t, "topic_right_v7_wrong": better_t,
            "p_topic_worse": sign_test(worse_t, better_t),
            "held_v7_not": worse_h, "not_held_v7_held": better_h,
            "p_held_worse": sign_test(worse_h, better_h)}
    return out


def batch_dependence(model: tm.TextModel, texts: np.ndarray, batch: int = 32) -> dict[str, Any]:
    """How much the second reader's answers depend on the chats read beside them: the distinct
    chats of `texts` the first reader is unsure of, encoded each alone and `batch` at a time,
    and read by the second reader both ways. Counts of topics and held-back decisions that
    differ, and the largest differences (0 everywhere for an encoder whose vector depends on
    the chat alone)."""
    from adlens import text_encoder

    _, _, asked = model.answer(texts)
    chats = np.unique(np.asarray(texts, dtype=object)[asked].astype(str))
    out: dict[str, Any] = {"unsure_distinct": len(chats)}
    if not len(chats):
        return out
    encoder, head = text_encoder.encoder(), model.second
    alone = np.vstack([encoder.encode([chat])[0] for chat in chats])
    together = np.asarray(encoder.encode(list(chats), batch_size=batch), dtype=np.float32)
    tfidf = model.pipeline.named_steps["features"].transform(chats)

    def read(vectors: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        # The second reader as the product asks it, given these vectors for the chats.
        proba = head.predict_proba(tfidf, vectors=vectors)
        return proba, tm._p_sensitive(proba, head.calibration)[tm.UNSURE_LIST]

    (proba_a, p_a), (proba_t, p_t) = read(alone), read(together)
    held_a, held_t = p_a >= model.sensitive_threshold, p_t >= model.sensitive_threshold
    out.update({"batch": batch,
                "vector_max_abs_difference": round(float(np.abs(alone - together).max()), 5),
                "topic_differs": int((proba_a.argmax(1) != proba_t.argmax(1)).sum()),
                "held_back_differs": int((held_a != held_t).sum()),
                "p_sensitive_max_abs_difference": round(float(np.abs(p_a - p_t).max()), 4)})
    return out


def verdict(results: dict[str, Any]) -> dict[str, bool]:
    """Conditions 1-4 of the adoption rule, for the sets measured (condition 5, the cost, is
    `make bench`'s text model load case)."""
    out: dict[str, bool] = {}
    if "validation" in results:
        r = results["validation"]
        out["1 validation"] = bool(
            r["v11"]["caught"] >= 0.95 * r["v11"]["sensitive"]
            and r["v11"]["everyday_held"] <= 0.05 * r["v11"]["everyday"]
            and r["against_v7"]["p_caught_worse"] >= NOISE
            and r["against_v7"]["p_held_worse"] >= NOISE)
    if "sealed_v2" in results:
        r = results["sealed_v2"]
        g = r["guards"]
        out["2 second sealed set"] = bool(
            all(r["targets"].values())
            and g["caught_all"] >= SEALED_V2_GUARDS["caught_all"]
            and g["caught_en"] >= SEALED_V2_GUARDS["caught_en"]
            and g["lookalikes_held_max"] <= SEALED_V2_GUARDS["lookalikes_held_max"]
            and g["no_topic_min"] >= SEALED_V2_GUARDS["no_topic_min"])
    if "sealed" in results:
        c = results["sealed"]["against_v7"]
        out["3 first sealed set"] = bool(c["p_caught_worse"] >= NOISE
                                         and c["p_held_worse"] >= NOISE)
    if "public" in results:
        corpora = [v for v in results["public"].values() if isinstance(v, dict)]
        out["4 public corpora"] = bool(corpora) and all(
            v["p_topic_worse"] >= NOISE and v["p_held_worse"] >= NOISE for v in corpora)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.text_v11",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("--v7", help="v7's shipped model (zlib pickle)")
    parser.add_argument("--batch-dependence", action="store_true", help="on the sample's chats: "
                        "how much the encoder's answers depend on the chats read beside them")
    parser.add_argument("--sets", default="validation",
                        help="comma-separated: validation, sealed, sealed_v2, public")
    args = parser.parse_args(argv)
    if args.batch_dependence:
        from bench.cases_text import _sample_texts

        print(json.dumps(batch_dependence(tm.load_text_model(), _sample_texts())))
        return 0
    if not args.v7:
        parser.error("--v7 is needed to compare with v7")
    model, v7 = tm.load_text_model(), read_shipped(Path(args.v7))
    if model.second is None:
        raise SystemExit("the product's model has no second reader: not v11")
    results: dict[str, Any] = {}
    for name in args.sets.split(","):
        results[name] = (measure_public(model, v7) if name == "public"
                         else measure_hand(name, model, v7))
    results["rule"] = verdict(results)
    print(json.dumps(results, indent=1, default=str))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

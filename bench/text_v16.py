"""The candidate model v16 (plain questions about groups, beliefs and political matters, and
look-alikes in their everyday senses, added to the training text) against v15, under the
adoption rule stated in docs/ARCHITECTURE.md ("Model v16") before v16 was trained.

The measuring code is `bench.text_v14`'s, with the candidate named v16 and the baseline v15
(every figure's key says "v15"). Run it where the product's model is v16 (branch
`candidate-v16`); where the model is another version the run stops.

`python -m bench.text_v16 --v15 FILE --sets validation` reads the product's model and v15 from
FILE (v15's shipped model: `git show f6cffa4:sample_data/prepared/text_model.pkl.zlib > FILE`)
and prints the figures and the rule's conditions as JSON. Sets, in the order the rule reads
them: `validation`, then (`--cost`) the costs, `public` (CLINC150, SNIPS), `health` (LiveQA,
MEDIQA), the first five sealed sets `sealed`, `sealed_v2` ... `sealed_v5` (reported, not
conditions: their figures guided the build; figures only) and only then, once, `sealed_v6`.
`--cost` runs load + read of the sample's chats in six fresh processes alternating v15, v16.
`--merge FILE...` judges saved outputs together.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

import numpy as np

from adlens import schema
from adlens import text_model as tm
from bench import text_v14

CANDIDATE, BASELINE = "v16", "v15"
ROOT = text_v14.ROOT
SEALED_PATHS: dict[str, Path] = {
    "sealed": tm.SEALED_CSV,
    **{f"sealed_v{k}": ROOT / "tests" / "data" / f"chat_sealed_v{k}.csv" for k in range(2, 7)}}
SIXTH = "sealed_v6"
# The rule's thresholds (docs/ARCHITECTURE.md, "Model v16"), fixed before v16 was trained.
NOISE = 0.05  # "no worse beyond noise": p(v16 worse) at least this
BETTER = 0.025  # "better beyond noise": p(v16 better) under this (two chances, half of 0.05)
EVERYDAY_HELD_AT_MOST = 0.05
ACCURACY_AT_LEAST, GAP_AT_MOST, SLACK = 0.85, 0.10, 0.01
VALIDATION_CAUGHT_AT_LEAST = 0.95
AGAINST = f"against_{BASELINE}"


def measure_set(name: str, model: tm.TextModel, v15: tm.TextModel) -> dict[str, Any]:
    """`bench.text_v14.measure_labelled`'s figures on a hand-written or sealed set for v16 and
    v15 (sensitive caught, everyday and look-alikes held back, sign tests, the targets by
    language), and sensitive caught per topic of Meta's list."""
    path = tm.VALIDATION_CSV if name == "validation" else SEALED_PATHS[name]
    labelled = tm.handwritten_set(path)
    if labelled is None:
        raise FileNotFoundError(path)
    new, old = text_v14.flags(model, labelled.texts), text_v14.flags(v15, labelled.texts)
    out = text_v14.measure_labelled(labelled, model, v15, CANDIDATE, held=(new, old),
                                    baseline=BASELINE)
    topics = np.asarray(labelled.topics, dtype=str)
    out["caught_by_topic"] = {
        topic: {CANDIDATE: text_v14._share(new, topics == topic),
                BASELINE: text_v14._share(old, topics == topic),
                AGAINST: text_v14.discord(new, old, topics == topic, True, CANDIDATE, BASELINE)}
        for topic in schema.SENSITIVE_META7}
    return out


MEASURES = {
    "validation": lambda m, b: measure_set("validation", m, b),
    "public": lambda m, b: text_v14.measure_public(m, b, CANDIDATE, BASELINE),
    "health": lambda m, b: text_v14.measure_health(m, b, CANDIDATE, BASELINE),
    **{name: (lambda m, b, name=name: measure_set(name, m, b)) for name in SEALED_PATHS}}


def _p(r: dict[str, Any], key: str, side: str) -> float:
    return r[key][AGAINST][side]


def _target_or_near(value: float, base: float, ok, limit: float, slack_sign: int) -> bool:
    """A target met by v16, or, where v15 itself misses it, v16 within SLACK of v15."""
    if ok(base, limit):
        return bool(ok(value, limit))
    return bool(ok(value, base + slack_sign * SLACK))


def verdict(results: dict[str, Any]) -> dict[str, bool]:
    """The rule's five conditions, each judged only when everything it reads is measured."""
    out: dict[str, bool] = {}
    if SIXTH in results:
        r = results[SIXTH]
        out["1 sixth set: no worse"] = bool(
            _p(r, "sensitive_caught", "p_worse") >= NOISE
            and _p(r, "everyday_held_back", "p_worse") >= NOISE
            and _p(r, "lookalikes_held_back", "p_worse") >= NOISE)
        out["2 sixth set: a gain"] = bool(
            _p(r, "sensitive_caught", "p_better") < BETTER
            or _p(r, "lookalikes_held_back", "p_better") < BETTER)
        accuracy, gap = r["everyday_accuracy"], r["non_english_gap"]
        out["3 sixth set: the issue's targets"] = bool(
            r["everyday_held_back"][CANDIDATE]["share"] <= EVERYDAY_HELD_AT_MOST
            and _target_or_near(accuracy[CANDIDATE], accuracy[BASELINE],
                                lambda v, lim: v >= lim - 1e-12, ACCURACY_AT_LEAST, -1)
            and _target_or_near(gap[CANDIDATE], gap[BASELINE],
                                lambda v, lim: v <= lim + 1e-12, GAP_AT_MOST, +1))
    if all(k in results for k in ("public", "health", "validation")):
        corpora = [results["public"].get(n) for n in ("clinc150", "snips")]
        public_ok = all(isinstance(c, dict) for c in corpora) and all(
            c["p_topic_worse"] >= NOISE and c["p_held_worse"] >= NOISE for c in corpora)
        h = results["health"]
        health_ok = "all" in h and _p(h, "all", "p_worse") >= NOISE
        v = results["validation"]
        caught, held = v["sensitive_caught"][CANDIDATE], v["everyday_held_back"][CANDIDATE]
        validation_ok = (caught["count"] >= VALIDATION_CAUGHT_AT_LEAST * caught["of"]
                         and held["count"] <= EVERYDAY_HELD_AT_MOST * held["of"])
        out["4 public and validation sets"] = bool(public_ok and health_ok and validation_ok)
    if "cost" in results:
        out["5 cost"] = text_v14.cost_met(results["cost"], BASELINE)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.text_v16",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("--v15", help="v15's shipped model (zlib pickle)")
    parser.add_argument("--sets", default="", help="comma-separated: " + ", ".join(MEASURES))
    parser.add_argument("--cost", action="store_true",
                        help="load + read cost, six fresh processes alternating with v15's")
    parser.add_argument("--public", action="store_true", help="CLINC150 and SNIPS (as --sets)")
    parser.add_argument("--health", action="store_true", help="the health corpora (as --sets)")
    parser.add_argument("--merge", nargs="*", default=[], help="saved outputs to judge together")
    args = parser.parse_args(argv)
    results = text_v14.merged(args.merge)
    sets = [name for name in args.sets.split(",") if name]
    sets += [name for name, on in (("public", args.public), ("health", args.health))
             if on and name not in sets]
    unknown = [name for name in sets if name not in MEASURES]
    if unknown:
        parser.error(f"unknown sets: {', '.join(unknown)}")
    if (sets or args.cost) and not args.v15:
        parser.error("--v15 is needed to compare with v15")
    if sets:
        model, v15 = text_v14.read_pair(Path(args.v15), CANDIDATE, BASELINE)
        for name in sets:
            results[name] = MEASURES[name](model, v15)
    if args.cost:
        results["cost"] = text_v14.measure_cost(runs=3, v13=Path(args.v15), candidate=CANDIDATE,
                                                baseline=BASELINE)
    results["rule"] = verdict(results)
    print(json.dumps(results, indent=1, default=str))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Model v15 against v13 on the fifth sealed set, under the confirmatory rule stated in
docs/ARCHITECTURE.md ("Model v15 again") before the set was written or read.

Run it where the product's model is v15 (the product since the rule held; it was first run on
branch `candidate-v15`); where the model is another version the run stops.

`python -m bench.text_v15_confirm --v13 FILE --sets sealed_v5` reads the product's model and
v13 from FILE (v13's shipped model: `git show 01df420:sample_data/prepared/text_model.pkl.zlib
> FILE`), measures both on the fifth sealed set message by message (`bench.text_v14`'s
measures: sensitive caught, everyday and look-alikes held back, one-sided exact sign tests, the
targets by language), adds sensitive caught by topic, and prints the figures and the rule's
conditions as JSON. `--cost` runs load + read of the sample's chats in six fresh processes
alternating v13, v15 (`bench.text_v14.measure_cost`). `--merge FILE...` judges saved outputs
together.
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

CANDIDATE = "v15"
SET = "sealed_v5"
SEALED_V5_CSV = text_v14.ROOT / "tests" / "data" / "chat_sealed_v5.csv"
# The rule's margins (docs/ARCHITECTURE.md, "Model v15 again"), fixed before any read.
EVERYDAY_HELD_AT_MOST = 0.05
EVERYDAY_HELD_MARGIN = 0.020  # points above v13, as a share
LOOKALIKES_HELD_MARGIN = 0.040
ACCURACY_AT_LEAST, GAP_AT_MOST, SLACK = 0.85, 0.10, 0.01


def measure(model: tm.TextModel, v13: tm.TextModel, path: Path = SEALED_V5_CSV
            ) -> dict[str, Any]:
    """`bench.text_v14.measure_hand`'s figures on the set at `path`, the health messages alone
    and sensitive caught per topic of Meta's list, for both models."""
    labelled = tm.handwritten_set(path)
    if labelled is None:
        raise FileNotFoundError(path)
    new, old = text_v14.flags(model, labelled.texts), text_v14.flags(v13, labelled.texts)
    out = text_v14.measure_labelled(labelled, model, v13, CANDIDATE, held=(new, old))
    topics = np.asarray(labelled.topics, dtype=str)
    out["caught_by_topic"] = {
        topic: {CANDIDATE: text_v14._share(new, topics == topic),
                "v13": text_v14._share(old, topics == topic),
                "against_v13": text_v14.discord(new, old, topics == topic, True, CANDIDATE)}
        for topic in schema.SENSITIVE_META7}
    return out


def verdict(results: dict[str, Any]) -> dict[str, bool]:
    """The confirmatory rule's conditions for what was measured."""
    out: dict[str, bool] = {}
    if SET in results:
        r = results[SET]
        caught = r["sensitive_caught"]["against_v13"]
        out["1 sensitive caught, better beyond noise"] = bool(caught["p_better"] < text_v14.NOISE)
        held = r["everyday_held_back"]
        out["2 everyday held back"] = bool(
            held[CANDIDATE]["share"] <= EVERYDAY_HELD_AT_MOST
            and held[CANDIDATE]["share"] - held["v13"]["share"] <= EVERYDAY_HELD_MARGIN + 1e-12)
        look = r["lookalikes_held_back"]
        out["3 look-alikes held back"] = bool(
            look[CANDIDATE]["share"] - look["v13"]["share"] <= LOOKALIKES_HELD_MARGIN + 1e-12)
        accuracy, gap = r["everyday_accuracy"], r["non_english_gap"]
        accuracy_ok = (accuracy[CANDIDATE] >= ACCURACY_AT_LEAST if accuracy["v13"]
                       >= ACCURACY_AT_LEAST else accuracy[CANDIDATE] >= accuracy["v13"] - SLACK)
        gap_ok = (gap[CANDIDATE] <= GAP_AT_MOST if gap["v13"] <= GAP_AT_MOST
                  else gap[CANDIDATE] <= gap["v13"] + SLACK)
        out["4 everyday accuracy and language gap"] = bool(accuracy_ok and gap_ok)
    if "cost" in results:
        out["5 cost"] = text_v14.cost_met(results["cost"])
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.text_v15_confirm",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("--v13", help="v13's shipped model (zlib pickle)")
    parser.add_argument("--sets", default="", help=f"comma-separated: {SET}")
    parser.add_argument("--cost", action="store_true",
                        help="load + read cost, six fresh processes alternating with v13's")
    parser.add_argument("--merge", nargs="*", default=[], help="saved outputs to judge together")
    args = parser.parse_args(argv)
    results = text_v14.merged(args.merge)
    sets = [name for name in args.sets.split(",") if name]
    if sets or args.cost:
        if not args.v13:
            parser.error("--v13 is needed to compare with v13")
    if sets:
        if sets != [SET]:
            parser.error(f"the rule reads one set: {SET}")
        results[SET] = measure(*text_v14.read_pair(Path(args.v13), CANDIDATE))
    if args.cost:
        results["cost"] = text_v14.measure_cost(runs=3, v13=Path(args.v13), candidate=CANDIDATE)
    results["rule"] = verdict(results)
    print(json.dumps(results, indent=1, default=str))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""The candidate model v14 (a broad health vocabulary in the training text) against v13, under
the adoption rule stated in docs/ARCHITECTURE.md ("Model v14") before v14 was trained. v14 was
measured and not adopted: its training text is kept out of the product, in commit 9badc43
(branch `candidate-v14`). Run this on that commit, where the product's model is v14; on the
product's code it compares v13 with itself.

`python -m bench.text_v14 --v13 FILE --sets validation` reads the product's model and v13 from
FILE (v13's shipped model: `git show 01df420:sample_data/prepared/text_model.pkl.zlib > FILE`),
measures both on each named set message by message (one-sided exact sign tests) and prints the
results as JSON with the rule's conditions for the sets measured. Sets, in the order the rule
reads them: `validation` (hand-written), `public` (CLINC150 and SNIPS, from ADLENS_CLINC150 and
ADLENS_SNIPS), `health` (the consumer health questions, from ADLENS_LIVEQA_MED and
ADLENS_MEDIQA), then `sealed_v3`, `sealed_v2`, `sealed` (figures only). `--cost` measures the
load + read of the sample's chats in three fresh processes (`bench.cases_text`) and the size on
disk. `--merge FILE...` reads saved outputs and prints the conditions over all of them.

The same code judges a later candidate under its own rule: `bench.text_v15` names the candidate
(`candidate`, the keys of the figures), adds the fourth sealed set and alternates the cost runs
with v13's.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import zlib
from pathlib import Path
from typing import Any

import numpy as np

from adlens import schema
from adlens import text_model as tm
from bench import text_v11
from bench.text_v10 import sign_test

NOISE = 0.05  # a one-sided sign test under this: worse (or, for condition 1, better) beyond noise
COST_MB, COST_SECONDS, COST_RUNS = 50.0, 2.0, 3
ROOT = Path(__file__).resolve().parents[1]
SEALED_V4_CSV = ROOT / "tests" / "data" / "chat_sealed_v4.csv"
CANDIDATE = "v14"  # the key of the candidate's figures (bench.text_v15 passes "v15")
BASELINE = "v13"  # the key of the baseline's figures (bench.text_v16 passes "v15")


def hand_set(name: str) -> tm.LabelledTexts:
    from adlens import engine

    path = {"validation": tm.VALIDATION_CSV, "sealed": tm.SEALED_CSV,
            "sealed_v2": engine.SEALED_V2_CSV, "sealed_v3": engine.SEALED_V3_CSV,
            "sealed_v4": getattr(engine, "SEALED_V4_CSV", SEALED_V4_CSV)}[name]
    labelled = tm.handwritten_set(path)
    if labelled is None:
        raise FileNotFoundError(path)
    return labelled


def flags(model: tm.TextModel, texts: np.ndarray) -> np.ndarray:
    """Held back on Meta's list at the model's own threshold, per message."""
    codes, p = model.infer(np.asarray(texts, dtype=object))
    return np.asarray(model.flag_sensitive(codes, p["meta7"], "meta7"), dtype=bool)


def discord(new: np.ndarray, old: np.ndarray, mask: np.ndarray, good: bool,
            candidate: str = CANDIDATE, baseline: str = BASELINE) -> dict[str, Any]:
    """On the messages of `mask`: how many only the candidate (v14) gets right, how many only
    the baseline (v13) does (right: held back when `good`, not held back otherwise), and the
    one-sided exact sign tests for "candidate worse" and "candidate better"."""
    right_new, right_old = (new, old) if good else (~new, ~old)
    only_new = int((mask & right_new & ~right_old).sum())
    only_old = int((mask & right_old & ~right_new).sum())
    return {f"{candidate}_only": only_new, f"{baseline}_only": only_old,
            "p_worse": sign_test(only_old, only_new), "p_better": sign_test(only_new, only_old)}


def _share(hit: np.ndarray, mask: np.ndarray) -> dict[str, Any]:
    n = int(mask.sum())
    return {"count": int(hit[mask].sum()), "of": n,
            "share": round(float(hit[mask].mean()), 4) if n else None}


def measure_hand(name: str, model: tm.TextModel, v13: tm.TextModel,
                 candidate: str = CANDIDATE, baseline: str = BASELINE) -> dict[str, Any]:
    """Sensitive caught, everyday and look-alikes held back for both models, message by
    message, and the candidate's figures against the issue's targets (by language)."""
    return measure_labelled(hand_set(name), model, v13, candidate, baseline=baseline)


def measure_labelled(labelled: tm.LabelledTexts, model: tm.TextModel, v13: tm.TextModel,
                     candidate: str = CANDIDATE, held: tuple[np.ndarray, np.ndarray] | None = None,
                     baseline: str = BASELINE) -> dict[str, Any]:
    """`measure_hand` on a labelled set already read; `held`: both models' `flags` on it, when
    the caller has them. `v13` is the baseline model, its figures under the key `baseline`."""
    new, old = held or (flags(model, labelled.texts), flags(v13, labelled.texts))
    topics = np.asarray(labelled.topics, dtype=str)
    hard = np.asarray(labelled.kinds, dtype=str) == "hard_negative"
    masks = {"sensitive_caught": (np.isin(topics, schema.SENSITIVE_META7), True),
             "everyday_held_back": (np.isin(topics, schema.EVERYDAY_TOPICS) & ~hard, False),
             "lookalikes_held_back": (hard, False)}
    out: dict[str, Any] = {}
    for key, (mask, good) in masks.items():
        out[key] = {candidate: _share(new, mask), baseline: _share(old, mask),
                    f"against_{baseline}": discord(new, old, mask, good, candidate, baseline)}
    report = tm.language_report(model, labelled).set_index("language")
    base = tm.language_report(v13, labelled).set_index("language")
    out["targets"] = tm.target_checks(report)
    out[f"{baseline}_targets"] = tm.target_checks(base)
    out["everyday_accuracy"] = {
        candidate: round(float(report.loc["all", "everyday_accuracy"]), 4),
        baseline: round(float(base.loc["all", "everyday_accuracy"]), 4)}
    out["non_english_gap"] = {candidate: round(tm.non_english_gap(report), 4),
                              baseline: round(tm.non_english_gap(base), 4)}
    out["by_language"] = report.round(4).reset_index().to_dict("records")
    return out


def measure_health(model: tm.TextModel, v13: tm.TextModel,
                   candidate: str = CANDIDATE, baseline: str = BASELINE) -> dict[str, Any]:
    """The consumer health questions (every one about health, so every one should be held
    back): caught by each model over all of them (each question once) and per source, and
    the sign tests on the questions where the two differ."""
    from bench import public_intents as pub

    folders = pub.health_folders()
    if len(folders) < len(pub.HEALTH_CORPORA):
        return {"missing": pub.missing_health_corpora()}
    frame = pub.load_health(folders)
    once = ~frame["text"].map(pub._norm).duplicated().to_numpy()
    new, old = flags(model, frame["text"]), flags(v13, frame["text"])
    out: dict[str, Any] = {"all": {
        candidate: _share(new, once), baseline: _share(old, once),
        f"against_{baseline}": discord(new, old, once, True, candidate, baseline)}}
    for source in dict.fromkeys(frame["source"]):
        sel = (frame["source"] == source).to_numpy()
        out[source] = {candidate: _share(new, sel), baseline: _share(old, sel),
                       f"against_{baseline}": discord(new, old, sel, True, candidate, baseline)}
    out[f"{candidate}_figures"] = pub.measure_sensitive(model, frame)
    copies: dict[str, int] = {}
    for name, folder in folders.items():
        copies.update({f"{name}:{k}": v for k, v in
                       pub.project_copies(pub.HEALTH_SENTENCES[name](folder)).items()})
    out["copies"] = copies
    return out


def measure_public(model: tm.TextModel, v13: tm.TextModel,
                   candidate: str = CANDIDATE, baseline: str = BASELINE) -> dict[str, Any]:
    """CLINC150 and SNIPS, request by request (bench.text_v11's measure, `v13` as baseline,
    its figures named `baseline`)."""
    return {name: ({k.replace("v7", baseline): v for k, v in r.items()} if isinstance(r, dict)
                   else r) for name, r in text_v11.measure_public(model, v13).items()}


_COST_CODE = ("import json; from bench.cases_text import load_and_infer_sample as f; "
              "from adlens import text_model as tm; r = f(); "
              "r['version'] = tm.load_text_model().version; print(json.dumps(r))")


def _cost_run(cache: str | None = None) -> dict[str, Any]:
    """One fresh process: load + read the sample's chats (from the cache folder `cache`, else
    the environment's)."""
    env = dict(os.environ) if cache is None else {**os.environ, "ADLENS_CACHE": cache}
    done = subprocess.run([sys.executable, "-c", _COST_CODE], cwd=ROOT, check=True,
                          capture_output=True, text=True, env=env)
    return json.loads(done.stdout.strip().splitlines()[-1])


def _cost_figures(found: list[dict[str, Any]]) -> dict[str, Any]:
    seconds = [round(r["seconds"], 3) for r in found]
    return {"seconds": seconds, "median_seconds": statistics.median(seconds),
            "model_file_mb": found[0]["detail"]["model_file_mb"],
            "encoder_files_mb": found[0]["detail"]["encoder_files_mb"],
            "mb_on_disk": found[0]["detail"]["model_mb_on_disk"],
            "read_by_encoder_share": found[0]["detail"]["read_by_encoder_share"],
            "versions": sorted({r["version"] for r in found})}


def measure_cost(runs: int = COST_RUNS, v13: Path | None = None,
                 candidate: str = CANDIDATE, baseline: str = BASELINE) -> dict[str, Any]:
    """Load + read the sample's chats, each run in a fresh process, and the size on disk.
    With `v13` (the baseline's shipped file), the runs alternate baseline, candidate,
    baseline, candidate...: each model is put alone into its own cache folder, under the name
    the product's code reads, so both are read by the same code from the same kind of place."""
    import shutil
    import tempfile

    loads = [os.getloadavg()[0]]
    if v13 is None:
        found = [_cost_run() for _ in range(runs)]
        return {**_cost_figures(found), "load_average": os.getloadavg()[0]}
    name = tm.model_path().name
    with tempfile.TemporaryDirectory() as folder:
        caches = {baseline: Path(folder) / baseline, candidate: Path(folder) / candidate}
        for cache in caches.values():
            cache.mkdir()
        (caches[baseline] / name).write_bytes(zlib.decompress(Path(v13).read_bytes()))
        shutil.copyfile(tm.model_path(), caches[candidate] / name)
        found: dict[str, list[dict[str, Any]]] = {baseline: [], candidate: []}
        for _ in range(runs):
            for key in (baseline, candidate):
                found[key].append(_cost_run(str(caches[key])))
                loads.append(os.getloadavg()[0])
    out = _cost_figures(found[candidate])
    base = _cost_figures(found[baseline])
    out.update({f"{baseline}_seconds": base["seconds"],
                f"{baseline}_median_seconds": base["median_seconds"],
                f"{baseline}_mb_on_disk": base["mb_on_disk"],
                f"{baseline}_read_by_encoder_share": base["read_by_encoder_share"],
                f"{baseline}_versions": base["versions"], "load_averages": loads,
                "load_average": os.getloadavg()[0]})
    return out


def _no_worse(r: dict[str, Any], *keys: str) -> bool:
    return all(r[k]["against_v13"]["p_worse"] >= NOISE for k in keys)


def verdict(results: dict[str, Any], candidate: str = CANDIDATE,
            sealed: tuple[str, ...] = ("sealed_v3", "sealed_v2", "sealed")) -> dict[str, bool]:
    """The rule's conditions for the sets measured (a condition over several sets only when
    all of them are). Condition 4 asks every figure of the first of `sealed` (the set read for
    the first time, or the least read) and caught and everyday held back of the others. The
    cost condition, when v13's runs alternate with the candidate's and v13's median is over
    2 s (a busy machine), is read as the candidate's median at most 1.2 times v13's."""
    out: dict[str, bool] = {}
    if "health" in results:
        h = results["health"]
        out["1 consumer health questions"] = bool(
            "all" in h and h["all"]["against_v13"]["p_better"] < NOISE)
    if "validation" in results:
        r = results["validation"]
        out["2 validation"] = bool(
            r["sensitive_caught"][candidate]["count"]
            >= 0.95 * r["sensitive_caught"][candidate]["of"]
            and r["everyday_held_back"][candidate]["count"]
            <= 0.05 * r["everyday_held_back"][candidate]["of"]
            and _no_worse(r, "sensitive_caught", "everyday_held_back", "lookalikes_held_back"))
    if "public" in results:
        corpora = [results["public"].get(n) for n in ("clinc150", "snips")]
        out["3 CLINC150 and SNIPS"] = all(isinstance(c, dict) for c in corpora) and all(
            c["p_topic_worse"] >= NOISE and c["p_held_worse"] >= NOISE for c in corpora)
    if all(s in results for s in sealed):
        first = results[sealed[0]]
        t = first["targets"]
        out["4 sealed sets"] = bool(
            _no_worse(first, "sensitive_caught", "everyday_held_back", "lookalikes_held_back")
            and t["everyday_accuracy"] and t["everyday_held_back"] and t["non_english_gap"]
            and all(_no_worse(results[s], "sensitive_caught", "everyday_held_back")
                    for s in sealed[1:]))
    if "cost" in results:
        out["5 cost"] = cost_met(results["cost"])
    return out


def cost_met(c: dict[str, Any], baseline: str = BASELINE) -> bool:
    """The cost condition: at most COST_MB on disk and a median load + read of at most
    COST_SECONDS, or of 1.2 times the baseline's (v13's) when its alternating runs took longer
    (a busy machine)."""
    limit = COST_SECONDS
    base = c.get(f"{baseline}_median_seconds")
    if base is not None and base > COST_SECONDS:
        limit = 1.2 * base
    return bool(c["mb_on_disk"] <= COST_MB and c["median_seconds"] <= limit)


MEASURES = {"validation": lambda m, b, c=CANDIDATE: measure_hand("validation", m, b, c),
            "public": measure_public, "health": measure_health,
            "sealed_v4": lambda m, b, c=CANDIDATE: measure_hand("sealed_v4", m, b, c),
            "sealed_v3": lambda m, b, c=CANDIDATE: measure_hand("sealed_v3", m, b, c),
            "sealed_v2": lambda m, b, c=CANDIDATE: measure_hand("sealed_v2", m, b, c),
            "sealed": lambda m, b, c=CANDIDATE: measure_hand("sealed", m, b, c)}


def merged(paths: list[str]) -> dict[str, Any]:
    """Saved outputs' figures together (their verdicts left out: judged again)."""
    results: dict[str, Any] = {}
    for path in paths:
        saved = json.loads(Path(path).read_text())
        results.update({k: v for k, v in saved.items() if k != "rule"})
    return results


def read_pair(v13_file: Path, candidate: str, baseline: str = BASELINE
              ) -> tuple[tm.TextModel, tm.TextModel]:
    """The product's model, which must be `candidate`, and the baseline (v13) from its shipped
    file."""
    model, v13 = tm.load_text_model(), text_v11.read_shipped(v13_file)
    if f"v{model.version}" != candidate or f"v{v13.version}" != baseline:
        raise SystemExit(f"expected {candidate} against {baseline}, got v{model.version} and "
                         f"v{v13.version}")
    return model, v13


def main(argv: list[str] | None = None, candidate: str = CANDIDATE,
         sealed: tuple[str, ...] = ("sealed_v3", "sealed_v2", "sealed"),
         prog: str = "python -m bench.text_v14", description: str | None = None) -> int:
    parser = argparse.ArgumentParser(prog=prog,
                                     description=description or __doc__.splitlines()[0])
    parser.add_argument("--v13", help="v13's shipped model (zlib pickle)")
    parser.add_argument("--sets", default="", help="comma-separated: " + ", ".join(MEASURES))
    parser.add_argument("--cost", action="store_true",
                        help="load + read cost, fresh processes (alternating with v13's when "
                             "--v13 is given and the candidate is not v14)")
    parser.add_argument("--merge", nargs="*", default=[], help="saved outputs to judge together")
    args = parser.parse_args(argv)
    results = merged(args.merge)
    sets = [name for name in args.sets.split(",") if name]
    if sets:
        if not args.v13:
            parser.error("--v13 is needed to compare with v13")
        model, v13 = read_pair(Path(args.v13), candidate)
        for name in sets:
            results[name] = MEASURES[name](model, v13, candidate)
    if args.cost:
        alternate = args.v13 is not None and candidate != "v14"
        results["cost"] = measure_cost(v13=Path(args.v13) if alternate else None,
                                       candidate=candidate)
    results["rule"] = verdict(results, candidate, sealed)
    print(json.dumps(results, indent=1, default=str))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

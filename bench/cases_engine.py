"""Benchmarks of the personalisation engine: scoring and attributing a large population, and the
cost of a scenario toggle in the app (per-dataset `prepare` runs untimed in each setup).
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from bench.harness import Case

SAMPLE = Path(__file__).resolve().parent.parent / "sample_data"
CACHE = Path("/tmp/adlens-bench")


def cases() -> list[Case]:
    return [
        Case("engine: score + attribute 100k people x all ads",
             func="bench.cases_engine:score_population", target="≤ 5 s", max_seconds=5,
             kwargs={"n_users": 100_000}),
        Case("engine: scenario toggle on bundled sample",
             func="bench.cases_engine:toggle_sample", target="≤ 0.2 s", max_seconds=0.2),
        Case("engine: prepare bundled sample (text model cached)",
             func="bench.cases_engine:prepare_sample", target="≤ 15 s", max_seconds=15),
    ]


def _population(n_users: int, seed: int = 7) -> Path:
    """Generate once into a cache folder; a marker file says the folder is complete."""
    from adlens.simulate import generate_to_dir

    folder = CACHE / f"population-{n_users}-seed{seed}"
    if not (folder / "COMPLETE").exists():
        folder.mkdir(parents=True, exist_ok=True)
        generate_to_dir(n_users, seed, folder)
        (folder / "COMPLETE").write_text("ok\n")
    return folder


def score_population(n_users: int) -> dict:
    from adlens import engine
    from adlens.contract import load_dataset
    from adlens.scenario import Scenario

    dataset = load_dataset(_population(n_users), max_bytes=10 * 1024**3)
    prepared = engine.prepare(dataset)
    start = time.perf_counter()
    result = engine.run_scenario(prepared, Scenario())
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "detail": {
        "users": dataset.n_users, "events": dataset.n_events, "ads": len(dataset.ads),
        "recommendations": len(result.recommendations),
        "exclusions": len(result.exclusions), "weights_source": result.weights_source,
        "ai_chat_share": round(float(result.signal_shares()["ai_chat"].iloc[0]), 4),
    }}


def toggle_sample() -> dict:
    """Median of the toggles an analyst makes in the sidebar, each on a warm prepared dataset."""
    from adlens import engine
    from adlens.contract import load_dataset
    from adlens.scenario import Scenario

    prepared = engine.prepare(load_dataset(SAMPLE))
    base = Scenario()
    engine.run_scenario(prepared, base)
    toggles = [base.with_(ai_chat=False), base.with_(excluded_regions=("EU", "UK")),
               base.with_(sensitive_list="gdpr9"), base.with_(link_rule=False),
               base.with_(half_lives={"ai_chat": 30}), base]
    times = []
    for scenario in toggles:
        start = time.perf_counter()
        engine.run_scenario(prepared, scenario)
        times.append(time.perf_counter() - start)
    return {"seconds": statistics.median(times),
            "detail": {"max_seconds": round(max(times), 3), "toggles": len(times),
                       "users": prepared.codes.n_users}}


def prepare_sample() -> dict:
    from adlens import engine
    from adlens.contract import load_dataset
    from adlens.text_model import load_text_model

    dataset = load_dataset(SAMPLE)
    load_text_model()  # trained once per machine and cached on disk; not what this measures
    start = time.perf_counter()
    prepared = engine.prepare(dataset)
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "detail": {"weights_source": prepared.weights_source,
                                           "auc_heldout": round(
                                               prepared.click_model.auc_heldout, 3)}}

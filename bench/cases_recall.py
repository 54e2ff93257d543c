"""Benchmarks of the recall model: coincidences, labels, aggregates and the microphone event study.

Each function loads or generates its dataset and runs the engine's `prepare` untimed; only
`analyse_recall` (which includes the engine's attribution of the later ads) is timed.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from bench.harness import Case

SAMPLE = Path(__file__).resolve().parent.parent / "sample_data"


def cases() -> list[Case]:
    return [
        Case("recall: coincidences + event study, bundled sample",
             func="bench.cases_recall:recall_sample", target="≤ 1 s", max_seconds=1.0),
        Case("recall: coincidences + event study, 100k people",
             func="bench.cases_recall:recall_generated", target="≤ 15 s", max_seconds=15,
             kwargs={"n_users": 100_000}),
    ]


def _timed(dataset) -> dict:
    from adlens import engine
    from adlens.recall import analyse_recall
    from adlens.scenario import Scenario

    prepared = engine.prepare(dataset)
    start = time.perf_counter()
    result = analyse_recall(prepared, Scenario())
    seconds = time.perf_counter() - start
    share = result.aggregates["summary"].set_index("region").loc["All", "share_forgotten_prior"]
    return {"seconds": seconds, "detail": {
        "users": dataset.n_users, "events": dataset.n_events,
        "coincidences": len(result.coincidences),
        "prior_exposures": len(result.prior_exposures),
        "share_forgotten": round(float(share), 3),
        "event_study_conversations": result.statistic["n_conversations"],
        "statistic": round(result.statistic["value"], 3),
        "ci": [round(result.statistic["ci_low"], 3), round(result.statistic["ci_high"], 3)],
    }}


def recall_sample() -> dict:
    from adlens.contract import load_dataset

    return _timed(load_dataset(SAMPLE))


def recall_generated(n_users: int) -> dict:
    from adlens.contract import load_dataset
    from adlens.simulate import generate_to_dir

    with tempfile.TemporaryDirectory() as folder:
        generate_to_dir(n_users, 7, folder)
        dataset = load_dataset(folder, max_bytes=10 * 1024**3)
    return _timed(dataset)

"""Benchmarks of the data contract: loading the bundled sample and a large CSV upload.

Each function does its own setup and times only the load and validation.
"""

from __future__ import annotations

import time
from pathlib import Path

import pandas as pd

from bench.harness import Case

SAMPLE = Path(__file__).resolve().parent.parent / "sample_data"


def cases() -> list[Case]:
    return [
        Case("contract: load + validate bundled sample (Parquet)",
             func="bench.cases_contract:load_sample", target="≤ 1 s", max_seconds=1.0),
        Case("contract: validate a 1M-event CSV upload",
             func="bench.cases_contract:load_large_csv_upload", target="≤ 15 s, ≤ 2.5 GB",
             max_seconds=15, max_rss_mb=2500, kwargs={"n_events": 1_000_000}),
    ]


def load_sample() -> dict:
    from adlens.contract import load_dataset

    start = time.perf_counter()
    dataset = load_dataset(SAMPLE)
    seconds = time.perf_counter() - start
    return {"seconds": seconds,
            "detail": {"users": dataset.n_users, "events": dataset.n_events}}


def load_large_csv_upload(n_events: int) -> dict:
    from adlens.contract import load_dataset, load_uploaded

    sample = load_dataset(SAMPLE)
    repeats = -(-n_events // sample.n_events)
    events = pd.concat([sample.events] * repeats, ignore_index=True).iloc[:n_events]
    events["event_id"] = "e" + pd.RangeIndex(len(events)).astype("str")
    files = {
        "users.csv": sample.users.to_csv(index=False).encode(),
        "ads.csv": sample.ads.to_csv(index=False).encode(),
        "events.csv": events.to_csv(index=False).encode(),
    }
    del events
    start = time.perf_counter()
    dataset = load_uploaded(files)
    seconds = time.perf_counter() - start
    return {"seconds": seconds,
            "detail": {"events": dataset.n_events,
                       "events_csv_mb": round(len(files["events.csv"]) / 1024**2, 1)}}

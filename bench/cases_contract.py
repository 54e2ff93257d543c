"""Benchmarks of the data contract: loading the bundled sample and large CSV uploads.

Each function does its own setup and times only the load and validation.
"""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np
import pandas as pd

from bench.harness import Case

SAMPLE = Path(__file__).resolve().parent.parent / "sample_data"


def cases() -> list[Case]:
    return [
        Case("contract: load + validate bundled sample (Parquet)",
             func="bench.cases_contract:load_sample", target="≤ 1 s", max_seconds=1.0),
        Case("contract: validate a 1M-event CSV upload",
             func="bench.cases_contract:load_large_csv_upload", target="≤ 15 s, ≤ 2.5 GB",
             max_seconds=15, max_rss_mb=2500, kwargs={"n_users": 0, "n_events": 1_000_000}),
        Case("contract: validate 1M users + 2M events (CSV upload)",
             func="bench.cases_contract:load_large_csv_upload", target="≤ 30 s, ≤ 4 GB",
             max_seconds=30, max_rss_mb=4000,
             kwargs={"n_users": 1_000_000, "n_events": 2_000_000}),
    ]


def load_sample() -> dict:
    from adlens.contract import load_dataset

    start, cpu = time.perf_counter(), time.process_time()
    dataset = load_dataset(SAMPLE)
    seconds = time.perf_counter() - start
    # CPU seconds too: on a shared machine the wall time also counts other people's work.
    return {"seconds": seconds,
            "detail": {"users": dataset.n_users, "events": dataset.n_events,
                       "cpu_seconds": round(time.process_time() - cpu, 2)}}


def load_large_csv_upload(n_users: int, n_events: int) -> dict:
    """The sample's rows repeated to size; with n_users, people are repeated too and every
    event is reassigned to one of them (n_users=0 keeps the sample's people)."""
    from adlens.contract import load_dataset, load_uploaded

    sample = load_dataset(SAMPLE)
    users = sample.users
    events = pd.concat([sample.events] * -(-n_events // sample.n_events),
                       ignore_index=True).iloc[:n_events]
    events["event_id"] = "e" + pd.RangeIndex(len(events)).astype("str")
    if n_users:
        users = pd.concat([users] * -(-n_users // len(users)), ignore_index=True).iloc[:n_users]
        users["user_id"] = "p" + pd.RangeIndex(n_users).astype("str")
        people = np.random.default_rng(0).integers(0, n_users, len(events))
        events["user_id"] = "p" + pd.Series(people).astype("str")
    files = {
        "users.csv": users.to_csv(index=False).encode(),
        "ads.csv": sample.ads.to_csv(index=False).encode(),
        "events.csv": events.to_csv(index=False).encode(),
    }
    del events, users, sample
    start, cpu = time.perf_counter(), time.process_time()
    dataset = load_uploaded(files)
    seconds = time.perf_counter() - start
    return {"seconds": seconds,
            "detail": {"users": dataset.n_users, "events": dataset.n_events,
                       "cpu_seconds": round(time.process_time() - cpu, 2),
                       "csv_mb": round(sum(map(len, files.values())) / 1024**2, 1)}}

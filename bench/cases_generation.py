"""Benchmarks of the population generator: 10k, 100k and 1M people written as Parquet.

Each case generates into a fresh temporary folder and times the whole `generate_to_dir` call,
at the calibrated rates (published-2025: 25 ad impressions per person per day, recorded 1 in
`impression_thinning`, the bundled sample's factor; docs/CALIBRATION.md).
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from bench.harness import Case


def generate(n_users: int, seed: int = 1, chunk_users: int = 50_000) -> dict:
    from adlens.simulate import SimParams, generate_to_dir

    with tempfile.TemporaryDirectory(prefix="adlens-bench-") as tmp:
        start = time.perf_counter()
        counts = generate_to_dir(n_users, seed, tmp, fmt="parquet", chunk_users=chunk_users)
        seconds = time.perf_counter() - start
        size = sum(p.stat().st_size for p in Path(tmp).iterdir())
    return {"seconds": seconds, "detail": {
        "people": n_users,
        "events": counts["events"],
        "events_per_second": round(counts["events"] / seconds),
        "events_per_person": round(counts["events"] / n_users, 1),
        "parquet_mb": round(size / 2**20, 1),
        "impression_thinning": SimParams().impression_thinning,
    }}


def cases() -> list[Case]:
    return [
        Case("generation: 10k people to Parquet", "bench.cases_generation:generate",
             target="≤ 3 s", max_seconds=3, kwargs={"n_users": 10_000}),
        Case("generation: 100k people to Parquet", "bench.cases_generation:generate",
             target="≤ 30 s", max_seconds=30, kwargs={"n_users": 100_000}),
        Case("generation: 1M people to Parquet", "bench.cases_generation:generate",
             target="≤ 300 s, peak RSS ≤ 4 GB", max_seconds=300, max_rss_mb=4096,
             kwargs={"n_users": 1_000_000}),
    ]

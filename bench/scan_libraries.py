"""pandas, Arrow + numpy (the engine's way), DuckDB and Polars on the block pipeline's heaviest
scan: a block of people's events read from Parquet and summed, time-decayed, by person, topic
and event type. Each variant runs in its own process, one thread; its peak RSS is that
process's own high-water mark (VmHWM: `ru_maxrss` would start at the size of the parent, which
has read every person's id to cut the block).

`python -m bench.scan_libraries FOLDER [--block-people N] [--whole]` prints one JSON line per
variant: wall and CPU seconds, peak RSS, groups found (all variants must agree).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time

from bench.rss import own_peak_mb

AS_OF_MS = 1_769_904_000_000  # 2026-02-01 00:00 UTC: the end of the announced scenario's day
HALF_LIFE_DAYS = 30.0
VARIANTS = ("pandas", "arrow_numpy", "duckdb", "polars")


def _bounds(folder: str, block_people: int, whole: bool) -> tuple[str, str]:
    import pyarrow.parquet as pq

    ids = pq.read_table(f"{folder}/users.parquet", columns=["user_id"])["user_id"]
    ids = sorted(ids.to_pylist())
    if whole:
        return ids[0], ids[-1]
    middle = len(ids) // 2  # a block from the middle: not helped by being first in the file
    return ids[middle], ids[min(middle + block_people, len(ids)) - 1]


def run_variant(name: str, folder: str, lo: str, hi: str) -> dict:
    events = f"{folder}/events.parquet"
    cols = ["user_id", "topic", "event_type", "ts"]
    # Imports are not timed: a block pipeline imports its library once per process.
    import numpy  # noqa: F401
    import pyarrow.dataset  # noqa: F401

    __import__({"pandas": "pandas", "arrow_numpy": "pyarrow.compute", "duckdb": "duckdb",
                "polars": "polars"}[name])
    start, cpu = time.perf_counter(), time.process_time()
    if name == "pandas":
        import numpy as np
        import pandas as pd

        ev = pd.read_parquet(events, columns=cols, filters=[("user_id", ">=", lo),
                                                            ("user_id", "<=", hi)])
        ms = ev["ts"].dt.as_unit("ms").astype("int64")
        ev = ev[ms < AS_OF_MS]
        age = (AS_OF_MS - ms[ms < AS_OF_MS]) / 86_400_000
        ev = ev.assign(w=np.exp2(-age / HALF_LIFE_DAYS))
        out = ev.groupby(["user_id", "topic", "event_type"], observed=True)["w"].sum()
        groups = len(out)
    elif name == "arrow_numpy":
        import numpy as np
        import pyarrow.compute as pc
        import pyarrow.dataset as pads

        data = pads.dataset(events, format="parquet")
        table = data.to_table(columns=cols, filter=(pc.field("user_id") >= lo)
                              & (pc.field("user_id") <= hi))
        ms = table["ts"].cast("int64").to_numpy() // 1000  # stored in microseconds
        keep = ms < AS_OF_MS
        codes = []
        sizes = []
        for col in ("user_id", "topic", "event_type"):
            enc = pc.dictionary_encode(table[col]).combine_chunks()
            codes.append(enc.indices.to_numpy(zero_copy_only=False).astype(np.int64))
            sizes.append(len(enc.dictionary))
        key = (codes[0] * sizes[1] + codes[1]) * sizes[2] + codes[2]
        w = np.exp2(-(AS_OF_MS - ms[keep]) / 86_400_000 / HALF_LIFE_DAYS)
        sums = np.bincount(key[keep], weights=w, minlength=sizes[0] * sizes[1] * sizes[2])
        groups = int(np.count_nonzero(np.bincount(key[keep], minlength=len(sums))))
        del sums
    elif name == "duckdb":
        import duckdb

        con = duckdb.connect(config={"threads": 1})
        groups = con.execute(f"""
            SELECT count(*) FROM (
              SELECT user_id, topic, event_type,
                     sum(pow(2, -(({AS_OF_MS} - epoch_ms(ts)) / 86400000.0) / {HALF_LIFE_DAYS}))
              FROM read_parquet('{events}')
              WHERE user_id BETWEEN ? AND ? AND epoch_ms(ts) < {AS_OF_MS}
              GROUP BY ALL)""", [lo, hi]).fetchone()[0]
    elif name == "polars":
        import polars as pl

        ms = pl.col("ts").dt.epoch("ms")
        groups = (pl.scan_parquet(events)
                  .filter((pl.col("user_id") >= lo) & (pl.col("user_id") <= hi)
                          & (ms < AS_OF_MS))
                  .group_by(["user_id", "topic", "event_type"])
                  .agg((2.0 ** (-((AS_OF_MS - ms) / 86_400_000) / HALF_LIFE_DAYS)).sum())
                  .collect().height)
    else:
        raise ValueError(name)
    return {"variant": name, "wall_s": round(time.perf_counter() - start, 3),
            "cpu_s": round(time.process_time() - cpu, 3),
            "peak_rss_mb": round(own_peak_mb()),
            "groups": int(groups)}


def compare(folder: str, block_people: int = 20_000, whole: bool = False) -> list[dict]:
    """Each variant in a fresh single-threaded process, on the same people."""
    lo, hi = _bounds(folder, block_people, whole)
    env = {**os.environ, "POLARS_MAX_THREADS": "1", "OMP_NUM_THREADS": "1",
           "OPENBLAS_NUM_THREADS": "1"}
    rows = []
    for name in VARIANTS:
        out = subprocess.run([sys.executable, "-m", "bench.scan_libraries", folder, "--one",
                              name, "--lo", lo, "--hi", hi], capture_output=True, text=True,
                             env=env, check=True)
        rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder")
    parser.add_argument("--block-people", type=int, default=20_000)
    parser.add_argument("--whole", action="store_true", help="everyone at once")
    parser.add_argument("--one", choices=VARIANTS, help=argparse.SUPPRESS)
    parser.add_argument("--lo", help=argparse.SUPPRESS)
    parser.add_argument("--hi", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_variant(args.one, args.folder, args.lo, args.hi)))
        return
    load = os.getloadavg()[0]
    for row in compare(args.folder, args.block_people, args.whole):
        print(json.dumps({**row, "load_before": round(load, 2),
                          "load_after": round(os.getloadavg()[0], 2)}))


if __name__ == "__main__":
    main()

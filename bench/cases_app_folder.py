"""Benchmark of a dataset folder in the app (adlens.block_cache, the path components.folder
runs): opening 1M people once, then a rule switch the first time and when seen before.

The folder is the engine cases' generated population (bench.cases_engine._population: made
once under /tmp/adlens-bench per size, seed and generator code, then reused); the blocks'
prepared state is kept between runs, so a re-run times the switches against an already opened
folder (detail "opened_now" says which), and every run clears the stored scenario results
first, so the first switch is always a first one.
"""

from __future__ import annotations

import os
import shutil
import time

from bench import cases_engine
from bench.harness import Case

CACHE = cases_engine.CACHE


def cases() -> list[Case]:
    return [
        Case("app: 1M people in the app, first rule switch (opened folder, 2 workers)",
             func="bench.cases_app_folder:folder_switches", target="≤ 60 s, then ≤ 2 s seen",
             max_seconds=60, max_detail={"seen_switch_s": 2.0},
             kwargs={"n_users": 1_000_000}, timeout=7200),
    ]


def folder_switches(n_users: int, seed: int = 3, workers: int = 2,
                    block_people: int = 20_000) -> dict:
    """Open the folder (unless opened before), then switch to a scenario not seen yet, then to
    it again. Seconds: the first switch."""
    from adlens import block_cache
    from adlens.scenario import Scenario

    folder = cases_engine._population(n_users, seed)
    cache = block_cache.FolderCache(folder, block_people=block_people,
                                    root=CACHE / "app-folder-cache")
    stages: dict[str, float] = {}
    start = time.perf_counter()

    def note(stage: str, done: int, total: int) -> None:
        stages[stage] = round(time.perf_counter() - start, 1)

    opened_now = not cache.is_open()
    load_open = os.getloadavg()[0]
    t = time.perf_counter()
    manifest = cache.open(progress=note, workers=workers)
    open_s = time.perf_counter() - t
    shutil.rmtree(cache.dir / "scenarios", ignore_errors=True)
    (cache.dir / "scenarios").mkdir()
    announced = Scenario.announced()
    switched = announced.with_(sensitive_list="gdpr9", excluded_regions=())
    load_before = os.getloadavg()[0]
    t = time.perf_counter()
    first = cache.run(switched, workers=workers)
    first_s = time.perf_counter() - t
    t = time.perf_counter()
    seen = cache.run(switched, workers=workers)
    seen_s = time.perf_counter() - t
    block_cache.shutdown_pools()
    state_mb = sum(p.stat().st_size for p in cache.dir.glob("block-*.pkl")) / 2**20
    return {"seconds": first_s, "detail": {
        "people": first.n_people, "events": first.n_events, "blocks": first.n_blocks,
        "workers": workers, "opened_now": opened_now, "open_s": round(open_s, 1),
        "open_cpu_s": manifest["cpu"], "open_stages_at_s": stages,
        "first_switch_s": round(first_s, 2), "first_switch_cpu_s": first.seconds["cpu"],
        "seen_switch_s": round(seen_s, 4), "seen_from_cache": seen.from_cache,
        "stored_state_mb": round(state_mb), "load_at_open": round(load_open, 2),
        "load_at_switch": round(load_before, 2),
        "load_after": round(os.getloadavg()[0], 2), "population": first.population}}

"""Benchmark of a dataset folder in the app (adlens.block_cache, the path components.folder
runs): opening 1M people once, then a rule switch the first time and when seen before.

The folder is the population kept at /tmp/adlens-bench/population-1000000-seed3 (generated
there once when it does not hold that population; else the engine cases' one, named by size,
seed and generator code); the blocks' prepared state is kept between runs, so a re-run times
the switches against an already opened folder (detail "opened_now" says which), and every run
clears the stored scenario results first, so the first switch is always a first one. The
calling process's and the largest worker's RSS are sampled every 0.5 s, per stage.
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

from bench import cases_engine
from bench.harness import Case
from bench.rss import RssPeaks

CACHE = cases_engine.CACHE


def cases() -> list[Case]:
    return [
        Case("app: 1M people in the app, first rule switch (opened folder, 2 workers)",
             func="bench.cases_app_folder:folder_switches", target="≤ 60 s, then ≤ 2 s seen",
             max_seconds=60, max_detail={"seen_switch_s": 2.0},
             kwargs={"n_users": 1_000_000,
                     "keep": str(CACHE / "population-1000000-seed3")}, timeout=7200),
    ]


def folder_switches(n_users: int, seed: int = 3, workers: int = 2,
                    block_people: int = 20_000, keep: str | None = None) -> dict:
    """Open the folder (unless opened before), then switch to a scenario not seen yet, then to
    it again. Seconds: the first switch. `keep`: a folder holding the population (generated
    there when it does not hold n_users people of this seed)."""
    from adlens import block_cache
    from adlens.scenario import Scenario
    from adlens.simulate import generate_to_dir
    from bench.cases_scale import _generated

    if keep is None:
        folder = cases_engine._population(n_users, seed)
    else:
        folder = Path(keep)
        if not _generated(folder, n_users, seed):
            generate_to_dir(n_users, seed, folder)
    cache = block_cache.FolderCache(folder, block_people=block_people,
                                    root=CACHE / "app-folder-cache")
    stages: dict[str, float] = {}
    start = time.perf_counter()

    def note(stage: str, done: int, total: int) -> None:
        stages[stage] = round(time.perf_counter() - start, 1)

    opened_now = not cache.is_open()
    load_open = os.getloadavg()[0]
    # This process and its largest worker, every 0.5 s, per stage.
    rss = RssPeaks(interval=0.5, stage="open").start()
    t = time.perf_counter()
    manifest = cache.open(progress=note, workers=workers)
    open_s = time.perf_counter() - t
    rss.stage("switch")
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
    rss.stop()
    peaks = {f"peak_rss_mb_{who}_{stage}": round(mb) for stage, peak in rss.stages.items()
             for who, mb in (("caller", peak.root_mb), ("largest_worker", peak.largest_child_mb))}
    state_mb = sum(p.stat().st_size for p in cache.dir.glob("block-*.pkl")) / 2**20
    return {"seconds": first_s, "detail": {
        "people": first.n_people, "events": first.n_events, "blocks": first.n_blocks,
        "workers": workers, "opened_now": opened_now, "open_s": round(open_s, 1),
        "open_cpu_s": manifest["cpu"], "open_stages_at_s": stages,
        "first_switch_s": round(first_s, 2), "first_switch_cpu_s": first.seconds["cpu"],
        "seen_switch_s": round(seen_s, 4), "seen_from_cache": seen.from_cache,
        "stored_state_mb": round(state_mb), "load_at_open": round(load_open, 2),
        "load_at_switch": round(load_before, 2),
        "load_after": round(os.getloadavg()[0], 2), "population": first.population,
        "row_group_blocks": manifest.get("row_groups"), **peaks}}

"""Benchmarks of the engine block by block (adlens.blocks, adlens.block_commands) on generated
Parquet populations: each step's wall time, CPU time and peak RSS, at 100k and 1M people (the
ratio of the two runs says how close to linear it is: near 10x), with the load average beside.

The end-to-end cases run the command line as a user would (generate, validate, then one pass
of blocks that scores, audits and finds coincidences), each step in its own process under
`nice -n 5`, timed by GNU time (CPU and peak RSS include the Dask worker processes).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

from bench.harness import Case
from bench.rss import RssPeaks, own_peak_mb

CACHE = Path("/tmp/adlens-bench")


def cases() -> list[Case]:
    return [
        Case("scale: 100k people end to end (generate, validate, score + attribute, audit, "
             "recall), blocks on 2 local workers", func="bench.cases_scale:end_to_end",
             target="≤ 60 s, ≤ 4 GB", max_seconds=60, max_rss_mb=4096,
             max_detail={"peak_rss_mb_all_processes": 4096},
             kwargs={"n_users": 100_000, "workers": 2, "generate_workers": 1}, timeout=3600),
        Case("scale: 1M people end to end (generate, validate, score + attribute, audit, "
             "recall), blocks on 2 local workers", func="bench.cases_scale:end_to_end",
             target="≤ 600 s, ≤ 4 GB", max_seconds=600, max_rss_mb=4096,
             max_detail={"peak_rss_mb_all_processes": 4096},
             kwargs={"n_users": 1_000_000, "workers": 2}, timeout=7200),
        Case("scale: 10M people generated and analysed (score + attribute, audit, recall in "
             "one pass), blocks on a 2-worker LocalCluster", func="bench.cases_scale:end_to_end",
             target="each worker ≤ 2 GB, the client ≤ 4 GB",
             max_detail={"score_audit_recall_peak_rss_mb_largest_other_sampled": 2048,
                         "score_audit_recall_peak_rss_mb_command_sampled": 4096},
             kwargs={"n_users": 10_000_000, "workers": 2, "validate": False,
                     "keep": str(CACHE / "population-10000000-seed3")},
             timeout=8 * 3600, on_request=True),
        Case("scale: 100k people generate, learn, check, score + attribute by blocks",
             func="bench.cases_scale:block_pipeline", target="≤ 60 s, ≤ 2 GB",
             max_seconds=60, max_rss_mb=2048, kwargs={"n_users": 100_000}, timeout=3600),
        Case("scale: 1M people generate, learn, check, score + attribute by blocks",
             func="bench.cases_scale:block_pipeline", target="≤ 600 s, ≤ 4 GB",
             max_seconds=600, max_rss_mb=4096, kwargs={"n_users": 1_000_000}, timeout=7200),
        Case("scale: 100k people by blocks, 2-worker LocalCluster against in process",
             func="bench.cases_scale:cluster_against_in_process", target="faster than in process",
             max_detail={"speed_up_shortfall": 0.0}, timeout=3600),
    ]


def block_pipeline(n_users: int, block_people: int = 20_000, seed: int = 3) -> dict:
    """Generate into a fresh folder, then learn the population pieces on a seeded sample and
    check, score and attribute everyone block by block; recommendations go to Parquet."""
    from adlens import blocks
    from adlens.scenario import Scenario
    from adlens.simulate import generate_to_dir

    steps, peaks, cpu = {}, {}, {}
    CACHE.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="adlens-scale-", dir=CACHE) as tmp:
        folder, out = Path(tmp) / "data", Path(tmp) / "recommendations"
        start, c0 = time.perf_counter(), time.process_time()
        counts = generate_to_dir(n_users, seed, folder)
        steps["generate_s"] = time.perf_counter() - start
        cpu["generate_cpu_s"] = time.process_time() - c0
        peaks["generate_peak_mb"] = own_peak_mb()
        t, c0 = time.perf_counter(), time.process_time()
        population = blocks.learn_population(folder)
        steps["learn_population_s"] = time.perf_counter() - t
        cpu["learn_cpu_s"] = time.process_time() - c0
        peaks["learn_peak_mb"] = own_peak_mb()
        t, c0 = time.perf_counter(), time.process_time()
        run = blocks.score_blocks(folder, Scenario.announced(), block_people=block_people,
                                population=population, out=out)
        steps["blocks_s"] = time.perf_counter() - t
        cpu["blocks_cpu_s"] = time.process_time() - c0
        peaks["blocks_peak_mb"] = own_peak_mb()
        total = time.perf_counter() - start
        parquet_mb = sum(p.stat().st_size for p in folder.iterdir()) / 2**20
    share = run.signal_shares()
    return {"seconds": total, "detail": {
        "people": run.n_people, "events": counts["events"], "blocks": run.n_blocks,
        "block_people": block_people, "parquet_mb": round(parquet_mb, 1),
        **{k: round(v, 1) for k, v in steps.items()}, **{k: round(v, 1) for k, v in cpu.items()},
        **{k: round(v) for k, v in peaks.items()},
        **{f"blocks_{k}_s": v for k, v in run.seconds.items() if k != "population"},
        "per_block_s": round(steps["blocks_s"] / max(run.n_blocks, 1), 2),
        "population": population.how, "recommendations": run.n_recommendations,
        "ai_chat_share": round(float(share["ai_chat"].iloc[0]), 4)}}


def cluster_against_in_process(n_users: int = 100_000, workers: int = 2,
                               block_people: int = 20_000) -> dict:
    """The same blocks in this process and on a LocalCluster of `workers` processes (the
    population pieces learned once, untimed); seconds = the cluster's wall time."""
    from adlens import blocks
    from adlens.scenario import Scenario
    from bench.cases_engine import _population

    folder = _population(n_users)
    population = blocks.learn_population(folder)
    scenario = Scenario.announced()
    start = time.perf_counter()
    here = blocks.score_blocks(folder, scenario, block_people=block_people,
                               population=population)
    in_process = time.perf_counter() - start
    client = blocks.dask_client(workers=workers)
    try:
        start = time.perf_counter()
        there = blocks.score_blocks(folder, scenario, block_people=block_people,
                                    population=population, client=client)
        on_cluster = time.perf_counter() - start
        worker_peak = max(w.get("metrics", {}).get("memory", 0) for w in
                          client.scheduler_info()["workers"].values()) / 2**20
    finally:
        blocks.close_client(client)
    return {"seconds": on_cluster, "detail": {
        "people": here.n_people, "blocks": here.n_blocks, "workers": workers,
        "in_process_s": round(in_process, 1), "speed_up": round(in_process / on_cluster, 2),
        "speed_up_shortfall": round(max(0.0, 1.0 - in_process / on_cluster), 2),
        "worker_memory_mb_at_end": round(worker_peak),
        "same_results": here.share_sums == there.share_sums and here.exclusion_counts.equals(
            there.exclusion_counts)}}


def _timed(argv: list[str], stdout: Path | None = None) -> dict:
    """Run a command under `nice -n 5` and GNU time: wall, CPU (user + system, its child
    processes included) and peak RSS, with the load average before and after."""
    load = os.getloadavg()[0]
    fmt = "%e %U %S %M"

    def role(process: psutil.Process) -> str | None:
        # GNU time gives the largest single process; the Dask workers run beside the command,
        # so the whole tree is summed too, and the command's and the largest other process's
        # peaks (a Dask worker) are kept apart. nice and time count in the sum only.
        if process.name() in ("nice", "time"):
            return None
        return "command" if process.cmdline()[:3] == argv[:3] else "other"

    with tempfile.NamedTemporaryFile("r", suffix=".time") as times:
        out = stdout.open("w") if stdout else subprocess.DEVNULL
        try:
            proc = subprocess.Popen(["nice", "-n", "5", "/usr/bin/time", "-f", fmt, "-o",
                                     times.name, *argv], stdout=out,
                                    stderr=subprocess.DEVNULL)
            with RssPeaks(proc.pid, interval=0.5, label=role) as rss:
                code = proc.wait()
            if code:
                raise subprocess.CalledProcessError(code, argv)
        finally:
            if stdout:
                out.close()
        wall, user, system, rss_kb = times.read().split()[-4:]
    peak = rss.peak()
    return {"wall_s": round(float(wall), 1), "cpu_s": round(float(user) + float(system), 1),
            "peak_rss_mb": round(int(rss_kb) / 1024),
            "peak_rss_mb_all_processes": round(peak.tree_mb),
            "peak_rss_mb_command_sampled": round(peak.largest_mb.get("command", 0.0)),
            "peak_rss_mb_largest_other_sampled": round(peak.largest_mb.get("other", 0.0)),
            "load_before": round(load, 2),
            "load_after": round(os.getloadavg()[0], 2)}


def _generated(folder: Path, n_users: int, seed: int) -> bool:
    """Whether `folder` holds a finished population of n_users people from this seed."""
    meta = folder / "dataset.json"
    if not meta.is_file() or not (folder / "events.parquet").is_file():
        return False
    try:
        written = json.loads(meta.read_text())
    except (OSError, ValueError):
        return False
    return (written.get("generator") == "adlens.simulate"
            and written.get("n_users") == n_users and written.get("seed") == seed)


def end_to_end(n_users: int, workers: int = 2, block_people: int = 20_000, seed: int = 3,
               keep: str | None = None, validate: bool = True,
               generate_workers: int | None = None) -> dict:
    """Generate, validate, then score + attribute everyone, audit and recall in one pass of
    blocks (`python -m adlens blocks --audit --recall`), each on `workers` local Dask workers.
    `keep`: a folder to keep the generated population in (default: a temporary one); when it
    already holds a population generated with these settings, generation is not run again.
    `validate=False` leaves out the separate `validate` (the one pass checks every block
    through the data contract as well). `generate_workers` (default: `workers`) makes the
    blocks of people on that many workers; at 100k people starting a cluster costs more than
    it saves (docs/SCALE.md section 10)."""
    CACHE.mkdir(parents=True, exist_ok=True)
    py = [sys.executable, "-m", "adlens"]
    tmp = Path(tempfile.mkdtemp(prefix="adlens-e2e-", dir=CACHE))
    folder = Path(keep) if keep else tmp / "data"
    steps = {}
    try:
        spread = ["--workers", str(workers)] if workers > 1 else []
        makers = workers if generate_workers is None else generate_workers
        if not _generated(folder, n_users, seed):
            steps["generate"] = _timed([*py, "generate", "--users", str(n_users), "--seed",
                                        str(seed), "--out", str(folder),
                                        *(["--workers", str(makers)] if makers > 1 else [])])
        if validate:
            steps["validate"] = _timed([*py, "validate", str(folder), "--blocks", "on",
                                        "--block-people", str(block_people), *spread])
        report = tmp / "report.json"
        argv = [*py, "blocks", "--data", str(folder), "--block-people", str(block_people),
                "--audit", "--recall", "--out", str(tmp / "recommendations")]
        steps["score_audit_recall"] = _timed([*argv, *spread], stdout=report)
        summary = json.loads(report.read_text())
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    total_wall = sum(s["wall_s"] for s in steps.values())
    detail = {"people": summary["people"], "events": summary["events"],
              "blocks": summary["blocks"], "workers": workers, "block_people": block_people,
              "cpu_s_total": round(sum(s["cpu_s"] for s in steps.values()), 1),
              "peak_rss_mb_any_step": max(s["peak_rss_mb"] for s in steps.values()),
              "peak_rss_mb_all_processes": max(s["peak_rss_mb_all_processes"]
                                               for s in steps.values()),
              "population": summary["population"],
              "inside_last_step_s": summary["seconds"],
              "block_stage_wall_s_summed": summary["seconds_in_blocks"],
              "coincidences": summary["recall"]["n_coincidences"],
              "ai_chat_share": round(summary["signal_shares"]["ai_chat"], 4)}
    for name, s in steps.items():
        detail.update({f"{name}_{k}": v for k, v in s.items()})
    return {"seconds": total_wall, "peak_rss_mb": detail["peak_rss_mb_any_step"],
            "detail": detail}

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
        Case("engine: quality headline (precision@5, All, CI) per new scenario on the sample",
             func="bench.cases_engine:quality_headline_sample", target="≤ 0.1 s",
             max_seconds=0.1),
        Case("engine: full quality evaluate (all metrics and regions, 200 resamples) on the "
             "sample, and its peak extra memory", func="bench.cases_engine:quality_full_sample",
             target="≤ 1 s, ≤ 50 MB extra", max_seconds=1.0,
             max_detail={"peak_extra_mb_first": 50, "peak_extra_mb_later": 50}),
        Case("engine: rolling next-week evaluation of the AI-chat signal (all regions, 200 "
             "resamples) on the sample, and its peak extra memory",
             func="bench.cases_engine:rolling_evaluation", target="≤ 2 s", max_seconds=2.0),
        Case("engine: rolling next-week evaluation on 100k people, and its peak extra memory",
             func="bench.cases_engine:rolling_evaluation", target="≤ 30 s", max_seconds=30.0,
             kwargs={"n_users": 100_000}),
    ]


GENERATOR_FILES = ("simulate.py", "calibration.py", "chat_text.py", "chat_text_langs.py",
                   "schema.py")


def _generator_key() -> str:
    """A short hash of the generator's code, so a cached population is rebuilt whenever the
    generator changes (a size and seed alone would keep yesterday's world)."""
    import hashlib

    root = Path(__file__).resolve().parent.parent / "adlens"
    digest = hashlib.sha256()
    for name in GENERATOR_FILES:
        if (root / name).exists():
            digest.update((root / name).read_bytes())
    return digest.hexdigest()[:10]


def population_folder(n_users: int, seed: int = 7) -> Path:
    """Where `_population` keeps a generated population: by size, seed and generator code."""
    return CACHE / f"population-{n_users}-seed{seed}-{_generator_key()}"


def _population(n_users: int, seed: int = 7) -> Path:
    """Generate once into a cache folder; a marker file says the folder is complete."""
    from adlens.simulate import generate_to_dir

    folder = population_folder(n_users, seed)
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


def _quality_scenarios():
    from adlens.scenario import Scenario

    base = Scenario()
    return [base.with_(ai_chat=False), base.with_(excluded_regions=("EU", "UK")),
            base.with_(link_rule=False), base.with_(half_lives={"ai_chat": 30}),
            base.with_(policy_start=base.as_of), base]


def quality_headline_sample() -> dict:
    """Median over new scenarios of the Overview's quality figure (per-dataset caches warm,
    as after the first page view)."""
    from adlens import engine, quality
    from adlens.contract import load_dataset

    prepared = engine.prepare(load_dataset(SAMPLE))
    quality.headline(prepared, _quality_scenarios()[-1])
    times = []
    for scenario in _quality_scenarios()[:-1]:
        start = time.perf_counter()
        quality.headline(prepared, scenario)
        times.append(time.perf_counter() - start)
    return {"seconds": statistics.median(times),
            "detail": {"max_seconds": round(max(times), 3), "scenarios": len(times)}}


def quality_full_sample() -> dict:
    """Median full evaluate over new scenarios; peak extra memory (tracemalloc, numpy counts)
    of the first call, which also builds the per-dataset caches, and of a later one."""
    import gc
    import tracemalloc

    from adlens import engine, quality
    from adlens.contract import load_dataset

    prepared = engine.prepare(load_dataset(SAMPLE))
    scenarios = _quality_scenarios()
    peaks = []
    for scenario in (scenarios[-1], scenarios[0]):
        gc.collect()
        tracemalloc.start()
        quality.evaluate(prepared, scenario)
        peaks.append(tracemalloc.get_traced_memory()[1] / 1e6)
        tracemalloc.stop()
    times = []
    for scenario in scenarios[1:-1]:
        start = time.perf_counter()
        quality.evaluate(prepared, scenario)
        times.append(time.perf_counter() - start)
    return {"seconds": statistics.median(times),
            "detail": {"max_seconds": round(max(times), 3), "scenarios": len(times),
                       "peak_extra_mb_first": round(peaks[0], 1),
                       "peak_extra_mb_later": round(peaks[1], 1)}}


def rolling_evaluation(n_users: int | None = None) -> dict:
    """One uncached rolling evaluation (prepare untimed), then a second, also uncached, under
    tracemalloc for the peak memory it adds on top of the prepared dataset."""
    import gc
    import tracemalloc

    from adlens import engine, quality, rolling
    from adlens.contract import load_dataset

    folder = SAMPLE if n_users is None else _population(n_users)
    prepared = engine.prepare(load_dataset(folder, max_bytes=10 * 1024**3))
    gc.collect()
    start = time.perf_counter()
    report = rolling.evaluate(prepared)
    seconds = time.perf_counter() - start
    quality._CACHE.pop(prepared, None)  # the next call computes again
    gc.collect()
    tracemalloc.start()
    rolling.evaluate(prepared)
    peak = tracemalloc.get_traced_memory()[1] / 1e6
    tracemalloc.stop()
    row = report.row("auc")
    return {"seconds": seconds, "detail": {
        "users": prepared.codes.n_users, "weeks": len(report.weeks),
        "person_weeks": int(row["n_person_weeks"]), "clicked_person_app_weeks":
        int(report.row("precision@k")["n_slots"]), "people": int(row["n_people"]),
        "peak_extra_mb": round(peak, 1),
        "auc_difference": round(float(row["value"]), 4)}}

"""Benchmarks of the recall model and the microphone test: the Recall page's engine work on the
bundled sample and on 100k people, and the test's power study at the sample's size.

Each function loads or generates its dataset and runs the engine's `prepare` untimed; only the
recall work (which includes the engine's attribution of the later ads) or the study is timed.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from bench.harness import Case

SAMPLE = Path(__file__).resolve().parent.parent / "sample_data"
SAMPLE_USERS, SAMPLE_SEED = 5000, 20251216  # how the bundled sample is generated


def cases() -> list[Case]:
    return [
        Case("recall: first engine render, bundled sample",
             func="bench.cases_recall:recall_sample", target="≤ 0.4 s (the figure before)",
             max_seconds=0.4),
        Case("recall: coincidences + microphone test, 100k people",
             func="bench.cases_recall:recall_generated", target="≤ 15 s", max_seconds=15,
             kwargs={"n_users": 100_000}),
        Case("mic test: power study, 5,000 people (1,120 worlds)",
             func="bench.cases_recall:power_study", target="≤ 60 s; ≤ 5% false alarms; "
             "≥ 80% found at R = 0.5", max_seconds=60, timeout=900),
        Case("mic test: 200 generated populations, no priming, no listening",
             func="bench.cases_recall:null_populations", target="≤ 5% false alarms",
             timeout=1800, kwargs={"n_worlds": 200}),
    ]


def _timed(dataset) -> dict:
    from adlens import engine
    from adlens.recall import analyse_recall, listening_preview, sensitivity
    from adlens.scenario import Scenario

    prepared = engine.prepare(dataset)
    start = time.perf_counter()
    result = analyse_recall(prepared, Scenario())
    seconds = time.perf_counter() - start
    start = time.perf_counter()
    _, preview = listening_preview(result)
    preview_seconds = time.perf_counter() - start
    start = time.perf_counter()
    sensitivity(result)
    sensitivity_seconds = time.perf_counter() - start
    excess = result.excess.set_index("flag").loc["forgotten"]
    mic = result.mic
    return {"seconds": seconds, "detail": {
        "users": dataset.n_users, "events": dataset.n_events,
        "coincidences": len(result.coincidences),
        "prior_exposures": len(result.prior_exposures),
        "forgotten_share": round(float(excess["share_moments"]), 3),
        "forgotten_excess_over_placebo": round(float(excess["excess"]), 3),
        "excess_ci": [round(float(excess["ci_low"]), 3), round(float(excess["ci_high"]), 3)],
        "mic_conversations": mic.n_conversations,
        "mic_statistic": round(mic.statistic, 4),
        "mic_ci": [round(mic.ci_low, 4), round(mic.ci_high, 4)],
        "mic_p": round(mic.p_value, 4), "mic_verdict": mic.verdict,
        "listening_preview_seconds": round(preview_seconds, 3),
        "listening_preview_verdict": preview.verdict,
        "sensitivity_seconds": round(sensitivity_seconds, 3),
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


def power_study() -> dict:
    """The full study the Method page runs: 200 null worlds (conversation times shuffled),
    200 listening worlds at R = 0.5 on each base, 40 worlds at each rate in between."""
    from adlens import mic_test
    from adlens.simulate import generate_frames

    world = mic_test.world_from_frames(generate_frames(SAMPLE_USERS, SAMPLE_SEED))
    start, cpu = time.perf_counter(), time.process_time()
    study = mic_test.power_study(world, n_worlds=200, n_worlds_curve=40)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    curve = {f"{'shuffled' if w == mic_test.SHUFFLED else 'as is'} R={r:g}":
             f"{int(k)}/{int(n)}"
             for w, r, k, n in study.curve[["world", "rate", "flagged", "n_worlds"]]
             .itertuples(index=False)}
    return {"seconds": seconds, "detail": {
        "cpu_seconds": round(cpu, 1),  # what the machine's load does not inflate
        "worlds": int(study.curve["n_worlds"].sum()), "people": study.n_people,
        "false_alarms_shuffled": round(study.rate_at(0.0, mic_test.SHUFFLED), 3),
        "found_at_0.5_shuffled": round(study.rate_at(0.5, mic_test.SHUFFLED), 3),
        "found_at_0.5_as_is": round(study.rate_at(0.5, mic_test.OBSERVED_BASE), 3),
        **curve,
    }}


def null_populations(n_worlds: int) -> dict:
    """False alarms on freshly generated sample-sized populations with priming off and no
    listening (each its own seed): the other null the issue asks for."""
    from adlens import mic_test

    start, cpu = time.perf_counter(), time.process_time()
    worlds = mic_test.null_generated_study(SAMPLE_USERS, n_worlds, seed=1000)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    low, high = mic_test.wilson(int(worlds["flagged"].sum()), len(worlds))
    return {"seconds": seconds, "detail": {
        "cpu_seconds": round(cpu, 1),
        "populations": len(worlds), "flagged": int(worlds["flagged"].sum()),
        "false_alarm_rate": round(float(worlds["flagged"].mean()), 3),
        "interval": [round(low, 3), round(high, 3)],
        "median_p": round(float(worlds["p_value"].median()), 3),
        "mean_statistic": round(float(worlds["statistic"].mean()), 5),
    }}

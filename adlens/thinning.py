"""How each headline moves with the impression thinning: the bundled sample's world generated
again at several thinning factors (1 in N impressions kept) and every headline computed on each.

The same size, seed, window and generator parameters (`simulate.generate_at_thinning`: the same
people, chats, likes and conversations, with more or fewer of the same real impressions
recorded), each world prepared and its click model learned on its own clicks, as the sample's
is. Headlines (`HEADLINES`): the AI-chat signal's next-week precision@5 gain among eligible
people (`rolling.evaluate`), the share of recommended ads with an AI-chat contribution
(`rolling.reach`), the excess of "earlier exposure, likely forgotten" over placebo moments and
the microphone test (`recall.analyse_recall`). `python -m adlens.thinning` rebuilds the stored
result for the bundled sample (`make sample` runs it); `stored_sensitivity(dataset_id)` reads it.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

from adlens import ranking, rolling

FACTORS: tuple[int, ...] = (100, 30, 10)
SENSITIVITY_PATH = Path(__file__).with_name("thinning_sensitivity.json")
# Headline id -> (plain name, unit of `value`).
HEADLINES: dict[str, tuple[str, str]] = {
    "ai_chat_value": ("Next-week top-5 hit rate added by AI chats, among people who can have "
                      "the signal", "points"),
    "ai_chat_share": ("Recommended ads with an AI-chat contribution", "share"),
    "recall_excess": ("Conversations after an earlier, likely forgotten ad, beyond placebo "
                      "moments", "points"),
    "mic_statistic": ("Microphone test: ads after minus before a conversation, beyond placebo "
                      "times", "ads per conversation"),
}
COLUMNS = ("factor", "headline", "value", "ci_low", "ci_high", "verdict", "denominator")


def _headlines(prepared, factor: int, n_boot: int) -> list[dict]:
    """One row per headline (COLUMNS) for one prepared world."""
    from adlens import recall

    value = rolling.evaluate(prepared, n_boot=n_boot).row("precision@k")
    reach = rolling.reach(prepared).set_index("population")
    rec = recall.analyse_recall(prepared, n_boot=n_boot)
    forgot = rec.excess.set_index("flag").loc["forgotten"] if len(rec.excess) else None
    mic = rec.mic
    nan = float("nan")
    return [
        {"factor": factor, "headline": "ai_chat_value", "value": float(value["value"]) * 100,
         "ci_low": float(value["ci_low"]) * 100, "ci_high": float(value["ci_high"]) * 100,
         "verdict": "", "denominator": f"{int(value['n_people']):,} people who clicked"
         if pd.notna(value["n_people"]) else ""},
        {"factor": factor, "headline": "ai_chat_share",
         "value": float(reach.loc["everyone", "ads_with_ai_chat"]), "ci_low": nan,
         "ci_high": nan, "verdict": "",
         "denominator": f"{int(reach.loc['everyone', 'ads']):,} recommended ads"},
        {"factor": factor, "headline": "recall_excess",
         "value": nan if forgot is None else float(forgot["excess"]) * 100,
         "ci_low": nan if forgot is None else float(forgot["ci_low"]) * 100,
         "ci_high": nan if forgot is None else float(forgot["ci_high"]) * 100, "verdict": "",
         "denominator": "" if forgot is None else (
             f"{int(forgot['n_moments']):,} moments: {forgot['share_moments']:.1%} had one, "
             f"{forgot['share_placebo']:.1%} of placebo moments")},
        {"factor": factor, "headline": "mic_statistic", "value": float(mic.statistic),
         "ci_low": float(mic.ci_low), "ci_high": float(mic.ci_high), "verdict": mic.verdict,
         "denominator": f"{mic.n_conversations:,} conversations"},
    ]


def sensitivity(n_users: int, seed: int, factors: tuple[int, ...] = FACTORS, params=None,
                n_boot: int = 200, start: str = "2025-11-01", end: str = "2026-01-31",
                timings: dict[int, float] | None = None) -> pd.DataFrame:
    """Every headline at every thinning factor of the same world (COLUMNS: one row per
    factor and headline; `value` in the headline's unit, points for shares of points).
    `timings`, when given, receives the seconds each factor took."""
    from adlens.engine import dataset_from_frames, prepare
    from adlens.simulate import generate_at_thinning

    rows: list[dict] = []
    for factor in factors:
        began = time.perf_counter()
        frames = generate_at_thinning(n_users, seed, int(factor), params=params, start=start,
                                      end=end)
        dataset = dataset_from_frames(frames, source=f"Thinning 1 in {factor}")
        del frames
        # Nothing stored: each world learns its click model from its own recorded clicks.
        prepared = prepare(dataset, use_artifacts=False)
        rows += _headlines(prepared, int(factor), n_boot)
        del prepared, dataset
        if timings is not None:
            timings[int(factor)] = time.perf_counter() - began
    return pd.DataFrame(rows, columns=list(COLUMNS))


def store_sensitivity(data_dir: Path = ranking.SAMPLE_DIR, n_users: int = rolling.SAMPLE_USERS,
                      seed: int = rolling.SAMPLE_SEED, factors: tuple[int, ...] = FACTORS,
                      out: Path | None = SENSITIVITY_PATH, n_boot: int = 200) -> dict:
    """Measure the bundled sample's sensitivity to the thinning and store it with the sample's
    dataset_id (returns what it writes). Size, seed, window and parameters come from the
    sample's description (dataset.json) when it has one, else `n_users`, `seed` and the
    default parameters; the sample's own factor is always among those measured."""
    from adlens.contract import load_dataset

    dataset = load_dataset(data_dir)
    world = rolling.twin_of(dataset.meta) or {"n_users": n_users, "seed": seed}
    if dataset.n_users != world["n_users"]:
        raise ValueError(f"{data_dir} has {dataset.n_users:,} people, not "
                         f"{world['n_users']:,}: pass the size and seed it was generated with.")
    params = world.get("params")
    own = int((dataset.meta or {}).get("impression_thinning")
              or (params.impression_thinning if params is not None else FACTORS[0]))
    factors = tuple(dict.fromkeys((own, *factors)))
    timings: dict[int, float] = {}
    began = time.perf_counter()
    frame = sensitivity(world["n_users"], world["seed"], factors, params=params, n_boot=n_boot,
                        timings=timings,
                        **{k: world[k] for k in ("start", "end") if k in world})
    data = {"dataset_id": dataset.dataset_id, "n_users": world["n_users"],
            "seed": world["seed"], "preset": (dataset.meta or {}).get("preset"),
            "sample_factor": own, "factors": list(factors), "n_boot": n_boot,
            "from_dataset_description": dataset.meta is not None,
            "seconds": round(time.perf_counter() - began, 1),
            "seconds_per_factor": {str(k): round(v, 1) for k, v in timings.items()},
            "rows": frame.to_dict("records")}
    if out is not None:
        Path(out).write_text(json.dumps(rolling._json_safe(data), indent=1) + "\n")
    return data


@dataclasses.dataclass(frozen=True)
class StoredSensitivity:
    """The stored study: its rows (COLUMNS), the sample's own factor and the world's size."""

    rows: pd.DataFrame
    sample_factor: int
    n_users: int
    seed: int
    seconds: float


def stored_sensitivity(dataset_id: str, path: Path = SENSITIVITY_PATH
                       ) -> StoredSensitivity | None:
    """The stored study when `dataset_id` is the dataset it was measured for, else None."""
    data = rolling.stored_for(dataset_id, path)
    if data is None:
        return None
    rows = pd.DataFrame(data["rows"], columns=list(COLUMNS))
    rows = rows.astype({c: float for c in ("value", "ci_low", "ci_high")})
    return StoredSensitivity(rows=rows, sample_factor=int(data["sample_factor"]),
                             n_users=int(data["n_users"]), seed=int(data["seed"]),
                             seconds=float(data.get("seconds", np.nan)))


def format_table(rows: pd.DataFrame) -> str:
    """One line per headline and factor, for the terminal and docs."""
    lines = []
    for r in rows.itertuples(index=False):
        name, unit = HEADLINES[r.headline]
        ci = "" if not np.isfinite(r.ci_low) else f" [{r.ci_low:+.3f}, {r.ci_high:+.3f}]"
        shown = f"{r.value:.3f}" if unit == "share" else f"{r.value:+.3f}"
        lines.append(f"1 in {r.factor:>3}  {name[:60]:<60} {shown}{ci} {unit}"
                     f"{'  ' + r.verdict if r.verdict else ''}  ({r.denominator})")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Rebuild the bundled sample's stored thinning sensitivity (thinning_sensitivity.json)."""
    parser = argparse.ArgumentParser(prog="python -m adlens.thinning", description=main.__doc__)
    parser.add_argument("--users", type=int, default=rolling.SAMPLE_USERS)
    parser.add_argument("--seed", type=int, default=rolling.SAMPLE_SEED)
    parser.add_argument("--factors", type=int, nargs="+", default=list(FACTORS))
    parser.add_argument("--boot", type=int, default=200)
    args = parser.parse_args(argv)
    data = store_sensitivity(n_users=args.users, seed=args.seed, factors=tuple(args.factors),
                             n_boot=args.boot)
    print(format_table(pd.DataFrame(data["rows"], columns=list(COLUMNS)).astype(
        {c: float for c in ("value", "ci_low", "ci_high")})))
    print(f"stored {SENSITIVITY_PATH.name} for dataset {data['dataset_id']} in "
          f"{data['seconds']:.0f} s ({data['seconds_per_factor']})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The engine over a Parquet dataset folder one block of people at a time: peak memory is set by
the block size, not the population.

Per block (read with a user_id range filter, so row groups of other people are skipped when the
events are stored in person order, as the generator writes them): the data contract, chat
inference, encoding, affinities, scoring with exact per-signal attribution, and rule exclusions.
Every one of these depends only on the person's own events once the two population-wide pieces
are fixed:

- the click model and the similar-people topic map are learned once, on a seeded sample of at
  most `sample_people` people (everyone when the population is that small, so the result is then
  the in-memory engine's).

Combined per-block results: signal-share sums, exclusion counts, and (optionally) every block's
recommendations written to Parquet or kept in memory.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from adlens import engine, schema
from adlens.contract import from_frames
from adlens.dataset import Dataset
from adlens.ranking import ClickModel
from adlens.scenario import Scenario

DEFAULT_BLOCK_PEOPLE = 20_000
DEFAULT_SAMPLE_PEOPLE = 50_000
SHARE_SUMS = (*schema.SIGNALS, "n_ads", "ads_with_ai_chat", "ai_chat_largest")


@dataclass(frozen=True, eq=False)
class Population:
    """The population-wide pieces every block shares, and where they came from."""

    click_model: ClickModel
    similar_topics: np.ndarray
    n_people: int
    sample_people: int  # people they were learned on
    how: str


@dataclass(eq=False)
class BlockRun:
    """Combined results of scoring and attributing everyone, block by block.

    share_sums: per signal the summed positive contributions to the recommended ads, plus
      n_ads, ads_with_ai_chat and ai_chat_largest counts (`signal_shares()` divides them).
    exclusion_counts: reason, event_type, events.
    recommendations: every block's recommendations, concatenated (only with keep=True).
    seconds: per stage, summed over blocks.
    """

    population: Population
    block_people: int
    n_blocks: int = 0
    n_people: int = 0
    n_events: int = 0
    n_recommendations: int = 0
    share_sums: dict[str, float] = field(default_factory=lambda: dict.fromkeys(SHARE_SUMS, 0.0))
    exclusion_counts: pd.DataFrame | None = None
    recommendations: pd.DataFrame | None = None
    seconds: dict[str, float] = field(default_factory=dict)

    def signal_shares(self) -> pd.DataFrame:
        """One row as engine.signal_shares gives for everyone: n_ads, each signal's share of
        the positive contributions, ads_with_ai_chat, ai_chat_largest."""
        sums = self.share_sums
        total = sum(sums[s] for s in schema.SIGNALS)
        n_ads = sums["n_ads"]
        row = {"n_ads": int(n_ads),
               **{s: (sums[s] / total if total > 0 else 0.0) for s in schema.SIGNALS},
               "ads_with_ai_chat": sums["ads_with_ai_chat"] / n_ads if n_ads else 0.0,
               "ai_chat_largest": sums["ai_chat_largest"] / n_ads if n_ads else 0.0}
        return pd.DataFrame([row])


def _read(folder: Path, table: str, filters=None) -> pd.DataFrame:
    return pq.read_table(folder / f"{table}.parquet", filters=filters).to_pandas()


def person_ids(folder: str | Path) -> np.ndarray:
    """Every user_id of the folder's users table, sorted (the order blocks are cut in)."""
    ids = pq.read_table(Path(folder) / "users.parquet", columns=["user_id"])["user_id"]
    return np.sort(ids.cast(pa.string()).to_numpy(zero_copy_only=False).astype(object))


def _block_dataset(folder: Path, users: pd.DataFrame, ads: pd.DataFrame, ids: np.ndarray
                   ) -> Dataset:
    """The block's people, all ads and the block's events, through the data contract."""
    lo, hi = str(ids[0]), str(ids[-1])
    block_users = users[users["user_id"].astype(str).between(lo, hi)]
    events = _read(folder, "events", filters=[("user_id", ">=", lo), ("user_id", "<=", hi)])
    return from_frames({"users": block_users.reset_index(drop=True), "ads": ads,
                        "events": events}, source=f"people {lo} to {hi}")


def blocks(ids: np.ndarray, block_people: int) -> Iterator[np.ndarray]:
    """Consecutive runs of `block_people` sorted ids."""
    for start in range(0, len(ids), block_people):
        yield ids[start:start + block_people]


def learn_population(folder: str | Path, sample_people: int = DEFAULT_SAMPLE_PEOPLE,
                     seed: int = 0) -> Population:
    """The click model and similar-people map, learned on a seeded sample of at most
    `sample_people` people (all of them when there are no more: the in-memory engine's)."""
    folder = Path(folder)
    users = _read(folder, "users")
    ads = _read(folder, "ads")
    n = len(users)
    if n <= sample_people:
        chosen = users
        events = _read(folder, "events")
        how = f"learned on all {n:,} people"
    else:
        rng = np.random.default_rng(seed)
        pick = np.sort(rng.choice(n, sample_people, replace=False))
        chosen = users.iloc[pick].reset_index(drop=True)
        # Filtered while reading, batch by batch: only the sample's events are ever held.
        wanted = chosen["user_id"].astype(str).tolist()
        events = _read(folder, "events", filters=[("user_id", "in", wanted)])
        how = (f"learned on a seeded sample of {sample_people:,} of {n:,} people "
               f"(seed {seed})")
    sample = from_frames({"users": chosen, "ads": ads, "events": events},
                         source="population sample")
    del events
    prepared = engine.prepare(sample, use_artifacts=False)
    return Population(click_model=prepared.click_model,
                      similar_topics=prepared.codes.similar_topics, n_people=n,
                      sample_people=len(chosen), how=how)


def _share_sums(recommendations: pd.DataFrame) -> dict[str, float]:
    contrib = recommendations[list(engine.CONTRIB_COLUMNS)].to_numpy(dtype=float)
    positive = np.clip(contrib, 0.0, None).sum(axis=0)
    ai = contrib[:, schema.SIGNALS.index("ai_chat")]
    largest = (contrib.argmax(axis=1) == schema.SIGNALS.index("ai_chat")) & (ai > 0) if len(
        contrib) else np.zeros(0, dtype=bool)
    return {**dict(zip(schema.SIGNALS, positive.tolist(), strict=True)),
            "n_ads": float(len(contrib)), "ads_with_ai_chat": float((ai > 0).sum()),
            "ai_chat_largest": float(largest.sum())}


def score_blocks(folder: str | Path, scenario: Scenario, block_people: int = DEFAULT_BLOCK_PEOPLE,
               top_k: int = 5, population: Population | None = None,
               out: str | Path | None = None, keep: bool = False,
               progress: Callable[[int, int], None] | None = None) -> BlockRun:
    """Score and attribute everyone in a Parquet dataset folder, `block_people` at a time.

    out: a folder to write each block's recommendations to (block-00000.parquet, ...).
    keep: also return every recommendation in memory (for small populations and tests).
    progress(blocks done, blocks in all) after each block.
    """
    folder = Path(folder)
    if block_people < 1:
        raise ValueError("block_people must be at least 1.")
    seconds = dict.fromkeys(("population", "read_and_check", "prepare", "score_and_attribute",
                             "combine"), 0.0)
    start = time.perf_counter()
    population = population or learn_population(folder)
    seconds["population"] = time.perf_counter() - start
    users, ads = _read(folder, "users"), _read(folder, "ads")
    ids = person_ids(folder)
    run = BlockRun(population=population, block_people=block_people)
    kept, counts = [], []
    out_dir = Path(out) if out is not None else None
    if out_dir is not None:
        out_dir.mkdir(parents=True, exist_ok=True)
    n_blocks = -(-len(ids) // block_people)
    for i, block in enumerate(blocks(ids, block_people)):
        t0 = time.perf_counter()
        dataset = _block_dataset(folder, users, ads, block)
        t1 = time.perf_counter()
        prepared = engine.prepare(dataset, use_artifacts=False,
                                  population=(population.click_model, population.similar_topics))
        t2 = time.perf_counter()
        result = engine.run_scenario(prepared, scenario, top_k=top_k)
        t3 = time.perf_counter()
        rec = result.recommendations
        for key, value in _share_sums(rec).items():
            run.share_sums[key] += value
        counts.append(result.exclusion_counts())
        if out_dir is not None:
            rec.to_parquet(out_dir / f"block-{i:05d}.parquet", index=False)
        if keep:
            kept.append(rec.astype({c: str for c in ("user_id", "app", "ad_id", "topic",
                                                     "advertiser", "title")}))
        run.n_blocks += 1
        run.n_people += dataset.n_users
        run.n_events += dataset.n_events
        run.n_recommendations += len(rec)
        del dataset, prepared, result, rec
        seconds["read_and_check"] += t1 - t0
        seconds["prepare"] += t2 - t1
        seconds["score_and_attribute"] += t3 - t2
        seconds["combine"] += time.perf_counter() - t3
        if progress is not None:
            progress(i + 1, n_blocks)
    combined = pd.concat(counts, ignore_index=True) if counts else pd.DataFrame(
        columns=["reason", "event_type", "events"])
    combined = combined.astype({"reason": str, "event_type": str})
    run.exclusion_counts = (combined.groupby(["reason", "event_type"], as_index=False)["events"]
                            .sum().sort_values(["reason", "event_type"])
                            .reset_index(drop=True))
    if keep:
        run.recommendations = pd.concat(kept, ignore_index=True) if kept else None
    run.seconds = {k: round(v, 3) for k, v in seconds.items()}
    return run


# --- command line: `python -m adlens blocks` ---------------------------------------------------
def add_arguments(parser) -> None:
    from adlens.cli_engine import add_scenario_arguments

    add_scenario_arguments(parser)  # --data, --max-mb (unused: blocks read any size) and rules
    parser.add_argument("--block-people", type=int, default=DEFAULT_BLOCK_PEOPLE, metavar="N",
                        help=f"people per block (default {DEFAULT_BLOCK_PEOPLE:,})")
    parser.add_argument("--sample-people", type=int, default=DEFAULT_SAMPLE_PEOPLE, metavar="N",
                        help="people the click model and similar-people map are learned on "
                        f"(a seeded sample; default {DEFAULT_SAMPLE_PEOPLE:,})")
    parser.add_argument("--top", type=int, default=5, metavar="K", help="ads per person and app")
    parser.add_argument("--out", metavar="DIR",
                        help="write each block's recommendations here as Parquet")


def run(args) -> int:
    """Print a JSON summary (population, signal shares, exclusion counts, seconds per stage);
    progress by block on stderr."""
    import json
    import sys

    from adlens.cli_engine import _clean, scenario_from_args

    folder = Path(args.data)
    missing = [t for t in ("users", "ads", "events") if not (folder / f"{t}.parquet").is_file()]
    if missing:
        print(f"{folder}: the block pipeline reads a Parquet folder; missing "
              f"{', '.join(t + '.parquet' for t in missing)}.", file=sys.stderr)
        return 1
    if args.block_people < 1 or args.sample_people < 1 or args.top < 1:
        print("--block-people, --sample-people and --top must be at least 1.", file=sys.stderr)
        return 2
    try:
        scenario = scenario_from_args(args)
        population = learn_population(folder, sample_people=args.sample_people)
        result = score_blocks(folder, scenario, block_people=args.block_people, top_k=args.top,
                            population=population, out=args.out,
                            progress=lambda done, total: print(
                                f"block {done}/{total}", file=sys.stderr, flush=True))
    except Exception as exc:  # noqa: BLE001 — a sentence, never a traceback
        print(f"{folder}: could not be scored ({type(exc).__name__}: {exc})", file=sys.stderr)
        return 1
    summary = {
        "people": result.n_people, "events": result.n_events, "blocks": result.n_blocks,
        "recommendations": result.n_recommendations, "population": population.how,
        "signal_shares": result.signal_shares().iloc[0].to_dict(),
        "exclusions": result.exclusion_counts.to_dict(orient="records"),
        "seconds": result.seconds, "out": args.out}
    print(json.dumps(_clean(summary), indent=2))
    return 0

"""`validate`, `audit` and `recall` over a Parquet dataset folder one block of people at a time,
so their peak memory is set by the block size, not by the population.

What is per person runs per block and is combined exactly (the same figures whatever the block
size): the data contract, rule exclusions, static precision@k / NDCG@k (per block, sums per
region and per resample of the Poisson bootstrap, whose weights are fixed by the person's id:
`quality.topk_sums`; the caller only adds them up), the recall coincidences with their prior
exposures, labels and aggregates, and the labels' validity counts.
What needs the whole population at once (the click model, similar people, AUC on held-out
clicks, the rolling next-week value, text-model quality, the excess over placebo moments and
the microphone test, which draw placebo times from everyone's conversation times) runs on the
seeded sample the population pieces are learned on (`blocks.sample_dataset`): everyone when
the population is no larger than `sample_people`, so the results are then today's
whole-dataset results. Every output says which figure came from where (`computed`).
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import operator
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.dataset as pads
import pyarrow.parquet as pq

from adlens import blocks, schema
from adlens.contract import META_FILE, ContractError, Problem
from adlens.dataset import Dataset
from adlens.scenario import Scenario

BLOCK_MODES = ("auto", "on", "off")
Progress = Callable[[int, int], None]


# --- when and how to cut ----------------------------------------------------------------------
def parquet_folder(folder: str | Path) -> bool:
    """A folder holding users, ads and events as Parquet (what the block path reads)."""
    folder = Path(folder)
    return folder.is_dir() and all((folder / f"{t}.parquet").is_file() for t in schema.TABLES)


def use_blocks(folder: str | Path, mode: str, block_people: int) -> bool:
    """The block path is taken when asked ('on'), never when 'off', and with 'auto' for a
    Parquet folder of more people than one block holds (smaller ones fit in memory and take
    the whole-dataset path, which gives the same figures)."""
    if mode == "off" or not parquet_folder(folder):
        if mode == "on" and not parquet_folder(folder):
            raise ValueError(f"{folder}: the block path reads a folder of users, ads and "
                             "events as Parquet files.")
        return False
    if mode == "on":
        return True
    try:
        n = pq.ParquetFile(Path(folder) / "users.parquet").metadata.num_rows
    except Exception:  # noqa: BLE001 — a damaged file: the whole-dataset path reports it
        return False
    return n > block_people


def folder_dataset_id(folder: str | Path) -> str:
    """The dataset id `contract.load_dataset` gives the folder (a hash of its tables' bytes
    and its description), read in chunks instead of holding the files."""
    folder = Path(folder)
    digest = hashlib.sha256()
    tables = sorted(t for t in (*schema.TABLES, *schema.OPTIONAL_TABLES)
                    if (folder / f"{t}.parquet").is_file())
    for table in tables:
        path = folder / f"{table}.parquet"
        digest.update(f"{table}:{path.stat().st_size}:".encode())
        with path.open("rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 22), b""):
                digest.update(chunk)
    meta = read_meta(folder)
    if meta is not None:
        digest.update(json.dumps(meta, sort_keys=True, default=str).encode())
    return digest.hexdigest()[:12]


def read_meta(folder: Path) -> dict | None:
    path = Path(folder) / META_FILE
    if not path.is_file():
        return None
    meta = json.loads(path.read_bytes())
    return meta if isinstance(meta, dict) else None


def _table(folder: Path, name: str, filter_: pc.Expression | None = None) -> pd.DataFrame:
    """One table, or the rows matching `filter_`, read through Arrow's dataset scanner
    (batch by batch: row groups whose statistics rule them out are skipped)."""
    data = pads.dataset(folder / f"{name}.parquet", format="parquet")
    return data.to_table(filter=filter_).to_pandas()


def _ranges(folder: Path, ids: blocks.PersonIds | np.ndarray, block_people: int
            ) -> list[tuple[str | None, str | None]]:
    """Contiguous user_id ranges [lo, hi) covering every possible id (the first open below,
    the last open above), so an event of a person missing from users still lands in a block;
    cut on the events' row groups when they allow it (`blocks.cut`)."""
    starts = [str(b[0]) for b in blocks.cut(folder, ids, block_people)]
    if not starts:
        return [(None, None)]
    return [(None if i == 0 else lo, starts[i + 1] if i + 1 < len(starts) else None)
            for i, lo in enumerate(starts)]


def _in_range(column: str, lo: str | None, hi: str | None) -> pc.Expression | None:
    field = pc.field(column)
    parts = []
    if lo is not None:
        parts.append(field >= lo)
    if hi is not None:
        parts.append(field < hi)
    if not parts:
        return None
    expr = parts[0] if len(parts) == 1 else parts[0] & parts[1]
    if lo is None:  # the first block also takes rows without an id (the contract flags them)
        expr = expr | field.is_null()
    return expr


def _block_frames(folder: Path, lo: str | None, hi: str | None, ads: pd.DataFrame
                  ) -> dict[str, pd.DataFrame]:
    """The users, events and interests of the people in [lo, hi), all ads, and the truth rows
    of the block's events."""
    frames = {"users": _table(folder, "users", _in_range("user_id", lo, hi)), "ads": ads,
              "events": blocks.events_between(folder, lo, hi)}
    if (folder / "interests.parquet").is_file():
        frames["interests"] = _table(folder, "interests", _in_range("user_id", lo, hi))
    if (folder / "truth.parquet").is_file():
        frames["truth"] = _truth_of(folder, frames["events"]["event_id"])
    return frames


def _truth_of(folder: Path, event_ids: pd.Series) -> pd.DataFrame:
    """The truth rows of these events: read by the events' id range (row groups of other
    events are skipped on their statistics when truth is stored in event order, as generated),
    then kept when their id is one of the events' (exact).

    The set test runs once on what the range read, not inside the scan's filter: there Arrow
    built the set of the block's million ids again for every batch it scanned (0.56 CPU s for
    a block of 20,000 people, against 0.32 s here; docs/SCALE.md section 10)."""
    ids = pa.array(event_ids.astype(str), type=pa.string())
    if isinstance(ids, pa.ChunkedArray):
        ids = ids.combine_chunks()
    if ids.null_count == len(ids):  # no event, or none with an id: no truth row
        return _table(folder, "truth", pc.field("event_id").isin(pa.array([], pa.string())))
    lo_id, hi_id = pc.min_max(ids).values()
    data = pads.dataset(folder / "truth.parquet", format="parquet")
    found = data.to_table(filter=(pc.field("event_id") >= lo_id) & (pc.field("event_id") <= hi_id))
    column = found["event_id"]
    if column.type != pa.string():
        column = column.cast(pa.string())
    return found.filter(pc.is_in(column, value_set=ids)).to_pandas()


def _block_dataset(folder: Path, ids: np.ndarray, ads: pd.DataFrame) -> Dataset:
    """A block of checked people (sorted ids) with their events, interests and truth."""
    frames = _block_frames(folder, str(ids[0]), str(ids[-1]) + "\0", ads)  # hi inclusive
    return blocks.check_block(frames, source=blocks.block_name(ids))


# --- validate -----------------------------------------------------------------------------------
@dataclass(frozen=True, eq=False)
class _Counts:
    """One block's share of `contract.summarize`: sums, first appearances and extremes."""

    users: int
    uses_meta_ai: int
    events: int
    by_type: dict[str, int]
    first: pd.Timestamp | None
    last: pd.Timestamp | None
    countries: dict[str, int]  # in order of first appearance
    truth_rows: int


def validate_block(folder: str | Path, index: int, bounds: tuple[str | None, str | None],
                   ads: pd.DataFrame) -> tuple[list[Problem], _Counts | None]:
    """The data contract on one block of people: (problems, counts). A problem's file is
    named as in the folder; its row numbers count within the block, which it names."""
    folder = Path(folder)
    lo, hi = bounds
    several = lo is not None or hi is not None  # one block: rows count as in the files
    frames = _block_frames(folder, lo, hi, ads)
    # A bound ending in NUL is the next possible id after a person (blocks.row_group_blocks).
    start = ("first" if lo is None else f"after {lo[:-1]}" if lo.endswith("\0") else lo)
    end = ("last" if hi is None else hi[:-1] if hi.endswith("\0") else f"before {hi}")
    where = f"people {start} to {end}"
    try:
        dataset = blocks.check_block(frames, source=where)
    except ContractError as exc:
        tables = (*schema.TABLES, *schema.OPTIONAL_TABLES)
        # Checked as frames, named by table: named as the folder's files, as load_dataset does.
        named = re.compile(r"\b(listed in (?:" + "|".join(tables) + r"))\b(?!\.)")
        return [dataclasses.replace(
            p, file=f"{p.file}.parquet" if p.file in tables else p.file,
            message=named.sub(r"\1.parquet", p.message) + (
                f" (rows counted within the block of {where})" if p.rows and several else ""))
            for p in exc.problems], None
    users, events = dataset.users, dataset.events
    ts = events["ts"].dropna()
    return [], _Counts(
        users=len(users), uses_meta_ai=int(users["uses_meta_ai"].sum()), events=len(events),
        by_type={str(k): int(v) for k, v in events["event_type"].value_counts().items()},
        first=ts.min() if len(ts) else None, last=ts.max() if len(ts) else None,
        countries={str(k): int(v) for k, v in
                   users["country"].value_counts(sort=False).items()},
        truth_rows=0 if dataset.truth is None else len(dataset.truth))


def _validate_task(folder: str, index: int, bounds: tuple, population=None) -> _Indexed:
    """`validate_block` as a Dask task (`blocks.run_on_dask` passes a population: unused)."""
    folder = Path(folder)
    return _Indexed(index, *validate_block(folder, index, bounds, _table(folder, "ads")))


@dataclass(frozen=True, eq=False)
class _Indexed:
    index: int
    problems: list[Problem]
    counts: _Counts | None


def validate_blocks(folder: str | Path, block_people: int = blocks.DEFAULT_BLOCK_PEOPLE,
                    progress: Progress | None = None, client=None) -> dict:
    """Check a Parquet folder against the data contract one block of people at a time and
    return `contract.summarize`'s figures for the whole of it; raise ContractError listing
    every problem (with more than one block, row numbers count within the block named).
    `client`: a dask.distributed Client to check the blocks on (see `blocks.dask_client`)."""
    folder = Path(folder)
    ads = _table(folder, "ads")
    ids = blocks.person_ids(folder)
    ranges = _ranges(folder, ids, block_people)
    problems: list[Problem] = []
    seen: set[str] = set()
    parts: list[_Counts] = []
    if client is not None:
        done = blocks.run_on_dask(client, _validate_task, folder, list(enumerate(ranges)),
                                  {"population": None}, progress)
        results = [(r.problems, r.counts) for r in sorted(done, key=lambda r: r.index)]
    else:
        results = []
        for i, bounds in enumerate(ranges):
            results.append(validate_block(folder, i, bounds, ads))
            if progress is not None:
                progress(i + 1, len(ranges))
    for found, counts in results:
        for problem in found:  # a problem of the ads table comes back from every block: once
            if str(problem) not in seen:
                seen.add(str(problem))
                problems.append(problem)
        if counts is not None:
            parts.append(counts)
    # A block may hold no rows of a table (people with no events); the whole table may not.
    for table in schema.TABLES:
        path = folder / f"{table}.parquet"
        if path.is_file() and not any(p.file == path.name for p in problems) \
                and pq.ParquetFile(path).metadata.num_rows == 0:
            problems.append(Problem(path.name, (), None, "has no data rows: expected at least "
                                    "one row under the header"))
    truth = folder / "truth.parquet"
    if truth.is_file() and not problems:
        placed = sum(p.truth_rows for p in parts)
        missing = pq.ParquetFile(truth).metadata.num_rows - placed
        if missing:
            problems.append(Problem("truth.parquet", (), "event_id",
                                    f"{missing:,} rows: expected an event_id listed in "
                                    "events.parquet"))
    if problems:
        raise ContractError(problems)
    return _summary(folder, ads, parts, ids)


def _summary(folder: Path, ads: pd.DataFrame, parts: list[_Counts], ids: np.ndarray) -> dict:
    users = sum(p.users for p in parts)
    by_type: dict[str, int] = {}
    countries: dict[str, int] = {}
    for p in parts:
        for k, v in p.by_type.items():
            by_type[k] = by_type.get(k, 0) + v
        for k, v in p.countries.items():
            countries[k] = countries.get(k, 0) + v
    firsts = [p.first for p in parts if p.first is not None]
    lasts = [p.last for p in parts if p.last is not None]
    # value_counts' order: most first, ties in order of first appearance (a stable sort).
    ranked = sorted(countries.items(), key=lambda kv: -kv[1])
    return {
        "dataset_id": folder_dataset_id(folder),
        "source": f"Folder {folder.name}: users.parquet, ads.parquet, events.parquet "
                  f"(checked in blocks of people)",
        "users": users,
        "uses_meta_ai_share": (sum(p.uses_meta_ai for p in parts) / users) if users else 0.0,
        "ads": int(len(ads)),
        "events": sum(p.events for p in parts),
        "events_by_type": {t: int(by_type.get(t, 0)) for t in schema.EVENT_TYPES},
        "first_event": min(firsts).isoformat() if firsts else None,
        "last_event": max(lasts).isoformat() if lasts else None,
        "n_countries": len(countries),
        "countries": dict(ranked[:10]),
        "has_interests": (folder / "interests.parquet").is_file(),
    }


# --- audit -------------------------------------------------------------------------------------
@dataclass(frozen=True, eq=False)
class AuditBlock:
    """One block's share of the audit: precision@k and NDCG@k with and without the AI-chat
    signal as sums per region and per bootstrap resample (`quality.TopkSums`: a few KB, no
    per-person values; the blocks' sums add up to the whole population's), exclusions
    counted."""

    index: int
    sums: Any  # quality.TopkSums
    n_excluded: int
    exclusion_counts: pd.DataFrame
    seconds: float


def _prepared_block(folder: Path, ids: np.ndarray, population: blocks.Population):
    """`blocks.prepare_block` with the people's interests and their events' truth as well
    (the audit and recall read them)."""
    return blocks.prepare_with(_block_dataset(folder, ids, _table(folder, "ads")), population)


def audit_block(folder: str | Path, index: int, ids: np.ndarray, scenario: Scenario,
                population: blocks.Population, k: int = 5, n_boot: int = 200) -> AuditBlock:
    """Check, prepare and audit one block of people (a task for this process or Dask)."""
    from adlens import engine

    start = time.perf_counter()
    prepared = _prepared_block(Path(folder), ids, population)
    result = engine.run_scenario(prepared, scenario, top_k=k)
    return _audit_part(index, prepared, result, scenario, k, start, n_boot)


def _audit_part(index: int, prepared, result, scenario: Scenario, k: int,
                start: float, n_boot: int = 200) -> AuditBlock:
    from adlens import quality

    per_person = quality.per_person_topk(prepared, scenario, k)
    codes = prepared.codes
    # Seed 0, as the whole-dataset audit's: the same weights for the same person.
    sums = quality.topk_sums(quality.person_keys(codes.user_ids), codes.region_code,
                             per_person, n_boot, 0)
    counts = result.exclusion_counts().astype({"reason": str, "event_type": str})
    return AuditBlock(index=index, sums=sums, n_excluded=int(len(result.exclusions)),
                      exclusion_counts=counts, seconds=time.perf_counter() - start)


def _run_blocks(task: Callable, folder: Path, ids: blocks.PersonIds | np.ndarray,
                block_people: int, args: dict, client, progress: Progress | None,
                keep: Callable[[Any], Any] | None = None) -> list:
    """`task` on every block, here or on Dask; results in block order. `keep(result)`, when
    given, is called on each result as it arrives and what it returns is kept instead."""
    work = list(enumerate(blocks.cut(folder, ids, block_people)))
    if client is not None:
        out = blocks.run_on_dask(client, task, folder, work, args, progress, keep)
    else:
        out = []
        for index, block in work:
            result = task(folder, index, block, **args)
            out.append(result if keep is None else keep(result))
            if progress is not None:
                progress(len(out), len(work))
    return sorted(out, key=lambda r: r.index)


class _AuditSums:
    """Adds the blocks' audit sums as their results arrive, in block order (holding only the
    few that arrive before an earlier block's: the same sums to the last bit wherever blocks
    ran), and keeps each result without them, so the caller holds one `quality.TopkSums`,
    not one a block."""

    def __init__(self, n_boot: int, field: str | None = None) -> None:
        from adlens import quality

        self.sums = quality.TopkSums.empty(quality.TOPK_METRICS, n_boot, 0)
        self.field = field  # the AuditBlock's attribute in the result (None: the result)
        self.early: dict[int, Any] = {}
        self.next = 0

    def __call__(self, result):
        audit = result if self.field is None else getattr(result, self.field)
        if audit is None:
            return result
        self.early[audit.index] = audit.sums
        while self.next in self.early:
            self.sums = self.sums + self.early.pop(self.next)
            self.next += 1
        slim = dataclasses.replace(audit, sums=None)
        return slim if self.field is None else dataclasses.replace(result,
                                                                   **{self.field: slim})


@dataclass(frozen=True, eq=False)
class Sample:
    """The prepared seeded sample and the population pieces learned on it."""

    prepared: Any
    population: blocks.Population
    everyone: bool


def prepare_sample(folder: str | Path, sample_people: int = blocks.DEFAULT_SAMPLE_PEOPLE,
                   seed: int = 0) -> Sample:
    """The seeded sample, prepared as the whole-dataset commands prepare a dataset; when it is
    everyone it carries the folder's dataset id and description, as `load_dataset` gives."""
    from adlens import engine

    dataset, n, how = blocks.sample_dataset(folder, sample_people, seed, with_truth=True)
    everyone = dataset.users.shape[0] == n
    meta = read_meta(Path(folder))
    # The description too when the sample is not everyone: recall reads a counterfactual
    # world's listening rate from it (`audit --twin` is refused then: see audit_blocks).
    dataset = dataclasses.replace(dataset, meta=meta)
    if everyone:
        dataset = dataclasses.replace(dataset, dataset_id=folder_dataset_id(folder),
                                      source=f"Folder {Path(folder).name}")
    prepared = engine.prepare(dataset)
    return Sample(prepared, blocks.population_of(prepared, n, how), everyone)


def audit_blocks(folder: str | Path, scenario: Scenario, args, block_people: int,
                 sample: Sample | None = None, client=None,
                 progress: Progress | None = None) -> dict:
    """The `audit` command's report for a Parquet folder, per block where per person (see the
    module docstring), with `computed` saying where each part came from."""
    folder = Path(folder)
    sample = sample or prepare_sample(folder, args.sample_people)
    if (args.twin or args.twin_seed is not None) and not sample.everyone:
        raise ValueError("The feedback-free twin (--twin, --twin-seed) is generated whole, so "
                         "it is only offered when the population fits the sample "
                         f"(--sample-people {sample.population.n_people} or more).")
    ids = blocks.person_ids(folder)
    summed = _AuditSums(args.boot)
    parts: list[AuditBlock] = _run_blocks(
        audit_block, folder, ids, block_people,
        {"scenario": scenario, "population": sample.population, "k": args.top,
         "n_boot": args.boot}, client, progress, keep=summed)
    return audit_from_parts(folder, scenario, args, block_people, sample, parts, summed.sums)


@dataclass(frozen=True, eq=False)
class AuditOnSample:
    """The audit's parts that come from the seeded sample, computed before the blocks so that
    the calling process can drop the sample's frames while the blocks run: the report with
    every sample figure in it (its exclusions and static match are the blocks' and are filled
    in by `audit_from_parts`), and the AUC rows of every region the sample has."""

    report: dict
    auc: pd.DataFrame


def audit_on_sample(folder: str | Path, scenario: Scenario, args, sample: Sample
                    ) -> AuditOnSample:
    """The audit's sample parts (see AuditOnSample). The AUC is evaluated for every region
    present: `quality.evaluate` gives the rows asked for the same numbers whichever others
    are asked, and which regions the report lists depends on the blocks' people."""
    from adlens import quality
    from adlens.cli_engine import audit_report

    auc = quality.evaluate(sample.prepared, scenario, k=args.top, n_boot=args.boot,
                           metrics=("auc",))
    none = pd.DataFrame({"reason": pd.Series([], dtype=str),
                         "event_type": pd.Series([], dtype=str),
                         "events": pd.Series([], dtype=np.int64)})
    report = audit_report(sample.prepared, scenario, args, quality_report=auc,
                          exclusions=(0, none))
    # The folder's, as load_dataset gives it (hashing every byte: once per run, not twice).
    report["dataset_id"] = (sample.prepared.dataset_id if sample.everyone
                            else folder_dataset_id(folder))
    return AuditOnSample(report=report, auc=auc.summary)


def audit_from_parts(folder: Path, scenario: Scenario, args, block_people: int,
                     sample: Sample, parts: list[AuditBlock], sums=None,
                     on_sample: AuditOnSample | None = None) -> dict:
    """The audit report from the blocks' parts and the sample (see `audit_blocks`); `sums`:
    the parts' `quality.TopkSums` already added up (`_AuditSums`), else added here;
    `on_sample`: the sample's parts when computed before the blocks, else computed here."""
    from adlens import quality
    from adlens.cli_engine import exclusions_json, quality_json

    if on_sample is None:
        on_sample = audit_on_sample(folder, scenario, args, sample)
    parts = sorted(parts, key=lambda p: p.index)
    if sums is None:
        sums = quality.TopkSums.empty(quality.TOPK_METRICS, args.boot, 0)
        for part in parts:  # in block order, as _AuditSums
            sums = sums + part.sums
    wanted = ["All", *[r for r in schema.REGIONS if sums.people[quality.REGIONS.index(r)]]]
    auc = {}
    for r in wanted:
        rows = on_sample.auc[on_sample.auc["region"] == r]
        auc[r] = ([tuple(row) for row in rows.itertuples(index=False)] if len(rows) else
                  [(r, "auc", v, np.nan, np.nan, np.nan, 0) for v in quality.VARIANTS])
    rows = quality.summary_rows(sums, wanted, list(quality.METRICS), auc)
    q = quality.QualityReport(pd.DataFrame(rows, columns=[
        "region", "metric", "variant", "value", "ci_low", "ci_high", "n_people"]),
        k=args.top, n_boot=args.boot)
    counts = pd.concat([p.exclusion_counts for p in parts], ignore_index=True)
    counts = counts.groupby(["reason", "event_type"], as_index=False)["events"].sum()
    # The in-memory engine's order: reasons alphabetically, event types in the contract's order.
    rank = {t: i for i, t in enumerate(schema.EVENT_TYPES)}
    counts = counts.assign(_t=counts["event_type"].map(rank)).sort_values(
        ["reason", "_t"], kind="stable").drop(columns="_t").reset_index(drop=True)
    out = dict(on_sample.report)  # cli_engine.audit_report's fields, the blocks' filled in
    out["exclusions"] = exclusions_json(sum(p.n_excluded for p in parts), counts)
    out["static_interest_match"] = quality_json(q)
    out["computed"] = {
        "people": int(sums.people[0]), "blocks": len(parts), "block_people": block_people,
        "per_block": "exclusions; static_interest_match precision@k and ndcg@k (sums per "
                     "region and per resample of the Poisson bootstrap, added over blocks)",
        "on_the_sample": "click_model, sensitive_leakage, topic_accuracy, ai_chat_value and "
                         "the AUC rows of static_interest_match",
        "sample": sample.population.how}
    return out


# --- recall --------------------------------------------------------------------------------------
@dataclass(frozen=True, eq=False)
class RecallBlock:
    """One block's share of recall: its aggregates' pieces (`recall.AggregatePieces`: counts
    and exact sums that add up across blocks), its label-validity counts, how many
    coincidences it found, and the ones the listing may show.

    When the block wrote its coincidences and prior exposures to Parquet (`written`: the folder
    holding `coincidences/` and `prior_exposures/`), it hands back none of them: the listing
    and the median lead time read back only what they need from its files, so the caller holds
    a few kilobytes per block whatever the population. Otherwise it hands back its first
    `max_coincidences` (all when None: no block can add more to the listing) with their prior
    exposures, and `leads`, every coincidence's region and lead time, for the median."""

    index: int
    pieces: Any
    validity: pd.DataFrame | None
    seconds: float
    n_coincidences: int = 0
    coincidences: pd.DataFrame | None = None
    prior_exposures: pd.DataFrame | None = None
    leads: pd.DataFrame | None = None
    written: str | None = None


# Per-block files under a recall output folder; coincidence ids in them are numbered within
# the block (block-00003.parquet's id 0 is that block's first coincidence).
WRITTEN = ("coincidences", "prior_exposures")


def recall_block(folder: str | Path, index: int, ids: np.ndarray, scenario: Scenario,
                 population: blocks.Population, window_hours: float = 48,
                 lookback_days: float = 2.0, out: str | Path | None = None,
                 max_coincidences: int | None = None) -> RecallBlock:
    """Coincidences of one block of people, explained by the engine's attribution at the
    moment of each later ad and labelled as `recall.analyse_recall` does (written to `out`
    when given: see RecallBlock)."""
    start = time.perf_counter()
    prepared = _prepared_block(Path(folder), ids, population)
    return _recall_part(index, prepared, scenario, window_hours, lookback_days, start, out,
                        max_coincidences)


def _recall_part(index: int, prepared, scenario: Scenario, window_hours: float,
                 lookback_days: float, start: float, out: str | Path | None = None,
                 max_coincidences: int | None = None) -> RecallBlock:
    from adlens import recall

    events, ads, users, event_topic, attribute, dataset = recall._resolve(prepared)
    fr = recall.build_inputs(events, ads, users, scenario.as_of, 1000, event_topic)
    co, prior = recall.find_coincidences(fr, recall.DEFAULT_PARAMS, window_hours, lookback_days)
    recall.add_labels(co, users, attribute, scenario)
    validity = recall.label_validity(co, prior, dataset.truth)
    co = co.drop(columns=["g", "t_ms"])
    pieces = recall.aggregate_pieces(co)
    n = len(co)
    if out is not None:
        _write_recall_block(Path(out), index, co, prior)
        return RecallBlock(index=index, pieces=pieces, validity=validity,
                           seconds=time.perf_counter() - start, n_coincidences=n,
                           written=str(out))
    leads = pd.DataFrame({"region": pd.Categorical(co["region"], categories=schema.REGIONS),
                          "lead_hours": co["lead_hours"].to_numpy(dtype=np.float64)})
    if max_coincidences is not None and max_coincidences < n:
        co = co.head(max_coincidences)
        prior = prior[prior["coincidence_id"].isin(co["coincidence_id"])]
    return RecallBlock(index=index, pieces=pieces, validity=validity,
                       seconds=time.perf_counter() - start, n_coincidences=n, coincidences=co,
                       prior_exposures=prior, leads=leads)


def _block_file(out: Path, name: str, index: int) -> Path:
    return out / name / f"block-{index:05d}.parquet"


def _write_recall_block(out: Path, index: int, co: pd.DataFrame, prior: pd.DataFrame) -> None:
    """Write one block's coincidences and prior exposures (each file whole or not at all)."""
    for name, frame in zip(WRITTEN, (co, prior), strict=True):
        path = _block_file(out, name, index)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.tmp")
        frame.to_parquet(tmp, index=False)
        tmp.replace(path)


def _written_leads(parts: list[RecallBlock]):
    """Each written block's coincidences' region and lead time, one block's file at a time
    (the median lead time's second pass)."""
    for part in parts:
        if part.n_coincidences:
            table = pq.read_table(_block_file(Path(part.written), "coincidences", part.index),
                                  columns=["region", "lead_hours"])
            yield (table.column("region").to_numpy(zero_copy_only=False),
                   table.column("lead_hours").to_numpy())


def _read_listed(parts: list[RecallBlock], offsets: np.ndarray, limit: int | None,
                 empty_co: pd.DataFrame, empty_prior: pd.DataFrame
                 ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The first `limit` coincidences (all when None) and their prior exposures, read back
    from the blocks' files with ids numbered on in block order."""
    cos, priors, n = [], [], 0
    for part, offset in zip(parts, offsets, strict=False):
        if limit is not None and n >= limit:
            break
        if not part.n_coincidences:
            continue
        out = Path(part.written)
        co = pd.read_parquet(_block_file(out, "coincidences", part.index))
        if limit is not None:
            co = co.head(limit - n)
        prior = pd.read_parquet(_block_file(out, "prior_exposures", part.index))
        prior = prior[prior["coincidence_id"].isin(co["coincidence_id"])]
        cos.append(co.assign(coincidence_id=co["coincidence_id"] + offset))
        priors.append(prior.assign(coincidence_id=prior["coincidence_id"] + offset))
        n += len(co)
    co = pd.concat(cos, ignore_index=True) if cos else empty_co.iloc[:0]
    prior = pd.concat(priors, ignore_index=True) if priors else empty_prior.iloc[:0]
    return co, prior


def _held_listed(parts: list[RecallBlock], offsets: np.ndarray, limit: int | None,
                 empty_co: pd.DataFrame, empty_prior: pd.DataFrame
                 ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The first `limit` coincidences (all when None) and their prior exposures from the
    blocks' parts, with ids numbered on in block order."""
    cos = [p.coincidences.assign(coincidence_id=p.coincidences["coincidence_id"] + offset)
           for p, offset in zip(parts, offsets, strict=False)]
    co = pd.concat(cos, ignore_index=True) if cos else empty_co.iloc[:0]
    if limit is not None:
        co = co.head(limit)
    priors = [p.prior_exposures.assign(
        coincidence_id=p.prior_exposures["coincidence_id"] + offset)
        for p, offset in zip(parts, offsets, strict=False)]
    prior = pd.concat(priors, ignore_index=True) if priors else empty_prior.iloc[:0]
    return co, prior[prior["coincidence_id"].isin(co["coincidence_id"])]


def _combined_validity(parts: list[pd.DataFrame | None]) -> pd.DataFrame | None:
    """Label validity from per-block counts (precision and recall recomputed)."""
    if not parts or any(p is None for p in parts):
        return None
    first = parts[0]
    out = first.copy()
    for col in ("n_labelled", "n_true", "n_correct"):
        values = [p[col].to_numpy() for p in parts]
        if first[col].isna().all() or first[col].dtype == object and first[col].isna().any():
            out[col] = [None if v is None or (isinstance(v, float) and np.isnan(v))
                        else int(sum(int(p[col].iloc[i]) for p in parts))
                        for i, v in enumerate(first[col])]
        else:
            out[col] = np.sum(values, axis=0)
    for i in range(len(out)):
        n_l, n_t, n_c = out["n_labelled"].iloc[i], out["n_true"].iloc[i], out["n_correct"].iloc[i]
        if n_t is None or (isinstance(n_t, float) and np.isnan(n_t)):
            continue
        out.loc[out.index[i], "precision"] = n_c / n_l if n_l else float("nan")
        out.loc[out.index[i], "recall"] = n_c / n_t if n_t else float("nan")
    return out


def recall_blocks(folder: str | Path, scenario: Scenario, block_people: int,
                  window_hours: float = 48, lookback_days: float = 2.0,
                  sample_people: int = blocks.DEFAULT_SAMPLE_PEOPLE, sample: Sample | None = None,
                  client=None, progress: Progress | None = None, out: str | Path | None = None,
                  max_coincidences: int | None = None):
    """`recall.analyse_recall` for a Parquet folder: coincidences, labels, aggregates and
    validity per block of people; the excess over placebo moments and the microphone test on
    the seeded sample. Only the first `max_coincidences` (all when None) are listed; with
    `out`, each block's coincidences and prior exposures are written there and only those
    are read back. Returns (RecallResult, computed)."""
    folder = Path(folder)
    sample = sample or prepare_sample(folder, sample_people)
    ids = blocks.person_ids(folder)
    parts: list[RecallBlock] = _run_blocks(
        recall_block, folder, ids, block_people,
        {"scenario": scenario, "population": sample.population, "window_hours": window_hours,
         "lookback_days": lookback_days, "out": None if out is None else str(out),
         "max_coincidences": max_coincidences}, client, progress)
    return recall_from_parts(scenario, block_people, window_hours, lookback_days, sample,
                             parts, len(ids), max_coincidences)


def recall_on_sample(sample: Sample, scenario: Scenario, window_hours: float,
                     lookback_days: float):
    """Recall on the seeded sample, for its excess over placebo moments and microphone test,
    kept without its coincidences, prior exposures and timelines (the blocks give those), so
    that it can be computed before the blocks and the sample's frames dropped."""
    from adlens import recall

    found = recall.analyse_recall(sample.prepared, scenario, window_hours=window_hours,
                                  lookback_days=lookback_days)
    return dataclasses.replace(found, coincidences=found.coincidences.iloc[:0].copy(),
                               prior_exposures=found.prior_exposures.iloc[:0].copy(),
                               inputs=None)


def recall_from_parts(scenario: Scenario, block_people: int, window_hours: float,
                      lookback_days: float, sample: Sample, parts: list[RecallBlock],
                      n_people: int, max_coincidences: int | None = None, on_sample=None):
    """The recall result from the blocks' parts and the sample (see `recall_blocks`): the
    aggregates from the blocks' summed pieces (`recall.aggregates_from`, as the whole-dataset
    path computes them), the first `max_coincidences` coincidences listed. Coincidence ids are
    numbered on in block order (people in user_id order). `on_sample`: `recall_on_sample`'s
    result when computed before the blocks, else computed here."""
    from adlens import recall

    parts = sorted(parts, key=lambda p: p.index)
    if on_sample is None:
        on_sample = recall_on_sample(sample, scenario, window_hours, lookback_days)
    offsets = np.cumsum([0, *(p.n_coincidences for p in parts)])
    written = {p.written for p in parts}
    if len(written) > 1:
        raise ValueError("Some blocks wrote their coincidences and some did not.")
    out = next(iter(written), None)
    pieces = functools.reduce(operator.add, (p.pieces for p in parts),
                              recall.aggregate_pieces(on_sample.coincidences.iloc[:0]))
    if out is None:
        co, prior = _held_listed(parts, offsets, max_coincidences, on_sample.coincidences,
                                 on_sample.prior_exposures)
        aggregates = recall.aggregates_from(pieces, lambda: (
            (p.leads["region"], p.leads["lead_hours"]) for p in parts))
    else:
        co, prior = _read_listed(parts, offsets, max_coincidences, on_sample.coincidences,
                                 on_sample.prior_exposures)
        aggregates = recall.aggregates_from(pieces, lambda: _written_leads(parts))
    result = dataclasses.replace(
        on_sample, coincidences=co, prior_exposures=prior, aggregates=aggregates,
        validity=_combined_validity([p.validity for p in parts]),
        n_coincidences=int(offsets[-1]))
    computed = {
        "people": int(n_people), "blocks": len(parts), "block_people": block_people,
        "per_block": "coincidences, prior exposures, labels, aggregates (counts and sums per "
                     "block; the median lead time from counts per hour, then the leads of "
                     "its hour), label_validity",
        "on_the_sample": "excess_over_placebo and microphone_test (placebo times are drawn "
                         "from everyone's conversation times)",
        "sample": sample.population.how}
    if out is not None:
        computed["written"] = {name: str(Path(out) / name) for name in WRITTEN}
    return result, computed


# --- everything in one pass per block ------------------------------------------------------------
@dataclass(frozen=True, eq=False)
class EverythingBlock:
    """One block checked and prepared once, then scored, audited and searched for
    coincidences."""

    index: int
    score: blocks.BlockResult
    audit: AuditBlock | None
    recall: RecallBlock | None


def everything_block(folder: str | Path, index: int, ids: np.ndarray, scenario: Scenario,
                     population: blocks.Population, top_k: int = 5,
                     out: str | Path | None = None, audit: bool = True, recall: bool = True,
                     window_hours: float = 48, lookback_days: float = 2.0,
                     max_coincidences: int | None = None,
                     n_boot: int = 200) -> EverythingBlock:
    """The block tasks of `blocks.score_block`, `audit_block` and `recall_block` on one read,
    one check and one preparation of the block (chat inference is most of a block's cost)."""
    from adlens import engine

    t0 = time.perf_counter()
    prepared = _prepared_block(Path(folder), ids, population)
    t1 = time.perf_counter()
    result = engine.run_scenario(prepared, scenario, top_k=top_k)
    score = blocks.score_prepared(index, prepared, scenario, top_k, out, result=result,
                                  seconds={"read_check_prepare": t1 - t0,
                                           "score_and_attribute": time.perf_counter() - t1})
    t2 = time.perf_counter()
    audited = (_audit_part(index, prepared, result, scenario, top_k, t2, n_boot) if audit
               else None)
    t3 = time.perf_counter()
    found = (_recall_part(index, prepared, scenario, window_hours, lookback_days, t3, out,
                          max_coincidences) if recall else None)
    score.seconds.update({"audit": t3 - t2, "recall": time.perf_counter() - t3})
    # The block's frames are dropped now and their memory handed back, so a worker waiting
    # for its next block does not sit at this block's high-water mark beside the one working.
    del prepared, result
    blocks.release_memory()
    return EverythingBlock(index, score, audited, found)


def everything(folder: str | Path, scenario: Scenario, args, client=None,
               progress: Progress | None = None) -> dict:
    """Score and attribute everyone, and (args.audit / args.recall) the audit and recall
    reports, in one pass over the blocks: the `blocks` command's summary with `audit` and
    `recall` sections equal to what `audit` and `recall` give on the folder."""
    folder = Path(folder)
    timings: dict[str, float] = {}
    start = time.perf_counter()
    sample = prepare_sample(folder, args.sample_people)
    timings["sample"] = time.perf_counter() - start
    # What comes from the sample is computed now, not after the blocks, and the sample's
    # frames dropped: the calling process then holds the population pieces, not 50,000
    # people's prepared events, while the workers are at their peak (docs/SCALE.md section 10).
    t = time.perf_counter()
    audit_sample = audit_on_sample(folder, scenario, args, sample) if args.audit else None
    timings["audit_on_sample"] = time.perf_counter() - t
    t = time.perf_counter()
    recall_sample = (recall_on_sample(sample, scenario, args.window_hours, args.lookback_days)
                     if args.recall else None)
    timings["recall_on_sample"] = time.perf_counter() - t
    sample = dataclasses.replace(sample, prepared=None)
    blocks.release_memory()
    ids = blocks.person_ids(folder)
    out_dir = Path(args.out) if args.out else None
    if out_dir is not None:
        out_dir.mkdir(parents=True, exist_ok=True)
    t = time.perf_counter()
    summed = _AuditSums(args.boot, field="audit")
    parts: list[EverythingBlock] = _run_blocks(
        everything_block, folder, ids, args.block_people,
        {"scenario": scenario, "population": sample.population, "top_k": args.top,
         "out": None if out_dir is None else str(out_dir), "audit": args.audit,
         "recall": args.recall, "window_hours": args.window_hours,
         "lookback_days": args.lookback_days, "max_coincidences": args.max_coincidences,
         "n_boot": args.boot}, client, progress, keep=summed)
    timings["blocks"] = time.perf_counter() - t
    run = blocks.combine([p.score for p in parts], sample.population, args.block_people)
    summary: dict[str, Any] = {
        "people": run.n_people, "events": run.n_events, "blocks": run.n_blocks,
        "recommendations": run.n_recommendations, "population": sample.population.how,
        "signal_shares": run.signal_shares().iloc[0].to_dict(),
        "exclusions": run.exclusion_counts.to_dict(orient="records"),
        "seconds_in_blocks": run.seconds, "out": args.out}
    t = time.perf_counter()
    if args.audit:
        summary["audit"] = audit_from_parts(folder, scenario, args, args.block_people, sample,
                                            [p.audit for p in parts], summed.sums,
                                            on_sample=audit_sample)
    if args.recall:
        result, computed = recall_from_parts(scenario, args.block_people, args.window_hours,
                                             args.lookback_days, sample,
                                             [p.recall for p in parts], len(ids),
                                             args.max_coincidences, on_sample=recall_sample)
        summary["recall"] = {**result.to_json_dict(args.max_coincidences),
                             "computed": computed}
    timings["combine"] = time.perf_counter() - t
    summary["seconds"] = {k: round(v, 3) for k, v in timings.items()}
    return summary


# --- command line: `python -m adlens validate` --------------------------------------------------
def add_validate_arguments(parser) -> None:
    """`contract`'s arguments, and the block path's (--blocks, --block-people)."""
    from adlens import contract
    from adlens.cli_engine import add_block_arguments

    contract.add_arguments(parser)
    add_block_arguments(parser)


def run_validate(args) -> int:
    """The contract's `validate`, one block of people at a time when the block path is taken
    (files of any size: the --max-mb limit guards loading whole files into memory, which this
    path never does)."""
    import sys

    from adlens import contract
    from adlens.cli_engine import cluster_client

    try:
        blocked = use_blocks(args.path, args.blocks, args.block_people)
    except ValueError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    if not blocked:
        return contract.run(args)

    client = None
    try:
        client = cluster_client(args)
        summary = validate_blocks(args.path, args.block_people, progress=lambda d, t: print(
            f"block {d}/{t}", file=sys.stderr, flush=True), client=client)
    except ContractError as exc:
        n = len(exc.problems)
        print(f"{args.path}: {n} problem{'s' if n != 1 else ''} with the data contract. "
              + contract.ROW_NOTE, file=sys.stderr)
        for problem in exc.problems:
            print(f"- {problem}", file=sys.stderr)
        return 1
    except Exception as exc:  # noqa: BLE001 — never a traceback on the command line
        print(f"{args.path}: could not be validated ({type(exc).__name__}: {exc})",
              file=sys.stderr)
        return 1
    finally:
        blocks.close_client(client)
    print("\n".join(contract.summary_lines(summary)))
    return 0

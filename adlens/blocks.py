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

import contextlib
import ctypes
import ctypes.util
import gc
import itertools
import sys
import time
import types
import uuid
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from adlens import contract, engine, schema
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


def release_memory() -> None:
    """Hand memory no longer used back to the system: what Python freed stays in the C heap
    (glibc keeps freed pages of its arenas) and in Arrow's pool until asked, so a process that
    has dropped a large frame would otherwise stay at its high-water mark. Called when the
    calling process drops the seeded sample and after each block (docs/SCALE.md section 10)."""
    gc.collect()
    pa.default_memory_pool().release_unused()
    if _LIBC is not None:
        _LIBC.malloc_trim(0)


def _libc():
    name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(name) if name else None
    except OSError:
        return None
    return libc if libc is not None and hasattr(libc, "malloc_trim") else None


_LIBC = _libc()


def _read(folder: Path, table: str, filters=None) -> pd.DataFrame:
    return pq.read_table(folder / f"{table}.parquet", filters=filters).to_pandas()


ID_BATCH = 65_536  # user ids read at a time when the users file is already sorted


@dataclass(frozen=True)
class PersonIds:
    """The people of a folder's users table in sorted user_id order (the order blocks are cut
    in), without holding every id: `len` is how many there are, `bounds(block_people)` each
    block's first and last id. Held as Python strings, 10M ids were about 0.9 GB in the
    calling process; this holds two strings a block."""

    users: Path  # users.parquet
    n: int  # ids that are not null

    def __len__(self) -> int:
        return self.n

    def bounds(self, block_people: int) -> list[tuple[str, str]]:
        """(first id, last id) of each run of `block_people` sorted ids: read a batch at a time
        when the file is sorted (as generated), else sorted whole in Arrow (its bytes, not one
        Python string an id; UTF-8 byte order is code-point order, as Python sorts)."""
        if block_people < 1:
            raise ValueError("block_people must be at least 1.")
        found = _sorted_bounds(self.users, self.n, block_people)
        if found is not None:
            return found
        ids = pc.drop_null(pq.read_table(self.users, columns=["user_id"])["user_id"]
                           .cast(pa.string()))
        order = pc.sort_indices(ids)
        at = _bound_positions(0, len(ids), len(ids), block_people)
        picked = ids.take(order.take(pa.array(at, type=pa.int64()))).to_pylist()
        return list(zip(picked[0::2], picked[1::2], strict=True))


def _bound_positions(offset: int, length: int, n: int, block_people: int) -> np.ndarray:
    """Positions in [offset, offset + length) of the sorted ids that start or end a block
    (of n ids in blocks of `block_people`), in order: start, end, start, end, ..."""
    starts = np.arange(0, n, block_people)
    ends = np.minimum(starts + block_people, n) - 1
    at = np.column_stack([starts, ends]).ravel()
    return at[(at >= offset) & (at < offset + length)]


def _sorted_bounds(users: Path, n: int, block_people: int) -> list[tuple[str, str]] | None:
    """`PersonIds.bounds` from one pass over the file in batches when its ids are already
    sorted and not null; None as soon as they are not (the caller then sorts)."""
    picked: list[str] = []
    offset, last = 0, None
    for batch in pq.ParquetFile(users).iter_batches(batch_size=ID_BATCH, columns=["user_id"]):
        ids = batch.column(0).cast(pa.string())
        if not len(ids):
            continue
        if ids.null_count or (last is not None and pc.less(ids[0], last).as_py()) or (
                len(ids) > 1 and pc.any(pc.less(ids[1:], ids[:-1])).as_py()):
            return None
        at = _bound_positions(offset, len(ids), n, block_people) - offset
        picked += ids.take(pa.array(at, type=pa.int64())).to_pylist()
        offset, last = offset + len(ids), ids[len(ids) - 1]
    return list(zip(picked[0::2], picked[1::2], strict=True))


def person_ids(folder: str | Path) -> PersonIds:
    """The people of the folder's users table (see PersonIds: blocks are cut from it)."""
    users = Path(folder) / "users.parquet"
    meta = pq.ParquetFile(users).metadata
    index = meta.schema.to_arrow_schema().get_field_index("user_id")
    nulls = 0
    for i in range(meta.num_row_groups):
        stats = meta.row_group(i).column(index).statistics
        if stats is None or not stats.has_null_count:
            nulls = pc.sum(pc.is_null(pq.read_table(users, columns=["user_id"])["user_id"])
                           ).as_py() or 0
            break
        nulls += stats.null_count
    return PersonIds(users=users, n=meta.num_rows - nulls)


# --- blocks on the events file's row groups -----------------------------------------------------
# Events stored in person order (as generated) come in row groups of about a million rows,
# about 18,000 people each; a block cut by people decodes every row group it touches whole, two
# or three for a block of 20,000 people (about twice its rows). Cut on the row groups instead,
# a block decodes its own row groups and, when its last person's events run on into the next
# row group, only the head of that one (`events_between`).


def _id_stats(path: Path) -> list[tuple[int, str, str, int]] | None:
    """Each row group's (rows, smallest user_id, largest, nulls) from the file's statistics
    (an empty row group: (0, "", "", 0)); None when a row group with rows has none."""
    meta = pq.ParquetFile(path).metadata
    index = meta.schema.to_arrow_schema().get_field_index("user_id")
    if index < 0:
        return None
    out = []
    for i in range(meta.num_row_groups):
        group = meta.row_group(i)
        if not group.num_rows:
            out.append((0, "", "", 0))
            continue
        stats = group.column(index).statistics
        if stats is None or not stats.has_min_max or not stats.has_null_count:
            return None
        low, high = stats.min, stats.max
        if isinstance(low, bytes):
            low, high = low.decode(), high.decode()
        out.append((group.num_rows, str(low), str(high), stats.null_count))
    return out


def row_group_blocks(folder: str | Path, n_people: int, block_people: int
                     ) -> list[tuple[str, str]] | None:
    """Blocks of whole row groups of the folder's events, as (first id, last id) pairs (both
    inclusive, as `PersonIds.bounds` gives), when the events are stored in person order (each
    row group's ids at or after the previous one's, no id missing) and no row group holds more
    than a block's share of events (`block_people` × events per person); else None (cut by
    people). Consecutive row groups are taken together while their events fit that share. A
    person whose events run on from one row group into the next belongs to the block that
    ends there: the next block starts just after them (their id + NUL, the next possible id).
    The first block starts at the smallest id of users or events, the last ends at the largest,
    so that the blocks hold every person."""
    folder = Path(folder)
    events = [g for g in _id_stats(folder / "events.parquet") or [] if g[0]]
    users = [g for g in _id_stats(folder / "users.parquet") or [] if g[0]]
    if not events or not users or n_people < 1:
        return None
    share = block_people * sum(g[0] for g in events) / n_people
    if any(nulls for _, _, _, nulls in events) or any(
            rows > share for rows, _, _, _ in events) or any(
            events[i][1] < events[i - 1][2] for i in range(1, len(events))):
        return None
    ends, rows = [], 0
    for i, group in enumerate(events):
        if rows and rows + group[0] > share:
            ends.append(events[i - 1][2])
            rows = 0
        rows += group[0]
    first = min(events[0][1], *(g[1] for g in users))
    last = max(events[-1][2], *(g[2] for g in users))
    starts = [first, *(end + "\0" for end in ends)]
    return list(zip(starts, [*ends, last], strict=True))


def cut(folder: str | Path, ids: np.ndarray | PersonIds, block_people: int
        ) -> Iterator[np.ndarray]:
    """`blocks`, on the events' row groups when they allow it (`row_group_blocks`: the
    folder's people as PersonIds, events in person order), else runs of `block_people`
    sorted ids. Every figure is the same either way: none depends on the block size."""
    aligned = (row_group_blocks(folder, len(ids), block_people)
               if isinstance(ids, PersonIds) else None)
    if aligned is None:
        yield from blocks(ids, block_people)
        return
    for lo, hi in aligned:
        yield np.array([lo, hi], dtype=object)


def block_name(ids: np.ndarray) -> str:
    """A block in words: its first and last person ("after X" when it starts just after a
    person, see `row_group_blocks`)."""
    lo, hi = str(ids[0]), str(ids[-1])
    return f"people {'after ' + lo[:-1] if lo.endswith(chr(0)) else lo} to {hi}"


def events_between(folder: str | Path, lo: str | None, hi: str | None) -> pd.DataFrame:
    """The events of people with lo <= user_id < hi (None: open on that side; with lo None,
    events without a user_id too), in the file's order: what Arrow's dataset scanner gives
    with that filter, decoding less. A row group the statistics put wholly inside is read
    whole; one they put partly inside has its user_id column read first: when the rows wanted
    are its first ones (a person's events running on from the row group before), only those
    rows are decoded; when they are one run of rows, the row group is read and sliced; else
    read and filtered."""
    path = Path(folder) / "events.parquet"
    file = pq.ParquetFile(path)
    stats = _id_stats(path)
    parts = []
    for i in range(file.metadata.num_row_groups):
        if file.metadata.row_group(i).num_rows == 0:
            continue
        inside = None if stats is None else _inside(stats[i], lo, hi)
        if inside is False:
            continue
        if inside is True:
            parts.append(file.read_row_group(i))
            continue
        wanted = _wanted(file.read_row_group(i, columns=["user_id"]).column(0), lo, hi)
        n = pc.sum(wanted).as_py() or 0
        if n == 0:
            continue
        first = pc.index(wanted, True).as_py()
        if not pc.all(wanted.slice(first, n)).as_py():  # not one run of rows: filtered
            parts.append(file.read_row_group(i).filter(wanted))
        elif first == 0:  # the first n rows: only they are decoded
            parts.append(_head(file, i, n))
        else:  # a run of rows from the middle or the end: sliced, not copied
            parts.append(file.read_row_group(i).slice(first, n))
    table = pa.concat_tables(parts) if parts else file.schema_arrow.empty_table()
    return table.to_pandas()


def _inside(stats: tuple[int, str, str, int], lo: str | None, hi: str | None) -> bool | None:
    """Whether every row of a row group is in [lo, hi) (True), none is (False), or it takes
    reading its ids (None), from its statistics (rows without an id belong to lo None)."""
    rows, low, high, nulls = stats
    if nulls and lo is None:
        return None if nulls < rows else True
    if (lo is not None and high < lo) or (hi is not None and low >= hi):
        return False
    if (lo is None or low >= lo) and (hi is None or high < hi) and not nulls:
        return True
    return None


def _wanted(ids: pa.ChunkedArray, lo: str | None, hi: str | None) -> pa.ChunkedArray:
    """Which of these ids are in [lo, hi), as booleans (rows without an id: when lo is
    None, as the block path's first block takes them)."""
    ids = ids.cast(pa.string())
    keep = pc.is_valid(ids)
    if lo is not None:
        keep = pc.and_(keep, pc.fill_null(pc.greater_equal(ids, lo), False))
    if hi is not None:
        keep = pc.and_(keep, pc.fill_null(pc.less(ids, hi), False))
    if lo is None:
        keep = pc.or_(keep, pc.is_null(ids))
    return keep


HEAD_BATCH = 8_192  # rows decoded at a time when only a row group's first rows are wanted


def _head(file: pq.ParquetFile, group: int, n: int) -> pa.Table:
    """The first n rows of a row group, decoding batch by batch up to them only."""
    taken, batches = 0, []
    for batch in file.iter_batches(batch_size=HEAD_BATCH, row_groups=[group]):
        batches.append(batch.slice(0, n - taken))
        taken += len(batches[-1])
        if taken >= n:
            break
    return pa.Table.from_batches(batches, schema=file.schema_arrow)


@dataclass(frozen=True)
class _BlockTable(contract._TableFile):
    """A block's table for the data contract, fingerprinted by its size only: hashing every
    cell of every block for an id nothing caches (a block is never stored) cost a fifth of a
    block's check. The block's source names its people."""

    def fingerprint(self) -> bytes:
        return f"{len(self.frame)}:{list(self.frame.columns)}".encode()


def check_block(frames: dict[str, pd.DataFrame], source: str) -> Dataset:
    """A block of people's tables through the data contract (`contract.from_frames`' checks;
    the dataset id only tells blocks of different sizes apart, see `_BlockTable`)."""
    tables = (*schema.TABLES, *schema.OPTIONAL_TABLES)
    problems = [contract.Problem(t, (), None, f"the {t} table is missing")
                for t in schema.TABLES if t not in frames]
    files = sorted((_BlockTable(t, t, frame=f.copy(deep=False), part=t != "ads")
                    for t, f in frames.items()
                    if t in tables), key=lambda f: tables.index(f.table))
    dataset = contract._validate(files, source, problems)
    return dataset


def _block_dataset(folder: Path, users: pd.DataFrame, ads: pd.DataFrame, ids: np.ndarray
                   ) -> Dataset:
    """The block's people, all ads and the block's events, through the data contract."""
    lo, hi = str(ids[0]), str(ids[-1])
    block_users = users[users["user_id"].astype(str).between(lo, hi)]
    events = events_between(folder, lo, hi + "\0")  # hi inclusive
    return check_block({"users": block_users.reset_index(drop=True), "ads": ads,
                        "events": events}, source=block_name(ids))


def blocks(ids: np.ndarray | PersonIds, block_people: int) -> Iterator[np.ndarray]:
    """Consecutive runs of `block_people` sorted ids; of PersonIds, each run's first and last
    id only (all a block task reads: its people are those between them)."""
    if isinstance(ids, PersonIds):
        for lo, hi in ids.bounds(block_people):
            yield np.array([lo, hi], dtype=object)
        return
    for start in range(0, len(ids), block_people):
        yield ids[start:start + block_people]


def sample_dataset(folder: str | Path, sample_people: int = DEFAULT_SAMPLE_PEOPLE,
                   seed: int = 0, with_truth: bool = False) -> tuple[Dataset, int, str]:
    """The people the population-wide pieces are learned on, through the data contract: a
    seeded sample of at most `sample_people` people (everyone when there are no more), with
    their events (and, `with_truth`, their interests and truth when the folder has them: the
    audit and recall read them; learning the click model does not). Returns (dataset, number
    of people in the folder, how they were chosen)."""
    folder = Path(folder)
    users_file = pq.ParquetFile(folder / "users.parquet")
    ads = _read(folder, "ads")
    n = users_file.metadata.num_rows
    optional = {t: folder / f"{t}.parquet" for t in schema.OPTIONAL_TABLES} if with_truth \
        else {}
    if n <= sample_people:
        chosen = _read(folder, "users")
        events = _read(folder, "events")
        extra = {t: _read(folder, t) for t, path in optional.items() if path.is_file()}
        how = f"learned on all {n:,} people"
    else:
        rng = np.random.default_rng(seed)
        pick = np.sort(rng.choice(n, sample_people, replace=False))
        chosen = _rows_at(users_file, pick)
        # Filtered one row group at a time: only one row group and the sample's rows are held.
        wanted = chosen["user_id"].astype(str).to_numpy()
        events = _rows_in(folder / "events.parquet", "user_id", wanted)
        extra = {}
        if optional.get("interests") is not None and optional["interests"].is_file():
            extra["interests"] = _rows_in(optional["interests"], "user_id", wanted)
        if optional.get("truth") is not None and optional["truth"].is_file():
            extra["truth"] = _rows_in(optional["truth"], "event_id",
                                      events["event_id"].astype(str).to_numpy())
        how = (f"learned on a seeded sample of {sample_people:,} of {n:,} people "
               f"(seed {seed})")
    sample = from_frames({"users": chosen, "ads": ads, "events": events, **extra},
                         source="population sample")
    return sample, n, how


def _rows_in(path: Path, column: str, values: np.ndarray) -> pd.DataFrame:
    """The rows of a Parquet file whose `column` (as text) is one of `values`, in the file's
    order: the rows `pq.read_table` gives with an "in" filter, read and filtered one row group
    at a time. The filtered read held several decoded row groups at once, its memory growing
    with the file: 1.8 GB of peak for a 50,000-person sample of 1M people's events, against
    0.9 GB row group by row group; the sample step at 10M people peaked at 9.0 GB, now 2.0
    (docs/SCALE.md section 10)."""
    file = pq.ParquetFile(path)
    value_set = pa.array(np.asarray(values, dtype=object).astype(str), type=pa.string())
    parts = []
    for i in range(file.metadata.num_row_groups):
        table = file.read_row_group(i)
        keep = pc.fill_null(pc.is_in(table.column(column).cast(pa.string()),
                                     value_set=value_set), False)
        parts.append(table.filter(keep))
    table = pa.concat_tables(parts) if parts else file.schema_arrow.empty_table()
    return table.to_pandas()


def _rows_at(file: pq.ParquetFile, rows: np.ndarray) -> pd.DataFrame:
    """The rows at these sorted positions of a Parquet file, read one row group at a time (the
    whole users table of 10M people is a few hundred MB; the sample's rows are not)."""
    parts, offset = [], 0
    for i in range(file.metadata.num_row_groups):
        size = file.metadata.row_group(i).num_rows
        lo, hi = np.searchsorted(rows, [offset, offset + size])
        if hi > lo:
            parts.append(file.read_row_group(i).take(pa.array(rows[lo:hi] - offset)))
        offset += size
    table = pa.concat_tables(parts) if parts else file.schema_arrow.empty_table()
    return table.to_pandas()


def population_of(prepared, n_people: int, how: str) -> Population:
    """The population-wide pieces of a prepared sample (see `sample_dataset`)."""
    return Population(click_model=prepared.click_model,
                      similar_topics=prepared.codes.similar_topics, n_people=n_people,
                      sample_people=prepared.codes.n_users, how=how)


def learn_population(folder: str | Path, sample_people: int = DEFAULT_SAMPLE_PEOPLE,
                     seed: int = 0) -> Population:
    """The click model and similar-people map, learned on a seeded sample of at most
    `sample_people` people (all of them when there are no more: the in-memory engine's)."""
    sample, n, how = sample_dataset(folder, sample_people, seed)
    prepared = engine.prepare(sample, use_artifacts=False)
    return population_of(prepared, n, how)


def share_sums_by(contrib: np.ndarray, code: np.ndarray, n: int) -> dict[str, np.ndarray]:
    """Per group (`code` in 0..n-1, one per recommended ad): each signal's positive
    contributions, n_ads, ads_with_ai_chat and ai_chat_largest (the sums in SHARE_SUMS)."""
    ai_col = schema.SIGNALS.index("ai_chat")
    ai = contrib[:, ai_col]
    largest = (contrib.argmax(axis=1) == ai_col) & (ai > 0) if len(contrib) else ai > 0
    sums = {s: np.bincount(code, np.clip(contrib[:, i], 0.0, None), minlength=n)
            for i, s in enumerate(schema.SIGNALS)}
    sums["n_ads"] = np.bincount(code, minlength=n).astype(float)
    sums["ads_with_ai_chat"] = np.bincount(code, (ai > 0).astype(float), minlength=n)
    sums["ai_chat_largest"] = np.bincount(code, largest.astype(float), minlength=n)
    return sums


def _share_sums(recommendations: pd.DataFrame) -> dict[str, float]:
    contrib = recommendations[list(engine.CONTRIB_COLUMNS)].to_numpy(dtype=float)
    sums = share_sums_by(contrib, np.zeros(len(contrib), dtype=np.int64), 1)
    return {key: float(value[0]) for key, value in sums.items()}


def sum_exclusion_counts(parts: list[pd.DataFrame]) -> pd.DataFrame:
    """Blocks' exclusion counts (reason, event_type, events) summed, in a stable order."""
    combined = pd.concat(parts, ignore_index=True) if parts \
        else pd.DataFrame({"reason": [], "event_type": [], "events": []})
    combined = combined.astype({"reason": str, "event_type": str})
    return (combined.groupby(["reason", "event_type"], as_index=False)["events"].sum()
            .sort_values(["reason", "event_type"]).reset_index(drop=True))


@dataclass(frozen=True, eq=False)
class BlockResult:
    """What one block hands back: small sums and counts (and its rows only when kept)."""

    index: int
    n_people: int
    n_events: int
    n_recommendations: int
    share_sums: dict[str, float]
    exclusion_counts: pd.DataFrame
    seconds: dict[str, float]
    recommendations: pd.DataFrame | None = None


def score_block(folder: str | Path, index: int, ids: np.ndarray, scenario: Scenario,
                population: Population, top_k: int = 5, out: str | Path | None = None,
                keep: bool = False) -> BlockResult:
    """Check, prepare, score and attribute one block of people (sorted ids); a task that runs
    the same in this process or on a Dask worker (it reads its own slice of the folder)."""
    seconds: dict[str, float] = {}
    prepared = prepare_block(folder, ids, population, seconds)
    return score_prepared(index, prepared, scenario, top_k, out, keep, seconds)


def prepare_block(folder: str | Path, ids: np.ndarray, population: Population,
                  seconds: dict[str, float] | None = None):
    """Read and check one block of people (sorted ids: their users and events, all ads) and
    prepare it with the population pieces; `seconds` gets 'read_and_check' and 'prepare'."""
    folder = Path(folder)
    t0 = time.perf_counter()
    lo, hi = str(ids[0]), str(ids[-1])
    users = _read(folder, "users", filters=[("user_id", ">=", lo), ("user_id", "<=", hi)])
    dataset = _block_dataset(folder, users, _read(folder, "ads"), ids)
    t1 = time.perf_counter()
    prepared = prepare_with(dataset, population)
    if seconds is not None:
        seconds.update({"read_and_check": t1 - t0, "prepare": time.perf_counter() - t1})
    return prepared


def prepare_with(dataset: Dataset, population: Population):
    """`engine.prepare` of a block with the population's click model and similar-people map
    (never the bundled sample's stored artifacts)."""
    return engine.prepare(dataset, use_artifacts=False,
                          population=(population.click_model, population.similar_topics))


def score_prepared(index: int, prepared, scenario: Scenario, top_k: int = 5,
                   out: str | Path | None = None, keep: bool = False,
                   seconds: dict[str, float] | None = None, result=None) -> BlockResult:
    """Score and attribute a prepared block (or take its `result` of run_scenario)."""
    t2 = time.perf_counter()
    result = result or engine.run_scenario(prepared, scenario, top_k=top_k)
    t3 = time.perf_counter()
    rec = result.recommendations
    if out is not None:
        rec.to_parquet(Path(out) / f"block-{index:05d}.parquet", index=False)
    kept = rec.astype({c: str for c in ("user_id", "app", "ad_id", "topic", "advertiser",
                                        "title")}) if keep else None
    counts = result.exclusion_counts().astype({"reason": str, "event_type": str})
    dataset = prepared.dataset
    return BlockResult(index=index, n_people=dataset.n_users, n_events=dataset.n_events,
                       n_recommendations=len(rec), share_sums=_share_sums(rec),
                       exclusion_counts=counts, recommendations=kept,
                       seconds={**(seconds or {}), "score_and_attribute": t3 - t2 + (
                                    seconds or {}).get("score_and_attribute", 0.0),
                                "write": time.perf_counter() - t3})


def score_blocks(folder: str | Path, scenario: Scenario, block_people: int = DEFAULT_BLOCK_PEOPLE,
                 top_k: int = 5, population: Population | None = None,
                 out: str | Path | None = None, keep: bool = False,
                 progress: Callable[[int, int], None] | None = None, client=None) -> BlockRun:
    """Score and attribute everyone in a Parquet dataset folder, `block_people` at a time.

    out: a folder to write each block's recommendations to (block-00000.parquet, ...).
    keep: also return every recommendation in memory (for small populations and tests).
    progress(blocks done, blocks in all) after each block.
    client: a dask.distributed Client (see `dask_client`): blocks run as its tasks, at most
      two per worker waiting at a time; None runs them one after another in this process.
      The folder (and `out`) must then be readable (writable) by every worker.
    Results are combined in block order, so they do not depend on where blocks ran.
    """
    folder = Path(folder)
    if block_people < 1:
        raise ValueError("block_people must be at least 1.")
    start = time.perf_counter()
    population = population or learn_population(folder)
    learned = time.perf_counter() - start
    ids = person_ids(folder)
    out_dir = Path(out) if out is not None else None
    if out_dir is not None:
        out_dir.mkdir(parents=True, exist_ok=True)
    work = list(enumerate(cut(folder, ids, block_people)))
    args = {"scenario": scenario, "population": population, "top_k": top_k,
            "out": None if out_dir is None else str(out_dir), "keep": keep}
    results: list[BlockResult] = []
    if client is None:
        for index, block in work:
            results.append(score_block(folder, index, block, **args))
            if progress is not None:
                progress(len(results), len(work))
    else:
        results = run_on_dask(client, score_block, folder, work, args, progress)
    return combine(results, population, block_people, keep, {"population": learned})


def combine(results: list[BlockResult], population: Population, block_people: int,
            keep: bool = False, seconds: dict[str, float] | None = None) -> BlockRun:
    """The blocks' results summed in block order, whatever order they finished in."""
    results = sorted(results, key=lambda r: r.index)
    run = BlockRun(population=population, block_people=block_people)
    seconds = dict(seconds or {})
    for r in results:
        for key, value in r.share_sums.items():
            run.share_sums[key] += value
        for key, value in r.seconds.items():
            seconds[key] = seconds.get(key, 0.0) + value
        run.n_blocks += 1
        run.n_people += r.n_people
        run.n_events += r.n_events
        run.n_recommendations += r.n_recommendations
    run.exclusion_counts = sum_exclusion_counts([r.exclusion_counts for r in results])
    if keep:
        run.recommendations = pd.concat([r.recommendations for r in results],
                                        ignore_index=True) if results else None
    run.seconds = {k: round(v, 3) for k, v in seconds.items()}
    return run


def run_on_dask(client, task: Callable, folder: Path, work: list, args: dict,
                progress: Callable[[int, int], None] | None,
                keep: Callable[[object], object] | None = None) -> list:
    """Submit `task(folder, index, ids, **args)` per block, keeping about two per worker in
    flight, so a million people's block ids and results never pile up on the scheduler.
    `args["population"]` is broadcast to every worker once. Results in completion order;
    `keep(result)`, when given, is kept instead of each result as it arrives."""
    from distributed import as_completed

    task_args = dict(args)
    if args.get("population") is not None:
        task_args["population"] = client.scatter(args["population"], broadcast=True)
    run_id = uuid.uuid4().hex[:12]
    pending = iter(work)
    futures = as_completed()

    def submit_next() -> None:
        item = next(pending, None)
        if item is not None:
            index, block = item
            futures.add(client.submit(task, str(folder), index, block, **task_args,
                                      key=f"adlens-block-{run_id}-{index}"))

    for _ in range(_in_flight(client)):
        submit_next()
    results = []
    for future in futures:
        result = future.result()
        results.append(result if keep is None else keep(result))
        future.release()
        submit_next()
        if progress is not None:
            progress(len(results), len(work))
    return results


def in_order_on_dask(client, task: Callable, work: list[tuple], name: str) -> Iterator:
    """`task(*args)` for each args of `work` on the client's workers, yielded in the order of
    `work`, as many in flight as `run_on_dask` keeps (so finished results wait for at most a
    few slower ones, and memory stays bounded)."""
    run_id = uuid.uuid4().hex[:12]
    waiting: deque = deque()
    pending = iter(enumerate(work))

    def submit_next() -> None:
        for index, args in itertools.islice(pending, 1):
            waiting.append(client.submit(task, *args, key=f"{name}-{run_id}-{index}"))

    for _ in range(_in_flight(client)):
        submit_next()
    while waiting:
        future = waiting.popleft()
        result = future.result()
        future.release()
        submit_next()
        yield result


def _in_flight(client) -> int:
    """Tasks kept submitted on a client: about two per worker, so each worker has its next task
    ready while inputs and results never pile up on the scheduler."""
    return 2 * max(1, len(client.scheduler_info().get("workers", {})))


# Dask's client and scheduler keep their last `distributed.admin.low-level-log-length`
# messages per connection for debugging (1,000 by default), and each message that starts a
# block carries the block's person ids (20,000 Python strings, about 1.4 MB): the scheduler of
# a LocalCluster runs in the calling process, which so grew by about 1.9 MB a block until a
# thousand blocks were kept (measured: tracemalloc of the caller, docs/SCALE.md section 5).
MESSAGE_LOG = 10


def worker_environment() -> dict:
    """The environment a LocalCluster's workers start with: Dask's, without its
    `MALLOC_TRIM_THRESHOLD_`. Setting that variable at all turns off glibc's dynamic mmap
    threshold, so every array above 128 KB is mapped and unmapped from the system anew and
    first touched page by page: making a block of people took 1.5 s instead of 1.0 s in a
    process started so. Memory goes back to the system after each block all the same
    (`release_memory`)."""
    import dask

    environ = dict(dask.config.get("distributed.nanny.pre-spawn-environ", {}))
    environ.pop("MALLOC_TRIM_THRESHOLD_", None)
    return environ


@contextlib.contextmanager
def no_main_script() -> Iterator[None]:
    """While worker processes start: no main script for them to run again. A spawned child
    re-runs the parent's main script when it is a file (not a module): under `streamlit run
    app.py` that is the app itself, and after Streamlit's AppTest a script of its own, neither
    of which may run in a worker."""
    main = sys.modules.get("__main__")
    if main is None or getattr(getattr(main, "__spec__", None), "name", None) is not None \
            or getattr(main, "__file__", None) is None:
        yield
        return
    sys.modules["__main__"] = types.ModuleType("__main__")
    try:
        yield
    finally:
        sys.modules["__main__"] = main


def dask_client(workers: int | None = None, scheduler: str | None = None):
    """A dask.distributed Client: on an existing cluster (`scheduler`, e.g.
    'tcp://host:8786'), or on a LocalCluster of `workers` single-threaded worker processes.
    The caller closes it with `close_client` (its LocalCluster too).
    Sets Dask's message log to `MESSAGE_LOG` messages for this process (see there)."""
    import dask
    from distributed import Client, LocalCluster

    dask.config.set({"distributed.admin.low-level-log-length": MESSAGE_LOG})
    if scheduler:
        return Client(scheduler)
    dask.config.set({"distributed.nanny.pre-spawn-environ": worker_environment()})
    # The scheduler serves its web pages even without a dashboard to show: on a free port the
    # system picks (":0"), so two clusters at once do not both ask for Dask's 8787.
    with no_main_script():  # the workers start here, without the caller's main script
        cluster = LocalCluster(n_workers=max(1, int(workers or 1)), threads_per_worker=1,
                               processes=True, dashboard_address=":0")
    return Client(cluster)


def close_client(client) -> None:
    """Close a `dask_client` client and the LocalCluster it started (None: nothing to close)."""
    if client is not None:
        cluster = client.cluster
        client.close()
        if cluster is not None:
            cluster.close()


# --- command line: `python -m adlens blocks` ---------------------------------------------------
def add_arguments(parser) -> None:
    from adlens.cli_engine import add_cluster_arguments, add_scenario_arguments

    add_scenario_arguments(parser)  # --data, --max-mb (unused: blocks read any size) and rules
    parser.add_argument("--block-people", type=int, default=DEFAULT_BLOCK_PEOPLE, metavar="N",
                        help=f"people per block (default {DEFAULT_BLOCK_PEOPLE:,})")
    parser.add_argument("--sample-people", type=int, default=DEFAULT_SAMPLE_PEOPLE, metavar="N",
                        help="people the click model and similar-people map are learned on "
                        f"(a seeded sample; default {DEFAULT_SAMPLE_PEOPLE:,})")
    parser.add_argument("--top", type=int, default=5, metavar="K", help="ads per person and app")
    parser.add_argument("--out", metavar="DIR",
                        help="write each block's recommendations here as Parquet")
    parser.add_argument("--audit", action="store_true",
                        help="also the audit report, from the same pass over the blocks")
    parser.add_argument("--recall", action="store_true",
                        help="also the recall report, from the same pass over the blocks")
    parser.add_argument("--boot", type=int, default=200, metavar="N",
                        help="bootstrap resamples of the audit (default 200)")
    parser.add_argument("--window-hours", type=float, default=48, metavar="H",
                        help="recall: how soon after the conversation the ad must come")
    parser.add_argument("--lookback-days", type=float, default=2.0, metavar="D",
                        help="recall: how far before the conversation to look for exposures")
    parser.add_argument("--max-coincidences", type=int, default=0, metavar="N",
                        help="recall: list at most this many coincidences (default 0)")
    add_cluster_arguments(parser, default=" (default: one after another in this process)")


def run(args) -> int:
    """Print a JSON summary (population, signal shares, exclusion counts, seconds per stage);
    progress by block on stderr."""
    import json
    import sys

    from adlens.cli_engine import _clean, cluster_client, scenario_from_args

    folder = Path(args.data)
    missing = [t for t in ("users", "ads", "events") if not (folder / f"{t}.parquet").is_file()]
    if missing:
        print(f"{folder}: the block pipeline reads a Parquet folder; missing "
              f"{', '.join(t + '.parquet' for t in missing)}.", file=sys.stderr)
        return 1
    if args.block_people < 1 or args.sample_people < 1 or args.top < 1:
        print("--block-people, --sample-people and --top must be at least 1.", file=sys.stderr)
        return 2
    if args.boot < 0 or args.max_coincidences < 0:
        print("--boot and --max-coincidences cannot be negative.", file=sys.stderr)
        return 2
    client = None
    try:
        scenario = scenario_from_args(args)
        client = cluster_client(args)
        if args.audit or args.recall:
            from adlens import block_commands

            args.twin, args.twin_seed, args.without = False, None, "removed"
            summary = block_commands.everything(folder, scenario, args, client=client,
                                                progress=lambda done, total: print(
                                                    f"block {done}/{total}", file=sys.stderr,
                                                    flush=True))
            print(json.dumps(_clean(summary), indent=2, default=str))
            return 0
        population = learn_population(folder, sample_people=args.sample_people)
        result = score_blocks(folder, scenario, block_people=args.block_people, top_k=args.top,
                              population=population, out=args.out, client=client,
                              progress=lambda done, total: print(
                                  f"block {done}/{total}", file=sys.stderr, flush=True))
    except Exception as exc:  # noqa: BLE001 — a sentence, never a traceback
        print(f"{folder}: could not be scored ({type(exc).__name__}: {exc})", file=sys.stderr)
        return 1
    finally:
        close_client(client)
    summary = {
        "people": result.n_people, "events": result.n_events, "blocks": result.n_blocks,
        "recommendations": result.n_recommendations, "population": population.how,
        "signal_shares": result.signal_shares().iloc[0].to_dict(),
        "exclusions": result.exclusion_counts.to_dict(orient="records"),
        "seconds": result.seconds, "out": args.out}
    print(json.dumps(_clean(summary), indent=2))
    return 0

"""A dataset folder of any size, opened once and then scored per scenario from a disk cache:
the scenario-independent work of every block of people is kept, so a rule switch only scores.

Opening a folder (`FolderCache.open`) learns the population pieces on a seeded sample, hands
the sample's memory back, and, per block of people, runs the data contract, chat inference and
encoding once, storing each block's prepared state on disk. Blocks are cut as the command line's
one pass cuts them (`blocks.cut`: on the events file's row groups when the events are in person
order, each block reading its own row groups and the head of the next; else by people).
A scenario (`FolderCache.run`) then loads each block's state, ranks and attributes it (on a pool
of worker processes when asked) and combines small per-block sums; the combined result is stored
too, so a scenario seen before is read back.

Everything is keyed by the folder's identity (each table's size, modification time and a hash
of its Parquet footer: not the bytes of a 600 MB file), the block and sample sizes and the
engine's code, so a changed file, block size or engine is prepared again, never mixed. All of it
is kept within a disk budget (adlens.block_store): after an opening, work no code of this version
can read goes first, then the least recently used folder's; never the one in use.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import multiprocessing
import os
import pickle
import struct
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from adlens import block_store, blocks, engine, schema
from adlens.scenario import Scenario

TABLES = schema.TABLES
GROUPS = ("region", "app")  # the groupings a combined result keeps signal sums for
# The modules whose code decides a block's prepared state or its scores: a change to any of
# them makes every stored state stale.
_CODE_MODULES = ("blocks", "contract", "dataset", "engine", "ranking", "schema", "signals",
                 "text_model", "scenario")
# This module's own stored formats (a block's state, a combined result): raise it when either
# changes. Not a hash of this file, so that a change to how blocks are run (the pool, progress)
# does not throw away hours of stored work. 2: blocks cut on the events' row groups. 3: every
# stored pickle LZ4-compressed.
FORMAT_VERSION = 3
# LZ4 frames (through Arrow, already a dependency): a block's state is 2.2 times smaller on disk
# (a 100k folder's 130 MB block: 60 MB) and reads back in 0.14 s instead of 0.06 s from the page
# cache; zstd was 3.7 times smaller but 0.39 s to read, which a first rule switch pays per block.
COMPRESSION = "lz4"
Progress = Callable[[str, int, int], None]  # (stage in words, done, in all)
LOG = logging.getLogger(__name__)


class NotADataset(ValueError):
    """The folder is not a Parquet dataset folder; the message says why and what to do."""


class StoredWorkGone(RuntimeError):
    """A folder's stored work was removed while it was being read (`python -m adlens cache
    --clear`, or by hand); the message says so and what to do."""


def cache_root() -> Path:
    """Where prepared blocks and results are kept (ADLENS_BLOCK_CACHE, else
    adlens-cache/blocks in the temp folder)."""
    default = Path(tempfile.gettempdir()) / "adlens-cache" / "blocks"
    return Path(os.environ.get("ADLENS_BLOCK_CACHE", default))


def code_version() -> str:
    """A hash of the engine modules' source: stored work from other code is never used."""
    here = Path(__file__).parent
    digest = hashlib.sha256()
    digest.update(f"format {FORMAT_VERSION}\n".encode())
    for name in _CODE_MODULES:
        digest.update((here / f"{name}.py").read_bytes())
    return digest.hexdigest()[:16]


def _footer_hash(path: Path) -> str:
    """sha256 of a Parquet file's footer (its schema, row groups and their statistics), read
    from the end of the file without reading the data."""
    with path.open("rb") as f:
        f.seek(0, os.SEEK_END)
        size = f.tell()
        if size < 12:
            raise NotADataset(f"{path.name} is too short to be a Parquet file.")
        f.seek(size - 8)
        tail = f.read(8)
        if tail[4:] != b"PAR1":
            raise NotADataset(f"{path.name} is not a Parquet file (it does not end in PAR1).")
        length = struct.unpack("<I", tail[:4])[0]
        if length > size - 12:
            raise NotADataset(f"{path.name} is damaged (its footer is longer than the file).")
        f.seek(size - 8 - length)
        return hashlib.sha256(f.read(length)).hexdigest()


def check_folder(folder: str | Path) -> dict[str, int]:
    """Raise NotADataset with a sentence when `folder` is not a dataset folder in the data
    contract's Parquet layout; else the number of people and events (from the footers)."""
    path = Path(folder).expanduser()
    how = ("A dataset folder holds users.parquet, ads.parquet and events.parquet, as "
           "`python -m adlens generate --users N --seed S --out DIR --format parquet` writes "
           "them.")
    if not path.is_dir():
        raise NotADataset(f"There is no folder at {path}. {how}")
    missing = [f"{t}.parquet" for t in TABLES if not (path / f"{t}.parquet").is_file()]
    if missing:
        csv = [t for t in TABLES if (path / f"{t}.csv").is_file()]
        extra = (" It has CSV files: a folder this way must be Parquet; load CSV files through "
                 "the upload box, or convert them.") if csv else ""
        raise NotADataset(f"{path} is not a dataset folder: {', '.join(missing)} "
                          f"{'is' if len(missing) == 1 else 'are'} missing. {how}{extra}")
    counts = {}
    for table in TABLES:
        file = path / f"{table}.parquet"
        _footer_hash(file)
        try:
            meta = pq.ParquetFile(file).metadata
        except Exception as exc:  # noqa: BLE001 — any unreadable footer is the analyst's to fix
            raise NotADataset(f"{file} could not be read as Parquet ({exc}).") from None
        names = set(meta.schema.names)
        need = {"users": "user_id", "ads": "ad_id", "events": "user_id"}[table]
        if need not in names:
            raise NotADataset(f"{file} has no {need} column, so it is not the {table} table "
                              "of a dataset.")
        counts[table] = meta.num_rows
    if counts["users"] == 0:
        raise NotADataset(f"{path / 'users.parquet'} has no people in it.")
    return {"people": counts["users"], "events": counts["events"], "ads": counts["ads"]}


def dataset_key(folder: str | Path, block_people: int, sample_people: int) -> str:
    """The identity of a folder's stored work: per table its size, modification time and
    footer hash, the block and sample sizes, and the engine's code version."""
    path = Path(folder).expanduser().resolve()
    digest = hashlib.sha256()
    for table in TABLES:
        file = path / f"{table}.parquet"
        stat = file.stat()
        digest.update(f"{table}:{stat.st_size}:{stat.st_mtime_ns}:{_footer_hash(file)}\n"
                      .encode())
    digest.update(f"{block_people}:{sample_people}:{code_version()}".encode())
    return digest.hexdigest()[:20]


def scenario_key(scenario: Scenario, top_k: int) -> str:
    """A file-name-safe key of a scenario (its JSON form, which round-trips) and top_k."""
    text = json.dumps({"scenario": scenario.to_dict(), "top_k": top_k}, sort_keys=True,
                      default=str)
    return hashlib.sha256(text.encode()).hexdigest()[:20]


def _dump(obj: object, path: Path) -> None:
    """Write a compressed pickle atomically: an interrupted run leaves no half-written state
    behind."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with pa.output_stream(str(tmp), compression=COMPRESSION) as f:
        pickle.dump(obj, f, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(tmp, path)


def _load(path: Path) -> object:
    with pa.input_stream(str(path), compression=COMPRESSION) as f:
        return pickle.load(f)  # noqa: S301 — our own cache folder, written by _dump


def _write_json(obj: dict, path: Path) -> None:
    """Write JSON atomically (the budget reads an entry's identity while it is written)."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(json.dumps(obj))
    os.replace(tmp, path)


@dataclass(eq=False)
class FolderResult:
    """Everyone's combined results under one scenario, from per-block sums.

    share_sums: as blocks.BlockRun.share_sums (per signal the positive contributions, n_ads,
      ads_with_ai_chat, ai_chat_largest). share_sums_by: per grouping in GROUPS a frame with
      the grouping's value as a column and the same sums as columns.
    exclusion_counts: reason, event_type, events.
    """

    scenario: Scenario
    top_k: int
    n_people: int
    n_events: int
    n_blocks: int
    n_recommendations: int
    share_sums: dict[str, float]
    share_sums_by: dict[str, pd.DataFrame]
    exclusion_counts: pd.DataFrame
    population: str
    seconds: dict[str, float] = field(default_factory=dict)
    from_cache: bool = False

    def signal_shares(self, by: str | None = None) -> pd.DataFrame:
        """As engine.signal_shares: [by,] n_ads, each signal's share of the positive
        contributions, ads_with_ai_chat, ai_chat_largest."""
        if by is None:
            run = blocks.BlockRun(population=None, block_people=0,  # type: ignore[arg-type]
                                  share_sums=dict(self.share_sums))
            return run.signal_shares()
        sums = self.share_sums_by[by]
        signals = list(schema.SIGNALS)
        total = sums[signals].sum(axis=1)
        shares = sums[signals].div(total.where(total > 0), axis=0).fillna(0.0)
        n_ads = sums["n_ads"].where(sums["n_ads"] > 0)
        out = pd.concat([sums[[by]], sums[["n_ads"]].astype(np.int64), shares], axis=1)
        out["ads_with_ai_chat"] = (sums["ads_with_ai_chat"] / n_ads).fillna(0.0)
        out["ai_chat_largest"] = (sums["ai_chat_largest"] / n_ads).fillna(0.0)
        return out.reset_index(drop=True)


def _group_codes(prepared: engine.Prepared, result: engine.ScenarioResult, by: str
                 ) -> tuple[np.ndarray, np.ndarray]:
    """A grouping's value names and each recommended ad's code among them (codes, not a
    pandas group-by over 2M rows' text, which would cost as much as the ranking itself)."""
    rec = result.recommendations
    if by == "app":
        return (np.asarray(schema.AD_APPS, dtype=object),
                rec["app"].cat.codes.to_numpy(dtype=np.int64))
    values = engine.group_values(prepared, rec, result.user_code, by).astype(str)
    names, code = np.unique(values, return_inverse=True)
    return names, code.astype(np.int64)


def _block_sums(prepared: engine.Prepared, result: engine.ScenarioResult
                ) -> tuple[dict[str, float], dict[str, pd.DataFrame]]:
    """A block's share sums for everyone and per value of each grouping in GROUPS, from one
    pass of bincounts over the groupings' joint code (a pass for everyone and one a grouping
    cost a third of a rule switch's CPU); each is the joint sums added over the others."""
    rec = result.recommendations
    names, codes = zip(*(_group_codes(prepared, result, by) for by in GROUPS), strict=True)
    shape = tuple(len(n) for n in names)
    joint = (np.ravel_multi_index(codes, shape) if len(rec)
             else np.zeros(0, dtype=np.int64))
    contrib = rec[list(engine.CONTRIB_COLUMNS)].to_numpy(dtype=float)
    sums = {key: value.reshape(shape) for key, value in
            blocks.share_sums_by(contrib, joint, int(np.prod(shape))).items()}
    whole = {key: float(value.sum()) for key, value in sums.items()}
    by = {}
    for axis, group in enumerate(GROUPS):
        others = tuple(a for a in range(len(GROUPS)) if a != axis)
        frame = pd.DataFrame({group: names[axis].astype(str),
                              **{key: value.sum(axis=others) for key, value in sums.items()}})
        by[group] = frame[frame["n_ads"] > 0].reset_index(drop=True)
    return whole, by


def _prepare_block(folder: str, index: int, ids: np.ndarray, population_path: str,
                   state_path: str) -> dict:
    """Check and prepare one block (contract, chat inference, encoding) and store its state
    without the raw tables or the text model: all a scenario needs to rank it."""
    t0 = time.process_time()
    prepared = blocks.prepare_block(folder, ids, _load(Path(population_path)))
    dataset = prepared.dataset
    state = {"prepared": replace(prepared, dataset=None, _text_model=None),
             "n_people": dataset.n_users, "n_events": dataset.n_events}
    _dump(state, Path(state_path))
    # Dropped and handed back now, so a process waiting for its next block (or the app's
    # server, with one worker) does not sit at this block's high-water mark.
    del prepared, dataset, state
    blocks.release_memory()
    return {"index": index, "cpu": time.process_time() - t0}


def _learn_population(folder: str, sample_people: int, path: str) -> float:
    """Learn the population pieces on a seeded sample and store them; the CPU seconds taken."""
    t0 = time.process_time()
    population = blocks.learn_population(folder, sample_people)
    _dump(population, Path(path))
    # The sample's frames are gone with learn_population's frame; their memory is handed back
    # before the blocks, as the one pass does (docs/SCALE.md section 10).
    del population
    blocks.release_memory()
    return time.process_time() - t0


def _score_block(state_path: str, scenario: Scenario, top_k: int) -> dict:
    """Rank and attribute one prepared block under a scenario: its small sums only."""
    t0 = time.process_time()
    state = _load(Path(state_path))
    prepared = state["prepared"]
    result = engine.run_scenario(prepared, scenario, top_k=top_k)
    counts = result.exclusion_counts().astype({"reason": str, "event_type": str})
    whole, by = _block_sums(prepared, result)
    return {"n_people": state["n_people"], "n_events": state["n_events"],
            "n_recommendations": len(result.recommendations), "share_sums": whole,
            "by": by, "exclusion_counts": counts, "cpu": time.process_time() - t0}


_POOLS: dict[int, Executor] = {}
_POOL_LOCK = threading.RLock()
_BUSY: dict[int, int] = {}  # workers -> calls using that pool now
_LAST_USED: dict[int, float] = {}  # workers -> monotonic time that pool last finished work
# A pool idle this long is stopped, so a server that opened a folder does not keep its worker
# processes, and what their last blocks left in them, for the rest of its life (assumption:
# long enough for an analyst's run of rule switches; the next switch after it starts the
# workers again, about 2 s).
POOL_IDLE_SECONDS = 600.0
_reaper: threading.Thread | None = None
_WAKE = threading.Event()  # set when a pool finishes work: the watcher looks again


def _started(index: int) -> int:
    return os.getpid()


def _pool(workers: int) -> Executor:
    """A pool of `workers` processes, started once and reused while it is used (see
    `POOL_IDLE_SECONDS`): spawned, not forked, so it is safe from a threaded server (the app).
    Called with `_POOL_LOCK` held."""
    if workers not in _POOLS:
        pool = ProcessPoolExecutor(max_workers=workers,
                                   mp_context=multiprocessing.get_context("spawn"))
        # Every worker starts here, within the guard (a process starts during a submit, and
        # none is started later: the pool keeps `workers` of them).
        with blocks.no_main_script():
            warm = [pool.submit(_started, i) for i in range(workers)]
        for future in warm:
            future.result()
        _POOLS[workers] = pool
    return _POOLS[workers]


@contextlib.contextmanager
def _using(workers: int) -> Iterator[Executor]:
    """The pool of `workers` processes, kept from being stopped as idle while in use."""
    with _POOL_LOCK:
        pool = _pool(workers)
        _BUSY[workers] = _BUSY.get(workers, 0) + 1
    try:
        yield pool
    finally:
        with _POOL_LOCK:
            _BUSY[workers] -= 1
            _LAST_USED[workers] = time.monotonic()
        _watch_idle_pools()


def stop_idle_pools(now: float | None = None) -> list[int]:
    """Stop every pool that no call is using and that has been idle for `POOL_IDLE_SECONDS`;
    the sizes of the pools stopped."""
    now = time.monotonic() if now is None else now
    stopping = []
    with _POOL_LOCK:
        for workers in list(_POOLS):
            if not _BUSY.get(workers) and \
                    now - _LAST_USED.get(workers, now) >= POOL_IDLE_SECONDS:
                stopping.append((workers, _POOLS.pop(workers)))
                _LAST_USED.pop(workers, None)
    for _, pool in stopping:
        pool.shutdown(wait=True, cancel_futures=True)
    return [workers for workers, _ in stopping]


def _reap() -> None:
    global _reaper
    while True:
        _WAKE.wait(max(0.05, min(60.0, POOL_IDLE_SECONDS / 4)))
        _WAKE.clear()
        stop_idle_pools()
        with _POOL_LOCK:
            if not _POOLS:
                _reaper = None
                return


def _watch_idle_pools() -> None:
    """Start the one background thread that stops idle pools, or wake it to look again; it
    ends when no pool is left."""
    global _reaper
    with _POOL_LOCK:
        _WAKE.set()
        if _reaper is None and _POOLS:
            _reaper = threading.Thread(target=_reap, name="adlens-idle-pools", daemon=True)
            _reaper.start()


def shutdown_pools() -> None:
    """Stop the worker processes (tests, and a server that is closing)."""
    with _POOL_LOCK:
        pools = list(_POOLS.values())
        _POOLS.clear()
        _LAST_USED.clear()
    for pool in pools:
        pool.shutdown(wait=True, cancel_futures=True)


def _map(fn: Callable, calls: list[tuple], workers: int,
         done: Callable[[int], None]) -> list:
    """fn(*call) for every call, in order of the calls, in this process (workers <= 1) or on
    a process pool; done(n) after each one finishes."""
    if workers <= 1 or len(calls) <= 1:
        out = []
        for call in calls:
            out.append(fn(*call))
            done(len(out))
        return out
    with _using(workers) as pool:
        futures = [pool.submit(fn, *call) for call in calls]
        results: list = [None] * len(calls)
        finished = 0
        for i, future in enumerate(futures):  # in order: progress may lag a little, never lies
            results[i] = future.result()
            finished += 1
            done(finished)
    return results


class FolderCache:
    """A dataset folder's stored work: prepared blocks, the population pieces and the
    combined result of every scenario seen."""

    def __init__(self, folder: str | Path, block_people: int = blocks.DEFAULT_BLOCK_PEOPLE,
                 sample_people: int = blocks.DEFAULT_SAMPLE_PEOPLE,
                 root: str | Path | None = None):
        self.folder = Path(folder).expanduser().resolve()
        self.counts = check_folder(self.folder)
        if block_people < 1 or sample_people < 1:
            raise ValueError("block_people and sample_people must be at least 1.")
        self.block_people = block_people
        self.sample_people = sample_people
        self.key = dataset_key(self.folder, block_people, sample_people)
        self.root = Path(root) if root is not None else cache_root()
        self.dir = self.root / self.key
        self._manifest: dict | None = None

    # --- where things are kept ---------------------------------------------------------------
    def _state(self, index: int) -> Path:
        return self.dir / f"block-{index:05d}.pkl"

    def _result(self, scenario: Scenario, top_k: int) -> Path:
        return self.dir / "scenarios" / f"{scenario_key(scenario, top_k)}.pkl"

    @property
    def manifest(self) -> dict:
        """n_people, n_events, n_blocks, the first and last id of every block ("bounds"),
        whether blocks were cut on the events' row groups ("row_groups"), population."""
        if self._manifest is None:
            path = self.dir / "manifest.json"
            if not path.is_file():
                raise RuntimeError("The folder has not been opened yet: call open() first.")
            self._manifest = json.loads(path.read_text())
        return self._manifest

    def is_open(self) -> bool:
        """Whether every block's prepared state is stored."""
        try:
            n = json.loads((self.dir / "manifest.json").read_text())["n_blocks"]
        except (FileNotFoundError, ValueError, KeyError):
            return False
        return all(self._state(i).is_file() for i in range(n))

    def has_result(self, scenario: Scenario, top_k: int = 5) -> bool:
        return self._result(scenario, top_k).is_file()

    def _gone(self, error: OSError) -> StoredWorkGone:
        return StoredWorkGone(
            f"The stored work for {self.folder} was removed while it was being read "
            f"({self.dir}; by `python -m adlens cache --clear` or by hand). Open the folder "
            "again to prepare it anew.")

    def _load_state(self, index: int) -> dict:
        try:
            return _load(self._state(index))
        except FileNotFoundError as error:
            raise self._gone(error) from error

    def prune(self) -> tuple[list[block_store.Entry], str | None]:
        """Apply the disk budget to every folder's stored work, keeping this one: the entries
        removed, and a sentence when the budget setting is not understood (nothing removed)."""
        try:
            budget = block_store.budget_bytes()
        except block_store.BudgetError as problem:
            LOG.warning("%s Nothing was removed.", problem)
            return [], str(problem)
        try:
            removed = block_store.prune(self.root, budget, keep=(self.key,))
        except OSError as problem:  # e.g. a folder under the root it may not read: work kept
            LOG.warning("The stored work could not be checked against the budget: %s", problem)
            return [], f"The stored work could not be checked against the budget: {problem}"
        for entry in removed:
            LOG.info("Removed the stored work of %s (%s, %s) to stay within %s.",
                     entry.folder or entry.key, block_store.size_text(entry.size), entry.state,
                     block_store.budget_text(budget))
        return removed, None

    # --- the work ------------------------------------------------------------------------------
    def open(self, progress: Progress | None = None, workers: int = 1) -> dict:
        """Do the scenario-independent work once: the population pieces, then every block's
        prepared state (blocks already stored are kept, so an interrupted opening resumes).
        Then applies the disk budget to the other folders' stored work (`prune`).
        Returns the manifest, with the CPU seconds of this call under "cpu", the entries the
        budget removed under "removed" and a problem with the budget setting under
        "budget_problem"."""
        try:
            return self._open(progress, workers)
        except FileNotFoundError as error:
            if self.dir.is_dir() and (self.dir / "scenarios").is_dir():
                raise
            raise self._gone(error) from error

    def _touching(self, progress: Progress | None) -> Progress:
        """`progress` that also marks this entry used at every step, so another session's
        budget never removes it while it is worked on."""
        def say(stage: str, done: int, total: int) -> None:
            block_store.touch(self.dir)
            if progress is not None:
                progress(stage, done, total)

        return say

    def _open(self, progress: Progress | None, workers: int) -> dict:
        say = self._touching(progress)
        self.dir.mkdir(parents=True, exist_ok=True)
        (self.dir / "scenarios").mkdir(exist_ok=True)
        identity = {"folder": str(self.folder), "key": self.key,
                    "code_version": code_version(), "format": FORMAT_VERSION,
                    "block_people": self.block_people, "sample_people": self.sample_people}
        if not (self.dir / block_store.IDENTITY).is_file():
            _write_json(identity, self.dir / block_store.IDENTITY)
        cpu = time.process_time()
        population_path = self.dir / "population.pkl"
        say("Reading who is in the folder", 0, 1)
        ids = blocks.person_ids(self.folder)
        # Two ids a block (its first and last person, both inclusive; a first one ending in
        # NUL starts just after a person whose events end the block before).
        work = list(blocks.cut(self.folder, ids, self.block_people))
        say("Reading who is in the folder", 1, 1)
        cpu_children = 0.0
        if not population_path.is_file():
            say("Learning the click model and similar people on a sample", 0, 1)
            call = (str(self.folder), self.sample_people, str(population_path))
            if workers > 1:
                # In a worker: the sample (about 2 GB at a million people) never sits in this
                # process, which is the app's server when the app opens a folder.
                with _using(workers) as pool:
                    cpu_children += pool.submit(_learn_population, *call).result()
            else:
                _learn_population(*call)
            say("Learning the click model and similar people on a sample", 1, 1)
        population = _load(population_path)
        todo = [i for i in range(len(work)) if not self._state(i).is_file()]
        stage = "Checking and preparing blocks of people (chat topics, encoding)"
        say(stage, len(work) - len(todo), len(work))
        calls = [(str(self.folder), i, work[i], str(population_path), str(self._state(i)))
                 for i in todo]
        done_before = len(work) - len(todo)
        cpu_children += sum(r["cpu"] for r in _map(
            _prepare_block, calls, workers,
            lambda n: say(stage, done_before + n, len(work))))
        manifest = {**identity,  # the folder, key, code version and block and sample sizes
                    "n_people": int(len(ids)), "n_events": int(self.counts["events"]),
                    "n_ads": int(self.counts["ads"]), "n_blocks": len(work),
                    "bounds": [[str(b[0]), str(b[-1])] for b in work],
                    "row_groups": blocks.row_group_blocks(self.folder, len(ids),
                                                          self.block_people) is not None,
                    "population": population.how}
        _write_json(manifest, self.dir / "manifest.json")
        self._manifest = manifest
        cpu = round(time.process_time() - cpu + (cpu_children if workers > 1 else 0.0), 2)
        removed, problem = self.prune()
        if removed:
            # Said as a stage, so the app's progress box lists it with the others.
            say(f"Removed the stored work of {len(removed)} other folder"
                f"{'s' if len(removed) > 1 else ''} "
                f"({block_store.size_text(sum(e.size for e in removed))}) to stay within the "
                "disk budget", 1, 1)
        return {**manifest, "cpu": cpu, "removed": removed, "budget_problem": problem}

    def run(self, scenario: Scenario, top_k: int = 5, progress: Progress | None = None,
            workers: int = 1) -> FolderResult:
        """Everyone's combined results under `scenario`: read back when seen before, else
        every block's stored state ranked and attributed (opening the folder first if
        needed) and the result stored."""
        say = self._touching(progress)
        path = self._result(scenario, top_k)
        if path.is_file():
            try:
                result = _load(path)
            except FileNotFoundError:
                pass  # removed since: computed below
            else:
                block_store.touch(self.dir)  # read back: used now, last to be pruned
                result.from_cache = True
                return result
        if not self.is_open():
            self.open(progress, workers)
        start, cpu = time.perf_counter(), time.process_time()
        n = self.manifest["n_blocks"]
        stage = "Ranking and attributing ads, block by block"
        say(stage, 0, n)
        try:
            parts = _map(_score_block,
                         [(str(self._state(i)), scenario, top_k) for i in range(n)],
                         workers, lambda k: say(stage, k, n))
        except FileNotFoundError as error:
            if self.is_open():
                raise  # not the stored work: some other file
            raise self._gone(error) from error
        say("Combining the blocks' results", 0, 1)
        sums = dict.fromkeys(blocks.SHARE_SUMS, 0.0)
        for part in parts:  # in block order, wherever they ran
            for key, value in part["share_sums"].items():
                sums[key] += value
        by = {g: pd.concat([p["by"][g] for p in parts], ignore_index=True)
              .groupby(g, as_index=False, sort=True).sum() for g in GROUPS}
        excl = blocks.sum_exclusion_counts([p["exclusion_counts"] for p in parts])
        result = FolderResult(
            scenario=scenario, top_k=top_k, n_people=sum(p["n_people"] for p in parts),
            n_events=sum(p["n_events"] for p in parts), n_blocks=n,
            n_recommendations=sum(p["n_recommendations"] for p in parts), share_sums=sums,
            share_sums_by=by, exclusion_counts=excl, population=self.manifest["population"],
            seconds={"wall": round(time.perf_counter() - start, 2),
                     "cpu": round(time.process_time() - cpu + (
                         sum(p["cpu"] for p in parts) if workers > 1 else 0.0), 2)})
        try:
            _dump(result, path)
        except FileNotFoundError as error:
            raise self._gone(error) from error
        say("Combining the blocks' results", 1, 1)
        return result

    def block_of(self, person: str) -> int | None:
        """The index of the block holding `person`, or None when no block can. Blocks are
        contiguous ranges of ids, both ends inclusive: a block that starts just after a person
        (their id + NUL) sorts after that person's id and before the next possible one."""
        bounds = self.manifest["bounds"]
        lows = [b[0] for b in bounds]
        i = int(np.searchsorted(np.array(lows, dtype=object), str(person), side="right")) - 1
        if i < 0 or str(person) > bounds[i][1]:
            return None
        return i

    def person_result(self, person: str, scenario: Scenario, top_k: int = 5
                      ) -> pd.DataFrame:
        """One person's recommendations under `scenario` (engine.RECOMMENDATION_COLUMNS),
        from their block only; empty when the folder has no such person."""
        index = self.block_of(person)
        if index is None:
            return pd.DataFrame(columns=list(engine.RECOMMENDATION_COLUMNS))
        prepared = self._load_state(index)["prepared"]
        block_store.touch(self.dir)
        if person not in set(prepared.codes.user_ids.tolist()):
            return pd.DataFrame(columns=list(engine.RECOMMENDATION_COLUMNS))
        rec = engine.run_scenario(prepared, scenario, top_k=top_k).recommendations
        rec = rec[rec["user_id"].astype(str) == str(person)]
        return rec.astype({c: str for c in ("user_id", "app", "ad_id", "topic", "advertiser",
                                            "title")}).reset_index(drop=True)

    def some_people(self, n: int = 20) -> list[str]:
        """The first `n` people of the first block (for a person picker)."""
        prepared = self._load_state(0)["prepared"]
        return [str(u) for u in prepared.codes.user_ids[:n]]

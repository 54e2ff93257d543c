"""A dataset folder of any size in the dashboard, for analysts who run it themselves: the
sidebar's folder choice, the background work (with its progress by stage) and its results.

The work runs in a server thread through adlens.block_cache, one job at a time, so it goes on
when the analyst changes page and every finished block stays on disk; pages poll its progress.
A public deployment (neither ADLENS_LOCAL nor ADLENS_DATA_DIR set) offers no folder at all.
"""

from __future__ import annotations

import os
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import streamlit as st

from adlens.scenario import Scenario
from components import data
from components.fmt import md_escape

if TYPE_CHECKING:
    from adlens import block_cache

# adlens.block_cache and adlens.blocks (with multiprocessing) are imported by the functions that
# work on a folder, not with this module: the sidebar imports this module on every cold start
# and the public deployment never opens a folder.

CHOICE = "folder"
K_FOLDER = "ds_folder"  # plain state: the folder in use (a path as text)
K_FOLDER_INPUT = "ds_folder_input"
K_FOLDER_PROBLEM = "ds_folder_problem"  # plain state: why the last folder asked for failed
K_FOLDER_FROM_ENV = "_ds_folder_from_env"  # plain state: ADLENS_DATA_DIR has been applied
TOP_K = 5


def local_run(environ: dict | None = None) -> bool:
    """Whether this server was started by the analyst (`make run`: ADLENS_LOCAL=1, or a folder
    given in ADLENS_DATA_DIR): only then can the sidebar open a folder on this machine."""
    env = os.environ if environ is None else environ
    flag = env.get("ADLENS_LOCAL", "").strip().lower() in {"1", "true", "yes", "on"}
    return flag or bool(env.get("ADLENS_DATA_DIR", "").strip())


def workers(environ: dict | None = None) -> int:
    """Worker processes for a folder's blocks (ADLENS_WORKERS, default 2: both cores here)."""
    raw = (os.environ if environ is None else environ).get("ADLENS_WORKERS", "2")
    try:
        return max(1, int(raw))
    except ValueError:
        return 2


def block_people(environ: dict | None = None) -> int:
    """People per block (ADLENS_BLOCK_PEOPLE, default adlens.blocks' 20,000)."""
    from adlens.blocks import DEFAULT_BLOCK_PEOPLE  # noqa: PLC0415 — only a folder needs it

    raw = (os.environ if environ is None else environ).get("ADLENS_BLOCK_PEOPLE", "")
    try:
        return max(1, int(raw)) if raw.strip() else DEFAULT_BLOCK_PEOPLE
    except ValueError:
        return DEFAULT_BLOCK_PEOPLE


PUBLIC_LIMITS = ("This public deployment takes files of up to {mb} MB and generates up to "
                 "{people:,} people. To look at a dataset folder of any size, run AdLens on "
                 "your own machine: `make run DATA=path/to/folder`.")


# --- the background work ----------------------------------------------------------------------
@dataclass(eq=False)
class Job:
    """One folder-and-scenario computation running (or run) in a server thread."""

    folder: str
    scenario: Scenario
    stage: str = "Waiting for the work before it to finish"
    done: int = 0
    total: int = 1
    stages: list[tuple[str, float]] = field(default_factory=list)  # finished: (stage, seconds)
    started: float = field(default_factory=time.perf_counter)
    result: block_cache.FolderResult | None = None
    error: str | None = None
    finished: bool = False

    def report(self, stage: str, done: int, total: int) -> None:
        if stage != self.stage and self.stage and self.done >= self.total:
            self.stages.append((self.stage, time.perf_counter() - self.started))
        self.stage, self.done, self.total = stage, done, max(total, 1)

    @property
    def fraction(self) -> float:
        return min(1.0, self.done / self.total)


@st.cache_resource(show_spinner=False)
def _jobs() -> tuple[dict, threading.Lock, threading.Lock]:
    # Server-wide: a job outlives the session's script run that started it. The second lock
    # runs one job at a time, so two jobs never prepare the same blocks twice.
    return {}, threading.Lock(), threading.Lock()


def _run_job(job: Job, cache: block_cache.FolderCache, run_lock: threading.Lock) -> None:
    from adlens import block_cache  # noqa: PLC0415 — only a folder needs it

    with run_lock:
        try:
            job.report("Starting", 0, 1)
            job.result = cache.run(job.scenario, TOP_K, progress=job.report,
                                   workers=workers())
        except block_cache.StoredWorkGone:
            # Its stored work was cleared while it ran: left without an error, so the page's
            # next run starts the work again (as when it was cleared between two runs).
            job.result = None
        except Exception as error:  # noqa: BLE001 — shown to the analyst as a sentence
            job.error = f"{type(error).__name__}: {error}"
        finally:
            job.finished = True


def job_for(cache: block_cache.FolderCache, scenario: Scenario) -> Job:
    """The job computing `scenario` on this folder, started when none is running or done."""
    from adlens import block_cache  # noqa: PLC0415 — only a folder needs it

    jobs, lock, run_lock = _jobs()
    key = (str(cache.dir), block_cache.scenario_key(scenario, TOP_K))
    with lock:
        job = jobs.get(key)
        # Asked for again after it ended without an error: its stored result has gone (the
        # cache folder was cleared), so it runs again. A failed job stays, to be read.
        if job is None or (job.finished and job.error is None):
            job = Job(folder=str(cache.folder), scenario=scenario)
            jobs[key] = job
            threading.Thread(target=_run_job, args=(job, cache, run_lock), daemon=True,
                             name=f"adlens-folder-{key[1][:8]}").start()
        return job


@st.cache_resource(max_entries=16, show_spinner=False)
def _read_result(key: str, scenario_key: str, _cache: block_cache.FolderCache,
                 scenario: Scenario) -> block_cache.FolderResult:
    return _cache.run(scenario, TOP_K)


def _identity(path: str) -> tuple[str, tuple[tuple[int, int] | None, ...]]:
    """The folder's resolved path and each table file's (size, modification time), from stat
    alone: what decides whether a folder checked before needs checking again."""
    from adlens import block_cache  # noqa: PLC0415 — only a folder needs it

    resolved = Path(path).expanduser().resolve()
    stats: list[tuple[int, int] | None] = []
    for table in block_cache.TABLES:
        try:
            stat = (resolved / f"{table}.parquet").stat()
        except OSError:
            stats.append(None)
        else:
            stats.append((stat.st_size, stat.st_mtime_ns))
    return str(resolved), tuple(stats)


@st.cache_resource(max_entries=16, show_spinner=False)
def _opened(identity: tuple, block_people: int, root: str) -> block_cache.FolderCache:
    # Checking a folder reads every table's Parquet footer and hashes the engine's sources;
    # kept per stat identity, so a rerun on unchanged files only stats them, and a rewritten
    # file (new size or time) is checked again. A folder that fails is not kept: the exception
    # passes through, and the next rerun checks it afresh.
    from adlens import block_cache  # noqa: PLC0415 — only a folder needs it

    return block_cache.FolderCache(identity[0], block_people=block_people, root=root)


def cache_of(path: str) -> block_cache.FolderCache:
    """The folder's stored work (raises NotADataset with a sentence); checked once per state
    of its table files."""
    from adlens import block_cache  # noqa: PLC0415 — only a folder needs it

    return _opened(_identity(path), block_people(), str(block_cache.cache_root()))


def storage_caption(cache: block_cache.FolderCache) -> str:
    """How much disk this folder's stored work and everyone's take, against the budget, in
    words, as Markdown (sizes from one listing of the cache folder: milliseconds)."""
    from adlens import block_store  # noqa: PLC0415 — only a folder needs it

    listed = block_store.entries(cache.root, check=False)
    mine = sum(e.size for e in listed if e.key == cache.key)
    total = sum(e.size for e in listed)
    size = block_store.size_text
    text = (f"Stored work for this folder: {size(mine)} in {md_escape(cache.dir)}; all folders: "
            f"{size(total)}")
    try:
        budget = block_store.budget_bytes()
    except block_store.BudgetError as problem:
        return f"{text}. {md_escape(problem)} Until it is, nothing is removed."
    if budget is None:
        return (f"{text}, with no disk budget ({block_store.BUDGET_ENV} is off), so nothing "
                "is removed. `python -m adlens cache` lists it and can clear it.")
    return (f"{text} of a {size(budget)} budget ({block_store.BUDGET_ENV}). Over it, opening "
            "a folder removes other folders' work: first what this version cannot read, then "
            "the least recently used. `python -m adlens cache` lists it.")


def result(cache: block_cache.FolderCache, scenario: Scenario
           ) -> block_cache.FolderResult | Job:
    """The combined result when it is stored (read back, then kept in memory), else the job
    computing it (started if need be)."""
    from adlens import block_cache  # noqa: PLC0415 — only a folder needs it

    if cache.has_result(scenario, TOP_K):
        return _read_result(cache.key, block_cache.scenario_key(scenario, TOP_K), cache,
                            scenario)
    return job_for(cache, scenario)


def show_progress(job: Job, what: str) -> None:
    """The job's stages so far and the current one's progress bar; reruns the page when it
    ends. Polls once a second in a fragment, so the rest of the page is not redrawn."""

    @st.fragment(run_every=1.0)
    def watch() -> None:
        if job.finished:
            st.rerun(scope="app")
        elapsed = time.perf_counter() - job.started
        # Written into without `with`: leaving a status block marks it complete (a check
        # mark) while the work is still running.
        box = st.status(f"{what}: {elapsed:.0f} s so far", expanded=True, state="running")
        for stage, at in job.stages:
            box.markdown(f":material/check: {stage} (done at {at:.0f} s)")
        box.progress(job.fraction, text=f"{job.stage}: {job.done:,} of {job.total:,}")
        box.caption("This goes on if you open another page; finished blocks are kept on "
                    "disk, so the same folder and rules are quick next time.")

    watch()


# --- the sidebar --------------------------------------------------------------------------------
def apply_environment() -> None:
    """Once per session: a folder given to `make run DATA=...` (ADLENS_DATA_DIR) is in use."""
    state = st.session_state
    if state.get(K_FOLDER_FROM_ENV):
        return
    state[K_FOLDER_FROM_ENV] = True
    path = os.environ.get("ADLENS_DATA_DIR", "").strip()
    if path and state.get(K_FOLDER) is None:
        state[K_FOLDER] = path
        state[K_FOLDER_INPUT] = path
        state[data.K_PENDING_CHOICE] = CHOICE


def _open_typed() -> None:
    from adlens import block_cache  # noqa: PLC0415 — only a folder needs it

    state = st.session_state
    path = str(state.get(K_FOLDER_INPUT) or "").strip()
    try:
        opened = cache_of(path)
    except block_cache.NotADataset as problem:
        state[K_FOLDER_PROBLEM] = str(problem)
        return
    state[K_FOLDER_PROBLEM] = None
    state[K_FOLDER] = str(opened.folder)


def sidebar() -> None:
    """The folder box (local runs) under the dataset choice."""
    state = st.session_state
    side = st.sidebar
    side.text_input("Dataset folder on this machine", key=K_FOLDER_INPUT,
                    placeholder="/path/to/folder", on_change=_open_typed,
                    help="A folder with users.parquet, ads.parquet and events.parquet, as "
                    "`python -m adlens generate --users N --seed S --out DIR --format parquet` "
                    "writes them. Any size: it is read one block of people at a time.")
    side.button("Open folder", on_click=_open_typed, width="stretch", key="ds_folder_open")
    problem = state.get(K_FOLDER_PROBLEM)
    if problem:
        side.error(problem, icon=":material/folder_off:")
    if state.get(K_FOLDER) is None:
        side.info("No folder opened yet: showing the bundled sample.")


def active() -> bool:
    """Whether a folder is the dataset in use (chosen, opened, and this is a local run)."""
    state = st.session_state
    return (local_run() and state.get(data.K_CHOICE) == CHOICE
            and state.get(K_FOLDER) is not None)


def in_use_caption() -> str:
    """Which folder is in use and where it came from, for the sidebar."""
    from adlens import block_cache  # noqa: PLC0415 — only a folder needs it

    path = st.session_state.get(K_FOLDER)
    origin = ("given to make run" if path == os.environ.get("ADLENS_DATA_DIR", "").strip()
              else "opened in the sidebar")
    try:
        counts = cache_of(path).counts
    except block_cache.NotADataset:
        return f"Dataset folder {path} ({origin}), no longer readable"
    return (f"Dataset folder {path} ({origin}): {counts['people']:,} people, "
            f"{counts['events']:,} events")

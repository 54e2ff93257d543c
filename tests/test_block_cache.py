"""A dataset folder opened once and scored per scenario from a disk cache: the same results as
the block pipeline, a seen scenario read back, a changed file or scenario computed again."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from adlens import block_cache, blocks, engine
from adlens.contract import load_dataset
from adlens.scenario import Scenario
from tests import helpers
from tests.test_block_row_groups import N_PEOPLE as RG_PEOPLE
from tests.test_block_row_groups import in_row_groups

N_PEOPLE = 240
BLOCK = 90
OTHER = Scenario(sensitive_list="gdpr9", excluded_regions=("EU",))


folder = helpers.generated_folder(N_PEOPLE, 17, "folder")


@pytest.fixture(scope="module")
def cache_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(scope="module")
def opened(folder, cache_dir) -> block_cache.FolderCache:
    cache = block_cache.FolderCache(folder, block_people=BLOCK, root=cache_dir)
    cache.open()
    return cache


def counted(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.sort_values(["reason", "event_type"]).reset_index(drop=True)


@pytest.mark.parametrize("scenario", [Scenario.announced(), OTHER], ids=["announced", "other"])
def test_results_equal_the_block_pipeline(folder, opened, scenario):
    want = blocks.score_blocks(folder, scenario, block_people=BLOCK, keep=True)
    got = opened.run(scenario)
    assert not got.from_cache
    assert (got.n_people, got.n_events, got.n_blocks, got.n_recommendations) == (
        want.n_people, want.n_events, want.n_blocks, want.n_recommendations)
    for key, value in want.share_sums.items():
        assert got.share_sums[key] == pytest.approx(value, abs=1e-9), key
    pd.testing.assert_frame_equal(got.signal_shares(), want.signal_shares(), atol=1e-9)
    pd.testing.assert_frame_equal(counted(got.exclusion_counts), counted(want.exclusion_counts),
                                  check_dtype=False)
    # Grouped shares equal the in-memory engine's on everyone at once (a population no
    # larger than the sample: the same click model and similar-people map).
    whole = engine.run_scenario(engine.prepare(load_dataset(folder), use_artifacts=False),
                                scenario)
    for by in block_cache.GROUPS:
        pd.testing.assert_frame_equal(got.signal_shares(by), whole.signal_shares(by),
                                      atol=1e-9, check_dtype=False)


def test_a_seen_scenario_is_read_back_and_a_new_one_computed(opened):
    first = opened.run(Scenario.announced())
    again = opened.run(Scenario.announced())
    assert again.from_cache
    assert again.share_sums == first.share_sums
    new = Scenario.announced().with_(sensitive_list="gdpr9")
    assert not opened.has_result(new)
    other = opened.run(new)
    assert not other.from_cache and opened.has_result(new)
    assert other.share_sums != first.share_sums


def test_blocks_are_prepared_once_and_a_run_only_reads_them(opened, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("a block was prepared again")

    monkeypatch.setattr(block_cache, "_prepare_block", refuse)
    assert opened.is_open()
    opened.open()  # every block stored: nothing prepared
    opened.run(Scenario.announced().with_(policy_start=Scenario.announced().as_of))


def test_a_changed_file_is_a_new_dataset(folder, cache_dir, opened, tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(folder, copy)
    # The same files (bytes and modification times) elsewhere: the same stored work.
    assert block_cache.FolderCache(copy, block_people=BLOCK, root=cache_dir).key == opened.key
    stat = (folder / "events.parquet").stat()
    os.utime(copy / "users.parquet", ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
    assert block_cache.FolderCache(copy, block_people=BLOCK, root=cache_dir).key != opened.key
    src = (folder / "users.parquet").stat()
    os.utime(copy / "users.parquet", ns=(src.st_atime_ns, src.st_mtime_ns))
    # Rewritten with fewer events: other footer and size, so a new key and new results.
    events = pd.read_parquet(copy / "events.parquet")
    events.iloc[::2].to_parquet(copy / "events.parquet", index=False)
    os.utime(copy / "events.parquet", ns=(stat.st_atime_ns, stat.st_mtime_ns))
    changed = block_cache.FolderCache(copy, block_people=BLOCK, root=cache_dir)
    assert changed.key != opened.key
    assert not changed.has_result(Scenario.announced())
    result = changed.run(Scenario.announced())
    assert result.n_events < opened.run(Scenario.announced()).n_events
    # Another block size is another key too.
    assert block_cache.FolderCache(folder, block_people=BLOCK + 1, root=cache_dir).key \
        != opened.key


def test_a_person_is_scored_from_their_block_alone(folder, opened):
    want = blocks.score_blocks(folder, OTHER, block_people=BLOCK, keep=True).recommendations
    person = str(want["user_id"].iloc[len(want) // 2])
    got = opened.person_result(person, OTHER)
    expected = want[want["user_id"] == person].reset_index(drop=True)
    assert len(got) == len(expected) > 0
    np.testing.assert_allclose(got["score"].to_numpy(), expected["score"].to_numpy(), atol=1e-9)
    assert got["ad_id"].tolist() == expected["ad_id"].tolist()
    assert opened.person_result("nobody-at-all", OTHER).empty


def test_two_worker_processes_give_the_same_results(folder, tmp_path, monkeypatch):
    one = block_cache.FolderCache(folder, block_people=BLOCK, root=tmp_path / "one")
    two = block_cache.FolderCache(folder, block_people=BLOCK, root=tmp_path / "two")
    stages = []

    def not_here(*args, **kwargs):
        raise AssertionError("the sample was learned in the calling process")

    try:
        # With workers, the sample is learned in one of them, never in the calling process
        # (the app's server): spawned workers import their own, unpatched, module.
        with monkeypatch.context() as patch:
            patch.setattr(blocks, "learn_population", not_here)
            two.open(workers=2,
                     progress=lambda stage, done, total: stages.append((stage, done)))
        a = one.run(OTHER)
        b = two.run(OTHER, workers=2)
    finally:
        block_cache.shutdown_pools()
    assert a.share_sums == b.share_sums
    pd.testing.assert_frame_equal(a.exclusion_counts, b.exclusion_counts)
    # Progress by stage, ending with every block prepared.
    preparing = [done for stage, done in stages if stage.startswith("Checking and preparing")]
    assert preparing[-1] == 3


@pytest.mark.parametrize("make, words", [
    (lambda p: p / "absent", "There is no folder"),
    (lambda p: p, "events.parquet are missing"),
])
def test_a_folder_that_is_not_a_dataset_gets_a_sentence(tmp_path, make, words):
    (tmp_path / "users.parquet").write_bytes(b"not parquet at all")
    with pytest.raises(block_cache.NotADataset, match=words):
        block_cache.check_folder(make(tmp_path))


def test_a_file_that_is_not_parquet_gets_a_sentence(folder, tmp_path):
    for table in block_cache.TABLES:
        shutil.copy(folder / f"{table}.parquet", tmp_path / f"{table}.parquet")
    (tmp_path / "ads.parquet").write_text("ad_id,topic\n1,travel\n")
    with pytest.raises(block_cache.NotADataset, match="ads.parquet is not a Parquet file"):
        block_cache.check_folder(tmp_path)


def test_stored_work_is_compressed_and_reads_back_whole(opened):
    # Every stored pickle is an LZ4 frame (its magic number first) and smaller than the pickle
    # it holds (that it reads back to the same results: test_results_equal_the_block_pipeline).
    import pickle

    path = opened._state(0)
    assert path.read_bytes()[:4] == b"\x04\x22\x4d\x18"
    state = block_cache._load(path)
    plain = len(pickle.dumps(state, protocol=pickle.HIGHEST_PROTOCOL))
    assert path.stat().st_size < plain / 1.5
    assert state["n_people"] == len(state["prepared"].codes.user_ids) > 0


def test_the_key_follows_the_engine_code_and_the_stored_format(folder, monkeypatch):
    before = block_cache.dataset_key(folder, BLOCK, 50_000)
    monkeypatch.setattr(block_cache, "FORMAT_VERSION", block_cache.FORMAT_VERSION + 1)
    assert block_cache.dataset_key(folder, BLOCK, 50_000) != before
    monkeypatch.undo()
    monkeypatch.setattr(block_cache, "_CODE_MODULES", ("engine",))
    assert block_cache.dataset_key(folder, BLOCK, 50_000) != before


# --- blocks on the events file's row groups -------------------------------------------------
RG_BLOCK = 150


@pytest.fixture(scope="module")
def row_groups(tmp_path_factory) -> Path:
    """The row-group tests' population: blocks are cut on its small row groups and some
    person's events span two."""
    return in_row_groups(tmp_path_factory.mktemp("row-groups") / "data")


@pytest.fixture(scope="module")
def rg_opened(row_groups, tmp_path_factory) -> block_cache.FolderCache:
    cache = block_cache.FolderCache(row_groups, block_people=RG_BLOCK,
                                    root=tmp_path_factory.mktemp("rg-cache"))
    cache.open()
    return cache


@pytest.fixture(scope="module")
def rg_want(row_groups) -> blocks.BlockRun:
    """Everyone scored in one block, their recommendations kept."""
    return blocks.score_blocks(row_groups, OTHER, block_people=RG_PEOPLE * 2, keep=True)


def _block_people(cache: block_cache.FolderCache, index: int) -> list[str]:
    return [str(u) for u in block_cache._load(cache._state(index))["prepared"].codes.user_ids]


def test_blocks_are_cut_on_the_row_groups_with_the_same_results(row_groups, rg_opened,
                                                                 rg_want):
    ids = blocks.person_ids(row_groups)
    cut = blocks.row_group_blocks(row_groups, len(ids), RG_BLOCK)
    assert cut is not None and len(cut) > 1
    manifest = rg_opened.manifest
    assert manifest["row_groups"] is True
    assert [tuple(b) for b in manifest["bounds"]] == cut  # the one pass's cut, not people's
    assert any(lo.endswith("\0") for lo, _ in cut)  # a person's events span two row groups
    people = [set(_block_people(rg_opened, i)) for i in range(manifest["n_blocks"])]
    assert sum(len(p) for p in people) == len(set().union(*people)) == RG_PEOPLE
    got = rg_opened.run(OTHER)
    # The one pass's row-group blocks, and everyone in one block: the same figures.
    for want in (blocks.score_blocks(row_groups, OTHER, block_people=RG_BLOCK), rg_want):
        assert want.n_blocks == (len(cut) if want is not rg_want else 1)
        assert (got.n_people, got.n_events, got.n_recommendations) == (
            want.n_people, want.n_events, want.n_recommendations)
        for key, value in want.share_sums.items():
            assert got.share_sums[key] == pytest.approx(value, abs=1e-9), key
        pd.testing.assert_frame_equal(counted(got.exclusion_counts),
                                      counted(want.exclusion_counts), check_dtype=False)


def test_the_first_and_last_person_of_every_block_are_found_in_it(rg_opened, rg_want):
    want = rg_want.recommendations
    bounds = rg_opened.manifest["bounds"]
    checked = 0
    for index in range(len(bounds)):
        people = _block_people(rg_opened, index)
        for person in (people[0], people[-1]):
            assert rg_opened.block_of(person) == index, (person, index)
            got = rg_opened.person_result(person, OTHER)
            expected = want[want["user_id"].astype(str) == person].reset_index(drop=True)
            assert len(got) == len(expected) > 0
            assert got["ad_id"].tolist() == expected["ad_id"].astype(str).tolist()
            np.testing.assert_allclose(got["score"].to_numpy(), expected["score"].to_numpy(),
                                       atol=1e-9)
            checked += 1
        # The person a block ends with, whose events run on into the next row group, is not
        # the next block's, which starts just after them.
        if bounds[index][0].endswith("\0"):
            assert rg_opened.block_of(bounds[index][0][:-1]) == index - 1
    assert checked == 2 * len(bounds)
    assert rg_opened.block_of("a-person-before-everyone") is None
    assert rg_opened.block_of("zzz-after-everyone") is None
    assert rg_opened.some_people(3) == _block_people(rg_opened, 0)[:3]


def test_opening_on_row_groups_resumes_and_hands_the_sample_back(row_groups, tmp_path,
                                                                 monkeypatch):
    import gc

    from adlens import engine

    cache = block_cache.FolderCache(row_groups, block_people=RG_BLOCK, root=tmp_path)
    calls: list[str] = []
    learn, release, prepare = (blocks.learn_population, blocks.release_memory,
                               block_cache._prepare_block)

    def learning(*args, **kwargs):
        calls.append("learn")
        return learn(*args, **kwargs)

    def releasing() -> None:
        calls.append("release")
        release()

    def alive() -> int:
        gc.collect()
        return sum(isinstance(o, engine.Prepared) for o in gc.get_objects())

    # Other tests in the same process may hold prepared datasets of their own (module
    # fixtures, caches): count only what the opening leaves alive.
    before = alive()

    def preparing(folder, index, *args):
        # nothing prepared by the opening is alive in this process between blocks
        calls.append(f"block {index}: {alive() - before} alive")
        return prepare(folder, index, *args)

    monkeypatch.setattr(blocks, "learn_population", learning)
    monkeypatch.setattr(blocks, "release_memory", releasing)
    monkeypatch.setattr(block_cache, "_prepare_block", preparing)
    n = cache.open()["n_blocks"]
    assert calls[:3] == ["learn", "release", "block 0: 0 alive"]
    assert [c for c in calls if c.startswith("block")] == [f"block {i}: 0 alive"
                                                           for i in range(n)]
    assert calls.count("release") == 1 + n  # after the sample, then after each block
    # Interrupted opening: a block's state is gone; opening again prepares that block only.
    cache._state(1).unlink()
    calls.clear()
    cache.open()
    assert [c for c in calls if c != "release"] == ["block 1: 0 alive"]
    assert cache.is_open()


def test_a_single_row_group_is_one_block_or_cut_by_people(folder, opened, tmp_path):
    import pyarrow.parquet as pq

    assert pq.ParquetFile(folder / "events.parquet").metadata.num_row_groups == 1
    # More events than a block's share: cut by people, as before.
    assert opened.manifest["row_groups"] is False
    assert opened.manifest["n_blocks"] == -(-N_PEOPLE // BLOCK)
    first = opened.manifest["bounds"][1][0]
    assert opened.block_of(first) == 1 and opened.person_result(first, OTHER).shape[0] > 0
    # Within one block's share: the one row group is the one block.
    whole = block_cache.FolderCache(folder, block_people=N_PEOPLE, root=tmp_path)
    whole.open()
    assert whole.manifest["row_groups"] is True and whole.manifest["n_blocks"] == 1
    got, want = whole.run(OTHER), opened.run(OTHER)
    assert got.n_people == want.n_people == N_PEOPLE
    for key, value in want.share_sums.items():
        assert got.share_sums[key] == pytest.approx(value, abs=1e-9), key


def test_idle_worker_pools_are_stopped_and_busy_ones_never(monkeypatch):
    import psutil

    monkeypatch.setattr(block_cache, "POOL_IDLE_SECONDS", 0.5)
    try:
        pids = set(block_cache._map(block_cache._started, [(i,) for i in range(8)], 2,
                                    lambda n: None))
        with block_cache._using(2) as pool:
            pids |= {pool.submit(block_cache._started, i).result() for i in range(8)}
            # In use: not stopped, however long ago it was last used.
            assert block_cache.stop_idle_pools(now=time.monotonic() + 3600) == []
            assert 2 in block_cache._POOLS
        # Just finished: not idle yet.
        assert block_cache.stop_idle_pools() == []
        assert pids and all(psutil.pid_exists(pid) for pid in pids)
        # The background watcher stops it once idle, and its processes end.
        deadline = time.monotonic() + 20
        while 2 in block_cache._POOLS and time.monotonic() < deadline:
            time.sleep(0.05)
        assert 2 not in block_cache._POOLS
        gone, alive = psutil.wait_procs([psutil.Process(p) for p in pids
                                         if psutil.pid_exists(p)], timeout=10)
        assert not alive
        # The next use starts a new pool.
        assert block_cache._map(block_cache._started, [(0,), (1,)], 2, lambda n: None)
        assert 2 in block_cache._POOLS
    finally:
        block_cache.shutdown_pools()

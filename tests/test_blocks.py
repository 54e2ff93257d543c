"""The engine block by block: the same ranked, attributed ads, shares and exclusion counts as the
in-memory engine, to 1e-9, whatever the block size."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from adlens import blocks, engine
from adlens.contract import load_dataset
from adlens.scenario import Scenario
from tests import helpers

N_PEOPLE = 260
SCENARIOS = (Scenario.announced(), Scenario(sensitive_list="gdpr9", excluded_regions=("EU",)))
KEY = ["user_id", "app", "rank"]
LABELS = ["ad_id", "topic", "advertiser", "title"]


folder = helpers.generated_folder(N_PEOPLE, 31, "blocks")


@pytest.fixture(scope="module")
def in_memory(folder) -> engine.Prepared:
    return engine.prepare(load_dataset(folder), use_artifacts=False)


@pytest.fixture(scope="module")
def population(folder) -> blocks.Population:
    return blocks.learn_population(folder)


def normalised(rec: pd.DataFrame) -> pd.DataFrame:
    rec = rec.astype({c: str for c in ["user_id", "app", *LABELS]})
    return rec.sort_values(KEY).reset_index(drop=True)


def test_small_population_learns_on_everyone_like_the_in_memory_engine(in_memory, population):
    assert population.sample_people == N_PEOPLE and "all" in population.how
    assert population.click_model == in_memory.click_model
    np.testing.assert_array_equal(population.similar_topics, in_memory.codes.similar_topics)


@pytest.mark.parametrize("scenario", SCENARIOS, ids=["announced", "gdpr9-no-EU"])
def test_blocks_equal_the_in_memory_engine_whatever_the_block_size(folder, in_memory,
                                                                    population, scenario):
    whole = engine.run_scenario(in_memory, scenario)
    want = normalised(whole.recommendations)
    want_shares = whole.signal_shares()
    want_counts = whole.exclusion_counts().astype({"reason": str, "event_type": str})
    want_counts = want_counts.sort_values(["reason", "event_type"]).reset_index(drop=True)
    sizes = []
    for block_people in (N_PEOPLE, 97, 40):
        seen = []
        run = blocks.score_blocks(folder, scenario, block_people=block_people,
                                population=population, keep=True,
                                progress=lambda done, total, seen=seen: seen.append(
                                    (done, total)))
        assert run.n_blocks == -(-N_PEOPLE // block_people) == len(seen)
        assert run.n_people == N_PEOPLE and run.n_recommendations == len(want)
        got = normalised(run.recommendations)
        pd.testing.assert_frame_equal(got[KEY + LABELS], want[KEY + LABELS])
        numbers = ["score", "baseline", *engine.CONTRIB_COLUMNS]
        np.testing.assert_allclose(got[numbers].to_numpy(), want[numbers].to_numpy(),
                                   rtol=0, atol=1e-9)
        shares = run.signal_shares()
        np.testing.assert_allclose(shares[want_shares.columns].to_numpy(dtype=float),
                                   want_shares.to_numpy(dtype=float), rtol=0, atol=1e-9)
        counts = run.exclusion_counts.astype({"reason": str, "event_type": str})
        pd.testing.assert_frame_equal(counts, want_counts, check_dtype=False)
        sizes.append(run.n_blocks)
    assert sizes == [1, 3, 7]


def test_a_seeded_sample_learns_the_population_pieces_when_it_is_large(folder):
    first = blocks.learn_population(folder, sample_people=120, seed=4)
    again = blocks.learn_population(folder, sample_people=120, seed=4)
    other = blocks.learn_population(folder, sample_people=120, seed=5)
    assert first.sample_people == 120 and "seeded sample of 120" in first.how
    assert first.click_model == again.click_model
    np.testing.assert_array_equal(first.similar_topics, again.similar_topics)
    assert not np.array_equal(first.similar_topics, other.similar_topics)


def _old_bounds(ids: np.ndarray, block_people: int) -> list[tuple[str, str]]:
    """Blocks as they were cut before: every id a Python string, sorted with numpy."""
    ids = np.sort(ids.astype(object))
    return [(ids[s], ids[min(s + block_people, len(ids)) - 1])
            for s in range(0, len(ids), block_people)]


@pytest.mark.parametrize("shuffled", [False, True], ids=["sorted-file", "unsorted-file"])
def test_blocks_are_cut_from_the_users_file_without_holding_every_id(tmp_path, monkeypatch,
                                                                     shuffled):
    ids = np.array([f"u{i:05d}" for i in range(1000)] + ["zürich", "zz", "ä", "中文", "Z"],
                   dtype=object)
    ids = np.sort(ids) if not shuffled else np.random.default_rng(1).permutation(ids)
    pd.DataFrame({"user_id": ids, "country": "US"}).to_parquet(
        tmp_path / "users.parquet", index=False, row_group_size=64)
    monkeypatch.setattr(blocks, "ID_BATCH", 50)  # batches that cut through blocks
    people = blocks.person_ids(tmp_path)
    assert len(people) == len(ids)
    if not shuffled:  # read in one pass: never the whole column
        def refuse(*args, **kwargs):
            raise AssertionError("the whole user_id column was read")
        monkeypatch.setattr(blocks.pq, "read_table", refuse)
    for size in (1005, 240, 97, 40, 1):
        assert people.bounds(size) == _old_bounds(ids, size), size
        cut = [tuple(b) for b in blocks.blocks(people, size)]
        assert cut == _old_bounds(ids, size), size
    assert people.bounds(2000) == [(min(ids, key=str.encode), max(ids, key=str.encode))]


def test_ids_missing_from_users_are_not_people(tmp_path):
    ids = ["u3", None, "u1", "u2", None]
    pd.DataFrame({"user_id": ids}).to_parquet(tmp_path / "users.parquet", index=False)
    people = blocks.person_ids(tmp_path)
    assert len(people) == 3 and people.bounds(2) == [("u1", "u2"), ("u3", "u3")]


def test_the_seeded_sample_reads_only_its_rows_and_picks_the_same_people(tmp_path):
    users = pd.DataFrame({"user_id": [f"u{i:04d}" for i in range(500)],
                          "country": np.where(np.arange(500) % 3, "US", "DE"),
                          "uses_meta_ai": np.arange(500) % 2 == 0})
    users.to_parquet(tmp_path / "users.parquet", index=False, row_group_size=37)
    import pyarrow.parquet as pq

    pick = np.sort(np.random.default_rng(0).choice(500, 120, replace=False))
    got = blocks._rows_at(pq.ParquetFile(tmp_path / "users.parquet"), pick)
    want = pd.read_parquet(tmp_path / "users.parquet").iloc[pick].reset_index(drop=True)
    pd.testing.assert_frame_equal(got, want)


def test_blocks_write_their_recommendations(folder, population, tmp_path):
    run = blocks.score_blocks(folder, Scenario.announced(), block_people=100,
                            population=population, out=tmp_path)
    files = sorted(tmp_path.glob("block-*.parquet"))
    assert len(files) == run.n_blocks == 3
    assert sum(len(pd.read_parquet(f)) for f in files) == run.n_recommendations
    assert run.recommendations is None


def test_the_blocks_command_prints_a_summary(folder, tmp_path, capsys):
    import json

    from adlens.__main__ import main

    code = main(["blocks", "--data", str(folder), "--block-people", "100", "--sample-people",
                 "150", "--out", str(tmp_path), "--ai-chat", "off"])
    out, err = capsys.readouterr()
    assert code == 0, err
    summary = json.loads(out)
    assert summary["people"] == N_PEOPLE and summary["blocks"] == 3
    assert "seeded sample of 150" in summary["population"]
    assert summary["signal_shares"]["ai_chat"] == 0.0  # the switch reached every block
    chats = {r["reason"] for r in summary["exclusions"] if r["event_type"] == "ai_chat"}
    assert chats == {"ai_chat_off"}
    assert err.count("block ") == 3 and len(list(tmp_path.glob("block-*.parquet"))) == 3
    assert main(["blocks", "--data", str(tmp_path)]) == 1


def test_a_two_worker_local_cluster_gives_the_in_process_results(folder, population, tmp_path):
    scenario = Scenario(link_rule=False)
    here = blocks.score_blocks(folder, scenario, block_people=60, population=population,
                               keep=True)
    client = blocks.dask_client(workers=2)
    try:
        assert len(client.scheduler_info()["workers"]) == 2
        done = []
        there = blocks.score_blocks(folder, scenario, block_people=60, population=population,
                                    keep=True, out=tmp_path, client=client,
                                    progress=lambda d, t: done.append(d))
        worked = client.run(lambda: __import__("sys").modules.get("adlens.engine") is not None)
    finally:
        blocks.close_client(client)
    assert done == list(range(1, here.n_blocks + 1)) and all(worked.values())
    pd.testing.assert_frame_equal(there.recommendations, here.recommendations)
    assert there.share_sums == here.share_sums
    pd.testing.assert_frame_equal(there.exclusion_counts, here.exclusion_counts)
    assert len(list(tmp_path.glob("block-*.parquet"))) == here.n_blocks == 5


def test_a_block_of_people_with_no_events_is_scored_like_the_in_memory_engine(folder, tmp_path):
    """People with no events at all are valid data: a block made only of them must not fail
    the contract's "no data rows" check, which is about a whole table."""
    quiet = tmp_path / "quiet"
    quiet.mkdir()
    for table in ("users", "ads"):
        (quiet / f"{table}.parquet").write_bytes((folder / f"{table}.parquet").read_bytes())
    events = pd.read_parquet(folder / "events.parquet")
    first = set(np.sort(pd.read_parquet(folder / "users.parquet")["user_id"].astype(str)
                        .to_numpy(dtype=object))[:40])
    events[~events["user_id"].astype(str).isin(first)].to_parquet(quiet / "events.parquet",
                                                                  index=False)
    whole = engine.run_scenario(engine.prepare(load_dataset(quiet), use_artifacts=False),
                                Scenario.announced())
    run = blocks.score_blocks(quiet, Scenario.announced(), block_people=40, keep=True)
    assert run.n_blocks == -(-N_PEOPLE // 40) and run.n_people == N_PEOPLE
    got, want = normalised(run.recommendations), normalised(whole.recommendations)
    pd.testing.assert_frame_equal(got[KEY + LABELS], want[KEY + LABELS])
    np.testing.assert_allclose(got["score"].to_numpy(), want["score"].to_numpy(), atol=1e-9)


def test_dask_keeps_only_a_short_log_of_the_messages_that_started_blocks(tmp_path):
    """A LocalCluster's scheduler runs in the calling process and keeps its recent messages to
    each worker; every message that starts a block holds the block's person ids, so with Dask's
    default log (1,000 messages) the caller grew by a block's ids for every block."""
    import gc

    from dask._task_spec import Task

    client = blocks.dask_client(workers=1)
    try:
        work = [(i, np.array([f"person-{i:03d}-{j:05d}" for j in range(2000)], dtype=object))
                for i in range(60)]
        # `slice(folder, index, ids)`: a task any worker can run, holding the ids it was given.
        done = blocks.run_on_dask(client, slice, tmp_path, work, {}, None)
        del work
        gc.collect()
        kept = sum(isinstance(o, Task) for o in gc.get_objects())
        logs = [c.recent_message_log.maxlen
                for c in client.cluster.scheduler.stream_comms.values()]
    finally:
        blocks.close_client(client)
    assert sorted(s.start for s in done) == [str(tmp_path)] * 60
    assert logs and all(n == blocks.MESSAGE_LOG for n in logs)
    assert kept <= 2 * blocks.MESSAGE_LOG < len(done)


def test_two_local_clusters_at_once_each_get_a_free_port_for_their_web_pages():
    """A LocalCluster's scheduler serves its web pages even with no dashboard to show; on
    Dask's fixed port 8787 a second cluster (two commands, or two test workers, at once) found
    it taken and warned. Each now asks the system for a free port."""
    import warnings

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        first = blocks.dask_client(workers=1)
        try:
            second = blocks.dask_client(workers=1)
            try:
                ports = [c.scheduler_info()["services"]["dashboard"] for c in (first, second)]
            finally:
                blocks.close_client(second)
        finally:
            blocks.close_client(first)
    assert [str(w.message) for w in caught if "already in use" in str(w.message)] == []
    assert len(set(ports)) == 2 and 8787 not in ports, ports


def test_a_local_cluster_s_workers_do_not_run_the_caller_s_main_script(tmp_path, monkeypatch):
    """A spawned worker re-runs its parent's main script when that is a file: under `streamlit
    run app.py` the app, after an AppTest a script of its own (which failed the workers to
    start). The cluster's workers start without it."""
    import sys
    import types

    marker = tmp_path / "ran"
    script = tmp_path / "a_script.py"
    script.write_text(f"open({str(marker)!r}, 'w').close()\nraise SystemExit('not in a worker')\n")
    main = types.ModuleType("__main__")
    main.__file__ = str(script)
    monkeypatch.setitem(sys.modules, "__main__", main)
    client = blocks.dask_client(workers=1)
    try:
        assert client.submit(sum, [1, 2]).result(timeout=60) == 3
    finally:
        blocks.close_client(client)
    assert sys.modules["__main__"] is main
    assert not marker.exists()

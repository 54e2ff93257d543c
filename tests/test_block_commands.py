"""validate, audit and recall one block of people at a time (adlens.block_commands): the same
figures whatever the block size, and today's whole-dataset figures when everyone is one block."""

from __future__ import annotations

import contextlib
import io
import json
import math
import shutil
from pathlib import Path

import pandas as pd
import pytest

from adlens import block_commands, contract
from adlens.__main__ import main
from tests import helpers

N_PEOPLE = 240


folder = helpers.generated_folder(N_PEOPLE, 11, "blocks", inside="data")


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


def _close(a, b, path: str = "") -> None:
    """Equal JSON values, numbers to 1e-9."""
    if isinstance(a, dict):
        assert set(a) == set(b), path
        for key in a:
            _close(a[key], b[key], f"{path}.{key}")
    elif isinstance(a, list):
        assert len(a) == len(b), path
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            _close(x, y, f"{path}[{i}]")
    elif isinstance(a, float) or isinstance(b, float):
        if a is None or b is None:
            assert a is None and b is None, path
        elif math.isnan(a):
            assert math.isnan(b), path
        else:
            assert a == pytest.approx(b, rel=1e-9, abs=1e-9), path
    else:
        assert a == b, path


def test_auto_takes_blocks_only_above_one_block(folder: Path, tmp_path: Path) -> None:
    assert block_commands.use_blocks(folder, "auto", N_PEOPLE - 1)
    assert not block_commands.use_blocks(folder, "auto", N_PEOPLE)
    assert block_commands.use_blocks(folder, "on", N_PEOPLE)
    assert not block_commands.use_blocks(folder, "off", 10)
    csv = tmp_path / "csv"
    csv.mkdir()
    with pytest.raises(ValueError, match="Parquet"):
        block_commands.use_blocks(csv, "on", 10)


def test_validate_in_blocks_equals_whole_and_does_not_depend_on_block_size(folder: Path) -> None:
    whole = contract.summarize(contract.load_dataset(folder))
    assert block_commands.folder_dataset_id(folder) == whole["dataset_id"]
    for size in (N_PEOPLE, 97, 40):
        summary = block_commands.validate_blocks(folder, size)
        assert {k: v for k, v in summary.items() if k != "source"} == {
            k: v for k, v in whole.items() if k != "source"}, size
    code, out, _ = _run("validate", str(folder), "--blocks", "on", "--block-people", "50")
    assert code == 0 and f"users:     {N_PEOPLE:,}" in out


def test_validate_in_blocks_finds_what_the_whole_check_finds(folder: Path,
                                                             tmp_path: Path) -> None:
    broken = tmp_path / "broken"
    shutil.copytree(folder, broken)
    events = pd.read_parquet(broken / "events.parquet")
    # A person missing from users (between two blocks' people, and after the last one) and
    # an event type outside the contract.
    events.loc[5, "user_id"] = "u000050x"
    events.loc[7, "user_id"] = "zz-nobody"
    events.loc[9, "event_type"] = "teleport"
    events.to_parquet(broken / "events.parquet", index=False)
    with pytest.raises(contract.ContractError) as whole:
        contract.load_dataset(broken)
    for size in (N_PEOPLE, 60):
        with pytest.raises(contract.ContractError) as blocked:
            block_commands.validate_blocks(broken, size)
        text = "\n".join(str(p) for p in blocked.value.problems)
        assert "u000050x" in text and "zz-nobody" in text and "teleport" in text
        if size == N_PEOPLE:  # one block: the very problems of the whole check
            assert [str(p) for p in blocked.value.problems] == [
                str(p) for p in whole.value.problems]
    code, _, err = _run("validate", str(broken), "--blocks", "on", "--block-people", "60")
    assert code == 1 and "teleport" in err


def _audit(folder: Path, *extra: str) -> dict:
    code, out, err = _run("audit", "--data", str(folder), "--boot", "20", *extra)
    assert code == 0, err
    return json.loads(out)


def test_audit_in_blocks_equals_whole_and_does_not_depend_on_block_size(folder: Path) -> None:
    whole = _audit(folder, "--blocks", "off")
    one = _audit(folder, "--blocks", "on", "--block-people", str(N_PEOPLE))
    computed = one.pop("computed")
    assert computed["blocks"] == 1 and "all" in computed["sample"]
    _close(one, whole)
    for size in ("97", "40"):
        several = _audit(folder, "--blocks", "on", "--block-people", size)
        assert several.pop("computed")["blocks"] > 1
        _close(several, whole)
    # The figures must be able to move: another scenario's exclusions differ.
    other = _audit(folder, "--blocks", "on", "--block-people", "97", "--excluded-regions",
                   "none", "--link-rule", "off")
    assert other["exclusions"] != whole["exclusions"]


def _recall(folder: Path, *extra: str) -> dict:
    code, out, err = _run("recall", "--data", str(folder), *extra)
    assert code == 0, err
    return json.loads(out)


def test_recall_in_blocks_equals_whole_and_does_not_depend_on_block_size(folder: Path) -> None:
    whole = _recall(folder, "--blocks", "off")
    assert whole["n_coincidences"] > 0
    one = _recall(folder, "--blocks", "on", "--block-people", str(N_PEOPLE))
    assert one.pop("computed")["blocks"] == 1
    _close(one, whole)
    # The aggregates come from the same counts and exact sums whatever the blocks: equal to
    # the last bit, medians included.
    assert one["aggregates"] == whole["aggregates"]
    for size in ("60",):
        several = _recall(folder, "--blocks", "on", "--block-people", size)
        assert several.pop("computed")["blocks"] > 1
        _close(several, whole)
        assert several["aggregates"] == whole["aggregates"]
    listed = _recall(folder, "--blocks", "on", "--block-people", "60",
                     "--max-coincidences", "3")
    assert listed["coincidences"] == whole["coincidences"][:3]
    assert listed["n_coincidences"] == whole["n_coincidences"]
    assert listed["aggregates"] == whole["aggregates"]


def test_one_pass_gives_the_audit_and_recall_commands_reports(folder: Path) -> None:
    code, out, err = _run("blocks", "--data", str(folder), "--block-people", "97", "--audit",
                          "--recall", "--boot", "20", "--max-coincidences", "5")
    assert code == 0, err
    summary = json.loads(out)
    code, alone, _ = _run("blocks", "--data", str(folder), "--block-people", "97")
    alone = json.loads(alone)
    for key in ("people", "events", "blocks", "recommendations", "exclusions"):
        assert summary[key] == alone[key], key
    _close(summary["signal_shares"], alone["signal_shares"])
    _close(summary["audit"], _audit(folder, "--blocks", "on", "--block-people", "97"))
    _close(summary["recall"], _recall(folder, "--blocks", "on", "--block-people", "97",
                                      "--max-coincidences", "5"))
    assert 0 < len(summary["recall"]["coincidences"]) <= 5


def test_one_pass_holds_no_prepared_people_between_blocks(folder: Path) -> None:
    """The sample's parts are computed before the blocks and its frames dropped, and a block
    drops its own before handing back its result: between blocks nothing prepared is alive
    (the calling process's memory during the blocks is then its imports and small sums)."""
    import argparse
    import gc

    from adlens import engine
    from adlens.scenario import Scenario

    args = argparse.Namespace(top=5, boot=20, twin=False, twin_seed=None, without="removed",
                              sample_people=50_000, block_people=97, out=None, audit=True,
                              recall=True, window_hours=48, lookback_days=2.0,
                              max_coincidences=3)
    alive: list[int] = []

    def progress(done: int, total: int) -> None:
        gc.collect()
        alive.append(sum(isinstance(o, engine.Prepared) for o in gc.get_objects()))

    summary = block_commands.everything(folder, Scenario.announced(), args, progress=progress)
    assert alive == [0, 0, 0]
    assert summary["audit"]["static_interest_match"]["rows"]
    assert summary["recall"]["n_coincidences"] > 0


@pytest.mark.slow
def test_blocks_on_a_local_cluster_give_the_same_reports(folder: Path) -> None:
    import argparse

    from adlens import blocks
    from adlens.cli_engine import _clean
    from adlens.scenario import Scenario

    args = argparse.Namespace(top=5, boot=20, twin=False, twin_seed=None, without="removed",
                              sample_people=50_000)
    scenario = Scenario.announced()
    here = (block_commands.validate_blocks(folder, 97),
            block_commands.audit_blocks(folder, scenario, args, 97))
    client = blocks.dask_client(workers=2)
    try:
        there = (block_commands.validate_blocks(folder, 97, client=client),
                 block_commands.audit_blocks(folder, scenario, args, 97, client=client))
    finally:
        blocks.close_client(client)
    assert there[0] == here[0]
    _close(_clean(there[1]), _clean(here[1]))


def test_audit_on_a_sample_smaller_than_the_population_says_so(folder: Path) -> None:
    out = _audit(folder, "--blocks", "on", "--block-people", "97", "--sample-people", "120")
    assert "120 of 240" in out["computed"]["sample"]
    rows = {(r["region"], r["metric"], r["variant"]): r
            for r in out["static_interest_match"]["rows"]}
    whole = _audit(folder, "--blocks", "off")
    whole_rows = {(r["region"], r["metric"], r["variant"]): r
                  for r in whole["static_interest_match"]["rows"]}
    # Per person over everyone (ranked by the click model learned on the sample, so the
    # value may move); AUC on the 120 people only.
    key = ("All", "precision@k", "with AI chat")
    assert rows[key]["n_people"] == whole_rows[key]["n_people"] > 120
    assert 0 <= rows[key]["value"] <= 1
    assert 0 < rows[("All", "auc", "with AI chat")]["n_people"] <= 120
    assert out["dataset_id"] == whole["dataset_id"]
    code, _, err = _run("audit", "--data", str(folder), "--blocks", "on", "--block-people",
                        "97", "--sample-people", "120", "--twin")
    assert code == 2 and "twin" in err


def test_validate_in_blocks_reports_an_events_table_with_no_rows(folder: Path,
                                                                 tmp_path: Path) -> None:
    # A block may hold no events (its people have none); the whole table may not.
    empty = tmp_path / "empty"
    shutil.copytree(folder, empty)
    events = pd.read_parquet(empty / "events.parquet")
    events.iloc[:0].to_parquet(empty / "events.parquet", index=False)
    with pytest.raises(contract.ContractError) as whole:
        contract.load_dataset(empty)
    for size in (N_PEOPLE, 60):
        with pytest.raises(contract.ContractError) as blocked:
            block_commands.validate_blocks(empty, size)
        assert any("events.parquet" == p.file and "has no data rows" in p.message
                   for p in blocked.value.problems), size
    assert any("has no data rows" in str(p) for p in whole.value.problems)


def test_one_pass_with_out_writes_coincidences_per_block_and_reports_the_same(
        folder: Path, tmp_path: Path) -> None:
    """With --out, each block's coincidences and prior exposures go to Parquet and the caller
    keeps only the aggregates' columns: the report is the one held in memory gives."""
    args = ("blocks", "--data", str(folder), "--block-people", "60", "--recall")
    code, held, err = _run(*args, "--max-coincidences", "7")
    assert code == 0, err
    code, out, err = _run(*args, "--max-coincidences", "7", "--out", str(tmp_path / "o"))
    assert code == 0, err
    held, written = json.loads(held)["recall"], json.loads(out)["recall"]
    files = written.pop("computed")["written"]
    held.pop("computed")
    _close(written, held)
    assert written["aggregates"] == held["aggregates"]
    assert len(written["coincidences"]) == 7 < written["n_coincidences"]
    co = pd.read_parquet(files["coincidences"])
    prior = pd.read_parquet(files["prior_exposures"])
    assert len(co) == written["n_coincidences"]
    assert len(list(Path(files["coincidences"]).glob("block-*.parquet"))) == 4
    assert prior["coincidence_id"].isin(co["coincidence_id"]).all() and len(prior)
    # Listing everything reads every block back: the in-memory path's coincidences.
    code, out, err = _run(*args, "--max-coincidences", "100000", "--out", str(tmp_path / "a"))
    assert code == 0, err
    whole = _recall(folder, "--blocks", "on", "--block-people", "60")
    every = json.loads(out)["recall"]
    every.pop("computed"), whole.pop("computed")
    _close(every, whole)


def test_written_blocks_hand_back_counts_and_the_median_reads_their_files(
        folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A block that wrote its coincidences hands back counts and sums only (no coincidence,
    exposure or lead); the median lead time reads the region and lead columns of its file
    back, and refuses files that no longer hold what was counted."""
    import pyarrow.parquet as pq

    from adlens import blocks
    from adlens.scenario import Scenario

    scenario = Scenario.announced()
    sample = block_commands.prepare_sample(folder)
    cut = list(enumerate(blocks.blocks(blocks.person_ids(folder), 120)))
    out = tmp_path / "o"
    written = [block_commands.recall_block(folder, i, ids, scenario, sample.population,
                                           out=out) for i, ids in cut]
    held = [block_commands.recall_block(folder, i, ids, scenario, sample.population,
                                        max_coincidences=2) for i, ids in cut]
    for w, h in zip(written, held, strict=True):
        assert w.coincidences is None and w.prior_exposures is None and w.leads is None
        assert w.n_coincidences == h.n_coincidences == w.pieces.n_coincidences > 2
        assert len(h.coincidences) == 2 and len(h.leads) == h.n_coincidences
    reads = []
    real_read = pq.read_table

    def spy(source, *args, **kwargs):
        path = source if isinstance(source, str | Path) else source.name  # a path or a file
        reads.append((Path(path).parent.name, tuple(kwargs.get("columns") or ())))
        return real_read(source, *args, **kwargs)

    monkeypatch.setattr(block_commands.pq, "read_table", spy)
    args = (scenario, 120, 48, 2.0, sample)
    from_files, _ = block_commands.recall_from_parts(*args, written, N_PEOPLE, 2)
    from_held, _ = block_commands.recall_from_parts(*args, held, N_PEOPLE, 2)
    # The median's pass reads two columns of every block; the listing (2) the first block.
    assert [r for r in reads if r[1]] == [("coincidences", ("region", "lead_hours"))] * len(cut)
    assert [r[0] for r in reads if not r[1]] == ["coincidences", "prior_exposures"]
    for name, frame in from_held.aggregates.items():
        pd.testing.assert_frame_equal(from_files.aggregates[name], frame, check_exact=True)
    pd.testing.assert_frame_equal(from_files.coincidences, from_held.coincidences)
    assert from_files.n_coincidences == sum(p.n_coincidences for p in written)
    assert from_held.aggregates["summary"]["n_coincidences"].iloc[0] == \
        from_files.n_coincidences
    # Files that changed after counting (every row twice) are refused, not averaged.
    for i, _ in cut:
        path = out / "coincidences" / f"block-{i:05d}.parquet"
        co = pd.read_parquet(path)
        pd.concat([co, co]).to_parquet(path, index=False)
    with pytest.raises(ValueError, match="do not match"):
        block_commands.recall_from_parts(*args, written, N_PEOPLE, 2)


def test_audit_sums_are_added_in_block_order_whatever_order_blocks_finish() -> None:
    """The caller keeps one sum, not a block's sums each; added in block order, so the same
    figures to the last bit as adding them after every block has finished."""
    import numpy as np

    from adlens import quality

    rng = np.random.default_rng(2)
    parts = []
    for index in range(9):
        n = int(rng.integers(1, 30))
        keys = quality.person_keys(np.array([f"b{index}-{i}" for i in range(n)], dtype=object))
        per_person = {m: (rng.random(n), rng.random(n)) for m in quality.TOPK_METRICS}
        parts.append(block_commands.AuditBlock(
            index=index, sums=quality.topk_sums(keys, rng.integers(0, 5, n), per_person, 30, 0),
            n_excluded=0, exclusion_counts=pd.DataFrame(), seconds=0.0))
    in_order = quality.TopkSums.empty(quality.TOPK_METRICS, 30, 0)
    for part in parts:
        in_order = in_order + part.sums
    summed = block_commands._AuditSums(30)
    kept = [summed(parts[i]) for i in (2, 0, 1, 5, 3, 4, 8, 6, 7)]  # as blocks finish
    assert all(k.sums is None for k in kept) and summed.next == 9 and not summed.early
    assert np.array_equal(summed.sums.boot, in_order.boot)
    assert np.array_equal(summed.sums.total, in_order.total)
    assert np.array_equal(summed.sums.people, in_order.people)

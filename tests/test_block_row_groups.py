"""Blocks cut on the events file's row groups (adlens.blocks.row_group_blocks, events_between):
a block decodes its own row groups and the head of the next, gives the rows Arrow's filtered
scan gives, and every report is the one the people cut and the whole-dataset path give."""

from __future__ import annotations

import contextlib
import io
import json
import shutil
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow.parquet as pq
import pytest

from adlens import block_commands, blocks
from adlens.__main__ import main
from adlens.simulate import generate_to_dir
from tests.test_block_commands import _close

N_PEOPLE = 300
ROWS_PER_GROUP = 2_000  # about 36 people: a person's events often run on into the next group


def in_row_groups(out: Path) -> Path:
    """A generated population (events in person order, as generated) written to `out` with
    its events rewritten in small row groups."""
    generate_to_dir(N_PEOPLE, 5, out)
    events = pq.read_table(out / "events.parquet")
    pq.write_table(events, out / "events.parquet", row_group_size=ROWS_PER_GROUP)
    return out


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    return in_row_groups(tmp_path_factory.mktemp("rowgroups") / "data")


@pytest.fixture(scope="module")
def shuffled(folder: Path, tmp_path_factory) -> Path:
    """The same people with their events in no particular order."""
    out = tmp_path_factory.mktemp("shuffled") / "data"
    shutil.copytree(folder, out)
    events = pq.read_table(folder / "events.parquet")
    order = np.random.default_rng(3).permutation(events.num_rows)
    pq.write_table(events.take(order), out / "events.parquet", row_group_size=ROWS_PER_GROUP)
    return out


def _scanned(folder: Path, lo: str | None, hi: str | None) -> pd.DataFrame:
    """What the block path read before: Arrow's scanner with the range filter."""
    return block_commands._table(folder, "events", block_commands._in_range("user_id", lo, hi))


def _run(*argv: str) -> dict:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    assert code == 0, err.getvalue()
    return json.loads(out.getvalue())


def test_blocks_are_whole_row_groups_and_each_person_is_in_one(folder: Path) -> None:
    ids = blocks.person_ids(folder)
    meta = pq.ParquetFile(folder / "events.parquet").metadata
    assert meta.num_row_groups > 6
    stats = blocks._id_stats(folder / "events.parquet")
    # Some person's events run on from one row group into the next (the case to get right).
    assert any(stats[i][1] == stats[i - 1][2] for i in range(1, len(stats)))
    cut = blocks.row_group_blocks(folder, len(ids), 150)
    assert cut is not None and 2 < len(cut) < meta.num_row_groups
    ends = {s[2] for s in stats}
    assert all(hi in ends for _, hi in cut[:-1])  # each block ends where a row group does
    seen = []
    for lo, hi in cut:
        events = blocks.events_between(folder, lo, hi + "\0")
        pd.testing.assert_frame_equal(events, _scanned(folder, lo, hi + "\0"))
        seen.append(events)
    together = pd.concat(seen, ignore_index=True)
    whole = pq.read_table(folder / "events.parquet").to_pandas()
    pd.testing.assert_frame_equal(together, whole)  # every event once, in the file's order
    people = [set(e["user_id"]) for e in seen]
    assert sum(len(p) for p in people) == len(set().union(*people))  # nobody in two blocks


def test_a_block_decodes_its_own_row_groups_and_the_head_of_the_next(folder: Path,
                                                                     monkeypatch) -> None:
    decoded: list[tuple[int, str]] = []
    whole, head = pq.ParquetFile.read_row_group, blocks._head

    def read_row_group(self, i, columns=None, **kwargs):
        decoded.append((i, "ids" if columns == ["user_id"] else "whole"))
        return whole(self, i, columns=columns, **kwargs)

    def read_head(file, group, n):
        decoded.append((group, f"head {n}"))
        return head(file, group, n)

    monkeypatch.setattr(pq.ParquetFile, "read_row_group", read_row_group)
    monkeypatch.setattr(blocks, "_head", read_head)
    stats = blocks._id_stats(folder / "events.parquet")
    cut = blocks.row_group_blocks(folder, len(blocks.person_ids(folder)), 150)
    for lo, hi in cut[1:-1]:
        decoded.clear()
        blocks.events_between(folder, lo, hi + "\0")
        own = [i for i, s in enumerate(stats) if s[2] >= lo and s[2] <= hi]
        whole_groups = [i for i, kind in decoded if kind == "whole"]
        assert whole_groups == own
        heads = [(i, kind) for i, kind in decoded if kind.startswith("head")]
        assert len(heads) <= 1 and all(i == own[-1] + 1 for i, _ in heads)
        if heads:
            assert int(heads[0][1].split()[1]) < ROWS_PER_GROUP / 10


def test_ranges_read_as_the_scanner_reads_them_in_any_order(folder: Path,
                                                            shuffled: Path) -> None:
    ids = sorted(pq.read_table(folder / "users.parquet")["user_id"].to_pylist())
    bounds = [None, ids[0], ids[7], ids[7] + "\0", ids[100], ids[-1], "zzz"]
    for path in (folder, shuffled):
        for lo in bounds:
            for hi in bounds[1:]:
                pd.testing.assert_frame_equal(blocks.events_between(path, lo, hi),
                                              _scanned(path, lo, hi))
        pd.testing.assert_frame_equal(blocks.events_between(path, None, None),
                                      _scanned(path, None, None))


def test_events_out_of_person_order_or_in_large_groups_are_cut_by_people(
        folder: Path, shuffled: Path) -> None:
    ids = blocks.person_ids(folder)
    assert blocks.row_group_blocks(shuffled, len(ids), 150) is None
    # A row group holding more than a block's share of events: cut by people as asked.
    assert blocks.row_group_blocks(folder, len(ids), 20) is None
    assert [tuple(b) for b in blocks.cut(shuffled, ids, 150)] == ids.bounds(150)
    assert [tuple(b) for b in blocks.cut(folder, ids, 150)] == \
        blocks.row_group_blocks(folder, len(ids), 150)


def test_reports_on_row_group_blocks_equal_people_blocks_and_the_whole(folder: Path) -> None:
    args = ("--audit", "--recall", "--boot", "20", "--max-coincidences", "4")
    on_groups = _run("blocks", "--data", str(folder), "--block-people", "150", *args)
    by_people = _run("blocks", "--data", str(folder), "--block-people", "20", *args)
    assert on_groups["blocks"] != by_people["blocks"]
    for key in ("people", "events", "recommendations", "exclusions"):
        assert on_groups[key] == by_people[key], key
    _close(on_groups["signal_shares"], by_people["signal_shares"])
    for report in ("audit", "recall"):
        a, b = dict(on_groups[report]), dict(by_people[report])
        a.pop("computed"), b.pop("computed")
        _close(a, b, report)
    whole = _run("audit", "--data", str(folder), "--blocks", "off", "--boot", "20")
    whole.pop("computed", None)
    audit = dict(on_groups["audit"])
    audit.pop("computed")
    _close(audit, whole, "audit")
    recall_whole = _run("recall", "--data", str(folder), "--blocks", "off",
                        "--max-coincidences", "4")
    recall = dict(on_groups["recall"])
    recall.pop("computed")
    recall_whole.pop("computed", None)
    _close(recall, recall_whole, "recall")


def test_validate_on_row_group_blocks_equals_the_whole_check(folder: Path) -> None:
    from adlens import contract

    whole = contract.summarize(contract.load_dataset(folder))
    ids = blocks.person_ids(folder)
    assert blocks.row_group_blocks(folder, len(ids), 150) is not None
    for size in (150, 20):  # on row groups, by people
        summary = block_commands.validate_blocks(folder, size)
        assert {k: v for k, v in summary.items() if k != "source"} == {
            k: v for k, v in whole.items() if k != "source"}, size


def test_validate_on_row_group_blocks_names_the_people_of_a_broken_block(folder: Path,
                                                                          tmp_path: Path
                                                                          ) -> None:
    """A problem found in a block that starts just after a person says so in words."""
    broken = tmp_path / "data"
    shutil.copytree(folder, broken)
    events = pq.read_table(folder / "events.parquet").to_pandas()
    cut = blocks.row_group_blocks(folder, len(blocks.person_ids(folder)), 150)
    lo = cut[1][0]
    assert lo.endswith("\0")
    row = events.index[events["user_id"] > lo][0]
    events.loc[row, "event_type"] = "telepathy"
    events.to_parquet(broken / "events.parquet", row_group_size=ROWS_PER_GROUP, index=False)
    with pytest.raises(block_commands.ContractError) as caught:
        block_commands.validate_blocks(broken, 150)
    text = " ".join(str(p) for p in caught.value.problems)
    assert f"after {lo[:-1]} to {cut[1][1]}" in text and "\0" not in text


@pytest.mark.parametrize("layout", ["folder", "shuffled"])
def test_the_sample_reads_the_rows_an_in_filter_gives_one_row_group_at_a_time(
        layout, request, monkeypatch):
    """The seeded sample's events, interests and truth: the rows `pq.read_table` gives with an
    "in" filter, in the file's order, read one row group at a time (never the whole file)."""
    folder = request.getfixturevalue(layout)
    users = pq.read_table(folder / "users.parquet").to_pandas()
    wanted = users["user_id"].astype(str).to_numpy()[::7]
    events = blocks._rows_in(folder / "events.parquet", "user_id", wanted)
    expected = pq.read_table(folder / "events.parquet",
                             filters=[("user_id", "in", wanted.tolist())]).to_pandas()
    assert 0 < len(events) < pq.ParquetFile(folder / "events.parquet").metadata.num_rows
    pd.testing.assert_frame_equal(events, expected)
    truth_ids = events["event_id"].astype(str).to_numpy()
    pd.testing.assert_frame_equal(
        blocks._rows_in(folder / "truth.parquet", "event_id", truth_ids),
        pq.read_table(folder / "truth.parquet",
                      filters=[("event_id", "in", truth_ids.tolist())]).to_pandas())
    assert blocks._rows_in(folder / "events.parquet", "user_id", np.array([], dtype=object)
                           ).empty
    # Row group by row group: no read of a whole file (the filtered read's memory grew with it).
    read_whole, original = [], pq.read_table
    monkeypatch.setattr(pq, "read_table",
                        lambda source, *a, **k: read_whole.append(Path(source).stem)
                        or original(source, *a, **k))
    sample, _, _ = blocks.sample_dataset(folder, 50, seed=1, with_truth=True)
    assert sample.users.shape[0] == 50 and len(sample.events) and len(sample.truth)
    assert read_whole == ["ads"]

"""The block path's cheaper reads and checks (adlens.block_commands, adlens.contract, quality):
the truth rows of a block's events, the id checks' fast path and the Poisson weights give
exactly what the slower forms gave, on generated and on broken data."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from adlens import block_commands, blocks, contract, quality
from adlens.simulate import generate_frames
from tests import helpers

folder = helpers.generated_folder(120, 5, "reading", inside="data")


def _problems(frames: dict[str, pd.DataFrame]) -> list[contract.Problem]:
    try:
        blocks.check_block(frames, source="test")
    except contract.ContractError as exc:
        return exc.problems
    return []


def _truth_the_slow_way(folder: Path, event_ids: pd.Series) -> pd.DataFrame:
    truth = pq.read_table(folder / "truth.parquet").to_pandas()
    return truth[truth["event_id"].isin(set(event_ids.dropna()))].reset_index(drop=True)


def test_truth_of_a_block_is_exactly_its_events_truth(folder: Path) -> None:
    events = pq.read_table(folder / "events.parquet").to_pandas()
    truth = pq.read_table(folder / "truth.parquet").to_pandas()
    assert len(truth) > 20
    # Every other event of the middle third: the id range then holds truth rows of events
    # that are not asked for, which must be left out.
    chosen = events["event_id"].iloc[len(events) // 3: 2 * len(events) // 3: 2]
    got = block_commands._truth_of(folder, chosen)
    want = _truth_the_slow_way(folder, chosen)
    assert 0 < len(got) < len(truth)
    pd.testing.assert_frame_equal(got.reset_index(drop=True), want)
    # A block's events as the block path reads them.
    lo, hi = sorted(events["user_id"])[30], sorted(events["user_id"])[-30]
    frames = block_commands._block_frames(folder, lo, hi, block_commands._table(folder, "ads"))
    pd.testing.assert_frame_equal(frames["truth"].reset_index(drop=True),
                                  _truth_the_slow_way(folder, frames["events"]["event_id"]))


def test_truth_of_no_events_or_events_without_ids_is_empty(folder: Path) -> None:
    columns = list(pq.read_schema(folder / "truth.parquet").names)
    for ids in (pd.Series([], dtype="str"), pd.Series([None, None], dtype="str")):
        got = block_commands._truth_of(folder, ids)
        assert got.empty and list(got.columns) == columns


def test_ids_in_increasing_order_are_checked_without_hashing_but_repeats_are_found() -> None:
    increasing = pd.Series(["e1", "e2", "e3"], dtype="str")
    assert contract._strictly_increasing(increasing)
    # Sorted with a repeat, unsorted, with a missing id, or Python objects: hashed.
    for values in (["e1", "e2", "e2", "e3"], ["e2", "e1"], ["e1", None, "e3"]):
        assert not contract._strictly_increasing(pd.Series(values, dtype="str"))
    assert not contract._strictly_increasing(pd.Series(["e1", "e2"], dtype=object))


@pytest.mark.parametrize("order", ["sorted", "shuffled"])
def test_a_repeated_event_id_is_reported_whatever_the_order(order: str) -> None:
    frames = generate_frames(40, 3)
    events = frames["events"].sort_values("event_id").reset_index(drop=True)
    events.loc[7, "event_id"] = events.loc[6, "event_id"]  # a repeat next to its twin
    if order == "shuffled":
        events = events.sample(frac=1.0, random_state=1).reset_index(drop=True)
    repeated = [p for p in _problems({**frames, "events": events})
                if "appear only once" in p.message]
    assert len(repeated) == 1 and repeated[0].column == "event_id"
    assert repeated[0].n_rows == 2
    clean = _problems({**frames, "events": events.drop_duplicates("event_id")})
    assert not [p for p in clean if "appear only once" in p.message]


def test_truth_rows_naming_unknown_events_are_reported_per_column() -> None:
    frames = generate_frames(40, 4)
    truth = frames["truth"].copy()
    assert (truth["source_event_id"].fillna("") != "").any()
    truth.loc[0, "event_id"] = "e-nowhere"
    with_source = truth.index[truth["source_event_id"].fillna("") != ""]
    truth.loc[with_source[0], "source_event_id"] = "e-elsewhere"
    unlisted = {p.column: p for p in _problems({**frames, "truth": truth})
                if p.file == "truth" and "expected an event_id listed" in p.message}
    assert set(unlisted) == {"event_id", "source_event_id"}
    assert unlisted["event_id"].rows == (1,) and unlisted["event_id"].n_rows == 1
    assert unlisted["source_event_id"].rows == (int(with_source[0]) + 1,)
    assert "e-nowhere" in str(unlisted["event_id"])
    assert "e-elsewhere" in str(unlisted["source_event_id"])


def test_poisson_weights_are_the_inverse_cdf_of_their_hash() -> None:
    keys = np.random.default_rng(2).integers(0, 2**64 - 1, 300_000, dtype=np.uint64)
    start, count, seed = 5, 40, 11
    resample = np.arange(start, start + count, dtype=np.uint64) + np.uint64(1)
    salt = quality._mix64(np.full(1, seed, dtype=np.uint64) + np.uint64(quality._GOLDEN))
    salt = quality._mix64(resample * np.uint64(quality._GOLDEN) ^ salt)
    x = quality._mix64(keys[None, :] ^ salt[:, None])
    want = np.searchsorted(quality._POISSON_CUTS, x, side="right")
    got = quality.poisson_weights(keys, start, count, seed)
    assert got.dtype == np.uint8
    np.testing.assert_array_equal(got, want)
    assert want.max() > quality._COUNTED_CUTS  # the rare large weights are among them


def test_truth_column_of_another_string_type_is_read_alike(tmp_path: Path,
                                                          folder: Path) -> None:
    # A truth file whose ids are large_string (another writer): read as the events' ids.
    truth = pq.read_table(folder / "truth.parquet")
    large = truth.set_column(0, "event_id", truth["event_id"].cast(pa.large_string()))
    other = tmp_path / "data"
    other.mkdir()
    pq.write_table(large, other / "truth.parquet")
    events = pq.read_table(folder / "events.parquet").to_pandas()
    chosen = events["event_id"].iloc[::3]
    got = block_commands._truth_of(other, chosen)
    want = _truth_the_slow_way(folder, chosen)
    assert len(got) == len(want) > 0
    assert got["event_id"].astype(str).tolist() == want["event_id"].astype(str).tolist()

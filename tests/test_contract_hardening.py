"""The data contract against careless or hostile files: timestamps the app cannot show, binary
cells in typed Parquet columns, damaged Parquet, oversized files and tables given twice."""

from __future__ import annotations

import datetime as dt
import io

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from adlens.contract import (
    TS_RANGE,
    ContractError,
    Problem,
    load_dataset,
    load_uploaded,
)
from tests.contract_fixtures import to_bytes, typed_frames, valid_frames, write_dataset


def problems_of(files) -> list[Problem]:
    with pytest.raises(ContractError) as info:
        load_uploaded(files)
    return info.value.problems


def parquet_with(frame, column: str, values: pa.Array) -> bytes:
    table = pa.Table.from_pandas(frame, preserve_index=False)
    table = table.set_column(table.schema.get_field_index(column), column, values)
    buffer = io.BytesIO()
    pq.write_table(table, buffer)
    return buffer.getvalue()


@pytest.mark.parametrize("stamp", ["9999-12-31T23:59:59Z", "0001-01-01T00:00:00Z",
                                   "1970-01-01T00:00:00Z", "2100-01-01T00:00:00Z"])
def test_a_timestamp_outside_the_plausible_range_is_rejected_in_csv(stamp: str) -> None:
    frames = valid_frames()
    frames["events"].loc[3, "ts"] = stamp
    [problem] = problems_of(to_bytes(frames))
    assert (problem.file, problem.rows, problem.column) == ("events.csv", (4,), "ts")
    first, last = TS_RANGE
    assert f"from {first:%Y-%m-%d} to {last:%Y-%m-%d}" in problem.message
    assert stamp in str(problem), "the message quotes the cell as written"


def test_a_timestamp_outside_the_plausible_range_is_rejected_in_typed_parquet() -> None:
    frames = typed_frames()
    stamps = frames["events"]["ts"].tolist()
    stamps[3] = dt.datetime(9999, 12, 31, 23, 59, 59, tzinfo=dt.UTC)
    stamps[5] = dt.datetime(1, 1, 1, tzinfo=dt.UTC)
    files = to_bytes(frames, "parquet")
    files["events.parquet"] = parquet_with(frames["events"], "ts",
                                           pa.array(stamps, pa.timestamp("us", tz="UTC")))
    [problem] = problems_of(files)
    assert (problem.file, problem.rows, problem.column) == ("events.parquet", (4, 6), "ts")
    assert "9999-12-31" in str(problem) and "0001-01-01" in str(problem)


def test_timestamps_at_the_ends_of_the_range_load() -> None:
    frames = valid_frames()
    first, last = TS_RANGE
    frames["events"].loc[3, "ts"] = f"{first:%Y-%m-%d}T00:00:00Z"
    frames["events"].loc[4, "ts"] = f"{last:%Y-%m-%d}T23:59:59Z"
    events = load_uploaded(to_bytes(frames)).events
    assert events["ts"].min().date() == first and events["ts"].max().date() == last


def test_binary_cells_in_a_parquet_bool_column_name_the_column_and_rows() -> None:
    frames = typed_frames()
    files = to_bytes(frames, "parquet")
    n = len(frames["users"])
    files["users.parquet"] = parquet_with(
        frames["users"], "uses_meta_ai",
        pa.array([b"\xff\xfe", b"true"] + [b"0"] * (n - 2), pa.binary()))
    [problem] = problems_of(files)
    assert (problem.file, problem.column, problem.rows) == ("users.parquet", "uses_meta_ai",
                                                            tuple(range(1, n + 1)))
    assert "expected true or false" in problem.message and "binary data" in problem.message
    assert "could not be checked" not in str(problem)


def test_binary_cells_in_a_parquet_number_column_name_the_column_and_rows() -> None:
    frames = typed_frames()
    files = to_bytes(frames, "parquet")
    cells = [None if d != d else f"{d:g}".encode() for d in frames["events"]["dwell_ms"]]
    cells[1] = b"\xff"  # row 2: an ai_chat, which needs no dwell time
    files["events.parquet"] = parquet_with(frames["events"], "dwell_ms",
                                           pa.array(cells, pa.binary()))
    [problem] = problems_of(files)  # binary cells are not numbers, even b"1500"
    rows = tuple(i + 1 for i, c in enumerate(cells) if c is not None)
    assert (problem.file, problem.column, problem.rows) == ("events.parquet", "dwell_ms", rows)
    assert 2 in rows
    assert "expected a number of milliseconds" in problem.message
    assert "binary data" in problem.message


@pytest.mark.parametrize("damage", [b"\x00\x00\x00\x00", b"PAR0", b"XXXX", b"\xff\xff\xff\xff"])
def test_parquet_with_its_first_bytes_overwritten_is_reported_damaged(damage: bytes) -> None:
    files = to_bytes(typed_frames(), "parquet")
    files["users.parquet"] = damage + files["users.parquet"][4:]
    [problem] = problems_of(files)
    assert problem.file == "users.parquet" and problem.column is None
    assert "damaged" in problem.message


def test_parquet_with_a_damaged_footer_is_reported_damaged() -> None:
    files = to_bytes(typed_frames(), "parquet")
    data = bytearray(files["ads.parquet"])
    data[-8:-4] = (len(data) * 2).to_bytes(4, "little")  # a footer longer than the file
    files["ads.parquet"] = bytes(data)
    [problem] = problems_of(files)
    assert problem.file == "ads.parquet" and "damaged" in problem.message


def test_one_column_header_says_one_value_per_row() -> None:
    files = to_bytes(valid_frames())
    files["ads.csv"] = b"ad_id\na1,extra\n"
    problems = problems_of(files)
    texts = [str(p) for p in problems if p.file == "ads.csv"]
    assert any("expected 1 value per row, as in the header; found 2" in t for t in texts), texts
    assert not any("1 values" in t for t in texts)


def test_an_oversized_upload_is_named_too_large_before_it_is_copied() -> None:
    files = to_bytes(valid_frames())
    size = len(files["events.csv"])
    # A memoryview, as the app passes an upload's buffer: nothing is copied to be refused.
    files = {name: memoryview(data) for name, data in files.items()}
    [problem] = problems_of_limit(files, size - 1)
    assert problem.file == "events.csv"
    assert "too large" in problem.message and "limit" in problem.message
    assert "missing" not in str(problem)
    assert load_uploaded(files, max_bytes=size).n_events == 13


def problems_of_limit(files, max_bytes: int) -> list[Problem]:
    with pytest.raises(ContractError) as info:
        load_uploaded(files, max_bytes=max_bytes)
    return info.value.problems


def test_an_oversized_file_in_a_folder_is_named_too_large(tmp_path) -> None:
    folder = write_dataset(valid_frames(), tmp_path / "d")
    size = (folder / "users.csv").stat().st_size
    with pytest.raises(ContractError) as info:
        load_dataset(folder, max_bytes=size - 1)
    [problem] = [p for p in info.value.problems if p.file == "users.csv"]
    assert "too large" in problem.message and "missing" not in str(info.value)


def test_two_uploaded_files_with_the_same_name_are_reported_not_collapsed() -> None:
    good = to_bytes(valid_frames())
    bad = b"user_id,country\nx,Narnia\n"
    pairs = [("users.csv", bad), *good.items()]  # the good users.csv added after the bad one
    problems = problems_of(pairs)
    texts = [str(p) for p in problems]
    assert any("the users table is given 2 times" in t and "users.csv" in t for t in texts), \
        texts
    assert load_uploaded(list(good.items())).n_users == 6, "pairs load like a mapping"

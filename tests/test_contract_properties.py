"""Property tests: valid files corrupted at random either load or fail with listed problems.

The loader never raises anything but ContractError, and the CLI never prints a traceback.
"""

from __future__ import annotations

import contextlib
import io
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from adlens.__main__ import main
from adlens.contract import ContractError, Problem, load_dataset, load_uploaded
from adlens.dataset import Dataset
from tests.contract_fixtures import to_bytes, valid_frames

FRAMES = valid_frames()
CLEAN = {fmt: to_bytes(FRAMES, fmt) for fmt in ("csv", "parquet")}
TABLES = ("users", "ads", "events")
CELL_TEXT = st.one_of(
    st.text(max_size=12),
    st.sampled_from(["", "nan", "NULL", "=1+1", "-", "1e309", "-5", "true", "2025-13-45",
                     "9999-12-31T23:59:59Z", "0001-01-01", "a|b", "\x00", '"', ",", "\n",
                     "u0", "a1", "like", "facebook", "hiking", "US"]),
)


TYPED_VALUES = {
    "integers": st.integers(-(2**40), 2**40),
    "floats": st.floats(allow_nan=True, allow_infinity=True),
    "booleans": st.booleans(),
    "timestamps": st.datetimes(),
    "lists": st.lists(st.sampled_from(["facebook", "x", ""]), max_size=3),
    "nothing": st.none(),
}


def flip_bytes(data: bytes, draw) -> bytes:
    buf = bytearray(data)
    for _ in range(draw(st.integers(1, 8))):
        i = draw(st.integers(0, max(len(buf) - 1, 0)))
        if buf:
            buf[i] = draw(st.integers(0, 255))
    return bytes(buf)


def truncate(data: bytes, draw) -> bytes:
    return data[: draw(st.integers(0, len(data)))]


def reencode(data: bytes, draw) -> bytes:
    encoding = draw(st.sampled_from(["utf-16", "utf-32", "latin-1", "cp1252"]))
    text = data.decode("utf-8", errors="replace").replace("Boots", "Bötté—s")
    return text.encode(encoding, errors="replace")


def corrupt_frame(frame: pd.DataFrame, draw) -> pd.DataFrame:
    frame = frame.copy()
    kind = draw(st.sampled_from(["drop", "rename", "shuffle", "cells", "dup_row", "empty",
                                 "retype"]))
    column = draw(st.sampled_from(list(frame.columns)))
    if kind == "drop":
        return frame.drop(columns=[column])
    if kind == "rename":
        return frame.rename(columns={column: draw(st.text(max_size=8))})
    if kind == "shuffle":
        seed = draw(st.integers(0, 2**16))
        frame[column] = np.random.default_rng(seed).permutation(frame[column].to_numpy())
        return frame
    if kind == "dup_row":
        return pd.concat([frame, frame.iloc[[draw(st.integers(0, len(frame) - 1))]]])
    if kind == "empty":
        return frame.iloc[0:0]
    if kind == "retype":
        # A whole column of another type, as a hand-made Parquet file might hold it.
        values = draw(st.sampled_from(list(TYPED_VALUES)))
        frame[column] = draw(st.lists(TYPED_VALUES[values], min_size=len(frame),
                                      max_size=len(frame)))
        if values == "timestamps":
            frame[column] = pd.to_datetime(frame[column])
        return frame
    for _ in range(draw(st.integers(1, 5))):
        row = draw(st.integers(0, len(frame) - 1))
        frame.iloc[row, frame.columns.get_loc(column)] = draw(CELL_TEXT)
    return frame


@st.composite
def corrupted_files(draw) -> dict[str, bytes]:
    fmt = draw(st.sampled_from(["csv", "parquet"]))
    table = draw(st.sampled_from(TABLES))
    name = f"{table}.{fmt}"
    files = dict(CLEAN[fmt])
    kind = draw(st.sampled_from(["bytes", "truncate", "encoding", "frame", "frame", "delete"]))
    if kind == "bytes":
        files[name] = flip_bytes(files[name], draw)
    elif kind == "truncate":
        files[name] = truncate(files[name], draw)
    elif kind == "encoding":
        files[name] = reencode(files[name], draw)
    elif kind == "frame":
        files[name] = to_bytes({table: corrupt_frame(FRAMES[table], draw)}, fmt)[name]
    else:
        del files[name]
    return files


def load_or_problems(files: dict[str, bytes]) -> Dataset | list[Problem]:
    try:
        return load_uploaded(files)
    except ContractError as exc:
        return exc.problems


def assert_outcome(outcome: Dataset | list[Problem]) -> None:
    if isinstance(outcome, Dataset):
        ev = outcome.events
        assert str(ev["ts"].dt.tz) == "UTC" and ev["ts"].notna().all()
        assert ev["dwell_ms"].dtype == np.float64
        assert outcome.users["uses_meta_ai"].dtype == bool
        assert ev["event_id"].is_unique and outcome.users["user_id"].is_unique
        assert ev["user_id"].isin(outcome.users["user_id"]).all()
        return
    assert outcome, "a ContractError must list at least one problem"
    for problem in outcome:
        assert isinstance(problem, Problem) and problem.file and problem.message
        assert all(r >= 1 for r in problem.rows)
        assert str(problem).startswith(problem.file)
        # The catch-all is for the unforeseen; every corruption here has a proper message.
        assert "could not be checked" not in problem.message, str(problem)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(corrupted_files())
def test_corrupted_upload_loads_or_lists_problems(files: dict[str, bytes]) -> None:
    assert_outcome(load_or_problems(files))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(corrupted_files())
def test_cli_never_prints_a_traceback(files: dict[str, bytes]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for name, data in files.items():
            (Path(tmp) / name).write_bytes(data)
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(["validate", tmp])
        text = out.getvalue() + err.getvalue()
        assert "Traceback" not in text
        try:
            load_dataset(tmp)
            assert code == 0 and "Valid dataset" in out.getvalue()
        except ContractError as exc:
            assert code == 1
            assert len(err.getvalue().strip().splitlines()) == len(exc.problems) + 1


@settings(max_examples=30, deadline=None)
@given(st.lists(CELL_TEXT, min_size=13, max_size=13))
def test_any_text_in_a_free_text_column_round_trips(texts: list[str]) -> None:
    frames = valid_frames()
    frames["events"]["text"] = texts
    frames["events"]["topic"] = frames["events"]["topic"].where(
        ~frames["events"]["event_type"].isin(["ai_chat", "conversation"]), "travel")
    frames["events"]["advertiser"] = "Someone"
    for fmt in ("csv", "parquet"):
        outcome = load_or_problems(to_bytes(frames, fmt))
        assert isinstance(outcome, Dataset), [str(p) for p in outcome]
        assert outcome.events["text"].tolist() == texts

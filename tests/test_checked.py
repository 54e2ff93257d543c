"""Stored checked tables stand in for the contract's check only for the exact bytes that were
checked: the same dataset comes back, and any changed byte, file, stored table or contract
version sends the folder through the contract again."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

from adlens import checked, contract, simulate


@pytest.fixture(scope="module")
def stored(tmp_path_factory) -> tuple[Path, Path]:
    """A small generated dataset folder and its stored checked tables."""
    root = tmp_path_factory.mktemp("checked")
    folder = root / "data"
    simulate.generate_to_dir(60, 5, folder, start="2025-12-01", end="2025-12-31")
    out = checked.store(folder, root / "checked")
    return folder, out


def _copy(stored: tuple[Path, Path], tmp_path: Path) -> tuple[Path, Path]:
    folder, out = stored
    return (Path(shutil.copytree(folder, tmp_path / "data")),
            Path(shutil.copytree(out, tmp_path / "checked")))


def _same(a, b) -> None:
    for table in checked.TABLES:
        left, right = getattr(a, table), getattr(b, table)
        if left is None or right is None:
            assert left is None and right is None, table
        else:
            pd.testing.assert_frame_equal(left, right)  # values, dtypes and index
    assert (a.dataset_id, a.source, a.meta) == (b.dataset_id, b.source, b.meta)


def test_stored_tables_are_the_checked_dataset(stored) -> None:
    folder, out = stored
    loaded = checked.load(folder, out)
    assert loaded is not None
    _same(loaded, contract.load_dataset(folder))


def _flip_one_byte(path: Path, at: float = 0.5) -> None:
    data = bytearray(path.read_bytes())
    data[int(len(data) * at)] ^= 0x01
    path.write_bytes(bytes(data))


def test_a_changed_byte_in_the_data_is_checked_by_the_contract(stored, tmp_path,
                                                                monkeypatch) -> None:
    folder, out = _copy(stored, tmp_path)
    _flip_one_byte(folder / "users.parquet")
    assert checked.load(folder, out) is None
    calls = []
    real = contract.load_dataset

    def spy(path, **kwargs):
        calls.append(path)
        return real(path, **kwargs)

    monkeypatch.setattr(contract, "load_dataset", spy)
    try:
        checked.load_dataset(folder, out)
    except contract.ContractError:
        pass  # a damaged file is reported by the contract, as for any folder
    assert calls == [folder]


def test_an_added_file_is_checked_by_the_contract(stored, tmp_path) -> None:
    folder, out = _copy(stored, tmp_path)
    (folder / "users.csv").write_text("user_id\nx\n")  # the contract reports two users tables
    assert checked.load(folder, out) is None
    with pytest.raises(contract.ContractError):
        checked.load_dataset(folder, out)


def test_a_changed_stored_table_is_refused(stored, tmp_path) -> None:
    folder, out = _copy(stored, tmp_path)
    _flip_one_byte(out / "events.parquet")
    assert checked.load(folder, out) is None
    _same(checked.load_dataset(folder, out), contract.load_dataset(folder))


@pytest.mark.parametrize("field", ["contract_version", "libraries", "python", "format"])
def test_stored_tables_from_other_code_or_libraries_are_refused(stored, tmp_path,
                                                                field) -> None:
    folder, out = _copy(stored, tmp_path)
    manifest = json.loads((out / checked.MANIFEST).read_text())
    manifest["key"][field] = "something else"
    (out / checked.MANIFEST).write_text(json.dumps(manifest))
    assert checked.load(folder, out) is None



def test_stored_tables_from_another_minor_python_are_used(stored, tmp_path,
                                                          monkeypatch) -> None:
    """The deployment's Python (3.12) is not the one `make sample` ran on: Parquet reads alike
    in any Python 3, so only the major version is part of the key."""
    import collections
    import sys

    folder, out = _copy(stored, tmp_path)
    version = collections.namedtuple("version", "major minor micro")
    monkeypatch.setattr(sys, "version_info", version(3, sys.version_info.minor + 1, 0))
    assert checked.load(folder, out) is not None
    monkeypatch.setattr(sys, "version_info", version(4, 0, 0))
    assert checked.load(folder, out) is None

def test_missing_stored_tables_fall_back_to_the_contract(stored, tmp_path) -> None:
    folder, _ = stored
    assert checked.load(folder, tmp_path / "nothing") is None
    _same(checked.load_dataset(folder, tmp_path / "nothing"), contract.load_dataset(folder))


def test_the_bundled_sample_is_stored_checked_and_current() -> None:
    """Fails after a change to the contract, the sample or the libraries until
    `python -m adlens.checked` (in `make sample`) stores it again."""
    loaded = checked.load()
    assert loaded is not None, "stale sample_data/checked/: run python -m adlens.checked"
    _same(loaded, contract.load_dataset(contract.SAMPLE_DIR))

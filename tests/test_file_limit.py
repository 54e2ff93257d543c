"""The file size limit is a setting of every command that reads a dataset (--max-mb, 0 for none),
not a wall: a file over it is refused with a sentence saying how to raise it."""

from __future__ import annotations

from pathlib import Path

import pytest

from adlens.contract import DEFAULT_MAX_BYTES, max_bytes_of
from tests import helpers
from tests.helpers import run_command

COMMANDS = (("validate",), ("recommend", "--top", "1"), ("audit", "--boot", "0"),
            ("recall",))


data_dir = helpers.generated_folder(40, 9, "limit_data", described=False)


def argv(command: tuple[str, ...], folder: Path, *extra: str) -> list[str]:
    where = [str(folder)] if command[0] == "validate" else ["--data", str(folder)]
    return [command[0], *where, *command[1:], *extra]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
def test_every_command_takes_the_limit(capsys, data_dir, command):
    events_mb = (data_dir / "events.parquet").stat().st_size / 1024**2
    code, _, err = run_command(capsys, *argv(command, data_dir, "--max-mb", f"{events_mb / 2:.4f}"))
    assert code != 0
    assert "events.parquet" in err and "raise the limit" in err
    code, _, err = run_command(capsys, *argv(command, data_dir, "--max-mb", "0"))
    assert code == 0, err


def test_a_raised_limit_admits_the_file(capsys, data_dir):
    events_mb = (data_dir / "events.parquet").stat().st_size / 1024**2
    raised = argv(("validate",), data_dir, "--max-mb", f"{events_mb * 2:.4f}")
    code, _, err = run_command(capsys, *raised)
    assert code == 0, err


def test_limit_values():
    assert max_bytes_of(0) > 10 * 1024**4 and max_bytes_of(None) > 10 * 1024**4
    assert max_bytes_of(1.5) == int(1.5 * 1024**2)
    assert DEFAULT_MAX_BYTES == 200 * 1024**2
    with pytest.raises(ValueError):
        max_bytes_of(-1)


def test_the_app_upload_limit_is_a_setting():
    from components.data import upload_limit_bytes

    assert upload_limit_bytes({}) == 50 * 1024**2
    assert upload_limit_bytes({"ADLENS_MAX_UPLOAD_MB": "500"}) == 500 * 1024**2
    assert upload_limit_bytes({"ADLENS_MAX_UPLOAD_MB": "0"}) > 10 * 1024**4
    assert upload_limit_bytes({"ADLENS_MAX_UPLOAD_MB": "lots"}) == 50 * 1024**2

"""The `python -m adlens` entry point: command dispatch, usage errors and closed pipes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from adlens.__main__ import COMMANDS, main

ROOT = Path(__file__).parent.parent


def test_every_command_has_help(capsys):
    for name in COMMANDS:
        with pytest.raises(SystemExit) as stop:
            main([name, "--help"])
        assert stop.value.code == 0
        assert f"python -m adlens {name}" in capsys.readouterr().out


def test_unknown_command_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as stop:
        main(["frobnicate"])
    assert stop.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


def test_a_closed_pipe_ends_quietly():
    # `recall` prints far more than a pipe buffer holds; the reader closes after one byte.
    proc = subprocess.Popen([sys.executable, "-m", "adlens", "recall", "--data", "sample_data"],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout.read(1) == b"{"
    proc.stdout.close()
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 0
    assert "Traceback" not in err

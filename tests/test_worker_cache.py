"""A parallel test run (`pytest -n 2`, pytest-xdist) gives each worker process a cache folder of
its own (tests/conftest.py), and a serial run keeps the cache it was given."""

from __future__ import annotations

import os
from pathlib import Path

from adlens import artifacts
from adlens import text_model as tm
from tests.conftest import worker_cache


def test_each_worker_has_its_own_folder_of_the_given_cache(tmp_path):
    given = {"ADLENS_CACHE": str(tmp_path)}
    gw0 = worker_cache({**given, "PYTEST_XDIST_WORKER": "gw0"})
    gw1 = worker_cache({**given, "PYTEST_XDIST_WORKER": "gw1"})
    assert gw0 == tmp_path / "xdist-gw0" and gw1 == tmp_path / "xdist-gw1"


def test_without_a_given_cache_each_worker_has_a_folder_of_the_default_one(monkeypatch):
    monkeypatch.delenv("ADLENS_CACHE", raising=False)
    assert worker_cache({"PYTEST_XDIST_WORKER": "gw1"}) == artifacts.cache_root() / "xdist-gw1"


def test_a_serial_run_keeps_the_cache_it_was_given(tmp_path):
    assert worker_cache({"ADLENS_CACHE": str(tmp_path)}) is None
    assert worker_cache({}) is None


def test_this_process_reads_and_writes_its_worker_s_folder():
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    cache = artifacts.cache_root()
    if worker:
        assert cache.name == f"xdist-{worker}"
    # The text model and the prepared work go to the same folder, whichever it is.
    assert tm._cache_path(tm.MODEL_VERSION).parent == cache
    assert artifacts.cache_folder("d").parents[1] == cache
    assert Path(os.environ.get("ADLENS_CACHE", cache)) == cache

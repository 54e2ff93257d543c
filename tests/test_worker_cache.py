"""A parallel test run (`pytest -n 2`, pytest-xdist) gives each worker process a cache folder of
its own (tests/conftest.py), and a serial run keeps the cache it was given. Under `--dist
loadscope` (make test) the tests of an engine or page test module go to one worker together,
and each browser test is handed out on its own."""

from __future__ import annotations

import os
import types
from pathlib import Path

import pytest

from adlens import artifacts
from adlens import text_model as tm
from tests.conftest import worker_block_cache, worker_cache, worker_scope


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


def test_each_worker_keeps_its_block_pipeline_work_in_a_folder_of_its_own(tmp_path, monkeypatch):
    from adlens import block_cache

    given = {"ADLENS_BLOCK_CACHE": str(tmp_path)}
    assert worker_block_cache({**given, "PYTEST_XDIST_WORKER": "gw1"}) == tmp_path / "xdist-gw1"
    monkeypatch.delenv("ADLENS_BLOCK_CACHE", raising=False)
    assert worker_block_cache({"PYTEST_XDIST_WORKER": "gw0"}) == (
        block_cache.cache_root() / "xdist-gw0")
    assert worker_block_cache(given) is None


def test_this_process_reads_and_writes_its_worker_s_block_folder():
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if worker:
        from adlens import block_cache

        assert block_cache.cache_root().name == f"xdist-{worker}"
    else:  # a serial run keeps the folder it was given
        assert worker_block_cache(os.environ) is None


def test_an_engine_test_module_is_one_piece_of_work_and_a_browser_test_is_one_alone():
    assert worker_scope("tests/test_rolling.py::test_a") == "tests/test_rolling.py"
    assert worker_scope("tests/test_rolling.py::test_b[x-1]") == "tests/test_rolling.py"
    assert worker_scope("tests/test_pages.py::TestPage::test_c") == "tests/test_pages.py"
    views = "tests/browser/test_views.py::test_the_method_tables_read_whole[1280-800]"
    assert worker_scope(views) == views
    other = "tests/browser/test_views.py::test_the_method_tables_read_whole[1400-900]"
    assert worker_scope(other) != worker_scope(views)


def test_loadscope_hands_out_those_pieces_and_other_modes_are_pytest_xdist_s(request,
                                                                             monkeypatch):
    from tests.conftest import pytest_xdist_make_scheduler

    monkeypatch.setattr(request.config.option, "dist", "loadscope")
    monkeypatch.setattr(request.config.option, "tx", ["2*popen"])
    scheduler = pytest_xdist_make_scheduler(request.config, None)
    views = "tests/browser/test_views.py::test_every_page_reads_whole[a]"
    assert scheduler._split_scope("tests/test_rolling.py::test_a") == "tests/test_rolling.py"
    assert scheduler._split_scope(views) == views
    monkeypatch.setattr(request.config.option, "dist", "load")
    assert pytest_xdist_make_scheduler(request.config, None) is None


class _Item:
    def __init__(self, name: str, variable: str | None = None) -> None:
        self.name = name
        self.mark = None if variable is None else pytest.mark.corpora(variable).mark

    def get_closest_marker(self, name: str):
        return self.mark if name == "corpora" else None


def test_corpus_tests_are_deselected_without_their_copy(monkeypatch, tmp_path):
    from tests.conftest import pytest_collection_modifyitems

    monkeypatch.setenv("ADLENS_HERE", str(tmp_path))
    monkeypatch.setenv("ADLENS_GONE", str(tmp_path / "missing"))
    monkeypatch.delenv("ADLENS_UNSET", raising=False)
    items = [_Item("plain"), _Item("here", "ADLENS_HERE"), _Item("gone", "ADLENS_GONE"),
             _Item("unset", "ADLENS_UNSET")]
    told: list = []
    config = types.SimpleNamespace(hook=types.SimpleNamespace(
        pytest_deselected=lambda items: told.extend(i.name for i in items)))
    pytest_collection_modifyitems(config, items)
    assert [i.name for i in items] == ["plain", "here"]
    assert told == ["gone", "unset"]

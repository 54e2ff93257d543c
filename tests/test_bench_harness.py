"""The benchmark's own honesty: a case is met only when every limit it states is met, and every
result carries the load average it ran under."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bench.__main__ import run_case
from bench.harness import Case

ROOT = Path(__file__).resolve().parent.parent


def tiny_case(extra_mb: float) -> dict:
    """A benchmark function for the tests: reports a made-up extra memory figure."""
    return {"seconds": 0.01, "detail": {"peak_extra_mb": extra_mb}}


def test_memory_limit_counts_as_well_as_time():
    case = Case("x", "m:f", "≤ 1 s, ≤ 50 MB extra", max_seconds=1.0,
                max_detail={"peak_extra_mb": 50})
    fast_but_big = {"seconds": 0.5, "peak_rss_mb": 100, "detail": {"peak_extra_mb": 56}}
    assert case.met(fast_but_big) is False
    assert case.failures(fast_but_big) == ["peak_extra_mb 56 > 50"]
    assert case.met({**fast_but_big, "detail": {"peak_extra_mb": 49}}) is True
    assert case.met({**fast_but_big, "seconds": 1.5, "detail": {"peak_extra_mb": 49}}) is False


def test_missing_figure_fails_its_limit_and_no_limit_is_no_verdict():
    case = Case("x", "m:f", "≤ 2×", max_detail={"ratio": 2.0})
    assert case.met({"seconds": 1.0, "peak_rss_mb": 1, "detail": {}}) is False
    assert Case("x", "m:f", "-").met({"seconds": 9e9, "peak_rss_mb": 9e9}) is None
    rss = Case("x", "m:f", "≤ 4 GB", max_rss_mb=4096)
    assert rss.met({"seconds": 1.0, "peak_rss_mb": 5000}) is False


def test_run_case_reports_load_average_and_what_is_over():
    case = Case("tiny", "tests.test_bench_harness:tiny_case", "≤ 50 MB extra",
                max_detail={"peak_extra_mb": 50}, kwargs={"extra_mb": 56})
    result = run_case(case)
    assert result["met"] is False and result["over"] == ["peak_extra_mb 56 > 50"]
    for key in ("load_before", "load_after"):
        assert len(result[key]) == 3 and all(x >= 0 for x in result[key])
    assert result["cpus"] >= 1


def case_reporting_a_peak() -> dict:
    """A benchmark function for the tests: measures another process and reports its peak."""
    return {"seconds": 0.0, "peak_rss_mb": 12345.0, "detail": {}}


def test_a_case_process_reports_its_own_peak_not_its_parents():
    """On Linux `ru_maxrss` carries a parent's high-water mark across fork and exec: a case
    started from a 400 MB process must still report only what it used itself."""
    held_mb = 400
    parent = ("import subprocess, sys\n"
              "from bench.rss import own_peak_mb\n"
              f"held = b'x' * ({held_mb} * 2**20)\n"
              "out = subprocess.run([sys.executable, '-m', 'bench.case',\n"
              "                      'tests.test_bench_harness:tiny_case', '{\"extra_mb\": 1}'],\n"
              "                     capture_output=True, text=True, check=True)\n"
              "print(own_peak_mb())\n"
              "print(out.stdout.strip().splitlines()[-1])\n")
    out = subprocess.run([sys.executable, "-c", parent], cwd=ROOT, capture_output=True,
                         text=True, check=True).stdout.strip().splitlines()
    parent_peak, result = float(out[-2]), json.loads(out[-1])
    assert parent_peak > held_mb  # the parent did hold it while the case ran
    assert 0 < result["peak_rss_mb"] < held_mb / 2


def test_a_peak_the_case_reports_itself_is_kept():
    result = run_case(Case("reported", "tests.test_bench_harness:case_reporting_a_peak", "-"))
    assert result["peak_rss_mb"] == 12345.0


def test_cases_run_on_request_only_when_named():
    """The hours-long 10M case is not part of a plain `make bench` nor of `--only scale`, but
    runs when --only names it."""
    from bench.__main__ import discover

    def names(only):
        return [c.name for c in discover(only)]

    ten = [c.name for c in discover("scale: 10M")]
    assert len(ten) == 1 and "10M" in ten[0]
    assert ten[0] not in names(None) and ten[0] not in names("scale")
    assert any("1M people end to end" in n for n in names(None))
    assert any("1M people end to end" in n for n in names("scale"))


def test_a_kept_population_is_reused_only_when_finished_with_the_same_settings(tmp_path):
    import json

    from bench.cases_scale import _generated

    assert not _generated(tmp_path, 100, 3)
    (tmp_path / "events.parquet").write_bytes(b"")
    assert not _generated(tmp_path, 100, 3)  # dataset.json is written last: unfinished
    meta = {"generator": "adlens.simulate", "n_users": 100, "seed": 3}
    (tmp_path / "dataset.json").write_text(json.dumps(meta))
    assert _generated(tmp_path, 100, 3)
    assert not _generated(tmp_path, 100, 4) and not _generated(tmp_path, 101, 3)


class _Asked(Exception):
    """Stops a benchmark case once it has asked for its population (nothing is generated)."""


def test_the_app_folder_case_opens_the_engine_cases_population(monkeypatch):
    # One generated population per size, seed and generator code, shared by the cases: the
    # app folder case opens bench.cases_engine's rather than keeping folders of its own.
    # Nothing is generated or opened: both steps are replaced by ones that only record.
    from adlens import block_cache
    from bench import cases_app_folder, cases_engine

    opened = []

    def folder_cache(folder, **kwargs):
        opened.append(folder)
        raise _Asked

    monkeypatch.setattr(cases_engine, "_population", cases_engine.population_folder)
    monkeypatch.setattr(block_cache, "FolderCache", folder_cache)
    with pytest.raises(_Asked):
        cases_app_folder.folder_switches(n_users=1_000_000)
    key = cases_engine._generator_key()
    assert opened == [cases_engine.CACHE / f"population-1000000-seed3-{key}"]


def test_a_cold_start_runs_the_file_watcher_a_deployment_runs():
    """The cold-start case leaves `server.fileWatcherType` to the app's config, as a deployment
    does; the other servers switch the watcher off."""
    import inspect
    from pathlib import Path

    from bench import cases_coldstart, server

    assert server.command(Path("app.py"), 1)[-2:] == ["--server.fileWatcherType", "none"]
    deployed = server.command(Path("app.py"), 1, file_watcher=None)
    assert not any("fileWatcherType" in arg for arg in deployed)
    assert "file_watcher=None" in inspect.getsource(cases_coldstart._cold_visit)


def test_a_cold_start_compiles_the_apps_own_code_as_a_fresh_clone_does(tmp_path):
    """Before a cold start the app's own bytecode goes (a fresh clone has none); a library's,
    and anything that is not bytecode, stays."""
    from bench import cases_coldstart

    own = [tmp_path / "__pycache__", tmp_path / "adlens" / "__pycache__",
           tmp_path / "adlens" / "chat_corpus" / "__pycache__",
           tmp_path / "components" / "__pycache__", tmp_path / "views" / "__pycache__"]
    kept = [tmp_path / ".venv" / "lib" / "site-packages" / "pandas" / "__pycache__",
            tmp_path / "tests" / "__pycache__"]
    for folder in own + kept:
        folder.mkdir(parents=True)
        (folder / "m.cpython-311.pyc").write_bytes(b"x")
    (tmp_path / "adlens" / "engine.py").write_text("x = 1\n")
    assert sorted(cases_coldstart.drop_bytecode(tmp_path)) == sorted(own)
    assert not any(folder.exists() for folder in own)
    assert all((folder / "m.cpython-311.pyc").is_file() for folder in kept)
    assert (tmp_path / "adlens" / "engine.py").is_file()
    # The case does it before every cold start it times.
    import inspect

    assert "drop_bytecode(cwd)" in inspect.getsource(cases_coldstart._cold_visit)

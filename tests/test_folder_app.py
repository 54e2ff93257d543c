"""The dashboard on a dataset folder (a local run): opened through the sidebar's folder box,
worked through in the background with progress, then every page from the blocks' results; a
public deployment offers no folder and says what its limits are."""

from __future__ import annotations

import time
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from adlens import block_cache, block_store
from adlens.scenario import Scenario
from components import folder
from components.fmt import pct
from tests import helpers

APP = str(Path(__file__).parent.parent / "app.py")
N_PEOPLE = 180


dataset_folder = helpers.generated_folder(N_PEOPLE, 5, "app-folder")


@pytest.fixture
def local(monkeypatch, tmp_path):
    monkeypatch.setenv("ADLENS_LOCAL", "1")
    monkeypatch.setenv("ADLENS_WORKERS", "1")  # no worker processes in a unit test
    monkeypatch.setenv("ADLENS_BLOCK_CACHE", str(tmp_path / "blocks"))
    monkeypatch.delenv("ADLENS_DATA_DIR", raising=False)
    monkeypatch.delenv(block_store.BUDGET_ENV, raising=False)
    return tmp_path / "blocks"


def texts(at: AppTest) -> str:
    parts = [*at.markdown, *at.caption, *at.info, *at.error, *at.warning, *at.title,
             *at.sidebar.caption, *at.sidebar.error, *at.sidebar.info]
    return "\n".join(str(p.value) for p in parts).replace("\\", "")  # Markdown escapes


def open_folder(path: Path) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=180)
    at.run()
    at.sidebar.radio(key="ds_choice").set_value(folder.CHOICE).run()
    at.sidebar.text_input(key=folder.K_FOLDER_INPUT).input(str(path)).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def wait_for(cache: block_cache.FolderCache, scenario: Scenario, seconds: float = 120) -> None:
    end = time.monotonic() + seconds
    while not cache.has_result(scenario, folder.TOP_K):
        assert time.monotonic() < end, "the folder's work did not finish"
        time.sleep(0.2)


def test_a_folder_opens_with_progress_then_shows_the_blocks_results(local, dataset_folder):
    at = open_folder(dataset_folder)
    # The work runs in the background: the page shows its stage and a progress bar.
    assert "Dataset folder" in texts(at) and f"{N_PEOPLE:,} people" in texts(at)
    assert at.status, "no progress shown while the folder is worked on"
    # Still running: the box shows a spinner, not a check mark, until the work ends.
    assert [s.state for s in at.status] == ["running"] * len(at.status)
    cache = block_cache.FolderCache(dataset_folder, root=local)
    wait_for(cache, Scenario.announced())
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    want = cache.run(Scenario.announced()).signal_shares().iloc[0]
    shown = {m.label: m.value for m in at.metric}
    assert shown["People scored"] == f"{N_PEOPLE:,}"
    assert shown["Ads with an AI-chat contribution"] == pct(want["ads_with_ai_chat"])
    assert shown["AI chats the largest contributor"] == pct(want["ai_chat_largest"])
    assert at.get("plotly_chart"), "no signal-share chart"
    # The sidebar says which folder is in use and where it came from.
    assert f"Dataset folder {dataset_folder.resolve()} (opened in the sidebar)" in texts(at)
    # And the page how much disk its stored work takes, against the budget.
    (stored,) = block_store.entries(local)
    assert (f"Stored work for this folder: {block_store.size_text(stored.size)} in "
            f"{cache.dir}; all folders: {block_store.size_text(stored.size)} of a 20 GB "
            "budget") in texts(at)
    assert "then the least recently used" in texts(at)

    # Every page draws without an error; pages that need the whole dataset say so plainly.
    for page in ("views/contributions.py", "views/what_if.py", "views/why_this_ad.py"):
        at.switch_page(page).run()
        assert not at.exception, (page, [e.value for e in at.exception])
        assert not at.error, (page, [e.value for e in at.error])
    assert at.get("plotly_chart"), "no waterfall for the chosen person"
    for page in ("views/recall.py", "views/data.py"):
        at.switch_page(page).run()
        assert not at.exception
        assert "not available for a dataset folder" in texts(at)
        assert "python -m adlens" in texts(at)


def test_a_rule_switch_is_worked_out_then_read_back(local, dataset_folder):
    at = open_folder(dataset_folder)
    cache = block_cache.FolderCache(dataset_folder, root=local)
    wait_for(cache, Scenario.announced())
    at.sidebar.toggle(key="sc_ai_chat").set_value(False).run()
    off = Scenario.announced().with_(ai_chat=False)
    wait_for(cache, off)
    at.run()
    assert not at.exception
    shown = {m.label: m.value for m in at.metric}
    assert shown["Ads with an AI-chat contribution"] == pct(0.0)
    assert "these rules open at once next time" in texts(at)
    # Seen before: read back from disk, no job started.
    again = folder.result(block_cache.FolderCache(dataset_folder, root=local), off)
    assert isinstance(again, block_cache.FolderResult) and again.from_cache


def test_a_folder_that_is_not_a_dataset_gets_a_sentence(local, tmp_path):
    at = open_folder(tmp_path)
    assert "is not a dataset folder" in texts(at)
    assert "No folder opened yet" in texts(at)


def test_the_public_deployment_offers_no_folder_and_says_its_limits(monkeypatch):
    monkeypatch.delenv("ADLENS_LOCAL", raising=False)
    monkeypatch.delenv("ADLENS_DATA_DIR", raising=False)
    at = AppTest.from_file(APP, default_timeout=180)
    at.run()
    radio = at.sidebar.radio(key="ds_choice")
    assert folder.CHOICE not in radio.options and "A dataset folder" not in radio.options
    radio.set_value("generated").run()
    assert "This public deployment takes files of up to 50 MB" in texts(at)
    assert "make run DATA=" in texts(at)


def test_make_run_opens_the_folder_it_was_given(monkeypatch, tmp_path, dataset_folder):
    monkeypatch.setenv("ADLENS_DATA_DIR", str(dataset_folder))
    monkeypatch.setenv("ADLENS_WORKERS", "1")
    monkeypatch.setenv("ADLENS_BLOCK_CACHE", str(tmp_path / "blocks"))
    at = AppTest.from_file(APP, default_timeout=180)
    at.run()
    assert not at.exception
    assert "(given to make run)" in texts(at)
    cache = block_cache.FolderCache(dataset_folder, root=tmp_path / "blocks")
    wait_for(cache, Scenario.announced())


def _tiny_folder(path: Path, events: int = 3) -> Path:
    """The three tables with just the columns the folder check reads."""
    path.mkdir(exist_ok=True)
    pd.DataFrame({"user_id": ["u1", "u2"]}).to_parquet(path / "users.parquet")
    pd.DataFrame({"ad_id": ["a1"]}).to_parquet(path / "ads.parquet")
    pd.DataFrame({"user_id": ["u1"] * events}).to_parquet(path / "events.parquet")
    return path


def test_a_folder_is_checked_again_only_when_a_table_file_changes(local, tmp_path, monkeypatch):
    checks, footers = [], []
    check, footer = block_cache.check_folder, block_cache._footer_hash
    monkeypatch.setattr(block_cache, "check_folder", lambda f: checks.append(f) or check(f))
    monkeypatch.setattr(block_cache, "_footer_hash", lambda f: footers.append(f) or footer(f))
    tiny = _tiny_folder(tmp_path / "tiny")
    first = folder.cache_of(str(tiny))
    read = len(footers)
    assert len(checks) == 1 and read > 0
    # The same files, asked for again (a rerun) by another spelling of the path: no footer read.
    again = folder.cache_of(str(tiny / ".." / "tiny"))
    assert again is first and len(checks) == 1 and len(footers) == read
    # A rewritten table is checked again, and its new row count is the one reported.
    _tiny_folder(tiny, events=5)
    changed = folder.cache_of(str(tiny))
    assert len(checks) == 2 and changed.counts["events"] == 5 and changed.key != first.key
    # A folder that fails is not kept: fixed, it opens on the next try.
    (tiny / "ads.parquet").unlink()
    with pytest.raises(block_cache.NotADataset):
        folder.cache_of(str(tiny))
    _tiny_folder(tiny)
    assert folder.cache_of(str(tiny)).counts["people"] == 2


def test_reruns_of_an_open_folder_do_not_check_it_again(local, dataset_folder, monkeypatch):
    at = open_folder(dataset_folder)
    checks = []
    check = block_cache.check_folder
    monkeypatch.setattr(block_cache, "check_folder", lambda f: checks.append(f) or check(f))
    at.run()
    wait_for(block_cache.FolderCache(dataset_folder, root=local), Scenario.announced())
    checks.clear()  # the line above checked it once itself
    at.run()
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.metric and "Dataset folder" in texts(at)
    assert checks == [], "a rerun on unchanged files checked the folder again"


@pytest.mark.parametrize("setting, words", [
    ("off", "with no disk budget (ADLENS_BLOCK_CACHE_GB is off), so nothing is removed"),
    ("1.5", "of a 1.5 GB budget (ADLENS_BLOCK_CACHE_GB)"),
    ("lots", "ADLENS_BLOCK_CACHE_GB must be a number of GB such as 20 (or 0 or off for no "
             "limit), not 'lots'. Until it is, nothing is removed."),
])
def test_the_stored_work_caption_follows_the_budget_setting(local, dataset_folder, monkeypatch,
                                                             setting, words):
    monkeypatch.setenv(block_store.BUDGET_ENV, setting)
    cache = block_cache.FolderCache(dataset_folder, root=local)
    text = folder.storage_caption(cache).replace("\\", "")
    assert text.startswith("Stored work for this folder: 0 B in ")  # not opened yet
    assert words in text


def test_a_job_whose_stored_work_was_cleared_starts_again(local, dataset_folder, monkeypatch):
    cache = block_cache.FolderCache(dataset_folder, root=local)
    outcomes = [block_cache.StoredWorkGone("cleared meanwhile"), "computed",
                ValueError("a real problem")]

    def run(*args, **kwargs):
        outcome = outcomes.pop(0)
        if isinstance(outcome, Exception):
            raise outcome
        return outcome

    def finished(job: folder.Job) -> folder.Job:
        end = time.monotonic() + 30
        while not job.finished:
            assert time.monotonic() < end
            time.sleep(0.05)
        return job

    monkeypatch.setattr(cache, "run", run)
    scenario = Scenario.announced().with_(link_rule=False)
    first = finished(folder.job_for(cache, scenario))
    assert first.error is None and first.result is None  # no error box: it starts again
    second = finished(folder.job_for(cache, scenario))
    assert second is not first and second.result == "computed"
    # Any other failure stays, to be read, and is not retried on every rerun.
    other = finished(folder.job_for(cache, scenario.with_(ai_chat=False)))
    assert other.error == "ValueError: a real problem"
    assert folder.job_for(cache, scenario.with_(ai_chat=False)) is other


def test_the_what_if_puts_both_policies_events_left_out_in_one_table(local, dataset_folder):
    from components import folder_pages

    cache = block_cache.FolderCache(dataset_folder, root=local)
    base = cache.run(Scenario.announced())
    off = cache.run(Scenario.announced().with_(ai_chat=False))
    table = folder_pages.exclusions_side_by_side(base, off)
    assert list(table.columns) == ["Rule", "Event type", "Announced policy", "These rules"]
    for column, result in (("Announced policy", base), ("These rules", off)):
        assert table[column].sum() == result.exclusion_counts["events"].sum()
    # A rule that leaves nothing out under one policy shows 0 there, not a blank.
    assert table[["Announced policy", "These rules"]].notna().all().all()
    assert not table.duplicated(["Rule", "Event type"]).any()

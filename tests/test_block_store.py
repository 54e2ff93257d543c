"""The folder cache's disk budget: work no code of this version can read goes first, then the
least recently used; the entry in use, recent work and anything that is not stored work are
never removed; opening, running and reading back mark an entry used; `python -m adlens cache`."""

from __future__ import annotations

import io
import json
import os
import shutil
import time
from pathlib import Path

import pytest

from adlens import block_cache, block_store
from adlens.__main__ import main
from adlens.scenario import Scenario
from tests import helpers

N_PEOPLE = 60
SAMPLE = 60
BLOCK = 30


folder = helpers.generated_folder(N_PEOPLE, 3, "store-folder")


@pytest.fixture(autouse=True)
def no_budget_setting(monkeypatch):
    monkeypatch.delenv(block_store.BUDGET_ENV, raising=False)


def make_entry(root: Path, folder: Path | str, block_people: int, size: int, age: float,
               code: str | None = None, manifest: bool = True) -> Path:
    """A stored entry named as `folder`'s key for `block_people` (so the budget can check it),
    holding one block of `size` bytes, last used `age` seconds ago."""
    folder = Path(folder)
    key = (block_cache.dataset_key(folder, block_people, SAMPLE) if folder.is_dir()
           else f"{block_people:020x}")
    path = root / key
    path.mkdir(parents=True)
    identity = {"folder": str(folder), "key": key, "block_people": block_people,
                "sample_people": SAMPLE, "n_blocks": 1,
                "code_version": code or block_cache.code_version()}
    (path / ("manifest.json" if manifest else block_store.IDENTITY)).write_text(
        json.dumps(identity))
    (path / "block-00000.pkl").write_bytes(b"\0" * size)
    age_entry(path, age)
    return path


def age_entry(path: Path, age: float) -> None:
    then = time.time() - age
    for file in [*path.rglob("*"), path]:
        os.utime(file, (then, then))


def keys(listed) -> list[str]:
    return [e.key for e in listed]


def test_work_this_code_cannot_read_goes_first_then_the_least_recently_used(folder, tmp_path):
    root = tmp_path / "blocks"
    oldest = make_entry(root, folder, 11, 1000, age=4000)
    newer = make_entry(root, folder, 12, 1000, age=3000)
    stale = make_entry(root, folder, 13, 1000, age=1000, code="0" * 16)  # the newest
    gone = make_entry(root, tmp_path / "deleted-folder", 14, 1000, age=2000)
    states = {e.key: e.state for e in block_store.entries(root)}
    assert states == {oldest.name: block_store.CURRENT, newer.name: block_store.CURRENT,
                      stale.name: block_store.OTHER_CODE, gone.name: block_store.MISSING}
    removed = block_store.prune(root, budget=1500)
    # Other engine code first (though used last), then a folder not found, then the least
    # recently used readable folder's; the rest is within the budget.
    assert keys(removed) == [stale.name, gone.name, oldest.name]
    assert [p.name for p in root.iterdir()] == [newer.name]


def test_a_folder_rewritten_since_is_stale(folder, tmp_path):
    root = tmp_path / "blocks"
    copy = tmp_path / "copy"
    shutil.copytree(folder, copy)
    old = make_entry(root, copy, 11, 1000, age=1000)
    kept = make_entry(root, folder, 12, 1000, age=2000)  # older, but readable
    os.utime(copy / "users.parquet")  # regenerated: a new key, the old work never read
    assert {e.key: e.state for e in block_store.entries(root)}[old.name] == block_store.CHANGED
    assert keys(block_store.prune(root, budget=1500)) == [old.name]
    assert kept.is_dir()


def test_the_entry_in_use_survives_alone_over_budget_and_recent_work_is_kept(
        folder, tmp_path, monkeypatch):
    root = tmp_path / "blocks"
    other = make_entry(root, folder, 11, 5000, age=3600)
    recent = make_entry(root, folder, 12, 5000, age=60)  # another session's, a minute ago
    monkeypatch.setenv(block_store.BUDGET_ENV, "0.000001")  # 1,000 bytes: less than any
    cache = block_cache.FolderCache(folder, block_people=BLOCK, sample_people=SAMPLE, root=root)
    stages = []
    opened = cache.open(progress=lambda stage, done, total: stages.append(stage))
    assert keys(opened["removed"]) == [other.name] and opened["budget_problem"] is None
    size = block_store.size_text(opened["removed"][0].size)
    assert stages[-1] == (f"Removed the stored work of 1 other folder ({size}) to stay within "
                          "the disk budget")
    assert cache.is_open() and recent.is_dir() and not other.exists()
    assert sum(e.size for e in block_store.entries(root)) > 1000  # still over: nothing else
    assert not cache.run(Scenario.announced()).from_cache
    # Asked again with nothing recent, the budget still keeps the entry in use.
    assert keys(block_store.prune(root, 1000, keep=(cache.key,), recent_seconds=0)) \
        == [recent.name]
    assert cache.is_open()
    assert opened["code_version"] == block_cache.code_version()  # kept in the manifest


def test_work_used_after_it_was_listed_is_not_removed(folder, tmp_path):
    root = tmp_path / "blocks"
    entry = make_entry(root, folder, 11, 1000, age=3600)
    (listed,) = block_store.entries(root)
    block_store.touch(entry)  # another session starts a run on it now
    assert not block_store.remove(listed, root, recent_seconds=600) and entry.is_dir()
    assert block_store.prune(root, budget=1) == []
    assert block_store.remove(listed, root) and not entry.exists()  # --clear: no such check


def test_what_is_not_stored_work_is_never_removed(folder, tmp_path):
    root = tmp_path / "blocks"
    entry = make_entry(root, folder, 11, 1000, age=3600)
    notes = root / "notes"
    notes.mkdir()
    (notes / "block-00000.pkl").write_bytes(b"\0" * 5000)
    # Named like an entry, holding cache-like files and something the cache never writes.
    thesis = root / ("a" * 20)
    thesis.mkdir()
    (thesis / "block-00000.pkl").write_bytes(b"\0" * 5000)
    (thesis / "thesis.docx").write_bytes(b"\0" * 5000)
    empty = root / ("b" * 20)
    empty.mkdir()
    linked = root / ("c" * 20)
    linked.symlink_to(entry, target_is_directory=True)
    for path in (notes, thesis, empty, linked):
        age_entry(path, 7200)
    assert keys(block_store.entries(root)) == [entry.name]
    assert block_store.not_entries(root) == sorted([notes, thesis, empty, linked])
    assert keys(block_store.prune(root, budget=1, recent_seconds=0)) == [entry.name]
    assert all(p.exists() for p in (notes / "block-00000.pkl", thesis / "thesis.docx", empty))
    # An entry outside the root (a path handed in by mistake) is not deleted either.
    outside = make_entry(tmp_path / "elsewhere", folder, 12, 10, age=3600)
    listed = block_store.entries(tmp_path / "elsewhere")
    assert not block_store.remove(listed[0], root) and outside.is_dir()


def test_a_partial_opening_without_a_manifest_is_listed_and_checked(folder, tmp_path):
    root = tmp_path / "blocks"
    partial = make_entry(root, folder, 11, 1000, age=3600, code="1" * 16, manifest=False)
    anonymous = root / ("d" * 20)
    anonymous.mkdir()
    (anonymous / "population.pkl").write_bytes(b"\0" * 100)
    age_entry(anonymous, 100)
    listed = {e.key: e for e in block_store.entries(root)}
    assert not listed[partial.name].complete
    assert listed[partial.name].state == block_store.OTHER_CODE
    assert listed[anonymous.name].state == block_store.UNKNOWN
    assert keys(block_store.prune(root, budget=1, recent_seconds=0)) == [partial.name,
                                                                         anonymous.name]


@pytest.fixture(scope="module")
def two_opened(folder, tmp_path_factory):
    """Two entries of the folder (two block sizes), opened and with a scenario stored."""
    root = tmp_path_factory.mktemp("two")
    caches = [block_cache.FolderCache(folder, block_people=b, sample_people=SAMPLE, root=root)
              for b in (BLOCK, BLOCK + 1)]
    for cache in caches:
        cache.run(Scenario.announced())
    return root, caches


@pytest.mark.parametrize("use", [
    lambda cache: cache.run(Scenario.announced()),  # read back
    lambda cache: cache.run(Scenario.announced().with_(ai_chat=False)),  # computed
    lambda cache: cache.person_result(cache.some_people(1)[0], Scenario.announced()),
    lambda cache: cache.open(),
], ids=["read-back", "run", "person", "open"])
def test_using_an_entry_makes_it_the_last_to_go(two_opened, use):
    root, (first, second) = two_opened
    age_entry(first.dir, 2000)  # the least recently used...
    age_entry(second.dir, 1000)
    use(first)  # ...until used now
    listed = block_store.entries(root)
    assert keys(listed) == [first.key, second.key]
    budget = max(e.size for e in listed) + 1
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(block_store, "remove", lambda *args: True)  # keep both for later
        assert keys(block_store.prune(root, budget, recent_seconds=0)) == [second.key]


def test_a_read_back_stays_a_quick_read(two_opened):
    _, (first, _) = two_opened
    first.run(Scenario.announced())
    start = time.perf_counter()
    for _ in range(20):
        assert first.run(Scenario.announced()).from_cache
    # Not a timing target (that is the benchmark's): only that marking it used adds no scan.
    assert (time.perf_counter() - start) / 20 < 0.5


def test_work_removed_while_it_is_read_is_said_in_a_sentence(folder, tmp_path, monkeypatch):
    cache = block_cache.FolderCache(folder, block_people=BLOCK, sample_people=SAMPLE,
                                    root=tmp_path / "blocks")
    cache.open()
    score = block_cache._score_block

    def cleared_meanwhile(*args):
        shutil.rmtree(cache.dir, ignore_errors=True)  # `cache --clear` in another process
        return score(*args)

    monkeypatch.setattr(block_cache, "_score_block", cleared_meanwhile)
    with pytest.raises(block_cache.StoredWorkGone, match="was removed while it was being read"):
        cache.run(Scenario.announced())
    with pytest.raises(block_cache.StoredWorkGone, match="Open the folder again"):
        cache.some_people()
    monkeypatch.undo()
    assert not cache.run(Scenario.announced()).from_cache  # opened again


@pytest.mark.parametrize("text, want", [("20", 20 * 10**9), ("1.5GB", 1_500_000_000),
                                        ("0", None), ("off", None), (" Unlimited ", None)])
def test_the_budget_setting(text, want):
    assert block_store.budget_bytes({block_store.BUDGET_ENV: text}) == want


@pytest.mark.parametrize("text", ["lots", "-1", "nan", "inf", "20 TB"])
def test_a_budget_that_is_not_a_number_gets_a_sentence(text):
    with pytest.raises(block_store.BudgetError, match="must be a number of GB such as 20"):
        block_store.budget_bytes({block_store.BUDGET_ENV: text})
    assert block_store.budget_bytes({}) == 20 * 10**9


def test_opening_with_a_budget_not_understood_removes_nothing_and_says_why(folder, tmp_path,
                                                                          monkeypatch):
    text = "lots"
    monkeypatch.setenv(block_store.BUDGET_ENV, text)
    old = make_entry(tmp_path / "blocks", folder, 11, 10**6, age=3600, code="2" * 16)
    opened = block_cache.FolderCache(folder, block_people=BLOCK, sample_people=SAMPLE,
                                     root=tmp_path / "blocks").open()
    assert opened["removed"] == [] and text in opened["budget_problem"] and old.is_dir()



def test_an_opening_is_not_lost_when_the_budget_cannot_look(folder, tmp_path, monkeypatch):
    def unreadable(*args, **kwargs):
        raise PermissionError("[Errno 13] Permission denied: 'someone-elses'")

    monkeypatch.setattr(block_store, "prune", unreadable)
    cache = block_cache.FolderCache(folder, block_people=BLOCK, sample_people=SAMPLE,
                                    root=tmp_path / "blocks")
    opened = cache.open()
    assert cache.is_open() and opened["removed"] == []
    assert "could not be checked against the budget" in opened["budget_problem"]


# --- the command ---------------------------------------------------------------------------
@pytest.fixture
def stocked(folder, tmp_path) -> Path:
    root = tmp_path / "blocks"
    make_entry(root, folder, 11, 3_000_000, age=3000)
    make_entry(root, folder, 12, 2_000_000, age=2000, code="0" * 16)
    make_entry(root, folder, 13, 1_000_000, age=1000)
    (root / "notes").mkdir()
    return root


def test_the_command_lists_the_entries_and_the_budget(stocked, folder, capsys, monkeypatch):
    monkeypatch.setenv("ADLENS_BLOCK_CACHE", str(stocked))
    assert main(["cache"]) == 0
    out = capsys.readouterr().out
    assert f"in {stocked}" in out
    lines = [line for line in out.splitlines() if str(folder) in line]
    assert len(lines) == 3  # most recently used first
    assert lines[0].lstrip().startswith("1 MB") and "current" in lines[0]
    assert "stale: other engine code" in lines[1] and lines[2].lstrip().startswith("3 MB")
    assert "Total 6 MB in 3 entries, a 20 GB budget (ADLENS_BLOCK_CACHE_GB)." in out
    assert "Not stored work, never removed: notes" in out
    assert len(list(stocked.iterdir())) == 4  # listing removes nothing


def test_the_command_prunes_to_the_budget(stocked, capsys):
    assert main(["cache", "--root", str(stocked), "--prune", "--budget", "0.0025"]) == 0
    out = capsys.readouterr().out
    removed = [line for line in out.splitlines() if line.startswith("Removed")]
    assert len(removed) == 2
    assert "stale: other engine code" in removed[0] and "2 MB" in removed[0]
    assert "3 MB" in removed[1]
    assert "Now 1 MB of a 2.5 MB budget." in out
    assert sorted(p.name for p in stocked.iterdir())[-1] == "notes"
    assert len(block_store.entries(stocked)) == 1


def test_the_command_clears_only_when_confirmed(stocked, capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO(""))  # not a terminal: cannot ask
    assert main(["cache", "--root", str(stocked), "--clear"]) == 2
    assert "add --yes to confirm" in capsys.readouterr().err
    assert len(block_store.entries(stocked)) == 3
    assert main(["cache", "--root", str(stocked), "--clear", "--yes"]) == 0
    out = capsys.readouterr().out
    assert out.count("current") == 2  # listed before they go
    assert "Removed 3 of 3 entries (6 MB)." in out
    assert [p.name for p in stocked.iterdir()] == ["notes"]


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize("answer, left", [("n", 3), ("", 3), ("yes", 0)])
def test_the_command_asks_at_a_terminal_before_clearing(stocked, capsys, monkeypatch, answer,
                                                        left):
    monkeypatch.setattr("sys.stdin", Terminal())
    asked = []
    monkeypatch.setattr("builtins.input", lambda prompt: asked.append(prompt) or answer)
    assert main(["cache", "--root", str(stocked), "--clear"]) == 0
    assert asked == ["Remove all 3 entries (6 MB)? [y/N] "]
    assert len(block_store.entries(stocked)) == left
    assert ("Nothing removed." in capsys.readouterr().out) == (left == 3)


def test_the_command_says_what_is_wrong(stocked, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv(block_store.BUDGET_ENV, "plenty")
    assert main(["cache", "--root", str(stocked)]) == 2
    assert "ADLENS_BLOCK_CACHE_GB must be a number of GB" in capsys.readouterr().err
    assert main(["cache", "--root", str(stocked), "--budget", "off", "--prune"]) == 0
    assert "No budget is set, so nothing was removed." in capsys.readouterr().out
    with pytest.raises(SystemExit) as exit_:
        main(["cache", "--root", str(stocked), "--budget", "-3"])
    assert exit_.value.code == 2
    assert "--budget must be a number of GB" in capsys.readouterr().err
    assert main(["cache", "--root", str(stocked), "--prune", "--yes"]) == 2
    assert "--yes confirms --clear" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["cache", "--root", str(stocked), "--prune", "--clear"])
    assert "not allowed with argument --prune" in capsys.readouterr().err
    a_file = tmp_path / "a-file"
    a_file.write_text("x")
    assert main(["cache", "--root", str(a_file), "--budget", "1"]) == 2
    assert "is a file, not a folder" in capsys.readouterr().err
    assert main(["cache", "--root", str(tmp_path / "nothing-yet"), "--budget", "1"]) == 0
    assert "(none)" in capsys.readouterr().out
    assert len(block_store.entries(stocked)) == 3

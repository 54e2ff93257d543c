"""The benchmark's memory sampler (bench/rss.py): it sums a process tree, finds its largest
child, keeps stages apart and survives processes that exit while it samples."""

from __future__ import annotations

import subprocess
import sys
import threading
import time

import psutil
import pytest

from bench.rss import Reading, RssPeaks, own_peak_mb

INTERVAL = 0.05
BIG_MB = 200
# A child that holds BIG_MB when told to ("big"), gives it back ("free"), and exits at EOF.
HOLDER = f"""
import sys
held = None
print("small", flush=True)
for line in sys.stdin:
    if line.strip() == "big":
        held = b"x" * ({BIG_MB} * 2**20)  # written, so resident
    else:
        held = None
    print(line.strip(), flush=True)
"""


def _tell(child: subprocess.Popen, word: str) -> None:
    child.stdin.write(word + "\n")
    child.stdin.flush()
    assert child.stdout.readline().strip() == word


def _settle() -> None:
    time.sleep(6 * INTERVAL)  # several samples inside the stage


# The root of a tree the tests own: it starts the holder on its own pipes, then as many idle
# children as its argument says (after the holder, so listed after it), and waits. This test's
# process cannot be the root: in a whole run it has other children (worker pools, servers).
ROOT = f"""
import subprocess, sys
holder = subprocess.Popen([sys.executable, "-c", {HOLDER!r}])
idle = [subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"],
                         stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
        for _ in range(int(sys.argv[1]))]
code = holder.wait()
for child in idle:
    child.kill()
    child.wait()
sys.exit(code)
"""


def _tree(idle: int) -> subprocess.Popen:
    root = subprocess.Popen([sys.executable, "-c", ROOT, str(idle)], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True)
    assert root.stdout.readline().strip() == "small"
    deadline = time.monotonic() + 30
    while len(psutil.Process(root.pid).children()) < 1 + idle:
        assert time.monotonic() < deadline, "the tree's children did not start"
        time.sleep(0.05)
    return root


def _close(root: subprocess.Popen) -> None:
    root.stdin.close()
    root.wait(timeout=30)


def _holder_pid(root: subprocess.Popen) -> int:
    return next(c.pid for c in psutil.Process(root.pid).children() if c.cmdline()[-1] == HOLDER)


@pytest.fixture
def tree():
    """The tree's root; what is written to it and read from it goes to and from the holder."""
    root = _tree(0)
    yield root
    _close(root)


def test_a_childs_memory_counts_in_the_tree_and_as_largest_child_not_in_the_root(tree):
    holder = tree
    with RssPeaks(tree.pid, interval=INTERVAL, stage="small") as rss:
        _settle()
        rss.stage("big")
        _tell(holder, "big")
        _settle()
        _tell(holder, "free")
        rss.stage("freed")
        _settle()
    small, big, freed = rss.peak("small"), rss.peak("big"), rss.peak("freed")
    assert BIG_MB * 0.9 < big.tree_mb - small.tree_mb < BIG_MB * 1.3
    assert BIG_MB * 0.9 < big.largest_child_mb - small.largest_child_mb < BIG_MB * 1.3
    assert big.root_mb - small.root_mb < BIG_MB * 0.25  # the child's, not the root's
    # A stage's peak is its own: after the child gave its memory back, the next stage's is low.
    assert freed.largest_child_mb < small.largest_child_mb + BIG_MB * 0.25
    assert rss.peak().largest_child_mb == big.largest_child_mb
    assert list(rss.stages) == ["small", "big", "freed"]


def test_a_sampler_on_another_process_follows_that_process(tree):
    """Rooted at the holder (as the load and UI cases root at the server): the holder is the
    root, and neither this test's process nor the tree's root is counted at all."""
    holder = tree
    with RssPeaks(_holder_pid(tree), interval=INTERVAL) as rss:
        _tell(holder, "big")
        _settle()
    peak = rss.peak()
    assert peak.root_mb > BIG_MB * 0.9 and peak.largest_child_mb == 0.0
    assert peak.tree_mb == pytest.approx(peak.root_mb)
    assert peak.tree_mb < psutil.Process().memory_info().rss / 2**20 + BIG_MB * 1.3


def test_labels_choose_the_largest_of_each_kind_and_unlabelled_count_only_in_the_sum(tree):
    holder, held_pid = tree, _holder_pid(tree)

    def label(process: psutil.Process) -> str | None:
        return "held" if process.pid == held_pid else None

    with RssPeaks(tree.pid, interval=INTERVAL, label=label) as rss:
        _tell(holder, "big")
        _settle()
    peak = rss.peak()
    assert set(peak.largest_mb) == {"held"}
    assert peak.largest_mb["held"] > BIG_MB * 0.9
    assert peak.tree_mb > peak.largest_mb["held"] + 5  # the unlabelled root is in the sum


def test_the_largest_child_is_the_largest_of_several_not_the_last_read():
    root = _tree(2)  # two idle children started after the holder: read after it
    try:
        with RssPeaks(root.pid, interval=INTERVAL) as rss:
            _tell(root, "big")
            _settle()
    finally:
        _close(root)
    assert rss.peak().largest_child_mb > BIG_MB * 0.9
    assert rss.latest.largest_child_mb > BIG_MB * 0.9


def test_a_stage_shorter_than_the_interval_still_has_a_sample():
    with RssPeaks(interval=60, stage="open") as rss:
        rss.stage("switch")
    # At start and at the mark (both credited to "open"), and at stop (to "switch").
    assert rss.samples == 3
    assert rss.peak("open").root_mb > 0 and rss.peak("switch").root_mb > 0
    with pytest.raises(KeyError):
        rss.peak("never marked")


def test_a_child_that_vanishes_between_listing_and_reading_is_left_out(tree, monkeypatch):
    """Deterministically: the child's memory cannot be read (it exited after being listed)."""
    read, held_pid = psutil.Process.memory_info, _holder_pid(tree)

    def memory_info(self):
        if self.pid == held_pid:
            raise psutil.NoSuchProcess(self.pid)
        return read(self)

    monkeypatch.setattr(psutil.Process, "memory_info", memory_info)
    _tell(tree, "big")
    with RssPeaks(tree.pid, interval=INTERVAL) as rss:
        _settle()
    assert rss.samples >= 3
    assert rss.peak().largest_child_mb == 0.0 and rss.peak().root_mb > 0


def test_children_exiting_while_sampling_and_a_root_that_exits():
    """Short-lived children come and go under a fast sampler; then the root it follows exits:
    no sample raises, the thread keeps going, and the peaks taken stay."""
    errors = []
    monkey = threading.excepthook
    threading.excepthook = lambda args: errors.append(args.exc_value)
    try:
        with RssPeaks(interval=0.001) as rss:
            for _ in range(15):
                subprocess.run([sys.executable, "-c", "pass"], check=True)
            alive = rss._thread.is_alive()
        root = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(0.3)"])
        with RssPeaks(root.pid, interval=0.01) as gone:
            root.wait()
            time.sleep(0.1)
    finally:
        threading.excepthook = monkey
    assert errors == [] and alive and rss.samples > 15
    assert gone.peak().root_mb > 1  # from before it exited


def test_stopping_twice_is_harmless_and_a_stopped_sampler_stays_stopped():
    rss = RssPeaks(interval=INTERVAL).start()
    rss.stop()
    taken = rss.samples
    rss.stop()
    time.sleep(3 * INTERVAL)
    assert rss.samples == taken and not rss._thread.is_alive()


def test_on_sample_runs_after_every_sample_and_its_psutil_errors_are_ignored():
    calls = []

    def on_sample() -> None:
        calls.append(time.monotonic())
        raise psutil.AccessDenied()

    with RssPeaks(interval=INTERVAL, on_sample=on_sample) as rss:
        _settle()
    assert len(calls) == rss.samples >= 3


def test_readings_combine_figure_by_figure():
    a = Reading(10.0, {"root": 5.0, "child": 1.0})
    b = Reading(8.0, {"child": 3.0, "other": 2.0})
    assert a.peak_with(b) == Reading(10.0, {"root": 5.0, "child": 3.0, "other": 2.0})
    assert Reading().root_mb == 0.0 and Reading().largest_child_mb == 0.0


def test_own_peak_is_a_high_water_mark_of_this_process_only():
    code = ("from bench.rss import own_peak_mb\n"
            "before = own_peak_mb()\n"
            f"held = b'x' * ({BIG_MB} * 2**20)\n"
            "del held\n"
            "print(before, own_peak_mb())\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.split()
    before, after = map(float, out)
    assert BIG_MB * 0.9 < after - before < BIG_MB * 1.3  # kept after the memory was freed
    assert own_peak_mb() > 0


def test_the_scale_cases_timed_step_reports_its_command_and_the_whole_tree():
    """`bench.cases_scale._timed` on a small command: the command's own peak, the whole tree's
    (nice and GNU time around it) and no other process."""
    from bench.cases_scale import _timed

    code = f"import time; held = b'x' * ({BIG_MB} * 2**20); time.sleep(1.5)"
    step = _timed([sys.executable, "-c", code])
    assert BIG_MB * 0.9 < step["peak_rss_mb_command_sampled"] < BIG_MB * 1.3
    assert step["peak_rss_mb_largest_other_sampled"] == 0
    assert (step["peak_rss_mb_command_sampled"] <= step["peak_rss_mb_all_processes"]
            < step["peak_rss_mb_command_sampled"] + 20)
    assert abs(step["peak_rss_mb"] - step["peak_rss_mb_command_sampled"]) < 30  # GNU time's

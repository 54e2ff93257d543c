"""Resident memory (RSS) of the processes a benchmark case measures: one sampler for every case,
and this process's own high-water mark.

`RssPeaks` samples a process and all its descendants in a background thread: per sample the sum
over the whole tree and the largest single process of each kind (by default the root itself and
its largest child), and keeps the peaks per stage. A process that exits between being listed
and being read is left out of that sample; a root that has exited leaves the peaks as they were.
"""

from __future__ import annotations

import os
import resource
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import psutil

MB = 2**20


@dataclass(frozen=True)
class Reading:
    """One sample, or the peaks of several (each figure its own maximum), in MB: the sum over
    the process tree, and the largest single process of each label ("root" and "child" unless
    the sampler was given its own labels)."""

    tree_mb: float = 0.0
    largest_mb: Mapping[str, float] = field(default_factory=dict)

    @property
    def root_mb(self) -> float:
        return self.largest_mb.get("root", 0.0)

    @property
    def largest_child_mb(self) -> float:
        """The largest single descendant of the root (0 when it had none)."""
        return self.largest_mb.get("child", 0.0)

    def peak_with(self, other: Reading) -> Reading:
        labels = {*self.largest_mb, *other.largest_mb}
        return Reading(max(self.tree_mb, other.tree_mb),
                       {k: max(self.largest_mb.get(k, 0.0), other.largest_mb.get(k, 0.0))
                        for k in labels})


class RssPeaks:
    """RSS of process `pid` (default: this one) and its descendants, sampled every `interval`
    seconds in a daemon thread, and once more at `start`, at every `stage` mark and at `stop`
    (so a stage shorter than the interval still has its sample).

    `label(process)` names the kind of a process for the per-kind largest (None: counted in
    the tree's sum only); by default the root is "root" and every descendant "child".
    `on_sample()` runs after every sample, one call at a time (most in the sampling thread;
    those at start, stage marks and stop in the caller's); a `psutil.Error` it raises is
    ignored, like one from a process that has exited. Use as a context manager, or call
    `start()` and `stop()` (stopping again does nothing)."""

    def __init__(self, pid: int | None = None, interval: float = 0.2, stage: str = "run",
                 label: Callable[[psutil.Process], str | None] | None = None,
                 on_sample: Callable[[], None] | None = None) -> None:
        self.pid = os.getpid() if pid is None else pid
        self.interval = interval
        self._root = psutil.Process(self.pid)
        self._label = label or (lambda p: "root" if p.pid == self.pid else "child")
        self._on_sample = on_sample
        self._stage = stage
        self._peaks: dict[str, Reading] = {stage: Reading()}
        self.latest = Reading()  # the last sample taken (zeros before the first)
        self.samples = 0  # how many samples were taken (a root gone takes none)
        self._lock = threading.Lock()
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._stopped = False

    def __enter__(self) -> RssPeaks:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def start(self) -> RssPeaks:
        self._sample()
        self._thread.start()
        return self

    def stage(self, name: str) -> None:
        """From now on, samples count towards stage `name`; the one taken here still counts
        towards the stage that ends."""
        with self._lock:
            self._sample_locked()
            self._stage = name
            self._peaks.setdefault(name, Reading())

    def stop(self) -> None:
        """Stop sampling, after a last sample (counted towards the current stage)."""
        if self._stopped:
            return
        self._stopped = True
        self._done.set()
        if self._thread.is_alive():
            self._thread.join()
        self._sample()

    def peak(self, stage: str | None = None) -> Reading:
        """The peaks within one stage (KeyError for a stage never marked), or over all."""
        with self._lock:
            if stage is not None:
                return self._peaks[stage]
            overall = Reading()
            for reading in self._peaks.values():
                overall = overall.peak_with(reading)
            return overall

    @property
    def stages(self) -> dict[str, Reading]:
        """The peaks of every stage marked so far, in order."""
        with self._lock:
            return dict(self._peaks)

    def _run(self) -> None:
        while not self._done.wait(self.interval):
            self._sample()

    def _sample(self) -> None:
        with self._lock:
            self._sample_locked()

    def _sample_locked(self) -> None:
        reading = self._read()
        if reading is not None:
            self.latest = reading
            self.samples += 1
            self._peaks[self._stage] = self._peaks[self._stage].peak_with(reading)
        if self._on_sample is not None:
            try:
                self._on_sample()
            except psutil.Error:
                pass

    def _read(self) -> Reading | None:
        try:
            tree = [self._root, *self._root.children(recursive=True)]
        except psutil.Error:  # the root has exited
            return None
        total, largest = 0.0, {}
        for process in tree:
            try:
                mb = process.memory_info().rss / MB
                kind = self._label(process)
            except psutil.Error:  # exited since it was listed: its memory is gone
                if process is self._root:
                    return None
                continue
            total += mb
            if kind is not None:
                largest[kind] = max(largest.get(kind, 0.0), mb)
        return Reading(total, largest)


def own_peak_mb() -> float:
    """This process's peak RSS so far, in MB. From /proc (VmHWM) where there is one:
    `ru_maxrss` of a process started from a big one begins at the parent's size (Linux keeps
    it across fork and exec), which would hide what a step adds."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

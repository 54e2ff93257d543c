"""The disk budget of the folder cache (adlens.block_cache): every dataset folder's stored work
listed, and what can never be read again removed first, then the least recently used.

An entry is one folder's stored work, `cache_root()/<20 hex>/`: its identity (`entry.json`,
written when an opening starts), `manifest.json` (when it ends), `population.pkl`, the blocks'
`block-NNNNN.pkl`, `scenarios/*.pkl` and a `last-used` marker touched whenever it is opened or a
scenario is run or read back. Nothing else is ever deleted: a folder under the root that holds
anything the cache does not write (a wrongly set ADLENS_BLOCK_CACHE pointing at someone's data)
is listed as "not stored work" and left alone. `python -m adlens cache` lists, prunes or clears.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import re
import shutil
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

BUDGET_ENV = "ADLENS_BLOCK_CACHE_GB"
DEFAULT_BUDGET_GB = 20.0  # assumption: room for six million-person folders (3.1 GB each)
GB = 10**9
# An entry used this recently is never removed by the budget: another app session or command
# may be opening it or running a scenario on it right now (both touch it at every block, a few
# seconds apart; the longest step without a touch, learning on the sample, takes 1-5 minutes).
RECENT_SECONDS = 600.0
MARKER = "last-used"
IDENTITY = "entry.json"
OFF = ("0", "off", "none", "no", "unlimited")

CURRENT = "current"
OTHER_CODE = "stale: other engine code"
CHANGED = "stale: folder changed"
STALE = "stale: other engine code or folder changed"
MISSING = "folder not found"
UNKNOWN = "unidentified"
# Removed in this order (then the least recently used first within each): work no code of this
# version can read again, then work whose folder is not there now (it may be on a drive that is
# not mounted), then work of readable folders.
TIER = {OTHER_CODE: 0, CHANGED: 0, STALE: 0, UNKNOWN: 0, MISSING: 1, CURRENT: 2}

_KEY = re.compile(r"[0-9a-f]{20}")
_TMP = r"\.[\w.-]+\.\d+\.tmp"  # block_cache's atomic writes before their rename
_FILES = re.compile(rf"manifest\.json|{re.escape(IDENTITY)}|population\.pkl|{MARKER}"
                    rf"|block-\d{{5}}\.pkl|{_TMP}")
_RESULTS = re.compile(rf"[0-9a-f]{{20}}\.pkl|{_TMP}")


class BudgetError(ValueError):
    """The disk budget is not a number of GB; the message says what was given and why."""


@dataclass(frozen=True)
class Entry:
    """One dataset folder's stored work."""

    path: Path
    key: str
    folder: str | None  # the dataset folder it came from (None when it has no identity yet)
    size: int  # bytes of its files
    last_used: float  # seconds since the epoch: its newest file or the last-used marker
    state: str  # CURRENT, OTHER_CODE, CHANGED, STALE, MISSING, UNKNOWN, or "unchecked"
    complete: bool  # every block's prepared state is stored
    code_version: str | None


def parse_budget(text: str, name: str = BUDGET_ENV) -> int | None:
    """A budget in GB as bytes; None for no limit (0, off, none, unlimited)."""
    low = str(text).strip().lower()
    if low in OFF:
        return None
    try:
        value = float(low.removesuffix("gb").strip())
    except ValueError:
        value = math.nan
    if not math.isfinite(value) or value < 0:
        raise BudgetError(f"{name} must be a number of GB such as 20 (or 0 or off for no "
                          f"limit), not {text!r}.")
    return None if value == 0 else int(value * GB)


def budget_bytes(environ: dict | None = None) -> int | None:
    """The disk budget of all stored work (ADLENS_BLOCK_CACHE_GB, default 20 GB; 0 or off for
    none) in bytes, None for no limit; BudgetError when it is not understood."""
    raw = (os.environ if environ is None else environ).get(BUDGET_ENV, "").strip()
    return int(DEFAULT_BUDGET_GB * GB) if not raw else parse_budget(raw)


def touch(entry_dir: Path) -> None:
    """Mark an entry used now (a few microseconds: one utime, or creating the marker)."""
    marker = entry_dir / MARKER
    try:
        os.utime(marker)
    except FileNotFoundError:
        try:
            marker.touch()
        except FileNotFoundError:
            pass  # the entry itself is gone: the reader says so when it needs a file


def _listed(path: str) -> list[os.DirEntry]:
    try:
        return list(os.scandir(path))
    except (FileNotFoundError, NotADirectoryError):  # removed meanwhile
        return []


def _scan(path: Path) -> tuple[int, float, set[str]] | None:
    """An entry folder's bytes, newest modification time and file names; None when anything
    in it is not what the cache writes (so it is not the cache's to delete), or it is gone."""
    size, newest, names = 0, 0.0, set()
    for child in _listed(str(path)):
        if child.is_symlink():
            return None
        if child.is_dir(follow_symlinks=False):
            if child.name != "scenarios":
                return None
            for result in _listed(child.path):
                if result.is_symlink() or not result.is_file(follow_symlinks=False) \
                        or not _RESULTS.fullmatch(result.name):
                    return None
                stat = _stat(result)
                size += stat[0]
                newest = max(newest, stat[1])
            continue
        if not _FILES.fullmatch(child.name):
            return None
        stat = _stat(child)
        size += stat[0]
        newest = max(newest, stat[1])
        names.add(child.name)
    if not names & {"manifest.json", IDENTITY, "population.pkl"} \
            and not any(n.startswith("block-") for n in names):
        return None  # an empty or foreign folder with a cache-like name
    return size, newest, names


def _stat(child: os.DirEntry) -> tuple[int, float]:
    """A file's size and modification time; nothing for one another process has just renamed
    or removed (a block's state being written, an entry being removed)."""
    try:
        stat = child.stat(follow_symlinks=False)
    except FileNotFoundError:
        return 0, 0.0
    return stat.st_size, stat.st_mtime


def _identity(path: Path) -> dict | None:
    for name in ("manifest.json", IDENTITY):
        try:
            return json.loads((path / name).read_text())
        except (OSError, ValueError):
            continue
    return None


def _state(identity: dict | None, key: str, current: str) -> str:
    """Whether this code can read the entry again: its code version, then its folder's key
    computed now (the tables' sizes, times and footers) against the entry's name."""
    from adlens import block_cache  # noqa: PLC0415 — the engine, only to check an entry

    if not identity or not identity.get("folder"):
        return UNKNOWN
    version = identity.get("code_version")
    if version is not None and version != current:
        return OTHER_CODE
    folder = Path(identity["folder"])
    if not all((folder / f"{t}.parquet").is_file() for t in block_cache.TABLES):
        return MISSING
    try:
        now = block_cache.dataset_key(folder, int(identity["block_people"]),
                                      int(identity["sample_people"]))
    except (OSError, ValueError, KeyError, TypeError):
        return CHANGED  # a table no longer readable as Parquet
    if now == key:
        return CURRENT
    # Without a stored code version (a manifest written before it was kept) the two causes
    # cannot be told apart; either way no code of this version reads it.
    return CHANGED if version is not None else STALE


def entries(root: str | Path | None = None, check: bool = True) -> list[Entry]:
    """Every entry under the root (ADLENS_BLOCK_CACHE by default), most recently used first.
    `check=False` skips whether each can be read again (state "unchecked"): sizes only."""
    from adlens import block_cache  # noqa: PLC0415

    base = Path(root) if root is not None else block_cache.cache_root()
    current = block_cache.code_version() if check else ""
    found = []
    for path in _candidates(base):
        scanned = _scan(path)
        if scanned is None:
            continue
        size, newest, names = scanned
        identity = _identity(path)
        complete = False
        if "manifest.json" in names and identity is not None:
            complete = all(f"block-{i:05d}.pkl" in names
                           for i in range(int(identity.get("n_blocks", 0))))
        found.append(Entry(path=path, key=path.name,
                           folder=(identity or {}).get("folder"), size=size,
                           last_used=newest or _mtime(path),
                           state=_state(identity, path.name, current) if check else "unchecked",
                           complete=complete,
                           code_version=(identity or {}).get("code_version")))
    return sorted(found, key=lambda e: -e.last_used)


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def _candidates(base: Path) -> list[Path]:
    return sorted(Path(c.path) for c in _listed(str(base))
                  if _KEY.fullmatch(c.name) and c.is_dir(follow_symlinks=False))


def not_entries(root: str | Path | None = None) -> list[Path]:
    """What is under the root and is not stored work (never removed)."""
    from adlens import block_cache  # noqa: PLC0415

    base = Path(root) if root is not None else block_cache.cache_root()
    kept = {e.path for e in entries(base, check=False)}
    return sorted(Path(c.path) for c in _listed(str(base)) if Path(c.path) not in kept)


def remove(entry: Entry, root: str | Path, recent_seconds: float | None = None) -> bool:
    """Delete an entry's folder, only when it is directly under the root, named as an entry
    and still holds nothing but what the cache writes (and, given `recent_seconds`, was not
    used in that time: looked at again now, as another process may have started on it since
    it was listed); whether it is gone."""
    path = entry.path
    base = Path(root).resolve()
    if path.is_symlink() or not _KEY.fullmatch(path.name) or path.resolve().parent != base:
        return False
    scanned = _scan(path)
    if scanned is None:
        return False
    if recent_seconds is not None and time.time() - scanned[1] < recent_seconds:
        return False
    # Another process may be removing it too, or writing one last file: neither is an error.
    shutil.rmtree(path, ignore_errors=True)
    return not path.exists()


def prune(root: str | Path, budget: int | None, keep: Iterable[str] = (),
          recent_seconds: float = RECENT_SECONDS, now: float | None = None) -> list[Entry]:
    """Remove entries until all stored work is within `budget` bytes (None: no limit, nothing
    removed): first those no code of this version can read, then those whose folder is not
    found, then the least recently used. Never an entry in `keep` (the one in use) nor one used
    in the last `recent_seconds` (another session's). The removed entries."""
    if budget is None:
        return []
    listed = entries(root)
    total = sum(e.size for e in listed)
    if total <= budget:
        return []
    now = time.time() if now is None else now
    keep = set(keep)
    order = sorted((e for e in listed
                    if e.key not in keep and now - e.last_used >= recent_seconds),
                   key=lambda e: (TIER.get(e.state, 0), e.last_used))
    removed = []
    for entry in order:
        if total <= budget:
            break
        if remove(entry, root, recent_seconds):
            total -= entry.size
            removed.append(entry)
    return removed


# --- the command: python -m adlens cache ---------------------------------------------------------
def size_text(n: float) -> str:
    """Bytes in words: 6.8 GB, 113 MB, 640 kB."""
    for unit, scale in (("TB", 10**12), ("GB", 10**9), ("MB", 10**6), ("kB", 10**3)):
        if n >= scale:
            value = n / scale
            text = f"{value:.1f}" if value < 100 else f"{value:.0f}"
            return f"{text.removesuffix('.0')} {unit}"
    return f"{int(n)} B"


def budget_text(budget: int | None) -> str:
    return "no budget (nothing is removed)" if budget is None else f"a {size_text(budget)} budget"


def _budget_arg(text: str) -> int | None:
    try:
        return parse_budget(text, "--budget")
    except BudgetError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--root", metavar="DIR",
                        help="where the stored work is (default: ADLENS_BLOCK_CACHE, else "
                             "adlens-cache/blocks in the temp folder)")
    parser.add_argument("--budget", type=_budget_arg, default=argparse.SUPPRESS, metavar="GB",
                        help=f"disk budget in GB for --prune (default: {BUDGET_ENV}, else "
                             f"{DEFAULT_BUDGET_GB:g}; 0 or off for no limit)")
    what = parser.add_mutually_exclusive_group()
    what.add_argument("--prune", action="store_true",
                      help="apply the budget now: remove work no code of this version can "
                           "read, then the least recently used, until within the budget "
                           f"(work used in the last {RECENT_SECONDS / 60:.0f} minutes is kept)")
    what.add_argument("--clear", action="store_true",
                      help="remove every folder's stored work (it is listed first)")
    parser.add_argument("--yes", action="store_true",
                        help="with --clear: do not ask for confirmation")


def _table(listed: list[Entry]) -> str:
    rows = [("size", "last used", "state", "entry", "folder")]
    for e in listed:
        when = dt.datetime.fromtimestamp(e.last_used).strftime("%Y-%m-%d %H:%M")
        state = e.state + ("" if e.complete else ", partial")
        rows.append((size_text(e.size), when, state, e.key, e.folder or "(not recorded)"))
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    return "\n".join(f"{r[0]:>{widths[0]}}  {r[1]:<{widths[1]}}  {r[2]:<{widths[2]}}  "
                     f"{r[3]:<{widths[3]}}  {r[4]}" for r in rows)


def _fail(message: str) -> int:
    print(message, file=sys.stderr)
    return 2


def run(args: argparse.Namespace) -> int:
    from adlens import block_cache  # noqa: PLC0415

    if args.yes and not args.clear:
        return _fail("--yes confirms --clear; without --clear nothing is removed but by "
                     "--prune, which needs no confirmation.")
    base = Path(args.root).expanduser() if args.root else block_cache.cache_root()
    if base.exists() and not base.is_dir():
        return _fail(f"{base} is a file, not a folder of stored work; set "
                     "ADLENS_BLOCK_CACHE (or --root) to a folder.")
    from_env = not hasattr(args, "budget")
    budget = getattr(args, "budget", None)
    if from_env:
        try:
            budget = budget_bytes()
        except BudgetError as exc:
            return _fail(f"{exc} Set it, or pass --budget.")
    listed = entries(base)
    strangers = not_entries(base)
    total = sum(e.size for e in listed)
    print(f"Stored work of dataset folders in {base}")
    if listed:
        print(_table(listed))
    else:
        print("(none)")
    print(f"Total {size_text(total)} in {len(listed)} "
          f"{'entry' if len(listed) == 1 else 'entries'}, {budget_text(budget)}"
          + (f" ({BUDGET_ENV})" if from_env else "") + ".")
    if strangers:
        print("Not stored work, never removed: " + ", ".join(p.name for p in strangers))
    if args.prune:
        removed = prune(base, budget)
        left = total - sum(e.size for e in removed)
        if budget is None:
            print("No budget is set, so nothing was removed.")
        elif not removed and total > budget:
            print(f"Nothing could be removed: what is over {size_text(budget)} was used in the "
                  f"last {RECENT_SECONDS / 60:.0f} minutes.")
        for e in removed:
            print(f"Removed {size_text(e.size)}: {e.key} ({e.state}; {e.folder or 'no folder'})")
        if budget is not None:
            print(f"Now {size_text(left)} of {budget_text(budget)}.")
    if args.clear:
        if not listed:
            print("Nothing to clear.")
            return 0
        if not args.yes:
            if not sys.stdin.isatty():
                return _fail("--clear removes all of the above: add --yes to confirm.")
            answer = input(f"Remove all {len(listed)} entries ({size_text(total)})? [y/N] ")
            if answer.strip().lower() not in ("y", "yes"):
                print("Nothing removed.")
                return 0
        gone = [e for e in listed if remove(e, base)]
        print(f"Removed {len(gone)} of {len(listed)} entries "
              f"({size_text(sum(e.size for e in gone))}).")
        if len(gone) < len(listed):
            return _fail("Some entries could not be removed (in use, or something other than "
                         "stored work appeared in them).")
    return 0

"""Run every benchmark case in a fresh process, print a table and write bench/results.json.

Case modules are `bench/cases_*.py`; each defines `cases() -> list[Case]`.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import pkgutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).parent
ROOT = HERE.parent


def discover(only: str | None) -> list:
    found = []
    for info in sorted(pkgutil.iter_modules([str(HERE)]), key=lambda m: m.name):
        if info.name.startswith("cases_"):
            module = importlib.import_module(f"bench.{info.name}")
            found.extend(module.cases())
    # `--only load` names bench/cases_load.py: exactly its cases ("upload" holds "load" too).
    named = [c for c in found if c.func.startswith(f"bench.cases_{only}:")
             and not c.on_request]
    return named or [c for c in found
                     if (only and only in c.name) or (not only and not c.on_request)]


def load_average() -> list[float]:
    """The machine's 1, 5 and 15-minute load averages (runnable processes, all users)."""
    return [round(x, 2) for x in os.getloadavg()]


def run_case(case) -> dict:
    """Run one case in a fresh process; the result carries the load average before and after
    it, so figures from a busy machine read as such (this machine has os.cpu_count() CPUs)."""
    cmd = [sys.executable, "-m", "bench.case", case.func, json.dumps(case.kwargs)]
    load_before = load_average()
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=case.timeout)
    wall = time.perf_counter() - start
    load = {"load_before": load_before, "load_after": load_average(), "cpus": os.cpu_count()}
    if proc.returncode != 0:
        tail = (proc.stderr or proc.stdout).strip().splitlines()[-5:]
        return {"name": case.name, "error": " | ".join(tail), "process_seconds": wall, **load}
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    result.update(name=case.name, target=case.target, process_seconds=round(wall, 2), **load)
    result["met"] = case.met(result)
    result["over"] = case.failures(result)
    return result


def load_text(row: dict) -> str:
    """The 1-minute load average when the case started and when it ended."""
    return f"{row['load_before'][0]:.1f}→{row['load_after'][0]:.1f}"


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--only", help="run only the cases whose name contains this text, "
                        "or all those of bench/cases_<text>.py")
    parser.add_argument("--out", default=str(HERE / "results.json"))
    args = parser.parse_args()
    rows = []
    for case in discover(args.only):
        print(f"running {case.name} ...", file=sys.stderr, flush=True)
        rows.append(run_case(case))
    header = (f"{'case':<52} {'seconds':>9} {'peak RSS MB':>12} {'load 1m':>9} "
              f"{'target':<28} {'met':<4} detail")
    print(f"load average: 1-minute, at the case's start→end, on {os.cpu_count()} CPUs")
    print(header)
    print("-" * len(header))
    for r in rows:
        if "error" in r:
            print(f"{r['name']:<52} {'-':>9} {'-':>12} {load_text(r):>9} {'':<28} {'ERR':<4} "
                  f"{r['error']}")
            continue
        detail = ", ".join(f"{k}={v}" for k, v in r.get("detail", {}).items())
        met = "yes" if r["met"] else ("no" if r["met"] is False else "-")
        over = f" [over: {'; '.join(r['over'])}]" if r["over"] else ""
        print(f"{r['name']:<52} {r['seconds']:>9.3f} {r['peak_rss_mb']:>12.0f} "
              f"{load_text(r):>9} {r['target']:<28} {met:<4} {detail}{over}")
    Path(args.out).write_text(json.dumps(rows, indent=2, default=str))
    print(f"\nwrote {args.out}")
    return 1 if any("error" in r for r in rows) else 0


if __name__ == "__main__":
    sys.exit(main())

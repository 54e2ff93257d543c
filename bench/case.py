"""Run one benchmark function in this process and print its metrics as JSON on the last line.

The function returns {"seconds": float, "detail": {...}}; this process's own peak RSS (its
high-water mark since exec, `bench.rss.own_peak_mb`, not the parent's it inherits through
`ru_maxrss`) is added here unless the function reports a peak itself."""

from __future__ import annotations

import importlib
import json
import sys

from bench.rss import own_peak_mb


def main() -> None:
    target, kwargs = sys.argv[1], json.loads(sys.argv[2])
    module_name, func_name = target.split(":")
    result = getattr(importlib.import_module(module_name), func_name)(**kwargs)
    # A case measuring another process (a server) reports that one's peak itself.
    result.setdefault("peak_rss_mb", own_peak_mb())
    print(json.dumps(result, default=str))


if __name__ == "__main__":
    main()

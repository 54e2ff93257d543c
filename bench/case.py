"""Run one benchmark function in this process and print its metrics as JSON on the last line.

The function returns {"seconds": float, "detail": {...}}; peak RSS of this process is added
here unless the function reports its own."""

from __future__ import annotations

import importlib
import json
import resource
import sys


def main() -> None:
    target, kwargs = sys.argv[1], json.loads(sys.argv[2])
    module_name, func_name = target.split(":")
    result = getattr(importlib.import_module(module_name), func_name)(**kwargs)
    # A case measuring another process (a server) reports that one's peak itself.
    result.setdefault("peak_rss_mb", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    print(json.dumps(result, default=str))


if __name__ == "__main__":
    main()

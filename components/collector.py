"""The server's garbage collector: long-lived objects (imported modules, the loaded sample) are
set aside once, so the full collection Streamlit runs after every script run stays cheap.

Streamlit calls `gc.collect(2)` after each run (`runner.postScriptGC`, on by default, to keep a
deployment under its memory limit). A full collection walks every container object in the
process: on the sample about 200,000 of them, almost all functions, classes and dicts of
imported modules, which costs about 0.1 s of CPU per click, half of what a warm page costs the
server. `gc.freeze()` moves the objects alive now to a permanent generation that collections
skip; the objects of later runs are still collected after every run as before.
"""

from __future__ import annotations

import gc
import sys
import threading

_lock = threading.Lock()
_modules_at_freeze = 0  # len(sys.modules) at the last freeze; 0: never frozen
# The first freeze (a cold start, after the imports and loading the sample) collects the two
# young generations only: what is alive then is imported modules and the sample, and a full
# collection there found 10 unreachable objects out of 143,000 for 0.07-0.09 s of CPU (measured
# on the sample's cold start). Garbage already in the oldest generation is frozen with them, once
# per process. Later freezes follow a page's heavy work, whose cycles may have aged into the
# oldest generation: they collect everything first.
FIRST_GENERATION = 1


def freeze_long_lived() -> bool:
    """Set aside what is alive after a collection (of the young generations the first time,
    see FIRST_GENERATION; of everything later), when modules were imported since the last time
    (the first run imports most; a page's first visit may import a few more). Returns whether
    it froze.

    Keyed on new modules, not on every run, so a freeze happens a bounded number of times per
    process: objects frozen while alive and later dropped in a reference cycle are never
    collected (plain references still free them), so freezing each run would let every
    finished session's cycles pile up."""
    global _modules_at_freeze
    with _lock:
        if len(sys.modules) <= _modules_at_freeze:
            return False
        gc.collect(FIRST_GENERATION if _modules_at_freeze == 0 else 2)
        gc.freeze()
        _modules_at_freeze = len(sys.modules)
    return True


def after_run() -> bool:
    """Called at the end of every page run: freeze only in a served app, where Streamlit
    collects after each run (AppTest and scripts in a test process keep their collector as it
    is). Returns whether it froze."""
    from streamlit import runtime  # noqa: PLC0415 — imported already; kept out of module load

    return runtime.exists() and freeze_long_lived()


def collect() -> None:
    """A full collection (after loading or preparing a dataset); in a served app, when modules
    were imported since the last freeze, the survivors are set aside as well, so the next
    collections (this one's followers in the same first run, and every run's) stay cheap."""
    if not after_run():
        gc.collect()

"""What a cold start imports: the app's first run, the Overview on the bundled sample in a fresh
process with empty caches, draws its headline without loading the modules only other pages, a
dataset folder, generating a population or a report need; and it draws the headline figures
before it loads pandas, Plotly, the engine or the sidebar's modules."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Each is imported by a function that needs it, never by the first Overview.
NOT_ON_A_COLD_START = (
    "adlens.simulate",  # generating a population (components.generation)
    "adlens.calibration",
    "adlens.blocks",  # a dataset folder (components.folder)
    "adlens.block_cache",
    "multiprocessing",
    "adlens.mic_test",  # the microphone test (the story's step, the report)
    "components.method_recall",
    "sklearn",  # training the text model or the click model
    "scipy",
)

# Loaded after the headline figures are on their way to the browser, never before: the first
# paint waits for none of them (components/overview_top.py).
NOT_BEFORE_THE_HEADLINE = (
    "pandas",
    "numpy",
    "pyarrow",
    "plotly",
    "adlens.engine",
    "adlens.contract",
    "adlens.memory",
    "components.data",
    "components.charts",
    "components.story",
    "components.share",
)

FIRST_RUN = """
import json, sys
from streamlit.testing.v1 import AppTest
from components import overview_top
at = AppTest.from_file(sys.argv[1], default_timeout=240)
before = set(sys.modules)  # what Streamlit and its test harness load themselves
at_draw = []
draw = overview_top.draw
def recording_draw(top):
    at_draw.append(sorted(set(sys.modules) - before))
    draw(top)
overview_top.draw = recording_draw
at.run()
print(json.dumps({"exceptions": [e.value for e in at.exception],
                  "title": [t.value for t in at.title],
                  "metrics": [m.value for m in at.metric],
                  "charts": len(at.get("plotly_chart")),
                  "modules": sorted(sys.modules),
                  "preloaded": sorted(before),
                  "at_draw": at_draw}))
"""


def test_the_first_overview_imports_only_what_it_needs(tmp_path) -> None:
    out = subprocess.run([sys.executable, "-c", FIRST_RUN, str(ROOT / "app.py")], cwd=ROOT,
                         capture_output=True, text=True, timeout=600,
                         env={**os.environ, "ADLENS_CACHE": str(tmp_path)})
    assert out.returncode == 0, out.stderr[-3000:]
    run = json.loads(out.stdout.strip().splitlines()[-1])
    assert run["exceptions"] == []
    assert "Overview" in run["title"]
    assert len(run["metrics"]) == 4 and all(run["metrics"]), run["metrics"]
    assert run["charts"] == 2
    loaded = set(run["modules"])
    assert "pandas" in loaded and "adlens.rolling" in loaded  # the check sees the process
    imported = [m for m in NOT_ON_A_COLD_START
                if m in loaded or any(n.startswith(m + ".") for n in loaded)]
    assert imported == [], f"a cold start imported {imported}"
    # The headline figures were drawn once, from the stored top, before the heavy modules.
    assert len(run["at_draw"]) == 1, "the stored top was not drawn first, or drawn twice"
    early = set(run["at_draw"][0])
    preloaded = set(run["preloaded"])
    heavy = [m for m in NOT_BEFORE_THE_HEADLINE
             if m in early or any(n.startswith(m + ".") for n in early)]
    assert heavy == [], f"the first paint waited for {heavy}"
    # The check sees them: each is loaded by the end of the run, by the app (or was already
    # there before it, loaded by Streamlit's test harness).
    assert all(m in loaded for m in NOT_BEFORE_THE_HEADLINE)
    assert not {"adlens.engine", "components.data", "components.charts"} & preloaded

"""What a cold start imports: the app's first run, the Overview on the bundled sample in a fresh
process with empty caches, draws its headline without loading the modules only other pages, a
dataset folder, generating a population or a report need."""

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

FIRST_RUN = """
import json, sys
from streamlit.testing.v1 import AppTest
at = AppTest.from_file(sys.argv[1], default_timeout=240).run()
print(json.dumps({"exceptions": [e.value for e in at.exception],
                  "title": [t.value for t in at.title],
                  "metrics": [m.value for m in at.metric],
                  "charts": len(at.get("plotly_chart")),
                  "modules": sorted(sys.modules)}))
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

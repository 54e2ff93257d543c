"""What a cold start imports: the app's first run, the Overview on the bundled sample in a fresh
process with empty caches, draws its headline without loading the modules only other pages, a
dataset folder, generating a population or a report need; and a session's first visit draws
the whole Overview from the stored first view without pandas, NumPy, Arrow or the engine."""

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

# Loaded by the next run that needs them, never by a session's first Overview on the bundled
# sample: it is drawn from the stored first view (components/overview_top.py).
NOT_ON_A_FIRST_VISIT = (
    "pandas",
    "numpy",
    "pyarrow",
    "adlens.engine",
    "adlens.contract",
    "adlens.checked",
    "adlens.memory",
    "adlens.labels",
    "components.charts",
    "components.frames",
    "components.ai_value",
    "components.report",
)

FIRST_RUN = """
import json, sys
from streamlit.testing.v1 import AppTest
from components import light_chart, overview_top
at = AppTest.from_file(sys.argv[1], default_timeout=240)
before = set(sys.modules)  # what Streamlit and its test harness load themselves
drawn = []
draw = overview_top.draw
def recording_draw(top):
    drawn.append(sorted(set(sys.modules) - before))
    draw(top)
overview_top.draw = recording_draw
at.run()
first = {"exceptions": [e.value for e in at.exception],
         "title": [t.value for t in at.main.title],
         "metrics": [m.value for m in at.metric],
         "charts": len(at.get("plotly_chart")),
         "light_charts": sum(light_chart.drawn_in(h.proto.body) is not None
                             for h in at.get("html")),
         "modules": sorted(set(sys.modules) - before),
         "preloaded": sorted(before),
         "drawn": drawn}
at.run()  # the same session's next run computes everything
print(json.dumps({**first, "next": {"exceptions": [e.value for e in at.exception],
                                     "metrics": [m.value for m in at.metric],
                                     "charts": len(at.get("plotly_chart")),
                                     "modules": sorted(sys.modules)}}))
"""


def _imported(names: tuple[str, ...], loaded: set[str]) -> list[str]:
    return [m for m in names if m in loaded or any(n.startswith(m + ".") for n in loaded)]


def test_the_first_overview_imports_only_what_it_needs(tmp_path) -> None:
    out = subprocess.run([sys.executable, "-c", FIRST_RUN, str(ROOT / "app.py")], cwd=ROOT,
                         capture_output=True, text=True, timeout=600,
                         env={**os.environ, "ADLENS_CACHE": str(tmp_path)})
    assert out.returncode == 0, out.stderr[-3000:]
    run = json.loads(out.stdout.strip().splitlines()[-1])
    assert run["exceptions"] == []
    assert run["title"] == ["Overview"]
    assert len(run["metrics"]) == 4 and all(run["metrics"]), run["metrics"]
    # Both charts drawn with plotly.js's basic bundle (components/light_chart.py), none with
    # st.plotly_chart, whose browser script is 4.7 MB.
    assert (run["charts"], run["light_charts"]) == (0, 2)
    # The headline figures were drawn once, from the stored first view, and nothing heavy was
    # loaded in that whole run (Streamlit's test harness loads none of these itself).
    assert len(run["drawn"]) == 1, "the stored first view was not used"
    assert not set(NOT_ON_A_FIRST_VISIT) & set(run["preloaded"])
    heavy = _imported(NOT_ON_A_FIRST_VISIT, set(run["modules"]))
    assert heavy == [], f"a first visit imported {heavy}"
    # The next run computes the same page and loads what it needs, but still nothing that only
    # other pages, a dataset folder, generating a population or a report need.
    after = run["next"]
    assert after["exceptions"] == [] and after["metrics"] == run["metrics"]
    assert after["charts"] == 2
    loaded = set(after["modules"])
    assert "pandas" in loaded and "adlens.rolling" in loaded  # the check sees the process
    imported = _imported(NOT_ON_A_COLD_START, loaded)
    assert imported == [], f"a cold start imported {imported}"


# A session's first Overview, run in a fresh process: how often each stored chart is checked
# for the basic bundle, and when the headline's lead is waited out (with which of the app's
# modules loaded by then).
FIRST_VISIT_WORK = """
import json, sys, time
from streamlit.testing.v1 import AppTest
from components import light_chart, overview_top
import streamlit.env_util
checked, waits, shell_checks = [], [], []
is_repl = streamlit.env_util.is_repl
def counting_is_repl():
    shell_checks.append(1)
    return is_repl()
streamlit.env_util.is_repl = counting_is_repl
fits = light_chart.fits
def counting_fits(figure):
    checked.append(1)
    return fits(figure)
light_chart.fits = counting_fits
class Clock:
    monotonic = staticmethod(time.monotonic)
    @staticmethod
    def sleep(seconds):
        waits.append({"seconds": seconds, "modules": sorted(sys.modules)})
        time.sleep(seconds)
overview_top.time = Clock
at = AppTest.from_file(sys.argv[1], default_timeout=240)
at.run()
print(json.dumps({"exceptions": [e.value for e in at.exception], "checked": len(checked),
                  "shell_checks": len(shell_checks),
                  "light_charts": sum(light_chart.drawn_in(h.proto.body) is not None
                                      for h in at.get("html")),
                  "waits": waits}))
"""


def test_a_first_visit_checks_each_stored_chart_once(tmp_path) -> None:
    """The stored charts are checked for the basic bundle once each, before the headline's
    wait, not again when drawn."""
    run = _first_visit_work(tmp_path)
    assert run["exceptions"] == [] and run["light_charts"] == 2
    assert run["checked"] == 2


def _first_visit_work(tmp_path) -> dict:
    out = subprocess.run([sys.executable, "-c", FIRST_VISIT_WORK, str(ROOT / "app.py")],
                         cwd=ROOT, capture_output=True, text=True, timeout=600,
                         env={**os.environ, "ADLENS_CACHE": str(tmp_path)})
    assert out.returncode == 0, out.stderr[-3000:]
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_the_rest_of_a_first_visits_imports_load_during_the_headlines_lead(tmp_path) -> None:
    """The modules the rest of a first run imports load while the browser draws the headline:
    the run waits out what is left of HEADLINE_LEAD_S once, just before the sidebar, not the
    whole lead right after the headline and then imports."""
    from components import overview_top

    run = _first_visit_work(tmp_path)
    assert run["exceptions"] == [] and run["light_charts"] == 2
    [wait] = run["waits"]  # one wait, for what is left of the lead
    assert 0 <= wait["seconds"] <= overview_top.HEADLINE_LEAD_S
    # The sidebar's modules, which app.py imports after the headline, are loaded by then.
    for name in ("components.story", "components.share", "components.folder",
                 "components.dataset_controls", "components.generation"):
        assert name in wait["modules"], name


def test_a_first_run_skips_streamlits_check_for_an_interactive_shell(tmp_path) -> None:
    """Streamlit's one-time check at a process's first element (inspect.stack() over every
    frame's source, 0.09-0.16 s) is skipped: components.layout.skip_shell_check sets the flag
    the check looks at. Fails when a Streamlit version makes the check another way."""
    run = _first_visit_work(tmp_path)
    assert run["exceptions"] == [] and run["light_charts"] == 2
    assert run["shell_checks"] == 0

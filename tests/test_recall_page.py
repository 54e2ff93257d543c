"""The Recall page says each thing once: the event-study note is not repeated under the
sentence that already explains why the chart is missing."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from streamlit.testing.v1 import AppTest

from adlens import contract, simulate

APP = str(Path(__file__).parent.parent / "app.py")
NOTE = "No reported conversation has the full 14 days before and 7 days after it"


def test_the_missing_event_study_is_explained_once() -> None:
    frames = simulate.generate_frames(60, 5)
    events = frames["events"]
    # Keep conversations only in the last days of the data: none has 7 days after it.
    late = events["ts"] >= events["ts"].max() - pd.Timedelta(days=2)
    frames["events"] = events[(events["event_type"] != "conversation") | late]
    dataset = contract.from_frames(frames, source="Generated: late conversations")
    app = AppTest.from_file(APP, default_timeout=180)
    app.session_state["ds_generated"] = dataset
    app.session_state["ds_choice"] = "generated"
    app.run()
    app.switch_page("views/recall.py").run()
    assert not app.exception, [e.value for e in app.exception]
    texts = [e.value for kind in ("markdown", "caption", "info", "warning")
             for e in app.get(kind)]
    assert sum(NOTE in t for t in texts) == 1, [t for t in texts if NOTE in t]

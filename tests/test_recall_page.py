"""The Recall page says each thing once: when no conversation can be tested, the sentence
under the missing chart is not repeated by the test's figures and the engine's note."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from streamlit.testing.v1 import AppTest

from adlens import contract, simulate

APP = str(Path(__file__).parent.parent / "app.py")
NOTE = "whole two days before and after"


def test_an_untestable_microphone_is_explained_once() -> None:
    frames = simulate.generate_frames(60, 5)
    events = frames["events"]
    # Keep conversations only in the last days of the data: none has 7 days after it.
    late = events["ts"] >= events["ts"].max() - pd.Timedelta(days=2)
    frames["events"] = events[(events["event_type"] != "conversation") | late]
    frames.pop("truth", None)  # optional; it would point at the conversations removed
    dataset = contract.from_frames(frames, source="Generated: late conversations")
    app = AppTest.from_file(APP, default_timeout=180)
    app.session_state["ds_generated"] = dataset
    app.session_state["ds_choice"] = "generated"
    app.run()
    app.switch_page("views/recall.py").run()
    assert not app.exception, [e.value for e in app.exception]
    assert not app.error, [e.value for e in app.error]  # e.g. the coincidence picker failing
    texts = [e.value for kind in ("markdown", "caption", "info", "warning")
             for e in app.get(kind)]
    assert sum(NOTE in t for t in texts) == 1, [t for t in texts if NOTE in t]

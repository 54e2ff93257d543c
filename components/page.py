"""The frame every page runs in: guards that turn any failure into one plain sentence.

Pages call `run_page(main)` and wrap independent parts in `with section():`, so one failing
part leaves the rest of the page standing; an analyst never sees a traceback.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Iterator

import streamlit as st

from components import collector, light_chart
from components.data import DataUnavailable, trim_memory
from components.fmt import md_escape

log = logging.getLogger("adlens.ui")


@contextlib.contextmanager
def section() -> Iterator[None]:
    """A known gap becomes an info line, anything else an st.error sentence."""
    try:
        yield
    except DataUnavailable as gap:
        st.info(str(gap), icon=":material/hourglass_empty:")
    except Exception as error:  # noqa: BLE001 — the page must end in a sentence, never a trace
        log.exception("page section failed")
        reason = md_escape(str(error)[:300])
        st.error(f"This part could not be drawn for this dataset and scenario "
                 f"({type(error).__name__}: {reason}). The rest of the page still works; "
                 "the bundled sample under the announced policy always does.",
                 icon=":material/error:")


def run_page(body: Callable[[], None]) -> None:
    """Run a page body inside a guard, then give the run's freed memory back to the OS (and, after
    a run that imported modules, set the long-lived objects aside: components/collector.py)."""
    try:
        with section():
            body()
    finally:
        trim_memory()
        collector.after_run()


def nothing_to_show(sentence: str) -> None:
    """Where a chart would be empty, say why instead."""
    st.info(sentence, icon=":material/info:")


CHART_CONFIG = {"displaylogo": False}


def chart(fig, caption: str, empty: str, key: str | None = None, light: bool = False) -> None:
    """Draw a chart (a Plotly figure, or its stored JSON on a first visit: components/
    overview_top.py) with its one-line caption, or the sentence saying why there is none.
    Here, not in components.charts, so a first visit draws without importing Plotly's figures.
    Stored JSON is drawn with plotly.js's basic bundle where it can be drawn the same
    (components/light_chart.py), so a first visit never loads Streamlit's Plotly script.
    `light`: the caller has found that it can (light_chart.draws_all), so it is not checked
    again."""
    if fig is None:
        nothing_to_show(empty)
        return
    if not (isinstance(fig, dict) and light_chart.draw(fig, CHART_CONFIG, checked=light)):
        st.plotly_chart(fig, key=key, config=CHART_CONFIG)
    st.caption(caption)

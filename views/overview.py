"""Overview: who is in the data, what happened over time, which rules are in force, and the
headline figures about the AI-chat signal. A session's first visit on the bundled sample is
drawn from the stored first view, its headline before the sidebar (components/overview_top.py)."""

from __future__ import annotations

import streamlit as st

from components import data, overview_top
from components.lazy import LazyModule
from components.page import run_page, section
from components.scenario_controls import current_scenario

# Plotly figures and pandas load when a chart is built, never on a first visit.
frames = LazyModule("components.frames")


@st.cache_resource(max_entries=8, show_spinner=False)
def _people_chart(dataset_id: str, _dataset) -> object:
    # Depends on the dataset only; st.plotly_chart only reads a figure, so one shared object
    # serves every session.
    return overview_top.people_chart(_dataset)


@st.cache_resource(max_entries=8, show_spinner=False)
def _trend_chart(dataset_id: str, scenario, _dataset) -> object:
    # Per dataset and scenario, shared read-only like the chart above.
    return overview_top.trend_chart(_dataset, scenario)


@st.cache_resource(max_entries=8, show_spinner=False)
def _top(dataset_id: str, scenario, _dataset) -> overview_top.Top:
    """The dataset line and the headline KPIs with their caption, per dataset and scenario
    (read-only, shared)."""
    return overview_top.build(_dataset, scenario)


def main() -> None:
    early = overview_top.take()
    if early is not None:  # a first visit: the headline is on screen already (app.py)
        view = early.view
        overview_top.draw_body(view.people_chart, view.rules, lambda: view.trend_chart,
                               light=early.light)
        return
    st.title(overview_top.TITLE)
    dataset = data.current_dataset()
    scenario = current_scenario()
    st.caption(overview_top.dataset_line(dataset))
    with section():
        overview_top.draw_headline(_top(dataset.dataset_id, scenario, dataset))
    overview_top.draw_body(
        _people_chart(dataset.dataset_id, dataset),
        overview_top.rules_markdown(frames.rules_in_force(scenario)),
        lambda: _trend_chart(dataset.dataset_id, scenario, dataset))

run_page(main)

"""Overview: who is in the data, what happened over time, which rules are in force, and the
headline figures about the AI-chat signal. A session's first visit on the bundled sample is
drawn from the stored first view (components/overview_top.py)."""

from __future__ import annotations

import streamlit as st

from components import data, overview_top
from components.lazy import LazyModule
from components.page import chart, run_page, section
from components.scenario_controls import current_scenario

# Plotly figures and pandas load when a chart is built, never on a first visit.
charts = LazyModule("components.charts")
frames = LazyModule("components.frames")

PEOPLE_CAPTION = ("Look at how many people in each region use Meta AI: only they can have an "
                  "AI-chat signal at all.")
NO_PEOPLE = "There are no people in this dataset."
TREND_CAPTION = ("Each ad people saw, scored with what was known at that moment. Left of the "
                 "dashed line AI chats do not count; after it they count only where the rules "
                 "let them, so the excluded regions stay at zero.")
NO_TREND = "No ad was shown in this dataset, so there is nothing to follow over time."
TREND_KEY = "ai_share_trend"


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


def first_visit(early: overview_top.Early) -> None:
    """The rest of a session's first Overview on the bundled sample, from the stored first view:
    its banner, title and headline figures are on screen already (app.py)."""
    view = early.view
    overview_top.charts_follow(early)
    left, right = st.columns([3, 2])
    with left:
        chart(view.people_chart, PEOPLE_CAPTION, NO_PEOPLE)
    with right:
        st.subheader("Rules in force")
        st.markdown(view.rules)
    chart(view.trend_chart, TREND_CAPTION, NO_TREND, key=TREND_KEY)


def main() -> None:
    early = overview_top.take()
    if early is not None:
        first_visit(early)
        return
    st.title(overview_top.TITLE)
    dataset = data.current_dataset()
    scenario = current_scenario()
    st.caption(overview_top.dataset_line(dataset))
    with section():
        overview_top.draw_headline(_top(dataset.dataset_id, scenario, dataset))
    left, right = st.columns([3, 2])
    with left:
        chart(_people_chart(dataset.dataset_id, dataset), PEOPLE_CAPTION, NO_PEOPLE)
    with right:
        st.subheader("Rules in force")
        st.markdown(overview_top.rules_markdown(frames.rules_in_force(scenario)))
    with section():
        chart(_trend_chart(dataset.dataset_id, scenario, dataset), TREND_CAPTION, NO_TREND,
              key=TREND_KEY)

run_page(main)

"""Overview: who is in the data, what happened over time, which rules are in force, and the
headline figures about the AI-chat signal (components/overview_top.py, drawn first)."""

from __future__ import annotations

import streamlit as st

from components import charts, data, frames, overview_top
from components.page import run_page, section
from components.scenario_controls import current_scenario


@st.cache_resource(max_entries=8, show_spinner=False)
def _people_chart(dataset_id: str, _dataset) -> object:
    # Depends on the dataset only; st.plotly_chart only reads a figure, so one shared object
    # serves every session.
    return charts.people_by_region_chart(frames.people_by_region(_dataset.users))


@st.cache_resource(max_entries=8, show_spinner=False)
def _trend_chart(dataset_id: str, scenario, _dataset) -> object:
    # Per dataset and scenario, shared read-only like the chart above.
    return charts.signal_share_trend_chart(data.weekly_ai_share(_dataset, scenario),
                                           scenario.policy_start)


@st.cache_resource(max_entries=8, show_spinner=False)
def _top(dataset_id: str, scenario, _dataset) -> overview_top.Top:
    """The dataset line and the headline KPIs with their caption, per dataset and scenario
    (read-only, shared)."""
    return overview_top.build(_dataset, scenario)


def ai_share_over_time(dataset, scenario) -> None:
    """What moves at the policy date: AI chats' part of the shown ads' scores, per region."""
    charts.show(_trend_chart(dataset.dataset_id, scenario, dataset),
                "Each ad people saw, scored with what was known at that moment. Left of the "
                "dashed line AI chats do not count; after it they count only where the rules "
                "let them, so the excluded regions stay at zero.",
                "No ad was shown in this dataset, so there is nothing to follow over time.",
                key="ai_share_trend")


def headline_figures(dataset, scenario, early: overview_top.Early | None) -> None:
    """The dataset line; the share of ads with an AI-chat contribution, where it leads, what it
    adds to next week's clicks among the people who can have it, and how many ads it moves into
    the top 5. On a session's first visit they were drawn before the sidebar (`early`): kept
    when they are these, replaced when not."""
    try:
        top = _top(dataset.dataset_id, scenario, dataset)
    except Exception:
        # The stored figures never stand in for ones that could not be computed.
        slot = early.slot if early is not None else st.empty()
        with slot.container():
            st.caption(overview_top.dataset_line(dataset))
        raise
    overview_top.show(top, early)


def rules_list(rules) -> None:
    """The rules as a short list; a rule that differs from the announced policy is flagged."""
    lines = []
    for rule, now, announced, counterfactual in rules[
            ["rule", "this view", "announced policy", "counterfactual"]].itertuples(index=False):
        if counterfactual:
            lines.append(f"- :orange[**{rule}: {now}**] — counterfactual (announced: "
                         f"{announced})")
        else:
            lines.append(f"- {rule}: **{now}**")
    st.markdown("\n".join(lines))


def main() -> None:
    early = overview_top.take()
    if early is None:
        st.title(overview_top.TITLE)
    dataset = data.current_dataset()
    scenario = current_scenario()
    with section():
        headline_figures(dataset, scenario, early)
    overview_top.charts_follow(early)
    left, right = st.columns([3, 2])
    with left:
        charts.show(_people_chart(dataset.dataset_id, dataset),
                    "Look at how many people in each region use Meta AI: only they can have an "
                    "AI-chat signal at all.",
                    "There are no people in this dataset.")
    with right:
        st.subheader("Rules in force")
        rules_list(frames.rules_in_force(scenario))
    with section():
        ai_share_over_time(dataset, scenario)

run_page(main)

"""Overview: who is in the data, what happened over time, which rules are in force, and the
three headline figures about the AI-chat signal."""

from __future__ import annotations

import streamlit as st

from components import ai_value, charts, data, frames
from components.fmt import md_escape, pct
from components.kpi import Kpi, kpi_row
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
def _headline(dataset_id: str, scenario, _dataset) -> tuple[tuple[Kpi, ...], str]:
    """The headline KPIs and their caption, per dataset and scenario (read-only, shared)."""
    # Stored for the bundled sample under the announced policy: a fresh server shows the
    # headline without ranking everyone first.
    figures = data.stored_overview(_dataset, scenario)
    shares = frames.headline_shares(figures.shares if figures is not None
                                    else data.scenario_result(_dataset, scenario).shares["all"])
    report = ai_value.rolling_report(_dataset, scenario)
    value = ai_value.headline(report, ai_value.feedback_free(dataset_id),
                              ai_chat_on=scenario.ai_chat)
    reach = ai_value.reach(_dataset, scenario)
    moved, moved_all, moved_help = ai_value.reach_text(reach)
    return (
        Kpi("Ads with an AI-chat contribution", pct(shares["ai_share"]),
            help="Share of the recommended ads (top ads per person and app) whose score has a "
                 "positive contribution from the person's chats with Meta AI."),
        Kpi("AI chats the largest contributor", pct(shares["ai_largest"]),
            help="Share of recommended ads whose biggest single contribution is the AI-chat "
                 "signal."),
        Kpi("Top-5 ads owed to AI chats", moved, delta=moved_all, delta_color="off",
            help=moved_help),
        Kpi("Next-week top-5 hit rate added by AI chats", value.text, help=value.help),
    ), ai_value.reach_caption(reach) + "  \n" + value.caption


def ai_share_over_time(dataset, scenario) -> None:
    """What moves at the policy date: AI chats' part of the shown ads' scores, per region."""
    charts.show(_trend_chart(dataset.dataset_id, scenario, dataset),
                "Each ad people saw, scored with what was known at that moment. Left of the "
                "dashed line AI chats do not count; after it they count only where the rules "
                "let them, so the excluded regions stay at zero.",
                "No ad was shown in this dataset, so there is nothing to follow over time.",
                key="ai_share_trend")


def headline_figures(dataset, scenario) -> None:
    """Share of ads with an AI-chat contribution, where it leads, what it adds to next week's
    clicks among the people who can have it, and how many ads it moves into the top 5."""
    kpis, caption = _headline(dataset.dataset_id, scenario, dataset)
    kpi_row(list(kpis))
    st.caption(caption)


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
    st.title("Overview")
    dataset = data.current_dataset()
    scenario = current_scenario()
    st.caption(f"{md_escape(dataset.source)} · {dataset.n_users:,} people · "
               f"{len(dataset.ads):,} ads · {dataset.n_events:,} events")
    with section():
        headline_figures(dataset, scenario)
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

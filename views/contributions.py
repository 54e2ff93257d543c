"""Signal contributions: each signal's share of the ad scores by topic, region, country, app and
age band, and two cohorts side by side (e.g. Meta AI users vs everyone else, US vs EU)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from adlens import labels, schema
from components import charts, data, frames
from components.colors import REGION_LABELS, signal_label
from components.fmt import pct, pp
from components.page import run_page, section
from components.scenario_controls import current_scenario

MAX_COUNTRIES = 15
BREAKDOWNS = {
    "region": ("Region", "Where AI chats are not used, their share is zero."),
    "topic": ("Ad topic", "Topics people talk about with Meta AI lean most on the AI-chat "
                          "signal."),
    "country": ("Country", f"The {MAX_COUNTRIES} countries with the most recommended ads."),
    "app": ("App", "Without the Accounts Center link, a chat only shapes ads in its own app."),
    "age_band": ("Age band", "Compare the AI-chat share across ages."),
}
# cohort -> (the engine's grouping, first value, second value)
COHORT_GROUPS = {
    "chatters": ("uses_meta_ai", "True", "False"),
    "us_eu": ("region", "US", "EU"),
    "young_old": ("age_band", "18-24", "65+"),
}
COHORTS = {
    "chatters": ("People who use Meta AI", "People who do not"),
    "us_eu": ("United States", "European Union"),
    "young_old": ("Aged 18-24", "Aged 65+"),
}


def shares_for(shares: dict[str, pd.DataFrame], by: str) -> pd.DataFrame:
    """Signal shares by a grouping, ordered and labelled for reading."""
    table = shares[by]
    if by == "country" and len(table):
        table = table.sort_values("n_ads", ascending=False).head(MAX_COUNTRIES)
    matrix = frames.shares_matrix(table, by)
    if by == "region":
        matrix = matrix.reindex([r for r in schema.REGIONS if r in matrix.index])
        matrix.index = [REGION_LABELS.get(r, r) for r in matrix.index]
    elif by == "app":
        matrix = matrix.reindex([a for a in schema.AD_APPS if a in matrix.index])
        matrix.index = [schema.APP_LABELS.get(a, a) for a in matrix.index]
    elif by == "age_band":
        matrix = matrix.reindex([a for a in schema.AGE_BANDS if a in matrix.index])
    elif by == "topic":
        if "ai_chat" in matrix:
            matrix = matrix.sort_values("ai_chat", ascending=False)
        matrix.index = [labels.topic(t) for t in matrix.index]
    return matrix


def cohort_shares(shares: dict[str, pd.DataFrame], cohort: str) -> pd.DataFrame:
    """Up to two rows — the cohort's groups — of signal shares, labelled with their ad counts."""
    by, first, second = COHORT_GROUPS[cohort]
    table = shares[by]
    keys = table[by].astype("str") if len(table) else pd.Series(dtype="str")
    rows = {}
    for name, value in zip(COHORTS[cohort], (first, second), strict=True):
        part = table[keys == value]
        if len(part) and int(part["n_ads"].iloc[0]) > 0:
            rows[f"{name} ({int(part['n_ads'].iloc[0]):,} ads)"] = frames.shares_matrix(
                part, by).iloc[0]
    return pd.DataFrame(rows).T


@st.cache_resource(max_entries=8, show_spinner=False)
def _breakdown_chart(dataset_id: str, scenario, by: str, _shares) -> object:
    # Building the six figures was most of this page's time on every rerun; they depend on the
    # dataset and scenario only, and st.plotly_chart only reads a figure, so one shared object
    # serves every session (never mutated).
    label = BREAKDOWNS[by][0]
    return charts.signal_shares_chart(shares_for(_shares, by),
                                       f"Signal shares by {label.lower()}", label)


@st.cache_resource(max_entries=8, show_spinner=False)
def _cohort_view(dataset_id: str, scenario, cohort: str, _shares) -> tuple:
    # The cohort table and its figure, per dataset, scenario and cohort (read-only, shared).
    table = cohort_shares(_shares, cohort)
    return table, charts.signal_shares_chart(table, "Signal shares in the two groups",
                                              "Group", height=260)


def breakdowns(dataset_id: str, scenario, shares: dict[str, pd.DataFrame]) -> None:
    st.subheader("Each signal's share of the ad scores")
    tabs = st.tabs([label for label, _ in BREAKDOWNS.values()])
    for tab, (by, (_, caption)) in zip(tabs, BREAKDOWNS.items(), strict=True):
        with tab, section():
            charts.show(_breakdown_chart(dataset_id, scenario, by, shares),
                        caption, "No ads are ranked in this scenario, so there are no "
                                 "contributions to split.", key=f"shares_{by}")


def cohorts(dataset_id: str, scenario, shares: dict[str, pd.DataFrame]) -> None:
    st.subheader("Compare two groups")
    cohort = st.segmented_control("Groups", list(COHORTS), key="cohort", default="chatters",
                                  format_func=lambda c: " vs ".join(COHORTS[c]))
    table, figure = _cohort_view(dataset_id, scenario, cohort or "chatters", shares)
    charts.show(figure,
                "Compare the AI-chat segment: it is the part that depends on what people say "
                "to Meta AI.",
                "Neither group has any ranked ads in this scenario (a group may be missing "
                "from this dataset).", key="cohort_chart")
    if len(table) == 2:
        diff = table.iloc[0] - table.iloc[1]
        st.dataframe(pd.DataFrame({
            "Signal": [signal_label(s) for s in table.columns],
            table.index[0]: [pct(v) for v in table.iloc[0]],
            table.index[1]: [pct(v) for v in table.iloc[1]],
            "Difference": [pp(v) for v in diff],
        }), hide_index=True)
    elif len(table) == 1:
        st.caption("Only one of the two groups has ranked ads in this dataset.")


def main() -> None:
    st.title("Signal contributions")
    dataset, scenario = data.current_dataset(), current_scenario()
    shares = data.scenario_shares(dataset, scenario)
    st.caption("Every recommended ad's score is a baseline plus one contribution per signal. "
               "Here the positive contributions are summed over the top ads of everyone in a "
               "group and split by signal.")
    with section():
        breakdowns(dataset.dataset_id, scenario, shares)
    with section():
        cohorts(dataset.dataset_id, scenario, shares)


run_page(main)

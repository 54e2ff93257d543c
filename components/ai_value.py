"""What the AI-chat signal is worth, for the pages: the rolling next-week evaluation among the
people who can have the signal, its reach and the feedback-free twin, cached and worded.

The figures come from `adlens.rolling`; the wording helpers are pure and tested without
Streamlit.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from adlens import labels, rolling
from adlens.dataset import Dataset
from adlens.scenario import Scenario
from components import data
from components.fmt import pct

METRIC_NAMES = {"precision@k": labels.metric("precision@k"),
                "recall@k": labels.metric("recall@k"),
                "auc": f"{labels.metric('auc')} within a person's week"}
WHO = ("people who can have the signal: Meta AI users with a chat that counts under these "
       "rules, in a region where it is used")


@st.cache_data(max_entries=8, show_spinner="Scoring next week's clicks with and without AI chats…")
def _rolling(dataset_id: str, scenario: Scenario, _dataset: Dataset) -> rolling.RollingReport:
    figures = data.stored_overview(_dataset, scenario)  # the sample, announced policy
    if figures is not None:
        return figures.report
    report = rolling.evaluate(data.prepared(_dataset), scenario)
    data.release_memory()
    return report


def rolling_report(dataset: Dataset, scenario: Scenario) -> rolling.RollingReport:
    """The rolling evaluation (both variants are in it, so the AI-chat switch needs no rerun)."""
    return _rolling(dataset.dataset_id, scenario.with_(ai_chat=True), dataset)


@st.cache_data(max_entries=8, show_spinner=False)
def _reach(dataset_id: str, scenario: Scenario, _dataset: Dataset) -> pd.DataFrame:
    figures = data.stored_overview(_dataset, scenario)
    if figures is not None:
        return figures.reach
    return rolling.reach(data.prepared(_dataset), scenario)


def reach(dataset: Dataset, scenario: Scenario) -> pd.DataFrame:
    """population (everyone / eligible), people, ads, ads_with_ai_chat, ads_leaving_top_k."""
    return _reach(dataset.dataset_id, scenario, dataset)


@st.cache_data(max_entries=4, show_spinner=False)
def feedback_free(dataset_id: str) -> rolling.RollingReport | None:
    """The feedback-free twin stored for the bundled sample (None for other data)."""
    return rolling.stored_feedback_free(dataset_id)


def points(value: float) -> str:
    """A difference in a share as points: 0.0123 -> '+1.23 points'."""
    return "—" if value is None or math.isnan(value) else f"{value * 100:+.2f} points"


def interval(row: pd.Series, metric: str) -> str:
    if math.isnan(row["ci_low"]):
        return "no interval"
    if metric == "auc":
        return f"{row['ci_low']:+.3f} to {row['ci_high']:+.3f}"
    return f"{row['ci_low'] * 100:+.2f} to {row['ci_high'] * 100:+.2f} points"


def value_text(row: pd.Series, metric: str) -> str:
    if math.isnan(row["value"]):
        return "—"
    return f"{row['value']:+.3f}" if metric == "auc" else points(row["value"])


def denominators(row: pd.Series, could: bool = False) -> str:
    """The counts a figure stands on, in words (`could`: the signal is off in this view, so
    the people are those who could have it if it were on)."""
    return (f"{int(row['n_people']):,} people with a clicked week, of "
            f"{int(row['n_eligible_people']):,} who {'could' if could else 'can'} have the "
            "signal; "
            f"{int(row['n_person_weeks']):,} person-weeks, "
            f"{int(row['n_slots']):,} person-app-weeks with a click, "
            f"{int(row['n_clicks']):,} clicks")


@dataclass(frozen=True)
class ValueFigure:
    """The headline: next-week precision@5 added by the AI-chat signal, ready for a KPI."""

    text: str
    help: str
    caption: str


def headline(report: rolling.RollingReport, twin: rolling.RollingReport | None = None,
             ai_chat_on: bool = True) -> ValueFigure:
    """The headline figure; with the AI-chat signal off in this view (`ai_chat_on` False) it
    is what switching it on under the view's other rules would add, and says so."""
    row = report.row("precision@k")
    if pd.isna(row["value"]):
        return ValueFigure("—", "Nobody who can have the AI-chat signal clicked an ad in the "
                           "evaluated weeks, so its value cannot be measured on this data.",
                           "No eligible person clicked in the evaluated weeks.")
    recall, auc = report.row("recall@k"), report.row("auc")
    help_text = (
        f"Each week, the ads are ranked from what people did strictly before it, and scored "
        f"against the topics they clicked that week; with minus without the AI-chat signal "
        f"(same click model), among {WHO}. 95% interval {interval(row, 'precision@k')} "
        f"(bootstrap over people). {METRIC_NAMES['recall@k']}: "
        f"{value_text(recall, 'recall@k')}; {labels.metric('auc')}: "
        f"{value_text(auc, 'auc')} ({interval(auc, 'auc')}). "
        f"{labels.metric('precision@k')}: {labels.metric_help('precision@k')}")
    measure = labels.metric("precision@k").lower()
    if ai_chat_on:
        caption = (f"Next-week {measure} added by AI chats: {points(row['value'])} (95% "
                   f"interval {interval(row, 'precision@k')}), on {denominators(row)}.")
    else:
        caption = (f"AI chats are off in this view. Switched on under its other rules, they "
                   f"would add {points(row['value'])} to next-week {measure} (95% interval "
                   f"{interval(row, 'precision@k')}), on {denominators(row, could=True)}.")
    if twin is not None:
        free = twin.row("precision@k")
        caption += (f" In the same world without the platform's own chat targeting it is "
                    f"{value_text(free, 'precision@k')} ({interval(free, 'precision@k')}); the "
                    "gap between the two estimates how much of the value is the platform "
                    "reinforcing itself.")
    return ValueFigure(points(row["value"]), help_text, caption)


def reach_text(reach_frame: pd.DataFrame) -> tuple[str, str]:
    """KPI value (people who can have the signal) and the help for 'ads that leave the top 5
    without AI chats' (the same over everyone is in `reach_caption`)."""
    by = reach_frame.set_index("population")
    eligible, everyone = by.loc["eligible"], by.loc["everyone"]
    if not int(eligible["people"]):
        return ("—", "Nobody can have the AI-chat signal in this view, so no ad owes "
                "its place in a top 5 to it.")
    value = pct(eligible["ads_leaving_top_k"])
    help_text = (
        f"Share of the recommended ads that would not be in the person's top 5 without the "
        f"AI-chat signal: {pct(eligible['ads_leaving_top_k'])} for the "
        f"{int(eligible['people']):,} people who can have it "
        f"({pct(eligible['ads_with_ai_chat'])} of their ads have an AI-chat contribution), "
        f"{pct(everyone['ads_leaving_top_k'])} over all {int(everyone['people']):,} people "
        f"({pct(everyone['ads_with_ai_chat'])} with a contribution).")
    return value, help_text


def reach_caption(reach_frame: pd.DataFrame) -> str:
    """The reach among the people who can have the signal and over everyone, in one line."""
    by = reach_frame.set_index("population")
    eligible, everyone = by.loc["eligible"], by.loc["everyone"]
    if not int(eligible["people"]):
        return ("Nobody can have the AI-chat signal in this view (AI chats are off, or the "
                "rules exclude every Meta AI user), so no top ad has an AI-chat contribution.")
    return (f"Among the {int(eligible['people']):,} people who can have the AI-chat signal, "
            f"{pct(eligible['ads_with_ai_chat'])} of their top ads have an AI-chat contribution "
            f"and {pct(eligible['ads_leaving_top_k'])} would leave their top 5 without it; over "
            f"all {int(everyone['people']):,} people, {pct(everyone['ads_with_ai_chat'])} and "
            f"{pct(everyone['ads_leaving_top_k'])}.")


def comparison_table(reports: dict[str, rolling.RollingReport]) -> pd.DataFrame:
    """One row per scenario, region and measure: with, without, added (95% interval) and the
    denominators, for the What-if page."""
    rows = []
    for name, report in reports.items():
        s = report.summary
        for region in dict.fromkeys(s["region"]):
            for metric in rolling.METRICS:
                diff = report.row(metric, "difference", region)
                rows.append({
                    "Scenario": name, "Region": labels.region(region),
                    "Measure": labels.metric(metric),
                    "With AI chats": _level(report.value(metric, "with AI chat", region),
                                            metric),
                    "Without": _level(report.value(metric, "without AI chat", region), metric),
                    "Added by AI chats": value_text(diff, metric),
                    "95% interval": interval(diff, metric),
                    "People (with a clicked week / eligible)":
                        f"{int(diff['n_people']):,} / {int(diff['n_eligible_people']):,}",
                    "Person-weeks": int(diff["n_person_weeks"]),
                    "Clicked person-app-weeks": int(diff["n_slots"]),
                    "Clicks": int(diff["n_clicks"])})
    return pd.DataFrame(rows)


def _level(value: float, metric: str) -> str:
    if value is None or math.isnan(value):
        return "—"
    return f"{value:.3f}" if metric == "auc" else pct(value, 2)

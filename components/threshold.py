"""The sensitive-topic detector's threshold on the What-if page: the slider, what it costs on
each labelled validation set and on this dataset, and the trade-off chart.

The figures come from `adlens.whatif`; this module only draws them and returns the slider.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from adlens import text_model as tm
from adlens import whatif
from adlens.scenario import THRESHOLD_BOUNDS, Scenario
from components import data
from components.charts import _layout, show
from components.colors import HELD_BACK_COLOR, LEAKAGE_COLOR, POLICY_LINE_COLOR
from components.fmt import pct, pp
from components.kpi import Kpi, kpi_row
from components.scenario_controls import K_THRESHOLD

K_SLIDER = "threshold_slider"
HELP = ("The detector gives every AI chat a calibrated chance that it is about a sensitive "
        "topic (health, religion, politics…). A chat is held back from ads from this chance "
        "on. Lower: fewer sensitive chats slip through, more everyday chats are held back. "
        "The model's chosen setting is the highest threshold that lets at most "
        f"{tm.TARGET_LEAKAGE:.0%} of the sensitive chats of its validation split through.")
SET_LABELS = {tm.SET_GENERATED: "generated validation set",
              tm.SET_HANDWRITTEN: "hand-written validation set"}


@st.cache_data(max_entries=2, show_spinner="Measuring the detector at every threshold…")
def _tradeoffs(model_version: str, _model) -> dict[str, pd.DataFrame]:
    return whatif.threshold_tradeoffs(_model)


def tradeoffs(dataset) -> dict[str, pd.DataFrame]:
    """Leakage and everyday chats held back at every threshold, per validation set (cached)."""
    model = data.prepared(dataset).text_model
    return _tradeoffs(f"{model.version}-{model.sensitive_threshold}", model)


def _set_threshold(chosen: float) -> None:
    value = round(float(st.session_state[K_SLIDER]), 2)
    # The model's own choice is the announced setting: stored as None, so links stay short.
    st.session_state[K_THRESHOLD] = None if abs(value - chosen) < 1e-9 else value


def threshold_controls(scenario: Scenario, chosen: float) -> float:
    """The slider; returns the threshold in force (the scenario's, else the model's)."""
    current = chosen if scenario.sensitive_threshold is None else scenario.sensitive_threshold
    st.session_state[K_SLIDER] = round(float(current), 2)
    low, high = THRESHOLD_BOUNDS
    st.slider("Sensitive-topic detector threshold", min_value=low, max_value=high, step=0.01,
              key=K_SLIDER, on_change=_set_threshold, args=(chosen,), help=HELP)
    return float(current)


def tradeoff_chart(tables: dict[str, pd.DataFrame], threshold: float, chosen: float
                   ) -> go.Figure | None:
    """Leakage and everyday chats held back against the threshold, one line pair per set,
    with the current and the chosen threshold marked."""
    if not tables:
        return None
    fig = go.Figure()
    for i, (name, table) in enumerate(tables.items()):
        label = SET_LABELS.get(name, name)
        dash = "solid" if i == 0 else "dot"
        fig.add_scatter(x=table["threshold"], y=table["leakage"], mode="lines",
                        name=f"Sensitive chats used ({label})",
                        line=dict(color=LEAKAGE_COLOR, dash=dash),
                        hovertemplate="threshold %{x:.2f}: %{y:.1%}<extra></extra>")
        fig.add_scatter(x=table["threshold"], y=table["held_back"], mode="lines",
                        name=f"Everyday chats held back ({label})",
                        line=dict(color=HELD_BACK_COLOR, dash=dash),
                        hovertemplate="threshold %{x:.2f}: %{y:.1%}<extra></extra>")
    fig.add_vline(x=threshold, line=dict(color=POLICY_LINE_COLOR, width=2),
                  annotation_text=f" now {threshold:.2f}", annotation_position="top right")
    if abs(threshold - chosen) > 1e-9:
        fig.add_vline(x=chosen, line=dict(color=POLICY_LINE_COLOR, width=1, dash="dash"),
                      annotation_text=f" chosen {chosen:.2f}", annotation_position="top left")
    fig.update_layout(xaxis_title="Threshold (chance the chat is sensitive)",
                      yaxis_title="Share of chats", yaxis_tickformat=".0%",
                      xaxis_range=list(THRESHOLD_BOUNDS))
    return _layout(fig, "What each threshold costs", height=320)


def threshold_section(dataset, scenario: Scenario) -> None:
    """The control, both figures on each validation set and on this dataset, and the chart."""
    st.subheader("Sensitive-topic detector")
    prepared = data.prepared(dataset)
    chosen = float(prepared.codes.sensitive_threshold or prepared.text_model.sensitive_threshold)
    left, right = st.columns([2, 3])
    with left:
        threshold = threshold_controls(scenario, chosen)
        tables = tradeoffs(dataset)
        kpis = []
        for name, table in tables.items():
            now, before = whatif.at_threshold(table, threshold), whatif.at_threshold(table, chosen)
            label = SET_LABELS.get(name, name)
            kpis.append(Kpi(f"Sensitive chats used, {label}", pct(now["leakage"]),
                            delta=pp(now["leakage"] - before["leakage"]), delta_color="inverse",
                            help="Share of truly sensitive chats the detector lets through to "
                                 "ad targeting at this threshold; the change is against the "
                                 "model's chosen threshold."))
            kpis.append(Kpi(f"Everyday chats held back, {label}", pct(now["held_back"]),
                            delta=pp(now["held_back"] - before["held_back"]),
                            delta_color="inverse",
                            help="Share of everyday chats wrongly held back as sensitive at "
                                 "this threshold; the change is against the model's chosen "
                                 "threshold."))
        for pair in range(0, len(kpis), 2):
            kpi_row(kpis[pair:pair + 2])
        held = whatif.sensitive_chats_held_back(prepared, scenario.with_(
            sensitive_threshold=threshold))
        held_chosen = whatif.sensitive_chats_held_back(prepared, scenario.with_(
            sensitive_threshold=None))
        kpi_row([Kpi("This dataset's AI chats held back as sensitive", f"{held:,}",
                     delta=f"{held - held_chosen:+,} against the chosen threshold",
                     delta_color="off",
                     help="AI chats of this dataset, up to the view's day, that the sensitive "
                          "rule keeps out of ads at this threshold (chats another rule already "
                          "keeps out are not counted).")])
    with right:
        show(tradeoff_chart(tables, threshold, chosen),
             "Red: sensitive chats that would still shape ads; blue: everyday chats held back "
             "for nothing. Solid: generated validation set; dotted: hand-written one. Moving "
             "the threshold right trades the first for the second.",
             "There is no labelled validation set to measure the detector on.",
             key="threshold_tradeoff")

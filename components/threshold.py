"""The sensitive-topic detector's threshold on the What-if page: the slider, what it costs on
each labelled validation set and on this dataset, and the trade-off chart.

The figures come from `adlens.whatif`; this module only draws them and returns the slider.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from adlens import labels, schema, whatif
from adlens import text_model as tm
from adlens.scenario import THRESHOLD_BOUNDS, Scenario
from components import data
from components.charts import _layout, show
from components.colors import HELD_BACK_COLOR, LEAKAGE_COLOR, POLICY_LINE_COLOR
from components.fmt import NO_CHANGE, pct, pp
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


# The cards leave look-alikes out of the everyday chats, as the Method page's language table
# does (`text_model.threshold_tradeoff` with the set's kinds), so a set shows one figure on
# both pages.
LOOKALIKES_NOTE = ("Look-alikes (a sensitive word in another sense, \"check my battery "
                   "health\") are not counted here; the Method page shows them on a line of "
                   "their own, and its everyday figure for the same set is this one.")


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


@st.cache_resource(max_entries=16, show_spinner=False)
def _tradeoff_figure(model_key: str, threshold: float, chosen: float,
                     _tables: dict[str, pd.DataFrame]) -> go.Figure | None:
    # Per text model (its tables) and threshold: built once and shared read-only, since
    # st.plotly_chart only reads a figure; building it was a third of the What-if page's rerun.
    return tradeoff_chart(_tables, threshold, chosen)


@st.cache_data(max_entries=32, show_spinner=False)
def _held_back(dataset_id: str, scenario: Scenario, _prepared) -> int:
    # Every AI chat through the rules: once per dataset and scenario, not on every rerun.
    return whatif.sensitive_chats_held_back(_prepared, scenario)


def threshold_section(dataset, scenario: Scenario) -> None:
    """The control, both figures on each validation set and on this dataset, and the chart."""
    st.subheader("Sensitive-topic detector")
    prepared = data.prepared(dataset)
    chosen = float(prepared.codes.sensitive_threshold or prepared.text_model.sensitive_threshold)
    # Half and half: two cards side by side keep a few words a line at 800 px.
    left, right = st.columns(2)
    with left:
        threshold = threshold_controls(scenario, chosen)
        tables = tradeoffs(dataset)
        for name, table in tables.items():
            now, before = whatif.at_threshold(table, threshold), whatif.at_threshold(table, chosen)
            label = SET_LABELS.get(name, name)
            # The set as a heading over its two cards, so each card's label is a few words
            # and reads on two lines in a narrow window (the full wording is in the help).
            st.markdown(f"**{label[0].upper() + label[1:]}**")
            kpi_row([
                Kpi("Sensitive chats used", pct(now["leakage"]),
                    delta=pp(now["leakage"] - before["leakage"]), delta_color="inverse",
                    help=f"On the {label}: the share of truly sensitive chats the detector "
                         "lets through to ad targeting at this threshold; the change is "
                         "against the model's chosen threshold."),
                Kpi("Everyday chats held back", pct(now["held_back"]),
                    delta=pp(now["held_back"] - before["held_back"]), delta_color="inverse",
                    help=f"On the {label}: the share of everyday chats wrongly held back as "
                         "sensitive at this threshold; the change is against the model's "
                         "chosen threshold. " + LOOKALIKES_NOTE),
            ])
        held = _held_back(dataset.dataset_id, scenario.with_(sensitive_threshold=threshold),
                          prepared)
        held_chosen = _held_back(dataset.dataset_id, scenario.with_(sensitive_threshold=None),
                                 prepared)
        kpi_row([Kpi("This dataset's AI chats held back as sensitive", f"{held:,}",
                     delta=(f"{held - held_chosen:+,}" if held != held_chosen else
                            f"{NO_CHANGE}0") + " against the chosen threshold",
                     delta_color="off",
                     help="AI chats of this dataset, up to the view's day, that the sensitive "
                          "rule keeps out of ads at this threshold (chats another rule already "
                          "keeps out are not counted).")])
    with right:
        model = prepared.text_model
        show(_tradeoff_figure(f"{model.version}-{model.sensitive_threshold}", threshold, chosen,
                              tables),
             "Red: sensitive chats that would still shape ads; blue: everyday chats held back "
             "for nothing. Solid: generated validation set; dotted: hand-written one. Moving "
             "the threshold right trades the first for the second.",
             "There is no labelled validation set to measure the detector on.",
             key="threshold_tradeoff")


# --- the model's guesses, said as guesses ----------------------------------------------------
GUESS_NOTE = "Model's guess"
SENSITIVE_CHANCE = "Chance it is sensitive (model's guess)"
DATA_TOPIC = "Topic in the data"


def chat_guesses(dataset, events: pd.DataFrame, sensitive_list: str) -> pd.DataFrame:
    """For the given events (an `event_id` column; one person's few events): the topic the
    text model guessed for chats whose topic the data left empty (`guess`, topic id, '' when
    the topic is the data's own), a plain note with its probability (`note`; the probability
    alone in `p_topic`, NaN when not guessed), the calibrated chance the chat is about a
    topic of `sensitive_list` (`p_sensitive`, NaN when not guessed) and the data's own topic
    when it has one (`data_topic`, from `true_topic`)."""
    prepared = data.prepared(dataset)
    ids = dataset.events["event_id"].astype(str)
    rows = pd.Index(ids.to_numpy(dtype=object)).get_indexer(
        events["event_id"].astype(str).to_numpy(dtype=object))
    found = rows >= 0
    out = pd.DataFrame(index=events.index, data={
        "guess": "", "note": "", "p_topic": float("nan"), "p_sensitive": float("nan"),
        "data_topic": ""})
    if not found.any():
        return out
    rows_found = rows[found]
    guesses = prepared.codes.chat_guesses(rows_found)
    inferred = guesses["topic_inferred"].to_numpy(dtype=bool)
    code = prepared.codes.event_topic[rows_found]
    names = np.asarray([*schema.ALL_TOPICS, schema.NO_AD_TOPIC], dtype=object)
    guess = np.where(inferred, names[np.where(code >= 0, code, len(schema.ALL_TOPICS))], "")
    prob = guesses["topic_probability"].to_numpy(dtype=float)
    note = np.array([f"{GUESS_NOTE} from the text ({pct(p, 0)} likely)" if hit else ""
                     for hit, p in zip(inferred, prob, strict=True)], dtype=object)
    at = np.flatnonzero(found)
    out.iloc[at, out.columns.get_loc("guess")] = guess
    out.iloc[at, out.columns.get_loc("note")] = note
    out.iloc[at, out.columns.get_loc("p_topic")] = np.where(inferred, prob, np.nan)
    out.iloc[at, out.columns.get_loc("p_sensitive")] = guesses[
        f"p_sensitive_{sensitive_list}"].to_numpy(dtype=float)
    if "true_topic" in dataset.events.columns:
        out.iloc[at, out.columns.get_loc("data_topic")] = dataset.events["true_topic"].fillna(
            "").astype(str).to_numpy(dtype=object)[rows_found]
    return out


def guess_columns(dataset, events: pd.DataFrame, sensitive_list: str) -> dict[str, list[str]]:
    """Columns to put beside a table of events (an `event_id` column): how likely the model's
    guess of the topic is ('87% likely', '' where the topic is the data's own), the model's
    chance that the chat is sensitive, and the data's own topic when it has one. Empty when no
    event's topic is a guess."""
    guessed = chat_guesses(dataset, events, sensitive_list)
    if not (guessed["note"] != "").any():
        return {}
    # The column's name says it is the model's guess: its cells need only say how likely.
    out = {GUESS_NOTE: [f"{pct(p, 0)} likely" if n else "" for n, p in zip(
               guessed["note"], guessed["p_topic"], strict=True)],
           SENSITIVE_CHANCE: [pct(p, 0) if n else "" for n, p in zip(
               guessed["note"], guessed["p_sensitive"], strict=True)]}
    if (guessed["data_topic"] != "").any():
        out[DATA_TOPIC] = [labels.topic(t) if t else "" for t in guessed["data_topic"]]
    return out


def with_guesses(dataset, events: pd.DataFrame, sensitive_list: str) -> pd.DataFrame:
    """One person's events with the model's topic guess filled in where the data has none,
    and `topic_note`, `p_sensitive`, `data_topic` for the timeline's hover text."""
    guessed = chat_guesses(dataset, events, sensitive_list)
    topic = events["topic"].astype(object).where(guessed["guess"] == "", guessed["guess"])
    return events.assign(topic=topic, topic_note=guessed["note"],
                         p_sensitive=guessed["p_sensitive"], data_topic=guessed["data_topic"])

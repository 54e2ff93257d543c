"""Method: the assumptions behind every figure, in plain words with their sources; the memory
parameters and signal half-lives are editable here and flow into the other pages."""

from __future__ import annotations

import dataclasses

import pandas as pd
import streamlit as st

from adlens import labels, schema
from adlens.memory import MemoryParams
from adlens.scenario import DEFAULT_HALF_LIVES, HALF_LIFE_BOUNDS
from components import data
from components.colors import signal_label
from components.fmt import md_escape, pct
from components.kpi import Kpi, kpi_row
from components.method_calibration import calibration_section
from components.method_recall import recall_method_sections
from components.method_text import text_model_section as text_model_by_language
from components.page import run_page, section
from components.scenario_controls import (
    K_HALF_LIVES,
    K_MEMORY,
    current_memory_params,
    current_scenario,
)

RULES_TEXT = """
**The rules** (each is a switch in the sidebar; a switch off the announced policy is marked
*counterfactual* on every page):

- From **16 Dec 2025** Meta uses people's interactions with its AI products — chats with Meta AI
  (text and voice), Ray-Ban Meta glasses, Vibes and AI image generation — to personalise ads
  and content on Facebook, Instagram, Messenger and WhatsApp. Chats before that day are not
  used. People were notified from 7 Oct 2025; the only way out is not to use Meta AI.
- Not in the **European Union, the United Kingdom or South Korea**.
- **Sensitive topics** are never used for ads, whatever the signal: religious views, sexual
  orientation, political views, health, racial or ethnic origin, philosophical beliefs and
  trade-union membership (GDPR Art. 9 minus genetic data, biometric data and sex life; the
  sidebar can switch to the full Art. 9 list). Meta removed detailed targeting on health,
  race/ethnicity, politics, religion and sexual orientation in January 2022.
- A chat in one app shapes ads in another **only if both apps are linked** in the person's
  Accounts Center.
- The **microphone** is never a signal. It appears only as a labelled counterfactual on the
  Recall page: what the data would look like if ads were triggered by listening. No covert
  microphone recording was found in 17,260 Android apps (Pan et al., "Panoptispy", PoPETs 2018).
"""

MODEL_TEXT = """
**How an ad is scored.** Each signal gives every person an affinity per topic, decaying with
its own half-life (below). "Similar people" comes from people with similar tastes. A
scikit-learn model learns from simulated clicks how much each signal predicts a click; the
score of an ad is a baseline plus one contribution per signal, and the contributions add up to
the score exactly — that is the waterfall on "Why this ad". Chats are read by a text model
(word and character TF-IDF with a linear classifier); a chat it is unsure of is read again with
the meaning of the whole sentence added, from a small pretrained sentence encoder
(all-MiniLM-L6-v2, shipped with the app). Sensitive topics are detected by these classifiers
too, so some can slip through: the "leakage" below measures how many. Because the simulation
knows everyone's true interests, ranking quality (the top-5 hit rate and click prediction; see
the glossary) can be measured with and without the AI-chat signal. A dataset too small to learn
from uses the weights and text models learned on the bundled sample, and the pages say so.
"""


def memory_section() -> None:
    st.subheader("Memory assumptions (recall timelines)")
    params = current_memory_params()
    table = params.describe()
    with st.expander("Every memory assumption, what it means and where it comes from",
                     expanded=True):
        st.markdown("\n".join(
            f"- **{md_escape(labels.parameter(row.name))} = {row.value:g} "
            f"{md_escape(row.unit)}** — "
            f"{md_escape(row.meaning)}  \n  *Source: {md_escape(row.source)}*"
            for row in table.itertuples(index=False)))
    with st.form("memory_form"):
        st.caption("Change an assumption and apply: the Recall page uses the new values.")
        cols = st.columns(3)
        values = {}
        for i, row in enumerate(table.itertuples(index=False)):
            values[row.name] = cols[i % 3].number_input(
                f"{labels.parameter(row.name)} ({row.unit})", value=float(row.value),
                format="%g",
                help=row.meaning, key=f"mem_{row.name}")
        applied = st.form_submit_button("Apply memory assumptions")
    if applied:
        try:
            st.session_state[K_MEMORY] = dataclasses.replace(MemoryParams(), **values)
        except ValueError as error:
            st.error(f"Not applied: {md_escape(error)}", icon=":material/error:")
        else:
            st.success("Applied: the Recall page now uses these assumptions.")
    if current_memory_params() != MemoryParams():
        st.button("Back to the default memory assumptions",
                  on_click=lambda: st.session_state.pop(K_MEMORY, None))


def half_life_section() -> None:
    st.subheader("Signal half-lives (model settings)")
    current = dict(current_scenario().half_lives)
    with st.form("half_life_form"):
        st.caption("Days after which a signal's evidence counts half. Changing one is a model "
                   "setting, not a policy change; the banner lists it.")
        cols = st.columns(3)
        values = {}
        for i, signal in enumerate(schema.SIGNALS):
            values[signal] = cols[i % 3].number_input(
                f"{signal_label(signal)} (days)", min_value=HALF_LIFE_BOUNDS[0],
                max_value=HALF_LIFE_BOUNDS[1],
                value=float(current.get(signal, DEFAULT_HALF_LIVES[signal])), step=1.0,
                key=f"hl_{signal}_{current.get(signal)}")
        applied = st.form_submit_button("Apply half-lives")
    if applied:
        st.session_state[K_HALF_LIVES] = {s: float(v) for s, v in values.items()}
        st.rerun()


def click_model_section(dataset) -> None:
    st.subheader("What the click model learned")
    model = data.prepared(dataset).click_model
    st.caption(f"{md_escape(model.source_label)} · {model.n_impressions:,} impressions, "
               f"{model.n_clicks:,} clicks"
               + ("" if pd.isna(model.auc_heldout) else
                  f" · click prediction on held-out clicks (AUC) {model.auc_heldout:.3f}"))
    weights = pd.DataFrame({
        "Signal": [signal_label(s) for s in schema.SIGNALS],
        "Weight per unit of affinity": [model.weight.get(s, 0.0) for s in schema.SIGNALS],
        "Half-life (days)": [current_scenario().half_life(s) for s in schema.SIGNALS],
    })
    st.dataframe(weights, hide_index=True)
    st.caption(f"Baseline (intercept): {model.intercept:.3f}. A contribution is weight × the "
               "person's affinity for the ad's topic from that signal.")


# The engine's label rules name a column in brackets; on the page they read in words.
RULE_WORDS = {"p_recall_max ≥ ": "the best chance of recall at or above ",
              "p_recall_max < ": "the best chance of recall below "}


def plain_rule(rule: str) -> str:
    """A label rule with the engine's column names said in words."""
    for name, words in RULE_WORDS.items():
        rule = rule.replace(name, words)
    return rule


def labels_section() -> None:
    from adlens.recall import LABEL_RULES  # noqa: PLC0415 — only this section needs it

    st.subheader("How a coincidence is labelled")
    st.markdown("\n".join(f"{i}. **{md_escape(r['label'])}** — {md_escape(plain_rule(r['rule']))} "
                           f"*{md_escape(r['why'])}*" for i, r in enumerate(LABEL_RULES, 1)))


def text_model_section(dataset) -> None:
    st.subheader("Chat understanding: how well topics are read from chats")
    report = data.text_report(dataset)
    on_dataset = report.per_topic_dataset is not None and report.n_dataset > 0
    leak = report.leakage_dataset if on_dataset and report.leakage_dataset else report.leakage
    where = (f"on this dataset's {report.n_dataset:,} chats with a known topic" if on_dataset
             else "on held-out generated chats (this dataset has no known chat topics)")
    kpi_row([
        Kpi("Topic read correctly", pct(report.accuracy_dataset if on_dataset
                                        else report.accuracy)),
        Kpi("Leakage, Meta's 7 topics", pct(leak.get("meta7")),
            help="Share of chats truly about a sensitive topic that the classifier misses, "
                 "so they could reach ad targeting."),
        Kpi("Leakage, full GDPR Art. 9", pct(leak.get("gdpr9"))),
    ])
    st.caption(f"Measured {where}.")
    per_topic = report.per_topic_dataset if on_dataset else report.per_topic
    if "topic" in per_topic:
        per_topic = per_topic.assign(topic=per_topic["topic"].map(labels.topic))
    # Shares as percentages with one decimal in every row (the "percent" format drops trailing
    # zeros, so a column read 92.83%, 94% and 89.5%), still numbers so the columns sort.
    per_topic = per_topic.assign(**{c: per_topic[c] * 100 for c in ("precision", "recall")
                                    if c in per_topic})
    st.dataframe(per_topic, hide_index=True, column_config={
        "topic": st.column_config.TextColumn("Topic"),
        "sensitive": st.column_config.CheckboxColumn("Sensitive"),
        "precision": st.column_config.NumberColumn(
            "Precision", format="%.1f%%",
            help="Of the chats the model put on this topic, the share really on it."),
        "recall": st.column_config.NumberColumn(
            "Recall", format="%.1f%%",
            help="Of the chats really on this topic, the share the model put on it."),
        "support": st.column_config.NumberColumn(
            "Chats", format="localized", help="Chats on this topic in the measured set.")})
    text_model_by_language(report, current_scenario().sensitive_threshold)


def glossary_section() -> None:
    with st.expander("Glossary: the words and figures of this dashboard",
                     icon=":material/dictionary:"):
        st.markdown("\n".join(f"- **{md_escape(term)}** — {md_escape(meaning)}"
                               for term, meaning in labels.GLOSSARY.items()))


def main() -> None:
    st.title("Method")
    glossary_section()
    st.markdown(RULES_TEXT)
    st.markdown(MODEL_TEXT)
    with section():
        half_life_section()
    with section():
        memory_section()
    dataset = data.current_dataset()
    calibration_section(dataset)
    with section():
        click_model_section(dataset)
    with section():
        labels_section()
    recall_method_sections(dataset)
    with section():
        text_model_section(dataset)


run_page(main)

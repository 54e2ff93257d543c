"""The Method page's chat-understanding figures per language and per labelled set, and the
leakage / held-back trade-off of the sensitive-topic threshold.

Draws a `text_model.TextReport` (from `data.text_report`); computes nothing itself.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from adlens import schema
from adlens import text_model as tm
from adlens.engine import (
    SET_SEALED_V2,
    SET_SEALED_V3,
    SET_SEALED_V4,
    SET_SEALED_V5,
    SET_SEALED_V6,
)
from components.charts import show
from components.fmt import pct
from components.threshold import tradeoff_chart

# Plain-word names of the report's columns, in the order shown.
COLUMNS: dict[str, str] = {
    "set": "Messages from",
    "language": "Language",
    "messages": "Messages",
    "everyday_accuracy": "Everyday topic read right",
    "sensitive_caught": "Sensitive chats held back",
    "leakage": "Sensitive chats still used",
    "everyday_held_back": "Everyday chats held back",
    "no_topic_accuracy": "No-ad-topic chats recognised",
    "hard_negative_held_back": "Look-alike chats held back",
}
SET_NAMES: dict[str, str] = {
    tm.SET_GENERATED: "Generated, held out from training",
    tm.SET_HANDWRITTEN: "Written by hand (never used to train)",
    tm.SET_SEALED: "First sealed test set: read once per model version, never used to tune",
    SET_SEALED_V2: "Second sealed test set: another author, written after the first was read "
                   "for four model versions; only read to report",
    SET_SEALED_V3: "Third sealed test set: another author, written after the second was read "
                   "for five model versions; only read to report",
    SET_SEALED_V4: "Fourth sealed test set: another author, written after the third was read "
                   "for two model versions; only read to report",
    SET_SEALED_V5: "Fifth sealed test set: another author, written after the fourth was read "
                   "twice, with 120 more consumer health questions; only read to report",
    SET_SEALED_V6: "Sixth sealed test set: another author, written after the fifth was read "
                   "twice, with twice the fifth's look-alikes; only read to report",
    tm.SET_DATASET: "This dataset's chats with a known topic",
}
# Shown one set at a time (a tab each, the sealed test sets first: the ones to quote), its
# measures down and its languages across, so the table fits a 1280 px window with the sidebar
# open; nine columns side by side did not fit even at 1400 px. The sealed sets' tabs are named
# by number ("Sealed set 1"), each tab's caption says which set it is: with six sets, names
# such as "Fourth sealed set" pushed the last tabs out of a 1280 px window.
SET_TABS: dict[str, str] = {
    tm.SET_SEALED: "Sealed set 1",
    SET_SEALED_V2: "Sealed set 2",
    SET_SEALED_V3: "Sealed set 3",
    SET_SEALED_V4: "Sealed set 4",
    SET_SEALED_V5: "Sealed set 5",
    SET_SEALED_V6: "Sealed set 6",
    tm.SET_HANDWRITTEN: "Hand-written",
    tm.SET_GENERATED: "Generated",
    tm.SET_DATASET: "This dataset",
}
MEASURES: dict[str, str] = {k: v for k, v in COLUMNS.items() if k not in ("set", "language")}

# Figures on public intent corpora (real people's requests to assistants, English), measured
# with `python -m bench.public_intents` on local copies the project does not hold, for the text
# model version below. Only figures are kept here: no sentence of the corpora.
PUBLIC_MEASURED_VERSION = "15"
PUBLIC_CORPORA: tuple[dict[str, object], ...] = (
    {"Corpus": "CLINC150 (test split)", "Requests": 4140,
     # 1,885 of 2,220 requests with an ad topic: two under the 0.85 (v13: 1,886; v11:
     # 1,891).
     "Ad topic read right": 1885 / 2220, "No-ad-topic requests recognised": 0.845,
     "Held back as sensitive, all requests": 0.061,
     "Held back, requests with an ad topic": 0.037, "Held back, no-ad-topic requests": 0.089,
     "Out-of-scope requests read as no ad topic": 0.372},
    {"Corpus": "SNIPS (validation)", "Requests": 600,
     "Ad topic read right": 0.820, "No-ad-topic requests recognised": 0.980,
     "Held back as sensitive, all requests": 0.047,
     "Held back, requests with an ad topic": 0.056, "Held back, no-ad-topic requests": 0.000,
     "Out-of-scope requests read as no ad topic": None},
)

# Figures on public consumer health questions (people's health questions to the US National
# Library of Medicine, and short questions about common diseases for a voice assistant; US
# English), measured with `python -m bench.public_intents` for the same model version. Every
# question is about health, on Meta's list, so every one should be held back. Counts, and the
# exact binomial 95% interval of the share caught; no question of the corpora.
PUBLIC_HEALTH: tuple[dict[str, object], ...] = (
    {"Corpus": "LiveQA medical (NLM, test)", "Questions": 104, "Caught": 100,
     "Interval low": 0.904, "Interval high": 0.989},
    {"Corpus": "MEDIQA Alexa", "Questions": 104, "Caught": 98,
     "Interval low": 0.879, "Interval high": 0.979},
    {"Corpus": "MEDIQA consumer questions", "Questions": 217, "Caught": 205,
     "Interval low": 0.905, "Interval high": 0.971},
    # Each question once: 5 of the consumer questions are LiveQA questions.
    {"Corpus": "All, each once", "Questions": 420, "Caught": 399,
     "Interval low": 0.925, "Interval high": 0.969},
)


def language_table(report: tm.TextReport) -> pd.DataFrame:
    """The report's per-language rows with plain-word set, language and column names (empty
    when the report has none)."""
    table = report.by_language
    if table is None or table.empty:
        return pd.DataFrame(columns=list(COLUMNS.values()))
    languages = {"all": "All languages", "": "Unknown", **schema.CHAT_LANGUAGE_LABELS}
    out = table.reindex(columns=list(COLUMNS)).assign(
        set=table["set"].map(lambda s: SET_NAMES.get(s, s)),
        language=table["language"].map(lambda c: languages.get(c, c)))
    return out.rename(columns=COLUMNS).reset_index(drop=True)


def _figure(measure: str, value: object) -> str:
    """A count with thousands separators, a share as a percentage ('—' when missing), written
    as the targets table writes it: to two decimals where one would read as the issue's target
    (113 of 119 caught is 94.96%, not 95.0%)."""
    if measure == "messages":
        number = pd.to_numeric(value, errors="coerce")
        return "—" if pd.isna(number) else f"{int(number):,}"
    number = pd.to_numeric(value, errors="coerce")
    if measure in tm.TARGETS and not pd.isna(number):
        return _share_beside(number, tm.TARGETS[measure])
    return pct(value)


def language_views(report: tm.TextReport) -> list[tuple[str, str, pd.DataFrame]]:
    """Per set of messages, the sealed test set first: its short name, its description and a
    table with one row per measure and one column per language ('All languages' first), the
    figures written out. Empty when the report has no rows."""
    table = report.by_language
    if table is None or table.empty:
        return []
    languages = {"all": "All languages", "": "Unknown", **schema.CHAT_LANGUAGE_LABELS}
    sets = [k for k in SET_TABS if (table["set"] == k).any()]
    sets += [k for k in table["set"].unique() if k not in SET_TABS]
    views = []
    for key in sets:
        part = table[table["set"] == key]
        view = pd.DataFrame({"Measure": list(MEASURES.values()), **{
            languages.get(row["language"], row["language"]):
                [_figure(m, row.get(m)) for m in MEASURES]
            for _, row in part.iterrows()}})
        views.append((SET_TABS.get(key, key), SET_NAMES.get(key, key), view))
    return views


def _points(share: float) -> str:
    """A distance between two shares in points, unsigned, the unit left to the row's name:
    0.1 -> '10.0'."""
    return pct(share).replace("%", "")


# The targets in plain words: (report column or check, what is measured, target text).
# Written with ≥ and ≤, and the gap's unit in its name ("0.7: met", not "0.7 points: met"): six
# sets' columns beside them fit a 1280 px window with the sidebar only so (with the gap's cells
# in points and "Other languages below English", the table was 76 px too wide).
TARGET_ROWS: tuple[tuple[str, str, str], ...] = (
    ("everyday_accuracy", "Everyday topic read right",
     f"≥ {pct(tm.TARGETS['everyday_accuracy'], 0)}"),
    ("sensitive_caught", "Sensitive chats held back",
     f"≥ {pct(tm.TARGETS['sensitive_caught'], 0)}"),
    ("everyday_held_back", "Everyday chats held back",
     f"≤ {pct(tm.TARGETS['everyday_held_back'], 0)}"),
    ("non_english_gap", "Gap to English (points)",
     f"≤ {pct(tm.TARGETS['non_english_gap'], 0).replace('%', '')}"),
)


# The sets the targets are shown on, and the name of each one's column.
# Short names: six sets' columns fit a 1280 px window with the sidebar only so, under the
# table's title, which says they are the sealed test sets.
TARGET_SETS: dict[str, str] = {tm.SET_SEALED: "Set 1", SET_SEALED_V2: "Set 2",
                               SET_SEALED_V3: "Set 3", SET_SEALED_V4: "Set 4",
                               SET_SEALED_V5: "Set 5", SET_SEALED_V6: "Set 6"}
MET, MISSED = "met", "missed"


def _share_beside(value: float, target: float) -> str:
    """A share written to one decimal, or to two when one would read as the target itself
    (113 of 119 is 94.96%: "95.0%: missed" would contradict itself)."""
    return pct(value, 2 if abs(float(value) - target) < 0.0005 else 1)


def sealed_targets_table(report: tm.TextReport) -> pd.DataFrame:
    """The issue's targets on each sealed test set the report has: the target, then per set
    the measured figure and whether it is met ("90.9%: met"); empty when the report has no
    sealed rows. One column per set, so the sets fit a 1280 px window with the sidebar."""
    table = report.by_language
    present = [] if table is None or table.empty else [
        key for key in TARGET_SETS if (table["set"] == key).any()]
    if not present:
        return pd.DataFrame(columns=["Measure", "Target", *TARGET_SETS.values()])
    rows = [{"Measure": name, "Target": target} for _, name, target in TARGET_ROWS]
    for key in present:
        sealed = table[table["set"] == key].set_index("language")
        checks = tm.target_checks(sealed)
        measured = {k: _share_beside(sealed.loc["all", k], tm.TARGETS[k]) for k in
                    ("everyday_accuracy", "sensitive_caught", "everyday_held_back")}
        measured["non_english_gap"] = _points(tm.non_english_gap(sealed))
        for row, (target_key, _, _) in zip(rows, TARGET_ROWS, strict=True):
            row[TARGET_SETS[key]] = (f"{measured[target_key]}: "
                                     f"{MET if checks[target_key] else MISSED}")
    return pd.DataFrame(rows)


def public_corpora_table() -> pd.DataFrame:
    """The figures on public intent corpora, one row per corpus (percent columns as shares)."""
    return pd.DataFrame(list(PUBLIC_CORPORA))


def _figures_right(view: pd.DataFrame) -> dict:
    """Figures written out as text, aligned right like numbers (every column but the first)."""
    return {name: st.column_config.TextColumn(alignment="right") for name in view.columns[1:]}


def public_corpora_view() -> pd.DataFrame:
    """The same figures with the measures down and the corpora across (two narrow columns
    instead of six wide ones), written out: requests with thousands separators, shares as
    percentages ("Ad topic read right" to two decimals where one would read as the issue's
    target), '—' where a corpus has no such requests."""
    table = public_corpora_table().set_index("Corpus")

    def written(name: str, v: object) -> str:
        if name == "Requests":
            return f"{int(v):,}"
        if name == "Ad topic read right":
            return _share_beside(v, tm.TARGETS["everyday_accuracy"])
        return pct(v)

    return pd.DataFrame({"Measure": list(table.columns), **{
        corpus: [written(name, v) for name, v in row.items()]
        for corpus, row in table.iterrows()}})


def public_health_view() -> pd.DataFrame:
    """The health-question figures with the measures down and the sets across, written out:
    questions with thousands separators, the share held back (to two decimals where one would
    read as the issue's 95% target) and its 95% interval."""
    target = tm.TARGETS["sensitive_caught"]
    columns = {}
    for row in PUBLIC_HEALTH:
        share = row["Caught"] / row["Questions"]
        columns[row["Corpus"]] = [
            f"{int(row['Questions']):,}", _share_beside(share, target),
            f"{pct(row['Interval low'])} to {pct(row['Interval high'])}"]
    return pd.DataFrame({"Measure": ["Questions", "Held back as sensitive (caught)",
                                     "95% interval"], **columns})


def held_back_sentence() -> str:
    """The public corpora's held-back shares against the everyday held-back target, written from
    `PUBLIC_CORPORA` (a share equal to the target meets it, as `tm.target_checks` reads it)."""
    target = tm.TARGETS["everyday_held_back"]

    def against(key: str) -> str:
        return ", ".join(
            f"{str(row['Corpus']).split(' (')[0]} {pct(row[key])}: "
            f"{MET if float(row[key]) <= target + 1e-9 else MISSED}" for row in PUBLIC_CORPORA)

    return (f"Against the {pct(target, 0)} target, requests with an ad topic held back: "
            f"{against('Held back, requests with an ad topic')}; all requests together: "
            f"{against('Held back as sensitive, all requests')}.")


def caught_sentence() -> str:
    """The health questions' shares held back against the sensitive-caught target, written from
    `PUBLIC_HEALTH` as the table writes them (a share equal to the target meets it, as
    `tm.target_checks` reads it)."""
    target = tm.TARGETS["sensitive_caught"]

    def against(name: str, row: dict[str, object]) -> str:
        share = int(row["Caught"]) / int(row["Questions"])
        verdict = MET if share >= target - 1e-9 else MISSED
        return f"{name} {_share_beside(share, target)}: {verdict}"

    *parts, pooled = PUBLIC_HEALTH
    each = ", ".join(against(str(row["Corpus"]), row) for row in parts)
    together = against(f"all {int(pooled['Questions']):,} together (each once)", pooled)
    return f"Against the {pct(target, 0)} target, questions held back: {each}; {together}."


def _figures_table(title: str, view: pd.DataFrame, caption: str) -> None:
    """A bold title, a table of figures written out (aligned right) and its caption."""
    st.markdown(title)
    st.dataframe(view, hide_index=True, column_config=_figures_right(view))
    st.caption(caption)


def public_corpora_note() -> None:
    """The model measured on real people's requests to assistants and on their health
    questions, from public corpora."""
    _figures_table(
        "**On public requests to assistants** (not held by the project)", public_corpora_view(),
        "Real people's requests in English, each intent mapped by hand to a topic or to no ad "
        "topic (intents that fit two topics left out). None is about a sensitive topic, so every "
        "request held back is a wrong hold. The corpora's requests are mostly short commands "
        "(\"pay my bill\", \"set a timer\"), unlike the chats this model was written for. "
        "Requests with an ad topic held back are counted as the sealed sets count everyday chats "
        "held back. " + held_back_sentence())
    _figures_table(
        "**On public health questions** (not held by the project)", public_health_view(),
        "Real people's health questions to the US National Library of Medicine (long, often "
        "with a subject line), and short questions about common diseases (a set named Alexa); "
        "US English only. Every one is about health, one of Meta's seven sensitive topics, so "
        "every one should be held back. " + caught_sentence() + " Most of the missed ones "
        "were read as no ad topic. The other six sensitive topics are not measured by these "
        "corpora.")


def text_model_section(report: tm.TextReport, threshold: float | None = None) -> None:
    """The per-language table and the trade-off chart (`threshold`: the one in force, marked
    on the chart; the model's chosen one when None)."""
    st.markdown("**By language and by set of messages**")
    views = language_views(report)
    if not views:
        st.info("No labelled messages to measure the chat model on.")
    else:
        for tab, (_, about, view) in zip(st.tabs([name for name, _, _ in views]), views,
                                         strict=True):
            with tab:
                st.caption(f"{about}.")
                st.dataframe(view, hide_index=True, height="content",
                             column_config=_figures_right(view))
        st.caption("Each figure is the model's guess checked against a person's label. "
                   "Look-alike chats use a sensitive-sounding word in another sense "
                   "(\"the Saints score\"); they are counted apart from everyday chats. "
                   "The hand-written validation set was looked at while the model was tuned, "
                   "so its figures flatter the model; the sealed test sets were not, and are "
                   "the ones to quote. The first sealed set has been read for ten model "
                   "versions (v5 to v16); the second, written later by another author, for "
                   "eight (v7 and v10 to v16); the third, written after that by another "
                   "author, four times (v13, v14 and v16, measured and not adopted, and v15); "
                   "the fourth, written after that by another author, three times (v13, v15 "
                   "and v16); the fifth, written after that by another author with 120 more "
                   "consumer health questions, three times (v13 and v15, the reads that "
                   "adopted v15, and v16); the sixth, "
                   "written after that by another author with twice the fifth's look-alikes, "
                   "twice (v15 and v16, measured and not adopted), and is the freshest.")
        targets = sealed_targets_table(report)
        if not targets.empty:
            st.markdown("**The targets on the sealed test sets**, written apart from the "
                        "model's text: read to report, never used to tune")
            st.dataframe(targets, hide_index=True)
            st.caption("Targets for chats real people write. \"Gap to English\" is how far "
                       "the weakest other language's everyday topic read right falls below "
                       "English's, in percentage points. A sealed set is read once per "
                       "model version and never used to choose the threshold or any other "
                       "setting, so a target missed there is missed, not tuned away.")
    public_corpora_note()
    if report.tradeoff is None or report.tradeoff.empty:
        return
    chosen = report.threshold
    name = tm.SET_HANDWRITTEN if tm.VALIDATION_CSV.exists() else tm.SET_GENERATED
    fig = tradeoff_chart({name: report.tradeoff}, chosen if threshold is None else threshold,
                         chosen)
    show(fig, "Moving the threshold trades sensitive chats used for ads against everyday "
              "chats held back: read both lines at the marked threshold.",
         "No trade-off to show.", key="method_text_tradeoff")

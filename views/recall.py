"""Recall timelines: the "it's listening" moments (a conversation, then an ad on the topic), what
the person had already seen, what explains each, and the microphone test next to what a
listening world would have looked like (an explicitly labelled counterfactual)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from adlens import recall
from adlens.labels import topic as topic_name
from components import charts, data, frames
from components.colors import EVENT_LABELS, signal_label
from components.fmt import md_escape, pct, pp
from components.kpi import Kpi, kpi_row
from components.method_recall import (
    LISTENING_RATE,
    excess_caption,
    listening_preview,
    mic_profile_chart,
    mic_result_kpis,
    simulated_note,
)
from components.page import nothing_to_show, run_page, section
from components.scenario_controls import current_memory_params, current_scenario, open_person

K_LABEL = "recall_label"
K_CHOSEN = "recall_coincidence"
MAX_CHOICES = 300
# The story's case first: an ad seen before the conversation and most likely forgotten.
LABEL_ORDER = (recall.FORGOTTEN, *(lbl for lbl in recall.LABELS if lbl != recall.FORGOTTEN))


def headline(rec) -> None:
    co = rec.coincidences
    prior = float((co["n_prior_exposures"] > 0).mean()) if len(co) else float("nan")
    ex = rec.excess.set_index("flag").loc["forgotten"] if len(rec.excess) else None
    excess = None if ex is None else ex["excess"]
    interval = ("" if ex is None or pd.isna(ex["ci_low"]) else
                f" 95% interval {pct(ex['ci_low'], signed=True)} to "
                f"{pct(ex['ci_high'], signed=True)}.")
    kpi_row([
        Kpi("'It's listening' moments", f"{len(co):,}",
            help="A conversation about a topic (reported offline, or a chat with Meta AI) "
                 f"followed within {rec.window_hours:g} hours by an ad on that topic the "
                 "person noticed."),
        Kpi("Had seen an ad on it before", pct(prior),
            help=f"Share with an ad on the topic in the {rec.lookback_days:g} days before the "
                 "conversation."),
        Kpi("Earlier ad likely forgotten, beyond chance", pp(excess),
            help="Moments with an earlier exposure likely forgotten, minus the same share at "
                 "placebo moments (the same people and topics when they did not talk about "
                 "it): the part chance does not explain." + interval),
        Kpi("Microphone test", rec.mic.verdict,
            help="Ads after minus before each conversation, against the same at placebo "
                 "times. See below and on the Method page."),
    ])
    caption = excess_caption(rec)
    if caption:
        st.caption(md_escape(caption))


def coincidence_picker(rec, dataset) -> tuple[pd.Series | None, list]:
    """The chosen coincidence, and the ids of every coincidence the label filter shows."""
    present = set(co_labels := rec.coincidences["label"])
    shown_labels = [lbl for lbl in LABEL_ORDER if lbl in present]  # not `labels`: the module
    shown_labels += sorted(present - set(shown_labels))
    order = {lbl: i for i, lbl in enumerate(shown_labels)}
    co = rec.coincidences.iloc[co_labels.map(order).argsort(kind="stable")]
    label = st.segmented_control("Show", ["all", *shown_labels], key=K_LABEL, default="all",
                                 format_func=lambda v: "All" if v == "all" else v)
    shown = co if label in (None, "all") else co[co["label"] == label]
    if shown.empty:
        nothing_to_show("No coincidence has this label.")
        return None, []
    every = shown["coincidence_id"].tolist()
    shown = shown.head(MAX_CHOICES)
    ids = shown["coincidence_id"].tolist()
    by_id = shown.set_index("coincidence_id")

    def describe(cid: int) -> str:
        row = by_id.loc[cid]
        kind = EVENT_LABELS.get(str(row["kind"]), str(row["kind"]))
        return (f"{row['user_id']} · {kind} about {topic_name(row['topic']).lower()} on "
                f"{row['conversation_ts']:%d %b %H:%M} · {row['label']}")

    if st.session_state.get(K_CHOSEN) not in ids:
        st.session_state[K_CHOSEN] = ids[0]
    cid = st.selectbox(f"Coincidence ({len(shown):,} shown"
                       + (f" of {len(co):,})" if len(co) > len(shown) else ")"),
                       ids, key=K_CHOSEN, format_func=describe)
    return by_id.loc[cid].rename(cid), every


def timeline(rec, dataset, chosen: pd.Series, every: list) -> None:
    prior = rec.prior_exposures
    exposures = prior[prior["coincidence_id"] == chosen.name]
    titles = dataset.ads.drop_duplicates("ad_id").set_index("ad_id")["title"]
    exposures = exposures.assign(title=exposures["ad_id"].map(titles).fillna(""))
    events = dataset.events
    said = events.loc[events["event_id"] == chosen["conversation_event_id"], "text"]
    said_text = (str(said.iloc[0]) if len(said) and str(said.iloc[0])
                 else topic_name(chosen["topic"]))
    ad_title = str(titles.get(chosen["ad_id"], chosen["ad_id"]))
    lookback = rec.lookback_days * 24
    spread = frames.exposure_spread(prior, every, lookback, threshold=rec.recall_threshold)
    # Impressions are recorded 1 in N in a thinned dataset: one person's timeline is sparse,
    # so the panel below shows the earlier ads of every moment the filter shows.
    thin = (getattr(dataset, "meta", None) or {}).get("impression_thinning")
    thin_note = (f" This dataset records 1 in {int(thin):,} ad impressions, so one person's "
                 "line holds few of the ads they saw." if thin and int(thin) > 1 else "")
    n_with = int(spread[["remembered", "forgotten"]].to_numpy().sum())
    caption = (("Top: this moment, in hours from the conversation; circles are ads on the "
                "topic seen before it, sized by how long they were on screen, with the chance "
                "each is still remembered. " if len(exposures) else
                f"Top: no ad on this topic was recorded for this person in the "
                f"{rec.lookback_days:g} days before the conversation, only the conversation "
                "and the ad after it. ")
               + (f"Bottom: the {n_with:,} earlier ads of all {len(every):,} moments shown, "
                  "by how long before the conversation they came." if n_with else "")
               + thin_note)
    charts.show(charts.recall_timeline_chart(exposures, chosen["conversation_ts"], said_text,
                                             chosen["ad_ts"], ad_title, lookback_hours=lookback,
                                             threshold=rec.recall_threshold, spread=spread),
                caption, "", key="recall_timeline")
    st.markdown(f"**What was said:** {md_escape(said_text)}  \n"
                f"**The ad after:** {md_escape(ad_title)} "
                f"({chosen['hours_to_ad']:.1f} hours later)  \n"
                f"**Label:** {chosen['label']} · explained by: "
                + (", ".join(signal_label(s) for s in chosen["explained_by"]) or "nothing")
                + f" · chance any earlier ad is remembered: {pct(chosen['p_recall_any'])}"
                f" · unconscious nudge towards the topic (priming): "
                f"{pct(chosen['priming'])}")
    moment = data.coincidence_moment(chosen)
    st.button("Open this person in “Why this ad”, as of this moment",
              icon=":material/person_search:", key="open_person", on_click=open_person,
              args=(str(chosen["user_id"]), moment, True))


def microphone(rec, dataset) -> None:
    st.subheader("Is the phone listening? The microphone test")
    st.caption("The microphone is never a signal. The test asks whether ads on a topic pile up "
               "after people talk about it, beyond what comes before the talk and beyond "
               "random times with no talk. On the right, a counterfactual: these same data if "
               f"every conversation had triggered {LISTENING_RATE:g} ads.")
    preview, preview_result = listening_preview(dataset, rec)
    profile = mic_profile_chart(rec.mic_profile, title="These data")
    left, right = st.columns(2)
    with left:
        charts.show(profile,
                    "Solid: around real conversations. Dotted: placebo times. Listening would "
                    "lift the solid line right after zero.",
                    "No conversation has its whole two days before and after in the data, so "
                    "there is nothing to compare.", key="mic_profile")
    with right:
        charts.show(mic_profile_chart(preview, counterfactual=True,
                                      title="If the phone listened (counterfactual)"),
                    "The same people and conversations with listening ads added: the spike "
                    "right after zero is what the test looks for.",
                    "With no conversation to test there is no listening world to build.",
                    key="mic_listening_profile")
    if profile is not None:  # else show() has said why there is no test
        mic_result_kpis(rec.mic)
    if preview_result.get("verdict"):
        st.caption(f"In the counterfactual listening world the test says: "
                   f"“{preview_result['verdict']}” (excess {preview_result['statistic']:+.3f} "
                   "ads per conversation).")
    simulated_note(rec)
    st.page_link("views/method.py", label="How the test works, how often it is right, and how "
                 "sensitive these figures are (Method page, 'Recall and the microphone')",
                 icon=":material/science:")
    for note in rec.notes if pd.notna(rec.mic.statistic) else []:  # else: said above
        st.caption(md_escape(note))


def aggregates(rec) -> None:
    st.subheader("What explains them, by region")
    charts.show(charts.label_shares_chart(rec.aggregates["labels"]),
                f"Teal: {recall.FORGOTTEN} — Instagram's explanation. Part of it is chance: "
                "see the figure beyond chance above.",
                "There are no coincidences to explain.", key="labels_by_region")
    st.subheader("AI-chat signal on vs off")
    switch = rec.aggregates["ai_chat_switch"]
    charts.show(charts.ai_switch_chart(switch[switch["region"] == "All"]),
                "With the AI-chat signal off, moments the chat itself explained move to other "
                "labels: what people tell Meta AI can feel like being overheard.",
                "There are no coincidences to compare.", key="ai_switch")


def main() -> None:
    st.title("Recall timelines")
    st.caption("“We talked about it and then saw an ad”: here are such moments, and what the "
               "person had already seen before they talked.")
    dataset = data.current_dataset()
    rec = data.recall_result(dataset, current_scenario(), current_memory_params())
    headline(rec)
    if rec.coincidences.empty:
        nothing_to_show("This dataset has no conversation followed by a noticed ad on the same "
                        "topic, so there is no timeline to draw.")
    else:
        with section():
            chosen, every = coincidence_picker(rec, dataset)
            if chosen is not None:
                timeline(rec, dataset, chosen, every)
    with section():
        microphone(rec, dataset)
    if not rec.coincidences.empty:
        with section():
            aggregates(rec)


run_page(main)

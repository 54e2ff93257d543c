"""Recall timelines: the "it's listening" moments (a conversation, then an ad on the topic), what
the person had already seen, what explains each, and what the data would look like if ads
came from a microphone (an explicitly labelled counterfactual)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from adlens import labels
from components import charts, data
from components.colors import EVENT_LABELS, signal_label
from components.fmt import md_escape, pct
from components.kpi import Kpi, kpi_row
from components.page import nothing_to_show, run_page, section
from components.scenario_controls import current_memory_params, current_scenario, open_person

K_LABEL = "recall_label"
K_CHOSEN = "recall_coincidence"
MAX_CHOICES = 300
FORGOTTEN = "seen before and forgotten"
LABEL_ORDER = (FORGOTTEN, "seen before and remembered", "explained by the AI chat itself",
               "explained by other signals", "chance")


def headline(rec) -> None:
    co = rec.coincidences
    forgotten = float((co["label"] == FORGOTTEN).mean()) if len(co) else float("nan")
    prior = float((co["n_prior_exposures"] > 0).mean()) if len(co) else float("nan")
    lead = co["lead_hours"].median() if len(co) else float("nan")
    kpi_row([
        Kpi("'It's listening' moments", f"{len(co):,}",
            help="A conversation about a topic (reported offline, or a chat with Meta AI) "
                 f"followed within {rec.window_hours:g} hours by an ad on that topic the "
                 "person noticed."),
        Kpi("Had seen an ad on it before", pct(prior),
            help=f"Share with an ad on the topic in the {rec.lookback_days:g} days before the "
                 "conversation."),
        Kpi("…and most likely forgot it", pct(forgotten),
            help="Share labelled 'seen before and forgotten': an exposure long enough to be "
                 "encoded, but unlikely to be recalled at the conversation."),
        Kpi("Typical time from the last ad seen to the conversation",
            "—" if pd.isna(lead) else f"{lead / 24:.1f} days",
            help="Median, over the moments with an earlier ad on the topic."),
    ])


def coincidence_picker(rec, dataset) -> pd.Series | None:
    present = set(co_labels := rec.coincidences["label"])
    labels = [lbl for lbl in LABEL_ORDER if lbl in present]
    labels += sorted(present - set(labels))
    # The story's case first: an ad seen before the conversation and most likely forgotten.
    order = {lbl: i for i, lbl in enumerate(labels)}
    co = rec.coincidences.iloc[co_labels.map(order).argsort(kind="stable")]
    label = st.segmented_control("Show", ["all", *labels], key=K_LABEL, default="all",
                                 format_func=lambda v: "All" if v == "all" else v)
    shown = co if label in (None, "all") else co[co["label"] == label]
    if shown.empty:
        nothing_to_show("No coincidence has this label.")
        return None
    shown = shown.head(MAX_CHOICES)
    ids = shown["coincidence_id"].tolist()
    by_id = shown.set_index("coincidence_id")

    def describe(cid: int) -> str:
        row = by_id.loc[cid]
        kind = EVENT_LABELS.get(str(row["kind"]), str(row["kind"]))
        return (f"{row['user_id']} · {kind} about {labels.topic(row['topic']).lower()} on "
                f"{row['conversation_ts']:%d %b %H:%M} · {row['label']}")

    if st.session_state.get(K_CHOSEN) not in ids:
        st.session_state[K_CHOSEN] = ids[0]
    cid = st.selectbox(f"Coincidence ({len(shown):,} shown"
                       + (f" of {len(co):,})" if len(co) > len(shown) else ")"),
                       ids, key=K_CHOSEN, format_func=describe)
    return by_id.loc[cid].rename(cid)


def timeline(rec, dataset, chosen: pd.Series) -> None:
    prior = rec.prior_exposures
    exposures = prior[prior["coincidence_id"] == chosen.name]
    titles = dataset.ads.drop_duplicates("ad_id").set_index("ad_id")["title"]
    exposures = exposures.assign(title=exposures["ad_id"].map(titles).fillna(""))
    events = dataset.events
    said = events.loc[events["event_id"] == chosen["conversation_event_id"], "text"]
    said_text = (str(said.iloc[0]) if len(said) and str(said.iloc[0])
                 else labels.topic(chosen["topic"]))
    ad_title = str(titles.get(chosen["ad_id"], chosen["ad_id"]))
    caption = ("Circles: ads on the topic seen before the conversation, sized by how long "
               "they were on screen and coloured by the chance they are still remembered."
               if len(exposures) else
               f"No ad on this topic was shown to this person in the {rec.lookback_days:g} "
               "days before the conversation: only the conversation and the ad after it.")
    charts.show(charts.recall_timeline_chart(exposures, chosen["conversation_ts"], said_text,
                                             chosen["ad_ts"], ad_title),
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


def microphone(rec) -> None:
    st.subheader("If ads came from a microphone (counterfactual)")
    st.caption("The microphone is never a signal. This chart only asks what the data would "
               "look like if ads were triggered by listening: ads on the topic would pile up "
               "after the conversation, not before.")
    study = charts.event_study_chart(rec.event_study)
    charts.show(study,
                "Solid: the observed data. Dashed: the same people if a microphone triggered "
                "the ads. Look at the days before zero.",
                "No reported conversation has the full 14 days before and 7 days after it in "
                "the data, so the event study cannot be drawn.", key="event_study")
    stat = rec.statistic
    value, low, high = stat.get("value"), stat.get("ci_low"), stat.get("ci_high")
    if value is not None and not pd.isna(value):
        interval = ("" if low is None or pd.isna(low)
                    else f" (95% interval {low * 100:+.1f} to {high * 100:+.1f} points)")
        st.metric("Share of topic ads before the conversation: observed minus microphone world",
                  f"{value * 100:+.1f} points", help=stat.get("meaning"))
        st.caption(f"{stat.get('n_conversations', 0):,} conversations{interval}. "
                   + md_escape(stat.get("meaning", "")))
    for note in rec.notes if study is not None else []:  # no chart: show() said why
        st.caption(md_escape(note))


def aggregates(rec) -> None:
    st.subheader("What explains them, by region")
    charts.show(charts.label_shares_chart(rec.aggregates["labels"]),
                "Teal: the person had seen an ad on the topic before and most likely forgot "
                "it — Instagram's explanation.",
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
            chosen = coincidence_picker(rec, dataset)
            if chosen is not None:
                timeline(rec, dataset, chosen)
    with section():
        microphone(rec)
    if not rec.coincidences.empty:
        with section():
            aggregates(rec)


run_page(main)

"""Why this ad: one person's top ads per app, each ad's score built up signal by signal, their
events on a timeline, and the events the rules kept out, with the reason."""

from __future__ import annotations

import streamlit as st

from adlens import schema
from components import charts, data, frames
from components.colors import REASON_LABELS
from components.fmt import md_escape
from components.page import run_page, section
from components.scenario_controls import (
    K_PERSON,
    K_PERSON_INPUT,
    current_memory_params,
    current_scenario,
    open_person,
)

PICKS = {"us_chatter": "A US chatter", "eu": "Someone in the EU",
         "coincidence": "A coincidence"}
WATERFALLS_PER_APP = 3


@st.cache_data(max_entries=32, show_spinner=False)
def _interesting_people(dataset_id: str, scenario, _dataset, _recommendations) -> dict:
    """Ids for the quick picks: the US person with the largest AI-chat contribution, an EU
    person who chats with Meta AI, in a stable order."""
    users = _dataset.users.assign(region=frames.regions(_dataset.users["country"]))
    recs = _recommendations
    picks: dict[str, str] = {}
    chats = _dataset.events.loc[_dataset.events["event_type"] == "ai_chat", "user_id"]
    chat_counts = chats.value_counts()
    if "contrib_ai_chat" in recs and len(recs):
        ai = recs.groupby("user_id")["contrib_ai_chat"].sum()
        us = ai[ai.index.isin(users.loc[users["region"] == "US", "user_id"])]
        if len(us) and us.max() > 0:
            picks["us_chatter"] = str(us.idxmax())
    if "us_chatter" not in picks:
        us_chatters = chat_counts[chat_counts.index.isin(
            users.loc[users["region"] == "US", "user_id"])]
        if len(us_chatters):
            picks["us_chatter"] = str(us_chatters.index[0])
    eu_chatters = chat_counts[chat_counts.index.isin(users.loc[users["region"] == "EU",
                                                                "user_id"])]
    if len(eu_chatters):
        picks["eu"] = str(eu_chatters.index[0])
    elif (users["region"] == "EU").any():
        picks["eu"] = str(users.loc[users["region"] == "EU", "user_id"].iloc[0])
    return picks


def _typed() -> None:
    st.session_state[K_PERSON] = st.session_state.get(K_PERSON_INPUT, "").strip()


def person_controls(dataset, result) -> str | None:
    """Find a person by id, or pick an interesting one; returns the person shown."""
    state = st.session_state
    picks = _interesting_people(dataset.dataset_id, result.scenario, dataset,
                                result.recommendations)
    if K_PERSON_INPUT not in state:
        state[K_PERSON_INPUT] = state.get(K_PERSON, "")
    cols = st.columns([2, 3])
    cols[0].text_input("Person id", key=K_PERSON_INPUT, on_change=_typed,
                       placeholder="e.g. u000001")
    with cols[1]:
        st.caption("Or pick someone")
        buttons = st.columns(len(PICKS))
        for col, (kind, label) in zip(buttons, PICKS.items(), strict=True):
            if kind == "coincidence":
                person = data.coincidence_person(dataset, result.scenario,
                                                 current_memory_params())
            else:
                person = picks.get(kind)
            col.button(label, key=f"pick_{kind}", on_click=open_person, args=(person or "",),
                       disabled=not person, width="stretch",
                       help=None if person else "No such person in this dataset.")
    person = (state.get(K_PERSON) or "").strip()
    if person and not (dataset.users["user_id"] == person).any():
        st.warning(f"There is no person with id “{md_escape(person)}” in this dataset; "
                   "showing an example instead.")
        person = ""
    if not person:
        person = picks.get("us_chatter") or (str(dataset.users["user_id"].iloc[0])
                                             if dataset.n_users else "")
    return person or None


def profile(dataset, person: str) -> None:
    row = dataset.users.loc[dataset.users["user_id"] == person].iloc[0]
    region = schema.region_of(str(row["country"]))
    linked = str(row["linked_apps"])
    st.markdown(
        f"**{md_escape(person)}** · {md_escape(row['country'])} ({region}) · age "
        f"{md_escape(row['age_band'])} · "
        + ("uses Meta AI" if bool(row["uses_meta_ai"]) else "does not use Meta AI")
        + " · linked in Accounts Center: "
        + (md_escape(app_names(linked)) if linked.strip("|") else "no apps linked"))


@st.cache_resource(max_entries=16, show_spinner=False)
def _waterfalls(dataset_id: str, scenario, person: str, _mine) -> dict:
    # Building a Plotly figure takes ~30 ms, twelve per person: built once per person and
    # scenario; st.plotly_chart only reads a figure, so a shared object serves every rerun.
    return {(app, int(ad["rank"])): charts.waterfall_chart(
        ad, f"#{int(ad['rank'])} {charts.plot_text(ad['title'], 48)}")
        for app, ads in _mine.groupby("app", observed=True, sort=False)
        for _, ad in ads.head(WATERFALLS_PER_APP).iterrows()}


def top_ads(dataset_id: str, result, person: str) -> None:
    recs = result.recommendations
    mine = recs[recs["user_id"] == person].sort_values(["app", "rank"])
    st.subheader("Top ads, and why")
    source = getattr(result, "weights_source", None)
    if source:
        st.caption(f"Signal weights: {md_escape(source)}")
    if mine.empty:
        st.info("No ads are ranked for this person in this scenario (no activity up to the "
                "as-of date).", icon=":material/info:")
        return
    apps = [a for a in schema.AD_APPS if a in set(mine["app"])]
    figures = _waterfalls(dataset_id, result.scenario, person, mine)
    tabs = st.tabs([schema.APP_LABELS.get(a, a) for a in apps])
    for tab, app in zip(tabs, apps, strict=True):
        with tab:
            ads = mine[mine["app"] == app]
            cols = st.columns(min(WATERFALLS_PER_APP, len(ads)))
            for col, (_, ad) in zip(cols, ads.head(WATERFALLS_PER_APP).iterrows(),
                                    strict=False):
                with col:
                    charts.show(figures[(app, int(ad["rank"]))],
                                f"{md_escape(ad['advertiser'])} · topic "
                                f"{md_escape(ad['topic'])}: baseline plus each signal's "
                                "contribution equals the score.", "", key=f"wf_{app}_{ad['rank']}")
            table = ads[["rank", "title", "advertiser", "topic", "score"]]
            st.dataframe(table, hide_index=True)


def timeline(dataset, scenario, person: str) -> None:
    events = dataset.events[dataset.events["user_id"] == person]
    st.subheader("Their events")
    charts.show(charts.person_timeline_chart(events, scenario.policy_start),
                "Each dot is one event; hover for the topic and text. Chats left of the dashed "
                "line do not count for ads.",
                "This person has no events in the data.", key="person_timeline")


def app_names(apps: str) -> str:
    """'facebook|whatsapp' -> 'Facebook, WhatsApp'; empty -> 'every app' (an exclusion with
    no app list keeps the event out of every app)."""
    names = [schema.APP_LABELS.get(a, a) for a in apps.split("|") if a]
    return ", ".join(names) if names else "every app"


def excluded(result, person: str) -> None:
    st.subheader("Events the rules kept out")
    ex = result.exclusions
    mine = ex[ex["user_id"] == person]
    if mine.empty:
        st.info("No event of this person was kept out by the rules in this scenario.",
                icon=":material/info:")
        return
    shown = mine.assign(reason=mine["reason"].map(REASON_LABELS).fillna(mine["reason"]))
    if "blocked_apps" in shown:
        # A chat kept out of some apps only still counts in the others: say which.
        shown["kept out of"] = shown["blocked_apps"].astype(str).map(app_names)
    cols = [c for c in ("ts", "event_type", "app", "topic", "reason", "kept out of")
            if c in shown]
    st.dataframe(shown[cols].sort_values("ts"), hide_index=True)
    counts = mine["reason"].value_counts()
    st.caption(" · ".join(f"{REASON_LABELS.get(r, r)}: {n}" for r, n in counts.items()))


def main() -> None:
    st.title("Why this ad")
    dataset = data.current_dataset()
    scenario = current_scenario()
    result = data.scenario_result(dataset, scenario)
    person = person_controls(dataset, result)
    if person is None:
        st.info("This dataset has no people.", icon=":material/info:")
        return
    profile(dataset, person)
    with section():
        top_ads(dataset.dataset_id, result, person)
    with section():
        timeline(dataset, scenario, person)
    with section():
        excluded(result, person)


run_page(main)


"""Why this ad: one person's top ads per app, each ad's chance of a click built up signal by
signal, their ads under the announced policy beside the current scenario, their events on a
timeline, and the events the rules kept out, with the reason."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from adlens import labels, schema
from components import charts, data, frames, threshold
from components.colors import REASON_LABELS, REASON_SHORT
from components.fmt import md_escape
from components.page import run_page, section
from components.scenario_controls import (
    K_MOMENT,
    K_PERSON,
    K_PERSON_INPUT,
    announced_base,
    current_memory_params,
    current_scenario,
    open_person,
)

PICKS = {"typical": "A typical US chatter", "strongest": "The strongest AI-chat case",
         "eu": "Someone in the EU", "coincidence": "A coincidence"}
PICK_HELP = {
    "typical": "A US person who chats with Meta AI and whose AI-chat part of their ads' "
               "scores is the median among such people: what the signal usually does.",
    "strongest": "The US person whose ads lean most on their AI chats: the extreme case, "
                 "not the usual one.",
    "eu": "A person in the EU who chats with Meta AI: the signal is not used there.",
    "coincidence": "A person with an 'it's listening' moment, shown as of that moment.",
}
WATERFALLS_PER_APP = 3


@st.cache_data(max_entries=8, show_spinner=False)
def _interesting_people(dataset_id: str, base, _dataset, _recommendations) -> dict:
    """Ids for the quick picks, from the announced policy so they never change with a rule
    switch: the typical and the strongest US chatter (median and largest AI-chat part of
    their ads' positive contributions), and an EU person who chats with Meta AI."""
    return frames.interesting_people(_dataset.users, _dataset.events, _recommendations)


@st.cache_data(max_entries=8, show_spinner=False)
def _coincidence_case(dataset_id: str, base, params, _dataset) -> dict | None:
    # The quick pick's moment: a small dict, found once per dataset and memory assumptions
    # rather than on every rerun of this page.
    return data.coincidence_case(_dataset, base, params)


def _typed() -> None:
    open_person(st.session_state.get(K_PERSON_INPUT, "").strip())


def person_controls(dataset, base_result) -> str | None:
    """Find a person by id, or pick an interesting one; returns the person shown. The person
    stays chosen (pinned) whatever the rules, until another is chosen."""
    state = st.session_state
    picks = _interesting_people(dataset.dataset_id, base_result.scenario, dataset,
                                base_result.recommendations)
    if not state.get(K_PERSON):
        default = picks.get("typical") or (str(dataset.users["user_id"].iloc[0])
                                           if dataset.n_users else "")
        if default:
            open_person(default)
    if K_PERSON_INPUT not in state:
        state[K_PERSON_INPUT] = state.get(K_PERSON, "")
    cols = st.columns([2, 5])
    cols[0].text_input("Person id", key=K_PERSON_INPUT, on_change=_typed,
                       placeholder="e.g. u000001",
                       help="The person stays chosen when you switch rules, so you can compare "
                            "their ads with and without a rule.")
    with cols[1]:
        st.caption("Or pick someone")
        buttons = st.columns(len(PICKS))
        for col, (kind, label) in zip(buttons, PICKS.items(), strict=True):
            moment = None
            if kind == "coincidence":
                found = _coincidence_case(dataset.dataset_id, base_result.scenario,
                                          current_memory_params(), dataset)
                person, moment = (found["person"], found) if found else (None, None)
            else:
                person = picks.get(kind)
            col.button(label, key=f"pick_{kind}", on_click=open_person,
                       args=(person or "", moment), disabled=not person, width="stretch",
                       help=PICK_HELP[kind] if person else "No such person in this dataset.")
    person = (state.get(K_PERSON) or "").strip()
    if person and not (dataset.users["user_id"] == person).any():
        st.warning(f"There is no person with id “{md_escape(person)}” in this dataset; "
                   "showing an example instead.")
        person = picks.get("typical") or ""
    return person or None


def profile(dataset, person: str, picks: dict) -> None:
    row = dataset.users.loc[dataset.users["user_id"] == person].iloc[0]
    region = schema.region_of(str(row["country"]))
    linked = str(row["linked_apps"])
    tag = {picks.get("typical"): " · *the typical US chatter*",
           picks.get("strongest"): " · *the strongest AI-chat case, not a typical one*"}
    st.markdown(
        f"**{md_escape(person)}**{tag.get(person, '')} · {md_escape(row['country'])} "
        f"({labels.region(region)}) · age {md_escape(row['age_band'])} · "
        + ("uses Meta AI" if bool(row["uses_meta_ai"]) else "does not use Meta AI")
        + " · linked in Accounts Center: "
        + (md_escape(labels.app_list(linked)) if linked.strip("|") else "no apps linked"))


def _moment(person: str) -> dict | None:
    moment = st.session_state.get(K_MOMENT)
    return moment if moment and moment.get("person") == person else None


def person_ads(dataset, scenario, result, person: str, moment: dict | None) -> pd.DataFrame:
    """The person's top ads under `scenario`: as of the moment when one is set, else the
    scenario's ranking."""
    if moment:
        return data.top_ads_at(dataset, scenario, person, pd.Timestamp(moment["ts"]),
                               moment.get("ad_id")).sort_values(["app", "rank"])
    return _scenario_ads(dataset.dataset_id, scenario, person, result)


@st.cache_resource(max_entries=64, show_spinner=False)
def _scenario_ads(dataset_id: str, scenario, person: str, _result) -> pd.DataFrame:
    # Picking one person's rows out of everyone's ranking costs more than the page's other
    # work; the few rows are kept per person and scenario (read-only, shared).
    recs = _result.recommendations
    return recs[recs["user_id"] == person].sort_values(["app", "rank"])


@st.cache_resource(max_entries=16, show_spinner=False)
def _waterfalls(dataset_id: str, scenario, person: str, moment: str, _mine) -> dict:
    # Building a Plotly figure takes ~30 ms, twelve per person: built once per person and
    # scenario; st.plotly_chart only reads a figure, so a shared object serves every rerun.
    shown = _mine.groupby("app", observed=True, sort=False).head(WATERFALLS_PER_APP)
    x_max = charts.waterfall_extent(shown)  # one axis for all of this person's waterfalls
    contrib = shown[[c for c in shown.columns if c.startswith("contrib_")]].to_numpy()
    rows = int((abs(contrib) > 1e-12).sum(axis=1).max()) + 2 if len(shown) else 2
    return {(app, int(ad["rank"])): charts.waterfall_chart(ad, "", x_max=x_max, rows=rows)
        for app, ads in shown.groupby("app", observed=True, sort=False)
        for _, ad in ads.iterrows()}


def _ads_table(ads: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame({
        "Rank": ads["rank"].astype(int),
        "Ad": ads["title"].astype("str"),
        "Advertiser": ads["advertiser"].astype("str"),
        "Topic": ads["topic"].astype("str").map(labels.topic),
        "Chance of a click": [frames.chance_text(frames.chance(s)) for s in ads["score"]],
    })


@st.cache_resource(max_entries=64, show_spinner=False)
def _ads_tables(dataset_id: str, scenario, person: str, moment: str, _ads) -> dict:
    # The display table of one person's ads in each app, per scenario and moment: formatting
    # them was a large part of each rerun. Read-only and shared; st.dataframe only reads a
    # frame.
    ads_app = _ads["app"].astype("str")
    return {app: _ads_table(_ads[ads_app == app]) for app in ads_app.unique()}


def top_ads(dataset_id: str, scenario, mine: pd.DataFrame, person: str,
            moment: dict | None, weights_source: str | None) -> None:
    st.subheader("Top ads, and why")
    if weights_source:
        st.caption(f"Signal weights: {md_escape(weights_source)}")
    if mine.empty:
        st.info("No ads are ranked for this person in this scenario (no activity up to the "
                "as-of date).", icon=":material/info:")
        return
    apps = [a for a in schema.AD_APPS if a in set(mine["app"].astype("str"))]
    figures = _waterfalls(dataset_id, scenario, person, (moment or {}).get("ts", ""), mine)
    tables = _ads_tables(dataset_id, scenario, person, (moment or {}).get("ts", ""), mine)
    st.caption("Each bar is a chance of a click: the baseline every ad starts from, then what "
               "each signal adds (largest first), then the ad's score. All of this person's "
               "waterfalls share one axis; hover a bar for the exact log-odds.")
    tabs = st.tabs([labels.app(a) for a in apps])
    for tab, app in zip(tabs, apps, strict=True):
        with tab:
            ads = mine[mine["app"].astype("str") == app]
            cols = st.columns(WATERFALLS_PER_APP)
            for col, (_, ad) in zip(cols, ads.head(WATERFALLS_PER_APP).iterrows(),
                                    strict=False):
                with col:
                    st.markdown(f"**#{int(ad['rank'])} {md_escape(ad['title'])}**")
                    charts.show(figures[(app, int(ad["rank"]))],
                                f"{md_escape(ad['advertiser'])} · "
                                f"{md_escape(labels.topic(ad['topic']))}",
                                "", key=f"wf_{app}_{ad['rank']}")
            st.dataframe(tables[app], hide_index=True)
    exact = mine[["app", "rank", "ad_id", "title", "advertiser", "topic", "score", "baseline",
                  *[c for c in mine.columns if c.startswith("contrib_")]]]
    st.download_button("Download these ads with the exact log-odds (CSV)",
                       data=lambda: data.safe_csv(exact), file_name=f"{person}-top-ads.csv",
                       mime="text/csv", icon=":material/download:", key="dl_person_ads",
                       on_click="ignore")  # no rerun racing the deferred download


BEFORE, AFTER = "Under the announced policy", "Under this scenario"
CHANCE_BEFORE, CHANCE_AFTER = "Chance of a click, announced policy", "Chance of a click, scenario"
# Each ad's title may take two lines, so the two scenarios sit side by side in one table that
# fits a 1280 px window with the sidebar open, whatever the titles' length.
COMPARISON_ROW_PX = 66  # above 64 px Streamlit lets a cell's text wrap
COMPARISON_COLUMNS = {
    BEFORE: st.column_config.TextColumn(
        width=210, help="(gone): not among this person's top ads in that app under this "
                        "scenario."),
    CHANCE_BEFORE: st.column_config.TextColumn(
        "Chance", help="The ad's chance of a click under the announced policy."),
    AFTER: st.column_config.TextColumn(
        width=210, help="(new): not among this person's top ads in that app under the "
                        "announced policy."),
    CHANCE_AFTER: st.column_config.TextColumn(
        "Chance", help="The ad's chance of a click under this scenario."),
}


def comparison_table(before: pd.DataFrame, after: pd.DataFrame) -> pd.DataFrame:
    """One row per app and rank: the ad and its chance of a click under the announced policy
    (`before`) and under the scenario (`after`); an ad in one side's top ads of that app and
    not in the other's is marked new or gone; '' where a scenario ranks fewer ads."""
    def side(ads: pd.DataFrame, title: str, chance: str) -> pd.DataFrame:
        return pd.DataFrame({
            "app": ads["app"].astype("str").to_numpy(),
            "rank": ads["rank"].astype(int).to_numpy(),
            "ad_id": ads["ad_id"].astype("str").to_numpy(),
            title: ads["title"].astype("str").to_numpy(),
            chance: [frames.chance_text(frames.chance(s)) for s in ads["score"]]})

    old = side(before, BEFORE, CHANCE_BEFORE)
    new = side(after, AFTER, CHANCE_AFTER)
    for this, other, column, mark in ((new, old, AFTER, " (new)"), (old, new, BEFORE, " (gone)")):
        there = set(zip(other["app"], other["ad_id"], strict=True))
        missing = [(app, ad) not in there
                   for app, ad in zip(this["app"], this["ad_id"], strict=True)]
        this[column] = this[column].where(~pd.Series(missing, index=this.index),
                                          this[column] + mark)
    both = old.drop(columns="ad_id").merge(new.drop(columns="ad_id"), on=["app", "rank"],
                                           how="outer").fillna("")
    order = {app: i for i, app in enumerate(schema.AD_APPS)}
    both = both.sort_values(["app", "rank"], key=lambda c: c.map(order) if c.name == "app"
                            else c).reset_index(drop=True)
    return pd.DataFrame({"App": both["app"].map(labels.app), "Rank": both["rank"],
                         **{c: both[c] for c in (BEFORE, CHANCE_BEFORE, AFTER, CHANCE_AFTER)}})


def side_by_side(dataset, base, scenario, mine: pd.DataFrame, person: str,
                 moment: dict | None) -> None:
    """The person's top ads under the announced policy next to this scenario's."""
    if not scenario.differences():
        return
    st.subheader("Announced policy vs this scenario")
    base_result = data.scenario_result(dataset, base)
    before = person_ads(dataset, base, base_result, person, moment)
    # Every row in sight, so a new or gone ad is not scrolled out of view.
    st.dataframe(comparison_table(before, mine), hide_index=True, height="content",
                 row_height=COMPARISON_ROW_PX, column_config=COMPARISON_COLUMNS)
    after_keys = set(zip(mine["app"].astype("str"), mine["ad_id"].astype("str"), strict=True))
    before_keys = set(zip(before["app"].astype("str"), before["ad_id"].astype("str"),
                          strict=True))
    gone, new = len(before_keys - after_keys), len(after_keys - before_keys)
    st.caption(f"Same person, both rule sets: {new} of their top ads are new in this scenario "
               f"and {gone} of the announced policy's are gone."
               if gone or new else "Same person, both rule sets: their top ads do not change.")


@st.cache_resource(max_entries=32, show_spinner=False)
def _timeline_chart(dataset_id: str, policy_start, sensitive_list: str, person: str,
                    _dataset) -> object:
    # Per person, policy date and sensitive list (the parts of the scenario it shows), shared
    # read-only.
    events = _dataset.events[_dataset.events["user_id"] == person]
    events = threshold.with_guesses(_dataset, events, sensitive_list)
    return charts.person_timeline_chart(events, policy_start)


def timeline(dataset, scenario, person: str) -> None:
    st.subheader("Their events")
    charts.show(_timeline_chart(dataset.dataset_id, scenario.policy_start,
                                scenario.sensitive_list, person, dataset),
                "Each dot is one event; hover for the topic and text (a chat's topic is the "
                "model's guess, with its probability). Chats left of the dashed line do not "
                "count for ads.",
                "This person has no events in the data.", key="person_timeline")


REASON_HELP = "  \n".join(f"**{REASON_SHORT[r]}**: {REASON_LABELS[r]}." for r in REASON_SHORT)
# What the kept-out table shows per event, short enough for a 1280 px window with the sidebar
# open; what the chat model read from each chat sits in a second table below it.
EXCLUDED_COLUMNS = {
    labels.column("reason"): st.column_config.TextColumn(help=REASON_HELP),
    # Wide enough for three app names: the grid sizes a column from its first rows only, and a
    # longer list further down was cut (the other columns fit their contents at 1280 px).
    labels.column("blocked_apps"): st.column_config.TextColumn(
        help="The apps whose ads this event does not shape; the others may still use it.",
        width=230),
}
GUESS_COLUMNS = {
    labels.column("topic"): st.column_config.TextColumn(
        "Topic read from the chat", help="The chat model's guess of the chat's topic."),
    threshold.GUESS_NOTE: st.column_config.TextColumn(
        help="How likely the model finds its guess of the topic."),
    threshold.SENSITIVE_CHANCE: st.column_config.TextColumn(
        "Chance it is sensitive", help="The chat model's chance that the chat is about a "
                                       "sensitive topic of the list in force."),
    threshold.DATA_TOPIC: st.column_config.TextColumn(
        help="The topic the simulation wrote the chat about: the model never sees it."),
}


@st.cache_resource(max_entries=64, show_spinner=False)
def _excluded_view(dataset_id: str, scenario, person: str, _result, _dataset) -> tuple | None:
    # One person's kept-out events out of everyone's, formatted once per person and scenario
    # (read-only, shared): the table, the chats whose topic is the model's guess (None when
    # there are none) and the count per reason; None when nothing was kept out.
    ex = _result.exclusions
    mine = ex[ex["user_id"] == person]
    if mine.empty:
        return None
    shown = mine.sort_values("ts")
    table = labels.display_frame(shown[[c for c in ("ts", "event_type", "app", "topic")
                                        if c in shown]])
    table[labels.column("reason")] = shown["reason"].map(REASON_SHORT).fillna(
        shown["reason"]).to_numpy()
    if "blocked_apps" in shown:
        # A chat kept out of some apps only still counts in the others: say which.
        table[labels.column("blocked_apps")] = shown["blocked_apps"].astype(str).map(
            labels.ad_apps).to_numpy()
    # A chat's topic and its sensitivity are the model's guesses: say so, and how sure.
    guesses = threshold.guess_columns(_dataset, shown, scenario.sensitive_list)
    guessed = None
    if guesses:
        guessed = table[[c for c in (labels.column("ts"), labels.column("topic"))
                         if c in table]].assign(**guesses)
        guessed = guessed[guessed[threshold.GUESS_NOTE] != ""].reset_index(drop=True)
    return table.reset_index(drop=True), guessed, mine["reason"].value_counts()


def excluded(dataset, scenario, result, person: str) -> None:
    st.subheader("Events the rules kept out")
    view = _excluded_view(dataset.dataset_id, scenario, person, result, dataset)
    if view is None:
        st.info("No event of this person was kept out by the rules in this scenario.",
                icon=":material/info:")
        return
    table, guessed, counts = view
    st.dataframe(table, hide_index=True, column_config=EXCLUDED_COLUMNS)
    st.caption(" · ".join(f"{REASON_LABELS.get(r, r)}: {n}" for r, n in counts.items()))
    if guessed is not None and len(guessed):
        with st.expander(f"How the chat model read these chats ({len(guessed)} whose topic "
                         "is its guess)", icon=":material/psychology:"):
            st.dataframe(guessed, hide_index=True, column_config=GUESS_COLUMNS)
            st.caption("These chats carry no topic the rules can use: the chat model read it "
                       "from their text. Where the data knows the true topic (a simulation "
                       "does), it is shown beside the guess to check it.")


def main() -> None:
    st.title("Why this ad")
    dataset = data.current_dataset()
    scenario = current_scenario()
    base = announced_base(scenario)
    result = data.scenario_result(dataset, scenario)
    base_result = data.scenario_result(dataset, base)
    person = person_controls(dataset, base_result)
    if person is None:
        st.info("This dataset has no people.", icon=":material/info:")
        return
    profile(dataset, person, _interesting_people(dataset.dataset_id, base, dataset,
                                                 base_result.recommendations))
    moment = _moment(person)
    if moment:
        st.info(f"Their ads as of {md_escape(moment.get('what', 'that moment'))}: ranked with "
                "only what was known just before it, under the rules in the sidebar.",
                icon=":material/history:")
        st.button("Show their ads as of the view's day instead", key="drop_moment",
                  on_click=open_person, args=(person,))
    mine = person_ads(dataset, scenario, result, person, moment)
    with section():
        top_ads(dataset.dataset_id, scenario, mine, person, moment,
                getattr(result, "weights_source", None))
    with section():
        side_by_side(dataset, base, scenario, mine, person, moment)
    with section():
        timeline(dataset, scenario, person)
    with section():
        excluded(dataset, scenario, result, person)


run_page(main)

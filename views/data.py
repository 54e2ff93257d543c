"""Data: the contract a dataset meets, the loaded tables with filters, uploads and CSV downloads.

Every table is shown through st.dataframe (text escaped) and downloaded through the safe CSV export.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from adlens import labels, schema
from components import data, frames
from components.colors import EVENT_LABELS
from components.dataset_controls import upload_problems
from components.fmt import md_escape, pct
from components.kpi import Kpi, kpi_row
from components.page import run_page, section

SHOWN_ROWS = 1_000

EVENT_NEEDS = {
    "ai_chat": "a message to Meta AI (text or voice, any app or glasses) — text or topic",
    "like": "on-platform activity — topic", "follow": "on-platform activity — topic",
    "post": "on-platform activity — topic", "watch": "watching content — topic and dwell_ms",
    "friend_like": "a friend liked something (social signal) — topic",
    "site_visit": "the person visited an advertiser's site, shared by the advertiser — topic",
    "ad_impression": "an ad was shown in feed, Reels or Stories — ad_id and dwell_ms",
    "ad_click": "an ad was clicked — ad_id",
    "conversation": "an offline conversation the person reported — topic or text",
}


def contract_section() -> None:
    with st.expander("The data contract: what a dataset must contain", icon=":material/rule:"):
        st.markdown(
            "A dataset is three tables uploaded together — `users`, `ads` and `events` — each "
            "as `NAME.csv` or `NAME.parquet`. Extra columns are allowed and kept. Timestamps "
            "are ISO 8601 with a time zone (UTC if none is given). A file that breaks the "
            "contract is rejected with a message naming the file, the rows and the column; "
            "the data already loaded stays.")
        st.dataframe(pd.DataFrame(
            [(t, ", ".join(schema.REQUIRED_COLUMNS[t])) for t in schema.TABLES],
            columns=["File", "Required columns"]), hide_index=True)
        st.dataframe(pd.DataFrame(
            [(EVENT_LABELS.get(e, e), e, EVENT_NEEDS[e]) for e in schema.EVENT_TYPES],
            columns=["Event", "Written in the file as", "Meaning — needs"]), hide_index=True)
        st.caption("Countries: ISO 3166-1 alpha-2 codes. "
                   f"Age bands: {', '.join(schema.AGE_BANDS)}. "
                   f"Apps: {', '.join(schema.APPS)} (empty for conversations and site visits). "
                   f"Topics: {', '.join(schema.ALL_TOPICS)}.")


def _use_own_files() -> None:
    st.session_state[data.K_CHOICE] = "uploaded"


def summary_section(dataset) -> None:
    problems = upload_problems()
    if problems and st.session_state.get(data.K_CHOICE) == "uploaded":
        st.error(problems, icon=":material/error:")
    summary = data.summary(dataset)
    first = (summary.get("first_event") or "")[:10] or "—"
    last = (summary.get("last_event") or "")[:10] or "—"
    days = "—"
    if summary.get("first_event") and summary.get("last_event"):
        span = dt.date.fromisoformat(last) - dt.date.fromisoformat(first)
        days = f"{span.days + 1:,}"
    kpi_row([
        Kpi("People", f"{dataset.n_users:,}"),
        Kpi("Use Meta AI", pct(summary.get("uses_meta_ai_share"))),
        Kpi("Ads", f"{len(dataset.ads):,}"),
        Kpi("Events", f"{dataset.n_events:,}"),
        Kpi("Days covered", days, help=f"From {first} to {last} (UTC)."),
    ])
    st.caption(f"Source: {md_escape(dataset.source)} · {first} to {last} · dataset id "
               f"`{dataset.dataset_id}`"
               + (" · includes the simulation's true interests" if dataset.interests is not None
                  else ""))
    if st.session_state.get(data.K_CHOICE) != "uploaded":
        st.button("Analyse your own files", icon=":material/upload:", on_click=_use_own_files,
                  help="Opens the upload box in the sidebar: users, ads and events together.")


def download(frame: pd.DataFrame, name: str, key: str) -> None:
    """A download of the filtered table through the safe CSV export (built on click)."""
    st.download_button(f"Download {name} as CSV ({len(frame):,} rows)",
                       data=lambda: data.safe_csv(frame), file_name=f"{name}.csv",
                       mime="text/csv", key=key, icon=":material/download:",
                       # No rerun on click: a rerun racing the deferred download can
                       # replace the button before its file is fetched.
                       on_click="ignore")


def show_table(frame: pd.DataFrame, name: str) -> None:
    if frame.empty:
        st.info(f"No {name} match these filters.", icon=":material/filter_alt_off:")
        return
    st.dataframe(frame.head(SHOWN_ROWS), hide_index=True, height=360)
    if len(frame) > SHOWN_ROWS:
        st.caption(f"Showing the first {SHOWN_ROWS:,} of {len(frame):,} rows; the download has "
                   "them all.")
    download(frame, name, key=f"dl_{name}")


def users_tab(dataset) -> None:
    users = dataset.users.assign(region=frames.regions(dataset.users["country"]))
    cols = st.columns(2)
    chosen = cols[0].multiselect("Regions", schema.REGIONS, key="f_users_region",
                                 format_func=labels.region, placeholder="All regions")
    ai = cols[1].segmented_control("Meta AI use", ["Uses Meta AI", "Does not"],
                                   key="f_users_ai")
    if chosen:
        users = users[users["region"].isin(chosen)]
    if ai:
        users = users[users["uses_meta_ai"] == (ai == "Uses Meta AI")]
    show_table(users, "users")


def ads_tab(dataset) -> None:
    ads = dataset.ads
    topics = st.multiselect("Topics", sorted(pd.unique(ads["topic"].astype("str"))),
                            key="f_ads_topic", format_func=labels.topic,
                            placeholder="All topics")
    if topics:
        ads = ads[ads["topic"].isin(topics)]
    show_table(ads, "ads")


def events_tab(dataset) -> None:
    events = dataset.events
    cols = st.columns([2, 2, 1])
    types = cols[0].multiselect("Event types", schema.EVENT_TYPES, key="f_ev_type",
                                format_func=lambda e: EVENT_LABELS.get(e, e),
                                placeholder="All event types")
    apps = cols[1].multiselect("Apps", schema.APPS, key="f_ev_app",
                               format_func=lambda a: schema.APP_LABELS.get(a, a),
                               placeholder="All apps")
    person = cols[2].text_input("Person id", key="f_ev_user", placeholder="e.g. u000001")
    if len(events):
        first = events["ts"].min().date()
        last = events["ts"].max().date()
        last = max(last, first + dt.timedelta(days=1))  # a slider needs two distinct ends
        days = st.slider("Days", min_value=first, max_value=last, value=(first, last),
                         key=f"f_ev_days_{dataset.dataset_id}", format="YYYY-MM-DD")
        # ts is UTC (the contract): compare with the days' UTC bounds, not a date per event.
        start = pd.Timestamp(days[0], tz="UTC")
        end = pd.Timestamp(days[1], tz="UTC") + pd.Timedelta(days=1)
        events = events[(events["ts"] >= start) & (events["ts"] < end)]
    if types:
        events = events[events["event_type"].isin(types)]
    if apps:
        events = events[events["app"].isin(apps)]
    if person.strip():
        events = events[events["user_id"] == person.strip()]
    show_table(events, "events")


def main() -> None:
    st.title("Data")
    dataset = data.current_dataset()
    with section():
        summary_section(dataset)
    contract_section()
    users, ads, events = st.tabs(["People", "Ads", "Events"])
    with users, section():
        users_tab(dataset)
    with ads, section():
        ads_tab(dataset)
    with events, section():
        events_tab(dataset)


run_page(main)

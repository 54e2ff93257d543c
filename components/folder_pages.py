"""What each page shows when a dataset folder is in use: figures combined from the blocks'
results (adlens.block_cache), one person's ads from their block, and plain words where a page
needs the whole dataset in memory."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from adlens import block_cache, labels, schema
from adlens.scenario import Scenario
from components import charts, folder, frames
from components.colors import REASON_LABELS
from components.fmt import md_escape, pct
from components.kpi import Kpi, kpi_row
from components.page import nothing_to_show, section
from components.scenario_controls import announced_base

K_FOLDER_PERSON = "folder_person"
CLI = ("`python -m adlens blocks --data {folder}` scores and attributes everyone from the "
       "command line and can write every recommendation to Parquet (`--out DIR`).")


def _code(path: object) -> str:
    """A path inside a Markdown code span: shown as is (escapes would show), minus backticks."""
    return str(path).replace("`", "")


def _result_or_progress(cache: block_cache.FolderCache, scenario: Scenario, what: str
                        ) -> block_cache.FolderResult | None:
    got = folder.result(cache, scenario)
    if isinstance(got, folder.Job):
        if got.finished and got.error:
            st.error(f"The folder could not be worked through: {md_escape(got.error)}",
                     icon=":material/error:")
        else:
            folder.show_progress(got, what)
        return None
    return got


def _header(title: str, cache: block_cache.FolderCache) -> None:
    st.title(title)
    counts = cache.counts
    st.caption(f"Dataset folder {md_escape(str(cache.folder))} · {counts['people']:,} people · "
               f"{counts['ads']:,} ads · {counts['events']:,} events · worked through in "
               f"blocks of about {cache.block_people:,} people")
    st.caption(folder.storage_caption(cache))


def _kpis(result: block_cache.FolderResult, base: block_cache.FolderResult | None = None
          ) -> list[Kpi]:
    now = frames.headline_shares(result.signal_shares())
    then = frames.headline_shares(base.signal_shares()) if base is not None else None

    def delta(key: str) -> str | None:
        if then is None:
            return None
        return f"{(now[key] - then[key]) * 100:+.1f} points against the announced policy"

    return [
        Kpi("Ads with an AI-chat contribution", pct(now["ai_share"]), delta=delta("ai_share"),
            delta_color="off",
            help="Share of the recommended ads (top ads per person and app) whose score has a "
                 "positive contribution from the person's chats with Meta AI."),
        Kpi("AI chats the largest contributor", pct(now["ai_largest"]),
            delta=delta("ai_largest"), delta_color="off",
            help="Share of recommended ads whose biggest single contribution is the AI-chat "
                 "signal."),
        Kpi("People scored", f"{result.n_people:,}",
            help="Everyone in the folder, scored one block of people at a time."),
        Kpi("Recommended ads", f"{result.n_recommendations:,}",
            help=f"The top {result.top_k} ads per person and app."),
    ]


def _how(result: block_cache.FolderResult) -> str:
    return (f"The click model and the similar-people map were {result.population}. "
            f"Everyone was ranked and attributed under these rules in "
            f"{result.seconds.get('wall', 0):.0f} s over {result.n_blocks:,} blocks; the "
            "result is kept on disk, so these rules open at once next time.")


def overview(cache: block_cache.FolderCache, scenario: Scenario) -> None:
    _header("Overview", cache)
    result = _result_or_progress(cache, scenario, "Working through the folder")
    if result is None:
        return
    with section():
        kpi_row(_kpis(result))
        st.caption(_how(result) + " Figures that need every event in memory at once (the "
                   "next-week hit rate, AI chats' part over time) are not computed for a "
                   "folder.")
    left, right = st.columns([3, 2])
    with left, section():
        shares = frames.shares_matrix(result.signal_shares("region"), "region")
        shares.index = [labels.region(r) for r in shares.index]
        charts.show(charts.signal_shares_chart(shares, "Each signal's share of the ad "
                                                "scores, by region", "Region"),
                    "Where AI chats are not used, their share is zero.",
                    "No ad was recommended in this folder.", key="folder_shares_region")
    with right, section():
        st.subheader("Rules in force")
        rules = frames.rules_in_force(scenario)
        st.markdown("\n".join(
            (f"- :orange[**{r}: {now}**] — counterfactual (announced: {ann})" if cf
             else f"- {r}: **{now}**")
            for r, now, ann, cf in rules[["rule", "this view", "announced policy",
                                          "counterfactual"]].itertuples(index=False)))


def contributions(cache: block_cache.FolderCache, scenario: Scenario) -> None:
    _header("Signal contributions", cache)
    result = _result_or_progress(cache, scenario, "Working through the folder")
    if result is None:
        return
    for by, label in (("app", "App"), ("region", "Region")):
        with section():
            shares = frames.shares_matrix(result.signal_shares(by), by)
            name = labels.app if by == "app" else labels.region
            shares.index = [name(v) for v in shares.index]
            everyone = frames.shares_matrix(result.signal_shares(), None)
            shares = pd.concat([everyone, shares])
            charts.show(charts.signal_shares_chart(shares, f"Each signal's share of the ad "
                                                    f"scores, by {label.lower()}", label),
                        "Shares of the positive contributions to every recommended ad.",
                        "No ad was recommended in this folder.", key=f"folder_shares_{by}")
    st.caption(_how(result) + " Breakdowns by topic, country, age band or Meta AI use are "
               "not kept for a folder; " + CLI.format(folder=_code(cache.folder)))


def _exclusions(result: block_cache.FolderResult) -> pd.DataFrame:
    counts = result.exclusion_counts
    if counts.empty:
        return pd.DataFrame(columns=["Rule", "Event type", "Events left out"])
    return pd.DataFrame({"Rule": [REASON_LABELS.get(r, r) for r in counts["reason"]],
                         "Event type": [labels.event(e) for e in counts["event_type"]],
                         "Events left out": counts["events"].astype(int)})


def exclusions_side_by_side(base: block_cache.FolderResult, result: block_cache.FolderResult
                            ) -> pd.DataFrame:
    """Events left out per rule and event type under the announced policy and under these
    rules, one column each (0 where a rule leaves nothing out under one of them)."""
    keys = ["Rule", "Event type"]
    both = pd.merge(_exclusions(base).rename(columns={"Events left out": "Announced policy"}),
                    _exclusions(result).rename(columns={"Events left out": "These rules"}),
                    on=keys, how="outer")
    return both.fillna({"Announced policy": 0, "These rules": 0}).astype(
        {"Announced policy": int, "These rules": int}).reset_index(drop=True)


def what_if(cache: block_cache.FolderCache, scenario: Scenario) -> None:
    _header("Policy what-if", cache)
    base_scenario = announced_base(scenario)
    base = _result_or_progress(cache, base_scenario, "Working through the folder under the "
                               "announced policy")
    if base is None:
        return
    result = (base if scenario == base_scenario else
              _result_or_progress(cache, scenario, "Working through the folder under these "
                                  "rules"))
    if result is None:
        return
    with section():
        kpi_row(_kpis(result, base if result is not base else None))
        st.caption(_how(result))
    with section():
        charts.show(charts.shares_before_after_chart(
            base.signal_shares().iloc[0][list(schema.SIGNALS)],
            result.signal_shares().iloc[0][list(schema.SIGNALS)],
            "Announced policy", "These rules"),
            "One panel per signal, on one scale: the upper bar is the announced policy, the "
            "lower one the rules in the sidebar.",
            "No ad was recommended in this folder.", key="folder_before_after")
    with section():
        st.subheader("Events left out")
        table = exclusions_side_by_side(base, result)
        if table.empty:
            nothing_to_show("No event is left out under either policy.")
        else:
            # One table, the two policies as columns: two tables side by side cut the rules'
            # names off at 1400 px.
            st.dataframe(table, hide_index=True, width="stretch")
    st.caption("Who changes top ads between the two is not listed for a folder (it needs both "
               "rankings of everyone at once); " + CLI.format(
                   folder=_code(cache.folder)))


def why_this_ad(cache: block_cache.FolderCache, scenario: Scenario) -> None:
    _header("Why this ad", cache)
    if not cache.is_open():
        _result_or_progress(cache, scenario, "Working through the folder")
        return
    state = st.session_state
    if not state.get(K_FOLDER_PERSON):
        state[K_FOLDER_PERSON] = cache.some_people(1)[0]
    person = st.text_input("Person (user_id)", key=K_FOLDER_PERSON,
                           help="Any user_id of the folder; only that person's block of "
                           f"about {cache.block_people:,} people is read.")
    st.caption("For example: " + ", ".join(f"`{p}`" for p in cache.some_people(6)))
    with section():
        recs = _person(cache.key, str(person).strip(), scenario, cache)
        if recs.empty:
            nothing_to_show(f"No person {person!r} in this folder, or no ad ranked for them.")
            return
        tops = recs[recs["rank"] == 1].reset_index(drop=True)
        x_max = charts.waterfall_extent(tops)
        contribs = [c for c in tops.columns if c.startswith("contrib_")]
        rows = 2 + int((tops[contribs] != 0).sum(axis=1).max())  # one height for all
        for column, (_, ad) in zip(st.columns(len(tops)), tops.iterrows(), strict=True):
            with column:
                st.markdown(f"**{md_escape(labels.app(ad['app']))}**: "
                            f"{md_escape(str(ad['title']))} ({md_escape(str(ad['advertiser']))}"
                            f", {md_escape(labels.topic(ad['topic']))})")
                st.plotly_chart(charts.waterfall_chart(ad, "", x_max=x_max, rows=rows),
                                key=f"folder_waterfall_{ad['app']}",
                                config={"displaylogo": False})
        st.caption("Each app's top ad for this person: how their signals build its chance of "
                   "a click, from the baseline.")
        st.subheader("All their top ads")
        shown = recs[["app", "rank", "title", "advertiser", "topic", "score"]].copy()
        st.dataframe(labels.display_frame(shown), hide_index=True, width="stretch")
    st.caption("Ranked as of the view's day with everything before it. The timeline of the "
               "person's events and ads at an exact moment need the whole dataset in memory "
               "and are not shown for a folder.")


@st.cache_data(max_entries=32, show_spinner="Scoring this person's block of people…")
def _person(key: str, person: str, scenario: Scenario, _cache: block_cache.FolderCache
            ) -> pd.DataFrame:
    return _cache.person_result(person, scenario)


def not_available(title: str, cache: block_cache.FolderCache, instead: str) -> None:
    _header(title, cache)
    st.info(f"This page needs the whole dataset in memory at once, so it is not available "
            f"for a dataset folder, which is read one block of about "
            f"{cache.block_people:,} people at a time ({cache.counts['people']:,} people "
            f"here). {instead}",
            icon=":material/memory:")


PAGES = {
    "views/overview.py": overview,
    "views/contributions.py": contributions,
    "views/what_if.py": what_if,
    "views/why_this_ad.py": why_this_ad,
}
INSTEAD = {
    "views/recall.py": ("Recall timelines", "Coincidences and the microphone study are not "
                        "computed in blocks yet; `python -m adlens recall --data {folder} "
                        "--max-mb 0` runs them from the command line where memory allows."),
    "views/data.py": ("Data", "The folder's tables are Parquet files you can open with pandas, "
                      "DuckDB or Polars; `python -m adlens validate --data {folder} --max-mb 0` "
                      "checks them against the data contract."),
    "views/method.py": ("Method", "The method is the same as for the bundled sample: choose it "
                        "in the sidebar to read this page."),
}


def show(page_file: str, title: str, scenario: Scenario) -> None:
    """Draw `page_file`'s folder version (or say why there is none)."""
    path = st.session_state.get(folder.K_FOLDER)
    try:
        cache = folder.cache_of(path)
    except block_cache.NotADataset as problem:
        st.title(title)
        st.error(f"{md_escape(str(problem))} Choose another folder in the sidebar.",
                 icon=":material/folder_off:")
        return
    if page_file in PAGES:
        with section():
            PAGES[page_file](cache, scenario)
        return
    name, instead = INSTEAD.get(page_file, (title, ""))
    not_available(name, cache, instead.format(folder=_code(cache.folder)))

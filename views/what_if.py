"""Policy what-if: the scenario in the sidebar next to the announced policy — whose top ads
change per region, signal shares before and after, ranking quality with intervals, and
sensitive topics."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from adlens import labels, schema, whatif
from adlens.scenario import Scenario
from components import ai_value, charts, data, frames, threshold
from components.fmt import pct, pp
from components.kpi import Kpi, kpi_row
from components.page import nothing_to_show, run_page, section
from components.scenario_controls import announced_base, apply_scenario, current_scenario

PRESETS: dict[str, tuple[str, dict]] = {
    "ai_off": ("AI-chat signal off", {"ai_chat": False}),
    "eu_in": ("AI chats used in the EU too", {"excluded_regions": ("KR", "UK")}),
    "no_regions": ("No region excluded", {"excluded_regions": ()}),
    "no_sensitive": ("Sensitive topics allowed", {"sensitive_list": "none"}),
    "no_link": ("Chats count in every app", {"link_rule": False}),
}


def _try(preset: str, as_of) -> None:
    apply_scenario(Scenario.announced(as_of=as_of).with_(**PRESETS[preset][1]))


def presets(scenario: Scenario) -> None:
    st.caption("Try a counterfactual (sets the sidebar):")
    cols = st.columns(len(PRESETS))
    for col, (key, (label, _)) in zip(cols, PRESETS.items(), strict=True):
        col.button(label, key=f"preset_{key}", on_click=_try, args=(key, scenario.as_of),
                   width="stretch")


def headline(dataset, base, result_base, current, result_now, changed: pd.DataFrame,
             name: str) -> None:
    before = frames.headline_shares(result_base.shares["all"])
    after = frames.headline_shares(result_now.shares["all"])
    total_changed = int(changed["changed"].sum()) if len(changed) else 0
    kpis = [
        Kpi("People whose top ads change", f"{total_changed:,}",
            delta=pct(total_changed / max(dataset.n_users, 1)) + " of everyone",
            delta_color="off", delta_arrow="off"),
        Kpi("Ads with an AI-chat contribution", pct(after["ai_share"]),
            delta=pp(after["ai_share"] - before["ai_share"]), delta_color="off",
            help=f"{name}; the change is against the announced policy."),
    ]
    kpis.append(_value_kpi(dataset, base, current, name))
    kpi_row(kpis)


def _value_kpi(dataset, base: Scenario, current: Scenario, name: str) -> Kpi:
    """What AI chats add to next week's precision@5 (cached per dataset and scenarios)."""
    return _cached_value_kpi(dataset.dataset_id, base, current, name, dataset)


# Figures and tables below depend only on the dataset and the two scenarios: built once and
# shared read-only by every session (st.plotly_chart and st.dataframe only read them), so a
# rerun does not rebuild them.
@st.cache_resource(max_entries=8, show_spinner=False)
def _cached_value_kpi(dataset_id: str, base: Scenario, current: Scenario, name: str,
                      _dataset) -> Kpi:
    """What AI chats add to next week's precision@5 in this scenario, against the announced
    policy (each among the people who can have the signal in that scenario)."""
    now = ai_value.rolling_report(_dataset, current).row("precision@k")
    before = ai_value.rolling_report(_dataset, base).row("precision@k")
    change = now["value"] - before["value"] if current.ai_chat else -before["value"]
    return Kpi("Next-week top-5 hit rate added by AI chats",
               ai_value.points(now["value"] if current.ai_chat else 0.0),
               delta=f"{change * 100:+.2f} points" if pd.notna(change) else None,
               delta_color="off",
               help=f"{name}: among {ai_value.WHO}; {ai_value.denominators(now)}. The change is "
                    "against the announced policy.")


@st.cache_resource(max_entries=8, show_spinner=False)
def _value_table(dataset_id: str, base: Scenario, current: Scenario, name: str,
                 _dataset) -> pd.DataFrame:
    reports = {"Announced policy": ai_value.rolling_report(_dataset, base)}
    # With only the AI-chat switch flipped, both scenarios rank alike with the signal: one row.
    if current.with_(ai_chat=True) != base.with_(ai_chat=True):
        reports[name] = ai_value.rolling_report(_dataset, current)
    return ai_value.comparison_table(reports)


@st.cache_resource(max_entries=8, show_spinner=False)
def _quality_chart(dataset_id: str, base: Scenario, current: Scenario, name: str,
                   _dataset) -> object:
    return charts.quality_chart(data.quality_table(_dataset, base, current, name))


@st.cache_resource(max_entries=8, show_spinner=False)
def _changed_chart(dataset_id: str, base: Scenario, current: Scenario, _changed) -> object:
    return charts.changed_by_region_chart(_changed)


@st.cache_resource(max_entries=8, show_spinner=False)
def _before_after(dataset_id: str, base: Scenario, current: Scenario, name: str,
                  _result_base, _result_now) -> tuple[bool, object]:
    """Whether neither scenario ranks any ad, and the shares' before/after figure."""
    before = frames.shares_matrix(_result_base.shares["all"], None)
    after = frames.shares_matrix(_result_now.shares["all"], None)
    if before.empty and after.empty:
        return True, None
    return False, charts.shares_before_after_chart(
        before.iloc[0] if len(before) else pd.Series(dtype=float),
        after.iloc[0] if len(after) else pd.Series(dtype=float),
        "Announced policy", name)


# The value table is shown as two: the figures, then what each stands on. Short headers with
# the full wording as help, so each fits the main column of a 1280 px window (with the sidebar
# open) instead of scrolling sideways; the frame keeps the full names.
FIGURE_COLUMNS = ("Scenario", "Region", "Measure", "With AI chats", "Without",
                  "Added by AI chats", "95% interval")
COUNT_COLUMNS = ("Scenario", "Region", "Measure", "People (with a clicked week / eligible)",
                 "Person-weeks", "Clicked person-app-weeks", "Clicks")
VALUE_COLUMNS = {
    "Measure": st.column_config.Column(
        help="Per person, app and week. Top-5 hit rate: of the 5 topics ranked first, the "
             "share the person clicked that week. Top-5 coverage: of the topics they clicked, "
             "the share among those 5. Click prediction (within a person's week): the chance a "
             "clicked topic is scored above one not clicked; 0.5 is guessing."),
    "With AI chats": st.column_config.Column("With", help="With the AI-chat signal."),
    "Without": st.column_config.Column(help="The same click model with the AI-chat "
                                            "contribution removed."),
    "Added by AI chats": st.column_config.Column("Added", help="Added by AI chats: with minus "
                                                               "without."),
    "95% interval": st.column_config.Column(help="Of what AI chats add: 95% bootstrap "
                                                 "interval over people."),
    "People (with a clicked week / eligible)": st.column_config.Column(
        "People", help="People with a clicked week / people who can have the signal."),
    "Person-weeks": st.column_config.NumberColumn(
        help="Weeks of people who can have the signal.", format="localized"),
    "Clicked person-app-weeks": st.column_config.NumberColumn(
        "Clicked weeks", help="Person-app-weeks with a click: what each measure averages "
                              "(for click prediction, only those with an unclicked topic too).",
        format="localized"),
    "Clicks": st.column_config.NumberColumn(format="localized"),
}


def value_tables(table: pd.DataFrame) -> None:
    """The value of AI chats, then the counts each figure stands on, as two narrow tables."""
    for columns in (FIGURE_COLUMNS, COUNT_COLUMNS):
        if columns is COUNT_COLUMNS:
            st.caption("What each figure stands on:")
        st.dataframe(table[[c for c in columns if c in table.columns]], hide_index=True,
                     column_config=VALUE_COLUMNS)


def value_of_ai_chats(dataset, base: Scenario, current: Scenario, name: str) -> None:
    """The rolling next-week evaluation for both scenarios, with denominators; the static
    match with true interests as a secondary measure."""
    st.subheader("What AI chats add to next week's clicks")
    table = _value_table(dataset.dataset_id, base, current, name, dataset)
    if table.empty:
        nothing_to_show("Nobody who can have the AI-chat signal clicked an ad in the evaluated "
                        "weeks, so its value cannot be measured on this data.")
    else:
        all_regions = labels.region("All")
        value_tables(table[table["Region"] == all_regions].drop(columns="Region"))
        with st.expander("By region"):
            value_tables(table[table["Region"] != all_regions])
    st.caption("Each week the ads are ranked from what people did strictly before it and "
               f"scored against the topics they clicked that week, among {ai_value.WHO}. "
               "'Without' is the same click model with the AI-chat contribution removed. "
               "Intervals: 95% bootstrap over people. When the AI-chat switch is off, the "
               "table still shows what the signal would add.")
    with st.expander("Secondary: match with the simulation's true interests (one cut, "
                     "everyone)"):
        charts.show(_quality_chart(dataset.dataset_id, base, current, name, dataset),
                    "Dots: how well the top ads match people's true interests at one point in "
                    "time, over everyone; whiskers: 95% bootstrap intervals over people. Each "
                    "panel has its own scale.",
                    "Ranking quality needs the simulation's true interests, which this dataset "
                    "does not include.", key="quality")




def sensitive(dataset, base, result_base, current, result_now, name: str) -> None:
    st.subheader("Sensitive topics")
    rows = []
    report = data.text_report(dataset)
    for label, scenario, result in (("Announced policy", base, result_base),
                                    (name, current, result_now)):
        recs = result.recommendations
        listed = schema.SENSITIVE_LISTS[scenario.sensitive_list]
        sensitive_ads = int(recs["topic"].isin(schema.SENSITIVE_GDPR9).sum()) if len(recs) else 0
        held = whatif.sensitive_held_back(result.exclusions)
        leak = (report.leakage_dataset or report.leakage).get(scenario.sensitive_list) \
            if listed else 1.0
        rows.append({"Scenario": label,
                     "Sensitive list": schema.SENSITIVE_LIST_SHORT[scenario.sensitive_list],
                     "AI chats held back": held["ai_chats"],
                     "Other signals held back": held["other_signals"],
                     "Ads on sensitive topics": sensitive_ads,
                     "Leakage": pct(leak)})
    # Short headers and list names with help, so the table fits an 800 px window (the sidebar
    # folded) as well as a 1280 px one.
    st.dataframe(pd.DataFrame(rows), hide_index=True, column_config={
        "Sensitive list": st.column_config.TextColumn(help=schema.SENSITIVE_LIST_HELP),
        "AI chats held back": st.column_config.NumberColumn(format="localized"),
        "Other signals held back": st.column_config.NumberColumn(
            "Others held back", help="Other signals held back: likes, site visits, watches…",
            format="localized"),
        "Ads on sensitive topics": st.column_config.NumberColumn(
            "Sensitive ads", help="Ads on sensitive topics (the full GDPR Art. 9 list).",
            format="localized"),
        "Leakage": st.column_config.Column(
            help="Share of truly sensitive chats the classifier misses.")})
    st.caption("Held back: events up to the view's day that the sensitive-topic rule keeps "
               "out of ads (events another rule already stops are not counted again). AI chats "
               "are held back when the model guesses a sensitive topic (the detector below "
               "counts the same chats); other signals (likes, site visits, watches…) when their "
               "own topic is sensitive. Ads on sensitive topics: "
               "recommended ads whose topic is on the full GDPR Art. 9 list. Leakage: share of "
               "truly sensitive chats the classifier misses, so they can still shape ads; with "
               "no sensitive list, every sensitive chat counts.")


def main() -> None:
    st.title("Policy what-if")
    dataset = data.current_dataset()
    current = current_scenario()
    base = announced_base(current)
    if current.is_counterfactual:
        other, other_name = current, "This scenario"
    else:
        # Nothing to compare yet: preview the most asked-for counterfactual instead.
        other, other_name = current.with_(ai_chat=False), "AI-chat signal off"
        st.info("The sidebar shows the announced policy, so this page compares it with the "
                "AI-chat signal switched off. Switch a rule in the sidebar, or try one of "
                "these:", icon=":material/compare_arrows:")
    presets(current)
    current = other
    result_base = data.scenario_result(dataset, base)
    result_now = data.scenario_result(dataset, current)
    changed = data.top_ads_changed(dataset, base, current)
    with section():
        headline(dataset, base, result_base, current, result_now, changed, other_name)
    # One chart under the other: the signals' nine panels need the page's whole width.
    with section():
        charts.show(_changed_chart(dataset.dataset_id, base, current, changed),
                    "Where the rule change reaches: people whose set of top ads differs.",
                    "There are no people in this dataset.", key="changed_region")
    with section():
        empty, figure = _before_after(dataset.dataset_id, base, current, other_name,
                                      result_base, result_now)
        if empty:
            nothing_to_show("No ads are ranked in either scenario, so there are no shares.")
        else:
            lower = other_name.replace("This scenario", "this scenario")
            charts.show(figure,
                        "One panel per signal, on one scale: the upper bar is the announced "
                        f"policy, the lower one {lower}.",
                        "No signal contributes in either scenario.", key="shares_before_after")
    with section():
        value_of_ai_chats(dataset, base, current, other_name)
    with section():
        sensitive(dataset, base, result_base, current, result_now, other_name)
    with section():
        threshold.threshold_section(dataset, current_scenario())


run_page(main)

"""The guided story for demos: from "is it listening?" to the measured answer, in six steps.

Each step sets the scenario and the person or coincidence that makes its point, opens its page,
and shows, above that page, the figure that proves the point with one sentence of reading.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import streamlit as st

from adlens.scenario import Scenario
from components import data
from components.fmt import md_escape, pct, pp
from components.kpi import Kpi, kpi_row
from components.lazy import LazyModule
from components.page import nothing_to_show, section
from components.scenario_controls import (
    K_GOTO,
    K_PERSON,
    apply_scenario,
    current_memory_params,
    current_scenario,
    open_person,
)

# Imported when a step is shown: the sidebar draws the story's buttons on every run, including
# a first visit drawn without pandas or Plotly (components/lazy.py).
np = LazyModule("numpy")
pd = LazyModule("pandas")
labels = LazyModule("adlens.labels")
ai_value = LazyModule("components.ai_value")
charts = LazyModule("components.charts")
frames = LazyModule("components.frames")

K_STEP = "story_step"
K_RECALL_CHOSEN = "recall_coincidence"  # the Recall page's coincidence picker
K_RECALL_LABEL = "recall_label"
EU_IN = Scenario.announced().with_(excluded_regions=("KR", "UK"))


# --- what each step sets up (callbacks, before the widgets are drawn) ---------------------------
def _pin_typical_coincidence() -> None:
    case = data.coincidence_case(data.current_dataset(), current_scenario(),
                                 current_memory_params())
    st.session_state[K_RECALL_LABEL] = "all"
    if case:
        st.session_state[K_RECALL_CHOSEN] = case["coincidence_id"]


def _people() -> dict[str, str]:
    dataset = data.current_dataset()
    result = data.scenario_result(dataset, Scenario.announced())
    return frames.interesting_people(dataset.users, dataset.events, result.recommendations)


def _pin_typical_person() -> None:
    typical = _people().get("typical")
    if typical:
        open_person(typical)


# --- the figure and the sentence of each step --------------------------------------------
def _chance_words(p: float) -> str:
    return "less than a 1% chance" if p < 0.005 else f"only a {pct(p, 0)} chance"


def _coincidence(dataset, scenario) -> None:
    rec = data.recall_result(dataset, scenario, current_memory_params())
    confirmed = data.confirmed_coincidences(dataset, scenario, current_memory_params())
    row = frames.typical_coincidence(rec.coincidences, confirmed)
    if row is None:
        nothing_to_show("This dataset has no conversation followed by an ad on its topic.")
        return
    cid = row.get("coincidence_id", row.name)
    prior = rec.prior_exposures
    exposures = prior[prior["coincidence_id"] == cid]
    titles = dataset.ads.drop_duplicates("ad_id").set_index("ad_id")["title"]
    exposures = exposures.assign(title=exposures["ad_id"].map(titles).fillna(""))
    topic = labels.topic(row["topic"]).lower()
    ad_title = str(titles.get(row["ad_id"], row["ad_id"]))
    charts.show(charts.recall_timeline_chart(exposures, row["conversation_ts"],
                                             f"Conversation about {topic}", row["ad_ts"],
                                             ad_title),
                "A typical moment, chosen as the median time from talk to ad among "
                "conversations with an earlier, likely forgotten ad on the topic.", "",
                key="story_coincidence")
    talk = pd.Timestamp(row["conversation_ts"])
    if len(exposures):
        last = exposures.sort_values("ts").iloc[-1]
        days = (talk - pd.Timestamp(last["ts"])).total_seconds() / 86400
        seen = (f"{days:.1f} days before, an ad on {topic} had been on screen for "
                f"{float(last['dwell_ms']) / 1000:.1f} s — long enough to leave a trace, with "
                f"{_chance_words(float(last['p_recall']))} it was still remembered. ")
    else:
        seen = "No ad on the topic came before it. "
    events = dataset.events
    said = events.loc[events["event_id"] == row["conversation_event_id"], "text"]
    quote = (f" (“{md_escape(str(said.iloc[0])[:120])}”)"
             if len(said) and isinstance(said.iloc[0], str) and said.iloc[0] else "")
    truth = (" The simulation confirms it: that earlier ad is what brought the topic up."
             if bool(confirmed.get(row.name, False)) else "")
    st.markdown(f"**Reading:** {md_escape(row['user_id'])} talked about {topic} on "
                f"{talk:%d %b %Y}{quote}. {seen}{float(row['hours_to_ad']):.1f} hours after "
                f"the conversation came the ad that felt like listening: "
                f"{md_escape(ad_title)}.{truth}")


def _microphone(dataset, scenario) -> None:
    # The microphone test's pieces (with the generator, for the listening preview) load only
    # when the story reaches this step, not with the sidebar on a cold start.
    from components.method_recall import (  # noqa: PLC0415
        listening_preview,
        mic_profile_chart,
        simulated_note,
    )

    rec = data.recall_result(dataset, scenario, current_memory_params())
    preview, preview_result = listening_preview(dataset, rec)
    charts.show(mic_profile_chart(rec.mic_profile, preview),
                "Solid: ads on the topic around real conversations. Dotted: the same people at "
                "random times with no conversation (placebo). Dashed: what a listening phone "
                "would have looked like (counterfactual).",
                "No conversation has its whole window in the data, so the test cannot run.",
                key="story_mic")
    mic = rec.mic
    if not np.isfinite(mic.statistic):
        return
    listening = preview_result.get("statistic")
    st.markdown(
        f"**Reading:** the microphone test says **{md_escape(mic.verdict)}**: after minus "
        f"before each conversation, beyond the same at placebo times, {mic.statistic:+.3f} ads "
        f"per conversation (95% interval {mic.ci_low:+.3f} to {mic.ci_high:+.3f}, "
        f"{mic.n_conversations:,} conversations)"
        + (f"; a listening phone would have given {listening:+.3f}, the dashed spike after "
           "zero." if listening is not None else "."))
    simulated_note(rec)


def _lead_ad(result, person: str | None) -> tuple[pd.Series, float] | None:
    """A person's top ad with the largest AI-chat part, and the AI-chat share of what lifts
    all their top ads above the baseline."""
    recs = result.recommendations
    mine = recs[recs["user_id"] == person] if person else recs.head(0)
    if mine.empty:
        return None
    ad = mine.sort_values(["contrib_ai_chat", "rank"], ascending=[False, True]).iloc[0]
    positive = mine[[c for c in mine.columns if c.startswith("contrib_")]].clip(lower=0)
    return ad, float(positive["contrib_ai_chat"].sum() / max(positive.to_numpy().sum(), 1e-12))


def _two_people(dataset, scenario) -> None:
    result = data.scenario_result(dataset, scenario)
    picks = _people()
    cases = {kind: _lead_ad(result, picks.get(kind)) for kind in ("typical", "strongest")}
    shown = [c[0] for c in cases.values() if c is not None]
    x_max = charts.waterfall_extent(pd.DataFrame(shown)) if shown else None  # one axis
    for col, kind, tag in zip(st.columns(2), ("typical", "strongest"),
                              ("Typical US chatter", "Strongest case (not typical)"),
                              strict=True):
        with col:
            if cases[kind] is None:
                nothing_to_show("No such person in this dataset.")
                continue
            ad = cases[kind][0]
            st.markdown(f"**{tag}:** {md_escape(ad['title'])}")
            charts.show(charts.waterfall_chart(ad, "", x_max=x_max),
                        f"{md_escape(picks[kind])} · {labels.app(ad['app'])} · "
                        f"{labels.topic(ad['topic'])}", "", key=f"story_wf_{kind}")
    everyone = frames.headline_shares(result.shares["all"])
    if cases["typical"] and cases["strongest"]:
        st.markdown(f"**Reading:** for the typical US chatter, AI chats are "
                    f"{pct(cases['typical'][1])} of what lifts their top ads above the "
                    f"baseline; for the strongest case {pct(cases['strongest'][1])}. Across "
                    f"everyone, {pct(everyone['ai_share'])} of recommended ads have any AI-chat "
                    "part at all.")


def _over_time(dataset, scenario) -> None:
    weekly = data.weekly_ai_share(dataset, scenario)
    charts.show(charts.signal_share_trend_chart(weekly, scenario.policy_start),
                "Every ad people saw, scored with what was known at that moment.",
                "No ad was shown in this dataset.", key="story_trend")
    if weekly.empty:
        return
    last_week = weekly["week"].max()
    latest = weekly[weekly["week"] == last_week].set_index("region")["share"]
    before = weekly[(weekly["region"] == "All")
                    & (weekly["week"] + pd.Timedelta(days=7)
                       <= pd.Timestamp(scenario.policy_start))]["share"]
    excluded = [labels.region(r) for r in scenario.excluded_regions]
    st.markdown(f"**Reading:** before {scenario.policy_start:%d %b} AI chats are "
                f"{pct(before.max() if len(before) else 0.0)} of the ad scores; in the last "
                f"week {pct(latest.get('All'))} overall, {pct(latest.get('US'))} in the United "
                f"States and {pct(latest.reindex(scenario.excluded_regions).max())} in "
                f"{', '.join(excluded) or 'no region'}, where the rules keep chats out.")


def _eu_in(dataset, scenario) -> None:
    base = Scenario.announced(as_of=scenario.as_of).with_(half_lives=scenario.half_lives)
    changed = data.top_ads_changed(dataset, base, scenario)
    charts.show(charts.changed_by_region_chart(changed),
                "People whose set of top ads differs from the announced policy.",
                "There are no people in this dataset.", key="story_changed")
    if changed.empty:
        return
    by = changed.set_index("region")
    st.markdown(f"**Reading:** using AI chats in the EU too changes the top ads of "
                f"{int(by['changed'].sum()):,} people — {pct(by['share'].get('EU'))} of "
                f"people in the EU, and {pct(by['share'].get('US'))} in the United States, "
                "where nothing changed.")


def _answer(dataset, scenario) -> None:
    result = data.scenario_result(dataset, scenario)
    shares = frames.headline_shares(result.shares["all"])
    rec = data.recall_result(dataset, scenario, current_memory_params())
    excess = _forgotten_excess(rec)
    value = ai_value.headline(ai_value.rolling_report(dataset, scenario),
                              ai_value.feedback_free(dataset.dataset_id),
                              ai_chat_on=scenario.ai_chat)
    kpi_row([
        Kpi("Moments with an earlier ad likely forgotten, beyond chance",
            pp(excess["excess"]) if excess is not None else "—",
            help="Share of 'it's listening' moments with an earlier ad on the topic, likely "
                 "forgotten, minus the same share at placebo moments (same people and topics, "
                 "no conversation)."),
        Kpi("Microphone test", rec.mic.verdict,
            help="Ads after minus before each conversation, beyond the same at placebo times."),
        Kpi("Ads with an AI-chat contribution", pct(shares["ai_share"]),
            help="Share of recommended ads whose score has any positive AI-chat part."),
        Kpi(f"Next-week {labels.metric('precision@k').lower()} added by AI chats", value.text,
            help=value.help),
    ])
    charts.show(charts.label_shares_chart(rec.aggregates["labels"]),
                "What explains each 'it's listening' moment, by region.",
                "There are no coincidences to explain.", key="story_labels")
    seen = ("" if excess is None else
            f"{pct(excess['share_moments'])} of the moments had an earlier ad on the topic, "
            f"most likely forgotten ({pp(excess['excess'])} more than at moments with no "
            "conversation); ")
    st.markdown(f"**Reading:** the microphone test says “{md_escape(rec.mic.verdict)}”. "
                f"{seen}the rest come from what people do on the apps, what advertisers share "
                f"and similar people — and, from {scenario.policy_start:%d %b %Y} outside the "
                f"EU, UK and South Korea, from what they tell Meta AI, which touches "
                f"{pct(shares['ai_share'])} of the ads.")


def _forgotten_excess(rec) -> pd.Series | None:
    """The recall headline: moments with an earlier exposure likely forgotten, beyond the
    same share at placebo moments (share_moments, share_placebo, excess, ci_low, ci_high)."""
    if rec.excess is None or rec.excess.empty:
        return None
    ex = rec.excess.set_index("flag")
    if "forgotten" not in ex.index or not np.isfinite(ex.loc["forgotten", "excess"]):
        return None
    return ex.loc["forgotten"]


@dataclass(frozen=True)
class Step:
    title: str
    page: str  # file under views/
    narrative: str
    scenario: Scenario
    show: Callable[[object, Scenario], None]
    prepare: Callable[[], None] | None = None


STEPS: tuple[Step, ...] = (
    Step("Is it listening?", "views/recall.py",
         "You talk about something, and an ad on it appears: it feels like the phone listened. "
         "Here is a typical such moment in the data, with what the person had seen before.",
         Scenario.announced(), _coincidence, _pin_typical_coincidence),
    Step("Would a listening phone look different?", "views/recall.py",
         "If ads came from a microphone, ads on a topic would pile up right after people talk "
         "about it. The test compares real conversations with random moments of the same "
         "people, and shows what a listening world would have looked like.",
         Scenario.announced(), _microphone, _pin_typical_coincidence),
    Step("What picks an ad", "views/why_this_ad.py",
         "Every ad's chance of a click is a baseline plus one part per signal. Two people: a "
         "typical US Meta AI user, and the person whose ads lean most on their chats.",
         Scenario.announced(), _two_people, _pin_typical_person),
    Step("How much the AI chats weigh", "views/contributions.py",
         "Across everyone, week by week: the AI-chat part of the ads people saw, per region.",
         Scenario.announced(), _over_time),
    Step("What if the EU were not excluded?", "views/what_if.py",
         "A counterfactual: the AI-chat signal also used in the EU. Whose top ads change?",
         EU_IN, _eu_in),
    Step("The answer", "views/overview.py",
         "The measured answer to \u201cis it listening?\u201d, with its numbers.",
         Scenario.announced(), _answer),
)


def _start(index: int) -> None:
    step = STEPS[index]
    apply_scenario(step.scenario)
    st.session_state.pop(K_PERSON, None)
    st.session_state[K_STEP] = index
    st.session_state[K_GOTO] = step.page
    if step.prepare:
        step.prepare()


def _stop() -> None:
    st.session_state.pop(K_STEP, None)


def story_controls() -> None:
    """The sidebar's list of story steps; a click sets the scenario and opens the page."""
    current = st.session_state.get(K_STEP)
    with st.sidebar.expander("Guided story", icon=":material/slideshow:",
                             expanded=current is not None):
        for i, step in enumerate(STEPS):
            st.button(f"{i + 1}. {step.title}", key=f"story_{i}", on_click=_start, args=(i,),
                      type="primary" if current == i else "secondary", width="stretch")
        if current is not None:
            st.button("End the story", key="story_end", on_click=_stop, type="tertiary")


def pending_page() -> str | None:
    """The page a story step (or a callback) asked to open, once."""
    return st.session_state.pop(K_GOTO, None)


def story_box(page_file: str) -> None:
    """On the page of the current step: its narrative, the figure that proves it with one
    sentence of reading, and a button to the next step."""
    index = st.session_state.get(K_STEP)
    if index is None or STEPS[index].page != page_file:
        return
    step = STEPS[index]
    with st.container(border=True, key="story_box"):
        st.markdown(f"**Step {index + 1} of {len(STEPS)} — {step.title}**  \n{step.narrative}")
        with section():
            step.show(data.current_dataset(), current_scenario())
        if index + 1 < len(STEPS):
            st.button(f"Next: {STEPS[index + 1].title}", key="story_next", on_click=_start,
                      args=(index + 1,), icon=":material/arrow_forward:")
        else:
            st.button("End the story", key="story_end_box", on_click=_stop)

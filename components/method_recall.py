"""The Method page's recall and microphone section: how the microphone test works and how often
it is right (power curve), how far the labels can be trusted, the forgetting curve with its
source, and how the headlines move with each memory assumption (tornado chart).

The Recall page draws the test's chart from here too (`mic_profile_chart`).
"""

from __future__ import annotations

import html

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import streamlit as st
from plotly.subplots import make_subplots

from adlens import mic_test, recall
from adlens.memory import FORGETTING_DATA, FORGETTING_SOURCE, MemoryParams, forgetting_curve
from components import data
from components.charts import FONT_GREY, _layout, show
from components.colors import WORLD_COLORS
from components.fmt import md_escape, pct
from components.kpi import Kpi, kpi_row
from components.page import nothing_to_show, section
from components.scenario_controls import current_memory_params, current_scenario

ANCHOR = "recall-and-the-microphone"  # the Recall page links here
PLACEBO_COLOR = "#8C8C8C"
LISTENING_RATE = 0.5  # the listening world shown as "what it would have looked like"
MAX_FALSE_ALARMS = 0.05  # what the test may flag on worlds without listening
POWER_WORLDS = 200
POWER_WORLDS_CURVE = 40


# --- charts ---------------------------------------------------------------------------------------
def mic_profile_chart(profile: pd.DataFrame, listening: pd.DataFrame | None = None,
                      counterfactual: bool = False,
                      title: str = "Ads on the topic before and after people talk about it"
                      ) -> go.Figure | None:
    """profile / listening: hours, series, ads (from `mic_test.exposure_profile`).
    `counterfactual`: `profile` itself is the listening world (drawn dashed, named so)."""
    if profile.empty:
        return None
    fig = go.Figure()
    talk = ((f"Around a conversation if each triggered {LISTENING_RATE:g} ads "
             "(counterfactual)", WORLD_COLORS["microphone"], "dash") if counterfactual else
            ("Around a conversation (these data)", WORLD_COLORS["observed"], "solid"))
    lines = [(mic_test.PLACEBOS, "At random times with no conversation (placebo)",
              PLACEBO_COLOR, "dot", profile),
             (mic_test.CONVERSATIONS, *talk, profile)]
    if listening is not None and not listening.empty:
        lines.append((mic_test.CONVERSATIONS,
                      f"If every conversation triggered {LISTENING_RATE:g} ads "
                      "(counterfactual)", WORLD_COLORS["microphone"], "dash", listening))
    for series, name, color, dash, frame in lines:
        part = frame[frame["series"] == series]
        fig.add_scatter(x=part["hours"] + 3, y=part["ads"], mode="lines+markers", name=name,
                        line=dict(color=color, dash=dash, width=2),
                        hovertemplate="%{x:+.0f} h: %{y:.3f} ads<extra>"
                        + html.escape(name) + "</extra>")
    fig.add_shape(type="line", x0=0, x1=0, y0=0, y1=1, yref="paper",
                  line=dict(color=FONT_GREY, dash="dot"))
    fig.add_annotation(x=0, y=1, yref="paper", text=" conversation", showarrow=False,
                       xanchor="left", yanchor="top", font=dict(color=FONT_GREY))
    fig.update_layout(xaxis=dict(title="Hours from the conversation (6-hour steps)",
                                 dtick=12),
                      yaxis=dict(title="Ads on the topic per person, per 6 hours",
                                 rangemode="tozero"))
    return _layout(fig, title, height=380)


def power_curve_chart(study: mic_test.PowerStudy) -> go.Figure | None:
    curve = study.curve
    if curve.empty:
        return None
    fig = go.Figure()
    names = {mic_test.SHUFFLED: ("Conversation times shuffled, then listening added",
                                 WORLD_COLORS["microphone"]),
             mic_test.OBSERVED_BASE: ("These data as they are, then listening added",
                                      WORLD_COLORS["observed"])}
    for world, part in curve.groupby("world", sort=False):
        name, color = names.get(world, (str(world), PLACEBO_COLOR))
        fig.add_scatter(
            x=[f"{r:g}" for r in part["rate"]], y=part["detection_rate"],
            mode="lines+markers", name=name,
            line=dict(color=color, width=2),
            error_y=dict(type="data", symmetric=False,
                         array=part["ci_high"] - part["detection_rate"],
                         arrayminus=part["detection_rate"] - part["ci_low"], thickness=1),
            customdata=np.column_stack([part["flagged"], part["n_worlds"]]),
            hovertemplate="%{x:g} extra ads per conversation: flagged in %{y:.0%} "
                          "(%{customdata[0]} of %{customdata[1]} worlds)<extra></extra>")
    allowed = MAX_FALSE_ALARMS
    fig.add_shape(type="line", x0=0, x1=1, xref="paper", y0=allowed, y1=allowed,
                  line=dict(color=FONT_GREY, dash="dot"))
    fig.add_annotation(x=1, xref="paper", y=allowed, text="5%: the most false alarms allowed",
                       showarrow=False, xanchor="right", yanchor="bottom",
                       font=dict(color=FONT_GREY))
    false_alarm = study.rate_at(0.0, mic_test.SHUFFLED)
    if np.isfinite(false_alarm):
        fig.add_annotation(x="0", y=false_alarm, text=f"false alarms: {false_alarm:.1%}",
                           showarrow=True, ax=70, ay=-40, font=dict(color=FONT_GREY))
    fig.update_layout(
        xaxis=dict(title="Listening ads per conversation in the simulated world (R; steps not "
                         "to scale)", type="category"),
        yaxis=dict(title="Share of worlds where the test says 'listening'", tickformat=".0%",
                   range=[-0.03, 1.05]))
    return _layout(fig, "How often the microphone test says 'listening'", height=400)


def forgetting_chart(params: MemoryParams) -> go.Figure:
    curve = forgetting_curve(params)
    fig = go.Figure()
    fig.add_scatter(x=curve["hours"], y=curve["retention"], mode="lines",
                    name="The model's forgetting curve", line=dict(color=WORLD_COLORS["observed"],
                                                                    width=3),
                    hovertemplate="%{x:.1f} h: %{y:.0%} left<extra></extra>")
    fig.add_scatter(x=curve["hours"], y=curve["exponential"], mode="lines",
                    name="An exponential with the same half-life (no long tail)",
                    line=dict(color=PLACEBO_COLOR, dash="dash"),
                    hovertemplate="%{x:.1f} h: %{y:.0%} left<extra></extra>")
    fig.add_scatter(x=FORGETTING_DATA["hours"], y=FORGETTING_DATA["retention"], mode="markers",
                    name="Measured (Ebbinghaus; Murre & Dros 2015)",
                    marker=dict(color=WORLD_COLORS["microphone"], size=10),
                    customdata=FORGETTING_DATA["label"],
                    hovertemplate="%{customdata}: %{y:.0%} of the 20-minute level"
                                  "<extra></extra>")
    fig.add_shape(type="line", x0=48, x1=48, y0=0, y1=1, yref="paper",
                  line=dict(color=FONT_GREY, dash="dot"))
    fig.add_annotation(x=np.log10(48), y=1, yref="paper", text=" Meta asks about 2 days",
                       showarrow=False, xanchor="left", yanchor="top",
                       font=dict(color=FONT_GREY))
    fig.update_layout(
        xaxis=dict(title="Time since the ad was seen (hours, log scale)", type="log",
                   tickvals=[1 / 3, 1, 9, 24, 48, 144, 744],
                   ticktext=["20 min", "1 h", "9 h", "1 day", "2 days", "6 days", "31 days"]),
        yaxis=dict(title="Memory left (share of the 20-minute level)", tickformat=".0%",
                   range=[0, 1.05]))
    return _layout(fig, "How fast an ad is forgotten", height=380)


def tornado_chart(sens: pd.DataFrame) -> go.Figure | None:
    if sens.empty or sens["figure"].isna().all():
        return None
    headlines = list(dict.fromkeys(sens["headline"]))
    settings = list(dict.fromkeys(sens["label"]))
    # Widest swing on top, by the first headline.
    first = sens[sens["headline"] == headlines[0]]
    swing = first.groupby("label")["figure"].agg(lambda v: v.max() - v.min())
    settings = sorted(settings, key=lambda s: swing.get(s, 0))
    fig = make_subplots(rows=1, cols=len(headlines), shared_yaxes=True,
                        subplot_titles=[h.replace(", ", ",<br>").replace(" (", "<br>(")
                                        for h in headlines], horizontal_spacing=0.05)
    for col, headline in enumerate(headlines, 1):
        part = sens[sens["headline"] == headline]
        default = float(part["at_default"].iloc[0])
        for end, color, name in (("low", "#72B7B2", "Setting at the low end"),
                                 ("high", "#F58518", "Setting at the high end")):
            rows = part[part["end"] == end].set_index("label").reindex(settings)
            fig.add_bar(y=settings, x=rows["figure"] - default, base=default, orientation="h",
                        name=name, marker_color=color, showlegend=col == 1,
                        customdata=np.column_stack([rows["value"], rows["figure"]]),
                        hovertemplate="%{y}<br>at %{customdata[0]:g}: %{customdata[1]:.1%}"
                                      "<extra></extra>", row=1, col=col)
        fig.add_vline(x=default, line=dict(color=FONT_GREY, dash="dot"), row=1, col=col)
        fig.update_xaxes(tickformat=".0%", row=1, col=col)
    fig.update_layout(barmode="overlay")
    fig.update_annotations(font=dict(size=12))
    _layout(fig, "How much each memory assumption moves the headline figures",
            height=160 + 60 * len(settings))
    fig.update_layout(margin=dict(t=fig.layout.margin.t + 40))
    return fig


# --- cached work --------------------------------------------------------------------------------
@st.cache_data(max_entries=4, show_spinner="Trying each memory assumption at both ends…")
def _sensitivity(dataset_id: str, scenario, params: MemoryParams, _rec) -> pd.DataFrame:
    return recall.sensitivity(_rec)


@st.cache_data(max_entries=4, show_spinner="Building a listening world from these data…")
def _preview(dataset_id: str, scenario, params: MemoryParams, rate: float,
             _rec) -> tuple[pd.DataFrame, dict]:
    profile, result = recall.listening_preview(_rec, rate)
    return profile, result.to_dict()


def listening_preview(dataset, rec, rate: float = LISTENING_RATE) -> tuple[pd.DataFrame, dict]:
    """What these data would have looked like with listening at `rate` (counterfactual):
    the exposure profile and the test's result as a dict (cached)."""
    return _preview(dataset.dataset_id, current_scenario(), current_memory_params(), rate, rec)


@st.cache_resource
def _power_store() -> dict:
    # Finished power studies by (dataset id, as-of date): read-only once stored.
    return {}


def _thinning(dataset) -> float:
    """1 in N impressions recorded (generated data say so in their metadata; else 1)."""
    try:
        return float((getattr(dataset, "meta", None) or {}).get("impression_thinning", 1) or 1)
    except (TypeError, ValueError):
        return 1.0


def _power_key(dataset) -> tuple:
    return (dataset.dataset_id, current_scenario().as_of, POWER_WORLDS, POWER_WORLDS_CURVE)


# --- sections -----------------------------------------------------------------------------------
def simulated_note(rec) -> None:
    """Where the test's result appears: who decides the answer."""
    if rec.simulated or rec.listening_rate:
        st.caption(":material/info: " + recall.SIMULATION_NOTE
                   + (f" This is a counterfactual listening world (R = {rec.listening_rate:g})."
                      if rec.listening_rate else ""))
    else:
        st.caption(":material/info: These look like your own data: nobody knows the answer in "
                   "advance, which is what this test is for. On simulated data the generator "
                   "decides it.")


def mic_result_kpis(res: mic_test.MicResult) -> None:
    if not np.isfinite(res.p_value):
        nothing_to_show("Too few conversations with a whole two days before and after them "
                        "and a placebo time to match: the test cannot run on these data.")
        return
    kpi_row([
        Kpi("The test's verdict", res.verdict,
            help="Flagged when the extra ads after minus before a conversation, beyond the "
                 "same at placebo times, are above zero with the whole 95% interval (a "
                 f"one-sided p-value below {res.settings.alpha:g})."),
        Kpi("Extra ads after talk, net of before", f"{res.statistic:+.3f}",
            help=f"Per conversation. 95% interval {res.ci_low:+.3f} to {res.ci_high:+.3f}. "
                 "Listening would push this above zero."),
        Kpi("p-value (one-sided)", f"{res.p_value:.3f}"),
        Kpi("Conversations tested", f"{res.n_conversations:,}",
            help=f"{res.n_placebos:,} placebo times; {res.n_set_aside:,} conversations set "
                 "aside because an AI chat on the topic was nearby."),
    ])
    st.caption(
        f"Ads on the topic in the {res.settings.window_hours:g} hours after a conversation: "
        f"{res.after_per_conversation:.3f} (placebo times {res.after_per_placebo:.3f}); "
        f"before: {res.before_per_conversation:.3f} (placebo {res.before_per_placebo:.3f}). "
        f"The excess before ({res.excess_before:+.3f}) is what interest, plans and earlier "
        "ads that prompted the conversation put there; listening would add to the excess "
        f"after ({res.excess_after:+.3f}).")


def design_section(rec) -> None:
    st.markdown(mic_test.DESIGN_TEXT.format(w=rec.mic.settings.window_hours,
                                            k=rec.mic.settings.placebos,
                                            a=rec.mic.settings.alpha))
    mic_result_kpis(rec.mic)
    simulated_note(rec)


def power_section(dataset, rec) -> None:
    st.markdown("**Is the test any good?** Run it on worlds where the answer is known: "
                "worlds where conversation times are shuffled (no link between talk and ads: "
                "it must stay silent), and the same worlds with listening ads added (it must "
                "find them). The worlds are built from the data on this page.")
    store = _power_store()
    key = _power_key(dataset)
    study = store.get(key)
    if study is None:
        n = sum(k for *_, k in mic_test.study_plan(n_worlds=POWER_WORLDS,
                                                   n_worlds_curve=POWER_WORLDS_CURVE))
        if st.button(f"Run the power study ({n:,} simulated worlds, about a minute)",
                     icon=":material/play_arrow:", key="run_power_study"):
            with st.status("Testing simulated worlds…", expanded=True) as status:
                bar = st.progress(0.0)
                study = mic_test.power_study(
                    rec.world, n_worlds=POWER_WORLDS, n_worlds_curve=POWER_WORLDS_CURVE,
                    settings=rec.mic.settings,
                    progress=lambda f, text: bar.progress(min(f, 1.0), text=text))
                store[key] = study
                status.update(label="Power study done", state="complete", expanded=False)
            st.rerun()  # draw the stored study without the button
        else:
            st.caption("The study is run once per dataset and kept while the app runs.")
            return
    charts_caption = ("Each point: the share of simulated worlds where the test said "
                      "'listening', with a 95% interval. Look at the left end (false alarms, "
                      "at most 5%) and how fast each line climbs.")
    thinning = _thinning(dataset)
    if thinning > 1:
        charts_caption += (f" These data record 1 in {thinning:g} impressions, and R counts "
                           f"recorded ads: R = {1 / thinning:g} is a microphone adding one real "
                           "ad per conversation.")
    show(power_curve_chart(study), charts_caption, "The power study has no worlds.",
         key="power_curve")
    half = study.rate_at(LISTENING_RATE)
    kpi_row([
        Kpi("False alarms (no listening)", pct(study.rate_at(0.0, mic_test.SHUFFLED)),
            help=f"Share of {int(study.curve.iloc[0]['n_worlds'])} worlds with shuffled "
                 "conversation times where the test said 'listening'. The rule allows 5%."),
        Kpi(f"Found at {LISTENING_RATE:g} ads per conversation", pct(half)),
        Kpi("People per world", f"{study.n_people:,}"),
    ])


def validity_section(rec) -> None:
    st.markdown("**Do the labels mean what they say?** On simulated data the generator records "
                "which conversations an earlier ad prompted, and which ad. Precision: of the "
                "moments given a label, the share where the label's claim is true. Recall: of "
                "the moments where the claim is true, the share the label finds.")
    if rec.validity is None:
        nothing_to_show(f"Label validity {recall.NEEDS_SIMULATED}: these data carry no record "
                        "of why each conversation happened (the generator writes one with every "
                        "population it makes).")
        return
    table = rec.validity.rename(columns={
        "label": "Label", "claim": "What it claims", "n_labelled": "Moments labelled",
        "n_correct": "Claim true", "precision": "Precision", "recall": "Recall"})
    # Shares as percentages with one decimal in every row ("percent" drops trailing zeros).
    table = table.assign(Precision=table["Precision"] * 100, Recall=table["Recall"] * 100)
    # The label and its claim wrap onto a second line, so the six columns fit a 1280 px
    # window with the sidebar open.
    st.dataframe(table[["Label", "What it claims", "Moments labelled", "Claim true",
                        "Precision", "Recall"]], hide_index=True, row_height=66,
                 placeholder="—", column_config={
        "Label": st.column_config.TextColumn(width=180),
        "What it claims": st.column_config.TextColumn(width=220),
        "Moments labelled": st.column_config.NumberColumn(
            "Labelled", help="Moments given this label.", format="localized"),
        "Claim true": st.column_config.NumberColumn(
            help="Labelled moments where the label's claim is true in the simulation's truth "
                 "(— where the truth does not record it).", format="localized"),
        "Precision": st.column_config.NumberColumn(
            format="%.1f%%", help="Of the moments given the label, the share where its claim "
                                   "is true."),
        "Recall": st.column_config.NumberColumn(
            format="%.1f%%", help="Of the moments where the claim is true, the share the "
                                   "label finds.")})
    st.caption("Read as 'an earlier ad prompted the talk', an 'earlier exposure' label counts "
               "as right only when the very ad the generator says prompted the conversation is "
               "among the ads it points at (or, when the data do not record that ad, when the "
               "conversation was prompted by an ad at all). Where that is true for fewer than "
               "half of the moments, the label's name says only what it shows: that an ad came "
               "first.")


def excess_caption(rec) -> str:
    ex = rec.excess.set_index("flag")
    if "forgotten" not in ex.index or not np.isfinite(ex.loc["forgotten", "excess"]):
        return ""
    row = ex.loc["forgotten"]
    return (f"{pct(row['share_moments'])} of moments had an earlier exposure likely forgotten; "
            f"at placebo moments (same people and topics, no conversation) "
            f"{pct(row['share_placebo'])} do. The difference, {pct(row['excess'], signed=True)} "
            f"(95% interval {pct(row['ci_low'], signed=True)} to "
            f"{pct(row['ci_high'], signed=True)} points), is how much more often than chance "
            "an ad on the topic came first. That is an upper bound on what earlier ads explain: "
            "the same interests and plans bring both the ad and the talk.")


def forgetting_section(params: MemoryParams) -> None:
    st.markdown(f"**The forgetting curve.** Half of what is remembered 20 minutes after seeing "
                f"an ad is gone after {params.recall_half_life_hours:g} hours, and the rest "
                f"fades slowly: a power law with exponent {params.forgetting_exponent:.3f} "
                "(the long, flat tail the measurements show), not an exponential.")
    show(forgetting_chart(params), "Dots: measured; solid: the model. Look at the right end: "
         "a month later about a third is left.", "", key="forgetting_curve")
    st.caption(f"Source: {md_escape(FORGETTING_SOURCE)}")


def sensitivity_section(dataset, rec) -> None:
    st.markdown(f"**How sensitive are the headline figures?** Each memory assumption is set "
                f"to either end of its plausible range, the others left as they are. "
                f"{md_escape(excess_caption(rec))}")
    sens = _sensitivity(dataset.dataset_id, current_scenario(), current_memory_params(), rec)
    show(tornado_chart(sens), "The longer a bar, the more that assumption decides the figure. "
         "The dotted line is the figure with the current assumptions.",
         "There are no coincidences to measure.", key="tornado")
    st.markdown("\n".join(f"- **{md_escape(text)}**: {low:g} to {high:g}. {md_escape(why)}"
                          for text, low, high, why in recall.SENSITIVITY_RANGES.values()))


def recall_method_sections(dataset) -> None:
    """The whole recall and microphone part of the Method page."""
    st.header("Recall and the microphone", anchor=ANCHOR)
    rec = data.recall_result(dataset, current_scenario(), current_memory_params())
    with section():
        design_section(rec)
    with section():
        power_section(dataset, rec)
    with section():
        validity_section(rec)
    with section():
        forgetting_section(current_memory_params())
    with section():
        sensitivity_section(dataset, rec)

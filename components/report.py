"""The offline HTML report of the current scenario: rules, headline figures and charts.

Plotly's JavaScript is embedded once (first chart), so the file opens without a network;
every piece of text from data is HTML-escaped.
"""

from __future__ import annotations

import datetime as dt
import html
import logging

import plotly.graph_objects as go
import streamlit as st

from adlens import labels, recall
from adlens.dataset import Dataset
from adlens.scenario import Scenario
from components import ai_value, charts, data, frames
from components.fmt import pct, pp
from components.overview_top import OWED_LABEL
from components.scenario_controls import announced_base, current_memory_params

log = logging.getLogger("adlens.ui")

STYLE = """
body { font-family: system-ui, -apple-system, Segoe UI, Roboto, sans-serif; margin: 2rem auto;
       max-width: 1100px; color: #1f2430; padding: 0 1rem; }
h1 { margin-bottom: 0; } .muted { color: #5f6675; }
.banner { border-left: 4px solid #E4572E; background: #fff4ef; padding: .6rem 1rem; }
.ok { border-left: 4px solid #54A24B; background: #f1f8ef; padding: .6rem 1rem; }
table { border-collapse: collapse; margin: .5rem 0 1.5rem; }
td, th { border-bottom: 1px solid #ddd; padding: .35rem .8rem; text-align: left; }
.kpis { display: flex; gap: 1rem; flex-wrap: wrap; }
.kpi { border: 1px solid #ddd; border-radius: .5rem; padding: .6rem 1rem; min-width: 14rem; }
.kpi b { display: block; font-size: 1.6rem; }
.kpi span { display: block; font-size: .85rem; max-width: 22rem; }
"""


def _table(rows: list[list[object]], header: list[str]) -> str:
    head = "".join(f"<th>{html.escape(str(h))}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{html.escape(str(c))}</td>" for c in row) + "</tr>"
                   for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _figure_html(fig: go.Figure, first: bool) -> str:
    fig = go.Figure(fig)
    fig.update_layout(template="plotly_white")
    return fig.to_html(full_html=False, include_plotlyjs=True if first else False,
                       config={"displaylogo": False})


def _kpis(items: list[tuple[str, str, str]]) -> str:
    """Figures side by side: (label, value, what it means)."""
    return "<div class='kpis'>" + "".join(
        f"<div class='kpi'>{html.escape(label)}<b>{html.escape(value)}</b>"
        + (f"<span class='muted'>{html.escape(note)}</span>" if note else "") + "</div>"
        for label, value, note in items) + "</div>"


def _recall_part(dataset: Dataset, scenario: Scenario,
                 parts: list[str]) -> list[tuple[str, go.Figure | None]]:
    """The answer to "is it listening?": the recall figures and the microphone test, with its
    chart (appended to `parts`; the charts are returned)."""
    # The microphone test's pieces (with the generator, for the listening preview) load only
    # when a report is built, not with the sidebar's download button on a cold start.
    from components.method_recall import (  # noqa: PLC0415
        excess_caption,
        listening_preview,
        mic_profile_chart,
    )

    try:
        rec = data.recall_result(dataset, scenario, current_memory_params())
    except Exception as error:  # noqa: BLE001 — the rest of the report still stands
        log.exception("report: recall failed")
        parts.append(f"<p class='muted'>The recall figures are missing from this report: "
                     f"{html.escape(type(error).__name__)}.</p>")
        return []
    items = [("'It's listening' moments", f"{len(rec.coincidences):,}", "")]
    caption = excess_caption(rec)
    ex = rec.excess.set_index("flag") if rec.excess is not None and len(rec.excess) else None
    if ex is not None and "forgotten" in ex.index:
        items.append(("Earlier ad likely forgotten, beyond chance",
                      pp(ex.loc["forgotten", "excess"]), caption))
    mic = rec.mic
    items.append(("Microphone test", mic.verdict,
                  f"after minus before each conversation, beyond the same at placebo times: "
                  f"{mic.statistic:+.3f} ads per conversation (95% interval {mic.ci_low:+.3f} "
                  f"to {mic.ci_high:+.3f}, {mic.n_conversations:,} conversations). "
                  + (recall.SIMULATION_NOTE if rec.simulated else
                     "Your own data: nobody knows the answer in advance, which is what the test "
                     "is for.")))
    preview, _ = listening_preview(dataset, rec)
    chart = mic_profile_chart(rec.mic_profile, preview)
    parts.append("<h2>Is it listening? The recall and microphone answer</h2>" + _kpis(items))
    return [("The microphone test: ads on the topic around conversations", chart),
            ("What explains each 'it's listening' moment",
             charts.label_shares_chart(rec.aggregates["labels"]))]


def build_report(dataset: Dataset, scenario: Scenario) -> str:
    """A self-contained HTML page describing this scenario on this dataset."""
    parts: list[str] = []
    lines = scenario.differences()
    if lines:
        items = "".join(f"<li>{html.escape(line)}</li>" for line in lines)
        parts.append(f"<div class='banner'><b>Counterfactual view</b> — differs from the policy "
                     f"Meta announced:<ul>{items}</ul></div>")
    else:
        parts.append("<div class='ok'>Announced policy in force.</div>")
    rules = frames.rules_in_force(scenario)
    parts.append("<h2>Rules in force</h2>" + _table(
        rules[["rule", "this view", "announced policy"]].to_numpy().tolist(),
        ["Rule", "This view", "Announced policy"]))

    figures: list[tuple[str, go.Figure | None]] = [
        ("Who is in the data", charts.people_by_region_chart(
            frames.people_by_region(dataset.users))),
    ]
    try:
        result = data.scenario_result(dataset, scenario)
        shares = frames.headline_shares(result.shares["all"])
        value = ai_value.headline(ai_value.rolling_report(dataset, scenario),
                                  ai_value.feedback_free(dataset.dataset_id),
                                  ai_chat_on=scenario.ai_chat)
        reach = ai_value.reach(dataset, scenario)
        moved, _ = ai_value.reach_text(reach)
        parts.append("<h2>Headline figures</h2>" + _kpis([
            ("Ads with an AI-chat contribution", pct(shares["ai_share"]), ""),
            ("AI chats the largest contributor", pct(shares["ai_largest"]), ""),
            # As on the Overview: the figure is over the people who can have the signal, and
            # the same over everyone is in the caption below, not under the value where it
            # read as a change.
            (OWED_LABEL, moved, ""),
            (f"Next-week {labels.metric('precision@k').lower()} added by AI chats", value.text,
             ""),
        ]) + f"<p class='muted'>{html.escape(ai_value.reach_caption(reach))} "
            f"{html.escape(value.help)} {html.escape(value.caption)}</p>")
        figures.append(("AI chats' part of the ad scores, week by week",
                        charts.signal_share_trend_chart(data.weekly_ai_share(dataset, scenario),
                                                        scenario.policy_start)))
        by_region = frames.shares_matrix(data.scenario_shares(dataset, scenario)["region"],
                                          "region")
        figures.append(("Signal contributions by region", charts.signal_shares_chart(
            by_region, "Signal shares by region", "Region")))
        if scenario.is_counterfactual:
            base = announced_base(scenario)
            before = frames.shares_matrix(data.scenario_result(dataset, base).shares["all"], None)
            after = frames.shares_matrix(result.shares["all"], None)
            if len(before) and len(after):
                figures.append(("This scenario vs the announced policy",
                                charts.shares_before_after_chart(
                                    before.iloc[0], after.iloc[0], "Announced policy",
                                    "This scenario")))
    except Exception as error:  # noqa: BLE001 — the report still carries what it can
        log.exception("report: engine figures failed")
        parts.append(f"<p class='muted'>Engine figures are missing from this report: "
                     f"{html.escape(type(error).__name__)}.</p>")

    figures += _recall_part(dataset, scenario, parts)
    first = True
    for title, fig in figures:
        parts.append(f"<h2>{html.escape(title)}</h2>")
        if fig is None:
            parts.append("<p class='muted'>Nothing to show for this dataset.</p>")
            continue
        parts.append(_figure_html(fig, first))
        first = False
    if first:
        parts.append("<p class='muted'>No charts could be drawn for this dataset.</p>")

    made = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    head = (f"<h1>AdLens report</h1><p class='muted'>{html.escape(dataset.source)} · "
            f"{dataset.n_users:,} people · {dataset.n_events:,} events · viewed as of "
            f"{scenario.as_of:%d %b %Y} · made {made}</p>")
    return ("<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
            "<title>AdLens report</title>"
            f"<style>{STYLE}</style></head><body>{head}{''.join(parts)}</body></html>")


def report_download(scenario: Scenario) -> None:
    """A download button that builds the report when clicked (not on every rerun)."""
    try:
        dataset = data.current_dataset()
    except Exception:  # noqa: BLE001 — no dataset, no report; the page says why
        return

    def make() -> bytes:
        try:
            return build_report(dataset, scenario).encode("utf-8")
        except Exception as error:  # noqa: BLE001 — a download must still produce a file
            log.exception("report failed")
            return (f"<!DOCTYPE html><p>The report could not be built "
                    f"({html.escape(type(error).__name__)}).</p>").encode()

    st.download_button("Download the HTML report", data=make, file_name="adlens-report.html",
                       mime="text/html", icon=":material/description:", width="stretch",
                       key="report_download",
                       # No rerun on click: a rerun racing the deferred build could replace
                       # the button before the report is fetched, and no download starts.
                       on_click="ignore")

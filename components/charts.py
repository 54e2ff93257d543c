"""Every chart of the dashboard: take figure-ready frames, return a Plotly figure (or None).

A builder returns None when there is nothing to draw; `show()` then prints why, so no chart
ever draws an empty frame. Colours come from `components.colors` only.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from adlens import labels, recall, schema
from components import frames
from components.colors import (
    AI_USE_COLORS,
    BASELINE_COLOR,
    EVENT_COLORS,
    EVENT_LABELS,
    LABEL_COLORS,
    POLICY_LINE_COLOR,
    REGION_COLORS,
    REGION_LABELS,
    SIGNAL_COLORS,
    TOTAL_COLOR,
    signal_label,
)
from components.page import chart as show  # noqa: F401 — the pages call charts.show

FONT_GREY = "#808080"  # readable on both themes, for annotations


def plot_text(value: object, limit: int | None = None) -> str:
    """Text from data in the form Plotly draws as written: `&`, `<` and `>` as entities, so a
    tag in the data is not drawn as markup; quotes stay quotes (Plotly does not decode
    `&quot;`, which HTML escaping would leave on screen). Shortened to `limit` characters
    before escaping, so an entity is never cut in half."""
    text = "" if value is None else str(value)
    if limit is not None and len(text) > limit:
        text = text[:max(limit - 1, 0)] + "…"
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _layout(fig: go.Figure, title: str, height: int = 380, **kwargs) -> go.Figure:
    # The title sits on top and the legend under the plot, so the two never meet however
    # many rows the legend wraps into at a narrow width; the bottom margin grows with its rows.
    items = sum(1 for t in fig.data if t.showlegend is not False and t.name)
    rows = 0 if items == 0 else -(-items // 4)
    fig.update_layout(title=dict(text=title, x=0, xanchor="left", y=1, yref="container",
                                 yanchor="top", pad=dict(t=10)),
                      height=height + 22 * rows,
                      margin=dict(l=10, r=10, t=44, b=10 + 22 * rows),
                      legend=dict(orientation="h", yref="container", y=0, yanchor="bottom",
                                  xanchor="left", x=0, title=None, traceorder="normal"),
                      **kwargs)
    return fig


def two_lines(name: str) -> str:
    """A category name of two or more words on two lines (at its first space), so a row of
    five region names fits a half-width chart without being turned on its side."""
    return name.replace(" ", "<br>", 1)


def _policy_marker(fig: go.Figure, day: dt.date, label: str, above: bool = False) -> None:
    # A shape plus an annotation: add_vline's own annotation does not work on date axes.
    # `above`: the label over the plot area, where it cannot sit on the top row's points.
    x = pd.Timestamp(day).isoformat()
    fig.add_shape(type="line", x0=x, x1=x, y0=0, y1=1, yref="paper",
                  line=dict(color=POLICY_LINE_COLOR, dash="dash", width=2))
    fig.add_annotation(x=x, y=1, yref="paper", text=label, showarrow=False, xanchor="left",
                       yanchor="bottom" if above else "top", font=dict(color=POLICY_LINE_COLOR))


# --- Overview ----------------------------------------------------------------------------------
def people_by_region_chart(people: pd.DataFrame) -> go.Figure | None:
    """people: region, uses_meta_ai (bool), people (count)."""
    if people.empty or people["people"].sum() == 0:
        return None
    fig = go.Figure()
    for uses, name in ((True, "Uses Meta AI"), (False, "Does not use Meta AI")):
        part = people[people["uses_meta_ai"] == uses]
        regions = [REGION_LABELS.get(r, r) for r in part["region"]]
        fig.add_bar(x=[two_lines(r) for r in regions], y=part["people"], customdata=regions,
                    name=name, marker_color=AI_USE_COLORS[name],
                    hovertemplate="%{customdata}: %{y:,} people<extra>" + name + "</extra>")
    fig.update_layout(barmode="stack", xaxis_title=None, yaxis_title="People")
    return _layout(fig, "People by region and Meta AI use")


def signal_share_trend_chart(weekly: pd.DataFrame,
                             policy_start: dt.date) -> go.Figure | None:
    """weekly: week, region ('All' or a region id), impressions, share — the AI-chat part of
    the shown ads' scores, one line per region, everyone in a thicker line."""
    if weekly.empty or weekly["impressions"].sum() == 0:
        return None
    fig = go.Figure()
    for region in ["All", *schema.REGIONS]:
        part = weekly[weekly["region"] == region]
        if part.empty:
            continue
        name = labels.region(region)
        # Steps: a week's share holds over its seven days (weeks start on the day AI chats
        # start to count), so the curve rises at the dashed line, not in the week before it.
        fig.add_scatter(x=part["week"], y=part["share"], mode="lines+markers", name=name,
                        line=dict(color=REGION_COLORS.get(region, "#8C8C8C"), shape="hv",
                                  width=4 if region == "All" else 2),
                        marker=dict(size=6 if region == "All" else 4),
                        customdata=part["impressions"],
                        hovertemplate="week from %{x|%d %b %Y}: %{y:.1%} of the score "
                                      "(%{customdata:,} ads shown)<extra>" + name + "</extra>")
    _policy_marker(fig, policy_start, " AI chats count from here")
    top = float(weekly["share"].max()) if weekly["share"].notna().any() else 0.0
    high = max(top * 1.2, 0.02)
    fig.update_layout(xaxis_title=None, hovermode="closest",
                      # Whole percents repeat on a short axis (0.5% steps read "1%, 1%, 2%").
                      yaxis=dict(tickformat=".0%" if high >= 0.05 else ".1%",
                                 rangemode="tozero", range=[0, high],
                                 title="AI chats' part of the ad scores"))
    return _layout(fig, "AI chats' part of the scores of the ads people saw, week by week",
                   height=380)


# --- Why this ad -------------------------------------------------------------------------------
def waterfall_chart(ad: pd.Series, title: str, x_max: float | None = None,
                    rows: int | None = None) -> go.Figure:
    """One ad's chance of a click built up from the baseline, one coloured step per
    contributing signal (largest first), read top to bottom. Bars are chances of a click, so
    a longer bar is a likelier click; the exact log-odds are in each bar's tooltip. `x_max`
    (a chance) gives every waterfall of one person the same axis, `rows` (bars) the same
    height."""
    steps = frames.chance_steps(ad)
    final = frames.chance(float(ad["score"]))
    labels = ["Baseline", *[signal_label(s) for s in steps["signal"].iloc[1:]], "Score"]
    fig = go.Figure()

    def step(label: str, value: float, base: float | None, measure: str, color: str,
             text: str, hover: str) -> None:
        # One trace per step, started at the running total, so each keeps its own colour.
        fig.add_trace(go.Waterfall(
            y=[label], x=[value], base=base, measure=[measure], orientation="h", name=label,
            increasing=dict(marker_color=color), decreasing=dict(marker_color=color),
            totals=dict(marker_color=color), connector=dict(visible=False), showlegend=False,
            text=[text], textposition="outside", cliponaxis=False,
            hovertemplate=hover + "<extra></extra>"))

    first = steps.iloc[0]
    step("Baseline", float(first["after"]), None, "absolute", BASELINE_COLOR,
         frames.chance_text(first["after"]),
         f"Baseline: {frames.chance_text(first['after'])} chance of a click"
         f"<br>log-odds {first['logodds']:.3f}")
    for row in steps.iloc[1:].itertuples(index=False):
        part = float(row.after - row.before)
        label = signal_label(row.signal)
        step(label, part, float(row.before), "relative", SIGNAL_COLORS[row.signal],
             frames.chance_text(part, signed=True),
             f"{label}: {frames.chance_text(part, signed=True)} chance of a click "
             f"({frames.chance_text(row.before)} → {frames.chance_text(row.after)})"
             f"<br>log-odds contribution {row.logodds:+.3f}")
    step("Score", final, None, "absolute", TOTAL_COLOR, frames.chance_text(final),
         f"Score: {frames.chance_text(final)} chance of a click<br>log-odds "
         f"{float(ad['score']):.3f}")
    right = max(_waterfall_top(ad), x_max or 0.0) * 1.3 or 0.01  # room for outside labels
    fig.update_layout(waterfallmode="overlay",
                      xaxis=dict(title="Chance of a click", range=[0, right],
                                 tickformat=".2~%", nticks=4),
                      yaxis=dict(categoryorder="array", categoryarray=labels[::-1], title=None,
                                 automargin=True),
                      uniformtext=dict(minsize=9, mode="show"))
    fig = _layout(fig, title, height=90 + 30 * max(len(labels), rows or 0))
    if not title:  # the page writes the ad's name above the chart, where it can wrap
        fig.update_layout(margin=dict(t=10))
    return fig


def waterfall_extent(ads: pd.DataFrame) -> float:
    """The largest chance of a click any bar of these ads reaches: one axis for a person
    (computed as waterfall_chart computes its own, so float32 scores give the same range)."""
    if ads.empty:
        return 0.0
    return max(_waterfall_top(ad) for _, ad in ads.iterrows())


def _waterfall_top(ad: pd.Series) -> float:
    steps = frames.chance_steps(ad)
    return max(float(steps["after"].max()), float(steps["before"].max()),
               frames.chance(float(ad["score"])))


def _guess_hover(part: pd.DataFrame, i: int) -> str:
    """' (model's guess, 82% likely)…' for an event whose topic the text model guessed
    (columns topic_note, p_sensitive, data_topic from components.threshold.with_guesses)."""
    note = str(part["topic_note"].iloc[i]) if "topic_note" in part else ""
    if not note:
        return ""
    text = f" ({plot_text(note)})"
    p = part["p_sensitive"].iloc[i] if "p_sensitive" in part else float("nan")
    if pd.notna(p):
        text += f"<br>chance it is sensitive (model's guess): {p:.0%}"
    data_topic = str(part["data_topic"].iloc[i]) if "data_topic" in part else ""
    if data_topic:
        text += f"<br>topic in the data: {plot_text(labels.topic(data_topic))}"
    return text


def person_timeline_chart(events: pd.DataFrame, policy_start: dt.date) -> go.Figure | None:
    """events: ts, event_type, app, topic, text (one person's events)."""
    if events.empty:
        return None
    fig = go.Figure()
    order = [e for e in schema.EVENT_TYPES if e in set(events["event_type"])]
    for event_type in order:
        part = events[events["event_type"] == event_type]
        label = EVENT_LABELS.get(event_type, event_type)
        hover = [
            f"{label} · {plot_text(labels.app(app))}<br>"
            f"topic: {plot_text(labels.topic(topic))}{_guess_hover(part, i)}<br>"
            f"{plot_text(text, 80)}"
            for i, (app, topic, text) in enumerate(zip(
                part["app"].fillna(""), part["topic"].fillna(""), part["text"].fillna(""),
                strict=True))
        ]
        fig.add_scatter(x=part["ts"], y=[label] * len(part), mode="markers", name=label,
                        marker=dict(color=EVENT_COLORS.get(event_type), size=9,
                                    line=dict(width=0)),
                        hovertext=hover, hoverinfo="text", showlegend=False)
    _policy_marker(fig, policy_start, " AI chats used from here", above=True)
    fig.update_layout(xaxis_title=None, yaxis_title=None,
                      yaxis=dict(categoryorder="array", categoryarray=[
                          EVENT_LABELS.get(e, e) for e in reversed(order)]))
    return _layout(fig, "This person's events", height=120 + 34 * len(order))


# --- Signal contributions ----------------------------------------------------------------------
# A signal's name in a panel title, over two lines where it is long, so nine panels fit a row.
_PANEL_NAMES = {"site_visit": "Advertiser<br>site visits", "similar_people": "Similar<br>people",
                "ad_click": "Past ad<br>clicks", "friend_like": "Friends'<br>likes"}


def signal_shares_chart(shares: pd.DataFrame, title: str, group_label: str,
                        height: int | None = None) -> go.Figure | None:
    """shares: index = group, one column per signal, values = share of the score (rows sum
    to ~1). One small panel per signal, in its colour, every panel on the same scale: a
    signal's bars compare the groups, and each bar is labelled with its share, so a signal
    with a tiny share (past ad clicks: a fraction of a percent) reads as clearly as the
    largest one instead of vanishing as a sliver of a stacked bar."""
    if shares.empty:
        return None
    cols = [s for s in schema.SIGNALS if s in shares.columns]
    if not cols or float(np.abs(shares[cols].to_numpy()).sum()) == 0:
        return None
    groups = [plot_text(str(g)) for g in shares.index]  # group names can come from data
    fig = make_subplots(rows=1, cols=len(cols), shared_yaxes=True, horizontal_spacing=0.012,
                        subplot_titles=[_PANEL_NAMES.get(s, signal_label(s)) for s in cols])
    top = float(np.nanmax(shares[cols].to_numpy(dtype=float)))
    for i, signal in enumerate(cols, start=1):
        label = signal_label(signal)
        values = shares[signal].to_numpy(dtype=float)
        fig.add_bar(y=groups, x=values, orientation="h", name=label, showlegend=False,
                    marker_color=SIGNAL_COLORS[signal],
                    text=[_share_text(v) for v in values],
                    # A long bar holds its label; a short or empty one has it beside it (a
                    # zero, too: "0.0%" where a rule keeps a signal out is the point).
                    textposition=["inside" if v >= 0.6 * top else "outside" for v in values],
                    insidetextanchor="end",
                    textfont=dict(size=12), cliponaxis=False,
                    hovertemplate="%{y}: %{x:.1%}<extra>" + label + "</extra>", row=1, col=i)
    # The same scale in every panel, with room right of a short bar for its label.
    fig.update_xaxes(range=[0, max(top, 0.01) * 1.35], showticklabels=False, showgrid=False,
                     zeroline=True, zerolinewidth=1, zerolinecolor=FONT_GREY)
    fig.update_yaxes(autorange="reversed", type="category")
    fig.update_yaxes(title=group_label, row=1, col=1)
    fig.update_annotations(font_size=12, yanchor="bottom")
    fig = _layout(fig, title, height=height or max(220, 100 + 26 * len(groups)))
    fig.update_layout(margin=dict(t=84))  # the two-line panel titles under the chart's title
    return fig


def _share_text(value: float) -> str:
    # Shares under a tenth of a percent keep a second decimal, so they never read "0.0%"
    # beside a signal that is truly zero.
    if not np.isfinite(value):
        return ""
    return f"{value:.2%}" if 0 < abs(value) < 0.001 else f"{value:.1%}"


def shares_before_after_chart(before: pd.Series, after: pd.Series, before_name: str,
                              after_name: str) -> go.Figure | None:
    """Two series indexed by signal: each signal's share of scores in two scenarios, one
    panel per signal with a bar for each scenario (signal_shares_chart)."""
    frame = pd.DataFrame({before_name: before, after_name: after}).fillna(0.0).T
    # The names are on the bars' axis: a short title fits at any width.
    return signal_shares_chart(frame, "Each signal's share of the ad scores", "Scenario",
                               height=230)


def changed_by_region_chart(changed: pd.DataFrame) -> go.Figure | None:
    """changed: region, people, changed (people whose top ads differ), share."""
    if changed.empty or changed["people"].sum() == 0:
        return None
    fig = go.Figure()
    # Drawn across the page's width (views/what_if.py), where region names fit on one line.
    fig.add_bar(x=[REGION_LABELS.get(r, r) for r in changed["region"]], y=changed["share"],
                marker_color=[REGION_COLORS.get(r, "#8C8C8C") for r in changed["region"]],
                text=[f"{c:,} of {p:,}" for c, p in zip(changed["changed"], changed["people"],
                                                        strict=True)],
                textposition="outside", cliponaxis=False,
                hovertemplate="%{x}: %{y:.1%}<extra></extra>", showlegend=False)
    top = float(changed["share"].max())
    fig.update_layout(yaxis=dict(tickformat=".0%", title="People whose top ads change",
                                 range=[0, max(0.05, top * 1.25)]), xaxis_title=None)
    return _layout(fig, "People whose top ads change, by region", height=300)


def quality_chart(quality: pd.DataFrame) -> go.Figure | None:
    """quality: scenario, metric, value, low, high (interval). One small panel per metric,
    each on its own scale, so small changes and their intervals stay visible."""
    if quality.empty or quality["value"].isna().all():
        return None
    metrics = list(dict.fromkeys(quality["metric"]))
    fig = make_subplots(rows=1, cols=len(metrics), subplot_titles=metrics,
                        horizontal_spacing=0.08)
    palette = ["#8C8C8C", "#4C78A8"]
    scenarios = list(dict.fromkeys(quality["scenario"]))
    for col, metric in enumerate(metrics, start=1):
        part = quality[quality["metric"] == metric]
        for i, scenario in enumerate(scenarios):
            row = part[part["scenario"] == scenario]
            if row.empty:
                continue
            value, low, high = (float(row[c].iloc[0]) for c in ("value", "low", "high"))
            fig.add_scatter(
                x=[str(scenario)], y=[value], mode="markers", name=str(scenario),
                legendgroup=str(scenario), showlegend=col == 1,
                marker=dict(size=12, color=palette[i % len(palette)]),
                error_y=dict(type="data", symmetric=False, array=[max(high - value, 0)],
                             arrayminus=[max(value - low, 0)], thickness=2, width=8),
                hovertemplate=f"{plot_text(str(scenario))}: %{{y:.3f}} "
                              f"({low:.3f} to {high:.3f})<extra>{plot_text(metric)}</extra>",
                row=1, col=col)
        fig.update_xaxes(showticklabels=False, row=1, col=col)
        low, high = float(part["low"].min()), float(part["high"].max())
        if np.isfinite(low) and np.isfinite(high):
            pad = 0.15 * (high - low or abs(high) * 0.01 or 0.01)
            fig.update_yaxes(range=[low - pad, high + pad], row=1, col=col)
    fig.update_yaxes(tickformat=".3f")
    fig = _layout(fig, "Ranking quality against people's true interests (95% intervals)",
                  height=340)
    fig.update_layout(margin=dict(t=70))  # room for the panel titles under the title
    return fig


# --- Recall --------------------------------------------------------------------------------------
def recall_timeline_chart(exposures: pd.DataFrame, conversation_ts: pd.Timestamp,
                          conversation_label: str, ad_ts: pd.Timestamp | None,
                          ad_label: str, lookback_hours: float = 48.0,
                          threshold: float = 0.5,
                          spread: pd.DataFrame | None = None) -> go.Figure | None:
    """One coincidence in hours from its conversation: the ads on the topic seen in the
    `lookback_hours` before it (exposures: ts, dwell_ms, p_recall, title), the conversation and
    the ad after. An exposure is likely remembered at a chance of `threshold` or more. The axis
    always spans the whole look-back, so an empty stretch means no recorded ad then.
    `spread` (frames.exposure_spread: start, end, remembered, forgotten) adds a panel below:
    when the earlier ads of many coincidences came, so the one case is read against them."""
    talk = pd.Timestamp(conversation_ts)
    after = None if ad_ts is None or pd.isna(ad_ts) else \
        (pd.Timestamp(ad_ts) - talk).total_seconds() / 3600
    panel = spread is not None and len(spread) and float(
        spread[["remembered", "forgotten"]].to_numpy().sum()) > 0
    fig = make_subplots(rows=2 if panel else 1, cols=1, shared_xaxes=True,
                        vertical_spacing=0.12, row_heights=[0.45, 0.55] if panel else None)
    names = {True: recall.REMEMBERED.split(", ")[1].capitalize(),
             False: recall.FORGOTTEN.split(", ")[1].capitalize()}
    colors = {True: LABEL_COLORS[recall.REMEMBERED], False: LABEL_COLORS[recall.FORGOTTEN]}
    if not exposures.empty:
        hours = (pd.to_datetime(exposures["ts"]) - talk).dt.total_seconds() / 3600
        dwell = exposures["dwell_ms"].fillna(0).to_numpy(dtype=float)
        size = 10 + 24 * np.sqrt(np.clip(dwell, 0, None) / max(float(dwell.max()), 1.0))
        remembered = exposures["p_recall"].fillna(0).to_numpy(dtype=float) >= threshold
        for kept in (True, False):
            at = remembered == kept
            if not at.any():
                continue
            part = exposures[at]
            hover = [f"{plot_text(t, 60)}<br>{-h:.1f} hours before the conversation, "
                     f"seen {d / 1000:.1f} s<br>chance remembered: {p:.0%}"
                     for t, h, d, p in zip(part["title"].fillna(""), hours[at], dwell[at],
                                           part["p_recall"].fillna(0), strict=True)]
            fig.add_scatter(x=hours[at], y=["Ads seen before"] * int(at.sum()),
                            mode="markers+text", name=names[kept], legendgroup=str(kept),
                            marker=dict(size=size[at], color=colors[kept]),
                            text=[f"{p:.0%}" for p in part["p_recall"].fillna(0)],
                            textposition="top center", cliponaxis=False,
                            hovertext=hover, hoverinfo="text", showlegend=not panel,
                            row=1, col=1)
    fig.add_scatter(x=[0.0], y=["Conversation"], mode="markers", name="Conversation",
                    marker=dict(symbol="star", size=18, color=EVENT_COLORS["conversation"]),
                    hovertext=[plot_text(conversation_label, 120)], hoverinfo="text",
                    showlegend=False, row=1, col=1)
    if after is not None:
        fig.add_scatter(x=[after], y=["The ad after"], mode="markers", name="The ad after",
                        marker=dict(symbol="diamond", size=16, color=EVENT_COLORS["ad_impression"]),
                        hovertext=[f"{plot_text(ad_label, 120)}<br>{after:.1f} hours after"],
                        hoverinfo="text", showlegend=False, row=1, col=1)
    if panel:
        mid = ((spread["start"] + spread["end"]) / 2).to_numpy(dtype=float)
        width = (spread["end"] - spread["start"]).to_numpy(dtype=float)
        for kept, column in ((True, "remembered"), (False, "forgotten")):
            fig.add_bar(x=mid, y=spread[column], width=width * 0.92, name=names[kept],
                        legendgroup=str(kept), marker_color=colors[kept],
                        customdata=np.stack([-spread["end"], -spread["start"]], axis=1),
                        hovertemplate="%{customdata[0]:.0f} to %{customdata[1]:.0f} hours "
                                      "before: %{y:,} ads<extra>" + names[kept] + "</extra>",
                        row=2, col=1)
        fig.update_layout(barmode="stack")
        fig.update_yaxes(title="Earlier ads", title_font=dict(size=11), rangemode="tozero",
                         row=2, col=1)
    right = max(after or 0.0, 0.0) + max(lookback_hours * 0.06, 2.0)
    fig.update_xaxes(range=[-lookback_hours - max(lookback_hours * 0.03, 1.0), right],
                     tick0=0, dtick=12 if lookback_hours <= 96 else 24, zeroline=True,
                     zerolinecolor=EVENT_COLORS["conversation"], zerolinewidth=2)
    fig.update_xaxes(title="Hours from the conversation (before it: negative)",
                     row=2 if panel else 1, col=1)
    fig.update_yaxes(title=None, categoryorder="array",
                     categoryarray=["Ads seen before", "Conversation", "The ad after"],
                     row=1, col=1)
    return _layout(fig, "Before the conversation: what the person had already seen",
                   height=420 if panel else 300)


def label_shares_chart(labels: pd.DataFrame) -> go.Figure | None:
    """labels: region, label, count, share (from recall aggregates)."""
    if labels.empty or labels["count"].sum() == 0:
        return None
    totals = labels.groupby("region", sort=False)["count"].sum()
    regions = [r for r in totals.index if totals[r] > 0]
    fig = go.Figure()
    for name, color in LABEL_COLORS.items():
        part = labels[(labels["label"] == name) & labels["region"].isin(regions)]
        if part["count"].sum() == 0:
            continue
        fig.add_bar(y=[REGION_LABELS.get(r, r) if r != "All" else "All regions"
                       for r in part["region"]],
                    x=part["share"], orientation="h", name=name, marker_color=color,
                    customdata=part["count"],
                    hovertemplate="%{y}: %{x:.0%} (%{customdata:,})<extra>" + name + "</extra>")
    fig.update_layout(barmode="stack",
                      xaxis=dict(tickformat=".0%", title="Share of coincidences"),
                      yaxis=dict(title=None, autorange="reversed"))
    height = max(260, 130 + 36 * len(regions))
    return _layout(fig, "What explains each 'it's listening' moment", height=height)


def ai_switch_chart(switch: pd.DataFrame) -> go.Figure | None:
    """switch: label, ai_chat_on, ai_chat_off (counts for one region). One bar per setting of
    the switch, split by label in the labels' colours, so the legend's swatches are the colours
    drawn and no label is written on its side."""
    if switch.empty or (switch["ai_chat_on"].sum() + switch["ai_chat_off"].sum()) == 0:
        return None
    rows = ["AI-chat signal on", "AI-chat signal off"]
    fig = go.Figure()
    known = [lbl for lbl in LABEL_COLORS if lbl in set(switch["label"])]
    for name in known + sorted(set(switch["label"]) - set(known)):
        part = switch[switch["label"] == name]
        counts = [int(part["ai_chat_on"].sum()), int(part["ai_chat_off"].sum())]
        if sum(counts) == 0:
            continue
        fig.add_bar(y=rows, x=counts, orientation="h", name=name,
                    marker_color=LABEL_COLORS.get(name, "#8C8C8C"),
                    text=[f"{c:,}" if c else "" for c in counts], textposition="inside",
                    insidetextanchor="middle",
                    hovertemplate="%{y}: %{x:,} coincidences<extra>" + plot_text(name)
                                  + "</extra>")
    fig.update_layout(barmode="stack", uniformtext=dict(minsize=9, mode="hide"),
                      xaxis=dict(title="Coincidences"),
                      yaxis=dict(title=None, autorange="reversed"))
    return _layout(fig, "Explanations with the AI-chat signal on and off", height=250)

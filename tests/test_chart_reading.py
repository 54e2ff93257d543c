"""What a stakeholder reads off the charts and pages: every signal's share readable however
small, legend swatches in the colours drawn, no category label turned on its side, the recall
timeline spanning its whole look-back with the spread of earlier ads under it, capitalised
table headers and no code name on the Method page."""

from __future__ import annotations

import json
import re

import numpy as np
import pandas as pd
import pytest
from apptest_app import started
from streamlit.testing.v1 import AppTest

from adlens import recall, schema
from components import charts, frames
from components.colors import LABEL_COLORS, SIGNAL_COLORS


def _shares(tiny: float = 0.002) -> pd.DataFrame:
    """Shares of the nine signals in two groups, one signal at a fraction of a percent."""
    rng = np.random.default_rng(3)
    big = rng.uniform(0.02, 0.5, size=(2, len(schema.SIGNALS) - 1))
    frame = pd.DataFrame(big, index=["Group one", "Group two"],
                         columns=[s for s in schema.SIGNALS if s != "ad_click"])
    frame["ad_click"] = tiny
    return frame.div(frame.sum(axis=1), axis=0)


def _visible_legend(fig) -> list:
    return [t for t in fig.data if t.showlegend is not False and t.name]


def _rgb(color: str) -> tuple[int, int, int]:
    return tuple(int(color.lstrip("#")[i:i + 2], 16) for i in (0, 2, 4))


def test_every_signal_reads_as_a_labelled_bar_on_one_scale() -> None:
    shares = _shares()
    shares.loc["Group two", "ai_chat"] = 0.0  # a rule keeps the signal out of this group
    shares = shares.div(shares.sum(axis=1), axis=0)
    fig = charts.signal_shares_chart(shares, "Signal shares by group", "Group")
    bars = [t for t in fig.data if t.type == "bar"]
    assert [t.name for t in bars] == [charts.signal_label(s) for s in schema.SIGNALS]
    tiny = next(t for t in bars if t.name == charts.signal_label("ad_click"))
    # The smallest signal carries its value as text, like every other one.
    for trace, signal in zip(bars, schema.SIGNALS, strict=True):
        assert list(trace.text) == [charts._share_text(v) for v in shares[signal]]
        assert all(trace.text), trace.name
        assert trace.marker.color == SIGNAL_COLORS[signal]
    assert all(t not in ("", "0.0%") for t in tiny.text), list(tiny.text)
    # A zero is said beside its (empty) bar, and only the longest bars hold their label.
    chats = next(t for t in bars if t.name == charts.signal_label("ai_chat"))
    assert chats.text[1] == "0.0%" and chats.textposition[1] == "outside"
    top = shares.to_numpy().max()
    for trace, signal in zip(bars, schema.SIGNALS, strict=True):
        for value, where in zip(shares[signal], trace.textposition, strict=True):
            assert where == ("inside" if value >= 0.6 * top else "outside")
    # One scale for every panel, so a longer bar is a larger share on any panel.
    layout = fig.to_plotly_json()["layout"]
    ranges = {tuple(v["range"]) for k, v in layout.items() if k.startswith("xaxis")}
    assert len(ranges) == 1
    assert next(iter(ranges))[1] > shares.to_numpy().max()


def test_past_ad_clicks_are_not_drawn_in_grey() -> None:
    # Grey reads as "no data" (and is the baseline's and chance's colour): the signal needs a
    # hue of its own.
    r, g, b = _rgb(SIGNAL_COLORS["ad_click"])
    assert max(r, g, b) - min(r, g, b) >= 60, SIGNAL_COLORS["ad_click"]
    assert len(set(SIGNAL_COLORS.values())) == len(SIGNAL_COLORS)


def test_share_text_tells_a_tiny_share_from_zero() -> None:
    assert charts._share_text(0.0) == "0.0%"
    assert charts._share_text(0.0002) == "0.02%"
    assert charts._share_text(0.466) == "46.6%"


def test_the_before_after_shares_have_no_legend_to_mismatch() -> None:
    before = _shares().iloc[0]
    after = before.copy()
    after["ai_chat"] = 0.0
    fig = charts.shares_before_after_chart(before, after, "Announced policy",
                                           "AI-chat signal off")
    assert _visible_legend(fig) == []  # the scenarios are the bars' own axis
    for trace in fig.data:
        assert list(trace.y) == ["Announced policy", "AI-chat signal off"]
        assert trace.marker.pattern.shape is None  # no hatching a legend would need to explain


def test_the_ai_switch_legend_shows_the_colours_drawn() -> None:
    counts = {recall.REMEMBERED: (94, 94), recall.FORGOTTEN: (389, 389),
              recall.AI_CHAT_ITSELF: (200, 0), recall.OTHER_SIGNALS: (1116, 1316),
              recall.CHANCE: (43, 43)}
    switch = pd.DataFrame({"label": list(counts),
                           "ai_chat_on": [on for on, _ in counts.values()],
                           "ai_chat_off": [off for _, off in counts.values()]})
    fig = charts.ai_switch_chart(switch)
    legend = _visible_legend(fig)
    assert [t.name for t in legend] == list(counts)
    for trace in fig.data:
        # One colour per trace, the label's own: the legend swatch is the colour drawn.
        assert isinstance(trace.marker.color, str)
        assert trace.marker.color == LABEL_COLORS[trace.name]
        assert trace.orientation == "h"  # labels in the legend, settings on the axis
        assert [int(v) for v in trace.x] == list(counts[trace.name])
    assert sum(int(t.x[0]) for t in fig.data) == sum(on for on, _ in counts.values())


def test_region_names_are_written_on_two_lines_not_turned() -> None:
    people = pd.DataFrame({"region": ["US", "EU", "UK", "KR", "Other"] * 2,
                           "uses_meta_ai": [True] * 5 + [False] * 5, "people": range(1, 11)})
    fig = charts.people_by_region_chart(people)
    assert "European<br>Union" in list(fig.data[0].x)
    assert list(fig.data[0].customdata)[1] == "European Union"  # the hover keeps one line


def _prior(hours: list[float], p: list[float], ids: list[int]) -> pd.DataFrame:
    return pd.DataFrame({"coincidence_id": ids, "hours_before": hours, "p_recall": p})


def test_the_exposure_spread_counts_every_earlier_ad_once_in_its_bin() -> None:
    rng = np.random.default_rng(7)
    n = 500
    prior = _prior(rng.uniform(0.001, 48, n).tolist(), rng.uniform(0, 1, n).tolist(),
                   rng.integers(0, 40, n).tolist())
    shown = list(range(0, 40, 2))
    spread = frames.exposure_spread(prior, shown, 48.0, bin_hours=4.0, threshold=0.5)
    assert len(spread) == 12
    assert spread["start"].iloc[0] == -48 and spread["end"].iloc[-1] == 0
    mine = prior[prior["coincidence_id"].isin(shown)]
    assert spread["remembered"].sum() == int((mine["p_recall"] >= 0.5).sum())
    assert spread["forgotten"].sum() == int((mine["p_recall"] < 0.5).sum())
    # Each bin holds exactly the exposures whose time before the conversation falls in it.
    for row in spread.itertuples(index=False):
        inside = mine[(-mine["hours_before"] >= row.start) & (-mine["hours_before"] < row.end)]
        assert row.remembered + row.forgotten == len(inside)


def test_the_spread_of_no_coincidence_is_empty_bins() -> None:
    spread = frames.exposure_spread(_prior([1.0], [0.9], [3]), [], 48.0)
    assert len(spread) == 12 and spread[["remembered", "forgotten"]].to_numpy().sum() == 0


def test_the_recall_timeline_spans_the_look_back_and_shows_the_spread() -> None:
    talk = pd.Timestamp("2025-12-20 12:00", tz="UTC")
    one = pd.DataFrame({"ts": [talk - pd.Timedelta(hours=20)], "dwell_ms": [900.0],
                        "p_recall": [0.3], "title": ["Trail boots"]})
    spread = frames.exposure_spread(_prior([20.0, 30.0, 2.0], [0.3, 0.7, 0.1], [0, 1, 2]),
                                    [0, 1, 2], 48.0)
    fig = charts.recall_timeline_chart(one, talk, "about hiking",
                                       talk + pd.Timedelta(hours=6), "Boots", 48.0, 0.5, spread)
    layout = fig.to_plotly_json()["layout"]
    low, high = layout["xaxis"]["range"]
    # The whole look-back is on the axis: a lone exposure does not set the range.
    assert low <= -48 and high >= 6
    circle = next(t for t in fig.data if t.type == "scatter" and t.name == "Likely forgotten")
    assert list(circle.x) == pytest.approx([-20.0])
    assert list(circle.text) == ["30%"]
    bars = [t for t in fig.data if t.type == "bar"]
    assert sum(float(v) for t in bars for v in t.y) == 3
    # Legend swatches are the colours drawn, one entry per kind.
    legend = _visible_legend(fig)
    assert sorted(t.name for t in legend) == ["Likely forgotten", "Likely remembered"]
    for trace in legend:
        kind = recall.REMEMBERED if trace.name == "Likely remembered" else recall.FORGOTTEN
        assert trace.marker.color == LABEL_COLORS[kind]


def test_a_timeline_without_exposures_still_spans_the_look_back() -> None:
    talk = pd.Timestamp("2025-12-20 12:00", tz="UTC")
    empty = pd.DataFrame(columns=["ts", "dwell_ms", "p_recall", "title"])
    fig = charts.recall_timeline_chart(empty, talk, "about hiking", None, "", 48.0)
    low, high = fig.to_plotly_json()["layout"]["xaxis"]["range"]
    assert low <= -48 and high >= 0


# --- on the pages (AppTest) --------------------------------------------------------------------
@pytest.fixture(scope="module")
def at() -> AppTest:
    return started(240)


CODE_NAME = re.compile(r"`[^`]+`|\b[a-z]+(?:_[a-z0-9]+)+\b")


def _page_text(at: AppTest) -> str:
    parts = [e.value for kind in ("markdown", "caption", "subheader", "header", "title",
                                  "info", "warning") for e in at.get(kind)]
    for chart in at.get("plotly_chart"):
        spec = json.loads(chart.proto.spec)
        parts += [str(t.get("name", "")) for t in spec["data"]]
        parts.append(json.dumps(spec["layout"].get("title", "")))
    return "\n".join(str(p) for p in parts)


def test_the_method_page_shows_no_code_name(at: AppTest) -> None:
    at.switch_page("views/method.py").run()
    assert not at.exception
    text = _page_text(at)
    assert "Chats not in English" in text  # the calibration notes are on the page
    found = sorted(set(CODE_NAME.findall(text)))
    assert found == [], found


def test_the_contributions_table_has_plain_capitalised_headers(at: AppTest) -> None:
    at.switch_page("views/contributions.py").run()
    assert not at.exception
    table = at.dataframe[0].value
    assert list(table.columns)[0] == "Signal" and list(table.columns)[-1] == "Difference"
    for column in table.columns:
        assert column[:1].isupper() and not CODE_NAME.search(column), column
    assert charts.signal_label("ad_click") in set(table["Signal"])


def test_the_data_contract_tables_have_plain_capitalised_headers(at: AppTest) -> None:
    at.switch_page("views/data.py").run()
    assert not at.exception
    contract_tables = [df.value for df in at.dataframe
                       if "Required columns" in df.value.columns or "Event" in df.value.columns]
    assert len(contract_tables) == 2
    for table in contract_tables:
        for column in table.columns:
            assert column[:1].isupper() and not CODE_NAME.search(column), column

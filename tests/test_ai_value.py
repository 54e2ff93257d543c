"""The pages' AI-chat value figures: the Overview headline, the What-if table and the HTML report
show the rolling next-week evaluation and the reach the engine computes, with denominators."""

from __future__ import annotations

from pathlib import Path

import pytest
from apptest_app import started
from streamlit.testing.v1 import AppTest

from adlens import engine, labels, rolling
from adlens.contract import load_dataset
from adlens.scenario import Scenario
from components import ai_value, overview_top
from components.fmt import pct

APP = str(Path(__file__).parent.parent / "app.py")
SAMPLE = Path(__file__).parent.parent / "sample_data"


@pytest.fixture(scope="module")
def sample():
    dataset = load_dataset(SAMPLE)
    return dataset, engine.prepare(dataset)


@pytest.fixture(scope="module")
def at() -> AppTest:
    return started()


def _metric(at: AppTest, label: str):
    hits = [m for m in at.metric if m.label == label]
    assert hits, [m.label for m in at.metric]
    return hits[0]


def test_overview_headline_is_the_rolling_value_with_its_denominators(at, sample):
    _, prepared = sample
    at.switch_page("views/overview.py").run()
    assert not at.exception
    report = rolling.evaluate(prepared, Scenario())
    row = report.row("precision@k")
    assert _metric(at, "Next-week top-5 hit rate added by AI chats").value == ai_value.points(
        row["value"])
    captions = " ".join(c.value for c in at.caption)
    assert f"{int(row['n_person_weeks']):,} person-weeks" in captions
    assert f"{int(row['n_clicks']):,} clicks" in captions
    reach = rolling.reach(prepared, Scenario()).set_index("population")
    moved = _metric(at, overview_top.OWED_LABEL)
    assert moved.value == pct(reach.loc["eligible", "ads_leaving_top_k"])
    # Its label names the people it is over; the figure over everyone is no arrow under it,
    # as if it were a change, but a sentence in the caption below.
    assert "among people who can have the signal" in moved.label and not moved.delta
    assert (f"over all {int(reach.loc['everyone', 'people']):,} people" in captions
            and pct(reach.loc["everyone", "ads_leaving_top_k"]) in captions)
    # The bundled sample's feedback-free twin is stored, so the caption names it.
    if rolling.stored_feedback_free(prepared.dataset_id) is not None:
        assert "without the platform's own chat targeting" in captions


def test_what_if_table_compares_the_value_per_scenario(at, sample):
    _, prepared = sample
    at.switch_page("views/what_if.py").run()
    assert not at.exception
    tables = [t.value for t in at.dataframe if "Added by AI chats" in t.value.columns]
    assert tables, "the rolling table is on the page"
    table = tables[0]
    # Only the switch differs, so the signal's value is the announced policy's: one scenario.
    assert set(table["Scenario"]) == {"Announced policy"}
    expected = rolling.evaluate(prepared, Scenario())
    announced = table[(table["Scenario"] == "Announced policy")
                      & (table["Measure"] == "Top-5 hit rate")].iloc[0]
    assert announced["Added by AI chats"] == ai_value.points(expected.value("precision@k"))
    # What each figure stands on: a second table beside it, row for row.
    counts = [t.value for t in at.dataframe if "Clicks" in t.value.columns][0]
    assert list(counts["Measure"]) == list(table["Measure"])
    stands_on = counts[counts["Measure"] == "Top-5 hit rate"].iloc[0]
    assert stands_on["Clicks"] == expected.row("precision@k")["n_clicks"]
    kpi = _metric(at, "Next-week top-5 hit rate added by AI chats")
    assert kpi.value == ai_value.points(0.0)  # the compared scenario has the signal off
    assert kpi.delta == f"{-expected.value('precision@k') * 100:+.2f} points"
    # Using AI chats in the EU too: EU chatters become eligible, and the table says so.
    at.button(key="preset_eu_in").click().run()
    assert not at.exception
    tables = [t.value for t in at.dataframe if "Added by AI chats" in t.value.columns]
    assert set(tables[0]["Scenario"]) == {"Announced policy", "This scenario"}
    by_region = tables[1]
    eu = labels.region("EU")
    assert eu in set(by_region.loc[by_region["Scenario"] == "This scenario", "Region"])
    assert eu not in set(by_region.loc[by_region["Scenario"] == "Announced policy", "Region"])


def test_the_report_carries_the_rolling_headline(at, sample):
    from components.report import build_report

    dataset, prepared = sample
    page = build_report(dataset, Scenario())
    value = rolling.evaluate(prepared, Scenario()).value("precision@k")
    assert "Next-week top-5 hit rate added by AI chats" in page
    assert f"<b>{ai_value.points(value)}</b>" in page
    assert "person-weeks" in page
    # The reach figure is labelled as the Overview labels it, with the figure over everyone in
    # the caption and not under the value (where it read as a change).
    assert "Top-5 ads owed to AI chats, among people who can have the signal" in page
    assert "over everyone" not in page
    assert "would leave their top 5 without it; over all" in page


def test_nothing_to_measure_says_so():
    empty = rolling.RollingReport.from_dict({
        "k": 5, "n_boot": 0, "without": "removed", "weeks": [],
        "summary": [("All", m, v, float("nan"), float("nan"), float("nan"), 0, 0, 0, 0, 0)
                    for m in rolling.METRICS for v in rolling.VARIANTS]})
    figure = ai_value.headline(empty)
    assert figure.text == "—" and "cannot be measured" in figure.help


def test_with_ai_chats_off_the_overview_caption_does_not_contradict_itself():
    """AI chats off: nobody can have the signal in this view, and the hit-rate figure is what
    switching them on would add, on the people who could then have it."""
    app = AppTest.from_file(APP, default_timeout=180)
    app.run()
    on = " ".join(c.value for c in app.caption)
    assert "Among the " in on and "who can have the signal" in on
    app.session_state["sc_ai_chat"] = False
    app.run()
    assert not app.exception
    off = " ".join(c.value for c in app.caption)
    assert "Nobody can have the AI-chat signal in this view" in off
    assert "AI chats are off in this view. Switched on" in off
    assert "who can have the signal" not in off and "who could have the signal" in off
    owed = _metric(app, overview_top.OWED_LABEL)
    assert owed.value == "—" and not owed.delta


def test_a_flat_trend_axis_has_distinct_tick_labels():
    import datetime as dt

    import pandas as pd

    from components import charts

    weeks = pd.date_range("2025-11-03", periods=4, freq="7D")
    flat = pd.DataFrame({"week": weeks, "region": "All", "impressions": 10, "share": 0.0})
    fig = charts.signal_share_trend_chart(flat, dt.date(2025, 12, 16))
    assert fig.layout.yaxis.tickformat == ".1%"
    steep = flat.assign(share=[0.0, 0.1, 0.2, 0.3])
    assert charts.signal_share_trend_chart(steep, dt.date(2025, 12, 16)).layout.yaxis.tickformat \
        == ".0%"

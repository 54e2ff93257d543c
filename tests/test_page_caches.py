"""Figures and tables the pages keep across reruns and sessions stay right: a rule switch still
changes what a page draws, switching back draws it as before, and a rerun leaves it unchanged."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from components.colors import signal_label

APP = str(Path(__file__).parent.parent / "app.py")
PAGES = ("views/overview.py", "views/why_this_ad.py", "views/contributions.py",
         "views/what_if.py")
AI_CHAT = signal_label("ai_chat")


def _drawn(at: AppTest) -> tuple[list[str], list[str]]:
    """What the page sent: each chart's Plotly JSON and each table's data, in page order."""
    charts = [chart.proto.spec for chart in at.get("plotly_chart")]
    tables = [frame.value.to_json() for frame in at.dataframe]
    return charts, tables


def _ai_chat_total(spec: str) -> float:
    """Sum of the AI-chat bars of one chart (0 when it has none)."""
    import base64

    import numpy as np

    total = 0.0
    for trace in json.loads(spec)["data"]:
        if trace.get("name") != AI_CHAT:
            continue
        for axis in ("x", "y"):
            values = trace.get(axis)
            if isinstance(values, dict):  # plotly's typed-array encoding
                values = np.frombuffer(base64.b64decode(values["bdata"]), dtype=values["dtype"])
            if values is not None and len(values) and np.issubdtype(
                    np.asarray(values).dtype, np.number):
                total += float(np.abs(np.asarray(values, dtype=float)).sum())
    return total


def _run(at: AppTest, page: str, ai_chat: bool) -> tuple[list[str], list[str]]:
    at.sidebar.toggle(key="sc_ai_chat").set_value(ai_chat)
    at.switch_page(page).run()
    assert not at.exception, f"{page}: {[e.value for e in at.exception]}"
    assert not at.error, f"{page}: {[e.value for e in at.error]}"
    return _drawn(at)


@pytest.fixture(scope="module")
def app() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=300)
    at.run()
    return at


@pytest.mark.parametrize("page", PAGES)
def test_rule_switch_changes_the_page_and_switching_back_restores_it(app: AppTest,
                                                                      page: str) -> None:
    announced = _run(app, page, ai_chat=True)
    again = _run(app, page, ai_chat=True)
    off = _run(app, page, ai_chat=False)
    back = _run(app, page, ai_chat=True)
    assert announced[0], f"{page} drew no chart"
    assert again == announced, "a rerun changed a kept figure or table"
    assert off != announced, "switching the AI-chat signal off left the page as it was"
    assert back == announced, "switching back did not draw the announced policy's page"


def test_contribution_charts_follow_the_ai_chat_switch(app: AppTest) -> None:
    """Each breakdown has an AI-chat part under the announced policy and none when it is off,
    also when the figures were built before in this process (a second session's view)."""
    on, _ = _run(app, "views/contributions.py", ai_chat=True)
    off, _ = _run(app, "views/contributions.py", ai_chat=False)
    second = AppTest.from_file(APP, default_timeout=300)
    second.run()
    again_on, _ = _run(second, "views/contributions.py", ai_chat=True)
    assert len(on) == len(off) == len(again_on) >= 6
    assert all(_ai_chat_total(spec) > 0 for spec in on)
    assert all(_ai_chat_total(spec) == 0 for spec in off)
    assert again_on == on


def _tradeoff_spec(at: AppTest) -> str:
    specs = [c.proto.spec for c in at.get("plotly_chart")
             if "What each threshold costs" in c.proto.spec]
    assert len(specs) == 1, "the What-if page drew no threshold trade-off chart"
    return specs[0]


def test_threshold_chart_follows_the_slider_and_comes_back(app: AppTest) -> None:
    """The kept trade-off figure is per threshold: moving the slider marks the new one,
    moving it back draws the first figure again."""
    _run(app, "views/what_if.py", ai_chat=True)
    slider = app.slider(key="threshold_slider")
    chosen = float(slider.value)
    first = _tradeoff_spec(app)
    other = 0.3 if abs(chosen - 0.3) > 0.05 else 0.6
    slider.set_value(other).run()
    moved = _tradeoff_spec(app)
    assert moved != first and f"now {other:.2f}" in moved and f"chosen {chosen:.2f}" in moved
    app.slider(key="threshold_slider").set_value(chosen).run()
    assert _tradeoff_spec(app) == first

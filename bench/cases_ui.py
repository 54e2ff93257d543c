"""Benchmarks of the dashboard: first full render of the Overview in Chromium next to a
one-line Streamlit page, server rerun time of each sidebar switch, and the server's memory.

Each function starts what it measures (servers, browser, AppTest) and times only the render
or the rerun.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from bench import server
from bench.harness import Case
from bench.rss import RssPeaks

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'
PAGES = ("", "why_this_ad", "contributions", "what_if", "recall", "data", "method")
# (widget key, value away from the announced policy) for every sidebar switch.
SWITCHES = (("sc_ai_chat", False), ("sc_exclude_EU", False), ("sc_exclude_UK", False),
            ("sc_exclude_KR", False), ("sc_link_rule", False), ("sc_sensitive", "gdpr9"))


def cases() -> list[Case]:
    return [
        Case("ui: Overview first full render vs a one-line page (Chromium)",
             func="bench.cases_ui:overview_render", target="≤ 2× the one-line page",
             max_detail={"ratio": 2.0}, timeout=900),
        Case("ui: server rerun per sidebar switch on the sample (AppTest)",
             func="bench.cases_ui:toggle_reruns", target="≤ 0.25 s (cached scenario)",
             max_seconds=0.25, timeout=900),
        Case("ui: server memory, every page and switch on the sample",
             func="bench.cases_ui:server_memory", target="≤ 500 MB RSS", max_seconds=None,
             max_detail={"server_peak_rss_mb": 500}, timeout=900),
    ]


# --- helpers ------------------------------------------------------------------------------------
def _render(browser, url: str, ready: str, context=None) -> float:
    """Seconds from navigation to a finished script run with `ready` on screen; a new browser
    context (empty HTTP cache) unless one is given."""
    own = context is None
    context = context or browser.new_context(viewport={"width": 1440, "height": 1000})
    page = context.new_page()
    start = time.perf_counter()
    page.goto(url)
    page.wait_for_selector(ready, timeout=300_000)
    page.wait_for_selector(IDLE, timeout=300_000)
    page.wait_for_selector('[data-testid="stSkeleton"]', state="detached", timeout=300_000)
    seconds = time.perf_counter() - start
    page.close()
    if own:
        context.close()
    return seconds


# --- cases ----------------------------------------------------------------------------------------
def overview_render(repeats: int = 3) -> dict:
    """Overview (all charts and figures drawn) against `st.write("hello")`, same browser.

    For reference it also times the cheapest page that loads Plotly at all: the one line plus
    two one-bar Plotly charts (`plotly_floor`). Any page drawing a Plotly chart pays that
    script's load, so the Overview's ratio cannot go below the floor's."""
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        one_line = Path(tmp) / "hello.py"
        one_line.write_text('import streamlit as st\nst.write("hello")\n')
        floor_page = Path(tmp) / "plotly_floor.py"
        floor_page.write_text(
            "import plotly.graph_objects as go\nimport streamlit as st\n"
            'st.write("hello")\n'
            "st.plotly_chart(go.Figure(go.Bar(x=[1, 2], y=[1, 2])))\n"
            "st.plotly_chart(go.Figure(go.Bar(x=[1, 2], y=[2, 1])))\n")
        app, app_url = server.start(ROOT / "app.py", ROOT)
        hello, hello_url = server.start(one_line, Path(tmp))
        floor, floor_url = server.start(floor_page, Path(tmp))
        try:
            with sync_playwright() as pw:
                browser = pw.chromium.launch(executable_path=CHROMIUM, args=server.CHROMIUM_ARGS)
                charts = '[data-testid="stPlotlyChart"] >> nth=1'
                cold = _render(browser, app_url, charts)  # loads and prepares the sample
                _render(browser, floor_url, charts)
                warm, base, floors = [], [], []
                for _ in range(repeats):  # interleaved, so drift hits all three alike
                    warm.append(_render(browser, app_url, charts))
                    base.append(_render(browser, hello_url, "text=hello"))
                    floors.append(_render(browser, floor_url, charts))
                # A returning analyst: the browser already holds Streamlit's and Plotly's code.
                cached = browser.new_context(viewport={"width": 1440, "height": 1000})
                _render(browser, app_url, charts, cached)
                _render(browser, hello_url, "text=hello", cached)
                warm_cache = [_render(browser, app_url, charts, cached) for _ in range(repeats)]
                base_cache = [_render(browser, hello_url, "text=hello", cached)
                              for _ in range(repeats)]
                cached.close()
                browser.close()
        finally:
            server.stop(app)
            server.stop(hello)
            server.stop(floor)
    overview, baseline = statistics.median(warm), statistics.median(base)
    plotly_floor = statistics.median(floors)
    overview_c, baseline_c = statistics.median(warm_cache), statistics.median(base_cache)
    return {"seconds": overview,
            "detail": {"one_line_s": round(baseline, 3), "ratio": round(overview / baseline, 2),
                       "plotly_floor_s": round(plotly_floor, 3),
                       "plotly_floor_ratio": round(plotly_floor / baseline, 2),
                       "browser_cached_overview_s": round(overview_c, 3),
                       "browser_cached_one_line_s": round(baseline_c, 3),
                       "browser_cached_ratio": round(overview_c / baseline_c, 2),
                       "cold_server_first_visit_s": round(cold, 2)}}


def toggle_reruns() -> dict:
    """Rerun time of the Overview after each switch: first time (new scenario) and again
    (scenario cached), through AppTest in this process."""
    from streamlit.testing.v1 import AppTest

    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=600)
    app.run()  # loads and prepares the sample, caches the announced policy
    first, cached = {}, {}
    for key, value in SWITCHES:
        for store in (first, cached):
            widget = (app.sidebar.selectbox(key=key) if key == "sc_sensitive"
                      else app.sidebar.toggle(key=key))
            start = time.perf_counter()
            widget.set_value(value).run()
            store[key] = time.perf_counter() - start
            back = (app.sidebar.selectbox(key=key) if key == "sc_sensitive"
                    else app.sidebar.toggle(key=key))
            back.set_value(True if value is False else "meta7").run()
        if app.exception:
            raise RuntimeError(f"{key}: {app.exception[0].value}")
    worst_cached = max(cached.values())
    return {"seconds": worst_cached,
            "detail": {"worst_first_s": round(max(first.values()), 3),
                       **{f"{k}_first_s": round(v, 3) for k, v in first.items()},
                       **{f"{k}_cached_s": round(v, 3) for k, v in cached.items()}}}


def server_memory() -> dict:
    """Peak RSS of the real server (with children) while every page is opened and the
    switches are flipped, sampled every 0.2 s."""
    from playwright.sync_api import sync_playwright

    app, url = server.start(ROOT / "app.py", ROOT)
    rss = RssPeaks(app.pid, interval=0.2).start()
    start = time.perf_counter()
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=server.CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1440, "height": 1000})
            for path in PAGES:
                page.goto(f"{url}/{path}")
                page.wait_for_selector(IDLE, timeout=300_000)
                page.wait_for_selector('[data-testid="stSkeleton"]', state="detached",
                                       timeout=300_000)
            for query in ("ai_chat=off", "excluded=KR,UK", "excluded=none", "sensitive=none",
                          "link_rule=off"):
                for path in ("", "contributions", "what_if", "recall"):
                    page.goto(f"{url}/{path}?{query}")
                    page.wait_for_selector(IDLE, timeout=300_000)
            browser.close()
    finally:
        rss.stop()
        server.stop(app)
    return {"seconds": time.perf_counter() - start,
            "detail": {"server_peak_rss_mb": round(rss.peak().tree_mb)}}

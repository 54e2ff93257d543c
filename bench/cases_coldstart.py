"""Benchmarks of a cold start: a fresh container (empty caches, a new server process) to the
Overview's three headline figures and to its full render, next to a one-line page and the
cheapest page with one Plotly chart (the one line and a one-bar chart), each started the same
way in the same run.

Server CPU is the server process's user + system time (children included) when the page is
complete; wall time runs from launching the server process. Chromium is started beforehand.
The Overview's first visit is drawn from stored figures (components/overview_top.py), so the
case also times the first click after it, which loads what that visit left out.
A fresh container is a fresh clone: before each of the app's cold starts the project's own
compiled bytecode (`__pycache__` of app.py, `adlens/`, `components/`, `views/`) is removed, so
the server compiles what it imports as a deployment does (about 0.1-0.2 s of server CPU); the
installed libraries keep theirs, which pip writes when it installs them.
Every server runs with the server settings a deployment runs: the app's `.streamlit/config.toml`
(the file watcher, the welcome message, usage statistics), which the one-line and one-chart pages
get too, so the ratios compare the pages and not their settings (the other benchmarks and the
browser tests start with `fileWatcherType none`). Each page also reports the CPU seconds all of
Chromium's processes spent from navigation to the complete page (`*_browser_cpu_s`), which, like
server CPU, a busy machine moves less than wall time.
"""

from __future__ import annotations

import shutil
import statistics
import tempfile
import time
from pathlib import Path

from bench import server
from bench.harness import Case

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / ".streamlit" / "config.toml"
IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'
HEADLINE = '[data-testid="stMetric"] >> nth=2'  # the third headline figure
# The Overview's two charts drawn by plotly.js: a first visit draws them with plotly.js's basic
# bundle (components/light_chart.py), a later run with st.plotly_chart; both are `.js-plotly-plot`.
CHARTS = '.js-plotly-plot >> nth=1'
ONE_CHART = '[data-testid="stPlotlyChart"]'
ONE_LINE_PAGE = 'import streamlit as st\nst.write("hello")\n'
# The cheapest page with one Plotly chart: the one line and a one-bar chart.
ONE_CHART_PAGE = ONE_LINE_PAGE + ('import plotly.graph_objects as go\n'
                                  'st.plotly_chart(go.Figure(go.Bar(x=["a"], y=[1])))\n')


def cases() -> list[Case]:
    return [
        Case("cold start: fresh container to the first full Overview (server CPU)",
             func="bench.cases_coldstart:cold_start",
             target="≤ 2 s CPU, ≤ 4 s wall, paint ≤ 1.5× one line, full ≤ 1.2× one chart",
             max_seconds=2.0,
             max_detail={"wall_s": 4.0, "paint_ratio": 1.5, "full_vs_one_chart_ratio": 1.2},
             timeout=900),
    ]


CODE_DIRS = ("adlens", "components", "views")  # the app's own packages, beside app.py


def drop_bytecode(root: Path) -> list[Path]:
    """Remove the compiled bytecode of the app's own code under `root` (app.py's folder and its
    packages), as a fresh clone has none; installed libraries and anything else are left. The
    folders removed."""
    folders = [root / "__pycache__"]
    for name in CODE_DIRS:
        folders += sorted((root / name).rglob("__pycache__"))
    gone = []
    for folder in folders:
        if folder.is_dir():
            shutil.rmtree(folder, ignore_errors=True)
            gone.append(folder)
    return gone


def _server_cpu(proc) -> float:
    import psutil

    process = psutil.Process(proc.pid)
    total = 0.0
    for p in (process, *process.children(recursive=True)):
        try:
            times = p.cpu_times()
            total += times.user + times.system
        except psutil.Error:
            pass
    return total


def _browser_cpu(browser) -> dict[int, float]:
    """CPU seconds so far of each of Chromium's processes (browser, renderers, GPU, network)."""
    info = browser.new_browser_cdp_session().send("SystemInfo.getProcessInfo")["processInfo"]
    return {p["id"]: float(p["cpuTime"]) for p in info}


def _first_click(page, proc) -> tuple[float, float]:
    """Switch the AI-chat signal off once the page is complete: server CPU and wall seconds of
    that rerun. A first visit is drawn from stored figures; this run loads what it left out."""
    cpu = _server_cpu(proc)
    start = time.perf_counter()
    page.locator('[data-testid="stSidebar"] [data-testid="stCheckbox"]',
                 has_text="AI-chat signal used for ads").locator("label").click()
    try:  # the rerun may start a little after the click
        page.wait_for_selector('[data-testid="stApp"][data-test-script-state="running"]',
                               timeout=1500)
    except Exception:  # noqa: BLE001 — already finished
        pass
    page.wait_for_selector(IDLE, timeout=300_000)
    page.wait_for_selector('[data-testid="stSkeleton"]', state="detached", timeout=300_000)
    page.wait_for_selector('[data-testid="stMetricValue"] >> text="0.0%"', timeout=300_000)
    return _server_cpu(proc) - cpu, time.perf_counter() - start


def _cold_visit(browser, script: Path, cwd: Path, ready: str, first: str | None,
                click: bool = False) -> dict:
    """Start a server with an empty cache folder, open its page once in a new browser
    context; seconds from launching the server to `first` and to the page being complete;
    with `click`, the server CPU and wall seconds of the first click after it."""
    with tempfile.TemporaryDirectory(prefix="adlens-cold-") as cache:
        drop_bytecode(cwd)
        start = time.perf_counter()
        proc, url = server.start(script, cwd, env={"ADLENS_CACHE": cache}, poll=0.02,
                                 file_watcher=None)
        try:
            up = time.perf_counter() - start
            context = browser.new_context(viewport={"width": 1440, "height": 1000})
            page = context.new_page()
            before = _browser_cpu(browser)
            page.goto(url)
            painted = None
            if first:
                page.wait_for_selector(first, timeout=300_000)
                painted = time.perf_counter() - start
            page.wait_for_selector(ready, timeout=300_000)
            page.wait_for_selector(IDLE, timeout=300_000)
            page.wait_for_selector('[data-testid="stSkeleton"]', state="detached",
                                   timeout=300_000)
            wall = time.perf_counter() - start
            cpu = _server_cpu(proc)
            after = _browser_cpu(browser)
            browser_cpu = sum(t - before.get(pid, 0.0) for pid, t in after.items())
            if page.locator('[data-testid="stException"]').count():
                raise RuntimeError(f"{script.name} showed an exception on a cold start")
            click_cpu, click_wall = _first_click(page, proc) if click else (None, None)
            context.close()
        finally:
            server.stop(proc)
    return {"wall": wall, "cpu": cpu, "painted": painted, "up": up, "click_cpu": click_cpu,
            "click_wall": click_wall, "browser": browser_cpu}


def cold_start(repeats: int = 3) -> dict:
    """Median of `repeats` cold starts of the app (Overview), of a one-line page and of the
    one-chart page, interleaved so drift on a shared machine hits them alike."""
    from playwright.sync_api import sync_playwright

    apps, lines, charts = [], [], []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
        one_line, one_chart = Path(tmp) / "hello.py", Path(tmp) / "one_chart.py"
        one_line.write_text(ONE_LINE_PAGE)
        one_chart.write_text(ONE_CHART_PAGE)
        # The same server settings as the app (Streamlit reads .streamlit/ in the folder it
        # starts from).
        (Path(tmp) / ".streamlit").mkdir()
        shutil.copy(CONFIG, Path(tmp) / ".streamlit" / "config.toml")
        browser = pw.chromium.launch(executable_path=server.chromium_path(),
                                     args=server.CHROMIUM_ARGS)
        for _ in range(repeats):
            lines.append(_cold_visit(browser, one_line, Path(tmp), "text=hello", None))
            charts.append(_cold_visit(browser, one_chart, Path(tmp), ONE_CHART, None))
            apps.append(_cold_visit(browser, ROOT / "app.py", ROOT, CHARTS, HEADLINE,
                                    click=True))
        browser.close()

    def med(rows: list[dict], key: str) -> float:
        return statistics.median(r[key] for r in rows)

    cpu, wall, paint = med(apps, "cpu"), med(apps, "wall"), med(apps, "painted")
    line_cpu, line_wall = med(lines, "cpu"), med(lines, "wall")
    chart_cpu, chart_wall = med(charts, "cpu"), med(charts, "wall")
    return {"seconds": cpu, "detail": {
        "wall_s": round(wall, 2), "headline_paint_s": round(paint, 2),
        "server_up_s": round(med(apps, "up"), 2),
        "one_line_cpu_s": round(line_cpu, 2), "one_line_wall_s": round(line_wall, 2),
        "one_chart_cpu_s": round(chart_cpu, 2), "one_chart_wall_s": round(chart_wall, 2),
        "cpu_ratio": round(cpu / line_cpu, 2), "wall_ratio": round(wall / line_wall, 2),
        # The targets: first meaningful paint (the three headline figures) against the one-line
        # page's full render, and the Overview's full render against the one-chart page's.
        "paint_ratio": round(paint / line_wall, 2),
        "full_vs_one_chart_ratio": round(wall / chart_wall, 2),
        # The first click after it (the AI-chat switch): a first visit draws stored figures,
        # so this run loads pandas, the sample and the engine it left out.
        "first_click_cpu_s": round(med(apps, "click_cpu"), 2),
        "first_click_wall_s": round(med(apps, "click_wall"), 2),
        "overview_browser_cpu_s": round(med(apps, "browser"), 2),
        "one_line_browser_cpu_s": round(med(lines, "browser"), 2),
        "one_chart_browser_cpu_s": round(med(charts, "browser"), 2),
        "paint_runs": [round(r["painted"], 2) for r in apps],
        "cpu_runs": [round(r["cpu"], 2) for r in apps],
        "wall_runs": [round(r["wall"], 2) for r in apps]}}

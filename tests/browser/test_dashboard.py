"""The dashboard in a real browser: switches change the figures, waterfalls open, a bad upload
is refused while the data stays, downloads work, copied links reopen the same view. Every page
at every width and theme, with its screenshot: test_views.py."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlparse

import pytest
from conftest import assert_no_exception, open_app, wait_for_rerun

pytestmark = pytest.mark.browser


def metric_value(page, label: str) -> str:
    card = page.locator('[data-testid="stMetric"]', has_text=label).first
    return card.locator('[data-testid="stMetricValue"]').inner_text().strip()


def switch(page, label: str):
    return page.locator('[data-testid="stSidebar"] [data-testid="stCheckbox"]', has_text=label)


def full_page_screenshot(page, path) -> None:
    """Grow the viewport to the page's content (Streamlit scrolls inside its own container)."""
    height = page.evaluate(
        "() => Math.max(1000, ...[...document.querySelectorAll("
        "'[data-testid=stMain], [data-testid=stSidebarContent]')].map(e => e.scrollHeight))")
    page.set_viewport_size({"width": 1440, "height": min(int(height) + 40, 9000)})
    page.wait_for_timeout(600)  # charts re-layout to the new size
    page.screenshot(path=str(path))
    page.set_viewport_size({"width": 1440, "height": 1000})


def test_switching_the_ai_chat_signal_off_changes_the_overview(page, server_url,
                                                                screenshots) -> None:
    open_app(page, server_url)
    before = metric_value(page, "Ads with an AI-chat contribution")
    assert before != "0.0%"
    switch(page, "AI-chat signal used for ads").locator("label").click()
    wait_for_rerun(page)
    assert_no_exception(page)
    assert metric_value(page, "Ads with an AI-chat contribution") == "0.0%"
    banner = page.locator('[data-testid="stAlert"]').first.inner_text()
    assert "AI-chat signal switched off" in banner
    assert parse_qs(urlparse(page.url).query).get("ai_chat") == ["off"]
    full_page_screenshot(page, screenshots / "overview_ai_chat_off.png")


def test_a_bad_upload_shows_the_problem_and_keeps_the_data(page, server_url, screenshots,
                                                            tmp_path) -> None:
    open_app(page, server_url, "data")
    people = metric_value(page, "People")
    page.locator('[data-testid="stSidebar"]').get_by_text("Your own files").click()
    wait_for_rerun(page)
    bad = tmp_path / "users.csv"
    bad.write_text("user_id,country\nx,Narnia\n")
    page.locator('[data-testid="stSidebar"] input[type="file"]').set_input_files(str(bad))
    wait_for_rerun(page)
    page.wait_for_selector('[data-testid="stAlertContentError"]')
    message = page.locator('[data-testid="stSidebar"] [data-testid="stAlertContentError"]')
    assert "users.csv" in message.inner_text()
    assert "already loaded stays" in message.inner_text()
    assert metric_value(page, "People") == people
    assert_no_exception(page)
    full_page_screenshot(page, screenshots / "data_bad_upload.png")


def test_csv_and_html_report_downloads(page, server_url, tmp_path) -> None:
    open_app(page, server_url, "data")
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download users as CSV").click()
    csv_path = tmp_path / "users.csv"
    download_info.value.save_as(csv_path)
    header = csv_path.read_text().splitlines()[0]
    assert header.startswith("user_id,country,age_band,uses_meta_ai,linked_apps")
    # The downloads start no rerun (on_click="ignore"); this only lets the first visit settle.
    wait_for_rerun(page)

    page.locator('[data-testid="stSidebar"]').get_by_text("Share this view").click()
    wait_for_rerun(page)
    report_button = page.get_by_role("button", name="Download the HTML report")
    report_button.wait_for(state="visible")
    with page.expect_download(timeout=180_000) as download_info:
        report_button.click()
    report = tmp_path / "report.html"
    download_info.value.save_as(report)
    html = report.read_text()
    assert html.startswith("<!DOCTYPE html>")
    assert "Rules in force" in html
    assert html.count("Plotly.newPlot") >= 3, "the report embeds its charts"
    assert "cdn.plot.ly" not in html.split("Plotly.newPlot")[0][-2000:], \
        "plotly.js is embedded, so the report opens offline"
    assert len(html) > 1_000_000  # plotly.js itself is inside


def test_a_copied_link_opens_the_same_scenario(page, browser, server_url) -> None:
    open_app(page, server_url, "what_if", "ai_chat=off&excluded=KR,UK&sensitive=gdpr9")
    assert_no_exception(page)
    banner = page.locator('[data-testid="stAlert"]').first.inner_text()
    assert "European Union not excluded" in banner and "AI-chat signal switched off" in banner
    copied = page.url
    other = browser.new_context(viewport={"width": 1440, "height": 1000}).new_page()
    try:
        other.goto(copied)
        other.wait_for_selector('[data-testid="stSidebarNav"]')
        wait_for_rerun(other)
        assert not switch(other, "AI-chat signal used for ads").locator("input").is_checked()
        assert not switch(other, "Not used in the EU").locator("input").is_checked()
        assert switch(other, "Not used in the UK").locator("input").is_checked()
        assert other.locator('[data-testid="stAlert"]').first.inner_text() == banner
        assert other.locator('[data-testid="stMain"] h1').first.inner_text() == \
            "Policy what-if"
    finally:
        other.context.close()


LAST_KPI = "Next-week top-5 hit rate added by AI chats"
LIGHT_CHART = ".adlens-light-chart"  # a chart drawn with plotly.js's basic bundle
PLOTLY_SCRIPT = "/PlotlyChart."  # Streamlit's own Plotly script (4.7 MB)
BASIC_BUNDLE = "/plotly-basic.min.js"


# Counts every Plotly.Plots.resize call (a full redraw at the box's width) of the plotly.js the
# page loads, from the moment the bundle sets window.Plotly.
COUNT_RESIZES = """
(() => {
  let plotly;
  window.__resizes = 0;
  Object.defineProperty(window, "Plotly", {configurable: true, get: () => plotly,
    set: (value) => {
      plotly = value;
      if (value && value.Plots && !value.Plots.__counted) {
        const resize = value.Plots.resize;
        value.Plots.resize = function (...args) {
          window.__resizes += 1;
          return resize.apply(this, args);
        };
        value.Plots.__counted = true;
      }
    }});
})();
"""


def fetched(page, name: str) -> int:
    """How many times the page fetched a file whose address holds `name`."""
    return len(fetch_times(page, name))


def fetch_times(page, name: str) -> list[float]:
    """When (ms from the navigation) the page asked for each file whose address holds `name`."""
    return page.evaluate("(name) => performance.getEntriesByType('resource')"
                         ".filter(e => e.name.includes(name)).map(e => e.startTime)", name)


class HeldStream:
    """The app's WebSocket passed through until `hold_after(message)` is true for a message the
    server sent; every later one waits in `held` until `release`, then goes through in order."""

    def __init__(self, page, hold_after) -> None:
        self.held: list = []
        self.holding = False
        self.client = None

        def route(ws) -> None:
            server = ws.connect_to_server()
            self.client = ws

            def from_server(message) -> None:
                if self.holding:
                    self.held.append(message)
                    return
                ws.send(message)
                self.holding = hold_after(message)

            server.on_message(from_server)
            ws.on_message(server.send)

        page.route_web_socket(re.compile(r".*/_stcore/stream.*"), route)

    def release(self) -> None:
        while self.held:  # in order; what arrives meanwhile queues behind
            self.client.send(self.held.pop(0))
        self.holding = False


def test_a_first_visit_sends_the_headline_before_the_sidebar_and_the_charts(
        browser, server_url, screenshots) -> None:
    """Everything the server sends after the fourth headline figure is held back: the four
    figures must already be on screen, with no policy switch in the sidebar and no chart yet.
    Then the held messages go through and the page completes as usual, its charts drawn with
    plotly.js's basic bundle. Not timed: what is on screen depends only on the order in which
    the server sends the page."""
    context = browser.new_context(viewport={"width": 1440, "height": 1000})
    page = context.new_page()
    stream = HeldStream(page, lambda message: isinstance(message, bytes)
                        and LAST_KPI.encode() in message)
    try:
        page.goto(server_url)
        metrics = page.locator('[data-testid="stMetric"]')
        metrics.nth(3).wait_for(state="visible", timeout=180_000)
        page.wait_for_timeout(300)  # anything already received gets drawn
        assert stream.holding
        assert metrics.count() == 4
        assert all(metrics.nth(i).locator('[data-testid="stMetricValue"]').inner_text().strip()
                   for i in range(4))
        assert LAST_KPI in metrics.nth(3).inner_text()
        assert page.locator(f'[data-testid="stPlotlyChart"], {LIGHT_CHART}').count() == 0
        assert page.locator('[data-testid="stSidebar"] [data-testid="stCheckbox"]').count() == 0
        page.screenshot(path=str(screenshots / "overview_first_paint.png"))
        stream.release()
        page.wait_for_selector(f"{LIGHT_CHART}[data-drawn] >> nth=1", timeout=180_000)
        wait_for_rerun(page)
        assert_no_exception(page)
        assert metrics.count() == 4
        assert page.get_by_text("Rules in force").count() == 1
        assert switch(page, "AI-chat signal used for ads").count() == 1
        page.screenshot(path=str(screenshots / "overview_first_visit_complete.png"))
    finally:
        context.close()


def chart_look(page, charts: str) -> list[dict]:
    """What each plotly.js chart under `charts` was drawn with: its template, title (bold
    marks aside), size and chart configuration."""
    return page.evaluate("""(charts) => [...document.querySelectorAll(charts)].map(gd => ({
        template: gd.layout.template, title: gd.layout.title.text.replace(/<\\/?b>/g, ""),
        width: gd._fullLayout.width, height: gd._fullLayout.height,
        displaylogo: gd._context.displaylogo, removed: gd._context.modeBarButtonsToRemove}))""",
                         charts)


def hover_text(page, chart, point: str) -> str:
    """Move the mouse onto the highest `point` of `chart` (one on the axis's edge may get no
    label); the hover label's text."""
    chart.scroll_into_view_if_needed()
    centres = chart.locator(point).evaluate_all(
        "els => els.map(e => { const r = e.getBoundingClientRect();"
        " return [r.x + r.width / 2, r.y + r.height / 2]; })")
    x, y = min(centres, key=lambda c: c[1])
    page.mouse.move(x, y, steps=4)
    label = chart.locator(".hoverlayer .hovertext").first
    label.wait_for(timeout=10_000)
    text = label.text_content()  # SVG text
    page.mouse.move(5, 5)  # off the chart: the label goes
    return text


def chart_images(page, charts: str) -> list:
    from io import BytesIO

    from PIL import Image

    return [Image.open(BytesIO(page.locator(charts).nth(i).screenshot())).convert("RGB")
            for i in range(page.locator(charts).count())]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_first_visit_draws_its_charts_without_streamlits_plotly_script(
        browser, server_url, screenshots, scheme) -> None:
    """A first Overview draws its two stored charts with plotly.js's basic bundle: drawn, with
    hover labels, and Streamlit's 4.7 MB Plotly script not fetched until the page is complete.
    They look as the next run's st.plotly_chart draws them, pixel for pixel, in both themes, and
    follow a switch of theme."""
    from PIL import ImageChops

    context = browser.new_context(viewport={"width": 1440, "height": 1000},
                                  color_scheme=scheme)
    context.add_init_script(COUNT_RESIZES)
    page = context.new_page()
    try:
        page.goto(server_url)
        page.wait_for_selector(f"{LIGHT_CHART}[data-drawn] >> nth=1", timeout=180_000)
        wait_for_rerun(page)
        assert_no_exception(page)
        page.wait_for_timeout(500)
        # Drawn once each: not drawn again at the width they were just drawn at.
        assert page.evaluate("() => window.__resizes") == 0
        assert fetched(page, BASIC_BUNDLE) == 1
        assert page.locator('[data-testid="stPlotlyChart"]').count() == 0
        charts = page.locator(LIGHT_CHART)
        assert charts.count() == 2
        # Streamlit's Plotly script: not asked for until both charts were drawn.
        drawn = max(float(charts.nth(i).get_attribute("data-drawn")) for i in range(2))
        assert all(t > drawn for t in fetch_times(page, PLOTLY_SCRIPT))
        assert "people" in hover_text(page, charts.nth(0), ".barlayer .point path")
        assert "of the score" in hover_text(page, charts.nth(1), ".scatterlayer .point")
        first = chart_look(page, LIGHT_CHART)
        first_images = chart_images(page, LIGHT_CHART)
        page.screenshot(path=str(screenshots / f"overview_first_visit_{scheme}.png"))
        # A switch of theme (here the system's) redraws them in the other theme, and back.
        other = "dark" if scheme == "light" else "light"
        for now in (other, scheme):
            page.emulate_media(color_scheme=now)
            page.wait_for_function(
                "([sel, now]) => [...document.querySelectorAll(sel)]"
                ".every(c => c.dataset.theme === now)", arg=[LIGHT_CHART, now], timeout=10_000)
        assert chart_look(page, LIGHT_CHART) == first
        # A narrower window: each chart takes its column's new width, and back.
        for width in (1100, 1440):
            page.set_viewport_size({"width": width, "height": 1000})
            page.wait_for_function(
                "(sel) => [...document.querySelectorAll(sel)].every(c =>"
                " Math.abs(c._fullLayout.width - c.parentElement.clientWidth) < 1)",
                arg=LIGHT_CHART, timeout=10_000)
            widths = [c["width"] for c in chart_look(page, LIGHT_CHART)]
            assert (widths == [w["width"] for w in first]) == (width == 1440), widths
        assert page.evaluate("() => window.__resizes") >= 4  # each chart, twice
        # Once the page is idle, Streamlit's Plotly script is fetched for the next run.
        page.wait_for_function(f"() => performance.getEntriesByType('resource')"
                               f".some(e => e.name.includes('{PLOTLY_SCRIPT}'))",
                               timeout=60_000)
        # The next runs draw with st.plotly_chart (off and on again: the same figures).
        for _ in range(2):
            switch(page, "AI-chat signal used for ads").locator("label").click()
            wait_for_rerun(page)
        later_charts = '[data-testid="stPlotlyChart"] .js-plotly-plot'
        page.wait_for_selector(f"{later_charts} >> nth=1")
        page.wait_for_timeout(500)
        assert page.locator(LIGHT_CHART).count() == 0
        assert chart_look(page, later_charts) == first
        assert first[0]["displaylogo"] is False and first[0]["removed"]
        for before, after in zip(first_images, chart_images(page, later_charts), strict=True):
            assert before.size == after.size
            assert ImageChops.difference(before, after).getbbox() is None
        assert fetched(page, PLOTLY_SCRIPT) == 1
    finally:
        context.close()


def test_streamlits_plotly_script_waits_for_the_whole_first_page(browser, server_url) -> None:
    """A first Overview asks for Streamlit's Plotly script (for the next run) only once the
    whole page is drawn: evaluating it holds the browser for a second or more, and anything
    still to come would wait for it. Here everything the server sends after the second chart is
    held back for 4 s, well past the 1.5 s the page waits after drawing its charts: the script
    must not be asked for meanwhile, and must be once the page is complete."""
    from components.light_chart import FIGURE_MARK

    context = browser.new_context(viewport={"width": 1440, "height": 1000})
    page = context.new_page()
    charts = [0]

    def second_chart(message) -> bool:
        if isinstance(message, bytes) and FIGURE_MARK.encode() in message:
            charts[0] += 1
        return charts[0] == 2

    stream = HeldStream(page, second_chart)
    try:
        page.goto(server_url)
        page.wait_for_selector(f"{LIGHT_CHART}[data-drawn] >> nth=1", timeout=180_000)
        page.wait_for_timeout(4000)
        assert stream.holding and stream.held  # the rest of the run (its end) is still held
        assert page.locator('[data-testid="stApp"][data-test-script-state="running"]').count()
        assert fetched(page, PLOTLY_SCRIPT) == 0
        stream.release()
        wait_for_rerun(page)
        assert_no_exception(page)
        page.wait_for_function(f"() => performance.getEntriesByType('resource')"
                               f".some(e => e.name.includes('{PLOTLY_SCRIPT}'))",
                               timeout=60_000)
        assert fetched(page, PLOTLY_SCRIPT) == 1
    finally:
        context.close()


@pytest.mark.parametrize("width", [1280, 1400])
def test_the_sidebar_has_no_blank_gap_under_the_page_list(browser, server_url, screenshots,
                                                         width) -> None:
    """The sidebar's first row (the app's title) starts right under the page list: the element
    that carries the page's script takes no room. It used to be an iframe sized to its empty
    document, a blank 150 px."""
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    try:
        open_app(page, server_url)
        nav = page.locator('[data-testid="stSidebarNav"]').bounding_box()
        title = page.locator('[data-testid="stSidebar"] h1', has_text="AdLens").bounding_box()
        assert nav and title
        gap = title["y"] - (nav["y"] + nav["height"])
        # Streamlit's own padding above the sidebar's content is 24 px; one hidden row would
        # add a 16 px gap at least.
        assert 0 <= gap <= 32, gap
        page.screenshot(path=str(screenshots / f"sidebar_top_{width}.png"))
    finally:
        context.close()

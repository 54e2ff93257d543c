"""Browser-test fixtures: one AdLens server and one Chromium per session, a fresh page per test.

The pages are tabs of one browser context (`Tabs`), so the app's scripts (Streamlit's and
Plotly's) are fetched and compiled once per session, not once per test (docs/SCALE.md). Each
test's page is a new document and a new Streamlit session; what a page stores in the browser
(local and session storage, cookies) is cleared when its test ends.

The server runs `streamlit run app.py` on a free port and is stopped by its pid; Chromium is
Debian's /usr/bin/chromium (Playwright's own download does not work on these machines).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from bench.server import CHROMIUM_ARGS, chromium_path, start, stop

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "tests" / "screenshots"
RERUN_TIMEOUT_MS = 180_000


@pytest.fixture(scope="session")
def server_url(tmp_path_factory: pytest.TempPathFactory):
    """The dashboard served on a free port for the whole session."""
    log = tmp_path_factory.mktemp("server") / "streamlit.log"
    try:
        proc, url = start(ROOT / "app.py", ROOT, log=log)
    except RuntimeError as error:
        pytest.fail(f"The AdLens server did not start: {error}")
    yield url
    stop(proc)


@pytest.fixture(scope="session")
def browser():
    """Chromium for the whole session; a missing browser is a failure, never a skip."""
    path = chromium_path()
    if path is None:
        pytest.fail("No Chromium found at /usr/bin/chromium or on PATH: install it with "
                    "`apt-get install -y chromium` (the browser tests cannot run without it).")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def screenshots() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    print(f"\nScreenshots are saved in {SCREENSHOTS}")
    return SCREENSHOTS


class Tabs:
    """Tabs of one browser context, shared by the tests: the app's scripts are fetched and
    compiled once, and a tab a test is done with serves the next one (a new document and a new
    Streamlit session when it next opens the app), which saves starting a page's process."""

    def __init__(self, context) -> None:
        self.context = context
        self.spare: list = []

    def open(self, width: int, height: int, theme: str = "light"):
        """A tab at this viewport size, with the system theme `theme`."""
        page = self.spare.pop() if self.spare else self.context.new_page()
        page.set_viewport_size({"width": width, "height": height})
        page.emulate_media(color_scheme=theme)
        page.set_default_timeout(RERUN_TIMEOUT_MS)
        return page

    def close(self, page) -> None:
        """Done with a tab: what the app stored in the browser (a folded sidebar, a chosen
        theme) is cleared and the app is left, so the next test starts as a first visit."""
        try:
            if page.url.startswith("http"):
                page.evaluate("() => { localStorage.clear(); sessionStorage.clear(); }")
            page.unroute_all()
            page.goto("about:blank")
            self.spare.append(page)
        except PlaywrightError:
            page.close()
        finally:
            self.context.clear_cookies()


@pytest.fixture(scope="session")
def tabs(browser):
    """The tabs the browser tests use (one browser context for the session)."""
    context = browser.new_context(accept_downloads=True)
    yield Tabs(context)
    context.close()


@pytest.fixture
def page(tabs, server_url):
    page = tabs.open(1440, 1000)
    yield page
    tabs.close(page)


def wait_for_rerun(page) -> None:
    """Wait until the script has finished its rerun and no skeleton is left."""
    try:  # the rerun may start a little after the click on a busy machine
        page.wait_for_selector('[data-testid="stApp"][data-test-script-state="running"]',
                               timeout=1500)
    except PlaywrightTimeout:
        pass  # already finished, or a fast rerun the poll missed
    page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]',
                           timeout=RERUN_TIMEOUT_MS)
    page.wait_for_selector('[data-testid="stSkeleton"]', state="detached",
                           timeout=RERUN_TIMEOUT_MS)


def open_app(page, server_url: str, path: str = "", query: str = "") -> None:
    """Open a page of the app and wait for its first full render."""
    page.goto(f"{server_url}/{path}" + (f"?{query}" if query else ""))
    # Attached, not visible: below 900 px the sidebar (and its page list) starts folded.
    page.wait_for_selector('[data-testid="stSidebarNav"]', state="attached",
                           timeout=RERUN_TIMEOUT_MS)
    wait_for_rerun(page)


def assert_no_exception(page) -> None:
    assert page.locator('[data-testid="stException"]').count() == 0, \
        page.locator('[data-testid="stException"]').first.inner_text()

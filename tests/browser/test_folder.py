"""The dashboard started on a dataset folder (`make run DATA=...`), in Chromium: progress while
it works through the folder on two worker processes, then each page from the blocks' results,
with screenshots."""

from __future__ import annotations

import pytest

from adlens.simulate import generate_to_dir
from bench.server import start, stop
from tests.browser.conftest import ROOT, assert_no_exception, open_app, wait_for_rerun

N_PEOPLE = 400


@pytest.fixture(scope="module")
def folder_url(tmp_path_factory):
    base = tmp_path_factory.mktemp("folder-server")
    data = base / "data"
    generate_to_dir(N_PEOPLE, 11, data)
    env = {"ADLENS_DATA_DIR": str(data), "ADLENS_LOCAL": "1", "ADLENS_WORKERS": "2",
           "ADLENS_BLOCK_PEOPLE": "150",  # three blocks: the worker processes are used
           "ADLENS_BLOCK_CACHE": str(base / "blocks")}
    try:
        proc, url = start(ROOT / "app.py", ROOT, log=base / "streamlit.log", env=env)
    except RuntimeError as error:
        pytest.fail(f"The AdLens server did not start: {error}")
    yield url, data
    stop(proc)


@pytest.fixture
def folder_page(browser, folder_url):
    context = browser.new_context(viewport={"width": 1440, "height": 1000})
    page = context.new_page()
    page.set_default_timeout(180_000)
    yield page
    context.close()


def test_a_folder_from_make_run_shows_progress_then_every_page(folder_page, folder_url,
                                                                screenshots):
    page = folder_page
    url, data = folder_url
    open_app(page, url)
    page.screenshot(path=str(screenshots / "folder-overview-first.png"), full_page=True)
    # Worked through in the background (spawned worker processes), then the figures appear.
    page.get_by_text("People scored").wait_for(timeout=180_000)
    wait_for_rerun(page)
    assert_no_exception(page)
    sidebar = page.locator('[data-testid="stSidebar"]').inner_text()
    assert "given to make run" in sidebar
    assert f"{N_PEOPLE:,} people" in sidebar
    assert page.locator('[data-testid="stMetric"]').count() == 4
    assert page.locator('[data-testid="stPlotlyChart"]').count() >= 1
    assert "over 3 blocks" in page.locator('[data-testid="stMain"]').inner_text()
    page.screenshot(path=str(screenshots / "folder-overview.png"), full_page=True)
    for path, name, text in (("what_if", "what-if", "Events left out"),
                             ("why_this_ad", "why-this-ad", "All their top ads"),
                             ("contributions", "contributions", "Signal contributions"),
                             ("recall", "recall", "not available for a dataset folder")):
        open_app(page, url, path)
        page.get_by_text(text).first.wait_for(timeout=180_000)
        wait_for_rerun(page)
        assert_no_exception(page)
        assert page.locator('[data-testid="stAlertContentError"]').count() == 0, name
        page.screenshot(path=str(screenshots / f"folder-{name}.png"), full_page=True)

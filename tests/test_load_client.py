"""The load benchmark's websocket client really drives the app: it receives the rendered page,
and switching the AI-chat signal off through it changes that session's headline figures only.

One real `streamlit run app.py` server; two client sessions, no browser.
"""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from bench.cases_load import COLD_TIMEOUT_S, LOOPBACK
from bench.server import start, stop
from bench.st_client import ClientError, Session

ROOT = Path(__file__).resolve().parents[1]
AI_CHAT = "AI-chat signal"


@pytest.fixture(scope="module")
def server_url(tmp_path_factory: pytest.TempPathFactory):
    log = tmp_path_factory.mktemp("server") / "streamlit.log"
    try:
        proc, url = start(ROOT / "app.py", ROOT, log=log, env=LOOPBACK)
    except RuntimeError as error:
        pytest.fail(f"The AdLens server did not start: {error}")
    yield url
    stop(proc)


async def _two_sessions(url: str) -> dict:
    # A bound, not a target: on a cold cache the first visit trains the text model.
    switcher, bystander = Session(url, timeout=COLD_TIMEOUT_S), Session(url)
    try:
        seen = {"opened": await switcher.open()}
        seen["switched"] = await switcher.set_toggle(AI_CHAT, False)
        seen["next_page"] = await switcher.goto("contributions")
        seen["other_opened"] = await bystander.open()
        with pytest.raises(ClientError):  # a label the page does not have is refused
            await bystander.set_toggle("no such switch", True)
        seen["pages"] = dict(switcher.pages)
        seen["sessions"] = (switcher.session_id, bystander.session_id)
    finally:
        await switcher.close()
        await bystander.close()
    return seen


def test_client_receives_the_page_and_its_toggle_changes_the_headline(server_url: str) -> None:
    # In its own thread: an earlier test (Playwright's sync API) may have left an event loop
    # running in this one, where asyncio.run refuses to start.
    with ThreadPoolExecutor(1) as pool:
        seen = pool.submit(asyncio.run, _two_sessions(server_url)).result()
    opened, switched = seen["opened"], seen["switched"]
    for run in (opened, switched, seen["next_page"], seen["other_opened"]):
        assert run.ok, (run.exceptions, run.error_boxes)

    # The rendered Overview arrived: its title, headline metrics and the sidebar switch.
    assert "Overview" in [h.body for h in opened.of_type("heading")]
    headline = opened.metrics()
    assert any(AI_CHAT.split()[0] in label for label in headline), headline
    assert all(value for value in headline.values())
    assert opened.toggle_value(AI_CHAT) is True
    assert {"", "contributions", "why_this_ad"} <= set(seen["pages"])

    # The switch was sent: the server's rerun shows it off and the headline figures moved.
    assert switched.toggle_value(AI_CHAT) is False
    assert switched.metrics().keys() == headline.keys()
    assert switched.metrics() != headline
    # The session kept it on the next page, as a browser's session does.
    assert seen["next_page"].toggle_value(AI_CHAT) is False
    assert seen["next_page"].of_type("plotly_chart")

    # Another visitor's session is separate: the announced policy and the original figures.
    other = seen["other_opened"]
    assert len(set(seen["sessions"])) == 2
    assert other.toggle_value(AI_CHAT) is True
    assert other.metrics() == headline

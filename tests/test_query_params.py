"""A shared link cannot break a session: any query string opens every page without an exception,
and a value the sidebar cannot show is dropped with a visible note."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, quote

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

from adlens import contract, simulate

APP = str(Path(__file__).parent.parent / "app.py")
PAGES = ("views/overview.py", "views/why_this_ad.py", "views/contributions.py",
         "views/what_if.py", "views/recall.py", "views/data.py", "views/method.py")
KEYS = ("as_of", "policy_start", "ai_chat", "excluded", "sensitive", "link_rule", "person",
        "hl_ai_chat", "hl_like", "hl_similar_people")


@pytest.fixture(scope="module")
def small_dataset():
    # A small population keeps every page's engine work to a fraction of a second; the pages
    # share its cached preparation across examples (same dataset_id).
    return contract.from_frames(simulate.generate_frames(300, 11), source="Generated: test")


def open_page(dataset, query: str, page: str, notes: list[str] | None = None) -> AppTest:
    """Open the app with `query` (first page: Overview), then go to `page`; the first
    page's notes are appended to `notes`."""
    app = AppTest.from_file(APP, default_timeout=180)
    app.session_state["ds_generated"] = dataset
    app.session_state["ds_choice"] = "generated"
    app.query_params = {k: v[0] if len(v) == 1 else v
                        for k, v in parse_qs(query, keep_blank_values=True).items()}
    app.run()
    assert not app.exception, (query, [e.value for e in app.exception])
    if notes is not None:
        notes.extend(i.value.replace("\\", "") for i in app.info)
    app.switch_page(page).run()
    assert not app.exception, (query, page, [e.value for e in app.exception])
    return app


@pytest.mark.parametrize("query", ["as_of=2024-12-31", "policy_start=2028-01-01",
                                   "as_of=0001-01-01&policy_start=9999-12-31",
                                   "hl_like=0.1", "hl_ai_chat=1e9"])
def test_a_link_the_sidebar_cannot_show_opens_with_a_note(small_dataset, query) -> None:
    shown: list[str] = []
    app = open_page(small_dataset, query, "views/method.py", shown)
    notes = " ".join(shown)
    for key in parse_qs(query):
        assert f"The link's {key}=" in notes, notes
    assert app.sidebar.date_input(key="sc_as_of").value <= app.sidebar.date_input(
        key="sc_as_of").max
    assert all(k not in app.query_params for k in parse_qs(query)), "the URL drops it too"


values = (st.text(max_size=14) | st.dates().map(lambda d: d.isoformat())
          | st.floats(allow_nan=True, allow_infinity=True).map(repr)
          | st.integers(-10**12, 10**12).map(str)
          | st.sampled_from(["on", "off", "EU,UK", "none", "gdpr9", "u000001", "%", "&&"]))
pairs = st.tuples(st.sampled_from(KEYS) | st.text(max_size=8), values)
queries = (st.lists(pairs, max_size=6).map(
    lambda kv: "&".join(f"{quote(k)}={quote(v)}" for k, v in kv))
    | st.text(max_size=40))


@settings(max_examples=8, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(query=queries)
@example(query="as_of=2024-12-31&person=nobody")  # the links that once broke a session
@example(query="policy_start=9999-12-31&hl_like=5000&sensitive=%00")
def test_any_query_string_opens_every_page(small_dataset, query: str) -> None:
    # AppTest always starts on the default page: open the link there, then visit every page
    # in that session (the link's scenario and person are read on the first run only).
    app = open_page(small_dataset, query, PAGES[1])
    for page in PAGES[2:]:
        app.switch_page(page).run()
        assert not app.exception, (query, page, [e.value for e in app.exception])

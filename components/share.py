"""Sharing the current view: a copyable link and the offline HTML report of the scenario.

The link carries the scenario and the selected person in its query parameters.
"""

from __future__ import annotations

from urllib.parse import urlencode

import streamlit as st

from adlens.scenario import Scenario
from components.generation import DATA_PARAM, PEOPLE_PARAM, SEED_PARAM, dataset_params
from components.scenario_controls import view_params

K_SHARE_OPEN = "share_open"  # the "Share this view" box's open state


def view_link(scenario: Scenario) -> str:
    """The URL that reopens this page with this scenario and person."""
    params = view_params(scenario)
    try:
        base = (st.context.url or "").split("?")[0]
    except Exception:  # noqa: BLE001 — no browser context (tests, scripts)
        base = ""
    query = urlencode(params)
    return f"{base}?{query}" if query else base


def share_controls(scenario: Scenario) -> None:
    """Sidebar: the link to this view and the HTML report download."""
    box = st.sidebar.expander("Share this view", icon=":material/share:", key=K_SHARE_OPEN,
                              on_change="rerun")
    # Drawn only while open: the code block's highlighter is a 1.5 MB script the browser would
    # otherwise fetch and parse on every first visit, next to Plotly's, for a closed box.
    if not box.open:
        return
    with box:
        st.caption("Copy this link to open the same scenario and person:")
        st.code(view_link(scenario) or "(the app's address)", language=None, wrap_lines=True)
        carried = dataset_params()
        if carried.get(DATA_PARAM) == "uploaded":
            st.warning("Uploaded files cannot travel in a link: whoever opens it sees the "
                       "bundled sample, with a note saying so.", icon=":material/link_off:")
        elif carried.get(DATA_PARAM) == "generated":
            st.caption(f"The link brings this population along: it is generated again on "
                       f"open ({int(carried[PEOPLE_PARAM]):,} people, seed "
                       f"{carried[SEED_PARAM]}).")
        # The report (Plotly, the engine's figures) loads only when the box is open.
        from components.report import report_download  # noqa: PLC0415

        report_download(scenario)

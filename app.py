"""AdLens: the entrypoint — page config, the shared sidebar (dataset, scenario, story) and routing.

Pages live in views/; what they draw comes from components/ and the engine in adlens/.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from components import layout, story
from components.dataset_controls import dataset_controls
from components.scenario_controls import (
    counterfactual_banner,
    init_from_url,
    scenario_controls,
    sync_url,
)
from components.share import share_controls

HERE = Path(__file__).parent

# "auto": the sidebar starts folded on a small screen; components.layout folds it below 900 px.
st.set_page_config(page_title="AdLens", page_icon=":material/ads_click:", layout="wide",
                   initial_sidebar_state="auto")
layout.page_style()

# The page files live in views/, not pages/: with a pages/ folder next to app.py, Streamlit
# 1.67 serves a cold server's first deep link (e.g. a shared /why_this_ad?person=... link) in
# the legacy folder mode, without this entrypoint, and stays in that mode.
PAGES: dict[str, st.Page] = {
    "views/overview.py": st.Page(HERE / "views/overview.py", title="Overview",
                                 icon=":material/dashboard:", default=True),
    "views/why_this_ad.py": st.Page(HERE / "views/why_this_ad.py", title="Why this ad",
                                    icon=":material/person_search:"),
    "views/contributions.py": st.Page(HERE / "views/contributions.py",
                                      title="Signal contributions",
                                      icon=":material/stacked_bar_chart:"),
    "views/what_if.py": st.Page(HERE / "views/what_if.py", title="Policy what-if",
                                icon=":material/compare_arrows:"),
    "views/recall.py": st.Page(HERE / "views/recall.py", title="Recall timelines",
                               icon=":material/timeline:"),
    "views/data.py": st.Page(HERE / "views/data.py", title="Data", icon=":material/table:"),
    "views/method.py": st.Page(HERE / "views/method.py", title="Method",
                               icon=":material/menu_book:"),
}

page = st.navigation(list(PAGES.values()))
init_from_url(st.query_params.to_dict())
goto = story.pending_page()
if goto in PAGES and PAGES[goto] is not page:
    st.switch_page(PAGES[goto])

layout.fold_sidebar_when_narrow()
st.sidebar.title("AdLens")
st.sidebar.caption("How Meta turns activity and Meta AI chats into ads (from 16 Dec 2025).")
story.story_controls()
dataset_controls()
scenario = scenario_controls()
share_controls(scenario)
sync_url(scenario)

counterfactual_banner(scenario)
current_file = next((f for f, p in PAGES.items() if p is page), "")
story.story_box(current_file)
page.run()

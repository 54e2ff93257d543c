"""AdLens: the entrypoint — page config, the shared sidebar (dataset, scenario, story) and routing.

Pages live in pages/; what they draw comes from components/ and the engine in adlens/.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from components import story
from components.dataset_controls import dataset_controls
from components.scenario_controls import (
    counterfactual_banner,
    init_from_url,
    scenario_controls,
    sync_url,
)
from components.share import share_controls

HERE = Path(__file__).parent

st.set_page_config(page_title="AdLens", page_icon=":material/ads_click:", layout="wide")

PAGES: dict[str, st.Page] = {
    "pages/overview.py": st.Page(HERE / "pages/overview.py", title="Overview",
                                 icon=":material/dashboard:", default=True),
    "pages/why_this_ad.py": st.Page(HERE / "pages/why_this_ad.py", title="Why this ad",
                                    icon=":material/person_search:"),
    "pages/contributions.py": st.Page(HERE / "pages/contributions.py",
                                      title="Signal contributions",
                                      icon=":material/stacked_bar_chart:"),
    "pages/what_if.py": st.Page(HERE / "pages/what_if.py", title="Policy what-if",
                                icon=":material/compare_arrows:"),
    "pages/recall.py": st.Page(HERE / "pages/recall.py", title="Recall timelines",
                               icon=":material/timeline:"),
    "pages/data.py": st.Page(HERE / "pages/data.py", title="Data", icon=":material/table:"),
    "pages/method.py": st.Page(HERE / "pages/method.py", title="Method",
                               icon=":material/menu_book:"),
}

page = st.navigation(list(PAGES.values()))
init_from_url(st.query_params.to_dict())
goto = story.pending_page()
if goto in PAGES and PAGES[goto] is not page:
    st.switch_page(PAGES[goto])

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

"""AdLens: the entrypoint — page config, the shared sidebar (dataset, scenario, story) and routing.

Pages live in views/; what they draw comes from components/ and the engine in adlens/.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from components import layout

HERE = Path(__file__).parent

# "auto": the sidebar starts folded on a small screen; components.layout folds it below 900 px.
st.set_page_config(page_title="AdLens", page_icon=":material/ads_click:", layout="wide",
                   initial_sidebar_state="auto")
# The first element a process draws would make Streamlit look up the module of every frame on
# the stack (a one-time check for an interactive shell), which costs in proportion to the
# modules loaded; page_style skips that check (layout.skip_shell_check) and is drawn before the
# engine, pandas and Plotly are imported all the same.
layout.page_style()

from components import overview_top  # noqa: E402 — light: Streamlit and the stored top only

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
# A session's first Overview on the bundled sample under the announced policy: its banner,
# title and headline figures, stored at build time, go to the browser now, before the sidebar,
# with a moment for the browser to draw them; the page then draws the stored charts and rules.
# Nothing in that run loads pandas, Arrow or the engine (components/overview_top.py); the next
# run loads what it needs.
early = overview_top.draw_early(page is PAGES["views/overview.py"], st.query_params.to_dict())

from components import data, folder, generation, story  # noqa: E402
from components.dataset_controls import dataset_controls  # noqa: E402
from components.scenario_controls import (  # noqa: E402
    as_of_outside,
    counterfactual_banner,
    init_from_url,
    scenario_controls,
    sync_url,
    view_as_of,
)
from components.share import share_controls  # noqa: E402

if not early:  # a first visit reads no data (components/overview_top.py)
    data.use_system_allocator_for_arrow()
init_from_url(st.query_params.to_dict())
generation.read_url(st.query_params.to_dict())
goto = story.pending_page()
if goto in PAGES and PAGES[goto] is not page:
    st.switch_page(PAGES[goto])

# The headline's lead (overview_top.HEADLINE_LEAD_S) runs out here, after the imports above.
overview_top.hold_headline()
layout.fold_sidebar_when_narrow()
st.sidebar.title("AdLens")
st.sidebar.caption("How Meta turns activity and Meta AI chats into ads (from 16 Dec 2025).")
story.story_controls()
folder.apply_environment()
dataset_controls()
scenario = scenario_controls()
share_controls(scenario)
sync_url(scenario)
generation.run_pending(scenario)  # a requested population, before any page is drawn

if not early:  # drawn already, above the title
    counterfactual_banner(scenario)
generation.note()
current_file = next((f for f, p in PAGES.items() if p is page), "")
story.story_box(current_file)
# Pages whose figures depend on the view's day: outside the data's days, a sentence instead.
AS_OF_PAGES = ("views/overview.py", "views/why_this_ad.py", "views/contributions.py",
               "views/what_if.py", "views/recall.py")
in_folder = folder.active()  # a dataset folder: its own page versions (components.folder_pages)
# A first visit's stored view was made only for a day inside the sample's (overview_top.store).
checks_day = current_file in AS_OF_PAGES and not in_folder and not early
window = data.event_window(data.current_dataset()) if checks_day else ()
outside = as_of_outside(scenario, window) if checks_day else None
if in_folder:
    from components import folder_pages  # only a local run on a folder needs it

    folder_pages.show(current_file, page.title, scenario)
elif outside:
    st.title(page.title)
    st.warning(outside, icon=":material/event_busy:")
    if window:
        st.button(f"View as of {window[1]:%d %b %Y}, the data's last day", on_click=view_as_of,
                  args=(window[1],), key="as_of_last_day")
else:
    try:
        page.run()
    finally:
        overview_top.forget()

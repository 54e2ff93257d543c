"""Layout at any width: labels that wrap instead of being cut, and a sidebar that folds away on
a narrow window so the figures keep the width they need.

Called once per run from app.py, before the page.
"""

from __future__ import annotations

import streamlit as st

NARROW_PX = 900  # below this the sidebar leaves the figures too little room
K_FOLDED = "_sidebar_folded"

# Streamlit cuts metric labels and values with an ellipsis and keeps button text on one line;
# a figure a stakeholder cannot read is worse than one more line.
STYLE = """
<style>
[data-testid="stMetricLabel"], [data-testid="stMetricLabel"] * {
  white-space: normal !important; overflow: visible !important;
  text-overflow: clip !important; height: auto !important; }
[data-testid="stMetricValue"], [data-testid="stMetricValue"] * {
  white-space: normal !important; overflow: visible !important;
  text-overflow: clip !important; }
[data-testid="stMetricValue"] { font-size: clamp(1.35rem, 2.3vw, 2.25rem) !important; }
[data-testid="stMetricDelta"] * { white-space: normal !important; overflow: visible !important;
  text-overflow: clip !important; }
button p { white-space: normal !important; overflow: visible !important;
  text-overflow: clip !important; }
/* The element that carries the page's script (fold_sidebar_when_narrow) shows nothing: it must
   not take a row, nor the gap between rows, under the sidebar's page list. */
[data-testid="stElementContainer"]:has(.adlens-script) { display: none !important; }
</style>
"""

# Streamlit's own "auto" sidebar state folds only at 768 px and below. On a first visit (no
# choice of the viewer's stored yet) fold it below NARROW_PX too; the viewer can reopen it.
# A typed date applies when its field loses focus; Enter should apply it too, so Enter in a
# date field moves the focus away. The script runs in the page itself (st.html with JavaScript
# allowed), so the listener outlives the element that carried it.
ENTER_APPLIES_DATES = """
if (!window.__adlensDateEnter) {
  window.__adlensDateEnter = true;
  document.addEventListener("keydown", (e) => {
    const field = e.target.closest && e.target.closest('[data-testid="stDateInputField"]');
    if (e.key !== "Enter" || !field) return;
    // The calendar opens on a click into the field, and a blur with it open keeps the typed
    // value pending: close it first (Escape), then leave the field.
    const target = e.target;
    target.dispatchEvent(new KeyboardEvent("keydown", {key: "Escape", bubbles: true}));
    setTimeout(() => { target.blur(); document.activeElement?.blur?.(); }, 60);
  }, true);
}
"""

FOLD_SCRIPT = f"""
<span class="adlens-script"></span>
<script>
{ENTER_APPLIES_DATES}
if (!Object.keys(window.localStorage).some(k => k.startsWith("stSidebarCollapsed-"))
    && window.innerWidth < {NARROW_PX}) {{
  const fold = () => {{
    const sidebar = document.querySelector('[data-testid="stSidebar"]');
    const button = document.querySelector('[data-testid="stSidebarCollapseButton"] button');
    if (sidebar && button && sidebar.getAttribute("data-collapsed") === "false") button.click();
  }};
  fold(); setTimeout(fold, 400); setTimeout(fold, 1500);
}}
</script>
"""


def page_style() -> None:
    """The CSS that keeps text whole at any width (takes no space on the page)."""
    st.html(STYLE)


def fold_sidebar_when_narrow() -> None:
    """On a session's first run, fold the sidebar if the window is narrow, and let Enter apply
    a typed date."""
    if st.session_state.get(K_FOLDED):
        return
    st.session_state[K_FOLDED] = True
    # In the page, not in an iframe: no frame to load, and nothing on screen (STYLE hides the
    # element), where an iframe sized to its empty document left a blank 150 px under the
    # page list.
    st.sidebar.html(FOLD_SCRIPT, unsafe_allow_javascript=True)

"""Layout at any width: labels that wrap instead of being cut, and a sidebar that folds away on
a narrow window so the figures keep the width they need.

Called once per run from app.py, before the page.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

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
/* A folded expander's content is skipped by the browser (a closed details element), so a
   chart in it never sees the page's width change: on a narrow window, one drawn before the
   sidebar folded kept its narrower width, and its title was cut. Laid out while folded, but
   not shown, it follows the width like any chart. (No less-than sign in this style:
   Streamlit's HTML sanitizer drops a style whose text holds one before a letter.) */
[data-testid="stExpander"] details:not([open]):has([data-testid="stPlotlyChart"])::details-content {
  content-visibility: visible; visibility: hidden; height: 0; overflow: hidden; }
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


def skip_shell_check() -> None:
    """Mark Streamlit's one-time check for an interactive shell as done. Streamlit makes it at
    the first element a process draws, to warn someone who runs a script with `python` instead
    of `streamlit run`: it builds `inspect.stack()`, which reads every frame's source and looks
    its module up among all those loaded, 0.09-0.16 s of server CPU on the path to a cold
    start's first figures (docs/SCALE.md, section 1). The app always runs under `streamlit run`
    or AppTest. If a Streamlit version has no such flag, setting it does nothing (and
    tests/test_cold_start.py says so)."""
    import streamlit.delta_generator as delta_generator  # noqa: PLC0415

    delta_generator._use_warning_has_been_displayed = True  # noqa: SLF001


def page_style() -> None:
    """The CSS that keeps text whole at any width (takes no space on the page); the first
    element of every run, so Streamlit's shell check is skipped first (`skip_shell_check`)."""
    skip_shell_check()
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


# Streamlit's browser code loads each element type's script the first time a page shows one;
# Plotly's is 4.7 MB and is asked for only when the first chart arrives, after the headline's
# lead time and the sidebar. A first visit to the Overview now draws its charts with plotly.js's
# basic bundle instead (components/light_chart.py), which also fetches this script once the
# page is idle, for the next run; what follows serves a first visit whose charts are left to
# st.plotly_chart (light_chart.draws_all). Such a first visit sends a hidden page script right after
# the headline figures that imports it as soon as they are drawn, so the browser fetches and runs
# it while the server is still sending the rest and the charts find it ready. It is the same file
# Streamlit's own code imports for a chart (a module runs once per page): nothing is loaded
# twice. Sent after the headline, not before it: the script's element needs a browser script of
# its own, and the headline would wait for it (measured: about 0.08 s later).
CHART_SCRIPT_WAIT_MS = 4000  # run it anyway after this long without the headline

EARLY_CHART_SCRIPT = """
<span class="adlens-script"></span>
<script>
(() => {
  if (window.__adlensChartScript) return;
  const own = document.querySelector('script[src*="/static/js/index."]');
  const url = own ? new URL("NAME", own.src).href
                  : new URL("./static/js/NAME", document.baseURI).href;
  window.__adlensChartScript = {url: url, state: "waiting"};
  const start = performance.now();
  const run = () => {
    window.__adlensChartScript.state = "running";
    import(url).then(() => { window.__adlensChartScript.state = "ready"; },
                     () => { window.__adlensChartScript.state = "failed"; });
  };
  const wait = () => {
    const shown = [...document.querySelectorAll('[data-testid="stMetricValue"]')]
      .filter((e) => e.textContent.trim()).length;
    if (shown >= FIGURES || performance.now() - start > WAIT_MS) {
      // After the next frame: the figures are drawn before the script takes the main thread.
      requestAnimationFrame(() => setTimeout(run, 0));
    } else {
      setTimeout(wait, 25);
    }
  };
  wait();
})();
</script>
"""


@cache
def chart_script_name() -> str | None:
    """The file name of Streamlit's Plotly chart script (`PlotlyChart.<hash>.js`), or None when
    the installed Streamlit has not exactly one."""
    folder = Path(st.__file__).parent / "static" / "static" / "js"
    found = sorted(p.name for p in folder.glob("PlotlyChart.*.js"))
    return found[0] if len(found) == 1 else None


def early_chart_script(figures: int) -> str | None:
    """The page script that loads Plotly's chart script early and runs it once `figures`
    headline figures are on screen, or None when the script's file cannot be found."""
    name = chart_script_name()
    if name is None:
        return None
    return (EARLY_CHART_SCRIPT.replace("NAME", name)
            .replace("FIGURES", str(int(figures)))
            .replace("WAIT_MS", str(CHART_SCRIPT_WAIT_MS)))


def load_charts_early(figures: int) -> None:
    """Ask the browser for Plotly's chart script now, to run once the page's `figures` headline
    figures are drawn (a first visit to the Overview); takes no space on the page."""
    script = early_chart_script(figures)
    if script is not None:
        st.html(script, unsafe_allow_javascript=True)

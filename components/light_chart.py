"""A display-only Plotly chart drawn with plotly.js's basic bundle (bar, scatter and pie traces;
1.2 MB, vendored under static/vendor/plotly-basic-4.1.1/) instead of st.plotly_chart, whose
browser script carries the full plotly.js (4.7 MB) and costs a cold page about 2 s of a 2-core
machine (docs/SCALE.md, section 1).

Used for a session's first Overview, whose two charts come from stored JSON
(components/overview_top.py); every later run draws them with st.plotly_chart as before. The
chart looks as st.plotly_chart draws it: the same figure with the template Streamlit's browser
code gives it in the light and the dark theme (recorded from the installed Streamlit in
components/plotly_theme.json by `python -m bench.plotly_theme`), the same chart configuration
(no Plotly logo, Streamlit's modebar), the title in bold, the width of its column and the
figure's height; it follows a switch of theme and a change of width. Hover works as in any
plotly.js chart; there are no selection events (the Overview's charts have none).

Anything it cannot draw exactly — a trace type outside the basic bundle, another template, a
theme file recorded for another Streamlit, the bundle or static serving missing — is left to
st.plotly_chart (`draw` returns False).

Once the whole page is drawn (the run finished, the charts drawn) and the browser is idle, the
chart script asks for Streamlit's own Plotly script, so that the next run's st.plotly_chart
finds it loaded instead of leaving the charts blank while it loads; asked for sooner, its
evaluation (a second or more) would hold back what the page still has to draw.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping
from functools import cache
from importlib.metadata import version
from pathlib import Path
from typing import Any

import streamlit as st

from components.layout import chart_script_name

ROOT = Path(__file__).resolve().parent.parent
STATIC_DIR = ROOT / "static"  # served at app/static/ (server.enableStaticServing)
BUNDLE = "vendor/plotly-basic-4.1.1/plotly-basic.min.js"
THEME_PATH = Path(__file__).resolve().parent / "plotly_theme.json"
# The trace types plotly.js's basic bundle draws.
BASIC_TRACES = frozenset({"bar", "scatter", "pie"})
# Streamlit's template colours the browser replaces with the theme's ("#000001" to "#000040").
PLACEHOLDER = re.compile(r'"#0000[0-4][0-9]"')
# How long after the charts are drawn the page asks for Streamlit's Plotly script (when idle).
PREFETCH_AFTER_MS = 1500
FIGURE_MARK = "adlens-figure"

# No "<" before a letter, "/" or "!" in the script (see _script_json).
SCRIPT = """
(() => {
  const id = "ID";
  const box = document.getElementById(id);
  if (!box || box.dataset.started) return;
  box.dataset.started = "1";
  const drawn = JSON.parse(document.getElementById(id + "-figure").textContent);
  const figure = drawn.figure;
  const setup = SETUP;
  const light = window.__adlensLightChart = window.__adlensLightChart || {charts: new Set()};
  const own = document.querySelector('script[src*="/static/js/index."]');
  const url = (path) => own ? new URL("../../" + path, own.src).href
                            : new URL(path, document.baseURI).href;
  if (!light.plotly) {
    light.plotly = new Promise((done, failed) => {
      const script = document.createElement("script");
      script.src = url(setup.bundle);
      script.onload = () => done(window.Plotly);
      script.onerror = failed;
      document.head.appendChild(script);
    });
  }
  // The theme the page shows: the one whose background the app has (Streamlit's light and dark
  // themes, recorded with the template), else by the background's lightness.
  const themeNow = () => {
    const app = document.querySelector('[data-testid="stApp"]');
    const bg = app ? getComputedStyle(app).backgroundColor : "";
    for (const [name, theme] of Object.entries(setup.themes)) {
      if (theme.background === bg) return name;
    }
    const rgb = (bg.match(/[0-9.]+/g) || [255, 255, 255]).map(Number);
    return 0.299 * rgb[0] + 0.587 * rgb[1] + 0.114 * rgb[2] < 128 ? "dark" : "light";
  };
  const layoutFor = (theme) => {
    const layout = Object.assign({}, figure.layout, {template: setup.themes[theme].template});
    if (layout.title && layout.title.text) {
      const text = "\\x3cb>" + layout.title.text + "\\x3c/b>";  // bold, as Streamlit's
      layout.title = Object.assign({}, layout.title, {text: text});
    }
    return layout;
  };
  light.plotly.then((Plotly) => {
    const theme = themeNow();
    const config = Object.assign({}, setup.config, drawn.config);
    return Plotly.newPlot(box, figure.data, layoutFor(theme), config).then(() => {
      box.dataset.theme = theme;
      box.dataset.drawn = String(Math.round(performance.now()));  // when (ms from navigation)
      light.charts.add(box);
      // Drawn again at a new width only: the observer also reports the width the chart was
      // just drawn at, and a resize lays the whole chart out and draws it again.
      let width = null;
      new ResizeObserver((entries) => {
        const now = entries[entries.length - 1].contentRect.width;
        if (!box.isConnected || now === width) return;
        const first = width === null;
        width = now;
        if (first && Math.round(box._fullLayout.width) === Math.round(box.clientWidth)) return;
        Plotly.Plots.resize(box);
      }).observe(box.parentElement);
      if (!light.watching) {  // one watcher for every chart: a switch of theme redraws them
        light.watching = setInterval(() => {
          const now = themeNow();
          for (const chart of [...light.charts]) {
            if (!chart.isConnected) { light.charts.delete(chart); continue; }
            if (chart.dataset.theme !== now) {
              chart.dataset.theme = now;
              Plotly.relayout(chart, {template: setup.themes[now].template});
            }
          }
        }, 400);
      }
      if (setup.next && !light.prefetch) {
        // Only once the whole page is drawn (the run finished, no element still loading):
        // evaluating Streamlit's Plotly script holds the browser for a second or more, and
        // anything still to come (the sidebar's widgets) would wait for it.
        light.prefetch = true;
        const complete = () => {
          const app = document.querySelector('[data-testid="stApp"]');
          return app && app.getAttribute("data-test-script-state") === "notRunning"
            && !document.querySelector('[data-testid="stSkeleton"]');
        };
        const fetchNext = () => {
          if (!complete()) { setTimeout(fetchNext, 100); return; }
          setTimeout(() => {
            const idle = window.requestIdleCallback || ((run) => setTimeout(run, 0));
            idle(() => import(url("static/js/" + setup.next)).catch(() => {}), {timeout: 4000});
          }, setup.prefetchMs);
        };
        fetchNext();
      }
    });
  }).catch(() => {
    box.textContent = "This chart could not be drawn here; any change in the sidebar draws it.";
  });
})();
"""


@cache
def theme() -> dict | None:
    """The theme file (components/plotly_theme.json) when it was recorded for the installed
    Streamlit, else None."""
    try:
        data = json.loads(THEME_PATH.read_text(encoding="utf-8"))
        if data.get("streamlit") != version("streamlit"):
            return None
        if not all(isinstance(data["themes"].get(n), dict) for n in ("light", "dark")):
            return None
        return data
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def available() -> bool:
    """Whether the bundle is there to be served and a theme file fits this Streamlit."""
    return (theme() is not None and (STATIC_DIR / BUNDLE).is_file()
            and bool(st.get_option("server.enableStaticServing")))


def fits(figure: Any) -> bool:
    """Whether the basic bundle draws this figure's JSON exactly as st.plotly_chart would: only
    bar, scatter and pie traces, Streamlit's template, and none of its placeholder colours
    outside the template."""
    data = theme()
    if data is None or not isinstance(figure, Mapping):
        return False
    traces, layout = figure.get("data"), figure.get("layout")
    if not isinstance(traces, list) or not isinstance(layout, Mapping):
        return False
    if any(not isinstance(t, Mapping) or t.get("type", "scatter") not in BASIC_TRACES
           for t in traces):
        return False
    if layout.get("template") != data["placeholder_template"] or "frames" in figure:
        return False
    rest = {"data": traces, "layout": {k: v for k, v in layout.items() if k != "template"}}
    return PLACEHOLDER.search(json.dumps(rest)) is None


def draws_all(figures: list[Any]) -> bool:
    """Whether every one of these figures' JSON (None: no chart) is drawn with the basic
    bundle."""
    return available() and all(fits(f) for f in figures if f is not None)


def _script_json(value: Any) -> str:
    """JSON to put inside a <script> element, with no "<" in it: "</script>" would end the
    element early, and Streamlit's HTML sanitizer (DOMPurify) drops a script whose text holds
    "<" before a letter, "/" or "!" (a figure's "<br>" or "<extra>")."""
    return json.dumps(value, separators=(",", ":")).replace("<", "\\u003c")


def html(figure: Mapping, config: Mapping | None = None) -> str:
    """The element that draws `figure` (its JSON) with the chart configuration `config` (as
    given to st.plotly_chart): a box of the figure's height, the figure and the script that
    draws it."""
    data = theme()
    if data is None:
        raise ValueError("no theme file for this Streamlit")
    body = _script_json({"figure": figure, "config": dict(config or {})})
    name = "adlens-chart-" + hashlib.sha256(body.encode()).hexdigest()[:12]
    height = figure.get("layout", {}).get("height") or 450
    setup = {"bundle": "app/static/" + BUNDLE,
             "themes": data["themes"],
             "config": data.get("config", {}),
             "next": chart_script_name(),
             "prefetchMs": PREFETCH_AFTER_MS}
    script = SCRIPT.replace("ID", name).replace("SETUP", _script_json(setup))
    return (f'<div id="{name}" class="adlens-light-chart" '
            f'style="width:100%;height:{int(height)}px"></div>\n'
            f'<script type="application/json" id="{name}-figure" class="{FIGURE_MARK}">'
            f'{body}</script>\n<script>{script}</script>')


def drawn_in(element_html: str) -> tuple[dict, dict] | None:
    """The figure and the chart configuration an element made by `html` draws, or None for
    any other HTML."""
    found = re.search(rf'<script type="application/json" id="[^"]+" class="{FIGURE_MARK}">'
                      r'(.*?)</script>', element_html, re.S)
    if found is None:
        return None
    drawn = json.loads(found.group(1))
    return drawn["figure"], drawn["config"]


def draw(figure: Any, config: Mapping | None = None, checked: bool = False) -> bool:
    """Draw a figure's JSON with the basic bundle; False (nothing drawn) when it cannot be drawn
    exactly as st.plotly_chart would (`fits`, `available`). `checked`: the caller has found
    that it can (`draws_all`), so it is not checked again."""
    if not (checked or (fits(figure) and available())):
        return False
    st.html(html(figure, config), unsafe_allow_javascript=True)
    return True

"""Record how the installed Streamlit themes a Plotly figure, for the charts a first Overview draws
with plotly.js's basic bundle (components/light_chart.py).

`python -m bench.plotly_theme` starts a one-chart page (st.plotly_chart, the app's own settings),
opens it in Chromium once with a light and once with a dark colour scheme, and writes
components/plotly_theme.json: the template Streamlit's Python side gives a figure (with its
placeholder colours), the template the browser drew it with in each theme (placeholders replaced,
fonts, greys, backgrounds, hover labels), the page's background in each theme (how the chart
script tells them apart) and the chart configuration Streamlit adds. Run it after upgrading
Streamlit; tests/browser/test_dashboard.py checks that the first Overview's charts are drawn with
exactly what a later run's st.plotly_chart draws.
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
from importlib.metadata import version
from pathlib import Path

from bench import server

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "components" / "plotly_theme.json"
PAGE = ('import streamlit as st\nimport plotly.graph_objects as go\n'
        'st.plotly_chart(go.Figure(go.Bar(x=["a"], y=[1])), config={"displaylogo": False})\n')
# What the browser drew: the figure's template after Streamlit's theme, the page's background,
# and the configuration plotly.js was given beyond the page's own.
READ = """() => {
  const gd = document.querySelector('[data-testid="stPlotlyChart"] .js-plotly-plot');
  const config = {};
  for (const name of ["modeBarButtonsToRemove"]) config[name] = gd._context[name];
  return {template: JSON.parse(JSON.stringify(gd.layout.template)),
          background: getComputedStyle(document.querySelector('[data-testid="stApp"]'))
            .backgroundColor,
          config: config};
}"""


def placeholder_template() -> dict:
    """The template st.plotly_chart sends with a figure (Streamlit's, with placeholder colours
    the browser replaces)."""
    import plotly.graph_objects as go
    import plotly.io
    import streamlit.elements.plotly_chart  # noqa: F401 — sets Streamlit's default template

    return json.loads(plotly.io.to_json(go.Figure(), validate=False))["layout"]["template"]


def capture() -> dict:
    from playwright.sync_api import sync_playwright

    drawn = {}
    with tempfile.TemporaryDirectory() as tmp:
        page_file = Path(tmp) / "one_chart.py"
        page_file.write_text(PAGE)
        (Path(tmp) / ".streamlit").mkdir()
        shutil.copy(ROOT / ".streamlit" / "config.toml", Path(tmp) / ".streamlit")
        proc, url = server.start(page_file, Path(tmp))
        try:
            with sync_playwright() as pw:
                browser = pw.chromium.launch(executable_path=server.chromium_path(),
                                             args=server.CHROMIUM_ARGS)
                for scheme in ("light", "dark"):
                    context = browser.new_context(color_scheme=scheme)
                    page = context.new_page()
                    page.goto(url)
                    page.wait_for_selector('[data-testid="stPlotlyChart"] .js-plotly-plot',
                                           timeout=120_000)
                    drawn[scheme] = page.evaluate(READ)
                    context.close()
                browser.close()
        finally:
            server.stop(proc)
    configs = {json.dumps(d["config"], sort_keys=True) for d in drawn.values()}
    if len(configs) != 1:
        raise SystemExit("the chart configuration differs between the themes")
    if drawn["light"]["background"] == drawn["dark"]["background"]:
        raise SystemExit("the light and dark pages have the same background")
    return {"streamlit": version("streamlit"),
            "placeholder_template": placeholder_template(),
            "themes": {scheme: {"template": d["template"], "background": d["background"]}
                       for scheme, d in drawn.items()},
            "config": drawn["light"]["config"]}


def main() -> int:
    theme = capture()
    OUT.write_text(json.dumps(theme, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)} for Streamlit {theme['streamlit']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The Overview's first visit asks the browser for Plotly's chart script right after its headline
(components/layout.py). The browser side is tested in tests/browser/test_dashboard.py."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from components import layout

JS_DIR = Path(st.__file__).parent / "static" / "static" / "js"


def test_the_chart_script_is_the_one_file_streamlit_ships_for_plotly_charts():
    name = layout.chart_script_name()
    assert name is not None, "the pinned Streamlit ships no PlotlyChart script"
    assert name.startswith("PlotlyChart.") and name.endswith(".js")
    assert (JS_DIR / name).stat().st_size > 1_000_000  # plotly.js is inside
    # Streamlit's own code imports that very file when a page shows a chart.
    index = [p for p in JS_DIR.glob("index.*.js") if name in p.read_text(errors="ignore")]
    assert index, "no Streamlit script imports the chart script by that name"


def test_the_page_script_names_the_file_and_waits_for_the_headline():
    script = layout.early_chart_script(4)
    assert script is not None
    assert f'"{layout.chart_script_name()}"' in script
    assert "import(url)" in script
    assert "shown >= 4 " in script
    assert f"> {layout.CHART_SCRIPT_WAIT_MS}" in script
    assert "NAME" not in script and "FIGURES" not in script and "WAIT_MS" not in script
    assert 'class="adlens-script"' in script  # hidden by the page style


def test_no_page_script_when_streamlit_ships_no_single_chart_script(monkeypatch, tmp_path):
    fake = tmp_path / "streamlit" / "__init__.py"
    (tmp_path / "streamlit" / "static" / "static" / "js").mkdir(parents=True)
    fake.write_text("")
    monkeypatch.setattr(layout.st, "__file__", str(fake))
    layout.chart_script_name.cache_clear()
    try:
        assert layout.chart_script_name() is None
        assert layout.early_chart_script(4) is None
        js = tmp_path / "streamlit" / "static" / "static" / "js"
        (js / "PlotlyChart.a.js").write_text("")
        (js / "PlotlyChart.b.js").write_text("")
        layout.chart_script_name.cache_clear()
        assert layout.chart_script_name() is None  # two candidates: no guess
    finally:
        monkeypatch.undo()
        layout.chart_script_name.cache_clear()
    assert layout.chart_script_name() is not None

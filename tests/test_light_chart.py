"""The Python side of the charts a first Overview draws with plotly.js's basic bundle
(components/light_chart.py): which figures it takes, the element it sends, and what it needs
(the vendored bundle, served; a theme file for the installed Streamlit). In a real browser:
tests/browser/test_dashboard.py."""

from __future__ import annotations

import copy
import json
import re
from importlib.metadata import version
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from components import layout, light_chart, overview_top

ROOT = Path(__file__).resolve().parent.parent


def stored_charts() -> tuple[dict, dict]:
    """The first Overview's two charts as stored (read whatever the file's key)."""
    view = json.loads(overview_top.STORED_PATH.read_text(encoding="utf-8"))["view"]
    return view["people_chart"], view["trend_chart"]


@pytest.fixture
def stored() -> tuple[dict, dict]:
    return stored_charts()


@pytest.fixture
def theme_file(tmp_path, monkeypatch):
    """A writable copy of the theme file, read instead of the shipped one."""
    path = tmp_path / "plotly_theme.json"
    path.write_text(light_chart.THEME_PATH.read_text())
    monkeypatch.setattr(light_chart, "THEME_PATH", path)
    light_chart.theme.cache_clear()
    yield path
    light_chart.theme.cache_clear()


def test_the_first_overviews_charts_are_drawn_with_the_basic_bundle(stored) -> None:
    assert light_chart.available()
    assert all(light_chart.fits(figure) for figure in stored)
    assert light_chart.draws_all([*stored, None])


def test_the_vendored_bundle_is_the_basic_plotly_js_plotly_py_targets() -> None:
    from plotly.offline import get_plotlyjs_version

    bundle = light_chart.STATIC_DIR / light_chart.BUNDLE
    head = bundle.read_text(encoding="utf-8")[:200]
    assert f"plotly.js (basic - minified) v{get_plotlyjs_version()}" in head
    assert "Licensed under the MIT license" in head
    assert (bundle.parent / "LICENSE").read_text().startswith("MIT License")
    assert f"-{get_plotlyjs_version()}/" in light_chart.BUNDLE


def test_the_theme_file_has_the_template_st_plotly_chart_sends_today() -> None:
    """Streamlit's Python side puts this template (placeholder colours) on every figure; the
    browser's replacement for it in each theme is what the file records."""
    import plotly.graph_objects as go
    import plotly.io
    import streamlit.elements.plotly_chart  # noqa: F401 — Streamlit's default template

    sent = json.loads(plotly.io.to_json(go.Figure(), validate=False))["layout"]["template"]
    data = light_chart.theme()
    assert data is not None and data["streamlit"] == version("streamlit")
    assert data["placeholder_template"] == sent
    for name in ("light", "dark"):
        drawn = json.dumps(data["themes"][name]["template"])
        assert light_chart.PLACEHOLDER.search(drawn) is None  # every placeholder replaced
    assert data["themes"]["light"]["background"] != data["themes"]["dark"]["background"]


@pytest.mark.parametrize("change", ["heatmap", "template", "placeholder", "frames", "no data"])
def test_a_figure_it_cannot_draw_the_same_is_left_to_st_plotly_chart(stored, change) -> None:
    figure = copy.deepcopy(stored[0])
    if change == "heatmap":  # not in the basic bundle
        figure["data"].append({"type": "heatmap", "z": [[1, 2]]})
    elif change == "template":
        figure["layout"]["template"] = {"layout": {"font": {"color": "#123456"}}}
    elif change == "placeholder":  # a colour only Streamlit's browser code would replace
        figure["data"][0]["marker"]["color"] = "#000032"
    elif change == "frames":
        figure["frames"] = [{"data": []}]
    else:
        figure.pop("data")
    assert not light_chart.fits(figure)
    assert not light_chart.draws_all([stored[1], figure])


def test_a_theme_file_for_another_streamlit_is_not_used(stored, theme_file) -> None:
    data = json.loads(theme_file.read_text())
    data["streamlit"] = "0.0.1"
    theme_file.write_text(json.dumps(data))
    light_chart.theme.cache_clear()
    assert light_chart.theme() is None
    assert not light_chart.fits(stored[0]) and not light_chart.available()


def test_without_static_serving_or_the_bundle_nothing_is_drawn(stored, monkeypatch,
                                                               tmp_path) -> None:
    monkeypatch.setattr(light_chart.st, "get_option",
                        lambda name: False if name == "server.enableStaticServing" else None)
    assert not light_chart.available() and not light_chart.draw(stored[0])
    monkeypatch.undo()
    monkeypatch.setattr(light_chart, "STATIC_DIR", tmp_path)
    assert not light_chart.available() and not light_chart.draw(stored[0])


def test_the_element_carries_the_figure_its_height_and_the_script(stored) -> None:
    figure = stored[1]
    html = light_chart.html(figure, {"displaylogo": False})
    assert light_chart.drawn_in(html) == (figure, {"displaylogo": False})
    assert light_chart.drawn_in("<div>another element</div>") is None
    assert f"height:{figure['layout']['height']}px" in html
    assert len(re.findall(r'id="(adlens-chart-[0-9a-f]{12})"', html)) == 1
    # The bundle's address under app/static/, and Streamlit's own Plotly script to fetch when
    # the page is idle.
    assert '"app/static/' + light_chart.BUNDLE + '"' in html
    assert layout.chart_script_name() and f'"{layout.chart_script_name()}"' in html
    # Streamlit's HTML sanitizer drops a script whose text holds "<" before a letter, "/" or
    # "!" (the figure has "<extra>"): none in either script.
    for body in re.findall(r"<script[^>]*>(.*?)</script>", html, re.S):
        assert re.search(r"<[/\w!]", body) is None
    assert "<extra>" in json.dumps(figure)


def test_chart_draws_stored_json_with_the_bundle_and_a_figure_with_st_plotly_chart() -> None:
    def page() -> None:
        import plotly.graph_objects as go

        from components.page import chart
        from tests.test_light_chart import stored_charts

        chart(stored_charts()[0], "stored", "none")
        chart(go.Figure(go.Bar(x=["a"], y=[1])), "figure", "none")
        chart({"data": [{"type": "heatmap", "z": [[1]]}], "layout": {}}, "heatmap", "none")
        chart(None, "never", "nothing to show")

    at = AppTest.from_function(page).run()
    assert not at.exception
    light = [light_chart.drawn_in(h.proto.body) for h in at.get("html")]
    assert [d[1] for d in light if d] == [{"displaylogo": False}]
    assert len(at.get("plotly_chart")) == 2  # the figure, and the heatmap left to it
    assert [c.value for c in at.caption] == ["stored", "figure", "heatmap"]
    assert [i.value for i in at.info] == ["nothing to show"]

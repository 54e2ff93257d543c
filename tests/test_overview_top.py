"""The Overview's first view stored for a session's first visit: it is what the page builds, it
draws exactly what a later run draws, it is refused for another sample, code, library or policy,
and it is used only on a first visit with nothing asked for."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from adlens import checked
from adlens.scenario import Scenario
from components import light_chart, overview_top
from components.kpi import Kpi

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")


def test_the_stored_first_view_is_current_for_the_bundled_sample() -> None:
    """Fails after a change to the sample, the page's code, its libraries or its stored figures
    until `python -m components.overview_top` (in `make sample`) stores it again."""
    stored = overview_top.stored()
    assert stored is not None, ("stale components/overview_top.json: run "
                                "`python -m components.overview_top`")
    built = overview_top.build_first_view(checked.load_dataset(overview_top.SAMPLE_DIR),
                                          Scenario.announced())
    assert stored == built
    assert len(stored.top.kpis) == 4 and all(k.value for k in stored.top.kpis)
    assert stored.people_chart["data"] and stored.trend_chart["data"]


def _without_nulls(spec: object) -> object:
    """A figure's JSON without properties set to None (and objects left empty): Plotly draws
    them as not set, and a figure built from stored JSON drops them."""
    if isinstance(spec, dict):
        kept = {k: _without_nulls(v) for k, v in spec.items() if v is not None}
        return {k: v for k, v in kept.items() if v != {}}
    if isinstance(spec, list):
        return [_without_nulls(v) for v in spec]
    return spec


def _charts(at: AppTest) -> list[tuple[dict, dict]]:
    """Each chart's figure and configuration, drawn with st.plotly_chart or, on a first visit,
    with plotly.js's basic bundle (components/light_chart.py)."""
    light = [light_chart.drawn_in(h.proto.body) for h in at.get("html")]
    return ([(json.loads(c.proto.spec), json.loads(c.proto.config))
             for c in at.get("plotly_chart")] + [d for d in light if d is not None])


def _page(at: AppTest) -> dict:
    """What the main area and the sidebar's "In use" line show."""
    return {"title": [t.value for t in at.main.title],
            "captions": [c.value for c in at.main.caption],
            "metrics": [(m.label, m.value, m.delta, m.help) for m in at.metric],
            "markdown": [m.value for m in at.main.markdown],
            "charts": [_without_nulls(figure) for figure, _ in _charts(at)],
            "chart_config": [config for _, config in _charts(at)],
            "in_use": [c.value for c in at.sidebar.caption if "In use" in c.value]}


def test_a_first_visit_draws_what_a_later_run_draws(monkeypatch) -> None:
    drawn: list = []
    real = overview_top.draw

    def draw(top: overview_top.Top) -> None:
        drawn.append(top)
        real(top)

    monkeypatch.setattr(overview_top, "draw", draw)
    at = AppTest.from_file(APP, default_timeout=240).run()
    assert not at.exception
    assert drawn == [overview_top.stored().top]  # the first view, from the stored file
    first = _page(at)
    first_light = sum(light_chart.drawn_in(h.proto.body) is not None for h in at.get("html"))
    assert (first_light, len(at.get("plotly_chart"))) == (2, 0)
    at.run()  # the same session again: everything computed as always
    assert not at.exception
    assert len(drawn) == 1
    assert _page(at) == first
    assert first["title"] == ["Overview"] and len(first["metrics"]) == 4
    assert len(first["charts"]) == 2 and first["in_use"]
    # The first visit drew both charts with the basic bundle, the next run with st.plotly_chart.
    assert len(at.get("plotly_chart")) == 2


@pytest.fixture
def copies(tmp_path: Path) -> tuple[Path, Path, Path]:
    """A copy of the sample folder's files and of the sources the key reads, and a stored first
    view keyed to them."""
    sample = tmp_path / "sample"
    sample.mkdir()
    for file in overview_top.SAMPLE_DIR.iterdir():
        if file.is_file():
            shutil.copy(file, sample / file.name)
    root = tmp_path / "root"
    for name in overview_top.DEPENDS_ON:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / name, root / name)
    view = overview_top.FirstView(
        overview_top.Top("a line", (Kpi("a", "1.0%", help="h"), Kpi("b", "2", delta="3")),
                         "a note"), {"data": [{"type": "bar", "y": [1]}]}, None, "- rule",
        "Bundled sample (5 people)")
    path = tmp_path / "view.json"
    path.write_text(json.dumps({"key": overview_top.key(root, sample), "view": view.to_dict()}))
    return path, root, sample


def test_a_stored_first_view_comes_back_for_its_own_key(copies) -> None:
    path, root, sample = copies
    view = overview_top.stored(path, root, sample)
    assert view is not None
    assert view.top.kpis == (Kpi("a", "1.0%", help="h"), Kpi("b", "2", delta="3"))
    assert (view.trend_chart, view.rules, view.in_use) == (None, "- rule",
                                                           "Bundled sample (5 people)")


def test_a_stored_first_view_is_refused_for_another_sample_code_or_file(copies,
                                                                        tmp_path) -> None:
    path, root, sample = copies
    events = sample / "events.parquet"
    data = bytearray(events.read_bytes())
    data[len(data) // 2] ^= 1  # one byte
    events.write_bytes(bytes(data))
    assert overview_top.stored(path, root, sample) is None
    shutil.copy(overview_top.SAMPLE_DIR / "events.parquet", events)
    assert overview_top.stored(path, root, sample) is not None
    (sample / "extra.csv").write_text("a\n1\n")  # an added file
    assert overview_top.stored(path, root, sample) is None
    (sample / "extra.csv").unlink()
    with (root / "components/charts.py").open("a") as source:  # how a chart is drawn
        source.write("\n# changed\n")
    assert overview_top.stored(path, root, sample) is None
    (tmp_path / "broken.json").write_text("{not json")
    assert overview_top.stored(tmp_path / "broken.json", root, sample) is None
    assert overview_top.stored(tmp_path / "missing.json", root, sample) is None


@pytest.mark.parametrize("field", ["libraries", "python", "scenario"])
def test_a_stored_first_view_from_other_libraries_or_policy_is_refused(copies, tmp_path,
                                                                        field) -> None:
    path, root, sample = copies
    data = json.loads(path.read_text())
    data["key"][field] = "something else"
    path.write_text(json.dumps(data))
    assert overview_top.stored(path, root, sample) is None



def test_a_first_view_stored_by_another_minor_python_is_drawn(copies, monkeypatch) -> None:
    """The deployment's Python (3.12) is not the one the view was stored with: JSON reads
    alike in any Python 3, so only the major version is part of the key."""
    import collections
    import sys

    path, root, sample = copies
    assert overview_top.stored(path, root, sample) is not None
    version = collections.namedtuple("version", "major minor micro")
    monkeypatch.setattr(sys, "version_info", version(3, sys.version_info.minor + 1, 0))
    assert overview_top.stored(path, root, sample) is not None
    monkeypatch.setattr(sys, "version_info", version(4, 0, 0))
    assert overview_top.stored(path, root, sample) is None

@pytest.mark.parametrize("ask", ["link", "state"])
def test_only_a_first_visit_with_nothing_asked_for_uses_the_stored_view(monkeypatch,
                                                                         ask) -> None:
    monkeypatch.setattr(overview_top, "stored", lambda *args, **kwargs: pytest.fail(
        "the stored first view was read"))
    at = AppTest.from_file(APP, default_timeout=240)
    if ask == "link":
        at.query_params["ai_chat"] = "off"  # a copied link: another scenario
    else:
        at.session_state["ds_choice"] = "sample"  # a session that has state already
    at.run()
    assert not at.exception
    assert len(at.metric) == 4
    assert [t.value for t in at.main.title] == ["Overview"]
    if ask == "link":
        assert at.metric[0].value == "0.0%"  # the link's scenario


def test_a_link_or_a_dataset_folder_is_not_a_first_visit() -> None:
    # Decided before session state is read (no Streamlit run needed here).
    assert not overview_top.first_visit({"ai_chat": "off"}, environ={})
    assert not overview_top.first_visit({}, environ={"ADLENS_DATA_DIR": "/some/folder"})

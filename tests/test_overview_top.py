"""The Overview's top (dataset line and headline figures) stored for a session's first visit: it
is what the page builds, it is refused for another sample, code or policy, it is drawn only on a
first visit with nothing asked for, and the page keeps it when it is the same and replaces it
when it is not."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from adlens import checked
from adlens.scenario import Scenario
from components import overview_top
from components.kpi import Kpi

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")


def test_the_stored_top_is_current_for_the_bundled_sample() -> None:
    """Fails after a change to the sample, the headline's code or its stored figures until
    `python -m components.overview_top` (in `make sample`) stores it again."""
    stored = overview_top.stored()
    assert stored is not None, ("stale components/overview_top.json: run "
                                "`python -m components.overview_top`")
    built = overview_top.build(checked.load_dataset(overview_top.SAMPLE_DIR),
                               Scenario.announced())
    assert stored == built
    assert len(stored.kpis) == 4 and all(k.value for k in stored.kpis)


@pytest.fixture
def copies(tmp_path: Path) -> tuple[Path, Path, Path]:
    """A copy of the sample folder's files and of the sources the key reads, and a stored top
    keyed to them."""
    sample = tmp_path / "sample"
    sample.mkdir()
    for file in overview_top.SAMPLE_DIR.iterdir():
        if file.is_file():
            shutil.copy(file, sample / file.name)
    root = tmp_path / "root"
    for name in overview_top.DEPENDS_ON:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / name, root / name)
    top = overview_top.Top("a line", (Kpi("a", "1.0%", help="h"), Kpi("b", "2", delta="3")),
                           "a note")
    path = tmp_path / "top.json"
    path.write_text(json.dumps({"key": overview_top.key(root, sample), "top": top.to_dict()}))
    return path, root, sample


def test_a_stored_top_comes_back_for_its_own_key(copies) -> None:
    path, root, sample = copies
    top = overview_top.stored(path, root, sample)
    assert top == overview_top.Top("a line", (Kpi("a", "1.0%", help="h"),
                                              Kpi("b", "2", delta="3")), "a note")


def test_a_stored_top_is_refused_for_another_sample_code_or_file(copies, tmp_path) -> None:
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
    with (root / "components/ai_value.py").open("a") as source:  # the headline's wording
        source.write("\n# changed\n")
    assert overview_top.stored(path, root, sample) is None
    (tmp_path / "broken.json").write_text("{not json")
    assert overview_top.stored(tmp_path / "broken.json", root, sample) is None
    assert overview_top.stored(tmp_path / "missing.json", root, sample) is None


def test_another_announced_policy_is_refused(copies, monkeypatch) -> None:
    path, root, sample = copies
    announced = Scenario.announced()
    monkeypatch.setattr(overview_top.Scenario, "announced",
                        classmethod(lambda cls, as_of=None: announced.with_(ai_chat=False)))
    assert overview_top.stored(path, root, sample) is None


def _count_draws(monkeypatch) -> list[overview_top.Top]:
    drawn: list[overview_top.Top] = []
    real = overview_top.draw

    def draw(top: overview_top.Top) -> None:
        drawn.append(top)
        real(top)

    monkeypatch.setattr(overview_top, "draw", draw)
    return drawn


def _metrics(at: AppTest) -> list[tuple[str, str]]:
    return [(m.label, m.value) for m in at.metric]


def test_a_first_visit_draws_the_stored_top_once_and_the_page_keeps_it(monkeypatch) -> None:
    drawn = _count_draws(monkeypatch)
    at = AppTest.from_file(APP, default_timeout=240).run()
    assert not at.exception
    stored = overview_top.stored()
    assert drawn == [stored]  # drawn before the sidebar; the page found the same and kept it
    assert _metrics(at) == [(k.label, k.value) for k in stored.kpis]
    assert [t.value for t in at.main.title] == ["Overview"]
    assert at.main.caption[0].value.startswith(":material/verified: Announced policy in force")
    assert at.main.caption[1].value == stored.caption
    assert at.main.caption[2].value == stored.note
    assert len(at.get("plotly_chart")) == 2
    assert overview_top.LOADING not in [c.value for c in at.main.caption]  # gone: charts drawn


def test_a_stale_stored_top_is_replaced_by_the_page(monkeypatch) -> None:
    stored = overview_top.stored()
    wrong = overview_top.Top(stored.caption, tuple(
        Kpi(k.label, "99.9%", help=k.help) for k in stored.kpis), "a stale note")
    monkeypatch.setattr(overview_top, "stored", lambda *args, **kwargs: wrong)
    drawn = _count_draws(monkeypatch)
    at = AppTest.from_file(APP, default_timeout=240).run()
    assert not at.exception
    assert drawn == [wrong, stored]  # early, then replaced in the same place
    assert _metrics(at) == [(k.label, k.value) for k in stored.kpis]
    assert "a stale note" not in [c.value for c in at.main.caption]
    assert [t.value for t in at.main.title] == ["Overview"]


@pytest.mark.parametrize("ask", ["link", "state"])
def test_only_a_first_visit_with_nothing_asked_for_is_drawn_early(monkeypatch, ask) -> None:
    drawn = _count_draws(monkeypatch)
    at = AppTest.from_file(APP, default_timeout=240)
    if ask == "link":
        at.query_params["ai_chat"] = "off"  # a copied link: another scenario
    else:
        at.session_state["ds_choice"] = "sample"  # a session that has state already
    at.run()
    assert not at.exception
    assert len(drawn) == 1  # by the page only, after the sidebar
    assert len(at.metric) == 4
    assert [t.value for t in at.main.title] == ["Overview"]
    if ask == "link":
        assert at.metric[0].value == "0.0%"  # the link's scenario, not the stored top


def test_a_link_or_a_dataset_folder_is_not_a_first_visit() -> None:
    # Decided before session state is read (no Streamlit run needed here).
    assert not overview_top.first_visit({"ai_chat": "off"}, environ={})
    assert not overview_top.first_visit({}, environ={"ADLENS_DATA_DIR": "/some/folder"})

"""The Overview's stored figures come back exactly as computed, and only for the dataset,
scenario, code and libraries they were computed with."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from adlens import contract, engine, overview_store, simulate
from adlens.scenario import Scenario


@pytest.fixture(scope="module")
def world():
    frames = simulate.generate_frames(400, 11)
    dataset = contract.from_frames(frames, source="test")
    return dataset, engine.prepare(dataset)


@pytest.fixture(scope="module")
def stored_once(world, tmp_path_factory):
    dataset, _ = world
    path = tmp_path_factory.mktemp("stored") / "overview.json"
    overview_store.store(dataset, Scenario.announced(), path=path)
    return path


def _same(a: overview_store.OverviewFigures, b: overview_store.OverviewFigures) -> None:
    for name in ("shares", "reach", "weekly"):
        pd.testing.assert_frame_equal(getattr(a, name), getattr(b, name))  # values and dtypes
    pd.testing.assert_frame_equal(a.report.summary, b.report.summary)
    pd.testing.assert_frame_equal(a.report.weeks, b.report.weeks)
    assert (a.report.k, a.report.n_boot, a.report.without) == \
        (b.report.k, b.report.n_boot, b.report.without)


def test_stored_figures_are_read_back_as_computed(world, stored_once) -> None:
    dataset, prepared = world
    scenario = Scenario.announced()
    stored = overview_store.stored(dataset.dataset_id, scenario, path=stored_once)
    assert stored is not None
    _same(stored, overview_store.compute(prepared, dataset, scenario))


def test_stored_figures_are_only_for_their_dataset_and_scenario(world, stored_once,
                                                                 tmp_path) -> None:
    dataset, _ = world
    announced = Scenario.announced()
    assert overview_store.stored("another dataset", announced, path=stored_once) is None
    for other in (announced.with_(ai_chat=False), announced.with_(sensitive_list="gdpr9"),
                  announced.with_(as_of=announced.as_of.replace(day=1))):
        assert overview_store.stored(dataset.dataset_id, other, path=stored_once) is None
    assert overview_store.stored(dataset.dataset_id, announced,
                                 path=tmp_path / "missing.json") is None
    (tmp_path / "broken.json").write_text("{not json")
    assert overview_store.stored(dataset.dataset_id, announced,
                                 path=tmp_path / "broken.json") is None


@pytest.mark.parametrize("field", ["overview_version", "code_version", "text_model_version",
                                   "libraries", "python", "format"])
def test_stored_figures_from_other_code_or_libraries_are_refused(world, stored_once, tmp_path,
                                                                 field) -> None:
    dataset, _ = world
    data = json.loads(stored_once.read_text())
    data["key"][field] = "something else"
    path = tmp_path / "overview.json"
    path.write_text(json.dumps(data))
    assert overview_store.stored(dataset.dataset_id, Scenario.announced(), path=path) is None


def test_the_stored_figures_are_current_for_the_bundled_sample() -> None:
    """Fails after a change to the engine, the text model, the rolling evaluation, the trends
    or the sample until `python -m adlens.overview_store` (in `make sample`) stores them."""
    dataset = contract.load_dataset(contract.SAMPLE_DIR)
    scenario = Scenario.announced()
    stored = overview_store.stored(dataset.dataset_id, scenario)
    assert stored is not None, "stale adlens/overview_sample.json: run " \
                               "python -m adlens.overview_store"
    _same(stored, overview_store.compute(engine.prepare(dataset), dataset, scenario))

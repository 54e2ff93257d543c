"""Stored artifacts of the scenario-independent work: the shipped ones are current, loading them
gives exactly what computing gives, and artifacts of another version are refused and rebuilt."""

from __future__ import annotations

import dataclasses
import json
import pickle
import subprocess
import sys
import zlib
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from adlens import artifacts, checked, engine, overview_store, schema
from adlens import text_model as tm
from adlens.contract import SAMPLE_DIR, load_dataset
from adlens.scenario import Scenario
from adlens.simulate import generate_frames

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def dataset():
    return engine.dataset_from_frames(generate_frames(150, seed=23))


@pytest.fixture(scope="module")
def computed(dataset) -> engine.Prepared:
    return engine.prepare(dataset, use_artifacts=False)


def store(dataset, computed) -> Path:
    """Current artifacts of `computed` in the cache, as a first prepare would leave them."""
    folder = artifacts.cache_folder(dataset.dataset_id)
    artifacts.save(folder, dataset.dataset_id, *engine.stored_work(computed))
    return folder


@pytest.fixture()
def cache(tmp_path, monkeypatch) -> Path:
    """A fresh, empty artifacts cache (the text model's cache is left alone)."""
    monkeypatch.setattr(artifacts, "cache_root", lambda: tmp_path)
    monkeypatch.delenv(artifacts.ENV_SWITCH, raising=False)
    return tmp_path


def assert_same_work(a: engine.Prepared, b: engine.Prepared) -> None:
    ca, cb = a.codes, b.codes
    np.testing.assert_array_equal(ca.event_topic, cb.event_topic)
    np.testing.assert_array_equal(ca.similar_topics, cb.similar_topics)
    for signal, events in ca.signals.items():
        for name in schema.SENSITIVE_LISTS:
            np.testing.assert_array_equal(events.sensitive[name],
                                          cb.signals[signal].sensitive[name])
    np.testing.assert_array_equal(a.chat_ad, b.chat_ad)
    assert a.click_model == b.click_model
    for scenario in (Scenario(), Scenario(sensitive_list="gdpr9"), Scenario(ai_chat=False)):
        pd.testing.assert_frame_equal(engine.run_scenario(a, scenario).recommendations,
                                      engine.run_scenario(b, scenario).recommendations)


def test_the_shipped_sample_artifacts_are_current():
    """Fails until `make sample` (or `python -m adlens.artifacts`) has rebuilt them after a
    change to the sample or to a module that produces them."""
    sample = load_dataset(SAMPLE_DIR)
    assert artifacts.differences(artifacts.SAMPLE_ARTIFACTS, sample.dataset_id) == []
    name = (artifacts.SAMPLE_ARTIFACTS / (artifacts.TEXT_MODEL + ".name")).read_text().strip()
    assert name == tm._cache_path(tm.MODEL_VERSION).name
    # Small enough to ship in the repository: almost all of it is the compressed text model
    # (3.7 MB for model v2, 12.7 MB for v3 with its four-language vocabulary).
    size = sum(p.stat().st_size for p in artifacts.SAMPLE_ARTIFACTS.iterdir())
    assert size < 16 * 1024**2


def test_stored_work_gives_what_computing_gives(dataset, computed, cache):
    first = engine.prepare(dataset)  # computes and stores in the (empty) cache
    assert first._text_model is not None
    assert artifacts.differences(artifacts.cache_folder(dataset.dataset_id),
                                 dataset.dataset_id) == []
    loaded = engine.prepare(dataset)  # a new process would take the same path
    assert loaded._text_model is None, "the stored work was not used"
    assert_same_work(computed, loaded)
    # The text model is still there for the pages that report on it.
    assert loaded.text_model.version == tm.MODEL_VERSION


@pytest.mark.parametrize("threshold", [None, 0.37])
def test_the_stored_threshold_comes_back_as_saved(dataset, computed, cache, threshold):
    inference, *rest = engine.stored_work(computed)
    inference = dataclasses.replace(inference, threshold=threshold)
    folder = artifacts.save(artifacts.cache_folder(dataset.dataset_id), dataset.dataset_id,
                            inference, *rest)
    assert artifacts.load(dataset.dataset_id, folders=(folder,)).inference.threshold == threshold


OTHER_VERSIONS = [
    ("code_version", "0" * 16), ("text_model_version", "v-old"),
    ("libraries", {"numpy": "1.0", "pandas": "1.0", "pyarrow": "1", "scikit-learn": "0.1"}),
    ("dataset_id", "another-dataset"), ("format", "0"), ("python", "2")]



def test_another_minor_python_reads_the_same_artifacts(dataset, computed, cache, monkeypatch):
    """The deployment's Python (3.12) is not the one `make sample` ran on: artifacts stored by
    another minor version of Python 3 are used (no pickles in them), another major is not."""
    import collections

    folder = store(dataset, computed)
    version = collections.namedtuple("version", "major minor micro")
    monkeypatch.setattr(sys, "version_info", version(3, sys.version_info.minor + 1, 0))
    assert artifacts.differences(folder, dataset.dataset_id) == []
    assert artifacts.load(dataset.dataset_id) is not None
    monkeypatch.setattr(sys, "version_info", version(4, 0, 0))
    assert [d.split(":")[0] for d in artifacts.differences(folder, dataset.dataset_id)] == [
        "python"]

@pytest.mark.parametrize("key, value", OTHER_VERSIONS)
def test_any_other_version_is_refused(dataset, computed, cache, key, value):
    folder = store(dataset, computed)
    assert artifacts.load(dataset.dataset_id) is not None
    manifest = json.loads((folder / artifacts.MANIFEST).read_text())
    manifest[key] = value
    (folder / artifacts.MANIFEST).write_text(json.dumps(manifest))
    assert [d.split(":")[0] for d in artifacts.differences(folder, dataset.dataset_id)] == [key]
    assert artifacts.load(dataset.dataset_id) is None


@pytest.mark.parametrize("key, value", OTHER_VERSIONS[:3])
def test_refused_artifacts_are_never_used_and_are_rebuilt(dataset, computed, cache, key,
                                                          value):
    folder = store(dataset, computed)
    manifest = json.loads((folder / artifacts.MANIFEST).read_text())
    manifest[key] = value
    (folder / artifacts.MANIFEST).write_text(json.dumps(manifest))
    # Poison the stored values too: if they were used, the results would show it.
    with np.load(folder / artifacts.ARRAYS) as stored:
        arrays = dict(stored)
    arrays["inferred_topic"] = np.zeros_like(arrays["inferred_topic"])
    arrays["chat_ad"] = np.full_like(arrays["chat_ad"], -1)
    np.savez_compressed(folder / artifacts.ARRAYS, **arrays)
    assert artifacts.differences(folder, dataset.dataset_id)
    assert artifacts.load(dataset.dataset_id) is None
    redone = engine.prepare(dataset)
    assert redone._text_model is not None, "refused artifacts must mean recomputing"
    assert_same_work(computed, redone)
    # ... and rebuilt: the cache now holds current artifacts again, which the next run uses.
    assert artifacts.differences(folder, dataset.dataset_id) == []
    rebuilt = artifacts.load(dataset.dataset_id)
    np.testing.assert_array_equal(rebuilt.chat_ad, computed.chat_ad)
    np.testing.assert_array_equal(rebuilt.inference.topic, computed.codes.chat_inference.topic)


def test_a_change_to_a_producing_module_changes_the_code_version(tmp_path, monkeypatch):
    for name in artifacts.PRODUCERS:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes((artifacts.ROOT / name).read_bytes())
    monkeypatch.setattr(artifacts, "ROOT", tmp_path)
    artifacts.code_version.cache_clear()
    try:
        before = artifacts.code_version()
        signals = tmp_path / "signals.py"
        signals.write_text(signals.read_text() + "\n# a change\n")
        artifacts.code_version.cache_clear()
        assert artifacts.code_version() != before
    finally:
        artifacts.code_version.cache_clear()


@pytest.mark.parametrize("store, module, version", [
    ("checked", "contract.py", lambda: checked.key(SAMPLE_DIR)["contract_version"]),
    ("overview_store", "trends.py",
     lambda: overview_store.key("d", Scenario.announced())["overview_version"]),
])
def test_the_other_stores_hash_their_modules_the_same_way(tmp_path, monkeypatch, store, module,
                                                           version):
    # checked.py and overview_store.py key their stored work by artifacts.source_version: a
    # change to one of their modules (in a copy of the package) changes their key.
    names = {*artifacts.PRODUCERS, *checked.CONTRACT_MODULES, *overview_store._MODULES}
    for name in names:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes((artifacts.ROOT / name).read_bytes())
    monkeypatch.setattr(artifacts, "ROOT", tmp_path)
    before = version()
    assert before == artifacts.source_version(
        checked.CONTRACT_MODULES if store == "checked" else overview_store._MODULES)
    (tmp_path / module).write_text((tmp_path / module).read_text() + "\n# a change\n")
    assert version() != before


def test_artifacts_can_be_switched_off(dataset, computed, cache, monkeypatch):
    store(dataset, computed)
    monkeypatch.setenv(artifacts.ENV_SWITCH, "off")
    assert artifacts.load(dataset.dataset_id) is None
    assert engine.prepare(dataset)._text_model is not None


def test_the_shipped_text_model_seeds_only_a_cache_of_the_same_recipe(tmp_path, monkeypatch):
    shipped = tmp_path / "shipped"
    shipped.mkdir()
    (shipped / artifacts.TEXT_MODEL).write_bytes(zlib.compress(b"model bytes"))
    monkeypatch.setenv("ADLENS_CACHE", str(tmp_path / "cache"))
    monkeypatch.delenv(artifacts.ENV_SWITCH, raising=False)
    target = tm._cache_path(tm.MODEL_VERSION)
    (shipped / (artifacts.TEXT_MODEL + ".name")).write_text("text_model-v0-other.pkl\n")
    assert artifacts.seed_text_model(shipped) is False and not target.exists()
    (shipped / (artifacts.TEXT_MODEL + ".name")).write_text(target.name + "\n")
    assert artifacts.seed_text_model(shipped) is True
    assert target.read_bytes() == b"model bytes"  # decompressed into the cache


def test_a_damaged_shipped_text_model_is_not_seeded(tmp_path, monkeypatch):
    shipped = tmp_path / "shipped"
    shipped.mkdir()
    monkeypatch.setenv("ADLENS_CACHE", str(tmp_path / "cache"))
    monkeypatch.delenv(artifacts.ENV_SWITCH, raising=False)
    target = tm._cache_path(tm.MODEL_VERSION)
    (shipped / (artifacts.TEXT_MODEL + ".name")).write_text(target.name + "\n")
    (shipped / artifacts.TEXT_MODEL).write_bytes(zlib.compress(b"model bytes")[:-4])
    assert artifacts.seed_text_model(shipped) is False and not target.exists()


def test_the_stored_text_model_reads_back_the_same_with_plain_int_vocabularies(tmp_path):
    model = tm.load_text_model()
    path = tmp_path / "model.pkl"
    tm.write_model(model, path)
    again = tm.read_model(path)
    texts = np.array(["book a table for two tonight", "is this mole cancer",
                      "play the new album", "why is the sky blue"], dtype=object)
    np.testing.assert_array_equal(again.predict_proba(texts), model.predict_proba(texts))
    assert again.sensitive_threshold == model.sensitive_threshold
    for _, vectorizer in again.pipeline.named_steps["features"].transformer_list:
        assert {type(i) for i in vectorizer.vocabulary_.values()} == {int}
    path.write_bytes(path.read_bytes()[:1000])  # half written
    assert tm.read_model(path) is None
    path.write_bytes(pickle.dumps({"not": "a model"}))
    assert tm.read_model(path) is None


def test_the_sample_prepares_without_scikit_learn_or_training(tmp_path):
    """A fresh process with empty caches, the Overview's engine work: the shipped artifacts
    are used, nothing is trained and neither scikit-learn nor SciPy (about 0.3 s to import
    even for its sparse matrices alone) is ever imported."""
    code = (
        "import sys\n"
        "from adlens import contract, engine, rolling, trends\n"
        "from adlens.scenario import Scenario\n"
        "d = contract.load_dataset(contract.SAMPLE_DIR)\n"
        "p = engine.prepare(d)\n"
        "s = Scenario.announced()\n"
        "engine.run_scenario(p, s).signal_shares()\n"
        "rolling.evaluate(p, s)\n"
        "rolling.reach(p, s)\n"
        "trends.weekly_signal_share(p, s, d.users, d.events)\n"
        "assert p._text_model is None, 'the shipped artifacts were not used'\n"
        "print(sorted(m for m in ('sklearn', 'scipy') if m in sys.modules))\n")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                         text=True, env={"ADLENS_CACHE": str(tmp_path), "PATH": "/usr/bin"},
                         timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip().splitlines()[-1] == "[]"
    assert not list(tmp_path.glob("text_model-*"))


def test_average_ranks_match_scipy_with_ties():
    from scipy.stats import rankdata

    from adlens.rolling import average_ranks

    rng = np.random.default_rng(5)
    for shape in ((200, 29), (1, 1), (3, 4), (0, 6)):
        score = np.round(rng.normal(size=shape), 1)  # rounded: many ties
        assert average_ranks(score).shape == shape
        if score.size:
            np.testing.assert_array_equal(average_ranks(score), rankdata(score, axis=1))
    np.testing.assert_array_equal(average_ranks(np.zeros((2, 4))), np.full((2, 4), 2.5))

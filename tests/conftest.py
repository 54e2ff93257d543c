"""Fixtures shared by the engine tests: expensive, read-only inputs built once per test session.

Each is what the named function returns, computed once instead of once per test or module
(the text model's training text alone is 168,000 messages and takes seconds to generate).
Arrays come back read-only, so a test cannot change what the next one sees."""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping
from pathlib import Path

import numpy as np
import pytest

from adlens import text_model as tm


def worker_cache(environ: Mapping[str, str]) -> Path | None:
    """The cache folder of one pytest-xdist worker process: a folder named after the worker
    inside the cache the run was given (ADLENS_CACHE, else the default one), so two workers
    never write or replace each other's prepared work or text model file, and each worker's
    tests see one process's cache, as in a serial run. None outside a worker."""
    from adlens import artifacts

    return _worker_folder(environ, "ADLENS_CACHE", artifacts.cache_root)


def worker_block_cache(environ: Mapping[str, str]) -> Path | None:
    """The same for the block pipeline's stored work (ADLENS_BLOCK_CACHE, else its default
    folder): a test that leaves the folder to the default does not share it with the other
    worker. None outside a worker."""
    from adlens import block_cache

    return _worker_folder(environ, "ADLENS_BLOCK_CACHE", block_cache.cache_root)


def _worker_folder(environ: Mapping[str, str], variable: str, default) -> Path | None:
    worker = environ.get("PYTEST_XDIST_WORKER", "")
    if not worker:
        return None
    given = environ.get(variable)
    return (Path(given) if given is not None else default()) / f"xdist-{worker}"


def pytest_configure(config: pytest.Config) -> None:
    """Each worker of a parallel run (`pytest -n 2`) gets its own cache folders, before any
    fixture seeds the text model into one; the Streamlit servers and commands the tests start
    inherit them."""
    for variable, folder in (("ADLENS_CACHE", worker_cache(os.environ)),
                             ("ADLENS_BLOCK_CACHE", worker_block_cache(os.environ))):
        if folder is not None:
            os.environ[variable] = str(folder)


def corpus_copy_present(variable: str, environ: Mapping[str, str] = os.environ) -> bool:
    """Whether the environment variable names an existing folder (a local copy of a public
    corpus, as `bench.public_intents` reads them)."""
    folder = environ.get(variable, "")
    return bool(folder) and Path(folder).exists()


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Tests marked `corpora(VARIABLE)` read a public corpus the project does not hold. Without
    the copy they are deselected, not skipped: a run without the corpora says they did not run
    ("deselected"), and never counts them as passed or skipped-green."""
    missing = [item for item in items
               if (mark := item.get_closest_marker("corpora")) is not None
               and not corpus_copy_present(mark.args[0])]
    if missing:
        config.hook.pytest_deselected(items=missing)
        items[:] = [item for item in items if item not in missing]


def worker_scope(nodeid: str) -> str:
    """The work a parallel run (`--dist loadscope`, make test) hands a worker in one piece, for
    a test's node id: all the tests of an engine or page test module, so its module-scoped
    fixtures (a generated population, a prepared dataset, a trained model) are built once, not
    once in each worker; a browser test alone, so the slow ones are spread over the workers
    (each has its own server and Chromium)."""
    if nodeid.startswith("tests/browser/"):
        return nodeid
    return nodeid.split("::", 1)[0]


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log):
    """`--dist loadscope` hands out the scopes of `worker_scope` (pytest-xdist's own are a
    module or a class, browser tests included), the ones with the most tests first, each to the
    first worker free."""
    if config.getvalue("dist") != "loadscope":
        return None
    from xdist.scheduler import LoadScopeScheduling

    class ModuleOrBrowserTest(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return worker_scope(nodeid)

    return ModuleOrBrowserTest(config, log)


def _read_only(*arrays: np.ndarray) -> None:
    for array in arrays:
        array.flags.writeable = False


@pytest.fixture(scope="session")
def training_text() -> tuple[np.ndarray, np.ndarray]:
    """`text_model.training_texts()`: the texts and their labels."""
    texts, labels = tm.training_texts()
    _read_only(texts, labels)
    return texts, labels


@pytest.fixture(scope="session")
def calibration_text() -> tm.LabelledTexts:
    """`text_model.calibration_texts()`: the held-out messages that calibrate the threshold."""
    labelled = tm.calibration_texts()
    _read_only(*(getattr(labelled, f.name) for f in dataclasses.fields(labelled)
                 if isinstance(getattr(labelled, f.name), np.ndarray)))
    return labelled


@pytest.fixture(scope="session", autouse=True)
def heldout_report_once_per_model():
    """`text_model.heldout_report(model)` computed once per model object in the session.

    The report depends on the model alone (the held-out text is generated from a fixed seed,
    the validation and sealed sets are files), and every audit, text report and Method page
    asks for it: the commands' tests run the audit a dozen times on the same model, each time
    classifying the same 8,000 held-out messages again. A model trained in a test is another
    object, so it gets its own report. The model is kept with its report so its id is never
    reused by another object."""
    real = tm.heldout_report
    reports: dict[int, tuple[tm.TextModel, tm.TextReport]] = {}

    def once(model: tm.TextModel | None = None) -> tm.TextReport:
        model = model or tm.load_text_model()
        hit = reports.get(id(model))
        if hit is None or hit[0] is not model:
            hit = reports[id(model)] = (model, real(model))
        return hit[1]

    tm.heldout_report = once
    yield
    tm.heldout_report = real


@pytest.fixture(scope="session", autouse=True)
def shipped_text_model() -> None:
    """The fitted text model shipped with the sample, put in the cache before any test asks
    for it (as `engine.prepare` does): a test that loads the model directly would otherwise
    train it, two minutes of CPU, whenever it runs before any test that prepares a dataset
    (one test file on its own, with an empty ADLENS_CACHE as in CI)."""
    from adlens import artifacts

    artifacts.seed_text_model()

"""Fixtures shared by the engine tests: expensive, read-only inputs built once per test session.

Each is what the named function returns, computed once instead of once per test or module
(the text model's training text alone is 168,000 messages and takes seconds to generate).
Arrays come back read-only, so a test cannot change what the next one sees."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from adlens import text_model as tm


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

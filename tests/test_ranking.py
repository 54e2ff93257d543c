"""The click model: its weights are the optimum of its own objective, not an early stop."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

from adlens import engine, ranking, schema
from adlens.contract import load_dataset
from adlens.scenario import Scenario

SAMPLE = Path(__file__).parent.parent / "sample_data"


def _objective(intercept: float, coef: np.ndarray, x, y, w) -> float:
    z = intercept + x @ coef
    return float(np.sum(w * (np.logaddexp(0, z) - y * z)) + 0.5 * np.sum(coef**2))


def test_click_model_reaches_the_optimum_on_the_sample():
    # The real training rows: ~1,000 clicks among ~350k up-weighted rows, where a solver that
    # stops at its default tolerance lands far from the optimum and shrinks every weight.
    codes, impressions = engine.encode_dataset(load_dataset(SAMPLE))
    data = ranking.training_data(codes, impressions, Scenario.announced())
    x, y, w = data.x, data.y, data.sample_weight
    model = ranking.fit_click_model(x, y, sample_weight=w)
    coef = np.array([model.weight[s] for s in schema.SIGNALS])
    active = coef > 0
    reference = LogisticRegression(C=1.0, tol=1e-10, max_iter=5000).fit(
        x[:, active], y, sample_weight=w)
    ours = _objective(model.intercept, coef[active], x[:, active], y, w)
    best = _objective(float(reference.intercept_[0]), reference.coef_[0], x[:, active], y, w)
    assert ours <= best * (1 + 1e-4), (ours, best)
    assert model.weight["ai_chat"] > 0

"""Quality tests: the headline path against the full evaluation, the blocked bootstrap against
one block and against scikit-learn, and the cached held-out rows against ranking.heldout_data.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from sklearn.metrics import roc_auc_score

from adlens import engine, quality, ranking, signals
from adlens.scenario import Scenario
from adlens.simulate import generate_frames

KEY = ["region", "metric", "variant"]


@pytest.fixture(scope="module")
def population() -> engine.Prepared:
    return engine.prepare(engine.dataset_from_frames(generate_frames(400, seed=3)))


SCENARIOS = [Scenario(), Scenario(link_rule=False, excluded_regions=()),
             Scenario(sensitive_list="none")]


def _rows(summary: pd.DataFrame, metric: str, region: str) -> pd.DataFrame:
    part = summary[(summary["metric"] == metric) & (summary["region"] == region)]
    return part.sort_values(KEY).reset_index(drop=True)


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_headline_is_the_full_evaluation_rows(population, scenario):
    full = quality.evaluate(population, scenario, n_boot=60, seed=4).summary
    head = quality.headline(population, scenario, n_boot=60, seed=4).summary
    assert set(head["metric"]) == {"precision@k"} and set(head["region"]) == {"All"}
    assert set(head["variant"]) == set(quality.VARIANTS)
    pd.testing.assert_frame_equal(_rows(head, "precision@k", "All"),
                                  _rows(full, "precision@k", "All"))
    assert head["value"].notna().all() and head["ci_low"].notna().all()
    # The engine facade gives the same rows, limited the same way.
    facade = engine.quality(population, scenario, n_boot=60, seed=4,
                            metrics=("precision@k",), regions=("All",)).summary
    pd.testing.assert_frame_equal(facade, head)


def test_any_subset_of_regions_and_metrics_matches_the_full_report(population):
    full = quality.evaluate(population, Scenario(), n_boot=40, seed=1).summary
    regions = sorted(set(full["region"]) - {"All"})[:2]
    part = quality.evaluate(population, Scenario(), n_boot=40, seed=1,
                            metrics=("auc", "ndcg@k"), regions=tuple(regions)).summary
    assert set(part["metric"]) == {"auc", "ndcg@k"} and set(part["region"]) == set(regions)
    for region in regions:
        for metric in ("auc", "ndcg@k"):
            pd.testing.assert_frame_equal(_rows(part, metric, region), _rows(full, metric, region))


def test_evaluate_is_repeatable_and_leaves_caches_untouched(population):
    first = quality.evaluate(population, Scenario(), n_boot=30).summary
    held = quality._heldout_rows(population, Scenario().sensitive_topics)
    assert not held.user.flags.writeable and not held.y.flags.writeable
    assert not quality._keys(population).flags.writeable
    quality.evaluate(population, Scenario(link_rule=False), n_boot=30)
    pd.testing.assert_frame_equal(quality.evaluate(population, Scenario(), n_boot=30).summary,
                                  first)


def _auc_data(seed: int, n: int = 600, people: int = 60):
    rng = np.random.default_rng(seed)
    score = np.round(rng.normal(size=n), 1)  # rounded: many ties, also across labels
    label = rng.random(n) < 0.25
    person = rng.integers(0, people, n)
    weight = rng.integers(1, 4, n).astype(float)
    return score, label, person, weight


def _weights(people: int, n_boot: int, seed: int) -> np.ndarray:
    return quality.poisson_weights(quality.person_keys(np.arange(people).astype(str)), 0,
                                   n_boot, seed)


def test_blocked_auc_bootstrap_equals_one_block():
    score, label, person, weight = _auc_data(5)
    m = _weights(60, 37, 9)
    whole = quality.weighted_auc_boot(score, label, person, weight, m, max_cells=10**9)
    for cells in (1, 61, 500):  # one resample per block, a few, uneven blocks
        blocked = quality.weighted_auc_boot(score, label, person, weight, m, max_cells=cells)
        np.testing.assert_allclose(blocked, whole, rtol=0, atol=1e-13)
    assert np.unique(whole).size > 10  # resamples really differ


def test_auc_bootstrap_matches_scikit_learn_per_resample():
    score, label, person, weight = _auc_data(8)
    m = _weights(60, 6, 2)
    boot = quality.weighted_auc_boot(score, label, person, weight, m, max_cells=70)
    for b in range(len(m)):
        w = weight * m[b, person]
        assert boot[b] == pytest.approx(roc_auc_score(label, score, sample_weight=w),
                                        abs=1e-12)


@pytest.mark.parametrize("max_rows", [quality.HELDOUT_MAX_ROWS, 5_000])
def test_cached_heldout_rows_and_scores_match_ranking(population, max_rows):
    scenario = Scenario(sensitive_list="none")
    rows = quality._heldout_rows(population, scenario.sensitive_topics, max_rows=max_rows)
    with_ai, without_ai = quality._heldout_scores(population, scenario, rows)
    for s, scores in ((scenario.with_(ai_chat=True), with_ai),
                      (scenario.with_(ai_chat=False), without_ai)):
        ref = ranking.heldout_data(population.codes, population.impressions, s,
                                   max_rows=max_rows)
        assert np.array_equal(rows.user, ref.user) and np.array_equal(rows.y, ref.y)
        assert np.array_equal(rows.weight, ref.weight)
        np.testing.assert_allclose(scores, ranking.score_rows(population.click_model, ref.x),
                                   rtol=0, atol=1e-12)
    assert rows.y.any() and (with_ai != without_ai).any()


def test_switching_ai_chat_off_only_zeroes_the_chat_feature(population):
    codes = population.codes
    on = signals.features(codes, Scenario(ai_chat=True))
    off = signals.features(codes, Scenario(ai_chat=False))
    short = quality._without_ai_chat(on)
    assert on.ai_chat.any()
    assert np.array_equal(np.asarray(short.ai_chat), off.ai_chat)
    for name, value in off.by_signal.items():
        assert np.array_equal(short.by_signal[name], value)

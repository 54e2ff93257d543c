"""The audit's Poisson bootstrap (adlens.quality): weights fixed by person, the same intervals
whatever the blocks of people, coverage near 95% on null worlds, the null excluded on a shifted
world, and intervals close to the multinomial bootstrap's on the same data.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from adlens import quality, schema

METRICS = ["precision@k", "ndcg@k"]


def _keys(n: int, world: int = 0) -> np.ndarray:
    return quality.person_keys(np.array([f"w{world}-u{i:06d}" for i in range(n)], dtype=object))


def _values(rng: np.random.Generator, n: int, shift: float = 0.0) -> tuple[np.ndarray, ...]:
    """precision@k-like values (hits among 20 picks per person: 5 per app, 4 apps) with and
    without the signal; each person's hit chance is their own (beta(2, 3): mean 0.4), lowered
    by `shift` without the signal (0: the same chance, a true difference of 0)."""
    p = rng.beta(2, 3, n)
    return (rng.binomial(20, p) / 20, rng.binomial(20, np.clip(p - shift, 0, 1)) / 20)


def _rows(sums: quality.TopkSums, regions: list[str] | None = None) -> dict:
    rows = quality.summary_rows(sums, regions or ["All"], list(sums.metrics), {})
    return {(r[0], r[1], r[2]): r[3:] for r in rows}


def test_weights_are_poisson_one_and_fixed_by_person_resample_and_seed():
    keys = _keys(20_000)
    w = quality.poisson_weights(keys, 0, 50, seed=0)  # a million weights
    assert w.shape == (50, 20_000) and w.dtype == np.uint8
    pmf = [math.exp(-1) / math.factorial(k) for k in range(6)]
    freq = np.bincount(w.ravel(), minlength=6)[:6] / w.size
    np.testing.assert_allclose(freq, pmf, atol=0.002)  # about 4 standard errors
    x = w.astype(float)
    assert x.mean() == pytest.approx(1, abs=0.004) and x.var() == pytest.approx(1, abs=0.01)
    # Neither neighbouring people nor neighbouring resamples move together.
    assert abs(np.corrcoef(x[:, :-1].ravel(), x[:, 1:].ravel())[0, 1]) < 0.005
    assert abs(np.corrcoef(x[:-1].ravel(), x[1:].ravel())[0, 1]) < 0.005
    # A person's weight is theirs: not set by who else is drawn, where, or with which resamples.
    some = np.random.default_rng(0).permutation(20_000)[:777]
    assert np.array_equal(quality.poisson_weights(keys[some], 10, 5, seed=0), w[10:15, some])
    assert (quality.poisson_weights(keys, 0, 50, seed=1) != w).mean() > 0.5  # another seed


def _regions(rng: np.random.Generator, n: int) -> np.ndarray:
    return rng.choice(len(schema.REGIONS), n, p=[0.4, 0.3, 0.1, 0.1, 0.1])


def test_blocks_of_any_size_and_order_add_up_to_the_whole_populations_intervals(monkeypatch):
    rng = np.random.default_rng(7)
    n = 240
    keys, region = _keys(n), _regions(rng, n)
    per_person = {m: _values(rng, n, shift=0.02) for m in METRICS}
    per_person["ndcg@k"][0][rng.random(n) < 0.1] = np.nan  # unknown for some people
    whole = quality.topk_sums(keys, region, per_person, 200, 0)
    regions = ["All", *schema.REGIONS]
    want = _rows(whole, regions)
    for size in (240, 97, 40):
        order = rng.permutation(n)  # blocks of people in any order
        parts = [quality.topk_sums(keys[i], region[i], {m: (a[i], b[i]) for m, (a, b)
                                                        in per_person.items()}, 200, 0)
                 for i in np.split(order, range(size, n, size))]
        total = sum(parts[1:], parts[0])
        np.testing.assert_allclose(total.boot, whole.boot, rtol=1e-12, atol=0)
        got = _rows(total, regions)
        assert got.keys() == want.keys()
        for key, row in got.items():
            np.testing.assert_allclose(row, want[key], rtol=1e-9, atol=1e-12, err_msg=str(key))
    # Weights drawn for a few people at a time: the same sums again.
    monkeypatch.setattr(quality, "PERSON_CHUNK", 7)
    np.testing.assert_allclose(quality.topk_sums(keys, region, per_person, 200, 0).boot,
                               whole.boot, rtol=1e-12, atol=0)
    # The counts are people, and the intervals can move: another seed, other intervals.
    assert want[("All", "ndcg@k", "with AI chat")][-1] == np.sum(~np.isnan(per_person[
        "ndcg@k"][0]))
    other = _rows(quality.topk_sums(keys, region, per_person, 200, 1), regions)
    assert other[("All", "precision@k", "difference")] != want[("All", "precision@k",
                                                                 "difference")]


def _coverage(worlds: int, n: int, shift: float, truth_with: float) -> tuple[float, float]:
    """Share of worlds whose 95% interval covers `truth_with` (the mean with the signal) and
    share whose difference interval covers 0."""
    covered_with = covered_zero = 0
    for world in range(worlds):
        rng = np.random.default_rng(1000 + world)
        a, b = _values(rng, n, shift)
        sums = quality.topk_sums(_keys(n, world), np.zeros(n, dtype=int),
                                 {"precision@k": (a, b)}, 200, world)
        rows = _rows(sums)
        _, lo, hi, _ = rows[("All", "precision@k", "with AI chat")]
        covered_with += lo <= truth_with <= hi
        _, lo, hi, _ = rows[("All", "precision@k", "difference")]
        covered_zero += lo <= 0 <= hi
    return covered_with / worlds, covered_zero / worlds


def test_intervals_cover_the_truth_about_95_percent_of_the_time_on_null_worlds():
    # 400 seeded worlds of 300 people; the true mean is E[beta(2, 3)] = 0.4 and the true
    # difference 0. Percentile intervals at n = 300 run a little narrow; 400 worlds give a
    # standard error of about 1.1 points, so the band is [90%, 98%].
    covered_with, covered_zero = _coverage(400, 300, 0.0, 0.4)
    assert 0.90 <= covered_with <= 0.98, f"measured coverage of the mean {covered_with:.3f}"
    assert 0.90 <= covered_zero <= 0.98, f"measured coverage of the difference {covered_zero:.3f}"


def test_a_shifted_world_excludes_the_null_value():
    # Built to fail: without the signal each person's hit chance is 0.05 lower (about 5.5
    # standard errors at 300 people), and 0.46 is not the mean with the signal (0.4: 4.6
    # standard errors away).
    covered_wrong_mean, covered_zero = _coverage(100, 300, 0.05, 0.46)
    assert covered_zero <= 0.03, f"difference interval covered 0 in {covered_zero:.2f}"
    assert covered_wrong_mean <= 0.05, f"interval covered 0.46 in {covered_wrong_mean:.2f}"


def test_intervals_are_close_to_the_multinomial_bootstraps():
    """On the same 2,000 people, 4,000 resamples each: every interval end within 8% of the
    interval's width of the multinomial bootstrap's (Monte Carlo error alone is about 1.5%;
    the two bootstraps differ by O(1/n))."""
    rng = np.random.default_rng(11)
    n, n_boot = 2_000, 4_000
    a, b = _values(rng, n, shift=0.01)
    poisson = _rows(quality.topk_sums(_keys(n), np.zeros(n, dtype=int),
                                      {"precision@k": (a, b)}, n_boot, 0))
    draws = np.empty((n_boot, 2))
    for s in range(0, n_boot, 500):  # multinomial counts, 500 resamples at a time
        counts = rng.multinomial(n, np.full(n, 1 / n), size=500).astype(float)
        draws[s:s + 500] = counts @ np.column_stack([a, b]) / n
    multinomial = {"with AI chat": draws[:, 0], "without AI chat": draws[:, 1],
                   "difference": draws[:, 0] - draws[:, 1]}
    for variant, boot in multinomial.items():
        value, lo, hi, kept = poisson[("All", "precision@k", variant)]
        m_lo, m_hi = np.percentile(boot, [2.5, 97.5])
        width = m_hi - m_lo
        assert kept == n and m_lo < value < m_hi
        assert abs(lo - m_lo) <= 0.08 * width and abs(hi - m_hi) <= 0.08 * width, (
            variant, (lo, hi), (m_lo, m_hi))


def test_no_people_and_no_resamples():
    empty = quality.topk_sums(_keys(0), np.zeros(0, dtype=int),
                              {"precision@k": (np.zeros(0), np.zeros(0))}, 20, 0)
    assert all(np.isnan(v) for row in _rows(empty).values() for v in row[:3])
    rng = np.random.default_rng(3)
    a, b = _values(rng, 50)
    none = _rows(quality.topk_sums(_keys(50), np.zeros(50, dtype=int),
                                   {"precision@k": (a, b)}, 0, 0))
    value, lo, hi, kept = none[("All", "precision@k", "with AI chat")]
    assert value == pytest.approx(a.mean(), abs=1e-12) and np.isnan(lo) and np.isnan(hi)
    assert kept == 50

"""The headlines' sensitivity to the impression thinning: one row per factor and headline on a
small seeded world, stored with the dataset it was measured for, and never stale."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from adlens import ranking, thinning
from adlens.contract import load_dataset
from adlens.simulate import SimParams, generate_to_dir

N_USERS, SEED = 1500, 7


@pytest.fixture(scope="module")
def stored(tmp_path_factory):
    folder = tmp_path_factory.mktemp("thin") / "data"
    params = SimParams(impression_thinning=20)
    generate_to_dir(N_USERS, SEED, folder, params=params)
    out = folder.parent / "thinning.json"
    data = thinning.store_sensitivity(folder, factors=(5,), out=out, n_boot=30)
    return folder, out, data


def test_one_row_per_factor_and_headline_with_finite_values(stored):
    _, _, data = stored
    rows = pd.DataFrame(data["rows"])
    # The dataset's own factor (from its description) comes first, then the others asked.
    assert data["factors"] == [20, 5] and data["sample_factor"] == 20
    assert len(rows) == 2 * len(thinning.HEADLINES)
    assert set(map(tuple, rows[["factor", "headline"]].to_numpy())) == {
        (f, h) for f in (20, 5) for h in thinning.HEADLINES}
    assert rows["value"].map(lambda v: v is not None and np.isfinite(v)).all()
    share = rows[rows["headline"] == "ai_chat_share"]["value"]
    assert share.between(0, 1).all()
    with_ci = rows[rows["headline"] != "ai_chat_share"]
    assert (with_ci["ci_low"] <= with_ci["value"]).all()
    assert (with_ci["value"] <= with_ci["ci_high"]).all()
    mic = rows[rows["headline"] == "mic_statistic"]
    assert mic["verdict"].isin(["no sign of listening", "looks like listening"]).all()


def test_more_impressions_recorded_give_more_moments_to_measure(stored):
    # The same world: a finer thinning records more exposures, so more coincidences (a
    # conversation then a noticed ad) are found, while the conversations stay the same.
    rows = pd.DataFrame(stored[2]["rows"]).set_index(["headline", "factor"])
    moments = rows["denominator"].str.replace(",", "").str.extract(r"(\d+)")[0].astype(int)
    assert moments[("recall_excess", 5)] > moments[("recall_excess", 20)]
    assert rows.loc[("mic_statistic", 5), "denominator"] == \
        rows.loc[("mic_statistic", 20), "denominator"]


def test_stored_result_is_read_back_only_for_its_dataset(stored):
    folder, out, data = stored
    dataset_id = load_dataset(folder).dataset_id
    back = thinning.stored_sensitivity(dataset_id, out)
    assert back is not None and back.sample_factor == 20 and back.n_users == N_USERS
    pd.testing.assert_frame_equal(
        back.rows, pd.DataFrame(data["rows"], columns=list(thinning.COLUMNS)).astype(
            {c: float for c in ("value", "ci_low", "ci_high")}))
    assert thinning.stored_sensitivity("another dataset", out) is None


def test_a_folder_without_its_description_needs_its_size(stored, tmp_path):
    folder, _, _ = stored
    bare = tmp_path / "bare"
    bare.mkdir()
    for f in folder.iterdir():
        if f.is_file() and f.name != "dataset.json":
            (bare / f.name).write_bytes(f.read_bytes())
    with pytest.raises(ValueError, match="1,500 people"):
        thinning.store_sensitivity(bare, n_users=1501, seed=SEED, out=None)


def test_stored_sensitivity_is_for_the_bundled_sample():
    # `make sample` rebuilds it (python -m adlens.thinning); a stale file fails here.
    stored = json.loads(thinning.SENSITIVITY_PATH.read_text())
    sample = load_dataset(ranking.SAMPLE_DIR)
    assert stored["dataset_id"] == sample.dataset_id
    assert stored["n_users"] == sample.n_users
    own = (sample.meta or {}).get("impression_thinning")
    if own is not None:
        assert stored["sample_factor"] == own
    assert {r["factor"] for r in stored["rows"]} == set(stored["factors"])

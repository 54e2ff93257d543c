"""Tests that generated populations match the published figures they are calibrated to."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from adlens import calibration, schema
from adlens.simulate import SimParams, generate_frames

ROOT = Path(__file__).resolve().parent.parent
N_PEOPLE = 10_000


@pytest.fixture(scope="module")
def world() -> dict[str, pd.DataFrame]:
    return generate_frames(N_PEOPLE, 31)


def _days(frames: dict[str, pd.DataFrame]) -> int:
    ts = frames["events"]["ts"]
    return (ts.max().normalize() - ts.min().normalize()).days + 1


def _within_sd(observed: float, expected: float, n: int, k: float = 4.0) -> bool:
    """A share from n people within k binomial standard deviations of what is expected."""
    return abs(observed - expected) <= k * np.sqrt(expected * (1 - expected) / n)


# --- the figures ----------------------------------------------------------------------------------
def test_every_figure_says_where_it_comes_from() -> None:
    names = [f.name for f in calibration.FIGURES]
    assert len(names) == len(set(names))
    for figure in calibration.FIGURES:
        assert figure.source and figure.unit and figure.as_of[:2] in ("20", "19"), figure
        if figure.assumption:
            # An assumption says so, and says why.
            assert any(word in figure.source for word in ("Assumption", "Stated", "assumed"))
            assert figure.note, figure
        else:
            assert "Assumption" not in figure.source, figure


def test_the_calibration_document_lists_every_figure() -> None:
    text = (ROOT / "docs" / "CALIBRATION.md").read_text()
    table = calibration.figures_frame()
    assert list(table.columns) == ["name", "value", "unit", "source", "as_of", "assumption",
                                   "note"]
    for name in table["name"]:
        # Figures per region share one row: "<figure>: <region> / <region> / ...".
        assert all(part.strip() in text for part in name.split(":")), name


def test_country_shares_follow_meta_regions() -> None:
    shares = dict(calibration.COUNTRY_SHARES)
    assert abs(sum(shares.values()) - 1) < 1e-9
    assert set(shares) <= schema.ISO_COUNTRIES
    for region, share in calibration.REGION_SHARES.items():
        total = sum(s for c, s in shares.items() if calibration.region_of_meta(c) == region)
        assert abs(total - share) < 1e-9, region
    assert shares["KR"] < 0.01
    europe = sum(s for c, s in shares.items() if calibration.region_of_meta(c) == "Europe")
    assert 0.15 < europe < 0.25  # "about a fifth"


def test_shares_are_summed_in_order_on_every_python() -> None:
    # Python 3.12's sum() compensates float rounding (0.1 ten times gives 1.0 there, not
    # 0.9999999999999999): the calibration must not depend on which Python runs it.
    assert calibration.ordered_sum([0.1] * 10) == 0.9999999999999999
    assert calibration.ordered_sum([]) == 0.0
    # So the country shares are the very ones the bundled sample records, to the last digit,
    # and the documented command reproduces its dataset.json on 3.11 and 3.12 alike.
    recorded = json.loads((ROOT / "sample_data" / "dataset.json").read_text())
    assert [tuple(pair) for pair in recorded["params"]["country_shares"]] == list(
        calibration.COUNTRY_SHARES)


def test_impressions_per_day_is_the_stated_arithmetic() -> None:
    per_day = (calibration.AD_REVENUE_2024.value
               / (calibration.FAMILY_DAILY_PEOPLE_2024.value * 366)
               / calibration.AVERAGE_CPM.value * 1000)
    assert abs(per_day - calibration.IMPRESSIONS_PER_DAY.value) / per_day < 0.1
    assert 10 <= calibration.IMPRESSIONS_PER_DAY.value < 100  # "tens"


def test_the_default_preset_is_the_default_params() -> None:
    assert calibration.preset_params() == SimParams()
    assert calibration.preset_params("published-2025", listening_rate=0.5).listening_rate == 0.5
    high = calibration.preset_params("high-ai-use")
    assert high.preset == "high-ai-use" and high.ai_chats == 2.5 * SimParams().ai_chats
    assert all(h > p for (_, h), (_, p) in zip(high.meta_ai_by_region,
                                               SimParams().meta_ai_by_region, strict=True))
    with pytest.raises(ValueError, match="unknown preset"):
        calibration.preset_params("made-up")


# --- a generated population matches them ----------------------------------------------------------
def test_impressions_per_day_after_unthinning(world: dict[str, pd.DataFrame]) -> None:
    ev = world["events"]
    shown = (ev["event_type"] == "ad_impression").sum()
    per_day = shown * SimParams().impression_thinning / N_PEOPLE / _days(world)
    assert abs(per_day / calibration.IMPRESSIONS_PER_DAY.value - 1) < 0.05


def test_mean_dwell_and_click_through_rate(world: dict[str, pd.DataFrame]) -> None:
    ev = world["events"]
    dwell = ev.loc[ev["event_type"] == "ad_impression", "dwell_ms"]
    assert abs(dwell.mean() / 1000 / calibration.DWELL_MEAN.value - 1) < 0.08
    ctr = (ev["event_type"] == "ad_click").sum() / len(dwell)
    assert abs(ctr - calibration.CTR.value) < 0.2 * calibration.CTR.value


def test_meta_ai_adoption_by_region(world: dict[str, pd.DataFrame]) -> None:
    users = world["users"]
    region = users["country"].map(schema.region_of)
    # Younger people use it more; the age mix's mean tilt is close to 1.
    ages = np.array(SimParams().age_shares) / sum(SimParams().age_shares)
    tilt = float(ages @ np.array(calibration.META_AI_AGE_RATIO))
    for name, share in calibration.META_AI_BY_REGION.items():
        in_region = users.loc[region == name, "uses_meta_ai"]
        if len(in_region) >= 200:
            assert _within_sd(in_region.mean(), share * tilt, len(in_region)), name
    overall = users["uses_meta_ai"].mean()
    assert abs(overall - calibration.META_AI_SHARE.value) < 0.03


def test_regional_shares_of_people(world: dict[str, pd.DataFrame]) -> None:
    countries = world["users"]["country"]
    meta_region = countries.map(calibration.region_of_meta).value_counts(normalize=True)
    for name, share in calibration.REGION_SHARES.items():
        assert _within_sd(meta_region[name], share, N_PEOPLE), name
    assert (countries == "KR").mean() < 0.01
    excluded = countries.map(schema.region_of).isin(list(schema.EXCLUDABLE_REGIONS)).mean()
    assert 0.1 < excluded < 0.25  # EU + UK + KR: well under the 36 % before calibration


def test_on_platform_activity_per_day(world: dict[str, pd.DataFrame]) -> None:
    ev, p = world["events"], SimParams()
    days = _days(world)
    counts = ev["event_type"].value_counts()
    # Intent episodes add a few likes (p.episode_likes per episode; some fall outside the
    # window); the spread of engagement adds about 5 %.
    for kind, figure, extra in (("like", calibration.LIKES_PER_DAY,
                                 p.episodes * p.episode_likes / 92),
                                ("follow", calibration.FOLLOWS_PER_DAY, 0.0),
                                ("watch", calibration.WATCHES_PER_DAY, 0.0)):
        per_day = counts[kind] / N_PEOPLE / days
        assert abs(per_day / (figure.value + extra) - 1) < 0.15, kind


def test_chats_with_no_ad_topic_and_their_languages(world: dict[str, pd.DataFrame]) -> None:
    truth = world["truth"]
    chats = truth[truth["event_type"] == "ai_chat"]
    own = chats[chats["cause"] != "after_conversation"]  # follow-ups are about the talk
    share = (own["true_topic"] == schema.NO_AD_TOPIC).mean()
    assert _within_sd(share, calibration.NO_AD_TOPIC_SHARE.value, len(own), k=5)
    # In the events, such a chat's topic is left to the text model.
    ev = world["events"].set_index("event_id").loc[
        chats.loc[chats["true_topic"] == schema.NO_AD_TOPIC, "event_id"]]
    assert (ev["topic"] == "").all() and (ev["true_topic"] == "").all()
    # Languages follow who uses Meta AI where (people, not chats, are drawn: wider bounds).
    expected = calibration.expected_language_shares()
    observed = chats["language"].value_counts(normalize=True)
    for lang, share in expected.items():
        assert abs(observed.get(lang, 0.0) - share) < 0.04, lang
    assert abs((1 - observed["en"]) - calibration.LANGUAGES_FIGURE.value) < 0.04
    conversations = truth[truth["event_type"] == "conversation"]
    assert conversations["language"].isin(schema.CHAT_LANGUAGES).all()
    assert (conversations["language"] != "en").mean() > 0.1


def test_primed_share_of_conversations(world: dict[str, pd.DataFrame]) -> None:
    truth = world["truth"]
    conversations = truth[truth["event_type"] == "conversation"]
    primed = (conversations["cause"] == "primed_by_ad").mean()
    assert abs(primed - calibration.PRIMED_SHARE.value) < 0.04


def test_high_ai_use_preset_has_more_chatters_and_chats(world: dict[str, pd.DataFrame]) -> None:
    high = generate_frames(N_PEOPLE // 2, 31, params=calibration.preset_params("high-ai-use"))
    share = [w["users"]["uses_meta_ai"].mean() for w in (world, high)]
    assert share[1] > 1.7 * share[0]
    per_user = [(w["events"]["event_type"] == "ai_chat").sum() / w["users"]["uses_meta_ai"].sum()
                for w in (world, high)]
    assert per_user[1] > 2 * per_user[0]


def test_cli_preset_and_thinning_are_recorded(tmp_path: Path) -> None:
    cmd = [sys.executable, "-m", "adlens", "generate", "--users", "300", "--seed", "3",
           "--out", str(tmp_path), "--preset", "high-ai-use", "--impression-thinning", "50"]
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    meta = json.loads((tmp_path / "dataset.json").read_text())
    assert meta["preset"] == "high-ai-use" and meta["impression_thinning"] == 50
    assert meta["counterfactual"] == []  # another calibration, not a counterfactual
    bad = subprocess.run([*cmd[:-1], "0"], cwd=ROOT, capture_output=True, text=True,
                         timeout=120)
    assert bad.returncode != 0 and "impression_thinning" in bad.stderr

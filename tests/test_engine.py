"""Engine tests: the Alps hiking example, exact attribution, rule exclusions, tiny datasets."""

from __future__ import annotations

import datetime as dt
import json

import numpy as np
import pandas as pd
import pytest

from adlens import engine, ranking, schema, signals
from adlens.contract import load_dataset
from adlens.scenario import Scenario
from adlens.simulate import generate_frames

HIKER = "u_hiker"
ALPS = "planning a hiking trip in the Alps, which boots should I get?"


@pytest.fixture(scope="module")
def small_frames() -> dict[str, pd.DataFrame]:
    return generate_frames(40, seed=11)


def with_hiker(frames: dict[str, pd.DataFrame], country: str = "US",
               when: str = "2026-01-05T18:30:00Z", linked: str = "facebook|instagram",
               chat_app: str = "instagram") -> dict[str, pd.DataFrame]:
    users = pd.concat([frames["users"], pd.DataFrame([{
        "user_id": HIKER, "country": country, "age_band": "25-34", "uses_meta_ai": True,
        "linked_apps": linked}])], ignore_index=True)
    chat = {c: "" for c in frames["events"].columns}
    chat.update(event_id="e_hiker_1", user_id=HIKER, ts=pd.Timestamp(when), app=chat_app,
                event_type="ai_chat", topic="", text=ALPS, modality="text", ad_id="",
                dwell_ms=np.nan)
    events = pd.concat([frames["events"], pd.DataFrame([chat]).astype(
        frames["events"].dtypes.to_dict())], ignore_index=True)
    out = dict(frames, users=users, events=events)
    out.pop("interests", None)
    return out


def prepared_with_hiker(frames, **kwargs) -> engine.Prepared:
    return engine.prepare(engine.dataset_from_frames(with_hiker(frames, **kwargs)))


def hiker_rows(result: engine.ScenarioResult, app: str = "facebook") -> pd.DataFrame:
    rec = result.recommendations
    return rec[(rec["user_id"] == HIKER) & (rec["app"] == app)].sort_values("rank")


def test_alps_chat_leads_to_a_hiking_boots_ad_on_facebook(small_frames):
    prepared = prepared_with_hiker(small_frames)
    result = engine.run_scenario(prepared, Scenario.announced())
    top = hiker_rows(result).iloc[0]
    assert top["topic"] == "hiking"
    assert "boots" in str(top["title"]).lower()
    contrib = top[list(engine.CONTRIB_COLUMNS)].astype(float)
    assert contrib.idxmax() == "contrib_ai_chat" and contrib["contrib_ai_chat"] > 0
    # The same chat counts on Instagram itself, but not on WhatsApp (not linked).
    assert hiker_rows(result, "instagram").iloc[0]["contrib_ai_chat"] > 0
    assert (hiker_rows(result, "whatsapp")["contrib_ai_chat"] == 0).all()


@pytest.mark.parametrize("variant", ["germany", "before_policy", "signal_off"])
def test_alps_chat_does_not_count_when_a_rule_blocks_it(small_frames, variant):
    scenario = Scenario.announced()
    if variant == "germany":
        prepared = prepared_with_hiker(small_frames, country="DE")
        reason = "region"
    elif variant == "before_policy":
        prepared = prepared_with_hiker(small_frames, when="2025-12-10T09:00:00Z")
        reason = "before_policy"
    else:
        prepared = prepared_with_hiker(small_frames)
        scenario = scenario.with_(ai_chat=False)
        reason = "ai_chat_off"
    result = engine.run_scenario(prepared, scenario)
    rows = result.recommendations[result.recommendations["user_id"] == HIKER]
    assert len(rows) and (rows["contrib_ai_chat"] == 0).all()
    excluded = result.exclusions.set_index("event_id")
    assert excluded.loc["e_hiker_1", "reason"] == reason


def test_small_dataset_uses_the_bundled_weights(small_frames):
    prepared = prepared_with_hiker(small_frames)
    assert prepared.weights_source == ranking.WEIGHTS_FROM_SAMPLE
    result = engine.run_scenario(prepared, Scenario())
    assert result.weights_source == ranking.WEIGHTS_FROM_SAMPLE
    assert "bundled sample" in result.weights_source_label


def test_link_rule_and_meta_ai_app(small_frames):
    # A chat in the Meta AI app with only Facebook linked: it cannot reach any ad app.
    prepared = prepared_with_hiker(small_frames, chat_app="meta_ai", linked="facebook")
    result = engine.run_scenario(prepared, Scenario())
    rows = result.recommendations[result.recommendations["user_id"] == HIKER]
    assert (rows["contrib_ai_chat"] == 0).all()
    ex = result.exclusions.set_index("event_id").loc["e_hiker_1"]
    assert ex["reason"] == "app_not_linked"
    assert ex["blocked_apps"] == "facebook|instagram|messenger|whatsapp"
    # Linking the Meta AI app makes it count in Facebook, and the link rule off everywhere.
    linked = prepared_with_hiker(small_frames, chat_app="meta_ai", linked="facebook|meta_ai")
    res = engine.run_scenario(linked, Scenario())
    assert hiker_rows(res, "facebook").iloc[0]["contrib_ai_chat"] > 0
    assert (hiker_rows(res, "instagram")["contrib_ai_chat"] == 0).all()
    off = engine.run_scenario(prepared, Scenario(link_rule=False))
    assert hiker_rows(off, "whatsapp").iloc[0]["contrib_ai_chat"] > 0


def test_attribution_is_exact_and_columns_are_documented(small_frames):
    prepared = prepared_with_hiker(small_frames)
    result = engine.run_scenario(prepared, Scenario(), top_k=3)
    rec = result.recommendations
    assert list(rec.columns) == list(engine.RECOMMENDATION_COLUMNS)
    total = rec["baseline"] + rec[list(engine.CONTRIB_COLUMNS)].sum(axis=1)
    assert np.abs(total - rec["score"]).max() <= 1e-9
    assert rec.groupby(["user_id", "app"], observed=True).size().max() == 3
    assert not rec["topic"].isin(schema.SENSITIVE_META7).any()
    # Ranked by score within each person and app.
    diffs = rec.groupby(["user_id", "app"], observed=True)["score"].diff().dropna()
    assert (diffs <= 1e-12).all()


def test_attribute_at_uses_only_events_before_each_pair(small_frames):
    prepared = prepared_with_hiker(small_frames)
    boots = prepared.ad_ids[prepared.ad_topic == schema.ALL_TOPICS.index("hiking")][0]
    pairs = pd.DataFrame({
        "user_id": [HIKER, HIKER, HIKER, "nobody"],
        "ad_id": [boots, boots, boots, boots],
        "app": ["facebook", "facebook", "whatsapp", "facebook"],
        "ts": pd.to_datetime(["2026-01-04T10:00Z", "2026-01-06T10:00Z", "2026-01-06T10:00Z",
                              "2026-01-06T10:00Z"]),
    })
    out = engine.attribute_at(prepared, Scenario(), pairs)
    assert out.loc[0, "contrib_ai_chat"] == 0  # before the chat
    assert out.loc[1, "contrib_ai_chat"] > 0
    assert out.loc[2, "contrib_ai_chat"] == 0  # WhatsApp is not linked
    assert np.isnan(out.loc[3, "score"])
    total = out["baseline"] + out[list(engine.CONTRIB_COLUMNS)].sum(axis=1)
    assert np.abs(total - out["score"])[:3].max() <= 1e-9
    # One day after the chat its weight is 2 ** (-1 / 14) of the chat's; check the decay.
    w = prepared.click_model.weight["ai_chat"]
    expected = w * np.log1p(2 ** (-(pd.Timestamp("2026-01-06T10:00Z") - pd.Timestamp(
        "2026-01-05T18:30Z")) / pd.Timedelta(days=14)))
    assert out.loc[1, "contrib_ai_chat"] == pytest.approx(expected, rel=1e-9)


def test_attribute_at_matches_run_scenario_at_the_as_of_cut(small_frames):
    prepared = prepared_with_hiker(small_frames)
    scenario = Scenario(as_of=dt.date(2026, 1, 20))
    rec = engine.run_scenario(prepared, scenario).recommendations.head(60)
    pairs = rec[["user_id", "ad_id", "app"]].astype(str).assign(
        ts=pd.Timestamp("2026-01-21T00:00Z"))
    out = engine.attribute_at(prepared, scenario, pairs)
    for column in ("score", *engine.CONTRIB_COLUMNS):
        np.testing.assert_allclose(out[column].to_numpy(), rec[column].to_numpy(),
                                   rtol=1e-9, atol=1e-12)


def test_signal_shares(small_frames):
    prepared = prepared_with_hiker(small_frames)
    result = engine.run_scenario(prepared, Scenario())
    overall = result.signal_shares()
    assert len(overall) == 1
    assert overall[list(schema.SIGNALS)].sum(axis=1).iloc[0] == pytest.approx(1.0)
    for by in engine.SHARE_GROUPS:
        shares = result.signal_shares(by)
        assert by in shares.columns and shares["n_ads"].sum() == len(result.recommendations)
        assert (shares["ads_with_ai_chat"] >= shares["ai_chat_largest"]).all()
    with pytest.raises(ValueError, match="Cannot group"):
        result.signal_shares("colour")


def test_sensitive_events_are_excluded_for_every_signal(small_frames):
    prepared = prepared_with_hiker(small_frames)
    result = engine.run_scenario(prepared, Scenario(sensitive_list="gdpr9"))
    ex = result.exclusions
    sensitive = ex[ex["reason"] == "sensitive"]
    assert set(sensitive["event_type"]) - {"ai_chat"}, "non-chat signals are excluded too"
    non_chat = sensitive[sensitive["event_type"] != "ai_chat"]
    assert non_chat["topic"].isin(schema.SENSITIVE_GDPR9).all()
    none = engine.run_scenario(prepared, Scenario(sensitive_list="none"))
    assert (none.exclusions["reason"] != "sensitive").all()


def one_person_frames() -> dict[str, pd.DataFrame]:
    users = pd.DataFrame([{"user_id": "solo", "country": "US", "age_band": "35-44",
                           "uses_meta_ai": True, "linked_apps": ""}])
    ads = pd.DataFrame([{"ad_id": "a1", "advertiser": "TrailPeak", "topic": "hiking",
                         "title": "Boots"}])
    events = pd.DataFrame([{"event_id": "e1", "user_id": "solo", "ts": "2026-01-05T10:00:00Z",
                            "app": "facebook", "event_type": "like", "topic": "hiking",
                            "text": "", "modality": "", "ad_id": "", "dwell_ms": None}])
    return {"users": users, "ads": ads, "events": events}


def test_one_person_one_event_works_everywhere():
    prepared = engine.prepare(engine.dataset_from_frames(one_person_frames()))
    result = engine.run_scenario(prepared, Scenario())
    assert len(result.recommendations) == len(schema.AD_APPS)  # one ad exists
    assert result.recommendations["contrib_like"].gt(0).all()
    assert result.exclusions.empty and list(result.exclusions.columns) == list(
        signals.EXCLUSION_COLUMNS)
    assert len(result.signal_shares("region")) == 1
    quality = engine.quality(prepared, Scenario(), n_boot=20)
    assert quality.summary["value"].isna().all()  # no true interests, no held-out clicks
    comparison = engine.compare(result, engine.run_scenario(prepared, Scenario(ai_chat=False)))
    assert comparison.people["changed"].sum() == 0
    report = engine.text_report(prepared)
    assert report.per_topic_dataset is None and report.accuracy > 0.8
    pairs = pd.DataFrame({"user_id": ["solo"], "ad_id": ["a1"], "app": ["facebook"],
                          "ts": [pd.Timestamp("2026-01-06", tz="UTC")]})
    assert engine.attribute_at(prepared, Scenario(), pairs)["contrib_like"].iloc[0] > 0
    assert engine.attribute_at(prepared, Scenario(), pairs.iloc[:0]).empty


def test_default_weights_match_the_bundled_sample():
    # prepare() answers the sample with this stored fit instead of refitting, so it must be
    # the fit of today's sample by today's code (`python -m adlens.ranking` regenerates it).
    learned = ranking.learn_default_weights(out=None)
    stored = json.loads(ranking.DEFAULT_WEIGHTS_PATH.read_text())
    assert stored["dataset_id"] == learned["dataset_id"]
    assert stored["intercept"] == pytest.approx(learned["intercept"], rel=1e-5)
    for signal in schema.SIGNALS:
        assert stored["weights"][signal] == pytest.approx(learned["weights"][signal], rel=1e-5,
                                                          abs=1e-7)
    assert (stored["n_impressions"], stored["n_clicks"]) == (learned["n_impressions"],
                                                            learned["n_clicks"])
    assert learned["auc_heldout"] > 0.7


def test_the_sample_reuses_its_stored_fit_and_other_data_is_fitted(monkeypatch):
    sample = load_dataset(ranking.SAMPLE_DIR)
    fits = []
    real_fit = ranking.fit_click_model
    monkeypatch.setattr(ranking, "fit_click_model", lambda *a, **k: fits.append(1) or
                        real_fit(*a, **k))
    codes, impressions = engine.encode_dataset(sample)
    reused = ranking.learn_click_model(codes, impressions, dataset_id=sample.dataset_id)
    assert fits == []
    assert reused.source == ranking.WEIGHTS_FROM_DATASET
    assert reused.weights == ranking.load_default_weights().weights
    # Any other dataset (here the same events under another id) is fitted on its own data.
    fitted = ranking.learn_click_model(codes, impressions, dataset_id="not-the-sample")
    assert fits == [1] and fitted.source == ranking.WEIGHTS_FROM_DATASET
    assert fitted.intercept == pytest.approx(reused.intercept, rel=1e-5)
    # A scenario other than the default is always fitted.
    ranking.learn_click_model(codes, impressions, Scenario(ai_chat=False),
                              dataset_id=sample.dataset_id)
    assert fits == [1, 1]


def test_bootstrap_auc_matches_scikit_learn():
    from sklearn.metrics import roc_auc_score

    from adlens.quality import weighted_auc_boot

    rng = np.random.default_rng(3)
    score = np.round(rng.normal(size=400), 1)  # rounded: many ties
    label = rng.random(400) < 0.2
    person = rng.integers(0, 50, 400)
    weight = rng.integers(1, 4, 400).astype(float)
    ones = np.ones((1, 50))
    assert weighted_auc_boot(score, label, person, weight, ones)[0] == pytest.approx(
        roc_auc_score(label, score, sample_weight=weight), abs=1e-12)
    # A resample drawing person 0 twice is the same as duplicating person 0's rows.
    m = np.ones((1, 50))
    m[0, 0], m[0, 1] = 2.0, 0.0
    dup = np.where(person == 0, 2.0, np.where(person == 1, 0.0, 1.0)) * weight
    assert weighted_auc_boot(score, label, person, weight, m)[0] == pytest.approx(
        roc_auc_score(label, score, sample_weight=dup), abs=1e-12)


@pytest.fixture(scope="module")
def population() -> engine.Prepared:
    return engine.prepare(engine.dataset_from_frames(generate_frames(400, seed=3)))


def test_quality_with_and_without_ai_chat(population):
    report = engine.quality(population, Scenario(), k=5, n_boot=50)
    s = report.summary
    assert set(s["metric"]) == {"precision@k", "ndcg@k", "auc"}
    assert set(s["variant"]) == {"with AI chat", "without AI chat", "difference"}
    for metric in ("precision@k", "ndcg@k"):
        value = report.value(metric)
        assert 0 < value <= 1
        row = s[(s["metric"] == metric) & (s["variant"] == "with AI chat") & (s["region"] == "All")]
        assert row["ci_low"].iloc[0] <= value <= row["ci_high"].iloc[0]
    # Where the AI-chat signal is never used, switching it makes no difference at all.
    for region in ("EU", "UK", "KR"):
        diff = s[(s["region"] == region) & (s["variant"] == "difference")
                 & (s["metric"] != "auc")]
        assert (diff["value"].fillna(0) == 0).all()
    assert report.value("precision@k", "difference", "US") == pytest.approx(
        report.value("precision@k", "with AI chat", "US")
        - report.value("precision@k", "without AI chat", "US"))


def test_compare_ai_chat_on_and_off(population):
    on = engine.run_scenario(population, Scenario())
    off = engine.run_scenario(population, Scenario(ai_chat=False))
    comparison = engine.compare(on, off)
    people = comparison.people
    assert (people.loc[people["region"].isin(["EU", "UK", "KR"]), "changed"] == 0).all()
    assert people["changed"].sum() > 0 and (people["jaccard"].between(0, 1)).all()
    assert comparison.by_region.set_index("region").loc["EU", "share_changed"] == 0
    shares = comparison.signal_shares.set_index("signal")
    assert shares.loc["ai_chat", "after"] == 0 and shares.loc["ai_chat", "before"] > 0
    ex = comparison.exclusions.set_index("reason")
    assert ex.loc["ai_chat_off", "before"] == 0 and ex.loc["ai_chat_off", "after"] > 0
    assert comparison.differences_after == ("AI-chat signal switched off (counterfactual)",)
    assert set(comparison.quality["metric"]) == {"precision@k", "ndcg@k"}
    same = engine.compare(on, on)
    assert same.people["changed"].sum() == 0 and (same.people["jaccard"] == 1).all()


def test_text_report_on_a_generated_dataset(population):
    report = engine.text_report(population)
    assert report.n_dataset > 0 and report.accuracy_dataset > 0.8
    # The later sealed sets' rows beside the first's (the Method page's tabs and targets).
    assert {engine.SET_SEALED_V2, engine.SET_SEALED_V3, engine.SET_SEALED_V4,
            engine.SET_SEALED_V5, engine.SET_SEALED_V6} <= set(report.by_language["set"])
    assert 0 <= report.leakage_dataset["meta7"] < 0.2
    assert report.per_topic_dataset["support"].sum() == report.n_dataset

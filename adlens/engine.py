"""The personalisation engine's facade for the UI and the CLI: prepare a dataset once, then run
scenarios on it (ranked ads with exact per-signal attribution, rule exclusions, quality, what-if).

`prepare` does the heavy per-dataset work; `run_scenario` is masks, bincounts and matrix ops.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import numpy as np
import pandas as pd

from adlens import artifacts, schema
from adlens import text_model as tm
from adlens.dataset import Dataset
from adlens.ranking import (
    ClickModel,
    Impressions,
    label_impressions,
    learn_click_model,
    rank,
    rankable_topics,
)
from adlens.scenario import Scenario
from adlens.signals import (
    APP_INDEX,
    N_TOPICS,
    EventCodes,
    as_of_ms,
    chat_rules,
    codes_in,
    encode_events,
    exclusions,
    features,
    features_at,
    user_codes,
)

CONTRIB_COLUMNS: tuple[str, ...] = tuple(f"contrib_{s}" for s in schema.SIGNALS)
RECOMMENDATION_COLUMNS: tuple[str, ...] = (
    "user_id", "app", "rank", "ad_id", "topic", "advertiser", "title", "score", "baseline",
    *CONTRIB_COLUMNS)
SHARE_GROUPS: tuple[str, ...] = ("topic", "region", "country", "app", "age_band", "uses_meta_ai")


@dataclass(frozen=True, eq=False)
class Prepared:
    """Per-dataset, read-only: codes, the click model and ad lookups. Never mutate it."""

    dataset: Dataset
    codes: EventCodes
    impressions: Impressions
    click_model: ClickModel
    _text_model: tm.TextModel | None  # None when the work came from stored artifacts
    ad_ids: np.ndarray  # object, ads in table order
    ad_topic: np.ndarray  # int64 topic per ad (-1 unknown)
    ad_advertiser: pd.Categorical
    ad_title: pd.Categorical
    topic_ads: np.ndarray  # ad indices grouped by topic (sorted by ad_id within a topic)
    topic_ads_start: np.ndarray
    topic_ads_count: np.ndarray
    age_band: np.ndarray
    uses_meta_ai: np.ndarray
    interests: np.ndarray | None  # (n_users, N_TOPICS) true interest, or None
    chat_ad: np.ndarray  # per ai_chat signal event: the ad of its topic it asks about, or -1
    # Categorical dtypes of the recommendation columns, built once.
    user_dtype: pd.CategoricalDtype
    ad_dtype: pd.CategoricalDtype

    @property
    def dataset_id(self) -> str:
        return self.dataset.dataset_id

    @property
    def weights_source(self) -> str:
        return self.click_model.source

    @property
    def text_model(self) -> tm.TextModel:
        """The fitted text model; loaded (or trained) on first use when prepare did not
        need it."""
        if self._text_model is not None:
            return self._text_model
        artifacts.seed_text_model()
        return tm.load_text_model()


def encode_dataset(dataset: Dataset, model: tm.TextModel | None = None,
                   stored: artifacts.StoredWork | None = None
                   ) -> tuple[EventCodes, Impressions]:
    """Event codes plus labelled ad impressions (the heavy, per-dataset part); with `stored`
    work, its chat inference and similar-people map instead of the text model and the SVD."""
    if stored is not None:
        codes = encode_events(dataset, inference=stored.inference,
                              similar=stored.similar_topics)
    else:
        codes = encode_events(dataset, model)
    return codes, label_dataset_impressions(dataset, codes)


def label_dataset_impressions(dataset: Dataset, codes: EventCodes) -> Impressions:
    """The dataset's ad impressions, each labelled clicked or not."""
    events = dataset.events
    etype, users, ms, app = codes.event_type, codes.event_user, codes.event_ms, codes.event_app
    ads = codes_in(events["ad_id"], dataset.ads["ad_id"].astype(str).to_numpy(dtype=object))
    imp = np.flatnonzero((etype == "ad_impression") & (users >= 0) & (ads >= 0)
                         & (codes.event_topic >= 0))
    clk = np.flatnonzero((etype == "ad_click") & (users >= 0) & (ads >= 0))
    clicked = label_impressions(users[imp], ads[imp], ms[imp], users[clk], ads[clk], ms[clk])
    return Impressions(user=users[imp].astype(np.int64), topic=codes.event_topic[imp],
                       app=app[imp], ms=ms[imp], clicked=clicked)


def dataset_from_frames(frames: dict[str, pd.DataFrame], source: str = "In memory") -> Dataset:
    """A Dataset from raw frames (users, ads, events[, interests]), checked and normalised by
    the data contract exactly as an upload would be."""
    from adlens.contract import from_frames

    return from_frames(frames, source=source)


def prepare(dataset: Dataset, use_artifacts: bool = True,
            population: tuple[ClickModel, np.ndarray] | None = None) -> Prepared:
    """Everything per dataset: text predictions, event codes, similar people, click weights.

    The scenario-independent part (chat inference, similar people, which ad a chat asks
    about, the click model) comes from this dataset's stored artifacts when current ones
    exist (adlens.artifacts: shipped with the sample, else the cache); otherwise it is
    computed and, with use_artifacts, stored in the cache for the next process. With
    use_artifacts=False everything is computed, the click model refitted too.

    `population`: the click model and similar-people map of the population this dataset is
    one block of (adlens.blocks); given, neither is learned here and nothing is stored."""
    stored = artifacts.load(dataset.dataset_id) if use_artifacts and population is None else None
    model = None
    if stored is None:
        if use_artifacts:
            artifacts.seed_text_model()
        model = tm.load_text_model()
    if population is not None:
        codes = encode_events(dataset, model, similar=population[1])
        impressions = label_dataset_impressions(dataset, codes)
    else:
        codes, impressions = encode_dataset(dataset, model, stored)
    if population is not None:
        click_model = population[0]
    elif stored is not None:
        click_model = artifacts.click_model_from_dict(stored.click_model)
    else:
        click_model = learn_click_model(
            codes, impressions, dataset_id=dataset.dataset_id if use_artifacts else None)
    ads = dataset.ads
    ad_ids = ads["ad_id"].astype(str).to_numpy(dtype=object)
    ad_topic = ads["topic"].astype(str).map(tm.TOPIC_INDEX).fillna(-1).to_numpy(np.int64)
    by_topic = np.lexsort((ad_ids.astype(str), ad_topic))
    by_topic = by_topic[ad_topic[by_topic] >= 0]
    count = np.bincount(ad_topic[by_topic], minlength=N_TOPICS)
    start = np.concatenate([[0], np.cumsum(count)[:-1]])
    interests = None
    if dataset.interests is not None and len(dataset.interests):
        frame = dataset.interests.set_index(dataset.interests["user_id"].astype(str))
        frame = frame.reindex(codes.user_ids)
        interests = np.column_stack([
            frame[t].to_numpy(dtype=float, na_value=np.nan) if t in frame else
            np.full(len(frame), np.nan) for t in schema.ALL_TOPICS])
    users = dataset.users
    chats = codes.signals["ai_chat"]
    if stored is not None:
        chat_ad = stored.chat_ad
    else:
        texts = dataset.events["text"].fillna("").astype(str).to_numpy(dtype=object)[chats.row]
        chat_ad = match_chats_to_ads(model, texts, chats.topic,
                                     ads["title"].astype(str).to_numpy(dtype=object), ad_topic)
    result = Prepared(
        dataset=dataset, codes=codes, impressions=impressions, click_model=click_model,
        _text_model=model, ad_ids=ad_ids, ad_topic=ad_topic,
        ad_advertiser=pd.Categorical(ads["advertiser"].astype(str).to_numpy(dtype=object)),
        ad_title=pd.Categorical(ads["title"].astype(str).to_numpy(dtype=object)),
        topic_ads=by_topic, topic_ads_start=start, topic_ads_count=count,
        age_band=users["age_band"].astype(str).to_numpy(dtype=object),
        uses_meta_ai=users["uses_meta_ai"].to_numpy(dtype=bool),
        interests=interests, chat_ad=chat_ad,
        user_dtype=pd.CategoricalDtype(pd.Index(codes.user_ids, dtype=object)),
        ad_dtype=pd.CategoricalDtype(pd.Index(ad_ids, dtype=object)))
    if stored is None and population is None and use_artifacts and artifacts.enabled():
        artifacts.save_quietly(artifacts.cache_folder(dataset.dataset_id), dataset.dataset_id,
                               *stored_work(result))
    return result


def stored_work(prepared: Prepared) -> tuple:
    """What adlens.artifacts stores of a prepared dataset, in `artifacts.save` order after the
    dataset id: chat inference, similar-people map, chat ads, click model (as a dict)."""
    codes = prepared.codes
    return (codes.chat_inference, codes.similar_topics, prepared.chat_ad,
            artifacts.click_model_to_dict(prepared.click_model))


def match_chats_to_ads(model: tm.TextModel, texts: np.ndarray, topic: np.ndarray,
                       titles: np.ndarray, ad_topic: np.ndarray) -> np.ndarray:
    """For each chat, the ad of the chat's topic whose title shares the most weighted words
    with it (TF-IDF cosine), or -1 when none shares a word. Scored once per distinct text."""
    out = np.full(len(texts), -1, dtype=np.int64)
    if len(texts) == 0 or len(titles) == 0:
        return out
    words = model.word_vectorizer
    uniq, inverse = np.unique(np.asarray(texts, dtype=str), return_inverse=True)
    sim = (words.transform(uniq) @ words.transform(np.asarray(titles, dtype=str)).T).tocoo()
    if sim.nnz == 0:
        return out
    key = sim.row.astype(np.int64) * N_TOPICS + ad_topic[sim.col]
    valid = ad_topic[sim.col] >= 0
    key, value, ad = key[valid], sim.data[valid], sim.col[valid].astype(np.int64)
    order = np.lexsort((ad, -value, key))
    key, ad = key[order], ad[order]
    first = np.ones(len(key), dtype=bool)
    first[1:] = key[1:] != key[:-1]
    best_key, best_ad = key[first], ad[first]
    want = inverse.ravel().astype(np.int64) * N_TOPICS + topic
    pos = np.clip(np.searchsorted(best_key, want), 0, max(len(best_key) - 1, 0))
    found = (len(best_key) > 0) & (best_key[pos] == want)
    out[found] = best_ad[pos[found]]
    return out


def _asked_ads(prepared: Prepared, scenario: Scenario, rules) -> tuple[np.ndarray, np.ndarray]:
    """Per (ad app, person, topic) the ad a person most recently asked Meta AI about, among
    chats that count for that app as of the scenario's day: sorted keys and ad indices."""
    chats = prepared.codes.signals["ai_chat"]
    n_users = prepared.codes.n_users
    live = (chats.ms < as_of_ms(scenario)) & (prepared.chat_ad >= 0)
    keys, ads, times = [], [], []
    for a in range(len(schema.AD_APPS)):
        sel = np.flatnonzero(live & rules.counts_for[:, a])
        keys.append((a * n_users + chats.user[sel]) * N_TOPICS + chats.topic[sel])
        ads.append(prepared.chat_ad[sel])
        times.append(chats.ms[sel])
    key, ad, ms = np.concatenate(keys), np.concatenate(ads), np.concatenate(times)
    order = np.lexsort((ms, key))
    key, ad = key[order], ad[order]
    last = np.ones(len(key), dtype=bool)
    last[:-1] = key[1:] != key[:-1]
    return key[last], ad[last]


@dataclass(frozen=True, eq=False)
class ScenarioResult:
    """Ranked, explained ads for one scenario.

    recommendations: long form, one row per (person, ad app, rank): user_id, app, rank, ad_id,
      topic, advertiser, title, score, baseline, contrib_<signal> for every schema.SIGNALS
      (string columns are pandas Categoricals); baseline + Σ contrib_* == score (1e-9).
      score is the click log-odds of the click model.
    exclusions: event_id, user_id, event_type, app, topic, ts, reason, blocked_apps.
    """

    scenario: Scenario
    top_k: int
    recommendations: pd.DataFrame
    exclusions: pd.DataFrame
    click_model: ClickModel
    prepared: Prepared = field(repr=False)
    user_code: np.ndarray = field(repr=False)  # person index of each recommendation row
    topic_code: np.ndarray = field(repr=False)

    @property
    def weights_source(self) -> str:
        return self.click_model.source

    @property
    def weights_source_label(self) -> str:
        return self.click_model.source_label

    def exclusion_counts(self) -> pd.DataFrame:
        """Events excluded, by reason and event type (columns reason, event_type, events)."""
        ex = self.exclusions
        if ex.empty:
            return pd.DataFrame({"reason": pd.Series(dtype=str),
                                 "event_type": pd.Series(dtype=str),
                                 "events": pd.Series(dtype=np.int64)})
        counts = ex.groupby(["reason", "event_type"], observed=True).size()
        return counts.rename("events").reset_index()

    def group_values(self, by: str) -> np.ndarray:
        """The value of a grouping (see SHARE_GROUPS) for each recommendation row."""
        return group_values(self.prepared, self.recommendations, self.user_code, by)

    def signal_shares(self, by: str | None = None) -> pd.DataFrame:
        """Each signal's share of the positive contributions to the recommended ads (see the
        module function `signal_shares`), for everyone or per value of a grouping."""
        return signal_shares(self.recommendations,
                             None if by is None else self.group_values(by), by)


def group_values(prepared: Prepared, recommendations: pd.DataFrame, user_code: np.ndarray,
                 by: str) -> np.ndarray:
    """The value of a grouping (see SHARE_GROUPS) for each row of `recommendations`, whose
    people are `user_code` (ScenarioResult.user_code): no new ranking needed."""
    codes = prepared.codes
    if by in ("topic", "app"):
        return recommendations[by].astype(str).to_numpy(dtype=object)
    lookup = {"region": codes.region, "country": codes.country,
              "age_band": prepared.age_band, "uses_meta_ai": prepared.uses_meta_ai}
    if by not in lookup:
        raise ValueError(f"Cannot group signal shares by {by!r}: choose one of "
                         f"{', '.join(SHARE_GROUPS)}.")
    return lookup[by][user_code]


def signal_shares(recommendations: pd.DataFrame, keys: np.ndarray | None = None,
                  by: str | None = None) -> pd.DataFrame:
    """Each signal's share of the positive contributions to the recommended ads.

    keys: one group value per row (None: everyone), named `by` in the result.
    Columns: [by,] n_ads, one column per signal (shares summing to 1 where any signal
    contributed), ads_with_ai_chat (share of ads with any AI-chat contribution) and
    ai_chat_largest (share of ads whose largest contributor is the AI-chat signal).
    """
    rec = recommendations
    contrib = rec[list(CONTRIB_COLUMNS)].to_numpy(dtype=float)
    positive = np.clip(contrib, 0.0, None)
    ai = contrib[:, schema.SIGNALS.index("ai_chat")]
    largest = (contrib.argmax(axis=1) == schema.SIGNALS.index("ai_chat")) & (ai > 0) if len(
        contrib) else np.zeros(0, dtype=bool)
    frame = pd.DataFrame(positive, columns=list(schema.SIGNALS))
    frame["n_ads"] = 1
    frame["ads_with_ai_chat"] = (ai > 0).astype(float)
    frame["ai_chat_largest"] = largest.astype(float)
    everyone = keys is None
    frame["_key"] = np.zeros(len(frame), dtype=np.int64) if everyone else keys
    sums = frame.groupby("_key", sort=True).agg(
        {**{s: "sum" for s in schema.SIGNALS}, "n_ads": "sum",
         "ads_with_ai_chat": "mean", "ai_chat_largest": "mean"})
    total = sums[list(schema.SIGNALS)].sum(axis=1)
    shares = sums[list(schema.SIGNALS)].div(total.where(total > 0), axis=0).fillna(0.0)
    out = pd.concat([sums[["n_ads"]], shares, sums[["ads_with_ai_chat", "ai_chat_largest"]]],
                    axis=1)
    if everyone:
        if out.empty:
            out = pd.DataFrame([{**{"n_ads": 0}, **{s: 0.0 for s in schema.SIGNALS},
                                 "ads_with_ai_chat": 0.0, "ai_chat_largest": 0.0}])
        return out.reset_index(drop=True)
    return out.rename_axis(by or "group").reset_index()


def person_turns(user_ids: np.ndarray) -> np.ndarray:
    """A fixed whole number per person id (a hash), for rotating equally scored ads."""
    if len(user_ids) == 0:
        return np.zeros(0, dtype=np.int64)
    hashed = pd.util.hash_array(np.asarray(user_ids, dtype=object).astype(str).astype(object))
    return (hashed % np.uint64(1_000_003)).astype(np.int64)


def _recommendations(prepared: Prepared, feats, picks, asked: tuple[np.ndarray, np.ndarray]
                     ) -> tuple[pd.DataFrame, np.ndarray]:
    model = prepared.click_model
    user, app, topic = picks.user, picks.app, picks.topic
    count = prepared.topic_ads_count[topic]
    # All ads of a topic score the same (features are per topic); rotating by person and app
    # spreads them instead of showing everyone the same one. By a number derived from the
    # person's id, not their row, so a person sees the same ad whichever block of people
    # they are scored in (adlens.blocks).
    turn = person_turns(prepared.codes.user_ids)[user]
    ad = prepared.topic_ads[prepared.topic_ads_start[topic] + (turn + app) % np.maximum(count, 1)]
    # Except that a person who asked Meta AI about a product gets the ad closest to it.
    asked_key, asked_ad = asked
    if len(asked_key):
        want = (app * prepared.codes.n_users + user) * N_TOPICS + topic
        pos = np.clip(np.searchsorted(asked_key, want), 0, len(asked_key) - 1)
        hit = asked_key[pos] == want
        ad[hit] = asked_ad[pos[hit]]
    # score, baseline and the contributions fill one (columns x rows) float block, which the
    # frame adopts without copying (separate columns would be stacked: 2M rows, ~1 s).
    block = np.empty((2 + len(schema.SIGNALS), len(user)))
    block[1] = model.intercept
    for i, signal in enumerate(schema.SIGNALS):
        if signal == "ai_chat":
            value = feats.ai_chat[app, user, topic]
        else:
            value = feats.by_signal[signal][user, topic]
        np.multiply(model.weight[signal], value, out=block[2 + i])
    block[0] = block[1]
    for i in range(len(schema.SIGNALS)):  # baseline + Σ contributions, in column order
        block[0] += block[2 + i]
    frame = pd.DataFrame(block.T, columns=["score", "baseline", *CONTRIB_COLUMNS], copy=False)
    labels = {
        "user_id": pd.Categorical.from_codes(user, dtype=prepared.user_dtype),
        "app": pd.Categorical.from_codes(app, categories=list(schema.AD_APPS)),
        "rank": picks.rank.astype(np.int64),
        "ad_id": pd.Categorical.from_codes(ad, dtype=prepared.ad_dtype),
        "topic": pd.Categorical.from_codes(topic, categories=list(schema.ALL_TOPICS)),
        "advertiser": pd.Categorical.from_codes(prepared.ad_advertiser.codes[ad],
                                                dtype=prepared.ad_advertiser.dtype),
        "title": pd.Categorical.from_codes(prepared.ad_title.codes[ad],
                                           dtype=prepared.ad_title.dtype),
    }
    for position, (name, values) in enumerate(labels.items()):
        frame.insert(position, name, values)
    return frame, ad


def run_scenario(prepared: Prepared, scenario: Scenario, top_k: int = 5,
                 apps: tuple[str, ...] = schema.AD_APPS) -> ScenarioResult:
    """Rank and explain ads for every person and ad app under a scenario."""
    codes = prepared.codes
    rules = chat_rules(codes, scenario)
    feats = features(codes, scenario, rules=rules)
    allowed = rankable_topics(scenario, prepared.topic_ads_count > 0)
    picks = rank(feats, prepared.click_model, allowed, top_k, apps=apps)
    recs, _ = _recommendations(prepared, feats, picks, _asked_ads(prepared, scenario, rules))
    excl = exclusions(codes, scenario, rules)
    return ScenarioResult(scenario=scenario, top_k=top_k, recommendations=recs,
                          exclusions=excl, click_model=prepared.click_model, prepared=prepared,
                          user_code=picks.user, topic_code=picks.topic)


def attribute_at(prepared: Prepared, scenario: Scenario, pairs: pd.DataFrame) -> pd.DataFrame:
    """Score and explain given (person, ad, app, time) pairs with affinities as of each pair's
    own time (events strictly before it), every scenario rule applied.

    Returns the pairs' columns plus topic, score, baseline and contrib_<signal>; a pair with an
    unknown person or ad gets NaN score and contributions.
    """
    missing = [c for c in ("user_id", "ad_id", "app", "ts") if c not in pairs.columns]
    if missing:
        raise ValueError(f"attribute_at needs columns user_id, ad_id, app, ts; missing "
                         f"{', '.join(missing)}.")
    out = pairs.reset_index(drop=True).copy()
    user = user_codes(prepared.codes.user_ids, out["user_id"].astype(str))
    ad = pd.Index(prepared.ad_ids).get_indexer(pd.Index(out["ad_id"].astype(str).to_numpy(
        dtype=object)))
    topic = np.where(ad >= 0, prepared.ad_topic[np.maximum(ad, 0)], -1)
    app = out["app"].fillna("").astype(str).map(APP_INDEX).fillna(-1).to_numpy(np.int64)
    ts = pd.to_datetime(out["ts"], utc=True)
    ms = ts.to_numpy(dtype="datetime64[ns]").astype(np.int64) // 10**6
    ok = (user >= 0) & (topic >= 0)
    rows = np.flatnonzero(ok)
    feats = features_at(prepared.codes, scenario, user[rows], topic[rows], app[rows], ms[rows])
    model = prepared.click_model
    out["topic"] = np.asarray(schema.ALL_TOPICS + ("",), dtype=object)[topic]
    baseline = np.full(len(out), np.nan)
    baseline[rows] = model.intercept
    score = baseline.copy()
    contrib = {}
    for signal in schema.SIGNALS:
        values = np.full(len(out), np.nan)
        values[rows] = model.weight[signal] * feats[signal]
        contrib[f"contrib_{signal}"] = values
        score = score + values
    out["score"] = score
    out["baseline"] = baseline
    for column, values in contrib.items():
        out[column] = values
    return out


def quality(prepared: Prepared, scenario: Scenario, k: int = 5, n_boot: int = 200,
            seed: int = 0, metrics: tuple[str, ...] | None = None,
            regions: tuple[str, ...] | None = None):
    """Ranking quality with and without the AI-chat signal; see `adlens.quality.evaluate`.
    `metrics` / `regions` limit it to those rows (same numbers); None means all. For the
    headline alone (precision@k, 'All'): metrics=("precision@k",), regions=("All",)."""
    from adlens import quality as q

    return q.evaluate(prepared, scenario, k=k, n_boot=n_boot, seed=seed,
                      metrics=q.METRICS if metrics is None else metrics, regions=regions)


def compare(a: ScenarioResult, b: ScenarioResult):
    """What changes from scenario a to b; see `adlens.whatif.compare`."""
    from adlens import whatif

    return whatif.compare(a, b)


# The second sealed test set, written by another author after the first had been read for
# four model versions (docs/ARCHITECTURE.md, "The second sealed set"): only ever read to report.
SET_SEALED_V2 = "second sealed test"
SEALED_V2_CSV = tm.SEALED_CSV.with_name("chat_sealed_v2.csv")
# The third, written after the second had been read for five model versions (docs/ARCHITECTURE.md,
# "The third sealed set"): only ever read to report.
SET_SEALED_V3 = "third sealed test"
SEALED_V3_CSV = tm.SEALED_CSV.with_name("chat_sealed_v3.csv")
# The fourth, written after the third had been read for two model versions (docs/ARCHITECTURE.md,
# "The fourth sealed set"): only ever read to report.
SET_SEALED_V4 = "fourth sealed test"
SEALED_V4_CSV = tm.SEALED_CSV.with_name("chat_sealed_v4.csv")
# The fifth, written after the fourth had been read twice, with 120 more consumer health
# questions (docs/ARCHITECTURE.md, "The fifth sealed set"): only ever read to report.
SET_SEALED_V5 = "fifth sealed test"
SEALED_V5_CSV = tm.SEALED_CSV.with_name("chat_sealed_v5.csv")
# The sixth, written after the fifth had been read for two model versions, with twice the
# fifth's look-alikes (docs/ARCHITECTURE.md, "The sixth sealed set"): only ever read to report.
SET_SEALED_V6 = "sixth sealed test"
SEALED_V6_CSV = tm.SEALED_CSV.with_name("chat_sealed_v6.csv")


def text_report(prepared: Prepared) -> tm.TextReport:
    """Per-topic precision/recall, sensitive leakage and a per-language table, on held-out
    text, on the hand-written validation set, on the six sealed test sets and on the dataset's
    chats and conversations whose true topic is known and whose topic had to be inferred."""
    report = tm.heldout_report(prepared.text_model)
    later = {key: labelled for key, path in ((SET_SEALED_V2, SEALED_V2_CSV),
                                             (SET_SEALED_V3, SEALED_V3_CSV),
                                             (SET_SEALED_V4, SEALED_V4_CSV),
                                             (SET_SEALED_V5, SEALED_V5_CSV),
                                             (SET_SEALED_V6, SEALED_V6_CSV))
             if (labelled := tm.handwritten_set(path)) is not None}
    if later:
        report = replace(report, by_language=pd.concat([report.by_language, tm.by_language_table(
            prepared.text_model, later)], ignore_index=True))
    events = prepared.dataset.events
    if "true_topic" not in events.columns:
        return report
    true = events["true_topic"].fillna("").astype(str).to_numpy(dtype=object)
    rows = np.flatnonzero(prepared.codes.topic_inferred & (true != ""))
    if len(rows) == 0:
        return report
    texts = events["text"].fillna("").astype(str).to_numpy(dtype=object)[rows]
    per_topic, accuracy, leak, _ = tm.evaluate(prepared.text_model, texts, true[rows])
    languages = (events["language"].fillna("").astype(str).to_numpy(dtype=object)[rows]
                 if "language" in events.columns else None)
    mine = tm.by_language_table(prepared.text_model, {tm.SET_DATASET: tm.LabelledTexts(
        texts, true[rows], languages)})
    return replace(
        report, per_topic_dataset=per_topic, accuracy_dataset=accuracy, leakage_dataset=leak,
        n_dataset=len(rows), by_language=pd.concat([report.by_language, mine],
                                                   ignore_index=True))

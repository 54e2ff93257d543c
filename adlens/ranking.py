"""Click model and ranking: how much each signal predicts a click; the top ads per person and app.

The click model is a scikit-learn LogisticRegression on per-signal features, so a score (the
click log-odds) splits exactly into an intercept plus one contribution per signal.
"""

from __future__ import annotations

import dataclasses
import functools
import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from adlens import schema
from adlens.scenario import Scenario
from adlens.signals import AD_APP_INDEX, N_TOPICS, EventCodes, Features, chat_rules, features

DEFAULT_WEIGHTS_PATH = Path(__file__).with_name("default_weights.json")
SAMPLE_DIR = Path(__file__).resolve().parent.parent / "sample_data"
WEIGHTS_FROM_DATASET = "dataset"
WEIGHTS_FROM_SAMPLE = "bundled_sample"
WEIGHTS_SOURCE_LABELS = {
    WEIGHTS_FROM_DATASET: "Click model learned on this dataset",
    WEIGHTS_FROM_SAMPLE: "Too few clicks to learn from: click model learned on the bundled sample",
}
MIN_IMPRESSIONS = 200
MIN_CLICKS = 20
CLICK_WINDOW_MS = 3_600_000  # a click belongs to the same person's last impression of the ad
TRAIN_WINDOW_DAYS = 7
TEST_SHARE = 0.12  # the last 12% of the data's time span holds out clicks for AUC
TRAIN_START_SHARE = 0.3  # the first 30% only builds up history before the first cut
MAX_TRAIN_ROWS = 400_000
HELDOUT_MAX_ROWS = 1_000_000  # held-out cells sampled for AUC


@dataclass(frozen=True, eq=False)
class Impressions:
    """Ad impressions as codes, each labelled clicked or not."""

    user: np.ndarray
    topic: np.ndarray
    app: np.ndarray  # index into schema.APPS (-1 unknown)
    ms: np.ndarray
    clicked: np.ndarray

    def __len__(self) -> int:
        return len(self.user)


def label_impressions(user: np.ndarray, ad: np.ndarray, ms: np.ndarray, click_user: np.ndarray,
                      click_ad: np.ndarray, click_ms: np.ndarray) -> np.ndarray:
    """True for each impression followed within an hour by a click of the same person on the
    same ad (each click goes to the latest such impression)."""
    clicked = np.zeros(len(user), dtype=bool)
    if len(user) == 0 or len(click_user) == 0:
        return clicked
    n_ads = int(max(ad.max(initial=0), click_ad.max(initial=0))) + 1
    lo = int(min(ms.min(), click_ms.min()))
    span = int(max(ms.max(), click_ms.max()) - lo + 1)
    key = (user * n_ads + ad) * span + (ms - lo)
    order = np.argsort(key, kind="stable")
    sorted_key = key[order]
    ckey = (click_user * n_ads + click_ad) * span + (click_ms - lo)
    pos = np.searchsorted(sorted_key, ckey, side="right") - 1
    ok = pos >= 0
    hit = order[pos[ok]]
    same = ((user[hit] == click_user[ok]) & (ad[hit] == click_ad[ok])
            & (click_ms[ok] - ms[hit] <= CLICK_WINDOW_MS))
    clicked[hit[same]] = True
    return clicked


@dataclass(frozen=True)
class ClickModel:
    """Signal weights of the click log-odds; `source` says where they were learned."""

    intercept: float
    weights: tuple[tuple[str, float], ...]  # (signal, weight) in schema.SIGNALS order
    source: str
    n_impressions: int = 0
    n_clicks: int = 0
    auc_heldout: float = float("nan")

    @functools.cached_property
    def weight(self) -> dict[str, float]:
        return dict(self.weights)

    @property
    def unused_signals(self) -> tuple[str, ...]:
        """Signals with weight 0: their learned effect on clicks was not positive once the
        other signals were known, so they never move a score (see `fit_click_model`)."""
        return tuple(s for s, w in self.weights if w == 0.0)

    @property
    def source_label(self) -> str:
        return WEIGHTS_SOURCE_LABELS[self.source]


def _gather(feats: Features, user: np.ndarray, topic: np.ndarray, app: np.ndarray
            ) -> np.ndarray:
    """Feature rows (n, len(SIGNALS)) for (person, topic, app) triples."""
    cols = []
    for signal in schema.SIGNALS:
        if signal == "ai_chat":
            ad_app = np.clip(app, 0, len(schema.AD_APPS) - 1)
            value = feats.ai_chat[ad_app, user, topic]
            cols.append(np.where((app >= 0) & (app < len(schema.AD_APPS)), value, 0.0))
        else:
            cols.append(feats.by_signal[signal][user, topic])
    return np.column_stack(cols) if cols else np.zeros((len(user), 0))


@dataclass(frozen=True, eq=False)
class TrainingData:
    """Rows (person, topic, ad app, week): label = the person clicked an ad on that topic in
    that app that week; features from events strictly before the week starts."""

    x: np.ndarray
    y: np.ndarray
    sample_weight: np.ndarray  # undoes the subsampling of non-clicked rows
    x_test: np.ndarray
    y_test: np.ndarray
    n_impressions: int  # impressions in the training weeks
    n_clicks: int


@dataclass(frozen=True, eq=False)
class HeldOut:
    """The held-out week(s): features as of the cut, labels after it, the person of each row
    and the weight undoing the subsampling of non-clicked rows."""

    x: np.ndarray
    y: np.ndarray
    user: np.ndarray
    weight: np.ndarray


def _cuts(impressions: Impressions) -> tuple[list[int], int, int]:
    lo, hi = int(impressions.ms.min()), int(impressions.ms.max()) + 1
    span = hi - lo
    test_cut = hi - int(span * TEST_SHARE)
    week = TRAIN_WINDOW_DAYS * 86_400_000
    return list(range(lo + int(span * TRAIN_START_SHARE), test_cut, week)), test_cut, hi


@dataclass(frozen=True, eq=False)
class Cells:
    """Click-model rows (person, allowed topic, ad app) for impressions in a time window:
    whether the person clicked that topic in that app, and the row's sampling weight."""

    user: np.ndarray
    topic: np.ndarray
    app: np.ndarray
    label: np.ndarray
    weight: np.ndarray
    n_impressions: int
    n_clicks: int


def window_cells(n_users: int, impressions: Impressions, sensitive_topics: tuple[str, ...],
                 cut: int, end: int, keep_rate: float, rng: np.random.Generator) -> Cells:
    """Every clicked cell in [cut, end) plus a `keep_rate` sample of the others, reweighted."""
    n_apps = len(schema.AD_APPS)
    allowed = np.ones(N_TOPICS, dtype=bool)
    allowed[[schema.ALL_TOPICS.index(t) for t in sensitive_topics]] = False
    topics = np.flatnonzero(allowed)
    n_cells = n_users * len(topics) * n_apps
    in_window = (impressions.ms >= cut) & (impressions.ms < end)
    hit = in_window & impressions.clicked & allowed[np.maximum(impressions.topic, 0)] & (
        impressions.app >= 0) & (impressions.app < n_apps)
    topic_pos = np.searchsorted(topics, impressions.topic[hit])
    cell = (impressions.user[hit] * len(topics) + topic_pos) * n_apps + impressions.app[hit]
    positive = np.unique(cell)
    if keep_rate < 1.0:
        cells = np.union1d(np.flatnonzero(rng.random(n_cells) < keep_rate), positive)
    else:
        cells = np.arange(n_cells)
    label = np.isin(cells, positive)
    return Cells(user=cells // (n_apps * len(topics)),
                 topic=topics[(cells // n_apps) % len(topics)], app=cells % n_apps,
                 label=label, weight=np.where(label, 1.0, 1.0 / keep_rate),
                 n_impressions=int(in_window.sum()),
                 n_clicks=int((in_window & impressions.clicked).sum()))


def _window(codes: EventCodes, impressions: Impressions, scenario: Scenario, rules,
            cut: int, end: int, keep_rate: float, rng: np.random.Generator):
    """Rows (person, allowed topic, ad app) for impressions in [cut, end), features as of cut."""
    c = window_cells(codes.n_users, impressions, scenario.sensitive_topics, cut, end, keep_rate,
                     rng)
    feats = features(codes, scenario, cut_ms=cut, rules=rules)
    return (_gather(feats, c.user, c.topic, c.app), c.label, c.weight, c.user, c.n_impressions,
            c.n_clicks)


def _keep_rate(n_users: int, sensitive_topics, n_windows: int, max_rows: int) -> float:
    """Share of (person, topic, app) cells kept so that n_windows windows hold max_rows."""
    n_cells = n_users * (N_TOPICS - len(sensitive_topics)) * len(schema.AD_APPS)
    return min(1.0, max_rows / max(n_cells * n_windows, 1))


def training_data(codes: EventCodes, impressions: Impressions, scenario: Scenario,
                  max_rows: int = MAX_TRAIN_ROWS, seed: int = 0) -> TrainingData:
    """Build click-model rows with no leakage.

    Why (person, topic, app) rows rather than one row per impression: impressions are already
    targeted (by interest and, since the policy, by AI chats), so among impressions a chat on
    the ad's topic marks the chat-driven, less interested ones, and an impression-level model
    learns a negative AI-chat weight (measured on the sample: -0.16, AUC 0.63). The ranker
    chooses topics for a person, so it learns from whether a person clicks on a topic at all
    (AUC 0.85 on the same held-out weeks). Non-clicked rows are subsampled to `max_rows` and
    reweighted. The last TEST_SHARE of the time span is held out for AUC.
    """
    n_sig = len(schema.SIGNALS)
    empty = np.zeros((0, n_sig))
    none = TrainingData(empty, np.zeros(0, bool), np.zeros(0), empty, np.zeros(0, bool), 0, 0)
    if len(impressions) == 0 or codes.n_users == 0:
        return none
    cuts, test_cut, hi = _cuts(impressions)
    if not cuts:
        return none
    rng = np.random.default_rng(seed)
    rules = chat_rules(codes, scenario)
    keep = _keep_rate(codes.n_users, scenario.sensitive_topics, len(cuts) + 1, max_rows)
    week = TRAIN_WINDOW_DAYS * 86_400_000
    parts = [_window(codes, impressions, scenario, rules, c, min(c + week, test_cut), keep, rng)
             for c in cuts]
    test = _window(codes, impressions, scenario, rules, test_cut, hi, keep, rng)
    return TrainingData(
        x=np.vstack([p[0] for p in parts]), y=np.concatenate([p[1] for p in parts]),
        sample_weight=np.concatenate([p[2] for p in parts]), x_test=test[0], y_test=test[1],
        n_impressions=sum(p[4] for p in parts), n_clicks=sum(p[5] for p in parts))


def heldout_data(codes: EventCodes, impressions: Impressions, scenario: Scenario,
                 max_rows: int = HELDOUT_MAX_ROWS, seed: int = 0) -> HeldOut:
    """The held-out rows under a scenario (for AUC with and without a signal)."""
    if len(impressions) == 0 or codes.n_users == 0:
        e = np.zeros(0)
        return HeldOut(np.zeros((0, len(schema.SIGNALS))), e.astype(bool), e.astype(np.int64), e)
    _, test_cut, hi = _cuts(impressions)
    keep = _keep_rate(codes.n_users, scenario.sensitive_topics, 1, max_rows)
    x, y, w, user, _, _ = _window(codes, impressions, scenario, chat_rules(codes, scenario),
                                  test_cut, hi, keep, np.random.default_rng(seed))
    return HeldOut(x=x, y=y, user=user, weight=w)


def fit_click_model(x: np.ndarray, y: np.ndarray, sample_weight: np.ndarray | None = None,
                    source: str = WEIGHTS_FROM_DATASET) -> ClickModel:
    """LogisticRegression on the signal features, refitted without any signal whose weight comes
    out negative: more evidence of interest should never lower an ad's score, and it keeps
    every contribution readable as 'how much this signal pushed the ad up'."""
    # Imported here: scikit-learn with SciPy costs ~1.4 s, and a stored fit needs neither.
    from sklearn.linear_model import LogisticRegression

    active = np.ones(x.shape[1], dtype=bool)
    coef = np.zeros(x.shape[1])
    intercept = 0.0
    for _ in range(x.shape[1]):
        # Newton steps converge on these rare, heavily weighted clicks; lbfgs at its default
        # tolerance stops after a dozen iterations, far from the optimum, and shrinks weights;
        # at its default tolerance newton-cholesky also stops a few steps short.
        model = LogisticRegression(C=1.0, solver="newton-cholesky", tol=1e-8, max_iter=200).fit(
            x[:, active], y, sample_weight=sample_weight)
        coef = np.zeros(x.shape[1])
        coef[active] = model.coef_[0]
        intercept = float(model.intercept_[0])
        if (coef >= 0).all():
            break
        active &= coef > 0
        if not active.any():
            coef = np.zeros(x.shape[1])
            rate = float(np.clip(np.average(y, weights=sample_weight), 1e-6, 1 - 1e-6))
            intercept = float(np.log(rate / (1 - rate)))
            break
    weights = tuple((s, float(max(c, 0.0))) for s, c in zip(schema.SIGNALS, coef, strict=True))
    return ClickModel(intercept=intercept, weights=weights, source=source,
                      n_impressions=int(len(y)), n_clicks=int(y.sum()))


def auc(model: ClickModel, x: np.ndarray, y: np.ndarray) -> float:
    if len(y) == 0 or y.all() or not y.any():
        return float("nan")
    from sklearn.metrics import roc_auc_score

    return float(roc_auc_score(y, score_rows(model, x)))


def score_rows(model: ClickModel, x: np.ndarray) -> np.ndarray:
    w = np.array([model.weight[s] for s in schema.SIGNALS])
    return model.intercept + x @ w


def load_default_weights(path: Path = DEFAULT_WEIGHTS_PATH) -> ClickModel:
    return _stored_model(json.loads(Path(path).read_text()))


def _stored_model(data: dict) -> ClickModel:
    return ClickModel(intercept=float(data["intercept"]),
                      weights=tuple((s, float(data["weights"][s])) for s in schema.SIGNALS),
                      source=WEIGHTS_FROM_SAMPLE, n_impressions=int(data["n_impressions"]),
                      n_clicks=int(data["n_clicks"]), auc_heldout=float(data["auc_heldout"]))


def learn_click_model(codes: EventCodes, impressions: Impressions,
                      scenario: Scenario | None = None, dataset_id: str | None = None
                      ) -> ClickModel:
    """Learn weights on the dataset, or fall back to the bundled sample's when it has fewer
    than MIN_IMPRESSIONS training impressions or MIN_CLICKS clicks.

    The bundled sample's own fit is stored in default_weights.json with its dataset_id: for
    that dataset under the announced policy the stored fit is the answer, without refitting
    (a second and about 140 MB of working memory on the dashboard's first page)."""
    if scenario is None and dataset_id is not None:
        stored = stored_fit(dataset_id)
        if stored is not None:
            return stored
    scenario = scenario or Scenario.announced()
    data = training_data(codes, impressions, scenario)
    if data.n_impressions < MIN_IMPRESSIONS or data.n_clicks < MIN_CLICKS or data.y.all():
        return load_default_weights()
    model = fit_click_model(data.x, data.y, data.sample_weight)
    return dataclasses.replace(model, n_impressions=data.n_impressions, n_clicks=data.n_clicks,
                               auc_heldout=auc(model, data.x_test, data.y_test))


def stored_fit(dataset_id: str, path: Path = DEFAULT_WEIGHTS_PATH) -> ClickModel | None:
    """The stored fit when `dataset_id` is the dataset it was learned on, else None."""
    data = json.loads(Path(path).read_text())
    if data.get("dataset_id") != dataset_id:
        return None
    return dataclasses.replace(_stored_model(data), source=WEIGHTS_FROM_DATASET)


def learn_default_weights(data_dir: Path = SAMPLE_DIR, out: Path | None = DEFAULT_WEIGHTS_PATH
                          ) -> dict:
    """Regenerate default_weights.json from the bundled sample (returns what it writes)."""
    from adlens.contract import load_dataset
    from adlens.engine import encode_dataset

    dataset = load_dataset(data_dir)
    codes, impressions = encode_dataset(dataset)
    training = training_data(codes, impressions, Scenario.announced())
    model = fit_click_model(training.x, training.y, training.sample_weight,
                            source=WEIGHTS_FROM_SAMPLE)
    data = {
        "learned_on": "bundled sample (sample_data/), announced policy, default half-lives",
        "dataset_id": dataset.dataset_id,
        "intercept": model.intercept,
        "weights": dict(model.weights),
        "n_impressions": training.n_impressions,
        "n_clicks": training.n_clicks,
        "auc_heldout": auc(model, training.x_test, training.y_test),
    }
    if out is not None:
        Path(out).write_text(json.dumps(data, indent=2) + "\n")
    return data


# --- ranking -------------------------------------------------------------------------------
@dataclass(frozen=True, eq=False)
class Picks:
    """The top-k topics per person and ad app, as parallel arrays (one entry per ad slot)."""

    user: np.ndarray
    app: np.ndarray  # index into schema.AD_APPS
    rank: np.ndarray  # 1-based
    topic: np.ndarray


def rankable_topics(scenario: Scenario, topics_with_ads: np.ndarray) -> np.ndarray:
    """Bool per topic: it has ads and is not on the scenario's sensitive list."""
    ok = topics_with_ads.copy()
    ok[[schema.ALL_TOPICS.index(t) for t in scenario.sensitive_topics]] = False
    return ok


def rank(feats: Features, model: ClickModel, allowed: np.ndarray, k: int,
         apps: tuple[str, ...] = schema.AD_APPS) -> Picks:
    """Top-k topics per person and app by score; a person gets fewer when fewer are allowed.
    One ad per topic: a feed of five hiking ads would not be a sensible top-5."""
    n_users = feats.ai_chat.shape[1]
    k = int(min(k, allowed.sum()))
    if n_users == 0 or k <= 0:
        z = np.zeros(0, dtype=np.int64)
        return Picks(z, z, z, z)
    parts = []
    allowed_idx = np.flatnonzero(allowed)
    w = model.weight
    base = np.full((n_users, len(allowed_idx)), model.intercept)
    for signal in schema.SIGNALS:
        if signal != "ai_chat" and w[signal] != 0.0:
            base += w[signal] * feats.by_signal[signal][:, allowed_idx]
    # Most people have no AI-chat evidence in an app (no Meta AI use, excluded region, rule
    # blocks): their ranking there is the base ranking, so only the others are re-ranked.
    top_base = _top_k(base.copy(), k)
    for name in apps:
        a = AD_APP_INDEX[name]
        top = top_base.copy()
        if w["ai_chat"] != 0.0:
            ai = feats.ai_chat[a][:, allowed_idx]
            rows = np.flatnonzero(ai.any(axis=1))
            if len(rows):
                top[rows] = _top_k(base[rows] + w["ai_chat"] * ai[rows], k)
        parts.append((np.repeat(np.arange(n_users), k), np.full(n_users * k, a),
                      np.tile(np.arange(1, k + 1), n_users), allowed_idx[top.ravel()]))
    user, app, rank_, topic = (np.concatenate(c) for c in zip(*parts, strict=True))
    return Picks(user=user, app=app, rank=rank_, topic=topic)


def _top_k(score: np.ndarray, k: int) -> np.ndarray:
    """Column indices of the k best per row, best first, ties to the lower index.

    Rows are short (~30 topics): k passes of argmax measured 2x faster than a stable argsort
    and 4x faster than argpartition plus sorting the k (100k x 29: 39 ms vs 87 ms vs 160 ms),
    and ties (a person with no history) break by topic order, so results are stable.
    Overwrites `score`.
    """
    rows = np.arange(score.shape[0])
    top = np.empty((score.shape[0], k), dtype=np.int64)
    for i in range(k):
        best = score.argmax(axis=1)
        top[:, i] = best
        score[rows, best] = -np.inf
    return top


if __name__ == "__main__":  # `python -m adlens.ranking` regenerates default_weights.json
    print(json.dumps(learn_default_weights(), indent=2))

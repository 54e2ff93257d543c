"""Value of the AI-chat signal measured as a platform would: a rolling next-week evaluation of
the click model among the people who can have the signal, its feedback-free twin, and its reach.

For each week w of the data (after MIN_HISTORY_DAYS of history) every feature is built from
events strictly before w's start (`signals.features(cut_ms=start)`); each eligible person's
topics are ranked per ad app and scored against the topics they clicked in that app during w.
"Without the signal" is the same click model with the AI-chat contribution removed (default),
or a click model refitted without the AI-chat feature (`without="refit"`). Intervals are paired
Poisson bootstraps over people (`quality.poisson_sums`). `python -m adlens.rolling` rebuilds
the bundled sample's stored feedback-free result (`make sample` runs it).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from adlens import quality, ranking, schema
from adlens.ranking import ClickModel, rank, rankable_topics
from adlens.scenario import Scenario
from adlens.signals import EventCodes, Features, as_of_ms, chat_rules, features

DAY_MS = 86_400_000
WEEK_MS = 7 * DAY_MS
# Assumption: four weeks of history before the first evaluated week, so slow signals (likes,
# follows, similar people) have built up before anything is scored.
MIN_HISTORY_DAYS = 28
METRICS = ("precision@k", "recall@k", "auc")
METRIC_LABELS = {"precision@k": "precision@5", "recall@k": "recall@5",
                 "auc": "AUC within a person's week"}
VARIANTS = quality.VARIANTS
WITHOUT_MODES = ("removed", "refit")
SUMMARY_COLUMNS = ("region", "metric", "variant", "value", "ci_low", "ci_high", "n_people",
                   "n_eligible_people", "n_person_weeks", "n_slots", "n_clicks")
WEEK_COLUMNS = ("week_start", "eligible_people", "slots_with_clicks", "clicks")
REACH_COLUMNS = ("population", "people", "ads", "ads_with_ai_chat", "ads_leaving_top_k")
FEEDBACK_FREE_PATH = Path(__file__).with_name("feedback_free.json")
SAMPLE_USERS, SAMPLE_SEED = 5000, 20251216  # the README's `make sample` command


@dataclass(frozen=True)
class RollingReport:
    """The rolling evaluation among eligible people.

    summary: region ('All' or a schema.REGIONS id), metric (METRICS), variant (VARIANTS),
      value, ci_low, ci_high (95% paired bootstrap over people), and the denominators:
      n_people (eligible people with a clicked week: the bootstrap unit), n_eligible_people,
      n_person_weeks (eligible person-weeks), n_slots (person-app-weeks with a click: what the
      metric averages; for AUC only those with an unclicked topic too), n_clicks.
    weeks: week_start (UTC date), eligible_people, slots_with_clicks, clicks.
    """

    summary: pd.DataFrame
    weeks: pd.DataFrame
    k: int
    n_boot: int
    without: str

    def row(self, metric: str, variant: str = "difference", region: str = "All") -> pd.Series:
        s = self.summary
        hit = s[(s["metric"] == metric) & (s["variant"] == variant) & (s["region"] == region)]
        if hit.empty:
            return pd.Series({c: np.nan for c in SUMMARY_COLUMNS})
        return hit.iloc[0]

    def value(self, metric: str, variant: str = "difference", region: str = "All") -> float:
        return float(self.row(metric, variant, region)["value"])

    def to_dict(self) -> dict:
        return {"k": self.k, "n_boot": self.n_boot, "without": self.without,
                "summary": self.summary.to_dict("records"),
                "weeks": self.weeks.astype({"week_start": str}).to_dict("records")}

    @classmethod
    def from_dict(cls, data: dict) -> RollingReport:
        weeks = pd.DataFrame(data["weeks"], columns=list(WEEK_COLUMNS))
        weeks["week_start"] = pd.to_datetime(weeks["week_start"]).dt.date
        return cls(summary=pd.DataFrame(data["summary"], columns=list(SUMMARY_COLUMNS)),
                   weeks=weeks, k=int(data["k"]), n_boot=int(data["n_boot"]),
                   without=str(data["without"]))


# --- weeks and eligibility ---------------------------------------------------------------------
def _policy_ms(scenario: Scenario) -> int:
    return int(pd.Timestamp(scenario.policy_start, tz="UTC").value // 10**6)


def week_starts(prepared, scenario: Scenario) -> np.ndarray:
    """Starts (ms, UTC) of the evaluated weeks: aligned on the policy start, beginning at least
    MIN_HISTORY_DAYS after the first event, each ending by the last event and by the end of
    the scenario's as_of day (only whole weeks)."""
    ms = prepared.codes.event_ms
    if len(ms) == 0:
        return np.zeros(0, dtype=np.int64)
    first = int(ms.min()) + MIN_HISTORY_DAYS * DAY_MS
    end = min(int(ms.max()) + 1, as_of_ms(scenario))
    anchor = _policy_ms(scenario)
    k0 = -((anchor - first) // WEEK_MS)  # ceil((first - anchor) / WEEK_MS)
    starts = anchor + WEEK_MS * np.arange(k0, (end - anchor) // WEEK_MS + 1, dtype=np.int64)
    return starts[(starts >= first) & (starts + WEEK_MS <= end)]


def first_counted_chat(prepared, scenario: Scenario) -> np.ndarray:
    """Per person, the time (ms) of their first AI chat that counts for ads in at least one ad
    app under the scenario's rules (int64 max when none)."""
    codes = prepared.codes
    chats = codes.signals["ai_chat"]
    rules = chat_rules(codes, scenario)
    counted = rules.counts_for[:, :len(schema.AD_APPS)].any(axis=1)
    out = np.full(codes.n_users, np.iinfo(np.int64).max, dtype=np.int64)
    np.minimum.at(out, chats.user[counted], chats.ms[counted])
    return out


def eligible_at(prepared, scenario: Scenario, cut_ms: int,
                first_chat: np.ndarray | None = None) -> np.ndarray:
    """Bool per person: can have the AI-chat signal at `cut_ms` — a Meta AI user with a chat
    that counts under the scenario (so in a region where the signal is used) before the cut."""
    first_chat = first_counted_chat(prepared, scenario) if first_chat is None else first_chat
    return np.asarray(prepared.uses_meta_ai, dtype=bool) & (first_chat < cut_ms)


# --- per-slot metrics ---------------------------------------------------------------------------
def slot_metrics(score: np.ndarray, label: np.ndarray, k: int
                 ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """precision@k, recall@k and AUC per row (a person's ad app in one week) of a (rows ×
    topics) score matrix against clicked topics; AUC counts ties half and is NaN when every
    topic was clicked. Top-k ties go to the lower topic index, as in ranking."""
    n, t = score.shape
    k = min(k, t)
    if n == 0:
        empty = np.zeros(0)
        return empty, empty.copy(), empty.copy()
    top = ranking._top_k(score.copy(), k)
    hits = np.take_along_axis(label, top, axis=1).sum(axis=1)
    positives = label.sum(axis=1)
    negatives = t - positives
    ranks = average_ranks(score)  # ties count half
    with np.errstate(invalid="ignore", divide="ignore"):
        auc = (np.where(label, ranks, 0.0).sum(axis=1) - positives * (positives + 1) / 2) / (
            positives * negatives)
    auc[negatives == 0] = np.nan
    return hits / k, hits / positives, auc


def average_ranks(score: np.ndarray) -> np.ndarray:
    """Ranks (1 = lowest) within each row, tied values sharing their average rank: what
    scipy.stats.rankdata(score, axis=1) gives, without importing scipy.stats (about 1 s on
    the dashboard's first page)."""
    n, t = score.shape
    order = np.argsort(score, axis=1, kind="stable")
    ordered = np.take_along_axis(score, order, axis=1)
    position = np.broadcast_to(np.arange(1, t + 1, dtype=float), (n, t))
    starts = np.ones((n, t), dtype=bool)
    starts[:, 1:] = ordered[:, 1:] != ordered[:, :-1]
    ends = np.ones((n, t), dtype=bool)
    ends[:, :-1] = starts[:, 1:]
    first = np.maximum.accumulate(np.where(starts, position, 0.0), axis=1)
    last = np.minimum.accumulate(np.where(ends, position, t + 1.0)[:, ::-1], axis=1)[:, ::-1]
    ranks = np.empty((n, t))
    np.put_along_axis(ranks, order, (first + last) / 2, axis=1)
    return ranks


def _refit_without_ai_chat(prepared, scenario: Scenario) -> ClickModel:
    """The click model learned again on the same training weeks with the AI-chat feature off."""
    data = ranking.training_data(prepared.codes, prepared.impressions,
                                 scenario.with_(ai_chat=False))
    if data.n_clicks < ranking.MIN_CLICKS or not len(data.y):
        return prepared.click_model
    return ranking.fit_click_model(data.x, data.y, data.sample_weight)


def _base_scores(model: ClickModel, feats: Features, user: np.ndarray, topics: np.ndarray
                 ) -> np.ndarray:
    """Click log-odds without the AI-chat term for rows `user` over `topics`."""
    out = np.full((len(user), len(topics)), model.intercept)
    for signal in schema.SIGNALS:
        w = model.weight[signal]
        if signal != "ai_chat" and w != 0.0:
            out += w * feats.by_signal[signal][user[:, None], topics[None, :]]
    return out


@dataclass(frozen=True, eq=False)
class _Slots:
    """Every person-app-week with a click among eligible people: person, and the per-slot
    metric values (with, without) in METRICS order."""

    user: np.ndarray
    values: dict[str, tuple[np.ndarray, np.ndarray]]
    clicks: np.ndarray  # clicked impressions per slot


def _codes_of(codes: EventCodes, people: np.ndarray) -> EventCodes:
    """The event codes of `people` only, renumbered 0..len-1.

    A person's features depend only on their own events and the dataset-wide similar-topics
    map (kept), so `features` on these codes gives exactly those people's rows of the full
    features (tested) at a fraction of the cost: the weeks only need people with a click.
    Only what `features` and `chat_rules` read is kept; the per-slot sort for `features_at`
    is left empty.
    """
    new = np.full(codes.n_users, -1, dtype=np.int64)
    new[people] = np.arange(len(people))
    empty = np.zeros(0, dtype=np.int64)
    subset = {}
    for name, ev in codes.signals.items():
        keep = np.flatnonzero(new[ev.user] >= 0)
        subset[name] = dataclasses.replace(
            ev, row=ev.row[keep], user=new[ev.user[keep]], topic=ev.topic[keep],
            days=ev.days[keep], ms=ev.ms[keep], weight=ev.weight[keep],
            sensitive={k: v[keep] for k, v in ev.sensitive.items()}, app=ev.app[keep],
            order=empty, key=empty, group=empty, first_days=np.zeros(0))
    sub = dataclasses.replace(codes, user_ids=codes.user_ids[people],
                              country=codes.country[people], region=codes.region[people],
                              region_code=codes.region_code[people],
                              linked=codes.linked[people], signals=subset)
    return sub


def _collect(prepared, scenario: Scenario, k: int, without: str
             ) -> tuple[_Slots, pd.DataFrame, np.ndarray, np.ndarray]:
    """Score every week: the slots, the weeks frame, eligible person-weeks per person and
    whether each person was ever eligible."""
    codes, imp, model = prepared.codes, prepared.impressions, prepared.click_model
    n_users, n_apps = codes.n_users, len(schema.AD_APPS)
    with_ai = scenario.with_(ai_chat=True)
    first_chat = first_counted_chat(prepared, with_ai)
    allowed = np.flatnonzero(rankable_topics(scenario, prepared.topic_ads_count > 0))
    topic_pos = np.full(len(schema.ALL_TOPICS) + 1, -1)
    topic_pos[allowed] = np.arange(len(allowed))
    n_t = len(allowed)
    clicked = imp.clicked & (imp.app >= 0) & (imp.app < n_apps) & (topic_pos[imp.topic] >= 0)
    cu, ca = imp.user[clicked], imp.app[clicked]
    ct, cms = topic_pos[imp.topic[clicked]], imp.ms[clicked]
    person_weeks = np.zeros(n_users, dtype=np.int64)
    weeks, labelled = [], []
    # First pass: who is eligible each week and what they clicked (no features needed).
    for start in week_starts(prepared, scenario):
        eligible = eligible_at(prepared, with_ai, int(start), first_chat)
        person_weeks += eligible
        sel = (cms >= start) & (cms < start + WEEK_MS) & eligible[cu]
        cell, per_cell = np.unique((cu[sel] * n_apps + ca[sel]) * n_t + ct[sel],
                                   return_counts=True)
        slot, slot_of_cell = np.unique(cell // n_t, return_inverse=True)
        week_date = pd.Timestamp(int(start), unit="ms", tz="UTC").date()
        weeks.append((week_date, int(eligible.sum()), len(slot), int(sel.sum())))
        if len(slot):
            labelled.append((int(start), cell, per_cell, slot, slot_of_cell))
    people = np.unique(np.concatenate([w[3] // n_apps for w in labelled])) if labelled else (
        np.zeros(0, dtype=np.int64))
    sub = _codes_of(codes, people)
    rules = chat_rules(sub, with_ai)
    model_without = _refit_without_ai_chat(prepared, scenario) if without == "refit" else model
    users, clicks_per_slot = [], []
    values: dict[str, tuple[list, list]] = {m: ([], []) for m in METRICS}
    for start, cell, per_cell, slot, slot_of_cell in labelled:
        label = np.zeros((len(slot), n_t), dtype=bool)
        label[slot_of_cell, cell % n_t] = True
        su, sa = slot // n_apps, slot % n_apps
        local = np.searchsorted(people, su)
        # Features strictly before the week's start: the cut is the week's first ms.
        feats = features(sub, with_ai, cut_ms=start, rules=rules)
        chat = model.weight["ai_chat"] * feats.ai_chat[sa[:, None], local[:, None],
                                                        allowed[None, :]]
        base = _base_scores(model, feats, local, allowed)
        base_without = base if model_without is model else _base_scores(
            model_without, feats, local, allowed)
        del feats
        with_ = slot_metrics(base + chat, label, k)
        without_ = slot_metrics(base_without, label, k)
        for i, metric in enumerate(METRICS):
            values[metric][0].append(with_[i])
            values[metric][1].append(without_[i])
        users.append(su)
        clicks_per_slot.append(np.bincount(slot_of_cell, weights=per_cell,
                                           minlength=len(slot)).astype(np.int64))
    slots = _Slots(user=_concat(users, np.int64),
                   values={m: (_concat(a), _concat(b)) for m, (a, b) in values.items()},
                   clicks=_concat(clicks_per_slot, np.int64))
    weeks_frame = pd.DataFrame(weeks, columns=list(WEEK_COLUMNS))
    return slots, weeks_frame, person_weeks, first_chat < np.iinfo(np.int64).max


def _concat(parts: list[np.ndarray], dtype=np.float64) -> np.ndarray:
    return np.concatenate(parts) if parts else np.zeros(0, dtype)


def _summarise(prepared, slots: _Slots, person_weeks: np.ndarray, ever: np.ndarray,
               n_boot: int, seed: int) -> pd.DataFrame:
    """Per region and metric: Σ with / Σ slots and Σ without / Σ slots over the people, with
    the Poisson bootstrap over people of `quality.poisson_sums` (one draw of weights for every
    region and metric: a person weighs the same in each)."""
    codes = prepared.codes
    people, local = np.unique(slots.user, return_inverse=True)
    region_of_person = codes.region_code[people]
    n_weeks_region = np.bincount(codes.region_code, weights=person_weeks,
                                 minlength=len(schema.REGIONS))
    eligible_region = np.bincount(codes.region_code, weights=ever & (person_weeks > 0),
                                  minlength=len(schema.REGIONS))
    present = [r for i, r in enumerate(schema.REGIONS) if n_weeks_region[i] > 0]
    groups = ["All", *present]
    n = len(people)
    # Per person, group and metric: Σ with, Σ without and the slots they average over.
    values = np.zeros((n, len(groups), len(METRICS), 3))
    in_group = np.column_stack([np.ones(n, dtype=bool)] + [
        region_of_person == schema.REGIONS.index(r) for r in present]) if n else \
        np.zeros((0, len(groups)), dtype=bool)
    for j, metric in enumerate(METRICS):
        a, b = slots.values[metric]
        ok = ~np.isnan(a)
        per_person = np.column_stack([np.bincount(local[ok], a[ok], minlength=n),
                                      np.bincount(local[ok], b[ok], minlength=n),
                                      np.bincount(local[ok], minlength=n)])
        values[:, :, j] = in_group[:, :, None] * per_person[:, None, :]
    keys = quality._keys(prepared)[people]
    n_cols = len(groups) * len(METRICS) * 3
    boot = quality.poisson_sums(keys, values.reshape(n, n_cols), n_boot, seed).reshape(
        n_boot, *values.shape[1:])
    rows = []
    for g, region in enumerate(groups):
        if region == "All":
            n_pw, n_el = int(person_weeks.sum()), int((ever & (person_weeks > 0)).sum())
        else:
            idx = schema.REGIONS.index(region)
            n_pw, n_el = int(n_weeks_region[idx]), int(eligible_region[idx])
        n_people = int(in_group[:, g].sum())
        slot_in = in_group[local, g]
        for j, metric in enumerate(METRICS):
            ok = slot_in & ~np.isnan(slots.values[metric][0])
            cis = quality.ratio_intervals(values[:, g, j].sum(axis=0), boot[:, g, j])
            for variant, (v, lo, hi) in zip(VARIANTS, cis, strict=True):
                rows.append((region, metric, variant, v, lo, hi, n_people, n_el, n_pw,
                             int(ok.sum()), int(slots.clicks[ok].sum())))
    return pd.DataFrame(rows, columns=list(SUMMARY_COLUMNS))


def evaluate(prepared, scenario: Scenario | None = None, k: int = 5, n_boot: int = 200,
             seed: int = 0, without: str = "removed") -> RollingReport:
    """The rolling next-week evaluation, with and without the AI-chat signal (the rest of the
    scenario unchanged), among the people who can have the signal; cached per dataset."""
    scenario = scenario or Scenario()
    if without not in WITHOUT_MODES:
        raise ValueError(f"without must be one of {', '.join(WITHOUT_MODES)}, not {without!r}")
    key = (scenario.with_(ai_chat=True), k, n_boot, seed, without)

    def build() -> RollingReport:
        slots, weeks, person_weeks, ever = _collect(prepared, scenario, k, without)
        summary = _summarise(prepared, slots, person_weeks, ever, n_boot, seed)
        return RollingReport(summary=summary, weeks=weeks, k=k, n_boot=n_boot, without=without)

    return quality._cached(prepared, "rolling", key, build)


# --- reach -------------------------------------------------------------------------------------
def reach(prepared, scenario: Scenario | None = None, k: int = 5) -> pd.DataFrame:
    """How far the signal reaches into the top-k ads as of the scenario's day, over everyone
    and among the people who can have it (REACH_COLUMNS): ads_with_ai_chat is the share of
    ranked ads with a positive AI-chat contribution (as the engine's signal shares);
    ads_leaving_top_k the share that would not be in the person's top k in that app without
    the signal (same click model, AI-chat contribution removed)."""
    scenario = scenario or Scenario()
    codes = prepared.codes
    rules = chat_rules(codes, scenario)
    feats = features(codes, scenario, rules=rules)
    allowed = rankable_topics(scenario, prepared.topic_ads_count > 0)
    model = prepared.click_model
    picks = rank(feats, model, allowed, k)
    alone = rank(quality._without_ai_chat(feats), model, allowed, k)
    n_users = codes.n_users
    key = lambda p: (p.app * n_users + p.user) * len(schema.ALL_TOPICS) + p.topic  # noqa: E731
    leaves = ~np.isin(key(picks), key(alone))
    with_chat = model.weight["ai_chat"] * feats.ai_chat[picks.app, picks.user, picks.topic] > 0
    eligible = eligible_at(prepared, scenario, as_of_ms(scenario))
    rows = []
    for population, person_ok in (("everyone", np.ones(n_users, dtype=bool)),
                                  ("eligible", eligible)):
        sel = person_ok[picks.user]
        n = int(sel.sum())
        rows.append((population, int(person_ok.sum()), n,
                     float(with_chat[sel].mean()) if n else np.nan,
                     float(leaves[sel].mean()) if n else np.nan))
    return pd.DataFrame(rows, columns=list(REACH_COLUMNS))


# --- feedback-free world -----------------------------------------------------------------------
def feedback_free(n_users: int, seed: int, params=None, scenario: Scenario | None = None,
                  k: int = 5, n_boot: int = 200, without: str = "removed",
                  start: str = "2025-11-01", end: str = "2026-01-31",
                  click_model: ClickModel | None = None) -> RollingReport:
    """The same evaluation on the population generated with the same size, seed, window and
    parameters but no chat targeting by the platform (`SimParams.chat_boost = 0`): what the
    signal is worth when clicks are not partly caused by ads it placed itself.

    `click_model`: rank the twin with the world's own click model (what the callers here
    do), so the two worlds differ only in how their clicks came about. A model fitted on the
    twin (None) can drop the AI-chat weight altogether (on the calibrated 5,000-person sample
    it comes out 0), which would read as "all of the value is feedback" for a reason that has
    nothing to do with the data."""
    from adlens.engine import dataset_from_frames, prepare
    from adlens.simulate import SimParams, generate_frames

    params = dataclasses.replace(params or SimParams(), chat_boost=0.0)
    frames = generate_frames(n_users, seed, start=start, end=end, params=params)
    prepared = prepare(dataset_from_frames(frames, source="Feedback-free twin"))
    if click_model is not None:
        prepared = dataclasses.replace(prepared, click_model=click_model)
    return evaluate(prepared, scenario, k=k, n_boot=n_boot, without=without)


def _tuples(value):
    """JSON lists back to the tuples SimParams holds."""
    return tuple(_tuples(v) for v in value) if isinstance(value, list) else value


def twin_of(meta: dict | None) -> dict | None:
    """The arguments of `feedback_free` for a generated dataset, from its description
    (`Dataset.meta`, the generator's dataset.json): size, seed, window and every generator
    parameter; None when the dataset does not say how it was generated."""
    from adlens.simulate import SimParams

    if not meta or "n_users" not in meta or "seed" not in meta:
        return None
    known = {f.name for f in dataclasses.fields(SimParams)}
    values = {k: _tuples(v) for k, v in (meta.get("params") or {}).items() if k in known}
    window = {k: str(meta[k]) for k in ("start", "end") if meta.get(k)}
    return {"n_users": int(meta["n_users"]), "seed": int(meta["seed"]),
            "params": SimParams(**values), **window}


def feedback_share(report: RollingReport, free: RollingReport) -> pd.DataFrame:
    """Per region and metric: the value (difference) in the world, in its feedback-free twin,
    and the share of the world's value that the platform's own chat targeting accounts for."""
    a = report.summary[report.summary["variant"] == "difference"]
    b = free.summary[free.summary["variant"] == "difference"]
    both = a.merge(b, on=["region", "metric"], suffixes=("", "_free"))
    with np.errstate(invalid="ignore", divide="ignore"):
        share = 1.0 - both["value_free"] / both["value"]
    return pd.DataFrame({"region": both["region"], "metric": both["metric"],
                         "value": both["value"], "value_feedback_free": both["value_free"],
                         "share_from_feedback": share.where(both["value"] > 0)})


def store_feedback_free(data_dir: Path = ranking.SAMPLE_DIR, n_users: int = SAMPLE_USERS,
                        seed: int = SAMPLE_SEED, out: Path | None = FEEDBACK_FREE_PATH,
                        n_boot: int = 200) -> dict:
    """Compute the bundled sample's feedback-free twin and store its result with the sample's
    dataset_id (returns what it writes). The twin takes the sample's own description
    (dataset.json: size, seed, window, every generator parameter) when it has one, else
    `n_users`, `seed` and the default parameters; the sample must have `n_users` people."""
    from adlens.contract import load_dataset
    from adlens.engine import prepare

    dataset = load_dataset(data_dir)
    twin = twin_of(dataset.meta) or {"n_users": n_users, "seed": seed}
    if dataset.n_users != twin["n_users"]:
        raise ValueError(f"{data_dir} has {dataset.n_users:,} people, not {twin['n_users']:,}: "
                         "pass the size and seed it was generated with.")
    free = feedback_free(n_boot=n_boot, click_model=prepare(dataset).click_model, **twin)
    data = {"dataset_id": dataset.dataset_id, "n_users": twin["n_users"], "seed": twin["seed"],
            "world": "same size, seed and parameters, SimParams.chat_boost = 0, ranked by the "
                     "sample's click model",
            "from_dataset_description": dataset.meta is not None,
            "scenario": Scenario().to_dict(), **free.to_dict()}
    if out is not None:
        Path(out).write_text(json.dumps(_json_safe(data), indent=1) + "\n")
    return data


def _json_safe(value):
    """JSON-safe: NaN becomes null, numpy scalars plain numbers."""
    if isinstance(value, dict):
        return {str(k): _json_safe(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_json_safe(v) for v in value]
    if isinstance(value, (np.floating, float)):
        return float(value) if np.isfinite(value) else None
    if isinstance(value, np.integer):
        return int(value)
    return value


def stored_for(dataset_id: str, path: Path) -> dict | None:
    """A stored result (JSON with a `dataset_id`) when it belongs to `dataset_id`, else None
    (missing, unreadable or computed for other data)."""
    try:
        data = json.loads(Path(path).read_text())
    except (OSError, ValueError):
        return None
    return data if data.get("dataset_id") == dataset_id else None


def stored_feedback_free(dataset_id: str, path: Path = FEEDBACK_FREE_PATH
                         ) -> RollingReport | None:
    """The stored feedback-free result when `dataset_id` is the dataset it was computed for."""
    data = stored_for(dataset_id, path)
    if data is None:
        return None
    report = RollingReport.from_dict(data)
    summary = report.summary.astype({c: float for c in ("value", "ci_low", "ci_high")})
    return dataclasses.replace(report, summary=summary)


# --- command line ------------------------------------------------------------------------------
def main(argv: list[str] | None = None) -> int:
    """Without --data: rebuild the sample's stored feedback-free result. With --data or
    --users/--seed and --compare: print a world's evaluation next to its feedback-free twin."""
    parser = argparse.ArgumentParser(prog="python -m adlens.rolling", description=main.__doc__)
    parser.add_argument("--users", type=int, default=SAMPLE_USERS)
    parser.add_argument("--seed", type=int, default=SAMPLE_SEED)
    parser.add_argument("--compare", action="store_true",
                        help="generate --users/--seed, evaluate it and its feedback-free twin")
    parser.add_argument("--boot", type=int, default=200)
    args = parser.parse_args(argv)
    if not args.compare:
        data = store_feedback_free(n_users=args.users, seed=args.seed, n_boot=args.boot)
        print(f"stored {FEEDBACK_FREE_PATH.name} for dataset {data['dataset_id']}")
        return 0
    from adlens.engine import dataset_from_frames, prepare
    from adlens.simulate import generate_frames

    began = time.perf_counter()
    prepared = prepare(dataset_from_frames(generate_frames(args.users, args.seed)))
    world = evaluate(prepared, n_boot=args.boot)
    free = feedback_free(args.users, args.seed, n_boot=args.boot,
                         click_model=prepared.click_model)
    for name, report in (("world", world), ("feedback-free twin", free)):
        print(f"== {name} ({args.users:,} people, seed {args.seed})")
        print(format_summary(report))
    print(feedback_share(world, free).to_string(index=False))
    print(f"{time.perf_counter() - began:.1f}s", file=sys.stderr)
    return 0


def format_summary(report: RollingReport) -> str:
    """The differences with intervals and denominators, one line per region and metric."""
    s = report.summary
    lines = []
    for row in s[s["variant"] == "difference"].itertuples(index=False):
        scale = 1 if row.metric == "auc" else 100
        unit = "" if row.metric == "auc" else " points"
        lines.append(
            f"{row.region:>5} {METRIC_LABELS[row.metric]:<27} {row.value * scale:+.3f}{unit} "
            f"[{row.ci_low * scale:+.3f}, {row.ci_high * scale:+.3f}]  people {row.n_people:,} "
            f"of {row.n_eligible_people:,} eligible, person-weeks {row.n_person_weeks:,}, "
            f"clicked person-app-weeks {row.n_slots:,}, clicks {row.n_clicks:,}")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())

"""Recall timelines: conversations followed by a noticed ad, and the exposures that came before.

Also owns the microphone counterfactual, the event study that tells it from the observed data,
and the CLI command `recall`.

A *coincidence* is a conversation about a topic (an offline `conversation` the person reported,
or separately an `ai_chat`) followed within `window_hours` by an ad on that topic the person
noticed (an `ad_impression` with dwell of at least `notice_ms`, or an `ad_click`). When several
conversations of the same kind precede the same noticed ad, the latest one is kept. For each
coincidence the *prior exposures* are the person's impressions of ads on the topic in the
`lookback_days` before the conversation; the memory model (`adlens.memory`) gives each one's
chance of having been encoded and of being recalled at the conversation, and the combined
implicit priming at that moment. The engine's attribution of the later ad (`attribute_at`, at
the moment it was shown) gives the signals that explain it: those contributing at least
`EXPLAIN_SHARE` of its positive contributions, largest first.

Labels, first matching rule wins (`LABEL_RULES`, shown on the Method page):

1. "seen before and remembered": some prior exposure would still be recalled at the conversation
   with probability ≥ `recall_threshold` (0.5). The person could have known; it is not a case of
   "not realising".
2. "seen before and forgotten": a prior exposure at least as long as the encoding threshold
   (0.25 s, where recall becomes measurable) exists, but none is likely to be recalled. This is
   Instagram's claim: the topic reached the person before they talked about it. It outranks the
   signal-based labels because it answers the question the person asks ("how did it know what
   we said?") by chronology: the exposure explains the conversation, while signals only explain
   why the later ad was chosen.
3. "explained by the AI chat itself": no perceptible prior exposure, and the AI-chat signal is
   the largest contributor to the later ad. Not overheard, but it feels the same.
4. "explained by other signals": other signals (likes, follows, site visits, similar people...)
   explain the later ad.
5. "chance": nothing in the data explains it.

Microphone counterfactual (never a signal; an explicitly labelled "what the data would look like
if ads were triggered by listening"): for each offline conversation, the person's exposures to
the topic from 14 days before to 7 days after are rebuilt. Before the conversation they stay at
the person's own usual rate on the topic (their exposures on it outside those 21 days, per day):
interest-driven targeting is kept, only the anticipation goes, since a listening platform cannot
know of the conversation before it happens. The exposures removed — the window's excess over
that rate — are re-injected after the conversation, decaying with a 2-day half-life over days
0..6, so each conversation keeps its total (a window with no excess gets nothing injected).
Only conversations whose whole 21-day window lies inside the data are studied.

The event study compares, per day, exposures on the topic per person-day in both worlds; the
statistic is the difference in the share of the ±7-day exposures that come before the
conversation (observed minus microphone), with a bootstrap interval over conversations.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from adlens import schema
from adlens.memory import (
    DEFAULT_PARAMS,
    MemoryParams,
    combine,
    p_encoded,
    p_noticed,
    p_recall,
    priming,
)
from adlens.scenario import Scenario

KINDS: tuple[str, ...] = ("conversation", "ai_chat")
REMEMBERED = "seen before and remembered"
FORGOTTEN = "seen before and forgotten"
AI_CHAT_ITSELF = "explained by the AI chat itself"
OTHER_SIGNALS = "explained by other signals"
CHANCE = "chance"
LABELS: tuple[str, ...] = (REMEMBERED, FORGOTTEN, AI_CHAT_ITSELF, OTHER_SIGNALS, CHANCE)
LABEL_RULES: list[dict[str, str]] = [
    {"label": REMEMBERED,
     "rule": "An ad on the topic seen in the lookback would still be recalled at the "
             "conversation with probability ≥ 0.5 (p_recall_max ≥ the recall threshold, 0.5 "
             "by default).",
     "why": "The person could have known they had seen it: not a case of 'not realising'."},
    {"label": FORGOTTEN,
     "rule": "An ad on the topic was on screen in the lookback for at least the encoding "
             "threshold (0.25 s by default), but none would likely be recalled "
             "(p_recall_max < 0.5).",
     "why": "Instagram's claim: the topic reached the person before they talked about it. The "
            "chronology explains the conversation, so it outranks signals, which only explain "
            "why the later ad was chosen."},
    {"label": AI_CHAT_ITSELF,
     "rule": "No perceptible prior exposure; the AI-chat signal is the largest contributor to "
             "the later ad.",
     "why": "Not overheard, but it feels the same: what the person told Meta AI chose the ad."},
    {"label": OTHER_SIGNALS,
     "rule": "No perceptible prior exposure; other signals each give at least 5% of the later "
             "ad's positive contributions.",
     "why": "Likes, follows, site visits, friends and similar people already pointed there."},
    {"label": CHANCE,
     "rule": "None of the above.",
     "why": "Nothing in the data explains it; coincidences also happen by chance."},
]
EXPLAIN_SHARE = 0.05  # a signal explains an ad if it gives ≥ 5% of its positive contributions
OBSERVED = "observed"
MICROPHONE = "microphone (counterfactual)"
WORLDS: tuple[str, ...] = (OBSERVED, MICROPHONE)
STUDY_DAYS_BEFORE = 14
STUDY_DAYS_AFTER = 7
STAT_DAYS = 7  # the ±window the statistic compares
TRIGGER_HALF_LIFE_DAYS = 2.0  # how a listening platform's injected campaign fades
MAX_BOOT_UNITS = 10_000  # above this many conversations, resample random groups of them
# Draw counts held at once by the bootstrap (about 4 MB of int64 working arrays): a fixed cost
# whatever the population; the resamples do not depend on it.
BOOT_COUNTS_PER_CHUNK = 250_000
ALL = "All"

_HOUR_MS = 3_600_000
_DAY_MS = 24 * _HOUR_MS

Attribute = Callable[[Scenario, pd.DataFrame], pd.DataFrame]


# --- time and group keys ----------------------------------------------------------------------
def _ms(ts: pd.Series) -> np.ndarray:
    return ts.dt.as_unit("ms").astype("int64").to_numpy()


class _Timeline:
    """Times of one kind of event, sorted by (person, topic) group and time, so the events of a
    group inside a time range are found with two binary searches for many queries at once."""

    def __init__(self, group: np.ndarray, t_ms: np.ndarray, t0: int, span: int) -> None:
        self.t0, self.span = t0, span
        key = self._key(group, t_ms)
        self.order = np.argsort(key, kind="stable")
        self.key = key[self.order]
        self.group = group[self.order]
        self.t = t_ms[self.order]

    def _key(self, group: np.ndarray, t_ms: np.ndarray) -> np.ndarray:
        offset = np.clip(t_ms - self.t0, 0, self.span - 1)
        return group.astype(np.int64) * np.int64(self.span) + offset

    def search(self, group: np.ndarray, t_ms: np.ndarray, side: str = "left") -> np.ndarray:
        return np.searchsorted(self.key, self._key(group, t_ms), side=side)


# --- the inputs -------------------------------------------------------------------------------
@dataclass(frozen=True, eq=False)
class RecallInputs:
    """The events the recall model reads, as numbers: `row` (position in `source`), `g` (one
    integer per person and topic), `t` (ms since the epoch). Strings are looked up in `source`
    only for the few rows that end up in a result."""

    source: pd.DataFrame  # the events as given
    topics: pd.Index  # topic code -> topic
    talks: pd.DataFrame  # conversations and AI chats with a topic: row, g, t, is_chat
    impressions: pd.DataFrame  # all ad impressions: row, g, t, dwell_ms
    noticed: pd.DataFrame  # impressions with dwell ≥ notice_ms, and clicks: row, g, t
    users: pd.DataFrame
    t_min: int
    t_max: int
    n_groups: int

    def timeline_span(self, pad_ms: int) -> tuple[int, int]:
        """Origin and width of the time axis of a `_Timeline` for queries up to `pad_ms` beyond
        the data; refuses data too long for the 63-bit keys."""
        t0 = self.t_min - pad_ms - 1
        span = self.t_max + pad_ms + 2 - t0
        if max(self.n_groups, 1) * span >= 2**62:
            raise ValueError("The data span too long a period for the recall timelines; "
                             "choose an earlier as-of date or a shorter dataset.")
        return t0, span


def _codes(values: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Integer codes (-1 where missing) and the distinct values, as strings."""
    codes, uniques = pd.factorize(values)
    return codes, np.asarray(pd.Index(uniques).astype(str), dtype=object)


def build_inputs(events: pd.DataFrame, ads: pd.DataFrame, users: pd.DataFrame,
                 as_of: dt.date | None = None, notice_ms: float = 1000,
                 event_topic: np.ndarray | None = None) -> RecallInputs:
    """The numeric timelines of conversations, chats, impressions and noticed ads, counting
    events up to the end of `as_of`. `event_topic`: the engine's topic of each event (index
    into `schema.ALL_TOPICS`, -1 unknown; chats inferred by its text model); without it, the
    `topic` column is used."""
    ev = events
    t_all = _ms(ev["ts"]) if len(ev) else np.zeros(0, np.int64)
    in_time = np.ones(len(ev), bool)
    if as_of is not None:
        end = pd.Timestamp(as_of + dt.timedelta(days=1), tz="UTC")
        in_time = t_all < end.value // 1_000_000
    t_min = int(t_all[in_time].min()) if in_time.any() else 0
    t_max = int(t_all[in_time].max()) if in_time.any() else 0

    etype = ev["event_type"]
    is_chat = etype.eq("ai_chat").to_numpy(dtype=bool, na_value=False)
    is_talk = is_chat | etype.eq("conversation").to_numpy(dtype=bool, na_value=False)
    is_imp = etype.eq("ad_impression").to_numpy(dtype=bool, na_value=False)
    is_click = etype.eq("ad_click").to_numpy(dtype=bool, na_value=False)
    is_ad = is_imp | is_click

    # Factorising whole columns is far cheaper than taking string subsets of them.
    u_code, _ = _codes(ev["user_id"])
    if event_topic is None:
        tp_code, tp_uni = _codes(ev["topic"])
    else:
        tp_code = np.asarray(event_topic, dtype=np.int64)
        tp_uni = np.asarray(schema.ALL_TOPICS, dtype=object)
    ad_code, ad_uni = _codes(ev["ad_id"])
    ad_topic = ads.drop_duplicates("ad_id").set_index("ad_id")["topic"].astype(str)
    ad_uni_topic = pd.Series(ad_uni).map(ad_topic).fillna("").astype(str).to_numpy(dtype=object)
    topics = pd.Index(pd.unique(np.concatenate([tp_uni, ad_uni_topic])))
    topics = topics[topics != ""]
    tp_to = np.append(topics.get_indexer(tp_uni), -1)  # code -1 (missing) stays -1
    ad_to = np.append(topics.get_indexer(ad_uni_topic), -1)
    topic = np.where(is_ad, ad_to[ad_code], tp_to[tp_code])

    keep = (is_talk | is_ad) & in_time & (topic >= 0) & (u_code >= 0)
    n_topics = max(len(topics), 1)
    g = u_code.astype(np.int64) * n_topics + topic
    dwell = ev["dwell_ms"].to_numpy(dtype=float, na_value=np.nan)

    def pick(mask: np.ndarray, **extra: np.ndarray) -> pd.DataFrame:
        rows = np.flatnonzero(mask & keep)
        cols = {"row": rows, "g": g[rows], "t": t_all[rows]}
        cols.update({name: values[rows] for name, values in extra.items()})
        return pd.DataFrame(cols)

    talks = pick(is_talk, is_chat=is_chat, topic_code=topic)
    impressions = pick(is_imp, dwell_ms=dwell)
    noticed = pick(is_click | (is_imp & (np.nan_to_num(dwell) >= notice_ms)))
    n_users = int(u_code.max()) + 1 if len(u_code) else 0
    return RecallInputs(ev, topics, talks, impressions, noticed, users, t_min, t_max,
                   n_users * n_topics)


# --- coincidences -----------------------------------------------------------------------------
def find_coincidences(
    frames: RecallInputs,
    params: MemoryParams = DEFAULT_PARAMS,
    window_hours: float = 48,
    lookback_days: float = 14,
    recall_threshold: float = 0.5,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Coincidences (one row each, without signals and labels) and their prior exposures
    (long: one row per coincidence and exposure)."""
    talks, noticed, imps, src = frames.talks, frames.noticed, frames.impressions, frames.source
    window_ms = int(round(window_hours * _HOUR_MS))
    lookback_ms = int(round(lookback_days * _DAY_MS))
    t0, span = frames.timeline_span(max(window_ms, lookback_ms))
    t_talk = talks["t"].to_numpy()
    g_talk = talks["g"].to_numpy()

    # The first noticed ad on the topic strictly after the conversation, within the window.
    seen = _Timeline(noticed["g"].to_numpy(), noticed["t"].to_numpy(), t0, span)
    pos = seen.search(g_talk, t_talk, side="right")
    pos_c = np.minimum(pos, max(len(seen.key) - 1, 0))
    if len(seen.key):
        hit = ((pos < len(seen.key)) & (seen.group[pos_c] == g_talk)
               & (seen.t[pos_c] <= t_talk + window_ms))
    else:
        hit = np.zeros(len(talks), bool)
    ad_row = noticed["row"].to_numpy()[seen.order[pos_c[hit]]]
    talk_row = talks["row"].to_numpy()[hit]
    kind = np.where(talks["is_chat"].to_numpy()[hit], "ai_chat", "conversation")
    t_co, g_co, t_ad = t_talk[hit], g_talk[hit], seen.t[pos_c[hit]]
    # Several conversations of a kind before the same noticed ad: keep the latest.
    pick = pd.DataFrame({"ad_row": ad_row, "kind": kind, "t": t_co}).sort_values(
        ["ad_row", "kind", "t"], kind="stable")
    pick = pick[~pick.duplicated(["ad_row", "kind"], keep="last")].index.to_numpy()
    ad_row, talk_row, kind = ad_row[pick], talk_row[pick], kind[pick]
    t_co, g_co, t_ad = t_co[pick], g_co[pick], t_ad[pick]
    topic = np.asarray(frames.topics, dtype=object)[talks["topic_code"].to_numpy()[hit][pick]]

    talk_src = src.iloc[talk_row]
    ad_src = src.iloc[ad_row]
    co = pd.DataFrame({
        "conversation_event_id": talk_src["event_id"].to_numpy(),
        "user_id": talk_src["user_id"].to_numpy(),
        "kind": kind,
        "topic": topic,
        "conversation_ts": talk_src["ts"].to_numpy(),
        "ad_event_id": ad_src["event_id"].to_numpy(),
        "ad_id": ad_src["ad_id"].to_numpy(),
        "app": ad_src["app"].to_numpy(),
        "ad_ts": ad_src["ts"].to_numpy(),
        "ad_event_type": ad_src["event_type"].to_numpy(),
        "ad_dwell_ms": ad_src["dwell_ms"].to_numpy(dtype=float, na_value=np.nan),
    })
    for col in ("conversation_event_id", "user_id", "kind", "topic", "ad_event_id", "ad_id",
                "app", "ad_event_type"):
        co[col] = co[col].astype(str)
    order = np.lexsort((kind, t_co, co["user_id"].to_numpy()))
    co, t_co, g_co, t_ad = co.iloc[order].reset_index(drop=True), t_co[order], g_co[order], \
        t_ad[order]
    co.insert(0, "coincidence_id", np.arange(len(co), dtype=np.int64))
    hours_after = (t_ad - t_co) / _HOUR_MS
    co["hours_to_ad"] = hours_after
    # A click is noticed by definition; an impression by its dwell, boosted after talking.
    co["p_noticed"] = np.where(co["ad_event_type"].to_numpy() == "ad_click", 1.0, p_noticed(
        np.nan_to_num(co["ad_dwell_ms"].to_numpy()), hours_after, params))

    # Prior exposures: every impression on the topic in [conversation - lookback, conversation).
    tl = _Timeline(imps["g"].to_numpy(), imps["t"].to_numpy(), t0, span)
    lo = tl.search(g_co, t_co - lookback_ms, side="left")
    hi = tl.search(g_co, t_co, side="left")
    n = hi - lo
    total = int(n.sum())
    owner = np.repeat(np.arange(len(co)), n)
    rank = np.arange(total) - np.repeat(np.cumsum(n) - n, n)  # earlier exposures in the lookback
    at = tl.order[np.repeat(lo, n) + rank]
    exp_src = src.iloc[imps["row"].to_numpy()[at]]
    dwell = imps["dwell_ms"].to_numpy()[at]
    t_exp = imps["t"].to_numpy()[at]
    age_h = (t_co[owner] - t_exp) / _HOUR_MS
    prior = pd.DataFrame({
        "coincidence_id": owner.astype(np.int64),
        "user_id": co["user_id"].to_numpy()[owner],
        "topic": co["topic"].to_numpy()[owner],
        "event_id": exp_src["event_id"].astype(str).to_numpy(),
        "ad_id": exp_src["ad_id"].astype(str).to_numpy(),
        "app": exp_src["app"].astype(str).to_numpy(),
        "ts": exp_src["ts"].to_numpy(),
        "dwell_ms": dwell,
        "hours_before": age_h,
        "n_prior": rank,
        "p_encoded": p_encoded(dwell, params),
        "p_recall": p_recall(dwell, age_h, params, n_prior=rank),
        "priming": priming(dwell, age_h, params),
        "perceptible": np.nan_to_num(dwell, nan=0.0) >= params.encoding_threshold_ms,
    })

    # Per coincidence, grouped once at the end.
    by = prior.groupby("coincidence_id", sort=True)
    ids = np.arange(len(co))
    agg = pd.DataFrame({
        "n_prior_exposures": by.size(),
        "n_perceptible": by["perceptible"].sum(),
        "p_recall_max": by["p_recall"].max(),
        "last_ms": pd.Series(t_exp, dtype=float).groupby(owner).max(),
    }).reindex(ids)
    co["n_prior_exposures"] = agg["n_prior_exposures"].fillna(0).astype(np.int64).to_numpy()
    co["n_perceptible"] = agg["n_perceptible"].fillna(0).astype(np.int64).to_numpy()
    co["p_recall_max"] = agg["p_recall_max"].fillna(0.0).to_numpy()
    recall_all = np.zeros(len(co))
    prime_all = np.zeros(len(co))
    if total:
        present = np.unique(owner)
        recall_all[present] = combine(prior["p_recall"].to_numpy(), owner)
        prime_all[present] = combine(prior["priming"].to_numpy(), owner)
    co["p_recall_any"] = recall_all
    co["priming"] = prime_all
    last_ms = agg["last_ms"].to_numpy(dtype=float)
    co["last_exposure_ts"] = pd.to_datetime(last_ms, unit="ms", utc=True)
    co["lead_hours"] = (t_co - last_ms) / _HOUR_MS
    co["remembered"] = co["p_recall_max"] >= recall_threshold
    co["forgotten_prior"] = (co["n_perceptible"] > 0) & ~co["remembered"]
    return co, prior


# --- signals and labels -----------------------------------------------------------------------
def explain(coincidences: pd.DataFrame, attribute: Attribute, scenario: Scenario,
            explain_share: float = EXPLAIN_SHARE) -> pd.DataFrame:
    """Which signals explain each coincidence's later ad, from the engine's attribution at the
    moment it was shown: `explained_by` (list, largest first) and `top_signal`."""
    n = len(coincidences)
    if n == 0:
        return pd.DataFrame({"explained_by": pd.Series([], dtype=object),
                             "top_signal": pd.Series([], dtype=str)})
    pairs = pd.DataFrame({
        "user_id": coincidences["user_id"].to_numpy(), "ad_id": coincidences["ad_id"].to_numpy(),
        "app": coincidences["app"].to_numpy(), "ts": coincidences["ad_ts"].to_numpy(),
    })
    pairs["ts"] = pd.to_datetime(pairs["ts"], utc=True)
    att = attribute(scenario, pairs)
    if len(att) != n:
        raise ValueError(f"The attribution returned {len(att)} rows for {n} ads.")
    signals = np.array(schema.SIGNALS, dtype=object)
    contrib = np.column_stack([
        att[f"contrib_{s}"].to_numpy(dtype=float) if f"contrib_{s}" in att else np.zeros(n)
        for s in schema.SIGNALS
    ])
    contrib = np.nan_to_num(contrib)
    positive = np.clip(contrib, 0.0, None).sum(axis=1)
    counts = contrib > np.maximum(explain_share * positive, 1e-12)[:, None]
    order = np.argsort(-contrib, axis=1, kind="stable")
    # The threshold keeps the largest contributions, so each list is a prefix of `order`.
    n_kept = counts.sum(axis=1)
    names = signals[order]
    explained = np.empty(n, dtype=object)
    explained[:] = [row[:k].tolist() for row, k in zip(names, n_kept, strict=True)]
    top = np.where(n_kept > 0, names[:, 0], "")
    return pd.DataFrame({"explained_by": explained, "top_signal": top.astype(str)})


def label(coincidences: pd.DataFrame, explained: pd.DataFrame) -> np.ndarray:
    """The label of each coincidence, first matching rule of `LABEL_RULES`."""
    has_signal = explained["explained_by"].map(len).to_numpy() > 0
    conditions = [
        coincidences["remembered"].to_numpy(bool),
        coincidences["forgotten_prior"].to_numpy(bool),
        explained["top_signal"].to_numpy() == "ai_chat",
        has_signal,
    ]
    return np.select(conditions, list(LABELS[:4]), default=CHANCE).astype(object)


# --- aggregates -------------------------------------------------------------------------------
def _with_all(frame: pd.DataFrame) -> pd.DataFrame:
    return pd.concat([frame.assign(region=ALL), frame], ignore_index=True)


def _region_order(values: pd.Series) -> pd.Categorical:
    return pd.Categorical(values, categories=(ALL, *schema.REGIONS), ordered=True)


def aggregates(co: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """Overall ('All') and per-region summaries of the coincidences."""
    both = _with_all(co[["region", "kind", "label", "label_ai_chat_on", "label_ai_chat_off",
                         "forgotten_prior", "n_prior_exposures", "lead_hours",
                         "top_signal_ai_chat_on", "p_recall_max", "priming"]])
    both["region"] = _region_order(both["region"])
    flags = pd.DataFrame({
        "region": both["region"],
        "n_conversation": both["kind"].eq("conversation"),
        "n_ai_chat": both["kind"].eq("ai_chat"),
        # The AI chat is the largest contributor to the ad, whatever the label: the person
        # was not overheard, but it feels the same.
        "n_ai_chat_explains": both["top_signal_ai_chat_on"].eq("ai_chat"),
        "n_label_ai_chat_on": both["label_ai_chat_on"].eq(AI_CHAT_ITSELF),
        "n_label_ai_chat_off": both["label_ai_chat_off"].eq(AI_CHAT_ITSELF),
    })
    counts = flags.groupby("region", observed=False).sum().astype(np.int64)
    by = both.assign(has_prior=both["n_prior_exposures"] > 0,
                     forgotten_prior=both["forgotten_prior"].astype(float)
                     ).groupby("region", observed=False)
    summary = pd.DataFrame({
        "n_coincidences": by.size(),
        "n_conversation": counts["n_conversation"],
        "n_ai_chat": counts["n_ai_chat"],
        "share_forgotten_prior": by["forgotten_prior"].mean(),
        "share_with_prior": by["has_prior"].mean(),
        "median_lead_hours": by["lead_hours"].median(),
        "mean_p_recall_max": by["p_recall_max"].mean(),
        "mean_priming": by["priming"].mean(),
        "n_ai_chat_explains": counts["n_ai_chat_explains"],
        "n_label_ai_chat_on": counts["n_label_ai_chat_on"],
        "n_label_ai_chat_off": counts["n_label_ai_chat_off"],
    }).reset_index()
    summary["region"] = summary["region"].astype(str)

    labels = (both.groupby(["region", "label"], observed=False).size().rename("count")
              .reset_index())
    switch_on = both.groupby(["region", "label_ai_chat_on"], observed=False).size()
    switch_off = both.groupby(["region", "label_ai_chat_off"], observed=False).size()
    full = pd.MultiIndex.from_product([both["region"].cat.categories, LABELS],
                                      names=["region", "label"])
    labels = labels.set_index(["region", "label"])["count"].reindex(full, fill_value=0)
    label_frame = labels.rename("count").reset_index()
    totals = label_frame.groupby("region")["count"].transform("sum")
    label_frame["share"] = np.where(totals > 0, label_frame["count"] / totals.where(totals > 0, 1),
                                    0.0)
    switch = pd.DataFrame({
        "ai_chat_on": switch_on.set_axis(switch_on.index.set_names(["region", "label"]))
        .reindex(full, fill_value=0),
        "ai_chat_off": switch_off.set_axis(switch_off.index.set_names(["region", "label"]))
        .reindex(full, fill_value=0),
    }).reset_index()
    for frame in (label_frame, switch):
        frame["region"] = frame["region"].astype(str)

    leads = both[both["lead_hours"].notna()]
    day = np.floor(leads["lead_hours"].to_numpy() / 24).astype(np.int64)
    lead = (pd.DataFrame({"region": leads["region"].to_numpy(), "lead_days": day})
            .groupby(["region", "lead_days"], observed=False).size().rename("count"))
    max_day = int(day.max()) + 1 if len(day) else 1
    grid = pd.MultiIndex.from_product([both["region"].cat.categories, range(max_day)],
                                      names=["region", "lead_days"])
    lead_frame = lead.reindex(grid, fill_value=0).reset_index()
    lead_frame["region"] = lead_frame["region"].astype(str)
    lt = lead_frame.groupby("region")["count"].transform("sum")
    lead_frame["share"] = np.where(lt > 0, lead_frame["count"] / lt.where(lt > 0, 1), 0.0)
    return {"summary": summary, "labels": label_frame, "ai_chat_switch": switch,
            "lead_time": lead_frame}


# --- the microphone counterfactual and the event study ----------------------------------------
def event_study(frames: RecallInputs, n_boot: int = 1000, seed: int = 0,
                confidence: float = 0.95, per_conversation: bool = False
                ) -> tuple[pd.DataFrame, dict[str, Any], pd.DataFrame | None]:
    """Exposures on a conversation's topic per person-day, 14 days before to 7 after, in the
    observed data and in the microphone world; the statistic that tells them apart; and, if
    asked, the per-conversation counts behind both (long: conversation, day, observed,
    microphone)."""
    talks = frames.talks[~frames.talks["is_chat"]]
    imps = frames.impressions
    days = np.arange(-STUDY_DAYS_BEFORE, STUDY_DAYS_AFTER)
    t_talk = talks["t"].to_numpy()
    eligible = ((t_talk - STUDY_DAYS_BEFORE * _DAY_MS >= frames.t_min)
                & (t_talk + STUDY_DAYS_AFTER * _DAY_MS <= frames.t_max))
    talks = talks[eligible]
    # Ordered like the timeline, so the many binary searches below walk it in order.
    talks = talks.iloc[np.lexsort((talks["t"].to_numpy(), talks["g"].to_numpy()))]
    t_talk, g_talk = talks["t"].to_numpy(), talks["g"].to_numpy()
    n_conv = len(talks)
    t0, span = frames.timeline_span((STUDY_DAYS_BEFORE + STUDY_DAYS_AFTER) * _DAY_MS)
    tl = _Timeline(imps["g"].to_numpy(), imps["t"].to_numpy(), t0, span)
    edges = np.arange(-STUDY_DAYS_BEFORE, STUDY_DAYS_AFTER + 1) * _DAY_MS
    at = tl.search(np.repeat(g_talk, len(edges)),
                   (t_talk[:, None] + edges[None, :]).ravel()).reshape(n_conv, len(edges))
    observed = np.diff(at, axis=1).astype(float)  # conversations × days

    # The person's own rate on the topic outside the study window: the interest-driven
    # targeting a listening platform would keep. Only the anticipation is taken away.
    outside_days = (frames.t_max - frames.t_min) / _DAY_MS - len(days)
    first = tl.search(g_talk, np.full(n_conv, frames.t_min), side="left")
    last = tl.search(g_talk, np.full(n_conv, frames.t_max), side="right")
    outside = (last - first) - observed.sum(axis=1)
    base = np.clip(outside / outside_days, 0.0, None) if outside_days >= 1 else np.zeros(n_conv)

    # Microphone world: the own rate before; the window's excess re-injected after, fading.
    excess = np.clip(observed.sum(axis=1) - base * len(days), 0.0, None)
    after = days >= 0
    weight = np.where(after, np.exp2(-np.clip(days, 0, None) / TRIGGER_HALF_LIFE_DAYS), 0.0)
    weight /= weight.sum()
    microphone = base[:, None] + excess[:, None] * weight[None, :]

    rows = []
    for world, matrix in ((OBSERVED, observed), (MICROPHONE, microphone)):
        rate = matrix.mean(axis=0) if n_conv else np.full(len(days), np.nan)
        rows.append(pd.DataFrame({"day": days, "world": world, "rate": rate,
                                  "n_conversations": n_conv}))
    study = pd.concat(rows, ignore_index=True)

    pre = (days >= -STAT_DAYS) & (days < 0)
    post = (days >= 0) & (days < STAT_DAYS)
    sums = np.column_stack([observed[:, pre].sum(1), observed[:, post].sum(1),
                            microphone[:, pre].sum(1), microphone[:, post].sum(1)])
    statistic = _pre_share_statistic(sums, n_boot, seed, confidence)
    # How much the daily rate jumps from the week before to the week after, in each world.
    for name, matrix in (("observed", observed), ("microphone", microphone)):
        jump = (matrix[:, post].mean() - matrix[:, pre].mean()) if n_conv else float("nan")
        statistic[f"{name}_jump_per_day"] = float(jump)
    if not per_conversation:
        return study, statistic, None
    per_conv = pd.DataFrame({
        "conversation_event_id": np.repeat(
            frames.source["event_id"].iloc[talks["row"].to_numpy()].astype(str).to_numpy(),
            len(days)),
        "day": np.tile(days, n_conv), "observed": observed.ravel(),
        "microphone": microphone.ravel(),
    })
    return study, statistic, per_conv


def _share_difference(s: np.ndarray) -> np.ndarray:
    """s[..., 4] = (observed pre, observed post, microphone pre, microphone post) sums."""
    with np.errstate(invalid="ignore", divide="ignore"):
        obs = s[..., 0] / (s[..., 0] + s[..., 1])
        mic = s[..., 2] / (s[..., 2] + s[..., 3])
    return obs - mic


def _pre_share_statistic(sums: np.ndarray, n_boot: int, seed: int,
                         confidence: float) -> dict[str, Any]:
    n = n_conversations = len(sums)
    total = sums.sum(axis=0)
    value = float(_share_difference(total))
    with np.errstate(invalid="ignore", divide="ignore"):
        obs_share = float(total[0] / (total[0] + total[1]))
        mic_share = float(total[2] / (total[2] + total[3]))
    low = high = float("nan")
    if n >= 2 and n_boot > 0:
        rng = np.random.default_rng(seed)
        if n > MAX_BOOT_UNITS:
            # Conversations are dealt at random into equal-odds groups and groups are
            # resampled: group sums are independent like the conversations, so the interval
            # is the same in expectation, at a fraction of the cost on large populations.
            group = rng.permutation(n) % MAX_BOOT_UNITS
            sums = np.column_stack([np.bincount(group, weights=sums[:, j],
                                                minlength=MAX_BOOT_UNITS)
                                    for j in range(sums.shape[1])])
            n = MAX_BOOT_UNITS
        draws = []
        chunk = max(1, BOOT_COUNTS_PER_CHUNK // n)  # the same draws whatever the chunk
        for start in range(0, n_boot, chunk):
            k = min(chunk, n_boot - start)
            # How often each conversation is drawn in each resample, then one matrix product.
            idx = rng.integers(0, n, size=(k, n)) + (np.arange(k) * n)[:, None]
            times_drawn = np.bincount(idx.ravel(), minlength=k * n).reshape(k, n)
            draws.append(_share_difference(times_drawn @ sums))
        boot = np.concatenate(draws)
        boot = boot[np.isfinite(boot)]
        if len(boot):
            alpha = (1 - confidence) / 2
            low, high = (float(q) for q in np.quantile(boot, [alpha, 1 - alpha]))
    return {
        "name": "Difference in the share of ±7-day topic exposures that come before the "
                "conversation (observed minus microphone world)",
        "value": value, "ci_low": low, "ci_high": high, "confidence": confidence,
        "observed_share_before": obs_share, "microphone_share_before": mic_share,
        "n_conversations": int(n_conversations), "n_boot": int(n_boot),
        "meaning": "Above zero: in the observed data ads on the topic were already there before "
                   "people talked about it — interest-driven targeting, not listening. If ads "
                   "were triggered by listening, most would come after (the microphone world). "
                   "The interval is a bootstrap over conversations; if it excludes zero, the "
                   "data do not look like listening.",
    }


# --- the whole analysis -----------------------------------------------------------------------
@dataclass(frozen=True, eq=False)
class RecallResult:
    """Everything the Recall page and the `recall` command show."""

    coincidences: pd.DataFrame
    prior_exposures: pd.DataFrame
    aggregates: dict[str, pd.DataFrame]
    event_study: pd.DataFrame
    statistic: dict[str, Any]
    scenario: Scenario
    params: MemoryParams
    window_hours: float
    lookback_days: float
    notice_ms: float
    notes: list[str] = field(default_factory=list)

    def to_json_dict(self, max_coincidences: int | None = None) -> dict[str, Any]:
        return _to_json_dict(self, max_coincidences)


def _resolve(prepared_or_dataset: Any) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame,
                                               np.ndarray | None, Attribute]:
    """Events, ads, users, the engine's topic of each event (chats inferred by its text
    model) and an attribution function, from an engine `Prepared` or a `Dataset`."""
    from adlens import engine  # loads the text model; only needed here
    from adlens.dataset import Dataset

    prepared = (engine.prepare(prepared_or_dataset)
                if isinstance(prepared_or_dataset, Dataset) else prepared_or_dataset)
    dataset = prepared.dataset

    def attribute(scenario: Scenario, pairs: pd.DataFrame) -> pd.DataFrame:
        return engine.attribute_at(prepared, scenario, pairs)

    return (dataset.events, dataset.ads, dataset.users, prepared.codes.event_topic, attribute)


def analyse_recall(
    prepared_or_dataset: Any,
    scenario: Scenario | None = None,
    params: MemoryParams = DEFAULT_PARAMS,
    window_hours: float = 48,
    lookback_days: float = 14,
    *,
    notice_ms: float = 1000,
    recall_threshold: float = 0.5,
    n_boot: int = 1000,
    seed: int = 0,
    frames: tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame] | None = None,
    attribute: Attribute | None = None,
) -> RecallResult:
    """Coincidences with their prior exposures, labels, aggregates and the microphone event
    study. `frames=(events, ads, users)` and `attribute` replace what the engine would give
    (events must then carry the chats' topics)."""
    scenario = Scenario() if scenario is None else scenario
    _check_settings(window_hours, lookback_days, notice_ms, recall_threshold, n_boot)
    event_topic = None
    if frames is None or attribute is None:
        events, ads, users, event_topic, engine_attribute = _resolve(prepared_or_dataset)
        attribute = attribute or engine_attribute
    if frames is not None:
        events, ads, users = frames
        event_topic = None
    fr = build_inputs(events, ads, users, scenario.as_of, notice_ms, event_topic)
    co, prior = find_coincidences(fr, params, window_hours, lookback_days, recall_threshold)

    region_of_country = {c: schema.region_of(c) for c in pd.unique(users["country"].astype(str))}
    region_of_user = users.set_index("user_id")["country"].astype(str).map(region_of_country)
    co["region"] = co["user_id"].map(region_of_user).fillna("Other").astype(str)

    # The given scenario, and the AI-chat signal on and off (sharing the run that matches).
    runs: dict[bool, pd.DataFrame] = {}
    for flag in (scenario.ai_chat, not scenario.ai_chat):
        runs[flag] = explain(co, attribute, scenario.with_(ai_chat=flag))
    given = runs[scenario.ai_chat]
    co["explained_by"] = given["explained_by"].to_numpy()
    co["top_signal"] = given["top_signal"].to_numpy()
    co["label"] = label(co, given)
    co["label_ai_chat_on"] = label(co, runs[True])
    co["label_ai_chat_off"] = label(co, runs[False])
    co["top_signal_ai_chat_on"] = runs[True]["top_signal"].to_numpy()
    aggs = aggregates(co)
    study, statistic, _ = event_study(fr, n_boot=n_boot, seed=seed)
    notes = []
    n_study = statistic["n_conversations"]
    if n_study == 0:
        notes.append("No reported conversation has the full 14 days before and 7 days after it "
                     "in the data, so the event study cannot be drawn.")
    elif n_study < 30:
        notes.append(f"Only {n_study} reported conversations have the full 14 days before and "
                     "7 days after them in the data; the event study is noisy.")
    return RecallResult(co, prior, aggs, study, statistic, scenario, params, window_hours,
                        lookback_days, notice_ms, notes)


def _check_settings(window_hours: float, lookback_days: float, notice_ms: float,
                    recall_threshold: float, n_boot: int) -> None:
    checks = [
        (np.isfinite(window_hours) and 0 < window_hours <= 24 * 31,
         f"The coincidence window must be between 0 and 744 hours, got {window_hours}."),
        (np.isfinite(lookback_days) and 0 < lookback_days <= 365,
         f"The lookback must be between 0 and 365 days, got {lookback_days}."),
        (np.isfinite(notice_ms) and notice_ms >= 0,
         f"The noticing threshold must be a non-negative dwell in ms, got {notice_ms}."),
        (0 < recall_threshold <= 1,
         f"The recall threshold is a probability in (0, 1], got {recall_threshold}."),
        (n_boot >= 0, f"The number of bootstrap draws cannot be negative, got {n_boot}."),
    ]
    for ok, message in checks:
        if not ok:
            raise ValueError(message)


# --- JSON and CLI -----------------------------------------------------------------------------
def _iso(ts: pd.Series) -> list[str | None]:
    return [None if pd.isna(t) else t.isoformat() for t in ts]


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    return json.loads(frame.to_json(orient="records", date_format="iso"))


def _finite_or_none(value: Any) -> Any:
    if isinstance(value, float) and not np.isfinite(value):
        return None
    return value


def _to_json_dict(result: RecallResult, max_coincidences: int | None) -> dict[str, Any]:
    co = result.coincidences
    if max_coincidences is not None:
        co = co.head(max_coincidences)
    prior = result.prior_exposures
    prior = prior[prior["coincidence_id"].isin(co["coincidence_id"])]
    exposure_records = pd.DataFrame({
        "coincidence_id": prior["coincidence_id"].to_numpy(),
        "ts": _iso(prior["ts"]),
        "dwell_ms": prior["dwell_ms"].to_numpy(),
        "p_encoded": prior["p_encoded"].round(6).to_numpy(),
        "p_recall": prior["p_recall"].round(6).to_numpy(),
    })
    nested = {cid: _records(g.drop(columns="coincidence_id"))
              for cid, g in exposure_records.groupby("coincidence_id", sort=False)}
    listed = pd.DataFrame({
        "coincidence_id": co["coincidence_id"].to_numpy(),
        "user_id": co["user_id"].to_numpy(), "kind": co["kind"].to_numpy(),
        "topic": co["topic"].to_numpy(), "region": co["region"].to_numpy(),
        "conversation_ts": _iso(co["conversation_ts"]),
        "ad_id": co["ad_id"].to_numpy(), "app": co["app"].to_numpy(),
        "ad_ts": _iso(co["ad_ts"]),
        "p_recall_max": co["p_recall_max"].round(6).to_numpy(),
        "priming": co["priming"].round(6).to_numpy(),
        "label": co["label"].to_numpy(),
    })
    records = _records(listed)
    for rec, signals in zip(records, co["explained_by"], strict=True):
        rec["prior_exposures"] = nested.get(rec["coincidence_id"], [])
        rec["explained_by"] = list(signals)
    return {
        "scenario": result.scenario.to_dict(),
        "settings": {"window_hours": result.window_hours, "lookback_days": result.lookback_days,
                     "notice_ms": result.notice_ms},
        "label_rules": LABEL_RULES,
        "aggregates": {name: _records(frame) for name, frame in result.aggregates.items()},
        "event_study": _records(result.event_study),
        "statistic": {k: _finite_or_none(v) for k, v in result.statistic.items()},
        "notes": result.notes,
        "n_coincidences": int(len(result.coincidences)),
        "coincidences": records,
    }


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from adlens.cli_engine import add_scenario_arguments  # --data and the scenario flags

    add_scenario_arguments(parser)
    parser.add_argument("--window-hours", type=float, default=48, metavar="H",
                        help="how soon after the conversation the ad must come (default 48)")
    parser.add_argument("--lookback-days", type=float, default=14, metavar="D",
                        help="how far before the conversation to look for exposures (14)")
    parser.add_argument("--max-coincidences", type=int, default=None, metavar="N",
                        help="list at most this many coincidences (default: all)")


def run(args: argparse.Namespace) -> int:
    from adlens.cli_engine import scenario_from_args
    from adlens.contract import ContractError, load_dataset

    try:
        scenario = scenario_from_args(args)
        if args.max_coincidences is not None and args.max_coincidences < 0:
            raise ValueError("--max-coincidences cannot be negative.")
        # Settings are checked before the (slow) load, so a typo fails at once.
        _check_settings(args.window_hours, args.lookback_days, 1000, 0.5, 0)
        dataset = load_dataset(args.data)
        result = analyse_recall(dataset, scenario, window_hours=args.window_hours,
                                lookback_days=args.lookback_days)
    except (ContractError, ValueError, OSError) as exc:
        print(str(exc), file=sys.stderr)
        return 2
    json.dump(result.to_json_dict(args.max_coincidences), sys.stdout, default=str,
              allow_nan=False)
    sys.stdout.write("\n")
    return 0

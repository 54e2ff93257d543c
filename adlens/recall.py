"""Recall timelines: conversations followed by a noticed ad, and the exposures that came before.

Also owns the labels' checks (excess over placebo moments, validity against the simulation's
truth) and the CLI command `recall`; the microphone test itself is `adlens.mic_test`.

A *coincidence* is a conversation about a topic (an offline `conversation` the person reported,
or separately an `ai_chat`) followed within `window_hours` by an ad on that topic the person
noticed (an `ad_impression` with dwell of at least `notice_ms`, or an `ad_click`). When several
conversations of the same kind precede the same noticed ad, the latest one is kept. For each
coincidence the *prior exposures* are the person's impressions of ads on the topic in the
`lookback_days` before the conversation (2 by default: Meta's ad-recall question asks about
the last two days); the memory model (`adlens.memory`) gives each one's
chance of having been encoded and of being recalled at the conversation, and the combined
implicit priming at that moment. The engine's attribution of the later ad (`attribute_at`, at
the moment it was shown) gives the signals that explain it: those contributing at least
`EXPLAIN_SHARE` of its positive contributions, largest first.

Labels, first matching rule wins (`LABEL_RULES`, shown on the Method page):

1. "had an earlier exposure, likely remembered": some prior exposure would still be recalled
   at the conversation with probability ≥ `recall_threshold` (0.5). The person could have
   known; it is not a case of "not realising".
2. "had an earlier exposure, likely forgotten": a prior exposure at least as long as the
   encoding threshold (0.25 s, where recall becomes measurable) exists, but none is likely to
   be recalled. Instagram's claim is that such an ad prompted the talk; the label says only
   that it came first (it was "seen before and forgotten" until checked against the
   generator's truth: see `LABEL_CLAIMS`). It outranks the signal-based labels because it is
   about what came before the talk, while signals only explain why the later ad was chosen.
3. "explained by the AI chat itself": no perceptible prior exposure, and the AI-chat signal is
   the largest contributor to the later ad. Not overheard, but it feels the same.
4. "explained by other signals": other signals (likes, follows, site visits, similar people...)
   explain the later ad.
5. "chance": nothing in the data explains it.

Two checks keep the labels honest:

- Excess over placebo (`placebo_excess`): the same flags (an earlier exposure; one likely
  forgotten; one likely remembered) at matched placebo moments — the same person and topic, at
  times people in the data talk, with no conversation or AI chat on the topic within the window
  — so "52% had seen an ad" becomes "this many more than chance would give", with a bootstrap
  interval over people.
- Validity (`label_validity`): on simulated data, each label's precision and recall against
  the generator's record of which conversations an ad exposure primed (and which exposure).

The microphone (never a signal) is tested by `adlens.mic_test`: ads on the topic after minus
before each conversation, against the same at placebo times, with a pre-stated decision rule
whose false-alarm rate and power are measured on null and listening worlds. `listening_preview`
shows what the data would have looked like had ads been triggered by listening (an explicitly
labelled counterfactual).
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from fractions import Fraction
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
# The first two labels were "seen before and remembered / forgotten", which claimed the earlier
# ad explains the conversation. Checked against the generator's record of which conversations
# an ad primed (5,000 people as the sample, two-day lookback) that claim held for 4% and 8% of
# the moments given them (6% and 9% with a 14-day lookback): they say what they show instead.
REMEMBERED = "had an earlier exposure, likely remembered"
FORGOTTEN = "had an earlier exposure, likely forgotten"
AI_CHAT_ITSELF = "explained by the AI chat itself"
OTHER_SIGNALS = "explained by other signals"
CHANCE = "chance"
LABELS: tuple[str, ...] = (REMEMBERED, FORGOTTEN, AI_CHAT_ITSELF, OTHER_SIGNALS, CHANCE)
LABEL_RULES: list[dict[str, str]] = [
    {"label": REMEMBERED,
     "rule": "An ad on the topic seen in the lookback would still be recalled at the "
             "conversation with probability ≥ 0.5 (p_recall_max ≥ the recall threshold, 0.5 "
             "by default).",
     "why": "The person could have known they had seen it: not a case of 'not realising'. It "
            "says an ad came first, not that the ad prompted the talk: often both come from "
            "the same interest (see the excess over placebo moments and the label check)."},
    {"label": FORGOTTEN,
     "rule": "An ad on the topic was on screen in the lookback for at least the encoding "
             "threshold (0.25 s by default), but none would likely be recalled "
             "(p_recall_max < 0.5).",
     "why": "Instagram's claim is that such an ad prompted the talk. The label only says the "
            "ad came first: at random moments with no conversation people have such an "
            "exposure too, and on simulated data few of these ads prompted the conversation "
            "(see the Method page). It outranks signals because it is about what came before "
            "the talk; signals only explain why the later ad was chosen."},
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
LOOKBACK_DAYS = 2.0  # Meta's ad-recall question: "... in the last two days?"
EXPLAIN_SHARE = 0.05  # a signal explains an ad if it gives ≥ 5% of its positive contributions
MAX_BOOT_UNITS = 10_000  # above this many people, resample random groups of them
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
    lookback_days: float = LOOKBACK_DAYS,
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
    owner, at, rank, age_h, dwell = _exposures_before(tl, imps, g_co, t_co, lookback_ms)
    total = owner.size
    t_exp = imps["t"].to_numpy()[at]
    exp_src = src.iloc[imps["row"].to_numpy()[at]]
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
    co["g"], co["t_ms"] = g_co, t_co  # the numeric keys, for placebo moments
    return co, prior


def _exposures_before(tl: _Timeline, imps: pd.DataFrame, g: np.ndarray, t: np.ndarray,
                      lookback_ms: int) -> tuple[np.ndarray, ...]:
    """Every impression of group g[i] in [t[i] - lookback, t[i]), for many moments at once:
    (moment index, impression position in `imps`, earlier exposures of the moment before it,
    age in hours, dwell ms), in time order within each moment."""
    lo = tl.search(g, t - lookback_ms, side="left")
    hi = tl.search(g, t, side="left")
    n = hi - lo
    total = int(n.sum())
    owner = np.repeat(np.arange(g.size), n)
    rank = np.arange(total) - np.repeat(np.cumsum(n) - n, n)
    at = tl.order[np.repeat(lo, n) + rank]
    age_h = (t[owner] - imps["t"].to_numpy()[at]) / _HOUR_MS
    return owner, at, rank, age_h, imps["dwell_ms"].to_numpy()[at]


def memory_flags(frames: RecallInputs, g: np.ndarray, t: np.ndarray,
                 params: MemoryParams = DEFAULT_PARAMS, lookback_days: float = LOOKBACK_DAYS,
                 recall_threshold: float = 0.5) -> pd.DataFrame:
    """At moments (person-topic group g, time t in ms): had_exposure (an impression on the
    topic at least as long as the encoding threshold in the lookback), remembered (one would
    be recalled with probability ≥ the threshold) and forgotten (had_exposure, not remembered)
    — the same rules as the coincidence labels, for placebo moments."""
    imps = frames.impressions
    lookback_ms = int(round(lookback_days * _DAY_MS))
    t0, span = frames.timeline_span(lookback_ms)
    tl = _Timeline(imps["g"].to_numpy(), imps["t"].to_numpy(), t0, span)
    owner, _, rank, age_h, dwell = _exposures_before(tl, imps, g, t, lookback_ms)
    perceptible = np.nan_to_num(dwell, nan=0.0) >= params.encoding_threshold_ms
    best = np.zeros(g.size)
    np.maximum.at(best, owner, p_recall(dwell, age_h, params, n_prior=rank))
    had = np.bincount(owner, weights=perceptible, minlength=g.size) > 0
    remembered = best >= recall_threshold
    return pd.DataFrame({"had_exposure": had, "remembered": remembered,
                         "forgotten": had & ~remembered})


# --- signals and labels -----------------------------------------------------------------------
def explain(coincidences: pd.DataFrame, attribute: Attribute, scenario: Scenario,
            explain_share: float = EXPLAIN_SHARE) -> pd.DataFrame:
    """Which signals explain each coincidence's later ad, from the engine's attribution at the
    moment it was shown: `explained_by` (list, largest first) and `top_signal`."""
    return _explained(_attribution(coincidences, attribute, scenario), explain_share)


def _attribution(coincidences: pd.DataFrame, attribute: Attribute, scenario: Scenario
                 ) -> np.ndarray:
    """Each coincidence's later ad's contribution per signal (columns in schema.SIGNALS
    order; NaN for an unknown person or ad), at the moment it was shown."""
    n = len(coincidences)
    if n == 0:
        return np.zeros((0, len(schema.SIGNALS)))
    pairs = pd.DataFrame({
        "user_id": coincidences["user_id"].to_numpy(), "ad_id": coincidences["ad_id"].to_numpy(),
        "app": coincidences["app"].to_numpy(), "ts": coincidences["ad_ts"].to_numpy(),
    })
    pairs["ts"] = pd.to_datetime(pairs["ts"], utc=True)
    att = attribute(scenario, pairs)
    if len(att) != n:
        raise ValueError(f"The attribution returned {len(att)} rows for {n} ads.")
    return np.column_stack([
        att[f"contrib_{s}"].to_numpy(dtype=float) if f"contrib_{s}" in att else np.zeros(n)
        for s in schema.SIGNALS
    ])


def _explained(contrib: np.ndarray, explain_share: float = EXPLAIN_SHARE) -> pd.DataFrame:
    """`explain`'s columns from the contributions (`_attribution`)."""
    n = len(contrib)
    if n == 0:
        return pd.DataFrame({"explained_by": pd.Series([], dtype=object),
                             "top_signal": pd.Series([], dtype=str)})
    signals = np.array(schema.SIGNALS, dtype=object)
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


def _ai_chat_off(contrib: np.ndarray) -> np.ndarray:
    """The contributions with the AI-chat signal switched off, from those with it on: the
    switch blocks every chat (`signals.chat_rules`), so the AI-chat feature is log1p(0) = 0
    and its contribution 0 wherever the ad is known, and no other signal reads the switch
    (tested against attributing again with the switch off: tests/test_recall_labels.py)."""
    off = contrib.copy()
    col = off[:, schema.SIGNALS.index("ai_chat")]
    col[~np.isnan(col)] = 0.0
    return off


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
# Every aggregate is given for everyone ('All') and for each region, in this order.
AGGREGATE_GROUPS: tuple[str, ...] = (ALL, *schema.REGIONS)
# The coincidences' columns `aggregate_pieces` reads (all it needs of a coincidence).
AGGREGATE_COLUMNS = ("region", "kind", "label", "label_ai_chat_on", "label_ai_chat_off",
                     "forgotten_prior", "n_prior_exposures", "lead_hours",
                     "top_signal_ai_chat_on", "p_recall_max", "priming")
# Counted per group (the columns of AggregatePieces.counts); n_p_recall_max and n_priming count
# the values their means are taken over.
_COUNTED = ("n_coincidences", "n_conversation", "n_ai_chat", "n_ai_chat_explains",
            "n_label_ai_chat_on", "n_label_ai_chat_off", "n_forgotten_prior", "n_with_prior",
            "n_p_recall_max", "n_priming")
_AVERAGED = ("p_recall_max", "priming")
_LABEL_COLUMNS = ("label", "label_ai_chat_on", "label_ai_chat_off")
# frexp's exponents of finite float64 values lie in [-1073, 1024].
_EXPONENT_OFFSET = 1100
_EXPONENTS = 2200
_HALF_BITS = 26


@dataclass(frozen=True, eq=False)
class ExactSums:
    """Sums of floats by key that are the same whatever order and grouping the values were
    added in (blocks of people in any number): each value is its 53-bit significand times a
    power of two, the significand is split into two 26-bit halves, and the halves are summed as
    integers per key and exponent (exact up to 2**36 values per key). `total(key)` is the exact
    sum; a mean is then rounded once."""

    key: np.ndarray  # int64, sorted and unique: key * _EXPONENTS + exponent + _EXPONENT_OFFSET
    hi: np.ndarray  # int64 sums of the significands' upper halves
    lo: np.ndarray  # int64 sums of their lower halves

    @staticmethod
    def of(values: np.ndarray, keys: np.ndarray) -> ExactSums:
        """The finite, non-zero `values` summed by `keys` (non-negative integers)."""
        values = np.asarray(values, dtype=np.float64)
        take = np.isfinite(values) & (values != 0)
        m, e = np.frexp(values[take])
        significand = (m * 2.0**53).astype(np.int64)  # exact: m has 53 significant bits
        key = (np.asarray(keys, dtype=np.int64)[take] * _EXPONENTS
               + e.astype(np.int64) + _EXPONENT_OFFSET)
        return ExactSums._reduced(key, significand >> _HALF_BITS,
                                  significand & ((1 << _HALF_BITS) - 1))

    @staticmethod
    def _reduced(key: np.ndarray, hi: np.ndarray, lo: np.ndarray) -> ExactSums:
        order = np.argsort(key, kind="stable")
        key, hi, lo = key[order], hi[order], lo[order]
        if not key.size:
            return ExactSums(key, hi, lo)
        starts = np.flatnonzero(np.r_[True, key[1:] != key[:-1]])
        return ExactSums(key[starts], np.add.reduceat(hi, starts), np.add.reduceat(lo, starts))

    def __add__(self, other: ExactSums) -> ExactSums:
        return ExactSums._reduced(np.concatenate([self.key, other.key]),
                                  np.concatenate([self.hi, other.hi]),
                                  np.concatenate([self.lo, other.lo]))

    def total(self, key: int) -> Fraction:
        """The exact sum of the values given this key."""
        lo, hi = np.searchsorted(self.key, [key * _EXPONENTS, (key + 1) * _EXPONENTS])
        out = Fraction(0)
        for i in range(lo, hi):
            exponent = int(self.key[i] - key * _EXPONENTS) - _EXPONENT_OFFSET - 53
            significand = (int(self.hi[i]) << _HALF_BITS) + int(self.lo[i])
            out += significand * (Fraction(2) ** exponent)
        return out


_REGION_INDEX = pd.Index(schema.REGIONS, dtype=object)
_LABEL_INDEX = pd.Index(LABELS, dtype=object)


def _group_codes(region: Any) -> np.ndarray:
    """Each coincidence's region as its row of AGGREGATE_GROUPS (1 onwards; -1: a region that is
    none of schema.REGIONS, counted in 'All' only)."""
    codes = _REGION_INDEX.get_indexer(np.asarray(region, dtype=object))
    return np.where(codes >= 0, codes.astype(np.int64) + 1, -1)


def _lead_hour(lead_hours: np.ndarray) -> np.ndarray:
    """The whole hour a lead (hours, not NaN) falls in: the median's first pass counts these."""
    return np.maximum(np.floor(lead_hours), 0).astype(np.int64)


def _padded_sum(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    width = max(a.shape[-1], b.shape[-1])
    pad = [(0, 0)] * (a.ndim - 1)
    return (np.pad(a, [*pad, (0, width - a.shape[-1])])
            + np.pad(b, [*pad, (0, width - b.shape[-1])]))


@dataclass(frozen=True, eq=False)
class AggregatePieces:
    """The coincidences' aggregates as counts and exact sums per group (`AGGREGATE_GROUPS`):
    they add up across blocks of people, so a block hands these back instead of its
    coincidences, and the same function turns them into the aggregates whether they came from
    one set of coincidences or many blocks. The median lead time does not add up: `lead_hours`
    counts the leads per whole hour, which places the median, and `aggregates_from` then reads
    only the leads of the median's hour (a second, exact pass)."""

    counts: np.ndarray  # int64 (group, _COUNTED)
    labels: np.ndarray  # int64 (_LABEL_COLUMNS, group, LABELS)
    lead_days: np.ndarray  # int64 (group, whole days of lead)
    lead_hours: np.ndarray  # int64 (group, whole hours of lead)
    sums: ExactSums  # keyed by _AVERAGED index * len(AGGREGATE_GROUPS) + group

    def __add__(self, other: AggregatePieces) -> AggregatePieces:
        return AggregatePieces(self.counts + other.counts, self.labels + other.labels,
                               _padded_sum(self.lead_days, other.lead_days),
                               _padded_sum(self.lead_hours, other.lead_hours),
                               self.sums + other.sums)

    @property
    def n_coincidences(self) -> int:
        return int(self.counts[0, 0])


def aggregate_pieces(co: pd.DataFrame) -> AggregatePieces:
    """Counts and sums of coincidences (the `AGGREGATE_COLUMNS` of `find_coincidences` with
    labels) by group: every coincidence in 'All' and in its region."""
    n_groups = len(AGGREGATE_GROUPS)
    region = _group_codes(co["region"])
    # Each coincidence twice: once for 'All' (row 0), once for its region.
    group = np.concatenate([np.zeros(len(co), np.int64), region])
    row = np.tile(np.arange(len(co)), 2)
    group, row = group[group >= 0], row[group >= 0]

    def count(mask: np.ndarray) -> np.ndarray:
        return np.bincount(group[mask[row]], minlength=n_groups)

    def equals(column: str, value: str) -> np.ndarray:
        return co[column].eq(value).to_numpy(dtype=bool, na_value=False)

    averaged = {name: co[name].to_numpy(dtype=np.float64, na_value=np.nan)
                for name in _AVERAGED}
    flags = {
        "n_coincidences": np.ones(len(co), bool),
        "n_conversation": equals("kind", "conversation"),
        "n_ai_chat": equals("kind", "ai_chat"),
        # The AI chat is the largest contributor to the ad, whatever the label: the person
        # was not overheard, but it feels the same.
        "n_ai_chat_explains": equals("top_signal_ai_chat_on", "ai_chat"),
        "n_label_ai_chat_on": equals("label_ai_chat_on", AI_CHAT_ITSELF),
        "n_label_ai_chat_off": equals("label_ai_chat_off", AI_CHAT_ITSELF),
        "n_forgotten_prior": co["forgotten_prior"].to_numpy(dtype=bool),
        "n_with_prior": co["n_prior_exposures"].to_numpy(dtype=np.float64) > 0,
        **{f"n_{name}": np.isfinite(values) for name, values in averaged.items()},
    }
    counts = np.column_stack([count(flags[name]) for name in _COUNTED]).astype(np.int64)
    labels = np.zeros((len(_LABEL_COLUMNS), n_groups, len(LABELS)), np.int64)
    for i, column in enumerate(_LABEL_COLUMNS):
        code = _LABEL_INDEX.get_indexer(np.asarray(co[column], dtype=object))
        known = code[row] >= 0
        labels[i] = np.bincount(group[known] * len(LABELS) + code[row][known],
                                minlength=n_groups * len(LABELS)).reshape(n_groups, -1)
    lead = co["lead_hours"].to_numpy(dtype=np.float64, na_value=np.nan)[row]
    has_lead = ~np.isnan(lead)
    day = np.floor(lead[has_lead] / 24).astype(np.int64)
    on_day = day >= 0
    lead_days = np.bincount(group[has_lead][on_day] * (day.max(initial=-1) + 1) + day[on_day],
                            minlength=n_groups * (day.max(initial=-1) + 1))
    hour = _lead_hour(lead[has_lead])
    width = int(hour.max(initial=-1)) + 1
    lead_hours = np.bincount(group[has_lead] * width + hour, minlength=n_groups * width)
    sums = ExactSums.of(np.concatenate([values[row] for values in averaged.values()]),
                        np.concatenate([i * n_groups + group for i in range(len(_AVERAGED))]))
    return AggregatePieces(counts, labels,
                           lead_days.reshape(n_groups, -1).astype(np.int64),
                           lead_hours.reshape(n_groups, width).astype(np.int64), sums)


Leads = Callable[[], Iterable[tuple[Any, Any]]]


def lead_medians(lead_hours: np.ndarray, leads: Leads) -> np.ndarray:
    """The exact median lead (hours) of each group from the counts per whole hour
    (`AggregatePieces.lead_hours`) and one pass over `leads()`, which yields (region, lead_hours)
    of every coincidence in chunks (a block's file at a time, say): only the leads in the
    median's hour (or two hours, for an even count) are kept. NaN for a group with none."""
    out = np.full(lead_hours.shape[0], np.nan)
    needed: list[tuple[int, list[tuple[int, int]]]] = []
    for g, per_hour in enumerate(lead_hours):
        n = int(per_hour.sum())
        if not n:
            continue
        before = np.cumsum(per_hour) - per_hour
        picks = []
        for rank in sorted({(n - 1) // 2, n // 2}):
            hour = int(np.searchsorted(before + per_hour, rank, side="right"))
            picks.append((hour, rank - int(before[hour])))
        needed.append((g, picks))
    if not needed:
        return out
    wanted = sorted({(g, hour) for g, picks in needed for hour, _ in picks})
    kept: dict[tuple[int, int], list[np.ndarray]] = {key: [] for key in wanted}
    for region, lead in leads():
        lead = np.asarray(lead, dtype=np.float64)
        group = _group_codes(region)[~np.isnan(lead)]
        lead = lead[~np.isnan(lead)]
        hour = _lead_hour(lead)
        for g, h in wanted:
            kept[(g, h)].append(lead[(hour == h) & ((g == 0) | (group == g))])
    for g, picks in needed:
        values = []
        for hour, rank in picks:
            in_hour = np.sort(np.concatenate(kept[(g, hour)]))
            if len(in_hour) != lead_hours[g, hour]:
                raise ValueError("The coincidences read back do not match the ones counted "
                                 "(a block's file changed while they were combined).")
            values.append(in_hour[rank])
        out[g] = values[0] if len(values) == 1 else (values[0] + values[1]) / 2
    return out


def aggregates_from(pieces: AggregatePieces, leads: Leads) -> dict[str, pd.DataFrame]:
    """Overall ('All') and per-region summaries from the coincidences' pieces (summed over any
    number of blocks) and their leads (see `lead_medians`): summary, labels, ai_chat_switch,
    lead_time."""
    counts = pd.DataFrame(pieces.counts, columns=list(_COUNTED))
    n = counts["n_coincidences"].to_numpy()
    n_groups = len(AGGREGATE_GROUPS)

    def share(count: np.ndarray, of: np.ndarray) -> np.ndarray:
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.where(of > 0, count / np.where(of > 0, of, 1), np.nan)

    def mean(i: int, name: str) -> list[float]:
        # The exact sum divided once: the same mean however the coincidences were split.
        return [float(pieces.sums.total(i * n_groups + g) / int(c)) if c else float("nan")
                for g, c in enumerate(counts[f"n_{name}"].to_numpy())]

    summary = pd.DataFrame({
        "region": list(AGGREGATE_GROUPS),
        "n_coincidences": n,
        "n_conversation": counts["n_conversation"],
        "n_ai_chat": counts["n_ai_chat"],
        "share_forgotten_prior": share(counts["n_forgotten_prior"].to_numpy(), n),
        "share_with_prior": share(counts["n_with_prior"].to_numpy(), n),
        "median_lead_hours": lead_medians(pieces.lead_hours, leads),
        "mean_p_recall_max": mean(0, "p_recall_max"),
        "mean_priming": mean(1, "priming"),
        "n_ai_chat_explains": counts["n_ai_chat_explains"],
        "n_label_ai_chat_on": counts["n_label_ai_chat_on"],
        "n_label_ai_chat_off": counts["n_label_ai_chat_off"],
    })

    def by_region_and(values: np.ndarray, column: str, labels: Any) -> pd.DataFrame:
        grid = pd.MultiIndex.from_product([AGGREGATE_GROUPS, labels], names=["region", column])
        return pd.DataFrame({"count": values.reshape(-1).astype(np.int64)},
                            index=grid).reset_index()

    def with_share(frame: pd.DataFrame) -> pd.DataFrame:
        totals = frame.groupby("region", sort=False)["count"].transform("sum").to_numpy()
        frame["share"] = np.where(totals > 0, frame["count"] / np.where(totals > 0, totals, 1),
                                  0.0)
        return frame

    label_frame = with_share(by_region_and(pieces.labels[0], "label", LABELS))
    switch = by_region_and(pieces.labels[1], "label", LABELS).rename(
        columns={"count": "ai_chat_on"})
    switch["ai_chat_off"] = pieces.labels[2].reshape(-1).astype(np.int64)
    days = pieces.lead_days if pieces.lead_days.shape[1] else np.zeros((n_groups, 1), np.int64)
    lead_frame = with_share(by_region_and(days, "lead_days", range(days.shape[1])))
    return {"summary": summary, "labels": label_frame, "ai_chat_switch": switch,
            "lead_time": lead_frame}


def aggregates(co: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """Overall ('All') and per-region summaries of the coincidences: `aggregates_from` their
    pieces, as the engine in blocks of people combines them."""
    return aggregates_from(aggregate_pieces(co), lambda: [(co["region"], co["lead_hours"])])


# --- the excess over placebo moments -----------------------------------------------------------
PLACEBOS_PER_MOMENT = 5


def placebo_moments(frames: RecallInputs, co: pd.DataFrame, window_hours: float = 48,
                    per: int = PLACEBOS_PER_MOMENT, seed: int = 0) -> pd.DataFrame:
    """For each coincidence, up to `per` placebo moments: the same person and topic at a time
    people in the data talk, with no conversation or AI chat on the topic within
    `window_hours` either side. Columns coincidence_id, g, t_ms."""
    from adlens import mic_test  # the shared placebo drawing

    talks = frames.talks
    w = int(round(window_hours * _HOUR_MS))
    lookback_pad = int(365 * _DAY_MS)
    t0, span = frames.timeline_span(max(w, lookback_pad))
    blockers = mic_test._Counter(talks["g"].to_numpy(), talks["t"].to_numpy(), t0, span)
    g = co["g"].to_numpy(np.int64)
    pool = talks["t"].to_numpy(np.int64)
    owner, t = mic_test.draw_placebos(g, pool, blockers, w, per, np.random.default_rng(seed))
    return pd.DataFrame({"coincidence_id": co["coincidence_id"].to_numpy()[owner],
                         "g": g[owner], "t_ms": t})


def _person_bootstrap(columns: np.ndarray, n_boot: int, seed: int) -> np.ndarray:
    """Resampled column totals, people drawn with replacement: `columns` holds one row per
    person with that person's totals; returns (n_boot, n_columns)."""
    n = len(columns)
    if n < 2 or n_boot <= 0:
        return np.zeros((0, columns.shape[1]))
    rng = np.random.default_rng(seed)
    sums = columns
    if n > MAX_BOOT_UNITS:
        # People dealt at random into equal-odds groups and groups resampled: group sums are
        # independent like the people, at a fraction of the cost on large populations.
        group = rng.permutation(n) % MAX_BOOT_UNITS
        sums = np.column_stack([np.bincount(group, weights=columns[:, j],
                                            minlength=MAX_BOOT_UNITS)
                                for j in range(columns.shape[1])])
        n = MAX_BOOT_UNITS
    draws = []
    chunk = max(1, BOOT_COUNTS_PER_CHUNK // n)  # the same draws whatever the chunk
    for start in range(0, n_boot, chunk):
        k = min(chunk, n_boot - start)
        # How often each person is drawn in each resample, then one matrix product.
        idx = rng.integers(0, n, size=(k, n)) + (np.arange(k) * n)[:, None]
        times_drawn = np.bincount(idx.ravel(), minlength=k * n).reshape(k, n)
        draws.append(times_drawn @ sums)
    return np.concatenate(draws)


def _share_gap(s: np.ndarray) -> np.ndarray:
    """s[..., 4] = (moments, moments flagged, placebos, placebos flagged) totals."""
    with np.errstate(invalid="ignore", divide="ignore"):
        return s[..., 1] / s[..., 0] - s[..., 3] / s[..., 2]


def placebo_excess(frames: RecallInputs, co: pd.DataFrame, params: MemoryParams,
                   window_hours: float, lookback_days: float, recall_threshold: float,
                   n_boot: int = 1000, seed: int = 0) -> pd.DataFrame:
    """How much more often a coincidence has an earlier exposure than chance gives: for each
    flag (had_exposure, forgotten, remembered) the share at coincidences, the share at matched
    placebo moments, the excess and its 95% interval (bootstrap over people). Columns flag,
    share_moments, share_placebo, excess, ci_low, ci_high, n_moments, n_placebo."""
    plac = placebo_moments(frames, co, window_hours, seed=seed)
    at_placebo = memory_flags(frames, plac["g"].to_numpy(), plac["t_ms"].to_numpy(), params,
                              lookback_days, recall_threshold)
    at_moment = pd.DataFrame({"had_exposure": co["n_perceptible"].to_numpy() > 0,
                              "remembered": co["remembered"].to_numpy(bool),
                              "forgotten": co["forgotten_prior"].to_numpy(bool)})
    n_topics = max(len(frames.topics), 1)
    person_m = co["g"].to_numpy(np.int64) // n_topics
    person_p = plac["g"].to_numpy(np.int64) // n_topics
    people, inv = np.unique(np.concatenate([person_m, person_p]), return_inverse=True)
    im, ip = inv[:len(co)], inv[len(co):]
    flags = ("forgotten", "had_exposure", "remembered")
    # Per person: moments, placebos, then each flag's count at moments and at placebos.
    cols = [np.bincount(im, minlength=people.size), np.bincount(ip, minlength=people.size)]
    for flag in flags:
        cols.append(np.bincount(im, weights=at_moment[flag].to_numpy(float),
                                minlength=people.size))
        cols.append(np.bincount(ip, weights=at_placebo[flag].to_numpy(float),
                                minlength=people.size))
    cols = np.column_stack(cols).astype(float)
    total = cols.sum(axis=0)
    boot = _person_bootstrap(cols, n_boot, seed)
    rows = []
    for i, flag in enumerate(flags):
        pick = [0, 2 + 2 * i, 1, 3 + 2 * i]  # moments, flagged, placebos, flagged
        gap = _share_gap(boot[:, pick]) if len(boot) else np.zeros(0)
        gap = gap[np.isfinite(gap)]
        low, high = (np.quantile(gap, [0.025, 0.975]) if len(gap)
                     else (float("nan"), float("nan")))
        with np.errstate(invalid="ignore", divide="ignore"):
            rows.append({"flag": flag, "share_moments": total[pick[1]] / total[0],
                         "share_placebo": total[pick[3]] / total[1],
                         "excess": float(_share_gap(total[pick])), "ci_low": float(low),
                         "ci_high": float(high), "n_moments": int(total[0]),
                         "n_placebo": int(total[1])})
    return pd.DataFrame(rows)


# --- the labels against the simulation's truth ------------------------------------------------
PRIMED = "primed_by_ad"
NEEDS_SIMULATED = "needs simulated data"
# What each label claims, in the generator's terms: an earlier ad led to the conversation
# (primed) or it did not; "the AI chat itself" is a claim about the later ad, which the truth
# table does not describe.
LABEL_CLAIMS: dict[str, str | None] = {
    REMEMBERED: "primed", FORGOTTEN: "primed", AI_CHAT_ITSELF: None,
    OTHER_SIGNALS: "not primed", CHANCE: "not primed",
}


def label_validity(co: pd.DataFrame, prior: pd.DataFrame,
                   truth: pd.DataFrame | None) -> pd.DataFrame | None:
    """Precision and recall of each label against the generator's truth, or None without a
    truth table. A coincidence truly 'primed' has a conversation the truth says an ad exposure
    primed; a 'primed' label is right only if that very exposure is among its prior exposures,
    or if the data do not hold it (the generator records 1 in N impressions: then the claim
    'an earlier ad prompted it' is true but no recorded exposure is the one).
    Columns label, claim, n_labelled, n_true, n_correct, precision, recall."""
    if truth is None:
        return None
    cause = truth.drop_duplicates("event_id").set_index("event_id")
    conv = co["conversation_event_id"].astype(str)
    c_cause = conv.map(cause["cause"].astype(str)).fillna("").to_numpy()
    c_source = (conv.map(cause["source_event_id"]).fillna("").astype(str)
                .replace({"nan": "", "None": ""}).to_numpy())
    primed = c_cause == PRIMED
    # The priming exposure is among the coincidence's prior exposures (or not in the data).
    pairs = pd.MultiIndex.from_arrays([prior["coincidence_id"].to_numpy(),
                                       prior["event_id"].astype(str).to_numpy()])
    source_seen = pairs.get_indexer(pd.MultiIndex.from_arrays(
        [co["coincidence_id"].to_numpy(), c_source])) >= 0 if len(co) else np.zeros(0, bool)
    source_seen |= c_source == ""
    labels = co["label"].to_numpy()
    rows = []
    for lbl in LABELS:
        claim = LABEL_CLAIMS[lbl]
        mine = labels == lbl
        if claim is None:
            rows.append({"label": lbl, "claim": "the AI chat chose the later ad (not in the "
                         "truth table)", "n_labelled": int(mine.sum()), "n_true": None,
                         "n_correct": None, "precision": float("nan"), "recall": float("nan")})
            continue
        true = primed if claim == "primed" else ~primed
        correct = mine & (primed & source_seen if claim == "primed" else true)
        n_l, n_t, n_c = int(mine.sum()), int(true.sum()), int(correct.sum())
        rows.append({"label": lbl,
                     "claim": ("read as: an earlier ad prompted the conversation"
                               if claim == "primed" else
                               "no earlier ad exposure led to the conversation"),
                     "n_labelled": n_l, "n_true": n_t, "n_correct": n_c,
                     "precision": n_c / n_l if n_l else float("nan"),
                     "recall": n_c / n_t if n_t else float("nan")})
    return pd.DataFrame(rows)


# --- the whole analysis -----------------------------------------------------------------------
SIMULATION_NOTE = ("On simulated data the generator decides the answer: it either adds "
                   "listening ads or it does not. The test earns its keep on an analyst's own "
                   "data.")


@dataclass(frozen=True, eq=False)
class RecallResult:
    """Everything the Recall page and the `recall` command show.

    `mic`: the microphone test (`adlens.mic_test.MicResult`); `mic_profile`: ads on the topic
    around conversations and placebo times (hours, series, ads); `excess`: how much more often
    coincidences have an earlier exposure than matched placebo moments (`placebo_excess`);
    `validity`: each label's precision and recall against the generator's truth (None when the
    data have no truth table: uploaded data); `world`: the numbers the test read, to build a
    listening world from (`listening_preview`); `inputs`: the timelines (for `sensitivity`);
    `listening_rate`: R of a counterfactual listening world (0 for the announced-policy
    data)."""

    coincidences: pd.DataFrame
    prior_exposures: pd.DataFrame
    aggregates: dict[str, pd.DataFrame]
    mic: Any
    mic_profile: pd.DataFrame
    excess: pd.DataFrame
    validity: pd.DataFrame | None
    world: Any
    inputs: RecallInputs
    scenario: Scenario
    params: MemoryParams
    window_hours: float
    lookback_days: float
    notice_ms: float
    recall_threshold: float = 0.5
    listening_rate: float = 0.0
    notes: list[str] = field(default_factory=list)
    simulated: bool = False  # generated data (true interests, a truth table or generator meta)
    # All coincidences found, when `coincidences` holds only the first of them (the rest were
    # written to Parquet per block of people: adlens.block_commands); None: all are held.
    n_coincidences: int | None = None

    def to_json_dict(self, max_coincidences: int | None = None) -> dict[str, Any]:
        return _to_json_dict(self, max_coincidences)


def _resolve(prepared_or_dataset: Any) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame,
                                               np.ndarray | None, Attribute, Any]:
    """Events, ads, users, the engine's topic of each event (chats inferred by its text
    model), an attribution function and the dataset, from an engine `Prepared` or a
    `Dataset`."""
    from adlens import engine  # loads the text model; only needed here
    from adlens.dataset import Dataset

    prepared = (engine.prepare(prepared_or_dataset)
                if isinstance(prepared_or_dataset, Dataset) else prepared_or_dataset)
    dataset = prepared.dataset

    def attribute(scenario: Scenario, pairs: pd.DataFrame) -> pd.DataFrame:
        return engine.attribute_at(prepared, scenario, pairs)

    return (dataset.events, dataset.ads, dataset.users, prepared.codes.event_topic, attribute,
            dataset)


def _is_simulated(dataset: Any) -> bool:
    meta = getattr(dataset, "meta", None) or {}
    return (getattr(dataset, "truth", None) is not None
            or getattr(dataset, "interests", None) is not None
            or "generator" in meta)


def _listening_rate_of(dataset: Any) -> float:
    meta = getattr(dataset, "meta", None) or {}
    try:
        return float(meta.get("listening_rate", 0) or 0)
    except (TypeError, ValueError, AttributeError):
        return 0.0


def analyse_recall(
    prepared_or_dataset: Any,
    scenario: Scenario | None = None,
    params: MemoryParams = DEFAULT_PARAMS,
    window_hours: float = 48,
    lookback_days: float = LOOKBACK_DAYS,
    *,
    notice_ms: float = 1000,
    recall_threshold: float = 0.5,
    n_boot: int = 1000,
    seed: int = 0,
    frames: tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame] | None = None,
    attribute: Attribute | None = None,
    truth: pd.DataFrame | None = None,
    mic_settings: Any = None,
) -> RecallResult:
    """Coincidences with their prior exposures, labels, aggregates, the excess over placebo,
    the labels' validity (when the data carry the generator's truth) and the microphone test.
    `frames=(events, ads, users)`, `attribute` and `truth` replace what the dataset and engine
    would give (events must then carry the chats' topics)."""
    from adlens import mic_test

    scenario = Scenario() if scenario is None else scenario
    _check_settings(window_hours, lookback_days, notice_ms, recall_threshold, n_boot)
    mic_settings = mic_test.MicSettings() if mic_settings is None else mic_settings
    event_topic = None
    listening_rate = 0.0
    simulated = truth is not None
    if frames is None or attribute is None:
        events, ads, users, event_topic, engine_attribute, dataset = _resolve(
            prepared_or_dataset)
        attribute = attribute or engine_attribute
        if truth is None:
            truth = getattr(dataset, "truth", None)
        listening_rate = _listening_rate_of(dataset)
        simulated = simulated or _is_simulated(dataset)
    if frames is not None:
        events, ads, users = frames
        event_topic = None
    fr = build_inputs(events, ads, users, scenario.as_of, notice_ms, event_topic)
    co, prior = find_coincidences(fr, params, window_hours, lookback_days, recall_threshold)

    add_labels(co, users, attribute, scenario)
    aggs = aggregates(co)
    excess = placebo_excess(fr, co, params, window_hours, lookback_days, recall_threshold,
                            n_boot, seed)
    validity = label_validity(co, prior, truth)
    world = mic_test.world_from_inputs(fr)
    mic, profile = mic_test.test_and_profile(world, mic_settings, seed=seed)
    notes = []
    if not np.isfinite(mic.statistic):
        notes.append("No reported conversation has its whole two days before and after in the "
                     "data with a placebo time to match, so the microphone test cannot run.")
    elif mic.n_conversations < 200:
        notes.append(f"Only {mic.n_conversations} conversations can be tested: the test has "
                     "little power on so few.")
    # The timelines without the events table they index (it stays with the dataset), so a
    # cached result is small.
    light = dataclasses.replace(fr, source=fr.source.iloc[:0], users=fr.users.iloc[:0],
                                noticed=fr.noticed.iloc[:0])
    return RecallResult(co, prior, aggs, mic, profile, excess, validity, world, light, scenario,
                        params, window_hours, lookback_days, notice_ms, recall_threshold,
                        listening_rate, notes, simulated)


def add_labels(co: pd.DataFrame, users: pd.DataFrame, attribute: Attribute,
               scenario: Scenario) -> None:
    """Each coincidence's region, the signals that explain its later ad and its label, under
    the scenario and with the AI-chat signal on and off (columns added to `co`). Per person,
    so the engine in blocks of people labels each block on its own."""
    region_of_country = {c: schema.region_of(c) for c in pd.unique(users["country"].astype(str))}
    region_of_user = users.set_index("user_id")["country"].astype(str).map(region_of_country)
    co["region"] = co["user_id"].map(region_of_user).fillna("Other").astype(str)
    # The given scenario, and the AI-chat signal on and off: one attribution with the signal
    # on, the other from it (`_ai_chat_off`), instead of attributing every ad twice.
    contrib = _attribution(co, attribute, scenario.with_(ai_chat=True))
    runs = {True: _explained(contrib), False: _explained(_ai_chat_off(contrib))}
    given = runs[scenario.ai_chat]
    co["explained_by"] = given["explained_by"].to_numpy()
    co["top_signal"] = given["top_signal"].to_numpy()
    co["label"] = label(co, given)
    co["label_ai_chat_on"] = label(co, runs[True])
    co["label_ai_chat_off"] = label(co, runs[False])
    co["top_signal_ai_chat_on"] = runs[True]["top_signal"].to_numpy()


def listening_preview(result: RecallResult, rate: float = 0.5, seed: int = 0
                      ) -> tuple[pd.DataFrame, Any]:
    """What these data would have looked like if every conversation had triggered on average
    `rate` extra ads on its topic in the following hours (an explicit counterfactual): the
    exposure profile and the microphone test's result on that world."""
    from adlens import mic_test

    rng = np.random.default_rng(seed)
    world = mic_test.add_listening(result.world, rate, rng)
    result_, profile = mic_test.test_and_profile(world, result.mic.settings, seed=seed)
    return profile, result_


# --- sensitivity ------------------------------------------------------------------------------
# Each memory setting's plausible range (low, high) with why; the defaults sit inside.
SENSITIVITY_RANGES: dict[str, tuple[str, float, float, str]] = {
    "recall_half_life_hours": (
        "How fast ads are forgotten (recall half-life, hours)", 24.0, 120.0,
        "Assumption: about half to twice the fit to the cited forgetting data (52 h)."),
    "encoding_threshold_ms": (
        "Shortest look that can be remembered (ms)", 100.0, 1000.0,
        "Facebook IQ 2016 measured recall from 0.25 s; 0.1 s to 1 s brackets it."),
    "recall_threshold": (
        "Chance of recall that counts as 'remembered'", 0.3, 0.7,
        "Assumption: from 'quite possibly' to 'very likely' around 'more likely than not'."),
    "lookback_days": (
        "How far back exposures count (days)", 1.0, 14.0,
        "Meta's recall question asks about two days; 14 days was this page's earlier default."),
}
HEADLINES: dict[str, str] = {
    "forgotten_share": "Earlier exposure, likely forgotten",
    "forgotten_excess": "…beyond placebo moments (points)",
    "remembered_share": "Earlier exposure, likely remembered",
}


def sensitivity(result: RecallResult, seed: int = 0) -> pd.DataFrame:
    """How each headline moves when one memory setting goes to either end of its plausible
    range (`SENSITIVITY_RANGES`), the others at the result's values: setting, label, end
    ('low' | 'high'), value, headline, figure, at_default. The coincidences and their placebo
    moments stay the same (they do not depend on memory); only the flags are recomputed."""
    co, fr = result.coincidences, result.inputs
    plac = placebo_moments(fr, co, result.window_hours, seed=seed)
    g = np.concatenate([co["g"].to_numpy(np.int64), plac["g"].to_numpy(np.int64)])
    t = np.concatenate([co["t_ms"].to_numpy(np.int64), plac["t_ms"].to_numpy(np.int64)])
    n = len(co)
    base = {"params": result.params, "lookback_days": result.lookback_days,
            "recall_threshold": result.recall_threshold}

    def headlines(setting: dict[str, Any]) -> dict[str, float]:
        flags = memory_flags(fr, g, t, setting["params"], setting["lookback_days"],
                             setting["recall_threshold"])
        forgot = flags["forgotten"].to_numpy(float)
        with np.errstate(invalid="ignore"):
            share = forgot[:n].mean() if n else float("nan")
            placebo = forgot[n:].mean() if len(forgot) > n else float("nan")
            remembered = flags["remembered"].to_numpy(float)[:n].mean() if n else float("nan")
        return {"forgotten_share": share, "forgotten_excess": share - placebo,
                "remembered_share": remembered}

    at_default = headlines(base)
    rows = []
    for name, (text, low, high, _why) in SENSITIVITY_RANGES.items():
        for end, value in (("low", low), ("high", high)):
            setting = dict(base)
            if name in ("lookback_days", "recall_threshold"):
                setting[name] = value
            else:
                setting["params"] = dataclasses.replace(result.params, **{name: value})
            figures = headlines(setting)
            rows += [{"setting": name, "label": text, "end": end, "value": value,
                      "headline": HEADLINES[h], "figure": figures[h],
                      "at_default": at_default[h]} for h in HEADLINES]
    return pd.DataFrame(rows)


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


def _mic_json(result: RecallResult) -> dict[str, Any]:
    mic = result.mic.to_dict()
    out: dict[str, Any] = {
        "verdict": mic.pop("verdict"),
        "rule": "listening is flagged when the whole 95% interval of the after-minus-before "
                "excess over placebo times lies above zero (one-sided p-value below "
                f"{result.mic.settings.alpha:g})",
        "counterfactual_listening_rate": result.listening_rate,
        "note": SIMULATION_NOTE if result.simulated else
        "Your own data: nobody knows the answer in advance, which is what the test is for.",
    }
    for key, value in mic.items():
        if isinstance(value, tuple):
            value = [_finite_or_none(float(v)) for v in value]
        out[key] = _finite_or_none(value)
    return out


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
                     "notice_ms": result.notice_ms,
                     "recall_threshold": result.recall_threshold},
        "label_rules": LABEL_RULES,
        "aggregates": {name: _records(frame) for name, frame in result.aggregates.items()},
        "microphone_test": _mic_json(result),
        "excess_over_placebo": [{k: _finite_or_none(v) for k, v in row.items()}
                                for row in result.excess.to_dict("records")],
        "label_validity": (NEEDS_SIMULATED if result.validity is None else
                           [{k: _finite_or_none(v) for k, v in row.items()}
                            for row in result.validity.to_dict("records")]),
        "notes": result.notes,
        "n_coincidences": int(len(result.coincidences) if result.n_coincidences is None
                              else result.n_coincidences),
        "coincidences": records,
    }


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from adlens.cli_engine import add_scenario_arguments  # --data and the scenario flags

    add_scenario_arguments(parser)
    parser.add_argument("--window-hours", type=float, default=48, metavar="H",
                        help="how soon after the conversation the ad must come (default 48)")
    parser.add_argument("--lookback-days", type=float, default=LOOKBACK_DAYS, metavar="D",
                        help="how far before the conversation to look for exposures (default "
                             "2: Meta's ad-recall question asks about the last two days)")
    parser.add_argument("--max-coincidences", type=int, default=None, metavar="N",
                        help="list at most this many coincidences (default: all)")
    from adlens.cli_engine import add_block_arguments

    add_block_arguments(parser)


def run(args: argparse.Namespace) -> int:
    from adlens.block_commands import use_blocks
    from adlens.cli_engine import scenario_from_args
    from adlens.contract import ContractError, load_dataset, max_bytes_of

    try:
        scenario = scenario_from_args(args)
        if args.max_coincidences is not None and args.max_coincidences < 0:
            raise ValueError("--max-coincidences cannot be negative.")
        # Settings are checked before the (slow) load, so a typo fails at once.
        _check_settings(args.window_hours, args.lookback_days, 1000, 0.5, 0)
        computed = None
        if use_blocks(args.data, args.blocks, args.block_people):
            result, computed = _recall_in_blocks(args, scenario)
        else:
            dataset = load_dataset(args.data, max_bytes=max_bytes_of(args.max_mb))
            result = analyse_recall(dataset, scenario, window_hours=args.window_hours,
                                    lookback_days=args.lookback_days)
    except (ContractError, ValueError, OSError) as exc:
        print(str(exc), file=sys.stderr)
        return 2
    out = result.to_json_dict(args.max_coincidences)
    if computed is not None:
        out["computed"] = computed
    json.dump(out, sys.stdout, default=str, allow_nan=False)
    sys.stdout.write("\n")
    return 0


def _recall_in_blocks(args: argparse.Namespace, scenario: Scenario
                      ) -> tuple[RecallResult, dict[str, Any]]:
    from adlens import block_commands
    from adlens.blocks import close_client
    from adlens.cli_engine import _progress, cluster_client

    client = cluster_client(args)
    try:
        return block_commands.recall_blocks(
            args.data, scenario, args.block_people, window_hours=args.window_hours,
            lookback_days=args.lookback_days, sample_people=args.sample_people, client=client,
            progress=_progress, max_coincidences=args.max_coincidences)
    finally:
        close_client(client)
